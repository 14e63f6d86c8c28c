//! The browser app's pure parts, natively: its screens as HTML text (`app::view`), the reading
//! of the page's events (`app::events`) and the draft (`app::draft`). What needs a page (the
//! view runtime's morph, focus, the driver) is tested in Chromium by tests/web.rs and the
//! end-to-end tests.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/examples.rs"]
mod examples;

use std::collections::BTreeSet;
use std::rc::Rc;

use serde_json::Value as Json;
use umbral::app::answers::option_json;
use umbral::app::draft::{draft_json, state_from_draft};
use umbral::app::events::{decode, Msg};
use umbral::app::state::{Action, PackRc, PackStatus, Screen, State};
use umbral::app::view::{self, Frame, Notice, Qr, Whys};
use umbral::engine::{Locale, Pack, Profile};

fn mexico() -> Pack {
    let compiled = umbral::packs::compile("mx", &umbral::packs::builtin(), None);
    compiled.pack.expect("the mx pack compiles")
}

/// A Spanish state with `pack` linked, nothing answered.
fn state_with(pack: Pack) -> State {
    let mut state = State::new(Locale::Es);
    state.pack = PackStatus::Ready(PackRc(Rc::new(pack)));
    state
}

fn question(pack: &Pack, id: &str) -> usize {
    pack.data
        .questions
        .iter()
        .position(|q| q.id == id)
        .expect(id)
}

/// The rural craft business of the end-to-end tests.
const PROFILE: &str = r#"{"schema":"umbral.profile/1","country":"MX","region":"MX-PUE","locality":"rural","sector":"crafts","size":"solo","goal":"grow_local","connectivity":{"internet":"mobile_data","devices":["smartphone"]},"skills":{"digital_level":2,"helper":"family_youth","hours_per_week":3},"logistics":{"shipping_access":"post_office","delivers_locally":true,"packaging":false},"payments":{"bank_account":false,"accepts":["cash"],"monthly_budget":200},"formalisation":{"tax_id":"none"},"presence":{"channels":["whatsapp"],"product_photos":false,"online_sales_share":0,"inventory":"paper"},"motivation":{"level":4},"network":{"association":false,"intermediary":false,"programme":false}}"#;

/// A pack's text is text: markup in a question, an option and a recommendation is escaped
/// wherever the screens show it, in element content and in attributes.
#[test]
fn pack_text_is_escaped_everywhere_it_is_shown() {
    const HOSTILE: &str = r#"<script>alert(1)</script><img src=x onerror="alert(2)"> & 'q'"#;
    let mut pack = mexico();
    let sector = question(&pack, "sector");
    pack.data.questions[sector].text.es = HOSTILE.into();
    pack.data.questions[sector].options[0].label.es = HOSTILE.into();
    for d in &mut pack.data.dimensions {
        d.label.es = HOSTILE.into();
    }
    let state = state_with(pack);
    let pack = state.pack().expect("pack").clone();
    let page = view::question_page(&pack, &state, &[sector], false).into_string();
    let profile = Profile::from_json(PROFILE).expect("profile");
    let results = results_html(&pack, &profile, Locale::Es);
    let start = view::app(
        &state,
        &Frame {
            wide: false,
            link: None,
            qr: Qr::Pending,
            whys: &BTreeSet::new(),
            notice: None,
        },
    )
    .into_string();
    // An address is text too (the share link is made from the page's).
    let share = view::share_panel(
        r#"https://example.org/"><script>alert(1)</script><img src=x onerror="alert(2)"> & 'q'"#,
        Locale::Es,
        Qr::Pending,
    )
    .into_string();
    for (screen, html) in [
        ("question", &page),
        ("results", &results),
        ("start", &start),
        ("share", &share),
    ] {
        assert!(!html.contains("<script"), "{screen}: {html}");
        assert!(!html.contains("<img"), "{screen}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{screen}"
        );
    }
    assert!(
        page.contains("onerror=&quot;alert(2)&quot;"),
        "quotes escaped"
    );
}

