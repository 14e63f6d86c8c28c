//! Translations on the command line: what `umbral validate` reports of each pack's languages
//! beyond Spanish and English, and `umbral translation`, the file a translator fills in
//! (`packs::translation`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::Path;

use super::{print_diagnostics, toml_files, write_error, Failure, Library};
use crate::engine::{Language, Locale, Pack};
use crate::packs::translation::{self, LocaleInfo, Resolved, SourceText, Translation, LOCALES_DIR};
use crate::packs::{self, PackSource, SourceFile};

/// Every text the shells and the engine say beside a pack's own, translated in the core pack's
/// file: first what owners read (the engine's, the share link's and the app's words,
/// `app::words::shell_texts`), then what only consultants read (the workspace's, the planner's,
/// a cohort's summary's and the text report's words, what is wrong with a profile, a hand-off
/// file or a form export, and what a form adds to a pack's questions:
/// `translation::FOR_CONSULTANTS`).
pub fn shell_texts() -> Vec<SourceText> {
    let mut texts = crate::app::words::shell_texts();
    texts.extend(crate::workspace_page::words::shell_texts());
    texts.extend(crate::planner_page::words::shell_texts());
    texts.extend(super::text::shell_texts());
    // Each table's texts under its own prefix (`summary.…`): a macro, as the tables are of
    // different types.
    macro_rules! table {
        ($table:expr) => {
            texts.extend(translation::table_texts(
                $table.prefix(),
                $table.fixed_texts(),
                $table.notes(),
            ))
        };
    }
    table!(crate::planner::SUMMARY_ES);
    table!(crate::engine::problem::PROBLEM_ES);
    table!(crate::workspace::problem::HANDOFF_ES);
    table!(crate::form::problem::FORM_ES);
    table!(crate::form::XLSFORM_ES);
    texts
}

/// A language that packs' translation files add (`--lang qu`), as a [`Library`] gives its
/// packs in it: its code, the translation files (each read once, its problems printed), and
/// its locale ([`language`]), made from the first pack's translation.
pub(super) struct Speaking {
    code: String,
    checker: Checker,
    locale: Option<Locale>,
}

impl Speaking {
    /// The language `code`, with the translation files of the packs in `sources` (from disk
    /// for those of `own`). An error when `code` cannot name a language.
    pub(super) fn new(
        code: &str,
        own: &[PackSource],
        sources: &[PackSource],
    ) -> Result<Speaking, Failure> {
        if !translation::is_locale_code(code) {
            return Err(Failure::usage(format!(
                "--lang {code}: a language is es, en, or the ISO 639 code of one a translation \
                 file adds (qu, nah, quz-PE)"
            )));
        }
        Ok(Speaking {
            code: code.to_string(),
            checker: Checker::new(files(own, sources)?),
            locale: None,
        })
    }

    /// `pack` in this language: each text its layers' files translate from its Spanish now
    /// put in place, the rest left Spanish. An error when a file has errors, or no layer of
    /// the pack has one in this language.
    pub(super) fn translate(
        &mut self,
        pack: &Pack,
        sources: &[PackSource],
    ) -> Result<Pack, Failure> {
        let code = &self.code;
        let mut compile = |id: &str| packs::compile(id, sources, None).pack;
        let translations = self.checker.of(pack, &mut compile);
        if self.checker.failed {
            return Err(Failure::invalid(format!(
                "pack '{}' cannot be shown in '{code}': its translation files have errors \
                 (above)",
                pack.data.id
            )));
        }
        let shell = &self.checker.shell;
        let Some(resolved) = translation::resolve(&pack.data, &translations, code, shell) else {
            return Err(Failure::usage(format!(
                "pack '{}' has no translation into '{code}': none of its layers ({}) has a file \
                 {LOCALES_DIR}/{code}.toml (`umbral translation` writes one to fill in)",
                pack.data.id,
                pack.data.layers.join(", ")
            )));
        };
        let data = translation::translated_pack(&pack.data, &resolved.texts);
        let translated = Pack::link(data).map_err(|e| {
            Failure::invalid(format!(
                "pack '{}' in '{code}' does not link: {e}",
                pack.data.id
            ))
        })?;
        if self.locale.is_none() {
            if !resolved.reviewed {
                eprintln!(
                    "umbral: the translation into '{code}' names no reviewer yet \
                     (reviewed_by): have native speakers check it before owners read it"
                );
            }
            let locale = language(&resolved)
                .map_err(|e| Failure::invalid(format!("the translation into '{code}': {e}")))?;
            self.locale = Some(locale);
        }
        Ok(translated)
    }

