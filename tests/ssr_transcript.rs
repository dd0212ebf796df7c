//! The transcript page (`transcript.html`), rendered natively as `make dist` renders it,
//! checked against the build's episode data: every line addressable, every correction
//! showing both forms, inferred turns marked, every quoted range anchored and linked back,
//! the sections as headings.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::text;

use full_stack::model::content::{episode, Episode};
use full_stack::pages::transcript::render;

async fn page() -> String {
    render(episode()).await
}

/// The first element whose start tag holds every one of `attrs` (e.g. `id="L12"`), start
/// tag to matching end tag, or `None`.
fn element_with<'a>(html: &'a str, attrs: &[&str]) -> Option<&'a str> {
    let mut from = 0;
    loop {
        let at = html[from..].find(attrs[0])? + from;
        let start = html[..at].rfind('<')?;
        let tag = &html[start..start + html[start..].find('>')?];
        if attrs.iter().all(|a| tag.contains(a)) {
            return matched(html, start);
        }
        from = at + 1;
    }
}

/// The first element whose start tag holds `attr`.
fn element<'a>(html: &'a str, attr: &str) -> Option<&'a str> {
    element_with(html, &[attr])
}

/// The start tag of an element.
fn start_tag(el: &str) -> &str {
    &el[..=el.find('>').unwrap()]
}

/// The element starting at `start`, to its matching end tag.
fn matched(html: &str, start: usize) -> Option<&str> {
    let name: String = html[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0;
    let mut i = start;
    loop {
        let next_open = html[i + 1..].find(&open).map(|j| j + i + 1);
        let next_close = html[i + 1..].find(&close).map(|j| j + i + 1)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o;
            }
            _ if depth == 0 => return Some(&html[start..next_close + close.len()]),
            _ => {
                depth -= 1;
                i = next_close;
            }
        }
    }
}

/// Where the element with `id` starts.
fn position(html: &str, id: &str) -> Option<usize> {
    let at = html.find(&format!(" id=\"{id}\""))?;
    html[..at].rfind('<')
}

