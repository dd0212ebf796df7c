//! The content types: one definition, shared by the build script (which validates
//! `content/` into these values, bakes the chart into Rust and writes the rest as JSON)
//! and the crate (which reads them). `build/content/mod.rs` includes this file with
//! `#[path]`, so it depends on nothing but `std` and `serde`.
//!
//! Text and lists are `Cow<'static, …>`: borrowed in the data baked into the binary
//! (the chart), owned in the data decoded at run time (quiz, key points, timeline: see
//! [`Data`]). The same types serve both, so a piece of content can move between the
//! two without a second definition.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Text in the content: borrowed when baked, owned when decoded.
pub type Text = Cow<'static, str>;
/// A list in the content: borrowed when baked, owned when decoded.
pub type List<T> = Cow<'static, [T]>;

macro_rules! typed_index {
    ($(#[$doc:meta])* $name:ident($int:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name($int);

        impl $name {
            /// The index at position `i` (the build and the loaders make these; `i` must
            /// fit the index type).
            pub const fn at(i: usize) -> $name {
                assert!(i <= <$int>::MAX as usize, "index out of range for its type");
                $name(i as $int)
            }

            /// The position this index stands for.
            pub const fn get(self) -> usize {
                self.0 as usize
            }
        }
    };
}

typed_index!(
    /// A layer of the stack: an index into [`Content::layers`] (top of the stack first).
    LayerIx(u8)
);
typed_index!(
    /// A policy tool: an index into [`Content::tools`] (left to right).
    ToolIx(u8)
);
typed_index!(
    /// An evidenced cell: an index into [`Content::cells`].
    CellIx(u16)
);
typed_index!(
    /// A quiz question: an index into [`Data::questions`] (and [`Content::question_ids`]).
    QuestionIx(u16)
);
typed_index!(
    /// A timeline event: an index into [`Data::events`] (and [`Content::event_ids`]).
    EventIx(u16)
);
typed_index!(
    /// A section of the episode: an index into [`Data::sections`].
    SectionIx(u8)
);

/// How a claim is sourced, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// Said in the episode: a verbatim quote with its transcript lines.
    Episode,
    /// RAND's report text, quoted.
    Report,
    /// An outside source, with its URL.
    Outside,
    /// Our own inference, labelled as such.
    Reconstruction,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Episode, Tier::Report, Tier::Outside, Tier::Reconstruction];

    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Tier::Episode => "Said in the episode",
            Tier::Report => "Report text",
            Tier::Outside => "Outside source",
            Tier::Reconstruction => "Reconstruction (our inference)",
        }
    }

    /// A short mark that does not rely on colour.
    pub fn mark(self) -> &'static str {
        match self {
            Tier::Episode => "E",
            Tier::Report => "R",
            Tier::Outside => "O",
            Tier::Reconstruction => "I",
        }
    }

    /// Stable id for content files, URLs, CSS classes and exports.
    pub fn id(self) -> &'static str {
        match self {
            Tier::Episode => "episode",
            Tier::Report => "report",
            Tier::Outside => "outside",
            Tier::Reconstruction => "reconstruction",
        }
    }

    pub fn parse(s: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.id() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Speaker {
    KyleChan,
    GregoryAllen,
}

impl Speaker {
    /// The name as the content files write it.
    pub fn name(self) -> &'static str {
        match self {
            Speaker::KyleChan => "Kyle Chan",
            Speaker::GregoryAllen => "Gregory Allen",
        }
    }

    /// The name in full, as the transcript page labels a turn.
    pub fn full_name(self) -> &'static str {
        match self {
            Speaker::KyleChan => "Kyle Chan",
            Speaker::GregoryAllen => "Gregory C. Allen",
        }
    }

    pub fn parse(s: &str) -> Option<Speaker> {
        [Speaker::KyleChan, Speaker::GregoryAllen].into_iter().find(|sp| sp.name() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }

    pub fn parse(s: &str) -> Option<Difficulty> {
        [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard].into_iter().find(|d| d.label().eq_ignore_ascii_case(s))
    }
}

/// Where a claim comes from. Which fields are set depends on the tier (the build checks):
/// an episode source has `quote`, `lines` and `speaker`; a report source `quote`; an
/// outside source `url` and `label`; a reconstruction `note`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub tier: Tier,
    pub quote: Option<Text>,
    /// Transcript lines (first, last) of an episode quote.
    pub lines: Option<(u32, u32)>,
    pub speaker: Option<Speaker>,
    pub speaker_note: Option<Text>,
    pub url: Option<Text>,
    pub label: Option<Text>,
    pub note: Option<Text>,
}

/// What a claim is, which decides how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A sentence.
    Text,
    /// A figure or a date, shown in a list.
    Figure,
    /// An official name (with its Chinese form, if any).
    Name,
}

