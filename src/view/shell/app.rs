use std::rc::Rc;

use yew::prelude::*;

use super::header::Header;
use super::notices::Notices;
use super::tabs::{panel_id, tab_id, Tabs};
use crate::model::embed::{DATA_FILE, SOURCES_FILE};
use crate::model::events::HostEvent;
use crate::model::intent::{Intent, Scope};
use crate::model::route::{ChartTarget, Route};
use crate::model::{Config, Content, SectionIx, View};
use crate::platform::data::{self, DataState};
use crate::platform::{events, fragment, intents, page};
use crate::state::chart::Pos;
use crate::state::{AppAction, AppState};
use crate::view::chart::{ChartView, Layout};
use crate::view::points::PointsView;
use crate::view::quiz::QuizView;
use crate::view::timeline::TimelineView;
use crate::view::{ContentRef, DataCtx, Islands, Links, Nav};

/// The markup of the views that need the on-demand data, rendered at build time from the
/// data (see `src/bin/prerender.rs`) and kept by the live page until its data arrives.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IslandHtml {
    pub points: AttrValue,
    pub quiz: AttrValue,
    pub timeline: AttrValue,
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub content: ContentRef,
    #[prop_or_default]
    pub config: Config,
    /// The route from the URL fragment at start-up, if any.
    #[prop_or_default]
    pub route: Option<Route>,
    /// Notices about bad configuration, shown once at the top.
    #[prop_or_default]
    pub notices: Vec<String>,
    /// Keep the page's URL fragment in step with the selection (standalone page and
    /// iframe embed). Off for the custom element: the host page owns its URL.
    #[prop_or_default]
    pub sync_fragment: bool,
    /// Hydrating server-rendered markup: the first render must have the structure the
    /// server rendered (the default config), so only the view and theme (attributes)
    /// apply at once; the selection, route and notices follow right after, and the views
    /// that need the on-demand data keep the server's markup until it is here.
    #[prop_or_default]
    pub hydrating: bool,
    /// While hydrating: the view the prerendered page shows, which the boot script set
    /// from the address or from a tab the reader tapped before the app ran. Hydration
    /// renders that view (see [`AppState::for_hydration`]).
    #[prop_or_default]
    pub shown_view: Option<View>,
    /// The chart's layout the screen hid at start-up, marked by the host for hydration to
    /// adopt unwalked (see [`Layout`]).
    #[prop_or_default]
    pub layout_later: Option<Layout>,
    /// Build time only: the markup of the data views, emitted as is (see [`IslandHtml`]).
    #[prop_or_default]
    pub islands: Option<Rc<IslandHtml>>,
    /// Keeps this widget's quiz progress apart from others' on the page (the custom
    /// element's `id-<id>` or `el-<n>`). `None`: the default storage key.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
    /// Where the files beside the widget's page are (data, transcript, downloads): a URL
    /// prefix ending in "/", or "" for the page's own folder.
    #[prop_or_default]
    pub base: AttrValue,
}

impl AppProps {
    /// Default settings for `content`.
    pub fn new(content: &'static Content) -> AppProps {
        AppProps {
            content: ContentRef(content),
            config: Config::default(),
            route: None,
            notices: Vec::new(),
            sync_fragment: false,
            hydrating: false,
            shown_view: None,
            layout_later: None,
            islands: None,
            instance: None,
            base: AttrValue::default(),
        }
    }
}

/// `data-data` on the running app's root: where the on-demand data stands.
fn data_state_id(state: DataState) -> &'static str {
    let [pending, ready, failed] = crate::model::embed::DATA_STATES;
    match state {
        DataState::Pending => pending,
        DataState::Ready(_) => ready,
        DataState::Failed(_) => failed,
    }
}

