//! The planner's view of many assessments: how many enterprises, at which stage, how they
//! score on each dimension, which blockers are most common (overall, by region and by
//! locality), and what a programme requirement would exclude.
//!
//! Pure like the engine: profiles and reports in, figures out. `umbral batch --summary` and
//! the planner page (`/planner/`) both feed [`Summary::add`] and print [`Summary::figures`], so
//! the same input and filters give string-equal figures: counts are integers, and every
//! average and percentage is one decimal rounded half up by integer arithmetic ([`average`],
//! [`percent`]), never through floating point. The CSV columns are a public contract,
//! documented in `www/spec/summary.md`.
//!
//! [`records`] reads files of profiles (JSON Lines and CSV) for both shells; [`before_after`]
//! compares each enterprise's first and latest visit when they come in hand-off files.

pub mod before_after;
pub mod records;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value as Json;

use crate::engine::condition::{self, Expr, Truth};
use crate::engine::pack::OptionValue;
use crate::engine::profile::{core_field, core_fields, FieldKind, Value};
use crate::engine::words::{texts_static, texts_table};
use crate::engine::{self, fill, Locale, Pack, Profile, Report};
use crate::workspace::{CohortFilter, TAG_FIELDS};

/// The header of the summary CSV; `www/spec/summary.md` documents each column.
pub const CSV_COLUMNS: [&str; 11] = [
    "section",
    "condition",
    "scope",
    "group",
    "group_label",
    "key",
    "label",
    "count",
    "base",
    "percent",
    "average",
];

/// The key of a group whose region or locality was not answered, and of "no stage yet".
pub const UNANSWERED: &str = "unanswered";
/// The stage key of enterprises that have reached no stage yet.
pub const NO_STAGE: &str = "none";

/// `count` out of `base` as a percentage with one decimal, rounded half up (`"12.5"`); empty
/// when `base` is zero.
pub fn percent(count: u64, base: u64) -> String {
    if base == 0 {
        return String::new();
    }
    tenths(u128::from(count) * 1000, u128::from(base))
}

/// `sum / count` with one decimal, rounded half up (`"42.3"`); empty when `count` is zero.
pub fn average(sum: u64, count: u64) -> String {
    if count == 0 {
        return String::new();
    }
    tenths(u128::from(sum) * 10, u128::from(count))
}

/// `n / d` (both already scaled by ten) rounded half up, written with one decimal.
fn tenths(n: u128, d: u128) -> String {
    let t = (2 * n + d) / (2 * d);
    format!("{}.{}", t / 10, t % 10)
}

/// Which enterprises to count: each filter that is set must match the profile's answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A region code (`MX-OAX`).
    pub region: Option<String>,
    /// A locality value (`urban`, `suburban`, `rural`, `remote`).
    pub locality: Option<String>,
    /// A sector value (`food`, `crafts`, ...).
    pub sector: Option<String>,
    /// The cohort tags an enterprise must have (programme, institution, term, team): only
    /// enterprises from hand-off files have tags, so a tag filter keeps no other record.
    pub cohort: CohortFilter,
}

impl Filter {
    /// Checks the values against the profile format: a locality or sector that no profile can
    /// have is a mistake worth saying, not an empty summary.
    pub fn check(&self) -> Result<(), String> {
        if let Some(region) = &self.region {
            if !crate::engine::profile::is_region(region) {
                return Err(format!(
                    "'{region}' is not a region code; regions are ISO 3166-2 codes such as MX-OAX"
                ));
            }
        }
        for (path, value) in [("locality", &self.locality), ("sector", &self.sector)] {
            let (Some(value), Some(ix)) = (value, core_field(path)) else {
                continue;
            };
            if let FieldKind::Choice { values, .. } = &core_fields()[ix].kind {
                if !values.iter().any(|v| v == value) {
                    return Err(format!(
                        "unknown {path} '{value}'; expected one of: {}",
                        values.join(", ")
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether an assessment passes every filter that is set: its profile's answers and, for a
    /// cohort filter, its enterprise's tags.
    pub fn admits(&self, a: &Assessment) -> bool {
        self.matches(&a.profile)
            && (self.cohort.is_empty()
                || a.history
                    .as_ref()
                    .is_some_and(|h| self.cohort.keeps(|tag| h.followed.tag(tag))))
    }

    /// Whether the profile passes every filter on its answers that is set.
    pub fn matches(&self, profile: &Profile) -> bool {
        let ok = |path: &str, want: &Option<String>| match want {
            None => true,
            Some(w) => answer_key(profile, path).as_deref() == Some(w.as_str()),
        };
        ok("region", &self.region) && ok("locality", &self.locality) && ok("sector", &self.sector)
    }

    /// The cohort tag `tag`'s filter value, if set.
    pub fn cohort_tag(&self, tag: &str) -> Option<&str> {
        self.cohort.get(tag)
    }

    /// Each filter part in force or not: the answers', then the cohort tags'.
    fn parts(&self) -> impl Iterator<Item = (&'static str, Option<&str>)> {
        [
            ("region", self.region.as_deref()),
            ("locality", self.locality.as_deref()),
            ("sector", self.sector.as_deref()),
        ]
        .into_iter()
        .chain(TAG_FIELDS.iter().map(|t| (*t, self.cohort.get(t))))
    }
}

/// The answer to a region, locality or sector question as its value text.
fn answer_key(profile: &Profile, path: &str) -> Option<String> {
    let ix = core_field(path)?;
    match (profile.get(ix)?, &core_fields()[ix].kind) {
        (Value::Text(s), _) => Some(s.clone()),
        (Value::Choice(i), FieldKind::Choice { values, .. }) => values.get(*i as usize).cloned(),
        _ => None,
    }
}

/// A requirement a programme might set, in the condition language of rule packs
/// (`connectivity.internet >= mobile_data`), over the profile's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub text: String,
    expr: Expr,
}

impl Requirement {
    /// Parses and type-checks a condition; the error names what is wrong and where.
    pub fn parse(text: &str) -> Result<Requirement, String> {
        let text = text.trim();
        condition::parse(text, core_fields())
            .map(|expr| Requirement {
                text: text.to_string(),
                expr,
            })
            .map_err(|e| {
                let caret = format!(
                    "{}{}",
                    " ".repeat(text[..e.start.min(text.len())].chars().count()),
                    "^".repeat(
                        text[e.start.min(text.len())..e.end.min(text.len())]
                            .chars()
                            .count()
                            .max(1)
                    )
                );
                format!(
                    "invalid requirement '{text}': {} (at character {})\n  {text}\n  {caret}",
                    e.message,
                    e.start + 1
                )
            })
    }

    /// Whether the profile meets the requirement: `Unknown` when it depends on an unanswered
    /// question.
    pub fn eval(&self, profile: &Profile) -> Truth {
        self.expr.eval(profile.answers())
    }
}

/// The requirement "`field` at least `value`" for a question's field, as condition text:
/// `>=` for ordered choices and numbers, `has` for sets, the bare path for yes/no. `None` when
/// the field cannot be compared that way.
pub fn at_least(field: &str, value: &str) -> Option<String> {
    let ix = core_field(field)?;
    let text = match &core_fields()[ix].kind {
        FieldKind::Choice { ranks: Some(_), .. }
        | FieldKind::Integer { .. }
        | FieldKind::Number { .. } => format!("{field} >= {value}"),
        FieldKind::Set { .. } => format!("{field} has {value}"),
        FieldKind::Bool { .. } if value == "true" => field.to_string(),
        _ => return None,
    };
    Requirement::parse(&text).ok().map(|r| r.text)
}

/// Why a profile could not be scored.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreError {
    /// What is wrong with the profile (in both languages).
    Profile(engine::ProfileErrors),
    /// No pack for it, in the words of the shell that looked for one.
    Pack(String),
}

impl ScoreError {
    /// The problem in `locale` (`Display` is the English the command line prints).
    pub fn message(&self, locale: Locale) -> String {
        match self {
            ScoreError::Profile(e) => e.message(locale),
            ScoreError::Pack(why) => why.clone(),
        }
    }
}

impl std::fmt::Display for ScoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoreError::Profile(e) => write!(f, "{e}"),
            ScoreError::Pack(why) => f.write_str(why),
        }
    }
}

/// Decodes a profile, finds its pack with `pack_for`, checks the profile against it and scores
/// it: the same steps, and the same messages, in `umbral batch` and the planner page.
pub fn score<'p>(
    json: &Json,
    locale: Locale,
    pack_for: impl FnOnce(&Profile) -> Result<&'p Pack, String>,
) -> Result<(&'p Pack, Profile, Report<'p>), ScoreError> {
    let profile = Profile::from_value(json).map_err(ScoreError::Profile)?;
    score_profile(profile, locale, pack_for)
}

