//! Before and after, for a cohort whose visits came in hand-off files: each enterprise's first
//! and latest visit, scored with the same pack, and the cohort's totals. Enterprises visited
//! once are counted apart: they have no "before".
//!
//! [`History`] is what one enterprise brings ([`History::read`] scores its first visit); a
//! [`super::Summary`] tallies the histories of the enterprises it counts (after its filters,
//! which read the latest visit) and [`BeforeAfter`] is the result, written by
//! [`super::Figures`] as the `before_after` rows of the CSV (`www/spec/summary.md`, section 11).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use super::records::Followed;
use super::{average, Share};
use crate::engine::pack::OptionValue;
use crate::engine::{self, Locale, Pack, Position};

/// What a hand-off file says of one enterprise besides its latest visit, its first visit
/// scored.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// Its first visit, scored; `None` when it was visited once.
    first: Option<Position>,
    /// Its visits, tags, steps followed through and latest outcomes (the first visit's
    /// answers dropped once scored).
    pub followed: Followed,
}

/// A report's readiness, stage and dimension scores as [`engine::position`] gives them: what
/// a summary counts of an assessment it keeps.
pub(super) fn position_of(pack: &Pack, report: &engine::Report) -> Position {
    Position {
        readiness: report.readiness,
        stage: report
            .stage
            .and_then(|id| pack.data.pathways.iter().position(|p| p.id == id)),
        scores: pack
            .data
            .dimensions
            .iter()
            .map(|d| {
                report
                    .dimensions
                    .iter()
                    .find(|x| x.id == d.id)
                    .map_or(0, |x| x.score)
            })
            .collect(),
    }
}

impl History {
    /// The history a hand-off file gives an enterprise, its first visit placed with `pack`,
    /// the pack of its latest visit. The file's reader checked the visit's answers as a
    /// profile of the enterprise's country; nothing here checks them against the pack, as
    /// scoring does the latest visit's.
    pub fn read(pack: &Pack, mut followed: Followed) -> History {
        // The first visit's answers are dropped once placed: a cohort keeps thousands.
        let first = match followed.first.take() {
            Some(profile) if followed.visits > 1 => Some(engine::position(pack, &profile)),
            _ => None,
        };
        History { first, followed }
    }
}

/// The cohort's running totals.
#[derive(Debug, Clone, Default)]
pub(super) struct Tally {
    /// Enterprises that came with a history.
    with_history: u64,
    visited_once: u64,
    followed: u64,
    gained: u64,
    same: u64,
    lost: u64,
    /// Stage ids (or `none`) at the first and at the latest visit of the followed.
    first_stages: BTreeMap<String, u64>,
    latest_stages: BTreeMap<String, u64>,
    readiness_first: u64,
    readiness_latest: u64,
    /// Per dimension id: the sums at the first and at the latest visit of the followed.
    dimensions: BTreeMap<String, (u64, u64)>,
    /// Catalogue entries at each status (agreed, in progress, done, dropped), over every
    /// enterprise with a history.
    steps: [u64; 4],
    /// Enterprises whose latest follow-up has outcomes, and of them: selling online, by
    /// channel (id → count, label), the share of sales online (sum, how many said), and the
    /// tools adopted still used (still, asked about).
    outcomes: u64,
    selling: u64,
    channels: BTreeMap<String, (u64, String)>,
    online_share: (u64, u64),
    tools: (u64, u64),
    /// Each enterprise counted, in the order added (shared with the figures: a cohort has
    /// thousands).
    enterprises: Rc<Vec<EnterpriseChange>>,
    /// Each pack's dimension ids, shared by its enterprises' rows.
    dimension_ids: Vec<(String, Rc<[String]>)>,
}

/// One enterprise's first and latest visit: a row of the per-enterprise table and CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnterpriseChange {
    pub id: String,
    pub name: String,
    pub visits: usize,
    /// Stage ids, `none` for no stage; the first is `None` when it was visited once.
    pub stage_first: Option<String>,
    pub stage_latest: String,
    /// Rungs gained between the first and the latest visit (negative: lost).
    pub rungs: Option<i64>,
    pub readiness_first: Option<u32>,
    pub readiness_latest: u32,
    /// The pack's dimension ids, and each one's score at the first (if any) and the latest
    /// visit, in that order.
    pub dimension_ids: Rc<[String]>,
    pub dimensions: Vec<(Option<u32>, u32)>,
    /// Catalogue entries at each status: agreed, in progress, done, dropped.
    pub steps: [usize; 4],
    /// Whether it sells online, as its latest follow-up found.
    pub selling_online: Option<bool>,
}

