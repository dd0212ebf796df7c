use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuizProgressProps {
    pub answered: u16,
    pub correct: u16,
    pub total: u16,
}

/// Progress as text, plus a bar that repeats it for the eye (hidden from screen readers,
/// which get the text).
#[component]
pub fn QuizProgress(props: &QuizProgressProps) -> Html {
    html! {
        <div class="fs-progress">
            <p class="fs-progress-text">
                <span>{ format!("{} of {} answered", props.answered, props.total) }</span>
                <span aria-hidden="true">{ " \u{b7} " }</span>
                <span>{ format!("Score so far: {}", props.correct) }</span>
            </p>
            <progress class="fs-bar" aria-hidden="true" max={props.total.max(1).to_string()} value={props.answered.to_string()}></progress>
        </div>
    }
}
