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
    // Drawn in SVG: a `style` attribute would be blocked by the Content-Security-Policy the
    // app is served with (style-src 'self'), a `width` attribute of a rect is not.
    let width = props.percent.min(100).to_string();
    html! {
        <div class="progreso" data-testid="progreso">
            <p class="progreso__texto" aria-live="polite" aria-atomic="true">
                { props.label.clone() }
                <span class="progreso__respondidas">{ " · " }{ props.answered.clone() }</span>
            </p>
            <svg class="progreso__barra" viewBox="0 0 100 1" preserveAspectRatio="none"
                aria-hidden="true" focusable="false">
                <rect class="progreso__relleno" {width} height="1" />
            </svg>
        </div>
    }
}
