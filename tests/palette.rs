//! The palette is defined once (`src/model/palette.rs`): `www/palette.css` is generated
//! from it, no other stylesheet defines a colour of the palette, the images use it, and
//! its colours are readable in both themes.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use full_stack::model::palette::{self, contrast, luminance, Pair};
use full_stack::model::Tier;

fn www(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www").join(file)).unwrap()
}

/// The hand-written stylesheets (everything in www/ but the generated palette).
fn stylesheets() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".css") && n != "palette.css")
        .map(|n| {
            let text = without_comments(&www(&n));
            (n, text)
        })
        .collect();
    out.sort();
    assert!(out.len() >= 5, "found the stylesheets: {:?}", out.iter().map(|(n, _)| n).collect::<Vec<_>>());
    out
}

/// CSS without its comments.
fn without_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn palette_css_is_what_palette_rs_generates() {
    let file = www("palette.css");
    let generated = palette::css();
    if file != generated {
        let line = file.lines().zip(generated.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
        panic!(
            "www/palette.css differs from src/model/palette.rs (first at line {line}): run `make palette` \
             (edit palette.rs, never palette.css)\n--- www/palette.css\n{}\n--- palette.rs\n{}",
            file.lines().nth(line.saturating_sub(1)).unwrap_or(""),
            generated.lines().nth(line.saturating_sub(1)).unwrap_or("")
        );
    }
}

#[test]
fn every_light_dark_pair_has_a_fallback_before_it() {
    let css = palette::css();
    let first_pair = css.find("light-dark(#").expect("the light-dark() form");
    let supports = css.find(&format!("@supports {}", palette::SUPPORTS)).unwrap();
    assert!(supports < first_pair, "every light-dark() sits inside @supports");
    for (name, p) in palette::properties() {
        let light = format!("--{name}: {};", p.light);
        let dark = format!("--{name}: {};", p.dark);
        let at = css.find(&light).unwrap_or_else(|| panic!("no plain light value for --{name}"));
        assert!(at < first_pair, "--{name}: the plain value comes first");
        // The dark value: by the system's setting, by data-theme, and never in print.
        assert_eq!(css.matches(&dark).count() - usize::from(p.light == p.dark) * 2, 2, "--{name}: dark twice");
        assert!(css.contains(&format!("--{name}: light-dark({}, {});", p.light, p.dark)));
    }
    let not = css.find(&format!("@supports not {}", palette::SUPPORTS)).expect("the fallback branch");
    assert!(css[not..].contains("@media (prefers-color-scheme: dark)"));
    assert!(css[not..].contains(".fs[data-theme=\"dark\"] {"));
    assert!(css[not..].contains(".fs:not([data-theme=\"light\"]) {"));
}

#[test]
fn no_other_stylesheet_defines_a_colour_of_its_own() {
    let defined: BTreeSet<String> = palette::properties().into_iter().map(|(n, _)| n).collect();
    for (file, css) in stylesheets() {
        assert!(!css.contains("light-dark("), "{file} uses light-dark(): put the pair in src/model/palette.rs");
        for (name, p) in palette::properties() {
            for hex in [p.light, p.dark] {
                // #ffffff is also plain white in a few print rules; the palette's tints are not.
                if !["#ffffff", "#000000"].contains(&hex) {
                    assert!(!css.to_lowercase().contains(hex), "{file} repeats {hex} of --{name}: use var(--{name})");
                }
            }
        }
        // Every colour property the stylesheet uses is one the palette defines.
        for part in css.split("var(--").skip(1) {
            let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            let layout = ["radius", "gap", "gutter", "page-bg"].contains(&name.as_str());
            assert!(layout || defined.contains(&name), "{file} uses var(--{name}), which palette.rs does not define");
        }
    }
}

#[test]
fn text_is_aa_on_its_backgrounds_and_the_tiers_differ_in_both_themes() {
    type Pick = fn(Pair) -> &'static str;
    let themes: [(&str, Pick); 2] = [("light", |p| p.light), ("dark", |p| p.dark)];
    for (theme, pick) in themes {
        let bg = pick(palette::BG);
        for (what, fg, on) in [
            ("text", palette::FG, palette::BG),
            ("muted text", palette::MUTED, palette::BG),
            ("muted text on a panel", palette::MUTED, palette::SURFACE),
            ("a link", palette::ACCENT, palette::BG),
            ("a button", palette::ACCENT_FG, palette::ACCENT),
            ("a right answer", palette::GOOD, palette::SURFACE),
            ("a wrong answer", palette::BAD, palette::SURFACE),
            ("a notice", palette::FG, palette::WARN_BG),
            ("a quoted transcript line", palette::FG, palette::CITED),
            ("a line number of a quoted line", palette::MUTED, palette::CITED),
            ("a link on a quoted line", palette::ACCENT, palette::CITED),
            ("the line a link opened", palette::FG, palette::TARGET),
            ("a link on the line a link opened", palette::ACCENT, palette::TARGET),
        ] {
            let r = contrast(pick(fg), pick(on));
            assert!(r >= 4.5, "{theme}: {what} {} on {} is {r:.2}:1", pick(fg), pick(on));
        }
        let mut fills = vec![bg];
        for t in Tier::ALL {
            let c = palette::tier(t);
            let r = contrast(pick(c.fg), pick(c.fill));
            assert!(r >= 4.5, "{theme}: {:?} text {} on {} is {r:.2}:1", t, pick(c.fg), pick(c.fill));
            fills.push(pick(c.fill));
        }
        let unique: BTreeSet<&str> = fills.iter().copied().collect();
        assert_eq!(unique.len(), 5, "{theme}: four tier shades, each unlike the page: {fills:?}");
        // Strongest darkest in the light theme: the shades follow the order of the tiers.
        let lum: Vec<f64> = Tier::ALL.iter().map(|t| luminance(pick(palette::tier(*t).fill))).collect();
        if theme == "light" {
            assert!(lum.windows(2).all(|w| w[0] < w[1]), "light: {lum:?}");
        }
    }
}

#[test]
fn the_images_use_the_palette() {
    use full_stack::export::svg::{matrix_svg, tier_colours, SvgOptions};
    use full_stack::model::CONTENT;
    let svg = matrix_svg(&CONTENT, &SvgOptions::default());
    for t in Tier::ALL {
        let c = palette::tier(t);
        assert_eq!(tier_colours(t), (c.fill.light, c.fg.light));
        assert!(svg.contains(&format!("fill=\"{}\"", c.fill.light)), "{t:?} swatch in the SVG");
    }
    // Every colour in the SVG is one of the palette's.
    let mut known: BTreeSet<&str> = palette::properties().iter().map(|(_, p)| p.light).collect();
    known.insert(palette::BAND);
    for part in svg.split('#').skip(1) {
        let hex: String = part.chars().take(6).collect();
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            assert!(known.contains(format!("#{hex}").as_str()), "#{hex} in the SVG is not in the palette");
        }
    }
}
