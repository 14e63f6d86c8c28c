//! What is wrong with a profile, as data: each kind of problem a reader of profiles finds, and
//! its sentence in Spanish and English, a template of a `texts_table!` ([`ProblemWords`],
//! translated as `problem.…`). The command line and the JS API say them in English
//! (`Display`); the planner and the workspace in the language of the page.

use std::fmt;

use serde_json::Value as Json;

use super::locale::Locale;
use super::words::{decimal, fill, texts_static, texts_table};

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
    pub fn kind(&self, w: &ProblemWords) -> &'static str {
        match self {
            Found::Null => w.kind_null(),
            Found::Boolean(_) => w.kind_boolean(),
            Found::Number(_) => w.kind_number(),
            Found::Text(_) => w.kind_string(),
            Found::List => w.kind_array(),
            Found::Object => w.kind_object(),
        }
    }

    /// The value quoted where it is short to say ("'x'", "12"), else its kind.
    pub fn quoted(&self, w: &ProblemWords) -> String {
        match self {
            Found::Number(n) => n.clone(),
            Found::Text(s) => format!("'{s}'"),
            other => other.kind(w).to_string(),
        }
    }

    /// The value itself where it is short to say: "12", "the string 'x'", "el texto 'x'".
    fn described(&self, w: &ProblemWords) -> String {
        match self {
            Found::Number(n) => n.clone(),
            Found::Text(s) => fill(w.the_string(), &[("text", s)]),
            other => other.kind(w).to_string(),
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

    /// Where the JSON goes wrong, in plain words (`problem.json_cut_short`,
    /// `problem.json_wrong`): the parser's own are English and technical. In English, the
    /// parser's words (`Display`), which the command line prints.
    pub fn message(&self, locale: Locale) -> String {
        let w = problem_words(locale);
        let template = match (locale, self.cut_short) {
            (Locale::En, _) => return self.detail.clone(),
            (_, true) => w.json_cut_short(),
            (_, false) => w.json_wrong(),
        };
        fill(
            template,
            &[
                ("line", &self.line.to_string()),
                ("column", &self.column.to_string()),
            ],
        )
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
        self.worded(problem_words(locale))
    }

    /// What kind of problem it is, as a program reads it: the key of its sentence in the
    /// table of words (`unknown_value`; `problem.unknown_value` in a translation). The
    /// entrepreneur app's JS API says this rather than the sentence, which would cost its
    /// first load 2 KB.
    pub fn kind(&self) -> &'static str {
        use Problem as P;
        match self {
            P::NotJson { .. } => "not_json",
            P::NotAnObject { .. } => "not_an_object",
            P::BadSchema { .. } => "bad_schema",
            P::MissingSchema => "missing_schema",
            P::UnknownCountry { .. } => "unknown_country",
            P::MissingCountry { .. } => "missing_country",
            P::TooLong { .. } => "too_long",
            P::NotAString { .. } => "not_a_string",
            P::NewerField { .. } => "newer_field",
            P::UnknownField { .. } => "unknown_field",
            P::NotAnAnswer { .. } => "not_an_answer",
            P::TooDeep => "too_deep",
            P::NotARegion { .. } => "not_a_region",
            P::ChoiceNotAString { .. } => "choice_not_a_string",
            P::UnknownValue { .. } => "unknown_value",
            P::NotAList { .. } => "not_a_list",
            P::ItemNotAString { .. } => "item_not_a_string",
            P::Twice { .. } => "twice",
            P::UnknownItem { .. } => "unknown_item",
            P::IntOutOfRange { .. } => "int_out_of_range",
            P::NotWhole { .. } => "not_whole",
            P::NumberTooSmall { .. } => "number_too_small",
            P::NotANumber { .. } => "not_a_number",
            P::NotABoolean { .. } => "not_a_boolean",
            P::OtherCountry { .. } => "other_country",
            P::NotAsked { asked, .. } if asked.is_empty() => "not_asked_none",
            P::NotAsked { .. } => "not_asked",
        }
    }

    /// The problem in a sentence in the words of `w`. `Display` gives it the English table
    /// itself, so that a program that only ever says them in English (the entrepreneur app's
    /// JS API) carries no other language's.
    ///
    /// First the template, then every value a template may name, each taken from the kind of
    /// problem that has it (one `fill` for all: the first load carries this code).
    pub(crate) fn worded(&self, w: &ProblemWords) -> String {
        use Problem as P;
        // Each kind's sentence is keyed by its kind (tested for every kind).
        let template = w.text(self.kind()).unwrap_or_default();
        // The value found where another was expected: `{kind}` names its kind, `{found}` the
        // value itself where it is short to say.
        let found = match self {
            P::NotAnObject { found }
            | P::BadSchema { found }
            | P::UnknownCountry { found, .. }
            | P::NotAString { found }
            | P::NotAnAnswer { found }
            | P::NotARegion { found }
            | P::ChoiceNotAString { found, .. }
            | P::NotAList { found, .. }
            | P::ItemNotAString { found, .. }
            | P::NotWhole { found, .. }
            | P::NotANumber { found, .. }
            | P::NotABoolean { found } => Some(found),
            _ => None,
        };
        // The one text a problem quotes: the parser's detail, a field's name, a value, an item.
        let text = match self {
            P::NotJson { detail: t }
            | P::NewerField { name: t }
            | P::UnknownField { name: t, .. }
            | P::UnknownValue { value: t, .. }
            | P::Twice { item: t }
            | P::UnknownItem { item: t, .. }
            | P::NotAsked { key: t, .. } => t.as_str(),
            _ => "",
        };
        // What there may be instead: fields, choices, items, the questions a pack asks.
        let listed = match self {
            P::UnknownField { allowed: l, .. }
            | P::ChoiceNotAString { values: l, .. }
            | P::UnknownValue { values: l, .. }
            | P::NotAList { items: l, .. }
            | P::ItemNotAString { items: l, .. }
            | P::UnknownItem { items: l, .. }
            | P::NotAsked { asked: l, .. } => l.join(", "),
            P::UnknownCountry { countries, .. } | P::MissingCountry { countries } => {
                countries.join(", ")
            }
            _ => String::new(),
        };
        let (n, min, max) = match self {
            P::IntOutOfRange { n, min, max } => (n.to_string(), min.to_string(), max.to_string()),
            P::NotWhole { min, max, .. } => (String::new(), min.to_string(), max.to_string()),
            P::NumberTooSmall { n, min } => (decimal(*n), decimal(*min), String::new()),
            P::NotANumber { min, .. } => (String::new(), decimal(*min), String::new()),
            P::TooLong { max } => (String::new(), String::new(), max.to_string()),
            _ => Default::default(),
        };
        let (profile, pack, country) = match self {
            P::OtherCountry {
                profile,
                pack,
                country,
            } => (profile.as_str(), pack.as_str(), country.as_str()),
            P::NotAsked { pack, .. } => ("", pack.as_str(), ""),
            _ => ("", "", ""),
        };
        let described = found.map(|f| f.described(w)).unwrap_or_default();
        fill(
            template,
            &[
                ("kind", found.map_or("", |f| f.kind(w))),
                ("found", &described),
                ("detail", text),
                ("name", text),
                ("value", text),
                ("item", text),
                ("key", text),
                ("v1", V1),
                ("v2", V2),
                ("countries", &listed),
                ("allowed", &listed),
                ("values", &listed),
                ("items", &listed),
                ("asked", &listed),
                ("n", &n),
                ("min", &min),
                ("max", &max),
                ("profile", profile),
                ("pack", pack),
                ("country", country),
            ],
        )
    }
}