/// [`score`] for a profile already decoded.
pub fn score_profile<'p>(
    profile: Profile,
    locale: Locale,
    pack_for: impl FnOnce(&Profile) -> Result<&'p Pack, String>,
) -> Result<(&'p Pack, Profile, Report<'p>), ScoreError> {
    let pack = pack_for(&profile).map_err(ScoreError::Pack)?;
    engine::check_profile(pack, &profile).map_err(ScoreError::Profile)?;
    let report = engine::assess(pack, &profile, locale);
    Ok((pack, profile, report))
}

/// What a summary keeps of one assessment: the profile (filters and scenarios read it) and
/// the report's figures, by index into the pack that made it. Much smaller than a report, and
/// free of its language: the planner page keeps thousands and re-counts them when a filter or
/// the language changes, without scoring again.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub profile: Profile,
    readiness: u32,
    /// Index of the stage in the pack's pathways.
    stage: Option<usize>,
    /// Score of each of the pack's dimensions, in pack order.
    scores: Vec<u32>,
    /// Indexes of the blocking requirements in the pack's requirements.
    blockers: Vec<usize>,
    /// Indexes of the routes beside the ladder (selling through others) it has reached.
    routes: Vec<usize>,
    /// What its next steps cost (the plan's first three, as its short result names them; the
    /// first option of each): once and a month, in the pack's currency, and whether a figure
    /// is approximate.
    first_steps_cost: (f64, f64, bool),
    /// Its earlier visits, when it came in a hand-off file.
    history: Option<before_after::History>,
}

impl Assessment {
    /// The enterprise's cohort tag `tag` (`programme`, `institution`, `term`, `team`), when it
    /// came in a hand-off file with one.
    pub fn tag(&self, tag: &str) -> Option<&str> {
        self.history.as_ref()?.followed.tag(tag)
    }

    /// The assessment with the enterprise's history (from a hand-off file), for the
    /// summary's before and after.
    pub fn with_history(mut self, history: before_after::History) -> Assessment {
        self.history = Some(history);
        self
    }

    /// The parts of `report` (made with `pack` for `profile`) a summary counts.
    pub fn new(pack: &Pack, profile: Profile, report: &Report) -> Assessment {
        let scored = before_after::position_of(pack, report);
        Assessment {
            profile,
            readiness: scored.readiness,
            stage: scored.stage,
            scores: scored.scores,
            blockers: report
                .blockers
                .iter()
                .filter_map(|b| pack.requirement(b))
                .collect(),
            routes: report
                .pathways
                .iter()
                .filter(|p| !p.ladder && p.reached)
                .filter_map(|p| pack.data.pathways.iter().position(|x| x.id == p.id))
                .collect(),
            first_steps_cost: report
                .steps
                .iter()
                .take(engine::brief::BRIEF_STEPS)
                .map(|s| &s.options[0].cost)
                .fold((0.0, 0.0, false), |(once, month, approx), c| {
                    let n = |j: &Json| j.as_f64().unwrap_or(0.0);
                    // Paid per use or per sale: the total cannot be known, so it is approximate.
                    let unknown = c.approximate || c.per_use || n(&c.commission_pct) > 0.0;
                    (once + n(&c.setup), month + n(&c.monthly), approx || unknown)
                }),
            history: None,
        }
    }
}

/// A route beside the ladder: the enterprises that reached it, and among them those with no
/// stage (not online on their own).
#[derive(Debug, Clone)]
struct RouteCount {
    id: String,
    label: String,
    reached: u64,
    without_stage: u64,
}

#[derive(Debug, Clone, Default)]
struct Group {
    enterprises: u64,
    /// Enterprises blocked, by requirement id.
    blockers: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default)]
struct Tally {
    excluded: u64,
    unknown: u64,
    included: u64,
    /// Excluded enterprises by region and by locality.
    regions: BTreeMap<String, u64>,
    localities: BTreeMap<String, u64>,
}

/// Money added up in one currency: once, a month, and whether any figure is approximate (or
/// paid per use, whose total cannot be known).
#[derive(Debug, Clone, Copy, Default)]
struct Money {
    once: f64,
    monthly: f64,
    approximate: bool,
}

impl Money {
    fn add(&mut self, once: f64, monthly: f64, approximate: bool) {
        self.once += once;
        self.monthly += monthly;
        self.approximate |= approximate;
    }
}

/// What supplying the summary's catalogue entries would do.
#[derive(Debug, Clone, Default)]
struct SupplyTally {
    /// Enterprises that need at least one of the entries.
    reached: u64,
    /// Of them, those the entries take to a higher rung.
    moved: u64,
    /// The moved by the rung they reach, by pathway id; each rung's place and label.
    to: BTreeMap<String, u64>,
    rungs: BTreeMap<String, (usize, String)>,
    /// The moved by region and by locality.
    regions: BTreeMap<String, u64>,
    localities: BTreeMap<String, u64>,
    /// Enterprises that need each entry, by entry id; the entry's name.
    needed: BTreeMap<String, u64>,
    names: BTreeMap<String, String>,
    /// The entries some pack of the cohort has.
    found: std::collections::BTreeSet<String>,
    /// What supplying costs, and what every enterprise's first steps cost, by currency.
    costs: BTreeMap<String, Money>,
    first_steps: BTreeMap<String, Money>,
}

#[derive(Debug, Clone)]
struct Counted {
    id: String,
    label: String,
    count: u64,
    sum: u64,
}

/// Figures gathered from many assessments; add each with [`Summary::add`], read them with
/// [`Summary::figures`].
#[derive(Debug, Clone)]
pub struct Summary {
    locale: Locale,
    filter: Filter,
    requirements: Vec<Requirement>,
    readiness_sum: u64,
    /// "No stage yet" first, then each rung of the ladder in the order first seen.
    stages: Vec<Counted>,
    /// Each route beside the ladder, in the order first seen.
    routes: Vec<RouteCount>,
    dimensions: Vec<Counted>,
    all: Group,
    regions: BTreeMap<String, Group>,
    localities: BTreeMap<String, Group>,
    tallies: Vec<Tally>,
    /// What a programme could supply (catalogue entry ids), and what that would do.
    supply: Vec<String>,
    supplied: SupplyTally,
    /// Labels of requirements (what a blocker says), regions, localities and sectors, from
    /// the first report or pack that names them.
    labels: BTreeMap<(u8, String), String>,
    packs_seen: Vec<String>,
    before_after: before_after::Tally,
}

