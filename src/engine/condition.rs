//! The condition language of rule packs: parsing, type checking against the profile fields,
//! three-valued evaluation, the monotonicity check and the alternatives `next_unlock` needs.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | "(" expr ")" | "true" | "false" | test
//! test    := path [ op value | "in" list | "has" value | "has" ("any"|"all") list
//!                 | "is" ["not"] "answered" ]
//! op      := "==" | "!=" | "<" | "<=" | ">" | ">="
//! list    := "[" value ("," value)* "]"
//! ```
//!
//! A bare path tests a yes/no field for yes. A field that was not answered makes its test
//! *unknown*; `and`, `or` and `not` follow Kleene's three-valued logic, so "not answered" never
//! turns into "no".

use std::fmt;

use super::profile::{Field, FieldIx, FieldKind, Value};

/// A parse or type error, with the byte range inside the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    fn not(self) -> Truth {
        match self {
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
            Truth::True => Truth::False,
        }
    }
}

/// Comparison operators on numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// What one test checks about one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Answered,
    /// The field's choice is one of the values whose bit is set.
    ChoiceIn(u64),
    /// The set holds at least one of the items whose bit is set.
    SetAny(u32),
    /// The set holds every item whose bit is set.
    SetAll(u32),
    Number(Cmp, f64),
    Is(bool),
    TextIn(Vec<String>),
}

/// A parsed and type-checked condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Const(bool),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Test {
        field: FieldIx,
        test: Test,
        start: usize,
        end: usize,
    },
}

/// The answers a condition reads, indexed like the pack's field list.
pub type Answers = [Option<Value>];

impl Expr {
    /// How deep the condition nests: 0 for a test or a constant, one more for each `not`,
    /// `and` and `or` around it (see [`MAX_DEPTH`]).
    pub fn depth(&self) -> u32 {
        match self {
            Expr::Not(e) => 1 + e.depth(),
            Expr::And(list) | Expr::Or(list) => 1 + list.iter().map(Expr::depth).max().unwrap_or(0),
            _ => 0,
        }
    }

    /// Evaluates the condition with three-valued logic.
    pub fn eval(&self, answers: &Answers) -> Truth {
        match self {
            Expr::Const(b) => truth(*b),
            Expr::Not(e) => e.eval(answers).not(),
            Expr::And(list) => {
                let mut result = Truth::True;
                for e in list {
                    result = result.min(e.eval(answers));
                    if result == Truth::False {
                        break;
                    }
                }
                result
            }
            Expr::Or(list) => {
                let mut result = Truth::False;
                for e in list {
                    result = result.max(e.eval(answers));
                    if result == Truth::True {
                        break;
                    }
                }
                result
            }
            Expr::Test { field, test, .. } => eval_test(test, answers[*field].as_ref()),
        }
    }

    /// The fields the condition reads, each once, in field order.
    pub fn fields(&self) -> Vec<FieldIx> {
        let mut out = Vec::new();
        self.visit_tests(&mut |field, _| out.push(field));
        super::sort_small(&mut out, |&f| f);
        out.dedup();
        out
    }

    /// Adds to `out` the unanswered fields whose answer could change an unknown result.
    pub fn unknown_fields(&self, answers: &Answers, out: &mut Vec<FieldIx>) {
        match self {
            Expr::Const(_) => {}
            Expr::Not(e) => e.unknown_fields(answers, out),
            Expr::And(list) | Expr::Or(list) => {
                for e in list {
                    if e.eval(answers) == Truth::Unknown {
                        e.unknown_fields(answers, out);
                    }
                }
            }
            Expr::Test { field, test, .. } => {
                if *test != Test::Answered && answers[*field].is_none() {
                    out.push(*field);
                }
            }
        }
    }

    fn visit_tests(&self, f: &mut impl FnMut(FieldIx, &Test)) {
        match self {
            Expr::Const(_) => {}
            Expr::Not(e) => e.visit_tests(f),
            Expr::And(list) | Expr::Or(list) => list.iter().for_each(|e| e.visit_tests(f)),
            Expr::Test { field, test, .. } => f(*field, test),
        }
    }
}

fn truth(b: bool) -> Truth {
    if b {
        Truth::True
    } else {
        Truth::False
    }
}

