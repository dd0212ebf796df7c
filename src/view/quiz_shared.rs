use yew::prelude::*;

use super::use_nav;
use crate::model::quiz::verdict;
use crate::model::route::Route;

#[derive(Properties, PartialEq)]
pub struct SharedResultProps {
    pub score: u16,
    pub total: u16,
}

/// A result someone shared (`#quiz/result/7-10`). Only the two numbers come from the
/// link, already validated by the route parser; nothing else from it is shown.
#[component]
pub fn SharedResult(props: &SharedResultProps) -> Html {
    let nav = use_nav();
    let onclick = Callback::from(move |_: MouseEvent| nav.go(Route::Quiz(None)));
    let (score, total) = (props.score.min(props.total), props.total);
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
            <button type="button" class="fs-button" {onclick}>{ "Take the quiz yourself" }</button>
        </section>
    }
}
