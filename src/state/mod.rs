//! Pure reducers: an `Action` enum plus `Reducible` per concern, as in yew's
//! `function_todomvc` and `function_memory_game` examples. No DOM access here.

pub mod app;
pub mod quiz;

pub use app::{AppAction, AppState};
pub use quiz::{QuizAction, QuizState};
