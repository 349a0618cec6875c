//! Directed dyads: events aggregated per (time window, source node, target node).
//!
//! An event's date is its own `date.start`, else its document's publication date;
//! events with neither are counted as undated and left out. Which claims count is set
//! by [`ClaimFilter`]; denied, negated, hypothetical and intended events never count.
//! Node keys are interned once, so aggregation allocates per new node, not per event.

use dyad_model::{Actor, Certainty, Date, Event};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Length of a time window. Weeks are ISO weeks (Monday to Sunday); `All` is one
/// window over the whole period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Window {
    Day,
    Week,
    Month,
    Year,
    All,
}

impl Window {
    pub fn parse(text: &str) -> Option<Window> {
        match text {
            "day" => Some(Window::Day),
            "week" => Some(Window::Week),
            "month" => Some(Window::Month),
            "year" => Some(Window::Year),
            "all" => Some(Window::All),
            _ => None,
        }
    }

    /// First day of the window holding `date`.
    pub fn start(self, date: Date) -> Date {
        match self {
            Window::Day => date,
            Window::Week => date.add_days(1 - i64::from(date.weekday())),
            Window::Month => date.first_of_month(),
            Window::Year => Date::new(date.year(), 1, 1).expect("January 1st exists"),
            Window::All => Date::new(1, 1, 1).expect("a valid date"),
        }
    }

    /// Last day of the window starting on `start`.
    pub fn end(self, start: Date) -> Date {
        match self {
            Window::Day => start,
            Window::Week => start.add_days(6),
            Window::Month => start.last_of_month(),
            Window::Year => Date::new(start.year(), 12, 31).expect("December 31st exists"),
            Window::All => Date::new(9999, 12, 31).expect("a valid date"),
        }
    }

    /// `2016-02-12`, `2016-W06` (ISO week of the Monday's Thursday), `2016-02`, `2016`,
    /// `all`.
    pub fn label(self, start: Date) -> String {
        match self {
            Window::Day => start.to_string(),
            Window::Week => {
                let thursday = start.add_days(3);
                let jan1 = Date::new(thursday.year(), 1, 1).expect("January 1st exists");
                let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
                format!("{}-W{week:02}", thursday.year())
            }
            Window::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Window::Year => format!("{:04}", start.year()),
            Window::All => "all".to_string(),
        }
    }
}

/// Which node an actor becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The most specific identity: code and name (`RUSGOV:Vladimir Putin`).
    Actor,
    /// Organisation or group, else country ([`Actor::node_key`]): sectors of one state
    /// roll up to it.
    Group,
    /// Country: ISO code, else the country prefix of the CAMEO code (`RUSMIL` → `RUS`),
    /// else the group.
    Country,
}

impl Level {
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "actor" => Some(Level::Actor),
            "group" => Some(Level::Group),
            "country" => Some(Level::Country),
            _ => None,
        }
    }

    /// The node key of `actor`, written into `buf` only when it must be composed.
    /// `None` when the actor names no node at this level: an agent with no known
    /// country or group ("troops", code `---MIL`) would merge unrelated actors into one
    /// node, so it is left out at every level.
    pub fn key<'a>(self, actor: &'a Actor, buf: &'a mut String) -> Option<&'a str> {
        let country_code = || actor.code.as_deref().and_then(country_prefix);
        let sector_only = actor.country.is_none()
            && actor.group.is_none()
            && actor.code.as_deref().is_some_and(|c| c.starts_with("---"));
        if sector_only {
            return None;
        }
        match self {
            Level::Actor => Some(match (actor.code.as_deref(), actor.name.as_deref()) {
                (Some(code), Some(name)) => {
                    buf.clear();
                    buf.push_str(code);
                    buf.push(':');
                    buf.push_str(name);
                    buf
                }
                (Some(one), None) | (None, Some(one)) => one,
                (None, None) => actor.node_key(),
            }),
            Level::Group => actor
                .group
                .as_deref()
                .or(actor.country.as_deref())
                .or_else(|| country_code().and(actor.code.as_deref())),
            Level::Country => actor
                .country
                .as_deref()
                .or_else(country_code)
                .or(actor.group.as_deref()),
        }
    }
}

/// The three-letter country part of a CAMEO actor code.
fn country_prefix(code: &str) -> Option<&str> {
    let prefix = code.get(..3)?;
    prefix
        .bytes()
        .all(|b| b.is_ascii_uppercase())
        .then_some(prefix)
}

/// Which claims count. Asserted and reported always do; uncertain ones on request;
/// hypothetical and intended events, negated ones and denied ones never do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    pub include_uncertain: bool,
}

