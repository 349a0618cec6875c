//! Measuring the coder against the field's gold data (in `../shared/anchors`, present
//! only on developers' machines): UniversalPetrarch's real-news validation set, the
//! PLOVER gold-standard records and the ConfliBERT CAMEO sentence classes.
//!
//! The parser and actor resolver live in other crates, so callers hand in an
//! [`Annotator`] that turns text (or a gold CoNLL-U parse) into a document with
//! mentions; this module runs the [`Coder`] and scores.

use crate::ontology::{pentaclass, root_number};
use crate::Coder;
use dyad_model::{Date, Document, Event};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
}

/// Builds documents with the `sentences`, `tokens` and `mentions` layers.
pub trait Annotator {
    /// Whether [`Annotator::annotate_text`] parses (false when no parser model is
    /// available); the evaluations on raw text are then left out.
    fn parses_text(&self) -> bool;
    /// From raw text, with our own segmenter and parser.
    fn annotate_text(&self, id: &str, text: &str, date: Option<Date>) -> Document;
    /// From a gold CoNLL-U parse of the text.
    fn annotate_conllu(
        &self,
        id: &str,
        conllu: &str,
        date: Option<Date>,
    ) -> Result<Document, String>;
}

/// Where gold files live under `../shared`.
pub const UP_GSR: &str = "anchors/universalpetrarch/PETR2_GSR_validation.xml";
pub const PLOVER_GSR: &str = "anchors/plover/PLOVER_GSR_CAMEO.txt";
pub const CONFLIBERT_TEST: &str = "anchors/conflibert/cameo_class/test.tsv";

/// Every figure, in print order, plus notes on the worst error classes.
#[derive(Debug, Default)]
pub struct Report {
    pub figures: Vec<(String, f64)>,
    pub notes: Vec<String>,
    /// One line per record scored wrong: what was expected, what we coded, the text.
    pub details: Vec<String>,
}

impl Report {
    fn push(&mut self, name: &str, value: f64) {
        self.figures.push((name.to_string(), value));
    }

