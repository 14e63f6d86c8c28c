//! The enterprise profile (`umbral.profile/2`, version 1 still read): the field table that describes it, its decoded
//! form, and decoding that names every problem with its path.
//!
//! The field table is the one place in Rust that knows the profile format. Decoding, encoding,
//! the condition language's type checker, `next_unlock` and the command line's CSV headers all
//! read it, so they cannot drift apart.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value as Json};

use super::locale::Locale;
use super::problem::{problem_words, ProblemWords, PROBLEM_EN};
use super::words::fill;

pub use super::problem::{Found, Problem, PROFILE_SCHEMA, PROFILE_SCHEMA_V1};

/// Countries with a rule pack, the default (Mexico) first.
pub const COUNTRIES: &[&str] = &["MX", "CL", "BO"];

/// Index of a field in a pack's field list: the core fields first, then a pack's `extra` fields.
pub type FieldIx = usize;

/// What kind of value a field holds, and whether it has an order along which answers improve.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// One of `values`. With `ranks`, the field has an order: a higher rank is an improvement;
    /// equal ranks are not comparable improvements of each other.
    Choice {
        values: Vec<String>,
        ranks: Option<Vec<u8>>,
    },
    /// A set of items from `items`; improving means adding items.
    Set { items: Vec<String> },
    /// An integer in `min..=max`.
    Integer { min: i64, max: i64, ordered: bool },
    /// A number, at least `min`.
    Number { min: f64, ordered: bool },
    /// Yes or no; when ordered, false < true.
    Bool { ordered: bool },
    /// Free text. `pattern` documents the accepted shape for messages.
    Text { max_len: usize },
}

impl FieldKind {
    /// Whether improvements along an order are defined for this field.
    pub fn is_ordered(&self) -> bool {
        match self {
            FieldKind::Choice { ranks, .. } => ranks.is_some(),
            FieldKind::Set { .. } => true,
            FieldKind::Integer { ordered, .. }
            | FieldKind::Number { ordered, .. }
            | FieldKind::Bool { ordered } => *ordered,
            FieldKind::Text { .. } => false,
        }
    }

    /// The rank of a choice value; values without ranks all rank 0.
    pub fn rank(&self, index: u8) -> u8 {
        match self {
            FieldKind::Choice {
                ranks: Some(ranks), ..
            } => ranks[index as usize],
            _ => 0,
        }
    }

    /// A short name of the kind, for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            FieldKind::Choice { .. } => "one of a list",
            FieldKind::Set { .. } => "a set",
            FieldKind::Integer { .. } => "a whole number",
            FieldKind::Number { .. } => "a number",
            FieldKind::Bool { .. } => "yes or no",
            FieldKind::Text { .. } => "text",
        }
    }
}

/// What a field says about the enterprise, which decides what advice may ask of it.
///
/// Only [`FieldClass::Input`] fields are ever proposed as something to change
/// (`next_unlock`): advice tells a business what to get, never what to be, to feel or to
/// have done already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldClass {
    /// What the business is: where, what it sells, its size, its goal, who owns it.
    Descriptor,
    /// How the owner feels about selling online.
    Attitude,
    /// What the business already does: its channels, its share of online sales.
    Use,
    /// What the business has or can get: the complementary inputs.
    Input,
}

/// One profile field: its dotted path, its kind, what it describes and the profile version
/// that added it.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub path: String,
    pub kind: FieldKind,
    pub class: FieldClass,
    /// The first profile version with this field (1 or 2).
    pub since: u8,
    /// Choice values that are never proposed as a change, by bit: an answer such as "I don't
    /// need permits" meets a requirement when it is true, but is not something to go and get.
    pub never_proposed: u64,
}

impl Field {
    /// A field a programme pack adds (`extra.<id>`): it describes the enterprise, except a
    /// `choices` set, which grows like every set and so can be an input.
    pub fn extra(path: String, kind: FieldKind) -> Field {
        let class = match kind {
            FieldKind::Set { .. } => FieldClass::Input,
            _ => FieldClass::Descriptor,
        };
        Field {
            path,
            kind,
            class,
            since: 1,
            never_proposed: 0,
        }
    }

    /// Whether a change of this field to choice value `index` may be proposed.
    pub fn proposable(&self, index: u8) -> bool {
        self.class == FieldClass::Input && self.never_proposed & (1 << index) == 0
    }
}

