//! Translations of the packs into languages beyond Spanish and English (`packs::translation`):
//! every text has one stable key, a translation file is checked at its lines, a pack's
//! coverage follows its layers, the translator's file keeps what is done, and `umbral
//! validate` and `umbral translation` say so. The "translations" here are marked test text
//! (`[prueba] …`) in a test-only code, never a language: nothing is machine-translated.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;

use support::{text, umbral};
use umbral::engine::words::template_names;
use umbral::engine::PackData;
use umbral::packs::translation::{self, LocaleInfo, SourceText, Translation};
use umbral::packs::{self, SourceFile};

fn pack(id: &str) -> PackData {
    packs::compile(id, &packs::builtin(), None)
        .pack
        .unwrap_or_else(|| panic!("pack {id} compiles"))
        .data
}

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        text: text.into(),
    }
}

/// A filled-in translation of every text `keys` lists, as test text. A glossary's words are
/// the acronyms the texts use (IVA), the same in any language: they stay.
fn filled(keys: &[SourceText]) -> String {
    let mut out = String::from("[locale]\nname = \"Prueba\"\nreviewed_by = [\"Revisora\"]\n");
    for t in keys {
        let text = if t.key.ends_with("].term") {
            t.es.clone()
        } else {
            format!("[prueba] {}", t.es)
        };
        out.push_str(&format!(
            "[[text]]\nkey = {:?}\nes = {:?}\ntext = {:?}\n",
            t.key, t.es, text
        ));
    }
    out
}

/// The texts every pack's translation has beside its own: the engine's, the app's and the
/// consultants' pages' words.
fn shell() -> Vec<SourceText> {
    umbral::cli::translation::shell_texts()
}

/// Every text a language needs for `pack`: its own and the shell's.
fn all_texts(pack: &PackData) -> Vec<SourceText> {
    translation::with_shell(pack, &shell())
}

fn read(path: &str, text: &str, pack: &PackData) -> Translation {
    let (read, problems) = translation::check(&file(path, text), pack, &shell());
    assert!(problems.iter().all(|d| !d.is_error()), "{problems:?}");
    read.expect("the file reads")
}

#[test]
fn every_text_of_every_pack_has_one_key() {
    for id in ["core", "mx", "cl", "bo", "example-programme"] {
        let data = pack(id);
        let texts = translation::source_texts(&data);
        let keys: BTreeSet<&str> = texts.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys.len(), texts.len(), "{id}: keys are unique");
        // As many as the pack's JSON has texts ({es, en} objects).
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(texts.len(), json.matches("{\"es\":").count(), "{id}");
        assert!(texts.iter().all(|t| !t.es.is_empty()), "{id}");
    }
    // Keys name items by id and options by value, so they stay put when items move.
    let keys: Vec<String> = translation::source_texts(&pack("mx"))
        .into_iter()
        .map(|t| t.key)
        .collect();
    for key in [
        "name",
        "questions[sector].text",
        "questions[sector].options[food].label",
        "terms[rfc].text",
    ] {
        assert!(keys.iter().any(|k| k == key), "{key}");
    }
    // Yes/no options by their value too; no item of any list is named by its place.
    assert!(
        keys.iter().any(|k| k.ends_with(".options[true].label")),
        "{keys:?}"
    );
    assert!(!keys.iter().any(|k| k.contains("[#")), "{keys:?}");
}

