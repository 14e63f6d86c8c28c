//! What a programme would change by supplying catalogue entries (a used phone, a data plan,
//! help with the tax registration): for one enterprise, which of them it needs and the rung it
//! would reach with them. The planner and `umbral batch --supply` add this up for a cohort
//! (`crate::planner`).
//!
//! An enterprise needs a supplied entry when the entry reaches it (its localities, regions and
//! `when`, as the roadmap reads them: unknown counts as no) and meets a requirement the
//! enterprise is known to miss. With them, those requirements count as met; the ladder is then
//! read as `assess` reads it. Who qualifies for a programme (`eligible_when`) is the
//! programme's own choice here, not the entry's.

use super::roadmap::available;
use super::{answers, requirement_status, standing, Pack, Profile, RequirementStatus};

/// What supplying some entries would change for one enterprise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Supplied {
    /// The supplied entries it needs, by index into the pack's entries, in the order given.
    pub needs: Vec<usize>,
    /// Its stage today and with the entries it needs, as pathway indexes (`None`: no rung).
    pub stage_before: Option<usize>,
    pub stage_after: Option<usize>,
}

/// What supplying `entries` (indexes into the pack's entries) would change for `profile`.
pub fn supplied(pack: &Pack, profile: &Profile, entries: &[usize]) -> Supplied {
    let answers = answers(pack, profile);
    let mut unknown = Vec::new();
    let mut status = requirement_status(pack, &answers, &mut unknown);
    let stage_before = standing(pack, &answers, &status, &mut unknown).stage;
    let missing = |status: &[RequirementStatus], r: usize| {
        status[r] == (RequirementStatus::Missing { known: true })
    };
    let needs: Vec<usize> = entries
        .iter()
        .copied()
        .filter(|&e| {
            pack.entry_addresses[e].iter().any(|&r| missing(&status, r))
                && available(pack, &answers, e, &mut unknown)
        })
        .collect();
    if needs.is_empty() {
        return Supplied {
            needs,
            stage_before,
            stage_after: stage_before,
        };
    }
    for &e in &needs {
        for &r in &pack.entry_addresses[e] {
            if missing(&status, r) {
                status[r] = RequirementStatus::Met;
            }
        }
    }
    let stage_after = standing(pack, &answers, &status, &mut unknown).stage;
    Supplied {
        needs,
        stage_before,
        stage_after,
    }
}
