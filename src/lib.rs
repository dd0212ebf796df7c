//! Full Stack: an embeddable, offline explainer of China's industrial policy for AI.
//!
//! Data flows one way: `content/` (validated and baked in by `build/`) → [`model`]
//! → [`state`] → [`view`]. [`platform`] is the one way views reach the browser; `host`
//! starts the widget in a page or a custom element.

pub mod model;
pub mod platform;
pub mod state;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod export;

/// Static pages rendered at build time (the transcript page).
#[cfg(not(target_arch = "wasm32"))]
pub mod pages;

#[cfg(target_arch = "wasm32")]
pub mod host;
