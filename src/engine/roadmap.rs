//! The roadmap: which steps to take, in which order, with which options, and what was left
//! out or has to wait until the business can pay for it.
//!
//! A step meets one need (a requirement the business misses) or starts selling one way (a
//! pathway's opening: a seller account, a store, an agreement with whoever sells for the
//! business). Its options are catalog entries that do the same thing; the first is the one to
//! try first (what the business surely qualifies for before what it may not; then confirmed
//! free before paid per use, before a price, before an unconfirmed cost; then the entry that
//! meets more of what is missing), and every other option meets at least what the first
//! meets, so the plan holds whichever is taken. An entry offered as one step's alternative
//! may still become another need's first option, and then leaves the first step.
//!
//! The planner works in three phases, in this order, and numbers the steps as it plans them:
//!
//! 1. **Now**: for a business that has reached no rung yet, the routes beside the ladder first
//!    (selling through a cooperative, a trader or a shared shop: the study's answer for owners
//!    without connectivity); then starting to sell on the bottom rung and the goal's, when
//!    reached but not in use; then the next rung's missing inputs (its formalities among
//!    them) and its opening; then, for a business online but not yet selling on its own, a
//!    route it has already reached.
//! 2. **Parallel**: the formalities (`parallel` requirements) of the rungs after the next one,
//!    up to the goal or at least the rung after the next: started now, holding nothing back.
//! 3. **Later**: a route not reached yet, for a business online but not selling on its own;
//!    the inputs of the rungs after the next one up to the goal, and the goal's opening.
//!
//! A step's own needs are planned first, in its phase, so planning order is a valid order; if
//! the step cannot be taken after all, what was planned for it is taken back. Every first
//! option fits what the business can spend, once and per month, together with the first
//! options of the other steps, and so does every alternative taken in its first's place
//! (one that would not is dropped); what does not fit is kept for "cuando pueda" with its
//! cost.

use super::condition::Truth;
use super::locale::Locale;
use super::pack::{CostClass, Pack};
use super::profile::{FieldIx, FieldKind, Value};
use super::report::{Affordable, Cost, LeftOut, Phase, Reason, Step, StepOption};
use super::{words, RequirementStatus, Standing};

/// The most options a step offers: a choice, not a catalogue.
pub const OPTIONS_PER_STEP: usize = 2;

/// How many steps `first_steps` names.
pub const FIRST_STEPS: usize = 3;

/// The most levels of "this step needs that step first" the planner follows.
const MAX_DEPTH: usize = 8;

/// The rung of the ladder (counted from the bottom, 0) at which a business sells online on its
/// own: selling through social networks. Below it, routes beside the ladder are planned now.
const SELLS_ON_ITS_OWN: usize = 1;

pub struct Plan<'p> {
    pub steps: Vec<Step<'p>>,
    pub first_steps: Vec<u32>,
    pub when_affordable: Vec<Affordable<'p>>,
    pub left_out: Vec<LeftOut<'p>>,
    /// For each requirement, the numbers of the steps that address it.
    pub addressing: Vec<Vec<u32>>,
}

/// Whether the business qualifies for an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Eligible {
    Yes,
    /// Not known (the owner preferred not to say, or the condition cannot be checked).
    Maybe,
    No,
}

/// What a step is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Meeting a requirement.
    Need(usize),
    /// Starting to sell on a pathway.
    Opens(usize),
}

#[derive(Clone)]
struct Planned {
    /// Entries, the one to try first first.
    options: Vec<usize>,
    phase: Phase,
    pathway: usize,
    opens: Option<usize>,
    /// Requirements every option meets that are not met now.
    addresses: Vec<usize>,
    /// Planned steps this one comes after.
    after: Vec<usize>,
}

