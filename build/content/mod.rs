//! The content pipeline of the build: read `content/`, validate it into the crate's own
//! types (`src/model/content/types.rs`, included below), and bake it.
//!
//! Used by `build/main.rs` and by `tests/content.rs` (which feeds it broken samples).
//! It depends only on `serde`, `serde_json` and `toml`, which are build- and
//! dev-dependencies: no parser reaches the wasm.
//!
//! | module | does |
//! |---|---|
//! | [`schema`] | what the files hold, as written |
//! | [`quotes`] | checks quotes against the transcript and the report text |
//! | [`validate`] | one submodule per file; every problem names the file and the entry |
//! | [`bake`] | writes the chart as Rust, the rest as JSON |
//! | [`scale`] | a synthetic 10x copy for the benchmark |

pub mod bake;
pub mod quotes;
pub mod scale;
pub mod schema;
// Shared with the crate, which uses more of it than the build does.
#[allow(dead_code)]
#[path = "../../src/model/content/types.rs"]
pub mod types;
pub mod validate;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use schema::*;
use types::{Content, Data, Episode, QuestionIx, Tier};
use validate::{parse, Ctx};

pub const LAYERS: &str = "content/layers.toml";
pub const TOOLS: &str = "content/tools.toml";
pub const CHART: &str = "content/chart.toml";
pub const QUIZ: &str = "content/quiz.toml";
pub const TIMELINE: &str = "content/timeline.toml";
pub const NAMES: &str = "content/names.toml";
pub const TRANSCRIPT: &str = "content/transcript.txt";
pub const REPORT: &str = "content/report.txt";
pub const SECTIONS: &str = "content/sections.toml";
pub const TURNS: &str = "content/turns.toml";
pub const KEYPOINTS: &str = "content/keypoints.toml";
pub const INVENTORY: &str = "content/inventory.toml";
pub const COVERAGE: &str = "content/coverage.toml";

pub const ALL_FILES: [&str; 13] =
    [LAYERS, TOOLS, CHART, QUIZ, TIMELINE, NAMES, TRANSCRIPT, REPORT, SECTIONS, TURNS, KEYPOINTS, INVENTORY, COVERAGE];

/// The raw text of every content file.
#[derive(Clone)]
pub struct Files {
    pub layers: String,
    pub tools: String,
    pub chart: String,
    pub quiz: String,
    pub timeline: String,
    pub names: String,
    pub transcript: String,
    pub report: String,
    pub sections: String,
    pub turns: String,
    pub keypoints: String,
    pub inventory: String,
    pub coverage: String,
}

impl Files {
    /// Reads every content file below `root` (the crate root).
    pub fn read(root: &Path) -> Result<Files, Vec<String>> {
        let mut errors = Vec::new();
        let mut read = |name: &str| match std::fs::read_to_string(root.join(name)) {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("{name}: cannot read: {e}"));
                String::new()
            }
        };
        let files = Files {
            layers: read(LAYERS),
            tools: read(TOOLS),
            chart: read(CHART),
            quiz: read(QUIZ),
            timeline: read(TIMELINE),
            names: read(NAMES),
            transcript: read(TRANSCRIPT),
            report: read(REPORT),
            sections: read(SECTIONS),
            turns: read(TURNS),
            keypoints: read(KEYPOINTS),
            inventory: read(INVENTORY),
            coverage: read(COVERAGE),
        };
        if errors.is_empty() {
            Ok(files)
        } else {
            Err(errors)
        }
    }
}

/// Everything validation produces.
pub struct Validated {
    /// Baked into the binary.
    pub content: Content,
    /// Loaded on demand (`data.json`).
    pub data: Data,
    /// Build-time only: the transcript page and the coverage report.
    pub episode: Episode,
    pub coverage: validate::coverage::Coverage,
    pub quotes_checked: usize,
    pub claims: usize,
    pub claims_by_tier: [usize; 4],
}

