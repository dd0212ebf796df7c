//! Deep links: the URL fragment names a view and what is selected in it.
//!
//! | fragment | route |
//! |---|---|
//! | `#chart` | the chart |
//! | `#chart/<layer>/<tool>` | a cell selected |
//! | `#chart/<layer>` | a layer's row summary |
//! | `#chart/*/<tool>` | a tool's column summary |
//! | `#quiz` | the quiz |
//! | `#quiz/q/<question>` | one question, to practise it |
//! | `#quiz/result/<score>-<total>` | a shared result |
//! | `#timeline`, `#timeline/<event>` | the timeline, an event highlighted |
//!
//! Fragments come from strangers: parsing never fails hard. An unknown or malformed
//! fragment gives the default route and a short notice.

use super::config::{echo, View};
use super::content::Content;

/// What the chart shows in its detail panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartTarget {
    /// (layer, tool) indexes.
    Cell(usize, usize),
    /// A layer's row summary.
    Layer(usize),
    /// A tool's column summary.
    Tool(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Chart(Option<ChartTarget>),
    /// A question index to practise, if any.
    Quiz(Option<usize>),
    /// A shared quiz result. Always `score <= total`, `1 <= total <= MAX_SHARED_TOTAL`.
    QuizResult {
        score: u16,
        total: u16,
    },
    /// An event index to highlight, if any.
    Timeline(Option<usize>),
}

/// The largest quiz a shared result may claim (no quiz has more questions than this).
pub const MAX_SHARED_TOTAL: u16 = 500;

impl Default for Route {
    fn default() -> Self {
        Route::Chart(None)
    }
}

impl Route {
    pub fn view(self) -> View {
        match self {
            Route::Chart(_) => View::Chart,
            Route::Quiz(_) | Route::QuizResult { .. } => View::Quiz,
            Route::Timeline(_) => View::Timeline,
        }
    }

    /// The route a bare view stands for.
    pub fn of_view(view: View) -> Route {
        match view {
            View::Chart => Route::Chart(None),
            View::Quiz => Route::Quiz(None),
            View::Timeline => Route::Timeline(None),
        }
    }

    /// Parses a fragment (with or without the leading `#`). An empty fragment is `Ok(None)`.
    pub fn parse(fragment: &str, content: &Content) -> Result<Option<Route>, String> {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        if f.is_empty() {
            return Ok(None);
        }
        let bad = || format!("The link {} doesn\u{2019}t match anything here, so the chart is shown.", echo(fragment));
        let parts: Vec<&str> = f.split('/').collect();
        let route = match parts.as_slice() {
            ["chart"] => Route::Chart(None),
            ["chart", "*", tool] => Route::Chart(Some(ChartTarget::Tool(content.tool_index(tool).ok_or_else(bad)?))),
            ["chart", layer] => Route::Chart(Some(ChartTarget::Layer(content.layer_index(layer).ok_or_else(bad)?))),
            ["chart", layer, tool] => Route::Chart(Some(ChartTarget::Cell(
                content.layer_index(layer).ok_or_else(bad)?,
                content.tool_index(tool).ok_or_else(bad)?,
            ))),
            ["quiz"] => Route::Quiz(None),
            ["quiz", "q", id] => Route::Quiz(Some(content.question_index(id).ok_or_else(bad)?)),
            ["quiz", "result", score] => {
                let (s, t) = score.split_once('-').ok_or_else(bad)?;
                let (s, t) = (parse_small(s).ok_or_else(bad)?, parse_small(t).ok_or_else(bad)?);
                if t == 0 || s > t || t > MAX_SHARED_TOTAL {
                    return Err(bad());
                }
                Route::QuizResult { score: s, total: t }
            }
            ["timeline"] => Route::Timeline(None),
            ["timeline", id] => {
                Route::Timeline(Some(content.timeline.iter().position(|e| e.id == *id).ok_or_else(bad)?))
            }
            _ => return Err(bad()),
        };
        Ok(Some(route))
    }

    /// The fragment for this route, with the leading `#`.
    pub fn fragment(self, content: &Content) -> String {
        match self {
            Route::Chart(None) => "#chart".into(),
            Route::Chart(Some(ChartTarget::Cell(l, t))) => {
                format!("#chart/{}/{}", content.layers[l].id, content.tools[t].id)
            }
            Route::Chart(Some(ChartTarget::Layer(l))) => format!("#chart/{}", content.layers[l].id),
            Route::Chart(Some(ChartTarget::Tool(t))) => format!("#chart/*/{}", content.tools[t].id),
            Route::Quiz(None) => "#quiz".into(),
            Route::Quiz(Some(q)) => format!("#quiz/q/{}", content.questions[q].id),
            Route::QuizResult { score, total } => format!("#quiz/result/{score}-{total}"),
            Route::Timeline(None) => "#timeline".into(),
            Route::Timeline(Some(e)) => format!("#timeline/{}", content.timeline[e].id),
        }
    }
}

/// A decimal number of at most 3 digits, ASCII only.
fn parse_small(s: &str) -> Option<u16> {
    super::parse_digits(s, 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CONTENT;

    fn parse(f: &str) -> Result<Option<Route>, String> {
        Route::parse(f, &CONTENT)
    }

    #[test]
    fn every_route_round_trips_through_its_fragment() {
        let c = &CONTENT;
        let mut routes = vec![Route::Chart(None), Route::Quiz(None), Route::Timeline(None)];
        for l in 0..c.layers.len() {
            routes.push(Route::Chart(Some(ChartTarget::Layer(l))));
            for t in 0..c.tools.len() {
                routes.push(Route::Chart(Some(ChartTarget::Cell(l, t))));
            }
        }
        for t in 0..c.tools.len() {
            routes.push(Route::Chart(Some(ChartTarget::Tool(t))));
        }
        for q in 0..c.questions.len() {
            routes.push(Route::Quiz(Some(q)));
        }
        for e in 0..c.timeline.len() {
            routes.push(Route::Timeline(Some(e)));
        }
        routes.push(Route::QuizResult { score: 7, total: 10 });
        routes.push(Route::QuizResult { score: 0, total: 1 });
        for r in routes {
            assert_eq!(parse(&r.fragment(c)), Ok(Some(r)), "{}", r.fragment(c));
        }
    }

    #[test]
    fn empty_fragment_is_no_route() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("#"), Ok(None));
    }

    #[test]
    fn malformed_fragments_are_notices_not_errors() {
        for f in [
            "#chart/nope/state-funds",
            "#chart/semiconductors/nope",
            "#chart/semiconductors/state-funds/extra",
            "#chart/*/nope",
            "#quiz/result/11-10",
            "#quiz/result/0-0",
            "#quiz/result/7",
            "#quiz/result/-1-10",
            "#quiz/result/7-1000",
            "#quiz/result/<img src=x>-10",
            "#quiz/q/not-a-question",
            "#timeline/nope",
            "#%3Cscript%3E",
            "#chart//",
        ] {
            let e = parse(f).expect_err(f);
            assert!(e.contains("doesn\u{2019}t match anything"), "{f}: {e}");
        }
    }

    #[test]
    fn notices_quote_at_most_a_short_prefix() {
        let long = format!("#{}", "a".repeat(5000));
        let e = parse(&long).unwrap_err();
        assert!(e.len() < 200, "notice is {} bytes", e.len());
    }
}
