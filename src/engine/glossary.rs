//! Words in texts, for the pack's glossary: which acronyms a text uses (linking insists that
//! every acronym an owner reads has a plain "¿Qué es?") and whether it uses a given term
//! (`Pack::terms_in`).

/// The acronyms in `text`: words of two or more letters, all capitals (digits allowed), such
/// as "RFC", "IVA" or "SENASAG", each once, in order of first use.
pub fn acronyms(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        if letters >= 2 && capitals && !found.contains(&word) {
            found.push(word);
        }
    }
    found
}

/// Whether `text` uses `term` as a word of its own (not inside a longer word). A term in
/// capitals ("RFC") is matched as written; one with small letters ("chip") also where a
/// sentence starts with it ("Chip de CFE").
///
/// The browser app runs this on every screen, so it asks nothing of Unicode's tables (which
/// would add kilobytes to the first load): letters outside ASCII count as parts of words, but
/// for the punctuation Spanish puts around them.
pub fn mentions(text: &str, term: &str) -> bool {
    if term.is_empty() || term.len() > text.len() {
        return false;
    }
    let fold = term.bytes().any(|b| b.is_ascii_lowercase());
    let edge = |c: Option<char>| match c {
        None => true,
        Some(c) if c.is_ascii() => !c.is_ascii_alphanumeric(),
        Some(c) => "«»¿¡“”‘’—–…·".contains(c),
    };
    let (text_bytes, term_bytes) = (text.as_bytes(), term.as_bytes());
    (0..=text.len() - term.len()).any(|at| {
        let here = &text_bytes[at..at + term.len()];
        let same = if fold {
            here.eq_ignore_ascii_case(term_bytes)
        } else {
            here == term_bytes
        };
        same && text.is_char_boundary(at)
            && text.is_char_boundary(at + term.len())
            && edge(text[..at].chars().next_back())
            && edge(text[at + term.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_words_in_capitals() {
        assert_eq!(
            acronyms("Saque su RFC en el SAT (con su CURP); RFC otra vez, 4G, Mx, A."),
            ["RFC", "SAT", "CURP"]
        );
        assert_eq!(acronyms("Pague en OXXO o por SPEI2"), ["OXXO", "SPEI2"]);
        assert!(acronyms("Sin siglas aquí.").is_empty());
    }

    #[test]
    fn a_term_is_mentioned_only_as_a_word_of_its_own() {
        assert!(mentions("Sacar su e.firma — Gratis", "e.firma"));
        assert!(mentions("IVA", "IVA"));
        assert!(mentions("(IVA)", "IVA"));
        assert!(!mentions("NIVA", "IVA"));
        assert!(!mentions("IVAs", "IVA"));
        assert!(!mentions("algo", ""));
        assert!(mentions("Chip de CFE", "chip"));
        assert!(!mentions("rfc", "RFC"));
        assert!(mentions("«RFC»", "RFC"));
        assert!(mentions("su cédula vigente", "cédula"));
        assert!(!mentions("RFCé", "RFC"));
        assert!(!mentions("ñ", "RFC"));
    }
}
