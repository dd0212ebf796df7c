//! The chart view: controls, the matrix (a table on wide screens, an accordion per
//! layer on narrow ones), the detail panel, the key and the downloads.

pub mod accordion;
pub mod cell;
pub mod detail;
pub mod downloads;
pub mod evidence;
pub mod filters;
pub mod legend;
pub mod matrix;

use yew::prelude::*;

use self::accordion::LayerAccordion;
use self::detail::Detail;
use self::downloads::Downloads;
use self::filters::Filters;
use self::legend::Legend;
use self::matrix::Matrix;
use super::{use_content, use_nav};
use crate::model::chart::{Highlight, TierFilter};
use crate::model::route::{ChartTarget, Route};
use crate::model::Content;
use crate::platform::{dom, page};
use crate::state::chart::{ChartAction, ChartPreset, ChartState, Pos};

#[derive(Properties, PartialEq)]
pub struct ChartViewProps {
    /// The selected cell, row or column (from the app state, so deep links work).
    #[prop_or_default]
    pub target: Option<ChartTarget>,
    /// The configured highlight and evidence filter (the reader may change both).
    #[prop_or_default]
    pub preset: ChartPreset,
    /// The selection came from the reader's navigation (not from start-up: a selection
    /// from the address or the element's attributes, applied right after hydration, must
    /// not pull focus, and the page's scroll, to the widget).
    #[prop_or_default]
    pub refocus: bool,
    /// The layout the screen hid at start-up, whose server markup hydration adopted
    /// unwalked: it keeps that markup until it is shown (see [`Layout`]).
    #[prop_or_default]
    pub layout_later: Option<Layout>,
}

/// The chart's two layouts of the matrix: the table (wide) and the accordion (narrow). CSS
/// (a container query) shows one. Before hydrating, the host marks the server's markup of
/// the hidden one as raw (`platform::dom::mark_raw`), so hydration adopts it as it is
/// instead of walking it (half the chart's nodes); the app renders that layout when it is
/// first shown (the widget resized, or printed: print shows the table), and until then a
/// selection does not re-render it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Narrow,
}

impl Layout {
    /// The box of this layout.
    pub fn selector(self) -> &'static str {
        match self {
            Layout::Wide => ".fs-matrix-box",
            Layout::Narrow => ".fs-narrow",
        }
    }
}

/// A callback that dispatches `f(value)`, the same one from render to render (so the
/// memoised rows and cells it is passed to are not re-rendered for a new callback).
#[hook]
fn use_action<T: 'static>(state: &UseReducerHandle<ChartState>, f: fn(T) -> ChartAction) -> Callback<T> {
    use_callback(state.dispatcher(), move |x, d| d.dispatch(f(x)))
}

/// A short announcement of what the detail panel now shows.
fn announcement(content: &Content, target: Option<ChartTarget>) -> String {
    match target {
        None => String::new(),
        Some(ChartTarget::Cell { layer, tool }) => {
            format!("Details: {}, {}.", content.layer(layer).name, content.tool(tool).short)
        }
        Some(ChartTarget::Layer(l)) => format!("Summary of the layer {}.", content.layer(l).name),
        Some(ChartTarget::Tool(t)) => format!("Summary of the tool {}.", content.tool(t).short),
    }
}

/// The selector of the button for `pos` (in the table or the accordion).
fn button_at(pos: Pos) -> String {
    format!("button[data-pos=\"{}\"]", pos.key())
}

