//! Rule-pack sources: reading the TOML that programme staff write, layering packs on the packs
//! they extend, and compiling the result into [`PackData`] for the engine, with diagnostics
//! that point at file, line and column.
//!
//! This module does no I/O. Callers hand it the files' text: the command line reads folders
//! from disk, and [`builtin`] has every pack under `rules/` compiled into the binary.

mod diagnostic;
pub mod examples;
pub mod runtime;
pub mod translation;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use serde_json::Value as Json;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

pub use diagnostic::{Diagnostic, Severity};

use crate::engine::pack::{
    DimensionData, EntryData, FieldData, LinkError, PathwayData, QuestionData, RequirementData,
    ScoreData, TermData,
};
use crate::engine::{Pack, PackData, Text};

/// One source file: its path as it should appear in messages, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// The files of one pack folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSource {
    /// The folder, as it should appear in messages (e.g. `rules/mx`).
    pub dir: String,
    pub files: Vec<SourceFile>,
}

/// The name of the file in a pack folder that holds example profiles and expectations.
pub const EXAMPLES_FILE: &str = "examples.toml";

mod generated {
    include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));
}

/// Every pack under `rules/`, as compiled into this binary.
pub fn builtin() -> Vec<PackSource> {
    generated::BUILTIN
        .iter()
        .map(|(dir, files)| PackSource {
            dir: dir.to_string(),
            files: embedded(files),
        })
        .collect()
}

fn embedded(files: &[(&str, &str)]) -> Vec<SourceFile> {
    files
        .iter()
        .map(|(path, text)| SourceFile {
            path: path.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// The translation files of every pack under `rules/` (`rules/<pack>/locales/*.toml`), as
/// compiled into this binary: each pack folder with its files.
pub fn builtin_translations() -> Vec<(String, Vec<SourceFile>)> {
    generated::BUILTIN_LOCALES
        .iter()
        .map(|(dir, files)| (dir.to_string(), embedded(files)))
        .collect()
}

/// A year and month, for the staleness check of catalog facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        let month: u32 = m.parse().ok()?;
        (y.len() == 4 && (1..=12).contains(&month)).then_some(Month {
            year: y.parse().ok()?,
            month,
        })
    }

    fn index(self) -> i64 {
        self.year as i64 * 12 + self.month as i64 - 1
    }
}

/// How many months old a catalog fact may be before validation warns about it.
pub const STALE_AFTER_MONTHS: i64 = 12;

/// What compiling one pack gives: the linked pack when there was no error, and every
/// diagnostic (errors and warnings) in source order.
#[derive(Debug)]
pub struct Compiled {
    pub pack: Option<Pack>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The ids of the packs among `sources`, in folder order. A folder whose `pack.toml` has no
/// readable id is listed by its folder name.
pub fn pack_ids(sources: &[PackSource]) -> Vec<String> {
    sources.iter().map(folder_id).collect()
}

fn folder_id(src: &PackSource) -> String {
    src.files
        .iter()
        .find(|f| f.path.ends_with("pack.toml"))
        .and_then(|f| {
            let table = DeTable::parse(&f.text).ok()?;
            let pack = table.get_ref().get("pack")?.get_ref().as_table()?;
            Some(pack.get("id")?.get_ref().as_str()?.to_string())
        })
        .unwrap_or_else(|| {
            src.dir
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(&src.dir)
                .to_string()
        })
}

/// Compiles the pack `id` from `sources` (which must also hold every pack it extends).
/// With `today`, catalog facts checked more than [`STALE_AFTER_MONTHS`] earlier get a warning.
pub fn compile(id: &str, sources: &[PackSource], today: Option<Month>) -> Compiled {
    let mut loader = Loader {
        sources,
        files: Vec::new(),
        diagnostics: Vec::new(),
        stack: Vec::new(),
    };
    let merged = loader.resolve(id, None);
    let pack = merged.and_then(|m| loader.build(m, today));
    let mut diagnostics = loader.diagnostics;
    diagnostics.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column).cmp(&(b.severity, &b.file, b.line, b.column))
    });
    diagnostics.dedup();
    Compiled { pack, diagnostics }
}

