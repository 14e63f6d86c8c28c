//! Reading a share link's QR code from a photo (the workspace's "receive" screen), made safe for
//! any file a person picks: what a photo says about itself is checked before anything decodes
//! it, and the QR decoder runs on grey levels the page has already scaled down.
//!
//! A photo is refused, with a plain reason, when it is larger than [`MAX_FILE_BYTES`], when its
//! header says more than [`MAX_PIXELS`] pixels (a small PNG can claim 100,000 × 100,000 and
//! take gigabytes to decode: a decompression bomb), or when it is not a PNG, JPEG, GIF, WebP or
//! BMP. The page then decodes it straight to at most `MAX_SIDE` pixels a side, and the decoder
//! ([`decode_luma`], `rqrr`) runs in its own Web Worker (`umbral-qr`): a decoder that fails,
//! however it fails, takes only the worker down.

/// The largest photo file accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;

/// The most pixels a photo may have, by its header: a 50-megapixel phone camera's.
pub const MAX_PIXELS: u64 = 50_000_000;

/// How many bytes of the file [`check_photo`] needs to see: a JPEG's size comes after its
/// EXIF data, which can be up to 64 KB, and more segments may come first.
pub const HEAD_BYTES: usize = 256 * 1024;

/// Why a photo is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoProblem {
    /// Larger than [`MAX_FILE_BYTES`].
    File { bytes: u64 },
    /// More than [`MAX_PIXELS`] by its header.
    Pixels { width: u32, height: u32 },
    /// Not a PNG, JPEG, GIF, WebP or BMP, or a header that does not say its size.
    Format,
}

/// The width and height a photo's header gives, when `head` (its first bytes) is a PNG, JPEG,
/// GIF, WebP or BMP image that says them.
pub fn image_size(head: &[u8]) -> Option<(u32, u32)> {
    let be16 = |at: usize| {
        Some(u32::from(u16::from_be_bytes([
            *head.get(at)?,
            *head.get(at + 1)?,
        ])))
    };
    let le16 = |at: usize| {
        Some(u32::from(u16::from_le_bytes([
            *head.get(at)?,
            *head.get(at + 1)?,
        ])))
    };
    let be32 = |at: usize| Some(u32::from_be_bytes(head.get(at..at + 4)?.try_into().ok()?));
    let le32 = |at: usize| Some(u32::from_le_bytes(head.get(at..at + 4)?.try_into().ok()?));
    let le24 = |at: usize| {
        let b = head.get(at..at + 3)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], 0]))
    };
    if head.starts_with(b"\x89PNG\r\n\x1a\n") && head.get(12..16) == Some(b"IHDR") {
        return Some((be32(16)?, be32(20)?));
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Some((le16(6)?, le16(8)?));
    }
    if head.starts_with(b"BM") {
        let height = i32::from_le_bytes(head.get(22..26)?.try_into().ok()?);
        return Some((le32(18)?, height.unsigned_abs()));
    }
    if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        return match head.get(12..16)? {
            b"VP8 " => Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff)),
            b"VP8L" => {
                let bits = le32(21)?;
                Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
            }
            b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
            _ => None,
        };
    }
    if head.starts_with(&[0xff, 0xd8]) {
        // Segments one after another until a start of frame, which holds the size.
        let mut at = 2;
        loop {
            while head.get(at) == Some(&0xff) && head.get(at + 1) == Some(&0xff) {
                at += 1;
            }
            if head.get(at) != Some(&0xff) {
                return None;
            }
            let marker = *head.get(at + 1)?;
            let length = be16(at + 2)? as usize;
            let start_of_frame =
                matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
            if start_of_frame {
                return Some((be16(at + 7)?, be16(at + 5)?));
            }
            if length < 2 {
                return None;
            }
            at += 2 + length;
        }
    }
    None
}

