//! Share links and QR codes (`umbral::share`): round trips, the pinned `p1` format, refusal of
//! every truncated or edited link, inputs that must not panic, and the QR symbol's size.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value as Json};
use umbral::engine::profile::{core_fields, FieldKind, Value, COUNTRIES};
use umbral::engine::{Locale, Profile};
use umbral::share::{decode_link, encode_link, qr_svg_path, LinkError, QR_MAX_BYTES};

/// Every field answered: the longest link without label or `extra`.
const FULL: &str = r#"{"schema":"umbral.profile/1","country":"MX","region":"MX-PUE","locality":"rural",
  "sector":"crafts","size":"micro","goal":"sell_nationally",
  "connectivity":{"internet":"mobile_data","devices":["smartphone","computer","public_access"]},
  "skills":{"digital_level":2,"helper":"family_youth","hours_per_week":168,"reads_english":false},
  "logistics":{"shipping_access":"courier_dropoff","delivers_locally":true,"packaging":true,"perishable":false},
  "payments":{"bank_account":true,"accepts":["cash","transfer","wallet"],"monthly_budget":1250.75},
  "formalisation":{"tax_id":"registered","permits":"not_needed"},
  "presence":{"channels":["whatsapp_business","facebook","instagram","own_store"],"product_photos":true,
    "online_sales_share":15,"inventory":"spreadsheet"},
  "motivation":{"level":5},
  "network":{"association":false,"intermediary":true,"programme":true}}"#;

fn profile(json: &str) -> Profile {
    Profile::from_json(json).unwrap_or_else(|e| panic!("fixture does not decode: {e}"))
}

fn with(base: &str, edit: impl FnOnce(&mut Json)) -> Profile {
    let mut json: Json = serde_json::from_str(base).unwrap();
    edit(&mut json);
    profile(&json.to_string())
}

/// Encodes, checks the text's alphabet, decodes, and checks the same profile came back.
fn round_trip(p: &Profile) -> String {
    let link = encode_link(p);
    assert!(link.starts_with("p2."), "{link}");
    assert!(
        link[3..]
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'),
        "{link}"
    );
    assert_eq!(decode_link(&link).as_ref(), Ok(p), "link {link}");
    link
}

fn fixtures() -> Vec<(&'static str, Profile)> {
    let bare = r#"{"schema":"umbral.profile/1","country":"MX"}"#;
    vec![
        ("bare MX", profile(bare)),
        (
            "bare CL",
            profile(r#"{"schema":"umbral.profile/1","country":"CL"}"#),
        ),
        (
            "bare BO",
            profile(r#"{"schema":"umbral.profile/1","country":"BO"}"#),
        ),
        ("full", profile(FULL)),
        (
            "label with accents and emoji",
            with(FULL, |j| {
                j["label"] = json!("Tejidos Añil — Ñuñoa 🧶🇲🇽 «café»");
            }),
        ),
        (
            "label of 200 characters",
            with(bare, |j| j["label"] = json!("é".repeat(200))),
        ),
        ("empty label", with(bare, |j| j["label"] = json!(""))),
        (
            "extra of every JSON type",
            with(bare, |j| {
                j["extra"] = json!({
                    "": "empty key",
                    "flag": true,
                    "off": false,
                    "count": 42,
                    "big": u64::MAX,
                    "negative": -7,
                    "most_negative": i64::MIN,
                    "float": 2.5,
                    "whole_float": 3.0,
                    "tiny": 1e-300,
                    "text": "sí, 🐝",
                    "empty_list": [],
                    "list": [null, true, 1, -1, 1.5, "a", [[]], {"b": {"c": [false]}, "a": null}],
                });
            }),
        ),
        (
            "region of another country",
            with(bare, |j| j["region"] = json!("CL-RM")),
        ),
        (
            "one-character region",
            with(r#"{"schema":"umbral.profile/1","country":"BO"}"#, |j| {
                j["region"] = json!("BO-L")
            }),
        ),
        (
            "region with digits",
            with(bare, |j| j["region"] = json!("MX-Z09")),
        ),
    ]
}

#[test]
fn fixed_profiles_round_trip() {
    for (name, p) in fixtures() {
        let link = round_trip(&p);
        println!("{name}: {} characters", link.len());
    }
}

#[test]
fn budgets_round_trip_exactly() {
    for budget in [
        0.0,
        0.01,
        0.1,
        0.5,
        1.0,
        99.99,
        250.5,
        1250.75,
        5000.0,
        123_456.78,
        0.001,
        1.0 / 3.0,
        1e-300,
        f64::MIN_POSITIVE,
        9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        1e300,
        f64::MAX,
    ] {
        let p = with(r#"{"schema":"umbral.profile/1","country":"MX"}"#, |j| {
            j["payments"] = json!({ "monthly_budget": budget });
        });
        round_trip(&p);
    }
}

