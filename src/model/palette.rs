//! Every colour of the widget, light and dark, defined once.
//!
//! - The stylesheets get them as custom properties from `www/palette.css`, which
//!   [`css`] writes (`make palette`; `tests/palette.rs` fails while the file and this
//!   module differ, and when another stylesheet defines a colour of its own with
//!   `light-dark()`).
//! - The images (`export::svg`: the chart's SVG and PNG, the poster, the link card) take
//!   the light values from here.
//!
//! Every text colour meets WCAG AA (4.5:1) on the backgrounds it is used on, in both
//! themes, and the four tier shades differ from each other and from the page
//! (`tests/palette.rs` computes the ratios).

use super::content::Tier;

/// A colour in the light and in the dark theme (`#rrggbb`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub light: &'static str,
    pub dark: &'static str,
}

const fn pair(light: &'static str, dark: &'static str) -> Pair {
    Pair { light, dark }
}

/// The widget's background.
pub const BG: Pair = pair("#ffffff", "#15171a");
/// Body text.
pub const FG: Pair = pair("#1b1d21", "#eceef1");
/// Secondary text (captions, notes), still AA on [`BG`] and [`SURFACE`].
pub const MUTED: Pair = pair("#4a5059", "#b4bac3");
/// Header cells, panels.
pub const SURFACE: Pair = pair("#f3f5f8", "#1f2226");
/// Figures' chips.
pub const SURFACE_2: Pair = pair("#e6eaf0", "#2a2e34");
/// Lines and frames.
pub const BORDER: Pair = pair("#b9bfc8", "#4a5059");
/// Links and buttons.
pub const ACCENT: Pair = pair("#0a56a6", "#8cc2ff");
/// Text on [`ACCENT`].
pub const ACCENT_FG: Pair = pair("#ffffff", "#0d1117");
/// The focus ring.
pub const FOCUS: Pair = pair("#b3261e", "#ffb4a9");
/// A right answer.
pub const GOOD: Pair = pair("#1d6b34", "#7fdc9a");
/// A wrong answer, errors.
pub const BAD: Pair = pair("#a3211a", "#ffaaa3");
/// Notices.
pub const WARN_BG: Pair = pair("#fff4d6", "#3a3214");
/// The highlight's frame round a row or column of the chart.
pub const HIGHLIGHT: Pair = pair("#1b1d21", "#eceef1");
/// The stripes of a cell with no evidence found.
pub const HATCH: Pair = pair("#dde1e7", "#2a2e34");
/// The transcript page: the background of a line the explainer quotes.
pub const CITED: Pair = pair("#eaf1fa", "#1c2633");
/// The transcript page: the background of the lines a link opened, and their mark.
pub const TARGET: Pair = pair("#ffe68f", "#3d3100");
pub const TARGET_MARK: Pair = pair("#8a5a00", "#ffcf4d");

/// The band across the top of the poster and the link card (images only; white text).
pub const BAND: &str = "#0b3a6e";

/// How a tier of evidence is shaded: the cell's fill, its text, and the frame of its
/// swatches and source lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierColours {
    pub fill: Pair,
    pub fg: Pair,
    pub border: Pair,
}

/// The shading of `tier`: strongest darkest in the light theme, brightest in the dark one.
/// Each tier also has a letter, so nothing rests on colour alone.
pub const fn tier(tier: Tier) -> TierColours {
    match tier {
        Tier::Episode => TierColours {
            fill: pair("#0a56a6", "#5aa8ff"),
            fg: pair("#ffffff", "#0d1117"),
            border: pair("#0a56a6", "#5aa8ff"),
        },
        Tier::Report => TierColours {
            fill: pair("#5b8fd0", "#336bb0"),
            fg: pair("#0d1117", "#ffffff"),
            border: pair("#5b8fd0", "#336bb0"),
        },
        Tier::Outside => {
            TierColours { fill: pair("#c9daf0", "#26476e"), fg: pair("#0d1117", "#ffffff"), border: MUTED }
        }
        Tier::Reconstruction => TierColours { fill: pair("#eef1f5", "#23272c"), fg: FG, border: MUTED },
    }
}

