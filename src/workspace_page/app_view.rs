//! The entrepreneur app's screens inside the workspace: a visit's questions and results are the
//! app's own views (`crate::app::view`), HTML text that the page's view runtime (www/view.js)
//! morphs into this component's element, and whose events come back through `on_event` as
//! `(type, action, value, on)` for `crate::app::events::decode`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use web_sys::Element;
use yew::prelude::*;

use crate::ui::dom;

type Listener = Closure<dyn FnMut(String, String, String, bool)>;
/// An event as the view runtime reports it: (type, action, value, on).
type PageEvent = (String, String, String, bool);

#[derive(Properties, PartialEq)]
pub struct AppViewProps {
    /// What to show, from `crate::app::view`.
    pub html: AttrValue,
    pub on_event: Callback<PageEvent>,
}

#[component]
pub fn AppView(props: &AppViewProps) -> Html {
    let node = use_node_ref();
    // The latest callback, for the one listener installed on the element.
    let on_event = use_mut_ref(|| props.on_event.clone());
    *on_event.borrow_mut() = props.on_event.clone();
    let listener = use_mut_ref(|| None::<Listener>);
    {
        let node = node.clone();
        use_effect_with(props.html.clone(), move |html| {
            if let Some(root) = node.cast::<Element>() {
                install(&root, &listener, &on_event);
                dom::morph(&root, html);
            }
        });
    }
    html! { <div ref={node}></div> }
}

fn install(
    root: &Element,
    listener: &Rc<RefCell<Option<Listener>>>,
    on_event: &Rc<RefCell<Callback<PageEvent>>>,
) {
    if listener.borrow().is_some() {
        return;
    }
    let on_event = Rc::clone(on_event);
    let closure = Listener::new(move |kind, action, value, on| {
        // A clone, so that the callback may re-render this component.
        let callback = on_event.borrow().clone();
        callback.emit((kind, action, value, on));
    });
    dom::listen(root, &closure);
    // Dropped with the component, whose element goes with it.
    *listener.borrow_mut() = Some(closure);
}
