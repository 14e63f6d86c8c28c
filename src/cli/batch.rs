//! `umbral batch`: scores a stream of profiles, one result per input record, in input order.
//! A bad record is reported on standard error with its line number and the rest go on.

use std::io::{BufRead, Write};

use clap::ValueEnum;
use serde_json::Value as Json;

use super::{write_error, Failure, Library, EXIT_INVALID};
use crate::engine::profile::{core_field, core_fields};
use crate::engine::{Locale, Pack, Profile};
use crate::form::export::{self as form_export, ExportError, Submission};
use crate::planner::before_after::History;
use crate::planner::records::{self, CsvColumns, Followed, Format};
use crate::planner::{self, Assessment, Summary};

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Auto,
    Jsonl,
    Csv,
    /// A workspace hand-off file (`umbral.handoff/3`, `/2` or `/1`): each enterprise's latest visit.
    Handoff,
    /// An export of the form `umbral xlsform` writes, from KoboToolbox or ODK Central: CSV
    /// (`,` or `;`) or JSON.
    #[value(alias = "odk")]
    Kobo,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Jsonl,
    Csv,
}

/// One record to score.
enum Record {
    Json(Result<Json, String>),
    Profile(Profile),
    /// An enterprise of a hand-off file: its latest visit's answers (a profile the file's
    /// reader checked; scoring checks it against the pack), and the visits before it.
    Handoff(Result<Profile, String>, Box<Followed>),
}

/// How often progress is reported on standard error.
const PROGRESS_EVERY: usize = 10_000;

struct Counts {
    ok: usize,
    failed: usize,
}

/// What `--summary` prints.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryFormat {
    Text,
    Csv,
    Json,
    /// Each enterprise of the hand-off files, its first and latest visit, as CSV.
    BeforeAfter,
}

/// `--summary`: aggregate instead of writing one report per record.
pub struct SummaryOptions {
    pub summary: Summary,
    pub format: SummaryFormat,
}

