//! The results, computed from the answers on every render: overall readiness, what holds the
//! enterprise back (first), three cheap next steps, the dimension chart, the ladder of ways to
//! sell, what would open the next rung, and the costed roadmap with its reasons.
//!
//! `assess` runs here on every render (about 10 µs natively): the pack is linked once and
//! shared, so re-scoring after an answer stays far inside one frame.

use std::collections::BTreeSet;

use maud::{html, Markup};

use super::chart::{bar_chart, Bar, Chart};
use super::FOCUS_ID;
use crate::app::answers::{field_label, value_label};
use crate::app::words::{words, Words};
use crate::engine::pack::EntryKind;
use crate::engine::report::{Cost, Reason, Recommendation};
use crate::engine::words::money;
use crate::engine::{assess, Locale, Pack, Profile};

/// The results screen for `profile`, with `share` (the share panel, or nothing) before the
/// buttons at the end; the "¿Por qué?" sections `whys` says are open have their contents.
pub fn results(
    pack: &Pack,
    profile: &Profile,
    locale: Locale,
    share: Markup,
    whys: Whys,
) -> Markup {
    let w = words(locale);
    let report = assess(pack, profile, locale);
    let stage = report
        .stage
        .and_then(|id| report.pathways.iter().find(|p| p.id == id))
        .map(|p| p.label);
    let unlock_target = report.next_unlock.as_ref().map(|unlock| {
        report
            .pathways
            .iter()
            .find(|p| p.id == unlock.pathway)
            .map_or(unlock.pathway, |p| p.label)
    });
    let chart = Chart {
        caption: w.chart_heading,
        label_header: w.chart_dimension,
        value_header: w.chart_score,
        testid: "grafica",
        bar_width: 270,
    };
    let bars: Vec<Bar> = report
        .dimensions
        .iter()
        .map(|d| Bar {
            label: d.label.to_string(),
            permille: d.score.min(100) * 10,
            value: d.score.to_string(),
        })
        .collect();
    html! {
        section.resultados aria-labelledby=(FOCUS_ID) data-testid="resultados" {
            h2 #(FOCUS_ID) tabindex="-1" { (w.results_heading) }
            div.resumen data-testid="preparacion" {
                p.resumen__titulo { (w.readiness) }
                p.resumen__numero { span.resumen__valor { (report.readiness) } " / 100" }
                p {
                    @if let Some(stage) = stage {
                        (w.stage) " " strong { (stage) }
                    } @else {
                        (w.no_stage)
                    }
                }
            }
            section.frenos aria-labelledby="frenos-titulo" data-testid="frenos" {
                h3 #frenos-titulo { (w.blockers) }
                @if report.blockers.is_empty() {
                    p { (w.no_blockers) }
                } @else {
                    ul { @for b in &report.blockers { li { (b.text) } } }
                }
            }
            @if !report.recommendations.is_empty() {
                section.destacado aria-labelledby="primeros-pasos" data-testid="primeros-pasos" {
                    h3 #primeros-pasos { (w.first_steps) }
                    ol {
                        @for r in report.recommendations.iter().take(3) {
                            li { strong { (r.name) } " — " (cost_text(&r.cost, w)) }
                        }
                    }
                }
            }
            section aria-labelledby="grafica-titulo" {
                h3 #grafica-titulo { (w.chart_heading) }
                (bar_chart(&chart, &bars))
                (why(whys, "dimensions", "porque", w.why, || html! {
                    ul {
                        @for d in report.dimensions.iter().filter(|d| !d.reasons.is_empty()) {
                            li { (d.label) ul { @for r in &d.reasons { (reason_item(pack, r, w)) } } }
                        }
                    }
                }))
            }
            section.escalera aria-labelledby="escalera-titulo" data-testid="escalera" {
                h3 #escalera-titulo { (w.ladder_heading) }
                ol {
                    @for p in &report.pathways {
                        li.escalon.escalon--listo[p.ready] data-testid="escalon" {
                            span.escalon__nombre { (p.label) }
                            @if p.ready {
                                span.escalon__estado { "✓ " (w.ready) }
                            } @else {
                                span.escalon__estado { (w.still_missing) }
                                ul { @for m in &p.missing { li { (m.text) } } }
                            }
                        }
                    }
                }
            }
            @if let (Some(unlock), Some(target)) = (&report.next_unlock, unlock_target) {
                section.desbloqueo aria-labelledby="desbloqueo-titulo" data-testid="desbloqueo" {
                    h3 #desbloqueo-titulo { (w.unlock_heading) }
                    p { (w.unlock_target(target)) }
                    ul {
                        @for change in &unlock.changes {
                            li {
                                (field_label(pack, change.field, locale)) " → "
                                strong { (value_label(pack, change.field, &change.to, locale)) }
                            }
                        }
                    }
                }
            }
            (roadmap(pack, &report.recommendations, w, whys))
            @if !report.left_out.is_empty() {
                (why(whys, "left-out", "porque fuera", w.left_out_heading, || html! {
                    ul {
                        @for l in &report.left_out {
                            li { strong { (l.name) } ": " (l.reason.text.as_ref()) }
                        }
                    }
                }))
            }
            @if !report.unanswered.is_empty() {
                section.sin-responder aria-labelledby="sin-responder-titulo" {
                    h3 #sin-responder-titulo { (w.unanswered_heading) }
                    ul { @for f in &report.unanswered { li { (field_label(pack, f, locale)) } } }
                }
            }
            (share)
            div.acciones.no-imprimir {
                button.boton.boton--secundario type="button" data-testid="cambiar"
                    data-click="edit" { (w.edit_answers) }
                button.boton.boton--secundario type="button" data-testid="imprimir"
                    data-click="print" { (w.print) }
            }
        }
    }
}

