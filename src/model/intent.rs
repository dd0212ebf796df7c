//! What a reader did on the prerendered page before the app ran (no dead taps). The
//! boot script (`www/intents.js`) records the last intent of each kind on the widget's
//! `.fs` element, as strings (see [`crate::model::embed::INTENTS_PROP`]); the app takes
//! each kind once ([`crate::platform::intents`]) and applies it: the app's kinds right
//! after hydration, the quiz's once its island is live with the data. Parsing here is
//! strict: anything malformed is dropped.

use super::config::View;
use super::content::QuestionIx;
use super::parse_digits;

/// Which part of the widget applies an intent, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The app, right after hydration: the chart, the tabs, menus and buttons outside the
    /// quiz, focus.
    App,
    /// The quiz, once it is live with its data (its markup is static until then).
    Quiz,
}

impl Scope {
    /// The record's keys this scope takes.
    pub fn kinds(self) -> &'static [&'static str] {
        match self {
            Scope::App => &["pos", "tab", "radio", "select", "button", "focus"],
            Scope::Quiz => &["choice", "qbutton", "qfocus"],
        }
    }
}

/// A position among the element children at each level below `.fs`: "2.0.1".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path(pub Vec<u32>);

impl Path {
    /// The deepest path accepted (the widget's markup is far shallower).
    const MAX_DEPTH: usize = 40;

    pub fn parse(s: &str) -> Option<Path> {
        let steps: Option<Vec<u32>> = s.split('.').map(|p| parse_digits(p, 4).map(u32::from)).collect();
        steps.filter(|v| !v.is_empty() && v.len() <= Self::MAX_DEPTH).map(Path)
    }
}

/// One recorded intent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intent {
    /// A cell or header button of the chart: its `data-pos` key ("r-c").
    Pos(String),
    /// A tab.
    Tab(View),
    /// The quiz's static question: the option chosen (its index in the question's options).
    Choice { question: QuestionIx, option: u8 },
    /// A button or radio to press again (the app's own handler then runs).
    Press(Path),
    /// A menu set to a value.
    Menu(Path, String),
    /// The element that had focus.
    Focus(Path),
}

impl Intent {
    /// Reads one entry of the record; `None` for a kind outside `scope` or a bad value.
    pub fn parse(scope: Scope, kind: &str, value: &str) -> Option<Intent> {
        if !scope.kinds().contains(&kind) {
            return None;
        }
        Some(match kind {
            "pos" => {
                let (r, c) = value.split_once('-')?;
                parse_digits(r, 3)?;
                parse_digits(c, 3)?;
                Intent::Pos(value.to_string())
            }
            "tab" => Intent::Tab(View::parse(value)?),
            "choice" => {
                let (q, o) = value.split_once(':')?;
                let option = parse_digits(o, 1)?;
                Intent::Choice { question: QuestionIx::at(usize::from(parse_digits(q, 4)?)), option: option as u8 }
            }
            "radio" | "button" | "qbutton" => Intent::Press(Path::parse(value)?),
            "select" => {
                let (p, v) = value.split_once('=')?;
                Intent::Menu(Path::parse(p)?, v.to_string())
            }
            "focus" | "qfocus" => Intent::Focus(Path::parse(value)?),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_reads_its_value() {
        assert_eq!(Intent::parse(Scope::App, "pos", "3-2"), Some(Intent::Pos("3-2".into())));
        assert_eq!(Intent::parse(Scope::App, "tab", "quiz"), Some(Intent::Tab(View::Quiz)));
        assert_eq!(Intent::parse(Scope::App, "button", "2.0.11"), Some(Intent::Press(Path(vec![2, 0, 11]))));
        assert_eq!(
            Intent::parse(Scope::App, "select", "0.1.1=dark"),
            Some(Intent::Menu(Path(vec![0, 1, 1]), "dark".into()))
        );
        assert_eq!(Intent::parse(Scope::App, "focus", "4"), Some(Intent::Focus(Path(vec![4]))));
        assert_eq!(
            Intent::parse(Scope::Quiz, "choice", "12:3"),
            Some(Intent::Choice { question: QuestionIx::at(12), option: 3 })
        );
        assert_eq!(Intent::parse(Scope::Quiz, "qbutton", "3.1"), Some(Intent::Press(Path(vec![3, 1]))));
    }

    #[test]
    fn a_kind_belongs_to_one_scope() {
        assert_eq!(Intent::parse(Scope::Quiz, "pos", "3-2"), None);
        assert_eq!(Intent::parse(Scope::App, "choice", "1:2"), None);
        assert_eq!(Intent::parse(Scope::App, "qfocus", "1"), None);
        assert_eq!(Intent::parse(Scope::App, "onclick", "1"), None);
    }

    #[test]
    fn malformed_values_are_dropped() {
        for (kind, value) in [
            ("pos", "3"),
            ("pos", "a-b"),
            ("pos", "-1-2"),
            ("tab", "graph"),
            ("button", ""),
            ("button", "1..2"),
            ("button", "1.-2"),
            ("focus", "99999"),
            ("select", "1.2"),
        ] {
            assert_eq!(Intent::parse(Scope::App, kind, value), None, "{kind}={value}");
        }
        assert_eq!(Intent::parse(Scope::Quiz, "choice", "1:22"), None);
        assert_eq!(Intent::parse(Scope::Quiz, "choice", "x:2"), None);
        let deep = vec!["1"; 41].join(".");
        assert_eq!(Intent::parse(Scope::App, "focus", &deep), None);
    }
}
