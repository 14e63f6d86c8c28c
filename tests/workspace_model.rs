//! The workspace page's model, natively: its reducer (`umbral::workspace_page::model`) over the
//! stored records (`umbral::workspace_page::records`). The page's effects read IndexedDB, the
//! clock and the network; here the tests hand the same things in as actions, as the effects
//! do, and read what the page would show.

use std::rc::Rc;

use serde_json::{json, Value as Json};
use umbral::app::state::{Action as AppAction, PackRc, Screen};
use umbral::engine::pack::OptionValue;
use umbral::engine::{Locale, Pack};
use umbral::workspace::follow::StepUpdate;
use umbral::workspace::{Enterprise, Outcomes, StepStatus, ToolUse, Visit, Who};
use umbral::workspace_page::model::{
    answer_changes, Action, AnswerChange, Confirmed, Model, Phase, Problem, Route, Sort, StepKey,
    StepNote,
};
use umbral::workspace_page::records::{DbError, EnterpriseRecord, Loaded, VisitRecord};
use umbral::workspace_page::words::words;

const DEVICE: &str = "device-a";
const EARLY: &str = "2026-03-01T09:00:00Z";

fn mexico() -> PackRc {
    let compiled = umbral::packs::compile("mx", &umbral::packs::builtin(), None);
    PackRc(Rc::new(compiled.pack.expect("the pack compiles")))
}

fn enterprise(id: &str, name: &str, locality: &str) -> EnterpriseRecord {
    let mut enterprise = Enterprise::new(id, name, "MX", DEVICE, EARLY);
    enterprise.locality = locality.to_string();
    EnterpriseRecord::new(enterprise)
}

fn visit(enterprise: &str, id: &str, date: &str, profile: Json) -> VisitRecord {
    VisitRecord::new(enterprise, Visit::new(id, date, profile, DEVICE, EARLY))
}

fn bare() -> Json {
    json!({"schema": "umbral.profile/2", "country": "MX"})
}

/// Two enterprises, one visited in March and one in May, loaded on `DEVICE`.
fn loaded() -> Model {
    let mut model = Model::new(Locale::Es);
    model.update(Action::Loaded(Box::new(Loaded {
        enterprises: vec![
            enterprise("ana", "Tejidos Ana", "Teotitlán del Valle"),
            enterprise("rosa", "Mezcal Doña Rosa", "Santiago Matatlán"),
        ],
        visits: vec![
            visit("ana", "ana-1", "2026-03-02", bare()),
            visit("rosa", "rosa-1", "2026-05-10", bare()),
        ],
        device: Some(DEVICE.to_string()),
        ..Loaded::default()
    })));
    model
}

fn listed(model: &Model) -> Vec<&str> {
    model.listed().iter().map(|e| e.id.as_str()).collect()
}

/// The first question with a choice, and its first option's value, as an answer action.
fn first_answer(pack: &Pack) -> AppAction {
    let (question, value) = pack
        .data
        .questions
        .iter()
        .enumerate()
        .find_map(|(i, q)| match &q.options.first()?.value {
            OptionValue::Text(t) => Some((i, json!(t))),
            OptionValue::Bool(b) => Some((i, json!(b))),
            _ => None,
        })
        .expect("a question with a choice");
    AppAction::Answer {
        question,
        value: Some(value),
    }
}

#[test]
fn a_load_lists_by_last_visit_and_the_search_ignores_case_and_accents() {
    let mut model = loaded();
    assert_eq!(model.phase, Phase::Ready);
    assert_eq!(model.device, DEVICE);
    assert_eq!(listed(&model), ["rosa", "ana"], "latest visit first");

    model.update(Action::Search("TEOTITLAN".into()));
    assert_eq!(listed(&model), ["ana"]);
    model.update(Action::Search("dona matatlan".into()));
    assert_eq!(listed(&model), ["rosa"]);
    model.update(Action::Search(String::new()));
    model.update(Action::Sort(Sort::Name));
    assert_eq!(listed(&model), ["rosa", "ana"], "Mezcal before Tejidos");
}

#[test]
fn readiness_is_scored_once_the_pack_arrives() {
    let mut model = loaded();
    let latest = model.visits[0].clone();
    assert_eq!(model.score(&latest), None, "no pack yet");
    assert_eq!(model.packs_wanted().into_iter().collect::<Vec<_>>(), ["MX"]);
    model.update(Action::PackLoaded("MX".into(), Ok(mexico())));
    assert!(model.score(&latest).is_some());
    assert!(model.packs_wanted().is_empty());
}

