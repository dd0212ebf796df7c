use yew::prelude::*;

use super::chart::ChartView;
use super::header::Header;
use super::notices::Notices;
use super::quiz::QuizView;
use super::tabs::{panel_id, tab_id, Tabs};
use super::timeline::TimelineView;
use super::{ContentRef, Nav};
use crate::model::route::Route;
use crate::model::{Config, View};
use crate::state::{AppAction, AppState};

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
    /// apply at once; the selection, route and notices follow right after.
    #[prop_or_default]
    pub hydrating: bool,
    /// Keeps this widget's quiz progress apart from others' on the page (the custom
    /// element's `id-<id>` or `el-<n>`). `None`: the default storage key.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
}

impl AppProps {
    /// Default settings for `content`.
    pub fn new(content: &'static crate::model::Content) -> AppProps {
        AppProps {
            content: ContentRef(content),
            config: Config::default(),
            route: None,
            notices: Vec::new(),
            sync_fragment: false,
            hydrating: false,
            instance: None,
        }
    }
}

/// The whole widget: header, tabs and the three views.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (config, route, notices) = (props.config.clone(), props.route, props.notices.clone());
        let hydrating = props.hydrating;
        use_reducer(move || {
            if hydrating {
                AppState::for_hydration(&config, route)
            } else {
                AppState::new(&config, route, notices)
            }
        })
    };
    {
        // After hydration: apply what the server could not render.
        let (d, props) = (state.dispatcher(), props.clone());
        use_effect_with((), move |_| {
            if props.hydrating {
                d.dispatch(AppAction::Boot { config: props.config, route: props.route, notices: props.notices });
            }
        });
    }
    // `data-live` marks the running app (set right after the first render or hydration),
    // so tests and host pages can tell it from the prerendered markup, which lacks it.
    let live = use_state(|| false);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.set(true));
    }
    let nav = {
        let d = state.dispatcher();
        Nav(Callback::from(move |r: Route| d.dispatch(AppAction::Navigate(r))))
    };

    // The URL fragment follows the selection, and a changed fragment moves the widget.
    #[cfg(target_arch = "wasm32")]
    {
        let content = props.content.0;
        let route = state.route();
        let sync = props.sync_fragment;
        use_effect_with((route, sync), move |(route, sync)| {
            if *sync {
                crate::host::fragment::write(&route.fragment(content));
            }
        });
        let d = state.dispatcher();
        use_effect_with(sync, move |sync| {
            let listener = sync.then(|| {
                crate::host::fragment::on_change(move |fragment| match Route::parse(&fragment, content) {
                    Ok(Some(route)) => d.dispatch(AppAction::Navigate(route)),
                    Ok(None) => {}
                    Err(notice) => d.dispatch(AppAction::Notice(notice)),
                })
            });
            move || drop(listener)
        });
    }

    let on_select = {
        let d = state.dispatcher();
        Callback::from(move |v: View| d.dispatch(AppAction::Show(v)))
    };
    let on_theme = {
        let d = state.dispatcher();
        Callback::from(move |t| d.dispatch(AppAction::SetTheme(t)))
    };
    let on_dismiss = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(AppAction::DismissNotices))
    };
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
            <div class="fs" data-theme={state.theme.id()} data-view={state.view.id()} data-live={(*live).then_some("")}>
                <Header theme={state.theme} {on_theme} />
                <Notices notices={state.notices.clone()} on_dismiss={on_dismiss} />
                <Tabs current={state.view} {on_select} />
                { panel(View::Chart, html! { <ChartView target={state.chart} /> }) }
                { panel(View::Quiz, html! {
                    <QuizView focus={state.quiz_focus} shared_result={state.shared_result} length={props.config.quiz} instance={props.instance.clone()} />
                }) }
                { panel(View::Timeline, html! { <TimelineView focus={state.timeline_focus} /> }) }
            </div>
        </ContextProvider<Nav>>
        </ContextProvider<ContentRef>>
    }
}
