//! The workspace's state as one reducer. Storage, the clock and the network are effects run by
//! the page (`super`); their results come back here as actions. Pure, and built natively too,
//! so it is tested there (`tests/workspace_model.rs`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use serde_json::Value as Json;

use crate::app::state::{self as app_state, PackRc, PackStatus, Screen, State as AppState};
use crate::engine::{assess, Locale, Profile};
use crate::workspace::{CohortFilter, Enterprise, Outcomes};

use super::records::{DbError, EnterpriseRecord, Loaded, VisitRecord};

/// Where the database stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Opening,
    Ready,
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    List,
    Enterprise(String),
    /// Add (`None`) or edit an enterprise.
    Form(Option<String>),
    Visit(String),
    Handoff,
    Privacy,
    Receive,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sort {
    LastVisit,
    Readiness,
    Name,
}

/// A problem with the last write, shown until resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Quota,
    Failed(String),
}

/// What a confirmation is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    DeleteEnterprise(String),
    DeleteAll,
}

/// A step of a visit's roadmap followed through: the visit that recommended it and its
/// catalogue entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepKey {
    pub visit: String,
    pub step: String,
}

/// An answer a confirmed step changed: the field's path, its value before (`None`:
/// unanswered) and after.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerChange {
    pub path: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

/// What the last save of a followed step came to, shown under that step.
#[derive(Clone, Debug, PartialEq)]
pub enum StepNote {
    /// Being written: the step's buttons wait, so that a second press does not write the
    /// same save again over the first (and be told another tab saved first).
    Saving,
    Saved,
    /// Another tab saved the enterprise first: nothing was written; the step's form keeps
    /// what was chosen, to save again over what that tab saved.
    ChangedElsewhere,
    /// The record refused the step as chosen (the hand-off reader's words).
    Refused(String),
    /// Confirmed into the open visit: the answers that changed (none when it already had them).
    Confirmed(Vec<AnswerChange>),
}

/// A step confirmed done into a later visit, as written: the enterprise with the step's
/// `confirmed_in`, the visit with its new answers (`None` when no answer changed), and which.
#[derive(Clone, Debug, PartialEq)]
pub struct Confirmed {
    pub key: StepKey,
    pub enterprise: EnterpriseRecord,
    pub visit: Option<VisitRecord>,
    pub changes: Vec<AnswerChange>,
}

/// The visit open for editing: its record and the questionnaire's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    pub visit: VisitRecord,
    pub assessment: AppState,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub locale: Locale,
    /// Whether the screen is wide: a visit then shows a whole group of questions per page, as
    /// the app does.
    pub wide: bool,
    pub phase: Phase,
    /// Shared, so that a change clones only what it changes (`Rc::make_mut`).
    pub enterprises: Rc<Vec<EnterpriseRecord>>,
    pub visits: Rc<Vec<VisitRecord>>,
    /// Linked packs by country, once fetched; a country whose pack failed maps to an error.
    pub packs: BTreeMap<String, Result<PackRc, String>>,
    /// Readiness of each visit (by id, with the revision it was computed for).
    pub scores: HashMap<String, (u32, u32)>,
    pub route: Route,
    pub search: String,
    /// The list's cohort filter (programme, institution, term, team).
    pub cohort: CohortFilter,
    pub sort: Sort,
    pub selected: BTreeSet<String>,
    pub set_aside_now: usize,
    /// Records a newer version of Umbral wrote, left untouched (from the last load).
    pub newer: usize,
    pub set_aside_total: usize,
    pub persisted: Option<bool>,
    /// When each enterprise was last exported (by id).
    pub exported: BTreeMap<String, String>,
    /// This installation's device id, counted in every record's `edits`.
    pub device: String,
    /// The enterprise made from the app's draft on first open, to say so once.
    pub draft_imported: Option<String>,
    pub problem: Option<Problem>,
    /// The open visit changed in another tab.
    pub conflict: bool,
    pub editing: Option<Editing>,
    /// Bumped by every change to the open visit: the app writes it then.
    pub save_seq: u64,
    pub confirm: Option<Confirm>,
    /// A one-line message after an action ("Se borró.", an import's counts).
    pub flash: Option<String>,
    /// A hand-off file is being read and merged (by the helper worker).
    pub importing: bool,
    pub focus_tick: u32,
    /// What the last save of a followed step came to, until the screen changes.
    pub step_note: Option<(StepKey, StepNote)>,
}

