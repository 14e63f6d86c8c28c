//! Profiles: any bytes (as UTF-8) into `Profile::from_json`. A profile that decodes must
//! round-trip through `to_json` unchanged, `assess` with the Mexico pack must not panic, and
//! the report's hand-written JSON must be the bytes serde_json writes.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use umbral::engine::{assess, check_profile, Locale, Pack, Profile};
use umbral::packs;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| {
        packs::compile("mx", &packs::builtin(), None)
            .pack
            .expect("the mx pack compiles")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = Profile::from_json(text) else {
        return;
    };
    let json = profile.to_json();
    match Profile::from_json(&json) {
        Ok(again) => assert_eq!(again, profile, "round trip changed the profile: {json}"),
        Err(e) => panic!("a decoded profile does not decode from its own JSON {json}: {e}"),
    }
    let pack = pack();
    let _ = check_profile(pack, &profile);
    for locale in [Locale::Es, Locale::En] {
        let report = assess(pack, &profile, locale);
        let serde = serde_json::to_string(&report).expect("reports serialize");
        assert_eq!(
            report.to_json(),
            serde,
            "Report::to_json differs from serde_json"
        );
    }
});
