//! The share-link codec: a profile to bytes and back, field by field over the field table.
//! `p2` links are written over every field of `umbral.profile/2`; `p1` links, written before
//! version 2, are read over the fields version 1 had. The byte format is documented in the
//! parent module.

use serde_json::{Map, Number, Value as Json};

use super::armor::{base64url_decode, base64url_encode, crc32, Base64Error};
use super::LinkError;
use crate::engine::profile::{core_fields, is_region, FieldKind, COUNTRIES};
use crate::engine::{Profile, Value};

/// The version this build writes, as it appears before the dot.
pub(super) const VERSION: &str = "p2";

/// The version of the links written before profiles had version 2; still read.
pub(super) const VERSION_1: &str = "p1";

/// The fields a link of a version carries, as indexes into the field table: `p2` carries every
/// field, `p1` the fields of `umbral.profile/1`, in the same relative order.
fn fields_of(version: &str) -> Vec<usize> {
    let table = core_fields();
    (0..table.len())
        .filter(|&i| version == VERSION || table[i].since == 1)
        .collect()
}

/// The longest label a profile may carry, in characters (the profile schema's `maxLength`).
const LABEL_MAX_CHARS: usize = 200;

/// Nesting limit for JSON values under `extra`: the profile's own
/// ([`crate::engine::profile::MAX_EXTRA_DEPTH`]), so a link that opens is a profile that every
/// other reader (draft, stored visit, hand-off file) reads back. It also keeps a hostile link
/// from exhausting the stack.
const MAX_DEPTH: usize = crate::engine::profile::MAX_EXTRA_DEPTH;

/// Whole units and hundredths are exact in an f64 below this (2^53).
const EXACT_LIMIT: u64 = 1 << 53;

// Flag bits of the first byte.
const FLAG_COUNTRY: u8 = 0b0000_0011;
const FLAG_LABEL: u8 = 0b0000_0100;
const FLAG_EXTRA: u8 = 0b0000_1000;

// Budget forms (the low two bits of the budget's varint).
const BUDGET_WHOLE: u64 = 0;
const BUDGET_CENTS: u64 = 1;
const BUDGET_RAW: u64 = 2;

// Tags of JSON values under `extra`.
const TAG_NULL: u8 = 0;
const TAG_FALSE: u8 = 1;
const TAG_TRUE: u8 = 2;
const TAG_UINT: u8 = 3;
const TAG_NEGINT: u8 = 4;
const TAG_FLOAT: u8 = 5;
const TAG_STRING: u8 = 6;
const TAG_ARRAY: u8 = 7;
const TAG_OBJECT: u8 = 8;

pub(super) fn encode(profile: &Profile) -> String {
    let fields = core_fields();
    let country = COUNTRIES
        .iter()
        .position(|c| *c == profile.country)
        // A country without a pack cannot be written; index 3 makes a link that decodes to an
        // error naming `country` rather than to some other country.
        .unwrap_or(3) as u8;
    let mut flags = country;
    if profile.label.is_some() {
        flags |= FLAG_LABEL;
    }
    if !profile.extra.is_empty() {
        flags |= FLAG_EXTRA;
    }
    let mut out = vec![flags];

    // Answers that do not fit their field (only `Profile::set` can make them) are left out.
    let answered: Vec<Option<&Value>> = fields
        .iter()
        .zip(profile.answers())
        .map(|(field, answer)| answer.as_ref().filter(|v| fits(&field.kind, v)))
        .collect();
    let presence = answered
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_some())
        .fold(0u64, |bits, (i, _)| bits | 1 << i);
    write_varint(&mut out, presence);

    let bools: Vec<bool> = answered
        .iter()
        .filter_map(|a| match a {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        })
        .collect();
    for chunk in bools.chunks(8) {
        let byte = chunk
            .iter()
            .enumerate()
            .fold(0u8, |byte, (i, &b)| byte | u8::from(b) << i);
        out.push(byte);
    }

    for (field, answer) in fields.iter().zip(&answered) {
        let Some(value) = answer else { continue };
        match (&field.kind, value) {
            (FieldKind::Choice { .. }, Value::Choice(i)) => out.push(*i),
            (FieldKind::Set { items }, Value::Set(bits)) => {
                out.extend_from_slice(&bits.to_le_bytes()[..set_width(items.len())]);
            }
            (FieldKind::Integer { min, .. }, Value::Int(n)) => {
                write_varint(&mut out, n.abs_diff(*min));
            }
            (FieldKind::Number { .. }, Value::Num(n)) => write_number(&mut out, *n),
            (FieldKind::Text { .. }, Value::Text(s)) => write_region(&mut out, s, country),
            // Booleans went into the packed bits above.
            _ => {}
        }
    }

    if let Some(label) = &profile.label {
        write_str(&mut out, label);
    }
    if !profile.extra.is_empty() {
        write_varint(&mut out, profile.extra.len() as u64);
        for (key, value) in &profile.extra {
            write_str(&mut out, key);
            write_json(&mut out, value);
        }
    }

    let check = checksum(VERSION, &out);
    out.extend_from_slice(&check.to_le_bytes());
    format!("{VERSION}.{}", base64url_encode(&out))
}

