//! Importers for the community's dictionaries: PETRARCH/Phoenix actor and agent files
//! and TABARI `.actors`/`.agents` files. They share one line format:
//!
//! ```text
//! PRIMARY_PHRASE_ {PLURAL} [CODE] [CODE YYMMDD-YYMMDD]   # comment
//! +SYNONYM_PHRASE
//! <TAB>[CODE >YYMMDD]
//! !SET! = WORD, WORD          (agents: substitution sets)
//! ```
//!
//! `;` also starts a comment (TABARI), `<!-- -->` blocks and `<NOUN>...</NOUN>`-style
//! sections are skipped, and `[~GOV]` / `[NGO~]` mark agents. Six-digit dates are
//! `YYMMDD` with years up to 30 read as 20YY. A final `_` marks a whole word. Phoenix
//! phrases are whole words either way (PETRARCH does no stemming); in TABARI files a
//! last word without `_` is a stem that also matches the words it begins (`ARGENTIN`
//! → "Argentina", "Argentine"), as TABARI matches it.

use crate::entry::{DatedCode, Entry, Kind, Origin};
use crate::format::Diagnostic;
use dyad_model::Date;
use std::sync::Arc;

/// Which family a file comes from; it only prefixes the ids (`phoenix.`, `tabari.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Phoenix,
    Tabari,
}

impl Source {
    fn prefix(self) -> &'static str {
        match self {
            Source::Phoenix => "phoenix",
            Source::Tabari => "tabari",
        }
    }
}

/// Code prefixes that are sectors, not countries.
const NON_COUNTRY: &[&str] = &[
    "IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS", "CVL", "ELI", "GOV", "MIL", "REB", "OPP",
];

/// A phrase of a record, and whether its last word is a stem (TABARI phrases
/// without a final `_`; PETRARCH does no stemming, so Phoenix phrases never are).
struct Phrase {
    text: String,
    stem: bool,
}

struct Draft {
    primary: Phrase,
    aliases: Vec<Phrase>,
    codes: Vec<DatedCode>,
    agent_prefix: bool,
    agent: bool,
    line: u32,
    /// No blank line between the previous record and this one.
    adjacent: bool,
    /// The line had no `[...]` at all (a bare phrase, not a failed code).
    bare: bool,
}