#[test]
fn an_answer_is_saved_with_the_time_and_device_it_comes_with() {
    let pack = mexico();
    let mut model = loaded();
    model.update(Action::PackLoaded("MX".into(), Ok(pack.clone())));

    // Nothing open: a questionnaire action changes nothing.
    let before = model.clone();
    model.update(Action::Assess(
        first_answer(&pack.0),
        "2026-06-01T10:00:00Z".into(),
    ));
    assert_eq!(model, before);

    let open = model
        .visits
        .iter()
        .find(|v| v.id == "ana-1")
        .unwrap()
        .clone();
    model.update(Action::OpenVisit(open));
    assert_eq!(model.route, Route::Visit("ana-1".into()));
    let editing = model.editing.as_ref().expect("the visit is open");
    assert_eq!(
        editing.assessment.screen,
        Screen::Questions,
        "no answers yet"
    );

    model.update(Action::Assess(
        first_answer(&pack.0),
        "2026-06-01T10:00:00Z".into(),
    ));
    let saved = model.visits.iter().find(|v| v.id == "ana-1").unwrap();
    assert_eq!(saved.updated, "2026-06-01T10:00:00Z");
    assert_eq!(saved.edits[DEVICE], 2, "one save at creation, one now");
    assert_eq!(model.save_seq, 1, "the page writes the visit");
    assert_ne!(saved.profile, bare());

    // The same answer again changes nothing, so nothing is written.
    model.update(Action::Assess(
        first_answer(&pack.0),
        "2026-06-01T10:05:00Z".into(),
    ));
    assert_eq!(model.save_seq, 1);
    let saved = model.visits.iter().find(|v| v.id == "ana-1").unwrap();
    assert_eq!(saved.updated, "2026-06-01T10:00:00Z");

    // Leaving the visit closes it.
    model.update(Action::Show(Route::List));
    assert!(model.editing.is_none());
}

#[test]
fn notes_are_cut_at_the_hand_off_files_limit_and_the_page_says_so() {
    let mut model = loaded();
    let open = model.visits[0].clone();
    model.update(Action::OpenVisit(open));
    model.update(Action::Notes(
        "ñ".repeat(20_001),
        "2026-06-01T10:00:00Z".into(),
    ));
    let editing = model.editing.as_ref().unwrap();
    assert_eq!(editing.visit.notes.chars().count(), 20_000);
    assert_eq!(
        model.flash.as_deref(),
        Some(words(Locale::Es).notes_cut()),
        "said in the page's language"
    );
    model.update(Action::Notes(
        "Visitar en junio.".into(),
        "2026-06-01T10:01:00Z".into(),
    ));
    assert_eq!(model.save_seq, 2);
}

#[test]
fn a_failed_write_is_shown_until_a_save_succeeds() {
    let mut model = loaded();
    model.update(Action::SaveFailed(DbError::Quota));
    assert_eq!(model.problem, Some(Problem::Quota));
    model.update(Action::Saved);
    assert_eq!(model.problem, None);

    let open = model.visits[0].clone();
    model.update(Action::OpenVisit(open.clone()));
    model.update(Action::SaveFailed(DbError::Conflict(Some(3))));
    assert!(model.conflict, "the open visit changed in another tab");
    model.update(Action::Reloaded(open));
    assert!(!model.conflict, "reloaded from storage");
}

#[test]
fn an_enterprise_deleted_in_another_tab_leaves_its_screen() {
    let mut model = loaded();
    model.update(Action::Show(Route::Enterprise("ana".into())));
    model.update(Action::Select("ana".into(), true));
    model.update(Action::Loaded(Box::new(Loaded {
        enterprises: vec![enterprise("rosa", "Mezcal Doña Rosa", "")],
        visits: vec![visit("rosa", "rosa-1", "2026-05-10", bare())],
        ..Loaded::default()
    })));
    assert_eq!(model.route, Route::List);
    assert!(model.selected.is_empty());
    assert_eq!(
        model.device, DEVICE,
        "a load without a device id keeps the one known"
    );
}

#[test]
fn deleting_everything_clears_the_list_and_says_so() {
    let mut model = loaded();
    model.update(Action::Exported(
        vec!["ana".into()],
        "2026-05-01T00:00:00Z".into(),
    ));
    assert_eq!(
        model.unexported(),
        1,
        "only Doña Rosa's visit was never exported"
    );
    model.update(Action::Deleted(None));
    assert!(model.enterprises.is_empty() && model.visits.is_empty());
    assert!(model.exported.is_empty());
    assert_eq!(model.flash.as_deref(), Some(words(Locale::Es).deleted()));
}

