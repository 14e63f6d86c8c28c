//! Properties of the engine over random valid profiles (proptest), on the Mexico pack: the
//! rules of the report spec hold for every profile, not just the examples.

#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use umbral::engine::condition::{self, Truth};
use umbral::engine::pack::CostClass;
use umbral::engine::profile::{core_fields, decode_value, FieldClass, FieldKind, Value};
use umbral::engine::report::Phase;
use umbral::engine::{assess, met_requirements, Locale, Pack, Profile, Report};
use umbral::packs;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| packs::compile("mx", &packs::builtin(), None).pack.unwrap())
}

fn value(kind: &FieldKind) -> BoxedStrategy<Value> {
    match kind.clone() {
        FieldKind::Choice { values, .. } => (0..values.len() as u8).prop_map(Value::Choice).boxed(),
        FieldKind::Set { items } => (0..(1u32 << items.len())).prop_map(Value::Set).boxed(),
        FieldKind::Integer { min, max, .. } => (min..=max).prop_map(Value::Int).boxed(),
        FieldKind::Number { .. } => prop_oneof![
            Just(0.0),
            Just(50.0),
            Just(300.0),
            (0u32..5000).prop_map(f64::from)
        ]
        .prop_map(Value::Num)
        .boxed(),
        FieldKind::Bool { .. } => any::<bool>().prop_map(Value::Bool).boxed(),
        FieldKind::Text { .. } => prop_oneof![
            Just("MX-GUA"),
            Just("MX-PUE"),
            Just("MX-QUE"),
            Just("MX-SON"),
            Just("MX-CMX")
        ]
        .prop_map(|s| Value::Text(s.to_string()))
        .boxed(),
    }
}

/// A random valid Mexican profile; each field answered about four times in five.
fn profile() -> impl Strategy<Value = Profile> {
    let fields: Vec<BoxedStrategy<Option<Value>>> = core_fields()
        .iter()
        .map(|f| proptest::option::weighted(0.8, value(&f.kind)).boxed())
        .collect();
    fields.prop_map(|answers| {
        let mut p = Profile::new("MX");
        for (i, a) in answers.into_iter().enumerate() {
            p.set(i, a);
        }
        p
    })
}

/// The next value up the field's order, if there is one.
fn improve(kind: &FieldKind, v: &Value, pick: usize) -> Option<Value> {
    match (kind, v) {
        (
            FieldKind::Choice {
                values,
                ranks: Some(_),
            },
            Value::Choice(i),
        ) => {
            let r = kind.rank(*i);
            let above: Vec<u8> = (0..values.len() as u8)
                .filter(|&j| kind.rank(j) == r + 1)
                .collect();
            (!above.is_empty()).then(|| Value::Choice(above[pick % above.len()]))
        }
        (FieldKind::Set { items }, Value::Set(bits)) => {
            let missing: Vec<usize> = (0..items.len()).filter(|i| bits & (1 << i) == 0).collect();
            (!missing.is_empty()).then(|| Value::Set(bits | 1 << missing[pick % missing.len()]))
        }
        (
            FieldKind::Integer {
                max, ordered: true, ..
            },
            Value::Int(n),
        ) => (n < max).then_some(Value::Int(n + 1)),
        (FieldKind::Number { ordered: true, .. }, Value::Num(n)) => {
            Some(Value::Num(n + 1.0 + (pick % 500) as f64))
        }
        (FieldKind::Bool { ordered: true }, Value::Bool(false)) => Some(Value::Bool(true)),
        _ => None,
    }
}

fn apply_changes(profile: &Profile, changes: &[(String, serde_json::Value)]) -> Profile {
    let mut p = profile.clone();
    for (field, to) in changes {
        let ix = core_fields().iter().position(|f| &f.path == field).unwrap();
        p.set(ix, Some(decode_value(&core_fields()[ix].kind, to).unwrap()));
    }
    p
}

fn pathway_reached(report: &Report, id: &str) -> bool {
    report.pathways.iter().any(|p| p.id == id && p.reached)
}

