//! The page around the widget: a fresh random seed, and the address a shared quiz
//! result links to.

use std::cell::RefCell;

use super::BROWSER;
use crate::model::embed::{MODE_ATTR, MODE_EMBED, ROOT_ID, WIDGET_PAGE};
use crate::model::quiz;

/// A fresh seed for a new round: the clock mixed with `Math.random` (natively, 1).
pub fn fresh_seed() -> u32 {
    if !BROWSER {
        return 1;
    }
    let now = js_sys::Date::now() as u64;
    let rnd = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    quiz::Rng::new(now ^ (rnd << 21)).next_u64() as u32
}

thread_local! {
    /// The page shared results link to, when the custom element set one ("" for none).
    static SHARE_PAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets the page shared results link to (the custom element: the widget's own
/// `index.html`, already checked by `model::quiz::share_page`; "" for no link), or with
/// `None` goes back to the page's own address.
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
    if !BROWSER {
        return String::new();
    }
    if let Some(page) = SHARE_PAGE.with(|p| p.borrow().clone()) {
        return page;
    }
    let Some(window) = web_sys::window() else { return String::new() };
    let href = window.location().href().unwrap_or_default();
    let embed = window
        .document()
        .and_then(|d| d.get_element_by_id(ROOT_ID))
        .and_then(|root| root.get_attribute(MODE_ATTR))
        .is_some_and(|mode| mode == MODE_EMBED);
    let page = if embed { quiz::sibling(&href, WIDGET_PAGE) } else { href };
    quiz::share_page(&page).unwrap_or("").to_string()
}

/// The longest [`after_paint`] waits for a frame (a hidden page gets none).
pub const AFTER_PAINT_DEADLINE_MS: u32 = 250;

/// Runs `f` once, at the start of the frame after the next one, so that the next frame (the
/// one that shows what the reader did) is painted first; or [`AFTER_PAINT_DEADLINE_MS`]
/// after the call if that comes first (a hidden page paints no frames). Off the browser:
/// never.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast};
    if !BROWSER {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let once = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let (next, in_frame) = (window.clone(), run.clone());
    let frame = Closure::once_into_js(move || {
        let _ = next.request_animation_frame(Closure::once_into_js(in_frame).unchecked_ref());
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
    gloo::timers::callback::Timeout::new(AFTER_PAINT_DEADLINE_MS, run).forget();
}

/// Calls `f` once, when the page is about to be printed (`beforeprint`: the app's render
/// that follows lands before the print's layout). Dropping the returned listener stops
/// listening. `None` off the browser.
pub fn before_print(f: Box<dyn FnOnce()>) -> Option<gloo::events::EventListener> {
    if !BROWSER {
        return None;
    }
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::once(&window, "beforeprint", move |_| f()))
}

/// The longest [`when_idle`] waits for an idle period, in milliseconds.
pub const IDLE_DEADLINE_MS: u32 = 2000;

/// Runs `f` once the browser is idle (`requestIdleCallback`, or a short timeout where
/// there is none), and at the latest [`IDLE_DEADLINE_MS`] after the call: a browser may
/// give a busy or hidden frame no idle period at all. Off the browser: never.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    if !BROWSER {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback")).ok();
    match idle.filter(JsValue::is_function) {
        Some(_) => {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(IDLE_DEADLINE_MS);
            let _ = window.request_idle_callback_with_options(Closure::once_into_js(f).unchecked_ref(), &options);
        }
        None => {
            // Left to run: the page lives as long as the widget.
            let _ = gloo::timers::callback::Timeout::new(200, f).forget();
        }
    }
}
