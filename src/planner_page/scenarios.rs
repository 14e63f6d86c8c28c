//! The scenario builder: a question and the least level a programme would require, and each
//! requirement calculated, with how many enterprises it would leave out and where.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::Locale;
use crate::planner::Figures;

use super::model::Choice;
use super::words::words;

#[derive(Properties, PartialEq)]
pub struct ScenariosProps {
    pub locale: Locale,
    pub figures: Rc<Figures>,
    /// The questions offered, the one chosen (the first until one is) and its level.
    pub choices: Vec<Choice>,
    pub chosen: Option<Choice>,
    pub level: Option<String>,
    pub on_field: Callback<String>,
    pub on_level: Callback<String>,
    pub on_add: Callback<()>,
    /// Removes the requirement at this place.
    pub on_remove: Callback<usize>,
}

#[component]
pub fn Scenarios(props: &ScenariosProps) -> Html {
    let w = words(props.locale);
    let select_value = |e: Event| -> String {
        let select: HtmlSelectElement = e.target_unchecked_into();
        select.value()
    };
    let on_field = props.on_field.reform(select_value);
    let on_level = props.on_level.reform(select_value);
    let on_add = props.on_add.reform(|_: MouseEvent| ());
    let chosen = props.chosen.as_ref();
    let level = props.level.as_deref();
    let figures = &props.figures;
    let scenarios = figures.scenarios.iter().enumerate().map(|(i, sc)| {
        let remove = props.on_remove.reform(move |_: MouseEvent| i);
        html! {
            <li class="planear__escenario" data-testid="escenario">
                <p class="planear__frase">{ figures.scenario_sentence(sc, props.locale) }</p>
                <p class="nota">{ w.scenario_condition() }{ ": " }<code>{ &sc.condition }</code></p>
                <button type="button" class="enlace" onclick={remove}>
                    { w.scenario_remove() }<span class="visualmente-oculto">{ format!(": {}", sc.condition) }</span>
                </button>
            </li>
        }
    });
    html! {
        <section aria-labelledby="escenario-titulo" data-testid="escenarios">
            <h2 id="escenario-titulo">{ w.scenario_heading() }</h2>
            <p>{ w.scenario_intro() }</p>
            <div class="planear__filtros">
                <div class="planear__campo">
                    <label for="escenario-dato">{ w.scenario_field() }</label>
                    <select id="escenario-dato" class="lista" data-testid="escenario-dato" onchange={on_field}>
                        { for props.choices.iter().map(|c| html! {
                            <option value={c.field.clone()}
                                selected={chosen.is_some_and(|x| x.field == c.field)}>
                                { &c.text }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="planear__campo">
                    <label for="escenario-minimo">{ w.scenario_minimum() }</label>
                    <select id="escenario-minimo" class="lista" data-testid="escenario-minimo" onchange={on_level}>
                        { for chosen.iter().flat_map(|c| c.levels.iter()).map(|(value, label)| html! {
                            <option value={value.clone()} selected={level == Some(value.as_str())}>
                                { label }
                            </option>
                        }) }
                    </select>
                </div>
            </div>
            <button type="button" class="boton" data-testid="escenario-calcular" onclick={on_add}>{ w.scenario_add() }</button>
            <div aria-live="polite">
                if figures.scenarios.is_empty() {
                    <p class="nota">{ w.scenario_none() }</p>
                } else {
                    <ul class="planear__escenarios">{ for scenarios }</ul>
                }
            </div>
        </section>
    }
}