/// The share panel's WhatsApp link carries the message as JavaScript's
/// `encodeURIComponent` would write it.
#[test]
fn uri_components_are_written_as_encode_uri_component_does() {
    assert_eq!(view::uri_component("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
    assert_eq!(
        view::uri_component("Mis resultados: https://x.org/#p1.a+b/c?d=é&ñ"),
        "Mis%20resultados%3A%20https%3A%2F%2Fx.org%2F%23p1.a%2Bb%2Fc%3Fd%3D%C3%A9%26%C3%B1"
    );
    let profile = Profile::from_json(PROFILE).expect("profile");
    let link = view::share_link(&profile, "https://umbral.example/");
    let html = view::share_panel(&link, Locale::Es, Qr::Pending).into_string();
    assert!(html.contains("https://wa.me/?text="), "{html}");
    assert!(
        html.contains("https%3A%2F%2Fumbral.example%2F%23p2."),
        "{html}"
    );
}

/// One question a page on a phone; a whole group, under its heading, on a wide screen. Every
/// question carries its key (so the page's morph keeps it), "no sé" where the pack allows it.
#[test]
fn question_pages_narrow_and_wide() {
    let state = state_with(mexico());
    let pack = state.pack().expect("pack").clone();
    let count = |html: &str, needle: &str| html.matches(needle).count();

    let devices = question(&pack, "devices");
    let narrow = view::question_page(&pack, &state, &[devices], false).into_string();
    assert_eq!(count(&narrow, r#"data-testid="pregunta""#), 1);
    assert!(narrow.contains(r#"data-key="q-devices""#));
    assert!(
        narrow.contains(r#"<legend><h2 class="pregunta__texto" id="enfoque" tabindex="-1">"#),
        "the question is the heading that takes focus: {narrow}"
    );
    assert!(narrow.contains(r#"data-testid="q-devices-no-se""#));
    assert!(!narrow.contains(r#"data-testid="grupo""#));

    let page = state.page(&pack, true);
    assert!(page.len() > 1, "the first group has several questions");
    let wide = view::question_page(&pack, &state, &page, true).into_string();
    assert_eq!(count(&wide, r#"data-testid="pregunta""#), page.len());
    assert!(
        wide.contains(r#"<h2 class="grupo" id="enfoque" tabindex="-1" data-testid="grupo">"#),
        "{wide}"
    );
    assert_eq!(
        count(&wide, "<h3 "),
        page.len(),
        "each question a level lower"
    );
    assert!(
        wide.contains(&format!("Preguntas 1 a {} de", page.len())),
        "{wide}"
    );
}

/// A closed "¿Por qué?" of the app's results is drawn without its contents until opened; the
/// workspace draws every one.
#[test]
fn closed_whys_are_drawn_empty_until_opened() {
    let pack = mexico();
    let profile = Profile::from_json(PROFILE).expect("profile");
    let draw = |whys| {
        view::results(&pack, &profile, Locale::Es, maud::Markup::default(), whys).into_string()
    };
    let why = |html: &str, key: &str| {
        let start = html
            .find(&format!(r#"data-toggle="why:{key}""#))
            .unwrap_or_else(|| panic!("why:{key} drawn"));
        let end = start + html[start..].find("</details>").expect("closed");
        html[start..end].to_string()
    };
    let none = BTreeSet::new();
    let closed = draw(Whys::Open(&none));
    assert!(!why(&closed, "dimensions").contains("<li>"));
    assert!(!closed.contains("<details class=\"porque\" open"));
    let open = BTreeSet::from(["dimensions".to_string()]);
    let one = draw(Whys::Open(&open));
    assert!(why(&one, "dimensions").contains("<li>"));
    assert!(one.contains(r#"<details class="porque" open data-toggle="why:dimensions">"#));
    let all = draw(Whys::All);
    let step = all.find(r#"data-toggle="why:step-"#).expect("a step's why");
    assert!(all[step..]
        .split("</details>")
        .next()
        .expect("why")
        .contains("<li>"));
}

/// Issue 15: the results open with the short result; the rest is drawn behind "Ver todo",
/// hidden on screen (and shown on paper, by the style sheet) until the button opens it, and
/// the workspace, which draws every "¿Por qué?", shows it at once without the button.
#[test]
fn the_short_result_comes_first_and_the_rest_behind_see_all() {
    let pack = mexico();
    let profile = Profile::from_json(PROFILE).expect("profile");
    let draw = |whys| {
        view::results(&pack, &profile, Locale::Es, maud::Markup::default(), whys).into_string()
    };
    let none = BTreeSet::new();
    let closed = draw(Whys::Open(&none));
    let brief = closed
        .find(r#"data-testid="breve""#)
        .expect("the short result");
    let button = closed.find(r#"data-testid="ver-todo""#).expect("Ver todo");
    let rest = closed.find(r#"id="todo""#).expect("the rest");
    let plan = closed.find(r#"data-testid="plan""#).expect("the plan");
    assert!(brief < button && button < rest && rest < plan);
    assert!(closed.contains(r#"<div class="todo todo--cerrado" id="todo">"#));
    assert!(closed.contains(r#"aria-expanded="false" aria-controls="todo""#));
    assert!(closed[button..].contains(r#"value="open""#));
    // The short result names the plan's first three steps and the first need of the next rung.
    let short = &closed[brief..button];
    assert_eq!(short.matches("<li>").count(), 3, "{short}");
    assert!(short.contains("Lo que más frena a su negocio"), "{short}");

    let state = state_with(mexico());
    let Some(Msg::Why(key, true)) = decode(&state, false, "click", "why:all", "open", false) else {
        panic!("Ver todo opens the rest")
    };
    let open = BTreeSet::from([key]);
    let opened = draw(Whys::Open(&open));
    assert!(opened.contains(r#"<div class="todo" id="todo">"#));
    assert!(opened.contains(r#"aria-expanded="true" aria-controls="todo""#));
    assert!(matches!(
        decode(&state, false, "click", "why:all", "close", false),
        Some(Msg::Why(_, false))
    ));

    let workspace = draw(Whys::All);
    assert!(!workspace.contains(r#"data-testid="ver-todo""#));
    assert!(workspace.contains(r#"<div class="todo" id="todo">"#));
}

/// Issue 15: an acronym gets a "¿Qué es…?" wherever an owner meets it: beside the short
/// result, in a step, and on a question.
#[test]
fn acronyms_are_explained_where_they_are_read() {
    let pack = mexico();
    // The crafts business of Mexico City that needs an RFC (a pack example).
    let profile = Profile::from_json(r#"{"schema":"umbral.profile/1","country":"MX","region":"MX-CMX","locality":"urban","sector":"crafts","size":"solo","goal":"sell_nationally","connectivity":{"internet":"broadband","devices":["smartphone"]},"skills":{"digital_level":3,"helper":"none","hours_per_week":10},"logistics":{"shipping_access":"courier_dropoff","delivers_locally":true,"packaging":true},"payments":{"bank_account":true,"accepts":["cash","transfer"],"monthly_budget":300},"formalisation":{"tax_id":"none"},"presence":{"channels":["whatsapp"],"product_photos":true,"online_sales_share":10,"inventory":"paper"},"motivation":{"level":4},"network":{"association":false,"intermediary":false,"programme":false}}"#).expect("profile");
    let html = results_html(&pack, &profile, Locale::Es);
    let todo = html.find(r#"id="todo""#).expect("the rest");
    let brief_glossary = html.find(r#"data-testid="glosario""#).expect("a glossary");
    assert!(
        brief_glossary < todo,
        "the short result's terms come before the rest"
    );
    assert!(html[brief_glossary..].contains("<summary>¿Qué son SAT y RFC?</summary>"));
    assert!(html.contains("<dt>RFC</dt><dd>Su clave de contribuyente ante el SAT."));
    assert!(
        html[todo..].contains(r#"data-testid="glosario""#),
        "a step's terms"
    );
    let english = results_html(&pack, &profile, Locale::En);
    assert!(english.contains("<summary>What are SAT and RFC?</summary>"));
    // "y" becomes "e" before an i sound.
    let w = umbral::app::words::words(Locale::Es);
    assert_eq!(w.what_is(&["SAT", "IVA"]), "¿Qué son SAT e IVA?");
    assert_eq!(w.what_is(&["IVA", "SAT"]), "¿Qué son IVA y SAT?");
    assert_eq!(w.what_is(&["RFC"]), "¿Qué es RFC?");

    let state = state_with(mexico());
    let pack = state.pack().expect("pack").clone();
    let q = (0..pack.data.questions.len())
        .find(|&q| {
            let question = &pack.data.questions[q];
            question.help.as_ref().is_some_and(|h| h.es.contains("SAT"))
        })
        .expect("a question that names the SAT");
    let page = view::question_page(&pack, &state, &[q], false).into_string();
    assert!(page.contains("<dt>SAT</dt>"), "{page}");
}

/// Issue 15: the answers an owner can recognise by sight (kinds of phone and internet, ways to
/// be paid and to send) carry a picture, hidden from screen readers, beside their words; the
/// others carry none.
#[test]
fn answers_that_are_things_carry_a_picture_beside_their_words() {
    let state = state_with(mexico());
    let pack = state.pack().expect("pack").clone();
    for (id, pictured) in [
        ("devices", true),
        ("internet", true),
        ("accepts", true),
        ("shipping", true),
        ("sector", false),
    ] {
        let q = question(&pack, id);
        let page = view::question_page(&pack, &state, &[q], false).into_string();
        let options = pack.data.questions[q].options.len();
        let pictures = page.matches(r#"<svg class="pictograma""#).count();
        if pictured {
            assert_eq!(pictures, options, "{id}: one picture per option");
            assert_eq!(
                page.matches(r#"class="pictograma" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true""#).count(),
                options,
                "{id}: hidden from screen readers"
            );
            for o in &pack.data.questions[q].options {
                assert!(
                    page.contains(&format!("<span>{}</span>", o.label.es)),
                    "{id}: words kept"
                );
            }
        } else {
            assert_eq!(pictures, 0, "{id}");
        }
    }
}

/// A step of the short result the owner may not qualify for says so: the Sierra Norte
/// embroiderer (a pack example) without her gender and age given, for whom Puebla's Banca de
/// la Mujer is a condition to check; with them, it is not.
#[test]
fn the_short_result_says_when_a_step_may_not_apply() {
    let pack = mexico();
    let case = examples::example("mx", "study: Sierra Norte");
    let mut json = serde_json::to_value(&case["profile"]).unwrap();
    let brief_of = |json: &Json| {
        let html = results_html(&pack, &Profile::from_value(json).unwrap(), Locale::Es);
        let start = html.find(r#"data-testid="primeros-pasos""#).expect("steps");
        let end = start + html[start..].find("</ol>").expect("list end");
        html[start..end].to_string()
    };
    let known = brief_of(&json);
    assert!(known.contains("Banca de la Mujer (Puebla)"), "{known}");
    assert!(!known.contains("si es su caso"), "{known}");
    json.as_object_mut().unwrap().remove("owner");
    let unknown = brief_of(&json);
    assert!(
        unknown
            .contains("Banca de la Mujer (Puebla)</strong> — Costo por confirmar (si es su caso)"),
        "{unknown}"
    );
}

/// The actions the views write decode to the changes the user meant.
#[test]
fn events_decode_ticks_in_option_order_and_numbers_with_a_comma() {
    let state = state_with(mexico());
    let pack = state.pack().expect("pack").clone();
    let answer = |msg: Option<Msg>| match msg {
        Some(Msg::Do(Action::Answer { value, .. })) => value,
        _ => panic!("an answer"),
    };

    // Ticking the third option, then the first: kept in the options' order.
    let devices = question(&pack, "devices");
    let third = answer(decode(
        &state,
        false,
        "change",
        &format!("tick:{devices}:2"),
        "on",
        true,
    ));
    let state = (*Rc::new(state).reduce(Action::Answer {
        question: devices,
        value: third,
    }))
    .clone();
    let both = answer(decode(
        &state,
        false,
        "change",
        &format!("tick:{devices}:0"),
        "on",
        true,
    ));
    let options = &pack.data.questions[devices].options;
    let expected = [0, 2].map(|i| option_json(&options[i]));
    assert_eq!(both, Some(Json::Array(expected.to_vec())));
    // Unticking keeps the rest.
    let state = (*Rc::new(state).reduce(Action::Answer {
        question: devices,
        value: both,
    }))
    .clone();
    let one = answer(decode(
        &state,
        false,
        "change",
        &format!("tick:{devices}:0"),
        "",
        false,
    ));
    assert_eq!(one, Some(Json::Array(vec![option_json(&options[2])])));

    // A number typed with a decimal comma; something half-typed changes nothing.
    let budget = pack
        .data
        .questions
        .iter()
        .position(|q| q.unit.as_deref() == Some("currency"))
        .expect("a money question");
    let typed = answer(decode(
        &state,
        false,
        "input",
        &format!("type:{budget}"),
        " 150,5 ",
        false,
    ));
    assert_eq!(typed.and_then(|v| v.as_f64()), Some(150.5));
    assert!(decode(
        &state,
        false,
        "input",
        &format!("type:{budget}"),
        "-",
        false
    )
    .is_none());
    let cleared = answer(decode(
        &state,
        false,
        "input",
        &format!("type:{budget}"),
        " ",
        false,
    ));
    assert_eq!(cleared, None, "an emptied box clears the answer");

    // Next and back carry the page's width; a list box's "No sé" is "no sé".
    assert!(matches!(
        decode(&state, true, "submit", "next", "", false),
        Some(Msg::Do(Action::Next { wide: true }))
    ));
    let region = question(&pack, "region");
    assert!(matches!(
        decode(
            &state,
            false,
            "change",
            &format!("list:{region}"),
            view::DONT_KNOW_VALUE,
            false
        ),
        Some(Msg::Do(Action::DontKnow { on: true, .. }))
    ));
    assert!(matches!(
        decode(&state, false, "toggle", "why:step-x", "", true),
        Some(Msg::Why(key, true)) if key == "step-x"
    ));
    // An action of another page, a broken one, or one out of range is nothing.
    for (kind, action) in [
        ("click", "unknown"),
        ("change", "pick:x:1"),
        ("change", "pick:9999:0"),
        ("change", &format!("pick:{devices}:99")),
        ("input", "pick:1:1"),
    ] {
        assert!(
            decode(&state, false, kind, action, "", false).is_none(),
            "{kind} {action}"
        );
    }
}

/// The draft keeps what resuming needs, and a draft for another country's profile, or of
/// another shape, is not a draft.
#[test]
fn the_draft_round_trips_and_refuses_what_does_not_fit() {
    let mut state = State::new(Locale::En);
    state.profile = Profile::from_json(PROFILE).expect("profile");
    state.screen = Screen::Questions;
    state.current = Some("devices".into());
    state.dont_know.insert("region".into());
    let text = draft_json(&state);
    let back = state_from_draft(&text).expect("a draft");
    assert_eq!(
        (
            back.locale,
            &back.country,
            back.screen,
            &back.current,
            &back.dont_know,
            &back.profile
        ),
        (
            Locale::En,
            &state.country,
            Screen::Questions,
            &state.current,
            &state.dont_know,
            &state.profile
        )
    );
    assert_eq!(draft_json(&back), text);
    for broken in [
        // The draft's country (its first key) and its profile's disagree.
        text.replacen(r#""country":"MX""#, r#""country":"CL""#, 1),
        text.replace(r#""locale":"en""#, r#""locale":"../fr""#),
        text.replace(r#""dont_know":["region"]"#, r#""dont_know":"region""#),
        "{}".to_string(),
        "not json".to_string(),
    ] {
        assert!(state_from_draft(&broken).is_none(), "{broken}");
    }
    // A language a translation adds is asked for again, shown in Spanish until it has come.
    let added = state_from_draft(&text.replace(r#""locale":"en""#, r#""locale":"qu""#)).unwrap();
    assert_eq!(
        (added.locale, added.wanted.as_deref()),
        (Locale::Es, Some("qu"))
    );
    assert_eq!(added.profile, state.profile);
}

/// The study's embroiderer (no internet, in a cooperative, nothing to spend): the results lead
/// with selling through others, keep the phone for when she can pay, and the next-rung box
/// says what to get, never what to answer differently.
const EMBROIDERER: &str = r#"{"schema":"umbral.profile/2","country":"MX","region":"MX-PUE","locality":"rural","sector":"crafts","size":"solo","goal":"sell_nationally","owner":{"gender":"woman","age":52},"connectivity":{"internet":"none","devices":["basic_phone"]},"skills":{"digital_level":0,"helper":"none","hours_per_week":3},"logistics":{"shipping_access":"post_office","delivers_locally":true,"packaging":false,"perishable":false},"payments":{"bank_account":false,"accepts":["cash"],"monthly_budget":0,"one_off_budget":0},"formalisation":{"tax_id":"none"},"presence":{"channels":[],"product_photos":false,"online_sales_share":0,"inventory":"none"},"motivation":{"level":3},"network":{"association":true,"intermediary":true,"programme":false}}"#;

/// An older owner whose granddaughter has agreed to take charge, keen only "some day".
const GRANDDAUGHTER: &str = r#"{"schema":"umbral.profile/2","country":"MX","region":"MX-GUA","locality":"urban","sector":"apparel_footwear","size":"micro","goal":"grow_local","connectivity":{"internet":"broadband","devices":["basic_phone","smartphone"]},"skills":{"digital_level":1,"helper":"family_youth","helper_willing":"yes","hours_per_week":8},"logistics":{"shipping_access":"courier_dropoff","delivers_locally":true,"packaging":true},"payments":{"bank_account":true,"accepts":["cash","transfer"],"monthly_budget":300,"one_off_budget":1000},"formalisation":{"tax_id":"registered"},"presence":{"channels":["whatsapp"],"product_photos":false,"online_sales_share":0,"inventory":"paper"},"motivation":{"level":2},"network":{"association":true,"intermediary":false,"programme":true}}"#;

fn results_for(profile: &str) -> String {
    let profile = Profile::from_json(profile).expect("profile");
    results_html(&mexico(), &profile, Locale::Es)
}

/// The results screen with every "¿Por qué?" drawn and no share panel.
fn results_html(pack: &Pack, profile: &Profile, locale: Locale) -> String {
    view::results(pack, profile, locale, maud::Markup::default(), Whys::All).into_string()
}

#[test]
fn the_results_lead_with_the_route_and_keep_costs_for_later() {
    let html = results_for(EMBROIDERER);
    let first_steps = html
        .split(r#"data-testid="primeros-pasos""#)
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the first steps");
    assert!(
        first_steps.contains("Acordar la venta con quien venderá por usted"),
        "{first_steps}"
    );
    assert!(!first_steps.contains("celular"), "{first_steps}");
    let later = html
        .split(r#"data-testid="cuando-pueda""#)
        .nth(1)
        .expect("what waits until she can pay");
    assert!(later.contains("Comprar un celular inteligente usado"));
    assert!(later.contains("$1,500 MXN de una vez"));
    assert!(html.contains("Otra ruta"));
    assert!(html.contains("Para llegar a «Presencia en línea», consiga:"));
    assert!(!html.contains("cambie estas respuestas"));
    // Each step says what it gives and for which way of selling.
    assert!(html.contains("Con esto empieza a vender así: «Vender por medio de otros»"));
}

/// The pack example "rural Puebla, food, no internet": her route through the cooperative
/// lacks a sanitary notice, which needs an e.firma, so an RFC comes first.
const PUEBLA_FOOD: &str = r#"{"schema":"umbral.profile/2","country":"MX","region":"MX-PUE","locality":"rural","sector":"food","size":"solo","goal":"grow_local","owner":{"gender":"woman","age":40},"connectivity":{"internet":"none","devices":["basic_phone"]},"skills":{"digital_level":0,"helper":"family_youth","helper_willing":"not_asked","hours_per_week":3},"logistics":{"shipping_access":"post_office","delivers_locally":true,"packaging":false,"perishable":true},"payments":{"bank_account":false,"accepts":["cash"],"monthly_budget":40,"one_off_budget":1000},"formalisation":{"tax_id":"none","permits":"pending"},"presence":{"channels":["whatsapp"],"product_photos":false,"online_sales_share":0,"inventory":"none"},"motivation":{"level":2},"network":{"association":true,"intermediary":false,"programme":false}}"#;

#[test]
fn a_step_taken_for_a_later_one_says_which() {
    // Her route lacks no tax registration: the RFC is there for the sanitary notice (step 3).
    let html = results_for(PUEBLA_FOOD);
    assert!(
        html.contains("Le da: Alta ante impuestos. Hace falta para el paso 3."),
        "{html}"
    );
    assert!(!html.contains("Le da: Alta ante impuestos (para"), "{html}");
    // The others still say which way of selling they are for.
    assert!(html.contains("Le da: Permiso sanitario (para «Vender por medio de otros»)"));
}

#[test]
fn the_printed_chart_does_not_grade_how_keen_the_owner_is() {
    let html = results_for(GRANDDAUGHTER);
    let printed = html
        .split(r#"data-testid="grafica-impresa""#)
        .nth(1)
        .and_then(|s| s.split("</figure>").next())
        .expect("the printed chart");
    assert!(!printed.contains("Ganas de empezar"), "{printed}");
    assert!(printed.contains("Internet"));
    let on_screen = html
        .split(r#"data-testid="grafica""#)
        .nth(1)
        .and_then(|s| s.split("</figure>").next())
        .expect("the chart");
    assert!(on_screen.contains("Ganas de empezar"));
    // Her granddaughter counts: the next rung asks only for product photos.
    let unlock = html
        .split(r#"data-testid="desbloqueo""#)
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the next rung");
    assert!(unlock.contains("Fotos de los productos"), "{unlock}");
    assert!(!unlock.contains("Ganas"), "{unlock}");
}

/// Every `data-<type>` action in `html`, as `(type, action)`.
fn actions_in(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for kind in ["click", "change", "input", "submit", "toggle"] {
        let attribute = format!("data-{kind}=\"");
        for (at, _) in html.match_indices(&attribute) {
            let rest = &html[at + attribute.len()..];
            let action = &rest[..rest.find('"').expect("a closed attribute")];
            found.push((kind.to_string(), action.to_string()));
        }
    }
    found
}

/// Every action a screen of the app draws is one the app reads back: the start screen with
/// each notice, every question of every country's pack alone and every page as the wide
/// screen groups them, and the results with the share panel. An action no `decode` arm reads
/// would be a button that does nothing.
#[test]
fn every_action_a_view_draws_decodes_to_a_message() {
    let mut seen = BTreeSet::new();
    for country in ["mx", "cl", "bo"] {
        let compiled = umbral::packs::compile(country, &umbral::packs::builtin(), None);
        let mut state = state_with(compiled.pack.expect("the pack compiles"));
        state.set_aside = true;
        state.bad_link = Some(umbral::share::decode_link("#p2.dañado").unwrap_err());
        let pack = state.pack().expect("pack").clone();
        let mut screens: Vec<(bool, String)> = Vec::new();
        for notice in [None, Some(Notice::NotSaved), Some(Notice::StartedOver)] {
            let frame = Frame {
                wide: false,
                link: None,
                qr: Qr::Pending,
                whys: &BTreeSet::new(),
                notice,
            };
            screens.push((false, view::app(&state, &frame).into_string()));
        }
        for q in 0..pack.data.questions.len() {
            screens.push((
                false,
                view::question_page(&pack, &state, &[q], false).into_string(),
            ));
        }
        let mut wide = Rc::new(state.clone());
        Rc::make_mut(&mut wide).screen = Screen::Questions;
        for _ in 0..pack.data.questions.len() {
            let page = wide.page(&pack, true);
            screens.push((
                true,
                view::question_page(&pack, &wide, &page, true).into_string(),
            ));
            wide = wide.reduce(Action::Next { wide: true });
        }
        let profile = Profile::from_json(PROFILE).expect("profile");
        let profile = if country == "mx" {
            profile
        } else {
            Profile::new(&country.to_uppercase())
        };
        let share = view::share_panel("https://example.org/#p2.x", Locale::Es, Qr::Pending);
        let results = view::results(&pack, &profile, Locale::Es, share, Whys::All);
        screens.push((false, results.into_string()));
        for (wide, html) in &screens {
            for (kind, action) in actions_in(html) {
                // A value the element could report: an option's index, a number, a country.
                let value = match action.split(':').next() {
                    Some("country") => "CL",
                    _ => "1",
                };
                let message = decode(&state, *wide, &kind, &action, value, true);
                assert!(
                    message.is_some(),
                    "{country}: {kind} \"{action}\" decodes to nothing"
                );
                seen.insert(action.split(':').next().unwrap_or_default().to_string());
            }
        }
    }
    // Every kind of action was drawn somewhere above, so none went unchecked.
    let expected = [
        "back",
        "country",
        "dismiss-link",
        "edit",
        "keep-shared",
        "list",
        "locale",
        "next",
        "nose",
        "pick",
        "print",
        "restore",
        "results",
        "start",
        "tick",
        "type",
        "undo",
        "why",
    ];
    for name in expected {
        assert!(
            seen.contains(name),
            "no screen drew a \"{name}\" action: {seen:?}"
        );
    }
}

/// Every question, and the results' summary, has a read-aloud button in the pack's language
/// and country (the page shows it only where the device has such a voice; see www/view.js).
#[test]
fn questions_and_the_summary_can_be_read_aloud_in_the_countrys_spanish() {
    for (country, voice) in [("mx", "es-MX"), ("cl", "es-CL"), ("bo", "es-BO")] {
        let compiled = umbral::packs::compile(country, &umbral::packs::builtin(), None);
        let state = state_with(compiled.pack.expect("the pack compiles"));
        let pack = state.pack().expect("pack").clone();
        for q in 0..pack.data.questions.len() {
            let html = view::question_page(&pack, &state, &[q], false).into_string();
            let button = format!(r#"data-escuchar="{voice}""#);
            assert_eq!(
                html.matches(&button).count(),
                1,
                "{country} question {q}: {html}"
            );
            assert!(html.contains(">Escuchar</span>"), "{html}");
        }
        let profile = Profile::new(&country.to_uppercase());
        let html = results_html(&pack, &profile, Locale::Es);
        assert!(
            html.contains(&format!(r#"data-escuchar="{voice}" data-escuchar-de=""#)),
            "{html}"
        );
        let english = results_html(&pack, &profile, Locale::En);
        assert!(english.contains(r#"data-escuchar="en""#));
        assert!(english.contains("Listen to the summary"));
    }
}
