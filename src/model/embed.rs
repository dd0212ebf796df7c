//! The embed contract: the names the pages, the boot script, the custom element and the
//! build share with the wasm. Defined here once. `make contract` (`export --contract`)
//! writes them into the JavaScript that needs them: a block between `// <contract>` and
//! `// </contract>` in each file of [`STAMPS`], and the whole of `scripts/contract.mjs`
//! (imported by `scripts/dist.mjs`). `tests/contract.rs` fails while a file differs from
//! what this module generates, or holds a copy of one of these values outside its block.

/// The id of the element the standalone pages mount into.
pub const ROOT_ID: &str = "full-stack";

/// The attribute on that element saying which page it is: `page` (the standalone page,
/// `index.html` and `full-stack.html`) or `embed` (`embed.html`, which also reports its
/// height to the host). Without it nothing mounts at start-up: a host page of the custom
/// element may well have its own `id="full-stack"`.
pub const MODE_ATTR: &str = "data-full-stack";

/// The values of [`MODE_ATTR`].
pub const MODE_PAGE: &str = "page";
pub const MODE_EMBED: &str = "embed";
pub const MODES: [&str; 2] = [MODE_PAGE, MODE_EMBED];

/// Marks a root that holds markup rendered at build time (the wasm hydrates it).
pub const PRERENDERED_ATTR: &str = "data-prerendered";

/// Set on the widget's `.fs` root by the running app (never in the prerendered markup),
/// once its first render after mounting or hydrating is on the page, with every child
/// rendered: the deep link and the reader's taps from before are applied, and
/// [`DATA_STATE_ATTR`] is set. The host page hears `full-stack:ready` at the same moment.
pub const LIVE_ATTR: &str = "data-live";

/// The property the app sets (`true`) on the widget's `.fs` element as it takes the
/// reader's intents, before it replays them and before [`LIVE_ATTR`]: from then on the
/// boot script (`www/intents.js`) records nothing more, so the replay's own clicks and
/// focus are not recorded again.
pub const LIVE_PROP: &str = "fsLive";

/// The property of the widget's `.fs` element where the boot script (`www/intents.js`,
/// also inlined in `full-stack.js`) records what the reader did before the app ran: an
/// object whose keys are kinds of intent and whose values are strings (see
/// [`crate::model::intent`]). The app deletes each key as it applies it.
pub const INTENTS_PROP: &str = "fsIntents";

/// The custom element.
pub const ELEMENT_NAME: &str = "full-stack-explainer";

/// The custom element's script, beside the pages.
pub const ELEMENT_FILE: &str = "full-stack.js";

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

/// The id of the `<script type="application/json">` holding the transcript page inline
/// (the single offline file opens it from a Blob URL).
pub const INLINE_TRANSCRIPT_ID: &str = "fs-transcript";

/// The id of the `<script type="application/json">` holding the downloads inline (the
/// single offline file, which has no files beside it): `{ file name: text }` for the CSV
/// and the chart's SVGs; its script saves them, and draws each PNG from its SVG.
pub const INLINE_DOWNLOADS_ID: &str = "fs-downloads";

/// The widget's own page, beside the embed files (shared quiz results and the
/// transcript's links back open it).
pub const WIDGET_PAGE: &str = "index.html";

/// The ids of a view's tab and panel are these prefixes and the view's id (`fs-tab-quiz`).
pub const TAB_ID_PREFIX: &str = "fs-tab-";
pub const PANEL_ID_PREFIX: &str = "fs-panel-";

/// Set on the widget's `.fs` root: the view shown, and the theme.
pub const VIEW_ATTR: &str = "data-view";
pub const THEME_ATTR: &str = "data-theme";

/// Set on the widget's `.fs` root: how far the on-demand data is ([`DATA_STATES`]).
pub const DATA_STATE_ATTR: &str = "data-data";

/// The values of [`DATA_STATE_ATTR`]: still loading, there, or failed.
pub const DATA_STATES: [&str; 3] = ["pending", "ready", "failed"];

/// On each of the chart's cell and header buttons: its position, `"<row>-<column>"`.
pub const POS_ATTR: &str = "data-pos";

