//! What `make dist` writes from the chart's data at build time (`src/bin/export.rs`):
//! the CSV and the SVG images. Native only: none of it is in the wasm.

pub mod csv;
pub mod svg;
