//! The transcript page (`transcript.html`): the episode's auto-generated transcript as
//! readable prose, every line still addressable, rendered at build time from
//! `OUT_DIR/episode.json` ([`crate::model::content::episode`]). Not hydrated: the page is
//! static HTML (a tiny inline script in `www/templates/transcript.html` highlights the
//! lines a fragment names).
//!
//! What the page promises, and what its tests check:
//! - every transcript line is an element `id="L<n>"` (inline, inside the reflowed prose);
//!   line numbers sit in the margin, hidden from screen readers;
//! - each speaker turn is a block under its speaker's name; a turn the transcript does not
//!   mark is labelled "speaker inferred", with the reason;
//! - garbled names are shown corrected in \[brackets\], followed by the transcript's own
//!   form (see [`corrected`] for the matching rule);
//! - the episode's sections are headings, with a table of contents;
//! - every range some part of the widget quotes is highlighted and preceded by an anchor
//!   `id="L<a>-<b>"`, with links back to what quotes it.

use std::collections::{BTreeMap, BTreeSet};

use yew::prelude::*;

use crate::model::chart::transcript_anchor;
use crate::model::content::{Citation, Correction, Episode, Speaker, Turn};

/// The widget's page, beside the transcript: the back-links open it at their route.
pub use crate::model::embed::WIDGET_PAGE;

/// A paragraph ends at the first line ending a sentence once it holds this many lines.
pub const PARAGRAPH_MIN: u32 = 6;
/// ... and at the first line ending a clause (",", ";", ":") once it holds this many.
pub const PARAGRAPH_SOFT_MAX: u32 = 14;
/// Inside a paragraph, a sentence starting mid-line starts a new (visual) paragraph once
/// this many lines have gone by since the last one.
pub const BREAK_AFTER: u32 = 6;
/// A line number shows in the margin every this many lines (and at each paragraph's first
/// line, which includes each turn's first line).
pub const NUMBER_EVERY: u32 = 10;
/// ... unless a number shows this few lines before it (on the same printed row, maybe).
pub const NUMBER_GAP: u32 = 4;

/// The episode, compared by address (it is decoded once and lives as long as the process).
#[derive(Clone, Copy, Debug)]
pub struct EpisodeRef(pub &'static Episode);

impl PartialEq for EpisodeRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub episode: EpisodeRef,
    /// The widget's page, for the links back to what quotes a passage.
    #[prop_or(AttrValue::Static(WIDGET_PAGE))]
    pub widget: AttrValue,
}

/// A piece of a transcript line as shown: the transcript's text, or a corrected name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// `correct` is shown in brackets; `garbled` is the transcript's own text there.
    Fix {
        correct: &'a str,
        garbled: &'a str,
    },
    /// A new paragraph starts here (a sentence starting mid-line).
    Break,
}

