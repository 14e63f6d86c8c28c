//! Following a visit's roadmap through, under the visit's results: where each step the visit
//! recommends stands (and each step still open from an earlier visit), who takes it on and
//! when to look again; confirming, in a later visit, that a step done is in place, which is
//! the only way a step changes the answers; and, at a follow-up visit, what came of it (its
//! outcomes). Issue 14 and the field study's D1–D3: support that outlives one cohort, and
//! impact that can be checked.
//!
//! Steps are saved on the enterprise's record (`crate::workspace::follow`, through
//! `effects::store_step` and `effects::confirm_step`); outcomes on the open visit, through
//! the reducer and the visit's own save, as its notes are.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::answers::{question_for_field, value_label};
use crate::app::state::PackRc;
use crate::engine::{assess, Locale, Pack};
use crate::workspace::follow::StepUpdate;
use crate::workspace::{
    Enterprise, FollowStep, Outcomes, StepStatus, ToolUse, Who, MAX_REASON_CHARS,
};

use super::browser;
use super::effects::{self, Ctx, Dispatch};
use super::model::{answer_changes, Action, AnswerChange, Confirmed, Model, StepKey, StepNote};
use super::records::{is_date, EnterpriseRecord, VisitRecord};
use super::words::{words, Words};

/// A step listed for following through.
struct Row {
    key: StepKey,
    title: String,
    /// For a step of an earlier visit: "de la visita del 2026-03-02".
    from: Option<String>,
    record: Option<FollowStep>,
    /// Done in an earlier visit, not yet confirmed, and its entry changes answers.
    can_confirm: bool,
    /// Its entry changes answers once done and confirmed (its `sets`).
    sets_answers: bool,
}

/// A catalogue entry's name in `locale`, or its id when the pack lacks it.
fn entry_title(pack: &Pack, id: &str, locale: Locale) -> String {
    pack.entry(id).map_or_else(
        || id.to_string(),
        |i| pack.data.entries[i].name.get(locale).to_string(),
    )
}

/// Whether a step done of this entry changes answers once confirmed (its `sets`).
fn entry_sets_answers(pack: &Pack, id: &str) -> bool {
    pack.entry(id)
        .is_some_and(|i| !pack.data.entries[i].sets.is_empty())
}

/// Where each visit stands among the enterprise's visits (1 the first); `None` for a visit no
/// longer there.
fn visit_rank(enterprise: &Enterprise, id: &str) -> Option<usize> {
    enterprise
        .visits_in_order()
        .iter()
        .position(|v| v.id == id)
        .map(|p| p + 1)
}

