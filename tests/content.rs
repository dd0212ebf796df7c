//! The content validator (`build/content.rs`): the real content passes, and each kind
//! of bad data fails with a message naming the file, the entry and the problem.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/content.rs"]
#[allow(dead_code)]
mod content;

use std::path::Path;

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
    let c = validate(&real()).unwrap_or_else(|e| panic!("content/ has {} problem(s):\n{}", e.len(), e.join("\n")));
    let counts = content::summary(&c);
    println!("content counts: {counts:?}");
    assert_eq!(c.layers.len(), 9, "the report's nine layers");
    assert_eq!(c.layers.first().map(|l| l.id.as_str()), Some("physical-apps"), "top of the stack first");
    assert_eq!(c.layers.last().map(|l| l.id.as_str()), Some("semiconductors"), "chips at the bottom");
    assert!(c.questions.len() >= 24, "at least 24 questions, got {}", c.questions.len());
    assert!(c.timeline.len() >= 12, "at least 12 timeline entries, got {}", c.timeline.len());
    for s in 0..c.sections.len() {
        assert!(c.questions.iter().any(|q| q.section == s), "section {} has no question", c.sections[s].id);
    }
}

#[test]
fn fixture_passes_validation() {
    let c = validate(&mini()).unwrap_or_else(|e| panic!("fixture invalid: {e:#?}"));
    assert_eq!(c.cells.len(), 2);
    assert_eq!(c.cells[0].questions, vec![0], "the question links back to its cell");
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
        &["content/timeline.toml", "event \"plan-2017\"", "question \"q-missing\" is not defined"],
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
        &["content/chart.toml", "cell \"foundation-models/state-funds\" entry 1", "quote not found"],
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
    assert_mentions(&only_error(&f), &["cell \"foundation-models/state-funds\" entry 1", "\"...\"", "\"…\""]);
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
fn cell_claims_a_tier_its_sources_do_not_support() {
    let mut f = mini();
    f.chart = replace(
        &f.chart,
        "tier = \"reconstruction\"\nsummary = \"Illustrative only.\"",
        "tier = \"episode\"\nsummary = \"Illustrative only.\"",
    );
    assert_mentions(
        &only_error(&f),
        &[
            "content/chart.toml",
            "cell \"semiconductors/domestic-alternatives\"",
            "claims tier \"episode\"",
            "strongest source is \"reconstruction\"",
        ],
    );
}

#[test]
fn cell_understates_its_tier() {
    let mut f = mini();
    f.chart =
        replace(&f.chart, "tier = \"episode\"\nsummary = \"A national", "tier = \"report\"\nsummary = \"A national");
    assert_mentions(
        &only_error(&f),
        &["cell \"foundation-models/state-funds\"", "claims tier \"report\"", "strongest source is \"episode\""],
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
        &["cell \"foundation-models/state-funds\" entry 1", "report quote not found in content/report.txt"],
    );
}

#[test]
fn outside_source_without_url() {
    let mut f = mini();
    f.chart.push_str("\n[[cell]]\nlayer = \"semiconductors\"\ntool = \"state-funds\"\ntier = \"outside\"\nsummary = \"Big Fund III.\"\n\n[[cell.entry]]\ntitle = \"Big Fund III\"\ntext = \"344 billion yuan.\"\n\n[[cell.entry.source]]\ntier = \"outside\"\nlabel = \"Somewhere\"\n");
    assert_mentions(
        &only_error(&f),
        &["cell \"semiconductors/state-funds\" entry 1", "outside source needs an http(s) `url`"],
    );
}

#[test]
fn episode_source_with_unknown_speaker() {
    let mut f = mini();
    f.chart = replace(&f.chart, "speaker = \"Kyle Chan\"", "speaker = \"Kai-Fu Lee\"");
    assert_mentions(
        &only_error(&f),
        &["cell \"foundation-models/state-funds\" entry 1", "unknown speaker \"Kai-Fu Lee\""],
    );
}

#[test]
fn duplicate_cell() {
    let mut f = mini();
    f.chart.push_str("\n[[cell]]\nlayer = \"semiconductors\"\ntool = \"domestic-alternatives\"\ntier = \"reconstruction\"\nsummary = \"Again.\"\n\n[[cell.entry]]\ntitle = \"Again\"\ntext = \"Again.\"\n\n[[cell.entry.source]]\ntier = \"reconstruction\"\nnote = \"Again.\"\n");
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
    let c = validate(&real()).expect("valid");
    let s = content::scaled(&c, 5, 2, 10);
    assert_eq!(s.layers.len(), c.layers.len() * 5);
    assert_eq!(s.tools.len(), c.tools.len() * 2);
    assert_eq!(s.cells.len(), c.cells.len() * 10);
    assert_eq!(s.questions.len(), c.questions.len() * 10);
    assert_eq!(s.timeline.len(), c.timeline.len() * 10);
    let mut ids = std::collections::HashSet::new();
    assert!(s.layers.iter().all(|l| ids.insert(l.id.clone())), "layer ids unique");
    let mut seen = std::collections::HashSet::new();
    for (ci, cell) in s.cells.iter().enumerate() {
        assert!(cell.layer < s.layers.len() && cell.tool < s.tools.len());
        assert!(seen.insert((cell.layer, cell.tool)), "one cell per position");
        for q in &cell.questions {
            assert!(s.questions[*q].cells.contains(&ci), "back-link matches");
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
