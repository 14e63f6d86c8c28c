//! The app's own words, in Spanish (formal "usted", like the packs) and English.
//!
//! Everything a pack says comes from the pack; this table holds only what the shell says:
//! buttons, headings, progress and messages. One struct per locale keeps both complete: the
//! compiler refuses a string that exists in one language only.

use crate::engine::Locale;

/// Every fixed text of the app in one locale.
pub struct Words {
    pub locale: Locale,
    pub tagline: &'static str,
    pub switch_to: &'static str,
    pub switch_to_lang: &'static str,
    pub start_heading: &'static str,
    pub intro: &'static str,
    pub point_questions: &'static str,
    pub point_offline: &'static str,
    pub point_private: &'static str,
    pub looks_at: &'static str,
    pub country_question: &'static str,
    pub countries: [(&'static str, &'static str); 3],
    pub start: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub draft_kept: &'static str,
    /// The link to the consultant's workspace (www/taller/).
    pub workspace_link: &'static str,
    pub loading_pack: &'static str,
    pub pack_failed: &'static str,
    pub retry: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub see_results: &'static str,
    pub results_so_far: &'static str,
    pub dont_know: &'static str,
    pub prefer_not: &'static str,
    pub choose_one: &'static str,
    pub choose_many: &'static str,
    /// The read-aloud button of a question and of the results' summary.
    pub listen: &'static str,
    pub listen_summary: &'static str,
    pub group_business: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub results_heading: &'static str,
    pub readiness: &'static str,
    pub uses: &'static str,
    pub chart_heading: &'static str,
    pub chart_dimension: &'static str,
    pub chart_score: &'static str,
    pub ladder_heading: &'static str,
    pub ready: &'static str,
    pub in_use: &'static str,
    pub still_missing: &'static str,
    pub route_heading: &'static str,
    pub route_intro: &'static str,
    pub unlock_heading: &'static str,
    pub roadmap_heading: &'static str,
    pub roadmap_empty: &'static str,
    pub parallel_heading: &'static str,
    pub parallel_intro: &'static str,
    pub later_heading: &'static str,
    pub when_affordable_heading: &'static str,
    pub only_if: &'static str,
    pub or_else: &'static str,
    pub kind_tool: &'static str,
    pub kind_action: &'static str,
    pub kind_programme: &'static str,
    pub checked_in: &'static str,
    pub official_page: &'static str,
    pub why: &'static str,
    pub from_answers: &'static str,
    pub after_steps: &'static str,
    pub left_out_heading: &'static str,
    pub unanswered_heading: &'static str,
    pub edit_answers: &'static str,
    pub print: &'static str,
    pub share_heading: &'static str,
    pub share_intro: &'static str,
    pub share_link_label: &'static str,
    pub whatsapp: &'static str,
    pub whatsapp_text: &'static str,
    pub qr_caption: &'static str,
    pub bad_link_nothing_loaded: &'static str,
    pub set_aside_notice: &'static str,
    pub set_aside_restore: &'static str,
    pub set_aside_keep_shared: &'static str,
    pub close: &'static str,
    /// The answers could not be saved on this device (storage full or refused).
    pub not_saved: &'static str,
    /// Another tab (or the installed app) saved other answers: these are on show now.
    pub changed_elsewhere: &'static str,
    /// "Empezar de nuevo" erased the answers; "Deshacer" brings them back.
    pub started_over: &'static str,
    pub undo: &'static str,
    pub months: [&'static str; 12],
}

/// Two tables are the same table when they are for the same locale.
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.locale == other.locale
    }
}

/// The words for `locale`.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::Es => &ES,
        Locale::En => &EN,
    }
}

impl Words {
    /// "Pregunta 3 de 27".
    pub fn progress(&self, at: usize, total: usize) -> String {
        match self.locale {
            Locale::Es => format!("Pregunta {at} de {total}"),
            Locale::En => format!("Question {at} of {total}"),
        }
    }

    /// "Preguntas 3 a 5 de 27".
    pub fn progress_range(&self, first: usize, last: usize, total: usize) -> String {
        match self.locale {
            Locale::Es => format!("Preguntas {first} a {last} de {total}"),
            Locale::En => format!("Questions {first} to {last} of {total}"),
        }
    }

    /// "12 de 27 respondidas".
    pub fn answered(&self, answered: usize, total: usize) -> String {
        match self.locale {
            Locale::Es => format!("{answered} de {total} respondidas"),
            Locale::En => format!("{answered} of {total} answered"),
        }
    }

