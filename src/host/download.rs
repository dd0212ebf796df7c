//! Downloads generated in the browser: a Blob, an object URL and a temporary
//! `<a download>`. PNG images are drawn from the SVG into a canvas first. Nothing is
//! fetched from anywhere.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

fn blob(text: &str, mime: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &opts)
}

/// Offers `blob` as a file named `name`.
pub fn save_blob(name: &str, blob: &Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = Url::create_object_url_with_blob(blob)?;
    let a: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    // Some browsers only follow links that are in the document.
    let body = document.body();
    if let Some(b) = &body {
        b.append_child(&a)?;
    }
    a.click();
    if body.is_some() {
        a.remove();
    }
    // Revoke later: the download may still be reading the URL.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Offers `text` as a file.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    save_blob(name, &blob(text, mime)?)
}

/// Draws `svg` at `scale` into a canvas and offers it as a PNG. `done` gets the
/// outcome (asynchronously: the image must load first).
pub fn save_png(name: &str, svg: &str, scale: f64, done: impl FnOnce(Result<(), String>) + 'static) {
    let start = || -> Result<(HtmlImageElement, String), JsValue> {
        let img = HtmlImageElement::new()?;
        let url = Url::create_object_url_with_blob(&blob(svg, "image/svg+xml;charset=utf-8")?)?;
        Ok((img, url))
    };
    let (img, url) = match start() {
        Ok(x) => x,
        Err(_) => return done(Err("could not prepare the image".into())),
    };
    let url_for_src = url.clone();
    // Called once, from whichever path ends first.
    let slot = std::cell::RefCell::new(Some(done));
    let finish: std::rc::Rc<dyn Fn(Result<(), String>)> = std::rc::Rc::new(move |r| {
        if let Some(f) = slot.borrow_mut().take() {
            f(r);
        }
    });
    let name = name.to_string();
    let onload = {
        let (img2, url2, finish) = (img.clone(), url.clone(), finish.clone());
        Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url2);
            let draw = || -> Result<HtmlCanvasElement, JsValue> {
                let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
                let canvas: HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
                let (w, h) = (img2.natural_width() as f64, img2.natural_height() as f64);
                canvas.set_width((w * scale).round() as u32);
                canvas.set_height((h * scale).round() as u32);
                let ctx: web_sys::CanvasRenderingContext2d =
                    canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
                ctx.scale(scale, scale)?;
                ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)?;
                Ok(canvas)
            };
            let canvas = match draw() {
                Ok(c) => c,
                Err(_) => return finish(Err("could not draw the image".into())),
            };
            let f2 = finish.clone();
            let on_blob = Closure::once_into_js(move |b: JsValue| match b.dyn_into::<Blob>() {
                Ok(b) => f2(save_blob(&name, &b).map_err(|_| "could not save the image".to_string())),
                Err(_) => f2(Err("the browser could not encode the image".into())),
            });
            if canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png").is_err() {
                finish(Err("the browser could not encode the image".into()));
            }
        })
    };
    let onerror = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
        finish(Err("could not load the image".into()))
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&url_for_src);
}
