//! The workspace's QR decoder, a Web Worker (built by Trunk with `data-type="worker"`; see
//! www/taller/index.html). Each message `{width, height, luma}` (one grey byte per pixel, rows
//! of `width`) is answered with the text of the first QR code in it, or `null`. It says
//! `"ready"` once it listens. Decoding runs here, not on the page, so a decoder that panics
//! (the release build aborts) ends only this worker; the page says so and starts another
//! (`umbral::share::photo` has the checks made before a photo gets here).

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{JsCast, JsValue};

    umbral::worker::serve(|data| {
        let number = |key: &str| {
            js_sys::Reflect::get(&data, &key.into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as usize
        };
        let luma = js_sys::Reflect::get(&data, &"luma".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            .map(|array| array.to_vec())
            .unwrap_or_default();
        let text = umbral::share::photo::decode_luma(number("width"), number("height"), &luma);
        text.map_or(JsValue::NULL, JsValue::from)
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("umbral-qr is the workspace's QR decoder (a Web Worker in the browser)");
    std::process::ExitCode::from(2)
}
