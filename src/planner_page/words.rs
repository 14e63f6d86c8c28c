//! The planner page's own words, in Spanish ("usted") and English. Pack texts (stages,
//! dimensions, blockers, states, questions) come from the packs; the summary's sentences
//! from `crate::planner`.
//!
//! A `texts_table!` like the app's (`crate::app::words`): a sentence with values is a template
//! filled by [`fill`], with `_one` and `_other` forms where a count decides. [`shell_texts`]
//! lists them (`planner.title`) for a translation into another language, which translates
//! them in the core pack's file.

use crate::engine::words::{texts_static, texts_table};
use crate::engine::{fill, Locale};
use crate::packs::translation::{self, SourceText};

texts_table! {
    /// Every fixed text of the planner page in one locale.
    pub struct Words from WordsSource as "planner" {
        pub locale: Locale,
        ;
        title,
        tagline,
        import_heading,
        import_intro,
        choose_files,
        drop_here,
        private,
        loading_packs,
        line,
        /// Where a record of an export's JSON is: "Envío 3 (_id 41)".
        submission,
        unreadable_file,
        whole_file,
        no_visit,
        /// An export whose first submission names neither its form nor its country.
        export_no_pack,
        clear,
        nothing_yet,
        filters_heading,
        all_regions,
        all_localities,
        all_sectors,
        region,
        locality,
        sector,
        summary_heading,
        readiness,
        stages_heading,
        stage,
        enterprises,
        share,
        dimensions_heading,
        dimensions_intro,
        dimension,
        average,
        blockers_heading,
        blockers_intro,
        blocker,
        rank,
        no_blockers,
        by_region_heading,
        by_locality_heading,
        top_blockers,
        scenario_heading,
        scenario_intro,
        scenario_field,
        scenario_minimum,
        scenario_add,
        scenario_condition,
        scenario_remove,
        scenario_none,
        supply_heading,
        supply_intro,
        supply_legend,
        supply_none,
        before_after_heading,
        before_after_intro,
        before_after_stages,
        before_after_means,
        first_visit,
        each_enterprise,
        enterprise,
        readiness_short,
        steps_done_dropped,
        sells_online,
        visited_once,
        yes,
        no,
        download_each,
        latest_visit,
        report_heading,
        report_intro,
        report_print,
        report_filters,
        report_followed_note,
        report_supply,
        report_footer,
        download,
        download_note,
        /// While a file is read: `{name}` is the file's name, `{n}` how many profiles are read so far.
        reading_template,
        /// One enterprise was read from a file.
        file_read_one,
        /// How many enterprises were read from a file, more than one: `{n}`.
        file_read_other,
        /// Before the one problem found in a file.
        file_problems_one,
        /// Before the problems found in a file: `{n}` is how many lines have one.
        file_problems_other,
        /// After the problems shown of a file: `{n}` is how many more it has.
        more_problems_template,
        /// A file larger than the planner reads: `{mb}` is its size and `{max}` the most read, both in MB.
        too_big_template,
        /// The country's pack could not be fetched: `{country}` is its code, `{why}` what went wrong (in the browser's words).
        pack_missing_template,
        /// No pack exists for a country: `{country}` is its code.
        no_pack_template,
        /// The pack an export's form was written from could not be fetched: `{id}` is its id, `{why}` what went wrong.
        export_pack_missing_template,
        /// How many enterprises the filters keep (`{n}`) of all those read (`{total}`).
        enterprises_counted_template,
        /// A route beside the ladder: `{label}` is its name, `{n}` the enterprises that reached it and `{p}` their per cent, `{none}` how many of them have no stage and `{none_p}` their per cent of those with none.
        route_line_template,
        /// The list of what a programme could give, one ticked: `{n}` is how many the catalogue has.
        supply_choose_one,
        /// The list of what a programme could give: `{n}` is how many the catalogue has, `{k}` how many are ticked (none, or more than one).
        supply_choose_other,
        /// After the enterprises shown: `{n}` is how many more the downloaded file has.
        more_in_file_template,
        tag_programme,
        tag_programme_all,
        tag_institution,
        tag_institution_all,
        tag_term,
        tag_term_all,
        tag_team,
        tag_team_all,
    }
}

