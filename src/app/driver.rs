//! The app in the page: mounting, the event loop, and what each change asks of the browser
//! (see the module docs of `crate::app`).

use std::cell::RefCell;
use std::collections::{BTreeSet, VecDeque};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use web_sys::Element;

use super::events::{self, Msg};
use super::state::{Action, Screen, State};
use super::view::{self, Frame, Notice, Qr};
use super::{embed, storage};
use crate::engine::Locale;
use crate::share::decode_link;
use crate::ui::browser::{self, browser_locale, focus_by_id, set_document_language};
use crate::ui::{dom, WIDE};

/// The state to start from: a share link in the address if there is one, else the saved
/// draft, else a fresh start in the browser's language.
fn initial_state() -> State {
    let saved = storage::load();
    let mut state = saved.unwrap_or_else(|| State::new(browser_locale()));
    state.set_aside = storage::has_set_aside();
    if let Some(locale) = embed::lang() {
        state.locale = locale;
        state.wanted = None;
    }
    match browser::location_fragment() {
        Some(fragment) => open_link(state, &fragment),
        None => state,
    }
}

/// The state after opening the share link `fragment` (the address's fragment) from `state`:
/// on page load, or when a link is pasted or followed in a tab where the app is open. The
/// saved draft, which holds `state`'s answers, is kept aside first (see
/// [`storage::set_aside_draft`]); a link that cannot be read leaves the answers as they are
/// and says so.
fn open_link(mut state: State, fragment: &str) -> State {
    match decode_link(fragment) {
        Ok(profile) => {
            // Never lose the user's own answers to a link: keep them aside first.
            let kept = storage::set_aside_draft();
            let locale = state.locale;
            state = apply(State::new(locale), Action::OpenShared(profile));
            state.set_aside = kept;
        }
        Err(error) => {
            gloo::console::warn!(format!("umbral: share link refused: {error}"));
            state.bad_link = Some(error);
        }
    }
    // Reloading afterwards resumes the saved answers rather than reopening the link.
    browser::clear_fragment();
    state
}

fn apply(state: State, action: Action) -> State {
    let next = Rc::new(state).reduce(action);
    (*next).clone()
}

/// What happens to a mounted app.
enum Event {
    /// The page reported an event: (type, action, value, on), for `events::decode`.
    Page(String, String, String, bool),
    /// The user did something on the page.
    User(Msg),
    /// The pack's fetch ended (or the host's programme pack asked for its country).
    Do(Action),
    /// The screen became wide or narrow.
    Wide(bool),
    /// The QR code of a share link was made (none when the link is too long for one).
    Qr(String, Option<(usize, String)>),
    /// The address's fragment changed in this tab (a share link pasted or followed).
    Link(String),
    /// Another tab or the installed app saved this draft text.
    Draft(String),
}

/// A mounted app: its state and what it last did to the page.
struct Inner {
    root: Element,
    state: Rc<State>,
    wide: bool,
    /// The page's address without a fragment, the base of share links.
    address: String,
    /// The share link the QR code was made for, and the code.
    qr: Option<(String, Option<(usize, String)>)>,
    /// The share link whose QR code is being made.
    qr_asked: Option<String>,
    /// The "¿Por qué?" sections the user opened (by key; not saved).
    whys: BTreeSet<String>,
    /// What was last drawn and saved, and the pack last asked for, so each is done only
    /// when it changed.
    html: String,
    draft: String,
    focus: (u32, bool, Screen),
    pack_asked: Option<(String, u32, String)>,
    lang: Option<crate::engine::Locale>,
    destroyed: bool,
    /// What the page says about the saved answers.
    notice: Option<Notice>,
    /// The state before "Empezar de nuevo", until the next thing the user does.
    undo: Option<Rc<State>>,
}

struct Shared {
    app: RefCell<Inner>,
    /// Events that arrive while the app is busy with another (a focus change can make the
    /// page report one): handled in order once it is done.
    pending: RefCell<VecDeque<Event>>,
}

/// A mounted app, for tests: [`AppHandle::destroy`] empties its root and stops it.
pub struct AppHandle(Rc<Shared>);

impl AppHandle {
    pub fn destroy(self) {
        let mut app = self.0.app.borrow_mut();
        app.destroyed = true;
        app.root.set_inner_html("");
    }
}

/// Mounts the app into `#app`, or into the body when the page has no such element.
///
/// # Panics
///
/// When there is no document or body (never in a browser page).
pub fn start() {
    // The page's app lives as long as the page.
    std::mem::forget(mount(browser::mount_point()));
}

