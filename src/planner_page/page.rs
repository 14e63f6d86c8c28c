//! The planner page as one component over the reducer (`super::model`): the header with the
//! language switch, then its sections, each its own component. Its callbacks dispatch actions
//! or start effects (`super::effects`); the figures are counted again only when the
//! assessments, the language, the filters or the requirements change.

use std::rc::Rc;

use yew::prelude::*;

use crate::planner::Figures;

use super::before_after::BeforeAfter;
use super::browser;
use super::effects::{self, Ctx};
use super::file_picker::FilePicker;
use super::filters::Filters;
use super::model::{Action, Busy, Model};
use super::overview::Overview;
use super::report::Report;
use super::scenarios::Scenarios;
use super::supply::Supply;
use super::words::words;

#[component]
pub fn Planner() -> Html {
    let model = use_reducer(|| Model::new(browser::navigator_locale()));
    let ctx = use_memo((), |_| Ctx::default());
    let locale = model.locale;
    let w = words(locale);

    use_effect_with(locale, move |locale| {
        browser::set_document_language(*locale, words(*locale).title());
    });
    {
        let (ctx, dispatch) = (ctx.clone(), model.dispatcher());
        use_effect_with((), move |_| effects::load_first_pack(ctx, dispatch));
    }

    // Every enterprise, for the filter lists; then those the filters and scenarios count.
    let everything: Rc<Figures> = {
        let model = model.clone();
        use_memo((model.version, locale), move |_| model.everything())
    };
    let figures: Rc<Figures> = {
        let key = (
            model.version,
            locale,
            model.filter.clone(),
            model.requirements.clone(),
            model.supply.clone(),
        );
        let model = model.clone();
        use_memo(key, move |_| model.figures())
    };
    // The entries the supply question offers change only with the assessments and the language.
    let offers = {
        let (model, everything) = (model.clone(), everything.clone());
        use_memo((model.version, locale), move |_| model.offers(&everything))
    };
    let total = model.total();

    let dispatcher = model.dispatcher();
    let on_files = {
        let (ctx, dispatch) = (ctx.clone(), model.dispatcher());
        let idle = model.busy == Busy::Idle;
        Callback::from(move |chosen: Vec<gloo_file::File>| {
            if chosen.is_empty() || !idle {
                return;
            }
            effects::import(ctx.clone(), dispatch.clone(), chosen, locale);
        })
    };
    let on_download = {
        let figures = figures.clone();
        Callback::from(move |_: MouseEvent| effects::download(&figures))
    };

    html! {
        <>
            <header class="cabecera">
                <div class="cabecera__interior planear__cabecera">
                    <div>
                        <h1>{ w.title() }</h1>
                        <p class="lema">{ w.tagline() }</p>
                    </div>
                    <button type="button" class="idioma" lang={w.locale.other().code()} data-testid="idioma"
                        onclick={send(&dispatcher, |_: MouseEvent| Action::SwitchLanguage)}>{ w.locale.other().name() }</button>
                </div>
            </header>
            <main class="contenido planear">
                <FilePicker {locale} busy={model.busy.clone()} files={model.files.clone()}
                    {on_files} on_clear={send(&dispatcher, |()| Action::Clear)} />
                // Only once every chosen file is read: nothing partial is shown as the result
                // or offered for download.
                if total > 0 && model.busy == Busy::Idle {
                    <Filters {locale} filter={model.filter.clone()}
                        regions={Model::regions(&everything)}
                        localities={model.options("locality")} sectors={model.options("sector")}
                        tags={crate::workspace::TAG_FIELDS.iter().map(|t| (*t, model.tag_values(t))).collect::<Vec<_>>()}
                        on_change={send(&dispatcher, |(part, value)| Action::Filter(part, value))} />
                    <Overview {locale} figures={figures.clone()} {total} />
                    <Scenarios {locale} figures={figures.clone()} choices={model.choices()}
                        chosen={model.chosen()} level={model.level()}
                        on_field={send(&dispatcher, Action::ChooseField)}
                        on_level={send(&dispatcher, Action::ChooseLevel)}
                        on_add={send(&dispatcher, |()| Action::AddScenario)}
                        on_remove={send(&dispatcher, Action::RemoveScenario)} />
                    <Supply {locale} figures={figures.clone()} offers={(*offers).clone()}
                        chosen={model.supply.clone()}
                        on_toggle={send(&dispatcher, Action::ToggleSupply)} />
                    <BeforeAfter {locale} figures={figures.clone()} />
                    <Report {locale} figures={figures.clone()} {total} />
                    <section class="acciones planear__descargar">
                        <button type="button" class="boton" data-testid="descargar" onclick={on_download}>{ w.download() }</button>
                        <p class="nota">{ w.download_note() }</p>
                    </section>
                }
            </main>
        </>
    }
}

/// A callback that dispatches the action `make` builds from what it hears.
fn send<T: 'static>(
    dispatch: &UseReducerDispatcher<Model>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value| dispatch.dispatch(make(value)))
}
