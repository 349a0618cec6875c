//! Reading dyad's own dictionary format (`docs/dictionary-format.md`), with a
//! diagnostic naming `file:line` for everything wrong in it.

use crate::entry::{Entry, Kind, Origin, Role};
use dyad_model::Date;
use std::fmt;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem found in a dictionary file. `line` 0 means the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: Arc<str>,
    pub line: u32,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &Arc<str>, line: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.clone(),
            line,
            message: message.into(),
        }
    }

    pub fn warning(file: &Arc<str>, line: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line == 0 {
            write!(f, "{}: {level}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {level}: {}", self.file, self.line, self.message)
        }
    }
}

/// Parses one file. Records with errors are left out; the others are returned.
pub fn parse(file: &Arc<str>, text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut entries = Vec::new();
    let mut diags = Vec::new();
    let mut current: Option<Draft> = None;
    let mut saw_record = false;
    for (index, raw) in text.lines().enumerate() {
        let line = index as u32 + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(header) = trimmed.strip_prefix('@') {
            if let Some(draft) = current.take() {
                finish(draft, &mut entries, &mut diags);
            }
            saw_record = true;
            current = header_line(file, line, header, &mut diags);
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            diags.push(Diagnostic::error(
                file,
                line,
                format!("expected `key: value`, a `@KIND ID` header or a `#` comment, found {trimmed:?}"),
            ));
            if let Some(d) = current.as_mut() {
                d.failed = true;
            }
            continue;
        };
        let Some(draft) = current.as_mut() else {
            diags.push(Diagnostic::error(
                file,
                line,
                format!("`{}` before any `@KIND ID` header", key.trim()),
            ));
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        if !draft.set(key, value, line, &mut diags) {
            draft.failed = true;
        }
    }
    if let Some(draft) = current.take() {
        finish(draft, &mut entries, &mut diags);
    }
    if !saw_record {
        diags.push(Diagnostic::warning(file, 0, "file holds no records"));
    }
    (entries, diags)
}

/// A record being read; `failed` drops it at the end, after all its errors are reported.
struct Draft {
    entry: Entry,
    name_line: Option<u32>,
    failed: bool,
}

fn header_line(
    file: &Arc<str>,
    line: u32,
    header: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Draft> {
    let mut parts = header.split_whitespace();
    let kind_text = parts.next().unwrap_or("");
    let Some(kind) = Kind::parse(kind_text) else {
        diags.push(Diagnostic::error(
            file,
            line,
            format!(
                "unknown kind `@{kind_text}`: expected one of country, org, group, person, agent"
            ),
        ));
        return None;
    };
    let Some(id) = parts.next() else {
        diags.push(Diagnostic::error(
            file,
            line,
            format!("`@{kind}` header without an ID"),
        ));
        return None;
    };
    let rest: Vec<&str> = parts.collect();
    if !rest.is_empty() {
        diags.push(Diagnostic::error(
            file,
            line,
            format!(
                "unexpected {:?} after `@{kind} {id}`: values go on `key: value` lines below the header",
                rest.join(" ")
            ),
        ));
        return None;
    }
    if !valid_id(id) {
        diags.push(Diagnostic::error(
            file,
            line,
            format!("bad ID {id:?}: use letters, digits, `_`, `.` and `-` only"),
        ));
        return None;
    }
    Some(Draft {
        entry: Entry::new(
            kind,
            id.to_string(),
            Origin {
                file: file.clone(),
                line,
            },
        ),
        name_line: None,
        failed: false,
    })
}

pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

fn list(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

impl Draft {
    /// Applies one `key: value` line; false (after reporting) when it is wrong.
    fn set(&mut self, key: &str, value: &str, line: u32, diags: &mut Vec<Diagnostic>) -> bool {
        let file = self.entry.origin.file.clone();
        let kind = self.entry.kind;
        let err = |diags: &mut Vec<Diagnostic>, msg: String| {
            diags.push(Diagnostic::error(&file, line, msg));
            false
        };
        let allowed: &[&str] = match kind {
            Kind::Country => &[
                "iso3",
                "cameo",
                "adjective",
                "demonym",
                "seat",
                "seat_sector",
            ],
            Kind::Org => &["code", "sector", "members", "country"],
            Kind::Group => &["code", "sector", "country", "parent", "active"],
            Kind::Person => &["role", "born"],
            Kind::Agent => &["sector", "plover"],
        };
        if !matches!(key, "name" | "alias" | "note") && !allowed.contains(&key) {
            return err(
                diags,
                format!(
                    "unknown key `{key}` for @{kind}: expected name, alias, note, {}",
                    allowed.join(", ")
                ),
            );
        }
        if value.is_empty() && key != "note" {
            return err(diags, format!("`{key}` has no value"));
        }
        let single = |slot: &mut Option<String>, diags: &mut Vec<Diagnostic>| {
            if slot.is_some() {
                diags.push(Diagnostic::error(
                    &file,
                    line,
                    format!("`{key}` given twice; it takes one value"),
                ));
                return false;
            }
            *slot = Some(value.to_string());
            true
        };
        let e = &mut self.entry;
        match key {
            "note" => true,
            "name" => {
                if let Some(first) = self.name_line {
                    return err(
                        diags,
                        format!("`name` given twice (first at line {first}); use `alias` for other names"),
                    );
                }
                self.name_line = Some(line);
                e.name = value.to_string();
                true
            }
            "alias" => {
                e.aliases.extend(list(value));
                true
            }
            "adjective" => {
                e.adjectives.extend(list(value));
                true
            }
            "demonym" => {
                e.demonyms.extend(list(value));
                true
            }
            "seat" => {
                e.seats.extend(list(value));
                true
            }
            "members" => {
                let members: Vec<String> = value
                    .split(['|', ',', ' '])
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .map(str::to_string)
                    .collect();
                if let Some(bad) = members.iter().find(|m| !is_code3(m)) {
                    return err(diags, format!("member {bad:?} is not an ISO3 code"));
                }
                e.members.extend(members);
                true
            }
            "seat_sector" => {
                let Some((seat, sector)) = value.split_once("=>") else {
                    return err(
                        diags,
                        format!("seat_sector {value:?}: expected `SEAT => SECTOR`"),
                    );
                };
                let (seat, sector) = (seat.trim(), sector.trim());
                if seat.is_empty() || !is_sector(sector) {
                    return err(diags, format!("seat_sector {value:?}: expected `SEAT => SECTOR` with an upper-case sector code"));
                }
                if !e.seats.iter().any(|s| s == seat) {
                    e.seats.push(seat.to_string());
                }
                e.seat_sectors.push((seat.to_string(), sector.to_string()));
                true
            }
            "iso3" | "country" => {
                if !is_code3(value) {
                    return err(
                        diags,
                        format!("`{key}` {value:?} is not a three-letter upper-case code"),
                    );
                }
                let slot = if key == "iso3" {
                    &mut e.iso3
                } else {
                    &mut e.country
                };
                single(slot, diags)
            }
            "cameo" | "code" => {
                if !value
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                {
                    return err(
                        diags,
                        format!("`{key}` {value:?} must be upper-case letters and digits"),
                    );
                }
                single(&mut e.code, diags)
            }
            "sector" => {
                if !is_sector(value) {
                    return err(
                        diags,
                        format!("sector {value:?} must be an upper-case code such as GOV or MIL"),
                    );
                }
                single(&mut e.sector, diags)
            }
            "plover" => single(&mut e.plover, diags),
            "parent" => {
                if !valid_id(value) {
                    return err(diags, format!("parent {value:?} is not a valid ID"));
                }
                single(&mut e.parent, diags)
            }
            "active" => {
                if !valid_years(value) {
                    return err(
                        diags,
                        format!("active {value:?}: expected `YYYY..YYYY` or `YYYY..`"),
                    );
                }
                single(&mut e.active, diags)
            }
            "born" => {
                if parse_date(value, false).is_none() {
                    return err(
                        diags,
                        format!("born {value:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"),
                    );
                }
                single(&mut e.born, diags)
            }
            "role" => match parse_role(value, line) {
                Ok(role) => {
                    e.roles.push(role);
                    true
                }
                Err(msg) => err(diags, msg),
            },
            _ => unreachable!("key checked against the allowed list"),
        }
    }
}

fn is_code3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_sector(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn valid_years(s: &str) -> bool {
    let Some((a, b)) = s.split_once("..") else {
        return false;
    };
    let year = |y: &str| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit());
    year(a) && (b.is_empty() || (year(b) && a <= b))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date is its first day, or with
/// `end` its last day.
pub fn parse_date(s: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<i32>().ok())?
    };
    let year = num(parts.first()?, 4)?;
    match parts.len() {
        1 => Date::new(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        2 => {
            let month = u8::try_from(num(parts[1], 2)?).ok()?;
            let first = Date::new(year, month, 1)?;
            Some(if end { first.last_of_month() } else { first })
        }
        3 => Date::new(
            year,
            u8::try_from(num(parts[1], 2)?).ok()?,
            u8::try_from(num(parts[2], 2)?).ok()?,
        ),
        _ => None,
    }
}

fn parse_role(value: &str, line: u32) -> Result<Role, String> {
    let fields: Vec<&str> = value.split('|').map(str::trim).collect();
    if fields.len() != 5 {
        return Err(format!(
            "role {value:?} has {} fields: expected `ACTOR | SECTOR | TITLE | START | END` (END may be empty)",
            fields.len()
        ));
    }
    let (actor, sector, title, start, end) =
        (fields[0], fields[1], fields[2], fields[3], fields[4]);
    if !valid_id(actor) {
        return Err(format!("role actor {actor:?} is not an ISO3 code or ID"));
    }
    if !is_sector(sector) {
        return Err(format!(
            "role sector {sector:?} must be an upper-case code such as GOV"
        ));
    }
    let date = |text: &str, is_end: bool| -> Result<Option<Date>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        parse_date(text, is_end).map(Some).ok_or_else(|| {
            format!("bad date {text:?} in role: expected YYYY, YYYY-MM or YYYY-MM-DD")
        })
    };
    let start = date(start, false)?;
    if start.is_none() {
        return Err("role without a START date".to_string());
    }
    let end = date(end, true)?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(format!("role ends ({e}) before it starts ({s})"));
        }
    }
    Ok(Role {
        actor: actor.to_string(),
        sector: sector.to_string(),
        title: title.to_string(),
        start,
        end,
        line,
    })
}

