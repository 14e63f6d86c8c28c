//! Linking: checking a pack's compiled data and resolving it into the [`Pack`] the engine
//! runs, with every condition parsed and every id resolved to an index.
//!
//! Linking checks everything that does not depend on how the pack was written: ids, conditions,
//! monotonicity, cycles, translations, costs and links. It reports every problem it finds, each
//! with the item and field it belongs to, so that [`crate::packs`] can point at the source line.
//! [`Pack::link`] is a short list of steps, one for each section or concern, each a method of
//! `Linker` that checks and returns what it links; the order of the steps is the order of the
//! messages.

use std::collections::{BTreeMap, BTreeSet};

use super::condition::{self, alternatives, check_monotone, Expr, Truth};
use super::locale::{Locale, Text};
use super::pack::{
    is_month, is_plain_id, set_value, sets_data, CostClass, EntryData, EntryKind, LinkError,
    LinkErrors, Linked, LinkedEntries, LinkedPathways, LinkedQuestions, LinkedRequirements,
    LinkedScores, Location, OptionValue, Pack, PackData, PathwayData, QuestionData, CURRENCIES,
    MAX_ALTERNATIVES,
};
use super::profile::{core_field, core_fields, Field, FieldIx, FieldKind, Value};

impl Pack {
    /// Parses a compiled pack from JSON and links it.
    pub fn from_json(text: &str) -> Result<Pack, LinkErrors> {
        let data: PackData = serde_json::from_str(text).map_err(|e| {
            LinkErrors(vec![LinkError {
                location: None,
                range: None,
                message: format!("not a compiled pack: {e}"),
            }])
        })?;
        Pack::link(data)
    }

    /// Checks and links compiled pack data, reporting every problem found.
    ///
    /// Each step checks one section, or one concern across sections, and returns what it
    /// links; the steps run in this order, which is the order of the messages.
    pub fn link(mut data: PackData) -> Result<Pack, LinkErrors> {
        let mut l = Linker::new(&data);
        l.link_fields();
        l.check_pack();
        let ids = l.link_ids();
        l.check_glossary();
        l.check_dimensions();
        let scores = l.link_scores(&ids);
        let requirements = l.link_requirements();
        let pathways = l.link_pathways(&ids);
        let used = l.check_requirements_used(&pathways);
        let entries = l.link_entries(&ids, &used);
        let sets = l.link_sets(&requirements, &entries);
        l.check_cycles(&entries);
        let questions = l.link_questions();
        l.check_questions_ask_each_field_once();
        let fields = l.finish()?;
        // The data says `sets` as the compact reader reads it back: a set's items in the
        // field's order.
        for (entry, sets) in data.entries.iter_mut().zip(&sets) {
            entry.sets = sets_data(&fields, sets);
        }
        let linked = Linked {
            fields,
            scores,
            requirements,
            pathways,
            entries,
            questions,
        };
        Ok(Pack::new(data, linked))
    }
}

/// The profile fields that select rather than score: a requirement's `applies_when` may only
/// read these (and a programme's own fields), since they never change as an enterprise improves.
fn is_selector(field: &Field) -> bool {
    !field.kind.is_ordered()
}

/// Checks and links one pack's data for [`Pack::link`], one step at a time, gathering every
/// problem rather than stopping at the first.
struct Linker<'a> {
    data: &'a PackData,
    errors: Vec<LinkError>,
    /// The fields conditions may read: the profile's, then the pack's own once
    /// [`Linker::link_fields`] has run.
    fields: Vec<Field>,
}

/// Each section's ids and their indexes, to resolve the references of other sections by.
struct Ids<'a> {
    dimensions: BTreeMap<&'a str, usize>,
    requirements: BTreeMap<&'a str, usize>,
    pathways: BTreeMap<&'a str, usize>,
}

/// What uses the requirements: those some pathway requires, and the ids some entry needs.
struct Used<'a> {
    required: BTreeSet<usize>,
    needed: BTreeSet<&'a str>,
}

impl Used<'_> {
    fn uses(&self, data: &PackData, requirement: usize) -> bool {
        self.required.contains(&requirement)
            || self
                .needed
                .contains(data.requirements[requirement].id.as_str())
    }
}

