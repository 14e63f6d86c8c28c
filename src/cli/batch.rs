//! `umbral batch`: scores a stream of profiles, one result per input record, in input order.
//! A bad record is reported on standard error with its line number and the rest go on.

use std::io::{BufRead, Write};

use clap::ValueEnum;
use serde_json::{Map, Value as Json};

use super::{write_error, Failure, Library, EXIT_INVALID};
use crate::engine::profile::{core_field, core_fields, FieldKind};
use crate::engine::{self, Locale, Profile};

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Auto,
    Jsonl,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Jsonl,
    Csv,
}

/// How often progress is reported on standard error.
const PROGRESS_EVERY: usize = 10_000;

struct Counts {
    ok: usize,
    failed: usize,
}

pub fn run(
    library: &mut Library,
    locale: Locale,
    input: Input,
    output: Output,
    csv_hint: bool,
    mut reader: Box<dyn BufRead>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let input = match input {
        Input::Auto => {
            let head = reader
                .fill_buf()
                .map_err(|e| Failure::io(format!("cannot read the input: {e}")))?;
            let first = head.iter().find(|b| !b.is_ascii_whitespace());
            if csv_hint || first.is_some_and(|&b| b != b'{') {
                Input::Csv
            } else {
                Input::Jsonl
            }
        }
        other => other,
    };
    let mut counts = Counts { ok: 0, failed: 0 };
    let mut writer = ReportWriter::new(output, locale);
    let mut score = |line: usize, json: Result<Json, String>, out: &mut dyn Write| {
        let result = json.and_then(|json| {
            let profile = Profile::from_value(&json).map_err(|e| e.to_string())?;
            let pack = library.for_profile(&profile).map_err(|f| f.message)?;
            engine::check_profile(pack, &profile).map_err(|e| e.to_string())?;
            Ok((engine::assess(pack, &profile, locale), profile))
        });
        match result {
            Ok((report, profile)) => {
                counts.ok += 1;
                writer.write(line, &profile, &report, out)?;
            }
            Err(message) => {
                counts.failed += 1;
                eprintln!("umbral: line {line}: {message}");
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
                if buf.trim().is_empty() {
                    continue;
                }
                let json =
                    serde_json::from_str::<Json>(&buf).map_err(|e| format!("not valid JSON: {e}"));
                score(line, json, out)?;
            }
        }
        Input::Csv => {
            let mut csv = csv::ReaderBuilder::new()
                .flexible(false)
                .from_reader(reader);
            let headers = csv
                .headers()
                .map_err(|e| Failure::invalid(format!("cannot read the CSV header: {e}")))?
                .clone();
            let columns = csv_columns(&headers)?;
            for record in csv.records() {
                let (line, json) = match record {
                    Ok(r) => {
                        let line = r.position().map_or(0, |p| p.line() as usize);
                        (line, csv_profile(&columns, &r))
                    }
                    Err(e) => {
                        let line = e.position().map_or(0, |p| p.line() as usize);
                        (line, Err(format!("unreadable CSV record: {e}")))
                    }
                };
                score(line, json, out)?;
            }
        }
    }
    if counts.ok + counts.failed >= PROGRESS_EVERY {
        eprintln!(
            "umbral: done: {} scored, {} failed",
            counts.ok, counts.failed
        );
    }
    Ok(if counts.failed > 0 { EXIT_INVALID } else { 0 })
}

/// What a CSV column holds.
enum Column {
    Schema,
    Label,
    Country,
    Field(usize),
    Extra(String),
}

fn csv_columns(headers: &csv::StringRecord) -> Result<Vec<Column>, Failure> {
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for h in headers.iter() {
        let h = h.trim();
        out.push(match h {
            "schema" => Column::Schema,
            "label" => Column::Label,
            "country" => Column::Country,
            _ => match (core_field(h), h.strip_prefix("extra.")) {
                (Some(ix), _) => Column::Field(ix),
                (None, Some(key)) => Column::Extra(key.to_string()),
                _ => {
                    unknown.push(h.to_string());
                    continue;
                }
            },
        });
    }
    if !unknown.is_empty() {
        let known: Vec<&str> = core_fields().iter().map(|f| f.path.as_str()).collect();
        return Err(Failure::invalid(format!(
            "unknown CSV column(s) {}; columns are dotted profile paths: schema, label, country, {}, extra.<id>",
            unknown.join(", "),
            known.join(", ")
        )));
    }
    Ok(out)
}

