//! The latest report of each enterprise as CSV, for spreadsheets. Columns are stable and
//! documented in `www/spec/csv.md`; [`COLUMNS`] is their list.
//!
//! The text is RFC 4180: fields separated by commas (or semicolons, for spreadsheets set up
//! for a decimal comma, as in Chile and Bolivia), lines ended by CRLF, a field quoted when it
//! holds the separator, a quote, CR or LF, with quotes doubled inside. It starts with a UTF-8
//! byte order mark so that spreadsheet programs read accents right. Text typed by people
//! (names, places, cohort tags, notes) that starts with `=`, `+`, `-`, `@`, a tab or CR gets a leading `'`,
//! so a spreadsheet shows it as text instead of running it as a formula.
//!
//! Quoting is one small function here rather than the `csv` crate, which the browser build
//! would have to carry for about 20 lines of work.

use std::fmt;

use super::{Enterprise, TAG_FIELDS};
use crate::engine::{assess, Locale, Pack, Profile, Report};

/// The dimensions whose scores have columns, in column order: the core pack's nine. A
/// dimension a pack adds has no column; one a pack lacks leaves its column empty.
pub const DIMENSIONS: &[&str] = &[
    "connectivity",
    "devices",
    "skills",
    "logistics",
    "payments",
    "formalisation",
    "presence",
    "motivation",
    "network",
];

/// Every column, in order. Ids in English, stable: new columns are only ever added at the end.
pub const COLUMNS: &[&str] = &[
    "enterprise_id",
    "name",
    "country",
    "region",
    "locality",
    "sector",
    "visits",
    "versions_in_conflict",
    "latest_visit_id",
    "latest_visit_date",
    "pack",
    "pack_version",
    "readiness",
    "stage",
    "score_connectivity",
    "score_devices",
    "score_skills",
    "score_logistics",
    "score_payments",
    "score_formalisation",
    "score_presence",
    "score_motivation",
    "score_network",
    "pathways_ready",
    "blockers",
    "next_unlock",
    "next_unlock_changes",
    "unanswered",
    "notes",
    "problem",
    "programme",
    "institution",
    "term",
    "team",
    "steps_agreed",
    "steps_in_progress",
    "steps_done",
    "steps_dropped",
];

/// The columns up to `problem`: the latest visit and its report. The cohort tags and the
/// steps' counts come after them.
const REPORT_COLUMNS: usize = 30;

/// What separates fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// `,` (RFC 4180).
    #[default]
    Comma,
    /// `;`, which spreadsheets set up for a decimal comma expect.
    Semicolon,
}

impl Separator {
    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// The packs needed to score the enterprises' latest visits were not all given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingPacks {
    /// The countries without a pack, in first-seen order.
    pub countries: Vec<String>,
}

impl fmt::Display for MissingPacks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no rule pack for {}, needed to score the latest visits",
            self.countries.join(", ")
        )
    }
}

impl std::error::Error for MissingPacks {}

/// The countries whose packs [`latest_reports`] needs: those of enterprises with a visit, in
/// first-seen order.
pub fn countries_needed(enterprises: &[Enterprise]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in enterprises {
        if !e.visits.is_empty() && !out.contains(&e.country) {
            out.push(e.country.clone());
        }
    }
    out
}

/// The CSV: a header of [`COLUMNS`], then one row per enterprise in the given order, scoring
/// each enterprise's latest visit (see [`Enterprise::latest_visit`]) with `packs(country)`.
/// Report columns are empty for an enterprise with no visits.
pub fn latest_reports<'p>(
    enterprises: &[Enterprise],
    packs: &dyn Fn(&str) -> Option<&'p Pack>,
    separator: Separator,
) -> Result<String, MissingPacks> {
    let missing: Vec<String> = countries_needed(enterprises)
        .into_iter()
        .filter(|c| packs(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(MissingPacks { countries: missing });
    }
    let sep = separator.char();
    let mut out = String::with_capacity(256 + enterprises.len() * 512);
    out.push('\u{feff}');
    write_row(&mut out, sep, COLUMNS.iter().map(|c| Cell::Plain(c)));
    for e in enterprises {
        let row = row(e, packs);
        write_row(&mut out, sep, row.iter().map(|c| c.as_cell()));
    }
    Ok(out)
}

/// One cell's text and whether people typed it.
enum Cell<'a> {
    Plain(&'a str),
    Typed(&'a str),
}

enum Owned {
    Plain(String),
    Typed(String),
}

impl Owned {
    fn as_cell(&self) -> Cell<'_> {
        match self {
            Owned::Plain(s) => Cell::Plain(s),
            Owned::Typed(s) => Cell::Typed(s),
        }
    }
}

fn row<'p>(e: &Enterprise, packs: &dyn Fn(&str) -> Option<&'p Pack>) -> Vec<Owned> {
    let mut cells = report_row(e, packs);
    for tag in TAG_FIELDS {
        cells.push(Owned::Typed(e.detail(tag).unwrap_or("").to_string()));
    }
    cells.extend(e.step_counts().map(|n| Owned::Plain(n.to_string())));
    cells
}

