use yew::prelude::*;

use crate::model::chart::Evidence;
use crate::model::content::Text;
use crate::model::route::ChartTarget;
use crate::state::chart::Pos;

/// What a cell shows, visibly: the count and the tier letter, "?" for no evidence
/// found, "·" for evidence the filter hides. Decorative: the button's text for
/// screen readers says the same in words.
pub fn marks(ev: Evidence) -> Html {
    match ev {
        Evidence::Shown { count, tier, .. } => html! {
            <span class="fs-marks" aria-hidden="true">
                <span class="fs-count">{ count }</span>
                <span class="fs-mark">{ tier.mark() }</span>
            </span>
        },
        Evidence::Filtered { .. } => {
            html! { <span class="fs-marks" aria-hidden="true"><span class="fs-dot">{ "\u{00b7}" }</span></span> }
        }
        Evidence::NotFound => {
            html! { <span class="fs-marks" aria-hidden="true"><span class="fs-nf">{ "?" }</span></span> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CellProps {
    pub target: ChartTarget,
    /// The layer's and the tool's names, for screen readers ("Layer, Tool").
    pub layer_name: Text,
    pub tool_name: Text,
    pub evidence: Evidence,
    pub selected: bool,
    /// The roving tab stop of the grid.
    pub tab_stop: bool,
    pub highlighted: bool,
    pub on_select: Callback<(ChartTarget, bool)>,
}

/// One cell of the matrix: a `<td>` holding a toggle button that selects it. Its props
/// are all small and comparable, so a selection elsewhere re-renders only the cells
/// whose state changed.
#[component]
pub fn CellButton(props: &CellProps) -> Html {
    let target = props.target;
    // `detail() == 0` for a click synthesised from Enter or Space.
    let onclick = props.on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
    let ev = props.evidence;
    html! {
        <td
            data-state={ev.state_id()}
            data-tier={ev.tier().map(|t| t.id())}
            data-hl={props.highlighted.then_some("1")}
        >
            <button
                type="button"
                class="fs-cell"
                data-pos={Pos::of_target(target).key()}
                tabindex={if props.tab_stop { "0" } else { "-1" }}
                aria-pressed={if props.selected { "true" } else { "false" }}
                {onclick}
            >
                { marks(ev) }
                // One text node, not five: the parser merges adjacent texts, and hydration splits
                // them again (thousands of inserted text nodes at 10x content).
                <span class="fs-visually-hidden">
                    { format!("{}, {}: {}", props.layer_name, props.tool_name, ev.describe()) }
                </span>
            </button>
        </td>
    }
}
