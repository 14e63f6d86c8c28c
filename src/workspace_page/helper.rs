//! The workspace's helper: a Web Worker (bin `umbral-helper`, built by Trunk with
//! `data-type="worker"`) that does what could stop the page, started for each job and ended
//! after it.
//!
//! - A QR photo's grey levels are decoded there by `rqrr`, which may panic on a strange photo:
//!   the release build aborts, which ends the worker, not the page.
//! - A hand-off file is read, checked, merged into the workspace's database and written there
//!   (IndexedDB is open to workers too), so a file of 50 MB never freezes the page; the page
//!   reloads the workspace once it is written.
//! - So is an export of Umbral's form from KoboToolbox or ODK Central (CSV or JSON): read with
//!   the pack its form was written from (fetched here, `../packs/<id>.txt`), each submission
//!   made an enterprise with one visit (`crate::workspace::submissions`), and merged the same
//!   way; rows that do not map are left out and named.
//!
//! Messages (the worker says `"ready"` first): `{kind: "qr", width, height, luma}` is answered
//! with the text of the first QR code in it, or `null`; `{kind: "import", file, locale}` with an
//! [`Imported`]: written, or with nothing written, what is wrong with the file (for the person),
//! a full device, or another failure.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::engine::{Locale, Pack};
use crate::form::export::{ProgrammeHint, Reader};
use crate::planner::records::{self as profile_files, ExportFile, Place};
use crate::workspace::{handoff, merge_changes, submissions, Enterprise};

use super::db::{self, Write, ENTERPRISES, VISITS};
use super::records::{self, EnterpriseRecord, VisitRecord};

/// The worker's loader, beside the page (unhashed).
const LOADER: &str = "umbral-helper_loader.js";
/// How long the worker may take to start (compiling its module on a slow phone).
const START_MS: u32 = 30_000;

/// The page's handle on one helper worker; dropping it ends the worker.
pub struct Helper {
    worker: Worker,
}

impl Helper {
    /// Starts a helper and waits until it listens.
    pub async fn start() -> Result<Helper, String> {
        let worker =
            Worker::new(LOADER).map_err(|e| format!("the helper could not start: {e:?}"))?;
        let helper = Helper { worker };
        let first = helper.next_message(START_MS).await?;
        if first.as_string().as_deref() == Some("ready") {
            Ok(helper)
        } else {
            Err("the helper did not start".into())
        }
    }

    /// Sends `message` (handing over `transfer`'s buffers) and waits at most `timeout_ms`
    /// for the answer; a worker that fails or takes longer is an error, never a stopped page.
    pub async fn ask(
        &self,
        message: &JsValue,
        transfer: &Array,
        timeout_ms: u32,
    ) -> Result<JsValue, String> {
        self.worker
            .post_message_with_transfer(message, transfer)
            .map_err(|e| format!("{e:?}"))?;
        self.next_message(timeout_ms).await
    }

