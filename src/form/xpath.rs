//! A pack condition as an XLSForm `relevant`: an XPath expression over `${name}` references
//! that is true exactly when the engine's three-valued evaluation gives *true*.
//!
//! The engine's logic is Kleene's: a test on an unanswered field is unknown, `not` of unknown
//! is unknown, and a question is shown only when its condition is *true*. XPath is two-valued
//! and reads an unanswered field as `''`, so each sub-expression is translated twice: when it
//! is true (`when(e, true)`) and when it is false (`when(e, false)`). `not e` is true exactly
//! when `e` is false; `a and b` is false when either is false; a test is false only on an
//! answered field. So `not logistics.perishable` becomes `${perishable} = 'false'`, never
//! `not(${perishable} = 'true')`, which would show the question before anyone answered.
//!
//! What "answered" means follows the form: blank, or the reserved [`DONT_KNOW`](super::DONT_KNOW) /
//! [`PREFER_NOT`](super::PREFER_NOT) choice, is unanswered; a multiple choice left blank while it is asked is the
//! answer "none of these" (as in the app); a field the form does not ask is never answered.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{Control, Question};
use crate::engine::condition::{Cmp, Expr, Test};
use crate::engine::profile::{FieldIx, FieldKind};
use crate::engine::words::decimal;
use crate::engine::Pack;

/// An XPath expression, with constants kept apart so they fold away.
#[derive(Debug, Clone, PartialEq)]
enum X {
    Const(bool),
    /// An expression that can stand as an operand of `and` (an `or` is parenthesised).
    Text(String),
}

fn and(parts: Vec<X>) -> X {
    let mut texts = Vec::new();
    for p in parts {
        match p {
            X::Const(false) => return X::Const(false),
            X::Const(true) => {}
            X::Text(t) => texts.push(t),
        }
    }
    match texts.len() {
        0 => X::Const(true),
        _ => X::Text(texts.join(" and ")),
    }
}

fn or(parts: Vec<X>) -> X {
    let mut texts = Vec::new();
    for p in parts {
        match p {
            X::Const(true) => return X::Const(true),
            X::Const(false) => {}
            X::Text(t) => texts.push(t),
        }
    }
    match texts.len() {
        0 => X::Const(false),
        1 => X::Text(texts.remove(0)),
        _ => X::Text(format!("({})", texts.join(" or "))),
    }
}

fn not(x: X) -> X {
    match x {
        X::Const(b) => X::Const(!b),
        X::Text(t) => X::Text(format!("not({t})")),
    }
}

/// An XPath string literal; `None` when the text holds both quote marks.
fn literal(s: &str) -> Option<String> {
    if !s.contains('\'') {
        Some(format!("'{s}'"))
    } else if !s.contains('"') {
        Some(format!("\"{s}\""))
    } else {
        None
    }
}

/// Translates conditions for one form.
pub(super) struct Translator<'a> {
    pack: &'a Pack,
    /// The form's question for each field it asks.
    by_field: BTreeMap<FieldIx, &'a Question>,
    /// How many of the form's questions carry each name.
    names: BTreeMap<&'a str, usize>,
    /// The questions whose relevance is being translated (a guard against a circle).
    visiting: RefCell<Vec<usize>>,
}

