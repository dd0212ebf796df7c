//! The chart and the timeline rendered with Yew's server renderer (no browser): what a
//! reader and a screen reader get from the markup, checked against the content.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{render_props, text};

use full_stack::model::chart::{line_range, TierFilter};
use full_stack::model::content::build_data;
use full_stack::model::route::{ChartTarget, Route};
use full_stack::model::{Config, LayerIx, Tier, ToolIx, View, CONTENT};
use full_stack::view::AppProps;

async fn render(route: Option<Route>) -> String {
    render_props(AppProps { config: Config::default(), route, ..AppProps::new(&CONTENT) }).await
}

/// The part of `html` from the tag holding the first `start` (attributes may come in
/// any order) to the next `end` after it.
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html.find(start).unwrap_or_else(|| panic!("{start} not rendered"));
    let i = if start.starts_with('<') { i } else { html[..i].rfind('<').unwrap_or(i) };
    let rest = &html[i..];
    &rest[..rest.find(end).map(|j| j + end.len()).unwrap_or(rest.len())]
}

fn table(html: &str) -> &str {
    section(html, "class=\"fs-matrix\"", "</table>")
}

fn detail(html: &str) -> &str {
    // The wide copy of the panel (the narrow one is the same component).
    section(html, "class=\"fs-wide fs-side\"", "</aside>")
}

fn target(l: &str, t: &str) -> ChartTarget {
    ChartTarget::Cell { layer: CONTENT.layer_ix(l).unwrap(), tool: CONTENT.tool_ix(t).unwrap() }
}

fn cell(l: &str, t: &str) -> Option<Route> {
    Some(Route::Chart(Some(target(l, t))))
}

/// Every (layer, tool) position.
fn positions() -> impl Iterator<Item = (LayerIx, ToolIx)> {
    CONTENT.layer_ixs().flat_map(|l| CONTENT.tool_ixs().map(move |t| (l, t)))
}

#[tokio::test]
async fn the_table_has_a_caption_layer_rows_top_down_and_tool_columns() {
    let html = render(None).await;
    let t = table(&html);
    let caption = text(section(t, "<caption", "</caption>"));
    assert!(caption.contains("a reconstruction after RAND\u{2019}s Full Stack (2025)"), "{caption}");
    // Layers are row headers, in stack order: physical applications first, semiconductors last.
    let mut last = 0;
    for layer in CONTENT.layers.iter() {
        let row = t
            .match_indices("<th scope=\"row\"")
            .map(|(i, _)| i)
            .find(|&i| text(section(&t[i..], "<th", "</th>")) == layer.name);
        let i = row.unwrap_or_else(|| panic!("no row header for {}", layer.id));
        assert!(i > last, "{} out of order", layer.id);
        last = i;
    }
    assert_eq!(CONTENT.layers.first().unwrap().id, "physical-apps");
    assert_eq!(CONTENT.layers.last().unwrap().id, "semiconductors");
    assert_eq!(t.matches("<th scope=\"row\"").count(), CONTENT.layers.len());
    // Tools are column headers, one more for the layer column.
    let head = section(t, "<thead>", "</thead>");
    assert_eq!(head.matches("<th scope=\"col\"").count(), CONTENT.tools.len() + 1);
    for tool in CONTENT.tools.iter() {
        assert!(text(head).contains(&*tool.short), "tool {} missing", tool.id);
        assert!(head.contains(&format!("title=\"{}\"", tool.name.replace('"', "&quot;"))), "full name of {}", tool.id);
    }
}

