//! A pack's questionnaire as an XLSForm, the spreadsheet form format ODK Collect, ODK Central
//! and KoboToolbox read, and back: [`build`] turns a linked pack into the rows of the form's
//! `survey`, `choices` and `settings` sheets, and [`export`] reads what those tools export
//! from it (CSV and JSON) back into profiles.
//!
//! The form is the profile, field by field, so that an export maps back without guessing:
//!
//! - each question's `name` is the last part of its profile path, inside a group named by the
//!   first part (`connectivity.internet` is `internet` in group `connectivity`; `sector`, a
//!   top-level field, is in no group; a programme's `extra.<id>` is in group `extra`); a
//!   calculated `country` carries the pack's country;
//! - choice names are the profile's values (`mobile_data`, `3`, `true`), plus the reserved
//!   [`DONT_KNOW`] ("No sé") and [`PREFER_NOT`] ("Prefiero no decir") where the app offers
//!   them: either leaves the field unanswered;
//! - `relevant` is the question's `show_when`, translated over the parsed condition (see
//!   `xpath.rs`), so a question is asked exactly when the app would ask it.
//!
//! Everything here is pure: the command line writes the rows into a workbook
//! (`umbral xlsform`), the tests read them directly.

pub mod export;
pub mod problem;
mod xpath;

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::engine::pack::{OptionValue, QuestionData};
use crate::engine::profile::{number_json, FieldIx, FieldKind};
use crate::engine::words::{decimal, texts_static, texts_table};
use crate::engine::{fill, Locale, Pack};

/// The choice that stands for "No sé": the field stays unanswered.
pub const DONT_KNOW: &str = "dont_know";
/// The choice that stands for "Prefiero no decir" (questions about the owner): the field stays
/// unanswered.
pub const PREFER_NOT: &str = "prefer_not";
/// The name of the calculated field that carries the profile's country.
pub const COUNTRY: &str = "country";

/// Lists longer than this are a drop-down (`appearance` `minimal`), as the app shows a list box.
const MAX_RADIOS: usize = 12;

/// How a question is asked: its XLSForm type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    SelectOne,
    SelectMultiple,
    Integer,
    Decimal,
    Text,
}

/// One choice of a select question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The choice's name in the form and in exports.
    pub name: String,
    /// The profile value it stands for.
    pub value: Json,
    /// Its label in each of the form's languages.
    pub labels: Vec<String>,
}

/// One question of the form, in the order the survey sheet lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Index into the pack's questions.
    pub index: usize,
    /// The profile field it fills.
    pub field: FieldIx,
    /// The field's dotted profile path (`connectivity.internet`).
    pub path: String,
    /// The group it sits in (`connectivity`), or `None` at the top level.
    pub group: Option<String>,
    /// Its name in the form (`internet`).
    pub name: String,
    pub control: Control,
    /// The options, in the pack's order (without the reserved choice).
    pub choices: Vec<Choice>,
    /// [`DONT_KNOW`] or [`PREFER_NOT`] when the question offers it (select questions add it as
    /// a choice; number and text questions leave the answer blank instead).
    pub skip: Option<&'static str>,
    pub labels: Vec<String>,
    /// The hint in each language; empty when the question has none.
    pub hints: Vec<String>,
    /// The `relevant` expression, when the question has a `show_when`.
    pub relevant: Option<String>,
    pub required: bool,
    /// The `constraint` expression and its message in each language.
    pub constraint: Option<(String, Vec<String>)>,
    pub appearance: Option<&'static str>,
}

impl Question {
    /// The name of its choice list on the choices sheet: the question's id.
    pub fn list_name(&self, pack: &Pack) -> String {
        pack.data.questions[self.index].id.clone()
    }

    /// Its place in the form's instance and in exports: `group/name`, or `name`.
    pub fn xml_path(&self) -> String {
        match &self.group {
            Some(group) => format!("{group}/{}", self.name),
            None => self.name.clone(),
        }
    }

