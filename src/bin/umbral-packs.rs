//! The programme-pack checker, run by the embedded app as a Web Worker (built by Trunk with
//! `data-type="worker"`; see index.html). It answers each message `{name, source}` with
//! `{ok, pack, name, diagnostics, country}`: the compiled pack in its compact form when the
//! source is valid, and always the diagnostics as `umbral validate` prints them (see
//! `umbral::packs::runtime`).
//! It says `"ready"` once it listens, so no message reaches it before it can answer.

#[cfg(target_arch = "wasm32")]
fn main() {
    /// The answer: the outcome, and whether it gave a pack.
    #[derive(serde::Serialize)]
    struct Answer {
        ok: bool,
        #[serde(flatten)]
        outcome: umbral::packs::runtime::Outcome,
    }

    umbral::ui::worker::serve(|data| {
        let text = |key: &str| {
            js_sys::Reflect::get(&data, &key.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let today = umbral::packs::month_from_unix((js_sys::Date::now() / 1000.0) as i64);
        let outcome = umbral::packs::runtime::compile(&text("name"), &text("source"), Some(today));
        let answer = Answer {
            ok: outcome.pack.is_some(),
            outcome,
        };
        // A plain object (flatten makes a map, which would otherwise become a JS Map).
        let objects = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        serde::Serialize::serialize(&answer, &objects).unwrap_or_else(|e| e.into())
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("umbral-packs is the browser's pack checker (a Web Worker): `umbral validate` is its command line");
    std::process::ExitCode::from(2)
}
