//! The consultant's workspace: enterprises with their cohort tags, their dated visits (one
//! assessment each, with notes and, at a follow-up, outcomes), the steps of each visit's
//! roadmap followed through, and what travels between devices.
//!
//! - [`Enterprise`] and [`Visit`] are the stored records; an enterprise's [`FollowStep`]s and
//!   cohort tags (programme, institution, term, team: [`TAG_FIELDS`]) live in its record, a
//!   visit's [`Outcomes`] in the visit. The browser app keeps them in IndexedDB; the command
//!   line reads them from hand-off files.
//! - [`handoff`] is the versioned hand-off file `umbral.handoff/3` (versions 2 and 1 still
//!   read): [`handoff::encode`] and [`handoff::decode`], which reports every problem at once
//!   with its JSON path.
//! - [`follow`] saves where each step stands ([`Enterprise::set_step`]), lists the steps the
//!   next visit opens with ([`Enterprise::open_steps`]) and confirms a step done into a later
//!   visit's answers ([`Enterprise::confirm_step`], with the catalogue entry's `sets`).
//!   [`Enterprise::in_cohort`] selects a cohort by its tags.
//! - [`merge()`] brings an imported file into the local workspace by enterprise, visit and step:
//!   nothing is duplicated, where both sides changed the same visit both versions are kept, and
//!   where both changed the same step one version is kept, the same on every device.
//! - [`csv`] writes the latest report of each enterprise as CSV with stable columns.
//! - [`progress`] compares two reports: what changed from one visit to the next.
//! - [`submissions`] turns the submissions of a KoboToolbox or ODK Central export into
//!   enterprises with one visit each, the same records on every import, to merge like a file.
//!
//! Like the engine, this module is pure: no I/O, no clock, no browser crates. Callers pass the
//! time (`now`, RFC 3339 UTC) and the device id in, so the same inputs give the same records
//! natively and in WebAssembly.
//!
//! # Edits and conflicts
//!
//! Every record carries `edits`: for each device that ever saved it, how many saves that device
//! made (a version vector). A device id is an opaque string the app generates once per
//! installation. Call [`Visit::touch`] or [`Enterprise::touch`] on every save (steps count
//! their own saves in [`Enterprise::set_step`] and [`Enterprise::confirm_step`]). Comparing two
//! copies' `edits` tells whether one is a later state of the other (every count at least as
//! high) or whether both were changed apart (each has a count the other lacks); only the second
//! is a conflict. See `www/spec/handoff.md` for the full merge rule.

pub mod csv;
pub mod follow;
pub mod handoff;
mod merging;
pub mod problem;
pub mod progress;
pub mod submissions;
pub mod time;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::engine::Profile;

pub use follow::FollowError;
pub use handoff::{HandoffError, HandoffErrors};
pub use merging::{merge, merge_changes, Changes, MergeReport};
pub use time::{is_date, is_timestamp, timestamp_from_unix};

/// Countries an enterprise can be in: those with a rule pack.
pub use crate::engine::profile::COUNTRIES;

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;
/// The longest enterprise name or locality, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest notes of one visit, in characters.
pub const MAX_NOTES_CHARS: usize = 20_000;

/// An enterprise's name as the workspace stores it, from text entered anywhere (the form, a
/// share link's label read from a QR code, the app's draft): trimmed and at most
/// [`MAX_NAME_CHARS`] characters; `None` when nothing is left, so that the caller names it
/// otherwise. Every name stored passes the hand-off reader.
pub fn clean_name(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let name: String = trimmed.chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim_end();
    (!name.is_empty()).then(|| name.to_string())
}

/// Cuts `notes` to at most [`MAX_NOTES_CHARS`] characters; returns whether anything was cut,
/// for the page to say so. Every note stored passes the hand-off reader.
pub fn clamp_notes(notes: &mut String) -> bool {
    match notes.char_indices().nth(MAX_NOTES_CHARS) {
        Some((cut, _)) => {
            notes.truncate(cut);
            true
        }
        None => false,
    }
}

/// Saves per device: the version vector of a record. Keys are device ids.
pub type Edits = BTreeMap<String, u32>;

