use yew::prelude::*;

use super::quiz_runner::QuizRunner;
use super::quiz_shared::shared_result;
use super::use_nav;
use crate::model::route::Route;
use crate::model::QuizLength;

#[derive(Properties, PartialEq)]
pub struct QuizViewProps {
    /// A question opened from a link (index into `Content::questions`), to practise it.
    #[prop_or_default]
    pub focus: Option<usize>,
    /// A shared result (score, total) from a `#quiz/result/7-10` link.
    #[prop_or_default]
    pub shared_result: Option<(u16, u16)>,
    #[prop_or_default]
    pub length: QuizLength,
    /// Tells several quizzes on one page apart in storage. `None`: the single default key.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
}

/// The quiz on the episode's key facts: a shared result, one practice question, or the
/// quiz itself (resumed from storage).
#[component]
pub fn QuizView(props: &QuizViewProps) -> Html {
    let nav = use_nav();
    let body = match (props.shared_result, props.focus) {
        (Some((score, total)), _) => {
            shared_result(score, total, Callback::from(move |_: MouseEvent| nav.go(Route::Quiz(None))))
        }
        (None, Some(q)) => {
            html! { <QuizRunner key={format!("practice-{q}")} practice={Some(q)} length={props.length} /> }
        }
        (None, None) => html! { <QuizRunner key="quiz" length={props.length} instance={props.instance.clone()} /> },
    };
    html! {
        <div class="fs-quiz">
            <h3 class="fs-h">{ "Quiz: the episode\u{2019}s key facts" }</h3>
            { body }
        </div>
    }
}
