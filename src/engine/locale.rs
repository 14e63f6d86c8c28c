//! The languages Umbral speaks and a text in each: what every other part of the engine (the
//! profile's messages, the packs, the reports) depends on, and which depends on nothing.
//!
//! Spanish and English are built in: every pack carries both, and every table of words
//! (`texts_table!`) has both. Any other language is added as data, from a reviewed
//! translation file ([`Language`]): it is Spanish with each translated text in place of its
//! Spanish, so whatever is not translated yet reads in Spanish.

use std::any::{Any, TypeId};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

/// A locale of the texts: Spanish, English, or a language added from a translation. Two bytes,
/// copied everywhere: an added language is named by its place among those added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Locale {
    Es,
    En,
    /// A language added as data ([`Language::add`]).
    Added(Added),
}

/// Which added language a [`Locale::Added`] is: only [`Language::add`] makes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Added(u8);

/// The languages added in this run, in the order they were added. Each is made once and kept.
static ADDED: Mutex<Vec<&'static Language>> = Mutex::new(Vec::new());

/// A language added from a reviewed translation file: its code and name, and each table of
/// words (`texts_table!`) built over the Spanish one with the translation's texts. The pack a
/// report in it is made with is the Spanish pack with the translation's texts in place
/// (`umbral::packs::translation::translated_pack`): a [`Text`] in this language is its
/// Spanish.
pub struct Language {
    code: String,
    name: String,
    tables: OnceLock<Vec<(TypeId, &'static (dyn Any + Sync))>>,
}

impl Language {
    /// Adds the language `code` (`qu`, `nah`, `quz-PE`) named `name` in itself, for the rest of
    /// the run (it is small and made once), and gives its locale; `None` past 256 languages.
    /// Its tables of words are given next, with [`Language::set_tables`]: they hold the locale
    /// themselves.
    pub fn add(code: &str, name: &str) -> Option<Locale> {
        let mut added = ADDED.lock().unwrap_or_else(|e| e.into_inner());
        let at = u8::try_from(added.len()).ok()?;
        added.push(Box::leak(Box::new(Language {
            code: code.to_string(),
            name: name.to_string(),
            tables: OnceLock::new(),
        })));
        Some(Locale::Added(Added(at)))
    }

    /// The added language `added`.
    fn get(added: Added) -> &'static Language {
        // Only `add` makes an `Added`, for a language it has put there.
        ADDED.lock().unwrap_or_else(|e| e.into_inner())[usize::from(added.0)]
    }

    /// Gives the language of `locale` its tables of words, each made for it ([`table`]); a
    /// table not given is the Spanish one. Only the first call counts, and only for an added
    /// language.
    pub fn set_tables(locale: Locale, tables: Vec<(TypeId, &'static (dyn Any + Sync))>) {
        if let Locale::Added(added) = locale {
            let _ = Language::get(added).tables.set(tables);
        }
    }

    /// The table with type id `id` this language was given, if any.
    #[inline(never)]
    fn table(&self, id: TypeId) -> Option<&'static dyn Any> {
        self.tables
            .get()?
            .iter()
            .find(|(t, _)| *t == id)
            .map(|&(_, table)| table as &dyn Any)
    }
}

/// A table of words for [`Language::set_tables`], kept for the rest of the run.
pub fn table<T: Any + Sync>(words: T) -> (TypeId, &'static (dyn Any + Sync)) {
    (TypeId::of::<T>(), Box::leak(Box::new(words)))
}

impl Locale {
    /// The built-in locales, Spanish first.
    pub const ALL: [Locale; 2] = [Locale::Es, Locale::En];

    /// The locale's code: `es`, `en`, or an added language's (`qu`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::Es => "es",
            Locale::En => "en",
            Locale::Added(added) => &Language::get(added).code,
        }
    }

    /// The language's name in itself, as a language switch and an XLSForm's columns show it:
    /// "Español", "English", or what an added language's translation file calls it. Not
    /// translated: it names a language.
    pub fn name(self) -> &'static str {
        match self {
            Locale::Es => "Español",
            Locale::En => "English",
            Locale::Added(added) => &Language::get(added).name,
        }
    }

    /// Of a table that exists in each built-in locale, this locale's: the one place the tables
    /// of words (`texts_table!`) are chosen by language. An added language's is the one it was
    /// given, else the Spanish one.
    pub fn pick<T: Any>(self, es: &'static T, en: &'static T) -> &'static T {
        match self {
            Locale::Es => es,
            Locale::En => en,
            Locale::Added(added) => Language::get(added)
                .table(TypeId::of::<T>())
                .and_then(<dyn Any>::downcast_ref)
                .unwrap_or(es),
        }
    }

    /// The other built-in locale, what a language switch offers: English for Spanish, Spanish
    /// for the others.
    pub fn other(self) -> Locale {
        match self {
            Locale::Es => Locale::En,
            _ => Locale::Es,
        }
    }

    /// Parses `es` or `en` (case-insensitive, ignoring a region such as `es-MX`): the built-in
    /// locales. An added language is known only to whoever added it.
    pub fn parse(s: &str) -> Option<Locale> {
        let lang = s
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "es" => Some(Locale::Es),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

/// Written as its code.
impl Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Read from `es` or `en`: an added language is not read back from data.
impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Locale, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        match code.as_ref() {
            "es" => Ok(Locale::Es),
            "en" => Ok(Locale::En),
            other => Err(serde::de::Error::unknown_variant(other, &["es", "en"])),
        }
    }
}

/// A text in every built-in locale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub es: String,
    pub en: String,
}

impl Text {
    /// The text in `locale`; in an added language, its Spanish (which the language's pack has
    /// translated where it could).
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            _ => &self.es,
        }
    }
}
