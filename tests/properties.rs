//! Properties of the engine over random valid profiles (proptest), on the Mexico pack: the
//! rules of the report spec hold for every profile, not just the examples.

#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use umbral::engine::profile::{core_fields, decode_value, FieldKind, Value};
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

fn pathway_ready(report: &Report, id: &str) -> bool {
    report.pathways.iter().any(|p| p.id == id && p.ready)
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

        // ready exactly when nothing is missing; stage is the furthest ready rung.
        for p in &report.pathways {
            prop_assert_eq!(p.ready, p.missing.is_empty());
        }
        let furthest = report.pathways.iter().rposition(|p| p.ready).map(|i| report.pathways[i].id);
        prop_assert_eq!(&report.stage, &furthest);
        prop_assert!(report.readiness <= 100);

        // Every missing requirement's actions are in the roadmap and address it.
        let ids: Vec<&str> = report.recommendations.iter().map(|r| r.id).collect();
        for p in &report.pathways {
            for m in &p.missing {
                for a in &m.actions {
                    let rec = report.recommendations.iter().find(|r| &r.id == a);
                    prop_assert!(rec.is_some(), "action {} of {} is not in the roadmap", a, m.requirement);
                    prop_assert!(rec.unwrap().addresses.contains(&m.requirement));
                }
            }
        }

        // Steps are numbered in order and nothing comes before what it depends on.
        let met = met_requirements(pack, &profile);
        for (k, rec) in report.recommendations.iter().enumerate() {
            prop_assert_eq!(rec.step as usize, k + 1);
            for after in &rec.after {
                let pos = ids.iter().position(|x| x == after);
                prop_assert!(pos.is_some_and(|p| p < k), "{} comes before {}", rec.id, after);
            }
            // Its needs are met now or addressed by an earlier step.
            let entry = pack.data.entries.iter().find(|e| e.id == rec.id).unwrap();
            for need in &entry.needs {
                let earlier = report.recommendations[..k].iter().any(|r| r.addresses.contains(&need.as_str()));
                prop_assert!(met.contains(need) || earlier, "{} needs {} and nothing gives it first", rec.id, need);
            }
        }

        // Free before paid for the same requirement, unless the free one depends on the paid.
        for (i, a) in report.recommendations.iter().enumerate() {
            for b in &report.recommendations[i + 1..] {
                let a_entry = pack.data.entries.iter().find(|e| e.id == a.id).unwrap();
                let b_entry = pack.data.entries.iter().find(|e| e.id == b.id).unwrap();
                let share = a.addresses.iter().any(|x| b.addresses.contains(x));
                if share && a_entry.is_paid() && !b_entry.is_paid() {
                    prop_assert!(b.after.contains(&a.id), "paid {} before free {}", a.id, b.id);
                }
            }
        }

        // Within the monthly budget, all steps together.
        let budget_ix = core_fields().iter().position(|f| f.path == "payments.monthly_budget").unwrap();
        if let Some(Value::Num(budget)) = profile.get(budget_ix) {
            let monthly: f64 = report.recommendations.iter().map(|r| r.cost.monthly.as_f64().unwrap()).sum();
            prop_assert!(monthly <= budget + 1e-9, "{} a month over a budget of {}", monthly, budget);
        }

        // next_unlock: applying it opens the pathway; dropping any one change does not.
        if let Some(unlock) = &report.next_unlock {
            let changes: Vec<(String, serde_json::Value)> =
                unlock.changes.iter().map(|c| (c.field.to_string(), c.to.clone())).collect();
            let opened = assess(pack, &apply_changes(&profile, &changes), Locale::Es);
            prop_assert!(pathway_ready(&opened, unlock.pathway), "{:?} does not open {}", changes, unlock.pathway);
            for skip in 0..changes.len() {
                let mut fewer = changes.clone();
                fewer.remove(skip);
                let report = assess(pack, &apply_changes(&profile, &fewer), Locale::Es);
                prop_assert!(!pathway_ready(&report, unlock.pathway), "{:?} is not minimal: {:?} is enough", changes, fewer);
            }
        } else {
            let start = report.stage.map_or(0, |s| report.pathways.iter().position(|p| p.id == s).unwrap() + 1);
            prop_assert!(report.pathways[start..].iter().all(|p| p.ready), "a pathway is not ready but nothing unlocks it");
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

    #[test]
    fn any_json_gets_a_report_or_precise_errors(text in "\\PC{0,200}") {
        if let Err(e) = Profile::from_json(&text) {
            prop_assert!(!e.0.is_empty());
            prop_assert!(e.0.iter().all(|e| e.path.starts_with('$')));
        }
    }
}