/// Compiles every pack in `sources`, returning each pack's id with its result.
pub fn compile_all(sources: &[PackSource], today: Option<Month>) -> Vec<(String, Compiled)> {
    pack_ids(sources)
        .into_iter()
        .map(|id| {
            let compiled = compile(&id, sources, today);
            (id, compiled)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Loading and layering

/// The item lists a pack file may hold, as they appear in TOML and in link errors.
const SECTIONS: &[&str] = &[
    "dimension",
    "score",
    "requirement",
    "pathway",
    "entry",
    "question",
    "field",
    "term",
];

/// The keys each section's items may have (besides `override`).
fn allowed_keys(section: &str) -> &'static [&'static str] {
    match section {
        "pack" => &["id", "version", "extends", "country", "currency", "name"],
        "dimension" => &["id", "label", "weight"],
        "score" => &["id", "dimension", "when", "points", "text"],
        "requirement" => &[
            "id",
            "label",
            "missing",
            "met_when",
            "applies_when",
            "parallel",
        ],
        "pathway" => &[
            "id",
            "label",
            "summary",
            "requires",
            "goals",
            "ladder",
            "in_use_when",
        ],
        "entry" => &[
            "id",
            "kind",
            "name",
            "summary",
            "addresses",
            "opens",
            "needs",
            "sets",
            "when",
            "eligible_when",
            "eligibility",
            "localities",
            "regions",
            "setup",
            "monthly",
            "commission_pct",
            "cost_note",
            "approximate",
            "per_use",
            "priority",
            "url",
            "checked",
            "source",
        ],
        "question" => &[
            "id",
            "field",
            "group",
            "text",
            "help",
            "show_when",
            "dont_know",
            "prefer_not",
            "options",
            "min",
            "max",
            "unit",
        ],
        "field" => &["id", "type", "values"],
        "term" => &["id", "term", "text"],
        _ => &[],
    }
}

/// One key of an item, remembering the file it was written in.
#[derive(Clone)]
struct Entry<'a> {
    file: usize,
    key_span: Range<usize>,
    value: Spanned<DeValue<'a>>,
}

/// One item (a `[[dimension]]`, say), its keys possibly from several files after overrides.
#[derive(Clone)]
struct Item<'a> {
    file: usize,
    span: Range<usize>,
    keys: BTreeMap<String, Entry<'a>>,
}

impl<'a> Item<'a> {
    fn from_table(file: usize, span: Range<usize>, table: &DeTable<'a>) -> Item<'a> {
        let keys = table
            .iter()
            .map(|(k, v)| {
                (
                    k.get_ref().to_string(),
                    Entry {
                        file,
                        key_span: k.span(),
                        value: v.clone(),
                    },
                )
            })
            .collect();
        Item { file, span, keys }
    }

    fn str(&self, key: &str) -> Option<&str> {
        self.keys.get(key).and_then(|e| e.value.get_ref().as_str())
    }
}

struct Merged<'a> {
    meta: Item<'a>,
    layers: Vec<String>,
    sections: BTreeMap<&'static str, Vec<Item<'a>>>,
}

struct Loader<'a> {
    sources: &'a [PackSource],
    files: Vec<&'a SourceFile>,
    diagnostics: Vec<Diagnostic>,
    stack: Vec<String>,
}

impl<'a> Loader<'a> {
    fn error(&mut self, file: usize, span: Range<usize>, message: String) {
        self.diag(Severity::Error, file, span, message);
    }

    fn diag(&mut self, severity: Severity, file: usize, span: Range<usize>, message: String) {
        let f = self.files[file];
        self.diagnostics.push(Diagnostic::at(
            severity, &f.path, &f.text, span.start, span.end, message,
        ));
    }

    fn general(&mut self, file: &str, message: String) {
        self.diagnostics
            .push(Diagnostic::general(Severity::Error, file, message));
    }

