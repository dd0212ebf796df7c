//! The page's URL fragment: read it, replace it without adding history entries, and
//! listen for changes (a reader editing the address bar, or following a link).

use std::cell::RefCell;

use gloo::events::EventListener;

use super::BROWSER;

thread_local! {
    /// The fragment as the app last read or wrote it (raw, as `location.hash` gives it).
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The fragment [`write`] will put in the address after the next paint.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn raw_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The current fragment, with its `#`, or "" (percent-decoded).
pub fn read() -> String {
    if !BROWSER {
        return String::new();
    }
    let raw = raw_hash();
    LAST.with(|l| *l.borrow_mut() = Some(raw.clone()));
    js_sys::decode_uri_component(&raw).map(String::from).unwrap_or(raw)
}

/// Replaces the fragment, after the next paint: `replaceState` cost 11 ms of a 34 ms
/// selection at 10x content (4x CPU), and the reader sees the panel before the address.
/// Writes made before then coalesce into the last one. History-free, and nothing is written
/// if the fragment is already right or the page forbids it. Nor when the fragment has
/// changed since the app last read or wrote it: a link the reader followed while a write
/// was pending must not be overwritten by the older route (its `hashchange` drops the
/// pending write and brings the reader's route in).
pub fn write(fragment: &str) {
    if !BROWSER {
        return;
    }
    if PENDING.with(|p| p.borrow_mut().replace(fragment.to_string()).is_none()) {
        super::page::after_paint(flush);
    }
}

/// Writes the pending fragment, if any (see [`write`]).
fn flush() {
    let Some(fragment) = PENDING.with(|p| p.borrow_mut().take()) else { return };
    let Some(window) = web_sys::window() else { return };
    let current = raw_hash();
    if current == fragment {
        return;
    }
    if LAST.with(|l| l.borrow().as_ref().is_some_and(|last| *last != current)) {
        return;
    }
    if let Ok(history) = window.history() {
        if history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment)).is_ok() {
            LAST.with(|l| *l.borrow_mut() = Some(raw_hash()));
        }
    }
}

/// Calls `f` with the new fragment on every `hashchange` until the returned listener is
/// dropped. `None` off the browser.
pub fn on_change(f: impl Fn(String) + 'static) -> Option<EventListener> {
    if !BROWSER {
        return None;
    }
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        PENDING.with(|p| p.borrow_mut().take());
        f(read())
    }))
}
