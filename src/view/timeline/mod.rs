//! The timeline: dated milestones from the episode and its context, oldest first.

use yew::prelude::*;

use crate::model::chart::TierFilter;
use crate::model::route::Route;
use crate::model::timeline::{human_date, year};
use crate::model::{Data, EventIx};
use crate::platform::dom;
use crate::view::chart::detail::{chart_links, link};
use crate::view::provenance::{badge, claim, paragraph, source_list};
use crate::view::{island, use_content, use_data, use_links, use_nav};

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    /// An event highlighted from a link.
    #[prop_or_default]
    pub focus: Option<EventIx>,
}

#[component]
pub fn TimelineView(props: &TimelineViewProps) -> Html {
    let ctx = use_data();
    let list = use_node_ref();
    // A highlighted event is brought into view and, when focus would otherwise be lost
    // (the reader came from another view), focused.
    {
        let list = list.clone();
        let mounted = use_mut_ref(|| false);
        let ready = ctx.state.ready().is_some();
        use_effect_with((props.focus, ready), move |(focus, _)| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            if let Some(e) = focus {
                let selector = format!("[data-event=\"{}\"]", e.get());
                if dom::scroll_within(&list, &selector) && !first {
                    dom::focus_within(&list, &selector);
                }
            }
        });
    }
    html! {
        <div class="fs-timeline" ref={list}>
            <h3 class="fs-h">{ "Timeline: from the reform era to the RAND report" }</h3>
            <p class="fs-timeline-intro">
                { "Dated milestones from the episode and its context. Each date and sentence carries its provenance: a letter and the numbers of its sources, listed under each event. Links open the chart cell or the quiz question they concern." }
            </p>
            { island(&ctx, |h| h.timeline.clone(), |data| events(data, props.focus)) }
        </div>
    }
}

fn events(data: &'static Data, focus: Option<EventIx>) -> Html {
    html! { <Events data={crate::view::DataRef(data)} {focus} /> }
}

#[derive(Properties, PartialEq)]
pub struct EventsProps {
    pub data: crate::view::DataRef,
    pub focus: Option<EventIx>,
}

/// How many events before a highlighted one are rendered whatever their distance from the
/// screen (`.fs-event[data-near]` in `www/chart.css`). An event's text renders only near
/// the screen, with an estimated height until then; scrolled to from a link, the events just
/// above it took their real heights as they rendered and pushed the highlighted one down
/// (at 375 px, to 230 px in Chromium and 254 px in Firefox; WebKit has no scroll anchoring
/// at all). Six events are taller than half of most screens, the margin within which
/// browsers render ahead.
const RENDERED_BEFORE: usize = 6;

#[component]
pub fn Events(props: &EventsProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let links = use_links();
    let data = props.data.0;
    let all = TierFilter::default();
    let mut last_year = String::new();
    html! {
        <ol class="fs-events">
            { for data.events.iter().enumerate().map(|(i, e)| {
                let ix = EventIx::at(i);
                let y = year(&e.date).to_string();
                let new_year = y != last_year;
                last_year = y;
                let route = Route::Timeline(Some(ix));
                let near = props.focus.is_some_and(|f| (f.get().saturating_sub(RENDERED_BEFORE)..=f.get()).contains(&i));
                html! {
                    <li
                        class="fs-event"
                        data-event={i.to_string()}
                        data-tier={e.title.tier.id()}
                        data-new-year={new_year.then_some("1")}
                        aria-current={(props.focus == Some(ix)).then_some("true")}
                        data-near={near.then_some("1")}
                        tabindex="-1"
                    >
                        <div class="fs-event-body">
                            <p class="fs-event-date"><time datetime={e.date.to_string()}>{ human_date(&e.date) }</time></p>
                            <h4 class="fs-event-title">
                                <a href={route.fragment(content)} onclick={link(&nav, route)}>{ e.title.text.to_string() }</a>
                                { " " }{ badge(e.title.tier) }
                                <span class="fs-visually-hidden">{ format!(" {}", e.title.tier.label()) }</span>
                            </h4>
                            <p class="fs-event-provenance">
                                { "Event and date: " }{ claim(&e.title, &e.sources, all) }
                            </p>
                            { paragraph(&e.claims, &e.sources, all, "fs-event-text") }
                            { chart_links(content, &nav, &e.cells, "fs-event-links") }
                            if !e.questions.is_empty() {
                                <p class="fs-event-links">
                                    <span>{ "In the quiz: " }</span>
                                    { for e.questions.iter().enumerate().filter_map(|(k, &q)| data.question(q).map(|question| (k, q, question))).map(|(k, q, question)| {
                                        let route = Route::Quiz(Some(q));
                                        html! {
                                            <>
                                                { if k > 0 { "; " } else { "" } }
                                                <a href={route.fragment(content)} onclick={link(&nav, route)}>{ question.prompt.to_string() }</a>
                                            </>
                                        }
                                    }) }
                                </p>
                            }
                            <details class="fs-event-sources">
                                <summary>{ format!("Sources ({})", e.sources.len()) }</summary>
                                { source_list(&e.sources, 0..e.sources.len(), all, &links) }
                            </details>
                        </div>
                    </li>
                }
            }) }
        </ol>
    }
}
