//! Calendar months (UTC) and the clock: the ranking's unit of time.

use std::fmt;
use std::str::FromStr;

/// A calendar month, e.g. `2026-11`. Months are UTC: a session belongs to the month its end
/// time falls in, in UTC, wherever the station is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
}

/// A month that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a month; write it as YYYY-MM, e.g. 2026-11")]
pub struct BadMonth(pub String);

impl FromStr for Month {
    type Err = BadMonth;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadMonth(s.chars().take(40).collect());
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        let year = y.parse::<i32>().ok().filter(|n| (1970..=9999).contains(n) && y.len() == 4).ok_or_else(bad)?;
        let month = m.parse::<u8>().ok().filter(|m| (1..=12).contains(m)).ok_or_else(bad)?;
        Ok(Month { year, month })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Month {
    /// The month a Unix time (milliseconds) falls in, UTC.
    pub fn of_millis(ms: i64) -> Month {
        let (year, month, _) = civil_from_days(ms.div_euclid(86_400_000));
        Month { year, month }
    }

    /// The current month.
    pub fn now() -> Month {
        Month::of_millis(now_ms())
    }

    /// The month before.
    pub fn previous(self) -> Month {
        if self.month == 1 { Month { year: self.year - 1, month: 12 } } else { Month { month: self.month - 1, ..self } }
    }

    /// The month after.
    pub fn next(self) -> Month {
        if self.month == 12 { Month { year: self.year + 1, month: 1 } } else { Month { month: self.month + 1, ..self } }
    }

    /// First millisecond of the month (UTC), Unix time.
    pub fn start_ms(self) -> i64 {
        days_from_civil(self.year, self.month, 1) * 86_400_000
    }

    /// First millisecond after the month.
    pub fn end_ms(self) -> i64 {
        self.next().start_ms()
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// `2026-11-23 14:05 UTC` for a Unix time in milliseconds.
pub fn format_ms(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let secs = ms.rem_euclid(86_400_000) / 1000;
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02} UTC", secs / 3600, secs / 60 % 60)
}

/// A Unix time (ms) as a date and UTC time in the order and notation of `lang`.
pub fn format_ms_in(lang: crate::l10n::Lang, ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(86_400_000));
    let secs = ms.rem_euclid(86_400_000) / 1000;
    let date = lang.date(y, u32::from(m), u32::from(d));
    format!("{date} {:02}:{:02} UTC", secs / 3600, secs / 60 % 60)
}

/// ISO 8601 (`2026-11-23T14:05:09.120Z`) for a Unix time in milliseconds.
pub fn iso8601(ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(86_400_000));
    let t = ms.rem_euclid(86_400_000);
    let s = t / 1000;
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z", s / 3600, s / 60 % 60, s % 60, t % 1000)
}

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (days since 1970-01-01).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_round_trip_through_days() {
        for (text, start) in [("1970-01", 0), ("2026-11", 1_793_491_200_000), ("2024-03", 1_709_251_200_000)] {
            let m: Month = text.parse().expect("month");
            assert_eq!((m.to_string(), m.start_ms()), (text.to_string(), start));
            assert_eq!(Month::of_millis(m.start_ms()), m);
            assert_eq!(Month::of_millis(m.end_ms() - 1), m);
        }
        assert_eq!("2026-01".parse::<Month>().map(Month::previous), "2025-12".parse());
        assert_eq!(iso8601(1_793_491_200_000 + 3_723_004), "2026-11-01T01:02:03.004Z");
        for bad in ["2026-13", "2026-0", "26-11", "2026/11", "", "2026-1x"] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
    }
}
