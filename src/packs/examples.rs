//! Example profiles that packs carry with their expected outcomes (`examples.toml`), and the
//! check that runs them. `umbral validate` and the pack test both use it, so a pack's own
//! examples are part of validating it.

use serde::Deserialize;
use serde_json::Value as Json;
use toml::Spanned;

use super::{Diagnostic, PackSource, Severity, EXAMPLES_FILE};
use crate::engine::report::Phase;
use crate::engine::{self, Locale, Pack, Profile};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    case: Vec<Spanned<Case>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    profile: Json,
    #[serde(default)]
    expect: Expect,
}

/// What a case must produce. Every part is optional; entries are named by catalog id,
/// requirements and pathways by theirs.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// A pathway id, or "none".
    stage: Option<String>,
    /// Pathways that must be reached, and that must not.
    #[serde(default)]
    reached: Vec<String>,
    #[serde(default)]
    not_reached: Vec<String>,
    /// Pathways the business must be reported to sell on already.
    #[serde(default)]
    in_use: Vec<String>,
    /// Requirements that must hold the business back.
    #[serde(default)]
    blockers: Vec<String>,
    /// Entries that must be an option of some step, and that must not be.
    #[serde(default)]
    recommends: Vec<String>,
    #[serde(default)]
    not_recommends: Vec<String>,
    /// The first options of the first steps, in order.
    #[serde(default)]
    first: Vec<String>,
    /// Entries that must be options of steps to take now, and of formalities in parallel.
    #[serde(default)]
    now: Vec<String>,
    #[serde(default)]
    parallel: Vec<String>,
    /// The first options of `first_steps`, exactly and in order.
    first_steps: Option<Vec<String>>,
    /// Entries that must wait until the business can pay for them.
    #[serde(default)]
    when_affordable: Vec<String>,
    /// Entries that must be offered only with their eligibility as a condition.
    #[serde(default)]
    conditional: Vec<String>,
    /// The most steps to take now.
    max_now: Option<usize>,
    readiness: Option<[u32; 2]>,
    currency: Option<String>,
    /// The pathway next_unlock opens, or "none"; and what it asks the business to get.
    next_unlock: Option<String>,
    #[serde(default)]
    unlock_gets: Vec<String>,
    /// Texts the Spanish report must contain, and must not.
    #[serde(default)]
    says: Vec<String>,
    #[serde(default)]
    not_says: Vec<String>,
}

/// The outcome of running a pack's examples.
#[derive(Debug, Default)]
pub struct Results {
    pub passed: usize,
    /// One error per failed case, at the case in `examples.toml`.
    pub diagnostics: Vec<Diagnostic>,
}

/// The example profiles of the pack folder `src`, each with its case's name, as written
/// (JSON, not yet decoded); none when the pack has no examples. A file that does not parse is
/// refused with the parser's message.
pub fn profiles(src: &PackSource) -> Result<Vec<(String, Json)>, String> {
    let Some(file) = src.files.iter().find(|f| f.path.ends_with(EXAMPLES_FILE)) else {
        return Ok(Vec::new());
    };
    let parsed: File = toml::from_str(&file.text)
        .map_err(|e| format!("{}: {}", file.path, e.message().trim_end()))?;
    Ok(parsed
        .case
        .into_iter()
        .map(|case| {
            let case = case.into_inner();
            (case.name, case.profile)
        })
        .collect())
}

/// Runs the examples of the pack folder `src` against its compiled `pack`.
pub fn run(src: &PackSource, pack: &Pack) -> Results {
    let mut results = Results::default();
    let Some(file) = src.files.iter().find(|f| f.path.ends_with(EXAMPLES_FILE)) else {
        return results;
    };
    let parsed: File = match toml::from_str(&file.text) {
        Ok(f) => f,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            results.diagnostics.push(Diagnostic::at(
                Severity::Error,
                &file.path,
                &file.text,
                span.start,
                span.end,
                format!("examples: {}", e.message().trim_end()),
            ));
            return results;
        }
    };
    for case in parsed.case {
        let span = case.span();
        let case = case.into_inner();
        let problems = check(&case, pack);
        if problems.is_empty() {
            results.passed += 1;
        } else {
            let start = span.start;
            let line_end = file.text[start..]
                .find('\n')
                .map_or(file.text.len(), |i| start + i);
            results.diagnostics.push(Diagnostic::at(
                Severity::Error,
                &file.path,
                &file.text,
                start,
                line_end,
                format!(
                    "example '{}' failed:\n  - {}",
                    case.name,
                    problems.join("\n  - ")
                ),
            ));
        }
    }
    results
}

