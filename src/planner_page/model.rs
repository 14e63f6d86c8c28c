//! The planner page's state as one reducer. Everything from outside comes in as an action: the
//! packs fetched, each file's results once read and scored (`super::import`), the progress of
//! a long import, and what the user chose. No clock, no I/O, no browser here (built natively
//! too, for its tests); the page's effects (`super::effects`) do those and dispatch.
//!
//! Filters, requirement scenarios and the language only re-count the kept assessments
//! ([`Model::figures`]); nothing is scored again.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::engine::pack::OptionValue;
use crate::engine::{Locale, Pack};
use crate::planner::{self, Figures, Filter, Requirement, Summary};

use super::import::{FileResult, Imported, Item};

/// What the page is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Busy {
    Idle,
    /// Files were chosen; their packs are being fetched.
    Packs,
    /// Reading a file: its name, and how many of its records so far.
    Reading(String, usize),
}

/// One of the filter's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterPart {
    Region,
    Locality,
    Sector,
    /// A cohort tag: `programme`, `institution`, `term` or `team`.
    Tag(&'static str),
}

/// A question the scenario builder offers: its field, its text and the levels to choose from
/// (value, label).
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub field: String,
    pub text: String,
    pub levels: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub locale: Locale,
    /// Packs fetched for the page by id (the Mexican one names the filters' and the scenario
    /// builder's choices), or why one could not be.
    pub packs: BTreeMap<String, Result<Rc<Pack>, String>>,
    /// Each imported file's line in the list, in the order read.
    pub files: Vec<FileResult>,
    /// The assessments kept, one slice per imported file (so a new file clones no old one).
    pub items: Vec<Rc<[Item]>>,
    /// Bumped whenever the assessments change, so the figures are counted again.
    pub version: u32,
    pub busy: Busy,
    pub filter: Filter,
    pub requirements: Vec<Requirement>,
    /// The scenario builder's choice: a field path and a level value ("" until chosen).
    pub choice_field: String,
    pub choice_level: String,
    /// What the programme could supply ("¿Y si el programa diera…?"): catalogue entry ids, in
    /// id order so that the page and `umbral batch --supply` list them alike.
    pub supply: Vec<String>,
}

/// A catalogue entry the supply question offers: its id, its name and its cost in a few words.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub cost: String,
}

pub enum Action {
    SwitchLanguage,
    /// A pack fetched, by id, or why it could not be.
    PackLoaded(String, Result<Rc<Pack>, String>),
    /// Files were chosen: the page reads them now.
    ImportStarted,
    /// How far the import got: the file being read, and its records so far.
    Reading(String, usize),
    /// Every chosen file read and scored, in the order chosen: the import is over.
    Imported(Vec<Imported>),
    /// Every file removed.
    Clear,
    Filter(FilterPart, Option<String>),
    /// The scenario builder's question (its level goes back to the first).
    ChooseField(String),
    ChooseLevel(String),
    /// Adds the chosen question at the chosen level as a requirement (once).
    AddScenario,
    RemoveScenario(usize),
    /// Supplies the catalogue entry with this id, or stops supplying it.
    ToggleSupply(String),
}

impl Model {
    pub fn new(locale: Locale) -> Model {
        Model {
            locale,
            packs: BTreeMap::new(),
            files: Vec::new(),
            items: Vec::new(),
            version: 0,
            busy: Busy::Idle,
            filter: Filter::default(),
            requirements: Vec::new(),
            choice_field: String::new(),
            choice_level: String::new(),
            supply: Vec::new(),
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::SwitchLanguage => self.locale = self.locale.other(),
            Action::PackLoaded(id, pack) => {
                self.packs.insert(id, pack);
            }
            Action::ImportStarted => self.busy = Busy::Packs,
            Action::Reading(name, n) => self.busy = Busy::Reading(name, n),
            Action::Imported(files) => {
                for file in files {
                    self.files.push(file.result);
                    if !file.items.is_empty() {
                        self.items.push(file.items.into());
                    }
                }
                self.version += 1;
                self.busy = Busy::Idle;
            }
            Action::Clear => {
                self.items.clear();
                self.files.clear();
                self.version += 1;
            }
            Action::Filter(part, value) => match part {
                FilterPart::Region => self.filter.region = value,
                FilterPart::Locality => self.filter.locality = value,
                FilterPart::Sector => self.filter.sector = value,
                FilterPart::Tag(tag) => self.filter.cohort.set(tag, value),
            },
            Action::ChooseField(field) => {
                self.choice_field = field;
                self.choice_level.clear();
            }
            Action::ChooseLevel(level) => self.choice_level = level,
            Action::AddScenario => self.add_scenario(),
            Action::RemoveScenario(i) => {
                if i < self.requirements.len() {
                    self.requirements.remove(i);
                }
            }
            Action::ToggleSupply(id) => match self.supply.binary_search(&id) {
                Ok(i) => {
                    self.supply.remove(i);
                }
                Err(i) => self.supply.insert(i, id),
            },
        }
    }

    fn add_scenario(&mut self) {
        let (Some(choice), Some(value)) = (self.chosen(), self.level()) else {
            return;
        };
        let Some(text) = planner::at_least(&choice.field, &value) else {
            return;
        };
        let Ok(requirement) = Requirement::parse(&text) else {
            return;
        };
        if self.requirements.iter().any(|r| r.text == requirement.text) {
            return;
        }
        self.requirements.push(requirement);
    }

    /// How many enterprises are kept, before any filter.
    pub fn total(&self) -> usize {
        self.items.iter().map(|file| file.len()).sum()
    }

