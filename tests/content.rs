//! The content pipeline (`build/content/`): the real content passes, and each kind of bad
//! data fails with a message naming the file, the entry and the problem; the baked data
//! is what the validator produced.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/content/mod.rs"]
#[allow(dead_code)]
mod content;

use std::path::Path;

use content::types::{QuestionIx, Tier};
use content::{validate, Files};

fn real() -> Files {
    Files::read(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content files readable")
}

/// A small valid content set; each broken sample below changes one thing in it.
fn mini() -> Files {
    Files::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")).expect("fixture readable")
}

/// Validates `files` and returns the single error, asserting there is exactly one.
fn only_error(files: &Files) -> String {
    match validate(files) {
        Ok(_) => panic!("broken content passed validation"),
        Err(errors) => {
            assert_eq!(errors.len(), 1, "expected one error, got: {errors:#?}");
            errors.into_iter().next().unwrap()
        }
    }
}

fn assert_mentions(error: &str, parts: &[&str]) {
    for p in parts {
        assert!(error.contains(p), "error {error:?} does not mention {p:?}");
    }
}

fn replace(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture no longer contains {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn real_content_passes_validation() {
    let v = validate(&real()).unwrap_or_else(|e| panic!("content/ has {} problem(s):\n{}", e.len(), e.join("\n")));
    let counts = content::summary(&v);
    println!("content counts: {counts:?}");
    println!("questions per section: {}", content::questions_per_section(&v.data));
    let (c, d) = (&v.content, &v.data);
    assert_eq!(c.layers.len(), 9, "the report's nine layers");
    assert_eq!(c.layers.first().map(|l| &*l.id), Some("physical-apps"), "top of the stack first");
    assert_eq!(c.layers.last().map(|l| &*l.id), Some("semiconductors"), "chips at the bottom");
    assert!(d.questions.len() >= 24, "at least 24 questions, got {}", d.questions.len());
    assert!(d.events.len() >= 12, "at least 12 timeline entries, got {}", d.events.len());
    for (s, section) in d.sections.iter().enumerate() {
        assert!(d.questions.iter().any(|q| q.section.get() == s), "section {} has no question", section.id);
    }
}

#[test]
fn every_claim_has_a_source_and_takes_its_strongest_tier() {
    let v = validate(&real()).expect("valid");
    let mut claims = 0;
    for cell in v.content.cells.iter() {
        let all = cell
            .summary
            .iter()
            .chain(cell.entries.iter().flat_map(|e| std::iter::once(&e.title).chain(e.claims.iter())));
        for c in all {
            assert!(!c.by.is_empty(), "{}: a claim without a source", c.text);
            let strongest = c.by.iter().map(|&b| cell.sources[b as usize].tier).min().unwrap();
            assert_eq!(c.tier, strongest, "{}", c.text);
            claims += 1;
        }
    }
    for q in v.data.questions.iter() {
        assert_eq!(q.sources[0].tier, Tier::Episode, "{}: the supporting quote comes first", q.id);
        for o in q.options.iter() {
            assert!(!o.why.by.is_empty() && o.why.by.iter().all(|&b| (b as usize) < q.sources.len()), "{}", q.id);
            claims += 1;
        }
    }
    for e in v.data.events.iter() {
        for c in std::iter::once(&e.title).chain(e.claims.iter()) {
            assert!(!c.by.is_empty(), "{}: {}", e.id, c.text);
            claims += 1;
        }
    }
    claims += v.data.points.len();
    assert_eq!(claims, v.claims, "every claim counted by the build was checked here");
    assert_eq!(content::summary(&v)["claims without a source"], 0);
}

#[test]
fn the_baked_chart_and_the_data_file_are_what_the_validator_produced() {
    let v = validate(&real()).expect("valid");
    // The crate's copy of the same types, baked into the binary at build time.
    assert_eq!(format!("{:?}", v.content), format!("{:?}", full_stack::model::CONTENT));
    let data: content::types::Data = serde_json::from_str(full_stack::model::content::DATA_JSON).unwrap();
    assert_eq!(format!("{data:?}"), format!("{:?}", v.data));
}

#[test]
fn fixture_passes_validation() {
    let v = validate(&mini()).unwrap_or_else(|e| panic!("fixture invalid: {e:#?}"));
    assert_eq!(v.content.cells.len(), 2);
    assert_eq!(&*v.content.cells[0].questions, [QuestionIx::at(0)], "the question links back to its cell");
}

#[test]
fn duplicate_id() {
    let mut f = mini();
    f.layers.push_str("\n[[layer]]\nid = \"semiconductors\"\nname = \"Chips again\"\ndescription = \"Twice.\"\n");
    assert_mentions(&only_error(&f), &["content/layers.toml", "layer \"semiconductors\"", "duplicate id"]);
}

#[test]
fn unknown_layer_in_cell() {
    let mut f = mini();
    f.chart = replace(&f.chart, "layer = \"semiconductors\"", "layer = \"quantum\"");
    assert_mentions(
        &only_error(&f),
        &["content/chart.toml", "cell \"quantum/domestic-alternatives\"", "layer \"quantum\" is not defined"],
    );
}

#[test]
fn unknown_tool_in_cell() {
    let mut f = mini();
    f.chart = replace(&f.chart, "tool = \"domestic-alternatives\"", "tool = \"tariffs\"");
    assert_mentions(
        &only_error(&f),
        &["content/chart.toml", "semiconductors/tariffs", "tool \"tariffs\" is not defined"],
    );
}

#[test]
fn question_links_to_unknown_cell() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "cells = [\"foundation-models/state-funds\"]", "cells = [\"foundation-models/compute\"]");
    assert_mentions(
        &only_error(&f),
        &["content/quiz.toml", "question \"q-fund\"", "cell \"foundation-models/compute\" is not an evidenced cell"],
    );
}

#[test]
fn event_links_to_unknown_question() {
    let mut f = mini();
    f.timeline = replace(&f.timeline, "questions = [\"q-fund\"]", "questions = [\"q-missing\"]");
    assert_mentions(
        &only_error(&f),
        &["content/timeline.toml", "event \"plan-2017\"", "question \"q-missing\" is not defined in content/quiz.toml"],
    );
}

#[test]
fn two_correct_options() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "text = \"About 1 trillion RMB\"", "text = \"About 1 trillion RMB\"\ncorrect = true");
    assert_mentions(&only_error(&f), &["content/quiz.toml", "question \"q-fund\"", "2 correct options", "exactly one"]);
}