pub(super) fn decode(text: &str) -> Result<Profile, LinkError> {
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    // A whole address is fine: the payload is its fragment.
    let fragment = match trimmed.split_once('#') {
        Some((_, fragment)) => fragment,
        None => trimmed,
    };
    let payload = fragment.strip_prefix("profile=").unwrap_or(fragment);
    if payload.is_empty() {
        return Err(LinkError::Empty);
    }
    let Some((version, body)) = payload.split_once('.') else {
        if VERSION.starts_with(payload) || VERSION_1.starts_with(payload) {
            return Err(LinkError::Truncated);
        }
        return Err(LinkError::UnknownVersion {
            found: shorten(payload),
        });
    };
    if version != VERSION && version != VERSION_1 {
        return Err(LinkError::UnknownVersion {
            found: shorten(version),
        });
    }
    // Offsets in errors count from the start of `text`, as the caller gave it.
    let body_offset = body.as_ptr() as usize - text.as_ptr() as usize;
    let bytes = base64url_decode(body).map_err(|e| match e {
        Base64Error::Truncated => LinkError::Truncated,
        Base64Error::StrayBits => LinkError::ChecksumMismatch,
        Base64Error::BadCharacter(i) => LinkError::BadCharacter {
            position: body_offset + i,
            found: body.get(i..).and_then(|s| s.chars().next()).unwrap_or('?'),
        },
    })?;
    // The shortest link: flags, presence and the checksum.
    if bytes.len() < 6 {
        return Err(LinkError::Truncated);
    }
    let (content, check) = bytes.split_at(bytes.len() - 4);
    if checksum(version, content).to_le_bytes() != check {
        return Err(LinkError::ChecksumMismatch);
    }
    read_profile(content, &fields_of(version))
}

/// The check of a link's content. `p2` checks its version with the content (`p2.` and the
/// bytes), so a link whose version was edited is refused rather than read over another field
/// table; `p1` checked the bytes alone.
fn checksum(version: &str, content: &[u8]) -> u32 {
    if version == VERSION_1 {
        return crc32(content);
    }
    let mut checked = Vec::with_capacity(version.len() + 1 + content.len());
    checked.extend_from_slice(version.as_bytes());
    checked.push(b'.');
    checked.extend_from_slice(content);
    crc32(&checked)
}

