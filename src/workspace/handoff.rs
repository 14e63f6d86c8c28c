//! The hand-off file, `umbral.handoff/3`: a workspace (or part of one) as one JSON document,
//! to move between devices and from one cohort of consultants to the next.
//!
//! ```json
//! {"schema":"umbral.handoff/3","exported_at":"2026-11-28T14:03:09Z","app_version":"0.1.0","enterprises":[
//! {"id":"…","name":"Tejidos Ana","country":"MX",…,"term":"2026-2",…,"visits":[{"id":"…","date":"2026-03-14","profile":{…},…}],
//!  "steps":[{"step":"whatsapp-business","visit":"…","status":"done",…}]}
//! ]}
//! ```
//!
//! The format is specified in `www/spec/handoff.md` and `www/spec/handoff-v3.schema.json`.
//! [`decode`] checks everything the schema says and more (ids unique, one step per visit and
//! entry, dates that exist, each profile valid and in its enterprise's country), and reports
//! every problem at once, each at its JSON path such as
//! `enterprises[3].visits[1].profile.connectivity.internet`. A file of another version is
//! refused as a whole, with a message that says which version it is.
//!
//! **Versioning rule:** readers refuse fields they do not know rather than drop them, so any
//! change to the fields is a new version, and newer apps keep reading the older ones. Version 2
//! differs from version 1 only in its visits' profiles: `umbral.profile/2` (version 1 held
//! `umbral.profile/1` profiles only). Version 3 adds the enterprises' cohort tags and steps
//! followed through, and the visits' outcomes. Files of versions 1 and 2 are read as they
//! always were (a version-1 file's profiles migrated to version 2; neither has tags, steps or
//! outcomes, and a field version 3 added is refused in them), and files are always written as
//! version 3.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use super::{
    is_id, time, Edits, Enterprise, FollowStep, OtherValue, Outcomes, StepStatus, ToolUse, Visit,
    Who, COUNTRIES, DETAIL_FIELDS, MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_REASON_CHARS,
};
use crate::engine::problem::JsonSyntax;
use crate::engine::profile::{
    core_field, core_fields, decode_value as decode_answer, encode_value, is_region, FieldKind,
    Found, Problem, Value, PROFILE_SCHEMA, PROFILE_SCHEMA_V1,
};
use crate::engine::{fill, Locale, Profile};

/// The largest hand-off file an import reads, in bytes: a cohort of 500 enterprises with three
/// visits each is about 2 MB (BENCHMARKS.md), so this is some 40,000 visits. A larger file is
/// refused before it is read, with its size.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

use super::problem::{handoff_words, shorten};
pub use super::problem::{
    HandoffProblem, VisitRef, HANDOFF_SCHEMA, HANDOFF_SCHEMA_V1, HANDOFF_SCHEMA_V2,
};

/// What every version's `schema` value starts with.
const SCHEMA_PREFIX: &str = "umbral.handoff/";

/// The version of Umbral writing files, recorded in `app_version`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One problem in a hand-off file, at a JSON path such as `enterprises[3].visits[1].date`
/// (empty for the file as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct HandoffError {
    pub path: String,
    pub problem: HandoffProblem,
    /// Set when the file was refused as a whole, before its contents were read.
    pub refusal: Option<Refusal>,
}

/// Why a file was refused as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not JSON, or not a JSON object.
    NotJson,
    /// JSON, but not a hand-off file.
    NotHandoff,
    /// One profile (`umbral.profile/…`), not a hand-off file.
    Profile,
    /// A hand-off file of another version, such as `umbral.handoff/3`.
    Version(String),
}

impl HandoffError {
    /// The problem and where it is, in `locale` (`Display` is the English).
    pub fn message(&self, locale: Locale) -> String {
        let message = self.problem.message(locale);
        if self.path.is_empty() {
            message
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl fmt::Display for HandoffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// Every problem found in one hand-off file, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoffErrors(pub Vec<HandoffError>);

impl fmt::Display for HandoffErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for HandoffErrors {}

impl HandoffErrors {
    /// One plain sentence for the person importing, in their language; the messages
    /// themselves (with their paths) are the details for whoever fixes the file.
    pub fn headline(&self, locale: Locale) -> String {
        let w = handoff_words(locale);
        match self.0.first().and_then(|e| e.refusal.as_ref()) {
            Some(Refusal::Version(v)) => fill(w.newer_version(), &[("version", v)]),
            Some(Refusal::Profile) => w.single_assessment().to_string(),
            Some(Refusal::NotJson | Refusal::NotHandoff) => w.not_handoff().to_string(),
            None => {
                let n = self.0.len();
                let template = if n == 1 {
                    w.file_errors_one()
                } else {
                    w.file_errors_other()
                };
                fill(template, &[("n", &n.to_string())])
            }
        }
    }

    /// What the person importing reads: the [`headline`](Self::headline) and, when it asks
    /// for them, the first five problems with their paths (and how many more there are).
    pub fn message(&self, locale: Locale) -> String {
        let mut message = self.headline(locale);
        if message.ends_with(':') {
            let shown: Vec<String> = self.0.iter().take(5).map(|e| e.message(locale)).collect();
            message = format!("{message} {}", shown.join("; "));
            let more = self.0.len().saturating_sub(5);
            if more > 0 {
                message.push_str(&format!(" (+{more})"));
            }
        }
        message
    }
}

/// A decoded hand-off file with what it says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Handoff<A = Json> {
    /// When the file was written, RFC 3339 UTC.
    pub exported_at: String,
    /// The version of Umbral that wrote it.
    pub app_version: String,
    /// The format it was written in ([`HANDOFF_SCHEMA`], [`HANDOFF_SCHEMA_V2`] or
    /// [`HANDOFF_SCHEMA_V1`]); the enterprises read from it are the same either way.
    pub schema: &'static str,
    pub enterprises: Vec<Enterprise<A>>,
}

#[derive(Serialize)]
struct Header<'a> {
    schema: &'a str,
    exported_at: &'a str,
    app_version: &'a str,
}

/// Writes a hand-off file holding `enterprises`, exported at `exported_at` (RFC 3339 UTC).
///
/// Compact JSON with one enterprise per line, so that files stay small and a line-based diff
/// of two files shows which enterprises differ.
pub fn encode(enterprises: &[Enterprise], exported_at: &str) -> String {
    let header = serde_json::to_string(&Header {
        schema: HANDOFF_SCHEMA,
        exported_at,
        app_version: APP_VERSION,
    })
    .expect("the header serializes");
    let mut out = String::with_capacity(1024 + enterprises.len() * 4096);
    out.push_str(&header[..header.len() - 1]);
    out.push_str(",\"enterprises\":[");
    for (i, e) in enterprises.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('\n');
        out.push_str(&serde_json::to_string(e).expect("enterprises serialize"));
    }
    out.push_str("\n]}\n");
    out
}

