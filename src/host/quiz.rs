//! The quiz's other browser edges: a seed from the clock, the page a shared result links
//! to, and the clipboard. All failures are quiet and handled.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::quiz;

/// A fresh seed for a new round: the clock mixed with `Math.random`.
pub fn fresh_seed() -> u32 {
    let now = js_sys::Date::now() as u64;
    let rnd = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let mut rng = crate::model::quiz::Rng::new(now ^ (rnd << 21));
    rng.next_u64() as u32
}

thread_local! {
    /// The page shared results link to, when the custom element set one ("" for none).
    static SHARE_PAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets the page shared results link to (the custom element: the widget's own
/// `index.html`, already checked by `model::quiz::share_page`; "" for no link), or
/// with `None` goes back to the page's own address.
pub fn set_share_page(page: Option<&str>) {
    SHARE_PAGE.with(|p| *p.borrow_mut() = page.map(str::to_string));
}

/// The page a shared result links to, or "" for none:
/// - in a custom element, what the element set ([`set_share_page`]);
/// - in `embed.html`, the `index.html` beside it (the embed has no chrome and its query
///   holds the embedder's settings);
/// - on `index.html` and `full-stack.html`, the page's own address.
///
/// Only an http(s) or file URL is returned (`model::quiz::share_page`).
pub fn share_page() -> String {
    if let Some(page) = SHARE_PAGE.with(|p| p.borrow().clone()) {
        return page;
    }
    let Some(window) = web_sys::window() else { return String::new() };
    let href = window.location().href().unwrap_or_default();
    let embed = window
        .document()
        .and_then(|d| d.get_element_by_id(super::ROOT_ID))
        .and_then(|root| root.get_attribute(super::MODE_ATTR))
        .is_some_and(|mode| mode == "embed");
    let page = if embed { quiz::sibling(&href, "index.html") } else { href };
    quiz::share_page(&page).unwrap_or("").to_string()
}

/// Copies `text` with the asynchronous clipboard API and calls `done(true)` when it
/// worked, `done(false)` when the API is missing, refused (insecure page, sandboxed
/// iframe, permissions) or throws.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    match write_text(text) {
        Some(promise) => {
            let done = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(done) as Box<dyn FnOnce(bool)>)));
            let (d1, d2, done_again) = (done.clone(), done.clone(), done);
            let ok = Closure::once_into_js(move |_: JsValue| {
                if let Some(f) = d1.take() {
                    f(true)
                }
            });
            let err = Closure::once_into_js(move |_: JsValue| {
                if let Some(f) = d2.take() {
                    f(false)
                }
            });
            // `promise.then(ok, err)`; if even that throws, report a failure.
            let then =
                js_sys::Reflect::get(&promise, &"then".into()).ok().and_then(|t| t.dyn_into::<js_sys::Function>().ok());
            if then.and_then(|t| t.call2(&promise, &ok, &err).ok()).is_none() {
                if let Some(f) = done_again.take() {
                    f(false)
                }
            }
        }
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
