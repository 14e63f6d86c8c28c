//! The short result: what an owner who reads little needs first, in about 80 words. Where the
//! business stands on the ladder, the one thing that holds it back most, and the next three
//! steps with what each costs. Everything else in the report stays behind "Ver todo".
//!
//! Derived from a [`Report`], never stored in it: the report's JSON format stays as published,
//! and the app, the workspace and the command line word the short result the same way.

use super::report::Report;
use super::words::{fill, texts_static, texts_table};
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
        let w = brief_words(self.locale);
        let ladder = || self.pathways.iter().filter(|p| p.ladder);
        let next_rung = ladder().find(|p| !p.reached);
        let next = next_rung.map(|p| p.label);
        let stage = self.stage.map(|id| self.pathway_label(id));
        let mut standing = match (stage, next) {
            // Already selling on the next rung without all it needs (social selling without
            // product photos): say so, rather than as if it were still ahead.
            (Some(s), Some(n)) if next_rung.is_some_and(|p| p.in_use) => {
                fill(w.standing_in_use(), &[("stage", s), ("next", n)])
            }
            (Some(s), Some(n)) => fill(w.standing_next(), &[("stage", s), ("next", n)]),
            (Some(s), None) => fill(w.standing_top(), &[("stage", s)]),
            (None, Some(n)) => fill(w.standing_not_yet(), &[("next", n)]),
            (None, None) => w.standing_no_ladder().into(),
        };
        // A route beside the ladder (selling through others) that is open while the ladder
        // is not yet climbed is where such a business starts: say so.
        if let Some(route) = self.pathways.iter().find(|p| !p.ladder && p.reached) {
            if stage.is_none() {
                standing.push(' ');
                standing.push_str(&fill(w.other_route(), &[("route", route.label)]));
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
            None if next.is_some() && !self.unanswered.is_empty() => {
                w.holds_back_unanswered().into()
            }
            None => w.holds_back_nothing().into(),
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

texts_table! {
    /// The short result's words, shared by every shell that shows it: its headings, and its
    /// sentences, templates that name their values in braces.
    pub struct BriefWords from BriefSource as "brief" {
        ;
        /// The heading of the short result at the top of the results.
        heading,
        /// The heading over the one thing that holds the business back most.
        holds_back,
        /// The heading over the next three steps, with their cost.
        next_steps,
        /// The button that shows (and hides) the rest of the results.
        see_all,
        /// Beside a step the business may not qualify for.
        if_eligible,
        /// Ready for one rung, already selling on the next without all it needs.
        standing_in_use,
        /// Ready for one rung, the next ahead.
        standing_next,
        /// Ready for the top rung.
        standing_top,
        /// Not ready for the first rung.
        standing_not_yet,
        /// When the pack has no ladder (a pack being written).
        standing_no_ladder,
        /// Open beside the ladder: "Ya puede vender así: «Vender a través de otros»."
        other_route,
        /// Nothing known holds the business back, but answers are missing.
        holds_back_unanswered,
        /// When nothing known holds the business back.
        holds_back_nothing,
    }
}

/// The short result's words in `locale`.
pub fn brief_words(locale: Locale) -> &'static BriefWords {
    locale.pick(&BRIEF_ES, &BRIEF_EN)
}

texts_static! {
    pub static BRIEF_ES: BriefWords from BriefSource {
        ;
        heading: "En pocas palabras",
        holds_back: "Lo que más frena a su negocio",
        next_steps: "Sus próximos pasos",
        see_all: "Ver todo",
        if_eligible: "si es su caso",
        standing_in_use: "Su negocio está listo para «{stage}». Ya usa «{next}», pero le falta \
                          algo para hacerlo bien.",
        standing_next: "Su negocio está listo para «{stage}». Después viene «{next}».",
        standing_top: "Su negocio está listo para «{stage}», el escalón más alto.",
        standing_not_yet: "Su negocio todavía no está listo para «{next}».",
        standing_no_ladder: "Este paquete no tiene escalera de formas de vender.",
        other_route: "Ya puede vender así: «{route}».",
        holds_back_unanswered: "Faltan algunas respuestas para saberlo.",
        holds_back_nothing: "Nada frena a su negocio por ahora.",
    }
}

texts_static! {
    pub static BRIEF_EN: BriefWords from BriefSource {
        ;
        heading: "In a few words",
        holds_back: "What holds your business back most",
        next_steps: "Your next steps",
        see_all: "See everything",
        if_eligible: "if it is your case",
        standing_in_use: "Your business is ready for “{stage}”. It already uses “{next}”, but \
                          lacks something to do it well.",
        standing_next: "Your business is ready for “{stage}”. Next comes “{next}”.",
        standing_top: "Your business is ready for “{stage}”, the top rung.",
        standing_not_yet: "Your business is not ready for “{next}” yet.",
        standing_no_ladder: "This pack has no ladder of ways to sell.",
        other_route: "It can already sell another way: “{route}”.",
        holds_back_unanswered: "Some answers are missing to tell.",
        holds_back_nothing: "Nothing holds your business back for now.",
    }
}
