//! Focus, scrolling and reading form controls: the DOM work views need beyond what Yew
//! renders. Each function takes the elements it works on (a `NodeRef`, an event) and
//! does nothing off the browser.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::{Event, NodeRef};

use super::BROWSER;
use crate::model::config::View;
use crate::model::embed::{INTENTS_PROP, VIEW_ATTR};

fn element(node: &NodeRef) -> Option<Element> {
    if !BROWSER {
        return None;
    }
    node.cast::<Element>()
}

/// Whether `el` is rendered (not `display: none`, not in a hidden panel).
fn rendered(el: &HtmlElement) -> bool {
    el.offset_parent().is_some() || el.get_client_rects().length() > 0
}

/// The first element matching `selector` under `root` that is rendered (the chart's
/// table and accordion both exist; CSS shows one).
fn visible(root: &Element, selector: &str) -> Option<HtmlElement> {
    let list = root.query_selector_all(selector).ok()?;
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into::<HtmlElement>()).find(rendered)
}

/// Focuses the element `node` is bound to; `false` when it is not rendered (yet).
pub fn focus(node: &NodeRef) -> bool {
    match element(node) {
        Some(el) => el.unchecked_into::<HtmlElement>().focus().is_ok(),
        None => false,
    }
}

/// Focuses the first rendered element matching `selector` under `root`.
pub fn focus_within(root: &NodeRef, selector: &str) -> bool {
    element(root).and_then(|r| visible(&r, selector)).is_some_and(|el| el.focus().is_ok())
}

/// Scrolls the first rendered element matching `selector` under `root` to the top of the
/// view, as a link to a fragment does, and returns whether there was one. The views render
/// their parts only near the screen (`content-visibility`), with estimated heights until
/// then: scrolled as little as needed (its bottom to the screen's), an element was pushed
/// off screen by the parts between as they rendered. At the top, only what is just above it
/// can move it, and the timeline renders that at once (`RENDERED_BEFORE` in
/// `view::timeline`).
pub fn scroll_within(root: &NodeRef, selector: &str) -> bool {
    let Some(el) = element(root).and_then(|r| visible(&r, selector)) else { return false };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    true
}

/// Whether focus is nowhere useful: on nothing, or on an element outside `root` that is
/// no longer rendered (the reader came from another view, whose link is now hidden).
pub fn focus_lost(root: &NodeRef) -> bool {
    let Some(root) = element(root) else { return false };
    match root.owner_document().and_then(|d| d.active_element()) {
        None => true,
        Some(a) => {
            let a: HtmlElement = a.unchecked_into();
            a.tag_name() == "BODY" || (!root.contains(Some(&a)) && !rendered(&a))
        }
    }
}

/// The comments Yew's hydration takes as the bounds of raw markup (its `Collectable::Raw`,
/// Yew 0.23): a raw node (`Html::from_html_unchecked`) hydrated there adopts the nodes
/// between them without walking them. Should Yew change them, hydrating a page whose
/// hidden layout was marked fails, and `e2e/prerender.test.mjs` with it.
const RAW_BOUNDS: [&str; 2] = ["<#>", "</#>"];

/// Whether an element matching `selector` under `root` is rendered.
pub fn shown(root: &Element, selector: &str) -> bool {
    BROWSER && visible(root, selector).is_some()
}

/// Before hydration: the view the boot script showed in the prerendered widget under `root`
/// (its `.fs` element's [`VIEW_ATTR`]), if it ran (it leaves [`INTENTS_PROP`] there; a strict
/// Content-Security-Policy blocks it) and that names a view.
pub fn view_shown(root: &Element) -> Option<View> {
    if !BROWSER {
        return None;
    }
    let fs = root.query_selector(".fs").ok().flatten()?;
    if !js_sys::Reflect::has(&fs, &JsValue::from_str(INTENTS_PROP)).unwrap_or(false) {
        return None;
    }
    View::parse(&fs.get_attribute(VIEW_ATTR)?)
}

/// Before hydration: puts Yew's raw bounds (`RAW_BOUNDS`) around the children of the
/// first element matching `selector` under `root`, so that a raw node rendered there
/// adopts the server's markup as it is. Returns whether it did.
pub fn mark_raw(root: &Element, selector: &str) -> bool {
    if !BROWSER {
        return false;
    }
    let Some(el) = root.query_selector(selector).ok().flatten() else { return false };
    let Some(doc) = el.owner_document() else { return false };
    let [open, close] = RAW_BOUNDS.map(|text| doc.create_comment(text));
    el.insert_before(&open, el.first_child().as_ref()).is_ok() && el.append_child(&close).is_ok()
}

/// Watches the element `node` is bound to and calls `f` once, at the animation frame after
/// it gets a box (a container query or a tab shows it); at once if it has one already.
/// Dropping the returned guard stops watching. `None` off the browser, or without
/// `ResizeObserver`.
pub fn when_shown(node: &NodeRef, f: Box<dyn FnOnce()>) -> Option<Shown> {
    use wasm_bindgen::closure::Closure;
    let el = element(node)?;
    if rendered(el.unchecked_ref()) {
        f();
        return None;
    }
    let mut once = Some(f);
    let watched = el.clone();
    // `f` runs at the next animation frame, not here: a page changed while the browser
    // delivers resize observations gets a "ResizeObserver loop" error event (which a host
    // page's error tracker hears too).
    let callback = Closure::<dyn FnMut(JsValue, web_sys::ResizeObserver)>::new(
        move |_: JsValue, observer: web_sys::ResizeObserver| {
            if !rendered(watched.unchecked_ref()) {
                return;
            }
            observer.disconnect();
            if let (Some(f), Some(window)) = (once.take(), web_sys::window()) {
                let _ = window.request_animation_frame(Closure::once_into_js(f).unchecked_ref());
            }
        },
    );
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&el);
    Some(Shown { observer, _callback: callback })
}

/// Returned by [`when_shown`]: watching stops when it is dropped.
pub struct Shown {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(JsValue, web_sys::ResizeObserver)>,
}

impl Drop for Shown {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Focuses a text field and selects its text (for copying by hand).
pub fn select_text(node: &NodeRef) {
    if let Some(t) = element(node).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        let _ = t.focus();
        t.select();
    }
}

/// The value of an attribute of the element an event happened on.
pub fn target_attr(e: &Event, name: &str) -> Option<String> {
    if !BROWSER {
        return None;
    }
    e.target()?.dyn_into::<Element>().ok()?.get_attribute(name)
}

/// The value of the `<select>` (or `<input>`) an event happened on.
pub fn control_value(e: &Event) -> String {
    if !BROWSER {
        return String::new();
    }
    let Some(t) = e.target() else { return String::new() };
    if let Some(s) = t.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// After a link moved the reader to another view: once the view has rendered, if focus
/// was left on the link (now hidden) or on nothing, put it on the element with id
/// `panel` inside the widget. If the new view has placed focus itself, leave it.
pub fn refocus_after_switch(e: &Event, panel: String) {
    if !BROWSER {
        return;
    }
    let Some(link) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(link) = link.closest("a").ok().flatten() else { return };
    let Some(root) = link.closest(".fs").ok().flatten() else { return };
    yew::platform::spawn_local(async move {
        let active = link.owner_document().and_then(|d| d.active_element());
        let lost = active.as_ref().is_none_or(|a| a == &link || a.tag_name() == "BODY");
        if lost {
            let target = root.query_selector(&format!("#{panel}")).ok().flatten();
            if let Some(p) = target.and_then(|p| p.dyn_into::<HtmlElement>().ok()) {
                let _ = p.focus();
            }
        }
    });
}
