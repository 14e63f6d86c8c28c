//! The workspace's IndexedDB database, through `web-sys` (no wrapper crate: the few calls the
//! workspace makes fit in this file, and the page carries no extra code for them).
//!
//! Database `umbral-taller`, schema version [`DB_VERSION`]:
//!
//! | store | key | holds |
//! | --- | --- | --- |
//! | `enterprises` | `id` | [`EnterpriseRecord`] |
//! | `visits` | `id`, index `enterprise` | [`VisitRecord`] |
//! | `apartados` | auto | records that could not be read: `{store, key, record, reason, at}` |
//! | `meta` | name | `device` (this installation's id), `exported` (JSON: enterprise id to RFC 3339), `draft_imported` (true) |
//!
//! Schema version 1 had only `enterprises` and `visits`; opening it upgrades it in place
//! ([`upgrade`]), keeping every record. Records are read one by one: one that cannot be read
//! is moved to `apartados` with the reason, and the others load. A visit is written only if the
//! stored revision is still the one the writer started from ([`save_visit`]), checked inside
//! the same transaction, so two tabs never silently overwrite each other.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use js_sys::{Array, Promise, Reflect, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use super::records::{decode_enterprise, decode_visit, is_newer, EnterpriseRecord, VisitRecord};
pub use super::records::{DbError, Loaded};

pub const DB_NAME: &str = "umbral-taller";
/// The schema version: bump it with a new step in [`upgrade`].
pub const DB_VERSION: u32 = 2;
pub const ENTERPRISES: &str = "enterprises";
pub const VISITS: &str = "visits";
pub const SET_ASIDE: &str = "apartados";
pub const META: &str = "meta";

fn classify(error: &JsValue) -> DbError {
    if let Some(e) = error.dyn_ref::<DomException>() {
        if e.name() == "QuotaExceededError" {
            return DbError::Quota;
        }
        return DbError::Other(format!("{}: {}", e.name(), e.message()));
    }
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        if e.name() == "QuotaExceededError" {
            return DbError::Quota;
        }
        return DbError::Other(String::from(e.message()));
    }
    DbError::Other(format!("{error:?}"))
}

/// The result of a request, once it succeeds.
fn wait(request: &IdbRequest) -> impl Future<Output = Result<JsValue, DbError>> {
    let request = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let result = done.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::UNDEFINED, &result);
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    async move { JsFuture::from(promise).await.map_err(|e| classify(&e)) }
}

/// Completes when the transaction commits; fails with its error when it aborts.
fn finished(tx: &IdbTransaction) -> impl Future<Output = Result<(), DbError>> {
    let tx = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let aborted = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = aborted.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    async move {
        JsFuture::from(promise)
            .await
            .map(|_| ())
            .map_err(|e| classify(&e))
    }
}

/// Asks the transaction to commit now rather than once the event loop comes round (the page
/// may be closing). web-sys marks `commit` deprecated only because its WebIDL source does;
/// every current browser has it, and one without it commits a moment later anyway.
#[allow(deprecated)]
fn commit(tx: &IdbTransaction) {
    let _ = tx.commit();
}

fn js_error(error: JsValue) -> DbError {
    classify(&error)
}

fn names(stores: &[&str]) -> Array {
    stores.iter().map(|s| JsValue::from_str(s)).collect()
}

fn write_tx(db: &IdbDatabase, stores: &[&str]) -> Result<IdbTransaction, DbError> {
    db.transaction_with_str_sequence_and_mode(&names(stores), IdbTransactionMode::Readwrite)
        .map_err(js_error)
}

/// A record as a JS object (through JSON, so stored records are plain data).
pub fn to_js<T: serde::Serialize>(record: &T) -> Result<JsValue, DbError> {
    let text = serde_json::to_string(record).map_err(|e| DbError::Other(e.to_string()))?;
    JSON::parse(&text).map_err(js_error)
}

