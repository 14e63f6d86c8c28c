//! What is wrong with a profile, as data: each kind of problem a reader of profiles finds, and
//! its sentence in Spanish and English. The command line and the JS API say them in English
//! (`Display`); the planner and the workspace in the language of the page.

use std::fmt;

use serde_json::Value as Json;

use super::locale::Locale;
use super::words::decimal;

/// The `schema` value this version writes: every profile is written as version 2. (Here, where
/// the messages about `schema` need it; `profile` re-exports it.)
pub const PROFILE_SCHEMA: &str = "umbral.profile/2";

/// The `schema` value of version-1 profiles, which are still read: a version-1 profile is a
/// version-2 profile with none of the fields version 2 added (see `Field::since`).
pub const PROFILE_SCHEMA_V1: &str = "umbral.profile/1";

const V2: &str = PROFILE_SCHEMA;
const V1: &str = PROFILE_SCHEMA_V1;

/// A JSON value found where another was expected, as a message describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Null,
    Boolean(bool),
    Number(String),
    Text(String),
    List,
    Object,
}

impl Found {
    pub fn of(value: &Json) -> Found {
        match value {
            Json::Null => Found::Null,
            Json::Bool(b) => Found::Boolean(*b),
            Json::Number(n) => Found::Number(n.to_string()),
            Json::String(s) => Found::Text(s.clone()),
            Json::Array(_) => Found::List,
            Json::Object(_) => Found::Object,
        }
    }

    /// [`Found::of`] with a text cut to 60 characters, for messages about files people did not
    /// type (a hand-off file's fields).
    pub fn of_cut(value: &Json) -> Found {
        const MAX: usize = 60;
        match value {
            Json::String(s) if s.chars().count() > MAX => {
                let cut: String = s.chars().take(MAX).collect();
                Found::Text(format!("{cut}…"))
            }
            other => Found::of(other),
        }
    }

    /// Its kind: "a string", "un texto".
    pub fn kind(&self, es: bool) -> &'static str {
        match (self, es) {
            (Found::Null, _) => "null",
            (Found::Boolean(_), false) => "a boolean",
            (Found::Boolean(_), true) => "un sí o no (true/false)",
            (Found::Number(_), false) => "a number",
            (Found::Number(_), true) => "un número",
            (Found::Text(_), false) => "a string",
            (Found::Text(_), true) => "un texto",
            (Found::List, false) => "an array",
            (Found::List, true) => "una lista",
            (Found::Object, false) => "an object",
            (Found::Object, true) => "un objeto",
        }
    }

    /// The value quoted where it is short to say ("'x'", "12"), else its kind.
    pub fn quoted(&self, es: bool) -> String {
        match self {
            Found::Number(n) => n.clone(),
            Found::Text(s) => format!("'{s}'"),
            other => other.kind(es).to_string(),
        }
    }

    /// The value itself where it is short to say: "12", "the string 'x'", "el texto 'x'".
    fn described(&self, es: bool) -> String {
        match (self, es) {
            (Found::Number(n), _) => n.clone(),
            (Found::Text(s), false) => format!("the string '{s}'"),
            (Found::Text(s), true) => format!("el texto '{s}'"),
            (other, es) => other.kind(es).to_string(),
        }
    }
}

/// Why a text is not JSON: the parser's own words, in English (what the command line prints),
/// and where it stopped, to say it in Spanish. The pages' file readers (hand-off files,
/// exports, JSON Lines) carry it; `Display` is the parser's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSyntax {
    /// serde_json's message, with its line and column.
    pub detail: String,
    pub line: usize,
    pub column: usize,
    /// The text ends before its JSON does.
    pub cut_short: bool,
}

impl JsonSyntax {
    pub fn of(error: &serde_json::Error) -> JsonSyntax {
        JsonSyntax {
            detail: error.to_string(),
            line: error.line(),
            column: error.column(),
            cut_short: error.is_eof(),
        }
    }

    /// In Spanish, where the JSON goes wrong: the parser's words are English and technical.
    pub fn spanish(&self) -> String {
        let (line, column) = (self.line, self.column);
        if self.cut_short {
            format!("el texto se acaba antes de tiempo, en la línea {line}, columna {column}")
        } else {
            format!("algo está mal escrito en la línea {line}, columna {column}")
        }
    }
}

impl fmt::Display for JsonSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