fn eval_test(test: &Test, value: Option<&Value>) -> Truth {
    let Some(value) = value else {
        return if *test == Test::Answered {
            Truth::False
        } else {
            Truth::Unknown
        };
    };
    truth(match (test, value) {
        (Test::Answered, _) => true,
        (Test::ChoiceIn(mask), Value::Choice(i)) => mask & (1 << i) != 0,
        (Test::SetAny(mask), Value::Set(bits)) => mask & bits != 0,
        (Test::SetAll(mask), Value::Set(bits)) => mask & bits == *mask,
        (Test::Number(cmp, x), Value::Int(n)) => compare(*cmp, *n as f64, *x),
        (Test::Number(cmp, x), Value::Num(n)) => compare(*cmp, *n, *x),
        (Test::Is(b), Value::Bool(v)) => b == v,
        (Test::TextIn(list), Value::Text(s)) => list.iter().any(|x| x == s),
        // Type checking rules these out; a mismatched answer never satisfies a test.
        _ => false,
    })
}

fn compare(cmp: Cmp, a: f64, b: f64) -> bool {
    match cmp {
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::Lt => a < b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Ge => a >= b,
    }
}

// ---------------------------------------------------------------------------------------------
// Lexing and parsing

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Num(f64),
    Str(String),
    Op(Cmp),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

fn lex(src: &str) -> Result<Vec<Token>, ConditionError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let simple = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => Some(Tok::LParen),
            b')' => Some(Tok::RParen),
            b'[' => Some(Tok::LBracket),
            b']' => Some(Tok::RBracket),
            b',' => Some(Tok::Comma),
            _ => None,
        };
        if let Some(tok) = simple {
            i += 1;
            out.push(Token { tok, start, end: i });
            continue;
        }
        let two = bytes.get(i + 1).copied();
        let op = match (c, two) {
            (b'=', Some(b'=')) => Some((Cmp::Eq, 2)),
            (b'!', Some(b'=')) => Some((Cmp::Ne, 2)),
            (b'<', Some(b'=')) => Some((Cmp::Le, 2)),
            (b'>', Some(b'=')) => Some((Cmp::Ge, 2)),
            (b'<', _) => Some((Cmp::Lt, 1)),
            (b'>', _) => Some((Cmp::Gt, 1)),
            _ => None,
        };
        if let Some((cmp, len)) = op {
            i += len;
            out.push(Token {
                tok: Tok::Op(cmp),
                start,
                end: i,
            });
            continue;
        }
        if c == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(err(start, bytes.len(), "unterminated string"));
            }
            out.push(Token {
                tok: Tok::Str(src[start + 1..i].to_string()),
                start,
                end: i + 1,
            });
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == b'-' && two.is_some_and(|d| d.is_ascii_digit())) {
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            let text = &src[start..i];
            let n: f64 = text
                .parse()
                .map_err(|_| err(start, i, &format!("'{text}' is not a number")))?;
            out.push(Token {
                tok: Tok::Num(n),
                start,
                end: i,
            });
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'.' | b'-'))
            {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Word(src[start..i].to_string()),
                start,
                end: i,
            });
            continue;
        }
        let ch = src[i..].chars().next().unwrap_or('?');
        return Err(err(
            start,
            start + ch.len_utf8(),
            &format!("unexpected character '{ch}'"),
        ));
    }
    Ok(out)
}

fn err(start: usize, end: usize, message: &str) -> ConditionError {
    ConditionError {
        start,
        end,
        message: message.to_string(),
    }
}

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "has", "any", "all", "is", "answered", "true", "false",
];

/// The deepest a condition may nest: `not`, `and` and `or` each add a level, a test is none.
/// The one limit for every reader: the parser refuses deeper conditions with a message, and
/// the compact reader refuses them in a file, so a pack that passes `umbral validate` (or the
/// browser's check of a programme pack) always reads back.
pub const MAX_DEPTH: u32 = 64;

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    fields: &'a [Field],
    src_len: usize,
    /// Parentheses and `not`s open around the token being read: bounded, so that a hostile
    /// condition cannot exhaust the stack before the depth is checked.
    open: u32,
}

