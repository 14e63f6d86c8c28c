//! Throughput of `umbral batch` on one core: JSON Lines in, JSON Lines out, on two files:
//!
//! - **generated**: 100,000 varied Mexican profiles, every field of version 1 answered;
//! - **realistic mix**: the packs' own examples and the field study's cases (every
//!   `rules/{mx,cl,bo}/examples.toml` profile and `tests/reports/profiles.jsonl`, three
//!   countries, from a bare profile to a would-be exporter), repeated to 100,000 lines.
//!
//! For each, it runs the release binary five times and prints the median (and best) profiles
//! per second.
//! Run with `make bench` (or `cargo bench --bench batch`).

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}

// Benchmarks run natively; on wasm32 this target is an empty program.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::time::Instant;

    /// Whether this is `cargo bench` (which passes `--bench`). `cargo test --all-targets` runs
    /// this target too, unoptimised: then it only checks that the benchmark works, on a small
    /// sample with one timed run, and its figures mean nothing.
    fn full() -> bool {
        std::env::args().any(|a| a == "--bench")
    }

    /// How many profiles each measurement scores.
    fn profiles() -> usize {
        if full() {
            100_000
        } else {
            2_000
        }
    }

    /// A deterministic pseudo-random sequence (xorshift), so every run scores the same file.
    struct Rng(u64);

    impl Rng {
        fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            list[(self.0 % list.len() as u64) as usize]
        }
    }

    fn profile(rng: &mut Rng) -> String {
        format!(
            r#"{{"schema":"umbral.profile/1","country":"MX","locality":"{}","sector":"{}","goal":"{}","connectivity":{{"internet":"{}","devices":[{}]}},"skills":{{"digital_level":{},"helper":"{}","hours_per_week":{}}},"logistics":{{"shipping_access":"{}","delivers_locally":{},"packaging":{}}},"payments":{{"bank_account":{},"accepts":["cash"{}],"monthly_budget":{}}},"formalisation":{{"tax_id":"{}","permits":"{}"}},"presence":{{"channels":[{}],"product_photos":{},"inventory":"{}"}},"motivation":{{"level":{}}},"network":{{"association":{},"intermediary":{}}}}}"#,
            rng.pick(&["urban", "suburban", "rural", "remote"]),
            rng.pick(&[
                "food",
                "crafts",
                "apparel_footwear",
                "fresh_produce",
                "services",
                "alcoholic_beverages"
            ]),
            rng.pick(&["get_found", "grow_local", "sell_nationally", "export"]),
            rng.pick(&["none", "intermittent", "mobile_data", "broadband"]),
            rng.pick(&[
                "",
                "\"basic_phone\"",
                "\"smartphone\"",
                "\"smartphone\",\"computer\""
            ]),
            rng.pick(&["0", "1", "2", "3", "4"]),
            rng.pick(&["none", "family_youth", "staff"]),
            rng.pick(&["0", "2", "5", "10"]),
            rng.pick(&["none", "post_office", "courier_dropoff", "courier_pickup"]),
            rng.pick(&["true", "false"]),
            rng.pick(&["true", "false"]),
            rng.pick(&["true", "false"]),
            rng.pick(&["", ",\"transfer\"", ",\"card\",\"wallet\""]),
            rng.pick(&["0", "100", "500", "2000"]),
            rng.pick(&["none", "registered", "can_invoice"]),
            rng.pick(&["not_needed", "pending", "complete"]),
            rng.pick(&[
                "",
                "\"whatsapp\"",
                "\"whatsapp_business\",\"facebook\"",
                "\"marketplace\""
            ]),
            rng.pick(&["true", "false"]),
            rng.pick(&["none", "paper", "spreadsheet"]),
            rng.pick(&["1", "2", "3", "4", "5"]),
            rng.pick(&["true", "false"]),
            rng.pick(&["true", "false"]),
        )
    }

    /// The realistic mix: every example profile of the country packs and every snapshot
    /// profile (the field study's cases among them), in file order.
    fn realistic_mix() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for pack in ["mx", "cl", "bo"] {
            let path = root.join("rules").join(pack).join("examples.toml");
            let text = std::fs::read_to_string(path).unwrap();
            let table: toml::Table = toml::from_str(&text).unwrap();
            for case in table["case"].as_array().unwrap() {
                out.push(serde_json::to_string(&case["profile"]).unwrap());
            }
        }
        let snapshots = std::fs::read_to_string(root.join("tests/reports/profiles.jsonl")).unwrap();
        for line in snapshots.lines() {
            let case: serde_json::Value = serde_json::from_str(line).unwrap();
            out.push(case["profile"].to_string());
        }
        out
    }

    pub fn run() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let generated: Vec<String> = (0..profiles()).map(|_| profile(&mut rng)).collect();
        measure("generated", &generated);
        let mix = realistic_mix();
        let repeated: Vec<String> = mix.iter().cycle().take(profiles()).cloned().collect();
        println!("realistic mix: {} distinct profiles, repeated", mix.len());
        measure("realistic mix", &repeated);
    }

    fn measure(name: &str, profiles: &[String]) {
        let dir = std::env::temp_dir();
        // One file per process: several checkouts on one machine may run this at once.
        let input = dir.join(format!("umbral-batch-bench-{}.jsonl", std::process::id()));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        for p in profiles {
            writeln!(file, "{p}").unwrap();
        }
        file.flush().unwrap();
        drop(file);
        let size = std::fs::metadata(&input).unwrap().len();
        let count = profiles.len();
        println!(
            "batch, {name}: {count} profiles, {:.1} MB of JSON Lines in",
            size as f64 / 1e6
        );

        // The output goes to /dev/null so the figure is the batch command's own work, not a
        // pipe's; a first, shorter run checks that every profile gets its line.
        let check = Command::new(env!("CARGO_BIN_EXE_umbral"))
            .args(["batch", "--output", "jsonl", input.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .output()
            .unwrap();
        assert!(check.status.success(), "batch failed");
        let lines = check.stdout.iter().filter(|&&b| b == b'\n').count();
        assert_eq!(lines, count);
        println!(
            "output: {:.1} MB of JSON Lines ({:.1} KB a report)",
            check.stdout.len() as f64 / 1e6,
            check.stdout.len() as f64 / count as f64 / 1e3
        );
        drop(check);

        // Five runs: the machine is shared, and single runs vary by a fifth.
        let runs = if full() { 5 } else { 1 };
        let mut rates = Vec::new();
        for run in 1..=runs {
            let start = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_umbral"))
                .args(["batch", "--output", "jsonl", input.to_str().unwrap()])
                .stdout(std::fs::File::create("/dev/null").unwrap())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            let seconds = start.elapsed().as_secs_f64();
            assert!(status.success(), "batch failed");
            let rate = count as f64 / seconds;
            println!("run {run}: {seconds:.2} s, {rate:.0} profiles/s");
            rates.push(rate);
        }
        rates.sort_by(f64::total_cmp);
        if full() {
            println!(
                "batch median, {name}: {:.0} profiles/s, best {:.0} (budget: at least 50000)",
                rates[runs / 2],
                rates[runs - 1]
            );
        } else {
            println!("batch, {name}: checked (a debug build's timing; `cargo bench --bench batch` measures)");
        }
        std::fs::remove_file(input).ok();
    }
}
