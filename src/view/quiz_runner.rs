use std::cell::Cell;

use yew::prelude::*;

use super::quiz_bits::button;
use super::quiz_intro::intro;
use super::quiz_progress::progress;
use super::quiz_question::QuestionCard;
use super::quiz_summary::summary;
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
    /// The length changed: say so (focus stays on the pressed button).
    Length,
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
    // The first render is the edition round at question 1, whatever is stored: it must
    // match the page rendered at build time (hydration). Storage is read after mount.
    let state = {
        let (practice, length) = (props.practice, props.length);
        use_reducer(move || match practice {
            Some(q) => QuizState::practice(content, q),
            None => QuizState::new(content, length),
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
    let hint = use_state(|| false);
    let focus_next = use_mut_ref(|| FocusNext::Nothing);
    let question_ref = use_node_ref();
    let feedback_ref = use_node_ref();
    let summary_ref = use_node_ref();

    // Resume stored progress once (it replaces the first round only while the reader has
    // touched nothing), then save every change after the first render (so the edition
    // round shown first never overwrites what is stored before it is read).
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
        let first = use_mut_ref(|| true);
        use_effect_with(state.progress.clone(), move |p| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if !practice && !first && p.stage != Stage::Empty {
                storage::save(&key, &quiz::encode(p, content));
            }
        });
    }

    // After a reader's action: move focus and announce a short result. The state read
    // here is the latest (a dispatch updates it at once), and a render still pending
    // from an earlier action may run this first: what needs an element waits until the
    // render that shows it.
    {
        let state = state.clone();
        let focus_next = focus_next.clone();
        let announce = announce.clone();
        let hint = hint.clone();
        let (question_ref, feedback_ref, summary_ref) =
            (question_ref.clone(), feedback_ref.clone(), summary_ref.clone());
        use_effect(move || {
            let what = *focus_next.borrow();
            let done = match what {
                FocusNext::Nothing => true,
                FocusNext::Length => {
                    let n = state.progress.questions.len();
                    announce.set(match state.progress.length {
                        QuizLength::Quick => format!("Quick quiz: {n} questions."),
                        QuizLength::Full => format!("All {n} questions."),
                    });
                    true
                }
                FocusNext::Feedback => match state.progress.current() {
                    Some((q, a)) => match (a.checked, a.chosen, content.questions.get(q)) {
                        (true, Some(chosen), Some(question)) => {
                            let shown = focus(&feedback_ref);
                            if shown {
                                announce.set(quiz::announcement(question, chosen));
                            }
                            shown
                        }
                        // Check was ignored: nothing is chosen yet.
                        (false, None, _) => {
                            hint.set(true);
                            announce.set("Choose an answer first.".to_string());
                            true
                        }
                        _ => true,
                    },
                    None => true,
                },
                FocusNext::Question => {
                    let shown = focus(&question_ref);
                    if shown {
                        announce.set(String::new());
                    }
                    shown
                }
                FocusNext::Summary => {
                    let shown = focus(&summary_ref);
                    if shown {
                        announce.set(String::new());
                    }
                    shown
                }
            };
            if done {
                *focus_next.borrow_mut() = FocusNext::Nothing;
            }
        });
    }

    // Every reader action goes through here: note where focus goes next, dispatch, and
    // render even if the reducer ignored the action (the effect above then explains why).
    let run = {
        let d = state.dispatcher();
        let focus_next = focus_next.clone();
        let hint = hint.clone();
        let update = use_force_update();
        Callback::from(move |(after, action): (FocusNext, QuizAction)| {
            if action != QuizAction::Check {
                hint.set(false);
            }
            *focus_next.borrow_mut() = after;
            d.dispatch(action);
            update.force_update();
        })
    };
    let p = &state.progress;
    let body = match p.stage {
        Stage::Empty => html! { <p>{ "There is no question to ask here." }</p> },
        Stage::Asking => {
            let Some((qi, answer)) = p.current() else { return html! {} };
            let on_choose = {
                let d = state.dispatcher();
                Callback::from(move |o| d.dispatch(QuizAction::Choose(o)))
            };
            let on_check = run.reform(|_| (FocusNext::Feedback, QuizAction::Check));
            let legend = if state.practice {
                "Practice question".to_string()
            } else {
                format!("Question {} of {}", p.cursor + 1, p.questions.len())
            };
            let act = |label: &'static str, primary: bool, what: FocusNext, action: QuizAction| {
                button(label, primary, run.reform(move |_: MouseEvent| (what, action.clone())))
            };
            let next = if state.practice {
                let nav = nav.clone();
                button("Take the whole quiz", true, Callback::from(move |_: MouseEvent| nav.go(Route::Quiz(None))))
            } else if !answer.checked {
                html! {}
            } else if p.cursor + 1 == p.questions.len() {
                let label = if p.retry { "See how this round went" } else { "See your score" };
                act(label, true, FocusNext::Summary, QuizAction::Finish)
            } else {
                act("Next question", true, FocusNext::Question, QuizAction::Next)
            };
            let prev = (p.cursor > 0)
                .then(|| act("Previous question", false, FocusNext::Question, QuizAction::Review(p.cursor - 1)));
            let name = format!("fs-quiz{}-{}-{}", *uid, p.cursor, qi);
            let card = QuestionCard {
                content,
                question: qi,
                legend: &legend,
                seed: p.seed,
                answer,
                name: &name,
                hint: *hint,
                fieldset_ref: &question_ref,
                feedback_ref: &feedback_ref,
                on_choose: &on_choose,
                on_check: &on_check,
                nav: &nav,
            };
            html! {
                <>
                    if state.practice {
                        <p class="fs-practice-note">{ "Practising one question from the chart." }</p>
                    } else {
                        if p.unanswered() {
                            { intro(p.length, content.questions.len(), &run.reform(|length| (FocusNext::Length, QuizAction::SetLength(length)))) }
                        }
                        if p.retry {
                            <p class="fs-retry-note">{ format!("Retrying the {} you missed.", p.questions.len()) }</p>
                        }
                        { progress(state.score()) }
                    }
                    { card.view() }
                    <div class="fs-actions fs-q-nav">
                        { for prev }
                        { next }
                    </div>
                </>
            }
        }
        Stage::Summary => {
            let on_retry = run.reform(|_| (FocusNext::Question, QuizAction::RetryMissed));
            let on_restart =
                run.reform(|length| (FocusNext::Question, QuizAction::Restart { length, seed: fresh_seed() }));
            summary(content, p, &summary_ref, &on_retry, &on_restart)
        }
    };
    html! {
        <div class="fs-quiz-body">
            <p class="fs-visually-hidden fs-live" role="status" aria-live="polite" aria-atomic="true">{ (*announce).clone() }</p>
            { body }
        </div>
    }
}

/// Focuses the element `node` is bound to; `false` when it is not rendered (yet).
fn focus(node: &NodeRef) -> bool {
    match node.cast::<web_sys::HtmlElement>() {
        Some(el) => {
            let _ = el.focus();
            true
        }
        None => false,
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
