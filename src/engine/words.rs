//! The engine's own sentences (why a step was chosen or left out) and money formatting, in
//! every locale. Everything else a report says comes from the pack.

use super::locale::Locale;

/// Declares a table of fixed texts, `$name`, from the list of its texts, and `$source`, the
/// same texts written by name, which a locale's table is built from (see [`Packed`]).
///
/// `$name` has the other fields written before the `;` (`pub name: Type,`), a [`Table`] of the
/// texts, a method per text that gives it, and `fixed_texts`, which lists every text with its
/// key (the method's name) for translators, and `notes`, each text's documentation, which the
/// translator's file shows beside it. One list, so no text can be left out of either;
/// `$source`'s named fields, so no locale can leave one out or put one in another's place.
/// `$prefix` (`as "app"`) begins the keys of its texts in a translation file (`app.start`):
/// what lists them for translators and what reads them back both take it from the table.
macro_rules! texts_table {
    (
        $(#[$meta:meta])*
        pub struct $name:ident from $source:ident as $prefix:literal {
            $($(#[$other_doc:meta])* pub $other:ident: $other_type:ty,)*
            ;
            $($(#[doc = $doc:literal])* $field:ident,)*
        }
    ) => {
        /// The texts of one locale's table, by name: what the table is packed from.
        pub struct $source {
            $(pub $field: &'static str,)*
        }

        impl $source {
            /// Every text's key, in the table's order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field),)*];
            /// How many texts there are.
            pub const COUNT: usize = Self::KEYS.len();
            /// Each text's documentation, in the table's order (empty when it has none): what a
            /// translator is told of it.
            pub const NOTES: &'static [&'static str] = &[$(concat!($($doc, "\n",)*),)*];

            /// The texts in the table's order.
            pub const fn parts(&self) -> [&'static str; Self::COUNT] {
                [$(self.$field,)*]
            }

            /// The bytes of every text together.
            pub const fn bytes(&self) -> usize {
                $crate::engine::words::total_len(&self.parts())
            }
        }

        $(#[$meta])*
        pub struct $name {
            $($(#[$other_doc])* pub $other: $other_type,)*
            pub texts: $crate::engine::words::Table,
        }

        impl $crate::engine::locale::Words for $name {
            fn added() -> &'static std::sync::Mutex<
                Vec<($crate::engine::locale::Added, &'static Self)>,
            > {
                static ADDED: std::sync::Mutex<
                    Vec<($crate::engine::locale::Added, &'static $name)>,
                > = std::sync::Mutex::new(Vec::new());
                &ADDED
            }
        }

        impl $name {
            /// What begins the keys of this table's texts in a translation file (`app.start`).
            pub fn prefix(&self) -> &'static str {
                $prefix
            }

            $(
                $(#[doc = $doc])*
                #[inline(always)]
                pub fn $field(&self) -> &'static str {
                    const AT: usize =
                        $crate::engine::words::position($source::KEYS, stringify!($field));
                    self.texts.get(AT)
                }
            )*

            /// Each text's documentation (the source's `NOTES`), in the order of
            /// [`fixed_texts`](Self::fixed_texts).
            pub fn notes(&self) -> &'static [&'static str] {
                $source::NOTES
            }

            /// This table with the text `translation` gives for a key (a text's method's name)
            /// in place of this table's, which stays where it gives none: an added language's
            /// table ([`Language`](crate::engine::Language)), built over the Spanish one. The
            /// other fields are this table's. An error when the texts together are over 64 KB.
            pub fn translated(
                &self,
                translation: &dyn Fn(&str) -> Option<String>,
            ) -> Result<Self, String> {
                Ok($name {
                    $($other: self.$other,)*
                    texts: self.texts.translated($source::KEYS, translation)?,
                })
            }

            /// The text keyed `key` (its method's name), when the table has one.
            pub fn text(&self, key: &str) -> Option<&'static str> {
                let at = $source::KEYS.iter().position(|k| *k == key)?;
                Some(self.texts.get(at))
            }

            /// Every text of the table with its key (its method's name): what a translation
            /// translates.
            pub fn fixed_texts(&self) -> Vec<(&'static str, &'static str)> {
                $source::KEYS
                    .iter()
                    .enumerate()
                    .map(|(i, key)| (*key, self.texts.get(i)))
                    .collect()
            }
        }
    };
}
pub(crate) use texts_table;

/// Declares one locale's table of a `texts_table!`: its other fields before the `;`, then
/// every text by name, packed at compile time.
///
/// ```ignore
/// texts_static! {
///     pub static LINK_ES: LinkWords from LinkSource {
///         ;
///         changed: "Este enlace está incompleto…",
///         other_version: "Este enlace es de otra versión…",
///     }
/// }
/// ```
macro_rules! texts_static {
    (
        $vis:vis static $name:ident: $table:ident from $source:ident {
            $($other:ident: $other_value:expr,)*
            ;
            $($field:ident: $text:expr,)*
        }
    ) => {
        $vis static $name: $table = {
            const SOURCE: $source = $source { $($field: $text,)* };
            static PACKED: $crate::engine::words::Packed<{ $source::COUNT }, { SOURCE.bytes() }> =
                $crate::engine::words::Packed::new(SOURCE.parts());
            $table {
                $($other: $other_value,)*
                texts: PACKED.table(),
            }
        };
    };
}
pub(crate) use texts_static;

/// One locale's texts of a table, packed: every text one after the other in `bytes`, and where
/// each ends. Two bytes a text where a `&str` takes eight; what the entrepreneur app's first
/// load gained by it is in BENCHMARKS.md ("Issue 15: the words as data"). One string per table
/// is also what a translation loaded at run time would be.
pub struct Packed<const N: usize, const LEN: usize> {
    bytes: [u8; LEN],
    ends: [u16; N],
}

impl<const N: usize, const LEN: usize> Packed<N, LEN> {
    /// Packs `parts` at compile time; `LEN` must be their length together ([`total_len`]).
    pub const fn new(parts: [&str; N]) -> Self {
        let mut bytes = [0u8; LEN];
        let mut ends = [0u16; N];
        let mut at = 0;
        let mut i = 0;
        while i < N {
            let part = parts[i].as_bytes();
            let mut j = 0;
            while j < part.len() {
                bytes[at] = part[j];
                at += 1;
                j += 1;
            }
            assert!(at <= u16::MAX as usize, "a table of texts is over 64 KB");
            ends[i] = at as u16;
            i += 1;
        }
        assert!(at == LEN, "LEN is not the texts' length");
        Packed { bytes, ends }
    }

    /// The table, as every locale's is held.
    pub const fn table(&'static self) -> Table {
        Table {
            bytes: &self.bytes,
            ends: &self.ends,
        }
    }
}

/// The length of `parts` together.
pub const fn total_len(parts: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < parts.len() {
        len += parts[i].len();
        i += 1;
    }
    len
}

/// Where `key` is in `keys`, at compile time (a key that is not there stops the build).
pub const fn position(keys: &[&str], key: &str) -> usize {
    let mut i = 0;
    while i < keys.len() {
        let (a, b) = (keys[i].as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("no such text")
}

/// A locale's packed texts of one table, whatever their number and length.
#[derive(Clone, Copy)]
pub struct Table {
    bytes: &'static [u8],
    ends: &'static [u16],
}

impl Table {
    /// This table with the text `translation` gives for a key of `keys` (the table's, in its
    /// order) in place of this table's, kept for the rest of the run (an added language's
    /// tables are made once). An error when the texts together are over 64 KB.
    pub fn translated(
        &self,
        keys: &[&str],
        translation: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Table, String> {
        let texts: Vec<String> = (keys.iter().enumerate())
            .map(|(i, key)| translation(key).unwrap_or_else(|| self.get(i).to_string()))
            .collect();
        Table::of(&texts).ok_or_else(|| "over 64 KB, more than a table can hold".to_string())
    }

    /// The table of `texts`, in their order, kept for the rest of the run (an added language's
    /// tables are made once); `None` when they are over 64 KB together.
    pub fn of(texts: &[String]) -> Option<Table> {
        let mut bytes = Vec::new();
        let mut ends = Vec::with_capacity(texts.len());
        for text in texts {
            bytes.extend_from_slice(text.as_bytes());
            ends.push(u16::try_from(bytes.len()).ok()?);
        }
        Some(Table {
            bytes: Vec::leak(bytes),
            ends: Vec::leak(ends),
        })
    }

    /// Text `i`; empty past the end.
    pub fn get(&self, i: usize) -> &'static str {
        let start = match i.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        // Each text was a whole `&str`, so its bytes are UTF-8.
        self.bytes
            .get(usize::from(start)..usize::from(end))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// Fills a template: each `{name}` becomes the value given for `name` ("Pregunta {at} de
/// {total}"). A name with no value, or a brace that closes nothing, is kept as written, so
/// a faulty translation shows where it is wrong instead of losing words (`umbral validate`
/// refuses one whose names differ from the Spanish's). The names are those
/// [`template_names`] finds: the same scan serves both.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, name, after)) = next_name(rest) {
        out.push_str(before);
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The names a template fills, in order: `{at}` and `{total}` of "Pregunta {at} de {total}".
pub fn template_names(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some((_, name, after)) = next_name(rest) {
        names.push(name);
        rest = after;
    }
    names
}

/// The first `{name}` of `text` (a name is ASCII letters, digits and `_`): the text before
/// it, the name and the text after it. Other braces are text.
fn next_name(text: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let after = &text[open + 1..];
        if let Some(close) = after.find(['}', '{']) {
            let name = &after[..close];
            let is_name =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if after[close..].starts_with('}') && is_name {
                return Some((&text[..open], name, &after[close + 1..]));
            }
        }
        from = open + 1;
    }
    None
}

texts_table! {
    /// The engine's own sentences in one locale: a step's cost and why a step waits or is left
    /// out. Templates name their values in braces.
    pub struct Sentences from SentencesSource as "engine" {
        pub locale: Locale,
        ;
        /// A step that costs nothing, in a list of steps.
        cost_free,
        /// A step paid each time it is used, with no fixed cost, in a list of steps.
        cost_per_use,
        /// A step whose cost could not be confirmed, in a list of steps.
        cost_to_confirm,
        /// A one-off cost: "$1,500 MXN de una vez". `{amount}` is the amount with its currency.
        once,
        /// A monthly cost: "$30 MXN al mes".
        monthly,
        /// A commission, in a list of steps: "3,49 % por venta". `{percent}` is written by
        /// `percent`.
        per_sale,
        /// An approximate cost in a list of steps: `{cost}` is the cost in a few words.
        approximate,
        /// A percentage: "3,49 %". `{number}` is the number, with `decimal_mark`.
        percent,
        /// The decimal mark of a percentage: ",".
        decimal_mark,
        /// The cost of a step paid each time it is used, as a sentence.
        costs_per_use,
        /// The same, when the rate could not be confirmed.
        costs_per_use_to_confirm,
        /// A cost that could not be confirmed, as a sentence.
        costs_to_confirm,
        /// A step that costs nothing, as a sentence.
        costs_nothing,
        /// A commission in a sentence: "3,6 % de cada venta".
        of_each_sale,
        /// A step's cost as a sentence: "Cuesta $499 MXN de una vez y 3,6 % de cada venta.".
        /// `{list}` is its parts (`once`, `monthly`, `of_each_sale`), joined by ", " and `and`.
        costs,
        /// The same, when the price is approximate.
        costs_about,
        /// The word that joins the last item of a list: "y".
        and,
        /// Why a step with a monthly cost is in the plan now: `{spent}` is what it and the
        /// steps before it add up to a month, `{budget}` what the owner can spend a month.
        fits_budget,
        /// Why a step with a one-off cost is in the plan now: `{spent}` is what it and the
        /// steps before it add up to once, `{budget}` what the owner can spend to start.
        fits_once_budget,
        /// Why a one-off cost waits for later: `{setup}` is its cost, `{left}` what the owner
        /// can still spend to start.
        over_once_budget,
        /// Why a monthly cost waits for later: `{monthly}` is its cost a month, `{spent}` what
        /// the steps before it add up to a month, `{budget}` what the owner can spend a month.
        over_budget,
        /// Why a way of selling is out of reach: `{requirement}` is what it needs, in the
        /// pack's words.
        needs_missing,
        /// What a way of selling needs when answers are missing to tell whether the business
        /// has it: `{requirement}` is what it needs.
        needs_unknown,
        /// Why a step fits where the business is: `{place}` is the owner's answer to where the
        /// business is (the pack's option, such as "En un pueblo").
        available_here,
    }
}

/// The engine's sentences in `locale`.
pub fn sentences(locale: Locale) -> &'static Sentences {
    locale.pick(&SENTENCES_ES, &SENTENCES_EN)
}

texts_static! {
    pub static SENTENCES_ES: Sentences from SentencesSource {
        locale: Locale::Es,
        ;
        cost_free: "Gratis",
        cost_per_use: "Se paga por uso",
        cost_to_confirm: "Costo por confirmar",
        once: "{amount} de una vez",
        monthly: "{amount} al mes",
        per_sale: "{percent} por venta",
        approximate: "{cost} (precio aproximado)",
        percent: "{number} %",
        decimal_mark: ",",
        costs_per_use: "No tiene costo fijo: se paga cada vez que se usa.",
        costs_per_use_to_confirm:
            "No tiene costo fijo: se paga cada vez que se usa, a una tarifa que no pudimos \
             confirmar.",
        costs_to_confirm: "El costo no está confirmado: pregunte antes de usarlo.",
        costs_nothing: "No cuesta nada.",
        of_each_sale: "{percent} de cada venta",
        costs: "Cuesta {list}.",
        costs_about: "Cuesta más o menos {list} (precio aproximado).",
        and: "y",
        fits_budget:
            "Con los pasos anteriores suma {spent} al mes; cabe en su presupuesto de {budget} al \
             mes.",
        fits_once_budget: "Con los pasos anteriores suma {spent} de una vez; cabe en lo que puede \
                           gastar para empezar ({budget}).",
        over_once_budget:
            "Cuesta {setup} de una vez y por ahora puede gastar {left} para empezar. Cuando pueda.",
        over_budget: "Cuesta {monthly} al mes. Con los pasos anteriores ({spent} al mes) pasaría \
                      su presupuesto de {budget} al mes. Cuando pueda.",
        needs_missing: "Necesita «{requirement}», y ningún paso a su alcance lo resuelve por \
                        ahora.",
        needs_unknown: "Necesita «{requirement}». Conteste las preguntas que faltan para saber si \
                        ya lo tiene.",
        available_here: "Llega a donde está su negocio: {place}.",
    }
}

texts_static! {
    pub static SENTENCES_EN: Sentences from SentencesSource {
        locale: Locale::En,
        ;
        cost_free: "Free",
        cost_per_use: "Pay per use",
        cost_to_confirm: "Cost to be confirmed",
        once: "{amount} once",
        monthly: "{amount} a month",
        per_sale: "{percent} per sale",
        approximate: "{cost} (approximate price)",
        percent: "{number}%",
        decimal_mark: ".",
        costs_per_use: "No fixed cost: you pay each time you use it.",
        costs_per_use_to_confirm:
            "No fixed cost: you pay each time you use it, at a rate we could not confirm.",
        costs_to_confirm: "The cost is not confirmed: ask before using it.",
        costs_nothing: "Costs nothing.",
        of_each_sale: "{percent} of each sale",
        costs: "Costs {list}.",
        costs_about: "Costs about {list} (approximate price).",
        and: "and",
        fits_budget:
            "With the earlier steps it adds up to {spent} a month, within your budget of {budget} \
             a month.",
        fits_once_budget: "With the earlier steps it adds up to {spent} once, within what you can \
                           spend to start ({budget}).",
        over_once_budget:
            "It costs {setup} once and for now you can spend {left} to start. When you can.",
        over_budget: "It costs {monthly} a month. With the earlier steps ({spent} a month) it \
                      would go over your budget of {budget} a month. When you can.",
        needs_missing: "It needs “{requirement}”, and no step within reach provides it yet.",
        needs_unknown: "It needs “{requirement}”. Answer the remaining questions to know whether \
                        you already have it.",
        available_here: "It reaches where your business is: {place}.",
    }
}

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
    let w = sentences(locale);
    let number = decimal(value).replace('.', w.decimal_mark());
    fill(w.percent(), &[("number", &number)])
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
    let w = sentences(locale);
    if setup == 0.0 && monthly == 0.0 && commission_pct == 0.0 {
        return match (per_use, approximate) {
            (true, _) => w.cost_per_use(),
            (false, true) => w.cost_to_confirm(),
            (false, false) => w.cost_free(),
        }
        .into();
    }
    let text = parts(
        setup,
        monthly,
        commission_pct,
        w.per_sale(),
        currency,
        locale,
    )
    .join(" · ");
    if approximate {
        fill(w.approximate(), &[("cost", &text)])
    } else {
        text
    }
}

/// A cost's parts, each with its amount: once, a month, of each sale (`per_sale`).
fn parts(
    setup: f64,
    monthly: f64,
    commission_pct: f64,
    per_sale: &str,
    currency: &str,
    locale: Locale,
) -> Vec<String> {
    let w = sentences(locale);
    let mut parts = Vec::new();
    if setup > 0.0 {
        parts.push(fill(w.once(), &[("amount", &money(setup, currency))]));
    }
    if monthly > 0.0 {
        parts.push(fill(w.monthly(), &[("amount", &money(monthly, currency))]));
    }
    if commission_pct > 0.0 {
        let percent = percent(commission_pct, locale);
        parts.push(fill(per_sale, &[("percent", &percent)]));
    }
    parts
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
    let w = sentences(locale);
    let zero = setup == 0.0 && monthly == 0.0 && commission_pct == 0.0;
    if zero {
        return match (per_use, approximate) {
            (true, false) => w.costs_per_use(),
            (true, true) => w.costs_per_use_to_confirm(),
            (false, true) => w.costs_to_confirm(),
            (false, false) => w.costs_nothing(),
        }
        .into();
    }
    let parts = parts(
        setup,
        monthly,
        commission_pct,
        w.of_each_sale(),
        currency,
        locale,
    );
    let list = join(&parts, w.and());
    let template = if approximate {
        w.costs_about()
    } else {
        w.costs()
    };
    fill(template, &[("list", &list)])
}

/// "a, b y c".
fn join(parts: &[String], and: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

pub fn fits_budget(spent: f64, budget: f64, currency: &str, locale: Locale) -> String {
    fill(
        sentences(locale).fits_budget(),
        &[
            ("spent", &money(spent, currency)),
            ("budget", &money(budget, currency)),
        ],
    )
}

pub fn fits_once_budget(spent: f64, budget: f64, currency: &str, locale: Locale) -> String {
    fill(
        sentences(locale).fits_once_budget(),
        &[
            ("spent", &money(spent, currency)),
            ("budget", &money(budget, currency)),
        ],
    )
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
    fill(
        sentences(locale).over_once_budget(),
        &[
            ("setup", &money(setup, currency)),
            ("left", &money(left, currency)),
        ],
    )
}

pub fn over_budget(
    monthly: f64,
    spent: f64,
    budget: f64,
    currency: &str,
    locale: Locale,
) -> String {
    fill(
        sentences(locale).over_budget(),
        &[
            ("monthly", &money(monthly, currency)),
            ("spent", &money(spent, currency)),
            ("budget", &money(budget, currency)),
        ],
    )
}

pub fn needs_missing(requirement: &str, locale: Locale) -> String {
    fill(
        sentences(locale).needs_missing(),
        &[("requirement", requirement)],
    )
}

pub fn needs_unknown(requirement: &str, locale: Locale) -> String {
    fill(
        sentences(locale).needs_unknown(),
        &[("requirement", requirement)],
    )
}

pub fn available_here(place: &str, locale: Locale) -> String {
    fill(sentences(locale).available_here(), &[("place", place)])
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
    fn an_added_language_has_its_tables_and_spanish_where_it_has_none() {
        use crate::engine::locale::Language;
        let translated: &dyn Fn(&str) -> Option<String> = &|key| match key {
            "and" => Some("[prueba] y".into()),
            "cost_free" => Some(String::new()),
            _ => None,
        };
        let spanish = sentences(Locale::Es);
        let locale = Language::add("qaa", "Prueba").unwrap();
        assert_eq!((locale.code(), locale.name()), ("qaa", "Prueba"));
        // Before it is given its tables, and for a table it is not given, it has Spanish.
        assert!(std::ptr::eq(sentences(locale), spanish));
        let words = Sentences {
            locale,
            ..spanish.translated(translated).unwrap()
        };
        locale.give(words);
        let w = sentences(locale);
        assert_eq!(w.locale, locale);
        assert_eq!(w.and(), "[prueba] y");
        // An empty translation is one, and every other text is the Spanish.
        assert_eq!(w.cost_free(), "");
        assert_eq!(w.cost_per_use(), spanish.cost_per_use());
        assert_eq!(w.available_here(), spanish.available_here());
        assert!(std::ptr::eq(
            crate::engine::brief::brief_words(locale),
            &crate::engine::brief::BRIEF_ES
        ));
        // Languages added later are others; Spanish and English are as they were.
        let other = Language::add("qab", "Otra").unwrap();
        assert_ne!(other, locale);
        assert_eq!(other.code(), "qab");
        assert_eq!(sentences(Locale::En).and(), "and");
        assert_eq!(Locale::parse("qaa"), None);
        // A table over 64 KB is refused (the command line names which).
        let long: &dyn Fn(&str) -> Option<String> = &|_| Some("x".repeat(3_000));
        let error = spanish.translated(long).err().unwrap();
        assert!(error.contains("over 64 KB"), "{error}");
    }

    #[test]
    fn fill_puts_each_value_in_its_place() {
        let values = [("at", "3"), ("total", "27")];
        assert_eq!(
            fill("Pregunta {at} de {total}", &values),
            "Pregunta 3 de 27"
        );
        assert_eq!(fill("{total}/{at}/{at}", &values), "27/3/3");
        // What names no value, or closes nothing, stays as written.
        assert_eq!(fill("{at} {nada} {", &values), "3 {nada} {");
        assert_eq!(fill("{{at}}", &values), "{3}");
        assert_eq!(fill("sin nada", &values), "sin nada");
        assert_eq!(
            fill("«{x}»", &[("x", "Mercado «en» línea")]),
            "«Mercado «en» línea»"
        );
    }

    #[test]
    fn a_packed_table_gives_back_each_text() {
        static PACKED: Packed<4, 11> = Packed::new(["uno", "", "dós", "tres"]);
        let table = PACKED.table();
        assert_eq!(
            (0..5).map(|i| table.get(i)).collect::<Vec<_>>(),
            ["uno", "", "dós", "tres", ""]
        );
        assert_eq!(total_len(&["uno", "", "dós", "tres"]), 11);
        assert_eq!(position(&["a", "ab", "b"], "ab"), 1);
        assert_eq!(position(&["a", "ab", "b"], "b"), 2);
        // Each method gives its own text, and the list has them all in order.
        let w = sentences(Locale::Es);
        assert_eq!(w.cost_free(), "Gratis");
        assert_eq!(
            w.available_here(),
            "Llega a donde está su negocio: {place}."
        );
        let texts = w.fixed_texts();
        assert_eq!(texts.len(), SentencesSource::COUNT);
        assert_eq!(texts[0], ("cost_free", "Gratis"));
        assert_eq!(
            texts.last(),
            Some(&("available_here", "Llega a donde está su negocio: {place}."))
        );
        assert!(texts.iter().all(|(_, t)| !t.is_empty()));
    }

    #[test]
    fn template_names_in_order() {
        assert_eq!(template_names("Pregunta {at} de {total}"), ["at", "total"]);
        assert_eq!(template_names("{a}{b_1} { } {c d} {"), ["a", "b_1"]);
        assert_eq!(template_names("{{x}}"), ["x"]);
        assert!(template_names("Gratis").is_empty());
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
