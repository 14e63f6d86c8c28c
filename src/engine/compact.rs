//! The compact form of a linked pack: what the browser app fetches (`packs/<id>.txt`).
//!
//! `umbral compile` writes it beside the JSON. It carries the pack already linked: conditions
//! as expression trees, ids resolved to indexes, candidates sorted. Reading it needs no JSON
//! parser, no condition parser and none of the link checks, which keeps all of that out of
//! the browser's first load; the pack was checked when it was compiled.
//!
//! The format is text, so that web servers compress it like the app's other files:
//!
//! - a header line, [`COMPACT_HEADER`];
//! - the Spanish section and the English section (one of them may be empty: a pack in one
//!   language only, [`Pack::to_compact_spanish`] or [`Pack::to_compact_english`], whose other
//!   language reads as that one), each its length in bytes, a comma and the
//!   texts of that language one after another, in the order they come in the rest: each
//!   language's texts stand together, which compresses better;
//! - then values one after another, with no separators between them: an unsigned integer is
//!   its decimal digits and a comma (`12,`); a signed one is zigzag-encoded first (0, -1, 1,
//!   -2 … become 0, 1, 2, 3 …); a number (`f64`) that is whole (below 2^53 in size) is its
//!   zigzag-encoded integer times two, any other is `1,` and the unsigned integer of its IEEE
//!   754 bits, so every number reads back exactly; a yes/no is `0,` or `1,`; a text is its
//!   length in bytes, a colon and the UTF-8 bytes (`4:hola`), and a text in both languages is
//!   the next text of each language's section (it takes no bytes here); an optional value is `0,`, or
//!   `1,` and the value; a list is its length and the items;
//! - the values are the pack data in declaration order ([`PackData`] and its items), then the
//!   pack's own fields, then the linked parts (see [`Pack::to_compact`]), then the languages
//!   its translations add and, in a pack compiled in one of them, the words the app says in it
//!   ([`Pack::languages`], [`Pack::words`]; new in version 5).
//!
//! Left out, as only authors read them: each catalog entry's `source`, and the source text of
//! every condition (`when`, `met_when`, `applies_when`, `show_when`, `in_use_when`,
//! `eligible_when`), which the compiled expressions replace; both read back as empty texts (an
//! optional condition stays present). The lists of ids that the linked parts hold as indexes
//! (a pathway's `requires`, an entry's `addresses`, `opens` and `needs`) are written once, as
//! indexes, and the ids are read back from them. The entries' `sets` come after the rest, as
//! one list of (entry, field index, value as the pack format writes it). What
//! follows from the rest (each requirement's candidates, each pathway's openers, the ladder)
//! is computed again on reading, by `Pack::new` as for a pack just linked.
//! The reader checks every index against what it indexes, so a damaged file is refused with the
//! byte where reading stopped, never half-loaded; reports from a pack read back are byte for
//! byte those of the pack written (tests in `tests/compact.rs` and `tests/engine_wasm.rs`).

use super::condition::{alternatives, Cmp, Expr, Test};
use super::locale::Text;
use super::pack::*;
use super::profile::{core_field, core_fields, Field, FieldKind};

/// The first line of a compact pack: format and version.
pub const COMPACT_HEADER: &str = "umbral.pack-compact/5\n";

/// The deepest condition nesting the reader accepts: the parser's own limit, so every pack
/// that links reads back.
use super::condition::MAX_DEPTH;

impl Pack {
    /// The pack in its compact form (see the [module docs](self)).
    pub fn to_compact(&self) -> String {
        self.compact(true, true)
    }

    /// The pack in its compact form with its texts in Spanish only (an empty English section):
    /// what the app's first load fetches in Spanish (`packs/<id>.es.txt`), about 40 % smaller
    /// gzipped. Read back, every English text is the Spanish one.
    pub fn to_compact_spanish(&self) -> String {
        self.compact(true, false)
    }

    /// The pack in its compact form with its texts in English only (an empty Spanish section):
    /// what the app fetches first in English (`packs/<id>.en.txt`). Read back, every Spanish
    /// text is the English one.
    pub fn to_compact_english(&self) -> String {
        self.compact(false, true)
    }