/// One answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Num(f64),
    /// Index into the field's `values`.
    Choice(u8),
    /// Bit `i` set when the field's item `i` is in the set.
    Set(u32),
    Text(String),
}

/// A decoded profile. Answers are indexed by [`FieldIx`] over [`core_fields`]; answers to a
/// programme's own questions stay as JSON in `extra` until a pack gives them a type.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub label: Option<String>,
    pub country: String,
    answers: Vec<Option<Value>>,
    pub extra: BTreeMap<String, Json>,
}

/// One problem found in a profile, at a JSON path such as `$.connectivity.internet`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileError {
    pub path: String,
    pub problem: Problem,
}

impl ProfileError {
    /// The problem in `locale`, without where it is.
    pub fn message(&self, locale: Locale) -> String {
        self.problem.message(locale)
    }

    /// The problem and where it is, in `locale`: "… en $.country".
    pub fn message_at(&self, locale: Locale) -> String {
        self.worded_at(problem_words(locale))
    }

    /// The problem and where it is, in the words of `w` (see `Problem::worded`).
    fn worded_at(&self, w: &ProblemWords) -> String {
        fill(
            w.at_path(),
            &[("problem", &self.problem.worded(w)), ("path", &self.path)],
        )
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.worded_at(&PROBLEM_EN))
    }
}

/// Every problem found in one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileErrors(pub Vec<ProfileError>);

impl fmt::Display for ProfileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl ProfileErrors {
    /// Every problem with where it is, in `locale` (`Display` is the English).
    pub fn message(&self, locale: Locale) -> String {
        let all: Vec<String> = self.0.iter().map(|e| e.message_at(locale)).collect();
        all.join("; ")
    }
}

impl std::error::Error for ProfileErrors {}

/// The top-level fields of a profile, in schema order, with the version that added each.
pub(crate) const TOP_LEVEL: &[(&str, u8)] = &[
    ("schema", 1),
    ("label", 1),
    ("country", 1),
    ("region", 1),
    ("locality", 1),
    ("sector", 1),
    ("size", 1),
    ("goal", 1),
    ("owner", 2),
    ("connectivity", 1),
    ("skills", 1),
    ("logistics", 1),
    ("payments", 1),
    ("formalisation", 1),
    ("presence", 1),
    ("motivation", 1),
    ("network", 1),
    ("export", 2),
    ("extra", 1),
];
/// The fields of the profile format, in schema order. Built once.
pub fn core_fields() -> &'static [Field] {
    static FIELDS: OnceLock<Vec<Field>> = OnceLock::new();
    FIELDS.get_or_init(build_core_fields)
}

fn field(path: &str, kind: FieldKind, class: FieldClass) -> Field {
    Field {
        path: path.to_string(),
        kind,
        class,
        since: 1,
        never_proposed: 0,
    }
}

fn choice(path: &str, values: &[&str], ranks: Option<&[u8]>, class: FieldClass) -> Field {
    let kind = FieldKind::Choice {
        values: values.iter().map(|v| v.to_string()).collect(),
        ranks: ranks.map(|r| r.to_vec()),
    };
    field(path, kind, class)
}

fn set(path: &str, items: &[&str], class: FieldClass) -> Field {
    let kind = FieldKind::Set {
        items: items.iter().map(|v| v.to_string()).collect(),
    };
    field(path, kind, class)
}

fn integer(path: &str, min: i64, max: i64, ordered: bool, class: FieldClass) -> Field {
    let kind = FieldKind::Integer { min, max, ordered };
    field(path, kind, class)
}

fn amount(path: &str) -> Field {
    let kind = FieldKind::Number {
        min: 0.0,
        ordered: true,
    };
    field(path, kind, FieldClass::Input)
}

fn boolean(path: &str, ordered: bool, class: FieldClass) -> Field {
    field(path, FieldKind::Bool { ordered }, class)
}

/// Marks a field as added by profile version 2.
fn v2(mut f: Field) -> Field {
    f.since = 2;
    f
}