#[tokio::test]
async fn every_cell_says_what_it_holds_in_words_and_holds_a_button() {
    let html = render(None).await;
    let t = table(&html);
    let (nl, nt) = (CONTENT.layers.len(), CONTENT.tools.len());
    assert_eq!(t.matches("<td").count(), nl * nt);
    assert_eq!(t.matches("class=\"fs-cell\"").count(), nl * nt, "one button per cell");
    let empty = nl * nt - CONTENT.cells.len();
    assert_eq!(t.matches("data-state=\"none\"").count(), empty);
    assert_eq!(text(t).matches(": no evidence found").count(), empty, "empty cells say so to screen readers");
    assert_eq!(t.matches(">?</span>").count(), empty, "and show a visible '?'");
    for c in CONTENT.cells.iter() {
        let (layer, tool) = (CONTENT.layer(c.layer), CONTENT.tool(c.tool));
        let n = c.entries.len();
        let words = format!(
            "{}, {}: {} {}, strongest source: {}",
            layer.name,
            tool.short,
            n,
            if n == 1 { "entry" } else { "entries" },
            c.tier.label().to_lowercase()
        );
        assert!(text(t).contains(&words), "{words}");
        // Visibly: the count and the tier letter.
        let pos = format!("data-pos=\"{}-{}\"", c.layer.get() + 1, c.tool.get() + 1);
        let button = section(t, &pos, "</button>");
        assert!(
            button.contains(&format!(
                "<span class=\"fs-count\">{n}</span><span class=\"fs-mark\">{}</span>",
                c.tier.mark()
            )),
            "{pos}"
        );
    }
    // One tab stop for the whole grid (roving tabindex), on the first cell.
    let stops: Vec<_> = t.match_indices("tabindex=\"0\"").collect();
    assert_eq!(stops.len(), 1);
    assert!(t.contains("data-pos=\"1-1\" tabindex=\"0\""));
    assert_eq!(t.matches("tabindex=\"-1\"").count(), nl * nt + nl + nt - 1);
}

#[tokio::test]
async fn a_deep_linked_cell_shows_its_entries_figures_sources_and_quiz_links() {
    let html = render(cell("foundation-models", "state-funds")).await;
    let d = detail(&html);
    let t = text(d);
    let ChartTarget::Cell { layer: l, tool: tl } = target("foundation-models", "state-funds") else { unreachable!() };
    let c = CONTENT.cell_at(l, tl).unwrap();
    let (layer, tool) = (CONTENT.layer(c.layer), CONTENT.tool(c.tool));
    // Layer and tool in plain words.
    for s in [&layer.name, &layer.description, &tool.name, &tool.description] {
        assert!(t.contains(&**s), "missing: {s}");
    }
    for s in c.summary.iter() {
        assert!(t.contains(&*s.text), "summary sentence {}", s.text);
    }
    for e in c.entries.iter() {
        assert!(t.contains(&*e.title.text), "entry {}", e.title.text);
        for claim in std::iter::once(&e.title).chain(e.claims.iter()) {
            assert!(t.contains(&*claim.text), "claim {}", claim.text);
            if let Some(zh) = &claim.zh {
                let at = d.find(&format!(">{zh}</span>")).unwrap_or_else(|| panic!("Chinese name {zh}"));
                let tag = &d[d[..at].rfind('<').unwrap()..at];
                assert!(tag.contains("lang=\"zh-Hans\""), "{zh} is marked as Chinese: {tag}");
            }
        }
        for &i in e.sources.iter() {
            let s = &c.sources[i as usize];
            assert!(t.contains(s.tier.label()), "tier label {:?}", s.tier);
            assert!(d.contains(&format!("data-source=\"{}\"", i + 1)), "source number {}", i + 1);
            if let Some(q) = &s.quote {
                assert!(t.contains(&format!("\u{201c}{q}\u{201d}")), "verbatim quote {q}");
            }
            if let (Some(sp), Some((a, b))) = (s.speaker, s.lines) {
                assert!(t.contains(&format!("{}, {}", sp.name(), line_range(a, b))), "speaker and lines {a}-{b}");
                let anchor = if a == b { format!("L{a}") } else { format!("L{a}-{b}") };
                assert!(d.contains(&format!("href=\"transcript.html#{anchor}\"")), "transcript link {anchor}");
            }
            if let Some(u) = &s.url {
                assert!(d.contains(&format!("href=\"{u}\"")), "source link {u}");
            }
        }
    }
    assert!(!c.questions.is_empty(), "this cell has quiz questions");
    let data = build_data();
    for &q in c.questions.iter() {
        let href = Route::Quiz(Some(q)).fragment(&CONTENT);
        assert!(d.contains(&format!("href=\"{href}\"")), "quiz link {href}");
        assert!(t.contains(&*data.question(q).unwrap().prompt));
    }
    // The selected cell is pressed, and it is the tab stop.
    let pos = format!("data-pos=\"{}-{}\" tabindex=\"0\" aria-pressed=\"true\"", c.layer.get() + 1, c.tool.get() + 1);
    assert!(table(&html).contains(&pos), "{pos}");
    assert_eq!(table(&html).matches("aria-pressed=\"true\"").count(), 1);
}

