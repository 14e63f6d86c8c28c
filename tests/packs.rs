//! Every pack under `rules/` compiles and passes its own examples; invalid packs get exactly
//! the diagnostics they should.

#![cfg(not(target_arch = "wasm32"))]

use umbral::engine::{assess, Locale, Pack, Profile};
use umbral::packs::{self, PackSource, SourceFile};

#[test]
fn every_pack_compiles_and_passes_its_examples() {
    let sources = packs::builtin();
    let mut failures = Vec::new();
    let mut examples = 0;
    for (src, (id, compiled)) in sources.iter().zip(packs::compile_all(&sources, None)) {
        for d in compiled.diagnostics.iter().filter(|d| d.is_error()) {
            failures.push(format!("{id}: {d}"));
        }
        let Some(pack) = compiled.pack else { continue };
        let results = packs::examples::run(src, &pack);
        examples += results.passed;
        failures.extend(results.diagnostics.iter().map(|d| format!("{id}: {d}")));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(examples > 0, "no pack carries examples");
}

/// Reads a fixture folder the way the command line reads a pack folder.
fn fixture(dir: &str) -> PackSource {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<SourceFile> = std::fs::read_dir(&path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| SourceFile {
            path: p
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .display()
                .to_string(),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    PackSource {
        dir: dir.to_string(),
        files,
    }
}

/// Compares `actual` with the file `expect`; `UPDATE_EXPECT=1` rewrites the file instead.
fn expect_file(expect: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(expect);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let wanted = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        wanted == actual,
        "{expect} differs (rerun with UPDATE_EXPECT=1 to accept):\n--- expected\n{wanted}\n--- actual\n{actual}"
    );
}

#[test]
fn an_invalid_pack_gets_every_diagnostic_at_once() {
    let mut sources = vec![fixture("tests/fixtures/invalid-pack")];
    sources.extend(packs::builtin());
    let compiled = packs::compile("broken", &sources, None);
    assert!(compiled.pack.is_none());
    let rendered: String = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
    expect_file("tests/fixtures/invalid-pack.expected", &rendered);
    // Each kind of mistake the issue names is among them.
    for needle in [
        "TOML syntax",
        "unknown field 'lable'",
        "invalid type",
        "unknown requirement 'no-such-requirement'",
        "duplicate requirement id 'internet'",
        "cycle in prerequisites",
        "missing translation",
        "unreachable entry 'unreachable'",
        "cost without currency",
        "unknown field 'connectivity.internt'",
        "could turn false",
        "links must start with https://",
        "may not hold a user name or password",
        "'PRT' (es) has no glossary entry",
        "has two glossary entries",
        "unknown profile field 'presence.fotos' in sets",
        "'presence.inventory': unknown value 'binder'",
        "do not surely meet any requirement 'sets-meets-nothing' addresses (basic_skills)",
        "'sets-opens-only' addresses no requirement",
    ] {
        assert!(
            rendered.contains(needle),
            "no diagnostic mentions {needle:?}"
        );
    }
}

#[test]
fn stale_facts_warn_but_do_not_fail() {
    let sources = packs::builtin();
    let far_future = packs::Month {
        year: 2030,
        month: 1,
    };
    let compiled = packs::compile("mx", &sources, Some(far_future));
    assert!(compiled.pack.is_some());
    assert!(compiled
        .diagnostics
        .iter()
        .any(|d| !d.is_error() && d.message.contains("months ago")));
}

#[test]
fn compiled_json_scores_like_the_source() {
    let sources = packs::builtin();
    let pack = packs::compile("mx", &sources, None).pack.unwrap();
    let again = Pack::from_json(&pack.to_json()).unwrap();
    let profile = Profile::from_json(
        r#"{"schema":"umbral.profile/1","country":"MX","locality":"rural","connectivity":{"internet":"mobile_data","devices":["smartphone"]},"payments":{"monthly_budget":100}}"#,
    )
    .unwrap();
    for locale in Locale::ALL {
        assert_eq!(
            assess(&pack, &profile, locale).to_json(),
            assess(&again, &profile, locale).to_json()
        );
    }
}

#[test]
fn a_compiled_pack_that_is_not_json_is_an_error_not_a_panic() {
    let err = Pack::from_json("{\"id\": 3").unwrap_err();
    assert!(err.to_string().starts_with("not a compiled pack:"), "{err}");
}

#[test]
fn questions_appear_only_when_relevant() {
    use umbral::engine::{visible_questions, Value};
    let pack = packs::compile("mx", &packs::builtin(), None).pack.unwrap();
    let ids = |p: &Profile| -> Vec<String> {
        visible_questions(&pack, p)
            .into_iter()
            .map(|q| pack.data.questions[q].id.clone())
            .collect()
    };
    let mut profile = Profile::new("MX");
    assert!(
        !ids(&profile).contains(&"permits".to_string()),
        "permits waits for the sector"
    );
    let sector = umbral::engine::profile::core_field("sector").unwrap();
    profile.set(sector, Some(Value::Choice(0))); // food
    assert!(ids(&profile).contains(&"permits".to_string()));
    profile.set(sector, Some(Value::Choice(3))); // crafts
    assert!(!ids(&profile).contains(&"permits".to_string()));
}

/// Every question a pack asks feeds a rule: a score, a requirement, a pathway's "in use", an
/// entry's conditions or eligibility, another question's condition, or what the roadmap reads
/// by name (where the business is, its goal, what it can spend). A question nothing reads
/// makes the questionnaire longer for nothing.
#[test]
fn every_question_is_read_by_a_rule() {
    use umbral::engine::condition;
    let sources = packs::builtin();
    let mut unused = Vec::new();
    let mut checked = 0;
    for (id, compiled) in packs::compile_all(&sources, None) {
        let Some(pack) = compiled.pack else {
            panic!("pack {id} does not compile")
        };
        if pack.data.country.is_none() {
            continue; // core is not a pack anyone is assessed with
        }
        let d = &pack.data;
        let mut conditions: Vec<&str> = Vec::new();
        conditions.extend(d.scores.iter().map(|s| s.when.as_str()));
        for r in &d.requirements {
            conditions.push(&r.met_when);
            conditions.extend(r.applies_when.as_deref());
        }
        conditions.extend(d.pathways.iter().filter_map(|p| p.in_use_when.as_deref()));
        for e in &d.entries {
            conditions.extend(e.when.as_deref());
            conditions.extend(e.eligible_when.as_deref());
        }
        conditions.extend(d.questions.iter().filter_map(|q| q.show_when.as_deref()));
        let mut read: Vec<String> = [
            "locality",
            "region",
            "goal",
            "payments.monthly_budget",
            "payments.one_off_budget",
        ]
        .map(String::from)
        .to_vec();
        for c in conditions {
            let expr = condition::parse(c, pack.fields()).unwrap();
            read.extend(
                expr.fields()
                    .into_iter()
                    .map(|f| pack.fields()[f].path.clone()),
            );
        }
        for q in &d.questions {
            checked += 1;
            if !read.contains(&q.field) {
                unused.push(format!("{id}: question '{}' ({})", q.id, q.field));
            }
        }
    }
    assert!(checked > 100);
    assert!(
        unused.is_empty(),
        "asked, and read by no rule:\n{}",
        unused.join("\n")
    );
}

/// A country or programme pack rewords a question's options by value, in one line each: the
/// rest of each option, and the options it does not name, stay as they were. An option value
/// the question does not have is an error, since the values are the profile's.
#[test]
fn an_override_rewords_options_by_value_and_adds_none() {
    let header = r#"[pack]
id = "palabras-de-prueba"
version = "2026.12.0"
extends = "mx"
name = { es = "Prueba", en = "Test" }

[[question]]
id = "accepts"
override = true
"#;
    let source = format!(
        "{header}options = [{{ value = \"payment_link\", label = {{ es = \"Link de pago\" }} }}]\n"
    );
    let outcome = umbral::packs::runtime::compile("palabras.toml", &source, None);
    assert_eq!(outcome.diagnostics, "");
    let pack = Pack::from_compact(&outcome.pack.expect("it compiles")).unwrap();
    let accepts = pack
        .data
        .questions
        .iter()
        .find(|q| q.id == "accepts")
        .unwrap();
    let labels: Vec<(&str, &str)> = accepts
        .options
        .iter()
        .map(|o| (o.label.es.as_str(), o.label.en.as_str()))
        .collect();
    assert_eq!(labels[0], ("Efectivo", "Cash"));
    assert_eq!(labels.len(), 5);
    assert_eq!(labels[4], ("Link de pago", "Payment link"));

    let source = format!(
        "{header}options = [{{ value = \"cheque\", label = {{ es = \"Cheque\", en = \"Cheque\" }} }}]\n"
    );
    let outcome = umbral::packs::runtime::compile("palabras.toml", &source, None);
    assert!(outcome.pack.is_none(), "{}", outcome.diagnostics);
    assert!(
        outcome
            .diagnostics
            .contains("question 'accepts' has no option with this value; an override can reword its options, not add any"),
        "{}",
        outcome.diagnostics
    );
}

/// Chile and Bolivia read their own words: none of the Mexican ones the core pack is written
/// in (each country's `words.toml` rewords them), and Bolivia no brand it does not have.
#[test]
fn chile_and_bolivia_read_no_mexican_word() {
    fn spanish<'a>(value: &'a serde_json::Value, path: String, out: &mut Vec<(String, &'a str)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("es", serde_json::Value::String(text)) => out.push((path.clone(), text)),
                        _ => spanish(v, format!("{path}.{key}"), out),
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    spanish(v, format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mexican = [
        "paqueter",
        "liga de pago",
        "no le veo caso",
        "dado de alta",
        "darse de alta",
        "alta ante impuestos",
        "su giro",
    ];
    let sources = packs::builtin();
    for (country, own) in [("cl", &["computadora"][..]), ("bo", &["mercado libre"][..])] {
        let pack = packs::compile(country, &sources, None)
            .pack
            .expect("compiles");
        let data = serde_json::to_value(&pack.data).unwrap();
        let mut texts = Vec::new();
        spanish(&data, String::new(), &mut texts);
        assert!(texts.len() > 300, "{country}: only {} texts", texts.len());
        let found: Vec<String> = texts
            .iter()
            .flat_map(|(path, text)| {
                let lower = text.to_lowercase();
                mexican
                    .iter()
                    .chain(own)
                    .filter(move |w| lower.contains(*w))
                    .map(move |w| format!("{country}{path}: «{w}» in {text:?}"))
            })
            .collect();
        assert!(found.is_empty(), "\n{}", found.join("\n"));
    }
}

/// Syllables of a Spanish word, counted by its vowel groups: a diphthong (a weak vowel, i or u
/// unstressed, beside another vowel) is one; two strong vowels side by side (or a stressed í
/// or ú) are two.
fn syllables(word: &str) -> usize {
    let strong = |c: char| "aeoáéóíú".contains(c);
    let vowel = |c: char| "aeiouáéíóúü".contains(c);
    let letters: Vec<char> = word.to_lowercase().chars().collect();
    let mut count = 0;
    let mut previous: Option<char> = None;
    for &c in &letters {
        match previous {
            // Two strong vowels side by side are two syllables (a hiatus); else one.
            Some(p) if vowel(p) && vowel(c) && strong(p) && strong(c) => count += 1,
            Some(p) if vowel(p) && vowel(c) => {}
            _ if vowel(c) => count += 1,
            _ => {}
        }
        previous = Some(c);
    }
    count.max(1)
}

/// The Fernández-Huerta reading ease of `texts` together (206.84 − 0.60 · syllables per 100
/// words − 1.02 · sentences per 100 words; each text is at least one sentence): 70–80 reads
/// "fairly easy", 60–70 "normal", under 50 "difficult".
fn reading_ease(texts: &[&str]) -> f64 {
    let (mut words, mut syllable_count, mut sentences) = (0usize, 0usize, 0usize);
    for text in texts {
        let list: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        if list.is_empty() {
            continue;
        }
        words += list.len();
        syllable_count += list.iter().map(|w| syllables(w)).sum::<usize>();
        let ends = text
            .split(['.', '?', '!'])
            .filter(|s| s.chars().any(char::is_alphabetic))
            .count();
        sentences += ends.max(1);
    }
    let (words, syllable_count, sentences) =
        (words as f64, syllable_count as f64, sentences as f64);
    206.84 - 0.60 * syllable_count * 100.0 / words - 1.02 * sentences * 100.0 / words
}

#[test]
fn syllables_are_counted_as_spanish_speakers_count_them() {
    for (word, n) in [
        ("celular", 3),
        ("internet", 3),
        ("paquete", 3),
        ("cooperativa", 6),
        ("país", 2),
        ("bueno", 2),
        ("tienda", 2),
        ("aéreo", 4),
        ("día", 2),
        ("Sí", 1),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
}

/// The questions and what the results say is missing read easily in every country: the
/// thresholds (rules/README.md, "Plain words") are the Fernández-Huerta reading ease of each
/// pack's questionnaire together (questions, help, options) at least 60, of its needs' texts
/// together at least 70, and of any one of those texts of ten words or more at least 50.
#[test]
fn questions_and_needs_read_easily() {
    let sources = packs::builtin();
    let mut problems = Vec::new();
    for country in ["mx", "cl", "bo"] {
        let pack = packs::compile(country, &sources, None)
            .pack
            .expect("compiles");
        let d = &pack.data;
        let mut questionnaire: Vec<&str> = Vec::new();
        for q in &d.questions {
            questionnaire.push(&q.text.es);
            questionnaire.extend(q.help.as_ref().map(|h| h.es.as_str()));
            questionnaire.extend(q.options.iter().map(|o| o.label.es.as_str()));
        }
        let needs: Vec<&str> = d
            .requirements
            .iter()
            .map(|r| r.missing.es.as_str())
            .filter(|text| !text.is_empty())
            .collect();
        for (what, texts, floor) in [
            ("questionnaire", &questionnaire, 60.0),
            ("needs", &needs, 70.0),
        ] {
            let ease = reading_ease(texts);
            if ease < floor {
                problems.push(format!(
                    "{country}: the {what} reads at {ease:.1}, under {floor}"
                ));
            }
        }
        for text in questionnaire.iter().chain(&needs) {
            let words = text.split_whitespace().count();
            let ease = reading_ease(&[text]);
            if words >= 10 && ease < 50.0 {
                problems.push(format!("{country}: {text:?} reads at {ease:.1}, under 50"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The short result an owner reads first, as the results screen shows it: the text of its
/// `breve` block (everything before its glossary and "Ver todo").
fn brief_text(pack: &Pack, profile: &Profile, locale: Locale) -> String {
    let html = umbral::app::view::results(
        pack,
        profile,
        locale,
        maud::Markup::default(),
        umbral::app::view::Whys::All,
    )
    .into_string();
    let start = html.find(r#"<div class="breve""#).expect("a short result");
    // It ends where its "¿Qué es…?" (opened on demand) or the rest of the results begins.
    let end = [r#"<details class="glosario""#, r#"id="todo""#]
        .iter()
        .filter_map(|marker| html[start..].find(marker))
        .min()
        .expect("the rest")
        + start;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Issue 15: the short result stays within about 80 words for every example of every pack, in
/// both languages, and reads easily in Spanish (Fernández-Huerta ≥ 60 over all of them
/// together, the questionnaire's floor; the figures are printed).
#[test]
fn the_short_result_is_short_and_reads_easily() {
    const MOST_WORDS: usize = 80;
    let sources = packs::builtin();
    let mut problems = Vec::new();
    let (mut spanish, mut longest, mut count) = (Vec::new(), (0, String::new()), 0);
    for (src, (id, compiled)) in sources.iter().zip(packs::compile_all(&sources, None)) {
        let pack = compiled.pack.unwrap_or_else(|| panic!("{id} compiles"));
        let Some(file) = src.files.iter().find(|f| f.path.ends_with("examples.toml")) else {
            continue;
        };
        let examples: toml::Table = toml::from_str(&file.text).unwrap();
        for case in examples["case"].as_array().unwrap() {
            let json = serde_json::to_value(&case["profile"]).unwrap();
            let profile = Profile::from_value(&json).unwrap();
            for locale in Locale::ALL {
                let text = brief_text(&pack, &profile, locale);
                let words = text
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                count += 1;
                if words > MOST_WORDS {
                    problems.push(format!(
                        "{id} {} ({locale:?}): {words} words: {text}",
                        case["name"].as_str().unwrap_or("?")
                    ));
                }
                if words > longest.0 {
                    longest = (
                        words,
                        format!("{id} {}", case["name"].as_str().unwrap_or("?")),
                    );
                }
                if locale == Locale::Es {
                    spanish.push(text);
                }
            }
        }
    }
    let texts: Vec<&str> = spanish.iter().map(String::as_str).collect();
    let ease = reading_ease(&texts);
    println!(
        "{count} short results; the longest {} words ({}); Spanish reading ease {ease:.1}",
        longest.0, longest.1
    );
    assert!(count >= 40, "only {count} short results");
    assert!(
        ease >= 60.0,
        "the short results read at {ease:.1}, under 60"
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Issue 15: each country's glossary explains only what its texts use (an entry nobody reads
/// is a sign of a renamed term), and every acronym they use has an entry (linking checks that).
#[test]
fn every_glossary_entry_is_used() {
    let sources = packs::builtin();
    for country in ["mx", "cl", "bo"] {
        let pack = packs::compile(country, &sources, None)
            .pack
            .expect("compiles");
        let d = &pack.data;
        assert!(d.terms.len() >= 8, "{country}: {} terms", d.terms.len());
        for term in &d.terms {
            for locale in Locale::ALL {
                let used = d.owner_texts().iter().any(|(section, _, _, text)| {
                    *section != "term"
                        && umbral::engine::glossary::mentions(
                            text.get(locale),
                            term.term.get(locale),
                        )
                });
                assert!(
                    used,
                    "{country}: no text uses {:?} ({locale:?})",
                    term.term.get(locale)
                );
            }
        }
    }
}

/// Issue 15: questions speak to the owner without assuming a man ("¿Está inscrito?",
/// "¿Está listo?"): they ask about the business, or use words that take no gender.
#[test]
fn questions_do_not_assume_the_owner_is_a_man() {
    const MASCULINE: &[&str] = &[
        "inscrito",
        "listo",
        "seguro",
        "interesado",
        "dispuesto",
        "preparado",
        "registrado",
        "obligado",
        "convencido",
        "cansado",
        "ocupado",
    ];
    let sources = packs::builtin();
    let mut found = Vec::new();
    for country in ["mx", "cl", "bo"] {
        let pack = packs::compile(country, &sources, None)
            .pack
            .expect("compiles");
        for q in &pack.data.questions {
            let mut texts = vec![q.text.es.as_str()];
            texts.extend(q.help.as_ref().map(|h| h.es.as_str()));
            texts.extend(q.options.iter().map(|o| o.label.es.as_str()));
            for text in texts {
                let lower = text.to_lowercase();
                // Said of the business ("Su negocio está inscrito") it is the business's gender.
                let of_business = lower.contains("negocio");
                for word in MASCULINE {
                    if !of_business
                        && lower
                            .split(|c: char| !c.is_alphabetic())
                            .any(|w| w == *word)
                    {
                        found.push(format!("{country} {}: «{word}» in {text:?}", q.id));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

/// What a step done changes (its entry's `sets`) surely meets a requirement the entry
/// addresses: linking checks it with every other answer unknown; here it is checked again on
/// every example profile of every shipped pack, as the workspace applies it, through the
/// compact form the pages read (which carries `sets` whole).
#[test]
fn a_done_steps_answers_meet_a_requirement_it_addresses_on_every_example() {
    let sources = packs::builtin();
    let mut checked = 0;
    let mut with_sets = Vec::new();
    for (src, (id, compiled)) in sources.iter().zip(packs::compile_all(&sources, None)) {
        let pack = compiled
            .pack
            .unwrap_or_else(|| panic!("pack {id} compiles"));
        let read = Pack::from_compact(&pack.to_compact_spanish()).unwrap();
        let profiles = packs::examples::profiles(src).unwrap();
        for (e, entry) in read.data.entries.iter().enumerate() {
            assert_eq!(entry.sets, pack.data.entries[e].sets, "{id}: {}", entry.id);
            if entry.sets.is_empty() {
                continue;
            }
            if !with_sets.contains(&entry.id) {
                with_sets.push(entry.id.clone());
            }
            for (name, json) in &profiles {
                let mut profile = Profile::from_value(json).unwrap();
                let changed = read.apply_sets(e, &mut profile);
                assert!(
                    changed
                        .iter()
                        .all(|path| entry.sets.iter().any(|(p, _)| p == path)),
                    "{id}: {} changed {changed:?}",
                    entry.id
                );
                let met = umbral::engine::met_requirements(&read, &profile);
                assert!(
                    entry.addresses.iter().any(|r| met.contains(r)),
                    "{id}: '{}' applied to example {name:?} meets none of {:?}",
                    entry.id,
                    entry.addresses
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked}");
    for expected in [
        "whatsapp-business",
        "facebook-page",
        "celular-usado",
        "cfe-plan-datos",
        "sat-rfc",
        "mercado-pago",
        "qr-simple",
    ] {
        assert!(
            with_sets.contains(&expected.to_string()),
            "{expected} sets nothing"
        );
    }
}

/// Applying `sets` adds set items and never lowers an ordered answer: a profile that already
/// has more keeps it.
#[test]
fn a_done_step_adds_to_answers_and_never_lowers_one() {
    let sources = packs::builtin();
    let pack = packs::compile("mx", &sources, None).pack.unwrap();
    let entry = |id: &str| pack.entry(id).unwrap();
    let mut profile = Profile::from_json(
        r#"{"schema":"umbral.profile/2","country":"MX","presence":{"channels":["facebook"]},
            "formalisation":{"tax_id":"can_invoice"},"skills":{"hours_per_week":10}}"#,
    )
    .unwrap();
    assert_eq!(
        pack.apply_sets(entry("whatsapp-business"), &mut profile),
        ["presence.channels"]
    );
    assert!(pack.apply_sets(entry("sat-rfc"), &mut profile).is_empty());
    assert!(pack
        .apply_sets(entry("set-weekly-hours"), &mut profile)
        .is_empty());
    assert_eq!(
        pack.apply_sets(entry("mercado-pago"), &mut profile),
        ["payments.accepts", "payments.bank_account"]
    );
    let json = profile.to_value();
    assert_eq!(
        json["presence"]["channels"],
        serde_json::json!(["whatsapp_business", "facebook"])
    );
    assert_eq!(json["formalisation"]["tax_id"], "can_invoice");
    assert_eq!(json["skills"]["hours_per_week"], 10);
    assert_eq!(json["payments"]["accepts"], serde_json::json!(["wallet"]));
    // Applied again, nothing changes.
    assert!(pack
        .apply_sets(entry("whatsapp-business"), &mut profile)
        .is_empty());
    // An entry that sets nothing changes nothing.
    assert!(pack
        .apply_sets(entry("capacitate-para-el-empleo"), &mut profile)
        .is_empty());
}

/// A step names its catalogue entry in the hand-off file by the entry's id, which has the form
/// of every id there: every shipped entry can be followed.
#[test]
fn every_catalogue_entry_can_be_followed_by_its_id() {
    let sources = packs::builtin();
    for (id, compiled) in packs::compile_all(&sources, None) {
        for entry in &compiled.pack.unwrap().data.entries {
            assert!(umbral::workspace::is_id(&entry.id), "{id}: {}", entry.id);
        }
    }
}
