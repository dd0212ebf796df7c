//! The iframe embed (`embed.html`) tells the page around it how tall it is, so the
//! host can size the iframe to fit: on every size change, only when framed, only
//! outbound. It speaks the three formats existing host scripts already listen for:
//!
//! - Datawrapper: `{"datawrapper-height": {"full-stack": 812}}` (an object);
//! - Flourish and Embedly: a JSON *string*
//!   `{"sender":"Flourish","context":"iframe.resize","method":"resize","height":812,"src":"…"}`;
//! - AMP: `{"sentinel":"amp","type":"embed-size","height":812}`.
//!
//! The messages carry nothing but the height and the frame's own address. The embed
//! never listens for messages: inbound `postMessage` is ignored.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Object;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Window;

/// The key under which Datawrapper-style hosts find the height.
pub const DATAWRAPPER_ID: &str = "full-stack";

/// Starts posting the document's height to the parent window, if there is one.
pub fn start() {
    let Some(window) = web_sys::window() else { return };
    let parent = match window.parent() {
        Ok(Some(p)) => p,
        _ => return,
    };
    if Object::is(&parent, &window) {
        return; // Not framed: nobody to tell.
    }
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let last = Rc::new(Cell::new(0u32));
    let measure = body.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measure.get_bounding_client_rect().height().ceil();
        if !(1.0..=1.0e6).contains(&height) {
            return;
        }
        let height = height as u32;
        if height != last.get() {
            last.set(height);
            post(&parent, height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Both live as long as the page.
        std::mem::forget(observer);
        on_resize.forget();
    }
}

/// `{"datawrapper-height": {"full-stack": 812}}`.
#[derive(Serialize)]
struct Datawrapper {
    #[serde(rename = "datawrapper-height")]
    height: DatawrapperHeight,
}

#[derive(Serialize)]
struct DatawrapperHeight {
    /// Named [`DATAWRAPPER_ID`].
    #[serde(rename = "full-stack")]
    full_stack: u32,
}

/// Flourish's and Embedly's message (sent as a JSON string).
#[derive(Serialize)]
struct Flourish<'a> {
    sender: &'static str,
    context: &'static str,
    method: &'static str,
    height: u32,
    src: &'a str,
}

/// AMP's `embed-size` request.
#[derive(Serialize)]
struct Amp {
    sentinel: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    height: u32,
}

/// Sends `height` in each format. Errors (a parent that went away) are ignored.
fn post(parent: &Window, height: u32) {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let js = serde_wasm_bindgen::Serializer::json_compatible();
    let datawrapper = Datawrapper { height: DatawrapperHeight { full_stack: height } };
    let flourish = Flourish { sender: "Flourish", context: "iframe.resize", method: "resize", height, src: &href };
    let amp = Amp { sentinel: "amp", kind: "embed-size", height };
    if let Ok(v) = datawrapper.serialize(&js) {
        let _ = parent.post_message(&v, "*");
    }
    if let Some(s) = flourish.serialize(&js).ok().and_then(|v| js_sys::JSON::stringify(&v).ok()) {
        let _ = parent.post_message(&s, "*");
    }
    if let Ok(v) = amp.serialize(&js) {
        let _ = parent.post_message(&v, "*");
    }
}
