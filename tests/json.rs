//! `engine::json`, the small JSON reader and writer the browser app uses instead of serde_json's:
//! it writes serde_json's bytes, reads what serde_json reads to the same values, and refuses
//! what serde_json refuses. Also `Profile::to_value`, built without serde, against serde's.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value as Json;
use umbral::engine::{json, Profile};

fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every line of the report snapshots and profiles, and the compiled Mexico pack.
fn samples() -> Vec<String> {
    let mut out = Vec::new();
    for file in [
        "tests/reports/profiles.jsonl",
        "tests/reports/expected.jsonl",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        out.extend(text.lines().map(str::to_string));
    }
    let mx = umbral::packs::compile("mx", &umbral::packs::builtin(), None)
        .pack
        .unwrap();
    out.push(mx.to_json());
    out
}

#[test]
fn reads_and_writes_as_serde_json_does() {
    let mut cases = samples();
    cases.extend(
        [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "-0.0",
            "1e3",
            "1E-3",
            "2.5e+2",
            "250.5",
            "-12",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "104219695.85714285",
            "0.30000000000000004",
            "2222222000212584098",
            "1e300",
            "5e-324",
            "123456789012345678901234567890",
            r#""a\"b\\c\/d\b\f\n\r\t\u0001\u001f\u00e9\ud83d\ude00 ñ""#,
            r#"["x",[],{},[[1]],{"b":1,"a":[true,null]}]"#,
            r#"{"z":1,"a":2,"m":{"k":"v"}}"#,
            "\t[ 1 , 2 ]\n",
        ]
        .map(str::to_string),
    );
    for text in &cases {
        let ours = json::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let theirs: Json = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs, "{text}");
        // Numbers: the same kind (integer or double) and, for doubles, the same bits.
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&theirs).unwrap()
        );
        assert_eq!(
            json::to_text(&ours),
            serde_json::to_string(&theirs).unwrap(),
            "{text}"
        );
    }
}

#[test]
fn refuses_what_is_not_json() {
    for text in [
        "",
        " ",
        "nul",
        "tru",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "+1",
        "1e999",
        "[1,]",
        "[1 2]",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{a:1}",
        "\"abc",
        "\"a\u{1}\"",
        r#""\x""#,
        r#""\u12""#,
        r#""\u+123""#,
        r#""\ud800""#,
        r#""\ud800\u0041""#,
        r#""\udc00""#,
        "[1] 2",
        "NaN",
        &"[".repeat(200),
    ] {
        assert!(
            serde_json::from_str::<Json>(text).is_err(),
            "serde_json takes {text:?}"
        );
        let error = json::parse(text).expect_err(text);
        assert!(error.starts_with("not valid JSON: "), "{error}");
        assert!(error.contains(" at byte "), "{error}");
    }
    assert_eq!(
        json::parse("[1,]").unwrap_err(),
        "not valid JSON: expected a value at byte 3"
    );
}

#[test]
fn profile_to_value_is_serdes() {
    let text = std::fs::read_to_string(root().join("tests/reports/profiles.jsonl")).unwrap();
    for line in text.lines() {
        let case: Json = serde_json::from_str(line).unwrap();
        let profile = Profile::from_value(&case["profile"]).unwrap();
        assert_eq!(profile.to_value(), serde_json::to_value(&profile).unwrap());
        assert_eq!(Profile::from_value(&profile.to_value()).unwrap(), profile);
    }
}

fn arb_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(Json::from),
        any::<u64>().prop_map(Json::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number)),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_value_round_trips_as_serde_json(value in arb_json()) {
        let text = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(json::to_text(&value), text.clone());
        prop_assert_eq!(json::parse(&text).unwrap(), serde_json::from_str::<Json>(&text).unwrap());
    }
}
