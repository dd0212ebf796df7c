use yew::prelude::*;

use super::detail::Detail;
use super::export::Export;
use super::filters::Filters;
use super::layer_accordion::LayerAccordion;
use super::legend::Legend;
use super::matrix::Matrix;
use super::{use_content, use_nav};
use crate::model::chart::{Highlight, TierFilter};
use crate::model::route::{ChartTarget, Route};
use crate::model::Content;
use crate::state::chart::{ChartAction, ChartState, Pos};

#[derive(Properties, PartialEq)]
pub struct ChartViewProps {
    /// The selected cell, row or column (from the app state, so deep links work).
    #[prop_or_default]
    pub target: Option<ChartTarget>,
}

/// A callback that dispatches `f(value)`.
fn action<T: 'static>(state: &UseReducerHandle<ChartState>, f: fn(T) -> ChartAction) -> Callback<T> {
    let d = state.dispatcher();
    Callback::from(move |x| d.dispatch(f(x)))
}

/// A short announcement of what the detail panel now shows.
fn announcement(content: &Content, target: Option<ChartTarget>) -> String {
    match target {
        None => String::new(),
        Some(ChartTarget::Cell(l, t)) => {
            format!("Details: {}, {}.", content.layers[l].name, content.tools[t].short)
        }
        Some(ChartTarget::Layer(l)) => format!("Summary of the layer {}.", content.layers[l].name),
        Some(ChartTarget::Tool(t)) => format!("Summary of the tool {}.", content.tools[t].short),
    }
}

/// The chart view: controls, the matrix (a table on wide screens, an accordion per
/// layer on narrow ones), the detail panel, the key and the downloads.
#[component]
pub fn ChartView(props: &ChartViewProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let state = {
        let target = props.target;
        use_reducer(move || ChartState::new(content.layers.len(), content.tools.len(), target))
    };
    let root = use_node_ref();
    // Set when the reader picked something with a pointer: the panel is then scrolled
    // into view (keyboard users keep the focused cell in view instead).
    let scroll_pending = use_mut_ref(|| false);
    let mounted = use_mut_ref(|| false);

    // The tab stop follows the selection (deep links, links from other views).
    {
        let d = state.dispatcher();
        let (root, scroll_pending, mounted) = (root.clone(), scroll_pending.clone(), mounted.clone());
        use_effect_with(props.target, move |target| {
            if let Some(t) = *target {
                d.dispatch(ChartAction::FocusAt(Pos::of_target(t)));
            }
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            let scroll = std::mem::take(&mut *scroll_pending.borrow_mut());
            #[cfg(target_arch = "wasm32")]
            if let (Some(t), Some(root)) = (*target, root.cast::<web_sys::Element>()) {
                dom::after_select(&root, t, scroll, first);
            }
            let _ = (root, scroll, first);
        });
    }

    let on_select = {
        let (nav, d, current, scroll_pending) = (nav.clone(), state.dispatcher(), props.target, scroll_pending.clone());
        Callback::from(move |(target, pointer): (ChartTarget, bool)| {
            d.dispatch(ChartAction::FocusAt(Pos::of_target(target)));
            if current == Some(target) {
                nav.go(Route::Chart(None));
            } else {
                *scroll_pending.borrow_mut() = pointer;
                nav.go(Route::Chart(Some(target)));
            }
        })
    };
    // Closing returns focus to what opened the panel.
    let close = {
        let (nav, root, current) = (nav.clone(), root.clone(), props.target);
        move || {
            nav.go(Route::Chart(None));
            #[cfg(target_arch = "wasm32")]
            if let (Some(t), Some(root)) = (current, root.cast::<web_sys::Element>()) {
                dom::focus_button(&root, Pos::of_target(t));
            }
            let _ = (&root, current);
        }
    };
    let on_close = {
        let close = close.clone();
        Callback::from(move |_| close())
    };
    let onkeydown = {
        let has_target = props.target.is_some();
        Callback::from(move |e: KeyboardEvent| {
            // Escape in the highlight menu closes the menu, not the details.
            let in_select = e.target_dyn_into::<web_sys::HtmlSelectElement>().is_some();
            if e.key() == "Escape" && has_target && !in_select {
                e.prevent_default();
                close();
            }
        })
    };
    let on_move = action(&state, ChartAction::FocusAt);
    let on_filter = action(&state, ChartAction::SetFilter);
    let on_highlight = action(&state, ChartAction::SetHighlight);
    let on_show_all: Callback<()> = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(ChartAction::SetFilter(TierFilter::default())))
    };

    let detail = |suffix: &'static str| match props.target {
        Some(target) => html! {
            <Detail
                {target}
                filter={state.filter}
                id_suffix={suffix}
                on_close={on_close.clone()}
                on_select={on_select.clone()}
                on_show_all={on_show_all.clone()}
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
                    <div class="fs-wide">
                        <Matrix
                            target={props.target}
                            {highlight}
                            filter={state.filter}
                            focus={state.focus}
                            on_select={on_select.clone()}
                            {on_move}
                        />
                    </div>
                    <div class="fs-narrow">
                        <LayerAccordion
                            target={props.target}
                            filter={state.filter}
                            on_select={on_select.clone()}
                            detail={detail("n")}
                        />
                    </div>
                    <Legend filter={state.filter} />
                </div>
                <aside class="fs-wide fs-side" aria-label="Details">
                    { if props.target.is_some() { detail("w") } else { html! {
                        <p class="fs-placeholder">{ "Nothing selected yet. Select a cell, a layer or a tool to see the details here." }</p>
                    } } }
                </aside>
            </div>
            <Export filter={state.filter} />
            <p class="fs-visually-hidden" role="status">{ announcement(content, props.target) }</p>
        </div>
    }
}

/// DOM work for the chart: focus and scrolling. Only in the browser.
#[cfg(target_arch = "wasm32")]
mod dom {
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    use crate::model::route::ChartTarget;
    use crate::state::chart::Pos;

    /// The first element matching `selector` under `root` that is rendered (the table
    /// and the accordion both exist; CSS shows one).
    pub fn visible(root: &Element, selector: &str) -> Option<HtmlElement> {
        let list = root.query_selector_all(selector).ok()?;
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|e| e.offset_parent().is_some() || e.get_client_rects().length() > 0)
    }

    pub fn focus_button(root: &Element, pos: Pos) {
        if let Some(b) = visible(root, &format!("button[data-pos=\"{}\"]", pos.key())) {
            let _ = b.focus();
        }
    }

    /// After a selection: scroll the panel into view if the reader used a pointer;
    /// if focus was lost (the reader came from another view), put it on the cell.
    pub fn after_select(root: &Element, target: ChartTarget, scroll: bool, first: bool) {
        if scroll {
            if let Some(panel) = visible(root, ".fs-detail") {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                panel.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
        if first {
            return;
        }
        let doc = root.owner_document();
        let active = doc.as_ref().and_then(|d| d.active_element());
        let lost = match active {
            None => true,
            Some(a) => {
                let a: HtmlElement = a.unchecked_into();
                !root.contains(Some(&a)) && (a.offset_parent().is_none() && a.get_client_rects().length() == 0)
            }
        };
        if lost {
            focus_button(root, Pos::of_target(target));
        }
    }
}
