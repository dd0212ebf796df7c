//! The clipboard: copy a text, or say that it could not be done (the caller then shows
//! the text to copy by hand). Every failure is quiet and handled.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::BROWSER;

/// Copies `text` with the asynchronous clipboard API and calls `done(true)` when it
/// worked, `done(false)` when the API is missing, refused (insecure page, sandboxed
/// iframe, permissions) or throws.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    if !BROWSER {
        return done(false);
    }
    match write_text(text) {
        Some(promise) => yew::platform::spawn_local(async move { done(JsFuture::from(promise).await.is_ok()) }),
        None => done(false),
    }
}

/// `navigator.clipboard.writeText(text)`, looked up defensively (it is `undefined` on
/// insecure pages, and calling it may throw).
fn write_text(text: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    if !policy_allows_clipboard(&window) {
        return None;
    }
    let navigator: JsValue = window.navigator().into();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if !clipboard.is_object() {
        return None;
    }
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Whether the page's permissions policy lets it write to the clipboard (an iframe needs
/// `allow="clipboard-write"`). Asking first avoids a console error for a call that would
/// only be refused. Browsers without `document.featurePolicy` are let through.
fn policy_allows_clipboard(window: &web_sys::Window) -> bool {
    let Some(document) = window.document() else { return false };
    let Ok(policy) = js_sys::Reflect::get(&document, &"featurePolicy".into()) else { return true };
    if !policy.is_object() {
        return true;
    }
    let Some(allows) =
        js_sys::Reflect::get(&policy, &"allowsFeature".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return true;
    };
    allows.call1(&policy, &"clipboard-write".into()).map(|v| v.as_bool() != Some(false)).unwrap_or(true)
}
