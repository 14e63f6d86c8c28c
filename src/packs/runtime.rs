//! Programme packs supplied at runtime: a government embedding Umbral hands the app the TOML
//! source of its own pack (one file, built on a country pack with `extends = "mx"`), and this
//! compiles it with exactly the code and diagnostics of `umbral validate` ([`crate::packs`]).
//!
//! It runs in the browser in its own Web Worker (the `umbral-packs` bin, built by Trunk as a
//! worker), so the TOML parser and the packs' sources are never part of the app's first load.
//! The worker needs every built-in pack's source to resolve `extends`: [`crate::packs::builtin`]
//! embeds `rules/`.

use serde::Serialize;

use crate::engine::Text;
use crate::packs::{self, Diagnostic, Month, PackSource, SourceFile};

/// The largest programme pack source accepted, in bytes. A programme's own pack (its offers,
/// questions and wording on top of a country pack) is a few kilobytes; the whole of `rules/`
/// is about 300 KB. The embedding frame refuses a larger one before starting the checker, and
/// the checker refuses it again, so neither parses megabytes a host sent by mistake.
pub const MAX_SOURCE_BYTES: usize = 256 * 1024;

/// What compiling a runtime pack gives; the worker posts it as it is (serde-wasm-bindgen), with
/// `ok` beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The compiled pack in the compact form the browser app reads (what `umbral compile`
    /// writes as `<id>.txt`), when it had no error.
    pub pack: Option<String>,
    /// The pack's name, Spanish and English, when it compiled.
    pub name: Option<Text>,
    /// Every diagnostic, rendered as the command line prints them (file:line:col, the source
    /// line and a caret), then a one-line summary when the pack failed. Empty when clean.
    pub diagnostics: String,
    /// The country of the pack, or when it failed, of the country pack it was meant to build
    /// on (if that much could be read): the app falls back to that country's own pack.
    pub country: Option<String>,
}

/// Compiles the runtime pack `source`, named `name` in messages (a `.toml` name is added when
/// missing, since pack folders only read `.toml` files). With `today`, offers checked more than
/// a year earlier get warnings, as in `umbral validate`.
pub fn compile(name: &str, source: &str, today: Option<Month>) -> Outcome {
    let mut path = if name.trim().is_empty() {
        "programa.toml".to_string()
    } else {
        name.trim().to_string()
    };
    if !path.ends_with(".toml") || path.ends_with(packs::EXAMPLES_FILE) {
        path.push_str(".toml");
    }
    // The folder is named after the pack's id, which is how the loader finds a pack whose file
    // is not called pack.toml.
    let id = pack_table(source)
        .and_then(|meta| meta.get("id")?.as_str().map(str::to_string))
        .unwrap_or_else(|| "programa".to_string());
    let own = PackSource {
        dir: id.clone(),
        files: vec![SourceFile {
            path: path.clone(),
            text: source.to_string(),
        }],
    };
    if source.len() > MAX_SOURCE_BYTES {
        let d = Diagnostic::general(
            packs::Severity::Error,
            &path,
            format!(
                "the pack is {} KB; a programme pack may be at most {} KB",
                source.len().div_ceil(1024),
                MAX_SOURCE_BYTES / 1024
            ),
        );
        return failed(vec![d], &path, None);
    }
    let fallback = fallback_country(source);
    if !has_pack_table(source) {
        let d = Diagnostic::general(
            packs::Severity::Error,
            &path,
            "missing [pack] table: a programme pack starts with [pack] and its id, version, \
             name and extends (the country pack it builds on, such as \"mx\")"
                .into(),
        );
        return failed(vec![d], &path, fallback);
    }
    // The built-in packs, except one the runtime pack replaces by having the same id.
    let mut sources = vec![own];
    sources.extend(
        packs::builtin()
            .into_iter()
            .filter(|b| packs::pack_ids(std::slice::from_ref(b))[0] != id),
    );
    let compiled = packs::compile(&id, &sources, today);
    let mut diagnostics = compiled.diagnostics;
    // A pack with any error is refused, as `umbral validate` refuses it, even when what was
    // left of it could be built (a duplicate item is left out and reported, say).
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    match compiled.pack {
        Some(_) if !clean => failed(diagnostics, &id, fallback),
        Some(pack) if pack.data.country.is_some() => Outcome {
            country: pack.data.country.clone(),
            name: Some(pack.data.name.clone()),
            pack: Some(pack.to_compact()),
            diagnostics: render(&diagnostics),
        },
        Some(_) => {
            diagnostics.push(Diagnostic::general(
                packs::Severity::Error,
                &path,
                "the pack names no country: build it on a country pack \
                 (extends = \"mx\", \"cl\" or \"bo\")"
                    .into(),
            ));
            failed(diagnostics, &id, fallback)
        }
        None => failed(diagnostics, &id, fallback),
    }
}

fn failed(diagnostics: Vec<Diagnostic>, id: &str, country: Option<String>) -> Outcome {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let mut text = render(&diagnostics);
    text.push_str(&format!("{id}: {errors} error(s), {warnings} warning(s)\n"));
    Outcome {
        pack: None,
        name: None,
        diagnostics: text,
        country,
    }
}

fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(ToString::to_string).collect()
}

fn pack_table(source: &str) -> Option<toml::Table> {
    let table: toml::Table = toml::from_str(source).ok()?;
    table.get("pack")?.as_table().cloned()
}

/// Whether the source has a `[pack]` table (or cannot be read at all: the compiler then
/// reports the syntax errors itself).
fn has_pack_table(source: &str) -> bool {
    toml::from_str::<toml::Table>(source).is_err() || pack_table(source).is_some()
}

