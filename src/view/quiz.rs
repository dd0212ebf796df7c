use yew::prelude::*;

use super::use_content;

/// The quiz on the episode's key facts.
#[component]
pub fn QuizView() -> Html {
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
