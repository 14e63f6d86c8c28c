//! The workspace's screens, as functions of the model: the list, an enterprise, its form, a
//! visit, hand-off, "Sus datos" and receiving by QR; and the notices above them.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::events::{decode, Msg};
use crate::app::state::{PackStatus, Screen, COUNTRIES};
use crate::app::view::{self, Qr, Whys};

use super::app_view::AppView;
use super::browser;
use super::browser::{new_enterprise, new_visit};
use super::effects::{self, store, Ctx, Dispatch, Handle, HEADING};
use super::model::{Action, Confirm, Model, Problem, Route, Sort};
use super::records::{is_date, EnterpriseRecord, VisitRecord};
use super::words::{words, Words};

fn heading(text: impl Into<Html>) -> Html {
    html! { <h2 id={HEADING} tabindex="-1" data-testid="vista">{ text.into() }</h2> }
}

fn go(dispatch: &Dispatch, route: Route) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(Action::Show(route.clone())))
}

/// The screen on show.
pub fn view(model: &Handle, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    match &model.route {
        Route::List => list(model, dispatch),
        Route::Enterprise(id) => match model.enterprise(id) {
            Some(enterprise) => enterprise_view(model, enterprise, ctx, dispatch),
            None => list(model, dispatch),
        },
        Route::Form(id) => form(model, id.as_deref(), ctx, dispatch),
        Route::Visit(_) => visit_view(model, ctx, dispatch),
        Route::Handoff => super::handoff::view(model, ctx, dispatch),
        Route::Privacy => privacy(model, ctx, dispatch),
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
            Problem::Quota => w.quota.to_string(),
            Problem::Failed(reason) => format!("{} {reason}", w.save_failed),
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
                        { w.retry_save }
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
                    <p data-testid="apartados">{ w.set_aside(model.set_aside_now) }{ " " }{ w.set_aside_where }</p>
                }
                if let Some(name) = &model.draft_imported {
                    <p data-testid="borrador-importado">{ w.draft_imported }{ " «" }{ name }{ "»." }</p>
                }
                <button type="button" class="boton boton--secundario" onclick={dismiss}>{ w.close }</button>
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
                    { w.export_now }
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
        html! { <p class="cargando" role="status" data-testid="importando">{ words(model.locale).importing }</p> }
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

fn list(model: &Model, dispatch: &Dispatch) -> Html {
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
                            { w.last_visit }{ " " }{ &v.date }
                            if let Some(score) = score {
                                { " · " }{ w.readiness }{ " " }<strong data-testid="preparacion-negocio">{ score }</strong>{ "/100" }
                            }
                        } else {
                            { w.no_visits }
                        }
                    </span>
                </button>
                <label class="negocio__elegir" for={check_id.clone()}>
                    <input type="checkbox" id={check_id} checked={selected} onchange={on_select}
                        data-testid="elegir" />
                    <span class="visualmente-oculto">{ w.choose_for_export }{ " " }{ &e.name }</span>
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
            { heading(format!("{} ({})", w.list_heading, model.enterprises.len())) }
            <div class="acciones">
                <button type="button" class="boton" data-testid="agregar" onclick={go(dispatch, Route::Form(None))}>
                    { w.add_enterprise }
                </button>
                <button type="button" class="boton boton--secundario" data-testid="recibir-qr"
                    onclick={go(dispatch, Route::Receive)}>
                    { w.receive_qr }
                </button>
            </div>
            if !model.enterprises.is_empty() {
                <div class="filtros">
                    <p class="campo">
                        <label for="buscar">{ w.search_label }</label>
                        <input id="buscar" class="caja" type="search" value={model.search.clone()}
                            oninput={on_search} data-testid="buscar" autocomplete="off" />
                    </p>
                    <p class="campo">
                        <label for="ordenar">{ w.sort_label }</label>
                        <select id="ordenar" class="lista" onchange={on_sort} data-testid="ordenar">
                            <option value="ultima" selected={sort_value == "ultima"}>{ w.sort_last_visit }</option>
                            <option value="preparacion" selected={sort_value == "preparacion"}>{ w.sort_readiness }</option>
                            <option value="nombre" selected={sort_value == "nombre"}>{ w.sort_name }</option>
                        </select>
                    </p>
                    { cohort }
                </div>
            }
            if model.enterprises.is_empty() {
                <p data-testid="vacio">{ w.no_enterprises }</p>
            } else if listed.is_empty() {
                <p>{ w.no_match }</p>
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
                        <option value="" selected={current.is_empty()}>{ w.cohort_all }</option>
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
            <legend>{ w.cohort_legend }</legend>
            { for selects }
        </fieldset>
    }
}

