//! The matrix as a standalone SVG image, drawn from the same data as the chart.
//!
//! Pure and deterministic (integer coordinates, no clock, no randomness), with no
//! external fonts, images or links, so the same function serves the browser's
//! "Download image" (SVG, and PNG via a canvas) and the native poster generator
//! (rendered with resvg). Every piece of text is XML-escaped.

use crate::model::chart::{Evidence, TierFilter};
use crate::model::content::{Content, LayerIx, Tier, ToolIx};
use crate::model::palette;

/// Width of the image in pixels.
pub const WIDTH: u32 = 1200;

const MARGIN: u32 = 32;
const LABEL_W: u32 = 196;
const HEAD_H: u32 = 60;
const ROW_H: u32 = 54;
pub(crate) const FONT: &str = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif";

// The light palette of the widget (`model::palette`).
const INK: &str = palette::FG.light;
const MUTED: &str = palette::MUTED.light;
const GRID: &str = palette::BORDER.light;
const SURFACE: &str = palette::SURFACE.light;
const PAPER: &str = palette::BG.light;
const HATCH: &str = palette::HATCH.light;
const BAND: &str = palette::BAND;

/// A coloured band across the top with a title and a call to action (for posters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band<'a> {
    pub title: &'a str,
    pub call_to_action: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct SvgOptions<'a> {
    /// A title and call-to-action band on top; without it, a plain heading.
    pub band: Option<Band<'a>>,
    /// Which evidence to draw (everything by default).
    pub filter: TierFilter,
}

/// Fill and text colour for a tier's shading (the light palette of the widget).
pub fn tier_colours(tier: Tier) -> (&'static str, &'static str) {
    let c = palette::tier(tier);
    (c.fill.light, c.fg.light)
}