#[test]
fn no_correct_option() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "correct = true\n", "");
    assert_mentions(&only_error(&f), &["question \"q-fund\"", "0 correct options"]);
}

#[test]
fn three_options() {
    let mut f = mini();
    f.quiz = replace(
        &f.quiz,
        "[[question.option]]\ntext = \"About $300 billion\"\nwhy = \"That is U.S. tech firms' AI spending.\"\n",
        "",
    );
    assert_mentions(&only_error(&f), &["question \"q-fund\"", "has 3 options", "exactly 4"]);
}

#[test]
fn wrong_option_without_explanation() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "why = \"That is closer to Big Fund III.\"\n", "");
    assert_mentions(&only_error(&f), &["question \"q-fund\" option 4", "no `why` explaining why it is wrong"]);
}

#[test]
fn correct_option_without_explanation() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "why = \"Kyle puts its scale at $8 billion.\"\n", "");
    assert_mentions(&only_error(&f), &["question \"q-fund\" option 1", "no `why` explaining why it is right"]);
}

#[test]
fn quote_not_in_transcript() {
    let mut f = mini();
    f.quiz =
        replace(&f.quiz, "text = \"$8 billion was sort of the scale\"", "text = \"$9 billion was sort of the scale\"");
    assert_mentions(
        &only_error(&f),
        &["content/quiz.toml", "question \"q-fund\" quote", "quote not found in the transcript at lines 999-999"],
    );
}

#[test]
fn quote_at_other_lines() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "lines = [999, 999]", "lines = [1200, 1201]");
    assert_mentions(
        &only_error(&f),
        &["question \"q-fund\" quote", "not found at lines 1200-1201; it is at lines 999-999"],
    );
}

#[test]
fn quote_lines_not_tight() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "lines = [999, 999]", "lines = [990, 1005]");
    assert_mentions(&only_error(&f), &["question \"q-fund\" quote", "not tight", "cite lines = [999, 999]"]);
}

#[test]
fn quote_with_an_unmarked_omission() {
    // Dropping "partly" words without "…" is not an allowed edit.
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "$8 billion was sort of the scale … partly pulling",
        "$8 billion was sort of the scale partly pulling",
    );
    assert_mentions(
        &only_error(&f),
        &["content/chart.toml", "cell \"foundation-models/state-funds\" source \"chan-999\"", "quote not found"],
    );
}

