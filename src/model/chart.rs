//! Pure logic behind the chart: what each cell shows under a provenance filter, row
//! and column summaries, highlighting, plain-text sources and the CSV export.
//! No DOM here; the views only render what these functions return.

use super::content::{Cell, Content, Entry, Source, Tier};
use super::route::ChartTarget;

/// Which evidence is shown: sources at this tier or a stronger one.
/// `TierFilter(Tier::Reconstruction)` (the default) shows everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TierFilter(pub Tier);

impl Default for TierFilter {
    fn default() -> Self {
        TierFilter(Tier::Reconstruction)
    }
}

impl TierFilter {
    /// The choices offered to readers, widest first.
    pub const ALL: [TierFilter; 4] = [
        TierFilter(Tier::Reconstruction),
        TierFilter(Tier::Outside),
        TierFilter(Tier::Report),
        TierFilter(Tier::Episode),
    ];

    pub fn admits(self, tier: Tier) -> bool {
        tier <= self.0
    }

    pub fn is_everything(self) -> bool {
        self.0 == Tier::Reconstruction
    }

    /// The label of the radio button.
    pub fn label(self) -> &'static str {
        match self.0 {
            Tier::Reconstruction => "Everything, including our inferences",
            Tier::Outside => "Sourced facts only (no inferences)",
            Tier::Report => "The episode and the report",
            Tier::Episode => "Only what was said in the episode",
        }
    }

    pub fn id(self) -> &'static str {
        self.0.id()
    }
}

/// A tier's label in lower case, for use inside a sentence.
pub fn tier_phrase(tier: Tier) -> &'static str {
    match tier {
        Tier::Episode => "said in the episode",
        Tier::Report => "report text",
        Tier::Outside => "outside source",
        Tier::Reconstruction => "reconstruction (our inference)",
    }
}

/// Whether an entry has at least one source the filter admits.
pub fn entry_shown(entry: &Entry, filter: TierFilter) -> bool {
    entry.sources.iter().any(|s| filter.admits(s.tier))
}

/// The entries of `cell` the filter admits.
pub fn shown_entries(cell: &'static Cell, filter: TierFilter) -> impl Iterator<Item = &'static Entry> {
    cell.entries.iter().filter(move |e| entry_shown(e, filter))
}

/// The sources of `entry` the filter admits.
pub fn shown_sources(entry: &'static Entry, filter: TierFilter) -> impl Iterator<Item = &'static Source> {
    entry.sources.iter().filter(move |s| filter.admits(s.tier))
}

/// The strongest tier among an entry's sources.
pub fn entry_tier(entry: &Entry) -> Tier {
    entry.sources.iter().map(|s| s.tier).min().unwrap_or(Tier::Reconstruction)
}

/// What one cell of the matrix shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// Nothing in the content: no evidence found. Not a claim that no such policy exists.
    NotFound,
    /// There is evidence, but none at the tiers the filter admits.
    Filtered { total: usize },
    /// `count` of `total` entries shown; `tier` is the strongest source among them.
    Shown { count: usize, total: usize, tier: Tier },
}

impl Evidence {
    pub fn of(content: &Content, layer: usize, tool: usize, filter: TierFilter) -> Evidence {
        let Some(cell) = content.cell(layer, tool) else {
            return Evidence::NotFound;
        };
        let total = cell.entries.len();
        let mut count = 0;
        let mut tier = Tier::Reconstruction;
        for e in cell.entries.iter().filter(|e| entry_shown(e, filter)) {
            count += 1;
            let t = e.sources.iter().map(|s| s.tier).filter(|t| filter.admits(*t)).min().unwrap_or(tier);
            tier = tier.min(t);
        }
        if count == 0 {
            Evidence::Filtered { total }
        } else {
            Evidence::Shown { count, total, tier }
        }
    }

    /// Shading level, 0 (nothing shown) to 4 (said in the episode). Darker is stronger.
    pub fn shade(self) -> u8 {
        match self {
            Evidence::Shown { tier, .. } => 4 - tier as u8,
            _ => 0,
        }
    }

    /// The entries shown (0 when nothing is).
    pub fn count(self) -> usize {
        match self {
            Evidence::Shown { count, .. } => count,
            _ => 0,
        }
    }

    pub fn tier(self) -> Option<Tier> {
        match self {
            Evidence::Shown { tier, .. } => Some(tier),
            _ => None,
        }
    }

    /// Stable id for CSS and tests.
    pub fn state_id(self) -> &'static str {
        match self {
            Evidence::NotFound => "none",
            Evidence::Filtered { .. } => "filtered",
            Evidence::Shown { .. } => "shown",
        }
    }

    /// What a screen reader hears for the cell (the visible marks are hidden from it).
    pub fn describe(self) -> String {
        match self {
            Evidence::NotFound => "no evidence found".into(),
            Evidence::Filtered { total } => {
                format!("{} hidden by the filter", plural(total, "entry", "entries"))
            }
            Evidence::Shown { count, tier, .. } => {
                let mut s = plural(count, "entry", "entries");
                s.push_str(", strongest source: ");
                s.push_str(tier_phrase(tier));
                s
            }
        }
    }
}

