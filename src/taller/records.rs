//! What the workspace stores in IndexedDB, one record per enterprise and one per visit, and how
//! a stored record is read back.
//!
//! Every record carries `v`, the version of its format ([`RECORD_VERSION`]). Reading a record
//! goes through [`migrate`], which brings an older format forward; a record that is not valid
//! JSON, has no version, comes from a newer version of Umbral, or does not hold a readable
//! enterprise or visit is refused with the reason, and the caller sets it aside (see `db`).
//!
//! Stored data before IndexedDB: version 1 of Umbral's stored data is the entrepreneur app's
//! `localStorage` draft (`umbral.draft/1`, `crate::app::storage`); [`from_draft`] turns it
//! into an enterprise with one visit, which the workspace does once, on first open.

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::app::state::COUNTRIES;
use crate::engine::Profile;

/// The format version of the records written now.
pub const RECORD_VERSION: u64 = 1;

/// An enterprise, without its visits (they are records of their own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseRecord {
    pub v: u64,
    pub id: String,
    pub name: String,
    /// `MX`, `CL` or `BO`: the pack its visits are scored with.
    pub country: String,
    #[serde(default)]
    pub region: String,
    /// The town or neighbourhood, as the consultant writes it.
    #[serde(default)]
    pub locality: String,
    #[serde(default)]
    pub sector: String,
    /// RFC 3339 instants (UTC).
    pub created: String,
    pub updated: String,
}

/// One dated visit: an assessment (an `umbral.profile/1` profile) and the consultant's notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitRecord {
    pub v: u64,
    pub id: String,
    pub enterprise: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub profile: Json,
    #[serde(default)]
    pub notes: String,
    pub updated: String,
    /// How many times the visit has been written: a write must name the revision it started
    /// from, so that two tabs never silently overwrite each other.
    pub revision: u64,
}

impl VisitRecord {
    /// The visit's profile; a fresh one for the enterprise's country when it cannot be read
    /// (records are checked when loaded, so this happens only for a hand-made record).
    pub fn profile(&self, country: &str) -> Profile {
        Profile::from_value(&self.profile).unwrap_or_else(|_| Profile::new(country))
    }
}

/// Brings a stored record's JSON to the current format, or says why it cannot be read.
pub fn migrate(value: Json) -> Result<Json, String> {
    match value.get("v").and_then(Json::as_u64) {
        Some(RECORD_VERSION) => Ok(value),
        Some(v) if v > RECORD_VERSION => Err(format!(
            "record format {v} is newer than this version of Umbral reads ({RECORD_VERSION})"
        )),
        Some(v) => Err(format!("unknown record format {v}")),
        None => Err("the record has no format version (v)".into()),
    }
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    let value: Json = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let value = migrate(value)?;
    serde_json::from_value(value).map_err(|e| e.to_string())
}

fn check_country(country: &str) -> Result<(), String> {
    if COUNTRIES.contains(&country) {
        Ok(())
    } else {
        Err(format!("country {country:?} is not one Umbral has a pack for"))
    }
}

/// Whether `date` is a calendar date written YYYY-MM-DD.
pub fn is_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| date[r].parse::<u32>().ok();
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
                2 => 28,
                _ => 0,
            };
            date[0..4].bytes().all(|c| c.is_ascii_digit()) && (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// Reads a stored enterprise record (JSON text).
pub fn decode_enterprise(text: &str) -> Result<EnterpriseRecord, String> {
    let record: EnterpriseRecord = parse(text)?;
    if record.id.is_empty() {
        return Err("the enterprise has no id".into());
    }
    check_country(&record.country)?;
    Ok(record)
}

/// Reads a stored visit record (JSON text); its profile must be a valid `umbral.profile/1`.
pub fn decode_visit(text: &str) -> Result<VisitRecord, String> {
    let record: VisitRecord = parse(text)?;
    if record.id.is_empty() || record.enterprise.is_empty() {
        return Err("the visit has no id or no enterprise".into());
    }
    if !is_date(&record.date) {
        return Err(format!("the visit date {:?} is not YYYY-MM-DD", record.date));
    }
    let profile = Profile::from_value(&record.profile).map_err(|e| format!("profile: {e}"))?;
    check_country(&profile.country)?;
    Ok(record)
}

/// The entrepreneur app's draft (`umbral.draft/1` text) as a profile, when it has answers.
pub fn from_draft(text: &str) -> Option<Profile> {
    let state = crate::app::storage::state_from_draft(text)?;
    state.has_answers().then_some(state.profile)
}
