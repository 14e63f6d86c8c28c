//! `umbral batch --summary`: the planner's figures on the command line. The same figures, in
//! the browser, are checked against these by tests/e2e/planner.test.mjs.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{text, umbral};

/// Five Mexican enterprises: two in Oaxaca (one rural without internet, one urban with
/// broadband), one rural in Chiapas with no answer on internet, one remote with intermittent
/// internet and no region, one suburban craft shop in Puebla with mobile data.
const FIVE: &str = r#"{"schema":"umbral.profile/1","country":"MX","region":"MX-OAX","locality":"rural","sector":"crafts","connectivity":{"internet":"none","devices":["basic_phone"]}}
{"schema":"umbral.profile/1","country":"MX","region":"MX-OAX","locality":"urban","sector":"food","connectivity":{"internet":"broadband","devices":["smartphone","computer"]},"skills":{"digital_level":3,"hours_per_week":10},"motivation":{"level":5},"presence":{"channels":["whatsapp_business","facebook"],"product_photos":true,"inventory":"spreadsheet"},"payments":{"bank_account":true,"accepts":["cash","transfer"]},"logistics":{"delivers_locally":true,"shipping_access":"courier_dropoff"}}
{"schema":"umbral.profile/1","country":"MX","region":"MX-CHP","locality":"rural","sector":"crafts"}
{"schema":"umbral.profile/1","country":"MX","locality":"remote","sector":"fresh_produce","connectivity":{"internet":"intermittent","devices":["smartphone"]}}
{"schema":"umbral.profile/1","country":"MX","region":"MX-PUE","locality":"suburban","sector":"crafts","connectivity":{"internet":"mobile_data","devices":["smartphone"]},"skills":{"digital_level":1}}
"#;

/// The CSV rows of one section, as lists of cells.
fn rows(text: &str, section: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("the summary is valid CSV"))
        .inspect(|r| assert_eq!(r.len(), 11, "every row has 11 cells: {r:?}"))
        .filter(|r| &r[0] == section)
        .map(|r| r.iter().map(String::from).collect())
        .collect()
}

fn summary_csv(args: &[&str], input: &str) -> String {
    let mut all = vec!["batch", "--summary", "--summary-format", "csv"];
    all.extend_from_slice(args);
    let out = umbral(&all, input);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn the_csv_has_the_documented_header_and_exact_counts() {
    let csv = summary_csv(&[], FIVE);
    let spec = include_str!("../www/spec/summary.md");
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "section,condition,scope,group,group_label,key,label,count,base,percent,average"
    );
    assert!(
        spec.contains(header),
        "www/spec/summary.md documents the header"
    );
    assert_eq!(
        rows(&csv, "enterprises")[0],
        [
            "enterprises",
            "",
            "all",
            "",
            "",
            "total",
            "",
            "5",
            "5",
            "100.0",
            ""
        ]
    );
    // Groups: regions by code with "unanswered" last; localities in the profile's order.
    let enterprises = rows(&csv, "enterprises");
    let groups: Vec<(&str, &str, &str)> = enterprises[1..]
        .iter()
        .map(|r| (r[2].as_str(), r[3].as_str(), r[7].as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("region", "MX-CHP", "1"),
            ("region", "MX-OAX", "2"),
            ("region", "MX-PUE", "1"),
            ("region", "unanswered", "1"),
            ("locality", "urban", "1"),
            ("locality", "suburban", "1"),
            ("locality", "rural", "2"),
            ("locality", "remote", "1"),
        ]
    );
    let stages = rows(&csv, "stage");
    assert_eq!(stages[0][5], "none", "no stage yet comes first");
    let counted: u64 = stages.iter().map(|r| r[7].parse::<u64>().unwrap()).sum();
    assert_eq!(counted, 5, "every enterprise has one stage or none");
    assert_eq!(rows(&csv, "dimension").len(), 9);
    assert!(rows(&csv, "dimension")
        .iter()
        .all(|r| r[7] == "5" && r[10].contains('.')));
    // Blockers over all, most first, ties by requirement id.
    let blockers = rows(&csv, "blocker");
    let all: Vec<(&str, u64)> = blockers
        .iter()
        .filter(|r| r[2] == "all")
        .map(|r| (r[5].as_str(), r[7].parse().unwrap()))
        .collect();
    assert!(!all.is_empty());
    for pair in all.windows(2) {
        assert!(
            pair[0].1 > pair[1].1 || (pair[0].1 == pair[1].1 && pair[0].0 < pair[1].0),
            "{all:?}"
        );
    }
}