/// "1 entry", "3 entries".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A row (layer) or column (tool) of the matrix, summed up.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LineSummary {
    /// Indexes along the other axis with evidence shown, and what each shows.
    pub shown: Vec<(usize, Evidence)>,
    /// Indexes with evidence the filter hides.
    pub filtered: Vec<usize>,
    /// Indexes with no evidence found.
    pub not_found: Vec<usize>,
    /// Entries shown along the line.
    pub entries: usize,
    /// Cells shown per strongest tier, in `Tier::ALL` order.
    pub by_tier: [usize; 4],
}

fn summarise(items: impl Iterator<Item = (usize, Evidence)>) -> LineSummary {
    let mut s = LineSummary::default();
    for (i, ev) in items {
        match ev {
            Evidence::NotFound => s.not_found.push(i),
            Evidence::Filtered { .. } => s.filtered.push(i),
            Evidence::Shown { count, tier, .. } => {
                s.entries += count;
                s.by_tier[tier as usize] += 1;
                s.shown.push((i, ev));
            }
        }
    }
    s
}

/// The summary of a layer across all tools.
pub fn row_summary(content: &Content, layer: usize, filter: TierFilter) -> LineSummary {
    summarise((0..content.tools.len()).map(|t| (t, Evidence::of(content, layer, t, filter))))
}

/// The summary of a tool across all layers.
pub fn column_summary(content: &Content, tool: usize, filter: TierFilter) -> LineSummary {
    summarise((0..content.layers.len()).map(|l| (l, Evidence::of(content, l, tool, filter))))
}

/// A row or column emphasised across the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Highlight {
    #[default]
    None,
    Layer(usize),
    Tool(usize),
}

impl Highlight {
    pub fn covers(self, layer: usize, tool: usize) -> bool {
        match self {
            Highlight::None => false,
            Highlight::Layer(l) => l == layer,
            Highlight::Tool(t) => t == tool,
        }
    }

    /// The value of the highlight `<select>`: "", "layer:<id>" or "tool:<id>".
    pub fn value(self, content: &Content) -> String {
        match self {
            Highlight::None => String::new(),
            Highlight::Layer(l) => format!("layer:{}", content.layers[l].id),
            Highlight::Tool(t) => format!("tool:{}", content.tools[t].id),
        }
    }

    /// Parses a `<select>` value; anything unknown is no highlight.
    pub fn parse(value: &str, content: &Content) -> Highlight {
        match value.split_once(':') {
            Some(("layer", id)) => content.layer_index(id).map_or(Highlight::None, Highlight::Layer),
            Some(("tool", id)) => content.tool_index(id).map_or(Highlight::None, Highlight::Tool),
            _ => Highlight::None,
        }
    }

