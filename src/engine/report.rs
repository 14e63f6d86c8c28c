//! The readiness report (`umbral.report/3`). Field order follows the spec, so serializing a
//! report gives the same bytes on every platform.
//!
//! Each requirement is stated once, in `requirements`, with its status and its text; the
//! pathways, the blockers, the steps and `next_unlock` refer to it by id. A report borrows its
//! texts and ids from the pack it was made with (`'p`): building one copies no pack text, which
//! keeps `assess` within its time budget.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value as Json;

use super::json;
use super::locale::Locale;
use super::pack::EntryKind;

/// The `schema` value of every report this version writes.
pub const REPORT_SCHEMA: &str = "umbral.report/3";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report<'p> {
    pub schema: &'static str,
    pub pack: PackRef<'p>,
    pub locale: Locale,
    pub readiness: u32,
    /// The highest rung of the ladder reached, every rung below it reached too.
    pub stage: Option<&'p str>,
    pub dimensions: Vec<DimensionScore<'p>>,
    /// Every requirement that applies to this enterprise and that a pathway or a step reads,
    /// once, in pack order.
    pub requirements: Vec<RequirementState<'p>>,
    pub pathways: Vec<PathwayStatus<'p>>,
    /// What holds the business back: the requirements the next rung misses, by id.
    pub blockers: Vec<&'p str>,
    /// The roadmap, in the order to take it.
    pub steps: Vec<Step<'p>>,
    /// The numbers of the cheapest steps, at most three, that can be taken now (no step before
    /// them), at a known cost that fits what the business can spend; in step order.
    pub first_steps: Vec<u32>,
    /// What the plan needs but costs more than the business can spend now: "cuando pueda".
    pub when_affordable: Vec<Affordable<'p>>,
    pub unanswered: Vec<&'p str>,
    pub next_unlock: Option<Unlock<'p>>,
    /// Catalog entries that addressed a need but were not recommended, and why.
    pub left_out: Vec<LeftOut<'p>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackRef<'p> {
    pub id: &'p str,
    pub version: &'p str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason<'p> {
    pub rule: &'p str,
    pub text: Cow<'p, str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<&'p str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore<'p> {
    pub id: &'p str,
    pub label: &'p str,
    pub score: u32,
    pub reasons: Vec<Reason<'p>>,
}

/// Where one requirement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Met,
    Missing,
    /// Not known yet: a question it depends on is unanswered.
    Open,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missing => "missing",
            Status::Open => "open",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementState<'p> {
    pub id: &'p str,
    pub label: &'p str,
    pub status: Status,
    /// What is missing, in plain words; absent when met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'p str>,
    /// The profile fields it reads, when it is not met: the answers that would change it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<&'p str>,
    /// The steps that address it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathwayStatus<'p> {
    pub id: &'p str,
    pub label: &'p str,
    pub summary: &'p str,
    /// A rung of the ladder, or a route beside it.
    pub ladder: bool,
    /// Its own requirements are met and, on the ladder, every rung below is reached.
    pub reached: bool,
    /// The business already sells this way.
    pub in_use: bool,
    /// Its own requirements (beyond the rungs below) that are met, by id.
    pub met: Vec<&'p str>,
    /// Its own requirements not met or not known yet, by id.
    pub missing: Vec<&'p str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cost<'p> {
    pub currency: &'p str,
    pub setup: Json,
    pub monthly: Json,
    pub commission_pct: Json,
    /// How the cost works, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'p str>,
    /// True when a figure could not be confirmed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// Paid each time it is used (per parcel, per sale), as the note says.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub per_use: bool,
}

impl Cost<'_> {
    /// The cost in a few words: "Gratis", "Costo por confirmar", "Se paga por uso" or
    /// "$1,234 MXN de una vez · $199 MXN al mes (precio aproximado)".
    pub fn short(&self, locale: Locale) -> String {
        let number = |json: &Json| json.as_f64().unwrap_or(0.0);
        super::words::cost_short(
            number(&self.setup),
            number(&self.monthly),
            number(&self.commission_pct),
            self.approximate,
            self.per_use,
            self.currency,
            locale,
        )
    }
}

