//! The workspace's own words, in Spanish ("usted", plain words) and English. Each entry names
//! both languages side by side, so a text cannot exist in one only.

use crate::engine::Locale;

macro_rules! words {
    ($($name:ident: $es:expr, $en:expr;)*) => {
        /// Every fixed text of the workspace in one locale.
        pub struct Words {
            pub locale: Locale,
            $(pub $name: &'static str,)*
        }
        static ES: Words = Words { locale: Locale::Es, $($name: $es,)* };
        static EN: Words = Words { locale: Locale::En, $($name: $en,)* };
    };
}

words! {
    title: "Espacio de trabajo", "Workspace";
    tagline: "Los negocios que usted asesora, en este dispositivo", "The enterprises you advise, on this device";
    nav_label: "Secciones", "Sections";
    nav_list: "Negocios", "Enterprises";
    nav_handoff: "Entregar y recibir", "Hand over and receive";
    nav_privacy: "Sus datos", "Your data";
    to_app: "Volver al cuestionario de Umbral", "Back to the Umbral questionnaire";
    opening: "Abriendo sus datos…", "Opening your data…";
    open_failed: "No se pudo abrir el almacenamiento de este navegador, así que nada se guardaría. Revise que no esté en modo privado y vuelva a cargar la página.", "This browser's storage could not be opened, so nothing would be saved. Check that you are not in private mode and reload the page.";
    list_heading: "Negocios", "Enterprises";
    add_enterprise: "Agregar un negocio", "Add an enterprise";
    receive_qr: "Recibir un perfil por código QR", "Receive a profile by QR code";
    search_label: "Buscar por nombre, localidad o grupo", "Search by name, locality or group";
    sort_label: "Ordenar por", "Sort by";
    sort_last_visit: "Última visita", "Last visit";
    sort_readiness: "Preparación", "Readiness";
    sort_name: "Nombre", "Name";
    no_enterprises: "Aún no hay negocios. Agregue el primero con el botón de arriba.", "No enterprises yet. Add the first one with the button above.";
    no_match: "Ningún negocio coincide con la búsqueda.", "No enterprise matches the search.";
    no_visits: "Sin visitas", "No visits";
    last_visit: "Última visita:", "Last visit:";
    readiness: "Preparación:", "Readiness:";
    choose_for_export: "Elegir para exportar:", "Choose for export:";
    enterprise_name: "Nombre del negocio", "Enterprise name";
    country: "País", "Country";
    region: "Región o estado", "Region or state";
    locality: "Localidad (pueblo, barrio o ciudad)", "Locality (village, neighbourhood or town)";
    sector: "A qué se dedica", "What it does";
    sector_unset: "Sin elegir", "Not chosen";
    save: "Guardar", "Save";
    cancel: "Cancelar", "Cancel";
    name_required: "Escriba el nombre del negocio.", "Write the enterprise's name.";
    new_enterprise_heading: "Nuevo negocio", "New enterprise";
    edit_enterprise_heading: "Datos del negocio", "Enterprise details";
    edit_details: "Cambiar los datos", "Change the details";
    new_visit: "Nueva visita", "New visit";
    new_visit_note: "Una visita nueva empieza con las respuestas de la anterior: cambie solo lo que cambió.", "A new visit starts from the previous answers: change only what changed.";
    visits_heading: "Visitas", "Visits";
    open_visit: "Abrir la visita del", "Open the visit of";
    delete_enterprise: "Borrar este negocio", "Delete this enterprise";
    back_to_list: "Volver a la lista de negocios", "Back to the list of enterprises";
    back_to: "Volver a", "Back to";
    visit_of: "Visita del", "Visit of";
    visit_date: "Fecha de la visita", "Date of the visit";
    bad_date: "Escriba una fecha válida (año-mes-día). Se guardó la fecha anterior.", "Enter a valid date (year-month-day). The previous date is kept.";
    notes: "Notas de la visita", "Notes on the visit";
    notes_help: "Se guardan mientras escribe, hasta 20 000 letras.", "Saved as you type, up to 20,000 characters.";
    notes_cut: "Las notas llegan hasta 20 000 letras: lo que pasaba de ahí no se guardó.", "Notes hold up to 20,000 characters: what went past that was not saved.";
    loading_pack: "Cargando las preguntas…", "Loading the questions…";
    pack_failed: "No se pudieron cargar las preguntas de este país. Revise la conexión y vuelva a abrir la visita.", "The questions for this country could not be loaded. Check the connection and open the visit again.";
    show_qr: "Pasar este perfil a otro teléfono (código QR)", "Pass this profile to another phone (QR code)";
    print_heading: "Informe de la visita", "Visit report";
    conflict: "Esta visita cambió en otra pestaña. Para no perder nada, elija qué hacer.", "This visit changed in another tab. So that nothing is lost, choose what to do.";
    conflict_reload: "Ver la versión de la otra pestaña", "See the other tab's version";
    conflict_keep_both: "Conservar las dos", "Keep both";
    details_conflict: "Otra pestaña cambió los datos de este negocio mientras usted los editaba, así que sus cambios no se guardaron todavía. Siguen en el formulario: revíselos y pulse «Guardar» para que reemplacen a los de la otra pestaña, o «Cancelar» para quedarse con aquellos.", "Another tab changed this enterprise's details while you were editing them, so your changes are not saved yet. They are still in the form: check them and press \"Save\" to replace the other tab's, or \"Cancel\" to keep those.";
    details_saved_elsewhere: "La otra pestaña guardó:", "The other tab saved:";
    quota: "Este dispositivo no tiene espacio libre: el último cambio no se guardó. Todo lo guardado antes sigue a salvo. Libere espacio (o exporte y borre negocios que ya no use) y pulse «Guardar de nuevo».", "This device has no free space: the last change was not saved. Everything saved before is safe. Free some space (or export and delete enterprises you no longer use) and press \"Save again\".";
    retry_save: "Guardar de nuevo", "Save again";
    save_failed: "No se pudo guardar el último cambio:", "The last change could not be saved:";
    draft_imported: "Trajimos las respuestas que había en el cuestionario de este navegador como un negocio nuevo:", "The answers in this browser's questionnaire were brought in as a new enterprise:";
    draft_name: "Mi negocio (del cuestionario)", "My enterprise (from the questionnaire)";
    unexported_one: "Tiene 1 visita sin exportar.", "You have 1 visit not exported.";
    unexported_many: "visitas sin exportar.", "visits not exported.";
    unexported_have: "Tiene", "You have";
    export_now: "Exportar ahora", "Export now";
    set_aside_one: "1 registro dañado se apartó; los demás están bien.", "1 damaged record was set aside; the others are fine.";
    set_aside_many: "registros dañados se apartaron; los demás están bien.", "damaged records were set aside; the others are fine.";
    newer_records: "registro(s) de este dispositivo los guardó una versión más nueva de Umbral. No se muestran ni se tocan: recargue la página (o cierre y abra la aplicación) para usar la versión nueva.", "record(s) on this device were saved by a newer version of Umbral. They are not shown and are left untouched: reload the page (or close and open the app) to use the new version.";
    journal_failed: "Este dispositivo no pudo guardar una copia de respaldo de la visita. Sus cambios se siguen guardando, pero no cierre la pestaña hasta ver «Guardado».", "This device could not keep a backup copy of the visit. Your changes are still being saved, but do not close the tab until you see \"Saved\".";
    set_aside_where: "Puede descargarlos en «Sus datos».", "You can download them under \"Your data\".";
    close: "Cerrar", "Close";
    confirm_delete_enterprise: "¿Borrar este negocio y todas sus visitas de este dispositivo? No se puede deshacer.", "Delete this enterprise and all its visits from this device? This cannot be undone.";
    confirm_delete_all: "¿Borrar todos los negocios y visitas de este dispositivo? No se puede deshacer. Si aún no los exportó, expórtelos antes.", "Delete every enterprise and visit from this device? This cannot be undone. If you have not exported them, export them first.";
    yes_delete: "Sí, borrar", "Yes, delete";
    deleted: "Se borró.", "Deleted.";
    privacy_heading: "Sus datos", "Your data";
    privacy_what: "Qué se guarda: los datos de cada negocio que usted agrega (nombre, país, región, localidad, a qué se dedica y el grupo que lo acompaña), sus visitas con las respuestas del cuestionario, sus notas, en qué quedó cada paso y los resultados de las visitas de seguimiento.", "What is stored: each enterprise you add (name, country, region, locality, what it does and the group that follows it), its visits with the questionnaire answers, your notes, where each step stands and the results of follow-up visits.";
    privacy_where: "Dónde: solo en este navegador, en este dispositivo. Umbral no tiene servidor que reciba sus datos.", "Where: only in this browser, on this device. Umbral has no server that receives your data.";
    privacy_leaves: "Nada sale del dispositivo salvo cuando usted exporta un archivo, descarga la tabla o muestra un código QR para pasar un perfil.", "Nothing leaves the device except when you export a file, download the table or show a QR code to pass on a profile.";
    privacy_clear: "Si borra los datos de navegación de este sitio, se borra también este trabajo: exporte con frecuencia.", "Clearing this site's browsing data also deletes this work: export often.";
    persisted_yes: "El navegador aceptó guardar estos datos de forma duradera.", "The browser agreed to keep this data durably.";
    persisted_no: "El navegador no prometió guardar estos datos para siempre (podría borrarlos si le falta espacio): exporte su trabajo con frecuencia.", "The browser did not promise to keep this data for good (it may delete it when short of space): export your work often.";
    persisted_unknown: "Consultando al navegador si guardará estos datos de forma duradera…", "Asking the browser whether it will keep this data durably…";
    counts_enterprises: "Negocios guardados:", "Enterprises stored:";
    counts_visits: "Visitas guardadas:", "Visits stored:";
    counts_set_aside: "Registros dañados apartados:", "Damaged records set aside:";
    download_set_aside: "Descargar los registros apartados", "Download the records set aside";
    delete_all: "Borrar todo", "Delete everything";
    receive_heading: "Recibir un perfil por código QR", "Receive a profile by QR code";
    receive_intro: "En el otro teléfono, abra la visita y pulse «Pasar este perfil a otro teléfono». Luego lea aquí el código: con la cámara o con una foto del código.", "On the other phone, open the visit and press \"Pass this profile to another phone\". Then read the code here: with the camera or with a photo of the code.";
    use_camera: "Leer con la cámara", "Read with the camera";
    stop_camera: "Detener la cámara", "Stop the camera";
    camera_running: "Apunte la cámara al código.", "Point the camera at the code.";
    camera_failed: "No se pudo usar la cámara. Elija una foto del código.", "The camera could not be used. Choose a photo of the code.";
    pick_photo: "Elegir una foto del código", "Choose a photo of the code";
    reading: "Leyendo el código…", "Reading the code…";
    no_code: "No se encontró un código QR en la foto. Pruebe con otra más cercana y nítida.", "No QR code was found in the photo. Try another one, closer and sharper.";
    photo_failed: "No se pudo leer esta foto. Pruebe con otra, o use la cámara.", "This photo could not be read. Try another one, or use the camera.";
    photo_format: "Este archivo no es una foto que se pueda leer (PNG, JPEG, GIF, WebP o BMP).", "This file is not a photo that can be read (PNG, JPEG, GIF, WebP or BMP).";
    photo_too_big: "La foto es demasiado grande", "The photo is too large";
    photo_too_big_hint: "Tome otra con menos resolución o recórtela alrededor del código.", "Take another at a lower resolution, or crop it around the code.";
    received_name: "Negocio recibido", "Received enterprise";
    received: "Perfil recibido. Escriba el nombre del negocio y guarde.", "Profile received. Write the enterprise's name and save.";
    handoff_heading: "Entregar y recibir", "Hand over and receive";
    handoff_intro: "Un archivo de entrega guarda negocios, visitas, respuestas, notas y el seguimiento de los pasos. Sirve para pasar el trabajo a otra persona o a otro dispositivo, y como copia de seguridad.", "A hand-off file holds enterprises, visits, answers, notes and the steps followed through. Use it to pass the work to someone else or to another device, and as a backup.";
    export_all: "Exportar todo", "Export everything";
    export_selected: "Exportar los elegidos", "Export the chosen ones";
    export_one: "Exportar este negocio", "Export this enterprise";
    none_selected: "Elija negocios en la lista (casillas) para exportar solo esos.", "Choose enterprises in the list (checkboxes) to export only those.";
    csv: "Descargar la tabla (CSV) del último informe de cada negocio", "Download the table (CSV) of each enterprise's latest report";
    import_heading: "Recibir trabajo de otra persona o de otro dispositivo", "Receive work from someone else or another device";
    import_label: "Elegir un archivo de entrega (.json) o una exportación de KoboToolbox u ODK (.csv, .json)", "Choose a hand-off file (.json) or a KoboToolbox or ODK export (.csv, .json)";
    import_export_note: "Lo que exporta KoboToolbox u ODK Central del cuestionario de Umbral (CSV o JSON) también se recibe aquí: cada envío es un negocio con una visita, con la fecha del envío. Recibir dos veces el mismo archivo no repite nada.", "What KoboToolbox or ODK Central export from Umbral's questionnaire (CSV or JSON) is received here too: each submission becomes an enterprise with one visit, dated by the submission. Receiving the same file twice repeats nothing.";
    export_unreadable: "Este archivo parece una exportación de KoboToolbox u ODK, pero no se pudo leer, así que no cambió nada:", "This file looks like a KoboToolbox or ODK export, but it could not be read, so nothing changed:";
    export_no_pack: "no se sabe de qué cuestionario de Umbral es: su primer envío no dice su país (columna «country») ni su formulario (el JSON de KoboToolbox lo dice)", "cannot tell which of Umbral's questionnaires it is from: its first submission gives neither its country (a «country» column) nor its form (KoboToolbox's JSON does)";
    export_pack_missing: "no se pudieron cargar las preguntas de su cuestionario (¿sin conexión?):", "its questionnaire's questions could not be loaded (offline?):";
    export_line: "línea", "line";
    export_submission: "envío", "submission";
    csv_missing_packs: "Faltan las preguntas de un país para preparar la tabla; conéctese y vuelva a intentarlo:", "A country's questions are missing to make the table; connect and try again:";
    other_values: "Otro equipo guardó estos datos distintos al mismo tiempo; se guardaron los dos. Cambie los datos si hace falta:", "Another device saved these details differently at the same time; both were kept. Change the details if needed:";
    keep_this_version: "Quedarse con esta versión", "Keep this version";
    keep_other_version: "Quedarse con la otra", "Keep the other one";
    other_version_mark: " (otra versión)", " (other version)";
    other_version: "Otra versión de esta visita: se cambió en dos lugares y se guardaron las dos.", "Another version of this visit: it was changed in two places and both were kept.";
    progress_blockers_removed: "Frenos que se quitaron:", "Blockers removed:";
    progress_blockers_added: "Frenos nuevos:", "New blockers:";
    progress_steps_done: "Pasos que ya no hacen falta:", "Steps no longer needed:";
    exported: "Archivo listo en sus descargas.", "File ready in your downloads.";
    import_failed: "No se pudo leer el archivo; no se cambió nada:", "The file could not be read; nothing changed:";
    import_done: "Archivo recibido.", "File received.";
    importing: "Leyendo el archivo… Puede seguir trabajando mientras tanto.", "Reading the file… You can go on working meanwhile.";
    progress_heading: "Avance entre dos visitas", "Progress between two visits";
    progress_before: "Antes", "Before";
    progress_after: "Después", "After";
    progress_dimension: "Aspecto", "Aspect";
    progress_change: "Cambio", "Change";
    progress_opened: "Caminos que se abrieron:", "Pathways that opened:";
    progress_closed: "Caminos que se cerraron:", "Pathways that closed:";
    progress_none_opened: "Ningún camino nuevo se abrió.", "No new pathway opened.";
    progress_need_two: "Con dos visitas o más verá aquí el avance.", "With two visits or more you will see the progress here.";
    programme: "Programa", "Programme";
    institution: "Institución", "Institution";
    term: "Periodo (p. ej. «2026-1»)", "Term (e.g. \"2026-1\")";
    term_short: "Periodo", "Term";
    team: "Equipo", "Team";
    tags_legend: "Grupo que acompaña al negocio (opcional)", "Group that follows the enterprise (optional)";
    tags_help: "Sirve para encontrar juntos los negocios de un mismo programa, periodo o equipo.", "Helps find together the enterprises of one programme, term or team.";
    cohort_legend: "Mostrar solo un grupo", "Show one group only";
    cohort_all: "Todos", "All";
    follow_heading: "Seguimiento de los pasos", "Following the steps through";
    follow_intro: "Anote en qué quedó cada paso: la próxima visita empieza por lo pendiente. Un paso hecho cambia las respuestas solo cuando usted confirma, en una visita posterior, que el negocio ya lo tiene.", "Note where each step stands: the next visit starts with what is pending. A step done changes the answers only when you confirm, in a later visit, that the enterprise has it.";
    follow_earlier: "Pasos que quedaron de visitas anteriores", "Steps left from earlier visits";
    follow_this_visit: "Pasos que recomienda esta visita", "Steps this visit recommends";
    follow_none: "Esta visita no recomienda pasos nuevos.", "This visit recommends no new steps.";
    from_visit_of: "de la visita del", "from the visit of";
    from_earlier_visit: "de una visita anterior", "from an earlier visit";
    step_status: "Cómo va", "How it stands";
    status_unset: "Sin acordar", "Not agreed";
    status_agreed: "Acordado", "Agreed";
    status_in_progress: "En curso", "In progress";
    status_done: "Hecho", "Done";
    status_dropped: "Lo dejó", "Dropped";
    step_who: "Quién lo hace", "Who does it";
    who_unset: "Sin elegir", "Not chosen";
    who_owner: "El dueño o la dueña", "The owner";
    who_relative: "Un familiar", "A relative";
    who_staff: "Alguien del negocio", "Someone at the enterprise";
    who_consultant: "La persona consultora", "The consultant";
    step_follow_up: "Volver a revisar el", "Look at it again on";
    step_reason: "Por qué lo dejó", "Why it was dropped";
    step_reason_help: "Unas palabras, hasta 500 letras.", "A few words, up to 500 characters.";
    step_save: "Guardar este paso", "Save this step";
    step_status_required: "Elija cómo va el paso antes de guardar.", "Choose how the step stands before saving.";
    step_reason_required: "Escriba por qué lo dejó: sin eso no se guarda.", "Write why it was dropped: it is not saved without that.";
    step_reason_too_long: "El motivo pasa de 500 letras: acórtelo.", "The reason is over 500 characters: shorten it.";
    step_bad_date: "Escriba una fecha válida (año-mes-día) o deje el campo vacío.", "Enter a valid date (year-month-day) or leave the field empty.";
    step_saving: "Guardando…", "Saving…";
    step_saved: "Guardado.", "Saved.";
    step_changed_elsewhere: "Otra pestaña guardó este negocio antes, así que este paso no se guardó todavía. Lo que usted eligió sigue aquí: pulse «Guardar este paso» otra vez.", "Another tab saved this enterprise first, so this step is not saved yet. What you chose is still here: press \"Save this step\" again.";
    step_not_saved: "No se guardó:", "Not saved:";
    step_done_later: "En la próxima visita podrá confirmar que el negocio ya lo tiene.", "At the next visit you can confirm that the enterprise has it.";
    step_confirm: "Confirmar: ya lo tiene", "Confirm: it has it now";
    step_confirm_help: "Cambia las respuestas de esta visita según lo que el paso deja hecho.", "Changes this visit's answers to what the step leaves done.";
    step_confirmed: "Confirmado en esta visita.", "Confirmed in this visit.";
    step_confirmed_changed: "Cambiaron estas respuestas:", "These answers changed:";
    step_confirmed_nothing: "Las respuestas ya lo decían: no cambió nada.", "The answers already said so: nothing changed.";
    unanswered: "sin respuesta", "no answer";
    change_before: "antes", "before";
    change_after: "ahora", "now";
    outcomes_heading: "Resultados desde la visita anterior", "Results since the last visit";
    outcomes_selling: "¿Vende en línea?", "Does it sell online?";
    outcomes_rest_later: "Las demás preguntas aparecen al responder esta.", "The other questions appear once this one is answered.";
    outcomes_channels: "¿Por dónde vende?", "Through which channels?";
    outcomes_share: "De cada 100 ventas, ¿cuántas empiezan en línea?", "Out of every 100 sales, how many start online?";
    outcomes_share_help: "Un número de 0 a 100.", "A number from 0 to 100.";
    outcomes_share_error: "Escriba un número entero de 0 a 100. No se guardó.", "Enter a whole number from 0 to 100. It was not saved.";
    outcomes_tools: "Lo que adoptó antes", "What it took up before";
    outcomes_still_using: "¿Lo sigue usando?", "Is it still using it?";
    yes: "Sí", "Yes";
    no: "No", "No";
    countries_mx: "México", "Mexico";
    countries_cl: "Chile", "Chile";
    countries_bo: "Bolivia", "Bolivia";
}

/// The words for `locale`.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::Es => &ES,
        Locale::En => &EN,
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.locale == other.locale
    }
}

