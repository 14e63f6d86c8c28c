//! The planner page's model, natively: its reducer (`umbral::planner_page::model`) and what a file
//! and a record mean (`umbral::planner_page::import`). The page's effects read files and fetch
//! packs; here the tests hand the same things in, as the effects do, and read the figures and
//! the CSV the page would show and offer.

mod support;

use std::rc::Rc;

use umbral::engine::{Locale, Pack};
use umbral::form::export::Reader;
use umbral::planner::records::ExportFile;
use umbral::planner_page::import::{self, Imported, Packs, MAX_FILE_BYTES};
use umbral::planner_page::model::{Action, Busy, FilterPart, Model};
use umbral::planner_page::words::words;

use support::{text, umbral};

/// 40 fictional Mexican profiles (`tests/planner/generate.mjs`, 40 profiles, seed 7).
const PROFILES: &str = include_str!("fixtures/planner/perfiles.jsonl");
const PROFILES_PATH: &str = "tests/fixtures/planner/perfiles.jsonl";

fn pack(id: &str) -> Rc<Pack> {
    let compiled = umbral::packs::compile(id, &umbral::packs::builtin(), None);
    Rc::new(compiled.pack.expect("the pack compiles"))
}

fn mexico() -> Rc<Pack> {
    pack("mx")
}

/// The packs of every country the page scores, as the effects would have fetched them.
fn every_pack() -> Packs {
    let mut packs = Packs::default();
    for (_, id) in import::PACKS {
        packs.add(id, Ok(pack(id)));
    }
    packs
}

/// A file of profiles read and scored as the page's effects do (without their pacing), in
/// `locale`'s words.
fn read(name: &str, text: &str, packs: &Packs, locale: Locale) -> Imported {
    let w = words(locale);
    assert!(!import::is_export(name, text), "{name} is not an export");
    let mut imported = Imported::new(name);
    for (place, json) in import::profile_records(text, name, w) {
        let scored = json.and_then(|found| import::score_found(packs, found, w));
        imported.record(place, scored);
    }
    imported
}

/// A Spanish page with the Mexican pack and `files` imported.
fn model_with(files: &[(&str, &str)]) -> Model {
    let packs = every_pack();
    let mut model = Model::new(Locale::Es);
    model.update(Action::PackLoaded("mx".into(), Ok(mexico())));
    model.update(Action::ImportStarted);
    let imported = files
        .iter()
        .map(|(name, text)| read(name, text, &packs, Locale::Es))
        .collect();
    model.update(Action::Imported(imported));
    model
}

fn cli_csv(args: &[&str]) -> String {
    let mut all = vec!["batch", "--summary", "--summary-format", "csv"];
    all.extend_from_slice(args);
    all.push(PROFILES_PATH);
    let out = umbral(&all, "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn a_new_page_is_idle_and_empty() {
    let model = Model::new(Locale::En);
    assert_eq!(model.busy, Busy::Idle);
    assert_eq!(model.total(), 0);
    assert!(model.files.is_empty());
    assert!(
        model.choices().is_empty(),
        "no pack yet, no questions to offer"
    );
    assert_eq!(model.figures().enterprises, 0);
}

#[test]
fn an_import_shows_its_progress_then_every_file_at_once() {
    let packs = every_pack();
    let mut model = Model::new(Locale::Es);
    model.update(Action::ImportStarted);
    assert_eq!(model.busy, Busy::Packs);
    model.update(Action::Reading("perfiles.jsonl".into(), 64));
    assert_eq!(model.busy, Busy::Reading("perfiles.jsonl".into(), 64));
    assert!(
        model.files.is_empty(),
        "nothing is listed until the import ends"
    );
    let before = model.version;
    let (first, second) = PROFILES.split_at(PROFILES.find("\n{").unwrap() + 1);
    model.update(Action::Imported(vec![
        read("uno.jsonl", first, &packs, Locale::Es),
        read("resto.jsonl", second, &packs, Locale::Es),
    ]));
    assert_eq!(model.busy, Busy::Idle);
    assert!(model.version > before, "the figures are counted again");
    let names: Vec<_> = model.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["uno.jsonl", "resto.jsonl"]);
    assert_eq!((model.files[0].read, model.files[1].read), (1, 39));
    assert_eq!(model.total(), 40);
    assert_eq!(model.figures().enterprises, 40);
    // A later import adds to what is there.
    model.update(Action::Imported(vec![read(
        "otra.jsonl",
        first,
        &packs,
        Locale::Es,
    )]));
    assert_eq!((model.files.len(), model.total()), (3, 41));
}

