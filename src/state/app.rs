//! The application shell's state: which view is showing, what each view has selected
//! (the deep-linkable part), the theme, and notices about bad input.

use std::rc::Rc;

use yew::Reducible;

use super::chart::ChartPreset;
use crate::model::route::{ChartTarget, PointsAt, Route};
use crate::model::{Config, EventIx, QuestionIx, Theme, View};

/// The most notices shown at once (the latest ones).
pub const MAX_NOTICES: usize = 3;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppState {
    pub view: View,
    /// The chart's selected cell, row or column.
    pub chart: Option<ChartTarget>,
    /// The chart's configured highlight and evidence filter.
    pub chart_preset: ChartPreset,
    /// The key points' section (and point) shown from a link.
    pub points_focus: Option<PointsAt>,
    /// A question opened from a link, to practise it.
    pub quiz_focus: Option<QuestionIx>,
    /// A shared result being shown (score, total).
    pub shared_result: Option<(u16, u16)>,
    /// A timeline event highlighted from a link.
    pub timeline_focus: Option<EventIx>,
    pub theme: Theme,
    /// Short, plain-text notices (e.g. "Unknown view …: showing the chart.").
    pub notices: Vec<String>,
    /// The selection last changed by the reader's navigation (a link, the fragment, a
    /// replayed tap), not by start-up: only then may a view move focus to it.
    pub reader_nav: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    /// Switch tabs, keeping what each view had selected.
    Show(View),
    /// Go to a route (a deep link, or a link between views).
    Navigate(Route),
    SetTheme(Theme),
    /// Apply the full start-up settings after hydrating server-rendered markup (see
    /// [`AppState::for_hydration`]). The reader can't have acted yet.
    Boot {
        config: Config,
        route: Option<Route>,
        notices: Vec<String>,
    },
    Notice(String),
    DismissNotices,
}

impl AppState {
    pub fn new(config: &Config, route: Option<Route>, notices: Vec<String>) -> AppState {
        let mut state = AppState {
            view: config.view,
            chart: config.cell.map(|(layer, tool)| ChartTarget::Cell { layer, tool }),
            chart_preset: ChartPreset { highlight: config.highlight, filter: config.evidence },
            theme: config.theme,
            notices,
            ..AppState::default()
        };
        if let Some(route) = route {
            state.go(route);
        }
        state
    }

    /// The first state when hydrating markup rendered with the default config: only what
    /// changes attributes, not structure (the view and the theme), is applied; the
    /// selection, the chart's highlight and filter, the deep-link route and notices wait
    /// for [`AppAction::Boot`]. The view is the one the page shows (`shown`: the boot
    /// script's, which may be a tab the reader tapped before the app ran), else the route's
    /// or the configured one: hydration never shows a frame of another view.
    pub fn for_hydration(config: &Config, route: Option<Route>, shown: Option<View>) -> AppState {
        let view = shown.or(route.map(Route::view)).unwrap_or(config.view);
        AppState { view, theme: config.theme, ..AppState::default() }
    }

    /// The route for the current view and its selection.
    pub fn route(&self) -> Route {
        match self.view {
            View::Chart => Route::Chart(self.chart),
            View::Points => Route::Points(self.points_focus),
            View::Quiz => match self.shared_result {
                Some((score, total)) => Route::QuizResult { score, total },
                None => Route::Quiz(self.quiz_focus),
            },
            View::Timeline => Route::Timeline(self.timeline_focus),
        }
    }

    fn go(&mut self, route: Route) {
        self.view = route.view();
        match route {
            Route::Chart(target) => self.chart = target,
            Route::Points(s) => self.points_focus = s,
            Route::Quiz(q) => {
                self.quiz_focus = q;
                self.shared_result = None;
            }
            Route::QuizResult { score, total } => self.shared_result = Some((score, total)),
            Route::Timeline(e) => self.timeline_focus = e,
        }
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::Show(view) => next.view = view,
            AppAction::Navigate(route) => {
                next.go(route);
                next.reader_nav = true;
            }
            AppAction::SetTheme(theme) => next.theme = theme,
            AppAction::Boot { config, route, notices } => next = AppState::new(&config, route, notices),
            AppAction::Notice(text) => {
                // The latest MAX_NOTICES, each once: a burst of bad links can't pile up.
                if !next.notices.contains(&text) {
                    next.notices.push(text);
                    let extra = next.notices.len().saturating_sub(MAX_NOTICES);
                    next.notices.drain(..extra);
                }
            }
            AppAction::DismissNotices => next.notices.clear(),
        }
        super::keep_or_replace(self, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LayerIx, ToolIx};

    fn cell(l: usize, t: usize) -> ChartTarget {
        ChartTarget::Cell { layer: LayerIx::at(l), tool: ToolIx::at(t) }
    }

