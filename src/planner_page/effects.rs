//! The planner page's effects, all in one place: fetching packs, reading the chosen files and
//! scoring them in slices that give the browser a turn (so the page paints its progress), and
//! the CSV download. Each ends by dispatching an action to the reducer (`super::model`); what
//! a record or a file means is `super::import`, pure.

use std::cell::RefCell;
use std::rc::Rc;

use yew::UseReducerDispatcher;

use crate::engine::{Locale, Pack, Profile};
use crate::form::export::Reader;
use crate::planner::records::{self, ExportFile};
use crate::planner::Figures;

use super::browser;
use super::import::{self, Imported, Packs};
use super::model::{Action, Model};
use super::words::{words, Words};

/// How long one slice of work may take before the browser gets a turn, in milliseconds.
const SLICE_MS: f64 = 40.0;

type Dispatch = UseReducerDispatcher<Model>;

/// What the effects keep outside the reducer: the packs fetched (or failed) so far, which
/// scoring reads while a file is being read. Each fetch is also told to the reducer.
#[derive(Default)]
pub struct Ctx {
    packs: RefCell<Packs>,
}

/// Fetches the pack with this id unless it is already here (or already failed), and tells the
/// reducer.
async fn ensure_pack(ctx: &Ctx, dispatch: &Dispatch, id: &str) {
    if ctx.packs.borrow().knows(id) {
        return;
    }
    let fetched = if records::is_pack_file_id(id) {
        browser::fetch_pack(id).await.map(Rc::new)
    } else {
        Err(format!("'{id}' is not a pack id"))
    };
    if let Err(message) = &fetched {
        gloo::console::warn!(format!("umbral planner: {message}"));
    }
    ctx.packs.borrow_mut().add(id, fetched.clone());
    dispatch.dispatch(Action::PackLoaded(id.to_string(), fetched));
}

/// Fetches the Mexican pack at once: the filters and the scenario builder list its questions.
pub fn load_first_pack(ctx: Rc<Ctx>, dispatch: Dispatch) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(id) = import::country_pack("MX") {
            ensure_pack(&ctx, &dispatch, id).await;
        }
    });
}

/// Reads the chosen files one after the other, then hands every file's results to the
/// reducer at once: nothing partial is shown as the result.
pub fn import(ctx: Rc<Ctx>, dispatch: Dispatch, chosen: Vec<gloo_file::File>, locale: Locale) {
    dispatch.dispatch(Action::ImportStarted);
    wasm_bindgen_futures::spawn_local(async move {
        let w = words(locale);
        let mut imported = Vec::with_capacity(chosen.len());
        for file in &chosen {
            dispatch.dispatch(Action::Reading(file.name(), 0));
            browser::next_tick().await;
            imported.push(import_file(&ctx, &dispatch, file, w).await);
        }
        dispatch.dispatch(Action::Imported(imported));
    });
}

/// Reads and scores one file: a file over the size limit or that cannot be read is one
/// problem; an export is scored with the pack its form names; anything else profile by
/// profile with each one's country's pack.
async fn import_file(
    ctx: &Ctx,
    dispatch: &Dispatch,
    file: &gloo_file::File,
    w: &'static Words,
) -> Imported {
    let name = file.name();
    if let Some(refused) = import::too_big(&name, file.size(), w) {
        return refused;
    }
    let text = match gloo_file::futures::read_as_text(file).await {
        Ok(text) => text,
        Err(error) => return import::unreadable(&name, error.to_string(), w),
    };
    if import::is_export(&name, &text) {
        return import_export(ctx, dispatch, &text, &name, w).await;
    }
    let mut imported = Imported::new(&name);
    let records = import::profile_records(&text, &name, w)
        .map(|(place, found)| (place, found.map(Record::Found)));
    score_all(ctx, dispatch, records, w, &mut imported).await;
    imported
}

