//! The text armour of a share link: base64url without padding, and the CRC-32 that guards the
//! bytes. A few dozen lines here cost the app less than a crate for each.

/// The base64url alphabet (RFC 4648 §5).
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes `bytes` as base64url without padding.
pub(super) fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        // One byte makes two characters, two make three, three make four.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Why base64url text could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base64Error {
    /// The character at this byte offset is not in the alphabet.
    BadCharacter(usize),
    /// The last character carries bits that no encoder sets: the text was cut or changed.
    StrayBits,
    /// The text stops one character into a byte.
    Truncated,
}

/// Decodes base64url without padding. Only the canonical form is accepted: unused bits of the
/// last character must be zero, so every byte string has exactly one text.
pub(super) fn base64url_decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        // Still name a bad character first: it says more than "truncated".
        if let Some(i) = bytes.iter().position(|&c| sextet(c).is_none()) {
            return Err(Base64Error::BadCharacter(i));
        }
        return Err(Base64Error::Truncated);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for (chunk_index, chunk) in bytes.chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let Some(v) = sextet(c) else {
                return Err(Base64Error::BadCharacter(chunk_index * 4 + i));
            };
            n |= u32::from(v) << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        let unused_bits = n & (0x00FF_FFFF >> (8 * produced));
        if unused_bits != 0 {
            return Err(Base64Error::StrayBits);
        }
        for i in 0..produced {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// CRC-32 (IEEE 802.3, the one zip and PNG use), bit by bit: links are short, so a table would
/// only add size.
pub(super) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        // RFC 4648 §10, without padding.
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8").unwrap(), [0xfb, 0xff]);
    }

    #[test]
    fn base64url_rejects_what_no_encoder_writes() {
        assert_eq!(base64url_decode("Zm9vY"), Err(Base64Error::Truncated));
        assert_eq!(
            base64url_decode("Zm9v+g"),
            Err(Base64Error::BadCharacter(4))
        );
        assert_eq!(base64url_decode("Zm="), Err(Base64Error::BadCharacter(2)));
        // "Zh" would decode to "f" too, with a stray bit.
        assert_eq!(base64url_decode("Zh"), Err(Base64Error::StrayBits));
        assert_eq!(base64url_decode("Zm9"), Err(Base64Error::StrayBits));
    }

    #[test]
    fn every_byte_string_round_trips() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(97) ^ len).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