fn persisted_text(model: &Model, w: &Words) -> &'static str {
    match model.persisted {
        Some(true) => w.persisted_yes,
        Some(false) => w.persisted_no,
        None => w.persisted_unknown,
    }
}

/// A yes/no question asked before deleting; `on_yes` runs only on "Sí, borrar".
fn confirm_box(
    w: &Words,
    question: &str,
    dispatch: &Dispatch,
    on_yes: Callback<MouseEvent>,
) -> Html {
    let no = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Ask(None)))
    };
    html! {
        <div class="aviso aviso--error" role="alertdialog" aria-labelledby="confirmar-texto" data-testid="confirmar">
            <p id="confirmar-texto">{ question }</p>
            <div class="aviso__acciones">
                <button type="button" class="boton boton--peligro" data-testid="si-borrar" onclick={on_yes}>
                    { w.yes_delete }
                </button>
                <button type="button" class="boton boton--secundario" data-testid="no-borrar" onclick={no}>
                    { w.cancel }
                </button>
            </div>
        </div>
    }
}

fn enterprise_view(
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
                            { w.keep_this_version }
                        </button>
                        <button type="button" class="boton boton--secundario" data-testid="quedarse-otra"
                            onclick={settle(v, false)}>
                            { w.keep_other_version }
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
                    <span class="negocio__nombre">{ w.open_visit }{ " " }{ &v.date }</span>
                    if v.conflict_of.is_some() {
                        <span class="negocio__datos" data-testid="otra-version">{ w.other_version }</span>
                    }
                    <span class="negocio__datos">
                        if let Some(score) = score { { w.readiness }{ " " }{ score }{ "/100" } }
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
            confirm_box(w, w.confirm_delete_enterprise, dispatch, yes)
        });
    let sector = e
        .sector
        .as_deref()
        .map(|s| sector_label(model, &e.country, s))
        .unwrap_or_default();
    let details = [
        (w.country, w.country(&e.country).to_string()),
        (w.region, e.region.clone().unwrap_or_default()),
        (w.locality, e.locality.clone()),
        (w.sector, sector),
        (w.programme, e.programme.clone().unwrap_or_default()),
        (w.institution, e.institution.clone().unwrap_or_default()),
        (w.term_short, e.term.clone().unwrap_or_default()),
        (w.team, e.team.clone().unwrap_or_default()),
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
                { "← " }{ w.back_to_list }
            </button></p>
            { heading(e.name.clone()) }
            <dl class="datos" data-testid="negocio-datos">{ for details }</dl>
            if !e.other_values.is_empty() {
                <div class="aviso" data-testid="otros-valores">
                    <p>{ w.other_values }</p>
                    <ul>{ for others }</ul>
                </div>
            }
            <div class="acciones">
                <button type="button" class="boton" data-testid="nueva-visita" onclick={new_visit}>
                    { w.new_visit }
                </button>
                <button type="button" class="boton boton--secundario" data-testid="editar-negocio"
                    onclick={go(dispatch, Route::Form(Some(e.id.clone())))}>
                    { w.edit_details }
                </button>
                { super::handoff::export_one_button(model, &e.id, ctx, dispatch) }
            </div>
            <p class="nota">{ w.new_visit_note }</p>
            <h3>{ w.visits_heading }</h3>
            if visits.is_empty() {
                <p>{ w.no_visits }</p>
            } else {
                <ul class="negocios">{ for rows }</ul>
            }
            { super::handoff::progress(model, &visits, e) }
            <div class="acciones zona-peligro">
                <button type="button" class="boton boton--secundario" data-testid="borrar-negocio" onclick={ask_delete}>
                    { w.delete_enterprise }
                </button>
            </div>
            { for confirm }
        </section>
    }
}

/// A sector value in words, from the enterprise's pack (the value itself until it loads).
fn sector_label(model: &Model, country: &str, value: &str) -> String {
    match model.pack(country) {
        Some(pack) => crate::app::answers::value_label(
            &pack.0,
            "sector",
            &serde_json::Value::String(value.to_string()),
            model.locale,
        ),
        None => value.to_string(),
    }
}