/// Every custom property of `www/palette.css`, in order: name (without `--`), colours.
pub fn properties() -> Vec<(String, Pair)> {
    let mut out: Vec<(String, Pair)> = [
        ("bg", BG),
        ("fg", FG),
        ("muted", MUTED),
        ("surface", SURFACE),
        ("surface-2", SURFACE_2),
        ("border", BORDER),
        ("accent", ACCENT),
        ("accent-fg", ACCENT_FG),
        ("focus", FOCUS),
        ("good", GOOD),
        ("bad", BAD),
        ("warn-bg", WARN_BG),
        ("hl", HIGHLIGHT),
        ("hatch", HATCH),
        ("cited-bg", CITED),
        ("target-bg", TARGET),
        ("target-mark", TARGET_MARK),
    ]
    .into_iter()
    .map(|(n, p)| (n.to_string(), p))
    .collect();
    for t in Tier::ALL {
        let c = tier(t);
        out.push((format!("tier-{}", t.id()), c.fill));
        out.push((format!("tier-{}-fg", t.id()), c.fg));
        out.push((format!("tier-{}-border", t.id()), c.border));
    }
    out
}

/// The `@supports` condition of engines that have `light-dark()` (Chrome 123, Firefox
/// 120, Safari 17.5 and later).
pub const SUPPORTS: &str = "(color: light-dark(#000, #fff))";

/// The text of `www/palette.css`.
pub fn css() -> String {
    let props = properties();
    let block = |selector: &str, indent: &str, value: &dyn Fn(Pair) -> String| {
        let mut s = format!("{indent}{selector} {{\n");
        for (name, p) in &props {
            s.push_str(&format!("{indent}  --{name}: {};\n", value(*p)));
        }
        s.push_str(&format!("{indent}}}\n"));
        s
    };
    let light = |p: Pair| p.light.to_string();
    let dark = |p: Pair| p.dark.to_string();
    let both = |p: Pair| format!("light-dark({}, {})", p.light, p.dark);
    let mut css = String::from(
        "/* GENERATED from src/model/palette.rs by `make palette`: do not edit. Change palette.rs,\n \
         * run `make palette`, commit both (tests/palette.rs fails while they differ).\n \
         *\n \
         * Every colour of the widget, as custom properties on .fs. Engines with light-dark()\n \
         * (Chrome 123, Firefox 120, Safari 17.5 and later) take each pair and follow the\n \
         * color-scheme style.css sets (data-theme=\"light\" or \"dark\" forces it, \"auto\" follows\n \
         * the system). An older engine would keep a custom property holding light-dark() and\n \
         * fail only where it is used (transparent backgrounds, black text), so the pairs are\n \
         * given only where @supports says light-dark() works. Elsewhere the light values apply,\n \
         * and the dark ones through prefers-color-scheme or data-theme=\"dark\". */\n\n",
    );
    css.push_str("/* Every engine: the light theme. */\n");
    css.push_str(&block(".fs", "", &light));
    css.push_str(&format!("\n@supports {SUPPORTS} {{\n"));
    css.push_str(&block(".fs", "  ", &both));
    css.push_str("}\n\n");
    css.push_str("/* Engines without light-dark(): the dark theme by the system's setting or by data-theme. */\n");
    css.push_str(&format!("@supports not {SUPPORTS} {{\n  @media (prefers-color-scheme: dark) {{\n"));
    css.push_str(&block(".fs:not([data-theme=\"light\"])", "    ", &dark));
    css.push_str("  }\n");
    css.push_str(&block(".fs[data-theme=\"dark\"]", "  ", &dark));
    css.push_str("  @media print {\n");
    css.push_str(&block(".fs, .fs[data-theme]", "    ", &light));
    css.push_str("  }\n}\n\n");
    css.push_str("/* The standalone page around the widget (page.css): follows the system. */\n");
    css.push_str(&format!(":root {{ --page-bg: {}; }}\n", BG.light));
    css.push_str(&format!("@media (prefers-color-scheme: dark) {{\n  :root {{ --page-bg: {}; }}\n}}\n", BG.dark));
    css
}

/// Relative luminance of a `#rrggbb` colour (WCAG 2.2).
pub fn luminance(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    let channel = |i: usize| {
        let c = u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

/// The WCAG contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}
