//! Sharing the result without a server: a link with the answers in its fragment, its QR code
//! drawn as SVG, and a WhatsApp link. Nothing is sent unless the user opens one of them.

use maud::{html, Markup};

use crate::app::words::words;
use crate::engine::{Locale, Profile};
use crate::share::encode_link;

/// The share panel's QR code, which the app makes a moment after the rest (see `app`).
#[derive(Clone, Copy)]
pub enum Qr<'a> {
    /// Not made yet: an empty square of the same size, so nothing below moves.
    Pending,
    /// The link is too long for one code: no code.
    TooLong,
    /// The code's side (in modules) and its SVG path.
    Ready(usize, &'a str),
}

/// The share link of `profile` on the page at `address` (without a fragment).
pub fn share_link(profile: &Profile, address: &str) -> String {
    format!("{address}#{}", encode_link(profile))
}

/// The share panel for `link` (from [`share_link`]) and its QR code.
pub fn share_panel(link: &str, locale: Locale, qr: Qr) -> Markup {
    let w = words(locale);
    let message = format!("{} {link}", w.whatsapp_text());
    let whatsapp = format!("https://wa.me/?text={}", uri_component(&message));
    let (side, path) = match qr {
        Qr::Pending => (1, None),
        Qr::TooLong => (0, None),
        Qr::Ready(side, path) => (side, Some(path)),
    };
    html! {
        section.compartir aria-labelledby="compartir-titulo" data-testid="compartir" {
            h3 #compartir-titulo { (w.share_heading()) }
            p.no-imprimir { (w.share_intro()) }
            div.compartir__controles {
                label for="enlace-compartir" { (w.share_link_label()) }
                input #enlace-compartir .caja.compartir__enlace type="url" readonly
                    value=(link) data-testid="enlace-compartir";
                p {
                    a.boton.boton--secundario href=(whatsapp) rel="noopener noreferrer"
                        data-testid="whatsapp" { (w.whatsapp()) }
                }
            }
            @if side > 0 {
                figure.qr-figura {
                    svg.qr viewBox={ "0 0 " (side) " " (side) } role="img" aria-label=(w.qr_caption())
                        data-testid="qr" shape-rendering="crispEdges" {
                        rect width=(side) height=(side) fill="#ffffff" {}
                        @if let Some(path) = path { path d=(path) fill="#000000" {} }
                    }
                    figcaption { (w.qr_caption()) }
                }
            }
        }
    }
}

/// `text` as a URI component, as JavaScript's `encodeURIComponent` writes it: every byte of
/// its UTF-8 but letters, digits and `-_.!~*'()` as `%XX`.
pub fn uri_component(text: &str) -> String {
    const KEPT: &[u8] = b"-_.!~*'()";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || KEPT.contains(&b) {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}
