//! "Only what was said in the episode": under that filter a chart cell shows only what an
//! episode quote supports. The outside figures, dates and names that issue 10 found leaking
//! stay hidden, and every number a shown claim states is one its episode quotes give.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use full_stack::model::chart::{shown_entries, TierFilter};
use full_stack::model::{Claim, Source, Tier, CONTENT};

const EPISODE: TierFilter = TierFilter(Tier::Episode);

/// Every claim a cell's panel shows under `filter` (summary sentences, then each shown
/// entry's title and claims), with the cell's sources and the cell's key.
fn shown(filter: TierFilter) -> Vec<(String, &'static Claim, &'static [Source])> {
    let mut out = Vec::new();
    for cell in CONTENT.cells.iter() {
        let key = format!("{}/{}", CONTENT.layer(cell.layer).id, CONTENT.tool(cell.tool).id);
        let sources: &'static [Source] = &cell.sources;
        for c in cell.summary.iter().filter(|c| filter.shows(c)) {
            out.push((key.clone(), c, sources));
        }
        for e in shown_entries(cell, filter) {
            for c in std::iter::once(&e.title).chain(e.claims.iter()).filter(|c| filter.shows(c)) {
                out.push((key.clone(), c, sources));
            }
        }
    }
    out
}

/// The claim as a reader sees it: its text and, for a name, its Chinese form.
fn words(c: &Claim) -> String {
    match &c.zh {
        Some(zh) => format!("{} {zh}", c.text),
        None => c.text.to_string(),
    }
}

/// The numbers written in digits in `text` ("10,000" is one number) and, with `spelled`,
/// the number words up to twenty as well (the transcript spells out "document number eight").
fn numbers(text: &str, spelled: bool) -> Vec<String> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let text = text.replace(',', "");
    let mut out = Vec::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        let lower = token.to_lowercase();
        if let Some(n) = WORDS.iter().position(|w| *w == lower).filter(|_| spelled) {
            out.push(n.to_string());
        } else {
            let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() {
                out.push(digits.trim_start_matches('0').to_string());
            }
        }
    }
    out
}

/// A leak from issue 10's list: its name, and a test of a text showing it.
type Leak = (&'static str, fn(&str) -> bool);

#[test]
fn the_outside_figures_and_dates_found_leaking_are_hidden_under_the_episode_filter() {
    // Issue 10's list, each with what must not be shown (case as written in the content).
    let leaks: [Leak; 16] = [
        ("344 billion yuan", |t| t.contains("344 billion")),
        ("May 2024", |t| t.contains("May 2024")),
        ("led by Big Fund III", |t| t.contains("Big Fund")),
        ("March 6, 2025", |t| t.contains("March 6")),
        ("20-year life", |t| t.contains("20-year")),
        ("$138 billion", |t| t.contains("138 billion")),
        ("60.06 billion yuan", |t| t.contains("60.06")),
        ("13-year horizon", |t| t.contains("13-year")),
        ("founding dates", |t| t.contains("founded") || t.contains("Founded")),
        ("Cloud Brain II ~1 EFLOPS", |t| t.contains("Cloud Brain") || t.contains("FLOPS")),
        ("17 cities", |t| t.contains("17 cit")),
        ("$140,000-$280,000", |t| t.contains("140,000")),
        ("8 million yuan", |t| t.contains("8 million")),
        ("Document No. 8: 2015", |t| t.contains("Document No. 8") && t.contains("2015")),
        ("Document No. 8: State Council", |t| t.contains("Document No. 8") && t.contains("State Council")),
        ("Made in China 2025 dated 2015", |t| t.contains("(2015)") || t.contains("May 2015")),
    ];
    let claims = shown(EPISODE);
    assert!(claims.len() > 50, "the episode filter still shows the episode's claims ({})", claims.len());
    let mut found = Vec::new();
    for (cell, c, _) in &claims {
        let text = words(c);
        for (what, leaks) in &leaks {
            if leaks(&text) {
                found.push(format!("{cell}: {what}: {text}"));
            }
        }
    }
    assert!(found.is_empty(), "shown under \"{}\":\n{}", EPISODE.label(), found.join("\n"));
}

#[test]
fn every_number_shown_under_the_episode_filter_is_one_its_quotes_give() {
    let mut unsupported = Vec::new();
    let mut counted = 0;
    for (cell, c, sources) in shown(EPISODE) {
        assert_eq!(c.tier, Tier::Episode, "{cell}: {}", c.text);
        let quoted: Vec<String> = EPISODE
            .refs(c, sources)
            .filter_map(|i| sources[i].quote.as_deref())
            .flat_map(|q| numbers(q, true))
            .collect();
        for n in numbers(&words(c), false) {
            if !quoted.contains(&n) {
                unsupported.push(format!("{cell}: {n} in \"{}\"", c.text));
            }
        }
        counted += 1;
    }
    println!("claims shown under \"{}\": {counted}", EPISODE.label());
    for filter in TierFilter::ALL {
        println!("claims shown under \"{}\": {}", filter.label(), shown(filter).len());
    }
    assert!(unsupported.is_empty(), "numbers no cited episode quote gives:\n{}", unsupported.join("\n"));
}

/// The same, as rendered: the claims and sources of each cell's panel under "Only what was
/// said in the episode" show none of the outside figures, while under "Everything" the same
/// panels do show them, the panel's links to the timeline events about the cell included
/// (an event's date and title are a claim like any other).
#[tokio::test]
async fn the_rendered_panels_hide_the_outside_figures_under_the_episode_filter() {
    use common::text;
    use full_stack::model::route::ChartTarget;

    const LEAKS: [&str; 16] = [
        "344 billion",
        "May 2024",
        "Big Fund",
        "March 6, 2025",
        "20-year",
        "138 billion",
        "60.06",
        "13-year",
        "Cloud Brain",
        "FLOPS",
        "17 cit",
        "140,000",
        "8 million yuan",
        "Zheng Shanjie",
        "November 14, 2018",
        "Guo Fa",
    ];
    let mut seen_everything = Vec::new();
    for cell in CONTENT.cells.iter() {
        let target = ChartTarget::Cell { layer: cell.layer, tool: cell.tool };
        let key = format!("{}/{}", CONTENT.layer(cell.layer).id, CONTENT.tool(cell.tool).id);
        for filter in [EPISODE, TierFilter::default()] {
            let html = common::render_panel(target, filter).await;
            let read = text(&html);
            for leak in LEAKS.iter().filter(|l| read.contains(**l)) {
                if filter == EPISODE {
                    panic!("{key}: \"{leak}\" is shown under \"{}\"", EPISODE.label());
                }
                seen_everything.push(*leak);
            }
        }
    }
    // Every figure on the list is still in the content, shown under "Everything".
    for leak in LEAKS {
        assert!(seen_everything.contains(&leak), "\"{leak}\" is not shown anywhere under \"Everything\"");
    }
}