/// Reads a hand-off file's enterprises, or every problem in it.
pub fn decode(text: &str) -> Result<Vec<Enterprise>, HandoffErrors> {
    decode_file(text).map(|h| h.enterprises)
}

/// Reads a hand-off file with its header, or every problem in it.
pub fn decode_file(text: &str) -> Result<Handoff, HandoffErrors> {
    every_enterprise(read_text(text, as_stored)?)
}

/// Reads a hand-off file to score its visits rather than keep them (the planner, `umbral
/// batch`): as [`decode_file`], with the same problems, but each visit's answers left parsed
/// rather than written back as JSON to be parsed again.
pub fn decode_for_scoring(text: &str) -> Result<Handoff<Profile>, HandoffErrors> {
    every_enterprise(read_text(text, std::convert::identity)?)
}

/// The file's JSON, or why it is not JSON.
fn parse(text: &str) -> Result<Json, HandoffErrors> {
    serde_json::from_str(text).map_err(|e| {
        HandoffErrors(vec![HandoffError {
            path: String::new(),
            problem: HandoffProblem::NotJson {
                detail: JsonSyntax::of(&e),
            },
            refusal: Some(Refusal::NotJson),
        }])
    })
}

/// An enterprise of a file that an import left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedEnterprise {
    /// Its place in the file's `enterprises`.
    pub index: usize,
    /// How to name it to the user: its name (shortened) if it has a usable one, else its id,
    /// else its place in the file.
    pub label: String,
    /// Every problem in it, at paths from the file's root.
    pub errors: HandoffErrors,
}

/// What an import reads from a file: every enterprise that is valid on its own, and each one
/// left out with its problems. One bad record never makes the rest of a cohort's file
/// unimportable.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialHandoff {
    pub handoff: Handoff,
    pub refused: Vec<RefusedEnterprise>,
}

impl PartialHandoff {
    /// One sentence naming the enterprises left out, with their first problems, or `None`
    /// when none was.
    pub fn refused_summary(&self, locale: Locale) -> Option<String> {
        if self.refused.is_empty() {
            return None;
        }
        let w = handoff_words(locale);
        let n = self.refused.len();
        let head = if n == 1 {
            w.refused_enterprises_one()
        } else {
            w.refused_enterprises_other()
        };
        let head = fill(head, &[("n", &n.to_string())]);
        let shown: Vec<String> = self
            .refused
            .iter()
            .take(5)
            .map(|r| {
                let first = r
                    .errors
                    .0
                    .first()
                    .map(|e| e.message(locale))
                    .unwrap_or_default();
                let more = match r.errors.0.len() - 1 {
                    0 => String::new(),
                    m => fill(w.more_errors(), &[("n", &m.to_string())]),
                };
                format!("«{}»: {first}{more}", r.label)
            })
            .collect();
        let rest = match n.saturating_sub(5) {
            0 => String::new(),
            r => fill(w.more_enterprises(), &[("n", &r.to_string())]),
        };
        Some(format!("{head} {}{rest}", shown.join("; ")))
    }
}

/// Reads a hand-off file for an import: the file as a whole must be a hand-off file (its
/// header and its list of enterprises), but an enterprise with problems is left out, with
/// them, rather than refusing the file.
pub fn decode_partial(text: &str) -> Result<PartialHandoff, HandoffErrors> {
    let (handoff, header, refused) = read_text(text, as_stored)?;
    if !header.is_empty() {
        return Err(HandoffErrors(header));
    }
    Ok(PartialHandoff { handoff, refused })
}

/// Reads a hand-off file already parsed as JSON: every enterprise, or every problem.
pub fn decode_value(json: &Json) -> Result<Handoff, HandoffErrors> {
    every_enterprise(read_value(json, as_stored)?)
}

/// A file read whole: every enterprise, or every problem, the header's first.
fn every_enterprise<A>(
    (handoff, mut errors, refused): Read<A>,
) -> Result<Handoff<A>, HandoffErrors> {
    for r in refused {
        errors.extend(r.errors.0);
    }
    if errors.is_empty() {
        Ok(handoff)
    } else {
        Err(HandoffErrors(errors))
    }
}

/// Problems with the file as a whole (header, schema, the list itself).
type HeaderErrors = Vec<HandoffError>;

/// What reading a file gives: the valid enterprises, the header's problems, and the
/// enterprises refused.
type Read<A> = (Handoff<A>, HeaderErrors, Vec<RefusedEnterprise>);

