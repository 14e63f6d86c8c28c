//! One question of the pack as a form control: radio buttons, check boxes, a list box for long
//! lists, or a number box, always with a label or a fieldset and legend, the help text tied to
//! it, and "No sé" where the pack allows it. Every change goes up at once.

use crate::engine::profile::FieldKind;
use crate::engine::Locale;
use serde_json::Value as Json;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::answers::{option_json, question_kind, same_json};
use crate::app::state::PackRc;
use crate::app::words::words;

/// Lists longer than this are a list box rather than radio buttons.
const MAX_RADIOS: usize = 12;

/// The select value that stands for "No sé".
const DONT_KNOW_VALUE: &str = "__no_se__";

#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    pub pack: PackRc,
    pub question: usize,
    pub answer: Option<Json>,
    pub dont_know: bool,
    pub locale: Locale,
    /// The heading level of the question text: 2 alone on its page, 3 within a group.
    pub level: u8,
    /// The heading's id when focus goes to it after next/back.
    #[prop_or_default]
    pub heading_id: Option<AttrValue>,
    pub on_answer: Callback<(usize, Option<Json>)>,
    pub on_dont_know: Callback<(usize, bool)>,
}

#[component]
pub fn QuestionField(props: &QuestionFieldProps) -> Html {
    let pack = &props.pack.0;
    let locale = props.locale;
    let w = words(locale);
    let q = props.question;
    let question = &pack.data.questions[q];
    let kind = question_kind(pack, q).clone();
    let base = format!("q-{}", question.id);
    let help_id = format!("{base}-ayuda");
    let text = question.text.get(locale).to_string();
    let described = question.help.as_ref().map(|_| help_id.clone());
    let help = question.help.as_ref().map(|help| {
        html! { <p id={help_id.clone()} class="ayuda">{ help.get(locale) }</p> }
    });
    let heading = |content: Html| -> Html {
        let id = props.heading_id.clone();
        let tabindex = id.as_ref().map(|_| "-1");
        if props.level == 2 {
            html! { <h2 {id} {tabindex} class="pregunta__texto">{ content }</h2> }
        } else {
            html! { <h3 {id} {tabindex} class="pregunta__texto">{ content }</h3> }
        }
    };
    let dont_know_box = |name: String| -> Html {
        let on_dont_know = props.on_dont_know.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_dont_know.emit((q, input.checked()));
        });
        html! {
            <label class="opcion opcion--no-se">
                <input type="checkbox" {name} checked={props.dont_know} {onchange}
                    data-testid={format!("{base}-no-se")} />
                <span>{ w.dont_know }</span>
            </label>
        }
    };

    // A set: check boxes.
    if let FieldKind::Set { .. } = kind {
        let chosen: Vec<Json> = match &props.answer {
            Some(Json::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let options = question.options.iter().enumerate().map(|(i, option)| {
            let value = option_json(option);
            let checked = chosen.iter().any(|c| same_json(c, &value));
            let all: Vec<Json> = question.options.iter().map(option_json).collect();
            let chosen = chosen.clone();
            let on_answer = props.on_answer.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let on = input.checked();
                // Keep the options' order, whatever order they were ticked in.
                let next: Vec<Json> = all
                    .iter()
                    .filter(|v| {
                        if same_json(v, &all[i]) {
                            on
                        } else {
                            chosen.iter().any(|c| same_json(c, v))
                        }
                    })
                    .cloned()
                    .collect();
                on_answer.emit((q, Some(Json::Array(next))));
            });
            html! {
                <label class="opcion">
                    <input type="checkbox" name={base.clone()} {checked} {onchange}
                        data-testid={format!("{base}-{i}")} />
                    <span>{ option.label.get(locale) }</span>
                </label>
            }
        });
        return html! {
            <fieldset class="pregunta" aria-describedby={described} data-testid="pregunta">
                <legend>{ heading(html! { {text} }) }</legend>
                { for help }
                <p class="indicacion">{ w.choose_many }</p>
                <div class="opciones">
                    { for options }
                    if question.dont_know { { dont_know_box(format!("{base}-no-se")) } }
                </div>
            </fieldset>
        };
    }

    // A long list: a list box.
    if question.options.len() > MAX_RADIOS {
        let all: Vec<Json> = question.options.iter().map(option_json).collect();
        let selected = props
            .answer
            .as_ref()
            .and_then(|a| all.iter().position(|v| same_json(v, a)));
        let on_answer = props.on_answer.clone();
        let on_dont_know = props.on_dont_know.clone();
        let onchange = {
            let all = all.clone();
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let value = select.value();
                if value == DONT_KNOW_VALUE {
                    on_dont_know.emit((q, true));
                } else {
                    let chosen = value
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| all.get(i))
                        .cloned();
                    on_answer.emit((q, chosen));
                }
            })
        };
        let options = question.options.iter().enumerate().map(|(i, option)| {
            html! {
                <option value={i.to_string()} selected={selected == Some(i)}>
                    { option.label.get(locale) }
                </option>
            }
        });
        return html! {
            <div class="pregunta" data-testid="pregunta">
                { heading(html! { <label for={base.clone()}>{ text }</label> }) }
                { for help }
                <select id={base.clone()} class="lista" aria-describedby={described} {onchange}
                    data-testid={base.clone()}>
                    <option value="" selected={selected.is_none() && !props.dont_know}>
                        { w.choose_one }
                    </option>
                    { for options }
                    if question.dont_know {
                        <option value={DONT_KNOW_VALUE} selected={props.dont_know}>
                            { w.dont_know }
                        </option>
                    }
                </select>
            </div>
        };
    }

    // A short list: radio buttons.
    if !question.options.is_empty() {
        let options = question.options.iter().enumerate().map(|(i, option)| {
            let value = option_json(option);
            let checked = props.answer.as_ref().is_some_and(|a| same_json(a, &value));
            let on_answer = props.on_answer.clone();
            let onchange = Callback::from(move |_: Event| on_answer.emit((q, Some(value.clone()))));
            html! {
                <label class="opcion">
                    <input type="radio" name={base.clone()} {checked} {onchange}
                        data-testid={format!("{base}-{i}")} />
                    <span>{ option.label.get(locale) }</span>
                </label>
            }
        });
        let dont_know = question.dont_know.then(|| {
            let on_dont_know = props.on_dont_know.clone();
            let onchange = Callback::from(move |_: Event| on_dont_know.emit((q, true)));
            html! {
                <label class="opcion opcion--no-se">
                    <input type="radio" name={base.clone()} checked={props.dont_know} {onchange}
                        data-testid={format!("{base}-no-se")} />
                    <span>{ w.dont_know }</span>
                </label>
            }
        });
        return html! {
            <fieldset class="pregunta" aria-describedby={described} data-testid="pregunta">
                <legend>{ heading(html! { {text} }) }</legend>
                { for help }
                <div class="opciones">
                    { for options }
                    { for dont_know }
                </div>
            </fieldset>
        };
    }

    // A number or a text.
    let unit = match question.unit.as_deref() {
        Some("currency") => pack.data.currency.clone(),
        other => other.map(str::to_string),
    };
    let (input_type, inputmode) = match kind {
        FieldKind::Integer { .. } => ("number", "numeric"),
        FieldKind::Number { .. } => ("number", "decimal"),
        _ => ("text", "text"),
    };
    let value = match &props.answer {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let oninput = {
        let on_answer = props.on_answer.clone();
        let kind = kind.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let raw = input.value();
            let raw = raw.trim();
            if raw.is_empty() {
                on_answer.emit((q, None));
                return;
            }
            let json = match kind {
                FieldKind::Integer { .. } => raw.parse::<i64>().ok().map(Json::from),
                FieldKind::Number { .. } => raw
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map(Json::Number),
                _ => Some(Json::String(raw.to_string())),
            };
            // Something half-typed that is no number yet changes nothing.
            if let Some(json) = json {
                on_answer.emit((q, Some(json)));
            }
        })
    };
    let min = question.min.map(crate::engine::words::decimal);
    let max = question.max.map(crate::engine::words::decimal);
    html! {
        <div class="pregunta" data-testid="pregunta">
            { heading(html! { <label for={base.clone()}>{ text }</label> }) }
            { for help }
            <div class="numero">
                <input id={base.clone()} class="caja" type={input_type} {inputmode} {min} {max}
                    step="any" {value} {oninput} aria-describedby={described}
                    data-testid={base.clone()} />
                if let Some(unit) = unit { <span class="unidad">{ unit }</span> }
            </div>
            if question.dont_know { { dont_know_box(format!("{base}-no-se")) } }
        </div>
    }
}
