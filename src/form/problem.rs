//! What is wrong with an export of the form, as data: each kind of problem the reader of
//! exports ([`super::export`]) finds in a file, a header, a row or a cell, and its sentence in
//! Spanish and English. The command line says them in English (`Display`); the planner and the
//! workspace in the language of the page. A problem of the engine's (a value the profile does
//! not take, a profile that cannot be read) is carried whole and worded as the engine words it.

use std::fmt;

use crate::engine::problem::JsonSyntax;
use crate::engine::profile::Problem;
use crate::engine::words::{texts_static, texts_table};
use crate::engine::{fill, Locale, ProfileErrors};

/// What a header error adds when it names a programme's questions (`extra/…`) that the pack
/// does not ask: how the shell reading the export reads them instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgrammeHint {
    /// The command line: give the programme's pack (`--pack <id>`).
    GivePack,
    /// The planner page: export JSON, which names its form, or use the command line.
    JsonOrBatch,
    /// The workspace page: export JSON, which names its form.
    Json,
}

impl ProgrammeHint {
    fn said(self, w: &FormWords) -> &'static str {
        match self {
            ProgrammeHint::GivePack => w.hint_give_pack(),
            ProgrammeHint::JsonOrBatch => w.hint_json_or_batch(),
            ProgrammeHint::Json => w.hint_json(),
        }
    }
}

/// What a multiple choice's own column says, as a message quotes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// "No sé" (or "Prefiero no decir").
    DontKnow,
    /// The choices' values, in the form's order; none is "none of these".
    Values(Vec<String>),
}

impl Said {
    fn said(&self, w: &FormWords) -> String {
        match self {
            Said::DontKnow => w.said_dont_know().into(),
            Said::Values(v) if v.is_empty() => w.said_none().into(),
            Said::Values(v) => v.join(" "),
        }
    }
}

/// What is wrong with one cell, without its column.
#[derive(Debug, Clone, PartialEq)]
pub enum CellProblem {
    /// A single choice's cell that names none of its choices (`choices`: their names, and the
    /// reserved "No sé" where the question has it).
    UnknownChoice {
        cell: String,
        choices: Vec<String>,
    },
    /// One name of a multiple choice's cell that is none of its choices.
    UnknownItem {
        item: String,
        choices: Vec<String>,
    },
    /// A multiple choice's cell that picks "No sé" and other answers too.
    DontKnowWithOthers {
        cell: String,
    },
    /// A multiple choice's cell that names one choice twice.
    ChosenTwice {
        item: String,
    },
    NotWhole {
        cell: String,
    },
    NotANumber {
        cell: String,
    },
    /// A 0/1 column's cell that is neither (nor yes/no, true/false).
    NotATick {
        cell: String,
    },
    /// An answer the profile does not take (out of range, …), as the engine words it.
    Value(Problem),
}

impl CellProblem {
    /// The problem in a sentence, without where it is.
    pub fn message(&self, locale: Locale) -> String {
        let w = form_words(locale);
        let choices = |c: &[String]| c.join(", ");
        match self {
            CellProblem::UnknownChoice { cell, choices: c } => fill(
                w.unknown_choice(),
                &[("cell", cell), ("choices", &choices(c))],
            ),
            CellProblem::UnknownItem { item, choices: c } => fill(
                w.unknown_item(),
                &[("item", item), ("choices", &choices(c))],
            ),
            CellProblem::DontKnowWithOthers { cell } => {
                fill(w.dont_know_with_others(), &[("cell", cell)])
            }
            CellProblem::ChosenTwice { item } => fill(w.chosen_twice(), &[("item", item)]),
            CellProblem::NotWhole { cell } => fill(w.not_whole(), &[("cell", cell)]),
            CellProblem::NotANumber { cell } => fill(w.not_a_number(), &[("cell", cell)]),
            CellProblem::NotATick { cell } => fill(w.not_a_tick(), &[("cell", cell)]),
            CellProblem::Value(problem) => problem.message(locale),
        }
    }
}