    /// "¿Qué es RFC?", "¿Qué son RFC, CURP y SAT?".
    pub fn what_is(&self, terms: &[&str]) -> String {
        // ASCII only: `to_lowercase` would bring Unicode's case tables into the first load.
        let last_sounds_i = terms.last().is_some_and(|t| {
            let b = t.as_bytes();
            let at = |i: usize, c: u8| b.get(i).is_some_and(|x| x.eq_ignore_ascii_case(&c));
            at(0, b'i') || (at(0, b'h') && at(1, b'i') && !at(2, b'e'))
        });
        let (one, many, and) = match self.locale {
            // "y" becomes "e" before an i sound: "SAT e IVA".
            Locale::Es if last_sounds_i => ("¿Qué es", "¿Qué son", " e "),
            Locale::Es => ("¿Qué es", "¿Qué son", " y "),
            Locale::En => ("What is", "What are", " and "),
        };
        match terms {
            [] => String::new(),
            [term] => format!("{one} {term}?"),
            [rest @ .., last] => format!("{many} {}{and}{last}?", rest.join(", ")),
        }
    }

    /// "Paso 3".
    pub fn step(&self, step: u32) -> String {
        match self.locale {
            Locale::Es => format!("Paso {step}"),
            Locale::En => format!("Step {step}"),
        }
    }

    /// "Para llegar a «Vender por redes sociales», consiga:".
    pub fn unlock_target(&self, pathway: &str) -> String {
        match self.locale {
            Locale::Es => format!("Para llegar a «{pathway}», consiga:"),
            Locale::En => format!("To reach “{pathway}”, get:"),
        }
    }

    /// "Lo consiguen los pasos 1 y 3 de su plan."
    pub fn unlock_steps(&self, steps: &[u32]) -> String {
        let list: Vec<String> = steps.iter().map(u32::to_string).collect();
        let list = match list.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, init)) => {
                let and = if self.locale == Locale::Es {
                    "y"
                } else {
                    "and"
                };
                format!("{} {and} {last}", init.join(", "))
            }
            None => String::new(),
        };
        match (self.locale, steps.len()) {
            (Locale::Es, 1) => format!("Lo consigue el paso {list} de su plan."),
            (Locale::Es, _) => format!("Lo consiguen los pasos {list} de su plan."),
            (Locale::En, 1) => format!("Step {list} of your plan gets it."),
            (Locale::En, _) => format!("Steps {list} of your plan get it."),
        }
    }

    /// "Para llegar a «Mercado en línea»": the heading of the steps to take now.
    pub fn now_heading(&self, pathway: &str) -> String {
        match self.locale {
            Locale::Es => format!("Para llegar a «{pathway}»"),
            Locale::En => format!("To reach “{pathway}”"),
        }
    }

    /// "Ver 2 pasos más".
    pub fn more_steps(&self, n: usize) -> String {
        match (self.locale, n) {
            (Locale::Es, 1) => "Ver 1 paso más".into(),
            (Locale::Es, _) => format!("Ver {n} pasos más"),
            (Locale::En, 1) => "See 1 more step".into(),
            (Locale::En, _) => format!("See {n} more steps"),
        }
    }

    /// What a step gives: "Le da: Internet diario (para «Vender por redes sociales»)".
    pub fn gives(&self, needs: &str, pathway: &str) -> String {
        match self.locale {
            Locale::Es => format!("Le da: {needs} (para «{pathway}»)"),
            Locale::En => format!("Gives you: {needs} (for “{pathway}”)"),
        }
    }

    /// What a step gives that a later step needs: "Le da: Alta ante impuestos. Hace falta
    /// para el paso 3."
    pub fn gives_for_step(&self, needs: &str, step: u32) -> String {
        match self.locale {
            Locale::Es => format!("Le da: {needs}. Hace falta para el paso {step}."),
            Locale::En => format!("Gives you: {needs}. Step {step} needs it."),
        }
    }

    /// What an opening step gives: "Con esto empieza a vender en «Mercado en línea»".
    pub fn starts_selling(&self, pathway: &str) -> String {
        match self.locale {
            Locale::Es => format!("Con esto empieza a vender así: «{pathway}»"),
            Locale::En => format!("With this you start selling this way: “{pathway}”"),
        }
    }

    /// A month such as `2026-11` as "noviembre de 2026"; anything else as it is.
    pub fn month(&self, month: &str) -> String {
        let Some((year, number)) = month.split_once('-') else {
            return month.to_string();
        };
        let Some(name) = number
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| self.months.get(n))
        else {
            return month.to_string();
        };
        match self.locale {
            Locale::Es => format!("{name} de {year}"),
            Locale::En => format!("{name} {year}"),
        }
    }
}

