//! The link card: the image platforms show beside a shared link (`og:image`,
//! `twitter:image`, the oEmbed thumbnail), 1200×630 px, drawn from the same chart data as
//! the widget. Platforms show it about 500 px wide, so everything on it is large: the
//! title, the layers' names, the counts, a short key and the call to action. The tools'
//! names are left off (ten of them would be too small to read: the subtitle says the
//! columns are Beijing's policy tools); the caption says the chart is a reconstruction
//! after RAND's, not its figure.

use super::svg::{escape, hatch_pattern, text_width, wrap, Out, FONT};
use crate::model::chart::{Evidence, TierFilter};
use crate::model::content::{Content, LayerIx, Tier, ToolIx};
use crate::model::palette;

/// Width and height of the card, in pixels (what Open Graph and X ask for).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The smallest text on the card, in pixels: about 10 px where platforms show it.
pub const MIN_FONT: u32 = 20;

const INK: &str = palette::FG.light;
const MUTED: &str = palette::MUTED.light;
const PAPER: &str = palette::BG.light;
const ACCENT: &str = palette::ACCENT.light;
const BAND: &str = palette::BAND;

/// The words on the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardText<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub call_to_action: &'a str,
    /// Where to go (`example.org/full-stack`), if known.
    pub place: Option<&'a str>,
}

/// The key's short labels (the card has no room for the widget's long ones).
fn short_label(tier: Tier) -> &'static str {
    match tier {
        Tier::Episode => "Said in the episode",
        Tier::Report => "Report text",
        Tier::Outside => "Outside source",
        Tier::Reconstruction => "Our inference",
    }
}