    /// What is emphasised: the reader's explicit choice, or else the row or column
    /// whose summary is open.
    pub fn effective(self, target: Option<ChartTarget>) -> Highlight {
        match (self, target) {
            (Highlight::None, Some(ChartTarget::Layer(l))) => Highlight::Layer(l),
            (Highlight::None, Some(ChartTarget::Tool(t))) => Highlight::Tool(t),
            (h, _) => h,
        }
    }
}

/// The index into `Content::cells` of the cell at (layer, tool), if evidenced.
pub fn cell_index(content: &Content, layer: usize, tool: usize) -> Option<usize> {
    content.cell(layer, tool).map(|c| content.cells.iter().position(|x| std::ptr::eq(x, c)).unwrap_or(0))
}

/// Timeline events linked to the cell at (layer, tool).
pub fn events_for_cell(content: &Content, layer: usize, tool: usize) -> Vec<usize> {
    let Some(ci) = cell_index(content, layer, tool) else {
        return Vec::new();
    };
    (0..content.timeline.len()).filter(|&e| content.timeline[e].cells.contains(&ci)).collect()
}

/// "Kyle Chan, transcript lines 999–1002".
pub fn quote_credit(source: &Source) -> String {
    let mut s = String::new();
    if let Some(sp) = source.speaker {
        s.push_str(sp.name());
    }
    if let Some((a, b)) = source.lines {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str(&line_range(a, b));
    }
    s
}

/// "transcript line 12" or "transcript lines 12–14".
pub fn line_range(a: u32, b: u32) -> String {
    if a == b {
        format!("transcript line {a}")
    } else {
        format!("transcript lines {a}\u{2013}{b}")
    }
}

/// One source as a line of plain text (for the CSV).
pub fn source_text(source: &Source) -> String {
    let mut s = String::from(source.tier.label());
    s.push_str(": ");
    match source.tier {
        Tier::Episode => {
            s.push_str(&quote_credit(source));
            s.push_str(": \u{201c}");
            s.push_str(source.quote.unwrap_or_default());
            s.push('\u{201d}');
        }
        Tier::Report => {
            s.push_str("RAND, Full Stack (2025): \u{201c}");
            s.push_str(source.quote.unwrap_or_default());
            s.push('\u{201d}');
        }
        Tier::Outside => {
            s.push_str(source.label.unwrap_or("outside source"));
            if let Some(u) = source.url {
                s.push_str(" <");
                s.push_str(u);
                s.push('>');
            }
        }
        Tier::Reconstruction => {}
    }
    if let Some(n) = source.note {
        if source.tier != Tier::Reconstruction {
            s.push_str(". ");
        }
        s.push_str(n);
    }
    if let Some(n) = source.speaker_note {
        s.push_str(" (");
        s.push_str(n);
        s.push(')');
    }
    s
}

/// The CSV's header row, in column order.
pub const CSV_COLUMNS: [&str; 13] = [
    "layer_id",
    "layer",
    "tool_id",
    "tool",
    "cell_tier",
    "cell_summary",
    "entry",
    "entry_chinese",
    "entry_text",
    "figures",
    "source_tiers",
    "sources",
    "urls",
];

/// Appends one CSV field, quoted when needed (RFC 4180: commas, quotes, line breaks;
/// quotes doubled).
pub fn push_csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        out.push('"');
        for c in field.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn push_csv_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_field(out, f);
    }
    out.push_str("\r\n");
}