const LABEL_REQUIREMENT: u8 = 0;
const LABEL_REGION: u8 = 1;
const LABEL_LOCALITY: u8 = 2;
const LABEL_SECTOR: u8 = 3;

impl Summary {
    /// An empty summary counting the enterprises that pass `filter`, with a scenario for each
    /// requirement. Labels are in `locale`; add reports made in that locale.
    pub fn new(locale: Locale, filter: Filter, requirements: Vec<Requirement>) -> Summary {
        let tallies = vec![Tally::default(); requirements.len()];
        Summary {
            locale,
            filter,
            requirements,
            readiness_sum: 0,
            stages: vec![Counted {
                id: NO_STAGE.into(),
                label: words(locale).no_stage().into(),
                count: 0,
                sum: 0,
            }],
            routes: Vec::new(),
            dimensions: Vec::new(),
            all: Group::default(),
            regions: BTreeMap::new(),
            localities: BTreeMap::new(),
            tallies,
            supply: Vec::new(),
            supplied: SupplyTally::default(),
            labels: BTreeMap::new(),
            packs_seen: Vec::new(),
            before_after: before_after::Tally::default(),
        }
    }

    /// The summary with a "¿Y si el programa diera…?": what supplying the catalogue entries
    /// `ids` would do (see [`engine::supply`]), and what the cohort's first steps cost.
    /// The ids are trimmed, sorted and counted once, so the page and `umbral batch` list
    /// them alike, whatever order they were given in.
    pub fn with_supply(mut self, ids: Vec<String>) -> Summary {
        let mut ids: Vec<String> = ids
            .iter()
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .collect();
        ids.sort();
        ids.dedup();
        self.supply = ids;
        self
    }

    /// The filter the summary counts with.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The requirements of its scenarios.
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// Counts one assessment, made with `pack`. Returns false when the filter leaves it out.
    pub fn add(&mut self, pack: &Pack, a: &Assessment) -> bool {
        let profile = &a.profile;
        if !self.filter.admits(a) {
            return false;
        }
        self.learn_labels(pack);
        self.readiness_sum += u64::from(a.readiness);
        for p in &pack.data.pathways {
            let label = p.label.get(self.locale).to_string();
            if p.ladder && !self.stages.iter().any(|s| s.id == p.id) {
                self.stages.push(Counted {
                    id: p.id.clone(),
                    label,
                    count: 0,
                    sum: 0,
                });
            } else if !p.ladder && !self.routes.iter().any(|r| r.id == p.id) {
                self.routes.push(RouteCount {
                    id: p.id.clone(),
                    label,
                    reached: 0,
                    without_stage: 0,
                });
            }
        }
        for p in a.routes.iter().filter_map(|&i| pack.data.pathways.get(i)) {
            if let Some(r) = self.routes.iter_mut().find(|r| r.id == p.id) {
                r.reached += 1;
                if a.stage.is_none() {
                    r.without_stage += 1;
                }
            }
        }
        let stage = a
            .stage
            .and_then(|i| pack.data.pathways.get(i))
            .map_or(NO_STAGE, |p| p.id.as_str());
        if let Some(s) = self.stages.iter_mut().find(|s| s.id == stage) {
            s.count += 1;
        }
        for (d, &score) in pack.data.dimensions.iter().zip(&a.scores) {
            let i = match self.dimensions.iter().position(|x| x.id == d.id) {
                Some(i) => i,
                None => {
                    self.dimensions.push(Counted {
                        id: d.id.clone(),
                        label: d.label.get(self.locale).to_string(),
                        count: 0,
                        sum: 0,
                    });
                    self.dimensions.len() - 1
                }
            };
            self.dimensions[i].count += 1;
            self.dimensions[i].sum += u64::from(score);
        }
        let region = answer_key(profile, "region").unwrap_or_else(|| UNANSWERED.into());
        let locality = answer_key(profile, "locality").unwrap_or_else(|| UNANSWERED.into());
        let blockers: Vec<&str> = a
            .blockers
            .iter()
            .filter_map(|&r| pack.data.requirements.get(r))
            .map(|r| r.id.as_str())
            .collect();
        let count = |group: &mut Group| {
            group.enterprises += 1;
            for &b in &blockers {
                match group.blockers.get_mut(b) {
                    Some(n) => *n += 1,
                    None => {
                        group.blockers.insert(b.to_string(), 1);
                    }
                }
            }
        };
        count(&mut self.all);
        count(self.regions.entry(region.clone()).or_default());
        count(self.localities.entry(locality.clone()).or_default());
        if !self.supply.is_empty() {
            self.add_supply(pack, a, &region, &locality);
        }
        if let Some(history) = &a.history {
            self.before_after.add(
                pack,
                history,
                (a.stage, a.readiness, &a.scores),
                self.locale,
            );
        }
        for (req, tally) in self.requirements.iter().zip(&mut self.tallies) {
            match req.eval(profile) {
                Truth::True => tally.included += 1,
                Truth::Unknown => tally.unknown += 1,
                Truth::False => {
                    tally.excluded += 1;
                    *tally.regions.entry(region.clone()).or_default() += 1;
                    *tally.localities.entry(locality.clone()).or_default() += 1;
                }
            }
        }
        true
    }

    /// Counts what the supply would do for one assessment.
    fn add_supply(&mut self, pack: &Pack, a: &Assessment, region: &str, locality: &str) {
        let currency = pack.data.currency.clone().unwrap_or_default();
        let t = &mut self.supplied;
        let (once, month, approx) = a.first_steps_cost;
        let first = t.first_steps.entry(currency.clone()).or_default();
        first.add(once, month, approx);
        let entries: Vec<usize> = self
            .supply
            .iter()
            .filter_map(|id| pack.data.entries.iter().position(|e| &e.id == id))
            .collect();
        for &e in &entries {
            let entry = &pack.data.entries[e];
            t.found.insert(entry.id.clone());
            t.names
                .entry(entry.id.clone())
                .or_insert_with(|| entry.name.get(self.locale).to_string());
        }
        let s = engine::supply::supplied(pack, &a.profile, &entries);
        if s.needs.is_empty() {
            return;
        }
        t.reached += 1;
        for &e in &s.needs {
            let entry = &pack.data.entries[e];
            let n = t.needed.entry(entry.id.clone()).or_default();
            *n += 1;
            let cost = t.costs.entry(currency.clone()).or_default();
            cost.add(
                entry.setup,
                entry.monthly,
                entry.approximate || entry.per_use || entry.commission_pct > 0.0,
            );
        }
        let rung = |p: Option<usize>| p.and_then(|p| engine::Standing::rung(pack, p));
        // `None` (no rung) sorts before every rung.
        if rung(s.stage_after) > rung(s.stage_before) {
            t.moved += 1;
            let to = s.stage_after.map(|p| pack.data.pathways[p].id.clone());
            if let Some(to) = to {
                *t.to.entry(to.clone()).or_default() += 1;
                if let Some(p) = s.stage_after {
                    t.rungs.entry(to).or_insert_with(|| {
                        (
                            rung(Some(p)).unwrap_or(0),
                            pack.data.pathways[p].label.get(self.locale).to_string(),
                        )
                    });
                }
            }
            *t.regions.entry(region.to_string()).or_default() += 1;
            *t.localities.entry(locality.to_string()).or_default() += 1;
        }
    }