    /// The skip choice's label in each of the languages.
    fn skip_labels(&self, languages: &[Locale]) -> Vec<String> {
        languages
            .iter()
            .map(|&l| skip_label(self.skip.unwrap_or(DONT_KNOW), l).to_string())
            .collect()
    }
}

/// A pack's questionnaire as an XLSForm.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// `umbral_<pack id>`, with `-` written `_` (pack ids have no `_`, so it reads back).
    pub id: String,
    /// The pack's version.
    pub version: String,
    /// The pack's country, which the calculated `country` field carries.
    pub country: String,
    /// The languages of every label, the default first.
    pub languages: Vec<Locale>,
    /// The title in each language.
    pub titles: Vec<String>,
    pub questions: Vec<Question>,
    /// Each group's label in each language, by group name.
    pub group_labels: BTreeMap<String, Vec<String>>,
    /// The choice list names, by question position in `questions`.
    list_names: Vec<String>,
}

/// Every reason a pack cannot be written as an XLSForm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormErrors(pub Vec<String>);

impl std::fmt::Display for FormErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

/// The form id of a pack: `umbral_` and the id, `-` written `_`.
pub fn form_id(pack_id: &str) -> String {
    format!("umbral_{}", pack_id.replace('-', "_"))
}

/// The pack id a form id names, if it is one of Umbral's.
pub fn pack_of_form_id(form_id: &str) -> Option<String> {
    form_id
        .strip_prefix("umbral_")
        .filter(|id| !id.is_empty())
        .map(|id| id.replace('_', "-"))
}

/// The column header XLSForm gives a language: `label::Español (es)`.
pub fn language_column(column: &str, locale: Locale) -> String {
    format!("{column}::{} ({})", locale.name(), locale.code())
}

texts_table! {
    /// The texts a form adds to a pack's own (the choices for not knowing, the messages of its
    /// checks, two groups' headings), in one locale.
    pub struct XlsformWords from XlsformSource as "xlsform" {
        pub locale: Locale,
        ;
        /// The choice a form adds to a question for not knowing.
        dont_know,
        /// The choice a form adds to a question one may prefer not to answer.
        prefer_not,
        /// The hint of a question where not knowing is left blank.
        blank_dont_know,
        /// The hint of a question where preferring not to say is left blank.
        blank_prefer_not,
        /// When "No sé" is chosen with other answers: `{label}` is that choice (`dont_know`,
        /// `prefer_not`).
        alone,
        /// A text answer too long: `{max}` is the most characters.
        max_chars,
        /// A number out of range: `{min}` and `{max}` are the range.
        range_between,
        /// A number below `{min}`.
        range_at_least,
        /// A number above `{max}`.
        range_at_most,
        /// The heading of the form's questions about the owner.
        group_owner,
        /// The heading of the form's questions about selling abroad.
        group_export,
    }
}

texts_static! {
    pub static XLSFORM_ES: XlsformWords from XlsformSource {
        locale: Locale::Es,
        ;
        dont_know: "No sé",
        prefer_not: "Prefiero no decir",
        blank_dont_know: "Si no sabe, deje la respuesta en blanco.",
        blank_prefer_not: "Si prefiere no decir, deje la respuesta en blanco.",
        alone: "Elija «{label}» sin otras respuestas.",
        max_chars: "Escriba {max} caracteres como máximo.",
        range_between: "Escriba un número de {min} a {max}.",
        range_at_least: "Escriba un número de {min} o más.",
        range_at_most: "Escriba un número de {max} o menos.",
        group_owner: "Persona dueña del negocio",
        group_export: "Vender a otros países",
    }
}

texts_static! {
    pub static XLSFORM_EN: XlsformWords from XlsformSource {
        locale: Locale::En,
        ;
        dont_know: "I don't know",
        prefer_not: "I'd rather not say",
        blank_dont_know: "If you don't know, leave it blank.",
        blank_prefer_not: "If you'd rather not say, leave it blank.",
        alone: "Choose “{label}” on its own.",
        max_chars: "Write at most {max} characters.",
        range_between: "Enter a number from {min} to {max}.",
        range_at_least: "Enter a number of {min} or more.",
        range_at_most: "Enter a number of {max} or less.",
        group_owner: "Business owner",
        group_export: "Selling abroad",
    }
}

