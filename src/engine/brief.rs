//! The short result: what an owner who reads little needs first, in about 80 words. Where the
//! business stands on the ladder, the one thing that holds it back most, and the next three
//! steps with what each costs. Everything else in the report stays behind "Ver todo".
//!
//! Derived from a [`Report`], never stored in it: the report's JSON format stays as published,
//! and the app, the workspace and the command line word the short result the same way.

use super::report::Report;
use super::Locale;

/// How many steps the short result names.
pub const BRIEF_STEPS: usize = 3;

/// The short result of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief<'r> {
    /// Where the business stands, in one or two sentences.
    pub standing: String,
    /// What holds it back most: the missing text of the next rung's first unmet need, or a
    /// sentence saying nothing known does.
    pub holds_back: String,
    /// The plan's first steps, in its order (at most [`BRIEF_STEPS`]).
    pub steps: Vec<BriefStep<'r>>,
}

/// One step of the short result: the way to try first, and its cost in a few words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefStep<'r> {
    /// The step's number in the whole plan.
    pub step: u32,
    pub name: &'r str,
    pub cost: String,
    /// Whether the business may not qualify: the step's own text says for whom it is.
    pub conditional: bool,
}

impl<'p> Report<'p> {
    /// The short result (see the module's documentation).
    ///
    /// The need shown is the one of the next rung's that the plan works on first (so the steps
    /// shown answer it), else the first in the pack's order, which lists a rung's needs from
    /// the most basic (a device before internet before skills); the steps are the plan's first
    /// three, so they match the numbers of the whole plan.
    pub fn brief(&self) -> Brief<'p> {
        let es = self.locale == Locale::Es;
        let ladder = || self.pathways.iter().filter(|p| p.ladder);
        let next_rung = ladder().find(|p| !p.reached);
        let next = next_rung.map(|p| p.label);
        let stage = self.stage.map(|id| self.pathway_label(id));
        let mut standing = match (stage, next, es) {
            // Already selling on the next rung without all it needs (social selling without
            // product photos): say so, rather than as if it were still ahead.
            (Some(s), Some(n), true) if next_rung.is_some_and(|p| p.in_use) => format!(
                "Su negocio está listo para «{s}». Ya usa «{n}», pero le falta algo para hacerlo bien."
            ),
            (Some(s), Some(n), false) if next_rung.is_some_and(|p| p.in_use) => format!(
                "Your business is ready for “{s}”. It already uses “{n}”, but lacks something to do it well."
            ),
            (Some(s), Some(n), true) => {
                format!("Su negocio está listo para «{s}». Después viene «{n}».")
            }
            (Some(s), Some(n), false) => {
                format!("Your business is ready for “{s}”. Next comes “{n}”.")
            }
            (Some(s), None, true) => {
                format!("Su negocio está listo para «{s}», el escalón más alto.")
            }
            (Some(s), None, false) => {
                format!("Your business is ready for “{s}”, the top rung.")
            }
            (None, Some(n), true) => {
                format!("Su negocio todavía no está listo para «{n}».")
            }
            (None, Some(n), false) => {
                format!("Your business is not ready for “{n}” yet.")
            }
            (None, None, true) => "Este paquete no tiene escalera de formas de vender.".into(),
            (None, None, false) => "This pack has no ladder of ways to sell.".into(),
        };
        // A route beside the ladder (selling through others) that is open while the ladder
        // is not yet climbed is where such a business starts: say so.
        if let Some(route) = self.pathways.iter().find(|p| !p.ladder && p.reached) {
            if stage.is_none() {
                standing.push(' ');
                standing.push_str(&if es {
                    format!("Ya puede vender así: «{}».", route.label)
                } else {
                    format!("It can already sell another way: “{}”.", route.label)
                });
            }
        }
        // The need the plan works on first, so that the steps below answer it; the first in
        // the pack's order when no step does.
        let first_step = |id: &&str| {
            self.requirement(id)
                .and_then(|r| r.steps.iter().min().copied())
                .unwrap_or(u32::MAX)
        };
        let worst = self
            .blockers
            .iter()
            .enumerate()
            .min_by_key(|(i, id)| (first_step(id), *i))
            .map(|(_, id)| *id);
        let holds_back = match worst
            .and_then(|id| self.requirement(id))
            .and_then(|r| r.text)
        {
            Some(text) => text.to_string(),
            None if next.is_some() && !self.unanswered.is_empty() => if es {
                "Faltan algunas respuestas para saberlo."
            } else {
                "Some answers are missing to tell."
            }
            .into(),
            None => if es {
                "Nada frena a su negocio por ahora."
            } else {
                "Nothing holds your business back for now."
            }
            .into(),
        };
        let steps = self
            .steps
            .iter()
            .take(BRIEF_STEPS)
            .map(|s| BriefStep {
                step: s.step,
                name: s.options[0].name,
                cost: s.options[0].cost.short(self.locale),
                conditional: s.options[0].conditional,
            })
            .collect();
        Brief {
            standing,
            holds_back,
            steps,
        }
    }
}

/// The short result's headings, shared by every shell that shows it.
pub struct BriefWords {
    pub heading: &'static str,
    pub holds_back: &'static str,
    pub next_steps: &'static str,
    /// The button that shows (and hides) the rest of the results.
    pub see_all: &'static str,
    /// Beside a step the business may not qualify for.
    pub if_eligible: &'static str,
}

/// The short result's headings in `locale`.
pub fn brief_words(locale: Locale) -> &'static BriefWords {
    match locale {
        Locale::Es => &BriefWords {
            heading: "En pocas palabras",
            holds_back: "Lo que más frena a su negocio",
            next_steps: "Sus próximos pasos",
            see_all: "Ver todo",
            if_eligible: "si es su caso",
        },
        Locale::En => &BriefWords {
            heading: "In a few words",
            holds_back: "What holds your business back most",
            next_steps: "Your next steps",
            see_all: "See everything",
            if_eligible: "if it is your case",
        },
    }
}
