//! Build script: validates `content/` and bakes it into static Rust data.
//! A bad fact fails the build with a message naming the file, the entry and the problem.

#[path = "content.rs"]
mod content;

use std::path::PathBuf;

fn main() {
    // FULL_STACK_CONTENT_ROOT points at another folder holding a `content/` (the benchmark's
    // synthetic 10x content, for example); by default it is the crate root.
    println!("cargo:rerun-if-env-changed=FULL_STACK_CONTENT_ROOT");
    let root = match std::env::var("FULL_STACK_CONTENT_ROOT") {
        Ok(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")),
    };
    for f in content::ALL_FILES {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
    println!("cargo:rerun-if-changed=build/content.rs");

    let result = content::Files::read(&root).and_then(|files| content::validate(&files));
    let content = match result {
        Ok(c) => c,
        Err(errors) => {
            eprintln!("\ncontent/ failed validation ({} problem(s)):", errors.len());
            for e in &errors {
                eprintln!("  {e}");
                println!("cargo:warning={e}");
            }
            eprintln!();
            std::process::exit(1);
        }
    };
    // FULL_STACK_CONTENT_SCALE=10 bakes a synthetic 10x copy (5x layers, 2x tools, so 10x
    // cells; 10x questions and events) for the benchmark's growth measurement.
    println!("cargo:rerun-if-env-changed=FULL_STACK_CONTENT_SCALE");
    let content = match std::env::var("FULL_STACK_CONTENT_SCALE").as_deref() {
        Ok("10") => content::scaled(&content, 5, 2, 10),
        Ok("") | Ok("1") | Err(_) => content,
        Ok(other) => {
            eprintln!("FULL_STACK_CONTENT_SCALE={other}: only 1 and 10 are supported");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("content.rs");
    std::fs::write(&out, content::to_rust(&content)).expect("write generated content");
    let counts: Vec<String> = content::summary(&content).iter().map(|(k, v)| format!("{v} {k}")).collect();
    // Visible with `cargo build -vv`; the numbers also come from `cargo test --test content`.
    eprintln!("content: {}", counts.join(", "));
}
