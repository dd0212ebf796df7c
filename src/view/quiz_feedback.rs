use yew::prelude::*;

use super::Nav;
use crate::model::route::{ChartTarget, Route};
use crate::model::Content;

/// After Check: right or wrong (in words and by icon), why the chosen option is right or
/// wrong, why the right one is right, the verbatim quote with its speaker and lines, and
/// links to the chart cells the question is about. `heading_ref` is focused after Check.
pub fn feedback(content: &'static Content, question: usize, chosen: u8, heading_ref: &NodeRef, nav: &Nav) -> Html {
    let Some(q) = content.questions.get(question) else {
        return html! {};
    };
    let right = chosen as usize == q.correct;
    let correct = &q.options[q.correct];
    let chosen = q.options.get(chosen as usize);
    let quote = &q.quote;
    let lines = if quote.lines.0 == quote.lines.1 {
        format!("transcript line {}", quote.lines.0)
    } else {
        format!("transcript lines {}\u{2013}{}", quote.lines.0, quote.lines.1)
    };
    let links = q.cells.iter().filter_map(|&ci| {
        let cell = content.cells.get(ci)?;
        let (layer, tool) = (content.layers.get(cell.layer)?, content.tools.get(cell.tool)?);
        let route = Route::Chart(Some(ChartTarget::Cell(cell.layer, cell.tool)));
        let nav = nav.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            // Let modified clicks open the link as usual (a new tab, a new window).
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return;
            }
            e.prevent_default();
            nav.go(route);
            after_switch(e.target());
        });
        Some(html! {
            <li>
                <a href={route.fragment(content)} {onclick}>
                    { "See it on the chart" }
                    <span class="fs-link-detail">{ format!(": {}, {}", layer.name, tool.short) }</span>
                </a>
            </li>
        })
    });
    html! {
        <section class="fs-feedback" data-result={if right { "right" } else { "wrong" }}>
            <h4 class="fs-feedback-h" tabindex="-1" ref={heading_ref.clone()}>
                <span class="fs-icon" aria-hidden="true">{ if right { "\u{2713}" } else { "\u{2717}" } }</span>
                { if right { "Correct" } else { "Not quite" } }
            </h4>
            if !right {
                if let Some(c) = chosen {
                    <p><strong>{ "You chose: " }</strong>{ c.text }{ ". " }{ c.why }</p>
                }
            }
            <p><strong>{ if right { "Why: " } else { "The answer: " } }</strong>
                if !right { { correct.text }{ ". " } }
                { correct.why }
            </p>
            <figure class="fs-quote">
                <blockquote><p>{ "\u{201c}" }{ quote.text }{ "\u{201d}" }</p></blockquote>
                <figcaption>
                    { "\u{2014} " }{ quote.speaker.name() }{ ", in the episode (" }{ lines }{ ")" }
                    if let Some(note) = quote.speaker_note {
                        <span class="fs-note">{ " " }{ note }</span>
                    }
                </figcaption>
            </figure>
            if !q.cells.is_empty() {
                <ul class="fs-chart-links">{ for links }</ul>
            }
        </section>
    }
}

/// After switching to the chart: if focus was left on the now hidden link, move it to the
/// chart's panel so keyboard and screen-reader users land somewhere sensible. If the chart
/// view has already placed focus, leave it.
fn after_switch(target: Option<web_sys::EventTarget>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(link) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(link) = link.closest("a").ok().flatten() else { return };
        let Some(root) = link.closest(".fs").ok().flatten() else { return };
        yew::platform::spawn_local(async move {
            let active = link.owner_document().and_then(|d| d.active_element());
            let lost = match &active {
                None => true,
                Some(a) => a == &link || a.tag_name() == "BODY",
            };
            if lost {
                let panel = root
                    .query_selector(&format!("#{}", super::tabs::panel_id(crate::model::View::Chart)))
                    .ok()
                    .flatten();
                if let Some(p) = panel.and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = p.focus();
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = target;
}