/// One kind of problem in a profile, with what the message needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    NotJson {
        detail: String,
    },
    NotAnObject {
        found: Found,
    },
    BadSchema {
        found: Found,
    },
    MissingSchema,
    UnknownCountry {
        found: Found,
        countries: &'static [&'static str],
    },
    MissingCountry {
        countries: &'static [&'static str],
    },
    TooLong {
        max: usize,
    },
    NotAString {
        found: Found,
    },
    /// A field that a version-1 profile may not carry.
    NewerField {
        name: String,
    },
    UnknownField {
        name: String,
        allowed: Vec<String>,
    },
    /// An answer under `extra` that is null or an object.
    NotAnAnswer {
        found: Found,
    },
    /// An answer under `extra` nested deeper than `MAX_EXTRA_DEPTH` (16).
    TooDeep,
    NotARegion {
        found: Found,
    },
    ChoiceNotAString {
        found: Found,
        values: Vec<String>,
    },
    UnknownValue {
        value: String,
        values: Vec<String>,
    },
    NotAList {
        found: Found,
        items: Vec<String>,
    },
    ItemNotAString {
        found: Found,
        items: Vec<String>,
    },
    Twice {
        item: String,
    },
    UnknownItem {
        item: String,
        items: Vec<String>,
    },
    IntOutOfRange {
        n: i64,
        min: i64,
        max: i64,
    },
    NotWhole {
        found: Found,
        min: i64,
        max: i64,
    },
    NumberTooSmall {
        n: f64,
        min: f64,
    },
    NotANumber {
        found: Found,
        min: f64,
    },
    NotABoolean {
        found: Found,
    },
    /// The profile's country is not the pack's.
    OtherCountry {
        profile: String,
        pack: String,
        country: String,
    },
    /// An answer under `extra` that the pack does not ask (`asked`: the names it does).
    NotAsked {
        key: String,
        pack: String,
        asked: Vec<String>,
    },
}

impl Problem {
    /// The problem in a sentence, without where it is.
    pub fn message(&self, locale: Locale) -> String {
        match locale {
            Locale::Es => self.spanish(),
            Locale::En => self.english(),
        }
    }

    /// In English: what the command line says. Each language apart, so that a page that only
    /// ever shows English carries no Spanish sentences.
    fn english(&self) -> String {
        let list = |l: &[String]| l.join(", ");
        match self {
            Problem::NotJson { detail } => format!("not valid JSON: {detail}"),
            Problem::NotAnObject { found } => {
                format!("expected an object, found {}", found.kind(false))
            }
            Problem::BadSchema { found } => format!(
                "expected \"{V2}\" or \"{V1}\", found {}",
                found.described(false)
            ),
            Problem::MissingSchema => format!("missing field 'schema'; expected \"{V2}\""),
            Problem::UnknownCountry { found, countries } => format!(
                "unknown country {}; expected one of: {}",
                found.described(false),
                countries.join(", ")
            ),
            Problem::MissingCountry { countries } => format!(
                "missing field 'country'; expected one of: {}",
                countries.join(", ")
            ),
            Problem::TooLong { max } => format!("longer than {max} characters"),
            Problem::NotAString { found } => {
                format!("expected a string, found {}", found.kind(false))
            }
            Problem::NewerField { name } => {
                format!("'{name}' is not part of {V1}; a profile with it says \"schema\": \"{V2}\"")
            }
            Problem::UnknownField { name, allowed } => {
                format!("unknown field '{name}'; expected one of: {}", list(allowed))
            }
            Problem::NotAnAnswer { found } => format!(
                "expected a boolean, number, string or array, found {}",
                found.kind(false)
            ),
            // MAX_EXTRA_DEPTH, written out: no formatting code.
            Problem::TooDeep => {
                "lists nested more than 16 deep; an answer is a value or a list of values".into()
            }
            Problem::NotARegion { found } => format!(
                "expected an ISO 3166-2 code such as MX-GUA, found {}",
                found.described(false)
            ),
            Problem::ChoiceNotAString { found, values } => format!(
                "expected a string, found {}; expected one of: {}",
                found.kind(false),
                list(values)
            ),
            Problem::UnknownValue { value, values } => {
                format!("unknown value '{value}'; expected one of: {}", list(values))
            }
            Problem::NotAList { found, items } => format!(
                "expected an array, found {}; items are: {}",
                found.kind(false),
                list(items)
            ),
            Problem::ItemNotAString { found, items } => format!(
                "expected strings in the array, found {}; items are: {}",
                found.kind(false),
                list(items)
            ),
            Problem::Twice { item } => format!("'{item}' appears twice"),
            Problem::UnknownItem { item, items } => {
                format!("unknown item '{item}'; expected any of: {}", list(items))
            }
            Problem::IntOutOfRange { n, min, max } => {
                format!("{n} is out of range; expected {min} to {max}")
            }
            Problem::NotWhole { found, min, max } => format!(
                "expected a whole number from {min} to {max}, found {}",
                found.described(false)
            ),
            Problem::NumberTooSmall { n, min } => format!(
                "{} is out of range; expected at least {}",
                decimal(*n),
                decimal(*min)
            ),
            Problem::NotANumber { found, min } => format!(
                "expected a number of at least {}, found {}",
                decimal(*min),
                found.described(false)
            ),
            Problem::NotABoolean { found } => {
                format!("expected true or false, found {}", found.described(false))
            }
            Problem::OtherCountry {
                profile,
                pack,
                country,
            } => format!("the profile is for {profile} but pack '{pack}' is for {country}"),
            Problem::NotAsked { key, pack, asked } => match asked.is_empty() {
                true => format!("unknown field '{key}'; pack '{pack}' asks no extra questions"),
                false => format!(
                    "unknown field '{key}'; pack '{pack}' asks only: {}",
                    list(asked)
                ),
            },
        }
    }