/// The first few characters of what was found, for a message.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(12).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Reads a link's bytes over the fields its version carries (`carried`, indexes into the field
/// table): bit *i* of the presence and the *i*-th value are those of field `carried[i]`.
fn read_profile(bytes: &[u8], carried: &[usize]) -> Result<Profile, LinkError> {
    let table = core_fields();
    let fields: Vec<_> = carried.iter().map(|&ix| &table[ix]).collect();
    let mut r = Reader { bytes, pos: 0 };

    let flags = r.byte()?;
    if flags & !(FLAG_COUNTRY | FLAG_LABEL | FLAG_EXTRA) != 0 {
        return Err(LinkError::Malformed {
            reason: "reserved flag bits are set",
        });
    }
    let country_ix = usize::from(flags & FLAG_COUNTRY);
    let Some(country) = COUNTRIES.get(country_ix) else {
        return Err(out_of_range("country"));
    };
    let mut profile = Profile::new(country);

    let presence = r.varint()?;
    if presence >> fields.len() != 0 {
        return Err(LinkError::Malformed {
            reason: "the presence bits name fields this version does not know",
        });
    }
    let present = |i: usize| presence & 1 << i != 0;

    let bool_count = fields
        .iter()
        .enumerate()
        .filter(|(i, f)| present(*i) && matches!(f.kind, FieldKind::Bool { .. }))
        .count();
    let bool_bytes = r.take(bool_count.div_ceil(8) as u64)?;
    let mut bools = (0..bool_count).map(|i| bool_bytes[i / 8] & 1 << (i % 8) != 0);
    if bool_count % 8 != 0 && bool_bytes[bool_count / 8] >> (bool_count % 8) != 0 {
        return Err(LinkError::Malformed {
            reason: "unused bits of the yes/no answers are set",
        });
    }

    for (bit, (&ix, field)) in carried.iter().zip(&fields).enumerate() {
        if !present(bit) {
            continue;
        }
        let bad = || out_of_range(&field.path);
        let value = match &field.kind {
            FieldKind::Bool { .. } => Value::Bool(bools.next().unwrap_or(false)),
            FieldKind::Choice { values, .. } => {
                let i = r.byte()?;
                if usize::from(i) >= values.len() {
                    return Err(bad());
                }
                Value::Choice(i)
            }
            FieldKind::Set { items } => {
                let mut le = [0u8; 4];
                let width = set_width(items.len());
                le[..width].copy_from_slice(r.take(width as u64)?);
                let bits = u32::from_le_bytes(le);
                if u64::from(bits) >> items.len() != 0 {
                    return Err(bad());
                }
                Value::Set(bits)
            }
            FieldKind::Integer { min, max, .. } => {
                let offset = r.varint()?;
                if offset > max.abs_diff(*min) {
                    return Err(bad());
                }
                Value::Int(min.wrapping_add_unsigned(offset))
            }
            FieldKind::Number { min, .. } => {
                let n = read_number(&mut r)?.ok_or_else(bad)?;
                if !n.is_finite() || n < *min {
                    return Err(bad());
                }
                Value::Num(n)
            }
            FieldKind::Text { .. } => Value::Text(read_region(&mut r, country)?.ok_or_else(bad)?),
        };
        profile.set(ix, Some(value));
    }

    if flags & FLAG_LABEL != 0 {
        let label = read_str(&mut r)?.ok_or_else(|| out_of_range("label"))?;
        if label.chars().count() > LABEL_MAX_CHARS {
            return Err(out_of_range("label"));
        }
        profile.label = Some(label);
    }

    if flags & FLAG_EXTRA != 0 {
        let count = r.count()?;
        if count == 0 {
            return Err(LinkError::Malformed {
                reason: "an empty `extra` is flagged as present",
            });
        }
        let mut previous: Option<String> = None;
        for _ in 0..count {
            let key = read_str(&mut r)?.ok_or_else(|| out_of_range("extra"))?;
            // Keys come sorted, as the map holds them; this also rules out duplicates.
            if previous.as_ref().is_some_and(|p| *p >= key) {
                return Err(LinkError::Malformed {
                    reason: "the keys of `extra` are out of order",
                });
            }
            let field = format!("extra.{key}");
            let value = read_json(&mut r, 0, &field)?;
            if matches!(value, Json::Null | Json::Object(_)) {
                return Err(out_of_range(&field));
            }
            profile.extra.insert(key.clone(), value);
            previous = Some(key);
        }
    }

    if r.pos != bytes.len() {
        return Err(LinkError::Malformed {
            reason: "bytes are left over after the profile",
        });
    }
    Ok(profile)
}

fn out_of_range(field: &str) -> LinkError {
    LinkError::OutOfRange {
        field: field.to_string(),
    }
}

/// Whether `value` is one that decoding the profile's JSON could have produced for `kind`.
fn fits(kind: &FieldKind, value: &Value) -> bool {
    match (kind, value) {
        (FieldKind::Choice { values, .. }, Value::Choice(i)) => usize::from(*i) < values.len(),
        (FieldKind::Set { items }, Value::Set(bits)) => u64::from(*bits) >> items.len() == 0,
        (FieldKind::Integer { min, max, .. }, Value::Int(n)) => min <= n && n <= max,
        (FieldKind::Number { min, .. }, Value::Num(n)) => n.is_finite() && n >= min,
        (FieldKind::Bool { .. }, Value::Bool(_)) => true,
        (FieldKind::Text { .. }, Value::Text(s)) => is_region(s),
        _ => false,
    }
}

/// Bytes of a set's bitmask: one per eight items.
fn set_width(items: usize) -> usize {
    items.div_ceil(8).clamp(1, 4)
}

fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    write_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// How an amount is written: whole units, units and cents, or the raw IEEE 754 bits.
enum NumberForm {
    Whole(u64),
    Cents(u64),
    Raw,
}