impl Tally {
    /// Counts one enterprise's history; `latest` is its latest visit's stage and scores.
    pub(super) fn add(
        &mut self,
        pack: &Pack,
        history: &History,
        latest: (Option<usize>, u32, &[u32]),
        locale: Locale,
    ) {
        self.with_history += 1;
        let ids = match self.dimension_ids.iter().find(|(p, _)| *p == pack.data.id) {
            Some((_, ids)) => ids.clone(),
            None => {
                let ids: Rc<[String]> = pack.data.dimensions.iter().map(|d| d.id.clone()).collect();
                self.dimension_ids.push((pack.data.id.clone(), ids.clone()));
                ids
            }
        };
        Rc::make_mut(&mut self.enterprises).push(change(pack, history, latest, ids));
        for (sum, n) in self.steps.iter_mut().zip(history.followed.steps) {
            *sum += n as u64;
        }
        if let Some(o) = &history.followed.outcomes {
            self.outcomes += 1;
            self.selling += u64::from(o.selling_online);
            for c in &o.channels {
                self.channels
                    .entry(c.clone())
                    .or_insert_with(|| (0, channel_label(pack, c, locale)))
                    .0 += 1;
            }
            if let Some(share) = o.online_share {
                self.online_share.0 += u64::from(share);
                self.online_share.1 += 1;
            }
            self.tools.0 += o.tools.iter().filter(|t| t.still_using).count() as u64;
            self.tools.1 += o.tools.len() as u64;
        }
        let Some(first) = &history.first else {
            self.visited_once += 1;
            return;
        };
        let (stage, readiness, scores) = latest;
        self.followed += 1;
        match rung(pack, first.stage).cmp(&rung(pack, stage)) {
            std::cmp::Ordering::Less => self.gained += 1,
            std::cmp::Ordering::Equal => self.same += 1,
            std::cmp::Ordering::Greater => self.lost += 1,
        }
        let key = |stage: Option<usize>| {
            stage
                .and_then(|i| pack.data.pathways.get(i))
                .map_or(super::NO_STAGE.to_string(), |p| p.id.clone())
        };
        *self.first_stages.entry(key(first.stage)).or_default() += 1;
        *self.latest_stages.entry(key(stage)).or_default() += 1;
        self.readiness_first += u64::from(first.readiness);
        self.readiness_latest += u64::from(readiness);
        for ((d, &before), &after) in pack.data.dimensions.iter().zip(&first.scores).zip(scores) {
            let sums = self.dimensions.entry(d.id.clone()).or_default();
            sums.0 += u64::from(before);
            sums.1 += u64::from(after);
        }
    }