/// The texts a form adds to a pack's own, in `locale`.
pub fn xlsform_words(locale: Locale) -> &'static XlsformWords {
    locale.pick(&XLSFORM_ES, &XLSFORM_EN)
}

/// The label of a reserved choice.
pub fn skip_label(skip: &str, locale: Locale) -> &'static str {
    let w = xlsform_words(locale);
    if skip == PREFER_NOT {
        w.prefer_not()
    } else {
        w.dont_know()
    }
}

/// Whether `name` is an XML name as XLSForm wants for question, group and list names: a
/// letter or `_`, then letters, digits, `_`, `-` and `.` (ASCII only, to be safe everywhere).
pub fn is_xml_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The pack's questionnaire as an XLSForm in `languages` (the first is the default). Refuses,
/// naming every problem, a pack without a country (its profiles could not be scored), and
/// anything the form could not carry faithfully: a name that is not an XML name, a choice
/// name with a space or one of the reserved names, a condition that cannot be translated.
pub fn build(pack: &Pack, languages: &[Locale]) -> Result<Form, FormErrors> {
    let mut errors = Vec::new();
    let languages: Vec<Locale> = if languages.is_empty() {
        Locale::ALL.to_vec()
    } else {
        let mut unique = Vec::new();
        for &l in languages {
            if !unique.contains(&l) {
                unique.push(l);
            }
        }
        unique
    };
    let country = match &pack.data.country {
        Some(c) => c.clone(),
        None => {
            errors.push(format!(
                "pack '{}' has no country, so no profile it collects could be scored; write the form of a country or programme pack (mx, cl, bo, …)",
                pack.data.id
            ));
            String::new()
        }
    };

    // The questions, grouped by the first part of their path: each group once, where its
    // first question comes, holding all its questions in pack order.
    let mut order: Vec<usize> = Vec::new();
    let mut placed = vec![false; pack.data.questions.len()];
    for (q, question) in pack.data.questions.iter().enumerate() {
        if placed[q] {
            continue;
        }
        match question.field.split_once('.') {
            None => {
                placed[q] = true;
                order.push(q);
            }
            Some((group, _)) => {
                for (r, other) in pack.data.questions.iter().enumerate().skip(q) {
                    if other.field.split_once('.').map(|(g, _)| g) == Some(group) {
                        placed[r] = true;
                        order.push(r);
                    }
                }
            }
        }
    }

    let mut questions = Vec::new();
    for q in order {
        match question(pack, q, &languages) {
            Ok(question) => questions.push(question),
            Err(mut problems) => errors.append(&mut problems),
        }
    }

    // A `${name}` reference must name one field only: XLSForm resolves it across groups.
    let mut names: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for q in &questions {
        names.entry(&q.name).or_default().push(&q.path);
    }
    if let Some(paths) = names.get(COUNTRY) {
        errors.push(format!(
            "'{}' cannot be a question's name: the form's calculated '{COUNTRY}' carries the country",
            paths.join("', '")
        ));
    }

    // Conditions, now that every question's name and choices are known.
    let relevants: Vec<Result<Option<String>, String>> = {
        let translator = xpath::Translator::new(pack, &questions);
        questions
            .iter()
            .map(|q| match pack.question_condition(q.index) {
                None => Ok(None),
                Some(expr) => translator.relevant(expr).map(Some),
            })
            .collect()
    };
    for (q, relevant) in questions.iter_mut().zip(relevants) {
        match relevant {
            Ok(relevant) => q.relevant = relevant,
            Err(message) => errors.push(format!(
                "question '{}': its show_when '{}' cannot be an XLSForm relevant: {message}",
                pack.data.questions[q.index].id,
                pack.data.questions[q.index]
                    .show_when
                    .as_deref()
                    .unwrap_or_default()
            )),
        }
    }

    let mut group_labels = BTreeMap::new();
    for q in &questions {
        if let Some(group) = &q.group {
            group_labels.entry(group.clone()).or_insert_with(|| {
                languages
                    .iter()
                    .map(|&l| group_label(pack, group, l))
                    .collect()
            });
        }
    }
    let list_names: Vec<String> = questions.iter().map(|q| q.list_name(pack)).collect();
    for (i, list) in list_names.iter().enumerate() {
        if questions[i].choices.is_empty() {
            continue;
        }
        if !is_xml_name(list) {
            errors.push(format!(
                "question id '{list}' cannot name its choice list: an XLSForm list name starts with a letter or '_' and holds only letters, digits, '_', '-' and '.'"
            ));
        }
    }
    if !errors.is_empty() {
        return Err(FormErrors(errors));
    }
    Ok(Form {
        id: form_id(&pack.data.id),
        version: pack.data.version.clone(),
        country,
        titles: languages
            .iter()
            .map(|&l| format!("Umbral — {}", pack.data.name.get(l)))
            .collect(),
        languages,
        questions,
        group_labels,
        list_names,
    })
}