/// Set by the boot script (`www/intents.js`) on the cell or header button the reader tapped
/// before the app ran, so the tap shows at once: the same ring as a pressed button
/// (`www/chart.css`). Hydration keeps attributes it does not render; the app removes this
/// one once its first live render is on the page ([`crate::platform::intents::mark_live`]).
pub const TAPPED_ATTR: &str = "data-tapped";

/// The on-demand data's file name, beside the pages.
pub const DATA_FILE: &str = "data.json";

/// The transcript page's file name, beside the pages.
pub const TRANSCRIPT_FILE: &str = "transcript.html";

/// The evidence page (every cell's programs, figures and sources, with no script), beside
/// the pages: linked for readers without JavaScript, and for those whose browser cannot run
/// the app (the boot script's failed state).
pub const SOURCES_FILE: &str = "sources.html";

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

/// A value of the contract, as JavaScript receives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    Text(&'static str),
    List(Vec<&'static str>),
}

impl Literal {
    /// The value as a JavaScript literal: `'full-stack'`, `['page', 'embed']`.
    pub fn js(&self) -> String {
        let quote = |s: &str| {
            debug_assert!(!s.contains(['\'', '\\', '\n']), "a contract value needs no escaping: {s}");
            format!("'{s}'")
        };
        match self {
            Literal::Text(s) => quote(s),
            Literal::List(items) => format!("[{}]", items.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", ")),
        }
    }
}

/// Every name of the contract the JavaScript side uses, with its value.
pub fn contract() -> Vec<(&'static str, Literal)> {
    use super::config::{Theme, View};
    use super::events::HostEvent;
    use Literal::{List, Text};
    vec![
        ("ROOT_ID", Text(ROOT_ID)),
        ("MODE_ATTR", Text(MODE_ATTR)),
        ("MODES", List(MODES.to_vec())),
        ("MODE_PAGE", Text(MODE_PAGE)),
        ("MODE_EMBED", Text(MODE_EMBED)),
        ("PRERENDERED_ATTR", Text(PRERENDERED_ATTR)),
        ("LIVE_ATTR", Text(LIVE_ATTR)),
        ("LIVE_PROP", Text(LIVE_PROP)),
        ("VIEW_ATTR", Text(VIEW_ATTR)),
        ("THEME_ATTR", Text(THEME_ATTR)),
        ("DATA_STATE_ATTR", Text(DATA_STATE_ATTR)),
        ("DATA_STATES", List(DATA_STATES.to_vec())),
        ("DATA_PENDING", Text(DATA_STATES[0])),
        ("POS_ATTR", Text(POS_ATTR)),
        ("TAPPED_ATTR", Text(TAPPED_ATTR)),
        ("INTENTS_PROP", Text(INTENTS_PROP)),
        ("ELEMENT_NAME", Text(ELEMENT_NAME)),
        ("ELEMENT_FILE", Text(ELEMENT_FILE)),
        ("OPTIONS", List(OPTIONS.to_vec())),
        ("EVENTS_OPTION", Text(EVENTS_OPTION)),
        ("EVENTS", List(HostEvent::NAMES.to_vec())),
        ("VIEWS", List(View::ALL.iter().map(|v| v.id()).collect())),
        ("DEFAULT_VIEW", Text(View::default().id())),
        ("THEMES", List(Theme::ALL.iter().map(|t| t.id()).collect())),
        ("DEFAULT_THEME", Text(Theme::default().id())),
        ("TAB_ID_PREFIX", Text(TAB_ID_PREFIX)),
        ("PANEL_ID_PREFIX", Text(PANEL_ID_PREFIX)),
        ("INLINE_DATA_ID", Text(INLINE_DATA_ID)),
        ("INLINE_TRANSCRIPT_ID", Text(INLINE_TRANSCRIPT_ID)),
        ("INLINE_DOWNLOADS_ID", Text(INLINE_DOWNLOADS_ID)),
        ("DATA_FILE", Text(DATA_FILE)),
        ("TRANSCRIPT_FILE", Text(TRANSCRIPT_FILE)),
        ("CSV_FILE", Text(CSV_FILE)),
        ("SOURCES_FILE", Text(SOURCES_FILE)),
        ("WIDGET_PAGE", Text(WIDGET_PAGE)),
    ]
}