    /// The compact form with the Spanish and the English texts, or either one alone.
    fn compact(&self, spanish: bool, english: bool) -> String {
        let mut w = Writer {
            out: String::with_capacity(64 * 1024),
            spanish: String::with_capacity(32 * 1024),
            english: String::with_capacity(32 * 1024),
        };
        let d = &self.data;
        w.str(&d.id);
        w.str(&d.version);
        w.opt(&d.country, |w, s| w.str(s));
        w.opt(&d.currency, |w, s| w.str(s));
        w.text(&d.name);
        w.list(&d.layers, |w, s| w.str(s));
        w.list(&d.dimensions, |w, x| {
            w.str(&x.id);
            w.text(&x.label);
            w.uint(x.weight.into());
        });
        w.list(&d.scores, |w, x| {
            w.str(&x.id);
            w.str(&x.dimension);
            w.str("");
            w.uint(x.points.into());
            w.text(&x.text);
        });
        w.list(&d.requirements, |w, x| {
            w.str(&x.id);
            w.text(&x.label);
            w.text(&x.missing);
            w.str("");
            w.opt(&x.applies_when, |w, _| w.str(""));
            w.bool(x.parallel);
        });
        w.list(&d.pathways, |w, x| {
            w.str(&x.id);
            w.text(&x.label);
            w.text(&x.summary);
            w.list(&x.goals, |w, s| w.str(s));
            w.bool(x.ladder);
            w.opt(&x.in_use_when, |w, _| w.str(""));
        });
        w.list(&d.entries, |w, x| {
            w.str(&x.id);
            w.uint(match x.kind {
                EntryKind::Tool => 0,
                EntryKind::Action => 1,
                EntryKind::Programme => 2,
            });
            w.text(&x.name);
            w.text(&x.summary);
            w.opt(&x.when, |w, _| w.str(""));
            w.opt(&x.eligible_when, |w, _| w.str(""));
            w.opt(&x.eligibility, |w, t| w.text(t));
            w.opt(&x.localities, |w, l| w.list(l, |w, s| w.str(s)));
            w.opt(&x.regions, |w, l| w.list(l, |w, s| w.str(s)));
            w.num(x.setup);
            w.num(x.monthly);
            w.num(x.commission_pct);
            w.opt(&x.cost_note, |w, t| w.text(t));
            w.bool(x.approximate);
            w.bool(x.per_use);
            w.int(x.priority.into());
            w.opt(&x.url, |w, s| w.str(s));
            w.str(&x.checked);
        });
        w.list(&d.questions, |w, x| {
            w.str(&x.id);
            w.str(&x.field);
            w.str(&x.group);
            w.text(&x.text);
            w.opt(&x.help, |w, t| w.text(t));
            w.opt(&x.show_when, |w, _| w.str(""));
            w.bool(x.dont_know);
            w.bool(x.prefer_not);
            w.list(&x.options, |w, o| {
                match &o.value {
                    OptionValue::Bool(b) => {
                        w.uint(0);
                        w.bool(*b);
                    }
                    OptionValue::Int(n) => {
                        w.uint(1);
                        w.int(*n);
                    }
                    OptionValue::Num(n) => {
                        w.uint(2);
                        w.num(*n);
                    }
                    OptionValue::Text(s) => {
                        w.uint(3);
                        w.str(s);
                    }
                }
                w.text(&o.label);
            });
            w.opt(&x.min, |w, n| w.num(*n));
            w.opt(&x.max, |w, n| w.num(*n));
            w.opt(&x.unit, |w, s| w.str(s));
        });
        w.list(&d.fields, |w, x| {
            w.str(&x.id);
            w.str(&x.kind);
            w.list(&x.values, |w, s| w.str(s));
        });
        w.list(&d.terms, |w, x| {
            w.str(&x.id);
            w.text(&x.term);
            w.text(&x.text);
        });
        // The linked parts.
        w.list(&self.fields[core_fields().len()..], |w, f| w.field(f));
        w.list(&self.score_when, |w, e| w.expr(e));
        w.list(&self.score_dimension, |w, &i| w.ix(i));
        w.list(&self.requirement_met, |w, e| w.expr(e));
        w.list(&self.requirement_applies, |w, e| w.opt(e, |w, e| w.expr(e)));
        w.list(&self.pathway_requires, |w, l| w.list(l, |w, &i| w.ix(i)));
        w.list(&self.pathway_in_use, |w, e| w.opt(e, |w, e| w.expr(e)));
        w.list(&self.entry_addresses, |w, l| w.list(l, |w, &i| w.ix(i)));
        w.list(&self.entry_opens, |w, l| w.list(l, |w, &i| w.ix(i)));
        w.list(&self.entry_needs, |w, l| w.list(l, |w, &i| w.ix(i)));
        w.list(&self.entry_when, |w, e| w.opt(e, |w, e| w.expr(e)));
        w.list(&self.entry_eligible, |w, e| w.opt(e, |w, e| w.expr(e)));
        w.list(&self.entry_localities, |w, m| w.opt(m, |w, &m| w.uint(m)));
        w.list(&self.question_field, |w, &i| w.ix(i));
        w.list(&self.question_show, |w, e| w.opt(e, |w, e| w.expr(e)));
        // Every entry's `sets` in one list of (entry, field, value), in the order of the data
        // (entries, then paths): most entries set nothing, and an empty list is two bytes.
        // Each value is kept as the pack format writes it, so that reading needs no
        // conversion.
        let sets: Vec<(usize, usize, &SetValue)> = (d.entries.iter().enumerate())
            .flat_map(|(e, entry)| entry.sets.iter().map(move |(path, v)| (e, path, v)))
            .map(|(e, path, v)| {
                (
                    e,
                    core_field(path).expect("linked sets name core fields"),
                    v,
                )
            })
            .collect();
        w.list(&sets, |w, &(e, f, value)| {
            w.ix(e);
            w.ix(f);
            match value {
                SetValue::Bool(b) => {
                    w.uint(0);
                    w.bool(*b);
                }
                SetValue::Int(n) => {
                    w.uint(1);
                    w.int(*n);
                }
                SetValue::Text(s) => {
                    w.uint(2);
                    w.str(s);
                }
                SetValue::Items(items) => {
                    w.uint(3);
                    w.strs(items);
                }
            }
        });
        w.strs(&self.languages);
        w.strs(&self.words);
        let mut out = String::with_capacity(w.out.len() + w.spanish.len() + w.english.len() + 64);
        out.push_str(COMPACT_HEADER);
        let none = String::new();
        for (section, kept) in [(&w.spanish, spanish), (&w.english, english)] {
            let section = if kept { section } else { &none };
            super::json::write_u64(section.len() as u64, &mut out);
            out.push(',');
            out.push_str(section);
        }
        out.push_str(&w.out);
        out
    }

