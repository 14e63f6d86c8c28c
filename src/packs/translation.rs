//! Translations of a pack's texts into a language beyond the two every pack carries (Spanish
//! and English), added as files that native speakers write and review: a Náhuatl, Quechua or
//! Aymara version of the questions, options, requirements, steps and glossary.
//!
//! A translation file is `rules/<pack>/locales/<code>.toml` (`nah.toml`): a `[locale]` table
//! saying who translated and reviewed it, then one `[[text]]` per text, each with the text's
//! `key`, the Spanish `es` it was translated from and the translation `text`:
//!
//! ```toml
//! [locale]
//! name = "Nāhuatlahtōlli"           # the language, in itself
//! translators = ["…"]
//! reviewed_by = ["…"]               # native speakers who checked it
//! checked = "2026-12"               # the month of the last review
//!
//! [[text]]
//! key = "questions[sector].text"
//! es = "¿Qué vende su negocio?"
//! text = "…"
//! ```
//!
//! Keys name a text by where it stands in the pack ([`source_texts`]): lists by each item's
//! id (or its option value), so keys stay put when items move. A pack built on another
//! (`extends`) is translated in layers, as it is written: the core pack's file holds the
//! core's texts, a country's file only the texts the country adds or rewords. For each text of
//! a pack, the file of its own layer is looked at first, then its parents'; a translation
//! counts only if the Spanish it was made from is the pack's Spanish now, so rewording a text
//! in Spanish (or a country's own words over the core's) shows its translation as out of date
//! rather than silently wrong.
//!
//! [`check`] reads a file with every problem at its line, and [`coverage`] says for one pack
//! what is translated, what is missing and what is out of date: what `umbral validate`
//! reports. [`template`] writes the file a translator fills in, keeping what is already
//! translated. Nothing here translates: a language no one can review is not added.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::Value as Json;
use toml::Spanned;

use super::{Diagnostic, Month, Severity, SourceFile};
use crate::engine::words::template_names;
use crate::engine::PackData;

/// The folder of a pack that holds its translations.
pub const LOCALES_DIR: &str = "locales";

/// The languages every pack carries in its own texts: a translation file is for another one.
const BUILT_IN: [&str; 2] = ["es", "en"];

/// The prefixes of the keys of the texts only consultants read: the workspace's
/// (`taller.title`), the planner's (`planner.title`) and its cohort summary's
/// (`summary.excluded_template`, also `umbral batch --summary`'s), the text of `umbral report`
/// (`report.ladder`), and what is wrong with a profile (`problem.unknown_value`), a hand-off
/// file or an import (`handoff.other_version`) or a form export or file of profiles
/// (`form.disagree`), which the workspace, the planner and the command line say, and what the
/// XLSForm of a pack adds to its questions (`xlsform.dont_know`), for the form a consultant
/// fills in with the owner. A translation for owners can leave them for later; `umbral
/// validate` counts them apart ([`Coverage::line`]) and the translator's file puts them last.
pub const FOR_CONSULTANTS: [&str; 8] = [
    "taller", "planner", "summary", "report", "problem", "handoff", "form", "xlsform",
];

/// Whether the text keyed `key` is one only consultants read ([`FOR_CONSULTANTS`]).
pub fn for_consultants(key: &str) -> bool {
    key.split_once('.')
        .is_some_and(|(prefix, _)| FOR_CONSULTANTS.contains(&prefix))
}

/// One text of a pack to translate: its key and its Spanish, the source of every translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub key: String,
    pub es: String,
    /// Whether the text is one of the code's, which may be a template naming values in braces
    /// ("Pregunta {at} de {total}"): a translation must name the same ones (none, where the
    /// Spanish names none). The packs' texts are not templates: a brace there is a brace.
    pub template: bool,
    /// What the translator is told of the text, when its key is not enough (the app's and the
    /// engine's texts: where it shows, what a value in braces stands for); empty otherwise.
    pub note: String,
}

