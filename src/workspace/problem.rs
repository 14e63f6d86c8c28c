//! What is wrong with a hand-off file, as data: each kind of problem the reader finds and its
//! sentence in Spanish and English. The command line says them in English (`Display`); the
//! workspace and the planner in the language of the page.

use std::fmt;

use crate::engine::problem::{problem_words, JsonSyntax};
use crate::engine::profile::{Found, Problem, COUNTRIES, PROFILE_SCHEMA_V1};
use crate::engine::words::{texts_static, texts_table};
use crate::engine::{fill, Locale};

/// The `schema` value of the hand-off files this version writes. (Here, where the messages
/// about `schema` need it; `handoff` re-exports it.)
pub const HANDOFF_SCHEMA: &str = "umbral.handoff/3";

/// The `schema` value of version-2 hand-off files, still read.
pub const HANDOFF_SCHEMA_V2: &str = "umbral.handoff/2";

/// The `schema` value of version-1 hand-off files, still read.
pub const HANDOFF_SCHEMA_V1: &str = "umbral.handoff/1";

/// Long values are cut in messages.
pub(super) fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// A visit, as a message names it: by its date, else its id, and its enterprise's label.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRef {
    pub date: Option<String>,
    pub id: Option<String>,
    pub enterprise: String,
}

impl VisitRef {
    fn said(&self, w: &HandoffWords) -> String {
        let e = ("enterprise", self.enterprise.as_str());
        match (&self.date, &self.id) {
            (Some(d), _) => fill(w.visit_of_date(), &[("date", d), e]),
            (None, Some(id)) => fill(w.visit_with_id(), &[("id", id), e]),
            (None, None) => fill(w.a_visit(), &[e]),
        }
    }
}

/// One kind of problem in a hand-off file, with what the message needs.
#[derive(Debug, Clone, PartialEq)]
pub enum HandoffProblem {
    NotJson {
        detail: JsonSyntax,
    },
    FileNotAnObject {
        found: Found,
    },
    /// A hand-off file of a version this app cannot read.
    OtherVersion {
        schema: String,
    },
    /// One profile, not a hand-off file.
    OneProfile {
        schema: String,
    },
    NotHandoffSchema {
        found: Found,
    },
    MissingSchema,
    AppVersion {
        found: Found,
    },
    /// What a profile's value can have wrong too (not an object, not a text, too long),
    /// worded as the profile reader words it.
    Value(Problem),
    UnknownField {
        name: String,
        allowed: &'static [&'static str],
    },
    MissingField {
        name: String,
    },
    NotATime {
        found: Found,
    },
    NotAnId {
        found: Found,
    },
    Empty,
    NotAList {
        found: Found,
    },
    NotSaveCounts {
        found: Found,
    },
    NotADevice {
        device: String,
    },
    NotASaveCount {
        found: Found,
    },
    UnknownCountry {
        found: Found,
    },
    RegionElsewhere {
        region: String,
        country: String,
    },
    NotARegion {
        found: Found,
    },
    UnknownSector {
        found: Found,
        sectors: Vec<&'static str>,
    },
    UnknownDetail {
        found: Found,
        details: &'static [&'static str],
    },
    EnterpriseIdTaken {
        id: String,
        first: usize,
    },
    VisitIdTaken {
        id: String,
        first: usize,
    },
    NotADate {
        found: Found,
    },
    /// A version-1 file's visit whose profile is not version 1.
    Version1Profiles {
        visit: VisitRef,
    },
    /// A visit's profile is of another country than its enterprise.
    OtherCountry {
        profile: String,
        country: String,
        visit: VisitRef,
    },
    /// A problem in a visit's profile.
    Profile {
        problem: Problem,
        visit: VisitRef,
    },
    /// A cohort tag with spaces at its start or end.
    NotTrimmed,
    /// A dropped step without a reason.
    NoReason,
    /// A reason on a step that is not dropped.
    ReasonNotDropped {
        status: String,
    },
    /// `confirmed_in` on a step that is not done.
    ConfirmedNotDone {
        status: String,
    },
    /// Two records of one visit's step.
    StepTaken {
        step: String,
        visit: String,
        first: usize,
    },
    /// Outcomes that name channels or a share of online sales, but say it does not sell online.
    NotSellingOnline,
}