/// The chart as CSV: a header row, then one row per entry of every evidenced cell
/// (layers top to bottom, tools left to right), with all its sources. Multiple values
/// in a field are separated by line breaks (sources) or "; " (figures, tiers, URLs).
/// Starts with a byte-order mark so spreadsheet apps read it as UTF-8.
pub fn csv(content: &Content) -> String {
    let mut out = String::from("\u{feff}");
    push_csv_row(&mut out, CSV_COLUMNS);
    for (l, layer) in content.layers.iter().enumerate() {
        for (t, tool) in content.tools.iter().enumerate() {
            let Some(cell) = content.cell(l, t) else { continue };
            for e in cell.entries {
                let figures = e.figures.join("; ");
                let tiers: Vec<&str> = e.sources.iter().map(|s| s.tier.id()).collect();
                let sources: Vec<String> = e.sources.iter().map(source_text).collect();
                let urls: Vec<&str> = e.sources.iter().filter_map(|s| s.url).collect();
                let (tiers, sources, urls) = (tiers.join("; "), sources.join("\n"), urls.join("; "));
                push_csv_row(
                    &mut out,
                    [
                        layer.id,
                        layer.name,
                        tool.id,
                        tool.name,
                        cell.tier.id(),
                        cell.summary,
                        e.title,
                        e.zh.unwrap_or(""),
                        e.text,
                        figures.as_str(),
                        tiers.as_str(),
                        sources.as_str(),
                        urls.as_str(),
                    ],
                );
            }
        }
    }
    out
}