/// The card as an SVG document, `WIDTH` × `HEIGHT`.
pub fn card_svg(content: &Content, text: &CardText<'_>) -> String {
    let mut o = Out(String::with_capacity(16 * 1024));
    o.raw(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FONT}\">\n"
    ));
    o.raw(&format!("<title>{}</title>\n", escape(text.title)));
    o.raw(&format!("<defs>{}</defs>\n", hatch_pattern()));
    o.rect(0, 0, WIDTH, HEIGHT, &format!("fill=\"{PAPER}\""));

    // The band: title and subtitle.
    let margin = 40;
    o.rect(0, 0, WIDTH, 134, &format!("fill=\"{BAND}\""));
    let title_size = fit(text.title, 46, true, WIDTH - 2 * margin);
    o.text(margin, 64, title_size, true, PAPER, "start", text.title);
    let subtitle_size = fit(text.subtitle, 26, false, WIDTH - 2 * margin);
    o.text(margin, 108, subtitle_size, false, PAPER, "start", text.subtitle);

    // The matrix: layers' names, then a tile per tool, shaded by its strongest source.
    let (top, bottom) = (162, 580);
    let (label_x, tiles_x, tiles_w) = (margin, 360, 500);
    let rows = content.layers.len().max(1) as u32;
    let cols = content.tools.len().max(1) as u32;
    let row_h = ((bottom - top) / rows).min(48);
    let col_w = (tiles_w / cols).min(56);
    let (tile_w, tile_h) = (col_w.saturating_sub(5).max(1), row_h.saturating_sub(5).max(1));
    let label_size = content
        .layers
        .iter()
        .map(|l| fit(&l.name, 24, false, tiles_x - label_x - 16))
        .min()
        .unwrap_or(24)
        .max(MIN_FONT);
    let count_size = (tile_h * 45 / 100).clamp(12, 22);
    for (l, layer) in content.layers.iter().enumerate() {
        let y = top + row_h * l as u32;
        o.text(label_x, y + tile_h / 2 + label_size * 35 / 100, label_size, false, INK, "start", &layer.name);
        for t in 0..content.tools.len() {
            let x = tiles_x + col_w * t as u32;
            match Evidence::of(content, LayerIx::at(l), ToolIx::at(t), TierFilter::default()) {
                Evidence::Shown { count, tier, .. } => {
                    let c = palette::tier(tier);
                    let frame = if tier == Tier::Reconstruction {
                        format!(" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"", c.border.light)
                    } else {
                        String::new()
                    };
                    o.rect(x, y, tile_w, tile_h, &format!("fill=\"{}\" rx=\"4\"{frame}", c.fill.light));
                    let baseline = y + tile_h / 2 + count_size * 35 / 100;
                    o.text(x + tile_w / 2, baseline, count_size, true, c.fg.light, "middle", &count.to_string());
                }
                _ => o.rect(x, y, tile_w, tile_h, "fill=\"url(#nf)\" rx=\"4\""),
            }
        }
    }
    // What the card shows, and that it is not RAND's own figure.
    let caption = "A reconstruction after RAND\u{2019}s Full Stack (2025), not RAND\u{2019}s figure".to_string();
    o.text(
        label_x,
        bottom + 34,
        fit(&caption, 22, false, tiles_x + tiles_w - label_x),
        false,
        MUTED,
        "start",
        &caption,
    );

    // The key, then the call to action.
    let key_x = 880;
    let key_w = WIDTH - key_x - margin;
    o.text(key_x, top + 22, 22, true, INK, "start", "Strongest source");
    let mut y = top + 42;
    for tier in Tier::ALL {
        let c = palette::tier(tier);
        let dashed = if tier == Tier::Reconstruction {
            format!(" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"", c.border.light)
        } else {
            String::new()
        };
        o.rect(key_x, y, 30, 30, &format!("fill=\"{}\" rx=\"4\"{dashed}", c.fill.light));
        o.text(
            key_x + 42,
            y + 23,
            fit(short_label(tier), 22, false, key_w - 42),
            false,
            INK,
            "start",
            short_label(tier),
        );
        y += 40;
    }
    o.rect(key_x, y, 30, 30, "fill=\"url(#nf)\" rx=\"4\"");
    o.text(key_x + 42, y + 23, fit("None found", 22, false, key_w - 42), false, INK, "start", "None found");
    y += 76;
    for line in wrap(text.call_to_action, 26, true, key_w) {
        o.text(key_x, y, 26, true, ACCENT, "start", &line);
        y += 34;
    }
    if let Some(place) = text.place {
        o.text(key_x, y + 4, fit(place, 22, false, key_w), false, INK, "start", place);
    }
    o.raw("</svg>\n");
    o.0
}

/// The largest size up to `size` (and no smaller than [`MIN_FONT`]) at which `text` fits
/// on one line of `max` px.
fn fit(text: &str, size: u32, bold: bool, max: u32) -> u32 {
    (MIN_FONT..=size).rev().find(|s| text_width(text, *s, bold) <= max).unwrap_or(MIN_FONT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CONTENT;

    const TEXT: CardText<'static> = CardText {
        title: "Full Stack: China\u{2019}s industrial policy for AI",
        subtitle: "Where Beijing\u{2019}s policy tools reach across the AI tech stack, layer by layer",
        call_to_action: "Explore the chart and take the quiz",
        place: Some("example.org/full-stack"),
    };

    /// Every `<text>` element: (font size, x, its text), and whether it is bold and
    /// starts at x (rather than being centred on it).
    fn texts_with_style(svg: &str) -> Vec<(u32, u32, u32, String, bool, bool)> {
        svg.split("<text")
            .skip(1)
            .map(|t| {
                let num = |name: &str| -> u32 {
                    t.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
                };
                let head = t.split('>').next().unwrap();
                let body = t.split('>').nth(1).unwrap().split("</text").next().unwrap().to_string();
                (
                    num("font-size"),
                    num("x"),
                    num("y"),
                    body,
                    head.contains("font-weight"),
                    !head.contains("text-anchor"),
                )
            })
            .collect()
    }

    fn texts(svg: &str) -> Vec<(u32, u32, String)> {
        texts_with_style(svg).into_iter().map(|(s, x, _, t, _, _)| (s, x, t)).collect()
    }

    #[test]
    fn the_card_is_1200_by_630_and_says_what_it_is_in_large_type() {
        let svg = card_svg(&CONTENT, &TEXT);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""));
        let texts = texts(&svg);
        for (size, _, t) in &texts {
            assert!(*size >= MIN_FONT || t.chars().all(|c| c.is_ascii_digit()), "{t:?} at {size}px");
        }
        let all: String = texts.iter().map(|(_, _, t)| t.as_str()).collect::<Vec<_>>().join("|");
        assert!(all.contains("Full Stack: China\u{2019}s industrial policy for AI"));
        assert!(all.contains("Explore the chart"), "{all}");
        assert!(all.contains("reconstruction after RAND"), "never RAND's own figure: {all}");
        assert!(all.contains("example.org/full-stack"));
        for layer in CONTENT.layers.iter() {
            assert!(all.contains(&*escape(&layer.name)), "{}", layer.name);
        }
        // Nothing runs off the right edge, nor into the key (by the width estimate the
        // wrapping uses, which is generous for Liberation Sans).
        for (size, x, y, t, bold, start) in texts_with_style(&svg) {
            let end = x + if start { text_width(&t, size, bold) } else { 0 };
            // Below the band, the matrix's texts stop short of the key.
            let limit = if x < 870 && y > 134 { 870 } else { WIDTH - 40 };
            assert!(end <= limit, "{t:?} at {size}px ends at {end}px, beyond {limit}");
        }
    }

    #[test]
    fn a_tile_per_cell_shaded_by_its_tier_and_the_counts_of_the_chart() {
        let svg = card_svg(&CONTENT, &TEXT);
        let tiles = CONTENT.layers.len() * CONTENT.tools.len();
        let shaded: usize = Tier::ALL
            .iter()
            .map(|t| svg.matches(&format!("fill=\"{}\" rx=\"4\"", palette::tier(*t).fill.light)).count())
            .sum();
        let empty = svg.matches("fill=\"url(#nf)\" rx=\"4\"").count();
        // The key has one swatch per tier and one for none.
        assert_eq!(shaded + empty, tiles + 5);
        assert_eq!(shaded - 4, CONTENT.cells.len(), "a shaded tile per evidenced cell");
        let counts: usize = CONTENT.cells.iter().map(|c| c.entries.len()).sum();
        let drawn: usize = texts(&svg)
            .iter()
            .filter(|(_, x, t)| *x < 870 && t.chars().all(|c| c.is_ascii_digit()) && !t.is_empty())
            .map(|(_, _, t)| t.parse::<usize>().unwrap())
            .sum();
        assert_eq!(drawn, counts, "the tiles' counts add up to the chart's entries");
    }
}
