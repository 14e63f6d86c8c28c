//! Every effect of the workspace page, in one place: opening the database and loading it,
//! bringing in the app's draft and the journal's copies, saving the open visit, writing
//! records, the channel between tabs. The screens' callbacks call these; their results reach
//! the reducer (`model`) as actions.

use super::helper::{self, Helper, Imported};
use super::{browser, db, journal, model, records, words};

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{BroadcastChannel, IdbDatabase};
use yew::prelude::*;

use model::{Action, Model, Route};
use records::{EnterpriseRecord, VisitRecord};
use words::words;

/// The id of each screen's heading, which takes focus when the screen changes.
pub const HEADING: &str = "vista";

/// The channel tabs of the workspace tell each other about writes on.
const CHANNEL: &str = "umbral-taller";

/// What the app keeps outside the reducer: the open database, the revision of each visit as
/// this tab last wrote or read it, the channel to other tabs, and the packs being fetched.
pub struct Ctx {
    db: RefCell<Option<IdbDatabase>>,
    pub(super) revisions: RefCell<HashMap<String, u32>>,
    pub(super) channel: Option<BroadcastChannel>,
    pub(super) fetching: RefCell<BTreeSet<String>>,
    /// The enterprises a step's save or confirmation is being written to (see [`StepWrite`]).
    steps_writing: RefCell<Vec<String>>,
}

impl Ctx {
    pub(super) fn new() -> Ctx {
        Ctx {
            db: RefCell::new(None),
            revisions: RefCell::new(HashMap::new()),
            channel: BroadcastChannel::new(CHANNEL).ok(),
            fetching: RefCell::new(BTreeSet::new()),
            steps_writing: RefCell::new(Vec::new()),
        }
    }

    pub(super) fn db(&self) -> Option<IdbDatabase> {
        self.db.borrow().clone()
    }

    /// Tells other tabs that a visit was written (or, with `None`, that anything may have).
    pub(super) fn announce(&self, visit: Option<(&str, u32)>) {
        let Some(channel) = &self.channel else { return };
        let message = match visit {
            Some((id, revision)) => serde_json::json!({ "visit": id, "revision": revision }),
            None => serde_json::json!({ "all": true }),
        };
        let _ = channel.post_message(&JsValue::from_str(&message.to_string()));
    }
}

pub(super) type Dispatch = UseReducerDispatcher<Model>;
/// The model as rendered (a cheap handle that callbacks can keep).
pub(super) type Handle = UseReducerHandle<Model>;

