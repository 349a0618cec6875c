//! Temporal expressions: found on atoms, resolved against the document date.
//!
//! # What is read
//! - absolute: `2016-02-12`, `Feb. 12, 2016`, `12 February 2016`, `February 2016`,
//!   `in 2015`, `in the 1990s`, `the early 2000s`, `in the mid-1990s`, `spring 2015`;
//! - relative to the document date: `yesterday`, `today`, `tonight`, `tomorrow`,
//!   `last night`, `this morning`, `on Tuesday`, `last/next/this Tuesday`,
//!   `February 12`, `on 3 March`, `in May`, `last May`, `next May`, `late May`,
//!   `last/this/next week|month|year`, `earlier this month`, `late last year`,
//!   `two days ago`, `three years ago`, `in the past two weeks`, `in recent days`,
//!   `over the weekend`, `in the spring`, `last summer`;
//! - spans: `since 2015` (its start to the document date), `between 2014 and 2016`,
//!   `from March to May`, `in 2014-2016`.
//!
//! # How it resolves (document date D)
//! - Past tense is the default (news reports what happened). The trigger is future when
//!   an auxiliary `will`/`'ll`/`shall`/`would` or `plans/set/expected/scheduled/due/going
//!   to` comes right before it.
//! - Weekday: past → the latest such day on or before D; future → the first on or after
//!   D; `last` → strictly before D; `next` → strictly after; `this` → in D's Monday–Sunday
//!   week.
//! - Month (or month and day) without a year: past → the latest one not after D;
//!   future → the first not before D; `last May` → the latest May before D's month;
//!   `next May` → the first after D's month; `this May` → D's year.
//! - Weeks run Monday–Sunday. `early/mid/late` cut a month into days 1–10, 11–20, 21–end,
//!   a year into Jan–Apr, May–Aug, Sep–Dec, a decade into years 0–3, 3–7, 7–9
//!   (`mid-1990s` = 1993–1997). `earlier this month` = the 1st to D; `later this month` =
//!   D to the end.
//! - `N days ago` is that day; `N weeks ago` the Monday–Sunday week holding D − 7N;
//!   `N months ago` that calendar month; `N years ago` that calendar year.
//! - Seasons are meteorological, northern: spring March–May, summer June–August, autumn
//!   September–November, winter December–February. `in the spring`: past → the latest one
//!   begun by D; future → the first not yet over.
//! - `over the weekend`: past → the latest Saturday–Sunday begun by D; future → the next.
//! - Without a document date only absolute expressions resolve.
//!
//! The phrase span includes its preposition (`on Tuesday`, `since 2015`, `in the
//! mid-1990s`): the preposition is part of what the phrase means. Expressions after
//! `before`, `after`, `by` and `until` are read without the preposition. A date in a
//! dateline (`KABUL, Feb 12 (Reuters) -`) is the document's date, not an event's, and is
//! skipped.

use super::atoms::{month, read_number, sentence_atoms, small_number, weekday, Atom};
use super::{tie, SPEECH_ACT};
use dyad_model::{Date, DateRange, Document, Span};

/// The date of the trigger: the phrase most closely tied to it that resolves, as the
/// resolved range and the phrase's span.
pub(super) fn find(doc: &Document, sentence: usize, trigger: usize) -> Option<(DateRange, Span)> {
    let atoms = sentence_atoms(doc, sentence);
    let tense = tense(doc, sentence, trigger);
    let mut found = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        match phrase(&atoms, i) {
            Some((end, when)) if !in_dateline(&atoms, i, end) => {
                let span = atoms[i].span.cover(atoms[end - 1].span);
                let tie = tie(doc, sentence, trigger, atoms[i].token, atoms[end - 1].token);
                found.push((tie, when, span));
                i = end;
            }
            Some((end, _)) => i = end,
            None => i += 1,
        }
    }
    found.retain(|(tie, _, _)| tie.0 != SPEECH_ACT);
    found.sort_by_key(|(tie, _, _)| *tie);
    found
        .into_iter()
        .find_map(|(_, when, span)| resolve(&when, doc.published, tense).map(|range| (range, span)))
}

// ---------------------------------------------------------------- tense

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
}

/// Future when a future auxiliary or a "plans to"-style frame comes just before the
/// trigger (or hangs on it as `aux`); past otherwise.
fn tense(doc: &Document, sentence: usize, trigger: usize) -> Tense {
    let range = doc.sentences[sentence].tokens.clone();
    let local = trigger.saturating_sub(range.start) as u32;
    let is_future_aux = |w: &str| matches!(w, "will" | "'ll" | "’ll" | "shall" | "would" | "wo");
    let aux_child = range.clone().any(|t| {
        let token = &doc.tokens[t];
        token.head == Some(local)
            && token.deprel.starts_with("aux")
            && is_future_aux(&doc.token_text(t).to_lowercase())
    });
    if aux_child {
        return Tense::Future;
    }
    let window: Vec<String> = (range.start.max(trigger.saturating_sub(4))..trigger)
        .map(|t| doc.token_text(t).to_lowercase())
        .collect();
    let planned = window.windows(2).any(|pair| {
        pair[1] == "to"
            && matches!(
                pair[0].as_str(),
                "plans"
                    | "plan"
                    | "planned"
                    | "set"
                    | "expected"
                    | "scheduled"
                    | "due"
                    | "going"
                    | "intends"
                    | "intend"
                    | "aims"
                    | "is"
                    | "are"
            )
    });
    if planned || window.iter().any(|w| is_future_aux(w)) {
        Tense::Future
    } else {
        Tense::Past
    }
}

// ---------------------------------------------------------------- which phrase