/// Is the byte at `i` of `s` part of a word?
fn wordy(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Where `needle` occurs in `line`, ignoring ASCII case.
fn occurrences(line: &str, needle: &str) -> Vec<usize> {
    let (h, n) = (line.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return Vec::new();
    }
    (0..=h.len() - n.len())
        .filter(|&i| line.is_char_boundary(i) && line.is_char_boundary(i + n.len()))
        .filter(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
        .collect()
}

/// A transcript line with its corrections applied.
///
/// The rule: each correction listed for the line is matched ignoring case. If the garbled
/// form stands as a whole word (no letter or digit either side) it is corrected at **every**
/// such place on the line (line 670 says "Alph Go" twice, both AlphaGo); otherwise at its
/// first occurrence (the validator has checked it occurs). Where matches overlap, the
/// longest garbled form wins ("Sensime's" over "Sensime", "Jang AI lab" over "Jang"), then
/// the earliest.
pub fn corrected<'a>(line: &'a str, fixes: &[&'a Correction]) -> Vec<Piece<'a>> {
    let mut candidates: Vec<(usize, usize, &'a str)> = Vec::new();
    for c in fixes {
        let found = occurrences(line, &c.garbled);
        let whole: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&i| !wordy(line, i.wrapping_sub(1)) && !wordy(line, i + c.garbled.len()))
            .collect();
        let at = if whole.is_empty() { found.into_iter().take(1).collect() } else { whole };
        candidates.extend(at.into_iter().map(|i| (i, i + c.garbled.len(), &*c.correct)));
    }
    candidates.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<(usize, usize, &'a str)> = Vec::new();
    for c in candidates {
        if chosen.iter().all(|d| c.1 <= d.0 || c.0 >= d.1) {
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b, correct) in chosen {
        if a > at {
            out.push(Piece::Text(&line[at..a]));
        }
        out.push(Piece::Fix { correct, garbled: &line[a..b] });
        at = b;
    }
    if at < line.len() || out.is_empty() {
        out.push(Piece::Text(&line[at..]));
    }
    out
}

/// A line's text as the page shows it: the transcript's ">>" (a change of speaker, which
/// the turn's heading now says) dropped.
pub fn shown(line: &str) -> &str {
    let t = line.trim();
    t.strip_prefix(">>").map_or(t, str::trim_start)
}

/// Where a new sentence starts inside a line ("funds. So uh" → the offset of "So"), if
/// it does: the page may start a new paragraph there (see `Index::paragraph`).
pub fn sentence_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1))
        .find(|&i| matches!(b[i - 1], b'.' | b'?' | b'!') && b[i] == b' ' && b[i + 1].is_ascii_uppercase())
        .map(|i| i + 1)
}

/// Lines `a..=b` (one turn within one section) cut into paragraphs, as (first, last)
/// line pairs: a paragraph ends at a line that ends a sentence once it is
/// [`PARAGRAPH_MIN`] lines long, or a clause once it is [`PARAGRAPH_SOFT_MAX`] long.
pub fn paragraphs(lines: &[String], a: u32, b: u32) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = a;
    for l in a..=b {
        let text = lines.get(l as usize - 1).map_or("", |t| t.trim_end());
        let text = text.trim_end_matches(['"', '\u{201d}', ')']);
        let len = l - start + 1;
        let sentence = text.ends_with(['.', '?', '!']);
        let clause = text.ends_with([',', ';', ':']);
        if l < b && ((len >= PARAGRAPH_MIN && sentence) || (len >= PARAGRAPH_SOFT_MAX && clause)) {
            out.push((start, l));
            start = l + 1;
        }
    }
    out.push((start, b));
    out
}

/// The lines of a paragraph whose number shows in the margin: its first, then every
/// [`NUMBER_EVERY`]th line not within [`NUMBER_GAP`] lines of the number before.
pub fn numbered((a, b): (u32, u32)) -> Vec<u32> {
    let mut out = vec![a];
    for l in a + 1..=b {
        if l % NUMBER_EVERY == 0 && l - out[out.len() - 1] >= NUMBER_GAP {
            out.push(l);
        }
    }
    out
}

/// The citations grouped by the range they quote, in transcript order.
pub fn cited_ranges(episode: &Episode) -> BTreeMap<(u32, u32), Vec<&Citation>> {
    let mut out: BTreeMap<(u32, u32), Vec<&Citation>> = BTreeMap::new();
    for c in &episode.citations {
        let group = out.entry(c.lines).or_default();
        if !group.iter().any(|d| d.route == c.route) {
            group.push(c);
        }
    }
    out
}

/// Every range that gets its own anchor `id="L<a>-<b>"` before line `a`: the quoted ranges
/// and the sections (the key points view links to a section's lines). One-line ranges are
/// the line's own id.
pub fn anchored_ranges(episode: &Episode) -> BTreeSet<(u32, u32)> {
    episode
        .citations
        .iter()
        .map(|c| c.lines)
        .chain(episode.sections.iter().map(|s| s.lines))
        .filter(|(a, b)| a < b)
        .collect()
}

/// A back-link's text: the citation's label, a long one cut at a word with "…" (a key
/// point's label is its whole sentence; the link opens it).
pub fn short_label(label: &str) -> String {
    const MAX: usize = 80;
    if label.chars().count() <= MAX {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX - 8).collect();
    let cut = cut.rfind(' ').map_or(&cut[..], |i| &cut[..i]);
    format!("{}\u{2026}", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// "lines 12–14" or "line 12".
fn lines_label(a: u32, b: u32) -> String {
    if a == b {
        format!("line {a}")
    } else {
        format!("lines {a}\u{2013}{b}")
    }
}

fn speaker_id(s: Speaker) -> &'static str {
    match s {
        Speaker::KyleChan => "kyle-chan",
        Speaker::GregoryAllen => "gregory-allen",
    }
}

/// A quoted range and what quotes it.
type Group<'e> = ((u32, u32), Vec<&'e Citation>);

/// Everything a line needs to render, precomputed once for the page.
struct Index<'e> {
    episode: &'e Episode,
    /// `cited[l]`: some range quoted by the widget includes line `l`.
    cited: Vec<bool>,
    /// `starts[l]`: the ranges anchored before line `l`, longest first.
    starts: BTreeMap<u32, Vec<u32>>,
    /// The quoted ranges, grouped, by first line.
    groups: BTreeMap<u32, Vec<Group<'e>>>,
    /// The corrections per line.
    fixes: BTreeMap<u32, Vec<&'e Correction>>,
    widget: AttrValue,
}