    async fn next_message(&self, timeout_ms: u32) -> Result<JsValue, String> {
        let worker = &self.worker;
        let promise = Promise::new(&mut |resolve, reject| {
            let on_message = Closure::once_into_js(move |event: MessageEvent| {
                let _ = resolve.call1(&JsValue::UNDEFINED, &event.data());
            });
            worker.set_onmessage(Some(on_message.unchecked_ref()));
            let failed = reject.clone();
            let on_error = Closure::once_into_js(move |event: web_sys::Event| {
                event.prevent_default();
                let _ = failed.call1(&JsValue::UNDEFINED, &"the helper failed".into());
            });
            worker.set_onerror(Some(on_error.unchecked_ref()));
            gloo::timers::callback::Timeout::new(timeout_ms, move || {
                let _ = reject.call1(&JsValue::UNDEFINED, &"the helper took too long".into());
            })
            .forget();
        });
        JsFuture::from(promise)
            .await
            .map_err(|why| why.as_string().unwrap_or_else(|| format!("{why:?}")))
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// What an import's helper answered; it crosses from the worker to the page as it is
/// (serde-wasm-bindgen): `{outcome: "done", text: {summary, refused}}`, `{outcome: "problem",
/// text}`, `{outcome: "full"}` or `{outcome: "failed", text}`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(tag = "outcome", content = "text", rename_all = "lowercase")]
pub enum Imported {
    /// Written: what the merge did, and the enterprises left out.
    Done {
        summary: String,
        refused: Option<String>,
    },
    /// What is wrong with the file, for the person: nothing was written.
    Problem(String),
    /// The device is full: nothing was written.
    Full,
    /// What went wrong otherwise: nothing was written.
    Failed(String),
}

impl Imported {
    /// The answer as the worker posts it.
    fn to_js(&self) -> JsValue {
        serde_wasm_bindgen::to_value(self).unwrap_or_else(JsValue::from)
    }

    /// Reads an `import` answer.
    pub fn from_js(answer: &JsValue) -> Imported {
        serde_wasm_bindgen::from_value(answer.clone())
            .unwrap_or_else(|e| Imported::Failed(format!("the helper's answer: {e}")))
    }
}

/// The message asking a helper to import `file` into the workspace's database.
pub fn import_message(file: &web_sys::File, locale: Locale) -> JsValue {
    let message = Object::new();
    for (key, value) in [
        ("kind", JsValue::from_str("import")),
        ("file", file.into()),
        ("locale", locale.code().into()),
    ] {
        let _ = Reflect::set(&message, &key.into(), &value);
    }
    message.into()
}

/// The worker's side: answers each message (bin `umbral-helper`).
pub fn serve() {
    crate::ui::worker::serve(|data| match text(&data, "kind").as_deref() {
        Some("qr") => qr(&data),
        Some("import") => {
            wasm_bindgen_futures::future_to_promise(async move { Ok(import(data).await) }).into()
        }
        _ => JsValue::NULL,
    });
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    Reflect::get(value, &key.into()).ok()?.as_string()
}

fn number(value: &JsValue, key: &str) -> f64 {
    Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// `{width, height, luma}`: the text of the first QR code in the grey levels, or `null`.
fn qr(data: &JsValue) -> JsValue {
    let luma = Reflect::get(data, &"luma".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|array| array.to_vec())
        .unwrap_or_default();
    let (width, height) = (
        number(data, "width") as usize,
        number(data, "height") as usize,
    );
    crate::share::photo::decode_luma(width, height, &luma).map_or(JsValue::NULL, JsValue::from)
}

/// How many times an import merges again when another tab saved a record it was writing.
const IMPORT_ATTEMPTS: usize = 5;

/// `{file, locale}`: the file read (every valid enterprise; those with problems named), merged
/// into the workspace as stored now, and only what the merge changed written, under the
/// revision check of every other save: a visit another tab saves meanwhile makes the import
/// merge again, never reverts it.
async fn import(data: JsValue) -> JsValue {
    let locale = text(&data, "locale")
        .and_then(|code| Locale::parse(&code))
        .unwrap_or(Locale::Es);
    import_file(&data, locale)
        .await
        .unwrap_or_else(|refused| refused)
        .to_js()
}

/// [`Imported::Done`] once written; or why nothing was.
async fn import_file(data: &JsValue, locale: Locale) -> Result<Imported, Imported> {
    let file: web_sys::File = Reflect::get(data, &"file".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| Imported::Failed("no file".into()))?;
    let file_text = web_sys::FileReaderSync::new()
        .and_then(|reader| reader.read_as_text(&file))
        .map_err(|e| Imported::Failed(format!("{e:?}")))?;
    let (incoming, refused) = if profile_files::is_export(&file.name(), file_text.as_bytes()) {
        read_export(&file_text, locale).await?
    } else {
        let partial = handoff::decode_partial(&file_text)
            .map_err(|errors| Imported::Problem(errors.message(locale)))?;
        let refused = partial.refused_summary(locale);
        (partial.handoff.enterprises, refused)
    };
    drop(file_text);
    let db = db::open().await.map_err(failed)?;
    for _ in 0..IMPORT_ATTEMPTS {
        let stored = db::load(&db).await.map_err(failed)?;
        let local = records::assemble(&stored.enterprises, &stored.visits, None);
        drop(stored);
        let (report, changes) = merge_changes(&local, incoming.clone());
        drop(local);
        let mut writes = Vec::with_capacity(changes.len());
        for (enterprise, visit, base) in changes.visits {
            let record = VisitRecord::new(&enterprise, visit);
            writes.push(Write::of(VISITS, &record.id, base, &record).map_err(failed)?);
        }
        for (enterprise, base) in changes.enterprises {
            let record = EnterpriseRecord::new(enterprise);
            writes.push(Write::of(ENTERPRISES, &record.id, base, &record).map_err(failed)?);
        }
        match db::put_if_unchanged(&db, &writes).await {
            Ok(()) => {
                db.close();
                return Ok(Imported::Done {
                    summary: report.summary(locale),
                    refused,
                });
            }
            Err(db::DbError::Conflict(_)) => continue,
            Err(error) => {
                db.close();
                return Err(failed(error));
            }
        }
    }
    db.close();
    Err(Imported::Failed(
        "another tab kept saving the same records; nothing was imported, try again".into(),
    ))
}

/// An export of the form (by `profile_files::is_export`) as enterprises with one visit each,
/// read with the pack its first submission names; with the sentence naming the rows left out.
/// An export that cannot be read as a whole (its pack unknown or not fetched, its header not
/// the form's) is a problem for the person, and nothing is imported.
async fn read_export(
    text: &str,
    locale: Locale,
) -> Result<(Vec<Enterprise>, Option<String>), Imported> {
    let w = super::words::words(locale);
    let problem = |detail: String| Imported::Problem(format!("{} {detail}", w.export_unreadable()));
    let file = ExportFile::open(text).map_err(|e| problem(e.message(locale)))?;
    let id = file
        .pack_hint()
        .filter(|id| profile_files::is_pack_file_id(id))
        .ok_or_else(|| problem(w.export_no_pack().to_string()))?
        .to_string();
    let pack = fetch_pack(&id)
        .await
        .map_err(|why| problem(format!("{} {why}", w.export_pack_missing())))?;
    // A programme's questions in CSV: the workspace has no `--pack`, so JSON, which names
    // its form.
    let reader = Reader::new(&pack)
        .map_err(|e| problem(e.message(locale)))?
        .with_programme_hint(ProgrammeHint::Json);
    let form_id = reader.form().id.clone();
    let rows = file
        .submissions(&reader)
        .map_err(|e| problem(format!("{} 1: {}", w.export_line(), e.message(locale))))?;
    let mut enterprises = Vec::new();
    let mut refused = Vec::new();
    for (place, read) in rows {
        let read = read.map_err(submissions::SubmissionProblem::Read);
        match read.and_then(|s| submissions::enterprise(&form_id, place.number(), &s)) {
            Ok(enterprise) => enterprises.push(enterprise),
            Err(problem) => {
                let place = match place {
                    Place::Line(n) => format!("{} {n}", w.export_line()),
                    Place::Submission(n, None) => format!("{} {n}", w.export_submission()),
                    Place::Submission(n, Some(id)) => {
                        format!("{} {n} ({id})", w.export_submission())
                    }
                };
                refused.push((place, problem.message(locale)));
            }
        }
    }
    Ok((enterprises, submissions::refused_summary(&refused, locale)))
}

/// Fetches the compiled pack `../packs/<id>.txt` from the worker (beside the page's
/// `/taller/`, like the page's own packs) and links it.
async fn fetch_pack(id: &str) -> Result<Pack, String> {
    let url = format!("../packs/{id}.txt");
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let response = JsFuture::from(scope.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{url}: {e:?}"))?
        .as_string()
        .ok_or_else(|| format!("{url} is not text"))?;
    Pack::from_compact(&text).map_err(|e| format!("{url}: {e}"))
}

/// A database error as an import's answer.
fn failed(error: db::DbError) -> Imported {
    match error {
        db::DbError::Quota => Imported::Full,
        db::DbError::Unavailable(why) | db::DbError::Other(why) => Imported::Failed(why),
        db::DbError::Conflict(_) => Imported::Failed("another tab saved the same record".into()),
    }
}
