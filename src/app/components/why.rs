//! A "¿Por qué?" that draws what it explains only once opened: the results screen has one per
//! step and per score, and leaving their contents out of the page until asked for keeps the
//! screen within a frame when it opens (closed contents are neither shown nor printed).

use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    /// The summary line, always shown.
    pub summary: &'static str,
    #[prop_or_default]
    pub class: Classes,
    /// What it explains, drawn while open.
    pub children: Html,
}

#[component]
pub fn Why(props: &WhyProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    html! {
        <details class={props.class.clone()} {ontoggle}>
            <summary>{ props.summary }</summary>
            if *open { { props.children.clone() } }
        </details>
    }
}
