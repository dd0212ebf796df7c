use yew::prelude::*;

use super::quiz_feedback::Feedback;
use super::use_content;
use crate::model::quiz::{option_order, Answer};

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    /// Index into `Content::questions`.
    pub question: usize,
    /// "Question 3 of 10" (or "Practice question").
    pub legend: AttrValue,
    /// Seeds the option order.
    pub seed: u32,
    pub answer: Answer,
    /// The radio group's name, unique on the page.
    pub name: AttrValue,
    /// Focused when the question appears after a reader's action.
    pub fieldset_ref: NodeRef,
    /// The feedback heading, focused after Check.
    pub feedback_ref: NodeRef,
    pub on_choose: Callback<u8>,
    pub on_check: Callback<()>,
}

/// One question: a fieldset of labelled native radios and a Check button; after Check,
/// the choice is locked and marked right or wrong in words and by icon, and the
/// feedback follows.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let content = use_content();
    let hint = use_state(|| false);
    let Some(q) = content.questions.get(props.question) else {
        return html! {};
    };
    let checked = props.answer.checked;
    let onsubmit = {
        let on_check = props.on_check.clone();
        let hint = hint.clone();
        let chosen = props.answer.chosen.is_some();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            hint.set(!chosen);
            on_check.emit(());
        })
    };
    let options = option_order(props.seed, q.id).into_iter().map(|o| {
        let opt = &q.options[o as usize];
        let is_chosen = props.answer.chosen == Some(o);
        let is_correct = o as usize == q.correct;
        let onchange = {
            let on_choose = props.on_choose.clone();
            let hint = hint.clone();
            Callback::from(move |_: Event| {
                hint.set(false);
                on_choose.emit(o);
            })
        };
        let (state, mark) = match (checked, is_correct, is_chosen) {
            (true, true, true) => ("right", html! { <span class="fs-mark fs-mark-right"><span aria-hidden="true">{ "\u{2713} " }</span>{ "Your answer: right" }</span> }),
            (true, true, false) => ("answer", html! { <span class="fs-mark fs-mark-right"><span aria-hidden="true">{ "\u{2713} " }</span>{ "Right answer" }</span> }),
            (true, false, true) => ("wrong", html! { <span class="fs-mark fs-mark-wrong"><span aria-hidden="true">{ "\u{2717} " }</span>{ "Your answer: wrong" }</span> }),
            _ => ("", html! {}),
        };
        html! {
            <label class="fs-option" data-state={state}>
                <input type="radio" name={props.name.clone()} value={o.to_string()} checked={is_chosen} disabled={checked} {onchange} />
                <span class="fs-option-text">{ opt.text }{ mark }</span>
            </label>
        }
    });
    let hint_id = format!("{}-hint", props.name);
    html! {
        <div class="fs-question">
            <p class="fs-q-meta">
                { content.sections.get(q.section).map(|s| s.title).unwrap_or("") }
                <span aria-hidden="true">{ " \u{b7} " }</span>
                { q.difficulty.label() }
            </p>
            <form class="fs-q-form" {onsubmit}>
                <fieldset class="fs-q-fieldset" ref={props.fieldset_ref.clone()} tabindex="-1"
                    aria-describedby={(*hint && !checked).then(|| hint_id.clone())}>
                    <legend class="fs-q-legend">
                        <span class="fs-q-number">{ props.legend.clone() }</span>
                        <span class="fs-q-prompt">{ q.prompt }</span>
                    </legend>
                    <div class="fs-options">{ for options }</div>
                </fieldset>
                if !checked {
                    <div class="fs-actions">
                        <button type="submit" class="fs-button">{ "Check" }</button>
                        if *hint {
                            <p class="fs-hint" id={hint_id}>{ "Choose an answer first." }</p>
                        }
                    </div>
                }
            </form>
            if checked {
                if let Some(chosen) = props.answer.chosen {
                    <Feedback question={props.question} {chosen} heading_ref={props.feedback_ref.clone()} />
                }
            }
        </div>
    }
}