struct RoadmapBuilder<'p, 'a> {
    pack: &'p Pack,
    answers: &'a [Option<Value>],
    status: &'a [RequirementStatus],
    locale: Locale,
    currency: &'p str,
    monthly_budget: Option<f64>,
    once_budget: Option<f64>,
    spent_monthly: f64,
    spent_once: f64,
    /// Which planned step supplies each requirement, once one does.
    supplier: Vec<Option<usize>>,
    /// Whether each entry is already an option of a step.
    used: Vec<bool>,
    /// The step each entry is an alternative (not the first option) of: such an entry may
    /// still be taken as the first option for another need, and leaves that step then.
    alternative_in: Vec<Option<usize>>,
    steps: Vec<Planned>,
    visiting: Vec<bool>,
    /// Entries left out, and why.
    left_out: Vec<(usize, Reason<'p>)>,
    /// Entries that would meet a need but cost more than the business can spend: the entry,
    /// what it was for, and why it does not fit.
    over_budget: Vec<(usize, Target, Reason<'p>)>,
    unknown: &'a mut Vec<FieldIx>,
}

/// The planner's state as [`RoadmapBuilder::save`] keeps it.
struct Saved {
    steps: Vec<Planned>,
    spent_monthly: f64,
    spent_once: f64,
    supplier: Vec<Option<usize>>,
    used: Vec<bool>,
    alternative_in: Vec<Option<usize>>,
}

/// Whether entry `e` can be used where the enterprise is and as it answered: its localities,
/// regions and `when`. Unknown counts as no: nothing is recommended that might not reach the
/// enterprise; the open question goes into `unknown` instead.
pub(crate) fn available(
    pack: &Pack,
    answers: &[Option<Value>],
    e: usize,
    unknown: &mut Vec<FieldIx>,
) -> bool {
    if let Some(mask) = pack.entry_localities[e] {
        let field = pack.ix.locality;
        match &answers[field] {
            Some(Value::Choice(i)) if mask & (1 << i) != 0 => {}
            Some(_) => return false,
            None => {
                unknown.push(field);
                return false;
            }
        }
    }
    if let Some(regions) = &pack.data.entries[e].regions {
        let field = pack.ix.region;
        match &answers[field] {
            Some(Value::Text(r)) if regions.contains(r) => {}
            Some(_) => return false,
            None => {
                unknown.push(field);
                return false;
            }
        }
    }
    if let Some(when) = &pack.entry_when[e] {
        match when.eval(answers) {
            Truth::True => {}
            Truth::False => return false,
            Truth::Unknown => {
                when.unknown_fields(answers, unknown);
                return false;
            }
        }
    }
    true
}

pub(crate) fn plan<'p>(
    pack: &'p Pack,
    answers: &[Option<Value>],
    status: &[RequirementStatus],
    standing: &Standing,
    locale: Locale,
    unknown: &mut Vec<FieldIx>,
) -> Plan<'p> {
    let amount = |field: FieldIx| match &answers[field] {
        Some(Value::Num(n)) => Some(*n),
        Some(Value::Int(n)) => Some(*n as f64),
        _ => None,
    };
    let mut p = RoadmapBuilder {
        pack,
        answers,
        status,
        locale,
        currency: pack.data.currency.as_deref().unwrap_or(""),
        monthly_budget: amount(pack.ix.budget),
        once_budget: amount(pack.ix.once_budget),
        spent_monthly: 0.0,
        spent_once: 0.0,
        supplier: vec![None; pack.data.requirements.len()],
        used: vec![false; pack.data.entries.len()],
        alternative_in: vec![None; pack.data.entries.len()],
        steps: Vec::new(),
        visiting: vec![false; pack.data.requirements.len()],
        left_out: Vec::new(),
        over_budget: Vec::new(),
        unknown,
    };
    let ladder = &pack.derived.ladder;
    let rung = |pathway: usize| Standing::rung(pack, pathway);
    let next_rung = standing.next.and_then(rung);
    let goal_rung = standing.goal.and_then(rung);
    let stage_rung = standing.stage.and_then(rung);
    // Selling online on its own: reached, or already doing, a rung from social selling up.
    let sells_on_its_own = stage_rung.is_some_and(|s| s >= SELLS_ON_ITS_OWN)
        || ladder[SELLS_ON_ITS_OWN.min(ladder.len())..]
            .iter()
            .any(|&p| standing.in_use[p] == Truth::True);
    // The furthest rung the plan works towards: the goal, and at least the next rung.
    let target_rung = match (goal_rung, next_rung) {
        (Some(g), Some(n)) => Some(g.max(n)),
        (g, n) => g.or(n),
    };

