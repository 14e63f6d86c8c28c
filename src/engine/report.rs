//! The readiness report (`umbral.report/1`). Field order follows the spec, so serializing a
//! report gives the same bytes on every platform.
//!
//! A report borrows its texts and ids from the pack it was made with (`'p`): building one
//! copies no pack text, which keeps `assess` within its time budget.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value as Json;

use super::pack::{EntryKind, Locale};

/// The `schema` value of every version-1 report.
pub const REPORT_SCHEMA: &str = "umbral.report/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report<'p> {
    pub schema: &'static str,
    pub pack: PackRef<'p>,
    pub locale: Locale,
    pub readiness: u32,
    pub stage: Option<&'p str>,
    pub dimensions: Vec<DimensionScore<'p>>,
    pub pathways: Vec<PathwayStatus<'p>>,
    pub blockers: Vec<Blocker<'p>>,
    pub recommendations: Vec<Recommendation<'p>>,
    pub unanswered: Vec<&'p str>,
    pub next_unlock: Option<Unlock<'p>>,
    /// Catalog entries that addressed a need but were not recommended, and why. An extension of
    /// the spec's report (optional, so older readers ignore it).
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathwayStatus<'p> {
    pub id: &'p str,
    pub label: &'p str,
    pub ready: bool,
    pub met: Vec<&'p str>,
    pub missing: Vec<Missing<'p>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing<'p> {
    pub requirement: &'p str,
    pub text: &'p str,
    pub actions: Vec<&'p str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blocker<'p> {
    pub requirement: &'p str,
    pub text: &'p str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cost<'p> {
    pub currency: &'p str,
    pub setup: Json,
    pub monthly: Json,
    pub commission_pct: Json,
    /// How the cost works, in plain words (extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'p str>,
    /// True when a figure could not be confirmed (extension).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation<'p> {
    pub id: &'p str,
    pub kind: EntryKind,
    pub name: &'p str,
    pub step: u32,
    pub cost: Cost<'p>,
    pub addresses: Vec<&'p str>,
    pub why: Vec<Reason<'p>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'p str>,
    pub checked: &'p str,
    /// The one-line description of the entry (extension).
    pub summary: &'p str,
    /// Steps this one needs done first, by id (extension).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<&'p str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unlock<'p> {
    pub pathway: &'p str,
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
        let mut out = Vec::with_capacity(16 * 1024);
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
            w.string(d.id);
            w.raw(b",\"label\":");
            w.string(d.label);
            w.raw(b",\"score\":");
            w.number(d.score as u64);
            w.raw(b",\"reasons\":");
            w.reasons(&d.reasons);
            w.raw(b"}");
        }
        w.raw(b"],\"pathways\":[");
        for (i, p) in self.pathways.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"id\":");
            w.string(p.id);
            w.raw(b",\"label\":");
            w.string(p.label);
            w.raw(b",\"ready\":");
            w.raw(if p.ready { b"true" } else { b"false" });
            w.raw(b",\"met\":");
            w.strings(&p.met);
            w.raw(b",\"missing\":[");
            for (j, m) in p.missing.iter().enumerate() {
                w.comma(j);
                w.raw(b"{\"requirement\":");
                w.string(m.requirement);
                w.raw(b",\"text\":");
                w.string(m.text);
                w.raw(b",\"actions\":");
                w.strings(&m.actions);
                w.raw(b"}");
            }
            w.raw(b"]}");
        }
        w.raw(b"],\"blockers\":[");
        for (i, b) in self.blockers.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"requirement\":");
            w.string(b.requirement);
            w.raw(b",\"text\":");
            w.string(b.text);
            w.raw(b"}");
        }
        w.raw(b"],\"recommendations\":[");
        for (i, r) in self.recommendations.iter().enumerate() {
            w.comma(i);
            w.raw(b"{\"id\":");
            w.string(r.id);
            w.raw(b",\"kind\":");
            w.string(match r.kind {
                EntryKind::Tool => "tool",
                EntryKind::Action => "action",
                EntryKind::Programme => "programme",
            });
            w.raw(b",\"name\":");
            w.string(r.name);
            w.raw(b",\"step\":");
            w.number(r.step as u64);
            w.raw(b",\"cost\":{\"currency\":");
            w.string(r.cost.currency);
            w.raw(b",\"setup\":");
            w.json(&r.cost.setup);
            w.raw(b",\"monthly\":");
            w.json(&r.cost.monthly);
            w.raw(b",\"commission_pct\":");
            w.json(&r.cost.commission_pct);
            if let Some(note) = r.cost.note {
                w.raw(b",\"note\":");
                w.string(note);
            }
            if r.cost.approximate {
                w.raw(b",\"approximate\":true");
            }
            w.raw(b"},\"addresses\":");
            w.strings(&r.addresses);
            w.raw(b",\"why\":");
            w.reasons(&r.why);
            if let Some(url) = r.url {
                w.raw(b",\"url\":");
                w.string(url);
            }
            w.raw(b",\"checked\":");
            w.string(r.checked);
            w.raw(b",\"summary\":");
            w.string(r.summary);
            if !r.after.is_empty() {
                w.raw(b",\"after\":");
                w.strings(&r.after);
            }
            w.raw(b"}");
        }
        w.raw(b"],\"unanswered\":");
        w.strings(&self.unanswered);
        w.raw(b",\"next_unlock\":");
        match &self.next_unlock {
            None => w.raw(b"null"),
            Some(u) => {
                w.raw(b"{\"pathway\":");
                w.string(u.pathway);
                w.raw(b",\"changes\":[");
                for (i, c) in u.changes.iter().enumerate() {
                    w.comma(i);
                    w.raw(b"{\"field\":");
                    w.string(c.field);
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
            w.string(l.id);
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

    fn number(&mut self, n: u64) {
        let mut buffer = [0u8; 20];
        let digits = super::json::decimal_digits(n, &mut buffer);
        self.out.extend_from_slice(digits);
    }

    fn json(&mut self, value: &Json) {
        match value.as_u64() {
            Some(n) => self.number(n),
            None => self
                .out
                .extend_from_slice(super::json::to_text(value).as_bytes()),
        }
    }

    /// A JSON string, escaped exactly as serde_json escapes.
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        // One pass with no early exit, which the compiler turns into vector code.
        let needs_escape = bytes.iter().fold(false, |acc, &b| {
            acc | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
        self.out.push(b'"');
        if !needs_escape {
            self.out.extend_from_slice(bytes);
        } else {
            for &b in bytes {
                match b {
                    b'"' => self.out.extend_from_slice(b"\\\""),
                    b'\\' => self.out.extend_from_slice(b"\\\\"),
                    b'\n' => self.out.extend_from_slice(b"\\n"),
                    b'\r' => self.out.extend_from_slice(b"\\r"),
                    b'\t' => self.out.extend_from_slice(b"\\t"),
                    0x08 => self.out.extend_from_slice(b"\\b"),
                    0x0c => self.out.extend_from_slice(b"\\f"),
                    b if b < 0x20 => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.out.extend_from_slice(b"\\u00");
                        self.out.push(HEX[(b >> 4) as usize]);
                        self.out.push(HEX[(b & 0xf) as usize]);
                    }
                    b => self.out.push(b),
                }
            }
        }
        self.out.push(b'"');
    }

    fn option_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw(b"null"),
        }
    }

    fn strings(&mut self, list: &[&str]) {
        self.out.push(b'[');
        for (i, s) in list.iter().enumerate() {
            self.comma(i);
            self.string(s);
        }
        self.out.push(b']');
    }

    fn reason(&mut self, r: &Reason<'_>) {
        self.raw(b"{\"rule\":");
        self.string(r.rule);
        self.raw(b",\"text\":");
        self.string(&r.text);
        if !r.fields.is_empty() {
            self.raw(b",\"fields\":");
            self.strings(&r.fields);
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
