//! Content loader, validator and code generator.
//!
//! Used by `build/main.rs` (to bake `content/` into static Rust data) and by
//! `tests/content_validation.rs` (to feed it broken samples). It only depends on
//! `serde` and `toml`, which are build- and dev-dependencies: none of this code, and
//! no parser, reaches the wasm binary.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

/// The raw text of every content file.
#[derive(Clone)]
pub struct Files {
    pub layers: String,
    pub tools: String,
    pub chart: String,
    pub quiz: String,
    pub timeline: String,
    pub names: String,
    pub transcript: String,
    pub report: String,
    pub sections: String,
    pub turns: String,
    pub keypoints: String,
}

pub const LAYERS: &str = "content/layers.toml";
pub const TOOLS: &str = "content/tools.toml";
pub const CHART: &str = "content/chart.toml";
pub const QUIZ: &str = "content/quiz.toml";
pub const TIMELINE: &str = "content/timeline.toml";
pub const NAMES: &str = "content/names.toml";
pub const TRANSCRIPT: &str = "content/transcript.txt";
pub const REPORT: &str = "content/report.txt";
pub const SECTIONS: &str = "content/sections.toml";
pub const TURNS: &str = "content/turns.toml";
pub const KEYPOINTS: &str = "content/keypoints.toml";

pub const ALL_FILES: [&str; 11] =
    [LAYERS, TOOLS, CHART, QUIZ, TIMELINE, NAMES, TRANSCRIPT, REPORT, SECTIONS, TURNS, KEYPOINTS];

impl Files {
    /// Reads every content file below `root` (the crate root).
    pub fn read(root: &Path) -> Result<Files, Vec<String>> {
        let mut errors = Vec::new();
        let mut read = |name: &str| match std::fs::read_to_string(root.join(name)) {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("{name}: cannot read: {e}"));
                String::new()
            }
        };
        let files = Files {
            layers: read(LAYERS),
            tools: read(TOOLS),
            chart: read(CHART),
            quiz: read(QUIZ),
            timeline: read(TIMELINE),
            names: read(NAMES),
            transcript: read(TRANSCRIPT),
            report: read(REPORT),
            sections: read(SECTIONS),
            turns: read(TURNS),
            keypoints: read(KEYPOINTS),
        };
        if errors.is_empty() {
            Ok(files)
        } else {
            Err(errors)
        }
    }
}

