//! The planner's page, built by Trunk from www/planner/index.html: a thin shell over
//! `umbral::planner_page`.

#[cfg(target_arch = "wasm32")]
fn main() {
    umbral::planner_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("umbral-planner is the planner's browser page: build it with trunk (see README.md)");
    std::process::ExitCode::from(2)
}
