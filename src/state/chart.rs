//! The chart's own state: the highlight, the provenance filter and the roving-focus
//! position of the keyboard grid. The selection itself (cell, row or column) lives in
//! `AppState`, so deep links work.

use std::rc::Rc;

use yew::Reducible;

use crate::model::chart::{Highlight, TierFilter};
use crate::model::route::ChartTarget;
use crate::model::{LayerIx, ToolIx};

/// A spot in the keyboard grid of buttons: row 0 holds the tool headers, column 0
/// the layer headers, and (0, 0), the corner, holds no button. Cell (layer l, tool t)
/// is at (l + 1, t + 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
}

/// A keyboard move in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Left,
    Right,
    /// Home: the start of the row (its header).
    RowStart,
    /// End: the end of the row.
    RowEnd,
    /// Ctrl+Home: the first cell.
    First,
    /// Ctrl+End: the last cell.
    Last,
}

impl Step {
    /// The move a key stands for, if any.
    pub fn from_key(key: &str, ctrl: bool) -> Option<Step> {
        Some(match (key, ctrl) {
            ("ArrowUp", _) => Step::Up,
            ("ArrowDown", _) => Step::Down,
            ("ArrowLeft", _) => Step::Left,
            ("ArrowRight", _) => Step::Right,
            ("Home", false) => Step::RowStart,
            ("End", false) => Step::RowEnd,
            ("Home", true) => Step::First,
            ("End", true) => Step::Last,
            _ => return None,
        })
    }
}

impl Pos {
    /// The first cell.
    pub const FIRST: Pos = Pos { row: 1, col: 1 };

    pub fn of_target(target: ChartTarget) -> Pos {
        match target {
            ChartTarget::Cell { layer, tool } => Pos { row: layer.get() + 1, col: tool.get() + 1 },
            ChartTarget::Layer(l) => Pos { row: l.get() + 1, col: 0 },
            ChartTarget::Tool(t) => Pos { row: 0, col: t.get() + 1 },
        }
    }

    /// What selecting the button here opens (the corner, and places beyond what the
    /// index types hold, open nothing).
    pub fn target(self) -> Option<ChartTarget> {
        let layer = |r: usize| (r <= u8::MAX as usize + 1).then(|| LayerIx::at(r - 1));
        let tool = |c: usize| (c <= u8::MAX as usize + 1).then(|| ToolIx::at(c - 1));
        match (self.row, self.col) {
            (0, 0) => None,
            (0, c) => Some(ChartTarget::Tool(tool(c)?)),
            (r, 0) => Some(ChartTarget::Layer(layer(r)?)),
            (r, c) => Some(ChartTarget::Cell { layer: layer(r)?, tool: tool(c)? }),
        }
    }

    /// Whether a button exists here in a grid of `layers` × `tools`.
    pub fn valid(self, layers: usize, tools: usize) -> bool {
        self.row <= layers && self.col <= tools && (self.row, self.col) != (0, 0)
    }

    /// Where `step` leads from here; `None` at an edge (focus stays put, no wrap).
    pub fn step(self, step: Step, layers: usize, tools: usize) -> Option<Pos> {
        let Pos { row, col } = self;
        let next = match step {
            Step::Up => Pos { row: row.checked_sub(1)?, col },
            Step::Down => Pos { row: row + 1, col },
            Step::Left => Pos { row, col: col.checked_sub(1)? },
            Step::Right => Pos { row, col: col + 1 },
            Step::RowStart => Pos { row, col: if row == 0 { 1 } else { 0 } },
            Step::RowEnd => Pos { row, col: tools },
            Step::First => Pos::FIRST,
            Step::Last => Pos { row: layers, col: tools },
        };
        (next != self && next.valid(layers, tools)).then_some(next)
    }

    /// A stable key for the button's `data-pos` attribute: "r-c".
    pub fn key(self) -> String {
        format!("{}-{}", self.row, self.col)
    }

