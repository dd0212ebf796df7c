//! Quote matching: an episode quote must be the transcript's words at its cited lines,
//! and a report quote the report's words, under the editing rules (fillers and stutters
//! dropped, garbled names corrected in [brackets], omissions marked "…"). Matching
//! ignores case and punctuation.

use super::schema::Name;

const FILLERS: [&str; 7] = ["um", "uh", "uhm", "mhm", "hmm", "er", "erm"];

/// Splits text into normalised words: lowercase letters, digits and `&`; hyphens and
/// slashes separate words; other punctuation is dropped.
pub(crate) fn words(text: &str) -> Vec<String> {
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
pub(crate) fn edit_rules<T: Clone>(tokens: Vec<(String, T)>) -> Vec<(String, T)> {
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

pub(crate) struct Transcript {
    /// Normalised words with the (1-based) line each came from.
    pub(crate) tokens: Vec<(String, u32)>,
    pub(crate) line_count: u32,
}

impl Transcript {
    pub(crate) fn new(text: &str) -> Transcript {
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
fn expand(segment: &[Piece], names: &[Name]) -> Result<Vec<Vec<String>>, String> {
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
                    return Err(format!("[{correct}] is not the correction of any garbled name in {}", super::NAMES));
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
pub(crate) fn check_episode_quote(
    quote: &str,
    lines: (u32, u32),
    transcript: &Transcript,
    names: &[Name],
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

pub(crate) fn check_report_quote(quote: &str, report: &[(String, u32)], names: &[Name]) -> Result<(), String> {
    let segments = parse_quote(quote).map_err(|e| format!("quote {e}"))?;
    let expanded: Vec<Vec<Vec<String>>> =
        segments.iter().map(|s| expand(s, names)).collect::<Result<_, _>>().map_err(|e| format!("quote: {e}"))?;
    match_segments(report, &expanded).map(|_| ()).ok_or_else(|| format!("report quote not found in {}", super::REPORT))
}

pub(crate) fn strip_brackets(text: &str) -> String {
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
pub(crate) fn find_distinctive<'a>(text: &str, names: &'a [Name]) -> Option<&'a Name> {
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
