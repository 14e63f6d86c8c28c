//! The start screen: what Umbral does, in plain Spanish, and the button that begins.

use web_sys::HtmlElement;
use yew::prelude::*;

/// What Umbral does and a "Comenzar" button.
///
/// The questionnaire is not wired yet: "Comenzar" reveals an honest placeholder and moves the
/// keyboard focus to it, so screen-reader and keyboard users land where the content changed.
#[component]
pub fn StartScreen() -> Html {
    let started = use_state(|| false);
    let placeholder = use_node_ref();

    {
        let placeholder = placeholder.clone();
        use_effect_with(*started, move |started| {
            if *started {
                if let Some(element) = placeholder.cast::<HtmlElement>() {
                    // Focus is a convenience: failing to move it changes nothing else.
                    let _ = element.focus();
                }
            }
        });
    }

    let on_start = {
        let started = started.clone();
        Callback::from(move |_: MouseEvent| started.set(true))
    };

    html! {
        <section class="inicio" aria-labelledby="inicio-titulo" data-testid="inicio">
            <h2 id="inicio-titulo" class="visualmente-oculto">{ "Inicio" }</h2>
            <p>
                { "Umbral te ayuda a ver qué tan lista está tu empresa para vender en línea, \
                   qué la está frenando y qué pasos de bajo costo puedes dar a continuación." }
            </p>
            <ul class="puntos">
                <li>{ "Respondes preguntas sencillas sobre tu negocio." }</li>
                <li>{ "Funciona sin conexión a internet." }</li>
                <li>{ "Tus respuestas se quedan en tu teléfono: no se envían a nadie." }</li>
            </ul>
            // ENGINE: list the pack's dimension labels here (what the questionnaire looks at),
            // read from the linked default pack.
            <button
                type="button"
                class="boton"
                data-testid="comenzar"
                aria-expanded={ if *started { "true" } else { "false" } }
                onclick={on_start}
            >
                { "Comenzar" }
            </button>
            if *started {
                <section
                    class="aviso"
                    data-testid="pronto"
                    aria-labelledby="pronto-titulo"
                    tabindex="-1"
                    ref={placeholder}
                >
                    <h2 id="pronto-titulo">{ "Pronto: el cuestionario" }</h2>
                    <p>
                        { "Esta versión todavía no incluye las preguntas. Cuando estén listas, \
                           aparecerán aquí." }
                    </p>
                </section>
            }
        </section>
    }
}
