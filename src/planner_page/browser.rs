//! The browser calls the planner page makes, each returning an error message rather than
//! panicking: fetching a pack, the files of a file list (read with `gloo_file`), letting the
//! page paint. Saving a file is
//! `crate::ui::browser::download`, as on every page.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::{Locale, Pack};

fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Fetches the compiled pack `../packs/<id>.json` (the page lives at `/planner/`) and links it.
pub async fn fetch_pack(id: &str) -> Result<Pack, String> {
    let url = format!("../packs/{id}.json");
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{url}: {}", describe(e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(|e| format!("{url}: {}", describe(e)))?
        .as_string()
        .ok_or("the pack is not text")?;
    Pack::from_json(&text).map_err(|e| format!("{url}: {e}"))
}

/// Gives the browser a turn (a zero-delay timer), so the page can paint and stay responsive
/// during a long import.
pub async fn next_tick() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// Milliseconds since the page started, for pacing the work between turns.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Sets the page's `lang` and title to the locale's.
pub fn set_document_language(locale: Locale, title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", locale.code());
        }
        document.set_title(title);
    }
}

/// The files of a file list (from a file input or a drop), in order.
pub fn files(list: Option<web_sys::FileList>) -> Vec<gloo_file::File> {
    list.map(|list| gloo_file::FileList::from(list).to_vec())
        .unwrap_or_default()
}

/// The browser's language, if Umbral speaks it; Spanish otherwise.
pub fn navigator_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Locale::parse(&l))
        .unwrap_or(Locale::Es)
}