    fn reduce(s: AppState, a: AppAction) -> AppState {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn config_sets_the_start_and_a_route_overrides_it() {
        let config = Config { view: View::Quiz, cell: Some((LayerIx::at(1), ToolIx::at(2))), ..Config::default() };
        let s = AppState::new(&config, None, vec![]);
        assert_eq!(s.route(), Route::Quiz(None));
        assert_eq!(s.chart, Some(cell(1, 2)));
        let s = AppState::new(&config, Some(Route::Chart(Some(ChartTarget::Layer(LayerIx::at(3))))), vec![]);
        assert_eq!(s.route(), Route::Chart(Some(ChartTarget::Layer(LayerIx::at(3)))));
    }

    #[test]
    fn switching_tabs_keeps_each_views_selection() {
        let s = AppState::default();
        let s = reduce(s, AppAction::Navigate(Route::Chart(Some(cell(0, 1)))));
        let s = reduce(s, AppAction::Show(View::Quiz));
        assert_eq!(s.route(), Route::Quiz(None));
        let s = reduce(s, AppAction::Show(View::Chart));
        assert_eq!(s.route(), Route::Chart(Some(cell(0, 1))));
    }

    #[test]
    fn a_shared_result_shows_until_the_quiz_is_navigated() {
        let s = reduce(AppState::default(), AppAction::Navigate(Route::QuizResult { score: 7, total: 10 }));
        assert_eq!(s.view, View::Quiz);
        assert_eq!(s.route(), Route::QuizResult { score: 7, total: 10 });
        let s = reduce(s, AppAction::Navigate(Route::Quiz(None)));
        assert_eq!(s.route(), Route::Quiz(None));
    }

    #[test]
    fn hydration_starts_with_attributes_only_then_boot_applies_the_rest() {
        let config = Config {
            view: View::Chart,
            theme: Theme::Dark,
            cell: Some((LayerIx::at(1), ToolIx::at(2))),
            highlight: crate::model::chart::Highlight::Tool(ToolIx::at(3)),
            evidence: crate::model::chart::TierFilter(crate::model::Tier::Episode),
            ..Config::default()
        };
        let route = Some(Route::QuizResult { score: 3, total: 10 });
        let first = AppState::for_hydration(&config, route, None);
        // The view and theme are attributes: they may differ from the server render.
        assert_eq!((first.view, first.theme), (View::Quiz, Theme::Dark));
        // Structure waits: no selection, no shared result, no notices, the chart as served.
        assert_eq!((first.chart, first.shared_result, first.notices.len()), (None, None, 0));
        assert_eq!(first.chart_preset, ChartPreset::default());
        // The view the page shows (a tab tapped before the app ran) wins over both.
        assert_eq!(AppState::for_hydration(&config, route, Some(View::Timeline)).view, View::Timeline);
        let booted = reduce(first, AppAction::Boot { config: config.clone(), route, notices: vec!["n".into()] });
        assert_eq!(booted, AppState::new(&config, route, vec!["n".into()]));
        assert_eq!(booted.chart_preset.filter, config.evidence);
        assert_eq!(booted.chart_preset.highlight, config.highlight);
    }

    #[test]
    fn only_the_readers_navigation_may_move_focus() {
        let config = Config { cell: Some((LayerIx::at(1), ToolIx::at(2))), ..Config::default() };
        let booted = reduce(
            AppState::for_hydration(&config, None, None),
            AppAction::Boot { config: config.clone(), route: None, notices: vec![] },
        );
        assert_eq!((booted.chart, booted.reader_nav), (Some(cell(1, 2)), false), "start-up selects without focus");
        let navigated = reduce(booted, AppAction::Navigate(Route::Chart(Some(cell(0, 0)))));
        assert!(navigated.reader_nav);
    }

    #[test]
    fn notices_are_not_repeated_and_can_be_dismissed() {
        let s = reduce(AppState::default(), AppAction::Notice("x".into()));
        let s = reduce(s, AppAction::Notice("x".into()));
        assert_eq!(s.notices, vec!["x".to_string()]);
        let s = reduce(s, AppAction::DismissNotices);
        assert!(s.notices.is_empty());
    }

    #[test]
    fn only_the_latest_three_notices_are_kept() {
        let mut s = AppState::default();
        for i in 0..500 {
            s = reduce(s, AppAction::Notice(format!("bad link {i}")));
            assert!(s.notices.len() <= 3, "{} notices after {i}", s.notices.len());
        }
        assert_eq!(s.notices, vec!["bad link 497", "bad link 498", "bad link 499"]);
        // A repeat of one still shown changes nothing.
        let same = Rc::new(s.clone());
        assert!(Rc::ptr_eq(&same, &same.clone().reduce(AppAction::Notice("bad link 498".into()))));
        let s = reduce(s, AppAction::DismissNotices);
        assert!(s.notices.is_empty());
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = Rc::new(AppState::default());
        let same = s.clone().reduce(AppAction::Show(View::Chart));
        assert!(Rc::ptr_eq(&s, &same), "no re-render for a no-op");
    }
}
