use yew::prelude::*;

use super::detail::entries;
use super::sources::badge;
use super::ContentRef;
use crate::model::chart::TierFilter;

#[derive(Properties, PartialEq)]
pub struct AllEvidenceProps {
    pub content: ContentRef,
}

/// Every evidenced cell's programs, figures and sources, layer by layer, as a static
/// document. Rendered at build time only (the pages' `<noscript>` and `sources.html`),
/// so a reader without JavaScript can still read every source.
#[component]
pub fn AllEvidence(props: &AllEvidenceProps) -> Html {
    let content = props.content.0;
    html! {
        <ContextProvider<ContentRef> context={props.content}>
            <section class="fs-evidence" aria-labelledby="fs-evidence-h">
                <h2 id="fs-evidence-h">{ "Every cell\u{2019}s evidence, layer by layer" }</h2>
                <p>
                    { "The chart is a reconstruction after RAND\u{2019}s " }<cite>{ "Full Stack" }</cite>
                    { " (2025), not RAND\u{2019}s own figure. Each entry lists its sources with their provenance: said in the episode (a verbatim quote with its transcript lines), report text, an outside source, or our own inference. A pairing not listed here has no evidence found, which is not a claim that none exists." }
                </p>
                { for content.layers.iter().enumerate().map(|(l, layer)| {
                    let cells: Vec<usize> = (0..content.tools.len()).filter(|&t| content.cell(l, t).is_some()).collect();
                    html! {
                        <section class="fs-evidence-layer">
                            <h3>{ layer.name }</h3>
                            <p>{ layer.description }</p>
                            { if cells.is_empty() { html! { <p>{ "No evidence found for any tool." }</p> } } else { html! {} } }
                            { for cells.into_iter().map(|t| {
                                let cell = content.cell(l, t).expect("filtered above");
                                html! {
                                    <article class="fs-evidence-cell">
                                        <h4>{ layer.name }{ " \u{00d7} " }{ content.tools[t].name }</h4>
                                        <p>{ badge(cell.tier) }{ " Strongest source: " }{ cell.tier.label() }{ ". " }{ cell.summary }</p>
                                        { entries(cell, TierFilter::default()) }
                                    </article>
                                }
                            }) }
                        </section>
                    }
                }) }
            </section>
        </ContextProvider<ContentRef>>
    }
}