    // 1. Now. While the business cannot sell online on its own, the routes beside the ladder
    // come first: they need none of its own connectivity or skills. Then start selling the
    // ways it already can, up to its goal (the bottom rung always: being found online is
    // where every way of selling starts), then the next rung.
    let routes: Vec<usize> = (0..pack.data.pathways.len())
        .filter(|&i| !pack.data.pathways[i].ladder)
        .collect();
    let offline = standing.stage.is_none();
    if offline {
        p.plan_routes(&routes, standing, |_| true, Phase::Now);
    }
    for (k, &pathway) in ladder.iter().enumerate() {
        if k > goal_rung.unwrap_or(0) || !standing.reached[pathway] {
            break;
        }
        // The bottom rung and the goal's: the rungs between are ways the business may take
        // or leave on the way to its goal.
        let wanted = k == 0 || Some(k) == goal_rung;
        if wanted && standing.in_use[pathway] == Truth::False {
            p.plan_opening(pathway, Phase::Now);
        }
    }
    if let Some(next) = standing.next {
        p.plan_pathway(next, Phase::Now, standing.in_use[next] == Truth::False);
    }
    // Online but not selling on its own yet: a route it has already reached (a partner who
    // would sell for it) is one more step now; one it has not, a way for later.
    if !offline && !sells_on_its_own {
        p.plan_routes(&routes, standing, |reached| reached, Phase::Now);
    }

    // 2. Parallel: the formalities of the rungs up to the goal or the rung after the next,
    // and of the routes planned now.
    let reach = match (target_rung, next_rung) {
        (Some(t), Some(n)) => Some(t.max(n + 1)),
        (t, _) => t,
    };
    if let Some(reach) = reach {
        for &pathway in ladder.iter().take(reach + 1) {
            p.plan_formalities(pathway);
        }
    }
    if offline {
        for &route in &routes {
            p.plan_formalities(route);
        }
    }

    if !offline && !sells_on_its_own {
        p.plan_routes(&routes, standing, |reached| !reached, Phase::Later);
    }

    // 3. Later: the rungs after the next one, up to the goal; the goal's own opening last.
    if let (Some(n), Some(t)) = (next_rung, target_rung) {
        for (k, &pathway) in ladder.iter().enumerate().take(t + 1).skip(n + 1) {
            let open = Some(k) == goal_rung && standing.in_use[pathway] == Truth::False;
            p.plan_pathway(pathway, Phase::Later, open);
        }
    }
    p.finish()
}

