//! Starting the widget: reading the page's configuration, mounting (or hydrating) the
//! app into the page's root or a custom element's, the panic hook, and the iframe
//! embed's height messages. The views reach the browser through `platform`.

pub mod element;
pub mod panic;
pub mod resize;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::model::embed::{EVENTS_OPTION, MODE_ATTR, MODE_EMBED, MODE_PAGE, OPTIONS, PRERENDERED_ATTR, ROOT_ID};
use crate::model::{Config, Route, CONTENT};
use crate::platform::{dom, fragment};
use crate::view::chart::Layout;
use crate::view::{App, AppProps, ContentRef};
use yew::AttrValue;

/// Reads `key=value` pairs from the page's query string: the options, and for the embed
/// also [`EVENTS_OPTION`].
fn query_pairs(embed: bool) -> Vec<(String, String)> {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let mut out = Vec::new();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
        let events = embed.then_some(EVENTS_OPTION);
        for key in OPTIONS.into_iter().chain(events) {
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
    render(root, config, route, notices, sync_fragment, None, AttrValue::default())
}

/// The chart's layout the screen hides while it shows the other, its server markup marked
/// for hydration to adopt as it is (see [`Layout`]). `None` when neither or both are
/// shown (the chart is in a hidden tab, or the styles are not there yet): then both hydrate.
fn layout_later(root: &Element) -> Option<Layout> {
    let hidden = match (dom::shown(root, Layout::Wide.selector()), dom::shown(root, Layout::Narrow.selector())) {
        (true, false) => Layout::Narrow,
        (false, true) => Layout::Wide,
        _ => return None,
    };
    dom::mark_raw(root, hidden.selector()).then_some(hidden)
}

/// [`mount`] without the console warnings (the caller logs them).
fn render(
    root: Element,
    config: Config,
    route: Option<Route>,
    notices: Vec<String>,
    sync_fragment: bool,
    instance: Option<AttrValue>,
    base: AttrValue,
) -> yew::AppHandle<App> {
    panic::install(root.clone());
    let prerendered = root.has_attribute(PRERENDERED_ATTR);
    let layout_later = if prerendered { layout_later(&root) } else { None };
    let shown_view = if prerendered { dom::view_shown(&root) } else { None };
    let props = AppProps {
        content: ContentRef(&CONTENT),
        config,
        route,
        notices,
        sync_fragment,
        hydrating: prerendered,
        shown_view,
        layout_later,
        islands: None,
        instance,
        base,
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
        Some(MODE_PAGE) => false,
        Some(MODE_EMBED) => true,
        _ => return,
    };
    let pairs = query_pairs(embed);
    let (config, mut notices) = Config::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &CONTENT);
    let route = Route::parse(&fragment::read(), &CONTENT).unwrap_or_else(|notice| {
        notices.push(notice);
        None
    });
    // Before mounting: the app's first event (`full-stack:ready`) goes to the parent too.
    if embed && config.events {
        crate::platform::events::post_to_parent();
    }
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