/// Parses and type-checks a condition against `fields`.
pub fn parse(src: &str, fields: &[Field]) -> Result<Expr, ConditionError> {
    let tokens = lex(src)?;
    if tokens.is_empty() {
        return Err(err(0, src.len(), "empty condition"));
    }
    let mut p = Parser {
        tokens,
        pos: 0,
        fields,
        src_len: src.len(),
        open: 0,
    };
    let e = p.or()?;
    if let Some(t) = p.tokens.get(p.pos) {
        return Err(err(
            t.start,
            t.end,
            "unexpected text after the condition; expected 'and', 'or' or the end",
        ));
    }
    if e.depth() > MAX_DEPTH {
        return Err(err(0, src.len(), &too_deep()));
    }
    Ok(e)
}

fn too_deep() -> String {
    format!("the condition nests more than {MAX_DEPTH} levels of 'not', 'and', 'or' and parentheses; write it flatter")
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn peek_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x == w)
    }

    fn here(&self) -> (usize, usize) {
        match self.tokens.get(self.pos) {
            Some(t) => (t.start, t.end),
            None => (self.src_len, self.src_len),
        }
    }

    fn fail<T>(&self, message: &str) -> Result<T, ConditionError> {
        let (s, e) = self.here();
        Err(err(s, e, message))
    }

    fn or(&mut self) -> Result<Expr, ConditionError> {
        let mut list = vec![self.and()?];
        while self.peek_word("or") {
            self.pos += 1;
            list.push(self.and()?);
        }
        Ok(if list.len() == 1 {
            list.pop().expect("one element")
        } else {
            Expr::Or(list)
        })
    }

    fn and(&mut self) -> Result<Expr, ConditionError> {
        let mut list = vec![self.unary()?];
        while self.peek_word("and") {
            self.pos += 1;
            list.push(self.unary()?);
        }
        Ok(if list.len() == 1 {
            list.pop().expect("one element")
        } else {
            Expr::And(list)
        })
    }

    fn unary(&mut self) -> Result<Expr, ConditionError> {
        let opens = matches!(self.peek(), Some(Tok::LParen))
            || matches!(self.peek(), Some(Tok::Word(w)) if w == "not");
        if opens && self.open >= MAX_DEPTH {
            return self.fail(&too_deep());
        }
        match self.peek() {
            Some(Tok::Word(w)) if w == "not" => {
                self.pos += 1;
                self.open += 1;
                let e = self.unary()?;
                self.open -= 1;
                Ok(Expr::Not(Box::new(e)))
            }
            Some(Tok::LParen) => {
                self.pos += 1;
                self.open += 1;
                let e = self.or()?;
                self.open -= 1;
                if self.peek() != Some(&Tok::RParen) {
                    return self.fail("expected ')'");
                }
                self.pos += 1;
                Ok(e)
            }
            Some(Tok::Word(w)) if w == "true" || w == "false" => {
                let b = w == "true";
                self.pos += 1;
                Ok(Expr::Const(b))
            }
            Some(Tok::Word(w)) if !KEYWORDS.contains(&w.as_str()) => self.test(),
            None => self.fail("the condition ends too early; expected a field"),
            _ => self.fail("expected a field, 'not' or '('"),
        }
    }

    fn test(&mut self) -> Result<Expr, ConditionError> {
        let (start, mut end) = self.here();
        let Some(Tok::Word(path)) = self.peek().cloned() else {
            return self.fail("expected a field");
        };
        let Some(field) = self.fields.iter().position(|f| f.path == path) else {
            return Err(err(start, end, &unknown_field_message(&path, self.fields)));
        };
        self.pos += 1;
        let kind = &self.fields[field].kind;
        let test = match self.peek().cloned() {
            Some(Tok::Op(cmp)) => {
                self.pos += 1;
                let (vs, ve) = self.here();
                let value = self.value()?;
                end = ve;
                compare_test(kind, cmp, &value, vs, ve, &path)?
            }
            Some(Tok::Word(w)) if w == "in" => {
                self.pos += 1;
                let items = self.list()?;
                end = self.tokens[self.pos - 1].end;
                in_test(kind, &items, &path)?
            }
            Some(Tok::Word(w)) if w == "has" => {
                self.pos += 1;
                let FieldKind::Set { items } = kind else {
                    return Err(err(
                        start,
                        end,
                        &format!(
                            "'has' needs a field that holds a set; '{path}' is {}",
                            kind.describe()
                        ),
                    ));
                };
                let (all, listed) = if self.peek_word("any") || self.peek_word("all") {
                    let all = self.peek_word("all");
                    self.pos += 1;
                    (all, self.list()?)
                } else {
                    let (vs, ve) = self.here();
                    (false, vec![(self.value()?, vs, ve)])
                };
                end = self.tokens[self.pos - 1].end;
                let mut mask = 0u32;
                for (v, vs, ve) in &listed {
                    let i = member(items, v, *vs, *ve, &path)?;
                    mask |= 1 << i;
                }
                if all {
                    Test::SetAll(mask)
                } else {
                    Test::SetAny(mask)
                }
            }
            Some(Tok::Word(w)) if w == "is" => {
                self.pos += 1;
                let negated = self.peek_word("not");
                if negated {
                    self.pos += 1;
                }
                if !self.peek_word("answered") {
                    return self.fail("expected 'answered'");
                }
                end = self.here().1;
                self.pos += 1;
                let e = Expr::Test {
                    field,
                    test: Test::Answered,
                    start,
                    end,
                };
                return Ok(if negated { Expr::Not(Box::new(e)) } else { e });
            }
            _ => {
                if !matches!(kind, FieldKind::Bool { .. }) {
                    return Err(err(
                        start,
                        end,
                        &format!(
                            "'{path}' is {}, not yes or no: compare it, e.g. '{path} == …'",
                            kind.describe()
                        ),
                    ));
                }
                Test::Is(true)
            }
        };
        Ok(Expr::Test {
            field,
            test,
            start,
            end,
        })
    }

    fn value(&mut self) -> Result<Tok, ConditionError> {
        match self.peek().cloned() {
            Some(t @ (Tok::Word(_) | Tok::Num(_) | Tok::Str(_))) => {
                self.pos += 1;
                Ok(t)
            }
            _ => self.fail("expected a value"),
        }
    }

    fn list(&mut self) -> Result<Vec<(Tok, usize, usize)>, ConditionError> {
        if self.peek() != Some(&Tok::LBracket) {
            return self.fail("expected '[' to start a list");
        }
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let (s, e) = self.here();
            out.push((self.value()?, s, e));
            match self.peek() {
                Some(Tok::Comma) => self.pos += 1,
                Some(Tok::RBracket) => {
                    self.pos += 1;
                    return Ok(out);
                }
                _ => return self.fail("expected ',' or ']'"),
            }
        }
    }
}

