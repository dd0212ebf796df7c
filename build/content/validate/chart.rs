//! `layers.toml`, `tools.toml` and `chart.toml`: the chart's axes and its evidenced cells.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::super::schema::{ChartFile, LayersFile, ToolsFile};
use super::super::types::{Cell, CellIx, ClaimKind, Entry, Layer, LayerIx, Tier, Tool, ToolIx};
use super::super::{CHART, LAYERS, TOOLS};
use super::{opt_text, text, Ctx};

pub fn layers(ctx: &mut Ctx<'_>, f: &LayersFile) -> Vec<Layer> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for l in &f.layer {
        let entry = format!("layer \"{}\"", l.id);
        ctx.id(LAYERS, "layer", &l.id, &mut seen);
        ctx.text(LAYERS, &entry, "name", &l.name);
        ctx.text(LAYERS, &entry, "description", &l.description);
        out.push(Layer { id: text(&l.id), name: text(&l.name), description: text(&l.description) });
    }
    if out.is_empty() {
        ctx.err(LAYERS, "file", "no [[layer]] entries");
    }
    if out.len() > u8::MAX as usize {
        ctx.err(LAYERS, "file", "more than 255 layers");
    }
    out
}

pub fn tools(ctx: &mut Ctx<'_>, f: &ToolsFile) -> Vec<Tool> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for t in &f.tool {
        let entry = format!("tool \"{}\"", t.id);
        ctx.id(TOOLS, "tool", &t.id, &mut seen);
        ctx.text(TOOLS, &entry, "name", &t.name);
        ctx.text(TOOLS, &entry, "short", &t.short);
        ctx.text(TOOLS, &entry, "description", &t.description);
        if let Some(w) = &t.report_wording {
            ctx.text(TOOLS, &entry, "report_wording", w);
        }
        out.push(Tool {
            id: text(&t.id),
            name: text(&t.name),
            short: text(&t.short),
            report_wording: opt_text(&t.report_wording),
            description: text(&t.description),
        });
    }
    if out.is_empty() {
        ctx.err(TOOLS, "file", "no [[tool]] entries");
    }
    if out.len() > u8::MAX as usize {
        ctx.err(TOOLS, "file", "more than 255 tools");
    }
    out
}

/// The evidenced cells, and an index of them by `"layer/tool"`.
pub fn cells(
    ctx: &mut Ctx<'_>,
    f: &ChartFile,
    layers: &[Layer],
    tools: &[Tool],
) -> (Vec<Cell>, HashMap<String, CellIx>) {
    let layer_ix: HashMap<&str, usize> = layers.iter().enumerate().map(|(i, l)| (&*l.id, i)).collect();
    let tool_ix: HashMap<&str, usize> = tools.iter().enumerate().map(|(i, t)| (&*t.id, i)).collect();
    let mut cells: Vec<Cell> = Vec::new();
    let mut index: HashMap<String, CellIx> = HashMap::new();
    for c in &f.cell {
        let key = format!("{}/{}", c.layer, c.tool);
        let entry = format!("cell \"{key}\"");
        let (layer, tool) = match (layer_ix.get(c.layer.as_str()), tool_ix.get(c.tool.as_str())) {
            (Some(l), Some(t)) => (*l, *t),
            (l, t) => {
                if l.is_none() {
                    ctx.err(CHART, &entry, format!("layer \"{}\" is not defined in {LAYERS}", c.layer));
                }
                if t.is_none() {
                    ctx.err(CHART, &entry, format!("tool \"{}\" is not defined in {TOOLS}", c.tool));
                }
                continue;
            }
        };
        if index.contains_key(&key) {
            ctx.err(CHART, &entry, "duplicate cell (this layer/tool pair is listed twice)");
            continue;
        }
        if c.entry.is_empty() {
            ctx.err(CHART, &entry, "cell has no [[cell.entry]]; leave unevidenced cells out instead");
        }
        if c.summary.is_empty() {
            ctx.err(CHART, &entry, "cell has no [[cell.summary]] sentence");
        }
        // Sources are declared in the entries; their ids are unique within the cell, and
        // every claim of the cell (summary included) may cite any of them.
        let mut sources = ctx.sources(CHART, &entry, c.entry.iter().flat_map(|e| e.source.iter()));
        let mut entries = Vec::new();
        for (i, e) in c.entry.iter().enumerate() {
            let ename = format!("{entry} entry {} \"{}\"", i + 1, e.title);
            if e.source.is_empty() {
                ctx.err(CHART, &ename, "entry has no [[cell.entry.source]]");
            }
            ctx.text(CHART, &ename, "title", &e.title);
            if let Some(zh) = &e.zh {
                ctx.text(CHART, &ename, "zh", zh);
            }
            let title = ctx.cited(
                CHART,
                &format!("{ename} title"),
                (ClaimKind::Text, &e.title, e.zh.as_deref()),
                &e.by,
                &mut sources,
            );
            let claims: Vec<_> = e.claim.iter().filter_map(|cl| ctx.claim(CHART, &ename, cl, &mut sources)).collect();
            let Some(title) = title else { continue };
            // Nothing in an entry is shown where its title is not: the title must be at
            // least as strong as every claim under it.
            if let Some(cl) = claims.iter().find(|cl| cl.tier < title.tier) {
                {
                    ctx.err(
                        CHART,
                        &ename,
                        format!(
                            "claim \"{}\" is {} but the title is only {}: cite a source of the title's tier or stronger for the title",
                            cl.text.chars().take(48).collect::<String>(),
                            cl.tier.id(),
                            title.tier.id()
                        ),
                    );
                }
            }
            let mut cited: Vec<u8> = title.by.iter().chain(claims.iter().flat_map(|c| c.by.iter())).copied().collect();
            cited.sort_unstable();
            cited.dedup();
            entries.push(Entry { title, claims: Cow::Owned(claims), sources: Cow::Owned(cited) });
        }
        let summary: Vec<_> =
            c.summary.iter().filter_map(|cl| ctx.claim(CHART, &format!("{entry} summary"), cl, &mut sources)).collect();
        // At every evidence filter that shows an entry, some summary sentence shows too.
        for level in Tier::ALL {
            let shows_entry = entries.iter().any(|e| e.title.tier <= level);
            let shows_summary = summary.iter().any(|s| s.tier <= level);
            if shows_entry && !shows_summary {
                ctx.err(
                    CHART,
                    &entry,
                    format!(
                        "under the filter \"{}\" an entry is shown but no summary sentence is: add a summary sentence citing a source of that tier",
                        level.id()
                    ),
                );
                break;
            }
        }
        ctx.all_cited(CHART, &entry, &sources);
        let tier = entries
            .iter()
            .map(|e| e.title.tier)
            .chain(summary.iter().map(|s| s.tier))
            .min()
            .unwrap_or(Tier::Reconstruction);
        let route = format!("chart/{key}");
        let label = format!("Chart: {} \u{00d7} {}", layers[layer].name, tools[tool].short);
        for s in sources.list.iter().flatten() {
            if let Some(lines) = s.lines {
                ctx.cite(lines, "cell", route.clone(), label.clone());
            }
        }
        index.insert(key, CellIx::at(cells.len()));
        cells.push(Cell {
            layer: LayerIx::at(layer),
            tool: ToolIx::at(tool),
            tier,
            summary: Cow::Owned(summary),
            entries: Cow::Owned(entries),
            sources: sources.into_list(),
            questions: Cow::Owned(Vec::new()),
            events: Cow::Owned(Vec::new()),
        });
    }
    (cells, index)
}