#[test]
fn a_translation_file_is_checked_at_its_lines() {
    let core = pack("core");
    let good = "[locale]\nname = \"Prueba\"\nreviewed_by = [\"Revisora\"]\nchecked = \"2026-12\"\n\
        [[text]]\nkey = \"questions[sector].text\"\nes = \"¿Qué vende su negocio?\"\ntext = \"[prueba] ¿Qué vende?\"\n";
    let t = read("rules/core/locales/xx.toml", good, &core);
    assert_eq!((t.code.as_str(), t.layer.as_str()), ("xx", "core"));
    assert_eq!(t.info.reviewed_by, vec!["Revisora".to_string()]);
    assert_eq!(
        t.texts["questions[sector].text"].text,
        "[prueba] ¿Qué vende?"
    );

    let bad = "[locale]\nname = \"Prueba\"\nchecked = \"diciembre\"\n\
        [[text]]\nkey = \"questions[nada].text\"\nes = \"x\"\ntext = \"y\"\n\
        [[text]]\nkey = \"name\"\nes = \"Base\"\ntext = \"a\"\n\
        [[text]]\nkey = \"name\"\nes = \"Base\"\ntext = \"b\"\n";
    let (_, problems) =
        translation::check(&file("rules/core/locales/xx.toml", bad), &core, &shell());
    let said: Vec<String> = problems
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.is_error(), d.message))
        .collect();
    assert!(
        said.iter()
            .any(|s| s.starts_with("1:false no one has reviewed")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s.contains("checked = 'diciembre' is not a month")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s == "5:true pack 'core' has no text 'questions[nada].text'"),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s == "13:true 'name' is translated twice in this file"),
        "{said:?}"
    );

    for (path, text, says) in [
        (
            "rules/core/locales/es.toml",
            good,
            "Spanish and English are in the pack's own texts",
        ),
        ("rules/core/locales/Nahuatl.toml", good, "ISO 639 code"),
        (
            "rules/core/locales/xx.toml",
            "[[text]]\nkey = 1\n",
            "not a translation file",
        ),
        (
            "rules/core/locales/xx.toml",
            "[locale]\nname = \"P\"\nfoo = 1\n",
            "unknown field `foo`",
        ),
        (
            "rules/core/locales/xx.toml",
            "[locale]\nname = \" \"\n",
            "needs the language's name",
        ),
    ] {
        let (_, problems) = translation::check(&file(path, text), &core, &shell());
        assert!(
            problems
                .iter()
                .any(|d| d.is_error() && d.message.contains(says)),
            "{path} {problems:?}"
        );
    }
}

#[test]
fn a_pack_is_translated_in_layers_and_a_reworded_text_is_out_of_date() {
    let core = pack("core");
    let cl = pack("cl");
    let core_texts = all_texts(&core);
    let core_file = read("rules/core/locales/xx.toml", &filled(&core_texts), &core);
    // Core translated in full is all of core.
    let c = &translation::coverage(&core, std::slice::from_ref(&core_file), &shell())[0];
    assert_eq!(
        (c.translated, c.total),
        (core_texts.len(), core_texts.len())
    );
    assert!(c.missing.is_empty() && c.outdated.is_empty());
    let owners = c.total - c.consultants;
    assert_eq!(
        c.line(),
        format!(
            "xx (Prueba): {owners} of {owners} texts for owners translated (100 %), {0} of {0} \
             for consultants",
            c.consultants
        )
    );

    // Chile: the core's texts it keeps as they are come from the core's file; those its own
    // words reword (encomienda, not paquetería) are out of date there; its own are missing.
    let c = &translation::coverage(&cl, std::slice::from_ref(&core_file), &shell())[0];
    let cl_texts = all_texts(&cl);
    assert_eq!(c.total, cl_texts.len());
    let reworded: Vec<&str> = cl_texts
        .iter()
        .filter(|t| core_texts.iter().any(|k| k.key == t.key && k.es != t.es))
        .map(|t| t.key.as_str())
        .collect();
    assert!(
        !reworded.is_empty(),
        "Chile rewords some of the core's texts"
    );
    assert_eq!(c.outdated, reworded);
    assert_eq!(c.translated + c.missing.len() + c.outdated.len(), c.total);
    assert!(c.translated > 0 && !c.missing.is_empty());

    // Chile's own file, from the translator's template: exactly what the core's cannot give.
    let info = LocaleInfo {
        name: "Prueba".into(),
        reviewed_by: vec!["Revisora".into()],
        ..LocaleInfo::default()
    };
    let template = translation::template(&cl, Some(&core), "xx", None, &info, &shell());
    let own = read("rules/cl/locales/xx.toml", &template, &cl);
    assert_eq!(own.texts.len(), c.missing.len() + c.outdated.len());
    let todo: Vec<SourceText> = own
        .texts
        .iter()
        .map(|(key, t)| SourceText {
            key: key.clone(),
            es: t.es.clone(),
            template: false,
            note: String::new(),
        })
        .collect();
    let cl_file = read("rules/cl/locales/xx.toml", &filled(&todo), &cl);
    let c = &translation::coverage(&cl, &[core_file, cl_file.clone()], &shell())[0];
    assert_eq!((c.translated, c.total), (cl_texts.len(), cl_texts.len()));

    // The nearest layer decides: Chile's own out-of-date translation of a text is out of date
    // even where the core's file has it right.
    let mut stale = cl_file.clone();
    let core_key = core_texts[0].key.clone();
    stale.texts.insert(
        core_key.clone(),
        translation::Translated {
            es: "Otra cosa".into(),
            text: "[prueba] Otra cosa".into(),
        },
    );
    let core_again = read("rules/core/locales/xx.toml", &filled(&core_texts), &core);
    let c = &translation::coverage(&cl, &[core_again, stale], &shell())[0];
    assert_eq!(c.outdated, vec![core_key]);

    // The Spanish of a text changes: its translation is out of date, and the template asks for
    // it again, showing the old one.
    let mut changed = cl.clone();
    changed.name.es = "Chile (nuevo)".into();
    let c = &translation::coverage(&changed, std::slice::from_ref(&cl_file), &shell())[0];
    assert!(c.outdated.contains(&"name".to_string()), "{:?}", c.outdated);
    let again = translation::template(
        &changed,
        Some(&core),
        "xx",
        Some(&cl_file),
        &cl_file.info,
        &shell(),
    );
    assert!(again.contains("# The Spanish changed. It was \"Chile\", translated \"[prueba] Chile\"\nkey = \"name\"\nes = \"Chile (nuevo)\"\ntext = \"\"\n"), "{again}");
    assert!(again.contains("name = \"Prueba\"\n"));
    // Everything else it had is kept.
    let kept = read("rules/cl/locales/xx.toml", &again, &changed);
    assert_eq!(
        kept.texts.values().filter(|t| !t.text.is_empty()).count(),
        cl_file.texts.len() - 1
    );
}