    /// The language's locale, once a pack has been translated.
    pub(super) fn locale(&self) -> Option<Locale> {
        self.locale
    }
}

/// The words the entrepreneur app says in an added language, as `umbral compile` puts them
/// in a pack compiled in it ([`Pack::words`]): its own table's, the short result's, the
/// engine's sentences and the share link's, each in its table's order, then its countries'
/// and months' names; Spanish where `resolved` has no translation.
fn app_words(resolved: &Resolved) -> Vec<String> {
    use crate::app::words::{country_key, month_key, ES as APP};
    let text = |key: String, es: &str| {
        let translated = resolved.texts.get(&key);
        translated.map_or(es, String::as_str).to_string()
    };
    let table = |prefix: &str, texts: Vec<(&str, &str)>| -> Vec<String> {
        let texts = texts.into_iter();
        texts
            .map(|(key, es)| text(format!("{prefix}.{key}"), es))
            .collect()
    };
    let (brief, link) = (&crate::engine::brief::BRIEF_ES, &crate::share::LINK_ES);
    let sentences = &crate::engine::words::SENTENCES_ES;
    let mut words = table(APP.prefix(), APP.fixed_texts());
    words.extend(table(brief.prefix(), brief.fixed_texts()));
    words.extend(table(sentences.prefix(), sentences.fixed_texts()));
    words.extend(table(link.prefix(), link.fixed_texts()));
    let app_key = |key: String| format!("{}.{key}", APP.prefix());
    let countries = APP.countries.iter();
    words.extend(countries.map(|(code, es)| text(app_key(country_key(code)), es)));
    let months = APP.months.iter().enumerate();
    words.extend(months.map(|(i, es)| text(app_key(month_key(i)), es)));
    words
}

/// The locale of an added language, with every table of words built over the Spanish one
/// from `resolved`'s texts (`prefix.key`, as [`shell_texts`] keys them; a text it does not
/// have stays Spanish): what the command line reports in. An error names a table whose texts
/// are too long to hold.
pub fn language(resolved: &Resolved) -> Result<Locale, String> {
    let locale = Language::add(&resolved.code, &resolved.name)
        .ok_or("more than 256 languages were added in one run")?;
    let of = |prefix: &'static str| {
        move |key: &str| resolved.texts.get(&format!("{prefix}.{key}")).cloned()
    };
    let leak = |text: Option<&String>, spanish: &'static str| -> &'static str {
        text.map_or(spanish, |t| String::leak(t.clone()))
    };
    use crate::app::words::{country_key, month_key};
    let app = &crate::app::words::ES;
    let name = |key: String, es| {
        let translated = resolved.texts.get(&format!("{}.{key}", app.prefix()));
        leak(translated, es)
    };
    let mut countries = app.countries;
    for (code, es) in &mut countries {
        *es = name(country_key(code), es);
    }
    let mut months = app.months;
    for (i, es) in months.iter_mut().enumerate() {
        *es = name(month_key(i), es);
    }
    // Each table over the Spanish one, with its texts keyed `prefix.…`; `locale` where the
    // table holds its language.
    macro_rules! over {
        ($spanish:expr) => {
            $spanish
                .translated(&of($spanish.prefix()))
                .map_err(|e| format!("the texts `{}.…`: {e}", $spanish.prefix()))?
        };
    }
    use crate::{engine, form, planner, planner_page, workspace, workspace_page};
    locale.give(crate::app::words::Words {
        locale,
        countries,
        months,
        ..over!(app)
    });
    locale.give(over!(engine::brief::BRIEF_ES));
    locale.give(engine::words::Sentences {
        locale,
        ..over!(engine::words::SENTENCES_ES)
    });
    locale.give(over!(crate::share::LINK_ES));
    locale.give(workspace_page::words::Words {
        locale,
        ..over!(workspace_page::words::ES)
    });
    locale.give(planner_page::words::Words {
        locale,
        ..over!(planner_page::words::ES)
    });
    locale.give(planner::SummaryWords {
        locale,
        ..over!(planner::SUMMARY_ES)
    });
    locale.give(over!(super::text::ES));
    locale.give(engine::problem::ProblemWords {
        locale,
        ..over!(engine::problem::PROBLEM_ES)
    });
    locale.give(over!(workspace::problem::HANDOFF_ES));
    locale.give(form::problem::FormWords {
        locale,
        ..over!(form::problem::FORM_ES)
    });
    locale.give(form::XlsformWords {
        locale,
        ..over!(form::XLSFORM_ES)
    });
    Ok(locale)
}