pub enum Action {
    SetLocale(Locale),
    Wide(bool),
    Loaded(Box<Loaded>),
    OpenFailed(String),
    Persisted(bool),
    PackLoaded(String, Result<PackRc, String>),
    Show(Route),
    Search(String),
    /// One cohort tag of the list's filter (one of `TAG_FIELDS`) set to a value, or to any.
    Cohort(String, Option<String>),
    Sort(Sort),
    Select(String, bool),
    /// An enterprise (and maybe visits) written: show them.
    Stored(Vec<EnterpriseRecord>, Vec<VisitRecord>, Route),
    OpenVisit(VisitRecord),
    /// An action of the questionnaire on the open visit, at an instant (RFC 3339: the reducer
    /// reads no clock; the time of a save comes in with the action, as every input does).
    Assess(app_state::Action, String),
    Notes(String, String),
    Date(String, String),
    /// The open visit's outcomes (`None`: not asked yet), at an instant.
    Outcomes(Option<Outcomes>, String),
    /// A step's save or confirmation sent to be written.
    StepSaving(StepKey),
    /// That write is done, however it ended: a step still shown as being saved (the write
    /// failed, or stopped) is not any more.
    StepWritten(StepKey),
    /// An enterprise written after a step of it was saved.
    StepStored(EnterpriseRecord, StepKey),
    /// A step's save was refused because another tab saved the enterprise first: the
    /// enterprise as stored now (if it is there).
    StepConflict(Option<EnterpriseRecord>, StepKey),
    /// A step as chosen cannot be saved, with the reason in words.
    StepRefused(StepKey, String),
    /// A step confirmed done into the open visit, written.
    StepConfirmed(Box<Confirmed>),
    Saved,
    SaveFailed(DbError),
    /// The synchronous backup copy of the open visit (see `journal`) could not be written.
    JournalFailed,
    ChangedElsewhere(String),
    Reloaded(VisitRecord),
    Ask(Option<Confirm>),
    Deleted(Option<String>),
    /// Enterprises exported at an instant.
    Exported(Vec<String>, String),
    Flash(Option<String>),
    /// A hand-off file's import started (`true`) or ended.
    Importing(bool),
    DraftImported(String),
    DismissSetAside,
}

impl Model {
    pub fn new(locale: Locale) -> Model {
        Model {
            locale,
            wide: false,
            phase: Phase::Opening,
            enterprises: Rc::default(),
            visits: Rc::default(),
            packs: BTreeMap::new(),
            scores: HashMap::new(),
            route: Route::List,
            search: String::new(),
            cohort: CohortFilter::default(),
            sort: Sort::LastVisit,
            selected: BTreeSet::new(),
            set_aside_now: 0,
            newer: 0,
            set_aside_total: 0,
            persisted: None,
            exported: BTreeMap::new(),
            device: String::new(),
            draft_imported: None,
            problem: None,
            conflict: false,
            editing: None,
            save_seq: 0,
            confirm: None,
            flash: None,
            importing: false,
            focus_tick: 0,
            step_note: None,
        }
    }

    pub fn enterprise(&self, id: &str) -> Option<&EnterpriseRecord> {
        self.enterprises.iter().find(|e| e.id == id)
    }

    /// An enterprise with its visits, as the workspace's model (`crate::workspace`) reads one:
    /// the record and every visit stored for it (the open one as edited).
    pub fn full_enterprise(&self, id: &str) -> Option<Enterprise> {
        let mut enterprise = self.enterprise(id)?.enterprise.clone();
        enterprise.visits = self
            .visits_of(id)
            .into_iter()
            .map(|v| v.visit.clone())
            .collect();
        Some(enterprise)
    }