/// Every field of version 2 answered, the new ones included.
const FULL_V2: &str = r#"{"schema":"umbral.profile/2","country":"MX","region":"MX-PUE","locality":"rural",
  "sector":"alcoholic_beverages","size":"micro","goal":"export","owner":{"gender":"woman","age":47},
  "connectivity":{"internet":"mobile_data","devices":["smartphone","public_access"]},
  "skills":{"digital_level":2,"helper":"family_youth","helper_willing":"yes","hours_per_week":6,"reads_english":true},
  "logistics":{"shipping_access":"courier_dropoff","delivers_locally":true,"packaging":false,"perishable":true},
  "payments":{"bank_account":true,"accepts":["cash","wallet"],"monthly_budget":350.5,"one_off_budget":1500},
  "formalisation":{"tax_id":"registered","permits":"pending"},
  "presence":{"channels":["whatsapp_business","facebook","instagram","own_store"],"product_photos":true,
    "online_sales_share":15,"inventory":"spreadsheet"},
  "motivation":{"level":5},
  "network":{"association":false,"intermediary":true,"programme":true,"export_service":false},
  "export":{"protected_origin":true,"origin_certified":false,"exporter_registered":false,"labels_ready":true,"ships_abroad":false}}"#;

#[test]
fn the_fully_answered_link_is_short_and_pinned() {
    let full = profile(FULL_V2);
    let link = round_trip(&full);
    println!("fully answered profile: {} characters: {link}", link.len());
    assert!(link.len() < 120, "{} characters", link.len());
    // The format is public: a change here breaks links already sent. Change the version instead.
    assert_eq!(link, PINNED_V2);
    let labelled = with(FULL_V2, |j| j["label"] = json!("Tejidos Ana"));
    let link = round_trip(&labelled);
    println!("with a label: {} characters", link.len());
    assert_eq!(link, PINNED_V2_LABELLED);
}

const PINNED_V2: &str = "p2.AP______B7slvOICAgIBAwAgAhICAQIGAgn5CjLwLgEBjg8CBAZfjvI";
const PINNED_V2_LABELLED: &str =
    "p2.BP______B7slvOICAgIBAwAgAhICAQIGAgn5CjLwLgEBjg8CBAtUZWppZG9zIEFuYTJLy88";

/// Links written before profiles had version 2 keep opening, as the same answers.
#[test]
fn p1_links_already_sent_keep_opening() {
    assert_eq!(
        decode_link("p1.AP___3-2AbziAgIDAQICFgIBqAECC4knSwEAjg8CBL40U2U"),
        Ok(profile(FULL))
    );
    assert_eq!(
        decode_link("p1.BP___3-2AbziAgIDAQICFgIBqAECC4knSwEAjg8CBAtUZWppZG9zIEFuYXg1Cl0"),
        Ok(with(FULL, |j| j["label"] = json!("Tejidos Ana")))
    );
    // Opened, they are written again as p2, the same answers.
    let again = encode_link(&profile(FULL));
    assert!(again.starts_with("p2."));
    assert_eq!(decode_link(&again), Ok(profile(FULL)));
}