pub static ES: Words = Words {
    locale: Locale::Es,
    tagline: "¿Su negocio está listo para vender en línea?",
    switch_to: "English",
    switch_to_lang: "en",
    start_heading: "Inicio",
    intro: "Umbral le ayuda a ver qué tan lista está su empresa para vender en línea, qué la \
            está frenando y qué pasos de bajo costo puede dar a continuación.",
    point_questions: "Usted responde preguntas sencillas sobre su negocio.",
    point_offline: "Todo se calcula en su celular, aunque la señal sea débil.",
    point_private: "Sus respuestas se quedan en su teléfono: no se envían a nadie.",
    looks_at: "Umbral revisa:",
    country_question: "¿En qué país está su negocio?",
    countries: [("MX", "México"), ("CL", "Chile"), ("BO", "Bolivia")],
    start: "Comenzar",
    resume: "Continuar donde se quedó",
    start_over: "Empezar de nuevo",
    draft_kept: "Sus respuestas anteriores están guardadas en este teléfono.",
    workspace_link: "¿Asesora a varios negocios? Abra el espacio de trabajo",
    loading_pack: "Cargando las preguntas…",
    pack_failed: "No se pudieron cargar las preguntas. Revise su conexión e intente otra vez.",
    retry: "Intentar otra vez",
    back: "Atrás",
    next: "Siguiente",
    see_results: "Ver resultados",
    results_so_far: "Ver resultados hasta ahora",
    dont_know: "No sé",
    prefer_not: "Prefiero no decir",
    choose_one: "Elija una opción",
    choose_many: "Puede marcar varias, o ninguna.",
    listen: "Escuchar",
    listen_summary: "Escuchar el resumen",
    group_business: "Su negocio",
    yes: "Sí",
    no: "No",
    results_heading: "Sus resultados",
    readiness: "Preparación para vender en línea",
    uses: "Ya vende así:",
    chart_heading: "Puntaje por tema",
    chart_dimension: "Tema",
    chart_score: "Puntaje (de 100)",
    ladder_heading: "Formas de vender en línea",
    ready: "Ya puede",
    in_use: "✓ Ya vende así",
    still_missing: "Le falta:",
    route_heading: "Otra ruta",
    route_intro: "No depende de los escalones de arriba: puede tomarla en cualquier momento.",
    unlock_heading: "Lo que le abriría el siguiente escalón",
    roadmap_heading: "Su plan, paso a paso",
    roadmap_empty: "Por ahora no hay pasos que recomendar. Responda más preguntas.",
    parallel_heading: "Trámites que puede ir haciendo",
    parallel_intro: "No le impiden empezar a vender; los necesitará para los escalones siguientes.",
    later_heading: "Más adelante: los escalones siguientes",
    when_affordable_heading: "Cuando pueda gastar más",
    only_if: "Solo si:",
    or_else: "O bien:",
    kind_tool: "Herramienta",
    kind_action: "Acción",
    kind_programme: "Programa",
    checked_in: "Precio revisado en",
    official_page: "Página oficial",
    why: "¿Por qué?",
    from_answers: "Según sus respuestas a:",
    after_steps: "Antes:",
    left_out_heading: "Lo que no le recomendamos y por qué",
    unanswered_heading: "Preguntas sin responder (el resultado puede cambiar)",
    edit_answers: "Cambiar respuestas",
    print: "Imprimir",
    share_heading: "Compartir el resultado",
    share_intro: "El enlace lleva sus respuestas dentro; no pasa por ningún servidor. \
                  Quien lo abra verá este mismo resultado.",
    share_link_label: "Enlace para compartir",
    whatsapp: "Enviar por WhatsApp",
    whatsapp_text: "Mi resultado en Umbral (qué tan listo está mi negocio para vender en línea):",
    qr_caption: "Código QR del enlace: escanéelo con otro teléfono.",
    bad_link_nothing_loaded: "No se cargó nada de él: sus respuestas guardadas siguen igual.",
    set_aside_notice: "Está viendo las respuestas que llegaron en un enlace. Sus respuestas de antes están guardadas aparte.",
    set_aside_restore: "Volver a mis respuestas",
    set_aside_keep_shared: "Quedarme con las del enlace y borrar las de antes",
    close: "Cerrar",
    not_saved: "No se pudieron guardar sus respuestas en este teléfono. Si cierra la página, se perderán.",
    changed_elsewhere: "Sus respuestas cambiaron en otra pestaña; aquí están las más recientes.",
    started_over: "Sus respuestas anteriores se borraron.",
    undo: "Deshacer",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
};

