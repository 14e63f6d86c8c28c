//! What importing a file means, without the browser: which pack a record is scored with, how
//! a record or a whole file becomes a problem at a place, and what one file gave. Pure (built
//! natively too, for its tests): the page's effects (`super::effects`) read the files, fetch
//! the packs and pace the work, and hand the results to the reducer (`super::model`).

use std::rc::Rc;

use serde_json::Value as Json;

use crate::engine::{Locale, Pack, Profile};
use crate::form::export::{ExportError, ProgrammeHint, Reader};
use crate::planner::before_after::History;
use crate::planner::records::{self, ExportFile, Followed, Format, Place, Records};
use crate::planner::{self, Assessment};

use super::words::Words;

/// The packs the page can score with, by country code.
pub const PACKS: [(&str, &str); 3] = [("MX", "mx"), ("CL", "cl"), ("BO", "bo")];

/// The most problems listed per file; the rest are counted.
pub const SHOWN_PROBLEMS: usize = 100;

/// The largest file the planner reads, in bytes: read whole into memory, then scored in slices.
/// 100,000 profiles as JSON Lines are about 63 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What the planner says a programme's questions need in an export's CSV: it has no
/// `--pack`.
pub const PROGRAMME_HINT: ProgrammeHint = ProgrammeHint::JsonOrBatch;

/// The id of the pack for `country`, if the page has one.
pub fn country_pack(country: &str) -> Option<&'static str> {
    PACKS.iter().find(|(c, _)| *c == country).map(|(_, id)| *id)
}

/// The text of an error of the export reader ([`crate::form::export`], and
/// [`crate::planner::records::ExportFile`] over it), as the page shows it: in the page's
/// language.
pub fn record_error(error: &ExportError, w: &Words) -> String {
    error.message(w.locale)
}

/// The records of an export (opened, its pack's `reader` made), each named by its place in
/// the page's words with its profile or its problem in the page's language; or, when the
/// header does not map, the file refused whole: where (line 1) and why.
pub fn export_records<'r>(
    file: ExportFile<'r>,
    reader: &'r Reader<'_>,
    w: &'r Words,
) -> Result<impl Iterator<Item = (String, Result<Profile, String>)> + 'r, (String, String)> {
    let rows = file
        .submissions(reader)
        .map_err(|error| (format!("{} 1", w.line()), record_error(&error, w)))?;
    Ok(rows.map(move |(place, read)| {
        let read = read.map(|s| s.profile).map_err(|e| record_error(&e, w));
        (export_place(place, w), read)
    }))
}

/// One assessment kept: the pack it was scored with and what the summary needs of it.
pub type Item = (Rc<Pack>, Assessment);

/// One imported file: its name, how many enterprises it gave, its problems (where, what).
#[derive(Clone, Debug, PartialEq)]
pub struct FileResult {
    pub name: String,
    pub read: usize,
    pub problems: Vec<(String, String)>,
    pub problem_count: usize,
}

impl FileResult {
    /// A file nothing has been read from yet.
    pub fn new(name: &str) -> FileResult {
        FileResult {
            name: name.to_string(),
            read: 0,
            problems: Vec::new(),
            problem_count: 0,
        }
    }

    /// Counts a problem of the file, keeping the first [`SHOWN_PROBLEMS`] to show.
    pub fn problem(&mut self, place: String, message: String) {
        self.problem_count += 1;
        if self.problems.len() < SHOWN_PROBLEMS {
            self.problems.push((place, message));
        }
    }
}

/// What one file gave: its line in the list of files and the assessments it adds.
#[derive(Clone, Debug)]
pub struct Imported {
    pub result: FileResult,
    pub items: Vec<Item>,
}

impl Imported {
    pub fn new(name: &str) -> Imported {
        Imported {
            result: FileResult::new(name),
            items: Vec::new(),
        }
    }

    /// A file refused whole, with why.
    pub fn refused(name: &str, place: String, message: String) -> Imported {
        let mut imported = Imported::new(name);
        imported.result.problem(place, message);
        imported
    }

    /// Counts one record: an assessment kept, or a problem at its place.
    pub fn record(&mut self, place: String, scored: Result<Item, String>) {
        match scored {
            Ok(item) => {
                self.items.push(item);
                self.result.read += 1;
            }
            Err(message) => self.result.problem(place, message),
        }
    }
}

/// A file larger than [`MAX_FILE_BYTES`], named with its size and not read; `None` for a file
/// the page reads.
pub fn too_big(name: &str, bytes: u64, w: &Words) -> Option<Imported> {
    (bytes > MAX_FILE_BYTES).then(|| {
        Imported::refused(
            name,
            w.unreadable_file().to_string(),
            w.too_big(bytes.div_ceil(1_048_576), MAX_FILE_BYTES / 1_048_576),
        )
    })
}

/// A file the browser could not read, with the browser's reason.
pub fn unreadable(name: &str, message: String, w: &Words) -> Imported {
    Imported::refused(name, w.unreadable_file().to_string(), message)
}

/// The packs fetched so far, and those that could not be, by id, with why. The effects keep
/// one (the page's pack cache); scoring only reads it.
#[derive(Clone, Debug, Default)]
pub struct Packs {
    fetched: Vec<Rc<Pack>>,
    failed: Vec<(String, String)>,
}

impl Packs {
    /// Remembers a fetch: the pack, or why it failed.
    pub fn add(&mut self, id: &str, fetched: Result<Rc<Pack>, String>) {
        match fetched {
            Ok(pack) => self.fetched.push(pack),
            Err(why) => self.failed.push((id.to_string(), why)),
        }
    }

    /// Whether a fetch of `id` has ended, either way.
    pub fn knows(&self, id: &str) -> bool {
        self.get(id).is_some() || self.failure(id).is_some()
    }

