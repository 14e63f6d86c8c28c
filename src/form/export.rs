//! Reading what KoboToolbox and ODK Central export from the form [`super::build`] writes:
//! CSV (`,` or `;`, headers with their groups joined by `/`, `.` or `-`, or without groups, or
//! the questions' labels in any of the pack's languages; a multiple choice as one column of
//! space-separated names, as one 0/1 column per choice, or both) and JSON (an array of
//! submissions, Kobo's `{"results": [...]}` or ODK's `{"value": [...]}`, with `group/field`
//! keys or nested group objects). Each submission becomes a profile; the export's metadata
//! gives its id (`_id`, `KEY`, `_uuid`, `meta/instanceID`), its date (`_submission_time`,
//! `SubmissionDate`, `end`, `start`) and its name (`instanceName`, when the form sets one) and
//! is otherwise ignored.
//!
//! Every problem names its column; callers add the row. Problems are data
//! ([`ExportProblem`], worded in Spanish and English by `super::problem`). Pure: text in,
//! profiles out.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value as Json};

pub use super::problem::{
    at_column, form_words, unreadable_header, unreadable_record, CellProblem, CsvSyntax,
    ExportError, ExportProblem, ProgrammeHint, Said,
};
use super::{build, is_xml_name, pack_of_form_id, Control, Form, Question, DONT_KNOW, PREFER_NOT};
use crate::engine::problem::JsonSyntax;
use crate::engine::profile::{decode_value, number_json, FieldKind, Value, PROFILE_SCHEMA};
use crate::engine::{visible_questions, Locale, Pack, Profile};

/// One submission read back: its id, date and name from the export's metadata, and its
/// answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    /// Kobo's `_id`, ODK Central's `KEY`, or the instance's uuid: what names the record.
    pub id: Option<String>,
    /// The instance's own id, the same on every server and in every export of it, and kept
    /// when the submission is edited where the tool says so: Kobo's `meta/rootUuid`, ODK
    /// Central's `KEY`, Kobo's `_uuid`, else `meta/instanceID` (`uuid:…`).
    pub instance: Option<String>,
    /// When it was submitted (`_submission_time`, `SubmissionDate`, else the form's `end`,
    /// else its `start`), as the export writes it (ISO 8601).
    pub submitted: Option<String>,
    /// The column `submitted` was read from.
    pub submitted_column: Option<String>,
    /// The `label` column, else the instance's name (`instanceName`, from the form's
    /// `instance_name` setting), as written.
    pub name: Option<String>,
    pub profile: Profile,
}

/// What a column of an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The record's id; a lower rank wins.
    Id(u8),
    /// The record's date; a lower rank wins.
    Date(u8),
    /// The instance's name (`instanceName`).
    Name,
    /// The id the first version of an edited instance had (Kobo's `meta/rootUuid`).
    Root,
    /// Metadata kept out of the profile.
    Ignored,
    Country,
    Label,
    /// The answer to a question of the form, by its place in [`Form::questions`].
    Question(usize),
    /// One 0/1 column of a multiple choice: the question, and the choice (`None` for the
    /// reserved one).
    Choice(usize, Option<usize>),
}

/// The export's metadata column `header` stands for, if it is one: the ids and dates kept,
/// and what Kobo (`_…`, `formhub/…`, `start`, …) and ODK Central (`SubmitterID`, …) add.
fn metadata(header: &str) -> Option<Target> {
    Some(match header {
        "_id" => Target::Id(0),
        "KEY" => Target::Id(1),
        "_uuid" => Target::Id(2),
        "meta/instanceID" | "meta-instanceID" | "meta.instanceID" | "instanceID" => Target::Id(3),
        "_submission_time" => Target::Date(0),
        "SubmissionDate" => Target::Date(1),
        "end" => Target::Date(2),
        "start" => Target::Date(3),
        "instanceName" | "meta/instanceName" | "meta-instanceName" | "meta.instanceName" => {
            Target::Name
        }
        "rootUuid" | "meta/rootUuid" | "meta-rootUuid" | "meta.rootUuid" => Target::Root,
        "today"
        | "deviceid"
        | "username"
        | "simserial"
        | "subscriberid"
        | "phonenumber"
        | "audit"
        | "SubmitterID"
        | "SubmitterName"
        | "AttachmentsPresent"
        | "AttachmentsExpected"
        | "Status"
        | "ReviewState"
        | "DeviceID"
        | "Edits"
        | "FormVersion" => Target::Ignored,
        h if h.starts_with('_') => Target::Ignored,
        h if ["meta", "formhub"].iter().any(|p| {
            h.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(['/', '-', '.']))
        }) =>
        {
            Target::Ignored
        }
        _ => return None,
    })
}

