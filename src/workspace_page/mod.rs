//! The consultant's workspace page (`www/taller/`, bin `umbral-taller`), over
//! `crate::workspace`: many
//! enterprises on one device, each with dated visits holding an assessment and notes,
//! progress between visits, hand-off files, a CSV for spreadsheets and QR transfer of one
//! profile between phones.
//!
//! Storage is IndexedDB (`db`, records in `records`): every answer and every keystroke in a
//! note is written at once, a visit's write is refused when another tab changed it first
//! (revisions, noticed live through a `BroadcastChannel`), an unreadable record is set aside
//! alone, and a full disk is reported while what was saved stays. The questionnaire and the
//! results are the entrepreneur app's own views (`crate::app::view`, drawn through `app_view`,
//! the one crossing between the Yew pages and the app's views) driven by the app's own reducer
//! (`crate::app::state::State`), one per open visit.

//!
//! Written as Yew's examples are: the state is one pure reducer (`model`) over the stored
//! records (`records`), both built natively too and tested there (`tests/workspace_model.rs`);
//! the effects (IndexedDB, the clock, the helper worker, the channel between tabs) are in
//! `effects`, started by the component (`page`) and by the callbacks of the screens (`views`,
//! `handoff`, `scan`, `follow`). The rest is
//! wasm32 only.

pub mod model;
pub mod records;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod app_view;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod db;
#[cfg(target_arch = "wasm32")]
mod effects;
#[cfg(target_arch = "wasm32")]
mod enterprise;
#[cfg(target_arch = "wasm32")]
mod follow;
#[cfg(target_arch = "wasm32")]
mod form;
#[cfg(target_arch = "wasm32")]
mod handoff;
#[cfg(target_arch = "wasm32")]
pub mod helper;
#[cfg(target_arch = "wasm32")]
mod journal;
#[cfg(target_arch = "wasm32")]
mod list;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod parts;
#[cfg(target_arch = "wasm32")]
mod privacy;
#[cfg(target_arch = "wasm32")]
mod scan;
#[cfg(target_arch = "wasm32")]
mod views;
#[cfg(target_arch = "wasm32")]
mod visit;

#[cfg(target_arch = "wasm32")]
pub use page::start;