fn field_table(version: u8) -> Vec<String> {
    core_fields()
        .iter()
        .filter(|f| f.since <= version)
        .map(|f| {
            let kind = match &f.kind {
                FieldKind::Choice { values, .. } => format!("choice {}", values.join("|")),
                FieldKind::Set { items } => format!("set {}", items.join("|")),
                FieldKind::Integer { min, max, .. } => format!("integer {min}..={max}"),
                FieldKind::Number { min, .. } => format!("number >= {min}"),
                FieldKind::Bool { .. } => "bool".to_string(),
                FieldKind::Text { max_len } => format!("text {max_len}"),
            };
            format!("{} {kind}", f.path)
        })
        .collect()
}

#[test]
fn the_field_table_is_the_one_p1_was_written_for() {
    // p1 links carry the fields of version 1 in this order with these kinds.
    let expected = [
        "region text 6",
        "locality choice urban|suburban|rural|remote",
        "sector choice food|beverages|alcoholic_beverages|crafts|apparel_footwear|beauty_personal_care|fresh_produce|furniture_home|services|other",
        "size choice solo|micro|small|medium",
        "goal choice get_found|grow_local|sell_nationally|export",
        "connectivity.internet choice none|intermittent|mobile_data|broadband",
        "connectivity.devices set basic_phone|smartphone|computer|tablet|public_access",
        "skills.digital_level integer 0..=4",
        "skills.helper choice none|family_youth|staff|external",
        "skills.hours_per_week integer 0..=168",
        "skills.reads_english bool",
        "logistics.shipping_access choice none|post_office|courier_dropoff|courier_pickup",
        "logistics.delivers_locally bool",
        "logistics.packaging bool",
        "logistics.perishable bool",
        "payments.bank_account bool",
        "payments.accepts set cash|transfer|card|wallet|payment_link",
        "payments.monthly_budget number >= 0",
        "formalisation.tax_id choice none|registered|can_invoice",
        "formalisation.permits choice not_needed|pending|complete",
        "presence.channels set whatsapp|whatsapp_business|facebook|instagram|tiktok|google_business|marketplace|own_store",
        "presence.product_photos bool",
        "presence.online_sales_share integer 0..=100",
        "presence.inventory choice none|paper|spreadsheet|app",
        "motivation.level integer 1..=5",
        "network.association bool",
        "network.intermediary bool",
        "network.programme bool",
    ];
    assert_eq!(field_table(1), expected);
    assert_eq!(COUNTRIES, ["MX", "CL", "BO"]);
}

#[test]
fn the_field_table_is_the_one_p2_was_written_for() {
    // p2 writes fields in this order with these kinds; any change needs a new link version.
    let expected = [
        "region text 6",
        "locality choice urban|suburban|rural|remote",
        "sector choice food|beverages|alcoholic_beverages|crafts|apparel_footwear|beauty_personal_care|fresh_produce|furniture_home|services|other",
        "size choice solo|micro|small|medium",
        "goal choice get_found|grow_local|sell_nationally|export",
        "owner.gender choice woman|man|another",
        "owner.age integer 15..=110",
        "connectivity.internet choice none|intermittent|mobile_data|broadband",
        "connectivity.devices set basic_phone|smartphone|computer|tablet|public_access",
        "skills.digital_level integer 0..=4",
        "skills.helper choice none|family_youth|staff|external",
        "skills.helper_willing choice no|not_asked|yes",
        "skills.hours_per_week integer 0..=168",
        "skills.reads_english bool",
        "logistics.shipping_access choice none|post_office|courier_dropoff|courier_pickup",
        "logistics.delivers_locally bool",
        "logistics.packaging bool",
        "logistics.perishable bool",
        "payments.bank_account bool",
        "payments.accepts set cash|transfer|card|wallet|payment_link",
        "payments.monthly_budget number >= 0",
        "payments.one_off_budget number >= 0",
        "formalisation.tax_id choice none|registered|can_invoice",
        "formalisation.permits choice not_needed|pending|complete",
        "presence.channels set whatsapp|whatsapp_business|facebook|instagram|tiktok|google_business|marketplace|own_store",
        "presence.product_photos bool",
        "presence.online_sales_share integer 0..=100",
        "presence.inventory choice none|paper|spreadsheet|app",
        "motivation.level integer 1..=5",
        "network.association bool",
        "network.intermediary bool",
        "network.programme bool",
        "network.export_service bool",
        "export.protected_origin bool",
        "export.origin_certified bool",
        "export.exporter_registered bool",
        "export.labels_ready bool",
        "export.ships_abroad bool",
    ];
    assert_eq!(field_table(2), expected);
}