#[allow(clippy::too_many_arguments)]
pub fn run(
    library: &mut Library,
    locale: Locale,
    input: Input,
    output: Output,
    mut summary: Option<SummaryOptions>,
    csv_hint: bool,
    mut reader: Box<dyn BufRead>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let input = match input {
        Input::Auto => {
            let head = reader
                .fill_buf()
                .map_err(|e| Failure::io(format!("cannot read the input: {e}")))?;
            if records::is_handoff(head) {
                Input::Handoff
            } else if form_export::is_export_json(head) {
                Input::Kobo
            } else {
                match Format::detect(csv_hint, head) {
                    Format::Csv if records::is_export_csv(head) => Input::Kobo,
                    Format::Csv => Input::Csv,
                    Format::Jsonl => Input::Jsonl,
                }
            }
        }
        other => other,
    };
    // An export is read with its form's pack, found before scoring starts.
    let (reader, kobo) = match input {
        Input::Kobo => (None, Some(KoboInput::open(library, reader)?)),
        _ => (Some(reader), None),
    };
    let mut counts = Counts { ok: 0, failed: 0 };
    let mut writer = ReportWriter::new(output, locale);
    // `line` numbers the record (a line of JSON Lines or CSV, an enterprise of a hand-off
    // file); `place` names it in messages.
    // A record comes as JSON, or (from JSON Lines, by the fast reader) as a profile already.
    let mut score = |line: usize, place: &str, record: Record, out: &mut dyn Write| {
        let (profile, followed) = match record {
            Record::Json(json) => (read_profile(json), None),
            Record::Handoff(profile, followed) => (profile, Some(followed)),
            Record::Profile(profile) => (Ok(profile), None),
        };
        let result = profile.and_then(|profile| {
            planner::score_profile(profile, locale, |p| {
                library.for_profile(p).map_err(|f| f.message)
            })
            .map_err(|e| e.to_string())
        });
        match result {
            Ok((pack, profile, report)) => match summary.as_mut() {
                None => {
                    counts.ok += 1;
                    writer.write(line, &profile, &report, out)?;
                }
                Some(s) => {
                    let assessment = Assessment::new(pack, profile, &report);
                    let assessment = match followed {
                        Some(followed) => assessment.with_history(History::read(pack, *followed)),
                        None => assessment,
                    };
                    counts.ok += 1;
                    s.summary.add(pack, &assessment);
                }
            },
            Err(message) => {
                counts.failed += 1;
                eprintln!("umbral: {place}: {message}");
            }
        }
        let done = counts.ok + counts.failed;
        if done.is_multiple_of(PROGRESS_EVERY) {
            eprintln!("umbral: {done} profiles scored ({} failed)", counts.failed);
        }
        Ok::<(), Failure>(())
    };
    match input {
        Input::Jsonl | Input::Auto => {
            let mut reader = reader.expect("JSON Lines come from a stream");
            let mut buf = String::new();
            let mut line = 0;
            loop {
                buf.clear();
                let n = reader
                    .read_line(&mut buf)
                    .map_err(|e| Failure::io(format!("cannot read line {}: {e}", line + 1)))?;
                if n == 0 {
                    break;
                }
                line += 1;
                // Most lines are plain profiles, read straight from the text; any other goes
                // the long way, which names every problem.
                let record = match Profile::from_json_fast(&buf) {
                    Some(profile) => Record::Profile(profile),
                    None => match records::jsonl_record(&buf) {
                        Some(json) => Record::Json(json.map_err(|e| e.to_string())),
                        None => continue,
                    },
                };
                score(line, &format!("line {line}"), record, out)?;
            }
        }
        Input::Csv => {
            let reader = reader.expect("CSV comes from a stream");
            let mut csv = records::csv_builder().from_reader(reader);
            let headers = csv
                .headers()
                .map_err(|e| Failure::invalid(records::csv_header_error(&e)))?
                .clone();
            let columns =
                CsvColumns::new(headers.iter()).map_err(|e| Failure::invalid(e.to_string()))?;
            for record in csv.records() {
                let (line, json) = match record {
                    Ok(r) => (
                        records::csv_line(r.position()),
                        columns.profile(r.iter()).map_err(|e| e.to_string()),
                    ),
                    Err(e) => (records::csv_line(e.position()), Err(records::csv_error(&e))),
                };
                score(line, &format!("line {line}"), Record::Json(json), out)?;
            }
        }
        Input::Handoff => {
            let mut reader = reader.expect("a hand-off file comes from a stream");
            let mut text = String::new();
            reader
                .read_to_string(&mut text)
                .map_err(|e| Failure::io(format!("cannot read the input: {e}")))?;
            let enterprises = records::handoff_records(&text).map_err(|problems| {
                let problems: Vec<String> = problems.iter().map(|e| e.to_string()).collect();
                Failure::invalid(format!(
                    "not a hand-off file that can be read:\n  {}",
                    problems.join("\n  ")
                ))
            })?;
            for (i, e) in enterprises.into_iter().enumerate() {
                let place = format!("enterprise {} ({})", i + 1, e.name);
                let latest = e.latest.ok_or_else(|| "has no visit".to_string());
                score(
                    i + 1,
                    &place,
                    Record::Handoff(latest, Box::new(e.followed)),
                    out,
                )?;
            }
        }
        Input::Kobo => {
            let KoboInput { pack, rows } = kobo.expect("an export was opened");
            let form = form_export::Reader::new(&pack).map_err(invalid)?;
            let as_record = |read: Result<Submission, String>| match read {
                Ok(submission) => Record::Profile(submission.profile),
                Err(message) => Record::Json(Err(message)),
            };
            let said = |read: Result<Submission, ExportError>| read.map_err(|e| e.to_string());
            match rows {
                KoboRows::Csv {
                    mut csv,
                    headers,
                    first,
                } => {
                    let columns = form.columns(headers.iter()).map_err(invalid)?;
                    for record in first.into_iter().chain(csv.records()) {
                        let (line, read) = match record {
                            Ok(r) => (
                                records::csv_line(r.position()),
                                said(form.read(&columns, r.iter())),
                            ),
                            Err(e) => {
                                (records::csv_line(e.position()), Err(records::csv_error(&e)))
                            }
                        };
                        score(line, &format!("line {line}"), as_record(read), out)?;
                    }
                }
                KoboRows::Json(submissions) => {
                    for (i, submission) in submissions.iter().enumerate() {
                        let place =
                            records::Place::Submission(i + 1, records::submission_id(submission));
                        let read = as_record(said(form.read_json(submission)));
                        score(i + 1, &place.to_string(), read, out)?;
                    }
                }
            }
        }
    }
    if let Some(s) = summary {
        let figures = s.summary.figures();
        if let Some(unknown) = figures.supply.as_ref().filter(|v| !v.unknown.is_empty()) {
            return Err(Failure::invalid(format!(
                "--supply: no catalogue entry '{}' in the packs of these profiles (umbral catalog lists them)",
                unknown.unknown.join("', '")
            )));
        }
        let text = match s.format {
            SummaryFormat::Text => figures.to_text(locale),
            SummaryFormat::Csv => figures.to_csv(),
            SummaryFormat::Json => figures.to_json() + "\n",
            SummaryFormat::BeforeAfter => match &figures.before_after {
                Some(ba) => ba.enterprises_csv(),
                None => {
                    return Err(Failure::invalid(
                        "--summary-format before-after: no enterprise came in a hand-off file, so there is no before and after".to_string(),
                    ))
                }
            },
        };
        out.write_all(text.as_bytes()).map_err(write_error)?;
    }
    if counts.ok + counts.failed >= PROGRESS_EVERY {
        eprintln!(
            "umbral: done: {} scored, {} failed",
            counts.ok, counts.failed
        );
    }
    Ok(if counts.failed > 0 { EXIT_INVALID } else { 0 })
}

