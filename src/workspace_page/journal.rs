//! A write-ahead copy of the open visit in `localStorage`, written synchronously on every
//! change, before the IndexedDB write starts.
//!
//! IndexedDB writes are asynchronous, and closing the tab aborts every transaction that has
//! not committed yet: a consultant who types a note and shuts the tab at once would lose the
//! last keystrokes. So each change is first copied here (`localStorage` writes finish before
//! the handler returns, as the entrepreneur app's draft does), and the copy is dropped once
//! IndexedDB has the same revision. On the next open, any copy left behind is written to
//! IndexedDB with the same revision check as any write: when the stored visit changed in the
//! meantime, both versions are kept.

use serde::{Deserialize, Serialize};

use super::records::VisitRecord;

/// Each pending visit is kept under this prefix and its id.
pub const PREFIX: &str = "umbral.taller.pendiente/";

#[derive(Serialize, Deserialize)]
pub struct Pending {
    /// The revision the write starts from.
    pub base: u32,
    pub record: VisitRecord,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps `record` until IndexedDB has it. Returns false when `localStorage` refused.
pub fn keep(record: &VisitRecord, base: u32) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let pending = Pending {
        base,
        record: record.clone(),
    };
    serde_json::to_string(&pending).ok().is_some_and(|text| {
        storage
            .set_item(&format!("{PREFIX}{}", record.id), &text)
            .is_ok()
    })
}

/// Drops the copy of a visit once IndexedDB holds `revision` (a later copy stays).
pub fn written(id: &str, revision: u32) {
    let Some(storage) = storage() else { return };
    let key = format!("{PREFIX}{id}");
    let later = storage
        .get_item(&key)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<Pending>(&text).ok())
        .is_some_and(|pending| pending.record.revision() > revision);
    if !later {
        let _ = storage.remove_item(&key);
    }
}

/// Drops the copy of a visit, whatever it holds.
pub fn forget(id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{id}"));
    }
}

/// Every copy left behind (unreadable ones are dropped with a warning).
pub fn pending() -> Vec<Pending> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    let mut out = Vec::new();
    for key in keys {
        let text = storage.get_item(&key).ok().flatten().unwrap_or_default();
        match serde_json::from_str::<Pending>(&text) {
            Ok(pending) => out.push(pending),
            Err(error) => {
                gloo::console::warn!(format!("umbral: unreadable pending write {key}: {error}"));
                let _ = storage.remove_item(&key);
            }
        }
    }
    out
}