impl ClaimFilter {
    pub fn counts(&self, event: &Event) -> bool {
        if event.negated || !event.denied_by.is_empty() {
            return false;
        }
        match event.certainty {
            Certainty::Asserted | Certainty::Reported => true,
            Certainty::Uncertain => self.include_uncertain,
            Certainty::Hypothetical | Certainty::Intended => false,
        }
    }
}

fn certainty_slot(c: Certainty) -> usize {
    match c {
        Certainty::Asserted => 0,
        Certainty::Reported => 1,
        _ => 2,
    }
}

#[derive(Clone, Copy, Debug)]
pub struct DyadOptions {
    pub window: Window,
    pub level: Level,
    pub claims: ClaimFilter,
    /// Inclusive bounds on the effective event date.
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Default for DyadOptions {
    fn default() -> Self {
        DyadOptions {
            window: Window::Month,
            level: Level::Group,
            claims: ClaimFilter::default(),
            from: None,
            to: None,
        }
    }
}

/// Everything known about one directed dyad in one window. Counts are split by the
/// certainties a [`ClaimFilter`] can admit: asserted, reported, uncertain. Counts are split by the
/// certainties a [`ClaimFilter`] can admit: asserted, reported, uncertain.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DyadStats {
    /// Events per certainty (asserted, reported, uncertain) and quad class (1..=4).
    pub counts: [[u32; 4]; 3],
    /// Goldstein sum per certainty.
    pub goldstein: [f64; 3],
    /// The events behind every number, in the order they were added.
    pub event_ids: Vec<i64>,
}

impl DyadStats {
    pub fn events(&self) -> u32 {
        self.counts.iter().flatten().sum()
    }
    pub fn quad_counts(&self) -> [u32; 4] {
        let mut q = [0; 4];
        for row in &self.counts {
            for (total, n) in q.iter_mut().zip(row) {
                *total += n;
            }
        }
        q
    }
    pub fn events_with(&self, certainty: Certainty) -> u32 {
        self.counts[certainty_slot(certainty)].iter().sum()
    }
    pub fn cooperation(&self) -> u32 {
        let q = self.quad_counts();
        q[0] + q[1]
    }
    pub fn conflict(&self) -> u32 {
        let q = self.quad_counts();
        q[2] + q[3]
    }
    pub fn goldstein_sum(&self) -> f64 {
        self.goldstein.iter().sum()
    }
    pub fn goldstein_mean(&self) -> Option<f64> {
        let n = self.events();
        (n > 0).then(|| self.goldstein_sum() / f64::from(n))
    }
    /// Adds `other`'s events to these (for combining the two directions of a pair).
    pub fn merge(&mut self, other: &DyadStats) {
        for (a, b) in self
            .counts
            .iter_mut()
            .flatten()
            .zip(other.counts.iter().flatten())
        {
            *a += b;
        }
        for (a, b) in self.goldstein.iter_mut().zip(&other.goldstein) {
            *a += b;
        }
        self.event_ids.extend_from_slice(&other.event_ids);
    }
}

/// Why events were left out of the dyads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Denied, negated, hypothetical, intended, or uncertain without the flag.
    pub claim: u64,
    /// No source or no target actor, or one that names no node at this level.
    pub no_dyad: u64,
    /// Source and target are the same node at this level.
    pub self_dyad: u64,
    pub undated: u64,
    pub out_of_range: u64,
    /// Quad class outside 1..=4.
    pub no_quad: u64,
}

/// A small multiplicative hasher for integer keys (Fx-style): the default SipHash is
/// the slowest part of aggregating ten million events.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_i32(&mut self, n: i32) {
        self.write_u64(n as u32 as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Interned node names.
#[derive(Clone, Debug, Default)]
pub struct Nodes {
    names: Vec<Box<str>>,
    index: FastMap<Box<str>, u32>,
}

impl Nodes {
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.into());
        self.index.insert(name.into(), i);
        i
    }
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// One dyad: window (by its first day), source and target node ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DyadKey {
    /// First day of the window, as days since 1970-01-01.
    pub window_start: i32,
    pub source: u32,
    pub target: u32,
}

impl DyadKey {
    pub fn window_date(&self) -> Date {
        Date::from_days(i64::from(self.window_start))
    }
}

/// Directed dyads per window, built event by event.
#[derive(Debug)]
pub struct Dyads {
    pub options: DyadOptions,
    pub nodes: Nodes,
    dyads: FastMap<DyadKey, DyadStats>,
    pub skipped: Skipped,
    pub counted: u64,
    key_buf: (String, String),
}

impl Dyads {
    pub fn new(options: DyadOptions) -> Dyads {
        Dyads {
            options,
            nodes: Nodes::default(),
            dyads: FastMap::default(),
            skipped: Skipped::default(),
            counted: 0,
            key_buf: (String::new(), String::new()),
        }
    }

