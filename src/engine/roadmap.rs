//! The roadmap: which catalog entries to recommend, in which order, and what was left out.
//!
//! The planner walks the requirements the target pathways miss, in ladder order. For each it
//! takes up to [`OPTIONS_PER_REQUIREMENT`] entries, cheapest first, that are available where the
//! enterprise is, fit the monthly budget together with the steps before them, and whose own
//! needs are met now or by a step planned first (which it plans then). A final topological
//! sort puts every step after the steps it needs and free steps before paid ones that address
//! the same requirement.

use super::condition::Truth;
use super::pack::{Locale, Pack};
use super::profile::{FieldIx, FieldKind, Value};
use super::report::{Cost, LeftOut, Reason, Recommendation};
use super::words;
use super::RequirementStatus;

/// How many entries the roadmap offers for one requirement: a choice, not a catalogue.
pub const OPTIONS_PER_REQUIREMENT: usize = 2;

/// The most levels of "this step needs that step first" the planner follows.
const MAX_DEPTH: usize = 8;

pub struct Plan<'p> {
    pub recommendations: Vec<Recommendation<'p>>,
    pub left_out: Vec<LeftOut<'p>>,
    /// For each requirement, the ids of the recommendations that address it, in step order.
    pub actions: Vec<Vec<&'p str>>,
}

struct Step {
    entry: usize,
    /// Steps that supply this step's needs.
    after: Vec<usize>,
}

struct Planner<'p, 'a> {
    pack: &'p Pack,
    answers: &'a [Option<Value>],
    status: &'a [RequirementStatus],
    locale: Locale,
    currency: &'p str,
    budget: Option<f64>,
    spent: f64,
    /// Which step supplies each requirement, once one does.
    supplier: Vec<Option<usize>>,
    /// The step of each entry, once it is in the plan.
    step_of: Vec<Option<usize>>,
    steps: Vec<Step>,
    visiting: Vec<bool>,
    left_out: Vec<(usize, Reason<'p>)>,
    unknown: &'a mut Vec<FieldIx>,
}

pub fn plan<'p>(
    pack: &'p Pack,
    answers: &[Option<Value>],
    status: &[RequirementStatus],
    target: Option<usize>,
    locale: Locale,
    unknown: &mut Vec<FieldIx>,
) -> Plan<'p> {
    let budget_field = pack.ix.budget;
    let budget = match &answers[budget_field] {
        Some(Value::Num(n)) => Some(*n),
        Some(Value::Int(n)) => Some(*n as f64),
        _ => None,
    };
    let n_req = pack.data.requirements.len();
    let mut p = Planner {
        pack,
        answers,
        status,
        locale,
        currency: pack.data.currency.as_deref().unwrap_or(""),
        budget,
        spent: 0.0,
        supplier: vec![None; n_req],
        step_of: vec![None; pack.data.entries.len()],
        steps: Vec::new(),
        visiting: vec![false; n_req],
        left_out: Vec::new(),
        unknown,
    };
    if let Some(target) = target {
        let mut targets = Vec::new();
        for requires in &pack.pathway_requires[..=target] {
            for &r in requires {
                if status[r] == (RequirementStatus::Missing { known: true })
                    && !targets.contains(&r)
                {
                    targets.push(r);
                }
            }
        }
        for r in targets {
            p.plan_requirement(r, 0);
        }
    }
    p.finish()
}