/// One question's row data (without its `relevant`, translated once every name is known).
fn question(pack: &Pack, q: usize, languages: &[Locale]) -> Result<Question, Vec<String>> {
    let data: &QuestionData = &pack.data.questions[q];
    let field_ix = pack.question_field(q);
    let field = &pack.fields()[field_ix];
    let mut errors = Vec::new();
    let (group, name) = match field.path.split_once('.') {
        Some((group, name)) => (Some(group.to_string()), name.to_string()),
        None => (None, field.path.clone()),
    };
    for part in group.iter().chain([&name]) {
        if !is_xml_name(part) {
            errors.push(format!(
                "question '{}': '{part}' (of {}) cannot be an XLSForm name: it starts with a letter or '_' and holds only letters, digits, '_', '-' and '.'",
                data.id, field.path
            ));
        }
    }
    let skip = if data.prefer_not {
        Some(PREFER_NOT)
    } else if data.dont_know {
        Some(DONT_KNOW)
    } else {
        None
    };
    let control = match (&field.kind, data.options.is_empty()) {
        (FieldKind::Set { .. }, _) => Control::SelectMultiple,
        (_, false) => Control::SelectOne,
        (FieldKind::Integer { .. }, true) => Control::Integer,
        (FieldKind::Number { .. }, true) => Control::Decimal,
        (_, true) => Control::Text,
    };
    let mut choices = Vec::new();
    for option in &data.options {
        let (name, value) = match &option.value {
            OptionValue::Bool(b) => (b.to_string(), Json::Bool(*b)),
            OptionValue::Int(n) => (n.to_string(), Json::from(*n)),
            OptionValue::Num(n) => (decimal(*n), number_json(*n)),
            OptionValue::Text(s) => (s.clone(), Json::String(s.clone())),
        };
        if name.is_empty() || name.chars().any(char::is_whitespace) {
            errors.push(format!(
                "question '{}': option '{name}' cannot be an XLSForm choice name: choice names hold no spaces",
                data.id
            ));
        } else if name == DONT_KNOW || name == PREFER_NOT {
            errors.push(format!(
                "question '{}': option '{name}' takes a name the form keeps for \"No sé\" and \"Prefiero no decir\"",
                data.id
            ));
        } else if name.contains('\'') && name.contains('"') {
            errors.push(format!(
                "question '{}': option '{name}' holds both quote marks, which an XLSForm expression cannot quote",
                data.id
            ));
        }
        choices.push(Choice {
            name,
            value,
            labels: languages
                .iter()
                .map(|&l| option.label.get(l).to_string())
                .collect(),
        });
    }
    let unit = match data.unit.as_deref() {
        Some("currency") => pack.data.currency.as_deref(),
        other => other,
    };
    let labels = languages
        .iter()
        .map(|&l| match unit {
            Some(unit) => format!("{} ({unit})", data.text.get(l)),
            None => data.text.get(l).to_string(),
        })
        .collect();
    // A number or a text cannot offer "No sé" as a choice: leaving it blank says it.
    let blank_skips = skip.is_some() && choices.is_empty();
    let hints = languages
        .iter()
        .map(|&l| {
            let help = data.help.as_ref().map(|h| h.get(l)).unwrap_or_default();
            let blank = if blank_skips {
                blank_hint(skip.unwrap_or(DONT_KNOW), l)
            } else {
                ""
            };
            match (help.is_empty(), blank.is_empty()) {
                (_, true) => help.to_string(),
                (true, false) => blank.to_string(),
                (false, false) => format!("{help} {blank}"),
            }
        })
        .collect();
    let constraint = match control {
        Control::SelectMultiple => skip.map(|skip| {
            (
                format!("not(selected(., '{skip}')) or count-selected(.) = 1"),
                languages.iter().map(|&l| alone_message(skip, l)).collect(),
            )
        }),
        Control::Integer | Control::Decimal => range(data, &field.kind).map(|(min, max)| {
            let mut parts = Vec::new();
            if let Some(min) = min {
                parts.push(format!(". >= {}", decimal(min)));
            }
            if let Some(max) = max {
                parts.push(format!(". <= {}", decimal(max)));
            }
            (
                parts.join(" and "),
                languages
                    .iter()
                    .map(|&l| range_message(min, max, l))
                    .collect(),
            )
        }),
        Control::Text => match field.kind {
            FieldKind::Text { max_len } => Some((
                format!("string-length(.) <= {max_len}"),
                languages
                    .iter()
                    .map(|&l| {
                        let max = max_len.to_string();
                        fill(xlsform_words(l).max_chars(), &[("max", &max)])
                    })
                    .collect(),
            )),
            _ => None,
        },
        Control::SelectOne => None,
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Question {
        index: q,
        field: field_ix,
        path: field.path.clone(),
        group,
        name,
        control,
        choices,
        skip,
        labels,
        hints,
        relevant: None,
        // The app offers a way not to answer ("No sé", "Prefiero no decir") where it does not
        // need the answer; elsewhere the form asks for one. A set stays optional: ticking
        // nothing is the answer "none of these", as in the app.
        required: skip.is_none() && control != Control::SelectMultiple,
        constraint,
        appearance: (choices_len_over(data) && control == Control::SelectOne).then_some("minimal"),
    })
}

