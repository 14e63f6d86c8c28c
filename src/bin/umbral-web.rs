//! The browser app's entry point, built by Trunk: a thin shell over `umbral::app`.

#[cfg(target_arch = "wasm32")]
fn main() {
    umbral::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("umbral-web is the browser app: build it with `trunk build` (see README.md)");
    std::process::ExitCode::from(2)
}
