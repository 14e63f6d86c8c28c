//! The app's own words, in Spanish (formal "usted", like the packs) and English.
//!
//! Everything a pack says comes from the pack; this table holds only what the shell says:
//! buttons, headings, progress and messages. One struct per locale keeps both complete: the
//! compiler refuses a string that exists in one language only.
//!
//! A sentence with values in it is a template that names them in braces ("Pregunta {at} de
//! {total}"), filled by [`fill`], with `_one` and `_other` forms where a count decides; the
//! grammar left in code is only which form to use and Spanish's "y" before an i sound, itself a
//! text (`and_before_i`). So every text is data a translator can write: [`shell_texts`] lists
//! them with their keys (`app.progress_template`) and their documentation as notes, and
//! `umbral translation` asks for them in the core pack's translation file.

use crate::engine::brief::{BriefSource, BriefWords};
use crate::engine::words::{texts_static, texts_table, Sentences, SentencesSource, Table};
use crate::engine::{fill, Language, Locale, Pack};
use crate::packs::translation::{self, SourceText};
use crate::share::{LinkSource, LinkWords};

texts_table! {
    /// Every fixed text of the app in one locale.
    pub struct Words from WordsSource as "app" {
        pub locale: Locale,
        /// The countries the start screen offers, by code.
        pub countries: [(&'static str, &'static str); 3],
        pub months: [&'static str; 12],
        ;
        /// The line under the app's name, on every screen.
        tagline,
        /// The start screen's heading (read by screen readers).
        start_heading,
        intro,
        point_questions,
        point_offline,
        point_private,
        /// Before the list of topics the questions cover.
        looks_at,
        country_question,
        /// The button that starts the questions.
        start,
        /// The button that goes back to saved answers.
        resume,
        start_over,
        draft_kept,
        /// The link to the consultant's workspace (www/taller/).
        workspace_link,
        loading_pack,
        pack_failed,
        /// The button that tries to load the questions again.
        retry,
        /// The button to the previous question.
        back,
        /// The button to the next question.
        next,
        /// The button after the last question.
        see_results,
        /// The button to see the results before answering everything.
        results_so_far,
        /// An answer to a question where the pack allows it: the owner does not know.
        dont_know,
        /// An answer to a question about the owner: the owner prefers not to say.
        prefer_not,
        /// The hint under a question with one answer.
        choose_one,
        /// The hint under a question with several answers.
        choose_many,
        /// The read-aloud button of a question and of the results' summary.
        listen,
        listen_summary,
        /// The heading of the questions about the business itself.
        group_business,
        /// The answer "yes" to a yes-or-no question.
        yes,
        /// The answer "no" to a yes-or-no question.
        no,
        results_heading,
        /// The label of the overall score, out of 100.
        readiness,
        /// Before the ways of selling the business already uses.
        uses,
        /// The heading of the chart of scores by topic.
        chart_heading,
        /// The chart's table: the column of topics.
        chart_dimension,
        /// The chart's table: the column of scores.
        chart_score,
        /// The heading of the ladder of ways to sell, one rung after another.
        ladder_heading,
        /// A rung the business is ready for.
        ready,
        /// A rung the business already sells on.
        in_use,
        /// Before what a rung still needs.
        still_missing,
        /// A way to sell beside the ladder (through others).
        route_heading,
        route_intro,
        /// The heading of what the next rung needs and which steps get it.
        unlock_heading,
        roadmap_heading,
        roadmap_empty,
        /// The heading of paperwork the owner can do meanwhile.
        parallel_heading,
        parallel_intro,
        later_heading,
        when_affordable_heading,
        /// Before the condition of a way of doing a step (who it is for).
        only_if,
        /// Before another way of doing the same step.
        or_else,
        /// The kind of a step: a tool or service.
        kind_tool,
        /// The kind of a step: something to do.
        kind_action,
        /// The kind of a step: a government or support programme.
        kind_programme,
        /// Before the month a price was checked: "Precio revisado en noviembre de 2026."
        checked_in,
        /// A link to the official page of a tool or programme.
        official_page,
        /// The button that shows why a step is in the plan.
        why,
        /// Before the questions whose answers led to a step.
        from_answers,
        /// Before the steps that come first.
        after_steps,
        left_out_heading,
        unanswered_heading,
        edit_answers,
        /// The button that prints the results.
        print,
        share_heading,
        share_intro,
        /// The label of the box with the link to share.
        share_link_label,
        /// The button that sends the link by WhatsApp.
        whatsapp,
        /// The message sent before the link.
        whatsapp_text,
        qr_caption,
        /// After the sentence about a faulty share link.
        bad_link_nothing_loaded,
        /// When answers came in a link and the owner's own are kept aside.
        set_aside_notice,
        /// The button that goes back to the owner's own answers.
        set_aside_restore,
        /// The button that keeps the link's answers and erases the owner's.
        set_aside_keep_shared,
        /// The button that closes a notice.
        close,
        /// The answers could not be saved on this device (storage full or refused).
        not_saved,
        /// Another tab (or the installed app) saved other answers: these are on show now.
        changed_elsewhere,
        /// "Empezar de nuevo" erased the answers; "Deshacer" brings them back.
        started_over,
        /// The button that brings back erased answers.
        undo,
        // Templates: a value's name in braces stands for it ("Pregunta {at} de {total}"), and
        // `_one`/`_other` are a count's singular and plural.
        /// "Pregunta 3 de 27".
        progress_template,
        /// "Preguntas 3 a 5 de 27".
        progress_range_template,
        /// "12 de 27 respondidas".
        answered_template,
        /// "¿Qué es RFC?".
        what_is_one,
        /// "¿Qué son RFC, CURP y SAT?": `{terms}` are all but the last, joined by ", ".
        what_is_many,
        /// The word that joins the last item of a list: "y".
        and,
        /// The same word before a word that starts with an i sound ("SAT e IVA"); the same as
        /// `and` in a language without the rule.
        and_before_i,
        /// "Paso 3".
        step_template,
        /// "Para llegar a «Vender por redes sociales», consiga:".
        unlock_target_template,
        /// "Lo consigue el paso 3 de su plan.".
        unlock_steps_one,
        /// "Lo consiguen los pasos 1 y 3 de su plan.".
        unlock_steps_other,
        /// "Para llegar a «Mercado en línea»": the heading of the steps to take now.
        now_heading_template,
        /// "Ver 1 paso más".
        more_steps_one,
        /// "Ver 2 pasos más".
        more_steps_other,
        /// What a step gives: "Le da: Internet diario (para «Vender por redes sociales»)".
        gives_template,
        /// What a step gives that a later step needs: "Le da: Alta ante impuestos. Hace falta
        /// para el paso 3.".
        gives_for_step_template,
        /// What an opening step gives: "Con esto empieza a vender así: «Mercado en línea»".
        starts_selling_template,
        /// A month and its year: "noviembre de 2026".
        month_year,
    }
}

/// Every text a report of any pack says in the app beside the pack's own: the engine's
/// ([`translation::engine_texts`]), what a faulty share link is called (`share.changed`) and
/// the app's words (`app.tagline`, `app.months[11]`), each
/// with its Spanish. What a translation into another language must translate besides the
/// packs' texts, in the file of the core pack (`umbral validate`, `umbral translation`).
pub fn shell_texts() -> Vec<SourceText> {
    let mut texts = translation::engine_texts();
    let link = &crate::share::LINK_ES;
    texts.extend(translation::table_texts(
        link.prefix(),
        link.fixed_texts(),
        link.notes(),
    ));
    texts.extend(translation::table_texts(
        ES.prefix(),
        ES.fixed_texts(),
        ES.notes(),
    ));
    for (code, name) in ES.countries {
        let key = country_key(code);
        texts.push(SourceText::shell(
            ES.prefix(),
            &key,
            name,
            "A country's name.",
        ));
    }
    for (i, name) in ES.months.iter().enumerate() {
        let key = month_key(i);
        texts.push(SourceText::shell(
            ES.prefix(),
            &key,
            name,
            "A month's name.",
        ));
    }
    texts
}

/// The key of a country's name among the app's texts, after `app.`: `countries[MX]`.
pub fn country_key(code: &str) -> String {
    format!("countries[{code}]")
}

/// The key of the name of month `i` (from 0) among the app's texts, after `app.`:
/// `months[1]` for January.
pub fn month_key(i: usize) -> String {
    format!("months[{}]", i + 1)
}

/// Two tables are the same table when they are for the same locale.
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.locale == other.locale
    }
}

