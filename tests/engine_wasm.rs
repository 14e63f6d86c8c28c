//! The engine in WebAssembly, in headless Chromium: the profiles of
//! `tests/reports/profiles.jsonl` must give exactly the bytes of `tests/reports/expected.jsonl`,
//! which the native test `tests/reports.rs` pins. Same packs (compiled from `rules/` here in
//! wasm), same profiles, byte-identical reports.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use umbral::engine::{assess, Locale, Pack, Profile};
use umbral::packs;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn reports_are_byte_identical_to_the_native_ones() {
    let profiles = include_str!("reports/profiles.jsonl");
    let expected: Vec<&str> = include_str!("reports/expected.jsonl").lines().collect();
    let sources = packs::builtin();
    let mut packs: BTreeMap<String, Pack> = BTreeMap::new();
    let mut compared = 0;
    for (n, line) in profiles.lines().enumerate() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = case["pack"].as_str().unwrap().to_string();
        let pack = packs.entry(id.clone()).or_insert_with(|| {
            packs::compile(&id, &sources, None)
                .pack
                .expect("the pack compiles in wasm")
        });
        let locale = Locale::parse(case["locale"].as_str().unwrap()).unwrap();
        let profile = Profile::from_value(&case["profile"]).unwrap();
        let report = assess(pack, &profile, locale).to_json();
        assert_eq!(report, expected[n], "report {} differs in wasm", n + 1);
        compared += 1;
    }
    assert_eq!(compared, expected.len());
}

#[wasm_bindgen_test]
fn the_compiled_json_pack_links_in_wasm_and_scores_the_same() {
    let sources = packs::builtin();
    let pack = packs::compile("mx", &sources, None).pack.unwrap();
    let from_json = Pack::from_json(&pack.to_json()).unwrap();
    let profile = Profile::from_json(r#"{"schema":"umbral.profile/1","country":"MX"}"#).unwrap();
    assert_eq!(
        assess(&pack, &profile, Locale::Es).to_json(),
        assess(&from_json, &profile, Locale::Es).to_json()
    );
}

/// What the app does: the compact pack (`packs/<id>.txt`) and profiles read by `engine::json`
/// give the native reports byte for byte.
#[wasm_bindgen_test]
fn the_compact_pack_and_the_small_json_reader_score_the_same() {
    let profiles = include_str!("reports/profiles.jsonl");
    let expected: Vec<&str> = include_str!("reports/expected.jsonl").lines().collect();
    let sources = packs::builtin();
    let mut read: BTreeMap<String, Pack> = BTreeMap::new();
    for (n, line) in profiles.lines().enumerate() {
        let case = umbral::engine::json::parse(line).unwrap();
        let id = case["pack"].as_str().unwrap().to_string();
        let pack = read.entry(id.clone()).or_insert_with(|| {
            let compiled = packs::compile(&id, &sources, None).pack.unwrap();
            Pack::from_compact(&compiled.to_compact()).expect("the compact pack reads in wasm")
        });
        let locale = Locale::parse(case["locale"].as_str().unwrap()).unwrap();
        let profile = Profile::from_value(&case["profile"]).unwrap();
        let report = assess(pack, &profile, locale).to_json();
        assert_eq!(report, expected[n], "report {} differs in wasm", n + 1);
    }
}