/// Reads a file's text as [`read_value`] reads its JSON, with the same result, but one
/// enterprise at a time when it can ([`read_lazily`]).
fn read_text<A>(text: &str, answers: fn(Profile) -> A) -> Result<Read<A>, HandoffErrors> {
    match read_lazily(text, answers) {
        Some(read) => Ok(read),
        None => read_value(&parse(text)?, answers),
    }
}

/// Reads a file whose every part is right one enterprise at a time: the file's text is only
/// skimmed to find where each member and each enterprise is, and each enterprise is parsed
/// into JSON when its turn comes and dropped after. One JSON tree for a cohort's whole file
/// (tens of megabytes) is most of the time and the memory of reading it, and the browser pays
/// for both.
///
/// `None` as soon as anything is not plainly right: text that is not JSON, a member given
/// twice (skimming does not check the one that does not count, which the tree reader parses),
/// a problem in the header or in any enterprise. The caller then reads the file as one tree
/// with [`read_value`], which names every problem as it always has. Everything that counts is
/// parsed in full, each enterprise as deep in the file as it stands, so a file this reads
/// reads the same as one tree; `tests/handoff.rs` and the fuzz target `handoff_file` hold the
/// two equal.
fn read_lazily<A>(text: &str, answers: fn(Profile) -> A) -> Option<Read<A>> {
    use serde_json::value::RawValue;
    let Members(members) = serde_json::from_str(text).ok()?;
    let mut root = Map::new();
    let mut list: Vec<&RawValue> = Vec::new();
    for (key, raw) in members {
        let value = if key == "enterprises" {
            list = serde_json::from_str(raw.get()).ok()?;
            Json::Array(Vec::new())
        } else {
            serde_json::from_str(raw.get()).ok()?
        };
        if root.insert(key, value).is_some() {
            return None;
        }
    }
    let (read, whole) = read_root(&root, Enterprises::Text(&list), answers).ok()?;
    let clean = whole && read.1.is_empty() && read.2.is_empty();
    clean.then_some(read)
}

/// A JSON object's members, each as its text, in file order.
struct Members<'a>(Vec<(String, &'a serde_json::value::RawValue)>);

impl<'de> serde::Deserialize<'de> for Members<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Members<'de>, M::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push((key, map.next_value()?));
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// One enterprise's text parsed as JSON as deep as it stands in a file (within the file's
/// object and its list), so that it meets the parser's depth limit where the whole file
/// would.
fn parse_listed(raw: &serde_json::value::RawValue) -> Option<Json> {
    let nested = format!("[[{}]]", raw.get());
    let [[json]]: [[Json; 1]; 1] = serde_json::from_str(&nested).ok()?;
    Some(json)
}

/// Reads a file already parsed as JSON: the valid enterprises, the header's problems, and the
/// enterprises refused. `Err` only for a file that is not a hand-off file of a version this
/// reads.
fn read_value<A>(json: &Json, answers: fn(Profile) -> A) -> Result<Read<A>, HandoffErrors> {
    let Json::Object(root) = json else {
        return Err(one(
            "",
            HandoffProblem::FileNotAnObject {
                found: Found::of_cut(json),
            },
            Refusal::NotJson,
        ));
    };
    read_root(root, Enterprises::Tree, answers).map(|(read, _)| read)
}

/// Where a file's enterprises are: in the JSON tree of the whole file, under `enterprises`,
/// or each one's text, to be parsed in turn.
#[derive(Clone, Copy)]
enum Enterprises<'a> {
    Tree,
    Text(&'a [&'a serde_json::value::RawValue]),
}

/// Reads a file's top-level object and its enterprises. From text, the reading stops at the
/// first problem (the file is then read again as one tree, which names them all): the flag
/// is false when it stopped.
fn read_root<A>(
    root: &Map<String, Json>,
    listed: Enterprises,
    answers: fn(Profile) -> A,
) -> Result<(Read<A>, bool), HandoffErrors> {
    let mut d = Decoder::new(answers);
    let version = check_schema(root)?;
    d.version = version;
    let top = Obj {
        map: root,
        path: String::new(),
    };
    d.unknown(
        &top,
        &["schema", "exported_at", "app_version", "enterprises"],
    );
    let exported_at = d.timestamp(&top, "exported_at").unwrap_or_default();
    let app_version = match d.required(&top, "app_version") {
        Some(Json::String(s)) if !s.trim().is_empty() && s.chars().count() <= 64 => s.clone(),
        Some(other) => {
            d.err(
                "app_version",
                HandoffProblem::AppVersion {
                    found: Found::of_cut(other),
                },
            );
            String::new()
        }
        None => String::new(),
    };
    let mut enterprises = Vec::new();
    let mut refused = Vec::new();
    let mut whole = true;
    let tree = d.array(&top, "enterprises");
    let count = match listed {
        Enterprises::Tree => tree.map_or(0, Vec::len),
        Enterprises::Text(list) => list.len(),
    };
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(count);
    let from_text = matches!(listed, Enterprises::Text(_));
    for i in 0..count {
        if from_text && !(d.errors.is_empty() && refused.is_empty()) {
            whole = false;
            break;
        }
        let parsed: Json;
        let value = match (listed, tree) {
            (Enterprises::Text(list), _) => match parse_listed(list[i]) {
                Some(json) => {
                    parsed = json;
                    &parsed
                }
                None => {
                    whole = false;
                    break;
                }
            },
            (Enterprises::Tree, tree) => match tree.and_then(|list| list.get(i)) {
                Some(value) => value,
                None => break,
            },
        };
        let path = format!("enterprises[{i}]");
        let before = d.errors.len();
        if let Some(Json::String(id)) = value.get("id") {
            if let Some(first) = seen.get(id.as_str()) {
                d.err(
                    &format!("{path}.id"),
                    HandoffProblem::EnterpriseIdTaken {
                        id: id.clone(),
                        first: *first,
                    },
                );
            } else {
                seen.insert(id.clone(), i);
            }
        }
        let enterprise = d.enterprise(value, &path);
        if d.errors.len() > before {
            let text = |key: &str| {
                value
                    .get(key)
                    .and_then(Json::as_str)
                    .filter(|s| !s.trim().is_empty())
            };
            let label = text("name")
                .or_else(|| text("id"))
                .map_or_else(|| path.clone(), shorten);
            refused.push(RefusedEnterprise {
                index: i,
                label,
                errors: HandoffErrors(d.errors.split_off(before)),
            });
        } else if let Some(e) = enterprise {
            enterprises.push(e);
        }
    }
    let handoff = Handoff {
        exported_at,
        app_version,
        schema: match version {
            1 => HANDOFF_SCHEMA_V1,
            2 => HANDOFF_SCHEMA_V2,
            _ => HANDOFF_SCHEMA,
        },
        enterprises,
    };
    Ok(((handoff, d.errors, refused), whole))
}

