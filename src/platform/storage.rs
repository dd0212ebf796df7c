//! Small string storage: `localStorage` when the page allows it, memory otherwise.
//!
//! `localStorage` throws in a sandboxed iframe without `allow-same-origin`, in some
//! privacy modes, and when it is full. Every access here is `Result`-handled: a failure
//! silently falls back to an in-memory copy that lasts as long as the page, so the
//! reader loses nothing while reading and never sees an error. (gloo-storage's
//! `LocalStorage` would throw on first use in such a frame, so this stays hand-written.)

use std::cell::RefCell;

use super::BROWSER;

thread_local! {
    /// What this page has saved, freshest first choice for reads.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The page's `localStorage`, if it may be used.
fn local() -> Option<web_sys::Storage> {
    if !BROWSER {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value saved under `key`: this page's latest save, else `localStorage`'s.
pub fn load(key: &str) -> Option<String> {
    let remembered = MEMORY.with(|m| m.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()));
    remembered.or_else(|| local()?.get_item(key).ok().flatten())
}

/// Saves `value` under `key`, in memory and (if allowed) in `localStorage`.
pub fn save(key: &str, value: &str) {
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        match m.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value.to_string(),
            None => m.push((key.to_string(), value.to_string())),
        }
    });
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

/// Forgets `key` everywhere.
pub fn remove(key: &str) {
    MEMORY.with(|m| m.borrow_mut().retain(|(k, _)| k != key));
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}
