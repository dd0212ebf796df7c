use yew::prelude::*;

use super::cell::marks;
use super::sources::{badge, SourceList};
use super::{use_content, use_nav};
use crate::model::chart::{
    column_summary, entry_shown, events_for_cell, plural, row_summary, tier_phrase, Evidence, LineSummary, TierFilter,
};
use crate::model::route::{ChartTarget, Route};
use crate::model::timeline::human_date;
use crate::model::{Cell, Content, Tier};

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub target: ChartTarget,
    pub filter: TierFilter,
    /// Distinguishes the ids of the wide and the narrow copy of the panel.
    pub id_suffix: &'static str,
    pub on_close: Callback<()>,
    /// Opens another cell (from a row or column summary).
    pub on_select: Callback<(ChartTarget, bool)>,
    /// Clears the provenance filter.
    pub on_show_all: Callback<()>,
}

/// The detail panel: a cell's programs, figures and sources, or a row's or column's
/// summary.
#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let heading_id = format!("fs-detail-h-{}", props.id_suffix);
    let close = props.on_close.reform(|_: MouseEvent| ());
    let (title, body) = match props.target {
        ChartTarget::Cell(l, t) => (
            format!("{} \u{00d7} {}", content.layers[l].name, content.tools[t].short),
            cell_detail(content, &nav, props, l, t),
        ),
        ChartTarget::Layer(l) => (
            format!("{}: the whole layer", content.layers[l].name),
            line_detail(content, props, Line::Layer(l), &row_summary(content, l, props.filter)),
        ),
        ChartTarget::Tool(t) => (
            format!("{}: across the stack", content.tools[t].short),
            line_detail(content, props, Line::Tool(t), &column_summary(content, t, props.filter)),
        ),
    };
    html! {
        <section class="fs-detail" aria-labelledby={heading_id.clone()} data-target={target_id(content, props.target)}>
            <div class="fs-detail-head">
                <h3 id={heading_id} class="fs-detail-title">{ title }</h3>
                <button type="button" class="fs-button fs-quiet fs-close" onclick={close}>
                    { "Close" }<span class="fs-visually-hidden">{ " details" }</span>
                </button>
            </div>
            { body }
        </section>
    }
}

/// "layer/tool", "layer" or "*/tool", for tests and styling.
fn target_id(content: &Content, t: ChartTarget) -> String {
    match t {
        ChartTarget::Cell(l, t) => format!("{}/{}", content.layers[l].id, content.tools[t].id),
        ChartTarget::Layer(l) => content.layers[l].id.to_string(),
        ChartTarget::Tool(t) => format!("*/{}", content.tools[t].id),
    }
}

/// The layer and the tool in plain words.
fn plain_words(content: &Content, l: usize, t: usize) -> Html {
    let (layer, tool) = (&content.layers[l], &content.tools[t]);
    html! {
        <dl class="fs-plain">
            <dt>{ "Layer of the stack" }</dt>
            <dd><strong>{ layer.name }</strong>{ ": " }{ layer.description }</dd>
            <dt>{ "Policy tool" }</dt>
            <dd>
                <strong>{ tool.name }</strong>{ ": " }{ tool.description }
                { tool.report_wording.map(|w| html! { <>{ " RAND\u{2019}s words: \u{201c}" }{ w }{ "\u{201d}." }</> }).unwrap_or_default() }
            </dd>
        </dl>
    }
}

fn cell_detail(content: &'static Content, nav: &super::Nav, props: &DetailProps, l: usize, t: usize) -> Html {
    let plain = plain_words(content, l, t);
    let Some(cell) = content.cell(l, t) else {
        return html! {
            <>
                { plain }
                <p class="fs-nf-note" data-state="none">
                    { marks(Evidence::NotFound) }
                    <strong>{ " No evidence found." }</strong>
                    { " We found nothing for this pairing in the episode, the report text we could check or the outside sources we read. That is not a claim that no such policy exists." }
                </p>
            </>
        };
    };
    let ev = Evidence::of(content, l, t, props.filter);
    let hidden = cell.entries.len() - ev.count();
    let show_all = props.on_show_all.reform(|_: MouseEvent| ());
    let filter_note = (hidden > 0).then(|| {
        html! {
            <p class="fs-filter-note">
                { format!(
                    "{} hidden by the filter \u{201c}{}\u{201d}. ",
                    plural(hidden, "entry is", "entries are"),
                    props.filter.label()
                ) }
                <button type="button" class="fs-button fs-quiet" onclick={show_all}>{ "Show everything" }</button>
            </p>
        }
    });
    html! {
        <>
            { plain }
            <p class="fs-tierline">
                { badge(cell.tier) }
                { " Strongest source: " }<strong>{ cell.tier.label() }</strong>
                { format!(". {} in all.", plural(cell.entries.len(), "entry", "entries")) }
            </p>
            { if cell.tier == Tier::Reconstruction { html! {
                <p class="fs-inference">
                    <strong>{ "Our inference, not a sourced fact." }</strong>
                    { " Nothing in the episode, the report text or the outside sources we read shows this cell; we think it is likely, for the reasons below." }
                </p>
            } } else { html! {} } }
            <p class="fs-summary">{ cell.summary }</p>
            { filter_note.unwrap_or_default() }
            { entries(cell, props.filter) }
            { questions(content, nav, cell) }
            { events(content, nav, l, t) }
        </>
    }
}

