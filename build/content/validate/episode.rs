//! The episode itself: `names.toml` (garbled names and their corrections),
//! `sections.toml`, `turns.toml` (who speaks where) and `keypoints.toml`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::super::schema::{KeypointsFile, Name, SectionsFile, TurnsFile};
use super::super::types::{CellIx, Correction, Point, Section, SectionIx, Speaker, Turn};
use super::super::{KEYPOINTS, NAMES, SECTIONS, TURNS};
use super::{resolve, text, Ctx, CELL_REF};

/// Each garbled form must really be in the transcript at its lines. Returns the
/// corrections line by line (for the transcript page).
pub fn names(names: &[Name], transcript: &str, errors: &mut Vec<String>) -> Vec<Correction> {
    let all: Vec<&str> = transcript.lines().collect();
    let mut out = Vec::new();
    for n in names {
        let entry = format!("name \"{}\"", n.garbled);
        if n.garbled.trim().is_empty() || n.correct.trim().is_empty() {
            errors.push(format!("{NAMES}: {entry}: `garbled` and `correct` must not be empty"));
            continue;
        }
        if n.lines.is_empty() {
            errors.push(format!("{NAMES}: {entry}: `lines` is empty"));
        }
        for &l in &n.lines {
            let found = l >= 1
                && (l as usize) <= all.len()
                && all[l as usize - 1].to_lowercase().contains(&n.garbled.to_lowercase());
            if found {
                out.push(Correction { line: l, garbled: text(&n.garbled), correct: text(&n.correct) });
            } else {
                errors.push(format!("{NAMES}: {entry}: \"{}\" does not occur on transcript line {l}", n.garbled));
            }
        }
    }
    out.sort_by_key(|c| c.line);
    out
}

/// The episode's sections: in order, each a range of transcript lines, together covering
/// every line exactly once.
pub fn sections(ctx: &mut Ctx<'_>, f: &SectionsFile) -> Vec<Section> {
    let line_count = ctx.transcript.line_count;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut next = 1;
    for s in &f.section {
        let entry = format!("section \"{}\"", s.id);
        ctx.id(SECTIONS, "section", &s.id, &mut seen);
        ctx.text(SECTIONS, &entry, "title", &s.title);
        let [a, b] = s.lines;
        if a != next {
            ctx.err(
                SECTIONS,
                &entry,
                format!("starts at line {a}; it must start at line {next}, right after the section before"),
            );
        }
        if b < a || b > line_count {
            ctx.err(
                SECTIONS,
                &entry,
                format!("lines [{a}, {b}] are not a range within the transcript's {line_count} lines"),
            );
        }
        next = b + 1;
        out.push(Section { id: text(&s.id), title: text(&s.title), lines: (a, b) });
    }
    if out.is_empty() {
        ctx.err(SECTIONS, "file", "no [[section]] entries");
    } else if next != line_count + 1 {
        ctx.err(
            SECTIONS,
            "file",
            format!("the sections end at line {}; they must cover the transcript to line {line_count}", next - 1),
        );
    }
    if out.len() > u8::MAX as usize {
        ctx.err(SECTIONS, "file", "more than 255 sections");
    }
    out
}

/// A quote cited for something in `section` must lie within the section's lines.
pub fn within_section(ctx: &mut Ctx<'_>, file: &str, entry: &str, lines: [u32; 2], section: &Section) {
    let (a, b) = section.lines;
    if lines[0] < a || lines[1] > b {
        ctx.err(
            file,
            entry,
            format!(
                "quote lines {}-{} are outside its section \"{}\" (lines {a}-{b} in {SECTIONS})",
                lines[0], lines[1], section.id
            ),
        );
    }
}

