//! Hand-off files (issue 13): `workspace::handoff::decode` and `decode_partial` must never
//! panic on any text. What they accept must hold together: the whole-file reader accepts a file
//! exactly when the import refuses nothing; every enterprise accepted writes back into a file
//! that reads to the same enterprises; and merging them into an empty workspace, then again,
//! adds them once and changes nothing the second time. Reading the text one enterprise at a
//! time (what `decode` does when it can) gives what reading it as one JSON tree gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use umbral::workspace::{handoff, merge};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let whole = handoff::decode(text);
    let tree = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(json) => handoff::decode_value(&json)
            .map(|h| h.enterprises)
            .map_err(|e| e.to_string()),
        Err(e) => Err(format!("not a hand-off file: not valid JSON ({e})")),
    };
    assert_eq!(
        whole.as_ref().map_err(ToString::to_string),
        tree.as_ref().map_err(String::clone),
        "read lazily, the file reads otherwise than as a tree"
    );
    let Ok(partial) = handoff::decode_partial(text) else {
        assert!(whole.is_err(), "the import refused a file the whole-file reader accepts");
        return;
    };
    assert_eq!(
        whole.is_ok(),
        partial.refused.is_empty(),
        "the whole-file reader and the import disagree"
    );
    for refused in &partial.refused {
        assert!(!refused.errors.0.is_empty(), "an enterprise refused with no reason");
    }
    let enterprises = partial.handoff.enterprises;
    let again = handoff::encode(&enterprises, "2026-12-05T00:00:00Z");
    let read = handoff::decode(&again).expect("a file written from what was read reads back");
    assert_eq!(read, enterprises, "written and read back differently");
    let mut local = Vec::new();
    merge(&mut local, enterprises.clone());
    let second = merge(&mut local, enterprises);
    assert!(!second.changed(), "merging the same file twice changed something: {second:?}");
});
