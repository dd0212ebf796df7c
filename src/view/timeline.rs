use yew::prelude::*;

use super::detail::link;
use super::sources::SourceList;
use super::{use_content, use_nav};
use crate::model::route::{ChartTarget, Route};
use crate::model::timeline::{human_date, year};

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    /// An event highlighted from a link (index into `Content::timeline`).
    #[prop_or_default]
    pub focus: Option<usize>,
}

/// Dated milestones, oldest first, each linked to the chart cells and quiz questions
/// it concerns, with its sources.
#[component]
pub fn TimelineView(props: &TimelineViewProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let list = use_node_ref();
    // A highlighted event is brought into view and, when focus would otherwise be
    // lost (the reader came from another view), focused.
    {
        let list = list.clone();
        let mounted = use_mut_ref(|| false);
        use_effect_with(props.focus, move |focus| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            #[cfg(target_arch = "wasm32")]
            if let (Some(e), Some(list)) = (*focus, list.cast::<web_sys::Element>()) {
                use wasm_bindgen::JsCast;
                if let Ok(Some(item)) = list.query_selector(&format!("[data-event=\"{e}\"]")) {
                    let item: web_sys::HtmlElement = item.unchecked_into();
                    if item.offset_parent().is_some() {
                        let opts = web_sys::ScrollIntoViewOptions::new();
                        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                        item.scroll_into_view_with_scroll_into_view_options(&opts);
                        if !first {
                            let _ = item.focus();
                        }
                    }
                }
            }
            let _ = (focus, list, first);
        });
    }
    let mut last_year = "";
    html! {
        <div class="fs-timeline">
            <h3 class="fs-h">{ "Timeline: from the reform era to the RAND report" }</h3>
            <p class="fs-timeline-intro">
                { "Dated milestones mentioned in the episode, with dates from outside sources where the episode gives none. Links open the chart cell or the quiz question they concern." }
            </p>
            <ol class="fs-events" ref={list}>
                { for content.timeline.iter().enumerate().map(|(i, e)| {
                    let y = year(e.date);
                    let new_year = y != last_year;
                    last_year = y;
                    let focused = props.focus == Some(i);
                    let select = link(&nav, Route::Timeline(Some(i)));
                    html! {
                        <li
                            class="fs-event"
                            data-event={i.to_string()}
                            data-new-year={new_year.then_some("1")}
                            aria-current={focused.then_some("true")}
                            tabindex="-1"
                        >
                            <p class="fs-event-date"><time datetime={e.date}>{ human_date(e.date) }</time></p>
                            <h4 class="fs-event-title">
                                <a href={Route::Timeline(Some(i)).fragment(content)} onclick={select}>{ e.title }</a>
                            </h4>
                            <p>{ e.text }</p>
                            { if e.cells.is_empty() { html! {} } else { html! {
                                <p class="fs-event-links">
                                    <span>{ "On the chart: " }</span>
                                    { for e.cells.iter().enumerate().map(|(k, &ci)| {
                                        let c = &content.cells[ci];
                                        let route = Route::Chart(Some(ChartTarget::Cell(c.layer, c.tool)));
                                        html! {
                                            <>
                                                { if k > 0 { "; " } else { "" } }
                                                <a href={route.fragment(content)} onclick={link(&nav, route)}>
                                                    { content.layers[c.layer].name }{ " \u{00d7} " }{ content.tools[c.tool].short }
                                                </a>
                                            </>
                                        }
                                    }) }
                                </p>
                            } } }
                            { if e.questions.is_empty() { html! {} } else { html! {
                                <p class="fs-event-links">
                                    <span>{ "In the quiz: " }</span>
                                    { for e.questions.iter().enumerate().map(|(k, &q)| {
                                        let route = Route::Quiz(Some(q));
                                        html! {
                                            <>
                                                { if k > 0 { "; " } else { "" } }
                                                <a href={route.fragment(content)} onclick={link(&nav, route)}>{ content.questions[q].prompt }</a>
                                            </>
                                        }
                                    }) }
                                </p>
                            } } }
                            { if e.sources.is_empty() { html! {} } else { html! {
                                <details class="fs-event-sources">
                                    <summary>{ format!("Sources ({})", e.sources.len()) }</summary>
                                    <SourceList sources={e.sources} />
                                </details>
                            } } }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