    /// Region, locality and sector names from the pack's questions, once per pack.
    fn learn_labels(&mut self, pack: &Pack) {
        if self.packs_seen.contains(&pack.data.id) {
            return;
        }
        self.packs_seen.push(pack.data.id.clone());
        for r in &pack.data.requirements {
            self.labels
                .entry((LABEL_REQUIREMENT, r.id.clone()))
                .or_insert_with(|| r.missing.get(self.locale).to_string());
        }
        for q in &pack.data.questions {
            let kind = match q.field.as_str() {
                "region" => LABEL_REGION,
                "locality" => LABEL_LOCALITY,
                "sector" => LABEL_SECTOR,
                _ => continue,
            };
            for o in &q.options {
                if let OptionValue::Text(value) = &o.value {
                    self.labels
                        .entry((kind, value.clone()))
                        .or_insert_with(|| o.label.get(self.locale).to_string());
                }
            }
        }
    }

    fn label(&self, kind: u8, key: &str) -> String {
        if key == UNANSWERED && kind != LABEL_REQUIREMENT {
            return words(self.locale).unanswered().to_string();
        }
        self.labels
            .get(&(kind, key.to_string()))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// The figures, ranked: what the CSV, the text, the JSON and the planner page show.
    pub fn figures(&self) -> Figures {
        let n = self.all.enterprises;
        let ranked_blockers = |group: &Group| -> Vec<Share> {
            let mut list: Vec<Share> = group
                .blockers
                .iter()
                .map(|(id, &count)| {
                    Share::new(
                        id,
                        self.label(LABEL_REQUIREMENT, id),
                        count,
                        group.enterprises,
                    )
                })
                .collect();
            rank(&mut list);
            list
        };
        let groups = |map: &BTreeMap<String, Group>, kind: u8| -> Vec<GroupView> {
            let mut out: Vec<GroupView> = map
                .iter()
                .map(|(key, g)| GroupView {
                    key: key.clone(),
                    label: self.label(kind, key),
                    enterprises: Share::new(key, self.label(kind, key), g.enterprises, n),
                    blockers: ranked_blockers(g),
                })
                .collect();
            out.sort_by_key(|g| group_order(kind, &g.key));
            out
        };
        let scenarios = self
            .requirements
            .iter()
            .zip(&self.tallies)
            .map(|(req, t)| {
                let spread = |map: &BTreeMap<String, u64>, kind: u8| {
                    let sizes = if kind == LABEL_REGION {
                        &self.regions
                    } else {
                        &self.localities
                    };
                    let mut list: Vec<Share> = map
                        .iter()
                        .map(|(k, &c)| {
                            let size = sizes.get(k).map_or(0, |g| g.enterprises);
                            Share::new(k, self.label(kind, k), c, size)
                        })
                        .collect();
                    rank(&mut list);
                    list
                };
                ScenarioView {
                    condition: req.text.clone(),
                    excluded: Share::new("excluded", String::new(), t.excluded, n),
                    unknown: Share::new("unknown", String::new(), t.unknown, n),
                    included: Share::new("included", String::new(), t.included, n),
                    regions: spread(&t.regions, LABEL_REGION),
                    localities: spread(&t.localities, LABEL_LOCALITY),
                }
            })
            .collect();
        Figures {
            enterprises: n,
            filter: self
                .filter
                .parts()
                .filter_map(|(scope, value)| {
                    let value = value?;
                    let kind = match scope {
                        "region" => LABEL_REGION,
                        "locality" => LABEL_LOCALITY,
                        "sector" => LABEL_SECTOR,
                        // A cohort tag is its own label.
                        _ => {
                            return Some(FilterView {
                                scope,
                                key: value.trim().to_string(),
                                label: value.trim().to_string(),
                            })
                        }
                    };
                    Some(FilterView {
                        scope,
                        key: value.to_string(),
                        label: self.label(kind, value),
                    })
                })
                .collect(),
            readiness: average(self.readiness_sum, n),
            stages: self
                .stages
                .iter()
                .map(|s| Share::new(&s.id, s.label.clone(), s.count, n))
                .collect(),
            routes: self
                .routes
                .iter()
                .map(|r| RouteView {
                    reached: Share::new(&r.id, r.label.clone(), r.reached, n),
                    without_stage: Share::new(
                        &r.id,
                        r.label.clone(),
                        r.without_stage,
                        self.stages[0].count,
                    ),
                })
                .collect(),
            dimensions: self
                .dimensions
                .iter()
                .map(|d| AverageView {
                    key: d.id.clone(),
                    label: d.label.clone(),
                    count: d.count,
                    average: average(d.sum, d.count),
                })
                .collect(),
            blockers: ranked_blockers(&self.all),
            regions: groups(&self.regions, LABEL_REGION),
            localities: groups(&self.localities, LABEL_LOCALITY),
            scenarios,
            supply: (!self.supply.is_empty()).then(|| self.supply_view()),
            before_after: {
                let stages: Vec<(&str, &str)> = self
                    .stages
                    .iter()
                    .map(|s| (s.id.as_str(), s.label.as_str()))
                    .collect();
                let dimensions: Vec<(&str, &str)> = self
                    .dimensions
                    .iter()
                    .map(|d| (d.id.as_str(), d.label.as_str()))
                    .collect();
                self.before_after.view(&stages, &dimensions)
            },
        }
    }

    fn supply_view(&self) -> SupplyView {
        let n = self.all.enterprises;
        let t = &self.supplied;
        let spread = |map: &BTreeMap<String, u64>, kind: u8| {
            let sizes = if kind == LABEL_REGION {
                &self.regions
            } else {
                &self.localities
            };
            let mut list: Vec<Share> = map
                .iter()
                .map(|(k, &c)| {
                    let size = sizes.get(k).map_or(0, |g| g.enterprises);
                    Share::new(k, self.label(kind, k), c, size)
                })
                .collect();
            rank(&mut list);
            list
        };
        let mut to: Vec<(&usize, Share)> =
            t.to.iter()
                .map(|(id, &c)| {
                    let (place, label) = &t.rungs[id];
                    (place, Share::new(id, label.clone(), c, n))
                })
                .collect();
        to.sort_by_key(|(place, _)| **place);
        SupplyView {
            supplied: self.supply.clone(),
            entries: self
                .supply
                .iter()
                .filter(|id| t.found.contains(*id))
                .map(|id| {
                    let name = t.names.get(id).cloned().unwrap_or_default();
                    Share::new(id, name, t.needed.get(id).copied().unwrap_or(0), n)
                })
                .collect(),
            unknown: self
                .supply
                .iter()
                .filter(|id| !t.found.contains(*id))
                .cloned()
                .collect(),
            reached: Share::new("reached", String::new(), t.reached, n),
            moved: Share::new("moved", String::new(), t.moved, n),
            to: to.into_iter().map(|(_, s)| s).collect(),
            regions: spread(&t.regions, LABEL_REGION),
            localities: spread(&t.localities, LABEL_LOCALITY),
            cost: t.costs.iter().map(|(c, m)| MoneyView::new(c, m)).collect(),
            first_steps: t
                .first_steps
                .iter()
                .map(|(c, m)| MoneyView::new(c, m))
                .collect(),
        }
    }
}

/// Most first; equal counts by key, so the order never depends on input order.
fn rank(list: &mut [Share]) {
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
}

/// Regions by code, localities in the profile format's order; "not answered" last.
fn group_order(kind: u8, key: &str) -> (bool, usize, String) {
    let position = if kind == LABEL_LOCALITY {
        core_field("locality")
            .and_then(|ix| match &core_fields()[ix].kind {
                FieldKind::Choice { values, .. } => values.iter().position(|v| v == key),
                _ => None,
            })
            .unwrap_or(usize::MAX)
    } else {
        0
    };
    (key == UNANSWERED, position, key.to_string())
}

/// A count out of a base, with its percentage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Share {
    pub key: String,
    pub label: String,
    pub count: u64,
    pub base: u64,
    /// `count / base` in percent, one decimal, rounded half up.
    pub percent: String,
}