fn build_core_fields() -> Vec<Field> {
    use FieldClass::{Attitude, Descriptor, Input, Use};
    vec![
        field("region", FieldKind::Text { max_len: 6 }, Descriptor),
        choice(
            "locality",
            &["urban", "suburban", "rural", "remote"],
            None,
            Descriptor,
        ),
        choice(
            "sector",
            &[
                "food",
                "beverages",
                "alcoholic_beverages",
                "crafts",
                "apparel_footwear",
                "beauty_personal_care",
                "fresh_produce",
                "furniture_home",
                "services",
                "other",
            ],
            None,
            Descriptor,
        ),
        choice(
            "size",
            &["solo", "micro", "small", "medium"],
            None,
            Descriptor,
        ),
        choice(
            "goal",
            &["get_found", "grow_local", "sell_nationally", "export"],
            None,
            Descriptor,
        ),
        // Who owns the business, for programmes that are for women or for an age group. Both
        // are optional ("Prefiero no decir" leaves them unanswered), never scored, and never
        // listed as unanswered.
        v2(choice(
            "owner.gender",
            &["woman", "man", "another"],
            None,
            Descriptor,
        )),
        v2(integer("owner.age", 15, 110, false, Descriptor)),
        choice(
            "connectivity.internet",
            &["none", "intermittent", "mobile_data", "broadband"],
            Some(&[0, 1, 2, 3]),
            Input,
        ),
        set(
            "connectivity.devices",
            &[
                "basic_phone",
                "smartphone",
                "computer",
                "tablet",
                "public_access",
            ],
            Input,
        ),
        integer("skills.digital_level", 0, 4, true, Input),
        choice(
            "skills.helper",
            &["none", "family_youth", "staff", "external"],
            Some(&[0, 1, 1, 1]),
            Input,
        ),
        // Whether the helper has agreed to take charge: only a committed helper counts for the
        // skills and the willingness a way of selling needs.
        v2(choice(
            "skills.helper_willing",
            &["no", "not_asked", "yes"],
            Some(&[0, 0, 1]),
            Input,
        )),
        integer("skills.hours_per_week", 0, 168, true, Input),
        // Version 1 had no order here; someone who handles the buyer's language can be found.
        boolean("skills.reads_english", true, Input),
        choice(
            "logistics.shipping_access",
            &["none", "post_office", "courier_dropoff", "courier_pickup"],
            Some(&[0, 1, 2, 3]),
            Input,
        ),
        boolean("logistics.delivers_locally", true, Input),
        boolean("logistics.packaging", true, Input),
        boolean("logistics.perishable", false, Descriptor),
        boolean("payments.bank_account", true, Input),
        set(
            "payments.accepts",
            &["cash", "transfer", "card", "wallet", "payment_link"],
            Input,
        ),
        amount("payments.monthly_budget"),
        v2(amount("payments.one_off_budget")),
        choice(
            "formalisation.tax_id",
            &["none", "registered", "can_invoice"],
            Some(&[0, 1, 2]),
            Input,
        ),
        // "not_needed" is not on the spec's order (pending < complete); it ranks with
        // "complete" because nothing is pending either way, and it is never proposed: it is
        // the owner's word about the trade, not something to get.
        Field {
            never_proposed: 1,
            ..choice(
                "formalisation.permits",
                &["not_needed", "pending", "complete"],
                Some(&[1, 0, 1]),
                Input,
            )
        },
        set(
            "presence.channels",
            &[
                "whatsapp",
                "whatsapp_business",
                "facebook",
                "instagram",
                "tiktok",
                "google_business",
                "marketplace",
                "own_store",
            ],
            Use,
        ),
        boolean("presence.product_photos", true, Input),
        integer("presence.online_sales_share", 0, 100, true, Use),
        choice(
            "presence.inventory",
            &["none", "paper", "spreadsheet", "app"],
            Some(&[0, 1, 2, 3]),
            Input,
        ),
        integer("motivation.level", 1, 5, true, Attitude),
        boolean("network.association", true, Input),
        boolean("network.intermediary", true, Input),
        boolean("network.programme", true, Input),
        v2(boolean("network.export_service", true, Input)),
        // Selling abroad: asked only of those who aim to export.
        v2(boolean("export.protected_origin", false, Descriptor)),
        v2(boolean("export.origin_certified", true, Input)),
        v2(boolean("export.exporter_registered", true, Input)),
        v2(boolean("export.labels_ready", true, Input)),
        v2(boolean("export.ships_abroad", true, Input)),
    ]
}

/// The index of a core field by path.
pub fn core_field(path: &str) -> Option<FieldIx> {
    core_fields().iter().position(|f| f.path == path)
}