#[test]
fn accepted_forms_of_the_same_link() {
    let p = with(FULL, |j| j["label"] = json!("Ana"));
    let link = encode_link(&p);
    for text in [
        link.clone(),
        format!("#{link}"),
        format!("#profile={link}"),
        format!("profile={link}"),
        format!("https://umbral.example/app/?lang=es#{link}"),
        format!("  {link}\n"),
    ] {
        assert_eq!(decode_link(&text).as_ref(), Ok(&p), "{text}");
    }
}

fn err(text: &str) -> LinkError {
    match decode_link(text) {
        Ok(p) => panic!("{text:?} decoded to {}", p.to_json()),
        Err(e) => e,
    }
}

#[test]
fn errors_say_what_is_wrong() {
    let link = encode_link(&profile(FULL));
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "the share link is empty"),
        ("#".into(), "the share link is empty"),
        ("https://umbral.example/#".into(), "the share link is empty"),
        ("p".into(), "the share link is truncated"),
        ("p1".into(), "the share link is truncated"),
        ("p1.".into(), "the share link is truncated"),
        ("p2".into(), "the share link is truncated"),
        ("p2.".into(), "the share link is truncated"),
        (
            "p3.AAAA".into(),
            "unknown share link version 'p3'; expected a link starting with 'p2.' or 'p1.'",
        ),
        (
            "hello there".into(),
            "unknown share link version 'hello there'; expected a link starting with 'p2.' or 'p1.'",
        ),
        (
            "#verylongprefixwithoutadot".into(),
            "unknown share link version 'verylongpref…'; expected a link starting with 'p2.' or 'p1.'",
        ),
        (
            format!("{}%{}", &link[..10], &link[11..]),
            "unexpected character '%' at byte 10 of the share link",
        ),
        (
            format!("#{}ñ", &link[..10]),
            "unexpected character 'ñ' at byte 11 of the share link",
        ),
        (
            link[..link.len() - 1].to_string(),
            "the share link's check does not match: it was truncated or changed",
        ),
        (
            format!("{}A", &link[..link.len() - 1]),
            "the share link's check does not match: it was truncated or changed",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(err(&text).to_string(), expected, "{text:?}");
    }
}

/// Base64url and CRC-32 written out again, independently, to build links the encoder would
/// never write and check that decoding refuses them for the right reason.
fn armour(content: &[u8]) -> String {
    armour_as("p1", content)
}

