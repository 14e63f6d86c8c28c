//! Opening a share link: the profile in the URL fragment (`#p1.…`), read by `crate::share`.
//! A damaged link is refused whole; nothing of it is loaded.

use crate::engine::Profile;
use crate::share::{decode_link, LinkError};

/// Reads a share link's fragment (without the `#`).
pub fn open(fragment: &str) -> Result<Profile, LinkError> {
    decode_link(fragment)
}