fn choices_len_over(data: &QuestionData) -> bool {
    data.options.len() + usize::from(data.dont_know || data.prefer_not) > MAX_RADIOS
}

/// The range a number question accepts: the question's `min` and `max`, within the field's.
fn range(data: &QuestionData, kind: &FieldKind) -> Option<(Option<f64>, Option<f64>)> {
    let (kind_min, kind_max) = match kind {
        FieldKind::Integer { min, max, .. } => (
            (*min > i64::MIN).then_some(*min as f64),
            (*max < i64::MAX).then_some(*max as f64),
        ),
        FieldKind::Number { min, .. } => (
            min.is_finite().then_some(*min).filter(|m| *m > f64::MIN),
            None,
        ),
        _ => (None, None),
    };
    let tighter = |a: Option<f64>, b: Option<f64>, pick: fn(f64, f64) -> f64| match (a, b) {
        (Some(a), Some(b)) => Some(pick(a, b)),
        (a, b) => a.or(b),
    };
    let min = tighter(data.min, kind_min, f64::max);
    let max = tighter(data.max, kind_max, f64::min);
    (min.is_some() || max.is_some()).then_some((min, max))
}

fn range_message(min: Option<f64>, max: Option<f64>, locale: Locale) -> String {
    let w = xlsform_words(locale);
    let template = match (min, max) {
        (Some(_), Some(_)) => w.range_between(),
        (Some(_), None) => w.range_at_least(),
        (None, Some(_)) => w.range_at_most(),
        (None, None) => return String::new(),
    };
    let (min, max) = (min.map(decimal), max.map(decimal));
    fill(
        template,
        &[
            ("min", min.as_deref().unwrap_or_default()),
            ("max", max.as_deref().unwrap_or_default()),
        ],
    )
}