/// One enterprise a consultant follows, with its visits.
///
/// `region`, `locality` and `sector` describe the enterprise for lists, search and the CSV;
/// scoring reads only each visit's profile. `locality` is the place's name as people say it
/// (a town or neighbourhood), not the profile's locality class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enterprise<A = Json> {
    /// Opaque, generated by the app (for example 32 hex digits from a random source): 1 to 64
    /// ASCII letters, digits, `-` or `_`.
    pub id: String,
    /// The enterprise's name, 1 to 200 characters, not blank.
    pub name: String,
    /// `MX`, `CL` or `BO`.
    pub country: String,
    /// ISO 3166-2 subdivision, such as `MX-OAX`, as in the profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Town or neighbourhood, free text up to 200 characters; may be empty.
    #[serde(default)]
    pub locality: String,
    /// One of the profile's sector values (`food`, `crafts`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Cohort tags: the programme, the institution, the term and the team that follow the
    /// enterprise ("Pueblos Digitales", "Universidad de Celaya", "2026-2", "Equipo 4"). Each
    /// is free text of 1 to 200 characters, trimmed; unset when empty. They merge like the
    /// other details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// When the enterprise was added, RFC 3339 UTC.
    pub created: String,
    /// When its details (not its visits) were last saved, RFC 3339 UTC.
    pub updated: String,
    /// Saves of the details per device.
    #[serde(default)]
    pub edits: Edits,
    /// Values of the details that another device saved at the same time as this one, kept
    /// by [`merge()`] so that neither is lost. The app shows them and clears each once the user
    /// has chosen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_values: Vec<OtherValue>,
    /// The visits, in the order they were added.
    #[serde(default)]
    pub visits: Vec<Visit<A>>,
    /// The steps of visits' roadmaps followed through: one per visit and catalogue entry,
    /// each with its own save counts (see [`FollowStep`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<FollowStep>,
    /// Visits deleted on this device, so that importing an older file does not bring them
    /// back. Importing never deletes anything.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Removed>,
}

/// One visit: an assessment on a date, and the consultant's notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit<A = Json> {
    /// Opaque, generated by the app; unique within its enterprise. Same form as enterprise ids.
    pub id: String,
    /// The day of the visit, `YYYY-MM-DD`.
    pub date: String,
    /// The answers: an `umbral.profile/2` profile (or a version 1 one stored
    /// before it) as its JSON object, as the workspace stores them; or, read from a hand-off
    /// file to be scored rather than kept ([`handoff::decode_for_scoring`]), parsed.
    pub profile: A,
    /// The consultant's notes, up to 20,000 characters.
    #[serde(default)]
    pub notes: String,
    /// What a follow-up visit found of the enterprise's selling online: part of the visit's
    /// content, saved and merged with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<Outcomes>,
    /// When the visit was last saved, RFC 3339 UTC.
    pub updated: String,
    /// Saves per device.
    #[serde(default)]
    pub edits: Edits,
    /// When this visit is the other side's version of a visit both sides changed: the id of
    /// that visit. The app shows the two together ("dos versiones").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<String>,
}

/// A detail of an enterprise as another device saved it, kept beside this device's value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OtherValue {
    /// One of [`DETAIL_FIELDS`].
    pub field: String,
    /// The other value; empty when the other device left the detail unset.
    pub value: String,
}

/// A visit deleted on this device: its id and the saves it had seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    pub id: String,
    pub edits: Edits,
}

/// The details of an enterprise that [`merge()`] compares, in this order: the four of version
/// 2 of the hand-off file, then the cohort tags ([`TAG_FIELDS`]). The country is not one of
/// them: it is fixed when the enterprise is created (every visit's profile is in it).
pub const DETAIL_FIELDS: &[&str] = &[
    "name",
    "region",
    "locality",
    "sector",
    "programme",
    "institution",
    "term",
    "team",
];

/// The cohort tags among [`DETAIL_FIELDS`] (its last four): who follows the enterprise.
pub const TAG_FIELDS: &[&str] = DETAIL_FIELDS.split_at(4).1;

/// The longest reason a step was dropped for, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// Where a step of a visit's roadmap stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// The owner agreed to take it.
    Agreed,
    InProgress,
    Done,
    /// Left aside, with a reason.
    Dropped,
}

impl StepStatus {
    pub const ALL: [StepStatus; 4] = [
        StepStatus::Agreed,
        StepStatus::InProgress,
        StepStatus::Done,
        StepStatus::Dropped,
    ];

    /// The status as the hand-off file writes it.
    pub fn code(self) -> &'static str {
        match self {
            StepStatus::Agreed => "agreed",
            StepStatus::InProgress => "in_progress",
            StepStatus::Done => "done",
            StepStatus::Dropped => "dropped",
        }
    }

    /// The status of this code.
    pub fn parse(code: &str) -> Option<StepStatus> {
        StepStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the step is still open: agreed or in progress.
    pub fn is_open(self) -> bool {
        matches!(self, StepStatus::Agreed | StepStatus::InProgress)
    }

    /// How far the step went, for breaking ties between two devices' statuses: done, then
    /// dropped, then in progress, then agreed.
    fn weight(self) -> u8 {
        match self {
            StepStatus::Agreed => 0,
            StepStatus::InProgress => 1,
            StepStatus::Dropped => 2,
            StepStatus::Done => 3,
        }
    }
}

