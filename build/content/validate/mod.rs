//! Validation: every file of `content/` into the types of `src/model/content/types.rs`.
//! Every problem is collected (not just the first), each naming the file, the entry and
//! the problem. One submodule per file or concern; this module holds what they share:
//! the context, ids, displayed text, sources and claims.

pub mod chart;
pub mod coverage;
pub mod episode;
pub mod quiz;
pub mod timeline;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::quotes::{check_episode_quote, check_report_quote, find_distinctive, Transcript};
use super::schema::{ClaimIn, Name, SourceIn};
use super::types::{Citation, Claim, ClaimKind, List, Source, Speaker, Text, Tier, Turn};

/// Shared state of one validation run.
pub struct Ctx<'a> {
    pub errors: Vec<String>,
    pub transcript: Transcript,
    pub report: Vec<(String, u32)>,
    pub names: &'a [Name],
    pub turns: Vec<Turn>,
    /// Episode and report quotes checked against their source text.
    pub quotes_checked: usize,
    /// Claims validated (every one has a source).
    pub claims: usize,
    /// Claims with their strongest tier, for the counts.
    pub claims_by_tier: [usize; 4],
    /// Everything that cites the transcript, for the transcript page and coverage.
    pub citations: Vec<Citation>,
}

/// Who speaks at transcript lines `a..=b`, if one speaker does throughout.
pub fn speaker_at(turns: &[Turn], a: u32, b: u32) -> Option<Speaker> {
    let mut speakers = turns.iter().filter(|t| t.lines.0 <= b && t.lines.1 >= a).map(|t| t.speaker);
    let first = speakers.next()?;
    speakers.all(|s| s == first).then_some(first)
}

pub fn text(s: &str) -> Text {
    Cow::Owned(s.to_string())
}

pub fn opt_text(s: &Option<String>) -> Option<Text> {
    s.as_deref().map(text)
}

