//! Publication dates as sources write them: ISO 8601 / RFC 3339 (`2016-02-12`,
//! `2016-02-12T08:00:00Z`), RFC 2822 (`Fri, 12 Feb 2016 08:00:00 GMT`) and the
//! written forms `12 February 2016`, `February 12, 2016`, `Feb. 12, 2016`.
//!
//! The date is taken as written: a time zone offset never moves it to another day.

use dyad_model::Date;

/// The date in `text`, or `None` when it holds no recognisable date.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    iso_date(text).or_else(|| written_date(text))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, optionally followed by a time.
fn iso_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' || b[4] == b'/') || b[7] != b[4] {
        return None;
    }
    if b.len() > 10 && b[10].is_ascii_digit() {
        return None;
    }
    let year = text.get(..4)?.parse().ok()?;
    let month = text.get(5..7)?.parse().ok()?;
    let day = text.get(8..10)?.parse().ok()?;
    Date::new(year, month, day)
}

/// A month name plus a day and a four-digit year in either order, ignoring weekday
/// names, times and zones.
fn written_date(text: &str) -> Option<Date> {
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
    {
        if word.contains(':') {
            continue; // a time of day
        }
        if let Some(m) = dyad_model::month_from_name(word) {
            month.get_or_insert(m);
        } else if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            year.get_or_insert(word.parse::<i32>().ok()?);
        } else if let Some(d) = day_number(word) {
            day.get_or_insert(d);
        }
    }
    Date::new(year?, month?, day?)
}

/// "12", "3rd", "21st".
fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> String {
        parse_date(text).map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn formats_sources_use() {
        assert_eq!(d("2016-02-12"), "2016-02-12");
        assert_eq!(d("2016-02-12T23:30:00-05:00"), "2016-02-12");
        assert_eq!(d("2016/02/12"), "2016-02-12");
        assert_eq!(d("Fri, 12 Feb 2016 08:00:00 GMT"), "2016-02-12");
        assert_eq!(d("Tue, 3 Mar 2020 10:15:00 +0300"), "2020-03-03");
        assert_eq!(d("12 February 2016"), "2016-02-12");
        assert_eq!(d("February 12, 2016"), "2016-02-12");
        assert_eq!(d("Feb. 12th, 2016 at 10:00"), "2016-02-12");
        assert_eq!(d("Sept 9, 2019"), "2019-09-09");
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(d(""), "");
        assert_eq!(d("yesterday"), "");
        assert_eq!(d("2016-02-30"), "");
        assert_eq!(d("May 2016"), "");
        assert_eq!(d("20160212"), "");
    }
}
