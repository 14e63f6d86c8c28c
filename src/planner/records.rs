//! Profiles as records of a text file: JSON Lines (one profile object per line), CSV whose
//! headers are dotted profile paths (`connectivity.internet`), sets written `a;b;c`, a
//! workspace hand-off file (`umbral.handoff/…`: each enterprise's latest visit), or an export
//! of Umbral's XLSForm from KoboToolbox or ODK Central ([`ExportFile`], read with
//! `crate::form::export`). One reader for `umbral batch`, the planner page and the workspace's
//! import, so they accept the same files and report the same problems on the same lines.
//!
//! Reading is pure: callers hand in text (the whole file, or one line at a time from a
//! stream); nothing here opens a file.

use serde_json::{Map, Value as Json};

use crate::engine::problem::{problem_words, JsonSyntax};
use crate::engine::profile::{core_field, core_fields, number_json, FieldKind, PROFILE_SCHEMA};
use crate::engine::{fill, Locale, Profile};
use crate::form::export::{
    self as form_export, CsvSyntax, ExportError, ExportProblem, Reader, Submission,
};
use crate::workspace::handoff::HandoffError;
use crate::workspace::{Enterprise, Outcomes, TAG_FIELDS};

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

/// One enterprise of a hand-off file: its name, its latest visit's answers (`None` when it
/// has no visit) and the rest of what the file says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoffRecord {
    pub name: String,
    pub latest: Option<Profile>,
    pub followed: Followed,
}

/// What a hand-off file says of an enterprise besides its latest visit: its visits (versions
/// kept by a conflict are not counted: they are the same visit), the first one, its cohort
/// tags, the steps of its roadmaps followed through, and what its latest follow-up found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Followed {
    /// The enterprise's id and name in the file.
    pub id: String,
    pub name: String,
    /// How many visits it has.
    pub visits: usize,
    /// The first visit's answers, when it has two or more.
    pub first: Option<Profile>,
    /// Its cohort tags, in [`crate::workspace::TAG_FIELDS`] order; `None` where unset.
    pub tags: [Option<String>; 4],
    /// Catalogue entries at each status, by their latest record: agreed, in progress, done,
    /// dropped.
    pub steps: [usize; 4],
    /// The outcomes of its latest visit that has some.
    pub outcomes: Option<Outcomes>,
}

