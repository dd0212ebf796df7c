use yew::prelude::*;

use super::bits::button;
use crate::model::quiz::verdict;

/// A result someone shared (`#quiz/result/7-10`). Only the two numbers come from the
/// link, already validated by the route parser; nothing else from it is shown.
pub fn shared_result(score: u16, total: u16, on_take: Callback<MouseEvent>) -> Html {
    let score = score.min(total);
    html! {
        <section class="fs-shared" aria-labelledby="fs-shared-h">
            <h4 id="fs-shared-h" class="fs-shared-score">
                { format!("Someone scored {score} of {total} on this quiz") }
            </h4>
            <p>{ verdict(score, total) }</p>
            <p>
                { "The quiz tests the key facts of the AI Policy Podcast (CSIS) episode in which Gregory C. Allen \
                   interviews Kyle Chan about RAND\u{2019}s report on China\u{2019}s industrial policy for AI. \
                   Every answer comes with an explanation and the speakers\u{2019} own words." }
            </p>
            { button("Take the quiz yourself", true, on_take) }
        </section>
    }
}