    /// Adds one stored event (`id`), dated by its own date or else `doc_published`.
    pub fn add(&mut self, id: i64, doc_published: Option<Date>, event: &Event) {
        if !self.options.claims.counts(event) {
            self.skipped.claim += 1;
            return;
        }
        let (Some(source), Some(target)) = (&event.source, &event.target) else {
            self.skipped.no_dyad += 1;
            return;
        };
        if !(1..=4).contains(&event.quad_class) {
            self.skipped.no_quad += 1;
            return;
        }
        let Some(date) = event.date.map(|d| d.start).or(doc_published) else {
            self.skipped.undated += 1;
            return;
        };
        if self.options.from.is_some_and(|f| date < f) || self.options.to.is_some_and(|t| date > t)
        {
            self.skipped.out_of_range += 1;
            return;
        }
        let level = self.options.level;
        let (buf_s, buf_t) = &mut self.key_buf;
        let (Some(ks), Some(kt)) = (level.key(source, buf_s), level.key(target, buf_t)) else {
            self.skipped.no_dyad += 1;
            return;
        };
        if ks == kt {
            self.skipped.self_dyad += 1;
            return;
        }
        let key = DyadKey {
            window_start: self.options.window.start(date).to_days() as i32,
            source: self.nodes.intern(ks),
            target: self.nodes.intern(kt),
        };
        let stats = self.dyads.entry(key).or_default();
        let slot = certainty_slot(event.certainty);
        stats.counts[slot][usize::from(event.quad_class - 1)] += 1;
        stats.goldstein[slot] += f64::from(event.goldstein);
        stats.event_ids.push(id);
        self.counted += 1;
    }

    pub fn len(&self) -> usize {
        self.dyads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dyads.is_empty()
    }

    pub fn get(&self, key: &DyadKey) -> Option<&DyadStats> {
        self.dyads.get(key)
    }

    /// All dyads ordered by window, then source and target name.
    pub fn sorted(&self) -> Vec<(DyadKey, &DyadStats)> {
        let mut rows: Vec<(DyadKey, &DyadStats)> =
            self.dyads.iter().map(|(k, v)| (*k, v)).collect();
        rows.sort_by(|a, b| {
            (
                a.0.window_start,
                self.nodes.name(a.0.source),
                self.nodes.name(a.0.target),
            )
                .cmp(&(
                    b.0.window_start,
                    self.nodes.name(b.0.source),
                    self.nodes.name(b.0.target),
                ))
        });
        rows
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&DyadKey, &DyadStats)> {
        self.dyads.iter()
    }
}

