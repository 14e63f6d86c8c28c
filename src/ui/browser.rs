//! The few browser calls the app makes, each wrapped so that a failure degrades to a sensible
//! default instead of a panic: fetching a pack, the browser's language, the page's `lang`,
//! focus, the URL fragment, and the download helper the workspace and the planner share.

use std::rc::Rc;

use crate::engine::{Locale, Pack};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

/// Fetches the compact linked pack for `country` (relative to the page) in the one language
/// the app shows, `code`: `packs/<id>.es.txt`, `packs/<id>.en.txt` (each about 40 % smaller
/// than the whole pack; www/view.js preloads the one the first screen will need) or the pack
/// in a language its translations add, `packs/<id>.<code>.txt`, and reads it.
pub async fn fetch_pack(country: &str, code: &str) -> Result<Rc<Pack>, String> {
    let id = country.to_ascii_lowercase();
    fetch_pack_from(&format!("packs/{id}.{code}.txt")).await
}

/// Fetches a compiled pack from `url` and links it (other pages fetch `../packs/<id>.txt`).
pub async fn fetch_pack_from(url: &str) -> Result<Rc<Pack>, String> {
    Pack::from_compact(&fetch_text(url).await?)
        .map(Rc::new)
        .map_err(|e| format!("pack {url}: {e}"))
}

/// The text at `url`.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("fetch {url}: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("fetch {url}: HTTP {}", response.status()));
    }
    JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("read {url}: {e:?}"))?
        .as_string()
        .ok_or_else(|| format!("{url} is not text"))
}

/// The browser's language when it is one the app speaks; Spanish otherwise.
pub fn browser_locale() -> Locale {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .and_then(|language| Locale::parse(&language))
        .unwrap_or(Locale::Es)
}

/// Sets `<html lang>`, so screen readers pronounce the page in the language on show.
pub fn set_document_language(locale: Locale) {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", locale.code());
    }
}

/// Moves keyboard focus to the element with `id`, if present. Focus is a convenience:
/// failing to move it changes nothing else.
pub fn focus_by_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The URL fragment without its `#`, if any.
pub fn location_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    (!fragment.is_empty()).then_some(fragment)
}

/// The page's address without its query or fragment: the base of share links (so a link
/// made inside a host page, `?embed=1&…`, opens the plain app).
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    match href.split_once(['?', '#']) {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Removes the fragment from the address bar without reloading, so a reload after opening a
/// share link resumes the saved answers rather than reopening the link.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&page_address()),
            );
        }
    }
}

/// Where a page mounts its app: the `#app` element, or the body when there is none.
///
/// # Panics
///
/// When there is no document or body (never in a browser page).
pub fn mount_point() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("umbral: no document");
    match document.get_element_by_id("app") {
        Some(element) => element,
        None => document.body().expect("umbral: no body").into(),
    }
}

/// Opens the print dialogue.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Offers `text` as a file download named `name` (a Blob link; nothing is sent anywhere): the
/// one download helper of every page.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let failed = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked once the download has surely started, not before.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}