/// Opens the database, creating or upgrading it.
pub async fn open() -> Result<IdbDatabase, DbError> {
    // The page's or the helper worker's (`super::helper`): both have `indexedDB`.
    let factory: web_sys::IdbFactory = Reflect::get(&js_sys::global(), &"indexedDB".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| DbError::Unavailable("no IndexedDB in this browser".into()))?;
    let request = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| DbError::Unavailable(format!("{:?}", classify(&e))))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |event: web_sys::IdbVersionChangeEvent| {
            let db = upgrading.result().ok().and_then(|r| r.dyn_into().ok());
            let tx = upgrading.transaction();
            if let (Some(db), Some(tx)) = (db, tx) {
                if let Err(error) = upgrade(&db, &tx, event.old_version() as u32) {
                    gloo::console::error!(format!("umbral: database upgrade failed: {error:?}"));
                    let _ = tx.abort();
                }
            }
        },
    );
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let result = wait(&request).await;
    request.set_onupgradeneeded(None);
    drop(on_upgrade);
    let db: IdbDatabase = result
        .map_err(|e| DbError::Unavailable(format!("{e:?}")))?
        .dyn_into()
        .map_err(|_| DbError::Unavailable("not a database".into()))?;
    // A newer version opened in another tab asks this one to step aside: close, so it can
    // upgrade; this tab's next write then fails and says so.
    let closing = db.clone();
    let on_version = Closure::<dyn FnMut()>::new(move || closing.close());
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    Ok(db)
}

/// Brings the schema from `old` (0 when the database is new) to [`DB_VERSION`], step by step.
fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old: u32) -> Result<(), JsValue> {
    if old < 1 {
        let by_id = IdbObjectStoreParameters::new();
        by_id.set_key_path(&JsValue::from_str("id"));
        db.create_object_store_with_optional_parameters(ENTERPRISES, &by_id)?;
        db.create_object_store_with_optional_parameters(VISITS, &by_id)?;
    }
    if old < 2 {
        // Version 2: a visit index by enterprise, the store for unreadable records, and meta.
        tx.object_store(VISITS)?
            .create_index_with_str("enterprise", "enterprise")?;
        let auto = IdbObjectStoreParameters::new();
        auto.set_auto_increment(true);
        db.create_object_store_with_optional_parameters(SET_ASIDE, &auto)?;
        db.create_object_store(META)?;
    }
    Ok(())
}

struct Bad {
    store: &'static str,
    key: JsValue,
    record: JsValue,
    reason: String,
}

fn array(value: JsValue) -> Array {
    value.dyn_into().unwrap_or_default()
}

fn text_of(value: &JsValue) -> Result<String, String> {
    JSON::stringify(value)
        .map(String::from)
        .map_err(|_| "the record cannot be written as JSON".to_string())
}

/// Reads every record; unreadable ones are moved aside (each on its own, with the reason).
pub async fn load(db: &IdbDatabase) -> Result<Loaded, DbError> {
    let tx = db
        .transaction_with_str_sequence(&names(&[ENTERPRISES, VISITS, SET_ASIDE, META]))
        .map_err(js_error)?;
    let store = |name| tx.object_store(name).map_err(js_error);
    let (enterprises, visits, aside, meta) = (
        store(ENTERPRISES)?,
        store(VISITS)?,
        store(SET_ASIDE)?,
        store(META)?,
    );
    let requests = [
        enterprises.get_all_keys(),
        enterprises.get_all(),
        visits.get_all_keys(),
        visits.get_all(),
        aside.count(),
        meta.get(&JsValue::from_str("exported")),
        meta.get(&JsValue::from_str("draft_imported")),
        meta.get(&JsValue::from_str("device")),
    ];
    let mut results = Vec::with_capacity(requests.len());
    let pending: Vec<IdbRequest> = requests
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(js_error)?;
    for request in &pending {
        results.push(wait(request).await?);
    }
    super::browser::mark("umbral-taller:read");
    let mut bad = Vec::new();
    let mut loaded = Loaded {
        enterprises: Vec::new(),
        visits: Vec::new(),
        set_aside_now: 0,
        newer: 0,
        set_aside_total: results[4].as_f64().unwrap_or(0.0) as usize,
        exported: results[5]
            .as_string()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default(),
        draft_imported: results[6].is_truthy(),
        device: results[7].as_string(),
    };
    let (keys, values) = (array(results[0].clone()), array(results[1].clone()));
    for (key, value) in keys.iter().zip(values.iter()) {
        let text = text_of(&value);
        if text.as_deref().is_ok_and(is_newer) {
            loaded.newer += 1;
            continue;
        }
        match text.and_then(|text| decode_enterprise(&text)) {
            Ok(record) => loaded.enterprises.push(record),
            Err(reason) => bad.push(Bad {
                store: ENTERPRISES,
                key,
                record: value,
                reason,
            }),
        }
    }
    let (keys, values) = (array(results[2].clone()), array(results[3].clone()));
    for (key, value) in keys.iter().zip(values.iter()) {
        let text = text_of(&value);
        if text.as_deref().is_ok_and(is_newer) {
            loaded.newer += 1;
            continue;
        }
        let decoded = text.and_then(|text| decode_visit(&text));
        match decoded {
            Ok(record) => loaded.visits.push(record),
            Err(reason) => bad.push(Bad {
                store: VISITS,
                key,
                record: value,
                reason,
            }),
        }
    }
    super::browser::mark("umbral-taller:decoded");
    if !bad.is_empty() {
        loaded.set_aside_now = bad.len();
        loaded.set_aside_total += bad.len();
        for b in &bad {
            gloo::console::warn!(format!(
                "umbral: a record of {} could not be read and was set aside: {}",
                b.store, b.reason
            ));
        }
        set_aside(db, &bad).await?;
    }
    Ok(loaded)
}