/// Whether the answers allow catalog entry `id`: where it reaches, its own condition, and
/// whom it is for, read from the pack's source texts, apart from the planner's code.
fn allowed(pack: &Pack, profile: &Profile, id: &str) -> Result<(), String> {
    let entry = pack.data.entries.iter().find(|e| e.id == id).unwrap();
    let answers = profile.answers();
    let holds = |src: &str| condition::parse(src, pack.fields()).unwrap().eval(answers);
    let field = |path: &str| core_fields().iter().position(|f| f.path == path).unwrap();
    if let Some(localities) = &entry.localities {
        let Some(Value::Choice(i)) = profile.get(field("locality")) else {
            return Err(format!(
                "{id} is for some localities and the locality is unknown"
            ));
        };
        let FieldKind::Choice { values, .. } = &core_fields()[field("locality")].kind else {
            unreachable!()
        };
        if !localities.contains(&values[*i as usize]) {
            return Err(format!(
                "{id} does not reach a {} business",
                values[*i as usize]
            ));
        }
    }
    if let Some(regions) = &entry.regions {
        match profile.get(field("region")) {
            Some(Value::Text(r)) if regions.contains(r) => {}
            other => return Err(format!("{id} is for {regions:?}, not {other:?}")),
        }
    }
    if let Some(when) = &entry.when {
        if holds(when) != Truth::True {
            return Err(format!("{id} needs '{when}'"));
        }
    }
    if let Some(eligible) = &entry.eligible_when {
        if holds(eligible) == Truth::False {
            return Err(format!("{id} is only for '{eligible}'"));
        }
    }
    Ok(())
}

fn class_known(pack: &Pack, id: &str) -> bool {
    let entry = pack.data.entries.iter().find(|e| e.id == id).unwrap();
    entry.cost_class() != CostClass::Unknown
}