impl<'a> Linker<'a> {
    fn new(data: &'a PackData) -> Linker<'a> {
        Linker {
            data,
            errors: Vec::new(),
            fields: core_fields().to_vec(),
        }
    }

    /// The problems found, if any; else the fields the linked pack reads.
    fn finish(self) -> Result<Vec<Field>, LinkErrors> {
        if !self.errors.is_empty() {
            return Err(LinkErrors(self.errors));
        }
        Ok(self.fields)
    }

    /// The pack's own fields (`[[field]]`), added to those conditions may read as
    /// `extra.<id>`: unique, plainly named ids and a known type with its values.
    fn link_fields(&mut self) {
        let data = self.data;
        let mut seen = BTreeSet::new();
        for (i, f) in data.fields.iter().enumerate() {
            if !seen.insert(f.id.as_str()) {
                self.at("field", i, "id", format!("duplicate field id '{}'", f.id));
                continue;
            }
            if f.id.is_empty()
                || !f
                    .id
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
            {
                self.at(
                    "field",
                    i,
                    "id",
                    format!(
                        "field id '{}' must use only lowercase letters, digits and '_'",
                        f.id
                    ),
                );
                continue;
            }
            let values = f.values.clone();
            let kind = match f.kind.as_str() {
                "bool" => FieldKind::Bool { ordered: false },
                "number" => FieldKind::Number {
                    min: f64::MIN,
                    ordered: false,
                },
                "integer" => FieldKind::Integer {
                    min: i64::MIN,
                    max: i64::MAX,
                    ordered: false,
                },
                "text" => FieldKind::Text { max_len: 500 },
                "choice" if !values.is_empty() && values.len() <= 64 => FieldKind::Choice {
                    values,
                    ranks: None,
                },
                "choices" if !values.is_empty() && values.len() <= 32 => {
                    FieldKind::Set { items: values }
                }
                "choice" | "choices" => {
                    self.at(
                        "field",
                        i,
                        "values",
                        format!(
                            "a '{}' field needs between 1 and {} values",
                            f.kind,
                            if f.kind == "choice" { 64 } else { 32 }
                        ),
                    );
                    continue;
                }
                other => {
                    self.at(
                        "field",
                        i,
                        "type",
                        format!("unknown type '{other}'; expected one of: bool, number, integer, text, choice, choices"),
                    );
                    continue;
                }
            };
            // A programme's own fields have no order, except that a `choices` set grows by
            // adding items like every set: score rules may test it with `has`, and
            // `applies_when` may not read it.
            self.fields
                .push(Field::extra(format!("extra.{}", f.id), kind));
        }
    }

    /// The pack as a whole: a currency the report format allows, and a name.
    fn check_pack(&mut self) {
        let data = self.data;
        if let Some(c) = &data.currency {
            if !CURRENCIES.contains(&c.as_str()) {
                self.whole(format!(
                    "unknown currency '{c}'; expected one of: {}",
                    CURRENCIES.join(", ")
                ));
            }
        }
        self.check_text(&data.name, "pack", 0, "name");
    }

    /// Every section's ids, each one plain and unique within its section.
    fn link_ids(&mut self) -> Ids<'a> {
        let data = self.data;
        let dimensions = self.ids("dimension", data.dimensions.iter().map(|d| &d.id));
        let requirements = self.ids("requirement", data.requirements.iter().map(|r| &r.id));
        let pathways = self.ids("pathway", data.pathways.iter().map(|p| &p.id));
        self.ids("score", data.scores.iter().map(|s| &s.id));
        self.ids("entry", data.entries.iter().map(|e| &e.id));
        self.ids("question", data.questions.iter().map(|q| &q.id));
        Ids {
            dimensions,
            requirements,
            pathways,
        }
    }