/// Who takes a step on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    Owner,
    Relative,
    Staff,
    Consultant,
}

impl Who {
    pub const ALL: [Who; 4] = [Who::Owner, Who::Relative, Who::Staff, Who::Consultant];

    /// As the hand-off file writes it.
    pub fn code(self) -> &'static str {
        match self {
            Who::Owner => "owner",
            Who::Relative => "relative",
            Who::Staff => "staff",
            Who::Consultant => "consultant",
        }
    }

    pub fn parse(code: &str) -> Option<Who> {
        Who::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// One step of a visit's roadmap, followed through: the catalogue entry it recommended, where
/// it stands, who takes it on and when to look again. Its key is (`visit`, `step`), unique in
/// its enterprise. It has its own save counts, so that two devices changing different steps
/// never conflict; see `www/spec/handoff.md` for how two copies of one step merge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowStep {
    /// The id of the catalogue entry the roadmap recommended (a report step's option `id`,
    /// such as `whatsapp-business`).
    pub step: String,
    /// The id of the visit whose roadmap recommended it (it may since have been deleted).
    pub visit: String,
    pub status: StepStatus,
    /// Why it was dropped, 1 to 500 characters: only, and always, when dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<Who>,
    /// When to look at it again, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// The later visit whose answers the consultant changed on confirming the step done
    /// (only when done; see `Enterprise::confirm_step`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_in: Option<String>,
    /// When it was last saved, RFC 3339 UTC.
    pub updated: String,
    /// Saves per device.
    #[serde(default)]
    pub edits: Edits,
}

impl FollowStep {
    /// How many saves the step has had, on every device together.
    pub fn revision(&self) -> u32 {
        saves(&self.edits)
    }

    /// Whether two copies say the same (save counts aside, the time saved included).
    pub fn same_content(&self, other: &FollowStep) -> bool {
        self.content_json() == other.content_json()
    }

    /// The step as JSON without its save counts: the same on every device, which breaks the
    /// last tie of the merge rule.
    pub(crate) fn content_json(&self) -> String {
        let copy = FollowStep {
            edits: Edits::new(),
            ..self.clone()
        };
        serde_json::to_string(&copy).expect("steps serialize")
    }

    /// The order in which the merge rule prefers one of two copies changed apart: the later
    /// save, then the status that went further, then the smaller JSON text.
    pub(crate) fn preferred_over(&self, other: &FollowStep) -> bool {
        time::compare_timestamps(&self.updated, &other.updated)
            .then_with(|| self.status.weight().cmp(&other.status.weight()))
            .then_with(|| other.content_json().cmp(&self.content_json()))
            == Ordering::Greater
    }
}

/// What a follow-up visit found: whether the enterprise sells online, by which channels, the
/// share of sales that start online, and which tools adopted earlier it still uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcomes {
    pub selling_online: bool,
    /// The channels it sells through, values of the profile's `presence.channels`, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<String>,
    /// Per cent of sales that start online, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_share: Option<u8>,
    /// Tools adopted earlier (catalogue entry ids, each once) and whether they are still used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<ToolUse>,
}

/// One tool adopted earlier, at a follow-up visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolUse {
    /// The catalogue entry's id.
    pub entry: String,
    pub still_using: bool,
}

/// Which cohort to keep: each tag given must equal the enterprise's, ignoring case, accents
/// and spaces at either end; a tag not given (or blank) keeps every enterprise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CohortFilter {
    pub programme: Option<String>,
    pub institution: Option<String>,
    pub term: Option<String>,
    pub team: Option<String>,
}

impl CohortFilter {
    /// Whether the filter keeps every enterprise.
    pub fn is_empty(&self) -> bool {
        self.tags().all(|(_, t)| t.is_none())
    }

    /// Whether the filter keeps an enterprise whose tag `tag` is `value(tag)`: each tag the
    /// filter gives equals the enterprise's, ignoring case, accents and spaces at either end.
    pub fn keeps<'a>(&self, value: impl Fn(&str) -> Option<&'a str>) -> bool {
        self.tags().all(|(tag, wanted)| match wanted {
            None => true,
            Some(wanted) => fold(value(tag).unwrap_or("").trim()) == fold(wanted.trim()),
        })
    }

    /// The filter's value for tag `tag` (one of [`TAG_FIELDS`]); a blank value as none.
    pub fn get(&self, tag: &str) -> Option<&str> {
        self.slot(tag)?.as_deref().filter(|t| !t.trim().is_empty())
    }

    /// Sets the filter's value for tag `tag` (a blank value keeps every enterprise); an
    /// unknown tag changes nothing.
    pub fn set(&mut self, tag: &str, value: Option<String>) {
        if let Some(slot) = self.slot_mut(tag) {
            *slot = value.filter(|v| !v.trim().is_empty());
        }
    }

    /// Each tag with its filter value, in [`TAG_FIELDS`] order; blank values as none.
    fn tags(&self) -> impl Iterator<Item = (&'static str, Option<&str>)> {
        TAG_FIELDS.iter().map(|t| (*t, self.get(t)))
    }

    fn slot(&self, tag: &str) -> Option<&Option<String>> {
        Some(match tag {
            "programme" => &self.programme,
            "institution" => &self.institution,
            "term" => &self.term,
            "team" => &self.team,
            _ => return None,
        })
    }

    fn slot_mut(&mut self, tag: &str) -> Option<&mut Option<String>> {
        Some(match tag {
            "programme" => &mut self.programme,
            "institution" => &mut self.institution,
            "term" => &mut self.term,
            "team" => &mut self.team,
            _ => return None,
        })
    }
}