/// A problem said at a column: "column 'x': …", "columna 'x': …". Every message about one
/// column of an export is worded here, the workspace's too.
pub fn at_column(column: &str, message: &str, locale: Locale) -> String {
    fill(
        form_words(locale).at_column(),
        &[("column", column), ("message", message)],
    )
}

/// Why the CSV tokenizer could not read a record or a header: its own words, in English (what
/// the command line prints), and, for a row whose cells do not match the header's, how many
/// each has, to say it in Spanish. `Display` is the tokenizer's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvSyntax {
    pub detail: String,
    /// The row's cells and the header's, when they differ.
    pub cells: Option<(u64, u64)>,
}

impl CsvSyntax {
    pub fn of(error: &csv::Error) -> CsvSyntax {
        let cells = match error.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => Some((*len, *expected_len)),
            _ => None,
        };
        CsvSyntax {
            detail: error.to_string(),
            cells,
        }
    }

    /// Why the CSV cannot be read, in plain words (`form.csv_cells`, `form.csv_unsplittable`):
    /// the reader's own are English and technical. In English, the reader's words (`Display`),
    /// which the command line prints.
    pub fn message(&self, locale: Locale) -> String {
        let w = form_words(locale);
        match (locale, self.cells) {
            (Locale::En, _) => self.detail.clone(),
            (_, Some((row, header))) => fill(
                w.csv_cells(),
                &[("row", &row.to_string()), ("header", &header.to_string())],
            ),
            (_, None) => w.csv_unsplittable().to_string(),
        }
    }
}

impl fmt::Display for CsvSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

/// A CSV header the tokenizer could not read, for exports and for Umbral's own CSV of
/// profiles alike.
pub fn unreadable_header(detail: &CsvSyntax, locale: Locale) -> String {
    let detail = detail.message(locale);
    fill(
        form_words(locale).unreadable_header(),
        &[("detail", &detail)],
    )
}

/// A CSV record the tokenizer could not read, for exports and for Umbral's own CSV of
/// profiles alike.
pub fn unreadable_record(detail: &CsvSyntax, locale: Locale) -> String {
    let detail = detail.message(locale);
    fill(
        form_words(locale).unreadable_record(),
        &[("detail", &detail)],
    )
}

/// One kind of problem of an export, with what the message needs. Where it is (the line or
/// submission) is the caller's to say.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportProblem {
    /// A cell that does not answer its column's question.
    Cell {
        column: String,
        problem: CellProblem,
    },
    /// Two columns that answer one question (by name, path or label).
    BothAnswer {
        first: String,
        second: String,
        question: String,
    },
    /// A multiple choice's own column and one of its 0/1 columns that say different things.
    Disagree {
        column: String,
        says: Said,
        tick_column: String,
        tick: String,
    },
    /// A multiple choice's 0/1 columns that tick "No sé" and other answers too.
    TicksDontKnowWithOthers { question: String },
    /// Answers that do not make a profile, as the engine words it.
    NotAProfile(ProfileErrors),
    /// Header columns that are no question of the form (`columns`: as written); `programme`
    /// when they name a programme's questions the pack does not ask.
    UnknownColumns {
        columns: Vec<String>,
        form: String,
        pack: String,
        version: String,
        programme: Option<ProgrammeHint>,
    },
    /// Header columns that could each mean more than one question: the column, and the
    /// questions (their paths) it could be.
    AmbiguousColumns { columns: Vec<(String, Vec<String>)> },
    /// A JSON submission that is not an object.
    NotASubmission,
    /// JSON that does not parse (the parser's own words after).
    NotJson { detail: JsonSyntax },
    /// JSON that is not a list of submissions: `object` when it is an object without
    /// `results` or `value`.
    NotSubmissions { object: bool },
    /// A CSV header the tokenizer could not read (its own words after).
    UnreadableHeader { detail: CsvSyntax },
    /// A CSV record the tokenizer could not read (its own words after).
    UnreadableRecord { detail: CsvSyntax },
    /// A pack whose questionnaire cannot be written as a form (the form builder's problems,
    /// in English: they are for whoever wrote the pack).
    NoForm { pack: String, problems: Vec<String> },
}

