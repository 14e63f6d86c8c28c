//! Readable terminal output: a report summary and the catalog listing.

use std::io::{self, Write};

use crate::engine::brief::brief_words;
use crate::engine::report::{Phase, Report, Status, Step};
use crate::engine::words::{texts_static, texts_table};
use crate::engine::{fill, Locale, Pack};
use crate::packs::translation::{self, SourceText};

texts_table! {
    /// The fixed texts of the text report in one locale.
    pub struct Words from WordsSource as "report" {
        ;
        readiness,
        stage,
        none,
        uses,
        dimensions,
        ladder,
        beside,
        in_use,
        missing,
        below_first,
        not_assessed,
        needs,
        now,
        parallel,
        later,
        for_pathway,
        gives,
        starts,
        or,
        only_if,
        for_whom,
        /// Before the step a step comes after, and before the steps: "después del" / "después de
        /// los".
        after_one,
        after_many,
        checked,
        unanswered,
        unlock,
        get,
        step,
        steps,
        when_affordable,
        left_out,
        /// Which step needs what a step gives: `{n}` is that step's number.
        needed_by_template,
    }
}

texts_static! {
    pub static ES: Words from WordsSource {
        ;
        readiness: "Preparación",
        stage: "Etapa",
        none: "ninguna todavía",
        uses: "Ya vende así",
        dimensions: "Dimensiones",
        ladder: "Escalera de formas de vender",
        beside: "Otra ruta, al lado de la escalera",
        in_use: "ya lo hace",
        missing: "falta",
        below_first: "primero el escalón de abajo",
        not_assessed: "sin datos para saberlo",
        needs: "Lo que falta",
        now: "Pasos para empezar",
        parallel: "Trámites que puede ir haciendo (no le impiden vender)",
        later: "Más adelante",
        for_pathway: "para",
        gives: "Le da",
        starts: "empezar a vender así",
        or: "o bien",
        only_if: "Si es su caso:",
        for_whom: "Es",
        after_one: "después del",
        after_many: "después de los",
        checked: "revisado",
        unanswered: "Preguntas sin contestar",
        unlock: "Para llegar a",
        get: "consiga",
        step: "paso",
        steps: "pasos",
        when_affordable: "Cuando pueda gastar",
        left_out: "No recomendado",
        needed_by_template: "Hace falta para el paso {n}.",
    }
}

texts_static! {
    pub static EN: Words from WordsSource {
        ;
        readiness: "Readiness",
        stage: "Stage",
        none: "none yet",
        uses: "Already sells this way",
        dimensions: "Dimensions",
        ladder: "Ladder of ways to sell",
        beside: "Another route, beside the ladder",
        in_use: "already does",
        missing: "missing",
        below_first: "the rung below first",
        not_assessed: "not enough answers to tell",
        needs: "What is missing",
        now: "Steps to start with",
        parallel: "Formalities to work on meanwhile (they do not stop you selling)",
        later: "Later",
        for_pathway: "for",
        gives: "Gives you",
        starts: "start selling this way",
        or: "or",
        only_if: "If it is your case:",
        for_whom: "It is",
        after_one: "after",
        after_many: "after",
        checked: "checked",
        unanswered: "Unanswered questions",
        unlock: "To reach",
        get: "get",
        step: "step",
        steps: "steps",
        when_affordable: "When you can spend more",
        left_out: "Not recommended",
        needed_by_template: "Step {n} needs it.",
    }
}

fn words(locale: Locale) -> &'static Words {
    locale.pick(&ES, &EN)
}

impl Words {
    /// "Hace falta para el paso 3."
    fn needed_by(&self, n: u32) -> String {
        fill(self.needed_by_template(), &[("n", &n.to_string())])
    }
}

/// The text report's words with their keys (`report.ladder`) and Spanish, for a translation
/// into another language.
pub fn shell_texts() -> Vec<SourceText> {
    translation::table_texts(ES.prefix(), ES.fixed_texts(), ES.notes())
}

/// A label that starts a line ("Internet diario") as it reads inside a sentence ("consiga
/// internet diario"): its first letter in lower case, unless the second is in upper case too
/// (an acronym: "NIT", "RUEX").
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(label[first.len_utf8()..].chars())
            .collect(),
        _ => label.to_string(),
    }
}

fn bar(score: u32) -> String {
    let full = (score as usize + 5) / 10;
    format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
}