/// A file that gets a block of the contract: the names it uses, declared with `keyword`.
#[derive(Clone, Copy, Debug)]
pub struct Stamp {
    /// The path from the project's root.
    pub file: &'static str,
    pub keyword: &'static str,
    pub names: &'static [&'static str],
}

/// The files that get a block of the contract.
pub const STAMPS: [Stamp; 4] = [
    Stamp { file: "www/boot.js", keyword: "var", names: &["ROOT_ID", "VIEWS", "DEFAULT_VIEW", "THEMES", "THEME_ATTR"] },
    Stamp {
        file: "www/intents.js",
        keyword: "var",
        names: &[
            "LIVE_PROP",
            "DATA_STATE_ATTR",
            "DATA_PENDING",
            "POS_ATTR",
            "TAPPED_ATTR",
            "INTENTS_PROP",
            "TAB_ID_PREFIX",
            "PANEL_ID_PREFIX",
            "VIEWS",
            "VIEW_ATTR",
        ],
    },
    Stamp {
        file: "www/templates/element.js",
        keyword: "const",
        names: &[
            "ELEMENT_NAME",
            "ELEMENT_FILE",
            "OPTIONS",
            "ROOT_ID",
            "PRERENDERED_ATTR",
            "VIEWS",
            "DEFAULT_VIEW",
            "THEMES",
            "DEFAULT_THEME",
            "THEME_ATTR",
            "WIDGET_PAGE",
        ],
    },
    Stamp {
        file: "www/templates/full-stack.html",
        keyword: "const",
        names: &["INLINE_TRANSCRIPT_ID", "INLINE_DOWNLOADS_ID", "TRANSCRIPT_FILE", "SOURCES_FILE", "WIDGET_PAGE"],
    },
];

/// The first line of a block (after its indentation).
pub const BLOCK_START: &str = "// <contract> generated from src/model/embed.rs by `make contract`: do not edit";
/// The last line of a block.
pub const BLOCK_END: &str = "// </contract>";

/// The block of `stamp` at `indent`, its marker lines included.
pub fn block(stamp: &Stamp, indent: &str) -> String {
    let all = contract();
    let mut out = format!("{indent}{BLOCK_START}\n");
    for name in stamp.names {
        let value = all.iter().find(|(n, _)| n == name).map(|(_, v)| v.js());
        let value = value.unwrap_or_else(|| panic!("{}: {name} is not in the contract", stamp.file));
        out.push_str(&format!("{indent}{} {name} = {value};\n", stamp.keyword));
    }
    out.push_str(&format!("{indent}{BLOCK_END}\n"));
    out
}

/// `text` (the file of `stamp`) with its block regenerated. The file must hold one
/// block: a line with `// <contract>` and a later line with `// </contract>`.
pub fn stamp(text: &str, stamp: &Stamp) -> Result<String, String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = lines.iter().position(|l| l.trim_start().starts_with("// <contract>"));
    let end = lines.iter().position(|l| l.trim() == BLOCK_END);
    let (Some(start), Some(end)) = (start, end) else {
        return Err(format!("{}: no `// <contract>` ... `{BLOCK_END}` block", stamp.file));
    };
    if end < start {
        return Err(format!("{}: `{BLOCK_END}` before `// <contract>`", stamp.file));
    }
    let indent = &lines[start][..lines[start].len() - lines[start].trim_start().len()];
    let mut out: String = lines[..start].concat();
    out.push_str(&block(stamp, indent));
    out.push_str(&lines[end + 1..].concat());
    Ok(out)
}

/// The text of `scripts/contract.mjs`: every name of the contract, for the build scripts.
pub fn module() -> String {
    let mut out = String::from(
        "// GENERATED from src/model/embed.rs by `make contract`: do not edit. The embed contract\n\
         // (ids, attribute, option, event and file names) for the build scripts.\n",
    );
    for (name, value) in contract() {
        out.push_str(&format!("export const {name} = {};\n", value.js()));
    }
    out
}