/// Moves unreadable records to `apartados`, each only if it is still the record that was read:
/// another tab may have written it since this one read it (a good record in its place is
/// left alone).
async fn set_aside(db: &IdbDatabase, bad: &[Bad]) -> Result<(), DbError> {
    let tx = write_tx(db, &[ENTERPRISES, VISITS, SET_ASIDE])?;
    let aside = tx.object_store(SET_ASIDE).map_err(js_error)?;
    let failed: Rc<RefCell<Option<DbError>>> = Rc::default();
    let queued = all_or_nothing(&tx, || {
        for b in bad {
            let entry = js_sys::Object::new();
            for (name, value) in [
                ("store", JsValue::from_str(b.store)),
                ("key", b.key.clone()),
                ("record", b.record.clone()),
                ("reason", JsValue::from_str(&b.reason)),
                ("at", JsValue::from_str(&super::browser::now())),
            ] {
                let _ = js_sys::Reflect::set(&entry, &JsValue::from_str(name), &value);
            }
            let store = tx.object_store(b.store).map_err(js_error)?;
            let get = store.get(&b.key).map_err(js_error)?;
            let read = text_of(&b.record).ok();
            let (aside, key, tx, failed, request) = (
                aside.clone(),
                b.key.clone(),
                tx.clone(),
                failed.clone(),
                get.clone(),
            );
            let move_aside = Closure::once_into_js(move || {
                let now = request.result().ok().and_then(|v| text_of(&v).ok());
                if now.is_none() || now != read {
                    return;
                }
                let moved = aside.add(&entry).and_then(|_| store.delete(&key));
                if let Err(error) = moved {
                    *failed.borrow_mut() = Some(classify(&error));
                    let _ = tx.abort();
                }
            });
            get.set_onsuccess(Some(move_aside.unchecked_ref()));
        }
        Ok(())
    });
    queued?;
    let result = finished(&tx).await;
    let failed = failed.borrow_mut().take();
    match failed {
        Some(error) => Err(error),
        None => result,
    }
}

/// The records kept aside, as JSON text (for the user to download and keep).
pub async fn set_aside_records(db: &IdbDatabase) -> Result<String, DbError> {
    let tx = db.transaction_with_str(SET_ASIDE).map_err(js_error)?;
    let all = tx
        .object_store(SET_ASIDE)
        .and_then(|s| s.get_all())
        .map_err(js_error)?;
    let value = wait(&all).await?;
    JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        .map(String::from)
        .map_err(js_error)
}

/// Makes a transaction's requests with `requests`; when the browser refuses one, aborts the
/// transaction, so that none of them is written (an unfinished transaction would otherwise
/// commit the requests made before), and returns why.
fn all_or_nothing(
    tx: &IdbTransaction,
    requests: impl FnOnce() -> Result<(), DbError>,
) -> Result<(), DbError> {
    requests().inspect_err(|_| {
        let _ = tx.abort();
    })
}

/// Writes enterprises and visits as they are (new ones, an import), in one transaction.
pub async fn put_all(
    db: &IdbDatabase,
    enterprises: &[EnterpriseRecord],
    visits: &[VisitRecord],
) -> Result<(), DbError> {
    put_and_delete(db, enterprises, visits, &[]).await
}

/// Writes enterprises and visits and deletes visits, all in one transaction (settling a
/// conflict: the original takes a save, its other version goes).
pub async fn put_and_delete(
    db: &IdbDatabase,
    enterprises: &[EnterpriseRecord],
    visits: &[VisitRecord],
    deleted_visits: &[String],
) -> Result<(), DbError> {
    let tx = write_tx(db, &[ENTERPRISES, VISITS])?;
    all_or_nothing(&tx, || {
        let e = tx.object_store(ENTERPRISES).map_err(js_error)?;
        let v = tx.object_store(VISITS).map_err(js_error)?;
        for record in enterprises {
            e.put(&to_js(record)?).map_err(js_error)?;
        }
        for record in visits {
            v.put(&to_js(record)?).map_err(js_error)?;
        }
        for id in deleted_visits {
            v.delete(&JsValue::from_str(id)).map_err(js_error)?;
        }
        Ok(())
    })?;
    commit(&tx);
    finished(&tx).await
}