    /// The figures, or `None` when no enterprise came with a history. `stages` and
    /// `dimensions` are the summary's (id, label), in its order.
    pub(super) fn view(
        &self,
        stages: &[(&str, &str)],
        dimensions: &[(&str, &str)],
    ) -> Option<BeforeAfter> {
        if self.with_history == 0 {
            return None;
        }
        let n = self.followed;
        let count = |key: &str, label: &str, count: u64, base: u64| Share {
            key: key.to_string(),
            label: label.to_string(),
            count,
            base,
            percent: super::percent(count, base),
        };
        let stage_shares = |map: &BTreeMap<String, u64>| -> Vec<Share> {
            stages
                .iter()
                .map(|(id, label)| count(id, label, map.get(*id).copied().unwrap_or(0), n))
                .collect()
        };
        let steps_total: u64 = self.steps.iter().sum();
        let steps = ["agreed", "in_progress", "done", "dropped"]
            .iter()
            .zip(self.steps)
            .map(|(key, n)| count(key, "", n, steps_total))
            .collect();
        let mut channels: Vec<Share> = self
            .channels
            .iter()
            .map(|(id, (n, label))| count(id, label, *n, self.outcomes))
            .collect();
        channels.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
        Some(BeforeAfter {
            enterprises: self.enterprises.clone(),
            steps,
            outcomes: count("outcomes", "", self.outcomes, self.with_history),
            selling_online: count("selling_online", "", self.selling, self.outcomes),
            channels,
            online_share: average(self.online_share.0, self.online_share.1),
            online_share_answered: self.online_share.1,
            tools_still_used: count("tools_still_used", "", self.tools.0, self.tools.1),
            visited_once: count("visited_once", "", self.visited_once, self.with_history),
            followed: count("followed", "", n, self.with_history),
            gained: count("gained", "", self.gained, n),
            same: count("same", "", self.same, n),
            lost: count("lost", "", self.lost, n),
            first_stages: stage_shares(&self.first_stages),
            latest_stages: stage_shares(&self.latest_stages),
            readiness: Change {
                key: "readiness".into(),
                label: String::new(),
                first: average(self.readiness_first, n),
                latest: average(self.readiness_latest, n),
            },
            dimensions: dimensions
                .iter()
                .filter_map(|(id, label)| {
                    let (before, after) = self.dimensions.get(*id)?;
                    Some(Change {
                        key: id.to_string(),
                        label: label.to_string(),
                        first: average(*before, n),
                        latest: average(*after, n),
                    })
                })
                .collect(),
        })
    }
}

/// A mean at the first and at the latest visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub key: String,
    pub label: String,
    /// Means, one decimal, rounded half up; empty when no enterprise was followed.
    pub first: String,
    pub latest: String,
}

/// Before and after for the cohort: the enterprises followed (two visits or more) and those
/// visited once, as a share of the enterprises that came with a history; rungs gained, kept
/// and lost, the stages at the first and at the latest visit, and the mean readiness and
/// dimension scores then and now, over the followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BeforeAfter {
    pub followed: Share,
    pub visited_once: Share,
    pub gained: Share,
    pub same: Share,
    pub lost: Share,
    /// "No stage yet" first, then the rungs in ladder order.
    pub first_stages: Vec<Share>,
    pub latest_stages: Vec<Share>,
    pub readiness: Change,
    pub dimensions: Vec<Change>,
    /// Catalogue entries followed through at each status (`agreed`, `in_progress`, `done`,
    /// `dropped`), a share of all the entries followed.
    pub steps: Vec<Share>,
    /// Enterprises whose latest follow-up has outcomes, a share of those with a history; of
    /// them, those selling online and each channel they sell through (most first).
    pub outcomes: Share,
    pub selling_online: Share,
    pub channels: Vec<Share>,
    /// The mean share of sales that start online (one decimal), over the
    /// `online_share_answered` who said it.
    pub online_share: String,
    pub online_share_answered: u64,
    /// Tools adopted earlier that are still used, a share of those asked about.
    pub tools_still_used: Share,
    /// Each enterprise, its first and latest visit (`enterprises_csv`; not in the JSON, which
    /// stays a summary).
    #[serde(skip)]
    pub enterprises: Rc<Vec<EnterpriseChange>>,
}