/// Whether `s` is an ISO 3166-2 subdivision code such as `MX-GUA`.
pub fn is_region(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b.len() <= 6
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && b[2] == b'-'
        && b[3..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Decodes one JSON value of a field's kind. `Err` says what is wrong with it.
pub fn decode_value(kind: &FieldKind, v: &Json) -> Result<Value, Problem> {
    match kind {
        FieldKind::Choice { values, .. } => {
            let Json::String(s) = v else {
                return Err(Problem::ChoiceNotAString {
                    found: Found::of(v),
                    values: values.clone(),
                });
            };
            match values.iter().position(|x| x == s) {
                Some(i) => Ok(Value::Choice(i as u8)),
                None => Err(Problem::UnknownValue {
                    value: s.clone(),
                    values: values.clone(),
                }),
            }
        }
        FieldKind::Set { items } => {
            let Json::Array(list) = v else {
                return Err(Problem::NotAList {
                    found: Found::of(v),
                    items: items.clone(),
                });
            };
            let mut bits = 0u32;
            for item in list {
                let Json::String(s) = item else {
                    return Err(Problem::ItemNotAString {
                        found: Found::of(item),
                        items: items.clone(),
                    });
                };
                match items.iter().position(|x| x == s) {
                    Some(i) if bits & (1 << i) != 0 => {
                        return Err(Problem::Twice { item: s.clone() });
                    }
                    Some(i) => bits |= 1 << i,
                    None => {
                        return Err(Problem::UnknownItem {
                            item: s.clone(),
                            items: items.clone(),
                        })
                    }
                }
            }
            Ok(Value::Set(bits))
        }
        FieldKind::Integer { min, max, .. } => {
            let n = v.as_i64().filter(|_| v.is_i64() || v.is_u64());
            match n {
                Some(n) if n >= *min && n <= *max => Ok(Value::Int(n)),
                Some(n) => Err(Problem::IntOutOfRange {
                    n,
                    min: *min,
                    max: *max,
                }),
                None => Err(Problem::NotWhole {
                    found: Found::of(v),
                    min: *min,
                    max: *max,
                }),
            }
        }
        FieldKind::Number { min, .. } => match v.as_f64() {
            Some(n) if n.is_finite() && n >= *min => Ok(Value::Num(n)),
            Some(n) => Err(Problem::NumberTooSmall { n, min: *min }),
            None => Err(Problem::NotANumber {
                found: Found::of(v),
                min: *min,
            }),
        },
        FieldKind::Bool { .. } => match v {
            Json::Bool(b) => Ok(Value::Bool(*b)),
            _ => Err(Problem::NotABoolean {
                found: Found::of(v),
            }),
        },
        FieldKind::Text { max_len } => match v {
            Json::String(s) if s.chars().count() <= *max_len => Ok(Value::Text(s.clone())),
            Json::String(_) => Err(Problem::TooLong { max: *max_len }),
            _ => Err(Problem::NotAString {
                found: Found::of(v),
            }),
        },
    }
}

/// Encodes one answer as JSON.
pub fn encode_value(kind: &FieldKind, v: &Value) -> Json {
    match (kind, v) {
        (FieldKind::Choice { values, .. }, Value::Choice(i)) => {
            Json::String(values[*i as usize].clone())
        }
        (FieldKind::Set { items }, Value::Set(bits)) => Json::Array(
            items
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, s)| Json::String(s.clone()))
                .collect(),
        ),
        (_, Value::Bool(b)) => Json::Bool(*b),
        (_, Value::Int(n)) => Json::from(*n),
        (_, Value::Num(n)) => number_json(*n),
        (_, Value::Text(s)) => Json::String(s.clone()),
        // A value that does not fit its kind cannot be built by decoding; encode it plainly.
        (_, Value::Choice(i)) => Json::from(*i),
        (_, Value::Set(bits)) => Json::from(*bits),
    }
}

/// Whole numbers print without a fraction (`300`, not `300.0`), so reports stay tidy.
pub fn number_json(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Json::from(n as i64)
    } else {
        serde_json::Number::from_f64(n)
            .map(Json::Number)
            .unwrap_or(Json::Null)
    }
}

impl Profile {
    /// A profile with nothing answered but the country.
    pub fn new(country: &str) -> Profile {
        Profile {
            label: None,
            country: country.to_string(),
            answers: vec![None; core_fields().len()],
            extra: BTreeMap::new(),
        }
    }