fn alone_message(skip: &str, locale: Locale) -> String {
    let label = skip_label(skip, locale);
    fill(xlsform_words(locale).alone(), &[("label", label)])
}

fn blank_hint(skip: &str, locale: Locale) -> &'static str {
    let w = xlsform_words(locale);
    if skip == PREFER_NOT {
        w.blank_prefer_not()
    } else {
        w.blank_dont_know()
    }
}

/// A group's label: the dimension of the same id, the programme's name for its own questions
/// (`extra`), or the profile part's own words.
fn group_label(pack: &Pack, group: &str, locale: Locale) -> String {
    if let Some(d) = pack.data.dimensions.iter().find(|d| d.id == group) {
        return d.label.get(locale).to_string();
    }
    match (group, locale) {
        ("extra", l) => pack.data.name.get(l).to_string(),
        ("owner", l) => xlsform_words(l).group_owner().into(),
        ("export", l) => xlsform_words(l).group_export().into(),
        (other, _) => other.to_string(),
    }
}

impl Form {
    /// The `survey` sheet, its header row first.
    pub fn survey(&self) -> Vec<Vec<String>> {
        let langs = &self.languages;
        let mut header: Vec<String> = vec!["type".into(), "name".into()];
        header.extend(langs.iter().map(|&l| language_column("label", l)));
        header.extend(langs.iter().map(|&l| language_column("hint", l)));
        header.extend(["relevant", "required", "constraint"].map(String::from));
        header.extend(
            langs
                .iter()
                .map(|&l| language_column("constraint_message", l)),
        );
        header.extend(["appearance", "calculation"].map(String::from));
        let width = header.len();
        let n = langs.len();
        let row = |kind: &str, name: &str| {
            let mut r = vec![String::new(); width];
            r[0] = kind.to_string();
            r[1] = name.to_string();
            r
        };
        // Column offsets after type and name.
        let label = 2;
        let hint = label + n;
        let relevant = hint + n;
        let required = relevant + 1;
        let constraint = required + 1;
        let message = constraint + 1;
        let appearance = message + n;
        let calculation = appearance + 1;

        let mut rows = vec![header];
        rows.push(row("start", "start"));
        rows.push(row("end", "end"));
        let mut country = row("calculate", COUNTRY);
        country[calculation] = format!("'{}'", self.country);
        rows.push(country);
        let mut open: Option<&str> = None;
        for (i, q) in self.questions.iter().enumerate() {
            if open != q.group.as_deref() {
                if open.is_some() {
                    rows.push(row("end group", ""));
                }
                if let Some(group) = &q.group {
                    let mut begin = row("begin group", group);
                    for (j, text) in self.group_labels[group].iter().enumerate() {
                        begin[label + j] = text.clone();
                    }
                    rows.push(begin);
                }
                open = q.group.as_deref();
            }
            let kind = match q.control {
                Control::SelectOne => format!("select_one {}", self.list_names[i]),
                Control::SelectMultiple => format!("select_multiple {}", self.list_names[i]),
                Control::Integer => "integer".into(),
                Control::Decimal => "decimal".into(),
                Control::Text => "text".into(),
            };
            let mut r = row(&kind, &q.name);
            r[label..label + n].clone_from_slice(&q.labels);
            r[hint..hint + n].clone_from_slice(&q.hints);
            r[relevant] = q.relevant.clone().unwrap_or_default();
            if q.required {
                r[required] = "yes".into();
            }
            if let Some((expr, messages)) = &q.constraint {
                r[constraint] = expr.clone();
                r[message..message + n].clone_from_slice(messages);
            }
            r[appearance] = q.appearance.unwrap_or_default().to_string();
            rows.push(r);
        }
        if open.is_some() {
            rows.push(row("end group", ""));
        }
        rows
    }

