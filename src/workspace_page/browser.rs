//! The browser calls the workspace makes besides IndexedDB: ids, time, downloads (the app's
//! helper), the packs, persistence, and the channel between tabs.

use js_sys::Date;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Url;

use serde_json::Value as Json;

use super::records::{EnterpriseRecord, VisitRecord};
use crate::app::state::PackRc;
use crate::workspace::{Enterprise, Visit};

/// A fresh random id (a UUID from the browser's cryptographic generator).
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("id-{}", Date::now()))
}

/// Now, as RFC 3339 in UTC with milliseconds (`2026-11-28T13:53:07.123Z`): such texts sort
/// in time order.
pub fn now() -> String {
    String::from(Date::new_0().to_iso_string())
}

/// Today's date where the user is, YYYY-MM-DD.
pub fn today() -> String {
    let d = Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

pub use crate::ui::browser::download;

/// Fetches `../packs/<id>.txt` (the packs the main app serves) and links it.
pub async fn fetch_pack(country: &str) -> Result<PackRc, String> {
    let url = format!("../packs/{}.txt", country.to_ascii_lowercase());
    crate::ui::browser::fetch_pack_from(&url).await.map(PackRc)
}

/// Asks the browser to keep this site's data durably; whether it agreed.
pub async fn persist() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    let Ok(asked) = storage.persist() else {
        return false;
    };
    JsFuture::from(asked)
        .await
        .map(|granted| granted.is_truthy())
        .unwrap_or(false)
}

/// The entrepreneur app's saved draft, if any (`localStorage`).
pub fn app_draft() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(crate::app::DRAFT_KEY)
        .ok()?
}

/// The address of the entrepreneur app (the site's root page), for share links.
pub fn app_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|href| Url::new_with_base("../", &href).ok())
        .map(|url| url.href())
        .unwrap_or_default()
}

pub use crate::ui::browser::{browser_locale, focus_by_id as focus, set_document_language};

/// A `performance.mark` (the benchmark reads them to split the time to open the workspace).
pub fn mark(name: &str) {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into());
    if let Ok(performance) = performance {
        if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into()) {
            if let Ok(mark) = mark.dyn_into::<js_sys::Function>() {
                let _ = mark.call1(&performance, &name.into());
            }
        }
    }
}

/// A new enterprise, saved once by `device` now.
pub fn new_enterprise(name: &str, country: &str, device: &str) -> EnterpriseRecord {
    EnterpriseRecord::new(Enterprise::new(&new_id(), name, country, device, &now()))
}

/// A new visit dated today, saved once by `device` now.
pub fn new_visit(enterprise: &str, profile: Json, device: &str) -> VisitRecord {
    VisitRecord::new(
        enterprise,
        Visit::new(&new_id(), &today(), profile, device, &now()),
    )
}
