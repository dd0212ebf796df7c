//! What the files in `content/` hold, as written (see `content/README.md`). Every table
//! rejects unknown fields, so a typo is an error, not a silently ignored line.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayersFile {
    pub layer: Vec<LayerIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerIn {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolsFile {
    pub tool: Vec<ToolIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolIn {
    pub id: String,
    pub name: String,
    pub short: String,
    pub report_wording: Option<String>,
    pub description: String,
}

/// A source of a claim. `id` names it within its cell, event or question, for the
/// claims' `by` lists.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceIn {
    pub id: Option<String>,
    pub tier: String,
    pub quote: Option<String>,
    pub lines: Option<[u32; 2]>,
    pub speaker: Option<String>,
    pub speaker_note: Option<String>,
    pub url: Option<String>,
    pub label: Option<String>,
    pub note: Option<String>,
}

/// A claim: exactly one of `text` (a sentence), `figure` (a figure or date) or `name`
/// (an official name, with `zh` its Chinese form), and the ids of its sources.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimIn {
    pub text: Option<String>,
    pub figure: Option<String>,
    pub name: Option<String>,
    pub zh: Option<String>,
    #[serde(default)]
    pub by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartFile {
    #[serde(default)]
    pub cell: Vec<CellIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellIn {
    pub layer: String,
    pub tool: String,
    #[serde(default)]
    pub summary: Vec<ClaimIn>,
    #[serde(default)]
    pub entry: Vec<EntryIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryIn {
    pub title: String,
    pub zh: Option<String>,
    /// The sources of the title.
    #[serde(default)]
    pub by: Vec<String>,
    #[serde(default)]
    pub claim: Vec<ClaimIn>,
    #[serde(default)]
    pub source: Vec<SourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    #[serde(default)]
    pub question: Vec<QuestionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionIn {
    pub id: String,
    pub section: String,
    pub difficulty: String,
    pub prompt: String,
    #[serde(default)]
    pub cells: Vec<String>,
    #[serde(default)]
    pub option: Vec<OptionIn>,
    pub quote: Option<QuoteIn>,
    /// Sources besides the quote (whose id is "quote").
    #[serde(default)]
    pub source: Vec<SourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionIn {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    pub why: Option<String>,
    /// The sources of `why`; without it, the question's quote.
    pub by: Option<Vec<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct QuoteIn {
    pub speaker: String,
    pub lines: [u32; 2],
    pub text: String,
    pub speaker_note: Option<String>,
}

impl QuoteIn {
    /// The quote as an episode source.
    pub fn source(&self, id: &str) -> SourceIn {
        SourceIn {
            id: Some(id.to_string()),
            tier: "episode".into(),
            quote: Some(self.text.clone()),
            lines: Some(self.lines),
            speaker: Some(self.speaker.clone()),
            speaker_note: self.speaker_note.clone(),
            url: None,
            label: None,
            note: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    #[serde(default)]
    pub event: Vec<EventIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventIn {
    pub id: String,
    pub date: String,
    pub title: String,
    /// The sources of the title and the date.
    #[serde(default)]
    pub by: Vec<String>,
    #[serde(default)]
    pub claim: Vec<ClaimIn>,
    #[serde(default)]
    pub cells: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub source: Vec<SourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesFile {
    #[serde(default)]
    pub name: Vec<Name>,
}

/// A garbled name in the transcript and its correction.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Name {
    pub garbled: String,
    pub correct: String,
    pub lines: Vec<u32>,
    /// Never acceptable in displayed text (a common word like "can" is not distinctive).
    #[serde(default)]
    pub distinctive: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionsFile {
    #[serde(default)]
    pub section: Vec<SectionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionIn {
    pub id: String,
    pub title: String,
    /// The transcript lines (first, last) the section spans.
    pub lines: [u32; 2],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnsFile {
    #[serde(default)]
    pub turn: Vec<TurnIn>,
}

/// A speaker's turn: from line `from` to the line before the next turn.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnIn {
    pub from: u32,
    pub speaker: String,
    /// The transcript marks no change of speaker (">>") where this turn begins.
    #[serde(default)]
    pub inferred: bool,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeypointsFile {
    #[serde(default)]
    pub point: Vec<PointIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointIn {
    pub id: String,
    pub section: String,
    pub text: String,
    #[serde(default)]
    pub cells: Vec<String>,
    pub quote: Option<QuoteIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryFile {
    #[serde(default)]
    pub item: Vec<ItemIn>,
}

/// A substantive claim made in the episode, which something in the widget must cite.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemIn {
    pub lines: [u32; 2],
    pub kind: String,
    pub what: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageFile {
    #[serde(default)]
    pub gap: Vec<GapIn>,
}

/// A stretch of the transcript left uncited on purpose, and why.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapIn {
    pub lines: [u32; 2],
    pub reason: String,
}