/// Aggregates `(event id, document publication date, event)` triples, from memory or
/// streamed from a store.
pub fn aggregate<'a>(
    events: impl IntoIterator<Item = (i64, Option<Date>, &'a Event)>,
    options: DyadOptions,
) -> Dyads {
    let mut dyads = Dyads::new(options);
    for (id, published, event) in events {
        dyads.add(id, published, event);
    }
    dyads
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use dyad_model::{DateRange, Span};

    pub fn actor(code: &str, country: Option<&str>, name: Option<&str>) -> Actor {
        Actor {
            text: name.unwrap_or(code).to_string(),
            name: name.map(String::from),
            code: Some(code.to_string()),
            country: country.map(String::from),
            group: None,
            sector: None,
        }
    }

    pub fn event(source: Actor, target: Actor, quad: u8, goldstein: f32) -> Event {
        Event {
            sentence: 0,
            sentence_span: Span::new(0, 1),
            trigger: Span::new(0, 1),
            source: Some(source),
            target: Some(target),
            cameo: "000".into(),
            root: "00".into(),
            plover: None,
            quad_class: quad,
            goldstein,
            date: None,
            date_text: None,
            location: None,
            quantity: None,
            negated: false,
            certainty: Certainty::Asserted,
            claimed_by: None,
            denied_by: Vec::new(),
        }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn windows_start_end_and_labels() {
        let fri = d("2016-02-12");
        assert_eq!(Window::Week.start(fri), d("2016-02-08"));
        assert_eq!(Window::Week.label(d("2016-02-08")), "2016-W06");
        // 2021-01-03 (Sunday) belongs to ISO week 53 of 2020.
        let start = Window::Week.start(d("2021-01-03"));
        assert_eq!(Window::Week.label(start), "2020-W53");
        assert_eq!(Window::Month.end(Window::Month.start(fri)), d("2016-02-29"));
        assert_eq!(Window::Year.label(Window::Year.start(fri)), "2016");
    }

    #[test]
    fn node_keys_by_level_roll_up_sectors() {
        let putin = actor("RUSGOV", Some("RUS"), Some("Vladimir Putin"));
        let army = actor("RUSMIL", None, None);
        let mut buf = String::new();
        assert_eq!(
            Level::Actor.key(&putin, &mut buf),
            Some("RUSGOV:Vladimir Putin")
        );
        assert_eq!(Level::Country.key(&army, &mut buf), Some("RUS"));
        assert_eq!(Level::Group.key(&putin, &mut buf), Some("RUS"));
        let mut taliban = actor("AFGINS", Some("AFG"), Some("Taliban"));
        taliban.group = Some("taliban".into());
        assert_eq!(Level::Group.key(&taliban, &mut buf), Some("taliban"));
        assert_eq!(Level::Country.key(&taliban, &mut buf), Some("AFG"));
        let troops = actor("---MIL", None, None);
        assert_eq!(Level::Country.key(&troops, &mut buf), None);
        assert_eq!(Level::Group.key(&troops, &mut buf), None);
        assert_eq!(Level::Actor.key(&troops, &mut buf), None);
    }

    #[test]
    fn aggregates_by_window_with_fallback_date_and_claim_rules() {
        let rus = actor("RUSGOV", Some("RUS"), None);
        let afg = actor("AFGGOV", Some("AFG"), None);
        let mut aid = event(rus.clone(), afg.clone(), 2, 7.4);
        aid.date = Some(DateRange::day(d("2016-02-03")));
        let mut said = event(rus.clone(), afg.clone(), 1, 3.0);
        said.certainty = Certainty::Reported;
        let mut maybe = event(rus.clone(), afg.clone(), 4, -10.0);
        maybe.certainty = Certainty::Uncertain;
        let mut denied = event(rus.clone(), afg.clone(), 2, 7.4);
        denied.denied_by.push(afg.clone());
        let mut negated = event(rus.clone(), afg.clone(), 2, 7.4);
        negated.negated = true;
        let mut planned = event(rus.clone(), afg.clone(), 2, 7.4);
        planned.certainty = Certainty::Intended;
        let events = [aid, said, maybe, denied, negated, planned];
        let published = Some(d("2016-02-20"));
        let input = events
            .iter()
            .enumerate()
            .map(|(i, e)| (i as i64 + 1, published, e));
        let dyads = aggregate(input, DyadOptions::default());
        assert_eq!(dyads.len(), 1);
        assert_eq!(dyads.skipped.claim, 4);
        let (key, stats) = dyads.sorted()[0];
        assert_eq!(key.window_date(), d("2016-02-01"));
        assert_eq!(dyads.nodes.name(key.source), "RUS");
        assert_eq!(stats.quad_counts(), [1, 1, 0, 0]);
        assert_eq!(stats.events_with(Certainty::Reported), 1);
        assert!((stats.goldstein_sum() - 10.4).abs() < 1e-5);
        assert_eq!(stats.event_ids, vec![1, 2]);

        let with_uncertain = DyadOptions {
            claims: ClaimFilter {
                include_uncertain: true,
            },
            window: Window::Day,
            ..DyadOptions::default()
        };
        let dyads = aggregate(
            events
                .iter()
                .enumerate()
                .map(|(i, e)| (i as i64 + 1, published, e)),
            with_uncertain,
        );
        // Day windows: the dated aid on 02-03, the rest on the publication day.
        assert_eq!(dyads.len(), 2);
        let rows = dyads.sorted();
        assert_eq!(rows[1].1.quad_counts(), [1, 0, 0, 1]);
        assert_eq!(rows[1].1.event_ids, vec![2, 3]);
    }

    #[test]
    fn undated_self_and_out_of_range_events_are_counted_apart() {
        let rus = actor("RUSGOV", Some("RUS"), None);
        let mil = actor("RUSMIL", None, None);
        let afg = actor("AFGGOV", Some("AFG"), None);
        let inner = event(rus.clone(), mil, 3, -2.0);
        let undated = event(rus.clone(), afg.clone(), 3, -2.0);
        let mut old = event(rus, afg, 3, -2.0);
        old.date = Some(DateRange::day(d("2001-01-01")));
        let options = DyadOptions {
            level: Level::Country,
            from: Some(d("2010-01-01")),
            ..DyadOptions::default()
        };
        let dyads = aggregate(
            [
                (1, Some(d("2016-01-01")), &inner),
                (2, None, &undated),
                (3, None, &old),
            ],
            options,
        );
        assert!(dyads.is_empty());
        assert_eq!(dyads.skipped.self_dyad, 1);
        assert_eq!(dyads.skipped.undated, 1);
        assert_eq!(dyads.skipped.out_of_range, 1);
    }
}