/// What a step costs, in a few words: "Gratis", "Costo por confirmar" or
/// "$1,234 MXN para empezar · $199 MXN al mes (precio aproximado)".
pub fn cost_text(cost: &Cost, w: &Words) -> String {
    let number = |json: &serde_json::Value| json.as_f64().unwrap_or(0.0);
    let (setup, monthly, pct) = (
        number(&cost.setup),
        number(&cost.monthly),
        number(&cost.commission_pct),
    );
    if setup == 0.0 && monthly == 0.0 && pct == 0.0 {
        return if cost.approximate {
            w.cost_unconfirmed.to_string()
        } else {
            w.free.to_string()
        };
    }
    let mut parts = Vec::new();
    if setup > 0.0 {
        parts.push(format!("{} {}", money(setup, cost.currency), w.to_start));
    }
    if monthly > 0.0 {
        parts.push(format!("{} {}", money(monthly, cost.currency), w.per_month));
    }
    if pct > 0.0 {
        // Whole numbers print without a fraction.
        let pct = crate::engine::words::decimal(pct);
        parts.push(format!("{pct} % {}", w.per_sale));
    }
    let mut text = parts.join(" · ");
    if cost.approximate {
        text.push_str(&format!(" ({})", w.approximate));
    }
    text
}

/// One reason with the questions whose answers led to it.
fn reason_item(pack: &Pack, reason: &Reason, w: &Words) -> Markup {
    let fields = reason
        .fields
        .iter()
        .map(|f| field_label(pack, f, w.locale))
        .collect::<Vec<_>>();
    html! {
        li {
            (reason.text.as_ref())
            @if !fields.is_empty() {
                span.razon__campos { " " (w.from_answers) " " (fields.join(" · ")) }
            }
        }
    }
}

/// The roadmap: each recommended step with its cost in local currency, the month its price
/// was checked, its official page, and a "¿Por qué?" with the rules and the answers that led
/// to it.
fn roadmap(pack: &Pack, recommendations: &[Recommendation], w: &Words, whys: Whys) -> Markup {
    let name_of = |id: &str| {
        recommendations
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.name.to_string())
    };
    let requirement = |id: &str| {
        pack.data
            .requirements
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.label.get(w.locale).to_string())
    };
    html! {
        section.plan aria-labelledby="plan-titulo" data-testid="plan" {
            h3 #plan-titulo { (w.roadmap_heading) }
            @if recommendations.is_empty() {
                p { (w.roadmap_empty) }
            } @else {
                ol.pasos {
                    @for r in recommendations {
                        li.paso data-testid="paso" {
                            p.paso__cabeza {
                                span.paso__numero { (w.step(r.step)) }
                                span.paso__tipo { (kind_label(r.kind, w)) }
                            }
                            h4.paso__nombre { (r.name) }
                            p { (r.summary) }
                            p.paso__costo data-testid="costo" {
                                strong { (cost_text(&r.cost, w)) }
                                @if let Some(note) = r.cost.note { span { ". " (note) } }
                            }
                            p.paso__fecha { (w.checked_in) " " (w.month(r.checked)) "." }
                            @if let Some(url) = r.url {
                                p.paso__enlace {
                                    a href=(url) rel="noopener noreferrer" {
                                        (w.official_page) ": " (r.name)
                                    }
                                }
                            }
                            @if !r.after.is_empty() {
                                p.paso__antes {
                                    (w.after_steps) " "
                                    (r.after.iter().map(|a| name_of(a)).collect::<Vec<_>>().join(", "))
                                }
                            }
                            (why(whys, &format!("step-{}", r.id), "porque", w.why, || html! {
                                p { (r.addresses.iter().map(|a| requirement(a)).collect::<Vec<_>>().join(" · ")) }
                                ul { @for reason in &r.why { (reason_item(pack, reason, w)) } }
                            }))
                        }
                    }
                }
            }
        }
    }
}

/// Which "¿Por qué?" sections have their contents drawn.
#[derive(Clone, Copy)]
pub enum Whys<'a> {
    /// All of them (the workspace, which has no frame budget to keep).
    All,
    /// Only those the user opened, by key: the results screen has one per step and per score,
    /// and leaving their contents out until asked for keeps the screen within a frame when it
    /// opens (a closed one's contents are neither shown nor printed anyway).
    Open(&'a BTreeSet<String>),
}

/// A "¿Por qué?": a `<details>` with `summary`, reporting its opening and closing as
/// `data-toggle="why:<key>"`, with `content` inside when `whys` says so.
fn why(
    whys: Whys,
    key: &str,
    class: &str,
    summary: &str,
    content: impl FnOnce() -> Markup,
) -> Markup {
    let open = match whys {
        Whys::All => None,
        Whys::Open(open) => Some(open.contains(key)),
    };
    html! {
        details class=(class) open[open == Some(true)] data-toggle={ "why:" (key) } {
            summary { (summary) }
            @if open != Some(false) { (content()) }
        }
    }
}

fn kind_label(kind: EntryKind, w: &Words) -> &'static str {
    match kind {
        EntryKind::Tool => w.kind_tool,
        EntryKind::Action => w.kind_action,
        EntryKind::Programme => w.kind_programme,
    }
}