/// A date near the start of a sentence right before a dash, or before a bracketed
/// outlet and a dash (`KABUL, Feb 12 (Reuters) -`), is a dateline.
fn in_dateline(atoms: &[Atom], start: usize, end: usize) -> bool {
    if start >= 12 {
        return false;
    }
    match atoms.get(end) {
        Some(a) if a.is_dash() => true,
        Some(a) if a.text == "(" => {
            let close = (end + 1..atoms.len().min(end + 6)).find(|&k| atoms[k].text == ")");
            close.is_some_and(|k| atoms.get(k + 1).is_some_and(Atom::is_dash))
        }
        _ => false,
    }
}

// ---------------------------------------------------------------- reading phrases

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    Bare,
    Last,
    This,
    Next,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// From the period's start to the document date ("earlier this month").
    Earlier,
    /// From the document date to the period's end ("later this year").
    Later,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// An unresolved temporal expression.
#[derive(Clone, Debug, PartialEq)]
enum When {
    Day(Date),
    /// Days from the document date: yesterday −1, today 0, tomorrow +1.
    Offset(i64),
    MonthDay {
        month: u8,
        day: u8,
        year: Option<i32>,
    },
    Month {
        month: u8,
        year: Option<i32>,
        rel: Rel,
        part: Part,
    },
    Year {
        year: i32,
        part: Part,
    },
    Decade {
        start: i32,
        part: Part,
    },
    Weekday {
        weekday: u8,
        rel: Rel,
    },
    Calendar {
        unit: Unit,
        rel: Rel,
        part: Part,
    },
    Ago {
        n: i64,
        unit: Unit,
    },
    /// The last `days` days up to the document date.
    Recent {
        days: i64,
    },
    Weekend {
        rel: Rel,
    },
    Season {
        season: u8,
        year: Option<i32>,
        rel: Rel,
    },
    Since(Box<When>),
    Between(Box<When>, Box<When>),
}

fn word(atoms: &[Atom], i: usize) -> &str {
    atoms.get(i).map_or("", |a| a.text.as_str())
}

/// A temporal phrase starting at atom `i`, with its end (exclusive).
fn phrase(atoms: &[Atom], i: usize) -> Option<(usize, When)> {
    match word(atoms, i) {
        "since" => {
            let (end, when) = core(atoms, i + 1, true)?;
            Some((end, When::Since(Box::new(when))))
        }
        "between" | "from" => {
            let (mid, first) = core(atoms, i + 1, true)?;
            let joined = matches!(
                word(atoms, mid),
                "and" | "to" | "until" | "till" | "through"
            ) || atoms.get(mid).is_some_and(Atom::is_dash);
            if !joined {
                return (word(atoms, i) == "from").then_some((mid, first));
            }
            let (end, second) = core(atoms, mid + 1, true)?;
            Some((end, When::Between(Box::new(first), Box::new(second))))
        }
        "on" | "in" | "during" | "over" | "at" | "throughout" | "within" => {
            core(atoms, i + 1, true).or_else(|| core(atoms, i, false))
        }
        "before" | "after" | "by" | "until" | "till" | "of" | "to" | "and" => None,
        _ => core(atoms, i, false),
    }
}

/// The expression itself. `cued` says a preposition came before, which licenses bare
/// years, month names and seasons.
fn core(atoms: &[Atom], i: usize, cued: bool) -> Option<(usize, When)> {
    let w = |k: usize| word(atoms, k);
    // "the" before decades, seasons, "weekend", "past two weeks", "day before yesterday".
    if w(i) == "the" {
        if w(i + 1) == "day" && w(i + 2) == "before" && w(i + 3) == "yesterday" {
            return Some((i + 4, When::Offset(-2)));
        }
        if w(i + 1) == "day" && w(i + 2) == "after" && w(i + 3) == "tomorrow" {
            return Some((i + 4, When::Offset(2)));
        }
        return core(atoms, i + 1, true).filter(|(_, when)| {
            !matches!(when, When::Offset(_) | When::Ago { .. } | When::Day(_))
        });
    }
    if let Some(found) = offset_day(atoms, i) {
        return Some(found);
    }
    if let Some(found) = iso(atoms, i) {
        return Some(found);
    }
    if let Some(found) = ago(atoms, i) {
        return Some(found);
    }
    if let Some(found) = recent(atoms, i) {
        return Some(found);
    }
    // early / mid / late / earlier / later / end of / beginning of.
    let (part, after_part) = part(atoms, i);
    let rel = match w(after_part) {
        "last" => Some(Rel::Last),
        "this" => Some(Rel::This),
        "next" | "coming" => Some(Rel::Next),
        _ => None,
    };
    let at = if rel.is_some() {
        after_part + 1
    } else {
        after_part
    };
    let rel_or_bare = rel.unwrap_or(Rel::Bare);
    let cued = cued || rel.is_some() || part != Part::Whole;

    // last/this/next week|month|year; "the end of the year" is this year's.
    if let Some(unit) = calendar_unit(w(at)) {
        let the_period = part != Part::Whole && at > 0 && w(at - 1) == "the";
        if rel.is_some() || the_period {
            let rel = if the_period { Rel::This } else { rel_or_bare };
            return Some((at + 1, When::Calendar { unit, rel, part }));
        }
    }
    if let Some(weekday) = atoms
        .get(at)
        .filter(|a| a.upper)
        .and_then(|a| weekday(&a.text))
    {
        if part != Part::Whole {
            return None;
        }
        // "Tuesday, Feb. 9": the explicit date wins.
        if w(at + 1) == "," {
            if let Some((end, date @ (When::MonthDay { .. } | When::Day(_)))) =
                core(atoms, at + 2, false)
            {
                return Some((end, date));
            }
        }
        let end = at + 1 + usize::from(is_day_part(w(at + 1)));
        return Some((
            end,
            When::Weekday {
                weekday,
                rel: rel_or_bare,
            },
        ));
    }
    if let Some(found) = month_phrase(atoms, at, part, rel_or_bare, cued) {
        return Some(found);
    }
    if rel.is_none() {
        if let Some(found) = day_month(atoms, at) {
            return Some(found);
        }
        if let Some(found) = year_or_decade(atoms, at, part, cued) {
            return Some(found);
        }
    }
    if w(at) == "weekend" && (rel.is_some() || w(i.saturating_sub(1)) == "the" || cued) {
        return Some((at + 1, When::Weekend { rel: rel_or_bare }));
    }
    if let Some(season) = season(w(at)) {
        if let Some((end, year)) = year_after(atoms, at + 1) {
            return Some((
                end,
                When::Season {
                    season,
                    year: Some(year),
                    rel: Rel::Bare,
                },
            ));
        }
        if rel.is_some() || (cued && i > 0 && w(i - 1) == "the") {
            return Some((
                at + 1,
                When::Season {
                    season,
                    year: None,
                    rel: rel_or_bare,
                },
            ));
        }
    }
    None
}

