//! The content: the chart baked into the binary ([`CONTENT`]), and the rest ([`Data`]:
//! quiz, key points, timeline) loaded on demand. The types are in [`types`], shared with
//! the build script that validates `content/` and writes both.

pub mod types;

use std::borrow::Cow;

pub use types::*;

/// The chart, baked in at build time (`build/content/bake.rs`).
pub static CONTENT: Content = include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The on-demand data of this build, as `make dist` writes it beside the pages.
pub const DATA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data.json"));

impl Content {
    pub fn layer(&self, l: LayerIx) -> &Layer {
        &self.layers[l.get()]
    }

    pub fn tool(&self, t: ToolIx) -> &Tool {
        &self.tools[t.get()]
    }

    pub fn cell(&self, c: CellIx) -> &Cell {
        &self.cells[c.get()]
    }

    /// Every layer, top of the stack first.
    pub fn layer_ixs(&self) -> impl Iterator<Item = LayerIx> + use<> {
        (0..self.layers.len()).map(LayerIx::at)
    }

    /// Every tool, left to right.
    pub fn tool_ixs(&self) -> impl Iterator<Item = ToolIx> + use<> {
        (0..self.tools.len()).map(ToolIx::at)
    }

    /// The cell at (layer, tool), or `None` where no evidence was found.
    pub fn cell_at(&self, layer: LayerIx, tool: ToolIx) -> Option<&Cell> {
        if layer.get() >= self.layers.len() || tool.get() >= self.tools.len() {
            return None;
        }
        self.grid[layer.get() * self.tools.len() + tool.get()].map(|c| self.cell(c))
    }

    pub fn layer_ix(&self, id: &str) -> Option<LayerIx> {
        self.layers.iter().position(|l| l.id == id).map(LayerIx::at)
    }

    pub fn tool_ix(&self, id: &str) -> Option<ToolIx> {
        self.tools.iter().position(|t| t.id == id).map(ToolIx::at)
    }

    pub fn question_ix(&self, id: &str) -> Option<QuestionIx> {
        self.question_ids.iter().position(|q| q == id).map(QuestionIx::at)
    }

    pub fn event_ix(&self, id: &str) -> Option<EventIx> {
        self.event_ids.iter().position(|e| e == id).map(EventIx::at)
    }

    pub fn question_id(&self, q: QuestionIx) -> &str {
        self.question_ids.get(q.get()).map_or("", |s| s)
    }

    pub fn event_id(&self, e: EventIx) -> &str {
        self.event_ids.get(e.get()).map_or("", |s| s)
    }
}

impl Data {
    pub fn question(&self, q: QuestionIx) -> Option<&Question> {
        self.questions.get(q.get())
    }

    pub fn event(&self, e: EventIx) -> Option<&Event> {
        self.events.get(e.get())
    }

    pub fn section(&self, s: SectionIx) -> Option<&Section> {
        self.sections.get(s.get())
    }

    /// Checks data decoded at run time against the binary's content: the version, and
    /// every index in range (so the views may index freely). A file from another build, a
    /// truncated or a tampered one is refused with a sentence for the reader.
    pub fn check(&self, content: &Content) -> Result<(), &'static str> {
        if self.version != content.data_version {
            return Err("The quiz, key points and timeline data are from another version of this page.");
        }
        let broken = Err("The quiz, key points and timeline data are damaged.");
        let (nc, nq, ns) = (content.cells.len(), self.questions.len(), self.sections.len());
        if nq != content.question_ids.len()
            || self.events.len() != content.event_ids.len()
            || ns != content.section_ids.len()
            || ns == 0
        {
            return broken;
        }
        let cells_ok = |cells: &[CellIx]| cells.iter().all(|c| c.get() < nc);
        let claim_ok = |c: &Claim, sources: usize| !c.by.is_empty() && c.by.iter().all(|&b| (b as usize) < sources);
        for (i, q) in self.questions.iter().enumerate() {
            let n = q.sources.len();
            let sourced = q.options.iter().all(|o| claim_ok(&o.why, n));
            let episode_quote = q.sources.first().is_some_and(|s| s.tier == Tier::Episode && s.quote.is_some());
            if q.id != content.question_ids[i]
                || q.section.get() >= ns
                || q.correct as usize >= OPTION_COUNT
                || !cells_ok(&q.cells)
                || !sourced
                || !episode_quote
            {
                return broken;
            }
        }
        for (i, e) in self.events.iter().enumerate() {
            let n = e.sources.len();
            if e.id != content.event_ids[i]
                || !cells_ok(&e.cells)
                || e.questions.iter().any(|q| q.get() >= nq)
                || !claim_ok(&e.title, n)
                || !e.claims.iter().all(|c| claim_ok(c, n))
            {
                return broken;
            }
        }
        if self.points.iter().any(|p| p.section.get() >= ns || !cells_ok(&p.cells) || p.quote.quote.is_none()) {
            return broken;
        }
        Ok(())
    }

    /// An empty data set (nothing to ask, show or list).
    pub fn empty() -> Data {
        Data {
            version: Cow::Borrowed(""),
            sections: Cow::Borrowed(&[]),
            questions: Cow::Borrowed(&[]),
            points: Cow::Borrowed(&[]),
            events: Cow::Borrowed(&[]),
        }
    }
}

/// This build's on-demand data, decoded from the copy compiled in: for server rendering,
/// the export binary and tests. The widget loads `data.json` at run time instead
/// (`platform::data`); nothing the widget runs calls this, so the copy stays out of its
/// wasm.
pub fn build_data() -> &'static Data {
    #[cfg(not(target_arch = "wasm32"))]
    fn decode() -> Data {
        serde_json::from_str(DATA_JSON).expect("the build's own data.json decodes")
    }
    #[cfg(target_arch = "wasm32")]
    fn decode() -> Data {
        let value = js_sys::JSON::parse(DATA_JSON).expect("the build's own data.json parses");
        serde_wasm_bindgen::from_value(value).expect("the build's own data.json decodes")
    }
    thread_local! {
        static DATA: &'static Data = Box::leak(Box::new(decode()));
    }
    DATA.with(|d| *d)
}

/// The transcript and what the build knows about it (`OUT_DIR/episode.json`), decoded:
/// for the transcript page (`prerender transcript`) and tests. Native only: the transcript
/// text stays out of the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub fn episode() -> &'static Episode {
    const EPISODE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/episode.json"));
    thread_local! {
        static EPISODE: &'static Episode =
            Box::leak(Box::new(serde_json::from_str(EPISODE_JSON).expect("the build's own episode.json decodes")));
    }
    EPISODE.with(|e| *e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builds_data_matches_the_baked_content() {
        let data = build_data();
        assert_eq!(data.check(&CONTENT), Ok(()));
        assert_eq!(data.questions.len(), CONTENT.question_ids.len());
    }

    #[test]
    fn data_from_another_build_or_tampered_is_refused() {
        let mut data = build_data().clone();
        data.version = Cow::Borrowed("0000");
        assert!(data.check(&CONTENT).unwrap_err().contains("another version"));
        let mut data = build_data().clone();
        data.questions.to_mut()[0].correct = 9;
        assert!(data.check(&CONTENT).unwrap_err().contains("damaged"));
        let mut data = build_data().clone();
        data.questions.to_mut().pop();
        assert!(data.check(&CONTENT).is_err());
        let mut data = build_data().clone();
        data.events.to_mut()[0].cells.to_mut().push(CellIx::at(60_000));
        assert!(data.check(&CONTENT).is_err());
    }
}
