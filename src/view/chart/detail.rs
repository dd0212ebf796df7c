use yew::prelude::*;

use super::cell::marks;
use crate::model::chart::{
    column_summary, plural, row_summary, shown_entries, tier_phrase, Evidence, LineSummary, TierFilter,
};
use crate::model::route::{ChartTarget, Route};
use crate::model::timeline::human_date;
use crate::model::{Cell, Content, Data, LayerIx, Tier, ToolIx};
use crate::platform::page;
use crate::view::provenance::{badge, claim, paragraph, source_list, transcript_link};
use crate::view::{use_content, use_data, use_links, use_nav, Links, Nav};

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
    /// Whether a panel that opens paints its first entries before the rest: not in the
    /// first render (the server's, and hydration, which must match it).
    pub progressive: bool,
}

/// The detail panel: a cell's programs, figures and sources, claim by claim, or a row's
/// or column's summary.
#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let content = use_content();
    let nav = use_nav();
    let links = use_links();
    let data = use_data().state.ready();
    // A panel opened by the reader paints its head, summary and first entries at once, and
    // the rest in the frame after (`aria-busy` until then): a large cell's entries were
    // three quarters of the panel and most of the time from a click to its paint.
    let whole_for = use_state_eq(|| (!props.progressive).then_some(props.target));
    let whole = *whole_for == Some(props.target);
    {
        let whole_for = whole_for.clone();
        use_effect_with(props.target, move |&target| {
            if !whole {
                page::after_paint(move || whole_for.set(Some(target)));
            }
        });
    }
    let heading_id = format!("fs-detail-h-{}", props.id_suffix);
    let close = props.on_close.reform(|_: MouseEvent| ());
    let (title, body) = match props.target {
        ChartTarget::Cell { layer, tool } => (
            format!("{} \u{00d7} {}", content.layer(layer).name, content.tool(tool).short),
            cell_detail(content, data, &nav, &links, props, (layer, tool), whole),
        ),
        ChartTarget::Layer(l) => (
            format!("{}: the whole layer", content.layer(l).name),
            line_detail(content, props, &links, Line::Layer(l), &row_summary(content, l, props.filter), whole),
        ),
        ChartTarget::Tool(t) => (
            format!("{}: across the stack", content.tool(t).short),
            line_detail(content, props, &links, Line::Tool(t), &column_summary(content, t, props.filter), whole),
        ),
    };
    html! {
        <section
            class="fs-detail"
            aria-labelledby={heading_id.clone()}
            aria-busy={(!whole).then_some("true")}
            data-target={props.target.id(content)}
            data-filter={props.filter.id()}
        >
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

/// The layer and the tool in plain words.
fn plain_words(content: &Content, l: LayerIx, t: ToolIx) -> Html {
    let (layer, tool) = (content.layer(l), content.tool(t));
    html! {
        <dl class="fs-plain">
            <dt>{ "Layer of the stack" }</dt>
            <dd><strong>{ layer.name.to_string() }</strong>{ ": " }{ layer.description.to_string() }</dd>
            <dt>{ "Policy tool" }</dt>
            <dd>
                <strong>{ tool.name.to_string() }</strong>{ ": " }{ tool.description.to_string() }
                if let Some(w) = &tool.report_wording {
                    { " RAND\u{2019}s words: \u{201c}" }{ w.to_string() }{ "\u{201d}." }
                }
            </dd>
        </dl>
    }
}

fn cell_detail(
    content: &'static Content,
    data: Option<&'static Data>,
    nav: &Nav,
    links: &Links,
    props: &DetailProps,
    (l, t): (LayerIx, ToolIx),
    whole: bool,
) -> Html {
    let plain = plain_words(content, l, t);
    let Some(cell) = content.cell_at(l, t) else {
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
    let filter_note = (hidden > 0 || !props.filter.is_everything()).then(|| {
        let what = if hidden > 0 {
            format!("{} and some sentences are hidden", plural(hidden, "entry", "entries"))
        } else {
            "Claims without a source of these tiers are hidden".to_string()
        };
        html! {
            <p class="fs-filter-note">
                { format!("{what} by the filter \u{201c}{}\u{201d}. ", props.filter.label()) }
                <button type="button" class="fs-button fs-quiet" onclick={show_all}>{ "Show everything" }</button>
            </p>
        }
    });
    let strongest = ev.tier().unwrap_or(cell.tier);
    html! {
        <>
            { plain }
            <p class="fs-tierline">
                { badge(strongest) }
                { " Strongest source shown: " }<strong>{ strongest.label() }</strong>
                { format!(". {} in all.", plural(cell.entries.len(), "entry", "entries")) }
            </p>
            if cell.tier == Tier::Reconstruction {
                <p class="fs-inference">
                    <strong>{ "Our inference, not a sourced fact." }</strong>
                    { " Nothing in the episode, the report text or the outside sources we read shows this cell; we think it is likely, for the reasons below." }
                </p>
            }
            { paragraph(&cell.summary, &cell.sources, props.filter, "fs-summary") }
            { filter_note.unwrap_or_default() }
            { entries(cell, props.filter, links, if whole { usize::MAX } else { FIRST_ENTRIES }) }
            if whole {
                { questions(content, data, nav, cell) }
                { events(content, data, nav, cell, props.filter) }
            }
        </>
    }
}

/// How many entries a newly opened panel paints before the rest (see [`Detail`]).
const FIRST_ENTRIES: usize = 2;

/// How many cells a newly opened row or column summary paints before the rest: each has
/// its summary and sources, and a column of 45 layers (10x content) was most of the time
/// from a click on its header to the paint.
const FIRST_LINES: usize = 4;

/// A cell's entries (programs, examples, figures), claim by claim, each claim with the
/// numbers of its sources, and the sources themselves, as the filter admits them; the
/// first `upto`. Also used by the static evidence list (`evidence`).
pub fn entries(cell: &Cell, filter: TierFilter, links: &Links, upto: usize) -> Html {
    use crate::model::ClaimKind;
    html! {
        <ol class="fs-entries">
            { for shown_entries(cell, filter).take(upto).map(|e| {
                let shown = |kind: ClaimKind| e.claims.iter().filter(move |c| c.kind == kind && filter.shows(c));
                let figures: Vec<Html> = shown(ClaimKind::Figure).map(|c| html! { <li>{ claim(c, &cell.sources, filter) }</li> }).collect();
                let names: Vec<Html> = shown(ClaimKind::Name).map(|c| html! {
                    <p class="fs-name">
                        { "Official name: " }{ claim(c, &cell.sources, filter) }
                        if let Some(zh) = &c.zh {
                            { " " }<span class="fs-zh" lang="zh-Hans">{ zh.to_string() }</span>
                        }
                    </p>
                }).collect();
                let texts: Vec<_> = e.claims.iter().filter(|c| c.kind == ClaimKind::Text).cloned().collect();
                html! {
                    <li class="fs-entry" data-tier={e.title.tier.id()}>
                        <h4 class="fs-entry-title">
                            { claim(&e.title, &cell.sources, filter) }
                            if let Some(zh) = &e.title.zh {
                                { " " }<span class="fs-zh" lang="zh-Hans">{ zh.to_string() }</span>
                            }
                        </h4>
                        { for names }
                        { paragraph(&texts, &cell.sources, filter, "fs-entry-text") }
                        if !figures.is_empty() {
                            <ul class="fs-figures" aria-label="Figures and dates">{ for figures }</ul>
                        }
                        <h5 class="fs-visually-hidden">{ "Sources" }</h5>
                        { source_list(&cell.sources, e.sources.iter().map(|&s| s as usize), filter, links) }
                    </li>
                }
            }) }
        </ol>
    }
}

/// Links to the quiz questions about this cell (once the on-demand data is here).
fn questions(content: &'static Content, data: Option<&'static Data>, nav: &Nav, cell: &Cell) -> Html {
    let Some(data) = data else { return html! {} };
    if cell.questions.is_empty() {
        return html! {};
    }
    html! {
        <div class="fs-related">
            <h4>{ "Test yourself" }</h4>
            <ul>
                { for cell.questions.iter().filter_map(|&q| data.question(q).map(|question| (q, question))).map(|(q, question)| {
                    let route = Route::Quiz(Some(q));
                    html! { <li><a href={route.fragment(content)} onclick={link(nav, route)}>{ question.prompt.to_string() }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// Links to the timeline events about this cell (once the on-demand data is here). Each
/// link states an event and its date, a claim: it shows only where the filter admits its
/// sources.
fn events(content: &'static Content, data: Option<&'static Data>, nav: &Nav, cell: &Cell, filter: TierFilter) -> Html {
    let Some(data) = data else { return html! {} };
    let shown: Vec<_> = cell
        .events
        .iter()
        .filter_map(|&e| data.event(e).map(|ev| (e, ev)))
        .filter(|(_, ev)| filter.shows(&ev.title))
        .collect();
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <div class="fs-related">
            <h4>{ "On the timeline" }</h4>
            <ul>
                { for shown.into_iter().map(|(e, ev)| {
                    let route = Route::Timeline(Some(e));
                    html! {
                        <li data-tier={ev.title.tier.id()}>
                            <a href={route.fragment(content)} onclick={link(nav, route)}>
                                { human_date(&ev.date) }{ ": " }{ ev.title.text.to_string() }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// "On the chart: Layer × Tool; …": links to cells, for the views that point at the chart
/// (key points, timeline events). Nothing when `cells` is empty.
pub fn chart_links(content: &'static Content, nav: &Nav, cells: &[crate::model::CellIx], class: &'static str) -> Html {
    if cells.is_empty() {
        return html! {};
    }
    html! {
        <p {class}>
            <span>{ "On the chart: " }</span>
            { for cells.iter().enumerate().map(|(k, &ci)| {
                let c = content.cell(ci);
                let route = Route::Chart(Some(ChartTarget::Cell { layer: c.layer, tool: c.tool }));
                html! {
                    <>
                        { if k > 0 { "; " } else { "" } }
                        <a href={route.fragment(content)} onclick={link(nav, route)}>
                            { content.layer(c.layer).name.to_string() }{ " \u{00d7} " }{ content.tool(c.tool).short.to_string() }
                        </a>
                    </>
                }
            }) }
        </p>
    }
}

/// A click handler that navigates inside the widget instead of following the href
/// (which stays for "open in new tab" and for reading).
pub fn link(nav: &Nav, route: Route) -> Callback<MouseEvent> {
    let nav = nav.clone();
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        nav.go(route);
    })
}

#[derive(Clone, Copy)]
enum Line {
    Layer(LayerIx),
    Tool(ToolIx),
}

fn line_detail<T: Copy>(
    content: &'static Content,
    props: &DetailProps,
    links: &Links,
    line: Line,
    s: &LineSummary<T>,
    whole: bool,
) -> Html
where
    Line: Along<T>,
{
    let (description, other, total) = match line {
        Line::Layer(l) => (&content.layer(l).description, "policy tools", content.tools.len()),
        Line::Tool(t) => (&content.tool(t).description, "layers", content.layers.len()),
    };
    let tiers: Vec<String> = Tier::ALL
        .iter()
        .zip(s.by_tier)
        .filter(|(_, n)| *n > 0)
        .map(|(tier, n)| format!("{n} {}", tier_phrase(*tier)))
        .collect();
    let names = |ix: &[T]| ix.iter().map(|&i| line.name(content, i)).collect::<Vec<_>>().join(", ");
    html! {
        <>
            if let Line::Tool(t) = line {
                <p><strong>{ content.tool(t).name.to_string() }</strong></p>
            }
            <p>{ description.to_string() }</p>
            <p class="fs-line-count">
                { format!("Evidence found for {} of {} {other} ({}).", s.shown.len(), total, plural(s.entries, "entry", "entries")) }
                { if tiers.is_empty() { String::new() } else { format!(" Strongest source per cell: {}.", tiers.join(", ")) } }
            </p>
            if !s.shown.is_empty() {
                <ul class="fs-line-list">
                    { for s.shown.iter().take(if whole { usize::MAX } else { FIRST_LINES }).map(|&(i, ev)| {
                        let target = line.target(i);
                        let onclick = props.on_select.reform(move |e: MouseEvent| (target, e.detail() > 0));
                        let cell = match target {
                            ChartTarget::Cell { layer, tool } => content.cell_at(layer, tool),
                            _ => None,
                        };
                        html! {
                            <li data-tier={ev.tier().map(|x| x.id())}>
                                <button type="button" class="fs-line-btn" {onclick}>
                                    { marks(ev) }
                                    <span class="fs-line-name">{ line.name(content, i) }</span>
                                    <span class="fs-visually-hidden">{ format!(": {}", ev.describe()) }</span>
                                </button>
                                if let Some(cell) = cell {
                                    <div class="fs-line-summary">
                                        { paragraph(&cell.summary, &cell.sources, props.filter, "fs-summary") }
                                        { line_sources(cell, props.filter, links) }
                                    </div>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !s.filtered.is_empty() {
                <p class="fs-filter-note">{ "Hidden by the filter: " }{ names(&s.filtered) }{ "." }</p>
            }
            if !s.not_found.is_empty() {
                <p class="fs-nf-note">
                    <strong>{ "No evidence found" }</strong>{ " (not a claim that none exists): " }{ names(&s.not_found) }{ "." }
                </p>
            }
        </>
    }
}

/// The sources a row or column summary's sentences cite, in short: the claims' numbers
/// point at these (the cell's own panel lists them in full).
fn line_sources(cell: &Cell, filter: TierFilter, links: &Links) -> Html {
    let mut cited: Vec<usize> =
        cell.summary.iter().filter(|c| filter.shows(c)).flat_map(|c| filter.refs(c, &cell.sources)).collect();
    cited.sort_unstable();
    cited.dedup();
    html! {
        <ol class="fs-source-list fs-source-list-short">
            { for cited.into_iter().filter_map(|i| cell.sources.get(i).map(|s| (i, s))).map(|(i, s)| html! {
                <li class="fs-source" data-tier={s.tier.id()} data-source={(i + 1).to_string()}>
                    <span class="fs-source-n">{ i + 1 }</span>{ " " }{ badge(s.tier) }{ " " }{ short_source(s, links) }
                </li>
            }) }
        </ol>
    }
}

/// A source in a few words: the speaker and lines (a link to them in the transcript), the
/// report, or the outside label.
fn short_source(s: &crate::model::Source, links: &Links) -> Html {
    match (s.tier, s.lines) {
        (Tier::Episode, Some((a, b))) => html! {
            <>{ s.speaker.map_or("Unattributed", |sp| sp.name()) }{ ", " }{ transcript_link(links, a, b) }</>
        },
        (Tier::Episode, None) => html! { { crate::model::chart::quote_credit(s) } },
        (Tier::Report, _) => html! { "RAND, Full Stack (2025)" },
        (Tier::Outside, _) => html! { { s.label.as_deref().unwrap_or("outside source").to_string() } },
        (Tier::Reconstruction, _) => html! { { tier_phrase(Tier::Reconstruction) } },
    }
}

/// What a row or a column runs along: tools for a layer, layers for a tool.
trait Along<T> {
    fn name(self, content: &Content, i: T) -> String;
    fn target(self, i: T) -> ChartTarget;
}

impl Along<ToolIx> for Line {
    fn name(self, content: &Content, t: ToolIx) -> String {
        content.tool(t).short.to_string()
    }
    fn target(self, t: ToolIx) -> ChartTarget {
        match self {
            Line::Layer(layer) => ChartTarget::Cell { layer, tool: t },
            Line::Tool(tool) => ChartTarget::Tool(tool),
        }
    }
}

impl Along<LayerIx> for Line {
    fn name(self, content: &Content, l: LayerIx) -> String {
        content.layer(l).name.to_string()
    }
    fn target(self, l: LayerIx) -> ChartTarget {
        match self {
            Line::Tool(tool) => ChartTarget::Cell { layer: l, tool },
            Line::Layer(layer) => ChartTarget::Layer(layer),
        }
    }
}
