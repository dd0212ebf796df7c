use yew::prelude::*;

use crate::model::chart::{Highlight, TierFilter};
use crate::platform::dom;
use crate::view::use_content;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub filter: TierFilter,
    pub highlight: Highlight,
    pub on_filter: Callback<TierFilter>,
    pub on_highlight: Callback<Highlight>,
}

/// The provenance filter (native radio buttons) and the highlight (a native select).
#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let content = use_content();
    let on_highlight = {
        let cb = props.on_highlight.clone();
        Callback::from(move |e: Event| cb.emit(Highlight::parse(&dom::control_value(&e), content)))
    };
    let current = props.highlight.value(content);
    let option = |h: Highlight, label: &str| {
        let v = h.value(content);
        let selected = v == current;
        html! { <option value={v} {selected}>{ label.to_string() }</option> }
    };
    html! {
        <div class="fs-controls">
            <fieldset class="fs-filter">
                <legend>{ "Show evidence" }</legend>
                { for TierFilter::ALL.iter().map(|&f| {
                    let onchange = props.on_filter.reform(move |_: Event| f);
                    html! {
                        <label class="fs-radio">
                            <input type="radio" name="fs-tier-filter" value={f.id()} checked={props.filter == f} {onchange} />
                            { " " }{ f.label() }
                        </label>
                    }
                }) }
            </fieldset>
            <label class="fs-highlight">
                <span>{ "Highlight" }</span>
                <select onchange={on_highlight} data-fs-menu="">
                    { option(Highlight::None, "Nothing") }
                    <optgroup label="A layer across all tools">
                        { for content.layer_ixs().map(|l| option(Highlight::Layer(l), &content.layer(l).name)) }
                    </optgroup>
                    <optgroup label="A tool across all layers">
                        { for content.tool_ixs().map(|t| option(Highlight::Tool(t), &content.tool(t).short)) }
                    </optgroup>
                </select>
            </label>
        </div>
    }
}