impl Share {
    fn new(key: &str, label: String, count: u64, base: u64) -> Share {
        Share {
            key: key.to_string(),
            label,
            count,
            base,
            percent: percent(count, base),
        }
    }
}

/// A filter in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FilterView {
    pub scope: &'static str,
    pub key: String,
    pub label: String,
}

/// A dimension's mean score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AverageView {
    pub key: String,
    pub label: String,
    /// Reports that scored the dimension.
    pub count: u64,
    /// Mean score, one decimal, rounded half up.
    pub average: String,
}

/// One region or locality: its share of the enterprises and its blockers, most common first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupView {
    pub key: String,
    pub label: String,
    pub enterprises: Share,
    pub blockers: Vec<Share>,
}

/// What one requirement would do: excluded (the condition is false), unknown (it depends on
/// an unanswered question), included; and where the excluded are, most first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioView {
    pub condition: String,
    pub excluded: Share,
    pub unknown: Share,
    pub included: Share,
    /// Excluded enterprises by region, out of the region's enterprises; most excluded first.
    pub regions: Vec<Share>,
    /// Excluded enterprises by locality, out of the locality's enterprises; most excluded
    /// first.
    pub localities: Vec<Share>,
}

/// A route beside the ladder: the enterprises that reached it, out of all; and those of them
/// with no stage yet, out of the enterprises with no stage: who can sell through others though
/// not online on their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteView {
    pub reached: Share,
    pub without_stage: Share,
}

/// An amount of money added up for a cohort, in one currency: once, a month, and for a year
/// (once plus twelve months), as plain decimals; `approximate` when a figure could not be
/// confirmed or is paid per use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneyView {
    pub currency: String,
    pub once: String,
    pub monthly: String,
    pub year: String,
    pub approximate: bool,
}

impl MoneyView {
    fn new(currency: &str, m: &Money) -> MoneyView {
        let d = engine::words::decimal;
        MoneyView {
            currency: currency.to_string(),
            once: d(m.once),
            monthly: d(m.monthly),
            year: d(m.once + 12.0 * m.monthly),
            approximate: m.approximate,
        }
    }
}

/// What a programme supplying some catalogue entries would do for the cohort ("¿Y si el
/// programa diera…?").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupplyView {
    /// The entry ids, in id order.
    pub supplied: Vec<String>,
    /// The entries some pack has, as given: each with the enterprises that need it.
    pub entries: Vec<Share>,
    /// Ids that no pack of the cohort has.
    pub unknown: Vec<String>,
    /// Enterprises that need at least one, out of all.
    pub reached: Share,
    /// Enterprises the entries take to a higher rung, out of all.
    pub moved: Share,
    /// The moved by the rung they reach, in ladder order, out of all.
    pub to: Vec<Share>,
    /// The moved by region and by locality, out of each group; most first.
    pub regions: Vec<Share>,
    pub localities: Vec<Share>,
    /// What supplying costs, by currency.
    pub cost: Vec<MoneyView>,
    /// What every enterprise's next three steps would cost (as its short result names them),
    /// by currency.
    pub first_steps: Vec<MoneyView>,
}

/// Every figure of a summary, ranked and rounded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub enterprises: u64,
    pub filter: Vec<FilterView>,
    /// Mean readiness, one decimal.
    pub readiness: String,
    /// "No stage yet" first, then the rungs in ladder order.
    pub stages: Vec<Share>,
    /// The routes beside the ladder (selling through others).
    pub routes: Vec<RouteView>,
    pub dimensions: Vec<AverageView>,
    /// Blockers over all enterprises, most common first.
    pub blockers: Vec<Share>,
    pub regions: Vec<GroupView>,
    pub localities: Vec<GroupView>,
    pub scenarios: Vec<ScenarioView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supply: Option<SupplyView>,
    /// Before and after, when enterprises came in hand-off files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_after: Option<before_after::BeforeAfter>,
}