pub static EN: Words = Words {
    locale: Locale::En,
    tagline: "Is your business ready to sell online?",
    switch_to: "Español",
    switch_to_lang: "es",
    start_heading: "Start",
    intro: "Umbral helps you see how ready your business is to sell online, what holds it \
            back and which low-cost steps you can take next.",
    point_questions: "You answer simple questions about your business.",
    point_offline: "Everything is worked out on your phone, even with a weak signal.",
    point_private: "Your answers stay on your phone: they are sent to no one.",
    looks_at: "Umbral looks at:",
    country_question: "Which country is your business in?",
    countries: [("MX", "Mexico"), ("CL", "Chile"), ("BO", "Bolivia")],
    start: "Start",
    resume: "Continue where you left off",
    start_over: "Start again",
    draft_kept: "Your earlier answers are saved on this phone.",
    workspace_link: "Advising several enterprises? Open the workspace",
    loading_pack: "Loading the questions…",
    pack_failed: "The questions could not be loaded. Check your connection and try again.",
    retry: "Try again",
    back: "Back",
    next: "Next",
    see_results: "See results",
    results_so_far: "See results so far",
    dont_know: "I don't know",
    prefer_not: "I'd rather not say",
    choose_one: "Choose one",
    choose_many: "You can tick several, or none.",
    listen: "Listen",
    listen_summary: "Listen to the summary",
    group_business: "Your business",
    yes: "Yes",
    no: "No",
    results_heading: "Your results",
    readiness: "Readiness to sell online",
    uses: "Already sells this way:",
    chart_heading: "Score by topic",
    chart_dimension: "Topic",
    chart_score: "Score (out of 100)",
    ladder_heading: "Ways of selling online",
    ready: "You can",
    in_use: "✓ Already sells this way",
    still_missing: "Still missing:",
    route_heading: "Another route",
    route_intro: "It does not rest on the rungs above: you can take it at any time.",
    unlock_heading: "What would open the next rung",
    roadmap_heading: "Your plan, step by step",
    roadmap_empty: "No steps to recommend yet. Answer more questions.",
    parallel_heading: "Formalities to work on meanwhile",
    parallel_intro: "They do not stop you selling now; you will need them for the next rungs.",
    later_heading: "Later: the next rungs",
    when_affordable_heading: "When you can spend more",
    only_if: "Only if:",
    or_else: "Or:",
    kind_tool: "Tool",
    kind_action: "Action",
    kind_programme: "Programme",
    checked_in: "Price checked in",
    official_page: "Official page",
    why: "Why?",
    from_answers: "From your answers to:",
    after_steps: "First:",
    left_out_heading: "What we do not recommend, and why",
    unanswered_heading: "Unanswered questions (the result may change)",
    edit_answers: "Change answers",
    print: "Print",
    share_heading: "Share the result",
    share_intro: "The link carries your answers inside it; it goes through no server. \
                  Whoever opens it sees this same result.",
    share_link_label: "Link to share",
    whatsapp: "Send by WhatsApp",
    whatsapp_text: "My Umbral result (how ready my business is to sell online):",
    qr_caption: "QR code of the link: scan it with another phone.",
    bad_link_nothing_loaded: "Nothing was loaded from it: your saved answers are unchanged.",
    set_aside_notice:
        "You are looking at answers that came in a link. Your earlier answers are kept aside.",
    set_aside_restore: "Back to my answers",
    set_aside_keep_shared: "Keep the link's answers and delete my earlier ones",
    close: "Close",
    not_saved:
        "Your answers could not be saved on this phone. If you close the page, they will be lost.",
    changed_elsewhere: "Your answers changed in another tab; the latest are shown here.",
    started_over: "Your earlier answers were erased.",
    undo: "Undo",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};
