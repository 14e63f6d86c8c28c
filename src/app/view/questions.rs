//! The questionnaire: one question a page on small screens, the current group's questions
//! together on wide ones, with progress, back and next. Each question is a form control: radio
//! buttons, check boxes, a list box for long lists, or a number box, always with a label or a
//! fieldset and legend, the help text tied to it, and "No sé" where the pack allows it.

use maud::{html, Markup};

use super::pictograms::pictogram;
use super::FOCUS_ID;
use crate::app::answers::{answer_json, group_label, option_json, question_kind, same_json};
use crate::app::state::State;
use crate::app::words::{words, Words};
use crate::engine::profile::FieldKind;
use crate::engine::{visible_questions, Locale, Pack};
use serde_json::Value as Json;

/// Lists longer than this are a list box rather than radio buttons.
const MAX_RADIOS: usize = 12;

/// The list box's value that stands for "No sé" (see `events`).
pub const DONT_KNOW_VALUE: &str = "__no_se__";

/// The page of questions `page` (indexes into the pack's questions); `wide` when a page is a
/// whole group.
pub fn question_page(pack: &Pack, state: &State, page: &[usize], wide: bool) -> Markup {
    let w = words(state.locale);
    let visible = visible_questions(pack, &state.profile);
    let total = visible.len();
    let position = |q: usize| visible.iter().position(|&v| v == q).map_or(0, |p| p + 1);
    let first = page.first().map_or(0, |&q| position(q));
    let last = page.last().map_or(0, |&q| position(q));
    let is_last_page = last == total;
    let answered = visible
        .iter()
        .filter(|&&q| {
            answer_json(pack, &state.profile, q).is_some()
                || state.dont_know.contains(&pack.data.questions[q].id)
        })
        .count();
    let label = if first == last {
        w.progress(first, total)
    } else {
        w.progress_range(first, last, total)
    };
    let percent = (100 * answered).checked_div(total).unwrap_or(0).min(100);
    let grouped = wide && page.len() > 1;
    let group = page
        .first()
        .map(|&q| group_label(pack, &pack.data.questions[q].group, state.locale))
        .unwrap_or_default();
    html! {
        section.cuestionario aria-label=(group) data-testid="cuestionario" {
            // Progress: a bar for the eye and a polite live region that announces
            // "Pregunta 3 de 27" when the page changes. The bar is SVG: a `style` attribute
            // would be blocked by the Content-Security-Policy (style-src 'self').
            div.progreso data-testid="progreso" {
                p.progreso__texto aria-live="polite" aria-atomic="true" {
                    (label)
                    span.progreso__respondidas { " · " (w.answered(answered, total)) }
                }
                svg.progreso__barra viewBox="0 0 100 1" preserveAspectRatio="none"
                    aria-hidden="true" focusable="false" {
                    rect.progreso__relleno width=(percent) height="1" {}
                }
            }
            form.formulario data-submit="next" novalidate {
                @if grouped {
                    h2 #(FOCUS_ID) tabindex="-1" .grupo data-testid="grupo" { (group) }
                } @else {
                    p.grupo-nombre { (group) }
                }
                @for (i, &q) in page.iter().enumerate() {
                    // Alone on the page, the question's own heading takes the focus.
                    (question(pack, state, q, if grouped { 3 } else { 2 }, !grouped && i == 0, w))
                }
                div.navegacion {
                    button.boton.boton--secundario type="button" data-testid="atras"
                        data-click="back" { (w.back()) }
                    button.boton type="submit" data-testid="siguiente" {
                        (if is_last_page { w.see_results() } else { w.next() })
                    }
                }
            }
            @if !is_last_page {
                p.atajo {
                    button.enlace type="button" data-testid="ver-resultados" data-click="results" {
                        (w.results_so_far())
                    }
                }
            }
        }
    }
}