/// Reads everything again and shows it.
pub(crate) fn reload(ctx: &Rc<Ctx>, dispatch: &Dispatch) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        match db::load(&db).await {
            Ok(loaded) => dispatch.dispatch(Action::Loaded(Box::new(loaded))),
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// The first open of the workspace on this device brings in the entrepreneur app's draft
/// (`umbral.draft/1`) as an enterprise with one visit; later opens never do again.
async fn import_draft(
    db: &IdbDatabase,
    locale: crate::engine::Locale,
    device: &str,
) -> Result<Option<String>, db::DbError> {
    let imported = browser::app_draft()
        .as_deref()
        .and_then(records::from_draft)
        .map(|profile| {
            // A label that is blank or spaces only names nothing: the draft's name instead.
            let name = profile
                .label
                .as_deref()
                .and_then(crate::workspace::clean_name)
                .unwrap_or_else(|| words(locale).draft_name().to_string());
            let enterprise = browser::new_enterprise(&name, &profile.country, device);
            let visit = browser::new_visit(&enterprise.id, profile.to_value(), device);
            (enterprise, visit)
        });
    let name = match imported {
        Some((enterprise, visit)) => {
            db::put_all(db, std::slice::from_ref(&enterprise), &[visit]).await?;
            Some(enterprise.name.clone())
        }
        None => None,
    };
    db::set_meta(db, "draft_imported", &JsValue::TRUE).await?;
    Ok(name)
}

/// Writes the copies of visits that a closed tab left in the journal (see `journal`). A copy
/// whose stored visit is an earlier state of it (every save count at most the copy's: the
/// closed tab's own writes that did not all commit) replaces it; one whose stored visit
/// changed apart since is kept beside it, as two tabs' versions are.
async fn replay_journal(db: &IdbDatabase, loaded: &db::Loaded) -> Result<usize, db::DbError> {
    use std::cmp::Ordering;
    let mut replayed = 0;
    for pending in journal::pending() {
        let record = pending.record;
        if !loaded.enterprises.iter().any(|e| e.id == record.enterprise) {
            // Its enterprise was deleted since: nothing to bring back into.
            journal::forget(&record.id);
            continue;
        }
        let stored = loaded.visits.iter().find(|v| v.id == record.id);
        let order = stored.map(|s| crate::workspace::compare_edits(&s.edits, &record.edits));
        let apart = match order {
            // Already stored, or a later state is.
            Some(Some(Ordering::Equal | Ordering::Greater)) => false,
            Some(Some(Ordering::Less)) | None => {
                let base = stored.map_or(0, |s| s.revision());
                match db::save_visit(db, &record, base).await {
                    Ok(()) => false,
                    Err(db::DbError::Conflict(_)) => true,
                    Err(error) => return Err(error),
                }
            }
            Some(None) => true,
        };
        if apart {
            let mut copy = record.clone();
            copy.id = browser::new_id();
            copy.conflict_of = Some(record.id.clone());
            db::put_all(db, &[], &[copy]).await?;
        }
        replayed += usize::from(!matches!(
            order,
            Some(Some(Ordering::Equal | Ordering::Greater))
        ));
        journal::forget(&record.id);
    }
    Ok(replayed)
}

/// Opens the database, brings in the app's draft on first open, and loads everything.
pub(super) fn open(ctx: &Rc<Ctx>, dispatch: &Dispatch, locale: crate::engine::Locale) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    browser::mark("umbral-taller:open");
    wasm_bindgen_futures::spawn_local(async move {
        let db = match db::open().await {
            Ok(db) => db,
            Err(error) => {
                gloo::console::error!(format!("umbral: {error:?}"));
                dispatch.dispatch(Action::OpenFailed(format!("{error:?}")));
                return;
            }
        };
        *ctx.db.borrow_mut() = Some(db.clone());
        let mut loaded = match db::load(&db).await {
            Ok(loaded) => loaded,
            Err(error) => {
                dispatch.dispatch(Action::OpenFailed(format!("{error:?}")));
                return;
            }
        };
        let device = match loaded.device.clone() {
            Some(device) => device,
            None => {
                let device = browser::new_id();
                if let Err(error) = db::set_meta(&db, "device", &JsValue::from_str(&device)).await {
                    dispatch.dispatch(Action::SaveFailed(error));
                }
                device
            }
        };
        let mut again = false;
        match replay_journal(&db, &loaded).await {
            Ok(n) => again |= n > 0,
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
        if !loaded.draft_imported {
            match import_draft(&db, locale, &device).await {
                Ok(Some(name)) => {
                    dispatch.dispatch(Action::DraftImported(name));
                    again = true;
                }
                Ok(None) => {}
                Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
            }
        }
        if again {
            match db::load(&db).await {
                Ok(reloaded) => {
                    let set_aside = loaded.set_aside_now;
                    loaded = reloaded;
                    loaded.set_aside_now += set_aside;
                }
                Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
            }
        }
        loaded.device = Some(device);
        dispatch.dispatch(Action::Loaded(Box::new(loaded)));
        dispatch.dispatch(Action::Persisted(browser::persist().await));
    });
}

/// Writes the open visit as it is now. The base is the revision this tab last wrote or read
/// (the visit's own revision counts this tab's changes since); a copy goes to the journal
/// first, synchronously.
pub(super) fn save_open_visit(ctx: &Rc<Ctx>, dispatch: &Dispatch, visit: &VisitRecord) {
    let Some(db) = ctx.db() else { return };
    let record = visit.clone();
    let base = *ctx
        .revisions
        .borrow()
        .get(&record.id)
        .unwrap_or(&record.revision().saturating_sub(1));
    if !journal::keep(&record, base) {
        // The IndexedDB write still runs; without the copy, closing the tab at once could lose
        // this change, so the user is told.
        dispatch.dispatch(Action::JournalFailed);
    }
    ctx.revisions
        .borrow_mut()
        .insert(record.id.clone(), record.revision());
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match db::save_visit(&db, &record, base).await {
            Ok(()) => {
                journal::written(&record.id, record.revision());
                ctx.announce(Some((&record.id, record.revision())));
                dispatch.dispatch(Action::Saved);
            }
            Err(error) => {
                gloo::console::warn!(format!("umbral: visit not saved: {error:?}"));
                // Only what is stored counts: later writes start from it again.
                let mut revisions = ctx.revisions.borrow_mut();
                if revisions.get(&record.id) == Some(&record.revision()) {
                    revisions.insert(record.id.clone(), base);
                }
                drop(revisions);
                dispatch.dispatch(Action::SaveFailed(error));
            }
        }
    });
}

