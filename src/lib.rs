//! Umbral: how ready a small enterprise is to sell online, what holds it back, and which
//! locally available, low-cost steps get it there.
//!
//! One package, in layers (ARCHITECTURE.md has the map):
//!
//! - Pure models, which do no I/O and read no clock, so they behave the same natively and in
//!   WebAssembly: [`engine`] (a profile and a linked rule pack in, a report out), [`packs`]
//!   (rule-pack sources to the compiled form, with diagnostics at file, line and column),
//!   [`share`] (share links and QR codes), [`summary`] (the planner's figures and the reader
//!   of profile files), [`workspace`] (enterprises, visits, hand-off files, merging) and
//!   [`form`] (a pack's questionnaire as an XLSForm for ODK and KoboToolbox, and reading
//!   their exports back).
//! - Shells over them: `cli`, the `umbral` command line (native only); [`app`], the
//!   entrepreneur's page and the UI parts the other pages share; `taller`, the consultant's
//!   workspace page, and [`planner`], the planner page (Yew, wasm32 only; its reducer,
//!   `planner::model`, is built natively too, for its tests); `worker`, how the
//!   Web Workers answer (the pack checker's compile step is [`packs::runtime`]). They share the packs, so a profile scores the same in
//!   every one.

pub mod engine;
pub mod form;
pub mod packs;
pub mod share;
pub mod summary;
pub mod workspace;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

pub mod app;

/// The consultant's workspace page (`www/taller/`, bin `umbral-taller`).
#[cfg(target_arch = "wasm32")]
pub mod taller;

/// The planner page (`www/planner/`, bin `umbral-planner`): Yew, wasm32 only, except its pure
/// model (`planner::model`, `planner::import`), built natively too for its tests.
pub mod planner;

/// How the Web Workers (bins `umbral-packs`, `umbral-helper`) answer their pages.
#[cfg(target_arch = "wasm32")]
pub mod worker;