#[tokio::test]
async fn an_inferred_cell_is_labelled_as_our_inference() {
    let c = CONTENT.cells.iter().find(|c| c.tier == Tier::Reconstruction).expect("content has an inferred cell");
    let html = render(Some(Route::Chart(Some(ChartTarget::Cell { layer: c.layer, tool: c.tool })))).await;
    let t = text(detail(&html));
    assert!(t.contains("Our inference, not a sourced fact."));
    assert!(t.contains("Reconstruction (our inference)"));
    for s in c.sources.iter() {
        assert!(t.contains(&format!("Our inference: {}", s.note.as_deref().unwrap())));
    }
}

#[tokio::test]
async fn an_empty_cell_says_no_evidence_found_not_none_exists() {
    let (l, t) = positions().find(|&(l, t)| CONTENT.cell_at(l, t).is_none()).unwrap();
    let html = render(Some(Route::Chart(Some(ChartTarget::Cell { layer: l, tool: t })))).await;
    let d = text(detail(&html));
    assert!(d.contains("No evidence found."));
    assert!(d.contains("not a claim that no such policy exists"));
    assert!(d.contains(&*CONTENT.layer(l).name) && d.contains(&*CONTENT.tool(t).name));
}

#[tokio::test]
async fn a_layer_header_opens_a_row_summary_and_a_tool_header_a_column_summary() {
    let l = CONTENT.layer_ix("research").unwrap();
    let html = render(Some(Route::Chart(Some(ChartTarget::Layer(l))))).await;
    let d = text(detail(&html));
    let evidenced: Vec<_> = CONTENT.tool_ixs().filter(|&t| CONTENT.cell_at(l, t).is_some()).collect();
    let entries: usize = evidenced.iter().map(|&t| CONTENT.cell_at(l, t).unwrap().entries.len()).sum();
    assert!(
        d.contains(&format!(
            "Evidence found for {} of {} policy tools ({entries} entries)",
            evidenced.len(),
            CONTENT.tools.len()
        )),
        "{d}"
    );
    for tool in CONTENT.tools.iter() {
        assert!(d.contains(&*tool.short), "row summary names {}", tool.id);
    }
    // Each evidenced cell's summary sentences, with their source numbers and sources.
    for &t in &evidenced {
        for s in CONTENT.cell_at(l, t).unwrap().summary.iter() {
            assert!(d.contains(&*s.text), "{}", s.text);
        }
    }
    assert!(d.contains("No evidence found (not a claim that none exists)"));
    // The row is highlighted, and its header pressed.
    let t = table(&html);
    assert_eq!(t.matches("data-hl=\"1\"").count(), CONTENT.tools.len() + 1);
    assert!(t.contains(&format!("data-pos=\"{}-0\" tabindex=\"0\" aria-pressed=\"true\"", l.get() + 1)));

    let tool = CONTENT.tool_ix("domestic-alternatives").unwrap();
    let html = render(Some(Route::Chart(Some(ChartTarget::Tool(tool))))).await;
    let d = text(detail(&html));
    let n = CONTENT.layer_ixs().filter(|&l| CONTENT.cell_at(l, tool).is_some()).count();
    assert!(d.contains(&format!("Evidence found for {n} of {} layers", CONTENT.layers.len())), "{d}");
    assert!(d.contains(&*CONTENT.tool(tool).name));
    assert_eq!(table(&html).matches("data-hl=\"1\"").count(), CONTENT.layers.len() + 1);
}