    /// The `choices` sheet, its header row first: one list per select question, named by the
    /// question's id, with the reserved choice last where the question offers it.
    pub fn choices(&self) -> Vec<Vec<String>> {
        let mut header: Vec<String> = vec!["list_name".into(), "name".into()];
        header.extend(self.languages.iter().map(|&l| language_column("label", l)));
        let mut rows = vec![header];
        for (i, q) in self.questions.iter().enumerate() {
            if !matches!(q.control, Control::SelectOne | Control::SelectMultiple) {
                continue;
            }
            let list = &self.list_names[i];
            for choice in &q.choices {
                let mut r = vec![list.clone(), choice.name.clone()];
                r.extend(choice.labels.iter().cloned());
                rows.push(r);
            }
            if let Some(skip) = q.skip {
                let mut r = vec![list.clone(), skip.to_string()];
                r.extend(q.skip_labels(&self.languages));
                rows.push(r);
            }
        }
        rows
    }

    /// The `settings` sheet: the title, the form id, the pack's version and the default
    /// language.
    pub fn settings(&self) -> Vec<Vec<String>> {
        vec![
            vec![
                "form_title".into(),
                "form_id".into(),
                "version".into(),
                "default_language".into(),
            ],
            vec![
                self.titles[0].clone(),
                self.id.clone(),
                self.version.clone(),
                format!(
                    "{} ({})",
                    self.languages[0].name(),
                    self.languages[0].code()
                ),
            ],
        ]
    }

