//! How far along the questionnaire is: a bar for the eye and a polite live region that
//! announces "Pregunta 3 de 27" when the page changes.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// The words to show and announce, such as "Pregunta 3 de 27".
    pub label: AttrValue,
    /// "12 de 27 respondidas".
    pub answered: AttrValue,
    /// Per cent done, 0 to 100.
    pub percent: u32,
}

#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let width = format!("width: {}%", props.percent.min(100));
    html! {
        <div class="progreso" data-testid="progreso">
            <p class="progreso__texto" aria-live="polite" aria-atomic="true">
                { props.label.clone() }
                <span class="progreso__respondidas">{ " · " }{ props.answered.clone() }</span>
            </p>
            <div class="progreso__barra" aria-hidden="true">
                <div class="progreso__relleno" style={width}></div>
            </div>
        </div>
    }
}
