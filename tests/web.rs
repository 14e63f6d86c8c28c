//! Browser unit tests for the app, run headless by wasm-bindgen-test-runner:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//! Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::task::Poll;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Resolves on the browser's next task (a `setTimeout(0)`), after every pending microtask.
///
/// Yew 0.23 runs its scheduler on the microtask queue; `yew::scheduler::flush()` would say the
/// same more directly but needs yew's `test` feature.
fn next_task() -> impl Future<Output = ()> {
    let done = Rc::new(Cell::new(false));
    let mut timer: Option<Closure<dyn FnMut()>> = None;
    std::future::poll_fn(move |cx| {
        if done.get() {
            return Poll::Ready(());
        }
        if timer.is_none() {
            let done = Rc::clone(&done);
            let waker = cx.waker().clone();
            let callback = Closure::<dyn FnMut()>::new(move || {
                done.set(true);
                waker.wake_by_ref();
            });
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.as_ref().unchecked_ref(),
                    0,
                )
                .expect("setTimeout");
            timer = Some(callback);
        }
        Poll::Pending
    })
}

/// Lets Yew finish rendering.
async fn settle() {
    next_task().await;
    next_task().await;
}

/// A fresh element attached to the body, for one test.
fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("document");
    let root = document.create_element("div").expect("create div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append root");
    root
}

fn find(root: &Element, test_id: &str) -> Option<HtmlElement> {
    root.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .expect("valid selector")
        .map(|element| element.unchecked_into::<HtmlElement>())
}

#[wasm_bindgen_test]
async fn start_screen_shows_heading_and_start_button() {
    let root = fresh_root();
    let app = umbral::app::mount(root.clone());
    settle().await;

    let heading = find(&root, "titulo").expect("heading rendered");
    assert_eq!(heading.tag_name(), "H1");
    assert_eq!(heading.inner_text().trim(), "Umbral");
    assert_eq!(
        root.query_selector_all("h1").expect("selector").length(),
        1,
        "exactly one h1"
    );

    let button = find(&root, "comenzar").expect("Comenzar button rendered");
    assert_eq!(button.tag_name(), "BUTTON");
    assert_eq!(button.inner_text().trim(), "Comenzar");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert!(
        find(&root, "pronto").is_none(),
        "placeholder hidden before start"
    );

    assert!(root.query_selector("header").expect("selector").is_some());
    assert!(root.query_selector("main").expect("selector").is_some());

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn comenzar_reveals_the_placeholder_and_moves_focus_to_it() {
    let root = fresh_root();
    let app = umbral::app::mount(root.clone());
    settle().await;

    let button = find(&root, "comenzar").expect("Comenzar button rendered");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    settle().await;

    let placeholder = find(&root, "pronto").expect("placeholder shown after Comenzar");
    assert!(placeholder.inner_text().contains("Pronto: el cuestionario"));
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let focused = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .expect("something has focus");
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("pronto")
    );

    app.destroy();
    root.remove();
}
