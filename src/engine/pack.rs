//! Rule packs as the engine sees them: the compiled data form (what `umbral compile` writes as
//! `<id>.json`, and the planner page fetches) and the linked form the engine runs, with every
//! condition parsed and every id resolved to an index. The app and the workspace read the
//! linked form from its compact text instead (`super::compact`).
//!
//! A `Pack` is made in one place, `Pack::new`, from the data and its linked parts ([`Pack::link`]
//! finds them by checking the data, in `super::link`; the compact reader reads them back).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::condition::{Expr, Literal};
use super::locale::{Locale, Text};
use super::profile::{Field, FieldIx, FieldKind, Profile, Value};

/// The kind of a catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Tool,
    Action,
    Programme,
}

impl EntryKind {
    /// The kind as the formats write it.
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Tool => "tool",
            EntryKind::Action => "action",
            EntryKind::Programme => "programme",
        }
    }
}

/// A compiled pack: every layer merged, nothing linked yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackData {
    pub id: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub name: Text,
    /// The packs this one is built from, root first, ending with this pack's own id.
    pub layers: Vec<String>,
    #[serde(default)]
    pub dimensions: Vec<DimensionData>,
    #[serde(default)]
    pub scores: Vec<ScoreData>,
    #[serde(default)]
    pub requirements: Vec<RequirementData>,
    #[serde(default)]
    pub pathways: Vec<PathwayData>,
    #[serde(default)]
    pub entries: Vec<EntryData>,
    #[serde(default)]
    pub questions: Vec<QuestionData>,
    #[serde(default)]
    pub fields: Vec<FieldData>,
    /// The glossary: a plain "¿Qué es?" for each acronym and term the pack's texts use.
    #[serde(default)]
    pub terms: Vec<TermData>,
}

