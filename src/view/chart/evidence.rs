use yew::prelude::*;

use super::detail::entries;
use crate::model::chart::TierFilter;
use crate::view::provenance::{badge, paragraph};
use crate::view::{ContentRef, Links};

#[derive(Properties, PartialEq)]
pub struct AllEvidenceProps {
    pub content: ContentRef,
    /// Where the transcript page is (the quotes link to it).
    #[prop_or_default]
    pub links: Links,
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
                { for content.layer_ixs().map(|l| {
                    let layer = content.layer(l);
                    let cells: Vec<_> = content.tool_ixs().filter_map(|t| content.cell_at(l, t).map(|c| (t, c))).collect();
                    html! {
                        <section class="fs-evidence-layer">
                            <h3>{ layer.name.to_string() }</h3>
                            <p>{ layer.description.to_string() }</p>
                            if cells.is_empty() {
                                <p>{ "No evidence found for any tool." }</p>
                            }
                            { for cells.into_iter().map(|(t, cell)| html! {
                                <article class="fs-evidence-cell">
                                    <h4>{ layer.name.to_string() }{ " \u{00d7} " }{ content.tool(t).name.to_string() }</h4>
                                    <p>{ badge(cell.tier) }{ " Strongest source: " }{ cell.tier.label() }{ "." }</p>
                                    { paragraph(&cell.summary, &cell.sources, TierFilter::default(), "fs-summary") }
                                    { entries(cell, TierFilter::default(), &props.links, usize::MAX) }
                                </article>
                            }) }
                        </section>
                    }
                }) }
            </section>
        </ContextProvider<ContentRef>>
    }
}