impl SourceText {
    /// A text of one of the shells' or the engine's tables: `prefix.key`, a template, with the
    /// documentation `doc` (lines as Rust's doc comments give them) as its note.
    pub fn shell(prefix: &str, key: &str, es: &str, doc: &str) -> SourceText {
        let note: Vec<&str> = doc
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        SourceText {
            key: format!("{prefix}.{key}"),
            es: es.to_string(),
            template: true,
            note: note.join(" "),
        }
    }
}

/// Every text of a pack, each with its key: the path to it through the pack's fields, each
/// list item named by its `id` (else its `value`: an option's, `true` or `false` for a yes/no
/// one): `questions[sector].options[food].label`, `terms[iva].text`, `name`. An item with no
/// name, or one its list repeats, is named by its place, `#3`, without renaming the others.
/// Fields come in name order, list items in the pack's order.
pub fn source_texts(data: &PackData) -> Vec<SourceText> {
    let json = serde_json::to_value(data).expect("pack data serializes");
    let mut out = Vec::new();
    walk(&json, String::new(), &mut out);
    out
}

/// The texts of the engine's own tables, which every report says whatever its pack (the
/// short result's, and the sentences of costs and of why a step waits): `brief.heading`,
/// `engine.costs`. Templates, each naming the values it fills. The shells add their own
/// (the app's words, `app.…`) to these to make the texts every pack's translation has
/// beside its own ([`with_shell`]).
pub fn engine_texts() -> Vec<SourceText> {
    let brief = &crate::engine::brief::BRIEF_ES;
    let sentences = &crate::engine::words::SENTENCES_ES;
    let mut out = table_texts(brief.prefix(), brief.fixed_texts(), brief.notes());
    out.extend(table_texts(
        sentences.prefix(),
        sentences.fixed_texts(),
        sentences.notes(),
    ));
    out
}

/// The texts of one table of a `texts_table!` (its `fixed_texts` and `notes`), each keyed
/// `prefix.key` ([`SourceText::shell`]).
pub fn table_texts(prefix: &str, texts: Vec<(&str, &str)>, notes: &[&str]) -> Vec<SourceText> {
    texts
        .into_iter()
        .zip(notes)
        .map(|((key, es), note)| SourceText::shell(prefix, key, es, note))
        .collect()
}

/// A pack's texts ([`source_texts`]) and then `shell`'s, the texts the shells and the engine
/// say with any pack ([`engine_texts`] and the app's words): all a language needs for a
/// report of the pack to be in it. They are translated in the file of the pack's first layer
/// (the core pack's, for the packs built on it).
pub fn with_shell(data: &PackData, shell: &[SourceText]) -> Vec<SourceText> {
    let mut texts = source_texts(data);
    texts.extend_from_slice(shell);
    texts
}

fn walk(value: &Json, path: String, out: &mut Vec<SourceText>) {
    match value {
        Json::Object(map) => {
            if let Some(es) = as_text(map) {
                out.push(SourceText {
                    key: path,
                    es: es.to_string(),
                    template: false,
                    note: String::new(),
                });
                return;
            }
            for (k, v) in map {
                walk(v, field(&path, k), out);
            }
        }
        Json::Array(items) => {
            for (item, name) in items.iter().zip(item_names(items)) {
                walk(item, format!("{path}[{name}]"), out);
            }
        }
        _ => {}
    }
}