/// The distinct values among `values`, each once whatever its case, accents and spaces at
/// either end (as [`CohortFilter`] compares them), in folded order; blanks left out. The
/// choices of a cohort tag's filter.
pub fn distinct_tags<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut distinct: BTreeMap<String, String> = BTreeMap::new();
    for value in values.map(str::trim).filter(|v| !v.is_empty()) {
        distinct
            .entry(fold(value))
            .or_insert_with(|| value.to_string());
    }
    distinct.into_values().collect()
}

impl<A> Enterprise<A> {
    /// The value of one of [`DETAIL_FIELDS`] as text (empty when unset), or `None` for an
    /// unknown field name.
    pub fn detail(&self, field: &str) -> Option<&str> {
        Some(match field {
            "name" => &self.name,
            "region" => self.region.as_deref().unwrap_or(""),
            "locality" => &self.locality,
            "sector" => self.sector.as_deref().unwrap_or(""),
            "programme" => self.programme.as_deref().unwrap_or(""),
            "institution" => self.institution.as_deref().unwrap_or(""),
            "term" => self.term.as_deref().unwrap_or(""),
            "team" => self.team.as_deref().unwrap_or(""),
            _ => return None,
        })
    }

    /// Whether the enterprise matches a search: every word of `query` appears in its name,
    /// locality, region, id or cohort tags, ignoring case and accents ("tejidos teotitlan"
    /// finds "Tejidos Ana", Teotitlán del Valle; "celaya 2026-2" finds those a team from the
    /// Universidad de Celaya followed that term). An empty query matches everything.
    pub fn matches(&self, query: &str) -> bool {
        let mut haystack = format!(
            "{} {} {} {}",
            self.name,
            self.locality,
            self.region.as_deref().unwrap_or(""),
            self.id
        );
        for tag in TAG_FIELDS {
            haystack.push(' ');
            haystack.push_str(self.detail(tag).unwrap_or(""));
        }
        let haystack = fold(&haystack);
        fold(query)
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// Whether the enterprise is in the cohort `filter` names: each tag the filter gives
    /// equals the enterprise's, ignoring case, accents and spaces at either end.
    pub fn in_cohort(&self, filter: &CohortFilter) -> bool {
        filter.keeps(|tag| self.detail(tag))
    }

    /// The visit with this id.
    pub fn visit(&self, id: &str) -> Option<&Visit<A>> {
        self.visits.iter().find(|v| v.id == id)
    }

    /// The visit with this id, to change it.
    pub fn visit_mut(&mut self, id: &str) -> Option<&mut Visit<A>> {
        self.visits.iter_mut().find(|v| v.id == id)
    }

    /// The latest visit: the last by date, then by time saved, then by id. Versions kept by a
    /// conflict count like any visit.
    pub fn latest_visit(&self) -> Option<&Visit<A>> {
        self.visits.iter().max_by(|a, b| visit_order(a, b))
    }

    /// The visits from the earliest to the latest, in the order of [`Enterprise::latest_visit`].
    pub fn visits_in_order(&self) -> Vec<&Visit<A>> {
        let mut visits: Vec<&Visit<A>> = self.visits.iter().collect();
        visits.sort_by(|a, b| visit_order(a, b));
        visits
    }
}

impl Enterprise {
    /// A new enterprise with no visits, saved once by `device` at `now`.
    pub fn new(id: &str, name: &str, country: &str, device: &str, now: &str) -> Enterprise {
        Enterprise {
            id: id.to_string(),
            name: name.to_string(),
            country: country.to_string(),
            region: None,
            locality: String::new(),
            sector: None,
            programme: None,
            institution: None,
            term: None,
            team: None,
            created: now.to_string(),
            updated: now.to_string(),
            edits: Edits::from([(device.to_string(), 1)]),
            other_values: Vec::new(),
            visits: Vec::new(),
            steps: Vec::new(),
            removed: Vec::new(),
        }
    }

