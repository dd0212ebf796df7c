//! The page's URL fragment: read it, replace it without adding history entries, and
//! listen for changes (a reader editing the address bar, or following a link).

use gloo::events::EventListener;

use super::BROWSER;

/// The current fragment, with its `#`, or "" (percent-decoded).
pub fn read() -> String {
    if !BROWSER {
        return String::new();
    }
    let raw = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    js_sys::decode_uri_component(&raw).map(String::from).unwrap_or(raw)
}

/// Replaces the fragment. History-free: uses `replaceState`, and does nothing if the
/// fragment is already right or the page forbids it.
pub fn write(fragment: &str) {
    if !BROWSER {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    if window.location().hash().ok().as_deref() == Some(fragment) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
    }
}

/// Calls `f` with the new fragment on every `hashchange` until the returned listener is
/// dropped. `None` off the browser.
pub fn on_change(f: impl Fn(String) + 'static) -> Option<EventListener> {
    if !BROWSER {
        return None;
    }
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| f(read())))
}