/// Whether a CSV header is an export of a form rather than Umbral's own CSV of profiles: it
/// has an export's metadata column, or a header with a group joined by `/`.
pub fn is_export_header<'a>(headers: impl IntoIterator<Item = &'a str>) -> bool {
    headers.into_iter().any(|h| {
        let h = h.trim().trim_start_matches('\u{feff}');
        metadata(h).is_some() || h.contains('/')
    })
}

/// The separator of a CSV file from its first line: `;` when it has more of them than of
/// `,` outside quotes (Kobo's default), `,` otherwise.
pub fn csv_separator(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let (mut quoted, mut commas, mut semicolons) = (false, 0, 0);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// Whether a file's start is a JSON export of submissions rather than JSON Lines of profiles:
/// it opens an array, or an object with `results` (Kobo's API) or `value` (ODK's OData) first
/// on its line.
pub fn is_export_json(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let Some(start) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let head = &head[start..];
    match head[0] {
        b'[' => true,
        b'{' => {
            let first_line = head.split(|&b| b == b'\n').next().unwrap_or(head);
            match serde_json::from_slice::<Json>(first_line) {
                Ok(json) => ["results", "value"]
                    .iter()
                    .any(|k| json.get(k).is_some_and(Json::is_array)),
                // A document over several lines (a profile's first line is whole): its first
                // key is one of Kobo's API or ODK's OData.
                Err(_) => {
                    let rest = &head[1..];
                    let key = rest
                        .iter()
                        .position(|b| !b.is_ascii_whitespace())
                        .map_or(&rest[rest.len()..], |i| &rest[i..]);
                    [
                        &b"\"count\""[..],
                        b"\"results\"",
                        b"\"value\"",
                        b"\"@odata.context\"",
                    ]
                    .iter()
                    .any(|k| key.starts_with(k))
                }
            }
        }
        _ => false,
    }
}

/// The submissions of a JSON export, in order. Refuses text that is not one of the shapes.
pub fn json_submissions(text: &str) -> Result<Vec<Json>, ExportError> {
    let text = text.trim_start_matches('\u{feff}');
    let json: Json = serde_json::from_str(text).map_err(|e| ExportProblem::NotJson {
        detail: JsonSyntax::of(&e),
    })?;
    match json {
        Json::Array(list) => Ok(list),
        Json::Object(mut map) => {
            match ["results", "value"]
                .iter()
                .find_map(|k| match map.remove(*k) {
                    Some(Json::Array(list)) => Some(list),
                    _ => None,
                }) {
                Some(list) => Ok(list),
                None => Err(ExportProblem::NotSubmissions { object: true }.into()),
            }
        }
        _ => Err(ExportProblem::NotSubmissions { object: false }.into()),
    }
}

/// Which pack a JSON submission says it was collected with: its form id
/// (`_xform_id_string`, KoboToolbox) or else its country.
pub fn json_pack_hint(submission: &Json) -> Option<String> {
    if let Some(pack) = submission
        .get("_xform_id_string")
        .and_then(Json::as_str)
        .and_then(pack_of_form_id)
    {
        return Some(pack);
    }
    submission
        .get(super::COUNTRY)
        .and_then(Json::as_str)
        .map(str::to_ascii_lowercase)
}

/// The meaning of each column of one export's header.
#[derive(Debug, Clone)]
pub struct Columns {
    headers: Vec<String>,
    targets: Vec<Target>,
}

impl Columns {
    /// The column of the profile's country, if the export has one.
    pub fn country_column(&self) -> Option<usize> {
        self.targets.iter().position(|t| *t == Target::Country)
    }
}

/// Reads exports of one pack's form.
pub struct Reader<'p> {
    pack: &'p Pack,
    form: Form,
    /// Every header that names a column, mapped to what it may stand for (more than one:
    /// ambiguous).
    spellings: HashMap<String, Vec<Target>>,
    /// What a header error adds when it names a programme's questions the pack does not have.
    programme_hint: ProgrammeHint,
}

/// The separators the tools join a group and a name with: Kobo `/` (or `.`), ODK Central `-`.
const SEPARATORS: [char; 3] = ['/', '.', '-'];

