//! QR symbols as SVG path data, so the app can draw a share link for a phone camera without an
//! image library. The symbol itself comes from `qrcodegen` (Project Nayuki; no dependencies).

use std::fmt::Write as _;

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// Modules of light margin on each side: the quiet zone the QR standard asks for.
pub const QUIET_ZONE: usize = 4;

/// The most bytes a symbol holds in byte mode at error correction level M (version 40).
pub const MAX_BYTES: usize = 2331;

pub(super) fn svg_path(text: &str) -> Option<(usize, String)> {
    // Checked first so a long text is refused before it is spread out into bits.
    if text.len() > MAX_BYTES {
        return None;
    }
    let segments = [QrSegment::make_bytes(text.as_bytes())];
    // Level M, not raised even when it would fit: the caller asked for M, and the same input
    // must always give the same symbol.
    let qr = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        None,
        false,
    )
    .ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let (left, top) = (start as usize + QUIET_ZONE, y as usize + QUIET_ZONE);
            // Writing to a String cannot fail.
            let _ = write!(path, "M{left},{top}h{run}v1h-{run}z");
        }
    }
    Some((size as usize + 2 * QUIET_ZONE, path))
}
