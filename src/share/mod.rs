//! Share links and QR codes: a profile carried in a URL fragment, and the symbol that carries
//! the link to a phone.
//!
//! A share link puts the whole profile in the fragment (`https://…/#p2.…`), which browsers
//! never send to a server, so sharing an assessment shares it with the recipient only. Opening
//! the link reproduces the same profile, so the same pack gives the same report. A link that
//! was truncated or edited is refused as a whole: [`decode_link`] returns a [`LinkError`] and
//! never a partly filled profile.
//!
//! This module is pure, like the engine: no I/O and no browser crates, so the same bytes come
//! out on every platform and the command line, tests and fuzzers can use it.
//!
//! # The `p2` and `p1` formats
//!
//! This is a public, versioned format: links already sent must keep opening. Any change to the
//! bytes below, or to the profile field table they follow (`core_fields`: its order, kinds,
//! choice values or set items), needs a new version, and decoding keeps reading the older ones.
//! Tests pin the tables and the exact text of sample links.
//!
//! `p2` follows the field table of `umbral.profile/2`, every field in table order (38 fields).
//! `p1`, written before version 2, follows the same table without the fields version 2 added
//! ([`Field::since`](crate::engine::profile::Field::since) is 2): the 28 fields of
//! `umbral.profile/1`, in the same relative order. Everything else is the same. Links are
//! written as `p2`; a `p1` link opens as the version-1 profile it carried, which is a version-2
//! profile without the new answers.
//!
//! A link's payload is `p2.` (or `p1.`) followed by base64url without padding (RFC 4648 §5;
//! the unused bits of the last character must be zero) of these bytes:
//!
//! | Part | Bytes | Contents |
//! | --- | --- | --- |
//! | flags | 1 | bits 0–1: country (`0` MX, `1` CL, `2` BO); bit 2: a label follows; bit 3: `extra` follows; bits 4–7: zero |
//! | presence | varint | bit *i* set when field *i* of the version's fields is answered (38 in `p2`, 28 in `p1`; higher bits zero) |
//! | yes/no answers | ⌈*b*/8⌉ | the *b* answered yes/no fields, in table order, one bit each from bit 0 of the first byte up (`1` = true); unused bits zero |
//! | other answers | varies | each answered field that is not yes/no, in table order, as below |
//! | label | varint + bytes | if flagged: UTF-8 byte length, then the text (at most 200 characters) |
//! | extra | varint + entries | if flagged: the number of entries (at least 1), then each key (varint byte length + UTF-8) in ascending byte order, followed by its value (below) |
//! | check | 4 | CRC-32 (IEEE, as in zip and PNG), little-endian, of the version and its dot (the ASCII `p2.`) followed by every byte before it; in `p1`, of the bytes before it alone. A `p2` link whose version is edited fails its check. |
//!
//! A *varint* is unsigned LEB128 in its shortest form: seven bits a byte, low bits first, the
//! top bit set on every byte but the last.
//!
//! | Field kind | Encoding |
//! | --- | --- |
//! | one of a list | 1 byte: the value's index in the field's list |
//! | set | ⌈items/8⌉ bytes, little-endian: bit *i* set when item *i* is in the set |
//! | whole number | varint: the value minus the field's minimum |
//! | amount (`payments.monthly_budget`, `payments.one_off_budget`) | varint *h*; *h* mod 4 is the form and *u* = *h* / 4. Form 0: *u* whole units. Form 1: *u* units and one more byte of cents, 1–99 (the value is (100·*u* + cents) / 100, rounded as IEEE 754 division rounds). Form 2 (*u* = 0): 8 bytes, the IEEE 754 double, little-endian, for any other amount. Whole units and cents stay below 2<sup>53</sup>. |
//! | subdivision (`region`) | varint *h*; *h* / 2 is the part after the dash in base 37, most significant digit first (`A`–`Z` are 1–26, `0`–`9` are 27–36); when *h* is odd, the two ASCII letters before the dash follow (they differ from the country), else they are the country's |
//!
//! Values under `extra` are JSON, written exactly (`1` and `1.0` stay different) as a tag byte
//! and what follows it: `0` null, `1` false, `2` true, `3` a non-negative integer (varint),
//! `4` a negative integer *n* (varint of −1 − *n*), `5` any other number (8 bytes, IEEE 754
//! double, little-endian), `6` a string (varint byte length + UTF-8), `7` an array (varint count +
//! values), `8` an object (varint count + key string and value per entry, keys in ascending byte order). An entry
//! of `extra` itself is never null or an object, as in the profile schema; containers nest at
//! most 128 deep.
//!
//! A fully answered `p2` profile without label or `extra` takes 40 to 45 bytes: about 60
//! characters.
//!
//! # Reading links
//!
//! [`decode_link`] takes the payload, with or without a leading `#`, and also a whole address
//! (everything up to the first `#` is ignored) and a payload written as `profile=p2.…`.
//! Surrounding ASCII whitespace is ignored. Nothing else is accepted.

mod armor;
mod link;
pub mod photo;
mod qr;