    /// Reads a `data-pos` key back ("r-c"); anything else is `None`.
    pub fn parse(key: &str) -> Option<Pos> {
        let (r, c) = key.split_once('-')?;
        Some(Pos { row: r.parse().ok()?, col: c.parse().ok()? })
    }
}

/// How the chart starts, from the configuration (`highlight` and `evidence`): applied
/// when the chart is created and again when the configuration arrives after hydration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ChartPreset {
    pub highlight: Highlight,
    pub filter: TierFilter,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartState {
    pub highlight: Highlight,
    pub filter: TierFilter,
    /// The one button of the grid in the tab order.
    pub focus: Pos,
    layers: usize,
    tools: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ChartAction {
    SetHighlight(Highlight),
    SetFilter(TierFilter),
    /// Put the roving tab stop here (ignored if no button is there).
    FocusAt(Pos),
    /// Move the tab stop by a keyboard step.
    Move(Step),
}

impl ChartState {
    /// A fresh state for a grid of `layers` × `tools`, with the tab stop on the
    /// selection if there is one.
    pub fn new(layers: usize, tools: usize, target: Option<ChartTarget>) -> ChartState {
        ChartState::with_preset(layers, tools, target, ChartPreset::default())
    }

    /// [`ChartState::new`], with the configured highlight and filter.
    pub fn with_preset(layers: usize, tools: usize, target: Option<ChartTarget>, preset: ChartPreset) -> ChartState {
        let focus = target.map(Pos::of_target).filter(|p| p.valid(layers, tools)).unwrap_or(Pos::FIRST);
        let state = ChartState { highlight: Highlight::None, filter: preset.filter, focus, layers, tools };
        // Through the reducer's own check: a highlight outside the grid is none.
        let state = Rc::new(state).reduce(ChartAction::SetHighlight(preset.highlight));
        (*state).clone()
    }
}

impl Reducible for ChartState {
    type Action = ChartAction;

    fn reduce(self: Rc<Self>, action: ChartAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ChartAction::SetHighlight(h) => {
                let ok = match h {
                    Highlight::None => true,
                    Highlight::Layer(l) => l.get() < self.layers,
                    Highlight::Tool(t) => t.get() < self.tools,
                };
                if ok {
                    next.highlight = h;
                }
            }
            ChartAction::SetFilter(f) => next.filter = f,
            ChartAction::FocusAt(p) => {
                if p.valid(self.layers, self.tools) {
                    next.focus = p;
                }
            }
            ChartAction::Move(step) => {
                if let Some(p) = self.focus.step(step, self.layers, self.tools) {
                    next.focus = p;
                }
            }
        }
        super::keep_or_replace(self, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::Tier;

    fn cell(l: usize, t: usize) -> ChartTarget {
        ChartTarget::Cell { layer: LayerIx::at(l), tool: ToolIx::at(t) }
    }

    fn reduce(s: ChartState, a: ChartAction) -> ChartState {
        (*Rc::new(s).reduce(a)).clone()
    }

    fn at(row: usize, col: usize) -> Pos {
        Pos { row, col }
    }

    #[test]
    fn arrows_move_one_step_and_stop_at_the_edges() {
        let (l, t) = (9, 10);
        assert_eq!(at(1, 1).step(Step::Right, l, t), Some(at(1, 2)));
        assert_eq!(at(1, 1).step(Step::Down, l, t), Some(at(2, 1)));
        assert_eq!(at(1, 1).step(Step::Left, l, t), Some(at(1, 0)), "onto the layer header");
        assert_eq!(at(1, 1).step(Step::Up, l, t), Some(at(0, 1)), "onto the tool header");
        assert_eq!(at(1, 0).step(Step::Up, l, t), None, "the corner has no button");
        assert_eq!(at(0, 1).step(Step::Left, l, t), None);
        assert_eq!(at(9, 10).step(Step::Down, l, t), None);
        assert_eq!(at(9, 10).step(Step::Right, l, t), None);
        assert_eq!(at(0, 3).step(Step::Up, l, t), None);
    }

    #[test]
    fn home_end_and_ctrl_jump() {
        let (l, t) = (9, 10);
        assert_eq!(at(4, 5).step(Step::RowStart, l, t), Some(at(4, 0)));
        assert_eq!(at(0, 5).step(Step::RowStart, l, t), Some(at(0, 1)), "the header row starts after the corner");
        assert_eq!(at(4, 5).step(Step::RowEnd, l, t), Some(at(4, 10)));
        assert_eq!(at(4, 5).step(Step::First, l, t), Some(at(1, 1)));
        assert_eq!(at(4, 5).step(Step::Last, l, t), Some(at(9, 10)));
        assert_eq!(at(1, 1).step(Step::First, l, t), None, "already there");
    }

    #[test]
    fn keys_map_to_steps() {
        assert_eq!(Step::from_key("ArrowLeft", false), Some(Step::Left));
        assert_eq!(Step::from_key("Home", true), Some(Step::First));
        assert_eq!(Step::from_key("End", false), Some(Step::RowEnd));
        assert_eq!(Step::from_key("Enter", false), None);
        assert_eq!(Step::from_key("a", false), None);
    }

    #[test]
    fn positions_and_targets_correspond() {
        for target in [cell(2, 3), ChartTarget::Layer(LayerIx::at(4)), ChartTarget::Tool(ToolIx::at(0))] {
            assert_eq!(Pos::of_target(target).target(), Some(target));
        }
        assert_eq!(at(0, 0).target(), None);
        assert_eq!(at(3, 4).key(), "3-4");
        assert_eq!(Pos::parse("3-4"), Some(at(3, 4)));
        for junk in ["", "3", "3-", "-4", "a-b", "3-4-5"] {
            assert_eq!(Pos::parse(junk), None, "{junk}");
        }
    }

    #[test]
    fn the_tab_stop_starts_on_the_selection_or_the_first_cell() {
        assert_eq!(ChartState::new(9, 10, None).focus, Pos::FIRST);
        assert_eq!(ChartState::new(9, 10, Some(cell(8, 9))).focus, at(9, 10));
        assert_eq!(ChartState::new(9, 10, Some(ChartTarget::Tool(ToolIx::at(2)))).focus, at(0, 3));
        // A stale target outside the grid falls back rather than pointing nowhere.
        assert_eq!(ChartState::new(2, 2, Some(cell(8, 9))).focus, Pos::FIRST);
    }

    #[test]
    fn the_reducer_moves_filters_and_highlights() {
        let s = ChartState::new(9, 10, None);
        let s = reduce(s, ChartAction::Move(Step::Right));
        assert_eq!(s.focus, at(1, 2));
        let s = reduce(s, ChartAction::FocusAt(at(0, 0)));
        assert_eq!(s.focus, at(1, 2), "no button in the corner");
        let s = reduce(s, ChartAction::FocusAt(at(20, 1)));
        assert_eq!(s.focus, at(1, 2), "outside the grid");
        let s = reduce(s, ChartAction::SetFilter(TierFilter(Tier::Episode)));
        assert_eq!(s.filter, TierFilter(Tier::Episode));
        let s = reduce(s, ChartAction::SetHighlight(Highlight::Tool(ToolIx::at(3))));
        assert_eq!(s.highlight, Highlight::Tool(ToolIx::at(3)));
        let s = reduce(s, ChartAction::SetHighlight(Highlight::Tool(ToolIx::at(30))));
        assert_eq!(s.highlight, Highlight::Tool(ToolIx::at(3)), "an unknown tool is ignored");
    }

    #[test]
    fn a_move_into_an_edge_keeps_the_same_state() {
        let s = Rc::new(ChartState::new(9, 10, None)).reduce(ChartAction::Move(Step::Up));
        assert_eq!(s.focus, at(0, 1));
        let same = s.clone().reduce(ChartAction::Move(Step::Up));
        assert!(Rc::ptr_eq(&s, &same), "no re-render when focus can't move");
        let same = s.clone().reduce(ChartAction::Move(Step::Left));
        assert!(Rc::ptr_eq(&s, &same));
    }
}
