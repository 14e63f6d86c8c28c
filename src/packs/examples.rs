//! Example profiles that packs carry with their expected outcomes (`examples.toml`), and the
//! check that runs them. `umbral validate` and the pack test both use it, so a pack's own
//! examples are part of validating it.

use serde::Deserialize;
use serde_json::Value as Json;
use toml::Spanned;

use super::{Diagnostic, PackSource, Severity, EXAMPLES_FILE};
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

/// What a case must produce. Every part is optional.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// A pathway id, or "none".
    stage: Option<String>,
    #[serde(default)]
    ready: Vec<String>,
    #[serde(default)]
    not_ready: Vec<String>,
    #[serde(default)]
    blockers: Vec<String>,
    #[serde(default)]
    recommends: Vec<String>,
    #[serde(default)]
    not_recommends: Vec<String>,
    #[serde(default)]
    first: Vec<String>,
    readiness: Option<[u32; 2]>,
    currency: Option<String>,
    next_unlock: Option<String>,
}

/// The outcome of running a pack's examples.
#[derive(Debug, Default)]
pub struct Results {
    pub passed: usize,
    /// One error per failed case, at the case in `examples.toml`.
    pub diagnostics: Vec<Diagnostic>,
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
    let ids: Vec<&str> = report.recommendations.iter().map(|r| r.id).collect();
    if let Some(stage) = &e.stage {
        let got = report.stage.unwrap_or("none");
        if got != stage {
            problems.push(format!("stage is '{got}', expected '{stage}'"));
        }
    }
    for p in &e.ready {
        match report.pathways.iter().find(|x| x.id == p) {
            Some(x) if x.ready => {}
            Some(x) => problems.push(format!(
                "pathway '{p}' is not ready; it misses: {}",
                x.missing
                    .iter()
                    .map(|m| m.requirement)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            None => problems.push(format!("no pathway '{p}'")),
        }
    }
    for p in &e.not_ready {
        if report.pathways.iter().any(|x| x.id == p && x.ready) {
            problems.push(format!("pathway '{p}' is ready, expected not"));
        }
    }
    for b in &e.blockers {
        if !report.blockers.iter().any(|x| x.requirement == b) {
            let got: Vec<&str> = report.blockers.iter().map(|x| x.requirement).collect();
            problems.push(format!(
                "'{b}' is not a blocker; blockers: [{}]",
                got.join(", ")
            ));
        }
    }
    for r in &e.recommends {
        if !ids.contains(&r.as_str()) {
            problems.push(format!(
                "'{r}' is not recommended; roadmap: [{}]",
                ids.join(", ")
            ));
        }
    }
    for r in &e.not_recommends {
        if ids.contains(&r.as_str()) {
            problems.push(format!("'{r}' is recommended, expected not"));
        }
    }
    if !e.first.is_empty()
        && !ids.starts_with(&e.first.iter().map(String::as_str).collect::<Vec<_>>())
    {
        problems.push(format!(
            "the roadmap starts [{}], expected [{}]",
            ids.iter()
                .take(e.first.len())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            e.first.join(", ")
        ));
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
        if let Some(r) = report.recommendations.iter().find(|r| r.cost.currency != c) {
            problems.push(format!(
                "'{}' costs in {}, expected {c}",
                r.id, r.cost.currency
            ));
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
    problems
}
