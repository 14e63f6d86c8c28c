//! Browser unit tests for the app: what needs a page (mounting, the view runtime's morph and
//! events, focus). The pure parts, the views' text and the reading of events, are tested
//! natively in tests/app.rs. Run headless by wasm-bindgen-test-runner:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//! Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::task::Poll;

use std::cell::RefCell;

use umbral::app::state::{PackRc, PackStatus, State};
use umbral::app::view;
use umbral::engine::{Locale, Pack, Profile};
use umbral::ui::dom;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Resolves on the browser's next task (a `setTimeout(0)`), after every pending microtask.
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

/// Lets the app finish what it started (the pack's fetch, the QR code).
async fn settle() {
    next_task().await;
    next_task().await;
}

/// The page's view runtime, www/view.js, which index.html loads before the app starts: the
/// test runner's page has it only once this has run.
fn install_view_runtime() {
    let window = web_sys::window().expect("window");
    if js_sys::Reflect::has(&window, &"umbralView".into()).unwrap_or(false) {
        return;
    }
    let document = window.document().expect("document");
    let script = document.create_element("script").expect("create script");
    script.set_text_content(Some(include_str!("../www/view.js")));
    document
        .head()
        .expect("head")
        .append_child(&script)
        .expect("run view.js");
}

/// A fresh element attached to the body, for one test (with the view runtime installed).
fn fresh_root() -> Element {
    install_view_runtime();
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

/// A fresh Spanish state with the Mexico pack linked, nothing answered.
fn mexico_state() -> State {
    let mut state = State::new(Locale::Es);
    state.pack = PackStatus::Ready(mexico());
    state
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

/// Draws the results of `profile` into `root` as the app does.
fn draw_results(root: &Element, profile: &Profile, locale: Locale) {
    let html = view::results(
        &mexico().0,
        profile,
        locale,
        maud::Markup::default(),
        view::Whys::All,
    );
    dom::morph(root, &html.into_string());
}

#[wasm_bindgen_test]
async fn results_show_readiness_chart_table_roadmap_costs_and_reasons() {
    let root = fresh_root();
    let profile = Profile::from_json(PROFILE).expect("profile");
    draw_results(&root, &profile, Locale::Es);

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
    root.remove();
}

#[wasm_bindgen_test]
async fn results_follow_the_locale() {
    let root = fresh_root();
    let profile = Profile::from_json(PROFILE).expect("profile");
    draw_results(&root, &profile, Locale::En);
    let text = root.unchecked_ref::<HtmlElement>().inner_text();
    assert!(text.contains("Your results"), "{text}");
    assert!(text.contains("Score by topic"));
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
    let state = mexico_state();
    let html = view::question_page(&pack.0, &state, &[devices], false);
    dom::morph(&root, &html.into_string());

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

/// The element `root` holds at `selector`.
fn element(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is drawn"))
        .unchecked_into()
}

/// www/view.js changes only what differs: the same nodes stay (so focus and what is being
/// typed stay), attributes and text follow the new HTML, a box the user is typing in keeps
/// its text, and a details element the user opened stays open.
#[wasm_bindgen_test]
fn morph_keeps_nodes_focus_typing_and_open_details() {
    let root = fresh_root();
    let draw = |value: &str, label: &str| {
        dom::morph(
            &root,
            &format!(
                r#"<p id="a" class="x">{label}</p><input id="n" value="{value}"><input id="m" value="{value}"><input id="c" type="checkbox" checked><details><summary>s</summary>d</details>"#
            ),
        )
    };
    draw("1", "one");
    let paragraph = element(&root, "#a");
    let typing: HtmlInputElement = element(&root, "#n").unchecked_into();
    let other: HtmlInputElement = element(&root, "#m").unchecked_into();
    typing.focus().expect("focus");
    typing.set_value("12,");
    element(&root, "details")
        .set_attribute("open", "")
        .expect("open");

    draw("12", "two");
    assert!(
        paragraph.is_same_node(Some(&element(&root, "#a"))),
        "the same node"
    );
    assert_eq!(paragraph.inner_text(), "two");
    assert_eq!(focused_id().as_deref(), Some("n"), "focus stays");
    assert_eq!(
        typing.value(),
        "12,",
        "the box being typed in keeps its text"
    );
    assert_eq!(other.value(), "12", "other boxes follow the state");
    assert!(
        element(&root, "details").has_attribute("open"),
        "an opened details stays open"
    );
    let check_box: HtmlInputElement = element(&root, "#c").unchecked_into();
    assert!(check_box.checked());
    assert!(
        !check_box.has_attribute("value"),
        "a check box's value is left as it is"
    );
    root.remove();
}

/// Elements with an id (or a data-key) keep their node when others appear before them, as a
/// question that appears only once another is answered.
#[wasm_bindgen_test]
fn morph_moves_keyed_elements_and_removes_the_rest() {
    let root = fresh_root();
    dom::morph(
        &root,
        r#"<div data-key="b">b</div><div data-key="c">c</div><p>gone</p>"#,
    );
    let b = element(&root, "[data-key=b]");
    let c = element(&root, "[data-key=c]");
    dom::morph(
        &root,
        r#"<div data-key="a">a</div><div data-key="b">b</div><div data-key="c">c</div>"#,
    );
    assert!(b.is_same_node(Some(&element(&root, "[data-key=b]"))));
    assert!(c.is_same_node(Some(&element(&root, "[data-key=c]"))));
    assert_eq!(root.children().length(), 3);
    assert_eq!(
        root.unchecked_ref::<HtmlElement>()
            .inner_text()
            .split_whitespace()
            .collect::<String>(),
        "abc"
    );
    root.remove();
}

/// view.js reports an event on an element with a data-<type> action, whatever inside it was
/// clicked, and nothing else.
#[wasm_bindgen_test]
fn listen_reports_actions_with_value_and_checked() {
    let root = fresh_root();
    let seen = Rc::new(RefCell::new(Vec::<(String, String, String, bool)>::new()));
    let handler = {
        let seen = Rc::clone(&seen);
        Closure::<dyn FnMut(String, String, String, bool)>::new(move |kind, action, value, on| {
            seen.borrow_mut().push((kind, action, value, on))
        })
    };
    dom::listen(&root, &handler);
    dom::morph(
        &root,
        r#"<button data-click="next"><span id="inside">Next</span></button><p id="plain">text</p><input id="box" type="checkbox" data-change="tick:3:1">"#,
    );
    element(&root, "#inside").click();
    element(&root, "#plain").click();
    element(&root, "#box").click();
    assert_eq!(
        *seen.borrow(),
        vec![
            ("click".into(), "next".into(), String::new(), false),
            ("change".into(), "tick:3:1".into(), "on".into(), true),
        ]
    );
    root.remove();
}
