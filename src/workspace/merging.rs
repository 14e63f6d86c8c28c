//! Merging an imported workspace into the local one. The rule is specified in
//! `www/spec/handoff.md`; in short:
//!
//! - Enterprises match by id (and country: the same id in another country is kept as a second
//!   enterprise), visits by id within their enterprise. Nothing is duplicated.
//! - A record whose saves (`edits`) the other copy has all seen is the older one: the newer
//!   copy stays. Identical content is never a change.
//! - When both sides saved a visit apart and the content differs, both versions are kept: one
//!   stays under the visit's id, the other is added with an id derived from it and
//!   `conflict_of` naming it. Which one stays is decided by content, not by which side imports,
//!   so two devices that import each other's files end with the same visits.
//! - When both sides changed an enterprise's details (cohort tags included) apart, one value of
//!   each detail stays and the other is listed in `other_values`.
//! - Steps followed through match by visit and catalogue entry; of two copies saved apart, the
//!   later save stays (then the status that went further, then the smaller JSON text).
//! - Importing never deletes anything, and a visit deleted here comes back only if the file has
//!   saves of it that this device had not seen.
//!
//! Merging is idempotent: merging the same file again changes nothing.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::Serialize;

use super::problem::handoff_words;
use super::{
    compare_edits, join, remember_removed, time, Enterprise, Fnv, FollowStep, OtherValue, Visit,
    DETAIL_FIELDS, MAX_ID_LEN, TAG_FIELDS,
};
use crate::engine::{fill, Locale};

/// What a merge did, counted for the user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Enterprises that were not here, added with all their visits.
    pub enterprises_added: usize,
    /// Enterprises whose details were replaced by a later save from the file.
    pub enterprises_updated: usize,
    /// Enterprises whose details both sides changed: the other values were kept beside them.
    pub enterprise_conflicts: usize,
    /// Visits that were not here (those of added enterprises included).
    pub visits_added: usize,
    /// Visits replaced by a later save of the same visit from the file.
    pub visits_updated: usize,
    /// Visits both sides changed: both versions were kept.
    pub visit_conflicts: usize,
    /// Visits of the file already here, the same or newer.
    pub visits_unchanged: usize,
    /// Visits deleted on this device that the file still had, unchanged: left deleted.
    pub visits_left_deleted: usize,
    /// Steps followed through that were not here (those of added enterprises included).
    pub steps_added: usize,
    /// Steps whose status, owner or date the file's copy changed (a later save, or the one the
    /// merge rule keeps of two saved apart).
    pub steps_updated: usize,
    /// The ids of the enterprises whose records changed in any way (save counts included), in
    /// the order merged: what a store has to write back.
    pub enterprises_to_save: Vec<String>,
}

impl MergeReport {
    /// Whether the merge changed anything the user would see.
    pub fn changed(&self) -> bool {
        self.enterprises_added
            + self.enterprises_updated
            + self.enterprise_conflicts
            + self.visits_added
            + self.visits_updated
            + self.visit_conflicts
            + self.steps_added
            + self.steps_updated
            > 0
    }

    /// One sentence for the user, such as "3 empresas nuevas, 5 visitas nuevas, 1 conflicto:
    /// se guardaron las dos versiones."
    pub fn summary(&self, locale: Locale) -> String {
        let w = handoff_words(locale);
        let mut parts: Vec<String> = Vec::new();
        let mut count = |n: usize, one: &str, other: &str| {
            if n > 0 {
                let template = if n == 1 { one } else { other };
                parts.push(fill(template, &[("n", &n.to_string())]));
            }
        };
        count(
            self.enterprises_added,
            w.new_enterprises_one(),
            w.new_enterprises_other(),
        );
        count(
            self.enterprises_updated,
            w.updated_enterprises_one(),
            w.updated_enterprises_other(),
        );
        count(self.visits_added, w.new_visits_one(), w.new_visits_other());
        count(
            self.visits_updated,
            w.updated_visits_one(),
            w.updated_visits_other(),
        );
        count(self.steps_added, w.new_steps_one(), w.new_steps_other());
        count(
            self.steps_updated,
            w.updated_steps_one(),
            w.updated_steps_other(),
        );
        let conflicts = self.visit_conflicts + self.enterprise_conflicts;
        let mut sentence = if parts.is_empty() && conflicts == 0 {
            w.nothing_new().to_string()
        } else {
            parts.join(", ")
        };
        if conflicts > 0 {
            if !sentence.is_empty() {
                sentence.push_str(", ");
            }
            let template = if conflicts == 1 {
                w.conflicts_one()
            } else {
                w.conflicts_other()
            };
            sentence.push_str(&fill(template, &[("n", &conflicts.to_string())]));
        }
        sentence.push('.');
        sentence
    }
}

