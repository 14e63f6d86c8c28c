//! The app's screens as HTML text, with [`maud`] templates (every value is escaped, so text
//! from a host's programme pack is always text). `www/view.js` turns the text into the page,
//! and the elements' `data-click`, `data-change`, `data-input` and `data-submit` attributes
//! name the actions `events::decode` reads back.
//!
//! Each function renders one piece from the state it is given and nothing else, so the same
//! pieces serve the workspace's visits (`src/workspace_page`).

mod pictograms;
mod questions;
mod results;
mod share;
mod start;

use std::collections::BTreeSet;

use maud::{html, Markup};

use super::state::{PackStatus, Screen, State};
use super::words::{words, Words};
use crate::engine::{Locale, Pack};

pub use questions::{question_page, DONT_KNOW_VALUE};
pub use results::{results, Whys};
pub use share::{share_link, share_panel, uri_component, Qr};
pub use start::start_screen;

/// The id of the heading that receives focus after next, back or a new screen.
pub const FOCUS_ID: &str = "enfoque";

/// What the app draws beside the state: the page's width and the share panel's link and QR
/// code.
pub struct Frame<'a> {
    /// Whether a page of questions is a whole group (wide screens).
    pub wide: bool,
    /// The answers' share link ([`share_link`]), made only for the results screen.
    pub link: Option<&'a str>,
    pub qr: Qr<'a>,
    /// The "¿Por qué?" sections of the results the user opened.
    pub whys: &'a BTreeSet<String>,
    /// What the page says about the saved answers, if anything.
    pub notice: Option<Notice>,
}

/// What happened to the saved answers, said above the screen.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The last save failed: closing the page would lose the answers.
    NotSaved,
    /// Another tab or the installed app saved other answers, now on show.
    ChangedElsewhere,
    /// "Empezar de nuevo" erased the answers; they can be brought back.
    StartedOver,
}

/// The whole app: header landmark with the one `h1` and the language switch, main landmark
/// with the notices and the current screen.
pub fn app(state: &State, frame: &Frame) -> Markup {
    let w = words(state.locale);
    html! {
        header.cabecera {
            div.cabecera__interior {
                div {
                    h1 data-testid="titulo" { "Umbral" }
                    p.lema { (w.tagline()) }
                }
                div.idiomas { (locale_switch(state.locale, state.pack().map(|p| &**p))) }
            }
        }
        main #contenido .contenido {
            @if let Some(error) = &state.bad_link {
                div.aviso.aviso--error role="alert" data-testid="enlace-danado" {
                    p { strong { (error.message(state.locale)) } }
                    p { (w.bad_link_nothing_loaded()) }
                    button.boton.boton--secundario type="button" data-click="dismiss-link" {
                        (w.close())
                    }
                }
            }
            @if let Some(notice) = frame.notice {
                // `sin-guardar` also tells the update notice (www/sw-register.js) not to say
                // the answers are saved.
                div.aviso.aviso--error[notice == Notice::NotSaved].sin-guardar[notice == Notice::NotSaved]
                    role="status" data-testid="aviso-respuestas" {
                    p { (match notice {
                        Notice::NotSaved => w.not_saved(),
                        Notice::ChangedElsewhere => w.changed_elsewhere(),
                        Notice::StartedOver => w.started_over(),
                    }) }
                    @if notice == Notice::StartedOver {
                        button.boton type="button" data-testid="deshacer" data-click="undo" { (w.undo()) }
                    }
                }
            }
            @if state.set_aside {
                div.aviso role="status" data-testid="respuestas-apartadas" {
                    p { (w.set_aside_notice()) }
                    div.aviso__acciones {
                        button.boton type="button" data-testid="volver-a-mis-respuestas"
                            data-click="restore" { (w.set_aside_restore()) }
                        button.boton.boton--secundario type="button" data-click="keep-shared" {
                            (w.set_aside_keep_shared())
                        }
                    }
                }
            }
            (screen(state, frame, w))
        }
    }
}

