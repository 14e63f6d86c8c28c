//! The rules engine: a linked rule pack and a profile in, an explained readiness report out.
//!
//! Everything here is pure: no files, no browser, no terminal, no clock. The same inputs give
//! byte-identical reports natively and in WebAssembly.

pub mod brief;
pub mod compact;
pub mod condition;
pub mod glossary;
pub mod json;
mod link;
pub mod links;
pub mod locale;
pub mod pack;
pub mod problem;
pub mod profile;
mod profile_fast;
pub mod report;
mod roadmap;
pub mod supply;
mod unlock;
pub mod words;

use condition::Truth;
pub use locale::{Language, Locale, Text};
pub use pack::{Pack, PackData};
pub use profile::{Profile, ProfileError, ProfileErrors, Value};
pub use report::Report;
pub use words::fill;

use profile::{decode_value, FieldIx, Problem};
use report::{DimensionScore, PackRef, PathwayStatus, Reason, RequirementState, Status, Unlock};

/// Sorts a short list by key, stably, with an insertion sort: the lists the engine sorts hold
/// tens of items, and the standard library's sorts add kilobytes to the browser app per use.
pub(crate) fn sort_small<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_small_by(items, |a, b| key(a).cmp(&key(b)));
}

/// [`sort_small`] with a comparison instead of a key.
pub(crate) fn sort_small_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && cmp(&items[j - 1], &items[j]).is_gt() {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Where the enterprise stands on the ladder and beside it: what the roadmap and
/// `next_unlock` plan from.
pub(crate) struct Standing {
    /// For each pathway: reached (its own requirements met and, on the ladder, every rung
    /// below reached).
    pub reached: Vec<bool>,
    /// For each pathway: whether the business already sells that way.
    pub in_use: Vec<Truth>,
    /// The highest rung reached, as a pathway index.
    pub stage: Option<usize>,
    /// The first rung not reached, as a pathway index.
    pub next: Option<usize>,
    /// The rung the profile's goal aims at, as a pathway index.
    pub goal: Option<usize>,
}

impl Standing {
    /// A pathway's place on the ladder (0 for the bottom rung); routes have none.
    pub fn rung(pack: &Pack, pathway: usize) -> Option<usize> {
        pack.derived.ladder.iter().position(|&p| p == pathway)
    }
}

/// Scores `profile` under `pack`, with texts in `locale`.
pub fn assess<'p>(pack: &'p Pack, profile: &Profile, locale: Locale) -> Report<'p> {
    let answers = answers(pack, profile);
    let mut unknown: Vec<FieldIx> = Vec::new();

    let dimensions = score_dimensions(pack, &answers, locale, &mut unknown);
    let readiness = readiness(pack, &dimensions);

    let status = requirement_status(pack, &answers, &mut unknown);
    let standing = standing(pack, &answers, &status, &mut unknown);
    let plan = roadmap::plan(pack, &answers, &status, &standing, locale, &mut unknown);

    let is_missing = |r: usize| matches!(status[r], RequirementStatus::Missing { .. });
    let pathways: Vec<PathwayStatus> = pack
        .data
        .pathways
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let requires = &pack.pathway_requires[i];
            let id = |&r: &usize| pack.data.requirements[r].id.as_str();
            PathwayStatus {
                id: &p.id,
                label: p.label.get(locale),
                summary: p.summary.get(locale),
                ladder: p.ladder,
                reached: standing.reached[i],
                in_use: standing.in_use[i] == Truth::True,
                met: requires
                    .iter()
                    .filter(|&&r| status[r] == RequirementStatus::Met)
                    .map(id)
                    .collect(),
                missing: requires
                    .iter()
                    .filter(|&&r| is_missing(r))
                    .map(id)
                    .collect(),
            }
        })
        .collect();

    let blockers: Vec<&str> = standing.next.map_or_else(Vec::new, |n| {
        pack.pathway_requires[n]
            .iter()
            .filter(|&&r| status[r] == (RequirementStatus::Missing { known: true }))
            .map(|&r| pack.data.requirements[r].id.as_str())
            .collect()
    });

    let requirements = pack
        .data
        .requirements
        .iter()
        .enumerate()
        .filter(|&(r, _)| {
            status[r] != RequirementStatus::NotApplicable
                && (pack.derived.requirement_pathway[r].is_some() || !plan.addressing[r].is_empty())
        })
        .map(|(r, req)| {
            let state = match status[r] {
                RequirementStatus::Missing { known: false } => Status::Open,
                RequirementStatus::Missing { known: true } => Status::Missing,
                _ => Status::Met,
            };
            RequirementState {
                id: &req.id,
                label: req.label.get(locale),
                status: state,
                text: (state != Status::Met).then(|| req.missing.get(locale)),
                fields: if state == Status::Met {
                    Vec::new()
                } else {
                    field_paths(pack, &pack.requirement_fields[r])
                },
                steps: plan.addressing[r].clone(),
            }
        })
        .collect();

    let next_unlock = standing.next.and_then(|n| {
        let changes = unlock::next_unlock(pack, &answers, n)?;
        let gets: Vec<usize> = pack.pathway_requires[n]
            .iter()
            .copied()
            .filter(|&r| is_missing(r))
            .collect();
        let mut steps: Vec<u32> = gets
            .iter()
            .flat_map(|&r| plan.addressing[r].iter().copied())
            .collect();
        sort_small(&mut steps, |&s| s);
        steps.dedup();
        Some(Unlock {
            pathway: &pack.data.pathways[n].id,
            gets: gets
                .iter()
                .map(|&r| pack.data.requirements[r].id.as_str())
                .collect(),
            steps,
            changes,
        })
    });

    unknown.retain(|&f| askable(pack, &answers, f));
    sort_small(&mut unknown, |&f| f);
    unknown.dedup();
    Report {
        schema: report::REPORT_SCHEMA,
        pack: PackRef {
            id: &pack.data.id,
            version: &pack.data.version,
        },
        locale,
        readiness,
        stage: standing.stage.map(|i| pack.data.pathways[i].id.as_str()),
        dimensions,
        requirements,
        pathways,
        blockers,
        steps: plan.steps,
        first_steps: plan.first_steps,
        when_affordable: plan.when_affordable,
        unanswered: unknown
            .into_iter()
            .map(|f| pack.fields[f].path.as_str())
            .collect(),
        next_unlock,
        left_out: plan.left_out,
    }
}

