//! Sharing the result without a server: a link with the answers in its fragment, its QR code
//! drawn as SVG, and a WhatsApp link. Nothing is sent unless the user opens one of them.

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
    let message = format!("{} {link}", w.whatsapp_text);
    let whatsapp = format!(
        "https://wa.me/?text={}",
        String::from(js_sys::encode_uri_component(&message))
    );
    let qr = qr_svg_path(&link).map(|(side, path)| {
        html! {
            <figure class="qr-figura">
                <svg class="qr" viewBox={format!("0 0 {side} {side}")} role="img"
                    aria-label={w.qr_caption} data-testid="qr" shape-rendering="crispEdges">
                    <rect width={side.to_string()} height={side.to_string()} fill="#ffffff" />
                    <path d={path} fill="#000000" />
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