    fn spanish(&self) -> String {
        let list = |l: &[String]| l.join(", ");
        match self {
            Problem::NotJson { detail } => format!("no es JSON válido: {detail}"),
            Problem::NotAnObject { found } => {
                format!("se esperaba un objeto y hay {}", found.kind(true))
            }
            Problem::BadSchema { found } => format!(
                "se esperaba \"{V2}\" o \"{V1}\" y hay {}",
                found.described(true)
            ),
            Problem::MissingSchema => format!("falta el campo 'schema'; debe ser \"{V2}\""),
            Problem::UnknownCountry { found, countries } => format!(
                "país desconocido: {}; puede ser {}",
                found.described(true),
                countries.join(", ")
            ),
            Problem::MissingCountry { countries } => {
                format!(
                    "falta el campo 'country'; puede ser {}",
                    countries.join(", ")
                )
            }
            Problem::TooLong { max } => format!("tiene más de {max} caracteres"),
            Problem::NotAString { found } => {
                format!("se esperaba un texto y hay {}", found.kind(true))
            }
            Problem::NewerField { name } => format!(
                "'{name}' no es parte de {V1}; un perfil que lo tiene dice \"schema\": \"{V2}\""
            ),
            Problem::UnknownField { name, allowed } => {
                format!("campo desconocido '{name}'; puede ser {}", list(allowed))
            }
            Problem::NotAnAnswer { found } => format!(
                "se esperaba un sí o no, un número, un texto o una lista y hay {}",
                found.kind(true)
            ),
            Problem::TooDeep => "listas metidas en listas más de 16 veces; una respuesta es \
                                       un valor o una lista de valores"
                .into(),
            Problem::NotARegion { found } => format!(
                "se esperaba un código ISO 3166-2 como MX-GUA y hay {}",
                found.described(true)
            ),
            Problem::ChoiceNotAString { found, values } => format!(
                "se esperaba un texto y hay {}; puede ser {}",
                found.kind(true),
                list(values)
            ),
            Problem::UnknownValue { value, values } => {
                format!("valor desconocido '{value}'; puede ser {}", list(values))
            }
            Problem::NotAList { found, items } => format!(
                "se esperaba una lista y hay {}; sus elementos pueden ser {}",
                found.kind(true),
                list(items)
            ),
            Problem::ItemNotAString { found, items } => format!(
                "se esperaban textos en la lista y hay {}; pueden ser {}",
                found.kind(true),
                list(items)
            ),
            Problem::Twice { item } => format!("'{item}' está dos veces"),
            Problem::UnknownItem { item, items } => {
                format!("elemento desconocido '{item}'; pueden ser {}", list(items))
            }
            Problem::IntOutOfRange { n, min, max } => {
                format!("{n} está fuera de rango; debe ser de {min} a {max}")
            }
            Problem::NotWhole { found, min, max } => format!(
                "se esperaba un número entero de {min} a {max} y hay {}",
                found.described(true)
            ),
            Problem::NumberTooSmall { n, min } => format!(
                "{} está fuera de rango; debe ser por lo menos {}",
                decimal(*n),
                decimal(*min)
            ),
            Problem::NotANumber { found, min } => format!(
                "se esperaba un número de por lo menos {} y hay {}",
                decimal(*min),
                found.described(true)
            ),
            Problem::NotABoolean { found } => {
                format!("se esperaba true o false y hay {}", found.described(true))
            }
            Problem::OtherCountry {
                profile,
                pack,
                country,
            } => {
                format!("el perfil es de {profile} pero el paquete '{pack}' es de {country}")
            }
            Problem::NotAsked { key, pack, asked } => match asked.is_empty() {
                true => format!(
                    "campo desconocido '{key}'; el paquete '{pack}' no hace preguntas extra"
                ),
                false => format!(
                    "campo desconocido '{key}'; el paquete '{pack}' pregunta solo: {}",
                    list(asked)
                ),
            },
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// For the tests of every kind of a problem type: each one's Spanish differs from its
/// English and holds none of the `english` words, and its `Display` is the English.
#[cfg(test)]
pub(crate) fn assert_worded_apart<P: fmt::Debug + fmt::Display>(
    problems: &[P],
    message: impl Fn(&P, Locale) -> String,
    english: &[&str],
) {
    for p in problems {
        let (es, en) = (message(p, Locale::Es), message(p, Locale::En));
        assert_ne!(es, en, "{p:?}");
        for word in english {
            assert!(!es.contains(word), "{es:?} says {word:?}");
        }
        assert_eq!(p.to_string(), en);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every kind of problem.
    fn every_kind() -> Vec<Problem> {
        let t = |s: &str| Found::Text(s.into());
        let v = || vec!["a".to_string(), "b".to_string()];
        vec![
            Problem::NotJson {
                detail: "EOF".into(),
            },
            Problem::NotAnObject { found: Found::List },
            Problem::BadSchema { found: t("x") },
            Problem::MissingSchema,
            Problem::UnknownCountry {
                found: t("AR"),
                countries: &["MX"],
            },
            Problem::MissingCountry { countries: &["MX"] },
            Problem::TooLong { max: 200 },
            Problem::NotAString { found: Found::Null },
            Problem::NewerField {
                name: "export".into(),
            },
            Problem::UnknownField {
                name: "x".into(),
                allowed: v(),
            },
            Problem::NotAnAnswer {
                found: Found::Object,
            },
            Problem::TooDeep,
            Problem::NotARegion { found: t("x") },
            Problem::ChoiceNotAString {
                found: Found::Boolean(true),
                values: v(),
            },
            Problem::UnknownValue {
                value: "x".into(),
                values: v(),
            },
            Problem::NotAList {
                found: Found::Number("1".into()),
                items: v(),
            },
            Problem::ItemNotAString {
                found: Found::Null,
                items: v(),
            },
            Problem::Twice { item: "a".into() },
            Problem::UnknownItem {
                item: "x".into(),
                items: v(),
            },
            Problem::IntOutOfRange {
                n: 9,
                min: 0,
                max: 4,
            },
            Problem::NotWhole {
                found: t("x"),
                min: 0,
                max: 4,
            },
            Problem::NumberTooSmall { n: -1.5, min: 0.0 },
            Problem::NotANumber {
                found: t("x"),
                min: 0.0,
            },
            Problem::NotABoolean { found: t("x") },
            Problem::OtherCountry {
                profile: "CL".into(),
                pack: "mx".into(),
                country: "MX".into(),
            },
            Problem::NotAsked {
                key: "x".into(),
                pack: "mx".into(),
                asked: v(),
            },
            Problem::NotAsked {
                key: "x".into(),
                pack: "mx".into(),
                asked: vec![],
            },
        ]
    }

    #[test]
    fn every_problem_is_worded_in_spanish_and_english() {
        assert_worded_apart(
            &every_kind(),
            Problem::message,
            &[
                "expected", "found", "unknown", "missing", "longer", "appears",
            ],
        );
        assert_eq!(
            Problem::UnknownValue {
                value: "fibra".into(),
                values: vec!["none".into(), "mobile_data".into()]
            }
            .message(Locale::Es),
            "valor desconocido 'fibra'; puede ser none, mobile_data"
        );
    }
}