    /// Loads pack `id` and everything below it, merged. `from` is the item that named it.
    fn resolve(&mut self, id: &str, from: Option<(usize, Range<usize>)>) -> Option<Merged<'a>> {
        if self.stack.iter().any(|x| x == id) {
            let chain = format!("{} -> {id}", self.stack.join(" -> "));
            match from {
                Some((file, span)) => self.error(
                    file,
                    span,
                    format!("packs extend each other in a circle: {chain}"),
                ),
                None => self.general("", format!("packs extend each other in a circle: {chain}")),
            }
            return None;
        }
        let Some(src) = self.sources.iter().find(|s| folder_id(s) == id) else {
            let known = pack_ids(self.sources).join(", ");
            let message = format!("unknown pack '{id}'; known packs: {known}");
            match from {
                Some((file, span)) => self.error(file, span, message),
                None => self.general("", message),
            }
            return None;
        };
        self.stack.push(id.to_string());
        let result = self.load_folder(src);
        self.stack.pop();
        result
    }

    fn load_folder(&mut self, src: &'a PackSource) -> Option<Merged<'a>> {
        let mut files: Vec<&'a SourceFile> = src
            .files
            .iter()
            .filter(|f| !f.path.ends_with(EXAMPLES_FILE) && f.path.ends_with(".toml"))
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut meta: Option<Item<'a>> = None;
        let mut own: BTreeMap<&'static str, Vec<Item<'a>>> = BTreeMap::new();
        for file in files {
            let fi = self.files.len();
            self.files.push(file);
            let (table, errors) = DeTable::parse_recoverable(&file.text);
            if !errors.is_empty() {
                // What the parser recovered after a syntax error is guesswork: report the
                // syntax errors and leave the file's items out rather than misreport them.
                for e in errors {
                    let span = e.span().unwrap_or(0..0);
                    self.error(fi, span, format!("TOML syntax: {}", e.message().trim_end()));
                }
                continue;
            }
            for (key, value) in table.get_ref().iter() {
                let name = key.get_ref().as_ref();
                if name == "pack" {
                    match value.get_ref().as_table() {
                        Some(t) if meta.is_none() => {
                            meta = Some(Item::from_table(fi, key.span(), t))
                        }
                        Some(_) => self.error(
                            fi,
                            key.span(),
                            "a second [pack] table; a pack has one, in pack.toml".into(),
                        ),
                        None => self.error(fi, value.span(), "[pack] must be a table".into()),
                    }
                    continue;
                }
                let Some(&section) = SECTIONS.iter().find(|s| **s == name) else {
                    self.error(
                        fi,
                        key.span(),
                        format!(
                            "unknown section '{name}'; expected one of: pack, {}",
                            SECTIONS.join(", ")
                        ),
                    );
                    continue;
                };
                let Some(array) = value.get_ref().as_array() else {
                    self.error(
                        fi,
                        key.span(),
                        format!("'{name}' must be a list of tables: write [[{name}]]"),
                    );
                    continue;
                };
                for item in array.iter() {
                    match item.get_ref().as_table() {
                        Some(t) => own.entry(section).or_default().push(Item::from_table(
                            fi,
                            item.span(),
                            t,
                        )),
                        None => {
                            self.error(fi, item.span(), format!("each '{name}' must be a table"))
                        }
                    }
                }
            }
        }
        let Some(meta) = meta else {
            self.general(
                &format!("{}/pack.toml", src.dir),
                "missing [pack] table: every pack folder needs a pack.toml with [pack] id, version and name".into(),
            );
            return None;
        };
        let mut meta = meta;
        let (mut sections, mut layers) = match meta.keys.get("extends") {
            Some(e) => {
                let Some(parent) = e.value.get_ref().as_str().map(str::to_string) else {
                    self.error(e.file, e.value.span(), "extends must be a pack id".into());
                    return None;
                };
                let parent_span = (e.file, e.value.span());
                let merged = self.resolve(&parent, Some(parent_span))?;
                // Country and currency carry through to the packs built on top.
                for key in ["country", "currency"] {
                    if let (false, Some(v)) =
                        (meta.keys.contains_key(key), merged.meta.keys.get(key))
                    {
                        meta.keys.insert(key.to_string(), v.clone());
                    }
                }
                (merged.sections, merged.layers)
            }
            None => (BTreeMap::new(), Vec::new()),
        };
        layers.push(meta.str("id").unwrap_or_default().to_string());
        for (section, items) in own {
            let list = sections.entry(section).or_default();
            for item in items {
                self.layer(section, list, item);
            }
        }
        Some(Merged {
            meta,
            layers,
            sections,
        })
    }

    /// A question's `options` given by an override, merged into the ones it overrides by
    /// `value`: each option keeps its place and value, and the texts given replace the old
    /// ones locale by locale (so a country pack rewords "Liga de pago" as "Link de pago" with
    /// one line). An option value the question does not have is an error: the values are the
    /// profile's, which a pack cannot change.
    fn reword_options(
        &mut self,
        section: &str,
        id: &str,
        old: &Entry<'a>,
        new: Entry<'a>,
    ) -> Entry<'a> {
        let (Some(old_options), Some(new_options)) = (
            old.value.get_ref().as_array(),
            new.value.get_ref().as_array(),
        ) else {
            return new;
        };
        let mut options = old_options.clone();
        for option in new_options {
            let Some(table) = option.get_ref().as_table() else {
                self.error(
                    new.file,
                    option.span(),
                    "an option is a table such as { value = …, label = { es = …, en = … } }".into(),
                );
                continue;
            };
            let value = table.get("value").and_then(|v| option_value(v.get_ref()));
            let place = options.iter().position(|o| {
                let old = o.get_ref().as_table().and_then(|t| t.get("value"));
                value.is_some() && old.and_then(|v| option_value(v.get_ref())) == value
            });
            let Some(place) = place else {
                self.error(
                    new.file,
                    option.span(),
                    format!("{section} '{id}' has no option with this value; an override can reword its options, not add any"),
                );
                continue;
            };
            let Some(mut merged) = options[place].get_ref().as_table().cloned() else {
                continue;
            };
            for (key, given) in table.iter() {
                let value = overridden(merged.get(key), given);
                merged.insert(key.clone(), value);
            }
            let span = options[place].span();
            options.as_mut()[place] = Spanned::new(span, DeValue::Table(merged));
        }
        Entry {
            file: new.file,
            key_span: new.key_span.clone(),
            value: Spanned::new(new.value.span(), DeValue::Array(options)),
        }
    }

    /// Adds `item` to `list`, or merges it into the item it overrides.
    fn layer(&mut self, section: &str, list: &mut Vec<Item<'a>>, mut item: Item<'a>) {
        let overrides = match item.keys.remove("override") {
            None => false,
            Some(e) => match e.value.get_ref().as_bool() {
                Some(b) => b,
                None => {
                    self.error(
                        e.file,
                        e.value.span(),
                        "override must be true or false".into(),
                    );
                    false
                }
            },
        };
        let Some(id) = item.str("id").map(str::to_string) else {
            let (file, span) = match item.keys.get("id") {
                Some(e) => (e.file, e.value.span()),
                None => (item.file, item.span.clone()),
            };
            self.error(file, span, format!("this {section} needs an id (a string)"));
            return;
        };
        let existing = list.iter().position(|x| x.str("id") == Some(id.as_str()));
        let id_span = item.keys["id"].value.span();
        match (existing, overrides) {
            (Some(i), true) => {
                let target = &mut list[i];
                for (key, entry) in item.keys {
                    if key == "options" {
                        if let Some(old) = target.keys.get(&key) {
                            let merged = self.reword_options(section, &id, old, entry);
                            target.keys.insert(key, merged);
                            continue;
                        }
                    }
                    let value =
                        overridden(target.keys.get(&key).map(|old| &old.value), &entry.value);
                    let merged = Entry { value, ..entry };
                    target.keys.insert(key, merged);
                }
            }
            (Some(i), false) => {
                let first = &list[i];
                let f = self.files[first.file];
                let at = Diagnostic::at(
                    Severity::Error,
                    &f.path,
                    &f.text,
                    first.span.start,
                    first.span.end,
                    String::new(),
                );
                self.error(
                    item.file,
                    id_span,
                    format!(
                        "duplicate {section} id '{id}' (first defined at {}:{}); to change it, add override = true",
                        at.file, at.line
                    ),
                );
            }
            (None, true) => self.error(
                item.file,
                id_span,
                format!("override = true, but no pack below defines {section} '{id}'"),
            ),
            (None, false) => list.push(item),
        }
    }

    // -----------------------------------------------------------------------------------------
    // From merged items to pack data

    fn build(&mut self, merged: Merged<'a>, today: Option<Month>) -> Option<Pack> {
        let errors_before = self.error_count();
        let meta = self.item_json("pack", &merged.meta);
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Meta {
            id: String,
            version: String,
            #[serde(default)]
            extends: Option<String>,
            #[serde(default)]
            country: Option<String>,
            #[serde(default)]
            currency: Option<String>,
            name: Text,
        }
        let meta: Option<Meta> = meta.and_then(|json| self.deserialize("pack", &merged.meta, json));
        let empty = Vec::new();
        let items = |s: &str| merged.sections.get(s).unwrap_or(&empty);
        let dimensions: Vec<DimensionData> = self.section("dimension", items("dimension"));
        let scores: Vec<ScoreData> = self.section("score", items("score"));
        let requirements: Vec<RequirementData> = self.section("requirement", items("requirement"));
        let pathways: Vec<PathwayData> = self.section("pathway", items("pathway"));
        let entries: Vec<EntryData> = self.section("entry", items("entry"));
        let questions: Vec<QuestionData> = self.section("question", items("question"));
        let fields: Vec<FieldData> = self.section("field", items("field"));
        let terms: Vec<TermData> = self.section("term", items("term"));
        let meta = meta?;
        let _ = meta.extends;
        // Items that could not be read are left out; link the rest anyway so that every
        // problem shows at once, but drop what only follows from the missing items.
        let broken = self.error_count() > errors_before;
        let mut missing_ids: Vec<String> = Vec::new();
        for (section, list) in &merged.sections {
            let read: Vec<&str> = match *section {
                "dimension" => dimensions.iter().map(|x| x.id.as_str()).collect(),
                "score" => scores.iter().map(|x| x.id.as_str()).collect(),
                "requirement" => requirements.iter().map(|x| x.id.as_str()).collect(),
                "pathway" => pathways.iter().map(|x| x.id.as_str()).collect(),
                "entry" => entries.iter().map(|x| x.id.as_str()).collect(),
                "question" => questions.iter().map(|x| x.id.as_str()).collect(),
                "term" => terms.iter().map(|x| x.id.as_str()).collect(),
                _ => fields.iter().map(|x| x.id.as_str()).collect(),
            };
            for item in list {
                if let Some(id) = item.str("id") {
                    if !read.contains(&id) {
                        missing_ids.push(format!("'{id}'"));
                    }
                }
            }
        }
        let data = PackData {
            id: meta.id,
            version: meta.version,
            country: meta.country,
            currency: meta.currency,
            name: meta.name,
            layers: merged.layers.clone(),
            dimensions,
            scores,
            requirements,
            pathways,
            entries,
            questions,
            fields,
            terms,
        };
        if let Some(country) = &data.country {
            if !crate::engine::profile::COUNTRIES.contains(&country.as_str()) {
                let e = &merged.meta.keys["country"];
                let (file, span) = (e.file, e.value.span());
                self.error(
                    file,
                    span,
                    format!(
                        "unknown country '{country}'; expected one of: {}",
                        crate::engine::profile::COUNTRIES.join(", ")
                    ),
                );
                return None;
            }
        }
        let stale = if broken {
            None
        } else {
            today.map(|t| self.stale_entries(&data, &merged, t))
        };
        // Link errors locate items by index; once items are left out, indexes no longer match
        // the merged list, so map them through the items that were read.
        let kept = |section: &str| -> Vec<usize> {
            merged
                .sections
                .get(section)
                .map(|list| {
                    list.iter()
                        .enumerate()
                        .filter(|(_, item)| {
                            item.str("id")
                                .is_some_and(|id| !missing_ids.contains(&format!("'{id}'")))
                        })
                        .map(|(i, _)| i)
                        .collect()
                })
                .unwrap_or_default()
        };
        match Pack::link(data) {
            Ok(pack) if !broken => {
                for (file, span, message) in stale.unwrap_or_default() {
                    self.diag(Severity::Warning, file, span, message);
                }
                Some(pack)
            }
            Ok(_) => None,
            Err(errors) => {
                for mut e in errors.0 {
                    if missing_ids.iter().any(|id| e.message.contains(id.as_str())) {
                        continue;
                    }
                    if let Some(loc) = &mut e.location {
                        if loc.section != "pack" {
                            match kept(loc.section).get(loc.index) {
                                Some(&i) => loc.index = i,
                                None => continue,
                            }
                        }
                    }
                    self.link_error(&merged, e);
                }
                None
            }
        }
    }

    fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    fn stale_entries(
        &self,
        data: &PackData,
        merged: &Merged<'a>,
        today: Month,
    ) -> Vec<(usize, Range<usize>, String)> {
        let mut out = Vec::new();
        for (i, e) in data.entries.iter().enumerate() {
            let Some(checked) = Month::parse(&e.checked) else {
                continue;
            };
            let age = today.index() - checked.index();
            if age > STALE_AFTER_MONTHS {
                let item = &merged.sections["entry"][i];
                let entry = &item.keys["checked"];
                out.push((
                    entry.file,
                    entry.value.span(),
                    format!(
                        "'{}' was checked {age} months ago ({}); check its facts again",
                        e.id, e.checked
                    ),
                ));
            }
        }
        out
    }

    fn section<T: for<'de> Deserialize<'de>>(
        &mut self,
        section: &str,
        items: &[Item<'a>],
    ) -> Vec<T> {
        items
            .iter()
            .filter_map(|item| {
                let json = self.item_json(section, item)?;
                self.deserialize(section, item, json)
            })
            .collect()
    }

    /// The item as a JSON object, reporting unknown keys and values TOML allows but packs do
    /// not (dates).
    fn item_json(&mut self, section: &str, item: &Item<'a>) -> Option<Json> {
        let allowed = allowed_keys(section);
        let mut map = serde_json::Map::new();
        let mut ok = true;
        for (key, entry) in &item.keys {
            if !allowed.contains(&key.as_str()) {
                let header = if section == "pack" {
                    "[pack]".to_string()
                } else {
                    format!("[[{section}]]")
                };
                self.error(
                    entry.file,
                    entry.key_span.clone(),
                    format!(
                        "unknown field '{key}' in {header}; expected one of: {}",
                        allowed.join(", ")
                    ),
                );
                ok = false;
                continue;
            }
            match Json::deserialize(ValueDeserializer::from(entry.value.clone())) {
                Ok(v) if key == "sets" => {
                    map.insert(key.clone(), dotted(v));
                }
                Ok(v) => {
                    map.insert(key.clone(), v);
                }
                Err(e) => {
                    self.error(
                        entry.file,
                        entry.value.span(),
                        format!("'{key}': {}", e.message()),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(Json::Object(map))
    }

    fn deserialize<T: for<'de> Deserialize<'de>>(
        &mut self,
        section: &str,
        item: &Item<'a>,
        json: Json,
    ) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(json) {
            Ok(v) => Some(v),
            Err(e) => {
                let path = e.path().to_string();
                let key = path.split(['.', '[']).next().unwrap_or("").to_string();
                let inner = e.into_inner().to_string();
                let message = friendly(section, &path, &inner, item.str("id"));
                match item.keys.get(&key) {
                    Some(entry) if !key.is_empty() && key != "?" => {
                        self.error(entry.file, entry.value.span(), message)
                    }
                    _ => self.error(item.file, item.span.clone(), message),
                }
                None
            }
        }
    }

    fn link_error(&mut self, merged: &Merged<'a>, e: LinkError) {
        let Some(loc) = &e.location else {
            self.error(merged.meta.file, merged.meta.span.clone(), e.message);
            return;
        };
        let item = if loc.section == "pack" {
            Some(&merged.meta)
        } else {
            merged
                .sections
                .get(loc.section)
                .and_then(|items| items.get(loc.index))
        };
        let Some(item) = item else {
            self.general("", e.message);
            return;
        };
        match item.keys.get(loc.field) {
            Some(entry) => {
                let span = entry.value.span();
                let span = match e.range {
                    // Inside a string: skip the opening quote (conditions are plain strings).
                    Some((s, t)) => span.start + 1 + s..span.start + 1 + t,
                    None => span,
                };
                self.error(entry.file, span, e.message);
            }
            None => {
                let span = item
                    .keys
                    .get("id")
                    .map(|x| x.value.span())
                    .unwrap_or(item.span.clone());
                self.error(item.file, span, e.message);
            }
        }
    }
}

/// Rewrites serde's messages in the words of the pack format.
fn friendly(section: &str, path: &str, message: &str, id: Option<&str>) -> String {
    let what = match id {
        Some(id) => format!("{section} '{id}'"),
        None => section.to_string(),
    };
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        if path == "." || path.is_empty() {
            return format!("{what} is missing '{field}'");
        }
        if field == "es" || field == "en" {
            return format!("missing translation: '{path}' of {what} has no '{field}' text");
        }
        return format!("'{path}' of {what} is missing '{field}'");
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        let expected = rest
            .split("expected ")
            .nth(1)
            .unwrap_or("")
            .replace('`', "'");
        return format!("unknown field '{field}' in '{path}' of {what}; expected {expected}");
    }
    let message = message
        .replace('`', "'")
        .replace("expected u32", "expected a whole number, 0 or more")
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected a list");
    if path == "." || path.is_empty() {
        format!("{what}: {message}")
    } else {
        format!("'{path}' of {what}: {message}")
    }
}

/// An entry's `sets` with its field paths as single keys: TOML reads an unquoted
/// `presence.channels = […]` as nested tables, which mean the same path.
fn dotted(value: Json) -> Json {
    fn flatten(prefix: &str, value: Json, out: &mut serde_json::Map<String, Json>) {
        match value {
            Json::Object(map) => {
                for (key, value) in map {
                    let path = if prefix.is_empty() {
                        key
                    } else {
                        format!("{prefix}.{key}")
                    };
                    flatten(&path, value, out);
                }
            }
            other => {
                out.insert(prefix.to_string(), other);
            }
        }
    }
    let Json::Object(_) = value else {
        return value;
    };
    let mut out = serde_json::Map::new();
    flatten("", value, &mut out);
    Json::Object(out)
}

/// Today's month from a Unix timestamp (seconds), for callers that have a clock.
pub fn month_from_unix(seconds: i64) -> Month {
    let (year, month, _) = crate::workspace::time::civil_from_days(seconds.div_euclid(86_400));
    Month {
        year: year as i32,
        month,
    }
}

/// The value an override gives for a key that had `old`: a text (a table, such as `{ es = … }`)
/// over a text replaces it locale by locale; anything else replaces it whole.
fn overridden<'a>(
    old: Option<&Spanned<DeValue<'a>>>,
    given: &Spanned<DeValue<'a>>,
) -> Spanned<DeValue<'a>> {
    match (
        old.and_then(|v| v.get_ref().as_table()),
        given.get_ref().as_table(),
    ) {
        (Some(old_text), Some(new_text)) => {
            let mut text = old_text.clone();
            for (locale, words) in new_text.iter() {
                text.insert(locale.clone(), words.clone());
            }
            Spanned::new(given.span(), DeValue::Table(text))
        }
        _ => given.clone(),
    }
}

/// An option's `value` as text to compare by (a string, a whole number or a yes/no), if it is
/// one of those.
fn option_value(value: &DeValue<'_>) -> Option<String> {
    match value {
        DeValue::String(s) => Some(format!("string {s}")),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| format!("number {n}")),
        DeValue::Boolean(b) => Some(format!("bool {b}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        assert_eq!(
            month_from_unix(0),
            Month {
                year: 1970,
                month: 1
            }
        );
        assert_eq!(
            month_from_unix(1_795_000_000),
            Month {
                year: 2026,
                month: 11
            }
        );
        assert_eq!(
            Month::parse("2026-11"),
            Some(Month {
                year: 2026,
                month: 11
            })
        );
        assert_eq!(Month::parse("2026-13"), None);
    }
}
