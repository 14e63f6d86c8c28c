//! Tidy checks on the source tree (native only; no dependencies).
//!
//! - The pure modules (`src/engine/`, `form/`, `packs/`, `share/`, `planner/`, `workspace/`) stay pure:
//!   no files, I/O, environment, processes, network, clock, printing, or browser crates, so
//!   they give the same results natively and in the browser, and tests can hand them
//!   everything. Lines that start with `//` (comments, docs) are not checked.
//! - The pages' reducers (`src/workspace_page/model.rs` over `records.rs`,
//!   `src/planner_page/model.rs` over `import.rs`) read no clock and do no I/O either.
//! - What every page shares (`src/ui/`) builds on no page.
//! - Nothing under `src/` contains `todo!(`, `unimplemented!(` or `dbg!(`.
//! - serde_json keeps its `float_roundtrip` feature natively (see the test for why).

use std::fs;
use std::path::{Path, PathBuf};

/// What a pure module must not mention.
const IMPURE: &[&str] = &[
    "std::fs",
    "std::io",
    "std::env",
    "std::process",
    "std::net",
    "std::time",
    "SystemTime",
    "Instant",
    "Date::",
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

/// The modules that take everything as arguments: the engine, the pack compiler, share links
/// and QR codes, the forms, and the models of the planner and the workspace. The command line
/// and the pages hand them text and the time.
const PURE: &[&str] = &["engine", "form", "packs", "planner", "share", "workspace"];

#[test]
fn pure_modules_are_pure() {
    for name in PURE {
        let dir = root().join("src").join(name);
        assert!(dir.is_dir(), "src/{name} missing");
        pure_source(&dir, &format!("src/{name}/"));
    }
}

fn pure_source(dir: &Path, name: &str) {
    let mut problems = Vec::new();
    for (file, number, line) in lines_under(dir) {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for needle in IMPURE {
            if line.contains(needle) {
                problems.push(format!(
                    "{file}:{number}: mentions `{needle}`: {}",
                    line.trim()
                ));
            }
        }
    }
    report(
        &format!("{name} must stay pure (no I/O, clock, printing or browser crates)"),
        &problems,
    );
}

/// The modules of `src/<dir>/` (files and folders, not `mod.rs`) each file there names through
/// `super::` or `crate::<dir>::`, grouped imports (`super::{a, b}`) included, outside its tests.
fn module_imports(dir: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    let base = root().join("src").join(dir);
    let modules: Vec<String> = files_under(&base)
        .iter()
        .filter_map(|f| f.strip_prefix(&base).ok())
        .filter_map(|f| f.components().next())
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .filter(|m| m != "mod")
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut graph = std::collections::BTreeMap::new();
    for module in &modules {
        let file = base.join(format!("{module}.rs"));
        let text = fs::read_to_string(&file)
            .or_else(|_| fs::read_to_string(base.join(module).join("mod.rs")))
            .unwrap_or_default();
        // A file's own tests (below `#[cfg(test)]`) may use what sits above it.
        let code: String = text
            .lines()
            .take_while(|l| l.trim() != "#[cfg(test)]")
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut named = std::collections::BTreeSet::new();
        for prefix in ["super::".to_string(), format!("crate::{dir}::")] {
            for (at, _) in code.match_indices(&prefix) {
                let rest = &code[at + prefix.len()..];
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    Some(group) => group[..group.find('}').unwrap_or(0)].split(',').collect(),
                    None => vec![rest],
                };
                for name in names {
                    let name: String = name
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if name != *module && modules.contains(&name) {
                        named.insert(name);
                    }
                }
            }
        }
        graph.insert(module.clone(), named.into_iter().collect());
    }
    graph
}

/// A circle of imports among `graph`'s modules, if there is one.
fn circle(graph: &std::collections::BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        graph: &std::collections::BTreeMap<String, Vec<String>>,
        module: &str,
        path: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut found = path[at..].to_vec();
            found.push(module.to_string());
            return Some(found);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(found) = visit(graph, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = std::collections::BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(graph, m, &mut Vec::new(), &mut done))
}