#[test]
fn a_requirement_counts_excluded_unknown_and_included_apart() {
    let csv = summary_csv(&["--require", "connectivity.internet >= mobile_data"], FIVE);
    let scenario = rows(&csv, "scenario");
    let all: Vec<(&str, &str, &str)> = scenario
        .iter()
        .filter(|r| r[2] == "all")
        .map(|r| (r[5].as_str(), r[7].as_str(), r[9].as_str()))
        .collect();
    // none and intermittent: excluded; unanswered (Chiapas): unknown; the other two: included.
    assert_eq!(
        all,
        [
            ("excluded", "2", "40.0"),
            ("unknown", "1", "20.0"),
            ("included", "2", "40.0")
        ]
    );
    let regions: Vec<(&str, &str, &str)> = scenario
        .iter()
        .filter(|r| r[2] == "region")
        .map(|r| (r[3].as_str(), r[7].as_str(), r[8].as_str()))
        .collect();
    // Ranked by excluded count, ties by key: Oaxaca has 1 of 2, the unanswered region 1 of 1;
    // among localities remote (1 of 1) comes before rural (1 of 2).
    assert_eq!(regions, [("MX-OAX", "1", "2"), ("unanswered", "1", "1")]);

    let text_out = umbral(
        &[
            "batch",
            "--summary",
            "--require",
            "connectivity.internet >= mobile_data",
        ],
        FIVE,
    );
    let shown = text(&text_out.stdout);
    assert!(
        shown.contains("2 empresas (40.0 %) quedarían fuera, sobre todo en Oaxaca (1: el 50.0 % de las de ese estado) y en la localidad «Lejos: sin carretera pavimentada o a más de una hora de un pueblo con paquetería» (1: el 100.0 %). De otras 1 (20.0 %) no se sabe"),
        "{shown}"
    );
    let en = umbral(
        &[
            "batch",
            "--summary",
            "--lang",
            "en",
            "--require",
            "connectivity.internet >= mobile_data",
        ],
        FIVE,
    );
    assert!(
        text(&en.stdout).contains("2 enterprises (40.0 %) would be excluded, mostly in Oaxaca"),
        "{}",
        text(&en.stdout)
    );
}

#[test]
fn filters_narrow_the_count_and_are_listed() {
    let csv = summary_csv(&["--locality", "rural", "--sector", "crafts"], FIVE);
    assert_eq!(
        rows(&csv, "filter"),
        [
            vec![
                "filter",
                "",
                "locality",
                "rural",
                "En un pueblo",
                "",
                "",
                "",
                "",
                "",
                ""
            ],
            vec![
                "filter",
                "",
                "sector",
                "crafts",
                "Artesanías",
                "",
                "",
                "",
                "",
                "",
                ""
            ]
        ]
    );
    assert_eq!(rows(&csv, "enterprises")[0][7], "2");
    let csv = summary_csv(&["--region", "MX-OAX"], FIVE);
    assert_eq!(rows(&csv, "enterprises")[0][7], "2");
    let csv = summary_csv(&["--region", "MX-SON"], FIVE);
    assert_eq!(rows(&csv, "enterprises")[0][7], "0");
    assert_eq!(
        rows(&csv, "enterprises")[0][9],
        "",
        "no percentage of nothing"
    );
}

