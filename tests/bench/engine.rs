//! Native benchmarks of the engine on the Mexico pack (divan): `assess` alone, with the
//! profile decoded from JSON and the report encoded to JSON, and linking the pack.
//! Run with `make bench` (or `cargo bench --bench engine`); results go in BENCHMARKS.md.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    divan::main();
}

// Benchmarks run natively; on wasm32 this target is an empty program.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::sync::OnceLock;

    use umbral::engine::{assess, assess_json, Locale, Pack, Profile};
    use umbral::packs;

    fn pack() -> &'static Pack {
        static PACK: OnceLock<Pack> = OnceLock::new();
        PACK.get_or_init(|| packs::compile("mx", &packs::builtin(), None).pack.unwrap())
    }

    /// The profiles of `tests/reports/profiles.jsonl` that use the Mexico pack, by name.
    fn profiles() -> Vec<(String, String)> {
        include_str!("../reports/profiles.jsonl")
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|c| c["pack"] == "mx")
            .map(|c| {
                (
                    c["name"].as_str().unwrap().to_string(),
                    c["profile"].to_string(),
                )
            })
            .collect()
    }

    const CASES: &[&str] = &[
        "bare",
        "rural, no bank, no internet",
        "urban food, ready to grow",
        "export-minded mezcal maker",
    ];

    fn profile_json(name: &str) -> String {
        profiles().into_iter().find(|(n, _)| n == name).unwrap().1
    }

    #[divan::bench(args = CASES)]
    fn assess_profile(bencher: divan::Bencher, name: &str) {
        let profile = Profile::from_json(&profile_json(name)).unwrap();
        let pack = pack();
        bencher.bench(|| {
            assess(
                divan::black_box(pack),
                divan::black_box(&profile),
                Locale::Es,
            )
        });
    }

    #[divan::bench(args = CASES)]
    fn json_in_json_out(bencher: divan::Bencher, name: &str) {
        let json = profile_json(name);
        let pack = pack();
        bencher.bench(|| {
            assess_json(divan::black_box(pack), divan::black_box(&json), Locale::Es).unwrap()
        });
    }

    #[divan::bench]
    fn link_compiled_mexico_pack(bencher: divan::Bencher) {
        let json = pack().to_json();
        bencher.bench(|| Pack::from_json(divan::black_box(&json)).unwrap());
    }
}