/// An export that cannot be read as a whole, in the command line's English.
fn invalid(error: ExportError) -> Failure {
    Failure::invalid(error.to_string())
}

/// An export of the form, opened: the pack its form was written from, and its rows.
struct KoboInput {
    pack: Pack,
    rows: KoboRows,
}

enum KoboRows {
    /// CSV: the reader, its header, and the first record (read to find the pack).
    Csv {
        csv: csv::Reader<Box<dyn BufRead>>,
        headers: csv::StringRecord,
        first: Option<Result<csv::StringRecord, csv::Error>>,
    },
    /// JSON: every submission.
    Json(Vec<Json>),
}

impl KoboInput {
    /// Opens an export and finds its pack: the one `--pack` named, else the one its first
    /// submission names (Kobo's JSON form id, else the `country` the form carries). Every
    /// record is then scored with that pack.
    fn open(library: &mut Library, mut reader: Box<dyn BufRead>) -> Result<KoboInput, Failure> {
        let head = reader
            .fill_buf()
            .map_err(|e| Failure::io(format!("cannot read the input: {e}")))?;
        let (hint, rows) = if form_export::is_export_json(head) {
            let mut text = String::new();
            reader
                .read_to_string(&mut text)
                .map_err(|e| Failure::io(format!("cannot read the input: {e}")))?;
            let submissions = form_export::json_submissions(&text).map_err(invalid)?;
            let hint = submissions.first().and_then(form_export::json_pack_hint);
            (hint, KoboRows::Json(submissions))
        } else {
            let separator = form_export::csv_separator(head);
            let mut csv = records::csv_builder()
                .delimiter(separator)
                .from_reader(reader);
            let headers = csv
                .headers()
                .map_err(|e| Failure::invalid(records::csv_header_error(&e)))?
                .clone();
            let first = csv.records().next();
            let hint = match &first {
                Some(Ok(record)) => records::csv_export_pack_hint(&headers, Some(record)),
                _ => None,
            };
            (
                hint,
                KoboRows::Csv {
                    csv,
                    headers,
                    first,
                },
            )
        };
        let id = match (library.fixed.clone(), hint) {
            (Some(id), _) | (None, Some(id)) => id,
            (None, None) => {
                return Err(Failure::invalid(
                    "cannot tell which pack the export's form was written from: its first submission has no 'country' (nor a KoboToolbox form id); name the pack with --pack",
                ))
            }
        };
        let pack = library.get(&id)?.clone();
        library.fixed = Some(id);
        Ok(KoboInput { pack, rows })
    }
}