    /// How many saves the record has had, on every device together: its details' and its
    /// steps'. What a write of the record (the details with the steps) must start from, so
    /// that two tabs never silently overwrite each other.
    pub fn revision(&self) -> u32 {
        self.steps
            .iter()
            .map(FollowStep::revision)
            .fold(saves(&self.edits), u32::saturating_add)
    }

    /// Records a save of the details by `device` at `now`. Call it after changing them. Other
    /// values equal to a detail's new value are dropped: nothing is left to choose there.
    pub fn touch(&mut self, device: &str, now: &str) {
        let current: Vec<(&str, String)> = DETAIL_FIELDS
            .iter()
            .map(|f| (*f, self.detail(f).unwrap_or_default().to_string()))
            .collect();
        self.other_values
            .retain(|o| !current.iter().any(|(f, v)| *f == o.field && *v == o.value));
        tick(&mut self.edits, device);
        self.updated = now.to_string();
    }

    /// Sets one of [`DETAIL_FIELDS`] to `value` (empty clears `region`, `sector` or a tag; a
    /// tag is trimmed first), drops the other values kept for that detail (the user has
    /// chosen), and records the save. The value is not checked here; [`Enterprise::validate`]
    /// checks the record.
    pub fn choose_detail(
        &mut self,
        field: &str,
        value: &str,
        device: &str,
        now: &str,
    ) -> Result<(), String> {
        let optional = |v: &str| (!v.is_empty()).then(|| v.to_string());
        match field {
            "name" => self.name = value.to_string(),
            "region" => self.region = optional(value),
            "locality" => self.locality = value.to_string(),
            "sector" => self.sector = optional(value),
            "programme" => self.programme = optional(value.trim()),
            "institution" => self.institution = optional(value.trim()),
            "term" => self.term = optional(value.trim()),
            "team" => self.team = optional(value.trim()),
            _ => {
                return Err(format!(
                    "unknown detail '{field}'; expected one of: {}",
                    DETAIL_FIELDS.join(", ")
                ))
            }
        }
        self.other_values.retain(|o| o.field != field);
        self.touch(device, now);
        Ok(())
    }

    /// Deletes a visit, remembering it so that importing an older file does not bring it back
    /// (a file whose copy was changed after what this device saw still brings it back: an
    /// edit is never lost). Returns the visit, or `None` when there is none with this id.
    pub fn remove_visit(&mut self, id: &str) -> Option<Visit> {
        let index = self.visits.iter().position(|v| v.id == id)?;
        let visit = self.visits.remove(index);
        remember_removed(&mut self.removed, &visit.id, &visit.edits);
        Some(visit)
    }

    /// Settles a conflict kept by [`merge()`]: `copy_id` is the visit whose `conflict_of` names
    /// the original. With `keep_copy` the original takes the copy's date, answers, notes and
    /// outcomes;
    /// otherwise it keeps its own. Either way the copy is deleted and the original records a
    /// save that follows both versions, so importing either version again changes nothing.
    pub fn resolve_conflict(
        &mut self,
        copy_id: &str,
        keep_copy: bool,
        device: &str,
        now: &str,
    ) -> Result<(), String> {
        let copy = self
            .visit(copy_id)
            .ok_or_else(|| format!("no visit '{copy_id}'"))?;
        let original_id = copy
            .conflict_of
            .clone()
            .ok_or_else(|| format!("visit '{copy_id}' is not a version kept by a conflict"))?;
        if self.visit(&original_id).is_none() {
            return Err(format!(
                "visit '{copy_id}' is a version of '{original_id}', which is not here"
            ));
        }
        let copy = self.remove_visit(copy_id).expect("found above");
        let original = self.visit_mut(&original_id).expect("found above");
        join(&mut original.edits, &copy.edits);
        if keep_copy {
            original.date = copy.date;
            original.profile = copy.profile;
            original.notes = copy.notes;
            original.outcomes = copy.outcomes;
        }
        original.touch(device, now);
        Ok(())
    }

    /// Reads one enterprise record (as `serde_json::to_value` writes it) and checks it as
    /// [`handoff::decode`] checks each enterprise of a file, with paths relative to the record
    /// (`visits[1].date`). For records read back from storage: a record that fails is set
    /// aside with these messages, and the others still load. (`serde`'s `Deserialize` reads
    /// the same shape without these checks.)
    pub fn from_value(value: &Json) -> Result<Enterprise, HandoffErrors> {
        handoff::decode_enterprise_value(value)
    }

