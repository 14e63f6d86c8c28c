//! What the workspace's screens share: a screen's heading, a link to another screen, the
//! question asked before deleting, and labels the model's values need.

use super::effects::{Dispatch, HEADING};
use super::model::{Action, Model, Route};
use super::words::{words, Words};
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub(super) fn heading(text: impl Into<Html>) -> Html {
    html! { <h2 id={HEADING} tabindex="-1" data-testid="vista">{ text.into() }</h2> }
}

pub(super) fn go(dispatch: &Dispatch, route: Route) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(Action::Show(route.clone())))
}

pub(super) fn persisted_text(model: &Model, w: &Words) -> &'static str {
    match model.persisted {
        Some(true) => w.persisted_yes(),
        Some(false) => w.persisted_no(),
        None => w.persisted_unknown(),
    }
}

/// A yes/no question asked before deleting; `on_yes` runs only on "Sí, borrar".
pub(super) fn confirm_box(
    w: &Words,
    question: &str,
    dispatch: &Dispatch,
    on_yes: Callback<MouseEvent>,
) -> Html {
    let no = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Ask(None)))
    };
    html! {
        <div class="aviso aviso--error" role="alertdialog" aria-labelledby="confirmar-texto" data-testid="confirmar">
            <p id="confirmar-texto">{ question }</p>
            <div class="aviso__acciones">
                <button type="button" class="boton boton--peligro" data-testid="si-borrar" onclick={on_yes}>
                    { w.yes_delete() }
                </button>
                <button type="button" class="boton boton--secundario" data-testid="no-borrar" onclick={no}>
                    { w.cancel() }
                </button>
            </div>
        </div>
    }
}

/// A sector value in words, from the enterprise's pack (the value itself until it loads).
pub(super) fn sector_label(model: &Model, country: &str, value: &str) -> String {
    match model.pack(country) {
        Some(pack) => crate::app::answers::value_label(
            &pack.0,
            "sector",
            &serde_json::Value::String(value.to_string()),
            model.locale,
        ),
        None => value.to_string(),
    }
}

/// The words of the page's current language, read from `<html lang>` (for messages made in
/// event handlers that do not hold the model).
pub(super) fn words_for(_: &HtmlInputElement) -> &'static Words {
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    words(crate::engine::Locale::parse(&lang).unwrap_or(crate::engine::Locale::Es))
}