impl Words {
    /// A cohort tag's filter: its label, its "all" choice and its element id.
    pub fn cohort_tag(&self, tag: &str) -> (&'static str, &'static str, &'static str) {
        match tag {
            "programme" => (
                self.tag_programme(),
                self.tag_programme_all(),
                "filtro-programa",
            ),
            "institution" => (
                self.tag_institution(),
                self.tag_institution_all(),
                "filtro-institucion",
            ),
            "term" => (self.tag_term(), self.tag_term_all(), "filtro-periodo"),
            _ => (self.tag_team(), self.tag_team_all(), "filtro-equipo"),
        }
    }

    /// "Leyendo cohorte.jsonl: 120 perfiles…"
    pub fn reading(&self, name: &str, n: usize) -> String {
        fill(
            self.reading_template(),
            &[("name", name), ("n", &n.to_string())],
        )
    }

    /// "12 negocios leídos".
    pub fn file_read(&self, n: usize) -> String {
        let template = if n == 1 {
            self.file_read_one()
        } else {
            self.file_read_other()
        };
        fill(template, &[("n", &n.to_string())])
    }

    /// "3 líneas con problemas:".
    pub fn file_problems(&self, n: usize) -> String {
        let template = if n == 1 {
            self.file_problems_one()
        } else {
            self.file_problems_other()
        };
        fill(template, &[("n", &n.to_string())])
    }

    /// "… y 4 más."
    pub fn more_problems(&self, n: usize) -> String {
        fill(self.more_problems_template(), &[("n", &n.to_string())])
    }

    /// The file is larger than the planner reads (its size in MB, the most in MB).
    pub fn too_big(&self, mb: u64, max: u64) -> String {
        fill(
            self.too_big_template(),
            &[("mb", &mb.to_string()), ("max", &max.to_string())],
        )
    }

    /// The country's pack could not be fetched (country, why).
    pub fn pack_missing(&self, country: &str, why: &str) -> String {
        fill(
            self.pack_missing_template(),
            &[("country", country), ("why", why)],
        )
    }

    /// No pack exists for the country.
    pub fn no_pack(&self, country: &str) -> String {
        fill(self.no_pack_template(), &[("country", country)])
    }

    /// The pack an export's form was written from could not be fetched (its id, why).
    pub fn export_pack_missing(&self, id: &str, why: &str) -> String {
        fill(
            self.export_pack_missing_template(),
            &[("id", id), ("why", why)],
        )
    }

