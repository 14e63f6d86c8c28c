//! The submissions of a KoboToolbox or ODK Central export of Umbral's form (read by
//! `crate::form::export`) as workspace enterprises with one visit each, which the workspace
//! then merges like a hand-off file ([`super::merge_changes`]).
//!
//! Importing the same export twice must not duplicate anything, on one device or on two that
//! later exchange hand-off files. So each submission becomes the same records whoever imports
//! it and whenever:
//!
//! - **Ids** come from the submission's own id: `kobo-` and its instance id (Kobo's
//!   `meta/rootUuid`, ODK Central's `KEY`, Kobo's `_uuid`, else `meta/instanceID`, without
//!   `uuid:`; the first two stay the same when the submission is edited on the server), else
//!   Kobo's `_id`; an id too long or with other characters is replaced by 16 hex digits of its
//!   hash. The enterprise
//!   and its one visit share it. A submission with no id at all (a hand-made file) is named by
//!   its row and its answers, so only the same file imports to the same records.
//! - **Times** are the submission's: the visit is dated by the day `_submission_time` (else
//!   `SubmissionDate`, `end`, `start`) names as written, and every record's save time is that
//!   moment in UTC. A submission without any of them is refused, as the visit needs a day.
//! - **Saves** are counted under the form's id (`umbral_mx`) as if the form were a device, so
//!   two devices importing the same export make identical records; an edit made here after the
//!   import is a later save of them and is kept on a second import.
//!
//! The merge does the rest: the same submission again is "nothing new"; one changed on the
//! server since (same id, other answers) is kept beside the first as a second version, as
//! with any visit changed in two places, so nothing is lost either way.
//!
//! The enterprise is named by the export's `label` column, else the instance's name
//! (`instanceName`, from the form's `instance_name` setting), else `Kobo <_id>`, `ODK <first 8
//! characters of the instance id>` or `Kobo/ODK #<row>`. Its region and sector are the
//! profile's. Pure: no clock, the submission's times only.

use std::fmt;

use super::handoff::HandoffErrors;
use super::problem::handoff_words;
use super::{clean_name, is_id, time, Enterprise, Fnv, Visit, MAX_ID_LEN};
use crate::engine::profile::{core_field, core_fields, encode_value};
use crate::engine::{fill, Locale};
use crate::form::export::{at_column, ExportError, Submission};

/// What every id of an imported submission starts with.
pub const ID_PREFIX: &str = "kobo-";

/// Why a submission of an export is not imported: worded in Spanish and English; `Display`
/// is the English.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmissionProblem {
    /// The export reader's problems with the submission (its cells, its answers).
    Read(ExportError),
    /// None of the columns that date a visit.
    NoDate,
    /// A date column's cell that is not a date and time.
    NotADate { column: String, written: String },
    /// The enterprise it makes is not one a hand-off file could hold.
    Invalid(HandoffErrors),
}

impl SubmissionProblem {
    /// The problem in `locale`, without where it is.
    pub fn message(&self, locale: Locale) -> String {
        let w = handoff_words(locale);
        match self {
            SubmissionProblem::Read(error) => error.message(locale),
            SubmissionProblem::NoDate => w.no_date().into(),
            SubmissionProblem::NotADate { column, written } => {
                let what = fill(w.not_a_date_time(), &[("written", written)]);
                at_column(column, &what, locale)
            }
            SubmissionProblem::Invalid(errors) => {
                let all: Vec<String> = errors.0.iter().map(|e| e.message(locale)).collect();
                all.join("; ")
            }
        }
    }
}

impl fmt::Display for SubmissionProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// The enterprise, with its one visit, that one submission of an export of form `form_id`
/// stands for; `row` is where it is in the file (a CSV line or the n-th JSON submission),
/// used only for a submission without an id. Errors name the column at fault, if one is.
pub fn enterprise(
    form_id: &str,
    row: usize,
    submission: &Submission,
) -> Result<Enterprise, SubmissionProblem> {
    let (column, written) = match (&submission.submitted, &submission.submitted_column) {
        (Some(value), column) => (column.as_deref().unwrap_or("_submission_time"), value),
        (None, _) => return Err(SubmissionProblem::NoDate),
    };
    let moment = time::utc_from_iso(written).ok_or_else(|| SubmissionProblem::NotADate {
        column: column.to_string(),
        written: written.clone(),
    })?;
    let date = &written.trim()[..10];
    let id = record_id(row, submission);
    let device = if is_id(form_id) { form_id } else { "export" };
    let profile = &submission.profile;
    let mut enterprise = Enterprise::new(
        &id,
        &name(row, submission),
        &profile.country,
        device,
        &moment,
    );
    let answer = |path: &str| {
        core_field(path)
            .and_then(|f| {
                profile
                    .get(f)
                    .map(|v| encode_value(&core_fields()[f].kind, v))
            })
            .and_then(|v| v.as_str().map(str::to_string))
    };
    enterprise.region = answer("region");
    enterprise.sector = answer("sector");
    enterprise
        .visits
        .push(Visit::new(&id, date, profile.to_value(), device, &moment));
    enterprise.validate().map_err(SubmissionProblem::Invalid)?;
    Ok(enterprise)
}

