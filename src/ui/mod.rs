//! What every browser page shares, and nothing page-specific: the browser calls each page
//! makes (`browser`: fetching packs, language, focus, print, the one download helper), the
//! bindings of the view runtime `www/view.js` (`dom`), the bar charts of the app and the
//! planner (`chart`, pure: drawn as HTML text, tested natively), and how the Web Workers
//! answer their pages (`worker`).
//!
//! The entrepreneur app (`crate::app`), the workspace page (`crate::workspace_page`) and the
//! planner page (`crate::planner_page`) build on it; it builds on none of them.

pub mod chart;

#[cfg(target_arch = "wasm32")]
pub(crate) mod browser;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod worker;

/// Screens at least this wide show a whole group of questions at once (the workspace's visits
/// too).
pub const WIDE: &str = "(min-width: 900px)";