/// The words for `locale`.
pub fn words(locale: Locale) -> &'static Words {
    locale.pick(&ES, &EN)
}

/// Makes the language `code` one the app speaks, from `pack`, the pack compiled in it
/// (`packs/<id>.<code>.txt`): the words `umbral compile` put in it ([`Pack::words`],
/// [`WORDS_ORDER`]) become its tables of the app's words, the short result's, the engine's
/// sentences and the share link's. `None` when the pack does not have as many as the tables
/// (a file of another build) or does not list the language: the app then stays in the
/// language it shows.
pub fn install(pack: &Pack, code: &str) -> Option<Locale> {
    let words = &pack.words;
    if words.len() != WORDS_ORDER.iter().sum::<usize>() {
        return None;
    }
    // Code and name, two by two.
    let pair = pack
        .languages
        .chunks_exact(2)
        .find(|pair| pair[0] == code)?;
    let locale = Language::add(code, &pair[1])?;
    // Shown before in this run: its words are there already.
    if !std::ptr::eq(self::words(locale), &ES) {
        return Some(locale);
    }
    let mut at = 0;
    let mut next = |count: usize| {
        at += count;
        Table::of(&words[at - count..at])
    };
    let app = next(WORDS_ORDER[0])?;
    let brief = next(WORDS_ORDER[1])?;
    let sentences = next(WORDS_ORDER[2])?;
    let link = next(WORDS_ORDER[3])?;
    let countries = next(WORDS_ORDER[4])?;
    let months = next(WORDS_ORDER[5])?;
    locale.give(Words {
        locale,
        countries: std::array::from_fn(|i| (ES.countries[i].0, countries.get(i))),
        months: std::array::from_fn(|i| months.get(i)),
        texts: app,
    });
    locale.give(BriefWords { texts: brief });
    locale.give(Sentences {
        locale,
        texts: sentences,
    });
    locale.give(LinkWords { texts: link });
    Some(locale)
}