    /// Decodes a profile from JSON text, reporting every problem found.
    pub fn from_json(text: &str) -> Result<Profile, ProfileErrors> {
        match serde_json::from_str::<Json>(text) {
            Ok(json) => Profile::from_value(&json),
            Err(e) => Err(ProfileErrors(vec![ProfileError {
                path: "$".into(),
                problem: Problem::NotJson {
                    detail: e.to_string(),
                },
            }])),
        }
    }

    /// Decodes a profile from a parsed JSON value, reporting every problem found.
    pub fn from_value(json: &Json) -> Result<Profile, ProfileErrors> {
        let mut errors = Vec::new();
        let mut profile = Profile::new("");
        let Json::Object(root) = json else {
            return Err(ProfileErrors(vec![ProfileError {
                path: "$".into(),
                problem: Problem::NotAnObject {
                    found: Found::of(json),
                },
            }]));
        };
        let mut error =
            |path: String, problem: Problem| errors.push(ProfileError { path, problem });
        let version = match root.get("schema") {
            Some(Json::String(s)) if s == PROFILE_SCHEMA => 2,
            Some(Json::String(s)) if s == PROFILE_SCHEMA_V1 => 1,
            Some(other) => {
                error(
                    "$.schema".into(),
                    Problem::BadSchema {
                        found: Found::of(other),
                    },
                );
                2
            }
            None => {
                error("$".into(), Problem::MissingSchema);
                2
            }
        };
        match root.get("country") {
            Some(Json::String(s)) if COUNTRIES.contains(&s.as_str()) => {
                profile.country = s.clone();
            }
            Some(other) => error(
                "$.country".into(),
                Problem::UnknownCountry {
                    found: Found::of(other),
                    countries: COUNTRIES,
                },
            ),
            None => error(
                "$".into(),
                Problem::MissingCountry {
                    countries: COUNTRIES,
                },
            ),
        }
        match root.get("label") {
            None => {}
            Some(Json::String(s)) if s.chars().count() <= 200 => profile.label = Some(s.clone()),
            Some(Json::String(_)) => error("$.label".into(), Problem::TooLong { max: 200 }),
            Some(other) => error(
                "$.label".into(),
                Problem::NotAString {
                    found: Found::of(other),
                },
            ),
        }
        // Each known top-level value by its place in TOP_LEVEL, so that problems are reported
        // in schema order; anything else is reported here.
        let mut top: [Option<&Json>; TOP_LEVEL.len()] = [None; TOP_LEVEL.len()];
        for (key, value) in root {
            match TOP_LEVEL.iter().position(|(k, _)| k == key) {
                Some(i) if TOP_LEVEL[i].1 <= version => top[i] = Some(value),
                Some(_) => error(format!("$.{key}"), newer_field(key)),
                None => {
                    let allowed = TOP_LEVEL
                        .iter()
                        .filter(|(_, since)| *since <= version)
                        .map(|(k, _)| k.to_string())
                        .collect();
                    error(
                        "$".into(),
                        Problem::UnknownField {
                            name: key.clone(),
                            allowed,
                        },
                    );
                }
            }
        }
        let known = TOP_LEVEL
            .iter()
            .zip(top)
            .filter_map(|((k, _), v)| Some((*k, v?)));
        for (key, value) in known {
            match key {
                "schema" | "country" | "label" => {}
                "extra" => match value {
                    Json::Object(map) => {
                        for (k, v) in map {
                            if matches!(v, Json::Null | Json::Object(_)) {
                                error(
                                    format!("$.extra.{k}"),
                                    Problem::NotAnAnswer {
                                        found: Found::of(v),
                                    },
                                );
                            } else if nests_deeper(v, MAX_EXTRA_DEPTH) {
                                error(format!("$.extra.{k}"), Problem::TooDeep);
                            } else {
                                profile.extra.insert(k.clone(), v.clone());
                            }
                        }
                    }
                    other => error(
                        "$.extra".into(),
                        Problem::NotAnObject {
                            found: Found::of(other),
                        },
                    ),
                },
                "region" | "locality" | "sector" | "size" | "goal" => {
                    let ix = core_field(key).expect("top-level fields are in the table");
                    let field = &core_fields()[ix];
                    if key == "region" {
                        match value {
                            Json::String(s) if is_region(s) => {
                                profile.answers[ix] = Some(Value::Text(s.clone()))
                            }
                            other => error(
                                "$.region".into(),
                                Problem::NotARegion {
                                    found: Found::of(other),
                                },
                            ),
                        }
                        continue;
                    }
                    match decode_value(&field.kind, value) {
                        Ok(v) => profile.answers[ix] = Some(v),
                        Err(message) => error(format!("$.{key}"), message),
                    }
                }
                group => {
                    let Json::Object(members) = value else {
                        error(
                            format!("$.{group}"),
                            Problem::NotAnObject {
                                found: Found::of(value),
                            },
                        );
                        continue;
                    };
                    decode_group(group, members, version, &mut profile, &mut error);
                }
            }
        }
        if errors.is_empty() {
            Ok(profile)
        } else {
            Err(ProfileErrors(errors))
        }
    }