/// Reads an export of Umbral's form (by [`records::is_export`]) with the pack its first
/// submission names, as `umbral batch` does: a file whose pack cannot be told or fetched, or
/// whose header does not map, is one problem; a row that does not map is a problem at its
/// line (or submission), and the others count.
async fn import_export(
    ctx: &Ctx,
    dispatch: &Dispatch,
    text: &str,
    name: &str,
    w: &'static Words,
) -> Imported {
    let whole = || w.whole_file().to_string();
    let file = match ExportFile::open(text) {
        Ok(file) => file,
        Err(error) => return Imported::refused(name, whole(), import::record_error(&error, w)),
    };
    let Some(id) = file.pack_hint().map(str::to_string) else {
        return Imported::refused(name, whole(), w.export_no_pack().to_string());
    };
    ensure_pack(ctx, dispatch, &id).await;
    let pack = {
        let packs = ctx.packs.borrow();
        match packs.get(&id) {
            Some(pack) => pack.clone(),
            None => {
                let why = packs.failure(&id).unwrap_or_default();
                return Imported::refused(name, whole(), w.export_pack_missing(&id, why));
            }
        }
    };
    let reader = match Reader::new(&pack) {
        Ok(reader) => reader.with_programme_hint(import::PROGRAMME_HINT),
        Err(error) => return Imported::refused(name, whole(), import::record_error(&error, w)),
    };
    let records = match import::export_records(file, &reader, w) {
        Ok(records) => records,
        Err((place, message)) => return Imported::refused(name, place, message),
    };
    let records = records.map(|(place, read)| {
        (
            place,
            read.map(|profile| Record::Export(profile, pack.clone())),
        )
    });
    let mut imported = Imported::new(name);
    score_all(ctx, dispatch, records, w, &mut imported).await;
    imported
}

/// Scores every record, in slices that give the browser a turn and say how far they got.
async fn score_all(
    ctx: &Ctx,
    dispatch: &Dispatch,
    records: impl Iterator<Item = (String, Result<Record, String>)>,
    w: &'static Words,
    imported: &mut Imported,
) {
    let mut slice_start = browser::now();
    let mut seen = 0usize;
    for (place, record) in records {
        seen += 1;
        let scored = match record {
            Err(message) => Err(message),
            Ok(Record::Export(profile, pack)) => import::score_submission(&pack, profile, w),
            Ok(Record::Found(found)) => {
                if let Some(id) = found.wanted_pack() {
                    ensure_pack(ctx, dispatch, id).await;
                }
                import::score_found(&ctx.packs.borrow(), found, w)
            }
        };
        imported.record(place, scored);
        if seen.is_multiple_of(64) && browser::now() - slice_start > SLICE_MS {
            dispatch.dispatch(Action::Reading(imported.result.name.clone(), seen));
            browser::next_tick().await;
            slice_start = browser::now();
        }
    }
}

/// Saves the summary's CSV, byte for byte what `umbral batch --summary --summary-format csv`
/// prints for the same files, filters and requirements.
pub fn download(figures: &Figures) {
    if let Err(message) =
        crate::ui::browser::download("umbral-resumen.csv", "text/csv", &figures.to_csv())
    {
        gloo::console::error!(format!("umbral planner: {message}"));
    }
}

/// Saves each enterprise's first and latest visit as CSV, byte for byte what `umbral batch
/// --summary --summary-format before-after` prints for the same files and filters.
pub fn download_enterprises(ba: &crate::planner::before_after::BeforeAfter) {
    let csv = ba.enterprises_csv();
    if let Err(message) = crate::ui::browser::download("umbral-antes-despues.csv", "text/csv", &csv)
    {
        gloo::console::error!(format!("umbral planner: {message}"));
    }
}

/// One record of a file to score: a profile's JSON (with a hand-off file's earlier visits),
/// scored with its country's pack, or an export's submission, scored with the pack its form
/// was written from.
enum Record {
    Found(import::Found),
    Export(Profile, Rc<Pack>),
}
