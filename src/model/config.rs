//! Widget configuration, parsed from strangers' input (attributes, query strings,
//! URL fragments) into allowlisted values. Unknown values fall back to the default
//! and produce a short notice; nothing is ever echoed as HTML.

use super::chart::{Highlight, TierFilter};
use super::content::{Content, LayerIx, SectionIx, ToolIx};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Chart,
    /// The episode's argument, section by section.
    Points,
    Quiz,
    Timeline,
}

impl View {
    /// In tab order.
    pub const ALL: [View; 4] = [View::Chart, View::Points, View::Quiz, View::Timeline];

    pub fn id(self) -> &'static str {
        match self {
            View::Chart => "chart",
            View::Points => "points",
            View::Quiz => "quiz",
            View::Timeline => "timeline",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Chart => "Chart",
            View::Points => "Key points",
            View::Quiz => "Quiz",
            View::Timeline => "Timeline",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QuizLength {
    /// Ten questions sampling every section.
    #[default]
    Quick,
    /// Every question.
    Full,
}

impl QuizLength {
    pub fn id(self) -> &'static str {
        match self {
            QuizLength::Quick => "quick",
            QuizLength::Full => "full",
        }
    }

    pub fn parse(s: &str) -> Option<QuizLength> {
        [QuizLength::Quick, QuizLength::Full].into_iter().find(|q| q.id() == s)
    }
}

/// Where the widget starts and how it looks.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Config {
    pub view: View,
    pub theme: Theme,
    /// The cell to open.
    pub cell: Option<(LayerIx, ToolIx)>,
    pub quiz: QuizLength,
    /// A layer or a tool framed across the chart (`highlight`).
    pub highlight: Highlight,
    /// The chart's evidence filter at start (`evidence`).
    pub evidence: TierFilter,
    /// The sections the quiz draws from, in episode order (`sections`); empty: every one.
    pub sections: Vec<SectionIx>,
    /// `embed.html` only: post the reader's actions to the page around it (`events=1`).
    pub events: bool,
}

/// Longest stranger-supplied value we quote back in a notice.
const ECHO_MAX: usize = 24;

/// Quotes a stranger's value for a notice: truncated, control characters dropped.
/// The result is only ever rendered as text.
pub fn echo(value: &str) -> String {
    let clean: String = value.chars().filter(|c| !c.is_control()).take(ECHO_MAX).collect();
    if value.chars().count() > ECHO_MAX {
        format!("\u{201c}{clean}…\u{201d}")
    } else {
        format!("\u{201c}{clean}\u{201d}")
    }
}

/// Parses `layer/tool` ids.
pub fn parse_cell(value: &str, content: &Content) -> Option<(LayerIx, ToolIx)> {
    let (layer, tool) = value.split_once('/')?;
    Some((content.layer_ix(layer)?, content.tool_ix(tool)?))
}

/// Parses the `highlight` option: a layer id or a tool id (no id is both: see the tests).
pub fn parse_highlight(value: &str, content: &Content) -> Option<Highlight> {
    content.layer_ix(value).map(Highlight::Layer).or_else(|| content.tool_ix(value).map(Highlight::Tool))
}

/// Parses the `sections` option: section ids, comma separated (spaces around each are
/// ignored, a repeat counts once), in episode order. `Err` holds the first part that is
/// no section id (an empty one included).
pub fn parse_sections<'a>(value: &'a str, content: &Content) -> Result<Vec<SectionIx>, &'a str> {
    // Marks rather than a sort: in episode order by construction (and less code in the wasm).
    let mut chosen = vec![false; content.section_ids.len()];
    for part in value.split(',').map(trim) {
        let s = content.section_ids.iter().position(|id| id == part).ok_or(part)?;
        chosen[s] = true;
    }
    Ok((0..chosen.len()).filter(|&s| chosen[s]).map(SectionIx::at).collect())
}

/// ASCII whitespace trimmed off both ends (what the web platform trims, nothing more).
fn trim(value: &str) -> &str {
    value.trim_matches(|c: char| c.is_ascii_whitespace())
}