    /// The answer to a core field, if given.
    pub fn get(&self, field: FieldIx) -> Option<&Value> {
        self.answers.get(field).and_then(|v| v.as_ref())
    }

    /// Sets or clears the answer to a core field. The value must fit the field's kind.
    pub fn set(&mut self, field: FieldIx, value: Option<Value>) {
        self.answers[field] = value;
    }

    /// The answers, indexed like [`core_fields`].
    pub fn answers(&self) -> &[Option<Value>] {
        &self.answers
    }

    /// Encodes the profile as a JSON value (keys sorted; use [`Profile::to_json`] for text in
    /// schema order).
    pub fn to_value(&self) -> Json {
        // Built directly rather than through `Serialize`, which keeps serde_json's value
        // serializer out of the browser app; `tests/json.rs` holds the two equal.
        let mut root = Map::new();
        root.insert("schema".into(), PROFILE_SCHEMA.into());
        if let Some(label) = &self.label {
            root.insert("label".into(), label.as_str().into());
        }
        root.insert("country".into(), self.country.as_str().into());
        for (field, answer) in core_fields().iter().zip(&self.answers) {
            let Some(answer) = answer else { continue };
            let value = encode_value(&field.kind, answer);
            match field.path.split_once('.') {
                None => {
                    root.insert(field.path.clone(), value);
                }
                Some((group, member)) => {
                    if let Json::Object(members) = root
                        .entry(group)
                        .or_insert_with(|| Json::Object(Map::new()))
                    {
                        members.insert(member.into(), value);
                    }
                }
            }
        }
        if !self.extra.is_empty() {
            // Inserted one by one: collecting would sort, pulling a sort routine into the app.
            let mut extra = Map::new();
            for (k, v) in &self.extra {
                extra.insert(k.clone(), v.clone());
            }
            root.insert("extra".into(), Json::Object(extra));
        }
        Json::Object(root)
    }

    /// The profile as compact JSON text, fields in schema order, unanswered fields left out.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("profiles always serialize")
    }
}

impl Serialize for Profile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = core_fields();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("schema", PROFILE_SCHEMA)?;
        if let Some(label) = &self.label {
            map.serialize_entry("label", label)?;
        }
        map.serialize_entry("country", &self.country)?;
        let mut i = 0;
        while i < fields.len() {
            let group = fields[i].path.split_once('.').map(|(g, _)| g);
            let mut end = i + 1;
            while group.is_some()
                && end < fields.len()
                && fields[end].path.split_once('.').map(|(g, _)| g) == group
            {
                end += 1;
            }
            match group {
                None => {
                    if let Some(v) = &self.answers[i] {
                        map.serialize_entry(&fields[i].path, &encode_value(&fields[i].kind, v))?;
                    }
                }
                Some(group) => {
                    let members: Vec<(&str, Json)> = (i..end)
                        .filter_map(|j| {
                            let v = self.answers[j].as_ref()?;
                            let member = &fields[j].path[group.len() + 1..];
                            Some((member, encode_value(&fields[j].kind, v)))
                        })
                        .collect();
                    if !members.is_empty() {
                        map.serialize_entry(group, &Ordered(&members))?;
                    }
                }
            }
            i = end;
        }
        if !self.extra.is_empty() {
            map.serialize_entry("extra", &self.extra)?;
        }
        map.end()
    }
}