/// Whether the step's visit came before the open one (a deleted visit did).
fn is_earlier(enterprise: &Enterprise, step_visit: &str, open: &str) -> bool {
    match (
        visit_rank(enterprise, step_visit),
        visit_rank(enterprise, open),
    ) {
        (Some(step), Some(open)) => step < open,
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// The steps to list for the open visit: first those of earlier visits still open, done and
/// waiting to be confirmed, or confirmed in this visit (by their latest record), then the
/// steps this visit's roadmap recommends that are not among them, in the report's order.
fn rows(model: &Model, enterprise: &Enterprise, visit: &VisitRecord, pack: &Pack) -> Vec<Row> {
    let w = words(model.locale);
    let mut rows: Vec<Row> = Vec::new();
    for s in enterprise.latest_steps() {
        if s.visit == visit.id || !is_earlier(enterprise, &s.visit, &visit.id) {
            continue;
        }
        let waiting = s.status == StepStatus::Done
            && s.confirmed_in.is_none()
            && entry_sets_answers(pack, &s.step);
        let confirmed_here = s.confirmed_in.as_deref() == Some(visit.id.as_str());
        if !(s.status.is_open() || waiting || confirmed_here) {
            continue;
        }
        let from = match enterprise.visit(&s.visit) {
            Some(v) => format!("{} {}", w.from_visit_of(), v.date),
            None => w.from_earlier_visit().to_string(),
        };
        rows.push(Row {
            key: StepKey {
                visit: s.visit.clone(),
                step: s.step.clone(),
            },
            title: entry_title(pack, &s.step, model.locale),
            from: Some(from),
            record: Some(s.clone()),
            can_confirm: waiting,
            sets_answers: entry_sets_answers(pack, &s.step),
        });
    }
    let profile = visit.profile_or_new(&enterprise.country);
    let report = assess(pack, &profile, model.locale);
    for s in &report.steps {
        let Some(first) = s.options.first() else {
            continue;
        };
        if rows.iter().any(|r| r.key.step == first.id) {
            continue;
        }
        rows.push(Row {
            key: StepKey {
                visit: visit.id.clone(),
                step: first.id.to_string(),
            },
            title: first.name.to_string(),
            from: None,
            record: enterprise.step(&visit.id, first.id).cloned(),
            can_confirm: false,
            sets_answers: entry_sets_answers(pack, first.id),
        });
    }
    rows
}

/// An answer a confirmed step changed, in words: the question, what it said before and now.
fn change_line(pack: &Pack, change: &AnswerChange, w: &Words) -> String {
    let locale = w.locale;
    let question = question_for_field(pack, &change.path)
        .map_or_else(|| change.path.clone(), |q| q.text.get(locale).to_string());
    let say = |value: &Option<serde_json::Value>| match value {
        Some(value) => value_label(pack, &change.path, value, locale),
        None => w.unanswered().to_string(),
    };
    format!(
        "{question} — {}: {}; {}: {}",
        w.change_before(),
        say(&change.before),
        w.change_after(),
        say(&change.after)
    )
}

/// The steps of the open visit followed through, and at a follow-up visit its outcomes: drawn
/// under the visit's results.
pub fn section(model: &Model, pack: &PackRc, ctx: &Rc<Ctx>, dispatch: &Dispatch) -> Html {
    let w = words(model.locale);
    let Some(editing) = &model.editing else {
        return Html::default();
    };
    let visit = &editing.visit;
    let Some(enterprise) = model.full_enterprise(&visit.enterprise) else {
        return Html::default();
    };
    let rows = rows(model, &enterprise, visit, &pack.0);
    let earlier = rows.iter().filter(|r| r.from.is_some()).count();
    let saving = matches!(model.step_note, Some((_, StepNote::Saving)));
    let draw = |row: &Row| {
        let key = row.key.clone();
        let on_save = {
            let (ctx, dispatch, key) = (ctx.clone(), dispatch.clone(), key.clone());
            let (enterprise, device, locale) =
                (enterprise.clone(), model.device.clone(), model.locale);
            Callback::from(move |draft: StepDraft| {
                let Some(status) = draft.status else { return };
                let mut next = enterprise.clone();
                let base = next.revision();
                let update = StepUpdate {
                    status,
                    reason: (status == StepStatus::Dropped).then(|| draft.reason.trim()),
                    who: draft.who,
                    follow_up: (!draft.follow_up.is_empty()).then_some(draft.follow_up.as_str()),
                };
                match next.set_step(&key.visit, &key.step, update, &device, &browser::now()) {
                    Ok(()) => {
                        let record = EnterpriseRecord::new(next);
                        if record.revision() == base {
                            // Already saved so: nothing to write.
                            dispatch.dispatch(Action::StepStored(record, key.clone()));
                        } else {
                            let id = &enterprise.id;
                            if let Some(write) =
                                effects::StepWrite::begin(&ctx, &dispatch, id, &key)
                            {
                                effects::store_step(&ctx, &dispatch, record, base, write);
                            }
                        }
                    }
                    Err(error) => {
                        dispatch.dispatch(Action::StepRefused(key.clone(), error.message(locale)))
                    }
                }
            })
        };
        let on_confirm = {
            let (ctx, dispatch, key) = (ctx.clone(), dispatch.clone(), key.clone());
            let (enterprise, device, locale) =
                (enterprise.clone(), model.device.clone(), model.locale);
            let (pack, open) = (pack.clone(), visit.id.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = enterprise.clone();
                let base = next.revision();
                let Some(before) = next.visit(&open).cloned() else {
                    return;
                };
                let now = browser::now();
                match next.confirm_step(&key.visit, &key.step, &open, &pack.0, &device, &now) {
                    Ok(changed) => {
                        let after = next.visit(&open).cloned().unwrap_or_else(|| before.clone());
                        let changes = answer_changes(&before.profile, &after.profile, &changed);
                        let visit =
                            (!changed.is_empty()).then(|| VisitRecord::new(&next.id, after));
                        let confirmed = Confirmed {
                            key: key.clone(),
                            enterprise: EnterpriseRecord::new(next),
                            visit,
                            changes,
                        };
                        let id = &enterprise.id;
                        if let Some(write) = effects::StepWrite::begin(&ctx, &dispatch, id, &key) {
                            let revision = before.revision();
                            effects::confirm_step(
                                &ctx, &dispatch, confirmed, base, revision, write,
                            );
                        }
                    }
                    Err(error) => {
                        dispatch.dispatch(Action::StepRefused(key.clone(), error.message(locale)))
                    }
                }
            })
        };
        let note = model
            .step_note
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, note)| note.clone());
        let change_lines = match &note {
            Some(StepNote::Confirmed(changes)) => {
                changes.iter().map(|c| change_line(&pack.0, c, w)).collect()
            }
            _ => Vec::new(),
        };
        let confirmed_here = row
            .record
            .as_ref()
            .is_some_and(|r| r.confirmed_in.as_deref() == Some(visit.id.as_str()));
        let id = format!("paso-{}-{}", key.visit, key.step);
        let row_key = id.clone();
        html! {
            <StepRow key={row_key} words={w} {id} title={row.title.clone()} from={row.from.clone()}
                record={row.record.clone()} {note} {change_lines} can_confirm={row.can_confirm}
                confirm_later={row.from.is_none() && row.sets_answers}
                {confirmed_here} {saving} {on_save} {on_confirm} />
        }
    };
    let (before, this): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|r| r.from.is_some());
    let follow_up = enterprise
        .visits_in_order()
        .first()
        .is_some_and(|first| first.id != visit.id);
    let outcomes = follow_up.then(|| outcomes_form(model, &enterprise, visit, pack, dispatch));
    html! {
        <>
            <section class="seguimiento no-imprimir" aria-labelledby="seguimiento-titulo" data-testid="seguimiento">
                <h3 id="seguimiento-titulo">{ w.follow_heading() }</h3>
                <p class="nota">{ w.follow_intro() }</p>
                if earlier > 0 {
                    <h4>{ w.follow_earlier() }</h4>
                    <ul class="seguimiento__pasos" data-testid="pasos-anteriores">{ for before.into_iter().map(&draw) }</ul>
                }
                <h4>{ w.follow_this_visit() }</h4>
                if this.is_empty() {
                    <p>{ w.follow_none() }</p>
                } else {
                    <ul class="seguimiento__pasos" data-testid="pasos-de-esta-visita">{ for this.into_iter().map(&draw) }</ul>
                }
            </section>
            { for outcomes }
        </>
    }
}

