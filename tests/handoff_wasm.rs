//! The workspace in WebAssembly, in headless Chromium: decoding the sample hand-off file,
//! merging another device's file into it and writing the CSV give exactly the bytes the native
//! test `tests/handoff.rs` pins. Conflict copies get ids derived from content hashes, so this
//! is what makes a phone and the command line agree on them.
#![cfg(target_arch = "wasm32")]

use umbral::engine::Pack;
use umbral::packs;
use umbral::workspace::csv::{self, Separator};
use umbral::workspace::{handoff, merge};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn merge_and_csv_give_the_native_bytes() {
    let mut local = handoff::decode(include_str!("fixtures/handoff/v1-sample.json")).unwrap();
    let other = handoff::decode(include_str!("fixtures/handoff/v1-other-device.json")).unwrap();
    let report = merge(&mut local, other.clone());
    assert_eq!(
        (report.visit_conflicts, report.enterprise_conflicts),
        (1, 1)
    );
    assert_eq!(
        handoff::encode(&local, "2026-11-28T12:00:00Z"),
        include_str!("fixtures/handoff/merged.json")
    );
    assert!(!merge(&mut local, other).changed());

    let sources = packs::builtin();
    let compiled: Vec<(&str, Pack)> = [("MX", "mx"), ("CL", "cl"), ("BO", "bo")]
        .into_iter()
        .map(|(c, id)| (c, packs::compile(id, &sources, None).pack.unwrap()))
        .collect();
    let lookup = |c: &str| compiled.iter().find(|(x, _)| *x == c).map(|(_, p)| p);
    assert_eq!(
        csv::latest_reports(&local, &lookup, Separator::Comma).unwrap(),
        include_str!("fixtures/handoff/merged.csv")
    );
}