/// The dashed frame of an inference's cell and swatch (its tier's border colour).
fn dashed_frame(tier: Tier, width: &str) -> String {
    if tier == Tier::Reconstruction {
        let border = palette::tier(tier).border.light;
        format!(" stroke=\"{border}\" stroke-width=\"{width}\" stroke-dasharray=\"4 3\"")
    } else {
        String::new()
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Approximate advance width of `text` at `size` px (no font metrics here: a fixed
/// per-character estimate, generous so lines don't overflow in common sans fonts).
pub(crate) fn text_width(text: &str, size: u32, bold: bool) -> u32 {
    let per_mille: u32 = if bold { 600 } else { 560 };
    let n = text.chars().count() as u32;
    n * size * per_mille / 1000
}

/// Greedy word wrap to `max` px.
pub fn wrap(text: &str, size: u32, bold: bool, max: u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if line.is_empty() {
            line.push_str(word);
        } else {
            let candidate_w =
                text_width(&line, size, bold) + text_width(" ", size, bold) + text_width(word, size, bold);
            if candidate_w <= max {
                line.push(' ');
                line.push_str(word);
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

pub(crate) struct Out(pub(crate) String);

impl Out {
    pub(crate) fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }
    pub(crate) fn num(&mut self, n: u32) {
        self.0.push_str(&n.to_string());
    }
    pub(crate) fn attr(&mut self, name: &str, value: u32) {
        self.raw(" ");
        self.raw(name);
        self.raw("=\"");
        self.num(value);
        self.raw("\"");
    }
    pub(crate) fn rect(&mut self, x: u32, y: u32, w: u32, h: u32, extra: &str) {
        self.raw("<rect");
        self.attr("x", x);
        self.attr("y", y);
        self.attr("width", w);
        self.attr("height", h);
        self.raw(" ");
        self.raw(extra);
        self.raw("/>\n");
    }
    /// One line of text; `anchor` is "start", "middle" or "end".
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text(&mut self, x: u32, y: u32, size: u32, bold: bool, fill: &str, anchor: &str, text: &str) {
        self.raw("<text");
        self.attr("x", x);
        self.attr("y", y);
        self.attr("font-size", size);
        if bold {
            self.raw(" font-weight=\"700\"");
        }
        self.raw(" fill=\"");
        self.raw(fill);
        self.raw("\"");
        if anchor != "start" {
            self.raw(" text-anchor=\"");
            self.raw(anchor);
            self.raw("\"");
        }
        self.raw(">");
        self.raw(&escape(text));
        self.raw("</text>\n");
    }
    /// Wrapped lines from baseline `y`; returns the y below the last line.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn para(&mut self, x: u32, y: u32, size: u32, bold: bool, fill: &str, max: u32, text: &str) -> u32 {
        let lead = size * 13 / 10;
        let mut y = y;
        for line in wrap(text, size, bold, max) {
            self.text(x, y, size, bold, fill, "start", &line);
            y += lead;
        }
        y
    }
}

/// The pattern of a cell with no evidence found (`url(#nf)`), inside `<defs>`.
pub(crate) fn hatch_pattern() -> String {
    format!(
        "<pattern id=\"nf\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"8\" height=\"8\" fill=\"{PAPER}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"{HATCH}\" stroke-width=\"3\"/></pattern>"
    )
}

/// The matrix as an SVG document, `WIDTH` px wide.
#[inline(never)] // called from two download buttons: keep one copy in the wasm
pub fn matrix_svg(content: &Content, options: &SvgOptions<'_>) -> String {
    let inner = WIDTH - 2 * MARGIN;
    let ncols = content.tools.len().max(1) as u32;
    let col_w = (inner - LABEL_W) / ncols;
    let table_w = LABEL_W + col_w * ncols;

    let mut o = Out(String::with_capacity(32 * 1024));
    let mut y;

    // Everything is drawn into `body`, then wrapped once the height is known.
    let mut body = Out(String::with_capacity(32 * 1024));
    match options.band {
        Some(band) => {
            let title = wrap(band.title, 34, true, inner);
            let cta = wrap(band.call_to_action, 20, false, inner);
            let h = 28 + title.len() as u32 * 42 + cta.len() as u32 * 28 + 18;
            body.rect(0, 0, WIDTH, h, &format!("fill=\"{BAND}\""));
            y = 28 + 34;
            for l in &title {
                body.text(MARGIN, y, 34, true, PAPER, "start", l);
                y += 42;
            }
            y += 2;
            for l in &cta {
                body.text(MARGIN, y, 20, false, PAPER, "start", l);
                y += 28;
            }
            y = h + 36;
        }
        None => {
            y = MARGIN + 24;
            y = body.para(MARGIN, y, 26, true, INK, inner, "China\u{2019}s industrial policy across the AI tech stack")
                + 4;
        }
    }
    let mut caption = String::from(
        "A reconstruction after RAND\u{2019}s Full Stack (2025), not RAND\u{2019}s own figure. Layers of the AI tech stack from top to bottom, Beijing\u{2019}s policy tools from left to right.",
    );
    if !options.filter.is_everything() {
        caption.push_str(" Showing: ");
        caption.push_str(options.filter.label());
        caption.push('.');
    }
    y = body.para(MARGIN, y, 16, false, MUTED, inner, &caption) + 8;

    // Header row.
    let top = y;
    body.rect(MARGIN, top, table_w, HEAD_H, &format!("fill=\"{SURFACE}\""));
    body.text(MARGIN + 10, top + HEAD_H / 2 + 5, 14, true, INK, "start", "Layer \u{2193} / Tool \u{2192}");
    for (t, tool) in content.tools.iter().enumerate() {
        let x = MARGIN + LABEL_W + col_w * t as u32;
        let lines = wrap(&tool.short, 14, true, col_w - 8);
        let n = lines.len() as u32;
        let mut ly = top + HEAD_H / 2 + 5 + 8 - n * 9;
        for l in lines {
            body.text(x + col_w / 2, ly, 14, true, INK, "middle", &l);
            ly += 18;
        }
    }

    // Rows: top of the stack first.
    for (l, layer) in content.layers.iter().enumerate() {
        let ry = top + HEAD_H + ROW_H * l as u32;
        body.rect(MARGIN, ry, LABEL_W, ROW_H, &format!("fill=\"{SURFACE}\""));
        let lines = wrap(&layer.name, 15, true, LABEL_W - 16);
        let n = lines.len() as u32;
        let mut ly = ry + ROW_H / 2 + 5 - (n - 1) * 9;
        for line in lines {
            body.text(MARGIN + 10, ly, 15, true, INK, "start", &line);
            ly += 18;
        }
        for t in 0..content.tools.len() {
            let x = MARGIN + LABEL_W + col_w * t as u32;
            match Evidence::of(content, LayerIx::at(l), ToolIx::at(t), options.filter) {
                Evidence::Shown { count, tier, .. } => {
                    let (fill, fg) = tier_colours(tier);
                    let stroke = dashed_frame(tier, "1.5");
                    body.rect(x + 4, ry + 4, col_w - 8, ROW_H - 8, &format!("fill=\"{fill}\" rx=\"4\"{stroke}"));
                    body.text(x + col_w / 2 - 8, ry + ROW_H / 2 + 8, 22, true, fg, "middle", &count.to_string());
                    body.text(x + col_w / 2 + 14, ry + ROW_H / 2 + 7, 14, true, fg, "middle", tier.mark());
                }
                Evidence::Filtered { .. } => {
                    body.text(x + col_w / 2, ry + ROW_H / 2 + 9, 30, true, MUTED, "middle", "\u{00b7}");
                }
                Evidence::NotFound => {
                    body.rect(x + 4, ry + 4, col_w - 8, ROW_H - 8, "fill=\"url(#nf)\" rx=\"4\"");
                    body.text(x + col_w / 2, ry + ROW_H / 2 + 6, 16, false, MUTED, "middle", "?");
                }
            }
        }
    }
    let bottom = top + HEAD_H + ROW_H * content.layers.len() as u32;
    // Grid lines.
    body.raw(&format!("<g stroke=\"{GRID}\" stroke-width=\"1\">\n"));
    for l in 0..=content.layers.len() as u32 {
        let ly = top + HEAD_H + ROW_H * l;
        body.raw(&format!("<line x1=\"{MARGIN}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\"/>\n", MARGIN + table_w));
    }
    body.raw(&format!("<line x1=\"{MARGIN}\" y1=\"{top}\" x2=\"{}\" y2=\"{top}\"/>\n", MARGIN + table_w));
    for c in 0..=ncols {
        let lx = if c == 0 { MARGIN } else { MARGIN + LABEL_W + col_w * c };
        body.raw(&format!("<line x1=\"{lx}\" y1=\"{top}\" x2=\"{lx}\" y2=\"{bottom}\"/>\n"));
    }
    body.raw(&format!("<line x1=\"{0}\" y1=\"{top}\" x2=\"{0}\" y2=\"{bottom}\"/>\n</g>\n", MARGIN + LABEL_W));

    // Legend: flows left to right, wrapping.
    y = bottom + 32;
    let mut x = MARGIN;
    let item = |o: &mut Out, x: &mut u32, y: &mut u32, swatch: &dyn Fn(&mut Out, u32, u32), label: &str| {
        let w = 30 + text_width(label, 15, false) + 24;
        if *x + w > MARGIN + inner {
            *x = MARGIN;
            *y += 32;
        }
        swatch(o, *x, *y - 17);
        o.text(*x + 30, *y, 15, false, INK, "start", label);
        *x += w;
    };
    for tier in Tier::ALL {
        let (fill, fg) = tier_colours(tier);
        let stroke = dashed_frame(tier, "1");
        let swatch = move |o: &mut Out, sx: u32, sy: u32| {
            o.rect(sx, sy, 22, 22, &format!("fill=\"{fill}\" rx=\"3\"{stroke}"));
            o.text(sx + 11, sy + 16, 13, true, fg, "middle", tier.mark());
        };
        item(&mut body, &mut x, &mut y, &swatch, tier.label());
    }
    let nf = |o: &mut Out, sx: u32, sy: u32| {
        o.rect(sx, sy, 22, 22, &format!("fill=\"url(#nf)\" rx=\"3\" stroke=\"{GRID}\""));
        o.text(sx + 11, sy + 16, 13, false, MUTED, "middle", "?");
    };
    item(&mut body, &mut x, &mut y, &nf, "No evidence found (not a claim that none exists)");
    if !options.filter.is_everything() {
        let dot = |o: &mut Out, sx: u32, sy: u32| {
            o.rect(sx, sy, 22, 22, &format!("fill=\"{PAPER}\" rx=\"3\" stroke=\"{GRID}\""));
            o.text(sx + 11, sy + 16, 13, false, MUTED, "middle", "\u{00b7}");
        };
        item(&mut body, &mut x, &mut y, &dot, "Evidence hidden by the filter");
    }
    y += 30;
    y = body.para(
        MARGIN,
        y,
        15,
        false,
        INK,
        inner,
        "The number in a cell counts its programs and examples; the letter and the shade give its strongest source.",
    );
    y += 6;
    y = body.para(
        MARGIN,
        y,
        13,
        false,
        MUTED,
        inner,
        "Sources: RAND, Full Stack: China\u{2019}s Evolving Industrial Policy for AI (Kyle Chan et al., June 26, 2025); AI Policy Podcast (CSIS), Gregory C. Allen with Kyle Chan; outside sources listed in the interactive version.",
    );
    let height = y + MARGIN - 8;

    o.raw("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    o.attr("width", WIDTH);
    o.attr("height", height);
    o.raw(&format!(" viewBox=\"0 0 {WIDTH} {height}\" font-family=\"{FONT}\">\n"));
    o.raw("<title>China\u{2019}s industrial policy across the AI tech stack: a reconstruction after RAND\u{2019}s Full Stack (2025)</title>\n");
    o.raw("<desc>A matrix of the layers of the AI tech stack (rows, physical applications at the top, semiconductors at the bottom) against industrial-policy tools (columns). Each evidenced cell shows its number of programs and examples and a letter for its strongest source.</desc>\n");
    o.raw(&format!("<defs>{}</defs>\n", hatch_pattern()));
    o.rect(0, 0, WIDTH, height, &format!("fill=\"{PAPER}\""));
    o.raw(&body.0);
    o.raw("</svg>\n");
    o.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CONTENT;

    fn opts() -> SvgOptions<'static> {
        SvgOptions::default()
    }

    #[test]
    fn it_is_deterministic_and_names_every_layer_and_tool() {
        let a = matrix_svg(&CONTENT, &opts());
        assert_eq!(a, matrix_svg(&CONTENT, &opts()));
        assert!(a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\""));
        for l in CONTENT.layers.iter() {
            // Long names may wrap: every word is drawn.
            for w in l.name.split_whitespace() {
                assert!(a.contains(&escape(w)), "layer {} word {w}", l.id);
            }
        }
        for t in CONTENT.tools.iter() {
            for w in t.short.split_whitespace() {
                assert!(a.contains(&escape(w)), "tool {} word {w}", t.id);
            }
        }
        assert!(a.contains("reconstruction after RAND"));
    }

    #[test]
    fn it_draws_one_mark_per_evidenced_cell_and_one_question_mark_per_empty_one() {
        let a = matrix_svg(&CONTENT, &opts());
        let evidenced = CONTENT.cells.len();
        let empty = CONTENT.layers.len() * CONTENT.tools.len() - evidenced;
        // The "?" texts in cells, plus one in the legend.
        assert_eq!(a.matches(">?</text>").count(), empty + 1);
        assert_eq!(a.matches("fill=\"url(#nf)\"").count(), empty + 1);
        let marks: usize = Tier::ALL.iter().map(|t| a.matches(&format!(">{}</text>", t.mark())).count()).sum();
        assert_eq!(marks, evidenced + 4, "a letter per cell plus the legend's four");
    }

    #[test]
    fn the_filter_removes_weaker_cells_and_says_so() {
        let all = matrix_svg(&CONTENT, &opts());
        let ep = matrix_svg(&CONTENT, &SvgOptions { filter: TierFilter(Tier::Episode), ..opts() });
        assert!(ep.contains("Showing: Only what was said in the episode."));
        assert!(!all.contains("Showing:"));
        assert!(ep.matches(">I</text>").count() == 1, "only the legend's inference mark remains");
    }

    #[test]
    fn the_band_carries_title_and_call_to_action_escaped() {
        let band = Band {
            title: "Where Beijing\u{2019}s tools <meet> the stack",
            call_to_action: "Explore it & take the quiz: example.org/fs?a=1&b=2",
        };
        let s = matrix_svg(&CONTENT, &SvgOptions { band: Some(band), ..opts() });
        assert!(s.contains("&lt;meet&gt;"));
        assert!(s.contains("example.org/fs?a=1&amp;b=2"));
        assert!(!s.contains("<meet>"));
        assert!(s.contains(&format!("fill=\"{BAND}\"")), "band drawn");
        let plain = matrix_svg(&CONTENT, &opts());
        assert!(!plain.contains(BAND));
    }

    #[test]
    fn it_is_well_formed_with_no_external_references() {
        let s = matrix_svg(&CONTENT, &SvgOptions { band: Some(Band { title: "T", call_to_action: "C" }), ..opts() });
        // No external resources: no href at all, no url() except the local pattern.
        assert!(!s.contains("href"));
        assert!(!s.contains("@import"));
        assert_eq!(s.matches("http").count(), 1, "the only URL is the SVG namespace");
        assert_eq!(s.matches("url(").count(), s.matches("url(#nf)").count());
        // Tags balance (a cheap well-formedness check: every open tag closes).
        let opens = s.matches("<text").count();
        assert_eq!(opens, s.matches("</text>").count());
        assert_eq!(s.matches("<svg").count(), 1);
        assert!(s.trim_end().ends_with("</svg>"));
        // Height is declared and everything drawn lies inside it.
        let h: u32 = s.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        let max_y = s.split(" y=\"").skip(1).filter_map(|p| p.split('"').next()?.parse::<u32>().ok()).max().unwrap();
        assert!(max_y < h, "text at y={max_y} is outside the {h}px image");
    }

    #[test]
    fn escape_handles_markup_and_control_characters() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }

    #[test]
    fn wrap_keeps_lines_within_the_width() {
        let lines = wrap("Research and development of very long layer names", 15, true, 180);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(text_width(l, 15, true) <= 180 || !l.contains(' '), "{l}");
        }
        assert_eq!(lines.join(" "), "Research and development of very long layer names");
    }
}
