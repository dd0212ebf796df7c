//! Plain types and pure logic. No DOM, no I/O: everything here is tested natively.

pub mod chart;
pub mod config;
pub mod content;
pub mod embed;
pub mod events;
pub mod intent;
pub mod palette;
pub mod quiz;
pub mod route;
pub mod timeline;

pub use config::{Config, QuizLength, Theme, View};
pub use content::{
    Cell, CellIx, Claim, ClaimKind, Content, Data, Difficulty, Entry, Event, EventIx, Layer, LayerIx, Point, Question,
    QuestionIx, Section, SectionIx, Source, Speaker, Tier, Tool, ToolIx, CONTENT,
};
pub use route::{ChartTarget, Route};

/// A decimal number of 1 to `max_digits` ASCII digits (no sign, no spaces), as read from
/// strangers' input (fragments, stored state).
pub(crate) fn parse_digits(s: &str, max_digits: usize) -> Option<u16> {
    if s.is_empty() || s.len() > max_digits || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}
