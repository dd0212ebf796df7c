//! The quiz on the episode's key facts. [`QuizView`] chooses what to show; the runner
//! owns the round; the other modules are plain view functions (cheaper in the wasm than
//! components) for its pieces.

pub mod bits;
pub mod feedback;
pub mod intro;
pub mod progress;
pub mod question;
pub mod runner;
pub mod share_button;
pub mod shared_result;
pub mod summary;

use std::rc::Rc;

use yew::prelude::*;

use self::runner::QuizRunner;
use self::shared_result::shared_result;
use super::{island, use_data, use_nav, DataRef};
use crate::model::route::Route;
use crate::model::{QuestionIx, QuizLength, SectionIx};

#[derive(Properties, PartialEq)]
pub struct QuizViewProps {
    /// A question opened from a link, to practise it.
    #[prop_or_default]
    pub focus: Option<QuestionIx>,
    /// A shared result (score, total) from a `#quiz/result/7-10` link.
    #[prop_or_default]
    pub shared_result: Option<(u16, u16)>,
    #[prop_or_default]
    pub length: QuizLength,
    /// Tells several quizzes on one page apart in storage. `None`: the single default key.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
    /// The sections the quiz draws from (the `sections` option); empty: every one.
    #[prop_or(Rc::from([]))]
    pub sections: Rc<[SectionIx]>,
}

/// A shared result (which needs no data), one practice question, or the quiz itself
/// (resumed from storage), once the on-demand data is here.
#[component]
pub fn QuizView(props: &QuizViewProps) -> Html {
    let nav = use_nav();
    let ctx = use_data();
    let body = match props.shared_result {
        Some((score, total)) => {
            shared_result(score, total, Callback::from(move |_: MouseEvent| nav.go(Route::Quiz(None))))
        }
        None => island(
            &ctx,
            |h| h.quiz.clone(),
            |data| match props.focus {
                Some(q) => html! {
                    <QuizRunner key={format!("practice-{}", q.get())} data={DataRef(data)} practice={Some(q)} length={props.length} />
                },
                None => html! {
                    <QuizRunner key="quiz" data={DataRef(data)} length={props.length} instance={props.instance.clone()} sections={props.sections.clone()} />
                },
            },
        ),
    };
    html! {
        <div class="fs-quiz">
            <h3 class="fs-h">{ "Quiz: the episode\u{2019}s key facts" }</h3>
            { body }
        </div>
    }
}
