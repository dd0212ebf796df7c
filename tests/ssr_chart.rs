//! The chart and the timeline rendered with Yew's server renderer (no browser): what a
//! reader and a screen reader get from the markup, checked against the content.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{render_props, text};

use full_stack::model::chart::line_range;
use full_stack::model::route::{ChartTarget, Route};
use full_stack::model::{Config, Tier, View, CONTENT};
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

fn cell(l: &str, t: &str) -> Option<Route> {
    Some(Route::Chart(Some(ChartTarget::Cell(CONTENT.layer_index(l).unwrap(), CONTENT.tool_index(t).unwrap()))))
}

#[tokio::test]
async fn the_table_has_a_caption_layer_rows_top_down_and_tool_columns() {
    let html = render(None).await;
    let t = table(&html);
    let caption = text(section(t, "<caption", "</caption>"));
    assert!(caption.contains("a reconstruction after RAND\u{2019}s Full Stack (2025)"), "{caption}");
    // Layers are row headers, in stack order: physical applications first, semiconductors last.
    let mut last = 0;
    for layer in CONTENT.layers {
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
    for tool in CONTENT.tools {
        assert!(text(head).contains(tool.short), "tool {} missing", tool.id);
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
    for c in CONTENT.cells {
        let (layer, tool) = (&CONTENT.layers[c.layer], &CONTENT.tools[c.tool]);
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
        let pos = format!("data-pos=\"{}-{}\"", c.layer + 1, c.tool + 1);
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
    let c = CONTENT
        .cell(CONTENT.layer_index("foundation-models").unwrap(), CONTENT.tool_index("state-funds").unwrap())
        .unwrap();
    let (layer, tool) = (&CONTENT.layers[c.layer], &CONTENT.tools[c.tool]);
    // Layer and tool in plain words.
    for s in [layer.name, layer.description, tool.name, tool.description] {
        assert!(t.contains(s), "missing: {s}");
    }
    assert!(t.contains(c.summary));
    for e in c.entries {
        assert!(t.contains(e.title), "entry {}", e.title);
        if let Some(zh) = e.zh {
            let at = d.find(&format!(">{zh}</span>")).unwrap_or_else(|| panic!("Chinese name {zh}"));
            let tag = &d[d[..at].rfind('<').unwrap()..at];
            assert!(tag.contains("lang=\"zh-Hans\""), "{zh} is marked as Chinese: {tag}");
        }
        for f in e.figures {
            assert!(t.contains(f), "figure {f}");
        }
        for s in e.sources {
            assert!(t.contains(s.tier.label()), "tier label {:?}", s.tier);
            if let Some(q) = s.quote {
                assert!(t.contains(&format!("\u{201c}{q}\u{201d}")), "verbatim quote {q}");
            }
            if let (Some(sp), Some((a, b))) = (s.speaker, s.lines) {
                assert!(t.contains(&format!("{}, {}", sp.name(), line_range(a, b))), "speaker and lines {a}-{b}");
            }
            if let Some(u) = s.url {
                assert!(d.contains(&format!("href=\"{u}\"")), "source link {u}");
            }
        }
    }
    assert!(!c.questions.is_empty(), "this cell has quiz questions");
    for &q in c.questions {
        let href = Route::Quiz(Some(q)).fragment(&CONTENT);
        assert!(d.contains(&format!("href=\"{href}\"")), "quiz link {href}");
        assert!(t.contains(CONTENT.questions[q].prompt));
    }
    // The selected cell is pressed, and it is the tab stop.
    let pos = format!("data-pos=\"{}-{}\" tabindex=\"0\" aria-pressed=\"true\"", c.layer + 1, c.tool + 1);
    assert!(table(&html).contains(&pos), "{pos}");
    assert_eq!(table(&html).matches("aria-pressed=\"true\"").count(), 1);
}

#[tokio::test]
async fn an_inferred_cell_is_labelled_as_our_inference() {
    let c = CONTENT.cells.iter().find(|c| c.tier == Tier::Reconstruction).expect("content has an inferred cell");
    let html = render(cell(CONTENT.layers[c.layer].id, CONTENT.tools[c.tool].id)).await;
    let t = text(detail(&html));
    assert!(t.contains("Our inference, not a sourced fact."));
    assert!(t.contains("Reconstruction (our inference)"));
    for e in c.entries {
        for s in e.sources {
            assert!(t.contains(&format!("Our inference: {}", s.note.unwrap())));
        }
    }
}

#[tokio::test]
async fn an_empty_cell_says_no_evidence_found_not_none_exists() {
    let (l, t) = (0..CONTENT.layers.len())
        .flat_map(|l| (0..CONTENT.tools.len()).map(move |t| (l, t)))
        .find(|&(l, t)| CONTENT.cell(l, t).is_none())
        .unwrap();
    let html = render(Some(Route::Chart(Some(ChartTarget::Cell(l, t))))).await;
    let d = text(detail(&html));
    assert!(d.contains("No evidence found."));
    assert!(d.contains("not a claim that no such policy exists"));
    assert!(d.contains(CONTENT.layers[l].name) && d.contains(CONTENT.tools[t].name));
}

#[tokio::test]
async fn a_layer_header_opens_a_row_summary_and_a_tool_header_a_column_summary() {
    let l = CONTENT.layer_index("research").unwrap();
    let html = render(Some(Route::Chart(Some(ChartTarget::Layer(l))))).await;
    let d = text(detail(&html));
    let evidenced: Vec<_> = (0..CONTENT.tools.len()).filter(|&t| CONTENT.cell(l, t).is_some()).collect();
    let entries: usize = evidenced.iter().map(|&t| CONTENT.cell(l, t).unwrap().entries.len()).sum();
    assert!(
        d.contains(&format!(
            "Evidence found for {} of {} policy tools ({entries} entries)",
            evidenced.len(),
            CONTENT.tools.len()
        )),
        "{d}"
    );
    for t in 0..CONTENT.tools.len() {
        assert!(d.contains(CONTENT.tools[t].short), "row summary names {}", CONTENT.tools[t].id);
    }
    assert!(d.contains("No evidence found (not a claim that none exists)"));
    // The row is highlighted, and its header pressed.
    let t = table(&html);
    assert_eq!(t.matches("data-hl=\"1\"").count(), CONTENT.tools.len() + 1);
    assert!(t.contains(&format!("data-pos=\"{}-0\" tabindex=\"0\" aria-pressed=\"true\"", l + 1)));

    let tool = CONTENT.tool_index("domestic-alternatives").unwrap();
    let html = render(Some(Route::Chart(Some(ChartTarget::Tool(tool))))).await;
    let d = text(detail(&html));
    let n = (0..CONTENT.layers.len()).filter(|&l| CONTENT.cell(l, tool).is_some()).count();
    assert!(d.contains(&format!("Evidence found for {n} of {} layers", CONTENT.layers.len())), "{d}");
    assert!(d.contains(CONTENT.tools[tool].name));
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
    for layer in CONTENT.layers {
        assert!(text(acc).contains(layer.name));
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
    assert!(t.contains("Only what was said in the episode"), "the provenance filter");
    assert!(html.contains("<fieldset class=\"fs-filter\"><legend>Show evidence</legend>"));
    // Four radios in the chart (the quiz panel, rendered hidden, has its own).
    assert_eq!(section(&html, "id=\"fs-panel-chart\"", "id=\"fs-panel-quiz\"").matches("type=\"radio\"").count(), 4);
}

#[tokio::test]
async fn the_timeline_lists_every_event_in_date_order_with_links_to_cells() {
    let html = render(Some(Route::Timeline(None))).await;
    let tl = section(&html, "class=\"fs-timeline\"", "</ol>");
    let t = text(tl);
    let mut last = 0;
    for (i, e) in CONTENT.timeline.iter().enumerate() {
        let at = tl.find(&format!("data-event=\"{i}\"")).unwrap_or_else(|| panic!("event {}", e.id));
        assert!(at > last, "{} out of order", e.id);
        last = at;
        let item = section(tl, &format!("data-event=\"{i}\""), "</li>");
        assert!(text(item).contains(e.title), "{}", e.id);
        assert!(item.contains(&format!("datetime=\"{}\"", e.date)));
        for &ci in e.cells {
            let c = &CONTENT.cells[ci];
            let href = Route::Chart(Some(ChartTarget::Cell(c.layer, c.tool))).fragment(&CONTENT);
            assert!(item.contains(&format!("href=\"{href}\"")), "{}: link to {href}", e.id);
        }
    }
    assert!(t.contains("March 6, 2025"), "dates in plain words");
    assert!(html.contains("id=\"fs-tab-timeline\" aria-selected=\"true\""));
}

#[tokio::test]
async fn a_deep_linked_event_is_marked_current() {
    let i = CONTENT.timeline.iter().position(|e| e.id == "baai").unwrap();
    let html = render(Some(Route::Timeline(Some(i)))).await;
    assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
    let current = section(&html, "aria-current=\"true\"", "</li>");
    assert!(current.contains(&format!("data-event=\"{i}\"")));
    assert!(text(current).contains(CONTENT.timeline[i].title));
}

#[tokio::test]
async fn the_chart_still_renders_in_the_default_view() {
    let html = render(None).await;
    assert!(html.contains("id=\"fs-tab-chart\" aria-selected=\"true\""));
    assert!(!html.contains("class=\"fs-detail\""), "nothing selected, no panel");
    let _ = View::Chart;
}
