use yew::prelude::*;

use crate::model::quiz::QUICK_LEN;
use crate::model::QuizLength;

#[derive(Properties, PartialEq)]
pub struct QuizIntroProps {
    /// The configured length: offered first.
    pub length: QuizLength,
    /// How many questions the full quiz has.
    pub total: usize,
    pub on_start: Callback<QuizLength>,
}

/// Before the quiz: what it is, and a choice of length.
#[component]
pub fn QuizIntro(props: &QuizIntroProps) -> Html {
    let quick = QUICK_LEN.min(props.total);
    let button = |length: QuizLength, primary: bool| {
        let label = match length {
            QuizLength::Quick => format!("Start the quick quiz ({quick} questions)"),
            QuizLength::Full => format!("Take all {} questions", props.total),
        };
        let onclick = props.on_start.reform(move |_: MouseEvent| length);
        let class = if primary { "fs-button" } else { "fs-button fs-quiet" };
        html! { <button type="button" {class} {onclick}>{ label }</button> }
    };
    let other = match props.length {
        QuizLength::Quick => QuizLength::Full,
        QuizLength::Full => QuizLength::Quick,
    };
    html! {
        <section class="fs-intro">
            <p>
                { "How much do you remember from the episode? Pick an answer, press Check, and you\u{2019}ll see \
                   why it is right or wrong, with the exact words from the episode. The quick quiz asks one question \
                   from each part of the conversation; the full quiz asks them all." }
            </p>
            <div class="fs-actions">
                { button(props.length, true) }
                { button(other, false) }
            </div>
        </section>
    }
}
