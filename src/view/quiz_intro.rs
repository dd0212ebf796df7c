use yew::prelude::*;

use super::quiz_bits::button;
use crate::model::quiz::QUICK_LEN;
use crate::model::QuizLength;

/// Before the quiz: what it is, and a choice of length (`length`, the configured one,
/// first). `total` is the number of questions in the full quiz.
pub fn intro(length: QuizLength, total: usize, on_start: &Callback<QuizLength>) -> Html {
    let button = |length: QuizLength, primary: bool| {
        let label = match length {
            QuizLength::Quick => format!("Start the quick quiz ({} questions)", QUICK_LEN.min(total)),
            QuizLength::Full => format!("Take all {total} questions"),
        };
        button(label, primary, on_start.reform(move |_: MouseEvent| length))
    };
    let other = match length {
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
                { button(length, true) }
                { button(other, false) }
            </div>
        </section>
    }
}
