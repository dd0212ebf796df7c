//! The options are named in several places that must agree with `model::embed::OPTIONS`:
//! the custom element observes and passes its attributes in that order, and the README's
//! table documents each one.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use full_stack::model::embed::{EVENTS_OPTION, OPTIONS};

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
}

#[test]
fn the_element_observes_and_passes_the_options_in_order() {
    let js = read("www/templates/element.js");
    let line = js.lines().find(|l| l.trim_start().starts_with("const ATTRS = [")).expect("const ATTRS in element.js");
    let list = &line[line.find('[').unwrap() + 1..line.rfind(']').unwrap()];
    let attrs: Vec<&str> = list.split(',').map(|s| s.trim().trim_matches('\'')).collect();
    assert_eq!(attrs, OPTIONS, "www/templates/element.js ATTRS and OPTIONS in src/model/embed.rs");
    assert!(js.contains("glue.mountElement(root, ATTRS.map(attr),"), "the attributes go to the wasm in ATTRS order");
}

#[test]
fn the_readme_documents_every_option() {
    let readme = read("README.md");
    for option in OPTIONS.iter().chain([&EVENTS_OPTION]) {
        assert!(readme.contains(&format!("| `{option}` |")), "README.md: no row for `{option}` in the options table");
    }
}
