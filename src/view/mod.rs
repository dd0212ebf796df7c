//! Yew function components, one per file. Small props, no business logic: rules
//! live in `model` and `state`.

pub mod app;
pub mod cell;
pub mod chart;
pub mod detail;
pub mod evidence;
pub mod export;
pub mod filters;
pub mod header;
pub mod layer_accordion;
pub mod legend;
pub mod matrix;
pub mod notices;
pub mod quiz;
pub mod quiz_bits;
pub mod quiz_feedback;
pub mod quiz_intro;
pub mod quiz_progress;
pub mod quiz_question;
pub mod quiz_runner;
pub mod quiz_share;
pub mod quiz_shared;
pub mod quiz_summary;
pub mod sources;
pub mod tabs;
pub mod timeline;

pub use app::{App, AppProps};

use yew::prelude::*;

use crate::model::Content;

/// The content, passed down by context. Compared by address: it is `'static`.
#[derive(Clone, Copy, Debug)]
pub struct ContentRef(pub &'static Content);

impl PartialEq for ContentRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Navigation between views (a quiz question's "See it on the chart", a cell's
/// questions, a timeline event's cells). Every view gets it from context.
#[derive(Clone, PartialEq)]
pub struct Nav(pub Callback<crate::model::route::Route>);

impl Nav {
    pub fn go(&self, route: crate::model::route::Route) {
        self.0.emit(route);
    }
}

/// The navigation callback of the surrounding `App` (a no-op outside one).
#[hook]
pub fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_else(|| Nav(Callback::noop()))
}

/// The content of the surrounding `App`.
#[hook]
pub fn use_content() -> &'static Content {
    use_context::<ContentRef>().map(|c| c.0).unwrap_or(&crate::model::CONTENT)
}
