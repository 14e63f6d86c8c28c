//! The workspace's component: the reducer, the effects it starts when it mounts (`effects`),
//! and the screen on show (`views`).

use super::effects::{open, reload, save_open_visit, Ctx, HEADING};
use super::{app_view, browser, model, views, words};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use model::{Action, Model, Phase, Route};
use words::words;

/// The workspace.
#[component]
pub fn Taller() -> Html {
    let model = use_reducer(|| Model::new(browser::browser_locale()));
    let ctx = use_memo((), |_| Ctx::new());
    let w = words(model.locale);

    // A whole group of questions per page on wide screens, as in the app.
    {
        let dispatch = model.dispatcher();
        use_effect_with((), move |_| {
            let on_change = {
                let dispatch = dispatch.clone();
                Closure::<dyn FnMut(bool)>::new(move |wide| dispatch.dispatch(Action::Wide(wide)))
            };
            dispatch.dispatch(Action::Wide(crate::ui::dom::media(
                crate::ui::WIDE,
                &on_change,
            )));
            // The query's listener lives as long as the page.
            on_change.forget();
        });
    }
    // Open once; listen to other tabs for as long as the page lives.
    {
        let (ctx, dispatch, locale) = (ctx.clone(), model.dispatcher(), model.locale);
        use_effect_with((), move |_| {
            open(&ctx, &dispatch, locale);
            let listener = ctx.channel.as_ref().map(|channel| {
                let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
                gloo::events::EventListener::new(channel, "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    let text = event.data().as_string().unwrap_or_default();
                    let message: serde_json::Value =
                        serde_json::from_str(&text).unwrap_or_default();
                    if let (Some(id), Some(revision)) = (
                        message.get("visit").and_then(|v| v.as_str()),
                        message.get("revision").and_then(|v| v.as_u64()),
                    ) {
                        let known = ctx.revisions.borrow().get(id).map(|&r| u64::from(r));
                        if known.is_some_and(|known| known != revision) {
                            dispatch.dispatch(Action::ChangedElsewhere(id.to_string()));
                        }
                    }
                    reload(&ctx, &dispatch);
                })
            });
            // Dropping the listener removes it.
            move || drop(listener)
        });
    }
    // Fetch the packs the enterprises need (once each).
    {
        let wanted = model.packs_wanted();
        let (ctx, dispatch) = (ctx.clone(), model.dispatcher());
        use_effect_with(wanted, move |wanted| {
            for country in wanted {
                if !ctx.fetching.borrow_mut().insert(country.clone()) {
                    continue;
                }
                let (ctx, dispatch, country) = (ctx.clone(), dispatch.clone(), country.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let pack = browser::fetch_pack(&country).await;
                    if let Err(error) = &pack {
                        gloo::console::warn!(format!("umbral: {error}"));
                    }
                    ctx.fetching.borrow_mut().remove(&country);
                    dispatch.dispatch(Action::PackLoaded(country, pack));
                });
            }
        });
    }
    // Write the open visit after every change to it.
    {
        let visit = model.editing.as_ref().map(|e| e.visit.clone());
        let (ctx, dispatch) = (ctx.clone(), model.dispatcher());
        use_effect_with(model.save_seq, move |seq| {
            if *seq > 0 {
                if let Some(visit) = visit {
                    save_open_visit(&ctx, &dispatch, &visit);
                }
            }
        });
    }
    // A visit opened: its revision as read is where this tab's writes start.
    {
        let opened = model
            .editing
            .as_ref()
            .map(|e| (e.visit.id.clone(), e.visit.revision()));
        let ctx = ctx.clone();
        let key = opened.as_ref().map(|o| o.0.clone());
        use_effect_with(key, move |_| {
            if let Some((id, revision)) = opened {
                ctx.revisions.borrow_mut().entry(id).or_insert(revision);
            }
        });
    }
    use_effect_with(model.locale, |locale| {
        browser::set_document_language(*locale)
    });
    {
        let in_visit = matches!(model.route, Route::Visit(_));
        use_effect_with(model.focus_tick, move |tick| {
            if *tick > 0 {
                browser::focus(if in_visit { "enfoque" } else { HEADING });
            }
        });
    }

    let dispatch = model.dispatcher();
    // The app's own language switch (`app::view::locale_switch`), drawn by the app's views.
    let locale_switch = {
        let dispatch = dispatch.clone();
        let other = model.locale.other();
        let on_event = Callback::from(
            move |(kind, action, _, _): (String, String, String, bool)| {
                if kind == "click" && action == "locale" {
                    dispatch.dispatch(Action::SetLocale(other));
                }
            },
        );
        let html = crate::app::view::locale_switch(model.locale, None).into_string();
        html! { <app_view::AppView html={AttrValue::from(html)} {on_event} /> }
    };
    let nav = |route: Route, label: &'static str, testid: &'static str| {
        let dispatch = dispatch.clone();
        let current = std::mem::discriminant(&model.route) == std::mem::discriminant(&route);
        html! {
            <li>
                <button type="button" class="enlace pestaña" data-testid={testid}
                    aria-current={current.then_some("page")}
                    onclick={move |_| dispatch.dispatch(Action::Show(route.clone()))}>
                    { label }
                </button>
            </li>
        }
    };

    let body = match &model.phase {
        Phase::Opening => html! { <p class="cargando" role="status">{ w.opening() }</p> },
        Phase::Failed(reason) => html! {
            <div class="aviso aviso--error" role="alert" data-testid="sin-almacenamiento">
                <p>{ w.open_failed() }</p>
                <p class="nota">{ reason }</p>
            </div>
        },
        Phase::Ready => views::view(&model, &ctx, &dispatch),
    };

    html! {
        <>
            <header class="cabecera no-imprimir">
                <div class="cabecera__interior">
                    <div>
                        <h1 data-testid="titulo">{ "Umbral · " }{ w.title() }</h1>
                        <p class="lema">{ w.tagline() }</p>
                    </div>
                    { locale_switch }
                </div>
                <nav class="cabecera__interior secciones" aria-label={w.nav_label()}>
                    <ul>
                        { nav(Route::List, w.nav_list(), "nav-negocios") }
                        { nav(Route::Handoff, w.nav_handoff(), "nav-entregar") }
                        { nav(Route::Privacy, w.nav_privacy(), "nav-datos") }
                        <li><a class="enlace pestaña" href="../">{ w.to_app() }</a></li>
                    </ul>
                </nav>
            </header>
            <main id="contenido" class="contenido">
                { views::notices(&model, &ctx, &dispatch) }
                { body }
            </main>
        </>
    }
}

/// Mounts the workspace into `#app` (or the body).
///
/// # Panics
///
/// When there is no document or body (never in a browser page).
pub fn start() {
    yew::Renderer::<Taller>::with_root(crate::ui::browser::mount_point()).render();
}
