//! Widget configuration, parsed from strangers' input (attributes, query strings,
//! URL fragments) into allowlisted values. Unknown values fall back to the default
//! and produce a short notice; nothing is ever echoed as HTML.

use super::content::{Content, LayerIx, ToolIx};

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
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| t.id() == s)
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
                quiz: QuizLength::Full
            }
        );
        assert!(n.is_empty());
    }

    #[test]
    fn bad_values_fall_back_with_one_notice_each() {
        let (c, n) = Config::from_pairs(
            [("view", "graph"), ("theme", "neon"), ("cell", "x/y"), ("quiz", "long"), ("other", "ignored")],
            &CONTENT,
        );
        assert_eq!(c, Config::default());
        assert_eq!(n.len(), 4, "{n:?}");
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
