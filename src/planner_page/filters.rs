//! The filters: region, locality and sector, and the cohort tags of hand-off files
//! (programme, institution, term, team) when the files have them; each a list with "all"
//! first.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::Locale;
use crate::planner::Filter;

use super::model::FilterPart;
use super::words::words;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub locale: Locale,
    pub filter: Filter,
    /// The choices of each list (value, label).
    pub regions: Vec<(String, String)>,
    pub localities: Vec<(String, String)>,
    pub sectors: Vec<(String, String)>,
    /// The values of each cohort tag present in the files, by tag (`programme`,
    /// `institution`, `term`, `team`); a tag with none has no list.
    pub tags: Vec<(&'static str, Vec<(String, String)>)>,
    /// A list changed: which, and its value (`None` for all).
    pub on_change: Callback<(FilterPart, Option<String>)>,
}

#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let w = words(props.locale);
    let f = &props.filter;
    html! {
        <section aria-labelledby="filtros-titulo">
            <h2 id="filtros-titulo">{ w.filters_heading() }</h2>
            <div class="planear__filtros">
                <FilterList id="filtro-region" label={w.region()} all={w.all_regions()}
                    options={props.regions.clone()} current={f.region.clone()}
                    on_change={props.on_change.reform(|v| (FilterPart::Region, v))} />
                <FilterList id="filtro-localidad" label={w.locality()} all={w.all_localities()}
                    options={props.localities.clone()} current={f.locality.clone()}
                    on_change={props.on_change.reform(|v| (FilterPart::Locality, v))} />
                <FilterList id="filtro-giro" label={w.sector()} all={w.all_sectors()}
                    options={props.sectors.clone()} current={f.sector.clone()}
                    on_change={props.on_change.reform(|v| (FilterPart::Sector, v))} />
                { for props.tags.iter().filter(|(_, values)| !values.is_empty()).map(|(tag, values)| {
                    let (label, all, id) = w.cohort_tag(tag);
                    let tag: &'static str = tag;
                    html! {
                        <FilterList {id} {label} {all} options={values.clone()}
                            current={f.cohort_tag(tag).map(str::to_string)}
                            on_change={props.on_change.reform(move |v| (FilterPart::Tag(tag), v))} />
                    }
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FilterListProps {
    id: &'static str,
    label: &'static str,
    all: &'static str,
    options: Vec<(String, String)>,
    current: Option<String>,
    on_change: Callback<Option<String>>,
}

/// One filter's list.
#[component]
fn FilterList(props: &FilterListProps) -> Html {
    let onchange = props.on_change.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        (!value.is_empty()).then_some(value)
    });
    let id = props.id;
    let current = props.current.as_deref();
    html! {
        <div class="planear__campo">
            <label for={id}>{ props.label }</label>
            <select {id} class="lista" data-testid={id} {onchange}>
                <option value="" selected={current.is_none()}>{ props.all }</option>
                { for props.options.iter().map(|(value, text)| {
                    let selected = current == Some(value.as_str());
                    html! { <option value={value.clone()} {selected}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}
