//! Following a visit's roadmap through: each step recommended is agreed, in progress, done or
//! dropped, with who takes it on and when to look again; the next visit opens with the steps
//! still open; a step done changes the answers its catalogue entry `sets`, only once the
//! consultant confirms it in a later visit.
//!
//! The records are [`FollowStep`]s on their [`Enterprise`]; how two devices' copies merge is
//! in `merging` and `www/spec/handoff.md`. Everything here is checked as the hand-off reader
//! checks a file, so what these functions save, every device reads.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use super::handoff::{self, HandoffErrors};
use super::problem::handoff_words;
use super::{tick, time, visit_order, Edits, Enterprise, FollowStep, StepStatus, Who};
use crate::engine::{fill, Locale, Pack, Profile};

/// Why a step could not be saved or confirmed.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowError {
    /// The step as given is not one the hand-off reader would read (a dropped step without a
    /// reason, a date that does not exist…): every problem, at paths within the step.
    Invalid(HandoffErrors),
    /// The enterprise has no visit with this id.
    NoVisit(String),
    /// No step of this entry was recorded for this visit.
    NoStep { visit: String, step: String },
    /// A step is confirmed only once it is done.
    NotDone { step: String },
    /// The step was confirmed in a visit already; its status stays done.
    Confirmed { step: String, visit: String },
    /// The answers a step changes go into a visit after the one that recommended it.
    NotLater { into: String, visit: String },
    /// The pack is not for the enterprise's country.
    OtherCountry { pack: String, country: String },
    /// The pack has no catalogue entry with the step's id.
    UnknownEntry { step: String, pack: String },
    /// The visit's answers could not be read (a stored record damaged by hand).
    Profile(String),
}

impl FollowError {
    /// What went wrong, in `locale` (`Display` is the English).
    pub fn message(&self, locale: Locale) -> String {
        let w = handoff_words(locale);
        match self {
            FollowError::Invalid(errors) => {
                let all: Vec<String> = errors.0.iter().map(|e| e.message(locale)).collect();
                all.join("; ")
            }
            FollowError::NoVisit(id) => fill(w.no_visit(), &[("id", id)]),
            FollowError::NoStep { visit, step } => {
                fill(w.no_step(), &[("visit", visit), ("step", step)])
            }
            FollowError::NotDone { step } => fill(w.not_done(), &[("step", step)]),
            FollowError::Confirmed { step, visit } => {
                fill(w.confirmed(), &[("step", step), ("visit", visit)])
            }
            FollowError::NotLater { into, visit } => {
                fill(w.not_later(), &[("into", into), ("visit", visit)])
            }
            FollowError::OtherCountry { pack, country } => fill(
                w.pack_of_other_country(),
                &[("pack", pack), ("country", country)],
            ),
            FollowError::UnknownEntry { step, pack } => {
                fill(w.unknown_entry(), &[("step", step), ("pack", pack)])
            }
            FollowError::Profile(detail) => fill(w.unreadable_answers(), &[("detail", detail)]),
        }
    }
}

impl fmt::Display for FollowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for FollowError {}

/// What [`Enterprise::set_step`] saves: where the step stands, who takes it on and when to
/// look again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepUpdate<'a> {
    pub status: StepStatus,
    /// Why it was dropped: required when dropped, refused otherwise.
    pub reason: Option<&'a str>,
    pub who: Option<Who>,
    /// `YYYY-MM-DD`.
    pub follow_up: Option<&'a str>,
}

impl<A> Enterprise<A> {
    /// The step of entry `step` that visit `visit` recommended, if it is followed.
    pub fn step(&self, visit: &str, step: &str) -> Option<&FollowStep> {
        self.step_index(visit, step).map(|i| &self.steps[i])
    }

    /// Where the step of entry `step` that visit `visit` recommended is among the steps.
    fn step_index(&self, visit: &str, step: &str) -> Option<usize> {
        self.steps
            .iter()
            .position(|s| s.visit == visit && s.step == step)
    }

    /// The latest record of each catalogue entry among the steps: the one saved last (then
    /// the one of the later visit). What the enterprise stands at with each step, whichever
    /// visit recommended it last; in the order of [`Enterprise::open_steps`].
    pub fn latest_steps(&self) -> Vec<&FollowStep> {
        let mut latest: BTreeMap<&str, &FollowStep> = BTreeMap::new();
        for s in &self.steps {
            match latest.get(s.step.as_str()) {
                Some(kept) if self.step_order(kept, s) != Ordering::Less => {}
                _ => {
                    latest.insert(&s.step, s);
                }
            }
        }
        let mut list: Vec<&FollowStep> = latest.into_values().collect();
        list.sort_by(|a, b| self.listing_order(a, b));
        list
    }

    /// The steps the next visit opens with: of each catalogue entry's latest record
    /// ([`Enterprise::latest_steps`]), those agreed or in progress, with their status; by the
    /// visit that recommended them (earliest first), then by entry.
    pub fn open_steps(&self) -> Vec<&FollowStep> {
        let mut open = self.latest_steps();
        open.retain(|s| s.status.is_open());
        open
    }

