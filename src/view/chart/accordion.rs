use yew::prelude::*;

use super::cell::marks;
use crate::model::chart::{row_summary, Evidence, TierFilter};
use crate::model::route::ChartTarget;
use crate::model::{LayerIx, ToolIx};
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

/// A button of the accordion that selects `target`.
fn button(target: ChartTarget, pressed: bool, on_select: &Callback<(ChartTarget, bool)>, body: Html) -> Html {
    let onclick = on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
    html! {
        <button
            type="button"
            class="fs-acc-btn"
            data-pos={Pos::of_target(target).key()}
            aria-pressed={if pressed { "true" } else { "false" }}
            {onclick}
        >{ body }</button>
    }
}

/// The matrix for narrow screens: one disclosure per layer (top of the stack first)
/// listing every tool with the same marks and buttons as the table, then one for the
/// tools' column summaries. The detail panel opens in place.
///
/// Each disclosure is its own component, told only what concerns it (open or not, its
/// selected button, the panel if the selection is in it): a selection re-renders the
/// disclosures it touches.
#[component]
pub fn LayerAccordion(props: &AccordionProps) -> Html {
    let content = use_content();
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
    let selected_tool = match props.target {
        Some(ChartTarget::Tool(t)) => Some(t),
        _ => None,
    };
    html! {
        <div class="fs-accordion">
            <p class="fs-acc-caption">
                { "China\u{2019}s industrial policy across the AI tech stack: a reconstruction after RAND\u{2019}s " }
                <cite>{ "Full Stack" }</cite>
                { " (2025), not RAND\u{2019}s own figure. Layers from the top of the stack down; open one to see its policy tools." }
            </p>
            { for content.layer_ixs().map(|l| {
                // The selection in this layer: 0 for its summary, `t + 1` for its cell of tool `t`.
                let selected = props.target.map(Pos::of_target).filter(|p| p.row == l.get() + 1).map(|p| p.col);
                html! {
                    <AccordionLayer
                        key={l.get()}
                        layer={l}
                        filter={props.filter}
                        open={open_layer == Some(l)}
                        {selected}
                        detail={selected.map(|_| props.detail.clone())}
                        on_select={props.on_select.clone()}
                    />
                }
            }) }
            <AccordionTools
                open={open == Some(None)}
                selected={selected_tool}
                detail={selected_tool.map(|_| props.detail.clone())}
                on_select={props.on_select.clone()}
            />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AccordionLayerProps {
    pub layer: LayerIx,
    pub filter: TierFilter,
    pub open: bool,
    /// The selected button here: 0 for the layer's summary, `t + 1` for tool `t`'s cell.
    pub selected: Option<usize>,
    /// The detail panel, when the selection is here.
    pub detail: Option<Html>,
    pub on_select: Callback<(ChartTarget, bool)>,
}

/// One layer's disclosure: its summary line and shade strip, its summary button and a
/// button per tool.
#[component]
pub fn AccordionLayer(props: &AccordionLayerProps) -> Html {
    let content = use_content();
    let l = props.layer;
    let layer = content.layer(l);
    let s = row_summary(content, l, props.filter);
    // Each tool's evidence, for the strip and for the list.
    let evidence: Vec<(ToolIx, Evidence)> =
        content.tool_ixs().map(|t| (t, Evidence::of(content, l, t, props.filter))).collect();
    let detail_at = |col: usize| match (&props.detail, props.selected == Some(col)) {
        (Some(d), true) => d.clone(),
        _ => html! {},
    };
    html! {
        <details class="fs-acc-layer" open={props.open}>
            <summary>
                <span class="fs-acc-name">{ layer.name.to_string() }</span>
                <span class="fs-acc-sum">{ format!("{} of {} tools with evidence", s.shown.len(), content.tools.len()) }</span>
                // A strip of the row's shades, left to right (the list inside says it in words).
                <span class="fs-acc-strip" aria-hidden="true">
                    { for evidence.iter().map(|(_, ev)| {
                        html! { <span data-state={ev.state_id()} data-tier={ev.tier().map(|x| x.id())}></span> }
                    }) }
                </span>
            </summary>
            <div class="fs-acc-body">
                { button(ChartTarget::Layer(l), props.selected == Some(0), &props.on_select, html! { <>{ "Summary of this layer" }</> }) }
                { detail_at(0) }
                <ul class="fs-acc-tools">
                    { for evidence.iter().map(|&(t, ev)| {
                        let target = ChartTarget::Cell { layer: l, tool: t };
                        html! {
                            <li data-state={ev.state_id()} data-tier={ev.tier().map(|x| x.id())}>
                                { button(target, props.selected == Some(t.get() + 1), &props.on_select, html! {
                                    <>
                                        <span class="fs-acc-tool">{ content.tool(t).short.to_string() }</span>
                                        { marks(ev) }
                                        <span class="fs-visually-hidden">{ format!(": {}", ev.describe()) }</span>
                                    </>
                                }) }
                                { detail_at(t.get() + 1) }
                            </li>
                        }
                    }) }
                </ul>
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct AccordionToolsProps {
    pub open: bool,
    /// The tool whose column summary is selected, if any.
    pub selected: Option<ToolIx>,
    /// The detail panel, when a tool is selected.
    pub detail: Option<Html>,
    pub on_select: Callback<(ChartTarget, bool)>,
}

/// The disclosure of every tool's column summary.
#[component]
pub fn AccordionTools(props: &AccordionToolsProps) -> Html {
    let content = use_content();
    html! {
        <details class="fs-acc-layer fs-acc-tools-all" open={props.open}>
            <summary><span class="fs-acc-name">{ "Each policy tool across all layers" }</span></summary>
            <ul class="fs-acc-tools">
                { for content.tool_ixs().map(|t| html! {
                    <li>
                        { button(ChartTarget::Tool(t), props.selected == Some(t), &props.on_select, html! { <span class="fs-acc-tool">{ content.tool(t).name.to_string() }</span> }) }
                        if props.selected == Some(t) {
                            { props.detail.clone().unwrap_or_default() }
                        }
                    </li>
                }) }
            </ul>
        </details>
    }
}
