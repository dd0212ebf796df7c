//! Taking the reader's recorded intents from the page (see [`crate::model::intent`]):
//! the object the boot script keeps on the widget's `.fs` element
//! ([`INTENTS_PROP`]), read key by key in the order the reader acted, each key deleted as
//! it is taken, so nothing is applied twice. Off the browser there is nothing to take.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;
use yew::NodeRef;

use super::BROWSER;
use crate::model::embed::{INTENTS_PROP, LIVE_ATTR, LIVE_PROP, TAPPED_ATTR};
use crate::model::intent::{Intent, Path, Scope};

/// The widget's `.fs` element around `node` (or `node` itself).
pub(crate) fn widget_root(node: &NodeRef) -> Option<Element> {
    if !BROWSER {
        return None;
    }
    node.cast::<Element>()?.closest(".fs").ok().flatten()
}

/// Takes the intents of `scope` recorded in the widget around `node`, oldest first. For
/// the app's scope it first sets [`LIVE_PROP`], so the boot script stops recording before
/// the app replays anything: the replay's own clicks and focus are not recorded again.
/// The boot script's mark of a tapped button ([`TAPPED_ATTR`]) stays until [`mark_live`].
pub fn take(node: &NodeRef, scope: Scope) -> Vec<Intent> {
    let Some(fs) = widget_root(node) else { return Vec::new() };
    if scope == Scope::App {
        let _ = js_sys::Reflect::set(&fs, &JsValue::from_str(LIVE_PROP), &JsValue::TRUE);
    }
    let Ok(record) = js_sys::Reflect::get(&fs, &JsValue::from_str(INTENTS_PROP)) else { return Vec::new() };
    let Some(record) = record.dyn_ref::<js_sys::Object>() else { return Vec::new() };
    let mut out = Vec::new();
    for key in js_sys::Object::keys(record).iter() {
        let Some(kind) = key.as_string() else { continue };
        if !scope.kinds().contains(&kind.as_str()) {
            continue;
        }
        let value = js_sys::Reflect::get(record, &key).ok().and_then(|v| v.as_string());
        let _ = js_sys::Reflect::delete_property(record, &key);
        if let Some(intent) = value.and_then(|v| Intent::parse(scope, &kind, &v)) {
            out.push(intent);
        }
    }
    out
}

/// Marks the widget around `node` live ([`LIVE_ATTR`]) and takes the boot script's mark
/// of a tapped button ([`TAPPED_ATTR`]) off every button. The app calls it once its first
/// live render is on the page with every child rendered (an effect, which Yew runs only
/// after all pending renders), not before: Yew yields to the browser between renders when
/// start-up outlasts its time slice, and a frame painted in between would show the static
/// page under `data-live`, or a tapped button with neither the mark nor `aria-pressed`
/// (its ring gone for a frame).
pub fn mark_live(node: &NodeRef) {
    let Some(fs) = widget_root(node) else { return };
    let _ = fs.set_attribute(LIVE_ATTR, "");
    let Ok(tapped) = fs.query_selector_all(&format!("[{TAPPED_ATTR}]")) else { return };
    for i in 0..tapped.length() {
        if let Some(el) = tapped.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = el.remove_attribute(TAPPED_ATTR);
        }
    }
}

/// The element at `path` below the widget's `.fs` element around `node`.
pub fn element_at(node: &NodeRef, path: &Path) -> Option<web_sys::HtmlElement> {
    let mut el = widget_root(node)?;
    for &i in &path.0 {
        el = el.children().item(i)?;
    }
    el.dyn_into().ok()
}

/// Presses the button or radio at `path` again, so the app's own handler runs.
pub fn press(node: &NodeRef, path: &Path) -> bool {
    element_at(node, path).map(|el| el.click()).is_some()
}

/// Sets the menu (`<select>`) at `path` to `value` and tells the app, as the reader's
/// own change would. A value the menu does not offer changes nothing.
pub fn set_menu(node: &NodeRef, path: &Path, value: &str) -> bool {
    let Some(select) = element_at(node, path).and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok()) else {
        return false;
    };
    select.set_value(value);
    if select.value() != value {
        return false;
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict("change", &init).is_ok_and(|e| select.dispatch_event(&e).is_ok())
}

/// Focuses the element at `path`, unless it has focus already.
pub fn focus(node: &NodeRef, path: &Path) -> bool {
    let Some(el) = element_at(node, path) else { return false };
    let active = el.owner_document().and_then(|d| d.active_element());
    let inside_shadow = el.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().and_then(|s| s.active_element());
    if inside_shadow.or(active).as_ref() == Some(el.as_ref()) {
        return true;
    }
    el.focus().is_ok()
}