/// The reducer reads no clock and no storage: the same actions give the same model.
#[test]
fn the_same_actions_give_the_same_model() {
    let run = || {
        let mut model = loaded();
        model.update(Action::PackLoaded("MX".into(), Ok(mexico())));
        let open = model.visits[1].clone();
        model.update(Action::OpenVisit(open));
        model.update(Action::Date(
            "2026-05-11".into(),
            "2026-05-11T08:00:00Z".into(),
        ));
        model.update(Action::SetLocale(Locale::En));
        model
    };
    let (a, b) = (run(), run());
    // Packs compare by pointer; compare everything else.
    assert_eq!(a.visits, b.visits);
    assert_eq!(a.route, b.route);
    assert_eq!(a.save_seq, b.save_seq);
    assert_eq!(a.scores, b.scores);
    assert_eq!(
        a.editing.as_ref().unwrap().visit,
        b.editing.as_ref().unwrap().visit
    );
    assert_eq!(a.editing.as_ref().unwrap().assessment.locale, Locale::En);
}

/// A profile with answers enough for a roadmap: the end-to-end tests' sample (helpers.mjs).
fn sample() -> Json {
    json!({
        "schema": "umbral.profile/2", "country": "MX", "region": "MX-PUE", "locality": "rural",
        "sector": "crafts", "size": "solo", "goal": "grow_local",
        "connectivity": {"internet": "mobile_data", "devices": ["smartphone"]},
        "skills": {"digital_level": 2, "helper": "family_youth", "hours_per_week": 3},
        "logistics": {"shipping_access": "post_office", "delivers_locally": true, "packaging": false},
        "payments": {"bank_account": false, "accepts": ["cash"], "monthly_budget": 200},
        "formalisation": {"tax_id": "none"},
        "presence": {"channels": ["whatsapp"], "product_photos": false, "online_sales_share": 0, "inventory": "paper"},
        "motivation": {"level": 4},
        "network": {"association": false, "intermediary": false, "programme": false}
    })
}

fn tagged(id: &str, name: &str, programme: Option<&str>, term: Option<&str>) -> EnterpriseRecord {
    let mut record = enterprise(id, name, "");
    record.programme = programme.map(str::to_string);
    record.term = term.map(str::to_string);
    record
}

#[test]
fn the_cohort_filter_offers_the_tags_present_and_narrows_the_list() {
    let mut model = Model::new(Locale::Es);
    model.update(Action::Loaded(Box::new(Loaded {
        enterprises: vec![
            tagged("a", "Abarrotes", Some("Pueblos Digitales"), Some("2026-1")),
            tagged("b", "Bordados", Some("pueblos digitales"), Some("2026-2")),
            tagged("c", "Café", Some("Emprende Sur"), None),
            tagged("d", "Dulces", None, None),
        ],
        device: Some(DEVICE.to_string()),
        ..Loaded::default()
    })));
    // Each value once, whatever its case; tags no enterprise has offer nothing.
    assert_eq!(
        model.cohort_values("programme"),
        ["Emprende Sur", "Pueblos Digitales"]
    );
    assert_eq!(model.cohort_values("term"), ["2026-1", "2026-2"]);
    assert!(model.cohort_values("team").is_empty());
    model.update(Action::Sort(Sort::Name));
    assert_eq!(listed(&model), ["a", "b", "c", "d"], "no filter: everyone");

    model.update(Action::Cohort(
        "programme".into(),
        Some("PUEBLOS DIGITALES".into()),
    ));
    assert_eq!(listed(&model), ["a", "b"], "case and accents aside");
    model.update(Action::Cohort("term".into(), Some("2026-2".into())));
    assert_eq!(listed(&model), ["b"], "every tag chosen must hold");
    model.update(Action::Search("abarrotes".into()));
    assert!(listed(&model).is_empty(), "the search narrows the cohort");
    model.update(Action::Search("bordados".into()));
    assert_eq!(listed(&model), ["b"]);

    // "Todos" (no value, or a blank one) lifts a tag's filter; an unknown tag does nothing.
    model.update(Action::Cohort("term".into(), Some("  ".into())));
    assert_eq!(model.cohort.term, None);
    model.update(Action::Cohort("colour".into(), Some("red".into())));
    model.update(Action::Search(String::new()));
    assert_eq!(listed(&model), ["a", "b"]);
    model.update(Action::Cohort("programme".into(), None));
    assert!(model.cohort.is_empty());
    assert_eq!(listed(&model), ["a", "b", "c", "d"]);

    // The search reads the tags too.
    model.update(Action::Search("emprende".into()));
    assert_eq!(listed(&model), ["c"]);
}

