//! Yew function components, in one folder per view of the widget. Small props, no
//! business logic: rules live in `model` and `state`, and the browser is reached only
//! through `platform`.
//!
//! | folder | what |
//! |---|---|
//! | [`shell`] | the app: header, tabs, notices, panels, the URL fragment |
//! | [`chart`] | the matrix, its cells, the detail panel, filters, key, downloads |
//! | [`points`] | the key points, section by section |
//! | [`quiz`] | the quiz runner and its pieces |
//! | [`timeline`] | the dated milestones |
//! | [`provenance`] | claims with their sources, source lists, transcript links (shared) |
//! | [`hooks`] | hooks shared by the views |

pub mod chart;
pub mod hooks;
pub mod points;
pub mod provenance;
pub mod quiz;
pub mod shell;
pub mod timeline;

use std::rc::Rc;

pub use shell::app::{App, AppProps, IslandHtml};
use yew::prelude::*;

use crate::model::chart::transcript_anchor;
use crate::model::embed::TRANSCRIPT_FILE;
use crate::model::route::Route;
use crate::model::Content;
use crate::platform::data::DataState;

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
pub struct Nav(pub Callback<Route>);

impl Nav {
    pub fn go(&self, route: Route) {
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

/// The on-demand data, as a prop. Compared by address: it lives as long as the page.
#[derive(Clone, Copy, Debug)]
pub struct DataRef(pub &'static crate::model::Data);

impl PartialEq for DataRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Where the files beside the widget's page are (the transcript page, the downloads):
/// a URL prefix, "" for the page's own folder.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Links {
    pub base: AttrValue,
}

impl Links {
    /// A file beside the page.
    pub fn file(&self, name: &str) -> String {
        format!("{}{name}", self.base)
    }

    /// The transcript page, open at lines `a`–`b`, highlighted.
    pub fn transcript(&self, a: u32, b: u32) -> String {
        format!("{}{TRANSCRIPT_FILE}#{}", self.base, transcript_anchor(a, b))
    }
}

#[hook]
pub fn use_links() -> Links {
    use_context::<Links>().unwrap_or_default()
}

/// How the views that need the on-demand data render it.
#[derive(Clone, Debug, PartialEq)]
pub enum Islands {
    /// Render from the data (loading and failure shown as such).
    Live,
    /// Keep the server-rendered markup as it is (hydration, until the data is here).
    Adopt,
    /// Build time: emit this markup (rendered from the data beforehand), for `Adopt` to
    /// keep.
    Static(Rc<IslandHtml>),
}

/// The on-demand data and how to render the views that need it.
#[derive(Clone, Debug, PartialEq)]
pub struct DataCtx {
    pub state: DataState,
    pub islands: Islands,
}

#[hook]
pub fn use_data() -> DataCtx {
    use_context::<DataCtx>().unwrap_or(DataCtx { state: crate::platform::data::initial(), islands: Islands::Live })
}

/// The body of a view that needs the on-demand data: `live(data)` once it is here, the
/// server's markup (`html`) while adopting or at build time, else a short status.
pub fn island(
    ctx: &DataCtx,
    html: impl FnOnce(&IslandHtml) -> AttrValue,
    live: impl FnOnce(&'static crate::model::Data) -> Html,
) -> Html {
    match (&ctx.islands, ctx.state) {
        (Islands::Static(h), _) => Html::from_html_unchecked(html(h)),
        (Islands::Adopt, _) => Html::from_html_unchecked(AttrValue::Static("")),
        (Islands::Live, DataState::Ready(d)) => live(d),
        (Islands::Live, DataState::Pending) => html! {
            <p class="fs-loading" role="status">{ "Loading\u{2026}" }</p>
        },
        (Islands::Live, DataState::Failed(why)) => html! {
            <p class="fs-data-error" role="alert">{ why }</p>
        },
    }
}
