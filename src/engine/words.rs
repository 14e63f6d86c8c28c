//! The engine's own sentences (why a step was chosen or left out) and money formatting, in
//! every locale. Everything else a report says comes from the pack.

use super::locale::Locale;

/// Formats an amount in a currency the way people there write it: `$1,234 MXN`,
/// `$12.990 CLP`, `Bs 1.234,50`.
pub fn money(amount: f64, currency: &str) -> String {
    let cents = (amount * 100.0).round() as i64;
    let whole = cents / 100;
    let frac = cents % 100;
    let (thousands, decimal) = match currency {
        "MXN" => (',', '.'),
        _ => ('.', ','),
    };
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    if frac != 0 && currency != "CLP" {
        grouped.push(decimal);
        grouped.push_str(&format!("{frac:02}"));
    }
    match currency {
        "BOB" => format!("Bs {grouped}"),
        "" => grouped,
        c => format!("${grouped} {c}"),
    }
}

/// A number as `format!("{x}")` writes it (`3`, `3.6`, `0.0001`), without Rust's float
/// formatting code, which the browser app leaves out: serde_json's shortest digits, written
/// out without an exponent. They are Rust's digits, except that for the rare number needing
/// 16 or 17 significant digits the last one may differ (both read back to the same number);
/// no amount a person types comes near that.
pub fn decimal(x: f64) -> String {
    let Some(n) = serde_json::Number::from_f64(x) else {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    };
    let shortest = n.to_string();
    let (negative, shortest) = match shortest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, shortest.as_str()),
    };
    let (mantissa, exponent) = match shortest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (shortest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = [whole, fraction].concat();
    // The digits, and where the decimal point falls among them.
    let mut point = whole.len() as i32 + exponent;
    let trimmed = digits.trim_start_matches('0');
    point -= (digits.len() - trimmed.len()) as i32;
    let digits = trimmed.trim_end_matches('0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else if point as usize >= digits.len() {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

fn percent(value: f64, locale: Locale) -> String {
    // Whole numbers print without a fraction either way.
    let text = decimal(value);
    match locale {
        Locale::Es => format!("{} %", text.replace('.', ",")),
        Locale::En => format!("{text}%"),
    }
}

/// What a step costs, in a few words, as a list shows it: "Gratis", "Costo por confirmar",
/// "Se paga por uso" or "$1,500 MXN de una vez · $30 MXN al mes · 3,49 % por venta (precio
/// aproximado)". Never "free" for what costs or may cost.
pub fn cost_short(
    setup: f64,
    monthly: f64,
    commission_pct: f64,
    approximate: bool,
    per_use: bool,
    currency: &str,
    locale: Locale,
) -> String {
    let es = locale == Locale::Es;
    if setup == 0.0 && monthly == 0.0 && commission_pct == 0.0 {
        return match (per_use, approximate, es) {
            (true, _, true) => "Se paga por uso",
            (true, _, false) => "Pay per use",
            (false, true, true) => "Costo por confirmar",
            (false, true, false) => "Cost to be confirmed",
            (false, false, true) => "Gratis",
            (false, false, false) => "Free",
        }
        .into();
    }
    let mut parts = Vec::new();
    if setup > 0.0 {
        let once = if es { "de una vez" } else { "once" };
        parts.push(format!("{} {once}", money(setup, currency)));
    }
    if monthly > 0.0 {
        let month = if es { "al mes" } else { "a month" };
        parts.push(format!("{} {month}", money(monthly, currency)));
    }
    if commission_pct > 0.0 {
        let sale = if es { "por venta" } else { "per sale" };
        parts.push(format!("{} {sale}", percent(commission_pct, locale)));
    }
    let mut text = parts.join(" · ");
    if approximate {
        text.push_str(if es {
            " (precio aproximado)"
        } else {
            " (approximate price)"
        });
    }
    text
}

/// What a step costs, in one sentence.
pub fn cost_sentence(
    setup: f64,
    monthly: f64,
    commission_pct: f64,
    approximate: bool,
    per_use: bool,
    currency: &str,
    locale: Locale,
) -> String {
    let zero = setup == 0.0 && monthly == 0.0 && commission_pct == 0.0;
    if zero && per_use {
        return match (locale, approximate) {
            (Locale::Es, false) => "No tiene costo fijo: se paga cada vez que se usa.".into(),
            (Locale::Es, true) => {
                "No tiene costo fijo: se paga cada vez que se usa, a una tarifa que no pudimos confirmar.".into()
            }
            (Locale::En, false) => "No fixed cost: you pay each time you use it.".into(),
            (Locale::En, true) => {
                "No fixed cost: you pay each time you use it, at a rate we could not confirm.".into()
            }
        };
    }
    if zero && approximate {
        return match locale {
            Locale::Es => "El costo no está confirmado: pregunte antes de usarlo.".into(),
            Locale::En => "The cost is not confirmed: ask before using it.".into(),
        };
    }
    if zero {
        return match locale {
            Locale::Es => "No cuesta nada.".into(),
            Locale::En => "Costs nothing.".into(),
        };
    }
    let mut parts = Vec::new();
    if setup > 0.0 {
        parts.push(match locale {
            Locale::Es => format!("{} de una vez", money(setup, currency)),
            Locale::En => format!("{} once", money(setup, currency)),
        });
    }
    if monthly > 0.0 {
        parts.push(match locale {
            Locale::Es => format!("{} al mes", money(monthly, currency)),
            Locale::En => format!("{} a month", money(monthly, currency)),
        });
    }
    if commission_pct > 0.0 {
        parts.push(match locale {
            Locale::Es => format!("{} de cada venta", percent(commission_pct, locale)),
            Locale::En => format!("{} of each sale", percent(commission_pct, locale)),
        });
    }
    let list = join(&parts, locale);
    match (locale, approximate) {
        (Locale::Es, false) => format!("Cuesta {list}."),
        (Locale::Es, true) => format!("Cuesta más o menos {list} (precio aproximado)."),
        (Locale::En, false) => format!("Costs {list}."),
        (Locale::En, true) => format!("Costs about {list} (approximate price)."),
    }
}

fn join<S: AsRef<str>>(parts: &[S], locale: Locale) -> String {
    match parts {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let and = match locale {
                Locale::Es => "y",
                Locale::En => "and",
            };
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", init.join(", "), last.as_ref())
        }
    }
}

pub fn fits_budget(spent: f64, budget: f64, currency: &str, locale: Locale) -> String {
    match locale {
        Locale::Es => format!(
            "Con los pasos anteriores suma {} al mes; cabe en su presupuesto de {} al mes.",
            money(spent, currency),
            money(budget, currency)
        ),
        Locale::En => format!(
            "With the earlier steps it adds up to {} a month, within your budget of {} a month.",
            money(spent, currency),
            money(budget, currency)
        ),
    }
}

pub fn fits_once_budget(spent: f64, budget: f64, currency: &str, locale: Locale) -> String {
    match locale {
        Locale::Es => format!(
            "Con los pasos anteriores suma {} de una vez; cabe en lo que puede gastar para empezar ({}).",
            money(spent, currency),
            money(budget, currency)
        ),
        Locale::En => format!(
            "With the earlier steps it adds up to {} once, within what you can spend to start ({}).",
            money(spent, currency),
            money(budget, currency)
        ),
    }
}

/// Why a one-off cost waits: "cuando pueda".
pub fn over_once_budget(
    setup: f64,
    spent: f64,
    budget: f64,
    currency: &str,
    locale: Locale,
) -> String {
    let left = (budget - spent).max(0.0);
    match locale {
        Locale::Es => format!(
            "Cuesta {} de una vez y por ahora puede gastar {} para empezar. Cuando pueda.",
            money(setup, currency),
            money(left, currency)
        ),
        Locale::En => format!(
            "It costs {} once and for now you can spend {} to start. When you can.",
            money(setup, currency),
            money(left, currency)
        ),
    }
}

pub fn over_budget(
    monthly: f64,
    spent: f64,
    budget: f64,
    currency: &str,
    locale: Locale,
) -> String {
    match locale {
        Locale::Es => format!(
            "Cuesta {} al mes. Con los pasos anteriores ({} al mes) pasaría su presupuesto de {} al mes. Cuando pueda.",
            money(monthly, currency),
            money(spent, currency),
            money(budget, currency)
        ),
        Locale::En => format!(
            "It costs {} a month. With the earlier steps ({} a month) it would go over your budget of {} a month. When you can.",
            money(monthly, currency),
            money(spent, currency),
            money(budget, currency)
        ),
    }
}

pub fn needs_missing(requirement: &str, locale: Locale) -> String {
    match locale {
        Locale::Es => {
            format!("Necesita «{requirement}», y ningún paso a su alcance lo resuelve por ahora.")
        }
        Locale::En => {
            format!("It needs “{requirement}”, and no step within reach provides it yet.")
        }
    }
}

pub fn needs_unknown(requirement: &str, locale: Locale) -> String {
    match locale {
        Locale::Es => format!(
            "Necesita «{requirement}». Conteste las preguntas que faltan para saber si ya lo tiene."
        ),
        Locale::En => format!(
            "It needs “{requirement}”. Answer the remaining questions to know whether you already have it."
        ),
    }
}

pub fn available_here(place: &str, locale: Locale) -> String {
    match locale {
        Locale::Es => format!("Llega a donde está su negocio: {place}."),
        Locale::En => format!("It reaches where your business is: {place}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_writes_what_format_writes() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            3.6,
            0.1,
            0.30000000000000004,
            1e15,
            1e16,
            1e21,
            1.5e300,
            1e-7,
            1.5e-7,
            5e-324,
            123456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            250.5,
            100.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(decimal(x), format!("{x}"), "{x:e}");
        }
    }

    /// Found by the property below: sixteen digits whose last one Rust writes otherwise.
    #[test]
    fn sixteen_digits_read_back_the_same() {
        let x = f64::from_bits(14039259691537367400);
        let (ours, rusts) = (decimal(x), format!("{x}"));
        assert_eq!(ours.parse::<f64>(), Ok(x));
        assert_eq!(ours.len(), rusts.len());
    }

    // proptest is a native dev-dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn decimal_writes_what_format_writes_for_any_number(bits in proptest::prelude::any::<u64>()) {
            let x = f64::from_bits(bits);
            let (ours, rusts) = (decimal(x), format!("{x}"));
            let significant = |s: &str| {
                s.trim_start_matches(['-', '0', '.'])
                    .chars()
                    .filter(char::is_ascii_digit)
                    .count()
            };
            if significant(&rusts) < 16 || !x.is_finite() {
                proptest::prop_assert_eq!(ours, rusts);
            } else {
                // Sixteen or seventeen digits: the same number, the same length, the last digit
                // may differ (-94425822670341.62 here, .63 in Rust's formatting: both read
                // back to the same number).
                proptest::prop_assert_eq!(ours.parse::<f64>().unwrap(), x);
                proptest::prop_assert_eq!(ours.len(), rusts.len());
            }
        }
    }

    #[test]
    fn money_by_currency() {
        assert_eq!(money(1234.0, "MXN"), "$1,234 MXN");
        assert_eq!(money(1234.5, "MXN"), "$1,234.50 MXN");
        assert_eq!(money(25480.0, "CLP"), "$25.480 CLP");
        assert_eq!(money(1234.5, "BOB"), "Bs 1.234,50");
        assert_eq!(money(0.0, "MXN"), "$0 MXN");
        assert_eq!(money(999.0, "MXN"), "$999 MXN");
        assert_eq!(money(1000000.0, "CLP"), "$1.000.000 CLP");
    }

    #[test]
    fn cost_sentences() {
        assert_eq!(
            cost_sentence(0.0, 0.0, 0.0, false, false, "MXN", Locale::Es),
            "No cuesta nada."
        );
        assert_eq!(
            cost_sentence(0.0, 0.0, 0.0, true, false, "MXN", Locale::Es),
            "El costo no está confirmado: pregunte antes de usarlo."
        );
        assert_eq!(
            cost_sentence(0.0, 0.0, 0.0, true, true, "MXN", Locale::Es),
            "No tiene costo fijo: se paga cada vez que se usa, a una tarifa que no pudimos confirmar."
        );
        assert_eq!(
            cost_sentence(499.0, 0.0, 3.6, false, false, "MXN", Locale::Es),
            "Cuesta $499 MXN de una vez y 3,6 % de cada venta."
        );
        assert_eq!(
            cost_sentence(1500.0, 0.0, 0.0, true, false, "MXN", Locale::Es),
            "Cuesta más o menos $1,500 MXN de una vez (precio aproximado)."
        );
        assert_eq!(
            cost_sentence(0.0, 75.0, 0.0, false, false, "MXN", Locale::En),
            "Costs $75 MXN a month."
        );
    }
}
