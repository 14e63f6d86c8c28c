//! The consultant's workspace (`www/taller/`), built by Trunk: a thin shell over `umbral::workspace_page`.

#[cfg(target_arch = "wasm32")]
fn main() {
    umbral::workspace_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("umbral-taller is the browser workspace: build it with `make build` (see README.md)");
    std::process::ExitCode::from(2)
}
