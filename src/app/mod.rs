//! The browser app (wasm32 only): a thin Yew shell over the engine.
//!
//! [`start`] mounts [`App`] into the page's `#app` element (or the body when there is none);
//! [`mount`] mounts it into any element, which the browser tests use.
//!
//! The state is one reducer (`state`); the app fetches the chosen country's compiled pack once,
//! keeps it linked behind an `Rc`, and scores the answers on every render of the results. The
//! draft is saved to `localStorage` after every change (`storage`). Everything runs in the
//! browser: no answer leaves the device unless the user shares it.

pub(crate) mod answers;
pub(crate) mod browser;
pub mod components;
mod embed;
pub mod js_api;
mod share_link;
pub mod state;
pub(crate) mod storage;
mod words;

use yew::prelude::*;

use browser::{browser_locale, focus_by_id, set_document_language, use_media_query};
use components::{LocaleSwitch, PackStatusView, QuestionPage, Results, SharePanel, StartScreen};
use state::{Action, PackStatus, Screen, State};
use words::words;

pub use storage::DRAFT_KEY;

/// Screens at least this wide show a whole group of questions at once.
const WIDE: &str = "(min-width: 900px)";

/// The state to start from: a share link in the address if there is one, else the saved
/// draft, else a fresh start in the browser's language.
fn initial_state() -> State {
    let saved = storage::load();
    let mut state = saved.unwrap_or_else(|| State::new(browser_locale()));
    state.set_aside = storage::has_set_aside();
    if let Some(locale) = embed::lang() {
        state.locale = locale;
    }
    if let Some(fragment) = browser::location_fragment() {
        match share_link::open(&fragment) {
            Ok(profile) => {
                // Never lose the user's own answers to a link: keep them aside first.
                let kept = storage::set_aside_draft();
                let locale = state.locale;
                state = apply(State::new(locale), Action::OpenShared(profile));
                state.set_aside = kept;
            }
            Err(error) => {
                gloo::console::warn!(format!("umbral: share link refused: {error}"));
                state.bad_link = Some(error);
            }
        }
        // Reloading afterwards resumes the saved answers rather than reopening the link.
        browser::clear_fragment();
    }
    state
}

fn apply(state: State, action: Action) -> State {
    use yew::Reducible;
    let next = std::rc::Rc::new(state).reduce(action);
    (*next).clone()
}