impl<'a> Translator<'a> {
    pub(super) fn new(pack: &'a Pack, questions: &'a [Question]) -> Translator<'a> {
        let mut names = BTreeMap::new();
        for q in questions {
            *names.entry(q.name.as_str()).or_insert(0) += 1;
        }
        Translator {
            pack,
            by_field: questions.iter().map(|q| (q.field, q)).collect(),
            names,
            visiting: RefCell::new(Vec::new()),
        }
    }

    /// The `relevant` of a question shown when `expr` is true.
    pub(super) fn relevant(&self, expr: &Expr) -> Result<String, String> {
        Ok(match self.when(expr, true)? {
            X::Const(true) => "true()".into(),
            X::Const(false) => "false()".into(),
            X::Text(t) => t,
        })
    }

    /// An expression true exactly when `expr` evaluates to `want`.
    fn when(&self, expr: &Expr, want: bool) -> Result<X, String> {
        Ok(match expr {
            Expr::Const(b) => X::Const(*b == want),
            Expr::Not(e) => self.when(e, !want)?,
            Expr::And(list) | Expr::Or(list) => {
                let parts = list
                    .iter()
                    .map(|e| self.when(e, want))
                    .collect::<Result<Vec<_>, _>>()?;
                // `and` is true when all are true, false when any is false; `or` the reverse.
                if matches!(expr, Expr::And(_)) == want {
                    and(parts)
                } else {
                    or(parts)
                }
            }
            Expr::Test { field, test, .. } => self.test(*field, test, want)?,
        })
    }

    fn test(&self, field: FieldIx, test: &Test, want: bool) -> Result<X, String> {
        let Some(q) = self.by_field.get(&field) else {
            // The form does not ask it: never answered, so every test on it is unknown, and
            // `is answered` is false.
            return Ok(X::Const(*test == Test::Answered && !want));
        };
        let answered = self.answered(q)?;
        if *test == Test::Answered {
            return Ok(if want { answered } else { not(answered) });
        }
        let name = self.reference(q)?;
        let kind = &self.pack.fields()[field].kind;
        let equals = |value: &str| -> Result<X, String> {
            let lit = literal(value)
                .ok_or_else(|| format!("the value {value} holds both quote marks"))?;
            Ok(X::Text(format!("{name} = {lit}")))
        };
        // What the test says of an answered field.
        let holds = match (test, kind) {
            (Test::ChoiceIn(mask), FieldKind::Choice { values, .. }) => or(values
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, v)| equals(v))
                .collect::<Result<_, _>>()?),
            (Test::SetAny(mask) | Test::SetAll(mask), FieldKind::Set { items }) => {
                let parts: Vec<X> = items
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, item)| {
                        literal(item)
                            .map(|lit| X::Text(format!("selected({name}, {lit})")))
                            .ok_or_else(|| format!("the item {item} holds both quote marks"))
                    })
                    .collect::<Result<_, _>>()?;
                if matches!(test, Test::SetAny(_)) {
                    or(parts)
                } else {
                    and(parts)
                }
            }
            (Test::Number(cmp, x), _) => {
                let op = match cmp {
                    Cmp::Eq => "=",
                    Cmp::Ne => "!=",
                    Cmp::Lt => "<",
                    Cmp::Le => "<=",
                    Cmp::Gt => ">",
                    Cmp::Ge => ">=",
                };
                X::Text(format!("{name} {op} {}", decimal(*x)))
            }
            (Test::Is(b), _) => equals(if *b { "true" } else { "false" })?,
            (Test::TextIn(list), _) => {
                or(list.iter().map(|v| equals(v)).collect::<Result<_, _>>()?)
            }
            _ => {
                return Err(format!(
                    "a test the form cannot express on '{}'",
                    self.pack.fields()[field].path
                ))
            }
        };
        // A choice among named values is true only on an answer; numbers and "has all" need
        // the answer said aloud (`'' != 3` and `has all []` hold on a blank).
        let plain = matches!(
            test,
            Test::ChoiceIn(_) | Test::SetAny(_) | Test::Is(_) | Test::TextIn(_)
        );
        Ok(if want && plain {
            holds
        } else if want {
            and(vec![answered, holds])
        } else {
            and(vec![answered, not(holds)])
        })
    }

    /// `${name}`, when the name is the form's only one by that name.
    fn reference(&self, q: &Question) -> Result<String, String> {
        if self.names.get(q.name.as_str()).copied().unwrap_or(0) > 1 {
            return Err(format!(
                "it reads '{}', whose name '{}' another question of the form also has, so ${{{}}} would not say which",
                q.path, q.name, q.name
            ));
        }
        Ok(format!("${{{}}}", q.name))
    }

    /// An expression true when question `q`'s field is answered in a finished form.
    fn answered(&self, q: &Question) -> Result<X, String> {
        let name = self.reference(q)?;
        let skip_chosen = q
            .skip
            .filter(|_| !q.choices.is_empty())
            .map(|skip| match q.control {
                Control::SelectMultiple => X::Text(format!("selected({name}, '{skip}')")),
                _ => X::Text(format!("{name} = '{skip}'")),
            });
        let said = X::Text(format!("{name} != ''"));
        if q.control != Control::SelectMultiple {
            return Ok(match skip_chosen {
                Some(skip) => and(vec![said, not(skip)]),
                None => said,
            });
        }
        // A multiple choice left blank while it is asked says "none of these".
        let asked = match self.pack.question_condition(q.index) {
            None => X::Const(true),
            Some(show) => {
                if self.visiting.borrow().contains(&q.index) {
                    return Err(format!(
                        "the question on '{}' is shown on a condition that comes back to itself",
                        q.path
                    ));
                }
                self.visiting.borrow_mut().push(q.index);
                let asked = self.when(show, true);
                self.visiting.borrow_mut().pop();
                asked?
            }
        };
        let chosen_or_asked = or(vec![said, asked]);
        Ok(match skip_chosen {
            Some(skip) => and(vec![not(skip), chosen_or_asked]),
            None => chosen_or_asked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::condition::parse;
    use crate::engine::Locale;
    use crate::packs;

    /// The `relevant` for `condition` in the Mexican pack's form.
    fn relevant(condition: &str) -> Result<String, String> {
        let pack = packs::compile("mx", &packs::builtin(), None).pack.unwrap();
        let form = super::super::build(&pack, &[Locale::Es]).unwrap();
        let expr = parse(condition, pack.fields()).unwrap();
        Translator::new(&pack, &form.questions).relevant(&expr)
    }

    #[test]
    fn tests_translate_by_kind() {
        for (condition, expect) in [
            ("goal == export", "${goal} = 'export'"),
            (
                "sector in [food, crafts]",
                "(${sector} = 'food' or ${sector} = 'crafts')",
            ),
            (
                "connectivity.devices has any [smartphone, computer]",
                "(selected(${devices}, 'smartphone') or selected(${devices}, 'computer'))",
            ),
            (
                "connectivity.devices has all [smartphone, computer]",
                "not(selected(${devices}, 'dont_know')) and selected(${devices}, 'smartphone') and selected(${devices}, 'computer')",
            ),
            (
                "skills.hours_per_week >= 5",
                "${hours_per_week} != '' and not(${hours_per_week} = 'dont_know') and ${hours_per_week} >= 5",
            ),
            (
                "payments.monthly_budget > 99.5",
                "${monthly_budget} != '' and ${monthly_budget} > 99.5",
            ),
            ("logistics.perishable", "${perishable} = 'true'"),
            ("region == MX-GUA", "${region} = 'MX-GUA'"),
            ("true", "true()"),
            ("export.ships_abroad or true", "true()"),
        ] {
            assert_eq!(relevant(condition).as_deref(), Ok(expect), "{condition}");
        }
    }

    #[test]
    fn not_means_answered_and_false() {
        assert_eq!(
            relevant("not logistics.perishable").as_deref(),
            Ok("${perishable} != '' and not(${perishable} = 'dont_know') and not(${perishable} = 'true')")
        );
        assert_eq!(
            relevant("not (goal == export or sector == crafts)").as_deref(),
            Ok("${goal} != '' and not(${goal} = 'export') and ${sector} != '' and not(${sector} = 'crafts')")
        );
        assert_eq!(
            relevant("not (goal == export and skills.reads_english)").as_deref(),
            Ok("(${goal} != '' and not(${goal} = 'export') or ${reads_english} != '' and not(${reads_english} = 'dont_know') and not(${reads_english} = 'true'))")
        );
        assert_eq!(
            relevant("formalisation.tax_id is not answered").as_deref(),
            Ok("not(${tax_id} != '' and not(${tax_id} = 'dont_know'))")
        );
    }

    #[test]
    fn a_blank_multiple_choice_that_was_asked_is_none_of_these() {
        // No "has any" on a set the form asks without a condition can be false but on an
        // answer other than "No sé".
        assert_eq!(
            relevant("not (presence.channels has any [facebook])").as_deref(),
            Ok("not(selected(${channels}, 'dont_know')) and not(selected(${channels}, 'facebook'))")
        );
    }

    #[test]
    fn fields_the_form_does_not_ask_are_never_answered() {
        // The Mexican form asks no extra field; core's extra fields do not exist here, but
        // Chile's form asks no owner questions.
        let pack = packs::compile("cl", &packs::builtin(), None).pack.unwrap();
        let form = super::super::build(&pack, &[Locale::Es]).unwrap();
        let t = Translator::new(&pack, &form.questions);
        let relevant = |c: &str| t.relevant(&parse(c, pack.fields()).unwrap()).unwrap();
        assert_eq!(relevant("owner.gender == woman"), "false()");
        assert_eq!(relevant("not (owner.gender == woman)"), "false()");
        assert_eq!(relevant("owner.age is not answered"), "true()");
        assert_eq!(
            relevant("owner.age is answered or goal == export"),
            "${goal} = 'export'"
        );
    }
}
