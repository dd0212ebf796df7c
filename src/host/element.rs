//! The custom element's side of the wasm: `dist/full-stack.js` defines
//! `<full-stack-explainer>` and gives every element its own wasm instance (its own
//! memory, its own panic hook). It calls [`mount_element`] with the element's
//! attributes exactly as the host page wrote them, and [`unmount_element`] when the
//! element leaves the page or its attributes change.
//!
//! Attributes come from strangers: [`Config::from_pairs`] parses each into an
//! allowlisted value; an unknown one keeps the default, shows a small notice in the
//! widget and logs a console warning. Nothing is inserted as HTML.

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::AppHandle;

use crate::model::embed::OPTIONS;
use crate::model::{quiz, Config, CONTENT};
use crate::platform::page as platform_page;
use crate::view::App;

thread_local! {
    /// The app this wasm instance shows (one instance serves one element).
    static APP: RefCell<Option<AppHandle<App>>> = const { RefCell::new(None) };
}

/// Mounts the widget into `root` (an element inside the custom element's shadow
/// root), replacing whatever this instance showed before. `options` are the element's
/// attributes named in [`OPTIONS`], in that order, exactly as the host page wrote them
/// (`undefined` or `null` for an absent one). `instance` numbers the wasm instance, for
/// console messages.
///
/// - `place` (the element's place among the page's elements, from 1) and `id` (its
///   `id` attribute) name its quiz storage, so several elements on a page keep their
///   own progress: see [`quiz::element_instance`].
/// - `page` is the widget's own page (`index.html` beside `full-stack.js`): shared
///   quiz results link there, since the host page does not show them. Only an http(s)
///   or file URL is used; anything else shares the text without a link.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    root: Element,
    options: Vec<JsValue>,
    instance: u32,
    place: u32,
    id: Option<String>,
    page: Option<String>,
) {
    unmount_element();
    // Absent attributes keep their defaults silently.
    let values: Vec<Option<String>> = options.iter().map(JsValue::as_string).collect();
    let present = OPTIONS.into_iter().zip(&values);
    let pairs = present.filter_map(|(k, v)| v.as_deref().map(|v| (k, v)));
    let (config, notices) = Config::from_pairs(pairs, &CONTENT);
    for n in &notices {
        web_sys::console::warn_1(&format!("<full-stack-explainer> #{instance}: {n}").into());
    }
    let share = quiz::share_page(page.as_deref().unwrap_or("")).unwrap_or("");
    platform_page::set_share_page(Some(share));
    // The files beside `full-stack.js` (data, transcript, downloads): the folder of its
    // `index.html`.
    let base = if share.is_empty() { String::new() } else { quiz::sibling(share, "") };
    let storage = quiz::element_instance(id.as_deref(), place);
    // The host page owns its URL: no fragment sync, no fragment route.
    let handle = super::render(root, config, None, notices, false, Some(storage.into()), base.into());
    APP.with(|a| *a.borrow_mut() = Some(handle));
}

/// Removes the widget this instance shows, if any (the element left the page).
#[wasm_bindgen(js_name = unmountElement)]
pub fn unmount_element() {
    if let Some(handle) = APP.with(|a| a.borrow_mut().take()) {
        handle.destroy();
    }
}