#[test]
fn outcomes_are_saved_with_the_open_visit_as_the_hand_off_reader_reads_them() {
    let mut model = loaded();
    let outcomes = Outcomes {
        selling_online: true,
        channels: vec!["facebook".into(), "whatsapp".into(), "facebook".into()],
        online_share: Some(30),
        tools: vec![ToolUse {
            entry: "whatsapp-business".into(),
            still_using: true,
        }],
    };
    // Nothing open: nothing changes.
    let before = model.clone();
    model.update(Action::Outcomes(
        Some(outcomes.clone()),
        "2026-06-01T10:00:00Z".into(),
    ));
    assert_eq!(model, before);

    let open = model.visits[0].clone();
    model.update(Action::OpenVisit(open.clone()));
    model.update(Action::Outcomes(
        Some(outcomes.clone()),
        "2026-06-01T10:00:00Z".into(),
    ));
    let saved = model.visits.iter().find(|v| v.id == open.id).unwrap();
    let kept = saved.outcomes.as_ref().expect("saved with the visit");
    assert_eq!(kept.channels, ["facebook", "whatsapp"], "each channel once");
    assert_eq!(kept.online_share, Some(30));
    assert_eq!(saved.revision(), open.revision() + 1, "one save");
    assert_eq!(saved.updated, "2026-06-01T10:00:00Z");
    assert_eq!(model.save_seq, 1, "the page writes the visit");
    saved
        .validate(Some("MX"))
        .expect("the hand-off reader reads it");

    // The same again: nothing to write.
    model.update(Action::Outcomes(
        Some(kept.clone()),
        "2026-06-01T10:01:00Z".into(),
    ));
    assert_eq!(model.save_seq, 1);

    // Not selling online: no channels and no share are kept; the tools are.
    model.update(Action::Outcomes(
        Some(Outcomes {
            selling_online: false,
            ..outcomes
        }),
        "2026-06-01T10:02:00Z".into(),
    ));
    let saved = &model.editing.as_ref().unwrap().visit;
    let kept = saved.outcomes.as_ref().unwrap();
    assert!(!kept.selling_online && kept.channels.is_empty() && kept.online_share.is_none());
    assert_eq!(kept.tools.len(), 1);
    saved
        .validate(Some("MX"))
        .expect("the hand-off reader reads it");
    assert_eq!(model.save_seq, 2);
}

/// Ana's enterprise with two visits of the sample's answers, and the second one open.
fn two_visits() -> (Model, PackRc) {
    let pack = mexico();
    let mut model = Model::new(Locale::Es);
    model.update(Action::Loaded(Box::new(Loaded {
        enterprises: vec![enterprise("ana", "Tejidos Ana", "Teotitlán del Valle")],
        visits: vec![
            visit("ana", "ana-1", "2026-03-02", sample()),
            visit("ana", "ana-2", "2026-06-02", sample()),
        ],
        device: Some(DEVICE.to_string()),
        ..Loaded::default()
    })));
    model.update(Action::PackLoaded("MX".into(), Ok(pack.clone())));
    let open = model.visits[1].clone();
    model.update(Action::OpenVisit(open));
    (model, pack)
}

fn key(visit: &str, step: &str) -> StepKey {
    StepKey {
        visit: visit.into(),
        step: step.into(),
    }
}