fn form(model: &Model, id: Option<&str>, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let existing = id.and_then(|id| model.enterprise(id)).cloned();
    let sectors: Vec<(String, String)> = crate::workspace::handoff::sector_values()
        .into_iter()
        .map(|value| {
            let country = existing.as_ref().map_or("MX", |e| e.country.as_str());
            (value.to_string(), sector_label(model, country, value))
        })
        .collect();
    html! {
        <EnterpriseForm words={w} enterprise={existing} device={model.device.clone()}
            {sectors} ctx={ctx.clone()} dispatch={dispatch.clone()} />
    }
}

#[derive(Properties)]
pub struct EnterpriseFormProps {
    pub words: &'static Words,
    /// The enterprise to edit, or `None` to add one.
    pub enterprise: Option<EnterpriseRecord>,
    pub device: String,
    /// The sector values and their words.
    pub sectors: Vec<(String, String)>,
    pub ctx: Rc<Ctx>,
    pub dispatch: Dispatch,
}

impl PartialEq for EnterpriseFormProps {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
            && self.enterprise == other.enterprise
            && self.sectors == other.sectors
            && self.device == other.device
    }
}

/// The form's fields as typed.
#[derive(Clone, PartialEq, Default)]
struct Fields {
    name: String,
    country: String,
    locality: String,
    sector: String,
    programme: String,
    institution: String,
    term: String,
    team: String,
}

