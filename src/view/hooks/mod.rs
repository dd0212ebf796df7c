//! Hooks the views share.

pub mod after_render;
pub mod quiz_storage;

pub use after_render::{use_after_render, AfterRender};
pub use quiz_storage::use_quiz_storage;
