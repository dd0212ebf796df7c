//! The page's URL fragment: read it, replace it without adding history entries, and
//! listen for changes (a reader editing the address bar, or following a link).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The current fragment, with its `#`, or "" (percent-decoded).
pub fn read() -> String {
    let raw = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    js_sys::decode_uri_component(&raw).map(String::from).unwrap_or(raw)
}

/// Replaces the fragment. Storage-free and history-free: uses `replaceState`, and
/// does nothing if the fragment is already right or the page forbids it.
pub fn write(fragment: &str) {
    let Some(window) = web_sys::window() else { return };
    if window.location().hash().ok().as_deref() == Some(fragment) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
    }
}

/// Calls `f` with the new fragment on every `hashchange` until the returned guard is dropped.
pub fn on_change(f: impl Fn(String) + 'static) -> Listener {
    let closure = Closure::<dyn Fn()>::new(move || f(read()));
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
    }
    Listener { closure }
}

/// Removes the `hashchange` listener when dropped.
pub struct Listener {
    closure: Closure<dyn Fn()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback("hashchange", self.closure.as_ref().unchecked_ref());
        }
    }
}
