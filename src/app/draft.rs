//! The draft: the answers, the country, the language and where the user is, as the JSON text
//! `storage` keeps in `localStorage` under a versioned key after every change, so closing the
//! tab and coming back resumes at the same question with every answer kept.

use crate::engine::{json, Locale, Profile};
use serde_json::{Map, Value as Json};

use super::state::{Screen, State, COUNTRIES};

/// The storage key; a new version gets a new key so an old draft never half-loads.
pub const DRAFT_KEY: &str = "umbral.draft/1";

/// Where the draft is kept aside when a share link replaces it, until the user either goes
/// back to it or chooses to keep the link's answers.
pub const SET_ASIDE_KEY: &str = "umbral.draft-set-aside/1";

/// The draft of `state` as JSON text: an object with `country`, `locale` (`es`, `en` or a
/// language a pack's translation adds, even before its pack has come),
/// `screen`, `question` (the id on show, if any), `profile` (`umbral.profile/2`; a draft saved
/// with version 1 is read and migrated) and
/// `dont_know` (question ids, left out when empty).
pub fn draft_json(state: &State) -> String {
    let mut draft = Map::new();
    draft.insert("country".into(), state.country.as_str().into());
    let code = state.wanted.as_deref().unwrap_or(state.locale.code());
    draft.insert("locale".into(), code.into());
    draft.insert("screen".into(), state.screen.code().into());
    if let Some(question) = &state.current {
        draft.insert("question".into(), question.as_str().into());
    }
    draft.insert("profile".into(), state.profile.to_value());
    if !state.dont_know.is_empty() {
        let ids = state.dont_know.iter().map(|id| Json::from(id.as_str()));
        draft.insert("dont_know".into(), Json::Array(ids.collect()));
    }
    json::to_text(&Json::Object(draft))
}

/// Restores a state from draft text; `None` when the text is not a usable draft.
pub fn state_from_draft(text: &str) -> Option<State> {
    let draft = json::parse(text).ok()?;
    let text_at = |key: &str| draft.get(key).and_then(Json::as_str);
    let country = text_at("country")?;
    if !COUNTRIES.contains(&country) {
        return None;
    }
    // A language a translation adds is asked for again: it shows once its pack has come.
    let code = text_at("locale")?;
    let wanted = (Locale::parse(code).is_none()).then(|| code.to_string());
    let locale = match code {
        "en" => Locale::En,
        "es" => Locale::Es,
        _ if (2..=8).contains(&code.len())
            && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
        {
            Locale::Es
        }
        _ => return None,
    };
    let screen = Screen::parse(text_at("screen")?);
    let current = match draft.get("question") {
        None | Some(Json::Null) => None,
        Some(Json::String(id)) => Some(id.clone()),
        Some(_) => return None,
    };
    let mut dont_know = std::collections::BTreeSet::new();
    match draft.get("dont_know") {
        None => {}
        Some(Json::Array(ids)) => {
            for id in ids {
                dont_know.insert(id.as_str()?.to_string());
            }
        }
        Some(_) => return None,
    }
    let profile = Profile::from_value(draft.get("profile")?).ok()?;
    if profile.country != country {
        return None;
    }
    let mut state = State::new(locale);
    state.wanted = wanted;
    state.country = profile.country.clone();
    state.profile = profile;
    state.screen = screen;
    state.current = current;
    state.dont_know = dont_know;
    Some(state)
}

/// Where a saved draft that cannot be read is moved, so that starting afresh never overwrites
/// it.
pub const UNREADABLE_KEY: &str = "umbral.draft-unreadable/1";
