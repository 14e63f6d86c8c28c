//! One enterprise: its details, its visits (two versions of one kept side by side until the
//! user chooses), its progress between visits, and deleting it.

use std::rc::Rc;

use yew::prelude::*;

use super::browser::new_visit;
use super::effects::{self, store, Ctx, Dispatch, Handle, HEADING};
use super::model::{Action, Confirm, Route};
use super::parts::{confirm_box, go, heading, sector_label};
use super::records::{EnterpriseRecord, VisitRecord};
use super::words::words;

pub(super) fn enterprise_view(
    model: &Handle,
    e: &EnterpriseRecord,
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
) -> Html {
    let w = words(model.locale);
    let visits = model.visits_of(&e.id);
    let new_visit = {
        let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
        let enterprise = e.clone();
        let previous = visits.last().map(|v| v.profile.clone());
        let device = model.device.clone();
        Callback::from(move |_| {
            let profile = previous
                .clone()
                .unwrap_or_else(|| crate::engine::Profile::new(&enterprise.country).to_value());
            let visit = new_visit(&enterprise.id, profile, &device);
            store(
                &ctx,
                &dispatch,
                Vec::new(),
                vec![visit.clone()],
                None,
                Some(visit),
            );
        })
    };
    // Settling two versions of a visit (kept by an import or by two tabs): keep one.
    let settle = |copy: &VisitRecord, keep_copy: bool| {
        let (ctx, dispatch, device) = (ctx.clone(), dispatch.clone(), model.device.clone());
        let mut enterprise = e.enterprise.clone();
        enterprise.visits = visits.iter().map(|v| v.visit.clone()).collect();
        let (copy_id, original_id) = (
            copy.id.clone(),
            copy.conflict_of.clone().unwrap_or_default(),
        );
        Callback::from(move |_| {
            let mut enterprise = enterprise.clone();
            if let Err(error) =
                enterprise.resolve_conflict(&copy_id, keep_copy, &device, &super::browser::now())
            {
                gloo::console::warn!(format!("umbral: {error}"));
                return;
            }
            let Some(original) = enterprise.visit(&original_id).cloned() else {
                return;
            };
            let original = VisitRecord::new(&enterprise.id, original);
            let record = EnterpriseRecord::new(enterprise.clone());
            effects::settle_versions(&ctx, &dispatch, record, original, copy_id.clone());
        })
    };
    let rows = visits.iter().rev().map(|v| {
        let versions = v
            .conflict_of
            .as_ref()
            .filter(|original| visits.iter().any(|o| &o.id == *original))
            .map(|_| {
                html! {
                    <div class="aviso__acciones visita__versiones">
                        <button type="button" class="boton boton--secundario" data-testid="quedarse-esta"
                            onclick={settle(v, true)}>
                            { w.keep_this_version() }
                        </button>
                        <button type="button" class="boton boton--secundario" data-testid="quedarse-otra"
                            onclick={settle(v, false)}>
                            { w.keep_other_version() }
                        </button>
                    </div>
                }
            });
        let open = {
            let (dispatch, visit) = (dispatch.clone(), (*v).clone());
            Callback::from(move |_| dispatch.dispatch(Action::OpenVisit(visit.clone())))
        };
        let score = model.score(v);
        html! {
            <li class="visita" data-testid="visita">
                <button type="button" class="negocio__abrir" onclick={open} data-testid="abrir-visita">
                    <span class="negocio__nombre">{ w.open_visit() }{ " " }{ &v.date }</span>
                    if v.conflict_of.is_some() {
                        <span class="negocio__datos" data-testid="otra-version">{ w.other_version() }</span>
                    }
                    <span class="negocio__datos">
                        if let Some(score) = score { { w.readiness() }{ " " }{ score }{ "/100" } }
                        if !v.notes.is_empty() { { " · " }{ v.notes.chars().take(60).collect::<String>() } }
                    </span>
                </button>
                { for versions }
            </li>
        }
    });
    let ask_delete = {
        let (dispatch, id) = (dispatch.clone(), e.id.clone());
        Callback::from(move |_| {
            dispatch.dispatch(Action::Ask(Some(Confirm::DeleteEnterprise(id.clone()))))
        })
    };
    let confirm = matches!(&model.confirm, Some(Confirm::DeleteEnterprise(id)) if *id == e.id)
        .then(|| {
            let yes = {
                let (ctx, dispatch, id) = (ctx.clone(), dispatch.clone(), e.id.clone());
                let visit_ids: Vec<String> = visits.iter().map(|v| v.id.clone()).collect();
                Callback::from(move |_| {
                    effects::delete_enterprise(&ctx, &dispatch, id.clone(), visit_ids.clone())
                })
            };
            confirm_box(w, w.confirm_delete_enterprise(), dispatch, yes)
        });
    let sector = e
        .sector
        .as_deref()
        .map(|s| sector_label(model, &e.country, s))
        .unwrap_or_default();
    let details = [
        (w.country_label(), w.country(&e.country).to_string()),
        (w.region(), e.region.clone().unwrap_or_default()),
        (w.locality(), e.locality.clone()),
        (w.sector(), sector),
        (w.programme(), e.programme.clone().unwrap_or_default()),
        (w.institution(), e.institution.clone().unwrap_or_default()),
        (w.term_short(), e.term.clone().unwrap_or_default()),
        (w.team(), e.team.clone().unwrap_or_default()),
    ];
    // Details another device saved apart from this one (kept by an import): shown beside.
    let others = e.other_values.iter().map(|other| {
        html! { <li>{ w.detail(&other.field) }{ ": «" }{ &other.value }{ "»" }</li> }
    });
    let details = details.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| {
        html! { <><dt>{ *k }</dt><dd>{ v }</dd></> }
    });
    html! {
        <section aria-labelledby={HEADING} data-testid="negocio-detalle">
            <p class="no-imprimir"><button type="button" class="enlace" onclick={go(dispatch, Route::List)}>
                { "← " }{ w.back_to_list() }
            </button></p>
            { heading(e.name.clone()) }
            <dl class="datos" data-testid="negocio-datos">{ for details }</dl>
            if !e.other_values.is_empty() {
                <div class="aviso" data-testid="otros-valores">
                    <p>{ w.other_values() }</p>
                    <ul>{ for others }</ul>
                </div>
            }
            <div class="acciones">
                <button type="button" class="boton" data-testid="nueva-visita" onclick={new_visit}>
                    { w.new_visit() }
                </button>
                <button type="button" class="boton boton--secundario" data-testid="editar-negocio"
                    onclick={go(dispatch, Route::Form(Some(e.id.clone())))}>
                    { w.edit_details() }
                </button>
                { super::handoff::export_one_button(model, &e.id, ctx, dispatch) }
            </div>
            <p class="nota">{ w.new_visit_note() }</p>
            <h3>{ w.visits_heading() }</h3>
            if visits.is_empty() {
                <p>{ w.no_visits() }</p>
            } else {
                <ul class="negocios">{ for rows }</ul>
            }
            { super::handoff::progress(model, &visits, e) }
            <div class="acciones zona-peligro">
                <button type="button" class="boton boton--secundario" data-testid="borrar-negocio" onclick={ask_delete}>
                    { w.delete_enterprise() }
                </button>
            </div>
            { for confirm }
        </section>
    }
}