impl<'p> Planner<'p, '_> {
    fn met_now(&self, r: usize) -> bool {
        matches!(
            self.status[r],
            RequirementStatus::Met | RequirementStatus::NotApplicable
        )
    }

    fn supplied(&self, r: usize) -> bool {
        self.met_now(r) || self.supplier[r].is_some()
    }

    /// Whether the entry can be used where the enterprise is. Unknown counts as no: nothing is
    /// recommended that might not reach the enterprise; the open question is listed instead.
    fn available(&mut self, e: usize) -> bool {
        if let Some(mask) = self.pack.entry_localities[e] {
            let field = self.pack.ix.locality;
            match &self.answers[field] {
                Some(Value::Choice(i)) if mask & (1 << i) != 0 => {}
                Some(_) => return false,
                None => {
                    self.unknown.push(field);
                    return false;
                }
            }
        }
        if let Some(regions) = &self.pack.data.entries[e].regions {
            let field = self.pack.ix.region;
            match &self.answers[field] {
                Some(Value::Text(r)) if regions.contains(r) => {}
                Some(_) => return false,
                None => {
                    self.unknown.push(field);
                    return false;
                }
            }
        }
        if let Some(when) = &self.pack.entry_when[e] {
            match when.eval(self.answers) {
                Truth::True => {}
                Truth::False => return false,
                Truth::Unknown => {
                    when.unknown_fields(self.answers, self.unknown);
                    return false;
                }
            }
        }
        true
    }

    fn fits_budget(&self, e: usize) -> bool {
        match self.budget {
            Some(b) => self.spent + self.pack.data.entries[e].monthly <= b + 1e-9,
            None => true,
        }
    }

    fn leave_out(&mut self, e: usize, reason: Reason<'p>) {
        if self.step_of[e].is_none() && !self.left_out.iter().any(|(x, _)| *x == e) {
            self.left_out.push((e, reason));
        }
    }

    /// Whether `r` is met now or some usable entry could supply it, without planning anything.
    fn can_supply(&mut self, r: usize, depth: usize) -> bool {
        if self.supplied(r) {
            return true;
        }
        if depth > MAX_DEPTH
            || self.visiting[r]
            || self.status[r] != (RequirementStatus::Missing { known: true })
        {
            return false;
        }
        self.visiting[r] = true;
        let pack = self.pack;
        let found = pack.candidates[r].iter().any(|&e| {
            self.available(e)
                && self.fits_budget(e)
                && pack.entry_needs[e]
                    .iter()
                    .all(|&n| self.can_supply(n, depth + 1))
        });
        self.visiting[r] = false;
        found
    }

    /// Plans up to [`OPTIONS_PER_REQUIREMENT`] entries for `r`; true when `r` is supplied.
    fn plan_requirement(&mut self, r: usize, depth: usize) -> bool {
        if depth > MAX_DEPTH || self.visiting[r] {
            return self.supplied(r);
        }
        if self.status[r] != (RequirementStatus::Missing { known: true }) {
            return self.met_now(r);
        }
        self.visiting[r] = true;
        let mut options = 0;
        let pack = self.pack;
        for &e in &pack.candidates[r] {
            if options == OPTIONS_PER_REQUIREMENT {
                break;
            }
            if self.step_of[e].is_some() {
                options += 1;
                continue;
            }
            if !self.available(e) {
                continue;
            }
            if !self.fits_budget(e) {
                let entry = &pack.data.entries[e];
                let budget = self.budget.unwrap_or(0.0);
                let text = words::over_budget(
                    entry.monthly,
                    self.spent,
                    budget,
                    self.currency,
                    self.locale,
                );
                self.leave_out(
                    e,
                    Reason {
                        rule: "payments.monthly_budget",
                        text: text.into(),
                        fields: vec!["payments.monthly_budget"],
                    },
                );
                continue;
            }
            let needs = &pack.entry_needs[e];
            let open_need = needs.iter().find(|&&n| {
                self.status[n] == RequirementStatus::Missing { known: false } && !self.supplied(n)
            });
            if let Some(&n) = open_need {
                pack.requirement_met[n].unknown_fields(self.answers, self.unknown);
                self.leave_out_for_need(e, n, words::needs_unknown);
                continue;
            }
            if let Some(&n) = needs.iter().find(|&&n| !self.can_supply(n, depth + 1)) {
                self.leave_out_for_need(e, n, words::needs_missing);
                continue;
            }
            for &n in needs {
                self.plan_requirement(n, depth + 1);
            }
            if !needs.iter().all(|&n| self.supplied(n)) || !self.fits_budget(e) {
                // Planning the needs used up the budget; the entry no longer fits.
                continue;
            }
            let after: Vec<usize> = needs.iter().filter_map(|&n| self.supplier[n]).collect();
            let step = self.steps.len();
            self.steps.push(Step { entry: e, after });
            self.step_of[e] = Some(step);
            self.spent += pack.data.entries[e].monthly;
            for &a in &pack.entry_addresses[e] {
                if !self.met_now(a) && self.supplier[a].is_none() {
                    self.supplier[a] = Some(step);
                }
            }
            options += 1;
        }
        self.visiting[r] = false;
        self.supplied(r)
    }

    /// Leaves entry `e` out because of its need `n`, in the words `sentence` gives.
    fn leave_out_for_need(&mut self, e: usize, n: usize, sentence: fn(&str, Locale) -> String) {
        let req = &self.pack.data.requirements[n];
        let reason = Reason {
            rule: &req.id,
            text: sentence(req.label.get(self.locale), self.locale).into(),
            fields: self.requirement_fields(n),
        };
        self.leave_out(e, reason);
    }

    fn requirement_fields(&self, r: usize) -> Vec<&'p str> {
        let pack = self.pack;
        pack.requirement_fields[r]
            .iter()
            .map(|&f| pack.fields[f].path.as_str())
            .collect()
    }

    /// What the step addresses: the requirements it helps meet that are not met now.
    fn addresses(&self, e: usize) -> Vec<usize> {
        self.pack.entry_addresses[e]
            .iter()
            .copied()
            .filter(|&a| !self.met_now(a))
            .collect()
    }

    /// Orders the steps: every step after those it needs; among steps that address the same
    /// requirement, free before paid unless the free one needs the paid one; otherwise in
    /// planning order.
    fn order(&self, addresses: &[Vec<usize>]) -> Vec<usize> {
        let n = self.steps.len();
        let mut preds: Vec<Vec<usize>> = self.steps.iter().map(|s| s.after.clone()).collect();
        let depends = |preds: &Vec<Vec<usize>>, from: usize, on: usize| -> bool {
            let mut stack = vec![from];
            let mut seen = vec![false; n];
            while let Some(x) = stack.pop() {
                if x == on {
                    return true;
                }
                if !std::mem::replace(&mut seen[x], true) {
                    stack.extend(preds[x].iter().copied());
                }
            }
            false
        };
        for paid in 0..n {
            let pe = &self.pack.data.entries[self.steps[paid].entry];
            if !pe.is_paid() {
                continue;
            }
            let paid_addresses = &addresses[paid];
            for (free, free_addresses) in addresses.iter().enumerate() {
                let fe = &self.pack.data.entries[self.steps[free].entry];
                if fe.is_paid() || free == paid {
                    continue;
                }
                let shares = free_addresses.iter().any(|a| paid_addresses.contains(a));
                if shares && !depends(&preds, free, paid) && !preds[paid].contains(&free) {
                    preds[paid].push(free);
                }
            }
        }
        let mut done = vec![false; n];
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let next = (0..n).find(|&i| !done[i] && preds[i].iter().all(|&p| done[p]));
            // The constraints come from a plan built in dependency order, so a step is always
            // ready; fall back to planning order rather than loop if that ever breaks.
            let i = next.unwrap_or_else(|| (0..n).find(|&i| !done[i]).expect("steps remain"));
            done[i] = true;
            out.push(i);
        }
        out
    }

    fn finish(self) -> Plan<'p> {
        let step_addresses: Vec<Vec<usize>> =
            self.steps.iter().map(|s| self.addresses(s.entry)).collect();
        let order = self.order(&step_addresses);
        let mut actions: Vec<Vec<&'p str>> = vec![Vec::new(); self.pack.data.requirements.len()];
        for &s in &order {
            for &a in &step_addresses[s] {
                actions[a].push(&self.pack.data.entries[self.steps[s].entry].id);
            }
        }
        let mut position = vec![0usize; self.steps.len()];
        for (k, &s) in order.iter().enumerate() {
            position[s] = k;
        }
        let locale = self.locale;
        let pack = self.pack;
        let locality_field = pack.ix.locality;
        let recommendations = order
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let step = &self.steps[s];
                let e = step.entry;
                let entry = &pack.data.entries[e];
                let addresses = &step_addresses[s];
                let mut why: Vec<Reason> = addresses
                    .iter()
                    .map(|&a| {
                        let req = &pack.data.requirements[a];
                        Reason {
                            rule: &req.id,
                            text: req.missing.get(locale).into(),
                            fields: self.requirement_fields(a),
                        }
                    })
                    .collect();
                let mut cost_text = words::cost_sentence(
                    entry.setup,
                    entry.monthly,
                    entry.commission_pct,
                    entry.approximate,
                    self.currency,
                    locale,
                );
                let mut cost_fields = Vec::new();
                if let (Some(budget), true) = (self.budget, entry.monthly > 0.0) {
                    let spent_until: f64 = order[..=k]
                        .iter()
                        .map(|&x| pack.data.entries[self.steps[x].entry].monthly)
                        .sum();
                    cost_text.push(' ');
                    cost_text.push_str(&words::fits_budget(
                        spent_until,
                        budget,
                        self.currency,
                        locale,
                    ));
                    cost_fields.push("payments.monthly_budget");
                }
                why.push(Reason {
                    rule: &entry.id,
                    text: cost_text.into(),
                    fields: cost_fields,
                });
                if pack.entry_localities[e].is_some() {
                    if let Some(Value::Choice(i)) = &self.answers[locality_field] {
                        let place = option_label(pack, locality_field, *i, locale);
                        why.push(Reason {
                            rule: &entry.id,
                            text: words::available_here(place, locale).into(),
                            fields: vec!["locality"],
                        });
                    }
                }
                let mut after: Vec<usize> = step.after.clone();
                super::sort_small(&mut after, |&x| position[x]);
                after.dedup();
                if !after.is_empty() {
                    let names: Vec<&str> = after
                        .iter()
                        .map(|&x| pack.data.entries[self.steps[x].entry].name.get(locale))
                        .collect();
                    why.push(Reason {
                        rule: &entry.id,
                        text: words::after_steps(&names, locale).into(),
                        fields: Vec::new(),
                    });
                }
                Recommendation {
                    id: &entry.id,
                    kind: entry.kind,
                    name: entry.name.get(locale),
                    step: k as u32 + 1,
                    cost: Cost {
                        currency: self.currency,
                        setup: super::profile::number_json(entry.setup),
                        monthly: super::profile::number_json(entry.monthly),
                        commission_pct: super::profile::number_json(entry.commission_pct),
                        note: entry.cost_note.as_ref().map(|t| t.get(locale)),
                        approximate: entry.approximate,
                    },
                    addresses: addresses
                        .iter()
                        .map(|&a| pack.data.requirements[a].id.as_str())
                        .collect(),
                    why,
                    url: entry.url.as_deref(),
                    checked: &entry.checked,
                    summary: entry.summary.get(locale),
                    after: after
                        .iter()
                        .map(|&x| pack.data.entries[self.steps[x].entry].id.as_str())
                        .collect(),
                }
            })
            .collect();
        let left_out = self
            .left_out
            .into_iter()
            .filter(|(e, _)| self.step_of[*e].is_none())
            .map(|(e, reason)| {
                let entry = &pack.data.entries[e];
                LeftOut {
                    id: &entry.id,
                    name: entry.name.get(locale),
                    reason,
                }
            })
            .collect();
        Plan {
            recommendations,
            left_out,
            actions,
        }
    }
}

/// The label the questionnaire gives a choice value, or the value itself.
fn option_label(pack: &Pack, field: FieldIx, index: u8, locale: Locale) -> &str {
    let FieldKind::Choice { values, .. } = &pack.fields[field].kind else {
        return "";
    };
    let value = &values[index as usize];
    pack.data
        .questions
        .iter()
        .enumerate()
        .filter(|(q, _)| pack.question_field[*q] == field)
        .flat_map(|(_, q)| q.options.iter())
        .find(|o| matches!(&o.value, super::pack::OptionValue::Text(v) if v == value))
        .map(|o| o.label.get(locale))
        .unwrap_or(value)
}
