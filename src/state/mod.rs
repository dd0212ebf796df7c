//! Pure reducers: an `Action` enum plus `Reducible` per concern, as in yew's
//! `function_todomvc` and `function_memory_game` examples. No DOM access here.

pub mod app;
pub mod chart;
pub mod quiz;

pub use app::{AppAction, AppState};
pub use chart::{ChartAction, ChartState};
pub use quiz::{QuizAction, QuizState};

use std::rc::Rc;

/// The reducers' last step: the same `Rc` when the action changed nothing, so Yew
/// skips the re-render; a new one otherwise.
pub(crate) fn keep_or_replace<T: PartialEq>(old: Rc<T>, next: T) -> Rc<T> {
    if next == *old {
        old
    } else {
        Rc::new(next)
    }
}
