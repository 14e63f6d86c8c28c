//! The browser app: a thin shell over the engine.
//!
//! Its state (`state`, `draft`), its screens (`view`) and the reading of events (`events`) are
//! pure and compile everywhere, so they are tested natively too (`tests/app.rs`); the driver,
//! the storage and the page's bindings are wasm32 only. `start` mounts the app into the page's
//! `#app` element (or the body when there is none); `mount` mounts it into any element, which
//! the browser tests use.
//!
//! The state is one reducer (`state`). Every event the page reports (`events`) or the network
//! brings becomes an action; after each, the app draws the whole screen as HTML text (`view`)
//! and the page's view runtime (`dom`, www/view.js) changes only what differs, then the app
//! does what the change asks of the browser: save the draft, set the page's language, move
//! focus, fetch a pack. The app fetches the chosen country's compiled pack once, keeps it
//! linked behind an `Rc`, and scores the answers on every render of the results. Everything
//! runs in the browser: no answer leaves the device unless the user shares it.

pub mod answers;
pub mod draft;
pub mod events;
pub mod state;
pub mod view;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod driver;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
pub mod js_api;
#[cfg(target_arch = "wasm32")]
pub(crate) mod storage;

pub use draft::DRAFT_KEY;
#[cfg(target_arch = "wasm32")]
pub use driver::{mount, start, AppHandle};