#[test]
fn validate_reports_each_language_and_translation_writes_the_file() {
    let dir = std::env::temp_dir().join(format!("umbral-translation-{}", std::process::id()));
    let pack_dir = dir.join("core");
    std::fs::create_dir_all(pack_dir.join("locales")).unwrap();
    for entry in std::fs::read_dir("rules/core").unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, pack_dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let core = pack("core");
    let texts = all_texts(&core);
    // Half translated, and one text from Spanish the pack no longer has.
    let mut half: Vec<SourceText> = texts[..texts.len() / 2].to_vec();
    half[0].es = "Otra cosa".into();
    std::fs::write(pack_dir.join("locales/xx.toml"), filled(&half)).unwrap();
    let dir_arg = pack_dir.to_str().unwrap();

    let out = umbral(&["validate", dir_arg], "");
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said} {}", text(&out.stderr));
    // Counted apart: what owners read, and what only consultants do.
    let consultants = texts
        .iter()
        .filter(|t| translation::for_consultants(&t.key))
        .count();
    let consultants_done = half[1..]
        .iter()
        .filter(|t| translation::for_consultants(&t.key))
        .count();
    assert!(consultants > 400);
    let owners = texts.len() - consultants;
    let owners_done = half.len() - 1 - consultants_done;
    let line = format!(
        "  translation xx (Prueba): {owners_done} of {owners} texts for owners translated ({} %), \
         {consultants_done} of {consultants} for consultants; {} missing, 1 out of date\n",
        owners_done * 100 / owners,
        texts.len() - half.len()
    );
    assert!(said.contains(&line), "{said}");
    assert!(
        said.contains(&format!("    out of date: {}\n", texts[0].key)),
        "{said}"
    );
    assert!(said.contains("    missing: "), "{said}");

    // The translator's file: every text, what is done kept.
    let out = umbral(&["translation", "--pack", dir_arg, "--locale", "xx"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let file_text = text(&out.stdout);
    let again = read("core/locales/xx.toml", &file_text, &core);
    assert_eq!(again.texts.len(), texts.len());
    assert_eq!(
        again.texts.values().filter(|t| !t.text.is_empty()).count(),
        half.len() - 1
    );
    let written = pack_dir.join("locales/xx.toml");
    let write = [
        "translation",
        "--pack",
        dir_arg,
        "--locale",
        "xx",
        "--write",
    ];
    let out = umbral(&write, "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&written).unwrap(), file_text);
    // A file there that cannot be read is left as it is, and nothing is written.
    std::fs::write(&written, "").unwrap();
    let out = umbral(&write, "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("nothing was written"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&written).unwrap(), "");

    // A key the pack does not have fails validation, at its line.
    std::fs::write(
        pack_dir.join("locales/xx.toml"),
        "[locale]\nname = \"Prueba\"\n[[text]]\nkey = \"nada\"\nes = \"\"\ntext = \"x\"\n",
    )
    .unwrap();
    let out = umbral(&["validate", dir_arg], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("locales/xx.toml:4"),
        "{}",
        text(&out.stderr)
    );
    let out = umbral(&["translation", "--pack", "core", "--locale", "en"], "");
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_apps_and_the_engines_words_are_translated_with_the_core() {
    let shell = shell();
    let keys: BTreeSet<&str> = shell.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(keys.len(), shell.len(), "keys are unique");
    for key in [
        "app.tagline",
        "app.progress_template",
        "app.countries[BO]",
        "app.months[11]",
        "brief.holds_back",
        "brief.standing_next",
        "engine.costs",
        "engine.fits_budget",
        "share.other_version",
        "taller.title",
        "taller.import_too_big_template",
        "planner.route_line_template",
        "planner.tag_team_all",
        "report.ladder",
        "report.needed_by_template",
        "summary.moved_template",
        "problem.unknown_value",
        "handoff.other_version",
        "form.disagree",
        "handoff.conflicts_other",
        "xlsform.range_between",
    ] {
        assert!(keys.contains(key), "{key}");
    }
    // A text that names a value says, for the translator, what the value is.
    let unexplained: Vec<&str> = shell
        .iter()
        .filter(|t| !template_names(&t.es).is_empty() && t.note.is_empty())
        .map(|t| t.key.as_str())
        .collect();
    assert!(unexplained.is_empty(), "{unexplained:?}");
    // Owners read the app's, the short result's, the engine's and the share link's words;
    // the rest of the shell's only consultants do, and is counted apart.
    for t in &shell {
        let owners = ["app.", "brief.", "engine.", "share."]
            .iter()
            .any(|p| t.key.starts_with(p));
        assert_eq!(translation::for_consultants(&t.key), !owners, "{}", t.key);
    }
    let core = pack("core");
    // No pack text has one of their keys.
    let own: BTreeSet<String> = translation::source_texts(&pack("mx"))
        .into_iter()
        .map(|t| t.key)
        .collect();
    assert!(keys.iter().all(|k| !own.contains(*k)));

    // A template's translation must fill the values its Spanish does, each as often.
    let entry = |key: &str, text: &str| {
        let es = &shell.iter().find(|t| t.key == key).unwrap().es;
        format!(
            "[locale]\nname = \"Prueba\"\nreviewed_by = [\"R\"]\n[[text]]\nkey = {key:?}\nes = {es:?}\ntext = {text:?}\n"
        )
    };
    let check = |text: String| {
        let (_, problems) =
            translation::check(&file("rules/core/locales/xx.toml", &text), &core, &shell);
        problems
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}: {}", d.line, d.message))
            .collect::<Vec<_>>()
    };
    assert!(check(entry("app.progress_template", "[prueba] {total} / {at}")).is_empty());
    assert_eq!(
        check(entry("app.progress_template", "[prueba] {at}")),
        [
            "5: 'app.progress_template': the translation must name the values the Spanish does, each as \
          often ({at}, {total}), but names {at}"
        ]
    );
    assert_eq!(
        check(entry("app.tagline", "[prueba] {negocio}")),
        [
            "5: 'app.tagline': the translation must name the values the Spanish does, each as \
          often (none), but names {negocio}"
        ]
    );
    // A text not translated yet is not checked.
    assert!(check(entry("app.progress_template", "")).is_empty());

    // The core's file holds them; a country's template does not ask for them again.
    let info = LocaleInfo {
        name: "Prueba".into(),
        ..LocaleInfo::default()
    };
    let core_template = translation::template(&core, None, "xx", None, &info, &shell);
    assert!(core_template.contains("key = \"app.tagline\""));
    // Each of them with what the translator needs to know of it, from its documentation.
    assert!(
        core_template.contains(
            "# The read-aloud button of a question and of the results' summary.\nkey = \"app.listen\"\n"
        ),
        "{core_template}"
    );
    assert!(
        core_template.contains("# A month's name.\nkey = \"app.months[11]\"\nes = \"noviembre\"\n")
    );
    assert!(core_template.contains("key = \"engine.costs\"\nes = \"Cuesta {list}.\""));
    // What only consultants read comes last, under a heading that says so.
    let heading = core_template
        .find("# The texts from here on are for consultants")
        .expect("the consultants' heading");
    let at = |key: &str| core_template.find(&format!("key = \"{key}\"")).unwrap();
    assert!(at("app.tagline") < heading && heading < at("taller.title"));
    assert!(heading < at("planner.title") && heading < at("report.ladder"));
    assert_eq!(core_template.matches("# The texts from here on").count(), 1);
    let cl_template = translation::template(&pack("cl"), Some(&core), "xx", None, &info, &shell);
    assert!(!cl_template.contains("key = \"app."), "{cl_template}");
}

/// Each table of the app's and the engine's own words names the same values in Spanish and
/// English, so a template's names are the code's, whichever language a translator starts from.
#[test]
fn spanish_and_english_templates_name_the_same_values() {
    use umbral::app::words::{EN, ES};
    use umbral::engine::brief::{BRIEF_EN, BRIEF_ES};
    use umbral::engine::words::{SENTENCES_EN, SENTENCES_ES};
    use umbral::share::{LINK_EN, LINK_ES};
    let app = |w: &umbral::app::words::Words| {
        w.fixed_texts()
            .into_iter()
            .map(|(k, t)| (format!("app.{k}"), t))
            .collect::<Vec<_>>()
    };
    let owned = |texts: Vec<(&'static str, &'static str)>| {
        texts
            .into_iter()
            .map(|(k, t)| (k.to_string(), t))
            .collect::<Vec<_>>()
    };
    let pairs = [
        (app(&ES), app(&EN)),
        (
            owned(umbral::workspace_page::words::ES.fixed_texts()),
            owned(umbral::workspace_page::words::EN.fixed_texts()),
        ),
        (
            owned(umbral::planner_page::words::ES.fixed_texts()),
            owned(umbral::planner_page::words::EN.fixed_texts()),
        ),
        (
            owned(umbral::cli::text::ES.fixed_texts()),
            owned(umbral::cli::text::EN.fixed_texts()),
        ),
        (
            owned(umbral::planner::SUMMARY_ES.fixed_texts()),
            owned(umbral::planner::SUMMARY_EN.fixed_texts()),
        ),
        (
            owned(umbral::engine::problem::PROBLEM_ES.fixed_texts()),
            owned(umbral::engine::problem::PROBLEM_EN.fixed_texts()),
        ),
        (
            owned(umbral::workspace::problem::HANDOFF_ES.fixed_texts()),
            owned(umbral::workspace::problem::HANDOFF_EN.fixed_texts()),
        ),
        (
            owned(umbral::form::problem::FORM_ES.fixed_texts()),
            owned(umbral::form::problem::FORM_EN.fixed_texts()),
        ),
        (
            owned(umbral::form::XLSFORM_ES.fixed_texts()),
            owned(umbral::form::XLSFORM_EN.fixed_texts()),
        ),
        (owned(BRIEF_ES.fixed_texts()), owned(BRIEF_EN.fixed_texts())),
        (owned(LINK_ES.fixed_texts()), owned(LINK_EN.fixed_texts())),
        (
            owned(SENTENCES_ES.fixed_texts()),
            owned(SENTENCES_EN.fixed_texts()),
        ),
    ];
    let mut templates = 0;
    for (es, en) in pairs {
        assert_eq!(es.len(), en.len());
        for ((key, es), (other, en)) in es.iter().zip(&en) {
            assert_eq!(key, other);
            let mut a = template_names(es);
            let mut b = template_names(en);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{key}: {es} / {en}");
            templates += usize::from(!a.is_empty());
        }
    }
    assert!(templates >= 120, "{templates}");
}

/// What is left of a line of a report once every marked text (`⟦…⟧`, nested too) and every
/// web address is taken out: the words that did not come from the translation.
fn unmarked(line: &str) -> String {
    let mut rest = String::new();
    let mut depth = 0;
    for c in line.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth -= 1,
            c if depth == 0 => rest.push(c),
            _ => {}
        }
    }
    rest.split_whitespace()
        .filter(|w| !w.starts_with("https://"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_language_added_as_files_is_what_the_report_says() {
    // A programme's pack on Mexico's, with a file in the test-only language `qaa` (ISO 639
    // keeps qaa–qtz for local use: no one speaks it). Its texts are the Spanish, marked.
    let dir = std::env::temp_dir().join(format!("umbral-added-{}", std::process::id()));
    let pack_dir = dir.join("prueba");
    std::fs::create_dir_all(pack_dir.join("locales")).unwrap();
    std::fs::write(
        pack_dir.join("pack.toml"),
        "[pack]\nid = \"prueba\"\nversion = \"2026.12.0\"\nextends = \"mx\"\n\
         name = { es = \"Programa de prueba\", en = \"Test programme\" }\n",
    )
    .unwrap();
    let mut texts: Vec<SourceText> = all_texts(&pack("mx"))
        .into_iter()
        .filter(|t| t.key != "report.dimensions")
        .collect();
    let mut out = String::from("[locale]\nname = \"Prueba\"\nreviewed_by = [\"Revisora\"]\n");
    for t in &mut texts {
        if t.key == "name" {
            t.es = "Programa de prueba".into();
        }
        let es = if t.key == "report.ladder" {
            "Otra cosa"
        } else {
            &t.es
        };
        // A glossary's words are the acronyms a text uses (IVA), the same in any language.
        let text = if t.key.ends_with("].term") {
            t.es.clone()
        } else {
            format!("⟦{}⟧", t.es)
        };
        out.push_str(&format!(
            "[[text]]\nkey = {:?}\nes = {:?}\ntext = {:?}\n",
            t.key, es, text
        ));
    }
    std::fs::write(pack_dir.join("locales/qaa.toml"), out).unwrap();
    let dir_arg = pack_dir.to_str().unwrap();

    let out = umbral(&["validate", dir_arg], "");
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said} {}", text(&out.stderr));
    assert!(said.contains("1 missing, 1 out of date"), "{said}");

    let profiles = std::fs::read_to_string("tests/reports/profiles.jsonl").unwrap();
    let case: serde_json::Value = profiles
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|c| c["name"] == "rural, no bank, no internet")
        .unwrap();
    let profile = case["profile"].to_string();
    let assess = |args: &[&str]| {
        let mut all = vec!["assess", "--pack", dir_arg];
        all.extend_from_slice(args);
        umbral(&all, &profile)
    };

    // The text report: every word from the translation, but the text it does not translate
    // and the one translated from other Spanish, which read in Spanish.
    let out = assess(&["--lang", "qaa", "--format", "text"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    let left: Vec<String> = report
        .lines()
        .map(unmarked)
        .filter(|l| l.chars().any(char::is_alphabetic))
        .collect();
    assert_eq!(
        left,
        [
            "Umbral — 2026.12.0 (qaa)",
            "Dimensiones:",
            "Escalera de formas de vender:",
        ],
        "{report}"
    );
    assert!(report.contains("⟦Lo que falta⟧:"), "{report}");
    assert!(report.contains("⟦Pasos para empezar⟧:"), "{report}");

    // The JSON report says its language, and every text in it is the translation's.
    let out = assess(&["--lang", "qaa"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "umbral.report/3");
    assert_eq!(json["locale"], "qaa");
    let schema = std::fs::read_to_string("www/spec/report-v3.schema.json").unwrap();
    let schema = jsonschema::validator_for(&serde_json::from_str(&schema).unwrap()).unwrap();
    let errors: Vec<String> = schema.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    for pathway in json["pathways"].as_array().unwrap() {
        let label = pathway["label"].as_str().unwrap();
        assert!(label.starts_with('⟦') && label.ends_with('⟧'), "{label}");
    }
    let option = &json["steps"][0]["options"][0];
    for text in [
        &option["name"],
        &option["summary"],
        &option["why"][0]["text"],
    ] {
        let text = text.as_str().unwrap_or_else(|| panic!("{option}"));
        assert!(text.starts_with('⟦') && text.ends_with('⟧'), "{text}");
    }

    // Many profiles at once, and their summary, are in it too.
    let lines = format!("{profile}\n{profile}\n");
    let out = umbral(&["batch", "--pack", dir_arg, "--lang", "qaa"], &lines);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let reports: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len(), 2);
    for r in &reports {
        assert_eq!(r["locale"], "qaa");
        assert_eq!(r["pathways"], json["pathways"]);
    }
    let summary = ["batch", "--pack", dir_arg, "--lang", "qaa", "--summary"];
    let out = umbral(&summary, &lines);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let first = said.lines().next().unwrap_or_default();
    assert!(first.starts_with('⟦'), "{said}");

    // Spanish and English are as they were; a language with no file, or a code that is not
    // one, is refused with what to do.
    let es = assess(&["--lang", "es", "--format", "text"]);
    assert_eq!(es.status.code(), Some(0));
    assert!(!text(&es.stdout).contains('⟦'));
    let out = assess(&["--lang", "qu"]);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(
        said.contains("pack 'prueba' has no translation into 'qu'")
            && said.contains("(core, mx, prueba)")
            && said.contains("locales/qu.toml"),
        "{said}"
    );
    let out = assess(&["--lang", "Quechua"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--lang Quechua"));

    // The app gets the pack in the language from `umbral compile`, with its words.
    let compiled = dir.join("packs");
    let compile = [
        "compile",
        "--out",
        compiled.to_str().unwrap(),
        dir.to_str().unwrap(),
    ];
    let out = umbral(&compile, "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let in_qaa = std::fs::read_to_string(compiled.join("prueba.qaa.txt")).unwrap();
    let in_qaa = umbral::engine::Pack::from_compact(&in_qaa).unwrap();
    assert_eq!(in_qaa.languages, ["qaa", "Prueba"]);
    assert!(in_qaa.words.iter().any(|w| w == "⟦Siguiente⟧"));
    std::fs::remove_dir_all(&compiled).unwrap();

    // A translation no native speaker has reviewed yet can be read, and says so; the app
    // does not get it.
    let file = pack_dir.join("locales/qaa.toml");
    let unreviewed = std::fs::read_to_string(&file).unwrap().replacen(
        "reviewed_by = [\"Revisora\"]",
        "reviewed_by = []",
        1,
    );
    std::fs::write(&file, unreviewed).unwrap();
    let out = assess(&["--lang", "qaa", "--format", "text"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), report);
    assert!(
        text(&out.stderr).contains("names no reviewer yet"),
        "{}",
        text(&out.stderr)
    );
    let out = umbral(&compile, "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("is not compiled in 'qaa' for the app"));
    assert!(!compiled.join("prueba.qaa.txt").exists());
    assert!(compiled.join("prueba.es.txt").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_translated_pack_has_each_translation_in_place_of_its_spanish() {
    let mx = pack("mx");
    let texts = all_texts(&mx);
    let question = texts
        .iter()
        .find(|t| t.key.starts_with("questions[") && t.key.ends_with("].text"))
        .unwrap();
    let file = format!(
        "[locale]\nname = \"Prueba\"\nreviewed_by = [\"Revisora\"]\n\
         [[text]]\nkey = {:?}\nes = {:?}\ntext = \"[prueba] pregunta\"\n\
         [[text]]\nkey = \"name\"\nes = \"Otra cosa\"\ntext = \"[prueba] nombre viejo\"\n\
         [[text]]\nkey = \"app.start\"\nes = {:?}\ntext = \"[prueba] empezar\"\n",
        question.key,
        question.es,
        umbral::app::words::ES.start()
    );
    let read = read("core/locales/qaa.toml", &file, &pack("core"));
    let resolved = translation::resolve(&mx, std::slice::from_ref(&read), "qaa", &shell())
        .expect("the core is one of mx's layers");
    assert_eq!(resolved.name, "Prueba");
    // Only what is translated from the pack's Spanish now: not the name, from other Spanish.
    let keys: Vec<&str> = resolved.texts.keys().map(String::as_str).collect();
    assert_eq!(keys, ["app.start", question.key.as_str()]);
    let translated = translation::translated_pack(&mx, &resolved.texts);
    let after = translation::source_texts(&translated);
    let before = translation::source_texts(&mx);
    assert_eq!(after.len(), before.len());
    for (a, b) in after.iter().zip(&before) {
        assert_eq!(a.key, b.key);
        let want = if a.key == question.key {
            "[prueba] pregunta"
        } else {
            &b.es
        };
        assert_eq!(a.es, want, "{}", a.key);
    }
    // The English stays, and a language no layer has a file in is none.
    assert_eq!(
        serde_json::to_value(&translated.name).unwrap(),
        serde_json::to_value(&mx.name).unwrap()
    );
    assert!(translation::resolve(&mx, &[read], "qu", &shell()).is_none());
}