/// A step's form as typed, kept until saved (and after a refused save).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StepDraft {
    /// `None`: not agreed yet.
    status: Option<StepStatus>,
    who: Option<Who>,
    /// `YYYY-MM-DD`, or empty.
    follow_up: String,
    reason: String,
}

impl StepDraft {
    fn of(record: Option<&FollowStep>) -> StepDraft {
        match record {
            Some(s) => StepDraft {
                status: Some(s.status),
                who: s.who,
                follow_up: s.follow_up.clone().unwrap_or_default(),
                reason: s.reason.clone().unwrap_or_default(),
            },
            None => StepDraft::default(),
        }
    }
}

/// What is wrong with a step's form, shown by the field it concerns.
#[derive(Clone, Copy, Debug, PartialEq)]
enum DraftError {
    Status,
    Reason,
    ReasonLong,
    Date,
}

impl DraftError {
    fn of(draft: &StepDraft) -> Option<DraftError> {
        match draft.status {
            None => Some(DraftError::Status),
            Some(StepStatus::Dropped) if draft.reason.trim().is_empty() => Some(DraftError::Reason),
            Some(StepStatus::Dropped) if draft.reason.trim().chars().count() > MAX_REASON_CHARS => {
                Some(DraftError::ReasonLong)
            }
            _ if !draft.follow_up.is_empty() && !is_date(&draft.follow_up) => {
                Some(DraftError::Date)
            }
            _ => None,
        }
    }