/// A report as a readable summary: what a consultant would leave with the owner.
pub fn report(r: &Report, pack: &Pack, out: &mut dyn Write) -> io::Result<()> {
    let w = words(r.locale);
    writeln!(
        out,
        "Umbral — {} {} ({})",
        pack.data.name.get(r.locale),
        r.pack.version,
        r.locale.code()
    )?;
    let stage = r.stage.map_or(w.none(), |s| r.pathway_label(s));
    writeln!(
        out,
        "{}: {}/100    {}: {}",
        w.readiness(),
        r.readiness,
        w.stage(),
        stage
    )?;
    let uses: Vec<&str> = r
        .pathways
        .iter()
        .filter(|p| p.in_use)
        .map(|p| p.label)
        .collect();
    if !uses.is_empty() {
        writeln!(out, "{}: {}", w.uses(), uses.join(", "))?;
    }

    // The short result first, as the app shows it; the rest below is its "Ver todo".
    let brief = r.brief();
    let bw = brief_words(r.locale);
    writeln!(out, "\n{}:", bw.heading())?;
    writeln!(out, "  {}", brief.standing)?;
    writeln!(out, "  {}: {}", bw.holds_back(), brief.holds_back)?;
    if !brief.steps.is_empty() {
        writeln!(out, "  {}:", bw.next_steps())?;
        for s in &brief.steps {
            let only_if = if s.conditional {
                format!(" ({})", bw.if_eligible())
            } else {
                String::new()
            };
            writeln!(out, "    {}. {} — {}{only_if}", s.step, s.name, s.cost)?;
        }
    }

    writeln!(out, "\n{}:", w.dimensions())?;
    for d in &r.dimensions {
        writeln!(out, "  {:<24} {} {:>3}", d.label, bar(d.score), d.score)?;
    }

    writeln!(out, "\n{}:", w.ladder())?;
    let mut beside = false;
    for p in &r.pathways {
        if !p.ladder && !beside {
            writeln!(out, "  {}:", w.beside())?;
            beside = true;
        }
        let mark = if p.reached { "✓" } else { "✗" };
        let mut line = format!("  {mark} {}", p.label);
        if p.in_use {
            line.push_str(&format!(" ({})", w.in_use()));
        }
        let known: Vec<&str> = p
            .missing
            .iter()
            .copied()
            .filter(|id| {
                r.requirement(id)
                    .is_some_and(|q| q.status == Status::Missing)
            })
            .collect();
        if !known.is_empty() {
            line.push_str(&format!(
                " — {}: {}",
                w.missing(),
                r.requirement_labels(&known)
            ));
        } else if !p.missing.is_empty() {
            line.push_str(&format!(" — {}", w.not_assessed()));
        } else if !p.reached {
            line.push_str(&format!(" — {}", w.below_first()));
        }
        writeln!(out, "{line}")?;
    }

    // What is missing, each need once: those the plan works on, and the next rung's (open
    // questions are listed at the end instead).
    let next = r.next_unlock.as_ref().map(|u| u.pathway);
    let needs: Vec<_> = r
        .requirements
        .iter()
        .filter(|q| q.status == Status::Missing)
        .filter(|q| r.pathways.iter().any(|p| p.missing.contains(&q.id)))
        .filter(|q| {
            !q.steps.is_empty()
                || r.blockers.contains(&q.id)
                || next
                    .and_then(|n| r.pathway(n))
                    .is_some_and(|p| p.missing.contains(&q.id))
        })
        .collect();
    if !needs.is_empty() {
        writeln!(out, "\n{}:", w.needs())?;
        for q in needs {
            let mut line = format!("  - {}: {}", q.label, q.text.unwrap_or_default());
            if !q.steps.is_empty() {
                line.push_str(&format!(" → {}", step_numbers(&q.steps, w)));
            }
            writeln!(out, "{line}")?;
        }
    }

    for (phase, heading) in [
        (Phase::Now, w.now()),
        (Phase::Parallel, w.parallel()),
        (Phase::Later, w.later()),
    ] {
        let steps: Vec<&Step> = r.steps.iter().filter(|s| s.phase == phase).collect();
        if steps.is_empty() {
            continue;
        }
        writeln!(out, "\n{heading}:")?;
        for step in steps {
            write_step(r, step, w, out)?;
        }
    }

    if !r.when_affordable.is_empty() {
        writeln!(out, "\n{}:", w.when_affordable())?;
        for a in &r.when_affordable {
            writeln!(out, "  - {} — {}", a.name, a.cost.short(r.locale))?;
            writeln!(out, "      {}", a.reason.text)?;
        }
    }
    if !r.left_out.is_empty() {
        writeln!(out, "\n{}:", w.left_out())?;
        for l in &r.left_out {
            writeln!(out, "  - {}: {}", l.name, l.reason.text)?;
        }
    }
    if let Some(u) = &r.next_unlock {
        let mut line = format!(
            "\n{} «{}»: {} {}",
            w.unlock(),
            r.pathway_label(u.pathway),
            w.get(),
            u.gets
                .iter()
                .map(|id| in_sentence(r.requirement_label(id)))
                .collect::<Vec<_>>()
                .join(" · ")
        );
        if !u.steps.is_empty() {
            line.push_str(&format!(" — {}", step_numbers(&u.steps, w)));
        }
        writeln!(out, "{line}.")?;
    }
    if !r.unanswered.is_empty() {
        writeln!(out, "\n{}:", w.unanswered())?;
        for path in &r.unanswered {
            writeln!(out, "  - {}", pack.field_label(path, r.locale))?;
        }
    }
    Ok(())
}