/// yesterday, today, tonight, tomorrow, last night, this morning (+ morning/night...).
fn offset_day(atoms: &[Atom], i: usize) -> Option<(usize, When)> {
    let w = |k: usize| word(atoms, k);
    let (end, days) = match w(i) {
        "yesterday" => (i + 1, -1),
        "today" | "tonight" => (i + 1, 0),
        "tomorrow" => (i + 1, 1),
        "last" if w(i + 1) == "night" => (i + 2, -1),
        "this" if matches!(w(i + 1), "morning" | "afternoon" | "evening") => (i + 2, 0),
        _ => return None,
    };
    let end = end + usize::from(is_day_part(w(end)) && w(i) != "last" && w(i) != "this");
    Some((end, When::Offset(days)))
}

fn is_day_part(word: &str) -> bool {
    matches!(word, "morning" | "afternoon" | "evening" | "night")
}

/// 2016-02-12 (glued atoms).
fn iso(atoms: &[Atom], i: usize) -> Option<(usize, When)> {
    let parts = atoms.get(i..i + 5)?;
    let shape = parts[0].text.len() == 4
        && parts[0].is_digits()
        && parts[1].text == "-"
        && parts[3].text == "-"
        && parts[2].is_digits()
        && parts[4].is_digits()
        && parts[1..].iter().all(|a| a.glued);
    if !shape {
        return None;
    }
    let date = Date::new(
        parts[0].text.parse().ok()?,
        parts[2].text.parse().ok()?,
        parts[4].text.parse().ok()?,
    )?;
    Some((i + 5, When::Day(date)))
}

/// "two days ago", "a week ago", "three years ago".
fn ago(atoms: &[Atom], i: usize) -> Option<(usize, When)> {
    let (after, n) = count(atoms, i)?;
    let unit = unit_word(word(atoms, after))?;
    (word(atoms, after + 1) == "ago").then_some((after + 2, When::Ago { n, unit }))
}

/// "past two weeks", "last three days", "recent days", "recent weeks".
fn recent(atoms: &[Atom], i: usize) -> Option<(usize, When)> {
    let w = |k: usize| word(atoms, k);
    if w(i) == "recent" {
        let days = match w(i + 1) {
            "days" => 7,
            "weeks" => 28,
            "months" => 90,
            _ => return None,
        };
        return Some((i + 2, When::Recent { days }));
    }
    if !matches!(w(i), "past" | "last") {
        return None;
    }
    let (after, n) = match count(atoms, i + 1) {
        Some(found) => found,
        // "the past week": rolling, unlike the calendar "last week".
        None if w(i) == "past" => (i + 1, 1),
        None => return None,
    };
    let days = match unit_word(w(after))? {
        Unit::Day => 1,
        Unit::Week => 7,
        Unit::Month => 30,
        Unit::Year => 365,
    };
    Some((after + 1, When::Recent { days: n * days }))
}

/// A small count: digits, a number word, "a"/"an".
fn count(atoms: &[Atom], i: usize) -> Option<(usize, i64)> {
    let w = word(atoms, i);
    if matches!(w, "a" | "an") {
        return Some((i + 1, 1));
    }
    if let Some(n) = small_number(w) {
        if n > 0 {
            return read_number(atoms, i).map(|(end, v)| (end, v as i64));
        }
    }
    let a = atoms.get(i)?;
    (a.is_digits() && a.text.len() <= 3).then(|| (i + 1, a.text.parse().unwrap_or(0)))
}