    /// Checks the record as [`Enterprise::from_value`] does.
    pub fn validate(&self) -> Result<(), HandoffErrors> {
        let value = serde_json::to_value(self).expect("enterprises serialize");
        handoff::decode_enterprise_value(&value).map(|_| ())
    }
}

impl Visit {
    /// A new visit saved once by `device` at `now`. `profile` is the profile's JSON object.
    pub fn new(id: &str, date: &str, profile: Json, device: &str, now: &str) -> Visit {
        Visit {
            id: id.to_string(),
            date: date.to_string(),
            profile,
            notes: String::new(),
            outcomes: None,
            updated: now.to_string(),
            edits: Edits::from([(device.to_string(), 1)]),
            conflict_of: None,
        }
    }

    /// Records a save by `device` at `now`. Call it after changing the date, answers, notes
    /// or outcomes.
    pub fn touch(&mut self, device: &str, now: &str) {
        tick(&mut self.edits, device);
        self.updated = now.to_string();
    }

    /// Reads one visit record (as `serde_json::to_value` writes it) and checks it as
    /// [`handoff::decode`] checks each visit of a file, with paths relative to the record
    /// (`profile.skills.digital_level`). With `country`, the profile must be for that country
    /// (its enterprise's). For visits stored as records of their own.
    pub fn from_value(value: &Json, country: Option<&str>) -> Result<Visit, HandoffErrors> {
        handoff::decode_visit_value(value, country)
    }

    /// Checks the record as [`Visit::from_value`] does.
    pub fn validate(&self, country: Option<&str>) -> Result<(), HandoffErrors> {
        let value = serde_json::to_value(self).expect("visits serialize");
        handoff::decode_visit_value(&value, country).map(|_| ())
    }

    /// How many saves this visit has had, on every device together.
    pub fn revision(&self) -> u32 {
        saves(&self.edits)
    }

    /// The visit's profile, decoded.
    pub fn decoded_profile(&self) -> Result<Profile, crate::engine::ProfileErrors> {
        Profile::from_value(&self.profile)
    }

    /// Whether two visits hold the same date, answers, notes and outcomes (ids, save counts
    /// and times aside). Answers compare by meaning: `150` and `150.0`, or keys in another
    /// order, are the same.
    pub fn same_content(&self, other: &Visit) -> bool {
        self.date == other.date
            && self.notes == other.notes
            && self.outcomes == other.outcomes
            && (self.profile == other.profile
                || self.canonical_profile() == other.canonical_profile())
    }

    /// A 64-bit fingerprint of the date, answers, notes and outcomes, as 16 hex digits. The
    /// same content gives the same fingerprint on every platform: the profile is hashed in its
    /// canonical form (schema order). A visit without outcomes has the fingerprint version 2
    /// of the hand-off file gave it, so conflicts kept before keep their ids.
    pub fn fingerprint(&self) -> String {
        let mut h = Fnv::new();
        h.write(self.date.as_bytes());
        h.write(&[0]);
        h.write(self.notes.as_bytes());
        h.write(&[0]);
        h.write(self.canonical_profile().as_bytes());
        if let Some(outcomes) = &self.outcomes {
            h.write(&[0]);
            h.write(
                serde_json::to_string(outcomes)
                    .expect("outcomes serialize")
                    .as_bytes(),
            );
        }
        format!("{:016x}", h.finish())
    }

    /// The profile as the profile encoder writes it (schema order, numbers in their shortest
    /// form); a profile that does not decode (records are checked before they get here) as
    /// its JSON text.
    fn canonical_profile(&self) -> String {
        match Profile::from_value(&self.profile) {
            Ok(p) => p.to_json(),
            Err(_) => self.profile.to_string(),
        }
    }
}

/// Lower case without the accents of Spanish (and Portuguese) letters, for searching.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// Visits by date, then by time saved, then by id.
fn visit_order<A>(a: &Visit<A>, b: &Visit<A>) -> Ordering {
    a.date
        .cmp(&b.date)
        .then_with(|| time::compare_timestamps(&a.updated, &b.updated))
        .then_with(|| a.id.cmp(&b.id))
}

/// Whether `s` has the form of an id: 1 to 64 ASCII letters, digits, `-` or `_`.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// How many saves a version vector counts, on every device together.
fn saves(edits: &Edits) -> u32 {
    edits.values().fold(0u32, |a, &b| a.saturating_add(b))
}

/// Adds one save by `device`.
pub(crate) fn tick(edits: &mut Edits, device: &str) {
    let n = edits.entry(device.to_string()).or_insert(0);
    *n = n.saturating_add(1);
}

/// Raises every count of `into` to at least the count in `from`.
pub(crate) fn join(into: &mut Edits, from: &Edits) {
    for (device, &n) in from {
        let mine = into.entry(device.clone()).or_insert(0);
        *mine = (*mine).max(n);
    }
}

/// How two version vectors relate: `Less` when `a` is an earlier state of `b` (every count at
/// most `b`'s, one lower), `Greater` the other way round, `Equal` when identical, and `None`
/// when each has saves the other has not seen.
pub fn compare_edits(a: &Edits, b: &Edits) -> Option<Ordering> {
    let mut a_ahead = false;
    let mut b_ahead = false;
    for (device, &n) in a {
        let m = b.get(device).copied().unwrap_or(0);
        a_ahead |= n > m;
        b_ahead |= m > n;
    }
    for (device, &m) in b {
        if !a.contains_key(device) {
            b_ahead |= m > 0;
        }
    }
    match (a_ahead, b_ahead) {
        (false, false) => Some(Ordering::Equal),
        (true, false) => Some(Ordering::Greater),
        (false, true) => Some(Ordering::Less),
        (true, true) => None,
    }
}

/// Adds a tombstone, or raises the counts of the one already there for this id.
pub(crate) fn remember_removed(removed: &mut Vec<Removed>, id: &str, edits: &Edits) {
    match removed.iter_mut().find(|r| r.id == id) {
        Some(r) => join(&mut r.edits, edits),
        None => removed.push(Removed {
            id: id.to_string(),
            edits: edits.clone(),
        }),
    }
}

/// FNV-1a, 64 bits: small, and the same on every platform.
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits(pairs: &[(&str, u32)]) -> Edits {
        pairs.iter().map(|(d, n)| (d.to_string(), *n)).collect()
    }

