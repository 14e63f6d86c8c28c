//! Browser unit tests for the app, run headless by wasm-bindgen-test-runner:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//! Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::task::Poll;

use umbral::app::components::{QuestionPage, QuestionPageProps, Results, ResultsProps};
use umbral::app::state::PackRc;
use umbral::engine::{Locale, Pack, Profile};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::Callback;

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

/// The Mexico pack, compiled from the sources built into the crate (the app fetches the same
/// pack as JSON).
fn mexico() -> PackRc {
    let compiled = umbral::packs::compile("mx", &umbral::packs::builtin(), None);
    let pack: Pack = compiled.pack.expect("the mx pack compiles");
    PackRc(Rc::new(pack))
}

/// Waits until `test_id` is rendered, up to about two seconds.
async fn wait_for(root: &Element, test_id: &str) -> HtmlElement {
    for _ in 0..200 {
        if let Some(element) = find(root, test_id) {
            return element;
        }
        next_task().await;
    }
    panic!("{test_id} never appeared");
}

fn focused_id() -> Option<String> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .map(|element| element.id())
}

const PROFILE: &str = r#"{"schema":"umbral.profile/1","country":"MX","region":"MX-PUE","locality":"rural","sector":"crafts","size":"solo","goal":"grow_local","connectivity":{"internet":"mobile_data","devices":["smartphone"]},"skills":{"digital_level":2,"helper":"family_youth","hours_per_week":3},"logistics":{"shipping_access":"post_office","delivers_locally":true,"packaging":false},"payments":{"bank_account":false,"accepts":["cash"],"monthly_budget":200},"formalisation":{"tax_id":"none"},"presence":{"channels":["whatsapp"],"product_photos":false,"online_sales_share":0,"inventory":"paper"},"motivation":{"level":4},"network":{"association":false,"intermediary":false,"programme":false}}"#;