fn amount(profile: &Profile, path: &str) -> Option<f64> {
    let ix = core_fields().iter().position(|f| f.path == path).unwrap();
    match profile.get(ix) {
        Some(Value::Num(n)) => Some(*n),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_report_rules_hold(profile in profile()) {
        let pack = pack();
        let report = assess(pack, &profile, Locale::Es);

        // Deterministic, byte for byte; the fast writer writes what serde would.
        prop_assert_eq!(report.to_json(), assess(pack, &profile, Locale::Es).to_json());
        prop_assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
        prop_assert!(report.readiness <= 100);

        // Rungs are reached in order: a rung is reached exactly when its own requirements are
        // met and the rung below is reached; the stage is the highest rung reached.
        let mut below = true;
        let mut stage = None;
        for p in report.pathways.iter().filter(|p| p.ladder) {
            below &= p.missing.is_empty();
            prop_assert_eq!(p.reached, below, "rung {} out of order", p.id);
            if p.reached {
                stage = Some(p.id);
            }
        }
        prop_assert_eq!(&report.stage, &stage);
        for p in report.pathways.iter().filter(|p| !p.ladder) {
            prop_assert_eq!(p.reached, p.missing.is_empty());
        }

        // Each requirement is stated once, and everything that names one names a stated one.
        let stated: Vec<&str> = report.requirements.iter().map(|r| r.id).collect();
        for (i, id) in stated.iter().enumerate() {
            prop_assert!(!stated[..i].contains(id), "{} stated twice", id);
        }
        let named = report.pathways.iter().flat_map(|p| p.met.iter().chain(&p.missing))
            .chain(&report.blockers)
            .chain(report.steps.iter().flat_map(|s| &s.addresses));
        for id in named {
            prop_assert!(stated.contains(id), "{} is named but not stated", id);
        }

        // Steps are numbered in order, every step after the steps it names, and every option's
        // needs are met now or by an earlier step.
        let met = met_requirements(pack, &profile);
        for (k, step) in report.steps.iter().enumerate() {
            prop_assert_eq!(step.step as usize, k + 1);
            prop_assert!(!step.options.is_empty());
            prop_assert!(step.after.iter().all(|&a| (a as usize) <= k), "step {} comes before its prerequisites", k + 1);
            for o in &step.options {
                let entry = pack.data.entries.iter().find(|e| e.id == o.id).unwrap();
                for need in &entry.needs {
                    let earlier = report.steps[..k].iter().any(|s| s.addresses.contains(&need.as_str()));
                    prop_assert!(met.contains(need) || earlier, "{} needs {} and nothing gives it first", o.id, need);
                }
                // Nothing the answers ruled out.
                if let Err(why) = allowed(pack, &profile, o.id) {
                    prop_assert!(false, "recommended against the answers: {}", why);
                }
            }
            // The first option is the one to try first: nothing cheaper among the others, and
            // nothing it may not qualify for before what it surely does.
            let class = |o: &umbral::engine::report::StepOption| {
                pack.data.entries.iter().find(|e| e.id == o.id).unwrap().cost_class()
            };
            for o in &step.options[1..] {
                let first = &step.options[0];
                prop_assert!(
                    first.conditional && !o.conditional || o.conditional && !first.conditional || class(first) <= class(o),
                    "step {}: {} comes before the cheaper {}", k + 1, first.id, o.id
                );
                prop_assert!(!first.conditional || o.conditional, "step {}: conditional {} before {}", k + 1, first.id, o.id);
            }
            for id in &step.addresses {
                prop_assert!(!met.contains(&id.to_string()), "step {} addresses {}, already met", k + 1, id);
            }
        }

        // Nothing over either budget: the first options together, and each other option in
        // place of its step's first.
        fn monthly(c: &umbral::engine::report::Cost) -> f64 {
            c.monthly.as_f64().unwrap()
        }
        fn setup(c: &umbral::engine::report::Cost) -> f64 {
            c.setup.as_f64().unwrap()
        }
        type Part = fn(&umbral::engine::report::Cost) -> f64;
        for (path, cost) in [("payments.monthly_budget", monthly as Part), ("payments.one_off_budget", setup as Part)] {
            let Some(budget) = amount(&profile, path) else { continue };
            let total: f64 = report.steps.iter().map(|s| cost(&s.options[0].cost)).sum();
            prop_assert!(total <= budget + 1e-9, "{} over a budget of {} ({})", total, budget, path);
            for s in &report.steps {
                for o in &s.options[1..] {
                    let swapped = total - cost(&s.options[0].cost) + cost(&o.cost);
                    prop_assert!(swapped <= budget + 1e-9, "{} would go over {} ({})", o.id, budget, path);
                }
            }
        }

        // The first steps: at most three, each takeable now at a known cost, and the cheapest.
        prop_assert!(report.first_steps.len() <= 3);
        let takeable = |s: &umbral::engine::report::Step| {
            let o = &s.options[0];
            s.phase != Phase::Later && s.after.is_empty() && !o.conditional
                && class_known(pack, o.id)
        };
        let yearly = |s: &umbral::engine::report::Step| setup(&s.options[0].cost) + 12.0 * monthly(&s.options[0].cost);
        for &n in &report.first_steps {
            let s = report.step(n).unwrap();
            prop_assert!(takeable(s), "first step {} cannot be taken now at a known cost", n);
        }
        if report.first_steps.len() < 3 {
            let now_or_parallel = report.steps.iter().filter(|s| takeable(s)).count();
            prop_assert_eq!(report.first_steps.len(), now_or_parallel.min(3));
        }
        let dearest_chosen = report.first_steps.iter().map(|&n| yearly(report.step(n).unwrap())).fold(0.0, f64::max);
        let chosen_all_now = report.first_steps.iter().all(|&n| report.step(n).unwrap().phase == Phase::Now);
        for s in report.steps.iter().filter(|s| takeable(s) && s.phase == Phase::Now && !report.first_steps.contains(&s.step)) {
            prop_assert!(!chosen_all_now || yearly(s) >= dearest_chosen, "step {} is cheaper than a first step", s.step);
        }

        // next_unlock: only inputs, never an answer that is not something to get; applying it
        // reaches the rung; dropping any one change does not.
        if let Some(unlock) = &report.next_unlock {
            for c in &unlock.changes {
                let field = core_fields().iter().find(|f| f.path == c.field).unwrap();
                prop_assert_eq!(field.class, FieldClass::Input, "{} is not an input", c.field);
                if let Ok(Value::Choice(i)) = decode_value(&field.kind, &c.to) {
                    prop_assert!(field.proposable(i), "{} -> {} is never proposed", c.field, c.to);
                }
            }
            let changes: Vec<(String, serde_json::Value)> =
                unlock.changes.iter().map(|c| (c.field.to_string(), c.to.clone())).collect();
            let opened = assess(pack, &apply_changes(&profile, &changes), Locale::Es);
            prop_assert!(pathway_reached(&opened, unlock.pathway), "{:?} does not reach {}", changes, unlock.pathway);
            for skip in 0..changes.len() {
                let mut fewer = changes.clone();
                fewer.remove(skip);
                let report = assess(pack, &apply_changes(&profile, &fewer), Locale::Es);
                prop_assert!(!pathway_reached(&report, unlock.pathway), "{:?} is not minimal: {:?} is enough", changes, fewer);
            }
            let next = report.pathways.iter().find(|p| p.ladder && !p.reached).unwrap();
            prop_assert_eq!(unlock.pathway, next.id);
        }
    }

    #[test]
    fn improving_one_answer_never_lowers_a_score(profile in profile(), field in 0..core_fields().len(), pick in 0usize..8) {
        let kind = &core_fields()[field].kind;
        let Some(current) = profile.get(field) else { return Ok(()) };
        let Some(better) = improve(kind, current, pick) else { return Ok(()) };
        let mut improved = profile.clone();
        improved.set(field, Some(better));
        let before = assess(pack(), &profile, Locale::Es);
        let after = assess(pack(), &improved, Locale::Es);
        prop_assert!(after.readiness >= before.readiness, "readiness fell when {} improved", core_fields()[field].path);
        for (b, a) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert!(a.score >= b.score, "{} fell when {} improved", a.id, core_fields()[field].path);
        }
    }

    /// Supplying catalogue entries never lowers a stage, only what the enterprise needs is
    /// counted as needed, and its stage today is the report's.
    #[test]
    fn supplying_never_lowers_the_stage(profile in profile(), picks in proptest::collection::vec(0usize..64, 0..4)) {
        let pack = pack();
        let entries: Vec<usize> = picks.iter().map(|&i| i % pack.data.entries.len()).collect();
        let s = umbral::engine::supply::supplied(pack, &profile, &entries);
        let report = assess(pack, &profile, Locale::Es);
        let stage = |p: Option<usize>| p.map(|p| pack.data.pathways[p].id.as_str());
        prop_assert_eq!(stage(s.stage_before), report.stage);
        // The report lists the ladder's rungs bottom up.
        let rung = |p: Option<usize>| {
            let id = stage(p)?;
            report.pathways.iter().filter(|x| x.ladder).position(|x| x.id == id)
        };
        prop_assert!(rung(s.stage_after) >= rung(s.stage_before));
        prop_assert!(s.needs.iter().all(|e| entries.contains(e)));
        if s.needs.is_empty() {
            prop_assert_eq!(s.stage_after, s.stage_before);
        }
    }

    #[test]
    fn any_json_gets_a_report_or_precise_errors(text in "\\PC{0,200}") {
        if let Err(e) = Profile::from_json(&text) {
            prop_assert!(!e.0.is_empty());
            prop_assert!(e.0.iter().all(|e| e.path.starts_with('$')));
        }
    }
}

proptest! {
    /// `position`, which the planner uses to count first visits without planning, gives the
    /// readiness, stage and dimension scores `assess` reports, for any profile.
    #[test]
    fn a_position_is_what_assess_reports(profile in profile()) {
        let pack = pack();
        let report = assess(pack, &profile, Locale::Es);
        let p = umbral::engine::position(pack, &profile);
        prop_assert_eq!(p.readiness, report.readiness);
        prop_assert_eq!(p.stage.map(|i| pack.data.pathways[i].id.as_str()), report.stage);
        let scores: Vec<u32> = pack
            .data
            .dimensions
            .iter()
            .map(|d| report.dimensions.iter().find(|x| x.id == d.id).map_or(0, |x| x.score))
            .collect();
        prop_assert_eq!(p.scores, scores);
    }
}