    /// The values a cohort tag (one of `TAG_FIELDS`) has among the enterprises, each once
    /// (ignoring case, accents and spaces at either end, as the filter compares them), in
    /// alphabetical order: the choices of the list's filter.
    pub fn cohort_values(&self, tag: &str) -> Vec<String> {
        crate::workspace::distinct_tags(self.enterprises.iter().filter_map(|e| e.detail(tag)))
    }

    /// An enterprise's visits, oldest first.
    pub fn visits_of(&self, id: &str) -> Vec<&VisitRecord> {
        let mut visits: Vec<_> = self.visits.iter().filter(|v| v.enterprise == id).collect();
        visits.sort_by(|a, b| (&a.date, &a.updated).cmp(&(&b.date, &b.updated)));
        visits
    }

    /// The latest visit of every enterprise that has one, in one pass over the visits.
    pub fn latest_visits(&self) -> HashMap<&str, &VisitRecord> {
        let mut latest: HashMap<&str, &VisitRecord> =
            HashMap::with_capacity(self.enterprises.len());
        for v in self.visits.iter() {
            let slot = latest.entry(v.enterprise.as_str()).or_insert(v);
            if later(v, slot) == std::cmp::Ordering::Greater {
                *slot = v;
            }
        }
        latest
    }

    pub fn pack(&self, country: &str) -> Option<&PackRc> {
        self.packs.get(country).and_then(|p| p.as_ref().ok())
    }

    /// The countries whose packs are needed and not yet fetched.
    pub fn packs_wanted(&self) -> BTreeSet<String> {
        self.enterprises
            .iter()
            .map(|e| e.country.clone())
            .filter(|c| !self.packs.contains_key(c))
            .collect()
    }

    /// The readiness of a visit, when its pack is loaded.
    pub fn score(&self, visit: &VisitRecord) -> Option<u32> {
        if let Some(&(revision, score)) = self.scores.get(&visit.id) {
            if revision == visit.revision() {
                return Some(score);
            }
        }
        let country = self.enterprise(&visit.enterprise)?.country.as_str();
        let pack = self.pack(country)?;
        let profile = Profile::from_value(&visit.profile).ok()?;
        Some(assess(&pack.0, &profile, self.locale).readiness)
    }

    /// Scores the latest visit of every enterprise whose pack is loaded (for sorting).
    fn refresh_scores(&mut self) {
        let latest: Vec<VisitRecord> = self.latest_visits().into_values().cloned().collect();
        for visit in latest {
            if let Some(score) = self.score(&visit) {
                self.scores
                    .insert(visit.id.clone(), (visit.revision(), score));
            }
        }
    }

    /// Visits changed since their enterprise was last exported (all of them before any
    /// export).
    pub fn unexported(&self) -> usize {
        self.visits
            .iter()
            .filter(|v| {
                self.exported
                    .get(&v.enterprise)
                    .is_none_or(|at| v.updated > *at)
            })
            .count()
    }

    /// The enterprises to list: matching the search (`Enterprise::matches`: every word, in the
    /// name, locality, region, id or cohort tags, whatever the case and accents) and in the
    /// cohort chosen (`Enterprise::in_cohort`), in the chosen order.
    pub fn listed(&self) -> Vec<&EnterpriseRecord> {
        let mut list: Vec<&EnterpriseRecord> = self
            .enterprises
            .iter()
            .filter(|e| e.matches(&self.search) && e.in_cohort(&self.cohort))
            .collect();
        let latest_visits = self.latest_visits();
        let last: HashMap<&str, (&str, Option<u32>)> = list
            .iter()
            .map(|e| {
                let latest = latest_visits.get(e.id.as_str()).copied();
                let date = latest.map_or("", |v| v.date.as_str());
                let score = latest.and_then(|v| self.scores.get(&v.id).map(|s| s.1));
                (e.id.as_str(), (date, score))
            })
            .collect();
        match self.sort {
            Sort::LastVisit => list.sort_by(|a, b| {
                last[b.id.as_str()]
                    .0
                    .cmp(last[a.id.as_str()].0)
                    .then(a.name.cmp(&b.name))
            }),
            Sort::Readiness => list.sort_by(|a, b| {
                last[b.id.as_str()]
                    .1
                    .cmp(&last[a.id.as_str()].1)
                    .then(a.name.cmp(&b.name))
            }),
            Sort::Name => list.sort_by_cached_key(|e| crate::workspace::fold(&e.name)),
        }
        list
    }

