//! The start screen: what Umbral does, in plain words, the country (Mexico by default), and the
//! button that begins, or continues a saved draft.

use maud::{html, Markup};

use super::FOCUS_ID;
use crate::app::state::{State, COUNTRIES};
use crate::app::words::Words;

pub fn start_screen(state: &State, w: &Words) -> Markup {
    html! {
        section.inicio aria-labelledby=(FOCUS_ID) data-testid="inicio" {
            h2 #(FOCUS_ID) tabindex="-1" .visualmente-oculto { (w.start_heading()) }
            p { (w.intro()) }
            ul.puntos {
                li { (w.point_questions()) }
                li { (w.point_offline()) }
                li { (w.point_private()) }
            }
            // What the questionnaire looks at, one item per dimension, once the pack is here.
            // A list rather than one long sentence: each item is a small block, so this line
            // never becomes the page's largest text (the largest contentful paint stays the
            // introduction, which index.html paints before the app starts).
            @if let Some(pack) = state.pack() {
                div.nota.revisa data-testid="revisa" {
                    p { (w.looks_at()) }
                    ul { @for d in &pack.data.dimensions { li { (d.label.get(w.locale)) } } }
                }
            }
            fieldset.pregunta.pais {
                legend { span.pregunta__texto { (w.country_question()) } }
                div.opciones.opciones--fila {
                    @for (code, (_, name)) in COUNTRIES.iter().zip(w.countries) {
                        label.opcion {
                            input type="radio" name="pais" value=(code)
                                checked[state.country == *code] data-change="country"
                                data-testid={ "pais-" (code) };
                            span { (name) }
                        }
                    }
                }
            }
            @if state.has_answers() {
                p.nota { (w.draft_kept()) }
                div.acciones {
                    button.boton type="button" data-testid="comenzar" data-click="start" {
                        (w.resume())
                    }
                    button.boton.boton--secundario type="button" data-testid="empezar-de-nuevo"
                        data-click="start-over" { (w.start_over()) }
                }
            } @else {
                button.boton type="button" data-testid="comenzar" data-click="start" {
                    (w.start())
                }
            }
            p.nota { a href="taller/" data-testid="espacio-de-trabajo" { (w.workspace_link()) } }
        }
    }
}