/// Mounts the app into `root`, replacing whatever `root` held (such as the static start
/// screen of index.html).
pub fn mount(root: Element) -> AppHandle {
    // index.html's static start screen marks itself as not working yet (see styles.css).
    let _ = root.remove_attribute("class");
    let state = initial_state();
    let shared = Rc::new(Shared {
        app: RefCell::new(Inner {
            root: root.clone(),
            state: Rc::new(state),
            wide: false,
            address: browser::page_address(),
            qr: None,
            qr_asked: None,
            whys: BTreeSet::new(),
            html: String::new(),
            draft: String::new(),
            focus: (0, false, Screen::Start),
            pack_asked: None,
            lang: None,
            destroyed: false,
            notice: None,
            undo: None,
        }),
        pending: RefCell::new(VecDeque::new()),
    });
    let weak = Rc::downgrade(&shared);
    let on_event = Closure::<dyn FnMut(String, String, String, bool)>::new(
        move |kind: String, action: String, value: String, on: bool| {
            if let Some(shared) = weak.upgrade() {
                send(&shared, Event::Page(kind, action, value, on));
            }
        },
    );
    dom::listen(&root, &on_event);
    let weak = Rc::downgrade(&shared);
    let on_wide = Closure::<dyn FnMut(bool)>::new(move |wide| {
        if let Some(shared) = weak.upgrade() {
            send(&shared, Event::Wide(wide));
        }
    });
    let wide = dom::media(WIDE, &on_wide);
    let weak = Rc::downgrade(&shared);
    let on_outside = Closure::<dyn FnMut(bool, String)>::new(move |link: bool, text: String| {
        if let Some(shared) = weak.upgrade() {
            send(
                &shared,
                if link {
                    Event::Link(text)
                } else {
                    Event::Draft(text)
                },
            );
        }
    });
    dom::outside(super::DRAFT_KEY, &on_outside);
    // All live as long as the page's listeners; they hold the app only weakly.
    on_event.forget();
    on_wide.forget();
    on_outside.forget();
    send(&shared, Event::Wide(wide));
    AppHandle(shared)
}

/// Handles `event` now, or after the one being handled.
fn send(shared: &Rc<Shared>, event: Event) {
    shared.pending.borrow_mut().push_back(event);
    let Ok(mut app) = shared.app.try_borrow_mut() else {
        return;
    };
    if app.destroyed {
        return;
    }
    // Drawing moves focus, which can make the page report another event: until none is left.
    while !shared.pending.borrow().is_empty() {
        loop {
            let Some(event) = shared.pending.borrow_mut().pop_front() else {
                break;
            };
            app.handle(event);
        }
        app.draw(shared);
    }
}

impl Inner {
    fn act(&mut self, action: Action) {
        if matches!(action, Action::StartOver) {
            self.undo = Some(Rc::clone(&self.state));
            self.notice = Some(Notice::StartedOver);
        }
        self.state = Rc::clone(&self.state).reduce(action);
    }

    fn handle(&mut self, event: Event) {
        match event {
            // Read against the state as it is now, after any event before it.
            Event::Page(kind, action, value, on) => {
                if let Some(msg) =
                    events::decode(&self.state, self.wide, &kind, &action, &value, on)
                {
                    self.handle(Event::User(msg));
                }
            }
            // Whatever the user does next, the chance to undo and the notices about it go.
            Event::User(ref msg)
                if !matches!(msg, Msg::Undo) && self.undo.is_some()
                    || self.notice == Some(Notice::ChangedElsewhere) =>
            {
                self.undo = None;
                self.notice = None;
                self.handle(event);
            }
            Event::User(Msg::Undo) => {
                if let Some(earlier) = self.undo.take() {
                    self.state = earlier;
                    self.notice = None;
                }
            }
            Event::Do(action) | Event::User(Msg::Do(action)) => self.act(action),
            Event::User(Msg::RestoreSetAside) => match storage::set_aside() {
                Some(earlier) => {
                    storage::forget_set_aside();
                    self.act(Action::RestoreSetAside(Box::new(earlier)));
                }
                None => {
                    gloo::console::warn!("umbral: the answers kept aside could not be read");
                    storage::forget_set_aside();
                    self.act(Action::KeepShared);
                }
            },
            Event::User(Msg::KeepShared) => {
                storage::forget_set_aside();
                self.act(Action::KeepShared);
            }
            Event::User(Msg::Print) => browser::print(),
            Event::User(Msg::Why(key, open)) => {
                if open {
                    self.whys.insert(key);
                } else {
                    self.whys.remove(&key);
                }
            }
            // Clearing the fragment after reading a link reports an empty one: nothing to do.
            Event::Link(fragment) if fragment.is_empty() => {}
            Event::Link(fragment) => {
                // The draft on storage holds these answers: it was saved at the last draw.
                let state = open_link((*self.state).clone(), &fragment);
                // A fresh state holds no pack: the next draw fetches it, as on a load.
                if state.pack().is_none() {
                    self.pack_asked = None;
                }
                self.state = Rc::new(state);
            }
            // The draft another tab saved: shown here, so that neither tab overwrites the other's
            // answers with older ones.
            Event::Draft(text) if text != self.draft => {
                if let Some(mut state) = super::draft::state_from_draft(&text) {
                    state.set_aside = storage::has_set_aside();
                    self.state = Rc::new(state);
                    self.draft = text;
                    self.pack_asked = None;
                    self.undo = None;
                    self.notice = Some(Notice::ChangedElsewhere);
                }
            }
            Event::Draft(_) => {}
            Event::Wide(wide) => self.wide = wide,
            Event::Qr(link, code) => {
                self.qr_asked = None;
                self.qr = Some((link, code));
            }
        }
    }

