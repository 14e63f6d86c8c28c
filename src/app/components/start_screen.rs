//! The start screen: what Umbral does, in plain words, the country (Mexico by default), and the
//! button that begins, or continues a saved draft.

use crate::engine::Pack;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::state::{PackRc, COUNTRIES};
use crate::app::words::Words;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub words: &'static Words,
    pub country: AttrValue,
    /// The pack once loaded: its dimensions say what the questionnaire looks at.
    pub pack: Option<PackRc>,
    /// Whether a draft with answers exists: then "continue" and "start again".
    pub has_draft: bool,
    pub on_country: Callback<String>,
    pub on_start: Callback<()>,
    pub on_start_over: Callback<()>,
}

#[component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let w = props.words;
    let looks_at = props.pack.as_ref().map(|pack| dimension_list(&pack.0, w));
    let countries = COUNTRIES.iter().zip(w.countries).map(|(code, (_, name))| {
        let on_country = props.on_country.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_country.emit(input.value());
        });
        html! {
            <label class="opcion">
                <input type="radio" name="pais" value={*code} checked={props.country == *code}
                    {onchange} data-testid={format!("pais-{code}")} />
                <span>{ name }</span>
            </label>
        }
    });
    let on_start = props.on_start.clone();
    let on_start_over = props.on_start_over.clone();
    html! {
        <section class="inicio" aria-labelledby="enfoque" data-testid="inicio">
            <h2 id="enfoque" tabindex="-1" class="visualmente-oculto">{ w.start_heading }</h2>
            <p>{ w.intro }</p>
            <ul class="puntos">
                <li>{ w.point_questions }</li>
                <li>{ w.point_offline }</li>
                <li>{ w.point_private }</li>
            </ul>
            { for looks_at }
            <fieldset class="pregunta pais">
                <legend><span class="pregunta__texto">{ w.country_question }</span></legend>
                <div class="opciones opciones--fila">{ for countries }</div>
            </fieldset>
            if props.has_draft {
                <p class="nota">{ w.draft_kept }</p>
                <div class="acciones">
                    <button type="button" class="boton" data-testid="comenzar"
                        onclick={move |_| on_start.emit(())}>
                        { w.resume }
                    </button>
                    <button type="button" class="boton boton--secundario"
                        data-testid="empezar-de-nuevo" onclick={move |_| on_start_over.emit(())}>
                        { w.start_over }
                    </button>
                </div>
            } else {
                <button type="button" class="boton" data-testid="comenzar"
                    onclick={move |_| on_start.emit(())}>
                    { w.start }
                </button>
            }
            <p class="nota"><a href="taller/" data-testid="espacio-de-trabajo">{ w.workspace_link }</a></p>
        </section>
    }
}

/// What the questionnaire looks at, one item per dimension. A list rather than one long
/// sentence: each item is a small block, so this line, which appears only once the pack has
/// loaded, never becomes the page's largest text (the largest contentful paint stays the
/// introduction, which `index.html` paints before the app starts).
fn dimension_list(pack: &Pack, w: &Words) -> Html {
    let labels = pack
        .data
        .dimensions
        .iter()
        .map(|d| html! { <li>{ d.label.get(w.locale) }</li> });
    html! {
        <div class="nota revisa" data-testid="revisa">
            <p>{ w.looks_at }</p>
            <ul>{ for labels }</ul>
        </div>
    }
}
