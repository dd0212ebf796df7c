//! Key points: the episode's argument, section by section, each point in our words with
//! the verbatim quote it rests on, its speaker and a link to the transcript lines.

use yew::prelude::*;

use crate::model::route::{PointsAt, Route};
use crate::model::{Data, SectionIx};
use crate::platform::dom;
use crate::view::chart::detail::{chart_links, link};
use crate::view::provenance::transcript_link;
use crate::view::{island, use_content, use_data, use_links, use_nav, DataRef};

#[derive(Properties, PartialEq)]
pub struct PointsViewProps {
    /// A section (and a point in it) shown from a link (`#points/<section>/<n>`).
    #[prop_or_default]
    pub focus: Option<PointsAt>,
}

#[component]
pub fn PointsView(props: &PointsViewProps) -> Html {
    let ctx = use_data();
    let root = use_node_ref();
    {
        let root = root.clone();
        let ready = ctx.state.ready().is_some();
        let mounted = use_mut_ref(|| false);
        use_effect_with((props.focus, ready), move |(focus, _)| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            if let Some(PointsAt { section, point }) = focus {
                let heading = format!("[data-section=\"{section}\"] h4");
                let target = match point {
                    Some(n) => format!("[data-section=\"{section}\"] [data-point=\"{n}\"]"),
                    None => heading.clone(),
                };
                // A point beyond the section's: the section.
                let target = if dom::scroll_within(&root, &target) { target } else { heading };
                if dom::scroll_within(&root, &target) && !first {
                    dom::focus_within(&root, &target);
                }
            }
        });
    }
    html! {
        <div class="fs-points" ref={root}>
            <h3 class="fs-h">{ "Key points: the episode\u{2019}s argument" }</h3>
            <p class="fs-points-intro">
                { "The conversation section by section, in our words. Under each point are the speaker\u{2019}s own words, with a link that opens the transcript at those lines." }
            </p>
            { island(&ctx, |h| h.points.clone(), |data| html! { <Points data={DataRef(data)} focus={props.focus} /> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PointsProps {
    pub data: DataRef,
    /// The point highlighted from a link, if any.
    #[prop_or_default]
    pub focus: Option<PointsAt>,
}

#[component]
pub fn Points(props: &PointsProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let links = use_links();
    let data: &'static Data = props.data.0;
    html! {
        <>
            <nav class="fs-points-toc" aria-label="Sections of the episode">
                <ol>
                    { for data.sections.iter().enumerate().map(|(i, s)| {
                        let route = Route::Points(u8::try_from(i).ok().map(|section| PointsAt { section, point: None }));
                        html! { <li><a href={route.fragment(content)} onclick={link(&nav, route)}>{ s.title.to_string() }</a></li> }
                    }) }
                </ol>
            </nav>
            { for data.sections.iter().enumerate().map(|(i, s)| {
                let points: Vec<_> = data.points.iter().filter(|p| p.section == SectionIx::at(i)).collect();
                let heading = format!("fs-points-s{i}");
                html! {
                    <section class="fs-points-section" data-section={i.to_string()} aria-labelledby={heading.clone()}>
                        <h4 id={heading} tabindex="-1">
                            { s.title.to_string() }
                            <span class="fs-points-lines">{ " (" }{ transcript_link(&links, s.lines.0, s.lines.1) }{ ")" }</span>
                        </h4>
                        <ol class="fs-point-list">
                            { for points.into_iter().enumerate().map(|(n, p)| html! {
                                <li
                                    class="fs-point"
                                    id={format!("fs-point-{}", p.id)}
                                    data-point={n.to_string()}
                                    data-tier="episode"
                                    tabindex="-1"
                                    aria-current={(props.focus == Some(PointsAt { section: i as u8, point: Some(n as u8) })).then_some("true")}
                                >
                                    <p class="fs-point-text">{ p.text.to_string() }</p>
                                    <figure class="fs-quote">
                                        <blockquote><p>{ "\u{201c}" }{ p.quote.quote.as_deref().unwrap_or_default().to_string() }{ "\u{201d}" }</p></blockquote>
                                        <figcaption>
                                            { "\u{2014} " }{ p.quote.speaker.map(|s| s.name()).unwrap_or_default() }{ ", " }
                                            if let Some((a, b)) = p.quote.lines {
                                                { transcript_link(&links, a, b) }
                                            }
                                            if let Some(note) = &p.quote.speaker_note {
                                                <span class="fs-note">{ " " }{ note.to_string() }</span>
                                            }
                                        </figcaption>
                                    </figure>
                                    { chart_links(content, &nav, &p.cells, "fs-point-links") }
                                </li>
                            }) }
                        </ol>
                    </section>
                }
            }) }
        </>
    }
}
