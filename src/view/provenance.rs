//! Provenance, shown: every claim with the numbers of its sources, every source with its
//! tier, and every episode quote with a link that opens the transcript at its lines.
//!
//! The DOM contract (tests rely on it): a claim is `.fs-claim` with `data-tier` (its
//! strongest shown source) and `data-refs` (the numbers of its shown sources); a source is
//! `li.fs-source` with `data-tier` and `data-source` (its number).

use yew::prelude::*;

use super::Links;
use crate::model::chart::{line_range, TierFilter};
use crate::model::{Claim, Source, Tier};

/// A tier's letter mark, shaded like the chart (decorative: the label is written out
/// beside it).
pub fn badge(tier: Tier) -> Html {
    html! { <span class="fs-badge" data-tier={tier.id()} aria-hidden="true">{ tier.mark() }</span> }
}

/// The numbers of a claim's sources the filter admits, as "1, 3".
fn refs(claim: &Claim, sources: &[Source], filter: TierFilter) -> String {
    let numbers: Vec<String> = filter.refs(claim, sources).map(|i| (i + 1).to_string()).collect();
    numbers.join(", ")
}

/// One claim: its text, and the numbers of its sources (those the filter admits). The
/// caller only renders claims the filter shows.
pub fn claim(c: &Claim, sources: &[Source], filter: TierFilter) -> Html {
    let numbers = refs(c, sources, filter);
    html! {
        <span class="fs-claim" data-tier={c.tier.id()} data-refs={numbers.replace(", ", " ")}>
            { c.text.to_string() }
            <sup class="fs-refs">
                <span class="fs-visually-hidden">{ if numbers.contains(',') { " sources " } else { " source " } }</span>
                { numbers }
            </sup>
        </span>
    }
}

/// The shown claims of a list as one paragraph of sentences.
pub fn paragraph(claims: &[Claim], sources: &[Source], filter: TierFilter, class: &'static str) -> Html {
    let shown: Vec<&Claim> = claims.iter().filter(|c| filter.shows(c)).collect();
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <p {class}>
            { for shown.into_iter().enumerate().map(|(i, c)| html! {
                <>{ if i > 0 { " " } else { "" } }{ claim(c, sources, filter) }</>
            }) }
        </p>
    }
}

/// A link that opens the transcript at lines `a`–`b`, highlighted, in a new tab.
pub fn transcript_link(links: &Links, a: u32, b: u32) -> Html {
    html! {
        <a class="fs-cite" href={links.transcript(a, b)} target="_blank" rel="noopener">
            { line_range(a, b) }
            <span class="fs-visually-hidden">{ " (opens the transcript in a new tab)" }</span>
        </a>
    }
}

/// The numbered sources `which` (positions in `sources`) the filter admits, each with
/// its tier: verbatim episode quotes with speaker and a link to the transcript lines,
/// report quotes, outside links, and our inferences (labelled as such).
pub fn source_list(sources: &[Source], which: impl Iterator<Item = usize>, filter: TierFilter, links: &Links) -> Html {
    let items: Vec<Html> = which
        .filter_map(|i| sources.get(i).map(|s| (i, s)))
        .filter(|(_, s)| filter.admits(s.tier))
        .map(|(i, s)| source(i + 1, s, links))
        .collect();
    html! { <ol class="fs-source-list">{ for items }</ol> }
}

/// One source, numbered `n`.
pub fn source(n: usize, s: &Source, links: &Links) -> Html {
    let quote = |q: &Option<crate::model::content::Text>| {
        html! { <blockquote class="fs-quote"><p>{ "\u{201c}" }{ q.as_deref().unwrap_or_default() }{ "\u{201d}" }</p></blockquote> }
    };
    let body = match s.tier {
        Tier::Episode => html! {
            <>
                { quote(&s.quote) }
                <p class="fs-credit">
                    { "\u{2014} " }
                    { s.speaker.map(|sp| sp.name()).unwrap_or("Unattributed") }
                    if let Some((a, b)) = s.lines {
                        { ", " }{ transcript_link(links, a, b) }
                    }
                    if let Some(n) = &s.speaker_note {
                        <span class="fs-speaker-note">{ " (" }{ n.to_string() }{ ")" }</span>
                    }
                </p>
            </>
        },
        Tier::Report => html! {
            <>
                { quote(&s.quote) }
                <p class="fs-credit">{ "\u{2014} RAND, " }<cite>{ "Full Stack" }</cite>{ " (2025)" }</p>
            </>
        },
        Tier::Outside => match &s.url {
            Some(url) => html! {
                <p class="fs-outside">
                    <a href={url.to_string()} target="_blank" rel="noopener noreferrer">
                        { s.label.as_deref().unwrap_or(url).to_string() }
                    </a>
                </p>
            },
            None => html! { <p class="fs-outside">{ s.label.as_deref().unwrap_or_default().to_string() }</p> },
        },
        Tier::Reconstruction => html! {},
    };
    let note = s.note.as_deref().map(|n| {
        if s.tier == Tier::Reconstruction {
            html! { <p class="fs-note"><strong>{ "Our inference: " }</strong>{ n.to_string() }</p> }
        } else {
            html! { <p class="fs-note">{ n.to_string() }</p> }
        }
    });
    html! {
        <li class="fs-source" data-tier={s.tier.id()} data-source={n.to_string()}>
            <p class="fs-tier-label"><span class="fs-source-n">{ n }</span>{ " " }{ badge(s.tier) }{ " " }{ s.tier.label() }</p>
            { body }
            { note.unwrap_or_default() }
        </li>
    }
}
