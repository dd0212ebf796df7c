//! The chart as CSV (`full-stack.csv`): one row per claim of every evidenced cell, with
//! the claim's tier and its sources. RFC 4180 quoting, UTF-8 with a byte-order mark so
//! spreadsheet apps read it as UTF-8.

use crate::model::chart::quote_credit;
use crate::model::content::{Claim, ClaimKind, Content, Source, Tier};

/// The header row, in column order.
pub const CSV_COLUMNS: [&str; 13] = [
    "layer_id",
    "layer",
    "tool_id",
    "tool",
    "cell_tier",
    "entry",
    "claim_kind",
    "claim",
    "claim_chinese",
    "claim_tier",
    "source_tiers",
    "sources",
    "urls",
];

/// One source as a line of plain text.
pub fn source_text(source: &Source) -> String {
    let mut s = String::from(source.tier.label());
    s.push_str(": ");
    match source.tier {
        Tier::Episode => {
            s.push_str(&quote_credit(source));
            s.push_str(": \u{201c}");
            s.push_str(source.quote.as_deref().unwrap_or_default());
            s.push('\u{201d}');
        }
        Tier::Report => {
            s.push_str("RAND, Full Stack (2025): \u{201c}");
            s.push_str(source.quote.as_deref().unwrap_or_default());
            s.push('\u{201d}');
        }
        Tier::Outside => {
            s.push_str(source.label.as_deref().unwrap_or("outside source"));
            if let Some(u) = &source.url {
                s.push_str(" <");
                s.push_str(u);
                s.push('>');
            }
        }
        Tier::Reconstruction => {}
    }
    if let Some(n) = &source.note {
        if source.tier != Tier::Reconstruction {
            s.push_str(". ");
        }
        s.push_str(n);
    }
    if let Some(n) = &source.speaker_note {
        s.push_str(" (");
        s.push_str(n);
        s.push(')');
    }
    s
}

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

/// The chart as CSV: a header row, then, for every evidenced cell (layers top to bottom,
/// tools left to right), its summary sentences and each entry's title and claims, one
/// row each, with the claim's tier and its sources (several sources are separated by line
/// breaks; their tiers and URLs by "; ").
pub fn csv(content: &Content) -> String {
    let mut out = String::from("\u{feff}");
    push_csv_row(&mut out, CSV_COLUMNS);
    for layer in content.layer_ixs() {
        for tool in content.tool_ixs() {
            let Some(cell) = content.cell_at(layer, tool) else { continue };
            let (l, t) = (content.layer(layer), content.tool(tool));
            let mut row = |entry: &str, kind: &str, claim: &Claim| {
                let sources: Vec<&Source> = claim.by.iter().filter_map(|&b| cell.sources.get(b as usize)).collect();
                let tiers: Vec<&str> = sources.iter().map(|s| s.tier.id()).collect();
                let texts: Vec<String> = sources.iter().map(|s| source_text(s)).collect();
                let urls: Vec<&str> = sources.iter().filter_map(|s| s.url.as_deref()).collect();
                push_csv_row(
                    &mut out,
                    [
                        &*l.id,
                        &*l.name,
                        &*t.id,
                        &*t.name,
                        cell.tier.id(),
                        entry,
                        kind,
                        &*claim.text,
                        claim.zh.as_deref().unwrap_or(""),
                        claim.tier.id(),
                        tiers.join("; ").as_str(),
                        texts.join("\n").as_str(),
                        urls.join("; ").as_str(),
                    ],
                );
            };
            for s in cell.summary.iter() {
                row("", "summary", s);
            }
            for e in cell.entries.iter() {
                row(&e.title.text, "title", &e.title);
                for c in e.claims.iter() {
                    let kind = match c.kind {
                        ClaimKind::Text => "text",
                        ClaimKind::Figure => "figure",
                        ClaimKind::Name => "name",
                    };
                    row(&e.title.text, kind, c);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::fixture::TINY;
    use crate::model::CONTENT;

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
    fn one_row_per_claim_with_its_tier_and_sources_quoted_where_needed() {
        let text = csv(&TINY);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"Fund, big\""), "a comma forces quotes");
        assert!(text.contains("\"\"this\"\""), "quotes are doubled");
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        assert_eq!(rows[0], CSV_COLUMNS);
        // Cell 1: 2 summary sentences, entry 1 (title + 3 claims), entry 2 (title + 1);
        // cell 2: 1 summary sentence, title + 1 claim.
        assert_eq!(rows.len(), 1 + 2 + 4 + 2 + 1 + 2);
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        let title = &rows[3];
        assert_eq!((title[col("layer")].as_str(), title[col("tool")].as_str()), ("Top", "Tool B"));
        assert_eq!((title[col("claim_kind")].as_str(), title[col("claim")].as_str()), ("title", "Fund, big"));
        assert_eq!(title[col("claim_chinese")], "基金");
        assert_eq!(title[col("claim_tier")], "episode");
        assert_eq!(title[col("source_tiers")], "episode; outside");
        assert_eq!(title[col("urls")], "https://example.org/a?b=1,2");
        let sources: Vec<&str> = title[col("sources")].split('\n').collect();
        assert_eq!(
            sources[0],
            "Said in the episode: Kyle Chan, transcript lines 10\u{2013}12: \u{201c}we said \"this\", then that\u{201d}"
        );
        assert!(sources[1].starts_with("Outside source: Example, 2025 <https://example.org/a?b=1,2>. Line one."));
        // The figure "2025" rests on the outside source alone: its row says so.
        let year = rows.iter().find(|r| r[col("claim")] == "2025").unwrap();
        assert_eq!((year[col("claim_kind")].as_str(), year[col("claim_tier")].as_str()), ("figure", "outside"));
        assert_eq!(year[col("entry")], "Fund, big");
        let summary = &rows[2];
        assert_eq!((summary[col("claim_kind")].as_str(), summary[col("entry")].as_str()), ("summary", ""));
        assert_eq!(rows.last().unwrap()[col("sources")], "Reconstruction (our inference): our guess");
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
    }

    #[test]
    fn the_real_content_has_a_row_for_every_claim() {
        let text = csv(&CONTENT);
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        let claims: usize = CONTENT
            .cells
            .iter()
            .map(|c| c.summary.len() + c.entries.iter().map(|e| 1 + e.claims.len()).sum::<usize>())
            .sum();
        assert_eq!(rows.len(), claims + 1);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        assert!(rows[1..].iter().all(|r| !r[9].is_empty() && !r[11].is_empty()), "every claim has a tier and sources");
    }
}