/// Checks one enterprise record on its own, with paths relative to it.
pub(crate) fn decode_enterprise_value(value: &Json) -> Result<Enterprise, HandoffErrors> {
    let mut d = Decoder::default();
    match d.enterprise(value, "") {
        Some(e) => d.finish(e),
        None => Err(HandoffErrors(d.errors)),
    }
}

/// Checks one visit record on its own, with paths relative to it; with `country`, its
/// profile must be for that country.
pub(crate) fn decode_visit_value(
    value: &Json,
    country: Option<&str>,
) -> Result<Visit, HandoffErrors> {
    let mut d = Decoder::default();
    match d.visit(value, "", country, "its enterprise") {
        Some(v) => d.finish(v),
        None => Err(HandoffErrors(d.errors)),
    }
}

fn one(path: &str, problem: HandoffProblem, refusal: Refusal) -> HandoffErrors {
    HandoffErrors(vec![HandoffError {
        path: path.to_string(),
        problem,
        refusal: Some(refusal),
    }])
}

/// The file's version (1, 2 or 3), or its refusal as a whole: a file of another version, or
/// not a hand-off file.
fn check_schema(root: &Map<String, Json>) -> Result<u8, HandoffErrors> {
    match root.get("schema") {
        Some(Json::String(s)) if s == HANDOFF_SCHEMA => Ok(3),
        Some(Json::String(s)) if s == HANDOFF_SCHEMA_V2 => Ok(2),
        Some(Json::String(s)) if s == HANDOFF_SCHEMA_V1 => Ok(1),
        Some(Json::String(s)) if s.starts_with(SCHEMA_PREFIX) => Err(one(
            "schema",
            HandoffProblem::OtherVersion { schema: s.clone() },
            Refusal::Version(s.clone()),
        )),
        Some(Json::String(s)) if s == PROFILE_SCHEMA || s == PROFILE_SCHEMA_V1 => Err(one(
            "schema",
            HandoffProblem::OneProfile { schema: s.clone() },
            Refusal::Profile,
        )),
        Some(other) => Err(one(
            "schema",
            HandoffProblem::NotHandoffSchema {
                found: Found::of_cut(other),
            },
            Refusal::NotHandoff,
        )),
        None => Err(one("", HandoffProblem::MissingSchema, Refusal::NotHandoff)),
    }
}

struct Obj<'a> {
    map: &'a Map<String, Json>,
    path: String,
}

impl Obj<'_> {
    fn at(&self, key: &str) -> String {
        join_path(&self.path, key)
    }
}

fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

struct Decoder<A = Json> {
    errors: Vec<HandoffError>,
    /// The version of the file read (1, 2 or 3; records stored on a device are the latest):
    /// a version-1 file holds `umbral.profile/1` profiles, and only version 3 has cohort
    /// tags, steps and outcomes.
    version: u8,
    /// What a visit keeps of its answers, once they are checked.
    answers: fn(Profile) -> A,
}

impl Default for Decoder {
    /// A decoder keeping each visit's answers as JSON, as the workspace stores them.
    fn default() -> Decoder {
        Decoder::new(as_stored)
    }
}

impl<A> Decoder<A> {
    fn new(answers: fn(Profile) -> A) -> Decoder<A> {
        Decoder {
            errors: Vec::new(),
            version: 3,
            answers,
        }
    }
}

/// A visit's answers as the workspace stores them: the profile's JSON, in the latest version.
fn as_stored(profile: Profile) -> Json {
    profile.to_value()
}

/// The fields of an enterprise, by version: version 3 added the cohort tags and the steps.
const ENTERPRISE_FIELDS_V2: &[&str] = &[
    "id",
    "name",
    "country",
    "region",
    "locality",
    "sector",
    "created",
    "updated",
    "edits",
    "other_values",
    "visits",
    "removed",
];
const ENTERPRISE_FIELDS: &[&str] = &[
    "id",
    "name",
    "country",
    "region",
    "locality",
    "sector",
    "programme",
    "institution",
    "term",
    "team",
    "created",
    "updated",
    "edits",
    "other_values",
    "visits",
    "steps",
    "removed",
];

