//! Writes the static exports of the baked content (run by `scripts/dist.mjs` in
//! `make dist`): `poster.svg` and `poster.png` (the matrix with a call to action, for
//! Substack, email and link cards, where no script runs).
//!
//! The PNG is rendered natively from the SVG with resvg, text shaped with DejaVu Sans
//! from Debian's `fonts-dejavu-core` (Bitstream Vera licence; DejaVu changes public
//! domain), which `make setup` installs. The font is only read at build time, never
//! shipped. Set `FULL_STACK_FONT_DIR` to use another folder holding `DejaVuSans.ttf`
//! and `DejaVuSans-Bold.ttf`.
//!
//! Usage: export <out-dir>

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where `make setup` puts the poster's font.
const DEFAULT_FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";
const FONT_FILES: [&str; 2] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

/// Loads the poster's fonts and makes them the answer to every generic family.
fn fonts(dir: &Path) -> Result<resvg::usvg::fontdb::Database, String> {
    let mut db = resvg::usvg::fontdb::Database::new();
    for file in FONT_FILES {
        let path = dir.join(file);
        let data = std::fs::read(&path)
            .map_err(|e| format!("{}: {e} (install Debian's fonts-dejavu-core, or set FULL_STACK_FONT_DIR)", path.display()))?;
        db.load_font_data(data);
    }
    for set in [
        resvg::usvg::fontdb::Database::set_sans_serif_family,
        resvg::usvg::fontdb::Database::set_serif_family,
        resvg::usvg::fontdb::Database::set_monospace_family,
        resvg::usvg::fontdb::Database::set_cursive_family,
        resvg::usvg::fontdb::Database::set_fantasy_family,
    ] {
        set(&mut db, "DejaVu Sans");
    }
    Ok(db)
}

/// Renders `svg` to PNG bytes at `scale` (2 gives a sharp image on high-density screens).
fn render_png(svg: &str, font_dir: &Path, scale: f32) -> Result<Vec<u8>, String> {
    let mut options = resvg::usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        ..resvg::usvg::Options::default()
    };
    options.fontdb = Arc::new(fonts(font_dir)?);
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| format!("poster.svg does not parse: {e}"))?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or("poster.svg has no size")?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("poster too large")?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("PNG encoding failed: {e}"))
}

fn font_dir() -> PathBuf {
    std::env::var_os("FULL_STACK_FONT_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(DEFAULT_FONT_DIR))
}

fn main() {
    let out = std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("dist"));
    if let Err(e) = run(&out) {
        eprintln!("export: {e}");
        std::process::exit(1);
    }
}

fn run(_out: &Path) -> Result<(), String> {
    // TODO(poster, CSV): write poster.svg from the chart's `model::svg::matrix_svg` (with
    // its title/call-to-action band), poster.png from it with `render_png`, and
    // full-stack.csv from the chart's CSV rows (`model::chart`), once they land on main.
    let _ = (render_png, font_dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dark pixels in a PNG's RGBA data (decoded back with tiny-skia).
    fn dark_pixels(png: &[u8]) -> usize {
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
        pixmap.pixels().iter().filter(|p| p.alpha() > 200 && p.red() < 80 && p.green() < 80 && p.blue() < 80).count()
    }

    #[test]
    fn text_is_drawn_with_the_bundled_font() {
        let svg = |text: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="white"/><text x="5" y="28" font-family="sans-serif" font-size="20" fill="black">{text}</text></svg>"#
            )
        };
        let blank = render_png(&svg(""), &font_dir(), 1.0).unwrap();
        let text = render_png(&svg("Explore"), &font_dir(), 2.0).unwrap();
        assert_eq!(dark_pixels(&blank), 0);
        assert!(dark_pixels(&text) > 200, "the word is drawn: {} dark pixels", dark_pixels(&text));
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&text).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (400, 80), "rendered at twice the size");
    }

    #[test]
    fn a_missing_font_is_a_clear_error() {
        let e = render_png("<svg/>", Path::new("/nonexistent"), 1.0).unwrap_err();
        assert!(e.contains("DejaVuSans.ttf") && e.contains("fonts-dejavu-core"), "{e}");
    }
}
