//! The draft in `localStorage` (see `draft` for its text). Storage failures (private mode, a
//! full disk) are never fatal: the app keeps working for this visit and says the answers are
//! not saved.

use super::draft::{state_from_draft, DRAFT_KEY, SET_ASIDE_KEY, UNREADABLE_KEY};
use super::state::State;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved draft, if there is a readable one. An unreadable one is moved aside first.
pub fn load() -> Option<State> {
    let storage = local_storage()?;
    let text = storage.get_item(DRAFT_KEY).ok().flatten()?;
    let state = state_from_draft(&text);
    if state.is_none() {
        let kept = storage.set_item(UNREADABLE_KEY, &text).is_ok();
        gloo::console::warn!(if kept {
            "umbral: the saved draft could not be read; it was kept under umbral.draft-unreadable/1"
        } else {
            "umbral: the saved draft could not be read, nor kept aside"
        });
    }
    state
}

/// Saves draft text; false when the browser refuses (no storage, full, private mode), which
/// the page then says.
pub fn save(text: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(DRAFT_KEY, text).is_ok())
}

/// Keeps the saved draft aside (when there is one) before a share link replaces it, unless
/// answers are kept aside already: a second link (or the same one opened twice) comes before
/// the person chose between the first one and their own answers, and what is kept aside is
/// still their own. It stays until they choose. Returns whether answers are kept aside.
pub fn set_aside_draft() -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    if storage.get_item(SET_ASIDE_KEY).ok().flatten().is_some() {
        return true;
    }
    let Some(text) = storage.get_item(DRAFT_KEY).ok().flatten() else {
        return false;
    };
    if storage.set_item(SET_ASIDE_KEY, &text).is_err() {
        gloo::console::warn!("umbral: could not keep the earlier answers aside");
        return false;
    }
    true
}

/// Whether a draft is kept aside.
pub fn has_set_aside() -> bool {
    local_storage()
        .and_then(|s| s.get_item(SET_ASIDE_KEY).ok().flatten())
        .is_some()
}

/// The draft kept aside, if it is readable; it stays stored until [`forget_set_aside`].
pub fn set_aside() -> Option<State> {
    let text = local_storage()?.get_item(SET_ASIDE_KEY).ok().flatten()?;
    state_from_draft(&text)
}

/// Deletes the draft kept aside.
pub fn forget_set_aside() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(SET_ASIDE_KEY);
    }
}
