//! The browser app (wasm32 only): a thin Yew shell over the engine.
//!
//! [`start`] mounts [`App`] into the page's `#app` element (or the body when there is none);
//! [`mount`] mounts it into any element, which the browser tests use.
//!
//! Everything runs in the browser: no answer leaves the device.

mod components;

use yew::prelude::*;

pub use components::StartScreen;

/// The whole app: header landmark with the one `h1`, main landmark with the current screen.
#[component]
pub fn App() -> Html {
    html! {
        <>
            <header class="cabecera">
                <div class="cabecera__interior">
                    <h1 data-testid="titulo">{ "Umbral" }</h1>
                    <p class="lema">{ "¿Listo para vender en línea?" }</p>
                </div>
            </header>
            <main id="contenido" class="contenido">
                <StartScreen />
            </main>
        </>
    }
}

/// Mounts the app into `#app`, or into the body when the page has no such element.
///
/// # Panics
///
/// When there is no document or body (never in a browser page).
pub fn start() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("umbral: no document");
    let root = match document.get_element_by_id("app") {
        Some(element) => element,
        None => document.body().expect("umbral: no body").into(),
    };
    mount(root);
}

/// Mounts the app into `root`, replacing whatever `root` held (such as a loading message).
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root(root).render()
}