fn armour_as(version: &str, content: &[u8]) -> String {
    let mut crc = !0u32;
    // p2 checks its version with the content.
    let prefix = if version == "p1" {
        String::new()
    } else {
        format!("{version}.")
    };
    for &b in prefix.as_bytes().iter().chain(content) {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut bytes = content.to_vec();
    bytes.extend_from_slice(&(!crc).to_le_bytes());
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = format!("{version}.");
    for b in bytes {
        bits = bits << 8 | u32::from(b);
        count += 8;
        while count >= 6 {
            count -= 6;
            out.push(char::from(alphabet[(bits >> count & 63) as usize]));
        }
    }
    if count > 0 {
        out.push(char::from(alphabet[(bits << (6 - count) & 63) as usize]));
    }
    out
}

#[test]
fn values_out_of_range_name_their_field() {
    let cases: &[(&[u8], &str)] = &[
        // Country 3 does not exist.
        (
            &[0x03, 0x00],
            "the share link has a value out of range for 'country'",
        ),
        // locality (field 1) = 4: one past "remote".
        (
            &[0x00, 0x02, 0x04],
            "the share link has a value out of range for 'locality'",
        ),
        // skills.digital_level (field 7) = 5.
        (
            &[0x00, 0x80, 0x01, 0x05],
            "the share link has a value out of range for 'skills.digital_level'",
        ),
        // connectivity.devices (field 6) with a sixth item.
        (
            &[0x00, 0x40, 0x20],
            "the share link has a value out of range for 'connectivity.devices'",
        ),
        // A label that is not UTF-8.
        (
            &[0x04, 0x00, 0x01, 0xff],
            "the share link has a value out of range for 'label'",
        ),
        // extra.k = null.
        (
            &[0x08, 0x00, 0x01, 0x01, b'k', 0x00],
            "the share link has a value out of range for 'extra.k'",
        ),
        // A region without its part after the dash.
        (
            &[0x00, 0x01, 0x00],
            "the share link has a value out of range for 'region'",
        ),
        // A region that spells out the country's own letters.
        (
            &[0x00, 0x01, 0x03, b'M', b'X'],
            "the share link has a value out of range for 'region'",
        ),
        // Budget (field 17) as raw bits of 1.0, which has a shorter form.
        (
            &[0x00, 0x80, 0x80, 0x08, 0x02, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f],
            "the share link has a value out of range for 'payments.monthly_budget'",
        ),
        (
            &[0x10, 0x00],
            "the share link is malformed: reserved flag bits are set",
        ),
        (
            &[0x00, 0x80, 0x80, 0x80, 0x80, 0x01],
            "the share link is malformed: the presence bits name fields this version does not know",
        ),
        (
            &[0x00, 0x80, 0x00],
            "the share link is malformed: a number is not in its shortest form",
        ),
        (
            &[0x00, 0x00, 0x00],
            "the share link is malformed: bytes are left over after the profile",
        ),
        (
            &[0x08, 0x00, 0x00],
            "the share link is malformed: an empty `extra` is flagged as present",
        ),
        (
            &[0x08, 0x00, 0x02, 0x01, b'b', 0x01, 0x01, b'a', 0x01],
            "the share link is malformed: the keys of `extra` are out of order",
        ),
        // reads_english (field 10) answered, with a stray bit beside its value.
        (
            &[0x00, 0x80, 0x08, 0x03],
            "the share link is malformed: unused bits of the yes/no answers are set",
        ),
        (&[0x04, 0x00, 0x05, b'a'], "the share link is truncated"),
        (&[0x08, 0x00, 0x7f], "the share link is truncated"),
    ];
    for (content, expected) in cases {
        let text = armour(content);
        assert_eq!(err(&text).to_string(), *expected, "{content:02x?}");
    }
    // p2 counts its fields over the version-2 table.
    let cases: &[(&[u8], &str)] = &[
        // skills.helper_willing (field 11) = 3: one past "yes".
        (
            &[0x00, 0x80, 0x10, 0x03],
            "the share link has a value out of range for 'skills.helper_willing'",
        ),
        // owner.age (field 6) = 15 + 96.
        (
            &[0x00, 0x40, 0x60],
            "the share link has a value out of range for 'owner.age'",
        ),
        // A 39th field.
        (
            &[0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x08],
            "the share link is malformed: the presence bits name fields this version does not know",
        ),
    ];
    for (content, expected) in cases {
        let text = armour_as("p2", content);
        assert_eq!(err(&text).to_string(), *expected, "{content:02x?}");
    }
    // The same bytes mean other fields in p1: field 6 there is connectivity.devices.
    assert_eq!(
        err(&armour(&[0x00, 0x40, 0x60])).to_string(),
        "the share link has a value out of range for 'connectivity.devices'"
    );
    // The armour above is the real one: a valid content decodes.
    assert_eq!(decode_link(&armour(&[0x01, 0x00])), Ok(Profile::new("CL")));
}

#[test]
fn messages_for_people_are_short_sentences() {
    let corrupt = err("p1.AAAAAAAAAA");
    assert_eq!(
        corrupt.message(Locale::Es),
        "Este enlace está incompleto o fue modificado. Pida que se lo envíen de nuevo."
    );
    assert_eq!(
        corrupt.message(Locale::En),
        "This link is incomplete or was changed. Ask for it to be sent again."
    );
    let newer = err("p3.AAAA");
    assert!(newer.message(Locale::Es).contains("otra versión"));
    assert!(newer.message(Locale::En).contains("another version"));
}

/// Every link text that differs from `link` in one character, or is a prefix of it.
fn corruptions(link: &str) -> impl Iterator<Item = String> + '_ {
    const REPLACEMENTS: &str =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.# %ñ\0";
    let substitutions = (0..link.len()).flat_map(move |i| {
        REPLACEMENTS
            .chars()
            .filter(move |&c| !link[i..].starts_with(c))
            .map(move |c| format!("{}{c}{}", &link[..i], &link[i + 1..]))
    });
    let truncations = (0..link.len()).map(move |n| link[..n].to_string());
    substitutions.chain(truncations)
}