fn unit_word(word: &str) -> Option<Unit> {
    match word {
        "day" | "days" => Some(Unit::Day),
        "week" | "weeks" => Some(Unit::Week),
        "month" | "months" => Some(Unit::Month),
        "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}

fn calendar_unit(word: &str) -> Option<Unit> {
    match word {
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

/// Reads a part-of-period modifier; returns it and where the rest starts.
fn part(atoms: &[Atom], i: usize) -> (Part, usize) {
    let w = |k: usize| word(atoms, k);
    let dash = usize::from(atoms.get(i + 1).is_some_and(Atom::is_dash));
    match w(i) {
        "early" => (Part::Early, i + 1 + dash),
        "late" => (Part::Late, i + 1 + dash),
        "mid" => (Part::Mid, i + 1 + dash),
        "earlier" => (Part::Earlier, i + 1),
        "later" => (Part::Later, i + 1),
        "end" | "beginning" | "start" | "middle" if w(i + 1) == "of" => {
            let the = usize::from(w(i + 2) == "the");
            let part = match w(i) {
                "end" => Part::Late,
                "middle" => Part::Mid,
                _ => Part::Early,
            };
            (part, i + 2 + the)
        }
        _ => (Part::Whole, i),
    }
}

/// "February 12, 2016", "Feb. 12", "May 2015", "in May", "last May", "mid-May".
fn month_phrase(
    atoms: &[Atom],
    i: usize,
    part: Part,
    rel: Rel,
    cued: bool,
) -> Option<(usize, When)> {
    let atom = atoms.get(i).filter(|a| a.upper)?;
    let month = month(&atom.text)?;
    let at = abbreviation_dot(atoms, i + 1);
    if rel == Rel::Bare && part == Part::Whole {
        if let Some((after_day, day)) = day_number(atoms, at) {
            let mut end = after_day;
            let mut comma = end;
            if word(atoms, comma) == "," {
                comma += 1;
            }
            let year = match year_after(atoms, comma) {
                Some((after_year, year)) => {
                    end = after_year;
                    Some(year)
                }
                None => None,
            };
            return Some((end, When::MonthDay { month, day, year }));
        }
    }
    if rel == Rel::Bare {
        let of = usize::from(word(atoms, at) == "of");
        if let Some((end, year)) = year_after(atoms, at + of) {
            return Some((
                end,
                When::Month {
                    month,
                    year: Some(year),
                    rel,
                    part,
                },
            ));
        }
    }
    // A bare month name needs a cue: "May" and "March" are also a verb and a noun, and
    // "in May's government" is about a person.
    if !cued || matches!(word(atoms, i + 1), "'s" | "’s" | "'" | "’") {
        return None;
    }
    Some((
        i + 1,
        When::Month {
            month,
            year: None,
            rel,
            part,
        },
    ))
}

/// Skips the dot of an abbreviated month ("Feb."), which belongs to the month's token.
fn abbreviation_dot(atoms: &[Atom], i: usize) -> usize {
    let dot = atoms
        .get(i)
        .is_some_and(|a| a.text == "." && a.glued && a.token == atoms[i - 1].token);
    i + usize::from(dot)
}

/// "12 February 2016", "3 March", "12th of February".
fn day_month(atoms: &[Atom], i: usize) -> Option<(usize, When)> {
    let (mut at, day) = day_number(atoms, i)?;
    if word(atoms, at) == "of" {
        at += 1;
    }
    let month = atoms
        .get(at)
        .filter(|a| a.upper)
        .and_then(|a| month(&a.text))?;
    at = abbreviation_dot(atoms, at + 1);
    let (end, year) = match year_after(atoms, at) {
        Some((end, year)) => (end, Some(year)),
        None => (at, None),
    };
    Some((end, When::MonthDay { month, day, year }))
}

/// A day of the month: "12", "12th", "3rd".
fn day_number(atoms: &[Atom], i: usize) -> Option<(usize, u8)> {
    let text = word(atoms, i);
    let digits = text
        .strip_suffix("st")
        .or_else(|| text.strip_suffix("nd"))
        .or_else(|| text.strip_suffix("rd"))
        .or_else(|| text.strip_suffix("th"))
        .unwrap_or(text);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some((i + 1, day))
}

/// A four-digit year 1000–2999 at atom `i`.
fn year_after(atoms: &[Atom], i: usize) -> Option<(usize, i32)> {
    let a = atoms.get(i)?;
    (a.is_digits() && a.text.len() == 4)
        .then(|| a.text.parse().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
        .map(|y| (i + 1, y))
}

/// "2015", "1990s", "'90s", "mid-1990s" (the part is read by the caller).
fn year_or_decade(atoms: &[Atom], i: usize, part: Part, cued: bool) -> Option<(usize, When)> {
    let text = word(atoms, i);
    if let Some(digits) = text.strip_suffix('s') {
        let decade = if digits.len() == 4 && digits.ends_with('0') {
            digits.parse::<i32>().ok()
        } else if digits.len() == 2 && digits.ends_with('0') && i > 0 && atoms[i - 1].text == "'" {
            // '90s → 1990s, '00s → 2000s
            digits
                .parse::<i32>()
                .ok()
                .map(|d| if d < 30 { 2000 + d } else { 1900 + d })
        } else {
            None
        };
        if let Some(start) = decade {
            return Some((i + 1, When::Decade { start, part }));
        }
    }
    if !cued {
        return None;
    }
    let (end, year) = year_after(atoms, i)?;
    let first = When::Year { year, part };
    // "2014-2016", "2014–16"
    if atoms.get(end).is_some_and(|a| a.is_dash() && a.glued) {
        let last = atoms.get(end + 1).filter(|a| a.glued && a.is_digits());
        let last_year = match last.map(|a| a.text.as_str()) {
            Some(t) if t.len() == 4 => t.parse().ok(),
            Some(t) if t.len() == 2 => t.parse::<i32>().ok().map(|yy| year / 100 * 100 + yy),
            _ => None,
        };
        if let Some(last_year) = last_year.filter(|&y| y > year) {
            let second = When::Year {
                year: last_year,
                part: Part::Whole,
            };
            return Some((end + 2, When::Between(Box::new(first), Box::new(second))));
        }
    }
    Some((end, first))
}

fn season(word: &str) -> Option<u8> {
    match word {
        "spring" => Some(0),
        "summer" => Some(1),
        "autumn" | "fall" => Some(2),
        "winter" => Some(3),
        _ => None,
    }
}

// ---------------------------------------------------------------- resolving

fn resolve(when: &When, doc_date: Option<Date>, tense: Tense) -> Option<DateRange> {
    let past = tense == Tense::Past;
    match *when {
        When::Day(d) => Some(DateRange::day(d)),
        When::Offset(days) => Some(DateRange::day(doc_date?.add_days(days))),
        When::MonthDay {
            month,
            day,
            year: Some(y),
        } => Date::new(y, month, day).map(DateRange::day),
        When::MonthDay {
            month,
            day,
            year: None,
        } => {
            let d = doc_date?;
            let this_year = Date::new(d.year(), month, day);
            let date = match (this_year, past) {
                (Some(x), true) if x <= d => x,
                (_, true) => Date::new(d.year() - 1, month, day)?,
                (Some(x), false) if x >= d => x,
                (_, false) => Date::new(d.year() + 1, month, day)?,
            };
            Some(DateRange::day(date))
        }
        When::Month {
            month,
            year,
            rel,
            part,
        } => {
            let year = match year {
                Some(y) => y,
                None => {
                    let d = doc_date?;
                    let (y, m) = (d.year(), d.month());
                    match rel {
                        Rel::This => y,
                        Rel::Last => y - i32::from(month >= m),
                        Rel::Next => y + i32::from(month <= m),
                        Rel::Bare if past => y - i32::from(month > m),
                        Rel::Bare => y + i32::from(month < m),
                    }
                }
            };
            let range = month_range(year, month)?;
            apply_part(range, part, Unit::Month, doc_date)
        }
        When::Year { year, part } => apply_part(year_range(year)?, part, Unit::Year, doc_date),
        When::Decade { start, part } => {
            let (from, to) = match part {
                Part::Early => (start, start + 3),
                Part::Mid => (start + 3, start + 7),
                Part::Late => (start + 7, start + 9),
                _ => (start, start + 9),
            };
            DateRange::new(year_range(from)?.start, year_range(to)?.end)
        }
        When::Weekday { weekday, rel } => {
            let d = doc_date?;
            let today = i64::from(d.weekday());
            let target = i64::from(weekday);
            let back = (today - target).rem_euclid(7);
            let ahead = (target - today).rem_euclid(7);
            let offset = match rel {
                Rel::Bare if past => -back,
                Rel::Bare => ahead,
                Rel::Last => -(if back == 0 { 7 } else { back }),
                Rel::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Rel::This => target - today,
            };
            Some(DateRange::day(d.add_days(offset)))
        }
        When::Calendar { unit, rel, part } => {
            let d = doc_date?;
            let step = match rel {
                Rel::Last => -1,
                Rel::Next => 1,
                Rel::This | Rel::Bare => 0,
            };
            let range = shifted_period(d, unit, step)?;
            apply_part(range, part, unit, Some(d))
        }
        When::Ago { n, unit } => {
            let d = doc_date?;
            match unit {
                Unit::Day => Some(DateRange::day(d.add_days(-n))),
                _ => shifted_period(d, unit, -n),
            }
        }
        When::Recent { days } => {
            let d = doc_date?;
            DateRange::new(d.add_days(-days), d)
        }
        When::Weekend { rel } => {
            let d = doc_date?;
            let today = i64::from(d.weekday());
            // Saturday of the weekend holding d (Sat/Sun), else of the one before.
            let latest_saturday = d.add_days(-(today - 6).rem_euclid(7));
            let saturday = match rel {
                Rel::Last => {
                    if today >= 6 {
                        latest_saturday.add_days(-7)
                    } else {
                        latest_saturday
                    }
                }
                Rel::Next => latest_saturday.add_days(7),
                Rel::Bare | Rel::This if past || today >= 6 => latest_saturday,
                Rel::Bare | Rel::This => latest_saturday.add_days(7),
            };
            DateRange::new(saturday, saturday.add_days(1))
        }
        When::Season {
            season,
            year: Some(y),
            ..
        } => season_range(season, y),
        When::Season {
            season,
            year: None,
            rel,
        } => {
            let d = doc_date?;
            // Seasons of the years around d, in order.
            let candidates: Vec<DateRange> = (d.year() - 2..=d.year() + 1)
                .filter_map(|y| season_range(season, y))
                .collect();
            match rel {
                Rel::Last => candidates.iter().rev().find(|r| r.end < d).copied(),
                Rel::Next => candidates.iter().find(|r| r.start > d).copied(),
                Rel::This => candidates
                    .iter()
                    .find(|r| r.contains(d))
                    .or_else(|| candidates.iter().find(|r| r.start.year() == d.year()))
                    .copied(),
                Rel::Bare if past => candidates.iter().rev().find(|r| r.start <= d).copied(),
                Rel::Bare => candidates.iter().find(|r| r.end >= d).copied(),
            }
        }
        When::Since(ref from) => {
            let d = doc_date?;
            let start = resolve(from, Some(d), Tense::Past)?.start;
            DateRange::new(start, d)
        }
        When::Between(ref first, ref second) => {
            let to = resolve(second, doc_date, tense)?;
            // A yearless start takes the end's year, or the year before if it would
            // start after the end ("from November to February").
            let from = match **first {
                When::Month {
                    month,
                    year: None,
                    rel: Rel::Bare,
                    part,
                } => {
                    let year = to.end.year() - i32::from(month > to.end.month());
                    apply_part(month_range(year, month)?, part, Unit::Month, doc_date)?
                }
                _ => resolve(first, doc_date, tense)?,
            };
            DateRange::new(from.start, to.end)
        }
    }
}

fn month_range(year: i32, month: u8) -> Option<DateRange> {
    let first = Date::new(year, month, 1)?;
    DateRange::new(first, first.last_of_month())
}

fn year_range(year: i32) -> Option<DateRange> {
    DateRange::new(Date::new(year, 1, 1)?, Date::new(year, 12, 31)?)
}

fn season_range(season: u8, year: i32) -> Option<DateRange> {
    let (start_month, end_year, end_month) = match season {
        0 => (3, year, 5),
        1 => (6, year, 8),
        2 => (9, year, 11),
        _ => (12, year + 1, 2),
    };
    DateRange::new(
        Date::new(year, start_month, 1)?,
        Date::new(end_year, end_month, 1)?.last_of_month(),
    )
}

/// The week, month or year holding `d`, moved by `step` units.
fn shifted_period(d: Date, unit: Unit, step: i64) -> Option<DateRange> {
    match unit {
        Unit::Day => Some(DateRange::day(d.add_days(step))),
        Unit::Week => {
            let monday = d.add_days(1 - i64::from(d.weekday()) + 7 * step);
            DateRange::new(monday, monday.add_days(6))
        }
        Unit::Month => {
            let index = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + step;
            month_range(
                index.div_euclid(12) as i32,
                (index.rem_euclid(12) + 1) as u8,
            )
        }
        Unit::Year => year_range(d.year() + step as i32),
    }
}

/// Narrows a period to its early/mid/late third, or to before/after the document date.
fn apply_part(
    range: DateRange,
    part: Part,
    unit: Unit,
    doc_date: Option<Date>,
) -> Option<DateRange> {
    let (s, e) = (range.start, range.end);
    let thirds = |first_end: Date, second_end: Date| match part {
        Part::Early => DateRange::new(s, first_end),
        Part::Mid => DateRange::new(first_end.add_days(1), second_end),
        _ => DateRange::new(second_end.add_days(1), e),
    };
    match part {
        Part::Whole => Some(range),
        Part::Earlier => match doc_date {
            Some(d) if range.contains(d) => DateRange::new(s, d),
            _ => apply_part(range, Part::Early, unit, doc_date),
        },
        Part::Later => match doc_date {
            Some(d) if range.contains(d) => DateRange::new(d, e),
            _ => apply_part(range, Part::Late, unit, doc_date),
        },
        _ => match unit {
            Unit::Year => thirds(Date::new(s.year(), 4, 30)?, Date::new(s.year(), 8, 31)?),
            Unit::Month => thirds(s.add_days(9), s.add_days(19)),
            Unit::Week | Unit::Day => {
                let len = e.to_days() - s.to_days() + 1;
                thirds(s.add_days(len / 3 - 1), s.add_days(2 * len / 3 - 1))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{attach, doc, token};
    use super::*;

    const FRIDAY: &str = "2016-02-12";

    /// The range and phrase found for the first token `trigger` of `text`.
    fn date(text: &str, published: Option<&str>, trigger: &str) -> Option<(String, String)> {
        let d = doc(text, published);
        let t = token(&d, trigger);
        find(&d, 0, t).map(|(range, span)| (range.to_string(), d.slice(span).to_string()))
    }

    fn check(text: &str, trigger: &str, range: &str, phrase: &str) {
        assert_eq!(
            date(text, Some(FRIDAY), trigger),
            Some((range.to_string(), phrase.to_string())),
            "{text}"
        );
    }

    #[test]
    fn absolute_dates() {
        check(
            "Russia delivered rifles on 2016-01-05 .",
            "delivered",
            "2016-01-05",
            "on 2016-01-05",
        );
        check(
            "Talks began on Feb. 3, 2015 in Doha.",
            "began",
            "2015-02-03",
            "on Feb. 3, 2015",
        );
        check(
            "Talks began on 12 February 2014 .",
            "began",
            "2014-02-12",
            "on 12 February 2014",
        );
        check(
            "Talks began in March 2013 .",
            "began",
            "2013-03-01/2013-03-31",
            "in March 2013",
        );
        check(
            "Talks began in 2015 .",
            "began",
            "2015-01-01/2015-12-31",
            "in 2015",
        );
        check(
            "Moscow armed them in the mid-1990s .",
            "armed",
            "1993-01-01/1997-12-31",
            "in the mid-1990s",
        );
        check(
            "Moscow armed them in the 1990s .",
            "armed",
            "1990-01-01/1999-12-31",
            "in the 1990s",
        );
        check(
            "Iran backed them in the early 2000s .",
            "backed",
            "2000-01-01/2003-12-31",
            "in the early 2000s",
        );
        check(
            "They fought in late 2014 .",
            "fought",
            "2014-09-01/2014-12-31",
            "in late 2014",
        );
        check(
            "They fought in spring 2014 .",
            "fought",
            "2014-03-01/2014-05-31",
            "in spring 2014",
        );
    }

    #[test]
    fn absolute_dates_resolve_without_document_date() {
        assert_eq!(
            date("Moscow armed them in the mid-1990s .", None, "armed"),
            Some(("1993-01-01/1997-12-31".into(), "in the mid-1990s".into()))
        );
        assert_eq!(date("They met on Tuesday .", None, "met"), None);
        assert_eq!(date("They met last May .", None, "met"), None);
    }

    #[test]
    fn month_and_day_without_year() {
        check(
            "They met on February 10 .",
            "met",
            "2016-02-10",
            "on February 10",
        );
        check("They met on 3 March .", "met", "2015-03-03", "on 3 March");
        check(
            "They will meet on 3 March .",
            "meet",
            "2016-03-03",
            "on 3 March",
        );
        check("They met on Feb. 12 .", "met", "2016-02-12", "on Feb. 12");
    }

    #[test]
    fn weekdays() {
        check(
            "The Taliban attacked on Tuesday .",
            "attacked",
            "2016-02-09",
            "on Tuesday",
        );
        check(
            "The Taliban attacked on Friday .",
            "attacked",
            "2016-02-12",
            "on Friday",
        );
        check(
            "The Taliban attacked Tuesday night .",
            "attacked",
            "2016-02-09",
            "Tuesday night",
        );
        check(
            "Envoys will meet on Tuesday .",
            "meet",
            "2016-02-16",
            "on Tuesday",
        );
        check(
            "Envoys met last Friday .",
            "met",
            "2016-02-05",
            "last Friday",
        );
        check(
            "Envoys meet next Tuesday .",
            "meet",
            "2016-02-16",
            "next Tuesday",
        );
        check(
            "Envoys met on Monday, Feb. 1 .",
            "met",
            "2016-02-01",
            "on Monday, Feb. 1",
        );
    }

    #[test]
    fn days_around_the_document_date() {
        check(
            "Rebels shelled the town yesterday .",
            "shelled",
            "2016-02-11",
            "yesterday",
        );
        check(
            "Rebels shelled the town today .",
            "shelled",
            "2016-02-12",
            "today",
        );
        check(
            "Rebels will attack tonight .",
            "attack",
            "2016-02-12",
            "tonight",
        );
        check(
            "Rebels shelled the town last night .",
            "shelled",
            "2016-02-11",
            "last night",
        );
        check(
            "Rebels shelled it two days ago .",
            "shelled",
            "2016-02-10",
            "two days ago",
        );
        check(
            "Rebels shelled it three years ago .",
            "shelled",
            "2013-01-01/2013-12-31",
            "three years ago",
        );
    }

    #[test]
    fn months() {
        check(
            "They met last May .",
            "met",
            "2015-05-01/2015-05-31",
            "last May",
        );
        check(
            "They met in May .",
            "met",
            "2015-05-01/2015-05-31",
            "in May",
        );
        check(
            "They will meet in May .",
            "meet",
            "2016-05-01/2016-05-31",
            "in May",
        );
        check(
            "They met in January .",
            "met",
            "2016-01-01/2016-01-31",
            "in January",
        );
        check(
            "They met in late January .",
            "met",
            "2016-01-21/2016-01-31",
            "in late January",
        );
        check(
            "They meet next February .",
            "meet",
            "2017-02-01/2017-02-28",
            "next February",
        );
        // "may" as a modal verb is no date.
        assert_eq!(date("They may meet soon .", Some(FRIDAY), "meet"), None);
        assert_eq!(
            date("It was reported in The Sun .", Some(FRIDAY), "reported"),
            None
        );
    }

    #[test]
    fn calendar_periods() {
        check(
            "They met last week .",
            "met",
            "2016-02-01/2016-02-07",
            "last week",
        );
        check(
            "They met this week .",
            "met",
            "2016-02-08/2016-02-14",
            "this week",
        );
        check(
            "They met last month .",
            "met",
            "2016-01-01/2016-01-31",
            "last month",
        );
        check(
            "They met last year .",
            "met",
            "2015-01-01/2015-12-31",
            "last year",
        );
        check(
            "They met earlier this month .",
            "met",
            "2016-02-01/2016-02-12",
            "earlier this month",
        );
        check(
            "They met late last year .",
            "met",
            "2015-09-01/2015-12-31",
            "late last year",
        );
        check(
            "They clashed in the past two weeks .",
            "clashed",
            "2016-01-29/2016-02-12",
            "in the past two weeks",
        );
    }

    #[test]
    fn spans_of_time() {
        check(
            "Iran has armed them since 2015 .",
            "armed",
            "2015-01-01/2016-02-12",
            "since 2015",
        );
        check(
            "Iran armed them between 2014 and 2016 .",
            "armed",
            "2014-01-01/2016-12-31",
            "between 2014 and 2016",
        );
        check(
            "Iran armed them from March to May .",
            "armed",
            "2015-03-01/2015-05-31",
            "from March to May",
        );
        check(
            "Iran armed them from November to January .",
            "armed",
            "2015-11-01/2016-01-31",
            "from November to January",
        );
    }

    #[test]
    fn weekends_and_seasons() {
        check(
            "Jets struck over the weekend .",
            "struck",
            "2016-02-06/2016-02-07",
            "over the weekend",
        );
        check(
            "Jets struck in the spring .",
            "struck",
            "2015-03-01/2015-05-31",
            "in the spring",
        );
        check(
            "Jets struck last summer .",
            "struck",
            "2015-06-01/2015-08-31",
            "last summer",
        );
        check(
            "Jets struck in the winter .",
            "struck",
            "2015-12-01/2016-02-29",
            "in the winter",
        );
    }

    #[test]
    fn datelines_are_not_event_dates() {
        let text = "KABUL, Feb 10 (Reuters) - Russia supplied rifles on Tuesday .";
        check(text, "supplied", "2016-02-09", "on Tuesday");
        assert_eq!(
            date(
                "KABUL, Feb 10 (Reuters) - Russia supplied rifles .",
                Some(FRIDAY),
                "supplied"
            ),
            None
        );
    }

    #[test]
    fn a_bracket_after_a_date_is_not_always_a_dateline() {
        check(
            "On Tuesday ( local time ) rebels attacked .",
            "attacked",
            "2016-02-09",
            "On Tuesday",
        );
        assert_eq!(
            date(
                "KABUL , Feb 10 - Rebels attacked .",
                Some(FRIDAY),
                "attacked"
            ),
            None
        );
    }

    #[test]
    fn the_phrase_attached_to_the_trigger_wins() {
        // "on Tuesday" dates the saying; "in May" the supplying.
        let mut d = doc(
            "Officials said on Tuesday that Russia supplied rifles in May .",
            Some(FRIDAY),
        );
        attach(&mut d, "Tuesday", "said", "obl");
        attach(&mut d, "supplied", "said", "ccomp");
        attach(&mut d, "May", "supplied", "obl");
        let supplied = token(&d, "supplied");
        let (range, span) = find(&d, 0, supplied).unwrap();
        assert_eq!(
            (range.to_string().as_str(), d.slice(span)),
            ("2015-05-01/2015-05-31", "in May")
        );

        // The speech date alone does not date the reported event.
        let mut d = doc(
            "Officials said on Tuesday that Russia supplied rifles .",
            Some(FRIDAY),
        );
        attach(&mut d, "Tuesday", "said", "obl");
        attach(&mut d, "supplied", "said", "ccomp");
        assert_eq!(find(&d, 0, token(&d, "supplied")), None);
        assert!(find(&d, 0, token(&d, "said")).is_some());
    }

    #[test]
    fn a_parenthetical_speech_date_is_not_the_events() {
        let mut d = doc(
            "Russia supplied rifles , officials said on Tuesday .",
            Some(FRIDAY),
        );
        attach(&mut d, "said", "supplied", "parataxis");
        attach(&mut d, "Tuesday", "said", "obl");
        assert_eq!(find(&d, 0, token(&d, "supplied")), None);
    }

    #[test]
    fn without_a_parse_the_nearest_phrase_wins() {
        check(
            "In 2014 talks failed , and rebels attacked on Tuesday .",
            "attacked",
            "2016-02-09",
            "on Tuesday",
        );
    }

    #[test]
    fn without_a_parse_clause_boundaries_separate_phrases() {
        let text = "Rebels attacked Kunduz last Sunday and seized its airport on Monday morning .";
        check(text, "attacked", "2016-02-07", "last Sunday");
        check(text, "seized", "2016-02-08", "on Monday morning");
        check(
            "Earlier this year , Moscow shipped arms .",
            "shipped",
            "2016-01-01/2016-02-12",
            "Earlier this year",
        );
    }

    #[test]
    fn more_relative_phrases() {
        check(
            "Jets struck in recent days .",
            "struck",
            "2016-02-05/2016-02-12",
            "in recent days",
        );
        check(
            "Jets struck the day before yesterday .",
            "struck",
            "2016-02-10",
            "the day before yesterday",
        );
        check(
            "Jets will strike tomorrow .",
            "strike",
            "2016-02-13",
            "tomorrow",
        );
        check(
            "Jets struck a week ago .",
            "struck",
            "2016-02-01/2016-02-07",
            "a week ago",
        );
        check(
            "Jets struck two months ago .",
            "struck",
            "2015-12-01/2015-12-31",
            "two months ago",
        );
        check(
            "Jets struck in mid-2015 .",
            "struck",
            "2015-05-01/2015-08-31",
            "in mid-2015",
        );
        check(
            "Jets struck in early 2015 .",
            "struck",
            "2015-01-01/2015-04-30",
            "in early 2015",
        );
        check(
            "Jets have struck since May .",
            "struck",
            "2015-05-01/2016-02-12",
            "since May",
        );
        check(
            "Jets have struck since Tuesday .",
            "struck",
            "2016-02-09/2016-02-12",
            "since Tuesday",
        );
        check(
            "Jets struck at the weekend .",
            "struck",
            "2016-02-06/2016-02-07",
            "at the weekend",
        );
        check(
            "Jets struck this Tuesday .",
            "struck",
            "2016-02-09",
            "this Tuesday",
        );
        check(
            "Jets will strike this spring .",
            "strike",
            "2016-03-01/2016-05-31",
            "this spring",
        );
        check(
            "Jets will strike next week .",
            "strike",
            "2016-02-15/2016-02-21",
            "next week",
        );
        check(
            "Jets struck later this month .",
            "struck",
            "2016-02-12/2016-02-29",
            "later this month",
        );
        check(
            "Jets struck at the end of last year .",
            "struck",
            "2015-09-01/2015-12-31",
            "at the end of last year",
        );
    }

    #[test]
    fn year_ranges_and_names() {
        check(
            "Iran armed them in 2014-2016 .",
            "armed",
            "2014-01-01/2016-12-31",
            "in 2014-2016",
        );
        check(
            "Iran armed them in 2014-16 .",
            "armed",
            "2014-01-01/2016-12-31",
            "in 2014-16",
        );
        assert_eq!(
            date("They served in May 's government .", Some(FRIDAY), "served"),
            None
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let texts = [
            "",
            "on",
            "in the",
            "since",
            "between 2014 and",
            "from May to",
            "on Feb. 30 , 2016 .",
            "in the mid- .",
            "'90s",
            "2016-13-45",
            "Ünïcode — in Kābul on Dienstag …",
            "12th of",
            "the day before",
            "last",
            "99999999999999999999 rifles",
        ];
        for text in texts {
            let d = doc(text, Some(FRIDAY));
            for t in 0..d.tokens.len() {
                let _ = find(&d, 0, t);
                let _ = super::super::find_location(&d, 0, t);
                let _ = super::super::find_quantity(&d, t);
            }
        }
    }

    #[test]
    fn future_frames() {
        check(
            "Russia plans to deliver jets on Tuesday .",
            "deliver",
            "2016-02-16",
            "on Tuesday",
        );
        let d = doc("Russia is set to deliver jets in March .", Some(FRIDAY));
        assert_eq!(tense(&d, 0, token(&d, "deliver")), Tense::Future);
    }
}
