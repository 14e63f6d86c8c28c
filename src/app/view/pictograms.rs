//! Small pictures beside the answers an owner recognises by sight (kinds of phone, internet,
//! ways to be paid and to send parcels), drawn by the app as inline SVG: a few bytes each, no
//! file to fetch, and no text in them (the option's words are always beside).
//!
//! Each is one SVG path on a 24 × 24 grid, drawn with lines (`.pictograma` in
//! `www/styles.css` sets the stroke), made for Umbral.

use maud::{html, Markup};

use crate::engine::pack::OptionValue;

/// Phone signal bars, all four (mobile data); the others draw fewer.
macro_rules! bars {
    () => {
        "M5 20v-3M9 20v-6M13 20v-9M17 20v-12"
    };
}
/// A parcel, seen from a corner.
macro_rules! parcel {
    () => {
        "M3 8l9-5 9 5v8l-9 5-9-5zM3 8l9 5 9-5M12 13v8"
    };
}
/// A line across a picture: none of it.
macro_rules! crossed {
    () => {
        "M3 3l18 18"
    };
}

/// The path of the pictogram for option `value` of the question on `field`, if it has one.
fn path(field: &str, value: &str) -> Option<&'static str> {
    Some(match (field, value) {
        ("connectivity.devices", "basic_phone") => {
            "M8 2h8v20H8zM10 5h4v4h-4zM10.5 13h0M13.5 13h0M10.5 16h0M13.5 16h0M10.5 19h0M13.5 19h0"
        }
        ("connectivity.devices", "smartphone") => "M7 2h10v20H7zM11 18.5h2",
        ("connectivity.devices", "computer") => "M5 5h14v10H5zM2 19h20",
        ("connectivity.devices", "tablet") => "M4 3h16v18H4zM11 18h2",
        ("connectivity.devices", "public_access") => "M3 10l9-6 9 6M5 10v10h14V10M10 20v-5h4v5",
        ("connectivity.internet", "none") => concat!(bars!(), crossed!()),
        ("connectivity.internet", "intermittent") => "M5 20v-3M9 20v-6M13 20v-1M17 20v-1",
        ("connectivity.internet", "mobile_data") => bars!(),
        ("connectivity.internet", "broadband") => {
            "M2 9a15 15 0 0 1 20 0M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 19.5h0"
        }
        ("payments.accepts", "cash") => "M2 6h20v12H2zM12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6",
        ("payments.accepts", "transfer") => "M4 8h15l-3-3M20 16H5l3 3",
        ("payments.accepts", "card") => "M2 5h20v14H2zM2 10h20M6 15h4",
        ("payments.accepts", "wallet") => "M7 2h10v20H7zM10 9h4M10 12h4M11 18.5h2",
        ("payments.accepts", "payment_link") => {
            "M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1"
        }
        ("logistics.shipping_access", "none") => concat!(parcel!(), crossed!()),
        ("logistics.shipping_access", "post_office") => "M3 6h18v12H3zM3 6l9 7 9-7",
        ("logistics.shipping_access", "courier_dropoff") => parcel!(),
        ("logistics.shipping_access", "courier_pickup") => {
            "M2 6h12v10H2zM14 10h4l3 3v3h-7M4 18a2 2 0 1 0 4 0a2 2 0 1 0-4 0M15 18a2 2 0 1 0 4 0a2 2 0 1 0-4 0"
        }
        _ => return None,
    })
}

/// The pictogram for option `value` of the question on `field`, hidden from screen readers
/// (the words beside it say it); nothing for an option without one.
pub fn pictogram(field: &str, value: &OptionValue) -> Markup {
    let OptionValue::Text(value) = value else {
        return html! {};
    };
    match path(field, value) {
        Some(d) => html! {
            svg.pictograma viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"
                focusable="false" { path d=(d) {} }
        },
        None => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_is_the_picture_crossed_out() {
        let internet = path("connectivity.internet", "none").unwrap();
        assert_eq!(internet, [bars!(), crossed!()].concat());
        let shipping = path("logistics.shipping_access", "none").unwrap();
        assert_eq!(shipping, [parcel!(), crossed!()].concat());
        assert_eq!(path("sector", "food"), None);
    }
}
