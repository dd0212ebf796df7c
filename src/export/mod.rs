//! What `make dist` writes from the chart's data at build time (`src/bin/export.rs`):
//! the CSV, the SVG images and the link card. Native only: none of it is in the wasm.

pub mod card;
pub mod csv;
pub mod svg;