texts_table! {
    /// The sentences of what is wrong with a profile (and of a JSON value found where another
    /// was expected, which the hand-off file's problems say too), in one locale.
    pub struct ProblemWords from ProblemSource as "problem" {
        pub locale: Locale,
        ;
        /// A JSON value that is null, as a message names its kind (`{kind}`: "se esperaba un
        /// texto y hay null").
        kind_null,
        /// A JSON value that is true or false, as a message names its kind.
        kind_boolean,
        kind_number,
        kind_string,
        kind_array,
        kind_object,
        /// A text found where something else was expected: `{text}` is the text.
        the_string,
        /// Where a text is not JSON because it ends too soon: `{line}` and `{column}` are where.
        /// (English shows the JSON reader's own words.)
        json_cut_short,
        /// Where a text is not JSON: `{line}` and `{column}` are where. (English shows the JSON
        /// reader's own words.)
        json_wrong,
        /// A text that is not JSON: `{detail}` is what the JSON reader said, in English.
        not_json,
        /// A profile that is not a JSON object: `{kind}` is what it is (`kind_…`).
        not_an_object,
        /// A profile's `schema` is not a version Umbral reads: `{v2}` and `{v1}` are the
        /// versions it reads, `{found}` the value found.
        bad_schema,
        /// A profile without `schema`: `{v2}` is the version to write (`{v1}` is the older
        /// one, and may be left out).
        missing_schema,
        /// A profile's country is not one Umbral knows: `{found}` is the value, `{countries}`
        /// the codes it knows.
        unknown_country,
        /// A profile without `country`: `{countries}` are the codes Umbral knows.
        missing_country,
        /// A text longer than allowed: `{max}` is the most characters.
        too_long,
        /// A value that should be a text: `{kind}` is what it is.
        not_a_string,
        /// A field a version-1 profile cannot have: `{name}` is the field, `{v1}` and `{v2}`
        /// the versions.
        newer_field,
        /// A field Umbral does not know: `{name}` is it, `{allowed}` the fields it knows.
        unknown_field,
        /// An extra answer that is not a value or a list: `{kind}` is what it is.
        not_an_answer,
        /// An extra answer made of lists nested more than 16 deep.
        too_deep,
        /// A region that is not an ISO 3166-2 code: `{found}` is the value.
        not_a_region,
        /// A choice that is not a text: `{kind}` is what it is, `{values}` the choices.
        choice_not_a_string,
        /// A choice the question does not have: `{value}` is it, `{values}` the choices.
        unknown_value,
        /// A list answer that is not a list: `{kind}` is what it is, `{items}` what it may
        /// hold.
        not_a_list,
        /// A list holding something other than texts: `{kind}` is what, `{items}` what it may
        /// hold.
        item_not_a_string,
        /// An item given twice in a list: `{item}` is it.
        twice,
        /// An item a list cannot hold: `{item}` is it, `{items}` what it may hold.
        unknown_item,
        /// A whole number out of range: `{n}` is it, `{min}` and `{max}` the range.
        int_out_of_range,
        /// A value that should be a whole number: `{found}` is it, `{min}` and `{max}` the
        /// range.
        not_whole,
        /// A number below the least allowed: `{n}` is it, `{min}` the least.
        number_too_small,
        /// A value that should be a number: `{found}` is it, `{min}` the least allowed.
        not_a_number,
        /// A value that should be true or false: `{found}` is it.
        not_a_boolean,
        /// A profile for another country than the pack's: `{profile}` is the profile's
        /// country, `{pack}` the pack's id and `{country}` its country.
        other_country,
        /// An extra answer the pack does not ask, when it asks none: `{key}` is the answer's
        /// name, `{pack}` the pack's id.
        not_asked_none,
        /// An extra answer the pack does not ask: `{key}` is its name, `{pack}` the pack's id,
        /// `{asked}` the names it asks.
        not_asked,
        /// A problem and where in the profile it is: `{problem}` is the problem, `{path}` the
        /// field's place (`$.connectivity.internet`).
        at_path,
    }
}

