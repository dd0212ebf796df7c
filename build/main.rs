//! Build script: validates `content/` and bakes it (see `build/content/mod.rs`).
//! A bad fact fails the build with a message naming the file, the entry and the problem.
//!
//! Writes into `OUT_DIR`:
//! - `content.rs`: the chart, as a Rust expression of the crate's `Content` type (baked);
//! - `data.json`: the quiz, key points and timeline (loaded on demand, `make dist` copies it);
//! - `episode.json`: the transcript, turns, corrections and citations (build time only:
//!   the transcript page);
//! - `summary.txt`, `coverage.md`: the counts and the coverage report.

#[path = "content/mod.rs"]
mod content;

use std::path::PathBuf;

fn main() {
    // FULL_STACK_CONTENT_ROOT points at another folder holding a `content/` (a test
    // fixture, say); by default it is the crate root.
    println!("cargo:rerun-if-env-changed=FULL_STACK_CONTENT_ROOT");
    let root = match std::env::var("FULL_STACK_CONTENT_ROOT") {
        Ok(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")),
    };
    for f in content::ALL_FILES {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/model/content/types.rs");

    let validated = match content::Files::read(&root).and_then(|files| content::validate(&files)) {
        Ok(v) => v,
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
    let counts: Vec<String> = content::summary(&validated).iter().map(|(k, v)| format!("{v} {k}")).collect();
    let summary = format!(
        "content: {}\ncontent: questions per section: {}\n",
        counts.join(", "),
        content::questions_per_section(&validated.data)
    );

    // FULL_STACK_CONTENT_SCALE=10 bakes a synthetic 10x copy (5x layers, 2x tools, so 10x
    // cells; 10x questions, key points and events) for the benchmark's growth measurement;
    // 3 a 3x copy (3x layers, so 3x cells; 3x questions, key points and events).
    println!("cargo:rerun-if-env-changed=FULL_STACK_CONTENT_SCALE");
    let (chart, data) = match std::env::var("FULL_STACK_CONTENT_SCALE").as_deref() {
        Ok("10") => content::scale::scaled(&validated, 5, 2, 10),
        Ok("3") => content::scale::scaled(&validated, 3, 1, 3),
        Ok("") | Ok("1") | Err(_) => (validated.content.clone(), validated.data.clone()),
        Ok(other) => {
            eprintln!("FULL_STACK_CONTENT_SCALE={other}: only 1, 3 and 10 are supported");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let write = |name: &str, text: String| std::fs::write(out.join(name), text).expect("write to OUT_DIR");
    write("content.rs", content::bake::to_rust(&chart));
    write("data.json", content::bake::to_json(&data));
    write("episode.json", content::bake::to_json(&validated.episode));
    write("coverage.md", validated.coverage.report());
    write("summary.txt", summary.clone());
    // Visible with `cargo build -vv`; `make dist` and `make coverage` print it too.
    eprint!("{summary}");
}
