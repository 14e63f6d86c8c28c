//! Readable terminal output: a report summary and the catalog listing.

use std::io::{self, Write};

use crate::engine::pack::EntryKind;
use crate::engine::report::Report;
use crate::engine::{Locale, Pack};

struct Words {
    readiness: &'static str,
    stage: &'static str,
    none: &'static str,
    dimensions: &'static str,
    pathways: &'static str,
    missing: &'static str,
    blockers: &'static str,
    steps: &'static str,
    free: &'static str,
    checked: &'static str,
    approximate: &'static str,
    unanswered: &'static str,
    unlock: &'static str,
    left_out: &'static str,
    after: &'static str,
    per_month: &'static str,
    unknown_cost: &'static str,
}

const ES: Words = Words {
    readiness: "Preparación",
    stage: "Etapa",
    none: "ninguna todavía",
    dimensions: "Dimensiones",
    pathways: "Caminos",
    missing: "falta",
    blockers: "Lo que frena todo",
    steps: "Pasos recomendados",
    free: "gratis",
    checked: "revisado",
    approximate: "precio aproximado",
    unanswered: "Preguntas sin contestar",
    unlock: "Para abrir",
    left_out: "No recomendado",
    after: "después de",
    per_month: "al mes",
    unknown_cost: "costo por confirmar",
};

const EN: Words = Words {
    readiness: "Readiness",
    stage: "Stage",
    none: "none yet",
    dimensions: "Dimensions",
    pathways: "Pathways",
    missing: "missing",
    blockers: "Holding everything back",
    steps: "Recommended steps",
    free: "free",
    checked: "checked",
    approximate: "approximate price",
    unanswered: "Unanswered questions",
    unlock: "To open",
    left_out: "Not recommended",
    after: "after",
    per_month: "a month",
    unknown_cost: "cost not confirmed",
};

fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::Es => &ES,
        Locale::En => &EN,
    }
}

fn bar(score: u32) -> String {
    let full = (score as usize + 5) / 10;
    format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
}

fn cost_line(
    setup: &serde_json::Value,
    monthly: &serde_json::Value,
    pct: &serde_json::Value,
    approximate: bool,
    currency: &str,
    w: &Words,
) -> String {
    let n = |v: &serde_json::Value| v.as_f64().unwrap_or(0.0);
    let (setup, monthly, pct) = (n(setup), n(monthly), n(pct));
    if setup == 0.0 && monthly == 0.0 && pct == 0.0 {
        return if approximate { w.unknown_cost } else { w.free }.to_string();
    }
    let mut parts = Vec::new();
    if setup > 0.0 {
        parts.push(format!("{} {currency}", setup));
    }
    if monthly > 0.0 {
        parts.push(format!("{monthly} {currency} {}", w.per_month));
    }
    if pct > 0.0 {
        parts.push(format!("{pct} %"));
    }
    parts.join(" + ")
}

