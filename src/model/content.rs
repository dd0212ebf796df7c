//! The content model: plain `'static` data, generated at build time from `content/`
//! by `build/content.rs`. Nothing here is parsed at start-up.

/// How a claim is sourced, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

    /// Stable id for URLs, CSS classes and exports.
    pub fn id(self) -> &'static str {
        match self {
            Tier::Episode => "episode",
            Tier::Report => "report",
            Tier::Outside => "outside",
            Tier::Reconstruction => "reconstruction",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker {
    KyleChan,
    GregoryAllen,
}

impl Speaker {
    pub fn name(self) -> &'static str {
        match self {
            Speaker::KyleChan => "Kyle Chan",
            Speaker::GregoryAllen => "Gregory Allen",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

#[derive(Debug, PartialEq)]
pub struct Source {
    pub tier: Tier,
    pub quote: Option<&'static str>,
    /// Transcript lines (first, last) of an episode quote.
    pub lines: Option<(u32, u32)>,
    pub speaker: Option<Speaker>,
    pub speaker_note: Option<&'static str>,
    pub url: Option<&'static str>,
    pub label: Option<&'static str>,
    pub note: Option<&'static str>,
}

#[derive(Debug, PartialEq)]
pub struct Layer {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Tool {
    pub id: &'static str,
    pub name: &'static str,
    pub short: &'static str,
    pub report_wording: Option<&'static str>,
    pub description: &'static str,
}

/// One program, example or figure in a cell.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub title: &'static str,
    pub zh: Option<&'static str>,
    pub text: &'static str,
    pub figures: &'static [&'static str],
    pub sources: &'static [Source],
}

/// An evidenced cell of the chart.
#[derive(Debug, PartialEq)]
pub struct Cell {
    /// Index into `Content::layers`.
    pub layer: usize,
    /// Index into `Content::tools`.
    pub tool: usize,
    /// The strongest tier among its sources.
    pub tier: Tier,
    pub summary: &'static str,
    pub entries: &'static [Entry],
    /// Indexes into `Content::questions` of the questions about this cell.
    pub questions: &'static [usize],
}

#[derive(Debug, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct QuizOption {
    pub text: &'static str,
    /// Why this option is right, or why it is wrong.
    pub why: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Quote {
    pub speaker: Speaker,
    pub speaker_note: Option<&'static str>,
    pub lines: (u32, u32),
    pub text: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Question {
    pub id: &'static str,
    /// Index into `Content::sections`.
    pub section: usize,
    pub difficulty: Difficulty,
    pub prompt: &'static str,
    pub options: [QuizOption; 4],
    /// Index of the correct option in `options`.
    pub correct: usize,
    pub quote: Quote,
    /// Indexes into `Content::cells`.
    pub cells: &'static [usize],
}

#[derive(Debug, PartialEq)]
pub struct Event {
    pub id: &'static str,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    /// Indexes into `Content::cells`.
    pub cells: &'static [usize],
    /// Indexes into `Content::questions`.
    pub questions: &'static [usize],
    pub sources: &'static [Source],
}

/// Everything the widget knows, in one static value.
#[derive(Debug, PartialEq)]
pub struct Content {
    /// Top of the stack first.
    pub layers: &'static [Layer],
    pub tools: &'static [Tool],
    pub cells: &'static [Cell],
    /// `grid[layer * tools.len() + tool]` is the cell index, or `u16::MAX` for no evidence.
    pub grid: &'static [u16],
    pub sections: &'static [Section],
    pub questions: &'static [Question],
    /// Sorted by date.
    pub timeline: &'static [Event],
}

impl Content {
    /// The cell at (layer, tool), or `None` where no evidence was found.
    pub fn cell(&self, layer: usize, tool: usize) -> Option<&'static Cell> {
        if layer >= self.layers.len() || tool >= self.tools.len() {
            return None;
        }
        match self.grid[layer * self.tools.len() + tool] {
            u16::MAX => None,
            i => self.cells.get(i as usize),
        }
    }

    pub fn layer_index(&self, id: &str) -> Option<usize> {
        self.layers.iter().position(|l| l.id == id)
    }

    pub fn tool_index(&self, id: &str) -> Option<usize> {
        self.tools.iter().position(|t| t.id == id)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

/// The real content, baked in at build time.
pub static CONTENT: Content = include!(concat!(env!("OUT_DIR"), "/content.rs"));