/// When a step is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Towards the next rung (and the route through others while the business cannot sell
    /// online on its own): the steps to take first.
    Now,
    /// Formalities to start beside the next rung; they do not hold it back.
    Parallel,
    /// Towards the rungs after the next one, up to the goal.
    Later,
}

impl Phase {
    pub fn code(self) -> &'static str {
        match self {
            Phase::Now => "now",
            Phase::Parallel => "parallel",
            Phase::Later => "later",
        }
    }
}

/// One step of the roadmap: one need, met by any one of its options.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step<'p> {
    pub step: u32,
    pub phase: Phase,
    /// The rung or route this step brings closer.
    pub pathway: &'p str,
    /// The requirements the step meets (whichever option is taken), by id.
    pub addresses: Vec<&'p str>,
    /// The pathway the step starts selling on, when it is that step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens: Option<&'p str>,
    /// Steps to take first, by number.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<u32>,
    /// Ways to take the step, the one to try first first: confirmed free before what costs,
    /// and what the business may not qualify for last.
    pub options: Vec<StepOption<'p>>,
}

/// What a step gives (see [`Report::step_gives`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepGives<'a> {
    /// The needs it meets, by requirement id.
    pub needs: Vec<&'a str>,
    /// When its own pathway lacks none of them: the later step that waits for it.
    pub for_step: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepOption<'p> {
    pub id: &'p str,
    pub kind: EntryKind,
    pub name: &'p str,
    pub summary: &'p str,
    pub cost: Cost<'p>,
    /// Who it is for, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<&'p str>,
    /// True when it is not known whether the business qualifies: the eligibility is a
    /// condition to check.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub conditional: bool,
    pub why: Vec<Reason<'p>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'p str>,
    pub checked: &'p str,
}