/// Headers as a list, each in quotes: `'a', 'b'`.
fn quoted(columns: &[String]) -> String {
    let each: Vec<String> = columns.iter().map(|c| format!("'{c}'")).collect();
    each.join(", ")
}

impl ExportProblem {
    /// The problem in a sentence.
    pub fn message(&self, locale: Locale) -> String {
        let w = form_words(locale);
        match self {
            ExportProblem::Cell { column, problem } => {
                at_column(column, &problem.message(locale), locale)
            }
            ExportProblem::BothAnswer {
                first,
                second,
                question,
            } => fill(
                w.both_answer(),
                &[("first", first), ("second", second), ("question", question)],
            ),
            ExportProblem::Disagree {
                column,
                says,
                tick_column,
                tick,
            } => fill(
                w.disagree(),
                &[
                    ("column", column),
                    ("says", &says.said(w)),
                    ("tick_column", tick_column),
                    ("tick", tick),
                ],
            ),
            ExportProblem::TicksDontKnowWithOthers { question } => {
                fill(w.ticks_dont_know_with_others(), &[("question", question)])
            }
            ExportProblem::NotAProfile(errors) => {
                fill(w.not_a_profile(), &[("problems", &errors.message(locale))])
            }
            ExportProblem::UnknownColumns {
                columns,
                form,
                pack,
                version,
                programme,
            } => {
                let template = if columns.len() == 1 {
                    w.unknown_columns_one()
                } else {
                    w.unknown_columns_other()
                };
                let hint = programme.map_or(String::new(), |hint| {
                    fill(w.programme_hint(), &[("hint", hint.said(w))])
                });
                fill(
                    template,
                    &[
                        ("columns", &quoted(columns)),
                        ("form", form),
                        ("pack", pack),
                        ("version", version),
                        ("columns_are", w.columns_are()),
                        ("hint", &hint),
                    ],
                )
            }
            ExportProblem::AmbiguousColumns { columns } => {
                let or = format!(" {} ", w.or());
                let each: Vec<String> = columns
                    .iter()
                    .map(|(c, could)| {
                        fill(w.could_be(), &[("column", c), ("could", &could.join(&or))])
                    })
                    .collect();
                let template = if columns.len() == 1 {
                    w.ambiguous_one()
                } else {
                    w.ambiguous_other()
                };
                fill(template, &[("columns", &each.join(", "))])
            }
            ExportProblem::NotASubmission => w.not_a_submission().to_string(),
            ExportProblem::NotJson { detail } => {
                fill(w.not_json(), &[("detail", &detail.message(locale))])
            }
            ExportProblem::NotSubmissions { object: true } => w.not_submissions_object().into(),
            ExportProblem::NotSubmissions { object: false } => w.not_submissions_list().into(),
            ExportProblem::UnreadableHeader { detail } => unreadable_header(detail, locale),
            ExportProblem::UnreadableRecord { detail } => unreadable_record(detail, locale),
            ExportProblem::NoForm { pack, problems } => fill(
                w.no_form(),
                &[("pack", pack), ("problems", &problems.join("\n  "))],
            ),
        }
    }
}

impl fmt::Display for ExportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

