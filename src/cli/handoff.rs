//! `umbral handoff`: hand-off files (`umbral.handoff/3`; versions 2 and 1 read too) on the
//! command line: check one, merge two (written as version 3), write the CSV of latest reports
//! (with cohort tags and steps followed), show the progress between an enterprise's visits.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use super::{bullet, describe, open_input, write_error, Failure, Lang, Library};
use crate::engine::{self, Locale, Pack, Profile};
use crate::workspace::{self, csv, handoff, progress, Enterprise};

#[derive(Subcommand, Debug)]
pub(super) enum Action {
    /// Check a hand-off file and say what it holds; every problem is listed with its place.
    Check {
        /// The file; '-' or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Merge file B into file A: new enterprises and visits are added, nothing is duplicated,
    /// and visits changed on both sides are kept twice. Prints what changed on stderr.
    Merge {
        a: PathBuf,
        b: PathBuf,
        /// Where to write the merged file; nothing writes it to standard output.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Language of the summary.
        #[arg(long, value_enum, default_value = "es")]
        lang: Lang,
    },
    /// The latest report of each enterprise as CSV (columns: www/spec/csv.md).
    Csv {
        #[arg(long, value_enum, default_value = "comma")]
        separator: Separator,
        /// The file; '-' or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// What changed between an enterprise's two latest visits, as JSON (with the later visit's
    /// outcomes and the steps still open, when there are).
    Progress {
        /// The enterprise's id.
        #[arg(long)]
        enterprise: String,
        #[arg(long, value_enum, default_value = "es")]
        lang: Lang,
        /// The file; '-' or nothing reads standard input.
        file: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(super) enum Separator {
    Comma,
    Semicolon,
}

pub(super) fn run(action: Action, out: &mut dyn Write) -> Result<u8, Failure> {
    match action {
        Action::Check { file } => {
            let file = file.as_deref();
            let h = read(file)?;
            let visits: usize = h.enterprises.iter().map(|e| e.visits.len()).sum();
            let conflicts: usize = h
                .enterprises
                .iter()
                .flat_map(|e| &e.visits)
                .filter(|v| v.conflict_of.is_some())
                .count();
            let steps: usize = h.enterprises.iter().map(|e| e.steps.len()).sum();
            let open: usize = h.enterprises.iter().map(|e| e.open_steps().len()).sum();
            writeln!(
                out,
                "{}: {}, written by Umbral {} at {}: {} enterprise(s), {} visit(s){}{}",
                describe(file),
                h.schema,
                h.app_version,
                h.exported_at,
                h.enterprises.len(),
                visits,
                if steps > 0 {
                    format!(", {steps} step(s) followed ({open} open)")
                } else {
                    String::new()
                },
                if conflicts > 0 {
                    format!(", {conflicts} second version(s) of visits changed on two devices")
                } else {
                    String::new()
                }
            )
            .map_err(write_error)?;
            Ok(0)
        }
        Action::Merge {
            a,
            b,
            out: to,
            lang,
        } => {
            let mut local = read(Some(&a))?.enterprises;
            let incoming = read(Some(&b))?.enterprises;
            let report = workspace::merge(&mut local, incoming);
            let text = handoff::encode(&local, &now()?);
            match &to {
                Some(path) => fs::write(path, &text)
                    .map_err(|e| Failure::io(format!("cannot write {}: {e}", path.display())))?,
                None => out.write_all(text.as_bytes()).map_err(write_error)?,
            }
            eprintln!("{}", report.summary(lang.into()));
            Ok(0)
        }
        Action::Csv { separator, file } => {
            let enterprises = read(file.as_deref())?.enterprises;
            let packs = packs_for(&enterprises)?;
            let lookup = |country: &str| {
                packs
                    .iter()
                    .find(|(c, _)| c == country)
                    .map(|(_, pack)| pack)
            };
            let separator = match separator {
                Separator::Comma => csv::Separator::Comma,
                Separator::Semicolon => csv::Separator::Semicolon,
            };
            let text = csv::latest_reports(&enterprises, &lookup, separator)
                .map_err(|e| Failure::invalid(e.to_string()))?;
            out.write_all(text.as_bytes()).map_err(write_error)?;
            Ok(0)
        }
        Action::Progress {
            enterprise,
            lang,
            file,
        } => {
            let enterprises = read(file.as_deref())?.enterprises;
            let Some(e) = enterprises.iter().find(|e| e.id == enterprise) else {
                return Err(Failure::invalid(format!(
                    "no enterprise '{enterprise}' in {}",
                    describe(file.as_deref())
                )));
            };
            let visits = e.visits_in_order();
            let [.., before, after] = visits[..] else {
                return Err(Failure::invalid(format!(
                    "enterprise '{enterprise}' has {} visit(s); progress needs two",
                    visits.len()
                )));
            };
            let packs = packs_for(std::slice::from_ref(e))?;
            let pack = &packs[0].1;
            let locale: Locale = lang.into();
            let score = |v: &workspace::Visit| {
                let profile = Profile::from_value(&v.profile).expect("checked when read");
                engine::assess(pack, &profile, locale)
            };
            let (r1, r2) = (score(before), score(after));
            let p = progress::compare(&r1, &r2);
            let mut json = serde_json::json!({
                "enterprise": e.id,
                "before": before.date,
                "after": after.date,
                "progress": p,
            });
            // What the later visit found, and the steps the next visit opens with.
            if let Some(outcomes) = &after.outcomes {
                json["outcomes"] = serde_json::to_value(outcomes).expect("outcomes serialize");
            }
            let open = e.open_steps();
            if !open.is_empty() {
                json["open_steps"] = serde_json::to_value(&open).expect("steps serialize");
            }
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json).expect("progress serializes")
            )
            .map_err(write_error)?;
            Ok(0)
        }
    }
}

/// Reads and decodes a hand-off file; every problem becomes one line of the message.
fn read(file: Option<&Path>) -> Result<handoff::Handoff, Failure> {
    let mut text = String::new();
    open_input(file)?
        .read_to_string(&mut text)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", describe(file))))?;
    handoff::decode_file(&text).map_err(|e| {
        Failure::invalid(format!(
            "invalid hand-off file {}:\n{}",
            describe(file),
            bullet(e.0.iter().map(|e| e.to_string()))
        ))
    })
}

/// The country packs the enterprises' visits need, compiled, by country code.
fn packs_for(enterprises: &[Enterprise]) -> Result<Vec<(String, Pack)>, Failure> {
    let mut library = Library::new(None)?;
    csv::countries_needed(enterprises)
        .into_iter()
        .map(|c| {
            let pack = library.get(&c.to_ascii_lowercase())?.clone();
            Ok((c, pack))
        })
        .collect()
}

/// The time now, RFC 3339 UTC, for `exported_at`.
fn now() -> Result<String, Failure> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| workspace::timestamp_from_unix(d.as_secs() as i64))
        .ok_or_else(|| Failure::io("the system clock is not set"))
}
