//! The workspace: the hand-off file `umbral.handoff/3`, and versions 1 and 2 read and migrated
//! (round trips, every problem named with its path, the JSON schema), cohort tags, steps
//! followed through and outcomes, merging, the CSV of latest reports, progress between visits,
//! and `umbral handoff` on the command line.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use serde_json::{json, Value as Json};
mod support;

use support::{text, umbral};
use umbral::engine::{assess, Locale, Pack, Profile};
use umbral::packs;
use umbral::workspace::csv::{self, Separator};
use umbral::workspace::follow::StepUpdate;
use umbral::workspace::handoff;
use umbral::workspace::progress;
use umbral::workspace::{
    merge, merge_changes, CohortFilter, Enterprise, FollowError, MergeReport, OtherValue, Outcomes,
    StepStatus, ToolUse, Visit, Who,
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample_text() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/handoff/v1-sample.json")).unwrap()
}

fn sample() -> Vec<Enterprise> {
    handoff::decode(&sample_text()).unwrap_or_else(|e| panic!("the sample decodes:\n{e}"))
}

/// The hand-off schema of `version` with the profile schema it refers to (`"$ref":
/// "umbral.profile/…"`) bundled in as an embedded resource, as JSON Schema 2020-12 allows.
fn schema(version: u8) -> jsonschema::Validator {
    let read = |name: &str| -> Json {
        let text = std::fs::read_to_string(root().join("www/spec").join(name)).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let mut handoff = read(&format!("handoff-v{version}.schema.json"));
    // Version 3 holds version-2 profiles, as version 2 does.
    let profile = version.min(2);
    handoff["$defs"]["bundled_profile"] = read(&format!("profile-v{profile}.schema.json"));
    jsonschema::validator_for(&handoff).unwrap()
}

/// What the schema of the file's own version says of it.
fn schema_errors(text: &str) -> Vec<String> {
    let value: Json = serde_json::from_str(text).unwrap();
    let version = match value["schema"].as_str() {
        Some("umbral.handoff/1") => 1,
        Some("umbral.handoff/2") => 2,
        _ => 3,
    };
    schema(version)
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Each problem as the user reads it.
fn messages(errors: handoff::HandoffErrors) -> Vec<String> {
    errors.0.iter().map(|e| e.to_string()).collect()
}

/// The messages of decoding `text`, or an empty list when it decodes.
fn errors(text: &str) -> Vec<String> {
    handoff::decode(text)
        .err()
        .map(messages)
        .unwrap_or_default()
}

/// The sample with one change made to its JSON.
fn edited(change: impl FnOnce(&mut Json)) -> String {
    let mut json: Json = serde_json::from_str(&sample_text()).unwrap();
    change(&mut json);
    json.to_string()
}

const NOW: &str = "2026-11-28T14:00:00Z";

// ---------------------------------------------------------------------------------------------
// The file format

#[test]
fn the_sample_decodes_and_round_trips() {
    let enterprises = sample();
    assert_eq!(enterprises.len(), 3);
    assert_eq!(enterprises[0].name, "Tejidos Ana (ficticio)");
    assert_eq!(enterprises[0].visits.len(), 2);
    assert_eq!(enterprises[1].other_values.len(), 1);
    let text = handoff::encode(&enterprises, NOW);
    assert_eq!(handoff::decode(&text).unwrap(), enterprises);
    let file = handoff::decode_file(&text).unwrap();
    assert_eq!(file.exported_at, NOW);
    assert_eq!(file.app_version, env!("CARGO_PKG_VERSION"));
    // One enterprise per line, the header on the first.
    assert_eq!(text.lines().count(), 2 + enterprises.len());
    assert!(text.starts_with(
        "{\"schema\":\"umbral.handoff/3\",\"exported_at\":\"2026-11-28T14:00:00Z\",\"app_version\":"
    ));
    // The version-1 sample's profiles were migrated: the same answers, as version 2.
    assert!(!text.contains("umbral.profile/1"));
    assert_eq!(text.matches("umbral.profile/2").count(), 4);
    // Encoding is stable.
    assert_eq!(handoff::encode(&handoff::decode(&text).unwrap(), NOW), text);
}

#[test]
fn encoded_files_and_the_sample_match_the_json_schema() {
    assert_eq!(schema_errors(&sample_text()), Vec::<String>::new());
    assert_eq!(
        schema_errors(&handoff::encode(&sample(), NOW)),
        Vec::<String>::new()
    );
    assert_eq!(
        schema_errors(&handoff::encode(&[], NOW)),
        Vec::<String>::new()
    );
    // The schema is not a rubber stamp: it refuses what the decoder refuses.
    assert!(!schema_errors(&edited(
        |j| j["enterprises"][0]["visits"][0]["date"] = json!("14/03/2026")
    ))
    .is_empty());
    assert!(
        !schema_errors(&edited(|j| j["enterprises"][0]["visits"][0]["profile"]
            ["connectivity"]["internet"] =
            json!("fiber")))
        .is_empty()
    );
    assert!(!schema_errors(&edited(|j| j["enterprises"][0]["colour"] = json!("red"))).is_empty());
}

#[test]
fn profiles_are_kept_in_canonical_form() {
    let text = edited(|j| {
        j["enterprises"][0]["visits"][0]["profile"]["payments"]["monthly_budget"] = json!(150.0)
    });
    let enterprises = handoff::decode(&text).unwrap();
    assert_eq!(
        enterprises[0].visits[0].profile["payments"]["monthly_budget"],
        json!(150)
    );
    assert_eq!(enterprises, sample());
}

#[test]
fn not_a_handoff_file() {
    assert_eq!(
        errors("{\"schema\": "),
        vec!["not a hand-off file: not valid JSON (EOF while parsing a value at line 1 column 11)"]
    );
    // In Spanish, where it goes wrong, without the parser's English.
    let cut = handoff::decode("{\"schema\": ").unwrap_err();
    assert_eq!(
        cut.0[0].message(Locale::Es),
        "no es un archivo de traspaso: no es JSON válido (el texto se acaba antes de tiempo, en la línea 1, columna 11)"
    );
    let wrong = handoff::decode("{\"schema\" 3}").unwrap_err();
    assert_eq!(
        wrong.0[0].message(Locale::Es),
        "no es un archivo de traspaso: no es JSON válido (algo está mal escrito en la línea 1, columna 11)"
    );
    assert_eq!(
        errors("[]"),
        vec!["not a hand-off file: expected a JSON object, found an array"]
    );
    assert_eq!(
        errors("{}"),
        vec!["not a hand-off file: missing field 'schema' (\"umbral.handoff/3\")"]
    );
    assert_eq!(
        errors(r#"{"schema":"umbral.report/1"}"#),
        vec!["schema: not a hand-off file: expected \"umbral.handoff/3\", found 'umbral.report/1'"]
    );
    assert_eq!(
        errors(r#"{"schema":"umbral.profile/1","country":"MX"}"#),
        vec!["schema: this file is one profile ('umbral.profile/1'), not a hand-off file ('umbral.handoff/3')"]
    );
    assert_eq!(
        errors(r#"{"schema":"umbral.profile/2","country":"MX"}"#),
        vec!["schema: this file is one profile ('umbral.profile/2'), not a hand-off file ('umbral.handoff/3')"]
    );
}

/// What reading `text` gives, as the user reads it: the file's enterprises or every problem.
fn read_as_tree(text: &str) -> Result<handoff::Handoff, Vec<String>> {
    match serde_json::from_str::<Json>(text) {
        Ok(json) => handoff::decode_value(&json).map_err(messages),
        // Not JSON: there is no tree, and `decode` must say so as the tree reader would.
        Err(e) => Err(vec![format!("not a hand-off file: not valid JSON ({e})")]),
    }
}

/// `decode_file` reads a file one enterprise at a time when it can; whatever the text, it
/// gives what reading the whole file as one JSON tree gives (the enterprises, or the same
/// problems in the same order), and `decode_for_scoring` gives the same enterprises with their
/// answers parsed.
fn reads_as_the_tree_reader_does(text: &str) {
    let lazily = handoff::decode_file(text).map_err(messages);
    assert_eq!(lazily, read_as_tree(text), "{text:.300}");
    let scoring = handoff::decode_for_scoring(text).map_err(messages);
    match (lazily, scoring) {
        (Ok(stored), Ok(parsed)) => {
            assert_eq!(parsed.schema, stored.schema);
            assert_eq!(parsed.enterprises.len(), stored.enterprises.len());
            for (p, s) in parsed.enterprises.iter().zip(&stored.enterprises) {
                let answers: Vec<Json> = p.visits.iter().map(|v| v.profile.to_value()).collect();
                let stored: Vec<&Json> = s.visits.iter().map(|v| &v.profile).collect();
                assert_eq!(answers.iter().collect::<Vec<_>>(), stored);
                // Scored from either, the answers are the same.
                for (parsed, stored) in p.visits.iter().zip(&s.visits) {
                    assert_eq!(
                        Profile::from_value(&stored.profile).as_ref(),
                        Ok(&parsed.profile)
                    );
                }
                assert_eq!(
                    (&p.id, &p.steps, p.step_counts()),
                    (&s.id, &s.steps, s.step_counts())
                );
            }
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        (a, b) => panic!("decode_file {a:?}, decode_for_scoring {b:?}"),
    }
}

#[test]
fn a_file_read_one_enterprise_at_a_time_reads_as_one_tree() {
    let fixtures = root().join("tests/fixtures/handoff");
    let mut texts: Vec<String> = ["v1-sample.json", "v1-other-device.json", "v2-merged.json"]
        .iter()
        .chain(&["v3-sample.json", "merged.json"])
        .map(|f| std::fs::read_to_string(fixtures.join(f)).unwrap())
        .collect();
    let v3 = texts[3].clone();
    texts.extend([
        // The same file written compactly, and with the list before the header.
        handoff::encode(&handoff::decode(&v3).unwrap(), NOW),
        v3.replacen("\"schema\": \"umbral.handoff/3\",", "", 1)
            .replacen("\n}", ",\"schema\": \"umbral.handoff/3\"}", 1),
        // A key written with an escape, and a key given twice (the last one counts).
        v3.replacen("\"schema\"", "\"sch\\u0065ma\"", 1),
        v3.replacen(
            "\"app_version\"",
            "\"app_version\": \"0.0.9\", \"app_version\"",
            1,
        ),
        v3.replacen(
            "\"enterprises\": [",
            "\"enterprises\": [], \"enterprises\": [",
            1,
        ),
        // A number JSON allows and no reader can hold, inside an enterprise.
        v3.replacen("\"sector\": \"crafts\"", "\"sector\": 1e400", 1),
        // Nesting deeper than a JSON tree of the whole file may go, though not deeper than one
        // of its enterprise alone would.
        v3.replacen(
            "\"notes\": \"",
            &format!(
                "\"deep\": {}0{}, \"notes\": \"",
                "[".repeat(124),
                "]".repeat(124)
            ),
            1,
        ),
        // A member given twice: the one that does not count is still parsed by the tree
        // reader, so a number out of range, a lone surrogate or nesting too deep in it refuses
        // the file, read either way.
        v3.replacen(
            "\"exported_at\"",
            "\"exported_at\": 1e400, \"exported_at\"",
            1,
        ),
        v3.replacen(
            "\"app_version\"",
            "\"app_version\": \"\\ud800\", \"app_version\"",
            1,
        ),
        v3.replacen(
            "\"enterprises\": [",
            "\"enterprises\": [1e400], \"enterprises\": [",
            1,
        ),
        v3.replacen(
            "\"schema\"",
            &format!(
                "\"deep\": {}{}, \"schema\"",
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
            1,
        ),
        // The same inside a visit: its first notes nested deeper than a tree of the whole file
        // may go, though an enterprise alone could.
        v3.replacen(
            "\"notes\": \"",
            &format!(
                "\"notes\": {}0{}, \"notes\": \"",
                "[".repeat(124),
                "]".repeat(124)
            ),
            1,
        ),
        // A problem in an enterprise, in the header, in the list; text that is not JSON.
        v3.replacen("\"sector\": \"crafts\"", "\"sector\": \"pottery\"", 1),
        v3.replacen(
            "\"exported_at\": \"2026-10-02T09:00:00Z\"",
            "\"exported_at\": 3",
            1,
        ),
        v3.replacen("\"enterprises\": [", "\"enterprises\": [7, ", 1),
        v3.replacen("\"enterprises\": [", "\"enterprises\": {\"a\": [", 1),
        v3[..v3.len() / 2].to_string(),
        format!("\u{feff}{v3}"),
        "[]".to_string(),
        "{}".to_string(),
        "".to_string(),
    ]);
    for text in &texts {
        reads_as_the_tree_reader_does(text);
    }
    // Every case above that is a file reads as one; the others are refused.
    let read = texts.iter().filter(|t| handoff::decode(t).is_ok()).count();
    assert_eq!(read, 10);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever is cut from, pasted into or typed over a good file, reading it one enterprise
    /// at a time gives what reading it as one tree gives.
    #[test]
    fn a_damaged_file_reads_as_one_tree_would(
        at in 0.0..1.0f64,
        cut in 0usize..40,
        paste in prop::sample::select(vec![
            "", "\"", "{", "}", "[", "]", ",", ":", "null", "1e400", "-0", "\\u00e9", "\"id\":\"x\"",
            "\"enterprises\":[]", "\"schema\":\"umbral.handoff/2\"", "\u{feff}", " ",
        ]),
    ) {
        let v3 = std::fs::read_to_string(root().join("tests/fixtures/handoff/v3-sample.json")).unwrap();
        let text = handoff::encode(&handoff::decode(&v3).unwrap(), NOW);
        let mut start = (at * text.len() as f64) as usize;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + cut).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let damaged = format!("{}{paste}{}", &text[..start], &text[end..]);
        reads_as_the_tree_reader_does(&damaged);
    }
}

/// A version-1 file holds version-1 profiles: one that says otherwise is not a file any
/// version of Umbral wrote, and is refused with the visit named.
#[test]
fn a_version_1_file_holds_version_1_profiles() {
    let text = edited(|j| {
        j["enterprises"][0]["visits"][0]["profile"]["schema"] = json!("umbral.profile/2");
    });
    assert_eq!(
        errors(&text),
        vec!["enterprises[0].visits[0].profile.schema: a 'umbral.handoff/1' file holds 'umbral.profile/1' profiles only (in the visit of 2026-03-14 to 'Tejidos Ana (ficticio)')"]
    );
}

#[test]
fn other_versions_are_refused_whole_with_a_clear_message() {
    // Whatever else is in it: a file of another version is not read at all.
    let text = edited(|j| {
        j["schema"] = json!("umbral.handoff/4");
        j["enterprises"] = json!("a different shape");
    });
    assert_eq!(
        errors(&text),
        vec!["schema: this file is 'umbral.handoff/4', a version this app cannot read; it reads 'umbral.handoff/3', 'umbral.handoff/2' and 'umbral.handoff/1'. A newer version of Umbral may open it"]
    );
}

#[test]
fn every_problem_is_reported_at_once_with_its_path() {
    let text = edited(|j| {
        j["exported_at"] = json!("ayer");
        j["extra"] = json!(1);
        let e = &mut j["enterprises"][0];
        e["name"] = json!("   ");
        e["region"] = json!("CL-RM");
        e["sector"] = json!("textiles");
        e["edits"] = json!({"a3f09c2e7b4d41c8": -1, "no es id": 2});
        e["other_values"] = json!([{"field": "country", "value": "CL"}]);
        let v = &mut e["visits"][1];
        v["date"] = json!("2026-02-30");
        v["profile"]["connectivity"]["internet"] = json!("fiber");
        v["profile"]["colour"] = json!("red");
        v["id"] = json!("8b1f2c3d4e5f60718293a4b5c6d7e8f9");
        v["notes"] = json!(7);
        let c = &mut j["enterprises"][1];
        c["id"] = json!("3c9e1f4a7b2d48e6a0c5f1b9d2e7a4c3");
        c["country"] = json!("AR");
        c["visits"][0]["updated"] = json!("2026-04-02 14:20");
        c["visits"][0]["conflict_of"] = json!("");
        let q = &mut j["enterprises"][2];
        q["visits"][0].as_object_mut().unwrap().remove("profile");
        q["visits"][0]["profile_v2"] = json!({});
        q.as_object_mut().unwrap().remove("created");
    });
    assert_eq!(
        errors(&text),
        vec![
            "unknown field 'extra'; expected one of: schema, exported_at, app_version, enterprises",
            "exported_at: expected a UTC time such as 2026-03-14T10:15:30Z, found 'ayer'",
            "enterprises[0].name: is empty",
            "enterprises[0].region: region 'CL-RM' is not in the enterprise's country, MX",
            "enterprises[0].sector: unknown sector 'textiles'; expected one of: food, beverages, alcoholic_beverages, crafts, apparel_footwear, beauty_personal_care, fresh_produce, furniture_home, services, other",
            "enterprises[0].edits.a3f09c2e7b4d41c8: expected a count of saves (a whole number from 0 to 4294967295), found -1",
            "enterprises[0].edits: 'no es id' is not a device id (1 to 64 letters, digits, '-' or '_')",
            "enterprises[0].other_values[0].field: unknown detail 'country'; expected one of: name, region, locality, sector",
            "enterprises[0].visits[1].id: the id '8b1f2c3d4e5f60718293a4b5c6d7e8f9' is already used by visits[0] of this enterprise",
            "enterprises[0].visits[1].date: expected a date such as 2026-03-14, found '2026-02-30'",
            "enterprises[0].visits[1].profile: unknown field 'colour'; expected one of: schema, label, country, region, locality, sector, size, goal, connectivity, skills, logistics, payments, formalisation, presence, motivation, network, extra (in visit '8b1f2c3d4e5f60718293a4b5c6d7e8f9' to enterprises[0])",
            "enterprises[0].visits[1].profile.connectivity.internet: unknown value 'fiber'; expected one of: none, intermittent, mobile_data, broadband (in visit '8b1f2c3d4e5f60718293a4b5c6d7e8f9' to enterprises[0])",
            "enterprises[0].visits[1].notes: expected a string, found a number",
            "enterprises[1].id: the id '3c9e1f4a7b2d48e6a0c5f1b9d2e7a4c3' is already used by enterprises[0]",
            "enterprises[1].country: unknown country 'AR'; expected one of: MX, CL, BO",
            "enterprises[1].visits[0].updated: expected a UTC time such as 2026-03-14T10:15:30Z, found '2026-04-02 14:20'",
            "enterprises[1].visits[0].conflict_of: expected an id (1 to 64 letters, digits, '-' or '_'), found ''",
            "enterprises[2]: missing field 'created'",
            "enterprises[2].visits[0]: unknown field 'profile_v2'; expected one of: id, date, profile, notes, updated, edits, conflict_of",
            "enterprises[2].visits[0]: missing field 'profile'",
        ]
    );
}

#[test]
fn the_person_importing_reads_a_headline_and_the_first_five_problems() {
    // A header problem refuses the whole file: the headline, then five details and the rest counted.
    let text = edited(|j| {
        j["exported_at"] = json!("ayer");
        j["app_version"] = json!(1);
        j["extra"] = json!(1);
        j["more"] = json!(2);
        j["still_more"] = json!(3);
        j["and_more"] = json!(4);
        j["last"] = json!(5);
    });
    let errors = handoff::decode_partial(&text).unwrap_err();
    let n = errors.0.len();
    assert!(n > 5, "{errors}");
    let message = errors.message(Locale::Es);
    assert!(
        message.starts_with(&format!(
            "El archivo tiene {n} errores y no se importó nada. Detalles: "
        )),
        "{message}"
    );
    // The unknown fields come first, in the reader's language (issue 14); the two later
    // problems are counted, not shown.
    assert_eq!(message.matches("campo desconocido").count(), 5, "{message}");
    assert!(!message.contains("unknown field"), "{message}");
    assert!(!message.contains("exported_at: "), "{message}");
    assert!(message.ends_with(&format!(" (+{})", n - 5)), "{message}");
    let english = errors.message(Locale::En);
    assert_eq!(english.matches("unknown field").count(), 5, "{english}");
    // The command line's sentences stay English, whatever the page's language.
    assert!(errors
        .to_string()
        .contains("exported_at: expected a UTC time such as"));
    // A refusal of the whole file is one sentence, with no details.
    let errors = handoff::decode_partial("no es JSON").unwrap_err();
    assert_eq!(
        errors.message(Locale::En),
        "This is not an Umbral hand-off file. Nothing was changed."
    );
}

#[test]
fn an_invalid_profile_names_its_enterprise_and_visit() {
    let text = edited(|j| {
        j["enterprises"][1]["visits"][0]["profile"]["skills"]["digital_level"] = json!(9);
    });
    assert_eq!(
        errors(&text),
        vec!["enterprises[1].visits[0].profile.skills.digital_level: 9 is out of range; expected 0 to 4 (in the visit of 2026-04-02 to 'Café \"La Esquina\", Valparaíso (ficticio)')"]
    );
    let text = edited(|j| {
        j["enterprises"][1]["visits"][0]["profile"]["country"] = json!("BO");
    });
    assert_eq!(
        errors(&text),
        vec!["enterprises[1].visits[0].profile.country: the profile is for BO but the enterprise is in CL (in the visit of 2026-04-02 to 'Café \"La Esquina\", Valparaíso (ficticio)')"]
    );
}

#[test]
fn wrong_shapes() {
    let cases: &[(&str, Json, &str)] = &[
        ("enterprises", json!({}), "enterprises: expected an array, found an object"),
        ("enterprises", json!([7]), "enterprises[0]: expected an object, found a number"),
        ("app_version", json!(""), "app_version: expected the version of the app that wrote the file (1 to 64 characters), found ''"),
    ];
    for (key, value, message) in cases {
        let text = edited(|j| j[*key] = value.clone());
        assert_eq!(errors(&text), vec![message.to_string()], "{key}");
    }
    let text = edited(|j| {
        let e = &mut j["enterprises"][0];
        e["visits"] = json!(null);
        e["removed"] = json!([{"id": "x", "edits": {"d": 1}, "when": 1}, 3]);
        e["locality"] = json!("x".repeat(201));
        e["name"] = json!("y".repeat(201));
    });
    assert_eq!(
        errors(&text),
        vec![
            "enterprises[0].name: longer than 200 characters",
            "enterprises[0].locality: longer than 200 characters",
            "enterprises[0].visits: expected an array, found null",
            "enterprises[0].removed[0]: unknown field 'when'; expected one of: id, edits",
            "enterprises[0].removed[1]: expected an object, found a number",
        ]
    );
    let text = edited(|j| j["enterprises"][0]["visits"][0]["notes"] = json!("n".repeat(20_001)));
    assert_eq!(
        errors(&text),
        vec!["enterprises[0].visits[0].notes: longer than 20000 characters"]
    );
}

#[test]
fn a_stored_record_checks_on_its_own() {
    let mut e = sample().remove(0);
    assert_eq!(e.validate(), Ok(()));
    e.visits[0].date = "mañana".into();
    e.visits[1].profile = json!({"schema": "umbral.profile/2", "country": "CL"});
    assert_eq!(
        messages(e.validate().unwrap_err()),
        vec![
            "visits[0].date: expected a date such as 2026-03-14, found 'mañana'",
            "visits[1].profile.country: the profile is for CL but the enterprise is in MX (in the visit of 2026-05-09 to 'Tejidos Ana (ficticio)')",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Merging

const DAY2: &str = "2026-11-29T09:00:00Z";

fn profile(country: &str, level: u8) -> Json {
    json!({"schema": "umbral.profile/2", "country": country, "skills": {"digital_level": level}})
}

fn one_enterprise() -> Enterprise {
    let mut e = Enterprise::new("ent-1", "Panadería Rosa (ficticia)", "MX", "tel-a", NOW);
    e.visits.push(Visit::new(
        "vis-1",
        "2026-03-14",
        profile("MX", 1),
        "tel-a",
        NOW,
    ));
    e
}

/// Both sides start from the same file.
fn two_devices() -> (Vec<Enterprise>, Vec<Enterprise>) {
    let shared = vec![one_enterprise()];
    (shared.clone(), shared)
}

/// Both sides from the same file; then the other device saved the visit again and added one.
fn a_later_save_and_a_new_visit() -> (Vec<Enterprise>, Vec<Enterprise>) {
    let (local, mut theirs) = two_devices();
    theirs[0].visits[0].notes = "Trajo su libreta de ventas.".into();
    theirs[0].visits[0].touch("tel-b", DAY2);
    theirs[0].visits.push(Visit::new(
        "vis-2",
        "2026-05-02",
        profile("MX", 2),
        "tel-b",
        DAY2,
    ));
    (local, theirs)
}

fn visit_ids(e: &Enterprise) -> Vec<&str> {
    e.visits.iter().map(|v| v.id.as_str()).collect()
}

#[test]
fn a_new_enterprise_comes_with_its_visits() {
    let mut local = Vec::new();
    let report = merge(&mut local, sample());
    assert_eq!(local, sample());
    assert_eq!(
        report,
        MergeReport {
            enterprises_added: 3,
            visits_added: 4,
            enterprises_to_save: sample().into_iter().map(|e| e.id).collect(),
            ..MergeReport::default()
        }
    );
    assert_eq!(
        report.summary(Locale::Es),
        "3 empresas nuevas, 4 visitas nuevas."
    );
    assert_eq!(
        report.summary(Locale::En),
        "3 new enterprises, 4 new visits."
    );
}

#[test]
fn merging_the_same_file_changes_nothing() {
    let mut local = sample();
    let report = merge(&mut local, sample());
    assert_eq!(local, sample());
    assert!(!report.changed());
    assert!(report.enterprises_to_save.is_empty());
    assert_eq!(report.visits_unchanged, 4);
    assert_eq!(
        report.summary(Locale::Es),
        "Nada nuevo: todo lo del archivo ya estaba aquí."
    );
}

#[test]
fn a_new_visit_is_added_and_a_later_save_replaces_an_earlier_one() {
    let (mut local, mut theirs) = a_later_save_and_a_new_visit();
    let report = merge(&mut local, theirs.clone());
    assert_eq!(local, theirs);
    assert_eq!((report.visits_added, report.visits_updated), (1, 1));
    assert_eq!(
        report.summary(Locale::Es),
        "1 visita nueva, 1 visita al día."
    );
    // The other way round the local copy is the later one: nothing changes.
    let (mut older, _) = two_devices();
    let report = merge(&mut theirs, older.clone());
    assert!(!report.changed(), "{report:?}");
    assert_eq!(theirs, local);
    // And an older device catches up.
    merge(&mut older, local.clone());
    assert_eq!(older, local);
}

#[test]
fn an_import_writes_only_what_its_merge_changed_over_the_revision_it_read() {
    // Into an empty workspace: every record, none of which may exist yet.
    let (report, changes) = merge_changes(&[], sample());
    assert_eq!(report.enterprises_added, 3);
    assert_eq!((changes.enterprises.len(), changes.visits.len()), (3, 4));
    assert!(changes
        .enterprises
        .iter()
        .all(|(e, base)| e.visits.is_empty() && *base == 0));
    assert!(changes.visits.iter().all(|(_, _, base)| *base == 0));
    // The same file again: nothing to write.
    let (report, changes) = merge_changes(&sample(), sample());
    assert!(!report.changed());
    assert!(changes.is_empty(), "{changes:?}");

    // The file has a later save of the visit and a new one; the details are the same.
    let (local, theirs) = a_later_save_and_a_new_visit();
    let (_, changes) = merge_changes(&local, theirs.clone());
    assert!(changes.enterprises.is_empty(), "{changes:?}");
    let written: Vec<(&str, &str, u32)> = changes
        .visits
        .iter()
        .map(|(e, v, base)| (e.as_str(), v.id.as_str(), *base))
        .collect();
    // vis-1 is written over the revision stored here (one save), vis-2 as new.
    assert_eq!(written, [("ent-1", "vis-1", 1), ("ent-1", "vis-2", 0)]);
    assert_eq!(changes.visits[0].1, theirs[0].visits[0]);
    // What was merged into is left as it was.
    assert_eq!(local, two_devices().0);

    // Here the visit has a later save than the file's: the merge keeps it, nothing is written.
    let (mut here, older) = two_devices();
    here[0].visits[0].notes = "Nota de hoy".into();
    here[0].visits[0].touch("tel-a", DAY2);
    let (report, changes) = merge_changes(&here, older);
    assert!(!report.changed());
    assert!(changes.is_empty(), "{changes:?}");

    // Only the details changed: the enterprise is written, over its revision, without visits.
    let (local, mut theirs) = two_devices();
    theirs[0].locality = "Cuetzalan".into();
    theirs[0].touch("tel-b", DAY2);
    let (_, changes) = merge_changes(&local, theirs);
    assert!(changes.visits.is_empty(), "{changes:?}");
    assert_eq!(changes.enterprises.len(), 1);
    let (details, base) = &changes.enterprises[0];
    assert_eq!((details.locality.as_str(), *base), ("Cuetzalan", 1));
    assert!(details.visits.is_empty());
}

#[test]
fn a_visit_both_sides_changed_is_kept_twice_and_both_devices_agree() {
    let (mut a, mut b) = two_devices();
    a[0].visits[0].notes = "Versión de Ana".into();
    a[0].visits[0].touch("tel-a", DAY2);
    b[0].visits[0].notes = "Versión de Beto".into();
    b[0].visits[0].profile = profile("MX", 3);
    b[0].visits[0].touch("tel-b", DAY2);
    let (a0, b0) = (a.clone(), b.clone());

    let report = merge(&mut a, b0.clone());
    assert_eq!(report.visit_conflicts, 1, "{report:?}");
    assert_eq!(
        report.summary(Locale::Es),
        "1 conflicto: se guardaron las dos versiones."
    );
    assert_eq!(
        report.summary(Locale::En),
        "1 conflict: both versions were kept."
    );
    let e = &a[0];
    assert_eq!(e.visits.len(), 2);
    let notes: Vec<&str> = e.visits.iter().map(|v| v.notes.as_str()).collect();
    assert!(notes.contains(&"Versión de Ana") && notes.contains(&"Versión de Beto"));
    let copy = e.visits.iter().find(|v| v.conflict_of.is_some()).unwrap();
    assert_eq!(copy.conflict_of.as_deref(), Some("vis-1"));
    assert!(copy.id.starts_with("vis-1-") && copy.id.len() == "vis-1-".len() + 16);
    // The version under the original id has seen both sides' saves.
    let original = e.visit("vis-1").unwrap();
    assert_eq!(original.edits.get("tel-a"), Some(&2));
    assert_eq!(original.edits.get("tel-b"), Some(&1));
    assert_eq!(a[0].validate(), Ok(()));

    // Merging the file again changes nothing.
    let before = a.clone();
    let again = merge(&mut a, b0.clone());
    assert!(!again.changed(), "{again:?}");
    assert_eq!(a, before);

    // The other device, importing the first one's file, ends with the same visits.
    let report = merge(&mut b, a0);
    assert_eq!(report.visit_conflicts, 1);
    let mut ids_a = visit_ids(&a[0]);
    let mut ids_b = visit_ids(&b[0]);
    ids_a.sort();
    ids_b.sort();
    assert_eq!(ids_a, ids_b);
    for v in &a[0].visits {
        assert!(b[0].visit(&v.id).unwrap().same_content(v));
    }
    // And exchanging the merged workspaces changes nothing more.
    assert!(!merge(&mut b, a.clone()).changed());
    assert!(!merge(&mut a, b.clone()).changed());
}

#[test]
fn settling_a_conflict_sticks_when_the_old_file_comes_again() {
    let (mut a, mut b) = two_devices();
    a[0].visits[0].notes = "A".into();
    a[0].visits[0].touch("tel-a", DAY2);
    b[0].visits[0].notes = "B".into();
    b[0].visits[0].touch("tel-b", DAY2);
    merge(&mut a, b.clone());
    let copy = a[0]
        .visits
        .iter()
        .find(|v| v.conflict_of.is_some())
        .unwrap()
        .id
        .clone();
    a[0].resolve_conflict(&copy, true, "tel-a", DAY2).unwrap();
    assert_eq!(a[0].visits.len(), 1);
    let settled = a.clone();
    let report = merge(&mut a, b.clone());
    assert!(!report.changed(), "{report:?}");
    assert_eq!(a, settled);
}

#[test]
fn deleted_visits_stay_deleted_unless_changed_elsewhere() {
    let (mut a, b) = two_devices();
    a[0].remove_visit("vis-1").unwrap();
    let report = merge(&mut a, b.clone());
    assert_eq!(report.visits_left_deleted, 1);
    assert!(!report.changed());
    assert!(a[0].visits.is_empty());
    // A save the deleting device never saw brings the visit back: no edit is lost.
    let mut c = b.clone();
    c[0].visits[0].notes = "Nota posterior".into();
    c[0].visits[0].touch("tel-c", DAY2);
    let report = merge(&mut a, c);
    assert_eq!(report.visits_added, 1);
    assert_eq!(a[0].visits[0].notes, "Nota posterior");
    // Tombstones travel in the file and survive a round trip.
    let (mut d, _) = two_devices();
    d[0].remove_visit("vis-1");
    let text = handoff::encode(&d, NOW);
    assert_eq!(handoff::decode(&text).unwrap(), d);
}

#[test]
fn details_changed_on_both_sides_keep_the_other_values() {
    let (mut a, mut b) = two_devices();
    a[0].name = "Panadería Rosa".into();
    a[0].locality = "Xoxocotlán".into();
    a[0].touch("tel-a", DAY2);
    b[0].name = "Panadería Doña Rosa".into();
    b[0].sector = Some("food".into());
    b[0].touch("tel-b", DAY2);
    let (a0, b0) = (a.clone(), b.clone());
    let report = merge(&mut a, b0.clone());
    assert_eq!(report.enterprise_conflicts, 1);
    // One value of each detail stays; every other value is listed.
    let e = &a[0];
    let mut values = vec![
        ("name", e.name.clone()),
        ("locality", e.locality.clone()),
        ("sector", e.sector.clone().unwrap_or_default()),
    ];
    values.extend(e.other_values.iter().map(|o| {
        (
            ["name", "locality", "sector"]
                .into_iter()
                .find(|f| *f == o.field)
                .unwrap(),
            o.value.clone(),
        )
    }));
    for (field, value) in [
        ("name", "Panadería Rosa"),
        ("name", "Panadería Doña Rosa"),
        ("locality", "Xoxocotlán"),
        ("sector", "food"),
    ] {
        assert!(
            values.contains(&(field, value.to_string())),
            "{field}={value} kept: {values:?}"
        );
    }
    assert!(e
        .other_values
        .iter()
        .all(|o| e.detail(&o.field) != Some(o.value.as_str())));
    assert_eq!(a[0].validate(), Ok(()));
    let before = a.clone();
    assert!(!merge(&mut a, b0).changed());
    assert_eq!(a, before);
    // The other device keeps the same values in the same places.
    merge(&mut b, a0);
    assert_eq!(b[0].name, a[0].name);
    assert_eq!(b[0].other_values, a[0].other_values);
    // Choosing a value and saving clears the conflict for the other device too.
    a[0].name = "Panadería Doña Rosa".into();
    a[0].other_values.clear();
    a[0].touch("tel-a", DAY2);
    let report = merge(&mut b, a.clone());
    assert_eq!(report.enterprises_updated, 1);
    assert!(b[0].other_values.is_empty());
    assert_eq!(
        OtherValue {
            field: "name".into(),
            value: "x".into()
        }
        .field,
        "name"
    );
}

#[test]
fn the_same_id_in_another_country_is_another_enterprise() {
    let mut local = vec![one_enterprise()];
    let mut other = Enterprise::new("ent-1", "Tienda (ficticia)", "CL", "tel-z", NOW);
    other.visits.push(Visit::new(
        "vis-1",
        "2026-04-01",
        profile("CL", 2),
        "tel-z",
        NOW,
    ));
    let report = merge(&mut local, vec![other.clone()]);
    assert_eq!(report.enterprises_added, 1);
    assert_eq!(local.len(), 2);
    assert_ne!(local[1].id, "ent-1");
    assert_eq!(local[1].country, "CL");
    let again = merge(&mut local, vec![other]);
    assert!(!again.changed(), "{again:?}");
    assert_eq!(local.len(), 2);
    assert_eq!(
        handoff::decode(&handoff::encode(&local, NOW)).unwrap(),
        local
    );
}

/// One side's changes in the property test.
#[derive(Debug, Clone)]
enum Op {
    EditNotes(usize, usize, u8),
    EditLevel(usize, usize, u8),
    AddVisit(usize, u8),
    Rename(usize, u8),
    Delete(usize, usize),
    /// Settle the enterprise's first conflict, if it has one, keeping the copy or not.
    Resolve(usize, bool),
    /// Save a step of a visit: (enterprise, visit, entry, status, second of the time saved).
    SetStep(usize, usize, usize, usize, u8),
}

/// The catalogue entries the property tests follow.
const STEP_ENTRIES: [&str; 3] = ["whatsapp-business", "product-photos", "sat-rfc"];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize, 0..4usize, 0..3u8).prop_map(|(e, v, x)| Op::EditNotes(e, v, x)),
        (0..3usize, 0..4usize, 0..5u8).prop_map(|(e, v, x)| Op::EditLevel(e, v, x)),
        (0..3usize, 0..4u8).prop_map(|(e, x)| Op::AddVisit(e, x)),
        (0..3usize, 0..3u8).prop_map(|(e, x)| Op::Rename(e, x)),
        (0..3usize, 0..4usize).prop_map(|(e, v)| Op::Delete(e, v)),
        (0..3usize, any::<bool>()).prop_map(|(e, keep)| Op::Resolve(e, keep)),
        (0..3usize, 0..4usize, 0..3usize, 0..4usize, 0..3u8)
            .prop_map(|(e, v, x, status, at)| Op::SetStep(e, v, x, status, at)),
    ]
}

fn base() -> Vec<Enterprise> {
    (0..3)
        .map(|i| {
            let mut e =
                Enterprise::new(&format!("e{i}"), &format!("Empresa {i}"), "MX", "base", NOW);
            for j in 0..2 {
                e.visits.push(Visit::new(
                    &format!("e{i}v{j}"),
                    "2026-03-14",
                    profile("MX", j as u8),
                    "base",
                    NOW,
                ));
            }
            e
        })
        .collect()
}

fn apply(workspace: &mut [Enterprise], ops: &[Op], device: &str) {
    for op in ops {
        match *op {
            Op::EditNotes(e, v, x) | Op::EditLevel(e, v, x) => {
                let ent = &mut workspace[e];
                if ent.visits.is_empty() {
                    continue;
                }
                let n = ent.visits.len();
                let visit = &mut ent.visits[v % n];
                if matches!(op, Op::EditNotes(..)) {
                    visit.notes = format!("nota {x}");
                } else {
                    visit.profile = profile("MX", x.min(4));
                }
                visit.touch(device, DAY2);
            }
            Op::AddVisit(e, x) => {
                // A new id, as the workspace's random ones are: one past the highest this
                // device gave in this enterprise, among its visits and its deletions (counting
                // them instead repeated an id once an imported deletion of a visit still here
                // was among them: found by devices_deleting_and_settling_stay_sound).
                let prefix = format!("{device}-{e}-");
                let ent = &workspace[e];
                let ids = ent
                    .visits
                    .iter()
                    .map(|v| &v.id)
                    .chain(ent.removed.iter().map(|r| &r.id));
                let next = ids
                    .filter_map(|id| id.strip_prefix(&prefix)?.parse::<usize>().ok())
                    .map(|n| n + 1)
                    .max()
                    .unwrap_or(0);
                let id = format!("{prefix}{next}");
                workspace[e].visits.push(Visit::new(
                    &id,
                    "2026-06-01",
                    profile("MX", x),
                    device,
                    DAY2,
                ));
            }
            Op::Rename(e, x) => {
                workspace[e].name = format!("Nombre {x}");
                workspace[e].touch(device, DAY2);
            }
            Op::Resolve(e, keep) => {
                let ent = &mut workspace[e];
                let pair = ent
                    .visits
                    .iter()
                    .filter_map(|v| Some((v.id.clone(), v.conflict_of.clone()?)))
                    .find(|(_, original)| ent.visit(original).is_some());
                if let Some((copy, _)) = pair {
                    ent.resolve_conflict(&copy, keep, device, DAY2).unwrap();
                }
            }
            Op::SetStep(e, v, x, status, at) => {
                let ent = &mut workspace[e];
                if ent.visits.is_empty() {
                    continue;
                }
                let visit = ent.visits[v % ent.visits.len()].id.clone();
                let status = StepStatus::ALL[status];
                let reason = (status == StepStatus::Dropped).then_some("Sin tiempo");
                let now = format!("2026-11-29T09:00:0{at}Z");
                ent.set_step(
                    &visit,
                    STEP_ENTRIES[x],
                    update(status, reason),
                    device,
                    &now,
                )
                .unwrap();
            }
            Op::Delete(e, v) => {
                let ent = &mut workspace[e];
                if !ent.visits.is_empty() {
                    let id = ent.visits[v % ent.visits.len()].id.clone();
                    ent.remove_visit(&id);
                }
            }
        }
    }
}

/// An enterprise's steps as the same text on every device (saves aside), sorted.
fn step_contents(e: &Enterprise) -> Vec<String> {
    let mut steps: Vec<String> = e
        .steps
        .iter()
        .map(|s| {
            let mut s = s.clone();
            s.edits.clear();
            serde_json::to_string(&s).unwrap()
        })
        .collect();
    steps.sort();
    steps
}

/// Every step of either side is in `merged` (by visit and entry), with a status at least as
/// recent: a step is never lost, and one side's copy gives way only to a later or preferred one.
fn keeps_every_step(
    merged: &[Enterprise],
    a: &[Enterprise],
    b: &[Enterprise],
) -> Result<(), String> {
    for side in [a, b] {
        for e in side {
            let Some(m) = merged.iter().find(|m| m.id == e.id) else {
                return Err("enterprise lost".into());
            };
            for s in &e.steps {
                let Some(kept) = m.step(&s.visit, &s.step) else {
                    return Err(format!("step {} of {} lost", s.step, s.visit));
                };
                if !s
                    .edits
                    .iter()
                    .all(|(d, n)| kept.edits.get(d).is_some_and(|k| k >= n))
                {
                    return Err(format!("step {} of {} lost saves", s.step, s.visit));
                }
            }
            let mut keys: Vec<(&str, &str)> = m
                .steps
                .iter()
                .map(|s| (s.visit.as_str(), s.step.as_str()))
                .collect();
            let n = keys.len();
            keys.sort();
            keys.dedup();
            if keys.len() != n {
                return Err(format!("a step twice in {}", m.id));
            }
        }
    }
    Ok(())
}

/// Every visit of `side` is in `merged` with its content, unless `other` (the other input)
/// had a later save of it, or `merged` deleted it after every save of it.
fn keeps_every_visit(
    merged: &[Enterprise],
    side: &[Enterprise],
    other: &[Enterprise],
) -> Result<(), String> {
    use std::cmp::Ordering;
    use umbral::workspace::compare_edits;
    for e in side {
        let m = merged
            .iter()
            .find(|m| m.id == e.id)
            .ok_or("enterprise lost")?;
        let o = other.iter().find(|o| o.id == e.id);
        for v in &e.visits {
            let kept = m.visits.iter().any(|x| x.same_content(v));
            let superseded = o
                .and_then(|o| o.visit(&v.id))
                .is_some_and(|x| compare_edits(&x.edits, &v.edits) == Some(Ordering::Greater));
            let deleted = m.removed.iter().any(|r| {
                r.id == v.id
                    && matches!(
                        compare_edits(&v.edits, &r.edits),
                        Some(Ordering::Less | Ordering::Equal)
                    )
            });
            if !(kept || superseded || deleted) {
                return Err(format!("visit {} ({:?}) lost", v.id, v.notes));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn merging_is_idempotent_loses_nothing_and_converges(
        ops_a in proptest::collection::vec(op(), 0..8),
        ops_b in proptest::collection::vec(op(), 0..8),
    ) {
        let mut a = base();
        let mut b = base();
        apply(&mut a, &ops_a, "tel-a");
        apply(&mut b, &ops_b, "tel-b");

        let mut ab = a.clone();
        let first = merge(&mut ab, b.clone());
        // Every enterprise the report does not list is as it was.
        for e in &ab {
            if !first.enterprises_to_save.contains(&e.id) {
                prop_assert_eq!(Some(e), a.iter().find(|x| x.id == e.id));
            }
        }
        let once = ab.clone();
        let report = merge(&mut ab, b.clone());
        prop_assert!(!report.changed(), "{:?}", report);
        prop_assert!(report.enterprises_to_save.is_empty(), "{:?}", report);
        prop_assert_eq!(&ab, &once);
        // Merging a workspace into itself changes nothing.
        let mut same = a.clone();
        prop_assert!(!merge(&mut same, a.clone()).changed());
        prop_assert_eq!(&same, &a);

        prop_assert_eq!(keeps_every_visit(&ab, &a, &b), Ok(()));
        prop_assert_eq!(keeps_every_visit(&ab, &b, &a), Ok(()));
        prop_assert_eq!(keeps_every_step(&ab, &a, &b), Ok(()));
        prop_assert_eq!(sound(&ab), Ok(()));
        // The merged workspace survives the file.
        prop_assert_eq!(handoff::decode(&handoff::encode(&ab, NOW)).unwrap(), ab.clone());

        // Without deletions, both directions end with the same visits and details.
        let deletes = ops_a.iter().chain(&ops_b).any(|o| matches!(o, Op::Delete(..)));
        if !deletes {
            let mut ba = b.clone();
            merge(&mut ba, a.clone());
            for (x, y) in ab.iter().zip(&ba) {
                let mut vx: Vec<(String, String)> = x.visits.iter().map(|v| (v.id.clone(), v.fingerprint())).collect();
                let mut vy: Vec<(String, String)> = y.visits.iter().map(|v| (v.id.clone(), v.fingerprint())).collect();
                vx.sort();
                vy.sort();
                prop_assert_eq!(vx, vy);
                prop_assert_eq!(&x.name, &y.name);
                prop_assert_eq!(&x.other_values, &y.other_values);
                // Steps converge whole, save counts included.
                prop_assert_eq!(&x.steps.len(), &y.steps.len());
                for s in &x.steps {
                    prop_assert_eq!(Some(s), y.step(&s.visit, &s.step));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// CSV of the latest reports

fn builtin_packs() -> BTreeMap<String, Pack> {
    ["MX", "CL", "BO"]
        .into_iter()
        .map(|c| {
            let id = c.to_ascii_lowercase();
            let pack = packs::compile(&id, &packs::builtin(), None)
                .pack
                .unwrap_or_else(|| panic!("pack {id} compiles"));
            (c.to_string(), pack)
        })
        .collect()
}

fn read_csv(text: &str, sep: u8) -> Vec<BTreeMap<String, String>> {
    assert!(
        text.starts_with('\u{feff}'),
        "starts with a byte order mark"
    );
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), csv::COLUMNS);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), csv::COLUMNS.len());
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn csv_has_the_latest_report_of_each_enterprise() {
    let packs = builtin_packs();
    let lookup = |c: &str| packs.get(c);
    let enterprises = sample();
    let text = csv::latest_reports(&enterprises, &lookup, Separator::Comma).unwrap();
    assert!(text.ends_with("\r\n"));
    let rows = read_csv(&text, b',');
    assert_eq!(rows.len(), 3);

    let ana = &rows[0];
    let latest = &enterprises[0].visits[1];
    let report = assess(
        &packs["MX"],
        &Profile::from_value(&latest.profile).unwrap(),
        Locale::En,
    );
    assert_eq!(ana["enterprise_id"], enterprises[0].id);
    assert_eq!(ana["name"], "Tejidos Ana (ficticio)");
    assert_eq!(ana["locality"], "Teotitlán del Valle");
    assert_eq!(ana["visits"], "2");
    assert_eq!(ana["versions_in_conflict"], "0");
    assert_eq!(ana["latest_visit_date"], "2026-05-09");
    assert_eq!(ana["pack"], "mx");
    assert_eq!(ana["readiness"], report.readiness.to_string());
    assert_eq!(ana["stage"], report.stage.unwrap_or(""));
    for d in &report.dimensions {
        assert_eq!(
            ana[&format!("score_{}", d.id)],
            d.score.to_string(),
            "{}",
            d.id
        );
    }
    assert_eq!(ana["blockers"], report.blockers.join(";"));
    assert_eq!(
        ana["next_unlock"],
        report.next_unlock.as_ref().map_or("", |u| u.pathway)
    );
    // Quotes and a newline in notes and names come back exactly.
    assert_eq!(ana["notes"], latest.notes);
    assert!(ana["notes"].contains("\"precios de envío\""));
    assert_eq!(
        rows[1]["name"],
        "Café \"La Esquina\", Valparaíso (ficticio)"
    );
    assert_eq!(rows[1]["pack"], "cl");
    assert_eq!(rows[2]["country"], "BO");
    assert_eq!(rows[2]["notes"], "");
    assert!(rows.iter().all(|r| r["problem"].is_empty()));

    // Semicolons for spreadsheets that expect them, same cells.
    let semi = csv::latest_reports(&enterprises, &lookup, Separator::Semicolon).unwrap();
    assert_eq!(read_csv(&semi, b';'), rows);
}

#[test]
fn csv_columns_follow_the_core_dimensions() {
    let packs = builtin_packs();
    for pack in packs.values() {
        let ids: Vec<&str> = pack.data.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, csv::DIMENSIONS, "{}", pack.data.id);
    }
}

#[test]
fn csv_rows_without_a_visit_or_a_pack() {
    let packs = builtin_packs();
    let lookup = |c: &str| packs.get(c);
    let mut empty = Enterprise::new("ent-9", "=1+1 (ficticia)", "MX", "d", NOW);
    empty.locality = "-Centro".into();
    let text =
        csv::latest_reports(std::slice::from_ref(&empty), &lookup, Separator::Comma).unwrap();
    let rows = read_csv(&text, b',');
    assert_eq!(rows[0]["name"], "'=1+1 (ficticia)");
    assert_eq!(rows[0]["locality"], "'-Centro");
    assert_eq!(rows[0]["visits"], "0");
    assert_eq!(rows[0]["readiness"], "");
    assert_eq!(rows[0]["latest_visit_date"], "");

    let only_mx = |c: &str| if c == "MX" { packs.get(c) } else { None };
    let err = csv::latest_reports(&sample(), &only_mx, Separator::Comma).unwrap_err();
    assert_eq!(err.countries, vec!["CL", "BO"]);
    assert_eq!(
        err.to_string(),
        "no rule pack for CL, BO, needed to score the latest visits"
    );
    assert_eq!(csv::countries_needed(&sample()), vec!["MX", "CL", "BO"]);
    // An enterprise with no visits needs no pack.
    assert!(csv::latest_reports(&[empty], &only_mx, Separator::Comma).is_ok());
}

#[test]
fn csv_reports_a_stored_record_with_a_broken_profile_in_its_row() {
    let packs = builtin_packs();
    let lookup = |c: &str| packs.get(c);
    let mut e = one_enterprise();
    e.visits[0].profile = json!({"schema": "umbral.profile/2", "country": "MX", "size": "huge"});
    let rows = read_csv(
        &csv::latest_reports(&[e], &lookup, Separator::Comma).unwrap(),
        b',',
    );
    assert!(
        rows[0]["problem"].starts_with("invalid profile: unknown value 'huge'"),
        "{}",
        rows[0]["problem"]
    );
    assert_eq!(rows[0]["readiness"], "");
    assert_eq!(rows[0]["latest_visit_id"], "vis-1");
}

// ---------------------------------------------------------------------------------------------
// Progress between visits

#[test]
fn progress_between_two_visits() {
    let packs = builtin_packs();
    let ana = &sample()[0];
    let before = Profile::from_value(&ana.visits[0].profile).unwrap();
    let after = Profile::from_value(&ana.visits[1].profile).unwrap();
    let r1 = assess(&packs["MX"], &before, Locale::Es);
    let r2 = assess(&packs["MX"], &after, Locale::Es);
    let p = progress::compare(&r1, &r2);
    assert_eq!(p.readiness.before, r1.readiness);
    assert_eq!(p.readiness.after, r2.readiness);
    assert!(p.readiness.delta() > 0, "{p:?}");
    assert_eq!(p.dimensions.len(), 9);
    let connectivity = p
        .dimensions
        .iter()
        .find(|d| d.id == "connectivity")
        .unwrap();
    assert_eq!(connectivity.label, "Internet");
    assert!(connectivity.delta().unwrap() > 0, "{connectivity:?}");
    let network = p.dimensions.iter().find(|d| d.id == "network").unwrap();
    assert_eq!(network.delta(), Some(0));
    // Each list is exactly the difference of the two reports.
    let ready = |r: &umbral::engine::Report| -> Vec<String> {
        r.pathways
            .iter()
            .filter(|p| p.reached)
            .map(|p| p.id.to_string())
            .collect()
    };
    for id in &p.pathways_opened {
        assert!(ready(&r2).contains(&id.to_string()) && !ready(&r1).contains(&id.to_string()));
    }
    assert!(p.blockers_removed.iter().all(|b| r1.blockers.contains(b)));
    assert!(
        p.blockers_removed.contains(&"payout_account") || !r1.blockers.contains(&"payout_account")
    );
    for step in &p.steps_done {
        assert!(r1.options().any(|o| o.id == *step));
        assert!(!r2.options().any(|o| o.id == *step));
    }
    assert!(!p.is_empty());
    // Back the other way, everything flips.
    let back = progress::compare(&r2, &r1);
    assert_eq!(back.readiness.delta(), -p.readiness.delta());
    assert_eq!(back.pathways_closed, p.pathways_opened);
    assert_eq!(back.blockers_added, p.blockers_removed);
    // The same report twice: nothing changed.
    assert!(progress::compare(&r2, &r2).is_empty());
}

#[test]
fn progress_names_a_step_done_and_pathways_opened() {
    let packs = builtin_packs();
    let pack = &packs["MX"];
    let no_photos = Profile::from_json(
        r#"{"schema":"umbral.profile/1","country":"MX","locality":"urban","sector":"crafts","goal":"grow_local",
            "connectivity":{"internet":"mobile_data","devices":["smartphone"]},"skills":{"digital_level":2,"helper":"staff","hours_per_week":6},
            "presence":{"channels":["whatsapp"],"product_photos":false,"inventory":"paper"},"motivation":{"level":4},
            "payments":{"bank_account":true,"accepts":["cash","transfer"]},"logistics":{"delivers_locally":true}}"#,
    )
    .unwrap();
    let mut photos = no_photos.clone();
    let field = umbral::engine::profile::core_field("presence.product_photos").unwrap();
    photos.set(field, Some(umbral::engine::Value::Bool(true)));
    let r1 = assess(pack, &no_photos, Locale::Es);
    let r2 = assess(pack, &photos, Locale::Es);
    assert!(
        r1.options().any(|o| o.id == "product-photos"),
        "the step is recommended first"
    );
    let p = progress::compare(&r1, &r2);
    assert!(p.steps_done.contains(&"product-photos"), "{p:?}");
    let presence = p.dimensions.iter().find(|d| d.id == "presence").unwrap();
    assert!(presence.delta().unwrap() > 0);
}

// ---------------------------------------------------------------------------------------------
// `umbral handoff` on the command line

const SAMPLE: &str = "tests/fixtures/handoff/v1-sample.json";

/// A scratch folder for this test alone, emptied first.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("umbral-handoff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn cli_check_says_what_the_file_holds() {
    let out = umbral(&["handoff", "check", SAMPLE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{SAMPLE}: umbral.handoff/1, written by Umbral 0.1.0 at 2026-11-27T22:40:05Z: 3 enterprise(s), 4 visit(s)\n")
    );
    // Standard input too.
    let out = umbral(&["handoff", "check"], &sample_text());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("standard input: umbral.handoff/1"));
}

#[test]
fn cli_check_lists_every_problem_and_exits_1() {
    let bad = edited(|j| {
        j["enterprises"][0]["visits"][0]["date"] = json!("ayer");
        j["enterprises"][1]["visits"][0]["profile"]["connectivity"]["internet"] = json!("fiber");
    });
    let out = umbral(&["handoff", "check", "-"], &bad);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "umbral: invalid hand-off file standard input:\n  \
         - enterprises[0].visits[0].date: expected a date such as 2026-03-14, found 'ayer'\n  \
         - enterprises[1].visits[0].profile.connectivity.internet: unknown value 'fiber'; expected one of: none, intermittent, mobile_data, broadband (in the visit of 2026-04-02 to 'Café \"La Esquina\", Valparaíso (ficticio)')\n"
    );
    let out = umbral(&["handoff", "check"], r#"{"schema":"umbral.handoff/7"}"#);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("'umbral.handoff/7', a version this app cannot read"));
}

#[test]
fn cli_usage_and_io_errors_exit_2() {
    assert_eq!(umbral(&["handoff"], "").status.code(), Some(2));
    assert_eq!(
        umbral(&["handoff", "frobnicate"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        umbral(&["handoff", "merge", SAMPLE], "").status.code(),
        Some(2)
    );
    assert_eq!(
        umbral(&["handoff", "csv", "--separator", "tab", SAMPLE], "")
            .status
            .code(),
        Some(2)
    );
    let out = umbral(
        &[
            "handoff",
            "check",
            "tests/fixtures/handoff/no-such-file.json",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr)
        .starts_with("umbral: cannot open tests/fixtures/handoff/no-such-file.json"));
    let help = text(&umbral(&["--help"], "").stdout);
    assert!(help.contains("handoff"), "{help}");
}

#[test]
fn cli_merge_writes_the_merged_file_and_says_what_changed() {
    let dir = scratch("merge");
    // B: the sample with a new visit and a conflicting edit of Ana's first visit; A: the
    // sample with its own edit of that visit.
    let mut a = sample();
    a[0].visits[0].notes = "Editada en el equipo A".into();
    a[0].visits[0].touch("equipo-a", DAY2);
    let mut b = sample();
    b[0].visits[0].notes = "Editada en el equipo B".into();
    b[0].visits[0].touch("equipo-b", DAY2);
    b[1].visits.push(Visit::new(
        "nueva",
        "2026-10-01",
        profile("CL", 4),
        "equipo-b",
        DAY2,
    ));
    let (pa, pb, po) = (dir.join("a.json"), dir.join("b.json"), dir.join("out.json"));
    std::fs::write(&pa, handoff::encode(&a, NOW)).unwrap();
    std::fs::write(&pb, handoff::encode(&b, NOW)).unwrap();
    let args = [
        "handoff",
        "merge",
        pa.to_str().unwrap(),
        pb.to_str().unwrap(),
        "-o",
        po.to_str().unwrap(),
    ];
    let out = umbral(&args, "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "1 visita nueva, 1 conflicto: se guardaron las dos versiones.\n"
    );
    let merged = handoff::decode_file(&std::fs::read_to_string(&po).unwrap()).unwrap();
    assert!(umbral::workspace::is_timestamp(&merged.exported_at));
    let mut expected = a.clone();
    merge(&mut expected, b.clone());
    assert_eq!(merged.enterprises, expected);
    // Merging B again into the result changes nothing; in English on request, to stdout.
    let out = umbral(
        &[
            "handoff",
            "merge",
            po.to_str().unwrap(),
            pb.to_str().unwrap(),
            "--lang",
            "en",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        "Nothing new: everything in the file was already here.\n"
    );
    assert_eq!(handoff::decode(&text(&out.stdout)).unwrap(), expected);
    // A bad file stops the merge and writes nothing.
    std::fs::write(&pb, "{}").unwrap();
    std::fs::remove_file(&po).unwrap();
    let out = umbral(&args, "");
    assert_eq!(out.status.code(), Some(1));
    assert!(!po.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_csv_writes_the_latest_reports() {
    let out = umbral(&["handoff", "csv", SAMPLE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let packs = builtin_packs();
    let lookup = |c: &str| packs.get(c);
    let expected = csv::latest_reports(&sample(), &lookup, Separator::Comma).unwrap();
    assert_eq!(text(&out.stdout), expected);
    let out = umbral(
        &["handoff", "csv", "--separator", "semicolon", "-"],
        &sample_text(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(read_csv(&text(&out.stdout), b';').len(), 3);
}

#[test]
fn cli_progress_between_the_two_latest_visits() {
    let id = "3c9e1f4a7b2d48e6a0c5f1b9d2e7a4c3";
    let out = umbral(&["handoff", "progress", "--enterprise", id, SAMPLE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["before"], "2026-03-14");
    assert_eq!(json["after"], "2026-05-09");
    assert!(
        json["progress"]["readiness"]["after"].as_u64()
            > json["progress"]["readiness"]["before"].as_u64()
    );
    let internet = &json["progress"]["dimensions"][0];
    assert_eq!(internet["label"], "Internet");
    assert_eq!(
        internet["delta"].as_i64(),
        Some(internet["after"].as_i64().unwrap() - internet["before"].as_i64().unwrap())
    );
    assert_eq!(
        json["progress"]["readiness"]["delta"].as_i64(),
        Some(
            json["progress"]["readiness"]["after"].as_i64().unwrap()
                - json["progress"]["readiness"]["before"].as_i64().unwrap()
        )
    );
    let out = umbral(
        &[
            "handoff",
            "progress",
            "--enterprise",
            "b7d4e2a19c0f4e3d8a6b5c4d3e2f1a0b",
            SAMPLE,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "umbral: enterprise 'b7d4e2a19c0f4e3d8a6b5c4d3e2f1a0b' has 1 visit(s); progress needs two\n"
    );
    let out = umbral(
        &["handoff", "progress", "--enterprise", "nadie", SAMPLE],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("umbral: no enterprise 'nadie' in {SAMPLE}\n")
    );
}

#[test]
fn cli_prints_the_handoff_schema() {
    let out = umbral(&["schema", "handoff"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        std::fs::read_to_string(root().join("www/spec/handoff-v3.schema.json")).unwrap()
    );
}

#[test]
fn a_stored_record_reads_back_or_says_why_not() {
    let e = sample().remove(1);
    let value = serde_json::to_value(&e).unwrap();
    assert_eq!(Enterprise::from_value(&value), Ok(e));
    assert_eq!(
        messages(Enterprise::from_value(&json!({"id": "x", "visits": []})).unwrap_err()),
        vec![
            "missing field 'name'",
            "missing field 'country'",
            "missing field 'created'",
            "missing field 'updated'",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Pinned bytes: the sample merged with another device's file, and its CSV. `tests/handoff_wasm.rs`
// checks that WebAssembly gives the same bytes (the same conflict ids, so a phone and the
// command line agree). `UPDATE_EXPECT=1 cargo test --test handoff` rewrites them after a
// deliberate change.

const PINNED_AT: &str = "2026-11-28T12:00:00Z";

fn pinned(name: &str, actual: &str) {
    let path = root().join("tests/fixtures/handoff").join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs; review and rerun with UPDATE_EXPECT=1:\n{actual}"
    );
}

#[test]
fn merging_the_other_devices_file_gives_the_pinned_bytes() {
    let mut local = sample();
    let other = std::fs::read_to_string(root().join("tests/fixtures/handoff/v1-other-device.json"))
        .unwrap();
    let report = merge(&mut local, handoff::decode(&other).unwrap());
    assert_eq!(
        report.summary(Locale::Es),
        "1 empresa nueva, 1 visita nueva, 2 conflictos: se guardaron las dos versiones de cada uno."
    );
    assert_eq!(
        (report.visit_conflicts, report.enterprise_conflicts),
        (1, 1)
    );
    let merged = handoff::encode(&local, PINNED_AT);
    assert_eq!(schema_errors(&merged), Vec::<String>::new());
    pinned("merged.json", &merged);
    let packs = builtin_packs();
    let lookup = |c: &str| packs.get(c);
    pinned(
        "merged.csv",
        &csv::latest_reports(&local, &lookup, Separator::Comma).unwrap(),
    );
}

#[test]
fn a_stored_visit_reads_back_or_says_why_not() {
    let v = sample()[0].visits[1].clone();
    let value = serde_json::to_value(&v).unwrap();
    assert_eq!(Visit::from_value(&value, Some("MX")), Ok(v.clone()));
    assert_eq!(v.validate(None), Ok(()));
    assert_eq!(
        messages(v.validate(Some("CL")).unwrap_err()),
        vec!["profile.country: the profile is for MX but the enterprise is in CL (in the visit of 2026-05-09 to its enterprise)"]
    );
    let mut broken = value.clone();
    broken["notes"] = json!(null);
    broken["edits"] = json!([]);
    broken["profile"]["skills"]["hours_per_week"] = json!(200);
    assert_eq!(
        messages(Visit::from_value(&broken, None).unwrap_err()),
        vec![
            "profile.skills.hours_per_week: 200 is out of range; expected 0 to 168 (in the visit of 2026-05-09 to its enterprise)",
            "notes: expected a string, found null",
            "edits: expected an object of device ids and save counts, found an array",
        ]
    );
}

#[test]
fn refusals_have_a_plain_headline_in_both_languages() {
    let headline = |text: &str, locale| handoff::decode(text).unwrap_err().headline(locale);
    assert_eq!(
        headline(r#"{"schema":"umbral.handoff/4"}"#, Locale::Es),
        "Este archivo es de una versión más nueva de Umbral (umbral.handoff/4). Actualice Umbral para abrirlo. No se cambió nada."
    );
    assert_eq!(
        headline(r#"{"schema":"umbral.handoff/4"}"#, Locale::En),
        "This file is from a newer version of Umbral (umbral.handoff/4). Update Umbral to open it. Nothing was changed."
    );
    assert_eq!(
        headline(r#"{"schema":"umbral.profile/1","country":"MX"}"#, Locale::Es),
        "Este archivo es una sola evaluación, no un archivo de traspaso con empresas y visitas. No se cambió nada."
    );
    for text in ["PK\u{3}\u{4}", "[1]", "{}", r#"{"schema":"otra.cosa/1"}"#] {
        assert_eq!(
            headline(text, Locale::Es),
            "Este archivo no es un archivo de traspaso de Umbral. No se cambió nada.",
            "{text}"
        );
    }
    let two = edited(|j| {
        j["exported_at"] = json!(1);
        j["app_version"] = json!(2);
    });
    assert_eq!(
        headline(&two, Locale::Es),
        "El archivo tiene 2 errores y no se importó nada. Detalles:"
    );
    assert_eq!(
        headline(&edited(|j| j["exported_at"] = json!(1)), Locale::En),
        "The file has an error and nothing was imported. Details:"
    );
}

/// An enterprise's id, its details, its visits' ids and fingerprints, and its steps.
type Contents = (String, String, Vec<(String, String)>, Vec<String>);

/// One to three rounds of changes on two devices; `deleting` allows deletions and settled
/// conflicts.
fn rounds(deleting: bool) -> impl Strategy<Value = Vec<(Vec<Op>, Vec<Op>)>> {
    let ops = move || {
        proptest::collection::vec(
            op().prop_filter("no deletions", move |o| {
                deleting || !matches!(o, Op::Delete(..) | Op::Resolve(..))
            }),
            0..6,
        )
    };
    proptest::collection::vec((ops(), ops()), 1..4)
}

/// Visit ids unique in each enterprise, and every record valid.
fn sound(workspace: &[Enterprise]) -> Result<(), String> {
    for e in workspace {
        let mut ids = visit_ids(e);
        ids.sort();
        let n = ids.len();
        ids.dedup();
        if ids.len() != n {
            return Err(format!("duplicate visit ids in {}", e.id));
        }
        e.validate().map_err(|errors| errors.to_string())?;
    }
    Ok(())
}

fn contents(workspace: &[Enterprise]) -> Vec<Contents> {
    let mut out: Vec<_> = workspace
        .iter()
        .map(|e| {
            let mut visits: Vec<(String, String)> = e
                .visits
                .iter()
                .map(|v| (v.id.clone(), v.fingerprint()))
                .collect();
            visits.sort();
            (
                e.id.clone(),
                format!("{}|{:?}", e.name, e.other_values),
                visits,
                step_contents(e),
            )
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Two devices editing apart and exchanging files, round after round: every merge is
    /// idempotent and keeps records valid, and after each two-way exchange both hold the same
    /// visits under the same ids and the same details.
    #[test]
    fn devices_exchanging_files_converge(
        rounds in rounds(false),
    ) {
        let mut a = base();
        let mut b = base();
        for (ops_a, ops_b) in &rounds {
            apply(&mut a, ops_a, "tel-a");
            apply(&mut b, ops_b, "tel-b");
            merge(&mut a, b.clone());
            let again = merge(&mut a, b.clone());
            prop_assert!(!again.changed(), "{:?}", again);
            merge(&mut b, a.clone());
            prop_assert_eq!(contents(&a), contents(&b));
            prop_assert_eq!(sound(&a), Ok(()));
            prop_assert_eq!(sound(&b), Ok(()));
        }
    }
}

/// Found by `devices_exchanging_files_converge`: a file whose other values include the
/// current value (its writer did not drop it) must not make merging it twice change things.
#[test]
fn other_values_equal_to_the_current_value_are_dropped_once() {
    let (mut a, mut b) = two_devices();
    b[0].name = "Nombre nuevo".into();
    b[0].touch("tel-b", DAY2);
    b[0].other_values = vec![OtherValue {
        field: "name".into(),
        value: "Nombre nuevo".into(),
    }];
    let first = merge(&mut a, b.clone());
    assert_eq!(first.enterprises_updated, 1);
    assert!(a[0].other_values.is_empty());
    let again = merge(&mut a, b);
    assert!(!again.changed(), "{again:?}");
    // And saving drops them too.
    a[0].other_values = vec![OtherValue {
        field: "name".into(),
        value: "Nombre nuevo".into(),
    }];
    a[0].touch("tel-a", DAY2);
    assert!(a[0].other_values.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// The same with deletions and settled conflicts, which do not travel (importing never
    /// deletes): every merge stays idempotent, ids unique and records valid.
    #[test]
    fn devices_deleting_and_settling_stay_sound(
        rounds in rounds(true),
    ) {
        let mut a = base();
        let mut b = base();
        for (ops_a, ops_b) in &rounds {
            apply(&mut a, ops_a, "tel-a");
            apply(&mut b, ops_b, "tel-b");
            let (a0, b0) = (a.clone(), b.clone());
            merge(&mut a, b0.clone());
            prop_assert_eq!(keeps_every_visit(&a, &a0, &b0), Ok(()));
            prop_assert_eq!(keeps_every_visit(&a, &b0, &a0), Ok(()));
            prop_assert_eq!(keeps_every_step(&a, &a0, &b0), Ok(()));
            let again = merge(&mut a, b0);
            prop_assert!(!again.changed(), "{:?}", again);
            merge(&mut b, a.clone());
            let again = merge(&mut b, a.clone());
            prop_assert!(!again.changed(), "{:?}", again);
            prop_assert_eq!(sound(&a), Ok(()));
            prop_assert_eq!(sound(&b), Ok(()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Version 3: cohort tags, steps followed through, outcomes (issue 14)

const V3_SAMPLE: &str = "tests/fixtures/handoff/v3-sample.json";

fn v3_text() -> String {
    std::fs::read_to_string(root().join(V3_SAMPLE)).unwrap()
}

fn v3_sample() -> Vec<Enterprise> {
    handoff::decode(&v3_text()).unwrap_or_else(|e| panic!("the v3 sample decodes:\n{e}"))
}

/// The v3 sample with one change made to its JSON.
fn v3_edited(change: impl FnOnce(&mut Json)) -> String {
    let mut json: Json = serde_json::from_str(&v3_text()).unwrap();
    change(&mut json);
    json.to_string()
}

/// Each problem with its path, in English and in Spanish.
fn both_languages(text: &str) -> Vec<(String, String)> {
    handoff::decode(text)
        .err()
        .map(|errors| {
            errors
                .0
                .iter()
                .map(|e| (e.message(Locale::En), e.message(Locale::Es)))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_v3_sample_decodes_round_trips_and_matches_the_schema() {
    assert_eq!(schema_errors(&v3_text()), Vec::<String>::new());
    let file = handoff::decode_file(&v3_text()).unwrap();
    assert_eq!(file.schema, "umbral.handoff/3");
    let lupita = &file.enterprises[0];
    assert_eq!(
        (
            lupita.programme.as_deref(),
            lupita.institution.as_deref(),
            lupita.term.as_deref(),
            lupita.team.as_deref()
        ),
        (
            Some("Pueblos Digitales (ficticio)"),
            Some("Universidad del Valle (ficticia)"),
            Some("2026-2"),
            Some("Equipo 4")
        )
    );
    assert_eq!(lupita.steps.len(), 4);
    let statuses: Vec<StepStatus> = lupita.steps.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            StepStatus::Done,
            StepStatus::InProgress,
            StepStatus::Dropped,
            StepStatus::Agreed
        ]
    );
    assert_eq!(
        lupita.steps[0].confirmed_in.as_deref(),
        Some("v-2026-09-20-b2")
    );
    assert_eq!(lupita.steps[1].who, Some(Who::Relative));
    assert_eq!(lupita.steps[1].follow_up.as_deref(), Some("2026-10-15"));
    let outcomes = lupita.visits[1].outcomes.as_ref().unwrap();
    assert!(outcomes.selling_online);
    assert_eq!(outcomes.channels, ["whatsapp", "whatsapp_business"]);
    assert_eq!(outcomes.online_share, Some(15));
    assert_eq!(
        outcomes.tools,
        [
            ToolUse {
                entry: "whatsapp-business".into(),
                still_using: true
            },
            ToolUse {
                entry: "mercado-pago".into(),
                still_using: false
            }
        ]
    );
    assert!(
        !file.enterprises[1].visits[0]
            .outcomes
            .as_ref()
            .unwrap()
            .selling_online
    );
    // Written back as version 3, read back the same, and written the same again.
    let text = handoff::encode(&file.enterprises, NOW);
    assert_eq!(schema_errors(&text), Vec::<String>::new());
    assert_eq!(handoff::decode(&text).unwrap(), file.enterprises);
    assert_eq!(handoff::encode(&handoff::decode(&text).unwrap(), NOW), text);
    // Merged into itself, nothing changes.
    let mut again = file.enterprises.clone();
    assert!(!merge(&mut again, file.enterprises.clone()).changed());
    assert_eq!(again, file.enterprises);
    // A stored record carries its steps and tags, and checks on its own.
    for e in &file.enterprises {
        assert_eq!(e.validate(), Ok(()));
        assert_eq!(
            Enterprise::from_value(&serde_json::to_value(e).unwrap()).as_ref(),
            Ok(e)
        );
    }
}

/// A version-2 file (as this app wrote them before version 3) keeps reading: its enterprises
/// have no tags, steps or outcomes, and written again as version 3 they are the same bytes but
/// for the version (the merged sample, pinned as `merged.json`).
#[test]
fn a_version_2_file_keeps_reading_and_migrates_to_version_3() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/handoff/v2-merged.json")).unwrap();
    assert!(text.starts_with("{\"schema\":\"umbral.handoff/2\""));
    assert_eq!(schema_errors(&text), Vec::<String>::new());
    let file = handoff::decode_file(&text).unwrap();
    assert_eq!(file.schema, "umbral.handoff/2");
    for e in &file.enterprises {
        assert!(e.steps.is_empty() && TAGS.iter().all(|t| e.detail(t) == Some("")));
        assert!(e.visits.iter().all(|v| v.outcomes.is_none()));
    }
    let written = handoff::encode(&file.enterprises, PINNED_AT);
    assert_eq!(
        written,
        text.replacen("umbral.handoff/2", "umbral.handoff/3", 1)
    );
    // Version 1, too (its profiles migrated).
    let v1 = handoff::decode_file(&sample_text()).unwrap();
    assert_eq!(v1.schema, "umbral.handoff/1");
    assert!(v1.enterprises.iter().all(|e| e.steps.is_empty()));
}

const TAGS: [&str; 4] = ["programme", "institution", "term", "team"];

/// Fields version 3 added are not version 2's: a version-2 file that has them was not written
/// by any version of Umbral, and is refused with the fields version 2 knows.
#[test]
fn a_version_2_file_holds_no_version_3_fields() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/handoff/v2-merged.json")).unwrap();
    let mut json: Json = serde_json::from_str(&text).unwrap();
    json["enterprises"][0]["programme"] = json!("Pueblos Digitales");
    // Only the fields are named: what they hold is not read.
    json["enterprises"][0]["steps"] = json!([{"step": 1}]);
    json["enterprises"][0]["visits"][0]["outcomes"] = json!({"selling_online": "yes"});
    json["enterprises"][1]["other_values"] = json!([{"field": "team", "value": "x"}]);
    assert_eq!(
        errors(&json.to_string()),
        vec![
            "enterprises[0]: unknown field 'programme'; expected one of: id, name, country, region, locality, sector, created, updated, edits, other_values, visits, removed",
            "enterprises[0]: unknown field 'steps'; expected one of: id, name, country, region, locality, sector, created, updated, edits, other_values, visits, removed",
            "enterprises[0].visits[0]: unknown field 'outcomes'; expected one of: id, date, profile, notes, updated, edits, conflict_of",
            "enterprises[1].other_values[0].field: unknown detail 'team'; expected one of: name, region, locality, sector",
        ]
    );
}

#[test]
fn every_new_problem_is_reported_at_its_path_in_both_languages() {
    let text = v3_edited(|j| {
        let e = &mut j["enterprises"][0];
        e["programme"] = json!(" Pueblos Digitales");
        e["institution"] = json!("   ");
        e["term"] = json!("t".repeat(201));
        e["team"] = json!(4);
        e["other_values"] = json!([{"field": "cohort", "value": "x"}]);
        let s = &mut e["steps"];
        s[0]["status"] = json!("finished");
        s[1]["reason"] = json!("No tiene tiempo");
        s[1]["confirmed_in"] = json!("v-2026-09-20-b2");
        s[1]["who"] = json!("neighbour");
        s[1]["follow_up"] = json!("2026-02-30");
        s[2].as_object_mut().unwrap().remove("reason");
        s[3]["step"] = json!("whatsapp-business");
        s[3]["visit"] = json!("v-2026-03-14-a1");
        s[3]["status"] = json!("dropped");
        s[3]["reason"] = json!("r".repeat(501));
        s[3]["colour"] = json!("red");
        let o = &mut e["visits"][1]["outcomes"];
        o["selling_online"] = json!("yes");
        o["channels"] = json!(["whatsapp", "telegram"]);
        o["online_share"] = json!(120);
        o["tools"] = json!([
            {"entry": "mercado-pago", "still_using": true},
            {"entry": "mercado-pago", "still_using": false},
            {"entry": "clip"}
        ]);
        let c = &mut j["enterprises"][1]["visits"][0]["outcomes"];
        c["channels"] = json!(["facebook"]);
        c["online_share"] = json!(5);
    });
    let found = both_languages(&text);
    let english: Vec<&str> = found.iter().map(|(en, _)| en.as_str()).collect();
    assert_eq!(
        english,
        vec![
            "enterprises[0].programme: has spaces at its start or end",
            "enterprises[0].institution: is empty",
            "enterprises[0].term: longer than 200 characters",
            "enterprises[0].team: expected a string, found a number",
            "enterprises[0].other_values[0].field: unknown detail 'cohort'; expected one of: name, region, locality, sector, programme, institution, term, team",
            "enterprises[0].visits[1].outcomes.selling_online: expected true or false, found the string 'yes'",
            "enterprises[0].visits[1].outcomes.channels: unknown item 'telegram'; expected any of: whatsapp, whatsapp_business, facebook, instagram, tiktok, google_business, marketplace, own_store",
            "enterprises[0].visits[1].outcomes.online_share: 120 is out of range; expected 0 to 100",
            "enterprises[0].visits[1].outcomes.tools[1].entry: 'mercado-pago' appears twice",
            "enterprises[0].visits[1].outcomes.tools[2]: missing field 'still_using'",
            "enterprises[0].steps[0].status: unknown value 'finished'; expected one of: agreed, in_progress, done, dropped",
            "enterprises[0].steps[1].reason: a reason is kept only for a dropped step; this one is 'in_progress'",
            "enterprises[0].steps[1].who: unknown value 'neighbour'; expected one of: owner, relative, staff, consultant",
            "enterprises[0].steps[1].follow_up: expected a date such as 2026-03-14, found '2026-02-30'",
            "enterprises[0].steps[1].confirmed_in: confirmed_in is kept only for a step done; this one is 'in_progress'",
            "enterprises[0].steps[2]: a dropped step needs a reason: why it was left aside (1 to 500 characters)",
            "enterprises[0].steps[3]: step 'whatsapp-business' of visit 'v-2026-03-14-a1' is already steps[0] of this enterprise",
            "enterprises[0].steps[3]: unknown field 'colour'; expected one of: step, visit, status, reason, who, follow_up, confirmed_in, updated, edits",
            "enterprises[0].steps[3].reason: longer than 500 characters",
            "enterprises[1].visits[0].outcomes: channels or a share of online sales, but selling_online is false",
        ]
    );
    let spanish: Vec<&str> = found.iter().map(|(_, es)| es.as_str()).collect();
    for (i, (en, es)) in english.iter().zip(&spanish).enumerate() {
        assert_ne!(en, es, "{i}");
        // The same place, in the same words of the file.
        assert_eq!(en.split(": ").next(), es.split(": ").next(), "{i}");
        for english_word in ["expected", "found", "unknown", "missing", " is "] {
            assert!(!es.contains(english_word), "{es:?} says {english_word:?}");
        }
    }
    assert_eq!(
        spanish[0],
        "enterprises[0].programme: tiene espacios al principio o al final"
    );
    assert_eq!(
        spanish[15],
        "enterprises[0].steps[2]: un paso que se dejó necesita un motivo: por qué se dejó (de 1 a 500 caracteres)"
    );
    assert_eq!(
        spanish[19],
        "enterprises[1].visits[0].outcomes: tiene canales o una parte de ventas por internet, pero selling_online es false (no vende por internet)"
    );
    // The schema refuses what the reader refuses.
    for change in [
        |j: &mut Json| {
            j["enterprises"][0]["steps"][2]
                .as_object_mut()
                .unwrap()
                .remove("reason")
                .map(drop)
                .unwrap_or(())
        },
        |j: &mut Json| j["enterprises"][0]["steps"][1]["reason"] = json!("x"),
        |j: &mut Json| j["enterprises"][0]["steps"][1]["confirmed_in"] = json!("v1"),
        |j: &mut Json| j["enterprises"][0]["programme"] = json!("x "),
        |j: &mut Json| {
            j["enterprises"][1]["visits"][0]["outcomes"]["channels"] = json!(["facebook"])
        },
        |j: &mut Json| j["enterprises"][0]["steps"][0]["status"] = json!("finished"),
    ] {
        let text = v3_edited(change);
        assert!(!schema_errors(&text).is_empty(), "{text}");
        assert!(!errors(&text).is_empty(), "{text}");
    }
}

// The step merge rule.

const DAY3: &str = "2026-11-30T09:00:00Z";

/// The shared starting point: one enterprise, one visit, one step agreed.
fn with_a_step() -> (Vec<Enterprise>, Vec<Enterprise>) {
    let mut e = one_enterprise();
    e.set_step(
        "vis-1",
        "whatsapp-business",
        update(StepStatus::Agreed, None),
        "tel-a",
        NOW,
    )
    .unwrap();
    (vec![e.clone()], vec![e])
}

fn update(status: StepStatus, reason: Option<&str>) -> StepUpdate<'_> {
    StepUpdate {
        status,
        reason,
        who: None,
        follow_up: None,
    }
}

/// Saves the WhatsApp Business step of the first enterprise's first visit.
fn save_whatsapp(
    w: &mut [Enterprise],
    status: StepStatus,
    reason: Option<&str>,
    device: &str,
    at: &str,
) {
    w[0].set_step(
        "vis-1",
        "whatsapp-business",
        update(status, reason),
        device,
        at,
    )
    .unwrap();
}

fn status_of(w: &[Enterprise]) -> StepStatus {
    w[0].step("vis-1", "whatsapp-business").unwrap().status
}

#[test]
fn a_step_saved_on_one_side_replaces_the_older_copy() {
    let (mut a, mut b) = with_a_step();
    save_whatsapp(&mut b, StepStatus::InProgress, None, "tel-b", DAY2);
    let (report, changes) = merge_changes(&a, b.clone());
    assert_eq!(report.steps_updated, 1, "{report:?}");
    assert_eq!(report.summary(Locale::Es), "1 paso al día.");
    assert_eq!(report.summary(Locale::En), "1 updated step.");
    // The import writes the enterprise's record (its steps in it) over the revision read, which
    // counts the steps' saves: one for the details, one for the step.
    assert!(changes.visits.is_empty());
    assert_eq!(changes.enterprises.len(), 1);
    assert_eq!(changes.enterprises[0].1, 2);
    assert_eq!(changes.enterprises[0].0.steps, b[0].steps);
    merge(&mut a, b.clone());
    assert_eq!(status_of(&a), StepStatus::InProgress);
    assert_eq!(a, b);
    // The older copy coming back changes nothing (dominated).
    let (older, _) = with_a_step();
    assert!(!merge(&mut a, older).changed());
    assert_eq!(a, b);
    // Equal copies change nothing.
    assert!(!merge(&mut a, b.clone()).changed());
}

/// Both devices save the WhatsApp step apart, done on one at `at_a` and dropped on the other
/// at `at_b`, then import each other's files: both merged workspaces, then what each exported.
fn done_here_dropped_there(at_a: &str, at_b: &str) -> [Vec<Enterprise>; 4] {
    let (mut a, mut b) = with_a_step();
    save_whatsapp(&mut a, StepStatus::Done, None, "tel-a", at_a);
    save_whatsapp(
        &mut b,
        StepStatus::Dropped,
        Some("No quiere"),
        "tel-b",
        at_b,
    );
    let (a0, b0) = (a.clone(), b.clone());
    assert_eq!(
        merge(&mut a, b0.clone()).steps_updated,
        usize::from(at_b > at_a)
    );
    merge(&mut b, a0.clone());
    [a, b, a0, b0]
}

#[test]
fn a_step_changed_on_both_sides_keeps_the_later_save_on_both_devices() {
    let [mut a, mut b, a0, b0] = done_here_dropped_there(DAY2, DAY3);
    // The later save (dropped, on day 3) stays on both, with both sides' saves.
    assert_eq!(status_of(&a), StepStatus::Dropped);
    assert_eq!(a, b);
    let edits = &a[0].steps[0].edits;
    assert_eq!(
        (edits.get("tel-a"), edits.get("tel-b")),
        (Some(&2), Some(&1))
    );
    // Idempotent, and each device's old copy changes nothing more.
    for w in [&mut a, &mut b] {
        let before = w.clone();
        assert!(!merge(w, a0.clone()).changed());
        assert!(!merge(w, b0.clone()).changed());
        assert_eq!(*w, before);
    }

    // Saved at the same moment: the status that went further stays (done over dropped).
    let [a, b, ..] = done_here_dropped_there(DAY2, DAY2);
    assert_eq!(status_of(&a), StepStatus::Done);
    assert_eq!(a, b);

    // The same moment and status: the smaller JSON text, whichever device imports.
    let (mut a, mut b) = with_a_step();
    let mut owner = update(StepStatus::InProgress, None);
    owner.who = Some(Who::Owner);
    let mut staff = owner.clone();
    staff.who = Some(Who::Staff);
    a[0].set_step("vis-1", "whatsapp-business", staff, "tel-a", DAY2)
        .unwrap();
    b[0].set_step("vis-1", "whatsapp-business", owner, "tel-b", DAY2)
        .unwrap();
    let a0 = a.clone();
    merge(&mut a, b.clone());
    merge(&mut b, a0);
    assert_eq!(a[0].steps[0].who, Some(Who::Owner));
    assert_eq!(a, b);
}

#[test]
fn steps_of_both_sides_are_all_kept() {
    let (mut a, mut b) = with_a_step();
    a[0].set_step(
        "vis-1",
        "product-photos",
        update(StepStatus::Agreed, None),
        "tel-a",
        DAY2,
    )
    .unwrap();
    b[0].set_step(
        "vis-1",
        "sat-rfc",
        update(StepStatus::Agreed, None),
        "tel-b",
        DAY2,
    )
    .unwrap();
    let report = merge(&mut a, b.clone());
    assert_eq!(report.steps_added, 1);
    assert_eq!(report.summary(Locale::Es), "1 paso en seguimiento nuevo.");
    let mut steps: Vec<&str> = a[0].steps.iter().map(|s| s.step.as_str()).collect();
    steps.sort();
    assert_eq!(steps, ["product-photos", "sat-rfc", "whatsapp-business"]);
    // A new enterprise brings its steps.
    let mut empty = Vec::new();
    let report = merge(&mut empty, a.clone());
    assert_eq!(report.steps_added, 3);
}

#[test]
fn a_step_is_saved_as_the_reader_checks_it() {
    let mut e = one_enterprise();
    let step = "whatsapp-business";
    let said = |r: Result<(), FollowError>| r.unwrap_err().to_string();
    assert_eq!(
        said(e.set_step("nope", step, update(StepStatus::Agreed, None), "d", NOW)),
        "no visit 'nope'"
    );
    assert_eq!(
        said(e.set_step("vis-1", step, update(StepStatus::Dropped, None), "d", NOW)),
        "a dropped step needs a reason: why it was left aside (1 to 500 characters)"
    );
    assert_eq!(
        said(e.set_step("vis-1", step, update(StepStatus::Done, Some("x")), "d", NOW)),
        "reason: a reason is kept only for a dropped step; this one is 'done'"
    );
    assert_eq!(
        said(e.set_step(
            "vis-1",
            step,
            update(StepStatus::Dropped, Some("  ")),
            "d",
            NOW
        )),
        "reason: is empty"
    );
    let mut dated = update(StepStatus::Agreed, None);
    dated.follow_up = Some("2026-13-01");
    assert_eq!(
        said(e.set_step("vis-1", step, dated, "d", NOW)),
        "follow_up: expected a date such as 2026-03-14, found '2026-13-01'"
    );
    assert_eq!(
        said(e.set_step(
            "vis-1",
            "no es id",
            update(StepStatus::Agreed, None),
            "d",
            NOW
        )),
        "step: expected an id (1 to 64 letters, digits, '-' or '_'), found 'no es id'"
    );
    // In Spanish too.
    let error = e
        .set_step("vis-1", step, update(StepStatus::Dropped, None), "d", NOW)
        .unwrap_err();
    assert_eq!(
        error.message(Locale::Es),
        "un paso que se dejó necesita un motivo: por qué se dejó (de 1 a 500 caracteres)"
    );
    assert!(e.steps.is_empty(), "nothing saved");
    e.set_step("vis-1", step, update(StepStatus::Agreed, None), "d", NOW)
        .unwrap();
    assert_eq!(e.revision(), 2);
    // Saving the same again records nothing.
    e.set_step("vis-1", step, update(StepStatus::Agreed, None), "d", DAY2)
        .unwrap();
    assert_eq!((e.revision(), e.steps[0].updated.as_str()), (2, NOW));
    assert_eq!(e.validate(), Ok(()));
}

#[test]
fn the_next_visit_opens_with_the_latest_status_of_each_open_step() {
    let mut e = one_enterprise();
    e.visits.push(Visit::new(
        "vis-2",
        "2026-06-01",
        profile("MX", 2),
        "tel-a",
        DAY2,
    ));
    let set = |e: &mut Enterprise, visit: &str, step: &str, status, reason, now| {
        e.set_step(visit, step, update(status, reason), "tel-a", now)
            .unwrap()
    };
    set(
        &mut e,
        "vis-1",
        "whatsapp-business",
        StepStatus::Agreed,
        None,
        NOW,
    );
    set(
        &mut e,
        "vis-1",
        "product-photos",
        StepStatus::InProgress,
        None,
        NOW,
    );
    set(&mut e, "vis-1", "sat-rfc", StepStatus::Agreed, None, NOW);
    set(&mut e, "vis-2", "sat-rfc", StepStatus::Agreed, None, DAY2);
    set(
        &mut e,
        "vis-1",
        "mercado-pago",
        StepStatus::Dropped,
        Some("Efectivo"),
        NOW,
    );
    // Photos were recommended again at the second visit, and are done now.
    set(
        &mut e,
        "vis-2",
        "product-photos",
        StepStatus::Done,
        None,
        DAY3,
    );
    let open: Vec<(&str, &str, StepStatus)> = e
        .open_steps()
        .iter()
        .map(|s| (s.visit.as_str(), s.step.as_str(), s.status))
        .collect();
    assert_eq!(
        open,
        [
            ("vis-1", "whatsapp-business", StepStatus::Agreed),
            ("vis-2", "sat-rfc", StepStatus::Agreed),
        ]
    );
    // By entry: agreed, in progress, done, dropped.
    assert_eq!(e.step_counts(), [2, 0, 1, 1]);
}

#[test]
fn confirming_a_step_done_changes_exactly_the_answers_its_entry_sets() {
    let packs = builtin_packs();
    let pack = &packs["MX"];
    let before = json!({
        "schema": "umbral.profile/2", "country": "MX", "locality": "rural", "sector": "crafts",
        "goal": "grow_local", "size": "micro",
        "connectivity": {"internet": "mobile_data", "devices": ["smartphone"]},
        "skills": {"digital_level": 2, "helper": "none", "hours_per_week": 6},
        "presence": {"channels": ["whatsapp"], "product_photos": true, "inventory": "paper"},
        "motivation": {"level": 4}
    });
    let mut e = Enterprise::new("ent-2", "Tejidos Rosa (ficticia)", "MX", "tel-a", NOW);
    e.visits.push(Visit::new(
        "vis-1",
        "2026-03-14",
        before.clone(),
        "tel-a",
        NOW,
    ));
    e.visits.push(Visit::new(
        "vis-2",
        "2026-09-20",
        before.clone(),
        "tel-a",
        DAY2,
    ));
    // The first visit's roadmap recommends the step, and its report misses the requirement.
    let first = assess(pack, &Profile::from_value(&before).unwrap(), Locale::Es);
    assert!(first.options().any(|o| o.id == "whatsapp-business"));
    let met = |v: &Visit| umbral::engine::met_requirements(pack, &v.decoded_profile().unwrap());
    assert!(!met(&e.visits[1]).contains(&"presence_channel".to_string()));
    let missing = |r: &umbral::engine::Report, id: &str| {
        r.requirements
            .iter()
            .any(|x| x.id == id && x.status != umbral::engine::report::Status::Met)
    };
    assert!(missing(&first, "presence_channel"));

    let confirm = |e: &mut Enterprise, into: &str| {
        e.confirm_step("vis-1", "whatsapp-business", into, pack, "tel-b", DAY3)
    };
    assert_eq!(
        confirm(&mut e, "vis-2").unwrap_err().to_string(),
        "visit 'vis-1' has no step 'whatsapp-business' followed"
    );
    e.set_step(
        "vis-1",
        "whatsapp-business",
        update(StepStatus::InProgress, None),
        "tel-a",
        DAY2,
    )
    .unwrap();
    assert_eq!(
        confirm(&mut e, "vis-2").unwrap_err(),
        FollowError::NotDone {
            step: "whatsapp-business".into()
        }
    );
    e.set_step(
        "vis-1",
        "whatsapp-business",
        update(StepStatus::Done, None),
        "tel-a",
        DAY2,
    )
    .unwrap();
    assert_eq!(
        confirm(&mut e, "vis-1").unwrap_err().to_string(),
        "visit 'vis-1' is not later than visit 'vis-1', which recommended the step"
    );
    let chile = &packs["CL"];
    assert_eq!(
        e.confirm_step("vis-1", "whatsapp-business", "vis-2", chile, "tel-b", DAY3)
            .unwrap_err()
            .message(Locale::Es),
        "el paquete 'cl' no es de MX, el país del negocio"
    );
    let untouched = e.clone();

    let changed = confirm(&mut e, "vis-2").unwrap();
    assert_eq!(changed, ["presence.channels"]);
    // Only that answer changed, by exactly what the entry sets.
    let mut expected = before.clone();
    expected["presence"]["channels"] = json!(["whatsapp", "whatsapp_business"]);
    assert_eq!(
        Profile::from_value(&e.visits[1].profile).unwrap(),
        Profile::from_value(&expected).unwrap()
    );
    assert_eq!(e.visits[0], untouched.visits[0]);
    assert_eq!(e.visits[1].edits.get("tel-b"), Some(&1));
    assert_eq!(e.visits[1].updated, DAY3);
    // The confirmed visit's report shows the requirement met.
    assert!(met(&e.visits[1]).contains(&"presence_channel".to_string()));
    let after = assess(pack, &e.visits[1].decoded_profile().unwrap(), Locale::Es);
    assert!(!missing(&after, "presence_channel"));
    assert!(!after.options().any(|o| o.id == "whatsapp-business"));
    assert!(progress::compare(&first, &after)
        .steps_done
        .contains(&"whatsapp-business"));
    // The step says where it was confirmed, and stays done.
    let step = e.step("vis-1", "whatsapp-business").unwrap();
    assert_eq!(step.confirmed_in.as_deref(), Some("vis-2"));
    assert_eq!(e.validate(), Ok(()));
    assert_eq!(
        confirm(&mut e, "vis-2").unwrap_err().to_string(),
        "step 'whatsapp-business' was confirmed in visit 'vis-2'; its status stays done"
    );
    assert!(e
        .set_step(
            "vis-1",
            "whatsapp-business",
            update(StepStatus::InProgress, None),
            "tel-a",
            DAY3,
        )
        .is_err());
    // A step whose entry sets nothing is confirmed without changing an answer.
    e.set_step(
        "vis-1",
        "capacitate-para-el-empleo",
        update(StepStatus::Done, None),
        "tel-a",
        DAY3,
    )
    .unwrap();
    let before_visit = e.visits[1].clone();
    assert_eq!(
        e.confirm_step(
            "vis-1",
            "capacitate-para-el-empleo",
            "vis-2",
            pack,
            "tel-b",
            DAY3
        ),
        Ok(Vec::new())
    );
    assert_eq!(e.visits[1], before_visit);
    // And the confirmation travels: the other device takes it whole.
    let mut other = vec![untouched];
    merge(&mut other, vec![e.clone()]);
    assert_eq!(other[0], e);
}

#[test]
fn cohort_tags_merge_like_details_and_select_a_cohort() {
    let (mut a, mut b) = two_devices();
    a[0].choose_detail("term", " 2026-2 ", "tel-a", DAY2)
        .unwrap();
    a[0].choose_detail(
        "institution",
        "Universidad de Celaya (ficticia)",
        "tel-a",
        DAY2,
    )
    .unwrap();
    b[0].choose_detail("term", "2026-1", "tel-b", DAY2).unwrap();
    assert_eq!(a[0].term.as_deref(), Some("2026-2"), "trimmed");
    let (a0, b0) = (a.clone(), b.clone());
    let report = merge(&mut a, b0.clone());
    assert_eq!(report.enterprise_conflicts, 1);
    merge(&mut b, a0);
    // One value stays on both devices, the other is shown beside it.
    assert_eq!(a[0].term, b[0].term);
    assert_eq!(a[0].other_values, b[0].other_values);
    let kept = a[0].term.clone().unwrap();
    let other = if kept == "2026-2" { "2026-1" } else { "2026-2" };
    assert!(a[0].other_values.contains(&OtherValue {
        field: "term".into(),
        value: other.into()
    }));
    assert_eq!(
        a[0].institution.as_deref(),
        Some("Universidad de Celaya (ficticia)")
    );
    assert!(!merge(&mut a, b0).changed());
    assert_eq!(a[0].validate(), Ok(()));
    // Searching finds tags; a cohort filter compares them ignoring case and accents.
    let e = &v3_sample()[0];
    assert!(e.matches("pueblos equipo 4"));
    assert!(!e.matches("equipo siete"));
    let filter = |programme: Option<&str>, term: Option<&str>| CohortFilter {
        programme: programme.map(str::to_string),
        term: term.map(str::to_string),
        ..CohortFilter::default()
    };
    assert!(e.in_cohort(&CohortFilter::default()));
    assert!(CohortFilter::default().is_empty());
    assert!(e.in_cohort(&filter(Some("  PUEBLOS DIGITALES (FICTICIO) "), None)));
    assert!(e.in_cohort(&filter(
        Some("pueblos digitales (ficticio)"),
        Some("2026-2")
    )));
    assert!(!e.in_cohort(&filter(Some("Pueblos Digitales"), None)));
    assert!(!e.in_cohort(&filter(None, Some("2026-1"))));
    assert!(
        e.in_cohort(&filter(Some("   "), None)),
        "a blank tag keeps all"
    );
    let mut accents = e.clone();
    accents.programme = Some("Pueblos Digitáles (ficticio)".into());
    assert!(accents.in_cohort(&filter(Some("pueblos digitales (FICTICIO)"), None)));
    let untagged = &v3_sample()[1];
    assert!(!untagged.in_cohort(&filter(None, Some("2026-2"))));
}

#[test]
fn outcomes_merge_as_part_of_their_visit() {
    let (mut a, mut b) = two_devices();
    b[0].visits[0].outcomes = Some(Outcomes {
        selling_online: true,
        channels: vec!["whatsapp_business".into()],
        online_share: Some(20),
        tools: Vec::new(),
    });
    b[0].visits[0].touch("tel-b", DAY2);
    let report = merge(&mut a, b.clone());
    assert_eq!(report.visits_updated, 1);
    assert_eq!(a, b);
    // Changed on both sides: both versions are kept, as for any visit.
    let (mut a, mut b) = two_devices();
    for (w, share, device) in [(&mut a, 10, "tel-a"), (&mut b, 30, "tel-b")] {
        w[0].visits[0].outcomes = Some(Outcomes {
            selling_online: true,
            channels: Vec::new(),
            online_share: Some(share),
            tools: Vec::new(),
        });
        w[0].visits[0].touch(device, DAY2);
    }
    let report = merge(&mut a, b.clone());
    assert_eq!(report.visit_conflicts, 1);
    let shares: Vec<Option<u8>> = a[0]
        .visits
        .iter()
        .map(|v| v.outcomes.as_ref().unwrap().online_share)
        .collect();
    assert!(shares.contains(&Some(10)) && shares.contains(&Some(30)));
    // A visit without outcomes keeps the fingerprint version 2 gave it.
    let (plain, _) = two_devices();
    let mut with = plain[0].visits[0].clone();
    assert_eq!(with.fingerprint(), plain[0].visits[0].fingerprint());
    with.outcomes = Some(Outcomes {
        selling_online: false,
        channels: Vec::new(),
        online_share: None,
        tools: Vec::new(),
    });
    assert_ne!(with.fingerprint(), plain[0].visits[0].fingerprint());
    assert!(!with.same_content(&plain[0].visits[0]));
}

#[test]
fn the_csv_has_each_enterprises_cohort_and_steps_by_status() {
    let packs = builtin_packs();
    let lookup = |c: &str| packs.get(c);
    let text = csv::latest_reports(&v3_sample(), &lookup, Separator::Comma).unwrap();
    let rows = read_csv(&text, b',');
    let lupita = &rows[0];
    assert_eq!(lupita["programme"], "Pueblos Digitales (ficticio)");
    assert_eq!(lupita["institution"], "Universidad del Valle (ficticia)");
    assert_eq!(lupita["term"], "2026-2");
    assert_eq!(lupita["team"], "Equipo 4");
    let counts: Vec<&str> = ["agreed", "in_progress", "done", "dropped"]
        .iter()
        .map(|s| lupita[&format!("steps_{s}")].as_str())
        .collect();
    assert_eq!(counts, ["1", "1", "1", "1"]);
    assert_eq!(rows[1]["team"], "");
    assert_eq!(rows[1]["steps_done"], "0");
}

#[test]
fn cli_reads_version_3_files() {
    let out = umbral(&["handoff", "check", V3_SAMPLE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{V3_SAMPLE}: umbral.handoff/3, written by Umbral 0.1.0 at 2026-10-02T09:00:00Z: 2 enterprise(s), 3 visit(s), 4 step(s) followed (2 open)\n")
    );
    let out = umbral(
        &[
            "handoff",
            "progress",
            "--enterprise",
            "4d2c8e1f0a9b47c6b5e3d2c1f0a9b8e7",
            V3_SAMPLE,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["outcomes"]["online_share"], 15);
    let open: Vec<&str> = json["open_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(open, ["product-photos", "sat-rfc"]);
    // Merging a version-1 file into a version-3 one writes version 3, keeping everything.
    let out = umbral(&["handoff", "merge", V3_SAMPLE, SAMPLE, "--lang", "en"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let merged = handoff::decode_file(&text(&out.stdout)).unwrap();
    assert_eq!(merged.schema, "umbral.handoff/3");
    let mut expected = v3_sample();
    merge(&mut expected, sample());
    assert_eq!(merged.enterprises, expected);
    assert_eq!(merged.enterprises[0].steps.len(), 4);
    let out = umbral(&["handoff", "csv", V3_SAMPLE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(read_csv(&text(&out.stdout), b',')[0]["steps_dropped"], "1");
}
