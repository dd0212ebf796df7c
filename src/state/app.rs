//! The application shell's state: which view is showing, the theme, and notices
//! about bad configuration.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Config, Theme, View};

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub view: View,
    pub theme: Theme,
    /// Short, plain-text notices (e.g. "Unknown view …: showing the chart.").
    pub notices: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    Show(View),
    SetTheme(Theme),
    DismissNotices,
}

impl AppState {
    pub fn new(config: &Config, notices: Vec<String>) -> AppState {
        AppState { view: config.view, theme: config.theme, notices }
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::Show(view) => next.view = view,
            AppAction::SetTheme(theme) => next.theme = theme,
            AppAction::DismissNotices => next.notices.clear(),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