// ---------------------------------------------------------------------------
// Input schema (what the TOML files contain)
// ---------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LayersFile {
    layer: Vec<LayerIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LayerIn {
    id: String,
    name: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToolsFile {
    tool: Vec<ToolIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToolIn {
    id: String,
    name: String,
    short: String,
    report_wording: Option<String>,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartFile {
    #[serde(default)]
    cell: Vec<CellIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CellIn {
    layer: String,
    tool: String,
    tier: String,
    summary: String,
    #[serde(default)]
    entry: Vec<EntryIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryIn {
    title: String,
    zh: Option<String>,
    text: String,
    #[serde(default)]
    figures: Vec<String>,
    #[serde(default)]
    source: Vec<SourceIn>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct SourceIn {
    tier: String,
    quote: Option<String>,
    lines: Option<[u32; 2]>,
    speaker: Option<String>,
    speaker_note: Option<String>,
    url: Option<String>,
    label: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    #[serde(default)]
    question: Vec<QuestionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    #[serde(default)]
    section: Vec<SectionIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionIn {
    id: String,
    title: String,
    /// The transcript lines (first, last) the section spans.
    lines: [u32; 2],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TurnsFile {
    #[serde(default)]
    turn: Vec<TurnIn>,
}

/// A speaker's turn: from line `from` to the line before the next turn.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TurnIn {
    from: u32,
    speaker: String,
    /// The transcript marks no speaker change (">>") where this turn begins.
    #[serde(default)]
    inferred: bool,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeypointsFile {
    #[serde(default)]
    point: Vec<PointIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointIn {
    id: String,
    section: String,
    text: String,
    #[serde(default)]
    cells: Vec<String>,
    quote: Option<QuoteIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionIn {
    id: String,
    section: String,
    difficulty: String,
    prompt: String,
    #[serde(default)]
    cells: Vec<String>,
    #[serde(default)]
    option: Vec<OptionIn>,
    quote: Option<QuoteIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionIn {
    text: String,
    #[serde(default)]
    correct: bool,
    why: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteIn {
    speaker: String,
    lines: [u32; 2],
    text: String,
    speaker_note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimelineFile {
    #[serde(default)]
    event: Vec<EventIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventIn {
    id: String,
    date: String,
    title: String,
    text: String,
    #[serde(default)]
    cells: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    source: Vec<SourceIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    #[serde(default)]
    name: Vec<NameIn>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct NameIn {
    garbled: String,
    correct: String,
    lines: Vec<u32>,
    #[serde(default)]
    distinctive: bool,
}

// ---------------------------------------------------------------------------
// Validated output (what gets baked into the binary)
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Tier {
    // Ordered strongest first.
    Episode,
    Report,
    Outside,
    Reconstruction,
}

impl Tier {
    fn parse(s: &str) -> Option<Tier> {
        match s {
            "episode" => Some(Tier::Episode),
            "report" => Some(Tier::Report),
            "outside" => Some(Tier::Outside),
            "reconstruction" => Some(Tier::Reconstruction),
            _ => None,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Tier::Episode => "episode",
            Tier::Report => "report",
            Tier::Outside => "outside",
            Tier::Reconstruction => "reconstruction",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Speaker {
    KyleChan,
    GregoryAllen,
}

fn speaker_name(s: Speaker) -> &'static str {
    match s {
        Speaker::KyleChan => "Kyle Chan",
        Speaker::GregoryAllen => "Gregory Allen",
    }
}

impl Speaker {
    fn parse(s: &str) -> Option<Speaker> {
        match s {
            "Kyle Chan" => Some(Speaker::KyleChan),
            "Gregory Allen" => Some(Speaker::GregoryAllen),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Source {
    pub tier: Tier,
    pub quote: Option<String>,
    pub lines: Option<(u32, u32)>,
    pub speaker: Option<Speaker>,
    pub speaker_note: Option<String>,
    pub url: Option<String>,
    pub label: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Layer {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug)]
pub struct Tool {
    pub id: String,
    pub name: String,
    pub short: String,
    pub report_wording: Option<String>,
    pub description: String,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub title: String,
    pub zh: Option<String>,
    pub text: String,
    pub figures: Vec<String>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub layer: usize,
    pub tool: usize,
    pub tier: Tier,
    pub summary: String,
    pub entries: Vec<Entry>,
    pub questions: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub lines: (u32, u32),
}

#[derive(Clone, Debug)]
pub struct Turn {
    /// First and last transcript line.
    pub lines: (u32, u32),
    pub speaker: Speaker,
    pub inferred: bool,
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Point {
    pub id: String,
    pub section: usize,
    pub text: String,
    pub cells: Vec<usize>,
    pub quote: Quote,
}

#[derive(Clone, Debug)]
pub struct QuizOption {
    pub text: String,
    pub why: String,
}

#[derive(Clone, Debug)]
pub struct Quote {
    pub speaker: Speaker,
    pub speaker_note: Option<String>,
    pub lines: (u32, u32),
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: String,
    pub section: usize,
    pub difficulty: String,
    pub prompt: String,
    pub options: Vec<QuizOption>,
    pub correct: usize,
    pub quote: Quote,
    pub cells: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub date: String,
    pub title: String,
    pub text: String,
    pub cells: Vec<usize>,
    pub questions: Vec<usize>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug)]
pub struct Content {
    pub layers: Vec<Layer>,
    pub tools: Vec<Tool>,
    pub cells: Vec<Cell>,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub timeline: Vec<Event>,
    pub points: Vec<Point>,
    pub turns: Vec<Turn>,
    /// How many episode and report quotes were checked against their source text.
    pub quotes_checked: usize,
}

// ---------------------------------------------------------------------------
// Quote matching
// ---------------------------------------------------------------------------

const FILLERS: [&str; 7] = ["um", "uh", "uhm", "mhm", "hmm", "er", "erm"];

/// Splits text into normalised words: lowercase letters, digits and `&`; hyphens and
/// slashes separate words; other punctuation is dropped.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | '—' | '–')) {
        let w: String =
            raw.chars().filter(|c| c.is_alphanumeric() || *c == '&').flat_map(|c| c.to_lowercase()).collect();
        if !w.is_empty() {
            out.push(w);
        }
    }
    out
}

/// Drops fillers and collapses stutters (a word repeated immediately).
fn edit_rules<T: Clone>(tokens: Vec<(String, T)>) -> Vec<(String, T)> {
    let mut out: Vec<(String, T)> = Vec::with_capacity(tokens.len());
    for (w, t) in tokens {
        if FILLERS.contains(&w.as_str()) {
            continue;
        }
        if out.last().map(|(p, _)| p == &w).unwrap_or(false) {
            continue;
        }
        out.push((w, t));
    }
    out
}

struct Transcript {
    /// Normalised words with the (1-based) line each came from.
    tokens: Vec<(String, u32)>,
    line_count: u32,
}

impl Transcript {
    fn new(text: &str) -> Transcript {
        let mut tokens = Vec::new();
        let mut line_count = 0;
        for (i, line) in text.lines().enumerate() {
            line_count = i as u32 + 1;
            for w in words(line) {
                tokens.push((w, i as u32 + 1));
            }
        }
        Transcript { tokens: edit_rules(tokens), line_count }
    }
}

enum Piece {
    Text(String),
    Bracket(String),
}

/// Splits a quote into its `…`-separated segments, each a list of literal text and
/// [bracketed] corrections.
fn parse_quote(text: &str) -> Result<Vec<Vec<Piece>>, String> {
    if text.contains("...") {
        return Err("uses \"...\": mark an omission with the single character \"…\"".into());
    }
    if text.trim().is_empty() {
        return Err("is empty".into());
    }
    let mut segments = Vec::new();
    for seg in text.split('…') {
        let mut pieces = Vec::new();
        let mut rest = seg;
        while let Some(open) = rest.find('[') {
            let close = match rest[open..].find(']') {
                Some(c) => open + c,
                None => return Err("has an unclosed '['".into()),
            };
            pieces.push(Piece::Text(rest[..open].to_string()));
            pieces.push(Piece::Bracket(rest[open + 1..close].trim().to_string()));
            rest = &rest[close + 1..];
        }
        if rest.contains(']') {
            return Err("has a ']' without '['".into());
        }
        pieces.push(Piece::Text(rest.to_string()));
        let empty = pieces.iter().all(|p| matches!(p, Piece::Text(t) if words(t).is_empty()));
        // A leading or trailing "…" gives an empty segment: allowed.
        if !empty {
            segments.push(pieces);
        }
    }
    if segments.is_empty() {
        return Err("is empty".into());
    }
    Ok(segments)
}

/// Every word sequence a segment can stand for, substituting each bracket by each
/// garbled form whose correction it is. Substitution is textual, so "[SenseTime]'s"
/// matches the transcript's "Sensime's".
fn expand(segment: &[Piece], names: &[NameIn]) -> Result<Vec<Vec<String>>, String> {
    let mut alts: Vec<String> = vec![String::new()];
    for piece in segment {
        match piece {
            Piece::Text(t) => {
                for a in alts.iter_mut() {
                    a.push_str(t);
                }
            }
            Piece::Bracket(correct) => {
                let forms: Vec<&str> =
                    names.iter().filter(|n| &n.correct == correct).map(|n| n.garbled.as_str()).collect();
                if forms.is_empty() {
                    return Err(format!("[{correct}] is not the correction of any garbled name in {NAMES}"));
                }
                alts = alts.iter().flat_map(|a| forms.iter().map(move |f| format!("{a}{f}"))).collect();
            }
        }
    }
    Ok(alts
        .into_iter()
        .map(|a| edit_rules(words(&a).into_iter().map(|w| (w, ())).collect()).into_iter().map(|(w, _)| w).collect())
        .collect())
}

fn find_from(hay: &[(String, u32)], from: usize, needle: &[String]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].iter().zip(needle).all(|((h, _), n)| h == n))
}

/// Finds the segments in order within `hay`; returns the span (first, last token index).
fn match_segments(hay: &[(String, u32)], segments: &[Vec<Vec<String>>]) -> Option<(usize, usize)> {
    // Try each alternative of the first segment at each start, then greedily the rest.
    let mut start_at = 0;
    loop {
        let mut best: Option<(usize, usize)> = None;
        for alt in &segments[0] {
            if let Some(i) = find_from(hay, start_at, alt) {
                if best.map(|(b, _)| i < b).unwrap_or(true) {
                    best = Some((i, i + alt.len()));
                }
            }
        }
        let (first, mut end) = best?;
        let mut ok = true;
        for seg in &segments[1..] {
            let mut found: Option<(usize, usize)> = None;
            for alt in seg {
                if let Some(i) = find_from(hay, end, alt) {
                    if found.map(|(b, _)| i < b).unwrap_or(true) {
                        found = Some((i, i + alt.len()));
                    }
                }
            }
            match found {
                Some((_, e)) => end = e,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some((first, end - 1));
        }
        start_at = first + 1;
    }
}

/// Checks an episode quote against the transcript at its cited lines.
fn check_episode_quote(
    quote: &str,
    lines: (u32, u32),
    transcript: &Transcript,
    names: &[NameIn],
) -> Result<(), String> {
    let (a, b) = lines;
    if a == 0 || a > b || b > transcript.line_count {
        return Err(format!(
            "lines [{a}, {b}] are not a range within the transcript's {} lines",
            transcript.line_count
        ));
    }
    let segments = parse_quote(quote).map_err(|e| format!("quote {e}"))?;
    let expanded: Vec<Vec<Vec<String>>> =
        segments.iter().map(|s| expand(s, names)).collect::<Result<_, _>>().map_err(|e| format!("quote: {e}"))?;
    let window: Vec<(String, u32)> = transcript.tokens.iter().filter(|(_, l)| *l >= a && *l <= b).cloned().collect();
    if let Some((f, l)) = match_segments(&window, &expanded) {
        let (lf, ll) = (window[f].1, window[l].1);
        if (lf, ll) != (a, b) {
            return Err(format!(
                "quote lines are not tight: it runs from line {lf} to line {ll}; cite lines = [{lf}, {ll}]"
            ));
        }
    } else if let Some((f, l)) = match_segments(&transcript.tokens, &expanded) {
        return Err(format!(
            "quote not found at lines {a}-{b}; it is at lines {}-{}",
            transcript.tokens[f].1, transcript.tokens[l].1
        ));
    } else {
        return Err(format!(
            "quote not found in the transcript at lines {a}-{b} under the editing rules \
             (fillers dropped, [bracketed] corrections, \"…\" omissions)"
        ));
    }
    // Garbled forms at these lines must not be reproduced outside brackets.
    let outside = strip_brackets(quote);
    let quote_words = words(&outside);
    for n in names {
        if n.lines.iter().any(|l| *l >= a && *l <= b) {
            let g = words(&n.garbled);
            if !g.is_empty() && quote_words.windows(g.len()).any(|w| w == g.as_slice()) {
                return Err(format!("quote reproduces the garbled \"{}\"; write [{}]", n.garbled, n.correct));
            }
        }
    }
    Ok(())
}

fn check_report_quote(quote: &str, report: &[(String, u32)], names: &[NameIn]) -> Result<(), String> {
    let segments = parse_quote(quote).map_err(|e| format!("quote {e}"))?;
    let expanded: Vec<Vec<Vec<String>>> =
        segments.iter().map(|s| expand(s, names)).collect::<Result<_, _>>().map_err(|e| format!("quote: {e}"))?;
    match_segments(report, &expanded).map(|_| ()).ok_or_else(|| format!("report quote not found in {REPORT}"))
}

fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Finds a distinctive garbled form (case-sensitive, on word boundaries) outside brackets.
fn find_distinctive<'a>(text: &str, names: &'a [NameIn]) -> Option<&'a NameIn> {
    let outside = strip_brackets(text);
    names.iter().filter(|n| n.distinctive).find(|n| {
        let g = n.garbled.as_str();
        outside.match_indices(g).any(|(i, _)| {
            let before = outside[..i].chars().next_back();
            let after = outside[i + g.len()..].chars().next();
            !before.map(|c| c.is_alphanumeric()).unwrap_or(false)
                && !after.map(|c| c.is_alphanumeric()).unwrap_or(false)
        })
    })
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

struct Ctx<'a> {
    errors: Vec<String>,
    transcript: Transcript,
    report: Vec<(String, u32)>,
    names: &'a [NameIn],
    turns: Vec<Turn>,
    quotes_checked: usize,
}

/// Who speaks at transcript lines `a..=b`, if one speaker does throughout.
fn speaker_at(turns: &[Turn], a: u32, b: u32) -> Option<Speaker> {
    let mut speakers = turns.iter().filter(|t| t.lines.0 <= b && t.lines.1 >= a).map(|t| t.speaker);
    let first = speakers.next()?;
    speakers.all(|s| s == first).then_some(first)
}

impl Ctx<'_> {
    fn err(&mut self, file: &str, entry: &str, problem: impl AsRef<str>) {
        self.errors.push(format!("{file}: {entry}: {}", problem.as_ref()));
    }

    /// Required, non-empty displayed text without garbled names.
    fn text(&mut self, file: &str, entry: &str, field: &str, value: &str) {
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

    fn id(&mut self, file: &str, kind: &str, id: &str, seen: &mut HashSet<String>) {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            self.err(file, &format!("{kind} \"{id}\""), "id must be lowercase ASCII letters, digits and '-'");
        }
        if !seen.insert(id.to_string()) {
            self.err(file, &format!("{kind} \"{id}\""), "duplicate id");
        }
    }

    fn source(&mut self, file: &str, entry: &str, s: &SourceIn) -> Option<Source> {
        let tier = match Tier::parse(&s.tier) {
            Some(t) => t,
            None => {
                self.err(
                    file,
                    entry,
                    format!("unknown tier \"{}\" (episode, report, outside or reconstruction)", s.tier),
                );
                return None;
            }
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
                        } else if let (Some(said), false) = (speaker, self.turns.is_empty()) {
                            match speaker_at(&self.turns, a, b) {
                                Some(s) if s == said => {}
                                Some(s) => self.err(
                                    file,
                                    entry,
                                    format!(
                                        "speaker is {} but {TURNS} gives lines {a}-{b} to {}",
                                        speaker_name(said),
                                        speaker_name(s)
                                    ),
                                ),
                                None => self.err(
                                    file,
                                    entry,
                                    format!(
                                        "lines {a}-{b} span a change of speaker in {TURNS}: quote one turn at a time"
                                    ),
                                ),
                            }
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
                let url_ok =
                    s.url.as_deref().map(|u| u.starts_with("https://") || u.starts_with("http://")).unwrap_or(false);
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
            self.err(file, entry, format!("{} source must not carry `lines` or `speaker`", tier.name()));
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
            quote: s.quote.clone(),
            lines,
            speaker,
            speaker_note: s.speaker_note.clone(),
            url: s.url.clone(),
            label: s.label.clone(),
            note: s.note.clone(),
        })
    }
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str, errors: &mut Vec<String>) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("{file}: parse error: {}", e.to_string().trim()));
            None
        }
    }
}

fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, dd] => {
            num(y, 4)
                && num(m, 2)
                && num(dd, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&dd.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

/// The episode's sections: in order, each a range of transcript lines, together
/// covering every line exactly once.
fn validate_sections(ctx: &mut Ctx, f: &SectionsFile, line_count: u32) -> Vec<Section> {
    let mut seen = HashSet::new();
    let mut sections = Vec::new();
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
        sections.push(Section { id: s.id.clone(), title: s.title.clone(), lines: (a, b) });
    }
    if sections.is_empty() {
        ctx.err(SECTIONS, "file", "no [[section]] entries");
    } else if next != line_count + 1 {
        ctx.err(
            SECTIONS,
            "file",
            format!("the sections end at line {}; they must cover the transcript to line {line_count}", next - 1),
        );
    }
    sections
}

/// A quote cited for something in `section` must lie within the section's lines.
fn within_section(ctx: &mut Ctx, file: &str, entry: &str, lines: [u32; 2], section: &Section) {
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
fn validate_turns(f: &TurnsFile, transcript: &str, errors: &mut Vec<String>) -> Vec<Turn> {
    let lines: Vec<&str> = transcript.lines().collect();
    let n = lines.len() as u32;
    let marked = |l: u32| lines.get(l as usize - 1).map(|t| t.trim_start().starts_with(">>")).unwrap_or(false);
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
            turns.push(Turn { lines: (t.from, n), speaker, inferred: t.inferred, note: t.note.clone() });
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

/// Parses and validates every content file. Returns all problems found, each naming
/// the file, the entry and the problem.
pub fn validate(files: &Files) -> Result<Content, Vec<String>> {
    let mut errors = Vec::new();
    let layers_f: Option<LayersFile> = parse(LAYERS, &files.layers, &mut errors);
    let tools_f: Option<ToolsFile> = parse(TOOLS, &files.tools, &mut errors);
    let chart_f: Option<ChartFile> = parse(CHART, &files.chart, &mut errors);
    let quiz_f: Option<QuizFile> = parse(QUIZ, &files.quiz, &mut errors);
    let timeline_f: Option<TimelineFile> = parse(TIMELINE, &files.timeline, &mut errors);
    let names_f: Option<NamesFile> = parse(NAMES, &files.names, &mut errors);
    let sections_f: Option<SectionsFile> = parse(SECTIONS, &files.sections, &mut errors);
    let turns_f: Option<TurnsFile> = parse(TURNS, &files.turns, &mut errors);
    let points_f: Option<KeypointsFile> = parse(KEYPOINTS, &files.keypoints, &mut errors);
    let (
        Some(layers_f),
        Some(tools_f),
        Some(chart_f),
        Some(quiz_f),
        Some(timeline_f),
        Some(names_f),
        Some(sections_f),
        Some(turns_f),
        Some(points_f),
    ) = (layers_f, tools_f, chart_f, quiz_f, timeline_f, names_f, sections_f, turns_f, points_f)
    else {
        return Err(errors);
    };
    let line_count = files.transcript.lines().count() as u32;
    let turns = validate_turns(&turns_f, &files.transcript, &mut errors);

    let transcript = Transcript::new(&files.transcript);
    let mut report_tokens = Vec::new();
    for (i, line) in files.report.lines().enumerate() {
        for w in words(line) {
            report_tokens.push((w, i as u32 + 1));
        }
    }

    // names.toml: each garbled form must really be in the transcript at its lines.
    for n in &names_f.name {
        let entry = format!("name \"{}\"", n.garbled);
        if n.garbled.trim().is_empty() || n.correct.trim().is_empty() {
            errors.push(format!("{NAMES}: {entry}: `garbled` and `correct` must not be empty"));
            continue;
        }
        if n.lines.is_empty() {
            errors.push(format!("{NAMES}: {entry}: `lines` is empty"));
        }
        let all: Vec<&str> = files.transcript.lines().collect();
        for l in &n.lines {
            let found = *l >= 1
                && (*l as usize) <= all.len()
                && all[*l as usize - 1].to_lowercase().contains(&n.garbled.to_lowercase());
            if !found {
                errors.push(format!("{NAMES}: {entry}: \"{}\" does not occur on transcript line {l}", n.garbled));
            }
        }
    }

    let mut ctx =
        Ctx { errors, transcript, report: edit_rules(report_tokens), names: &names_f.name, turns, quotes_checked: 0 };

    // Layers and tools.
    let mut seen = HashSet::new();
    let mut layers = Vec::new();
    for l in &layers_f.layer {
        let entry = format!("layer \"{}\"", l.id);
        ctx.id(LAYERS, "layer", &l.id, &mut seen);
        ctx.text(LAYERS, &entry, "name", &l.name);
        ctx.text(LAYERS, &entry, "description", &l.description);
        layers.push(Layer { id: l.id.clone(), name: l.name.clone(), description: l.description.clone() });
    }
    if layers.is_empty() {
        ctx.err(LAYERS, "file", "no [[layer]] entries");
    }
    let mut seen = HashSet::new();
    let mut tools = Vec::new();
    for t in &tools_f.tool {
        let entry = format!("tool \"{}\"", t.id);
        ctx.id(TOOLS, "tool", &t.id, &mut seen);
        ctx.text(TOOLS, &entry, "name", &t.name);
        ctx.text(TOOLS, &entry, "short", &t.short);
        ctx.text(TOOLS, &entry, "description", &t.description);
        if let Some(w) = &t.report_wording {
            ctx.text(TOOLS, &entry, "report_wording", w);
        }
        tools.push(Tool {
            id: t.id.clone(),
            name: t.name.clone(),
            short: t.short.clone(),
            report_wording: t.report_wording.clone(),
            description: t.description.clone(),
        });
    }
    if tools.is_empty() {
        ctx.err(TOOLS, "file", "no [[tool]] entries");
    }
    let layer_ix: HashMap<&str, usize> = layers.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let tool_ix: HashMap<&str, usize> = tools.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();

    // Cells.
    let mut cells: Vec<Cell> = Vec::new();
    let mut cell_ix: HashMap<String, usize> = HashMap::new();
    for c in &chart_f.cell {
        let key = format!("{}/{}", c.layer, c.tool);
        let entry = format!("cell \"{key}\"");
        let (layer, tool) = match (layer_ix.get(c.layer.as_str()), tool_ix.get(c.tool.as_str())) {
            (Some(l), Some(t)) => (*l, *t),
            (l, t) => {
                if l.is_none() {
                    ctx.err(CHART, &entry, format!("layer \"{}\" is not defined in {LAYERS}", c.layer));
                }
                if t.is_none() {
                    ctx.err(CHART, &entry, format!("tool \"{}\" is not defined in {TOOLS}", c.tool));
                }
                continue;
            }
        };
        if cell_ix.contains_key(&key) {
            ctx.err(CHART, &entry, "duplicate cell (this layer/tool pair is listed twice)");
            continue;
        }
        ctx.text(CHART, &entry, "summary", &c.summary);
        if c.entry.is_empty() {
            ctx.err(CHART, &entry, "cell has no [[cell.entry]]; leave unevidenced cells out instead");
        }
        let mut entries = Vec::new();
        let mut strongest: Option<Tier> = None;
        for (i, e) in c.entry.iter().enumerate() {
            let ename = format!("{entry} entry {} \"{}\"", i + 1, e.title);
            ctx.text(CHART, &ename, "title", &e.title);
            ctx.text(CHART, &ename, "text", &e.text);
            if let Some(zh) = &e.zh {
                ctx.text(CHART, &ename, "zh", zh);
            }
            for f in &e.figures {
                ctx.text(CHART, &ename, "figures", f);
            }
            if e.source.is_empty() {
                ctx.err(CHART, &ename, "entry has no [[cell.entry.source]]");
            }
            let mut sources = Vec::new();
            for s in &e.source {
                // The claimed tier is checked against every source written, valid or not,
                // so a broken source is reported once, not again as a tier mismatch.
                if let Some(t) = Tier::parse(&s.tier) {
                    strongest = Some(strongest.map_or(t, |b: Tier| b.min(t)));
                }
                if let Some(src) = ctx.source(CHART, &ename, s) {
                    sources.push(src);
                }
            }
            entries.push(Entry {
                title: e.title.clone(),
                zh: e.zh.clone(),
                text: e.text.clone(),
                figures: e.figures.clone(),
                sources,
            });
        }
        let tier = Tier::parse(&c.tier).unwrap_or_else(|| {
            ctx.err(CHART, &entry, format!("unknown tier \"{}\"", c.tier));
            Tier::Reconstruction
        });
        if let Some(best) = strongest {
            if best != tier {
                ctx.err(
                    CHART,
                    &entry,
                    format!("claims tier \"{}\" but its strongest source is \"{}\"", tier.name(), best.name()),
                );
            }
        }
        cell_ix.insert(key, cells.len());
        cells.push(Cell { layer, tool, tier, summary: c.summary.clone(), entries, questions: Vec::new() });
    }

    let resolve_cells = |ctx: &mut Ctx, file: &str, entry: &str, refs: &[String]| -> Vec<usize> {
        let mut out = Vec::new();
        for r in refs {
            match cell_ix.get(r.as_str()) {
                Some(i) if !out.contains(i) => out.push(*i),
                Some(_) => ctx.err(file, entry, format!("cell \"{r}\" is listed twice")),
                None => ctx.err(file, entry, format!("cell \"{r}\" is not an evidenced cell in {CHART}")),
            }
        }
        out
    };

    // Quiz.
    let sections = validate_sections(&mut ctx, &sections_f, line_count);
    let section_ix: HashMap<&str, usize> = sections.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut seen = HashSet::new();
    let mut questions = Vec::new();
    for q in &quiz_f.question {
        let entry = format!("question \"{}\"", q.id);
        ctx.id(QUIZ, "question", &q.id, &mut seen);
        let before = ctx.errors.len();
        let section = match section_ix.get(q.section.as_str()) {
            Some(s) => *s,
            None => {
                ctx.err(QUIZ, &entry, format!("section \"{}\" is not defined", q.section));
                0
            }
        };
        if !matches!(q.difficulty.as_str(), "easy" | "medium" | "hard") {
            ctx.err(QUIZ, &entry, format!("difficulty \"{}\" must be easy, medium or hard", q.difficulty));
        }
        ctx.text(QUIZ, &entry, "prompt", &q.prompt);
        if q.option.len() != 4 {
            ctx.err(QUIZ, &entry, format!("has {} options; it needs exactly 4", q.option.len()));
        }
        let correct: Vec<usize> = q.option.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i).collect();
        if correct.len() != 1 {
            ctx.err(QUIZ, &entry, format!("has {} correct options; it needs exactly one", correct.len()));
        }
        let mut texts = HashSet::new();
        let mut options = Vec::new();
        for (i, o) in q.option.iter().enumerate() {
            let oname = format!("{entry} option {}", i + 1);
            ctx.text(QUIZ, &oname, "text", &o.text);
            if !texts.insert(o.text.trim().to_lowercase()) {
                ctx.err(QUIZ, &oname, "duplicates another option's text");
            }
            match &o.why {
                Some(w) if !w.trim().is_empty() => ctx.text(QUIZ, &oname, "why", w),
                _ => ctx.err(
                    QUIZ,
                    &oname,
                    if o.correct {
                        "has no `why` explaining why it is right"
                    } else {
                        "has no `why` explaining why it is wrong"
                    },
                ),
            }
            options.push(QuizOption { text: o.text.clone(), why: o.why.clone().unwrap_or_default() });
        }
        let quote = match &q.quote {
            Some(qq) => {
                let src = SourceIn {
                    tier: "episode".into(),
                    quote: Some(qq.text.clone()),
                    lines: Some(qq.lines),
                    speaker: Some(qq.speaker.clone()),
                    speaker_note: qq.speaker_note.clone(),
                    url: None,
                    label: None,
                    note: None,
                };
                ctx.source(QUIZ, &format!("{entry} quote"), &src).map(|s| Quote {
                    speaker: s.speaker.unwrap_or(Speaker::KyleChan),
                    speaker_note: s.speaker_note,
                    lines: s.lines.unwrap_or((0, 0)),
                    text: qq.text.clone(),
                })
            }
            None => {
                ctx.err(QUIZ, &entry, "has no [question.quote] supporting the answer");
                None
            }
        };
        if let (Some(qq), Some(s)) = (&q.quote, sections.get(section)) {
            within_section(&mut ctx, QUIZ, &entry, qq.lines, s);
        }
        let qcells = resolve_cells(&mut ctx, QUIZ, &entry, &q.cells);
        if ctx.errors.len() > before {
            continue;
        }
        if let Some(quote) = quote {
            questions.push(Question {
                id: q.id.clone(),
                section,
                difficulty: q.difficulty.clone(),
                prompt: q.prompt.clone(),
                options,
                correct: correct[0],
                quote,
                cells: qcells,
            });
        }
    }
    for (qi, q) in questions.iter().enumerate() {
        for c in &q.cells {
            cells[*c].questions.push(qi);
        }
    }
    // Resolved against every question written, so that one broken question is reported
    // once, not again by everything that links to it. (With no errors, positions match.)
    let question_ix: HashMap<&str, usize> =
        quiz_f.question.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();

    // Timeline.
    let mut seen = HashSet::new();
    let mut timeline = Vec::new();
    for ev in &timeline_f.event {
        let entry = format!("event \"{}\"", ev.id);
        ctx.id(TIMELINE, "event", &ev.id, &mut seen);
        if !valid_date(&ev.date) {
            ctx.err(TIMELINE, &entry, format!("date \"{}\" must be YYYY, YYYY-MM or YYYY-MM-DD", ev.date));
        }
        ctx.text(TIMELINE, &entry, "title", &ev.title);
        ctx.text(TIMELINE, &entry, "text", &ev.text);
        if ev.source.is_empty() {
            ctx.err(TIMELINE, &entry, "event has no [[event.source]]");
        }
        let sources: Vec<Source> = ev.source.iter().filter_map(|s| ctx.source(TIMELINE, &entry, s)).collect();
        let ecells = resolve_cells(&mut ctx, TIMELINE, &entry, &ev.cells);
        let mut equestions = Vec::new();
        for r in &ev.questions {
            match question_ix.get(r.as_str()) {
                Some(i) => equestions.push(*i),
                None => ctx.err(TIMELINE, &entry, format!("question \"{r}\" is not defined in {QUIZ}")),
            }
        }
        timeline.push(Event {
            id: ev.id.clone(),
            date: ev.date.clone(),
            title: ev.title.clone(),
            text: ev.text.clone(),
            cells: ecells,
            questions: equestions,
            sources,
        });
    }
    timeline.sort_by(|a, b| a.date.cmp(&b.date));

    // Key points, in the episode's order.
    let mut seen = HashSet::new();
    let mut points = Vec::new();
    let mut last_line = 0;
    for p in &points_f.point {
        let entry = format!("point \"{}\"", p.id);
        ctx.id(KEYPOINTS, "point", &p.id, &mut seen);
        let before = ctx.errors.len();
        let section = match sections.iter().position(|s| s.id == p.section) {
            Some(s) => s,
            None => {
                ctx.err(KEYPOINTS, &entry, format!("section \"{}\" is not defined in {SECTIONS}", p.section));
                0
            }
        };
        ctx.text(KEYPOINTS, &entry, "text", &p.text);
        let pcells = resolve_cells(&mut ctx, KEYPOINTS, &entry, &p.cells);
        let quote = match &p.quote {
            Some(qq) => {
                if let Some(s) = sections.get(section) {
                    within_section(&mut ctx, KEYPOINTS, &entry, qq.lines, s);
                }
                if qq.lines[0] < last_line {
                    ctx.err(
                        KEYPOINTS,
                        &entry,
                        format!("is out of episode order: its quote starts at line {}, before line {last_line} of the point above", qq.lines[0]),
                    );
                }
                last_line = last_line.max(qq.lines[0]);
                let src = SourceIn {
                    tier: "episode".into(),
                    quote: Some(qq.text.clone()),
                    lines: Some(qq.lines),
                    speaker: Some(qq.speaker.clone()),
                    speaker_note: qq.speaker_note.clone(),
                    url: None,
                    label: None,
                    note: None,
                };
                ctx.source(KEYPOINTS, &format!("{entry} quote"), &src).map(|s| Quote {
                    speaker: s.speaker.unwrap_or(Speaker::KyleChan),
                    speaker_note: s.speaker_note,
                    lines: s.lines.unwrap_or((0, 0)),
                    text: qq.text.clone(),
                })
            }
            None => {
                ctx.err(KEYPOINTS, &entry, "has no [point.quote]");
                None
            }
        };
        if let (Some(quote), true) = (quote, ctx.errors.len() == before) {
            points.push(Point { id: p.id.clone(), section, text: p.text.clone(), cells: pcells, quote });
        }
    }

    if !ctx.errors.is_empty() {
        return Err(ctx.errors);
    }
    let turns = ctx.turns;
    Ok(Content {
        layers,
        tools,
        cells,
        sections,
        questions,
        timeline,
        points,
        turns,
        quotes_checked: ctx.quotes_checked,
    })
}

// ---------------------------------------------------------------------------
// Code generation
// ---------------------------------------------------------------------------

fn opt(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    }
}

fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(f).collect();
    format!("&[{}]", parts.join(", "))
}

fn tier_path(t: Tier) -> &'static str {
    match t {
        Tier::Episode => "Tier::Episode",
        Tier::Report => "Tier::Report",
        Tier::Outside => "Tier::Outside",
        Tier::Reconstruction => "Tier::Reconstruction",
    }
}

fn speaker_path(s: Speaker) -> &'static str {
    match s {
        Speaker::KyleChan => "Speaker::KyleChan",
        Speaker::GregoryAllen => "Speaker::GregoryAllen",
    }
}

fn source_rs(s: &Source) -> String {
    format!(
        "Source {{ tier: {}, quote: {}, lines: {}, speaker: {}, speaker_note: {}, url: {}, label: {}, note: {} }}",
        tier_path(s.tier),
        opt(&s.quote),
        s.lines.map(|(a, b)| format!("Some(({a}, {b}))")).unwrap_or_else(|| "None".into()),
        s.speaker.map(|sp| format!("Some({})", speaker_path(sp))).unwrap_or_else(|| "None".into()),
        opt(&s.speaker_note),
        opt(&s.url),
        opt(&s.label),
        opt(&s.note),
    )
}

/// Emits a Rust expression of type `Content` (the types in `src/model/content.rs`).
pub fn to_rust(c: &Content) -> String {
    let mut out = String::new();
    let nl = c.layers.len();
    let nt = c.tools.len();
    let mut grid = vec![u16::MAX; nl * nt];
    for (i, cell) in c.cells.iter().enumerate() {
        grid[cell.layer * nt + cell.tool] = i as u16;
    }
    let _ = write!(out, "Content {{\n");
    let _ = write!(
        out,
        "layers: {},\n",
        list(&c.layers, |l| format!(
            "Layer {{ id: {:?}, name: {:?}, description: {:?} }}",
            l.id, l.name, l.description
        ))
    );
    let _ = write!(
        out,
        "tools: {},\n",
        list(&c.tools, |t| format!(
            "Tool {{ id: {:?}, name: {:?}, short: {:?}, report_wording: {}, description: {:?} }}",
            t.id,
            t.name,
            t.short,
            opt(&t.report_wording),
            t.description
        ))
    );
    let _ = write!(
        out,
        "cells: {},\n",
        list(&c.cells, |cell| format!(
            "Cell {{ layer: {}, tool: {}, tier: {}, summary: {:?}, entries: {}, questions: {} }}",
            cell.layer,
            cell.tool,
            tier_path(cell.tier),
            cell.summary,
            list(&cell.entries, |e| format!(
                "Entry {{ title: {:?}, zh: {}, text: {:?}, figures: {}, sources: {} }}",
                e.title,
                opt(&e.zh),
                e.text,
                list(&e.figures, |f| format!("{f:?}")),
                list(&e.sources, source_rs)
            )),
            list(&cell.questions, |q| q.to_string())
        ))
    );
    let _ = write!(out, "grid: {},\n", list(&grid, |g| g.to_string()));
    let _ = write!(
        out,
        "sections: {},\n",
        list(&c.sections, |s| format!("Section {{ id: {:?}, title: {:?} }}", s.id, s.title))
    );
    let _ = write!(
        out,
        "questions: {},\n",
        list(&c.questions, |q| {
            let opts: Vec<String> =
                q.options.iter().map(|o| format!("QuizOption {{ text: {:?}, why: {:?} }}", o.text, o.why)).collect();
            format!(
                "Question {{ id: {:?}, section: {}, difficulty: Difficulty::{}, prompt: {:?}, options: [{}], correct: {}, quote: Quote {{ speaker: {}, speaker_note: {}, lines: ({}, {}), text: {:?} }}, cells: {} }}",
                q.id,
                q.section,
                match q.difficulty.as_str() {
                    "easy" => "Easy",
                    "medium" => "Medium",
                    _ => "Hard",
                },
                q.prompt,
                opts.join(", "),
                q.correct,
                speaker_path(q.quote.speaker),
                opt(&q.quote.speaker_note),
                q.quote.lines.0,
                q.quote.lines.1,
                q.quote.text,
                list(&q.cells, |c| c.to_string())
            )
        })
    );
    let _ = write!(
        out,
        "timeline: {},\n",
        list(&c.timeline, |e| format!(
            "Event {{ id: {:?}, date: {:?}, title: {:?}, text: {:?}, cells: {}, questions: {}, sources: {} }}",
            e.id,
            e.date,
            e.title,
            e.text,
            list(&e.cells, |c| c.to_string()),
            list(&e.questions, |q| q.to_string()),
            list(&e.sources, source_rs)
        ))
    );
    out.push('}');
    out
}

/// Counts for the build log and the issue note.
pub fn summary(c: &Content) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    m.insert("layers", c.layers.len());
    m.insert("tools", c.tools.len());
    m.insert("evidenced cells", c.cells.len());
    m.insert("entries", c.cells.iter().map(|x| x.entries.len()).sum());
    m.insert("questions", c.questions.len());
    m.insert("timeline events", c.timeline.len());
    m.insert("key points", c.points.len());
    m.insert("speaker turns", c.turns.len());
    m.insert("inferred turns", c.turns.iter().filter(|t| t.inferred).count());
    m.insert("quotes checked", c.quotes_checked);
    m
}

// ---------------------------------------------------------------------------
// Synthetic scaling (benchmark only)
// ---------------------------------------------------------------------------

/// A synthetic, larger copy of `c` for the benchmark: every layer repeated `layers_k`
/// times, every tool `tools_k` times (so cells grow by `layers_k * tools_k`), and every
/// question and timeline event `items_k` times. Copies get suffixed ids (`data-2`).
pub fn scaled(c: &Content, layers_k: usize, tools_k: usize, items_k: usize) -> Content {
    let suffix = |id: &str, k: usize| if k == 0 { id.to_string() } else { format!("{id}-{}", k + 1) };
    let (nl, nt, nq) = (c.layers.len(), c.tools.len(), c.questions.len());
    let mut out = Content {
        layers: Vec::new(),
        tools: Vec::new(),
        cells: Vec::new(),
        sections: c.sections.clone(),
        questions: Vec::new(),
        timeline: Vec::new(),
        points: c.points.clone(),
        turns: c.turns.clone(),
        quotes_checked: c.quotes_checked,
    };
    for k in 0..layers_k {
        for l in &c.layers {
            out.layers.push(Layer {
                id: suffix(&l.id, k),
                name: format!("{}{}", l.name, if k == 0 { String::new() } else { format!(" {}", k + 1) }),
                description: l.description.clone(),
            });
        }
    }
    for k in 0..tools_k {
        for t in &c.tools {
            out.tools.push(Tool {
                id: suffix(&t.id, k),
                short: format!("{}{}", t.short, if k == 0 { String::new() } else { format!(" {}", k + 1) }),
                ..t.clone()
            });
        }
    }
    // Cell (l, t) of copy (kl, kt) keeps the original cell's data.
    let mut cell_map: HashMap<(usize, usize, usize), usize> = HashMap::new(); // (orig cell, kl, kt) -> new index
    for kl in 0..layers_k {
        for kt in 0..tools_k {
            for (ci, cell) in c.cells.iter().enumerate() {
                cell_map.insert((ci, kl, kt), out.cells.len());
                out.cells.push(Cell {
                    layer: cell.layer + kl * nl,
                    tool: cell.tool + kt * nt,
                    questions: Vec::new(),
                    ..cell.clone()
                });
            }
        }
    }
    for k in 0..items_k {
        for q in &c.questions {
            let cells = q.cells.iter().map(|ci| cell_map[&(*ci, k % layers_k, k % tools_k)]).collect();
            out.questions.push(Question { id: suffix(&q.id, k), cells, ..q.clone() });
        }
        for e in &c.timeline {
            let cells = e.cells.iter().map(|ci| cell_map[&(*ci, k % layers_k, k % tools_k)]).collect();
            let questions = e.questions.iter().map(|qi| qi + k * nq).collect();
            out.timeline.push(Event { id: suffix(&e.id, k), cells, questions, ..e.clone() });
        }
    }
    for (qi, q) in out.questions.iter().enumerate() {
        for ci in &q.cells {
            out.cells[*ci].questions.push(qi);
        }
    }
    out.timeline.sort_by(|a, b| a.date.cmp(&b.date));
    out
}