#[test]
fn every_single_character_change_or_truncation_is_refused() {
    let mut checked = 0;
    for (name, p) in fixtures() {
        let link = encode_link(&p);
        for bad in corruptions(&link) {
            // A character that only adds an accepted form ("#" first, spaces around) is not a
            // change; anything else must be refused.
            if let Ok(q) = decode_link(&bad) {
                assert!(
                    bad.trim() == link || bad.trim_start_matches('#') == link,
                    "{name}: {bad:?} decoded to {}",
                    q.to_json()
                );
                assert_eq!(q, p);
            }
            checked += 1;
        }
    }
    println!("{checked} corrupted links refused");
}

#[test]
fn garbage_never_panics() {
    let samples = [
        "p1.",
        "p1.A",
        "p1.AA",
        "p1.AAA",
        "p1.AAAA",
        "p1.____",
        "p1.-",
        "#p1.",
        "##p1.AAAA",
        "profile=",
        "profile=p1.",
        "p1.p1.AAAA",
        "\u{0}",
        "🧶",
        "p1.🧶",
        "p1.AAAAAAA\u{301}",
    ];
    for s in samples {
        assert!(decode_link(s).is_err(), "{s:?}");
    }
}

#[test]
fn qr_symbol_fits_a_typical_link_deterministically() {
    let url = format!(
        "https://umbral.example/#{}",
        encode_link(&with(FULL, |j| j["label"] = json!("Tejidos Ana")))
    );
    let (side, path) = qr_svg_path(&url).expect("a link fits");
    // 91 bytes in byte mode at level M: version 5 holds 84, version 6 holds 106. A version-v
    // symbol is 17 + 4v modules per side; the quiet zone adds 8.
    assert_eq!(url.len(), 91);
    assert_eq!(side, 17 + 4 * 6 + 8);
    assert_eq!(qr_svg_path(&url), Some((side, path.clone())));
    // Every run sits inside the symbol, off the quiet zone.
    for run in path.split('z').filter(|s| !s.is_empty()) {
        let (xy, rest) = run[1..].split_once('h').unwrap();
        let (x, y) = xy.split_once(',').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        assert_eq!(rest, format!("{n}v1h-{n}"));
        assert!(
            x >= 4 && y >= 4 && x + n <= side - 4 && y < side - 4,
            "{run}"
        );
    }
    // The finder pattern's top row: seven dark modules from the corner of the symbol.
    assert!(path.starts_with("M4,4h7v1h-7z"), "{}", &path[..40]);
    println!("QR for a {}-byte link: {side} modules per side", url.len());
}

#[test]
fn qr_versions_grow_with_the_text_and_stop_at_capacity() {
    // Byte-mode capacities at level M of versions 1, 2 and 40.
    for (len, version) in [(0, 1), (14, 1), (15, 2), (26, 2), (QR_MAX_BYTES, 40)] {
        let (side, _) = qr_svg_path(&"a".repeat(len)).expect("fits");
        assert_eq!(side, 17 + 4 * version + 8, "{len} bytes");
    }
    assert_eq!(qr_svg_path(&"a".repeat(QR_MAX_BYTES + 1)), None);
    assert_eq!(qr_svg_path(&"a".repeat(1_000_000)), None);
    // Multibyte text counts in bytes.
    assert!(qr_svg_path(&"ñ".repeat(QR_MAX_BYTES / 2)).is_some());
    assert_eq!(qr_svg_path(&"ñ".repeat(QR_MAX_BYTES / 2 + 1)), None);
}

