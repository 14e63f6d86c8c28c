//! Conditions: any string into `condition::parse` over the core fields. When it parses, it is
//! evaluated on fixed answer vectors, checked for monotonicity and put in disjunctive normal
//! form (64 alternatives at most, as `Pack::link` does). Nothing may panic, and where the
//! normal form exists it must agree with the condition on every fully answered vector.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use umbral::engine::condition::{self, Truth};
use umbral::engine::profile::{core_fields, FieldKind, Value};

type Vector = Vec<Option<Value>>;

/// One value per field: the lowest (`high == false`) or the highest of its kind.
fn extreme(kind: &FieldKind, high: bool) -> Value {
    match kind {
        FieldKind::Choice { values, .. } => {
            Value::Choice(if high { values.len() as u8 - 1 } else { 0 })
        }
        FieldKind::Set { items } => Value::Set(if high { (1u32 << items.len()) - 1 } else { 0 }),
        FieldKind::Integer { min, max, .. } => Value::Int(if high { *max } else { *min }),
        FieldKind::Number { min, .. } => Value::Num(if high { 1.0e9 } else { *min }),
        FieldKind::Bool { .. } => Value::Bool(high),
        FieldKind::Text { .. } => Value::Text(if high { "MX-OAX" } else { "" }.to_string()),
    }
}

/// Fully answered vectors (low, high, alternating) and partial ones (nothing, every other).
fn vectors() -> &'static (Vec<Vector>, Vec<Vector>) {
    static VECTORS: OnceLock<(Vec<Vector>, Vec<Vector>)> = OnceLock::new();
    VECTORS.get_or_init(|| {
        let fields = core_fields();
        let full = |pick: &dyn Fn(usize) -> bool| -> Vector {
            fields
                .iter()
                .enumerate()
                .map(|(i, f)| Some(extreme(&f.kind, pick(i))))
                .collect()
        };
        let complete = vec![
            full(&|_| false),
            full(&|_| true),
            full(&|i| i % 2 == 0),
            full(&|i| i % 3 == 1),
        ];
        let partial = vec![
            vec![None; fields.len()],
            fields
                .iter()
                .enumerate()
                .map(|(i, f)| (i % 2 == 0).then(|| extreme(&f.kind, i % 4 == 0)))
                .collect(),
        ];
        (complete, partial)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let fields = core_fields();
    let expr = match condition::parse(src, fields) {
        Ok(expr) => expr,
        Err(e) => {
            assert!(
                e.start <= e.end && e.end <= src.len(),
                "error range {}..{} outside the {}-byte condition",
                e.start,
                e.end,
                src.len()
            );
            return;
        }
    };
    let _ = expr.fields();
    let (complete, partial) = vectors();
    for answers in partial {
        let _ = expr.eval(answers);
        let mut unknown = Vec::new();
        expr.unknown_fields(answers, &mut unknown);
    }
    if let Err(e) = condition::check_monotone(&expr, fields) {
        assert!(e.start <= e.end && e.end <= src.len());
    }
    let alternatives = condition::alternatives(&expr, 64);
    for answers in complete {
        let truth = expr.eval(answers);
        assert_ne!(truth, Truth::Unknown, "unknown with every field answered");
        if let Some(alts) = &alternatives {
            let any = alts
                .iter()
                .any(|alt| alt.iter().all(|l| l.eval(answers) == Truth::True));
            assert_eq!(
                any,
                truth == Truth::True,
                "the normal form disagrees with the condition"
            );
        }
    }
});