#[tokio::test]
async fn the_narrow_accordion_has_the_same_cells_and_buttons() {
    let html = render(cell("semiconductors", "domestic-alternatives")).await;
    let acc = section(&html, "class=\"fs-accordion\"", "class=\"fs-legend\"");
    assert_eq!(acc.matches("class=\"fs-acc-layer\"").count(), CONTENT.layers.len());
    let (nl, nt) = (CONTENT.layers.len(), CONTENT.tools.len());
    // A button per cell, per layer summary and per tool summary, like the table.
    assert_eq!(acc.matches("class=\"fs-acc-btn\"").count(), nl * nt + nl + nt);
    assert_eq!(text(acc).matches(": no evidence found").count(), nl * nt - CONTENT.cells.len());
    for layer in CONTENT.layers.iter() {
        assert!(text(acc).contains(&*layer.name));
    }
    // Only the selected cell's layer is open, with the panel inside it.
    let open: Vec<&str> =
        acc.split("<details").skip(1).filter(|d| d[..d.find('>').unwrap()].contains(" open")).collect();
    assert_eq!(open.len(), 1);
    assert!(text(&format!("<details{}", open[0])).starts_with("Semiconductors"));
    assert!(open[0].contains("class=\"fs-detail\""));
}

#[tokio::test]
async fn the_key_and_the_downloads_are_there() {
    let html = render(None).await;
    let legend = text(section(&html, "<div class=\"fs-legend\"", "</ul>"));
    for t in Tier::ALL {
        assert!(legend.contains(t.label()));
    }
    assert!(legend.contains("No evidence found (not a claim that none exists)"));
    let t = text(&html);
    for label in ["Download data (CSV)", "Download image (SVG)", "Download image (PNG)"] {
        assert!(t.contains(label), "{label}");
    }
    // They are links to the files `make dist` writes beside the page.
    assert!(html.contains("href=\"full-stack.csv\""));
    assert!(html.contains("href=\"chart-all.svg\"") && html.contains("href=\"chart-all.png\""));
    assert!(t.contains("Only what was said in the episode"), "the provenance filter");
    assert!(html.contains("<fieldset class=\"fs-filter\"><legend>Show evidence</legend>"));
    // Four radios in the chart (the quiz panel, rendered hidden, has its own).
    assert_eq!(section(&html, "id=\"fs-panel-chart\"", "id=\"fs-panel-quiz\"").matches("type=\"radio\"").count(), 4);
}

#[tokio::test]
async fn the_timeline_lists_every_event_in_date_order_with_links_to_cells() {
    let html = render(Some(Route::Timeline(None))).await;
    let tl = section(&html, "class=\"fs-events\"", "</ol></div>");
    let t = text(tl);
    let mut last = 0;
    for (i, e) in build_data().events.iter().enumerate() {
        let at = tl.find(&format!("data-event=\"{i}\"")).unwrap_or_else(|| panic!("event {}", e.id));
        assert!(at > last, "{} out of order", e.id);
        last = at;
        let item = section(tl, &format!("data-event=\"{i}\""), "</li>");
        assert!(text(item).contains(&*e.title.text), "{}", e.id);
        assert!(item.contains(&format!("datetime=\"{}\"", e.date)));
        // Each event says where its date and every sentence come from.
        assert!(item.contains(&format!("data-tier=\"{}\"", e.title.tier.id())), "{}: provenance", e.id);
        for claim in e.claims.iter() {
            assert!(text(item).contains(&*claim.text), "{}: {}", e.id, claim.text);
        }
        for &ci in e.cells.iter() {
            let c = CONTENT.cell(ci);
            let href = Route::Chart(Some(ChartTarget::Cell { layer: c.layer, tool: c.tool })).fragment(&CONTENT);
            assert!(item.contains(&format!("href=\"{href}\"")), "{}: link to {href}", e.id);
        }
    }
    assert!(t.contains("March 6, 2025"), "dates in plain words");
    assert!(html.contains("id=\"fs-tab-timeline\" aria-selected=\"true\""));
}

