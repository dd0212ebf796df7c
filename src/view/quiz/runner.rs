use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::bits::button;
use super::intro::intro;
use super::progress::progress;
use super::question::QuestionCard;
use super::summary::summary;
use crate::model::events::HostEvent;
use crate::model::intent::{Intent, Scope};
use crate::model::quiz::{self, Stage};
use crate::model::route::Route;
use crate::model::{QuestionIx, QuizLength, SectionIx};
use crate::platform::{dom, events, intents, page};
use crate::state::{QuizAction, QuizState};
use crate::view::hooks::{use_after_render, use_quiz_storage};
use crate::view::{use_links, use_nav, DataRef};

/// Where focus goes once the next render is done (set by the reader's own actions only,
/// so a reload never pulls focus into the widget).
#[derive(Clone, Copy, PartialEq, Debug)]
enum FocusNext {
    /// The length changed: say so (focus stays on the pressed button).
    Length,
    Feedback,
    Question,
    Summary,
}

#[derive(Properties, PartialEq)]
pub struct QuizRunnerProps {
    pub data: DataRef,
    /// Practise this question alone: nothing is stored.
    #[prop_or_default]
    pub practice: Option<QuestionIx>,
    #[prop_or_default]
    pub length: QuizLength,
    /// Storage key suffix for this widget instance.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
    /// The sections rounds draw from (the `sections` option); empty: every one.
    #[prop_or(Rc::from([]))]
    pub sections: Rc<[SectionIx]>,
}

thread_local! {
    /// Numbers quiz instances, so radio group names are unique on the page.
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
}

