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
    // OPTIONS itself is stamped into element.js from model::embed (tests/contract.rs).
    let js = read("www/templates/element.js");
    assert!(js.contains("\n  const OPTIONS = ['view', "), "element.js declares OPTIONS in its contract block");
    assert!(js.contains("static get observedAttributes() { return OPTIONS; }"), "the element observes OPTIONS");
    assert!(
        js.contains("glue.mountElement(root, OPTIONS.map(attr),"),
        "the attributes go to the wasm in OPTIONS order"
    );
}

#[test]
fn the_readme_documents_every_option() {
    let readme = read("README.md");
    for option in OPTIONS.iter().chain([&EVENTS_OPTION]) {
        assert!(readme.contains(&format!("| `{option}` |")), "README.md: no row for `{option}` in the options table");
    }
}
