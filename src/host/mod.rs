//! The edges: everything that talks to the browser (configuration from the page,
//! storage, the panic hook). The rest of the crate stays pure and testable natively.

pub mod download;
pub mod fragment;
pub mod panic;
pub mod quiz;
pub mod storage;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::model::{Config, Route, CONTENT};
use crate::view::{App, AppProps, ContentRef};

/// The id of the element the standalone pages mount into.
pub const ROOT_ID: &str = "full-stack";

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

/// Mounts the widget into `root`, hydrating server-rendered markup when present.
pub fn mount(root: Element, config: Config, route: Option<Route>, notices: Vec<String>, sync_fragment: bool) {
    for n in &notices {
        web_sys::console::warn_1(&format!("full-stack: {n}").into());
    }
    panic::install(root.clone());
    let props = AppProps { content: ContentRef(&CONTENT), config, route, notices, sync_fragment };
    let prerendered = root.has_attribute("data-prerendered");
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    if prerendered {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

/// Entry point of the standalone page: mounts into `#full-stack` if the page has one.
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID))
    else {
        return;
    };
    let pairs = query_pairs();
    let (config, mut notices) = Config::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &CONTENT);
    let route = Route::parse(&fragment::read(), &CONTENT).unwrap_or_else(|notice| {
        notices.push(notice);
        None
    });
    mount(root.unchecked_into(), config, route, notices, true);
}

/// Deliberately panics, so tests can check the error box. Never called by the widget.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    panic!("debugPanic() was called: this is a deliberate test panic");
}