/// The fields of a visit, by version: version 3 added the outcomes.
const VISIT_FIELDS_V2: &[&str] = &[
    "id",
    "date",
    "profile",
    "notes",
    "updated",
    "edits",
    "conflict_of",
];
const VISIT_FIELDS: &[&str] = &[
    "id",
    "date",
    "profile",
    "notes",
    "outcomes",
    "updated",
    "edits",
    "conflict_of",
];

/// The fields of a step followed through.
const STEP_FIELDS: &[&str] = &[
    "step",
    "visit",
    "status",
    "reason",
    "who",
    "follow_up",
    "confirmed_in",
    "updated",
    "edits",
];

/// The fields of a visit's outcomes, and of a tool in them.
const OUTCOME_FIELDS: &[&str] = &["selling_online", "channels", "online_share", "tools"];
const TOOL_FIELDS: &[&str] = &["entry", "still_using"];

impl<A> Decoder<A> {
    fn err(&mut self, path: &str, problem: HandoffProblem) {
        self.errors.push(HandoffError {
            path: path.to_string(),
            problem,
            refusal: None,
        });
    }

    fn finish<T>(self, value: T) -> Result<T, HandoffErrors> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(HandoffErrors(self.errors))
        }
    }

    fn object<'a>(&mut self, value: &'a Json, path: &str) -> Option<Obj<'a>> {
        match value {
            Json::Object(map) => Some(Obj {
                map,
                path: path.to_string(),
            }),
            other => {
                self.err(
                    path,
                    HandoffProblem::Value(Problem::NotAnObject {
                        found: Found::of_cut(other),
                    }),
                );
                None
            }
        }
    }

    fn unknown(&mut self, obj: &Obj, allowed: &'static [&'static str]) {
        for key in obj.map.keys() {
            if !allowed.contains(&key.as_str()) {
                self.err(
                    &obj.path,
                    HandoffProblem::UnknownField {
                        name: key.clone(),
                        allowed,
                    },
                );
            }
        }
    }

    fn required<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a Json> {
        let value = obj.map.get(key);
        if value.is_none() {
            self.err(
                &obj.path,
                HandoffProblem::MissingField {
                    name: key.to_string(),
                },
            );
        }
        value
    }

    /// An optional field. `null` is not "absent": writers leave absent fields out.
    fn optional<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a Json> {
        obj.map.get(key)
    }

    fn timestamp(&mut self, obj: &Obj, key: &str) -> Option<String> {
        match self.required(obj, key)? {
            Json::String(s) if time::is_timestamp(s) => Some(s.clone()),
            other => {
                self.err(
                    &obj.at(key),
                    HandoffProblem::NotATime {
                        found: Found::of_cut(other),
                    },
                );
                None
            }
        }
    }

    fn id(&mut self, obj: &Obj, key: &str, required: bool) -> Option<String> {
        let value = if required {
            self.required(obj, key)?
        } else {
            self.optional(obj, key)?
        };
        match value {
            Json::String(s) if is_id(s) => Some(s.clone()),
            other => {
                self.err(
                    &obj.at(key),
                    HandoffProblem::NotAnId {
                        found: Found::of_cut(other),
                    },
                );
                None
            }
        }
    }

    /// A text field of at most `max` characters; `blank_ok` allows empty and blank text.
    fn text(
        &mut self,
        obj: &Obj,
        key: &str,
        required: bool,
        max: usize,
        blank_ok: bool,
    ) -> Option<String> {
        let value = if required {
            self.required(obj, key)?
        } else {
            self.optional(obj, key)?
        };
        match value {
            Json::String(s) if s.chars().count() > max => {
                self.err(
                    &obj.at(key),
                    HandoffProblem::Value(Problem::TooLong { max }),
                );
                None
            }
            Json::String(s) if !blank_ok && s.trim().is_empty() => {
                self.err(&obj.at(key), HandoffProblem::Empty);
                None
            }
            Json::String(s) => Some(s.clone()),
            other => {
                self.err(
                    &obj.at(key),
                    HandoffProblem::Value(Problem::NotAString {
                        found: Found::of_cut(other),
                    }),
                );
                None
            }
        }
    }

    fn array<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a Vec<Json>> {
        match self.required(obj, key)? {
            Json::Array(list) => Some(list),
            other => {
                self.err(
                    &obj.at(key),
                    HandoffProblem::NotAList {
                        found: Found::of_cut(other),
                    },
                );
                None
            }
        }
    }

    fn optional_array<'a>(&mut self, obj: &Obj<'a>, key: &str) -> &'a [Json] {
        match self.optional(obj, key) {
            None => &[],
            Some(Json::Array(list)) => list,
            Some(other) => {
                self.err(
                    &obj.at(key),
                    HandoffProblem::NotAList {
                        found: Found::of_cut(other),
                    },
                );
                &[]
            }
        }
    }

    fn edits(&mut self, obj: &Obj, key: &str) -> Edits {
        let mut edits = Edits::new();
        let Some(value) = self.optional(obj, key) else {
            return edits;
        };
        let path = obj.at(key);
        let Json::Object(map) = value else {
            self.err(
                &path,
                HandoffProblem::NotSaveCounts {
                    found: Found::of_cut(value),
                },
            );
            return edits;
        };
        for (device, count) in map {
            if !is_id(device) {
                self.err(
                    &path,
                    HandoffProblem::NotADevice {
                        device: device.clone(),
                    },
                );
                continue;
            }
            match count.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => {
                    edits.insert(device.clone(), n);
                }
                None => self.err(
                    &join_path(&path, device),
                    HandoffProblem::NotASaveCount {
                        found: Found::of_cut(count),
                    },
                ),
            }
        }
        edits
    }

    fn enterprise(&mut self, value: &Json, path: &str) -> Option<Enterprise<A>> {
        let obj = self.object(value, path)?;
        let before = self.errors.len();
        let v3 = self.version >= 3;
        self.unknown(
            &obj,
            if v3 {
                ENTERPRISE_FIELDS
            } else {
                ENTERPRISE_FIELDS_V2
            },
        );
        let id = self.id(&obj, "id", true);
        let name = self.text(&obj, "name", true, MAX_NAME_CHARS, false);
        let country = match self.required(&obj, "country") {
            Some(Json::String(s)) if COUNTRIES.contains(&s.as_str()) => Some(s.clone()),
            Some(other) => {
                self.err(
                    &obj.at("country"),
                    HandoffProblem::UnknownCountry {
                        found: Found::of_cut(other),
                    },
                );
                None
            }
            None => None,
        };
        let region = match self.optional(&obj, "region") {
            None => None,
            Some(Json::String(s)) if is_region(s) => {
                if let Some(c) = &country {
                    if !s.starts_with(&format!("{c}-")) {
                        self.err(
                            &obj.at("region"),
                            HandoffProblem::RegionElsewhere {
                                region: s.clone(),
                                country: c.to_string(),
                            },
                        );
                    }
                }
                Some(s.clone())
            }
            Some(other) => {
                self.err(
                    &obj.at("region"),
                    HandoffProblem::NotARegion {
                        found: Found::of_cut(other),
                    },
                );
                None
            }
        };
        let locality = self
            .text(&obj, "locality", false, MAX_NAME_CHARS, true)
            .unwrap_or_default();
        let sector = match self.optional(&obj, "sector") {
            None => None,
            Some(Json::String(s)) if sector_values().contains(&s.as_str()) => Some(s.clone()),
            Some(other) => {
                self.err(
                    &obj.at("sector"),
                    HandoffProblem::UnknownSector {
                        found: Found::of_cut(other),
                        sectors: sector_values(),
                    },
                );
                None
            }
        };
        // Fields version 3 added are read only from version 3 (an older file that has them
        // gets them refused as unknown fields, above).
        let tag = |d: &mut Self, key| if v3 { d.tag(&obj, key) } else { None };
        let programme = tag(self, "programme");
        let institution = tag(self, "institution");
        let term = tag(self, "term");
        let team = tag(self, "team");
        let created = self.timestamp(&obj, "created");
        let updated = self.timestamp(&obj, "updated");
        let edits = self.edits(&obj, "edits");
        // Version 2 knew four details; the cohort tags came with version 3.
        let details = if v3 {
            DETAIL_FIELDS
        } else {
            &DETAIL_FIELDS[..4]
        };
        let mut other_values = Vec::new();
        for (i, v) in self.optional_array(&obj, "other_values").iter().enumerate() {
            let path = obj.at(&format!("other_values[{i}]"));
            let Some(o) = self.object(v, &path) else {
                continue;
            };
            self.unknown(&o, &["field", "value"]);
            let field = match self.required(&o, "field") {
                Some(Json::String(f)) if details.contains(&f.as_str()) => Some(f.clone()),
                Some(other) => {
                    self.err(
                        &o.at("field"),
                        HandoffProblem::UnknownDetail {
                            found: Found::of_cut(other),
                            details,
                        },
                    );
                    None
                }
                None => None,
            };
            let value = self.text(&o, "value", true, MAX_NAME_CHARS, true);
            if let (Some(field), Some(value)) = (field, value) {
                other_values.push(OtherValue { field, value });
            }
        }
        // How messages about its visits name the enterprise.
        let name_for_messages = match &name {
            Some(n) => format!("'{}'", shorten(n)),
            None if path.is_empty() => "this enterprise".to_string(),
            None => path.to_string(),
        };
        let mut visits = Vec::new();
        if let Some(list) = self.array(&obj, "visits") {
            let mut seen: HashMap<&str, usize> = HashMap::with_capacity(list.len());
            for (i, v) in list.iter().enumerate() {
                let vpath = obj.at(&format!("visits[{i}]"));
                if let Some(Json::String(vid)) = v.get("id") {
                    if let Some(first) = seen.get(vid.as_str()) {
                        self.err(
                            &join_path(&vpath, "id"),
                            HandoffProblem::VisitIdTaken {
                                id: vid.to_string(),
                                first: *first,
                            },
                        );
                    } else {
                        seen.insert(vid, i);
                    }
                }
                if let Some(visit) = self.visit(v, &vpath, country.as_deref(), &name_for_messages) {
                    visits.push(visit);
                }
            }
        }
        let mut steps: Vec<FollowStep> = Vec::new();
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        let listed = if v3 {
            self.optional_array(&obj, "steps")
        } else {
            &[]
        };
        for (i, v) in listed.iter().enumerate() {
            let spath = obj.at(&format!("steps[{i}]"));
            if let (Some(Json::String(step)), Some(Json::String(visit))) =
                (v.get("step"), v.get("visit"))
            {
                if let Some(first) = seen.get(&(visit.as_str(), step.as_str())) {
                    self.err(
                        &spath,
                        HandoffProblem::StepTaken {
                            step: shorten(step),
                            visit: shorten(visit),
                            first: *first,
                        },
                    );
                } else {
                    seen.insert((visit, step), i);
                }
            }
            if let Some(step) = self.step(v, &spath) {
                steps.push(step);
            }
        }
        let mut removed = Vec::new();
        for (i, v) in self.optional_array(&obj, "removed").iter().enumerate() {
            let path = obj.at(&format!("removed[{i}]"));
            let Some(o) = self.object(v, &path) else {
                continue;
            };
            self.unknown(&o, &["id", "edits"]);
            let id = self.id(&o, "id", true);
            let edits = self.edits(&o, "edits");
            if let Some(id) = id {
                // One entry per id, as a merge keeps them (the saves of repeats joined).
                super::remember_removed(&mut removed, &id, &edits);
            }
        }
        if self.errors.len() > before {
            return None;
        }
        Some(Enterprise {
            id: id?,
            name: name?,
            country: country?,
            region,
            locality,
            sector,
            programme,
            institution,
            term,
            team,
            created: created?,
            updated: updated?,
            edits,
            other_values,
            visits,
            steps,
            removed,
        })
        .map(|mut e| {
            // In canonical form (sorted, no repeats, none equal to the detail itself), as a
            // merge keeps them: so merging a file twice changes nothing (found by the hand-off
            // fuzz target).
            e.other_values = super::merging::union_others(&e, &e.other_values, &[]);
            e
        })
    }

    fn visit(
        &mut self,
        value: &Json,
        path: &str,
        country: Option<&str>,
        enterprise: &str,
    ) -> Option<Visit<A>> {
        let obj = self.object(value, path)?;
        let before = self.errors.len();
        self.unknown(
            &obj,
            if self.version >= 3 {
                VISIT_FIELDS
            } else {
                VISIT_FIELDS_V2
            },
        );
        let id = self.id(&obj, "id", true);
        let date = match self.required(&obj, "date") {
            Some(Json::String(s)) if time::is_date(s) => Some(s.clone()),
            Some(other) => {
                self.err(
                    &obj.at("date"),
                    HandoffProblem::NotADate {
                        found: Found::of_cut(other),
                    },
                );
                None
            }
            None => None,
        };
        let which = VisitRef {
            date: date.clone(),
            id: id.clone(),
            enterprise: enterprise.to_string(),
        };
        let profile = match self.required(&obj, "profile") {
            None => None,
            Some(json)
                if self.version == 1
                    && json.get("schema").and_then(Json::as_str) != Some(PROFILE_SCHEMA_V1) =>
            {
                self.err(
                    &obj.at("profile.schema"),
                    HandoffProblem::Version1Profiles { visit: which },
                );
                None
            }
            Some(json) => match Profile::from_value(json) {
                Ok(p) => {
                    match country {
                        Some(c) if p.country != c => self.err(
                            &obj.at("profile.country"),
                            HandoffProblem::OtherCountry {
                                profile: p.country.clone(),
                                country: c.to_string(),
                                visit: which,
                            },
                        ),
                        _ => {}
                    }
                    Some((self.answers)(p))
                }
                Err(errors) => {
                    let base = obj.at("profile");
                    for e in errors.0 {
                        let rest = e.path.strip_prefix('$').unwrap_or(&e.path);
                        self.err(
                            &format!("{base}{rest}"),
                            HandoffProblem::Profile {
                                problem: e.problem,
                                visit: which.clone(),
                            },
                        );
                    }
                    None
                }
            },
        };
        let notes = self
            .text(&obj, "notes", false, MAX_NOTES_CHARS, true)
            .unwrap_or_default();
        let outcomes = match self.optional(&obj, "outcomes") {
            Some(value) if self.version >= 3 => self.outcomes(value, &obj.at("outcomes")),
            _ => None,
        };
        let updated = self.timestamp(&obj, "updated");
        let edits = self.edits(&obj, "edits");
        let conflict_of = self.id(&obj, "conflict_of", false);
        if self.errors.len() > before {
            return None;
        }
        Some(Visit {
            id: id?,
            date: date?,
            profile: profile?,
            notes,
            outcomes,
            updated: updated?,
            edits,
            conflict_of,
        })
    }
}

