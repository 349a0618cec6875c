//! The dictionary records in memory, whichever file format they came from.

use dyad_model::Date;
use std::fmt;
use std::sync::Arc;

/// The five kinds of dictionary record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Country,
    Org,
    Group,
    Person,
    Agent,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Country,
        Kind::Org,
        Kind::Group,
        Kind::Person,
        Kind::Agent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Org => "org",
            Kind::Group => "group",
            Kind::Person => "person",
            Kind::Agent => "agent",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a record or a line came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One role of a person: `ACTOR | SECTOR | TITLE | START | END`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Country ISO3 or group/organisation id.
    pub actor: String,
    pub sector: String,
    pub title: String,
    pub start: Option<Date>,
    /// Last day of the role; `None` while it lasts.
    pub end: Option<Date>,
    pub line: u32,
}

impl Role {
    pub fn in_force(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// A CAMEO code valid over a period, as PETRARCH and TABARI dictionaries give them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

impl DatedCode {
    pub fn in_force(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// A dictionary record. Fields a kind does not use stay empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Imported TABARI phrases whose last word is a stem (written without a final
    /// `_`): it also matches the words that begin with it.
    pub stems: Vec<String>,
    /// Organisation or group code; for countries the CAMEO country code.
    pub code: Option<String>,
    /// Countries: ISO 3166-1 alpha-3.
    pub iso3: Option<String>,
    /// Organisations and groups: home country (ISO3).
    pub country: Option<String>,
    pub sector: Option<String>,
    pub plover: Option<String>,
    pub adjectives: Vec<String>,
    pub demonyms: Vec<String>,
    pub seats: Vec<String>,
    /// `(seat, sector)` for seats that stand for a sector (`the Pentagon` → `MIL`).
    pub seat_sectors: Vec<(String, String)>,
    pub members: Vec<String>,
    pub parent: Option<String>,
    pub active: Option<String>,
    pub born: Option<String>,
    pub roles: Vec<Role>,
    /// Codes of records imported from PETRARCH/TABARI files.
    pub codes: Vec<DatedCode>,
    /// For imported agents written `[CODE~]`: the agent code goes before the actor's.
    pub agent_prefix: bool,
    pub origin: Origin,
}

impl Entry {
    pub fn new(kind: Kind, id: String, origin: Origin) -> Entry {
        Entry {
            kind,
            id,
            name: String::new(),
            aliases: Vec::new(),
            stems: Vec::new(),
            code: None,
            iso3: None,
            country: None,
            sector: None,
            plover: None,
            adjectives: Vec::new(),
            demonyms: Vec::new(),
            seats: Vec::new(),
            seat_sectors: Vec::new(),
            members: Vec::new(),
            parent: None,
            active: None,
            born: None,
            roles: Vec::new(),
            codes: Vec::new(),
            agent_prefix: false,
            origin,
        }
    }

    /// The role in force on `date`, or without a date the latest one (most recent start).
    /// Among several roles in force the one that started last wins.
    pub fn role_on(&self, date: Option<Date>) -> Option<&Role> {
        let candidates = self
            .roles
            .iter()
            .filter(|r| date.is_none_or(|d| r.in_force(d)));
        candidates.max_by_key(|r| (r.end.is_none() && date.is_none(), r.start))
    }

    /// The imported code in force on `date` (dated codes before undated ones, then the
    /// latest start), or without a date the open-ended code that started last, else the
    /// undated one.
    pub fn code_on(&self, date: Option<Date>) -> Option<&DatedCode> {
        match date {
            Some(d) => self
                .codes
                .iter()
                .filter(|c| c.in_force(d))
                .max_by_key(|c| (c.start.is_some() || c.end.is_some(), c.start)),
            None => self
                .codes
                .iter()
                .filter(|c| c.start.is_some() && c.end.is_none())
                .max_by_key(|c| c.start)
                .or_else(|| {
                    self.codes
                        .iter()
                        .find(|c| c.start.is_none() && c.end.is_none())
                })
                .or_else(|| self.codes.iter().max_by_key(|c| c.start)),
        }
    }
}
