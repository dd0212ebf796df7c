//! Full Stack: an embeddable, offline explainer of China's industrial policy for AI.
//!
//! Data flows one way: `content/` (validated and baked in by `build/`) → [`model`]
//! → [`state`] → [`view`]. [`host`] is the edge that talks to the browser.

pub mod model;
pub mod state;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod host;
