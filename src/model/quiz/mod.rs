//! The quiz's pure logic. Nothing here touches the DOM or storage: `state::quiz` drives
//! it and the platform layer keeps the encoded string.
//!
//! | module | concern |
//! |---|---|
//! | [`order`] | seeded randomness: which questions, in what option order |
//! | [`progress`] | a round in progress, the score, the verdicts |
//! | [`codec`] | the stored format and the storage keys |
//! | [`share`] | sharing a result: text, link, which page |

pub mod codec;
pub mod order;
pub mod progress;
pub mod share;

pub use codec::{decode, element_instance, encode, scoped_key, storage_key, STORAGE_KEY};
pub use order::{option_order, pick, pick_in, practice_seed, Rng};
pub use progress::{announcement, is_correct, verdict, Answer, Progress, Score, Stage};
pub use share::{share_link, share_page, share_text, sibling};

/// Questions in a quick quiz.
pub const QUICK_LEN: usize = 10;

/// The seed of the "edition": the round every reader gets first, before any reload or
/// "Start over". It is fixed (the RAND report's date, 26 June 2025), so everyone starts
/// with the same ten questions in the same option order, the page can be rendered at
/// build time with question 1 in it, and two readers' "7 of 10" compare. "Start over"
/// draws a fresh seed. Changing it changes every reader's first quiz: keep it.
pub const EDITION_SEED: u32 = 20_250_626;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::QuestionIx;
    use crate::model::QuizLength;

    fn d() -> &'static crate::model::content::Data {
        build_data()
    }
    use crate::model::content::build_data;

    #[test]
    fn the_same_seed_always_gives_the_same_order_and_questions() {
        for seed in [0, 1, 42, u32::MAX] {
            for q in d().questions.iter() {
                assert_eq!(option_order(seed, &q.id), option_order(seed, &q.id));
            }
            assert_eq!(pick(d(), QuizLength::Quick, seed), pick(d(), QuizLength::Quick, seed));
        }
    }

    #[test]
    fn option_orders_are_permutations_and_vary() {
        let mut firsts = [0usize; 4];
        for seed in 0..400u32 {
            let o = option_order(seed, &d().questions[0].id);
            let mut sorted = o;
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2, 3]);
            firsts[o[0] as usize] += 1;
        }
        // The correct option (index 0 in the content for most questions) is not always first.
        for (i, n) in firsts.iter().enumerate() {
            assert!(*n > 50, "option {i} shown first only {n} times in 400 seeds");
        }
    }

    #[test]
    fn different_seeds_give_different_quick_quizzes() {
        let a = pick(d(), QuizLength::Quick, 1);
        let distinct = (2..30u32).filter(|s| pick(d(), QuizLength::Quick, *s) != a).count();
        assert!(distinct > 20, "only {distinct} of 28 seeds gave another quiz");
    }

    #[test]
    fn the_quick_quiz_has_ten_distinct_questions_from_every_section_in_episode_order() {
        for seed in 0..500u32 {
            let qs = pick(d(), QuizLength::Quick, seed);
            assert_eq!(qs.len(), QUICK_LEN);
            assert!(qs.windows(2).all(|w| w[0] < w[1]), "sorted and distinct: {qs:?}");
            for s in 0..d().sections.len() {
                assert!(
                    qs.iter().any(|q| d().questions[q.get()].section.get() == s),
                    "seed {seed}: section {} not sampled",
                    d().sections[s].id
                );
            }
        }
    }

    #[test]
    fn the_full_quiz_asks_everything_in_order() {
        let qs = pick(d(), QuizLength::Full, 7);
        assert_eq!(qs, (0..d().questions.len()).map(QuestionIx::at).collect::<Vec<_>>());
    }

    fn answered(p: &mut Progress, right: &[bool]) {
        for (i, r) in right.iter().enumerate() {
            let q = &d().questions[p.questions[i].get()];
            let c = if *r { q.correct } else { (q.correct + 1) % 4 };
            p.answers[i] = Answer { chosen: Some(c), checked: true };
        }
    }

    #[test]
    fn score_counts_only_checked_correct_answers() {
        let mut p = Progress::new(d(), QuizLength::Quick, 3);
        answered(&mut p, &[true, false, true]);
        // A correct choice not yet checked does not count.
        let q3 = &d().questions[p.questions[3].get()];
        p.answers[3] = Answer { chosen: Some(q3.correct), checked: false };
        assert_eq!(p.score(d()), Score { correct: 2, answered: 3, total: 10 });
        let missed = p.missed(d());
        assert_eq!(missed.len(), 8, "one wrong plus seven not answered");
        assert_eq!(missed[0], p.questions[1]);
    }

    #[test]
    fn announcements_are_short_and_name_the_answer() {
        let q = &d().questions[0];
        assert_eq!(announcement(q, q.correct), "Correct.");
        let wrong = announcement(q, (q.correct + 1) % 4);
        assert_eq!(wrong, format!("Not quite: the answer is {}.", q.options[q.correct as usize].text));
    }

    #[test]
    fn share_link_replaces_any_fragment() {
        assert_eq!(share_link("https://x.org/a/?v=1#chart/x", 7, 10), "https://x.org/a/?v=1#quiz/result/7-10");
        assert_eq!(share_link("https://x.org/", 0, 3), "https://x.org/#quiz/result/0-3");
        let t = share_text(7, 10, "https://x.org/#quiz/result/7-10");
        assert!(t.starts_with("I scored 7 of 10 on the Full Stack quiz"));
        assert!(t.ends_with(" https://x.org/#quiz/result/7-10"));
    }

    #[test]
    fn share_link_without_a_page_is_no_link() {
        assert_eq!(share_link("", 7, 10), "");
        assert_eq!(share_link("#chart", 7, 10), "");
        assert!(share_text(7, 10, "").ends_with("Kyle Chan)."), "the text alone, no dangling space");
    }

    #[test]
    fn only_http_https_and_file_pages_are_shared() {
        for ok in [
            "https://example.org/full-stack/index.html",
            "http://127.0.0.1:8080/index.html?view=quiz",
            "HTTPS://Example.org/",
            "file:///home/me/full-stack/index.html",
            "file://server/share/index.html",
        ] {
            assert_eq!(share_page(ok), Some(ok), "{ok}");
        }
        assert_eq!(share_page("https://x.org/a/index.html#quiz/result/1-2"), Some("https://x.org/a/index.html"));
        for bad in [
            "",
            "index.html",
            "//x.org/index.html",
            "javascript:alert(1)//https://x.org/",
            "javascript://x.org/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "blob:https://x.org/1234",
            "about:blank",
            "https://",
            "http:///index.html",
            "https://x.org/a b.html",
            "https://x.org/\u{0}",
            "https://x.org/\n",
            "ftp://x.org/index.html",
        ] {
            assert_eq!(share_page(bad), None, "{bad:?}");
        }
        assert_eq!(share_page(&format!("https://x.org/{}", "a".repeat(3000))), None, "too long");
    }

    #[test]
    fn the_embed_shares_the_page_beside_it() {
        assert_eq!(
            sibling("https://x.org/fs/embed.html?view=quiz&theme=dark#quiz", "index.html"),
            "https://x.org/fs/index.html"
        );
        assert_eq!(sibling("https://x.org/fs/", "index.html"), "https://x.org/fs/index.html");
        assert_eq!(sibling("https://x.org", "index.html"), "https://x.org/index.html");
        assert_eq!(sibling("https://x.org/embed.html#a/b/c", "index.html"), "https://x.org/index.html");
        assert_eq!(sibling("https://x.org/fs/embed.html?next=/a/b", "index.html"), "https://x.org/fs/index.html");
        assert_eq!(sibling("file:///C:/Users/me/fs/embed.html", "index.html"), "file:///C:/Users/me/fs/index.html");
    }

    #[test]
    fn elements_are_told_apart_by_id_or_place() {
        assert_eq!(element_instance(Some("post-chart"), 1), "id-post-chart");
        assert_eq!(element_instance(None, 2), "el-2");
        assert_ne!(element_instance(None, 1), element_instance(None, 2));
        // An id with nothing usable falls back to the place; a long one is cut so the
        // storage key keeps its whole prefix.
        assert_eq!(element_instance(Some("\u{65e5}\u{672c} <>"), 3), "el-3");
        let long = element_instance(Some(&"x".repeat(100)), 1);
        assert_eq!(storage_key(Some(&long)), format!("{STORAGE_KEY}:id-{}", "x".repeat(37)));
        // An id that looks like a place is still an id.
        assert_ne!(element_instance(Some("el-1"), 2), element_instance(None, 1));
        // Every element's key differs from the standalone page's.
        assert_ne!(storage_key(Some(&element_instance(None, 1))), storage_key(None));
    }

    #[test]
    fn the_edition_samples_every_section_and_does_not_give_the_answers_away_by_position() {
        for length in [QuizLength::Quick, QuizLength::Full] {
            let qs = pick(d(), length, EDITION_SEED);
            let mut at = [0usize; 4];
            for q in &qs {
                let q = &d().questions[q.get()];
                let order = option_order(EDITION_SEED, &q.id);
                at[order.iter().position(|o| *o == q.correct).unwrap()] += 1;
            }
            // No place holds the right answer in more than 40% of the questions, and
            // every place holds it sometimes.
            assert!(at.iter().all(|n| *n >= 1 && *n * 10 <= qs.len() * 4), "{length:?}: right answers by place {at:?}");
        }
        let quick = pick(d(), QuizLength::Quick, EDITION_SEED);
        for s in 0..d().sections.len() {
            assert!(quick.iter().any(|q| d().questions[q.get()].section.get() == s));
        }
    }

    #[test]
    fn untouched_means_nothing_chosen_and_unanswered_nothing_checked() {
        let fresh = Progress::new(d(), QuizLength::Quick, 5);
        assert!(fresh.untouched() && fresh.unanswered());
        let mut chosen = fresh.clone();
        chosen.answers[0].chosen = Some(1);
        assert!(!chosen.untouched() && chosen.unanswered());
        let mut checked = chosen.clone();
        checked.answers[0].checked = true;
        assert!(!checked.untouched() && !checked.unanswered());
        let mut retry = fresh.clone();
        retry.retry = true;
        assert!(!retry.untouched() && !retry.unanswered());
        assert!(!Progress::default().untouched() && !Progress::default().unanswered());
    }

    #[test]
    fn a_quiz_on_some_sections_has_its_own_storage_key() {
        let base = storage_key(Some("post"));
        assert_eq!(scoped_key(&base, &[]), base);
        let chips = scoped_key(&base, &["stack", "chips-software"]);
        assert!(chips.starts_with(&format!("{base}~")) && chips.len() == base.len() + 9, "{chips}");
        assert_ne!(chips, scoped_key(&base, &["stack"]));
        assert_eq!(chips, scoped_key(&base, &["stack", "chips-software"]));
    }

    #[test]
    fn storage_keys_are_versioned_and_per_instance() {
        assert_eq!(storage_key(None), "full-stack-quiz-v1");
        assert_eq!(storage_key(Some("")), "full-stack-quiz-v1");
        assert_eq!(storage_key(Some("<>\"'")), "full-stack-quiz-v1");
        assert_eq!(storage_key(Some("post-2")), "full-stack-quiz-v1:post-2");
        assert_ne!(storage_key(Some("a")), storage_key(Some("b")));
        assert_eq!(storage_key(Some(&"x".repeat(500))).len(), STORAGE_KEY.len() + 1 + 40);
    }

    #[test]
    fn progress_round_trips_through_storage() {
        let mut p = Progress::new(d(), QuizLength::Quick, 0xdead_beef);
        answered(&mut p, &[true, false, true, true]);
        p.answers[4].chosen = Some(2);
        p.cursor = 4;
        let blob = encode(&p, d());
        assert!(blob.starts_with("1|q|deadbeef|a|4|0|-|"), "{blob}");
        assert_eq!(decode(&blob, d()), Some(p.clone()));

        let mut s = Progress::new(d(), QuizLength::Full, 9);
        let n = s.questions.len();
        answered(&mut s, &vec![true; n]);
        s.stage = Stage::Summary;
        s.cursor = n - 1;
        s.first_try = Some((5, 10));
        s.retry = true;
        assert_eq!(decode(&encode(&s, d()), d()), Some(s));
        assert_eq!(encode(&Progress::default(), d()), "");
    }

    #[test]
    fn corrupt_or_foreign_blobs_are_discarded() {
        let id0 = &d().questions[0].id;
        let id1 = &d().questions[1].id;
        for blob in [
            "".to_string(),
            "garbage".into(),
            "{\"json\": true}".into(),
            format!("0|q|1|a|0|0|-|{id0}=-"),          // older version
            format!("2|q|1|a|0|0|-|{id0}=-"),          // newer version
            format!("1|x|1|a|0|0|-|{id0}=-"),          // unknown length
            format!("1|q|zz|a|0|0|-|{id0}=-"),         // bad seed
            format!("1|q|1|i|0|0|-|{id0}=-"),          // unknown stage
            format!("1|q|1|a|5|0|-|{id0}=-"),          // cursor out of range
            format!("1|q|1|a|0|0|-|{id0}=4!"),         // no such option
            format!("1|q|1|a|0|0|-|{id0}=-!"),         // checked with nothing chosen
            format!("1|q|1|a|0|0|-|{id0}=1,{id0}=2"),  // asked twice
            format!("1|q|1|s|0|0|-|{id0}=1!,{id1}=-"), // summary before the end
            format!("1|q|1|a|1|0|-|{id0}=-,{id1}=1!"), // answer beyond the frontier
            format!("1|q|1|a|0|0|9-3|{id0}=-"),        // impossible first try
            format!("1|q|1|a|0|0|-|{id0}=-|extra"),
            format!("1|q|1|a|0|0|-|{id0}=1!\u{0}"),
            format!("1|q|1|a|0|0|-|{}", format!("{id0}=1!,").repeat(3000)),
            "1|q|1|a|0|0|-|no-such-question=1!".into(), // nothing left
        ] {
            assert_eq!(decode(&blob, d()), None, "{blob:.80}");
        }
    }

    #[test]
    fn questions_removed_from_the_content_are_dropped_and_the_rest_kept() {
        let ids: Vec<&str> = d().questions[..4].iter().map(|q| &*q.id).collect();
        let c: Vec<u8> = d().questions[..4].iter().map(|q| q.correct).collect();
        let blob = format!("1|q|a|a|3|0|-|{}={}!,gone-question=1!,{}={}!,{}=-", ids[0], c[0], ids[1], c[1], ids[2]);
        let p = decode(&blob, d()).expect("migrated");
        assert_eq!(p.questions, vec![QuestionIx::at(0), QuestionIx::at(1), QuestionIx::at(2)]);
        assert_eq!(p.cursor, 2, "still at the first unanswered question");
        assert_eq!(p.score(d()), Score { correct: 2, answered: 2, total: 3 });
    }
}
