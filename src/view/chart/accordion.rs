use yew::prelude::*;

use super::cell::marks;
use crate::model::chart::{row_summary, Evidence, TierFilter};
use crate::model::route::ChartTarget;
use crate::model::LayerIx;
use crate::state::chart::Pos;
use crate::view::use_content;

#[derive(Properties, PartialEq)]
pub struct AccordionProps {
    pub target: Option<ChartTarget>,
    pub filter: TierFilter,
    pub on_select: Callback<(ChartTarget, bool)>,
    /// The detail panel, shown right under what is selected.
    pub detail: Html,
}

/// The matrix for narrow screens: one disclosure per layer (top of the stack first)
/// listing every tool with the same marks and buttons as the table, then one for the
/// tools' column summaries. The detail panel opens in place.
#[component]
pub fn LayerAccordion(props: &AccordionProps) -> Html {
    let content = use_content();
    let button = |target: ChartTarget, body: Html| {
        let onclick = props.on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
        let pressed = props.target == Some(target);
        html! {
            <button
                type="button"
                class="fs-acc-btn"
                data-pos={Pos::of_target(target).key()}
                aria-pressed={if pressed { "true" } else { "false" }}
                {onclick}
            >{ body }</button>
        }
    };
    let detail_if = |t: ChartTarget| {
        if props.target == Some(t) {
            props.detail.clone()
        } else {
            html! {}
        }
    };
    // The disclosure holding the selection is open. It stays open when the panel
    // closes, so focus can go back to the button that opened it.
    let last_open = use_mut_ref(|| None::<Option<LayerIx>>);
    let open = match props.target {
        Some(ChartTarget::Cell { layer: l, .. }) | Some(ChartTarget::Layer(l)) => Some(Some(l)),
        Some(ChartTarget::Tool(_)) => Some(None),
        None => *last_open.borrow(),
    };
    *last_open.borrow_mut() = open;
    let open_layer = open.flatten();
    let open_tools = open == Some(None);
    html! {
        <div class="fs-accordion">
            <p class="fs-acc-caption">
                { "China\u{2019}s industrial policy across the AI tech stack: a reconstruction after RAND\u{2019}s " }
                <cite>{ "Full Stack" }</cite>
                { " (2025), not RAND\u{2019}s own figure. Layers from the top of the stack down; open one to see its policy tools." }
            </p>
            { for content.layer_ixs().map(|l| {
                let layer = content.layer(l);
                let s = row_summary(content, l, props.filter);
                html! {
                    <details class="fs-acc-layer" open={open_layer == Some(l)}>
                        <summary>
                            <span class="fs-acc-name">{ layer.name.to_string() }</span>
                            <span class="fs-acc-sum">{ format!("{} of {} tools with evidence", s.shown.len(), content.tools.len()) }</span>
                            // A strip of the row's shades, left to right (the list inside says it in words).
                            <span class="fs-acc-strip" aria-hidden="true">
                                { for content.tool_ixs().map(|t| {
                                    let ev = Evidence::of(content, l, t, props.filter);
                                    html! { <span data-state={ev.state_id()} data-tier={ev.tier().map(|x| x.id())}></span> }
                                }) }
                            </span>
                        </summary>
                        <div class="fs-acc-body">
                            { button(ChartTarget::Layer(l), html! { <>{ "Summary of this layer" }</> }) }
                            { detail_if(ChartTarget::Layer(l)) }
                            <ul class="fs-acc-tools">
                                { for content.tool_ixs().map(|t| {
                                    let ev = Evidence::of(content, l, t, props.filter);
                                    let target = ChartTarget::Cell { layer: l, tool: t };
                                    html! {
                                        <li data-state={ev.state_id()} data-tier={ev.tier().map(|x| x.id())}>
                                            { button(target, html! {
                                                <>
                                                    <span class="fs-acc-tool">{ content.tool(t).short.to_string() }</span>
                                                    { marks(ev) }
                                                    <span class="fs-visually-hidden">{ ": " }{ ev.describe() }</span>
                                                </>
                                            }) }
                                            { detail_if(target) }
                                        </li>
                                    }
                                }) }
                            </ul>
                        </div>
                    </details>
                }
            }) }
            <details class="fs-acc-layer fs-acc-tools-all" open={open_tools}>
                <summary><span class="fs-acc-name">{ "Each policy tool across all layers" }</span></summary>
                <ul class="fs-acc-tools">
                    { for content.tool_ixs().map(|t| html! {
                        <li>
                            { button(ChartTarget::Tool(t), html! { <span class="fs-acc-tool">{ content.tool(t).name.to_string() }</span> }) }
                            { detail_if(ChartTarget::Tool(t)) }
                        </li>
                    }) }
                </ul>
            </details>
        </div>
    }
}