impl Followed {
    /// Everything but the first visit's answers, and that visit's id when there are two or
    /// more.
    fn without_first(enterprise: &Enterprise<Profile>) -> (Followed, Option<String>) {
        let visits: Vec<_> = enterprise
            .visits_in_order()
            .into_iter()
            .filter(|v| v.conflict_of.is_none())
            .collect();
        let tag = |t: &str| {
            enterprise
                .detail(t)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let followed = Followed {
            id: enterprise.id.clone(),
            name: enterprise.name.clone(),
            visits: visits.len(),
            first: None,
            tags: std::array::from_fn(|i| tag(TAG_FIELDS[i])),
            steps: enterprise.step_counts(),
            outcomes: visits.iter().rev().find_map(|v| v.outcomes.clone()),
        };
        let first = (visits.len() > 1).then(|| visits[0].id.clone());
        (followed, first)
    }

    /// The tag named `tag` (`programme`, `institution`, `term`, `team`), if set.
    pub fn tag(&self, tag: &str) -> Option<&str> {
        let i = TAG_FIELDS.iter().position(|t| *t == tag)?;
        self.tags[i].as_deref()
    }
}

/// The enterprises of a hand-off file, in file order. A file that is not a valid hand-off
/// file is refused whole, with every problem at its JSON path (empty for the whole file).
pub fn handoff_records(text: &str) -> Result<Vec<HandoffRecord>, Vec<HandoffError>> {
    let read = crate::workspace::handoff::decode_for_scoring(text).map_err(|errors| errors.0)?;
    Ok(read.enterprises.into_iter().map(handoff_record).collect())
}

/// One enterprise of a hand-off file as a record, its first and latest visits' answers moved
/// out rather than copied (a cohort's file holds thousands).
fn handoff_record(mut e: Enterprise<Profile>) -> HandoffRecord {
    let (mut followed, first) = Followed::without_first(&e);
    let latest = e.latest_visit().map(|v| v.id.clone());
    let mut take = |id: &str| {
        e.visit_mut(id)
            .map(|v| std::mem::replace(&mut v.profile, Profile::new("")))
    };
    let latest = latest.and_then(|id| {
        // The first visit's answers go before the latest's are taken: they are two visits.
        followed.first = first.as_deref().filter(|f| *f != id).and_then(&mut take);
        take(&id)
    });
    HandoffRecord {
        latest,
        followed,
        name: e.name,
    }
}

/// Whether CSV text is an export of the form rather than Umbral's own CSV of profiles: `;`
/// between its columns (Kobo's default), or a header with an export's metadata or groups.
pub fn is_export_csv(head: &[u8]) -> bool {
    let separator = form_export::csv_separator(head);
    if separator == b';' {
        return true;
    }
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let mut csv = csv_builder().from_reader(first_line);
    csv.headers()
        .is_ok_and(|h| form_export::is_export_header(h.iter()))
}

/// Whether a file is an export of the form from KoboToolbox or ODK Central (JSON, or CSV by
/// [`is_export_csv`]) rather than profiles or a hand-off file, from its name (it ends in
/// `.csv`) and its first bytes (at most [`EXPORT_HEAD_BYTES`]), as `umbral batch` decides.
pub fn is_export(name: &str, head: &[u8]) -> bool {
    let head = &head[..head.len().min(EXPORT_HEAD_BYTES)];
    if is_handoff(head) {
        return false;
    }
    let named_csv = name.to_ascii_lowercase().ends_with(".csv");
    form_export::is_export_json(head)
        || (Format::detect(named_csv, head) == Format::Csv && is_export_csv(head))
}

/// How much of a file's start [`is_export`] looks at: what `umbral batch` reads of a file
/// before it decides.
pub const EXPORT_HEAD_BYTES: usize = 1 << 16;

/// The pack an export's CSV says its form was written from: the `country` of its first
/// record, in lower case (a country's pack id), if it has one.
pub fn csv_export_pack_hint(
    headers: &csv::StringRecord,
    first: Option<&csv::StringRecord>,
) -> Option<String> {
    let country = headers
        .iter()
        .position(|h| h.trim().trim_start_matches('\u{feff}') == crate::form::COUNTRY)?;
    first?
        .get(country)
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty())
}

/// Whether an export's pack hint can name a file the pages fetch (`../packs/<id>.json` or
/// `.txt`): 1 to 64 lower-case letters, digits and `-`, as pack ids are written.
pub fn is_pack_file_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What names a JSON submission in messages: Kobo's `_id`, ODK's `__id` or `KEY`, as
/// `_id 7`.
pub fn submission_id(submission: &Json) -> Option<String> {
    ["_id", "__id", "KEY"].iter().find_map(|k| {
        submission.get(*k).and_then(|v| match v {
            Json::String(s) => Some(format!("{k} {s}")),
            Json::Number(n) => Some(format!("{k} {n}")),
            _ => None,
        })
    })
}

/// Where a record of an export is: a line of CSV, or the n-th submission of JSON (1-based)
/// with what names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Line(usize),
    Submission(usize, Option<String>),
}

impl Place {
    /// The record's number: its line, or its place in the list.
    pub fn number(&self) -> usize {
        match self {
            Place::Line(n) | Place::Submission(n, _) => *n,
        }
    }
}

impl std::fmt::Display for Place {
    /// As `umbral batch` names it: `line 3`, `submission 2 (_id 7)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Submission(n, None) => write!(f, "submission {n}"),
            Place::Submission(n, Some(id)) => write!(f, "submission {n} ({id})"),
        }
    }
}

/// The records of an export, each where it is and its submission or why it cannot be read.
pub type ExportRecords<'r> =
    Box<dyn Iterator<Item = (Place, Result<Submission, ExportError>)> + 'r>;

/// A whole export held in memory (CSV with `,` or `;`, or JSON), opened: which pack its form
/// was written from, and its records read with that pack's [`Reader`]. `umbral batch` reads
/// a stream the same way (`cli::batch`), record for record.
pub struct ExportFile<'t> {
    pack_hint: Option<String>,
    rows: ExportRows<'t>,
}