/// Parses and validates every content file. Returns all problems found, each naming the
/// file, the entry and the problem.
pub fn validate(files: &Files) -> Result<Validated, Vec<String>> {
    let mut errors = Vec::new();
    let layers_f: Option<LayersFile> = parse(LAYERS, &files.layers, &mut errors);
    let tools_f: Option<ToolsFile> = parse(TOOLS, &files.tools, &mut errors);
    let chart_f: Option<ChartFile> = parse(CHART, &files.chart, &mut errors);
    let quiz_f: Option<QuizFile> = parse(QUIZ, &files.quiz, &mut errors);
    let timeline_f: Option<TimelineFile> = parse(TIMELINE, &files.timeline, &mut errors);
    let names_f: Option<NamesFile> = parse(NAMES, &files.names, &mut errors);
    let sections_f: Option<SectionsFile> = parse(SECTIONS, &files.sections, &mut errors);
    let turns_f: Option<TurnsFile> = parse(TURNS, &files.turns, &mut errors);
    let points_f: Option<KeypointsFile> = parse(KEYPOINTS, &files.keypoints, &mut errors);
    let inventory_f: Option<InventoryFile> = parse(INVENTORY, &files.inventory, &mut errors);
    let coverage_f: Option<CoverageFile> = parse(COVERAGE, &files.coverage, &mut errors);
    let (
        Some(layers_f),
        Some(tools_f),
        Some(chart_f),
        Some(quiz_f),
        Some(timeline_f),
        Some(names_f),
        Some(sections_f),
        Some(turns_f),
        Some(points_f),
        Some(inventory_f),
        Some(coverage_f),
    ) = (
        layers_f,
        tools_f,
        chart_f,
        quiz_f,
        timeline_f,
        names_f,
        sections_f,
        turns_f,
        points_f,
        inventory_f,
        coverage_f,
    )
    else {
        return Err(errors);
    };

    let corrections = validate::episode::names(&names_f.name, &files.transcript, &mut errors);
    let turns = validate::episode::turns(&turns_f, &files.transcript, &mut errors);
    let mut report = Vec::new();
    for (i, line) in files.report.lines().enumerate() {
        for w in quotes::words(line) {
            report.push((w, i as u32 + 1));
        }
    }
    let mut ctx = Ctx {
        errors,
        transcript: quotes::Transcript::new(&files.transcript),
        report: quotes::edit_rules(report),
        names: &names_f.name,
        turns,
        quotes_checked: 0,
        claims: 0,
        claims_by_tier: [0; 4],
        citations: Vec::new(),
    };

    let layers = validate::chart::layers(&mut ctx, &layers_f);
    let tools = validate::chart::tools(&mut ctx, &tools_f);
    let (mut cells, cell_ix) = validate::chart::cells(&mut ctx, &chart_f, &layers, &tools);
    let sections = validate::episode::sections(&mut ctx, &sections_f);
    let questions = validate::quiz::questions(&mut ctx, &quiz_f, &sections, &cell_ix);
    // Events link to questions by id; resolved against every question written, so one
    // broken question is reported once, not again by what links to it.
    let question_ix: HashMap<String, QuestionIx> =
        quiz_f.question.iter().enumerate().map(|(i, q)| (q.id.clone(), QuestionIx::at(i))).collect();
    let events = validate::timeline::events(&mut ctx, &timeline_f, &cell_ix, &question_ix);
    let points = validate::episode::points(&mut ctx, &points_f, &sections, &cell_ix);
    // Coverage counts what is cited: only meaningful once every citation is valid.
    if !ctx.errors.is_empty() {
        return Err(ctx.errors);
    }
    let coverage = validate::coverage::check(&mut ctx, &inventory_f, &coverage_f, &sections);
    if !ctx.errors.is_empty() {
        return Err(ctx.errors);
    }

    // Back-links: each cell lists the questions and events about it.
    for (qi, q) in questions.iter().enumerate() {
        for c in q.cells.iter() {
            cells[c.get()].questions.to_mut().push(QuestionIx::at(qi));
        }
    }
    for (ei, e) in events.iter().enumerate() {
        for c in e.cells.iter() {
            cells[c.get()].events.to_mut().push(types::EventIx::at(ei));
        }
    }
    let mut grid = vec![None; layers.len() * tools.len()];
    for (i, c) in cells.iter().enumerate() {
        grid[c.layer.get() * tools.len() + c.tool.get()] = Some(types::CellIx::at(i));
    }
    let data = Data {
        version: Cow::Borrowed(""),
        sections: Cow::Owned(sections.clone()),
        questions: Cow::Owned(questions),
        points: Cow::Owned(points),
        events: Cow::Owned(events),
    };
    let data = bake::with_version(data);
    let content = Content {
        question_ids: Cow::Owned(data.questions.iter().map(|q| q.id.clone()).collect()),
        event_ids: Cow::Owned(data.events.iter().map(|e| e.id.clone()).collect()),
        section_ids: Cow::Owned(data.sections.iter().map(|s| s.id.clone()).collect()),
        data_version: data.version.clone(),
        layers: Cow::Owned(layers),
        tools: Cow::Owned(tools),
        cells: Cow::Owned(cells),
        grid: Cow::Owned(grid),
    };
    let mut citations = ctx.citations;
    citations.sort_by_key(|c| c.lines);
    let episode = Episode {
        lines: files.transcript.lines().map(str::to_string).collect(),
        sections,
        turns: ctx.turns,
        corrections,
        citations,
    };
    Ok(Validated {
        content,
        data,
        episode,
        coverage,
        quotes_checked: ctx.quotes_checked,
        claims: ctx.claims,
        claims_by_tier: ctx.claims_by_tier,
    })
}

/// Counts for the build log and the issue note.
pub fn summary(v: &Validated) -> BTreeMap<&'static str, usize> {
    let (c, d, e) = (&v.content, &v.data, &v.episode);
    let mut m = BTreeMap::new();
    m.insert("layers", c.layers.len());
    m.insert("tools", c.tools.len());
    m.insert("evidenced cells", c.cells.len());
    m.insert("entries", c.cells.iter().map(|x| x.entries.len()).sum());
    m.insert("claims", v.claims);
    m.insert("claims without a source", 0);
    for t in Tier::ALL {
        m.insert(
            match t {
                Tier::Episode => "claims at best episode",
                Tier::Report => "claims at best report",
                Tier::Outside => "claims at best outside",
                Tier::Reconstruction => "claims at best inference",
            },
            v.claims_by_tier[t as usize],
        );
    }
    m.insert("quotes checked", v.quotes_checked);
    m.insert("questions", d.questions.len());
    m.insert("key points", d.points.len());
    m.insert("timeline events", d.events.len());
    m.insert("sections", d.sections.len());
    m.insert("speaker turns", e.turns.len());
    m.insert("inferred turns", e.turns.iter().filter(|t| t.inferred).count());
    m.insert("corrected names", e.corrections.len());
    m.insert("inventory items", v.coverage.items);
    m.insert("uncited stretches with reasons", v.coverage.gaps());
    m
}

/// Questions per section, for the build log: "guest 3, history 7, …".
pub fn questions_per_section(d: &Data) -> String {
    let parts: Vec<String> = d
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {}", s.id, d.questions.iter().filter(|q| q.section.get() == i).count()))
        .collect();
    parts.join(", ")
}