    /// "40 de 120 negocios cumplen los filtros."
    pub fn enterprises_counted(&self, n: u64, total: usize) -> String {
        fill(
            self.enterprises_counted_template(),
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    }

    /// A route beside the ladder: its label, the enterprises that reached it (count, per
    /// cent), and how many of them have no stage (count, per cent of those with none).
    pub fn route_line(&self, label: &str, n: u64, p: &str, none: u64, none_p: &str) -> String {
        fill(
            self.route_line_template(),
            &[
                ("label", label),
                ("n", &n.to_string()),
                ("p", p),
                ("none", &none.to_string()),
                ("none_p", none_p),
            ],
        )
    }

    /// "Elegir lo que daría (12 en el catálogo; 2 marcados)".
    pub fn supply_choose(&self, n: usize, k: usize) -> String {
        let template = if k == 1 {
            self.supply_choose_one()
        } else {
            self.supply_choose_other()
        };
        fill(template, &[("n", &n.to_string()), ("k", &k.to_string())])
    }

    /// "Y 30 negocios más: …"
    pub fn more_in_file(&self, n: usize) -> String {
        fill(self.more_in_file_template(), &[("n", &n.to_string())])
    }
}

texts_static! {
    pub static ES: Words from WordsSource {
        locale: Locale::Es,
        ;
        title: "Umbral para planear",
        tagline: "Qué frena a los negocios de su programa, y dónde.",
        import_heading: "1. Abra los archivos de diagnósticos",
        import_intro: "Elija uno o varios archivos: perfiles de negocios en JSON Lines (.jsonl) o CSV, como los que lee «umbral batch», archivos de intercambio del espacio de trabajo (de cada negocio se cuenta su visita más reciente, y se compara con la primera), o lo que exporta KoboToolbox u ODK Central del cuestionario de Umbral (CSV o JSON). Puede elegir varios a la vez.",
        choose_files: "Elegir archivos",
        drop_here: "O arrastre los archivos hasta aquí.",
        private: "Los archivos se leen solo en este navegador: nada se envía a ningún lado.",
        loading_packs: "Cargando las reglas de cada país…",
        line: "Línea",
        submission: "Envío",
        unreadable_file: "No se pudo leer el archivo",
        whole_file: "El archivo",
        no_visit: "todavía no tiene visitas: no hay diagnóstico que contar",
        export_no_pack: "no se sabe de qué cuestionario de Umbral es esta exportación: su primer envío no dice su país (columna «country») ni su formulario (el JSON de KoboToolbox lo dice)",
        clear: "Quitar todos los archivos",
        nothing_yet: "Todavía no hay archivos abiertos.",
        filters_heading: "2. Filtrar",
        all_regions: "Todos los estados",
        all_localities: "Todas las localidades",
        all_sectors: "Todos los giros",
        region: "Estado",
        locality: "Localidad",
        sector: "Giro del negocio",
        summary_heading: "3. Resumen",
        readiness: "Preparación promedio (de 0 a 100)",
        stages_heading: "Etapas",
        stage: "Etapa",
        enterprises: "Negocios",
        share: "Porcentaje",
        dimensions_heading: "Promedio por aspecto",
        dimensions_intro: "Puntaje promedio de 0 a 100 en cada aspecto.",
        dimension: "Aspecto",
        average: "Promedio",
        blockers_heading: "Lo que más los frena",
        blockers_intro: "Cuántos negocios tienen cada obstáculo para dar su primer paso.",
        blocker: "Obstáculo",
        rank: "Lugar",
        no_blockers: "Ningún negocio tiene obstáculos.",
        by_region_heading: "Por estado",
        by_locality_heading: "Por localidad",
        top_blockers: "Obstáculos más comunes",
        scenario_heading: "4. ¿Y si el programa exigiera algo?",
        scenario_intro: "Elija un dato y el nivel mínimo que pediría el programa. Umbral cuenta cuántos negocios quedarían fuera y dónde.",
        scenario_field: "Dato",
        scenario_minimum: "Como mínimo",
        scenario_add: "Calcular",
        scenario_condition: "Condición",
        scenario_remove: "Quitar",
        scenario_none: "Aún no ha calculado ninguna exigencia.",
        supply_heading: "5. ¿Y si el programa diera algo?",
        supply_intro: "Marque lo que el programa podría dar a los negocios. Umbral cuenta a cuántos les hace falta, a cuántos les haría subir de escalón y cuánto costaría, con los precios del catálogo.",
        supply_legend: "Lo que el programa podría dar",
        supply_none: "Marque algo de la lista para ver qué pasaría.",
        before_after_heading: "Antes y después",
        before_after_intro: "De los negocios que llegaron en archivos de intercambio: su primera visita comparada con la más reciente. Los que tuvieron una sola visita se cuentan aparte.",
        before_after_stages: "Negocios en cada etapa, en la primera y en la última visita",
        before_after_means: "Promedios en la primera y en la última visita (de 0 a 100)",
        first_visit: "Primera visita",
        each_enterprise: "Cada negocio: primera y última visita",
        enterprise: "Negocio",
        readiness_short: "Preparación",
        steps_done_dropped: "Pasos hechos / dejados",
        sells_online: "¿Vende en línea?",
        visited_once: "una sola visita",
        yes: "Sí",
        no: "No",
        download_each: "Descargar cada negocio (CSV)",
        latest_visit: "Última visita",
        report_heading: "Informe para imprimir",
        report_intro: "Una hoja con lo principal, para llevar a una reunión: cuántos negocios hay en cada etapa (y en la primera visita, si hay archivos de intercambio), los obstáculos más comunes y lo que costaría lo que el programa diera, con los filtros y lo que marcó arriba.",
        report_print: "Imprimir informe",
        report_filters: "Filtros: ",
        report_followed_note: "(primera y última visita: solo los negocios con dos visitas o más)",
        report_supply: "Lo que el programa podría dar, y lo que costaría",
        report_footer: "Hecho con Umbral. Los archivos se leyeron solo en este navegador; los costos marcados como aproximados no se pudieron confirmar.",
        download: "Descargar resumen (CSV)",
        download_note: "El archivo es el mismo que escribe «umbral batch --summary --summary-format csv» con los mismos archivos, filtros y exigencias (los nombres, en el idioma de esta página: «--lang en» para inglés).",
        reading_template: "Leyendo {name}: {n} perfiles…",
        file_read_one: "1 negocio leído",
        file_read_other: "{n} negocios leídos",
        file_problems_one: "1 línea con problemas:",
        file_problems_other: "{n} líneas con problemas:",
        more_problems_template: "… y {n} más.",
        too_big_template: "El archivo pesa {mb} MB; el máximo es {max} MB. Divídalo en partes y elíjalas juntas.",
        pack_missing_template: "no se pudieron cargar las preguntas de {country} (¿sin conexión?): {why}",
        no_pack_template: "Umbral todavía no tiene preguntas para el país {country}",
        export_pack_missing_template: "no se pudieron cargar las preguntas del cuestionario «{id}» (¿sin conexión, o un cuestionario que este sitio no tiene?): {why}",
        enterprises_counted_template: "{n} de {total} negocios cumplen los filtros.",
        route_line_template: "{label}: {n} empresas ({p} %) podrían hacerlo; {none} de ellas aún no tienen etapa (el {none_p} % de las que no tienen etapa).",
        supply_choose_one: "Elegir lo que daría ({n} en el catálogo; 1 marcado)",
        supply_choose_other: "Elegir lo que daría ({n} en el catálogo; {k} marcados)",
        more_in_file_template: "Y {n} negocios más: están todos en el archivo que se descarga.",
        tag_programme: "Programa",
        tag_programme_all: "Todos los programas",
        tag_institution: "Institución",
        tag_institution_all: "Todas las instituciones",
        tag_term: "Periodo",
        tag_term_all: "Todos los periodos",
        tag_team: "Equipo",
        tag_team_all: "Todos los equipos",
    }
}

texts_static! {
    pub static EN: Words from WordsSource {
        locale: Locale::En,
        ;
        title: "Umbral for planners",
        tagline: "What holds your programme's businesses back, and where.",
        import_heading: "1. Open the assessment files",
        import_intro: "Choose one or more files: businesses' profiles in JSON Lines (.jsonl) or CSV, as «umbral batch» reads them, hand-off files from the workspace (each business counts with its latest visit, compared with its first), or what KoboToolbox or ODK Central export from Umbral's questionnaire (CSV or JSON). You can choose several at once.",
        choose_files: "Choose files",
        drop_here: "Or drag the files here.",
        private: "The files are read only in this browser: nothing is sent anywhere.",
        loading_packs: "Loading each country's rules…",
        line: "Line",
        submission: "Submission",
        unreadable_file: "The file could not be read",
        whole_file: "The file",
        no_visit: "has no visit yet: there is no assessment to count",
        export_no_pack: "cannot tell which of Umbral's questionnaires this export is from: its first submission gives neither its country (a «country» column) nor its form (KoboToolbox's JSON does)",
        clear: "Remove all files",
        nothing_yet: "No files open yet.",
        filters_heading: "2. Filter",
        all_regions: "All states",
        all_localities: "All localities",
        all_sectors: "All sectors",
        region: "State",
        locality: "Locality",
        sector: "Line of business",
        summary_heading: "3. Summary",
        readiness: "Average readiness (0 to 100)",
        stages_heading: "Stages",
        stage: "Stage",
        enterprises: "Businesses",
        share: "Share",
        dimensions_heading: "Average by area",
        dimensions_intro: "Average score from 0 to 100 in each area.",
        dimension: "Area",
        average: "Average",
        blockers_heading: "What holds them back most",
        blockers_intro: "How many businesses have each obstacle to their first step.",
        blocker: "Obstacle",
        rank: "Rank",
        no_blockers: "No business has obstacles.",
        by_region_heading: "By state",
        by_locality_heading: "By locality",
        top_blockers: "Most common obstacles",
        scenario_heading: "4. What if the programme required something?",
        scenario_intro: "Choose a piece of information and the minimum level the programme would ask for. Umbral counts how many businesses would be left out, and where.",
        scenario_field: "Information",
        scenario_minimum: "At least",
        scenario_add: "Calculate",
        scenario_condition: "Condition",
        scenario_remove: "Remove",
        scenario_none: "You have not calculated any requirement yet.",
        supply_heading: "5. What if the programme supplied something?",
        supply_intro: "Tick what the programme could give the businesses. Umbral counts how many need it, how many it would move up a rung and what it would cost, at the catalogue's prices.",
        supply_legend: "What the programme could give",
        supply_none: "Tick something on the list to see what would happen.",
        before_after_heading: "Before and after",
        before_after_intro: "For the enterprises that came in hand-off files: their first visit compared with the latest. Those visited once are counted apart.",
        before_after_stages: "Enterprises at each stage, at the first and the latest visit",
        before_after_means: "Means at the first and the latest visit (0 to 100)",
        first_visit: "First visit",
        each_enterprise: "Each business: first and latest visit",
        enterprise: "Business",
        readiness_short: "Readiness",
        steps_done_dropped: "Steps done / dropped",
        sells_online: "Sells online?",
        visited_once: "visited once",
        yes: "Yes",
        no: "No",
        download_each: "Download each business (CSV)",
        latest_visit: "Latest visit",
        report_heading: "Report to print",
        report_intro: "One sheet with the main figures, to take to a meeting: how many businesses are at each stage (and at their first visit, when there are hand-off files), the most common blockers and what the programme's supplies would cost, with the filters and choices above.",
        report_print: "Print report",
        report_filters: "Filters: ",
        report_followed_note: "(first and latest visit: only the businesses visited twice or more)",
        report_supply: "What the programme could supply, and what it would cost",
        report_footer: "Made with Umbral. The files were read only in this browser; costs marked approximate could not be confirmed.",
        download: "Download summary (CSV)",
        download_note: "The file is the one «umbral batch --summary --summary-format csv» writes for the same files, filters and requirements (names in this page's language: add «--lang en»).",
        reading_template: "Reading {name}: {n} profiles…",
        file_read_one: "1 business read",
        file_read_other: "{n} businesses read",
        file_problems_one: "1 line with problems:",
        file_problems_other: "{n} lines with problems:",
        more_problems_template: "… and {n} more.",
        too_big_template: "The file is {mb} MB; the most is {max} MB. Split it into parts and choose them together.",
        pack_missing_template: "the questions for {country} could not be loaded (offline?): {why}",
        no_pack_template: "Umbral has no questions for the country {country} yet",
        export_pack_missing_template: "the questions of the questionnaire «{id}» could not be loaded (offline, or a questionnaire this site does not have?): {why}",
        enterprises_counted_template: "{n} of {total} businesses match the filters.",
        route_line_template: "{label}: {n} enterprises ({p} %) could do it; {none} of them have no stage yet ({none_p} % of those with none).",
        supply_choose_one: "Choose what it would give ({n} in the catalogue; 1 ticked)",
        supply_choose_other: "Choose what it would give ({n} in the catalogue; {k} ticked)",
        more_in_file_template: "And {n} more businesses: all of them are in the file to download.",
        tag_programme: "Programme",
        tag_programme_all: "All programmes",
        tag_institution: "Institution",
        tag_institution_all: "All institutions",
        tag_term: "Term",
        tag_term_all: "All terms",
        tag_team: "Team",
        tag_team_all: "All teams",
    }
}

/// The words of `locale`.
pub fn words(locale: Locale) -> &'static Words {
    locale.pick(&ES, &EN)
}

/// The planner page's words with their keys (`planner.title`) and Spanish, for a translation
/// into another language: translated in the core pack's file, beside the app's.
pub fn shell_texts() -> Vec<SourceText> {
    translation::table_texts(ES.prefix(), ES.fixed_texts(), ES.notes())
}