/// Parses an imported dictionary. Malformed lines become diagnostics and are skipped.
pub fn parse(file: &Arc<str>, text: &str, source: Source) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_comment = false;
    let mut in_section: Option<String> = None;
    let mut last_blank = true;
    for (index, raw) in text.lines().enumerate() {
        let line = index as u32 + 1;
        let mut owned = String::new();
        let mut content = raw.trim_end();
        // `<!-- ... -->` comments, possibly over several lines.
        if in_comment || content.contains("<!--") {
            owned.push_str(content);
            if in_comment {
                match owned.find("-->") {
                    Some(end) => {
                        in_comment = false;
                        owned.replace_range(..end + 3, "");
                    }
                    None => continue,
                }
            }
            while let Some(start) = owned.find("<!--") {
                match owned[start..].find("-->") {
                    Some(end) => owned.replace_range(start..start + end + 3, ""),
                    None => {
                        owned.truncate(start);
                        in_comment = true;
                    }
                }
            }
            content = &owned;
        }
        if let Some(cut) = content.bytes().position(|b| b == b'#' || b == b';') {
            content = &content[..cut];
        }
        if content.trim_start().starts_with("---STOP---") {
            break;
        }
        let trimmed = content.trim();
        if trimmed.is_empty() {
            last_blank = true;
            continue;
        }
        if let Some(name) = &in_section {
            if trimmed.eq_ignore_ascii_case(&format!("</{name}>")) {
                in_section = None;
            }
            continue;
        }
        if trimmed.starts_with('<') && trimmed.ends_with('>') && !trimmed.starts_with("</") {
            in_section = Some(trimmed[1..trimmed.len() - 1].to_string());
            continue;
        }
        if trimmed.starts_with('!') && trimmed.contains('=') {
            let (name, values) = trimmed.split_once('=').unwrap_or_default();
            let values = values
                .split(',')
                .map(|v| v.trim().replace('_', " "))
                .filter(|v| !v.is_empty())
                .collect();
            sets.push((name.trim().to_string(), values));
            last_blank = false;
            continue;
        }
        let starts_indented = raw.starts_with([' ', '\t']);
        if starts_indented && trimmed.starts_with('[') {
            let Some(draft) = drafts.last_mut() else {
                diags.push(Diagnostic::error(file, line, "code line before any phrase"));
                continue;
            };
            read_codes(file, line, trimmed, draft, &mut diags);
            last_blank = false;
            continue;
        }
        if let Some(synonym) = trimmed.strip_prefix('+') {
            let Some(draft) = drafts.last_mut() else {
                diags.push(Diagnostic::error(
                    file,
                    line,
                    "`+` synonym before any phrase",
                ));
                continue;
            };
            let (phrase, rest) = split_phrase(synonym, source);
            draft.aliases.extend(phrase);
            if !rest.is_empty() {
                read_codes(file, line, rest, draft, &mut diags);
            }
            last_blank = false;
            continue;
        }
        let (mut phrase, rest) = split_phrase(trimmed, source);
        if phrase.is_empty() {
            diags.push(Diagnostic::error(
                file,
                line,
                format!("no phrase before the codes in {trimmed:?}"),
            ));
            continue;
        };
        let primary = phrase.remove(0);
        let mut draft = Draft {
            primary,
            aliases: phrase,
            codes: Vec::new(),
            agent_prefix: false,
            agent: false,
            line,
            adjacent: !last_blank,
            bare: !rest.contains('['),
        };
        read_codes(file, line, rest, &mut draft, &mut diags);
        drafts.push(draft);
        last_blank = false;
    }
    if drafts.is_empty() {
        diags.push(Diagnostic::warning(file, 0, "file holds no entries"));
    }
    // A phrase without codes directly under a coded record is one more name for it
    // (`UN_ [IGOUNO]` then `U.N._`); elsewhere it cannot be used.
    let mut merged: Vec<Draft> = Vec::new();
    let mut last_kept = false;
    for draft in drafts {
        if draft.codes.is_empty() {
            match merged.last_mut() {
                Some(prev) if draft.adjacent && draft.bare && last_kept => {
                    prev.aliases.push(draft.primary);
                    prev.aliases.extend(draft.aliases);
                }
                _ => {
                    diags.push(Diagnostic::warning(
                        file,
                        draft.line,
                        format!("{:?} has no code; skipped", draft.primary.text),
                    ));
                    last_kept = false;
                }
            }
            continue;
        }
        merged.push(draft);
        last_kept = true;
    }
    // Ids repeated within or across files get the line appended when they are added.
    let entries = merged
        .into_iter()
        .map(|d| to_entry(file, d, source, &sets))
        .collect();
    (entries, diags)
}

/// The phrases (primary, then an explicit plural in `{}`) and the rest of the line
/// from the first `[`.
fn split_phrase(text: &str, source: Source) -> (Vec<Phrase>, &str) {
    let code_at = text.find('[').unwrap_or(text.len());
    let (head, rest) = text.split_at(code_at);
    let mut phrases = Vec::new();
    let (main, plural) = match head.find('{') {
        Some(b) => {
            let close = head[b..].find('}').map_or(head.len(), |c| b + c);
            (&head[..b], Some(&head[b + 1..close]))
        }
        None => (head, None),
    };
    for part in std::iter::once(main).chain(plural) {
        if let Some(text) = clean_phrase(part) {
            // TABARI: a last word without `_` after it is a stem.
            let stem = source == Source::Tabari && !part.trim_end().ends_with('_');
            phrases.push(Phrase { text, stem });
        }
    }
    (phrases, rest)
}

/// `ADEN_ISLAMIC_ARMY_(AAIA)_` → `ADEN ISLAMIC ARMY`: words one space apart.
fn clean_phrase(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth > 0 => {}
            c if c == '_' || c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    (!out.is_empty()).then_some(out)
}