texts_table! {
    /// The sentences of what is wrong with a form export or a file of profiles, in one locale.
    pub struct FormWords from FormSource as "form" {
        pub locale: Locale,
        ;
        /// What to do to read a programme's questions on the command line.
        hint_give_pack,
        /// What to do to read a programme's questions in the planner.
        hint_json_or_batch,
        /// What to do to read a programme's questions in the workspace.
        hint_json,
        /// What a column says when it answers "I don't know": the form's own choice, in Spanish.
        said_dont_know,
        /// What a column says when it chooses no answer.
        said_none,
        /// A cell with an answer the question does not have: `{cell}` is it, `{choices}` the
        /// answers.
        unknown_choice,
        /// One of a cell's answers that the question does not have: `{item}` is it, `{choices}` the
        /// answers.
        unknown_item,
        /// A cell that chooses "No sé" with other answers: `{cell}` is it.
        dont_know_with_others,
        /// An answer chosen twice in a cell: `{item}`.
        chosen_twice,
        /// A cell that should be a whole number: `{cell}` is what it has.
        not_whole,
        /// A cell that should be a number: `{cell}` is what it has.
        not_a_number,
        /// A cell that should be 1 or 0: `{cell}` is what it has.
        not_a_tick,
        /// A problem in a column: `{column}` is its name, `{message}` the problem.
        at_column,
        /// Why a CSV row cannot be read: `{row}` is how many cells it has, `{header}` how many the
        /// first line has. (English shows the CSV reader's own words.)
        csv_cells,
        /// Why a CSV cannot be read, otherwise. (English shows the CSV reader's own words.)
        csv_unsplittable,
        /// A CSV whose first line cannot be read: `{detail}` says why (`csv_cells`…).
        unreadable_header,
        /// A CSV row that cannot be read: `{detail}` says why.
        unreadable_record,
        /// Two columns answering one question: `{first}` and `{second}` are they, `{question}` the
        /// question's name.
        both_answer,
        /// A question's column and one of its 0/1 columns disagree: `{column}` says `{says}`,
        /// `{tick_column}` says `{tick}`.
        disagree,
        /// The 0/1 columns of a question choose "No sé" with other answers: `{question}` is its
        /// name.
        ticks_dont_know_with_others,
        /// A submission whose answers are not a profile: `{problems}` are why (`problem.…`).
        not_a_profile,
        /// A column the form does not have: `{columns}` is it, `{form}` the form, `{pack}` and
        /// `{version}` its pack, `{columns_are}` what columns may be (`columns_are`), `{hint}` what
        /// to do for a programme's questions (`programme_hint`, or nothing).
        unknown_columns_one,
        /// Columns the form does not have: as `unknown_columns_one`.
        unknown_columns_other,
        /// What the columns of an export may be.
        columns_are,
        /// After unknown columns that may be a programme's questions: `{hint}` is what to do
        /// (`hint_…`).
        programme_hint,
        /// A column that could be several questions: `{column}` is it, `{could}` the questions.
        could_be,
        /// Between the questions a column could be.
        or,
        /// A column that could be several questions: `{columns}` is it (`could_be`).
        ambiguous_one,
        /// Columns that could each be several questions: `{columns}` are they (`could_be`).
        ambiguous_other,
        not_a_submission,
        /// An export that is not JSON: `{detail}` says where it goes wrong.
        not_json,
        not_submissions_object,
        not_submissions_list,
        /// A pack with no form to read exports of: `{pack}` is its id, `{problems}` why, one a
        /// line.
        no_form,
        /// What a CSV cell of a yes/no answer should hold.
        cell_expected_tick,
        /// What a CSV cell of a whole number should hold.
        cell_expected_whole,
        /// What a CSV cell of a number should hold.
        cell_expected_number,
        /// A CSV cell of a profile file with the wrong value: `{what}` is what it should hold
        /// (`cell_expected_…`), `{cell}` what it has, `{path}` its column.
        csv_cell,
        /// A column of a CSV of profiles that is not a profile's: `{unknown}` is it, `{known}` the
        /// columns there may be.
        unknown_csv_columns_one,
        /// Columns of a CSV of profiles that are not a profile's: as `unknown_csv_columns_one`.
        unknown_csv_columns_other,
    }
}