/// Runs the quiz: owns the reducer, resumes and saves progress, moves focus and feeds the
/// live region. The pieces it shows are plain view functions.
#[component]
pub fn QuizRunner(props: &QuizRunnerProps) -> Html {
    let data = props.data.0;
    let nav = use_nav();
    let links = use_links();
    // The first render is the edition round at question 1, whatever is stored: it is what
    // the page rendered at build time shows. Storage is read after mount.
    let state = {
        let (practice, length, sections) = (props.practice, props.length, props.sections.clone());
        use_reducer(move || match practice {
            Some(q) => QuizState::practice(data, q),
            None => QuizState::scoped(data, length, sections),
        })
    };
    let uid = use_memo((), |_| {
        INSTANCES.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        })
    });
    // A quiz on some sections keeps its progress apart from the whole quiz's. (Like the
    // round itself, the sections are read once: new options remount the widget.)
    let key = {
        let sections = state.sections.clone();
        use_memo(props.instance.clone(), move |i| {
            let ids: Vec<&str> = sections.iter().filter_map(|s| data.section(*s)).map(|s| &*s.id).collect();
            quiz::scoped_key(&quiz::storage_key(i.as_deref()), &ids)
        })
    };
    // The quiz's body: what the reader did before the app ran is replayed into it, and
    // the events the host page hears leave from it.
    let body_ref = use_node_ref();
    let started = replay_intents(state.clone(), body_ref.clone());
    use_quiz_storage(&state, &key, started);
    let announce = use_state(String::new);
    let hint = use_state(|| false);
    let question_ref = use_node_ref();
    let feedback_ref = use_node_ref();
    let summary_ref = use_node_ref();

    // After a reader's action: move focus and announce a short result. The state read
    // here is the latest (a dispatch updates it at once); what needs an element waits
    // until the render that shows it.
    let focus_next = {
        let state = state.clone();
        let (announce, hint) = (announce.clone(), hint.clone());
        let (question_ref, feedback_ref, summary_ref) =
            (question_ref.clone(), feedback_ref.clone(), summary_ref.clone());
        use_after_render(move |what: FocusNext| match what {
            FocusNext::Length => {
                let n = state.progress.questions.len();
                announce.set(match state.progress.length {
                    QuizLength::Quick => format!("Quick quiz: {n} questions."),
                    QuizLength::Full => format!("All {n} questions."),
                });
                true
            }
            FocusNext::Feedback => match state.progress.current() {
                Some((q, a)) => match (a.checked, a.chosen, data.question(q)) {
                    (true, Some(chosen), Some(question)) => {
                        let shown = dom::focus(&feedback_ref);
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
            FocusNext::Question | FocusNext::Summary => {
                let node = if what == FocusNext::Question { &question_ref } else { &summary_ref };
                let shown = dom::focus(node);
                if shown {
                    announce.set(String::new());
                }
                shown
            }
        })
    };

    // Every reader action goes through here: note where focus goes next, dispatch, and
    // render even if the reducer ignored the action (the request above then explains why).
    // The end of a first round (not a retry) is also told to the page around the widget:
    // the event leaves from the quiz's body (`body_ref`, above) and bubbles out of the widget.
    let run = {
        let body_ref = body_ref.clone();
        let (d, state) = (state.dispatcher(), state.clone());
        let hint = hint.clone();
        let update = use_force_update();
        Callback::from(move |(after, action): (Option<FocusNext>, QuizAction)| {
            if action != QuizAction::Check {
                hint.set(false);
            }
            if let Some(after) = after {
                focus_next.request(after);
            }
            let p = &state.progress;
            let finished = (action == QuizAction::Finish
                && p.stage == Stage::Asking
                && p.all_checked()
                && !p.retry
                && !state.practice)
                .then(|| state.score());
            d.dispatch(action);
            update.force_update();
            if let Some(s) = finished {
                events::emit(&body_ref, &HostEvent::quiz_finished(s.correct, s.total, p.length));
            }
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
            let on_check = run.reform(|_| (Some(FocusNext::Feedback), QuizAction::Check));
            let legend = if state.practice {
                "Practice question".to_string()
            } else {
                format!("Question {} of {}", p.cursor + 1, p.questions.len())
            };
            let act = |label: &'static str, primary: bool, what: FocusNext, action: QuizAction| {
                button(label, primary, run.reform(move |_: MouseEvent| (Some(what), action.clone())))
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
            let name = format!("fs-quiz{}-{}-{}", *uid, p.cursor, qi.get());
            let card = QuestionCard {
                data,
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
                links: &links,
            };
            html! {
                <>
                    if state.practice {
                        <p class="fs-practice-note">{ "Practising one question from the chart." }</p>
                    } else {
                        if p.unanswered() {
                            { intro(p.length, state.pool_size(), data, &state.sections, &run.reform(|length| (Some(FocusNext::Length), QuizAction::SetLength(length)))) }
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
            let on_retry = run.reform(|_| (Some(FocusNext::Question), QuizAction::RetryMissed));
            let on_restart = run
                .reform(|length| (Some(FocusNext::Question), QuizAction::Restart { length, seed: page::fresh_seed() }));
            summary(data, p, state.pool_size(), &summary_ref, &on_retry, &on_restart)
        }
    };
    html! {
        <div class="fs-quiz-body" ref={body_ref}>
            <p class="fs-visually-hidden fs-live" role="status" aria-live="polite" aria-atomic="true">{ (*announce).clone() }</p>
            { body }
        </div>
    }
}

/// Once the quiz is live, what the reader did to the static question before (see
/// `model::intent`): the chosen option stays chosen, a pressed button is pressed again,
/// focus returns. Only over the round the page showed: not over a stored round that
/// replaced it (`restored`), nor in a practice question. The intents are taken (and so
/// dropped from the page) in every case.
fn replay_intents(state: UseReducerHandle<QuizState>, body_ref: NodeRef) -> impl FnOnce(bool) + 'static {
    move |restored: bool| {
        let taken = intents::take(&body_ref, Scope::Quiz);
        if restored || state.practice {
            return;
        }
        for intent in taken {
            match intent {
                Intent::Choice { question, option }
                    if state.progress.current().is_some_and(|(q, a)| q == question && !a.checked) =>
                {
                    state.dispatch(QuizAction::Choose(option));
                }
                Intent::Press(path) => {
                    intents::press(&body_ref, &path);
                }
                Intent::Focus(path) => {
                    intents::focus(&body_ref, &path);
                }
                _ => {}
            }
        }
    }
}
