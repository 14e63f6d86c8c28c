//! What the command-line tests share: running the `umbral` binary as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `umbral` with `args` from the repository root, feeding it `stdin`.
pub fn umbral(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_umbral"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("umbral starts");
    // umbral may exit before reading its input (a usage error): a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// Output bytes as text (lossily: a test then shows what it got).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