    /// How many catalogue entries stand at each status, by their latest record: agreed, in
    /// progress, done, dropped.
    pub fn step_counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for s in self.latest_steps() {
            let i = StepStatus::ALL
                .iter()
                .position(|x| *x == s.status)
                .expect("every status is listed");
            counts[i] += 1;
        }
        counts
    }

    /// Which of two records of one entry is the later: saved later, then of the later visit.
    fn step_order(&self, a: &FollowStep, b: &FollowStep) -> Ordering {
        time::compare_timestamps(&a.updated, &b.updated)
            .then_with(|| self.visit_rank(&a.visit).cmp(&self.visit_rank(&b.visit)))
            .then_with(|| a.visit.cmp(&b.visit))
    }

    /// Steps listed by the visit that recommended them, then by entry.
    fn listing_order(&self, a: &FollowStep, b: &FollowStep) -> Ordering {
        self.visit_rank(&a.visit)
            .cmp(&self.visit_rank(&b.visit))
            .then_with(|| a.visit.cmp(&b.visit))
            .then_with(|| a.step.cmp(&b.step))
    }

    /// A visit's place among the visits in order, 0 for a visit no longer here.
    fn visit_rank(&self, id: &str) -> usize {
        self.visits_in_order()
            .iter()
            .position(|v| v.id == id)
            .map_or(0, |p| p + 1)
    }
}

impl Enterprise {
    /// Saves where the step of entry `step` recommended by visit `visit` stands, by `device`
    /// at `now`: the record is added (the visit must be here) or changed, checked as the
    /// hand-off reader checks it. A step confirmed in a later visit stays done. Saving what is
    /// already there records nothing.
    pub fn set_step(
        &mut self,
        visit: &str,
        step: &str,
        update: StepUpdate,
        device: &str,
        now: &str,
    ) -> Result<(), FollowError> {
        let existing = self.step_index(visit, step);
        if existing.is_none() && self.visit(visit).is_none() {
            return Err(FollowError::NoVisit(visit.to_string()));
        }
        if let Some(i) = existing {
            let s = &self.steps[i];
            if let (Some(into), true) = (&s.confirmed_in, update.status != StepStatus::Done) {
                return Err(FollowError::Confirmed {
                    step: step.to_string(),
                    visit: into.clone(),
                });
            }
        }
        let mut next = match existing {
            Some(i) => self.steps[i].clone(),
            None => FollowStep {
                step: step.to_string(),
                visit: visit.to_string(),
                status: update.status,
                reason: None,
                who: None,
                follow_up: None,
                confirmed_in: None,
                updated: now.to_string(),
                edits: Edits::new(),
            },
        };
        let before = next.clone();
        next.status = update.status;
        next.reason = update.reason.map(str::to_string);
        next.who = update.who;
        next.follow_up = update.follow_up.map(str::to_string);
        if existing.is_some() && next == before {
            return Ok(());
        }
        tick(&mut next.edits, device);
        next.updated = now.to_string();
        let value = serde_json::to_value(&next).expect("steps serialize");
        handoff::decode_step_value(&value).map_err(FollowError::Invalid)?;
        match existing {
            Some(i) => self.steps[i] = next,
            None => self.steps.push(next),
        }
        Ok(())
    }

    /// Confirms a step done: gives visit `into_visit` (later than the one that recommended
    /// the step) the answers the step's catalogue entry `sets` in `pack`, records the save of
    /// that visit when an answer changed, and records on the step, saved by `device` at `now`,
    /// that it was confirmed there. Returns the paths of the answers that changed, in field
    /// order (none when the entry sets none, or they were already so).
    pub fn confirm_step(
        &mut self,
        visit: &str,
        step: &str,
        into_visit: &str,
        pack: &Pack,
        device: &str,
        now: &str,
    ) -> Result<Vec<String>, FollowError> {
        let i = self
            .step_index(visit, step)
            .ok_or_else(|| FollowError::NoStep {
                visit: visit.to_string(),
                step: step.to_string(),
            })?;
        let s = &self.steps[i];
        if let Some(confirmed) = &s.confirmed_in {
            return Err(FollowError::Confirmed {
                step: step.to_string(),
                visit: confirmed.clone(),
            });
        }
        if s.status != StepStatus::Done {
            return Err(FollowError::NotDone {
                step: step.to_string(),
            });
        }
        let into = self
            .visit(into_visit)
            .ok_or_else(|| FollowError::NoVisit(into_visit.to_string()))?;
        let later = match self.visit(visit) {
            Some(recommended) => visit_order(into, recommended) == Ordering::Greater,
            // The visit that recommended it was deleted since: any other visit is later.
            None => into_visit != visit,
        };
        if !later {
            return Err(FollowError::NotLater {
                into: into_visit.to_string(),
                visit: visit.to_string(),
            });
        }
        if pack.data.country.as_deref() != Some(self.country.as_str()) {
            return Err(FollowError::OtherCountry {
                pack: pack.data.id.clone(),
                country: self.country.clone(),
            });
        }
        let entry = pack.entry(step).ok_or_else(|| FollowError::UnknownEntry {
            step: step.to_string(),
            pack: pack.data.id.clone(),
        })?;
        let mut profile = Profile::from_value(&into.profile)
            .map_err(|errors| FollowError::Profile(errors.to_string()))?;
        let changed: Vec<String> = pack
            .apply_sets(entry, &mut profile)
            .into_iter()
            .map(str::to_string)
            .collect();
        if !changed.is_empty() {
            let into = self.visit_mut(into_visit).expect("found above");
            into.profile = profile.to_value();
            into.touch(device, now);
        }
        let s = &mut self.steps[i];
        s.confirmed_in = Some(into_visit.to_string());
        tick(&mut s.edits, device);
        s.updated = now.to_string();
        Ok(changed)
    }
}