/// How many words of each table a pack compiled in an added language has, in their order
/// ([`Pack::words`]): the app's, the short result's, the engine's sentences, the share link's,
/// the countries' names and the months'.
pub const WORDS_ORDER: [usize; 6] = [
    WordsSource::COUNT,
    BriefSource::COUNT,
    SentencesSource::COUNT,
    LinkSource::COUNT,
    3,
    12,
];

impl Words {
    /// "Pregunta 3 de 27".
    pub fn progress(&self, at: usize, total: usize) -> String {
        fill(
            self.progress_template(),
            &[("at", &at.to_string()), ("total", &total.to_string())],
        )
    }

    /// "Preguntas 3 a 5 de 27".
    pub fn progress_range(&self, first: usize, last: usize, total: usize) -> String {
        fill(
            self.progress_range_template(),
            &[
                ("first", &first.to_string()),
                ("last", &last.to_string()),
                ("total", &total.to_string()),
            ],
        )
    }

    /// "12 de 27 respondidas".
    pub fn answered(&self, answered: usize, total: usize) -> String {
        fill(
            self.answered_template(),
            &[
                ("answered", &answered.to_string()),
                ("total", &total.to_string()),
            ],
        )
    }

    /// "¿Qué es RFC?", "¿Qué son RFC, CURP y SAT?".
    pub fn what_is(&self, terms: &[&str]) -> String {
        // ASCII only: `to_lowercase` would bring Unicode's case tables into the first load.
        let last_sounds_i = terms.last().is_some_and(|t| {
            let b = t.as_bytes();
            let at = |i: usize, c: u8| b.get(i).is_some_and(|x| x.eq_ignore_ascii_case(&c));
            at(0, b'i') || (at(0, b'h') && at(1, b'i') && !at(2, b'e'))
        });
        // "y" becomes "e" before an i sound: "SAT e IVA".
        let and = if last_sounds_i {
            self.and_before_i()
        } else {
            self.and()
        };
        match terms {
            [] => String::new(),
            [term] => fill(self.what_is_one(), &[("term", term)]),
            [rest @ .., last] => fill(
                self.what_is_many(),
                &[("terms", &rest.join(", ")), ("and", and), ("last", last)],
            ),
        }
    }