    /// The glossary: unique ids, a term and a meaning in every locale, no term twice, and an
    /// entry for every acronym an owner reads (in a question, an option, a need, a way of
    /// selling, a step, a reason or the glossary itself), found where it is used.
    fn check_glossary(&mut self) {
        let data = self.data;
        self.ids("term", data.terms.iter().map(|t| &t.id));
        for (i, t) in data.terms.iter().enumerate() {
            self.check_text(&t.term, "term", i, "term");
            self.check_text(&t.text, "term", i, "text");
            for locale in Locale::ALL {
                let term = t.term.get(locale);
                if term.trim() != term {
                    self.at(
                        "term",
                        i,
                        "term",
                        format!("the term {term:?} starts or ends with a space"),
                    );
                }
                if data.terms[..i].iter().any(|u| u.term.get(locale) == term) {
                    self.at(
                        "term",
                        i,
                        "term",
                        format!("the term {term:?} has two glossary entries"),
                    );
                }
            }
        }
        for (section, index, field, text) in data.owner_texts() {
            for locale in Locale::ALL {
                let text = text.get(locale);
                for word in super::glossary::acronyms(text) {
                    if !data.terms.iter().any(|t| t.term.get(locale) == word) {
                        self.at(
                            section,
                            index,
                            field,
                            format!(
                                "'{word}' ({}) has no glossary entry: add a [[term]] that says in plain words what it is",
                                locale.code()
                            ),
                        );
                    }
                }
            }
        }
    }

    /// The dimensions: at least one weighs something, and each has a label.
    fn check_dimensions(&mut self) {
        let data = self.data;
        if !data.dimensions.is_empty() && data.dimensions.iter().all(|d| d.weight == 0) {
            self.at(
                "dimension",
                0,
                "weight",
                "every dimension weighs 0; give at least one a weight".into(),
            );
        }
        for (i, d) in data.dimensions.iter().enumerate() {
            self.check_text(&d.label, "dimension", i, "label");
        }
    }

    /// The score rules: a text, a known dimension and a monotone condition each.
    fn link_scores(&mut self, ids: &Ids) -> LinkedScores {
        let data = self.data;
        let mut scores = LinkedScores::default();
        for (i, s) in data.scores.iter().enumerate() {
            self.check_text(&s.text, "score", i, "text");
            let dimension = match ids.dimensions.get(s.dimension.as_str()) {
                Some(&d) => d,
                None => {
                    let (known, id) = (&ids.dimensions, &s.dimension);
                    self.unknown("score", i, "dimension", "dimension", id, known);
                    0
                }
            };
            let when = self.condition(&s.when, "score", i, "when", true);
            scores.dimension.push(dimension);
            scores.when.push(when);
        }
        scores
    }

    /// The requirements: texts, a monotone `met_when` that `next_unlock` can expand, and an
    /// `applies_when` that reads only fields that select.
    fn link_requirements(&mut self) -> LinkedRequirements {
        let data = self.data;
        let mut requirements = LinkedRequirements::default();
        for (i, r) in data.requirements.iter().enumerate() {
            self.check_text(&r.label, "requirement", i, "label");
            self.check_text(&r.missing, "requirement", i, "missing");
            let met = self.condition(&r.met_when, "requirement", i, "met_when", true);
            let alts = alternatives(&met, MAX_ALTERNATIVES).unwrap_or_else(|| {
                self.at(
                    "requirement",
                    i,
                    "met_when",
                    format!("this condition has more than {MAX_ALTERNATIVES} alternatives; split it into simpler requirements"),
                );
                Vec::new()
            });
            requirements.alternatives.push(alts);
            requirements.met.push(met);
            let applies = r.applies_when.as_ref().map(|src| self.applies_when(src, i));
            requirements.applies.push(applies);
        }
        requirements
    }

    /// Requirement `i`'s `applies_when`, which may read only fields that never change as an
    /// enterprise improves.
    fn applies_when(&mut self, src: &str, i: usize) -> Expr {
        let e = self.condition(src, "requirement", i, "applies_when", false);
        for f in e.fields() {
            if !is_selector(&self.fields[f]) {
                self.at(
                    "requirement",
                    i,
                    "applies_when",
                    format!(
                        "'{}' changes as the enterprise improves; applies_when may only read fields such as sector, locality, region, size and goal",
                        self.fields[f].path
                    ),
                );
            }
        }
        e
    }

