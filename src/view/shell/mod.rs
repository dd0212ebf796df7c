//! The application shell: the app component (state, contexts, panels, the URL
//! fragment, the on-demand data), the header, the tabs and the notices.

pub mod app;
pub mod header;
pub mod notices;
pub mod tabs;
