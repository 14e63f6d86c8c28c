//! Whole reports, snapshotted: `tests/reports/profiles.jsonl` in, `tests/reports/expected.jsonl`
//! out, one compact report per line. `tests/engine_wasm.rs` scores the same profiles in
//! WebAssembly and `tests/compact.rs` from the compact packs; both must produce these same bytes. Every report, and every profile,
//! is also checked against the published JSON schemas.
//!
//! Each case's report is also stored pretty-printed, one file per case under
//! `tests/reports/expected/`, where a change reads as a diff. `UPDATE_EXPECT=1 cargo test --test
//! reports` rewrites them all (and the per-pack text reports under `tests/reports/cases/`) after
//! a deliberate change; review the diff before committing it.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use serde_json::Value as Json;
use umbral::engine::{assess, Locale, Pack, Profile};
use umbral::packs;

fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("www/spec").join(name)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn schema_errors(validator: &jsonschema::Validator, value: &Json) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

struct Packs(BTreeMap<String, Pack>);

impl Packs {
    fn get(&mut self, id: &str) -> &Pack {
        self.0.entry(id.to_string()).or_insert_with(|| {
            packs::compile(id, &packs::builtin(), None)
                .pack
                .unwrap_or_else(|| panic!("pack {id} compiles"))
        })
    }
}

#[test]
fn reports_match_their_snapshots_and_the_schema() {
    let profiles = std::fs::read_to_string(root().join("tests/reports/profiles.jsonl")).unwrap();
    let report_schema = schema("report-v3.schema.json");
    let profile_schemas = [
        ("umbral.profile/1", schema("profile-v1.schema.json")),
        ("umbral.profile/2", schema("profile-v2.schema.json")),
    ];
    let mut packs = Packs(BTreeMap::new());
    let mut actual = String::new();
    let mut pretty: Vec<(String, String)> = Vec::new();
    for (n, line) in profiles.lines().enumerate() {
        let case: Json = serde_json::from_str(line).unwrap();
        let name = case["name"].as_str().unwrap();
        let pack = packs.get(case["pack"].as_str().unwrap());
        let locale = Locale::parse(case["locale"].as_str().unwrap()).unwrap();
        let version = case["profile"]["schema"].as_str().unwrap();
        let (_, profile_schema) = profile_schemas
            .iter()
            .find(|(v, _)| *v == version)
            .unwrap_or_else(|| panic!("profile {name}: unknown schema {version}"));
        let errors = schema_errors(profile_schema, &case["profile"]);
        assert!(errors.is_empty(), "profile {name}: {errors:?}");
        let profile = Profile::from_value(&case["profile"]).unwrap();
        let assessed = assess(pack, &profile, locale);
        pretty.push((name.to_string(), assessed.to_json_pretty()));
        let report = assessed.to_json();
        let errors = schema_errors(&report_schema, &serde_json::from_str(&report).unwrap());
        assert!(
            errors.is_empty(),
            "line {}: report for {name}: {errors:?}",
            n + 1
        );
        actual.push_str(&report);
        actual.push('\n');
    }
    // The same reports pretty-printed, one file per case: where a change is read in review.
    // `expected.jsonl` stays the byte-exact oracle that WebAssembly and the compact packs are
    // held to (tests/engine_wasm.rs, tests/compact.rs, the release-engine e2e test).
    let dir = root().join("tests/reports/expected");
    let file = |n: usize, name: &str| {
        let mut slug = String::new();
        for c in name.to_lowercase().chars() {
            let c = match c {
                'á' => 'a',
                'é' => 'e',
                'í' => 'i',
                'ó' => 'o',
                'ú' | 'ü' => 'u',
                'ñ' => 'n',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            };
            if c != '-' || !slug.ends_with('-') {
                slug.push(c);
            }
        }
        dir.join(format!("{:02}-{}.json", n + 1, slug.trim_matches('-')))
    };
    let path = root().join("tests/reports/expected.jsonl");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (n, (name, text)) in pretty.iter().enumerate() {
            std::fs::write(file(n, name), format!("{text}\n")).unwrap();
        }
        return;
    }
    for (n, (name, text)) in pretty.iter().enumerate() {
        let stored = std::fs::read_to_string(file(n, name)).unwrap_or_default();
        assert!(
            stored == format!("{text}\n"),
            "{} differs (UPDATE_EXPECT=1 to accept, then read the diff)",
            file(n, name).display()
        );
    }
    assert_eq!(
        std::fs::read_dir(&dir).map_or(0, |d| d.count()),
        pretty.len(),
        "tests/reports/expected holds a file per case and no other"
    );
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    for (n, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert!(
            a == e,
            "report {} differs from tests/reports/expected.jsonl (UPDATE_EXPECT=1 to accept)\n--- expected\n{e}\n--- actual\n{a}",
            n + 1
        );
    }
    assert_eq!(
        actual.lines().count(),
        expected.lines().count(),
        "case count"
    );
}

