//! The programme's report on one printed page: the cohort counted (and its filters), where the
//! enterprises stand (and, from hand-off files, where they stood at their first visit), the
//! most common blockers, and what the programme could supply and what it would cost. On
//! screen only its heading and the print button show; the sheet prints alone (planner.css).

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Locale;
use crate::planner::Figures;

use super::words::words;

/// How many blockers the sheet lists, so that it stays one page.
const BLOCKERS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub locale: Locale,
    pub figures: Rc<Figures>,
    /// Enterprises read, before the filters.
    pub total: usize,
}

#[component]
pub fn Report(props: &ReportProps) -> Html {
    let w = words(props.locale);
    let f = &props.figures;
    let ba = f.before_after.as_ref().filter(|ba| ba.followed.count > 0);
    let stages = f.stages.iter().map(|s| {
        let then = ba.and_then(|ba| {
            let first = ba.first_stages.iter().find(|x| x.key == s.key)?;
            let latest = ba.latest_stages.iter().find(|x| x.key == s.key)?;
            Some((first.count, latest.count))
        });
        html! {
            <tr>
                <th scope="row">{ &s.label }</th>
                <td>{ s.count }{ " (" }{ &s.percent }{ " %)" }</td>
                if let Some((first, latest)) = then {
                    <td>{ first }</td>
                    <td>{ latest }</td>
                }
            </tr>
        }
    });
    let blockers = f.blockers.iter().take(BLOCKERS).map(|b| {
        html! { <li>{ &b.label }{ " — " }{ b.count }{ " (" }{ &b.percent }{ " %)" }</li> }
    });
    let filters: Vec<String> = f.filter.iter().map(|x| x.label.clone()).collect();
    let supply = f.supply_lines(props.locale);
    let on_print = Callback::from(|_: MouseEvent| crate::ui::browser::print());
    html! {
        <section class="planear__informe" aria-labelledby="informe-titulo" data-testid="informe">
            <h2 id="informe-titulo">{ w.report_heading() }</h2>
            <p class="no-imprimir">{ w.report_intro() }</p>
            <div class="acciones">
                <button type="button" class="boton" data-testid="imprimir" onclick={on_print}>
                    { w.report_print() }
                </button>
            </div>
            <div class="solo-imprimir planear__hoja" data-testid="informe-hoja">
                <p>
                    { w.enterprises_counted(f.enterprises, props.total) }
                    if !filters.is_empty() { { " " }{ w.report_filters() }{ filters.join(", ") }{ "." } }
                    { " " }{ w.readiness() }{ ": " }<strong>{ &f.readiness }</strong>{ "." }
                </p>
                <table>
                    <caption>
                        { w.stages_heading() }
                        if ba.is_some() { { " " }{ w.report_followed_note() } }
                    </caption>
                    <thead><tr>
                        <th scope="col">{ w.stage() }</th>
                        <th scope="col">{ w.enterprises() }</th>
                        if ba.is_some() {
                            <th scope="col">{ w.first_visit() }</th>
                            <th scope="col">{ w.latest_visit() }</th>
                        }
                    </tr></thead>
                    <tbody>{ for stages }</tbody>
                </table>
                if let Some(ba) = ba {
                    <p>{ for ba.lines(props.locale).into_iter().take(2).map(|l| html! { <>{ l }{ " " }</> }) }</p>
                }
                if let Some(ba) = &f.before_after {
                    <p>{ for ba.follow_lines(props.locale).into_iter().map(|l| html! { <>{ l }{ " " }</> }) }</p>
                }
                <h3>{ w.blockers_heading() }</h3>
                if f.blockers.is_empty() {
                    <p>{ w.no_blockers() }</p>
                } else {
                    <ol>{ for blockers }</ol>
                }
                if !supply.is_empty() {
                    <h3>{ w.report_supply() }</h3>
                    <ul>{ for supply.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                }
                <p class="nota">{ w.report_footer() }</p>
            </div>
        </section>
    }
}
