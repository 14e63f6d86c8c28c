//! The `umbral` command line as a user runs it: exit codes, messages and output.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/examples.rs"]
mod examples;
mod support;

use support::{text, umbral};

const BARE: &str = r#"{"schema":"umbral.profile/1","country":"MX"}"#;

#[test]
fn help_and_version() {
    let out = umbral(&["--help"], "");
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for cmd in [
        "assess", "batch", "validate", "catalog", "schema", "xlsform",
    ] {
        assert!(help.contains(cmd), "help lists {cmd}");
    }
    assert_eq!(umbral(&["--version"], "").status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    let out = umbral(&["assess", "--lang", "fr"], BARE);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("fr"), "{}", text(&out.stderr));
    assert_eq!(umbral(&["frobnicate"], "").status.code(), Some(2));
}

#[test]
fn assess_the_bare_profile_from_stdin() {
    let out = umbral(&["assess"], BARE);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema"], "umbral.report/3");
    assert_eq!(report["pack"]["id"], "mx");
    assert_eq!(report["stage"], serde_json::Value::Null);
}

#[test]
fn assess_text_shows_steps_with_prices_and_months() {
    let profile = r#"{"schema":"umbral.profile/1","country":"MX","locality":"urban","sector":"crafts","goal":"grow_local",
        "connectivity":{"internet":"mobile_data","devices":["smartphone"]},"skills":{"digital_level":2},
        "presence":{"channels":[],"product_photos":false},"motivation":{"level":4},
        "logistics":{"delivers_locally":false}}"#;
    let out = umbral(&["assess", "--format", "text", "-"], profile);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("Preparación:"), "{shown}");
    assert!(shown.contains("Pasos para empezar:"), "{shown}");
    assert!(shown.contains("Sus próximos pasos"), "{shown}");
    assert!(shown.contains("revisado 20"), "{shown}");
    assert!(shown.contains("Le da: "), "{shown}");
    // The short result first, as the app shows it (issue 15).
    let brief = shown.find("\nEn pocas palabras:\n").expect(&shown);
    assert!(brief < shown.find("\nDimensiones:").unwrap(), "{shown}");
    assert!(
        shown[brief..].contains("\n  Lo que más frena a su negocio: "),
        "{shown}"
    );
    assert!(shown[brief..].contains("\n    1. "), "{shown}");
    let out = umbral(&["assess", "--format", "text", "--lang", "en"], profile);
    let shown = text(&out.stdout);
    assert!(shown.contains("Steps to start with:"));
    assert!(shown.contains("\nIn a few words:\n"), "{shown}");
}

#[test]
fn a_step_taken_for_a_later_one_says_which_in_both_languages() {
    // The pack example "rural Puebla, food, no internet": the RFC is for the sanitary notice.
    let case = examples::example("mx", "rural Puebla, food");
    let profile = serde_json::to_string(&case["profile"]).unwrap();
    let out = umbral(&["assess", "--format", "text"], &profile);
    let shown = text(&out.stdout);
    assert!(shown.contains("2. Sacar su RFC en el SAT"), "{shown}");
    assert!(
        shown.contains("Le da: Alta ante impuestos. Hace falta para el paso 3.\n"),
        "{shown}"
    );
    let out = umbral(&["assess", "--format", "text", "--lang", "en"], &profile);
    let shown = text(&out.stdout);
    assert!(shown.contains(". Step 3 needs it.\n"), "{shown}");
}

