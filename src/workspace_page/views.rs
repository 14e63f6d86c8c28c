//! Which screen shows (`view`), the notices above every screen, and what the screens share
//! (headings, confirmations, labels). Each screen is its own file: `list`, `enterprise`,
//! `form`, `visit`, `handoff`, `privacy`, `scan` (receiving by QR), `follow` (steps followed
//! through).

use std::rc::Rc;

use yew::prelude::*;

use super::effects::{Ctx, Dispatch, Handle};
use super::model::{Action, Model, Problem, Route};
use super::parts::go;
use super::words::words;

/// The screen on show.
pub fn view(model: &Handle, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    match &model.route {
        Route::List => super::list::list(model, dispatch),
        Route::Enterprise(id) => match model.enterprise(id) {
            Some(enterprise) => {
                super::enterprise::enterprise_view(model, enterprise, ctx, dispatch)
            }
            None => super::list::list(model, dispatch),
        },
        Route::Form(id) => super::form::form(model, id.as_deref(), ctx, dispatch),
        Route::Visit(_) => super::visit::visit_view(model, ctx, dispatch),
        Route::Handoff => super::handoff::view(model, ctx, dispatch),
        Route::Privacy => super::privacy::privacy(model, ctx, dispatch),
        Route::Receive => html! {
            <super::scan::Receive locale={model.locale} device={model.device.clone()}
                ctx={ctx.clone()} dispatch={dispatch.clone()} />
        },
    }
}

/// Messages above every screen: problems first, then reminders.
pub fn notices(model: &Model, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let problem = model.problem.as_ref().map(|problem| {
        let text = match problem {
            Problem::Quota => w.quota().to_string(),
            Problem::Failed(reason) => format!("{} {reason}", w.save_failed()),
        };
        let retry = {
            let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
            let visit = model.editing.as_ref().map(|e| e.visit.clone());
            Callback::from(move |_| {
                if let Some(visit) = &visit {
                    super::effects::save_open_visit(&ctx, &dispatch, visit);
                }
            })
        };
        html! {
            <div class="aviso aviso--error" role="alert" data-testid="problema">
                <p>{ text }</p>
                if model.editing.is_some() {
                    <button type="button" class="boton" data-testid="guardar-de-nuevo" onclick={retry}>
                        { w.retry_save() }
                    </button>
                }
            </div>
        }
    });
    let set_aside = (model.set_aside_now > 0 || model.draft_imported.is_some()).then(|| {
        let dismiss = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::DismissSetAside))
        };
        html! {
            <div class="aviso" role="status" data-testid="aviso-carga">
                if model.set_aside_now > 0 {
                    <p data-testid="apartados">{ w.set_aside(model.set_aside_now) }{ " " }{ w.set_aside_where() }</p>
                }
                if let Some(name) = &model.draft_imported {
                    <p data-testid="borrador-importado">{ w.draft_imported() }{ " «" }{ name }{ "»." }</p>
                }
                <button type="button" class="boton boton--secundario" onclick={dismiss}>{ w.close() }</button>
            </div>
        }
    });
    // Not dismissable: until this page is updated, part of the workspace is not on show.
    let newer = (model.newer > 0).then(|| {
        html! {
            <div class="aviso aviso--error" role="alert" data-testid="datos-mas-nuevos">
                <p>{ w.newer_records(model.newer) }</p>
            </div>
        }
    });
    let unexported = model.unexported();
    let reminder = (unexported > 0 && !matches!(model.route, Route::Handoff | Route::Visit(_))).then(|| {
        html! {
            <div class="aviso recordatorio" role="status" data-testid="sin-exportar">
                <p>{ w.unexported(unexported) }</p>
                <button type="button" class="boton boton--secundario" onclick={go(dispatch, Route::Handoff)}>
                    { w.export_now() }
                </button>
            </div>
        }
    });
    let flash = model
        .flash
        .as_ref()
        .map(|text| html! { <p class="aviso" role="status" data-testid="mensaje">{ text }</p> });
    // Shown on every screen: the person may go on working while a file is imported.
    let importing = model.importing.then(|| {
        html! { <p class="cargando" role="status" data-testid="importando">{ words(model.locale).importing() }</p> }
    });
    html! {
        <div class="no-imprimir">
            { for problem }
            { for newer }
            { for set_aside }
            { for importing }
            { for flash }
            { for reminder }
        </div>
    }
}