fn unknown_field_message(path: &str, fields: &[Field]) -> String {
    let (group, _) = path.split_once('.').unwrap_or(("", path));
    let mut near: Vec<&str> = fields
        .iter()
        .filter(|f| f.path.split_once('.').map(|(g, _)| g) == Some(group))
        .map(|f| f.path.as_str())
        .collect();
    if near.is_empty() {
        near = fields.iter().map(|f| f.path.as_str()).collect();
    }
    format!(
        "unknown field '{path}'; expected one of: {}",
        near.join(", ")
    )
}

fn word(tok: &Tok) -> Option<String> {
    match tok {
        Tok::Word(w) | Tok::Str(w) => Some(w.clone()),
        Tok::Num(n) => Some(n.to_string()),
        _ => None,
    }
}

fn member(
    values: &[String],
    tok: &Tok,
    start: usize,
    end: usize,
    path: &str,
) -> Result<usize, ConditionError> {
    let w = word(tok).unwrap_or_default();
    values.iter().position(|v| *v == w).ok_or_else(|| {
        err(
            start,
            end,
            &format!(
                "unknown value '{w}' for '{path}'; expected one of: {}",
                values.join(", ")
            ),
        )
    })
}

fn compare_test(
    kind: &FieldKind,
    cmp: Cmp,
    value: &Tok,
    vs: usize,
    ve: usize,
    path: &str,
) -> Result<Test, ConditionError> {
    match kind {
        FieldKind::Integer { .. } | FieldKind::Number { .. } => match value {
            Tok::Num(n) => Ok(Test::Number(cmp, *n)),
            _ => Err(err(
                vs,
                ve,
                &format!("'{path}' is {}; compare it with a number", kind.describe()),
            )),
        },
        FieldKind::Choice { values, ranks } => {
            let i = member(values, value, vs, ve, path)?;
            let mask = match cmp {
                Cmp::Eq => 1u64 << i,
                Cmp::Ne => all_bits(values.len()) & !(1u64 << i),
                _ => {
                    let Some(ranks) = ranks else {
                        return Err(err(
                            vs,
                            ve,
                            &format!(
                                "'{path}' has no order, so '<' and '>' do not apply; use '==', '!=' or 'in'"
                            ),
                        ));
                    };
                    let r = ranks[i];
                    ranks
                        .iter()
                        .enumerate()
                        .filter(|(_, &x)| match cmp {
                            Cmp::Lt => x < r,
                            Cmp::Le => x <= r,
                            Cmp::Gt => x > r,
                            Cmp::Ge => x >= r,
                            Cmp::Eq | Cmp::Ne => unreachable!("handled above"),
                        })
                        .fold(0u64, |m, (j, _)| m | 1 << j)
                }
            };
            Ok(Test::ChoiceIn(mask))
        }
        FieldKind::Bool { .. } => match (cmp, value) {
            (Cmp::Eq | Cmp::Ne, Tok::Word(w)) if w == "true" || w == "false" => {
                Ok(Test::Is((w == "true") == (cmp == Cmp::Eq)))
            }
            _ => Err(err(
                vs,
                ve,
                &format!("'{path}' is yes or no; write '{path}' or 'not {path}'"),
            )),
        },
        FieldKind::Text { .. } => match (cmp, word(value)) {
            (Cmp::Eq, Some(w)) => Ok(Test::TextIn(vec![w])),
            _ => Err(err(vs, ve, &format!("'{path}' is text; use '==' or 'in'"))),
        },
        FieldKind::Set { .. } => Err(err(
            vs,
            ve,
            &format!("'{path}' holds a set; use 'has', 'has any' or 'has all'"),
        )),
    }
}