    #[test]
    fn version_vectors_compare() {
        let a = edits(&[("a", 2)]);
        assert_eq!(compare_edits(&a, &a), Some(Ordering::Equal));
        assert_eq!(
            compare_edits(&a, &edits(&[("a", 2), ("b", 1)])),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare_edits(&edits(&[("a", 3)]), &a),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_edits(&edits(&[("a", 3)]), &edits(&[("b", 1)])),
            None
        );
        assert_eq!(
            compare_edits(&edits(&[("a", 0)]), &edits(&[])),
            Some(Ordering::Equal)
        );
    }

    #[test]
    fn ids_have_a_form() {
        assert!(is_id("3f9a0c1d2e4b5a6978877665544332211"));
        assert!(is_id("visita-1_b"));
        assert!(!is_id(""));
        assert!(!is_id("con espacio"));
        assert!(!is_id("ñ"));
        assert!(!is_id(&"a".repeat(65)));
        assert!(is_id(&"a".repeat(64)));
    }

    #[test]
    fn touch_counts_saves_per_device() {
        let mut v = Visit::new(
            "v1",
            "2026-03-14",
            serde_json::json!({"schema": "umbral.profile/1", "country": "MX"}),
            "tel-ana",
            "2026-03-14T10:00:00Z",
        );
        v.touch("tel-ana", "2026-03-14T10:05:00Z");
        v.touch("lap-luis", "2026-03-15T09:00:00Z");
        assert_eq!(v.edits, edits(&[("lap-luis", 1), ("tel-ana", 2)]));
        assert_eq!(v.revision(), 3);
        assert_eq!(v.updated, "2026-03-15T09:00:00Z");
    }