#[test]
fn a_bad_line_is_reported_at_its_line_and_the_others_count() {
    let good: Vec<&str> = PROFILES.lines().take(3).collect();
    let file = [
        good[0],
        "esto no es JSON",
        good[1],
        r#"{"schema":"umbral.profile/1","country":"MX","locality":"city"}"#,
        good[2],
    ]
    .join("\n");
    let model = model_with(&[("con-errores.jsonl", &file)]);
    let result = &model.files[0];
    assert_eq!((result.read, result.problem_count), (3, 2));
    assert_eq!(result.problems[0].0, "Línea 2");
    // In the page's language (issue 14), not the command line's English.
    // The parser's English ("expected value at line 1 column 1") is said in Spanish too.
    assert_eq!(
        result.problems[0].1,
        "no es JSON válido: algo está mal escrito en la línea 1, columna 1"
    );
    assert_eq!(result.problems[1].0, "Línea 4");
    assert_eq!(
        result.problems[1].1,
        "valor desconocido 'city'; puede ser urban, suburban, rural, remote en $.locality"
    );
    assert_eq!(model.total(), 3);
}

#[test]
fn only_the_first_hundred_problems_of_a_file_are_kept_and_all_are_counted() {
    let file = format!(
        "{}\n",
        r#"{"schema":"umbral.profile/1","country":"MX","locality":"city"}"#
    )
    .repeat(150);
    let model = model_with(&[("malo.jsonl", &file)]);
    let result = &model.files[0];
    assert_eq!(result.problem_count, 150);
    assert_eq!(result.problems.len(), import::SHOWN_PROBLEMS);
    assert_eq!(model.total(), 0);
}

#[test]
fn a_file_over_256_mb_is_named_with_its_size_and_not_read() {
    let es = words(Locale::Es);
    assert!(import::too_big("justo.jsonl", MAX_FILE_BYTES, es).is_none());
    let refused = import::too_big("enorme.jsonl", 300 * 1024 * 1024, es).expect("refused");
    assert!(refused.items.is_empty());
    assert_eq!(refused.result.name, "enorme.jsonl");
    assert_eq!((refused.result.read, refused.result.problem_count), (0, 1));
    assert_eq!(
        refused.result.problems[0],
        (
            "No se pudo leer el archivo".to_string(),
            "El archivo pesa 300 MB; el máximo es 256 MB. Divídalo en partes y elíjalas juntas."
                .to_string()
        )
    );
    // The files chosen with it still count.
    let packs = every_pack();
    let small = PROFILES.lines().take(2).collect::<Vec<_>>().join("\n");
    let mut model = Model::new(Locale::Es);
    model.update(Action::ImportStarted);
    model.update(Action::Imported(vec![
        refused,
        read("pocos.jsonl", &small, &packs, Locale::Es),
    ]));
    assert_eq!(model.files.len(), 2);
    assert_eq!((model.files[1].read, model.total()), (2, 2));
}

#[test]
fn a_country_whose_pack_failed_or_does_not_exist_is_named_in_plain_words() {
    let mut packs = Packs::default();
    packs.add("mx", Ok(mexico()));
    packs.add("cl", Err("offline".into()));
    let file = concat!(
        r#"{"schema":"umbral.profile/1","country":"MX","locality":"rural"}"#,
        "\n",
        r#"{"schema":"umbral.profile/1","country":"CL","locality":"urban"}"#,
        "\n",
    );
    let result = read("dos-paises.jsonl", file, &packs, Locale::Es).result;
    assert_eq!((result.read, result.problem_count), (1, 1));
    assert_eq!(
        result.problems[0],
        (
            "Línea 2".to_string(),
            "no se pudieron cargar las preguntas de CL (¿sin conexión?): offline".to_string()
        )
    );
    assert_eq!(
        import::Found::Json(serde_json::json!({"country": "BO"})).wanted_pack(),
        Some("bo")
    );
    assert_eq!(
        import::Found::Json(serde_json::json!({"country": "AR"})).wanted_pack(),
        None
    );
}

/// A record of an export: its place, and its problem if it has one.
type Row = (String, Option<String>);