impl Words {
    /// A country's name, from its code.
    pub fn country(&self, code: &str) -> &'static str {
        match code {
            "CL" => self.countries_cl,
            "BO" => self.countries_bo,
            _ => self.countries_mx,
        }
    }

    /// A step's status in words.
    pub fn status(&self, status: crate::workspace::StepStatus) -> &'static str {
        use crate::workspace::StepStatus;
        match status {
            StepStatus::Agreed => self.status_agreed,
            StepStatus::InProgress => self.status_in_progress,
            StepStatus::Done => self.status_done,
            StepStatus::Dropped => self.status_dropped,
        }
    }

    /// Who takes a step on, in words.
    pub fn who(&self, who: crate::workspace::Who) -> &'static str {
        use crate::workspace::Who;
        match who {
            Who::Owner => self.who_owner,
            Who::Relative => self.who_relative,
            Who::Staff => self.who_staff,
            Who::Consultant => self.who_consultant,
        }
    }

    /// The label of a detail of an enterprise (one of `DETAIL_FIELDS`).
    pub fn detail(&self, field: &str) -> &'static str {
        match field {
            "name" => self.enterprise_name,
            "region" => self.region,
            "locality" => self.locality,
            "programme" => self.programme,
            "institution" => self.institution,
            "term" => self.term_short,
            "team" => self.team,
            _ => self.sector,
        }
    }

    /// "Tiene 4 visitas sin exportar."
    pub fn unexported(&self, n: usize) -> String {
        if n == 1 {
            self.unexported_one.to_string()
        } else {
            format!("{} {n} {}", self.unexported_have, self.unexported_many)
        }
    }

    /// "El archivo pesa 210 MB; el máximo es 50 MB…"
    pub fn import_too_big(&self, bytes: u64) -> String {
        let (mb, max) = (
            bytes.div_ceil(1_048_576),
            crate::workspace::handoff::MAX_FILE_BYTES / 1_048_576,
        );
        if self.locale == Locale::Es {
            format!("El archivo pesa {mb} MB; el máximo es {max} MB, así que no se leyó y no cambió nada. Exporte menos negocios a la vez (por ejemplo, los elegidos en la lista).")
        } else {
            format!("The file is {mb} MB; the most is {max} MB, so it was not read and nothing changed. Export fewer enterprises at a time (for example, those ticked in the list).")
        }
    }

    /// Why a photo was not read, with its size where that was the reason.
    pub fn photo_refused(&self, problem: crate::share::photo::PhotoProblem) -> String {
        use crate::share::photo::PhotoProblem;
        let es = self.locale == Locale::Es;
        match problem {
            PhotoProblem::Format => self.photo_format.to_string(),
            PhotoProblem::File { bytes } => format!(
                "{} ({} MB{}). {}",
                self.photo_too_big,
                bytes.div_ceil(1_000_000),
                if es {
                    "; el máximo es 40 MB"
                } else {
                    "; at most 40 MB"
                },
                self.photo_too_big_hint
            ),
            PhotoProblem::Pixels { width, height } => format!(
                "{} ({width} × {height} {}). {}",
                self.photo_too_big,
                if es {
                    "píxeles; el máximo es 50 megapíxeles"
                } else {
                    "pixels; at most 50 megapixels"
                },
                self.photo_too_big_hint
            ),
        }
    }

    /// "2 registro(s) de este dispositivo los guardó una versión más nueva…"
    pub fn newer_records(&self, n: usize) -> String {
        format!("{n} {}", self.newer_records)
    }

    /// "1 registro dañado se apartó…" / "3 registros dañados se apartaron…"
    pub fn set_aside(&self, n: usize) -> String {
        if n == 1 {
            self.set_aside_one.to_string()
        } else {
            format!("{n} {}", self.set_aside_many)
        }
    }
}