impl<'p> Reader<'p> {
    /// A reader for exports of `pack`'s form, in every language the pack has.
    pub fn new(pack: &'p Pack) -> Result<Reader<'p>, ExportError> {
        let form = build(pack, &Locale::ALL).map_err(|e| ExportProblem::NoForm {
            pack: pack.data.id.clone(),
            problems: e.0,
        })?;
        let mut spellings: HashMap<String, Vec<Target>> = HashMap::new();
        let mut add = |key: String, target: Target| {
            let list = spellings.entry(key).or_default();
            if !list.contains(&target) {
                list.push(target);
            }
        };
        for (i, q) in form.questions.iter().enumerate() {
            let mut heads = vec![q.name.clone()];
            if let Some(group) = &q.group {
                heads.extend(SEPARATORS.map(|s| format!("{group}{s}{}", q.name)));
            }
            for (j, label) in q.labels.iter().enumerate() {
                heads.push(label.trim().to_string());
                if let Some(group) = &q.group {
                    heads.push(format!(
                        "{}/{}",
                        form.group_labels[group][j].trim(),
                        label.trim()
                    ));
                }
            }
            if q.control == Control::SelectMultiple {
                let mut choices: Vec<(Option<usize>, String)> = Vec::new();
                for (c, choice) in q.choices.iter().enumerate() {
                    choices.push((Some(c), choice.name.clone()));
                    choices.extend(
                        choice
                            .labels
                            .iter()
                            .map(|l| (Some(c), l.trim().to_string())),
                    );
                }
                if let Some(skip) = q.skip {
                    choices.push((None, skip.to_string()));
                    choices.extend(
                        Locale::ALL
                            .iter()
                            .map(|&l| (None, super::skip_label(skip, l).to_string())),
                    );
                }
                for head in &heads {
                    for (c, spelling) in &choices {
                        for s in SEPARATORS {
                            add(format!("{head}{s}{spelling}"), Target::Choice(i, *c));
                        }
                    }
                }
            }
            for head in heads {
                add(head, Target::Question(i));
            }
        }
        Ok(Reader {
            pack,
            form,
            spellings,
            programme_hint: ProgrammeHint::GivePack,
        })
    }

    /// Says `hint` rather than the command line's `give --pack <id>` when a header names a
    /// programme's questions (`extra/…`) that the pack does not ask: the pages have no
    /// `--pack`.
    pub fn with_programme_hint(mut self, hint: ProgrammeHint) -> Reader<'p> {
        self.programme_hint = hint;
        self
    }

    /// The form the exports come from.
    pub fn form(&self) -> &Form {
        &self.form
    }

