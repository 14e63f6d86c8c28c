//! The compact pack form (`Pack::to_compact`, what the browser app loads): every built-in pack
//! reads back to the same pack (but for the entries' `source` and the conditions' source texts,
//! which the format leaves out),
//! scores every snapshot profile to the same report bytes, and a damaged file is refused with
//! the byte where reading stopped, never a panic.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use umbral::engine::compact::COMPACT_HEADER;
use umbral::engine::{assess, Locale, Pack, Profile};
use umbral::packs;

fn builtin_packs() -> Vec<Pack> {
    let sources = packs::builtin();
    packs::compile_all(&sources, None)
        .into_iter()
        .map(|(id, compiled)| {
            compiled
                .pack
                .unwrap_or_else(|| panic!("pack {id} compiles"))
        })
        .collect()
}

fn without_sources(pack: &Pack) -> umbral::engine::PackData {
    let blank = |text: &mut Option<String>| {
        if let Some(text) = text {
            text.clear();
        }
    };
    let mut data = pack.data.clone();
    for score in &mut data.scores {
        score.when.clear();
    }
    for requirement in &mut data.requirements {
        requirement.met_when.clear();
        blank(&mut requirement.applies_when);
    }
    for pathway in &mut data.pathways {
        blank(&mut pathway.in_use_when);
    }
    for entry in &mut data.entries {
        entry.source.clear();
        blank(&mut entry.when);
        blank(&mut entry.eligible_when);
    }
    for question in &mut data.questions {
        blank(&mut question.show_when);
    }
    data
}

#[test]
fn every_builtin_pack_reads_back_the_same() {
    let all = builtin_packs();
    assert!(all.len() >= 5, "core, mx, cl, bo and the example programme");
    for pack in &all {
        let text = pack.to_compact();
        assert!(text.starts_with(COMPACT_HEADER));
        let back = Pack::from_compact(&text)
            .unwrap_or_else(|e| panic!("pack {} reads back: {e}", pack.data.id));
        assert_eq!(back.data, without_sources(pack), "pack {}", pack.data.id);
        assert_eq!(back.fields(), pack.fields(), "pack {}", pack.data.id);
        // Writing what was read gives the same text: nothing else is lost or changed.
        assert_eq!(back.to_compact(), text, "pack {}", pack.data.id);
    }
}

#[test]
fn reports_from_a_compact_pack_are_byte_identical() {
    let all = builtin_packs();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let profiles = std::fs::read_to_string(root.join("tests/reports/profiles.jsonl")).unwrap();
    let expected = std::fs::read_to_string(root.join("tests/reports/expected.jsonl")).unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    let read: Vec<Pack> = all
        .iter()
        .map(|p| Pack::from_compact(&p.to_compact()).unwrap())
        .collect();
    let mut compared = 0;
    for (n, line) in profiles.lines().enumerate() {
        let case: Json = serde_json::from_str(line).unwrap();
        let id = case["pack"].as_str().unwrap();
        let pack = read.iter().find(|p| p.data.id == id).unwrap();
        let locale = Locale::parse(case["locale"].as_str().unwrap()).unwrap();
        let profile = Profile::from_value(&case["profile"]).unwrap();
        assert_eq!(
            assess(pack, &profile, locale).to_json(),
            expected[n],
            "report {}",
            n + 1
        );
        compared += 1;
    }
    assert_eq!(compared, expected.len());
}

#[test]
fn each_language_alone_is_the_same_pack_in_that_language_and_much_smaller() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let profiles = std::fs::read_to_string(root.join("tests/reports/profiles.jsonl")).unwrap();
    for pack in builtin_packs() {
        let whole = pack.to_compact();
        let spanish = pack.to_compact_spanish();
        // Without the English texts: at least 30 % smaller.
        assert!(
            spanish.len() * 10 < whole.len() * 7,
            "pack {}: {} of {} bytes",
            pack.data.id,
            spanish.len(),
            whole.len()
        );
        let read = Pack::from_compact(&spanish)
            .unwrap_or_else(|e| panic!("pack {} reads back in Spanish only: {e}", pack.data.id));
        // Every text is the Spanish one, in both languages; the rest is the same pack.
        let mut spanish_both = serde_json::to_value(without_sources(&pack)).unwrap();
        one_language_everywhere(&mut spanish_both, "es");
        assert_eq!(
            read.data,
            serde_json::from_value(spanish_both).unwrap(),
            "pack {}",
            pack.data.id
        );
        // In English only, every text is the English one.
        let english = Pack::from_compact(&pack.to_compact_english())
            .unwrap_or_else(|e| panic!("pack {} reads back in English only: {e}", pack.data.id));
        let mut english_both = serde_json::to_value(without_sources(&pack)).unwrap();
        one_language_everywhere(&mut english_both, "en");
        assert_eq!(
            english.data,
            serde_json::from_value(english_both).unwrap(),
            "pack {}",
            pack.data.id
        );
        // Reports are byte for byte those of the whole pack, each in its language.
        let whole_read = Pack::from_compact(&whole).unwrap();
        for line in profiles.lines() {
            let case: Json = serde_json::from_str(line).unwrap();
            if case["pack"].as_str() != Some(pack.data.id.as_str()) {
                continue;
            }
            let profile = Profile::from_value(&case["profile"]).unwrap();
            assert_eq!(
                assess(&read, &profile, Locale::Es).to_json(),
                assess(&whole_read, &profile, Locale::Es).to_json()
            );
            assert_eq!(
                assess(&english, &profile, Locale::En).to_json(),
                assess(&whole_read, &profile, Locale::En).to_json()
            );
        }
    }
}