#[component]
pub fn ChartView(props: &ChartViewProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let state = {
        let (target, preset) = (props.target, props.preset);
        use_reducer(move || ChartState::with_preset(content.layers.len(), content.tools.len(), target, preset))
    };
    // The configuration may arrive after the first render (hydration renders what the
    // server did first): apply it then. Only when it changes, so the reader's own choice
    // of highlight and filter stays.
    {
        let d = state.dispatcher();
        use_effect_with(props.preset, move |p| {
            d.dispatch(ChartAction::SetHighlight(p.highlight));
            d.dispatch(ChartAction::SetFilter(p.filter));
        });
    }
    let root = use_node_ref();
    // The layout hidden at start-up goes live when its box is shown, or before printing.
    let (wide, narrow) = (use_node_ref(), use_node_ref());
    let later = use_state(|| props.layout_later);
    {
        let (wide, narrow, later) = (wide.clone(), narrow.clone(), later.clone());
        use_effect_with((), move |_| {
            let live = || -> Box<dyn FnOnce()> {
                let later = later.clone();
                Box::new(move || later.set(None))
            };
            let watch = match *later {
                Some(Layout::Wide) => dom::when_shown(&wide, live()),
                Some(Layout::Narrow) => dom::when_shown(&narrow, live()),
                None => None,
            };
            let print = (*later == Some(Layout::Wide)).then(|| page::before_print(live())).flatten();
            move || drop((watch, print))
        });
    }
    let adopted = |layout: Layout| (*later == Some(layout)).then(|| Html::from_html_unchecked(AttrValue::Static("")));
    // Set when the reader picked something with a pointer: the panel is then scrolled
    // into view (keyboard users keep the focused cell in view instead).
    let scroll_pending = use_mut_ref(|| false);
    let mounted = use_mut_ref(|| false);

    // The tab stop follows the selection (deep links, links from other views). After a
    // selection, the panel is scrolled into view if a pointer chose it; if focus was lost
    // (the reader came from another view), it goes to the selected button.
    {
        let d = state.dispatcher();
        let (root, scroll_pending, mounted) = (root.clone(), scroll_pending.clone(), mounted.clone());
        let refocus = props.refocus;
        use_effect_with(props.target, move |target| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            let scroll = std::mem::take(&mut *scroll_pending.borrow_mut());
            if let Some(t) = *target {
                d.dispatch(ChartAction::FocusAt(Pos::of_target(t)));
                if scroll {
                    dom::scroll_within(&root, ".fs-detail");
                }
                if !first && refocus && dom::focus_lost(&root) {
                    dom::focus_within(&root, &button_at(Pos::of_target(t)));
                }
            }
        });
    }

    // The selection as of the latest render, for the callbacks below, which stay the same
    // from render to render.
    let current = use_mut_ref(|| props.target);
    *current.borrow_mut() = props.target;
    let on_select = {
        let (current, scroll_pending) = (current.clone(), scroll_pending.clone());
        use_callback((nav.clone(), state.dispatcher()), move |(target, pointer): (ChartTarget, bool), (nav, d)| {
            d.dispatch(ChartAction::FocusAt(Pos::of_target(target)));
            if *current.borrow() == Some(target) {
                nav.go(Route::Chart(None));
            } else {
                *scroll_pending.borrow_mut() = pointer;
                nav.go(Route::Chart(Some(target)));
            }
        })
    };
    // Closing returns focus to what opened the panel.
    let close = {
        let (nav, root, current) = (nav.clone(), root.clone(), current.clone());
        move || {
            let target = *current.borrow();
            nav.go(Route::Chart(None));
            if let Some(t) = target {
                dom::focus_within(&root, &button_at(Pos::of_target(t)));
            }
        }
    };
    let on_close = {
        let close = close.clone();
        use_callback((), move |_, _| close())
    };
    let onkeydown = {
        let has_target = props.target.is_some();
        Callback::from(move |e: KeyboardEvent| {
            // Escape in the highlight menu closes the menu, not the details.
            let in_select = dom::target_attr(&e, "data-fs-menu").is_some();
            if e.key() == "Escape" && has_target && !in_select {
                e.prevent_default();
                close();
            }
        })
    };
    let on_move = use_action(&state, ChartAction::FocusAt);
    let on_filter = use_action(&state, ChartAction::SetFilter);
    let on_highlight = use_action(&state, ChartAction::SetHighlight);
    let on_show_all: Callback<()> =
        use_callback(state.dispatcher(), |_, d| d.dispatch(ChartAction::SetFilter(TierFilter::default())));

    let detail = |suffix: &'static str| match props.target {
        Some(target) => html! {
            <Detail
                {target}
                filter={state.filter}
                id_suffix={suffix}
                on_close={on_close.clone()}
                on_select={on_select.clone()}
                on_show_all={on_show_all.clone()}
                progressive={*mounted.borrow()}
            />
        },
        None => html! {},
    };
    let highlight: Highlight = state.highlight.effective(props.target);
    html! {
        <div class="fs-chart" ref={root} {onkeydown} data-selected={props.target.is_some().then_some("1")}>
            <p class="fs-chart-intro">
                { "Where do Beijing\u{2019}s policy tools reach across the AI tech stack? Select a cell for its programs, figures and sources, or a layer or tool for a summary." }
                <span class="fs-keys">{ " Arrow keys move between cells; Escape closes the details." }</span>
            </p>
            <Filters filter={state.filter} highlight={state.highlight} {on_filter} {on_highlight} />
            <div class="fs-chart-body">
                <div class="fs-chart-main">
                    <div class="fs-wide fs-matrix-box" ref={wide}>
                        { adopted(Layout::Wide).unwrap_or_else(|| html! {
                            <Matrix
                                target={props.target}
                                {highlight}
                                filter={state.filter}
                                focus={state.focus}
                                on_select={on_select.clone()}
                                {on_move}
                            />
                        }) }
                    </div>
                    <div class="fs-narrow" ref={narrow}>
                        { adopted(Layout::Narrow).unwrap_or_else(|| html! {
                            <LayerAccordion
                                target={props.target}
                                filter={state.filter}
                                on_select={on_select.clone()}
                                detail={detail("n")}
                            />
                        }) }
                    </div>
                    <Legend filter={state.filter} />
                </div>
                <aside class="fs-wide fs-side" aria-label="Details">
                    { if props.target.is_some() { detail("w") } else { html! {
                        <p class="fs-placeholder">{ "Nothing selected yet. Select a cell, a layer or a tool to see the details here." }</p>
                    } } }
                </aside>
            </div>
            <Downloads filter={state.filter} />
            <p class="fs-visually-hidden" role="status">{ announcement(content, props.target) }</p>
        </div>
    }
}
