//! Telling the page around the widget what the reader does (`model::events`): every event
//! is a `CustomEvent` that bubbles and is composed, dispatched from inside the widget, so a
//! page hears it on `<full-stack-explainer>` (or the document) across the shadow root; and
//! `embed.html?events=1` also posts it to its parent window as
//! `{"full-stack": {"type": "full-stack:select", "detail": {…}}}`. Without `events=1` the
//! embed posts nothing but its height.

use std::cell::Cell;

use serde::Serialize;
use wasm_bindgen::JsValue;
use yew::NodeRef;

use super::BROWSER;
use crate::model::events::HostEvent;

thread_local! {
    /// Whether the events also go to the parent window (`embed.html?events=1`, framed).
    static TO_PARENT: Cell<bool> = const { Cell::new(false) };
}

/// From now on, also post every event to the parent window (the embed, asked by
/// `events=1`). Does nothing when the page is not framed.
pub fn post_to_parent() {
    if !BROWSER {
        return;
    }
    TO_PARENT.with(|t| t.set(parent().is_some()));
}

/// The parent window, if the page is framed.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// A value for JavaScript: objects as plain objects, `None` as `null`.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true)).unwrap_or(JsValue::NULL)
}

/// Dispatches `event` from the element `node` is bound to (anything inside the widget),
/// and posts it to the parent when asked to. Nothing happens off the browser or before
/// the element is rendered.
pub fn emit(node: &NodeRef, event: &HostEvent) {
    if !BROWSER {
        return;
    }
    let Some(target) = node.cast::<web_sys::Element>() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&to_js(event));
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = target.dispatch_event(&e);
    }
    if TO_PARENT.with(Cell::get) {
        if let Some(parent) = parent() {
            let _ = parent.post_message(&to_js(&event.message()), "*");
        }
    }
}
