//! Embeds every rule pack under `rules/` into the crate, so the command line carries its packs
//! wherever it is copied. The browser app does not use these: it fetches compiled JSON packs.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    // Read when the script runs, not when it was compiled: cargo may reuse a compiled build
    // script for a checkout of the same crate at another path.
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir);
    let rules = root.join("rules");
    let mut dirs: Vec<_> = fs::read_dir(&rules)
        .expect("rules/ exists")
        .map(|e| e.expect("readable rules/ entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = String::from("pub static BUILTIN: &[(&str, &[(&str, &str)])] = &[\n");
    // Each pack folder's translations (`locales/*.toml`), in a table of their own.
    let mut locales = String::from("pub static BUILTIN_LOCALES: &[(&str, &[(&str, &str)])] = &[\n");
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .expect("under the crate")
            .display()
            .to_string()
    };
    // One entry of a table: a pack folder and its `*.toml` files in `files_dir`.
    let entry = |table: &mut String, dir: &Path, files_dir: &Path| {
        println!("cargo:rerun-if-changed={}", files_dir.display());
        let mut files: Vec<_> = fs::read_dir(files_dir)
            .expect("readable pack folder")
            .map(|e| e.expect("readable pack file").path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        writeln!(table, "    ({:?}, &[", rel(dir)).unwrap();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            writeln!(
                table,
                "        ({:?}, include_str!({:?})),",
                rel(&file),
                file.display().to_string()
            )
            .unwrap();
        }
        table.push_str("    ]),\n");
    };
    for dir in dirs {
        entry(&mut out, &dir, &dir);
        let locale_dir = dir.join("locales");
        if locale_dir.is_dir() {
            entry(&mut locales, &dir, &locale_dir);
        }
    }
    out.push_str("];\n");
    locales.push_str("];\n");
    out.push_str(&locales);
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_packs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
