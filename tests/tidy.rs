//! Tidy checks on the source tree (native only; no dependencies).
//!
//! - `src/engine/` stays pure: no files, I/O, environment, processes, network, printing, or
//!   browser crates. Lines that start with `//` (comments, docs) are not checked.
//! - Nothing under `src/` contains `todo!(`, `unimplemented!(` or `dbg!(`.
//! - serde_json keeps its `float_roundtrip` feature natively (see the test for why).

use std::fs;
use std::path::{Path, PathBuf};

/// What the pure engine must not mention.
const ENGINE_FORBIDDEN: &[&str] = &[
    "std::fs",
    "std::io",
    "std::env",
    "std::process",
    "std::net",
    "println!",
    "print!",
    "eprintln!",
    "eprint!",
    "dbg!",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "yew",
    "gloo",
];

/// What no source file may contain.
const SRC_FORBIDDEN: &[&str] = &["todo!(", "unimplemented!(", "dbg!("];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir`, recursively, sorted for stable messages.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = fs::read_dir(&current)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", current.display()));
        for entry in entries {
            let path = entry
                .unwrap_or_else(|err| panic!("cannot read {}: {err}", current.display()))
                .path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `(path relative to the repository, 1-based line number, line)` for each line of each file.
fn lines_under(dir: &Path) -> Vec<(String, usize, String)> {
    let root = root();
    let mut lines = Vec::new();
    for file in files_under(dir) {
        let bytes =
            fs::read(&file).unwrap_or_else(|err| panic!("cannot read {}: {err}", file.display()));
        let text = String::from_utf8_lossy(&bytes);
        let shown = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        for (index, line) in text.lines().enumerate() {
            lines.push((shown.clone(), index + 1, line.to_owned()));
        }
    }
    lines
}

fn report(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}:\n{}\n({} problem(s))",
        problems.join("\n"),
        problems.len()
    );
}

#[test]
fn engine_is_pure() {
    let engine = root().join("src").join("engine");
    assert!(engine.is_dir(), "src/engine missing");
    pure_source(&engine, "src/engine/");
}

/// The workspace (enterprises, visits, hand-off files) is pure like the engine.
#[test]
fn workspace_is_pure() {
    let workspace = root().join("src").join("workspace");
    assert!(workspace.is_dir(), "src/workspace missing");
    pure_source(&workspace, "src/workspace/");
}

fn pure_source(dir: &Path, name: &str) {
    let mut problems = Vec::new();
    for (file, number, line) in lines_under(dir) {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for needle in ENGINE_FORBIDDEN {
            if line.contains(needle) {
                problems.push(format!(
                    "{file}:{number}: mentions `{needle}`: {}",
                    line.trim()
                ));
            }
        }
    }
    report(
        &format!("{name} must stay pure (no I/O, printing or browser crates)"),
        &problems,
    );
}

#[test]
fn no_placeholders_or_debug_macros_in_src() {
    let mut problems = Vec::new();
    for (file, number, line) in lines_under(&root().join("src")) {
        for needle in SRC_FORBIDDEN {
            if line.contains(needle) {
                problems.push(format!(
                    "{file}:{number}: contains `{needle}`: {}",
                    line.trim()
                ));
            }
        }
    }
    report(
        "src/ must not contain todo!(, unimplemented!( or dbg!(",
        &problems,
    );
}

/// Profiles, packs and reports must read back the exact numbers they wrote
/// (`profile::tests::amounts_round_trip_exactly`). That needs serde_json's `float_roundtrip`
/// feature (natively), and a unit test cannot notice its absence: the dev-dependency
/// jsonschema turns it on in every test build, while the command line is built without it.
#[test]
fn serde_json_reads_floats_exactly() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    assert!(
        manifest
            .lines()
            .any(|l| l.starts_with("serde_json") && l.contains("\"float_roundtrip\"")),
        "Cargo.toml must enable serde_json's float_roundtrip feature for native builds"
    );
}
