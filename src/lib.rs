//! Umbral: how ready a small enterprise is to sell online, what holds it back, and which
//! locally available, low-cost steps get it there.
//!
//! The crate is one package with three layers:
//!
//! - [`engine`] is pure: a profile and a linked rule pack in, a report out. It knows nothing of
//!   files, the browser or the terminal, so it behaves identically everywhere it is compiled.
//! - [`packs`] turns rule-pack sources (TOML, as programme staff write them) into the compiled
//!   form the engine links, with diagnostics that point at file, line and column.
//! - The shells: `cli` (native only) is the `umbral` command line; `app` is the browser app
//!   (its driver wasm32 only). Both are thin and share the same packs, so a profile scores the
//!   same in both.

pub mod engine;
pub mod packs;
pub mod packs_worker;
pub mod share;
pub mod summary;
pub mod workspace;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

pub mod app;

/// The consultant's workspace page (`www/taller/`, bin `umbral-taller`).
#[cfg(target_arch = "wasm32")]
pub mod taller;

/// The planner page (`www/planner/`, bin `umbral-planner`).
#[cfg(target_arch = "wasm32")]
pub mod planner;

/// How the Web Workers (bins `umbral-packs`, `umbral-helper`) answer their pages.
#[cfg(target_arch = "wasm32")]
pub mod worker;
