//! The readiness report (`umbral.report/1`). Field order follows the spec, so serializing a
//! report gives the same bytes on every platform.
//!
//! A report borrows its texts and ids from the pack it was made with (`'p`): building one
//! copies no pack text, which keeps `assess` within its time budget.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value as Json;

use super::pack::{EntryKind, Locale};

/// The `schema` value of every version-1 report.
pub const REPORT_SCHEMA: &str = "umbral.report/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report<'p> {
    pub schema: &'static str,
    pub pack: PackRef<'p>,
    pub locale: Locale,
    pub readiness: u32,
    pub stage: Option<&'p str>,
    pub dimensions: Vec<DimensionScore<'p>>,
    pub pathways: Vec<PathwayStatus<'p>>,
    pub blockers: Vec<Blocker<'p>>,
    pub recommendations: Vec<Recommendation<'p>>,
    pub unanswered: Vec<&'p str>,
    pub next_unlock: Option<Unlock<'p>>,
    /// Catalog entries that addressed a need but were not recommended, and why. An extension of
    /// the spec's report (optional, so older readers ignore it).
    pub left_out: Vec<LeftOut<'p>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackRef<'p> {
    pub id: &'p str,
    pub version: &'p str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason<'p> {
    pub rule: &'p str,
    pub text: Cow<'p, str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<&'p str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore<'p> {
    pub id: &'p str,
    pub label: &'p str,
    pub score: u32,
    pub reasons: Vec<Reason<'p>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathwayStatus<'p> {
    pub id: &'p str,
    pub label: &'p str,
    pub ready: bool,
    pub met: Vec<&'p str>,
    pub missing: Vec<Missing<'p>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing<'p> {
    pub requirement: &'p str,
    pub text: &'p str,
    pub actions: Vec<&'p str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blocker<'p> {
    pub requirement: &'p str,
    pub text: &'p str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cost<'p> {
    pub currency: &'p str,
    pub setup: Json,
    pub monthly: Json,
    pub commission_pct: Json,
    /// How the cost works, in plain words (extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'p str>,
    /// True when a figure could not be confirmed (extension).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation<'p> {
    pub id: &'p str,
    pub kind: EntryKind,
    pub name: &'p str,
    pub step: u32,
    pub cost: Cost<'p>,
    pub addresses: Vec<&'p str>,
    pub why: Vec<Reason<'p>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'p str>,
    pub checked: &'p str,
    /// The one-line description of the entry (extension).
    pub summary: &'p str,
    /// Steps this one needs done first, by id (extension).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<&'p str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unlock<'p> {
    pub pathway: &'p str,
    pub changes: Vec<Change<'p>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change<'p> {
    pub field: &'p str,
    pub to: Json,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut<'p> {
    pub id: &'p str,
    pub name: &'p str,
    pub reason: Reason<'p>,
}

impl Report<'_> {
    /// The report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("reports always serialize")
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("reports always serialize")
    }
}