use std::fmt;

use crate::engine::words::{texts_static, texts_table};
use crate::engine::{Locale, Profile};

pub use qr::{MAX_BYTES as QR_MAX_BYTES, QUIET_ZONE as QR_QUIET_ZONE};

/// The share-link payload for `profile`, without the `#`: `p2.` and base64url text.
///
/// `decode_link(&encode_link(p)) == Ok(p)` for every profile that [`Profile::from_json`] can
/// produce. For a profile assembled by hand, answers that do not fit their field are left out,
/// and a country without a pack or a label over 200 characters makes a link that
/// [`decode_link`] refuses, naming that field.
pub fn encode_link(profile: &Profile) -> String {
    link::encode(profile)
}

/// The profile a share link carries. Never panics; any input that is not a link written by
/// [`encode_link`] (truncated, edited, of another version) is an error, never a different or
/// half-filled profile. See the module docs for the accepted forms.
pub fn decode_link(text: &str) -> Result<Profile, LinkError> {
    link::decode(text)
}

/// The QR symbol for `text` (byte mode, error correction level M, the smallest version that
/// fits), as `(side, path)`: `side` is the number of modules per side including a quiet zone of
/// [`QR_QUIET_ZONE`] modules on each side, and `path` is SVG path data with one
/// `M{x},{y}h{n}v1h-{n}z` per horizontal run of dark modules. Draw it with
/// `<svg viewBox="0 0 {side} {side}"><path d="{path}"/></svg>`.
///
/// `None` only when `text` is longer than a symbol holds ([`QR_MAX_BYTES`] bytes).
pub fn qr_svg_path(text: &str) -> Option<(usize, String)> {
    qr::svg_path(text)
}

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// There is no payload (an empty text or a bare `#`).
    Empty,
    /// The payload does not start with `p2.` or `p1.`: a link of another version, or not a link
    /// at all.
    /// `found` is what came before the dot, shortened.
    UnknownVersion { found: String },
    /// A character that base64url does not use, at this byte offset of the text as given.
    BadCharacter { position: usize, found: char },
    /// The link stops too early.
    Truncated,
    /// The check bytes do not match the rest: the link was cut or changed.
    ChecksumMismatch,
    /// A field holds a value it cannot have, such as a choice past the end of its list. `field`
    /// is the field's path (`connectivity.internet`, `country`, `label`, `extra.<key>`).
    OutOfRange { field: String },
    /// The bytes pass the check but do not follow the format; no encoder writes them.
    Malformed { reason: &'static str },
}

impl LinkError {
    /// Whether the link was made elsewhere (another version of Umbral, or a pack with other
    /// choices) rather than cut or changed on the way.
    pub fn from_elsewhere(&self) -> bool {
        matches!(
            self,
            LinkError::UnknownVersion { .. } | LinkError::OutOfRange { .. }
        )
    }

    /// A short sentence for the person who opened the link, in `locale`.
    pub fn message(&self, locale: Locale) -> &'static str {
        let w = link_words(locale);
        if self.from_elsewhere() {
            w.other_version()
        } else {
            w.changed()
        }
    }
}

texts_table! {
    /// What the person who opened a faulty share link is told, in one locale.
    pub struct LinkWords from LinkSource as "share" {
        ;
        /// The link was cut or changed on the way.
        changed,
        /// The link comes from another version of Umbral or another pack.
        other_version,
    }
}

/// What a faulty share link is called in `locale`.
pub fn link_words(locale: Locale) -> &'static LinkWords {
    locale.pick(&LINK_ES, &LINK_EN)
}

texts_static! {
    pub static LINK_ES: LinkWords from LinkSource {
        ;
        changed: "Este enlace está incompleto o fue modificado. Pida que se lo envíen de nuevo.",
        other_version: "Este enlace es de otra versión de Umbral y no se puede abrir aquí. Pida \
                        que le envíen las respuestas de otra forma.",
    }
}

texts_static! {
    pub static LINK_EN: LinkWords from LinkSource {
        ;
        changed: "This link is incomplete or was changed. Ask for it to be sent again.",
        other_version: "This link comes from another version of Umbral and cannot be opened here. \
                        Ask for the answers to be sent another way.",
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => f.write_str("the share link is empty"),
            LinkError::UnknownVersion { found } => write!(
                f,
                "unknown share link version '{found}'; expected a link starting with '{}.' or '{}.'",
                link::VERSION,
                link::VERSION_1
            ),
            LinkError::BadCharacter { position, found } => write!(
                f,
                "unexpected character '{found}' at byte {position} of the share link"
            ),
            LinkError::Truncated => f.write_str("the share link is truncated"),
            LinkError::ChecksumMismatch => {
                f.write_str("the share link's check does not match: it was truncated or changed")
            }
            LinkError::OutOfRange { field } => {
                write!(f, "the share link has a value out of range for '{field}'")
            }
            LinkError::Malformed { reason } => write!(f, "the share link is malformed: {reason}"),
        }
    }
}

impl std::error::Error for LinkError {}