#[test]
fn quote_edits_allowed_by_the_rules_pass() {
    // Fillers kept, a stutter kept, and an ellipsis: all fine.
    let mut f = mini();
    f.quiz = replace(
        &f.quiz,
        "text = \"$8 billion was sort of the scale\"",
        "text = \"um $8 billion was sort of the scale um\"",
    );
    assert!(validate(&f).is_ok());
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "$8 billion was sort of the scale … partly pulling some capital",
        "$8 billion was sort of the scale … partly uh pulling some some capital",
    );
    assert!(validate(&f).is_ok(), "{:?}", validate(&f).err());
}

#[test]
fn three_dots_instead_of_ellipsis() {
    let mut f = mini();
    f.chart = replace(&f.chart, "scale … partly", "scale ... partly");
    assert_mentions(
        &only_error(&f),
        &["cell \"foundation-models/state-funds\" source \"chan-999\"", "\"...\"", "\"…\""],
    );
}

#[test]
fn bracketed_correction_matches_the_garbled_form() {
    let mut f = mini();
    f.quiz = replace(
        &f.quiz,
        "lines = [999, 999]\ntext = \"$8 billion was sort of the scale\"",
        "lines = [1010, 1010]\ntext = \"a trillion [RMB]\"",
    );
    assert!(validate(&f).is_ok(), "{:?}", validate(&f).err());
}

#[test]
fn bracket_that_is_not_a_listed_correction() {
    let mut f = mini();
    f.quiz = replace(
        &f.quiz,
        "lines = [999, 999]\ntext = \"$8 billion was sort of the scale\"",
        "lines = [1010, 1010]\ntext = \"a trillion [yuan]\"",
    );
    assert_mentions(
        &only_error(&f),
        &["question \"q-fund\" quote", "[yuan] is not the correction of any garbled name"],
    );
}

#[test]
fn garbled_name_inside_a_quote() {
    let mut f = mini();
    f.quiz = replace(
        &f.quiz,
        "lines = [999, 999]\ntext = \"$8 billion was sort of the scale\"",
        "lines = [1010, 1010]\ntext = \"a trillion R&B\"",
    );
    let e = only_error(&f);
    assert_mentions(&e, &["question \"q-fund\" quote", "garbled \"R&B\"", "[RMB]"]);
}

#[test]
fn garbled_name_in_displayed_text() {
    let mut f = mini();
    f.quiz = replace(&f.quiz, "text = \"About 1 trillion RMB\"", "text = \"About 1 trillion R&B\"");
    assert_mentions(
        &only_error(&f),
        &["content/quiz.toml", "question \"q-fund\" option 2", "garbled name \"R&B\"", "write \"RMB\""],
    );
}

#[test]
fn garbled_name_is_matched_on_word_boundaries_only() {
    // "BU" inside "BUILD" or "Bhutan" is not the garbled "BU".
    let mut f = mini();
    f.quiz = replace(&f.quiz, "prompt = \"How large", "prompt = \"BUILD-era question: how large");
    assert!(validate(&f).is_ok(), "{:?}", validate(&f).err());
}

#[test]
fn names_entry_not_in_transcript() {
    let mut f = mini();
    f.names = replace(&f.names, "lines = [348]", "lines = [349]");
    assert_mentions(&only_error(&f), &["content/names.toml", "name \"BU\"", "does not occur on transcript line 349"]);
}

#[test]
fn a_claim_without_a_source() {
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "figure = \"about $8 billion\"\nby = [\"chan-999\", \"rand\"]",
        "figure = \"about $8 billion\"\nby = []",
    );
    assert_mentions(
        &only_error(&f),
        &[
            "content/chart.toml",
            "cell \"foundation-models/state-funds\" entry 1",
            "claim \"about $8 billion\" has no source",
        ],
    );
}

#[test]
fn a_claim_citing_a_source_the_cell_does_not_have() {
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "figure = \"about $8 billion\"\nby = [\"chan-999\", \"rand\"]",
        "figure = \"about $8 billion\"\nby = [\"reuters\"]",
    );
    assert_mentions(&only_error(&f), &["claim \"about $8 billion\" cites source \"reuters\"", "chan-999, rand"]);
}

#[test]
fn a_source_that_supports_no_claim() {
    let mut f = mini();
    for from in ["title = \"AI-specific fund\"\nby = [\"chan-999\", \"rand\"]", "by = [\"chan-999\", \"rand\"]"] {
        f.chart = f.chart.replace(from, &from.replace(", \"rand\"", ""));
    }
    assert_mentions(&only_error(&f), &["cell \"foundation-models/state-funds\"", "source \"rand\" supports no claim"]);
}