#[tokio::test]
async fn a_deep_linked_event_is_marked_current() {
    let i = CONTENT.event_ix("baai").unwrap();
    let html = render(Some(Route::Timeline(Some(i)))).await;
    assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
    let current = section(&html, "aria-current=\"true\"", "</li>");
    assert!(current.contains(&format!("data-event=\"{}\"", i.get())));
    assert!(text(current).contains(&*build_data().event(i).unwrap().title.text));
}

#[tokio::test]
async fn the_chart_still_renders_in_the_default_view() {
    let html = render(None).await;
    assert!(html.contains("id=\"fs-tab-chart\" aria-selected=\"true\""));
    assert!(!html.contains("class=\"fs-detail\""), "nothing selected, no panel");
    let _ = View::Chart;
}

/// Under every evidence filter, every claim shown in every cell's panel and in every row
/// and column summary cites a source the filter admits, and that source is listed with a
/// matching tier: the DOM contract the e2e filter walk checks in the browser.
#[tokio::test]
async fn under_every_filter_every_shown_claim_has_a_shown_source_of_an_allowed_tier() {
    let targets: Vec<ChartTarget> = positions()
        .map(|(layer, tool)| ChartTarget::Cell { layer, tool })
        .chain(CONTENT.layer_ixs().map(ChartTarget::Layer))
        .chain(CONTENT.tool_ixs().map(ChartTarget::Tool))
        .collect();
    let mut claims_seen = [0usize; 4];
    for (k, filter) in TierFilter::ALL.into_iter().enumerate() {
        for &target in &targets {
            let html = common::render_panel(target, filter).await;
            for (i, _) in html.match_indices("class=\"fs-claim\"") {
                let tag = &html[html[..i].rfind('<').unwrap()..i + html[i..].find('>').unwrap()];
                let attr = |name: &str| {
                    let at = tag.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("claim without {name}: {tag}"));
                    let rest = &tag[at + name.len() + 2..];
                    rest[..rest.find('"').unwrap()].to_string()
                };
                let tier = Tier::parse(&attr("data-tier")).expect("a known tier");
                assert!(filter.admits(tier), "{target:?} under {}: a {} claim is shown", filter.id(), tier.id());
                let refs = attr("data-refs");
                assert!(!refs.is_empty(), "{target:?} under {}: a claim with no source shown: {tag}", filter.id());
                for n in refs.split(' ') {
                    let item = html
                        .find(&format!("data-source=\"{n}\""))
                        .unwrap_or_else(|| panic!("{target:?} under {}: source {n} is not listed", filter.id()));
                    let open = &html[html[..item].rfind('<').unwrap()..item];
                    let shown =
                        Tier::ALL.into_iter().find(|t| open.contains(&format!("data-tier=\"{}\"", t.id()))).unwrap();
                    assert!(filter.admits(shown), "{target:?}: source {n} listed at tier {}", shown.id());
                }
                claims_seen[k] += 1;
            }
        }
    }
    // The filter really hides claims: fewer are shown at each narrower level.
    assert!(claims_seen.windows(2).all(|w| w[0] >= w[1]) && claims_seen[0] > claims_seen[3], "{claims_seen:?}");
}