texts_static! {
    pub static FORM_ES: FormWords from FormSource {
        locale: Locale::Es,
        ;
        hint_give_pack: "indique --pack <id>",
        hint_json_or_batch: "exporte los envíos en JSON (el de KoboToolbox dice de qué formulario son), o calcule sus resultados con `umbral batch --pack <id>`",
        hint_json: "exporte los envíos en JSON (el de KoboToolbox dice de qué formulario son)",
        said_dont_know: "\"No sé\"",
        said_none: "ninguna",
        unknown_choice: "'{cell}' no es una de las respuestas de esta pregunta; puede ser {choices}",
        unknown_item: "'{item}' no es una de las respuestas de esta pregunta; pueden ser {choices}",
        dont_know_with_others: "'{cell}' elige \"No sé\" junto con otras respuestas",
        chosen_twice: "'{item}' se eligió dos veces",
        not_whole: "se esperaba un número entero y hay '{cell}'",
        not_a_number: "se esperaba un número y hay '{cell}'",
        not_a_tick: "se esperaba 1 o 0 y hay '{cell}'",
        at_column: "columna '{column}': {message}",
        csv_cells: "esta fila tiene {row} celdas y la primera línea (los nombres de las columnas) tiene {header}",
        csv_unsplittable: "el texto no se pudo separar en celdas",
        unreadable_header: "no se puede leer la primera línea del CSV (los nombres de las columnas): {detail}",
        unreadable_record: "no se puede leer este registro del CSV: {detail}",
        both_answer: "las columnas '{first}' y '{second}' responden las dos la misma pregunta, {question}; deje solo una",
        disagree: "la columna '{column}' dice {says} pero la columna '{tick_column}' dice {tick}",
        ticks_dont_know_with_others: "las columnas de 0 y 1 de {question} eligen \"No sé\" junto con otras respuestas",
        not_a_profile: "las respuestas no forman un perfil válido: {problems}",
        unknown_columns_one: "la columna {columns} no es del formulario {form} (cuestionario {pack} {version}); {columns_are}{hint}",
        unknown_columns_other: "las columnas {columns} no son del formulario {form} (cuestionario {pack} {version}); {columns_are}{hint}",
        columns_are: "las columnas pueden ser los nombres de las preguntas con su grupo (connectivity/internet, o unidos con '.' o '-'), el texto de las preguntas, una columna de 0 y 1 por cada respuesta de una pregunta de varias respuestas (connectivity/devices/smartphone), country, label, y los datos que agrega la exportación (_id, _uuid, _submission_time, start, end, meta/instanceID, …)",
        programme_hint: "; las preguntas propias de un programa (extra/…) se leen con el cuestionario del programa: {hint}",
        could_be: "'{column}' (puede ser {could})",
        or: "o",
        ambiguous_one: "la columna {columns} puede corresponder a más de una pregunta; escriba su nombre con su grupo",
        ambiguous_other: "las columnas {columns} pueden corresponder a más de una pregunta; escriba cada nombre con su grupo",
        not_a_submission: "se esperaba un envío (un objeto JSON)",
        not_json: "no es una exportación de envíos en JSON: no es JSON válido ({detail})",
        not_submissions_object: "no es una exportación de envíos en JSON: se esperaba una lista de envíos, o un objeto con 'results' (KoboToolbox) o 'value' (ODK Central)",
        not_submissions_list: "no es una exportación de envíos en JSON: se esperaba una lista de envíos",
        no_form: "el cuestionario '{pack}' no se puede escribir como formulario XLSForm, así que no se pueden leer sus exportaciones:\n  {problems}",
        cell_expected_tick: "true o false (sí o no)",
        cell_expected_whole: "un número entero",
        cell_expected_number: "un número",
        csv_cell: "se esperaba {what} y hay '{cell}' en $.{path}",
        unknown_csv_columns_one: "el CSV tiene una columna que no es de un perfil: {unknown}; las columnas son los nombres de los datos de un perfil, con puntos: {known}",
        unknown_csv_columns_other: "el CSV tiene columnas que no son de un perfil: {unknown}; las columnas son los nombres de los datos de un perfil, con puntos: {known}",
    }
}