impl BeforeAfter {
    /// The `before_after` rows of the summary CSV (11 columns each).
    pub(super) fn csv_rows(&self) -> Vec<[String; 11]> {
        let mut rows = Vec::new();
        // count, base, percent, average
        let row = |key: String, label: &str, [count, base, percent, average]: [String; 4]| {
            [
                "before_after".to_string(),
                String::new(),
                "all".into(),
                String::new(),
                String::new(),
                key,
                label.to_string(),
                count,
                base,
                percent,
                average,
            ]
        };
        let share = |key: String, s: &Share| {
            let cells = [
                s.count.to_string(),
                s.base.to_string(),
                s.percent.clone(),
                String::new(),
            ];
            row(key, &s.label, cells)
        };
        let mean = |key: String, label: &str, count: u64, value: &str| {
            let cells = [
                count.to_string(),
                String::new(),
                String::new(),
                value.to_string(),
            ];
            row(key, label, cells)
        };
        for s in [
            &self.followed,
            &self.visited_once,
            &self.gained,
            &self.same,
            &self.lost,
        ] {
            rows.push(share(s.key.clone(), s));
        }
        for (when, list) in [
            ("first", &self.first_stages),
            ("latest", &self.latest_stages),
        ] {
            for s in list {
                rows.push(share(format!("stage_{when}:{}", s.key), s));
            }
        }
        for (i, c) in std::iter::once(&self.readiness)
            .chain(&self.dimensions)
            .enumerate()
        {
            for (when, value) in [("first", &c.first), ("latest", &c.latest)] {
                let key = match i {
                    0 => format!("readiness_{when}"),
                    _ => format!("dimension_{when}:{}", c.key),
                };
                rows.push(mean(key, &c.label, self.followed.count, value));
            }
        }
        for s in &self.steps {
            rows.push(share(format!("steps:{}", s.key), s));
        }
        for s in [&self.outcomes, &self.selling_online] {
            rows.push(share(s.key.clone(), s));
        }
        for s in &self.channels {
            rows.push(share(format!("channel:{}", s.key), s));
        }
        rows.push(mean(
            "online_share".into(),
            "",
            self.online_share_answered,
            &self.online_share,
        ));
        rows.push(share(
            self.tools_still_used.key.clone(),
            &self.tools_still_used,
        ));
        rows
    }

    /// The figures as sentences, one a line, in `locale`.
    pub fn lines(&self, locale: Locale) -> Vec<String> {
        let w = super::words(locale);
        let (f, once) = (&self.followed, self.visited_once.count);
        let mut lines = vec![w.followed(f.count, &f.percent, once)];
        if f.count == 0 {
            return lines;
        }
        let (g, s, l) = (&self.gained, &self.same, &self.lost);
        lines.push(w.moved(
            g.count, &g.percent, s.count, &s.percent, l.count, &l.percent,
        ));
        for (first, latest) in self.first_stages.iter().zip(&self.latest_stages) {
            if first.count + latest.count > 0 {
                lines.push(format!(
                    "{}: {} → {} {}",
                    first.label,
                    first.count,
                    latest.count,
                    w.then_now()
                ));
            }
        }
        lines.push(format!(
            "{}: {} → {}",
            w.readiness(),
            self.readiness.first,
            self.readiness.latest
        ));
        for d in &self.dimensions {
            lines.push(format!("{}: {} → {}", d.label, d.first, d.latest));
        }
        lines.extend(self.follow_lines(locale));
        lines
    }

    /// The steps followed through and the outcomes, as sentences (none when nothing was
    /// followed or found).
    pub fn follow_lines(&self, locale: Locale) -> Vec<String> {
        let w = super::words(locale);
        let mut lines = Vec::new();
        let n = |key: &str| {
            self.steps
                .iter()
                .find(|s| s.key == key)
                .map_or(0, |s| s.count)
        };
        let total: u64 = self.steps.iter().map(|s| s.count).sum();
        if total > 0 {
            lines.push(w.steps(
                total,
                n("done"),
                n("in_progress"),
                n("agreed"),
                n("dropped"),
            ));
        }
        if self.outcomes.count == 0 {
            return lines;
        }
        let channels: Vec<String> = self
            .channels
            .iter()
            .map(|c| format!("{} {}", c.label, c.count))
            .collect();
        let channels = if channels.is_empty() {
            String::new()
        } else {
            format!(": {}", channels.join(", "))
        };
        let sell = &self.selling_online;
        lines.push(w.selling(sell.count, self.outcomes.count, &sell.percent, &channels));
        if self.online_share_answered > 0 {
            lines.push(w.online_share(&self.online_share, self.online_share_answered));
        }
        let t = &self.tools_still_used;
        if t.base > 0 {
            lines.push(w.tools(t.count, t.base, &t.percent));
        }
        lines
    }
}

/// A stage's place on the ladder (0 for the bottom rung; `None` for no stage).
fn rung(pack: &Pack, stage: Option<usize>) -> Option<usize> {
    stage.and_then(|i| pack.derived.ladder.iter().position(|&p| p == i))
}

