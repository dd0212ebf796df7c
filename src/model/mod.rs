//! Plain types and pure logic. No DOM, no I/O: everything here is tested natively.

pub mod chart;
pub mod config;
pub mod content;
pub mod quiz;
pub mod route;
pub mod svg;
pub mod timeline;

pub use config::{Config, QuizLength, Theme, View};
pub use route::{ChartTarget, Route};
pub use content::{Cell, Content, Difficulty, Entry, Event, Layer, Question, Source, Speaker, Tier, Tool, CONTENT};
