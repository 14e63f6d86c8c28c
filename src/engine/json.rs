//! A small JSON reader and writer over `serde_json::Value`, for the browser app: it keeps
//! serde_json's generic parser and serializer out of the first load. The writer gives exactly
//! serde_json's compact bytes (`tests/json.rs` holds them equal); the reader accepts exactly
//! JSON (RFC 8259) and reads numbers as serde_json does: integers that fit as integers, other
//! numbers as the nearest double.

use serde_json::{Map, Number, Value as Json};

/// How deeply arrays and objects may nest (serde_json's limit too).
const MAX_DEPTH: u32 = 128;

/// Reads one JSON value from `text` (surrounding whitespace allowed). `Err` says what was
/// wrong and at which byte.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let value = p.value(0).and_then(|v| {
        p.space();
        match p.at < p.bytes.len() {
            true => Err("text after the JSON value"),
            false => Ok(v),
        }
    });
    value.map_err(|what| ["not valid JSON: ", what, " at byte ", &p.at.to_string()].concat())
}

/// The value as compact JSON text: the bytes `serde_json::to_string` gives.
pub fn to_text(value: &Json) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// Appends the value as compact JSON text to `out`.
pub fn write(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => write_number(n, out),
        Json::String(s) => write_string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Json::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write(item, out);
            }
            out.push('}');
        }
    }
}

fn write_number(n: &Number, out: &mut String) {
    let (negative, magnitude) = match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => (false, u),
        (None, Some(i)) => (true, i.unsigned_abs()),
        // A double: serde_json's own formatting of it (shortest round trip).
        _ => {
            use std::fmt::Write;
            let _ = write!(out, "{n}");
            return;
        }
    };
    if negative {
        out.push('-');
    }
    write_u64(magnitude, out);
}

/// Appends the decimal digits of `n`.
pub fn write_u64(n: u64, out: &mut String) {
    let mut buffer = [0u8; 20];
    let digits = decimal_digits(n, &mut buffer);
    // ASCII digits only.
    out.push_str(std::str::from_utf8(digits).unwrap_or_default());
}

/// The decimal digits of `n`, written at the end of `buffer`.
pub(crate) fn decimal_digits(mut n: u64, buffer: &mut [u8; 20]) -> &[u8] {
    let mut i = buffer.len();
    loop {
        i -= 1;
        buffer[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buffer[i..]
}

/// A JSON string, escaped exactly as serde_json escapes ([`escape`]).
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    escape(s, |piece| out.push_str(piece));
    out.push('"');
}

/// The one JSON string escaper of the engine (this module's writer and the report's): `s`
/// as serde_json writes it between its quotes, handed to `emit` in pieces (runs of text as
/// they are, and each escape). A text with nothing to escape, most of a report's, is one piece.
pub fn escape(s: &str, mut emit: impl FnMut(&str)) {
    let bytes = s.as_bytes();
    if !needs_escape(bytes) {
        emit(s);
        return;
    }
    const HEX: &str = "0123456789abcdef";
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            b if b < 0x20 => "\\u00",
            _ => continue,
        };
        // Escaped bytes are ASCII, so the runs between them are whole characters.
        emit(&s[start..i]);
        emit(escaped);
        if escaped == "\\u00" {
            let (high, low) = (usize::from(b >> 4), usize::from(b & 0xf));
            emit(&HEX[high..high + 1]);
            emit(&HEX[low..low + 1]);
        }
        start = i + 1;
    }
    emit(&s[start..]);
}

/// Whether a JSON string needs escapes: a control character, `"` or `\\`.
///
/// Sixteen bytes at a time with no early exit, which the compiler turns into one vector
/// compare each, and the last sixteen again for the bytes left over (rather than a byte at a
/// time: most texts end in a few); a shorter text is padded to sixteen. Reports are mostly
/// pack texts, and this check is much of the time `umbral batch` spends writing them.
fn needs_escape(bytes: &[u8]) -> bool {
    #[inline(always)]
    fn any(chunk: &[u8; 16]) -> bool {
        chunk.iter().fold(false, |acc, &b| {
            acc | (b < 0x20) | (b == b'"') | (b == b'\\')
        })
    }
    let n = bytes.len();
    if n < 16 {
        let mut chunk = [b' '; 16];
        chunk[..n].copy_from_slice(bytes);
        return any(&chunk);
    }
    let mut found = false;
    for chunk in bytes.chunks_exact(16) {
        found |= any(chunk.try_into().expect("chunks of 16"));
    }
    found || (!n.is_multiple_of(16) && any(bytes[n - 16..].try_into().expect("16 bytes")))
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

type Step<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn word(&mut self, word: &str, value: Json) -> Step<Json> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err("expected a value")
        }
    }

    fn value(&mut self, depth: u32) -> Step<Json> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.space();
        match self.peek() {
            Some(b'n') => self.word("null", Json::Null),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err("expected ',' or ']'"),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut map = Map::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Json::Object(map));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err("expected a key in double quotes");
                    }
                    let key = self.string()?;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err("expected ':'");
                    }
                    self.at += 1;
                    let value = self.value(depth + 1)?;
                    map.insert(key, value);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Object(map));
                        }
                        _ => return Err("expected ',' or '}'"),
                    }
                }
            }
            _ => Err("expected a value"),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Step<Json> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.digits() {
            0 => return Err("expected a digit"),
            n if n > 1 && self.bytes[int_start] == b'0' => return Err("a number with a leading 0"),
            _ => {}
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            if self.digits() == 0 {
                return Err("expected a digit after '.'");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err("expected a digit in the exponent");
            }
        }
        let text = &self.text[start..self.at];
        if integer {
            let digits = &self.text[int_start..self.at];
            if let Ok(n) = digits.parse::<u64>() {
                if !negative {
                    return Ok(Json::Number(n.into()));
                }
                // serde_json reads -0, and what does not fit an i64, as a double.
                if let Some(n) = 0i64.checked_sub_unsigned(n).filter(|&n| n != 0) {
                    return Ok(Json::Number(n.into()));
                }
            }
        }
        match text.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) => Ok(Json::Number(n)),
            None => Err("a number out of range"),
        }
    }

    fn hex4(&mut self) -> Step<u32> {
        let hex = self
            .text
            .get(self.at..self.at + 4)
            .ok_or("expected 4 hex digits")?;
        let n = u32::from_str_radix(hex, 16).map_err(|_| "expected 4 hex digits")?;
        if hex.starts_with('+') {
            return Err("expected 4 hex digits");
        }
        self.at += 4;
        Ok(n)
    }

    fn string(&mut self) -> Step<String> {
        // At the opening quote.
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[run..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek().ok_or("a string cut short")?;
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if !self.text[self.at..].starts_with("\\u") {
                                    return Err("a lone surrogate in \\u escapes");
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err("a lone surrogate in \\u escapes");
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code).ok_or("a lone surrogate in \\u escapes")?
                        }
                        _ => return Err("an unknown escape"),
                    });
                }
                Some(_) => return Err("a control character in a string"),
                None => return Err("a string cut short"),
            }
        }
    }
}