impl Ctx<'_> {
    pub fn err(&mut self, file: &str, entry: &str, problem: impl AsRef<str>) {
        self.errors.push(format!("{file}: {entry}: {}", problem.as_ref()));
    }

    /// Required, non-empty displayed text without garbled names.
    pub fn text(&mut self, file: &str, entry: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.err(file, entry, format!("`{field}` is empty"));
        } else if let Some(n) = find_distinctive(value, self.names) {
            self.err(
                file,
                entry,
                format!("`{field}` contains the garbled name \"{}\"; write \"{}\"", n.garbled, n.correct),
            );
        }
    }

    /// A lowercase id, unique among `seen`.
    pub fn id(&mut self, file: &str, kind: &str, id: &str, seen: &mut HashSet<String>) {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            self.err(file, &format!("{kind} \"{id}\""), "id must be lowercase ASCII letters, digits and '-'");
        }
        if !seen.insert(id.to_string()) {
            self.err(file, &format!("{kind} \"{id}\""), "duplicate id");
        }
    }

    /// Validates one source; `None` (with the problems reported) when it is broken.
    pub fn source(&mut self, file: &str, entry: &str, s: &SourceIn) -> Option<Source> {
        let Some(tier) = Tier::parse(&s.tier) else {
            self.err(file, entry, format!("unknown tier \"{}\" (episode, report, outside or reconstruction)", s.tier));
            return None;
        };
        let mut speaker = None;
        let mut lines = None;
        let before = self.errors.len();
        match tier {
            Tier::Episode => {
                match s.speaker.as_deref().map(|sp| (sp, Speaker::parse(sp))) {
                    Some((_, Some(sp))) => speaker = Some(sp),
                    Some((sp, None)) => self.err(
                        file,
                        entry,
                        format!("episode source has unknown speaker \"{sp}\" (Kyle Chan or Gregory Allen)"),
                    ),
                    None => self.err(file, entry, "episode source needs a `speaker`"),
                }
                match (&s.quote, s.lines) {
                    (Some(q), Some([a, b])) => {
                        self.quotes_checked += 1;
                        lines = Some((a, b));
                        if let Err(e) = check_episode_quote(q, (a, b), &self.transcript, self.names) {
                            self.err(file, entry, e);
                        } else if let Some(said) = speaker {
                            self.speaker_matches(file, entry, said, a, b);
                        }
                    }
                    _ => self.err(file, entry, "episode source needs a `quote` and `lines`"),
                }
            }
            Tier::Report => match &s.quote {
                Some(q) => {
                    self.quotes_checked += 1;
                    if let Err(e) = check_report_quote(q, &self.report, self.names) {
                        self.err(file, entry, e);
                    }
                }
                None => self.err(file, entry, "report source needs a `quote` of the report's text"),
            },
            Tier::Outside => {
                let url_ok = s.url.as_deref().is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"));
                if !url_ok {
                    self.err(file, entry, "outside source needs an http(s) `url`");
                }
                if s.label.as_deref().map(str::trim).unwrap_or("").is_empty() {
                    self.err(file, entry, "outside source needs a `label`");
                }
            }
            Tier::Reconstruction => {
                if s.note.as_deref().map(str::trim).unwrap_or("").is_empty() {
                    self.err(file, entry, "reconstruction source needs a `note` explaining the inference");
                }
            }
        }
        if tier != Tier::Episode && (s.lines.is_some() || s.speaker.is_some()) {
            self.err(file, entry, format!("{} source must not carry `lines` or `speaker`", tier.id()));
        }
        for (field, v) in [("label", &s.label), ("note", &s.note), ("speaker_note", &s.speaker_note)] {
            if let Some(v) = v {
                self.text(file, entry, field, v);
            }
        }
        // (An episode quote that failed its own checks has been reported already.)
        if let (Some(q), true) = (&s.quote, self.errors.len() == before) {
            if let Some(n) = find_distinctive(q, self.names) {
                self.err(file, entry, format!("quote contains the garbled \"{}\"; write [{}]", n.garbled, n.correct));
            }
        }
        if self.errors.len() > before {
            return None;
        }
        Some(Source {
            tier,
            quote: opt_text(&s.quote),
            lines,
            speaker,
            speaker_note: opt_text(&s.speaker_note),
            url: opt_text(&s.url),
            label: opt_text(&s.label),
            note: opt_text(&s.note),
        })
    }

    /// The quote's speaker must be the one `turns.toml` gives its lines to.
    fn speaker_matches(&mut self, file: &str, entry: &str, said: Speaker, a: u32, b: u32) {
        if self.turns.is_empty() {
            return;
        }
        match speaker_at(&self.turns, a, b) {
            Some(s) if s == said => {}
            Some(s) => self.err(
                file,
                entry,
                format!("speaker is {} but {} gives lines {a}-{b} to {}", said.name(), super::TURNS, s.name()),
            ),
            None => self.err(
                file,
                entry,
                format!("lines {a}-{b} span a change of speaker in {}: quote one turn at a time", super::TURNS),
            ),
        }
    }

    /// Validates an owner's sources (a cell's, an event's, a question's). Each needs an id
    /// unique among them; `by` lists in claims refer to those ids.
    pub fn sources<'s>(&mut self, file: &str, entry: &str, list: impl IntoIterator<Item = &'s SourceIn>) -> Sources {
        let mut out = Sources::default();
        for (i, s) in list.into_iter().enumerate() {
            let id = match s.id.as_deref().map(str::trim) {
                Some(id) if !id.is_empty() => id.to_string(),
                _ => {
                    self.err(file, &format!("{entry} source {}", i + 1), "source needs an `id` (claims cite it by id)");
                    format!("#{}", i + 1)
                }
            };
            // (A question's quote is "question … quote"; other sources go by their id.)
            let sname =
                if id == quiz::QUOTE_ID { format!("{entry} quote") } else { format!("{entry} source \"{id}\"") };
            if out.ids.contains_key(&id) {
                self.err(file, &sname, "duplicate source id");
                continue;
            }
            // A broken source keeps its place, so claims citing it are not reported twice.
            let src = self.source(file, &sname, s);
            out.ids.insert(id.clone(), out.list.len());
            out.names.push(id);
            out.tiers
                .push(src.as_ref().map(|s| s.tier).or_else(|| Tier::parse(&s.tier)).unwrap_or(Tier::Reconstruction));
            out.list.push(src);
        }
        if out.list.len() > u8::MAX as usize {
            self.err(file, entry, "more than 255 sources");
        }
        out
    }

    /// A claim citing `by` among `sources`. Reports an empty `by`, an unknown id, and a
    /// claim that is not exactly one of text, figure or name.
    pub fn claim(&mut self, file: &str, entry: &str, c: &ClaimIn, sources: &mut Sources) -> Option<Claim> {
        let (kind, value) = match (&c.text, &c.figure, &c.name) {
            (Some(t), None, None) => (ClaimKind::Text, t),
            (None, Some(f), None) => (ClaimKind::Figure, f),
            (None, None, Some(n)) => (ClaimKind::Name, n),
            _ => {
                self.err(file, entry, "a claim has exactly one of `text`, `figure` or `name`");
                return None;
            }
        };
        let field = match kind {
            ClaimKind::Text => "text",
            ClaimKind::Figure => "figure",
            ClaimKind::Name => "name",
        };
        self.text(file, entry, field, value);
        if let Some(zh) = &c.zh {
            if kind != ClaimKind::Name {
                self.err(file, entry, "`zh` belongs to a `name` claim");
            }
            self.text(file, entry, "zh", zh);
        }
        self.cited(file, entry, (kind, value, c.zh.as_deref()), &c.by, sources)
    }

    /// A claim of `kind` saying `value` (with `zh`, the Chinese form of a name), supported
    /// by the sources named in `by`.
    pub fn cited(
        &mut self,
        file: &str,
        entry: &str,
        (kind, value, zh): (ClaimKind, &str, Option<&str>),
        by: &[String],
        sources: &mut Sources,
    ) -> Option<Claim> {
        let short: String = value.chars().take(48).collect();
        if by.is_empty() {
            self.err(file, entry, format!("claim \"{short}\" has no source: list its sources in `by`"));
            return None;
        }
        let mut ix: Vec<u8> = Vec::new();
        for id in by {
            match sources.ids.get(id.as_str()) {
                Some(&i) if !ix.contains(&(i as u8)) => {
                    ix.push(i as u8);
                    sources.used.insert(i);
                }
                Some(_) => self.err(file, entry, format!("claim \"{short}\" cites source \"{id}\" twice")),
                None => self.err(
                    file,
                    entry,
                    format!(
                        "claim \"{short}\" cites source \"{id}\", which is not one of its sources ({})",
                        sources.names.join(", ")
                    ),
                ),
            }
        }
        if ix.is_empty() {
            return None;
        }
        let tier = ix.iter().map(|&i| sources.tiers[i as usize]).min().unwrap_or(Tier::Reconstruction);
        self.claims += 1;
        self.claims_by_tier[tier as usize] += 1;
        Some(Claim { kind, text: text(value), zh: zh.map(text), by: Cow::Owned(ix), tier })
    }

    /// Reports sources that no claim cites (every source must support something shown).
    pub fn all_cited(&mut self, file: &str, entry: &str, sources: &Sources) {
        for (i, name) in sources.names.iter().enumerate() {
            if !sources.used.contains(&i) && sources.list[i].is_some() {
                self.err(file, entry, format!("source \"{name}\" supports no claim: cite it in a `by` or remove it"));
            }
        }
    }

    pub fn cite(&mut self, lines: (u32, u32), kind: &str, route: String, label: String) {
        self.citations.push(Citation { lines, kind: text(kind), route: Cow::Owned(route), label: Cow::Owned(label) });
    }
}

