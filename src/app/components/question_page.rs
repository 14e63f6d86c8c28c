//! The questionnaire: one question a page on small screens, the current group's questions
//! together on wide ones, with progress, back and next. Answers go up as they change.

use std::collections::BTreeSet;

use crate::engine::{visible_questions, Locale, Profile};
use serde_json::Value as Json;
use yew::prelude::*;

use super::{ProgressBar, QuestionField};
use crate::app::answers::{answer_json, group_label};
use crate::app::state::PackRc;
use crate::app::words::words;

/// The id of the heading that receives focus after next and back.
pub const FOCUS_ID: &str = "enfoque";

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub pack: PackRc,
    pub profile: Profile,
    pub dont_know: BTreeSet<String>,
    pub locale: Locale,
    /// The questions on this page, as indexes into the pack's questions.
    pub page: Vec<usize>,
    /// Whether the page is a whole group (wide screens).
    pub wide: bool,
    pub on_answer: Callback<(usize, Option<Json>)>,
    pub on_dont_know: Callback<(usize, bool)>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
    pub on_results: Callback<()>,
}

#[component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let pack = &props.pack.0;
    let w = words(props.locale);
    let visible = visible_questions(pack, &props.profile);
    let total = visible.len();
    let position = |q: usize| visible.iter().position(|&v| v == q).map_or(0, |p| p + 1);
    let first = props.page.first().map_or(0, |&q| position(q));
    let last = props.page.last().map_or(0, |&q| position(q));
    let is_last_page = last == total;
    let answered = visible
        .iter()
        .filter(|&&q| {
            answer_json(pack, &props.profile, q).is_some()
                || props.dont_know.contains(&pack.data.questions[q].id)
        })
        .count();
    let label = if first == last {
        w.progress(first, total)
    } else {
        w.progress_range(first, last, total)
    };
    let percent = (100 * answered).checked_div(total).unwrap_or(0) as u32;
    let grouped = props.wide && props.page.len() > 1;
    let fields = props.page.iter().enumerate().map(|(i, &q)| {
        // Alone on the page, the question's own heading takes the focus.
        let heading_id = (!grouped && i == 0).then_some(AttrValue::Static(FOCUS_ID));
        html! {
            <QuestionField
                key={pack.data.questions[q].id.clone()}
                pack={props.pack.clone()}
                question={q}
                answer={answer_json(pack, &props.profile, q)}
                dont_know={props.dont_know.contains(&pack.data.questions[q].id)}
                locale={props.locale}
                level={if grouped { 3 } else { 2 }}
                {heading_id}
                on_answer={props.on_answer.clone()}
                on_dont_know={props.on_dont_know.clone()}
            />
        }
    });
    let group = props
        .page
        .first()
        .map(|&q| group_label(pack, &pack.data.questions[q].group, props.locale))
        .unwrap_or_default();
    let on_next = props.on_next.clone();
    let on_back = props.on_back.clone();
    let on_results = props.on_results.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        on_next.emit(());
    });
    html! {
        <section class="cuestionario" aria-label={group.clone()} data-testid="cuestionario">
            <ProgressBar label={label} answered={w.answered(answered, total)} percent={percent} />
            <form class="formulario" {onsubmit} novalidate=true>
                if grouped {
                    <h2 id={FOCUS_ID} tabindex="-1" class="grupo" data-testid="grupo">{ group }</h2>
                } else {
                    <p class="grupo-nombre">{ group }</p>
                }
                { for fields }
                <div class="navegacion">
                    <button type="button" class="boton boton--secundario" data-testid="atras"
                        onclick={move |_| on_back.emit(())}>
                        { w.back }
                    </button>
                    <button type="submit" class="boton" data-testid="siguiente">
                        { if is_last_page { w.see_results } else { w.next } }
                    </button>
                </div>
            </form>
            if !is_last_page {
                <p class="atajo">
                    <button type="button" class="enlace" data-testid="ver-resultados"
                        onclick={move |_| on_results.emit(())}>
                        { w.results_so_far }
                    </button>
                </p>
            }
        </section>
    }
}