impl HandoffProblem {
    /// The problem in a sentence, without where it is.
    pub fn message(&self, locale: Locale) -> String {
        let (w, pw) = (handoff_words(locale), problem_words(locale));
        let (v3, v2, v1) = (
            ("v3", HANDOFF_SCHEMA),
            ("v2", HANDOFF_SCHEMA_V2),
            ("v1", HANDOFF_SCHEMA_V1),
        );
        match self {
            HandoffProblem::NotJson { detail } => {
                fill(w.not_json(), &[("detail", &detail.message(locale))])
            }
            HandoffProblem::FileNotAnObject { found } => {
                fill(w.file_not_an_object(), &[("found", found.kind(pw))])
            }
            HandoffProblem::OtherVersion { schema } => {
                fill(w.other_version(), &[("schema", schema), v3, v2, v1])
            }
            HandoffProblem::OneProfile { schema } => {
                fill(w.one_profile(), &[("schema", schema), v3])
            }
            HandoffProblem::NotHandoffSchema { found } => {
                fill(w.not_handoff_schema(), &[v3, ("found", &found.quoted(pw))])
            }
            HandoffProblem::MissingSchema => fill(w.missing_schema(), &[v3]),
            HandoffProblem::AppVersion { found } => {
                fill(w.app_version(), &[("found", &found.quoted(pw))])
            }
            HandoffProblem::Value(problem) => problem.message(locale),
            HandoffProblem::UnknownField { name, allowed } => fill(
                w.unknown_field(),
                &[("name", name), ("allowed", &allowed.join(", "))],
            ),
            HandoffProblem::MissingField { name } => fill(w.missing_field(), &[("name", name)]),
            HandoffProblem::NotATime { found } => {
                fill(w.not_a_time(), &[("found", &found.quoted(pw))])
            }
            HandoffProblem::NotAnId { found } => {
                fill(w.not_an_id(), &[("found", &found.quoted(pw))])
            }
            HandoffProblem::Empty => w.empty().to_string(),
            HandoffProblem::NotAList { found } => {
                fill(w.not_a_list(), &[("found", found.kind(pw))])
            }
            HandoffProblem::NotSaveCounts { found } => {
                fill(w.not_save_counts(), &[("found", found.kind(pw))])
            }
            HandoffProblem::NotADevice { device } => fill(w.not_a_device(), &[("device", device)]),
            HandoffProblem::NotASaveCount { found } => fill(
                w.not_a_save_count(),
                &[("max", &u32::MAX.to_string()), ("found", &found.quoted(pw))],
            ),
            HandoffProblem::UnknownCountry { found } => fill(
                w.unknown_country(),
                &[
                    ("found", &found.quoted(pw)),
                    ("countries", &COUNTRIES.join(", ")),
                ],
            ),
            HandoffProblem::RegionElsewhere { region, country } => fill(
                w.region_elsewhere(),
                &[("region", region), ("country", country)],
            ),
            HandoffProblem::NotARegion { found } => {
                fill(w.not_a_region(), &[("found", &found.quoted(pw))])
            }
            HandoffProblem::UnknownSector { found, sectors } => fill(
                w.unknown_sector(),
                &[
                    ("found", &found.quoted(pw)),
                    ("sectors", &sectors.join(", ")),
                ],
            ),
            HandoffProblem::UnknownDetail { found, details } => fill(
                w.unknown_detail(),
                &[
                    ("found", &found.quoted(pw)),
                    ("details", &details.join(", ")),
                ],
            ),
            HandoffProblem::EnterpriseIdTaken { id, first } => fill(
                w.enterprise_id_taken(),
                &[("id", id), ("first", &first.to_string())],
            ),
            HandoffProblem::VisitIdTaken { id, first } => fill(
                w.visit_id_taken(),
                &[("id", id), ("first", &first.to_string())],
            ),
            HandoffProblem::NotADate { found } => {
                fill(w.not_a_date(), &[("found", &found.quoted(pw))])
            }
            HandoffProblem::Version1Profiles { visit } => fill(
                w.version1_profiles(),
                &[
                    v1,
                    ("profile_v1", PROFILE_SCHEMA_V1),
                    ("visit", &visit.said(w)),
                ],
            ),
            HandoffProblem::OtherCountry {
                profile,
                country,
                visit,
            } => fill(
                w.other_country(),
                &[
                    ("profile", profile),
                    ("country", country),
                    ("visit", &visit.said(w)),
                ],
            ),
            HandoffProblem::Profile { problem, visit } => fill(
                w.profile(),
                &[
                    ("problem", &problem.message(locale)),
                    ("visit", &visit.said(w)),
                ],
            ),
            HandoffProblem::NotTrimmed => w.not_trimmed().to_string(),
            HandoffProblem::NoReason => w.no_reason().to_string(),
            HandoffProblem::ReasonNotDropped { status } => {
                fill(w.reason_not_dropped(), &[("status", status)])
            }
            HandoffProblem::ConfirmedNotDone { status } => {
                fill(w.confirmed_not_done(), &[("status", status)])
            }
            HandoffProblem::StepTaken { step, visit, first } => fill(
                w.step_taken(),
                &[
                    ("step", step),
                    ("visit", visit),
                    ("first", &first.to_string()),
                ],
            ),
            HandoffProblem::NotSellingOnline => w.not_selling_online().to_string(),
        }
    }
}

