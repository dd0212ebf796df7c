//! The quiz as a pure reducer: choose, check, next, finish, review, retry the missed
//! questions, restart, switch length, and restore from storage. A quiz opens at
//! question 1 of the edition round (see [`quiz::EDITION_SEED`]), never at an intro
//! screen. An action that makes no sense where the reader is (Check with nothing
//! chosen, Next before Check, choosing after Check...) is ignored: the same state comes
//! back, so nothing re-renders.

use std::rc::Rc;

use yew::Reducible;

use crate::model::content::OPTION_COUNT;
use crate::model::quiz::{self, Progress, Score, Stage};
use crate::model::{Data, QuestionIx, QuizLength, SectionIx};

#[derive(Clone, Debug, PartialEq)]
pub enum QuizAction {
    /// Ask a round of this length instead, with the same seed (so the edition stays the
    /// edition). Only while nothing is checked in a first round: a selection not yet
    /// checked is dropped, a checked answer never is.
    SetLength(QuizLength),
    /// Select an option of the current question (an index into `Question::options`).
    Choose(u8),
    /// Lock the current choice and reveal the feedback.
    Check,
    /// Move on to the next question (after Check).
    Next,
    /// Show the summary (once every question is checked).
    Finish,
    /// Look again at an answered question (or go back to the first unanswered one).
    Review(usize),
    /// A new round with only the questions missed in this one (from the summary).
    RetryMissed,
    /// A fresh round, with a new seed.
    Restart { length: QuizLength, seed: u32 },
    /// Resume stored progress (only over an untouched round: nothing chosen or checked).
    Restore(Progress),
}

#[derive(Clone, Debug)]
pub struct QuizState {
    pub data: &'static Data,
    pub progress: Progress,
    /// Practising one question opened from a link: not stored, no summary.
    pub practice: bool,
    /// The sections rounds draw from (every section when empty): the `sections` option.
    pub sections: Rc<[SectionIx]>,
}

impl PartialEq for QuizState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.data, other.data)
            && self.progress == other.progress
            && self.practice == other.practice
            && self.sections == other.sections
    }
}

impl QuizState {
    /// The edition round of `length`, at question 1: the same for every reader and for
    /// the page rendered at build time.
    pub fn new(data: &'static Data, length: QuizLength) -> QuizState {
        QuizState::scoped(data, length, Rc::from([]))
    }

    /// The edition round of `length` drawn from `sections` only (every section when
    /// empty); "Start over" and the length switch keep to them, and stored progress that
    /// asks anything else is not restored.
    pub fn scoped(data: &'static Data, length: QuizLength, sections: Rc<[SectionIx]>) -> QuizState {
        let progress = Progress::scoped(data, length, quiz::EDITION_SEED, &sections);
        QuizState { data, progress, practice: false, sections }
    }

    /// How many questions this quiz may ask: the full quiz's length.
    pub fn pool_size(&self) -> usize {
        self.data.questions.iter().filter(|q| self.sections.is_empty() || self.sections.contains(&q.section)).count()
    }

    /// Whether question `q` is one this quiz may ask.
    fn in_scope(&self, q: QuestionIx) -> bool {
        self.sections.is_empty() || self.data.question(q).is_some_and(|q| self.sections.contains(&q.section))
    }

    /// Practising question `q` alone.
    pub fn practice(data: &'static Data, q: QuestionIx) -> QuizState {
        let progress = match data.question(q) {
            Some(question) => Progress::of(vec![q], QuizLength::Quick, quiz::practice_seed(&question.id)),
            None => Progress::default(),
        };
        QuizState { data, progress, practice: true, sections: Rc::from([]) }
    }

    pub fn score(&self) -> Score {
        self.progress.score(self.data)
    }