fn screen(state: &State, frame: &Frame, w: &Words) -> Markup {
    match (state.screen, &state.pack) {
        (Screen::Start, status) => html! {
            (start_screen(state, w))
            @if matches!(status, PackStatus::Failed(_)) { (pack_status(true, w)) }
        },
        (Screen::Questions, PackStatus::Ready(pack)) => {
            question_page(&pack.0, state, &state.page(&pack.0, frame.wide), frame.wide)
        }
        (Screen::Results, PackStatus::Ready(pack)) => {
            let share = frame
                .link
                .map(|link| share_panel(link, state.locale, frame.qr))
                .unwrap_or_default();
            results(
                &pack.0,
                &state.profile,
                state.locale,
                share,
                Whys::Open(frame.whys),
            )
        }
        (_, PackStatus::Loading) => pack_status(false, w),
        (_, PackStatus::Failed(_)) => pack_status(true, w),
    }
}

/// The visible language switch: a button for each other language, naming it in itself:
/// Spanish or English, and the languages the pack's translations add (`pack.languages`;
/// from one of those, Spanish and English). Switching keeps every answer (the answers are
/// values, not words).
pub fn locale_switch(locale: Locale, pack: Option<&Pack>) -> Markup {
    let other = locale.other();
    let added = pack.map_or(&[][..], |p| &p.languages);
    html! {
        button.idioma type="button" lang=(other.code()) value=(other.code())
            data-testid="idioma" data-click="locale" { (other.name()) }
        @if matches!(locale, Locale::Added(_)) {
            button.idioma type="button" lang="en" value="en" data-testid="idioma-en"
                data-click="locale" { (Locale::En.name()) }
        }
        @for pair in added.chunks_exact(2) {
            @let (code, name) = (&pair[0], &pair[1]);
            @if code != locale.code() {
                button.idioma type="button" lang=(code) value=(code)
                    data-testid={ "idioma-" (code) } data-click="locale" { (name) }
            }
        }
    }
}

/// While the pack is loading, a status line; after it failed, a plain error with a button
/// that tries again. Never a blank page.
fn pack_status(failed: bool, w: &Words) -> Markup {
    html! {
        @if failed {
            div.aviso.aviso--error role="alert" data-testid="error-paquete" {
                p { (w.pack_failed()) }
                button.boton type="button" data-testid="reintentar" data-click="retry" {
                    (w.retry())
                }
            }
        } @else {
            p.cargando role="status" data-testid="cargando" { (w.loading_pack()) }
        }
    }
}

/// The voice a pack's texts are read in: the locale's language in the pack's country
/// (`es-MX`, `es-CL`, `es-BO`), or the language alone.
fn voice(pack: &Pack, locale: Locale) -> String {
    match &pack.data.country {
        Some(country) if locale == Locale::Es => format!("es-{country}"),
        _ => locale.code().to_string(),
    }
}

/// A "¿Qué es…?" for the glossary terms that `texts` use, closed until opened; nothing when
/// they use none.
pub fn glossary(pack: &Pack, locale: Locale, texts: &[&str]) -> Markup {
    let terms = pack.terms_in(texts, locale);
    if terms.is_empty() {
        return html! {};
    }
    let names: Vec<&str> = terms.iter().map(|t| t.term.get(locale)).collect();
    html! {
        details.glosario data-testid="glosario" {
            summary { (words(locale).what_is(&names)) }
            dl {
                @for t in &terms {
                    dt { (t.term.get(locale)) }
                    dd { (t.text.get(locale)) }
                }
            }
        }
    }
}

/// A button that reads aloud (on every question and on the results' summary), with the
/// device's own voices (`www/view.js`), the question it is in or, with `from`, the elements
/// that selector names. Hidden where the device has no voice for the language (the page's
/// `voz-<language>` class shows it).
pub fn listen_button(pack: &Pack, locale: Locale, label: &str, from: Option<&str>) -> Markup {
    html! {
        button.escuchar type="button" data-escuchar=(voice(pack, locale)) data-escuchar-de=[from]
            data-testid="escuchar" {
            svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" {
                path d="M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" {}
            }
            span { (label) }
        }
    }
}
