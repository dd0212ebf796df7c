use yew::prelude::*;

use crate::model::chart::TierFilter;
use crate::model::Tier;
use crate::view::provenance::badge;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub filter: TierFilter,
}

/// How to read the marks: the number, the tier letters and shades, "?" and "·".
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    html! {
        <div class="fs-legend">
            <p class="fs-legend-title">{ "How to read a cell: the number counts its programs and examples; the letter and the shade give its strongest source." }</p>
            <ul class="fs-legend-list" aria-label="Key">
                { for Tier::ALL.iter().map(|&t| html! {
                    <li>{ badge(t) }{ " " }{ t.label() }</li>
                }) }
                <li><span class="fs-badge" data-state="none" aria-hidden="true">{ "?" }</span>{ " No evidence found (not a claim that none exists)" }</li>
                { if props.filter.is_everything() { html! {} } else { html! {
                    <li><span class="fs-badge" data-state="filtered" aria-hidden="true">{ "\u{00b7}" }</span>{ " Evidence hidden by the filter" }</li>
                } } }
            </ul>
        </div>
    }
}