/// How many missing or out-of-date texts `umbral validate` names before it counts the rest.
const NAMED: usize = 5;

/// The translation files of the packs in `sources`, by pack id: read from disk for the
/// folders of `own` (a pack being checked), from the binary for the built-in packs.
pub(super) fn files(
    own: &[PackSource],
    sources: &[PackSource],
) -> Result<BTreeMap<String, Vec<SourceFile>>, Failure> {
    let builtin: BTreeMap<String, Vec<SourceFile>> =
        packs::builtin_translations().into_iter().collect();
    let own_dirs: BTreeSet<&str> = own.iter().map(|s| s.dir.as_str()).collect();
    let mut out = BTreeMap::new();
    for (id, src) in packs::pack_ids(sources).into_iter().zip(sources) {
        let locales = Path::new(&src.dir).join(LOCALES_DIR);
        let files = if !own_dirs.contains(src.dir.as_str()) {
            builtin.get(&src.dir).cloned().unwrap_or_default()
        } else if locales.is_dir() {
            toml_files(&locales)?
        } else {
            Vec::new()
        };
        if !files.is_empty() {
            out.entry(id).or_insert(files);
        }
    }
    Ok(out)
}

/// What `umbral validate` keeps while it goes through the packs: the translation files, each
/// read (and its problems printed) once, with the pack of its own layer.
pub(super) struct Checker {
    files: BTreeMap<String, Vec<SourceFile>>,
    read: BTreeMap<String, Vec<Translation>>,
    /// The texts every pack's translation has beside its own ([`shell_texts`]), gathered once.
    shell: Vec<SourceText>,
    /// Whether a translation file had an error.
    pub failed: bool,
}

impl Checker {
    pub fn new(files: BTreeMap<String, Vec<SourceFile>>) -> Checker {
        Checker {
            files,
            read: BTreeMap::new(),
            shell: shell_texts(),
            failed: false,
        }
    }

    /// The translations of `layer`, read with `compile` giving that layer's pack.
    fn layer(&mut self, layer: &str, compile: &mut dyn FnMut(&str) -> Option<Pack>) {
        if self.read.contains_key(layer) {
            return;
        }
        let files = self.files.get(layer).cloned().unwrap_or_default();
        let mut read = Vec::new();
        if !files.is_empty() {
            match compile(layer) {
                Some(pack) => {
                    for file in &files {
                        let (translation, problems) =
                            translation::check(file, &pack.data, &self.shell);
                        print_diagnostics(&problems);
                        self.failed |= problems.iter().any(|d| d.is_error());
                        read.extend(translation);
                    }
                }
                None => {
                    eprintln!(
                        "umbral: pack '{layer}' does not compile on its own (`umbral validate` \
                         on its folder says why), so its translations cannot be checked"
                    );
                    self.failed = true;
                }
            }
        }
        self.read.insert(layer.to_string(), read);
    }

    /// The translation files of `pack`'s layers, each read once (its problems printed).
    fn of(
        &mut self,
        pack: &Pack,
        compile: &mut dyn FnMut(&str) -> Option<Pack>,
    ) -> Vec<Translation> {
        for layer in &pack.data.layers {
            self.layer(layer, compile);
        }
        pack.data
            .layers
            .iter()
            .flat_map(|l| self.read.get(l).cloned().unwrap_or_default())
            .collect()
    }

