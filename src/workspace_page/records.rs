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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::engine::Profile;
use crate::workspace::{is_id, Enterprise, Visit, COUNTRIES};

/// The format version of the records written now.
pub const RECORD_VERSION: u64 = 1;

/// An enterprise ([`Enterprise`], the hand-off file's record) without its visits: they are
/// records of their own, so that writing one answer writes one small record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnterpriseRecord {
    pub v: u64,
    #[serde(flatten)]
    pub enterprise: Enterprise,
}

impl Deref for EnterpriseRecord {
    type Target = Enterprise;
    fn deref(&self) -> &Enterprise {
        &self.enterprise
    }
}

impl DerefMut for EnterpriseRecord {
    fn deref_mut(&mut self) -> &mut Enterprise {
        &mut self.enterprise
    }
}

/// One dated visit ([`Visit`]: an `umbral.profile/2` profile, or a version 1 one stored before, and the consultant's notes) and
/// the enterprise it belongs to. Its revision ([`Visit::revision`], the saves counted in
/// `edits`) is what a write must start from, so that two tabs never silently overwrite each
/// other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitRecord {
    pub v: u64,
    pub enterprise: String,
    #[serde(flatten)]
    pub visit: Visit,
}

impl Deref for VisitRecord {
    type Target = Visit;
    fn deref(&self) -> &Visit {
        &self.visit
    }
}

impl DerefMut for VisitRecord {
    fn deref_mut(&mut self) -> &mut Visit {
        &mut self.visit
    }
}

impl EnterpriseRecord {
    pub fn new(enterprise: Enterprise) -> EnterpriseRecord {
        let mut enterprise = enterprise;
        enterprise.visits.clear();
        EnterpriseRecord {
            v: RECORD_VERSION,
            enterprise,
        }
    }
}

impl VisitRecord {
    pub fn new(enterprise: &str, visit: Visit) -> VisitRecord {
        VisitRecord {
            v: RECORD_VERSION,
            enterprise: enterprise.to_string(),
            visit,
        }
    }

    /// The visit's profile; a fresh one for the enterprise's country when it cannot be read
    /// (records are checked when loaded, so this happens only for a hand-made record).
    pub fn profile_or_new(&self, country: &str) -> Profile {
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

/// Whether a stored record's text was written by a newer version of Umbral (its format
/// version is above [`RECORD_VERSION`]): such a record is left where it is, untouched, for
/// the newer version to read, never set aside by this one.
pub fn is_newer(text: &str) -> bool {
    serde_json::from_str::<Json>(text)
        .ok()
        .and_then(|value| value.get("v").and_then(Json::as_u64))
        .is_some_and(|v| v > RECORD_VERSION)
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
        Err(format!(
            "country {country:?} is not one Umbral has a pack for"
        ))
    }
}

pub use crate::workspace::is_date;

/// Reads a stored enterprise record (JSON text).
pub fn decode_enterprise(text: &str) -> Result<EnterpriseRecord, String> {
    let mut record: EnterpriseRecord = parse(text)?;
    record.enterprise.validate().map_err(|e| e.to_string())?;
    // Visits are records of their own; an enterprise record never holds any.
    record.enterprise.visits.clear();
    Ok(record)
}

/// Reads a stored visit record (JSON text); its profile must be a valid `umbral.profile/2` (or `/1`).
pub fn decode_visit(text: &str) -> Result<VisitRecord, String> {
    let record: VisitRecord = parse(text)?;
    if !is_id(&record.id) || !is_id(&record.enterprise) {
        return Err("the visit's id or its enterprise's id is not an id".into());
    }
    if !is_date(&record.date) {
        return Err(format!(
            "the visit date {:?} is not YYYY-MM-DD",
            record.date
        ));
    }
    let profile = Profile::from_value(&record.profile).map_err(|e| format!("profile: {e}"))?;
    check_country(&profile.country)?;
    Ok(record)
}

/// The entrepreneur app's draft (`umbral.draft/1` text) as a profile, when it has answers.
pub fn from_draft(text: &str) -> Option<Profile> {
    let state = crate::app::draft::state_from_draft(text)?;
    state.has_answers().then_some(state.profile)
}

/// The workspace as hand-off enterprises, each with its visits (by date, then last save),
/// oldest enterprise first; only those in `only` when given. One pass over the visits, so a
/// large workspace assembles in linear time.
pub fn assemble(
    enterprises: &[EnterpriseRecord],
    visits: &[VisitRecord],
    only: Option<&BTreeSet<String>>,
) -> Vec<Enterprise> {
    let mut list: Vec<&EnterpriseRecord> = enterprises
        .iter()
        .filter(|e| only.is_none_or(|ids| ids.contains(&e.id)))
        .collect();
    list.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
    let mut by_enterprise: HashMap<&str, Vec<&VisitRecord>> = HashMap::with_capacity(list.len());
    for e in &list {
        by_enterprise.insert(e.id.as_str(), Vec::new());
    }
    for v in visits {
        if let Some(of) = by_enterprise.get_mut(v.enterprise.as_str()) {
            of.push(v);
        }
    }
    list.into_iter()
        .map(|e| {
            let mut enterprise = e.enterprise.clone();
            let mut of = by_enterprise.remove(e.id.as_str()).unwrap_or_default();
            of.sort_by(|a, b| (&a.date, &a.updated).cmp(&(&b.date, &b.updated)));
            enterprise.visits = of.into_iter().map(|v| v.visit.clone()).collect();
            enterprise
        })
        .collect()
}

/// Why a write or the opening of the database failed (`db` classifies the browser's errors).
#[derive(Clone, Debug, PartialEq)]
pub enum DbError {
    /// No IndexedDB here (some private modes), or it refused to open.
    Unavailable(String),
    /// The device is full (QuotaExceededError): nothing of this write was stored.
    Quota,
    /// The visit changed elsewhere since this tab read it (its stored revision, if any).
    Conflict(Option<u32>),
    Other(String),
}

/// Everything the workspace holds, read at once.
#[derive(Debug, Default)]
pub struct Loaded {
    pub enterprises: Vec<EnterpriseRecord>,
    pub visits: Vec<VisitRecord>,
    /// Records found unreadable by this load (now moved to `apartados`).
    pub set_aside_now: usize,
    /// Records written by a newer version of Umbral, left where they are (not shown here).
    pub newer: usize,
    /// Records in `apartados` altogether.
    pub set_aside_total: usize,
    /// When each enterprise was last exported (by id, RFC 3339).
    pub exported: BTreeMap<String, String>,
    pub draft_imported: bool,
    /// This installation's device id (the key of its saves in each record's `edits`).
    pub device: Option<String>,
}