/// Speaker turns: every transcript line in exactly one turn. A turn begins where the
/// transcript marks a change of speaker (">>"), or is marked `inferred` with a note.
pub fn turns(f: &TurnsFile, transcript: &str, errors: &mut Vec<String>) -> Vec<Turn> {
    let lines: Vec<&str> = transcript.lines().collect();
    let n = lines.len() as u32;
    let marked = |l: u32| lines.get(l as usize - 1).is_some_and(|t| t.trim_start().starts_with(">>"));
    let mut turns: Vec<Turn> = Vec::new();
    let mut err = |entry: String, problem: String| errors.push(format!("{TURNS}: {entry}: {problem}"));
    for (i, t) in f.turn.iter().enumerate() {
        let entry = format!("turn {} (from line {})", i + 1, t.from);
        let speaker = Speaker::parse(&t.speaker);
        if speaker.is_none() {
            err(entry.clone(), format!("unknown speaker \"{}\" (Kyle Chan or Gregory Allen)", t.speaker));
        }
        let prev = turns.last().map(|p| p.lines.0).unwrap_or(0);
        if i == 0 && t.from != 1 {
            err(entry.clone(), "the first turn must start at line 1".into());
        } else if t.from <= prev || t.from > n {
            err(entry.clone(), format!("`from` must be after the turn before (line {prev}) and within the {n} lines"));
            continue;
        }
        if t.inferred {
            if t.note.as_deref().map(str::trim).unwrap_or("").is_empty() {
                err(entry.clone(), "an inferred turn needs a `note` saying why the speaker changes here".into());
            }
        } else if t.from != 1 && !marked(t.from) {
            err(entry.clone(), format!("line {} has no \">>\"; mark the turn `inferred = true` with a `note`", t.from));
        }
        if let Some(last) = turns.last_mut() {
            last.lines.1 = t.from - 1;
        }
        if let Some(speaker) = speaker {
            turns.push(Turn { lines: (t.from, n), speaker, inferred: t.inferred, note: t.note.as_deref().map(text) });
        }
    }
    for l in 1..=n {
        if marked(l) && !turns.iter().any(|t| t.lines.0 == l) {
            err(
                format!("line {l}"),
                "the transcript marks a change of speaker (\">>\") here, but no turn starts here".into(),
            );
        }
    }
    turns
}

/// Key points, in the episode's order, each with a quote inside its section.
pub fn points(
    ctx: &mut Ctx<'_>,
    f: &KeypointsFile,
    sections: &[Section],
    cells: &HashMap<String, CellIx>,
) -> Vec<Point> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut last_line = 0;
    for p in &f.point {
        let entry = format!("point \"{}\"", p.id);
        ctx.id(KEYPOINTS, "point", &p.id, &mut seen);
        let before = ctx.errors.len();
        let section = sections.iter().position(|s| s.id == p.section);
        if section.is_none() {
            ctx.err(KEYPOINTS, &entry, format!("section \"{}\" is not defined in {SECTIONS}", p.section));
        }
        ctx.text(KEYPOINTS, &entry, "text", &p.text);
        let pcells = resolve(ctx, KEYPOINTS, &entry, CELL_REF, &p.cells, cells);
        let Some(q) = &p.quote else {
            ctx.err(KEYPOINTS, &entry, "has no [point.quote]");
            continue;
        };
        if let Some(s) = section.and_then(|s| sections.get(s)) {
            within_section(ctx, KEYPOINTS, &entry, q.lines, s);
        }
        if q.lines[0] < last_line {
            ctx.err(
                KEYPOINTS,
                &entry,
                format!(
                    "is out of episode order: its quote starts at line {}, before line {last_line} of the point above",
                    q.lines[0]
                ),
            );
        }
        last_line = last_line.max(q.lines[0]);
        let quote = ctx.source(KEYPOINTS, &format!("{entry} quote"), &q.source("quote"));
        let (Some(section), Some(quote), true) = (section, quote, ctx.errors.len() == before) else { continue };
        ctx.claims += 1;
        ctx.claims_by_tier[0] += 1;
        let label = format!("Key point: {}", p.text);
        // `#points/<section>/<n>`: the section's n-th point (from 1), highlighted.
        let n = out.iter().filter(|o: &&Point| o.section == SectionIx::at(section)).count() + 1;
        ctx.cite((q.lines[0], q.lines[1]), "point", format!("points/{}/{n}", p.section), label);
        out.push(Point {
            id: text(&p.id),
            section: SectionIx::at(section),
            text: text(&p.text),
            quote,
            cells: Cow::Owned(pcells),
        });
    }
    out
}
