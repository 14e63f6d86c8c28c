//! The rules engine: a linked rule pack and a profile in, an explained readiness report out.
//!
//! Everything here is pure: no files, no browser, no terminal, no clock. The same inputs give
//! byte-identical reports natively and in WebAssembly.

pub mod compact;
pub mod condition;
pub mod json;
pub mod pack;
pub mod profile;
pub mod report;
mod roadmap;
mod unlock;
pub mod words;

use condition::Truth;
pub use pack::{Locale, Pack, PackData, Text};
pub use profile::{Profile, ProfileError, ProfileErrors, Value};
pub use report::Report;

use profile::{decode_value, FieldIx};
use report::{Blocker, DimensionScore, Missing, PackRef, PathwayStatus, Reason};

/// Sorts a short list by key, stably, with an insertion sort: the lists the engine sorts hold
/// tens of items, and the standard library's sorts add kilobytes to the browser app per use.
pub(crate) fn sort_small<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Scores `profile` under `pack`, with texts in `locale`.
pub fn assess<'p>(pack: &'p Pack, profile: &Profile, locale: Locale) -> Report<'p> {
    let answers = answers(pack, profile);
    let mut unknown: Vec<FieldIx> = Vec::new();

    let dimensions = score_dimensions(pack, &answers, locale, &mut unknown);
    let readiness = readiness(pack, &dimensions);

    let status = requirement_status(pack, &answers, &mut unknown);
    let missing_now = |r: usize| matches!(status[r], RequirementStatus::Missing { .. });
    let ready: Vec<bool> = pack
        .pathway_requires
        .iter()
        .map(|requires| !requires.iter().any(|&r| missing_now(r)))
        .collect();
    let stage_index = ready.iter().rposition(|&r| r);
    let blockers = blockers(pack, &status, locale);

    let target = target_pathway(pack, &answers, &ready, stage_index);
    let plan = roadmap::plan(pack, &answers, &status, target, locale, &mut unknown);
    let pathways: Vec<PathwayStatus> = pack
        .data
        .pathways
        .iter()
        .zip(&pack.pathway_requires)
        .zip(&ready)
        .map(|((p, requires), &ready)| {
            let mut met = Vec::new();
            let mut missing = Vec::new();
            for &r in requires {
                let req = &pack.data.requirements[r];
                match status[r] {
                    RequirementStatus::NotApplicable => {}
                    RequirementStatus::Met => met.push(req.id.as_str()),
                    RequirementStatus::Missing { .. } => missing.push(Missing {
                        requirement: &req.id,
                        text: req.missing.get(locale),
                        actions: plan.actions[r].clone(),
                    }),
                }
            }
            PathwayStatus {
                id: &p.id,
                label: p.label.get(locale),
                ready,
                met,
                missing,
            }
        })
        .collect();

    let next_unlock = unlock::next_unlock(pack, &answers, &ready, stage_index);

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
        stage: stage_index.map(|i| pathways[i].id),
        dimensions,
        pathways,
        blockers,
        recommendations: plan.recommendations,
        unanswered: unknown
            .into_iter()
            .map(|f| pack.fields[f].path.as_str())
            .collect(),
        next_unlock,
        left_out: plan.left_out,
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
                message: format!(
                    "the profile is for {} but pack '{}' is for {country}",
                    profile.country, pack.data.id
                ),
            });
        }
    }
    for (key, value) in &profile.extra {
        let path = format!("extra.{key}");
        match pack.fields.iter().find(|f| f.path == path) {
            None => errors.push(ProfileError {
                path: "$.extra".into(),
                message: format!(
                    "unknown field '{key}'; pack '{}' asks {}",
                    pack.data.id,
                    extra_names(pack)
                ),
            }),
            Some(field) => {
                if let Err(message) = decode_value(&field.kind, value) {
                    errors.push(ProfileError {
                        path: format!("$.{path}"),
                        message,
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

fn extra_names(pack: &Pack) -> String {
    let names: Vec<&str> = pack
        .fields
        .iter()
        .filter_map(|f| f.path.strip_prefix("extra."))
        .collect();
    if names.is_empty() {
        "no extra questions".into()
    } else {
        format!("only: {}", names.join(", "))
    }
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
                dim.score = (dim.score + rule.points).min(100);
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
    let total: u64 = pack.data.dimensions.iter().map(|d| d.weight as u64).sum();
    if total == 0 {
        return 0;
    }
    let weighted: u64 = pack
        .data
        .dimensions
        .iter()
        .zip(dims)
        .map(|(d, s)| d.weight as u64 * s.score as u64)
        .sum();
    ((weighted + total / 2) / total) as u32
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

/// Requirements missing from every pathway: what holds everything back.
fn blockers<'p>(pack: &'p Pack, status: &[RequirementStatus], locale: Locale) -> Vec<Blocker<'p>> {
    let Some((first, rest)) = pack.pathway_requires.split_first() else {
        return Vec::new();
    };
    first
        .iter()
        .copied()
        .filter(|&r| matches!(status[r], RequirementStatus::Missing { .. }))
        .filter(|r| rest.iter().all(|requires| requires.contains(r)))
        .map(|r| {
            let req = &pack.data.requirements[r];
            Blocker {
                requirement: &req.id,
                text: req.missing.get(locale),
            }
        })
        .collect()
}

/// The furthest pathway the roadmap works towards: the one the profile's goal aims at, and at
/// least the first one that is not ready yet after the current stage.
fn target_pathway(
    pack: &Pack,
    answers: &[Option<Value>],
    ready: &[bool],
    stage: Option<usize>,
) -> Option<usize> {
    let goal_field = pack.ix.goal;
    let goal = match (&answers[goal_field], &pack.fields[goal_field].kind) {
        (Some(Value::Choice(i)), profile::FieldKind::Choice { values, .. }) => {
            Some(values[*i as usize].as_str())
        }
        _ => None,
    };
    let by_goal = goal.and_then(|g| {
        pack.data
            .pathways
            .iter()
            .position(|p| p.goals.iter().any(|x| x == g))
    });
    let start = stage.map_or(0, |s| s + 1);
    let next = (start..ready.len()).find(|&i| !ready[i]);
    match (by_goal, next) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}
