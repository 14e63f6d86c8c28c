//! Between the pack's questions and the profile: reading and writing one question's answer as
//! JSON, and turning field paths and values back into the words the user saw (question texts
//! and option labels), so results never show `connectivity.internet` or `mobile_data`.

use crate::engine::pack::QuestionData;
use crate::engine::profile::{decode_value, encode_value, FieldKind};
use crate::engine::{visible_questions, Locale, Pack, Profile};
use serde_json::Value as Json;

use super::words::words;

/// The answer to question `q` as profile JSON, if answered.
pub fn answer_json(pack: &Pack, profile: &Profile, q: usize) -> Option<Json> {
    let ix = pack.question_field(q);
    let field = &pack.fields()[ix];
    match field.path.strip_prefix("extra.") {
        Some(key) => profile.extra.get(key).cloned(),
        None => profile.get(ix).map(|v| encode_value(&field.kind, v)),
    }
}

/// Sets (or with `None` clears) the answer to question `q`. Returns false, changing nothing,
/// when the value does not fit the field.
pub fn set_answer(pack: &Pack, profile: &mut Profile, q: usize, value: Option<Json>) -> bool {
    let ix = pack.question_field(q);
    let field = &pack.fields()[ix];
    let decoded = match &value {
        None => None,
        Some(json) => match decode_value(&field.kind, json) {
            Ok(decoded) => Some(decoded),
            Err(_) => return false,
        },
    };
    match field.path.strip_prefix("extra.") {
        Some(key) => {
            match value {
                Some(json) => profile.extra.insert(key.to_string(), json),
                None => profile.extra.remove(key),
            };
        }
        None => profile.set(ix, decoded),
    }
    true
}

/// Clears the answers of questions that are no longer asked (a question that appears only for
/// some sectors, after the sector changed), so a hidden answer never changes the result.
pub fn drop_hidden_answers(pack: &Pack, profile: &mut Profile) {
    // A cleared answer may hide further questions: repeat until nothing changes.
    for _ in 0..pack.data.questions.len() {
        let visible = visible_questions(pack, profile);
        let mut changed = false;
        for q in 0..pack.data.questions.len() {
            if visible.contains(&q) || answer_json(pack, profile, q).is_none() {
                continue;
            }
            // Two questions may fill one field; keep it when a visible one asks it.
            let ix = pack.question_field(q);
            if visible.iter().any(|&v| pack.question_field(v) == ix) {
                continue;
            }
            set_answer(pack, profile, q, None);
            changed = true;
        }
        if !changed {
            break;
        }
    }
}

/// The kind of the field question `q` fills.
pub fn question_kind(pack: &Pack, q: usize) -> &FieldKind {
    &pack.fields()[pack.question_field(q)].kind
}

/// The JSON value an option stands for.
pub fn option_json(option: &crate::engine::pack::OptionData) -> Json {
    use crate::engine::pack::OptionValue;
    match &option.value {
        OptionValue::Bool(b) => Json::Bool(*b),
        OptionValue::Int(n) => Json::from(*n),
        OptionValue::Num(n) => serde_json::Number::from_f64(*n).map_or(Json::Null, Json::Number),
        OptionValue::Text(s) => Json::String(s.clone()),
    }
}

/// Equality of JSON answers where `3` and `3.0` are the same number.
pub fn same_json(a: &Json, b: &Json) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// The question that fills the field at `path`, if the pack asks it.
pub fn question_for_field<'p>(pack: &'p Pack, path: &str) -> Option<&'p QuestionData> {
    pack.data.questions.iter().find(|q| q.field == path)
}

/// A value of the field at `path` in the words of the question's options.
pub fn value_label(pack: &Pack, path: &str, value: &Json, locale: Locale) -> String {
    let w = words(locale);
    let question = question_for_field(pack, path);
    let label_of = |v: &Json| -> Option<String> {
        question?
            .options
            .iter()
            .find(|o| same_json(&option_json(o), v))
            .map(|o| o.label.get(locale).to_string())
    };
    match value {
        Json::Array(items) => items
            .iter()
            .map(|item| label_of(item).unwrap_or_else(|| plain(item)))
            .collect::<Vec<_>>()
            .join(", "),
        other => label_of(other).unwrap_or_else(|| match other {
            Json::Bool(true) => w.yes().to_string(),
            Json::Bool(false) => w.no().to_string(),
            Json::Number(n) if question.and_then(|q| q.unit.as_deref()) == Some("currency") => {
                crate::engine::words::money(
                    n.as_f64().unwrap_or(0.0),
                    pack.data.currency.as_deref().unwrap_or(""),
                )
            }
            _ => plain(other),
        }),
    }
}

fn plain(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        other => crate::engine::json::to_text(other),
    }
}

/// The label of a group of questions: a dimension's label, or "Su negocio" for the rest.
pub fn group_label(pack: &Pack, group: &str, locale: Locale) -> String {
    pack.data
        .dimensions
        .iter()
        .find(|d| d.id == group)
        .map(|d| d.label.get(locale).to_string())
        .unwrap_or_else(|| words(locale).group_business().to_string())
}
