//! The workspace's helper, a Web Worker (built by Trunk with `data-type="worker"`; see
//! www/taller/index.html): decodes QR photos and reads and merges hand-off files off the page
//! (`umbral::workspace_page::helper` has the messages and the page's side).

#[cfg(target_arch = "wasm32")]
fn main() {
    umbral::workspace_page::helper::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("umbral-helper is the workspace's helper (a Web Worker in the browser)");
    std::process::ExitCode::from(2)
}