/// A cell's entries (programs, examples, figures) with their sources, as the filter
/// admits them. Also used by the static evidence list (`view::evidence`).
pub fn entries(cell: &'static Cell, filter: TierFilter) -> Html {
    html! {
        <ol class="fs-entries">
            { for cell.entries.iter().filter(|e| entry_shown(e, filter)).map(|e| html! {
                <li class="fs-entry">
                    <h4 class="fs-entry-title">
                        { e.title }
                        { e.zh.map(|zh| html! { <>{ " " }<span class="fs-zh" lang="zh-Hans">{ zh }</span></> }).unwrap_or_default() }
                    </h4>
                    <p>{ e.text }</p>
                    { if e.figures.is_empty() { html! {} } else { html! {
                        <ul class="fs-figures" aria-label="Figures">
                            { for e.figures.iter().map(|f| html! { <li>{ *f }</li> }) }
                        </ul>
                    } } }
                    <SourceList sources={e.sources} filter={filter} />
                </li>
            }) }
        </ol>
    }
}

/// Links to the quiz questions about this cell.
fn questions(content: &'static Content, nav: &super::Nav, cell: &Cell) -> Html {
    if cell.questions.is_empty() {
        return html! {};
    }
    html! {
        <div class="fs-related">
            <h4>{ "Test yourself" }</h4>
            <ul>
                { for cell.questions.iter().map(|&q| {
                    let route = Route::Quiz(Some(q));
                    let onclick = link(nav, route);
                    html! { <li><a href={route.fragment(content)} {onclick}>{ content.questions[q].prompt }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// Links to the timeline events about this cell.
fn events(content: &'static Content, nav: &super::Nav, l: usize, t: usize) -> Html {
    let evs = events_for_cell(content, l, t);
    if evs.is_empty() {
        return html! {};
    }
    html! {
        <div class="fs-related">
            <h4>{ "On the timeline" }</h4>
            <ul>
                { for evs.into_iter().map(|e| {
                    let route = Route::Timeline(Some(e));
                    let ev = &content.timeline[e];
                    html! {
                        <li>
                            <a href={route.fragment(content)} onclick={link(nav, route)}>
                                { human_date(ev.date) }{ ": " }{ ev.title }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// A click handler that navigates inside the widget instead of following the href
/// (which stays for "open in new tab" and for reading).
pub fn link(nav: &super::Nav, route: Route) -> Callback<MouseEvent> {
    let nav = nav.clone();
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        nav.go(route);
    })
}

enum Line {
    Layer(usize),
    Tool(usize),
}

fn line_detail(content: &'static Content, props: &DetailProps, line: Line, s: &LineSummary) -> Html {
    let (description, other, total) = match line {
        Line::Layer(l) => (content.layers[l].description, "policy tools", content.tools.len()),
        Line::Tool(t) => (content.tools[t].description, "layers", content.layers.len()),
    };
    let name_of = |i: usize| match line {
        Line::Layer(_) => content.tools[i].short,
        Line::Tool(_) => content.layers[i].name,
    };
    let target_of = |i: usize| match line {
        Line::Layer(l) => ChartTarget::Cell(l, i),
        Line::Tool(t) => ChartTarget::Cell(i, t),
    };
    let tiers: Vec<String> = Tier::ALL
        .iter()
        .zip(s.by_tier)
        .filter(|(_, n)| *n > 0)
        .map(|(tier, n)| format!("{n} {}", tier_phrase(*tier)))
        .collect();
    let names = |ix: &[usize]| ix.iter().map(|&i| name_of(i)).collect::<Vec<_>>().join(", ");
    let tool_name = match line {
        Line::Tool(t) => Some(content.tools[t].name),
        Line::Layer(_) => None,
    };
    html! {
        <>
            { tool_name.map(|n| html! { <p><strong>{ n }</strong></p> }).unwrap_or_default() }
            <p>{ description }</p>
            <p class="fs-line-count">
                { format!(
                    "Evidence found for {} of {} {other} ({}).",
                    s.shown.len(),
                    total,
                    plural(s.entries, "entry", "entries")
                ) }
                { if tiers.is_empty() { String::new() } else { format!(" Strongest source per cell: {}.", tiers.join(", ")) } }
            </p>
            { if s.shown.is_empty() { html! {} } else { html! {
                <ul class="fs-line-list">
                    { for s.shown.iter().map(|&(i, ev)| {
                        let target = target_of(i);
                        let onclick = props.on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
                        let summary = match target {
                            ChartTarget::Cell(l, t) => content.cell(l, t).map(|c| c.summary).unwrap_or_default(),
                            _ => "",
                        };
                        html! {
                            <li data-tier={ev.tier().map(|x| x.id())}>
                                <button type="button" class="fs-line-btn" {onclick}>
                                    { marks(ev) }
                                    <span class="fs-line-name">{ name_of(i) }</span>
                                    <span class="fs-visually-hidden">{ ": " }{ ev.describe() }</span>
                                </button>
                                <span class="fs-line-summary">{ summary }</span>
                            </li>
                        }
                    }) }
                </ul>
            } } }
            { if s.filtered.is_empty() { html! {} } else { html! {
                <p class="fs-filter-note">{ "Hidden by the filter: " }{ names(&s.filtered) }{ "." }</p>
            } } }
            { if s.not_found.is_empty() { html! {} } else { html! {
                <p class="fs-nf-note">
                    <strong>{ "No evidence found" }</strong>{ " (not a claim that none exists): " }{ names(&s.not_found) }{ "." }
                </p>
            } } }
        </>
    }
}