/// Writes one result per scored record.
struct ReportWriter {
    output: Output,
    locale: Locale,
    header_written: bool,
    buffer: Vec<u8>,
    dimensions: Vec<String>,
}

impl ReportWriter {
    fn new(output: Output, locale: Locale) -> ReportWriter {
        ReportWriter {
            output,
            locale,
            header_written: false,
            buffer: Vec::with_capacity(1 << 14),
            dimensions: Vec::new(),
        }
    }

    fn write(
        &mut self,
        line: usize,
        profile: &Profile,
        report: &crate::engine::Report,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let _ = self.locale;
        match self.output {
            Output::Jsonl => {
                // Serialize into a reused buffer, then write once: far cheaper than many small
                // writes through `dyn Write`.
                self.buffer.clear();
                report.write_json(&mut self.buffer);
                self.buffer.push(b'\n');
                out.write_all(&self.buffer).map_err(write_error)?;
            }
            Output::Csv => {
                if !self.header_written {
                    self.dimensions = report.dimensions.iter().map(|d| d.id.to_string()).collect();
                    let mut header: Vec<String> = [
                        "line",
                        "label",
                        "country",
                        "region",
                        "locality",
                        "sector",
                        "pack",
                        "readiness",
                        "stage",
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                    header.extend(self.dimensions.iter().map(|d| format!("score.{d}")));
                    header.extend(["blockers", "next_steps", "unanswered"].map(String::from));
                    write_csv_row(&header, out)?;
                    self.header_written = true;
                }
                let answer = |path: &str| {
                    core_field(path)
                        .and_then(|f| profile.get(f).map(|v| (f, v)))
                        .map(|(f, v)| {
                            match crate::engine::profile::encode_value(&core_fields()[f].kind, v) {
                                Json::String(s) => s,
                                other => other.to_string(),
                            }
                        })
                        .unwrap_or_default()
                };
                let mut row = vec![
                    line.to_string(),
                    profile.label.clone().unwrap_or_default(),
                    profile.country.clone(),
                    answer("region"),
                    answer("locality"),
                    answer("sector"),
                    report.pack.id.to_string(),
                    report.readiness.to_string(),
                    report.stage.unwrap_or_default().to_string(),
                ];
                for d in &self.dimensions {
                    row.push(
                        report
                            .dimensions
                            .iter()
                            .find(|x| x.id == d)
                            .map(|x| x.score.to_string())
                            .unwrap_or_default(),
                    );
                }
                row.push(report.blockers.join(";"));
                // The first steps, by the entry each names first.
                row.push(
                    report
                        .first_steps
                        .iter()
                        .filter_map(|&n| report.step(n))
                        .map(|s| s.options[0].id)
                        .collect::<Vec<_>>()
                        .join(";"),
                );
                row.push(report.unanswered.join(";"));
                write_csv_row(&row, out)?;
            }
        }
        Ok(())
    }
}

/// Writes one CSV row, quoting as needed (the workspace's and the summary's writer).
fn write_csv_row(cells: &[String], out: &mut dyn Write) -> Result<(), Failure> {
    let mut row = String::new();
    crate::workspace::csv::write_plain_row(&mut row, cells.iter().map(String::as_str), ',', "\n");
    out.write_all(row.as_bytes()).map_err(write_error)
}

/// A record's JSON as a profile, or what is wrong with it.
fn read_profile(json: Result<Json, String>) -> Result<Profile, String> {
    json.and_then(|json| Profile::from_value(&json).map_err(|e| e.to_string()))
}