fn in_test(
    kind: &FieldKind,
    items: &[(Tok, usize, usize)],
    path: &str,
) -> Result<Test, ConditionError> {
    match kind {
        FieldKind::Choice { values, .. } => {
            let mut mask = 0u64;
            for (v, s, e) in items {
                mask |= 1 << member(values, v, *s, *e, path)?;
            }
            Ok(Test::ChoiceIn(mask))
        }
        FieldKind::Text { .. } => Ok(Test::TextIn(
            items.iter().filter_map(|(t, _, _)| word(t)).collect(),
        )),
        FieldKind::Integer { .. } | FieldKind::Number { .. } => {
            let (_, s, e) = &items[0];
            Err(err(
                *s,
                *e,
                &format!("'{path}' is a number; compare it with '<', '>=' and so on"),
            ))
        }
        _ => {
            let (_, s, e) = &items[0];
            Err(err(
                *s,
                *e,
                &format!(
                    "'in' needs a field with one value from a list; '{path}' is {}",
                    kind.describe()
                ),
            ))
        }
    }
}

fn all_bits(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Monotonicity

/// Checks that the condition can only become true, never false, as answers improve along the
/// profile's orders. Returns the offending test's range and a message otherwise.
pub fn check_monotone(expr: &Expr, fields: &[Field]) -> Result<(), ConditionError> {
    walk_monotone(expr, fields, true)
}

fn walk_monotone(expr: &Expr, fields: &[Field], positive: bool) -> Result<(), ConditionError> {
    match expr {
        Expr::Const(_) => Ok(()),
        Expr::Not(e) => walk_monotone(e, fields, !positive),
        Expr::And(list) | Expr::Or(list) => list
            .iter()
            .try_for_each(|e| walk_monotone(e, fields, positive)),
        Expr::Test {
            field,
            test,
            start,
            end,
        } => {
            let f = &fields[*field];
            if !f.kind.is_ordered() {
                return Ok(());
            }
            let (up, down) = closure(&f.kind, test);
            if (positive && up) || (!positive && down) {
                Ok(())
            } else {
                Err(err(
                    *start,
                    *end,
                    &format!(
                        "this test could turn false when '{}' improves; score rules and requirements must only become true as answers improve (use '>=', 'has' or a yes test, without 'not')",
                        f.path
                    ),
                ))
            }
        }
    }
}

/// Whether the set of values passing `test` is closed upwards and downwards along the order.
fn closure(kind: &FieldKind, test: &Test) -> (bool, bool) {
    match test {
        Test::Answered => (true, true),
        Test::ChoiceIn(mask) => {
            let n = match kind {
                FieldKind::Choice { values, .. } => values.len(),
                _ => 0,
            };
            let inside = |i: usize| mask & (1 << i) != 0;
            let mut up = true;
            let mut down = true;
            for i in 0..n {
                for j in 0..n {
                    let (ri, rj) = (kind.rank(i as u8), kind.rank(j as u8));
                    if inside(i) && !inside(j) {
                        if rj > ri {
                            up = false;
                        }
                        if rj < ri {
                            down = false;
                        }
                    }
                }
            }
            (up, down)
        }
        Test::SetAny(_) | Test::SetAll(_) => (true, false),
        Test::Number(cmp, _) => match cmp {
            Cmp::Ge | Cmp::Gt => (true, false),
            Cmp::Le | Cmp::Lt => (false, true),
            Cmp::Eq | Cmp::Ne => (false, false),
        },
        Test::Is(b) => (*b, !*b),
        Test::TextIn(_) => (true, true),
    }
}

// ---------------------------------------------------------------------------------------------
// Alternatives for next_unlock

/// One test in negation-normal form: `negated` tests hold when the plain test does not.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    pub field: FieldIx,
    pub test: Test,
    pub negated: bool,
}

