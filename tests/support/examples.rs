//! A rule pack's example case, by the start of its name: what the tests that read the field
//! study's cases share. Included with `#[path]` by the test files that use it.

/// The first case of `rules/<pack>/examples.toml` whose name starts with `prefix`.
pub fn example(pack: &str, prefix: &str) -> toml::Value {
    let path = format!("{}/rules/{pack}/examples.toml", env!("CARGO_MANIFEST_DIR"));
    let examples: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    examples["case"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no example of {pack} starts with {prefix:?}"))
        .clone()
}
