//! The languages Umbral speaks and a text in each: what every other part of the engine (the
//! profile's messages, the packs, the reports) depends on, and which depends on nothing.
//!
//! Spanish and English are built in: every pack carries both, and every table of words
//! (`texts_table!`) has both. Any other language is added as data, from a reviewed
//! translation file ([`Language`]): it is Spanish with each translated text in place of its
//! Spanish, so whatever is not translated yet reads in Spanish.

use std::sync::Mutex;

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

/// A language added from a reviewed translation file: its code and its name. Its tables of
/// words (`texts_table!`) are each built over the Spanish one with the translation's texts and
/// given to it ([`Locale::give`]); the pack a report in it is made with is the Spanish pack
/// with the translation's texts in place (`umbral::packs::translation::translated_pack`): a
/// [`Text`] in this language is its Spanish.
pub struct Language {
    code: String,
    name: String,
}

impl Language {
    /// Adds the language `code` (`qu`, `nah`, `quz-PE`) named `name` in itself, for the rest of
    /// the run (it is small and made once), and gives its locale: the one it has when it was
    /// added before. `None` past 256 languages. Its tables of words are given next
    /// ([`Locale::give`]): they hold the locale themselves.
    pub fn add(code: &str, name: &str) -> Option<Locale> {
        let mut added = ADDED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = added.iter().position(|l| l.code == code) {
            return Some(Locale::Added(Added(at as u8)));
        }
        let at = u8::try_from(added.len()).ok()?;
        added.push(Box::leak(Box::new(Language {
            code: code.to_string(),
            name: name.to_string(),
        })));
        Some(Locale::Added(Added(at)))
    }

    /// The added language `added`.
    fn get(added: Added) -> &'static Language {
        // Only `add` makes an `Added`, for a language it has put there.
        ADDED.lock().unwrap_or_else(|e| e.into_inner())[usize::from(added.0)]
    }
}

/// A kind of table of words (each `texts_table!`): it keeps the tables made for added
/// languages, which [`Locale::pick`] finds.
pub trait Words: Sync + 'static {
    /// The tables of this kind given to added languages, each with its language.
    fn added() -> &'static Mutex<Vec<(Added, &'static Self)>>;
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
    pub fn pick<T: Words>(self, es: &'static T, en: &'static T) -> &'static T {
        match self {
            Locale::Es => es,
            Locale::En => en,
            Locale::Added(added) => T::added()
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .find(|(a, _)| *a == added)
                .map_or(es, |(_, table)| *table),
        }
    }

    /// Gives this added language its table `words` of a kind, kept for the rest of the run: the
    /// one [`pick`](Self::pick) chooses for it from then on, unless it was given one before
    /// (the first stays). Nothing for Spanish and English, whose tables are built in.
    pub fn give<T: Words>(self, words: T) {
        if let Locale::Added(added) = self {
            let words: &'static T = Box::leak(Box::new(words));
            T::added()
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((added, words));
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