    /// The figures of the kept assessments under `filter`, with a scenario per requirement,
    /// in the page's language.
    pub fn summary(
        &self,
        filter: Filter,
        requirements: Vec<Requirement>,
        supply: Vec<String>,
    ) -> Figures {
        let mut summary = Summary::new(self.locale, filter, requirements).with_supply(supply);
        for (pack, assessment) in self.items.iter().flat_map(|file| file.iter()) {
            summary.add(pack, assessment);
        }
        summary.figures()
    }

    /// The figures the page shows and the CSV it offers: under the filter, with the scenarios
    /// and the supply.
    pub fn figures(&self) -> Figures {
        self.summary(
            self.filter.clone(),
            self.requirements.clone(),
            self.supply.clone(),
        )
    }

    /// Every enterprise, unfiltered: the filter lists come from it.
    pub fn everything(&self) -> Figures {
        self.summary(Filter::default(), Vec::new(), Vec::new())
    }

    /// The catalogue entries the supply question offers: every entry of the cohort's packs
    /// that meets a need, those meeting a need that blocks some of its enterprises
    /// (`everything`'s blockers) first; each once, in the packs' order within each group.
    pub fn offers(&self, everything: &Figures) -> Vec<Offer> {
        let mut blocking: Vec<&str> = everything.blockers.iter().map(|b| b.key.as_str()).collect();
        for g in everything.regions.iter().chain(&everything.localities) {
            blocking.extend(g.blockers.iter().map(|b| b.key.as_str()));
        }
        let mut offers: Vec<(bool, Offer)> = Vec::new();
        let mut seen_packs: Vec<&str> = Vec::new();
        for (pack, _) in self.items.iter().flat_map(|file| file.iter()) {
            if seen_packs.contains(&pack.data.id.as_str()) {
                continue;
            }
            seen_packs.push(&pack.data.id);
            let currency = pack.data.currency.as_deref().unwrap_or("");
            for e in &pack.data.entries {
                if e.addresses.is_empty() || offers.iter().any(|(_, o)| o.id == e.id) {
                    continue;
                }
                let blocks = e.addresses.iter().any(|r| blocking.contains(&r.as_str()));
                offers.push((
                    !blocks,
                    Offer {
                        id: e.id.clone(),
                        name: e.name.get(self.locale).to_string(),
                        cost: e.cost_short(currency, self.locale),
                    },
                ));
            }
        }
        // Stable: the packs' order stays within each group.
        offers.sort_by_key(|(later, _)| *later);
        offers.into_iter().map(|(_, o)| o).collect()
    }

    /// The Mexican pack, once fetched: its questions name the filters' and the scenario
    /// builder's choices.
    pub fn mexico(&self) -> Option<&Rc<Pack>> {
        self.packs.get("mx").and_then(|p| p.as_ref().ok())
    }

    /// The options of one of the Mexican pack's questions with text values (value, label).
    pub fn options(&self, field: &str) -> Vec<(String, String)> {
        self.mexico()
            .iter()
            .flat_map(|p| p.data.questions.iter())
            .filter(|q| q.field == field)
            .flat_map(|q| q.options.iter())
            .filter_map(|o| match &o.value {
                OptionValue::Text(v) => Some((v.clone(), o.label.get(self.locale).to_string())),
                _ => None,
            })
            .collect()
    }

    /// The regions to filter by: those of the enterprises kept.
    /// The values of cohort tag `tag` among the kept assessments (from hand-off files), each
    /// once as the filter compares them: the choices of its filter (none when no file had the
    /// tag).
    pub fn tag_values(&self, tag: &str) -> Vec<(String, String)> {
        let kept = self.items.iter().flat_map(|slice| slice.iter());
        crate::workspace::distinct_tags(kept.filter_map(|(_, a)| a.tag(tag)))
            .into_iter()
            .map(|v| (v.clone(), v))
            .collect()
    }

    pub fn regions(everything: &Figures) -> Vec<(String, String)> {
        everything
            .regions
            .iter()
            .filter(|g| g.key != planner::UNANSWERED)
            .map(|g| (g.key.clone(), g.label.clone()))
            .collect()
    }

    /// The questions the scenario builder offers.
    pub fn choices(&self) -> Vec<Choice> {
        self.mexico()
            .map(|p| scenario_choices(p, self.locale))
            .unwrap_or_default()
    }

    /// The scenario builder's question: the chosen one, or the first until one is chosen.
    pub fn chosen(&self) -> Option<Choice> {
        let choices = self.choices();
        let index = choices
            .iter()
            .position(|c| c.field == self.choice_field)
            .unwrap_or(0);
        choices.into_iter().nth(index)
    }

    /// The scenario builder's level: the chosen one, or the question's first.
    pub fn level(&self) -> Option<String> {
        let chosen = self.chosen()?;
        chosen
            .levels
            .iter()
            .find(|(v, _)| *v == self.choice_level)
            .or(chosen.levels.first())
            .map(|(v, _)| v.clone())
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.update(action);
        Rc::new(next)
    }
}

/// Questions whose answers have an order, so "at least" means something.
fn scenario_choices(pack: &Pack, locale: Locale) -> Vec<Choice> {
    pack.data
        .questions
        .iter()
        .filter_map(|q| {
            let levels: Vec<(String, String)> = q
                .options
                .iter()
                .filter_map(|o| {
                    let value = match &o.value {
                        OptionValue::Text(s) => s.clone(),
                        OptionValue::Int(n) => n.to_string(),
                        OptionValue::Bool(b) => b.to_string(),
                        OptionValue::Num(_) => return None,
                    };
                    planner::at_least(&q.field, &value)?;
                    Some((value, o.label.get(locale).to_string()))
                })
                .collect();
            (!levels.is_empty() && q.field.split('.').count() > 1).then(|| Choice {
                field: q.field.clone(),
                text: q.text.get(locale).to_string(),
                levels,
            })
        })
        .collect()
}