fn finish(draft: Draft, entries: &mut Vec<Entry>, diags: &mut Vec<Diagnostic>) {
    let Draft {
        entry,
        name_line,
        failed,
    } = draft;
    let file = entry.origin.file.clone();
    let at = entry.origin.line;
    let what = format!("@{} {}", entry.kind, entry.id);
    let mut ok = !failed;
    let mut missing = |diags: &mut Vec<Diagnostic>, key: &str| {
        diags.push(Diagnostic::error(
            &file,
            at,
            format!("{what} has no `{key}` (required)"),
        ));
        ok = false;
    };
    if name_line.is_none() {
        missing(diags, "name");
    }
    match entry.kind {
        Kind::Org if entry.code.is_none() => missing(diags, "code"),
        Kind::Group if entry.code.is_none() => missing(diags, "code"),
        Kind::Group if entry.sector.is_none() => missing(diags, "sector"),
        Kind::Person if entry.roles.is_empty() => missing(diags, "role"),
        Kind::Agent if entry.sector.is_none() => missing(diags, "sector"),
        _ => {}
    }
    if entry.kind == Kind::Group && entry.code.is_some() && entry.sector.is_none() {
        missing(diags, "sector");
    }
    // Overlapping roles of one person for the same actor and title.
    for (i, a) in entry.roles.iter().enumerate() {
        for b in &entry.roles[i + 1..] {
            if a.actor == b.actor && a.title.eq_ignore_ascii_case(&b.title) && overlap(a, b) {
                diags.push(Diagnostic::warning(
                    &file,
                    b.line,
                    format!(
                        "{what}: role `{} {}` overlaps the same role at line {}",
                        b.actor, b.title, a.line
                    ),
                ));
            }
        }
    }
    if ok {
        entries.push(entry);
    }
}

