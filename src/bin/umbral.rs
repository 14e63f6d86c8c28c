//! The `umbral` command line: a thin shell over [`umbral::cli`].

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    umbral::cli::main()
}

// The command line needs a terminal and files; in a wasm32 build it is an empty stub so that
// one `cargo build --target wasm32-unknown-unknown` still compiles every target of the package.
#[cfg(target_arch = "wasm32")]
fn main() {}
