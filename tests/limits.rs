//! One limit per thing, enforced at the first reader (issue 13): whatever one reader of a
//! profile or a workspace accepts, every later reader reads back, so nothing a person entered
//! is lost between a share link, the app's draft, a stored visit and a hand-off file.

use serde_json::{json, Value as Json};
use umbral::app::draft::{draft_json, state_from_draft};
use umbral::app::state::State;
use umbral::engine::condition::MAX_DEPTH;
use umbral::engine::profile::MAX_EXTRA_DEPTH;
use umbral::engine::{Locale, Pack, Profile};
use umbral::packs;
use umbral::share::{decode_link, encode_link};
use umbral::workspace::{
    clamp_notes, clean_name, handoff, merge, Enterprise, Visit, MAX_NAME_CHARS, MAX_NOTES_CHARS,
};

/// A list nested `depth` deep around `true` (0: the value itself).
fn nested(depth: usize) -> Json {
    (0..depth).fold(json!(true), |inner, _| json!([inner]))
}

fn profile_with_extra(depth: usize) -> Json {
    json!({
        "schema": "umbral.profile/2",
        "country": "MX",
        "label": "Tejidos Ana",
        "extra": { "deep": nested(depth) },
    })
}

#[test]
fn an_answer_nested_to_the_limit_survives_every_reader() {
    let value = profile_with_extra(MAX_EXTRA_DEPTH);
    let profile = Profile::from_value(&value).expect("the limit itself is accepted");
    // Share link.
    let link = encode_link(&profile);
    let opened = decode_link(&link).expect("the link opens");
    assert_eq!(opened, profile);
    // The app's draft.
    let mut state = State::new(Locale::Es);
    state.profile = opened;
    let restored = state_from_draft(&draft_json(&state)).expect("the draft reads back");
    assert_eq!(restored.profile, profile);
    // A stored visit in a hand-off file.
    let mut enterprise =
        Enterprise::new("e1", "Tejidos Ana", "MX", "device1", "2026-12-01T10:00:00Z");
    enterprise.visits.push(Visit::new(
        "v1",
        "2026-12-01",
        restored.profile.to_value(),
        "device1",
        "2026-12-01T10:00:00Z",
    ));
    let file = handoff::encode(std::slice::from_ref(&enterprise), "2026-12-01T11:00:00Z");
    assert_eq!(handoff::decode(&file).unwrap(), vec![enterprise]);
}

