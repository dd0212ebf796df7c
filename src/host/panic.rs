//! A panic hook that logs to the console and replaces the widget with a readable
//! error box, so a failure never leaves a blank area.

use std::cell::RefCell;

use web_sys::Element;

thread_local! {
    static ROOT: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// Remembers `root` as the place for the error box and installs the hook.
pub fn install(root: Element) {
    ROOT.with(|r| *r.borrow_mut() = Some(root));
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Take the root so a second panic doesn't draw a second box.
        if let Some(root) = ROOT.with(|r| r.borrow_mut().take()) {
            show_error_box(&root, &info.to_string());
        }
    }));
}

/// Replaces `root` (and with it the event listeners of the dead app) by an error box,
/// built with text nodes only.
fn show_error_box(root: &Element, detail: &str) -> Option<()> {
    let doc = root.owner_document()?;
    let make = |tag: &str, class: &str, text: &str| -> Option<web_sys::Node> {
        let el = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        el.set_text_content(Some(text));
        Some(el.into())
    };
    let outer = doc.create_element("div").ok()?;
    outer.set_class_name("fs");
    if let Some(theme) = root.query_selector(".fs").ok().flatten().and_then(|e| e.get_attribute("data-theme")) {
        let _ = outer.set_attribute("data-theme", &theme);
    }
    let bx = doc.create_element("div").ok()?;
    bx.set_class_name("fs-error");
    let _ = bx.set_attribute("role", "alert");
    bx.append_child(&make("p", "fs-error-title", "Something went wrong in this explainer.")?).ok()?;
    bx.append_child(&make("p", "", "It stopped to avoid showing wrong information. Reloading the page usually fixes it; the rest of the page is unaffected.")?).ok()?;
    let details = doc.create_element("details").ok()?;
    details.append_child(&make("summary", "", "Technical details")?).ok()?;
    details.append_child(&make("pre", "", detail)?).ok()?;
    bx.append_child(&details).ok()?;
    outer.append_child(&bx).ok()?;
    // A fresh element: the old root carries the crashed app's listeners.
    let fresh = doc.create_element(&root.tag_name()).ok()?;
    if !root.id().is_empty() {
        fresh.set_id(&root.id());
    }
    fresh.append_child(&outer).ok()?;
    root.replace_with_with_node_1(&fresh).ok()
}