/// A record to write over the stored one only if that still has revision `base` (0: it must
/// not exist yet): what an import writes (made by the helper worker, `super::helper`).
pub struct Write {
    /// [`ENTERPRISES`] or [`VISITS`].
    pub store: &'static str,
    pub id: String,
    pub base: u32,
    /// The record as stored (see [`to_js`]).
    pub record: JsValue,
}

impl Write {
    /// `record` (an [`EnterpriseRecord`] or a [`VisitRecord`]) to write into `store`.
    pub fn of<T: serde::Serialize>(
        store: &'static str,
        id: &str,
        base: u32,
        record: &T,
    ) -> Result<Write, DbError> {
        Ok(Write {
            store,
            id: id.to_string(),
            base,
            record: to_js(record)?,
        })
    }
}

/// Makes each write only if the stored record's revision is still its base, all in one
/// transaction: if any changed meanwhile (another tab saved it), nothing is written and the
/// result is [`DbError::Conflict`]. What an import writes: only what its merge changed, under
/// the same check as every other save.
pub async fn put_if_unchanged(db: &IdbDatabase, writes: &[Write]) -> Result<(), DbError> {
    let tx = write_tx(db, &[ENTERPRISES, VISITS])?;
    let outcome: Outcome = Rc::default();
    all_or_nothing(&tx, || {
        for write in writes {
            put_if_revision(
                &tx,
                write.store,
                &write.id,
                write.record.clone(),
                write.base,
                &outcome,
                false,
            )?;
        }
        Ok(())
    })?;
    settle(&tx, &outcome).await
}

/// Why a checked write was refused, once its transaction ends.
type Outcome = Rc<RefCell<Option<DbError>>>;

/// Makes, in `tx`, the request that reads record `id` of `store_name` and, when its stored
/// revision is still `base` (0: there is none), puts `value` in its place; otherwise `outcome`
/// gets the conflict and the whole transaction is aborted. With `commit_now`, the transaction
/// is committed once the put is made (one record: the page may be closing).
fn put_if_revision(
    tx: &IdbTransaction,
    store_name: &str,
    id: &str,
    value: JsValue,
    base: u32,
    outcome: &Outcome,
    commit_now: bool,
) -> Result<(), DbError> {
    let store = tx.object_store(store_name).map_err(js_error)?;
    let get = store.get(&JsValue::from_str(id)).map_err(js_error)?;
    let check = {
        let (get, tx, outcome) = (get.clone(), tx.clone(), outcome.clone());
        Closure::once_into_js(move || {
            if outcome.borrow().is_some() {
                return;
            }
            let stored = get.result().unwrap_or(JsValue::UNDEFINED);
            let revision = stored_revision(&stored);
            let fine = match revision {
                Some(stored) => stored == base,
                None => base == 0 && stored.is_undefined(),
            };
            if !fine {
                *outcome.borrow_mut() = Some(DbError::Conflict(revision));
                let _ = tx.abort();
                return;
            }
            match store.put(&value) {
                Ok(_) if commit_now => commit(&tx),
                Ok(_) => {}
                Err(error) => {
                    *outcome.borrow_mut() = Some(classify(&error));
                    let _ = tx.abort();
                }
            }
        })
    };
    get.set_onsuccess(Some(check.unchecked_ref()));
    Ok(())
}

/// Waits for `tx` to end: the refusal recorded in `outcome` if there was one, else how the
/// transaction ended.
async fn settle(tx: &IdbTransaction, outcome: &Outcome) -> Result<(), DbError> {
    let result = finished(tx).await;
    let refused = outcome.borrow_mut().take();
    match refused {
        Some(error) => Err(error),
        None => result,
    }
}

/// Writes a visit whose stored revision must still be `base` (0: it must not exist yet);
/// `record.revision` is the new one. Refused with [`DbError::Conflict`] otherwise.
pub async fn save_visit(db: &IdbDatabase, record: &VisitRecord, base: u32) -> Result<(), DbError> {
    save_checked(db, VISITS, &record.id, to_js(record)?, base).await
}

/// Writes an enterprise's details whose stored revision must still be `base` (what the form
/// was opened with). Refused with [`DbError::Conflict`] otherwise.
pub async fn save_enterprise(
    db: &IdbDatabase,
    record: &EnterpriseRecord,
    base: u32,
) -> Result<(), DbError> {
    save_checked(db, ENTERPRISES, &record.id, to_js(record)?, base).await
}

