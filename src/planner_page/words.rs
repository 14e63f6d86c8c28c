//! The planner page's own words, in Spanish ("usted") and English. Pack texts (stages,
//! dimensions, blockers, states, questions) come from the packs; the summary's sentences
//! from `crate::planner`.

use crate::engine::Locale;

/// Every fixed text of the planner page in one locale.
pub struct Words {
    pub locale: Locale,
    pub title: &'static str,
    pub tagline: &'static str,
    pub switch_to: &'static str,
    pub switch_to_lang: &'static str,
    pub import_heading: &'static str,
    pub import_intro: &'static str,
    pub choose_files: &'static str,
    pub drop_here: &'static str,
    pub private: &'static str,
    pub reading: fn(&str, usize) -> String,
    pub loading_packs: &'static str,
    pub file_read: fn(usize) -> String,
    pub file_problems: fn(usize) -> String,
    pub line: &'static str,
    /// Where a record of an export's JSON is: "Envío 3 (_id 41)".
    pub submission: &'static str,
    pub more_problems: fn(usize) -> String,
    pub unreadable_file: &'static str,
    /// The file is larger than the planner reads (its size in MB, the most in MB).
    pub too_big: fn(u64, u64) -> String,
    pub whole_file: &'static str,
    pub no_visit: &'static str,
    /// The country's pack could not be fetched (country, why).
    pub pack_missing: fn(&str, &str) -> String,
    /// No pack exists for the country.
    pub no_pack: fn(&str) -> String,
    /// An export whose first submission names neither its form nor its country.
    pub export_no_pack: &'static str,
    /// The pack an export's form was written from could not be fetched (its id, why).
    pub export_pack_missing: fn(&str, &str) -> String,
    pub clear: &'static str,
    pub nothing_yet: &'static str,
    pub filters_heading: &'static str,
    pub all_regions: &'static str,
    pub all_localities: &'static str,
    pub all_sectors: &'static str,
    pub region: &'static str,
    pub locality: &'static str,
    pub sector: &'static str,
    pub summary_heading: &'static str,
    pub enterprises_counted: fn(u64, usize) -> String,
    pub readiness: &'static str,
    pub stages_heading: &'static str,
    /// A route beside the ladder: its label, the enterprises that reached it (count, per
    /// cent), and how many of them have no stage (count, per cent of those with none).
    pub route_line: fn(&str, u64, &str, u64, &str) -> String,
    pub stage: &'static str,
    pub enterprises: &'static str,
    pub share: &'static str,
    pub dimensions_heading: &'static str,
    pub dimensions_intro: &'static str,
    pub dimension: &'static str,
    pub average: &'static str,
    pub blockers_heading: &'static str,
    pub blockers_intro: &'static str,
    pub blocker: &'static str,
    pub rank: &'static str,
    pub no_blockers: &'static str,
    pub by_region_heading: &'static str,
    pub by_locality_heading: &'static str,
    pub top_blockers: &'static str,
    pub scenario_heading: &'static str,
    pub scenario_intro: &'static str,
    pub scenario_field: &'static str,
    pub scenario_minimum: &'static str,
    pub scenario_add: &'static str,
    pub scenario_condition: &'static str,
    pub scenario_remove: &'static str,
    pub scenario_none: &'static str,
    pub supply_heading: &'static str,
    pub supply_intro: &'static str,
    pub supply_legend: &'static str,
    pub supply_none: &'static str,
    /// "Elegir lo que daría (45 en el catálogo; 2 marcados)".
    pub supply_choose: fn(usize, usize) -> String,
    pub before_after_heading: &'static str,
    pub before_after_intro: &'static str,
    pub before_after_stages: &'static str,
    pub before_after_means: &'static str,
    pub first_visit: &'static str,
    pub each_enterprise: &'static str,
    pub enterprise: &'static str,
    pub readiness_short: &'static str,
    pub steps_done_dropped: &'static str,
    pub sells_online: &'static str,
    pub visited_once: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub more_in_file: fn(usize) -> String,
    pub download_each: &'static str,
    pub latest_visit: &'static str,
    pub report_heading: &'static str,
    pub report_intro: &'static str,
    pub report_print: &'static str,
    pub report_filters: &'static str,
    pub report_followed_note: &'static str,
    pub report_supply: &'static str,
    pub report_footer: &'static str,
    pub download: &'static str,
    pub download_note: &'static str,
}

impl Words {
    /// A cohort tag's filter: its label, its "all" choice and its element id.
    pub fn cohort_tag(&self, tag: &str) -> (&'static str, &'static str, &'static str) {
        let es = self.locale == Locale::Es;
        match (tag, es) {
            ("programme", true) => ("Programa", "Todos los programas", "filtro-programa"),
            ("programme", false) => ("Programme", "All programmes", "filtro-programa"),
            ("institution", true) => (
                "Institución",
                "Todas las instituciones",
                "filtro-institucion",
            ),
            ("institution", false) => ("Institution", "All institutions", "filtro-institucion"),
            ("term", true) => ("Periodo", "Todos los periodos", "filtro-periodo"),
            ("term", false) => ("Term", "All terms", "filtro-periodo"),
            (_, true) => ("Equipo", "Todos los equipos", "filtro-equipo"),
            (_, false) => ("Team", "All teams", "filtro-equipo"),
        }
    }
}