/// Whether a photo may be decoded: its file size (`bytes`) and what its first bytes (`head`,
/// up to [`HEAD_BYTES`]) say. `Ok` gives its width and height.
pub fn check_photo(head: &[u8], bytes: u64) -> Result<(u32, u32), PhotoProblem> {
    if bytes > MAX_FILE_BYTES {
        return Err(PhotoProblem::File { bytes });
    }
    let (width, height) = image_size(head).ok_or(PhotoProblem::Format)?;
    if width == 0 || height == 0 {
        return Err(PhotoProblem::Format);
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoProblem::Pixels { width, height });
    }
    Ok((width, height))
}

/// The text of the first QR code found in `luma` (one byte per pixel, rows of `width`), or
/// `None`. Run it where a panic cannot take the page down (the `umbral-qr` worker).
pub fn decode_luma(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    if width == 0 || height == 0 || luma.len() < width.checked_mul(height)? {
        return None;
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        out.extend(width.to_be_bytes());
        out.extend(height.to_be_bytes());
        out.extend([8, 0, 0, 0, 0]);
        out
    }

    #[test]
    fn sizes_come_from_each_formats_header() {
        assert_eq!(image_size(&png(640, 480)), Some((640, 480)));
        let gif = b"GIF89a\x80\x02\xe0\x01\0\0\0";
        assert_eq!(image_size(gif), Some((640, 480)));
        let mut bmp = b"BM".to_vec();
        bmp.resize(18, 0);
        bmp.extend(640u32.to_le_bytes());
        bmp.extend((-480i32).to_le_bytes());
        assert_eq!(image_size(&bmp), Some((640, 480)));
        let mut vp8x = b"RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0".to_vec();
        vp8x.extend([0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00]);
        assert_eq!(image_size(&vp8x), Some((640, 480)));
        // A JPEG with an APP1 segment before its start of frame.
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4];
        jpeg.extend([0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80]);
        assert_eq!(image_size(&jpeg), Some((640, 480)));
        assert_eq!(image_size(b"not an image"), None);
        assert_eq!(
            image_size(&[0xff, 0xd8, 0xff, 0xe1, 0xff]),
            None,
            "cut short"
        );
    }

    #[test]
    fn bombs_huge_files_and_unknown_formats_are_refused_before_decoding() {
        assert_eq!(check_photo(&png(4000, 3000), 5_000_000), Ok((4000, 3000)));
        assert_eq!(
            check_photo(&png(100_000, 100_000), 300),
            Err(PhotoProblem::Pixels {
                width: 100_000,
                height: 100_000
            })
        );
        assert_eq!(
            check_photo(&png(640, 480), MAX_FILE_BYTES + 1),
            Err(PhotoProblem::File {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(check_photo(b"%PDF-1.7", 1000), Err(PhotoProblem::Format));
        assert_eq!(check_photo(&png(0, 480), 1000), Err(PhotoProblem::Format));
    }

    #[test]
    fn the_decoder_reads_a_code_and_survives_noise_and_wrong_sizes() {
        // The app's own QR code of a share link, drawn 4 pixels a module.
        let link = "p2.AAAA";
        let (side, path) = crate::share::qr_svg_path(link).expect("a short link fits a code");
        let scale = 4;
        let size = side * scale;
        let mut luma = vec![255u8; size * size];
        // The path is `M{x},{y}h{n}v1h-{n}z` per run of n dark modules, in module units.
        for part in path.split('M').skip(1) {
            let numbers: Vec<usize> = part
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let (x, y, n) = (numbers[0], numbers[1], numbers[2]);
            for module in x..x + n {
                for dy in 0..scale {
                    for dx in 0..scale {
                        luma[(y * scale + dy) * size + module * scale + dx] = 0;
                    }
                }
            }
        }
        assert_eq!(decode_luma(size, size, &luma).as_deref(), Some(link));
        let mut seed = 7u32;
        let noise: Vec<u8> = (0..200 * 200)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (seed >> 16) as u8
            })
            .collect();
        assert_eq!(decode_luma(200, 200, &noise), None);
        assert_eq!(
            decode_luma(200, 200, &noise[..100]),
            None,
            "fewer pixels than the size"
        );
        assert_eq!(decode_luma(0, 0, &[]), None);
        assert_eq!(
            decode_luma(usize::MAX, 2, &[]),
            None,
            "a size that overflows"
        );
    }
}