#[test]
fn jsonl_and_csv_input_give_the_same_summary() {
    let csv_input = "country,region,locality,sector,connectivity.internet,connectivity.devices\n\
                     MX,MX-OAX,rural,crafts,none,basic_phone\n\
                     MX,,remote,fresh_produce,intermittent,smartphone\n\
                     MX,MX-PUE,suburban,crafts,mobile_data,smartphone\n";
    let jsonl = r#"{"schema":"umbral.profile/1","country":"MX","region":"MX-OAX","locality":"rural","sector":"crafts","connectivity":{"internet":"none","devices":["basic_phone"]}}
{"schema":"umbral.profile/1","country":"MX","locality":"remote","sector":"fresh_produce","connectivity":{"internet":"intermittent","devices":["smartphone"]}}
{"schema":"umbral.profile/1","country":"MX","region":"MX-PUE","locality":"suburban","sector":"crafts","connectivity":{"internet":"mobile_data","devices":["smartphone"]}}
"#;
    let args = ["--require", "connectivity.devices has smartphone"];
    assert_eq!(summary_csv(&args, csv_input), summary_csv(&args, jsonl));
}

#[test]
fn bad_lines_are_reported_and_the_rest_summarised() {
    let input = format!("{FIVE}not json\n{{\"schema\":\"umbral.profile/1\",\"country\":\"MX\",\"locality\":\"city\"}}\n");
    let out = umbral(&["batch", "--summary", "--summary-format", "csv"], &input);
    assert_eq!(
        out.status.code(),
        Some(1),
        "bad records make the exit code 1"
    );
    let err = text(&out.stderr);
    assert!(err.contains("umbral: line 6: not valid JSON"), "{err}");
    assert!(err.contains("umbral: line 7: unknown value"), "{err}");
    assert_eq!(rows(&text(&out.stdout), "enterprises")[0][7], "5");
}

#[test]
fn mistakes_in_options_are_named() {
    let out = umbral(
        &[
            "batch",
            "--summary",
            "--require",
            "connectivity.internet >= fast",
        ],
        FIVE,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("invalid requirement 'connectivity.internet >= fast': unknown value 'fast'"),
        "{err}"
    );
    assert!(err.contains("^^^^"), "{err}");
    let out = umbral(&["batch", "--summary", "--locality", "city"], FIVE);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown locality 'city'; expected one of: urban"));
    // Summary options without --summary are a usage error.
    let out = umbral(&["batch", "--region", "MX-OAX"], FIVE);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--summary"));
}

#[test]
fn json_and_text_formats_say_the_same() {
    let out = umbral(
        &[
            "batch",
            "--summary",
            "--summary-format",
            "json",
            "--require",
            "payments.bank_account",
        ],
        FIVE,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["enterprises"], 5);
    assert_eq!(json["stages"][0]["key"], "none");
    assert_eq!(json["scenarios"][0]["condition"], "payments.bank_account");
    assert_eq!(json["scenarios"][0]["included"]["count"], 1);
    assert_eq!(json["scenarios"][0]["unknown"]["count"], 4);
    let shown = text(&umbral(&["batch", "--summary"], FIVE).stdout);
    assert!(shown.starts_with("Empresas: 5\n"), "{shown}");
    let readiness = json["readiness"].as_str().unwrap();
    assert!(
        shown.contains(&format!("Preparación promedio: {readiness}\n")),
        "{shown}"
    );
}

#[test]
fn the_plain_batch_output_is_unchanged_without_summary() {
    let out = umbral(&["batch"], FIVE);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|r| r["schema"] == "umbral.report/3"));
}

#[test]
fn the_order_of_the_input_does_not_change_the_summary() {
    let args = [
        "--require",
        "connectivity.internet >= mobile_data",
        "--require",
        "connectivity.devices has smartphone",
    ];
    let forward = summary_csv(&args, FIVE);
    let mut lines: Vec<&str> = FIVE.lines().collect();
    lines.reverse();
    let backward = summary_csv(&args, &(lines.join("\n") + "\n"));
    assert_eq!(forward, backward);
    lines.rotate_left(2);
    assert_eq!(forward, summary_csv(&args, &(lines.join("\n") + "\n")));
}

/// The workspace's hand-off fixture: three enterprises in three countries, one with two visits.
const HANDOFF: &str = include_str!("fixtures/handoff/v1-sample.json");

