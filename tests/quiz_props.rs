//! Property tests of the quiz: thousands of random action sequences through the reducer,
//! and thousands of random (and randomly damaged) stored blobs through the decoder.
//! Whatever happens: no panic, a score never above the number answered, never more than
//! one selection per question, and every state obeys the model's rules.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::rc::Rc;

use full_stack::model::content::build_data;
use full_stack::model::quiz::{decode, encode, Progress, Stage};
use full_stack::model::{QuestionIx, QuizLength};
use full_stack::state::{QuizAction, QuizState};
use proptest::prelude::*;
use yew::Reducible;

fn length() -> impl Strategy<Value = QuizLength> {
    prop_oneof![Just(QuizLength::Quick), Just(QuizLength::Full)]
}

/// A blob shaped like ours (so the decoder gets past the first fields), with random parts.
fn blob_like() -> impl Strategy<Value = String> {
    let ids: Vec<&'static str> = build_data().questions.iter().map(|q| &*q.id).chain(["gone", "", "q-x"]).collect();
    let item =
        (prop::sample::select(ids), prop::sample::select(vec!["-", "0", "1", "2", "3", "4", "x", ""]), any::<bool>())
            .prop_map(|(id, c, checked)| format!("{id}={c}{}", if checked { "!" } else { "" }));
    (
        prop::sample::select(vec!["1", "0", "2", ""]),
        prop::sample::select(vec!["q", "f", "z"]),
        "[0-9a-fA-Fg]{0,9}",
        prop::sample::select(vec!["a", "s", "i"]),
        0u32..80,
        prop::sample::select(vec!["0", "1", "2"]),
        prop::sample::select(vec!["-".to_string(), "3-10".into(), "11-10".into(), "0-0".into(), "9999-9999".into()]),
        prop::collection::vec(item, 0..60),
    )
        .prop_map(|(v, l, seed, st, cur, r, first, items)| {
            format!("{v}|{l}|{seed}|{st}|{cur}|{r}|{first}|{}", items.join(","))
        })
}

/// A real encoding of a reachable state, then damaged at random.
fn damaged() -> impl Strategy<Value = String> {
    (actions(), prop::collection::vec((any::<prop::sample::Index>(), any::<char>()), 0..4)).prop_map(|(acts, edits)| {
        let mut s = Rc::new(QuizState::new(build_data(), QuizLength::Quick));
        for a in acts {
            s = s.reduce(a);
        }
        let mut chars: Vec<char> = encode(&s.progress, build_data()).chars().collect();
        for (at, c) in edits {
            if chars.is_empty() {
                chars.push(c);
            } else {
                let i = at.index(chars.len());
                chars[i] = c;
            }
        }
        chars.into_iter().collect()
    })
}

fn stored() -> impl Strategy<Value = Progress> {
    prop_oneof![blob_like(), damaged(), any::<String>()].prop_filter_map("not decodable", |b| decode(&b, build_data()))
}

fn action() -> impl Strategy<Value = QuizAction> {
    prop_oneof![
        1 => length().prop_map(QuizAction::SetLength),
        6 => (0u8..6).prop_map(QuizAction::Choose),
        6 => Just(QuizAction::Check),
        6 => Just(QuizAction::Next),
        2 => Just(QuizAction::Finish),
        1 => (0usize..60).prop_map(QuizAction::Review),
        1 => Just(QuizAction::RetryMissed),
        1 => (length(), any::<u32>()).prop_map(|(length, seed)| QuizAction::Restart { length, seed }),
        1 => (0u32..4).prop_map(|seed| {
            // Restore of valid-looking progress, built by a short run.
            let mut s = Rc::new(QuizState::new(build_data(), QuizLength::Quick));
            s = s.reduce(QuizAction::Restart { length: QuizLength::Quick, seed });
            s = s.reduce(QuizAction::Choose(seed as u8));
            QuizAction::Restore(s.progress.clone())
        }),
    ]
}

/// Random actions, mixed with "answer and move on" runs so that sequences reach the
/// summary and retries, not just the first questions.
fn actions() -> impl Strategy<Value = Vec<QuizAction>> {
    let step = prop_oneof![
        action().prop_map(|a| vec![a]),
        (0u8..4).prop_map(|o| vec![QuizAction::Choose(o), QuizAction::Check, QuizAction::Next, QuizAction::Finish]),
    ];
    prop::collection::vec(step, 0..60).prop_map(|steps| steps.into_iter().flatten().collect())
}

