//! Pure reducers: an `Action` enum plus `Reducible` per concern, as in yew's
//! `function_todomvc` and `function_memory_game` examples. No DOM access here.

pub mod app;
pub mod chart;
pub mod quiz;

pub use app::{AppAction, AppState};
pub use chart::{ChartAction, ChartState};
pub use quiz::{QuizAction, QuizState};
