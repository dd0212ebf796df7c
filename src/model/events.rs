//! What the page around the widget is told of the reader's actions: the events, their
//! names and their details. `platform::events` sends them (a DOM `CustomEvent` from the
//! widget, and a message to the parent window from `embed.html?events=1`).
//!
//! | event | detail | when |
//! |---|---|---|
//! | `full-stack:select` | `{ layer, tool }`: ids, `null` for the other axis when a header is chosen, both `null` when the selection is cleared | the reader selects a cell, a layer or a tool of the chart, or closes its details |
//! | `full-stack:view` | `{ view }`: `chart`, `points`, `quiz` or `timeline` | the reader switches views (a tab, or a link between views) |
//! | `full-stack:quiz-finished` | `{ score, total, length }`: right answers, questions, `quick` or `full` | the reader reaches the score of a round (not a retry of missed questions) |
//! | `full-stack:ready` | `{ view }`: the view shown | once, when the app runs: its first live render is on the page (options and deep link applied, and what the reader did before it ran) |
//!
//! Only ids and numbers: nothing about the reader. Besides `ready`, nothing is sent for
//! the settings the widget starts with (options, a deep link), only for what the reader
//! does after.

use serde::Serialize;

use super::config::{QuizLength, View};
use super::content::Content;
use super::route::ChartTarget;

/// A reader's action, as the host page hears it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum HostEvent {
    /// A chart selection (`None` for the axis not chosen, both for none).
    Select { layer: Option<&'static str>, tool: Option<&'static str> },
    /// The view shown.
    View { view: &'static str },
    /// A round's score.
    QuizFinished { score: u16, total: u16, length: &'static str },
    /// The app runs, showing this view.
    Ready { view: &'static str },
}

impl HostEvent {
    /// The names of the events, in the order of the variants.
    pub const NAMES: [&'static str; 4] =
        ["full-stack:select", "full-stack:view", "full-stack:quiz-finished", "full-stack:ready"];

    /// The DOM event's name (also the `type` of the embed's message).
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Select { .. } => Self::NAMES[0],
            HostEvent::View { .. } => Self::NAMES[1],
            HostEvent::QuizFinished { .. } => Self::NAMES[2],
            HostEvent::Ready { .. } => Self::NAMES[3],
        }
    }

    /// The app runs, showing `view`.
    pub fn ready(view: View) -> HostEvent {
        HostEvent::Ready { view: view.id() }
    }

    /// The selection `target` (or none), with the ids of `content`.
    pub fn select(content: &'static Content, target: Option<ChartTarget>) -> HostEvent {
        let layer = |l| Some(&*content.layer(l).id);
        let tool = |t| Some(&*content.tool(t).id);
        match target {
            None => HostEvent::Select { layer: None, tool: None },
            Some(ChartTarget::Cell { layer: l, tool: t }) => HostEvent::Select { layer: layer(l), tool: tool(t) },
            Some(ChartTarget::Layer(l)) => HostEvent::Select { layer: layer(l), tool: None },
            Some(ChartTarget::Tool(t)) => HostEvent::Select { layer: None, tool: tool(t) },
        }
    }

    /// The end of a round.
    pub fn quiz_finished(score: u16, total: u16, length: QuizLength) -> HostEvent {
        HostEvent::QuizFinished { score, total, length: length.id() }
    }

    /// The events for a move from `before` to `after` (the view shown, the chart's
    /// selection): the view first, then the selection.
    pub fn changes(
        content: &'static Content,
        before: (View, Option<ChartTarget>),
        after: (View, Option<ChartTarget>),
    ) -> Vec<HostEvent> {
        let mut out = Vec::new();
        if before.0 != after.0 {
            out.push(HostEvent::View { view: after.0.id() });
        }
        if before.1 != after.1 {
            out.push(HostEvent::select(content, after.1));
        }
        out
    }
}

/// The message `embed.html?events=1` posts to its parent: `{"full-stack": {"type", "detail"}}`.
#[derive(Serialize)]
pub struct Message<'a> {
    #[serde(rename = "full-stack")]
    pub event: Envelope<'a>,
}

/// The inside of a [`Message`].
#[derive(Serialize)]
pub struct Envelope<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub detail: &'a HostEvent,
}

impl HostEvent {
    /// This event as the embed's message.
    pub fn message(&self) -> Message<'_> {
        Message { event: Envelope { kind: self.name(), detail: self } }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::{LayerIx, ToolIx, CONTENT};

    fn json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    #[test]
    fn details_carry_ids_and_null_for_the_axis_not_chosen() {
        let (l, t) = (LayerIx::at(0), ToolIx::at(1));
        let (lid, tid) = (&CONTENT.layers[0].id, &CONTENT.tools[1].id);
        let cell = HostEvent::select(&CONTENT, Some(ChartTarget::Cell { layer: l, tool: t }));
        assert_eq!(json(&cell), format!(r#"{{"layer":"{lid}","tool":"{tid}"}}"#));
        assert_eq!(cell.name(), "full-stack:select");
        let row = HostEvent::select(&CONTENT, Some(ChartTarget::Layer(l)));
        assert_eq!(json(&row), format!(r#"{{"layer":"{lid}","tool":null}}"#));
        let column = HostEvent::select(&CONTENT, Some(ChartTarget::Tool(t)));
        assert_eq!(json(&column), format!(r#"{{"layer":null,"tool":"{tid}"}}"#));
        assert_eq!(json(&HostEvent::select(&CONTENT, None)), r#"{"layer":null,"tool":null}"#);
        assert_eq!(json(&HostEvent::View { view: View::Quiz.id() }), r#"{"view":"quiz"}"#);
        let done = HostEvent::quiz_finished(7, 10, QuizLength::Quick);
        assert_eq!(json(&done), r#"{"score":7,"total":10,"length":"quick"}"#);
        assert_eq!(done.name(), "full-stack:quiz-finished");
        let ready = HostEvent::ready(View::Timeline);
        assert_eq!((ready.name(), json(&ready)), ("full-stack:ready", r#"{"view":"timeline"}"#.to_string()));
        assert_eq!(
            json(&done.message()),
            r#"{"full-stack":{"type":"full-stack:quiz-finished","detail":{"score":7,"total":10,"length":"quick"}}}"#
        );
    }

    #[test]
    fn a_move_gives_the_view_then_the_selection_and_nothing_when_nothing_changed() {
        let cell = Some(ChartTarget::Cell { layer: LayerIx::at(2), tool: ToolIx::at(3) });
        assert_eq!(HostEvent::changes(&CONTENT, (View::Chart, cell), (View::Chart, cell)), vec![]);
        assert_eq!(
            HostEvent::changes(&CONTENT, (View::Quiz, None), (View::Chart, cell)),
            vec![HostEvent::View { view: "chart" }, HostEvent::select(&CONTENT, cell)]
        );
        // A tab switch keeps the chart's selection: only the view.
        assert_eq!(
            HostEvent::changes(&CONTENT, (View::Chart, cell), (View::Timeline, cell)),
            vec![HostEvent::View { view: "timeline" }]
        );
        assert_eq!(
            HostEvent::changes(&CONTENT, (View::Chart, cell), (View::Chart, None)),
            vec![HostEvent::Select { layer: None, tool: None }]
        );
    }
}
