//! The workspace page's model, natively: its reducer (`umbral::workspace_page::model`) over the
//! stored records (`umbral::workspace_page::records`). The page's effects read IndexedDB, the
//! clock and the network; here the tests hand the same things in as actions, as the effects
//! do, and read what the page would show.

use std::rc::Rc;

use serde_json::{json, Value as Json};
use umbral::app::state::{Action as AppAction, PackRc, Screen};
use umbral::engine::pack::OptionValue;
use umbral::engine::{Locale, Pack};
use umbral::workspace::{Enterprise, Visit};
use umbral::workspace_page::model::{Action, Model, Phase, Problem, Route, Sort};
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
        Some(words(Locale::Es).notes_cut),
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
    assert_eq!(model.flash.as_deref(), Some(words(Locale::Es).deleted));
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
