//! Coverage of the episode: what the widget cites, section by section.
//!
//! - `inventory.toml` lists every substantive claim of the episode; each must be cited by
//!   something a reader can reach (a quiz question, a key point, a chart cell, a timeline
//!   event), that is, something must quote lines overlapping the item's.
//! - An uncited stretch longer than [`MAX_GAP`] lines must be explained in `coverage.toml`
//!   (small talk, repetition...); a reason for a stretch that is now cited is stale.

use std::fmt::Write as _;

use super::super::schema::{CoverageFile, InventoryFile};
use super::super::types::{Citation, Section};
use super::super::{COVERAGE, INVENTORY};
use super::Ctx;

/// The longest stretch of the transcript that may stay uncited without a reason.
pub const MAX_GAP: u32 = 40;

const KINDS: [&str; 6] = ["argument", "figure", "name", "date", "example", "comparison"];

/// A stretch of lines (first, last).
pub type Span = (u32, u32);

pub struct SectionCoverage {
    pub title: String,
    pub lines: Span,
    /// Cited stretches, merged.
    pub cited: Vec<Span>,
    /// Uncited stretches longer than `MAX_GAP`, with the reason given.
    pub gaps: Vec<(Span, String)>,
    /// Inventory items in this section.
    pub items: usize,
}

pub struct Coverage {
    pub sections: Vec<SectionCoverage>,
    pub items: usize,
    pub cited_lines: u32,
    pub total_lines: u32,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// The cited stretches within `within`, merged and sorted.
fn cited_in(citations: &[Citation], within: Span) -> Vec<Span> {
    let mut spans: Vec<Span> = citations
        .iter()
        .filter(|c| overlaps(c.lines, within))
        .map(|c| (c.lines.0.max(within.0), c.lines.1.min(within.1)))
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<Span> = Vec::new();
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.0 <= last.1 + 1 => last.1 = last.1.max(s.1),
            _ => merged.push(s),
        }
    }
    merged
}

/// The stretches of `within` not in `cited`.
fn uncited(cited: &[Span], within: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut next = within.0;
    for &(a, b) in cited {
        if a > next {
            out.push((next, a - 1));
        }
        next = next.max(b + 1);
    }
    if next <= within.1 {
        out.push((next, within.1));
    }
    out
}

pub fn check(ctx: &mut Ctx<'_>, inventory: &InventoryFile, gaps: &CoverageFile, sections: &[Section]) -> Coverage {
    let n = ctx.transcript.line_count;
    for (i, item) in inventory.item.iter().enumerate() {
        let entry = format!("item {} (lines {}-{})", i + 1, item.lines[0], item.lines[1]);
        let span = (item.lines[0], item.lines[1]);
        if span.0 == 0 || span.0 > span.1 || span.1 > n {
            ctx.err(INVENTORY, &entry, format!("lines are not a range within the transcript's {n} lines"));
            continue;
        }
        if !KINDS.contains(&item.kind.as_str()) {
            ctx.err(INVENTORY, &entry, format!("kind \"{}\" must be one of {}", item.kind, KINDS.join(", ")));
        }
        ctx.text(INVENTORY, &entry, "what", &item.what);
        if !ctx.citations.iter().any(|c| overlaps(c.lines, span)) {
            ctx.err(
                INVENTORY,
                &entry,
                format!(
                    "\"{}\" is cited by nothing a reader can reach: quote lines {}-{} in a key point, a question, a chart entry or a timeline event",
                    item.what, span.0, span.1
                ),
            );
        }
    }
    let mut used = vec![false; gaps.gap.len()];
    let mut out = Vec::new();
    let mut cited_lines = 0;
    for s in sections {
        let cited = cited_in(&ctx.citations, s.lines);
        cited_lines += cited.iter().map(|(a, b)| b - a + 1).sum::<u32>();
        let mut long = Vec::new();
        for span in uncited(&cited, s.lines) {
            if span.1 - span.0 < MAX_GAP {
                continue;
            }
            match gaps.gap.iter().position(|g| g.lines[0] <= span.0 && span.1 <= g.lines[1]) {
                Some(g) => {
                    used[g] = true;
                    long.push((span, gaps.gap[g].reason.trim().to_string()));
                }
                None => ctx.err(
                    COVERAGE,
                    &format!("section \"{}\"", s.id),
                    format!(
                        "lines {}-{} ({} lines) are cited by nothing: cite them, or add a [[gap]] with lines = [{}, {}] and a one-line reason",
                        span.0,
                        span.1,
                        span.1 - span.0 + 1,
                        span.0,
                        span.1
                    ),
                ),
            }
        }
        let items = inventory.item.iter().filter(|i| i.lines[0] >= s.lines.0 && i.lines[0] <= s.lines.1).count();
        out.push(SectionCoverage { title: s.title.to_string(), lines: s.lines, cited, gaps: long, items });
    }
    for (g, gap) in gaps.gap.iter().enumerate() {
        let entry = format!("gap {}-{}", gap.lines[0], gap.lines[1]);
        ctx.text(COVERAGE, &entry, "reason", &gap.reason);
        if !used[g] {
            ctx.err(
                COVERAGE,
                &entry,
                "no uncited stretch longer than 40 lines lies within it any more: remove it or fit it to what is uncited",
            );
        }
    }
    Coverage { sections: out, items: inventory.item.len(), cited_lines, total_lines: n }
}

fn spans(list: &[Span]) -> String {
    let parts: Vec<String> =
        list.iter().map(|(a, b)| if a == b { a.to_string() } else { format!("{a}\u{2013}{b}") }).collect();
    parts.join(", ")
}

impl Coverage {
    /// Stretches longer than `MAX_GAP` left uncited, with reasons.
    pub fn gaps(&self) -> usize {
        self.sections.iter().map(|s| s.gaps.len()).sum()
    }

    /// The report committed as `content/COVERAGE.md` (`make coverage` writes it).
    pub fn report(&self) -> String {
        let mut out = String::new();
        let pct = 100.0 * self.cited_lines as f64 / self.total_lines.max(1) as f64;
        let _ = writeln!(out, "# Coverage of the episode\n");
        let _ = writeln!(
            out,
            "Generated by `make coverage` from `content/` (do not edit by hand; `cargo test` fails when it is stale).\n"
        );
        let _ = writeln!(
            out,
            "{} of {} transcript lines ({pct:.0}%) are quoted by a quiz question, a key point, a chart cell or a timeline event. \
             {} inventory items (`content/inventory.toml`), every one cited. {} uncited stretches longer than {MAX_GAP} lines, each with its reason \
             (`content/coverage.toml`).\n",
            self.cited_lines,
            self.total_lines,
            self.items,
            self.gaps()
        );
        for s in &self.sections {
            let _ = writeln!(out, "## {} (lines {}\u{2013}{})\n", s.title, s.lines.0, s.lines.1);
            let _ = writeln!(out, "- inventory items: {}", s.items);
            let _ = writeln!(out, "- cited: {}", if s.cited.is_empty() { "nothing".into() } else { spans(&s.cited) });
            if s.gaps.is_empty() {
                let _ = writeln!(out, "- uncited stretches over {MAX_GAP} lines: none");
            } else {
                let _ = writeln!(out, "- uncited stretches over {MAX_GAP} lines:");
                for ((a, b), reason) in &s.gaps {
                    let _ = writeln!(out, "  - {a}\u{2013}{b} ({} lines): {reason}", b - a + 1);
                }
            }
            out.push('\n');
        }
        out
    }
}
