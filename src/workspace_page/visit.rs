//! A visit: the questionnaire and results drawn by the app's views, the date and notes, the
//! steps followed through and the outcomes, and the notice when another tab changed it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::events::{decode, Msg};
use crate::app::state::{PackStatus, Screen};
use crate::app::view::{self, Qr, Whys};

use super::app_view::AppView;
use super::browser;
use super::effects::{self, Ctx, Dispatch};
use super::list::list;
use super::model::{Action, Model, Route};
use super::parts::{go, words_for};
use super::records::is_date;
use super::words::words;

pub(super) fn visit_view(model: &Model, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let Some(editing) = &model.editing else {
        return list(model, dispatch);
    };
    let visit = &editing.visit;
    let Some(enterprise) = model.enterprise(&visit.enterprise) else {
        return list(model, dispatch);
    };
    let on_notes = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            // Past the limit (a long paste), the box shows what is kept, and the reducer, which
            // cuts the text the same way, says so.
            if text.len() > crate::workspace::MAX_NOTES_CHARS {
                let mut kept = text.clone();
                if crate::workspace::clamp_notes(&mut kept) {
                    area.set_value(&kept);
                }
            }
            dispatch.dispatch(Action::Notes(text, browser::now()));
        })
    };
    let on_date = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            if is_date(&value) {
                dispatch.dispatch(Action::Date(value, browser::now()));
            } else {
                dispatch.dispatch(Action::Flash(Some(
                    words_for(&input).bad_date().to_string(),
                )));
            }
        })
    };
    let conflict = model.conflict.then(|| {
        let reload = {
            let (ctx, dispatch, id) = (ctx.clone(), dispatch.clone(), visit.id.clone());
            Callback::from(move |_| effects::reload_visit(&ctx, &dispatch, id.clone()))
        };
        let keep_both = {
            let (ctx, dispatch, mine) = (ctx.clone(), dispatch.clone(), visit.clone());
            Callback::from(move |_| effects::keep_both(&ctx, &dispatch, mine.clone()))
        };
        html! {
            <div class="aviso aviso--error" role="alert" data-testid="conflicto">
                <p>{ w.conflict() }</p>
                <div class="aviso__acciones">
                    <button type="button" class="boton" data-testid="conflicto-recargar" onclick={reload}>
                        { w.conflict_reload() }
                    </button>
                    <button type="button" class="boton boton--secundario" data-testid="conflicto-ambas" onclick={keep_both}>
                        { w.conflict_keep_both() }
                    </button>
                </div>
            </div>
        }
    });
    let assessment = &editing.assessment;
    let body = match (&assessment.pack, model.packs.get(&enterprise.country)) {
        (PackStatus::Ready(pack), _) => {
            let markup = match assessment.screen {
                Screen::Results => {
                    // The QR code at once: the workspace has no frame budget to keep.
                    let link = view::share_link(&assessment.profile, &browser::app_address());
                    let code = crate::share::qr_svg_path(&link);
                    let qr = match &code {
                        Some((side, path)) => Qr::Ready(*side, path),
                        None => Qr::TooLong,
                    };
                    let share = maud::html! {
                        details.porque.no-imprimir data-testid="pasar-qr" {
                            summary { (w.show_qr()) }
                            (view::share_panel(&link, model.locale, qr))
                        }
                    };
                    view::results(&pack.0, &assessment.profile, model.locale, share, Whys::All)
                }
                _ => {
                    let page = assessment.page(&pack.0, model.wide);
                    view::question_page(&pack.0, assessment, &page, model.wide)
                }
            };
            let on_event = {
                let (dispatch, state, wide) = (dispatch.clone(), assessment.clone(), model.wide);
                Callback::from(
                    move |(kind, action, value, on): (String, String, String, bool)| match decode(
                        &state, wide, &kind, &action, &value, on,
                    ) {
                        Some(Msg::Do(action)) => {
                            dispatch.dispatch(Action::Assess(action, browser::now()))
                        }
                        Some(Msg::Print) => crate::ui::browser::print(),
                        _ => {}
                    },
                )
            };
            // Under the results: the steps followed through, and a follow-up's outcomes.
            let follow = (assessment.screen == Screen::Results)
                .then(|| super::follow::section(model, pack, ctx, dispatch));
            html! {
                <>
                    <AppView html={AttrValue::from(markup.into_string())} {on_event} />
                    { for follow }
                </>
            }
        }
        (_, Some(Err(_))) => {
            html! { <p class="aviso aviso--error" role="alert">{ w.pack_failed() }</p> }
        }
        _ => html! { <p class="cargando" role="status">{ w.loading_pack() }</p> },
    };
    html! {
        <section class="visita-vista" aria-labelledby="visita-titulo" data-testid="visita-vista">
            <p class="no-imprimir">
                <button type="button" class="enlace" data-testid="volver-negocio"
                    onclick={go(dispatch, Route::Enterprise(enterprise.id.clone()))}>
                    { "← " }{ w.back_to() }{ " " }{ &enterprise.name }
                </button>
            </p>
            <p class="solo-imprimir">{ "Umbral · " }{ w.print_heading() }</p>
            <h2 id="visita-titulo" class="visita-titulo">{ &enterprise.name }{ " · " }{ w.visit_of() }{ " " }{ &visit.date }</h2>
            { for conflict }
            <div class="visita-datos">
                <p class="campo no-imprimir">
                    <label for="visita-fecha">{ w.visit_date() }</label>
                    <input id="visita-fecha" class="caja" type="date" value={visit.date.clone()}
                        onchange={on_date} data-testid="visita-fecha" />
                </p>
                <p class="campo">
                    <label for="visita-notas">{ w.visit_notes() }</label>
                    <textarea id="visita-notas" class="caja notas" rows="4" value={visit.notes.clone()}
                        oninput={on_notes} aria-describedby="notas-ayuda" data-testid="notas" />
                    <span id="notas-ayuda" class="nota no-imprimir">{ w.notes_help() }</span>
                </p>
                <p class="solo-imprimir notas-impresas">{ &visit.notes }</p>
            </div>
            { body }
        </section>
    }
}