fn check(case: &Case, pack: &Pack) -> Vec<String> {
    let profile = match Profile::from_value(&case.profile) {
        Ok(p) => p,
        Err(e) => return vec![format!("the profile is invalid: {e}")],
    };
    if let Err(e) = engine::check_profile(pack, &profile) {
        return vec![format!("the profile does not fit the pack: {e}")];
    }
    let report = engine::assess(pack, &profile, Locale::Es);
    let e = &case.expect;
    let mut problems = Vec::new();
    let list = |items: &[&str]| format!("[{}]", items.join(", "));
    let options: Vec<&str> = report.options().map(|o| o.id).collect();
    let in_phase = |phase: Phase| -> Vec<&str> {
        report
            .steps
            .iter()
            .filter(|s| s.phase == phase)
            .flat_map(|s| s.options.iter().map(|o| o.id))
            .collect()
    };
    let first_options: Vec<&str> = report.steps.iter().map(|s| s.options[0].id).collect();

    if let Some(stage) = &e.stage {
        let got = report.stage.unwrap_or("none");
        if got != stage {
            problems.push(format!("stage is '{got}', expected '{stage}'"));
        }
    }
    for p in &e.reached {
        match report.pathway(p) {
            Some(x) if x.reached => {}
            Some(x) if x.missing.is_empty() => problems.push(format!(
                "pathway '{p}' is not reached: a rung below it is not (stage '{}')",
                report.stage.unwrap_or("none")
            )),
            Some(x) => problems.push(format!(
                "pathway '{p}' is not reached; it misses {}",
                list(&x.missing)
            )),
            None => problems.push(format!("no pathway '{p}'")),
        }
    }
    for p in &e.not_reached {
        if report.pathway(p).is_some_and(|x| x.reached) {
            problems.push(format!("pathway '{p}' is reached, expected not"));
        }
    }
    for p in &e.in_use {
        if !report.pathway(p).is_some_and(|x| x.in_use) {
            problems.push(format!("pathway '{p}' is not reported in use"));
        }
    }
    for b in &e.blockers {
        if !report.blockers.contains(&b.as_str()) {
            problems.push(format!(
                "'{b}' is not a blocker; blockers: {}",
                list(&report.blockers)
            ));
        }
    }
    for r in &e.recommends {
        if !options.contains(&r.as_str()) {
            problems.push(format!(
                "'{r}' is not recommended; roadmap: {}",
                list(&options)
            ));
        }
    }
    for r in &e.not_recommends {
        if options.contains(&r.as_str()) {
            problems.push(format!("'{r}' is recommended, expected not"));
        }
    }
    let expected_first: Vec<&str> = e.first.iter().map(String::as_str).collect();
    if !first_options.starts_with(&expected_first) {
        let got = &first_options[..first_options.len().min(expected_first.len())];
        problems.push(format!(
            "the roadmap starts {}, expected {}",
            list(got),
            list(&expected_first)
        ));
    }
    for (phase, expected) in [(Phase::Now, &e.now), (Phase::Parallel, &e.parallel)] {
        let got = in_phase(phase);
        for id in expected {
            if !got.contains(&id.as_str()) {
                problems.push(format!(
                    "'{id}' is not among the {} steps {}",
                    phase.code(),
                    list(&got)
                ));
            }
        }
    }
    if let Some(expected) = &e.first_steps {
        let got: Vec<&str> = report
            .first_steps
            .iter()
            .filter_map(|&n| report.step(n))
            .map(|s| s.options[0].id)
            .collect();
        if got != *expected {
            let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
            problems.push(format!(
                "first steps are {}, expected {}",
                list(&got),
                list(&expected)
            ));
        }
    }
    for id in &e.when_affordable {
        if !report.when_affordable.iter().any(|a| a.id == id) {
            let got: Vec<&str> = report.when_affordable.iter().map(|a| a.id).collect();
            problems.push(format!(
                "'{id}' is not kept for when the business can pay; it is {}",
                list(&got)
            ));
        }
    }
    for id in &e.conditional {
        match report.options().find(|o| o.id == id) {
            Some(o) if o.conditional => {}
            Some(_) => problems.push(format!("'{id}' is offered without its condition")),
            None => problems.push(format!("'{id}' is not recommended")),
        }
    }
    if let Some(max) = e.max_now {
        let now = report
            .steps
            .iter()
            .filter(|s| s.phase == Phase::Now)
            .count();
        if now > max {
            problems.push(format!("{now} steps to take now, expected at most {max}"));
        }
    }
    if let Some([lo, hi]) = e.readiness {
        if report.readiness < lo || report.readiness > hi {
            problems.push(format!(
                "readiness is {}, expected {lo} to {hi}",
                report.readiness
            ));
        }
    }
    if let Some(c) = &e.currency {
        let costs = report.options().map(|o| (o.id, o.cost.currency)).chain(
            report
                .when_affordable
                .iter()
                .map(|a| (a.id, a.cost.currency)),
        );
        for (id, currency) in costs {
            if currency != c {
                problems.push(format!("'{id}' costs in {currency}, expected {c}"));
            }
        }
    }
    if let Some(p) = &e.next_unlock {
        let got = report
            .next_unlock
            .as_ref()
            .map(|u| u.pathway)
            .unwrap_or("none");
        if got != p {
            problems.push(format!("next_unlock opens '{got}', expected '{p}'"));
        }
    }
    if !e.unlock_gets.is_empty() {
        let got = report
            .next_unlock
            .as_ref()
            .map(|u| u.gets.clone())
            .unwrap_or_default();
        if got != e.unlock_gets {
            let expected: Vec<&str> = e.unlock_gets.iter().map(String::as_str).collect();
            problems.push(format!(
                "next_unlock asks to get {}, expected {}",
                list(&got),
                list(&expected)
            ));
        }
    }
    if !e.says.is_empty() || !e.not_says.is_empty() {
        let text = report.to_json();
        for s in &e.says {
            if !text.contains(s.as_str()) {
                problems.push(format!("the report does not say \"{s}\""));
            }
        }
        for s in &e.not_says {
            if text.contains(s.as_str()) {
                problems.push(format!("the report says \"{s}\", expected not"));
            }
        }
    }
    problems
}