/// The shortest form that gives `n` back exactly.
fn number_form(n: f64) -> NumberForm {
    if n.fract() == 0.0 && n >= 0.0 && n < EXACT_LIMIT as f64 {
        return NumberForm::Whole(n as u64);
    }
    let hundredths = (n * 100.0).round();
    if hundredths >= 0.0 && hundredths < EXACT_LIMIT as f64 && hundredths / 100.0 == n {
        return NumberForm::Cents(hundredths as u64);
    }
    NumberForm::Raw
}

fn write_number(out: &mut Vec<u8>, n: f64) {
    match number_form(n) {
        NumberForm::Whole(units) => write_varint(out, units << 2 | BUDGET_WHOLE),
        NumberForm::Cents(hundredths) => {
            write_varint(out, (hundredths / 100) << 2 | BUDGET_CENTS);
            out.push((hundredths % 100) as u8);
        }
        NumberForm::Raw => {
            write_varint(out, BUDGET_RAW);
            out.extend_from_slice(&n.to_bits().to_le_bytes());
        }
    }
}

/// `Ok(None)` when the number is not one the encoder writes.
fn read_number(r: &mut Reader) -> Result<Option<f64>, LinkError> {
    let head = r.varint()?;
    let units = head >> 2;
    Ok(match head & 3 {
        BUDGET_WHOLE if units < EXACT_LIMIT => Some(units as f64),
        BUDGET_CENTS => {
            let cents = r.byte()?;
            let hundredths = units.checked_mul(100).map(|h| h + u64::from(cents));
            match hundredths {
                Some(h) if (1..100).contains(&cents) && h < EXACT_LIMIT => Some(h as f64 / 100.0),
                _ => None,
            }
        }
        BUDGET_RAW if units == 0 => {
            let raw = r.take(8)?;
            let mut le = [0u8; 8];
            le.copy_from_slice(raw);
            let n = f64::from_bits(u64::from_le_bytes(le));
            // One profile, one link: an amount with a shorter form must use it.
            matches!(number_form(n), NumberForm::Raw).then_some(n)
        }
        _ => None,
    })
}

/// Characters of a subdivision code's suffix: `A`–`Z` are 1–26, `0`–`9` are 27–36.
fn region_digit(c: u8) -> Option<u64> {
    match c {
        b'A'..=b'Z' => Some(u64::from(c - b'A') + 1),
        b'0'..=b'9' => Some(u64::from(c - b'0') + 27),
        _ => None,
    }
}

fn region_char(d: u64) -> Option<char> {
    match d {
        1..=26 => Some(char::from(b'A' + (d - 1) as u8)),
        27..=36 => Some(char::from(b'0' + (d - 27) as u8)),
        _ => None,
    }
}

/// A subdivision code such as `MX-PUE`: its suffix in base 37, shifted left once; the low bit
/// says two letters of another country follow.
fn write_region(out: &mut Vec<u8>, region: &str, country: u8) {
    let b = region.as_bytes();
    let suffix = b[3..]
        .iter()
        .fold(0u64, |code, &c| code * 37 + region_digit(c).unwrap_or(0));
    let own = COUNTRIES.get(usize::from(country)).map(|c| c.as_bytes()) == Some(&b[..2]);
    write_varint(out, suffix << 1 | u64::from(!own));
    if !own {
        out.extend_from_slice(&b[..2]);
    }
}

/// `Ok(None)` when the code is not a valid subdivision code.
fn read_region(r: &mut Reader, country: &str) -> Result<Option<String>, LinkError> {
    let head = r.varint()?;
    let prefix = if head & 1 == 1 {
        let letters = r.take(2)?;
        match std::str::from_utf8(letters) {
            // The country's own letters are written as a clear bit, never spelled out.
            Ok(s) if s != country => s.to_string(),
            _ => return Ok(None),
        }
    } else {
        country.to_string()
    };
    let mut code = head >> 1;
    let mut suffix = Vec::new();
    while code > 0 && suffix.len() < 4 {
        suffix.push(region_char(code % 37));
        code /= 37;
    }
    let Some(suffix) = suffix.into_iter().rev().collect::<Option<String>>() else {
        return Ok(None);
    };
    let region = format!("{prefix}-{suffix}");
    Ok(is_region(&region).then_some(region))
}