/// The id of the records a submission becomes: see the module's documentation.
pub fn record_id(row: usize, submission: &Submission) -> String {
    let own = submission
        .instance
        .as_deref()
        .map(|i| i.trim().trim_start_matches("uuid:"))
        .filter(|i| !i.is_empty())
        .or(submission
            .id
            .as_deref()
            .map(str::trim)
            .filter(|i| !i.is_empty()));
    let key = match own {
        Some(own) => {
            let id = format!("{ID_PREFIX}{own}");
            if is_id(&id) {
                return id;
            }
            own.to_string()
        }
        None => format!("row {row} {}", submission.profile.to_json()),
    };
    let mut h = Fnv::new();
    h.write(key.as_bytes());
    let id = format!("{ID_PREFIX}{:016x}", h.finish());
    debug_assert!(id.len() <= MAX_ID_LEN);
    id
}

/// The enterprise's name: see the module's documentation.
pub fn name(row: usize, submission: &Submission) -> String {
    if let Some(name) = submission.name.as_deref().and_then(clean_name) {
        return name;
    }
    let id = submission
        .id
        .as_deref()
        .map(str::trim)
        .filter(|i| !i.is_empty());
    let instance = submission
        .instance
        .as_deref()
        .map(|i| i.trim().trim_start_matches("uuid:"))
        .filter(|i| !i.is_empty());
    match (id, instance) {
        // Kobo's `_id` is a number; ODK's `KEY` is the instance id itself.
        (Some(id), _) if id.bytes().all(|b| b.is_ascii_digit()) => format!("Kobo {id}"),
        (_, Some(instance)) => format!("ODK {}", instance.chars().take(8).collect::<String>()),
        (Some(id), None) => clean_name(&format!("Kobo {id}")).unwrap_or_else(|| "Kobo".into()),
        (None, None) => format!("Kobo/ODK #{row}"),
    }
}