// Random profiles, in the spirit of tests/properties.rs but covering every value a valid
// profile can hold: any country, label, region, amount and JSON under `extra`.

fn region() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(None), "[A-Z]{2}".prop_map(Some),],
        "[A-Z0-9]{1,3}",
    )
        .prop_map(|(prefix, suffix)| format!("{}-{suffix}", prefix.unwrap_or_default()))
}

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u64..100_000).prop_map(|n| n as f64),
        (0u64..10_000_000).prop_map(|h| h as f64 / 100.0),
        any::<f64>().prop_filter("a valid amount", |n| n.is_finite() && *n >= 0.0),
        Just(0.0),
    ]
}

fn value(kind: &FieldKind) -> BoxedStrategy<Value> {
    match kind.clone() {
        FieldKind::Choice { values, .. } => (0..values.len() as u8).prop_map(Value::Choice).boxed(),
        FieldKind::Set { items } => (0..(1u32 << items.len())).prop_map(Value::Set).boxed(),
        FieldKind::Integer { min, max, .. } => (min..=max).prop_map(Value::Int).boxed(),
        FieldKind::Number { .. } => amount().prop_map(Value::Num).boxed(),
        FieldKind::Bool { .. } => any::<bool>().prop_map(Value::Bool).boxed(),
        FieldKind::Text { .. } => region().prop_map(Value::Text).boxed(),
    }
}

fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<u64>().prop_map(Json::from),
        any::<i64>().prop_map(Json::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Json::from),
        ".{0,12}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..5)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

fn extra() -> impl Strategy<Value = Vec<(String, Json)>> {
    prop::collection::vec(
        (
            "[a-z_]{0,10}|.{0,4}",
            json_value().prop_filter("not null or an object", |v| {
                !matches!(v, Json::Null | Json::Object(_))
            }),
        ),
        0..4,
    )
}

