//! The results, computed from the answers on every render: where the business stands and the
//! ways it already sells, what holds it back, the cheapest next steps that fit what it can
//! spend, what would reach the next rung, the dimension chart, the ladder, and the plan: the
//! steps towards the next rung first (at most [`SHOWN_FIRST`] before "see more"), formalities
//! to work on meanwhile, later rungs folded, and what waits until the business can pay.
//!
//! `assess` runs here on every render (about 10 µs natively): the pack is linked once and
//! shared, so re-scoring after an answer stays far inside one frame.

use std::collections::BTreeSet;

use maud::{html, Markup};

use super::FOCUS_ID;
use crate::app::words::{words, Words};
use crate::engine::brief::brief_words;
use crate::engine::links::is_safe_link;
use crate::engine::pack::EntryKind;
use crate::engine::report::{Phase, Reason, Report, Step};
use crate::engine::{assess, Locale, Pack, Profile};
use crate::ui::chart::{bar_chart, Bar, Chart};

/// The key of "Ver todo" among the open sections: everything after the short result.
pub const ALL_KEY: &str = "all";

/// How many steps to take now are shown before the rest is folded.
pub const SHOWN_FIRST: usize = 5;

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
    let label = |id: &str| {
        report
            .pathway(id)
            .map_or(id.to_string(), |p| p.label.into())
    };
    let uses: Vec<&str> = report
        .pathways
        .iter()
        .filter(|p| p.in_use)
        .map(|p| p.label)
        .collect();
    let chart = Chart {
        caption: w.chart_heading(),
        label_header: w.chart_dimension(),
        value_header: w.chart_score(),
        testid: "grafica",
        bar_width: 270,
    };
    let bars = |graded_only: bool| -> Vec<Bar> {
        report
            .dimensions
            .iter()
            .enumerate()
            .filter(|(i, _)| !graded_only || pack.dimension_graded(*i))
            .map(|(_, d)| Bar {
                label: d.label.to_string(),
                permille: d.score.min(100) * 10,
                value: d.score.to_string(),
            })
            .collect()
    };
    let printed_chart = Chart {
        testid: "grafica-impresa",
        ..chart
    };
    let brief = report.brief();
    let bw = brief_words(locale);
    let mut brief_texts = vec![brief.standing.as_str(), brief.holds_back.as_str()];
    brief_texts.extend(brief.steps.iter().map(|s| s.name));
    // The rest of the results is drawn either way: hidden on screen until "Ver todo" (the
    // workspace shows it at once), always on paper.
    let all_open = match whys {
        Whys::All => None,
        Whys::Open(open) => Some(open.contains(ALL_KEY)),
    };
    html! {
        section.resultados aria-labelledby=(FOCUS_ID) data-testid="resultados" {
            h2 #(FOCUS_ID) tabindex="-1" { (w.results_heading()) }
            (super::listen_button(pack, locale, w.listen_summary(), Some("[data-testid=breve]")))
            div.breve data-testid="breve" {
                div.resumen data-testid="preparacion" {
                    p.resumen__titulo { (w.readiness()) }
                    p.resumen__numero { span.resumen__valor { (report.readiness) } " / 100" }
                    p data-testid="etapa" { (brief.standing) }
                }
                section.frenos aria-labelledby="frenos-titulo" data-testid="frenos" {
                    h3 #frenos-titulo { (bw.holds_back()) }
                    p { (brief.holds_back) }
                }
                @if !brief.steps.is_empty() {
                    section.destacado aria-labelledby="primeros-pasos" data-testid="primeros-pasos" {
                        h3 #primeros-pasos { (bw.next_steps()) }
                        ol {
                            @for s in &brief.steps {
                                // The plan's first three steps: numbered 1 to 3 there too.
                                li {
                                    strong { (s.name) } " — " (s.cost)
                                    @if s.conditional { " (" (bw.if_eligible()) ")" }
                                }
                            }
                        }
                    }
                }
            }
            (super::glossary(pack, locale, &brief_texts))
            @if let Some(open) = all_open {
                button.boton.boton--secundario.ver-todo.no-imprimir type="button"
                    aria-expanded=(open) aria-controls="todo" data-testid="ver-todo"
                    data-click={ "why:" (ALL_KEY) } value=(if open { "close" } else { "open" }) {
                    (bw.see_all())
                }
            }
            div #todo .todo .todo--cerrado[all_open == Some(false)] {
                @if !uses.is_empty() {
                    p data-testid="ya-vende" { (w.uses()) " " (uses.join(", ")) }
                }
                @if let Some(unlock) = &report.next_unlock {
                    section.desbloqueo aria-labelledby="desbloqueo-titulo" data-testid="desbloqueo" {
                        h3 #desbloqueo-titulo { (w.unlock_heading()) }
                        p { (w.unlock_target(&label(unlock.pathway))) }
                        ul {
                            @for id in &unlock.gets {
                                li { (report.requirement_label(id)) }
                            }
                        }
                        @if !unlock.steps.is_empty() {
                            p { (w.unlock_steps(&unlock.steps)) }
                        }
                    }
                }
                section aria-labelledby="grafica-titulo" {
                    h3 #grafica-titulo { (w.chart_heading()) }
                    div.no-imprimir { (bar_chart(&chart, &bars(false))) }
                    // The printed leave-behind does not grade how keen the owner is.
                    div.solo-imprimir { (bar_chart(&printed_chart, &bars(true))) }
                    (why(whys, "dimensions", "porque", w.why(), &|| html! {
                        ul {
                            @for d in report.dimensions.iter().filter(|d| !d.reasons.is_empty()) {
                                li { (d.label) ul { @for r in &d.reasons { (reason_item(pack, r, w)) } } }
                            }
                        }
                    }))
                }
                (ladder(&report, w))
                (plan(pack, &report, w, whys))
                @if !report.when_affordable.is_empty() {
                    section.cuando-pueda aria-labelledby="cuando-pueda-titulo" data-testid="cuando-pueda" {
                        h3 #cuando-pueda-titulo { (w.when_affordable_heading()) }
                        ul {
                            @for a in &report.when_affordable {
                                li {
                                    strong { (a.name) } " — " (a.cost.short(w.locale)) ". "
                                    (a.reason.text.as_ref())
                                }
                            }
                        }
                    }
                }
                @if !report.left_out.is_empty() {
                    (why(whys, "left-out", "porque fuera", w.left_out_heading(), &|| html! {
                        ul {
                            @for l in &report.left_out {
                                li { strong { (l.name) } ": " (l.reason.text.as_ref()) }
                            }
                        }
                    }))
                }
                @if !report.unanswered.is_empty() {
                    section.sin-responder aria-labelledby="sin-responder-titulo" {
                        h3 #sin-responder-titulo { (w.unanswered_heading()) }
                        ul { @for f in &report.unanswered { li { (pack.field_label(f, locale)) } } }
                    }
                }
            }
            (share)
            div.acciones.no-imprimir {
                button.boton.boton--secundario type="button" data-testid="cambiar"
                    data-click="edit" { (w.edit_answers()) }
                button.boton.boton--secundario type="button" data-testid="imprimir"
                    data-click="print" { (w.print()) }
            }
        }
    }
}

