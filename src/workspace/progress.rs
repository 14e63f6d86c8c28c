//! Progress between two visits: what changed from one report to the next, dimension by
//! dimension, and which pathways opened or closed.
//!
//! Both reports should come from the same pack (the enterprise's country); a dimension or
//! pathway only one report has is listed with the other side missing.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::engine::report::Status;
use crate::engine::Report;

/// A number before and after. As JSON: `{"before", "after", "delta"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub before: u32,
    pub after: u32,
}

impl Change {
    /// `after - before`.
    pub fn delta(&self) -> i64 {
        i64::from(self.after) - i64::from(self.before)
    }
}

/// One dimension's score before and after (missing on a side whose pack lacks it). As JSON:
/// `{"id", "label", "before", "after", "delta"}`, `null` where a side is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionChange<'p> {
    pub id: &'p str,
    pub label: &'p str,
    pub before: Option<u32>,
    pub after: Option<u32>,
}

impl DimensionChange<'_> {
    /// The change in score, when both sides have the dimension.
    pub fn delta(&self) -> Option<i64> {
        Some(i64::from(self.after?) - i64::from(self.before?))
    }
}

/// What changed between two reports of the same enterprise.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Progress<'p> {
    pub readiness: Change,
    /// The highest pathway ready, before and after.
    pub stage_before: Option<&'p str>,
    pub stage_after: Option<&'p str>,
    /// Every dimension, in the later report's order, then any only the earlier one has.
    pub dimensions: Vec<DimensionChange<'p>>,
    /// Pathways ready now that were not.
    pub pathways_opened: Vec<&'p str>,
    /// Pathways ready before that are not now.
    pub pathways_closed: Vec<&'p str>,
    /// Requirements blocking before that no longer are.
    pub blockers_removed: Vec<&'p str>,
    /// Requirements blocking now that were not.
    pub blockers_added: Vec<&'p str>,
    /// Steps recommended before whose every addressed requirement is no longer missing: done.
    pub steps_done: Vec<&'p str>,
    /// Steps recommended now that were not before.
    pub steps_new: Vec<&'p str>,
    /// Questions answered now that were unanswered before.
    pub answered: Vec<&'p str>,
}

impl Progress<'_> {
    /// Whether anything changed at all.
    pub fn is_empty(&self) -> bool {
        self.readiness.delta() == 0
            && self.stage_before == self.stage_after
            && self.dimensions.iter().all(|d| d.delta() == Some(0))
            && self.pathways_opened.is_empty()
            && self.pathways_closed.is_empty()
            && self.blockers_removed.is_empty()
            && self.blockers_added.is_empty()
            && self.steps_done.is_empty()
            && self.steps_new.is_empty()
            && self.answered.is_empty()
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Change", 3)?;
        s.serialize_field("before", &self.before)?;
        s.serialize_field("after", &self.after)?;
        s.serialize_field("delta", &self.delta())?;
        s.end()
    }
}

impl Serialize for DimensionChange<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("DimensionChange", 5)?;
        s.serialize_field("id", self.id)?;
        s.serialize_field("label", self.label)?;
        s.serialize_field("before", &self.before)?;
        s.serialize_field("after", &self.after)?;
        s.serialize_field("delta", &self.delta())?;
        s.end()
    }
}

/// What changed from `before` (the earlier visit's report) to `after`.
pub fn compare<'p>(before: &Report<'p>, after: &Report<'p>) -> Progress<'p> {
    let mut dimensions: Vec<DimensionChange<'p>> = after
        .dimensions
        .iter()
        .map(|d| DimensionChange {
            id: d.id,
            label: d.label,
            before: before
                .dimensions
                .iter()
                .find(|b| b.id == d.id)
                .map(|b| b.score),
            after: Some(d.score),
        })
        .collect();
    for d in &before.dimensions {
        if !after.dimensions.iter().any(|a| a.id == d.id) {
            dimensions.push(DimensionChange {
                id: d.id,
                label: d.label,
                before: Some(d.score),
                after: None,
            });
        }
    }
    let reached = |r: &Report<'p>| -> Vec<&'p str> {
        r.pathways
            .iter()
            .filter(|p| p.reached)
            .map(|p| p.id)
            .collect()
    };
    let (ready_before, ready_after) = (reached(before), reached(after));
    let (blocked_before, blocked_after) = (before.blockers.clone(), after.blockers.clone());
    let missing_after: Vec<&str> = after
        .requirements
        .iter()
        .filter(|r| r.status != Status::Met)
        .map(|r| r.id)
        .chain(blocked_after.iter().copied())
        .collect();
    // A step is done when none of its options is in the later plan and what it addressed is
    // no longer missing; it is named by the option the plan put first.
    let planned = |r: &Report<'p>| -> Vec<&'p str> {
        r.steps
            .iter()
            .flat_map(|s| s.options.iter().map(|o| o.id))
            .collect()
    };
    let first_options =
        |r: &Report<'p>| -> Vec<&'p str> { r.steps.iter().map(|s| s.options[0].id).collect() };
    let planned_after = planned(after);
    let steps_done = before
        .steps
        .iter()
        .filter(|s| s.options.iter().all(|o| !planned_after.contains(&o.id)))
        .filter(|s| s.addresses.iter().all(|a| !missing_after.contains(a)))
        .map(|s| s.options[0].id)
        .collect();
    let steps_before = planned(before);
    Progress {
        readiness: Change {
            before: before.readiness,
            after: after.readiness,
        },
        stage_before: before.stage,
        stage_after: after.stage,
        dimensions,
        pathways_opened: minus(&ready_after, &ready_before),
        pathways_closed: minus(&ready_before, &ready_after),
        blockers_removed: minus(&blocked_before, &blocked_after),
        blockers_added: minus(&blocked_after, &blocked_before),
        steps_done,
        steps_new: first_options(after)
            .into_iter()
            .filter(|id| !steps_before.contains(id))
            .collect(),
        answered: minus(&before.unanswered, &after.unanswered),
    }
}

/// The items of `a` not in `b`, in `a`'s order.
fn minus<'p>(a: &[&'p str], b: &[&'p str]) -> Vec<&'p str> {
    a.iter().filter(|x| !b.contains(x)).copied().collect()
}
