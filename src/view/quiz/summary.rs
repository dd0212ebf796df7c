use yew::prelude::*;

use super::bits::{button, mark};
use super::share_button::ShareResult;
use crate::model::quiz::{is_correct, verdict, Progress};
use crate::model::{Data, QuizLength};

/// The end of a round: the score, what to do next (retry the missed questions, start
/// over, share), and every question with the reader's answer, the right answer and why.
/// `heading_ref` is focused when the summary appears after a reader's action;
/// `on_restart` starts a fresh round of the given length.
pub fn summary(
    data: &'static Data,
    p: &Progress,
    all: usize,
    heading_ref: &NodeRef,
    on_retry: &Callback<()>,
    on_restart: &Callback<QuizLength>,
) -> Html {
    let score = p.score(data);
    let missed = score.total - score.correct;
    let shared = p.first_try.unwrap_or((score.correct, score.total));
    let heading = if p.retry {
        format!("This round: {} of {}", score.correct, score.total)
    } else {
        format!("Your score: {} of {}", score.correct, score.total)
    };
    let retry = on_retry.reform(|_: MouseEvent| ());
    let restart = {
        let length = p.length;
        on_restart.reform(move |_: MouseEvent| length)
    };
    let full = on_restart.reform(|_: MouseEvent| QuizLength::Full);
    let items = p.questions.iter().zip(&p.answers).filter_map(|(&qi, &a)| {
        let q = data.question(qi)?;
        let right = is_correct(q, a);
        let chosen = a.chosen.and_then(|c| q.options.get(c as usize));
        let correct = &q.options[q.correct as usize];
        Some(html! {
            <li class="fs-review-item" data-result={if right { "right" } else { "wrong" }}>
                <p class="fs-review-prompt">
                    if right {
                        { mark(true, "Right") }
                    } else {
                        { mark(false, "Missed") }
                    }
                    { " " }{ q.prompt.to_string() }
                </p>
                <dl class="fs-review-answers">
                    { row("Your answer", html! {
                        <>
                            { chosen.map(|c| c.text.to_string()).unwrap_or_else(|| "(none)".into()) }
                            if !right {
                                if let Some(c) = chosen {
                                    <span class="fs-why">{ " \u{2014} " }{ c.why.text.to_string() }</span>
                                }
                            }
                        </>
                    }) }
                    if !right {
                        { row("Right answer", html! { correct.text.to_string() }) }
                    }
                    { row("Why", html! { correct.why.text.to_string() }) }
                </dl>
            </li>
        })
    });
    html! {
        <section class="fs-summary">
            <h4 class="fs-summary-h" tabindex="-1" ref={heading_ref.clone()}>{ heading }</h4>
            if p.retry {
                if let Some((s, t)) = p.first_try {
                    <p>{ format!("First try: {s} of {t}. This round retried the questions you missed.") }</p>
                }
            } else {
                <p>{ verdict(score.correct, score.total) }</p>
            }
            <div class="fs-actions">
                if missed > 0 {
                    { button(format!("Retry the ones I missed ({missed})"), true, retry) }
                }
                { button("Start over", missed == 0, restart) }
                if p.length == QuizLength::Quick && all > p.questions.len() && !p.retry {
                    { button(format!("Take all {all} questions"), false, full) }
                }
                <ShareResult score={shared.0} total={shared.1} />
            </div>
            <h5 class="fs-review-h">{ "Your answers" }</h5>
            <ol class="fs-review">{ for items }</ol>
        </section>
    }
}

/// One term and its description in a review item.
#[inline(never)]
fn row(term: &'static str, description: Html) -> Html {
    html! { <div><dt>{ term }</dt><dd>{ description }</dd></div> }
}