/// The engine's modules import one another in layers (`locale` at the bottom, then `words`,
/// `profile`, `condition`, `pack`, …): no circle, so each can be read, and tested, on top of
/// the ones below it. The same holds for the workspace's model and its page.
#[test]
fn the_engine_and_the_workspace_have_no_import_circle() {
    let graph = module_imports("engine");
    assert!(graph["words"].contains(&"locale".to_string()), "{graph:?}");
    assert!(graph["report"].contains(&"pack".to_string()), "{graph:?}");
    assert!(graph["link"].contains(&"pack".to_string()), "{graph:?}");
    if let Some(found) = circle(&graph) {
        panic!(
            "the engine's modules import in a circle: {}",
            found.join(" → ")
        );
    }
    for dir in ["workspace", "workspace_page"] {
        let graph = module_imports(dir);
        if let Some(found) = circle(&graph) {
            panic!(
                "src/{dir}/'s modules import in a circle: {}",
                found.join(" → ")
            );
        }
    }
    // The workspace page's screens share the effects below them, not the component above.
    let page = module_imports("workspace_page");
    for screen in ["views", "handoff", "scan", "follow"] {
        assert!(page[screen].contains(&"effects".to_string()), "{page:?}");
        assert!(!page[screen].contains(&"page".to_string()), "{page:?}");
    }
    // The check finds a circle where there is one.
    let mut looped = graph.clone();
    looped.get_mut("locale").unwrap().push("pack".into());
    assert!(circle(&looped).is_some());
}

/// The planner page's modules import in layers too: the pure `words`, `import` and `model` at
/// the bottom, then the effects and the components, `page` on top.
#[test]
fn the_planners_modules_have_no_import_circle() {
    let graph = module_imports("planner_page");
    assert!(graph["model"].contains(&"import".to_string()), "{graph:?}");
    assert!(graph["page"].contains(&"effects".to_string()), "{graph:?}");
    for pure in ["words", "import", "model"] {
        let above: Vec<_> = graph[pure]
            .iter()
            .filter(|m| !["words", "import"].contains(&m.as_str()))
            .collect();
        assert!(
            above.is_empty(),
            "src/planner_page/{pure}.rs imports {above:?}"
        );
    }
    if let Some(found) = circle(&graph) {
        panic!(
            "the planner's modules import in a circle: {}",
            found.join(" → ")
        );
    }
}

/// What the pages share (`src/ui/`) names no page: the app, the workspace page and the planner
/// page build on it, never the other way round, so a change to one page cannot reach another
/// through it.
#[test]
fn the_shared_ui_builds_on_no_page() {
    let mut problems = Vec::new();
    let dir = root().join("src/ui");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for page in ["crate::app", "crate::workspace_page", "crate::planner_page"] {
                if line.contains(page) {
                    problems.push(format!("{}:{}: {page}", path.display(), number + 1));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "src/ui/ names a page:\n{}",
        problems.join("\n")
    );
}

/// The workspace page's screens leave storage to its effects (`src/workspace_page/effects.rs`):
/// a screen's callback calls an effect by name and never opens the database itself, so every
/// read and write of IndexedDB is in one file.
#[test]
fn the_workspace_screens_leave_storage_to_the_effects() {
    let mut problems = Vec::new();
    // Every file but the storage itself (`db`, `journal`), the effects, and the helper
    // worker's side (which imports in its own thread).
    let storage = ["db", "journal", "effects", "helper"];
    let dir = root().join("src/workspace_page");
    let mut screens: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter_map(|f| f.strip_suffix(".rs").map(str::to_string))
        .filter(|f| !storage.contains(&f.as_str()))
        .collect();
    screens.sort();
    assert!(screens.len() >= 10, "{screens:?}");
    for screen in screens {
        let path = format!("src/workspace_page/{screen}.rs");
        let text = fs::read_to_string(root().join(&path)).unwrap();
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for needle in ["db::", "ctx.db()", "journal::", "IdbDatabase"] {
                if line.contains(needle) {
                    problems.push(format!("{path}:{}: {needle}", number + 1));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "storage outside the effects:\n{}",
        problems.join("\n")
    );
}

/// The pages' reducers, and what the planner's reducer is handed, are pure too (a Yew
/// `Reducible`, nothing else of the browser): the time of a save, what storage said, the files
/// read and the packs fetched come in as actions; effects run in the components and their
/// callbacks (`src/workspace_page/page.rs`, `src/planner_page/effects.rs`).
const REDUCERS: &[&str] = &[
    "src/workspace_page/model.rs",
    "src/workspace_page/records.rs",
    "src/planner_page/model.rs",
    "src/planner_page/import.rs",
];

#[test]
fn the_pages_reducers_read_no_clock_and_do_no_io() {
    let mut problems = Vec::new();
    for path in REDUCERS {
        let text = fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (number, line) in text.lines().enumerate() {
            // Types may come from anywhere (`use super::db::{DbError, Loaded}`); calls may not.
            if line.trim_start().starts_with("//") || line.trim_start().starts_with("use ") {
                continue;
            }
            for needle in IMPURE.iter().filter(|n| **n != "yew").chain(&[
                "now()",
                "today()",
                "spawn_local",
                "db::",
                "browser::",
                "effects::",
            ]) {
                if line.contains(needle) {
                    problems.push(format!(
                        "{path}:{}: mentions `{needle}`: {}",
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    report("the pages' reducers must stay pure", &problems);
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
