//! Hand-off files (`umbral.handoff/3`; versions 2 and 1 read too), the CSV of the latest report per enterprise and the
//! progress between two visits: the workspace's screens over `crate::workspace`, which does
//! the encoding, checking, merging, CSV and comparing.

use std::collections::BTreeSet;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::state::PackRc;
use crate::engine::{assess, Locale, Profile};
use crate::workspace::csv::{latest_reports, Separator};
use crate::workspace::{handoff, progress, Enterprise};

use super::browser;
use super::effects::{self, Ctx, Dispatch, Handle, HEADING};
use super::model::{Action, Model};
use super::records::{self, EnterpriseRecord, VisitRecord};
use super::words::words;

/// The workspace (or the enterprises in `only`) as hand-off enterprises, visits included.
fn assemble(model: &Model, only: Option<&BTreeSet<String>>) -> Vec<Enterprise> {
    records::assemble(&model.enterprises, &model.visits, only)
}

/// Downloads a hand-off file of `enterprises` and records them as exported.
fn export(enterprises: Vec<Enterprise>, ctx: &Rc<Ctx>, dispatch: &Dispatch, known: &Model) {
    let at = browser::now();
    let text = handoff::encode(&enterprises, &at);
    let name = format!("umbral-entrega-{}.json", browser::today());
    if let Err(error) = browser::download(&name, "application/json", &text) {
        dispatch.dispatch(Action::Flash(Some(format!(
            "{} {error}",
            words(known.locale).save_failed()
        ))));
        return;
    }
    let ids: Vec<String> = enterprises.into_iter().map(|e| e.id).collect();
    let mut exported = known.exported.clone();
    for id in &ids {
        exported.insert(id.clone(), at.clone());
    }
    effects::record_export(ctx, dispatch, exported, ids, at);
}

/// The hand-off screen: export all or the chosen enterprises, the CSV, and import.
pub fn view(model: &Handle, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let export_all = {
        let (model, ctx, dispatch) = (model.clone(), ctx.clone(), dispatch.clone());
        Callback::from(move |_| export(assemble(&model, None), &ctx, &dispatch, &model))
    };
    let export_selected = {
        let (model, ctx, dispatch) = (model.clone(), ctx.clone(), dispatch.clone());
        Callback::from(move |_| {
            export(
                assemble(&model, Some(&model.selected)),
                &ctx,
                &dispatch,
                &model,
            )
        })
    };
    let csv = {
        let (model, dispatch) = (model.clone(), dispatch.clone());
        Callback::from(move |_| {
            let enterprises = assemble(&model, None);
            let packs = |country: &str| model.pack(country).map(|p| &*p.0);
            let separator = Separator::Comma;
            match latest_reports(&enterprises, &packs, separator) {
                Ok(text) => {
                    let name = format!("umbral-informes-{}.csv", browser::today());
                    if let Err(error) = browser::download(&name, "text/csv", &text) {
                        gloo::console::warn!(format!("umbral: {error}"));
                    }
                }
                Err(missing) => dispatch.dispatch(Action::Flash(Some(format!(
                    "{} {missing}",
                    words(model.locale).csv_missing_packs()
                )))),
            }
        })
    };
    let on_file = {
        let (model, ctx, dispatch) = (model.clone(), ctx.clone(), dispatch.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let bytes = file.size() as u64;
            if bytes > handoff::MAX_FILE_BYTES {
                dispatch.dispatch(Action::Flash(Some(
                    words(model.locale).import_too_big(bytes),
                )));
                return;
            }
            let (model, ctx, dispatch) = (model.clone(), ctx.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(effects::import(file, model, ctx, dispatch));
        })
    };
    let chosen = model.selected.len();
    html! {
        <section aria-labelledby={HEADING} data-testid="entregar">
            <h2 id={HEADING} tabindex="-1" data-testid="vista">{ w.handoff_heading() }</h2>
            <p>{ w.handoff_intro() }</p>
            <div class="acciones">
                <button type="button" class="boton" data-testid="exportar-todo" onclick={export_all}
                    disabled={model.enterprises.is_empty()}>
                    { w.export_all() }{ format!(" ({})", model.enterprises.len()) }
                </button>
                if chosen > 0 {
                    <button type="button" class="boton boton--secundario" data-testid="exportar-elegidos"
                        onclick={export_selected}>
                        { w.export_selected() }{ format!(" ({chosen})") }
                    </button>
                }
            </div>
            if chosen == 0 {
                <p class="nota">{ w.none_selected() }</p>
            }
            <div class="acciones">
                <button type="button" class="boton boton--secundario" data-testid="csv" onclick={csv}
                    disabled={model.enterprises.is_empty()}>
                    { w.csv() }
                </button>
            </div>
            <h3>{ w.import_heading() }</h3>
            <p class="nota">{ w.import_export_note() }</p>
            <p class="campo">
                <label for="archivo-entrega" class="boton boton--secundario etiqueta-archivo">{ w.import_label() }</label>
                <input id="archivo-entrega" class="archivo" type="file"
                    accept=".json,application/json,.csv,text/csv"
                    onchange={on_file} data-testid="importar" disabled={model.importing} />
            </p>
        </section>
    }
}