texts_table! {
    /// The sentences of what is wrong with a hand-off file, of what an import brought or left
    /// out, and of why a step cannot be followed, in one locale (what is wrong with a profile
    /// is `ProblemWords`'s).
    pub struct HandoffWords from HandoffSource as "handoff" {
        pub locale: Locale,
        ;
        /// A visit named by its date: `{date}` is it, `{enterprise}` the enterprise's name.
        visit_of_date,
        /// A visit named by its id: `{id}` is it, `{enterprise}` the enterprise's name.
        visit_with_id,
        /// A visit with neither date nor id: `{enterprise}` is the enterprise's name.
        a_visit,
        /// A file that is not JSON: `{detail}` says where it goes wrong.
        not_json,
        /// A file that is not a JSON object: `{found}` is what it is.
        file_not_an_object,
        /// A hand-off file of a version this app cannot read: `{schema}` is its version, `{v3}`,
        /// `{v2}` and `{v1}` those it reads.
        other_version,
        /// A profile opened as a hand-off file: `{schema}` is its version, `{v3}` the hand-off
        /// file's.
        one_profile,
        /// A file whose `schema` is not a hand-off file's: `{v3}` is the version expected,
        /// `{found}` what it says.
        not_handoff_schema,
        /// A file without `schema`: `{v3}` is the version expected.
        missing_schema,
        /// A file whose app version is not one: `{found}` is what it says.
        app_version,
        /// A field the file may not have: `{name}` is it, `{allowed}` the fields it may.
        unknown_field,
        /// A field the file must have: `{name}`.
        missing_field,
        /// A value that should be a time: `{found}` is what it is.
        not_a_time,
        /// A value that should be an id: `{found}` is what it is.
        not_an_id,
        empty,
        /// A value that should be a list: `{found}` is what it is.
        not_a_list,
        /// A value that should be the save counts of devices: `{found}` is what it is.
        not_save_counts,
        /// A device id that is not one: `{device}`.
        not_a_device,
        /// A value that should be a count of saves: `{max}` is the most, `{found}` what it is.
        not_a_save_count,
        /// A country Umbral does not know: `{found}` is it, `{countries}` the codes it knows.
        unknown_country,
        /// A region of another country: `{region}` is it, `{country}` the enterprise's country.
        region_elsewhere,
        /// A value that should be a region's code: `{found}` is what it is.
        not_a_region,
        /// A sector Umbral does not know: `{found}` is it, `{sectors}` those it knows.
        unknown_sector,
        /// A detail of an enterprise Umbral does not know: `{found}` is it, `{details}` those it
        /// knows.
        unknown_detail,
        /// An enterprise id given twice: `{id}` is it, `{first}` where it was first.
        enterprise_id_taken,
        /// A visit id given twice: `{id}` is it, `{first}` where it was first.
        visit_id_taken,
        /// A value that should be a date: `{found}` is what it is.
        not_a_date,
        /// A version-1 hand-off file with a newer profile: `{v1}` is the file's version,
        /// `{profile_v1}` the profiles' it holds, `{visit}` the visit (`visit_of_date`…).
        version1_profiles,
        /// A visit's profile for another country than its enterprise's: `{profile}` and `{country}`
        /// are the two, `{visit}` the visit.
        other_country,
        /// A problem of a visit's profile: `{problem}` is it (`problem.…`), `{visit}` the visit.
        profile,
        not_trimmed,
        no_reason,
        /// A reason given for a step not dropped: `{status}` is the step's status.
        reason_not_dropped,
        /// A confirmation given for a step not done: `{status}` is the step's status.
        confirmed_not_done,
        /// A step followed twice: `{step}` is it, `{visit}` its visit, `{first}` where it was
        /// first.
        step_taken,
        not_selling_online,
        /// Following a step: no visit has the id `{id}`.
        no_visit,
        /// Following a step: visit `{visit}` does not follow step `{step}`.
        no_step,
        /// Confirming a step `{step}` that is not done.
        not_done,
        /// Changing a step `{step}` already confirmed in visit `{visit}`.
        confirmed,
        /// Confirming a step in visit `{into}`, not later than visit `{visit}` that recommended it.
        not_later,
        /// Following a step with pack `{pack}`, not for `{country}`, the enterprise's country.
        pack_of_other_country,
        /// Following a step `{step}` that pack `{pack}` has no entry for.
        unknown_entry,
        /// A visit whose answers cannot be read: `{detail}` says why.
        unreadable_answers,
        /// After an import, the things it brought, joined by commas: `{n}` is how many (1 here).
        new_enterprises_one,
        /// As `new_enterprises_one`, more than one.
        new_enterprises_other,
        /// After an import: one enterprise whose details changed (`{n}` is 1).
        updated_enterprises_one,
        /// After an import: `{n}` enterprises whose details changed.
        updated_enterprises_other,
        /// After an import: one new visit (`{n}` is 1).
        new_visits_one,
        /// After an import: `{n}` new visits.
        new_visits_other,
        /// After an import: one visit brought up to date (`{n}` is 1).
        updated_visits_one,
        /// After an import: `{n}` visits brought up to date.
        updated_visits_other,
        /// After an import: one step newly followed (`{n}` is 1).
        new_steps_one,
        /// After an import: `{n}` steps newly followed.
        new_steps_other,
        /// After an import: one followed step brought up to date (`{n}` is 1).
        updated_steps_one,
        /// After an import: `{n}` followed steps brought up to date.
        updated_steps_other,
        /// After an import that brought nothing (a full stop follows).
        nothing_new,
        /// After an import: one record changed on both sides (`{n}` is 1).
        conflicts_one,
        /// After an import: `{n}` records changed on both sides.
        conflicts_other,
        /// A form submission with no date for its visit.
        no_date,
        /// A form export's date cell `{written}` that is not a date and time.
        not_a_date_time,
        /// Before the problems of the one row of a form export left out.
        refused_rows_one,
        /// Before the problems of the rows of a form export left out: `{n}` is how many.
        refused_rows_other,
        /// After the first five rows left out: `{n}` more.
        more_rows,
        /// A hand-off file of a newer version: `{version}` is its version.
        newer_version,
        single_assessment,
        not_handoff,
        /// Before the one problem of a hand-off file that was not imported.
        file_errors_one,
        /// Before the problems of a hand-off file that was not imported: `{n}` is how many.
        file_errors_other,
        /// Before the problems of the one enterprise of a hand-off file left out.
        refused_enterprises_one,
        /// Before the problems of the enterprises of a hand-off file left out: `{n}` is how many.
        refused_enterprises_other,
        /// After an enterprise's first problem: `{n}` more.
        more_errors,
        /// After the first five enterprises left out: `{n}` more.
        more_enterprises,
    }
}