/// A glossary entry: a term as the texts write it in each locale ("IVA", "VAT") and what it
/// means in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermData {
    pub id: String,
    pub term: Text,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionData {
    pub id: String,
    pub label: Text,
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreData {
    pub id: String,
    pub dimension: String,
    pub when: String,
    pub points: u32,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementData {
    pub id: String,
    pub label: Text,
    pub missing: Text,
    pub met_when: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<String>,
    /// A formality (tax registration, permits) that the plan starts beside the next rung
    /// rather than in front of it: it is worked on in parallel while the business sells as
    /// the law allows, and it gates only the rungs that list it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub parallel: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathwayData {
    pub id: String,
    pub label: Text,
    pub summary: Text,
    /// On the ladder (the default), the inputs this rung needs beyond the rungs below it: a
    /// rung is reached when they are met and every rung below is reached. Beside the ladder
    /// (`ladder = false`), everything the route needs.
    pub requires: Vec<String>,
    #[serde(default)]
    pub goals: Vec<String>,
    /// Whether the pathway is a rung of the ladder; `false` for a route beside it, such as
    /// selling through others, which does not rest on the rungs below.
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub ladder: bool,
    /// When the business already sells this way (its channels say so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_use_when: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryData {
    pub id: String,
    pub kind: EntryKind,
    pub name: Text,
    pub summary: Text,
    /// Requirements it helps meet.
    #[serde(default)]
    pub addresses: Vec<String>,
    /// Pathways it starts: the step of actually selling that way (opening a seller account,
    /// a store, an agreement with whoever sells for the business), taken once the pathway's
    /// inputs are there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opens: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    /// The answers a step with this entry changes once it is done and the consultant confirms
    /// it (the workspace's `confirm_step`): profile field path to value. A set's items are
    /// added, a choice or a number with an order is raised (never lowered), anything else is
    /// set. Linking checks that these answers meet at least one requirement the entry
    /// addresses, whatever the other answers are, and puts them in the order of their paths
    /// (as a JSON object reads back). A table in the formats; a list here, which costs the
    /// browser app no map code.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "sets_table")]
    pub sets: Vec<(String, SetValue)>,
    /// When the entry can be used at all (what the answers rule out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Who a programme is for, as a condition on the answers: when it is false the entry is
    /// left out; while it is unknown (the owner preferred not to say) the entry is offered
    /// with its `eligibility` text as a condition, and never first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_when: Option<String>,
    /// Who the entry is for, in plain words ("si el negocio es de una mujer…"); shown with the
    /// entry. Without `eligible_when` the app cannot check it, so the entry is conditional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localities: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
    #[serde(default)]
    pub setup: f64,
    #[serde(default)]
    pub monthly: f64,
    #[serde(default)]
    pub commission_pct: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_note: Option<Text>,
    #[serde(default)]
    pub approximate: bool,
    /// Paid each time it is used (per parcel, per sale) at a rate `cost_note` explains, with no
    /// fixed cost: never shown as free, and within any budget.
    #[serde(default, skip_serializing_if = "is_false")]
    pub per_use: bool,
    /// Among entries that cost the same, higher comes first: a programme pack raises its own
    /// offers above the country pack's.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub priority: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub checked: String,
    pub source: String,
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

/// What is known about what an entry costs, cheapest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CostClass {
    /// Confirmed to cost nothing.
    Free,
    /// No fixed cost; paid per use or per sale (a commission, a parcel).
    PerUse,
    /// Has a one-off or monthly price (which may be approximate).
    Priced,
    /// Every figure is zero but none is confirmed: the price is unknown, so never call it free.
    Unknown,
}

impl EntryData {
    /// What the entry costs over its first year: setup and twelve months.
    pub fn first_year(&self) -> f64 {
        self.setup + 12.0 * self.monthly
    }

    /// Whether the entry is known to cost nothing, costs per use, has a price, or has an
    /// unknown price.
    pub fn cost_class(&self) -> CostClass {
        if self.setup > 0.0 || self.monthly > 0.0 {
            return CostClass::Priced;
        }
        if self.commission_pct > 0.0 || self.per_use {
            return CostClass::PerUse;
        }
        if self.approximate {
            CostClass::Unknown
        } else {
            CostClass::Free
        }
    }

    /// Whether using the entry may cost money (anything but confirmed free).
    pub fn is_paid(&self) -> bool {
        self.cost_class() != CostClass::Free
    }
}

/// An answer an entry's `sets` gives: yes or no, a whole number, a choice value, or the items
/// to add to a set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SetValue {
    Bool(bool),
    Int(i64),
    Text(String),
    Items(Vec<String>),
}

/// An entry's `sets` as the formats write it: a table from field path to value, read in the
/// order written (a path given twice is kept twice, for linking to refuse).
mod sets_table {
    use std::fmt;

    use serde::de::{MapAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use super::SetValue;

    pub fn serialize<S: Serializer>(sets: &[(String, SetValue)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(sets.iter().map(|(path, value)| (path, value)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(String, SetValue)>, D::Error> {
        struct Table;
        impl<'de> Visitor<'de> for Table {
            type Value = Vec<(String, SetValue)>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of profile field paths and the answers they get")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut sets = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    sets.push(entry);
                }
                Ok(sets)
            }
        }
        d.deserialize_map(Table)
    }
}

/// An entry's linked `sets` as data again: each field's path and its value as the pack format
/// writes it (a set's items in the field's order), by path. Linking writes the data back this
/// way, and the compact form keeps it so, which keeps the two equal.
pub(crate) fn sets_data(fields: &[Field], sets: &[(FieldIx, Value)]) -> Vec<(String, SetValue)> {
    let mut data: Vec<(String, SetValue)> = sets
        .iter()
        .map(|(f, value)| {
            let field = &fields[*f];
            let value = match (&field.kind, value) {
                (FieldKind::Choice { values, .. }, Value::Choice(i)) => {
                    SetValue::Text(values[*i as usize].clone())
                }
                (FieldKind::Set { items }, Value::Set(bits)) => SetValue::Items(
                    items
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| bits & (1 << i) != 0)
                        .map(|(_, s)| s.clone())
                        .collect(),
                ),
                (_, Value::Bool(b)) => SetValue::Bool(*b),
                (_, Value::Num(n)) => SetValue::Int(*n as i64),
                (_, Value::Int(n)) => SetValue::Int(*n),
                // Linking gives no other pair.
                (_, _) => SetValue::Text(String::new()),
            };
            (field.path.clone(), value)
        })
        .collect();
    data.sort_by(|a, b| a.0.cmp(&b.0));
    data
}

/// A value of `sets` for a field of `kind`, or why it does not fit.
pub(crate) fn set_value(kind: &FieldKind, value: &SetValue) -> Result<Value, String> {
    let expected = |what: &str| {
        Err(format!(
            "expected {what} ({}), found {}",
            kind.describe(),
            match value {
                SetValue::Bool(b) => b.to_string(),
                SetValue::Int(n) => n.to_string(),
                SetValue::Text(s) => format!("'{s}'"),
                SetValue::Items(_) => "a list".to_string(),
            }
        ))
    };
    match (kind, value) {
        (FieldKind::Bool { .. }, SetValue::Bool(b)) => Ok(Value::Bool(*b)),
        (FieldKind::Bool { .. }, _) => expected("true or false"),
        (FieldKind::Integer { min, max, .. }, SetValue::Int(n)) if n >= min && n <= max => {
            Ok(Value::Int(*n))
        }
        (FieldKind::Integer { min, max, .. }, _) => {
            expected(&format!("a whole number from {min} to {max}"))
        }
        (FieldKind::Number { min, .. }, SetValue::Int(n)) if *n as f64 >= *min => {
            Ok(Value::Num(*n as f64))
        }
        (FieldKind::Number { .. }, _) => expected("a whole number, 0 or more"),
        (FieldKind::Choice { values, .. }, SetValue::Text(s)) => {
            match values.iter().position(|v| v == s) {
                Some(i) => Ok(Value::Choice(i as u8)),
                None => Err(format!(
                    "unknown value '{s}'; expected one of: {}",
                    values.join(", ")
                )),
            }
        }
        (FieldKind::Choice { values, .. }, _) => {
            expected(&format!("one of: {}", values.join(", ")))
        }
        (FieldKind::Set { items }, SetValue::Items(list)) if !list.is_empty() => {
            let mut bits = 0u32;
            for item in list {
                match items.iter().position(|x| x == item) {
                    Some(i) if bits & (1 << i) != 0 => {
                        return Err(format!("'{item}' is listed twice"))
                    }
                    Some(i) => bits |= 1 << i,
                    None => {
                        return Err(format!(
                            "unknown item '{item}'; expected some of: {}",
                            items.join(", ")
                        ))
                    }
                }
            }
            Ok(Value::Set(bits))
        }
        (FieldKind::Set { items }, _) => {
            expected(&format!("a list of some of: {}", items.join(", ")))
        }
        (FieldKind::Text { .. }, _) => Err(
            "a text answer cannot be set by a step; sets gives yes/no, number, choice and set answers"
                .to_string(),
        ),
    }
}

/// A value an option sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OptionValue {
    Bool(bool),
    Int(i64),
    Num(f64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionData {
    pub value: OptionValue,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionData {
    pub id: String,
    pub field: String,
    pub group: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_when: Option<String>,
    #[serde(default)]
    pub dont_know: bool,
    /// Offer "Prefiero no decir" (for questions about the owner): like "No sé", it leaves the
    /// field unanswered.
    #[serde(default, skip_serializing_if = "is_false")]
    pub prefer_not: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Whether an id holds nothing JSON escapes (a quote, a backslash, a control character). The
/// linker and the compact reader refuse any other, so reports write ids as they are.
pub(crate) fn is_plain_id(id: &str) -> bool {
    !id.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\')
}

/// A field that a programme pack adds; answers live at `extra.<id>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldData {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// Where in the compiled data a problem is: a list, an item index and a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub section: &'static str,
    pub index: usize,
    pub field: &'static str,
}

/// One problem found while linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    /// `None` for problems with the pack as a whole.
    pub location: Option<Location>,
    /// A byte range inside the field's text (for conditions).
    pub range: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(l) => write!(
                f,
                "{} (in {}[{}].{})",
                self.message, l.section, l.index, l.field
            ),
            None => f.write_str(&self.message),
        }
    }
}

/// Every problem found while linking one pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkErrors(pub Vec<LinkError>);

impl fmt::Display for LinkErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LinkErrors {}

/// The currencies the report format allows.
pub const CURRENCIES: &[&str] = &["MXN", "CLP", "BOB"];

/// Where the fields the engine reads by name sit in the field list, looked up once.
#[derive(Debug, Clone)]
pub(crate) struct FieldIndexes {
    pub locality: FieldIx,
    pub region: FieldIx,
    pub goal: FieldIx,
    pub budget: FieldIx,
    pub once_budget: FieldIx,
}

impl FieldIndexes {
    pub(crate) fn new() -> FieldIndexes {
        let ix = |path| super::profile::core_field(path).expect("a core field");
        FieldIndexes {
            locality: ix("locality"),
            region: ix("region"),
            goal: ix("goal"),
            budget: ix("payments.monthly_budget"),
            once_budget: ix("payments.one_off_budget"),
        }
    }
}

/// A linked pack, ready for [`crate::engine::assess`]: made by [`Pack::link`] from checked
/// data or by [`Pack::from_compact`], both through one constructor (`Pack::new`).
#[derive(Debug, Clone)]
pub struct Pack {
    pub data: PackData,
    pub(crate) fields: Vec<Field>,
    pub(crate) ix: FieldIndexes,
    pub(crate) score_when: Vec<Expr>,
    pub(crate) score_dimension: Vec<usize>,
    pub(crate) score_fields: Vec<Vec<FieldIx>>,
    pub(crate) requirement_met: Vec<Expr>,
    pub(crate) requirement_fields: Vec<Vec<FieldIx>>,
    pub(crate) requirement_applies: Vec<Option<Expr>>,
    pub(crate) requirement_alternatives: Vec<Vec<Vec<Literal>>>,
    pub(crate) pathway_requires: Vec<Vec<usize>>,
    pub(crate) pathway_in_use: Vec<Option<Expr>>,
    pub(crate) entry_addresses: Vec<Vec<usize>>,
    pub(crate) entry_opens: Vec<Vec<usize>>,
    pub(crate) entry_needs: Vec<Vec<usize>>,
    pub(crate) entry_when: Vec<Option<Expr>>,
    pub(crate) entry_eligible: Vec<Option<Expr>>,
    pub(crate) entry_localities: Vec<Option<u64>>,
    pub(crate) question_field: Vec<FieldIx>,
    pub(crate) question_show: Vec<Option<Expr>>,
    /// What follows from the parts above (see [`Derived`]).
    pub(crate) derived: Derived,
    /// The languages beyond Spanish and English that the pack's reviewed translation files
    /// add, each its code then its name in itself (`qu`, `Runasimi`, …): what a language
    /// switch can offer. Set by `umbral compile`; empty for a pack just linked.
    pub languages: Vec<String>,
    /// In a pack compiled in one of those languages (`packs/<id>.<code>.txt`), the words the
    /// app says with it in that language, one table after another in the order the app reads
    /// them (`app::words::install`), Spanish where the translation has none yet. Empty
    /// otherwise.
    pub words: Vec<String>,
}

/// What linking adds to a pack's data, section by section: the pack's own fields, every
/// condition parsed, every id resolved to an index, one item for each item of the section.
/// [`Pack::link`] finds it by checking the data; the compact reader reads it back as
/// [`Pack::to_compact`] wrote it. [`Pack::new`] makes a `Pack` of it.
#[derive(Debug)]
pub(crate) struct Linked {
    /// The profile's fields, then the pack's own under `extra.`.
    pub fields: Vec<Field>,
    pub scores: LinkedScores,
    pub requirements: LinkedRequirements,
    pub pathways: LinkedPathways,
    pub entries: LinkedEntries,
    pub questions: LinkedQuestions,
}

/// Each score rule linked: its condition and its dimension.
#[derive(Debug, Default)]
pub(crate) struct LinkedScores {
    pub when: Vec<Expr>,
    pub dimension: Vec<usize>,
}

/// Each requirement linked: when it is met, when it applies, and the ways to meet it.
#[derive(Debug, Default)]
pub(crate) struct LinkedRequirements {
    pub met: Vec<Expr>,
    pub applies: Vec<Option<Expr>>,
    /// `met` as alternatives for `next_unlock`. They follow from `met`, but each reader
    /// refuses a requirement with more than [`MAX_ALTERNATIVES`] its own way (linking says
    /// which, the compact reader stops), so each computes them.
    pub alternatives: Vec<Vec<Vec<Literal>>>,
}

/// Each pathway linked: the requirements it requires, and when it is already in use.
#[derive(Debug, Default)]
pub(crate) struct LinkedPathways {
    pub requires: Vec<Vec<usize>>,
    pub in_use: Vec<Option<Expr>>,
}

/// Each catalog entry linked: the requirements it addresses and needs, the pathways it
/// opens, its conditions, and the localities it serves as a mask.
#[derive(Debug, Default)]
pub(crate) struct LinkedEntries {
    pub addresses: Vec<Vec<usize>>,
    pub opens: Vec<Vec<usize>>,
    pub needs: Vec<Vec<usize>>,
    pub when: Vec<Option<Expr>>,
    pub eligible: Vec<Option<Expr>>,
    pub localities: Vec<Option<u64>>,
}

/// Each question linked: the field it fills and when it is shown.
#[derive(Debug, Default)]
pub(crate) struct LinkedQuestions {
    pub field: Vec<FieldIx>,
    pub show: Vec<Option<Expr>>,
}

/// The parts of a linked pack that follow from the others, computed once by [`Pack::new`].
#[derive(Debug, Clone)]
pub(crate) struct Derived {
    /// For each requirement, the entries that address it, cheapest first.
    pub candidates: Vec<Vec<usize>>,
    /// For each pathway, the entries that open it, cheapest first.
    pub openers: Vec<Vec<usize>>,
    /// The ladder's pathways, bottom rung first.
    pub ladder: Vec<usize>,
    /// For each requirement, the pathway it belongs to: the lowest rung that requires it, or
    /// else the first route beside the ladder that does.
    pub requirement_pathway: Vec<Option<usize>>,
}

impl Derived {
    fn new(
        data: &PackData,
        pathway_requires: &[Vec<usize>],
        entry_addresses: &[Vec<usize>],
        entry_opens: &[Vec<usize>],
    ) -> Derived {
        let cheapest_first = |list: &mut Vec<usize>| {
            super::sort_small_by(list, |&a, &b| {
                let (ea, eb) = (&data.entries[a], &data.entries[b]);
                // By what is known of the cost (free, per use, priced, unknown); within a
                // class the pack's priority, then the cheaper over a year.
                ea.cost_class()
                    .cmp(&eb.cost_class())
                    .then(eb.priority.cmp(&ea.priority))
                    .then(ea.first_year().total_cmp(&eb.first_year()))
                    .then(ea.commission_pct.total_cmp(&eb.commission_pct))
                    .then(a.cmp(&b))
            });
        };
        let mut candidates = vec![Vec::new(); data.requirements.len()];
        for (e, addresses) in entry_addresses.iter().enumerate() {
            for &r in addresses {
                candidates[r].push(e);
            }
        }
        candidates.iter_mut().for_each(cheapest_first);
        let mut openers = vec![Vec::new(); data.pathways.len()];
        for (e, opens) in entry_opens.iter().enumerate() {
            for &p in opens {
                openers[p].push(e);
            }
        }
        openers.iter_mut().for_each(cheapest_first);
        let ladder: Vec<usize> = (0..data.pathways.len())
            .filter(|&p| data.pathways[p].ladder)
            .collect();
        let routes = (0..data.pathways.len()).filter(|&p| !data.pathways[p].ladder);
        let mut requirement_pathway = vec![None; data.requirements.len()];
        for p in ladder.iter().copied().chain(routes) {
            for &r in &pathway_requires[p] {
                requirement_pathway[r].get_or_insert(p);
            }
        }
        Derived {
            candidates,
            openers,
            ladder,
            requirement_pathway,
        }
    }
}

/// The most alternatives a requirement may expand to for `next_unlock`.
pub(crate) const MAX_ALTERNATIVES: usize = 64;

impl Pack {
    /// The one place a `Pack` is made, for [`Pack::link`] and the compact reader alike: the
    /// data and its linked parts, with what follows from them. The parts are trusted as they
    /// come (every index in range, one item per item), so only those two may call it, each
    /// after its own checks.
    pub(crate) fn new(data: PackData, linked: Linked) -> Pack {
        let Linked {
            fields,
            scores,
            requirements,
            pathways,
            entries,
            questions,
        } = linked;
        let derived = Derived::new(
            &data,
            &pathways.requires,
            &entries.addresses,
            &entries.opens,
        );
        Pack {
            data,
            fields,
            ix: FieldIndexes::new(),
            score_fields: scores.when.iter().map(Expr::fields).collect(),
            score_when: scores.when,
            score_dimension: scores.dimension,
            requirement_fields: requirements.met.iter().map(Expr::fields).collect(),
            requirement_met: requirements.met,
            requirement_applies: requirements.applies,
            requirement_alternatives: requirements.alternatives,
            pathway_requires: pathways.requires,
            pathway_in_use: pathways.in_use,
            entry_addresses: entries.addresses,
            entry_opens: entries.opens,
            entry_needs: entries.needs,
            entry_when: entries.when,
            entry_eligible: entries.eligible,
            entry_localities: entries.localities,
            question_field: questions.field,
            question_show: questions.show,
            derived,
            languages: Vec::new(),
            words: Vec::new(),
        }
    }

    /// The compiled pack as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.data).expect("pack data always serializes")
    }

    /// The fields conditions may read: the profile's, then the pack's own under `extra.`.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// Whether dimension `d` grades what the business has (its inputs, what it does) rather
    /// than only how the owner feels: the printed leave-behind leaves the latter out.
    pub fn dimension_graded(&self, d: usize) -> bool {
        let attitude = |s: usize| {
            self.score_fields[s]
                .iter()
                .all(|&f| self.fields[f].class == super::profile::FieldClass::Attitude)
        };
        let mut rules = (0..self.data.scores.len()).filter(|&s| self.score_dimension[s] == d);
        !rules.all(attitude)
    }

    /// The index of a catalog entry by id.
    pub fn entry(&self, id: &str) -> Option<usize> {
        self.data.entries.iter().position(|e| e.id == id)
    }

    /// Gives `profile` the answers entry `entry` sets once its step is done (its `sets`): a
    /// set's items are added; a choice with an order or an ordered number is raised to the
    /// value, never lowered; anything else is set to it. Returns the paths of the answers that
    /// changed, in the order of `sets` (by path). (A pack read from its compact form is not
    /// checked again here: a value that does not fit its field is passed over.)
    pub fn apply_sets(&self, entry: usize, profile: &mut Profile) -> Vec<&str> {
        let mut changed = Vec::new();
        for (path, value) in &self.data.entries[entry].sets {
            let Some(f) = super::profile::core_field(path) else {
                continue;
            };
            let field = &self.fields[f];
            let Ok(value) = set_value(&field.kind, value) else {
                continue;
            };
            let now = profile.get(f).cloned();
            let next = match (&field.kind, &now, &value) {
                (FieldKind::Set { .. }, Some(Value::Set(had)), Value::Set(add)) => {
                    Value::Set(had | add)
                }
                (
                    kind @ FieldKind::Choice { ranks: Some(_), .. },
                    Some(Value::Choice(had)),
                    Value::Choice(to),
                ) if kind.rank(*had) > kind.rank(*to) => Value::Choice(*had),
                (
                    FieldKind::Integer { ordered: true, .. },
                    Some(Value::Int(had)),
                    Value::Int(to),
                ) => Value::Int(*had.max(to)),
                (
                    FieldKind::Number { ordered: true, .. },
                    Some(Value::Num(had)),
                    Value::Num(to),
                ) => Value::Num(had.max(*to)),
                (FieldKind::Bool { ordered: true }, Some(Value::Bool(true)), _) => {
                    Value::Bool(true)
                }
                _ => value,
            };
            if now.as_ref() != Some(&next) {
                profile.set(f, Some(next));
                changed.push(field.path.as_str());
            }
        }
        changed
    }

    /// The index of a requirement by id.
    pub fn requirement(&self, id: &str) -> Option<usize> {
        self.data.requirements.iter().position(|r| r.id == id)
    }

    /// The field a question fills.
    pub fn question_field(&self, question: usize) -> FieldIx {
        self.question_field[question]
    }

    /// The condition under which a question is shown, if any.
    pub fn question_condition(&self, question: usize) -> Option<&Expr> {
        self.question_show[question].as_ref()
    }
}

/// Whether `s` is a month written `YYYY-MM`.
pub fn is_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && matches!(
            &s[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

impl EntryData {
    /// What the entry costs, in a few words ([`super::words::cost_short`]), in `currency`.
    pub fn cost_short(&self, currency: &str, locale: Locale) -> String {
        super::words::cost_short(
            self.setup,
            self.monthly,
            self.commission_pct,
            self.approximate,
            self.per_use,
            currency,
            locale,
        )
    }
}

impl Pack {
    /// What to call a profile field in `locale`: the text of the question that asks it, or its
    /// path when no question does.
    pub fn field_label<'p>(&'p self, path: &'p str, locale: Locale) -> &'p str {
        self.data
            .questions
            .iter()
            .find(|q| q.field == path)
            .map_or(path, |q| q.text.get(locale))
    }

    /// The glossary entries that any of `texts` uses in `locale`, in the glossary's order.
    pub fn terms_in<'p>(&'p self, texts: &[&str], locale: Locale) -> Vec<&'p TermData> {
        self.data
            .terms
            .iter()
            .filter(|t| {
                texts
                    .iter()
                    .any(|x| super::glossary::mentions(x, t.term.get(locale)))
            })
            .collect()
    }
}

/// A text of a pack and where it is: its section, the item's index and the key.
pub type TextAt<'a> = (&'static str, usize, &'static str, &'a Text);

