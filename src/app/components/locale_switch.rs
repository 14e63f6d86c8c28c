//! The visible language switch: one button naming the other language in that language.
//! Switching keeps every answer (the answers are values, not words).

use crate::engine::Locale;
use yew::prelude::*;

use crate::app::words::words;

#[derive(Properties, PartialEq)]
pub struct LocaleSwitchProps {
    pub locale: Locale,
    pub on_switch: Callback<Locale>,
}

#[component]
pub fn LocaleSwitch(props: &LocaleSwitchProps) -> Html {
    let w = words(props.locale);
    let other = match props.locale {
        Locale::Es => Locale::En,
        Locale::En => Locale::Es,
    };
    let on_switch = props.on_switch.clone();
    html! {
        <button type="button" class="idioma" lang={w.switch_to_lang} data-testid="idioma"
            onclick={move |_| on_switch.emit(other)}>
            { w.switch_to }
        </button>
    }
}