/// Adding or editing an enterprise: saved when the form is sent. The country is chosen once,
/// when the enterprise is added (every visit is scored with its pack).
#[component]
pub fn EnterpriseForm(props: &EnterpriseFormProps) -> Html {
    let w = props.words;
    let is_new = props.enterprise.is_none();
    let draft = use_state(|| match &props.enterprise {
        Some(e) => Fields {
            name: e.name.clone(),
            country: e.country.clone(),
            locality: e.locality.clone(),
            sector: e.sector.clone().unwrap_or_default(),
            programme: e.programme.clone().unwrap_or_default(),
            institution: e.institution.clone().unwrap_or_default(),
            term: e.term.clone().unwrap_or_default(),
            team: e.team.clone().unwrap_or_default(),
        },
        None => Fields {
            country: "MX".into(),
            ..Fields::default()
        },
    });
    let error = use_state(|| false);
    // The details the edit starts from: a save is refused if another tab saved since (and
    // then starts from what that tab saved, once the user has seen it).
    let base = use_state(|| props.enterprise.clone());
    let elsewhere = use_state(|| false);
    let text = |pick: fn(&mut Fields) -> &mut String| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*draft).clone();
            *pick(&mut next) = input.value();
            draft.set(next);
        })
    };
    let choice = |pick: fn(&mut Fields) -> &mut String| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*draft).clone();
            *pick(&mut next) = select.value();
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, error) = (draft.clone(), error.clone());
        let (ctx, dispatch) = (props.ctx.clone(), props.dispatch.clone());
        let (existing, device) = ((*base).clone(), props.device.clone());
        let changed = {
            let (base, elsewhere) = (base.clone(), elsewhere.clone());
            Callback::from(move |stored: Option<EnterpriseRecord>| {
                base.set(stored);
                elsewhere.set(true);
            })
        };
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let fields = (*draft).clone();
            let name = fields.name.trim();
            if name.is_empty() {
                error.set(true);
                browser::focus("negocio-nombre");
                return;
            }
            let mut record = match &existing {
                Some(e) => e.clone(),
                None => new_enterprise(name, &fields.country, &device),
            };
            record.name = name.to_string();
            record.locality = fields.locality.trim().to_string();
            record.sector = (!fields.sector.is_empty()).then(|| fields.sector.clone());
            // Cohort tags are trimmed, at most 200 characters, and unset when empty, as the
            // hand-off reader reads them.
            let tag = |text: &str| crate::workspace::clean_name(text);
            record.programme = tag(&fields.programme);
            record.institution = tag(&fields.institution);
            record.term = tag(&fields.term);
            record.team = tag(&fields.team);
            // Saving the details is the user's choice between values kept by an import.
            record.other_values.clear();
            match &existing {
                Some(existing) => {
                    if *existing != record {
                        record.touch(&device, &super::browser::now());
                    }
                    let base = existing.revision();
                    effects::store_details(&ctx, &dispatch, record, base, changed.clone());
                }
                None => {
                    let route = Route::Enterprise(record.id.clone());
                    store(&ctx, &dispatch, vec![record], Vec::new(), Some(route), None);
                }
            }
        })
    };
    let changed_notice = (*elsewhere).then(|| {
        let stored = (*base).as_ref().map(|e| {
            html! {
                <p>{ w.details_saved_elsewhere }{" "}{ w.enterprise_name }{": "}{ &e.name }
                    {"; "}{ w.locality }{": "}{ &e.locality }</p>
            }
        });
        html! {
            <div class="aviso aviso--error" role="alert" data-testid="negocio-conflicto">
                <p>{ w.details_conflict }</p>
                { for stored }
            </div>
        }
    });
    let cancel = {
        let dispatch = props.dispatch.clone();
        let back = match &props.enterprise {
            Some(e) => Route::Enterprise(e.id.clone()),
            None => Route::List,
        };
        Callback::from(move |_| dispatch.dispatch(Action::Show(back.clone())))
    };
    let countries = COUNTRIES.iter().map(|code| {
        html! { <option value={*code} selected={draft.country == *code}>{ w.country(code) }</option> }
    });
    let sectors = props.sectors.iter().map(|(value, label)| {
        html! { <option value={value.clone()} selected={draft.sector == *value}>{ label }</option> }
    });
    html! {
        <section aria-labelledby={HEADING} data-testid="formulario-negocio">
            { heading(if is_new { w.new_enterprise_heading } else { w.edit_enterprise_heading }) }
            { for changed_notice }
            <form class="formulario" {onsubmit} novalidate=true>
                <p class="campo">
                    <label for="negocio-nombre">{ w.enterprise_name }</label>
                    <input id="negocio-nombre" class="caja" type="text" required=true maxlength="200"
                        value={draft.name.clone()} oninput={text(|f| &mut f.name)}
                        aria-invalid={(*error).then_some("true")}
                        aria-describedby={(*error).then_some("nombre-error")}
                        data-testid="negocio-nombre" />
                    if *error {
                        <span id="nombre-error" class="error" data-testid="nombre-error">{ w.name_required }</span>
                    }
                </p>
                if is_new {
                    <p class="campo">
                        <label for="negocio-pais">{ w.country }</label>
                        <select id="negocio-pais" class="lista" onchange={choice(|f| &mut f.country)}
                            data-testid="negocio-pais">
                            { for countries }
                        </select>
                    </p>
                }
                <p class="campo">
                    <label for="negocio-localidad">{ w.locality }</label>
                    <input id="negocio-localidad" class="caja" type="text" maxlength="200"
                        value={draft.locality.clone()} oninput={text(|f| &mut f.locality)}
                        data-testid="negocio-localidad" />
                </p>
                <p class="campo">
                    <label for="negocio-sector">{ w.sector }</label>
                    <select id="negocio-sector" class="lista" onchange={choice(|f| &mut f.sector)}
                        data-testid="negocio-sector">
                        <option value="" selected={draft.sector.is_empty()}>{ w.sector_unset }</option>
                        { for sectors }
                    </select>
                </p>
                <fieldset class="grupo-campos">
                    <legend>{ w.tags_legend }</legend>
                    <p class="nota" id="grupo-ayuda">{ w.tags_help }</p>
                    { tag_field("negocio-programa", w.programme, &draft.programme, text(|f| &mut f.programme)) }
                    { tag_field("negocio-institucion", w.institution, &draft.institution, text(|f| &mut f.institution)) }
                    { tag_field("negocio-periodo", w.term, &draft.term, text(|f| &mut f.term)) }
                    { tag_field("negocio-equipo", w.team, &draft.team, text(|f| &mut f.team)) }
                </fieldset>
                <div class="acciones">
                    <button type="submit" class="boton" data-testid="guardar-negocio">{ w.save }</button>
                    <button type="button" class="boton boton--secundario" onclick={cancel}>{ w.cancel }</button>
                </div>
            </form>
        </section>
    }
}

/// One optional cohort tag of the enterprise form; `id` is also its test id.
fn tag_field(
    id: &'static str,
    label: &'static str,
    value: &str,
    oninput: Callback<InputEvent>,
) -> Html {
    html! {
        <p class="campo">
            <label for={id}>{ label }</label>
            <input id={id} class="caja" type="text" maxlength="200" value={value.to_string()}
                {oninput} aria-describedby="grupo-ayuda" data-testid={id} autocomplete="off" />
        </p>
    }
}

