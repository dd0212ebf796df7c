use std::cell::Cell;

use yew::prelude::*;

use super::quiz_intro::QuizIntro;
use super::quiz_progress::QuizProgress;
use super::quiz_question::QuestionCard;
use super::quiz_summary::QuizSummary;
use super::{use_content, use_nav};
use crate::model::quiz::{self, Stage};
use crate::model::route::Route;
use crate::model::QuizLength;
use crate::state::{QuizAction, QuizState};

/// Where focus goes once the next render is done (set by the reader's own actions only,
/// so a reload never pulls focus into the widget).
#[derive(Clone, Copy, PartialEq, Debug)]
enum FocusNext {
    Nothing,
    Feedback,
    Question,
    Summary,
}

#[derive(Properties, PartialEq)]
pub struct QuizRunnerProps {
    /// Practise this question alone (index into `Content::questions`): nothing is stored.
    #[prop_or_default]
    pub practice: Option<usize>,
    #[prop_or_default]
    pub length: QuizLength,
    /// Storage key suffix for this widget instance.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
}

thread_local! {
    /// Numbers quiz instances, so radio group names are unique on the page.
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
}

/// Runs the quiz: owns the reducer, resumes and saves progress, moves focus and feeds the
/// live region. The pieces it shows are plain components.
#[component]
pub fn QuizRunner(props: &QuizRunnerProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let state = {
        let practice = props.practice;
        use_reducer(move || match practice {
            Some(q) => QuizState::practice(content, q),
            None => QuizState::new(content),
        })
    };
    let uid = use_memo((), |_| {
        INSTANCES.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        })
    });
    let key = use_memo(props.instance.clone(), |i| quiz::storage_key(i.as_deref()));
    let announce = use_state(String::new);
    let focus_next = use_mut_ref(|| FocusNext::Nothing);
    let question_ref = use_node_ref();
    let feedback_ref = use_node_ref();
    let summary_ref = use_node_ref();

    // Resume stored progress once, then save every change (never a quiz not started, so
    // the first render can't overwrite what is stored before it is read).
    {
        let d = state.dispatcher();
        let key = key.clone();
        let practice = state.practice;
        use_effect_with((), move |_| {
            if !practice {
                if let Some(blob) = storage::load(&key) {
                    match quiz::decode(&blob, content) {
                        Some(p) => d.dispatch(QuizAction::Restore(p)),
                        None => storage::remove(&key),
                    }
                }
            }
        });
    }
    {
        let key = key.clone();
        let practice = state.practice;
        use_effect_with(state.progress.clone(), move |p| {
            if !practice && p.stage != Stage::Intro {
                storage::save(&key, &quiz::encode(p, content));
            }
        });
    }

    // After a reader's action: move focus and announce a short result.
    {
        let state = state.clone();
        let focus_next = focus_next.clone();
        let announce = announce.clone();
        let (question_ref, feedback_ref, summary_ref) = (question_ref.clone(), feedback_ref.clone(), summary_ref.clone());
        use_effect(move || {
            let what = std::mem::replace(&mut *focus_next.borrow_mut(), FocusNext::Nothing);
            match what {
                FocusNext::Nothing => {}
                FocusNext::Feedback => {
                    if let Some((q, a)) = state.progress.current() {
                        if let (true, Some(chosen), Some(question)) = (a.checked, a.chosen, content.questions.get(q)) {
                            announce.set(quiz::announcement(question, chosen));
                            focus(&feedback_ref);
                        }
                    }
                }
                FocusNext::Question => {
                    announce.set(String::new());
                    focus(&question_ref);
                }
                FocusNext::Summary => {
                    announce.set(String::new());
                    focus(&summary_ref);
                }
            }
        });
    }

    let act = |after: FocusNext, action: QuizAction| {
        let d = state.dispatcher();
        let focus_next = focus_next.clone();
        move || {
            *focus_next.borrow_mut() = after;
            d.dispatch(action.clone());
        }
    };
    let p = &state.progress;
    let body = match p.stage {
        Stage::Intro => {
            let d = state.dispatcher();
            let focus_next = focus_next.clone();
            let on_start = Callback::from(move |length| {
                *focus_next.borrow_mut() = FocusNext::Question;
                d.dispatch(QuizAction::Start { length, seed: fresh_seed() });
            });
            html! { <QuizIntro length={props.length} total={content.questions.len()} {on_start} /> }
        }
        Stage::Asking => {
            let Some((qi, answer)) = p.current() else { return html! {} };
            let score = state.score();
            let on_choose = {
                let d = state.dispatcher();
                Callback::from(move |o| d.dispatch(QuizAction::Choose(o)))
            };
            let on_check = {
                let check = act(FocusNext::Feedback, QuizAction::Check);
                let announce = announce.clone();
                let chosen = answer.chosen.is_some();
                Callback::from(move |_| {
                    if chosen {
                        check();
                    } else {
                        announce.set("Choose an answer first.".to_string());
                    }
                })
            };
            let legend = if state.practice {
                "Practice question".to_string()
            } else {
                format!("Question {} of {}", p.cursor + 1, p.questions.len())
            };
            let last = p.cursor + 1 == p.questions.len();
            let next = if state.practice {
                let nav = nav.clone();
                let onclick = Callback::from(move |_: MouseEvent| nav.go(Route::Quiz(None)));
                html! { <button type="button" class="fs-button" {onclick}>{ "Take the whole quiz" }</button> }
            } else if !answer.checked {
                html! {}
            } else if last {
                let f = act(FocusNext::Summary, QuizAction::Finish);
                let label = if p.retry { "See how this round went" } else { "See your score" };
                html! { <button type="button" class="fs-button" onclick={move |_: MouseEvent| f()}>{ label }</button> }
            } else {
                let f = act(FocusNext::Question, QuizAction::Next);
                html! { <button type="button" class="fs-button" onclick={move |_: MouseEvent| f()}>{ "Next question" }</button> }
            };
            let prev = (p.cursor > 0).then(|| {
                let f = act(FocusNext::Question, QuizAction::Review(p.cursor - 1));
                html! { <button type="button" class="fs-button fs-quiet" onclick={move |_: MouseEvent| f()}>{ "Previous question" }</button> }
            });
            html! {
                <>
                    if state.practice {
                        <p class="fs-practice-note">{ "Practising one question from the chart." }</p>
                    } else {
                        if p.retry {
                            <p class="fs-retry-note">{ format!("Retrying the {} you missed.", p.questions.len()) }</p>
                        }
                        <QuizProgress answered={score.answered} correct={score.correct} total={score.total} />
                    }
                    <QuestionCard
                        key={format!("{}-{}-{}", qi, p.seed, p.retry)}
                        question={qi}
                        {legend}
                        seed={p.seed}
                        {answer}
                        name={format!("fs-quiz{}-{}", *uid, p.cursor)}
                        fieldset_ref={question_ref.clone()}
                        feedback_ref={feedback_ref.clone()}
                        {on_choose}
                        {on_check}
                    />
                    <div class="fs-actions fs-q-nav">
                        { for prev }
                        { next }
                    </div>
                </>
            }
        }
        Stage::Summary => {
            let on_retry = {
                let f = act(FocusNext::Question, QuizAction::RetryMissed);
                Callback::from(move |_| f())
            };
            let on_restart = {
                let d = state.dispatcher();
                let focus_next = focus_next.clone();
                Callback::from(move |length| {
                    *focus_next.borrow_mut() = FocusNext::Question;
                    d.dispatch(QuizAction::Restart { length, seed: fresh_seed() });
                })
            };
            html! { <QuizSummary progress={p.clone()} heading_ref={summary_ref.clone()} {on_retry} {on_restart} /> }
        }
    };
    html! {
        <div class="fs-quiz-body">
            <p class="fs-visually-hidden fs-live" role="status" aria-live="polite" aria-atomic="true">{ (*announce).clone() }</p>
            { body }
        </div>
    }
}

fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

fn fresh_seed() -> u32 {
    #[cfg(target_arch = "wasm32")]
    return crate::host::quiz::fresh_seed();
    #[cfg(not(target_arch = "wasm32"))]
    1
}

/// Storage on the page; nothing natively (server rendering).
mod storage {
    #[cfg(target_arch = "wasm32")]
    pub use crate::host::storage::{load, remove, save};

    #[cfg(not(target_arch = "wasm32"))]
    pub fn load(_: &str) -> Option<String> {
        None
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn save(_: &str, _: &str) {}
    #[cfg(not(target_arch = "wasm32"))]
    pub fn remove(_: &str) {}
}
