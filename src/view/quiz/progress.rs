use yew::prelude::*;

use crate::model::quiz::Score;

/// Progress as text ("3 of 10 answered", the score so far), plus a bar that repeats it
/// for the eye (hidden from screen readers, which get the text).
pub fn progress(score: Score) -> Html {
    html! {
        <div class="fs-progress">
            <p class="fs-progress-text">
                <span>{ format!("{} of {} answered", score.answered, score.total) }</span>
                <span aria-hidden="true">{ " \u{b7} " }</span>
                <span>{ format!("Score so far: {}", score.correct) }</span>
            </p>
            <progress class="fs-bar" aria-hidden="true" max={score.total.max(1).to_string()} value={score.answered.to_string()}></progress>
        </div>
    }
}