/// An export read as the page's effects read it once its pack is fetched (the Mexican pack),
/// in `locale`'s words: each record's place and its problem, or where and why the file is
/// refused whole.
fn read_export(text: &str, locale: Locale) -> Result<Vec<Row>, (String, String)> {
    let w = words(locale);
    assert!(import::is_export("export.csv", text), "an export");
    let file = ExportFile::open(text)
        .map_err(|e| (w.whole_file().to_string(), import::record_error(&e, w)))?;
    let pack = mexico();
    let reader = Reader::new(&pack)
        .unwrap()
        .with_programme_hint(import::PROGRAMME_HINT);
    let records = import::export_records(file, &reader, w)?;
    Ok(records.map(|(place, read)| (place, read.err())).collect())
}

/// Rows with a choice the form does not have, a value out of range, and answers that do not
/// make a profile: worded in Spanish on a Spanish page, in the command line's English on an
/// English one.
const BAD_EXPORT: &str = "start;end;country;sector;connectivity/internet;owner/age;_id\n\
                          ;;MX;food;wifi;200;1\n\
                          ;;AR;food;none;30;2\n\
                          ;;MX;food;none;30;3\n";

/// A row with a cell fewer than the header: the tokenizer's English on an English page, the
/// count of cells in Spanish on a Spanish one.
#[test]
fn a_row_short_of_cells_is_said_in_the_pages_language() {
    let text = "start;end;country;sector;_id\n;;MX;food;1\n;;MX;food\n";
    let rows = read_export(text, Locale::Es).unwrap();
    assert_eq!(
        rows[1],
        (
            "Línea 3".to_string(),
            Some(
                "no se puede leer este registro del CSV: esta fila tiene 4 celdas y la primera \
                 línea (los nombres de las columnas) tiene 5"
                    .to_string()
            )
        )
    );
    let rows = read_export(text, Locale::En).unwrap();
    assert!(
        rows[1]
            .1
            .as_deref()
            .is_some_and(|m| m.starts_with("unreadable CSV record: CSV error:")
                && m.contains("found record with 4 fields, but the previous record has 5 fields")),
        "{rows:?}"
    );
}

#[test]
fn an_exports_bad_cells_are_named_in_the_pages_language() {
    let rows = read_export(BAD_EXPORT, Locale::Es).unwrap();
    let places: Vec<&str> = rows.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(places, ["Línea 2", "Línea 3", "Línea 4"]);
    // Two problems of one row, joined as the command line joins them.
    assert_eq!(
        rows[0].1.as_deref(),
        Some(
            "columna 'connectivity/internet': 'wifi' no es una de las respuestas de esta \
             pregunta; puede ser none, intermittent, mobile_data, broadband, dont_know; columna \
             'owner/age': 200 está fuera de rango; debe ser de 15 a 110"
        )
    );
    // The engine's own problem, worded as the engine words it.
    assert_eq!(
        rows[1].1.as_deref(),
        Some(
            "las respuestas no forman un perfil válido: país desconocido: el texto 'AR'; puede \
             ser MX, CL, BO en $.country"
        )
    );
    assert_eq!(rows[2].1, None);
    // The command line's English, unchanged, on an English page.
    let rows = read_export(BAD_EXPORT, Locale::En).unwrap();
    assert_eq!(
        rows[0].1.as_deref(),
        Some(
            "column 'connectivity/internet': unknown choice 'wifi'; expected one of: none, \
             intermittent, mobile_data, broadband, dont_know; column 'owner/age': 200 is out of \
             range; expected 15 to 110"
        )
    );
    assert_eq!(
        rows[1].1.as_deref(),
        Some(
            "the answers do not make a profile: unknown country the string 'AR'; expected one \
             of: MX, CL, BO at $.country"
        )
    );
}

