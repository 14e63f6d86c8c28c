//! Pack sources: the fuzz input is the text of one TOML file in a pack folder.
//!
//! - If the text has a `[pack]` header it is that folder's `pack.toml` (any id, any `extends`:
//!   cycles, duplicate ids and unknown packs included).
//! - Otherwise it is a second file, `fuzz.toml`, in a folder whose fixed `pack.toml` extends
//!   `mx`: new items, overrides of mx/core items, broken TOML.
//!
//! `packs::compile` must never panic; when it gives a pack, `assess` on a bare and on a full
//! profile must not panic either, the report's hand-written JSON must be the bytes serde_json
//! writes (pack texts are arbitrary here, so this checks escaping), and the compiled pack must
//! link again from its own JSON (what the browser app receives).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use umbral::engine::{assess, check_profile, visible_questions, Locale, Profile};
use umbral::packs::{self, PackSource, SourceFile};

const PACK_TOML: &str = r#"[pack]
id = "fuzz"
version = "0.0.1"
extends = "mx"
name = { es = "Fuzz", en = "Fuzz" }
"#;

const FULL_PROFILE: &str = r#"{"schema":"umbral.profile/1","country":"MX","region":"MX-GUA","locality":"urban","sector":"food","size":"micro","goal":"sell_nationally","connectivity":{"internet":"broadband","devices":["smartphone","computer"]},"skills":{"digital_level":3,"helper":"staff","hours_per_week":10},"logistics":{"shipping_access":"courier_dropoff","delivers_locally":true,"packaging":true,"perishable":false},"payments":{"bank_account":true,"accepts":["cash","transfer"],"monthly_budget":300},"formalisation":{"tax_id":"registered","permits":"pending"},"presence":{"channels":["whatsapp_business","facebook"],"product_photos":true,"online_sales_share":25,"inventory":"spreadsheet"},"motivation":{"level":5},"network":{"association":true,"intermediary":false,"programme":false}}"#;

struct Fixed {
    builtin: Vec<PackSource>,
    profiles: Vec<Profile>,
}

fn fixed() -> &'static Fixed {
    static FIXED: OnceLock<Fixed> = OnceLock::new();
    FIXED.get_or_init(|| {
        let full = Profile::from_json(FULL_PROFILE).expect("the full profile decodes");
        Fixed {
            builtin: packs::builtin(),
            profiles: vec![Profile::new("MX"), full],
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fixed = fixed();
    let mut sources = fixed.builtin.clone();
    let files = if text.contains("[pack]") {
        vec![SourceFile {
            path: "rules/fuzz/pack.toml".into(),
            text: text.into(),
        }]
    } else {
        vec![
            SourceFile {
                path: "rules/fuzz/pack.toml".into(),
                text: PACK_TOML.into(),
            },
            SourceFile {
                path: "rules/fuzz/fuzz.toml".into(),
                text: text.into(),
            },
        ]
    };
    sources.push(PackSource {
        dir: "rules/fuzz".into(),
        files,
    });
    let id = packs::pack_ids(&sources).pop().expect("the fuzz folder");
    let compiled = packs::compile(&id, &sources, None);
    for d in &compiled.diagnostics {
        let _ = d.to_string();
    }
    let Some(pack) = compiled.pack else {
        return;
    };
    for profile in &fixed.profiles {
        let _ = check_profile(&pack, profile);
        let _ = visible_questions(&pack, profile);
        for locale in [Locale::Es, Locale::En] {
            let report = assess(&pack, profile, locale);
            let json = report.to_json();
            let serde = serde_json::to_string(&report).expect("reports serialize");
            assert_eq!(json, serde, "Report::to_json differs from serde_json");
        }
    }
    let json = pack.to_json();
    if let Err(e) = umbral::engine::Pack::from_json(&json) {
        panic!("a compiled pack does not link from its own JSON: {e:?}");
    }
});