/// Key-value pairs serialized as a JSON object in the given order.
struct Ordered<'a>(&'a [(&'a str, Json)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

fn decode_group(
    group: &str,
    members: &Map<String, Json>,
    version: u8,
    profile: &mut Profile,
    error: &mut impl FnMut(String, Problem),
) {
    let fields = group_fields(group);
    // Each member's value by its field's place in the group, so that problems are reported
    // in schema order. (Every profile `umbral batch` reads comes through here: no strings
    // are built and each member is compared only with its own group's fields.)
    let mut found: Vec<Option<&Json>> = vec![None; fields.len()];
    let mut unknown: Vec<&str> = Vec::new();
    for (member, value) in members {
        match fields.iter().position(|(m, _)| m == member) {
            Some(i) => found[i] = Some(value),
            None => unknown.push(member),
        }
    }
    for (&(member, ix), value) in fields.iter().zip(found) {
        let Some(value) = value else {
            continue;
        };
        let field = &core_fields()[ix];
        if field.since > version {
            error(format!("$.{}", field.path), newer_field(member));
            continue;
        }
        match decode_value(&field.kind, value) {
            Ok(v) => profile.answers[ix] = Some(v),
            Err(message) => error(format!("$.{}", field.path), message),
        }
    }
    for member in unknown {
        let allowed = fields
            .iter()
            .filter(|(_, ix)| core_fields()[*ix].since <= version)
            .map(|(m, _)| m.to_string())
            .collect();
        error(
            format!("$.{group}"),
            Problem::UnknownField {
                name: member.to_string(),
                allowed,
            },
        );
    }
}

/// The fields of one group of the profile (`connectivity`, `skills`, …): each one's name
/// inside the group and its index, in schema order. Built once.
pub(crate) fn group_fields(group: &str) -> &'static [(&'static str, FieldIx)] {
    type Groups = Vec<(&'static str, Vec<(&'static str, FieldIx)>)>;
    static GROUPS: OnceLock<Groups> = OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        let mut groups: Groups = Vec::new();
        for (ix, field) in core_fields().iter().enumerate() {
            let Some((name, member)) = field.path.split_once('.') else {
                continue;
            };
            match groups.iter_mut().find(|(g, _)| *g == name) {
                Some((_, list)) => list.push((member, ix)),
                None => groups.push((name, vec![(member, ix)])),
            }
        }
        groups
    });
    groups
        .iter()
        .find(|(g, _)| *g == group)
        .map_or(&[], |(_, list)| list.as_slice())
}

/// How deep an answer under `extra` may nest lists (and objects in them): a value is 0 deep,
/// a list of values 1. The one limit for every reader of a profile (JSON, share link, draft,
/// stored visit, hand-off file), each far below what its container allows, so whatever one
/// reader accepts every other reads back.
pub const MAX_EXTRA_DEPTH: usize = 16;
// The profile reader's message says "16" as a literal (no formatting code in the app).
const _: () = assert!(MAX_EXTRA_DEPTH == 16);

/// Whether `value` nests lists or objects more than `limit` deep.
pub(crate) fn nests_deeper(value: &Json, limit: usize) -> bool {
    match value {
        Json::Array(items) => limit == 0 || items.iter().any(|v| nests_deeper(v, limit - 1)),
        Json::Object(map) => limit == 0 || map.values().any(|v| nests_deeper(v, limit - 1)),
        _ => false,
    }
}

