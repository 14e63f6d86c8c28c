//! The languages Umbral speaks and a text in each: what every other part of the engine (the
//! profile's messages, the packs, the reports) depends on, and which depends on nothing.

use serde::{Deserialize, Serialize};

/// A locale of the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Es,
    En,
}

impl Locale {
    /// Every locale, Spanish first.
    pub const ALL: [Locale; 2] = [Locale::Es, Locale::En];

    /// The locale's code, `es` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Es => "es",
            Locale::En => "en",
        }
    }

    /// The language's name in itself, as a language switch and an XLSForm's columns show it:
    /// "Español", "English". Not translated: it names a language.
    pub fn name(self) -> &'static str {
        match self {
            Locale::Es => "Español",
            Locale::En => "English",
        }
    }

    /// Of a table that exists in each locale, this locale's: the one place the tables of words
    /// (`texts_table!`) are chosen by language.
    pub fn pick<T: ?Sized>(self, es: &'static T, en: &'static T) -> &'static T {
        match self {
            Locale::Es => es,
            Locale::En => en,
        }
    }

    /// The other locale: what a language switch offers.
    pub fn other(self) -> Locale {
        match self {
            Locale::Es => Locale::En,
            Locale::En => Locale::Es,
        }
    }

    /// Parses `es` or `en` (case-insensitive, ignoring a region such as `es-MX`).
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

/// A text in every locale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub es: String,
    pub en: String,
}

impl Text {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Es => &self.es,
            Locale::En => &self.en,
        }
    }
}