    /// Reads a header. Every column must be a question of the form (by name, path or label),
    /// one choice of a multiple choice, `country`, `label` or the export's metadata; the error
    /// names every column that is not, and every one that could mean two questions.
    pub fn columns<'a>(
        &self,
        headers: impl IntoIterator<Item = &'a str>,
    ) -> Result<Columns, ExportError> {
        let mut out = Columns {
            headers: Vec::new(),
            targets: Vec::new(),
        };
        let mut unknown = Vec::new();
        let mut ambiguous = Vec::new();
        for (i, header) in headers.into_iter().enumerate() {
            let mut h = header.trim();
            if i == 0 {
                h = h.trim_start_matches('\u{feff}');
            }
            let target = match (metadata(h), h) {
                (Some(t), _) => Some(t),
                (None, super::COUNTRY) => Some(Target::Country),
                (None, "label") => Some(Target::Label),
                (None, _) => match self.spellings.get(h).map(Vec::as_slice) {
                    Some([one]) => Some(*one),
                    Some(many) => {
                        let names: Vec<String> = many.iter().map(|t| self.describe(*t)).collect();
                        ambiguous.push((h.to_string(), names));
                        None
                    }
                    None => {
                        unknown.push(h.to_string());
                        None
                    }
                },
            };
            out.headers.push(h.to_string());
            out.targets.push(target.unwrap_or(Target::Ignored));
        }
        let mut problems = Vec::new();
        if !unknown.is_empty() {
            let programme = unknown.iter().any(|h| h.starts_with("extra"))
                && !self
                    .form
                    .questions
                    .iter()
                    .any(|q| q.path.starts_with("extra."));
            problems.push(ExportProblem::UnknownColumns {
                columns: unknown,
                form: self.form.id.clone(),
                pack: self.pack.data.id.clone(),
                version: self.pack.data.version.clone(),
                programme: programme.then_some(self.programme_hint),
            });
        }
        if !ambiguous.is_empty() {
            problems.push(ExportProblem::AmbiguousColumns { columns: ambiguous });
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(ExportError(problems))
        }
    }

    fn describe(&self, target: Target) -> String {
        match target {
            Target::Question(i) => self.form.questions[i].xml_path(),
            Target::Choice(i, c) => {
                let q = &self.form.questions[i];
                let choice = c.map_or(q.skip.unwrap_or(DONT_KNOW), |c| q.choices[c].name.as_str());
                format!("{}/{choice}", q.xml_path())
            }
            _ => "metadata".into(),
        }
    }

    /// One row of an export (its cells in header order) as a submission. Every problem is
    /// named with its column; the caller adds the row.
    pub fn read<'a>(
        &self,
        columns: &Columns,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<Submission, ExportError> {
        let mut problems = Vec::new();
        let mut id: Option<(u8, String)> = None;
        let mut instance: Option<(u8, String)> = None;
        let mut submitted: Option<(u8, String)> = None;
        let mut submitted_column = None;
        let mut country = None;
        let mut label = None;
        let mut instance_name = None;
        // Per question: the column that holds its answer, and its 0/1 columns.
        let mut whole: BTreeMap<usize, (usize, &str)> = BTreeMap::new();
        let mut split: BTreeMap<usize, Ticks> = BTreeMap::new();
        for (col, (target, cell)) in columns.targets.iter().zip(cells).enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match *target {
                Target::Id(rank) => {
                    keep_best(&mut id, rank, cell);
                    if rank > 0 {
                        keep_best(&mut instance, rank, cell);
                    }
                }
                Target::Date(rank) => {
                    if keep_best(&mut submitted, rank, cell) {
                        submitted_column = Some(col);
                    }
                }
                Target::Name => instance_name = Some(cell.to_string()),
                Target::Root => {
                    keep_best(&mut instance, 0, cell);
                }
                Target::Ignored => {}
                Target::Country => country = Some(cell.to_string()),
                Target::Label => label = Some(cell.to_string()),
                Target::Question(q) => {
                    if let Some((other, _)) = whole.insert(q, (col, cell)) {
                        problems.push(ExportProblem::BothAnswer {
                            first: columns.headers[other].clone(),
                            second: columns.headers[col].clone(),
                            question: self.form.questions[q].xml_path(),
                        });
                    }
                }
                Target::Choice(q, c) => split.entry(q).or_default().push((col, c, cell)),
            }
        }

        let mut root = Map::new();
        root.insert("schema".into(), Json::String(PROFILE_SCHEMA.into()));
        root.insert(
            "country".into(),
            Json::String(country.unwrap_or_else(|| self.form.country.clone())),
        );
        if let Some(label) = label
            .clone()
            .or_else(|| id.as_ref().map(|(_, id)| id.clone()))
        {
            root.insert("label".into(), Json::String(label));
        }
        let mut blank_sets = Vec::new();
        for (i, q) in self.form.questions.iter().enumerate() {
            let from_whole = whole.get(&i).map(|&(col, cell)| {
                self.answer(q, cell).map_err(|problem| ExportProblem::Cell {
                    column: columns.headers[col].clone(),
                    problem,
                })
            });
            let answer = match (from_whole, split.get(&i)) {
                (None, None) => None,
                (Some(a), None) => Some(a),
                (None, Some(cells)) => Some(self.ticked(q, cells, &columns.headers)),
                (Some(Err(e)), _) => Some(Err(e)),
                (Some(Ok(a)), Some(cells)) => Some(
                    self.ticked(q, cells, &columns.headers)
                        .and_then(|_| agree(q, &a, whole[&i].0, cells, &columns.headers))
                        .map(|()| a),
                ),
            };
            match answer {
                None if q.control == Control::SelectMultiple => blank_sets.push(i),
                None | Some(Ok(Answer::Skip)) => {}
                Some(Ok(Answer::Value(value))) => {
                    let kind = &self.pack.fields()[q.field].kind;
                    match decode_value(kind, &value) {
                        Ok(_) => insert(&mut root, &q.path, value),
                        Err(problem) => problems.push(ExportProblem::Cell {
                            column: self.column_of(i, &whole, &split, columns),
                            problem: CellProblem::Value(problem),
                        }),
                    }
                }
                Some(Err(problem)) => problems.push(problem),
            }
        }
        if !problems.is_empty() {
            return Err(ExportError(problems));
        }
        let mut profile =
            Profile::from_value(&Json::Object(root)).map_err(ExportProblem::NotAProfile)?;
        self.settle_blank_sets(&mut profile, &blank_sets);
        Ok(Submission {
            id: id.map(|(_, s)| s),
            instance: instance.map(|(_, s)| s),
            submitted: submitted.map(|(_, s)| s),
            submitted_column: submitted_column.map(|col| columns.headers[col].clone()),
            name: label.or(instance_name),
            profile,
        })
    }

    /// One JSON submission (an object with `group/field` keys, or nested group objects).
    pub fn read_json(&self, submission: &Json) -> Result<Submission, ExportError> {
        let Json::Object(map) = submission else {
            return Err(ExportProblem::NotASubmission.into());
        };
        let mut pairs = Vec::new();
        flatten("", map, &mut pairs);
        let columns = self.columns(pairs.iter().map(|(k, _)| k.as_str()))?;
        self.read(&columns, pairs.iter().map(|(_, v)| v.as_str()))
    }

    fn column_of(
        &self,
        q: usize,
        whole: &BTreeMap<usize, (usize, &str)>,
        split: &BTreeMap<usize, Ticks>,
        columns: &Columns,
    ) -> String {
        let col = whole
            .get(&q)
            .map(|&(c, _)| c)
            .or_else(|| split.get(&q).and_then(|s| s.first()).map(|&(c, _, _)| c));
        col.map_or_else(
            || self.form.questions[q].xml_path(),
            |c| columns.headers[c].clone(),
        )
    }

    /// The answer one cell gives question `q`.
    fn answer(&self, q: &Question, cell: &str) -> Result<Answer, CellProblem> {
        if cell == DONT_KNOW || cell == PREFER_NOT {
            return Ok(Answer::Skip);
        }
        let kind = &self.pack.fields()[q.field].kind;
        match q.control {
            Control::SelectOne => match choice(q, cell) {
                Some(c) => Ok(Answer::Value(q.choices[c].value.clone())),
                None => match (kind, yes_no(cell)) {
                    (FieldKind::Bool { .. }, Some(b)) => Ok(Answer::Value(Json::Bool(b))),
                    _ => Err(CellProblem::UnknownChoice {
                        cell: cell.to_string(),
                        choices: expected(q),
                    }),
                },
            },
            Control::SelectMultiple => {
                let tokens: Vec<&str> = cell
                    .split(|c: char| c.is_whitespace() || c == ';')
                    .filter(|t| !t.is_empty())
                    .collect();
                if tokens.iter().any(|t| *t == DONT_KNOW || *t == PREFER_NOT) {
                    return if tokens.len() == 1 {
                        Ok(Answer::Skip)
                    } else {
                        Err(CellProblem::DontKnowWithOthers {
                            cell: cell.to_string(),
                        })
                    };
                }
                let mut chosen = Vec::new();
                for token in &tokens {
                    match q.choices.iter().position(|c| c.name == *token) {
                        Some(c) if chosen.contains(&c) => {
                            return Err(CellProblem::ChosenTwice {
                                item: token.to_string(),
                            });
                        }
                        Some(c) => chosen.push(c),
                        // One label alone (an export with labels for values).
                        None => match choice(q, cell) {
                            Some(c) => {
                                chosen = vec![c];
                                break;
                            }
                            None => {
                                return Err(CellProblem::UnknownItem {
                                    item: token.to_string(),
                                    choices: expected(q),
                                })
                            }
                        },
                    }
                }
                Ok(set_answer(q, chosen))
            }
            Control::Integer => match cell.parse::<i64>() {
                Ok(n) => Ok(Answer::Value(Json::from(n))),
                Err(_) => match cell.parse::<f64>() {
                    Ok(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
                        Ok(Answer::Value(Json::from(x as i64)))
                    }
                    _ => Err(CellProblem::NotWhole {
                        cell: cell.to_string(),
                    }),
                },
            },
            Control::Decimal => match cell.parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(Answer::Value(number_json(x))),
                _ => Err(CellProblem::NotANumber {
                    cell: cell.to_string(),
                }),
            },
            Control::Text => Ok(Answer::Value(Json::String(cell.to_string()))),
        }
    }

    /// The answer a multiple choice's 0/1 columns give together.
    fn ticked(
        &self,
        q: &Question,
        cells: &[(usize, Option<usize>, &str)],
        headers: &[String],
    ) -> Result<Answer, ExportProblem> {
        let mut chosen = Vec::new();
        let mut skip = false;
        for &(col, c, cell) in cells {
            let ticked = tick(cell, &headers[col])?;
            match (ticked, c) {
                (false, _) => {}
                (true, None) => skip = true,
                (true, Some(c)) => {
                    if !chosen.contains(&c) {
                        chosen.push(c);
                    }
                }
            }
        }
        if skip && !chosen.is_empty() {
            return Err(ExportProblem::TicksDontKnowWithOthers {
                question: q.xml_path(),
            });
        }
        if skip {
            return Ok(Answer::Skip);
        }
        Ok(set_answer(q, chosen))
    }

    /// A multiple choice left blank where the form asked it is the answer "none of these", as
    /// in the app; blank where the form did not ask it (its `relevant` was false) stays
    /// unanswered. An empty answer can show further questions, so this repeats until settled.
    fn settle_blank_sets(&self, profile: &mut Profile, blank: &[usize]) {
        let mut left: Vec<usize> = blank.to_vec();
        while !left.is_empty() {
            let visible = visible_questions(self.pack, profile);
            let (asked, hidden): (Vec<usize>, Vec<usize>) = left
                .iter()
                .partition(|&&i| visible.contains(&self.form.questions[i].index));
            if asked.is_empty() {
                break;
            }
            for i in asked {
                let q = &self.form.questions[i];
                match q.path.strip_prefix("extra.") {
                    Some(key) => {
                        profile
                            .extra
                            .insert(key.to_string(), Json::Array(Vec::new()));
                    }
                    None => profile.set(q.field, Some(Value::Set(0))),
                }
            }
            left = hidden;
        }
    }
}