#[wasm_bindgen_test]
async fn start_screen_shows_heading_country_and_start_button() {
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
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    let mexico = find(&root, "pais-MX").expect("country choice");
    assert!(mexico
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked());
    assert!(find(&root, "idioma").is_some(), "a visible language switch");
    assert!(root.query_selector("header").expect("selector").is_some());
    assert!(root.query_selector("main").expect("selector").is_some());

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_pack_that_cannot_be_fetched_shows_an_error_with_a_retry() {
    // The test runner serves no packs/ folder, so the fetch fails as it would offline.
    let root = fresh_root();
    let app = umbral::app::mount(root.clone());
    let error = wait_for(&root, "error-paquete").await;
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    // The runner's browser language decides the words (Spanish unless it asks for English).
    let text = error.text_content().unwrap_or_default();
    assert!(
        text.contains("No se pudieron cargar las preguntas")
            || text.contains("The questions could not be loaded"),
        "{text}"
    );
    assert!(find(&root, "reintentar").is_some(), "a retry button");
    app.destroy();
    root.remove();
}

fn results_props(profile: Profile, locale: Locale) -> ResultsProps {
    ResultsProps {
        pack: mexico(),
        profile,
        locale,
        share: yew::Html::default(),
        on_edit: Callback::noop(),
        on_print: Callback::noop(),
    }
}

#[wasm_bindgen_test]
async fn results_show_readiness_chart_table_roadmap_costs_and_reasons() {
    let root = fresh_root();
    let profile = Profile::from_json(PROFILE).expect("profile");
    let app = yew::Renderer::<Results>::with_root_and_props(
        root.clone(),
        results_props(profile, Locale::Es),
    )
    .render();
    settle().await;

    let readiness = find(&root, "preparacion").expect("readiness");
    assert!(readiness.inner_text().contains("/ 100"));
    let table = find(&root, "grafica-tabla").expect("chart table");
    assert_eq!(
        table.query_selector_all("tbody tr").expect("rows").length(),
        9,
        "one row per dimension"
    );
    let svg = root
        .query_selector("[data-testid=grafica] svg")
        .expect("selector")
        .expect("svg");
    assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
    let steps = find(&root, "primeros-pasos").expect("three first steps");
    assert_eq!(steps.query_selector_all("li").expect("items").length(), 3);
    let plan = find(&root, "plan").expect("roadmap");
    assert!(
        plan.query_selector_all("details.porque")
            .expect("why")
            .length()
            > 0
    );
    let costs: Vec<String> = (0..plan
        .query_selector_all("[data-testid=costo]")
        .expect("c")
        .length())
        .map(|i| {
            plan.query_selector_all("[data-testid=costo]")
                .expect("c")
                .item(i)
                .expect("item")
                .unchecked_into::<HtmlElement>()
                .inner_text()
        })
        .collect();
    assert!(
        costs.iter().any(|c| c.contains("Gratis")),
        "free steps say so: {costs:?}"
    );
    let text = root.unchecked_ref::<HtmlElement>().inner_text();
    assert!(
        text.contains("Precio revisado en noviembre de 2026"),
        "{text}"
    );
    assert!(!text.contains("connectivity."), "no field paths shown");

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn results_follow_the_locale() {
    let root = fresh_root();
    let profile = Profile::from_json(PROFILE).expect("profile");
    let app = yew::Renderer::<Results>::with_root_and_props(
        root.clone(),
        results_props(profile, Locale::En),
    )
    .render();
    settle().await;
    let text = root.unchecked_ref::<HtmlElement>().inner_text();
    assert!(text.contains("Your results"), "{text}");
    assert!(text.contains("Score by topic"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_question_page_has_a_legend_heading_options_and_no_se() {
    let root = fresh_root();
    let pack = mexico();
    // "devices" is a set question with "no sé".
    let devices = pack
        .0
        .data
        .questions
        .iter()
        .position(|q| q.id == "devices")
        .expect("devices question");
    let props = QuestionPageProps {
        pack,
        profile: Profile::new("MX"),
        dont_know: Default::default(),
        locale: Locale::Es,
        page: vec![devices],
        wide: false,
        on_answer: Callback::noop(),
        on_dont_know: Callback::noop(),
        on_next: Callback::noop(),
        on_back: Callback::noop(),
        on_results: Callback::noop(),
    };
    let app = yew::Renderer::<QuestionPage>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let fieldset = root
        .query_selector("fieldset")
        .expect("selector")
        .expect("fieldset");
    let heading = fieldset
        .query_selector("legend h2")
        .expect("selector")
        .expect("question heading in the legend");
    assert_eq!(heading.id(), "enfoque");
    assert_eq!(heading.get_attribute("tabindex").as_deref(), Some("-1"));
    assert!(
        fieldset
            .query_selector_all("input[type=checkbox]")
            .expect("boxes")
            .length()
            >= 5
    );
    assert!(find(&root, "q-devices-no-se").is_some(), "no sé offered");
    let progress = find(&root, "progreso").expect("progress");
    assert!(progress.inner_text().contains("Pregunta"));
    assert!(progress
        .query_selector("[aria-live=polite]")
        .expect("selector")
        .is_some());
    heading
        .unchecked_into::<HtmlElement>()
        .focus()
        .expect("focus");
    assert_eq!(focused_id().as_deref(), Some("enfoque"));

    app.destroy();
    root.remove();
}

/// The elements (tag and class) and words of `node`'s subtree, in document order, leaving out
/// what the app adds once the pack has loaded (`revisa`).
fn outline(node: &web_sys::Node, out: &mut Vec<String>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if let Some(element) = child.dyn_ref::<Element>() {
            if element.get_attribute("data-testid").as_deref() == Some("revisa") {
                continue;
            }
            out.push(format!(
                "<{} class={:?}>",
                element.tag_name(),
                element.get_attribute("class").unwrap_or_default()
            ));
            outline(&child, out);
            out.push(format!("</{}>", element.tag_name()));
        } else if let Some(text) = child.text_content() {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                out.push(text);
            }
        }
    }
}

/// index.html paints the start screen before the wasm has loaded; it must be the screen the
/// app then draws (Spanish, nothing answered): the same elements, classes and words, so the
/// first paint is real and nothing moves when the app takes over.
#[wasm_bindgen_test]
async fn static_start_screen_is_the_apps() {
    let page = include_str!("../index.html");
    let open = page.find("<div id=\"app\"").expect("index.html has #app");
    let start = open + page[open..].find('>').expect("#app's tag ends") + 1;
    let end = start + page[start..].find("</main>").expect("a main in #app") + "</main>".len();
    let static_root = fresh_root();
    static_root.set_inner_html(&page[start..end]);

    // The app in Spanish with nothing answered, whatever the runner's browser language.
    let storage = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("localStorage");
    storage
        .set_item(
            umbral::app::DRAFT_KEY,
            r#"{"country":"MX","locale":"es","screen":"start","profile":{"schema":"umbral.profile/1","country":"MX"}}"#,
        )
        .expect("seed the draft");
    let root = fresh_root();
    let app = umbral::app::mount(root.clone());
    settle().await;
    for selector in ["header", "section.inicio"] {
        let mut expected = Vec::new();
        let mut actual = Vec::new();
        outline(
            &root.query_selector(selector).unwrap().expect("the app's"),
            &mut expected,
        );
        outline(
            &static_root
                .query_selector(selector)
                .unwrap()
                .expect("index.html's"),
            &mut actual,
        );
        assert!(expected.len() > 10, "{expected:?}");
        assert_eq!(actual, expected, "{selector} of index.html");
    }
    app.destroy();
    root.remove();
    static_root.remove();
    storage
        .remove_item(umbral::app::DRAFT_KEY)
        .expect("clean up");
}