/// Each enterprise's latest visit (by date) in the fixture, as JSON Lines.
fn latest_visits_jsonl() -> String {
    let file: serde_json::Value = serde_json::from_str(HANDOFF).expect("the fixture is JSON");
    let mut out = String::new();
    for enterprise in file["enterprises"].as_array().expect("enterprises") {
        let visits = enterprise["visits"].as_array().expect("visits");
        let latest = visits
            .iter()
            .max_by_key(|v| v["date"].as_str().expect("date"))
            .expect("a visit");
        out.push_str(&latest["profile"].to_string());
        out.push('\n');
    }
    out
}

#[test]
fn a_handoff_file_is_summarised_by_each_enterprises_latest_visit() {
    let args = ["--require", "connectivity.devices has smartphone"];
    let from_handoff = summary_csv(&args, HANDOFF);
    // The same figures as the latest visits' profiles give, and then the before and after.
    let without_history: String = from_handoff
        .lines()
        .filter(|l| !l.starts_with("before_after,"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(without_history, summary_csv(&args, &latest_visits_jsonl()));
    assert!(from_handoff.ends_with(&format!(
        "{}\n",
        from_handoff
            .lines()
            .rfind(|l| l.starts_with("before_after,"))
            .unwrap()
    )));
    assert_eq!(
        rows(&from_handoff, "enterprises")[0][7],
        "3",
        "{from_handoff}"
    );
    // Without --summary: one report per enterprise, numbered in the file's order.
    let out = umbral(&["batch", "--output", "csv"], HANDOFF);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<String> = rows_of(&text(&out.stdout)).map(|r| r[0].clone()).collect();
    assert_eq!(lines, ["1", "2", "3"]);
    // Said explicitly, the same.
    let explicit = umbral(&["batch", "--output", "csv", "--input", "handoff"], HANDOFF);
    assert_eq!(text(&explicit.stdout), text(&out.stdout));
}

#[test]
fn a_broken_handoff_file_is_refused_whole_with_every_problem() {
    let mut file: serde_json::Value = serde_json::from_str(HANDOFF).expect("JSON");
    file["enterprises"][0]["country"] = "AR".into();
    file["enterprises"][1]["visits"] = "no".into();
    let out = umbral(&["batch", "--summary"], &file.to_string());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).is_empty(), "no summary of a file refused");
    let err = text(&out.stderr);
    assert!(
        err.contains("not a hand-off file that can be read"),
        "{err}"
    );
    assert!(err.contains("enterprises[0].country: "), "{err}");
    assert!(err.contains("enterprises[1].visits: "), "{err}");
}

/// Every record of a CSV text, header left out.
fn rows_of(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    csv::Reader::from_reader(text.as_bytes())
        .into_records()
        .map(|r| r.expect("valid CSV").iter().map(String::from).collect())
}

/// The fixture's enterprises in visit order: the first and the latest visit's profile of each.
fn first_and_latest() -> Vec<(serde_json::Value, serde_json::Value, usize)> {
    let file: serde_json::Value = serde_json::from_str(HANDOFF).expect("the fixture is JSON");
    file["enterprises"]
        .as_array()
        .expect("enterprises")
        .iter()
        .map(|e| {
            let mut visits: Vec<&serde_json::Value> =
                e["visits"].as_array().expect("visits").iter().collect();
            visits.sort_by_key(|v| v["date"].as_str().expect("date").to_string());
            let (first, latest) = (visits[0], visits[visits.len() - 1]);
            (
                first["profile"].clone(),
                latest["profile"].clone(),
                visits.len(),
            )
        })
        .collect()
}

/// A report's readiness and stage from `umbral assess`.
fn assessed(profile: &serde_json::Value) -> (u64, String) {
    let out = umbral(&["assess", "-"], &profile.to_string());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a report");
    (
        report["readiness"].as_u64().expect("readiness"),
        report["stage"].as_str().unwrap_or("none").to_string(),
    )
}