/// Replaces every `{"es": …, "en": …}` text by its `language` text in both languages.
fn one_language_everywhere(value: &mut Json, language: &str) {
    match value {
        Json::Object(map) => {
            if map.len() == 2 && map.contains_key("es") && map.contains_key("en") {
                let text = map[language].clone();
                map.insert("es".into(), text.clone());
                map.insert("en".into(), text);
                return;
            }
            map.values_mut()
                .for_each(|v| one_language_everywhere(v, language));
        }
        Json::Array(items) => items
            .iter_mut()
            .for_each(|v| one_language_everywhere(v, language)),
        _ => {}
    }
}

#[test]
fn a_damaged_pack_is_refused_with_where_reading_stopped() {
    let pack = builtin_packs()
        .into_iter()
        .find(|p| p.data.id == "mx")
        .unwrap();
    let text = pack.to_compact();
    // Cut short anywhere (on character boundaries): refused, never a panic.
    let mut cuts = 0;
    for cut in (0..text.len()).step_by(97) {
        if let Some(short) = text.get(..cut) {
            let error = Pack::from_compact(short).unwrap_err().to_string();
            assert!(error.starts_with("not a compact pack: "), "{error}");
            cuts += 1;
        }
    }
    assert!(cuts > 100);
    // Anything after the end.
    let error = Pack::from_compact(&format!("{text}1,"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        format!(
            "not a compact pack: more after the end of the pack at byte {}",
            text.len()
        )
    );
    // One English text too many: a text that belongs to nothing is refused, not ignored.
    let spanish_len: usize = text[COMPACT_HEADER.len()..]
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let english_at = COMPACT_HEADER.len() + spanish_len.to_string().len() + 1 + spanish_len;
    let (before, rest) = text.split_at(english_at);
    let (english_len, rest) = rest.split_once(',').unwrap();
    let english_len: usize = english_len.parse().unwrap();
    let extra = format!("{before}{},4:more{rest}", english_len + 6);
    assert_eq!(
        Pack::from_compact(&extra).unwrap_err().to_string(),
        format!(
            "not a compact pack: texts that belong to nothing at byte {}",
            extra.len()
        )
    );
    // An id that JSON would have to escape (reports write ids as they are).
    let quoted = text.replacen("12:connectivity", "12:connectivit\"", 1);
    assert_ne!(quoted, text);
    assert_eq!(
        Pack::from_compact(&quoted).unwrap_err().to_string(),
        format!(
            "not a compact pack: an id with a quote, a backslash or a control character at byte {}",
            text.len()
        )
    );
    // A link that opens another site than it shows (user-info before the host): refused
    // on reading as the linker refuses it, so no view ever draws it.
    let url = pack
        .data
        .entries
        .iter()
        .find_map(|e| e.url.clone())
        .unwrap();
    let lookalike = url.replacen("https://", "https://a@", 1);
    let forged = text.replacen(
        &format!("{}:{url}", url.len()),
        &format!("{}:{lookalike}", lookalike.len()),
        1,
    );
    assert_ne!(forged, text);
    assert_eq!(
        Pack::from_compact(&forged).unwrap_err().to_string(),
        format!(
            "not a compact pack: a link that is not a plain https address at byte {}",
            forged.len()
        )
    );
    // Another format.
    assert_eq!(
        Pack::from_compact(&pack.to_json()).unwrap_err().to_string(),
        "not a compact pack: no header line umbral.pack-compact/5 at byte 0"
    );
    // Every digit changed in turn (a sample of them): either refused or read into a pack
    // whose every index is in range, so scoring it never panics.
    let bare = Profile::new("MX");
    let bytes = text.as_bytes();
    for at in (COMPACT_HEADER.len()..bytes.len()).step_by(31) {
        if !bytes[at].is_ascii_digit() {
            continue;
        }
        let mut damaged = bytes.to_vec();
        damaged[at] = if bytes[at] == b'9' {
            b'0'
        } else {
            bytes[at] + 1
        };
        let Ok(damaged) = String::from_utf8(damaged) else {
            continue;
        };
        if let Ok(read) = Pack::from_compact(&damaged) {
            assess(&read, &bare, Locale::Es);
        }
    }
}

/// A file cut inside a language's texts: the section's length, read before its digits, still
/// fits the bytes left, but the section no longer does. Refused at once (it used to move the
/// reader past the end, an arithmetic overflow in debug builds).
#[test]
fn a_pack_cut_inside_its_texts_is_refused_without_reading_past_the_end() {
    let pack = builtin_packs()
        .into_iter()
        .find(|p| p.data.id == "mx")
        .unwrap();
    let text = pack.to_compact();
    let body = &text[COMPACT_HEADER.len()..];
    let comma = body.find(',').unwrap();
    let spanish: usize = body[..comma].parse().unwrap();
    // Cut within the last bytes of the Spanish texts: the length (read before its digits) still
    // fits what is left, the section does not.
    for keep in spanish - comma - 1..spanish {
        let cut = COMPACT_HEADER.len() + comma + 1 + keep;
        let Some(short) = text.get(..cut) else {
            continue;
        };
        let error = Pack::from_compact(short).unwrap_err().to_string();
        assert!(error.starts_with("not a compact pack: "), "{error}");
        if keep == spanish - 1 {
            assert!(
                error.starts_with("not a compact pack: a language's texts cut short"),
                "{error}"
            );
        }
    }
}