texts_static! {
    pub static PROBLEM_ES: ProblemWords from ProblemSource {
        locale: Locale::Es,
        ;
        kind_null: "null",
        kind_boolean: "un sí o no (true/false)",
        kind_number: "un número",
        kind_string: "un texto",
        kind_array: "una lista",
        kind_object: "un objeto",
        the_string: "el texto '{text}'",
        json_cut_short: "el texto se acaba antes de tiempo, en la línea {line}, columna {column}",
        json_wrong: "algo está mal escrito en la línea {line}, columna {column}",
        not_json: "no es JSON válido: {detail}",
        not_an_object: "se esperaba un objeto y hay {kind}",
        bad_schema: "se esperaba \"{v2}\" o \"{v1}\" y hay {found}",
        missing_schema: "falta el campo 'schema'; debe ser \"{v2}\"",
        unknown_country: "país desconocido: {found}; puede ser {countries}",
        missing_country: "falta el campo 'country'; puede ser {countries}",
        too_long: "tiene más de {max} caracteres",
        not_a_string: "se esperaba un texto y hay {kind}",
        newer_field: "'{name}' no es parte de {v1}; un perfil que lo tiene dice \"schema\": \"{v2}\"",
        unknown_field: "campo desconocido '{name}'; puede ser {allowed}",
        not_an_answer: "se esperaba un sí o no, un número, un texto o una lista y hay {kind}",
        too_deep: "listas metidas en listas más de 16 veces; una respuesta es un valor o una \
                   lista de valores",
        not_a_region: "se esperaba un código ISO 3166-2 como MX-GUA y hay {found}",
        choice_not_a_string: "se esperaba un texto y hay {kind}; puede ser {values}",
        unknown_value: "valor desconocido '{value}'; puede ser {values}",
        not_a_list: "se esperaba una lista y hay {kind}; sus elementos pueden ser {items}",
        item_not_a_string: "se esperaban textos en la lista y hay {kind}; pueden ser {items}",
        twice: "'{item}' está dos veces",
        unknown_item: "elemento desconocido '{item}'; pueden ser {items}",
        int_out_of_range: "{n} está fuera de rango; debe ser de {min} a {max}",
        not_whole: "se esperaba un número entero de {min} a {max} y hay {found}",
        number_too_small: "{n} está fuera de rango; debe ser por lo menos {min}",
        not_a_number: "se esperaba un número de por lo menos {min} y hay {found}",
        not_a_boolean: "se esperaba true o false y hay {found}",
        other_country: "el perfil es de {profile} pero el paquete '{pack}' es de {country}",
        not_asked_none: "campo desconocido '{key}'; el paquete '{pack}' no hace preguntas extra",
        not_asked: "campo desconocido '{key}'; el paquete '{pack}' pregunta solo: {asked}",
        at_path: "{problem} en {path}",
    }
}