/// The three promises, plus the model's own rules.
fn check(s: &QuizState) -> Result<(), TestCaseError> {
    let score = s.score();
    prop_assert!(score.correct <= score.answered, "score {score:?} above the number answered");
    prop_assert!(score.answered <= score.total);
    prop_assert_eq!(score.total as usize, s.progress.questions.len());
    let mut selections: HashMap<QuestionIx, usize> = HashMap::new();
    for (q, a) in s.progress.questions.iter().zip(&s.progress.answers) {
        if let Some(c) = a.chosen {
            prop_assert!(c < 4, "option {c} does not exist");
            *selections.entry(*q).or_default() += 1;
        }
    }
    prop_assert!(selections.values().all(|n| *n <= 1), "more than one selection for a question: {selections:?}");
    prop_assert_eq!(s.progress.validate(build_data()), Ok(()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn random_action_sequences_keep_every_promise(
        start in prop::option::of(0usize..build_data().questions.len()),
        first in length(),
        acts in actions(),
    ) {
        let mut s = Rc::new(match start {
            Some(q) => QuizState::practice(build_data(), QuestionIx::at(q)),
            None => QuizState::new(build_data(), first),
        });
        check(&s)?;
        if start.is_none() {
            // The quiz opens at question 1, with nothing answered.
            prop_assert_eq!((s.progress.stage, s.progress.cursor), (Stage::Asking, 0));
            prop_assert!(s.progress.untouched());
        }
        for a in acts {
            let before = s.progress.clone();
            s = s.reduce(a.clone());
            check(&s)?;
            // A checked answer never changes, except by starting a new round (switching
            // length and restoring only replace a round with nothing checked).
            if !matches!(a, QuizAction::Restart { .. } | QuizAction::RetryMissed) {
                for (i, ans) in before.answers.iter().enumerate() {
                    if ans.checked {
                        prop_assert_eq!(Some(ans), s.progress.answers.get(i), "a locked answer changed on {:?}", a);
                    }
                }
            }
            // Stored progress never replaces anything the reader did.
            if matches!(a, QuizAction::Restore(_)) && !before.untouched() {
                prop_assert_eq!(&s.progress, &before, "Restore over a touched round");
            }
        }
    }

    #[test]
    fn random_stored_blobs_never_panic_and_decode_only_to_valid_progress(blob in prop_oneof![blob_like(), damaged(), any::<String>()]) {
        if let Some(p) = decode(&blob, build_data()) {
            prop_assert_eq!(p.validate(build_data()), Ok(()));
            prop_assert!(p.stage != Stage::Empty);
            // What was accepted round-trips.
            prop_assert_eq!(decode(&encode(&p, build_data()), build_data()), Some(p.clone()));
            // And restoring it gives a state that keeps every promise.
            let s = Rc::new(QuizState::new(build_data(), QuizLength::Quick)).reduce(QuizAction::Restore(p));
            check(&s)?;
        }
    }

    #[test]
    fn restored_progress_keeps_every_promise_under_more_actions(p in stored(), first in length(), acts in actions()) {
        let mut s = Rc::new(QuizState::new(build_data(), first)).reduce(QuizAction::Restore(p.clone()));
        prop_assert_eq!(&s.progress, &p, "valid stored progress is resumed as is");
        for a in acts {
            s = s.reduce(a);
            check(&s)?;
        }
    }
}

#[test]
fn the_generators_reach_interesting_states() {
    // Guards the property tests against testing nothing: random runs do reach the
    // summary and retries, and random blobs do decode sometimes.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut summaries, mut retries, mut decoded, mut switched, mut restored) = (0, 0, 0, 0, 0);
    for _ in 0..3000 {
        let acts = actions().new_tree(&mut runner).unwrap().current();
        let mut s = Rc::new(QuizState::new(build_data(), QuizLength::Quick));
        for a in acts {
            let before = s.clone();
            s = s.reduce(a.clone());
            summaries += (s.progress.stage == Stage::Summary) as usize;
            retries += s.progress.retry as usize;
            let changed = !Rc::ptr_eq(&before, &s);
            switched += (changed && matches!(a, QuizAction::SetLength(_))) as usize;
            restored += (changed && matches!(a, QuizAction::Restore(_))) as usize;
        }
        let blob = prop_oneof![blob_like(), damaged()].new_tree(&mut runner).unwrap().current();
        decoded += decode(&blob, build_data()).is_some() as usize;
    }
    assert!(summaries > 0, "no random run reached the summary");
    assert!(retries > 0, "no random run retried missed questions");
    assert!(decoded > 100, "only {decoded} random blobs decoded");
    assert!(switched > 0 && restored > 0, "length switches {switched}, restores {restored}: both must happen");
}
