//! Compact packs (`packs/<id>.txt`, what the browser app reads): `Pack::from_compact` must
//! never panic, whatever the bytes. Inputs whose first byte is odd are spliced into the Mexico
//! pack's own compact text (the rest of the input replaces a stretch of it, where the first
//! bytes say), so that the reader gets past the header and deep into a real pack; other
//! inputs go in as text. A pack that reads is scored with a bare and a full profile: the
//! report must not panic either, and it must serialise to what serde_json writes for it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use umbral::engine::{assess, Locale, Pack, Profile};
use umbral::packs;

fn mx() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        packs::compile("mx", &packs::builtin(), None)
            .pack
            .expect("the Mexico pack links")
            .to_compact()
    })
}

fn full() -> &'static Profile {
    static PROFILE: OnceLock<Profile> = OnceLock::new();
    PROFILE.get_or_init(|| {
        Profile::from_json(
            r#"{"schema":"umbral.profile/2","country":"MX","region":"MX-PUE","locality":"rural","sector":"crafts","goal":"sell_nationally","connectivity":{"internet":"mobile_data","devices":["smartphone"]},"skills":{"digital_level":2,"helper":"family_youth","helper_willing":"yes"},"payments":{"bank_account":true,"accepts":["cash"],"monthly_budget":200,"one_off_budget":500},"presence":{"channels":["whatsapp"]},"network":{"association":true}}"#,
        )
        .expect("the sample profile reads")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = match data.split_first() {
        Some((&mode, rest)) if mode & 1 == 1 && rest.len() >= 4 => {
            let base = mx().as_bytes();
            let at = usize::from(u16::from_le_bytes([rest[0], rest[1]])) * base.len() / 65_536;
            let cut = usize::from(rest[2]) % 64;
            let mut bytes = base[..at].to_vec();
            bytes.extend_from_slice(&rest[3..]);
            bytes.extend_from_slice(&base[(at + cut).min(base.len())..]);
            match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => return,
            }
        }
        _ => match std::str::from_utf8(data) {
            Ok(text) => text.to_string(),
            Err(_) => return,
        },
    };
    let Ok(pack) = Pack::from_compact(&text) else {
        return;
    };
    for profile in [Profile::new("MX"), full().clone()] {
        for locale in [Locale::Es, Locale::En] {
            let report = assess(&pack, &profile, locale);
            let serde = serde_json::to_string(&report).expect("reports serialize");
            assert_eq!(report.to_json(), serde, "Report::to_json differs from serde_json");
        }
    }
});