    /// Reads a pack in its compact form. `Err` names the byte where reading stopped and why.
    pub fn from_compact(text: &str) -> Result<Pack, LinkErrors> {
        read_pack(text).map_err(|(at, what)| {
            LinkErrors(vec![LinkError {
                location: None,
                range: None,
                message: ["not a compact pack: ", what, " at byte ", &at.to_string()].concat(),
            }])
        })
    }
}

/// A text: its length in bytes, a colon and its bytes.
fn write_str(out: &mut String, s: &str) {
    super::json::write_u64(s.len() as u64, out);
    out.push(':');
    out.push_str(s);
}

struct Writer {
    out: String,
    /// The Spanish and the English of every text, in the order written: they go before the
    /// rest, so that each language's texts stand together, which compresses better.
    spanish: String,
    english: String,
}

impl Writer {
    fn uint(&mut self, n: u64) {
        super::json::write_u64(n, &mut self.out);
        self.out.push(',');
    }

    fn ix(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn num(&mut self, n: f64) {
        // Whole amounts (most of a pack's) as short integers; anything else exactly, as bits.
        if n.fract() == 0.0 && n.abs() < 2f64.powi(53) && !(n == 0.0 && n.is_sign_negative()) {
            self.uint(((n as i64) << 1 ^ (n as i64) >> 63) as u64 * 2);
        } else {
            self.uint(1);
            self.uint(n.to_bits());
        }
    }

    fn bool(&mut self, b: bool) {
        self.uint(b.into());
    }

    fn str(&mut self, s: &str) {
        write_str(&mut self.out, s);
    }

    fn text(&mut self, t: &Text) {
        write_str(&mut self.spanish, &t.es);
        write_str(&mut self.english, &t.en);
    }

    fn opt<T>(&mut self, value: &Option<T>, f: impl Fn(&mut Self, &T)) {
        match value {
            Some(v) => {
                self.uint(1);
                f(self, v);
            }
            None => self.uint(0),
        }
    }

    fn list<T>(&mut self, items: &[T], f: impl Fn(&mut Self, &T)) {
        self.ix(items.len());
        for item in items {
            f(self, item);
        }
    }

    fn strs(&mut self, items: &[String]) {
        self.list(items, |w, s| w.str(s));
    }

    fn field(&mut self, f: &Field) {
        self.str(&f.path);
        match &f.kind {
            FieldKind::Choice { values, ranks } => {
                self.uint(0);
                self.strs(values);
                self.opt(ranks, |w, r| w.list(r, |w, &x| w.uint(x.into())));
            }
            FieldKind::Set { items } => {
                self.uint(1);
                self.strs(items);
            }
            FieldKind::Integer { min, max, ordered } => {
                self.uint(2);
                self.int(*min);
                self.int(*max);
                self.bool(*ordered);
            }
            FieldKind::Number { min, ordered } => {
                self.uint(3);
                self.num(*min);
                self.bool(*ordered);
            }
            FieldKind::Bool { ordered } => {
                self.uint(4);
                self.bool(*ordered);
            }
            FieldKind::Text { max_len } => {
                self.uint(5);
                self.ix(*max_len);
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Const(b) => {
                self.uint(0);
                self.bool(*b);
            }
            Expr::Not(e) => {
                self.uint(1);
                self.expr(e);
            }
            Expr::And(list) => {
                self.uint(2);
                self.list(list, |w, e| w.expr(e));
            }
            Expr::Or(list) => {
                self.uint(3);
                self.list(list, |w, e| w.expr(e));
            }
            Expr::Test {
                field,
                test,
                start,
                end,
            } => {
                self.uint(4);
                self.ix(*field);
                self.ix(*start);
                self.ix(*end);
                match test {
                    Test::Answered => self.uint(0),
                    Test::ChoiceIn(mask) => {
                        self.uint(1);
                        self.uint(*mask);
                    }
                    Test::SetAny(mask) => {
                        self.uint(2);
                        self.uint((*mask).into());
                    }
                    Test::SetAll(mask) => {
                        self.uint(3);
                        self.uint((*mask).into());
                    }
                    Test::Number(cmp, x) => {
                        self.uint(4);
                        self.uint(*cmp as u64);
                        self.num(*x);
                    }
                    Test::Is(b) => {
                        self.uint(5);
                        self.bool(*b);
                    }
                    Test::TextIn(list) => {
                        self.uint(6);
                        self.strs(list);
                    }
                }
            }
        }
    }
}

/// Reads values one after another. The first problem is kept (with the byte where it was
/// found) and every later read gives an empty value, so decoding runs straight through
/// without an exit path per value; [`read_pack`] checks for a problem at the end.
struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// The first problem: where, and what.
    failed: Option<(usize, &'static str)>,
    /// The number of fields, for checking field indexes once the pack's own fields are read.
    fields: usize,
    /// For the Spanish and the English texts: where the next one is, and where they end.
    texts: [(usize, usize); 2],
}

impl Reader<'_> {
    fn fail(&mut self, what: &'static str) {
        if self.failed.is_none() {
            self.failed = Some((self.at, what));
        }
        // Nothing more is read.
        self.at = self.text.len();
    }

    fn uint(&mut self) -> u64 {
        self.digits(b',')
    }

    /// Decimal digits up to `end`, which is consumed.
    #[inline(never)]
    fn digits(&mut self, end: u8) -> u64 {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut n: u64 = 0;
        while let Some(&b) = bytes.get(self.at) {
            if b == end && self.at > start {
                self.at += 1;
                return n;
            }
            let digit = b.wrapping_sub(b'0');
            match n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(digit)))
            {
                Some(next) if digit < 10 => n = next,
                _ => break,
            }
            self.at += 1;
        }
        self.fail("expected a number");
        0
    }

    /// An unsigned integer below `bound`.
    #[inline(never)]
    fn below(&mut self, bound: u64) -> u64 {
        let n = self.uint();
        if n >= bound {
            self.fail("a value out of range");
            return 0;
        }
        n
    }

    /// An index into a list of `len` items.
    fn ix(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A count or length: never more than the bytes left, so a damaged one cannot make the
    /// reader reserve huge memory.
    fn size(&mut self) -> usize {
        self.ix(self.text.len() - self.at + 1)
    }

    fn int(&mut self) -> i64 {
        let n = self.uint();
        (n >> 1) as i64 ^ -((n & 1) as i64)
    }

    fn small(&mut self) -> u32 {
        self.below(1 << 32) as u32
    }

    /// A non-empty set of values, one bit each.
    fn mask(&mut self) -> u64 {
        let n = self.uint();
        if n == 0 {
            self.fail("an empty list of values");
        }
        n
    }

    /// A non-empty set of a set field's items (up to 32).
    fn mask32(&mut self) -> u32 {
        let n = self.mask();
        if n >> 32 != 0 {
            self.fail("a value out of range");
        }
        n as u32
    }

    fn num(&mut self) -> f64 {
        match self.uint() {
            1 => f64::from_bits(self.uint()),
            n if n & 1 == 0 => {
                let n = n >> 1;
                ((n >> 1) as i64 ^ -((n & 1) as i64)) as f64
            }
            _ => {
                self.fail("expected a number");
                0.0
            }
        }
    }

    fn bool(&mut self) -> bool {
        self.below(2) == 1
    }

    #[inline(never)]
    fn str(&mut self) -> String {
        let len = self.digits(b':') as usize;
        let end = self.at.saturating_add(len);
        match self.text.get(self.at..end) {
            Some(s) => {
                self.at = end;
                s.to_string()
            }
            None => {
                self.fail("a text cut short");
                String::new()
            }
        }
    }

    fn text(&mut self) -> Text {
        // A pack written in one language only (`Pack::to_compact_spanish`, `_english`): the
        // other reads as that one. An empty section is (0, 0); both empty is refused on reading.
        match (self.texts[0].1 > 0, self.texts[1].1 > 0) {
            (true, true) => Text {
                es: self.text_in(0),
                en: self.text_in(1),
            },
            (true, false) => {
                let es = self.text_in(0);
                Text { en: es.clone(), es }
            }
            (false, true) => {
                let en = self.text_in(1);
                Text { es: en.clone(), en }
            }
            (false, false) => Text::default(),
        }
    }

    /// The next text of one language's section (0 Spanish, 1 English).
    fn text_in(&mut self, language: usize) -> String {
        let (at, end) = self.texts[language];
        if at >= end {
            self.fail("a text missing from its language's section");
            return String::new();
        }
        let here = std::mem::replace(&mut self.at, at);
        let text = self.str();
        self.texts[language].0 = std::mem::replace(&mut self.at, here);
        text
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        self.bool().then(|| f(self))
    }

    fn opt_str(&mut self) -> Option<String> {
        self.opt(Self::str)
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.size();
        // A damaged count reserves no more than a real pack's longest list needs.
        let mut out = Vec::with_capacity(n.min(256));
        for _ in 0..n {
            out.push(f(self));
        }
        out
    }

    fn strs(&mut self) -> Vec<String> {
        self.list(Self::str)
    }

    fn ixs(&mut self, len: usize) -> Vec<usize> {
        self.list(|r| r.ix(len))
    }

    fn field(&mut self) -> Field {
        let path = self.str();
        let kind = match self.below(6) {
            0 => {
                let values = self.strs();
                let ranks = self.opt(|r| r.list(|r| r.below(256) as u8));
                if values.len() > 64 || ranks.as_ref().is_some_and(|r| r.len() != values.len()) {
                    self.fail("a field with unusable values");
                }
                FieldKind::Choice { values, ranks }
            }
            1 => {
                let items = self.strs();
                if items.len() > 32 {
                    self.fail("a field with unusable values");
                }
                FieldKind::Set { items }
            }
            2 => FieldKind::Integer {
                min: self.int(),
                max: self.int(),
                ordered: self.bool(),
            },
            3 => FieldKind::Number {
                min: self.num(),
                ordered: self.bool(),
            },
            4 => FieldKind::Bool {
                ordered: self.bool(),
            },
            _ => FieldKind::Text {
                max_len: self.size(),
            },
        };
        Field::extra(path, kind)
    }

    fn expr(&mut self, depth: u32) -> Expr {
        if depth > MAX_DEPTH {
            self.fail("a condition nested too deep");
        }
        match self.below(5) {
            0 => Expr::Const(self.bool()),
            1 => Expr::Not(Box::new(self.expr(depth + 1))),
            2 => Expr::And(self.list(|r| r.expr(depth + 1))),
            3 => Expr::Or(self.list(|r| r.expr(depth + 1))),
            _ => {
                let field = self.ix(self.fields);
                // Where the test sits in the condition's text (for messages only).
                let start = self.ix(usize::MAX);
                let end = self.ix(usize::MAX);
                let test = match self.below(7) {
                    0 => Test::Answered,
                    1 => Test::ChoiceIn(self.mask()),
                    2 => Test::SetAny(self.mask32()),
                    3 => Test::SetAll(self.mask32()),
                    4 => {
                        let cmp = match self.below(6) {
                            0 => Cmp::Eq,
                            1 => Cmp::Ne,
                            2 => Cmp::Lt,
                            3 => Cmp::Le,
                            4 => Cmp::Gt,
                            _ => Cmp::Ge,
                        };
                        Test::Number(cmp, self.num())
                    }
                    5 => Test::Is(self.bool()),
                    _ => Test::TextIn(self.strs()),
                };
                Expr::Test {
                    field,
                    test,
                    start,
                    end,
                }
            }
        }
    }

    fn exprs(&mut self) -> Vec<Expr> {
        self.list(|r| r.expr(0))
    }

    fn opt_exprs(&mut self) -> Vec<Option<Expr>> {
        self.list(|r| r.opt(|r| r.expr(0)))
    }
}

