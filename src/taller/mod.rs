//! The consultant's workspace (wasm32 only; page `www/taller/`, bin `umbral-taller`): many
//! enterprises on one device, each with dated visits holding an assessment and notes,
//! progress between visits, hand-off files, a CSV for spreadsheets and QR transfer of one
//! profile between phones.
//!
//! Storage is IndexedDB (`db`, records in `records`): every answer and every keystroke in a
//! note is written at once, a visit's write is refused when another tab changed it first
//! (revisions, noticed live through a `BroadcastChannel`), an unreadable record is set aside
//! alone, and a full disk is reported while what was saved stays. The questionnaire and the
//! results are the entrepreneur app's own views (`crate::app::view`, drawn through `app_view`,
//! the one crossing between the Yew pages and the app's views) driven by the app's own reducer
//! (`crate::app::state::State`), one per open visit.

mod app_view;
mod browser;
mod db;
mod handoff;
pub mod helper;
mod journal;
mod model;
mod records;
mod scan;
mod views;
mod words;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, IdbDatabase};
use yew::prelude::*;

use model::{Action, Model, Phase, View};
use records::{EnterpriseRecord, VisitRecord};
use words::words;

pub(crate) use browser::now;

/// The id of each screen's heading, which takes focus when the screen changes.
pub const HEADING: &str = "vista";

/// The channel tabs of the workspace tell each other about writes on.
const CHANNEL: &str = "umbral-taller";

/// What the app keeps outside the reducer: the open database, the revision of each visit as
/// this tab last wrote or read it, the channel to other tabs, and the packs being fetched.
pub struct Ctx {
    db: RefCell<Option<IdbDatabase>>,
    revisions: RefCell<HashMap<String, u32>>,
    channel: Option<BroadcastChannel>,
    fetching: RefCell<BTreeSet<String>>,
}

impl Ctx {
    fn new() -> Ctx {
        Ctx {
            db: RefCell::new(None),
            revisions: RefCell::new(HashMap::new()),
            channel: BroadcastChannel::new(CHANNEL).ok(),
            fetching: RefCell::new(BTreeSet::new()),
        }
    }

    fn db(&self) -> Option<IdbDatabase> {
        self.db.borrow().clone()
    }

    /// Tells other tabs that a visit was written (or, with `None`, that anything may have).
    fn announce(&self, visit: Option<(&str, u32)>) {
        let Some(channel) = &self.channel else { return };
        let message = match visit {
            Some((id, revision)) => serde_json::json!({ "visit": id, "revision": revision }),
            None => serde_json::json!({ "all": true }),
        };
        let _ = channel.post_message(&JsValue::from_str(&message.to_string()));
    }
}

