//! The options are named in several places that must agree with `model::embed::OPTIONS`:
//! the custom element observes and passes its attributes in that order, the wasm's
//! settings parser reads each one, and the README's table documents each one.

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

#[test]
fn the_wasm_reads_every_option_the_element_passes() {
    // The settings parser (`Config::from_pairs`) names the options as string literals:
    // each must be one of the contract's, and read, so a bad value gets its notice. A key
    // outside the contract is ignored without one.
    use full_stack::model::{Config, CONTENT};
    for option in OPTIONS.iter().chain([&EVENTS_OPTION]) {
        let (_, notices) = Config::from_pairs([(*option, "no-such-value")], &CONTENT);
        assert_eq!(notices.len(), 1, "`{option}` with a bad value: {notices:?}");
        assert!(notices[0].contains("no-such-value"), "`{option}`: {}", notices[0]);
    }
    let (config, notices) = Config::from_pairs([("no-such-option", "chart")], &CONTENT);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(config, Config::default());
}
