//! "¿Y si el programa diera algo?": the catalogue entries that meet the cohort's needs, to
//! tick, and what supplying the ticked ones would do (`crate::planner`'s supply figures, the
//! same sentences as `umbral batch --summary --supply`).

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Locale;
use crate::planner::Figures;

use super::model::Offer;
use super::words::words;

#[derive(Properties, PartialEq)]
pub struct SupplyProps {
    pub locale: Locale,
    pub figures: Rc<Figures>,
    pub offers: Vec<Offer>,
    /// The entry ids ticked.
    pub chosen: Vec<String>,
    /// Ticks or unticks the entry with this id.
    pub on_toggle: Callback<String>,
}

#[component]
pub fn Supply(props: &SupplyProps) -> Html {
    let w = words(props.locale);
    let offers = props.offers.iter().map(|o| {
        let id = o.id.clone();
        let toggle = props.on_toggle.reform(move |_: Event| id.clone());
        let ticked = props.chosen.contains(&o.id);
        html! {
            <li>
                <label class="opcion">
                    <input type="checkbox" checked={ticked} onchange={toggle}
                        data-testid={format!("dar-{}", o.id)} />
                    <span>{ &o.name }{ " — " }<span class="nota">{ &o.cost }</span></span>
                </label>
            </li>
        }
    });
    let lines = props.figures.supply_lines(props.locale);
    html! {
        <section aria-labelledby="dar-titulo" data-testid="dar">
            <h2 id="dar-titulo">{ w.supply_heading() }</h2>
            <p>{ w.supply_intro() }</p>
            // Closed until opened: the list is long, and a keyboard need not cross it.
            <details class="planear__dar" data-testid="dar-lista">
                <summary>{ w.supply_choose(props.offers.len(), props.chosen.len()) }</summary>
                <fieldset>
                    <legend class="visualmente-oculto">{ w.supply_legend() }</legend>
                    <ul class="planear__opciones">{ for offers }</ul>
                </fieldset>
            </details>
            <div aria-live="polite" data-testid="dar-resultado">
                if lines.is_empty() {
                    <p class="nota">{ w.supply_none() }</p>
                } else {
                    <ul class="planear__escenarios">
                        { for lines.iter().map(|l| html! { <li>{ l }</li> }) }
                    </ul>
                }
            </div>
        </section>
    }
}
