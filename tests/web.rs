//! In-browser tests (wasm-bindgen-test in headless Chromium): the widget mounted in a
//! real DOM, driven by real events.
#![cfg(target_arch = "wasm32")]

use full_stack::model::{Config, CONTENT};
use full_stack::view::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the app in a fresh element and returns that element.
fn mount(config: Config) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = AppProps { config, ..AppProps::new(&CONTENT) };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Yields to the event loop until `cond` holds (renders are asynchronous), failing
/// after a bounded number of turns.
async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..200 {
        if cond() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    panic!("timed out waiting for: {what}");
}

fn q(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector).unwrap().map(|e| e.unchecked_into())
}

fn selected_tab(root: &Element) -> String {
    q(root, r#"[role="tab"][aria-selected="true"]"#).map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

fn visible_panel(root: &Element) -> String {
    let panels = root.query_selector_all(r#"[role="tabpanel"]"#).unwrap();
    (0..panels.length())
        .filter_map(|i| panels.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .filter(|p| !p.hidden())
        .map(|p| p.id())
        .collect::<Vec<_>>()
        .join(",")
}

#[wasm_bindgen_test]
async fn clicking_a_tab_switches_the_view() {
    let root = mount(Config::default());
    until("first render", || q(&root, r#"[role="tab"]"#).is_some()).await;
    assert_eq!(selected_tab(&root), "Chart");
    assert_eq!(visible_panel(&root), "fs-panel-chart");
    q(&root, "#fs-tab-quiz").unwrap().click();
    until("quiz tab selected", || selected_tab(&root) == "Quiz").await;
    assert_eq!(visible_panel(&root), "fs-panel-quiz");
    root.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_focus_and_selection_between_tabs() {
    let root = mount(Config::default());
    until("first render", || q(&root, "#fs-tab-chart").is_some()).await;
    let chart = q(&root, "#fs-tab-chart").unwrap();
    chart.focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("ArrowLeft");
    init.set_bubbles(true);
    chart.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    // Left from the first tab wraps to the last.
    until("timeline selected", || selected_tab(&root) == "Timeline").await;
    let active = document().active_element().map(|e| e.id()).unwrap_or_default();
    assert_eq!(active, "fs-tab-timeline", "focus follows the selection");
    let tl = q(&root, "#fs-tab-timeline").unwrap();
    assert_eq!(tl.tab_index(), 0, "roving tabindex: the selected tab is the tab stop");
    assert_eq!(chart.tab_index(), -1);
    root.remove();
}