/// Puts `value` (keyed `id`) into `store_name` if the stored record's revision is still `base`,
/// checked and written in one transaction.
async fn save_checked(
    db: &IdbDatabase,
    store_name: &str,
    id: &str,
    value: JsValue,
    base: u32,
) -> Result<(), DbError> {
    let tx = write_tx(db, &[store_name])?;
    let outcome: Outcome = Rc::default();
    put_if_revision(&tx, store_name, id, value, base, &outcome, true)?;
    settle(&tx, &outcome).await
}

/// The revision of a stored visit or enterprise (its saves, summed over `edits`, and for an
/// enterprise its steps' too, as `Enterprise::revision` counts them); `None` when there is no
/// record or it cannot be read.
fn stored_revision(stored: &JsValue) -> Option<u32> {
    if stored.is_undefined() {
        return None;
    }
    let text = text_of(stored).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let edits = value.get("edits")?.as_object()?;
    let steps = value.get("steps").and_then(|s| s.as_array());
    let step_edits = steps
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("edits")?.as_object());
    Some(
        std::iter::once(edits)
            .chain(step_edits)
            .flat_map(|edits| edits.values())
            .filter_map(serde_json::Value::as_u64)
            .fold(0u32, |a, b| a.saturating_add(b as u32)),
    )
}

/// Reads one enterprise as stored now (after a conflict), if it is there and readable.
pub async fn read_enterprise(
    db: &IdbDatabase,
    id: &str,
) -> Result<Option<EnterpriseRecord>, DbError> {
    read_record(db, ENTERPRISES, id, decode_enterprise).await
}

/// Reads one visit as stored now (after a conflict), if it is there and readable.
pub async fn read_visit(db: &IdbDatabase, id: &str) -> Result<Option<VisitRecord>, DbError> {
    read_record(db, VISITS, id, decode_visit).await
}

/// Reads the record `id` of `store_name`, decoded with `decode`; `None` when it is not there.
async fn read_record<T>(
    db: &IdbDatabase,
    store_name: &str,
    id: &str,
    decode: fn(&str) -> Result<T, String>,
) -> Result<Option<T>, DbError> {
    let tx = db.transaction_with_str(store_name).map_err(js_error)?;
    let get = tx
        .object_store(store_name)
        .and_then(|s| s.get(&JsValue::from_str(id)))
        .map_err(js_error)?;
    let value = wait(&get).await?;
    if value.is_undefined() {
        return Ok(None);
    }
    let text = text_of(&value).map_err(DbError::Other)?;
    decode(&text).map(Some).map_err(DbError::Other)
}

/// Deletes an enterprise and its visits, in one transaction.
pub async fn delete_enterprise(
    db: &IdbDatabase,
    id: &str,
    visits: &[String],
) -> Result<(), DbError> {
    let tx = write_tx(db, &[ENTERPRISES, VISITS])?;
    all_or_nothing(&tx, || {
        tx.object_store(ENTERPRISES)
            .and_then(|s| s.delete(&JsValue::from_str(id)))
            .map_err(js_error)?;
        let store = tx.object_store(VISITS).map_err(js_error)?;
        for visit in visits {
            store.delete(&JsValue::from_str(visit)).map_err(js_error)?;
        }
        Ok(())
    })?;
    finished(&tx).await
}

/// Deletes every enterprise, visit and set-aside record. `meta` keeps `draft_imported`, so the
/// app's draft is not brought back, and forgets the last export.
pub async fn delete_everything(db: &IdbDatabase) -> Result<(), DbError> {
    let tx = write_tx(db, &[ENTERPRISES, VISITS, SET_ASIDE, META])?;
    all_or_nothing(&tx, || {
        for name in [ENTERPRISES, VISITS, SET_ASIDE] {
            tx.object_store(name)
                .and_then(|s| s.clear())
                .map_err(js_error)?;
        }
        tx.object_store(META)
            .and_then(|s| s.delete(&JsValue::from_str("exported")))
            .map_err(js_error)?;
        Ok(())
    })?;
    finished(&tx).await
}

/// Sets one `meta` value.
pub async fn set_meta(db: &IdbDatabase, key: &str, value: &JsValue) -> Result<(), DbError> {
    let tx = write_tx(db, &[META])?;
    tx.object_store(META)
        .and_then(|s| s.put_with_key(value, &JsValue::from_str(key)))
        .map_err(js_error)?;
    finished(&tx).await
}
