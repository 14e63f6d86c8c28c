//! Adding or editing an enterprise: its details and its cohort tags.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::state::COUNTRIES;

use super::browser;
use super::browser::new_enterprise;
use super::effects::{self, store, Ctx, Dispatch, HEADING};
use super::model::{Action, Model, Route};
use super::parts::{heading, sector_label};
use super::records::EnterpriseRecord;
use super::words::{words, Words};

pub(super) fn form(model: &Model, id: Option<&str>, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
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
                <p>{ w.details_saved_elsewhere() }{" "}{ w.enterprise_name() }{": "}{ &e.name }
                    {"; "}{ w.locality() }{": "}{ &e.locality }</p>
            }
        });
        html! {
            <div class="aviso aviso--error" role="alert" data-testid="negocio-conflicto">
                <p>{ w.details_conflict() }</p>
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
            { heading(if is_new { w.new_enterprise_heading() } else { w.edit_enterprise_heading() }) }
            { for changed_notice }
            <form class="formulario" {onsubmit} novalidate=true>
                <p class="campo">
                    <label for="negocio-nombre">{ w.enterprise_name() }</label>
                    <input id="negocio-nombre" class="caja" type="text" required=true maxlength="200"
                        value={draft.name.clone()} oninput={text(|f| &mut f.name)}
                        aria-invalid={(*error).then_some("true")}
                        aria-describedby={(*error).then_some("nombre-error")}
                        data-testid="negocio-nombre" />
                    if *error {
                        <span id="nombre-error" class="error" data-testid="nombre-error">{ w.name_required() }</span>
                    }
                </p>
                if is_new {
                    <p class="campo">
                        <label for="negocio-pais">{ w.country_label() }</label>
                        <select id="negocio-pais" class="lista" onchange={choice(|f| &mut f.country)}
                            data-testid="negocio-pais">
                            { for countries }
                        </select>
                    </p>
                }
                <p class="campo">
                    <label for="negocio-localidad">{ w.locality() }</label>
                    <input id="negocio-localidad" class="caja" type="text" maxlength="200"
                        value={draft.locality.clone()} oninput={text(|f| &mut f.locality)}
                        data-testid="negocio-localidad" />
                </p>
                <p class="campo">
                    <label for="negocio-sector">{ w.sector() }</label>
                    <select id="negocio-sector" class="lista" onchange={choice(|f| &mut f.sector)}
                        data-testid="negocio-sector">
                        <option value="" selected={draft.sector.is_empty()}>{ w.sector_unset() }</option>
                        { for sectors }
                    </select>
                </p>
                <fieldset class="grupo-campos">
                    <legend>{ w.tags_legend() }</legend>
                    <p class="nota" id="grupo-ayuda">{ w.tags_help() }</p>
                    { tag_field("negocio-programa", w.programme(), &draft.programme, text(|f| &mut f.programme)) }
                    { tag_field("negocio-institucion", w.institution(), &draft.institution, text(|f| &mut f.institution)) }
                    { tag_field("negocio-periodo", w.term(), &draft.term, text(|f| &mut f.term)) }
                    { tag_field("negocio-equipo", w.team(), &draft.team, text(|f| &mut f.team)) }
                </fieldset>
                <div class="acciones">
                    <button type="submit" class="boton" data-testid="guardar-negocio">{ w.save() }</button>
                    <button type="button" class="boton boton--secundario" onclick={cancel}>{ w.cancel() }</button>
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
