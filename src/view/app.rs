use yew::prelude::*;

use super::chart::ChartView;
use super::header::Header;
use super::notices::Notices;
use super::quiz::QuizView;
use super::tabs::{panel_id, tab_id, Tabs};
use super::timeline::TimelineView;
use super::ContentRef;
use crate::model::{Config, View};
use crate::state::{AppAction, AppState};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub content: ContentRef,
    #[prop_or_default]
    pub config: Config,
    /// Notices about bad configuration, shown once at the top.
    #[prop_or_default]
    pub notices: Vec<String>,
}

/// The whole widget: header, tabs and the three views.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let config = props.config.clone();
        let notices = props.notices.clone();
        use_reducer(move || AppState::new(&config, notices))
    };
    let on_select = {
        let state = state.dispatcher();
        Callback::from(move |v: View| state.dispatch(AppAction::Show(v)))
    };
    let on_theme = {
        let state = state.dispatcher();
        Callback::from(move |t| state.dispatch(AppAction::SetTheme(t)))
    };
    let on_dismiss = {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(AppAction::DismissNotices))
    };
    let panel = |view: View, body: Html| {
        html! {
            <section
                id={panel_id(view)}
                class="fs-panel"
                role="tabpanel"
                aria-labelledby={tab_id(view)}
                tabindex="-1"
                hidden={state.view != view}
            >
                { body }
            </section>
        }
    };
    html! {
        <ContextProvider<ContentRef> context={props.content}>
            <div class="fs" data-theme={state.theme.id()} data-view={state.view.id()}>
                <Header theme={state.theme} {on_theme} />
                <Notices notices={state.notices.clone()} on_dismiss={on_dismiss} />
                <Tabs current={state.view} {on_select} />
                { panel(View::Chart, html! { <ChartView /> }) }
                { panel(View::Quiz, html! { <QuizView /> }) }
                { panel(View::Timeline, html! { <TimelineView /> }) }
            </div>
        </ContextProvider<ContentRef>>
    }
}
