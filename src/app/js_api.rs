//! A small JavaScript API over the engine, for the in-browser benchmark
//! (`tests/bench/wasm.mjs`) and for pages that want a report without the UI. Trunk exposes the
//! exports as `window.wasmBindings`: `umbralLoadPack(text)` reads a compiled pack in its
//! compact form (`packs/<id>.txt`) and returns its id; `umbralAssess(packId, profileJson, locale)` returns the report as JSON text. Both
//! throw an `Error` on bad input: the engine's message for a pack, each problem's kind and
//! where it is for a profile (`invalid profile: unknown_value at $.country`). Nothing leaves
//! the page.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::engine::{self, check_profile, json, Locale, Pack, Profile, ProfileErrors};

thread_local! {
    static PACKS: RefCell<Vec<Pack>> = const { RefCell::new(Vec::new()) };
}

/// Reads a compiled pack (the text of `packs/<id>.txt`) and keeps it for `umbralAssess`.
#[wasm_bindgen(js_name = umbralLoadPack)]
pub fn load_pack(text: &str) -> Result<String, JsError> {
    let pack = Pack::from_compact(text).map_err(|e| JsError::new(&e.to_string()))?;
    let id = pack.data.id.clone();
    PACKS.with_borrow_mut(|packs| {
        packs.retain(|p| p.data.id != id);
        packs.push(pack);
    });
    Ok(id)
}

/// Scores a profile (JSON text) with a loaded pack; returns the report as JSON text.
#[wasm_bindgen(js_name = umbralAssess)]
pub fn assess(pack_id: &str, profile_json: &str, locale: &str) -> Result<String, JsError> {
    let locale = Locale::parse(locale)
        .ok_or_else(|| JsError::new(&format!("unknown locale '{locale}'; expected es or en")))?;
    PACKS.with_borrow(|packs| {
        let pack = packs
            .iter()
            .find(|p| p.data.id == pack_id)
            .ok_or_else(|| JsError::new(&format!("pack '{pack_id}' is not loaded")))?;
        // As `engine::assess_json`, with the small JSON reader of `engine::json`.
        let json = json::parse(profile_json).map_err(|e| JsError::new(&e))?;
        let profile = Profile::from_value(&json).map_err(problems)?;
        check_profile(pack, &profile).map_err(problems)?;
        Ok(engine::assess(pack, &profile, locale).to_json())
    })
}

/// What is wrong with a profile, for a program: each problem's kind and where it is,
/// "invalid profile: unknown_value at $.connectivity.internet; …". The kinds are the keys of
/// the sentences `umbral assess` says (`Problem::kind`); the sentences themselves would cost
/// the app's first load 2 KB (BENCHMARKS.md, "Issue 15: a language added as files").
fn problems(errors: ProfileErrors) -> JsError {
    let each: Vec<String> = (errors.0.iter())
        .map(|e| [e.problem.kind(), " at ", &e.path].concat())
        .collect();
    JsError::new(&["invalid profile: ", &each.join("; ")].concat())
}