/// Whether the person could answer the question behind `field` now: it has no question, or
/// its question is shown to this profile. A field whose question is hidden (the export
/// questions, for a business that does not aim to export) is never listed as unanswered.
fn askable(pack: &Pack, answers: &[Option<Value>], field: FieldIx) -> bool {
    let mut questions = pack.question_field.iter().enumerate();
    match questions.find(|(_, &f)| f == field) {
        None => true,
        Some((q, _)) => pack
            .question_condition(q)
            .is_none_or(|e| e.eval(answers) == Truth::True),
    }
}

/// The ladder as this profile climbs it: which pathways are reached and in use, the stage,
/// the next rung and the rung the goal aims at.
fn standing(
    pack: &Pack,
    answers: &[Option<Value>],
    status: &[RequirementStatus],
    unknown: &mut Vec<FieldIx>,
) -> Standing {
    let own_met = |p: usize| {
        pack.pathway_requires[p]
            .iter()
            .all(|&r| !matches!(status[r], RequirementStatus::Missing { .. }))
    };
    let n = pack.data.pathways.len();
    let mut reached: Vec<bool> = (0..n).map(own_met).collect();
    let mut below = true;
    for &p in &pack.derived.ladder {
        below &= reached[p];
        reached[p] = below;
    }
    let in_use = pack
        .pathway_in_use
        .iter()
        .map(|e| match e {
            None => Truth::False,
            Some(e) => {
                let t = e.eval(answers);
                if t == Truth::Unknown {
                    e.unknown_fields(answers, unknown);
                }
                t
            }
        })
        .collect();
    let ladder = &pack.derived.ladder;
    let stage = ladder.iter().copied().take_while(|&p| reached[p]).last();
    let next = ladder.iter().copied().find(|&p| !reached[p]);
    let goal_field = pack.ix.goal;
    let goal = match (&answers[goal_field], &pack.fields[goal_field].kind) {
        (Some(Value::Choice(i)), profile::FieldKind::Choice { values, .. }) => {
            let goal = values[*i as usize].as_str();
            ladder
                .iter()
                .copied()
                .find(|&p| pack.data.pathways[p].goals.iter().any(|g| g == goal))
        }
        _ => None,
    };
    Standing {
        reached,
        in_use,
        stage,
        next,
        goal,
    }
}