/// Applies what the reader did on the prerendered page before the app ran (recorded by
/// the boot script in the widget around `fs`): the cell or header opens, the tab switches,
/// a pressed button or radio is pressed again, a menu takes its value, focus goes back
/// where it was. The quiz takes its own intents once it is live (`QuizRunner`). A tapped
/// button keeps the boot script's mark until the replay has rendered it pressed (see
/// [`intents::mark_live`]).
fn apply_intents(fs: &NodeRef, content: &Content, d: &UseReducerDispatcher<AppState>) {
    for intent in intents::take(fs, Scope::App) {
        match intent {
            Intent::Pos(key) => {
                let pos = Pos::parse(&key).filter(|p| p.valid(content.layers.len(), content.tools.len()));
                if let Some(target) = pos.and_then(Pos::target) {
                    d.dispatch(AppAction::Navigate(Route::Chart(Some(target))));
                }
            }
            Intent::Tab(view) => d.dispatch(AppAction::Show(view)),
            Intent::Press(path) => {
                intents::press(fs, &path);
            }
            Intent::Menu(path, value) => {
                intents::set_menu(fs, &path, &value);
            }
            Intent::Focus(path) => {
                intents::focus(fs, &path);
            }
            Intent::Choice { .. } => {}
        }
    }
}

/// Whether what is shown needs the on-demand data now: a view made of it, or a cell whose
/// panel lists its questions and events.
fn needs_data(content: &Content, view: View, chart: Option<ChartTarget>) -> bool {
    match (view, chart) {
        (View::Chart, Some(ChartTarget::Cell { layer, tool })) => {
            content.cell_at(layer, tool).is_some_and(|c| !c.questions.is_empty() || !c.events.is_empty())
        }
        (View::Chart, _) => false,
        _ => true,
    }
}