texts_static! {
    pub static HANDOFF_ES: HandoffWords from HandoffSource {
        locale: Locale::Es,
        ;
        visit_of_date: "la visita del {date} a {enterprise}",
        visit_with_id: "la visita '{id}' a {enterprise}",
        a_visit: "una visita a {enterprise}",
        not_json: "no es un archivo de traspaso: no es JSON válido ({detail})",
        file_not_an_object: "no es un archivo de traspaso: se esperaba un objeto JSON y hay {found}",
        other_version: "este archivo es '{schema}', una versión que esta aplicación no lee; lee '{v3}', '{v2}' y '{v1}'. Una versión más nueva de Umbral puede abrirlo",
        one_profile: "este archivo es un perfil ('{schema}'), no un archivo de traspaso ('{v3}')",
        not_handoff_schema: "no es un archivo de traspaso: se esperaba \"{v3}\" y hay {found}",
        missing_schema: "no es un archivo de traspaso: falta el campo 'schema' (\"{v3}\")",
        app_version: "se esperaba la versión de la aplicación que escribió el archivo (de 1 a 64 caracteres) y hay {found}",
        unknown_field: "campo desconocido '{name}'; puede ser {allowed}",
        missing_field: "falta el campo '{name}'",
        not_a_time: "se esperaba una hora UTC como 2026-03-14T10:15:30Z y hay {found}",
        not_an_id: "se esperaba un identificador (de 1 a 64 letras, dígitos, '-' o '_') y hay {found}",
        empty: "está vacío",
        not_a_list: "se esperaba una lista y hay {found}",
        not_save_counts: "se esperaba un objeto con identificadores de equipo y cuántas veces se guardó, y hay {found}",
        not_a_device: "'{device}' no es un identificador de equipo (de 1 a 64 letras, dígitos, '-' o '_')",
        not_a_save_count: "se esperaba cuántas veces se guardó (un número entero de 0 a {max}) y hay {found}",
        unknown_country: "país desconocido: {found}; puede ser {countries}",
        region_elsewhere: "la región '{region}' no es del país del negocio, {country}",
        not_a_region: "se esperaba un código ISO 3166-2 como MX-OAX y hay {found}",
        unknown_sector: "giro desconocido: {found}; puede ser {sectors}",
        unknown_detail: "dato desconocido: {found}; puede ser {details}",
        enterprise_id_taken: "el identificador '{id}' ya lo usa enterprises[{first}]",
        visit_id_taken: "el identificador '{id}' ya lo usa visits[{first}] de este negocio",
        not_a_date: "se esperaba una fecha como 2026-03-14 y hay {found}",
        version1_profiles: "un archivo '{v1}' solo lleva perfiles '{profile_v1}' (en {visit})",
        other_country: "el perfil es de {profile} pero el negocio está en {country} (en {visit})",
        profile: "{problem} (en {visit})",
        not_trimmed: "tiene espacios al principio o al final",
        no_reason: "un paso que se dejó necesita un motivo: por qué se dejó (de 1 a 500 caracteres)",
        reason_not_dropped: "el motivo se guarda solo para un paso que se dejó; este está en '{status}'",
        confirmed_not_done: "confirmed_in se guarda solo para un paso hecho; este está en '{status}'",
        step_taken: "el paso '{step}' de la visita '{visit}' ya es steps[{first}] de este negocio",
        not_selling_online: "tiene canales o una parte de ventas por internet, pero selling_online es false (no vende por internet)",
        no_visit: "no hay una visita '{id}'",
        no_step: "la visita '{visit}' no tiene un paso '{step}' en seguimiento",
        not_done: "el paso '{step}' no está hecho; solo un paso hecho cambia las respuestas",
        confirmed: "el paso '{step}' ya se confirmó en la visita '{visit}'; sigue hecho",
        not_later: "la visita '{into}' no es posterior a la visita '{visit}', que recomendó el paso",
        pack_of_other_country: "el paquete '{pack}' no es de {country}, el país del negocio",
        unknown_entry: "el paquete '{pack}' no tiene la opción '{step}'",
        unreadable_answers: "no se pueden leer las respuestas de la visita: {detail}",
        new_enterprises_one: "{n} empresa nueva",
        new_enterprises_other: "{n} empresas nuevas",
        updated_enterprises_one: "{n} empresa con datos al día",
        updated_enterprises_other: "{n} empresas con datos al día",
        new_visits_one: "{n} visita nueva",
        new_visits_other: "{n} visitas nuevas",
        updated_visits_one: "{n} visita al día",
        updated_visits_other: "{n} visitas al día",
        new_steps_one: "{n} paso en seguimiento nuevo",
        new_steps_other: "{n} pasos en seguimiento nuevos",
        updated_steps_one: "{n} paso al día",
        updated_steps_other: "{n} pasos al día",
        nothing_new: "Nada nuevo: todo lo del archivo ya estaba aquí",
        conflicts_one: "{n} conflicto: se guardaron las dos versiones",
        conflicts_other: "{n} conflictos: se guardaron las dos versiones de cada uno",
        no_date: "sin fecha: el envío no tiene ninguna de las columnas _submission_time, SubmissionDate, end o start, que dan la fecha de su visita",
        not_a_date_time: "'{written}' no es una fecha con hora (como 2026-12-02T15:04:05)",
        refused_rows_one: "Una fila del archivo no se importó porque tiene errores:",
        refused_rows_other: "{n} filas del archivo no se importaron porque tienen errores:",
        more_rows: " (+{n} filas)",
        newer_version: "Este archivo es de una versión más nueva de Umbral ({version}). Actualice Umbral para abrirlo. No se cambió nada.",
        single_assessment: "Este archivo es una sola evaluación, no un archivo de traspaso con empresas y visitas. No se cambió nada.",
        not_handoff: "Este archivo no es un archivo de traspaso de Umbral. No se cambió nada.",
        file_errors_one: "El archivo tiene un error y no se importó nada. Detalle:",
        file_errors_other: "El archivo tiene {n} errores y no se importó nada. Detalles:",
        refused_enterprises_one: "Un negocio del archivo no se importó porque tiene errores:",
        refused_enterprises_other: "{n} negocios del archivo no se importaron porque tienen errores:",
        more_errors: " (y {n} más)",
        more_enterprises: " (+{n} negocios)",
    }
}

