//! Writes the static exports of the baked content (run by `scripts/dist.mjs` in
//! `make dist`), from the same functions as the widget's own download buttons:
//!
//! - `poster.svg`: the matrix with a title and the call to action, for Substack, email
//!   and link cards, where no script runs (`export::svg::matrix_svg` with a band);
//! - `poster.png`: that SVG rendered natively with resvg, at twice its size;
//! - `card.png`: the link card, 1200×630 (`export::card`), for `og:image`, `twitter:image`
//!   and the oEmbed thumbnail;
//! - `full-stack.csv`: the data, one row per claim (`export::csv::csv`);
//! - `chart-<filter>.svg` and `.png`: the matrix under each evidence filter, the
//!   widget's "Download image" links;
//! - `data.json`: the on-demand data (quiz, key points, timeline) the wasm loads.
//!
//! Text in the PNG is drawn with Liberation Sans (metric-compatible with Arial, which
//! the SVG's line wrapping assumes) from Debian's `fonts-liberation` (GPL-2 with the
//! font exception), which `make setup` makes sure of (Chromium depends on it anyway).
//! The font is read at build time only, never shipped. `FULL_STACK_FONT_DIR` points to
//! another folder holding `LiberationSans-Regular.ttf` and `LiberationSans-Bold.ttf`.
//!
//! Usage: `export <out-dir> [<base-url>]` (the base URL, if any, goes into the call to action);
//! `export --coverage [<path>]` writes the coverage report (`make coverage`);
//! `export --palette [<path>]` writes the stylesheet of colours, `www/palette.css`, from
//! `model::palette` (`make palette`); `export --contract` writes the embed contract
//! (`model::embed`) into the JavaScript that uses it and `scripts/contract.mjs`
//! (`make contract`).

