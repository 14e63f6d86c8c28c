//! Profiles as records of a text file: JSON Lines (one profile object per line), CSV whose
//! headers are dotted profile paths (`connectivity.internet`), sets written `a;b;c`, or a
//! workspace hand-off file (`umbral.handoff/…`: each enterprise's latest visit). One reader for
//! `umbral batch` and the planner page, so both accept the same files and report the same
//! problems on the same lines.
//!
//! Reading is pure: callers hand in text (the whole file, or one line at a time from a
//! stream); nothing here opens a file.

use serde_json::{Map, Value as Json};

use crate::engine::profile::{core_field, core_fields, number_json, FieldKind, PROFILE_SCHEMA};

/// How a file of profiles is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

impl Format {
    /// The format of a file from a hint (its name ends in `.csv`) and its first bytes: JSON
    /// Lines when the first character that is not a space opens an object, CSV otherwise.
    pub fn detect(named_csv: bool, head: &[u8]) -> Format {
        let first = head.iter().find(|b| !b.is_ascii_whitespace());
        if named_csv || first.is_some_and(|&b| b != b'{') {
            Format::Csv
        } else {
            Format::Jsonl
        }
    }

    /// The format of a file from its name and contents.
    pub fn of_file(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        Format::detect(lower.ends_with(".csv"), text.as_bytes())
    }
}

/// What the `schema` of a hand-off file of any version starts with.
const HANDOFF_PREFIX: &str = "umbral.handoff/";

/// How much of a file's start [`is_handoff`] looks at.
pub const HEAD_BYTES: usize = 8192;

/// Whether a file is a hand-off file (`umbral.handoff/…`) rather than profiles, from its
/// first bytes (at most [`HEAD_BYTES`]), whatever its JSON layout: JSON Lines start with a
/// whole profile object on the first line; a hand-off file either has a first line that is a
/// whole hand-off object, or a first line that is not a whole JSON value (the document goes on
/// over more lines, or beyond the head) with the schema's name or its `enterprises` key near
/// the start (its top level has only four short keys).
pub fn is_handoff(head: &[u8]) -> bool {
    let head = &head[..head.len().min(HEAD_BYTES)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.first() != Some(&b'{') {
        return false;
    }
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    match serde_json::from_slice::<Json>(first_line) {
        Ok(json) => json
            .get("schema")
            .and_then(Json::as_str)
            .is_some_and(|s| s.starts_with(HANDOFF_PREFIX)),
        Err(_) => {
            let mentions = |word: &str| head.windows(word.len()).any(|w| w == word.as_bytes());
            mentions(HANDOFF_PREFIX) || mentions("\"enterprises\"")
        }
    }
}

/// The profiles of a hand-off file, one per enterprise: its name and its latest visit's
/// profile (`None` when it has no visit). A file that is not a valid hand-off file is refused
/// whole, with every problem as (JSON path, message); the path is empty for the whole file.
#[allow(clippy::type_complexity)]
pub fn handoff_profiles(text: &str) -> Result<Vec<(String, Option<Json>)>, Vec<(String, String)>> {
    match crate::workspace::handoff::decode(text) {
        Ok(enterprises) => Ok(enterprises
            .into_iter()
            .map(|e| {
                let profile = e.latest_visit().map(|visit| visit.profile.clone());
                (e.name, profile)
            })
            .collect()),
        Err(errors) => Err(errors
            .0
            .into_iter()
            .map(|e| (e.path, e.problem.to_string()))
            .collect()),
    }
}

/// One line of JSON Lines as a JSON value; `None` for a blank line, which is skipped.
pub fn jsonl_record(line: &str) -> Option<Result<Json, String>> {
    if line.trim().is_empty() {
        return None;
    }
    Some(serde_json::from_str::<Json>(line).map_err(|e| format!("not valid JSON: {e}")))
}

/// What a CSV column holds.
#[derive(Debug, Clone)]
enum Column {
    Schema,
    Label,
    Country,
    Field(usize),
    Extra(String),
}

/// The meaning of each column of a CSV file of profiles, read from its header.
#[derive(Debug, Clone)]
pub struct CsvColumns(Vec<Column>);

impl CsvColumns {
    /// Reads the header. Every column must be `schema`, `label`, `country`, a dotted profile
    /// path or `extra.<id>`; the error lists every unknown one and what is accepted.
    pub fn new<'a>(headers: impl IntoIterator<Item = &'a str>) -> Result<CsvColumns, String> {
        let mut out = Vec::new();
        let mut unknown = Vec::new();
        for h in headers {
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
            return Err(format!(
                "unknown CSV column(s) {}; columns are dotted profile paths: schema, label, country, {}, extra.<id>",
                unknown.join(", "),
                known.join(", ")
            ));
        }
        Ok(CsvColumns(out))
    }

    /// A CSV row as a profile JSON object. Empty cells are unanswered; sets are `a;b;c`.
    pub fn profile<'a>(&self, cells: impl IntoIterator<Item = &'a str>) -> Result<Json, String> {
        let mut root = Map::new();
        root.insert("schema".into(), Json::String(PROFILE_SCHEMA.into()));
        for (column, cell) in self.0.iter().zip(cells) {
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
            Ok(n) if n.is_finite() => number_json(n),
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
            .map(number_json)
            .unwrap_or_else(|| Json::String(cell.into())),
    }
}