#[test]
fn an_export_whose_header_does_not_map_is_refused_in_the_pages_language() {
    let version = mexico().data.version.clone();
    let refused = read_export("country;wifi;extra/apoyo\nMX;1;x\n", Locale::Es).err();
    assert_eq!(
        refused,
        Some((
            "Línea 1".to_string(),
            format!(
                "las columnas 'wifi', 'extra/apoyo' no son del formulario umbral_mx (cuestionario \
                 mx {version}); las columnas pueden ser los nombres de las preguntas con su grupo \
                 (connectivity/internet, o unidos con '.' o '-'), el texto de las preguntas, una \
                 columna de 0 y 1 por cada respuesta de una pregunta de varias respuestas \
                 (connectivity/devices/smartphone), country, label, y los datos que agrega la \
                 exportación (_id, _uuid, _submission_time, start, end, meta/instanceID, …); las \
                 preguntas propias de un programa (extra/…) se leen con el cuestionario del \
                 programa: exporte los envíos en JSON (el de KoboToolbox dice de qué formulario \
                 son), o calcule sus resultados con `umbral batch --pack <id>`"
            )
        ))
    );
    // One column, in each language.
    for (locale, start) in [
        (
            Locale::Es,
            format!(
                "la columna 'wifi' no es del formulario umbral_mx (cuestionario mx {version}); "
            ),
        ),
        (
            Locale::En,
            format!("column(s) 'wifi' are not in form umbral_mx (pack mx {version}); columns are"),
        ),
    ] {
        let (_, why) = read_export("country;wifi\nMX;1\n", locale).err().unwrap();
        assert!(why.starts_with(&start), "{why}");
    }
    // JSON that is not a list of submissions is refused whole, in the page's words.
    let (place, why) = read_export("{\n  \"count\": 1,\n  \"results\": 3\n}", Locale::Es)
        .err()
        .unwrap();
    assert_eq!(
        (place.as_str(), why.as_str()),
        (
            "El archivo",
            "no es una exportación de envíos en JSON: se esperaba una lista de envíos, o un \
             objeto con 'results' (KoboToolbox) o 'value' (ODK Central)"
        )
    );
}

#[test]
fn a_handoff_file_that_cannot_be_read_is_refused_with_every_problem_named() {
    let fixture = include_str!("fixtures/handoff/v1-sample.json");
    let model = model_with(&[("v1-sample.json", fixture)]);
    assert_eq!((model.files[0].read, model.total()), (3, 3));
    let mut broken: serde_json::Value = serde_json::from_str(fixture).unwrap();
    broken["enterprises"][0]["country"] = "AR".into();
    broken["enterprises"][0]["visits"] = "no".into();
    let model = model_with(&[("roto.json", &broken.to_string())]);
    let result = &model.files[0];
    assert_eq!(result.read, 0);
    let places: Vec<_> = result.problems.iter().map(|(p, _)| p.as_str()).collect();
    assert!(places.contains(&"enterprises[0].country"), "{places:?}");
    assert!(places.contains(&"enterprises[0].visits"), "{places:?}");
}

#[test]
fn filters_recount_the_kept_assessments() {
    let mut model = model_with(&[("perfiles.jsonl", PROFILES)]);
    let version = model.version;
    let regions = Model::regions(&model.everything());
    assert!(
        regions.iter().any(|(key, _)| key == "MX-OAX"),
        "{regions:?}"
    );
    model.update(Action::Filter(FilterPart::Region, Some("MX-OAX".into())));
    assert_eq!(model.figures().enterprises, 2);
    model.update(Action::Filter(FilterPart::Region, Some("MX-MEX".into())));
    assert_eq!(model.figures().enterprises, 8);
    model.update(Action::Filter(FilterPart::Region, None));
    assert_eq!(model.figures().enterprises, 40);
    model.update(Action::Filter(FilterPart::Locality, Some("rural".into())));
    let rural = PROFILES.matches(r#""locality":"rural""#).count() as u64;
    assert_eq!(model.figures().enterprises, rural);
    assert_eq!(model.version, version, "a filter scores nothing again");
    assert_eq!(
        model.everything().enterprises,
        40,
        "the lists keep every enterprise"
    );
    let localities = model.options("locality");
    assert!(
        localities.iter().any(|(v, _)| v == "rural"),
        "{localities:?}"
    );
    assert!(!model.options("sector").is_empty());
}

#[test]
fn a_scenario_is_added_once_at_the_chosen_level_and_removed() {
    let mut model = model_with(&[("perfiles.jsonl", PROFILES)]);
    let first = model
        .chosen()
        .expect("the first question until one is chosen");
    assert_eq!(first.field, model.choices()[0].field);
    assert_eq!(model.level().as_deref(), Some(first.levels[0].0.as_str()));
    model.update(Action::ChooseField("connectivity.internet".into()));
    model.update(Action::ChooseLevel("mobile_data".into()));
    model.update(Action::AddScenario);
    model.update(Action::AddScenario);
    let texts: Vec<_> = model.requirements.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["connectivity.internet >= mobile_data"]);
    assert_eq!(model.figures().scenarios.len(), 1);
    // Another question starts at its first level.
    model.update(Action::ChooseField("payments.bank_account".into()));
    assert_eq!(model.choice_level, "");
    model.update(Action::AddScenario);
    assert_eq!(model.figures().scenarios.len(), 2);
    model.update(Action::RemoveScenario(0));
    model.update(Action::RemoveScenario(5));
    let texts: Vec<_> = model.requirements.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["payments.bank_account"]);
}