/// The problem of a field that a version-1 profile may not carry.
fn newer_field(name: &str) -> Problem {
    Problem::NewerField {
        name: name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match Profile::from_json(text) {
            Ok(_) => vec![],
            Err(e) => e.0.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn bare_profile_decodes() {
        let p = Profile::from_json(r#"{"schema":"umbral.profile/1","country":"MX"}"#).unwrap();
        assert_eq!(p.country, "MX");
        assert!(p.answers().iter().all(Option::is_none));
    }

    #[test]
    fn every_problem_is_named_with_its_path() {
        let e = errors(
            r#"{"schema":"umbral.profile/3","country":"AR","conectividad":{},
                "connectivity":{"internet":"fiber","devices":["smartphone","smartphone"]},
                "skills":{"digital_level":7,"speed":1}}"#,
        );
        assert_eq!(
            e,
            vec![
                "expected \"umbral.profile/2\" or \"umbral.profile/1\", found the string 'umbral.profile/3' at $.schema",
                "unknown country the string 'AR'; expected one of: MX, CL, BO at $.country",
                "unknown field 'conectividad'; expected one of: schema, label, country, region, locality, sector, size, goal, owner, connectivity, skills, logistics, payments, formalisation, presence, motivation, network, export, extra at $",
                "unknown value 'fiber'; expected one of: none, intermittent, mobile_data, broadband at $.connectivity.internet",
                "'smartphone' appears twice at $.connectivity.devices",
                "7 is out of range; expected 0 to 4 at $.skills.digital_level",
                "unknown field 'speed'; expected one of: digital_level, helper, helper_willing, hours_per_week, reads_english at $.skills",
            ]
        );
    }

    /// A version-1 profile is read as it always was: it may not carry what version 2 added,
    /// and the messages name the version-1 fields.
    #[test]
    fn version_1_profiles_keep_their_fields() {
        let e = errors(
            r#"{"schema":"umbral.profile/1","country":"MX","owner":{"age":40},
                "skills":{"helper":"staff","helper_willing":"yes","speed":1},
                "payments":{"one_off_budget":100}}"#,
        );
        assert_eq!(
            e,
            vec![
                "'owner' is not part of umbral.profile/1; a profile with it says \"schema\": \"umbral.profile/2\" at $.owner",
                "'helper_willing' is not part of umbral.profile/1; a profile with it says \"schema\": \"umbral.profile/2\" at $.skills.helper_willing",
                "unknown field 'speed'; expected one of: digital_level, helper, hours_per_week, reads_english at $.skills",
                "'one_off_budget' is not part of umbral.profile/1; a profile with it says \"schema\": \"umbral.profile/2\" at $.payments.one_off_budget",
            ]
        );
    }

    #[test]
    fn round_trips_in_schema_order() {
        let text = r#"{"schema":"umbral.profile/2","label":"Tejidos Ana","country":"MX","region":"MX-PUE","locality":"rural","owner":{"gender":"woman","age":41},"connectivity":{"internet":"mobile_data","devices":["smartphone","public_access"]},"skills":{"helper":"family_youth","helper_willing":"not_asked"},"payments":{"monthly_budget":250.5,"one_off_budget":0},"network":{"export_service":false},"export":{"protected_origin":true},"extra":{"wants_training":true}}"#;
        let p = Profile::from_json(text).unwrap();
        assert_eq!(p.to_json(), text);
        let value = serde_json::from_str::<Json>(text).unwrap();
        assert_eq!(p.to_value(), value);
    }

    /// A version-1 profile migrates forward: the same answers, written as version 2.
    #[test]
    fn version_1_is_written_as_version_2() {
        let v1 = r#"{"schema":"umbral.profile/1","label":"Tejidos Ana","country":"MX","region":"MX-PUE","locality":"rural","connectivity":{"internet":"mobile_data","devices":["smartphone","public_access"]},"payments":{"monthly_budget":250.5},"extra":{"wants_training":true}}"#;
        let p = Profile::from_json(v1).unwrap();
        assert_eq!(
            p.to_json(),
            v1.replace("umbral.profile/1", "umbral.profile/2")
        );
    }

    /// Found by the `profile_json` fuzz target: without serde_json's `float_roundtrip`, a
    /// budget with 17 significant digits read back one unit in the last place off.
    #[test]
    fn amounts_round_trip_exactly() {
        let budget = core_field("payments.monthly_budget").unwrap();
        for amount in [
            "2222222000212584098",
            "104219695.85714285",
            "0.30000000000000004",
        ] {
            let text = format!(
                r#"{{"schema":"umbral.profile/1","country":"CL","payments":{{"monthly_budget":{amount}}}}}"#
            );
            let p = Profile::from_json(&text).unwrap();
            let again = Profile::from_json(&p.to_json()).unwrap();
            assert_eq!(again.get(budget), p.get(budget), "{amount}");
            assert_eq!(again, p, "{amount}");
        }
    }

    #[test]
    fn wrong_types_and_non_objects() {
        assert_eq!(
            errors("[]"),
            vec!["expected an object, found an array at $"]
        );
        assert_eq!(
            errors(
                r#"{"schema":"umbral.profile/1","country":"MX","region":"Puebla","payments":{"monthly_budget":-1,"bank_account":"yes"}}"#
            ),
            vec![
                "expected an ISO 3166-2 code such as MX-GUA, found the string 'Puebla' at $.region",
                "expected true or false, found the string 'yes' at $.payments.bank_account",
                "-1 is out of range; expected at least 0 at $.payments.monthly_budget",
            ]
        );
    }
}
