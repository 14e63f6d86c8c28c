//! The one check every link of a pack passes before anyone can follow it: an official page's
//! address, `https://` and a plain host name, with nothing a browser would read differently
//! from a person.
//!
//! Starting with `https://` is not enough: `https://www.gob.mx@evil.example/` opens
//! `evil.example` (what comes before `@` is a user name), and a browser drops tabs and line
//! breaks from an address and reads `\` as `/`. The check is hand-written rather than a URL
//! crate because it runs in the browser's first load too (the compact reader and the results
//! view check again), where a full URL parser would cost more bytes than the whole of this
//! module; it is stricter than a URL parser, never looser: what it accepts, every browser reads
//! as the host it shows.
//!
//! The linker ([`super::Pack::link`]) reports a refused link as a diagnostic with its reason;
//! the compact reader refuses a pack holding one; the views draw a refused link as text.

/// Why a link is refused, or `Ok` when it is a plain `https` address of a named host.
pub fn check_link(url: &str) -> Result<(), &'static str> {
    match link_problem(url) {
        Some(problem) => Err(problem.message()),
        None => Ok(()),
    }
}

/// Whether `url` passes [`check_link`]. (The browser app asks only this, so the messages stay
/// out of its first load.)
pub fn is_safe_link(url: &str) -> bool {
    link_problem(url).is_none()
}

/// What is wrong with a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    NotHttps,
    OddCharacter,
    NoHost,
    UserInfo,
    PortOrIp6,
    HostCharacters,
    HostTooLong,
    OnePart,
    BadPart,
    NotADomain,
}

impl LinkProblem {
    /// The problem in words, for the pack's author.
    pub fn message(self) -> &'static str {
        match self {
            LinkProblem::NotHttps => "links must start with https://",
            LinkProblem::OddCharacter => {
                "a link may not hold spaces, line breaks, control characters, \\, \", <, > or `"
            }
            LinkProblem::NoHost => "a link needs a host name after https://",
            LinkProblem::UserInfo => {
                "a link may not hold a user name or password (an @ before the first /)"
            }
            LinkProblem::PortOrIp6 => {
                "a link may not name a port or an IPv6 address: write the plain host name"
            }
            LinkProblem::HostCharacters => {
                "a host name holds only letters a to z, digits, - and . (write accented names in their xn-- form)"
            }
            LinkProblem::HostTooLong => "a host name is at most 253 characters long",
            LinkProblem::OnePart => "a host name has at least two parts, such as gob.mx",
            LinkProblem::BadPart => {
                "each part of a host name is 1 to 63 characters and neither starts nor ends with -"
            }
            LinkProblem::NotADomain => {
                "a host name ends in a domain such as .mx or .com, not a number (no IP addresses)"
            }
        }
    }
}

/// The first problem with `url`, if any. Byte by byte (plain loops keep it small in the
/// browser's first load): what is not ASCII is allowed only after the host, where browsers
/// percent-encode it.
pub fn link_problem(url: &str) -> Option<LinkProblem> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Some(LinkProblem::NotHttps);
    };
    // Anything a browser skips or reads as something else, anywhere in the address.
    let odd = |b: &u8| *b <= b' ' || matches!(*b, 0x7f | b'\\' | b'"' | b'<' | b'>' | b'`');
    if url.as_bytes().iter().any(odd) {
        return Some(LinkProblem::OddCharacter);
    }
    let rest = rest.as_bytes();
    let end = rest
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let host = &rest[..end];
    let has = |c: u8| host.contains(&c);
    if host.is_empty() {
        return Some(LinkProblem::NoHost);
    }
    if has(b'@') {
        return Some(LinkProblem::UserInfo);
    }
    if has(b':') || has(b'[') {
        return Some(LinkProblem::PortOrIp6);
    }
    if !host
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
    {
        return Some(LinkProblem::HostCharacters);
    }
    if host.len() > 253 {
        return Some(LinkProblem::HostTooLong);
    }
    if !has(b'.') {
        return Some(LinkProblem::OnePart);
    }
    let mut top: &[u8] = &[];
    for label in host.split(|b| *b == b'.') {
        let hyphen = |b: Option<&u8>| b == Some(&b'-');
        if label.is_empty() || label.len() > 63 || hyphen(label.first()) || hyphen(label.last()) {
            return Some(LinkProblem::BadPart);
        }
        top = label;
    }
    if !(top.iter().all(u8::is_ascii_alphabetic) || top.starts_with(b"xn--")) {
        return Some(LinkProblem::NotADomain);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_pages_pass() {
        for url in [
            "https://www.gob.mx/sat",
            "https://www.sii.cl/servicios_online/1039-1183.html",
            "https://impuestos.gob.bo/",
            "https://www.mercadolibre.com.mx/ayuda/Costos-de-vender_870?q=a#tarifas",
            "https://wa.me",
            "https://xn--espaa-rta.example/ruta/con/año",
            "https://a-b.c-d.gob.mx/x?y=https://z@w",
        ] {
            assert_eq!(check_link(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn what_a_browser_would_read_differently_is_refused() {
        for (url, why) in [
            ("http://www.gob.mx/", "start with https://"),
            ("HTTPS://www.gob.mx/", "start with https://"),
            ("javascript:alert(1)", "start with https://"),
            ("https://", "needs a host"),
            ("https:///www.gob.mx", "needs a host"),
            ("https://www.gob.mx@evil.example/", "user name"),
            ("https://user:pass@www.gob.mx/", "user name"),
            ("https://evil.example\\@www.gob.mx/", "\\"),
            ("https://www.gob\n.mx@evil.example/", "line breaks"),
            ("https://www.gob\t.mx/", "line breaks"),
            ("https://www.gob.mx /", "spaces"),
            ("https://www.gob.mx:8443/", "port"),
            ("https://[::1]/", "IPv6"),
            ("https://127.0.0.1/", "not a number"),
            ("https://2130706433/", "two parts"),
            ("https://localhost/", "two parts"),
            ("https://evil%2eexample/", "only letters"),
            ("https://españa.example/", "xn--"),
            ("https://www.gob.mx./", "1 to 63"),
            ("https://-evil.example/", "1 to 63"),
            ("https://www..gob.mx/", "1 to 63"),
            ("https://www.gob.mx/\"onmouseover=", "\""),
        ] {
            let error = check_link(url).expect_err(url);
            assert!(error.contains(why), "{url}: {error}");
        }
    }
}
