use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), serialised as `YYYY-MM-DD`.
///
/// dyad needs only day resolution: document dates, event dates and the start and end of
/// a role. Arithmetic goes through a day number so "last Tuesday" and week windows are
/// exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date {:?}: expected YYYY-MM-DD", self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// `None` when the day does not exist (2023-02-29, month 13...).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// ISO weekday: Monday = 1 ... Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    pub fn last_of_month(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// Parses `YYYY-MM-DD`, and also a leading date of an RFC 3339 timestamp
    /// (`2016-02-12T08:00:00Z`).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let err = || DateError(text.to_string());
        let t = text.trim();
        let head = t.get(..10).ok_or_else(err)?;
        if t.len() > 10 && !t[10..].starts_with(['T', ' ', 't']) {
            return Err(err());
        }
        let b = head.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let year: i32 = head[..4].parse().map_err(|_| err())?;
        let month: u8 = head[5..7].parse().map_err(|_| err())?;
        let day: u8 = head[8..10].parse().map_err(|_| err())?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

/// `1..=12` for an English month name or its abbreviation ("March", "feb", "Sept.",
/// "sep"), in any case, with or without a trailing dot.
pub fn month_from_name(word: &str) -> Option<u8> {
    const NAMES: [(&str, u8); 24] = [
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sept", 9),
        ("sep", 9),
        ("october", 10),
        ("oct", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ];
    let word = word.strip_suffix('.').unwrap_or(word);
    NAMES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, month)| month)
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Date::parse(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

/// An inclusive range of days. A single day has `start == end`. Serialised as
/// `YYYY-MM-DD` for one day or the ISO 8601 interval `YYYY-MM-DD/YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
}

impl DateRange {
    pub fn day(d: Date) -> DateRange {
        DateRange { start: d, end: d }
    }

    pub fn new(start: Date, end: Date) -> Option<DateRange> {
        (start <= end).then_some(DateRange { start, end })
    }

    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}/{}", self.start, self.end)
        }
    }
}

impl TryFrom<String> for DateRange {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        match s.split_once('/') {
            None => Date::parse(&s).map(DateRange::day),
            Some((a, b)) => {
                DateRange::new(Date::parse(a)?, Date::parse(b)?).ok_or(DateError(s.clone()))
            }
        }
    }
}

impl From<DateRange> for String {
    fn from(r: DateRange) -> String {
        r.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
    }

    #[test]
    fn weekdays() {
        // 2016-02-12 was a Friday; 2026-11-22 is a Sunday.
        assert_eq!(Date::parse("2016-02-12").unwrap().weekday(), 5);
        assert_eq!(Date::parse("2026-11-22").unwrap().weekday(), 7);
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2023-13-01").is_err());
        assert!(Date::parse("12 Feb 2016").is_err());
        assert_eq!(Date::parse("2016-02-12T08:00:00Z").unwrap().day(), 12);
        assert!(Date::parse("2016-02-12x").is_err());
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_from_name("March"), Some(3));
        assert_eq!(month_from_name("feb"), Some(2));
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("sep"), Some(9));
        assert_eq!(month_from_name("DECEMBER"), Some(12));
        assert_eq!(month_from_name("ma"), None);
        assert_eq!(month_from_name("marching"), None);
        assert_eq!(month_from_name(""), None);
        assert_eq!(month_from_name("."), None);
    }

    #[test]
    fn range_serialisation() {
        let r: DateRange = serde_json::from_str("\"2015-01-01/2015-12-31\"").unwrap();
        assert_eq!(r.start.to_string(), "2015-01-01");
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            "\"2015-01-01/2015-12-31\""
        );
        let d: DateRange = serde_json::from_str("\"2015-05-03\"").unwrap();
        assert_eq!(d.start, d.end);
        assert!(serde_json::from_str::<DateRange>("\"2016-01-01/2015-01-01\"").is_err());
    }
}