#[test]
fn an_invalid_profile_names_every_problem_and_exits_1() {
    let out = umbral(
        &["assess"],
        r#"{"schema":"umbral.profile/1","country":"MX","connectivity":{"internet":"fibre"},"skils":{}}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("unknown field 'skils'"), "{err}");
    assert!(
        err.contains("unknown value 'fibre'; expected one of: none, intermittent, mobile_data, broadband at $.connectivity.internet"),
        "{err}"
    );
    let out = umbral(&["assess"], "{not json");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not valid JSON"));
}

#[test]
fn a_profile_for_another_country_than_the_pack_is_invalid() {
    let out = umbral(&["assess", "--pack", "cl"], BARE);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("pack 'cl' is for CL"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn unknown_pack_and_missing_file() {
    let out = umbral(&["assess", "--pack", "zz"], BARE);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown pack 'zz'; known packs:"));
    let out = umbral(&["assess", "no/such/file.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot open no/such/file.json"));
}

#[test]
fn batch_reports_bad_lines_and_goes_on() {
    let input = format!(
        "{BARE}\n\n{{\"schema\":\"umbral.profile/1\",\"country\":\"XX\"}}\nnot json\n{}\n",
        r#"{"schema":"umbral.profile/1","country":"BO"}"#
    );
    let out = umbral(&["batch"], &input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["pack"]["id"], "mx");
    assert_eq!(lines[1]["pack"]["id"], "bo");
    let err = text(&out.stderr);
    assert!(err.contains("line 3: unknown country"), "{err}");
    assert!(err.contains("line 4: not valid JSON"), "{err}");
}

#[test]
fn batch_reads_csv_with_dotted_headers() {
    let input =
        "country,locality,connectivity.internet,connectivity.devices,payments.bank_account\n\
                 MX,rural,mobile_data,smartphone;basic_phone,no\n\
                 MX,urban,fibre,,yes\n\
                 CL,urban,broadband,computer,yes\n";
    let out = umbral(&["batch", "--output", "csv"], input);
    assert_eq!(out.status.code(), Some(1));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(
        rows[0].starts_with(
            "line,label,country,region,locality,sector,pack,readiness,stage,score.connectivity"
        ),
        "{csv}"
    );
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[1].starts_with("2,,MX,,rural,,mx,"), "{csv}");
    assert!(rows[2].starts_with("4,,CL,,urban,,cl,"), "{csv}");
    assert!(
        text(&out.stderr).contains("line 3: unknown value 'fibre'"),
        "{}",
        text(&out.stderr)
    );

    let out = umbral(&["batch", "--input", "csv"], "country,conectividad\nMX,x\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown CSV column(s) conectividad"));
}

#[test]
fn validate_passes_on_the_packs_and_fails_on_a_broken_one() {
    let out = umbral(&["validate"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("mx "));
    let out = umbral(&["validate", "tests/fixtures/invalid-pack"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("--> tests/fixtures/invalid-pack/items.toml:"),
        "{err}"
    );
    assert!(err.contains("^"), "{err}");
    let out = umbral(&["validate", "no/such/dir"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn catalog_lists_entries_with_costs_and_sources() {
    for (pack, currency) in [("mx", "MXN"), ("cl", "CLP"), ("bo", "BOB")] {
        let out = umbral(&["catalog", "--pack", pack], "");
        assert_eq!(out.status.code(), Some(0));
        let listing = text(&out.stdout);
        assert!(listing.contains(currency), "{listing}");
        assert!(listing.contains("revisado 20"));
        assert!(listing.contains("https://"));
    }
    let out = umbral(&["catalog", "--pack", "mx", "--format", "json"], "");
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(entries.len() >= 30);
}

#[test]
fn schema_prints_the_published_schemas() {
    for (which, id) in [
        ("profile", "umbral.profile/2"),
        ("report", "umbral.report/3"),
    ] {
        let out = umbral(&["schema", which], "");
        assert_eq!(out.status.code(), Some(0));
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(schema["$id"], id);
    }
}

/// Each catalog entry names the currency of its costs (JSON as well as text).
#[test]
fn catalog_json_names_each_entrys_currency() {
    for (pack, currency) in [("mx", "MXN"), ("cl", "CLP"), ("bo", "BOB")] {
        let out = umbral(&["catalog", "--pack", pack, "--format", "json"], "");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let entries: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert!(entries.len() > 10);
        for e in entries {
            assert_eq!(e["currency"], currency, "{}", e["id"]);
        }
    }
}

#[test]
fn compile_writes_json_packs_the_engine_can_load() {
    let dir = std::env::temp_dir().join(format!("umbral-compile-{}", std::process::id()));
    let out = umbral(&["compile", "--out", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for id in ["mx", "cl", "bo"] {
        let json = std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap();
        let pack = umbral::engine::Pack::from_json(&json).unwrap();
        // The compact form the browser app loads: the same pack.
        let compact = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
        assert_eq!(compact, pack.to_compact(), "{id}.txt");
        umbral::engine::Pack::from_compact(&compact).unwrap();
    }
    assert!(
        !dir.join("core.json").exists(),
        "core has no country: nothing to score with it"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn xlsform_writes_a_workbook_and_refuses_a_pack_without_a_country() {
    let out = umbral(&["xlsform", "--pack", "mx", "-o", "-"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // An .xlsx file is a zip archive.
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "not a workbook");
    let again = umbral(
        &["xlsform", "--pack", "mx", "--lang", "es,en", "-o", "-"],
        "",
    );
    assert_eq!(
        out.stdout, again.stdout,
        "the same pack gives the same bytes"
    );
    let english = umbral(&["xlsform", "--pack", "mx", "--lang", "en", "-o", "-"], "");
    assert_ne!(out.stdout, english.stdout);

    let out = umbral(&["xlsform", "--pack", "core", "-o", "-"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("pack 'core' has no country"),
        "{}",
        text(&out.stderr)
    );
    let out = umbral(&["xlsform", "--pack", "nowhere"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown pack 'nowhere'"));
}

#[test]
fn batch_reads_a_kobo_export_and_names_the_column_and_row_of_each_problem() {
    // Kobo's default CSV: ';', groups joined by '/', metadata columns, "No sé" as dont_know.
    let export = "\u{feff}\"start\";\"end\";\"country\";\"sector\";\"connectivity/internet\";\"connectivity/devices\";\"connectivity/devices/smartphone\";\"_id\";\"_uuid\";\"_submission_time\";\"__version__\";\"_index\"\r\n\
        \"2026-12-01T10:00:00\";\"2026-12-01T10:20:00\";\"MX\";\"crafts\";\"mobile_data\";\"smartphone\";\"1\";\"41\";\"u-41\";\"2026-12-02T08:00:00\";\"v1\";\"1\"\r\n\
        \"\";\"\";\"MX\";\"food\";\"wifi\";\"dont_know\";\"0\";\"42\";\"u-42\";\"\";\"v1\";\"2\"\r\n";
    let out = umbral(&["batch", "--output", "csv", "-"], export);
    assert_eq!(out.status.code(), Some(1), "one row failed");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("umbral: line 3: column 'connectivity/internet': unknown choice 'wifi'; expected one of: none, intermittent, mobile_data, broadband, dont_know"),
        "{stderr}"
    );
    assert!(stderr.contains("line 3: "), "{stderr}");
    let rows = text(&out.stdout);
    let row = rows.lines().nth(1).unwrap();
    // The record is labelled with Kobo's _id.
    assert!(row.starts_with("2,41,MX,,,crafts,mx,"), "{rows}");

    // The same answers as the profile they stand for give the same report: the multiple
    // choices the form asked and the row left blank are "none of these".
    let report = umbral(
        &["batch", "-"],
        &export.lines().take(2).collect::<Vec<_>>().join("\n"),
    );
    let profile = r#"{"schema":"umbral.profile/2","country":"MX","sector":"crafts","connectivity":{"internet":"mobile_data","devices":["smartphone"]},"payments":{"accepts":[]},"presence":{"channels":[]}}"#;
    let direct = umbral(&["batch", "-"], profile);
    assert!(
        report.stdout == direct.stdout,
        "the export's report differs from the profile's"
    );

    // A column the form does not have refuses the file, naming it.
    let out = umbral(&["batch", "-"], "country;connectivity/wifi;_id\nMX;yes;1\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("column(s) 'connectivity/wifi' are not in form umbral_mx"),
        "{}",
        text(&out.stderr)
    );
    // Without a country column nor --pack, the pack cannot be told.
    let out = umbral(&["batch", "-"], "sector;_id\ncrafts;1\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("name the pack with --pack"),
        "{}",
        text(&out.stderr)
    );
    let out = umbral(&["batch", "--pack", "cl", "-"], "sector;_id\ncrafts;1\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Kobo's JSON: a submission that does not map is named by its number and _id.
    let json = r#"[{"_id": 9, "country": "BO", "goal": "export"}, {"_id": 10, "country": "BO", "goal": "everything"}]"#;
    let out = umbral(&["batch", "-"], json);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("umbral: submission 2 (_id 10): column 'goal': unknown choice 'everything'"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout).lines().count(), 1);
}
