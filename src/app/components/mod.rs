//! The app's screens and pieces.

mod start_screen;

pub use start_screen::StartScreen;