#[test]
fn a_title_weaker_than_a_claim_under_it() {
    // The title rests on the report alone, a sentence under it on the episode: under the
    // episode-only filter the sentence would show without its title.
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "title = \"AI-specific fund\"\nby = [\"chan-999\", \"rand\"]",
        "title = \"AI-specific fund\"\nby = [\"rand\"]",
    );
    assert_mentions(&only_error(&f), &["entry 1 \"AI-specific fund\"", "is episode but the title is only report"]);
}

#[test]
fn a_filter_level_that_shows_an_entry_but_no_summary_sentence() {
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "text = \"A national AI fund of about $8 billion.\"\nby = [\"chan-999\", \"rand\"]",
        "text = \"A national AI fund of about $8 billion.\"\nby = [\"rand\"]",
    );
    assert_mentions(
        &only_error(&f),
        &["cell \"foundation-models/state-funds\"", "under the filter \"episode\"", "no summary sentence"],
    );
}

#[test]
fn report_quote_not_in_report_text() {
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "quote = \"an $8.2 billion AI fund for start-ups\"",
        "quote = \"a $9 billion AI fund for start-ups\"",
    );
    assert_mentions(
        &only_error(&f),
        &["cell \"foundation-models/state-funds\" source \"rand\"", "report quote not found in content/report.txt"],
    );
}

#[test]
fn outside_source_without_url() {
    let mut f = mini();
    f.chart.push_str("\n[[cell]]\nlayer = \"semiconductors\"\ntool = \"state-funds\"\n\n[[cell.summary]]\ntext = \"Big Fund III.\"\nby = [\"somewhere\"]\n\n[[cell.entry]]\ntitle = \"Big Fund III\"\nby = [\"somewhere\"]\n\n[[cell.entry.source]]\nid = \"somewhere\"\ntier = \"outside\"\nlabel = \"Somewhere\"\n");
    assert_mentions(
        &only_error(&f),
        &["cell \"semiconductors/state-funds\" source \"somewhere\"", "outside source needs an http(s) `url`"],
    );
}

#[test]
fn episode_source_with_unknown_speaker() {
    let mut f = mini();
    f.chart = replace(&f.chart, "speaker = \"Kyle Chan\"", "speaker = \"Kai-Fu Lee\"");
    assert_mentions(
        &only_error(&f),
        &["cell \"foundation-models/state-funds\" source \"chan-999\"", "unknown speaker \"Kai-Fu Lee\""],
    );
}

#[test]
fn duplicate_cell() {
    let mut f = mini();
    f.chart.push_str("\n[[cell]]\nlayer = \"semiconductors\"\ntool = \"domestic-alternatives\"\n\n[[cell.summary]]\ntext = \"Again.\"\nby = [\"again\"]\n\n[[cell.entry]]\ntitle = \"Again\"\nby = [\"again\"]\n\n[[cell.entry.source]]\nid = \"again\"\ntier = \"reconstruction\"\nnote = \"Again.\"\n");
    assert_mentions(&only_error(&f), &["cell \"semiconductors/domestic-alternatives\"", "duplicate cell"]);
}

#[test]
fn bad_date() {
    let mut f = mini();
    f.timeline = replace(&f.timeline, "date = \"2017\"", "date = \"July 2017\"");
    assert_mentions(&only_error(&f), &["content/timeline.toml", "event \"plan-2017\"", "date \"July 2017\""]);
}

#[test]
fn toml_syntax_error_names_the_file() {
    let mut f = mini();
    f.tools.push_str("\n[[tool]\n");
    assert_mentions(&only_error(&f), &["content/tools.toml", "parse error"]);
}

#[test]
fn unknown_field_is_rejected() {
    let mut f = mini();
    f.layers = replace(&f.layers, "name = \"Semiconductors\"", "name = \"Semiconductors\"\ncolour = \"red\"");
    assert_mentions(&only_error(&f), &["content/layers.toml", "parse error", "colour"]);
}