impl<A> Decoder<A> {
    /// An optional cohort tag: text of 1 to 200 characters, not blank, without spaces at
    /// either end.
    fn tag(&mut self, obj: &Obj, key: &str) -> Option<String> {
        let tag = self.text(obj, key, false, MAX_NAME_CHARS, false)?;
        if tag.trim() != tag {
            self.err(&obj.at(key), HandoffProblem::NotTrimmed);
            return None;
        }
        Some(tag)
    }

    /// A value of `kind`, as a profile answer of that kind is read (with its words for what is
    /// wrong).
    fn answer(&mut self, obj: &Obj, key: &str, kind: &FieldKind, required: bool) -> Option<Value> {
        let value = if required {
            self.required(obj, key)?
        } else {
            self.optional(obj, key)?
        };
        match decode_answer(kind, value) {
            Ok(v) => Some(v),
            Err(problem) => {
                self.err(&obj.at(key), HandoffProblem::Value(problem));
                None
            }
        }
    }

    /// One of `all`, written as its `code`, read as a profile's choice is (with its words).
    fn one_of<T: Copy>(
        &mut self,
        obj: &Obj,
        key: &str,
        all: &[T],
        code: fn(T) -> &'static str,
        required: bool,
    ) -> Option<T> {
        let kind = FieldKind::Choice {
            values: all.iter().map(|&x| code(x).to_string()).collect(),
            ranks: None,
        };
        match self.answer(obj, key, &kind, required) {
            Some(Value::Choice(i)) => all.get(i as usize).copied(),
            _ => None,
        }
    }