texts_static! {
    pub static FORM_EN: FormWords from FormSource {
        locale: Locale::En,
        ;
        hint_give_pack: "give --pack <id>",
        hint_json_or_batch: "export the submissions as JSON (KoboToolbox's names its form), or score them with `umbral batch --pack <id>`",
        hint_json: "export the submissions as JSON (KoboToolbox's names its form)",
        said_dont_know: "\"No sé\"",
        said_none: "none",
        unknown_choice: "unknown choice '{cell}'; expected one of: {choices}",
        unknown_item: "unknown choice '{item}'; expected any of: {choices}",
        dont_know_with_others: "'{cell}' chooses \"No sé\" together with other answers",
        chosen_twice: "'{item}' is chosen twice",
        not_whole: "expected a whole number, found '{cell}'",
        not_a_number: "expected a number, found '{cell}'",
        not_a_tick: "expected 1 or 0, found '{cell}'",
        at_column: "column '{column}': {message}",
        csv_cells: "this row has {row} cells and the header has {header}",
        csv_unsplittable: "the text could not be split into cells",
        unreadable_header: "cannot read the CSV header: {detail}",
        unreadable_record: "unreadable CSV record: {detail}",
        both_answer: "columns '{first}' and '{second}' both answer {question}",
        disagree: "column '{column}' says {says} but column '{tick_column}' says {tick}",
        ticks_dont_know_with_others: "the 0/1 columns of {question} choose \"No sé\" together with other answers",
        not_a_profile: "the answers do not make a profile: {problems}",
        unknown_columns_one: "column(s) {columns} are not in form {form} (pack {pack} {version}); {columns_are}{hint}",
        unknown_columns_other: "column(s) {columns} are not in form {form} (pack {pack} {version}); {columns_are}{hint}",
        columns_are: "columns are the form's names with their groups (connectivity/internet, or joined by '.' or '-'), the labels of its questions, one 0/1 column per choice of a multiple choice (connectivity/devices/smartphone), country, label, and the export's metadata (_id, _uuid, _submission_time, start, end, meta/instanceID, …)",
        programme_hint: "; a programme's questions (extra/…) are read with its pack: {hint}",
        could_be: "'{column}' (could be {could})",
        or: "or",
        ambiguous_one: "column(s) {columns} could mean more than one question; name them with their groups",
        ambiguous_other: "column(s) {columns} could mean more than one question; name them with their groups",
        not_a_submission: "expected a submission object",
        not_json: "not a JSON export of submissions: {detail}",
        not_submissions_object: "not a JSON export of submissions: expected an array of submissions, or an object with 'results' (KoboToolbox) or 'value' (ODK Central)",
        not_submissions_list: "not a JSON export of submissions: expected an array of submissions",
        no_form: "pack '{pack}' has no XLSForm to read exports of:\n  {problems}",
        cell_expected_tick: "true or false",
        cell_expected_whole: "a whole number",
        cell_expected_number: "a number",
        csv_cell: "expected {what}, found '{cell}' at $.{path}",
        unknown_csv_columns_one: "unknown CSV column(s) {unknown}; columns are dotted profile paths: {known}",
        unknown_csv_columns_other: "unknown CSV column(s) {unknown}; columns are dotted profile paths: {known}",
    }
}

/// The sentences of what is wrong with a form export or a file of profiles, in `locale`.
pub fn form_words(locale: Locale) -> &'static FormWords {
    locale.pick(&FORM_ES, &FORM_EN)
}

/// Every problem of one record, one header or one file, in the order found.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportError(pub Vec<ExportProblem>);

impl ExportError {
    /// Every problem in `locale`, joined with "; " (`Display` is the English).
    pub fn message(&self, locale: Locale) -> String {
        let all: Vec<String> = self.0.iter().map(|p| p.message(locale)).collect();
        all.join("; ")
    }
}

