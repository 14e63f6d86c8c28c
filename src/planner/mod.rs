//! The planner's page (`/planner/`, wasm32 only): many assessment files in, the summary of
//! `crate::summary` out, entirely in the browser.
//!
//! Files are read with the same record reader as `umbral batch` ([`crate::summary::records`]),
//! each profile is scored with its country's compiled pack (fetched from `../packs/`), and only
//! a compact [`Assessment`] is kept per enterprise. An export of Umbral's form from
//! KoboToolbox or ODK Central is read and scored with the one pack its form was written from
//! (its first submission's form id or country), as `umbral batch` does. The work runs in
//! slices of a few milliseconds with a turn for the browser in between, so the page keeps
//! painting its progress. Filters, requirement scenarios and the language only re-count the kept
//! assessments; the CSV download is [`View::to_csv`], byte for byte what
//! `umbral batch --summary --summary-format csv` prints for the same input, filters and
//! requirements.

mod browser;
mod words;

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value as Json;
use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::view::chart::{bar_chart, permille, Bar, Chart};
use crate::engine::pack::OptionValue;
use crate::engine::{Locale, Pack, Profile};
use crate::form::export::Reader;
use crate::summary::records::{self, ExportFile, Format, Place, Records};
use crate::summary::{self, Assessment, Filter, Requirement, Summary, View};
use words::{words, Words};

/// Mounts the page into `#app` (or the body).
pub fn start() {
    let document = web_sys::window().and_then(|w| w.document());
    let host = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("app"))
        .or_else(|| document.as_ref().and_then(|d| d.body().map(Into::into)));
    if let Some(host) = host {
        host.set_inner_html("");
        yew::Renderer::<Planner>::with_root(host).render();
    }
}

/// The packs the page can score with, by country code.
const PACKS: [(&str, &str); 3] = [("MX", "mx"), ("CL", "cl"), ("BO", "bo")];
/// The most problems listed per file; the rest are counted.
const SHOWN_PROBLEMS: usize = 100;
/// How long one slice of work may take before the browser gets a turn, in milliseconds.
const SLICE_MS: f64 = 40.0;

/// One imported file: its name, how many enterprises it gave, its problems (where, what).
#[derive(Clone, PartialEq)]
pub struct FileResult {
    pub name: String,
    pub read: usize,
    pub problems: Vec<(String, String)>,
    pub problem_count: usize,
}

/// The records of a hand-off file: each enterprise's latest visit's profile, named by the
/// enterprise; or every problem of a file that cannot be read (it is refused whole).
fn handoff_records(text: &str, w: &Words) -> Vec<(String, Result<Json, String>)> {
    match records::handoff_profiles(text) {
        Ok(profiles) => profiles
            .into_iter()
            .map(|(name, profile)| (name, profile.ok_or_else(|| w.no_visit.to_string())))
            .collect(),
        Err(problems) => problems
            .into_iter()
            .map(|(path, message)| {
                let place = if path.is_empty() {
                    w.whole_file.to_string()
                } else {
                    path
                };
                (place, Err(message))
            })
            .collect(),
    }
}

/// What the page has imported: the packs it fetched and one assessment per enterprise.
#[derive(Default)]
struct Store {
    packs: Vec<Rc<Pack>>,
    /// Packs that could not be fetched, by id, with why.
    failed: Vec<(String, String)>,
    items: Vec<(usize, Assessment)>,
}

impl Store {
    /// Where the pack with this id is, once fetched.
    fn pack_position(&self, id: &str) -> Option<usize> {
        self.packs.iter().position(|p| p.data.id == id)
    }

    /// Where the pack of `country` is, once fetched (not a programme's pack for the country).
    fn pack_index(&self, country: &str) -> Option<usize> {
        self.pack_position(country_pack(country)?)
    }

    /// Why the pack with this id could not be fetched, if it could not.
    fn failure(&self, id: &str) -> Option<&str> {
        self.failed
            .iter()
            .find(|(x, _)| x == id)
            .map(|(_, why)| why.as_str())
    }
}

/// The id of the pack for `country`, if the page has one.
fn country_pack(country: &str) -> Option<&'static str> {
    PACKS.iter().find(|(c, _)| *c == country).map(|(_, id)| *id)
}

