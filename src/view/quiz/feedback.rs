use yew::prelude::*;

use crate::model::chart::TierFilter;
use crate::model::route::{ChartTarget, Route};
use crate::model::{Data, QuestionIx, View};
use crate::platform::dom;
use crate::view::provenance::{claim, source_list, transcript_link};
use crate::view::shell::tabs::panel_id;
use crate::view::{use_content, Links, Nav};

/// After Check: right or wrong (in words and by icon), why the chosen option is right or
/// wrong, why the right one is right (each explanation with the numbers of its sources),
/// the verbatim quote with its speaker and a link to its transcript lines, any further
/// sources, and links to the chart cells the question is about. `heading_ref` is focused
/// after Check.
pub fn feedback(
    data: &'static Data,
    question: QuestionIx,
    chosen: u8,
    heading_ref: &NodeRef,
    nav: &Nav,
    links: &Links,
) -> Html {
    html! { <Feedback data={crate::view::DataRef(data)} {question} {chosen} heading_ref={heading_ref.clone()} nav={nav.clone()} links={links.clone()} /> }
}

#[derive(Properties, PartialEq)]
struct FeedbackProps {
    data: crate::view::DataRef,
    question: QuestionIx,
    chosen: u8,
    heading_ref: NodeRef,
    nav: Nav,
    links: Links,
}

#[component]
fn Feedback(props: &FeedbackProps) -> Html {
    let content = use_content();
    let Some(q) = props.data.0.question(props.question) else {
        return html! {};
    };
    let all = TierFilter::default();
    let right = props.chosen == q.correct;
    let correct = &q.options[q.correct as usize];
    let chosen = q.options.get(props.chosen as usize);
    let quote = &q.sources[0];
    let links = q.cells.iter().map(|&ci| {
        let cell = content.cell(ci);
        let (layer, tool) = (content.layer(cell.layer), content.tool(cell.tool));
        let route = Route::Chart(Some(ChartTarget::Cell { layer: cell.layer, tool: cell.tool }));
        let nav = props.nav.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            // Let modified clicks open the link as usual (a new tab, a new window).
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return;
            }
            e.prevent_default();
            nav.go(route);
            dom::refocus_after_switch(&e, panel_id(View::Chart));
        });
        html! {
            <li>
                <a href={route.fragment(content)} {onclick}>
                    { "See it on the chart" }
                    <span class="fs-link-detail">{ format!(": {}, {}", layer.name, tool.short) }</span>
                </a>
            </li>
        }
    });
    // Sources beyond the quote (outside facts in an explanation, say).
    let extra: Vec<usize> = (1..q.sources.len()).collect();
    html! {
        <section class="fs-feedback" data-result={if right { "right" } else { "wrong" }}>
            <h4 class="fs-feedback-h" tabindex="-1" ref={props.heading_ref.clone()}>
                <span class="fs-icon" aria-hidden="true">{ if right { "\u{2713}" } else { "\u{2717}" } }</span>
                { if right { "Correct" } else { "Not quite" } }
            </h4>
            if !right {
                if let Some(c) = chosen {
                    <p><strong>{ "You chose: " }</strong>{ c.text.to_string() }{ ". " }{ claim(&c.why, &q.sources, all) }</p>
                }
            }
            <p><strong>{ if right { "Why: " } else { "The answer: " } }</strong>
                if !right { { correct.text.to_string() }{ ". " } }
                { claim(&correct.why, &q.sources, all) }
            </p>
            <figure class="fs-quote" data-tier="episode" data-source="1">
                <blockquote><p>{ "\u{201c}" }{ quote.quote.as_deref().unwrap_or_default().to_string() }{ "\u{201d}" }</p></blockquote>
                <figcaption>
                    <span class="fs-source-n">{ "1" }</span>{ " " }{ quote.speaker.map(|s| s.name()).unwrap_or_default() }{ ", in the episode (" }
                    if let Some((a, b)) = quote.lines {
                        { transcript_link(&props.links, a, b) }
                    }
                    { ")" }
                    if let Some(note) = &quote.speaker_note {
                        <span class="fs-note">{ " " }{ note.to_string() }</span>
                    }
                </figcaption>
            </figure>
            if !extra.is_empty() {
                { source_list(&q.sources, extra.into_iter(), all, &props.links) }
            }
            if !q.cells.is_empty() {
                <ul class="fs-chart-links">{ for links }</ul>
            }
        </section>
    }
}
