//! Static pages rendered at build time with Yew's server renderer (native only: nothing
//! here is in the wasm). `src/bin/prerender.rs` renders them; `scripts/dist.mjs` puts
//! them into their templates.

pub mod transcript;
