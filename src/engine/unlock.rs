//! `next_unlock`: the fewest, cheapest changes to the answers that reach the next rung.
//!
//! Only inputs are changed ([`FieldClass::Input`]: what the business has or can get), never
//! what it is (its sector, its place), how the owner feels, or an answer such as "I don't need
//! permits": a requirement those alone could meet is met through another of its alternatives,
//! or the rung is not proposed.
//!
//! For each requirement the rung misses, in order, it takes the cheapest alternative of the
//! requirement's condition (fewest fields changed, then fewest steps along the orders, then the
//! pack's own order of alternatives) on top of the changes chosen so far. Then it drops every
//! change the rung can do without. Requirement conditions only become true as answers improve
//! (the pack linker checks that), so after that pass dropping any one remaining change makes
//! the rung not reached.

use std::collections::BTreeMap;

use super::condition::{Cmp, Literal, Test, Truth};
use super::pack::Pack;
use super::profile::{encode_value, Field, FieldClass, FieldIx, FieldKind, Value};
use super::report::Change;

/// The changes that reach rung `next` (whose rungs below are reached), or `None` when no
/// change to the inputs reaches it.
pub fn next_unlock<'p>(
    pack: &'p Pack,
    answers: &[Option<Value>],
    next: usize,
) -> Option<Vec<Change<'p>>> {
    let requires = &pack.pathway_requires[next];

    let mut working = answers.to_vec();
    let mut changed: BTreeMap<FieldIx, Value> = BTreeMap::new();
    for &r in requires {
        if !needs_work(pack, r, &working) {
            continue;
        }
        let best = pack.requirement_alternatives[r]
            .iter()
            .enumerate()
            .filter_map(|(k, alt)| {
                let changes = satisfy(pack, alt, &working)?;
                let fields = changes.len();
                let steps: u32 = changes
                    .iter()
                    .map(|(f, v)| distance(&pack.fields[*f].kind, working[*f].as_ref(), v))
                    .sum();
                Some(((fields, steps, k), changes))
            })
            .min_by(|a, b| a.0.cmp(&b.0))?;
        for (f, v) in best.1 {
            working[f] = Some(v.clone());
            changed.insert(f, v);
        }
    }
    if !ready(pack, requires, &working) {
        return None;
    }
    // Drop what is not needed, in field order so the result is deterministic: first whole
    // changes, then the parts of each change (an item added to a set, a step up an order).
    let fields: Vec<FieldIx> = changed.keys().copied().collect();
    for &f in &fields {
        let kept = working[f].take();
        working[f] = answers[f].clone();
        if ready(pack, requires, &working) {
            changed.remove(&f);
        } else {
            working[f] = kept;
        }
    }
    for (&f, value) in changed.iter_mut() {
        let kind = &pack.fields[f].kind;
        if let (FieldKind::Set { .. }, Value::Set(bits)) = (kind, &*value) {
            // Take back added items one at a time while the pathway stays ready.
            let base = match &answers[f] {
                Some(Value::Set(b)) => *b,
                _ => 0,
            };
            let mut current = *bits;
            for i in (0..32).filter(|i| (bits & !base) & (1 << i) != 0) {
                working[f] = Some(Value::Set(current & !(1 << i)));
                if ready(pack, requires, &working) {
                    current &= !(1 << i);
                }
            }
            working[f] = Some(Value::Set(current));
            *value = Value::Set(current);
            continue;
        }
        // Along an order, the lowest value that still works.
        for lower in lower_values(&pack.fields[f], answers[f].as_ref(), value) {
            let kept = working[f].replace(lower.clone());
            if ready(pack, requires, &working) {
                *value = lower;
                break;
            }
            working[f] = kept;
        }
    }
    Some(
        changed
            .into_iter()
            .map(|(f, v)| Change {
                field: &pack.fields[f].path,
                to: encode_value(&pack.fields[f].kind, &v),
            })
            .collect(),
    )
}

fn applies(pack: &Pack, r: usize, answers: &[Option<Value>]) -> bool {
    pack.requirement_applies[r]
        .as_ref()
        .is_none_or(|e| e.eval(answers) != Truth::False)
}

fn needs_work(pack: &Pack, r: usize, answers: &[Option<Value>]) -> bool {
    applies(pack, r, answers) && pack.requirement_met[r].eval(answers) != Truth::True
}

fn ready(pack: &Pack, requires: &[usize], answers: &[Option<Value>]) -> bool {
    requires.iter().all(|&r| !needs_work(pack, r, answers))
}

/// The changes that make every literal of one alternative true, or `None` when one of them
/// would take a change that is not an improvement of an input (a selector such as sector, an
/// attitude, a value never proposed, or moving down).
fn satisfy(
    pack: &Pack,
    alternative: &[Literal],
    answers: &[Option<Value>],
) -> Option<Vec<(FieldIx, Value)>> {
    let mut out: Vec<(FieldIx, Value)> = Vec::new();
    for lit in alternative {
        if lit.eval(answers) == Truth::True {
            continue;
        }
        let field = &pack.fields[lit.field];
        if !field.kind.is_ordered() || field.class != FieldClass::Input {
            return None;
        }
        let current = out
            .iter()
            .find(|(f, _)| *f == lit.field)
            .map(|(_, v)| v.clone())
            .or_else(|| answers[lit.field].clone());
        let target = lowest_passing(field, lit, current.as_ref())?;
        match out.iter_mut().find(|(f, _)| *f == lit.field) {
            Some(slot) => slot.1 = target,
            None => out.push((lit.field, target)),
        }
    }
    Some(out)
}

