//! "Antes y después": for enterprises that came in hand-off files, their first and latest
//! visit compared (`crate::planner::before_after`, the same figures as `umbral batch
//! --summary`): who was visited twice or more, rungs gained, kept and lost, and a table of the
//! stages and the mean scores then and now.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Locale;
use crate::planner::Figures;

use super::words::{words, Words};

#[derive(Properties, PartialEq)]
pub struct BeforeAfterProps {
    pub locale: Locale,
    pub figures: Rc<Figures>,
}

#[component]
pub fn BeforeAfter(props: &BeforeAfterProps) -> Html {
    let Some(ba) = &props.figures.before_after else {
        return html! {};
    };
    let w = words(props.locale);
    let lines = ba.lines(props.locale);
    let follow = ba.follow_lines(props.locale);
    let stages = ba
        .first_stages
        .iter()
        .zip(&ba.latest_stages)
        .map(|(first, latest)| {
            html! {
                <tr>
                    <th scope="row">{ &first.label }</th>
                    <td>{ first.count }</td>
                    <td>{ latest.count }</td>
                </tr>
            }
        });
    let means = std::iter::once((w.readiness(), &ba.readiness))
        .chain(ba.dimensions.iter().map(|d| (d.label.as_str(), d)))
        .map(|(label, change)| {
            html! {
                <tr>
                    <th scope="row">{ label }</th>
                    <td>{ &change.first }</td>
                    <td>{ &change.latest }</td>
                </tr>
            }
        });
    let label = |key: &str| {
        ba.first_stages
            .iter()
            .find(|s| s.key == key)
            .map_or(key.to_string(), |s| s.label.clone())
    };
    let rows = ba.enterprises.iter().take(SHOWN).map(|e| {
        let stages = match &e.stage_first {
            Some(first) => format!("{} → {}", label(first), label(&e.stage_latest)),
            None => format!("{} ({})", label(&e.stage_latest), w.visited_once()),
        };
        let readiness = match e.readiness_first {
            Some(first) => format!("{first} → {}", e.readiness_latest),
            None => e.readiness_latest.to_string(),
        };
        let selling = match e.selling_online {
            Some(true) => w.yes(),
            Some(false) => w.no(),
            None => "—",
        };
        html! {
            <tr>
                <th scope="row">{ &e.name }</th>
                <td>{ stages }</td>
                <td>{ readiness }</td>
                <td>{ e.steps[2] }{ " / " }{ e.steps[3] }</td>
                <td>{ selling }</td>
            </tr>
        }
    });
    let on_download = {
        let figures = props.figures.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(ba) = &figures.before_after {
                super::effects::download_enterprises(ba);
            }
        })
    };
    let each = html! {
        <>
            <div class="planear__tabla" tabindex="0" role="region" aria-label={w.each_enterprise()}>
                <table data-testid="antes-despues-negocios">
                    <caption>{ w.each_enterprise() }</caption>
                    <thead><tr>
                        <th scope="col">{ w.enterprise() }</th>
                        <th scope="col">{ w.stage() }</th>
                        <th scope="col">{ w.readiness_short() }</th>
                        <th scope="col">{ w.steps_done_dropped() }</th>
                        <th scope="col">{ w.sells_online() }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if ba.enterprises.len() > SHOWN {
                <p class="nota">{ w.more_in_file(ba.enterprises.len() - SHOWN) }</p>
            }
            <div class="acciones">
                <button type="button" class="boton boton--secundario" data-testid="descargar-negocios"
                    onclick={on_download}>{ w.download_each() }</button>
            </div>
        </>
    };
    html! {
        <section aria-labelledby="antes-titulo" data-testid="antes-despues">
            <h2 id="antes-titulo">{ w.before_after_heading() }</h2>
            <p>{ w.before_after_intro() }</p>
            <ul class="planear__escenarios">
                { for lines.iter().take(2).map(|l| html! { <li>{ l }</li> }) }
            </ul>
            if !follow.is_empty() {
                <ul class="planear__escenarios" data-testid="seguimiento">
                    { for follow.iter().map(|l| html! { <li>{ l }</li> }) }
                </ul>
            }
            if ba.followed.count > 0 {
                { table(w.before_after_stages(), w.stage(), "antes-despues-etapas", stages.collect(), w) }
                { table(w.before_after_means(), w.dimension(), "antes-despues-promedios", means.collect(), w) }
            }
            { each }
        </section>
    }
}

/// How many enterprises the page lists; the CSV has them all.
const SHOWN: usize = 20;

/// A table of rows with a value at the first and at the latest visit, scrollable on its own
/// on a narrow screen.
fn table(
    caption: &'static str,
    what: &'static str,
    testid: &'static str,
    rows: Vec<Html>,
    w: &Words,
) -> Html {
    html! {
        <div class="planear__tabla" tabindex="0" role="region" aria-label={caption}>
            <table data-testid={testid}>
                <caption>{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ what }</th>
                    <th scope="col">{ w.first_visit() }</th>
                    <th scope="col">{ w.latest_visit() }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