impl Figures {
    /// The summary as CSV: the header [`CSV_COLUMNS`], then one row per figure (see
    /// `www/spec/summary.md`). Lines end with `\n`; fields are quoted only when needed.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut row = |cells: [&str; 11]| {
            crate::workspace::csv::write_plain_row(&mut out, cells, ',', "\n");
        };
        row(CSV_COLUMNS);
        let num = |n: u64| n.to_string();
        for f in &self.filter {
            row([
                "filter", "", f.scope, &f.key, &f.label, "", "", "", "", "", "",
            ]);
        }
        let n = num(self.enterprises);
        let all_pct = percent(self.enterprises, self.enterprises);
        row([
            "enterprises",
            "",
            "all",
            "",
            "",
            "total",
            "",
            &n,
            &n,
            &all_pct,
            "",
        ]);
        let share = |section: &str, cond: &str, scope: &str, group: (&str, &str), s: &Share| {
            [
                section.to_string(),
                cond.to_string(),
                scope.to_string(),
                group.0.to_string(),
                group.1.to_string(),
                s.key.clone(),
                s.label.clone(),
                num(s.count),
                num(s.base),
                s.percent.clone(),
                String::new(),
            ]
        };
        let mut rows: Vec<[String; 11]> = Vec::new();
        for (scope, groups) in [("region", &self.regions), ("locality", &self.localities)] {
            for g in groups {
                let mut s = share("enterprises", "", scope, (&g.key, &g.label), &g.enterprises);
                s[5] = "total".into();
                s[6] = String::new();
                rows.push(s);
            }
        }
        rows.push([
            "readiness".into(),
            String::new(),
            "all".into(),
            String::new(),
            String::new(),
            "average".into(),
            String::new(),
            n.clone(),
            String::new(),
            String::new(),
            self.readiness.clone(),
        ]);
        for s in &self.stages {
            rows.push(share("stage", "", "all", ("", ""), s));
        }
        for r in &self.routes {
            rows.push(share("route", "", "all", ("", ""), &r.reached));
            let mut without = share("route", "", "all", ("", ""), &r.without_stage);
            without[5] = format!("{}:{NO_STAGE}", r.without_stage.key);
            rows.push(without);
        }
        for d in &self.dimensions {
            rows.push([
                "dimension".into(),
                String::new(),
                "all".into(),
                String::new(),
                String::new(),
                d.key.clone(),
                d.label.clone(),
                num(d.count),
                String::new(),
                String::new(),
                d.average.clone(),
            ]);
        }
        for s in &self.blockers {
            rows.push(share("blocker", "", "all", ("", ""), s));
        }
        for (scope, groups) in [("region", &self.regions), ("locality", &self.localities)] {
            for g in groups {
                for s in &g.blockers {
                    rows.push(share("blocker", "", scope, (&g.key, &g.label), s));
                }
            }
        }
        for sc in &self.scenarios {
            for s in [&sc.excluded, &sc.unknown, &sc.included] {
                rows.push(share("scenario", &sc.condition, "all", ("", ""), s));
            }
            for (scope, list) in [("region", &sc.regions), ("locality", &sc.localities)] {
                for s in list {
                    let mut r = share("scenario", &sc.condition, scope, (&s.key, &s.label), s);
                    r[5] = "excluded".into();
                    r[6] = String::new();
                    rows.push(r);
                }
            }
        }
        if let Some(sv) = &self.supply {
            let cond = sv.supplied.join(" ");
            for e in &sv.entries {
                rows.push(share("supply", &cond, "all", ("", ""), e));
                rows.last_mut().expect("pushed")[5] = format!("needed:{}", e.key);
            }
            for s in [&sv.reached, &sv.moved] {
                rows.push(share("supply", &cond, "all", ("", ""), s));
            }
            for s in &sv.to {
                rows.push(share("supply", &cond, "all", ("", ""), s));
                rows.last_mut().expect("pushed")[5] = format!("to:{}", s.key);
            }
            for (scope, list) in [("region", &sv.regions), ("locality", &sv.localities)] {
                for s in list {
                    let mut r = share("supply", &cond, scope, (&s.key, &s.label), s);
                    r[5] = "moved".into();
                    r[6] = String::new();
                    rows.push(r);
                }
            }
            for (section, money) in [("supply", &sv.cost), ("first_steps", &sv.first_steps)] {
                let cond = if section == "supply" {
                    cond.as_str()
                } else {
                    ""
                };
                for m in money {
                    for (kind, amount) in [
                        ("once", &m.once),
                        ("monthly", &m.monthly),
                        ("year", &m.year),
                    ] {
                        rows.push([
                            section.into(),
                            cond.into(),
                            "all".into(),
                            String::new(),
                            String::new(),
                            format!("{kind}:{}", m.currency),
                            if m.approximate {
                                "approximate".into()
                            } else {
                                String::new()
                            },
                            String::new(),
                            String::new(),
                            String::new(),
                            amount.clone(),
                        ]);
                    }
                }
            }
        }
        if let Some(ba) = &self.before_after {
            rows.extend(ba.csv_rows());
        }
        for r in &rows {
            row([
                &r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7], &r[8], &r[9], &r[10],
            ]);
        }
        out
    }

    /// The summary as JSON (pretty-printed).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("views always serialize")
    }

    /// The sentence of a scenario: "N enterprises (P %) would be excluded, mostly in ...".
    pub fn scenario_sentence(&self, scenario: &ScenarioView, locale: Locale) -> String {
        let w = words(locale);
        let mut s = w.excluded(scenario.excluded.count, &scenario.excluded.percent);
        let excluded = scenario.excluded.count > 0;
        if let Some(g) = scenario.regions.first().filter(|_| excluded) {
            s.push_str(&w.mostly_region(&g.label, g.count, &g.percent));
        }
        if let Some(g) = scenario.localities.first().filter(|_| excluded) {
            s.push_str(&w.mostly_locality(&g.label, g.count, &g.percent));
        }
        s.push('.');
        if scenario.unknown.count > 0 {
            let _ = write!(
                s,
                " {}",
                w.unknown(scenario.unknown.count, &scenario.unknown.percent)
            );
        }
        s
    }

    /// What the supply would do, a sentence a line (empty without one): each entry and who
    /// needs it, whom it would move up and to which rung, where, and what it costs. The text
    /// summary and the planner page say the same.
    pub fn supply_lines(&self, locale: Locale) -> Vec<String> {
        let w = words(locale);
        let Some(sv) = &self.supply else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        for e in &sv.entries {
            lines.push(format!("{}: {}", e.label, w.need_it(e.count, &e.percent)));
        }
        if !sv.unknown.is_empty() {
            lines.push(format!(
                "{}: {}",
                w.not_in_catalogue(),
                sv.unknown.join(", ")
            ));
        }
        let (r, m) = (&sv.reached, &sv.moved);
        lines.push(w.reached(r.count, &r.percent, m.count, &m.percent));
        for s in &sv.to {
            lines.push(format!(
                "  {} «{}»: {} ({} %)",
                w.up_to(),
                s.label,
                s.count,
                s.percent
            ));
        }
        let mostly: Vec<String> = [sv.regions.first(), sv.localities.first()]
            .into_iter()
            .flatten()
            .map(|g| format!("{} ({}, {} %)", g.label, g.count, g.percent))
            .collect();
        if !mostly.is_empty() {
            lines.push(format!("{} {}.", w.mostly_in(), mostly.join("; ")));
        }
        let money = |m: &MoneyView, template: &str| {
            let cur = |a: &str| engine::words::money(a.parse().unwrap_or(0.0), &m.currency);
            let mut line = fill(
                template,
                &[
                    ("once", &cur(&m.once)),
                    ("month", &cur(&m.monthly)),
                    ("year", &cur(&m.year)),
                ],
            );
            if m.approximate {
                line.push(' ');
                line.push_str(w.approximate());
            }
            line.push('.');
            line
        };
        lines.extend(sv.cost.iter().map(|m| money(m, w.cost_template())));
        lines.extend(
            sv.first_steps
                .iter()
                .map(|m| money(m, w.first_steps_cost_template())),
        );
        lines
    }

    /// The summary as plain text for a terminal, top three blockers per group.
    pub fn to_text(&self, locale: Locale) -> String {
        let w = words(locale);
        let mut o = String::new();
        let _ = writeln!(o, "{}: {}", w.enterprises(), self.enterprises);
        for f in &self.filter {
            let _ = writeln!(o, "{}: {} ({})", w.filter(), f.label, f.key);
        }
        let _ = writeln!(o, "{}: {}", w.readiness(), self.readiness);
        let _ = writeln!(o, "\n{}:", w.stages());
        for s in &self.stages {
            let _ = writeln!(o, "  {}: {} ({} %)", s.label, s.count, s.percent);
        }
        for r in &self.routes {
            let _ = writeln!(
                o,
                "  {}: {} ({} %); {}",
                r.reached.label,
                r.reached.count,
                r.reached.percent,
                w.without_stage(r.without_stage.count, &r.without_stage.percent)
            );
        }
        let _ = writeln!(o, "\n{}:", w.dimensions());
        for d in &self.dimensions {
            let _ = writeln!(o, "  {}: {}", d.label, d.average);
        }
        let _ = writeln!(o, "\n{}:", w.blockers());
        if self.blockers.is_empty() {
            let _ = writeln!(o, "  {}", w.none());
        }
        for (i, s) in self.blockers.iter().enumerate() {
            let _ = writeln!(o, "  {}. {} ({} %): {}", i + 1, s.count, s.percent, s.label);
        }
        for (heading, groups) in [
            (w.by_region(), &self.regions),
            (w.by_locality(), &self.localities),
        ] {
            let _ = writeln!(o, "\n{}:", capitalise(heading));
            for g in groups {
                let _ = writeln!(
                    o,
                    "  {} ({}), {} {}:",
                    g.label,
                    g.key,
                    g.enterprises.count,
                    w.enterprises_lower()
                );
                if g.blockers.is_empty() {
                    let _ = writeln!(o, "    {}", w.none());
                }
                for (i, s) in g.blockers.iter().take(3).enumerate() {
                    let _ = writeln!(
                        o,
                        "    {}. {}: {} ({} %)",
                        i + 1,
                        s.label,
                        s.count,
                        s.percent
                    );
                }
            }
        }
        for sc in &self.scenarios {
            let _ = writeln!(o, "\n{} {}:", w.if_required(), sc.condition);
            let _ = writeln!(o, "  {}", self.scenario_sentence(sc, locale));
        }
        if let Some(sv) = &self.supply {
            let names: Vec<&str> = sv.entries.iter().map(|e| e.label.as_str()).collect();
            let _ = writeln!(o, "\n{} {}:", w.if_supplied(), names.join(", "));
            for line in self.supply_lines(locale) {
                let _ = writeln!(o, "  {line}");
            }
        }
        if let Some(ba) = &self.before_after {
            let _ = writeln!(o, "\n{}:", w.before_after());
            for line in ba.lines(locale) {
                let _ = writeln!(o, "  {line}");
            }
        }
        o
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

texts_table! {
    /// The summary's own words, in one locale.
    pub struct SummaryWords from SummarySource as "summary" {
        pub locale: Locale,
        ;
        no_stage,
        unanswered,
        enterprises,
        enterprises_lower,
        filter,
        readiness,
        stages,
        dimensions,
        blockers,
        none,
        by_region,
        by_locality,
        if_required,
        if_supplied,
        not_in_catalogue,
        up_to,
        mostly_in,
        approximate,
        before_after,
        then_now,
        /// After a route beside the ladder: `{n}` of the enterprises that reached it have no stage,
        /// `{p}` their per cent of those with none.
        without_stage_template,
        /// After how many a requirement would exclude: the state most of them are in (`{region}`),
        /// how many (`{n}`) and their per cent of that state's (`{p}`).
        mostly_region_template,
        /// After `mostly_region_template`: the locality most of them are in, how many and their per
        /// cent.
        mostly_locality_template,
        /// How many enterprises a requirement would exclude: `{n}`, and `{p}` their per cent.
        excluded_template,
        /// How many enterprises a requirement cannot be told of: `{n}`, and `{p}` their per cent.
        unknown_template,
        /// How many enterprises need what a programme could give: `{n}`, and `{p}` their per cent.
        need_it_template,
        /// What a programme's supplies would reach: `{n}` enterprises (`{p}` per cent) need some of
        /// it, `{m}` (`{q}` per cent) would move up a rung.
        reached_template,
        /// What a programme's supplies would cost: `{once}` once, `{month}` a month and `{year}` in
        /// a year, each an amount with its currency.
        cost_template,
        /// What every enterprise's next three steps would cost: as `cost_template`.
        first_steps_cost_template,
        /// Before and after: `{n}` enterprises were visited twice or more (`{p}` per cent),
        /// `{once}` once.
        followed_template,
        /// Enterprises that moved up a rung (`{up}`), stayed (`{same}`) and went down (`{down}`)
        /// between the first and latest visit, each with its per cent (`{up_p}`…).
        moved_template,
        /// Steps followed through visits: `{total}` in all, and how many are done, in progress,
        /// agreed and dropped.
        steps_template,
        /// `{sell}` enterprises of the `{asked}` asked sell online at their latest follow-up (`{p}`
        /// per cent); `{channels}` is nothing or a colon and the channels.
        selling_template,
        /// The mean share of sales that start online (`{share}`), from one answer (`{said}`).
        online_share_one,
        /// The mean share of sales that start online (`{share}`), from `{said}` answers.
        online_share_other,
        /// Tools adopted before that are still used: `{n}` of `{of}`, `{p}` per cent.
        tools_template,
    }
}

texts_static! {
    pub static SUMMARY_ES: SummaryWords from SummarySource {
        locale: Locale::Es,
        ;
        no_stage: "Sin etapa todavía",
        unanswered: "Sin respuesta",
        enterprises: "Empresas",
        enterprises_lower: "empresas",
        filter: "Filtro",
        readiness: "Preparación promedio",
        stages: "Etapas",
        dimensions: "Promedio por aspecto",
        blockers: "Obstáculos más comunes",
        none: "ninguno",
        by_region: "por estado",
        by_locality: "por localidad",
        if_required: "Si el programa exigiera",
        if_supplied: "Si el programa diera",
        not_in_catalogue: "No está en el catálogo de ningún país de estas empresas",
        up_to: "hasta",
        mostly_in: "Sobre todo en",
        approximate: "(precios aproximados)",
        before_after: "Antes y después (primera y última visita)",
        then_now: "(primera visita → última)",
        without_stage_template: "{n} de ellas sin etapa todavía (el {p} % de las que no tienen etapa)",
        mostly_region_template: ", sobre todo en {region} ({n}: el {p} % de las de ese estado)",
        mostly_locality_template: " y en la localidad «{locality}» ({n}: el {p} %)",
        excluded_template: "{n} empresas ({p} %) quedarían fuera",
        unknown_template: "De otras {n} ({p} %) no se sabe: no respondieron lo necesario.",
        need_it_template: "lo necesitan {n} ({p} %)",
        reached_template: "{n} empresas ({p} %) necesitan algo de esto; {m} ({q} %) subirían de escalón:",
        cost_template: "Costo: {once} de una vez y {month} al mes; {year} en un año",
        first_steps_cost_template: "Si cada empresa diera sus próximos tres pasos: {once} de una vez y {month} al mes; {year} en un año",
        followed_template: "Con dos visitas o más: {n} ({p} %); con una sola visita, contadas aparte: {once}.",
        moved_template: "Subieron de escalón {up} ({up_p} %), siguen igual {same} ({same_p} %), bajaron {down} ({down_p} %).",
        steps_template: "Pasos en seguimiento: {total}; hechos {done}, en curso {going}, acordados {agreed}, dejados {dropped}.",
        selling_template: "En su última visita de seguimiento, {sell} de {asked} venden en línea ({p} %){channels}.",
        online_share_one: "Parte de las ventas que empiezan en línea, en promedio: {share} % ({said} respuesta).",
        online_share_other: "Parte de las ventas que empiezan en línea, en promedio: {share} % ({said} respuestas).",
        tools_template: "Herramientas adoptadas que se siguen usando: {n} de {of} ({p} %).",
    }
}

texts_static! {
    pub static SUMMARY_EN: SummaryWords from SummarySource {
        locale: Locale::En,
        ;
        no_stage: "No stage yet",
        unanswered: "Not answered",
        enterprises: "Enterprises",
        enterprises_lower: "enterprises",
        filter: "Filter",
        readiness: "Average readiness",
        stages: "Stages",
        dimensions: "Average by area",
        blockers: "Most common blockers",
        none: "none",
        by_region: "by state",
        by_locality: "by locality",
        if_required: "If the programme required",
        if_supplied: "If the programme supplied",
        not_in_catalogue: "Not in the catalogue of any of these enterprises' countries",
        up_to: "up to",
        mostly_in: "Mostly in",
        approximate: "(approximate prices)",
        before_after: "Before and after (first and latest visit)",
        then_now: "(first visit → latest)",
        without_stage_template: "{n} of them with no stage yet ({p} % of those with no stage)",
        mostly_region_template: ", mostly in {region} ({n}: {p} % of that state's)",
        mostly_locality_template: " and in the locality “{locality}” ({n}: {p} %)",
        excluded_template: "{n} enterprises ({p} %) would be excluded",
        unknown_template: "For another {n} ({p} %) it is not known: they did not answer what it takes.",
        need_it_template: "{n} need it ({p} %)",
        reached_template: "{n} enterprises ({p} %) need something of it; {m} ({q} %) would move up a rung:",
        cost_template: "Cost: {once} once and {month} a month; {year} in a year",
        first_steps_cost_template: "If every enterprise took its next three steps: {once} once and {month} a month; {year} in a year",
        followed_template: "With two visits or more: {n} ({p} %); visited once, counted apart: {once}.",
        moved_template: "Moved up a rung: {up} ({up_p} %); same: {same} ({same_p} %); down: {down} ({down_p} %).",
        steps_template: "Steps followed: {total}; done {done}, in progress {going}, agreed {agreed}, dropped {dropped}.",
        selling_template: "At their latest follow-up, {sell} of {asked} sell online ({p} %){channels}.",
        online_share_one: "Share of sales that start online, on average: {share} % ({said} answer).",
        online_share_other: "Share of sales that start online, on average: {share} % ({said} answers).",
        tools_template: "Tools adopted that are still used: {n} of {of} ({p} %).",
    }
}

fn words(locale: Locale) -> &'static SummaryWords {
    locale.pick(&SUMMARY_ES, &SUMMARY_EN)
}