/// Fetches the pack with this id unless it is already here (or already failed).
async fn ensure_pack(store: &Rc<RefCell<Store>>, id: &str) {
    {
        let s = store.borrow();
        if s.pack_position(id).is_some() || s.failure(id).is_some() {
            return;
        }
    }
    let fetched = if records::is_pack_file_id(id) {
        browser::fetch_pack(id).await
    } else {
        Err(format!("'{id}' is not a pack id"))
    };
    match fetched {
        Ok(pack) => store.borrow_mut().packs.push(Rc::new(pack)),
        Err(message) => {
            gloo::console::warn!(format!("umbral planner: {message}"));
            store.borrow_mut().failed.push((id.to_string(), message));
        }
    }
}

/// Fetches the pack for `country`, if the page has one, unless it is already here.
async fn ensure_country_pack(store: &Rc<RefCell<Store>>, country: &str) {
    if let Some(id) = country_pack(country) {
        ensure_pack(store, id).await;
    }
}

/// One record of a file to score: a profile's JSON, scored with its country's pack, or an
/// export's submission, scored with the pack its form was written from (by its place in the
/// store).
enum Record {
    Json(Json),
    Export(Profile, usize),
}

/// What the planner says a programme's questions need in an export's CSV: it has no
/// `--pack`.
const PROGRAMME_HINT: &str = "export the submissions as JSON (KoboToolbox's names its form), or score them with `umbral batch --pack <id>`";

/// Counts a problem of a file, keeping the first [`SHOWN_PROBLEMS`] to show.
fn problem(result: &mut FileResult, place: String, message: String) {
    result.problem_count += 1;
    if result.problems.len() < SHOWN_PROBLEMS {
        result.problems.push((place, message));
    }
}

/// The largest file the planner reads, in bytes: read whole into memory, then scored in slices.
/// 100,000 profiles as JSON Lines are about 63 MB.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads one file into the store; `progress` hears how far it got.
async fn import_file(
    store: &Rc<RefCell<Store>>,
    file: &web_sys::File,
    locale: Locale,
    progress: &Callback<(String, usize)>,
) -> FileResult {
    let name = file.name();
    let mut result = FileResult {
        name: name.clone(),
        read: 0,
        problems: Vec::new(),
        problem_count: 0,
    };
    let bytes = file.size() as u64;
    if bytes > MAX_FILE_BYTES {
        let w = words(locale);
        result.problem_count = 1;
        result.problems.push((
            w.unreadable_file.to_string(),
            (w.too_big)(bytes.div_ceil(1_048_576), MAX_FILE_BYTES / 1_048_576),
        ));
        return result;
    }
    let text = match browser::read_text(file).await {
        Ok(text) => text,
        Err(message) => {
            let w = words(locale);
            result.problem_count = 1;
            result
                .problems
                .push((w.unreadable_file.to_string(), message));
            return result;
        }
    };
    let w = words(locale);
    if records::is_export(&name, text.as_bytes()) {
        import_export(store, &text, &name, w, progress, &mut result).await;
        return result;
    }
    let records: Box<dyn Iterator<Item = (String, Result<Json, String>)>> =
        if records::is_handoff(text.as_bytes()) {
            Box::new(handoff_records(&text, w).into_iter())
        } else {
            Box::new(
                Records::new(&text, Format::of_file(&name, &text))
                    .map(|(line, json)| (format!("{} {line}", w.line), json)),
            )
        };
    let records = records.map(|(place, json)| (place, json.map(Record::Json)));
    score_all(store, records, &name, w, progress, &mut result).await;
    result
}

/// Reads an export of Umbral's form (by [`records::is_export`]) with the pack its first
/// submission names, as `umbral batch` does: a file whose pack cannot be told or fetched, or
/// whose header does not map, is one problem; a row that does not map is a problem at its
/// line (or submission), and the others count.
async fn import_export(
    store: &Rc<RefCell<Store>>,
    text: &str,
    name: &str,
    w: &'static Words,
    progress: &Callback<(String, usize)>,
    result: &mut FileResult,
) {
    let file = match ExportFile::open(text) {
        Ok(file) => file,
        Err(message) => return problem(result, w.whole_file.to_string(), message),
    };
    let Some(id) = file.pack_hint().map(str::to_string) else {
        return problem(
            result,
            w.whole_file.to_string(),
            w.export_no_pack.to_string(),
        );
    };
    ensure_pack(store, &id).await;
    let pack = {
        let s = store.borrow();
        match s.pack_position(&id) {
            Some(ix) => (ix, s.packs[ix].clone()),
            None => {
                let why = s.failure(&id).unwrap_or_default().to_string();
                drop(s);
                return problem(
                    result,
                    w.whole_file.to_string(),
                    (w.export_pack_missing)(&id, &why),
                );
            }
        }
    };
    let reader = match Reader::new(&pack.1) {
        Ok(reader) => reader.with_programme_hint(PROGRAMME_HINT),
        Err(message) => return problem(result, w.whole_file.to_string(), message),
    };
    let rows = match file.submissions(&reader) {
        Ok(rows) => rows,
        Err(message) => return problem(result, format!("{} 1", w.line), message),
    };
    let records = rows.map(|(place, read)| {
        let place = match place {
            Place::Line(n) => format!("{} {n}", w.line),
            Place::Submission(n, None) => format!("{} {n}", w.submission),
            Place::Submission(n, Some(id)) => format!("{} {n} ({id})", w.submission),
        };
        (place, read.map(|s| Record::Export(s.profile, pack.0)))
    });
    score_all(store, records, name, w, progress, result).await;
}