/// A way to meet a need that costs more than the business can spend now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Affordable<'p> {
    pub id: &'p str,
    pub kind: EntryKind,
    pub name: &'p str,
    pub summary: &'p str,
    pub cost: Cost<'p>,
    pub addresses: Vec<&'p str>,
    pub reason: Reason<'p>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unlock<'p> {
    pub pathway: &'p str,
    /// What to get, by requirement id: everything the next rung misses.
    pub gets: Vec<&'p str>,
    /// The steps that get it, by number.
    pub steps: Vec<u32>,
    /// The fewest changes to the answers that stand for getting it (inputs only).
    pub changes: Vec<Change<'p>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change<'p> {
    pub field: &'p str,
    pub to: Json,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut<'p> {
    pub id: &'p str,
    pub name: &'p str,
    pub reason: Reason<'p>,
}

impl Report<'_> {
    /// The report as compact JSON: the same bytes `serde_json::to_string` gives (a property
    /// test holds them equal), written by [`Report::write_json`].
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(8 * 1024);
        self.write_json(&mut out);
        String::from_utf8(out).expect("JSON written from UTF-8 strings is UTF-8")
    }

    /// Appends the report as compact JSON to `out`.
    ///
    /// A hand-written writer rather than serde's, for speed: reports are mostly pack texts, and
    /// checking a whole text for characters that need escaping at once is several times faster
    /// than serde_json's byte-by-byte escaping. `umbral batch` writes tens of thousands a second.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let mut w = JsonWriter { out };
        w.raw(b"{\"schema\":");
        w.string(self.schema);
        w.raw(b",\"pack\":{\"id\":");
        w.string(self.pack.id);
        w.raw(b",\"version\":");
        w.string(self.pack.version);
        w.raw(b"},\"locale\":");
        w.string(self.locale.code());
        w.raw(b",\"readiness\":");
        w.number(self.readiness as u64);
        w.raw(b",\"stage\":");
        w.option_string(self.stage);
        w.raw(b",\"dimensions\":[");
        for (i, d) in self.dimensions.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"id\":");
            w.id(d.id);
            w.raw(b",\"label\":");
            w.string(d.label);
            w.raw(b",\"score\":");
            w.number(d.score as u64);
            w.raw(b",\"reasons\":");
            w.reasons(&d.reasons);
            w.raw(b"}");
        }
        w.raw(b"],\"requirements\":[");
        for (i, r) in self.requirements.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"id\":");
            w.id(r.id);
            w.raw(b",\"label\":");
            w.string(r.label);
            w.raw(b",\"status\":");
            w.id(r.status.code());
            if let Some(text) = r.text {
                w.raw(b",\"text\":");
                w.string(text);
            }
            if !r.fields.is_empty() {
                w.raw(b",\"fields\":");
                w.ids(&r.fields);
            }
            if !r.steps.is_empty() {
                w.raw(b",\"steps\":");
                w.numbers(&r.steps);
            }
            w.raw(b"}");
        }
        w.raw(b"],\"pathways\":[");
        for (i, p) in self.pathways.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"id\":");
            w.id(p.id);
            w.raw(b",\"label\":");
            w.string(p.label);
            w.raw(b",\"summary\":");
            w.string(p.summary);
            w.raw(b",\"ladder\":");
            w.boolean(p.ladder);
            w.raw(b",\"reached\":");
            w.boolean(p.reached);
            w.raw(b",\"in_use\":");
            w.boolean(p.in_use);
            w.raw(b",\"met\":");
            w.ids(&p.met);
            w.raw(b",\"missing\":");
            w.ids(&p.missing);
            w.raw(b"}");
        }
        w.raw(b"],\"blockers\":");
        w.ids(&self.blockers);
        w.raw(b",\"steps\":[");
        for (i, s) in self.steps.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"step\":");
            w.number(s.step as u64);
            w.raw(b",\"phase\":");
            w.id(s.phase.code());
            w.raw(b",\"pathway\":");
            w.id(s.pathway);
            w.raw(b",\"addresses\":");
            w.ids(&s.addresses);
            if let Some(opens) = s.opens {
                w.raw(b",\"opens\":");
                w.id(opens);
            }
            if !s.after.is_empty() {
                w.raw(b",\"after\":");
                w.numbers(&s.after);
            }
            w.raw(b",\"options\":[");
            for (j, o) in s.options.iter().enumerate() {
                w.comma(j);
                w.entry(o.id, o.kind, o.name, o.summary, &o.cost);
                if let Some(e) = o.eligibility {
                    w.raw(b",\"eligibility\":");
                    w.string(e);
                }
                if o.conditional {
                    w.raw(b",\"conditional\":true");
                }
                w.raw(b",\"why\":");
                w.reasons(&o.why);
                if let Some(url) = o.url {
                    w.raw(b",\"url\":");
                    w.string(url);
                }
                w.raw(b",\"checked\":");
                w.string(o.checked);
                w.raw(b"}");
            }
            w.raw(b"]}");
        }
        w.raw(b"],\"first_steps\":");
        w.numbers(&self.first_steps);
        w.raw(b",\"when_affordable\":[");
        for (i, a) in self.when_affordable.iter().enumerate() {
            w.comma(i);
            w.entry(a.id, a.kind, a.name, a.summary, &a.cost);
            w.raw(b",\"addresses\":");
            w.ids(&a.addresses);
            w.raw(b",\"reason\":");
            w.reason(&a.reason);
            w.raw(b"}");
        }
        w.raw(b"],\"unanswered\":");
        w.ids(&self.unanswered);
        w.raw(b",\"next_unlock\":");
        match &self.next_unlock {
            None => w.raw(b"null"),
            Some(u) => {
                w.raw(b"{\"pathway\":");
                w.id(u.pathway);
                w.raw(b",\"gets\":");
                w.ids(&u.gets);
                w.raw(b",\"steps\":");
                w.numbers(&u.steps);
                w.raw(b",\"changes\":[");
                for (i, c) in u.changes.iter().enumerate() {
                    w.comma(i);
                    w.raw(b"{\"field\":");
                    w.id(c.field);
                    w.raw(b",\"to\":");
                    w.json(&c.to);
                    w.raw(b"}");
                }
                w.raw(b"]}");
            }
        }
        w.raw(b",\"left_out\":[");
        for (i, l) in self.left_out.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"id\":");
            w.id(l.id);
            w.raw(b",\"name\":");
            w.string(l.name);
            w.raw(b",\"reason\":");
            w.reason(&l.reason);
            w.raw(b"}");
        }
        w.raw(b"]}");
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("reports always serialize")
    }

    /// A requirement's state by id, if the report states it.
    pub fn requirement(&self, id: &str) -> Option<&RequirementState<'_>> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// A pathway's status by id.
    pub fn pathway(&self, id: &str) -> Option<&PathwayStatus<'_>> {
        self.pathways.iter().find(|p| p.id == id)
    }

    /// A requirement's label by id (the id itself if the report does not state it).
    pub fn requirement_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.requirement(id).map_or(id, |r| r.label)
    }

    /// A pathway's label by id (the id itself if unknown).
    pub fn pathway_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.pathway(id).map_or(id, |p| p.label)
    }

    /// The labels of requirements, by id, joined with " · ".
    pub fn requirement_labels(&self, ids: &[&str]) -> String {
        let labels: Vec<&str> = ids.iter().map(|id| self.requirement_label(id)).collect();
        labels.join(" · ")
    }

    /// What a step that starts no way of selling gives, for "Le da: …": the needs it meets that
    /// some pathway lacks (a need only a step has, such as a smartphone for WhatsApp Business,
    /// goes without saying), or all of them when none does. When its own pathway lacks none of
    /// them (a tax registration that a later step's sanitary notice asks for), also the first
    /// later step that waits for it, which is what the step is for.
    pub fn step_gives<'a>(&'a self, step: &'a Step<'_>) -> StepGives<'a> {
        let lacks = |p: &PathwayStatus<'_>, a: &str| p.missing.contains(&a);
        let listed: Vec<&str> = step
            .addresses
            .iter()
            .copied()
            .filter(|a| self.pathways.iter().any(|p| lacks(p, a)))
            .collect();
        let own = self
            .pathway(step.pathway)
            .is_some_and(|p| step.addresses.iter().any(|a| lacks(p, a)));
        StepGives {
            needs: if listed.is_empty() {
                step.addresses.clone()
            } else {
                listed
            },
            for_step: if own {
                None
            } else {
                self.steps
                    .iter()
                    .find(|s| s.step > step.step && s.after.contains(&step.step))
                    .map(|s| s.step)
            },
        }
    }

    /// A step by its number.
    pub fn step(&self, number: u32) -> Option<&Step<'_>> {
        self.steps.iter().find(|s| s.step == number)
    }

    /// Every option of every step, in order.
    pub fn options(&self) -> impl Iterator<Item = &StepOption<'_>> {
        self.steps.iter().flat_map(|s| &s.options)
    }
}

