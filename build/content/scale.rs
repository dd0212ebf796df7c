//! A synthetic, larger copy of the content, for the benchmark's growth measurement
//! (`FULL_STACK_CONTENT_SCALE=3` or `10`): every layer repeated `layers_k` times and every tool
//! `tools_k` times (so cells grow by `layers_k * tools_k`), and every question, key point
//! and timeline event `items_k` times. Copies get suffixed ids (`data-2`).

use std::borrow::Cow;
use std::collections::HashMap;

use super::types::*;
use super::Validated;

fn suffix(id: &str, k: usize) -> Text {
    if k == 0 {
        Cow::Owned(id.to_string())
    } else {
        Cow::Owned(format!("{id}-{}", k + 1))
    }
}

pub fn scaled(v: &Validated, layers_k: usize, tools_k: usize, items_k: usize) -> (Content, Data) {
    let (c, d) = (&v.content, &v.data);
    let (nl, nt, nq) = (c.layers.len(), c.tools.len(), d.questions.len());
    let mut layers = Vec::new();
    for k in 0..layers_k {
        for l in c.layers.iter() {
            let name = if k == 0 { l.name.to_string() } else { format!("{} {}", l.name, k + 1) };
            layers.push(Layer { id: suffix(&l.id, k), name: Cow::Owned(name), ..l.clone() });
        }
    }
    let mut tools = Vec::new();
    for k in 0..tools_k {
        for t in c.tools.iter() {
            let short = if k == 0 { t.short.to_string() } else { format!("{} {}", t.short, k + 1) };
            tools.push(Tool { id: suffix(&t.id, k), short: Cow::Owned(short), ..t.clone() });
        }
    }
    // Cell (l, t) of copy (kl, kt) keeps the original cell's data.
    let mut cells = Vec::new();
    let mut cell_map: HashMap<(usize, usize, usize), CellIx> = HashMap::new();
    for kl in 0..layers_k {
        for kt in 0..tools_k {
            for (ci, cell) in c.cells.iter().enumerate() {
                cell_map.insert((ci, kl, kt), CellIx::at(cells.len()));
                cells.push(Cell {
                    layer: LayerIx::at(cell.layer.get() + kl * nl),
                    tool: ToolIx::at(cell.tool.get() + kt * nt),
                    questions: Cow::Owned(Vec::new()),
                    events: Cow::Owned(Vec::new()),
                    ..cell.clone()
                });
            }
        }
    }
    let copy_cells = |list: &List<CellIx>, k: usize| -> List<CellIx> {
        Cow::Owned(list.iter().map(|ci| cell_map[&(ci.get(), k % layers_k, k % tools_k)]).collect())
    };
    let (mut questions, mut events, mut points) = (Vec::new(), Vec::new(), Vec::new());
    for k in 0..items_k {
        for q in d.questions.iter() {
            questions.push(Question { id: suffix(&q.id, k), cells: copy_cells(&q.cells, k), ..q.clone() });
        }
        for e in d.events.iter() {
            let qs = e.questions.iter().map(|q| QuestionIx::at(q.get() + k * nq)).collect();
            events.push(Event {
                id: suffix(&e.id, k),
                cells: copy_cells(&e.cells, k),
                questions: Cow::Owned(qs),
                ..e.clone()
            });
        }
        for p in d.points.iter() {
            points.push(Point { id: suffix(&p.id, k), cells: copy_cells(&p.cells, k), ..p.clone() });
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date));
    for (qi, q) in questions.iter().enumerate() {
        for ci in q.cells.iter() {
            cells[ci.get()].questions.to_mut().push(QuestionIx::at(qi));
        }
    }
    for (ei, e) in events.iter().enumerate() {
        for ci in e.cells.iter() {
            cells[ci.get()].events.to_mut().push(EventIx::at(ei));
        }
    }
    let mut grid = vec![None; layers.len() * tools.len()];
    for (i, cell) in cells.iter().enumerate() {
        grid[cell.layer.get() * tools.len() + cell.tool.get()] = Some(CellIx::at(i));
    }
    let data = super::bake::with_version(Data {
        version: Cow::Borrowed(""),
        sections: d.sections.clone(),
        questions: Cow::Owned(questions),
        points: Cow::Owned(points),
        events: Cow::Owned(events),
    });
    let content = Content {
        layers: Cow::Owned(layers),
        tools: Cow::Owned(tools),
        cells: Cow::Owned(cells),
        grid: Cow::Owned(grid),
        question_ids: Cow::Owned(data.questions.iter().map(|q| q.id.clone()).collect()),
        event_ids: Cow::Owned(data.events.iter().map(|e| e.id.clone()).collect()),
        section_ids: Cow::Owned(data.sections.iter().map(|s| s.id.clone()).collect()),
        data_version: data.version.clone(),
    };
    (content, data)
}