/// The ladder, rung by rung, and the routes beside it.
fn ladder(report: &Report, w: &Words) -> Markup {
    let rung = |p: &crate::engine::report::PathwayStatus| {
        html! {
            li.escalon.escalon--listo[p.reached] data-testid="escalon" {
                span.escalon__nombre { (p.label) }
                @if p.in_use {
                    span.escalon__estado { (w.in_use()) }
                } @else if p.reached {
                    span.escalon__estado { "✓ " (w.ready()) }
                }
                @if !p.missing.is_empty() {
                    p.escalon__falta { (w.still_missing()) " " (report.requirement_labels(&p.missing)) }
                }
            }
        }
    };
    let routes: Vec<_> = report.pathways.iter().filter(|p| !p.ladder).collect();
    html! {
        section.escalera aria-labelledby="escalera-titulo" data-testid="escalera" {
            h3 #escalera-titulo { (w.ladder_heading()) }
            ol { @for p in report.pathways.iter().filter(|p| p.ladder) { (rung(p)) } }
            @if !routes.is_empty() {
                h4.escalera__ruta { (w.route_heading()) }
                p.nota { (w.route_intro()) }
                ul { @for p in routes { (rung(p)) } }
            }
        }
    }
}

fn reason_item(pack: &Pack, reason: &Reason, w: &Words) -> Markup {
    let fields = reason
        .fields
        .iter()
        .map(|f| pack.field_label(f, w.locale))
        .collect::<Vec<_>>();
    html! {
        li {
            (reason.text.as_ref())
            @if !fields.is_empty() {
                span.razon__campos { " " (w.from_answers()) " " (fields.join(" · ")) }
            }
        }
    }
}