struct JsonWriter<'o> {
    out: &'o mut Vec<u8>,
}

impl JsonWriter<'_> {
    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    fn comma(&mut self, index: usize) {
        if index > 0 {
            self.out.push(b',');
        }
    }

    fn boolean(&mut self, b: bool) {
        self.raw(if b { b"true" } else { b"false" });
    }

    fn number(&mut self, n: u64) {
        let mut buffer = [0u8; 20];
        let digits = super::json::decimal_digits(n, &mut buffer);
        self.out.extend_from_slice(digits);
    }

    fn numbers(&mut self, list: &[u32]) {
        self.out.push(b'[');
        for (i, &n) in list.iter().enumerate() {
            self.comma(i);
            self.number(n.into());
        }
        self.out.push(b']');
    }

    fn json(&mut self, value: &Json) {
        match value.as_u64() {
            Some(n) => self.number(n),
            None => self
                .out
                .extend_from_slice(super::json::to_text(value).as_bytes()),
        }
    }

    fn cost(&mut self, c: &Cost<'_>) {
        self.raw(b"{\"currency\":");
        self.string(c.currency);
        self.raw(b",\"setup\":");
        self.json(&c.setup);
        self.raw(b",\"monthly\":");
        self.json(&c.monthly);
        self.raw(b",\"commission_pct\":");
        self.json(&c.commission_pct);
        if let Some(note) = c.note {
            self.raw(b",\"note\":");
            self.string(note);
        }
        if c.approximate {
            self.raw(b",\"approximate\":true");
        }
        if c.per_use {
            self.raw(b",\"per_use\":true");
        }
        self.out.push(b'}');
    }

    /// A JSON string, escaped exactly as serde_json escapes ([`json::escape`]).
    fn string(&mut self, s: &str) {
        let out = &mut *self.out;
        out.reserve(s.len() + 2);
        out.push(b'"');
        json::escape(s, |piece| out.extend_from_slice(piece.as_bytes()));
        out.push(b'"');
    }

    /// An id of the pack (the linker and the compact reader refuse one holding anything JSON
    /// escapes: [`is_plain_id`](super::pack::is_plain_id)), or one of the engine's own codes:
    /// written as it is. Most strings of a report are ids, and skipping the check for them
    /// takes about 7 % of the instructions off `umbral batch`.
    fn id(&mut self, s: &str) {
        debug_assert!(super::pack::is_plain_id(s), "{s:?}");
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
    }

    /// The opening of a catalog entry's object, up to its cost: `{"id":…,"cost":{…}`.
    fn entry(&mut self, id: &str, kind: EntryKind, name: &str, summary: &str, cost: &Cost<'_>) {
        self.raw(b"{\"id\":");
        self.id(id);
        self.raw(b",\"kind\":");
        self.id(kind.code());
        self.raw(b",\"name\":");
        self.string(name);
        self.raw(b",\"summary\":");
        self.string(summary);
        self.raw(b",\"cost\":");
        self.cost(cost);
    }

    fn option_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw(b"null"),
        }
    }

    /// A list of ids (see [`JsonWriter::id`]).
    fn ids(&mut self, list: &[&str]) {
        self.out.push(b'[');
        for (i, s) in list.iter().enumerate() {
            self.comma(i);
            self.id(s);
        }
        self.out.push(b']');
    }

    fn reason(&mut self, r: &Reason<'_>) {
        self.raw(b"{\"rule\":");
        self.id(r.rule);
        self.raw(b",\"text\":");
        self.string(&r.text);
        if !r.fields.is_empty() {
            self.raw(b",\"fields\":");
            self.ids(&r.fields);
        }
        self.out.push(b'}');
    }

    fn reasons(&mut self, list: &[Reason<'_>]) {
        self.out.push(b'[');
        for (i, r) in list.iter().enumerate() {
            self.comma(i);
            self.reason(r);
        }
        self.out.push(b']');
    }
}

#[cfg(test)]
mod tests {
    use super::JsonWriter;

    /// Every character that needs an escape, at every place of texts from 0 to 40 bytes (the
    /// check works in blocks of 16 and looks at the last block again): written exactly as
    /// serde_json writes it.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for len in 0..=40 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "é"] {
                for at in 0..=len {
                    let text: String = (0..len)
                        .map(|i| if i == at { special } else { "a" })
                        .collect();
                    let mut out = Vec::new();
                    JsonWriter { out: &mut out }.string(&text);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        serde_json::to_string(&text).unwrap(),
                        "{text:?}"
                    );
                }
            }
        }
    }
}