impl<'p> RoadmapBuilder<'p, '_> {
    fn met_now(&self, r: usize) -> bool {
        matches!(
            self.status[r],
            RequirementStatus::Met | RequirementStatus::NotApplicable
        )
    }

    fn supplied(&self, r: usize) -> bool {
        self.met_now(r) || self.supplier[r].is_some()
    }

    fn missing_known(&self, r: usize) -> bool {
        self.status[r] == (RequirementStatus::Missing { known: true })
    }

    /// Plans what `pathway` misses, formalities included (they hold this pathway back), and
    /// then, when `open` is true and every requirement will be met, its opening.
    fn plan_pathway(&mut self, pathway: usize, phase: Phase, open: bool) {
        let pack = self.pack;
        let mut all = true;
        for &r in &pack.pathway_requires[pathway] {
            all &= self.plan_need(r, phase, pathway, 0);
        }
        if open && all {
            self.plan_opening(pathway, phase);
        }
    }

    /// Plans the routes beside the ladder that `which` picks (given whether each is reached),
    /// with their openings unless already in use.
    fn plan_routes(
        &mut self,
        routes: &[usize],
        standing: &Standing,
        which: impl Fn(bool) -> bool,
        phase: Phase,
    ) {
        for &route in routes {
            if which(standing.reached[route]) {
                let open = standing.in_use[route] == Truth::False;
                self.plan_pathway(route, phase, open);
            }
        }
    }

    /// Plans the missing formalities of `pathway`, in the parallel phase.
    fn plan_formalities(&mut self, pathway: usize) {
        let pack = self.pack;
        for &r in &pack.pathway_requires[pathway] {
            if pack.data.requirements[r].parallel {
                self.plan_need(r, Phase::Parallel, pathway, 0);
            }
        }
    }

    /// Whether the entry can be used where the enterprise is and as it answered (see
    /// [`available`]).
    fn available(&mut self, e: usize) -> bool {
        available(self.pack, self.answers, e, self.unknown)
    }

    /// Whether the business qualifies. An unknown answer here is not asked for: who owns the
    /// business is optional, and the entry is offered with its condition instead.
    fn eligible(&self, e: usize) -> Eligible {
        match (
            &self.pack.entry_eligible[e],
            &self.pack.data.entries[e].eligibility,
        ) {
            (None, None) => Eligible::Yes,
            (None, Some(_)) => Eligible::Maybe,
            (Some(when), _) => match when.eval(self.answers) {
                Truth::True => Eligible::Yes,
                Truth::Unknown => Eligible::Maybe,
                Truth::False => Eligible::No,
            },
        }
    }

    /// Whether the entry's costs fit what is left of both budgets.
    fn fits(&self, e: usize) -> bool {
        self.fits_beside(e, self.spent_monthly, self.spent_once)
    }

    /// Whether entry `e` fits both budgets beside what else is spent.
    fn fits_beside(&self, e: usize, spent_monthly: f64, spent_once: f64) -> bool {
        let entry = &self.pack.data.entries[e];
        within(self.monthly_budget, spent_monthly, entry.monthly)
            && within(self.once_budget, spent_once, entry.setup)
    }

    /// Why the entry does not fit, in the words of the budget it goes over.
    fn over_budget_reason(&self, e: usize) -> Reason<'p> {
        self.budget_reason(e, self.spent_monthly, self.spent_once)
    }

    /// Why `e` does not fit, with what the plan already spends beside it.
    fn budget_reason(&self, e: usize, spent_monthly: f64, spent_once: f64) -> Reason<'p> {
        let entry = &self.pack.data.entries[e];
        let once_over = !within(self.once_budget, spent_once, entry.setup);
        let (rule, text) = if once_over {
            (
                "payments.one_off_budget",
                words::over_once_budget(
                    entry.setup,
                    spent_once,
                    self.once_budget.unwrap_or(0.0),
                    self.currency,
                    self.locale,
                ),
            )
        } else {
            (
                "payments.monthly_budget",
                words::over_budget(
                    entry.monthly,
                    spent_monthly,
                    self.monthly_budget.unwrap_or(0.0),
                    self.currency,
                    self.locale,
                ),
            )
        };
        Reason {
            rule,
            text: text.into(),
            fields: vec![rule],
        }
    }

    fn leave_out(&mut self, e: usize, reason: Reason<'p>) {
        if !self.left_out.iter().any(|(x, _)| *x == e) {
            self.left_out.push((e, reason));
        }
    }

    /// Whether entry `e` may be taken as a step's first option: it is no step's first yet
    /// (another step's alternative may be).
    fn takeable(&self, e: usize) -> bool {
        !self.used[e] || self.alternative_in[e].is_some()
    }

    /// What planning changes, to take it back.
    fn save(&self) -> Saved {
        Saved {
            steps: self.steps.clone(),
            spent_monthly: self.spent_monthly,
            spent_once: self.spent_once,
            supplier: self.supplier.clone(),
            used: self.used.clone(),
            alternative_in: self.alternative_in.clone(),
        }
    }

    fn restore(&mut self, saved: Saved) {
        self.steps = saved.steps;
        self.spent_monthly = saved.spent_monthly;
        self.spent_once = saved.spent_once;
        self.supplier = saved.supplier;
        self.used = saved.used;
        self.alternative_in = saved.alternative_in;
    }

    /// Whether `r` is met now, already supplied, or some usable entry could supply it,
    /// without planning anything.
    fn can_supply(&mut self, r: usize, depth: usize) -> bool {
        if self.supplied(r) {
            return true;
        }
        if depth > MAX_DEPTH || self.visiting[r] || !self.missing_known(r) {
            return false;
        }
        self.visiting[r] = true;
        let pack = self.pack;
        let found = pack.derived.candidates[r].iter().any(|&e| {
            self.takeable(e)
                && self.available(e)
                && self.eligible(e) != Eligible::No
                && self.fits(e)
                && pack.entry_needs[e]
                    .iter()
                    .all(|&n| self.can_supply(n, depth + 1))
        });
        self.visiting[r] = false;
        found
    }

    /// The requirements entry `e` would meet that are neither met now nor supplied yet.
    fn useful(&self, e: usize) -> Vec<usize> {
        self.pack.entry_addresses[e]
            .iter()
            .copied()
            .filter(|&a| !self.supplied(a))
            .collect()
    }

    /// Plans a step for requirement `r`; true when `r` is then met or supplied.
    fn plan_need(&mut self, r: usize, phase: Phase, pathway: usize, depth: usize) -> bool {
        if self.supplied(r) {
            return true;
        }
        if !self.missing_known(r) || depth > MAX_DEPTH || self.visiting[r] {
            return false;
        }
        self.visiting[r] = true;
        let pack = self.pack;
        let candidates = &pack.derived.candidates[r];
        let planned = self.plan_step(candidates, Target::Need(r), phase, pathway, depth);
        self.visiting[r] = false;
        planned && self.supplied(r)
    }

    /// Plans the step that starts selling on `pathway`, if an entry opens it.
    fn plan_opening(&mut self, pathway: usize, phase: Phase) {
        let pack = self.pack;
        let openers = &pack.derived.openers[pathway];
        let before: Vec<usize> = (0..self.steps.len())
            .filter(|&s| self.steps[s].pathway == pathway)
            .collect();
        if self.plan_step(openers, Target::Opens(pathway), phase, pathway, 0) {
            let step = self.steps.last_mut().expect("a step was just planned");
            step.opens = Some(pathway);
            for s in before {
                if !step.after.contains(&s) {
                    step.after.push(s);
                }
            }
        }
    }

    /// Plans one step from `candidates` (cheapest first) for `target`. The first option may
    /// have its own needs planned first; the others must find theirs met already. True when a
    /// step was planned.
    fn plan_step(
        &mut self,
        candidates: &[usize],
        target: Target,
        phase: Phase,
        pathway: usize,
        depth: usize,
    ) -> bool {
        let pack = self.pack;
        let mut usable: Vec<(usize, Eligible)> = Vec::new();
        for &e in candidates {
            if !self.takeable(e) || !self.available(e) {
                continue;
            }
            match self.eligible(e) {
                Eligible::No => {}
                eligible => usable.push((e, eligible)),
            }
        }
        // What the business surely qualifies for first; then, among what costs alike, the
        // entry that meets more of what is missing (one step instead of two); the order is
        // otherwise the candidates' (cheapest first).
        let useful: Vec<usize> = usable
            .iter()
            .map(|&(e, _)| {
                pack.entry_addresses[e]
                    .iter()
                    .filter(|&&a| !self.supplied(a))
                    .count()
            })
            .collect();
        let mut order: Vec<usize> = (0..usable.len()).collect();
        super::sort_small(&mut order, |&i| {
            let (e, eligible) = usable[i];
            (
                eligible != Eligible::Yes,
                pack.data.entries[e].cost_class(),
                std::cmp::Reverse(useful[i]),
            )
        });
        let usable: Vec<(usize, Eligible)> = order.into_iter().map(|i| usable[i]).collect();

        let mut first = None;
        for &(e, _) in &usable {
            if !self.fits(e) {
                let reason = self.over_budget_reason(e);
                self.over_budget.push((e, target, reason));
                continue;
            }
            let needs = &pack.entry_needs[e];
            let open = needs.iter().copied().find(|&n| {
                self.status[n] == RequirementStatus::Missing { known: false } && !self.supplied(n)
            });
            if let Some(n) = open {
                pack.requirement_met[n].unknown_fields(self.answers, self.unknown);
                self.leave_out_for_need(e, n, words::needs_unknown);
                continue;
            }
            if let Some(n) = needs
                .iter()
                .copied()
                .find(|&n| !self.can_supply(n, depth + 1))
            {
                self.leave_out_for_need(e, n, words::needs_missing);
                continue;
            }
            if !needs.is_empty() {
                // Plan the entry's needs; if it cannot be taken after all (planning them used
                // up the budget), take back what was planned for it.
                let saved = self.save();
                for &n in needs {
                    self.plan_need(n, phase, pathway, depth + 1);
                }
                if !needs.iter().all(|&n| self.supplied(n)) || !self.fits(e) {
                    self.restore(saved);
                    continue;
                }
            }
            first = Some(e);
            break;
        }
        let Some(first) = first else {
            return false;
        };
        if let Some(s) = self.alternative_in[first].take() {
            // Offered as another step's alternative, it is this need's way: it leaves there.
            self.steps[s].options.retain(|&o| o != first);
        }
        let addresses = self.useful(first);
        let mut options = vec![first];
        for &(e, _) in &usable {
            if options.len() == OPTIONS_PER_STEP {
                break;
            }
            if options.contains(&e) || self.used[e] {
                continue;
            }
            let meets_as_much = addresses
                .iter()
                .all(|a| pack.entry_addresses[e].contains(a));
            let needs_met = pack.entry_needs[e].iter().all(|&n| self.supplied(n));
            if !meets_as_much || !needs_met {
                continue;
            }
            if !self.fits(e) {
                let reason = self.over_budget_reason(e);
                self.leave_out(e, reason);
                continue;
            }
            options.push(e);
        }
        let after: Vec<usize> = {
            let mut after = Vec::new();
            for &e in &options {
                for &n in &pack.entry_needs[e] {
                    if let Some(s) = self.supplier[n] {
                        if !after.contains(&s) {
                            after.push(s);
                        }
                    }
                }
            }
            after
        };
        let step = self.steps.len();
        let entry = &pack.data.entries[first];
        self.spent_monthly += entry.monthly;
        self.spent_once += entry.setup;
        for &e in &options {
            self.used[e] = true;
        }
        for &e in &options[1..] {
            self.alternative_in[e] = Some(step);
        }
        for &a in &addresses {
            self.supplier[a] = Some(step);
        }
        self.steps.push(Planned {
            options,
            phase,
            pathway,
            opens: None,
            addresses,
            after,
        });
        true
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

    fn cost(&self, e: usize) -> Cost<'p> {
        let entry = &self.pack.data.entries[e];
        Cost {
            currency: self.currency,
            setup: super::profile::number_json(entry.setup),
            monthly: super::profile::number_json(entry.monthly),
            commission_pct: super::profile::number_json(entry.commission_pct),
            note: entry.cost_note.as_ref().map(|t| t.get(self.locale)),
            approximate: entry.approximate,
            per_use: entry.per_use,
        }
    }

    /// Why option `e` of a step was chosen: its cost (and how it sits in the budgets, for the
    /// step's first option), and where it reaches.
    fn why(&self, e: usize, spent_monthly: f64, spent_once: f64) -> Vec<Reason<'p>> {
        let pack = self.pack;
        let entry = &pack.data.entries[e];
        let locale = self.locale;
        let mut cost_text = words::cost_sentence(
            entry.setup,
            entry.monthly,
            entry.commission_pct,
            entry.approximate,
            entry.per_use,
            self.currency,
            locale,
        );
        let mut cost_fields = Vec::new();
        if let (Some(budget), true) = (self.monthly_budget, entry.monthly > 0.0) {
            cost_text.push(' ');
            cost_text.push_str(&words::fits_budget(
                spent_monthly + entry.monthly,
                budget,
                self.currency,
                locale,
            ));
            cost_fields.push("payments.monthly_budget");
        }
        if let (Some(budget), true) = (self.once_budget, entry.setup > 0.0) {
            cost_text.push(' ');
            cost_text.push_str(&words::fits_once_budget(
                spent_once + entry.setup,
                budget,
                self.currency,
                locale,
            ));
            cost_fields.push("payments.one_off_budget");
        }
        let mut why = vec![Reason {
            rule: &entry.id,
            text: cost_text.into(),
            fields: cost_fields,
        }];
        if pack.entry_localities[e].is_some() {
            let field = pack.ix.locality;
            if let Some(Value::Choice(i)) = &self.answers[field] {
                let place = option_label(pack, field, *i, locale);
                why.push(Reason {
                    rule: &entry.id,
                    text: words::available_here(place, locale).into(),
                    fields: vec!["locality"],
                });
            }
        }
        why
    }

    /// Drops each alternative that, taken in place of its step's first option, would take the
    /// whole plan past a budget: the first options are planned within both, but an
    /// alternative could only be checked against the steps planned before its own.
    fn drop_alternatives_over_budget(&mut self) {
        let entries = &self.pack.data.entries;
        let first = |s: &Planned| &entries[s.options[0]];
        let monthly: f64 = self.steps.iter().map(|s| first(s).monthly).sum();
        let once: f64 = self.steps.iter().map(|s| first(s).setup).sum();
        for s in 0..self.steps.len() {
            let (others_monthly, others_once) = {
                let f = first(&self.steps[s]);
                (monthly - f.monthly, once - f.setup)
            };
            let mut k = 1;
            while k < self.steps[s].options.len() {
                let e = self.steps[s].options[k];
                if !self.fits_beside(e, others_monthly, others_once) {
                    self.steps[s].options.remove(k);
                    self.used[e] = false;
                    self.alternative_in[e] = None;
                    let reason = self.budget_reason(e, others_monthly, others_once);
                    self.leave_out(e, reason);
                } else {
                    k += 1;
                }
            }
        }
    }

    fn finish(mut self) -> Plan<'p> {
        self.drop_alternatives_over_budget();
        let pack = self.pack;
        let locale = self.locale;
        let number = |s: usize| s as u32 + 1;
        let mut addressing: Vec<Vec<u32>> = vec![Vec::new(); pack.data.requirements.len()];
        let mut spent_monthly = 0.0;
        let mut spent_once = 0.0;
        let mut steps = Vec::with_capacity(self.steps.len());
        for (s, planned) in self.steps.iter().enumerate() {
            for &a in &planned.addresses {
                addressing[a].push(number(s));
            }
            let options = planned
                .options
                .iter()
                .map(|&e| {
                    let entry = &pack.data.entries[e];
                    StepOption {
                        id: &entry.id,
                        kind: entry.kind,
                        name: entry.name.get(locale),
                        summary: entry.summary.get(locale),
                        cost: self.cost(e),
                        eligibility: entry.eligibility.as_ref().map(|t| t.get(locale)),
                        conditional: self.eligible(e) == Eligible::Maybe,
                        why: self.why(e, spent_monthly, spent_once),
                        url: entry.url.as_deref(),
                        checked: &entry.checked,
                    }
                })
                .collect();
            let first = &pack.data.entries[planned.options[0]];
            spent_monthly += first.monthly;
            spent_once += first.setup;
            let mut after: Vec<u32> = planned.after.iter().map(|&a| number(a)).collect();
            super::sort_small(&mut after, |&a| a);
            steps.push(Step {
                step: number(s),
                phase: planned.phase,
                pathway: &pack.data.pathways[planned.pathway].id,
                addresses: planned
                    .addresses
                    .iter()
                    .map(|&a| pack.data.requirements[a].id.as_str())
                    .collect(),
                opens: planned.opens.map(|p| pack.data.pathways[p].id.as_str()),
                after,
                options,
            });
        }

        // The cheapest steps that can be taken now (no step before them), surely qualified
        // for, at a known cost: those towards the next rung first, then formalities.
        let mut first_steps: Vec<(Phase, Ordered, CostClass, u32)> = self
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.phase != Phase::Later && s.after.is_empty())
            .filter(|(_, s)| self.eligible(s.options[0]) == Eligible::Yes)
            .filter_map(|(i, s)| {
                let entry = &pack.data.entries[s.options[0]];
                let class = entry.cost_class();
                let cost = Ordered(entry.first_year());
                (class != CostClass::Unknown).then_some((s.phase, cost, class, number(i)))
            })
            .collect();
        super::sort_small(&mut first_steps, |&(phase, cost, class, step)| {
            (phase != Phase::Now, cost, class, step)
        });
        // Chosen by cost, listed in the plan's order.
        let mut first_steps: Vec<u32> = first_steps
            .into_iter()
            .take(FIRST_STEPS)
            .map(|(_, _, _, s)| s)
            .collect();
        super::sort_small(&mut first_steps, |&s| s);

        // What the plan could not take for lack of money, where nothing else surely meets the
        // need: nothing at all, or only a step whose cost or eligibility is not known.
        let sure = |s: usize| {
            let first = self.steps[s].options[0];
            pack.data.entries[first].cost_class() != CostClass::Unknown
                && self.eligible(first) == Eligible::Yes
        };
        let mut when_affordable: Vec<Affordable> = Vec::new();
        for (e, target, reason) in &self.over_budget {
            let entry = &pack.data.entries[*e];
            let unmet = match *target {
                Target::Need(r) => !self.met_now(r) && !self.supplier[r].is_some_and(sure),
                Target::Opens(p) => !self.steps.iter().any(|s| s.opens == Some(p)),
            };
            if !unmet || self.used[*e] || when_affordable.iter().any(|a| a.id == entry.id) {
                continue;
            }
            when_affordable.push(Affordable {
                id: &entry.id,
                kind: entry.kind,
                name: entry.name.get(locale),
                summary: entry.summary.get(locale),
                cost: self.cost(*e),
                addresses: pack.entry_addresses[*e]
                    .iter()
                    .filter(|&&a| !self.met_now(a))
                    .map(|&a| pack.data.requirements[a].id.as_str())
                    .collect(),
                reason: reason.clone(),
            });
        }
        let affordable_ids: Vec<&str> = when_affordable.iter().map(|a| a.id).collect();
        let mut left_out: Vec<LeftOut> = self
            .left_out
            .iter()
            .filter(|(e, _)| {
                !self.used[*e] && !affordable_ids.contains(&pack.data.entries[*e].id.as_str())
            })
            .map(|(e, reason)| {
                let entry = &pack.data.entries[*e];
                LeftOut {
                    id: &entry.id,
                    name: entry.name.get(locale),
                    reason: reason.clone(),
                }
            })
            .collect();
        for (e, _, reason) in &self.over_budget {
            let entry = &pack.data.entries[*e];
            if self.used[*e]
                || affordable_ids.contains(&entry.id.as_str())
                || left_out.iter().any(|l| l.id == entry.id)
            {
                continue;
            }
            left_out.push(LeftOut {
                id: &entry.id,
                name: entry.name.get(locale),
                reason: reason.clone(),
            });
        }
        Plan {
            steps,
            first_steps,
            when_affordable,
            left_out,
            addressing,
        }
    }
}

/// Whether `cost` fits a budget (none set: anything fits) beside what is already spent. Free
/// always fits; sums are compared with a little room for rounding.
fn within(budget: Option<f64>, spent: f64, cost: f64) -> bool {
    cost == 0.0 || budget.is_none_or(|b| spent + cost <= b + 1e-9)
}

/// An `f64` with a total order, for sorting costs (which are never NaN: the linker checks).
#[derive(Clone, Copy, PartialEq)]
struct Ordered(f64);

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
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