/// The key of field `name` of what `path` keys (the pack itself when it is empty).
fn field(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// A text as packs write it, `{ es, en }`: its Spanish.
fn as_text(map: &serde_json::Map<String, Json>) -> Option<&str> {
    if map.len() != 2 {
        return None;
    }
    match (map.get("es"), map.get("en")) {
        (Some(Json::String(es)), Some(Json::String(_))) => Some(es),
        _ => None,
    }
}

/// What names each item of a list in a key ([`item_name`]), or its place, `#3`, when it has
/// no name or the list repeats it.
fn item_names(items: &[Json]) -> Vec<String> {
    let names: Vec<Option<String>> = items.iter().map(item_name).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names.iter().flatten() {
        *count.entry(name).or_default() += 1;
    }
    names
        .iter()
        .enumerate()
        .map(|(i, name)| match name {
            Some(name) if count[name.as_str()] == 1 => name.clone(),
            _ => format!("#{i}"),
        })
        .collect()
}

/// What names an item of a list in a key: its `id`, else its `value` (an option's).
fn item_name(item: &Json) -> Option<String> {
    ["id", "value"].iter().find_map(|k| match item.get(*k)? {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

/// Whether `code` can name a translation's language: a language subtag of two or three
/// lowercase letters (ISO 639: `nah`, `qu`, `ay`, `gn`), with an optional region (`quz-PE`),
/// and not one of the languages every pack already carries.
pub fn is_locale_code(code: &str) -> bool {
    let (lang, region) = match code.split_once('-') {
        Some((lang, region)) => (lang, Some(region)),
        None => (code, None),
    };
    let lang_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok = region.is_none_or(|r| {
        (r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
            || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
    });
    lang_ok && region_ok && !BUILT_IN.contains(&lang)
}

/// Who made a translation and who checked it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LocaleInfo {
    /// The language's name in itself.
    pub name: String,
    pub translators: Vec<String>,
    pub reviewed_by: Vec<String>,
    /// The month of the last review, `YYYY-MM`.
    pub checked: Option<String>,
}

/// One translated text as a file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    /// The Spanish it was translated from.
    pub es: String,
    /// The translation; empty when not translated yet.
    pub text: String,
}

/// A translation file of one pack layer, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The pack whose folder holds it.
    pub layer: String,
    /// Its language, from the file's name.
    pub code: String,
    pub info: LocaleInfo,
    pub texts: BTreeMap<String, Translated>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDe {
    locale: Spanned<InfoDe>,
    #[serde(default)]
    text: Vec<Spanned<TextDe>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InfoDe {
    name: String,
    #[serde(default)]
    translators: Vec<String>,
    #[serde(default)]
    reviewed_by: Vec<String>,
    #[serde(default)]
    checked: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextDe {
    key: Spanned<String>,
    es: String,
    text: String,
}

/// The language a translation file is for: its file name without `.toml`.
pub fn code_of(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// Reads the translation file `file` of the pack `pack` (compiled on its own: its texts are
/// the keys the file may hold), with every problem at its line: a file that is not a
/// translation, a key given twice or that the pack does not have (errors); a review without
/// reviewers, or a month that is not one (warnings). `None` when the file cannot be used.
pub fn check(
    file: &SourceFile,
    pack: &PackData,
    shell: &[SourceText],
) -> (Option<Translation>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let code = code_of(&file.path);
    let at = |start: usize, end: usize, severity, message| {
        Diagnostic::at(severity, &file.path, &file.text, start, end, message)
    };
    if !is_locale_code(code) {
        problems.push(Diagnostic::general(
            Severity::Error,
            &file.path,
            format!(
                "'{code}' does not name a language to translate into: name the file after the \
                 language's ISO 639 code, such as nah.toml (Náhuatl), qu.toml (Quechua) or \
                 ay.toml (Aymara); Spanish and English are in the pack's own texts"
            ),
        ));
        return (None, problems);
    }
    let de: FileDe = match toml::from_str(&file.text) {
        Ok(de) => de,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            problems.push(at(
                span.start,
                span.end,
                Severity::Error,
                format!("not a translation file: {}", e.message()),
            ));
            return (None, problems);
        }
    };
    let info_span = de.locale.span();
    let info = de.locale.into_inner();
    if info.name.trim().is_empty() {
        problems.push(at(
            info_span.start,
            info_span.end,
            Severity::Error,
            "[locale] needs the language's name, as its speakers write it".into(),
        ));
    }
    if info.reviewed_by.is_empty() {
        problems.push(at(
            info_span.start,
            info_span.end,
            Severity::Warning,
            format!(
                "no one has reviewed this translation ([locale] reviewed_by is empty): a \
                 native speaker of '{code}' must check it before it is used"
            ),
        ));
    }
    if let Some(month) = &info.checked {
        if Month::parse(month).is_none() {
            problems.push(at(
                info_span.start,
                info_span.end,
                Severity::Warning,
                format!("[locale] checked = '{month}' is not a month (YYYY-MM)"),
            ));
        }
    }
    let known: BTreeMap<String, SourceText> = with_shell(pack, shell)
        .into_iter()
        .map(|t| (t.key.clone(), t))
        .collect();
    let mut texts = BTreeMap::new();
    for entry in de.text {
        let entry = entry.into_inner();
        let span = entry.key.span();
        let key = entry.key.into_inner();
        let Some(source) = known.get(&key) else {
            problems.push(at(
                span.start,
                span.end,
                Severity::Error,
                format!("pack '{}' has no text '{key}'", pack.id),
            ));
            continue;
        };
        let translated = Translated {
            es: entry.es,
            text: entry.text.trim().to_string(),
        };
        if source.template && !translated.text.is_empty() {
            if let Some(problem) = names_differ(&source.es, &translated.text) {
                problems.push(at(
                    span.start,
                    span.end,
                    Severity::Error,
                    format!("'{key}': {problem}"),
                ));
            }
        }
        if texts.insert(key.clone(), translated).is_some() {
            problems.push(at(
                span.start,
                span.end,
                Severity::Error,
                format!("'{key}' is translated twice in this file"),
            ));
        }
    }
    let translation = Translation {
        layer: pack.id.clone(),
        code: code.to_string(),
        info: LocaleInfo {
            name: info.name,
            translators: info.translators,
            reviewed_by: info.reviewed_by,
            checked: info.checked,
        },
        texts,
    };
    (Some(translation), problems)
}

/// How a template's translation names other values than its Spanish does, if it does: each
/// `{name}` the Spanish has must be there as often, and no other.
fn names_differ(es: &str, translated: &str) -> Option<String> {
    let count = |t: &str| {
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        for name in template_names(t) {
            *names.entry(format!("{{{name}}}")).or_default() += 1;
        }
        names
    };
    let (want, have) = (count(es), count(translated));
    if want == have {
        return None;
    }
    let list = |names: &BTreeMap<String, usize>| {
        if names.is_empty() {
            "none".to_string()
        } else {
            names.keys().cloned().collect::<Vec<_>>().join(", ")
        }
    };
    Some(format!(
        "the translation must name the values the Spanish does, each as often ({}), but names {}",
        list(&want),
        list(&have)
    ))
}

/// Where a pack stands in one language: how many of its texts there are, which are
/// translated, which missing and which out of date (translated from Spanish the pack no
/// longer has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub code: String,
    /// The language's name, from the nearest layer's file.
    pub name: String,
    pub total: usize,
    pub translated: usize,
    /// Of `total` and `translated`, the texts only consultants read ([`for_consultants`]).
    pub consultants: usize,
    pub consultants_translated: usize,
    pub missing: Vec<String>,
    pub outdated: Vec<String>,
}

impl Coverage {
    /// "nah (Nāhuatlahtōlli): 120 of 466 texts for owners translated (25 %), 0 of 533 for
    /// consultants; 879 missing, 3 out of date".
    pub fn line(&self) -> String {
        let owners = self.total - self.consultants;
        let owners_translated = self.translated - self.consultants_translated;
        let percent = (owners_translated * 100).checked_div(owners).unwrap_or(100);
        let mut line = format!(
            "{} ({}): {owners_translated} of {owners} texts for owners translated ({percent} %)",
            self.code, self.name
        );
        if self.consultants > 0 {
            line.push_str(&format!(
                ", {} of {} for consultants",
                self.consultants_translated, self.consultants
            ));
        }
        if !self.missing.is_empty() || !self.outdated.is_empty() {
            line.push_str(&format!(
                "; {} missing, {} out of date",
                self.missing.len(),
                self.outdated.len()
            ));
        }
        line
    }
}

/// Where `pack` stands in each language some of its layers have a file for (`translations`,
/// of any layers: those of other packs are ignored), languages in code order.
pub fn coverage(
    pack: &PackData,
    translations: &[Translation],
    shell: &[SourceText],
) -> Vec<Coverage> {
    let codes: BTreeSet<&str> = translations
        .iter()
        .filter(|t| pack.layers.contains(&t.layer))
        .map(|t| t.code.as_str())
        .collect();
    let texts = with_shell(pack, shell);
    codes
        .into_iter()
        .map(|code| {
            let layers = layers_in(pack, translations, code);
            let mut c = Coverage {
                code: code.to_string(),
                name: layers
                    .first()
                    .map(|l| l.info.name.clone())
                    .unwrap_or_default(),
                total: texts.len(),
                translated: 0,
                consultants: texts.iter().filter(|t| for_consultants(&t.key)).count(),
                consultants_translated: 0,
                missing: Vec::new(),
                outdated: Vec::new(),
            };
            for t in &texts {
                match lookup(&layers, t) {
                    Found::Translated => {
                        c.translated += 1;
                        c.consultants_translated += usize::from(for_consultants(&t.key));
                    }
                    Found::Outdated => c.outdated.push(t.key.clone()),
                    Found::Missing => c.missing.push(t.key.clone()),
                }
            }
            c
        })
        .collect()
}

/// The files of `pack`'s layers in language `code`, nearest layer first: the pack's own, then
/// its parents'.
fn layers_in<'t>(
    pack: &PackData,
    translations: &'t [Translation],
    code: &str,
) -> Vec<&'t Translation> {
    pack.layers
        .iter()
        .rev()
        .filter_map(|l| {
            translations
                .iter()
                .find(|t| t.layer == *l && t.code == code)
        })
        .collect()
}

/// A language `pack` can be shown in: its code and name, and each text its layers' files
/// translate from the pack's Spanish now, by key (what [`coverage`] counts as translated).
/// A text missing or out of date is not there: it reads in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub code: String,
    pub name: String,
    /// Whether every file it is made from names native speakers who reviewed it: what the app
    /// needs before it offers the language to owners.
    pub reviewed: bool,
    pub texts: BTreeMap<String, String>,
}

/// What `pack` says in language `code` ([`Resolved`]), from `translations` (of any layers);
/// `None` when none of its layers has a file in it. `shell` are the texts the shells and the
/// engine add to the pack's ([`with_shell`]).
pub fn resolve(
    pack: &PackData,
    translations: &[Translation],
    code: &str,
    shell: &[SourceText],
) -> Option<Resolved> {
    let layers = layers_in(pack, translations, code);
    let name = layers.first()?.info.name.clone();
    let texts = with_shell(pack, shell)
        .into_iter()
        .filter_map(|t| {
            let nearest = nearest(&layers, &t.key)?;
            (nearest.es == t.es).then(|| (t.key, nearest.text.clone()))
        })
        .collect();
    Some(Resolved {
        code: code.to_string(),
        name,
        reviewed: layers.iter().all(|l| !l.info.reviewed_by.is_empty()),
        texts,
    })
}

/// `data` with each of its texts that `texts` translates (keyed as [`source_texts`] keys
/// them) put in place of its Spanish: the pack an added language's report is made with
/// ([`Locale::Added`](crate::engine::Locale::Added) reads a text's Spanish). The English stays.
pub fn translated_pack(data: &PackData, texts: &BTreeMap<String, String>) -> PackData {
    let mut json = serde_json::to_value(data).expect("pack data serializes");
    replace(&mut json, String::new(), texts);
    serde_json::from_value(json).expect("only texts were replaced")
}

/// [`walk`], replacing: each text that `texts` has a translation for gets it as its `es`.
fn replace(value: &mut Json, path: String, texts: &BTreeMap<String, String>) {
    match value {
        Json::Object(map) => {
            if as_text(map).is_some() {
                if let Some(text) = texts.get(&path) {
                    map.insert("es".into(), Json::String(text.clone()));
                }
                return;
            }
            for (k, v) in map.iter_mut() {
                replace(v, field(&path, k), texts);
            }
        }
        Json::Array(items) => {
            let names = item_names(items);
            for (item, name) in items.iter_mut().zip(names) {
                replace(item, format!("{path}[{name}]"), texts);
            }
        }
        _ => {}
    }
}

enum Found {
    Translated,
    /// Translated from other Spanish than the pack's now.
    Outdated,
    Missing,
}

/// How the nearest layer that translates a text has it (layers nearest first): from the
/// pack's Spanish, or from other Spanish (out of date); else it is missing.
fn lookup(layers: &[&Translation], text: &SourceText) -> Found {
    match nearest(layers, &text.key) {
        None => Found::Missing,
        Some(t) if t.es == text.es => Found::Translated,
        Some(_) => Found::Outdated,
    }
}

/// The translation of `key` in the nearest layer that has one (layers nearest first).
fn nearest<'t>(layers: &[&'t Translation], key: &str) -> Option<&'t Translated> {
    layers
        .iter()
        .filter_map(|l| l.texts.get(key))
        .find(|t| !t.text.is_empty())
}