fn read_codes(
    file: &Arc<str>,
    line: u32,
    text: &str,
    draft: &mut Draft,
    diags: &mut Vec<Diagnostic>,
) {
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            diags.push(Diagnostic::error(file, line, "`[` without a closing `]`"));
            return;
        };
        let inner = rest[open + 1..open + close].trim();
        rest = &rest[open + close + 1..];
        let (code, restriction) = match inner.find(char::is_whitespace) {
            Some(sp) => (&inner[..sp], inner[sp..].trim()),
            None => (inner, ""),
        };
        let code = code.to_ascii_uppercase();
        if code.is_empty() || code.chars().all(|c| matches!(c, '-' | '#' | '+')) {
            // `[---]` "no actor", `[###]` "discard": nothing to code.
            continue;
        }
        let (start, end) = match parse_restriction(restriction) {
            Some(range) => range,
            None => {
                diags.push(Diagnostic::warning(
                    file,
                    line,
                    format!("bad date restriction {restriction:?} on [{code}]; code skipped"),
                ));
                continue;
            }
        };
        if let Some(sector) = code.strip_prefix('~') {
            draft.agent = true;
            draft.codes.push(DatedCode {
                code: sector.to_string(),
                start,
                end,
            });
        } else if let Some(sector) = code.strip_suffix('~') {
            draft.agent = true;
            draft.agent_prefix = true;
            draft.codes.push(DatedCode {
                code: sector.to_string(),
                start,
                end,
            });
        } else {
            draft.codes.push(DatedCode { code, start, end });
        }
    }
}

type Range = (Option<Date>, Option<Date>);

fn parse_restriction(text: &str) -> Option<Range> {
    let spaced;
    let compact = if text.contains(char::is_whitespace) {
        spaced = text.split_whitespace().collect::<String>();
        spaced.as_str()
    } else {
        text
    };
    if compact.is_empty() {
        return Some((None, None));
    }
    if let Some(d) = compact.strip_prefix('>') {
        return Some((Some(yymmdd(d)?), None));
    }
    if let Some(d) = compact.strip_prefix('<') {
        return Some((None, Some(yymmdd(d)?.add_days(-1))));
    }
    let (a, b) = compact.split_once('-')?;
    Some((Some(yymmdd(a)?), Some(yymmdd(b)?)))
}

fn yymmdd(text: &str) -> Option<Date> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match text.len() {
        6 => {
            let yy: i32 = text[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &text[2..])
        }
        8 => (text[..4].parse().ok()?, &text[4..]),
        _ => return None,
    };
    Date::new(year, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Appends the phrase to `out` with every `!SET!` in it replaced by each of its values.
fn expand_sets(phrase: String, sets: &[(String, Vec<String>)], out: &mut Vec<String>) {
    if !phrase.contains('!') {
        out.push(phrase);
        return;
    }
    for (name, values) in sets {
        if let Some(at) = phrase.find(name.as_str()) {
            let (before, after) = (&phrase[..at], &phrase[at + name.len()..]);
            for v in values {
                expand_sets(format!("{before}{v}{after}"), sets, out);
            }
            return;
        }
    }
    out.push(phrase.split_whitespace().collect::<Vec<_>>().join(" "));
}

fn to_entry(
    file: &Arc<str>,
    draft: Draft,
    source: Source,
    sets: &[(String, Vec<String>)],
) -> Entry {
    let Draft {
        primary,
        aliases,
        codes,
        agent_prefix,
        agent,
        line,
        ..
    } = draft;
    let first = codes[0].code.as_str();
    let several = codes.iter().any(|c| c.code != first);
    let dated = codes.iter().any(|c| c.start.is_some() || c.end.is_some());
    let kind = if agent {
        Kind::Agent
    } else if dated || several {
        Kind::Person
    } else if first.len() == 3 && !NON_COUNTRY.contains(&first) {
        Kind::Country
    } else if ["IGO", "NGO", "NGM", "MNC"]
        .iter()
        .any(|p| first.starts_with(p))
    {
        Kind::Org
    } else if ["REB", "INS", "UAF", "IMG", "RAD", "SEP"]
        .iter()
        .any(|p| first.contains(p))
    {
        Kind::Group
    } else {
        Kind::Org
    };
    let primary_stem = primary.stem;
    let mut names = Vec::with_capacity(aliases.len() + 1);
    let mut stems = Vec::new();
    for phrase in std::iter::once(primary).chain(aliases) {
        let out = if phrase.stem { &mut stems } else { &mut names };
        expand_sets(phrase.text, sets, out);
    }
    // The primary phrase names the record (`stems` holds it when it is a stem).
    let (first_list, other_list) = if primary_stem {
        (&stems, &names)
    } else {
        (&names, &stems)
    };
    let display = first_list
        .first()
        .or(other_list.first())
        .map_or("", String::as_str);
    let mut id = String::with_capacity(source.prefix().len() + 1 + display.len());
    id.push_str(source.prefix());
    id.push('.');
    id.extend(display.chars().map(|c| {
        if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        }
    }));
    let mut entry = Entry::new(
        kind,
        id,
        Origin {
            file: file.clone(),
            line,
        },
    );
    entry.name = title_case(display);
    entry.aliases = names;
    entry.stems = stems;
    entry.agent_prefix = agent_prefix;
    if kind == Kind::Country {
        entry.code = Some(first.to_string());
        entry.iso3 = Some(first.to_string());
    }
    if kind == Kind::Agent {
        entry.sector = Some(first.to_string());
    }
    entry.codes = codes;
    entry
}