/// One enterprise's row: its history and its latest visit's stage, readiness and scores.
fn change(
    pack: &Pack,
    h: &History,
    latest: (Option<usize>, u32, &[u32]),
    dimension_ids: Rc<[String]>,
) -> EnterpriseChange {
    let (stage, readiness, scores) = latest;
    let id = |stage: Option<usize>| {
        stage
            .and_then(|i| pack.data.pathways.get(i))
            .map_or(super::NO_STAGE.to_string(), |p| p.id.clone())
    };
    let step = |r: Option<usize>| r.map_or(-1, |r| r as i64);
    EnterpriseChange {
        id: h.followed.id.clone(),
        name: h.followed.name.clone(),
        visits: h.followed.visits,
        stage_first: h.first.as_ref().map(|f| id(f.stage)),
        stage_latest: id(stage),
        rungs: h
            .first
            .as_ref()
            .map(|f| step(rung(pack, stage)) - step(rung(pack, f.stage))),
        readiness_first: h.first.as_ref().map(|f| f.readiness),
        readiness_latest: readiness,
        dimensions: (0..dimension_ids.len())
            .map(|i| {
                let first = h.first.as_ref().and_then(|f| f.scores.get(i).copied());
                (first, scores.get(i).copied().unwrap_or(0))
            })
            .collect(),
        dimension_ids,
        steps: h.followed.steps,
        selling_online: h.followed.outcomes.as_ref().map(|o| o.selling_online),
    }
}

impl BeforeAfter {
    /// Each enterprise's first and latest visit as CSV (`www/spec/summary.md`, "Before and
    /// after by enterprise"): the columns [`ENTERPRISE_COLUMNS`], then two per dimension of
    /// the summary (`<dimension>_first`, `<dimension>_latest`), then the steps and outcomes.
    pub fn enterprises_csv(&self) -> String {
        let mut out = String::new();
        let dims: Vec<&str> = self.dimensions.iter().map(|d| d.key.as_str()).collect();
        let mut header: Vec<String> = ENTERPRISE_COLUMNS.iter().map(|c| c.to_string()).collect();
        for d in &dims {
            header.push(format!("{d}_first"));
            header.push(format!("{d}_latest"));
        }
        header.extend(ENTERPRISE_TAIL.iter().map(|c| c.to_string()));
        crate::workspace::csv::write_plain_row(
            &mut out,
            header.iter().map(String::as_str),
            ',',
            "\n",
        );
        let opt = |n: Option<u32>| n.map_or(String::new(), |n| n.to_string());
        for e in self.enterprises.iter() {
            let mut row = vec![
                e.id.clone(),
                e.name.clone(),
                e.visits.to_string(),
                e.stage_first.clone().unwrap_or_default(),
                e.stage_latest.clone(),
                e.rungs.map_or(String::new(), |r| r.to_string()),
                opt(e.readiness_first),
                e.readiness_latest.to_string(),
            ];
            for d in &dims {
                let found = e.dimension_ids.iter().position(|x| x == d);
                let found = found.and_then(|i| e.dimensions.get(i));
                row.push(opt(found.and_then(|x| x.0)));
                row.push(found.map_or(String::new(), |x| x.1.to_string()));
            }
            row.extend(e.steps.iter().map(|n| n.to_string()));
            row.push(match e.selling_online {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            });
            crate::workspace::csv::write_plain_row(
                &mut out,
                row.iter().map(String::as_str),
                ',',
                "\n",
            );
        }
        out
    }
}

/// The first columns of the per-enterprise CSV.
pub const ENTERPRISE_COLUMNS: [&str; 8] = [
    "enterprise",
    "name",
    "visits",
    "stage_first",
    "stage_latest",
    "rungs",
    "readiness_first",
    "readiness_latest",
];

/// Its last columns, after the dimensions.
pub const ENTERPRISE_TAIL: [&str; 5] = [
    "steps_agreed",
    "steps_in_progress",
    "steps_done",
    "steps_dropped",
    "selling_online",
];

/// A sales channel's label (a value of the profile's `presence.channels`) from the pack's
/// question, in `locale`; the value itself when the pack has none.
fn channel_label(pack: &Pack, value: &str, locale: Locale) -> String {
    pack.data
        .questions
        .iter()
        .filter(|q| q.field == "presence.channels")
        .flat_map(|q| q.options.iter())
        .find(|o| matches!(&o.value, OptionValue::Text(v) if v == value))
        .map_or(value.to_string(), |o| o.label.get(locale).to_string())
}