/// The validated sources of one owner, by position, with their ids.
#[derive(Default)]
pub struct Sources {
    pub list: Vec<Option<Source>>,
    pub names: Vec<String>,
    pub ids: HashMap<String, usize>,
    pub tiers: Vec<Tier>,
    /// Positions cited by some claim.
    pub used: HashSet<usize>,
}

impl Sources {
    /// The valid sources (only called when there were no errors, so none is missing).
    pub fn into_list(self) -> List<Source> {
        Cow::Owned(self.list.into_iter().flatten().collect())
    }
}

/// Parses a TOML file, reporting a syntax or schema error by file.
pub fn parse<T: for<'de> serde::Deserialize<'de>>(file: &str, text: &str, errors: &mut Vec<String>) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("{file}: parse error: {}", e.to_string().trim()));
            None
        }
    }
}

/// Resolves `"layer/tool"` references to cells, reporting unknown and repeated ones.
/// `what` names the kind ("cell", "question"); `unknown` says what a bad reference is
/// not ("is not an evidenced cell in content/chart.toml").
pub fn resolve<T: Copy + PartialEq>(
    ctx: &mut Ctx<'_>,
    file: &str,
    entry: &str,
    (what, unknown): (&str, &str),
    refs: &[String],
    ix: &HashMap<String, T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for r in refs {
        match ix.get(r.as_str()) {
            Some(i) if !out.contains(i) => out.push(*i),
            Some(_) => ctx.err(file, entry, format!("{what} \"{r}\" is listed twice")),
            None => ctx.err(file, entry, format!("{what} \"{r}\" {unknown}")),
        }
    }
    out
}

/// How [`resolve`] names cells.
pub const CELL_REF: (&str, &str) = ("cell", "is not an evidenced cell in content/chart.toml");
/// How [`resolve`] names questions.
pub const QUESTION_REF: (&str, &str) = ("question", "is not defined in content/quiz.toml");