#[test]
fn a_step_saved_is_noted_under_it_and_changes_no_answer() {
    let (mut model, _) = two_visits();
    let answers: Vec<Json> = model.visits.iter().map(|v| v.profile.clone()).collect();
    let mut ana = model.full_enterprise("ana").expect("ana is here");
    assert_eq!(ana.visits.len(), 2, "with her visits");
    let done = StepUpdate {
        status: StepStatus::Done,
        reason: None,
        who: Some(Who::Relative),
        follow_up: Some("2026-07-01"),
    };
    ana.set_step(
        "ana-1",
        "whatsapp-business",
        done,
        DEVICE,
        "2026-06-02T10:00:00Z",
    )
    .unwrap();
    let record = EnterpriseRecord::new(ana);
    // Sent to be written: the step says so (its buttons wait) until the write comes back.
    model.update(Action::StepSaving(key("ana-1", "whatsapp-business")));
    assert_eq!(
        model.step_note,
        Some((key("ana-1", "whatsapp-business"), StepNote::Saving))
    );
    // A write that ended without a result (it failed) leaves the step as it was before.
    model.update(Action::StepWritten(key("ana-1", "whatsapp-business")));
    assert_eq!(model.step_note, None);
    model.update(Action::StepSaving(key("ana-1", "whatsapp-business")));
    model.update(Action::StepStored(
        record.clone(),
        key("ana-1", "whatsapp-business"),
    ));
    assert_eq!(model.enterprise("ana"), Some(&record));
    assert_eq!(
        model.step_note,
        Some((key("ana-1", "whatsapp-business"), StepNote::Saved))
    );
    // The write then ends: what it said stays.
    model.update(Action::StepWritten(key("ana-1", "whatsapp-business")));
    assert_eq!(
        model.step_note,
        Some((key("ana-1", "whatsapp-business"), StepNote::Saved))
    );
    let after: Vec<Json> = model.visits.iter().map(|v| v.profile.clone()).collect();
    assert_eq!(after, answers, "a step done changes no answer by itself");
    assert_eq!(model.save_seq, 0, "and writes no visit");

    // Another tab saved first: what it stored is shown, and the step says so.
    let mut theirs = record.clone();
    theirs.team = Some("Equipo 4".into());
    model.update(Action::StepConflict(
        Some(theirs.clone()),
        key("ana-1", "whatsapp-business"),
    ));
    assert_eq!(model.enterprise("ana"), Some(&theirs));
    assert_eq!(
        model.step_note.as_ref().map(|n| &n.1),
        Some(&StepNote::ChangedElsewhere)
    );
    model.update(Action::StepRefused(
        key("ana-2", "mercado-pago"),
        "falta el motivo".into(),
    ));
    assert_eq!(
        model.step_note,
        Some((
            key("ana-2", "mercado-pago"),
            StepNote::Refused("falta el motivo".into())
        ))
    );
    // Leaving the visit forgets the note.
    model.update(Action::Show(Route::Enterprise("ana".into())));
    assert_eq!(model.step_note, None);
}

#[test]
fn a_step_confirmed_changes_the_open_visits_answers_and_its_readiness() {
    let (mut model, pack) = two_visits();
    let open = model.editing.as_ref().unwrap().visit.clone();
    let before_score = model.score(&open).expect("scored");
    let mut ana = model.full_enterprise("ana").unwrap();
    let done = StepUpdate {
        status: StepStatus::Done,
        reason: None,
        who: None,
        follow_up: None,
    };
    ana.set_step(
        "ana-1",
        "mercado-pago",
        done,
        DEVICE,
        "2026-06-02T10:00:00Z",
    )
    .unwrap();
    let changed = ana
        .confirm_step(
            "ana-1",
            "mercado-pago",
            "ana-2",
            &pack.0,
            DEVICE,
            "2026-06-02T10:05:00Z",
        )
        .unwrap();
    assert_eq!(changed, ["payments.accepts", "payments.bank_account"]);
    let visit = VisitRecord::new("ana", ana.visit("ana-2").unwrap().clone());
    let changes = answer_changes(&open.profile, &visit.profile, &changed);
    assert_eq!(
        changes[1],
        AnswerChange {
            path: "payments.bank_account".into(),
            before: Some(json!(false)),
            after: Some(json!(true)),
        }
    );
    model.update(Action::StepConfirmed(Box::new(Confirmed {
        key: key("ana-1", "mercado-pago"),
        enterprise: EnterpriseRecord::new(ana),
        visit: Some(visit.clone()),
        changes: changes.clone(),
    })));
    let editing = model.editing.as_ref().unwrap();
    assert_eq!(editing.visit, visit, "the open visit shows its new answers");
    assert_eq!(editing.assessment.profile.to_value(), visit.profile);
    assert_eq!(
        editing.assessment.screen,
        Screen::Results,
        "on the same screen"
    );
    assert_eq!(model.save_seq, 0, "written by the confirmation, not again");
    assert_ne!(model.score(&visit), Some(before_score), "scored again");
    assert_eq!(
        model
            .enterprise("ana")
            .unwrap()
            .step("ana-1", "mercado-pago")
            .unwrap()
            .confirmed_in
            .as_deref(),
        Some("ana-2")
    );
    assert_eq!(
        model.step_note,
        Some((key("ana-1", "mercado-pago"), StepNote::Confirmed(changes)))
    );
    // The first visit keeps its answers.
    assert_eq!(model.visits[0].profile, sample());
}