    /// One step followed through (see [`FollowStep`]).
    fn step(&mut self, value: &Json, path: &str) -> Option<FollowStep> {
        let obj = self.object(value, path)?;
        let before = self.errors.len();
        self.unknown(&obj, STEP_FIELDS);
        let step = self.id(&obj, "step", true);
        let visit = self.id(&obj, "visit", true);
        let status = self.one_of(&obj, "status", &StepStatus::ALL, StepStatus::code, true);
        let reason = self.text(&obj, "reason", false, MAX_REASON_CHARS, false);
        match (status, obj.map.contains_key("reason")) {
            (Some(StepStatus::Dropped), false) => self.err(path, HandoffProblem::NoReason),
            (Some(s), true) if s != StepStatus::Dropped => self.err(
                &obj.at("reason"),
                HandoffProblem::ReasonNotDropped {
                    status: s.code().to_string(),
                },
            ),
            _ => {}
        }
        let who = self.one_of(&obj, "who", &Who::ALL, Who::code, false);
        let follow_up = match self.optional(&obj, "follow_up") {
            None => None,
            Some(Json::String(s)) if time::is_date(s) => Some(s.clone()),
            Some(other) => {
                self.err(
                    &obj.at("follow_up"),
                    HandoffProblem::NotADate {
                        found: Found::of_cut(other),
                    },
                );
                None
            }
        };
        let confirmed_in = self.id(&obj, "confirmed_in", false);
        if let (Some(s), true) = (status, obj.map.contains_key("confirmed_in")) {
            if s != StepStatus::Done {
                self.err(
                    &obj.at("confirmed_in"),
                    HandoffProblem::ConfirmedNotDone {
                        status: s.code().to_string(),
                    },
                );
            }
        }
        let updated = self.timestamp(&obj, "updated");
        let edits = self.edits(&obj, "edits");
        if self.errors.len() > before {
            return None;
        }
        Some(FollowStep {
            step: step?,
            visit: visit?,
            status: status?,
            reason,
            who,
            follow_up,
            confirmed_in,
            updated: updated?,
            edits,
        })
    }