    /// The pack with this id, once fetched.
    pub fn get(&self, id: &str) -> Option<&Rc<Pack>> {
        self.fetched.iter().find(|p| p.data.id == id)
    }

    /// The pack of `country`, once fetched (not a programme's pack for the country).
    pub fn of_country(&self, country: &str) -> Option<&Rc<Pack>> {
        self.get(country_pack(country)?)
    }

    /// Why the pack with this id could not be fetched, if it could not.
    pub fn failure(&self, id: &str) -> Option<&str> {
        self.failed
            .iter()
            .find(|(x, _)| x == id)
            .map(|(_, why)| why.as_str())
    }
}

/// How a file is read: an export of Umbral's form (scored with the one pack its form names),
/// or profiles and hand-off files (each profile with its country's pack).
pub fn is_export(name: &str, text: &str) -> bool {
    records::is_export(name, text.as_bytes())
}

/// A record of a file that is not an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A profile's JSON, from JSON Lines or CSV, to be checked as it is scored.
    Json(Json),
    /// An enterprise of a hand-off file: its latest visit's answers, which the file's reader
    /// checked, and the rest of what the file says of it (for the cohort filters and the
    /// before and after).
    Followed(Profile, Box<Followed>),
}

/// The profiles of a file that is not an export, each named by its place: a hand-off file's
/// enterprises, or the lines of JSON Lines or CSV.
pub fn profile_records<'t>(
    text: &'t str,
    name: &str,
    w: &'t Words,
) -> Box<dyn Iterator<Item = (String, Result<Found, String>)> + 't> {
    if records::is_handoff(text.as_bytes()) {
        Box::new(handoff_records(text, w).into_iter())
    } else {
        Box::new(
            Records::new(text, Format::of_file(name, text)).map(move |(line, json)| {
                (
                    format!("{} {line}", w.line()),
                    json.map(Found::Json).map_err(|e| e.message(w.locale)),
                )
            }),
        )
    }
}

/// The records of a hand-off file: each enterprise's latest visit's profile, named by the
/// enterprise, with its earlier visits; or every problem of a file that cannot be read (it is
/// refused whole).
fn handoff_records(text: &str, w: &Words) -> Vec<(String, Result<Found, String>)> {
    match records::handoff_records(text) {
        Ok(enterprises) => enterprises
            .into_iter()
            .map(|e| {
                let found = e
                    .latest
                    .map(|latest| Found::Followed(latest, Box::new(e.followed)));
                (e.name, found.ok_or_else(|| w.no_visit().to_string()))
            })
            .collect(),
        Err(problems) => problems
            .into_iter()
            .map(|e| {
                let place = if e.path.is_empty() {
                    w.whole_file().to_string()
                } else {
                    e.path.clone()
                };
                (place, Err(e.problem.message(w.locale)))
            })
            .collect(),
    }
}

/// Where a record of an export is, in the page's words: "Línea 3", "Envío 2 (_id 41)".
pub fn export_place(place: Place, w: &Words) -> String {
    match place {
        Place::Line(n) => format!("{} {n}", w.line()),
        Place::Submission(n, None) => format!("{} {n}", w.submission()),
        Place::Submission(n, Some(id)) => format!("{} {n} ({id})", w.submission()),
    }
}

impl Found {
    /// The pack the record asks for (its country's), to fetch before [`score_found`].
    pub fn wanted_pack(&self) -> Option<&'static str> {
        match self {
            Found::Json(json) => match json.get("country") {
                Some(Json::String(country)) => country_pack(country),
                _ => None,
            },
            Found::Followed(profile, _) => country_pack(&profile.country),
        }
    }
}

/// Scores a record of a profile file or a hand-off file with its country's pack among
/// `packs`, and with its enterprise's earlier visits for the before and after, as `umbral
/// batch` does; a country whose pack failed or does not exist is a problem that says so.
pub fn score_found(packs: &Packs, found: Found, w: &Words) -> Result<Item, String> {
    match found {
        Found::Json(json) => {
            let profile = Profile::from_value(&json)
                .map_err(|e| planner::ScoreError::Profile(e).message(w.locale))?;
            score_profile(packs, profile, w)
        }
        Found::Followed(latest, followed) => {
            let (pack, assessment) = score_profile(packs, latest, w)?;
            let history = History::read(&pack, *followed);
            Ok((pack, assessment.with_history(history)))
        }
    }
}

/// Scores a profile with its country's pack among `packs`.
fn score_profile(packs: &Packs, profile: Profile, w: &Words) -> Result<Item, String> {
    let (pack, profile, report) = planner::score_profile(profile, Locale::Es, |profile| {
        let pack = packs.of_country(&profile.country).ok_or_else(|| {
            match country_pack(&profile.country).and_then(|id| packs.failure(id)) {
                Some(why) => w.pack_missing(&profile.country, why),
                None => w.no_pack(&profile.country),
            }
        })?;
        Ok(&**pack)
    })
    .map_err(|e| e.message(w.locale))?;
    // The pack came from `packs`, so it is there; said plainly rather than assumed.
    let Some(kept) = packs.get(&pack.data.id).cloned() else {
        return Err(w.no_pack(&profile.country));
    };
    Ok((kept, Assessment::new(pack, profile, &report)))
}

/// Scores a submission of an export with the pack its form was written from.
pub fn score_submission(pack: &Rc<Pack>, profile: Profile, w: &Words) -> Result<Item, String> {
    planner::score_profile(profile, Locale::Es, |_| Ok(&**pack))
        .map(|(_, profile, report)| (pack.clone(), Assessment::new(pack, profile, &report)))
        .map_err(|e| e.message(w.locale))
}