/// Ranges are inclusive, but a role may start on the day the previous one ends
/// (handovers are dated by both).
fn overlap(a: &Role, b: &Role) -> bool {
    let starts_before_end = |x: &Role, y: &Role| match (x.start, y.end) {
        (Some(s), Some(e)) => s < e,
        _ => true,
    };
    starts_before_end(a, b) && starts_before_end(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<Entry>, Vec<String>) {
        let file: Arc<str> = Arc::from("test.dyad");
        let (entries, diags) = parse(&file, text);
        (entries, diags.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reads_a_country() {
        let (entries, diags) = run("# c\n@country RUS\nname: Russia\nalias: Russian Federation | Россия\nadjective: Russian\nseat: Moscow | the Kremlin\nseat_sector: the Pentagon => MIL\n");
        assert!(diags.is_empty(), "{diags:?}");
        let e = &entries[0];
        assert_eq!(e.kind, Kind::Country);
        assert_eq!(e.aliases, ["Russian Federation", "Россия"]);
        assert_eq!(e.seats, ["Moscow", "the Kremlin", "the Pentagon"]);
        assert_eq!(e.origin.line, 2);
    }

    #[test]
    fn reports_file_and_line() {
        let (entries, diags) = run(
            "@country RUS extra\nname: Russia\n@group x\nname: X\ncode: XX\nsector: INS\ncolour: red\n@person p\nalias: P\nrole: RUS | GOV | president | 2000-13-01 |\n@blob b\n@org o!\nthis line is wrong\n",
        );
        assert!(entries.is_empty());
        let expect = [
            "test.dyad:1: error: unexpected \"extra\"",
            "test.dyad:2: error: `name` before any",
            "test.dyad:7: error: unknown key `colour`",
            "test.dyad:10: error: bad date \"2000-13-01\"",
            "test.dyad:8: error: @person p has no `name`",
            "test.dyad:11: error: unknown kind `@blob`",
            "test.dyad:12: error: bad ID \"o!\"",
            "test.dyad:13: error: expected `key: value`",
        ];
        for e in expect {
            assert!(
                diags.iter().any(|d| d.starts_with(e)),
                "missing {e} in {diags:#?}"
            );
        }
    }

    #[test]
    fn overlapping_roles_warn_with_both_lines() {
        let (entries, diags) = run("@person a\nname: A\nrole: RUS | GOV | president | 2000 | 2008-05-07\nrole: RUS | GOV | president | 2008-05-07 | 2012\nrole: RUS | GOV | President | 2010 |\n");
        assert_eq!(entries.len(), 1);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].starts_with("test.dyad:5: warning:"));
        assert!(diags[0].contains("line 4"));
    }

    #[test]
    fn empty_file_warns() {
        let (_, diags) = run("# nothing yet\n\n");
        assert_eq!(diags, ["test.dyad: warning: file holds no records"]);
    }

    #[test]
    fn partial_dates() {
        assert_eq!(parse_date("2008", true).unwrap().to_string(), "2008-12-31");
        assert_eq!(
            parse_date("2008-02", true).unwrap().to_string(),
            "2008-02-29"
        );
        assert_eq!(
            parse_date("2008-02", false).unwrap().to_string(),
            "2008-02-01"
        );
        assert!(parse_date("08", false).is_none());
    }
}
