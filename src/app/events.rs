//! What the user did, read back from the page: `www/view.js` reports each event on an element
//! with a `data-<type>` action as `(type, action, value, on)`, and [`decode`] turns it into a
//! [`Msg`] for the app (or a workspace visit) against the state it was drawn from.

use serde_json::Value as Json;

use super::answers::{answer_json, option_json, question_kind, same_json};
use super::state::{Action, State};
use super::view::DONT_KNOW_VALUE;
use crate::engine::profile::FieldKind;
use crate::engine::Locale;

/// A user's request: a change of state, or something the page does.
pub enum Msg {
    Do(Action),
    /// Go back to the answers a share link set aside.
    RestoreSetAside,
    /// Keep the link's answers and forget the ones set aside.
    KeepShared,
    Print,
    /// A "¿Por qué?" of the results, or "Ver todo", was opened (true) or closed.
    Why(String, bool),
    /// Bring back the answers "Empezar de nuevo" erased.
    Undo,
}

/// The message for an event of `kind` (click, change, input, submit or toggle) on an element whose
/// action is `action`, with the element's `value` and whether it is checked (`on`). `None` for
/// anything that changes nothing (a half-typed number, an action of another page).
pub fn decode(
    state: &State,
    wide: bool,
    kind: &str,
    action: &str,
    value: &str,
    on: bool,
) -> Option<Msg> {
    let mut parts = action.split(':');
    let name = parts.next()?;
    let mut number = || parts.next().and_then(|n| n.parse::<usize>().ok());
    let act = |action| Some(Msg::Do(action));
    match (kind, name) {
        // The button's value is the language's code.
        ("click", "locale") => act(match Locale::parse(value) {
            Some(locale) => Action::SetLocale(locale),
            None => Action::AskLanguage(value.to_string()),
        }),
        ("change", "country") => act(Action::ChooseCountry(value.to_string())),
        ("click", "start") => act(Action::Start),
        ("click", "start-over") => act(Action::StartOver),
        ("click", "retry") => act(Action::RetryPack),
        ("click", "dismiss-link") => act(Action::DismissBadLink),
        ("click", "restore") => Some(Msg::RestoreSetAside),
        ("click", "keep-shared") => Some(Msg::KeepShared),
        ("click", "undo") => Some(Msg::Undo),
        ("submit", "next") => act(Action::Next { wide }),
        ("click", "back") => act(Action::Back { wide }),
        ("click", "results") => act(Action::ShowResults),
        ("click", "edit") => act(Action::EditAnswers),
        ("click", "print") => Some(Msg::Print),
        ("toggle", "why") => Some(Msg::Why(action.strip_prefix("why:")?.to_string(), on)),
        // "Ver todo": a button whose value says what a click does.
        ("click", "why") => Some(Msg::Why(
            action.strip_prefix("why:")?.to_string(),
            value == "open",
        )),
        ("change", "nose") => act(Action::DontKnow {
            question: number()?,
            on,
        }),
        ("change", "pick") => {
            let (question, option) = (number()?, number()?);
            let pack = state.pack()?;
            let value = option_json(pack.data.questions.get(question)?.options.get(option)?);
            act(Action::Answer {
                question,
                value: Some(value),
            })
        }
        ("change", "tick") => {
            let (question, option) = (number()?, number()?);
            let pack = state.pack()?;
            let all: Vec<Json> = pack
                .data
                .questions
                .get(question)?
                .options
                .iter()
                .map(option_json)
                .collect();
            let chosen = match answer_json(pack, &state.profile, question) {
                Some(Json::Array(items)) => items,
                _ => Vec::new(),
            };
            // Keep the options' order, whatever order they were ticked in.
            let next = all
                .iter()
                .enumerate()
                .filter(|(i, v)| {
                    if *i == option {
                        on
                    } else {
                        chosen.iter().any(|c| same_json(c, v))
                    }
                })
                .map(|(_, v)| v.clone())
                .collect();
            act(Action::Answer {
                question,
                value: Some(Json::Array(next)),
            })
        }
        ("change", "list") => {
            let question = number()?;
            if value == DONT_KNOW_VALUE {
                return act(Action::DontKnow { question, on: true });
            }
            let pack = state.pack()?;
            let options = &pack.data.questions.get(question)?.options;
            let chosen = value
                .parse::<usize>()
                .ok()
                .and_then(|i| options.get(i))
                .map(option_json);
            act(Action::Answer {
                question,
                value: chosen,
            })
        }
        ("input", "type") => {
            let question = number()?;
            let pack = state.pack()?;
            let raw = value.trim();
            if raw.is_empty() {
                return act(Action::Answer {
                    question,
                    value: None,
                });
            }
            let json = match question_kind(pack, question) {
                FieldKind::Integer { .. } => raw.parse::<i64>().ok().map(Json::from),
                FieldKind::Number { .. } => raw
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map(Json::Number),
                _ => Some(Json::String(raw.to_string())),
            };
            // Something half-typed that is no number yet changes nothing.
            act(Action::Answer {
                question,
                value: Some(json?),
            })
        }
        _ => None,
    }
}