texts_static! {
    pub static PROBLEM_EN: ProblemWords from ProblemSource {
        locale: Locale::En,
        ;
        kind_null: "null",
        kind_boolean: "a boolean",
        kind_number: "a number",
        kind_string: "a string",
        kind_array: "an array",
        kind_object: "an object",
        the_string: "the string '{text}'",
        json_cut_short: "the text ends too soon, at line {line}, column {column}",
        json_wrong: "something is wrong at line {line}, column {column}",
        not_json: "not valid JSON: {detail}",
        not_an_object: "expected an object, found {kind}",
        bad_schema: "expected \"{v2}\" or \"{v1}\", found {found}",
        missing_schema: "missing field 'schema'; expected \"{v2}\"",
        unknown_country: "unknown country {found}; expected one of: {countries}",
        missing_country: "missing field 'country'; expected one of: {countries}",
        too_long: "longer than {max} characters",
        not_a_string: "expected a string, found {kind}",
        newer_field: "'{name}' is not part of {v1}; a profile with it says \"schema\": \"{v2}\"",
        unknown_field: "unknown field '{name}'; expected one of: {allowed}",
        not_an_answer: "expected a boolean, number, string or array, found {kind}",
        too_deep: "lists nested more than 16 deep; an answer is a value or a list of values",
        not_a_region: "expected an ISO 3166-2 code such as MX-GUA, found {found}",
        choice_not_a_string: "expected a string, found {kind}; expected one of: {values}",
        unknown_value: "unknown value '{value}'; expected one of: {values}",
        not_a_list: "expected an array, found {kind}; items are: {items}",
        item_not_a_string: "expected strings in the array, found {kind}; items are: {items}",
        twice: "'{item}' appears twice",
        unknown_item: "unknown item '{item}'; expected any of: {items}",
        int_out_of_range: "{n} is out of range; expected {min} to {max}",
        not_whole: "expected a whole number from {min} to {max}, found {found}",
        number_too_small: "{n} is out of range; expected at least {min}",
        not_a_number: "expected a number of at least {min}, found {found}",
        not_a_boolean: "expected true or false, found {found}",
        other_country: "the profile is for {profile} but pack '{pack}' is for {country}",
        not_asked_none: "unknown field '{key}'; pack '{pack}' asks no extra questions",
        not_asked: "unknown field '{key}'; pack '{pack}' asks only: {asked}",
        at_path: "{problem} at {path}",
    }
}

/// The sentences of what is wrong with a profile, in `locale`.
pub fn problem_words(locale: Locale) -> &'static ProblemWords {
    locale.pick(&PROBLEM_ES, &PROBLEM_EN)
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.worded(&PROBLEM_EN))
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

    /// Every value a problem's template names is given: no `{name}` is left in a sentence.
    #[test]
    fn every_template_gets_its_values() {
        for p in every_kind() {
            for locale in Locale::ALL {
                let said = p.message(locale);
                assert!(!said.contains('{'), "{p:?}: {said}");
            }
        }
        assert_eq!(
            Problem::NotWhole {
                found: Found::Text("x".into()),
                min: 0,
                max: 4
            }
            .message(Locale::Es),
            "se esperaba un número entero de 0 a 4 y hay el texto 'x'"
        );
        assert_eq!(
            Problem::NotAList {
                found: Found::Object,
                items: vec!["a".into(), "b".into()]
            }
            .to_string(),
            "expected an array, found an object; items are: a, b"
        );
    }

    #[test]
    fn each_kind_names_the_sentence_it_is_said_in() {
        // A table whose every text is its own key: a problem worded in it says the key of its
        // sentence, so every kind has one (none is worded as nothing).
        let keyed = ProblemWords {
            locale: Locale::Es,
            ..PROBLEM_ES.translated(&|key| Some(key.to_string())).unwrap()
        };
        for p in every_kind() {
            assert_eq!(p.worded(&keyed), p.kind(), "{p:?}");
        }
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