    /// The pathways: texts, the ladder's rungs before the routes beside it, the requirements
    /// each requires (each once), known goals.
    fn link_pathways(&mut self, ids: &Ids) -> LinkedPathways {
        let data = self.data;
        let goals = self.choice_values("goal");
        let mut pathways = LinkedPathways::default();
        let mut seen_route = false;
        for (i, p) in data.pathways.iter().enumerate() {
            self.check_text(&p.label, "pathway", i, "label");
            self.check_text(&p.summary, "pathway", i, "summary");
            if p.ladder && seen_route {
                self.at(
                    "pathway",
                    i,
                    "ladder",
                    format!(
                        "rung '{}' comes after a route beside the ladder; list the ladder's rungs first, bottom rung first",
                        p.id
                    ),
                );
            }
            seen_route |= !p.ladder;
            let in_use = self.optional_condition(&p.in_use_when, "pathway", i, "in_use_when");
            let requires = self.pathway_requires(p, i, &ids.requirements);
            for g in &p.goals {
                if !goals.contains(g) {
                    self.at(
                        "pathway",
                        i,
                        "goals",
                        format!("unknown goal '{g}'; expected one of: {}", goals.join(", ")),
                    );
                }
            }
            pathways.in_use.push(in_use);
            pathways.requires.push(requires);
        }
        pathways
    }

    /// The requirements pathway `i` requires, each known and listed once.
    fn pathway_requires(
        &mut self,
        p: &PathwayData,
        i: usize,
        known: &BTreeMap<&str, usize>,
    ) -> Vec<usize> {
        let mut list = Vec::new();
        for id in &p.requires {
            match known.get(id.as_str()) {
                Some(&r) if list.contains(&r) => self.at(
                    "pathway",
                    i,
                    "requires",
                    format!("requirement '{id}' is listed twice"),
                ),
                Some(&r) => list.push(r),
                None => self.unknown("pathway", i, "requires", "requirement", id, known),
            }
        }
        list
    }

