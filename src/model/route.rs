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
//! | `#points`, `#points/<section>` | the key points, a section shown |
//! | `#points/<section>/<n>` | the key points, the section's n-th point (from 1) highlighted |
//!
//! Fragments come from strangers: parsing never fails hard. An unknown or malformed
//! fragment gives the default route and a short notice.

use super::config::{echo, View};
use super::content::{Content, EventIx, LayerIx, QuestionIx, ToolIx};

/// What the chart shows in its detail panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartTarget {
    Cell {
        layer: LayerIx,
        tool: ToolIx,
    },
    /// A layer's row summary.
    Layer(LayerIx),
    /// A tool's column summary.
    Tool(ToolIx),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Chart(Option<ChartTarget>),
    /// The key points, at a section (and a point in it) if any.
    Points(Option<PointsAt>),
    /// A question to practise, if any.
    Quiz(Option<QuestionIx>),
    /// A shared quiz result. Always `score <= total`, `1 <= total <= MAX_SHARED_TOTAL`.
    QuizResult {
        score: u16,
        total: u16,
    },
    /// An event to highlight, if any.
    Timeline(Option<EventIx>),
}

/// A place in the key points: a section (by position) and, within it, a point (from 0).
/// A point beyond the section's is shown as the section alone (the points load later).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PointsAt {
    pub section: u8,
    pub point: Option<u8>,
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
            Route::Points(_) => View::Points,
            Route::Quiz(_) | Route::QuizResult { .. } => View::Quiz,
            Route::Timeline(_) => View::Timeline,
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
            ["chart", "*", tool] => Route::Chart(Some(ChartTarget::Tool(content.tool_ix(tool).ok_or_else(bad)?))),
            ["chart", layer] => Route::Chart(Some(ChartTarget::Layer(content.layer_ix(layer).ok_or_else(bad)?))),
            ["chart", layer, tool] => Route::Chart(Some(ChartTarget::Cell {
                layer: content.layer_ix(layer).ok_or_else(bad)?,
                tool: content.tool_ix(tool).ok_or_else(bad)?,
            })),
            ["points"] => Route::Points(None),
            ["points", section, rest @ ..] if rest.len() <= 1 => {
                let section = content
                    .section_ids
                    .iter()
                    .position(|s| s == section)
                    .and_then(|s| u8::try_from(s).ok())
                    .ok_or_else(bad)?;
                let point = match rest {
                    [n] => Some(super::parse_digits(n, 3).filter(|n| (1..=255).contains(n)).ok_or_else(bad)? as u8 - 1),
                    _ => None,
                };
                Route::Points(Some(PointsAt { section, point }))
            }
            ["quiz"] => Route::Quiz(None),
            ["quiz", "q", id] => Route::Quiz(Some(content.question_ix(id).ok_or_else(bad)?)),
            ["quiz", "result", score] => {
                let (s, t) = score.split_once('-').ok_or_else(bad)?;
                let (s, t) = (parse_small(s).ok_or_else(bad)?, parse_small(t).ok_or_else(bad)?);
                if t == 0 || s > t || t > MAX_SHARED_TOTAL {
                    return Err(bad());
                }
                Route::QuizResult { score: s, total: t }
            }
            ["timeline"] => Route::Timeline(None),
            ["timeline", id] => Route::Timeline(Some(content.event_ix(id).ok_or_else(bad)?)),
            _ => return Err(bad()),
        };
        Ok(Some(route))
    }

    /// The fragment for this route, with the leading `#`.
    pub fn fragment(self, content: &Content) -> String {
        match self {
            Route::Chart(None) => "#chart".into(),
            Route::Chart(Some(target)) => format!("#chart/{}", target.id(content)),
            Route::Points(None) => "#points".into(),
            Route::Points(Some(PointsAt { section, point })) => {
                let id = content.section_ids.get(section as usize).map_or("", |s| s);
                match point {
                    Some(n) => format!("#points/{id}/{}", n as u16 + 1),
                    None => format!("#points/{id}"),
                }
            }
            Route::Quiz(None) => "#quiz".into(),
            Route::Quiz(Some(q)) => format!("#quiz/q/{}", content.question_id(q)),
            Route::QuizResult { score, total } => format!("#quiz/result/{score}-{total}"),
            Route::Timeline(None) => "#timeline".into(),
            Route::Timeline(Some(e)) => format!("#timeline/{}", content.event_id(e)),
        }
    }
}

impl ChartTarget {
    /// "layer/tool", "layer" or "*/tool": as in the fragment after `#chart/`.
    pub fn id(self, content: &Content) -> String {
        match self {
            ChartTarget::Cell { layer, tool } => format!("{}/{}", content.layer(layer).id, content.tool(tool).id),
            ChartTarget::Layer(l) => content.layer(l).id.to_string(),
            ChartTarget::Tool(t) => format!("*/{}", content.tool(t).id),
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
        let mut routes = vec![Route::Chart(None), Route::Points(None), Route::Quiz(None), Route::Timeline(None)];
        for layer in c.layer_ixs() {
            routes.push(Route::Chart(Some(ChartTarget::Layer(layer))));
            for tool in c.tool_ixs() {
                routes.push(Route::Chart(Some(ChartTarget::Cell { layer, tool })));
            }
        }
        for t in c.tool_ixs() {
            routes.push(Route::Chart(Some(ChartTarget::Tool(t))));
        }
        for q in 0..c.question_ids.len() {
            routes.push(Route::Quiz(Some(QuestionIx::at(q))));
        }
        for e in 0..c.event_ids.len() {
            routes.push(Route::Timeline(Some(EventIx::at(e))));
        }
        for s in 0..c.section_ids.len() {
            routes.push(Route::Points(Some(PointsAt { section: s as u8, point: None })));
            routes.push(Route::Points(Some(PointsAt { section: s as u8, point: Some(0) })));
            routes.push(Route::Points(Some(PointsAt { section: s as u8, point: Some(254) })));
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
            "#points/nope",
            "#points/guest/extra",
            "#points/guest/0",
            "#points/guest/256",
            "#points/guest/1/2",
            "#points/guest/-1",
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