impl<'e> Index<'e> {
    fn new(episode: &'e Episode, widget: AttrValue) -> Self {
        let n = episode.lines.len();
        let mut cited = vec![false; n + 2];
        let ranges = cited_ranges(episode);
        for &(a, b) in ranges.keys() {
            for l in a..=b.min(n as u32) {
                cited[l as usize] = true;
            }
        }
        let mut starts: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (a, b) in anchored_ranges(episode) {
            starts.entry(a).or_default().push(b);
        }
        for ends in starts.values_mut() {
            ends.sort_unstable_by(|x, y| y.cmp(x));
        }
        let mut groups: BTreeMap<u32, Vec<_>> = BTreeMap::new();
        for (range, cites) in ranges {
            groups.entry(range.0).or_default().push((range, cites));
        }
        let mut fixes: BTreeMap<u32, Vec<&Correction>> = BTreeMap::new();
        for c in &episode.corrections {
            fixes.entry(c.line).or_default().push(c);
        }
        Index { episode, cited, starts, groups, fixes, widget }
    }

    fn text(&self, l: u32) -> &'e str {
        self.episode.lines.get(l as usize - 1).map_or("", |t| shown(t))
    }

    /// The offset in line `l`'s text where a new sentence starts, unless it falls in a
    /// corrected name.
    fn sentence_start(&self, l: u32) -> Option<usize> {
        let text = self.text(l);
        let at = sentence_start(text)?;
        let fixes = self.fixes.get(&l).map_or(&[][..], |f| &f[..]);
        let mut offset = 0;
        for p in corrected(text, fixes) {
            let len = match p {
                Piece::Text(t) if (offset..offset + t.len()).contains(&at) => return Some(at),
                Piece::Text(t) => t.len(),
                Piece::Fix { garbled, .. } => garbled.len(),
                Piece::Break => 0,
            };
            offset += len;
        }
        None
    }

    /// One transcript line: its anchors, its margin number (if any), its text, with a
    /// paragraph break before byte `brk` of the text if given, and the space before the
    /// next line (inside, so consecutive highlighted lines read as one highlight).
    fn line(&self, l: u32, number: bool, brk: Option<usize>, space: bool) -> Html {
        let fixes = self.fixes.get(&l).map_or(&[][..], |f| &f[..]);
        let text = self.text(l);
        let mut pieces = Vec::new();
        let mut offset = 0;
        for p in corrected(text, fixes) {
            match (p, brk) {
                (Piece::Text(t), Some(at)) if (offset..offset + t.len()).contains(&at) => {
                    let (head, tail) = t.split_at(at - offset);
                    pieces.extend([Piece::Text(head), Piece::Break, Piece::Text(tail)]);
                    offset += t.len();
                }
                (p, _) => {
                    offset += match p {
                        Piece::Text(t) => t.len(),
                        Piece::Fix { garbled, .. } => garbled.len(),
                        Piece::Break => 0,
                    };
                    pieces.push(p);
                }
            }
        }
        if space {
            pieces.push(Piece::Text(" "));
        }
        let class = classes!("tr-l", self.cited[l as usize].then_some("tr-cited"));
        html! {
            <>
                { for self.starts.get(&l).into_iter().flatten().map(|&b| html! {
                    <span class="tr-anchor" id={transcript_anchor(l, b)}></span>
                }) }
                <span {class} id={transcript_anchor(l, l)}>
                    if number {
                        <span class="tr-n" aria-hidden="true">{ l }</span>
                    }
                    { for pieces.into_iter().map(|p| match p {
                        Piece::Text(t) => html! { { t.to_string() } },
                        Piece::Break => html! { <span class="tr-pb"></span> },
                        Piece::Fix { correct, garbled } => html! {
                            <span class="tr-fix">
                                <span class="tr-fixed">{ format!("[{correct}]") }</span>
                                <span class="tr-orig">{ format!(" (transcript: \u{201c}{garbled}\u{201d})") }</span>
                            </span>
                        },
                    }) }
                </span>
            </>
        }
    }

    /// The links back to what quotes the ranges starting in lines `a..=b`.
    fn cites(&self, (a, b): (u32, u32)) -> Html {
        let groups: Vec<_> = self.groups.range(a..=b).flat_map(|(_, g)| g).collect();
        if groups.is_empty() {
            return html! {};
        }
        html! {
            <div class="tr-cites">
                { for groups.into_iter().map(|((x, y), cites)| html! {
                    <div class="tr-cite" data-lines={transcript_anchor(*x, *y)}>
                        <p class="tr-cite-h">
                            <a href={format!("#{}", transcript_anchor(*x, *y))}>{ "Quoted: " }{ lines_label(*x, *y) }</a>
                        </p>
                        <ul>
                            { for cites.iter().map(|c| html! {
                                <li data-kind={c.kind.to_string()}>
                                    <a href={format!("{}#{}", self.widget, c.route)}>{ short_label(&c.label) }</a>
                                </li>
                            }) }
                        </ul>
                    </div>
                }) }
            </div>
        }
    }

    /// A paragraph of a turn: its lines as prose, the back-links beside it.
    fn paragraph(&self, (a, b): (u32, u32)) -> Html {
        let numbers = numbered((a, b));
        let mut since = a;
        let lines: Vec<Html> = (a..=b)
            .map(|l| {
                let brk = if l - since >= BREAK_AFTER && l < b { self.sentence_start(l) } else { None };
                if brk.is_some() {
                    since = l;
                }
                self.line(l, numbers.contains(&l), brk, l < b)
            })
            .collect();
        html! {
            <div class="tr-para">
                <p class="tr-text">
                    { for lines }
                </p>
                { self.cites((a, b)) }
            </div>
        }
    }

    /// A turn's lines `a..=b` within a section (`continued`: the turn began in the
    /// section before).
    fn turn(&self, t: &Turn, (a, b): (u32, u32), continued: bool) -> Html {
        let inferred = t.inferred && !continued;
        html! {
            <div class="tr-turn" data-speaker={speaker_id(t.speaker)} data-inferred={inferred.then_some("true")}
                data-lines={transcript_anchor(a, b)}>
                <h3 class="tr-who">
                    { t.speaker.full_name() }
                    if continued {
                        <span class="tr-cont">{ " (continued)" }</span>
                    }
                    if inferred {
                        { " " }<span class="tr-inferred">{ "speaker inferred" }</span>
                    }
                    <span class="tr-who-lines">{ " \u{00b7} " }{ lines_label(a, b) }</span>
                </h3>
                if inferred {
                    <p class="tr-note">
                        <strong>{ "Why inferred: " }</strong>
                        { t.note.as_deref().unwrap_or("the transcript does not mark this change of speaker.").to_string() }
                    </p>
                }
                { for paragraphs(&self.episode.lines, a, b).into_iter().map(|p| self.paragraph(p)) }
            </div>
        }
    }
}