/// Scores every record into the store, in slices that give the browser a turn.
async fn score_all(
    store: &Rc<RefCell<Store>>,
    records: impl Iterator<Item = (String, Result<Record, String>)>,
    name: &str,
    w: &'static Words,
    progress: &Callback<(String, usize)>,
    result: &mut FileResult,
) {
    let mut slice_start = browser::now();
    let mut seen = 0usize;
    for (line, record) in records {
        seen += 1;
        let record = match record {
            Ok(record) => record,
            Err(message) => {
                problem(result, line, message);
                continue;
            }
        };
        let scored = match record {
            Record::Export(profile, ix) => {
                let s = store.borrow();
                summary::score_profile(profile, Locale::Es, |_| Ok(&*s.packs[ix]))
                    .map(|(pack, profile, report)| (ix, Assessment::new(pack, profile, &report)))
            }
            Record::Json(json) => score_by_country(store, &json, w).await,
        };
        match scored {
            Ok(item) => {
                store.borrow_mut().items.push(item);
                result.read += 1;
            }
            Err(message) => problem(result, line, message),
        }
        if seen.is_multiple_of(64) && browser::now() - slice_start > SLICE_MS {
            progress.emit((name.to_string(), seen));
            browser::next_tick().await;
            slice_start = browser::now();
        }
    }
}

/// Scores a profile's JSON with its country's pack, fetching the pack first if need be.
async fn score_by_country(
    store: &Rc<RefCell<Store>>,
    json: &Json,
    w: &'static Words,
) -> Result<(usize, Assessment), String> {
    if let Some(Json::String(country)) = json.get("country") {
        ensure_country_pack(store, country).await;
    }
    let s = store.borrow();
    summary::score(json, Locale::Es, |profile| {
        let ix = s.pack_index(&profile.country).ok_or_else(|| {
            match country_pack(&profile.country).and_then(|id| s.failure(id)) {
                Some(why) => (w.pack_missing)(&profile.country, why),
                None => (w.no_pack)(&profile.country),
            }
        })?;
        Ok(&*s.packs[ix])
    })
    .map(|(pack, profile, report)| {
        let ix = s.pack_index(&profile.country).unwrap_or(0);
        (ix, Assessment::new(pack, profile, &report))
    })
}

/// A question the scenario builder offers: its field, its text and the levels to choose from
/// (value, label).
#[derive(Clone, PartialEq)]
struct Choice {
    field: String,
    text: String,
    levels: Vec<(String, String)>,
}

/// Questions whose answers have an order, so "at least" means something.
fn scenario_choices(pack: &Pack, locale: Locale) -> Vec<Choice> {
    pack.data
        .questions
        .iter()
        .filter_map(|q| {
            let levels: Vec<(String, String)> = q
                .options
                .iter()
                .filter_map(|o| {
                    let value = match &o.value {
                        OptionValue::Text(s) => s.clone(),
                        OptionValue::Int(n) => n.to_string(),
                        OptionValue::Bool(b) => b.to_string(),
                        OptionValue::Num(_) => return None,
                    };
                    summary::at_least(&q.field, &value)?;
                    Some((value, o.label.get(locale).to_string()))
                })
                .collect();
            (!levels.is_empty() && q.field.split('.').count() > 1).then(|| Choice {
                field: q.field.clone(),
                text: q.text.get(locale).to_string(),
                levels,
            })
        })
        .collect()
}