    /// `pack` in each language its reviewed translations add, for the app (`umbral
    /// compile`): each language's code and name, and the pack in it, linked, with the app's
    /// words in it ([`app_words`]). A language whose files name no reviewer is left out, and
    /// said so; one that does not link is an error (`umbral validate` says why).
    pub fn for_the_app(
        &mut self,
        pack: &Pack,
        compile: &mut dyn FnMut(&str) -> Option<Pack>,
    ) -> Vec<(String, String, Pack)> {
        let translations = self.of(pack, compile);
        let codes: BTreeSet<&str> = translations.iter().map(|t| t.code.as_str()).collect();
        let mut out = Vec::new();
        for code in codes {
            let Some(resolved) = translation::resolve(&pack.data, &translations, code, &self.shell)
            else {
                continue;
            };
            if !resolved.reviewed {
                eprintln!(
                    "umbral: pack '{}' is not compiled in '{code}' for the app: its translation \
                     names no reviewer yet (reviewed_by)",
                    pack.data.id
                );
                continue;
            }
            match Pack::link(translation::translated_pack(&pack.data, &resolved.texts)) {
                Ok(mut translated) => {
                    translated.words = app_words(&resolved);
                    out.push((resolved.code, resolved.name, translated));
                }
                Err(e) => {
                    eprintln!(
                        "umbral: pack '{}' in '{code}' does not link (`umbral validate` says \
                         more): {e}",
                        pack.data.id
                    );
                    self.failed = true;
                }
            }
        }
        out
    }

    /// One line per language `pack` has translations in: how much is translated, and the
    /// first texts missing or out of date.
    pub fn report(
        &mut self,
        pack: &Pack,
        compile: &mut dyn FnMut(&str) -> Option<Pack>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let translations = self.of(pack, compile);
        for c in translation::coverage(&pack.data, &translations, &self.shell) {
            writeln!(out, "  translation {}", c.line()).map_err(write_error)?;
            for (what, keys) in [("missing", &c.missing), ("out of date", &c.outdated)] {
                if keys.is_empty() {
                    continue;
                }
                let named: Vec<&str> = keys.iter().take(NAMED).map(String::as_str).collect();
                let more = keys.len().saturating_sub(NAMED);
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                writeln!(out, "    {what}: {}{more}", named.join(", ")).map_err(write_error)?;
            }
            // The pack as a report in the language will be made with it: a translation can
            // break what the pack's own checks hold (a term the glossary does not explain).
            let resolved = translation::resolve(&pack.data, &translations, &c.code, &self.shell);
            if let Some(resolved) = resolved {
                let data = translation::translated_pack(&pack.data, &resolved.texts);
                if let Err(e) = Pack::link(data) {
                    eprintln!(
                        "error: pack '{}' in '{}', as its translation files make it, fails the \
                         pack's checks ('(es)' below is the text in this language, translated \
                         or still Spanish):\n{e}",
                        pack.data.id, c.code
                    );
                    self.failed = true;
                }
            }
        }
        Ok(())
    }
}