    fn text(self, w: &Words) -> &'static str {
        match self {
            DraftError::Status => w.step_status_required(),
            DraftError::Reason => w.step_reason_required(),
            DraftError::ReasonLong => w.step_reason_too_long(),
            DraftError::Date => w.step_bad_date(),
        }
    }

    /// The suffix of the id of the field it concerns.
    fn field(self) -> &'static str {
        match self {
            DraftError::Status => "estado",
            DraftError::Reason | DraftError::ReasonLong => "razon",
            DraftError::Date => "fecha",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct StepRowProps {
    pub words: &'static Words,
    /// Unique on the page: the prefix of the row's element ids.
    pub id: String,
    pub title: String,
    pub from: Option<String>,
    pub record: Option<FollowStep>,
    pub note: Option<StepNote>,
    /// The answers a confirmation changed, in words.
    pub change_lines: Vec<String>,
    pub can_confirm: bool,
    /// A step of this enterprise is being written: the buttons wait.
    pub saving: bool,
    /// Recommended by the open visit, and its entry changes answers: once done, a later
    /// visit confirms it.
    pub confirm_later: bool,
    pub confirmed_here: bool,
    pub on_save: Callback<StepDraft>,
    pub on_confirm: Callback<MouseEvent>,
}

/// One step: how it stands, who does it, when to look again, why it was dropped; saved with
/// its button. What was typed stays in the form whatever the save came to.
#[component]
pub fn StepRow(props: &StepRowProps) -> Html {
    let w = props.words;
    let draft = use_state(|| StepDraft::of(props.record.as_ref()));
    let error = use_state(|| None::<DraftError>);
    let id = |suffix: &str| format!("{}-{suffix}", props.id);
    // Once confirmed, what changed is said where the button was, and focus goes there.
    {
        let note = id("aviso");
        let confirmed = matches!(props.note, Some(StepNote::Confirmed(_)));
        use_effect_with(confirmed, move |confirmed| {
            if *confirmed {
                browser::focus(&note);
            }
        });
    }
    // A change to one field of the form, from the value of the element that changed.
    let set = |change: fn(&mut StepDraft, String)| {
        let (draft, error) = (draft.clone(), error.clone());
        move |value: String| {
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
            error.set(None);
        }
    };
    let on_status = {
        let set = set(|d, v| d.status = StepStatus::parse(&v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_who = {
        let set = set(|d, v| d.who = Who::parse(&v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_date = {
        let set = set(|d, v| d.follow_up = v);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_reason = {
        let set = set(|d, v| d.reason = v);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    // While a save is being written, pressing again does nothing (the buttons say so).
    let saving = props.saving;
    let on_confirm = {
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |e: MouseEvent| {
            if !saving {
                on_confirm.emit(e);
            }
        })
    };
    let on_save = {
        let (draft, error, on_save, prefix) = (
            draft.clone(),
            error.clone(),
            props.on_save.clone(),
            props.id.clone(),
        );
        Callback::from(move |_: MouseEvent| match DraftError::of(&draft) {
            _ if saving => {}
            Some(problem) => {
                error.set(Some(problem));
                browser::focus(&format!("{prefix}-{}", problem.field()));
            }
            None => {
                error.set(None);
                on_save.emit((*draft).clone());
            }
        })
    };
    let problem = *error;
    let invalid = |field: &str| problem.filter(|p| p.field() == field);
    let described = |field: &str, help: Option<String>| -> Option<String> {
        let ids: Vec<String> = help
            .into_iter()
            .chain(invalid(field).map(|_| id(&format!("{field}-error"))))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    // Always there, empty without an error: a field whose siblings change is redrawn, and
    // would lose the focus the error gives it.
    let error_text = |field: &str| {
        let problem = invalid(field);
        html! {
            <span id={id(&format!("{field}-error"))} class="error"
                data-testid={problem.map(|_| "paso-error")}>
                { problem.map(|p| p.text(w)).unwrap_or_default() }
            </span>
        }
    };
    let status = draft.status;
    let statuses = StepStatus::ALL.iter().map(|s| {
        html! { <option value={s.code()} selected={status == Some(*s)}>{ w.status(*s) }</option> }
    });
    let whos = Who::ALL.iter().map(|who| {
        html! { <option value={who.code()} selected={draft.who == Some(*who)}>{ w.who(*who) }</option> }
    });
    let dropped = status == Some(StepStatus::Dropped);
    let note = match &props.note {
        Some(StepNote::Saving) => html! { <p>{ w.step_saving() }</p> },
        Some(StepNote::Saved) => html! { <p>{ w.step_saved() }</p> },
        Some(StepNote::ChangedElsewhere) => {
            html! { <p class="error">{ w.step_changed_elsewhere() }</p> }
        }
        Some(StepNote::Refused(why)) => {
            html! { <p class="error">{ w.step_not_saved() }{ " " }{ why }</p> }
        }
        Some(StepNote::Confirmed(_)) => html! {
            <>
                <p>{ w.step_confirmed() }{ " " }
                    if props.change_lines.is_empty() { { w.step_confirmed_nothing() } } else { { w.step_confirmed_changed() } }
                </p>
                if !props.change_lines.is_empty() {
                    <ul data-testid="respuestas-cambiadas">
                        { for props.change_lines.iter().map(|line| html! { <li>{ line }</li> }) }
                    </ul>
                }
            </>
        },
        None if props.confirmed_here => html! { <p>{ w.step_confirmed() }</p> },
        None => Html::default(),
    };
    let saved_done = props
        .record
        .as_ref()
        .is_some_and(|r| r.status == StepStatus::Done);
    let status_id = id("estado");
    html! {
        <li class="seguimiento__paso" data-testid="seguimiento-paso">
            <fieldset class="grupo-campos">
                <legend>
                    <span class="seguimiento__titulo" data-testid="paso-titulo">{ &props.title }</span>
                    if let Some(from) = &props.from {
                        { " " }<span class="nota" data-testid="paso-origen">{ "(" }{ from }{ ")" }</span>
                    }
                </legend>
                <div class="seguimiento__campos">
                    <p class="campo">
                        <label for={status_id.clone()}>{ w.step_status() }</label>
                        <select id={status_id} class="lista" onchange={on_status} data-testid="paso-estado"
                            aria-invalid={invalid("estado").map(|_| "true")}
                            aria-describedby={described("estado", None)}>
                            // A step saved once is followed: it can change status, not go back to unagreed.
                            if props.record.is_none() {
                                <option value="" selected={status.is_none()}>{ w.status_unset() }</option>
                            }
                            { for statuses }
                        </select>
                        { error_text("estado") }
                    </p>
                    <p class="campo">
                        <label for={id("quien")}>{ w.step_who() }</label>
                        <select id={id("quien")} class="lista" onchange={on_who} data-testid="paso-quien">
                            <option value="" selected={draft.who.is_none()}>{ w.who_unset() }</option>
                            { for whos }
                        </select>
                    </p>
                    <p class="campo">
                        <label for={id("fecha")}>{ w.step_follow_up() }</label>
                        <input id={id("fecha")} class="caja" type="date" value={draft.follow_up.clone()}
                            onchange={on_date} data-testid="paso-fecha"
                            aria-invalid={invalid("fecha").map(|_| "true")}
                            aria-describedby={described("fecha", None)} />
                        { error_text("fecha") }
                    </p>
                </div>
                if dropped {
                    <p class="campo">
                        <label for={id("razon")}>{ w.step_reason() }</label>
                        <textarea id={id("razon")} class="caja" rows="2" maxlength="500"
                            value={draft.reason.clone()} oninput={on_reason} data-testid="paso-razon"
                            aria-invalid={invalid("razon").map(|_| "true")}
                            aria-describedby={described("razon", Some(id("razon-ayuda")))} />
                        <span id={id("razon-ayuda")} class="nota">{ w.step_reason_help() }</span>
                        { error_text("razon") }
                    </p>
                }
                <div class="acciones">
                    <button type="button" class="boton boton--secundario" onclick={on_save}
                        aria-disabled={saving.then_some("true")} data-testid="paso-guardar">
                        { w.step_save() }
                    </button>
                    if props.can_confirm {
                        <button type="button" class="boton" onclick={on_confirm}
                            aria-disabled={saving.then_some("true")}
                            aria-describedby={id("confirmar-ayuda")} data-testid="paso-confirmar">
                            { w.step_confirm() }
                        </button>
                    }
                </div>
                if props.can_confirm {
                    <p id={id("confirmar-ayuda")} class="nota">{ w.step_confirm_help() }</p>
                } else if saved_done && props.confirm_later {
                    <p class="nota">{ w.step_done_later() }</p>
                }
                <div id={id("aviso")} class="seguimiento__aviso" role="status" tabindex="-1" data-testid="paso-aviso">
                    { note }
                </div>
            </fieldset>
        </li>
    }
}

/// The outcomes form of a follow-up visit, with the channels the pack asks about and the steps
/// done in earlier visits.
fn outcomes_form(
    model: &Model,
    enterprise: &Enterprise,
    visit: &VisitRecord,
    pack: &PackRc,
    dispatch: &Dispatch,
) -> Html {
    let w = words(model.locale);
    let channels: Vec<(String, String)> = question_for_field(&pack.0, "presence.channels")
        .map(|q| {
            q.options
                .iter()
                .filter_map(|o| match &o.value {
                    crate::engine::pack::OptionValue::Text(value) => {
                        Some((value.clone(), o.label.get(model.locale).to_string()))
                    }
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let tools: Vec<(String, String)> = enterprise
        .latest_steps()
        .into_iter()
        .filter(|s| s.status == StepStatus::Done && is_earlier(enterprise, &s.visit, &visit.id))
        .map(|s| (s.step.clone(), entry_title(&pack.0, &s.step, model.locale)))
        .collect();
    let on_change = {
        let dispatch = dispatch.clone();
        Callback::from(move |outcomes: Option<Outcomes>| {
            dispatch.dispatch(Action::Outcomes(outcomes, browser::now()))
        })
    };
    html! {
        <OutcomesForm key={visit.id.clone()} words={w} outcomes={visit.outcomes.clone()} {channels} {tools} {on_change} />
    }
}

#[derive(Properties, PartialEq)]
pub struct OutcomesFormProps {
    pub words: &'static Words,
    pub outcomes: Option<Outcomes>,
    /// The profile's `presence.channels` values and their words.
    pub channels: Vec<(String, String)>,
    /// The steps done in earlier visits: entry id and title.
    pub tools: Vec<(String, String)>,
    pub on_change: Callback<Option<Outcomes>>,
}

/// A yes/no question as a group of two radio buttons.
fn yes_no(
    w: &Words,
    name: &str,
    legend: Html,
    value: Option<bool>,
    on_change: Callback<bool>,
) -> Html {
    let choice = |answer: bool, label: &'static str| {
        let on_change = on_change.clone();
        let id = format!("{name}-{}", if answer { "si" } else { "no" });
        html! {
            <label class="opcion-linea" for={id.clone()}>
                <input type="radio" id={id.clone()} name={name.to_string()} checked={value == Some(answer)}
                    onchange={Callback::from(move |_: Event| on_change.emit(answer))}
                    data-testid={id} />
                { " " }{ label }
            </label>
        }
    };
    html! {
        <fieldset class="grupo-campos">
            <legend>{ legend }</legend>
            { choice(true, w.yes()) }
            { choice(false, w.no()) }
        </fieldset>
    }
}

/// What a follow-up visit found: whether the enterprise sells online, through which channels,
/// the share of its sales that start online, and whether it still uses what it took up. Each
/// change is saved with the visit at once; a share that is not a whole number from 0 to 100
/// is said so and not saved, and stays in the box as typed.
#[component]
pub fn OutcomesForm(props: &OutcomesFormProps) -> Html {
    let w = props.words;
    let share_text = use_state(|| {
        props
            .outcomes
            .as_ref()
            .and_then(|o| o.online_share)
            .map(|n| n.to_string())
            .unwrap_or_default()
    });
    let share_error = use_state(|| false);
    // The share as stored changed under the box (another tab's, on reloading the visit): the
    // box shows it, unless it holds what the user is still correcting.
    {
        let (share_text, share_error) = (share_text.clone(), share_error.clone());
        let stored = props.outcomes.as_ref().and_then(|o| o.online_share);
        use_effect_with(stored, move |stored| {
            let shown = share_text.trim().parse::<u8>().ok();
            if shown != *stored && !*share_error {
                share_text.set(stored.map(|n| n.to_string()).unwrap_or_default());
            }
        });
    }
    let current = props.outcomes.clone();
    let with = |change: Rc<dyn Fn(&mut Outcomes)>| {
        let (current, on_change) = (current.clone(), props.on_change.clone());
        move || {
            let Some(mut next) = current.clone() else {
                return;
            };
            change(&mut next);
            on_change.emit(Some(next));
        }
    };
    let on_selling = {
        let (current, on_change) = (current.clone(), props.on_change.clone());
        let (share_text, share_error) = (share_text.clone(), share_error.clone());
        Callback::from(move |selling: bool| {
            let mut next = current.clone().unwrap_or(Outcomes {
                selling_online: selling,
                channels: Vec::new(),
                online_share: None,
                tools: Vec::new(),
            });
            next.selling_online = selling;
            if !selling {
                share_text.set(String::new());
                share_error.set(false);
            }
            on_change.emit(Some(next));
        })
    };
    let selling = current.as_ref().map(|o| o.selling_online);
    let channels = props.channels.iter().map(|(value, label)| {
        let checked = current.as_ref().is_some_and(|o| o.channels.contains(value));
        let all: Vec<String> = props.channels.iter().map(|(v, _)| v.clone()).collect();
        let value_ = value.clone();
        let toggle = with(Rc::new(move |o: &mut Outcomes| {
            let mut chosen = o.channels.clone();
            if chosen.contains(&value_) {
                chosen.retain(|c| *c != value_);
            } else {
                chosen.push(value_.clone());
            }
            // In the order the question lists them.
            o.channels = all.iter().filter(|v| chosen.contains(v)).cloned().collect();
        }));
        let id = format!("canal-{value}");
        html! {
            <label class="opcion-linea" for={id.clone()}>
                <input type="checkbox" id={id.clone()} {checked}
                    onchange={Callback::from(move |_: Event| toggle())} data-testid={id} />
                { " " }{ label }
            </label>
        }
    });
    let on_share = {
        let (share_text, share_error) = (share_text.clone(), share_error.clone());
        let (current, on_change) = (current.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            share_text.set(text.clone());
            let trimmed = text.trim();
            let share = if trimmed.is_empty() {
                Some(None)
            } else {
                trimmed.parse::<u8>().ok().filter(|n| *n <= 100).map(Some)
            };
            match (share, current.clone()) {
                (Some(share), Some(mut next)) => {
                    share_error.set(false);
                    if next.online_share != share {
                        next.online_share = share;
                        on_change.emit(Some(next));
                    }
                }
                (Some(_), None) => share_error.set(false),
                (None, _) => share_error.set(true),
            }
        })
    };
    let tools = props.tools.iter().map(|(entry, title)| {
        let using = current
            .as_ref()
            .and_then(|o| o.tools.iter().find(|t| t.entry == *entry))
            .map(|t| t.still_using);
        let on_change = {
            let (current, on_change, entry) =
                (current.clone(), props.on_change.clone(), entry.clone());
            Callback::from(move |still_using: bool| {
                let Some(mut next) = current.clone() else {
                    return;
                };
                match next.tools.iter_mut().find(|t| t.entry == entry) {
                    Some(tool) => tool.still_using = still_using,
                    None => next.tools.push(ToolUse {
                        entry: entry.clone(),
                        still_using,
                    }),
                }
                on_change.emit(Some(next));
            })
        };
        let legend = html! { <>{ title }{ " — " }{ w.outcomes_still_using() }</> };
        yes_no(w, &format!("sigue-{entry}"), legend, using, on_change)
    });
    html! {
        <section class="resultados-seguimiento no-imprimir" aria-labelledby="resultados-titulo" data-testid="resultados-seguimiento">
            <h3 id="resultados-titulo">{ w.outcomes_heading() }</h3>
            { yes_no(w, "vende-en-linea", html! { { w.outcomes_selling() } }, selling, on_selling) }
            if selling.is_none() {
                <p class="nota">{ w.outcomes_rest_later() }</p>
            }
            if selling == Some(true) {
                <fieldset class="grupo-campos">
                    <legend>{ w.outcomes_channels() }</legend>
                    { for channels }
                </fieldset>
                <p class="campo">
                    <label for="parte-en-linea">{ w.outcomes_share() }</label>
                    <input id="parte-en-linea" class="caja caja--corta" type="text" inputmode="numeric"
                        value={(*share_text).clone()} oninput={on_share}
                        aria-invalid={(*share_error).then_some("true")}
                        aria-describedby={if *share_error { "parte-ayuda parte-error" } else { "parte-ayuda" }}
                        data-testid="parte-en-linea" autocomplete="off" />
                    <span id="parte-ayuda" class="nota">{ w.outcomes_share_help() }</span>
                    // Always there (see `StepRow`): the box keeps its focus as the error shows.
                    <span id="parte-error" class="error" data-testid={share_error.then_some("parte-error")}>
                        { if *share_error { w.outcomes_share_error() } else { "" } }
                    </span>
                </p>
            }
            if selling.is_some() && !props.tools.is_empty() {
                <h4>{ w.outcomes_tools() }</h4>
                { for tools }
            }
        </section>
    }
}
