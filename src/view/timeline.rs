use yew::prelude::*;

use super::use_content;

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    /// An event highlighted from a link (index into `Content::timeline`).
    #[prop_or_default]
    pub focus: Option<usize>,
}

/// Dated milestones from the episode.
#[component]
pub fn TimelineView(_props: &TimelineViewProps) -> Html {
    let content = use_content();
    html! {
        <div class="fs-timeline">
            <h3 class="fs-h">{ "Timeline" }</h3>
            <ol class="fs-events">
                { for content.timeline.iter().map(|e| html! {
                    <li>
                        <time datetime={e.date}>{ e.date }</time>
                        { " " }
                        <strong>{ e.title }</strong>
                        <p>{ e.text }</p>
                    </li>
                }) }
            </ol>
        </div>
    }
}