/// Plan steps by number: "paso 3", "pasos 1, 2".
fn step_numbers(steps: &[u32], w: &Words) -> String {
    let numbers: Vec<String> = steps.iter().map(u32::to_string).collect();
    let word = if steps.len() == 1 {
        w.step()
    } else {
        w.steps()
    };
    format!("{word} {}", numbers.join(", "))
}

fn write_step(r: &Report, step: &Step, w: &Words, out: &mut dyn Write) -> io::Result<()> {
    for (i, o) in step.options.iter().enumerate() {
        let lead = if i == 0 {
            format!("  {:>2}. ", step.step)
        } else {
            format!("      {}: ", w.or())
        };
        let mut line = format!("{lead}{} — {}", o.name, o.cost.short(r.locale));
        line.push_str(&format!(" — {} {}", w.checked(), o.checked));
        writeln!(out, "{line}")?;
        let indent = if i == 0 { "      " } else { "        " };
        if let Some(e) = o.eligibility {
            let lead = if o.conditional {
                w.only_if()
            } else {
                w.for_whom()
            };
            writeln!(out, "{indent}{lead} {e}")?;
        }
        if i == 0 {
            writeln!(out, "{indent}{}", o.summary)?;
        }
        if let Some(note) = o.cost.note {
            writeln!(out, "{indent}{note}")?;
        }
        if let Some(url) = o.url {
            writeln!(out, "{indent}{url}")?;
        }
    }
    let gives = match step.opens {
        Some(p) => format!("{} «{}»", w.starts(), r.pathway_label(p)),
        None => {
            let gives = r.step_gives(step);
            let needs = r.requirement_labels(&gives.needs);
            match gives.for_step {
                Some(n) => format!("{needs}. {}", w.needed_by(n)),
                None => format!(
                    "{needs} ({} «{}»)",
                    w.for_pathway(),
                    r.pathway_label(step.pathway)
                ),
            }
        }
    };
    writeln!(out, "      {}: {gives}", w.gives())?;
    if !step.after.is_empty() {
        let after = if step.after.len() == 1 {
            w.after_one()
        } else {
            w.after_many()
        };
        writeln!(out, "      ({after} {})", step_numbers(&step.after, w))?;
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
        let kind = e.kind.code();
        let cost = e.cost_short(currency, locale);
        writeln!(out, "\n{} [{kind}] {}", e.id, e.name.get(locale))?;
        writeln!(out, "  {}", e.summary.get(locale))?;
        writeln!(out, "  {cost} — {} {}", w.checked(), e.checked)?;
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

#[cfg(test)]
mod tests {
    use super::in_sentence;

    #[test]
    fn a_label_reads_inside_a_sentence_and_an_acronym_stays() {
        assert_eq!(in_sentence("Internet diario"), "internet diario");
        assert_eq!(in_sentence("Él y ella"), "él y ella");
        assert_eq!(in_sentence("NIT"), "NIT");
        assert_eq!(in_sentence("RUEX del país"), "RUEX del país");
        assert_eq!(in_sentence("X"), "X");
        assert_eq!(in_sentence(""), "");
        assert_eq!(in_sentence("ya en minúscula"), "ya en minúscula");
    }
}