#[test]
fn every_pack_example_gives_a_schema_valid_report_in_both_locales() {
    let report_schema = schema("report-v3.schema.json");
    let sources = packs::builtin();
    let mut checked = 0;
    for (src, (id, compiled)) in sources.iter().zip(packs::compile_all(&sources, None)) {
        let Some(pack) = compiled.pack else {
            panic!("pack {id} does not compile")
        };
        let Some(file) = src.files.iter().find(|f| f.path.ends_with("examples.toml")) else {
            continue;
        };
        let examples: toml::Table = toml::from_str(&file.text).unwrap();
        for case in examples["case"].as_array().unwrap() {
            let profile_json: Json = serde_json::to_value(&case["profile"]).unwrap();
            let profile = Profile::from_value(&profile_json).unwrap();
            for locale in Locale::ALL {
                let report: Json =
                    serde_json::from_str(&assess(&pack, &profile, locale).to_json()).unwrap();
                let errors = schema_errors(&report_schema, &report);
                assert!(errors.is_empty(), "{id} {:?}: {errors:?}", case["name"]);
                checked += 1;
            }
        }
    }
    assert!(checked >= 16, "only {checked} reports checked");
}

/// Every pack example's report as its owner reads it (the command line's text, in Spanish),
/// one file per pack under `tests/reports/cases/`: a change to the rules shows in review as
/// the change to what each owner, the field study's among them, is told. `UPDATE_EXPECT=1`
/// rewrites them; read the diff as the owner would before accepting it.
#[test]
fn every_example_reads_as_its_snapshot() {
    let sources = packs::builtin();
    let mut files = 0;
    for (src, (id, compiled)) in sources.iter().zip(packs::compile_all(&sources, None)) {
        let pack = compiled
            .pack
            .unwrap_or_else(|| panic!("pack {id} does not compile"));
        let Some(file) = src.files.iter().find(|f| f.path.ends_with("examples.toml")) else {
            continue;
        };
        let examples: toml::Table = toml::from_str(&file.text).unwrap();
        let mut actual = String::new();
        for case in examples["case"].as_array().unwrap() {
            let profile_json: Json = serde_json::to_value(&case["profile"]).unwrap();
            let profile = Profile::from_value(&profile_json).unwrap();
            let report = assess(&pack, &profile, Locale::Es);
            actual.push_str(&format!("==== {}\n\n", case["name"].as_str().unwrap()));
            let mut text = Vec::new();
            umbral::cli::text::report(&report, &pack, &mut text).unwrap();
            actual.push_str(&String::from_utf8(text).unwrap());
            actual.push('\n');
        }
        let path = root().join(format!("tests/reports/cases/{id}.es.txt"));
        files += 1;
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some((n, (a, e))) = actual
            .lines()
            .zip(expected.lines())
            .enumerate()
            .find(|(_, (a, e))| a != e)
        {
            panic!(
                "tests/reports/cases/{id}.es.txt differs at line {} (UPDATE_EXPECT=1 to accept)\n--- expected\n{e}\n--- actual\n{a}",
                n + 1
            );
        }
        assert_eq!(
            actual, expected,
            "tests/reports/cases/{id}.es.txt: line count"
        );
    }
    assert!(files >= 4, "only {files} packs with examples");
}

#[test]
fn the_bare_profile_gets_a_sensible_report() {
    let pack = packs::compile("mx", &packs::builtin(), None).pack.unwrap();
    let profile = Profile::from_json(r#"{"schema":"umbral.profile/1","country":"MX"}"#).unwrap();
    let report = assess(&pack, &profile, Locale::Es);
    assert_eq!(report.readiness, 0);
    assert_eq!(report.stage, None);
    assert!(report.unanswered.contains(&"connectivity.internet"));
    // Nothing is recommended on the strength of answers that were never given.
    assert!(report.steps.is_empty(), "{:?}", report.steps);
    assert_eq!(
        report.next_unlock.as_ref().unwrap().pathway,
        "online_presence"
    );
}