/// A count as a value of a template.
fn n(count: u64) -> String {
    count.to_string()
}

impl SummaryWords {
    fn without_stage(&self, count: u64, p: &str) -> String {
        fill(self.without_stage_template(), &[("n", &n(count)), ("p", p)])
    }

    fn mostly_region(&self, region: &str, count: u64, p: &str) -> String {
        fill(
            self.mostly_region_template(),
            &[("region", region), ("n", &n(count)), ("p", p)],
        )
    }

    fn mostly_locality(&self, locality: &str, count: u64, p: &str) -> String {
        fill(
            self.mostly_locality_template(),
            &[("locality", locality), ("n", &n(count)), ("p", p)],
        )
    }

    fn excluded(&self, count: u64, p: &str) -> String {
        fill(self.excluded_template(), &[("n", &n(count)), ("p", p)])
    }

    fn unknown(&self, count: u64, p: &str) -> String {
        fill(self.unknown_template(), &[("n", &n(count)), ("p", p)])
    }

    /// "12 need it (8.0 %)".
    fn need_it(&self, count: u64, p: &str) -> String {
        fill(self.need_it_template(), &[("n", &n(count)), ("p", p)])
    }

    /// "40 need something of it (26.7 %); 25 (16.7 %) would move up a rung:"
    fn reached(&self, count: u64, p: &str, moved: u64, q: &str) -> String {
        fill(
            self.reached_template(),
            &[("n", &n(count)), ("p", p), ("m", &n(moved)), ("q", q)],
        )
    }