/// The before and after of a hand-off file: each enterprise visited twice or more compared
/// between its first and latest visit, as `umbral assess` scores each, and those visited
/// once counted apart (section 11 of www/spec/summary.md).
#[test]
fn a_handoff_files_before_and_after_compares_first_and_latest_visits() {
    let csv = summary_csv(&[], HANDOFF);
    let ba = rows(&csv, "before_after");
    let cell = |key: &str, col: usize| -> String {
        ba.iter()
            .find(|r| r[5] == key)
            .unwrap_or_else(|| panic!("no row {key} in\n{csv}"))[col]
            .clone()
    };
    let enterprises = first_and_latest();
    let followed: Vec<_> = enterprises.iter().filter(|e| e.2 > 1).collect();
    assert!(
        !followed.is_empty(),
        "the fixture has an enterprise visited twice"
    );
    let total = enterprises.len().to_string();
    assert_eq!(cell("followed", 7), followed.len().to_string());
    assert_eq!(cell("followed", 8), total);
    assert_eq!(
        cell("visited_once", 7),
        (enterprises.len() - followed.len()).to_string()
    );
    let (mut first_sum, mut latest_sum, mut moved) = (0, 0, 0);
    for (first, latest, _) in &followed {
        let (a, b) = (assessed(first), assessed(latest));
        first_sum += a.0;
        latest_sum += b.0;
        assert_eq!(cell(&format!("stage_first:{}", a.1), 7), "1", "{csv}");
        assert_eq!(cell(&format!("stage_latest:{}", b.1), 7), "1", "{csv}");
        moved += usize::from(a.1 != b.1);
    }
    let n = followed.len() as u64;
    // One decimal, rounded half up, as www/spec/summary.md says.
    let mean = |sum: u64| {
        let tenths = (2 * sum * 10 + n) / (2 * n);
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    assert_eq!(cell("readiness_first", 10), mean(first_sum));
    assert_eq!(cell("readiness_latest", 10), mean(latest_sum));
    assert_eq!(
        cell("gained", 7).parse::<usize>().unwrap() + cell("lost", 7).parse::<usize>().unwrap(),
        moved
    );
    // Every dimension has a row then and now, over the enterprises followed.
    let dims = rows(&csv, "dimension").len();
    assert_eq!(
        ba.iter()
            .filter(|r| r[5].starts_with("dimension_first:"))
            .count(),
        dims
    );
    assert_eq!(
        ba.iter()
            .filter(|r| r[5].starts_with("dimension_latest:"))
            .count(),
        dims
    );
    // Profiles (not a hand-off file) have no before and after.
    assert!(rows(&summary_csv(&[], FIVE), "before_after").is_empty());
    // In words too.
    let words = text(&umbral(&["batch", "--summary"], HANDOFF).stdout);
    assert!(words.contains("Antes y después"), "{words}");
}

/// A hand-off file is told from profiles whatever its JSON layout ("readers accept any JSON
/// layout", www/spec/handoff.md), and profiles are never taken for one.
#[test]
fn handoff_files_are_recognised_in_any_layout() {
    use umbral::planner::records::is_handoff;
    let file: serde_json::Value = serde_json::from_str(HANDOFF).expect("JSON");
    // Keys sorted: the schema comes last, after every enterprise.
    let minified = file.to_string();
    assert!(minified.find("umbral.handoff/1").expect("schema") > 1000);
    let sorted_pretty = serde_json::to_string_pretty(&file).expect("pretty");
    let written = umbral::workspace::handoff::encode(
        &umbral::workspace::handoff::decode(HANDOFF).expect("the fixture reads"),
        "2026-11-28T00:00:00Z",
    );
    for (layout, text) in [
        ("the fixture (pretty, schema first)", HANDOFF),
        ("minified, keys sorted", minified.as_str()),
        ("pretty, keys sorted", sorted_pretty.as_str()),
        ("as the workspace writes it", written.as_str()),
    ] {
        assert!(is_handoff(text.as_bytes()), "{layout}");
    }
    for (what, text) in [
        ("JSON Lines", FIVE),
        (
            "JSON Lines with a broken first line",
            "{\"schema\":\"umbral.profile/1\",\n{}\n",
        ),
        ("CSV", "country,region\nMX,MX-OAX\n"),
        ("empty", ""),
    ] {
        assert!(!is_handoff(text.as_bytes()), "{what}");
    }
}

/// Selling through others is counted beside the stages: who reached the route, and how many of
/// those are not online on their own (the study's rural owners without internet).
#[test]
fn the_route_through_others_is_counted_beside_the_stages() {
    let input = r#"{"schema":"umbral.profile/2","country":"MX","locality":"rural","sector":"crafts","connectivity":{"internet":"none","devices":["basic_phone"]},"logistics":{"delivers_locally":true},"network":{"intermediary":true}}
{"schema":"umbral.profile/2","country":"MX","locality":"rural","sector":"crafts","connectivity":{"internet":"none","devices":["basic_phone"]},"logistics":{"delivers_locally":true},"network":{"intermediary":false}}
{"schema":"umbral.profile/2","country":"MX","locality":"urban","sector":"crafts","connectivity":{"internet":"broadband","devices":["smartphone"]},"skills":{"digital_level":2},"logistics":{"delivers_locally":true},"network":{"intermediary":true}}
"#;
    let csv = summary_csv(&[], input);
    let stages: Vec<(String, String)> = rows(&csv, "stage")
        .into_iter()
        .map(|r| (r[5].clone(), r[7].clone()))
        .collect();
    assert_eq!(stages[0], ("none".to_string(), "2".to_string()));
    assert!(
        stages.iter().all(|(key, _)| key != "through_others"),
        "a route is not a stage: {stages:?}"
    );
    let routes: Vec<Vec<String>> = rows(&csv, "route")
        .into_iter()
        .map(|r| r[5..10].to_vec())
        .collect();
    assert_eq!(
        routes,
        [
            [
                "through_others",
                "Vender por medio de otros",
                "2",
                "3",
                "66.7"
            ],
            [
                "through_others:none",
                "Vender por medio de otros",
                "1",
                "2",
                "50.0"
            ],
        ]
    );
    let out = umbral(&["batch", "--summary"], input);
    assert!(
        text(&out.stdout).contains("Vender por medio de otros: 2 (66.7 %); 1 de ellas sin etapa todavía (el 50.0 % de las que no tienen etapa)"),
        "{}",
        text(&out.stdout)
    );
}

/// Issue 14, "¿Y si el programa diera…?": supplying a used phone reaches the one enterprise
/// that lacks one, moves it to the first rung, and costs the catalogue's price once; the
/// other enterprise, which has a smartphone, needs none.
#[test]
fn a_supply_counts_who_needs_it_who_moves_up_and_what_it_costs() {
    const TWO: &str = r#"{"schema":"umbral.profile/2","country":"MX","region":"MX-OAX","locality":"rural","sector":"crafts","connectivity":{"internet":"mobile_data","devices":["basic_phone"]},"skills":{"digital_level":2,"helper":"none","hours_per_week":5},"payments":{"bank_account":false,"accepts":["cash"],"monthly_budget":0,"one_off_budget":0},"motivation":{"level":4}}
{"schema":"umbral.profile/2","country":"MX","region":"MX-PUE","locality":"urban","sector":"crafts","connectivity":{"internet":"mobile_data","devices":["smartphone"]},"skills":{"digital_level":2,"helper":"none","hours_per_week":5},"payments":{"bank_account":false,"accepts":["cash"],"monthly_budget":100,"one_off_budget":0},"motivation":{"level":4}}
"#;
    let csv = summary_csv(&["--supply", "celular-usado"], TWO);
    let supply = rows(&csv, "supply");
    let row = |key: &str, scope: &str| {
        supply
            .iter()
            .find(|r| r[5] == key && r[2] == scope)
            .unwrap_or_else(|| panic!("no {key} row: {supply:?}"))
            .clone()
    };
    assert_eq!(
        row("needed:celular-usado", "all")[7..10],
        ["1", "2", "50.0"]
    );
    assert_eq!(row("reached", "all")[7], "1");
    assert_eq!(row("moved", "all")[7], "1");
    assert_eq!(row("to:online_presence", "all")[7], "1");
    assert_eq!(row("moved", "region")[3], "MX-OAX");
    // The catalogue's price, marked approximate as the catalogue marks it.
    assert_eq!(row("once:MXN", "all")[10], "1500");
    assert_eq!(row("once:MXN", "all")[6], "approximate");
    assert_eq!(row("year:MXN", "all")[10], "1500");
    assert!(supply.iter().all(|r| r[1] == "celular-usado"));
    assert!(!rows(&csv, "first_steps").is_empty());
    // Without --supply the summary has neither section: existing output is unchanged.
    let plain = summary_csv(&[], TWO);
    assert!(rows(&plain, "supply").is_empty() && rows(&plain, "first_steps").is_empty());
    // The text says the same.
    let out = umbral(&["batch", "--summary", "--supply", "celular-usado"], TWO);
    let shown = text(&out.stdout);
    assert!(
        shown.contains("Si el programa diera Comprar un celular inteligente usado:"),
        "{shown}"
    );
    assert!(shown.contains("Costo: $1,500 MXN de una vez"), "{shown}");
    // Ids are trimmed and counted once, in id order, however they were given.
    assert_eq!(
        summary_csv(&["--supply", " celular-usado,celular-usado"], TWO),
        csv
    );
    // An id no pack has is named, not ignored.
    let out = umbral(
        &["batch", "--summary", "--supply", "no-such,celular-usado"],
        TWO,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no catalogue entry 'no-such'"),
        "{}",
        text(&out.stderr)
    );
}

/// A hand-off file of version 3: the cohort tags filter (ignoring case and accents; profiles
/// without a hand-off file have no tags), and the before and after counts the steps followed
/// through and what the latest follow-up found, as the fixture records them.
#[test]
fn cohort_tags_filter_and_the_follow_through_is_counted() {
    const V3: &str = include_str!("fixtures/handoff/v3-sample.json");
    let file: serde_json::Value = serde_json::from_str(V3).expect("JSON");
    let enterprises = file["enterprises"].as_array().expect("enterprises");
    let total = |csv: &str| rows(csv, "enterprises")[0][7].clone();
    let all = summary_csv(&[], V3);
    assert_eq!(total(&all), enterprises.len().to_string());
    // Every enterprise tagged with the programme, whatever the case and accents typed.
    let programme = enterprises[0]["programme"].as_str().expect("a programme");
    let tagged = enterprises
        .iter()
        .filter(|e| e["programme"].as_str() == Some(programme))
        .count();
    let shouted = programme.to_uppercase().replace('Í', "I");
    let csv = summary_csv(&["--programme", &shouted], V3);
    assert_eq!(total(&csv), tagged.to_string());
    let filter = rows(&csv, "filter");
    assert_eq!(
        (filter[0][2].as_str(), filter[0][3].as_str()),
        ("programme", shouted.as_str())
    );
    let team = enterprises[0]["team"].as_str().expect("a team");
    assert_eq!(total(&summary_csv(&["--team", team], V3)), "1");
    assert_eq!(total(&summary_csv(&["--team", "nadie"], V3)), "0");
    // Profiles from JSON Lines have no tags: a tag filter keeps none of them.
    assert_eq!(total(&summary_csv(&["--programme", programme], FIVE)), "0");

    // Steps by their latest record, over every enterprise of the file.
    let ba = rows(&all, "before_after");
    let cell = |key: &str, col: usize| {
        ba.iter()
            .find(|r| r[5] == key)
            .unwrap_or_else(|| panic!("no row {key}"))[col]
            .clone()
    };
    let mut by_status = std::collections::BTreeMap::new();
    for e in enterprises {
        let mut latest = std::collections::BTreeMap::new();
        for s in e["steps"].as_array().into_iter().flatten() {
            let (step, updated) = (s["step"].as_str().unwrap(), s["updated"].as_str().unwrap());
            let keep = latest
                .get(step)
                .is_none_or(|(at, _): &(&str, &str)| *at < updated);
            if keep {
                latest.insert(step, (updated, s["status"].as_str().unwrap()));
            }
        }
        for (_, status) in latest.values() {
            *by_status.entry(status.to_string()).or_insert(0u64) += 1;
        }
    }
    let steps: u64 = by_status.values().sum();
    assert!(steps > 0, "the fixture follows steps");
    for status in ["agreed", "in_progress", "done", "dropped"] {
        let n = by_status.get(status).copied().unwrap_or(0);
        assert_eq!(
            cell(&format!("steps:{status}"), 7),
            n.to_string(),
            "{status}"
        );
        assert_eq!(cell(&format!("steps:{status}"), 8), steps.to_string());
    }
    // Outcomes: each enterprise's latest visit that has some.
    let outcomes: Vec<&serde_json::Value> = enterprises
        .iter()
        .filter_map(|e| {
            let mut visits: Vec<&serde_json::Value> =
                e["visits"].as_array().unwrap().iter().collect();
            visits.sort_by_key(|v| v["date"].as_str().unwrap().to_string());
            visits.iter().rev().find_map(|v| v.get("outcomes"))
        })
        .collect();
    assert_eq!(cell("outcomes", 7), outcomes.len().to_string());
    let selling = outcomes
        .iter()
        .filter(|o| o["selling_online"] == true)
        .count();
    assert_eq!(cell("selling_online", 7), selling.to_string());
    let tools: Vec<&serde_json::Value> = outcomes
        .iter()
        .flat_map(|o| o["tools"].as_array().into_iter().flatten())
        .collect();
    let still = tools.iter().filter(|t| t["still_using"] == true).count();
    assert_eq!(cell("tools_still_used", 7), still.to_string());
    assert_eq!(cell("tools_still_used", 8), tools.len().to_string());
    for o in &outcomes {
        for c in o["channels"].as_array().into_iter().flatten() {
            assert_eq!(cell(&format!("channel:{}", c.as_str().unwrap()), 7), "1");
        }
    }
    let words = text(&umbral(&["batch", "--summary"], V3).stdout);
    assert!(words.contains("Pasos en seguimiento"), "{words}");
    assert!(words.contains("venden en línea"), "{words}");
}

/// `--summary-format before-after`: one row per enterprise of the hand-off files, its first
/// and latest visit as `umbral assess` scores them, its steps and whether it sells online.
#[test]
fn each_enterprises_before_and_after_is_a_row_of_its_own() {
    const V3: &str = include_str!("fixtures/handoff/v3-sample.json");
    let out = umbral(
        &["batch", "--summary", "--summary-format", "before-after"],
        V3,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["enterprise", "name", "visits"]);
    assert_eq!(header.last().map(String::as_str), Some("selling_online"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let file: serde_json::Value = serde_json::from_str(V3).expect("JSON");
    let enterprises = file["enterprises"].as_array().unwrap();
    assert_eq!(rows.len(), enterprises.len());
    for (row, e) in rows.iter().zip(enterprises) {
        assert_eq!(row[col("enterprise")], e["id"].as_str().unwrap());
        let mut visits: Vec<&serde_json::Value> = e["visits"].as_array().unwrap().iter().collect();
        visits.sort_by_key(|v| v["date"].as_str().unwrap().to_string());
        assert_eq!(row[col("visits")], visits.len().to_string());
        let latest = assessed(&visits[visits.len() - 1]["profile"]);
        assert_eq!(row[col("readiness_latest")], latest.0.to_string());
        assert_eq!(row[col("stage_latest")], latest.1);
        if visits.len() > 1 {
            let first = assessed(&visits[0]["profile"]);
            assert_eq!(row[col("readiness_first")], first.0.to_string());
            assert_eq!(row[col("stage_first")], first.1);
        } else {
            assert_eq!(row[col("readiness_first")], "", "visited once: no before");
            assert_eq!(row[col("rungs")], "");
        }
        let done = e["steps"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| s["status"] == "done")
            .count();
        assert_eq!(row[col("steps_done")], done.to_string());
    }
    // Without a hand-off file there is nothing to compare, and it says so.
    let out = umbral(
        &["batch", "--summary", "--summary-format", "before-after"],
        FIVE,
    );
    assert_eq!(out.status.code(), Some(1), "invalid input");
    assert!(text(&out.stderr).contains("no enterprise came in a hand-off file"));
}