    /// The three sheets by name, in workbook order.
    pub fn sheets(&self) -> [(&'static str, Vec<Vec<String>>); 3] {
        [
            ("survey", self.survey()),
            ("choices", self.choices()),
            ("settings", self.settings()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs;

    fn pack(id: &str) -> Pack {
        packs::compile(id, &packs::builtin(), None)
            .pack
            .expect("a built-in pack compiles")
    }

    fn row<'a>(rows: &'a [Vec<String>], name: &str) -> &'a Vec<String> {
        rows.iter()
            .find(|r| r[1] == name)
            .unwrap_or_else(|| panic!("no row named {name}"))
    }

    fn column(rows: &[Vec<String>], name: &str) -> usize {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    #[test]
    fn names_and_groups_follow_the_profile_paths() {
        let form = build(&pack("mx"), &[Locale::Es, Locale::En]).unwrap();
        let internet = form
            .questions
            .iter()
            .find(|q| q.path == "connectivity.internet")
            .unwrap();
        assert_eq!(internet.xml_path(), "connectivity/internet");
        let survey = form.survey();
        // Each group opens once, and holds exactly the questions of its profile part.
        let mut group: Option<String> = None;
        let mut opened = Vec::new();
        for r in &survey[1..] {
            match r[0].as_str() {
                "begin group" => {
                    assert!(!opened.contains(&r[1]), "group {} opens twice", r[1]);
                    opened.push(r[1].clone());
                    group = Some(r[1].clone());
                }
                "end group" => group = None,
                "start" | "end" | "calculate" => assert!(group.is_none()),
                _ => {
                    let q = form.questions.iter().find(|q| q.name == r[1]).unwrap();
                    assert_eq!(q.group, group, "{} sits in its profile group", q.path);
                }
            }
        }
        assert!(opened.contains(&"export".to_string()));
        assert_eq!(
            row(&survey, "internet")[0],
            "select_one internet",
            "the list is named by the question id"
        );
        assert_eq!(row(&survey, "devices")[0], "select_multiple devices");
        assert_eq!(row(&survey, "monthly_budget")[0], "decimal");
        assert_eq!(row(&survey, "age")[0], "integer");
        assert_eq!(
            row(&survey, COUNTRY)[column(&survey, "calculation")],
            "'MX'"
        );
    }

    #[test]
    fn labels_hints_required_and_constraints() {
        let form = build(&pack("mx"), &[Locale::Es, Locale::En]).unwrap();
        let survey = form.survey();
        let es = column(&survey, "label::Español (es)");
        let en = column(&survey, "label::English (en)");
        let required = column(&survey, "required");
        let constraint = column(&survey, "constraint");
        let hint = column(&survey, "hint::Español (es)");
        assert_eq!(row(&survey, "sector")[es], "¿Qué vende su negocio?");
        assert_eq!(row(&survey, "sector")[en], "What does your business sell?");
        assert_eq!(
            row(&survey, "sector")[required],
            "yes",
            "no \"No sé\": required"
        );
        assert_eq!(row(&survey, "internet")[required], "", "\"No sé\" offered");
        assert_eq!(row(&survey, "devices")[required], "", "a set may be empty");
        assert_eq!(
            row(&survey, "monthly_budget")[constraint],
            ". >= 0 and . <= 1000000"
        );
        assert!(row(&survey, "monthly_budget")[es].ends_with("(MXN)"));
        assert!(row(&survey, "monthly_budget")[hint].ends_with("deje la respuesta en blanco."));
        assert_eq!(row(&survey, "age")[constraint], ". >= 15 and . <= 110");
        assert_eq!(
            row(&survey, "devices")[constraint],
            "not(selected(., 'dont_know')) or count-selected(.) = 1"
        );
        assert_eq!(
            row(&survey, "region")[column(&survey, "appearance")],
            "minimal"
        );
        let choices = form.choices();
        let names: Vec<&str> = choices
            .iter()
            .filter(|r| r[0] == "internet")
            .map(|r| r[1].as_str())
            .collect();
        assert_eq!(
            names,
            [
                "none",
                "intermittent",
                "mobile_data",
                "broadband",
                DONT_KNOW
            ]
        );
        assert!(choices
            .iter()
            .any(|r| r[0] == "owner_gender" && r[1] == PREFER_NOT && r[2] == "Prefiero no decir"));
        assert!(choices.iter().any(|r| r[0] == "hours" && r[1] == "16"));
        assert!(choices.iter().any(|r| r[0] == "photos" && r[1] == "true"));
    }

    #[test]
    fn relevant_is_the_translated_show_when() {
        let form = build(&pack("mx"), &[Locale::Es]).unwrap();
        let survey = form.survey();
        let relevant = column(&survey, "relevant");
        assert_eq!(
            row(&survey, "origin_certified")[relevant],
            "${goal} = 'export' and ${protected_origin} = 'true'"
        );
        assert_eq!(
            row(&survey, "helper_willing")[relevant],
            "(${helper} = 'family_youth' or ${helper} = 'staff' or ${helper} = 'external')"
        );
        assert_eq!(row(&survey, "internet")[relevant], "");
    }

    #[test]
    fn settings_name_the_pack_and_its_version() {
        let form = build(&pack("example-programme"), &[Locale::En, Locale::Es]).unwrap();
        let settings = form.settings();
        assert_eq!(settings[1][1], "umbral_example_programme");
        assert_eq!(settings[1][2], "2026.12.0");
        assert_eq!(settings[1][3], "English (en)");
        assert_eq!(
            pack_of_form_id(&settings[1][1]).as_deref(),
            Some("example-programme")
        );
        let survey = form.survey();
        assert_eq!(survey[0][2], "label::English (en)");
        let extra = form
            .questions
            .iter()
            .find(|q| q.path == "extra.apoyo")
            .unwrap();
        assert_eq!(extra.xml_path(), "extra/apoyo");
        assert_eq!(
            form.group_labels["extra"][0],
            "Example programme — fictional state"
        );
    }

    #[test]
    fn a_pack_without_a_country_is_refused() {
        let errors = build(&pack("core"), &[Locale::Es]).unwrap_err();
        assert!(errors.0[0].contains("has no country"), "{errors}");
    }
}
