//! In-browser tests (wasm-bindgen-test in headless Chromium): the widget mounted in a
//! real DOM, driven by real events.
#![cfg(target_arch = "wasm32")]

use full_stack::model::content::{build_data, DATA_JSON};
use full_stack::model::embed::INLINE_DATA_ID;
use full_stack::model::{Config, CONTENT};
use full_stack::view::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts this build's on-demand data inline in the page, as the single offline file does,
/// so the widget's data loader finds it without a server.
fn inline_data() {
    if document().get_element_by_id(INLINE_DATA_ID).is_none() {
        let script = document().create_element("script").unwrap();
        script.set_id(INLINE_DATA_ID);
        script.set_attribute("type", "application/json").unwrap();
        script.set_text_content(Some(DATA_JSON));
        document().body().unwrap().append_child(&script).unwrap();
    }
}

/// Mounts the app in a fresh element and returns that element.
fn mount(config: Config) -> Element {
    inline_data();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = AppProps { config, ..AppProps::new(&CONTENT) };
    keep(yew::Renderer::<App>::with_root_and_props(root.clone(), props).render());
    root
}

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The apps the running test mounted: destroyed before the next test starts.
    static APPS: std::cell::RefCell<Vec<yew::AppHandle<App>>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn keep(app: yew::AppHandle<App>) {
    APPS.with(|a| a.borrow_mut().push(app));
}

/// One async test at a time: they share the page's focus and storage, and
/// wasm-bindgen-test interleaves async tests at every await. Held until dropped.
struct Serial;

