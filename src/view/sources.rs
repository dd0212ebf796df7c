use yew::prelude::*;

use crate::model::chart::{line_range, TierFilter};
use crate::model::{Source, Tier};

#[derive(Properties)]
pub struct SourceListProps {
    pub sources: &'static [Source],
    #[prop_or_default]
    pub filter: TierFilter,
}

impl PartialEq for SourceListProps {
    /// The sources are static content: the same slice is the same list.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.sources, other.sources) && self.filter == other.filter
    }
}

/// A claim's sources, each labelled with its provenance tier: verbatim episode quotes
/// with speaker and transcript lines, report quotes, outside links, and our inferences
/// (labelled as such).
#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let shown: Vec<&'static Source> = props.sources.iter().filter(|s| props.filter.admits(s.tier)).collect();
    html! {
        <ul class="fs-source-list">
            { for shown.into_iter().map(source) }
        </ul>
    }
}

/// A tier's letter mark, shaded like the chart (decorative: the label is written out
/// beside it).
pub fn badge(tier: Tier) -> Html {
    html! { <span class="fs-badge" data-tier={tier.id()} aria-hidden="true">{ tier.mark() }</span> }
}

fn source(s: &'static Source) -> Html {
    let body = match s.tier {
        Tier::Episode => html! {
            <>
                <blockquote class="fs-quote"><p>{ "\u{201c}" }{ s.quote.unwrap_or_default() }{ "\u{201d}" }</p></blockquote>
                <p class="fs-credit">
                    { "\u{2014} " }
                    { s.speaker.map(|sp| sp.name()).unwrap_or("Unattributed") }
                    { s.lines.map(|(a, b)| format!(", {}", line_range(a, b))).unwrap_or_default() }
                    { s.speaker_note.map(|n| html! { <span class="fs-speaker-note">{ " (" }{ n }{ ")" }</span> }).unwrap_or_default() }
                </p>
            </>
        },
        Tier::Report => html! {
            <>
                <blockquote class="fs-quote"><p>{ "\u{201c}" }{ s.quote.unwrap_or_default() }{ "\u{201d}" }</p></blockquote>
                <p class="fs-credit">{ "\u{2014} RAND, " }<cite>{ "Full Stack" }</cite>{ " (2025)" }</p>
            </>
        },
        Tier::Outside => match s.url {
            Some(url) => html! {
                <p class="fs-outside">
                    <a href={url} target="_blank" rel="noopener noreferrer">{ s.label.unwrap_or(url) }</a>
                </p>
            },
            None => html! { <p class="fs-outside">{ s.label.unwrap_or_default() }</p> },
        },
        Tier::Reconstruction => html! {},
    };
    let note = s.note.map(|n| {
        if s.tier == Tier::Reconstruction {
            html! { <p class="fs-note"><strong>{ "Our inference: " }</strong>{ n }</p> }
        } else {
            html! { <p class="fs-note">{ n }</p> }
        }
    });
    html! {
        <li class="fs-source" data-tier={s.tier.id()}>
            <p class="fs-tier-label">{ badge(s.tier) }{ " " }{ s.tier.label() }</p>
            { body }
            { note.unwrap_or_default() }
        </li>
    }
}