impl Config {
    /// Applies `key=value` settings (query parameters or element attributes) in order.
    /// Unknown keys are ignored; bad values keep the default and add a notice.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        content: &Content,
    ) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut notices = Vec::new();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "view" => match View::parse(value) {
                    Some(v) => config.view = v,
                    None => notices.push(format!("Unknown view {}: showing the chart.", echo(value))),
                },
                "theme" => match Theme::parse(value) {
                    Some(t) => config.theme = t,
                    None => notices.push(format!("Unknown theme {}: using the automatic theme.", echo(value))),
                },
                "cell" => match parse_cell(value, content) {
                    Some(c) => config.cell = Some(c),
                    None => notices.push(format!("Unknown cell {}: no cell selected.", echo(value))),
                },
                "quiz" => match QuizLength::parse(value) {
                    Some(q) => config.quiz = q,
                    None => notices.push(format!("Unknown quiz length {}: using the quick quiz.", echo(value))),
                },
                "highlight" => match parse_highlight(value, content) {
                    Some(h) => config.highlight = h,
                    None => notices.push(format!("Unknown highlight {}: nothing highlighted.", echo(value))),
                },
                "evidence" => match TierFilter::parse_option(value) {
                    Some(f) => config.evidence = f,
                    None => notices.push(format!("Unknown evidence filter {}: showing all the evidence.", echo(value))),
                },
                "sections" => match parse_sections(value, content) {
                    Ok(s) => config.sections = s,
                    Err(bad) => {
                        notices.push(format!("Unknown quiz section {}: the quiz asks about every section.", echo(bad)))
                    }
                },
                "events" => match value {
                    "1" => config.events = true,
                    "0" => config.events = false,
                    _ => notices.push(format!("Unknown events setting {}: no events are sent.", echo(value))),
                },
                _ => {}
            }
        }
        (config, notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CONTENT;

    #[test]
    fn good_values_are_applied() {
        let cell = format!("{}/{}", CONTENT.layers[1].id, CONTENT.tools[0].id);
        let (c, n) = Config::from_pairs(
            [("view", "timeline"), ("theme", "dark"), ("cell", cell.as_str()), ("quiz", "full")],
            &CONTENT,
        );
        assert_eq!(
            c,
            Config {
                view: View::Timeline,
                theme: Theme::Dark,
                cell: Some((LayerIx::at(1), ToolIx::at(0))),
                quiz: QuizLength::Full,
                ..Config::default()
            }
        );
        assert!(n.is_empty());
    }

    #[test]
    fn a_post_about_chips_frames_the_chart_and_the_quiz() {
        let sections = |ids: &[&str]| -> Vec<SectionIx> {
            ids.iter().map(|id| SectionIx::at(CONTENT.section_ids.iter().position(|s| s == id).unwrap())).collect()
        };
        let (c, n) = Config::from_pairs(
            [
                ("highlight", "semiconductors"),
                ("evidence", "episode-report"),
                ("sections", " chips-software , stack,chips-software"),
            ],
            &CONTENT,
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(c.highlight, Highlight::Layer(CONTENT.layer_ix("semiconductors").unwrap()));
        assert_eq!(c.evidence, TierFilter(crate::model::Tier::Report));
        // In episode order, each once.
        assert_eq!(c.sections, sections(&["stack", "chips-software"]));
        let (c, _) = Config::from_pairs([("highlight", "compute"), ("evidence", "sourced")], &CONTENT);
        assert_eq!(c.highlight, Highlight::Tool(CONTENT.tool_ix("compute").unwrap()));
        assert_eq!(c.evidence, TierFilter(crate::model::Tier::Outside));
        for (value, filter) in [("all", TierFilter::default()), ("episode", TierFilter(crate::model::Tier::Episode))] {
            assert_eq!(Config::from_pairs([("evidence", value)], &CONTENT).0.evidence, filter);
        }
    }

    #[test]
    fn bad_focus_options_fall_back_with_a_notice_naming_the_bad_part() {
        for (key, value, echoed) in [
            ("highlight", "layer:semiconductors", "layer:semiconductors"),
            ("highlight", "semiconductors/compute", "semiconductors/compute"),
            ("evidence", "reconstruction", "reconstruction"),
            ("evidence", "Episode", "Episode"),
            ("sections", "stack,<b>x</b>", "<b>x</b>"),
            ("sections", "stack,", ""),
            ("sections", "", ""),
            ("events", "true", "true"),
        ] {
            let (c, n) = Config::from_pairs([(key, value)], &CONTENT);
            assert_eq!(c, Config::default(), "{key}={value}");
            assert_eq!(n.len(), 1, "{key}={value}: {n:?}");
            assert!(n[0].contains(&echo(echoed)), "{key}={value}: {}", n[0]);
        }
        assert!(Config::from_pairs([("events", "1")], &CONTENT).0.events);
    }

    #[test]
    fn no_id_is_both_a_layer_and_a_tool() {
        // `highlight` takes either: an id that were both would be ambiguous.
        for layer in CONTENT.layers.iter() {
            assert!(CONTENT.tool_ix(&layer.id).is_none(), "{} is a layer and a tool", layer.id);
        }
    }

    #[test]
    fn bad_values_fall_back_with_one_notice_each() {
        let (c, n) = Config::from_pairs(
            [
                ("view", "graph"),
                ("theme", "neon"),
                ("cell", "x/y"),
                ("quiz", "long"),
                ("highlight", "x"),
                ("evidence", "x"),
                ("sections", "x"),
                ("other", "ignored"),
            ],
            &CONTENT,
        );
        assert_eq!(c, Config::default());
        assert_eq!(n.len(), 7, "{n:?}");
        assert!(n[0].contains("graph") && n[0].contains("chart"));
    }

    #[test]
    fn echo_truncates_and_drops_control_characters() {
        let e = echo(&format!("a\u{0}b\n{}", "z".repeat(100)));
        assert!(!e.contains('\u{0}') && !e.contains('\n'));
        assert!(e.chars().count() <= ECHO_MAX + 3);
        assert!(e.ends_with("…\u{201d}"));
    }
}