/// One sentence naming the rows of an export left out, with their problems (the first five,
/// each with its place), or `None` when none was. `refused` holds (place, problem).
pub fn refused_summary(refused: &[(String, String)], locale: Locale) -> Option<String> {
    let n = refused.len();
    if n == 0 {
        return None;
    }
    let w = handoff_words(locale);
    let head = if n == 1 {
        w.refused_rows_one()
    } else {
        w.refused_rows_other()
    };
    let head = fill(head, &[("n", &n.to_string())]);
    let shown: Vec<String> = refused
        .iter()
        .take(5)
        .map(|(place, problem)| format!("{place}: {problem}"))
        .collect();
    let rest = match n.saturating_sub(5) {
        0 => String::new(),
        r => fill(w.more_rows(), &[("n", &r.to_string())]),
    };
    Some(format!("{head} {}{rest}", shown.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Profile;

    fn submission(json: serde_json::Value) -> Submission {
        Submission {
            id: None,
            instance: None,
            submitted: Some("2026-12-02T15:04:05".into()),
            submitted_column: Some("_submission_time".into()),
            name: None,
            profile: Profile::from_value(&json).unwrap(),
        }
    }

    #[test]
    fn ids_come_from_the_instance_then_kobo_s_id_then_the_row() {
        let mut s = submission(serde_json::json!({"schema": "umbral.profile/2", "country": "MX"}));
        assert_eq!(record_id(3, &s), record_id(3, &s.clone()));
        assert!(record_id(3, &s).starts_with("kobo-"));
        assert_ne!(record_id(3, &s), record_id(4, &s), "the row names it");
        s.id = Some("41".into());
        assert_eq!(record_id(3, &s), "kobo-41");
        s.instance = Some("uuid:1b2c-3d".into());
        assert_eq!(record_id(9, &s), "kobo-1b2c-3d");
        // ODK's KEY for a repeat: not an id as it is, so hashed, the same every time.
        s.instance = Some("uuid:1b2c/grupo[1]".into());
        let hashed = record_id(9, &s);
        assert!(is_id(&hashed) && hashed.len() == 21, "{hashed}");
        assert_eq!(hashed, record_id(1, &s));
    }

    #[test]
    fn names_from_the_label_the_instance_name_or_the_id() {
        let mut s = submission(serde_json::json!({"schema": "umbral.profile/2", "country": "MX"}));
        assert_eq!(name(7, &s), "Kobo/ODK #7");
        s.instance = Some("uuid:0f1e2d3c-4b5a".into());
        assert_eq!(name(7, &s), "ODK 0f1e2d3c");
        s.id = Some("1041".into());
        assert_eq!(name(7, &s), "Kobo 1041");
        s.name = Some("  Tejidos Ana ".into());
        assert_eq!(name(7, &s), "Tejidos Ana");
        s.name = Some("   ".into());
        assert_eq!(name(7, &s), "Kobo 1041");
    }

    #[test]
    fn a_submission_is_an_enterprise_with_one_visit_dated_by_it() {
        let mut s = submission(serde_json::json!({
            "schema": "umbral.profile/2", "country": "MX", "region": "MX-OAX",
            "sector": "crafts", "label": "41", "skills": {"digital_level": 2}
        }));
        s.id = Some("41".into());
        s.instance = Some("uuid:a1".into());
        s.submitted = Some("2026-12-02T23:30:00-06:00".into());
        s.submitted_column = Some("end".into());
        let e = enterprise("umbral_mx", 2, &s).unwrap();
        assert_eq!((e.id.as_str(), e.name.as_str()), ("kobo-a1", "Kobo 41"));
        assert_eq!(e.region.as_deref(), Some("MX-OAX"));
        assert_eq!(e.sector.as_deref(), Some("crafts"));
        assert_eq!(e.created, "2026-12-03T05:30:00Z");
        assert_eq!(
            e.edits,
            crate::workspace::Edits::from([("umbral_mx".into(), 1)])
        );
        let [visit] = e.visits.as_slice() else {
            panic!("one visit")
        };
        // The day the device wrote, not the day in UTC.
        assert_eq!(
            (visit.id.as_str(), visit.date.as_str()),
            ("kobo-a1", "2026-12-02")
        );
        assert_eq!(visit.updated, "2026-12-03T05:30:00Z");
        assert_eq!(visit.profile["skills"]["digital_level"], 2);
        assert_eq!(
            e,
            enterprise("umbral_mx", 2, &s).unwrap(),
            "the same every time"
        );
    }

    #[test]
    fn importing_the_same_submissions_twice_changes_nothing() {
        let subs: Vec<Submission> = (0..3)
            .map(|i| {
                let mut s = submission(serde_json::json!({"schema": "umbral.profile/2", "country": "MX", "sector": "food"}));
                s.instance = Some(format!("uuid:{i}"));
                s
            })
            .collect();
        let import = |subs: &[Submission]| -> Vec<Enterprise> {
            subs.iter()
                .enumerate()
                .map(|(i, s)| enterprise("umbral_mx", i + 2, s).unwrap())
                .collect()
        };
        let mut here = Vec::new();
        let first = crate::workspace::merge(&mut here, import(&subs));
        assert_eq!((first.enterprises_added, first.visits_added), (3, 3));
        let again = crate::workspace::merge(&mut here, import(&subs));
        assert!(!again.changed(), "{again:?}");
        assert_eq!(here.len(), 3);
        // An edit here is kept over the export on the next import.
        here[0].visits[0].notes = "visitado".into();
        here[0].visits[0].touch("tel-ana", "2026-12-05T10:00:00Z");
        let (report, changes) = crate::workspace::merge_changes(&here, import(&subs));
        assert!(!report.changed() && changes.is_empty(), "{report:?}");
        // The same submission changed on the server: both versions are kept.
        let mut changed = subs.clone();
        changed[1].profile = Profile::from_value(
            &serde_json::json!({"schema": "umbral.profile/2", "country": "MX", "sector": "crafts"}),
        )
        .unwrap();
        let report = crate::workspace::merge(&mut here, import(&changed));
        assert_eq!(report.visit_conflicts, 1);
        assert_eq!(here[1].visits.len(), 2);
    }

    #[test]
    fn problems_name_the_column() {
        let mut s = submission(serde_json::json!({"schema": "umbral.profile/2", "country": "MX"}));
        s.submitted = Some("ayer".into());
        s.submitted_column = Some("end".into());
        let problem = enterprise("umbral_mx", 2, &s).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "column 'end': 'ayer' is not a date and time (such as 2026-12-02T15:04:05)"
        );
        assert_eq!(
            problem.message(Locale::Es),
            "columna 'end': 'ayer' no es una fecha con hora (como 2026-12-02T15:04:05)"
        );
        s.submitted = None;
        assert!(enterprise("umbral_mx", 2, &s)
            .unwrap_err()
            .to_string()
            .starts_with("no date: the submission has none of the columns _submission_time"));
    }

    #[test]
    fn refused_rows_in_one_sentence() {
        assert_eq!(refused_summary(&[], Locale::Es), None);
        let one = [("línea 3".to_string(), "column 'x': bad".to_string())];
        assert_eq!(
            refused_summary(&one, Locale::Es).unwrap(),
            "Una fila del archivo no se importó porque tiene errores: línea 3: column 'x': bad"
        );
        let many: Vec<(String, String)> = (1..=7)
            .map(|i| (format!("line {i}"), "bad".to_string()))
            .collect();
        let text = refused_summary(&many, Locale::En).unwrap();
        assert!(
            text.starts_with(
                "7 rows of the file were not imported because they have errors: line 1: bad; "
            ),
            "{text}"
        );
        assert!(text.ends_with("line 5: bad (+2 rows)"), "{text}");
    }
}