impl PackData {
    /// Every text an owner may read, with where it is: (section, index, key, text). The
    /// glossary's own meanings are among them.
    pub fn owner_texts(&self) -> Vec<TextAt<'_>> {
        let mut texts: Vec<TextAt> = Vec::new();
        for (i, x) in self.dimensions.iter().enumerate() {
            texts.push(("dimension", i, "label", &x.label));
        }
        for (i, x) in self.scores.iter().enumerate() {
            texts.push(("score", i, "text", &x.text));
        }
        for (i, x) in self.requirements.iter().enumerate() {
            texts.push(("requirement", i, "label", &x.label));
            texts.push(("requirement", i, "missing", &x.missing));
        }
        for (i, x) in self.pathways.iter().enumerate() {
            texts.push(("pathway", i, "label", &x.label));
            texts.push(("pathway", i, "summary", &x.summary));
        }
        for (i, x) in self.entries.iter().enumerate() {
            texts.push(("entry", i, "name", &x.name));
            texts.push(("entry", i, "summary", &x.summary));
            texts.extend(x.eligibility.iter().map(|t| ("entry", i, "eligibility", t)));
            texts.extend(x.cost_note.iter().map(|t| ("entry", i, "cost_note", t)));
        }
        for (i, x) in self.questions.iter().enumerate() {
            texts.push(("question", i, "text", &x.text));
            texts.extend(x.help.iter().map(|t| ("question", i, "help", t)));
            texts.extend(
                x.options
                    .iter()
                    .map(|o| ("question", i, "options", &o.label)),
            );
        }
        for (i, x) in self.terms.iter().enumerate() {
            texts.push(("term", i, "text", &x.text));
        }
        texts
    }
}
