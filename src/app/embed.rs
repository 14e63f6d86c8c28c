//! Embed mode's hooks in the app: the app on a programme's page, in an iframe whose address
//! has `?embed=1` (see www/embed.js, the host's loader, and www/integrate.html).
//!
//! Almost all of embed mode is www/embed-frame.js, which www/sw-register.js loads only in that
//! mode, so the app's first load carries none of it: the messages to and from the host page,
//! the consent to send the result, the theme, the size reports, and the pack checker worker
//! (`umbral-packs`, with the TOML parser). The app itself only needs to know two things, here:
//! the language the host asked for, and the host's programme pack, which embed-frame.js hands
//! over as a promise (`window.umbralPack`) of `{country, json}` (the compiled pack in the
//! compact form the app reads, as `packs/<id>.txt`) or `null`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::engine::{Locale, Pack};

thread_local! {
    /// The host's programme pack once linked, and whether the app has asked for a pack yet.
    static PROGRAMME: RefCell<(Option<Rc<Pack>>, bool)> = const { RefCell::new((None, false)) };
}

/// The language the host page asked for (`lang=` in an embed-mode address).
pub fn lang() -> Option<Locale> {
    let search = web_sys::window()?.location().search().ok()?;
    let (mut embed, mut lang) = (false, None);
    for pair in search.get(1..)?.split('&') {
        embed |= pair.starts_with("embed=");
        lang = lang.or(pair.strip_prefix("lang=").and_then(Locale::parse));
    }
    lang.filter(|_| embed)
}

/// The host's programme pack, once embed-frame.js has it (it never is there outside embed
/// mode, where `window.umbralPack` does not exist).
async fn programme() -> Option<Rc<Pack>> {
    if let Some(pack) = PROGRAMME.with_borrow(|p| p.0.clone()) {
        return Some(pack);
    }
    let window = web_sys::window()?;
    let promise = js_sys::Reflect::get(&window, &"umbralPack".into()).ok()?;
    let value = JsFuture::from(promise.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?;
    let json = js_sys::Reflect::get(&value, &"json".into())
        .ok()?
        .as_string()?;
    match Pack::from_compact(&json) {
        Ok(pack) => {
            let pack = Rc::new(pack);
            PROGRAMME.with_borrow_mut(|p| p.0 = Some(pack.clone()));
            Some(pack)
        }
        Err(e) => {
            gloo::console::error!(format!("umbral: the programme pack does not link: {e}"));
            None
        }
    }
}

/// The pack for `country`: in embed mode the host's programme pack when it is for that
/// country, and on the first request whatever its country (the caller then switches to it);
/// otherwise the country's own pack.
pub async fn pack_for(country: &str, code: &str) -> Result<Rc<Pack>, String> {
    let first = !PROGRAMME.with_borrow_mut(|p| std::mem::replace(&mut p.1, true));
    match programme().await {
        Some(pack) if first || pack.data.country.as_deref() == Some(country) => Ok(pack),
        _ => crate::ui::browser::fetch_pack(country, code).await,
    }
}
