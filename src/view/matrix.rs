use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::cell::CellButton;
use super::use_content;
use crate::model::chart::{Evidence, Highlight, TierFilter};
use crate::model::route::ChartTarget;
use crate::state::chart::{Pos, Step};

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
            let Some(pos) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.get_attribute("data-pos"))
                .and_then(|k| Pos::parse(&k))
            else {
                return;
            };
            e.prevent_default();
            if let Some(next) = pos.step(step, nl, nt) {
                on_move.emit(next);
                let button = table
                    .cast::<web_sys::Element>()
                    .and_then(|t| t.query_selector(&format!("[data-pos=\"{}\"]", next.key())).ok().flatten());
                if let Some(b) = button {
                    let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        })
    };
    let selected = |t: ChartTarget| props.target == Some(t);
    let head = |pos: Pos, label: &'static str, title: &'static str| {
        let target = pos.target().expect("headers have targets");
        let onclick = props.on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
        html! {
            <button
                type="button"
                class="fs-head"
                data-pos={pos.key()}
                tabindex={if props.focus == pos { "0" } else { "-1" }}
                aria-pressed={if selected(target) { "true" } else { "false" }}
                title={title}
                {onclick}
            >{ label }</button>
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
                    { for content.tools.iter().enumerate().map(|(t, tool)| html! {
                        <th scope="col" data-hl={props.highlight.covers(usize::MAX, t).then_some("1")}>
                            { head(Pos { row: 0, col: t + 1 }, tool.short, tool.name) }
                        </th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for content.layers.iter().enumerate().map(|(l, layer)| html! {
                    <tr>
                        <th scope="row" data-hl={props.highlight.covers(l, usize::MAX).then_some("1")}>
                            { head(Pos { row: l + 1, col: 0 }, layer.name, layer.description) }
                        </th>
                        { for content.tools.iter().enumerate().map(|(t, tool)| html! {
                            <CellButton
                                layer={l}
                                tool={t}
                                label={AttrValue::from(format!("{}, {}", layer.name, tool.short))}
                                evidence={Evidence::of(content, l, t, props.filter)}
                                selected={selected(ChartTarget::Cell(l, t))}
                                tab_stop={props.focus == Pos { row: l + 1, col: t + 1 }}
                                highlighted={props.highlight.covers(l, t)}
                                on_select={props.on_select.clone()}
                            />
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
