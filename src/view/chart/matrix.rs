use yew::prelude::*;

use super::cell::CellButton;
use crate::model::chart::{Evidence, Highlight, TierFilter};
use crate::model::route::ChartTarget;
use crate::model::{LayerIx, ToolIx};
use crate::platform::dom;
use crate::state::chart::{Pos, Step};
use crate::view::use_content;

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub target: Option<ChartTarget>,
    pub highlight: Highlight,
    pub filter: TierFilter,
    /// The roving tab stop.
    pub focus: Pos,
    /// A cell, row or column chosen (and whether by pointer).
    pub on_select: Callback<(ChartTarget, bool)>,
    /// The tab stop moved by the keyboard.
    pub on_move: Callback<Pos>,
}

/// A header button of the matrix (a layer's or a tool's).
fn head(
    pos: Pos,
    label: &str,
    title: &str,
    selected: bool,
    tab_stop: bool,
    on_select: &Callback<(ChartTarget, bool)>,
) -> Html {
    let target = pos.target().expect("headers have targets");
    let onclick = on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
    html! {
        <button
            type="button"
            class="fs-head"
            data-pos={pos.key()}
            tabindex={if tab_stop { "0" } else { "-1" }}
            aria-pressed={if selected { "true" } else { "false" }}
            title={title.to_string()}
            {onclick}
        >{ label.to_string() }</button>
    }
}

/// The column (0: the row's header, `t + 1`: tool `t`) of `pos` if it is in `row`.
fn col_in(pos: Option<Pos>, row: usize) -> Option<usize> {
    pos.filter(|p| p.row == row).map(|p| p.col)
}

/// The full-stack matrix: a native table, layers (top of the stack first) as row
/// headers, policy tools as column headers. Every header and cell holds a button;
/// one of them is in the tab order and arrow keys move between them.
///
/// Each row is its own component whose props say only what concerns that row (which of
/// its buttons is selected or the tab stop, whether it or a column is emphasised), so a
/// selection re-renders the rows it touches, not the table.
#[component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let content = use_content();
    let (nl, nt) = (content.layers.len(), content.tools.len());
    let table = use_node_ref();
    let onkeydown = {
        let (on_move, table) = (props.on_move.clone(), table.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(step) = Step::from_key(&e.key(), e.ctrl_key() || e.meta_key()) else { return };
            let Some(pos) = dom::target_attr(&e, "data-pos").and_then(|k| Pos::parse(&k)) else { return };
            e.prevent_default();
            if let Some(next) = pos.step(step, nl, nt) {
                on_move.emit(next);
                dom::focus_within(&table, &format!("[data-pos=\"{}\"]", next.key()));
            }
        })
    };
    let selected = props.target.map(Pos::of_target);
    let column_hl = match props.highlight {
        Highlight::Tool(t) => Some(t),
        _ => None,
    };
    html! {
        <table class="fs-matrix" ref={table} {onkeydown}>
            <caption elementtiming="fs-chart">
                { "China\u{2019}s industrial policy across the AI tech stack: a reconstruction after RAND\u{2019}s " }
                <cite>{ "Full Stack" }</cite>
                { " (2025), not RAND\u{2019}s own figure." }
            </caption>
            <colgroup>
                <col class="fs-col-layer" />
                { for content.tools.iter().map(|_| html! { <col /> }) }
            </colgroup>
            <thead>
                <tr>
                    <th scope="col" class="fs-corner">
                        <span aria-hidden="true">{ "Layer \u{2193} Tool \u{2192}" }</span>
                        <span class="fs-visually-hidden">{ "Layer" }</span>
                    </th>
                    { for content.tool_ixs().map(|t| {
                        let tool = content.tool(t);
                        let pos = Pos::of_target(ChartTarget::Tool(t));
                        html! {
                            <th scope="col" data-hl={(column_hl == Some(t)).then_some("1")}>
                                { head(pos, &tool.short, &tool.name, selected == Some(pos), props.focus == pos, &props.on_select) }
                            </th>
                        }
                    }) }
                </tr>
            </thead>
            <tbody>
                { for content.layer_ixs().map(|l| {
                    let row = l.get() + 1;
                    html! {
                        <MatrixRow
                            key={l.get()}
                            layer={l}
                            filter={props.filter}
                            selected={col_in(selected, row)}
                            tab_stop={col_in(Some(props.focus), row)}
                            row_hl={props.highlight == Highlight::Layer(l)}
                            {column_hl}
                            on_select={props.on_select.clone()}
                        />
                    }
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
pub struct MatrixRowProps {
    pub layer: LayerIx,
    pub filter: TierFilter,
    /// The selected button in this row, by column (0: the header), if any.
    pub selected: Option<usize>,
    /// The roving tab stop, by column, if it is in this row.
    pub tab_stop: Option<usize>,
    /// This row is emphasised.
    pub row_hl: bool,
    /// The tool whose column is emphasised, if any.
    pub column_hl: Option<ToolIx>,
    pub on_select: Callback<(ChartTarget, bool)>,
}

/// One layer's row: its header and a cell per tool.
#[component]
pub fn MatrixRow(props: &MatrixRowProps) -> Html {
    let content = use_content();
    let l = props.layer;
    let layer = content.layer(l);
    let pos = Pos::of_target(ChartTarget::Layer(l));
    html! {
        <tr>
            <th scope="row" data-hl={props.row_hl.then_some("1")}>
                { head(pos, &layer.name, &layer.description, props.selected == Some(0), props.tab_stop == Some(0), &props.on_select) }
            </th>
            { for content.tool_ixs().map(|t| {
                let col = t.get() + 1;
                html! {
                    <CellButton
                        key={t.get()}
                        target={ChartTarget::Cell { layer: l, tool: t }}
                        layer_name={layer.name.clone()}
                        tool_name={content.tool(t).short.clone()}
                        evidence={Evidence::of(content, l, t, props.filter)}
                        selected={props.selected == Some(col)}
                        tab_stop={props.tab_stop == Some(col)}
                        highlighted={props.row_hl || props.column_hl == Some(t)}
                        on_select={props.on_select.clone()}
                    />
                }
            }) }
        </tr>
    }
}