/// The condition as alternatives (disjunctive normal form): it holds when every literal of
/// some alternative holds. `None` when it would take more than `limit` alternatives.
pub fn alternatives(expr: &Expr, limit: usize) -> Option<Vec<Vec<Literal>>> {
    dnf(expr, false, limit)
}

fn dnf(expr: &Expr, negated: bool, limit: usize) -> Option<Vec<Vec<Literal>>> {
    match (expr, negated) {
        (Expr::Const(b), _) => Some(if *b != negated { vec![vec![]] } else { vec![] }),
        (Expr::Not(e), _) => dnf(e, !negated, limit),
        (Expr::Or(list), false) | (Expr::And(list), true) => {
            let mut out = Vec::new();
            for e in list {
                out.extend(dnf(e, negated, limit)?);
                if out.len() > limit {
                    return None;
                }
            }
            Some(out)
        }
        (Expr::And(list), false) | (Expr::Or(list), true) => {
            let mut out: Vec<Vec<Literal>> = vec![vec![]];
            for e in list {
                let part = dnf(e, negated, limit)?;
                let mut next = Vec::new();
                for a in &out {
                    for b in &part {
                        let mut c = a.clone();
                        c.extend(b.iter().cloned());
                        next.push(c);
                    }
                }
                if next.len() > limit {
                    return None;
                }
                out = next;
            }
            Some(out)
        }
        (Expr::Test { field, test, .. }, _) => Some(vec![vec![Literal {
            field: *field,
            test: test.clone(),
            negated,
        }]]),
    }
}

