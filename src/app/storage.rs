//! The draft: the answers, the country, the language and where the user is, saved in
//! `localStorage` under a versioned key after every change, so closing the tab and coming back
//! resumes at the same question with every answer kept. Storage failures (private mode, a full
//! disk) are logged, never fatal: the app keeps working for this visit.

use std::collections::BTreeSet;

use crate::engine::{Locale, Profile};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::state::{Screen, State, COUNTRIES};

/// The storage key; a new version gets a new key so an old draft never half-loads.
pub const DRAFT_KEY: &str = "umbral.draft/1";

#[derive(Serialize, Deserialize)]
struct Draft {
    country: String,
    locale: Locale,
    screen: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    profile: Json,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    dont_know: BTreeSet<String>,
}

/// The draft of `state` as JSON text.
pub fn draft_json(state: &State) -> String {
    let draft = Draft {
        country: state.country.clone(),
        locale: state.locale,
        screen: state.screen.code().to_string(),
        question: state.current.clone(),
        profile: state.profile.to_value(),
        dont_know: state.dont_know.clone(),
    };
    serde_json::to_string(&draft).unwrap_or_default()
}

/// Restores a state from draft text; `None` when the text is not a usable draft.
pub fn state_from_draft(text: &str) -> Option<State> {
    let draft: Draft = serde_json::from_str(text).ok()?;
    if !COUNTRIES.contains(&draft.country.as_str()) {
        return None;
    }
    let profile = Profile::from_value(&draft.profile).ok()?;
    if profile.country != draft.country {
        return None;
    }
    let mut state = State::new(draft.locale);
    state.country = draft.country;
    state.profile = profile;
    state.screen = Screen::parse(&draft.screen);
    state.current = draft.question;
    state.dont_know = draft.dont_know;
    Some(state)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved draft, if there is a readable one.
pub fn load() -> Option<State> {
    let text = local_storage()?.get_item(DRAFT_KEY).ok().flatten()?;
    let state = state_from_draft(&text);
    if state.is_none() {
        gloo::console::warn!("umbral: ignoring an unreadable saved draft");
    }
    state
}

/// Saves draft text; logs when the browser refuses.
pub fn save(text: &str) {
    let Some(storage) = local_storage() else {
        gloo::console::warn!("umbral: no localStorage; answers will not survive a reload");
        return;
    };
    if storage.set_item(DRAFT_KEY, text).is_err() {
        gloo::console::warn!("umbral: could not save the draft");
    }
}