/// Scores a profile given as JSON text, returning the report as JSON text: the one call the
/// browser and the command line share. `Err` holds every problem found in the profile.
pub fn assess_json(
    pack: &Pack,
    profile_json: &str,
    locale: Locale,
) -> Result<String, ProfileErrors> {
    let profile = Profile::from_json(profile_json)?;
    check_profile(pack, &profile)?;
    Ok(assess(pack, &profile, locale).to_json())
}

/// The questions to ask this profile, as indexes into the pack's questions, in order: those
/// without a `show_when`, and those whose condition holds. A question whose condition is still
/// unknown (it depends on an unanswered question) waits until that question is answered.
pub fn visible_questions(pack: &Pack, profile: &Profile) -> Vec<usize> {
    let answers = answers(pack, profile);
    (0..pack.data.questions.len())
        .filter(|&q| {
            pack.question_condition(q)
                .is_none_or(|e| e.eval(&answers) == Truth::True)
        })
        .collect()
}

/// The ids of the requirements the profile meets as it stands, in pack order: those whose
/// condition holds, whether or not they apply.
pub fn met_requirements(pack: &Pack, profile: &Profile) -> Vec<String> {
    let answers = answers(pack, profile);
    pack.data
        .requirements
        .iter()
        .zip(&pack.requirement_met)
        .filter(|(_, met)| met.eval(&answers) == Truth::True)
        .map(|(r, _)| r.id.clone())
        .collect()
}

/// Checks the parts of a profile that depend on the pack: its country and the answers to the
/// pack's own questions under `extra`.
pub fn check_profile(pack: &Pack, profile: &Profile) -> Result<(), ProfileErrors> {
    let mut errors = Vec::new();
    if let Some(country) = &pack.data.country {
        if *country != profile.country {
            errors.push(ProfileError {
                path: "$.country".into(),
                problem: Problem::OtherCountry {
                    profile: profile.country.clone(),
                    pack: pack.data.id.clone(),
                    country: country.clone(),
                },
            });
        }
    }
    for (key, value) in &profile.extra {
        let path = format!("extra.{key}");
        match pack.fields.iter().find(|f| f.path == path) {
            None => errors.push(ProfileError {
                path: "$.extra".into(),
                problem: Problem::NotAsked {
                    key: key.clone(),
                    pack: pack.data.id.clone(),
                    asked: extra_names(pack),
                },
            }),
            Some(field) => {
                if let Err(problem) = decode_value(&field.kind, value) {
                    errors.push(ProfileError {
                        path: format!("$.{path}"),
                        problem,
                    });
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ProfileErrors(errors))
    }
}

fn extra_names(pack: &Pack) -> Vec<String> {
    pack.fields
        .iter()
        .filter_map(|f| f.path.strip_prefix("extra."))
        .map(String::from)
        .collect()
}

/// The answers as the pack's conditions read them: the profile's, then the pack's own fields.
fn answers(pack: &Pack, profile: &Profile) -> Vec<Option<Value>> {
    let mut out = profile.answers().to_vec();
    let core = out.len();
    for field in &pack.fields[core..] {
        let key = &field.path["extra.".len()..];
        out.push(
            profile
                .extra
                .get(key)
                .and_then(|v| decode_value(&field.kind, v).ok()),
        );
    }
    out
}

fn field_paths<'p>(pack: &'p Pack, fields: &[FieldIx]) -> Vec<&'p str> {
    fields
        .iter()
        .map(|&f| pack.fields[f].path.as_str())
        .collect()
}