#[test]
fn scaled_content_multiplies_cells_and_questions_and_keeps_links_consistent() {
    let v = validate(&real()).expect("valid");
    let (c, d) = (&v.content, &v.data);
    let (s, sd) = content::scale::scaled(&v, 5, 2, 10);
    assert_eq!(s.layers.len(), c.layers.len() * 5);
    assert_eq!(s.tools.len(), c.tools.len() * 2);
    assert_eq!(s.cells.len(), c.cells.len() * 10);
    assert_eq!(sd.questions.len(), d.questions.len() * 10);
    assert_eq!(sd.events.len(), d.events.len() * 10);
    assert_eq!(sd.points.len(), d.points.len() * 10);
    assert_eq!((s.question_ids.len(), &s.data_version), (sd.questions.len(), &sd.version));
    let mut ids = std::collections::HashSet::new();
    assert!(s.layers.iter().all(|l| ids.insert(l.id.clone())), "layer ids unique");
    let mut seen = std::collections::HashSet::new();
    for (ci, cell) in s.cells.iter().enumerate() {
        assert!(cell.layer.get() < s.layers.len() && cell.tool.get() < s.tools.len());
        assert!(seen.insert((cell.layer, cell.tool)), "one cell per position");
        for q in cell.questions.iter() {
            assert!(sd.questions[q.get()].cells.iter().any(|c| c.get() == ci), "back-link matches");
        }
    }
}

#[test]
fn a_quote_credited_to_the_wrong_speaker() {
    // Lines 999-999 are Kyle's in turns.toml.
    let mut f = mini();
    f.keypoints = replace(&f.keypoints, "speaker = \"Kyle Chan\"", "speaker = \"Gregory Allen\"");
    assert_mentions(
        &only_error(&f),
        &["content/keypoints.toml", "point \"kp-fund\"", "speaker is Gregory Allen", "content/turns.toml"],
    );
}

#[test]
fn a_turn_that_starts_where_the_transcript_marks_no_change_of_speaker() {
    let mut f = mini();
    f.turns.push_str("\n[[turn]]\nfrom = 2160\nspeaker = \"Kyle Chan\"\n");
    assert_mentions(&only_error(&f), &["content/turns.toml", "from line 2160", "inferred = true"]);
    // Marked as inferred, with a note, it is accepted.
    f.turns.push_str("inferred = true\nnote = \"Kyle thanks Greg.\"\n");
    validate(&f).expect("an inferred turn with a note is valid");
}

#[test]
fn a_marked_change_of_speaker_without_a_turn() {
    let mut f = mini();
    // Drop the turn that starts at the ">>" of line 35.
    f.turns = replace(&f.turns, "[[turn]]\nfrom = 35\nspeaker = \"Kyle Chan\"\n", "");
    assert_mentions(&only_error(&f), &["content/turns.toml", "line 35", "no turn starts here"]);
}

#[test]
fn sections_must_cover_the_transcript_without_gaps() {
    let mut f = mini();
    f.sections = replace(&f.sections, "lines = [1, 2166]", "lines = [1, 2000]");
    assert_mentions(&only_error(&f), &["content/sections.toml", "cover the transcript to line 2166"]);
}

#[test]
fn a_key_point_whose_quote_is_outside_its_section() {
    let mut f = mini();
    f.sections = replace(&f.sections, "lines = [1, 2166]", "lines = [1, 900]");
    f.sections.push_str("\n[[section]]\nid = \"later\"\ntitle = \"Later\"\nlines = [901, 2166]\n");
    f.quiz = replace(&f.quiz, "section = \"toolbox\"", "section = \"later\"");
    assert_mentions(
        &only_error(&f),
        &["content/keypoints.toml", "point \"kp-fund\"", "outside its section \"toolbox\""],
    );
}

#[test]
fn the_committed_coverage_report_is_up_to_date() {
    let v = validate(&real()).expect("valid");
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/COVERAGE.md"))
        .expect("content/COVERAGE.md exists (make coverage writes it)");
    assert!(committed == v.coverage.report(), "content/COVERAGE.md is stale: run `make coverage` and commit it");
}

#[test]
fn every_stretch_of_the_transcript_over_forty_lines_is_cited_or_explained() {
    let v = validate(&real()).expect("valid");
    for s in &v.coverage.sections {
        let mut next = s.lines.0;
        for &(a, b) in s.cited.iter().chain(std::iter::once(&(s.lines.1 + 1, s.lines.1 + 1))) {
            let gap = a.saturating_sub(next);
            let explained = s.gaps.iter().any(|((x, y), _)| *x <= next && a - 1 <= *y);
            assert!(gap <= 40 || explained, "{}: lines {next}-{} uncited with no reason", s.title, a - 1);
            next = next.max(b + 1);
        }
    }
}
