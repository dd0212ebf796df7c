//! The edges: everything that talks to the browser (configuration from the page,
//! storage, the panic hook). The rest of the crate stays pure and testable natively.

pub mod download;
pub mod element;
pub mod fragment;
pub mod panic;
pub mod quiz;
pub mod resize;
pub mod storage;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::model::{Config, Route, CONTENT};
use crate::view::{App, AppProps, ContentRef};

/// The id of the element the standalone pages mount into.
pub const ROOT_ID: &str = "full-stack";

/// The attribute on that element saying which page it is: `page` (the standalone
/// page, `index.html` and `full-stack.html`) or `embed` (`embed.html`, which also
/// reports its height to the host). Without it nothing mounts at start-up: a host
/// page of the custom element may well have its own `id="full-stack"`.
pub const MODE_ATTR: &str = "data-full-stack";

/// Reads `key=value` pairs from the page's query string.
fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let mut out = Vec::new();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
        for key in ["view", "theme", "cell", "quiz"] {
            if let Some(v) = params.get(key) {
                out.push((key.to_string(), v));
            }
        }
    }
    out
}

/// Mounts the widget into `root`, hydrating server-rendered markup when present, and
/// logs each notice as a console warning.
pub fn mount(
    root: Element,
    config: Config,
    route: Option<Route>,
    notices: Vec<String>,
    sync_fragment: bool,
) -> yew::AppHandle<App> {
    for n in &notices {
        web_sys::console::warn_1(&format!("full-stack: {n}").into());
    }
    render(root, config, route, notices, sync_fragment, None)
}

/// [`mount`] without the console warnings (the caller logs them).
fn render(
    root: Element,
    config: Config,
    route: Option<Route>,
    notices: Vec<String>,
    sync_fragment: bool,
    instance: Option<yew::AttrValue>,
) -> yew::AppHandle<App> {
    panic::install(root.clone());
    let prerendered = root.has_attribute("data-prerendered");
    let props = AppProps {
        content: ContentRef(&CONTENT),
        config,
        route,
        notices,
        sync_fragment,
        hydrating: prerendered,
        instance,
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    if prerendered {
        renderer.hydrate()
    } else {
        renderer.render()
    }
}

/// Entry point of the standalone and embed pages: mounts into `#full-stack` if the
/// page has one marked with [`MODE_ATTR`]. In a custom element's wasm instance there
/// is none, and the element mounts itself (see [`element`]).
pub fn start() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(ROOT_ID)) else {
        return;
    };
    let embed = match root.get_attribute(MODE_ATTR).as_deref() {
        Some("page") => false,
        Some("embed") => true,
        _ => return,
    };
    let pairs = query_pairs();
    let (config, mut notices) = Config::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &CONTENT);
    let route = Route::parse(&fragment::read(), &CONTENT).unwrap_or_else(|notice| {
        notices.push(notice);
        None
    });
    mount(root.unchecked_into(), config, route, notices, true);
    if embed {
        resize::start();
    }
}

/// Deliberately panics, so tests can check the error box. Never called by the widget.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    panic!("debugPanic() was called: this is a deliberate test panic");
}