/// The plan: the steps to take now (the first [`SHOWN_FIRST`] shown, the rest behind "see
/// more"), formalities to work on meanwhile, and the later rungs folded.
fn plan(pack: &Pack, report: &Report, w: &Words, whys: Whys) -> Markup {
    let of =
        |phase: Phase| -> Vec<&Step> { report.steps.iter().filter(|s| s.phase == phase).collect() };
    let (now, parallel, later) = (of(Phase::Now), of(Phase::Parallel), of(Phase::Later));
    let target = report
        .steps
        .iter()
        .find(|s| s.phase == Phase::Now && report.pathway(s.pathway).is_some_and(|p| p.ladder))
        .and_then(|s| report.pathway(s.pathway))
        .map(|p| p.label);
    let steps = |list: &[&Step]| {
        html! { ol.pasos { @for s in list { (step(pack, report, s, w, whys)) } } }
    };
    html! {
        section.plan aria-labelledby="plan-titulo" data-testid="plan" {
            h3 #plan-titulo { (w.roadmap_heading()) }
            @if report.steps.is_empty() {
                p { (w.roadmap_empty()) }
            }
            @if !now.is_empty() {
                @if let Some(target) = target {
                    h4.plan__fase { (w.now_heading(target)) }
                }
                (steps(&now[..now.len().min(SHOWN_FIRST)]))
                @if now.len() > SHOWN_FIRST {
                    (why(whys, "more-now", "mas", &w.more_steps(now.len() - SHOWN_FIRST), &|| {
                        steps(&now[SHOWN_FIRST..])
                    }))
                }
            }
            @if !parallel.is_empty() {
                h4.plan__fase { (w.parallel_heading()) }
                p.nota { (w.parallel_intro()) }
                (steps(&parallel))
            }
            @if !later.is_empty() {
                (why(whys, "later", "mas", w.later_heading(), &|| steps(&later)))
            }
        }
    }
}

/// One step: what it gives and for which way of selling, its first option in full, the
/// others in a line each, and a "¿Por qué?" with the needs it meets and how each option fits.
fn step(pack: &Pack, report: &Report, s: &Step, w: &Words, whys: Whys) -> Markup {
    let first = &s.options[0];
    let pathway = report.pathway_label(s.pathway);
    let gives = match s.opens {
        Some(p) => w.starts_selling(report.pathway_label(p)),
        None => {
            let gives = report.step_gives(s);
            let needs = report.requirement_labels(&gives.needs);
            match gives.for_step {
                Some(n) => w.gives_for_step(&needs, n),
                None => w.gives(&needs, pathway),
            }
        }
    };
    html! {
        li.paso data-testid="paso" {
            p.paso__cabeza {
                span.paso__numero { (w.step(s.step)) }
                span.paso__tipo { (kind_label(first.kind, w)) }
            }
            h4.paso__nombre { (first.name) }
            p.paso__para { (gives) }
            @if let Some(e) = first.eligibility {
                p.paso__condicion { @if first.conditional { strong { (w.only_if()) } " " } (e) }
            }
            p { (first.summary) }
            p.paso__costo data-testid="costo" {
                strong { (first.cost.short(w.locale)) }
                @if let Some(note) = first.cost.note { span { ". " (note) } }
            }
            p.paso__fecha { (w.checked_in()) " " (w.month(first.checked)) "." }
            // Checked when the pack was read, and again here: never draw a link that is not one.
            @if let Some(url) = first.url.filter(|u| is_safe_link(u)) {
                p.paso__enlace {
                    a href=(url) rel="noopener noreferrer" { (w.official_page()) ": " (first.name) }
                }
            }
            @for o in &s.options[1..] {
                p.paso__opcion data-testid="opcion" {
                    (w.or_else()) " " strong { (o.name) } " — " (o.cost.short(w.locale))
                    @if let Some(e) = o.eligibility {
                        " (" @if o.conditional { (w.only_if()) " " } (e) ")"
                    }
                    @if let Some(url) = o.url.filter(|u| is_safe_link(u)) {
                        " · " a href=(url) rel="noopener noreferrer" { (w.official_page()) }
                    }
                }
            }
            @if !s.after.is_empty() {
                p.paso__antes {
                    (w.after_steps()) " "
                    (s.after.iter().map(|&a| w.step(a)).collect::<Vec<_>>().join(", "))
                }
            }
            (super::glossary(pack, w.locale, &step_texts(s)))
            (why(whys, &format!("step-{}", s.step), "porque", w.why(), &|| html! {
                ul {
                    @for id in &s.addresses {
                        @if let Some(text) = report.requirement(id).and_then(|r| r.text) {
                            li { (text) }
                        }
                    }
                    @for o in &s.options {
                        @for reason in &o.why { (reason_item(pack, reason, w)) }
                    }
                }
            }))
        }
    }
}

/// Everything a step says of its options: names, summaries, who they are for, cost notes.
fn step_texts<'a>(s: &'a Step) -> Vec<&'a str> {
    let mut texts = Vec::new();
    for o in &s.options {
        texts.extend([o.name, o.summary]);
        texts.extend(o.eligibility);
        texts.extend(o.cost.note);
    }
    texts
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
fn why(whys: Whys, key: &str, class: &str, summary: &str, content: &dyn Fn() -> Markup) -> Markup {
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
        EntryKind::Tool => w.kind_tool(),
        EntryKind::Action => w.kind_action(),
        EntryKind::Programme => w.kind_programme(),
    }
}