fn any_profile() -> impl Strategy<Value = Profile> {
    let answers: Vec<BoxedStrategy<Option<Value>>> = core_fields()
        .iter()
        .map(|f| proptest::option::weighted(0.7, value(&f.kind)).boxed())
        .collect();
    (
        prop::sample::select(COUNTRIES),
        proptest::option::of(".{0,200}"),
        answers,
        extra(),
    )
        .prop_map(|(country, label, answers, extra)| {
            let mut p = Profile::new(country);
            p.label = label;
            for (i, a) in answers.into_iter().enumerate() {
                // A region without letters before the dash is in the profile's own country.
                let a = match a {
                    Some(Value::Text(r)) if r.starts_with('-') => {
                        Some(Value::Text(format!("{country}{r}")))
                    }
                    a => a,
                };
                p.set(i, a);
            }
            p.extra = extra.into_iter().collect();
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_profiles_round_trip(p in any_profile()) {
        let link = encode_link(&p);
        prop_assert_eq!(decode_link(&link), Ok(p.clone()));
        // The generator makes only valid profiles: their JSON reads back as the same profile.
        prop_assert_eq!(Profile::from_json(&p.to_json()), Ok(p));
    }

    #[test]
    fn random_single_changes_are_refused(
        p in any_profile(),
        at in any::<prop::sample::Index>(),
        c in prop::sample::select(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".chars().collect::<Vec<_>>()
        ),
    ) {
        let link = encode_link(&p);
        let i = 3 + at.index(link.len() - 3);
        prop_assume!(link.as_bytes()[i] != c as u8);
        let bad = format!("{}{c}{}", &link[..i], &link[i + 1..]);
        prop_assert!(decode_link(&bad).is_err(), "{} decoded", bad);
    }

    /// `Profile::from_json_fast` (what `umbral batch` reads JSON Lines with) reads every
    /// valid profile without an `extra` object exactly as `from_json` does.
    #[test]
    fn the_fast_reader_reads_valid_profiles_as_from_json_does(p in any_profile()) {
        let text = p.to_json();
        let fast = Profile::from_json_fast(&text);
        if p.extra.is_empty() {
            prop_assert_eq!(fast, Some(p));
        } else {
            prop_assert_eq!(fast, None);
        }
    }

    /// A profile's JSON with one byte changed or cut: the fast reader gives up, or reads what
    /// `from_json` reads; it never accepts what `from_json` refuses.
    #[test]
    fn the_fast_reader_never_accepts_what_from_json_refuses(
        p in any_profile(),
        at in any::<prop::sample::Index>(),
        c in prop::sample::select(" \"{}[],:0123456789.-eEtrufalsnMXCLBO_abcxyz\\".chars().collect::<Vec<_>>()),
        cut in any::<bool>(),
    ) {
        let text = p.to_json();
        let i = at.index(text.len());
        prop_assume!(text.is_char_boundary(i) && text.is_char_boundary(i + 1));
        let changed = if cut {
            text[..i].to_string()
        } else {
            format!("{}{c}{}", &text[..i], &text[i + 1..])
        };
        if let Some(fast) = Profile::from_json_fast(&changed) {
            prop_assert_eq!(Profile::from_json(&changed), Ok(fast));
        }
    }

    #[test]
    fn any_text_is_refused_or_decoded_without_panicking(text in ".{0,80}") {
        let _ = decode_link(&text);
        let _ = decode_link(&format!("p1.{text}"));
    }

    /// Bytes with a valid check: the decoder's own checks must hold, and whatever it accepts
    /// must be exactly what the encoder writes for that profile (one link per profile).
    #[test]
    fn checked_random_bytes_decode_canonically_or_not_at_all(
        content in prop::collection::vec(any::<u8>(), 0..48),
    ) {
        let text = armour(&content);
        if let Ok(p) = decode_link(&text) {
            prop_assert_eq!(encode_link(&p), text);
        }
    }

    /// Small edits to real links, re-checked so they reach the parser behind the checksum.
    #[test]
    fn checked_edits_of_real_links_decode_canonically_or_not_at_all(
        p in any_profile(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..4),
    ) {
        let link = encode_link(&p);
        let bytes = base64url(&link[3..]);
        let mut content = bytes[..bytes.len() - 4].to_vec();
        for (at, byte, kind) in edits {
            let i = at.index(content.len() + 1);
            match kind {
                0 if i < content.len() => content[i] = byte,
                1 => content.insert(i, byte),
                _ if i < content.len() => { content.remove(i); }
                _ => {}
            }
        }
        let text = armour(&content);
        if let Ok(q) = decode_link(&text) {
            prop_assert_eq!(encode_link(&q), text);
        }
    }
}

/// Decodes canonical base64url (test helper; the links come from the encoder).
fn base64url(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut bits = 0u32;
    let mut count = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            _ => 63,
        };
        bits = bits << 6 | u32::from(v);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

/// Every snapshot profile and every example profile of the packs is plain: the fast reader
/// reads each, as `from_json` does (so `umbral batch` takes the fast way for them).
#[test]
fn the_fast_reader_reads_every_sample_profile() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    let snapshots = std::fs::read_to_string(root.join("tests/reports/profiles.jsonl")).unwrap();
    for line in snapshots.lines() {
        let case: Json = serde_json::from_str(line).unwrap();
        texts.push(case["profile"].to_string());
    }
    for pack in ["mx", "cl", "bo"] {
        let path = root.join("rules").join(pack).join("examples.toml");
        let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for case in table["case"].as_array().unwrap() {
            texts.push(serde_json::to_string(&case["profile"]).unwrap());
        }
    }
    assert!(texts.len() > 40);
    for text in &texts {
        let slow = Profile::from_json(text).unwrap();
        assert_eq!(
            Profile::from_json_fast(text).as_ref(),
            Some(&slow),
            "{text}"
        );
        // Read as version 1, a profile with a newer field is refused by both.
        let v1 = text.replace("umbral.profile/2", "umbral.profile/1");
        assert_eq!(
            Profile::from_json_fast(&v1),
            Profile::from_json(&v1).ok(),
            "{v1}"
        );
        // Given twice, a key sends the reader the long way.
        let twice = format!("{{\"country\":\"MX\",{}", &text[1..]);
        assert_eq!(Profile::from_json_fast(&twice), None, "{twice}");
    }
}