/// What an import writes: for each enterprise the merge lists as to save, its record (details
/// and steps) and its visits that differ from the copies they were merged into, each with the
/// revision the stored copy must still have when it is written (0: there is none yet). Nothing
/// else is written, so an import never puts back an older copy of a record another tab saved
/// meanwhile. A step changed by the merge writes its enterprise's record, whose revision
/// counts the steps' saves too ([`Enterprise::revision`]).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Changes {
    /// Enterprises' records (details and steps, `visits` left empty) and the revision to
    /// write over.
    pub enterprises: Vec<(Enterprise, u32)>,
    /// Visits, each with its enterprise's id and the revision to write over.
    pub visits: Vec<(String, Visit, u32)>,
}

impl Changes {
    /// How many records there are to write.
    pub fn len(&self) -> usize {
        self.enterprises.len() + self.visits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Merges `incoming` into a copy of `local` (the workspace as stored) and returns what the
/// merge did and what has to be written for it; `local` itself is left as it is.
pub fn merge_changes(local: &[Enterprise], incoming: Vec<Enterprise>) -> (MergeReport, Changes) {
    let mut merged = local.to_vec();
    let report = merge(&mut merged, incoming);
    let changes = changes(local, &merged, &report.enterprises_to_save);
    (report, changes)
}

/// The records of the enterprises in `to_save` that differ between `before` and `after`.
fn changes(before: &[Enterprise], after: &[Enterprise], to_save: &[String]) -> Changes {
    let to_save: std::collections::HashSet<&str> = to_save.iter().map(String::as_str).collect();
    let enterprises: HashMap<&str, &Enterprise> =
        before.iter().map(|e| (e.id.as_str(), e)).collect();
    let visits: HashMap<(&str, &str), &Visit> = before
        .iter()
        .flat_map(|e| {
            e.visits
                .iter()
                .map(move |v| ((e.id.as_str(), v.id.as_str()), v))
        })
        .collect();
    let mut changes = Changes::default();
    for e in after.iter().filter(|e| to_save.contains(e.id.as_str())) {
        for v in &e.visits {
            match visits.get(&(e.id.as_str(), v.id.as_str())) {
                Some(stored) if *stored == v => {}
                Some(stored) => changes
                    .visits
                    .push((e.id.clone(), v.clone(), stored.revision())),
                None => changes.visits.push((e.id.clone(), v.clone(), 0)),
            }
        }
        let details = Enterprise {
            visits: Vec::new(),
            ..e.clone()
        };
        match enterprises.get(e.id.as_str()) {
            Some(stored) if same_details(stored, &details) => {}
            Some(stored) => changes.enterprises.push((details, stored.revision())),
            None => changes.enterprises.push((details, 0)),
        }
    }
    changes
}

/// Whether two copies of an enterprise have the same record (details and steps), whatever
/// their visits.
fn same_details(a: &Enterprise, b: &Enterprise) -> bool {
    let Enterprise {
        id,
        name,
        country,
        region,
        locality,
        sector,
        programme,
        institution,
        term,
        team,
        created,
        updated,
        edits,
        other_values,
        visits: _,
        steps,
        removed,
    } = a;
    (
        id, name, country, region, locality, sector, created, updated,
    ) == (
        &b.id,
        &b.name,
        &b.country,
        &b.region,
        &b.locality,
        &b.sector,
        &b.created,
        &b.updated,
    ) && (programme, institution, term, team) == (&b.programme, &b.institution, &b.term, &b.team)
        && (edits, other_values, steps, removed)
            == (&b.edits, &b.other_values, &b.steps, &b.removed)
}

/// Merges `incoming` (an imported file) into `local`. See the module documentation and
/// `www/spec/handoff.md` for the rule. New enterprises are appended in the file's order.
pub fn merge(local: &mut Vec<Enterprise>, incoming: Vec<Enterprise>) -> MergeReport {
    let mut report = MergeReport::default();
    // Where each local enterprise is, by id: merging stays linear in the number of records
    // however many a file holds.
    let mut index: HashMap<String, usize> = HashMap::with_capacity(local.len() + incoming.len());
    for (i, e) in local.iter().enumerate() {
        index.entry(e.id.clone()).or_insert(i);
    }
    for mut theirs in incoming {
        // The same id in another country is another enterprise: keep it under a derived id.
        let mut attempts = 0;
        let target = loop {
            match index.get(&theirs.id).copied() {
                Some(i) if local[i].country == theirs.country => break Some(i),
                Some(_) if attempts < 8 => {
                    let mut h = Fnv::new();
                    h.write(theirs.country.as_bytes());
                    theirs.id = derived_id(&theirs.id, h.finish());
                    attempts += 1;
                }
                Some(_) => break None,
                None => break None,
            }
        };
        match target {
            Some(i) => {
                let before = local[i].clone();
                merge_enterprise(&mut local[i], theirs, &mut report);
                if local[i] != before {
                    report.enterprises_to_save.push(local[i].id.clone());
                }
            }
            None => {
                report.enterprises_added += 1;
                report.visits_added += theirs.visits.len();
                report.steps_added += theirs.steps.len();
                report.enterprises_to_save.push(theirs.id.clone());
                index.insert(theirs.id.clone(), local.len());
                local.push(theirs);
            }
        }
    }
    report
}

fn merge_enterprise(mine: &mut Enterprise, theirs: Enterprise, report: &mut MergeReport) {
    mine.created = time::earlier(&mine.created, &theirs.created).to_string();
    merge_details(mine, &theirs, report);
    for removed in &theirs.removed {
        remember_removed(&mut mine.removed, &removed.id, &removed.edits);
    }
    let mut visits = Visits::of(mine);
    for visit in theirs.visits {
        merge_visit(mine, &mut visits, visit, report);
    }
    for step in theirs.steps {
        merge_step(mine, step, report);
    }
}

/// Merges one step of the file into the enterprise's, by (visit, entry): a step not here is
/// added; of two copies, one whose saves the other has all seen gives way to it; of two saved
/// apart (or with the same saves and different content), the later save stays, then the
/// status that went further (done, dropped, in progress, agreed), then the smaller JSON text,
/// so both devices keep the same. The kept copy's counts are both joined, with no save added:
/// merging again changes nothing.
fn merge_step(e: &mut Enterprise, theirs: FollowStep, report: &mut MergeReport) {
    let Some(mine) = e
        .steps
        .iter_mut()
        .find(|s| s.visit == theirs.visit && s.step == theirs.step)
    else {
        report.steps_added += 1;
        e.steps.push(theirs);
        return;
    };
    if mine.same_content(&theirs) {
        join(&mut mine.edits, &theirs.edits);
        return;
    }
    match compare_edits(&mine.edits, &theirs.edits) {
        Some(Ordering::Greater) => {}
        Some(Ordering::Less) => {
            *mine = theirs;
            report.steps_updated += 1;
        }
        Some(Ordering::Equal) | None => {
            let mut joined = mine.edits.clone();
            join(&mut joined, &theirs.edits);
            if theirs.preferred_over(mine) {
                *mine = theirs;
                report.steps_updated += 1;
            }
            mine.edits = joined;
        }
    }
}

/// Where each of an enterprise's visits is, by id, kept up to date as visits are added.
struct Visits(HashMap<String, usize>);

impl Visits {
    fn of(e: &Enterprise) -> Visits {
        let mut map = HashMap::with_capacity(e.visits.len());
        for (i, v) in e.visits.iter().enumerate() {
            map.entry(v.id.clone()).or_insert(i);
        }
        Visits(map)
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }

    fn push(&mut self, e: &mut Enterprise, visit: Visit) {
        self.0.entry(visit.id.clone()).or_insert(e.visits.len());
        e.visits.push(visit);
    }
}

fn details(e: &Enterprise) -> Vec<&str> {
    DETAIL_FIELDS
        .iter()
        .map(|f| e.detail(f).expect("detail fields exist"))
        .collect()
}

fn set_details(e: &mut Enterprise, from: &Enterprise) {
    e.name = from.name.clone();
    e.region = from.region.clone();
    e.locality = from.locality.clone();
    e.sector = from.sector.clone();
    e.programme = from.programme.clone();
    e.institution = from.institution.clone();
    e.term = from.term.clone();
    e.team = from.team.clone();
}

/// FNV-1a 64 of the four details of version 2, each followed by a zero byte, then of each
/// cohort tag that is set: its name, `=`, its value and a zero byte. An enterprise without
/// tags hashes as version 2 hashed it, so every device keeps the same details of two saved
/// apart whichever version merged them first.
fn details_fingerprint(e: &Enterprise) -> u64 {
    let mut h = Fnv::new();
    for field in DETAIL_FIELDS {
        let value = e.detail(field).expect("detail fields exist");
        if TAG_FIELDS.contains(field) {
            if value.is_empty() {
                continue;
            }
            h.write(field.as_bytes());
            h.write(b"=");
        }
        h.write(value.as_bytes());
        h.write(&[0]);
    }
    h.finish()
}

fn merge_details(mine: &mut Enterprise, theirs: &Enterprise, report: &mut MergeReport) {
    if details(mine) == details(theirs) {
        // The same details; the later copy says which other values are still open (choosing
        // a value clears them), and copies saved apart keep both lists.
        let others = match compare_edits(&mine.edits, &theirs.edits) {
            Some(Ordering::Greater) => mine.other_values.clone(),
            Some(Ordering::Less) => theirs.other_values.clone(),
            _ => union_others(mine, &mine.other_values, &theirs.other_values),
        };
        let others = union_others(mine, &others, &[]);
        if others != mine.other_values {
            report.enterprises_updated += 1;
            mine.other_values = others;
        }
        join(&mut mine.edits, &theirs.edits);
        mine.updated = time::later(&mine.updated, &theirs.updated).to_string();
        return;
    }
    match compare_edits(&mine.edits, &theirs.edits) {
        Some(Ordering::Greater) => {}
        Some(Ordering::Less) => {
            set_details(mine, theirs);
            mine.edits = theirs.edits.clone();
            mine.updated = theirs.updated.clone();
            mine.other_values = union_others(mine, &theirs.other_values, &[]);
            report.enterprises_updated += 1;
        }
        Some(Ordering::Equal) | None => {
            // Both changed: the same values stay on both devices whichever imports.
            let theirs_win = details_fingerprint(theirs) > details_fingerprint(mine);
            let loser = if theirs_win {
                let loser = mine.clone();
                set_details(mine, theirs);
                loser
            } else {
                theirs.clone()
            };
            let before = mine.other_values.clone();
            let mut others = union_others(mine, &mine.other_values, &theirs.other_values);
            for (field, value) in DETAIL_FIELDS.iter().zip(details(&loser)) {
                others.push(OtherValue {
                    field: field.to_string(),
                    value: value.to_string(),
                });
            }
            mine.other_values = union_others(mine, &others, &[]);
            join(&mut mine.edits, &theirs.edits);
            mine.updated = time::later(&mine.updated, &theirs.updated).to_string();
            if mine.other_values != before {
                report.enterprise_conflicts += 1;
            }
        }
    }
}

/// Both lists, sorted, without repeats and without values equal to the current one: the
/// canonical form of an enterprise's `other_values`, which the reader gives every enterprise
/// too, so that merging what was read changes nothing.
pub(crate) fn union_others<A>(
    e: &Enterprise<A>,
    a: &[OtherValue],
    b: &[OtherValue],
) -> Vec<OtherValue> {
    let mut all: Vec<OtherValue> = a
        .iter()
        .chain(b)
        .filter(|o| e.detail(&o.field) != Some(o.value.as_str()))
        .cloned()
        .collect();
    all.sort();
    all.dedup();
    all
}

fn merge_visit(e: &mut Enterprise, visits: &mut Visits, theirs: Visit, report: &mut MergeReport) {
    let Some(i) = visits.find(&theirs.id) else {
        let deleted_here = e.removed.iter().any(|r| {
            r.id == theirs.id
                && matches!(
                    compare_edits(&theirs.edits, &r.edits),
                    Some(Ordering::Less | Ordering::Equal)
                )
        });
        if deleted_here {
            report.visits_left_deleted += 1;
        } else {
            report.visits_added += 1;
            visits.push(e, theirs);
        }
        return;
    };
    let mine = &mut e.visits[i];
    if mine.same_content(&theirs) {
        join(&mut mine.edits, &theirs.edits);
        mine.updated = time::later(&mine.updated, &theirs.updated).to_string();
        report.visits_unchanged += 1;
        return;
    }
    match compare_edits(&mine.edits, &theirs.edits) {
        Some(Ordering::Greater) => report.visits_unchanged += 1,
        Some(Ordering::Less) => {
            *mine = theirs;
            report.visits_updated += 1;
        }
        Some(Ordering::Equal) | None => {
            // Both changed. One version stays under the id, the other is kept beside it; the
            // choice depends on content only, so both devices make the same one.
            let theirs_fp = theirs.fingerprint();
            let mine_fp = mine.fingerprint();
            let mut joined = mine.edits.clone();
            join(&mut joined, &theirs.edits);
            let updated = time::later(&mine.updated, &theirs.updated).to_string();
            let (loser, loser_fp) = if theirs_fp > mine_fp {
                let loser = std::mem::replace(mine, theirs);
                (loser, mine_fp)
            } else {
                (theirs, theirs_fp)
            };
            mine.edits = joined;
            mine.updated = updated;
            let original = mine.id.clone();
            if keep_copy(e, visits, &original, loser, &loser_fp) {
                report.visit_conflicts += 1;
            } else {
                report.visits_unchanged += 1;
            }
        }
    }
}

/// Adds `copy` as the other version of visit `original`. Returns whether anything changed.
fn keep_copy(
    e: &mut Enterprise,
    visits: &mut Visits,
    original: &str,
    mut copy: Visit,
    fingerprint: &str,
) -> bool {
    copy.conflict_of = Some(original.to_string());
    let mut id = derived_id(original, u64::from_str_radix(fingerprint, 16).unwrap_or(0));
    // Each round tries a new id, so one is free within as many rounds as there are visits.
    for _ in 0..=e.visits.len() {
        let Some(i) = visits.find(&id) else {
            copy.id = id;
            visits.push(e, copy);
            return true;
        };
        let there = &mut e.visits[i];
        if there.same_content(&copy) {
            let before = there.edits.clone();
            join(&mut there.edits, &copy.edits);
            return there.edits != before;
        }
        match compare_edits(&there.edits, &copy.edits) {
            // The copy kept earlier was changed here since: it is the later state.
            Some(Ordering::Greater) => return false,
            Some(Ordering::Less) => {
                copy.id = id;
                *there = copy;
                return true;
            }
            // Another version under the same derived id: derive once more.
            _ => {
                let mut h = Fnv::new();
                h.write(fingerprint.as_bytes());
                h.write(id.as_bytes());
                id = derived_id(&id, h.finish());
            }
        }
    }
    // Only a cycle of 64-bit hashes gets here; keep the copy all the same.
    copy.id = derived_id(&id, u64::MAX);
    visits.push(e, copy);
    true
}

/// An id derived from `id` and a hash: at most 47 bytes of `id`, `-`, 16 hex digits; a valid
/// id whenever `id` is.
pub(crate) fn derived_id(id: &str, hash: u64) -> String {
    let keep = MAX_ID_LEN - 17;
    let mut cut = id.len().min(keep);
    while !id.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut h = Fnv::new();
    h.write(id.as_bytes());
    h.write(&hash.to_le_bytes());
    format!("{}-{:016x}", &id[..cut], h.finish())
}
