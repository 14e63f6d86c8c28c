//! Translations on the command line: what `umbral validate` reports of each pack's languages
//! beyond Spanish and English, and `umbral translation`, the file a translator fills in
//! (`packs::translation`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use super::{print_diagnostics, toml_files, write_error, Failure, Library};
use crate::engine::Pack;
use crate::packs::translation::{self, LocaleInfo, Translation, LOCALES_DIR};
use crate::packs::{self, PackSource, SourceFile};

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
    /// Whether a translation file had an error.
    pub failed: bool,
}

impl Checker {
    pub fn new(files: BTreeMap<String, Vec<SourceFile>>) -> Checker {
        Checker {
            files,
            read: BTreeMap::new(),
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
                        let (translation, problems) = translation::check(file, &pack.data);
                        print_diagnostics(&problems);
                        self.failed |= problems.iter().any(|d| d.is_error());
                        read.extend(translation);
                    }
                }
                // The layer's own problems are reported when it is checked.
                None => self.failed = true,
            }
        }
        self.read.insert(layer.to_string(), read);
    }

    /// One line per language `pack` has translations in: how much is translated, and the
    /// first texts missing or out of date.
    pub fn report(
        &mut self,
        pack: &Pack,
        compile: &mut dyn FnMut(&str) -> Option<Pack>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        for layer in &pack.data.layers {
            self.layer(layer, compile);
        }
        let translations: Vec<Translation> = pack
            .data
            .layers
            .iter()
            .flat_map(|l| self.read.get(l).cloned().unwrap_or_default())
            .collect();
        for c in translation::coverage(&pack.data, &translations) {
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
        }
        Ok(())
    }
}

/// `umbral translation`: the translation file of `pack`'s own layer in `code`, as a translator
/// fills it in, built from the file there is (its translations kept) or from nothing.
pub(super) fn run(pack: &str, code: &str, out: &mut dyn Write) -> Result<u8, Failure> {
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
    let own_src: Vec<PackSource> = library
        .sources
        .iter()
        .filter(|s| Path::new(&s.dir).join("pack.toml").is_file())
        .cloned()
        .collect();
    let files = files(&own_src, &library.sources)?;
    let mut own = None;
    for file in files.get(&pack.data.id).into_iter().flatten() {
        if translation::code_of(&file.path) == code {
            let (read, problems) = translation::check(file, &pack.data);
            print_diagnostics(&problems);
            own = read;
        }
    }
    let info = own
        .as_ref()
        .map_or_else(LocaleInfo::default, |t| t.info.clone());
    let text = translation::template(&pack.data, parent.as_ref(), code, own.as_ref(), &info);
    out.write_all(text.as_bytes()).map_err(write_error)?;
    Ok(0)
}