/// The whole widget: header, tabs and the four views.
#[component]
pub fn App(props: &AppProps) -> Html {
    let content = props.content.0;
    let state = {
        let (config, route, notices) = (props.config.clone(), props.route, props.notices.clone());
        let (hydrating, shown_view) = (props.hydrating, props.shown_view);
        use_reducer(move || {
            if hydrating {
                AppState::for_hydration(&config, route, shown_view)
            } else {
                AppState::new(&config, route, notices)
            }
        })
    };
    // Whether the app runs: set by the effect after its first render or hydration, so
    // the render that follows is the first live one (it applies the deep link and the
    // reader's taps; `data-data` comes with it).
    let live = use_state(|| false);
    let data = use_state_eq(data::initial);
    let fs_ref = use_node_ref();
    {
        // After the first render (or hydration): apply what the server could not render,
        // then what the reader did meanwhile. The replay's dispatches and `live` land in
        // one render.
        let (d, props, live, fs_ref) = (state.dispatcher(), props.clone(), live.clone(), fs_ref.clone());
        use_effect_with((), move |_| {
            if props.hydrating {
                d.dispatch(AppAction::Boot { config: props.config, route: props.route, notices: props.notices });
                apply_intents(&fs_ref, content, &d);
            }
            live.set(true);
        });
    }
    {
        // Once that live render is on the page, every child rendered (Yew runs effects only
        // after all pending renders): `data-live` marks the running app for tests and host
        // pages, the tap's mark goes (the tapped button now shows the same ring pressed),
        // and the host page hears that the widget is ready.
        let (fs_ref, view) = (fs_ref.clone(), state.view);
        use_effect_with(*live, move |&live| {
            if live {
                intents::mark_live(&fs_ref);
                events::emit(&fs_ref, &HostEvent::ready(view));
            }
        });
    }
    {
        // The on-demand data: fetched at once when what is shown needs it, else when the
        // page is idle after start-up (so the first load is the chart's alone).
        let requested = use_mut_ref(|| false);
        let load = {
            let (data, base) = (data.clone(), props.base.clone());
            move || {
                if *data == DataState::Pending && !std::mem::replace(&mut *requested.borrow_mut(), true) {
                    data::load(&format!("{base}{DATA_FILE}"), content, move |s| data.set(s));
                }
            }
        };
        let now = needs_data(content, state.view, state.chart);
        use_effect_with((*live, now), move |&(live, now)| {
            if live && now {
                load();
            } else if live {
                page::when_idle(load);
            }
        });
    }
    // The same callback from render to render: views compare it in their props.
    let nav = Nav(use_callback(state.dispatcher(), |r: Route, d| d.dispatch(AppAction::Navigate(r))));

    // The URL fragment follows the selection, and a changed fragment moves the widget.
    {
        let route = state.route();
        let sync = props.sync_fragment;
        let live = *live;
        use_effect_with((route, sync, live), move |(route, sync, live)| {
            if *sync && *live {
                fragment::write(&route.fragment(content));
            }
        });
        let d = state.dispatcher();
        use_effect_with(sync, move |sync| {
            let listener = sync
                .then(|| {
                    fragment::on_change(move |f| match Route::parse(&f, content) {
                        Ok(Some(route)) => d.dispatch(AppAction::Navigate(route)),
                        Ok(None) => {}
                        Err(notice) => d.dispatch(AppAction::Notice(notice)),
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }

    // The page around the widget hears what the reader does: a move of the view or the
    // chart's selection from where the widget started (its settings and deep link, which
    // the running app has reached once it is live) is an event; the start is not.
    {
        let last = use_mut_ref(|| {
            let start = AppState::new(&props.config, props.route, Vec::new());
            (start.view, start.chart)
        });
        let root = fs_ref.clone();
        use_effect_with((state.view, state.chart, *live), move |&(view, chart, live)| {
            if live {
                let before = std::mem::replace(&mut *last.borrow_mut(), (view, chart));
                for event in HostEvent::changes(content, before, (view, chart)) {
                    events::emit(&root, &event);
                }
            }
        });
    }

    let on_select = use_callback(state.dispatcher(), |v: View, d| d.dispatch(AppAction::Show(v)));
    let on_theme = use_callback(state.dispatcher(), |t, d| d.dispatch(AppAction::SetTheme(t)));
    let on_dismiss = use_callback(state.dispatcher(), |_, d| d.dispatch(AppAction::DismissNotices));
    // The data views keep the server's markup while hydrating, and after it until the
    // data has settled (loaded or refused).
    let islands = match &props.islands {
        Some(html) => Islands::Static(html.clone()),
        None if props.hydrating && (!*live || *data == DataState::Pending) => Islands::Adopt,
        None => Islands::Live,
    };
    let data_ctx = DataCtx { state: *data, islands };
    let sections: Rc<[SectionIx]> = Rc::from(props.config.sections.as_slice());
    let links = Links { base: props.base.clone() };
    let sources = links.file(SOURCES_FILE);
    let panel = |view: View, body: Html| {
        html! {
            <section
                id={panel_id(view)}
                class="fs-panel"
                role="tabpanel"
                aria-labelledby={tab_id(view)}
                tabindex="-1"
                hidden={state.view != view}
            >
                { body }
            </section>
        }
    };
    html! {
        <ContextProvider<ContentRef> context={props.content}>
        <ContextProvider<Nav> context={nav}>
        <ContextProvider<DataCtx> context={data_ctx}>
        <ContextProvider<Links> context={links}>
            <div
                class="fs"
                ref={fs_ref}
                data-theme={state.theme.id()}
                data-view={state.view.id()}
                data-data={(*live).then_some(data_state_id(*data))}
            >
                <Header theme={state.theme} {on_theme} />
                // Shown only in the boot script's failed state, under its notice (www/style.css):
                // where a reader whose browser cannot run the app reads every cell.
                <p class="fs-fallback" hidden=true>
                    <a href={sources} target="_blank" rel="noopener">{ "Every cell\u{2019}s programs, figures and sources" }</a>
                    { " are on a page that needs no script." }
                </p>
                <Notices notices={state.notices.clone()} on_dismiss={on_dismiss} />
                <Tabs current={state.view} {on_select} />
                { panel(View::Chart, html! { <ChartView target={state.chart} preset={state.chart_preset} refocus={state.reader_nav} layout_later={props.layout_later} /> }) }
                { panel(View::Points, html! { <PointsView focus={state.points_focus} /> }) }
                { panel(View::Quiz, html! {
                    <QuizView focus={state.quiz_focus} shared_result={state.shared_result} length={props.config.quiz} instance={props.instance.clone()} sections={sections.clone()} />
                }) }
                { panel(View::Timeline, html! { <TimelineView focus={state.timeline_focus} /> }) }
            </div>
        </ContextProvider<Links>>
        </ContextProvider<DataCtx>>
        </ContextProvider<Nav>>
        </ContextProvider<ContentRef>>
    }
}