    /// "Paso 3".
    pub fn step(&self, step: u32) -> String {
        fill(self.step_template(), &[("step", &step.to_string())])
    }

    /// "Para llegar a «Vender por redes sociales», consiga:".
    pub fn unlock_target(&self, pathway: &str) -> String {
        fill(self.unlock_target_template(), &[("pathway", pathway)])
    }

    /// "Lo consiguen los pasos 1 y 3 de su plan."
    pub fn unlock_steps(&self, steps: &[u32]) -> String {
        let list: Vec<String> = steps.iter().map(u32::to_string).collect();
        let list = match list.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, init)) => format!("{} {} {last}", init.join(", "), self.and()),
            None => String::new(),
        };
        let template = if steps.len() == 1 {
            self.unlock_steps_one()
        } else {
            self.unlock_steps_other()
        };
        fill(template, &[("list", &list)])
    }

    /// "Para llegar a «Mercado en línea»": the heading of the steps to take now.
    pub fn now_heading(&self, pathway: &str) -> String {
        fill(self.now_heading_template(), &[("pathway", pathway)])
    }

    /// "Ver 2 pasos más".
    pub fn more_steps(&self, n: usize) -> String {
        let template = if n == 1 {
            self.more_steps_one()
        } else {
            self.more_steps_other()
        };
        fill(template, &[("n", &n.to_string())])
    }

    /// What a step gives: "Le da: Internet diario (para «Vender por redes sociales»)".
    pub fn gives(&self, needs: &str, pathway: &str) -> String {
        fill(
            self.gives_template(),
            &[("needs", needs), ("pathway", pathway)],
        )
    }

    /// What a step gives that a later step needs: "Le da: Alta ante impuestos. Hace falta
    /// para el paso 3."
    pub fn gives_for_step(&self, needs: &str, step: u32) -> String {
        fill(
            self.gives_for_step_template(),
            &[("needs", needs), ("step", &step.to_string())],
        )
    }

    /// What an opening step gives: "Con esto empieza a vender así: «Mercado en línea»".
    pub fn starts_selling(&self, pathway: &str) -> String {
        fill(self.starts_selling_template(), &[("pathway", pathway)])
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
        fill(self.month_year(), &[("month", name), ("year", year)])
    }
}