fn read_pack(text: &str) -> Result<Pack, (usize, &'static str)> {
    let Some(body) = text.strip_prefix(COMPACT_HEADER) else {
        return Err((0, "no header line umbral.pack-compact/5"));
    };
    let mut r = Reader {
        text,
        at: text.len() - body.len(),
        failed: None,
        fields: 0,
        texts: [(0, 0); 2],
    };
    let r = &mut r;
    for language in 0..2 {
        // `size` bounds the length by the bytes left before its digits: the section must
        // also fit in those left after them (a file cut inside a section).
        let len = r.size();
        if len > text.len() - r.at {
            r.fail("a language's texts cut short");
            break;
        }
        // An empty section stays (0, 0): "Spanish only" for the English one.
        if len > 0 {
            r.texts[language] = (r.at, r.at + len);
        }
        r.at += len;
    }
    if r.texts == [(0, 0); 2] {
        r.fail("no texts in either language");
    }
    let mut data = PackData {
        id: r.str(),
        version: r.str(),
        country: r.opt_str(),
        currency: r.opt_str(),
        name: r.text(),
        layers: r.strs(),
        dimensions: r.list(|r| DimensionData {
            id: r.str(),
            label: r.text(),
            weight: r.small(),
        }),
        scores: r.list(|r| ScoreData {
            id: r.str(),
            dimension: r.str(),
            when: r.str(),
            points: r.small(),
            text: r.text(),
        }),
        requirements: r.list(|r| RequirementData {
            id: r.str(),
            label: r.text(),
            missing: r.text(),
            met_when: r.str(),
            applies_when: r.opt_str(),
            parallel: r.bool(),
        }),
        pathways: r.list(|r| PathwayData {
            id: r.str(),
            label: r.text(),
            summary: r.text(),
            requires: Vec::new(),
            goals: r.strs(),
            ladder: r.bool(),
            in_use_when: r.opt_str(),
        }),
        entries: r.list(|r| EntryData {
            id: r.str(),
            kind: match r.below(3) {
                0 => EntryKind::Tool,
                1 => EntryKind::Action,
                _ => EntryKind::Programme,
            },
            name: r.text(),
            summary: r.text(),
            addresses: Vec::new(),
            opens: Vec::new(),
            needs: Vec::new(),
            when: r.opt_str(),
            eligible_when: r.opt_str(),
            eligibility: r.opt(Reader::text),
            localities: r.opt(Reader::strs),
            regions: r.opt(Reader::strs),
            setup: r.num(),
            monthly: r.num(),
            commission_pct: r.num(),
            cost_note: r.opt(Reader::text),
            approximate: r.bool(),
            per_use: r.bool(),
            priority: r.int() as i32,
            url: r.opt_str(),
            checked: r.str(),
            source: String::new(),
            sets: Default::default(),
        }),
        questions: r.list(|r| QuestionData {
            id: r.str(),
            field: r.str(),
            group: r.str(),
            text: r.text(),
            help: r.opt(Reader::text),
            show_when: r.opt_str(),
            dont_know: r.bool(),
            prefer_not: r.bool(),
            options: r.list(|r| OptionData {
                value: match r.below(4) {
                    0 => OptionValue::Bool(r.bool()),
                    1 => OptionValue::Int(r.int()),
                    2 => OptionValue::Num(r.num()),
                    _ => OptionValue::Text(r.str()),
                },
                label: r.text(),
            }),
            min: r.opt(Reader::num),
            max: r.opt(Reader::num),
            unit: r.opt_str(),
        }),
        fields: r.list(|r| FieldData {
            id: r.str(),
            kind: r.str(),
            values: r.strs(),
        }),
        terms: r.list(|r| TermData {
            id: r.str(),
            term: r.text(),
            text: r.text(),
        }),
    };
    let mut fields = core_fields().to_vec();
    fields.extend(r.list(Reader::field));
    r.fields = fields.len();
    // A pack's own fields live under `extra.` (answers are read from there by name).
    if !fields[core_fields().len()..]
        .iter()
        .all(|f| f.path.len() > "extra.".len() && f.path.starts_with("extra."))
    {
        r.fail("a pack field outside extra.");
    }
    // How many items each section has, which its linked parts must match and index.
    let dimension_count = data.dimensions.len();
    let score_count = data.scores.len();
    let requirement_count = data.requirements.len();
    let pathway_count = data.pathways.len();
    let entry_count = data.entries.len();
    let question_count = data.questions.len();
    // Each section's linked parts, read in the order `to_compact` wrote them.
    let scores = LinkedScores {
        when: r.exprs(),
        dimension: r.ixs(dimension_count),
    };
    let mut requirements = LinkedRequirements {
        met: r.exprs(),
        applies: r.opt_exprs(),
        alternatives: Vec::with_capacity(requirement_count),
    };
    let pathways = LinkedPathways {
        requires: r.list(|r| r.ixs(requirement_count)),
        in_use: r.opt_exprs(),
    };
    let entries = LinkedEntries {
        addresses: r.list(|r| r.ixs(requirement_count)),
        opens: r.list(|r| r.ixs(pathway_count)),
        needs: r.list(|r| r.ixs(requirement_count)),
        when: r.opt_exprs(),
        eligible: r.opt_exprs(),
        localities: r.list(|r| r.opt(Reader::uint)),
    };
    let questions = LinkedQuestions {
        field: r.ixs(fields.len()),
        show: r.opt_exprs(),
    };
    // Each entry's `sets`, on core fields only. Values are data, checked where they are
    // applied (`Pack::apply_sets`).
    for _ in 0..r.size() {
        let e = r.ix(entry_count);
        let f = r.ix(core_fields().len());
        let value = match r.below(4) {
            0 => SetValue::Bool(r.bool()),
            1 => SetValue::Int(r.int()),
            2 => SetValue::Text(r.str()),
            _ => SetValue::Items(r.strs()),
        };
        if r.failed.is_some() {
            break;
        }
        data.entries[e].sets.push((fields[f].path.clone(), value));
    }
    let languages = r.strs();
    let words = r.strs();
    if r.at != text.len() {
        r.fail("more after the end of the pack");
    }
    if r.texts.iter().any(|(at, end)| at != end) {
        r.fail("texts that belong to nothing");
    }
    // Every per-item list must have one entry per item.
    if [
        scores.when.len() == score_count,
        scores.dimension.len() == score_count,
        requirements.met.len() == requirement_count,
        requirements.applies.len() == requirement_count,
        pathways.requires.len() == pathway_count,
        pathways.in_use.len() == pathway_count,
        entries.addresses.len() == entry_count,
        entries.opens.len() == entry_count,
        entries.needs.len() == entry_count,
        entries.when.len() == entry_count,
        entries.eligible.len() == entry_count,
        entries.localities.len() == entry_count,
        questions.field.len() == question_count,
        questions.show.len() == question_count,
    ]
    .contains(&false)
    {
        r.fail("lists of different lengths");
    }
    for met in &requirements.met {
        let alts = alternatives(met, MAX_ALTERNATIVES);
        if alts.is_none() {
            r.fail("a requirement with too many alternatives");
        }
        requirements.alternatives.push(alts.unwrap_or_default());
    }
    let ids = (data.dimensions.iter().map(|x| &x.id))
        .chain(data.requirements.iter().map(|x| &x.id))
        .chain(data.pathways.iter().map(|x| &x.id))
        .chain(data.scores.iter().map(|x| &x.id))
        .chain(data.entries.iter().map(|x| &x.id))
        .chain(data.questions.iter().map(|x| &x.id));
    if !ids.into_iter().all(|id| is_plain_id(id)) {
        r.fail("an id with a quote, a backslash or a control character");
    }
    // Links as the linker allows them: the views draw them as they are.
    if !data
        .entries
        .iter()
        .all(|e| e.url.as_deref().is_none_or(super::links::is_safe_link))
    {
        r.fail("a link that is not a plain https address");
    }
    // Costs as the linker allows them: the planner adds them up against budgets.
    let cost = |x: f64| x.is_finite() && x >= 0.0;
    if !data.entries.iter().all(|e| {
        cost(e.setup) && cost(e.monthly) && cost(e.commission_pct) && e.commission_pct <= 100.0
    }) {
        r.fail("a cost that is not a number from 0 up");
    }
    if let Some(failed) = r.failed {
        return Err(failed);
    }
    // The lists of ids the linked indexes stand for (every index was checked on reading).
    let ids = |list: &[usize], of: &[RequirementData]| -> Vec<String> {
        list.iter().map(|&i| of[i].id.clone()).collect()
    };
    for (p, pathway) in data.pathways.iter_mut().enumerate() {
        pathway.requires = ids(&pathways.requires[p], &data.requirements);
    }
    for (e, entry) in data.entries.iter_mut().enumerate() {
        entry.addresses = ids(&entries.addresses[e], &data.requirements);
        entry.needs = ids(&entries.needs[e], &data.requirements);
        entry.opens = entries.opens[e]
            .iter()
            .map(|&p| data.pathways[p].id.clone())
            .collect();
    }
    let linked = Linked {
        fields,
        scores,
        requirements,
        pathways,
        entries,
        questions,
    };
    let mut pack = Pack::new(data, linked);
    pack.languages = languages;
    pack.words = words;
    Ok(pack)
}