/// The whole app: header landmark with the one `h1` and the language switch, main landmark
/// with the current screen.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let wide = use_media_query(WIDE);
    let w = words(state.locale);

    // Fetch and link the pack whenever the country changes or the user asks to try again.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (state.country.clone(), state.pack_attempt),
            move |(country, _)| {
                let country = country.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match embed::pack_for(&country).await {
                        // A host page's programme pack for another country: switch to it.
                        Ok(pack) if pack.data.country.as_ref().is_some_and(|c| *c != country) => {
                            let country = pack.data.country.clone().unwrap_or_default();
                            dispatcher.dispatch(Action::ChooseCountry(country))
                        }
                        Ok(pack) => dispatcher.dispatch(Action::PackLoaded { country, pack }),
                        Err(message) => {
                            gloo::console::warn!(format!("umbral: {message}"));
                            dispatcher.dispatch(Action::PackFailed { country, message });
                        }
                    }
                });
            },
        );
    }
    // Save the draft after every change; the effect runs only when the draft text changed.
    use_effect_with(storage::draft_json(&state), |draft| storage::save(draft));
    use_effect_with(state.locale, |locale| set_document_language(*locale));
    // After next, back or a new screen, focus goes to the new heading.
    use_effect_with(
        (state.focus_tick, state.pack().is_some(), state.screen),
        |(tick, _, _)| {
            if *tick > 0 {
                focus_by_id(components::FOCUS_ID);
            }
        },
    );

    let send = |make: fn() -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: ()| dispatcher.dispatch(make()))
    };
    let on_locale = {
        let dispatcher = state.dispatcher();
        Callback::from(move |locale| dispatcher.dispatch(Action::SetLocale(locale)))
    };
    let on_retry = send(|| Action::RetryPack);
    let pack_status = |failed: bool| {
        html! { <PackStatusView words={w} {failed} on_retry={on_retry.clone()} /> }
    };

    let screen = match (state.screen, &state.pack) {
        (Screen::Start, _) => {
            let on_country = {
                let dispatcher = state.dispatcher();
                Callback::from(move |country| dispatcher.dispatch(Action::ChooseCountry(country)))
            };
            let pack = match &state.pack {
                PackStatus::Ready(pack) => Some(pack.clone()),
                _ => None,
            };
            html! {
                <>
                    <StartScreen words={w} country={state.country.clone()} {pack}
                        has_draft={state.has_answers()} {on_country}
                        on_start={send(|| Action::Start)}
                        on_start_over={send(|| Action::StartOver)} />
                    if matches!(state.pack, PackStatus::Failed(_)) { { pack_status(true) } }
                </>
            }
        }
        (Screen::Questions, PackStatus::Ready(pack)) => {
            let on_answer = {
                let dispatcher = state.dispatcher();
                Callback::from(move |(question, value)| {
                    dispatcher.dispatch(Action::Answer { question, value })
                })
            };
            let on_dont_know = {
                let dispatcher = state.dispatcher();
                Callback::from(move |(question, on)| {
                    dispatcher.dispatch(Action::DontKnow { question, on })
                })
            };
            let on_next = {
                let dispatcher = state.dispatcher();
                Callback::from(move |_| dispatcher.dispatch(Action::Next { wide }))
            };
            let on_back = {
                let dispatcher = state.dispatcher();
                Callback::from(move |_| dispatcher.dispatch(Action::Back { wide }))
            };
            html! {
                <QuestionPage pack={pack.clone()} profile={state.profile.clone()}
                    dont_know={state.dont_know.clone()} locale={state.locale}
                    page={state.page(&pack.0, wide)} {wide} {on_answer} {on_dont_know}
                    {on_next} {on_back} on_results={send(|| Action::ShowResults)} />
            }
        }
        (Screen::Results, PackStatus::Ready(pack)) => {
            let share = html! {
                <SharePanel profile={state.profile.clone()} locale={state.locale}
                    base={browser::page_address()} />
            };
            html! {
                <Results pack={pack.clone()} profile={state.profile.clone()}
                    locale={state.locale} {share} on_edit={send(|| Action::EditAnswers)}
                    on_print={Callback::from(|_| browser::print())} />
            }
        }
        (_, PackStatus::Loading) => pack_status(false),
        (_, PackStatus::Failed(_)) => pack_status(true),
    };

    let bad_link = state.bad_link.as_ref().map(|error| {
        let dispatcher = state.dispatcher();
        html! {
            <div class="aviso aviso--error" role="alert" data-testid="enlace-danado">
                <p><strong>{ error.message(state.locale) }</strong></p>
                <p>{ w.bad_link_nothing_loaded }</p>
                <button type="button" class="boton boton--secundario"
                    onclick={move |_| dispatcher.dispatch(Action::DismissBadLink)}>
                    { w.close }
                </button>
            </div>
        }
    });

    let set_aside = state.set_aside.then(|| {
        let restore = {
            let dispatcher = state.dispatcher();
            move |_| match storage::set_aside() {
                Some(earlier) => {
                    storage::forget_set_aside();
                    dispatcher.dispatch(Action::RestoreSetAside(Box::new(earlier)));
                }
                None => {
                    gloo::console::warn!("umbral: the answers kept aside could not be read");
                    storage::forget_set_aside();
                    dispatcher.dispatch(Action::KeepShared);
                }
            }
        };
        let keep = {
            let dispatcher = state.dispatcher();
            move |_| {
                storage::forget_set_aside();
                dispatcher.dispatch(Action::KeepShared);
            }
        };
        html! {
            <div class="aviso" role="status" data-testid="respuestas-apartadas">
                <p>{ w.set_aside_notice }</p>
                <div class="aviso__acciones">
                    <button type="button" class="boton"
                        data-testid="volver-a-mis-respuestas" onclick={restore}>
                        { w.set_aside_restore }
                    </button>
                    <button type="button" class="boton boton--secundario" onclick={keep}>
                        { w.set_aside_keep_shared }
                    </button>
                </div>
            </div>
        }
    });

    html! {
        <>
            <header class="cabecera">
                <div class="cabecera__interior">
                    <div>
                        <h1 data-testid="titulo">{ "Umbral" }</h1>
                        <p class="lema">{ w.tagline }</p>
                    </div>
                    <LocaleSwitch locale={state.locale} on_switch={on_locale} />
                </div>
            </header>
            <main id="contenido" class="contenido">
                { for bad_link }
                { for set_aside }
                { screen }
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
    mount(browser::mount_point());
}

/// Mounts the app into `root`, replacing whatever `root` held (such as a loading message).
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    // index.html's static start screen marks itself as not working yet (see styles.css).
    let _ = root.remove_attribute("class");
    yew::Renderer::<App>::with_root(root).render()
}
