//! The embed contract: the names the pages, the boot script, the custom element and the
//! build share with the wasm. Defined here once; `scripts/dist.mjs` and the JavaScript
//! templates take them from `prerender contract` (see `tests/contract.rs`).

/// The id of the element the standalone pages mount into.
pub const ROOT_ID: &str = "full-stack";

/// The attribute on that element saying which page it is: `page` (the standalone page,
/// `index.html` and `full-stack.html`) or `embed` (`embed.html`, which also reports its
/// height to the host). Without it nothing mounts at start-up: a host page of the custom
/// element may well have its own `id="full-stack"`.
pub const MODE_ATTR: &str = "data-full-stack";

/// The values of [`MODE_ATTR`].
pub const MODES: [&str; 2] = ["page", "embed"];

/// Marks a root that holds markup rendered at build time (the wasm hydrates it).
pub const PRERENDERED_ATTR: &str = "data-prerendered";

/// Set on the widget's `.fs` root by the running app (not by the prerendered markup).
pub const LIVE_ATTR: &str = "data-live";

/// The property of the widget's `.fs` element where the boot script (`www/intents.js`,
/// also inlined in `full-stack.js`) records what the reader did before the app ran: an
/// object whose keys are kinds of intent and whose values are strings (see
/// [`crate::model::intent`]). The app deletes each key as it applies it.
pub const INTENTS_PROP: &str = "fsIntents";

/// The custom element.
pub const ELEMENT_NAME: &str = "full-stack-explainer";

/// The options, as query parameters and element attributes, in the order they apply
/// (`model::config` parses them). `www/templates/element.js` observes the same
/// attributes and passes them in this order (`tests/options.rs` checks it).
pub const OPTIONS: [&str; 7] = ["view", "theme", "cell", "quiz", "highlight", "evidence", "sections"];

/// The query parameter with which a page embedding `embed.html` asks for the reader's
/// actions as messages (`events=1`; see `platform::events`). Not an element attribute: the
/// element dispatches its events on the host page anyway.
pub const EVENTS_OPTION: &str = "events";

/// The id of the `<script type="application/json">` holding the on-demand data inline
/// (the single offline file).
pub const INLINE_DATA_ID: &str = "fs-data";

/// The on-demand data's file name, beside the pages.
pub const DATA_FILE: &str = "data.json";

/// The transcript page's file name, beside the pages.
pub const TRANSCRIPT_FILE: &str = "transcript.html";

/// The chart's data file (every claim with its sources), beside the pages.
pub const CSV_FILE: &str = "full-stack.csv";

/// The file name stem readers' downloads get.
pub const EXPORT_NAME: &str = "full-stack-china-ai-policy";

/// The chart's image under an evidence filter, beside the pages: `chart-all.svg`,
/// `chart-episode.png`...
pub fn chart_image(filter: crate::model::chart::TierFilter, ext: &str) -> String {
    let which = if filter.is_everything() { "all" } else { filter.id() };
    format!("chart-{which}.{ext}")
}