/// Sets one of the filter's parts.
type SetFilter = dyn Fn(&mut Filter, Option<String>);

#[derive(Clone, PartialEq)]
enum Busy {
    Idle,
    Packs,
    Reading(String, usize),
}

#[component]
pub fn Planner() -> Html {
    let locale = use_state(|| {
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .and_then(|l| Locale::parse(&l))
            .unwrap_or(Locale::Es)
    });
    let w: &'static Words = words(*locale);
    let store = use_mut_ref(Store::default);
    // Bumped whenever the store changes, so the summaries are counted again.
    let version = use_state(|| 0u32);
    let files = use_state(Vec::<FileResult>::new);
    let busy = use_state(|| Busy::Idle);
    let filter = use_state(Filter::default);
    let requirements = use_state(Vec::<Requirement>::new);
    // The scenario builder's choice: a field path and a level value ("" until chosen).
    let choice_field = use_state(String::new);
    let choice_level = use_state(String::new);

    use_effect_with(*locale, move |locale| {
        browser::set_document_language(*locale, words(*locale).title);
    });
    // The Mexican pack at once: the scenario builder lists its questions.
    {
        let store = store.clone();
        let version = version.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                ensure_country_pack(&store, "MX").await;
                version.set(*version + 1);
            });
        });
    }

    let import = {
        let store = store.clone();
        let version = version.clone();
        let files = files.clone();
        let busy = busy.clone();
        let locale = *locale;
        Callback::from(move |chosen: Vec<web_sys::File>| {
            if chosen.is_empty() || *busy != Busy::Idle {
                return;
            }
            let store = store.clone();
            let version = version.clone();
            let files = files.clone();
            let busy = busy.clone();
            busy.set(Busy::Packs);
            wasm_bindgen_futures::spawn_local(async move {
                let progress = {
                    let busy = busy.clone();
                    Callback::from(move |(name, n)| busy.set(Busy::Reading(name, n)))
                };
                let mut results = (*files).clone();
                for file in &chosen {
                    busy.set(Busy::Reading(file.name(), 0));
                    browser::next_tick().await;
                    results.push(import_file(&store, file, locale, &progress).await);
                }
                files.set(results);
                version.set(*version + 1);
                busy.set(Busy::Idle);
            });
        })
    };

    let on_pick = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let chosen = browser::files(input.files());
            input.set_value("");
            import.emit(chosen);
        })
    };
    let on_drop = {
        let import = import.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let chosen = browser::files(e.data_transfer().and_then(|d| d.files()));
            import.emit(chosen);
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_clear = {
        let store = store.clone();
        let version = version.clone();
        let files = files.clone();
        Callback::from(move |_| {
            store.borrow_mut().items.clear();
            files.set(Vec::new());
            version.set(*version + 1);
        })
    };

    // Every enterprise, for the filter lists; then those the filters and scenarios count.
    let everything = {
        let store = store.clone();
        use_memo((*version, *locale), move |(_, locale)| {
            let s = store.borrow();
            let mut summary = Summary::new(*locale, Filter::default(), Vec::new());
            for (p, a) in &s.items {
                summary.add(&s.packs[*p], a);
            }
            summary.view()
        })
    };
    let view: Rc<View> = {
        let store = store.clone();
        use_memo(
            (
                *version,
                *locale,
                (*filter).clone(),
                (*requirements).clone(),
            ),
            move |(_, locale, filter, requirements)| {
                let s = store.borrow();
                let mut summary = Summary::new(*locale, filter.clone(), requirements.clone());
                for (p, a) in &s.items {
                    summary.add(&s.packs[*p], a);
                }
                summary.view()
            },
        )
    };
    let (choices, localities, sectors) = {
        let s = store.borrow();
        let pack = s.pack_index("MX").map(|i| s.packs[i].clone());
        let options = |field: &str| -> Vec<(String, String)> {
            pack.iter()
                .flat_map(|p| p.data.questions.iter())
                .filter(|q| q.field == field)
                .flat_map(|q| q.options.iter())
                .filter_map(|o| match &o.value {
                    OptionValue::Text(v) => Some((v.clone(), o.label.get(*locale).to_string())),
                    _ => None,
                })
                .collect()
        };
        (
            pack.as_ref()
                .map(|p| scenario_choices(p, *locale))
                .unwrap_or_default(),
            options("locality"),
            options("sector"),
        )
    };
    let total = store.borrow().items.len();

    let switch = {
        let locale = locale.clone();
        let other = locale.other();
        Callback::from(move |_| locale.set(other))
    };

    let select = |id: &'static str,
                  label: &'static str,
                  all: &'static str,
                  options: Vec<(String, String)>,
                  current: Option<String>,
                  set: Rc<SetFilter>| {
        let filter = filter.clone();
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            let mut next = (*filter).clone();
            set(&mut next, (!value.is_empty()).then_some(value));
            filter.set(next);
        });
        html! {
            <div class="planear__campo">
                <label for={id}>{ label }</label>
                <select {id} class="lista" data-testid={id} {onchange}>
                    <option value="" selected={current.is_none()}>{ all }</option>
                    { for options.into_iter().map(|(value, text)| {
                        let selected = current.as_deref() == Some(value.as_str());
                        html! { <option value={value.clone()} {selected}>{ text }</option> }
                    }) }
                </select>
            </div>
        }
    };
    let regions: Vec<(String, String)> = everything
        .regions
        .iter()
        .filter(|g| g.key != summary::UNANSWERED)
        .map(|g| (g.key.clone(), g.label.clone()))
        .collect();

    let status = match &*busy {
        Busy::Idle => html! {},
        Busy::Packs => html! { { w.loading_packs } },
        Busy::Reading(name, n) => html! { { (w.reading)(name, *n) } },
    };

    let file_list = files.iter().map(|f| {
        let problems = f.problems.iter().map(|(place, message)| {
            html! { <li>{ format!("{place}: {message}") }</li> }
        });
        let more = f.problem_count.saturating_sub(f.problems.len());
        html! {
            <li class="planear__archivo" data-testid="archivo">
                <strong>{ &f.name }</strong>{ ": " }{ (w.file_read)(f.read) }
                if f.problem_count > 0 {
                    <p class="planear__problemas-titulo">{ (w.file_problems)(f.problem_count) }</p>
                    <ul class="planear__problemas" data-testid="problemas">{ for problems }</ul>
                    if more > 0 { <p>{ (w.more_problems)(more) }</p> }
                }
            </li>
        }
    });

    let share_table = |caption: &str, header: &str, rows: &[summary::Share], testid: &str| {
        html! {
            <div class="planear__tabla" tabindex="0" role="region" aria-label={caption.to_string()}>
                <table data-testid={testid.to_string()}>
                    <caption class="visualmente-oculto">{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ w.rank }</th>
                        <th scope="col">{ header }</th>
                        <th scope="col">{ w.enterprises }</th>
                        <th scope="col">{ w.share }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().enumerate().map(|(i, s)| html! {
                            <tr>
                                <td>{ i + 1 }</td>
                                <th scope="row">{ &s.label }</th>
                                <td>{ s.count }</td>
                                <td>{ format!("{} %", s.percent) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    let group_table = |caption: &str, header: &str, groups: &[summary::GroupView], testid: &str| {
        html! {
            <div class="planear__tabla" tabindex="0" role="region" aria-label={caption.to_string()}>
                <table data-testid={testid.to_string()}>
                    <caption class="visualmente-oculto">{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ header }</th>
                        <th scope="col">{ w.enterprises }</th>
                        <th scope="col">{ w.top_blockers }</th>
                    </tr></thead>
                    <tbody>
                        { for groups.iter().map(|g| html! {
                            <tr>
                                <th scope="row">{ &g.label }</th>
                                <td>{ g.enterprises.count }</td>
                                <td>
                                    if g.blockers.is_empty() { { w.no_blockers } } else {
                                        <ol class="planear__top">
                                            { for g.blockers.iter().take(3).map(|b| html! {
                                                <li>{ format!("{} — {} ({} %)", b.label, b.count, b.percent) }</li>
                                            }) }
                                        </ol>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };

    // The scenario builder: the chosen question (the first until one is chosen) and level.
    let chosen = choices
        .iter()
        .find(|c| c.field == *choice_field)
        .or(choices.first())
        .cloned();
    let level = chosen.as_ref().and_then(|c| {
        c.levels
            .iter()
            .find(|(v, _)| *v == *choice_level)
            .or(c.levels.first())
            .map(|(v, _)| v.clone())
    });
    let on_field = {
        let choice_field = choice_field.clone();
        let choice_level = choice_level.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            choice_field.set(select.value());
            choice_level.set(String::new());
        })
    };
    let on_level = {
        let choice_level = choice_level.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            choice_level.set(select.value());
        })
    };
    let on_add = {
        let requirements = requirements.clone();
        let chosen = chosen.clone();
        let level = level.clone();
        Callback::from(move |_| {
            let (Some(choice), Some(value)) = (&chosen, &level) else {
                return;
            };
            let Some(text) = summary::at_least(&choice.field, value) else {
                return;
            };
            let Ok(req) = Requirement::parse(&text) else {
                return;
            };
            if requirements.iter().any(|r| r.text == req.text) {
                return;
            }
            let mut next = (*requirements).clone();
            next.push(req);
            requirements.set(next);
        })
    };
    let scenarios = view.scenarios.iter().enumerate().map(|(i, sc)| {
        let requirements = requirements.clone();
        let remove = Callback::from(move |_| {
            let mut next = (*requirements).clone();
            if i < next.len() {
                next.remove(i);
            }
            requirements.set(next);
        });
        html! {
            <li class="planear__escenario" data-testid="escenario">
                <p class="planear__frase">{ view.scenario_sentence(sc, *locale) }</p>
                <p class="nota">{ w.scenario_condition }{ ": " }<code>{ &sc.condition }</code></p>
                <button type="button" class="enlace" onclick={remove}>
                    { w.scenario_remove }<span class="visualmente-oculto">{ format!(": {}", sc.condition) }</span>
                </button>
            </li>
        }
    });

    let on_download = {
        let view = view.clone();
        Callback::from(move |_| {
            if let Err(message) =
                crate::app::browser::download("umbral-resumen.csv", "text/csv", &view.to_csv())
            {
                gloo::console::error!(format!("umbral planner: {message}"));
            }
        })
    };

    let stage_bars: Vec<Bar> = view
        .stages
        .iter()
        .map(|s| Bar {
            label: s.label.clone(),
            permille: permille(s.count, s.base),
            value: format!("{} ({} %)", s.count, s.percent),
        })
        .collect();
    let dimension_bars: Vec<Bar> = view
        .dimensions
        .iter()
        .map(|d| Bar {
            label: d.label.clone(),
            permille: score_permille(&d.average),
            value: d.average.clone(),
        })
        .collect();

    html! {
        <>
            <header class="cabecera">
                <div class="cabecera__interior planear__cabecera">
                    <div>
                        <h1>{ w.title }</h1>
                        <p class="lema">{ w.tagline }</p>
                    </div>
                    <button type="button" class="idioma" lang={w.switch_to_lang} data-testid="idioma"
                        onclick={switch}>{ w.switch_to }</button>
                </div>
            </header>
            <main class="contenido planear">
                <section aria-labelledby="importar-titulo" class="planear__importar"
                    ondragover={on_drag_over} ondrop={on_drop} data-testid="importar">
                    <h2 id="importar-titulo">{ w.import_heading }</h2>
                    <p>{ w.import_intro }</p>
                    <label class="boton planear__elegir" for="archivos">{ w.choose_files }</label>
                    <input id="archivos" type="file" multiple=true class="visualmente-oculto"
                        disabled={*busy != Busy::Idle}
                        accept=".jsonl,.json,.csv,.txt,text/csv,application/json" data-testid="archivos"
                        onchange={on_pick} />
                    <p class="nota">{ w.drop_here }{ " " }{ w.private }</p>
                    <p role="status" class="planear__estado" data-testid="estado">{ status }</p>
                    if files.is_empty() {
                        <p class="nota">{ w.nothing_yet }</p>
                    } else {
                        <ul class="planear__archivos">{ for file_list }</ul>
                        <button type="button" class="boton boton--secundario" onclick={on_clear}>{ w.clear }</button>
                    }
                </section>
                // Only once every chosen file is read: nothing partial is shown as the result
                // or offered for download.
                if total > 0 && *busy == Busy::Idle {
                    <section aria-labelledby="filtros-titulo">
                        <h2 id="filtros-titulo">{ w.filters_heading }</h2>
                        <div class="planear__filtros">
                            { select("filtro-region", w.region, w.all_regions, regions,
                                filter.region.clone(), Rc::new(|f: &mut Filter, v| f.region = v)) }
                            { select("filtro-localidad", w.locality, w.all_localities, localities,
                                filter.locality.clone(), Rc::new(|f: &mut Filter, v| f.locality = v)) }
                            { select("filtro-giro", w.sector, w.all_sectors, sectors,
                                filter.sector.clone(), Rc::new(|f: &mut Filter, v| f.sector = v)) }
                        </div>
                    </section>
                    <section aria-labelledby="resumen-titulo" data-testid="resumen">
                        <h2 id="resumen-titulo">{ w.summary_heading }</h2>
                        <p data-testid="conteo">{ (w.enterprises_counted)(view.enterprises, total) }</p>
                        <p>{ w.readiness }{ ": " }<strong data-testid="preparacion">{ &view.readiness }</strong></p>
                        <h3>{ w.stages_heading }</h3>
                        { chart(w.stages_heading, w.stage, w.enterprises, "etapas", &stage_bars) }
                        { for view.routes.iter().map(|r| html! {
                            <p data-testid="ruta">{ (w.route_line)(
                                &r.reached.label,
                                r.reached.count,
                                &r.reached.percent,
                                r.without_stage.count,
                                &r.without_stage.percent,
                            ) }</p>
                        }) }
                        <h3>{ w.dimensions_heading }</h3>
                        <p class="nota">{ w.dimensions_intro }</p>
                        { chart(w.dimensions_heading, w.dimension, w.average, "aspectos", &dimension_bars) }
                        <h3>{ w.blockers_heading }</h3>
                        <p class="nota">{ w.blockers_intro }</p>
                        if view.blockers.is_empty() {
                            <p>{ w.no_blockers }</p>
                        } else {
                            { share_table(w.blockers_heading, w.blocker, &view.blockers, "obstaculos") }
                        }
                        <h3>{ w.by_region_heading }</h3>
                        { group_table(w.by_region_heading, w.region, &view.regions, "por-estado") }
                        <h3>{ w.by_locality_heading }</h3>
                        { group_table(w.by_locality_heading, w.locality, &view.localities, "por-localidad") }
                    </section>
                    <section aria-labelledby="escenario-titulo" data-testid="escenarios">
                        <h2 id="escenario-titulo">{ w.scenario_heading }</h2>
                        <p>{ w.scenario_intro }</p>
                        <div class="planear__filtros">
                            <div class="planear__campo">
                                <label for="escenario-dato">{ w.scenario_field }</label>
                                <select id="escenario-dato" class="lista" data-testid="escenario-dato" onchange={on_field}>
                                    { for choices.iter().map(|c| html! {
                                        <option value={c.field.clone()}
                                            selected={chosen.as_ref().is_some_and(|x| x.field == c.field)}>
                                            { &c.text }
                                        </option>
                                    }) }
                                </select>
                            </div>
                            <div class="planear__campo">
                                <label for="escenario-minimo">{ w.scenario_minimum }</label>
                                <select id="escenario-minimo" class="lista" data-testid="escenario-minimo" onchange={on_level}>
                                    { for chosen.iter().flat_map(|c| c.levels.iter()).map(|(value, label)| html! {
                                        <option value={value.clone()}
                                            selected={level.as_deref() == Some(value.as_str())}>
                                            { label }
                                        </option>
                                    }) }
                                </select>
                            </div>
                        </div>
                        <button type="button" class="boton" data-testid="escenario-calcular" onclick={on_add}>{ w.scenario_add }</button>
                        <div aria-live="polite">
                            if view.scenarios.is_empty() {
                                <p class="nota">{ w.scenario_none }</p>
                            } else {
                                <ul class="planear__escenarios">{ for scenarios }</ul>
                            }
                        </div>
                    </section>
                    <section class="acciones planear__descargar">
                        <button type="button" class="boton" data-testid="descargar" onclick={on_download}>{ w.download }</button>
                        <p class="nota">{ w.download_note }</p>
                    </section>
                }
            </main>
        </>
    }
}

/// A bar chart with its table: the app's (`crate::app::view::chart`), with room for the
/// planner's longer figures ("1234 (56 %)").
fn chart(
    caption: &str,
    label_header: &str,
    value_header: &str,
    testid: &str,
    bars: &[Bar],
) -> Html {
    let chart = Chart {
        caption,
        label_header,
        value_header,
        testid,
        bar_width: 230,
    };
    Html::from_html_unchecked(AttrValue::from(bar_chart(&chart, bars).into_string()))
}

/// A mean score given as one-decimal text (`"42.3"`) in thousandths of 100.
fn score_permille(average: &str) -> u32 {
    let tenths: u32 = average.replace('.', "").parse().unwrap_or(0);
    tenths.min(1000)
}
