//! What is wrong with a hand-off file, as data: each kind of problem the reader finds and its
//! sentence in Spanish and English. The command line says them in English (`Display`); the
//! workspace and the planner in the language of the page.

use std::fmt;

use crate::engine::problem::JsonSyntax;
use crate::engine::profile::{Found, Problem, COUNTRIES, PROFILE_SCHEMA_V1};
use crate::engine::Locale;

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
    fn said(&self, es: bool) -> String {
        let e = &self.enterprise;
        match (&self.date, &self.id, es) {
            (Some(d), _, false) => format!("the visit of {d} to {e}"),
            (Some(d), _, true) => format!("la visita del {d} a {e}"),
            (None, Some(id), false) => format!("visit '{id}' to {e}"),
            (None, Some(id), true) => format!("la visita '{id}' a {e}"),
            (None, None, false) => format!("a visit to {e}"),
            (None, None, true) => format!("una visita a {e}"),
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
        match locale {
            Locale::Es => self.spanish(),
            Locale::En => self.english(),
        }
    }

    /// In English: what the command line says. Each language apart, so that a page that only
    /// ever shows English carries no Spanish sentences.
    fn english(&self) -> String {
        let (v3, v2, v1) = (HANDOFF_SCHEMA, HANDOFF_SCHEMA_V2, HANDOFF_SCHEMA_V1);
        match self {
            HandoffProblem::NotJson { detail } => format!("not a hand-off file: not valid JSON ({detail})"),
            HandoffProblem::FileNotAnObject { found } => format!(
                "not a hand-off file: expected a JSON object, found {}",
                found.kind(false)
            ),
            HandoffProblem::OtherVersion { schema } => format!(
                "this file is '{schema}', a version this app cannot read; it reads '{v3}', \
                 '{v2}' and '{v1}'. A newer version of Umbral may open it"
            ),
            HandoffProblem::OneProfile { schema } => {
                format!("this file is one profile ('{schema}'), not a hand-off file ('{v3}')")
            }
            HandoffProblem::NotHandoffSchema { found } => format!(
                "not a hand-off file: expected \"{v3}\", found {}",
                found.quoted(false)
            ),
            HandoffProblem::MissingSchema => {
                format!("not a hand-off file: missing field 'schema' (\"{v3}\")")
            }
            HandoffProblem::AppVersion { found } => format!(
                "expected the version of the app that wrote the file (1 to 64 characters), found {}",
                found.quoted(false)
            ),
            HandoffProblem::Value(problem) => problem.message(Locale::En),
            HandoffProblem::UnknownField { name, allowed } => format!(
                "unknown field '{name}'; expected one of: {}",
                allowed.join(", ")
            ),
            HandoffProblem::MissingField { name } => format!("missing field '{name}'"),
            HandoffProblem::NotATime { found } => format!(
                "expected a UTC time such as 2026-03-14T10:15:30Z, found {}",
                found.quoted(false)
            ),
            HandoffProblem::NotAnId { found } => format!(
                "expected an id (1 to 64 letters, digits, '-' or '_'), found {}",
                found.quoted(false)
            ),
            HandoffProblem::Empty => "is empty".into(),
            HandoffProblem::NotAList { found } => format!("expected an array, found {}", found.kind(false)),
            HandoffProblem::NotSaveCounts { found } => format!(
                "expected an object of device ids and save counts, found {}",
                found.kind(false)
            ),
            HandoffProblem::NotADevice { device } => {
                format!("'{device}' is not a device id (1 to 64 letters, digits, '-' or '_')")
            }
            HandoffProblem::NotASaveCount { found } => format!(
                "expected a count of saves (a whole number from 0 to {}), found {}",
                u32::MAX,
                found.quoted(false)
            ),
            HandoffProblem::UnknownCountry { found } => format!(
                "unknown country {}; expected one of: {}",
                found.quoted(false),
                COUNTRIES.join(", ")
            ),
            HandoffProblem::RegionElsewhere { region, country } => {
                format!("region '{region}' is not in the enterprise's country, {country}")
            }
            HandoffProblem::NotARegion { found } => format!(
                "expected an ISO 3166-2 code such as MX-OAX, found {}",
                found.quoted(false)
            ),
            HandoffProblem::UnknownSector { found, sectors } => format!(
                "unknown sector {}; expected one of: {}",
                found.quoted(false),
                sectors.join(", ")
            ),
            HandoffProblem::UnknownDetail { found, details } => format!(
                "unknown detail {}; expected one of: {}",
                found.quoted(false),
                details.join(", ")
            ),
            HandoffProblem::EnterpriseIdTaken { id, first } => {
                format!("the id '{id}' is already used by enterprises[{first}]")
            }
            HandoffProblem::VisitIdTaken { id, first } => {
                format!("the id '{id}' is already used by visits[{first}] of this enterprise")
            }
            HandoffProblem::NotADate { found } => format!(
                "expected a date such as 2026-03-14, found {}",
                found.quoted(false)
            ),
            HandoffProblem::Version1Profiles { visit } => format!(
                "a '{v1}' file holds '{PROFILE_SCHEMA_V1}' profiles only (in {})",
                visit.said(false)
            ),
            HandoffProblem::OtherCountry {
                profile,
                country,
                visit,
            } => format!(
                "the profile is for {profile} but the enterprise is in {country} (in {})",
                visit.said(false)
            ),
            HandoffProblem::Profile { problem, visit } => {
                format!("{} (in {})", problem.message(Locale::En), visit.said(false))
            }
            HandoffProblem::NotTrimmed => "has spaces at its start or end".into(),
            HandoffProblem::NoReason => {
                "a dropped step needs a reason: why it was left aside (1 to 500 characters)".into()
            }
            HandoffProblem::ReasonNotDropped { status } => {
                format!("a reason is kept only for a dropped step; this one is '{status}'")
            }
            HandoffProblem::ConfirmedNotDone { status } => {
                format!("confirmed_in is kept only for a step done; this one is '{status}'")
            }
            HandoffProblem::StepTaken { step, visit, first } => format!(
                "step '{step}' of visit '{visit}' is already steps[{first}] of this enterprise"
            ),
            HandoffProblem::NotSellingOnline => "channels or a share of online sales, but \
                 selling_online is false"
                .into(),
        }
    }

    fn spanish(&self) -> String {
        let (v3, v2, v1) = (HANDOFF_SCHEMA, HANDOFF_SCHEMA_V2, HANDOFF_SCHEMA_V1);
        match self {
            HandoffProblem::NotJson { detail } => {
                let detail = detail.spanish();
                format!("no es un archivo de traspaso: no es JSON válido ({detail})")
            }
            HandoffProblem::FileNotAnObject { found } => format!(
                "no es un archivo de traspaso: se esperaba un objeto JSON y hay {}",
                found.kind(true)
            ),
            HandoffProblem::OtherVersion { schema } => format!(
                "este archivo es '{schema}', una versión que esta aplicación no lee; lee '{v3}', \
                 '{v2}' y '{v1}'. Una versión más nueva de Umbral puede abrirlo"
            ),
            HandoffProblem::OneProfile { schema } => format!(
                "este archivo es un perfil ('{schema}'), no un archivo de traspaso ('{v3}')"
            ),
            HandoffProblem::NotHandoffSchema { found } => format!(
                "no es un archivo de traspaso: se esperaba \"{v3}\" y hay {}",
                found.quoted(true)
            ),
            HandoffProblem::MissingSchema => {
                format!("no es un archivo de traspaso: falta el campo 'schema' (\"{v3}\")")
            }
            HandoffProblem::AppVersion { found } => format!(
                "se esperaba la versión de la aplicación que escribió el archivo (de 1 a 64 \
                 caracteres) y hay {}",
                found.quoted(true)
            ),
            HandoffProblem::Value(problem) => problem.message(Locale::Es),
            HandoffProblem::UnknownField { name, allowed } => format!(
                "campo desconocido '{name}'; puede ser {}",
                allowed.join(", ")
            ),
            HandoffProblem::MissingField { name } => format!("falta el campo '{name}'"),
            HandoffProblem::NotATime { found } => format!(
                "se esperaba una hora UTC como 2026-03-14T10:15:30Z y hay {}",
                found.quoted(true)
            ),
            HandoffProblem::NotAnId { found } => format!(
                "se esperaba un identificador (de 1 a 64 letras, dígitos, '-' o '_') y hay {}",
                found.quoted(true)
            ),
            HandoffProblem::Empty => "está vacío".into(),
            HandoffProblem::NotAList { found } => {
                format!("se esperaba una lista y hay {}", found.kind(true))
            }
            HandoffProblem::NotSaveCounts { found } => format!(
                "se esperaba un objeto con identificadores de equipo y cuántas veces se guardó, y \
                 hay {}",
                found.kind(true)
            ),
            HandoffProblem::NotADevice { device } => format!(
                "'{device}' no es un identificador de equipo (de 1 a 64 letras, dígitos, '-' o '_')"
            ),
            HandoffProblem::NotASaveCount { found } => format!(
                "se esperaba cuántas veces se guardó (un número entero de 0 a {}) y hay {}",
                u32::MAX,
                found.quoted(true)
            ),
            HandoffProblem::UnknownCountry { found } => format!(
                "país desconocido: {}; puede ser {}",
                found.quoted(true),
                COUNTRIES.join(", ")
            ),
            HandoffProblem::RegionElsewhere { region, country } => {
                format!("la región '{region}' no es del país del negocio, {country}")
            }
            HandoffProblem::NotARegion { found } => format!(
                "se esperaba un código ISO 3166-2 como MX-OAX y hay {}",
                found.quoted(true)
            ),
            HandoffProblem::UnknownSector { found, sectors } => format!(
                "giro desconocido: {}; puede ser {}",
                found.quoted(true),
                sectors.join(", ")
            ),
            HandoffProblem::UnknownDetail { found, details } => format!(
                "dato desconocido: {}; puede ser {}",
                found.quoted(true),
                details.join(", ")
            ),
            HandoffProblem::EnterpriseIdTaken { id, first } => {
                format!("el identificador '{id}' ya lo usa enterprises[{first}]")
            }
            HandoffProblem::VisitIdTaken { id, first } => {
                format!("el identificador '{id}' ya lo usa visits[{first}] de este negocio")
            }
            HandoffProblem::NotADate { found } => format!(
                "se esperaba una fecha como 2026-03-14 y hay {}",
                found.quoted(true)
            ),
            HandoffProblem::Version1Profiles { visit } => format!(
                "un archivo '{v1}' solo lleva perfiles '{PROFILE_SCHEMA_V1}' (en {})",
                visit.said(true)
            ),
            HandoffProblem::OtherCountry {
                profile,
                country,
                visit,
            } => format!(
                "el perfil es de {profile} pero el negocio está en {country} (en {})",
                visit.said(true)
            ),
            HandoffProblem::Profile { problem, visit } => {
                format!("{} (en {})", problem.message(Locale::Es), visit.said(true))
            }
            HandoffProblem::NotTrimmed => "tiene espacios al principio o al final".into(),
            HandoffProblem::NoReason => "un paso que se dejó necesita un motivo: por qué se dejó \
                 (de 1 a 500 caracteres)"
                .into(),
            HandoffProblem::ReasonNotDropped { status } => format!(
                "el motivo se guarda solo para un paso que se dejó; este está en '{status}'"
            ),
            HandoffProblem::ConfirmedNotDone { status } => {
                format!("confirmed_in se guarda solo para un paso hecho; este está en '{status}'")
            }
            HandoffProblem::StepTaken { step, visit, first } => format!(
                "el paso '{step}' de la visita '{visit}' ya es steps[{first}] de este negocio"
            ),
            HandoffProblem::NotSellingOnline => "tiene canales o una parte de ventas por \
                 internet, pero selling_online es false (no vende por internet)"
                .into(),
        }
    }
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
