use yew::prelude::*;

use super::cell::CellButton;
use crate::model::chart::{Evidence, Highlight, TierFilter};
use crate::model::route::ChartTarget;
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

/// The full-stack matrix: a native table, layers (top of the stack first) as row
/// headers, policy tools as column headers. Every header and cell holds a button;
/// one of them is in the tab order and arrow keys move between them.
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
    let selected = |t: ChartTarget| props.target == Some(t);
    let head = |pos: Pos, label: &str, title: &str| {
        let target = pos.target().expect("headers have targets");
        let onclick = props.on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
        html! {
            <button
                type="button"
                class="fs-head"
                data-pos={pos.key()}
                tabindex={if props.focus == pos { "0" } else { "-1" }}
                aria-pressed={if selected(target) { "true" } else { "false" }}
                title={title.to_string()}
                {onclick}
            >{ label.to_string() }</button>
        }
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
                        html! {
                            <th scope="col" data-hl={props.highlight.covers_tool(t).then_some("1")}>
                                { head(Pos::of_target(ChartTarget::Tool(t)), &tool.short, &tool.name) }
                            </th>
                        }
                    }) }
                </tr>
            </thead>
            <tbody>
                { for content.layer_ixs().map(|l| {
                    let layer = content.layer(l);
                    html! {
                        <tr key={l.get()}>
                            <th scope="row" data-hl={props.highlight.covers_layer(l).then_some("1")}>
                                { head(Pos::of_target(ChartTarget::Layer(l)), &layer.name, &layer.description) }
                            </th>
                            { for content.tool_ixs().map(|t| {
                                let target = ChartTarget::Cell { layer: l, tool: t };
                                html! {
                                    <CellButton
                                        key={t.get()}
                                        {target}
                                        layer_name={layer.name.clone()}
                                        tool_name={content.tool(t).short.clone()}
                                        evidence={Evidence::of(content, l, t, props.filter)}
                                        selected={selected(target)}
                                        tab_stop={props.focus == Pos::of_target(target)}
                                        highlighted={props.highlight.covers(l, t)}
                                        on_select={props.on_select.clone()}
                                    />
                                }
                            }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