fn visit_view(model: &Model, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
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
                dispatch.dispatch(Action::Flash(Some(words_for(&input).bad_date.to_string())));
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
                <p>{ w.conflict }</p>
                <div class="aviso__acciones">
                    <button type="button" class="boton" data-testid="conflicto-recargar" onclick={reload}>
                        { w.conflict_reload }
                    </button>
                    <button type="button" class="boton boton--secundario" data-testid="conflicto-ambas" onclick={keep_both}>
                        { w.conflict_keep_both }
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
                            summary { (w.show_qr) }
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
            html! { <p class="aviso aviso--error" role="alert">{ w.pack_failed }</p> }
        }
        _ => html! { <p class="cargando" role="status">{ w.loading_pack }</p> },
    };
    html! {
        <section class="visita-vista" aria-labelledby="visita-titulo" data-testid="visita-vista">
            <p class="no-imprimir">
                <button type="button" class="enlace" data-testid="volver-negocio"
                    onclick={go(dispatch, Route::Enterprise(enterprise.id.clone()))}>
                    { "← " }{ w.back_to }{ " " }{ &enterprise.name }
                </button>
            </p>
            <p class="solo-imprimir">{ "Umbral · " }{ w.print_heading }</p>
            <h2 id="visita-titulo" class="visita-titulo">{ &enterprise.name }{ " · " }{ w.visit_of }{ " " }{ &visit.date }</h2>
            { for conflict }
            <div class="visita-datos">
                <p class="campo no-imprimir">
                    <label for="visita-fecha">{ w.visit_date }</label>
                    <input id="visita-fecha" class="caja" type="date" value={visit.date.clone()}
                        onchange={on_date} data-testid="visita-fecha" />
                </p>
                <p class="campo">
                    <label for="visita-notas">{ w.notes }</label>
                    <textarea id="visita-notas" class="caja notas" rows="4" value={visit.notes.clone()}
                        oninput={on_notes} aria-describedby="notas-ayuda" data-testid="notas" />
                    <span id="notas-ayuda" class="nota no-imprimir">{ w.notes_help }</span>
                </p>
                <p class="solo-imprimir notas-impresas">{ &visit.notes }</p>
            </div>
            { body }
        </section>
    }
}

/// The words of the page's current language, read from `<html lang>` (for messages made in
/// event handlers that do not hold the model).
fn words_for(_: &HtmlInputElement) -> &'static Words {
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    words(crate::engine::Locale::parse(&lang).unwrap_or(crate::engine::Locale::Es))
}

fn privacy(model: &Model, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let download_aside = {
        let ctx = ctx.clone();
        Callback::from(move |_| effects::download_set_aside(&ctx))
    };
    let ask = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Ask(Some(Confirm::DeleteAll))))
    };
    let confirm = matches!(model.confirm, Some(Confirm::DeleteAll)).then(|| {
        let yes = {
            let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
            Callback::from(move |_| effects::delete_everything(&ctx, &dispatch))
        };
        confirm_box(w, w.confirm_delete_all, dispatch, yes)
    });
    html! {
        <section aria-labelledby={HEADING} data-testid="sus-datos">
            { heading(w.privacy_heading) }
            <p>{ w.privacy_what }</p>
            <p>{ w.privacy_where }</p>
            <p>{ w.privacy_leaves }</p>
            <p>{ w.privacy_clear }</p>
            <p data-testid="persistencia">{ persisted_text(model, w) }</p>
            <dl class="datos">
                <dt>{ w.counts_enterprises }</dt><dd data-testid="cuenta-negocios">{ model.enterprises.len() }</dd>
                <dt>{ w.counts_visits }</dt><dd data-testid="cuenta-visitas">{ model.visits.len() }</dd>
                <dt>{ w.counts_set_aside }</dt><dd data-testid="cuenta-apartados">{ model.set_aside_total }</dd>
            </dl>
            <div class="acciones">
                if model.set_aside_total > 0 {
                    <button type="button" class="boton boton--secundario" onclick={download_aside}
                        data-testid="descargar-apartados">
                        { w.download_set_aside }
                    </button>
                }
                if !model.enterprises.is_empty() || model.set_aside_total > 0 {
                    <button type="button" class="boton boton--secundario" data-testid="borrar-todo" onclick={ask}>
                        { w.delete_all }
                    </button>
                }
            </div>
            { for confirm }
        </section>
    }
}
