//! What is wrong with an export of the form, as data: each kind of problem the reader of
//! exports ([`super::export`]) finds in a file, a header, a row or a cell, and its sentence in
//! Spanish and English. The command line says them in English (`Display`); the planner and the
//! workspace in the language of the page. A problem of the engine's (a value the profile does
//! not take, a profile that cannot be read) is carried whole and worded as the engine words it.

use std::fmt;

use crate::engine::problem::JsonSyntax;
use crate::engine::profile::Problem;
use crate::engine::{Locale, ProfileErrors};

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
    fn said(self, es: bool) -> &'static str {
        match (self, es) {
            (ProgrammeHint::GivePack, false) => "give --pack <id>",
            (ProgrammeHint::GivePack, true) => "indique --pack <id>",
            (ProgrammeHint::JsonOrBatch, false) => {
                "export the submissions as JSON (KoboToolbox's names its form), or score them \
                 with `umbral batch --pack <id>`"
            }
            (ProgrammeHint::JsonOrBatch, true) => {
                "exporte los envíos en JSON (el de KoboToolbox dice de qué formulario son), o \
                 calcule sus resultados con `umbral batch --pack <id>`"
            }
            (ProgrammeHint::Json, false) => {
                "export the submissions as JSON (KoboToolbox's names its form)"
            }
            (ProgrammeHint::Json, true) => {
                "exporte los envíos en JSON (el de KoboToolbox dice de qué formulario son)"
            }
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
    fn said(&self, es: bool) -> String {
        match (self, es) {
            (Said::DontKnow, _) => "\"No sé\"".into(),
            (Said::Values(v), false) if v.is_empty() => "none".into(),
            (Said::Values(v), true) if v.is_empty() => "ninguna".into(),
            (Said::Values(v), _) => v.join(" "),
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
    /// The problem in a sentence, without its column.
    pub fn message(&self, locale: Locale) -> String {
        match locale {
            Locale::Es => self.spanish(),
            Locale::En => self.english(),
        }
    }

    fn english(&self) -> String {
        match self {
            CellProblem::UnknownChoice { cell, choices } => format!(
                "unknown choice '{cell}'; expected one of: {}",
                choices.join(", ")
            ),
            CellProblem::UnknownItem { item, choices } => format!(
                "unknown choice '{item}'; expected any of: {}",
                choices.join(", ")
            ),
            CellProblem::DontKnowWithOthers { cell } => {
                format!("'{cell}' chooses \"No sé\" together with other answers")
            }
            CellProblem::ChosenTwice { item } => format!("'{item}' is chosen twice"),
            CellProblem::NotWhole { cell } => format!("expected a whole number, found '{cell}'"),
            CellProblem::NotANumber { cell } => format!("expected a number, found '{cell}'"),
            CellProblem::NotATick { cell } => format!("expected 1 or 0, found '{cell}'"),
            CellProblem::Value(problem) => problem.message(Locale::En),
        }
    }

    fn spanish(&self) -> String {
        match self {
            CellProblem::UnknownChoice { cell, choices } => format!(
                "'{cell}' no es una de las respuestas de esta pregunta; puede ser {}",
                choices.join(", ")
            ),
            CellProblem::UnknownItem { item, choices } => format!(
                "'{item}' no es una de las respuestas de esta pregunta; pueden ser {}",
                choices.join(", ")
            ),
            CellProblem::DontKnowWithOthers { cell } => {
                format!("'{cell}' elige \"No sé\" junto con otras respuestas")
            }
            CellProblem::ChosenTwice { item } => format!("'{item}' se eligió dos veces"),
            CellProblem::NotWhole { cell } => {
                format!("se esperaba un número entero y hay '{cell}'")
            }
            CellProblem::NotANumber { cell } => format!("se esperaba un número y hay '{cell}'"),
            CellProblem::NotATick { cell } => format!("se esperaba 1 o 0 y hay '{cell}'"),
            CellProblem::Value(problem) => problem.message(Locale::Es),
        }
    }
}

/// A problem said at a column: "column 'x': …", "columna 'x': …". Every message about one
/// column of an export is worded here, the workspace's too.
pub fn at_column(column: &str, message: &str, locale: Locale) -> String {
    match locale {
        Locale::Es => format!("columna '{column}': {message}"),
        Locale::En => format!("column '{column}': {message}"),
    }
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

    fn spanish(&self) -> String {
        match self.cells {
            Some((row, header)) => format!(
                "esta fila tiene {row} celdas y la primera línea (los nombres de las columnas) \
                 tiene {header}"
            ),
            None => "el texto no se pudo separar en celdas".into(),
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
    match locale {
        Locale::Es => format!(
            "no se puede leer la primera línea del CSV (los nombres de las columnas): {}",
            detail.spanish()
        ),
        Locale::En => format!("cannot read the CSV header: {detail}"),
    }
}

/// A CSV record the tokenizer could not read, for exports and for Umbral's own CSV of
/// profiles alike.
pub fn unreadable_record(detail: &CsvSyntax, locale: Locale) -> String {
    match locale {
        Locale::Es => format!(
            "no se puede leer este registro del CSV: {}",
            detail.spanish()
        ),
        Locale::En => format!("unreadable CSV record: {detail}"),
    }
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

/// "The column(s)" in Spanish, and the verbs "is" and "may" agreeing with it in number.
fn columnas(n: usize) -> (&'static str, &'static str, &'static str) {
    if n == 1 {
        ("la columna", "es", "puede")
    } else {
        ("las columnas", "son", "pueden")
    }
}

const COLUMNS_ARE: &str = "columns are the form's names with their groups (connectivity/internet, or joined by '.' or '-'), the labels of its questions, one 0/1 column per choice of a multiple choice (connectivity/devices/smartphone), country, label, and the export's metadata (_id, _uuid, _submission_time, start, end, meta/instanceID, …)";

const COLUMNS_ARE_ES: &str = "las columnas pueden ser los nombres de las preguntas con su grupo (connectivity/internet, o unidos con '.' o '-'), el texto de las preguntas, una columna de 0 y 1 por cada respuesta de una pregunta de varias respuestas (connectivity/devices/smartphone), country, label, y los datos que agrega la exportación (_id, _uuid, _submission_time, start, end, meta/instanceID, …)";

const NOT_SUBMISSIONS: &str = "not a JSON export of submissions";
const NOT_SUBMISSIONS_ES: &str = "no es una exportación de envíos en JSON";

impl ExportProblem {
    /// The problem in a sentence, without where it is.
    pub fn message(&self, locale: Locale) -> String {
        match locale {
            Locale::Es => self.spanish(),
            Locale::En => self.english(),
        }
    }

    /// In English: what the command line says. Each language apart, so that a page that only
    /// ever shows English carries no Spanish sentences.
    fn english(&self) -> String {
        match self {
            ExportProblem::Cell { column, problem } => {
                at_column(column, &problem.message(Locale::En), Locale::En)
            }
            ExportProblem::BothAnswer {
                first,
                second,
                question,
            } => format!("columns '{first}' and '{second}' both answer {question}"),
            ExportProblem::Disagree {
                column,
                says,
                tick_column,
                tick,
            } => format!(
                "column '{column}' says {} but column '{tick_column}' says {tick}",
                says.said(false)
            ),
            ExportProblem::TicksDontKnowWithOthers { question } => format!(
                "the 0/1 columns of {question} choose \"No sé\" together with other answers"
            ),
            ExportProblem::NotAProfile(errors) => {
                format!("the answers do not make a profile: {}", errors.message(Locale::En))
            }
            ExportProblem::UnknownColumns {
                columns,
                form,
                pack,
                version,
                programme,
            } => format!(
                "column(s) {} are not in form {form} (pack {pack} {version}); {COLUMNS_ARE}{}",
                quoted(columns),
                programme.map_or(String::new(), |hint| format!(
                    "; a programme's questions (extra/…) are read with its pack: {}",
                    hint.said(false)
                ))
            ),
            ExportProblem::AmbiguousColumns { columns } => {
                let each: Vec<String> = columns
                    .iter()
                    .map(|(c, could)| format!("'{c}' (could be {})", could.join(" or ")))
                    .collect();
                format!(
                    "column(s) {} could mean more than one question; name them with their groups",
                    each.join(", ")
                )
            }
            ExportProblem::NotASubmission => "expected a submission object".into(),
            ExportProblem::NotJson { detail } => format!("{NOT_SUBMISSIONS}: {detail}"),
            ExportProblem::NotSubmissions { object: true } => format!(
                "{NOT_SUBMISSIONS}: expected an array of submissions, or an object with 'results' (KoboToolbox) or 'value' (ODK Central)"
            ),
            ExportProblem::NotSubmissions { object: false } => {
                format!("{NOT_SUBMISSIONS}: expected an array of submissions")
            }
            ExportProblem::UnreadableHeader { detail } => unreadable_header(detail, Locale::En),
            ExportProblem::UnreadableRecord { detail } => unreadable_record(detail, Locale::En),
            ExportProblem::NoForm { pack, problems } => format!(
                "pack '{pack}' has no XLSForm to read exports of:\n  {}",
                problems.join("\n  ")
            ),
        }
    }

    fn spanish(&self) -> String {
        match self {
            ExportProblem::Cell { column, problem } => {
                at_column(column, &problem.message(Locale::Es), Locale::Es)
            }
            ExportProblem::BothAnswer {
                first,
                second,
                question,
            } => format!(
                "las columnas '{first}' y '{second}' responden las dos la misma pregunta, \
                 {question}; deje solo una"
            ),
            ExportProblem::Disagree {
                column,
                says,
                tick_column,
                tick,
            } => format!(
                "la columna '{column}' dice {} pero la columna '{tick_column}' dice {tick}",
                says.said(true)
            ),
            ExportProblem::TicksDontKnowWithOthers { question } => format!(
                "las columnas de 0 y 1 de {question} eligen \"No sé\" junto con otras respuestas"
            ),
            ExportProblem::NotAProfile(errors) => format!(
                "las respuestas no forman un perfil válido: {}",
                errors.message(Locale::Es)
            ),
            ExportProblem::UnknownColumns {
                columns,
                form,
                pack,
                version,
                programme,
            } => {
                let (la, es, _) = columnas(columns.len());
                format!(
                    "{la} {} no {es} del formulario {form} (cuestionario {pack} {version}); \
                     {COLUMNS_ARE_ES}{}",
                    quoted(columns),
                    programme.map_or(String::new(), |hint| format!(
                        "; las preguntas propias de un programa (extra/…) se leen con el \
                         cuestionario del programa: {}",
                        hint.said(true)
                    ))
                )
            }
            ExportProblem::AmbiguousColumns { columns } => {
                let (la, _, puede) = columnas(columns.len());
                let each: Vec<String> = columns
                    .iter()
                    .map(|(c, could)| format!("'{c}' (puede ser {})", could.join(" o ")))
                    .collect();
                let name = if columns.len() == 1 {
                    "su nombre"
                } else {
                    "cada nombre"
                };
                format!(
                    "{la} {} {puede} corresponder a más de una pregunta; escriba {name} con su grupo",
                    each.join(", ")
                )
            }
            ExportProblem::NotASubmission => "se esperaba un envío (un objeto JSON)".into(),
            ExportProblem::NotJson { detail } => {
                let detail = detail.spanish();
                format!("{NOT_SUBMISSIONS_ES}: no es JSON válido ({detail})")
            }
            ExportProblem::NotSubmissions { object: true } => format!(
                "{NOT_SUBMISSIONS_ES}: se esperaba una lista de envíos, o un objeto con 'results' (KoboToolbox) o 'value' (ODK Central)"
            ),
            ExportProblem::NotSubmissions { object: false } => {
                format!("{NOT_SUBMISSIONS_ES}: se esperaba una lista de envíos")
            }
            ExportProblem::UnreadableHeader { detail } => unreadable_header(detail, Locale::Es),
            ExportProblem::UnreadableRecord { detail } => unreadable_record(detail, Locale::Es),
            ExportProblem::NoForm { pack, problems } => format!(
                "el cuestionario '{pack}' no se puede escribir como formulario XLSForm, así que \
                 no se pueden leer sus exportaciones:\n  {}",
                problems.join("\n  ")
            ),
        }
    }
}

impl fmt::Display for ExportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
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