/// "Export this enterprise", on its screen.
pub fn export_one_button(model: &Handle, id: &str, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let onclick = {
        let (model, ctx, dispatch) = (model.clone(), ctx.clone(), dispatch.clone());
        let only = BTreeSet::from([id.to_string()]);
        Callback::from(move |_| export(assemble(&model, Some(&only)), &ctx, &dispatch, &model))
    };
    html! {
        <button type="button" class="boton boton--secundario" data-testid="exportar-uno" {onclick}>
            { w.export_one() }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// The enterprise's visits, oldest first.
    pub visits: Vec<VisitRecord>,
    pub country: AttrValue,
    pub pack: Option<PackRc>,
    pub locale: Locale,
}

/// Progress between two of an enterprise's visits (the last two at first): readiness, each
/// dimension, pathways opened and closed, blockers and steps, from `workspace::progress`.
#[component]
pub fn ProgressPanel(props: &ProgressProps) -> Html {
    let w = words(props.locale);
    let count = props.visits.len();
    let before = use_state(|| count.saturating_sub(2));
    let after = use_state(|| count.saturating_sub(1));
    if count < 2 {
        return html! {
            <section aria-labelledby="avance-titulo" class="avance">
                <h3 id="avance-titulo">{ w.progress_heading() }</h3>
                <p>{ w.progress_need_two() }</p>
            </section>
        };
    }
    let (b, a) = ((*before).min(count - 1), (*after).min(count - 1));
    let select = |id: &'static str,
                  label: &'static str,
                  chosen: usize,
                  state: UseStateHandle<usize>| {
        let options = props.visits.iter().enumerate().map(|(i, v)| {
            let mark = if v.conflict_of.is_some() { w.other_version_mark() } else { "" };
            html! { <option value={i.to_string()} selected={i == chosen}>{ &v.date }{ mark }</option> }
        });
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            state.set(select.value().parse().unwrap_or(0));
        });
        html! {
            <p class="campo">
                <label for={id}>{ label }</label>
                <select id={id} class="lista" {onchange} data-testid={id}>{ for options }</select>
            </p>
        }
    };
    let body = match &props.pack {
        None => html! { <p class="cargando" role="status">{ w.loading_pack() }</p> },
        Some(pack) => {
            let profile = |v: &VisitRecord| {
                Profile::from_value(&v.profile).unwrap_or_else(|_| Profile::new(&props.country))
            };
            let (pb, pa) = (profile(&props.visits[b]), profile(&props.visits[a]));
            let (rb, ra) = (
                assess(&pack.0, &pb, props.locale),
                assess(&pack.0, &pa, props.locale),
            );
            let p = progress::compare(&rb, &ra);
            let show = |n: Option<u32>| n.map_or("—".to_string(), |n| n.to_string());
            let delta = |d: Option<i64>| match d {
                Some(d) if d > 0 => format!("+{d}"),
                Some(d) => d.to_string(),
                None => "—".to_string(),
            };
            let rows = p.dimensions.iter().map(|d| {
                html! {
                    <tr>
                        <th scope="row">{ d.label }</th>
                        <td class="numero-celda">{ show(d.before) }</td>
                        <td class="numero-celda">{ show(d.after) }</td>
                        <td class="numero-celda">{ delta(d.delta()) }</td>
                    </tr>
                }
            });
            let list = |title: &'static str, items: &[&str], testid: &'static str| {
                (!items.is_empty()).then(|| {
                    let items = items.iter().map(|t| html! { <li>{ *t }</li> });
                    html! { <><p><strong>{ title }</strong></p><ul data-testid={testid}>{ for items }</ul></> }
                })
            };
            html! {
                <>
                    <p data-testid="avance-preparacion">
                        { w.readiness() }{ " " }{ p.readiness.before }{ " → " }<strong>{ p.readiness.after }</strong>
                        { format!(" ({})", delta(Some(p.readiness.delta()))) }
                    </p>
                    <table class="tabla" data-testid="avance-tabla">
                        <thead>
                            <tr>
                                <th scope="col">{ w.progress_dimension() }</th>
                                <th scope="col">{ w.progress_before() }</th>
                                <th scope="col">{ w.progress_after() }</th>
                                <th scope="col">{ w.progress_change() }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if p.pathways_opened.is_empty() {
                        <p>{ w.progress_none_opened() }</p>
                    }
                    { for list(w.progress_opened(), &p.pathways_opened, "caminos-abiertos") }
                    { for list(w.progress_closed(), &p.pathways_closed, "caminos-cerrados") }
                    { for list(w.progress_blockers_removed(), &p.blockers_removed, "frenos-quitados") }
                    { for list(w.progress_blockers_added(), &p.blockers_added, "frenos-nuevos") }
                    { for list(w.progress_steps_done(), &p.steps_done, "pasos-hechos") }
                </>
            }
        }
    };
    html! {
        <section aria-labelledby="avance-titulo" class="avance" data-testid="avance">
            <h3 id="avance-titulo">{ w.progress_heading() }</h3>
            <div class="filtros">
                { select("avance-antes", w.progress_before(), b, before.clone()) }
                { select("avance-despues", w.progress_after(), a, after.clone()) }
            </div>
            { body }
        </section>
    }
}

/// The progress panel for an enterprise's visits.
pub fn progress(model: &Model, visits: &[&VisitRecord], enterprise: &EnterpriseRecord) -> Html {
    html! {
        <ProgressPanel visits={visits.iter().map(|v| (*v).clone()).collect::<Vec<_>>()}
            country={enterprise.country.clone()} pack={model.pack(&enterprise.country).cloned()}
            locale={model.locale} />
    }
}