/// The translation file of `pack`'s own layer in language `code`, as a translator fills it in:
/// every text the layer must translate (those its parents' files cannot: new in this layer,
/// or worded otherwise here) and any other `own` translates, each with its Spanish and what `own` already has (an out-of-date
/// translation is not kept but shown in a comment, with the Spanish it was made from); texts
/// without a translation have `text = ""`. `parent` is the pack it extends, compiled, when it
/// has one.
pub fn template(
    pack: &PackData,
    parent: Option<&PackData>,
    code: &str,
    own: Option<&Translation>,
    info: &LocaleInfo,
    shell: &[SourceText],
) -> String {
    let inherited: BTreeMap<String, String> = parent
        .map(|p| with_shell(p, shell))
        .unwrap_or_default()
        .into_iter()
        .map(|t| (t.key, t.es))
        .collect();
    let mut out = String::new();
    out.push_str(&format!(
        "# Translation of pack '{}' into '{code}': write each `text` in that language, from the\n\
         # Spanish `es` beside it, and say who translated and who reviewed it. Checked by\n\
         # `umbral validate`.\n\
         # A name in braces, such as {{total}} in \"Pregunta {{at}} de {{total}}\", is a value the\n\
         # app puts in: keep each one, as written, where the language puts it.\n",
        pack.id
    ));
    if let Some(parent) = parent {
        out.push_str(&format!(
            "# The texts this pack has from '{}', with the same Spanish, are in that pack's file.\n",
            parent.id
        ));
    }
    out.push('\n');
    out.push_str("[locale]\n");
    out.push_str(&format!("name = {}\n", quote(&info.name)));
    out.push_str(&format!("translators = {}\n", list(&info.translators)));
    out.push_str(&format!("reviewed_by = {}\n", list(&info.reviewed_by)));
    if let Some(checked) = &info.checked {
        out.push_str(&format!("checked = {}\n", quote(checked)));
    }
    let mut consultants_said = false;
    for t in with_shell(pack, shell) {
        let kept = own.and_then(|o| o.texts.get(&t.key));
        // The parent's file translates it, unless this one already does.
        if inherited.get(&t.key) == Some(&t.es) && kept.is_none_or(|k| k.text.is_empty()) {
            continue;
        }
        if for_consultants(&t.key) && !consultants_said {
            consultants_said = true;
            out.push_str(
                "\n# The texts from here on are for consultants: the workspace, the planner, the\n\
                 # command line's reports, what is wrong with a file, and what a pack's form adds\n\
                 # to its questions. Owners do not read them on their own, so they can wait until\n\
                 # consultants work in this language.\n",
            );
        }
        out.push_str("\n[[text]]\n");
        // An out-of-date translation is shown, not kept: the Spanish changed, so it is to be
        // translated again.
        let text = match kept {
            Some(k) if k.es == t.es => k.text.as_str(),
            Some(k) if !k.text.is_empty() => {
                out.push_str(&format!(
                    "# The Spanish changed. It was {}, translated {}\n",
                    quote(&k.es),
                    quote(&k.text)
                ));
                ""
            }
            _ => "",
        };
        for line in wrap(&t.note, 96) {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!("key = {}\n", quote(&t.key)));
        out.push_str(&format!("es = {}\n", quote(&t.es)));
        out.push_str(&format!("text = {}\n", quote(text)));
    }
    out
}

/// `text`'s words in lines of at most `width` characters (a longer word has a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A TOML basic string: `"…"` with `"`, `\\` and control characters escaped.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}
