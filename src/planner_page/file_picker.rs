//! The import section: the file picker (a label styled as a button over a hidden input), the
//! drop zone, what the page is doing, and each imported file with its problems.

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::engine::Locale;

use super::browser;
use super::import::FileResult;
use super::model::Busy;
use super::words::{words, Words};

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    pub locale: Locale,
    pub busy: Busy,
    pub files: Vec<FileResult>,
    /// Files chosen or dropped, in order.
    pub on_files: Callback<Vec<gloo_file::File>>,
    pub on_clear: Callback<()>,
}

#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let w = words(props.locale);
    let on_pick = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let chosen = browser::files(input.files());
            input.set_value("");
            on_files.emit(chosen);
        })
    };
    let on_drop = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            on_files.emit(browser::files(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());

    let status = match &props.busy {
        Busy::Idle => html! {},
        Busy::Packs => html! { { w.loading_packs() } },
        Busy::Reading(name, n) => html! { { w.reading(name, *n) } },
    };

    html! {
        <section aria-labelledby="importar-titulo" class="planear__importar"
            ondragover={on_drag_over} ondrop={on_drop} data-testid="importar">
            <h2 id="importar-titulo">{ w.import_heading() }</h2>
            <p>{ w.import_intro() }</p>
            <label class="boton planear__elegir" for="archivos">{ w.choose_files() }</label>
            <input id="archivos" type="file" multiple=true class="visualmente-oculto"
                disabled={props.busy != Busy::Idle}
                accept=".jsonl,.json,.csv,.txt,text/csv,application/json" data-testid="archivos"
                onchange={on_pick} />
            <p class="nota">{ w.drop_here() }{ " " }{ w.private() }</p>
            <p role="status" class="planear__estado" data-testid="estado">{ status }</p>
            if props.files.is_empty() {
                <p class="nota">{ w.nothing_yet() }</p>
            } else {
                <ul class="planear__archivos">
                    { for props.files.iter().map(|f| file_line(f, w)) }
                </ul>
                <button type="button" class="boton boton--secundario" onclick={on_clear}>{ w.clear() }</button>
            }
        </section>
    }
}

/// One imported file: how many enterprises it gave, and its problems (the first ones).
fn file_line(f: &FileResult, w: &Words) -> Html {
    let problems = f.problems.iter().map(|(place, message)| {
        html! { <li>{ format!("{place}: {message}") }</li> }
    });
    let more = f.problem_count.saturating_sub(f.problems.len());
    html! {
        <li class="planear__archivo" data-testid="archivo">
            <strong>{ &f.name }</strong>{ ": " }{ w.file_read(f.read) }
            if f.problem_count > 0 {
                <p class="planear__problemas-titulo">{ w.file_problems(f.problem_count) }</p>
                <ul class="planear__problemas" data-testid="problemas">{ for problems }</ul>
                if more > 0 { <p>{ w.more_problems(more) }</p> }
            }
        </li>
    }
}