// The wasm target builds every binary (`cargo test --target wasm32-unknown-unknown`):
// there this one is empty, like `prerender`.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use full_stack::export::card::{card_svg, CardText};
    use full_stack::export::csv::csv;
    use full_stack::export::svg::{matrix_svg, Band, SvgOptions};
    use full_stack::model::chart::TierFilter;
    use full_stack::model::content::DATA_JSON;
    use full_stack::model::embed::{chart_image, CSV_FILE, DATA_FILE};
    use full_stack::model::CONTENT;

    /// The coverage report and the counts the build wrote (`build/main.rs`).
    const COVERAGE_MD: &str = include_str!(concat!(env!("OUT_DIR"), "/coverage.md"));
    const SUMMARY: &str = include_str!(concat!(env!("OUT_DIR"), "/summary.txt"));

    /// Where Debian's `fonts-liberation` puts the poster's font.
    const DEFAULT_FONT_DIR: &str = "/usr/share/fonts/truetype/liberation";
    const FONT_FAMILY: &str = "Liberation Sans";
    const FONT_FILES: [&str; 2] = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"];

    /// The poster's title and call to action.
    pub const POSTER_TITLE: &str = "Full Stack: China\u{2019}s industrial policy for AI";
    pub const POSTER_CTA: &str = "Explore the chart and take the quiz";

    /// Loads the poster's fonts and makes them the answer to every generic family.
    fn fonts(dir: &Path) -> Result<resvg::usvg::fontdb::Database, String> {
        let mut db = resvg::usvg::fontdb::Database::new();
        for file in FONT_FILES {
            let path = dir.join(file);
            let data = std::fs::read(&path).map_err(|e| {
                format!("{}: {e} (install Debian's fonts-liberation, or set FULL_STACK_FONT_DIR)", path.display())
            })?;
            db.load_font_data(data);
        }
        for set in [
            resvg::usvg::fontdb::Database::set_sans_serif_family,
            resvg::usvg::fontdb::Database::set_serif_family,
            resvg::usvg::fontdb::Database::set_monospace_family,
            resvg::usvg::fontdb::Database::set_cursive_family,
            resvg::usvg::fontdb::Database::set_fantasy_family,
        ] {
            set(&mut db, FONT_FAMILY);
        }
        Ok(db)
    }

    /// Renders `svg` to PNG bytes at `scale` (2 gives a sharp image on high-density screens).
    fn render_png(svg: &str, font_dir: &Path, scale: f32) -> Result<Vec<u8>, String> {
        let mut options =
            resvg::usvg::Options { font_family: FONT_FAMILY.to_string(), ..resvg::usvg::Options::default() };
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

    /// The call to action, with where to go when a base URL is known
    /// ("… at example.org/full-stack").
    pub fn call_to_action(base_url: Option<&str>) -> String {
        match base_url.map(|u| u.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/')) {
            Some(place) if !place.is_empty() => format!("{POSTER_CTA} at {place}"),
            _ => POSTER_CTA.to_string(),
        }
    }

    /// The link card's subtitle.
    pub const CARD_SUBTITLE: &str =
        "Where Beijing\u{2019}s policy tools reach across the AI tech stack, layer by layer";

    /// The link card as SVG (1200×630).
    pub fn card(base_url: Option<&str>) -> String {
        let place =
            base_url.map(|u| u.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/'));
        let text = CardText {
            title: POSTER_TITLE,
            subtitle: CARD_SUBTITLE,
            call_to_action: POSTER_CTA,
            place: place.filter(|p| !p.is_empty()),
        };
        card_svg(&CONTENT, &text)
    }

    /// The poster as SVG: the matrix under a band with the title and call to action.
    pub fn poster_svg(base_url: Option<&str>) -> String {
        let cta = call_to_action(base_url);
        let options =
            SvgOptions { band: Some(Band { title: POSTER_TITLE, call_to_action: &cta }), ..SvgOptions::default() };
        matrix_svg(&CONTENT, &options)
    }

    pub fn main() {
        let mut args = std::env::args().skip(1).peekable();
        if args.peek().map(String::as_str) == Some("--coverage") {
            // `make coverage`: the report the build made, into the repository.
            let path = args.nth(1).unwrap_or_else(|| "content/COVERAGE.md".into());
            if let Err(e) = std::fs::write(&path, COVERAGE_MD) {
                eprintln!("export: {path}: {e}");
                std::process::exit(1);
            }
            print!("{SUMMARY}");
            println!("coverage: wrote {path}");
            return;
        }
        if args.peek().map(String::as_str) == Some("--palette") {
            // `make palette`: the colours, from their one definition, into the stylesheet.
            let path = args.nth(1).unwrap_or_else(|| "www/palette.css".into());
            if let Err(e) = std::fs::write(&path, full_stack::model::palette::css()) {
                eprintln!("export: {path}: {e}");
                std::process::exit(1);
            }
            println!("palette: wrote {path}");
            return;
        }
        if args.peek().map(String::as_str) == Some("--contract") {
            // `make contract`: the embed contract, from its one definition, into the scripts.
            use full_stack::model::embed::{module, stamp, STAMPS};
            let mut files = vec![("scripts/contract.mjs".to_string(), module())];
            for s in STAMPS {
                let text = std::fs::read_to_string(s.file).map_err(|e| format!("{}: {e}", s.file));
                match text.and_then(|t| stamp(&t, &s)) {
                    Ok(stamped) => files.push((s.file.to_string(), stamped)),
                    Err(e) => {
                        eprintln!("export: {e}");
                        std::process::exit(1);
                    }
                }
            }
            for (path, text) in files {
                if let Err(e) = std::fs::write(&path, text) {
                    eprintln!("export: {path}: {e}");
                    std::process::exit(1);
                }
                println!("contract: wrote {path}");
            }
            return;
        }
        // The build's counts, in `make dist`'s output.
        print!("{SUMMARY}");
        let out = args.next().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("dist"));
        let base_url = args.next().filter(|u| !u.is_empty());
        if let Err(e) = run(&out, base_url.as_deref()) {
            eprintln!("export: {e}");
            std::process::exit(1);
        }
    }

    fn run(out: &Path, base_url: Option<&str>) -> Result<(), String> {
        let write = |name: &str, bytes: &[u8]| {
            let path = out.join(name);
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
        };
        let svg = poster_svg(base_url);
        write("poster.svg", svg.as_bytes())?;
        write("poster.png", &render_png(&svg, &font_dir(), 2.0)?)?;
        write("card.png", &render_png(&card(base_url), &font_dir(), 1.0)?)?;
        write(CSV_FILE, csv(&CONTENT).as_bytes())?;
        for filter in TierFilter::ALL {
            let svg = matrix_svg(&CONTENT, &SvgOptions { filter, ..SvgOptions::default() });
            write(&chart_image(filter, "svg"), svg.as_bytes())?;
            write(&chart_image(filter, "png"), &render_png(&svg, &font_dir(), 2.0)?)?;
        }
        write(DATA_FILE, DATA_JSON.as_bytes())?;
        Ok(())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Dark pixels in a PNG's RGBA data (decoded back with tiny-skia).
        fn dark_pixels(png: &[u8]) -> usize {
            let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
            pixmap
                .pixels()
                .iter()
                .filter(|p| p.alpha() > 200 && p.red() < 80 && p.green() < 80 && p.blue() < 80)
                .count()
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
            assert!(e.contains("LiberationSans-Regular.ttf") && e.contains("fonts-liberation"), "{e}");
        }

        #[test]
        fn the_poster_carries_the_title_the_call_to_action_and_every_layer() {
            let svg = poster_svg(Some("https://example.org/full-stack/"));
            assert!(
                svg.contains("Explore the chart and take the quiz at example.org/full-stack"),
                "the call to action"
            );
            assert!(svg.contains("industrial policy for AI"));
            // Layer names may wrap onto two lines: look for each one's first word.
            for layer in CONTENT.layers.iter() {
                let first = full_stack::export::svg::escape(layer.name.split(' ').next().unwrap());
                assert!(svg.contains(&format!(">{first}")), "{}", layer.name);
            }
            assert_eq!(call_to_action(None), POSTER_CTA);
            assert_eq!(call_to_action(Some("")), POSTER_CTA);
        }

        #[test]
        fn the_link_card_is_1200_by_630_and_says_where_to_go() {
            let png = render_png(&card(Some("https://example.org/full-stack/")), &font_dir(), 1.0).unwrap();
            let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
            assert_eq!((pixmap.width(), pixmap.height()), (1200, 630));
            assert!(dark_pixels(&png) > 5000, "text and shades are drawn");
            assert!(card(Some("https://example.org/full-stack/")).contains(">example.org/full-stack<"));
            assert!(!card(None).contains("example.org"));
        }
    }
}