/// The message for a CSV record the tokenizer could not read.
pub fn csv_error(e: &csv::Error) -> String {
    format!("unreadable CSV record: {e}")
}

/// The line a CSV record or error starts on (1-based; the header is line 1). The reader counts
/// a record's line before it has read the `\n` of the CRLF that ends the record before, so with
/// CRLF (what spreadsheets and KoboToolbox write) its count is one short; a record is never on
/// an earlier line than its number, which puts that right wherever no quoted cell spans lines.
pub fn csv_line(position: Option<&csv::Position>) -> usize {
    position.map_or(0, |p| (p.line() as usize).max(p.record() as usize + 1))
}

/// The records of a whole file held in memory, in order: each with the line it starts on and
/// its profile JSON, or the message saying why it cannot be read. Blank JSON lines are
/// skipped; a CSV header that cannot be read or names unknown columns is one error at line 1
/// and ends the file.
pub struct Records<'a> {
    inner: Inner<'a>,
}

enum Inner<'a> {
    Jsonl {
        lines: std::str::Split<'a, char>,
        line: usize,
    },
    Csv {
        reader: Box<csv::Reader<&'a [u8]>>,
        columns: CsvColumns,
        record: csv::StringRecord,
    },
    Failed(Option<String>),
    Done,
}

impl<'a> Records<'a> {
    /// Reads `text` as `format`.
    pub fn new(text: &'a str, format: Format) -> Records<'a> {
        let inner = match format {
            Format::Jsonl => Inner::Jsonl {
                lines: text.split('\n'),
                line: 0,
            },
            Format::Csv => {
                let mut reader = csv_builder().from_reader(text.as_bytes());
                let header = reader
                    .headers()
                    .map_err(|e| format!("cannot read the CSV header: {e}"))
                    .and_then(|h| CsvColumns::new(h.iter()));
                match header {
                    Ok(columns) => Inner::Csv {
                        reader: Box::new(reader),
                        columns,
                        record: csv::StringRecord::new(),
                    },
                    Err(message) => Inner::Failed(Some(message)),
                }
            }
        };
        Records { inner }
    }
}

/// The CSV settings both shells read with: a header row, and every row as wide as the header.
pub fn csv_builder() -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder.flexible(false);
    builder
}