    /// Every requirement is required by a pathway or needed by an entry; returns which.
    fn check_requirements_used(&mut self, pathways: &LinkedPathways) -> Used<'a> {
        let data = self.data;
        let used = Used {
            required: pathways.requires.iter().flatten().copied().collect(),
            needed: data
                .entries
                .iter()
                .flat_map(|e| e.needs.iter().map(String::as_str))
                .collect(),
        };
        for (i, r) in data.requirements.iter().enumerate() {
            if !used.uses(data, i) {
                self.at(
                    "requirement",
                    i,
                    "id",
                    format!(
                        "requirement '{}' is neither required by a pathway nor needed by an entry, so nothing uses it",
                        r.id
                    ),
                );
            }
        }
        used
    }

    /// The catalog: each entry's facts ([`Linker::check_entry`]), the requirements it
    /// addresses and needs and the pathways it opens (something must use what it
    /// addresses), who it is for, when it fits, and where.
    fn link_entries(&mut self, ids: &Ids, used: &Used) -> LinkedEntries {
        let data = self.data;
        let localities = self.choice_values("locality");
        let mut entries = LinkedEntries::default();
        for (i, e) in data.entries.iter().enumerate() {
            self.check_entry(e, i);
            let requirements = &ids.requirements;
            let addresses = self.resolve(&e.addresses, i, "addresses", "requirement", requirements);
            let needs = self.resolve(&e.needs, i, "needs", "requirement", requirements);
            let opens = self.resolve(&e.opens, i, "opens", "pathway", &ids.pathways);
            self.check_entry_used(e, i, &addresses, used);
            self.check_eligibility(e, i);
            let eligible = self.optional_condition(&e.eligible_when, "entry", i, "eligible_when");
            self.check_needs_not_addressed(e, i, &addresses, &needs);
            let when = self.optional_condition(&e.when, "entry", i, "when");
            let mask = e
                .localities
                .as_ref()
                .map(|list| self.locality_mask(list, i, &localities));
            self.check_regions(e, i);
            entries.addresses.push(addresses);
            entries.opens.push(opens);
            entries.needs.push(needs);
            entries.when.push(when);
            entries.eligible.push(eligible);
            entries.localities.push(mask);
        }
        entries
    }

    /// Each entry's `sets`: profile fields (not a programme's own), each value of its field's
    /// kind, and answers that meet at least one requirement the entry addresses.
    ///
    /// The last check is sound with three-valued conditions: each addressed requirement's
    /// `met_when` is evaluated with only the answers `sets` gives known and every other field
    /// unknown. Strong Kleene logic gives true there only if every way of answering the unknown
    /// fields gives true. Applying `sets` to a profile adds set items and never lowers an
    /// ordered answer, and `met_when` is monotone (linking checks it), so what is true of the
    /// answers `sets` gives stays true of any profile they are applied to.
    fn link_sets(
        &mut self,
        requirements: &LinkedRequirements,
        entries: &LinkedEntries,
    ) -> Vec<Vec<(FieldIx, Value)>> {
        let data = self.data;
        let mut linked = Vec::with_capacity(data.entries.len());
        for (i, e) in data.entries.iter().enumerate() {
            let mut sets: Vec<(FieldIx, Value)> = Vec::new();
            for (n, (path, value)) in e.sets.iter().enumerate() {
                if e.sets[..n].iter().any(|(p, _)| p == path) {
                    self.at("entry", i, "sets", format!("'{path}' is given twice"));
                    continue;
                }
                let Some(f) = core_field(path) else {
                    self.at(
                        "entry",
                        i,
                        "sets",
                        format!(
                            "unknown profile field '{path}' in sets; expected a field of the profile such as presence.channels or formalisation.tax_id"
                        ),
                    );
                    continue;
                };
                match set_value(&self.fields[f].kind, value) {
                    Ok(v) => sets.push((f, v)),
                    Err(why) => self.at("entry", i, "sets", format!("'{path}': {why}")),
                }
            }
            sets.sort_by_key(|(f, _)| *f);
            if !e.sets.is_empty() && sets.len() == e.sets.len() {
                let mut answers: Vec<Option<Value>> = vec![None; self.fields.len()];
                for (f, v) in &sets {
                    answers[*f] = Some(v.clone());
                }
                let addresses = &entries.addresses[i];
                let meets = addresses
                    .iter()
                    .any(|&r| requirements.met[r].eval(&answers) == Truth::True);
                if !meets {
                    let ids: Vec<&str> = addresses
                        .iter()
                        .map(|&r| data.requirements[r].id.as_str())
                        .collect();
                    let message = if ids.is_empty() {
                        format!(
                            "'{}' addresses no requirement, so the answers in sets would meet nothing; leave sets out",
                            e.id
                        )
                    } else {
                        format!(
                            "the answers in sets do not surely meet any requirement '{}' addresses ({}); set answers that meet at least one, whatever the other answers are, or leave sets out",
                            e.id,
                            ids.join(", ")
                        )
                    };
                    self.at("entry", i, "sets", message);
                }
            }
            linked.push(sets);
        }
        linked
    }

    /// Entry `i` addresses a requirement or opens a pathway, and something uses what it
    /// addresses.
    fn check_entry_used(&mut self, e: &EntryData, i: usize, addresses: &[usize], used: &Used) {
        if e.addresses.is_empty() && e.opens.is_empty() {
            self.at(
                "entry",
                i,
                "addresses",
                "an entry must address at least one requirement or open a pathway".into(),
            );
        } else if e.opens.is_empty()
            && !addresses.is_empty()
            && !addresses.iter().any(|&r| used.uses(self.data, r))
        {
            self.at(
                "entry",
                i,
                "addresses",
                format!(
                    "unreachable entry '{}': no pathway requires and no entry needs what it addresses",
                    e.id
                ),
            );
        }
    }

    /// Entry `i` says in words who it is for whenever a condition says it.
    fn check_eligibility(&mut self, e: &EntryData, i: usize) {
        if let Some(text) = &e.eligibility {
            self.check_text(text, "entry", i, "eligibility");
        } else if e.eligible_when.is_some() {
            self.at(
                "entry",
                i,
                "eligibility",
                format!(
                    "'{}' has eligible_when but no eligibility: say who it is for in plain words, shown while the answer is unknown",
                    e.id
                ),
            );
        }
    }

    /// Entry `i` needs nothing it addresses itself.
    fn check_needs_not_addressed(
        &mut self,
        e: &EntryData,
        i: usize,
        addresses: &[usize],
        needs: &[usize],
    ) {
        for n in needs {
            if addresses.contains(n) {
                self.at(
                    "entry",
                    i,
                    "needs",
                    format!(
                        "'{}' needs '{}', which it addresses itself",
                        e.id, self.data.requirements[*n].id
                    ),
                );
            }
        }
    }

    /// Entry `i`'s facts: texts, costs (with the pack's currency when priced), an official
    /// page unless it is an action, the month its facts were checked and their source.
    fn check_entry(&mut self, e: &EntryData, i: usize) {
        self.check_text(&e.name, "entry", i, "name");
        self.check_text(&e.summary, "entry", i, "summary");
        if let Some(note) = &e.cost_note {
            self.check_text(note, "entry", i, "cost_note");
        }
        for (value, field) in [
            (e.setup, "setup"),
            (e.monthly, "monthly"),
            (e.commission_pct, "commission_pct"),
        ] {
            if !value.is_finite() || value < 0.0 {
                self.at("entry", i, field, format!("{field} must be 0 or more"));
            }
        }
        if e.commission_pct > 100.0 {
            self.at(
                "entry",
                i,
                "commission_pct",
                "a commission is a per cent from 0 to 100".into(),
            );
        }
        if e.cost_class() == CostClass::Priced && self.data.currency.is_none() {
            self.at(
                "entry",
                i,
                "setup",
                format!(
                    "cost without currency: '{}' has a cost but the pack sets no currency",
                    e.id
                ),
            );
        }
        match &e.url {
            Some(url) => {
                if let Err(why) = super::links::check_link(url) {
                    self.at("entry", i, "url", format!("{why}; found '{url}'"));
                }
            }
            None if e.kind != EntryKind::Action => self.at(
                "entry",
                i,
                "url",
                format!(
                    "a {} needs the https address of its official page",
                    e.kind.code()
                ),
            ),
            _ => {}
        }
        if !is_month(&e.checked) {
            self.at(
                "entry",
                i,
                "checked",
                format!(
                    "'{}' is not a month; write the month the facts were checked as YYYY-MM",
                    e.checked
                ),
            );
        }
        if e.source.trim().is_empty() {
            self.at("entry", i, "source", "say where the facts come from".into());
        }
    }

    /// Entry `i`'s localities as a mask of bits, one for each of `localities`.
    fn locality_mask(&mut self, list: &[String], i: usize, localities: &[String]) -> u64 {
        let mut mask = 0u64;
        for loc in list {
            match localities.iter().position(|x| x == loc) {
                Some(j) => mask |= 1 << j,
                None => self.at(
                    "entry",
                    i,
                    "localities",
                    format!(
                        "unknown locality '{loc}'; expected one of: {}",
                        localities.join(", ")
                    ),
                ),
            }
        }
        mask
    }

    /// Entry `i`'s regions, each an ISO 3166-2 code.
    fn check_regions(&mut self, e: &EntryData, i: usize) {
        for r in e.regions.iter().flatten() {
            if !super::profile::is_region(r) {
                self.at(
                    "entry",
                    i,
                    "regions",
                    format!("'{r}' is not an ISO 3166-2 code such as MX-GUA"),
                );
            }
        }
    }

    /// Rejects a requirement that, through the needs of the entries that supply it, ends up
    /// needing itself: the roadmap could never order such steps.
    fn check_cycles(&mut self, entries: &LinkedEntries) {
        let data = self.data;
        let (addresses, needs) = (&entries.addresses, &entries.needs);
        let n = data.requirements.len();
        // edge r -> m: some entry that addresses r needs m; remember that entry.
        let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        for (e, list) in addresses.iter().enumerate() {
            for &r in list {
                for &m in &needs[e] {
                    if m != r {
                        edges[r].push((m, e));
                    }
                }
            }
        }
        // Iterative three-colour depth-first search; report each cycle once, at the entry
        // that closes it.
        let mut colour = vec![0u8; n];
        let mut reported = BTreeSet::new();
        for start in 0..n {
            if colour[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            let mut path = vec![start];
            colour[start] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if *next < edges[node].len() {
                    let (m, entry) = edges[node][*next];
                    *next += 1;
                    match colour[m] {
                        0 => {
                            colour[m] = 1;
                            stack.push((m, 0));
                            path.push(m);
                        }
                        1 if reported.insert(entry) => {
                            let from = path.iter().position(|&x| x == m).unwrap_or(0);
                            let mut names: Vec<&str> = path[from..]
                                .iter()
                                .map(|&x| data.requirements[x].id.as_str())
                                .collect();
                            names.push(&data.requirements[m].id);
                            self.at(
                                "entry",
                                entry,
                                "needs",
                                format!(
                                    "cycle in prerequisites: {} (through '{}')",
                                    names.join(" -> "),
                                    data.entries[entry].id
                                ),
                            );
                        }
                        _ => {}
                    }
                } else {
                    colour[node] = 2;
                    stack.pop();
                    path.pop();
                }
            }
        }
    }

    /// The questions: texts, a known group, a known field with options that fit it, one way
    /// of not answering, and a condition for showing.
    fn link_questions(&mut self) -> LinkedQuestions {
        let data = self.data;
        let dimension_ids: Vec<&str> = data.dimensions.iter().map(|d| d.id.as_str()).collect();
        let mut questions = LinkedQuestions::default();
        for (i, q) in data.questions.iter().enumerate() {
            self.check_text(&q.text, "question", i, "text");
            if let Some(h) = &q.help {
                self.check_text(h, "question", i, "help");
            }
            if q.group != "business" && !dimension_ids.contains(&q.group.as_str()) {
                self.at(
                    "question",
                    i,
                    "group",
                    format!(
                        "unknown group '{}'; expected 'business' or a dimension: {}",
                        q.group,
                        dimension_ids.join(", ")
                    ),
                );
            }
            let field = self.fields.iter().position(|f| f.path == q.field);
            match field {
                Some(f) => {
                    // A copy of the one field, as checking reports through `self`.
                    let field = self.fields[f].clone();
                    self.check_options(q, i, &field);
                }
                None => self.at(
                    "question",
                    i,
                    "field",
                    format!(
                        "unknown field '{}'; expected a profile field such as connectivity.internet, or extra.<id> of a [[field]]",
                        q.field
                    ),
                ),
            }
            if q.dont_know && q.prefer_not {
                self.at(
                    "question",
                    i,
                    "prefer_not",
                    "a question offers either \"No sé\" (dont_know) or \"Prefiero no decir\" (prefer_not), not both".into(),
                );
            }
            questions.field.push(field.unwrap_or(0));
            let show = self.optional_condition(&q.show_when, "question", i, "show_when");
            questions.show.push(show);
        }
        questions
    }

    /// Question `i`'s options (or range) for `field`: present where the field needs them,
    /// each a value the field takes, none offered twice.
    fn check_options(&mut self, q: &QuestionData, i: usize, field: &Field) {
        let has_range = q.min.is_some() || q.max.is_some();
        match (&field.kind, q.options.is_empty()) {
            (FieldKind::Number { .. } | FieldKind::Integer { .. }, true) if has_range => {}
            (FieldKind::Text { .. }, true) => {}
            (_, true) => self.at(
                "question",
                i,
                "options",
                format!(
                    "a question on '{}' needs options{}",
                    field.path,
                    if matches!(
                        field.kind,
                        FieldKind::Number { .. } | FieldKind::Integer { .. }
                    ) {
                        ", or min and max"
                    } else {
                        ""
                    }
                ),
            ),
            _ => {}
        }
        let mut seen = Vec::new();
        for o in &q.options {
            self.check_text(&o.label, "question", i, "options");
            let json = match &o.value {
                OptionValue::Bool(b) => serde_json::Value::Bool(*b),
                OptionValue::Int(n) => serde_json::Value::from(*n),
                OptionValue::Num(n) => super::profile::number_json(*n),
                OptionValue::Text(s) => serde_json::Value::String(s.clone()),
            };
            // A set question offers the set's items one by one.
            let check = match &field.kind {
                FieldKind::Set { .. } => super::profile::decode_value(
                    &field.kind,
                    &serde_json::Value::Array(vec![json.clone()]),
                ),
                kind => super::profile::decode_value(kind, &json),
            };
            if let Err(message) = check {
                self.at(
                    "question",
                    i,
                    "options",
                    format!("option {json} does not fit '{}': {message}", field.path),
                );
            }
            if seen.contains(&json) {
                self.at(
                    "question",
                    i,
                    "options",
                    format!("option {json} is offered twice"),
                );
            }
            seen.push(json);
        }
    }

    /// No two questions fill the same field.
    fn check_questions_ask_each_field_once(&mut self) {
        let data = self.data;
        let mut asked = BTreeMap::new();
        for (i, q) in data.questions.iter().enumerate() {
            if let Some(prev) = asked.insert(q.field.as_str(), i) {
                self.at(
                    "question",
                    i,
                    "field",
                    format!(
                        "field '{}' is already asked by question '{}'",
                        q.field, data.questions[prev].id
                    ),
                );
            }
        }
    }

    // What the steps share: reporting a problem, ids, texts, conditions, references.

    /// Reports a problem with the pack as a whole.
    fn whole(&mut self, message: String) {
        self.errors.push(LinkError {
            location: None,
            range: None,
            message,
        });
    }

    /// Reports a problem with one field of one item.
    fn at(&mut self, section: &'static str, index: usize, field: &'static str, message: String) {
        self.at_range(section, index, field, None, message);
    }

    /// [`Linker::at`], pointing at a byte range of the field's text (a condition's fault).
    fn at_range(
        &mut self,
        section: &'static str,
        index: usize,
        field: &'static str,
        range: Option<(usize, usize)>,
        message: String,
    ) {
        self.errors.push(LinkError {
            location: Some(Location {
                section,
                index,
                field,
            }),
            range,
            message,
        });
    }

    /// Reports a reference to an unknown id, listing the known ones in their order.
    fn unknown(
        &mut self,
        section: &'static str,
        index: usize,
        field: &'static str,
        what: &str,
        id: &str,
        known: &BTreeMap<&str, usize>,
    ) {
        let mut list: Vec<(&str, usize)> = known.iter().map(|(k, v)| (*k, *v)).collect();
        list.sort_by_key(|(_, v)| *v);
        let names: Vec<&str> = list.into_iter().map(|(k, _)| k).collect();
        self.at(
            section,
            index,
            field,
            format!(
                "unknown {what} '{id}'; expected one of: {}",
                names.join(", ")
            ),
        );
    }

    /// Maps ids to indexes, reporting duplicates.
    fn ids(
        &mut self,
        section: &'static str,
        ids: impl Iterator<Item = &'a String>,
    ) -> BTreeMap<&'a str, usize> {
        let mut map = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.at(section, i, "id", format!("empty {section} id"));
            } else if !is_plain_id(id) {
                self.at(
                    section,
                    i,
                    "id",
                    format!("{section} id {id:?} may not hold quotes, backslashes or control characters"),
                );
            } else if let Some(prev) = map.insert(id.as_str(), i) {
                self.at(
                    section,
                    i,
                    "id",
                    format!("duplicate {section} id '{id}' (first at {section}[{prev}])"),
                );
                map.insert(id.as_str(), prev);
            }
        }
        map
    }

    /// Reports each locale in which `text` is empty.
    fn check_text(
        &mut self,
        text: &Text,
        section: &'static str,
        index: usize,
        field: &'static str,
    ) {
        for locale in Locale::ALL {
            if text.get(locale).trim().is_empty() {
                self.at(
                    section,
                    index,
                    field,
                    format!(
                        "missing translation: the '{}' text of '{field}' is empty",
                        locale.code()
                    ),
                );
            }
        }
    }

    /// A condition parsed against the fields (and checked monotone if asked); a condition
    /// that does not parse reports why and reads as false.
    fn condition(
        &mut self,
        src: &str,
        section: &'static str,
        index: usize,
        field: &'static str,
        monotone: bool,
    ) -> Expr {
        match condition::parse(src, &self.fields) {
            Ok(e) => {
                if monotone {
                    if let Err(err) = check_monotone(&e, &self.fields) {
                        let range = Some((err.start, err.end));
                        self.at_range(section, index, field, range, err.message);
                    }
                }
                e
            }
            Err(err) => {
                let range = Some((err.start, err.end));
                self.at_range(section, index, field, range, err.message);
                Expr::Const(false)
            }
        }
    }

    /// An optional condition that need not be monotone, parsed.
    fn optional_condition(
        &mut self,
        src: &Option<String>,
        section: &'static str,
        index: usize,
        field: &'static str,
    ) -> Option<Expr> {
        src.as_ref()
            .map(|src| self.condition(src, section, index, field, false))
    }

    /// Entry `i`'s references in `field` resolved to indexes among `known`, the ids of `what`.
    fn resolve(
        &mut self,
        list: &[String],
        i: usize,
        field: &'static str,
        what: &str,
        known: &BTreeMap<&str, usize>,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        for id in list {
            match known.get(id.as_str()) {
                Some(&x) => out.push(x),
                None => self.unknown("entry", i, field, what, id, known),
            }
        }
        out
    }

    /// The values of the choice field at `path`, a profile field.
    fn choice_values(&self, path: &str) -> Vec<String> {
        match &self.fields[super::profile::core_field(path).expect("a core field")].kind {
            FieldKind::Choice { values, .. } => values.clone(),
            _ => Vec::new(),
        }
    }
}