texts_static! {
    pub static ES: Words from WordsSource {
        locale: Locale::Es,
        countries: [("MX", "México"), ("CL", "Chile"), ("BO", "Bolivia")],
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
        ;
        tagline: "¿Su negocio está listo para vender en línea?",
        start_heading: "Inicio",
        intro: "Umbral le ayuda a ver qué tan lista está su empresa para vender en línea, qué la \
                está frenando y qué pasos de bajo costo puede dar a continuación.",
        point_questions: "Usted responde preguntas sencillas sobre su negocio.",
        point_offline: "Todo se calcula en su celular, aunque la señal sea débil.",
        point_private: "Sus respuestas se quedan en su teléfono: no se envían a nadie.",
        looks_at: "Umbral revisa:",
        country_question: "¿En qué país está su negocio?",
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
        parallel_intro: "No le impiden empezar a vender; los necesitará para los escalones \
                         siguientes.",
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
        share_intro: "El enlace lleva sus respuestas dentro; no pasa por ningún servidor. Quien lo \
                      abra verá este mismo resultado.",
        share_link_label: "Enlace para compartir",
        whatsapp: "Enviar por WhatsApp",
        whatsapp_text: "Mi resultado en Umbral (qué tan listo está mi negocio para vender en \
                        línea):",
        qr_caption: "Código QR del enlace: escanéelo con otro teléfono.",
        bad_link_nothing_loaded: "No se cargó nada de él: sus respuestas guardadas siguen igual.",
        set_aside_notice: "Está viendo las respuestas que llegaron en un enlace. Sus respuestas de \
                           antes están guardadas aparte.",
        set_aside_restore: "Volver a mis respuestas",
        set_aside_keep_shared: "Quedarme con las del enlace y borrar las de antes",
        close: "Cerrar",
        not_saved: "No se pudieron guardar sus respuestas en este teléfono. Si cierra la página, \
                    se perderán.",
        changed_elsewhere: "Sus respuestas cambiaron en otra pestaña; aquí están las más \
                            recientes.",
        started_over: "Sus respuestas anteriores se borraron.",
        undo: "Deshacer",
        progress_template: "Pregunta {at} de {total}",
        progress_range_template: "Preguntas {first} a {last} de {total}",
        answered_template: "{answered} de {total} respondidas",
        what_is_one: "¿Qué es {term}?",
        what_is_many: "¿Qué son {terms} {and} {last}?",
        and: "y",
        and_before_i: "e",
        step_template: "Paso {step}",
        unlock_target_template: "Para llegar a «{pathway}», consiga:",
        unlock_steps_one: "Lo consigue el paso {list} de su plan.",
        unlock_steps_other: "Lo consiguen los pasos {list} de su plan.",
        now_heading_template: "Para llegar a «{pathway}»",
        more_steps_one: "Ver {n} paso más",
        more_steps_other: "Ver {n} pasos más",
        gives_template: "Le da: {needs} (para «{pathway}»)",
        gives_for_step_template: "Le da: {needs}. Hace falta para el paso {step}.",
        starts_selling_template: "Con esto empieza a vender así: «{pathway}»",
        month_year: "{month} de {year}",
    }
}

texts_static! {
    pub static EN: Words from WordsSource {
        locale: Locale::En,
        countries: [("MX", "Mexico"), ("CL", "Chile"), ("BO", "Bolivia")],
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
        ;
        tagline: "Is your business ready to sell online?",
        start_heading: "Start",
        intro: "Umbral helps you see how ready your business is to sell online, what holds it back \
                and which low-cost steps you can take next.",
        point_questions: "You answer simple questions about your business.",
        point_offline: "Everything is worked out on your phone, even with a weak signal.",
        point_private: "Your answers stay on your phone: they are sent to no one.",
        looks_at: "Umbral looks at:",
        country_question: "Which country is your business in?",
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
        share_intro: "The link carries your answers inside it; it goes through no server. Whoever \
                      opens it sees this same result.",
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
            "Your answers could not be saved on this phone. If you close the page, they will be \
             lost.",
        changed_elsewhere: "Your answers changed in another tab; the latest are shown here.",
        started_over: "Your earlier answers were erased.",
        undo: "Undo",
        progress_template: "Question {at} of {total}",
        progress_range_template: "Questions {first} to {last} of {total}",
        answered_template: "{answered} of {total} answered",
        what_is_one: "What is {term}?",
        what_is_many: "What are {terms} {and} {last}?",
        and: "and",
        and_before_i: "and",
        step_template: "Step {step}",
        unlock_target_template: "To reach “{pathway}”, get:",
        unlock_steps_one: "Step {list} of your plan gets it.",
        unlock_steps_other: "Steps {list} of your plan get it.",
        now_heading_template: "To reach “{pathway}”",
        more_steps_one: "See {n} more step",
        more_steps_other: "See {n} more steps",
        gives_template: "Gives you: {needs} (for “{pathway}”)",
        gives_for_step_template: "Gives you: {needs}. Step {step} needs it.",
        starts_selling_template: "With this you start selling this way: “{pathway}”",
        month_year: "{month} {year}",
    }
}