texts_static! {
    pub static HANDOFF_EN: HandoffWords from HandoffSource {
        locale: Locale::En,
        ;
        visit_of_date: "the visit of {date} to {enterprise}",
        visit_with_id: "visit '{id}' to {enterprise}",
        a_visit: "a visit to {enterprise}",
        not_json: "not a hand-off file: not valid JSON ({detail})",
        file_not_an_object: "not a hand-off file: expected a JSON object, found {found}",
        other_version: "this file is '{schema}', a version this app cannot read; it reads '{v3}', '{v2}' and '{v1}'. A newer version of Umbral may open it",
        one_profile: "this file is one profile ('{schema}'), not a hand-off file ('{v3}')",
        not_handoff_schema: "not a hand-off file: expected \"{v3}\", found {found}",
        missing_schema: "not a hand-off file: missing field 'schema' (\"{v3}\")",
        app_version: "expected the version of the app that wrote the file (1 to 64 characters), found {found}",
        unknown_field: "unknown field '{name}'; expected one of: {allowed}",
        missing_field: "missing field '{name}'",
        not_a_time: "expected a UTC time such as 2026-03-14T10:15:30Z, found {found}",
        not_an_id: "expected an id (1 to 64 letters, digits, '-' or '_'), found {found}",
        empty: "is empty",
        not_a_list: "expected an array, found {found}",
        not_save_counts: "expected an object of device ids and save counts, found {found}",
        not_a_device: "'{device}' is not a device id (1 to 64 letters, digits, '-' or '_')",
        not_a_save_count: "expected a count of saves (a whole number from 0 to {max}), found {found}",
        unknown_country: "unknown country {found}; expected one of: {countries}",
        region_elsewhere: "region '{region}' is not in the enterprise's country, {country}",
        not_a_region: "expected an ISO 3166-2 code such as MX-OAX, found {found}",
        unknown_sector: "unknown sector {found}; expected one of: {sectors}",
        unknown_detail: "unknown detail {found}; expected one of: {details}",
        enterprise_id_taken: "the id '{id}' is already used by enterprises[{first}]",
        visit_id_taken: "the id '{id}' is already used by visits[{first}] of this enterprise",
        not_a_date: "expected a date such as 2026-03-14, found {found}",
        version1_profiles: "a '{v1}' file holds '{profile_v1}' profiles only (in {visit})",
        other_country: "the profile is for {profile} but the enterprise is in {country} (in {visit})",
        profile: "{problem} (in {visit})",
        not_trimmed: "has spaces at its start or end",
        no_reason: "a dropped step needs a reason: why it was left aside (1 to 500 characters)",
        reason_not_dropped: "a reason is kept only for a dropped step; this one is '{status}'",
        confirmed_not_done: "confirmed_in is kept only for a step done; this one is '{status}'",
        step_taken: "step '{step}' of visit '{visit}' is already steps[{first}] of this enterprise",
        not_selling_online: "channels or a share of online sales, but selling_online is false",
        no_visit: "no visit '{id}'",
        no_step: "visit '{visit}' has no step '{step}' followed",
        not_done: "step '{step}' is not done; only a step done changes the answers",
        confirmed: "step '{step}' was confirmed in visit '{visit}'; its status stays done",
        not_later: "visit '{into}' is not later than visit '{visit}', which recommended the step",
        pack_of_other_country: "pack '{pack}' is not for {country}, the enterprise's country",
        unknown_entry: "pack '{pack}' has no catalogue entry '{step}'",
        unreadable_answers: "the visit's answers cannot be read: {detail}",
        new_enterprises_one: "{n} new enterprise",
        new_enterprises_other: "{n} new enterprises",
        updated_enterprises_one: "{n} enterprise with updated details",
        updated_enterprises_other: "{n} enterprises with updated details",
        new_visits_one: "{n} new visit",
        new_visits_other: "{n} new visits",
        updated_visits_one: "{n} updated visit",
        updated_visits_other: "{n} updated visits",
        new_steps_one: "{n} new step followed",
        new_steps_other: "{n} new steps followed",
        updated_steps_one: "{n} updated step",
        updated_steps_other: "{n} updated steps",
        nothing_new: "Nothing new: everything in the file was already here",
        conflicts_one: "{n} conflict: both versions were kept",
        conflicts_other: "{n} conflicts: both versions of each were kept",
        no_date: "no date: the submission has none of the columns _submission_time, SubmissionDate, end or start, which date its visit",
        not_a_date_time: "'{written}' is not a date and time (such as 2026-12-02T15:04:05)",
        refused_rows_one: "One row of the file was not imported because it has errors:",
        refused_rows_other: "{n} rows of the file were not imported because they have errors:",
        more_rows: " (+{n} rows)",
        newer_version: "This file is from a newer version of Umbral ({version}). Update Umbral to open it. Nothing was changed.",
        single_assessment: "This file is a single assessment, not a hand-off file with enterprises and visits. Nothing was changed.",
        not_handoff: "This is not an Umbral hand-off file. Nothing was changed.",
        file_errors_one: "The file has an error and nothing was imported. Details:",
        file_errors_other: "The file has {n} errors and nothing was imported. Details:",
        refused_enterprises_one: "One enterprise in the file was not imported because it has errors:",
        refused_enterprises_other: "{n} enterprises in the file were not imported because they have errors:",
        more_errors: " (and {n} more)",
        more_enterprises: " (+{n} enterprises)",
    }
}