impl Iterator for Records<'_> {
    type Item = (usize, Result<Json, String>);

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::Jsonl { lines, line } => loop {
                let text = lines.next()?;
                *line += 1;
                let text = text.strip_suffix('\r').unwrap_or(text);
                if let Some(json) = jsonl_record(text) {
                    return Some((*line, json));
                }
            },
            Inner::Csv {
                reader,
                columns,
                record,
            } => match reader.read_record(record) {
                Ok(false) => None,
                Ok(true) => Some((csv_line(record.position()), columns.profile(record.iter()))),
                Err(e) => {
                    let line = csv_line(e.position());
                    let message = csv_error(&e);
                    // An I/O error cannot happen on a slice; any other error leaves the reader
                    // at the next record, so reading goes on.
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        self.inner = Inner::Done;
                    }
                    Some((line, Err(message)))
                }
            },
            Inner::Failed(message) => {
                let message = message.take()?;
                Some((1, Err(message)))
            }
            Inner::Done => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_format() {
        assert_eq!(Format::of_file("a.jsonl", "  {\"a\":1}"), Format::Jsonl);
        assert_eq!(Format::of_file("a.txt", "country\nMX"), Format::Csv);
        assert_eq!(Format::of_file("A.CSV", "{"), Format::Csv);
        assert_eq!(Format::of_file("empty", ""), Format::Jsonl);
    }

    #[test]
    fn jsonl_lines_are_numbered_and_blank_lines_skipped() {
        let text = "{\"a\":1}\r\n\n  \nnot json\n{\"b\":2}";
        let got: Vec<(usize, bool)> = Records::new(text, Format::Jsonl)
            .map(|(line, r)| (line, r.is_ok()))
            .collect();
        assert_eq!(got, vec![(1, true), (4, false), (5, true)]);
    }

    #[test]
    fn csv_rows_become_profiles_and_bad_rows_are_reported() {
        let text =
            "country,locality,connectivity.devices,payments.bank_account,skills.digital_level\n\
                    MX,rural,smartphone;computer,sí,2\n\
                    MX,urban,,maybe,1\n\
                    MX,urban\n\
                    BO,,,,\n";
        let got: Vec<(usize, Result<Json, String>)> = Records::new(text, Format::Csv).collect();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].0, 2);
        let first = got[0].1.as_ref().unwrap();
        assert_eq!(first["connectivity"]["devices"][1], "computer");
        assert_eq!(first["payments"]["bank_account"], true);
        assert_eq!(first["skills"]["digital_level"], 2);
        assert_eq!(
            got[1],
            (
                3,
                Err("expected true or false, found 'maybe' at $.payments.bank_account".into())
            )
        );
        assert_eq!(got[2].0, 4);
        assert!(got[2]
            .1
            .as_ref()
            .unwrap_err()
            .starts_with("unreadable CSV record"));
        assert_eq!(got[3].0, 5);
        assert_eq!(
            got[3].1.as_ref().unwrap().to_string(),
            r#"{"country":"BO","schema":"umbral.profile/2"}"#
        );
    }

    #[test]
    fn csv_lines_are_right_with_crlf_too() {
        for text in [
            "country,sector\nMX,foo\nMX,bar\n",
            "country,sector\r\nMX,foo\r\nMX,bar\r\n",
        ] {
            let lines: Vec<usize> = Records::new(text, Format::Csv).map(|(l, _)| l).collect();
            assert_eq!(lines, [2, 3], "{text:?}");
        }
        // A quoted cell over two lines moves the next record down.
        let text = "country,label\nMX,\"a\nb\"\nMX,c\n";
        let lines: Vec<usize> = Records::new(text, Format::Csv).map(|(l, _)| l).collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn an_unknown_csv_column_is_one_error_at_line_1() {
        let got: Vec<(usize, Result<Json, String>)> =
            Records::new("country,internet\nMX,none\n", Format::Csv).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, 1);
        assert!(got[0]
            .1
            .as_ref()
            .unwrap_err()
            .starts_with("unknown CSV column(s) internet;"));
    }
}
