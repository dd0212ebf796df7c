use yew::prelude::*;

use super::use_content;
use crate::model::QuizLength;

#[derive(Properties, PartialEq)]
pub struct QuizViewProps {
    /// A question opened from a link (index into `Content::questions`).
    #[prop_or_default]
    pub focus: Option<usize>,
    /// A shared result (score, total) from a `#quiz/result/7-10` link.
    #[prop_or_default]
    pub shared_result: Option<(u16, u16)>,
    #[prop_or_default]
    pub length: QuizLength,
}

/// The quiz on the episode's key facts.
#[component]
pub fn QuizView(_props: &QuizViewProps) -> Html {
    let content = use_content();
    html! {
        <div class="fs-quiz">
            <h3 class="fs-h">{ "Quiz: the episode\u{2019}s key facts" }</h3>
            <p>{ format!("{} questions in {} sections.", content.questions.len(), content.sections.len()) }</p>
            <ol>
                { for content.sections.iter().map(|s| html! { <li>{ s.title }</li> }) }
            </ol>
        </div>
    }
}
