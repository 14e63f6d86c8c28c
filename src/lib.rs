//! Umbral: how ready a small enterprise is to sell online, what holds it back, and which
//! locally available, low-cost steps get it there.
//!
//! One package, in layers (ARCHITECTURE.md has the map):
//!
//! - Pure models, which do no I/O and read no clock, so they behave the same natively and in
//!   WebAssembly: [`engine`] (a profile and a linked rule pack in, a report out), [`packs`]
//!   (rule-pack sources to the compiled form, with diagnostics at file, line and column),
//!   [`share`] (share links and QR codes), [`form`] (a pack's questionnaire as an XLSForm for
//!   ODK and KoboToolbox, and reading their exports back), and the two pages' models:
//!   [`workspace`] (enterprises, visits, hand-off files, merging) and [`planner`] (a cohort's
//!   figures and the reader of profile files, also `umbral batch`).
//! - Shells over them: `cli`, the `umbral` command line (native only); [`ui`], what every
//!   browser page shares; [`app`], the entrepreneur's page; `workspace_page`, the consultant's
//!   workspace page over [`workspace`], and [`planner_page`], the planner page over
//!   [`planner`] (Yew, wasm32 only; the pages' reducers are built natively too, for their
//!   tests). They share the packs, so a profile scores the same in every
//!   one.

pub mod engine;
pub mod form;
pub mod packs;
pub mod planner;
pub mod share;
pub mod workspace;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

pub mod ui;

pub mod app;

/// The consultant's workspace page (`www/taller/`, bin `umbral-taller`), over [`workspace`]:
/// Yew, wasm32 only, except its pure model (`workspace_page::model`, `workspace_page::records`),
/// built natively too for its tests.
pub mod workspace_page;

/// The planner page (`www/planner/`, bin `umbral-planner`), over [`planner`]: Yew, wasm32 only,
/// except its pure model (`planner_page::model`, `planner_page::import`), built natively too
/// for its tests.
pub mod planner_page;