/// The line as the transcript has it, without the speaker-change mark ">>".
fn transcript_line(e: &Episode, l: u32) -> String {
    let t = e.lines[l as usize - 1].trim();
    t.strip_prefix(">>").unwrap_or(t).trim().to_string()
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line element's text with the page's margin number and its corrections undone: each
/// "[correct] (transcript: “garbled”)" back to "garbled".
fn undo_corrections(line_html: &str) -> String {
    let mut html = line_html.to_string();
    // The margin number.
    if let Some(i) = html.find("class=\"tr-n\"") {
        let start = html[..i].rfind('<').unwrap();
        let end = html[i..].find("</span>").unwrap() + i + "</span>".len();
        html.replace_range(start..end, "");
    }
    let mut out = text(&html);
    let marker = "] (transcript: \u{201c}";
    while let Some(m) = out.find(marker) {
        let open = out[..m].rfind('[').expect("a correction is in brackets");
        let from = m + marker.len();
        let end = out[from..].find("\u{201d})").map(|j| j + from).expect("the transcript's form ends");
        let garbled = out[from..end].to_string();
        out.replace_range(open..end + "\u{201d})".len(), &garbled);
    }
    out
}

#[tokio::test]
async fn every_line_is_one_element_with_its_id_and_reads_as_the_transcript() {
    let e = episode();
    let html = page().await;
    assert!(e.lines.len() > 2000, "the whole transcript: {} lines", e.lines.len());
    let mut last = 0;
    for l in 1..=e.lines.len() as u32 {
        let id = format!(" id=\"L{l}\"");
        assert_eq!(html.matches(&id).count(), 1, "line {l}: exactly one element {id}");
        let at = position(&html, &format!("L{l}")).unwrap();
        assert!(at > last, "line {l} comes after line {}", l - 1);
        last = at;
        let line = element(&html, &id).unwrap();
        assert!(start_tag(line).contains("class=\"tr-l"), "line {l} is a transcript line element: {line}");
        // Nothing silently rewritten: with corrections undone, the line is the transcript's.
        assert_eq!(words(&undo_corrections(line)), words(&transcript_line(e, l)), "line {l}");
    }
}

#[tokio::test]
async fn line_numbers_in_the_margin_are_hidden_from_screen_readers_at_intervals() {
    let e = episode();
    let html = page().await;
    let numbers: Vec<u32> = html
        .match_indices("<span aria-hidden=\"true\" class=\"tr-n\">")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('<').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(html.matches("class=\"tr-n\"").count(), numbers.len(), "every margin number is aria-hidden");
    // Each turn's first line has its number; then every 10th line, left out only within 3
    // lines of the number before (the same printed row, maybe): never 14 lines without one.
    for t in &e.turns {
        assert!(numbers.contains(&t.lines.0), "turn at line {} shows its first line's number", t.lines.0);
    }
    for w in numbers.windows(2) {
        assert!(w[1] > w[0] && w[1] - w[0] <= 13, "margin numbers {} then {}", w[0], w[1]);
    }
    assert!(numbers.len() < e.lines.len() / 3, "numbers at intervals, not on every line");
}

#[tokio::test]
async fn corrected_names_show_the_correction_and_the_transcripts_own_form() {
    let e = episode();
    let html = page().await;
    assert!(e.corrections.len() > 50);
    for c in &e.corrections {
        let line = element(&html, &format!(" id=\"L{}\"", c.line)).unwrap();
        let shown = text(line);
        let pair = |correct: &str, garbled: &str| {
            shown.contains(&format!("[{correct}] (transcript: \u{201c}{garbled}\u{201d})"))
                || shown
                    .to_lowercase()
                    .contains(&format!("[{}] (transcript: \u{201c}{}\u{201d})", correct, garbled).to_lowercase())
        };
        // Shown with both forms, or inside a longer garbled form corrected on the same line
        // ("Sensime" inside "Sensime's").
        let covered = e.corrections.iter().any(|d| {
            d.line == c.line
                && d.garbled.len() > c.garbled.len()
                && d.garbled.to_lowercase().contains(&c.garbled.to_lowercase())
                && pair(&d.correct, &d.garbled)
        });
        assert!(
            pair(&c.correct, &c.garbled) || covered,
            "line {}: \"{}\" → [{}] in {shown:?}",
            c.line,
            c.garbled,
            c.correct
        );
    }
    // Line 670 says "Alph Go" twice: both corrected.
    if e.corrections.iter().any(|c| c.line == 670 && c.garbled == "Alph Go") {
        let line = text(element(&html, " id=\"L670\"").unwrap());
        assert_eq!(line.matches("[AlphaGo]").count(), 2, "{line}");
    }
}

#[tokio::test]
async fn every_turn_is_labelled_with_its_speaker_and_inferred_turns_are_marked_with_their_note() {
    let e = episode();
    let html = page().await;
    let inferred = e.turns.iter().filter(|t| t.inferred).count();
    assert!(inferred > 0);
    let mut marked = 0;
    for t in &e.turns {
        // The turn's block (its first part, if a section boundary splits it).
        let start = position(&html, &format!("L{}", t.lines.0)).unwrap();
        let block_at = html[..start].rfind("<div data-speaker=").unwrap();
        let block = element(&html[block_at..], "data-speaker=").unwrap();
        let heading = text(element(block, "class=\"tr-who\"").unwrap());
        assert!(heading.starts_with(t.speaker.full_name()), "turn at line {}: {heading}", t.lines.0);
        if t.inferred {
            marked += 1;
            assert!(block.contains("data-inferred=\"true\""), "turn at line {} is marked inferred", t.lines.0);
            assert!(heading.contains("speaker inferred"), "{heading}");
            let note = t.note.as_deref().unwrap();
            assert!(text(block).contains(note), "turn at line {}: its note is shown", t.lines.0);
        } else {
            assert!(!heading.contains("inferred"), "turn at line {} is not inferred: {heading}", t.lines.0);
        }
    }
    assert_eq!(marked, inferred);
    assert_eq!(html.matches("data-inferred=\"true\"").count(), inferred, "no other turn is marked inferred");
    assert!(html.contains("Gregory C. Allen") && html.contains("Kyle Chan"));
}

#[tokio::test]
async fn every_quoted_range_has_an_anchor_before_its_first_line_and_links_back_to_what_quotes_it() {
    let e = episode();
    let html = page().await;
    assert!(e.citations.len() > 300);
    for kind in ["cell", "question", "point", "event"] {
        assert!(e.citations.iter().any(|c| c.kind == kind), "some {kind} cites the transcript");
    }
    for c in &e.citations {
        let (a, b) = c.lines;
        let id = if a == b { format!("L{a}") } else { format!("L{a}-{b}") };
        let anchor = position(&html, &id).unwrap_or_else(|| panic!("no anchor #{id}"));
        let first = position(&html, &format!("L{a}")).unwrap();
        assert!(anchor <= first, "#{id} is placed before line {a}");
        if a > 1 {
            assert!(anchor > position(&html, &format!("L{}", a - 1)).unwrap(), "#{id} is placed after line {}", a - 1);
        }
        // Every line of the range is highlighted.
        for l in a..=b {
            let line = element(&html, &format!(" id=\"L{l}\"")).unwrap();
            assert!(start_tag(line).contains("class=\"tr-l tr-cited\""), "line {l} (quoted as {id}) is highlighted");
        }
        // The back-link, in the group for exactly this range.
        let group = element_with(&html, &[&format!("data-lines=\"{id}\""), "class=\"tr-cite\""])
            .unwrap_or_else(|| panic!("no back-links for #{id}"));
        let href = format!("href=\"index.html#{}\"", c.route);
        assert!(group.contains(&href), "#{id}: no link back to {} ({})", c.route, c.label);
        assert!(group.contains(&format!("href=\"#{id}\"")), "#{id}: the group names its lines");
    }
    // Lines no one quotes are not highlighted.
    let quoted = |l: u32| e.citations.iter().any(|c| c.lines.0 <= l && l <= c.lines.1);
    let plain = (1..=e.lines.len() as u32).find(|&l| !quoted(l)).expect("some line is not quoted");
    assert!(start_tag(element(&html, &format!(" id=\"L{plain}\"")).unwrap()).contains("class=\"tr-l\""));
}

#[tokio::test]
async fn the_sections_are_headings_in_order_with_a_table_of_contents() {
    let e = episode();
    let html = page().await;
    let toc = element(&html, "class=\"tr-toc\"").expect("a table of contents");
    let mut last = 0;
    for s in &e.sections {
        let id = format!("s-{}", s.id);
        let heading = element(&html, &format!(" id=\"{id}\"")).unwrap();
        assert!(heading.starts_with("<h2"), "section {} is a heading: {heading}", s.id);
        assert!(text(heading).starts_with(&*s.title));
        let entry = element(toc, &format!("href=\"#{id}\"")).unwrap_or_else(|| panic!("the contents link to {}", s.id));
        assert_eq!(text(entry), *s.title);
        let at = position(&html, &id).unwrap();
        assert!(
            at > last && at < position(&html, &format!("L{}", s.lines.0)).unwrap(),
            "{} before its first line",
            s.id
        );
        last = at;
        // The key points view links to a section's whole range.
        assert!(position(&html, &format!("L{}-{}", s.lines.0, s.lines.1)).is_some(), "#L{}-{}", s.lines.0, s.lines.1);
    }
}

#[tokio::test]
async fn the_header_says_what_this_is_and_links_back_to_the_explainer() {
    let html = page().await;
    let header = text(element(&html, "class=\"tr-header\"").unwrap());
    for words in
        ["auto-generated transcript", "AI Policy Podcast (CSIS)", "Kyle Chan", "[square brackets]", "speaker inferred"]
    {
        assert!(header.contains(words), "the header says {words:?}: {header}");
    }
    assert!(element(&html, "class=\"tr-back\"").unwrap().contains("href=\"index.html\""));
}

/// Every place the widget names transcript lines is a link to them: each "transcript
/// line(s) <number>" in the markup is the text of an `a.fs-cite` that opens
/// transcript.html there, in a new tab.
fn every_line_mention_is_a_link(html: &str, what: &str) -> usize {
    let t = text(html);
    let cited = |i: &usize| {
        let rest = t[i + "transcript line".len()..].trim_start_matches('s');
        rest.starts_with(' ') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    };
    let mentions = t.match_indices("transcript line").map(|(i, _)| i).filter(cited).count();
    let links = html.matches("class=\"fs-cite\">transcript line").count();
    assert_eq!(mentions, links, "{what}: {mentions} mentions of transcript lines, {links} links");
    for (i, _) in html.match_indices("class=\"fs-cite\">") {
        let tag = &html[html[..i].rfind("<a ").unwrap()..i];
        assert!(tag.contains("href=\"transcript.html#L") && tag.contains("target=\"_blank\""), "{what}: {tag}");
    }
    links
}

#[tokio::test]
async fn every_transcript_citation_in_the_chart_and_the_evidence_pages_is_a_link() {
    use full_stack::model::route::{ChartTarget, Route};
    use full_stack::model::{Config, CONTENT};
    use full_stack::view::chart::evidence::{AllEvidence, AllEvidenceProps};
    use full_stack::view::{AppProps, ContentRef};

    let mut targets: Vec<ChartTarget> = CONTENT.layer_ixs().map(ChartTarget::Layer).collect();
    targets.extend(CONTENT.tool_ixs().map(ChartTarget::Tool));
    targets.extend(CONTENT.cells.iter().map(|c| ChartTarget::Cell { layer: c.layer, tool: c.tool }));
    let mut links = 0;
    for t in targets {
        let route = Some(Route::Chart(Some(t)));
        let html = common::render_props(AppProps { config: Config::default(), route, ..AppProps::new(&CONTENT) }).await;
        links += every_line_mention_is_a_link(&html, &t.id(&CONTENT));
    }
    assert!(links > 100, "{links} links in the chart's details and row and column summaries");
    // sources.html and the pages' <noscript>.
    let props = AllEvidenceProps { content: ContentRef(&CONTENT), links: Default::default() };
    let evidence = yew::LocalServerRenderer::<AllEvidence>::with_props(props).hydratable(false).render().await;
    assert!(every_line_mention_is_a_link(&evidence, "the evidence page") > 50);
}