    pub fn get(&self, name: &str) -> Option<f64> {
        self.figures
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    }
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Runs every evaluation whose gold file exists under `shared`.
pub fn run_all(
    shared: &Path,
    annotator: &dyn Annotator,
    coder: &Coder,
) -> Result<Report, EvalError> {
    let mut report = Report::default();
    let up = shared.join(UP_GSR);
    let raw = annotator.parses_text();
    if up.is_file() {
        let records = read_up_gsr(&up)?;
        if raw {
            score_up(&records, annotator, coder, false, &mut report);
        }
        score_up(&records, annotator, coder, true, &mut report);
    }
    if !raw {
        report
            .notes
            .push("no parser model: the evaluations on raw text were left out".into());
        return Ok(report);
    }
    let plover = shared.join(PLOVER_GSR);
    if plover.is_file() {
        score_plover(&read_plover_gsr(&plover)?, annotator, coder, &mut report);
    }
    let conflibert = shared.join(CONFLIBERT_TEST);
    if conflibert.is_file() {
        score_conflibert(
            &read_conflibert(&conflibert)?,
            annotator,
            coder,
            &mut report,
        );
    }
    Ok(report)
}

/// One event a gold record expects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// A UniversalPetrarch validation record.
#[derive(Clone, Debug)]
pub struct UpRecord {
    pub id: String,
    pub date: Option<Date>,
    pub text: String,
    pub conllu: String,
    pub expected: Vec<Expected>,
}

/// Reads `PETR2_GSR_validation.xml` leniently (its `<Sentence/>` tags are self-closed).
pub fn read_up_gsr(path: &Path) -> Result<Vec<UpRecord>, EvalError> {
    let xml = read(path)?;
    let mut out = Vec::new();
    for chunk in xml.split("<Sentence ").skip(1) {
        let head = chunk.split('>').next().unwrap_or("");
        let id = attribute(head, "id").unwrap_or_default();
        let date = attribute(head, "date").and_then(|d| {
            let (y, md) = d.split_at(d.len().min(4));
            let (m, day) = md.split_at(md.len().min(2));
            Date::new(y.parse().ok()?, m.parse().ok()?, day.parse().ok()?)
        });
        let expected = chunk
            .split("<EventCoding")
            .skip(1)
            .filter_map(|c| {
                let tag = c.split('>').next()?;
                Some(Expected {
                    code: attribute(tag, "eventcode")?,
                    source: attribute(tag, "sourcecode")?,
                    target: attribute(tag, "targetcode")?,
                })
            })
            .collect();
        let text = between(chunk, "<Text>", "</Text>").ok_or_else(|| EvalError::Format {
            path: path.to_path_buf(),
            message: format!("record {id} has no <Text>"),
        })?;
        let conllu = between(chunk, "<Parse>", "</Parse>")
            .unwrap_or("")
            .trim()
            .to_string();
        let mut text = decode_entities(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        // A record whose <Text> is empty still has its words in the parse.
        if text.is_empty() {
            text = conllu_words(&conllu);
        }
        out.push(UpRecord {
            id,
            date,
            text,
            conllu,
            expected,
        });
    }
    Ok(out)
}

/// The words of a CoNLL-U parse (the FORM column of its word lines), space-separated.
fn conllu_words(conllu: &str) -> String {
    conllu
        .lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let id = cols.next()?;
            id.parse::<usize>().ok()?;
            cols.next()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// An actor as a PETRARCH-style code: its code, else its country.
fn actor_code(actor: &Option<dyad_model::Actor>) -> Option<&str> {
    let a = actor.as_ref()?;
    a.code.as_deref().or(a.country.as_deref())
}

/// Whether our code names the gold actor at the level of country (or, for an unknown
/// country `---`, of sector).
fn loose_actor_match(gold: &str, ours: &str) -> bool {
    match gold.strip_prefix("---") {
        Some(sector) => ours.ends_with(sector) || ours == gold,
        None => ours.get(..3) == gold.get(..3),
    }
}

fn score_up(
    records: &[UpRecord],
    annotator: &dyn Annotator,
    coder: &Coder,
    gold_parse: bool,
    report: &mut Report,
) {
    let label = if gold_parse {
        "gold_parse"
    } else {
        "our_parse"
    };
    let (mut expected, mut exact, mut by_root) = (0, 0, 0);
    let (mut produced, mut unexpected) = (0, 0);
    let mut missed_roots: BTreeMap<String, usize> = BTreeMap::new();
    let mut extra_roots: BTreeMap<String, usize> = BTreeMap::new();
    for r in records {
        let doc = if gold_parse {
            match annotator.annotate_conllu(&r.id, &r.conllu, r.date) {
                Ok(d) => d,
                Err(_) => annotator.annotate_text(&r.id, &r.text, r.date),
            }
        } else {
            annotator.annotate_text(&r.id, &r.text, r.date)
        };
        let events = coder.code(&doc);
        let mut triples: Vec<(String, String, String)> = Vec::new();
        for e in events.iter().filter(|e| !e.negated) {
            if let (Some(s), Some(t)) = (actor_code(&e.source), actor_code(&e.target)) {
                let triple = (s.to_string(), t.to_string(), e.cameo.clone());
                if !triples.contains(&triple) {
                    triples.push(triple);
                }
            }
        }
        let root_match = |x: &Expected, (s, t, c): &(String, String, String)| {
            x.code.get(..2) == c.get(..2)
                && loose_actor_match(&x.source, s)
                && loose_actor_match(&x.target, t)
        };
        let mut missed = Vec::new();
        for x in &r.expected {
            expected += 1;
            if triples
                .iter()
                .any(|(s, t, c)| *s == x.source && *t == x.target && *c == x.code)
            {
                exact += 1;
            }
            if triples.iter().any(|tr| root_match(x, tr)) {
                by_root += 1;
            } else {
                *missed_roots.entry(x.code[..2].to_string()).or_default() += 1;
                missed.push(format!("{}>{} {}", x.source, x.target, x.code));
            }
        }
        let mut extra = Vec::new();
        for tr in &triples {
            produced += 1;
            if !r.expected.iter().any(|x| root_match(x, tr)) {
                unexpected += 1;
                *extra_roots.entry(tr.2[..2].to_string()).or_default() += 1;
                extra.push(format!("{}>{} {}", tr.0, tr.1, tr.2));
            }
        }
        if !missed.is_empty() || !extra.is_empty() {
            report.details.push(format!(
                "up {label} {}: missed [{}] unexpected [{}] | {}",
                r.id,
                missed.join(", "),
                extra.join(", "),
                r.text
            ));
        }
    }
    report.push(&format!("up_{label}_expected_events"), expected as f64);
    report.push(&format!("up_{label}_found_exact"), ratio(exact, expected));
    report.push(&format!("up_{label}_found_root"), ratio(by_root, expected));
    report.push(&format!("up_{label}_produced_events"), produced as f64);
    report.push(
        &format!("up_{label}_unexpected"),
        ratio(unexpected, produced),
    );
    report.notes.push(format!(
        "up {label}: expected events missed by root {}; produced events not expected by root {}",
        top(&missed_roots),
        top(&extra_roots)
    ));
}

fn top(counts: &BTreeMap<String, usize>) -> String {
    let mut v: Vec<(&String, &usize)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .take(6)
        .map(|(k, n)| format!("{k}:{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A PLOVER gold sentence: its category (PLOVER 0.5b1 names) and actor codes.
#[derive(Clone, Debug)]
pub struct PloverRecord {
    pub id: String,
    pub text: String,
    pub event: String,
    pub sources: Vec<String>,
    pub targets: Vec<String>,
}

/// Reads `PLOVER_GSR_CAMEO.txt` (a JSON array; the `DOCUMENT` header is skipped).
pub fn read_plover_gsr(path: &Path) -> Result<Vec<PloverRecord>, EvalError> {
    let text = read(path)?;
    let format = |message: String| EvalError::Format {
        path: path.to_path_buf(),
        message,
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format(e.to_string()))?;
    let records = value
        .as_array()
        .ok_or_else(|| format("expected a JSON array".into()))?;
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.get("code").and_then(|c| c.as_str()).map(str::to_string))
            .collect()
    };
    Ok(records
        .iter()
        .filter_map(|r| {
            Some(PloverRecord {
                id: r.get("id")?.as_str()?.to_string(),
                text: r.get("text")?.as_str()?.to_string(),
                event: r.get("event")?.as_str()?.to_string(),
                sources: r.get("source").map(codes).unwrap_or_default(),
                targets: r.get("target").map(codes).unwrap_or_default(),
            })
        })
        .filter(|r| r.event != "DOCUMENT")
        .collect())
}

/// The gold PLOVER 0.5b1 category in the 2021 (manual 0.8) names our table uses.
fn plover_now(old: &str) -> &str {
    match old {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// The event a sentence is mainly about: the one whose trigger is highest in the
/// dependency tree (first on ties), among those that pass the filter.
pub fn main_event<'a>(
    doc: &Document,
    events: &'a [Event],
    keep: impl Fn(&Event) -> bool,
) -> Option<&'a Event> {
    let depth = |e: &Event| {
        let Some(mut t) = doc
            .tokens
            .iter()
            .position(|t| t.span.start == e.trigger.start)
        else {
            return usize::MAX;
        };
        let first = doc.sentences.get(e.sentence).map_or(0, |s| s.tokens.start);
        let mut d = 0;
        while let Some(h) = doc.tokens[t].head {
            d += 1;
            t = first + h as usize;
            if d > 64 {
                break;
            }
        }
        d
    };
    events
        .iter()
        .filter(|e| keep(e))
        .min_by_key(|e| (depth(e), e.trigger.start))
}

fn score_plover(
    records: &[PloverRecord],
    annotator: &dyn Annotator,
    coder: &Coder,
    report: &mut Report,
) {
    let (mut coded, mut right, mut source_ok, mut target_ok, mut with_target) = (0, 0, 0, 0, 0);
    let mut halves = Halves::default();
    let mut confusion: BTreeMap<String, usize> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let doc = annotator.annotate_text(&r.id, &r.text, None);
        let events = coder.code(&doc);
        let Some(e) = main_event(&doc, &events, |e| e.plover.is_some()) else {
            *confusion.entry(format!("{}->none", r.event)).or_default() += 1;
            report.details.push(format!(
                "plover {}: gold {} ours none | {}",
                r.id, r.event, r.text
            ));
            continue;
        };
        coded += 1;
        let ours = e.plover.as_deref().unwrap_or("");
        halves.count(i, ours == plover_now(&r.event));
        if ours == plover_now(&r.event) {
            right += 1;
        } else {
            *confusion.entry(format!("{}->{ours}", r.event)).or_default() += 1;
            report.details.push(format!(
                "plover {}: gold {} ours {ours} ({}) | {}",
                r.id, r.event, e.cameo, r.text
            ));
        }
        let agree = |gold: &[String], ours: &Option<dyad_model::Actor>| {
            actor_code(ours).is_some_and(|o| gold.iter().any(|g| loose_actor_match(g, o)))
        };
        if agree(&r.sources, &e.source)
            || agree(&r.targets, &e.source) && agree(&r.sources, &e.target)
        {
            source_ok += 1;
        }
        if !r.targets.is_empty() {
            with_target += 1;
            if agree(&r.targets, &e.target) || agree(&r.sources, &e.target) {
                target_ok += 1;
            }
        }
    }
    report.push("plover_sentences", records.len() as f64);
    report.push("plover_coverage", ratio(coded, records.len()));
    report.push("plover_category_accuracy", ratio(right, coded));
    report.push("plover_category_accuracy_all", ratio(right, records.len()));
    halves.push(report, "plover_category_accuracy");
    report.push("plover_source_agreement", ratio(source_ok, coded));
    report.push("plover_target_agreement", ratio(target_ok, with_target));
    report.notes.push(format!(
        "plover: worst confusions (gold->ours) {}",
        top(&confusion)
    ));
}

/// Accuracy where coded on the even- and odd-numbered records (0-based), kept apart
/// so that rules found on one half can be checked on the other.
#[derive(Default)]
struct Halves {
    /// (coded, right) for the even and the odd half.
    even: (usize, usize),
    odd: (usize, usize),
}

impl Halves {
    fn count(&mut self, index: usize, right: bool) {
        let half = if index.is_multiple_of(2) {
            &mut self.even
        } else {
            &mut self.odd
        };
        half.0 += 1;
        half.1 += right as usize;
    }

    fn push(&self, report: &mut Report, name: &str) {
        report.push(&format!("{name}_even"), ratio(self.even.1, self.even.0));
        report.push(&format!("{name}_odd"), ratio(self.odd.1, self.odd.0));
    }
}

/// Reads a ConfliBERT `cameo_class` split: `sentence<TAB>label`.
pub fn read_conflibert(path: &Path) -> Result<Vec<(String, u8)>, EvalError> {
    let text = read(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let (sentence, label) = l.rsplit_once('\t').ok_or_else(|| EvalError::Format {
                path: path.to_path_buf(),
                message: format!("line {}: expected sentence<TAB>label", n + 1),
            })?;
            let label = label.trim().parse().map_err(|_| EvalError::Format {
                path: path.to_path_buf(),
                message: format!("line {}: label {label:?} is not 0-4", n + 1),
            })?;
            Ok((sentence.to_string(), label))
        })
        .collect()
}

/// The ConfliBERT class of a CAMEO code. The data set labels by PLOVER category, which
/// puts sanctions and reduced relations (root 16) with verbal conflict.
fn conflibert_class(code: &str) -> u8 {
    match root_number(code) {
        16 => 3,
        root => pentaclass(root),
    }
}

fn score_conflibert(
    records: &[(String, u8)],
    annotator: &dyn Annotator,
    coder: &Coder,
    report: &mut Report,
) {
    let (mut coded, mut right) = (0, 0);
    let mut halves = Halves::default();
    let mut confusion: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (text, label)) in records.iter().enumerate() {
        let doc = annotator.annotate_text(&format!("conflibert-{i}"), text, None);
        let events = coder.code(&doc);
        let Some(e) = main_event(&doc, &events, |_| true) else {
            continue;
        };
        coded += 1;
        let class = conflibert_class(&e.cameo);
        halves.count(i, class == *label);
        if class == *label {
            right += 1;
        } else {
            *confusion.entry(format!("{label}->{class}")).or_default() += 1;
            report.details.push(format!(
                "conflibert {i}: gold {label} ours {class} ({}) | {text}",
                e.cameo
            ));
        }
    }
    report.push("conflibert_sentences", records.len() as f64);
    report.push("conflibert_coverage", ratio(coded, records.len()));
    report.push("conflibert_class_accuracy", ratio(right, coded));
    halves.push(report, "conflibert_class_accuracy");
    report.notes.push(format!(
        "conflibert: worst confusions (gold->ours) {}",
        top(&confusion)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_match_by_country_or_sector() {
        assert!(loose_actor_match("USAGOV", "USA"));
        assert!(loose_actor_match("USA", "USAMIL"));
        assert!(!loose_actor_match("RUS", "UKR"));
        assert!(loose_actor_match("---LEG", "UKRLEG"));
        assert!(!loose_actor_match("---LEG", "UKRGOV"));
    }

    #[test]
    fn conflibert_classes() {
        assert_eq!(conflibert_class("163"), 3);
        assert_eq!(conflibert_class("190"), 4);
        assert_eq!(conflibert_class("010"), 0);
        assert_eq!(conflibert_class("072"), 2);
    }

    #[test]
    fn gold_categories_in_current_names() {
        assert_eq!(plover_now("DEMAND"), "REQUEST");
        assert_eq!(plover_now("FIGHT"), "ASSAULT");
        assert_eq!(plover_now("AID"), "AID");
    }

    #[test]
    fn words_of_a_parse() {
        let conllu = "# text = x\n1\tRebels\trebel\tNOUN\n2-3\tdon't\t_\n2\tdo\tdo\tAUX\n";
        assert_eq!(conllu_words(conllu), "Rebels do");
    }

    #[test]
    fn lenient_xml_helpers() {
        let tag = r#" eventcode="042" sourcecode="USA" targetcode="CHN" /"#;
        assert_eq!(attribute(tag, "sourcecode").as_deref(), Some("USA"));
        assert_eq!(attribute(tag, "missing"), None);
        assert_eq!(between("a<T>x</T>", "<T>", "</T>"), Some("x"));
        assert_eq!(decode_entities("AT&amp;T &lt;b&gt;"), "AT&T <b>");
    }
}