impl Literal {
    /// Evaluates the literal.
    pub fn eval(&self, answers: &Answers) -> Truth {
        let t = eval_test(&self.test, answers[self.field].as_ref());
        if self.negated {
            t.not()
        } else {
            t
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::profile::{core_field, core_fields};

    fn check(src: &str) -> Result<Expr, String> {
        parse(src, core_fields()).map_err(|e| format!("{}..{}: {}", e.start, e.end, e.message))
    }

    fn answers(pairs: &[(&str, Value)]) -> Vec<Option<Value>> {
        let mut a = vec![None; core_fields().len()];
        for (path, v) in pairs {
            a[core_field(path).unwrap()] = Some(v.clone());
        }
        a
    }

    #[test]
    fn parses_every_form() {
        for src in [
            "connectivity.internet >= mobile_data",
            "connectivity.devices has smartphone",
            "connectivity.devices has any [smartphone, computer]",
            "payments.accepts has all [cash, card]",
            "sector in [food, beverages]",
            "logistics.perishable",
            "not logistics.perishable and (goal == export or goal != get_found)",
            "skills.hours_per_week >= 5",
            "formalisation.tax_id is answered",
            "formalisation.tax_id is not answered",
            "region in [MX-GUA, MX-PUE]",
            "true",
        ] {
            check(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        }
    }

    #[test]
    fn errors_point_at_the_spot() {
        let cases = [
            ("connectivity.internt >= mobile_data", "0..20: unknown field 'connectivity.internt'; expected one of: connectivity.internet, connectivity.devices"),
            ("connectivity.internet >= fibre", "25..30: unknown value 'fibre' for 'connectivity.internet'; expected one of: none, intermittent, mobile_data, broadband"),
            ("sector >= food", "10..14: 'sector' has no order, so '<' and '>' do not apply; use '==', '!=' or 'in'"),
            ("connectivity.devices >= smartphone", "24..34: 'connectivity.devices' holds a set; use 'has', 'has any' or 'has all'"),
            ("motivation.level", "0..16: 'motivation.level' is a whole number, not yes or no: compare it, e.g. 'motivation.level == …'"),
            ("logistics.packaging and", "23..23: the condition ends too early; expected a field"),
            ("(logistics.packaging", "20..20: expected ')'"),
            ("logistics.packaging logistics.perishable", "20..40: unexpected text after the condition; expected 'and', 'or' or the end"),
            ("skills.digital_level >= high", "24..28: 'skills.digital_level' is a whole number; compare it with a number"),
            ("logistics.packaging & x", "20..21: unexpected character '&'"),
        ];
        for (src, want) in cases {
            assert_eq!(check(src).unwrap_err(), want, "{src}");
        }
    }

    #[test]
    fn unanswered_is_unknown_not_no() {
        let e = check("connectivity.internet >= mobile_data").unwrap();
        assert_eq!(e.eval(&answers(&[])), Truth::Unknown);
        let e = check("connectivity.internet >= mobile_data or logistics.packaging").unwrap();
        assert_eq!(
            e.eval(&answers(&[("logistics.packaging", Value::Bool(true))])),
            Truth::True
        );
        let e = check("not logistics.perishable").unwrap();
        assert_eq!(e.eval(&answers(&[])), Truth::Unknown);
        let e = check("formalisation.tax_id is answered").unwrap();
        assert_eq!(e.eval(&answers(&[])), Truth::False);
    }

    #[test]
    fn ranks_make_helper_and_permits_ordered() {
        let e = check("skills.helper > none").unwrap();
        assert_eq!(
            e.eval(&answers(&[("skills.helper", Value::Choice(2))])),
            Truth::True
        );
        let e = check("formalisation.permits >= complete").unwrap();
        assert_eq!(
            e.eval(&answers(&[("formalisation.permits", Value::Choice(0))])),
            Truth::True,
            "not_needed counts as complete"
        );
    }

    #[test]
    fn monotonicity() {
        for ok in [
            "connectivity.internet >= mobile_data",
            "not (connectivity.internet < mobile_data)",
            "connectivity.devices has any [smartphone]",
            "sector == food and logistics.packaging",
            "not logistics.perishable",
            "formalisation.tax_id in [registered, can_invoice]",
        ] {
            check_monotone(&check(ok).unwrap(), core_fields())
                .unwrap_or_else(|e| panic!("{ok}: {}", e.message));
        }
        for bad in [
            "not (connectivity.internet >= mobile_data)",
            "connectivity.internet == mobile_data",
            "not connectivity.devices has smartphone",
            "skills.hours_per_week < 5",
            "not logistics.packaging",
            "formalisation.tax_id in [none, registered]",
        ] {
            assert!(
                check_monotone(&check(bad).unwrap(), core_fields()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn alternatives_distribute() {
        let e = check("(logistics.packaging or logistics.delivers_locally) and not (payments.bank_account and network.programme)").unwrap();
        let alts = alternatives(&e, 16).unwrap();
        assert_eq!(alts.len(), 4);
        assert!(alts.iter().all(|a| a.len() == 2));
        assert!(alts[0][1].negated);
    }
}
