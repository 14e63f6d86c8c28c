//! The app's screens and pieces: one component per file, each with its props; events go up
//! through callbacks to the app, which turns them into reducer actions.

mod dimension_chart;
mod locale_switch;
mod pack_status;
mod progress_bar;
mod question_field;
mod question_page;
mod results;
mod roadmap;
mod share_panel;
mod start_screen;
mod why;

pub use dimension_chart::DimensionChart;
pub use locale_switch::LocaleSwitch;
pub use pack_status::PackStatusView;
pub use progress_bar::ProgressBar;
pub use question_field::QuestionField;
pub use question_page::FOCUS_ID;
pub use question_page::{QuestionPage, QuestionPageProps};
pub use results::{Results, ResultsProps};
pub use share_panel::SharePanel;
pub use start_screen::StartScreen;
pub use why::Why;