impl From<ExportProblem> for ExportError {
    fn from(problem: ExportProblem) -> ExportError {
        ExportError(vec![problem])
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for ExportError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::profile::Found;
    use crate::engine::ProfileError;

    /// One of every kind of problem.
    fn every_kind() -> Vec<ExportProblem> {
        use ExportProblem as P;
        let cell = |problem| P::Cell {
            column: "a/b".into(),
            problem,
        };
        let v = || vec!["x".to_string(), "y".to_string()];
        vec![
            cell(CellProblem::UnknownChoice {
                cell: "z".into(),
                choices: v(),
            }),
            cell(CellProblem::UnknownItem {
                item: "z".into(),
                choices: v(),
            }),
            cell(CellProblem::DontKnowWithOthers {
                cell: "x dont_know".into(),
            }),
            cell(CellProblem::ChosenTwice { item: "x".into() }),
            cell(CellProblem::NotWhole { cell: "z".into() }),
            cell(CellProblem::NotANumber { cell: "z".into() }),
            cell(CellProblem::NotATick { cell: "z".into() }),
            cell(CellProblem::Value(Problem::IntOutOfRange {
                n: 200,
                min: 0,
                max: 120,
            })),
            P::BothAnswer {
                first: "a".into(),
                second: "b".into(),
                question: "g/a".into(),
            },
            P::Disagree {
                column: "a".into(),
                says: Said::Values(vec![]),
                tick_column: "a/x".into(),
                tick: "1".into(),
            },
            P::Disagree {
                column: "a".into(),
                says: Said::DontKnow,
                tick_column: "a/x".into(),
                tick: "1".into(),
            },
            P::TicksDontKnowWithOthers {
                question: "g/a".into(),
            },
            P::NotAProfile(ProfileErrors(vec![ProfileError {
                path: "$.country".into(),
                problem: Problem::NotAString { found: Found::Null },
            }])),
            P::UnknownColumns {
                columns: v(),
                form: "umbral_mx".into(),
                pack: "mx".into(),
                version: "1.0.0".into(),
                programme: Some(ProgrammeHint::GivePack),
            },
            P::UnknownColumns {
                columns: vec!["x".into()],
                form: "umbral_mx".into(),
                pack: "mx".into(),
                version: "1.0.0".into(),
                programme: None,
            },
            P::AmbiguousColumns {
                columns: vec![("x".into(), v())],
            },
            P::NotASubmission,
            P::NotJson {
                detail: JsonSyntax {
                    detail: "EOF while parsing a value at line 1 column 11".into(),
                    line: 1,
                    column: 11,
                    cut_short: true,
                },
            },
            P::NotSubmissions { object: true },
            P::NotSubmissions { object: false },
            P::UnreadableHeader {
                detail: CsvSyntax {
                    detail: "CSV error: record 0 (line: 1, byte: 0): invalid UTF-8".into(),
                    cells: None,
                },
            },
            P::UnreadableRecord {
                detail: CsvSyntax {
                    detail: "CSV error: record 5 (line: 6, byte: 80): found record with 9 \
                             fields, but the previous record has 10 fields"
                        .into(),
                    cells: Some((9, 10)),
                },
            },
            P::NoForm {
                pack: "mx".into(),
                problems: v(),
            },
        ]
    }

    #[test]
    fn every_problem_is_worded_in_spanish_and_english() {
        crate::engine::problem::assert_worded_apart(
            &every_kind(),
            ExportProblem::message,
            &[
                "expected", "found", "unknown", "column ", "columns", " is ", " are ", "answer",
            ],
        );
    }

    #[test]
    fn several_problems_are_joined_in_both_languages() {
        let error = ExportError(vec![
            ExportProblem::Cell {
                column: "sector".into(),
                problem: CellProblem::NotWhole { cell: "x".into() },
            },
            ExportProblem::NotASubmission,
        ]);
        assert_eq!(
            error.message(Locale::Es),
            "columna 'sector': se esperaba un número entero y hay 'x'; se esperaba un envío (un \
             objeto JSON)"
        );
        assert_eq!(
            error.to_string(),
            "column 'sector': expected a whole number, found 'x'; expected a submission object"
        );
    }
}
