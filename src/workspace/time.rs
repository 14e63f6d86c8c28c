//! Dates and times as the workspace stores them: `YYYY-MM-DD` for the day of a visit, and
//! RFC 3339 in UTC (`2026-03-14T10:15:30Z`, optionally with a fraction of a second, as
//! JavaScript's `Date.prototype.toISOString` writes) for when something was saved. No clock:
//! callers pass the time in.

use std::cmp::Ordering;

/// Whether `s` is a calendar date `YYYY-MM-DD` (years 1000 to 9999; the day exists in its
/// month, leap years included).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    year >= 1000 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Whether `s` is an RFC 3339 UTC time: `YYYY-MM-DDTHH:MM:SSZ`, with an optional fraction of
/// one to nine digits before the `Z`.
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    // `get`, not slicing: a character of several bytes may straddle byte 10 (found by the
    // hand-off fuzzer, tests/fuzz/fuzz_targets/handoff_file.rs).
    if b.len() < 20
        || !s.get(..10).is_some_and(is_date)
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return false;
    }
    let (Some(h), Some(m), Some(sec)) =
        (digits(&b[11..13]), digits(&b[14..16]), digits(&b[17..19]))
    else {
        return false;
    };
    if h > 23 || m > 59 || sec > 60 {
        return false;
    }
    match &b[19..] {
        [b'Z'] => true,
        [b'.', fraction @ .., b'Z'] => {
            (1..=9).contains(&fraction.len()) && fraction.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// Orders two timestamps of the form [`is_timestamp`] accepts by the time they name
/// (`…:30Z` before `…:30.5Z`). Anything else orders as text, after valid ones.
pub(crate) fn compare_timestamps(a: &str, b: &str) -> Ordering {
    match (is_timestamp(a), is_timestamp(b)) {
        (true, true) => a[..19].cmp(&b[..19]).then_with(|| {
            let fa = a[19..].trim_start_matches('.').trim_end_matches('Z');
            let fb = b[19..].trim_start_matches('.').trim_end_matches('Z');
            // Compare fractions digit by digit, padding the shorter with zeros.
            let width = fa.len().max(fb.len());
            let pad = |f: &str| format!("{f:0<width$}");
            pad(fa).cmp(&pad(fb))
        }),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.cmp(b),
    }
}

/// The later of two timestamps.
pub(crate) fn later<'a>(a: &'a str, b: &'a str) -> &'a str {
    if compare_timestamps(a, b) == Ordering::Less {
        b
    } else {
        a
    }
}

/// The earlier of two timestamps.
pub(crate) fn earlier<'a>(a: &'a str, b: &'a str) -> &'a str {
    if compare_timestamps(b, a) == Ordering::Less {
        b
    } else {
        a
    }
}

/// Seconds since 1970-01-01T00:00:00Z as RFC 3339 UTC (`2026-11-28T14:03:09Z`). For callers
/// that read a clock (the command line); years before 1000 or after 9999 are out of range
/// and give `None`.
pub fn timestamp_from_unix(seconds: i64) -> Option<String> {
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    ))
}