/// `umbral translation`: the translation file of `pack`'s own layer in `code`, as a translator
/// fills it in, built from the file there is (its translations kept) or from nothing; printed,
/// or with `write` written over that file (through a new file renamed into place, so that a
/// failed write leaves the old one whole). A file there that cannot be read is an error, and
/// nothing is written: its translations would be lost.
pub(super) fn run(pack: &str, code: &str, write: bool, out: &mut dyn Write) -> Result<u8, Failure> {
    if !translation::is_locale_code(code) {
        return Err(Failure::invalid(format!(
            "'{code}' does not name a language to translate into: give its ISO 639 code, such as \
             nah (Náhuatl), qu (Quechua) or ay (Aymara); Spanish and English are in the packs' \
             own texts"
        )));
    }
    let mut library = Library::new(Some(pack))?;
    let pack = library.fixed()?;
    let parent = match pack.data.layers.iter().rev().nth(1) {
        Some(id) => Some(library.get(id)?.data.clone()),
        None => None,
    };
    // The pack's folder on disk: the one given, or rules/<id> here.
    let dir = Path::new(pack_dir(&library, &pack.data.id)).to_path_buf();
    if !dir.join("pack.toml").is_file() {
        return Err(Failure::io(format!(
            "pack '{}' has no folder here: give its folder (--pack rules/{0}) from the folder \
             that holds rules/",
            pack.data.id
        )));
    }
    let path = dir.join(LOCALES_DIR).join(format!("{code}.toml"));
    let shell = shell_texts();
    let own = if path.is_file() {
        let text = fs::read_to_string(&path)
            .map_err(|e| Failure::io(format!("cannot read {}: {e}", path.display())))?;
        let file = SourceFile {
            path: path.display().to_string(),
            text,
        };
        let (read, problems) = translation::check(&file, &pack.data, &shell);
        print_diagnostics(&problems);
        match read {
            Some(read) => Some(read),
            None => {
                return Err(Failure::invalid(format!(
                    "{} cannot be read as a translation (above), so nothing was written: mend \
                     it, or move it away to start again",
                    path.display()
                )))
            }
        }
    } else {
        None
    };
    let info = own
        .as_ref()
        .map_or_else(LocaleInfo::default, |t| t.info.clone());
    let text = translation::template(
        &pack.data,
        parent.as_ref(),
        code,
        own.as_ref(),
        &info,
        &shell,
    );
    if write {
        let new = path.with_extension("toml.new");
        fs::create_dir_all(dir.join(LOCALES_DIR))
            .and_then(|()| fs::write(&new, &text))
            .and_then(|()| fs::rename(&new, &path))
            .map_err(|e| Failure::io(format!("cannot write {}: {e}", path.display())))?;
        writeln!(out, "wrote {}", path.display()).map_err(write_error)?;
    } else {
        out.write_all(text.as_bytes()).map_err(write_error)?;
    }
    Ok(0)
}

/// The folder `library` read the pack `id` from.
fn pack_dir<'l>(library: &'l Library, id: &str) -> &'l str {
    packs::pack_ids(&library.sources)
        .iter()
        .zip(&library.sources)
        .find(|(x, _)| *x == id)
        .map_or("", |(_, s)| s.dir.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `umbral compile` puts in a pack in an added language is what the app reads from it:
    /// the same tables in the same order.
    #[test]
    fn the_apps_words_are_read_back_in_their_places() {
        let mut pack = packs::compile("mx", &packs::builtin(), None).pack.unwrap();
        let texts = [
            ("app.start", "[prueba] empezar"),
            ("brief.heading", "[prueba] en pocas palabras"),
            ("engine.and", "[prueba] y"),
            ("share.changed", "[prueba] enlace cambiado"),
            ("app.countries[CL]", "[prueba] Chile"),
            ("app.months[12]", "[prueba] diciembre"),
        ];
        let resolved = Resolved {
            code: "qac".into(),
            name: "Prueba".into(),
            reviewed: true,
            texts: texts
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        pack.words = app_words(&resolved);
        pack.languages = vec!["qac".into(), "Prueba".into()];
        let pack = Pack::from_compact(&pack.to_compact_spanish()).unwrap();
        let locale = crate::app::words::install(&pack, "qac").expect("the words fit the tables");
        assert_eq!(locale.name(), "Prueba");
        let app = crate::app::words::words(locale);
        assert_eq!(app.start(), "[prueba] empezar");
        assert_eq!(
            app.next(),
            crate::app::words::ES.next(),
            "the rest is Spanish"
        );
        assert_eq!(app.countries[1], ("CL", "[prueba] Chile"));
        assert_eq!(app.months[11], "[prueba] diciembre");
        let brief = crate::engine::brief::brief_words(locale);
        assert_eq!(brief.heading(), "[prueba] en pocas palabras");
        assert_eq!(crate::engine::words::sentences(locale).and(), "[prueba] y");
        assert_eq!(
            crate::share::link_words(locale).changed(),
            "[prueba] enlace cambiado"
        );
        // A pack whose words do not fit the tables (another build's) is refused.
        let mut short = pack.clone();
        short.words.pop();
        assert_eq!(crate::app::words::install(&short, "qac"), None);
    }
}
