//! Throughput of `umbral batch` on one core: JSON Lines in, JSON Lines out. Generates a file of
//! varied Mexican profiles, runs the release binary on it three times and prints the median
//! profiles per second. Run with `make bench` (or `cargo bench --bench batch`).

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

    const PROFILES: usize = 100_000;

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

    pub fn run() {
        let dir = std::env::temp_dir();
        // One file per process: several checkouts on one machine may run this at once.
        let input = dir.join(format!("umbral-batch-bench-{}.jsonl", std::process::id()));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..PROFILES {
            writeln!(file, "{}", profile(&mut rng)).unwrap();
        }
        file.flush().unwrap();
        drop(file);
        let size = std::fs::metadata(&input).unwrap().len();
        println!(
            "batch: {PROFILES} profiles, {:.1} MB of JSON Lines in",
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
        assert_eq!(lines, PROFILES);
        println!(
            "output: {:.1} MB of JSON Lines",
            check.stdout.len() as f64 / 1e6
        );
        drop(check);

        let mut rates = Vec::new();
        for run in 1..=3 {
            let start = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_umbral"))
                .args(["batch", "--output", "jsonl", input.to_str().unwrap()])
                .stdout(std::fs::File::create("/dev/null").unwrap())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            let seconds = start.elapsed().as_secs_f64();
            assert!(status.success(), "batch failed");
            let rate = PROFILES as f64 / seconds;
            println!("run {run}: {seconds:.2} s, {rate:.0} profiles/s");
            rates.push(rate);
        }
        rates.sort_by(f64::total_cmp);
        println!(
            "batch median: {:.0} profiles/s (budget: at least 50000)",
            rates[1]
        );
        std::fs::remove_file(input).ok();
    }
}