/// A CSV row as a profile JSON object. Empty cells are unanswered; sets are `a;b;c`.
fn csv_profile(columns: &[Column], record: &csv::StringRecord) -> Result<Json, String> {
    let mut root = Map::new();
    root.insert(
        "schema".into(),
        Json::String(crate::engine::profile::PROFILE_SCHEMA.into()),
    );
    for (column, cell) in columns.iter().zip(record.iter()) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match column {
            Column::Schema => {
                root.insert("schema".into(), Json::String(cell.into()));
            }
            Column::Label => {
                root.insert("label".into(), Json::String(cell.into()));
            }
            Column::Country => {
                root.insert("country".into(), Json::String(cell.into()));
            }
            Column::Field(ix) => {
                let field = &core_fields()[*ix];
                let value = cell_value(&field.kind, cell)
                    .map_err(|m| format!("{m} at $.{}", field.path))?;
                match field.path.split_once('.') {
                    None => {
                        root.insert(field.path.clone(), value);
                    }
                    Some((group, member)) => {
                        if let Json::Object(map) = root
                            .entry(group.to_string())
                            .or_insert_with(|| Json::Object(Map::new()))
                        {
                            map.insert(member.to_string(), value);
                        }
                    }
                }
            }
            Column::Extra(key) => {
                let value = if cell.contains(';') {
                    Json::Array(
                        cell.split(';')
                            .map(|s| Json::String(s.trim().into()))
                            .collect(),
                    )
                } else {
                    guess(cell)
                };
                if let Json::Object(map) = root
                    .entry("extra".to_string())
                    .or_insert_with(|| Json::Object(Map::new()))
                {
                    map.insert(key.clone(), value);
                }
            }
        }
    }
    Ok(Json::Object(root))
}

fn cell_value(kind: &FieldKind, cell: &str) -> Result<Json, String> {
    Ok(match kind {
        FieldKind::Set { .. } => Json::Array(
            cell.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Json::String(s.into()))
                .collect(),
        ),
        FieldKind::Bool { .. } => match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "si" | "sí" | "1" => Json::Bool(true),
            "false" | "no" | "0" => Json::Bool(false),
            _ => return Err(format!("expected true or false, found '{cell}'")),
        },
        FieldKind::Integer { .. } => match cell.parse::<i64>() {
            Ok(n) => Json::from(n),
            Err(_) => return Err(format!("expected a whole number, found '{cell}'")),
        },
        FieldKind::Number { .. } => match cell.parse::<f64>() {
            Ok(n) if n.is_finite() => crate::engine::profile::number_json(n),
            _ => return Err(format!("expected a number, found '{cell}'")),
        },
        FieldKind::Choice { .. } | FieldKind::Text { .. } => Json::String(cell.into()),
    })
}

fn guess(cell: &str) -> Json {
    match cell {
        "true" => Json::Bool(true),
        "false" => Json::Bool(false),
        _ => cell
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(crate::engine::profile::number_json)
            .unwrap_or_else(|| Json::String(cell.into())),
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
                row.push(
                    report
                        .blockers
                        .iter()
                        .map(|b| b.requirement)
                        .collect::<Vec<_>>()
                        .join(";"),
                );
                row.push(
                    report
                        .recommendations
                        .iter()
                        .take(3)
                        .map(|r| r.id)
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

/// Writes one CSV row, quoting as needed.
fn write_csv_row(cells: &[String], out: &mut dyn Write) -> Result<(), Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(cells)
        .map_err(|e| Failure::io(format!("cannot write CSV: {e}")))?;
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::io(format!("cannot write CSV: {e}")))?;
    out.write_all(&bytes).map_err(write_error)
}