/// A file name stem for downloads.
pub const EXPORT_NAME: &str = "full-stack-china-ai-policy";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::{Speaker, CONTENT};

    static SRC_EP: [Source; 2] = [
        Source {
            tier: Tier::Episode,
            quote: Some("we said \"this\", then that"),
            lines: Some((10, 12)),
            speaker: Some(Speaker::KyleChan),
            speaker_note: None,
            url: None,
            label: None,
            note: None,
        },
        Source {
            tier: Tier::Outside,
            quote: None,
            lines: None,
            speaker: None,
            speaker_note: None,
            url: Some("https://example.org/a?b=1,2"),
            label: Some("Example, 2025"),
            note: Some("Line one.\nLine two."),
        },
    ];
    static SRC_REC: [Source; 1] = [Source {
        tier: Tier::Reconstruction,
        quote: None,
        lines: None,
        speaker: None,
        speaker_note: None,
        url: None,
        label: None,
        note: Some("our guess"),
    }];
    static ENTRIES_A: [Entry; 2] = [
        Entry { title: "Fund, big", zh: Some("基金"), text: "Text", figures: &["$1", "2025"], sources: &SRC_EP },
        Entry { title: "Guess", zh: None, text: "Maybe", figures: &[], sources: &SRC_REC },
    ];
    static ENTRIES_B: [Entry; 1] =
        [Entry { title: "Only a guess", zh: None, text: "Maybe not", figures: &[], sources: &SRC_REC }];
    static TINY: Content = Content {
        layers: &[
            crate::model::Layer { id: "top", name: "Top", description: "" },
            crate::model::Layer { id: "bottom", name: "Bottom", description: "" },
        ],
        tools: &[
            crate::model::Tool { id: "a", name: "Tool A", short: "A", report_wording: None, description: "" },
            crate::model::Tool { id: "b", name: "Tool B", short: "B", report_wording: None, description: "" },
        ],
        cells: &[
            Cell { layer: 0, tool: 1, tier: Tier::Episode, summary: "s1", entries: &ENTRIES_A, questions: &[] },
            Cell { layer: 1, tool: 1, tier: Tier::Reconstruction, summary: "s2", entries: &ENTRIES_B, questions: &[] },
        ],
        grid: &[u16::MAX, 0, u16::MAX, 1],
        sections: &[],
        questions: &[],
        timeline: &[],
    };

    const EP: TierFilter = TierFilter(Tier::Episode);
    const ALL: TierFilter = TierFilter(Tier::Reconstruction);

    #[test]
    fn evidence_counts_entries_and_takes_the_strongest_tier() {
        assert_eq!(Evidence::of(&TINY, 0, 0, ALL), Evidence::NotFound);
        assert_eq!(Evidence::of(&TINY, 0, 1, ALL), Evidence::Shown { count: 2, total: 2, tier: Tier::Episode });
        assert_eq!(Evidence::of(&TINY, 1, 1, ALL), Evidence::Shown { count: 1, total: 1, tier: Tier::Reconstruction });
        // Out of range is no evidence, not a panic.
        assert_eq!(Evidence::of(&TINY, 9, 9, ALL), Evidence::NotFound);
    }

    #[test]
    fn the_filter_hides_entries_without_an_admitted_source() {
        assert_eq!(Evidence::of(&TINY, 0, 1, EP), Evidence::Shown { count: 1, total: 2, tier: Tier::Episode });
        assert_eq!(Evidence::of(&TINY, 1, 1, EP), Evidence::Filtered { total: 1 });
        assert_eq!(Evidence::of(&TINY, 0, 0, EP), Evidence::NotFound, "filtering never invents evidence");
        let cell = TINY.cell(0, 1).unwrap();
        let titles: Vec<_> = shown_entries(cell, EP).map(|e| e.title).collect();
        assert_eq!(titles, ["Fund, big"]);
        let tiers: Vec<_> = shown_sources(&cell.entries[0], EP).map(|s| s.tier).collect();
        assert_eq!(tiers, [Tier::Episode], "the outside source is hidden under 'episode only'");
    }

    #[test]
    fn shading_is_darker_for_stronger_tiers_and_zero_when_nothing_shows() {
        let shade = |tier| Evidence::Shown { count: 1, total: 1, tier }.shade();
        assert!(shade(Tier::Episode) > shade(Tier::Report));
        assert!(shade(Tier::Report) > shade(Tier::Outside));
        assert!(shade(Tier::Outside) > shade(Tier::Reconstruction));
        assert!(shade(Tier::Reconstruction) > 0);
        assert_eq!(Evidence::NotFound.shade(), 0);
        assert_eq!(Evidence::Filtered { total: 3 }.shade(), 0);
    }

    #[test]
    fn tier_phrases_are_the_labels_in_lower_case() {
        for t in Tier::ALL {
            assert_eq!(tier_phrase(t), t.label().to_lowercase());
        }
    }

    #[test]
    fn descriptions_say_no_evidence_found_not_none_exists() {
        assert_eq!(Evidence::NotFound.describe(), "no evidence found");
        assert_eq!(Evidence::Filtered { total: 1 }.describe(), "1 entry hidden by the filter");
        assert_eq!(
            Evidence::Shown { count: 3, total: 3, tier: Tier::Episode }.describe(),
            "3 entries, strongest source: said in the episode"
        );
    }

    #[test]
    fn row_and_column_summaries_split_shown_filtered_and_not_found() {
        let r = row_summary(&TINY, 0, ALL);
        assert_eq!(r.not_found, [0]);
        assert_eq!(r.shown.len(), 1);
        assert_eq!(r.entries, 2);
        let c = column_summary(&TINY, 1, EP);
        assert_eq!(c.shown.iter().map(|x| x.0).collect::<Vec<_>>(), [0]);
        assert_eq!(c.filtered, [1]);
        assert_eq!(c.by_tier, [1, 0, 0, 0]);
        let c = column_summary(&TINY, 0, ALL);
        assert_eq!(c.not_found, [0, 1]);
    }

    #[test]
    fn summaries_add_up_over_the_real_content() {
        let c = &CONTENT;
        let entries: usize = c.cells.iter().map(|x| x.entries.len()).sum();
        let by_rows: usize = (0..c.layers.len()).map(|l| row_summary(c, l, ALL).entries).sum();
        let by_cols: usize = (0..c.tools.len()).map(|t| column_summary(c, t, ALL).entries).sum();
        assert_eq!(by_rows, entries);
        assert_eq!(by_cols, entries);
        for l in 0..c.layers.len() {
            let r = row_summary(c, l, ALL);
            assert_eq!(r.shown.len() + r.filtered.len() + r.not_found.len(), c.tools.len());
            assert!(r.filtered.is_empty(), "nothing is filtered when everything is shown");
        }
        // Episode-only shows fewer entries, but never more.
        let ep: usize = (0..c.layers.len()).map(|l| row_summary(c, l, EP).entries).sum();
        assert!(ep < entries && ep > 0);
    }

    #[test]
    fn highlight_follows_an_open_summary_unless_the_reader_chose_one() {
        assert_eq!(Highlight::None.effective(Some(ChartTarget::Layer(2))), Highlight::Layer(2));
        assert_eq!(Highlight::None.effective(Some(ChartTarget::Tool(1))), Highlight::Tool(1));
        assert_eq!(Highlight::None.effective(Some(ChartTarget::Cell(1, 1))), Highlight::None);
        assert_eq!(Highlight::Tool(3).effective(Some(ChartTarget::Layer(2))), Highlight::Tool(3));
        assert!(Highlight::Layer(1).covers(1, 0) && !Highlight::Layer(1).covers(0, 1));
        assert!(Highlight::Tool(1).covers(0, 1) && !Highlight::Tool(1).covers(1, 0));
    }

    #[test]
    fn highlight_values_round_trip_and_junk_is_no_highlight() {
        for h in [Highlight::None, Highlight::Layer(1), Highlight::Tool(0)] {
            assert_eq!(Highlight::parse(&h.value(&TINY), &TINY), h);
        }
        for junk in ["layer:nope", "tool:", "x:a", "<b>", "layer"] {
            assert_eq!(Highlight::parse(junk, &TINY), Highlight::None, "{junk}");
        }
    }

    /// A small RFC 4180 reader, independent of the writer, for the tests.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(field.is_empty() && row.is_empty(), "file ends with a line break");
        rows
    }

    #[test]
    fn csv_has_one_row_per_entry_with_sources_and_quotes_what_needs_quoting() {
        let text = csv(&TINY);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"Fund, big\""), "a comma forces quotes");
        assert!(text.contains("\"\"this\"\""), "quotes are doubled");
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len(), 1 + 3);
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        let first = &rows[1];
        assert_eq!(first[col("layer")], "Top");
        assert_eq!(first[col("tool")], "Tool B");
        assert_eq!(first[col("entry")], "Fund, big");
        assert_eq!(first[col("entry_chinese")], "基金");
        assert_eq!(first[col("figures")], "$1; 2025");
        assert_eq!(first[col("source_tiers")], "episode; outside");
        assert_eq!(first[col("urls")], "https://example.org/a?b=1,2");
        let sources: Vec<&str> = first[col("sources")].split('\n').collect();
        assert_eq!(sources[0], "Said in the episode: Kyle Chan, transcript lines 10\u{2013}12: \u{201c}we said \"this\", then that\u{201d}");
        assert!(sources[1].starts_with("Outside source: Example, 2025 <https://example.org/a?b=1,2>. Line one."));
        assert_eq!(rows[3][col("layer")], "Bottom");
        assert_eq!(rows[3][col("sources")], "Reconstruction (our inference): our guess");
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
    }

    #[test]
    fn csv_of_the_real_content_covers_every_entry() {
        let text = csv(&CONTENT);
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        let entries: usize = CONTENT.cells.iter().map(|c| c.entries.len()).sum();
        assert_eq!(rows.len(), entries + 1);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        for cell in CONTENT.cells {
            let (layer, tool) = (CONTENT.layers[cell.layer].id, CONTENT.tools[cell.tool].id);
            let n = rows.iter().filter(|r| r[0] == layer && r[2] == tool).count();
            assert_eq!(n, cell.entries.len(), "{layer}/{tool}");
        }
    }

    #[test]
    fn events_are_linked_to_cells() {
        let c = &CONTENT;
        for (ei, e) in c.timeline.iter().enumerate() {
            for &ci in e.cells {
                let cell = &c.cells[ci];
                assert!(events_for_cell(c, cell.layer, cell.tool).contains(&ei));
            }
        }
        assert!(events_for_cell(&TINY, 0, 0).is_empty());
    }
}