    /// A visit's outcomes (see [`Outcomes`]).
    fn outcomes(&mut self, value: &Json, path: &str) -> Option<Outcomes> {
        let obj = self.object(value, path)?;
        let before = self.errors.len();
        self.unknown(&obj, OUTCOME_FIELDS);
        let selling_online = match self.answer(&obj, "selling_online", &BOOLEAN, true) {
            Some(Value::Bool(b)) => Some(b),
            _ => None,
        };
        let channel_field = &core_fields()[core_field("presence.channels").expect("a core field")];
        let channels = match self.answer(&obj, "channels", &channel_field.kind, false) {
            Some(value) => encode_value(&channel_field.kind, &value)
                .as_array()
                .map(|list| {
                    list.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let share = FieldKind::Integer {
            min: 0,
            max: 100,
            ordered: true,
        };
        let online_share = match self.answer(&obj, "online_share", &share, false) {
            Some(Value::Int(n)) => u8::try_from(n).ok(),
            _ => None,
        };
        let mut tools: Vec<ToolUse> = Vec::new();
        for (i, t) in self.optional_array(&obj, "tools").iter().enumerate() {
            let Some(o) = self.object(t, &obj.at(&format!("tools[{i}]"))) else {
                continue;
            };
            self.unknown(&o, TOOL_FIELDS);
            let entry = self.id(&o, "entry", true);
            let still_using = match self.answer(&o, "still_using", &BOOLEAN, true) {
                Some(Value::Bool(b)) => Some(b),
                _ => None,
            };
            if let Some(entry) = &entry {
                if tools.iter().any(|x| &x.entry == entry) {
                    self.err(
                        &o.at("entry"),
                        HandoffProblem::Value(Problem::Twice {
                            item: entry.clone(),
                        }),
                    );
                }
            }
            if let (Some(entry), Some(still_using)) = (entry, still_using) {
                tools.push(ToolUse { entry, still_using });
            }
        }
        if selling_online == Some(false) && (!channels.is_empty() || online_share.unwrap_or(0) > 0)
        {
            self.err(path, HandoffProblem::NotSellingOnline);
        }
        if self.errors.len() > before {
            return None;
        }
        Some(Outcomes {
            selling_online: selling_online?,
            channels,
            online_share,
            tools,
        })
    }
}

/// A yes or no, as the profile reads one.
const BOOLEAN: FieldKind = FieldKind::Bool { ordered: false };

/// Checks one step record on its own, with paths relative to it: what
/// [`Enterprise::set_step`] saves passes this.
pub(crate) fn decode_step_value(value: &Json) -> Result<FollowStep, HandoffErrors> {
    let mut d = Decoder::default();
    match d.step(value, "") {
        Some(s) => d.finish(s),
        None => Err(HandoffErrors(d.errors)),
    }
}

/// The profile's sector values, which an enterprise's `sector` takes.
pub fn sector_values() -> Vec<&'static str> {
    let ix = core_field("sector").expect("the profile has a sector");
    match &core_fields()[ix].kind {
        FieldKind::Choice { values, .. } => values.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file written by [`encode`] is read one enterprise at a time, not as one tree; a file
    /// with a problem falls back to the tree reader (`tests/handoff.rs` holds the two equal).
    #[test]
    fn a_good_file_is_read_lazily_and_a_bad_one_as_a_tree() {
        let sample = include_str!("../../tests/fixtures/handoff/v3-sample.json");
        let enterprises = decode(sample).expect("the sample reads");
        let written = encode(&enterprises, "2026-12-05T10:00:00Z");
        for text in [sample, written.as_str()] {
            let read = read_lazily(text, as_stored).expect("read lazily");
            assert_eq!(read.0.enterprises, enterprises);
        }
        let bad = written.replacen("\"crafts\"", "\"pottery\"", 1);
        assert!(read_lazily(&bad, as_stored).is_none());
        assert!(decode_partial(&bad).is_ok_and(|p| p.refused.len() == 1));
    }
}