fn write_json(out: &mut Vec<u8>, value: &Json) {
    match value {
        Json::Null => out.push(TAG_NULL),
        Json::Bool(false) => out.push(TAG_FALSE),
        Json::Bool(true) => out.push(TAG_TRUE),
        Json::Number(n) => {
            if let Some(u) = n.as_u64() {
                out.push(TAG_UINT);
                write_varint(out, u);
            } else if let Some(i) = n.as_i64() {
                // Negative: -1 is 0, -2 is 1, and so on.
                out.push(TAG_NEGINT);
                write_varint(out, !(i as u64));
            } else {
                out.push(TAG_FLOAT);
                let f = n.as_f64().unwrap_or(0.0);
                out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
        }
        Json::String(s) => {
            out.push(TAG_STRING);
            write_str(out, s);
        }
        Json::Array(items) => {
            out.push(TAG_ARRAY);
            write_varint(out, items.len() as u64);
            for item in items {
                write_json(out, item);
            }
        }
        Json::Object(map) => {
            out.push(TAG_OBJECT);
            write_varint(out, map.len() as u64);
            for (key, item) in map {
                write_str(out, key);
                write_json(out, item);
            }
        }
    }
}

fn read_json(r: &mut Reader, depth: usize, field: &str) -> Result<Json, LinkError> {
    let bad = || out_of_range(field);
    Ok(match r.byte()? {
        TAG_NULL => Json::Null,
        TAG_FALSE => Json::Bool(false),
        TAG_TRUE => Json::Bool(true),
        TAG_UINT => Json::Number(Number::from(r.varint()?)),
        TAG_NEGINT => {
            let v = r.varint()?;
            let n = i64::try_from(v).map_err(|_| bad())?;
            Json::Number(Number::from(-1 - n))
        }
        TAG_FLOAT => {
            let mut le = [0u8; 8];
            le.copy_from_slice(r.take(8)?);
            let f = f64::from_bits(u64::from_le_bytes(le));
            Json::Number(Number::from_f64(f).ok_or_else(bad)?)
        }
        TAG_STRING => Json::String(read_str(r)?.ok_or_else(bad)?),
        TAG_ARRAY | TAG_OBJECT if depth >= MAX_DEPTH => {
            return Err(LinkError::Malformed {
                reason: "an answer under `extra` nests lists deeper than a profile allows",
            })
        }
        TAG_ARRAY => {
            let count = r.count()?;
            let mut items = Vec::new();
            for _ in 0..count {
                items.push(read_json(r, depth + 1, field)?);
            }
            Json::Array(items)
        }
        TAG_OBJECT => {
            let count = r.count()?;
            let mut map = Map::new();
            for _ in 0..count {
                let key = read_str(r)?.ok_or_else(bad)?;
                // Ascending, as serde_json's map holds them; this also rules out duplicates.
                if map.keys().next_back().is_some_and(|last| *last >= key) {
                    return Err(LinkError::Malformed {
                        reason: "the keys of an object are out of order",
                    });
                }
                let item = read_json(r, depth + 1, field)?;
                map.insert(key, item);
            }
            Json::Object(map)
        }
        _ => return Err(bad()),
    })
}

/// `Ok(None)` when the bytes are not UTF-8.
fn read_str(r: &mut Reader) -> Result<Option<String>, LinkError> {
    let len = r.varint()?;
    let bytes = r.take(len)?;
    Ok(std::str::from_utf8(bytes).ok().map(str::to_string))
}

/// Reads the bytes of a link's content, front to back. Every read checks what is left, so no
/// length in the link can make it read past the end or allocate more than the link holds.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, LinkError> {
        let b = *self.bytes.get(self.pos).ok_or(LinkError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: u64) -> Result<&'a [u8], LinkError> {
        let left = self.bytes.len() - self.pos;
        let n = usize::try_from(n)
            .ok()
            .filter(|&n| n <= left)
            .ok_or(LinkError::Truncated)?;
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    /// An unsigned LEB128 number in its shortest form.
    fn varint(&mut self) -> Result<u64, LinkError> {
        let mut n = 0u64;
        for i in 0..10 {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7F);
            if i == 9 && b > 1 {
                return Err(LinkError::Malformed {
                    reason: "a number is too large",
                });
            }
            n |= bits << (7 * i);
            if b & 0x80 == 0 {
                if i > 0 && b == 0 {
                    return Err(LinkError::Malformed {
                        reason: "a number is not in its shortest form",
                    });
                }
                return Ok(n);
            }
        }
        Err(LinkError::Malformed {
            reason: "a number is too large",
        })
    }

    /// A count of items that follow; each takes at least one byte, so a count larger than what
    /// is left is a truncated link.
    fn count(&mut self) -> Result<u64, LinkError> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(LinkError::Truncated);
        }
        Ok(n)
    }
}