    /// Draws the state, then does what its change asks of the browser.
    fn draw(&mut self, shared: &Rc<Shared>) {
        let state = Rc::clone(&self.state);
        let on_results = state.screen == Screen::Results && state.pack().is_some();
        let link = on_results.then(|| view::share_link(&state.profile, &self.address));
        let qr = match (&link, &self.qr) {
            (Some(link), Some((of, code))) if of == link => match code {
                Some((side, path)) => Qr::Ready(*side, path),
                None => Qr::TooLong,
            },
            _ => Qr::Pending,
        };
        // Save the draft whenever it changed (before drawing, so a failure shows at once); a
        // failed save is tried again at the next draw.
        let draft = super::draft::draft_json(&state);
        if draft != self.draft {
            let saved = storage::save(&draft);
            if saved {
                self.draft = draft;
            }
            if saved == (self.notice == Some(Notice::NotSaved)) {
                self.notice = (!saved).then_some(Notice::NotSaved);
            }
        }
        let frame = Frame {
            wide: self.wide,
            link: link.as_deref(),
            qr,
            whys: &self.whys,
            notice: self.notice,
        };
        let html = view::app(&state, &frame).into_string();
        if html != self.html {
            dom::morph(&self.root, &html);
            self.html = html;
        }

        // The QR code a task later, after the browser has painted the results.
        if let (Qr::Pending, Some(link)) = (qr, link) {
            if self.qr_asked.as_ref() != Some(&link) {
                self.qr_asked = Some(link.clone());
                let weak = Rc::downgrade(shared);
                dom::later(Closure::once_into_js(move || {
                    let code = crate::share::qr_svg_path(&link);
                    if let Some(shared) = weak.upgrade() {
                        send(&shared, Event::Qr(link, code));
                    }
                }));
            }
        }
        if self.lang != Some(state.locale) {
            self.lang = Some(state.locale);
            set_document_language(state.locale);
        }
        // After next, back or a new screen, focus goes to the new heading.
        let focus = (state.focus_tick, state.pack().is_some(), state.screen);
        if focus != self.focus {
            self.focus = focus;
            if state.focus_tick > 0 {
                focus_by_id(view::FOCUS_ID);
            }
        }
        // Fetch and link the pack whenever the country or the language changes (each language
        // has its own pack file), or the user asks to try again.
        let code = state.wanted.as_deref().unwrap_or(state.locale.code());
        let asked = (state.country.clone(), state.pack_attempt, code.to_string());
        if self.pack_asked.as_ref() != Some(&asked) {
            let have = state.pack().is_some();
            fetch_pack(Rc::downgrade(shared), asked.clone(), have, state.locale);
            self.pack_asked = Some(asked);
        }
    }
}

/// Fetches the pack for `country` in the language `code`; when the app already `have`s one for
/// it (in another language: the language changed while offline), a failure keeps that one.
/// A language a translation adds is shown once its pack has come, with its words
/// ([`install`](super::words::install)); one that cannot be goes back to `shown`.
fn fetch_pack(
    shared: Weak<Shared>,
    (country, _, code): (String, u32, String),
    have: bool,
    shown: Locale,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let added = Locale::parse(&code).is_none();
        let action = match embed::pack_for(&country, &code).await {
            // A host page's programme pack for another country: switch to it.
            Ok(pack) if pack.data.country.as_ref().is_some_and(|c| *c != country) => {
                Action::ChooseCountry(pack.data.country.clone().unwrap_or_default())
            }
            Ok(pack) => {
                let locale = if added {
                    super::words::install(&pack, &code)
                } else {
                    None
                };
                if added && locale.is_none() {
                    gloo::console::warn!("umbral: the pack in that language has no app words");
                    Action::SetLocale(shown)
                } else {
                    Action::PackLoaded {
                        country,
                        pack,
                        locale,
                    }
                }
            }
            Err(message) => {
                gloo::console::warn!(format!("umbral: {message}"));
                if added {
                    Action::SetLocale(shown)
                } else if have {
                    return;
                } else {
                    Action::PackFailed { country, message }
                }
            }
        };
        if let Some(shared) = shared.upgrade() {
            send(&shared, Event::Do(action));
        }
    });
}
