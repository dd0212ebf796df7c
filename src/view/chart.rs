use yew::prelude::*;

use super::use_content;
use crate::model::ChartTarget;

#[derive(Properties, PartialEq)]
pub struct ChartViewProps {
    /// The selected cell, row or column (from the app state, so deep links work).
    #[prop_or_default]
    pub target: Option<ChartTarget>,
}

/// The full-stack policy matrix: layers (top of the stack first) against tools.
#[component]
pub fn ChartView(_props: &ChartViewProps) -> Html {
    let content = use_content();
    html! {
        <div class="fs-chart">
            <table class="fs-matrix">
                <caption>
                    { "China\u{2019}s industrial policy across the AI tech stack: a reconstruction after RAND\u{2019}s " }
                    <cite>{ "Full Stack" }</cite>
                    { " (2025), not RAND\u{2019}s own figure." }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Layer" }</th>
                        { for content.tools.iter().map(|t| html! { <th scope="col">{ t.short }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for content.layers.iter().enumerate().map(|(li, layer)| html! {
                        <tr>
                            <th scope="row">{ layer.name }</th>
                            { for (0..content.tools.len()).map(|ti| match content.cell(li, ti) {
                                Some(cell) => html! {
                                    <td data-tier={cell.tier.id()}>
                                        <span class="fs-count">{ cell.entries.len() }</span>
                                        { " " }
                                        <abbr title={cell.tier.label()}>{ cell.tier.mark() }</abbr>
                                    </td>
                                },
                                None => html! { <td class="fs-empty">{ "\u{2014}" }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
