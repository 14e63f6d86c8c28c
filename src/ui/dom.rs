//! The page's view runtime, `window.umbralView` (www/view.js), which the app draws through:
//! the screens are HTML text (see `view`), `morph` brings the live DOM to it, and `listen`
//! hands the root's events back as `(type, action, value, on)` (see `events`).

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
extern "C" {
    /// Makes `root`'s content the HTML `html`, changing only what differs.
    #[wasm_bindgen(js_namespace = umbralView)]
    pub fn morph(root: &Element, html: &str);

    /// Calls `handler(type, action, value, on)` for each click, change, input and submit under
    /// `root` on an element with a `data-<type>` action.
    #[wasm_bindgen(js_namespace = umbralView)]
    pub fn listen(root: &Element, handler: &Closure<dyn FnMut(String, String, String, bool)>);

    /// Whether the media query matches now; `handler` gets every later change.
    #[wasm_bindgen(js_namespace = umbralView)]
    pub fn media(query: &str, handler: &Closure<dyn FnMut(bool)>) -> bool;

    /// Calls `handler(true, fragment)` whenever the address's fragment changes in this tab
    /// (without `#`), and `handler(false, text)` whenever another tab changes the
    /// `localStorage` item `key` (empty text when it was removed).
    #[wasm_bindgen(js_namespace = umbralView)]
    pub fn outside(key: &str, handler: &Closure<dyn FnMut(bool, String)>);

    /// Calls `callback` in a task after the next frame, so after the browser has painted.
    #[wasm_bindgen(js_namespace = umbralView)]
    pub fn later(callback: JsValue);
}