/// The unit of provenance: one sentence, figure, date or name, with the sources that
/// support it. Under an evidence filter a claim is shown only if one of its sources is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    pub text: Text,
    /// The Chinese form of a name.
    pub zh: Option<Text>,
    /// Indexes into the owner's sources (a cell's, an event's, a question's).
    pub by: List<u8>,
    /// The strongest tier among `by`.
    pub tier: Tier,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Layer {
    pub id: Text,
    pub name: Text,
    pub description: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    pub id: Text,
    pub name: Text,
    /// Column header on narrow screens and in exports.
    pub short: Text,
    /// The report's own words for the tool, if known.
    pub report_wording: Option<Text>,
    pub description: Text,
}

/// One program, example or figure in a cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The entry's title: the strongest claim of the entry (none of its claims is shown
    /// where the title is not).
    pub title: Claim,
    pub claims: List<Claim>,
    /// The cell's sources this entry's claims cite, in order.
    pub sources: List<u8>,
}

/// An evidenced cell of the chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub layer: LayerIx,
    pub tool: ToolIx,
    /// The strongest tier among its claims.
    pub tier: Tier,
    /// The cell's summary, sentence by sentence (each a claim).
    pub summary: List<Claim>,
    pub entries: List<Entry>,
    /// Every source the cell's claims cite; claims refer to them by position.
    pub sources: List<Source>,
    /// The questions about this cell.
    pub questions: List<QuestionIx>,
    /// The timeline events about this cell.
    pub events: List<EventIx>,
}

/// What is baked into the binary: the chart, and the ids the routes need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Content {
    /// Top of the stack first.
    pub layers: List<Layer>,
    pub tools: List<Tool>,
    pub cells: List<Cell>,
    /// `grid[layer * tools.len() + tool]`: the cell there, or `None` for no evidence.
    pub grid: List<Option<CellIx>>,
    /// The ids of [`Data::questions`], in order (deep links resolve before the data loads).
    pub question_ids: List<Text>,
    /// The ids of [`Data::events`], in order.
    pub event_ids: List<Text>,
    /// The ids of [`Data::sections`], in order.
    pub section_ids: List<Text>,
    /// The [`Data::version`] this binary was built with.
    pub data_version: Text,
}

/// A section of the episode: a range of transcript lines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: Text,
    pub title: Text,
    pub lines: (u32, u32),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizOption {
    pub text: Text,
    /// Why this option is right, or why it is wrong; its sources are the question's.
    pub why: Claim,
}

/// The number of options every question has.
pub const OPTION_COUNT: usize = 4;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Text,
    pub section: SectionIx,
    pub difficulty: Difficulty,
    pub prompt: Text,
    pub options: [QuizOption; OPTION_COUNT],
    /// The correct option's index in `options`.
    pub correct: u8,
    /// `sources[0]` is the episode quote that supports the answer; more may follow.
    pub sources: List<Source>,
    pub cells: List<CellIx>,
}

/// A dated milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: Text,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Text,
    /// The title, with the sources for the event and its date.
    pub title: Claim,
    pub claims: List<Claim>,
    pub sources: List<Source>,
    pub cells: List<CellIx>,
    pub questions: List<QuestionIx>,
}

/// A key point of the episode's argument, in our words, with the quote it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub id: Text,
    pub section: SectionIx,
    pub text: Text,
    /// The episode quote (an episode [`Source`]).
    pub quote: Source,
    pub cells: List<CellIx>,
}

/// What is loaded on demand (`data.json` beside the page, inlined in the single file):
/// everything the quiz, the key points and the timeline show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Data {
    /// Must equal [`Content::data_version`]: data from another build is refused.
    pub version: Text,
    pub sections: List<Section>,
    pub questions: List<Question>,
    pub points: List<Point>,
    /// Sorted by date.
    pub events: List<Event>,
}

/// A speaker's turn in the transcript.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// First and last line.
    pub lines: (u32, u32),
    pub speaker: Speaker,
    /// The transcript does not mark this change of speaker: it is inferred.
    pub inferred: bool,
    pub note: Option<Text>,
}

/// A garbled name in the transcript and its correction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub line: u32,
    pub garbled: Text,
    pub correct: Text,
}

/// Something in the widget that cites transcript lines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub lines: (u32, u32),
    /// `cell`, `question`, `point` or `event`.
    pub kind: Text,
    /// The fragment that opens it in the widget (`chart/data-centers/compute`, ...).
    pub route: Text,
    /// What to call the link ("Quiz: How large was …?").
    pub label: Text,
}

/// The transcript and what the build knows about it; used at build time only (the
/// transcript page and the coverage report), never shipped in the wasm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Episode {
    pub lines: Vec<String>,
    pub sections: Vec<Section>,
    pub turns: Vec<Turn>,
    pub corrections: Vec<Correction>,
    pub citations: Vec<Citation>,
}