/// Question `q` as a form control; its text is a heading of `level` (2 alone on its page, 3
/// within a group), with the focus id when `focus`.
fn question(pack: &Pack, state: &State, q: usize, level: u8, focus: bool, w: &Words) -> Markup {
    let locale = state.locale;
    let question = &pack.data.questions[q];
    let answer = answer_json(pack, &state.profile, q);
    let dont_know = state.dont_know.contains(&question.id);
    // "No sé", or "Prefiero no decir" for questions about the owner: either leaves the field
    // unanswered.
    let skip = question.dont_know || question.prefer_not;
    let skip_label = if question.prefer_not {
        w.prefer_not()
    } else {
        w.dont_know()
    };
    let base = format!("q-{}", question.id);
    let help_id = format!("{base}-ayuda");
    let described = question.help.as_ref().map(|_| help_id.as_str());
    let text = question.text.get(locale);
    let heading = |content: Markup| {
        let id = focus.then_some(FOCUS_ID);
        let tabindex = focus.then_some("-1");
        html! {
            @if level == 2 {
                h2 id=[id] tabindex=[tabindex] .pregunta__texto { (content) }
            } @else {
                h3 id=[id] tabindex=[tabindex] .pregunta__texto { (content) }
            }
        }
    };
    let help = html! {
        @if let Some(help) = &question.help { p #(help_id) .ayuda { (help.get(locale)) } }
        (super::listen_button(pack, locale, w.listen(), None))
        (super::glossary(pack, locale, &question_texts(question, locale)))
    };
    let dont_know_box = |kind: &str| {
        html! {
            label.opcion.opcion--no-se {
                input type=(kind) name=(base) checked[dont_know] data-change={ "nose:" (q) }
                    data-testid={ (base) "-no-se" };
                span { (skip_label) }
            }
        }
    };

    // A set: check boxes.
    if let FieldKind::Set { .. } = question_kind(pack, q) {
        let chosen: &[Json] = match &answer {
            Some(Json::Array(items)) => items,
            _ => &[],
        };
        return html! {
            fieldset.pregunta aria-describedby=[described] data-testid="pregunta"
                data-key=(base) {
                legend { (heading(html! { (text) })) }
                (help)
                p.indicacion { (w.choose_many()) }
                div.opciones {
                    @for (i, option) in question.options.iter().enumerate() {
                        @let value = option_json(option);
                        label.opcion {
                            input type="checkbox" name=(base)
                                checked[chosen.iter().any(|c| same_json(c, &value))]
                                data-change={ "tick:" (q) ":" (i) }
                                data-testid={ (base) "-" (i) };
                            (pictogram(&question.field, &option.value))
                            span { (option.label.get(locale)) }
                        }
                    }
                    @if skip { (dont_know_box("checkbox")) }
                }
            }
        };
    }

    // A long list: a list box.
    if question.options.len() > MAX_RADIOS {
        let selected = answer.as_ref().and_then(|a| {
            question
                .options
                .iter()
                .position(|o| same_json(&option_json(o), a))
        });
        return html! {
            div.pregunta data-testid="pregunta" data-key=(base) {
                (heading(html! { label for=(base) { (text) } }))
                (help)
                select #(base) .lista aria-describedby=[described] data-change={ "list:" (q) }
                    data-testid=(base) {
                    option value="" selected[selected.is_none() && !dont_know] { (w.choose_one()) }
                    @for (i, option) in question.options.iter().enumerate() {
                        option value=(i) selected[selected == Some(i)] {
                            (option.label.get(locale))
                        }
                    }
                    @if skip {
                        option value=(DONT_KNOW_VALUE) selected[dont_know] { (skip_label) }
                    }
                }
            }
        };
    }

    // A short list: radio buttons.
    if !question.options.is_empty() {
        return html! {
            fieldset.pregunta aria-describedby=[described] data-testid="pregunta"
                data-key=(base) {
                legend { (heading(html! { (text) })) }
                (help)
                div.opciones {
                    @for (i, option) in question.options.iter().enumerate() {
                        label.opcion {
                            input type="radio" name=(base)
                                checked[answer.as_ref().is_some_and(|a| same_json(a, &option_json(option)))]
                                data-change={ "pick:" (q) ":" (i) }
                                data-testid={ (base) "-" (i) };
                            (pictogram(&question.field, &option.value))
                            span { (option.label.get(locale)) }
                        }
                    }
                    @if skip { (dont_know_box("radio")) }
                }
            }
        };
    }

    // A number or a text.
    let unit = match question.unit.as_deref() {
        Some("currency") => pack.data.currency.as_deref(),
        other => other,
    };
    let (input_type, inputmode) = match question_kind(pack, q) {
        FieldKind::Integer { .. } => ("number", "numeric"),
        FieldKind::Number { .. } => ("number", "decimal"),
        _ => ("text", "text"),
    };
    let value = match &answer {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let min = question.min.map(crate::engine::words::decimal);
    let max = question.max.map(crate::engine::words::decimal);
    html! {
        div.pregunta data-testid="pregunta" data-key=(base) {
            (heading(html! { label for=(base) { (text) } }))
            (help)
            div.numero {
                input #(base) .caja type=(input_type) inputmode=(inputmode) min=[min] max=[max]
                    step="any" value=(value) data-input={ "type:" (q) }
                    aria-describedby=[described] data-testid=(base);
                @if let Some(unit) = unit { span.unidad { (unit) } }
            }
            @if skip { (dont_know_box("checkbox")) }
        }
    }
}

/// Everything a question says: its text, help and options.
fn question_texts(question: &crate::engine::pack::QuestionData, locale: Locale) -> Vec<&str> {
    let mut texts = vec![question.text.get(locale)];
    texts.extend(question.help.as_ref().map(|h| h.get(locale)));
    texts.extend(question.options.iter().map(|o| o.label.get(locale)));
    texts
}