/// The transcript page's body: header, table of contents, and the sections.
#[component]
pub fn TranscriptPage(props: &TranscriptProps) -> Html {
    let episode = props.episode.0;
    let index = Index::new(episode, props.widget.clone());
    let inferred = episode.turns.iter().filter(|t| t.inferred).count();
    let quoted = cited_ranges(episode).len();
    let section_id = |id: &str| format!("s-{id}");
    html! {
        <>
            <a class="tr-skip" href="#tr-main">{ "Skip to the transcript" }</a>
            <header class="tr-header">
                <p class="tr-back"><a href={props.widget.clone()}>{ "\u{2190} Back to the Full Stack explainer" }</a></p>
                <h1>
                    <span class="tr-kicker">{ "Transcript" }</span>
                    { "China\u{2019}s AI Industrial Policy, with Kyle Chan" }
                </h1>
                <p class="tr-lede">
                    { "The auto-generated transcript of the AI Policy Podcast (CSIS) episode in which host Gregory C. Allen talks with Kyle Chan, as the Full Stack explainer quotes it: " }
                    { episode.lines.len() }{ " lines, numbered. Garbled names are corrected in [square brackets], each followed by the transcript\u{2019}s own words. The " }
                    { episode.turns.len() }{ " speaker turns are labelled; the " }{ inferred }
                    { " the transcript does not mark are labelled \u{201c}speaker inferred\u{201d}, with the reason. The " }
                    { quoted }{ " passages the explainer quotes are highlighted, each with links back to the chart cells, quiz questions, key points and timeline events that quote it." }
                </p>
                <p class="tr-how">
                    { "Every line has its own address: " }<code>{ "transcript.html#L120" }</code>
                    { " opens line 120, " }<code>{ "#L120-125" }</code>{ " lines 120 to 125." }
                </p>
            </header>
            <nav class="tr-toc" aria-labelledby="tr-toc-h">
                <h2 id="tr-toc-h">{ "Sections" }</h2>
                <ol>
                    { for episode.sections.iter().map(|s| html! {
                        <li>
                            <a href={format!("#{}", section_id(&s.id))}>{ s.title.to_string() }</a>
                            <span class="tr-toc-lines">{ " (" }{ lines_label(s.lines.0, s.lines.1) }{ ")" }</span>
                        </li>
                    }) }
                </ol>
            </nav>
            <main id="tr-main" class="tr-main" tabindex="-1">
                { for episode.sections.iter().map(|s| {
                    let (a, b) = s.lines;
                    let id = section_id(&s.id);
                    let turns = episode.turns.iter().filter(|t| t.lines.0 <= b && t.lines.1 >= a);
                    html! {
                        <section class="tr-section" aria-labelledby={id.clone()}>
                            <h2 {id} class="tr-section-h">
                                { s.title.to_string() }
                                <span class="tr-section-lines">{ " \u{00b7} " }{ lines_label(a, b) }</span>
                            </h2>
                            { for turns.map(|t| index.turn(t, (t.lines.0.max(a), t.lines.1.min(b)), t.lines.0 < a)) }
                        </section>
                    }
                }) }
            </main>
            <footer class="tr-footer">
                <p><a href={props.widget.clone()}>{ "Back to the Full Stack explainer" }</a></p>
            </footer>
        </>
    }
}