/// The cells from `enterprise_id` to `problem`.
fn report_row<'p>(e: &Enterprise, packs: &dyn Fn(&str) -> Option<&'p Pack>) -> Vec<Owned> {
    use Owned::{Plain, Typed};
    let conflicts = e.visits.iter().filter(|v| v.conflict_of.is_some()).count();
    let mut cells = vec![
        Plain(e.id.clone()),
        Typed(e.name.clone()),
        Plain(e.country.clone()),
        Plain(e.region.clone().unwrap_or_default()),
        Typed(e.locality.clone()),
        Plain(e.sector.clone().unwrap_or_default()),
        Plain(e.visits.len().to_string()),
        Plain(conflicts.to_string()),
    ];
    let Some(visit) = e.latest_visit() else {
        cells.resize_with(REPORT_COLUMNS, || Plain(String::new()));
        return cells;
    };
    cells.push(Plain(visit.id.clone()));
    cells.push(Plain(visit.date.clone()));
    let scored = Profile::from_value(&visit.profile)
        .map_err(|errors| format!("invalid profile: {errors}"))
        .and_then(|profile| {
            let pack =
                packs(&e.country).ok_or_else(|| format!("no rule pack for {}", e.country))?;
            Ok(assess(pack, &profile, Locale::En))
        });
    match scored {
        Ok(report) => cells.extend(report_cells(&report).into_iter().map(Plain)),
        Err(problem) => {
            cells.resize_with(REPORT_COLUMNS - 2, || Plain(String::new()));
            cells.push(Typed(visit.notes.clone()));
            cells.push(Plain(problem));
            return cells;
        }
    }
    cells.push(Typed(visit.notes.clone()));
    cells.push(Plain(String::new()));
    cells
}

/// The cells from `pack` to `unanswered`.
fn report_cells(report: &Report) -> Vec<String> {
    let mut cells = vec![
        report.pack.id.to_string(),
        report.pack.version.to_string(),
        report.readiness.to_string(),
        report.stage.unwrap_or_default().to_string(),
    ];
    for id in DIMENSIONS {
        cells.push(
            report
                .dimensions
                .iter()
                .find(|d| d.id == *id)
                .map(|d| d.score.to_string())
                .unwrap_or_default(),
        );
    }
    let reached: Vec<&str> = report
        .pathways
        .iter()
        .filter(|p| p.reached)
        .map(|p| p.id)
        .collect();
    cells.push(reached.join(";"));
    cells.push(report.blockers.join(";"));
    match &report.next_unlock {
        Some(u) => {
            cells.push(u.pathway.to_string());
            let changes: Vec<String> = u
                .changes
                .iter()
                .map(|c| match &c.to {
                    serde_json::Value::String(s) => format!("{}={s}", c.field),
                    other => format!("{}={other}", c.field),
                })
                .collect();
            cells.push(changes.join(";"));
        }
        None => {
            cells.push(String::new());
            cells.push(String::new());
        }
    }
    cells.push(report.unanswered.len().to_string());
    cells
}

fn write_row<'a>(out: &mut String, sep: char, cells: impl Iterator<Item = Cell<'a>>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(sep);
        }
        match cell {
            Cell::Plain(s) => write_field(out, s, sep, false),
            Cell::Typed(s) => write_field(out, s, sep, true),
        }
    }
    out.push_str("\r\n");
}

/// Appends a row of fields none of which people typed, each quoted as [`write_field`] does,
/// separated by `sep` and ended by `end`: the one CSV writer of the summary (`umbral batch
/// --summary` and the planner page) and of `umbral batch --output csv` as well.
pub fn write_plain_row<'a>(
    out: &mut String,
    cells: impl IntoIterator<Item = &'a str>,
    sep: char,
    end: &str,
) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        write_field(out, cell, sep, false);
    }
    out.push_str(end);
}

/// Appends one field, quoted as RFC 4180 requires: when it holds `sep`, `"`, CR or LF, inside
/// quotes with every `"` doubled. With `typed` (text people typed), a field starting with
/// `=`, `+`, `-`, `@`, a tab or CR gets a leading `'` so spreadsheets do not run it.
pub fn write_field(out: &mut String, value: &str, sep: char, typed: bool) {
    let guard = typed && value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = value.contains([sep, '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(value: &str, typed: bool) -> String {
        let mut out = String::new();
        write_field(&mut out, value, ',', typed);
        out
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(field("Tejidos Ana", true), "Tejidos Ana");
        assert_eq!(field("", false), "");
        assert_eq!(field("Pan, café y más", true), "\"Pan, café y más\"");
        assert_eq!(field("La \"Güera\"", true), "\"La \"\"Güera\"\"\"");
        assert_eq!(field("línea 1\nlínea 2", true), "\"línea 1\nlínea 2\"");
        assert_eq!(field("a\r\nb", true), "\"a\r\nb\"");
        assert_eq!(field("\"", false), "\"\"\"\"");
        let mut out = String::new();
        write_field(&mut out, "a;b,c", ';', false);
        assert_eq!(out, "\"a;b,c\"");
    }

    #[test]
    fn typed_text_never_runs_as_a_formula() {
        assert_eq!(
            field("=HYPERLINK(\"x\")", true),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(field("+52 951", true), "'+52 951");
        assert_eq!(field("-", true), "'-");
        assert_eq!(field("@maria", true), "'@maria");
        assert_eq!(field("-", false), "-");
        assert_eq!(field("a=b", true), "a=b");
    }

    #[test]
    fn the_report_columns_end_with_problem_and_the_rest_follow() {
        assert_eq!(COLUMNS[REPORT_COLUMNS - 1], "problem");
        assert_eq!(COLUMNS.len(), REPORT_COLUMNS + TAG_FIELDS.len() + 4);
        assert_eq!(&COLUMNS[REPORT_COLUMNS..REPORT_COLUMNS + 4], TAG_FIELDS);
    }

    #[test]
    fn columns_are_unique_and_dimensions_have_theirs() {
        let mut sorted = COLUMNS.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), COLUMNS.len());
        for d in DIMENSIONS {
            assert!(COLUMNS.contains(&format!("score_{d}").as_str()), "{d}");
        }
    }
}