pub const ES: Words = Words {
    locale: Locale::Es,
    title: "Umbral para planear",
    tagline: "Qué frena a los negocios de su programa, y dónde.",
    switch_to: "English",
    switch_to_lang: "en",
    import_heading: "1. Abra los archivos de diagnósticos",
    import_intro: "Elija uno o varios archivos: perfiles de negocios en JSON Lines (.jsonl) o CSV, como los que lee «umbral batch», archivos de intercambio del espacio de trabajo (de cada negocio se cuenta su visita más reciente, y se compara con la primera), o lo que exporta KoboToolbox u ODK Central del cuestionario de Umbral (CSV o JSON). Puede elegir varios a la vez.",
    choose_files: "Elegir archivos",
    drop_here: "O arrastre los archivos hasta aquí.",
    private: "Los archivos se leen solo en este navegador: nada se envía a ningún lado.",
    reading: |name, n| format!("Leyendo {name}: {n} perfiles…"),
    loading_packs: "Cargando las reglas de cada país…",
    file_read: |n| {
        if n == 1 {
            "1 negocio leído".to_string()
        } else {
            format!("{n} negocios leídos")
        }
    },
    file_problems: |n| {
        if n == 1 {
            "1 línea con problemas:".to_string()
        } else {
            format!("{n} líneas con problemas:")
        }
    },
    line: "Línea",
    submission: "Envío",
    more_problems: |n| format!("… y {n} más."),
    unreadable_file: "No se pudo leer el archivo",
    too_big: |mb, max| format!("El archivo pesa {mb} MB; el máximo es {max} MB. Divídalo en partes y elíjalas juntas."),
    whole_file: "El archivo",
    no_visit: "todavía no tiene visitas: no hay diagnóstico que contar",
    pack_missing: |country, why| {
        format!("no se pudieron cargar las preguntas de {country} (¿sin conexión?): {why}")
    },
    no_pack: |country| format!("Umbral todavía no tiene preguntas para el país {country}"),
    export_no_pack: "no se sabe de qué cuestionario de Umbral es esta exportación: su primer envío no dice su país (columna «country») ni su formulario (el JSON de KoboToolbox lo dice)",
    export_pack_missing: |id, why| {
        format!("no se pudieron cargar las preguntas del cuestionario «{id}» (¿sin conexión, o un cuestionario que este sitio no tiene?): {why}")
    },
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
    enterprises_counted: |n, total| format!("{n} de {total} negocios cumplen los filtros."),
    readiness: "Preparación promedio (de 0 a 100)",
    stages_heading: "Etapas",
    route_line: |label, n, p, none, none_p| {
        format!(
            "{label}: {n} empresas ({p} %) podrían hacerlo; {none} de ellas aún no tienen etapa (el {none_p} % de las que no tienen etapa)."
        )
    },
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
    supply_choose: |n, k| {
        let ticked = if k == 1 { "marcado" } else { "marcados" };
        format!("Elegir lo que daría ({n} en el catálogo; {k} {ticked})")
    },
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
    more_in_file: |n| format!("Y {n} negocios más: están todos en el archivo que se descarga."),
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
};

pub const EN: Words = Words {
    locale: Locale::En,
    title: "Umbral for planners",
    tagline: "What holds your programme's businesses back, and where.",
    switch_to: "Español",
    switch_to_lang: "es",
    import_heading: "1. Open the assessment files",
    import_intro: "Choose one or more files: businesses' profiles in JSON Lines (.jsonl) or CSV, as «umbral batch» reads them, hand-off files from the workspace (each business counts with its latest visit, compared with its first), or what KoboToolbox or ODK Central export from Umbral's questionnaire (CSV or JSON). You can choose several at once.",
    choose_files: "Choose files",
    drop_here: "Or drag the files here.",
    private: "The files are read only in this browser: nothing is sent anywhere.",
    reading: |name, n| format!("Reading {name}: {n} profiles…"),
    loading_packs: "Loading each country's rules…",
    file_read: |n| {
        if n == 1 {
            "1 business read".to_string()
        } else {
            format!("{n} businesses read")
        }
    },
    file_problems: |n| {
        if n == 1 {
            "1 line with problems:".to_string()
        } else {
            format!("{n} lines with problems:")
        }
    },
    line: "Line",
    submission: "Submission",
    more_problems: |n| format!("… and {n} more."),
    unreadable_file: "The file could not be read",
    too_big: |mb, max| format!("The file is {mb} MB; the most is {max} MB. Split it into parts and choose them together."),
    whole_file: "The file",
    no_visit: "has no visit yet: there is no assessment to count",
    pack_missing: |country, why| {
        format!("the questions for {country} could not be loaded (offline?): {why}")
    },
    no_pack: |country| format!("Umbral has no questions for the country {country} yet"),
    export_no_pack: "cannot tell which of Umbral's questionnaires this export is from: its first submission gives neither its country (a «country» column) nor its form (KoboToolbox's JSON does)",
    export_pack_missing: |id, why| {
        format!("the questions of the questionnaire «{id}» could not be loaded (offline, or a questionnaire this site does not have?): {why}")
    },
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
    enterprises_counted: |n, total| format!("{n} of {total} businesses match the filters."),
    readiness: "Average readiness (0 to 100)",
    stages_heading: "Stages",
    route_line: |label, n, p, none, none_p| {
        format!(
            "{label}: {n} enterprises ({p} %) could do it; {none} of them have no stage yet ({none_p} % of those with none)."
        )
    },
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
    supply_choose: |n, k| format!("Choose what it would give ({n} in the catalogue; {k} ticked)"),
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
    more_in_file: |n| format!("And {n} more businesses: all of them are in the file to download."),
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
};

/// The words of `locale`.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::Es => &ES,
        Locale::En => &EN,
    }
}
