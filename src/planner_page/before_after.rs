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
    let means = std::iter::once((w.readiness, &ba.readiness))
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
    html! {
        <section aria-labelledby="antes-titulo" data-testid="antes-despues">
            <h2 id="antes-titulo">{ w.before_after_heading }</h2>
            <p>{ w.before_after_intro }</p>
            <ul class="planear__escenarios">
                { for lines.iter().take(2).map(|l| html! { <li>{ l }</li> }) }
            </ul>
            if !follow.is_empty() {
                <ul class="planear__escenarios" data-testid="seguimiento">
                    { for follow.iter().map(|l| html! { <li>{ l }</li> }) }
                </ul>
            }
            if ba.followed.count > 0 {
                { table(w.before_after_stages, w.stage, "antes-despues-etapas", stages.collect(), w) }
                { table(w.before_after_means, w.dimension, "antes-despues-promedios", means.collect(), w) }
            }
        </section>
    }
}

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
                    <th scope="col">{ w.first_visit }</th>
                    <th scope="col">{ w.latest_visit }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
