//! The planner's page (`/planner/`): many assessment files in, the summary of
//! `crate::planner` out, entirely in the browser.
//!
//! Files are read with the same record reader as `umbral batch` ([`crate::planner::records`]),
//! each profile is scored with its country's compiled pack (fetched from `../packs/`), and only
//! a compact [`crate::planner::Assessment`] is kept per enterprise. An export of Umbral's form
//! from KoboToolbox or ODK Central is read and scored with the one pack its form was written
//! from (its first submission's form id or country), as `umbral batch` does. The work runs in
//! slices of a few milliseconds with a turn for the browser in between, so the page keeps
//! painting its progress. Filters, requirement scenarios and the language only re-count the
//! kept assessments; the CSV download is [`crate::planner::Figures::to_csv`], byte for byte what
//! `umbral batch --summary --summary-format csv` prints for the same input, filters and
//! requirements.
//!
//! Written as Yew's examples are: the state is one pure reducer (`model`) over what a file
//! means (`import`), both built natively too so they are tested there
//! (`tests/planner_model.rs`); the effects (reading files with `gloo_file`, fetching packs,
//! pacing, the download) are all in `effects`; each section of the page is its own component
//! (`file_picker`, `filters`, `overview`, `scenarios`, `supply`, `before_after`, `report`, the
//! one-page printed report), put together in `page`. The rest is
//! wasm32 only.

pub mod import;
pub mod model;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod before_after;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod effects;
#[cfg(target_arch = "wasm32")]
mod file_picker;
#[cfg(target_arch = "wasm32")]
mod filters;
#[cfg(target_arch = "wasm32")]
mod overview;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod report;
#[cfg(target_arch = "wasm32")]
mod scenarios;
#[cfg(target_arch = "wasm32")]
mod supply;

/// Mounts the page into `#app` (or the body).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let document = web_sys::window().and_then(|w| w.document());
    let host = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("app"))
        .or_else(|| document.as_ref().and_then(|d| d.body().map(Into::into)));
    if let Some(host) = host {
        host.set_inner_html("");
        yew::Renderer::<page::Planner>::with_root(host).render();
    }
}