    /// Applies `action`; `None` when it is not allowed where the reader is.
    fn apply(&self, action: QuizAction) -> Option<Progress> {
        let p = &self.progress;
        let mut next = p.clone();
        match action {
            QuizAction::SetLength(length) => {
                if self.practice || !p.unanswered() || p.length == length {
                    return None;
                }
                next = Progress::scoped(self.data, length, p.seed, &self.sections);
            }
            QuizAction::Choose(option) => {
                let (_, answer) = p.current()?;
                if answer.checked || option as usize >= OPTION_COUNT {
                    return None;
                }
                next.answers[p.cursor].chosen = Some(option);
            }
            QuizAction::Check => {
                let (_, answer) = p.current()?;
                if answer.checked || answer.chosen.is_none() {
                    return None;
                }
                next.answers[p.cursor].checked = true;
            }
            QuizAction::Next => {
                let (_, answer) = p.current()?;
                if !answer.checked || p.cursor + 1 >= p.questions.len() {
                    return None;
                }
                next.cursor += 1;
            }
            QuizAction::Finish => {
                if p.stage != Stage::Asking || !p.all_checked() || self.practice {
                    return None;
                }
                next.stage = Stage::Summary;
                if !p.retry && p.first_try.is_none() {
                    let s = self.score();
                    next.first_try = Some((s.correct, s.total));
                }
            }
            QuizAction::Review(i) => {
                if p.stage == Stage::Empty || i >= p.questions.len() || i > p.frontier() {
                    return None;
                }
                next.stage = Stage::Asking;
                next.cursor = i;
            }
            QuizAction::RetryMissed => {
                if p.stage != Stage::Summary {
                    return None;
                }
                let missed = p.missed(self.data);
                if missed.is_empty() {
                    return None;
                }
                next = Progress::of(missed, p.length, p.seed);
                next.retry = true;
                next.first_try = p.first_try;
            }
            QuizAction::Restart { length, seed } => {
                next = if self.practice {
                    Progress::of(p.questions.clone(), p.length, p.seed)
                } else {
                    Progress::scoped(self.data, length, seed, &self.sections)
                };
            }
            QuizAction::Restore(stored) => {
                if !p.untouched()
                    || self.practice
                    || stored.validate(self.data).is_err()
                    || stored.stage == Stage::Empty
                    || !stored.questions.iter().all(|q| self.in_scope(*q))
                {
                    return None;
                }
                next = stored;
            }
        }
        Some(next)
    }
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        match self.apply(action) {
            Some(progress) if progress != self.progress => Rc::new(QuizState { progress, ..(*self).clone() }),
            _ => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::build_data;
    use crate::model::quiz::{Answer, EDITION_SEED};

    fn run(s: QuizState, actions: impl IntoIterator<Item = QuizAction>) -> QuizState {
        let mut s = Rc::new(s);
        for a in actions {
            s = s.reduce(a);
        }
        (*s).clone()
    }

    /// A round of `length` with `seed`, reached as a reader would: "Start over".
    fn started(length: QuizLength, seed: u32) -> QuizState {
        let s = run(QuizState::new(build_data(), QuizLength::Quick), [QuizAction::Restart { length, seed }]);
        assert_eq!((s.progress.length, s.progress.seed), (length, seed));
        s
    }

    /// The option index that is right (or a wrong one) for the current question.
    fn option(s: &QuizState, right: bool) -> u8 {
        let (q, _) = s.progress.current().expect("asking");
        let c = build_data().questions[q.get()].correct;
        if right {
            c
        } else {
            (c + 1) % 4
        }
    }

    fn answer(s: QuizState, right: bool) -> QuizState {
        let o = option(&s, right);
        run(s, [QuizAction::Choose(o), QuizAction::Check])
    }

    /// Answers every remaining question (`pattern[i]` right or wrong) and finishes.
    fn complete(mut s: QuizState, pattern: &[bool]) -> QuizState {
        for (i, right) in pattern.iter().enumerate() {
            s = answer(s, *right);
            if i + 1 < pattern.len() {
                s = run(s, [QuizAction::Next]);
            }
        }
        run(s, [QuizAction::Finish])
    }

    fn assert_ignored(s: &QuizState, action: QuizAction) {
        let rc = Rc::new(s.clone());
        let after = rc.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&rc, &after), "{action:?} should be ignored at {:?}", s.progress);
    }

    #[test]
    fn opens_at_question_one_of_the_edition_round() {
        let s = QuizState::new(build_data(), QuizLength::Quick);
        assert_eq!(s.progress.stage, Stage::Asking);
        assert_eq!(s.progress.cursor, 0);
        assert_eq!(s.progress.questions.len(), 10);
        assert_eq!(s.progress.seed, EDITION_SEED);
        assert_eq!(s.score(), Score { correct: 0, answered: 0, total: 10 });
        assert!(s.progress.untouched() && s.progress.unanswered());
        // Every reader (and the page rendered at build time) gets the same round.
        assert_eq!(s, QuizState::new(build_data(), QuizLength::Quick));
        let full = QuizState::new(build_data(), QuizLength::Full);
        assert_eq!(full.progress.questions.len(), build_data().questions.len());
        assert_eq!((full.progress.stage, full.progress.cursor, full.progress.seed), (Stage::Asking, 0, EDITION_SEED));
    }

    #[test]
    fn set_length_switches_an_unanswered_first_round_and_keeps_its_seed() {
        let quick = QuizState::new(build_data(), QuizLength::Quick);
        assert_ignored(&quick, QuizAction::SetLength(QuizLength::Quick));
        let full = run(quick.clone(), [QuizAction::SetLength(QuizLength::Full)]);
        assert_eq!(full, QuizState::new(build_data(), QuizLength::Full), "still the edition, now all of it");
        assert_eq!(run(full, [QuizAction::SetLength(QuizLength::Quick)]), quick);
        // A choice not yet checked goes with the old round.
        let chosen = run(quick.clone(), [QuizAction::Choose(2)]);
        let switched = run(chosen, [QuizAction::SetLength(QuizLength::Full)]);
        assert_eq!(switched.progress.answers[0], Answer::default());
        assert_eq!(switched.progress.questions.len(), build_data().questions.len());
        // After "Start over" the fresh seed is kept.
        let fresh = run(started(QuizLength::Quick, 77), [QuizAction::SetLength(QuizLength::Full)]);
        assert_eq!(fresh.progress, Progress::new(build_data(), QuizLength::Full, 77));
        // Never once an answer is checked, in a retry, in practice, or from the summary.
        assert_ignored(&answer(quick.clone(), true), QuizAction::SetLength(QuizLength::Full));
        let done = complete(started(QuizLength::Quick, 3), &[false; 10]);
        assert_ignored(&done, QuizAction::SetLength(QuizLength::Full));
        let retry = run(done, [QuizAction::RetryMissed]);
        assert!(retry.progress.retry && !retry.progress.unanswered());
        assert_ignored(&retry, QuizAction::SetLength(QuizLength::Full));
        assert_ignored(&QuizState::practice(build_data(), QuestionIx::at(2)), QuizAction::SetLength(QuizLength::Full));
    }

    #[test]
    fn choose_replaces_the_previous_choice_and_check_locks_it() {
        let s = QuizState::new(build_data(), QuizLength::Quick);
        let s = run(s, [QuizAction::Choose(1), QuizAction::Choose(3)]);
        assert_eq!(s.progress.answers[0], Answer { chosen: Some(3), checked: false }, "one selection, the latest");
        let s = run(s, [QuizAction::Check]);
        assert_eq!(s.progress.answers[0], Answer { chosen: Some(3), checked: true });
        assert_ignored(&s, QuizAction::Choose(0));
        assert_ignored(&s, QuizAction::Check);
        assert_ignored(&QuizState::new(build_data(), QuizLength::Quick), QuizAction::Choose(4));
    }

    #[test]
    fn check_with_nothing_chosen_and_next_before_check_are_ignored() {
        let s = started(QuizLength::Quick, 2);
        assert_ignored(&s, QuizAction::Check);
        assert_ignored(&s, QuizAction::Next);
        let s = run(s, [QuizAction::Choose(0)]);
        assert_ignored(&s, QuizAction::Next);
        assert_ignored(&s, QuizAction::Finish);
        let s = run(s, [QuizAction::Check, QuizAction::Next]);
        assert_eq!(s.progress.cursor, 1);
    }

    #[test]
    fn what_makes_no_sense_at_question_one_is_ignored() {
        let s = QuizState::new(build_data(), QuizLength::Quick);
        for a in [
            QuizAction::Check,
            QuizAction::Next,
            QuizAction::Finish,
            QuizAction::Review(0),
            QuizAction::Review(1),
            QuizAction::RetryMissed,
        ] {
            assert_ignored(&s, a);
        }
    }

    #[test]
    fn an_empty_quiz_ignores_everything() {
        // A practice question that does not exist: nothing to ask, nothing to do.
        let s = QuizState::practice(build_data(), QuestionIx::at(build_data().questions.len()));
        assert_eq!(s.progress.stage, Stage::Empty);
        let stored = answer(started(QuizLength::Quick, 1), true).progress;
        for a in [
            QuizAction::SetLength(QuizLength::Full),
            QuizAction::Choose(0),
            QuizAction::Check,
            QuizAction::Next,
            QuizAction::Finish,
            QuizAction::Review(0),
            QuizAction::RetryMissed,
            QuizAction::Restart { length: QuizLength::Quick, seed: 1 },
            QuizAction::Restore(stored.clone()),
        ] {
            assert_ignored(&s, a);
        }
    }

    #[test]
    fn scoring_follows_the_answers() {
        let s = started(QuizLength::Quick, 3);
        let s = answer(s, true);
        assert_eq!(s.score(), Score { correct: 1, answered: 1, total: 10 });
        let s = answer(run(s, [QuizAction::Next]), false);
        assert_eq!(s.score(), Score { correct: 1, answered: 2, total: 10 });
    }

    #[test]
    fn finish_shows_the_summary_only_after_the_last_check_and_records_the_first_try() {
        let pattern = [true, false, true, true, false, true, true, true, false, true];
        let mut s = QuizState::new(build_data(), QuizLength::Quick);
        for (i, right) in pattern.iter().enumerate() {
            assert_ignored(&s, QuizAction::Finish);
            s = answer(s, *right);
            if i + 1 < pattern.len() {
                assert_ignored(&s, QuizAction::Finish);
                s = run(s, [QuizAction::Next]);
            }
        }
        assert_ignored(&s, QuizAction::Next);
        let s = run(s, [QuizAction::Finish]);
        assert_eq!(s.progress.stage, Stage::Summary);
        assert_eq!(s.score(), Score { correct: 7, answered: 10, total: 10 });
        assert_eq!(s.progress.first_try, Some((7, 10)));
        assert_ignored(&s, QuizAction::Check);
        assert_ignored(&s, QuizAction::Choose(1));
        assert_ignored(&s, QuizAction::Finish);
    }

    #[test]
    fn review_goes_back_to_answered_questions_only() {
        let s = started(QuizLength::Quick, 6);
        let s = answer(s, true);
        let s = answer(run(s, [QuizAction::Next]), false);
        let s = run(s, [QuizAction::Next]);
        assert_eq!(s.progress.cursor, 2);
        assert_ignored(&s, QuizAction::Review(3));
        assert_ignored(&s, QuizAction::Review(99));
        let back = run(s.clone(), [QuizAction::Review(0)]);
        assert_eq!(back.progress.cursor, 0);
        // Looking back changes nothing about the answer, and offers no length switch.
        assert_ignored(&back, QuizAction::Choose(2));
        assert!(!back.progress.unanswered());
        assert_ignored(&back, QuizAction::SetLength(QuizLength::Full));
        let fwd = run(back, [QuizAction::Next, QuizAction::Next]);
        assert_eq!(fwd.progress, s.progress);
        // From the summary, Review opens a question; Finish returns.
        let done = complete(started(QuizLength::Quick, 6), &[true; 10]);
        let r = run(done.clone(), [QuizAction::Review(4)]);
        assert_eq!((r.progress.stage, r.progress.cursor), (Stage::Asking, 4));
        let back = run(r, [QuizAction::Finish]);
        assert_eq!(back.progress.stage, Stage::Summary);
        assert_eq!(back.progress.first_try, done.progress.first_try);
    }

    #[test]
    fn retry_asks_only_the_missed_questions_and_keeps_the_first_try() {
        let pattern = [true, false, true, true, false, true, true, true, false, true];
        let done = complete(started(QuizLength::Quick, 8), &pattern);
        let missed: Vec<QuestionIx> =
            pattern.iter().zip(&done.progress.questions).filter(|(r, _)| !**r).map(|(_, q)| *q).collect();
        let r = run(done, [QuizAction::RetryMissed]);
        assert_eq!(r.progress.stage, Stage::Asking);
        assert_eq!(r.progress.questions, missed);
        assert!(r.progress.retry);
        assert_eq!(r.score(), Score { correct: 0, answered: 0, total: 3 });
        let again = complete(r, &[true, true, false]);
        assert_eq!(again.score(), Score { correct: 2, answered: 3, total: 3 });
        assert_eq!(again.progress.first_try, Some((7, 10)), "the first try is not overwritten");
        let last = run(again, [QuizAction::RetryMissed]);
        assert_eq!(last.progress.questions.len(), 1);
        // Nothing missed: nothing to retry.
        let perfect = complete(last, &[true]);
        assert_ignored(&perfect, QuizAction::RetryMissed);
        // Not from the middle of a round.
        assert_ignored(&started(QuizLength::Quick, 8), QuizAction::RetryMissed);
    }

    #[test]
    fn restart_begins_a_fresh_round_from_anywhere() {
        let done = complete(started(QuizLength::Quick, 9), &[false; 10]);
        let r = run(done, [QuizAction::Restart { length: QuizLength::Quick, seed: 10 }]);
        assert_eq!(r.progress, Progress::new(build_data(), QuizLength::Quick, 10));
        assert_eq!(r.progress.first_try, None);
        assert!(r.progress.unanswered(), "a fresh round offers the length switch again");
        let mid = answer(started(QuizLength::Quick, 9), true);
        let r = run(mid, [QuizAction::Restart { length: QuizLength::Full, seed: 11 }]);
        assert_eq!(r.progress.questions.len(), build_data().questions.len());
        assert_eq!(r.score().answered, 0);
    }

    #[test]
    fn restore_replaces_only_an_untouched_round() {
        let stored = answer(started(QuizLength::Quick, 12), true).progress;
        let s = run(QuizState::new(build_data(), QuizLength::Quick), [QuizAction::Restore(stored.clone())]);
        assert_eq!(s.progress, stored);
        // Over the full edition too, and over a fresh round from "Start over".
        let s = run(QuizState::new(build_data(), QuizLength::Full), [QuizAction::Restore(stored.clone())]);
        assert_eq!(s.progress, stored);
        let s = run(started(QuizLength::Full, 4), [QuizAction::Restore(stored.clone())]);
        assert_eq!(s.progress, stored);
        // Never over anything the reader did: a choice, a checked answer, a retry.
        let chosen = run(QuizState::new(build_data(), QuizLength::Quick), [QuizAction::Choose(1)]);
        assert_ignored(&chosen, QuizAction::Restore(stored.clone()));
        assert_ignored(
            &answer(QuizState::new(build_data(), QuizLength::Quick), false),
            QuizAction::Restore(stored.clone()),
        );
        let retry = run(complete(started(QuizLength::Quick, 1), &[false; 10]), [QuizAction::RetryMissed]);
        assert_ignored(&retry, QuizAction::Restore(stored.clone()));
        // Never trusted: invalid or empty progress is refused.
        let mut bad = stored;
        bad.cursor = 7;
        assert_ignored(&QuizState::new(build_data(), QuizLength::Quick), QuizAction::Restore(bad));
        assert_ignored(&QuizState::new(build_data(), QuizLength::Quick), QuizAction::Restore(Progress::default()));
    }

    /// Ids of sections, as indexes.
    fn sections(ids: &[&str]) -> Rc<[SectionIx]> {
        let all = &build_data().sections;
        ids.iter().map(|id| SectionIx::at(all.iter().position(|s| s.id == *id).expect(id))).collect()
    }

    fn asked_sections(s: &QuizState) -> Vec<SectionIx> {
        s.progress.questions.iter().map(|q| build_data().questions[q.get()].section).collect()
    }

    #[test]
    fn a_quiz_on_some_sections_asks_only_their_questions_through_restarts_and_length_switches() {
        let scope = sections(&["stack", "chips-software"]);
        let quick = QuizState::scoped(build_data(), QuizLength::Quick, scope.clone());
        assert!(asked_sections(&quick).iter().all(|s| scope.contains(s)), "{:?}", asked_sections(&quick));
        for s in scope.iter() {
            assert!(asked_sections(&quick).contains(s), "each chosen section is asked");
        }
        let in_scope = build_data().questions.iter().filter(|q| scope.contains(&q.section)).count();
        assert_eq!(quick.progress.questions.len(), in_scope.min(10));
        let full = run(quick.clone(), [QuizAction::SetLength(QuizLength::Full)]);
        assert_eq!(full.progress.questions.len(), in_scope, "the full quiz: every question of those sections");
        assert_eq!(full.pool_size(), in_scope);
        assert!(asked_sections(&full).iter().all(|s| scope.contains(s)));
        for seed in 0..50 {
            let again = run(full.clone(), [QuizAction::Restart { length: QuizLength::Quick, seed }]);
            assert!(asked_sections(&again).iter().all(|s| scope.contains(s)), "seed {seed}");
        }
        // Progress stored by a quiz on every section is not restored into this one.
        let stored = answer(started(QuizLength::Quick, 12), true).progress;
        assert!(stored.questions.iter().any(|q| !scope.contains(&build_data().questions[q.get()].section)));
        assert_ignored(&quick, QuizAction::Restore(stored));
        let own = answer(quick.clone(), true).progress;
        assert_eq!(run(quick, [QuizAction::Restore(own.clone())]).progress, own);
        // One section of fewer than ten questions: all of them, quick or full.
        let small = sections(&["guest"]);
        let one = QuizState::scoped(build_data(), QuizLength::Quick, small.clone());
        let n = build_data().questions.iter().filter(|q| small.contains(&q.section)).count();
        assert!(n < 10);
        assert_eq!(one.progress.questions.len(), n);
    }

    #[test]
    fn naming_every_section_is_the_whole_quiz() {
        let every: Rc<[SectionIx]> = (0..build_data().sections.len()).map(SectionIx::at).collect();
        for length in [QuizLength::Quick, QuizLength::Full] {
            assert_eq!(
                QuizState::scoped(build_data(), length, every.clone()).progress,
                QuizState::new(build_data(), length).progress
            );
        }
    }

    #[test]
    fn practice_asks_one_question_and_never_summarises() {
        let s = QuizState::practice(build_data(), QuestionIx::at(3));
        assert_eq!(s.progress.questions, vec![QuestionIx::at(3)]);
        assert_eq!(s.progress.stage, Stage::Asking);
        let s = answer(s, false);
        assert_ignored(&s, QuizAction::Finish);
        assert_ignored(&s, QuizAction::Next);
        let again = run(s, [QuizAction::Restart { length: QuizLength::Full, seed: 1 }]);
        assert_eq!(again.progress.questions, vec![QuestionIx::at(3)]);
        assert_eq!(again.score().answered, 0);
        assert_ignored(
            &QuizState::practice(build_data(), QuestionIx::at(3)),
            QuizAction::Restore(Progress::new(build_data(), QuizLength::Quick, 1)),
        );
    }
}