    fn upsert_visit(&mut self, visit: &VisitRecord) {
        let visits = Rc::make_mut(&mut self.visits);
        match visits.iter_mut().find(|v| v.id == visit.id) {
            Some(slot) => *slot = visit.clone(),
            None => visits.push(visit.clone()),
        }
    }

    fn go(&mut self, route: Route) {
        if !matches!(route, Route::Visit(_)) {
            self.editing = None;
            self.conflict = false;
        }
        self.route = route;
        self.confirm = None;
        self.step_note = None;
        self.focus_tick += 1;
    }

    /// Records a change to the open visit made at `now`: one save on this device, shown in
    /// the lists, and written by the page.
    fn open_visit_changed(&mut self, now: &str) {
        let Some(editing) = &mut self.editing else {
            return;
        };
        editing.visit.touch(&self.device, now);
        let visit = editing.visit.clone();
        self.upsert_visit(&visit);
        self.save_seq += 1;
    }

    fn upsert_enterprise(&mut self, record: EnterpriseRecord) {
        let enterprises = Rc::make_mut(&mut self.enterprises);
        match enterprises.iter_mut().find(|x| x.id == record.id) {
            Some(slot) => *slot = record,
            None => enterprises.push(record),
        }
    }

    /// Shows a visit as stored now in place of the open one, on the same screen and
    /// question (its answers may have changed: the results are drawn again from them).
    fn replace_open_visit(&mut self, visit: VisitRecord) {
        self.upsert_visit(&visit);
        let Some(editing) = &self.editing else {
            return;
        };
        if editing.visit.id != visit.id {
            return;
        }
        let country = self
            .enterprise(&visit.enterprise)
            .map_or("MX".to_string(), |e| e.country.clone());
        let mut assessment = assessment_for(&visit, &country, self.pack(&country), self.locale);
        assessment.screen = editing.assessment.screen;
        assessment.current = editing.assessment.current.clone();
        self.editing = Some(Editing { visit, assessment });
    }
}

/// The value at a field's path (`presence.channels`) in a profile's JSON, if answered.
fn value_at<'a>(profile: &'a Json, path: &str) -> Option<&'a Json> {
    path.split('.')
        .try_fold(profile, |value, key| value.get(key))
        .filter(|v| !v.is_null())
}

/// The answers at `paths` before and after a change of a profile (each as JSON).
pub fn answer_changes(before: &Json, after: &Json, paths: &[String]) -> Vec<AnswerChange> {
    paths
        .iter()
        .map(|path| AnswerChange {
            path: path.clone(),
            before: value_at(before, path).cloned(),
            after: value_at(after, path).cloned(),
        })
        .collect()
}

/// Outcomes as the hand-off reader accepts them: no channels and no share when the enterprise
/// does not sell online, a share of at most 100, each channel and tool once.
fn tidy_outcomes(mut outcomes: Outcomes) -> Outcomes {
    if !outcomes.selling_online {
        outcomes.channels.clear();
        outcomes.online_share = None;
    }
    outcomes.online_share = outcomes.online_share.map(|n| n.min(100));
    let mut seen = BTreeSet::new();
    outcomes.channels.retain(|c| seen.insert(c.clone()));
    let mut seen = BTreeSet::new();
    outcomes.tools.retain(|t| seen.insert(t.entry.clone()));
    outcomes
}

/// How two visits order in time: by date, then by when saved.
fn later(a: &VisitRecord, b: &VisitRecord) -> std::cmp::Ordering {
    (&a.date, &a.updated).cmp(&(&b.date, &b.updated))
}

/// The questionnaire state for a visit, on its first question, or its results when the
/// visit has answers.
pub fn assessment_for(
    visit: &VisitRecord,
    country: &str,
    pack: Option<&PackRc>,
    locale: Locale,
) -> AppState {
    let mut state = AppState::new(locale);
    state.country = country.to_string();
    state.profile = visit.profile_or_new(country);
    if let Some(pack) = pack {
        state.pack = PackStatus::Ready(pack.clone());
    }
    state.screen = if state.has_answers() {
        Screen::Results
    } else {
        Screen::Questions
    };
    state
}