/// A date and time as the form tools' exports write it, in RFC 3339 UTC: ISO 8601 with `T` or
/// a space, seconds with an optional fraction (kept, up to nine digits), and `Z`, an offset
/// (`-06:00`, `-0600`, `-06`) or none, which is UTC (Kobo's `_submission_time`). A date alone
/// is its midnight in UTC. `None` for anything else.
///
/// `2026-12-02T09:25:00.000-06:00` is `2026-12-02T15:25:00.000Z`.
pub fn utc_from_iso(text: &str) -> Option<String> {
    let text = text.trim();
    let date = text.get(..10).filter(|d| is_date(d))?;
    let (year, month, day) = (
        digits(&date.as_bytes()[0..4])?,
        digits(&date.as_bytes()[5..7])?,
        digits(&date.as_bytes()[8..10])?,
    );
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(format!("{date}T00:00:00Z"));
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let b = rest.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (digits(&b[0..2])?, digits(&b[3..5])?, digits(&b[6..8])?);
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &rest[8..];
    let mut fraction = "";
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=9).contains(&n) {
            return None;
        }
        fraction = &after[..n];
        rest = &after[n..];
    }
    let offset_minutes: i64 = match rest.as_bytes() {
        [] | [b'Z'] => 0,
        [sign @ (b'+' | b'-'), zone @ ..] => {
            let (h, m) = match zone {
                [h1, h2] => (digits(&[*h1, *h2])?, 0),
                [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => {
                    (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?)
                }
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i64::from(h * 60 + m);
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    // A leap second stays on its minute: 23:59:60 is not moved into the next day.
    let seconds = days_from_civil(i64::from(year), month, day) * 86_400
        + i64::from(hour * 3600 + minute * 60 + second.min(59))
        - offset_minutes * 60;
    let whole = timestamp_from_unix(seconds)?;
    let whole = match second {
        60 => whole.replacen(":59Z", ":60Z", 1),
        _ => whole,
    };
    Some(match fraction {
        "" => whole,
        f => format!("{}.{f}Z", &whole[..19]),
    })
}

/// The days from 1970-01-01 to a date (Howard Hinnant's days-from-civil algorithm, the inverse
/// of [`civil_from_days`]).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year, month (1-12) and day (1-31) of a day counted from 1970-01-01 (Howard Hinnant's
/// civil-from-days algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_of_several_bytes_where_the_date_ends_is_not_a_timestamp() {
        // The hand-off fuzzer's finding: this panicked (a byte slice through 'ı̱').
        assert!(!is_timestamp("2026-03-1\u{331}15:02:11.482Z"));
        assert!(!is_timestamp("2026-03-ñ4T15:02:11Z"));
        assert!(!is_timestamp("ñññññññññññññññññññññ"));
        assert_eq!(
            compare_timestamps("2026-03-1\u{331}1Z", "2026-03-14T15:02:11Z"),
            Ordering::Greater
        );
        // And the file it came in is refused with a message, not a crash.
        let file = r#"{"schema":"umbral.handoff/2","exported_at":"2026-11-28T12:00:00Z","app_version":"0.1.0","enterprises":[{"id":"a1","name":"Tejidos Ana","country":"MX","created":"2026-03-1\u0331 15:02:11.482Z","updated":"2026-03-14T15:02:11.482Z","edits":{"d1":1},"visits":[]}]}"#;
        let errors = crate::workspace::handoff::decode(file).unwrap_err();
        assert_eq!(errors.0[0].path, "enterprises[0].created");
    }

    #[test]
    fn dates() {
        for good in ["2026-03-14", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2026-3-14",
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-00-10",
            "2026-01-00",
            "0999-01-01",
            "2026/03/14",
            "2026-03-14T00:00:00Z",
            "２０２６-03-14",
            "",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn timestamps() {
        for good in [
            "2026-03-14T10:15:30Z",
            "2026-03-14T10:15:30.1Z",
            "2026-03-14T23:59:60.123456789Z",
        ] {
            assert!(is_timestamp(good), "{good}");
        }
        for bad in [
            "2026-03-14T10:15:30",
            "2026-03-14T10:15:30+01:00",
            "2026-03-14 10:15:30Z",
            "2026-03-14T24:00:00Z",
            "2026-03-14T10:15:30.Z",
            "2026-03-14T10:15:30.1234567890Z",
            "2026-02-30T10:15:30Z",
            "2026-03-14t10:15:30z",
            "2026-03-14T10:1é:30Z",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn timestamps_order_by_time() {
        use Ordering::*;
        assert_eq!(
            compare_timestamps("2026-03-14T10:15:30Z", "2026-03-14T10:15:30.5Z"),
            Less
        );
        assert_eq!(
            compare_timestamps("2026-03-14T10:15:30.5Z", "2026-03-14T10:15:30.50Z"),
            Equal
        );
        assert_eq!(
            compare_timestamps("2026-03-14T10:15:31Z", "2026-03-14T10:15:30.999Z"),
            Greater
        );
        assert_eq!(
            later("2026-03-14T10:15:30Z", "2026-03-14T10:15:30.5Z"),
            "2026-03-14T10:15:30.5Z"
        );
        assert_eq!(
            earlier("2026-03-14T10:15:30Z", "2026-03-14T10:15:30.5Z"),
            "2026-03-14T10:15:30Z"
        );
        assert_eq!(
            compare_timestamps("garbage", "2026-03-14T10:15:30Z"),
            Greater
        );
    }

    #[test]
    fn export_times_in_utc() {
        for (given, utc) in [
            ("2026-12-02T15:04:05", "2026-12-02T15:04:05Z"),
            ("2026-12-02T15:04:05.000Z", "2026-12-02T15:04:05.000Z"),
            ("2026-12-02T09:25:00.000-06:00", "2026-12-02T15:25:00.000Z"),
            ("2026-12-02T20:25:00-0600", "2026-12-03T02:25:00Z"),
            ("2026-01-01T01:00:00+05", "2025-12-31T20:00:00Z"),
            ("2024-02-29 23:30:00-03:00", "2024-03-01T02:30:00Z"),
            (" 2026-12-02 ", "2026-12-02T00:00:00Z"),
            ("2026-06-30T23:59:60Z", "2026-06-30T23:59:60Z"),
        ] {
            assert_eq!(utc_from_iso(given).as_deref(), Some(utc), "{given}");
            assert!(is_timestamp(utc));
        }
        for bad in [
            "",
            "ayer",
            "2026-02-30T10:00:00",
            "2026-12-02T25:00:00",
            "2026-12-02T10:00",
            "2026-12-02T10:00:00.Z",
            "2026-12-02T10:00:00+5",
            "2026-12-02T10:00:00 -06:00",
            "2026-12-02X10:00:00",
            "02/12/2026 10:00",
        ] {
            assert_eq!(utc_from_iso(bad), None, "{bad}");
        }
        for days in [-800_000, -1, 0, 59, 20_000, 2_900_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn unix_seconds_to_rfc3339() {
        assert_eq!(timestamp_from_unix(0).unwrap(), "1970-01-01T00:00:00Z");
        assert_eq!(
            timestamp_from_unix(1_795_000_000).unwrap(),
            "2026-11-18T11:06:40Z"
        );
        assert_eq!(
            timestamp_from_unix(951_782_400).unwrap(),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(timestamp_from_unix(-1).unwrap(), "1969-12-31T23:59:59Z");
        assert_eq!(timestamp_from_unix(i64::MAX / 1000), None);
        assert!(is_timestamp(&timestamp_from_unix(1_795_000_000).unwrap()));
    }
}