#[test]
fn the_csv_is_the_command_lines_with_and_without_filters_and_requirements() {
    let mut model = model_with(&[("perfiles.jsonl", PROFILES)]);
    assert_eq!(model.figures().to_csv(), cli_csv(&[]));
    model.update(Action::Filter(FilterPart::Locality, Some("urban".into())));
    model.update(Action::ChooseField("connectivity.internet".into()));
    model.update(Action::ChooseLevel("mobile_data".into()));
    model.update(Action::AddScenario);
    model.update(Action::ChooseField("payments.bank_account".into()));
    model.update(Action::AddScenario);
    assert_eq!(
        model.figures().to_csv(),
        cli_csv(&[
            "--locality",
            "urban",
            "--require",
            "connectivity.internet >= mobile_data",
            "--require",
            "payments.bank_account",
        ])
    );
}

/// Issue 14, "¿Y si el programa diera…?": the page offers the catalogue entries that meet
/// the cohort's needs; ticking some gives the command line's `--supply` figures, byte for
/// byte in the CSV, whatever the order they were ticked in.
#[test]
fn a_supply_gives_the_command_lines_figures() {
    let mut model = model_with(&[("perfiles.jsonl", PROFILES)]);
    let offers = model.offers(&model.everything());
    for id in ["celular-usado", "cfe-plan-datos", "sat-rfc"] {
        assert!(
            offers.iter().any(|o| o.id == id),
            "{id} offered: {offers:?}"
        );
    }
    assert!(offers
        .iter()
        .all(|o| !o.name.is_empty() && !o.cost.is_empty()));
    assert!(model.figures().supply.is_none());
    model.update(Action::ToggleSupply("sat-rfc".into()));
    model.update(Action::ToggleSupply("celular-usado".into()));
    model.update(Action::ToggleSupply("cfe-plan-datos".into()));
    model.update(Action::ToggleSupply("sat-rfc".into()));
    assert_eq!(model.supply, ["celular-usado", "cfe-plan-datos"]);
    let figures = model.figures();
    let supply = figures.supply.as_ref().expect("the supply's figures");
    assert!(supply.moved.count > 0 && supply.reached.count >= supply.moved.count);
    assert!(!figures.supply_lines(Locale::Es).is_empty());
    assert_eq!(
        figures.to_csv(),
        cli_csv(&["--supply", "celular-usado,cfe-plan-datos"])
    );
    model.update(Action::ToggleSupply("celular-usado".into()));
    model.update(Action::ToggleSupply("cfe-plan-datos".into()));
    assert!(model.figures().supply.is_none());
}

#[test]
fn switching_the_language_keeps_the_figures() {
    let mut model = model_with(&[("perfiles.jsonl", PROFILES)]);
    model.update(Action::Filter(FilterPart::Locality, Some("urban".into())));
    let spanish = model.figures();
    model.update(Action::SwitchLanguage);
    assert_eq!(model.locale, Locale::En);
    let english = model.figures();
    assert_eq!(english.enterprises, spanish.enterprises);
    assert_eq!(english.readiness, spanish.readiness);
    let counts =
        |v: &umbral::planner::Figures| v.stages.iter().map(|s| s.count).collect::<Vec<_>>();
    assert_eq!(counts(&english), counts(&spanish));
    assert_eq!(model.total(), 40);
    assert_eq!(
        model.filter.locality.as_deref(),
        Some("urban"),
        "the filter stays"
    );
    model.update(Action::SwitchLanguage);
    assert_eq!(model.figures(), spanish);
}