/// The page's body, rendered (not hydratable).
pub async fn render(episode: &'static Episode) -> String {
    let props = TranscriptProps { episode: EpisodeRef(episode), widget: AttrValue::Static(WIDGET_PAGE) };
    yew::LocalServerRenderer::<TranscriptPage>::with_props(props).hydratable(false).render().await
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn fix(line: u32, garbled: &'static str, correct: &'static str) -> Correction {
        Correction { line, garbled: Cow::Borrowed(garbled), correct: Cow::Borrowed(correct) }
    }

    #[test]
    fn a_garbled_name_is_corrected_ignoring_case_and_keeps_its_own_form() {
        let c = fix(1, "bu", "Baidu");
        let pieces = corrected("companies like BU which", &[&c]);
        assert_eq!(
            pieces,
            [Piece::Text("companies like "), Piece::Fix { correct: "Baidu", garbled: "BU" }, Piece::Text(" which")]
        );
    }

    #[test]
    fn whole_words_win_over_parts_of_words_and_every_whole_word_is_corrected() {
        // "B" (BYD) is a word at the start, and a letter inside "maybe".
        let c = fix(1, "B", "BYD");
        assert_eq!(corrected("B maybe it's", &[&c])[0], Piece::Fix { correct: "BYD", garbled: "B" });
        assert_eq!(corrected("B maybe it's", &[&c]).len(), 2);
        let c = fix(1, "Alph Go", "AlphaGo");
        let fixed = corrected("long after Alph Go. Um and uh so Alph Go", &[&c]);
        assert_eq!(fixed.iter().filter(|p| matches!(p, Piece::Fix { .. })).count(), 2);
        // Inside a word only: the first occurrence.
        let c = fix(1, "techch", "tek");
        assert_eq!(corrected("iFlytechch techchy", &[&c])[1], Piece::Fix { correct: "tek", garbled: "techch" });
    }

    #[test]
    fn the_longest_of_overlapping_forms_wins() {
        let short = fix(1, "Sensime", "SenseTime");
        let long = fix(1, "Sensime's", "SenseTime's");
        for fixes in [[&short, &long], [&long, &short]] {
            let p = corrected("go tour you know Sensime's facility in", &fixes);
            assert_eq!(p[1], Piece::Fix { correct: "SenseTime's", garbled: "Sensime's" });
            assert_eq!(p.len(), 3);
        }
    }

    #[test]
    fn a_line_without_corrections_is_one_piece_and_the_speaker_mark_is_dropped() {
        assert_eq!(corrected("plain", &[]), [Piece::Text("plain")]);
        assert_eq!(corrected("", &[]), [Piece::Text("")]);
        assert_eq!(shown(">> Yeah. So, one"), "Yeah. So, one");
        assert_eq!(shown("  text "), "text");
    }

    #[test]
    fn paragraphs_cover_the_lines_and_end_at_sentences() {
        let lines: Vec<String> =
            ["a", "b", "c", "d", "e", "f.", "g", "h", "i", "j", "k", "l.", "m"].iter().map(|s| s.to_string()).collect();
        assert_eq!(paragraphs(&lines, 1, 13), [(1, 6), (7, 12), (13, 13)]);
        assert_eq!(paragraphs(&lines, 2, 6), [(2, 6)]);
        assert_eq!(paragraphs(&lines, 3, 13), [(3, 12), (13, 13)]);
    }

    #[test]
    fn a_new_sentence_mid_line_is_found_and_long_labels_are_cut_at_a_word() {
        assert_eq!(sentence_start("guidance funds. So uh most"), Some(16));
        assert_eq!(sentence_start("the U.S. export controls"), None);
        assert_eq!(sentence_start("ends here."), None);
        assert_eq!(short_label("Quiz: short?"), "Quiz: short?");
        let long = "Key point: ".to_string() + &"word ".repeat(30);
        let cut = short_label(&long);
        assert!(cut.ends_with("word\u{2026}") && cut.chars().count() <= 80, "{cut}");
    }

    #[test]
    fn margin_numbers_at_paragraph_starts_and_tens_not_crowded() {
        assert_eq!(numbered((7, 31)), [7, 20, 30]);
        assert_eq!(numbered((5, 31)), [5, 10, 20, 30]);
        assert_eq!(numbered((18, 31)), [18, 30]);
        assert_eq!(numbered((40, 40)), [40]);
    }
}
