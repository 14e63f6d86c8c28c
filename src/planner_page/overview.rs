//! The summary's figures: how many enterprises count, the average readiness, the stages and
//! dimensions as bar charts with their tables, the routes, the blockers, and the figures by
//! region and by locality.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Locale;
use crate::planner::{Figures, GroupView, Share};
use crate::ui::chart::{bar_chart, permille, Bar, Chart};

use super::words::{words, Words};

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub locale: Locale,
    pub figures: Rc<Figures>,
    /// Every enterprise kept, before the filters.
    pub total: usize,
}

#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let w = words(props.locale);
    let figures = &props.figures;
    let stage_bars: Vec<Bar> = figures
        .stages
        .iter()
        .map(|s| Bar {
            label: s.label.clone(),
            permille: permille(s.count, s.base),
            value: format!("{} ({} %)", s.count, s.percent),
        })
        .collect();
    let dimension_bars: Vec<Bar> = figures
        .dimensions
        .iter()
        .map(|d| Bar {
            label: d.label.clone(),
            permille: score_permille(&d.average),
            value: d.average.clone(),
        })
        .collect();
    html! {
        <section aria-labelledby="resumen-titulo" data-testid="resumen">
            <h2 id="resumen-titulo">{ w.summary_heading() }</h2>
            <p data-testid="conteo">{ w.enterprises_counted(figures.enterprises, props.total) }</p>
            <p>{ w.readiness() }{ ": " }<strong data-testid="preparacion">{ &figures.readiness }</strong></p>
            <h3>{ w.stages_heading() }</h3>
            { chart(w.stages_heading(), w.stage(), w.enterprises(), "etapas", &stage_bars) }
            { for figures.routes.iter().map(|r| html! {
                <p data-testid="ruta">{ w.route_line(
                    &r.reached.label,
                    r.reached.count,
                    &r.reached.percent,
                    r.without_stage.count,
                    &r.without_stage.percent,
                ) }</p>
            }) }
            <h3>{ w.dimensions_heading() }</h3>
            <p class="nota">{ w.dimensions_intro() }</p>
            { chart(w.dimensions_heading(), w.dimension(), w.average(), "aspectos", &dimension_bars) }
            <h3>{ w.blockers_heading() }</h3>
            <p class="nota">{ w.blockers_intro() }</p>
            if figures.blockers.is_empty() {
                <p>{ w.no_blockers() }</p>
            } else {
                { share_table(w, w.blockers_heading(), w.blocker(), &figures.blockers, "obstaculos") }
            }
            <h3>{ w.by_region_heading() }</h3>
            { group_table(w, w.by_region_heading(), w.region(), &figures.regions, "por-estado") }
            <h3>{ w.by_locality_heading() }</h3>
            { group_table(w, w.by_locality_heading(), w.locality(), &figures.localities, "por-localidad") }
        </section>
    }
}

/// A ranked table of shares (the blockers).
fn share_table(w: &Words, caption: &str, header: &str, rows: &[Share], testid: &str) -> Html {
    html! {
        <div class="planear__tabla" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table data-testid={testid.to_string()}>
                <caption class="visualmente-oculto">{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ w.rank() }</th>
                    <th scope="col">{ header }</th>
                    <th scope="col">{ w.enterprises() }</th>
                    <th scope="col">{ w.share() }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(i, s)| html! {
                        <tr>
                            <td>{ i + 1 }</td>
                            <th scope="row">{ &s.label }</th>
                            <td>{ s.count }</td>
                            <td>{ format!("{} %", s.percent) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// A table of groups (regions, localities) with each one's count and top three blockers.
fn group_table(w: &Words, caption: &str, header: &str, groups: &[GroupView], testid: &str) -> Html {
    html! {
        <div class="planear__tabla" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table data-testid={testid.to_string()}>
                <caption class="visualmente-oculto">{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ header }</th>
                    <th scope="col">{ w.enterprises() }</th>
                    <th scope="col">{ w.top_blockers() }</th>
                </tr></thead>
                <tbody>
                    { for groups.iter().map(|g| html! {
                        <tr>
                            <th scope="row">{ &g.label }</th>
                            <td>{ g.enterprises.count }</td>
                            <td>
                                if g.blockers.is_empty() { { w.no_blockers() } } else {
                                    <ol class="planear__top">
                                        { for g.blockers.iter().take(3).map(|b| html! {
                                            <li>{ format!("{} — {} ({} %)", b.label, b.count, b.percent) }</li>
                                        }) }
                                    </ol>
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// A bar chart with its table: the app's (`crate::ui::chart`), with room for the
/// planner's longer figures ("1234 (56 %)").
fn chart(
    caption: &str,
    label_header: &str,
    value_header: &str,
    testid: &str,
    bars: &[Bar],
) -> Html {
    let chart = Chart {
        caption,
        label_header,
        value_header,
        testid,
        bar_width: 230,
    };
    Html::from_html_unchecked(AttrValue::from(bar_chart(&chart, bars).into_string()))
}

/// A mean score given as one-decimal text (`"42.3"`) in thousandths of 100.
fn score_permille(average: &str) -> u32 {
    let tenths: u32 = average.replace('.', "").parse().unwrap_or(0);
    tenths.min(1000)
}
