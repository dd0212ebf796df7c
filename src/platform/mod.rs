//! The one way the views reach the browser: the URL fragment, storage, the clipboard,
//! focus and scrolling, the on-demand data, the page's address, the events the host page
//! hears.
//!
//! Every function compiles on both targets (so `cargo clippy` and the server-rendering
//! tests check it natively) and does nothing off the browser: natively there is no
//! window, and the server renderer never runs effects or event handlers anyway. That
//! decision is made here, once ([`BROWSER`]); the views call these functions plainly.
//!
//! Everything here is defensive: a missing API, a throwing storage or a refused
//! clipboard is handled and never reaches the reader as an error.

pub mod clipboard;
pub mod data;
pub mod dom;
pub mod events;
pub mod fragment;
pub mod intents;
pub mod page;
pub mod storage;

/// Whether this build runs in a browser (the wasm build). Natively every function here
/// is a no-op with a sensible default.
pub const BROWSER: bool = cfg!(target_arch = "wasm32");