/// A multiple choice's 0/1 cells: the column, the choice (`None`: the reserved one) and the cell.
type Ticks<'a> = Vec<(usize, Option<usize>, &'a str)>;

/// What one question's columns say.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    /// "No sé" or "Prefiero no decir": unanswered.
    Skip,
    Value(Json),
}

/// What an answer says, as a message quotes it.
fn say(answer: &Answer) -> Said {
    match answer {
        Answer::Skip => Said::DontKnow,
        Answer::Value(Json::Array(items)) => Said::Values(
            items
                .iter()
                .map(|v| match v {
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect(),
        ),
        Answer::Value(other) => Said::Values(vec![other.to_string()]),
    }
}

/// A multiple choice's answer: the values of the choices ticked (by index), in the form's
/// order, as the app writes a set.
fn set_answer(q: &Question, mut chosen: Vec<usize>) -> Answer {
    chosen.sort_unstable();
    Answer::Value(Json::Array(
        chosen
            .into_iter()
            .map(|c| q.choices[c].value.clone())
            .collect(),
    ))
}

/// A 0/1 column's cell, in column `column`.
fn tick(cell: &str, column: &str) -> Result<bool, ExportProblem> {
    match cell {
        "1" => Ok(true),
        "0" => Ok(false),
        other => yes_no(other).ok_or_else(|| ExportProblem::Cell {
            column: column.to_string(),
            problem: CellProblem::NotATick {
                cell: other.to_string(),
            },
        }),
    }
}

/// Checks that a multiple choice's 0/1 columns say what its own column says, naming the first
/// column that does not.
fn agree(
    q: &Question,
    answer: &Answer,
    column: usize,
    cells: &[(usize, Option<usize>, &str)],
    headers: &[String],
) -> Result<(), ExportProblem> {
    for &(col, c, cell) in cells {
        let ticked = tick(cell, &headers[col])?;
        let says = match (answer, c) {
            (Answer::Skip, c) => c.is_none(),
            (Answer::Value(_), None) => false,
            (Answer::Value(Json::Array(items)), Some(c)) => items.contains(&q.choices[c].value),
            (Answer::Value(_), Some(_)) => false,
        };
        if ticked != says {
            return Err(ExportProblem::Disagree {
                column: headers[column].clone(),
                says: say(answer),
                tick_column: headers[col].clone(),
                tick: cell.to_string(),
            });
        }
    }
    Ok(())
}

/// The choice a cell names: by name, else by its label in any language.
fn choice(q: &Question, cell: &str) -> Option<usize> {
    q.choices.iter().position(|c| c.name == cell).or_else(|| {
        let matches: Vec<usize> = q
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.labels.iter().any(|l| l.trim() == cell))
            .map(|(i, _)| i)
            .collect();
        match matches.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    })
}

/// The names a choice's cell may be: its choices', and the reserved "No sé" where it has one.
fn expected(q: &Question) -> Vec<String> {
    let mut names: Vec<String> = q.choices.iter().map(|c| c.name.clone()).collect();
    if let Some(skip) = q.skip {
        names.push(skip.to_string());
    }
    names
}

fn yes_no(cell: &str) -> Option<bool> {
    match cell.to_lowercase().as_str() {
        "true" | "yes" | "si" | "sí" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// Keeps `cell` in `slot` when its rank is better than the one there; whether it did.
fn keep_best(slot: &mut Option<(u8, String)>, rank: u8, cell: &str) -> bool {
    let better = slot.as_ref().is_none_or(|(best, _)| rank < *best);
    if better {
        *slot = Some((rank, cell.to_string()));
    }
    better
}

/// Puts `value` at the dotted `path` of a profile object.
fn insert(root: &mut Map<String, Json>, path: &str, value: Json) {
    match path.split_once('.') {
        None => {
            root.insert(path.to_string(), value);
        }
        Some((group, member)) => {
            if let Json::Object(map) = root
                .entry(group.to_string())
                .or_insert_with(|| Json::Object(Map::new()))
            {
                map.insert(member.to_string(), value);
            }
        }
    }
}

/// A JSON submission's keys and values as columns and cells: nested group objects joined by
/// `/`, lists of names by spaces, numbers and booleans as written; metadata kept whole.
fn flatten(prefix: &str, map: &Map<String, Json>, out: &mut Vec<(String, String)>) {
    for (key, value) in map {
        let key = format!("{prefix}{key}");
        let text = match value {
            Json::Null => String::new(),
            Json::String(s) => s.clone(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.to_string(),
            Json::Object(inner)
                if metadata(&key).is_none()
                    && is_xml_name(key.rsplit('/').next().unwrap_or("")) =>
            {
                flatten(&format!("{key}/"), inner, out);
                continue;
            }
            Json::Array(items) if items.iter().all(|v| v.is_string()) => items
                .iter()
                .filter_map(Json::as_str)
                .collect::<Vec<_>>()
                .join(" "),
            // Kobo's attachments, notes, geolocation: metadata whatever they hold.
            other => other.to_string(),
        };
        out.push((key, text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs;

    fn pack(id: &str) -> Pack {
        packs::compile(id, &packs::builtin(), None).pack.unwrap()
    }

    fn read(pack: &Pack, csv: &str) -> Vec<Result<Submission, ExportError>> {
        let reader = Reader::new(pack).unwrap();
        let mut lines = csv.lines();
        let sep = if csv_separator(csv.as_bytes()) == b';' {
            ';'
        } else {
            ','
        };
        let header: Vec<&str> = lines.next().unwrap().split(sep).collect();
        let columns = reader.columns(header).unwrap();
        lines.map(|l| reader.read(&columns, l.split(sep))).collect()
    }

    fn json(s: &Submission) -> Json {
        s.profile.to_value()
    }

    #[test]
    fn kobo_headers_values_and_metadata() {
        let mx = pack("mx");
        let got = read(
            &mx,
            "start;end;country;sector;goal;connectivity/internet;connectivity/devices;connectivity/devices/smartphone;connectivity/devices/computer;payments/monthly_budget;logistics/perishable;_id;_uuid;_submission_time;__version__;_index\n\
             2026-12-01T10:00:00;2026-12-01T10:20:00;MX;food;grow_local;mobile_data;smartphone computer;1;1;1500.5;false;41;u-1;2026-12-02T08:00:00;vX;1\n\
             ;;MX;crafts;;dont_know;dont_know;0;0;;;42;u-2;;;2",
        );
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.id.as_deref(), Some("41"));
        assert_eq!(first.submitted.as_deref(), Some("2026-12-02T08:00:00"));
        assert_eq!(first.submitted_column.as_deref(), Some("_submission_time"));
        assert_eq!(first.instance.as_deref(), Some("u-1"));
        assert_eq!(first.name, None);
        let p = json(first);
        assert_eq!(p["label"], "41");
        assert_eq!(p["connectivity"]["internet"], "mobile_data");
        assert_eq!(
            p["connectivity"]["devices"],
            serde_json::json!(["smartphone", "computer"])
        );
        assert_eq!(p["payments"]["monthly_budget"], 1500.5);
        assert_eq!(p["logistics"]["perishable"], false);
        // "No sé" leaves the field unanswered, in both kinds of column.
        let second = json(got[1].as_ref().unwrap());
        assert!(second["connectivity"].get("internet").is_none(), "{second}");
        assert!(second["connectivity"].get("devices").is_none(), "{second}");
    }

    #[test]
    fn dates_ids_and_names_from_the_metadata_that_is_there() {
        let mx = pack("mx");
        let got = read(
            &mx,
            "start,end,country,meta/instanceID,meta/instanceName,label,meta/rootUuid\n\
             2026-12-01T10:00:00-06:00,,MX,uuid:9,Tienda 9,,\n\
             2026-12-01T10:00:00-06:00,2026-12-01T10:30:00-06:00,MX,,Tienda 10,Abarrotes Rosa,\n\
             ,,MX,uuid:12,,,uuid:11\n",
        );
        let first = got[0].as_ref().unwrap();
        assert_eq!(
            (
                first.submitted.as_deref(),
                first.submitted_column.as_deref()
            ),
            (Some("2026-12-01T10:00:00-06:00"), Some("start"))
        );
        assert_eq!(
            (first.id.as_deref(), first.instance.as_deref()),
            (Some("uuid:9"), Some("uuid:9"))
        );
        assert_eq!(first.name.as_deref(), Some("Tienda 9"));
        // The instance's name stays out of the profile; the label column is the profile's.
        assert_eq!(json(first)["label"], "uuid:9");
        let second = got[1].as_ref().unwrap();
        assert_eq!(second.submitted_column.as_deref(), Some("end"));
        assert_eq!(second.name.as_deref(), Some("Abarrotes Rosa"));
        assert_eq!((second.id.as_ref(), second.instance.as_ref()), (None, None));
        // An edited instance keeps the id of its first version (Kobo's rootUuid).
        let third = got[2].as_ref().unwrap();
        assert_eq!(
            (third.id.as_deref(), third.instance.as_deref()),
            (Some("uuid:12"), Some("uuid:11"))
        );
    }

    #[test]
    fn a_blank_multiple_choice_is_none_only_where_it_was_asked() {
        let mx = pack("mx");
        // channels is always asked: blank is "none of these".
        let got = read(&mx, "country,sector,presence.channels\nMX,food,\n");
        let p = json(got[0].as_ref().unwrap());
        assert_eq!(p["presence"]["channels"], serde_json::json!([]));
    }

    #[test]
    fn labels_as_headers_and_values() {
        let mx = pack("mx");
        // "Conectividad/…" is not the sector's group: an unknown column.
        let reader = Reader::new(&mx).unwrap();
        let err = reader
            .columns(["Conectividad/¿Qué vende su negocio?"])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("'Conectividad/¿Qué vende su negocio?'"),
            "{err}"
        );
        let columns = reader
            .columns([
                "¿Qué internet tiene en su negocio o cerca?",
                "Which devices can you use for the business?/Computer",
                "¿Qué vende su negocio?",
            ])
            .unwrap();
        let s = reader
            .read(
                &columns,
                ["Datos en el celular todos los días", "1", "Artesanías"],
            )
            .unwrap();
        let p = json(&s);
        assert_eq!(p["connectivity"]["internet"], "mobile_data");
        assert_eq!(
            p["connectivity"]["devices"],
            serde_json::json!(["computer"])
        );
        assert_eq!(p["sector"], "crafts");
    }

    #[test]
    fn problems_name_their_columns() {
        let mx = pack("mx");
        let got = read(
            &mx,
            "country;connectivity/internet;skills/hours_per_week;connectivity/devices;connectivity/devices/tablet;owner/age\n\
             MX;wifi;7;smartphone dont_know;;200\n\
             MX;none;3;smartphone;1;30\n",
        );
        let err = got[0].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("column 'connectivity/internet': unknown choice 'wifi'; expected one of: none, intermittent, mobile_data, broadband, dont_know"),
            "{err}"
        );
        assert!(
            err.contains("column 'skills/hours_per_week': unknown choice '7'"),
            "{err}"
        );
        assert!(
            err.contains("column 'connectivity/devices': 'smartphone dont_know' chooses"),
            "{err}"
        );
        assert!(
            err.contains("column 'owner/age': 200 is out of range"),
            "{err}"
        );
        let err = got[1].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("column 'connectivity/devices' says smartphone but column 'connectivity/devices/tablet' says 1"),
            "{err}"
        );
        let reader = Reader::new(&mx).unwrap();
        let err = reader
            .columns(["country", "extra/apoyo", "wifi"])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("'extra/apoyo', 'wifi' are not in form umbral_mx"),
            "{err}"
        );
        assert!(err.contains("give --pack"), "{err}");
    }

    #[test]
    fn json_exports_flat_and_nested() {
        let programme = pack("example-programme");
        let reader = Reader::new(&programme).unwrap();
        let text = r#"{"count": 2, "results": [
            {"_id": 7, "_xform_id_string": "umbral_example_programme", "country": "MX",
             "connectivity/internet": "broadband", "extra/apoyo": "envios", "extra/quiere_taller": "true",
             "_attachments": [], "_geolocation": [null, null], "_validation_status": {}},
            {"__id": "uuid:1", "country": "MX", "connectivity": {"internet": "none", "devices": "basic_phone"},
             "meta": {"instanceID": "uuid:1"}, "skills": {"digital_level": 2}}
        ]}"#;
        assert!(is_export_json(text.as_bytes()));
        let list = json_submissions(text).unwrap();
        assert_eq!(
            json_pack_hint(&list[0]).as_deref(),
            Some("example-programme")
        );
        let first = reader.read_json(&list[0]).unwrap();
        assert_eq!(first.id.as_deref(), Some("7"));
        let p = json(&first);
        assert_eq!(p["extra"]["apoyo"], "envios");
        assert_eq!(p["extra"]["quiere_taller"], true);
        let second = json(&reader.read_json(&list[1]).unwrap());
        assert_eq!(
            second["connectivity"]["devices"],
            serde_json::json!(["basic_phone"])
        );
        assert_eq!(second["skills"]["digital_level"], 2);
        assert_eq!(second["label"], "uuid:1");
    }

    #[test]
    fn detection() {
        assert!(is_export_header(["_id", "sector"]));
        assert!(is_export_header(["connectivity/internet"]));
        assert!(!is_export_header(["country", "connectivity.internet"]));
        assert_eq!(csv_separator(b"\"a;b\",c\n"), b',');
        assert_eq!(csv_separator(b"a;b;c,d\n"), b';');
        assert!(is_export_json(b"  [{}]"));
        assert!(!is_export_json(
            b"{\"schema\":\"umbral.profile/2\",\"country\":\"MX\"}\n"
        ));
        assert!(is_export_json(b"{\n  \"count\": 1,\n  \"results\": ["));
        assert!(is_export_json(
            b"{\n  \"@odata.context\": \"x\",\n  \"value\": ["
        ));
        // JSON Lines whose first line is broken stay JSON Lines, whatever a later line says.
        assert!(!is_export_json(
            b"{\"schema\":\n{\"extra\":{\"value\":[]}}\n"
        ));
    }
}
