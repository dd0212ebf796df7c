//! `timeline.toml`: dated milestones, each with the sources of its date and title and of
//! every sentence about it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::super::schema::TimelineFile;
use super::super::types::{CellIx, ClaimKind, Event, QuestionIx};
use super::super::TIMELINE;
use super::{resolve, text, Ctx, CELL_REF, QUESTION_REF};

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day.
pub fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let month = |m: &str| num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0));
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && month(m),
        [y, m, dd] => num(y, 4) && month(m) && num(dd, 2) && (1..=31).contains(&dd.parse::<u32>().unwrap_or(0)),
        _ => false,
    }
}

/// The events, sorted by date (the file's order breaks ties).
pub fn events(
    ctx: &mut Ctx<'_>,
    f: &TimelineFile,
    cells: &HashMap<String, CellIx>,
    questions: &HashMap<String, QuestionIx>,
) -> Vec<Event> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for ev in &f.event {
        let entry = format!("event \"{}\"", ev.id);
        ctx.id(TIMELINE, "event", &ev.id, &mut seen);
        let before = ctx.errors.len();
        if !valid_date(&ev.date) {
            ctx.err(TIMELINE, &entry, format!("date \"{}\" must be YYYY, YYYY-MM or YYYY-MM-DD", ev.date));
        }
        ctx.text(TIMELINE, &entry, "title", &ev.title);
        if ev.source.is_empty() {
            ctx.err(TIMELINE, &entry, "event has no [[event.source]]");
        }
        let mut sources = ctx.sources(TIMELINE, &entry, &ev.source);
        let title = ctx.cited(
            TIMELINE,
            &format!("{entry} title and date"),
            (ClaimKind::Text, &ev.title, None),
            &ev.by,
            &mut sources,
        );
        let claims: Vec<_> = ev.claim.iter().filter_map(|c| ctx.claim(TIMELINE, &entry, c, &mut sources)).collect();
        if ev.claim.is_empty() {
            ctx.err(TIMELINE, &entry, "event has no [[event.claim]] saying what happened");
        }
        ctx.all_cited(TIMELINE, &entry, &sources);
        let ecells = resolve(ctx, TIMELINE, &entry, CELL_REF, &ev.cells, cells);
        let equestions = resolve(ctx, TIMELINE, &entry, QUESTION_REF, &ev.questions, questions);
        let Some(title) = title else { continue };
        if ctx.errors.len() > before {
            continue;
        }
        let sources = sources.into_list();
        for lines in sources.iter().filter_map(|s| s.lines) {
            ctx.cite(lines, "event", format!("timeline/{}", ev.id), format!("Timeline: {}", ev.title));
        }
        out.push(Event {
            id: text(&ev.id),
            date: text(&ev.date),
            title,
            claims: Cow::Owned(claims),
            sources,
            cells: Cow::Owned(ecells),
            questions: Cow::Owned(equestions),
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out
}
