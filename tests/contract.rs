//! The embed contract is defined once, in `src/model/embed.rs`. The JavaScript that uses
//! it gets it stamped in by `make contract`; these tests fail while a stamped file or
//! `scripts/contract.mjs` differs from what `model::embed` generates, while one of the
//! contract's values is written out again anywhere else in those scripts, and while the
//! HTML the wasm renders or the page Trunk builds from uses other names.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use full_stack::model::config::{Theme, View};
use full_stack::model::embed::{self, contract, Literal, BLOCK_END, STAMPS};
use full_stack::view::AppProps;

mod common;

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Panics with the first line where `file` differs from `generated`.
fn assert_generated(file: &str, on_disk: &str, generated: &str) {
    if on_disk != generated {
        let (n, (a, b)) = on_disk
            .lines()
            .zip(generated.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .unwrap_or((on_disk.lines().count().min(generated.lines().count()), ("(end)", "(end)")));
        panic!(
            "{file} differs from src/model/embed.rs at line {}: run `make contract` (edit embed.rs, never the \
             block)\n  file:      {a}\n  generated: {b}",
            n + 1
        );
    }
}

#[test]
fn every_stamped_file_holds_the_contract_as_generated() {
    for s in STAMPS {
        let text = read(s.file);
        let stamped = embed::stamp(&text, &s).unwrap_or_else(|e| panic!("{e}"));
        assert_generated(s.file, &text, &stamped);
    }
    assert_generated("scripts/contract.mjs", &read("scripts/contract.mjs"), &embed::module());
}

#[test]
fn stamping_replaces_only_the_block_and_refuses_a_file_without_one() {
    let s = STAMPS[0];
    let edited = "a();\n  // <contract> old\n  var ROOT_ID = 'x';\n  // </contract>\nb();\n";
    let out = embed::stamp(edited, &s).unwrap();
    assert!(out.starts_with("a();\n  // <contract> generated"), "{out}");
    assert!(out.ends_with(&format!("  {BLOCK_END}\nb();\n")), "{out}");
    assert!(out.contains(&format!("  var ROOT_ID = '{}';\n", embed::ROOT_ID)), "{out}");
    assert!(!out.contains("'x'"));
    assert!(embed::stamp("a();\n", &s).is_err());
    assert!(embed::stamp("// </contract>\n// <contract>\n", &s).is_err());
}

/// `text` without its contract block and its comments: the code written by hand.
fn hand_written(text: &str) -> String {
    let mut out = String::new();
    let mut in_block = false;
    let mut in_comment = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("// <contract>") {
            in_block = true;
        }
        let skip = in_block || in_comment || t.starts_with("//") || t.starts_with("/*") || t.starts_with('*');
        if t.starts_with("/*") && !t.contains("*/") {
            in_comment = true;
        }
        if in_comment && t.contains("*/") {
            in_comment = false;
        }
        if t == BLOCK_END {
            in_block = false;
        }
        if !skip {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn no_script_writes_a_value_of_the_contract_again() {
    let mut files: Vec<&str> = STAMPS.iter().map(|s| s.file).collect();
    files.extend(["scripts/dist.mjs", "www/embed.js", "www/templates/embed.html"]);
    for file in files {
        let code = hand_written(&read(file));
        for (name, value) in contract() {
            let copies: Vec<String> = match &value {
                // Plain words ("chart", "page") are left alone: they have other uses too.
                Literal::Text(v) if v.chars().all(|c| c.is_ascii_lowercase()) => continue,
                // An id prefix ("fs-tab-") is a copy with whatever follows it.
                Literal::Text(v) if v.ends_with('-') => {
                    ['\'', '"', '`', '#'].iter().map(|q| format!("{q}{v}")).collect()
                }
                Literal::Text(v) => ['\'', '"', '`'].iter().map(|q| format!("{q}{v}{q}")).collect(),
                Literal::List(items) => {
                    ["'", "\""].iter().map(|q| format!("{q}{}{q}, {q}{}{q}", items[0], items[1])).collect()
                }
            };
            for copy in copies {
                assert!(!code.contains(&copy), "{file} writes {copy} again: use {name} from the contract");
            }
        }
    }
}

#[test]
fn the_page_trunk_builds_has_the_root_the_build_looks_for() {
    let index = read("index.html");
    let root = format!("<div id=\"{}\" {}=\"{}\"></div>", embed::ROOT_ID, embed::MODE_ATTR, embed::MODE_PAGE);
    assert!(index.contains(&root), "index.html has no {root}");
}

#[tokio::test]
async fn the_rendered_widget_uses_the_contracts_names() {
    let html = common::render_props(AppProps::new(&full_stack::model::CONTENT)).await;
    for v in View::ALL {
        for id in [format!("{}{}", embed::TAB_ID_PREFIX, v.id()), format!("{}{}", embed::PANEL_ID_PREFIX, v.id())] {
            assert!(html.contains(&format!("id=\"{id}\"")), "no element with id {id}");
        }
    }
    let default_view = format!("{}=\"{}\"", embed::VIEW_ATTR, View::default().id());
    let default_theme = format!("{}=\"{}\"", embed::THEME_ATTR, Theme::default().id());
    for attr in [default_view, default_theme] {
        assert!(html.contains(&attr), "the widget has no {attr}");
    }
    let content = &full_stack::model::CONTENT;
    let cells = content.layers.len() * content.tools.len();
    let positions = html.matches(&format!(" {}=\"", embed::POS_ATTR)).count();
    assert!(positions >= cells, "{positions} buttons with {} for {cells} cells", embed::POS_ATTR);
}