/// A report as a readable summary.
pub fn report(r: &Report, pack: &Pack, out: &mut dyn Write) -> io::Result<()> {
    let w = words(r.locale);
    writeln!(
        out,
        "Umbral — {} {} ({})",
        pack.data.name.get(r.locale),
        r.pack.version,
        r.locale.code()
    )?;
    let stage = r
        .stage
        .as_ref()
        .and_then(|s| r.pathways.iter().find(|p| &p.id == s))
        .map(|p| p.label)
        .unwrap_or(w.none);
    writeln!(
        out,
        "{}: {}/100    {}: {}",
        w.readiness, r.readiness, w.stage, stage
    )?;
    writeln!(out, "\n{}:", w.dimensions)?;
    for d in &r.dimensions {
        writeln!(out, "  {:<24} {} {:>3}", d.label, bar(d.score), d.score)?;
    }
    writeln!(out, "\n{}:", w.pathways)?;
    for p in &r.pathways {
        let mark = if p.ready { "✓" } else { "✗" };
        writeln!(out, "  {mark} {}", p.label)?;
        for m in &p.missing {
            writeln!(out, "      {}: {}", w.missing, m.text)?;
        }
    }
    if !r.blockers.is_empty() {
        writeln!(out, "\n{}:", w.blockers)?;
        for b in &r.blockers {
            writeln!(out, "  ! {}", b.text)?;
        }
    }
    if !r.recommendations.is_empty() {
        writeln!(out, "\n{}:", w.steps)?;
        for rec in &r.recommendations {
            let c = &rec.cost;
            let mut line = format!(
                "  {:>2}. {} — {}",
                rec.step,
                rec.name,
                cost_line(
                    &c.setup,
                    &c.monthly,
                    &c.commission_pct,
                    c.approximate,
                    c.currency,
                    w
                )
            );
            if c.approximate {
                line.push_str(&format!(" ({})", w.approximate));
            }
            line.push_str(&format!(" — {} {}", w.checked, rec.checked));
            writeln!(out, "{line}")?;
            writeln!(out, "      {}", rec.summary)?;
            if let Some(note) = &c.note {
                writeln!(out, "      {note}")?;
            }
            if !rec.after.is_empty() {
                let names: Vec<&str> = rec
                    .after
                    .iter()
                    .map(|id| {
                        r.recommendations
                            .iter()
                            .find(|x| x.id == *id)
                            .map_or(*id, |x| x.name)
                    })
                    .collect();
                writeln!(out, "      ({} {})", w.after, names.join(", "))?;
            }
            if let Some(url) = &rec.url {
                writeln!(out, "      {url}")?;
            }
        }
    }
    if !r.left_out.is_empty() {
        writeln!(out, "\n{}:", w.left_out)?;
        for l in &r.left_out {
            writeln!(out, "  - {}: {}", l.name, l.reason.text)?;
        }
    }
    if let Some(u) = &r.next_unlock {
        let label = r
            .pathways
            .iter()
            .find(|p| p.id == u.pathway)
            .map(|p| p.label)
            .unwrap_or(u.pathway);
        writeln!(out, "\n{} «{label}»:", w.unlock)?;
        for c in &u.changes {
            writeln!(out, "  {} → {}", c.field, c.to)?;
        }
    }
    if !r.unanswered.is_empty() {
        writeln!(out, "\n{}: {}", w.unanswered, r.unanswered.join(", "))?;
    }
    Ok(())
}

/// The catalog as a readable list.
pub fn catalog(pack: &Pack, locale: Locale, out: &mut dyn Write) -> io::Result<()> {
    let w = words(locale);
    let currency = pack.data.currency.as_deref().unwrap_or("");
    writeln!(
        out,
        "{} {} — {} entries ({currency})",
        pack.data.name.get(locale),
        pack.data.version,
        pack.data.entries.len()
    )?;
    for e in &pack.data.entries {
        let kind = match e.kind {
            EntryKind::Tool => "tool",
            EntryKind::Action => "action",
            EntryKind::Programme => "programme",
        };
        let cost = cost_line(
            &serde_json::Value::from(e.setup),
            &serde_json::Value::from(e.monthly),
            &serde_json::Value::from(e.commission_pct),
            e.approximate,
            currency,
            w,
        );
        let approx = if e.approximate {
            format!(" ({})", w.approximate)
        } else {
            String::new()
        };
        writeln!(out, "\n{} [{kind}] {}", e.id, e.name.get(locale))?;
        writeln!(out, "  {}", e.summary.get(locale))?;
        writeln!(out, "  {cost}{approx} — {} {}", w.checked, e.checked)?;
        if let Some(note) = &e.cost_note {
            writeln!(out, "  {}", note.get(locale))?;
        }
        if let Some(url) = &e.url {
            writeln!(out, "  {url}")?;
        }
        writeln!(out, "  source: {}", e.source)?;
    }
    Ok(())
}