impl Model {
    /// Applies one action: the whole of the page's logic, with no clock, storage or network
    /// (they come in as actions).
    pub fn update(&mut self, action: Action) {
        let m = self;
        match action {
            Action::Wide(wide) => m.wide = wide,
            Action::SetLocale(locale) => {
                m.locale = locale;
                if let Some(editing) = &mut m.editing {
                    editing.assessment.locale = locale;
                }
                m.scores.clear();
                m.refresh_scores();
            }
            Action::Loaded(loaded) => {
                let loaded = *loaded;
                m.phase = Phase::Ready;
                m.enterprises = Rc::new(loaded.enterprises);
                m.visits = Rc::new(loaded.visits);
                m.set_aside_now += loaded.set_aside_now;
                m.newer = loaded.newer;
                m.set_aside_total = loaded.set_aside_total;
                m.exported = loaded.exported;
                if let Some(device) = loaded.device {
                    m.device = device;
                }
                m.selected
                    .retain(|id| m.enterprises.iter().any(|e| &e.id == id));
                // The view on show may have been deleted elsewhere.
                let gone = match &m.route {
                    Route::Enterprise(id) | Route::Form(Some(id)) => m.enterprise(id).is_none(),
                    _ => false,
                };
                if gone {
                    m.go(Route::List);
                }
                m.refresh_scores();
            }
            Action::OpenFailed(message) => m.phase = Phase::Failed(message),
            Action::Persisted(persisted) => m.persisted = Some(persisted),
            Action::PackLoaded(country, pack) => {
                if let (Some(editing), Ok(pack)) = (&mut m.editing, &pack) {
                    if editing.assessment.country == country {
                        editing.assessment.pack = PackStatus::Ready(pack.clone());
                    }
                }
                m.packs.insert(country, pack);
                m.refresh_scores();
            }
            Action::Show(view) => {
                m.flash = None;
                m.go(view);
            }
            Action::Search(text) => m.search = text,
            Action::Cohort(tag, value) => m.cohort.set(&tag, value),
            Action::Sort(sort) => m.sort = sort,
            Action::Select(id, on) => {
                if on {
                    m.selected.insert(id);
                } else {
                    m.selected.remove(&id);
                }
            }
            Action::Stored(enterprises, visits, view) => {
                for e in enterprises {
                    m.upsert_enterprise(e);
                }
                for v in &visits {
                    m.upsert_visit(v);
                }
                m.refresh_scores();
                m.go(view);
            }
            Action::OpenVisit(visit) => {
                let country = m
                    .enterprise(&visit.enterprise)
                    .map_or("MX".to_string(), |e| e.country.clone());
                let assessment = assessment_for(&visit, &country, m.pack(&country), m.locale);
                m.go(Route::Visit(visit.id.clone()));
                m.conflict = false;
                m.editing = Some(Editing { visit, assessment });
            }
            Action::Assess(action, now) => {
                let Some(editing) = &mut m.editing else {
                    return;
                };
                let focus = matches!(
                    action,
                    app_state::Action::Next { .. }
                        | app_state::Action::Back { .. }
                        | app_state::Action::ShowResults
                        | app_state::Action::EditAnswers
                );
                let before = editing.assessment.profile.clone();
                let next = Rc::new(editing.assessment.clone()).reduce(action);
                editing.assessment = (*next).clone();
                // Back from the first question leaves the questionnaire: show the results.
                if editing.assessment.screen == Screen::Start {
                    editing.assessment.screen = Screen::Results;
                }
                if editing.assessment.profile != before {
                    editing.visit.profile = editing.assessment.profile.to_value();
                    editing.visit.touch(&m.device, &now);
                    m.save_seq += 1;
                }
                if focus {
                    m.focus_tick += 1;
                }
                let visit = editing.visit.clone();
                m.upsert_visit(&visit);
            }
            Action::Notes(mut text, now) => {
                let Some(editing) = &mut m.editing else {
                    return;
                };
                // The hand-off reader's limit, kept where the text comes in.
                if crate::workspace::clamp_notes(&mut text) {
                    m.flash = Some(super::words::words(m.locale).notes_cut().to_string());
                }
                editing.visit.notes = text;
                m.open_visit_changed(&now);
            }
            Action::Date(date, now) => {
                let Some(editing) = &mut m.editing else {
                    return;
                };
                editing.visit.date = date;
                m.open_visit_changed(&now);
            }
            Action::Outcomes(outcomes, now) => {
                let Some(editing) = &mut m.editing else {
                    return;
                };
                let outcomes = outcomes.map(tidy_outcomes);
                if editing.visit.outcomes == outcomes {
                    return;
                }
                editing.visit.outcomes = outcomes;
                m.open_visit_changed(&now);
            }
            Action::StepSaving(key) => m.step_note = Some((key, StepNote::Saving)),
            Action::StepWritten(key) => {
                if m.step_note == Some((key, StepNote::Saving)) {
                    m.step_note = None;
                }
            }
            Action::StepStored(record, key) => {
                m.upsert_enterprise(record);
                m.step_note = Some((key, StepNote::Saved));
            }
            Action::StepConflict(stored, key) => {
                if let Some(stored) = stored {
                    m.upsert_enterprise(stored);
                }
                m.step_note = Some((key, StepNote::ChangedElsewhere));
            }
            Action::StepRefused(key, why) => m.step_note = Some((key, StepNote::Refused(why))),
            Action::StepConfirmed(confirmed) => {
                let Confirmed {
                    key,
                    enterprise,
                    visit,
                    changes,
                } = *confirmed;
                m.upsert_enterprise(enterprise);
                if let Some(visit) = visit {
                    m.replace_open_visit(visit);
                }
                m.refresh_scores();
                m.step_note = Some((key, StepNote::Confirmed(changes)));
            }
            Action::Saved => {
                if m.problem.is_some() {
                    m.problem = None;
                }
                m.refresh_scores();
            }
            Action::JournalFailed => {
                m.flash = Some(super::words::words(m.locale).journal_failed().to_string());
            }
            Action::SaveFailed(error) => match error {
                DbError::Conflict(_) => m.conflict = true,
                DbError::Quota => m.problem = Some(Problem::Quota),
                DbError::Unavailable(e) | DbError::Other(e) => m.problem = Some(Problem::Failed(e)),
            },
            Action::ChangedElsewhere(id) => {
                if m.editing.as_ref().is_some_and(|e| e.visit.id == id) {
                    m.conflict = true;
                }
            }
            Action::Reloaded(visit) => {
                if m.editing.as_ref().is_some_and(|e| e.visit.id == visit.id) {
                    m.conflict = false;
                }
                m.replace_open_visit(visit);
            }
            Action::Ask(confirm) => m.confirm = confirm,
            Action::Deleted(id) => {
                match id {
                    Some(id) => {
                        Rc::make_mut(&mut m.enterprises).retain(|e| e.id != id);
                        Rc::make_mut(&mut m.visits).retain(|v| v.enterprise != id);
                        m.selected.remove(&id);
                    }
                    None => {
                        m.enterprises = Rc::default();
                        m.visits = Rc::default();
                        m.selected.clear();
                        m.set_aside_total = 0;
                        m.set_aside_now = 0;
                        m.exported.clear();
                    }
                }
                m.go(Route::List);
                m.flash = Some(super::words::words(m.locale).deleted().to_string());
            }
            Action::Exported(ids, at) => {
                for id in ids {
                    m.exported.insert(id, at.clone());
                }
                m.flash = Some(super::words::words(m.locale).exported().to_string());
            }
            Action::Flash(text) => m.flash = text,
            Action::Importing(on) => {
                m.importing = on;
                if on {
                    m.flash = None;
                }
            }
            Action::DraftImported(name) => m.draft_imported = Some(name),
            Action::DismissSetAside => {
                m.set_aside_now = 0;
                m.draft_imported = None;
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.update(action);
        Rc::new(next)
    }
}
