//! The app's state as one reducer: every change the user or the network makes is an
//! [`Action`], and [`State::reduce`] is the only place state changes. The views read the state
//! and the events they report become actions; the app persists the draft after each change
//! (see `storage`).

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::engine::profile::FieldKind;
use crate::engine::{visible_questions, Locale, Pack, Profile};
use serde_json::Value as Json;

use crate::share::LinkError;

use super::answers::{answer_json, drop_hidden_answers, question_kind, set_answer};

/// The countries the app has packs for, default first (the engine's list: one for every page).
pub use crate::engine::profile::COUNTRIES;

/// A linked pack shared by the state and the views. Equal when it is the same pack, so states
/// holding one compare in constant time.
#[derive(Clone, Debug)]
pub struct PackRc(pub Rc<Pack>);

impl PartialEq for PackRc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Where the pack for the chosen country stands.
#[derive(Clone, Debug, PartialEq)]
pub enum PackStatus {
    Loading,
    Ready(PackRc),
    /// Why it failed, for the log; the user sees a plain message and a retry button.
    Failed(String),
}

/// The screen on show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Questions,
    Results,
}

impl Screen {
    pub fn code(self) -> &'static str {
        match self {
            Screen::Start => "start",
            Screen::Questions => "questions",
            Screen::Results => "results",
        }
    }

    pub fn parse(code: &str) -> Screen {
        match code {
            "questions" => Screen::Questions,
            "results" => Screen::Results,
            _ => Screen::Start,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub locale: Locale,
    /// A language a pack's translation adds, asked for by its code: the app shows it once its
    /// pack (`packs/<id>.<code>.txt`, with its words) has come, and then forgets this.
    pub wanted: Option<String>,
    pub country: String,
    pub pack: PackStatus,
    /// Bumped by "try again", so the loading effect runs once more.
    pub pack_attempt: u32,
    pub screen: Screen,
    /// The question on show (its id), or the first of the group on show on wide screens.
    pub current: Option<String>,
    pub profile: Profile,
    /// Questions answered "no sé": unanswered in the profile, but not to be asked again.
    pub dont_know: BTreeSet<String>,
    /// A share link that could not be read, and why.
    pub bad_link: Option<LinkError>,
    /// The user's earlier answers are kept aside because a share link replaced them.
    pub set_aside: bool,
    /// Bumped whenever the screen or question changes by the user's action: the app then
    /// moves keyboard focus to the new heading.
    pub focus_tick: u32,
}

pub enum Action {
    SetLocale(Locale),
    /// Show a language a pack's translation adds: `SetLocale` follows once it is loaded.
    AskLanguage(String),
    ChooseCountry(String),
    Start,
    StartOver,
    PackLoaded {
        country: String,
        pack: Rc<Pack>,
        /// The language the pack is in, when it is one a translation adds: shown from now on.
        locale: Option<Locale>,
    },
    PackFailed {
        country: String,
        message: String,
    },
    RetryPack,
    Answer {
        question: usize,
        value: Option<Json>,
    },
    DontKnow {
        question: usize,
        on: bool,
    },
    /// Leave the page on show; `wide` says whether a page is a whole group of questions.
    Next {
        wide: bool,
    },
    Back {
        wide: bool,
    },
    ShowResults,
    EditAnswers,
    OpenShared(Profile),
    DismissBadLink,
    /// Go back to the answers kept aside (read from storage by the caller).
    RestoreSetAside(Box<State>),
    /// Keep the link's answers; the ones kept aside are deleted by the caller.
    KeepShared,
}

impl State {
    /// A fresh state: Mexico, nothing answered, on the start screen.
    pub fn new(locale: Locale) -> State {
        State {
            locale,
            wanted: None,
            country: COUNTRIES[0].to_string(),
            pack: PackStatus::Loading,
            pack_attempt: 0,
            screen: Screen::Start,
            current: None,
            profile: Profile::new(COUNTRIES[0]),
            dont_know: BTreeSet::new(),
            bad_link: None,
            set_aside: false,
            focus_tick: 0,
        }
    }

    /// The linked pack, once loaded.
    pub fn pack(&self) -> Option<&Rc<Pack>> {
        match &self.pack {
            PackStatus::Ready(pack) => Some(&pack.0),
            _ => None,
        }
    }

    /// Whether anything has been answered.
    pub fn has_answers(&self) -> bool {
        self.profile.answers().iter().any(Option::is_some)
            || !self.profile.extra.is_empty()
            || !self.dont_know.is_empty()
    }

    /// The questions on the current page, as indexes into the pack's questions: the current
    /// one, or on wide screens the run of visible questions of its group around it.
    pub fn page(&self, pack: &Pack, wide: bool) -> Vec<usize> {
        let visible = visible_questions(pack, &self.profile);
        if visible.is_empty() {
            return Vec::new();
        }
        let at = self.current_position(pack, &visible);
        if !wide {
            return vec![visible[at]];
        }
        let group = &pack.data.questions[visible[at]].group;
        let same = |i: usize| pack.data.questions[visible[i]].group == *group;
        let mut first = at;
        while first > 0 && same(first - 1) {
            first -= 1;
        }
        let mut last = at;
        while last + 1 < visible.len() && same(last + 1) {
            last += 1;
        }
        visible[first..=last].to_vec()
    }

    /// Where the current question is among the visible ones. A current question that is no
    /// longer asked gives way to the next one that is (in pack order).
    fn current_position(&self, pack: &Pack, visible: &[usize]) -> usize {
        let questions = &pack.data.questions;
        let Some(id) = &self.current else { return 0 };
        let Some(q) = questions.iter().position(|question| question.id == *id) else {
            return 0;
        };
        visible
            .iter()
            .position(|&v| v >= q)
            .unwrap_or(visible.len() - 1)
    }

    fn question_id(pack: &Pack, q: usize) -> String {
        pack.data.questions[q].id.clone()
    }

    fn answer(&mut self, pack: &Pack, question: usize, value: Option<Json>) {
        if set_answer(pack, &mut self.profile, question, value) {
            self.dont_know.remove(&pack.data.questions[question].id);
            drop_hidden_answers(pack, &mut self.profile);
        }
    }

    /// Leaving a page: a set question left blank (and not "no sé") means "none of these".
    fn settle_page(&mut self, pack: &Pack, page: &[usize]) {
        for &q in page {
            let blank = answer_json(pack, &self.profile, q).is_none()
                && !self.dont_know.contains(&pack.data.questions[q].id);
            if blank && matches!(question_kind(pack, q), FieldKind::Set { .. }) {
                self.answer(pack, q, Some(Json::Array(Vec::new())));
            }
        }
    }

    fn next(&mut self, pack: &Pack, wide: bool) {
        let page = self.page(pack, wide);
        self.settle_page(pack, &page);
        let Some(&last) = page.last() else {
            self.screen = Screen::Results;
            return;
        };
        let visible = visible_questions(pack, &self.profile);
        match visible.iter().find(|&&v| v > last) {
            Some(&next) => self.current = Some(State::question_id(pack, next)),
            None => self.screen = Screen::Results,
        }
    }

    fn back(&mut self, pack: &Pack, wide: bool) {
        let page = self.page(pack, wide);
        let Some(&first) = page.first() else {
            self.screen = Screen::Start;
            return;
        };
        let visible = visible_questions(pack, &self.profile);
        match visible.iter().rev().find(|&&v| v < first) {
            Some(&previous) => {
                self.current = Some(State::question_id(pack, previous));
                if wide {
                    // Land on the first question of the previous group's page.
                    let page = self.page(pack, true);
                    if let Some(&start) = page.first() {
                        self.current = Some(State::question_id(pack, start));
                    }
                }
            }
            None => self.screen = Screen::Start,
        }
    }
}

impl State {
    /// The state after `action`: the only place state changes. Returns `self` itself when the
    /// action changes nothing.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        let pack = state.pack().cloned();
        match action {
            Action::SetLocale(locale) => {
                state.locale = locale;
                state.wanted = None;
            }
            Action::AskLanguage(code) => state.wanted = Some(code),
            Action::ChooseCountry(country) => {
                if country == state.country || !COUNTRIES.contains(&country.as_str()) {
                    return self;
                }
                state.profile = with_country(&state.profile, &country);
                state.country = country;
                state.pack = PackStatus::Loading;
            }
            Action::Start => {
                state.screen = Screen::Questions;
                state.focus_tick += 1;
            }
            Action::StartOver => {
                state.profile = Profile::new(&state.country);
                state.dont_know.clear();
                state.current = None;
                state.screen = Screen::Questions;
                state.focus_tick += 1;
            }
            Action::PackLoaded {
                country,
                pack,
                locale,
            } => {
                if country != state.country {
                    return self;
                }
                state.pack = PackStatus::Ready(PackRc(pack));
                if let Some(locale) = locale {
                    state.locale = locale;
                    state.wanted = None;
                }
            }
            Action::PackFailed { country, message } => {
                if country != state.country {
                    return self;
                }
                state.pack = PackStatus::Failed(message);
            }
            Action::RetryPack => {
                state.pack = PackStatus::Loading;
                state.pack_attempt += 1;
            }
            Action::Answer { question, value } => {
                let Some(pack) = pack else { return self };
                state.answer(&pack, question, value);
            }
            Action::DontKnow { question, on } => {
                let Some(pack) = pack else { return self };
                let id = State::question_id(&pack, question);
                if on {
                    set_answer(&pack, &mut state.profile, question, None);
                    drop_hidden_answers(&pack, &mut state.profile);
                    state.dont_know.insert(id);
                } else {
                    state.dont_know.remove(&id);
                }
            }
            Action::Next { wide } => {
                let Some(pack) = pack else { return self };
                state.next(&pack, wide);
                state.focus_tick += 1;
            }
            Action::Back { wide } => {
                let Some(pack) = pack else { return self };
                state.back(&pack, wide);
                state.focus_tick += 1;
            }
            Action::ShowResults => {
                state.screen = Screen::Results;
                state.focus_tick += 1;
            }
            Action::EditAnswers => {
                state.screen = Screen::Questions;
                state.focus_tick += 1;
            }
            Action::OpenShared(profile) => {
                if profile.country != state.country {
                    state.pack = PackStatus::Loading;
                }
                state.country = profile.country.clone();
                state.profile = profile;
                state.dont_know.clear();
                state.current = None;
                state.bad_link = None;
                state.screen = Screen::Results;
            }
            Action::DismissBadLink => state.bad_link = None,
            Action::RestoreSetAside(earlier) => {
                let mut earlier = *earlier;
                // The same country's pack is already linked; another country's loads anew.
                if earlier.country == state.country {
                    earlier.pack = state.pack.clone();
                }
                earlier.pack_attempt = state.pack_attempt;
                earlier.set_aside = false;
                earlier.focus_tick = state.focus_tick + 1;
                state = earlier;
            }
            Action::KeepShared => state.set_aside = false,
        }
        Rc::new(state)
    }
}

/// The same answers for another country: everything but the region, which is per country.
fn with_country(profile: &Profile, country: &str) -> Profile {
    let mut json = profile.to_value();
    if let Some(object) = json.as_object_mut() {
        object.insert("country".into(), Json::String(country.to_string()));
        object.remove("region");
    }
    Profile::from_value(&json).unwrap_or_else(|_| Profile::new(country))
}