#[test]
fn an_answer_nested_past_the_limit_is_refused_by_the_first_reader_with_where() {
    // The reader's message writes the limit out.
    assert_eq!(
        MAX_EXTRA_DEPTH, 16,
        "change the message in Profile::from_value too"
    );
    let errors = Profile::from_value(&profile_with_extra(MAX_EXTRA_DEPTH + 1)).unwrap_err();
    let text = errors.to_string();
    assert!(
        text.contains("$.extra.deep") && text.contains("nested more than 16 deep"),
        "{text}"
    );
    // A link can carry it only if made by hand: the link reader refuses it too.
    let mut profile = Profile::new("MX");
    profile
        .extra
        .insert("deep".into(), nested(MAX_EXTRA_DEPTH + 1));
    let error = decode_link(&encode_link(&profile)).unwrap_err().to_string();
    assert!(error.contains("nests lists deeper"), "{error}");
    // A hostile JSON file 10,000 deep gets a message, not a crash.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let text =
        format!(r#"{{"schema":"umbral.profile/2","country":"MX","extra":{{"deep":{deep}}}}}"#);
    assert!(Profile::from_json(&text).is_err());
    let handoff_text = format!(
        r#"{{"schema":"umbral.handoff/2","exported_at":"2026-12-01T11:00:00Z","app_version":"1","enterprises":{deep}}}"#
    );
    assert!(handoff::decode(&handoff_text).is_err());
}

/// The Mexican pack with its first score's condition replaced by `when`.
fn mx_with_condition(when: &str) -> Result<Pack, String> {
    let mut data = builtin_pack("mx").data;
    data.scores[0].when = when.to_string();
    Pack::link(data).map_err(|e| e.to_string())
}

fn builtin_pack(id: &str) -> Pack {
    let compiled = packs::compile(id, &packs::builtin(), None);
    compiled.pack.expect("the shipped packs link")
}

#[test]
fn a_condition_nested_past_the_compact_readers_limit_fails_to_link() {
    let test = "network.association";
    // 66 nested `not`s: refused by the linker, as `umbral validate` and the browser's check of
    // a programme pack both run it, with a message.
    let error = mx_with_condition(&format!("{}{test}", "not ".repeat(66))).unwrap_err();
    assert!(error.contains("nests more than 64 levels"), "{error}");
    // Parentheses and `and`/`or` count as well.
    let deep = (0..70).fold(test.to_string(), |inner, _| format!("({inner} and {test})"));
    let error = mx_with_condition(&deep).unwrap_err();
    assert!(error.contains("nests more than 64 levels"), "{error}");
    // 10,000 deep: a message, not a stack overflow.
    let error = mx_with_condition(&format!("{}{test}", "not ".repeat(10_000))).unwrap_err();
    assert!(error.contains("nests more than 64 levels"), "{error}");
    // At the limit it links, and its compact form (what the browser reads) reads back.
    let at_limit = format!("{}{test}", "not ".repeat(MAX_DEPTH as usize));
    let pack = mx_with_condition(&at_limit).expect("a condition at the limit links");
    Pack::from_compact(&pack.to_compact()).expect("and reads back");
}

#[test]
fn names_and_notes_are_kept_within_what_the_hand_off_reader_accepts() {
    assert_eq!(clean_name("   "), None);
    assert_eq!(clean_name("\t\n"), None);
    assert_eq!(clean_name("  Tejidos Ana "), Some("Tejidos Ana".into()));
    let long = "ñ".repeat(MAX_NAME_CHARS + 50);
    assert_eq!(clean_name(&long).unwrap().chars().count(), MAX_NAME_CHARS);
    let mut notes = "é".repeat(25_000);
    assert!(clamp_notes(&mut notes));
    assert_eq!(notes.chars().count(), MAX_NOTES_CHARS);
    let mut short = "Vende los domingos.".to_string();
    assert!(!clamp_notes(&mut short));
    // A 25,000-character note, as the workspace keeps it, is exported and imported elsewhere.
    let mut enterprise = Enterprise::new(
        "e1",
        &clean_name(&long).unwrap(),
        "MX",
        "d",
        "2026-12-01T10:00:00Z",
    );
    let mut visit = Visit::new(
        "v1",
        "2026-12-01",
        json!({"schema": "umbral.profile/2", "country": "MX"}),
        "d",
        "2026-12-01T10:00:00Z",
    );
    visit.notes = notes;
    enterprise.visits.push(visit);
    let file = handoff::encode(std::slice::from_ref(&enterprise), "2026-12-01T11:00:00Z");
    assert_eq!(handoff::decode(&file).unwrap(), vec![enterprise]);
}

#[test]
fn an_import_refuses_only_the_bad_record_and_says_which() {
    let good = |id: &str, name: &str| Enterprise::new(id, name, "MX", "d", "2026-12-01T10:00:00Z");
    let mut bad = good("e2", "Panadería Lupe");
    let mut visit = Visit::new(
        "v1",
        "2026-12-01",
        json!({"schema": "umbral.profile/2", "country": "MX"}),
        "d",
        "2026-12-01T10:00:00Z",
    );
    // Written by an older version with no limit on notes.
    visit.notes = "x".repeat(MAX_NOTES_CHARS + 1);
    bad.visits.push(visit);
    let text = handoff::encode(
        &[good("e1", "Tejidos Ana"), bad, good("e3", "Miel Don Beto")],
        "2026-12-01T11:00:00Z",
    );
    // The whole-file reader (the command line) names the problem…
    let errors = handoff::decode(&text).unwrap_err();
    assert_eq!(errors.0.len(), 1);
    assert_eq!(errors.0[0].path, "enterprises[1].visits[0].notes");
    // …and the import takes the rest, naming the one left out.
    let partial = handoff::decode_partial(&text).unwrap();
    let names: Vec<&str> = partial
        .handoff
        .enterprises
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Tejidos Ana", "Miel Don Beto"]);
    assert_eq!(partial.refused.len(), 1);
    assert_eq!(partial.refused[0].index, 1);
    assert_eq!(partial.refused[0].label, "Panadería Lupe");
    let summary = partial.refused_summary(Locale::Es).unwrap();
    assert!(
        summary.starts_with("Un negocio del archivo no se importó porque tiene errores: «Panadería Lupe»: enterprises[1].visits[0].notes:"),
        "{summary}"
    );
    // A file that is not a hand-off file at all is still refused as a whole.
    assert!(handoff::decode_partial("{}").is_err());
    // A second enterprise with the same id is the one left out.
    let text = handoff::encode(
        &[good("e1", "Tejidos Ana"), good("e1", "Otra")],
        "2026-12-01T11:00:00Z",
    );
    let partial = handoff::decode_partial(&text).unwrap();
    assert_eq!(partial.handoff.enterprises.len(), 1);
    assert_eq!(partial.refused[0].label, "Otra");
}

#[test]
fn a_hundred_thousand_enterprises_decode_and_merge_in_linear_time() {
    // Quadratic checks took minutes here; maps take a moment. Counted, not timed: the merge
    // of the file into itself finds every enterprise and changes nothing.
    let enterprises: Vec<Enterprise> = (0..100_000)
        .map(|i| {
            Enterprise::new(
                &format!("e{i:06}"),
                &format!("Negocio {i}"),
                "MX",
                "d",
                "2026-12-01T10:00:00Z",
            )
        })
        .collect();
    let text = handoff::encode(&enterprises, "2026-12-01T11:00:00Z");
    let decoded = handoff::decode(&text).unwrap();
    assert_eq!(decoded.len(), 100_000);
    let mut local = decoded.clone();
    let report = merge(&mut local, decoded);
    assert_eq!(local.len(), 100_000);
    assert!(!report.changed());
    assert!(report.enterprises_to_save.is_empty());
}

#[test]
fn merging_a_file_twice_changes_nothing_whatever_order_its_lists_are_in() {
    // The hand-off fuzz target's second finding: other values out of order (or equal to the
    // detail itself) and repeated tombstones were read as they were, and the second merge
    // "updated" the enterprise by putting them in order.
    let mut e = Enterprise::new("e1", "Café La Esquina", "CL", "d", "2026-12-01T10:00:00Z");
    e.locality = "Cerro Alegre".into();
    let mut value = serde_json::to_value(&e).unwrap();
    value["other_values"] = json!([
        {"field": "locality", "value": "Cerro Bellavista"},
        {"field": "locality", "value": "Cerrc enooCpción"},
        {"field": "locality", "value": "Cerro Alegre"},
        {"field": "locality", "value": "Cerro Bellavista"},
    ]);
    value["removed"] = json!([
        {"id": "v9", "edits": {"d": 1}},
        {"id": "v9", "edits": {"x": 2}},
    ]);
    let text = format!(
        r#"{{"schema":"umbral.handoff/2","exported_at":"2026-12-01T11:00:00Z","app_version":"1","enterprises":[{value}]}}"#
    );
    let read = handoff::decode(&text).unwrap();
    let values: Vec<&str> = read[0]
        .other_values
        .iter()
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(values, ["Cerrc enooCpción", "Cerro Bellavista"]);
    assert_eq!(read[0].removed.len(), 1);
    let mut local = Vec::new();
    merge(&mut local, read.clone());
    let second = merge(&mut local, read);
    assert!(!second.changed(), "{second:?}");
    assert!(second.enterprises_to_save.is_empty());
}
