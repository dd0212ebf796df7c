use yew::prelude::*;

use crate::model::quiz::QUICK_LEN;
use crate::model::{Data, QuizLength, SectionIx};

/// Above question 1 while nothing is answered: what the quiz is, and the choice of
/// length. `length` is the round's; `total` is the number of questions in the full quiz,
/// which asks every question of `sections` (every section when empty), named here.
/// The two buttons are toggles (`aria-pressed`); pressing the other one asks that length
/// instead. Both are always rendered with the same structure, so a page rendered at
/// build time with one length hydrates with the other.
pub fn intro(
    length: QuizLength,
    total: usize,
    data: &Data,
    sections: &[SectionIx],
    on_length: &Callback<QuizLength>,
) -> Html {
    let titles: Vec<&str> = sections.iter().filter_map(|s| data.section(*s)).map(|s| &*s.title).collect();
    let toggle = |this: QuizLength, label: String| {
        let pressed = if this == length { "true" } else { "false" };
        html! {
            <button type="button" class="fs-button fs-quiet fs-length" aria-pressed={pressed}
                onclick={on_length.reform(move |_: MouseEvent| this)}>{ label }</button>
        }
    };
    html! {
        <section class="fs-intro">
            <p>
                { "How much do you remember from the episode? Pick an answer, press Check, and you\u{2019}ll see \
                   why it is right or wrong, with the exact words from the episode. The quick quiz asks one question \
                   from each part of the conversation; the full quiz asks them all." }
            </p>
            if !titles.is_empty() {
                <p class="fs-scope">{ format!("This quiz is on: {}.", titles.join("; ")) }</p>
            }
            <div class="fs-actions fs-lengths" role="group" aria-label="Quiz length">
                { toggle(QuizLength::Quick, format!("Quick quiz ({})", QUICK_LEN.min(total))) }
                { toggle(QuizLength::Full, format!("All {total} questions")) }
            </div>
        </section>
    }
}