enum ExportRows<'t> {
    Csv {
        reader: Box<csv::Reader<&'t [u8]>>,
        headers: csv::StringRecord,
        first: Option<Result<csv::StringRecord, csv::Error>>,
    },
    Json(Vec<Json>),
}

impl<'t> ExportFile<'t> {
    /// Opens `text`, an export by [`is_export`]. Refuses JSON that is not a list of
    /// submissions and CSV whose header cannot be read, saying why.
    pub fn open(text: &'t str) -> Result<ExportFile<'t>, ExportError> {
        let head = &text.as_bytes()[..text.len().min(EXPORT_HEAD_BYTES)];
        if form_export::is_export_json(head) {
            let submissions = form_export::json_submissions(text)?;
            return Ok(ExportFile {
                pack_hint: submissions.first().and_then(form_export::json_pack_hint),
                rows: ExportRows::Json(submissions),
            });
        }
        let mut reader = csv_builder()
            .delimiter(form_export::csv_separator(head))
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| ExportProblem::UnreadableHeader {
                detail: CsvSyntax::of(&e),
            })?
            .clone();
        let first = reader.records().next();
        let pack_hint = match &first {
            Some(Ok(record)) => csv_export_pack_hint(&headers, Some(record)),
            _ => None,
        };
        Ok(ExportFile {
            pack_hint,
            rows: ExportRows::Csv {
                reader: Box::new(reader),
                headers,
                first,
            },
        })
    }

    /// The pack the first submission names (Kobo's JSON form id, else the `country` the form
    /// carries), which every record is read and scored with; `None` when it names none.
    pub fn pack_hint(&self) -> Option<&str> {
        self.pack_hint.as_deref()
    }

    /// The records, in order, each read with `reader` (the hinted pack's): where it is, and
    /// its submission or why it cannot be read. A CSV header that does not map is refused
    /// whole, naming its columns.
    pub fn submissions<'r>(self, reader: &'r Reader<'_>) -> Result<ExportRecords<'r>, ExportError>
    where
        't: 'r,
    {
        match self.rows {
            ExportRows::Csv {
                reader: csv,
                headers,
                first,
            } => {
                let columns = reader.columns(headers.iter())?;
                let records = first.into_iter().chain(csv.into_records());
                Ok(Box::new(records.map(move |record| {
                    match record {
                        Ok(r) => (
                            Place::Line(csv_line(r.position())),
                            reader.read(&columns, r.iter()),
                        ),
                        Err(e) => (
                            Place::Line(csv_line(e.position())),
                            Err(ExportProblem::UnreadableRecord {
                                detail: CsvSyntax::of(&e),
                            }
                            .into()),
                        ),
                    }
                })))
            }
            ExportRows::Json(list) => Ok(Box::new(list.into_iter().enumerate().map(
                move |(i, submission)| {
                    let place = Place::Submission(i + 1, submission_id(&submission));
                    (place, reader.read_json(&submission))
                },
            ))),
        }
    }
}

/// One line of JSON Lines as a JSON value; `None` for a blank line, which is skipped.
pub fn jsonl_record(line: &str) -> Option<Result<Json, RecordError>> {
    if line.trim().is_empty() {
        return None;
    }
    Some(
        serde_json::from_str::<Json>(line).map_err(|e| RecordError::NotJson {
            detail: JsonSyntax::of(&e),
        }),
    )
}

/// What is wrong with one record of a file of profiles, before its profile is read (that is
/// [`crate::engine::ProfileErrors`]): worded in Spanish and English; `Display` is the English
/// the command line prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// A line of JSON Lines that is not JSON (the parser's own words after).
    NotJson { detail: JsonSyntax },
    /// A CSV cell that is not what its column takes, at the field's path.
    Cell {
        path: String,
        expected: Expected,
        cell: String,
    },
    /// A CSV record the tokenizer could not read (its own words after).
    BadCsvRecord { detail: CsvSyntax },
    /// A CSV header the tokenizer could not read (its own words after).
    BadCsvHeader { detail: CsvSyntax },
    /// CSV columns that are not profile paths, as written.
    UnknownColumns { columns: Vec<String> },
}

/// What a CSV cell should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    TrueOrFalse,
    WholeNumber,
    Number,
}

