//! The workspace: the hand-off file `umbral.handoff/1` (round trips, every problem named with
//! its path, the JSON schema), merging, the CSV of latest reports, progress between visits,
//! and `umbral handoff` on the command line.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use serde_json::{json, Value as Json};
use umbral::workspace::handoff;
use umbral::workspace::Enterprise;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample_text() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/handoff/v1-sample.json")).unwrap()
}

fn sample() -> Vec<Enterprise> {
    handoff::decode(&sample_text()).unwrap_or_else(|e| panic!("the sample decodes:\n{e}"))
}

/// The hand-off schema with the profile schema it refers to (`"$ref": "umbral.profile/1"`)
/// bundled in as an embedded resource, as JSON Schema 2020-12 allows.
fn schema() -> jsonschema::Validator {
    let read = |name: &str| -> Json {
        let text = std::fs::read_to_string(root().join("www/spec").join(name)).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let mut handoff = read("handoff.schema.json");
    handoff["$defs"]["bundled_profile"] = read("profile-v1.schema.json");
    jsonschema::validator_for(&handoff).unwrap()
}

fn schema_errors(text: &str) -> Vec<String> {
    let value: Json = serde_json::from_str(text).unwrap();
    schema()
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The messages of decoding `text`, or an empty list when it decodes.
fn errors(text: &str) -> Vec<String> {
    match handoff::decode(text) {
        Ok(_) => vec![],
        Err(e) => e.0.iter().map(|e| e.to_string()).collect(),
    }
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
        "{\"schema\":\"umbral.handoff/1\",\"exported_at\":\"2026-11-28T14:00:00Z\",\"app_version\":"
    ));
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
    assert_eq!(
        errors("[]"),
        vec!["not a hand-off file: expected a JSON object, found an array"]
    );
    assert_eq!(
        errors("{}"),
        vec!["not a hand-off file: missing field 'schema' (\"umbral.handoff/1\")"]
    );
    assert_eq!(
        errors(r#"{"schema":"umbral.report/1"}"#),
        vec!["schema: not a hand-off file: expected \"umbral.handoff/1\", found 'umbral.report/1'"]
    );
    assert_eq!(
        errors(r#"{"schema":"umbral.profile/1","country":"MX"}"#),
        vec!["schema: this file is one profile ('umbral.profile/1'), not a hand-off file ('umbral.handoff/1')"]
    );
}

#[test]
fn other_versions_are_refused_whole_with_a_clear_message() {
    // Whatever else is in it: a file of another version is not read at all.
    let text = edited(|j| {
        j["schema"] = json!("umbral.handoff/2");
        j["enterprises"] = json!("a different shape");
    });
    assert_eq!(
        errors(&text),
        vec!["schema: this file is 'umbral.handoff/2', a version this app cannot read; it reads only 'umbral.handoff/1'. A newer version of Umbral may open it"]
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
    e.visits[1].profile = json!({"schema": "umbral.profile/1", "country": "CL"});
    let messages: Vec<String> = e
        .validate()
        .unwrap_err()
        .0
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        messages,
        vec![
            "visits[0].date: expected a date such as 2026-03-14, found 'mañana'",
            "visits[1].profile.country: the profile is for CL but the enterprise is in MX (in the visit of 2026-05-09 to 'Tejidos Ana (ficticio)')",
        ]
    );
}
