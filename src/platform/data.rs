//! The on-demand data (quiz, key points, timeline): `data.json` beside the page, or
//! inline in the single offline file (`<script type="application/json" id="fs-data">`).
//! It is parsed by the browser (`JSON.parse`), turned into [`Data`] by
//! `serde-wasm-bindgen`, checked against the binary's content ([`Data::check`]) and kept
//! for the life of the page. A missing, truncated, tampered or old file gives a sentence
//! for the reader, never a crash.
//!
//! Natively (server rendering, tests) the build's own data is there from the start.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use super::BROWSER;
use crate::model::content::{Content, Data};
use crate::model::embed::INLINE_DATA_ID;

/// Where the on-demand data stands. Compared by address when ready, like
/// [`DataRef`](crate::view::DataRef): it is decoded once and lives as long as the page, and a
/// derived comparison walked all of it on every render of the app (17.8 ms of a 52 ms
/// selection at 10x content, 4x CPU).
#[derive(Clone, Copy, Debug)]
pub enum DataState {
    /// Not loaded yet.
    Pending,
    Ready(&'static Data),
    /// Could not be loaded or was refused: why, in a sentence for the reader.
    Failed(&'static str),
}

impl PartialEq for DataState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DataState::Pending, DataState::Pending) => true,
            (DataState::Ready(a), DataState::Ready(b)) => std::ptr::eq(*a, *b),
            (DataState::Failed(a), DataState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl DataState {
    pub fn ready(self) -> Option<&'static Data> {
        match self {
            DataState::Ready(d) => Some(d),
            _ => None,
        }
    }
}

type Waiter = Box<dyn FnOnce(DataState)>;

thread_local! {
    /// The data once settled (loaded or refused), for every widget in this instance.
    static SETTLED: RefCell<Option<DataState>> = const { RefCell::new(None) };
    /// Callers waiting while a load is in flight (one request, however many callers).
    static WAITING: RefCell<Option<Vec<Waiter>>> = const { RefCell::new(None) };
}

/// What the widget starts with: natively the build's data; in the browser the data if
/// this page already has it, else `Pending`.
pub fn initial() -> DataState {
    if !BROWSER {
        return DataState::Ready(crate::model::content::build_data());
    }
    SETTLED.with(|s| *s.borrow()).unwrap_or(DataState::Pending)
}

/// Loads the data from the page (inline) or from `url`, once per page, and calls `done`
/// with the outcome. Calls made while a load is in flight wait for it.
pub fn load(url: &str, content: &'static Content, done: impl FnOnce(DataState) + 'static) {
    if !BROWSER {
        return done(initial());
    }
    if let Some(settled) = SETTLED.with(|s| *s.borrow()) {
        return done(settled);
    }
    let first = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let first = w.is_none();
        w.get_or_insert_with(Vec::new).push(Box::new(done));
        first
    });
    if !first {
        return;
    }
    let url = url.to_string();
    yew::platform::spawn_local(async move {
        let outcome = match inline_text() {
            Some(text) => decode(&text, content),
            None => match fetch_text(&url).await {
                Some(text) => decode(&text, content),
                None => DataState::Failed(
                    "The quiz, key points and timeline could not be loaded. Check your connection and reload the page.",
                ),
            },
        };
        SETTLED.with(|s| *s.borrow_mut() = Some(outcome));
        for waiter in WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default() {
            waiter(outcome);
        }
    });
}

/// The data inlined in the page, if any.
fn inline_text() -> Option<String> {
    let script = web_sys::window()?.document()?.get_element_by_id(INLINE_DATA_ID)?;
    script.text_content()
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}

/// Parses, decodes and checks the data; keeps it for the life of the page.
fn decode(text: &str, content: &Content) -> DataState {
    const DAMAGED: &str = "The quiz, key points and timeline data are damaged. Reload the page to try again.";
    let Ok(value) = js_sys::JSON::parse(text) else { return DataState::Failed(DAMAGED) };
    let Ok(data) = serde_wasm_bindgen::from_value::<Data>(value) else { return DataState::Failed(DAMAGED) };
    match data.check(content) {
        // Leaked once per page: the data lives as long as the page, like the baked content.
        Ok(()) => DataState::Ready(Box::leak(Box::new(data))),
        Err(why) => DataState::Failed(why),
    }
}

#[cfg(test)]
mod tests {
    use super::DataState::{Failed, Pending, Ready};
    use crate::model::content::{build_data, Data};

    /// The app's context compares the state on every render: a ready state must be told
    /// apart by its address, without walking the data (an equal copy elsewhere is another
    /// load).
    #[test]
    fn ready_states_compare_by_address() {
        let data = build_data();
        let copy: &'static Data = Box::leak(Box::new(data.clone()));
        assert_eq!(Ready(data), Ready(data));
        assert_ne!(Ready(data), Ready(copy));
        assert_eq!(Failed("gone"), Failed("gone"));
        assert_ne!(Failed("gone"), Failed("damaged"));
        assert_ne!(Pending, Ready(data));
        assert_eq!(Pending, Pending);
    }
}
