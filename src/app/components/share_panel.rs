//! Sharing the result without a server: a link with the answers in its fragment, its QR code
//! drawn as SVG, and a WhatsApp link. Nothing is sent unless the user opens one of them.
//!
//! The QR code is drawn a moment after the rest (in a task after the results are painted), so
//! the results appear within the frame of the click; it is remade only when the link changes.

use crate::engine::{Locale, Profile};
use crate::share::{encode_link, qr_svg_path};
use yew::prelude::*;

use crate::app::words::words;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub profile: Profile,
    pub locale: Locale,
    /// The page's address without a fragment.
    pub base: AttrValue,
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let w = words(props.locale);
    let link = format!("{}#{}", props.base, encode_link(&props.profile));
    // The link the QR code was made for, and the code (side and SVG path; none when the link
    // is too long for one).
    let drawn = use_state(|| None::<(String, Option<(usize, String)>)>);
    {
        let drawn = drawn.clone();
        use_effect_with(link.clone(), move |link| {
            let link = link.clone();
            yew::platform::spawn_local(async move {
                // A task later: after the browser has painted the results.
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                let qr = qr_svg_path(&link);
                drawn.set(Some((link, qr)));
            });
        });
    }
    let message = format!("{} {link}", w.whatsapp_text);
    let whatsapp = format!(
        "https://wa.me/?text={}",
        String::from(js_sys::encode_uri_component(&message))
    );
    // Until it is made, an empty square of the same size, so nothing below moves.
    let qr = match drawn.as_ref().filter(|(of, _)| *of == link) {
        None => Some((1, None)),
        Some((_, None)) => None,
        Some((_, Some((side, path)))) => Some((*side, Some(path.clone()))),
    };
    let qr = qr.map(|(side, path)| {
        html! {
            <figure class="qr-figura">
                <svg class="qr" viewBox={format!("0 0 {side} {side}")} role="img"
                    aria-label={w.qr_caption} data-testid="qr" shape-rendering="crispEdges">
                    <rect width={side.to_string()} height={side.to_string()} fill="#ffffff" />
                    if let Some(path) = path { <path d={path} fill="#000000" /> }
                </svg>
                <figcaption>{ w.qr_caption }</figcaption>
            </figure>
        }
    });
    html! {
        <section class="compartir" aria-labelledby="compartir-titulo" data-testid="compartir">
            <h3 id="compartir-titulo">{ w.share_heading }</h3>
            <p class="no-imprimir">{ w.share_intro }</p>
            <div class="compartir__controles">
                <label for="enlace-compartir">{ w.share_link_label }</label>
                <input id="enlace-compartir" class="caja compartir__enlace" type="url" readonly=true
                    value={link} data-testid="enlace-compartir" />
                <p>
                    <a class="boton boton--secundario" href={whatsapp} rel="noopener noreferrer"
                        data-testid="whatsapp">
                        { w.whatsapp }
                    </a>
                </p>
            </div>
            { for qr }
        </section>
    }
}