fn score_dimensions<'p>(
    pack: &'p Pack,
    answers: &[Option<Value>],
    locale: Locale,
    unknown: &mut Vec<FieldIx>,
) -> Vec<DimensionScore<'p>> {
    let mut dims: Vec<DimensionScore> = pack
        .data
        .dimensions
        .iter()
        .map(|d| DimensionScore {
            id: &d.id,
            label: d.label.get(locale),
            score: 0,
            reasons: Vec::new(),
        })
        .collect();
    for (i, rule) in pack.data.scores.iter().enumerate() {
        let when = &pack.score_when[i];
        match when.eval(answers) {
            Truth::True => {
                let dim = &mut dims[pack.score_dimension[i]];
                dim.score = dim.score.saturating_add(rule.points).min(100);
                dim.reasons.push(Reason {
                    rule: &rule.id,
                    text: rule.text.get(locale).into(),
                    fields: field_paths(pack, &pack.score_fields[i]),
                });
            }
            Truth::Unknown => when.unknown_fields(answers, unknown),
            Truth::False => {}
        }
    }
    dims
}

fn readiness(pack: &Pack, dims: &[DimensionScore]) -> u32 {
    weighted_readiness(pack, dims.iter().map(|d| d.score))
}

/// The overall readiness from the dimensions' scores, in pack order: their mean weighted by
/// each dimension's weight, rounded half up.
fn weighted_readiness(pack: &Pack, scores: impl Iterator<Item = u32>) -> u32 {
    let total: u64 = pack.data.dimensions.iter().map(|d| d.weight as u64).sum();
    if total == 0 {
        return 0;
    }
    let weighted: u64 = pack
        .data
        .dimensions
        .iter()
        .zip(scores)
        .map(|(d, s)| d.weight as u64 * s as u64)
        .sum();
    ((weighted + total / 2) / total) as u32
}

/// Where a profile stands, as [`assess`] reports it, without the plan: for counting many
/// profiles (the planner's first visits), where the roadmap would be thrown away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The report's `readiness`.
    pub readiness: u32,
    /// The report's `stage`, as an index into the pack's pathways.
    pub stage: Option<usize>,
    /// Each dimension's score, in pack order.
    pub scores: Vec<u32>,
}

/// The [`Position`] of `profile` under `pack`: the same readiness, stage and scores as
/// [`assess`] gives (`tests/properties.rs` checks it over every example).
pub fn position(pack: &Pack, profile: &Profile) -> Position {
    let answers = answers(pack, profile);
    let mut scores = vec![0u32; pack.data.dimensions.len()];
    for (i, rule) in pack.data.scores.iter().enumerate() {
        if pack.score_when[i].eval(&answers) == Truth::True {
            let score = &mut scores[pack.score_dimension[i]];
            *score = score.saturating_add(rule.points).min(100);
        }
    }
    let mut unknown = Vec::new();
    let status = requirement_status(pack, &answers, &mut unknown);
    Position {
        readiness: weighted_readiness(pack, scores.iter().copied()),
        stage: standing(pack, &answers, &status, &mut unknown).stage,
        scores,
    }
}

/// Where a requirement stands for this profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RequirementStatus {
    /// It does not apply (its `applies_when` is false).
    NotApplicable,
    Met,
    /// Not met: `known` is false when an unanswered field leaves it open (then the roadmap
    /// waits for the answer instead of recommending steps for it).
    Missing {
        known: bool,
    },
}

fn requirement_status(
    pack: &Pack,
    answers: &[Option<Value>],
    unknown: &mut Vec<FieldIx>,
) -> Vec<RequirementStatus> {
    (0..pack.data.requirements.len())
        .map(|r| {
            let applies = match &pack.requirement_applies[r] {
                None => Truth::True,
                Some(e) => {
                    let t = e.eval(answers);
                    if t == Truth::Unknown {
                        e.unknown_fields(answers, unknown);
                    }
                    t
                }
            };
            if applies == Truth::False {
                return RequirementStatus::NotApplicable;
            }
            let met = &pack.requirement_met[r];
            match met.eval(answers) {
                Truth::True => RequirementStatus::Met,
                Truth::False => RequirementStatus::Missing {
                    known: applies == Truth::True,
                },
                Truth::Unknown => {
                    met.unknown_fields(answers, unknown);
                    RequirementStatus::Missing { known: false }
                }
            }
        })
        .collect()
}