    #[test]
    fn fingerprints_ignore_key_order_and_see_content() {
        let a = Visit::new(
            "v1",
            "2026-03-14",
            serde_json::json!({"schema": "umbral.profile/1", "country": "MX", "skills": {"digital_level": 2, "helper": "staff"}}),
            "d",
            "2026-03-14T10:00:00Z",
        );
        let mut b = a.clone();
        b.profile = serde_json::from_str(
            r#"{"skills":{"helper":"staff","digital_level":2},"country":"MX","schema":"umbral.profile/1"}"#,
        )
        .unwrap();
        b.id = "other".into();
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint().len(), 16);
        b.notes = "x".into();
        assert_ne!(a.fingerprint(), b.fingerprint());
    }

    #[test]
    fn latest_visit_by_date_then_time() {
        let mut e = Enterprise::new("e1", "Tejidos", "MX", "d", "2026-01-01T00:00:00Z");
        let p = serde_json::json!({"schema": "umbral.profile/1", "country": "MX"});
        e.visits.push(Visit::new(
            "a",
            "2026-03-14",
            p.clone(),
            "d",
            "2026-03-14T10:00:00Z",
        ));
        e.visits.push(Visit::new(
            "b",
            "2026-05-02",
            p.clone(),
            "d",
            "2026-05-02T10:00:00Z",
        ));
        e.visits.push(Visit::new(
            "c",
            "2026-05-02",
            p,
            "d",
            "2026-05-02T09:00:00.500Z",
        ));
        assert_eq!(e.latest_visit().unwrap().id, "b");
        assert!(Enterprise::new("e2", "x", "MX", "d", "t")
            .latest_visit()
            .is_none());
    }

    #[test]
    fn choosing_a_detail_settles_its_other_values() {
        let mut e = Enterprise::new("e1", "Tejidos", "MX", "d", "2026-01-01T00:00:00Z");
        e.other_values = vec![
            OtherValue {
                field: "name".into(),
                value: "Tejidos Ana".into(),
            },
            OtherValue {
                field: "sector".into(),
                value: "crafts".into(),
            },
        ];
        e.choose_detail("name", "Tejidos Ana", "d", "2026-01-02T00:00:00Z")
            .unwrap();
        assert_eq!(e.name, "Tejidos Ana");
        assert_eq!(e.other_values.len(), 1);
        assert_eq!(e.edits, edits(&[("d", 2)]));
        e.choose_detail("sector", "", "d", "2026-01-02T00:00:00Z")
            .unwrap();
        assert_eq!(e.sector, None);
        assert!(e.other_values.is_empty());
        assert_eq!(
            e.choose_detail("country", "CL", "d", "t"),
            Err("unknown detail 'country'; expected one of: name, region, locality, sector, programme, institution, term, team".into())
        );
        assert_eq!(e.country, "MX");
    }

    #[test]
    fn same_content_reads_answers_by_meaning() {
        let p = serde_json::json!({"schema": "umbral.profile/1", "country": "MX", "payments": {"monthly_budget": 150}});
        let a = Visit::new("a", "2026-03-14", p, "d", "2026-03-14T10:00:00Z");
        let mut b = a.clone();
        b.profile["payments"]["monthly_budget"] = serde_json::json!(150.0);
        assert_ne!(a.profile, b.profile);
        assert!(a.same_content(&b));
        assert_eq!(a.fingerprint(), b.fingerprint());
        b.profile["payments"]["monthly_budget"] = serde_json::json!(151);
        assert!(!a.same_content(&b));
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let mut e = Enterprise::new("3c9e1f", "Tejidos Ana", "MX", "d", "t");
        e.locality = "Teotitlán del Valle".into();
        e.region = Some("MX-OAX".into());
        assert!(e.matches(""));
        assert!(e.matches("tejidos TEOTITLAN"));
        assert!(e.matches("  ana  mx-oax "));
        assert!(e.matches("3C9E"));
        assert!(!e.matches("tejidos puebla"));
        assert_eq!(fold("ÑANDUTÍ Güera"), "nanduti guera");
    }

    #[test]
    fn removing_a_visit_leaves_a_tombstone() {
        let mut e = Enterprise::new("e1", "Tejidos", "MX", "d", "2026-01-01T00:00:00Z");
        let p = serde_json::json!({"schema": "umbral.profile/1", "country": "MX"});
        e.visits.push(Visit::new(
            "a",
            "2026-03-14",
            p,
            "d",
            "2026-03-14T10:00:00Z",
        ));
        assert!(e.remove_visit("zzz").is_none());
        assert_eq!(e.remove_visit("a").unwrap().id, "a");
        assert_eq!(
            e.removed,
            vec![Removed {
                id: "a".into(),
                edits: edits(&[("d", 1)])
            }]
        );
        assert!(e.visits.is_empty());
    }

    #[test]
    fn resolving_a_conflict_keeps_one_version_that_follows_both() {
        let mut e = Enterprise::new("e1", "Tejidos", "MX", "d", "2026-01-01T00:00:00Z");
        let p = serde_json::json!({"schema": "umbral.profile/1", "country": "MX"});
        let mut original = Visit::new("a", "2026-03-14", p.clone(), "d1", "2026-03-14T10:00:00Z");
        original.notes = "mine".into();
        let mut copy = Visit::new("a-x", "2026-03-15", p, "d2", "2026-03-15T10:00:00Z");
        copy.notes = "theirs".into();
        copy.conflict_of = Some("a".into());
        e.visits.push(original);
        e.visits.push(copy);
        assert_eq!(
            e.resolve_conflict("a", true, "d1", "t"),
            Err("visit 'a' is not a version kept by a conflict".into())
        );
        assert_eq!(
            e.resolve_conflict("nope", true, "d1", "t"),
            Err("no visit 'nope'".into())
        );
        e.resolve_conflict("a-x", true, "d1", "2026-03-16T10:00:00Z")
            .unwrap();
        assert_eq!(e.visits.len(), 1);
        let v = &e.visits[0];
        assert_eq!(
            (v.id.as_str(), v.notes.as_str(), v.date.as_str()),
            ("a", "theirs", "2026-03-15")
        );
        assert_eq!(v.edits, edits(&[("d1", 2), ("d2", 1)]));
        assert_eq!(e.removed[0].id, "a-x");
    }
}