/// Writes records, then shows them on `view` (or opens `open`, a visit).
pub fn store(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    enterprises: Vec<EnterpriseRecord>,
    visits: Vec<VisitRecord>,
    route: Option<Route>,
    open: Option<VisitRecord>,
) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        match db::put_all(&db, &enterprises, &visits).await {
            Ok(()) => {
                for v in &visits {
                    ctx.revisions
                        .borrow_mut()
                        .insert(v.id.clone(), v.revision());
                }
                ctx.announce(None);
                let route = route.unwrap_or(Route::List);
                dispatch.dispatch(Action::Stored(enterprises, visits, route));
                if let Some(visit) = open {
                    dispatch.dispatch(Action::OpenVisit(visit));
                }
            }
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// Writes a conflict's settlement: the enterprise, the visit kept, and the other version
/// deleted, in one transaction; then reloads.
pub(super) fn settle_versions(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    record: EnterpriseRecord,
    original: VisitRecord,
    copy_id: String,
) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        match db::put_and_delete(&db, &[record], std::slice::from_ref(&original), &[copy_id]).await
        {
            Ok(()) => {
                ctx.revisions
                    .borrow_mut()
                    .insert(original.id.clone(), original.revision());
                ctx.announce(None);
                reload(&ctx, &dispatch);
            }
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// Deletes an enterprise and its visits.
pub(super) fn delete_enterprise(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    id: String,
    visit_ids: Vec<String>,
) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        match db::delete_enterprise(&db, &id, &visit_ids).await {
            Ok(()) => {
                ctx.announce(None);
                dispatch.dispatch(Action::Deleted(Some(id)));
            }
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// Writes an enterprise if no other tab saved it since `base` (its revision when the edit
/// started, steps counted), then `saved` runs with it; otherwise nothing is written and
/// `elsewhere` gets the enterprise as stored now (`what` names what was not saved, for the
/// console).
fn save_enterprise_checked(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    record: EnterpriseRecord,
    base: u32,
    what: &'static str,
    saved: impl FnOnce(EnterpriseRecord) + 'static,
    elsewhere: impl FnOnce(Option<EnterpriseRecord>) + 'static,
) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        match db::save_enterprise(&db, &record, base).await {
            Ok(()) => {
                ctx.announce(None);
                saved(record);
            }
            Err(db::DbError::Conflict(_)) => {
                gloo::console::warn!(format!(
                    "umbral: {what} not saved: Conflict (changed in another tab)"
                ));
                elsewhere(db::read_enterprise(&db, &record.id).await.ok().flatten());
            }
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// Writes an enterprise's edited details if no other tab saved them since `base` (the revision
/// the form started from); otherwise writes nothing and gives `changed` the details as stored
/// now, so that the form can say so and keep what the user typed.
pub(super) fn store_details(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    record: EnterpriseRecord,
    base: u32,
    changed: Callback<Option<EnterpriseRecord>>,
) {
    let shown = dispatch.clone();
    let saved = move |record: EnterpriseRecord| {
        let route = Route::Enterprise(record.id.clone());
        shown.dispatch(Action::Stored(vec![record], Vec::new(), route));
    };
    let elsewhere = move |stored| changed.emit(stored);
    save_enterprise_checked(ctx, dispatch, record, base, "details", saved, elsewhere);
}

/// Writes an enterprise after a step of it was saved (`key`), if no other tab saved the
/// enterprise since `base` (its revision before, steps counted); otherwise writes nothing and
/// shows the enterprise as stored now, the step's form keeping what was chosen.
pub(super) fn store_step(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    record: EnterpriseRecord,
    base: u32,
    write: StepWrite,
) {
    let write = Rc::new(write);
    let (shown, conflict, again) = (dispatch.clone(), dispatch.clone(), write.clone());
    let saved = move |record| shown.dispatch(Action::StepStored(record, write.key.clone()));
    let elsewhere =
        move |stored| conflict.dispatch(Action::StepConflict(stored, again.key.clone()));
    save_enterprise_checked(ctx, dispatch, record, base, "step", saved, elsewhere);
}

/// A step's save or confirmation being written. While it lasts the step says "Guardando…",
/// the steps' buttons wait, and no other step write to the same enterprise is started: each
/// is checked against the revision it started from, so a second one at the same moment (two
/// presses, or two steps) would be refused as if another tab had saved first. Dropped when
/// the write is done, however it ended.
pub(super) struct StepWrite {
    ctx: Rc<Ctx>,
    dispatch: Dispatch,
    enterprise: String,
    key: model::StepKey,
}

impl StepWrite {
    /// Starts writing the step `key` to `enterprise`, or `None` while a step write to it is
    /// under way.
    pub(super) fn begin(
        ctx: &Rc<Ctx>,
        dispatch: &Dispatch,
        enterprise: &str,
        key: &model::StepKey,
    ) -> Option<StepWrite> {
        {
            let mut writing = ctx.steps_writing.borrow_mut();
            if writing.iter().any(|e| e == enterprise) {
                return None;
            }
            writing.push(enterprise.to_string());
        }
        dispatch.dispatch(Action::StepSaving(key.clone()));
        Some(StepWrite {
            ctx: ctx.clone(),
            dispatch: dispatch.clone(),
            enterprise: enterprise.to_string(),
            key: key.clone(),
        })
    }
}

impl Drop for StepWrite {
    fn drop(&mut self) {
        self.ctx
            .steps_writing
            .borrow_mut()
            .retain(|e| *e != self.enterprise);
        self.dispatch
            .dispatch(Action::StepWritten(self.key.clone()));
    }
}

/// Writes a step confirmed done into the open visit (`Enterprise::confirm_step`): the
/// enterprise (from revision `base`) and, when an answer changed, the visit (from the revision
/// this tab last wrote or read), both or neither, each only if no other tab saved it since.
/// Then shows both, the results scored again. On a conflict nothing is written and what
/// the other tab stored is shown.
pub(super) fn confirm_step(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    confirmed: model::Confirmed,
    base: u32,
    visit_before: u32,
    write: StepWrite,
) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        // Held until the write is done.
        let _write = write;
        let Some(db) = ctx.db() else { return };
        let visit_base = confirmed
            .visit
            .as_ref()
            .map(|v| *ctx.revisions.borrow().get(&v.id).unwrap_or(&visit_before));
        let mut writes = Vec::new();
        let record = &confirmed.enterprise;
        writes.push(db::Write::of(db::ENTERPRISES, &record.id, base, record));
        if let (Some(visit), Some(visit_base)) = (&confirmed.visit, visit_base) {
            writes.push(db::Write::of(db::VISITS, &visit.id, visit_base, visit));
        }
        let writes: Result<Vec<db::Write>, db::DbError> = writes.into_iter().collect();
        let result = match writes {
            Ok(writes) => db::put_if_unchanged(&db, &writes).await,
            Err(error) => Err(error),
        };
        match result {
            Ok(()) => {
                match &confirmed.visit {
                    Some(visit) => {
                        ctx.revisions
                            .borrow_mut()
                            .insert(visit.id.clone(), visit.revision());
                        journal::written(&visit.id, visit.revision());
                        ctx.announce(Some((&visit.id, visit.revision())));
                    }
                    None => ctx.announce(None),
                }
                dispatch.dispatch(Action::StepConfirmed(Box::new(confirmed)));
            }
            Err(db::DbError::Conflict(_)) => {
                gloo::console::warn!(
                    "umbral: step not confirmed: Conflict (changed in another tab)"
                );
                if let Some(visit) = &confirmed.visit {
                    let stored = db::read_visit(&db, &visit.id).await.ok().flatten();
                    if stored.is_some_and(|s| Some(s.revision()) != visit_base) {
                        dispatch.dispatch(Action::ChangedElsewhere(visit.id.clone()));
                    }
                }
                let stored = db::read_enterprise(&db, &record.id).await.ok().flatten();
                dispatch.dispatch(Action::StepConflict(stored, confirmed.key));
            }
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// Reads a visit again as stored (another tab changed it) and shows it.
pub(super) fn reload_visit(ctx: &Rc<Ctx>, dispatch: &Dispatch, id: String) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        match db::read_visit(&db, &id).await {
            Ok(Some(stored)) => {
                ctx.revisions.borrow_mut().insert(id, stored.revision());
                dispatch.dispatch(Action::Reloaded(stored));
            }
            Ok(None) => dispatch.dispatch(Action::Show(Route::List)),
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// Keeps this tab's version of the open visit as a copy beside the one another tab stored,
/// then shows the stored one and opens the copy.
pub(super) fn keep_both(ctx: &Rc<Ctx>, dispatch: &Dispatch, mine: VisitRecord) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    let mut copy = mine.clone();
    copy.id = browser::new_id();
    copy.conflict_of = Some(mine.id.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        if let Err(error) = db::save_visit(&db, &copy, 0).await {
            dispatch.dispatch(Action::SaveFailed(error));
            return;
        }
        journal::forget(&mine.id);
        ctx.revisions
            .borrow_mut()
            .insert(copy.id.clone(), copy.revision());
        ctx.announce(Some((&copy.id, copy.revision())));
        if let Ok(Some(stored)) = db::read_visit(&db, &mine.id).await {
            ctx.revisions
                .borrow_mut()
                .insert(stored.id.clone(), stored.revision());
            dispatch.dispatch(Action::Reloaded(stored));
        }
        dispatch.dispatch(Action::OpenVisit(copy));
    });
}

/// Downloads the records set aside as unreadable, as they were stored.
pub(super) fn download_set_aside(ctx: &Rc<Ctx>) {
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        if let Ok(text) = db::set_aside_records(&db).await {
            let _ = browser::download("umbral-registros-apartados.json", "application/json", &text);
        }
    });
}

/// Deletes everything the workspace holds on this device.
pub(super) fn delete_everything(ctx: &Rc<Ctx>, dispatch: &Dispatch) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        match db::delete_everything(&db).await {
            Ok(()) => {
                ctx.revisions.borrow_mut().clear();
                ctx.announce(None);
                dispatch.dispatch(Action::Deleted(None));
            }
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// Records when each enterprise was last exported (`exported`, by id), after a download of
/// `ids` at `at`.
pub(super) fn record_export(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    exported: std::collections::BTreeMap<String, String>,
    ids: Vec<String>,
    at: String,
) {
    let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some(db) = ctx.db() else { return };
        let text = serde_json::to_string(&exported).unwrap_or_default();
        match db::set_meta(&db, "exported", &text.into()).await {
            Ok(()) => dispatch.dispatch(Action::Exported(ids, at)),
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}

/// How long the helper may take to read, merge and write a file (50 MB on a slow phone).
const IMPORT_MS: u32 = 300_000;

/// Imports a hand-off file, or an export of the form from KoboToolbox or ODK Central: read,
/// checked, merged into the workspace as stored and written by the helper worker
/// (`super::helper`), so the page stays free however large the file; then the workspace is
/// reloaded and the import counted. Enterprises (or an export's rows) with problems are left
/// out and named; the rest of the file is imported.
pub(super) async fn import(file: web_sys::File, model: Handle, ctx: Rc<Ctx>, dispatch: Dispatch) {
    dispatch.dispatch(Action::Importing(true));
    let answer = match Helper::start().await {
        Ok(helper) => helper
            .ask(
                &helper::import_message(&file, model.locale),
                &js_sys::Array::new(),
                IMPORT_MS,
            )
            .await
            .map(|answer| Imported::from_js(&answer)),
        Err(why) => Err(why),
    };
    dispatch.dispatch(Action::Importing(false));
    let w = words(model.locale);
    let message = match answer.unwrap_or_else(Imported::Failed) {
        Imported::Done { summary, refused } => {
            if let Some(db) = ctx.db() {
                match db::load(&db).await {
                    Ok(mut loaded) => {
                        loaded.device = Some(model.device.clone());
                        dispatch.dispatch(Action::Loaded(Box::new(loaded)));
                    }
                    Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
                }
            }
            ctx.announce(None);
            let mut message = format!("{} {summary}", w.import_done());
            if let Some(refused) = refused {
                message = format!("{message} {refused}");
            }
            message
        }
        Imported::Problem(problem) => problem,
        Imported::Failed(why) => format!("{} {why}", w.import_failed()),
        Imported::Full => {
            dispatch.dispatch(Action::SaveFailed(db::DbError::Quota));
            return;
        }
    };
    dispatch.dispatch(Action::Flash(Some(message)));
}