impl RecordError {
    /// The problem in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = form_export::form_words(locale);
        match self {
            RecordError::NotJson { detail } => fill(
                problem_words(locale).not_json(),
                &[("detail", &detail.message(locale))],
            ),
            RecordError::Cell {
                path,
                expected,
                cell,
            } => {
                let what = match expected {
                    Expected::TrueOrFalse => w.cell_expected_tick(),
                    Expected::WholeNumber => w.cell_expected_whole(),
                    Expected::Number => w.cell_expected_number(),
                };
                fill(
                    w.csv_cell(),
                    &[("what", what), ("cell", cell), ("path", path)],
                )
            }
            RecordError::BadCsvRecord { detail } => form_export::unreadable_record(detail, locale),
            RecordError::BadCsvHeader { detail } => form_export::unreadable_header(detail, locale),
            RecordError::UnknownColumns { columns } => {
                let known: Vec<&str> = core_fields().iter().map(|f| f.path.as_str()).collect();
                let known = format!("schema, label, country, {}, extra.<id>", known.join(", "));
                let template = if columns.len() == 1 {
                    w.unknown_csv_columns_one()
                } else {
                    w.unknown_csv_columns_other()
                };
                fill(
                    template,
                    &[("unknown", &columns.join(", ")), ("known", &known)],
                )
            }
        }
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
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
    pub fn new<'a>(headers: impl IntoIterator<Item = &'a str>) -> Result<CsvColumns, RecordError> {
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
            return Err(RecordError::UnknownColumns { columns: unknown });
        }
        Ok(CsvColumns(out))
    }

    /// A CSV row as a profile JSON object. Empty cells are unanswered; sets are `a;b;c`.
    pub fn profile<'a>(
        &self,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<Json, RecordError> {
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
                    let value =
                        cell_value(&field.kind, cell).map_err(|expected| RecordError::Cell {
                            path: field.path.clone(),
                            expected,
                            cell: cell.to_string(),
                        })?;
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

fn cell_value(kind: &FieldKind, cell: &str) -> Result<Json, Expected> {
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
            _ => return Err(Expected::TrueOrFalse),
        },
        FieldKind::Integer { .. } => match cell.parse::<i64>() {
            Ok(n) => Json::from(n),
            Err(_) => return Err(Expected::WholeNumber),
        },
        FieldKind::Number { .. } => match cell.parse::<f64>() {
            Ok(n) if n.is_finite() => number_json(n),
            _ => return Err(Expected::Number),
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

/// The message for a CSV record the tokenizer could not read, in English (the command line's).
pub fn csv_error(e: &csv::Error) -> String {
    form_export::unreadable_record(&CsvSyntax::of(e), Locale::En)
}

/// The message for a CSV header the tokenizer could not read, in English (the command line's).
pub fn csv_header_error(e: &csv::Error) -> String {
    form_export::unreadable_header(&CsvSyntax::of(e), Locale::En)
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
    Failed(Option<RecordError>),
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
                    .map_err(|e| RecordError::BadCsvHeader {
                        detail: CsvSyntax::of(&e),
                    })
                    .and_then(|h| CsvColumns::new(h.iter()));
                match header {
                    Ok(columns) => Inner::Csv {
                        reader: Box::new(reader),
                        columns,
                        record: csv::StringRecord::new(),
                    },
                    Err(error) => Inner::Failed(Some(error)),
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
    type Item = (usize, Result<Json, RecordError>);

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
                    let message = RecordError::BadCsvRecord {
                        detail: CsvSyntax::of(&e),
                    };
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
        let got: Vec<(usize, Result<Json, String>)> = Records::new(text, Format::Csv)
            .map(|(line, json)| (line, json.map_err(|e| e.to_string())))
            .collect();
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

    fn mx() -> crate::engine::Pack {
        crate::packs::compile("mx", &crate::packs::builtin(), None)
            .pack
            .unwrap()
    }

    #[test]
    fn exports_are_told_from_profiles_and_hand_off_files() {
        assert!(is_export("a.csv", b"start;end;country\r\n"));
        assert!(is_export("a.txt", b"country,connectivity/internet\n"));
        assert!(is_export("a.json", b"{\"count\": 1, \"results\": []}"));
        assert!(is_export("a.json", b"[{\"_id\": 1}]"));
        assert!(!is_export("a.csv", b"country,connectivity.internet\n"));
        assert!(!is_export(
            "a.jsonl",
            b"{\"schema\":\"umbral.profile/2\",\"country\":\"MX\"}\n"
        ));
        assert!(!is_export(
            "a.json",
            b"{\"schema\":\"umbral.handoff/2\",\"enterprises\":[]}"
        ));
        assert!(is_pack_file_id("example-programme") && is_pack_file_id("mx"));
        assert!(!is_pack_file_id("../x") && !is_pack_file_id("") && !is_pack_file_id("MX"));
    }

    #[test]
    fn a_csv_export_is_read_row_by_row_with_its_pack() {
        let text = "start;end;country;sector;connectivity/internet;_id;_uuid;_submission_time\r\n\
                    ;;MX;food;none;1;u1;2026-12-02T08:00:00\r\n\
                    ;;MX;food;wifi;2;u2;2026-12-02T08:00:00\r\n\
                    ;;MX;crafts\r\n\
                    ;;MX;crafts;broadband;4;u4;\r\n";
        assert!(is_export("export.csv", text.as_bytes()));
        let file = ExportFile::open(text).unwrap();
        assert_eq!(file.pack_hint(), Some("mx"));
        let pack = mx();
        let reader = Reader::new(&pack).unwrap();
        let rows: Vec<(Place, Result<Submission, String>)> = file
            .submissions(&reader)
            .unwrap()
            .map(|(place, read)| (place, read.map_err(|e| e.to_string())))
            .collect();
        let places: Vec<String> = rows.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(places, ["line 2", "line 3", "line 4", "line 5"]);
        assert_eq!(rows[0].1.as_ref().unwrap().instance.as_deref(), Some("u1"));
        assert!(rows[1]
            .1
            .as_ref()
            .unwrap_err()
            .starts_with("column 'connectivity/internet': unknown choice 'wifi'"));
        assert!(rows[2]
            .1
            .as_ref()
            .unwrap_err()
            .starts_with("unreadable CSV record"));
        assert!(rows[3].1.is_ok());
        // A header that does not map is refused whole.
        let file = ExportFile::open("country;wifi\nMX;1\n").unwrap();
        let err = file.submissions(&reader).err().unwrap();
        assert!(
            err.to_string()
                .starts_with("column(s) 'wifi' are not in form umbral_mx"),
            "{err}"
        );
    }

    #[test]
    fn a_json_export_names_its_submissions_and_its_pack() {
        let text = r#"{"count": 2, "results": [
            {"_id": 7, "_xform_id_string": "umbral_mx", "country": "MX", "sector": "food"},
            {"_id": 8, "country": "MX", "sector": "spaceships"}]}"#;
        let file = ExportFile::open(text).unwrap();
        assert_eq!(file.pack_hint(), Some("mx"));
        let pack = mx();
        let reader = Reader::new(&pack).unwrap();
        let rows: Vec<(Place, Result<Submission, String>)> = file
            .submissions(&reader)
            .unwrap()
            .map(|(place, read)| (place, read.map_err(|e| e.to_string())))
            .collect();
        assert_eq!(rows[0].0.to_string(), "submission 1 (_id 7)");
        assert_eq!(rows[1].0, Place::Submission(2, Some("_id 8".into())));
        assert_eq!(rows[1].0.number(), 2);
        assert!(rows[1].1.as_ref().unwrap_err().contains("column 'sector'"));
        assert!(ExportFile::open("[1, 2").is_err());
    }

    #[test]
    fn an_unknown_csv_column_is_one_error_at_line_1() {
        let got: Vec<(usize, Result<Json, String>)> =
            Records::new("country,internet\nMX,none\n", Format::Csv)
                .map(|(line, json)| (line, json.map_err(|e| e.to_string())))
                .collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, 1);
        assert!(got[0]
            .1
            .as_ref()
            .unwrap_err()
            .starts_with("unknown CSV column(s) internet;"));
        let error = CsvColumns::new(["country", "internet", "wifi"])
            .err()
            .unwrap();
        assert!(error
            .message(Locale::Es)
            .starts_with("el CSV tiene columnas que no son de un perfil: internet, wifi; las columnas son los nombres de los datos de un perfil, con puntos: schema, label, country, "));
    }
}