/// The country a broken pack was meant for: its own `country`, or that of the built-in pack
/// it extends.
fn fallback_country(source: &str) -> Option<String> {
    let meta = pack_table(source)?;
    if let Some(country) = meta.get("country").and_then(|c| c.as_str()) {
        return Some(country.to_string());
    }
    let parent = meta.get("extends")?.as_str()?;
    let builtin = packs::builtin();
    if !packs::pack_ids(&builtin).iter().any(|id| id == parent) {
        return None;
    }
    packs::compile(parent, &builtin, None).pack?.data.country
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_over_the_size_limit_is_refused_before_parsing_saying_how_big() {
        let mut source = example_programme();
        source.push_str(&format!("\n# {}\n", "x".repeat(MAX_SOURCE_BYTES)));
        let outcome = compile("programa.toml", &source, None);
        assert_eq!(outcome.pack, None);
        assert!(
            outcome
                .diagnostics
                .contains("a programme pack may be at most 256 KB"),
            "{}",
            outcome.diagnostics
        );
        // Within the limit, the same pack compiles.
        assert!(compile("programa.toml", &example_programme(), None)
            .pack
            .is_some());
    }

    fn example_programme() -> String {
        let dir = packs::builtin()
            .into_iter()
            .find(|p| p.dir.ends_with("example-programme"))
            .expect("the example programme is built in");
        let file = |end: &str| {
            dir.files
                .iter()
                .find(|f| f.path.ends_with(end))
                .map(|f| f.text.clone())
                .expect("file")
        };
        // One file, as a host page supplies it; a new id so it does not replace the built-in.
        let pack = file("pack.toml").replace("\"example-programme\"", "\"programa-estatal\"");
        format!("{pack}\n{}", file("offers.toml"))
    }

    #[test]
    fn a_valid_programme_compiles_on_its_country_pack() {
        let outcome = compile("programa.toml", &example_programme(), None);
        assert_eq!(outcome.diagnostics, "");
        assert_eq!(outcome.country.as_deref(), Some("MX"));
        let pack = crate::engine::Pack::from_compact(&outcome.pack.expect("compiled")).unwrap();
        assert_eq!(pack.data.id, "programa-estatal");
        assert_eq!(
            outcome.name.expect("named").es,
            "Programa de ejemplo — Estado ficticio"
        );
        assert_eq!(pack.data.layers, ["core", "mx", "programa-estatal"]);
        assert!(pack
            .data
            .entries
            .iter()
            .any(|e| e.id == "ejemplo-taller-ventas"));
    }

    #[test]
    fn errors_read_exactly_as_the_command_line_prints_them() {
        let source = example_programme().replace(
            "url = \"https://example.org/programa-ejemplo/taller\"",
            "url = \"http://example.org/programa-ejemplo/taller\"",
        );
        let outcome = compile("programa.toml", &source, None);
        assert_eq!(outcome.pack, None);
        assert_eq!(outcome.country.as_deref(), Some("MX"));
        let line = source
            .lines()
            .position(|l| l.starts_with("url = \"http://"))
            .unwrap()
            + 1;
        let value = "\"http://example.org/programa-ejemplo/taller\"";
        let caret = "^".repeat(value.len());
        let expected = format!(
            "error: links must start with https://; found 'http://example.org/programa-ejemplo/taller'\n  --> programa.toml:{line}:7\n   |\n{line} | url = {value}\n   |       {caret}\nprograma-estatal: 1 error(s), 0 warning(s)\n"
        );
        assert_eq!(outcome.diagnostics, expected);
        // The same text as packs::compile gives for the file, which `umbral validate` prints.
        let sources = {
            let mut s = packs::builtin();
            s.insert(
                0,
                PackSource {
                    dir: "programa-estatal".into(),
                    files: vec![SourceFile {
                        path: "programa.toml".into(),
                        text: source.clone(),
                    }],
                },
            );
            s
        };
        let cli = packs::compile("programa-estatal", &sources, None);
        assert!(outcome.diagnostics.starts_with(&render(&cli.diagnostics)));
    }

    #[test]
    fn syntax_errors_point_at_the_spot_and_a_name_gets_toml_added() {
        let outcome = compile(
            "#programa",
            "[pack]\nid = \"p\"\nextends = \"mx\"\nname = { es = \"P\", en = \"P\" \n",
            None,
        );
        assert_eq!(outcome.pack, None);
        assert!(
            outcome.diagnostics.contains("--> #programa.toml:4:"),
            "{}",
            outcome.diagnostics
        );
        assert!(outcome.diagnostics.contains("TOML syntax"));
    }

    #[test]
    fn a_pack_without_pack_table_or_country_is_refused() {
        let outcome = compile("p.toml", "[[entry]]\nid = \"x\"\n", None);
        assert!(outcome.diagnostics.contains("missing [pack] table"));
        assert_eq!(outcome.country, None);
        let outcome = compile(
            "p.toml",
            "[pack]\nid = \"p\"\nversion = \"1\"\nextends = \"core\"\nname = { es = \"P\", en = \"P\" }\n",
            None,
        );
        assert!(
            outcome.diagnostics.contains("names no country"),
            "{}",
            outcome.diagnostics
        );
        let outcome = compile(
            "p.toml",
            "[pack]\nid = \"p\"\nversion = \"1\"\nextends = \"cl\"\nname = 3\n",
            None,
        );
        assert_eq!(outcome.country.as_deref(), Some("CL"));
        assert!(outcome.pack.is_none());
    }
}