/// The lowest value at or above `current` that passes the literal and may be proposed.
fn lowest_passing(field: &Field, lit: &Literal, current: Option<&Value>) -> Option<Value> {
    let kind = &field.kind;
    let test = normalise(&lit.test, lit.negated, kind)?;
    match (kind, &test) {
        (FieldKind::Choice { values, .. }, Test::ChoiceIn(mask)) => {
            let floor = match current {
                Some(Value::Choice(i)) => Some(kind.rank(*i)),
                _ => None,
            };
            (0..values.len())
                .filter(|&i| mask & (1 << i) != 0 && field.proposable(i as u8))
                .filter(|&i| floor.is_none_or(|f| kind.rank(i as u8) >= f))
                .min_by_key(|&i| (kind.rank(i as u8), i))
                .map(|i| Value::Choice(i as u8))
        }
        (FieldKind::Set { .. }, Test::SetAny(mask)) => {
            let bits = match current {
                Some(Value::Set(b)) => *b,
                _ => 0,
            };
            let first = mask.trailing_zeros();
            Some(Value::Set(bits | (1 << first)))
        }
        (FieldKind::Set { .. }, Test::SetAll(mask)) => {
            let bits = match current {
                Some(Value::Set(b)) => *b,
                _ => 0,
            };
            Some(Value::Set(bits | mask))
        }
        (FieldKind::Integer { max, .. }, Test::Number(cmp, x)) => {
            let target = match cmp {
                Cmp::Ge => x.ceil() as i64,
                Cmp::Gt => x.floor() as i64 + 1,
                _ => return None,
            };
            let target = match current {
                Some(Value::Int(n)) => target.max(*n),
                _ => target,
            };
            (target <= *max).then_some(Value::Int(target))
        }
        (FieldKind::Number { .. }, Test::Number(cmp, x)) => {
            let target = match cmp {
                Cmp::Ge => *x,
                Cmp::Gt => x.floor() + 1.0,
                _ => return None,
            };
            Some(Value::Num(match current {
                Some(Value::Num(n)) => target.max(*n),
                _ => target,
            }))
        }
        (FieldKind::Bool { .. }, Test::Is(true)) => Some(Value::Bool(true)),
        _ => None,
    }
}

/// Rewrites a negated test as a plain one, when that is an upward test.
fn normalise(test: &Test, negated: bool, kind: &FieldKind) -> Option<Test> {
    if !negated {
        return Some(test.clone());
    }
    match test {
        Test::ChoiceIn(mask) => {
            let n = match kind {
                FieldKind::Choice { values, .. } => values.len(),
                _ => return None,
            };
            Some(Test::ChoiceIn(!mask & ((1u64 << n) - 1)))
        }
        Test::Number(cmp, x) => {
            let flipped = match cmp {
                Cmp::Lt => Cmp::Ge,
                Cmp::Le => Cmp::Gt,
                _ => return None,
            };
            Some(Test::Number(flipped, *x))
        }
        Test::Is(b) => Some(Test::Is(!b)),
        _ => None,
    }
}

/// Smaller changes to try instead of moving `from` to `to`: for an ordered choice or a whole
/// number, the values in between that may be proposed, lowest first.
fn lower_values(field: &Field, from: Option<&Value>, to: &Value) -> Vec<Value> {
    let kind = &field.kind;
    match (kind, to) {
        (FieldKind::Choice { values, .. }, Value::Choice(t)) => {
            let floor = match from {
                Some(Value::Choice(i)) => kind.rank(*i) as i32,
                _ => -1,
            };
            let mut lower: Vec<u8> = (0..values.len() as u8)
                .filter(|&i| (kind.rank(i) as i32) > floor && kind.rank(i) < kind.rank(*t))
                .filter(|&i| field.proposable(i))
                .collect();
            super::sort_small(&mut lower, |&i| (kind.rank(i), i));
            lower.into_iter().map(Value::Choice).collect()
        }
        (FieldKind::Integer { min, .. }, Value::Int(t)) => {
            let start = match from {
                Some(Value::Int(n)) => n + 1,
                _ => *min,
            };
            (start..*t).take(16).map(Value::Int).collect()
        }
        _ => Vec::new(),
    }
}

/// How far a change moves along the field's order: the "easier" measure.
fn distance(kind: &FieldKind, from: Option<&Value>, to: &Value) -> u32 {
    match (kind, from, to) {
        (FieldKind::Choice { .. }, Some(Value::Choice(a)), Value::Choice(b)) => {
            (kind.rank(*b) as u32).saturating_sub(kind.rank(*a) as u32)
        }
        (FieldKind::Choice { .. }, None, Value::Choice(b)) => kind.rank(*b) as u32 + 1,
        (FieldKind::Set { .. }, from, Value::Set(b)) => {
            let a = match from {
                Some(Value::Set(a)) => *a,
                _ => 0,
            };
            (b & !a).count_ones()
        }
        _ => 1,
    }
}