#[test]
fn clearing_removes_every_file_and_assessment_and_keeps_the_choices() {
    let mut model = model_with(&[("perfiles.jsonl", PROFILES)]);
    model.update(Action::Filter(FilterPart::Sector, Some("food".into())));
    let version = model.version;
    model.update(Action::Clear);
    assert!(model.files.is_empty());
    assert_eq!(model.total(), 0);
    assert!(model.version > version);
    assert_eq!(model.filter.sector.as_deref(), Some("food"));
    assert!(model.mexico().is_some(), "the pack stays");
}

#[test]
fn a_pack_that_failed_to_load_offers_no_questions() {
    let mut model = Model::new(Locale::Es);
    model.update(Action::PackLoaded("mx".into(), Err("offline".into())));
    assert!(model.mexico().is_none());
    assert!(model.choices().is_empty());
    assert!(model.options("locality").is_empty());
    model.update(Action::AddScenario);
    assert!(model.requirements.is_empty());
}

/// A hand-off file's before and after (each enterprise's first and latest visit) are the
/// command line's: the page's CSV equals `umbral batch --summary` for the same file, with and
/// without a filter, in both languages.
#[test]
fn a_handoff_files_before_and_after_is_the_command_lines() {
    const PATH: &str = "tests/fixtures/handoff/merged.json";
    let fixture = include_str!("fixtures/handoff/merged.json");
    for (locale, lang) in [(Locale::Es, "es"), (Locale::En, "en")] {
        let packs = every_pack();
        let mut model = Model::new(locale);
        model.update(Action::ImportStarted);
        model.update(Action::Imported(vec![read(
            "merged.json",
            fixture,
            &packs,
            locale,
        )]));
        let figures = model.figures();
        let ba = figures.before_after.as_ref().expect("a before and after");
        assert!(ba.followed.count > 0 && ba.visited_once.count > 0, "{ba:?}");
        let out = umbral(
            &[
                "batch",
                "--summary",
                "--summary-format",
                "csv",
                "--lang",
                lang,
                PATH,
            ],
            "",
        );
        // One enterprise of the fixture has no visit: a problem, and the others count.
        assert!(
            text(&out.stderr).contains("has no visit"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(figures.to_csv(), text(&out.stdout));
    }
}

/// The cohort filters list the tags the hand-off files have, and filtering by one gives the
/// command line's CSV with the same flag.
#[test]
fn the_cohort_filters_offer_the_files_tags_and_count_as_the_command_line() {
    const PATH: &str = "tests/fixtures/handoff/v3-sample.json";
    let fixture = include_str!("fixtures/handoff/v3-sample.json");
    let packs = every_pack();
    let mut model = Model::new(Locale::Es);
    model.update(Action::ImportStarted);
    model.update(Action::Imported(vec![read(
        "v3.json",
        fixture,
        &packs,
        Locale::Es,
    )]));
    let programmes = model.tag_values("programme");
    assert_eq!(programmes.len(), 1, "{programmes:?}");
    assert!(model.tag_values("nothing").is_empty());
    let teams = model.tag_values("team");
    let team = teams[0].0.clone();
    model.update(Action::Filter(FilterPart::Tag("team"), Some(team.clone())));
    assert_eq!(model.figures().enterprises, 1);
    let out = umbral(
        &[
            "batch",
            "--summary",
            "--summary-format",
            "csv",
            "--team",
            &team,
            PATH,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(model.figures().to_csv(), text(&out.stdout));
    model.update(Action::Filter(FilterPart::Tag("team"), None));
    assert_eq!(model.figures().enterprises, 2);
}

/// The page's per-enterprise CSV ("Descargar cada negocio") is the command line's
/// `--summary-format before-after`, filters included.
#[test]
fn each_enterprises_csv_is_the_command_lines() {
    const PATH: &str = "tests/fixtures/handoff/merged.json";
    let fixture = include_str!("fixtures/handoff/merged.json");
    let packs = every_pack();
    let mut model = Model::new(Locale::Es);
    model.update(Action::ImportStarted);
    model.update(Action::Imported(vec![read(
        "m.json",
        fixture,
        &packs,
        Locale::Es,
    )]));
    let page = model
        .figures()
        .before_after
        .expect("a before and after")
        .enterprises_csv();
    let out = umbral(
        &[
            "batch",
            "--summary",
            "--summary-format",
            "before-after",
            PATH,
        ],
        "",
    );
    assert_eq!(page, text(&out.stdout));
    assert_eq!(
        page.lines().count(),
        1 + 3,
        "a header and the three enterprises with a visit"
    );
}
