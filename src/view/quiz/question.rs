use yew::prelude::*;

use super::bits::{button, mark};
use super::feedback::feedback;
use crate::model::quiz::{option_order, Answer};
use crate::model::{Data, QuestionIx};
use crate::view::{Links, Nav};

/// One question: a fieldset of labelled native radios and a Check button. After Check
/// the choice is locked and marked right or wrong in words and by icon, and the feedback
/// follows.
pub struct QuestionCard<'a> {
    pub data: &'static Data,
    pub question: QuestionIx,
    /// "Question 3 of 10" (or "Practice question").
    pub legend: &'a str,
    /// Seeds the option order.
    pub seed: u32,
    pub answer: Answer,
    /// The radio group's name, unique on the page.
    pub name: &'a str,
    /// Show "Choose an answer first." (Check was pressed with nothing chosen).
    pub hint: bool,
    /// Focused when the question appears after a reader's action.
    pub fieldset_ref: &'a NodeRef,
    /// The feedback heading, focused after Check.
    pub feedback_ref: &'a NodeRef,
    pub on_choose: &'a Callback<u8>,
    pub on_check: &'a Callback<()>,
    pub nav: &'a Nav,
    pub links: &'a Links,
}

impl QuestionCard<'_> {
    pub fn view(&self) -> Html {
        let data = self.data;
        let Some(q) = data.question(self.question) else {
            return html! {};
        };
        let checked = self.answer.checked;
        // A plain button, not a form submission: sandboxed iframes without `allow-forms`
        // block submissions outright.
        let onclick = self.on_check.reform(|_: MouseEvent| ());
        let options = option_order(self.seed, &q.id).into_iter().map(|o| {
            let is_chosen = self.answer.chosen == Some(o);
            let is_correct = o == q.correct;
            let (state, mark) = match (checked, is_correct, is_chosen) {
                (true, true, true) => (Some("right"), mark(true, "Your answer: right")),
                (true, true, false) => (Some("answer"), mark(true, "Right answer")),
                (true, false, true) => (Some("wrong"), mark(false, "Your answer: wrong")),
                _ => (None, html! {}),
            };
            html! {
                <label class="fs-option" data-state={state}>
                    <input type="radio" name={self.name.to_string()} value={o.to_string()} checked={is_chosen} disabled={checked}
                        onchange={self.on_choose.reform(move |_: Event| o)} />
                    <span class="fs-option-text">{ q.options[o as usize].text.to_string() }{ mark }</span>
                </label>
            }
        });
        let hint = self.hint && !checked && self.answer.chosen.is_none();
        let hint_id = format!("{}-hint", self.name);
        html! {
            <div class="fs-question">
                <p class="fs-q-meta">
                    { data.section(q.section).map(|s| s.title.to_string()).unwrap_or_default() }
                    <span aria-hidden="true">{ " \u{b7} " }</span>
                    { q.difficulty.label() }
                </p>
                <div class="fs-q-form">
                    <fieldset class="fs-q-fieldset" ref={self.fieldset_ref.clone()} tabindex="-1"
                        aria-describedby={hint.then(|| hint_id.clone())}>
                        <legend class="fs-q-legend">
                            <span class="fs-q-number">{ self.legend.to_string() }</span>
                            <span class="fs-q-prompt">{ q.prompt.to_string() }</span>
                        </legend>
                        <div class="fs-options">{ for options }</div>
                    </fieldset>
                    if !checked {
                        <div class="fs-actions">
                            { button("Check", true, onclick) }
                            if hint {
                                <p class="fs-hint" id={hint_id}>{ "Choose an answer first." }</p>
                            }
                        </div>
                    }
                </div>
                if checked {
                    if let Some(chosen) = self.answer.chosen {
                        { feedback(data, self.question, chosen, self.feedback_ref, self.nav, self.links) }
                    }
                }
            </div>
        }
    }
}