/// `ISLAMIC_STATE` → `Islamic State` for display.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = c == ' ';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, source: Source) -> (Vec<Entry>, Vec<String>) {
        let file: Arc<str> = Arc::from("x.actors");
        let (e, d) = parse(&file, text, source);
        (e, d.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn phoenix_actor_records() {
        let text = "# header\n\nRURITANIA_  [RUR]\n+RURITANIAN_\n+STRELSAU # capital\n\nRUDOLF_ELPHBERG_  # note\n+KING_RUDOLF_\n\t[RURELI 700101-991231]\n\t[RURGOV >000101]\n\t[RURELI]\nRED_HAND_BRIGADE_(RHB)_ [RURREB] #  kkl\nUN_ [IGOUNO]\nU.N._\n";
        let (entries, diags) = run(text, Source::Phoenix);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(entries.len(), 4);
        let rur = &entries[0];
        assert_eq!(rur.kind, Kind::Country);
        assert_eq!(rur.aliases, ["RURITANIA", "RURITANIAN", "STRELSAU"]);
        let king = &entries[1];
        assert_eq!(king.kind, Kind::Person);
        assert_eq!(king.origin.line, 7);
        let d = |s: &str| Some(Date::parse(s).unwrap());
        assert_eq!(king.code_on(d("2005-01-01")).unwrap().code, "RURGOV");
        assert_eq!(king.code_on(d("1980-01-01")).unwrap().code, "RURELI");
        assert_eq!(king.code_on(None).unwrap().code, "RURGOV");
        assert_eq!(entries[2].aliases, ["RED HAND BRIGADE"]);
        assert_eq!(entries[2].kind, Kind::Group);
        assert_eq!(entries[3].aliases, ["UN", "U.N."]);
        // PETRARCH does no stemming: Phoenix phrases are whole words with or without `_`.
        assert!(entries.iter().all(|e| e.stems.is_empty()));
    }

    #[test]
    fn agents_with_sets_and_plurals() {
        let text = "!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nCATTLE_THIEF {CATTLE_THIEVES} [~CRM]\nHERDS!PERSON! [~AGR]\nRIGHTS_GROUP [ NGO~] ;x\n";
        let (entries, diags) = run(text, Source::Tabari);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(entries.iter().all(|e| e.kind == Kind::Agent));
        assert_eq!(entries[0].sector.as_deref(), Some("COP"));
        // TABARI phrases without a final `_` are stems.
        assert_eq!(entries[1].stems, ["CATTLE THIEF", "CATTLE THIEVES"]);
        assert_eq!(entries[2].stems, ["HERDSMAN", "HERDSMEN"]);
        assert!(entries[1].aliases.is_empty());
        assert!(entries[3].agent_prefix);
    }

    #[test]
    fn tabari_sections_comments_and_bad_dates() {
        let text = "<NOUN>\nFORCES_ ;x\n</NOUN>\n<!-- a\ncomment -->\nALBRIGHT  [USAGOV 991201-010114] [---] ;ems\nAXNOR  [AR1 <911226] [AR2]\nBAD [XXX 2004017-20061201]\nNOCODE\n\nLONELY\n";
        let (entries, diags) = run(text, Source::Tabari);
        assert_eq!(entries.len(), 2, "{entries:?}");
        assert_eq!(entries[0].codes.len(), 1);
        let axnor = entries[1].code_on(Some(Date::parse("1991-12-25").unwrap()));
        assert_eq!(axnor.unwrap().code, "AR1");
        assert!(
            diags[0].starts_with("x.actors:8: warning: bad date restriction"),
            "{diags:?}"
        );
        assert!(diags
            .iter()
            .any(|d| d.starts_with("x.actors:8: warning: \"BAD\" has no code")));
        assert!(diags
            .iter()
            .any(|d| d.starts_with("x.actors:9: warning: \"NOCODE\" has no code")));
        assert!(diags
            .iter()
            .any(|d| d.starts_with("x.actors:11: warning: \"LONELY\"")));
    }
}