/// The sentences of what is wrong with a hand-off file, in `locale`.
pub fn handoff_words(locale: Locale) -> &'static HandoffWords {
    locale.pick(&HANDOFF_ES, &HANDOFF_EN)
}

impl fmt::Display for HandoffProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every kind of problem.
    fn every_kind() -> Vec<HandoffProblem> {
        use HandoffProblem as P;
        let t = |s: &str| Found::Text(s.into());
        let visit = || VisitRef {
            date: Some("2026-03-14".into()),
            id: None,
            enterprise: "'Tejidos'".into(),
        };
        vec![
            P::NotJson {
                detail: JsonSyntax {
                    detail: "EOF while parsing a value at line 1 column 11".into(),
                    line: 1,
                    column: 11,
                    cut_short: true,
                },
            },
            P::FileNotAnObject { found: Found::List },
            P::OtherVersion {
                schema: "umbral.handoff/9".into(),
            },
            P::OneProfile {
                schema: "umbral.profile/2".into(),
            },
            P::NotHandoffSchema { found: t("x") },
            P::MissingSchema,
            P::AppVersion {
                found: Found::Number("1".into()),
            },
            P::Value(Problem::NotAnObject { found: Found::Null }),
            P::UnknownField {
                name: "x".into(),
                allowed: &["id"],
            },
            P::MissingField { name: "id".into() },
            P::NotATime { found: t("ayer") },
            P::NotAnId { found: t("a b") },
            P::Value(Problem::TooLong { max: 64 }),
            P::Empty,
            P::Value(Problem::NotAString {
                found: Found::Boolean(true),
            }),
            P::NotAList {
                found: Found::Object,
            },
            P::NotSaveCounts { found: Found::List },
            P::NotADevice {
                device: "a b".into(),
            },
            P::NotASaveCount { found: t("x") },
            P::UnknownCountry { found: t("AR") },
            P::RegionElsewhere {
                region: "CL-VS".into(),
                country: "MX".into(),
            },
            P::NotARegion { found: t("x") },
            P::UnknownSector {
                found: t("x"),
                sectors: vec!["food"],
            },
            P::UnknownDetail {
                found: t("x"),
                details: &["phone"],
            },
            P::EnterpriseIdTaken {
                id: "e1".into(),
                first: 0,
            },
            P::VisitIdTaken {
                id: "v1".into(),
                first: 0,
            },
            P::NotADate { found: t("x") },
            P::Version1Profiles { visit: visit() },
            P::OtherCountry {
                profile: "CL".into(),
                country: "MX".into(),
                visit: visit(),
            },
            P::Profile {
                problem: Problem::TooDeep,
                visit: visit(),
            },
            P::NotTrimmed,
            P::NoReason,
            P::ReasonNotDropped {
                status: "done".into(),
            },
            P::ConfirmedNotDone {
                status: "agreed".into(),
            },
            P::StepTaken {
                step: "whatsapp-business".into(),
                visit: "v1".into(),
                first: 0,
            },
            P::NotSellingOnline,
        ]
    }

    #[test]
    fn every_problem_is_worded_in_spanish_and_english() {
        crate::engine::problem::assert_worded_apart(
            &every_kind(),
            HandoffProblem::message,
            &[
                "expected", "found", "unknown", "missing", "longer", " is ", " in ",
            ],
        );
    }
}
