//! Pure logic behind the chart: what each cell shows under a provenance filter, claim by
//! claim; row and column summaries; highlighting. No DOM here; the views only render
//! what these functions return.

use super::content::{Cell, Claim, Content, Entry, LayerIx, Source, Tier, ToolIx};
use super::route::ChartTarget;

/// Which evidence is shown: claims with a source at this tier or a stronger one.
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

    /// The value of the `evidence` option (attribute or query parameter) for this filter.
    pub fn option(self) -> &'static str {
        match self.0 {
            Tier::Reconstruction => "all",
            Tier::Outside => "sourced",
            Tier::Report => "episode-report",
            Tier::Episode => "episode",
        }
    }

    /// Reads the `evidence` option: `all`, `sourced`, `episode-report` or `episode`.
    pub fn parse_option(value: &str) -> Option<TierFilter> {
        TierFilter::ALL.into_iter().find(|f| f.option() == value)
    }

    /// Whether `claim` is shown: one of its sources is at an admitted tier.
    pub fn shows(self, claim: &Claim) -> bool {
        self.admits(claim.tier)
    }

    /// The positions (among the owner's `sources`) of the sources of `claim` the filter
    /// admits: what the claim's reference marks point to.
    pub fn refs<'a>(self, claim: &'a Claim, sources: &'a [Source]) -> impl Iterator<Item = usize> + 'a {
        claim.by.iter().map(|&b| b as usize).filter(move |&b| sources.get(b).is_some_and(|s| self.admits(s.tier)))
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

/// Whether an entry is shown: its title is (and nothing under a hidden title is shown).
pub fn entry_shown(entry: &Entry, filter: TierFilter) -> bool {
    filter.shows(&entry.title)
}

/// The entries of `cell` the filter admits.
pub fn shown_entries(cell: &Cell, filter: TierFilter) -> impl Iterator<Item = &Entry> {
    cell.entries.iter().filter(move |e| entry_shown(e, filter))
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
    pub fn of(content: &Content, layer: LayerIx, tool: ToolIx, filter: TierFilter) -> Evidence {
        let Some(cell) = content.cell_at(layer, tool) else {
            return Evidence::NotFound;
        };
        let total = cell.entries.len();
        let shown = shown_entries(cell, filter);
        let (count, tier) = shown.fold((0, Tier::Reconstruction), |(n, t), e| (n + 1, t.min(e.title.tier)));
        if count == 0 {
            Evidence::Filtered { total }
        } else {
            Evidence::Shown { count, total, tier }
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
            Evidence::Filtered { total } => format!("{} hidden by the filter", plural(total, "entry", "entries")),
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

/// A row (layer) or column (tool) of the matrix, summed up. `T` is the index along the
/// other axis: tools for a row, layers for a column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineSummary<T> {
    /// Positions along the line with evidence shown, and what each shows.
    pub shown: Vec<(T, Evidence)>,
    /// Positions with evidence the filter hides.
    pub filtered: Vec<T>,
    /// Positions with no evidence found.
    pub not_found: Vec<T>,
    /// Entries shown along the line.
    pub entries: usize,
    /// Cells shown per strongest tier, in `Tier::ALL` order.
    pub by_tier: [usize; 4],
}

fn summarise<T>(items: impl Iterator<Item = (T, Evidence)>) -> LineSummary<T> {
    let mut s =
        LineSummary { shown: Vec::new(), filtered: Vec::new(), not_found: Vec::new(), entries: 0, by_tier: [0; 4] };
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
pub fn row_summary(content: &Content, layer: LayerIx, filter: TierFilter) -> LineSummary<ToolIx> {
    summarise(content.tool_ixs().map(|t| (t, Evidence::of(content, layer, t, filter))))
}

/// The summary of a tool across all layers.
pub fn column_summary(content: &Content, tool: ToolIx, filter: TierFilter) -> LineSummary<LayerIx> {
    summarise(content.layer_ixs().map(|l| (l, Evidence::of(content, l, tool, filter))))
}

/// A row or column emphasised across the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Highlight {
    #[default]
    None,
    Layer(LayerIx),
    Tool(ToolIx),
}

impl Highlight {
    /// Whether the cell at (layer, tool) is emphasised.
    pub fn covers(self, layer: LayerIx, tool: ToolIx) -> bool {
        match self {
            Highlight::None => false,
            Highlight::Layer(l) => l == layer,
            Highlight::Tool(t) => t == tool,
        }
    }

    /// The value of the highlight `<select>`: "", `layer:<id>` or `tool:<id>`.
    pub fn value(self, content: &Content) -> String {
        match self {
            Highlight::None => String::new(),
            Highlight::Layer(l) => format!("layer:{}", content.layer(l).id),
            Highlight::Tool(t) => format!("tool:{}", content.tool(t).id),
        }
    }

    /// Parses a `<select>` value; anything unknown is no highlight.
    pub fn parse(value: &str, content: &Content) -> Highlight {
        match value.split_once(':') {
            Some(("layer", id)) => content.layer_ix(id).map_or(Highlight::None, Highlight::Layer),
            Some(("tool", id)) => content.tool_ix(id).map_or(Highlight::None, Highlight::Tool),
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

/// The fragment of the transcript page that opens lines `a`–`b` highlighted: `L12` or
/// `L12-14`.
pub fn transcript_anchor(a: u32, b: u32) -> String {
    if a == b {
        format!("L{a}")
    } else {
        format!("L{a}-{b}")
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A tiny chart for tests: two layers, two tools, two evidenced cells.
    use std::borrow::Cow::Borrowed as B;

    use crate::model::content::*;

    pub static SOURCES_A: [Source; 3] = [
        Source {
            tier: Tier::Episode,
            quote: Some(B("we said \"this\", then that")),
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
            url: Some(B("https://example.org/a?b=1,2")),
            label: Some(B("Example, 2025")),
            note: Some(B("Line one.\nLine two.")),
        },
        Source {
            tier: Tier::Reconstruction,
            quote: None,
            lines: None,
            speaker: None,
            speaker_note: None,
            url: None,
            label: None,
            note: Some(B("our guess")),
        },
    ];

    const fn claim(kind: ClaimKind, text: &'static str, by: &'static [u8], tier: Tier) -> Claim {
        Claim { kind, text: B(text), zh: None, by: B(by), tier }
    }

    pub static CELLS: [Cell; 2] = [
        Cell {
            layer: LayerIx::at(0),
            tool: ToolIx::at(1),
            tier: Tier::Episode,
            summary: B(&[
                claim(ClaimKind::Text, "Said: a big fund.", &[0], Tier::Episode),
                claim(ClaimKind::Text, "It was announced in 2025.", &[1], Tier::Outside),
            ]),
            entries: B(&[
                Entry {
                    title: Claim {
                        kind: ClaimKind::Text,
                        text: B("Fund, big"),
                        zh: Some(B("基金")),
                        by: B(&[0, 1]),
                        tier: Tier::Episode,
                    },
                    claims: B(&[
                        claim(ClaimKind::Text, "Kyle says it is big.", &[0], Tier::Episode),
                        claim(ClaimKind::Figure, "$1", &[0], Tier::Episode),
                        claim(ClaimKind::Figure, "2025", &[1], Tier::Outside),
                    ]),
                    sources: B(&[0, 1]),
                },
                Entry {
                    title: claim(ClaimKind::Text, "Guess", &[2], Tier::Reconstruction),
                    claims: B(&[claim(ClaimKind::Text, "Maybe", &[2], Tier::Reconstruction)]),
                    sources: B(&[2]),
                },
            ]),
            sources: B(&SOURCES_A),
            questions: B(&[]),
            events: B(&[]),
        },
        Cell {
            layer: LayerIx::at(1),
            tool: ToolIx::at(1),
            tier: Tier::Reconstruction,
            summary: B(&[claim(ClaimKind::Text, "Only a guess.", &[0], Tier::Reconstruction)]),
            entries: B(&[Entry {
                title: claim(ClaimKind::Text, "Only a guess", &[0], Tier::Reconstruction),
                claims: B(&[claim(ClaimKind::Text, "Maybe not", &[0], Tier::Reconstruction)]),
                sources: B(&[0]),
            }]),
            sources: B(&[Source {
                tier: Tier::Reconstruction,
                quote: None,
                lines: None,
                speaker: None,
                speaker_note: None,
                url: None,
                label: None,
                note: Some(B("our guess")),
            }]),
            questions: B(&[]),
            events: B(&[]),
        },
    ];

    pub static TINY: Content = Content {
        layers: B(&[
            Layer { id: B("top"), name: B("Top"), description: B("") },
            Layer { id: B("bottom"), name: B("Bottom"), description: B("") },
        ]),
        tools: B(&[
            Tool { id: B("a"), name: B("Tool A"), short: B("A"), report_wording: None, description: B("") },
            Tool { id: B("b"), name: B("Tool B"), short: B("B"), report_wording: None, description: B("") },
        ]),
        cells: B(&CELLS),
        grid: B(&[None, Some(CellIx::at(0)), None, Some(CellIx::at(1))]),
        question_ids: B(&[]),
        event_ids: B(&[]),
        section_ids: B(&[]),
        data_version: B(""),
    };
}

#[cfg(test)]
mod tests {
    use super::fixture::TINY;
    use super::*;
    use crate::model::content::CONTENT;

    const EP: TierFilter = TierFilter(Tier::Episode);
    const ALL: TierFilter = TierFilter(Tier::Reconstruction);
    const L: fn(usize) -> LayerIx = LayerIx::at;
    const T: fn(usize) -> ToolIx = ToolIx::at;

    #[test]
    fn evidence_counts_entries_and_takes_the_strongest_tier() {
        assert_eq!(Evidence::of(&TINY, L(0), T(0), ALL), Evidence::NotFound);
        assert_eq!(Evidence::of(&TINY, L(0), T(1), ALL), Evidence::Shown { count: 2, total: 2, tier: Tier::Episode });
        assert_eq!(
            Evidence::of(&TINY, L(1), T(1), ALL),
            Evidence::Shown { count: 1, total: 1, tier: Tier::Reconstruction }
        );
        // Out of range is no evidence, not a panic.
        assert_eq!(Evidence::of(&TINY, L(9), T(9), ALL), Evidence::NotFound);
    }

    #[test]
    fn the_filter_hides_claims_without_an_admitted_source() {
        assert_eq!(Evidence::of(&TINY, L(0), T(1), EP), Evidence::Shown { count: 1, total: 2, tier: Tier::Episode });
        assert_eq!(Evidence::of(&TINY, L(1), T(1), EP), Evidence::Filtered { total: 1 });
        assert_eq!(Evidence::of(&TINY, L(0), T(0), EP), Evidence::NotFound, "filtering never invents evidence");
        let cell = TINY.cell_at(L(0), T(1)).unwrap();
        let titles: Vec<&str> = shown_entries(cell, EP).map(|e| &*e.title.text).collect();
        assert_eq!(titles, ["Fund, big"]);
        // Claim by claim: the outside-sourced figure and summary sentence go.
        let figures: Vec<&str> = cell.entries[0].claims.iter().filter(|c| EP.shows(c)).map(|c| &*c.text).collect();
        assert_eq!(figures, ["Kyle says it is big.", "$1"]);
        let summary: Vec<&str> = cell.summary.iter().filter(|c| EP.shows(c)).map(|c| &*c.text).collect();
        assert_eq!(summary, ["Said: a big fund."]);
        // A claim's marks point only at admitted sources.
        assert_eq!(EP.refs(&cell.entries[0].title, &cell.sources).collect::<Vec<_>>(), [0]);
        assert_eq!(ALL.refs(&cell.entries[0].title, &cell.sources).collect::<Vec<_>>(), [0, 1]);
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
        let r = row_summary(&TINY, L(0), ALL);
        assert_eq!(r.not_found, [T(0)]);
        assert_eq!(r.shown.len(), 1);
        assert_eq!(r.entries, 2);
        let c = column_summary(&TINY, T(1), EP);
        assert_eq!(c.shown.iter().map(|x| x.0).collect::<Vec<_>>(), [L(0)]);
        assert_eq!(c.filtered, [L(1)]);
        assert_eq!(c.by_tier, [1, 0, 0, 0]);
        let c = column_summary(&TINY, T(0), ALL);
        assert_eq!(c.not_found, [L(0), L(1)]);
    }

    #[test]
    fn summaries_add_up_over_the_real_content() {
        let c = &CONTENT;
        let entries: usize = c.cells.iter().map(|x| x.entries.len()).sum();
        let by_rows: usize = c.layer_ixs().map(|l| row_summary(c, l, ALL).entries).sum();
        let by_cols: usize = c.tool_ixs().map(|t| column_summary(c, t, ALL).entries).sum();
        assert_eq!(by_rows, entries);
        assert_eq!(by_cols, entries);
        for l in c.layer_ixs() {
            let r = row_summary(c, l, ALL);
            assert_eq!(r.shown.len() + r.filtered.len() + r.not_found.len(), c.tools.len());
            assert!(r.filtered.is_empty(), "nothing is filtered when everything is shown");
        }
        // Episode-only shows fewer entries, but never more.
        let ep: usize = c.layer_ixs().map(|l| row_summary(c, l, EP).entries).sum();
        assert!(ep < entries && ep > 0);
    }

    #[test]
    fn every_shown_claim_of_the_real_content_has_an_admitted_source() {
        for cell in CONTENT.cells.iter() {
            for f in TierFilter::ALL {
                let claims =
                    cell.summary
                        .iter()
                        .chain(shown_entries(cell, f).flat_map(|e| {
                            std::iter::once(&e.title).chain(e.claims.iter().filter(move |c| f.shows(c)))
                        }));
                for claim in claims.filter(|c| f.shows(c)) {
                    assert!(f.refs(claim, &cell.sources).next().is_some(), "{} under {}", claim.text, f.id());
                }
            }
        }
    }

    #[test]
    fn highlight_follows_an_open_summary_unless_the_reader_chose_one() {
        assert_eq!(Highlight::None.effective(Some(ChartTarget::Layer(L(2)))), Highlight::Layer(L(2)));
        assert_eq!(Highlight::None.effective(Some(ChartTarget::Tool(T(1)))), Highlight::Tool(T(1)));
        assert_eq!(Highlight::None.effective(Some(ChartTarget::Cell { layer: L(1), tool: T(1) })), Highlight::None);
        assert_eq!(Highlight::Tool(T(3)).effective(Some(ChartTarget::Layer(L(2)))), Highlight::Tool(T(3)));
        assert!(Highlight::Layer(L(1)).covers(L(1), T(0)) && !Highlight::Layer(L(1)).covers(L(0), T(1)));
        assert!(Highlight::Tool(T(1)).covers(L(0), T(1)) && !Highlight::Tool(T(1)).covers(L(1), T(0)));
    }

    #[test]
    fn highlight_values_round_trip_and_junk_is_no_highlight() {
        for h in [Highlight::None, Highlight::Layer(L(1)), Highlight::Tool(T(0))] {
            assert_eq!(Highlight::parse(&h.value(&TINY), &TINY), h);
        }
        for junk in ["layer:nope", "tool:", "x:a", "<b>", "layer"] {
            assert_eq!(Highlight::parse(junk, &TINY), Highlight::None, "{junk}");
        }
    }

    #[test]
    fn transcript_anchors_name_one_line_or_a_range() {
        assert_eq!(transcript_anchor(997, 997), "L997");
        assert_eq!(transcript_anchor(997, 999), "L997-999");
    }
}
