//! The list of enterprises: search, sort, the cohort filter, and choosing some to hand off.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::effects::{Dispatch, HEADING};
use super::model::{Action, Model, Route, Sort};
use super::parts::{go, heading, persisted_text};
use super::words::{words, Words};

pub(super) fn list(model: &Model, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let listed = model.listed();
    let on_search = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Search(input.value()));
        })
    };
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Sort(match select.value().as_str() {
                "preparacion" => Sort::Readiness,
                "nombre" => Sort::Name,
                _ => Sort::LastVisit,
            }));
        })
    };
    let latest_visits = model.latest_visits();
    let items = listed.iter().map(|e| {
        let latest = latest_visits.get(e.id.as_str()).copied();
        let score = latest.and_then(|v| model.scores.get(&v.id).map(|s| s.1));
        let selected = model.selected.contains(&e.id);
        let on_select = {
            let (dispatch, id) = (dispatch.clone(), e.id.clone());
            Callback::from(move |ev: Event| {
                let input: HtmlInputElement = ev.target_unchecked_into();
                dispatch.dispatch(Action::Select(id.clone(), input.checked()));
            })
        };
        let check_id = format!("elegir-{}", e.id);
        html! {
            <li class="negocio" key={e.id.clone()} data-testid="negocio">
                <button type="button" class="negocio__abrir" data-testid="abrir-negocio"
                    onclick={go(dispatch, Route::Enterprise(e.id.clone()))}>
                    <span class="negocio__nombre">{ &e.name }</span>
                    <span class="negocio__datos">
                        if !e.locality.is_empty() { { &e.locality }{ " · " } }
                        { w.country(&e.country) }
                    </span>
                    <span class="negocio__datos">
                        if let Some(v) = latest {
                            { w.last_visit() }{ " " }{ &v.date }
                            if let Some(score) = score {
                                { " · " }{ w.readiness() }{ " " }<strong data-testid="preparacion-negocio">{ score }</strong>{ "/100" }
                            }
                        } else {
                            { w.no_visits() }
                        }
                    </span>
                </button>
                <label class="negocio__elegir" for={check_id.clone()}>
                    <input type="checkbox" id={check_id} checked={selected} onchange={on_select}
                        data-testid="elegir" />
                    <span class="visualmente-oculto">{ w.choose_for_export() }{ " " }{ &e.name }</span>
                </label>
            </li>
        }
    });
    let cohort = cohort_filter(model, w, dispatch);
    let sort_value = match model.sort {
        Sort::LastVisit => "ultima",
        Sort::Readiness => "preparacion",
        Sort::Name => "nombre",
    };
    html! {
        <section aria-labelledby={HEADING} data-testid="lista">
            { heading(format!("{} ({})", w.list_heading(), model.enterprises.len())) }
            <div class="acciones">
                <button type="button" class="boton" data-testid="agregar" onclick={go(dispatch, Route::Form(None))}>
                    { w.add_enterprise() }
                </button>
                <button type="button" class="boton boton--secundario" data-testid="recibir-qr"
                    onclick={go(dispatch, Route::Receive)}>
                    { w.receive_qr() }
                </button>
            </div>
            if !model.enterprises.is_empty() {
                <div class="filtros">
                    <p class="campo">
                        <label for="buscar">{ w.search_label() }</label>
                        <input id="buscar" class="caja" type="search" value={model.search.clone()}
                            oninput={on_search} data-testid="buscar" autocomplete="off" />
                    </p>
                    <p class="campo">
                        <label for="ordenar">{ w.sort_label() }</label>
                        <select id="ordenar" class="lista" onchange={on_sort} data-testid="ordenar">
                            <option value="ultima" selected={sort_value == "ultima"}>{ w.sort_last_visit() }</option>
                            <option value="preparacion" selected={sort_value == "preparacion"}>{ w.sort_readiness() }</option>
                            <option value="nombre" selected={sort_value == "nombre"}>{ w.sort_name() }</option>
                        </select>
                    </p>
                    { cohort }
                </div>
            }
            if model.enterprises.is_empty() {
                <p data-testid="vacio">{ w.no_enterprises() }</p>
            } else if listed.is_empty() {
                <p>{ w.no_match() }</p>
            } else {
                <ul class="negocios" data-testid="negocios">{ for items }</ul>
            }
            <p class="nota" data-testid="persistencia">{ persisted_text(model, w) }</p>
        </section>
    }
}

/// The list's cohort filter: one choice per tag that some enterprise has, listing the values
/// present, "Todos" first; nothing when no enterprise has a tag.
fn cohort_filter(model: &Model, w: &Words, dispatch: &Dispatch) -> Html {
    let chosen = |tag: &str| match tag {
        "programme" => model.cohort.programme.clone(),
        "institution" => model.cohort.institution.clone(),
        "term" => model.cohort.term.clone(),
        _ => model.cohort.team.clone(),
    };
    let selects: Vec<Html> = crate::workspace::TAG_FIELDS
        .iter()
        .filter_map(|tag| {
            let values = model.cohort_values(tag);
            if values.is_empty() {
                return None;
            }
            let current = chosen(tag).unwrap_or_default();
            let on_change = {
                let (dispatch, tag) = (dispatch.clone(), tag.to_string());
                Callback::from(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    let value = select.value();
                    dispatch.dispatch(Action::Cohort(
                        tag.clone(),
                        (!value.is_empty()).then_some(value),
                    ));
                })
            };
            let id = format!("filtro-{tag}");
            let options = values.into_iter().map(|value| {
                let selected = crate::workspace::fold(&value) == crate::workspace::fold(&current);
                html! { <option value={value.clone()} {selected}>{ value }</option> }
            });
            Some(html! {
                <p class="campo">
                    <label for={id.clone()}>{ w.detail(tag) }</label>
                    <select id={id.clone()} class="lista" onchange={on_change} data-testid={id}>
                        <option value="" selected={current.is_empty()}>{ w.cohort_all() }</option>
                        { for options }
                    </select>
                </p>
            })
        })
        .collect();
    if selects.is_empty() {
        return Html::default();
    }
    html! {
        <fieldset class="grupo-campos" data-testid="filtro-grupo">
            <legend>{ w.cohort_legend() }</legend>
            { for selects }
        </fieldset>
    }
}