type Dispatch = UseReducerDispatcher<Model>;
/// The model as rendered (a cheap handle that callbacks can keep).
type Handle = UseReducerHandle<Model>;

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
                .unwrap_or_else(|| words(locale).draft_name.to_string());
            let enterprise = records::new_enterprise(&name, &profile.country, device);
            let visit = records::new_visit(&enterprise.id, profile.to_value(), device);
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
fn open(ctx: &Rc<Ctx>, dispatch: &Dispatch, locale: crate::engine::Locale) {
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
fn save_open_visit(ctx: &Rc<Ctx>, dispatch: &Dispatch, visit: &VisitRecord) {
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

/// The workspace.
#[component]
pub fn Taller() -> Html {
    let model = use_reducer(|| Model::new(browser::browser_locale()));
    let ctx = use_memo((), |_| Ctx::new());
    let w = words(model.locale);

    // A whole group of questions per page on wide screens, as in the app.
    {
        let dispatch = model.dispatcher();
        use_effect_with((), move |_| {
            let on_change = {
                let dispatch = dispatch.clone();
                Closure::<dyn FnMut(bool)>::new(move |wide| dispatch.dispatch(Action::Wide(wide)))
            };
            dispatch.dispatch(Action::Wide(crate::app::dom::media(
                crate::app::WIDE,
                &on_change,
            )));
            // The query's listener lives as long as the page.
            on_change.forget();
        });
    }
    // Open once; listen to other tabs for as long as the page lives.
    {
        let (ctx, dispatch, locale) = (ctx.clone(), model.dispatcher(), model.locale);
        use_effect_with((), move |_| {
            open(&ctx, &dispatch, locale);
            let listener = ctx.channel.as_ref().map(|channel| {
                let (ctx, dispatch) = (ctx.clone(), dispatch.clone());
                gloo::events::EventListener::new(channel, "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    let text = event.data().as_string().unwrap_or_default();
                    let message: serde_json::Value =
                        serde_json::from_str(&text).unwrap_or_default();
                    if let (Some(id), Some(revision)) = (
                        message.get("visit").and_then(|v| v.as_str()),
                        message.get("revision").and_then(|v| v.as_u64()),
                    ) {
                        let known = ctx.revisions.borrow().get(id).map(|&r| u64::from(r));
                        if known.is_some_and(|known| known != revision) {
                            dispatch.dispatch(Action::ChangedElsewhere(id.to_string()));
                        }
                    }
                    reload(&ctx, &dispatch);
                })
            });
            // Dropping the listener removes it.
            move || drop(listener)
        });
    }
    // Fetch the packs the enterprises need (once each).
    {
        let wanted = model.packs_wanted();
        let (ctx, dispatch) = (ctx.clone(), model.dispatcher());
        use_effect_with(wanted, move |wanted| {
            for country in wanted {
                if !ctx.fetching.borrow_mut().insert(country.clone()) {
                    continue;
                }
                let (ctx, dispatch, country) = (ctx.clone(), dispatch.clone(), country.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let pack = browser::fetch_pack(&country).await;
                    if let Err(error) = &pack {
                        gloo::console::warn!(format!("umbral: {error}"));
                    }
                    ctx.fetching.borrow_mut().remove(&country);
                    dispatch.dispatch(Action::PackLoaded(country, pack));
                });
            }
        });
    }
    // Write the open visit after every change to it.
    {
        let visit = model.editing.as_ref().map(|e| e.visit.clone());
        let (ctx, dispatch) = (ctx.clone(), model.dispatcher());
        use_effect_with(model.save_seq, move |seq| {
            if *seq > 0 {
                if let Some(visit) = visit {
                    save_open_visit(&ctx, &dispatch, &visit);
                }
            }
        });
    }
    // A visit opened: its revision as read is where this tab's writes start.
    {
        let opened = model
            .editing
            .as_ref()
            .map(|e| (e.visit.id.clone(), e.visit.revision()));
        let ctx = ctx.clone();
        let key = opened.as_ref().map(|o| o.0.clone());
        use_effect_with(key, move |_| {
            if let Some((id, revision)) = opened {
                ctx.revisions.borrow_mut().entry(id).or_insert(revision);
            }
        });
    }
    use_effect_with(model.locale, |locale| {
        browser::set_document_language(*locale)
    });
    {
        let in_visit = matches!(model.view, View::Visit(_));
        use_effect_with(model.focus_tick, move |tick| {
            if *tick > 0 {
                browser::focus(if in_visit { "enfoque" } else { HEADING });
            }
        });
    }

    let dispatch = model.dispatcher();
    // The app's own language switch (`app::view::locale_switch`), drawn by the app's views.
    let locale_switch = {
        let dispatch = dispatch.clone();
        let other = model.locale.other();
        let on_event = Callback::from(
            move |(kind, action, _, _): (String, String, String, bool)| {
                if kind == "click" && action == "locale" {
                    dispatch.dispatch(Action::SetLocale(other));
                }
            },
        );
        let html = crate::app::view::locale_switch(model.locale).into_string();
        html! { <app_view::AppView html={AttrValue::from(html)} {on_event} /> }
    };
    let nav = |view: View, label: &'static str, testid: &'static str| {
        let dispatch = dispatch.clone();
        let current = std::mem::discriminant(&model.view) == std::mem::discriminant(&view);
        html! {
            <li>
                <button type="button" class="enlace pestaña" data-testid={testid}
                    aria-current={current.then_some("page")}
                    onclick={move |_| dispatch.dispatch(Action::Show(view.clone()))}>
                    { label }
                </button>
            </li>
        }
    };

    let body = match &model.phase {
        Phase::Opening => html! { <p class="cargando" role="status">{ w.opening }</p> },
        Phase::Failed(reason) => html! {
            <div class="aviso aviso--error" role="alert" data-testid="sin-almacenamiento">
                <p>{ w.open_failed }</p>
                <p class="nota">{ reason }</p>
            </div>
        },
        Phase::Ready => views::view(&model, &ctx, &dispatch),
    };

    html! {
        <>
            <header class="cabecera no-imprimir">
                <div class="cabecera__interior">
                    <div>
                        <h1 data-testid="titulo">{ "Umbral · " }{ w.title }</h1>
                        <p class="lema">{ w.tagline }</p>
                    </div>
                    { locale_switch }
                </div>
                <nav class="cabecera__interior secciones" aria-label={w.nav_label}>
                    <ul>
                        { nav(View::List, w.nav_list, "nav-negocios") }
                        { nav(View::Handoff, w.nav_handoff, "nav-entregar") }
                        { nav(View::Privacy, w.nav_privacy, "nav-datos") }
                        <li><a class="enlace pestaña" href="../">{ w.to_app }</a></li>
                    </ul>
                </nav>
            </header>
            <main id="contenido" class="contenido">
                { views::notices(&model, &ctx, &dispatch) }
                { body }
            </main>
        </>
    }
}

/// Mounts the workspace into `#app` (or the body).
///
/// # Panics
///
/// When there is no document or body (never in a browser page).
pub fn start() {
    yew::Renderer::<Taller>::with_root(crate::app::browser::mount_point()).render();
}

/// Writes records, then shows them on `view` (or opens `open`, a visit).
pub fn store(
    ctx: &Rc<Ctx>,
    dispatch: &Dispatch,
    enterprises: Vec<EnterpriseRecord>,
    visits: Vec<VisitRecord>,
    view: Option<View>,
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
                let view = view.unwrap_or(View::List);
                dispatch.dispatch(Action::Stored(enterprises, visits, view));
                if let Some(visit) = open {
                    dispatch.dispatch(Action::OpenVisit(visit));
                }
            }
            Err(error) => dispatch.dispatch(Action::SaveFailed(error)),
        }
    });
}
