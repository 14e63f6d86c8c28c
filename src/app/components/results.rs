//! The results, computed live from the answers: overall readiness, what holds the enterprise
//! back (first), three cheap next steps, the dimension chart, the ladder of ways to sell, what
//! would open the next rung, and the costed roadmap with its reasons.
//!
//! `assess` runs here on every render (about 10 µs natively): the pack is parsed once and
//! shared, so re-scoring after an answer stays far inside one frame.

use crate::engine::{assess, Locale, Profile};
use yew::prelude::*;

use super::roadmap::{first_steps, reason_item, roadmap};
use super::{DimensionChart, Why};
use crate::app::answers::{field_label, value_label};
use crate::app::state::PackRc;
use crate::app::words::words;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub pack: PackRc,
    pub profile: Profile,
    pub locale: Locale,
    /// The share panel, when there is one (it needs the share module).
    #[prop_or_default]
    pub share: Html,
    pub on_edit: Callback<()>,
    pub on_print: Callback<()>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let pack = &props.pack.0;
    let locale = props.locale;
    let w = words(locale);
    let report = assess(pack, &props.profile, locale);

    let stage = report
        .stage
        .and_then(|id| report.pathways.iter().find(|p| p.id == id))
        .map(|p| p.label);
    let scores = report
        .dimensions
        .iter()
        .map(|d| (d.label.to_string(), d.score))
        .collect::<Vec<_>>();

    let blockers = report
        .blockers
        .iter()
        .map(|b| html! { <li>{ b.text }</li> });
    let ladder = report.pathways.iter().map(|p| {
        let missing = p.missing.iter().map(|m| html! { <li>{ m.text }</li> });
        let class = if p.ready {
            "escalon escalon--listo"
        } else {
            "escalon"
        };
        html! {
            <li class={class} data-testid="escalon">
                <span class="escalon__nombre">{ p.label }</span>
                if p.ready {
                    <span class="escalon__estado">{ "✓ " }{ w.ready }</span>
                } else {
                    <span class="escalon__estado">{ w.still_missing }</span>
                    <ul>{ for missing }</ul>
                }
            </li>
        }
    });
    let unlock = report.next_unlock.as_ref().map(|unlock| {
        let target = report
            .pathways
            .iter()
            .find(|p| p.id == unlock.pathway)
            .map_or(unlock.pathway, |p| p.label);
        let changes = unlock.changes.iter().map(|change| {
            html! {
                <li>
                    { field_label(pack, change.field, locale) }
                    { " → " }
                    <strong>{ value_label(pack, change.field, &change.to, locale) }</strong>
                </li>
            }
        });
        html! {
            <section class="desbloqueo" aria-labelledby="desbloqueo-titulo" data-testid="desbloqueo">
                <h3 id="desbloqueo-titulo">{ w.unlock_heading }</h3>
                <p>{ w.unlock_target(target) }</p>
                <ul>{ for changes }</ul>
            </section>
        }
    });
    let left_out = report.left_out.iter().map(|l| {
        html! { <li><strong>{ l.name }</strong>{ ": " }{ l.reason.text.as_ref() }</li> }
    });
    let unanswered = report
        .unanswered
        .iter()
        .map(|f| html! { <li>{ field_label(pack, f, locale) }</li> });
    let dimension_reasons = report
        .dimensions
        .iter()
        .filter(|d| !d.reasons.is_empty())
        .map(|d| {
            let reasons = d.reasons.iter().map(|r| reason_item(pack, r, w));
            html! { <li>{ d.label }<ul>{ for reasons }</ul></li> }
        });
    let on_edit = props.on_edit.clone();
    let on_print = props.on_print.clone();

    html! {
        <section class="resultados" aria-labelledby="enfoque" data-testid="resultados">
            <h2 id="enfoque" tabindex="-1">{ w.results_heading }</h2>
            <div class="resumen" data-testid="preparacion">
                <p class="resumen__titulo">{ w.readiness }</p>
                <p class="resumen__numero">
                    <span class="resumen__valor">{ report.readiness }</span>{ " / 100" }
                </p>
                <p>
                    if let Some(stage) = stage {
                        { w.stage }{ " " }<strong>{ stage }</strong>
                    } else {
                        { w.no_stage }
                    }
                </p>
            </div>
            <section class="frenos" aria-labelledby="frenos-titulo" data-testid="frenos">
                <h3 id="frenos-titulo">{ w.blockers }</h3>
                if report.blockers.is_empty() {
                    <p>{ w.no_blockers }</p>
                } else {
                    <ul>{ for blockers }</ul>
                }
            </section>
            { first_steps(&report.recommendations, w) }
            <section aria-labelledby="grafica-titulo">
                <h3 id="grafica-titulo">{ w.chart_heading }</h3>
                <DimensionChart words={w} scores={scores} />
                <Why class="porque" summary={w.why}>
                    <ul>{ for dimension_reasons }</ul>
                </Why>
            </section>
            <section class="escalera" aria-labelledby="escalera-titulo" data-testid="escalera">
                <h3 id="escalera-titulo">{ w.ladder_heading }</h3>
                <ol>{ for ladder }</ol>
            </section>
            { for unlock }
            { roadmap(pack, &report.recommendations, w) }
            if !report.left_out.is_empty() {
                <Why class="porque fuera" summary={w.left_out_heading}>
                    <ul>{ for left_out }</ul>
                </Why>
            }
            if !report.unanswered.is_empty() {
                <section class="sin-responder" aria-labelledby="sin-responder-titulo">
                    <h3 id="sin-responder-titulo">{ w.unanswered_heading }</h3>
                    <ul>{ for unanswered }</ul>
                </section>
            }
            { props.share.clone() }
            <div class="acciones no-imprimir">
                <button type="button" class="boton boton--secundario" data-testid="cambiar"
                    onclick={move |_| on_edit.emit(())}>
                    { w.edit_answers }
                </button>
                <button type="button" class="boton boton--secundario" data-testid="imprimir"
                    onclick={move |_| on_print.emit(())}>
                    { w.print }
                </button>
            </div>
        </section>
    }
}