    /// Before and after: those followed (count, per cent) and those visited once.
    fn followed(&self, count: u64, p: &str, once: u64) -> String {
        fill(
            self.followed_template(),
            &[("n", &n(count)), ("p", p), ("once", &n(once))],
        )
    }

    /// Rungs gained, kept and lost (count and per cent of each).
    fn moved(
        &self,
        up: u64,
        up_p: &str,
        same: u64,
        same_p: &str,
        down: u64,
        down_p: &str,
    ) -> String {
        fill(
            self.moved_template(),
            &[
                ("up", &n(up)),
                ("up_p", up_p),
                ("same", &n(same)),
                ("same_p", same_p),
                ("down", &n(down)),
                ("down_p", down_p),
            ],
        )
    }

    /// Steps: all, done, in progress, agreed, dropped.
    fn steps(&self, total: u64, done: u64, going: u64, agreed: u64, dropped: u64) -> String {
        fill(
            self.steps_template(),
            &[
                ("total", &n(total)),
                ("done", &n(done)),
                ("going", &n(going)),
                ("agreed", &n(agreed)),
                ("dropped", &n(dropped)),
            ],
        )
    }

    /// Selling online at the latest follow-up: how many, of how many, per cent, the channels.
    fn selling(&self, sell: u64, asked: u64, p: &str, channels: &str) -> String {
        fill(
            self.selling_template(),
            &[
                ("sell", &n(sell)),
                ("asked", &n(asked)),
                ("p", p),
                ("channels", channels),
            ],
        )
    }

    /// The mean online share of sales, and how many said it.
    fn online_share(&self, share: &str, said: u64) -> String {
        let template = if said == 1 {
            self.online_share_one()
        } else {
            self.online_share_other()
        };
        fill(template, &[("share", share), ("said", &n(said))])
    }

    /// Tools adopted still used: how many, of how many, per cent.
    fn tools(&self, count: u64, of: u64, p: &str) -> String {
        fill(
            self.tools_template(),
            &[("n", &n(count)), ("of", &n(of)), ("p", p)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_up_in_integers() {
        assert_eq!(percent(1, 8), "12.5");
        assert_eq!(percent(1, 3), "33.3");
        assert_eq!(percent(2, 3), "66.7");
        assert_eq!(percent(1, 2000), "0.1");
        assert_eq!(percent(1, 2001), "0.0");
        assert_eq!(percent(7, 7), "100.0");
        assert_eq!(percent(0, 0), "");
        assert_eq!(average(5, 2), "2.5");
        assert_eq!(average(100, 3), "33.3");
        assert_eq!(average(200, 3), "66.7");
        assert_eq!(average(1, 20), "0.1");
        assert_eq!(average(0, 0), "");
        assert_eq!(average(u64::MAX, 1), format!("{}.0", u64::MAX));
    }

    #[test]
    fn requirements_parse_like_pack_conditions_and_say_where_they_fail() {
        let r = Requirement::parse(" connectivity.internet >= \"mobile_data\" ").unwrap();
        assert_eq!(r.text, "connectivity.internet >= \"mobile_data\"");
        let e = Requirement::parse("connectivity.internet >= fast").unwrap_err();
        assert!(e.contains("unknown value 'fast'"), "{e}");
        assert!(e.contains("(at character 26)"), "{e}");
        assert!(
            e.ends_with("\n  connectivity.internet >= fast\n                           ^^^^"),
            "{e}"
        );
        assert!(Requirement::parse("").is_err());
    }

    #[test]
    fn at_least_builds_conditions_for_ordered_fields_only() {
        assert_eq!(
            at_least("connectivity.internet", "mobile_data").as_deref(),
            Some("connectivity.internet >= mobile_data")
        );
        assert_eq!(
            at_least("skills.digital_level", "2").as_deref(),
            Some("skills.digital_level >= 2")
        );
        assert_eq!(
            at_least("connectivity.devices", "smartphone").as_deref(),
            Some("connectivity.devices has smartphone")
        );
        assert_eq!(
            at_least("payments.bank_account", "true").as_deref(),
            Some("payments.bank_account")
        );
        assert_eq!(at_least("payments.bank_account", "false"), None);
        assert_eq!(at_least("locality", "rural"), None);
        assert_eq!(at_least("connectivity.internet", "fast"), None);
        assert_eq!(at_least("nothing", "1"), None);
    }

    #[test]
    fn filters_check_their_values() {
        let bad = Filter {
            sector: Some("mining".into()),
            ..Filter::default()
        };
        assert!(bad
            .check()
            .unwrap_err()
            .starts_with("unknown sector 'mining'"));
        let good = Filter {
            region: Some("MX-OAX".into()),
            locality: Some("rural".into()),
            sector: Some("crafts".into()),
            ..Filter::default()
        };
        assert!(good.check().is_ok());
    }
}