impl Drop for Serial {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

async fn serial() -> Serial {
    while BUSY.with(|b| b.replace(true)) {
        yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    // The apps an earlier test left mounted would otherwise keep saving quiz progress.
    for app in APPS.with(|a| std::mem::take(&mut *a.borrow_mut())) {
        app.destroy();
    }
    Serial
}

/// Yields to the event loop until `cond` holds (renders are asynchronous, and the
/// on-demand data is decoded in this debug build in about a second), failing after a
/// bounded number of turns.
async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..2000 {
        if cond() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let shown = document().query_selector_all(".fs-q-number, .fs-loading, .fs-data-error").unwrap();
    let shown: Vec<String> =
        (0..shown.length()).filter_map(|i| shown.item(i)).filter_map(|n| n.text_content()).collect();
    panic!("timed out waiting for: {what} (on the page: {shown:?})");
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
    let _serial = serial().await;
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
    let _serial = serial().await;
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

// ---- The chart ----------------------------------------------------------------

use full_stack::model::route::{ChartTarget, Route};
use full_stack::model::{LayerIx, ToolIx};

fn mount_at(route: Option<Route>) -> Element {
    inline_data();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = AppProps { route, ..AppProps::new(&CONTENT) };
    keep(yew::Renderer::<App>::with_root_and_props(root.clone(), props).render());
    root
}

fn key(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    target.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

fn cell_button(root: &Element, l: usize, t: usize) -> HtmlElement {
    q(root, &format!(".fs-matrix button[data-pos=\"{}-{}\"]", l + 1, t + 1)).expect("cell button")
}

fn ix(layer: &str, tool: &str) -> (LayerIx, ToolIx) {
    (CONTENT.layer_ix(layer).unwrap(), CONTENT.tool_ix(tool).unwrap())
}

fn active_pos() -> String {
    document().active_element().and_then(|e| e.get_attribute("data-pos")).unwrap_or_default()
}

fn panel_title(root: &Element) -> String {
    q(root, ".fs-side .fs-detail h3").map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn clicking_a_cell_selects_it_and_shows_its_details() {
    let _serial = serial().await;
    let root = mount_at(None);
    until("matrix", || q(&root, ".fs-matrix").is_some()).await;
    let (l, t) = ix("foundation-models", "state-funds");
    let b = cell_button(&root, l.get(), t.get());
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("false"));
    b.click();
    until("panel", || panel_title(&root) == "Foundation models \u{00d7} State funds").await;
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("true"));
    // A newly opened panel paints its first entries, then the rest (aria-busy until then).
    until("whole panel", || q(&root, ".fs-side .fs-detail:not([aria-busy])").is_some()).await;
    let text = q(&root, ".fs-side .fs-detail").unwrap().text_content().unwrap();
    for e in CONTENT.cell_at(l, t).unwrap().entries.iter() {
        assert!(text.contains(&*e.title.text), "{}", e.title.text);
    }
    // The Close button closes it.
    q(&root, ".fs-side .fs-close").unwrap().click();
    until("closed", || q(&root, ".fs-side .fs-detail").is_none()).await;
    assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("false"));
    root.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_roving_tab_stop_and_escape_returns_focus() {
    let _serial = serial().await;
    let root = mount_at(None);
    until("matrix", || q(&root, ".fs-matrix").is_some()).await;
    let first = cell_button(&root, 0, 0);
    first.focus().unwrap();
    key(&first, "ArrowRight");
    assert_eq!(active_pos(), "1-2");
    until("tab stop moved", || cell_button(&root, 0, 1).tab_index() == 0).await;
    assert_eq!(first.tab_index(), -1);
    key(&cell_button(&root, 0, 1), "ArrowDown");
    assert_eq!(active_pos(), "2-2");
    key(&cell_button(&root, 1, 1), "ArrowUp");
    key(&cell_button(&root, 0, 1), "ArrowUp");
    assert_eq!(active_pos(), "0-2", "onto the tool header");
    let header = q(&root, ".fs-matrix button[data-pos=\"0-2\"]").unwrap();
    key(&header, "ArrowUp");
    assert_eq!(active_pos(), "0-2", "no wrap at the edge");
    // Open the column summary, then Escape: closed, focus back on the header.
    header.click();
    until("column summary", || panel_title(&root).ends_with("across the stack")).await;
    q(&root, ".fs-side .fs-close").unwrap().focus().unwrap();
    key(&q(&root, ".fs-side .fs-close").unwrap(), "Escape");
    until("closed", || q(&root, ".fs-side .fs-detail").is_none()).await;
    assert_eq!(active_pos(), "0-2");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_the_cell_and_makes_it_the_tab_stop() {
    let _serial = serial().await;
    let (l, t) = ix("data-centers", "compute");
    let root = mount_at(Some(Route::Chart(Some(ChartTarget::Cell { layer: l, tool: t }))));
    until("panel", || panel_title(&root) == "Data centers \u{00d7} Compute").await;
    assert_eq!(cell_button(&root, l.get(), t.get()).tab_index(), 0);
    assert_eq!(cell_button(&root, 0, 0).tab_index(), -1);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_episode_only_filter_hides_cells_without_an_episode_source() {
    let _serial = serial().await;
    let root = mount_at(None);
    until("matrix", || q(&root, ".fs-matrix").is_some()).await;
    let count = |sel: &str| root.query_selector_all(sel).unwrap().length() as usize;
    assert_eq!(count(".fs-matrix td[data-state=\"filtered\"]"), 0);
    q(&root, "input[type=\"radio\"][value=\"episode\"]").unwrap().click();
    let expected = CONTENT.cells.iter().filter(|c| c.tier != full_stack::model::Tier::Episode).count();
    until("filtered", || count(".fs-matrix td[data-state=\"filtered\"]") == expected).await;
    assert_eq!(
        count(".fs-matrix td[data-state=\"none\"]"),
        CONTENT.layers.len() * CONTENT.tools.len() - CONTENT.cells.len()
    );
    root.remove();
}

// ---------------------------------------------------------------------------
// The quiz
// ---------------------------------------------------------------------------

use full_stack::model::quiz::storage_key;
use full_stack::model::View;
use full_stack::platform::storage;

fn quiz_config() -> Config {
    Config { view: View::Quiz, ..Config::default() }
}

fn text(root: &Element, selector: &str) -> String {
    q(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let b = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().starts_with(label))
        .unwrap_or_else(|| panic!("no button {label:?}"));
    b.click();
}

fn checked_radios(root: &Element) -> u32 {
    root.query_selector_all(".fs-option input:checked").unwrap().length()
}

fn pressed(root: &Element, label: &str) -> Option<String> {
    let buttons = root.query_selector_all(".fs-length").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default() == label)
        .and_then(|b| b.get_attribute("aria-pressed"))
}

#[wasm_bindgen_test]
async fn quiz_opens_at_question_one_which_locks_after_check_and_announces_the_result() {
    let _serial = serial().await;
    storage::remove(&storage_key(None));
    let root = mount(quiz_config());
    until("question 1", || text(&root, ".fs-q-number") == "Question 1 of 10").await;
    // No start screen: the explanation and the lengths sit above question 1, and
    // opening the quiz does not pull focus into it.
    assert!(text(&root, ".fs-intro").starts_with("How much do you remember"));
    assert_eq!(pressed(&root, "Quick quiz (10)").as_deref(), Some("true"));
    assert_eq!(pressed(&root, &format!("All {} questions", build_data().questions.len())).as_deref(), Some("false"));
    assert!(!document().active_element().is_some_and(|e| root.contains(Some(&e))), "focus stays outside");
    let radios = root.query_selector_all(".fs-option input[type=radio]").unwrap();
    assert_eq!(radios.length(), 4);
    // Choosing twice leaves one selection.
    for i in [0, 2] {
        radios.item(i).unwrap().unchecked_into::<HtmlElement>().click();
    }
    until("one choice", || checked_radios(&root) == 1).await;
    click_button(&root, "Check");
    until("feedback", || q(&root, ".fs-feedback").is_some()).await;
    until("announced", || !text(&root, ".fs-live").is_empty()).await;
    let heading = text(&root, ".fs-feedback-h");
    let announced = text(&root, ".fs-live");
    assert!(
        (heading.contains("Correct") && announced == "Correct.")
            || (heading.contains("Not quite") && announced.starts_with("Not quite: the answer is ")),
        "heading {heading:?}, live region {announced:?}"
    );
    // (Run after other tests left apps behind, this once caught the focus effect acting
    // on a render still pending from the radio clicks, before the feedback existed.)
    assert_eq!(document().active_element().map(|e| e.class_name()), Some("fs-feedback-h".into()));
    assert_eq!(root.query_selector_all(".fs-option input:disabled").unwrap().length(), 4, "locked");
    assert_eq!(checked_radios(&root), 1);
    assert_eq!(
        text(&root, ".fs-progress-text"),
        format!("1 of 10 answered \u{b7} Score so far: {}", if announced == "Correct." { 1 } else { 0 })
    );
    // Once an answer is checked, the explanation and the length switch are gone.
    assert!(q(&root, ".fs-intro").is_none() && q(&root, ".fs-length").is_none());
    root.remove();
    storage::remove(&storage_key(None));
}

#[wasm_bindgen_test]
async fn quiz_progress_is_saved_and_a_new_mount_resumes_it() {
    let _serial = serial().await;
    storage::remove(&storage_key(None));
    let root = mount(quiz_config());
    until("question 1", || text(&root, ".fs-q-number") == "Question 1 of 10").await;
    let all = format!("All {} questions", build_data().questions.len());
    click_button(&root, &all);
    until("the full quiz", || text(&root, ".fs-q-number") == format!("Question 1 of {}", build_data().questions.len()))
        .await;
    assert_eq!(pressed(&root, &all).as_deref(), Some("true"));
    assert_eq!(pressed(&root, "Quick quiz (10)").as_deref(), Some("false"));
    until("announced", || text(&root, ".fs-live") == format!("All {} questions.", build_data().questions.len())).await;
    // The switch alone is kept (saved after the render that shows it): a new mount opens
    // the full quiz.
    until("saved", || storage::load(&storage_key(None)).is_some_and(|s| s.starts_with("1|f|"))).await;
    root.remove();
    let root = mount(quiz_config());
    until("still the full quiz", || {
        text(&root, ".fs-q-number") == format!("Question 1 of {}", build_data().questions.len())
    })
    .await;
    let prompt = text(&root, ".fs-q-prompt");
    q(&root, ".fs-option input").unwrap().click();
    click_button(&root, "Check");
    until("feedback", || q(&root, ".fs-feedback").is_some()).await;
    click_button(&root, "Next question");
    until("question 2", || text(&root, ".fs-q-number").starts_with("Question 2 of ")).await;
    let stored = storage::load(&storage_key(None)).expect("saved");
    assert!(stored.starts_with("1|f|"), "{stored}");
    root.remove();

    let again = mount(quiz_config());
    until("resumed", || text(&again, ".fs-q-number").starts_with("Question 2 of ")).await;
    assert_eq!(
        text(&again, ".fs-progress-text").split(" \u{b7} ").next(),
        Some(format!("1 of {} answered", build_data().questions.len()).as_str())
    );
    assert!(q(&again, ".fs-intro").is_none(), "no length switch once answered");
    click_button(&again, "Previous question");
    until("back to 1", || text(&again, ".fs-q-number").starts_with("Question 1 of ")).await;
    assert_eq!(text(&again, ".fs-q-prompt"), prompt);
    again.remove();
    storage::remove(&storage_key(None));
}

#[wasm_bindgen_test]
async fn quizzes_with_different_instances_keep_their_own_progress() {
    let _serial = serial().await;
    let (a, b) = (storage_key(Some("el-1")), storage_key(Some("el-2")));
    storage::remove(&a);
    storage::remove(&b);
    let mount_as = |instance: &'static str| {
        inline_data();
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let props = AppProps { config: quiz_config(), instance: Some(instance.into()), ..AppProps::new(&CONTENT) };
        keep(yew::Renderer::<App>::with_root_and_props(root.clone(), props).render());
        root
    };
    let first = mount_as("el-1");
    let second = mount_as("el-2");
    until("both at question 1", || {
        text(&first, ".fs-q-number") == "Question 1 of 10" && text(&second, ".fs-q-number") == "Question 1 of 10"
    })
    .await;
    q(&first, ".fs-option input").unwrap().click();
    click_button(&first, "Check");
    until("first answered", || q(&first, ".fs-feedback").is_some()).await;
    assert!(storage::load(&a).is_some_and(|s| s.contains('!')), "the first saved under its own key");
    assert_eq!(storage::load(&b), None, "the second untouched");
    first.remove();
    second.remove();
    let again = mount_as("el-2");
    until("question 1", || text(&again, ".fs-q-number") == "Question 1 of 10").await;
    assert!(q(&again, ".fs-feedback").is_none() && q(&again, ".fs-intro").is_some(), "not the other's progress");
    again.remove();
    storage::remove(&a);
}

#[wasm_bindgen_test]
fn the_embed_shares_the_index_page_beside_it_and_an_element_its_own() {
    use full_stack::model::embed::{MODE_ATTR, ROOT_ID};
    use full_stack::platform::page::{set_share_page, share_page};
    let here = web_sys::window().unwrap().location().href().unwrap();
    let beside = web_sys::Url::new_with_base("index.html", &here).unwrap().href();
    let root = document().create_element("div").unwrap();
    root.set_id(ROOT_ID);
    document().body().unwrap().append_child(&root).unwrap();
    // A standalone page shares itself.
    root.set_attribute(MODE_ATTR, "page").unwrap();
    assert_eq!(share_page(), here.split('#').next().unwrap());
    // The embed (no chrome) shares the full page beside it.
    root.set_attribute(MODE_ATTR, "embed").unwrap();
    assert_eq!(share_page(), beside);
    // An element shares what it was given.
    set_share_page(Some("https://example.org/fs/index.html"));
    assert_eq!(share_page(), "https://example.org/fs/index.html");
    set_share_page(None);
    root.remove();
}

#[wasm_bindgen_test]
fn storage_round_trips_and_keeps_instances_apart() {
    let (a, b) = (storage_key(Some("one")), storage_key(Some("two")));
    storage::save(&a, "alpha");
    storage::save(&b, "beta");
    assert_eq!(storage::load(&a).as_deref(), Some("alpha"));
    assert_eq!(storage::load(&b).as_deref(), Some("beta"));
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(local.get_item(&a).unwrap().as_deref(), Some("alpha"), "written through to localStorage");
    storage::remove(&a);
    storage::remove(&b);
    assert_eq!(storage::load(&a), None);
    assert_eq!(local.get_item(&b).unwrap(), None);
}
