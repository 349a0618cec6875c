//! Quantities: a number phrase before a noun.
//!
//! # What is read
//! `[qualifier] [currency sign] number [scale] [measure of | currency word] [modifiers] head`
//! - qualifiers are kept in the text and do not change the value: `at least`, `more
//!   than`, `up to`, `some`, `about`, `nearly`, `an estimated`...;
//! - numbers: digits (`10,000`, `3.5`), words (`five`, `twenty-one`, `a dozen`, `two
//!   dozen`, `two hundred`), with scale words (`3.5 million`);
//! - vague amounts keep their text with no value: `hundreds of fighters`, `tens of
//!   thousands of troops`, `several hundred`, `dozens of`;
//! - measures: `10 tonnes of ammunition` (value 10, unit `tonnes of ammunition`) and,
//!   without a number, `tonnes of ammunition` (no value);
//! - money: `$3.5 million`, `3.5 million dollars`, `$50 million in aid`, `€2 billion
//!   worth of arms` → value 3500000 and the ISO 4217 code as unit (`USD`, `EUR`, `GBP`,
//!   `RUB`): a code compares across spellings, where "dollars" and "$" would not.
//!
//! Otherwise the unit is the text from after the number to the end of the head
//! ("10,000 Kalashnikov rifles" → `Kalashnikov rifles`); between number and head only
//! content words may stand (no articles, prepositions, pronouns, auxiliaries,
//! punctuation or, when tagged, finite verbs). A bare four-digit number from 1900 to 2100 is a year, not a count.
//! English puts these numbers before their noun (UD `nummod`), so the reader works on the
//! token sequence and needs no parse.

use super::atoms::{month, read_number, scale, sentence_atoms, weekday, Atom};
use dyad_model::{Document, Quantity, Upos};

/// How far before the head a quantity may start, in atoms.
const REACH: usize = 12;

pub(super) fn find(doc: &Document, sentence: usize, head: usize) -> Option<Quantity> {
    let atoms = sentence_atoms(doc, sentence);
    let head_first = atoms.iter().position(|a| a.token == head)?;
    let head_last = atoms.iter().rposition(|a| a.token == head)?;
    (head_first.saturating_sub(REACH)..=head_first).find_map(|start| {
        let reading = read(&atoms, start)?;
        // The head is part of the number phrase itself ("$", "million", "dollars", or
        // "hundreds" in "hundreds of fighters", where UD makes "hundreds" the head).
        let end = if reading.end > head_last {
            through_of_phrase(doc, &atoms, reading.end)
        } else if reading.end <= head_first
            && nominal(doc, head, true)
            && modifiers_only(
                doc,
                &atoms[reading.end..head_first],
                reading.currency.is_some(),
            )
        {
            head_last + 1
        } else {
            return None;
        };
        let text = doc.text[atoms[start].span.start..atoms[end - 1].span.end].to_string();
        let unit = match reading.currency {
            Some(code) => Some(code.to_string()),
            None => atoms
                .get(reading.unit_start)
                .filter(|_| reading.unit_start < end)
                .map(|a| doc.text[a.span.start..atoms[end - 1].span.end].to_string()),
        };
        Some(Quantity {
            text,
            value: reading.value,
            unit,
        })
    })
}

/// After a phrase ending in "of" ("hundreds of", "tonnes of"), the end of the noun
/// phrase that follows: up to five content words.
fn through_of_phrase(doc: &Document, atoms: &[Atom], end: usize) -> usize {
    if end == 0 || atoms[end - 1].text != "of" {
        return end;
    }
    let (mut k, mut words) = (end, 0);
    while k < atoms.len() && words < 5 && nominal(doc, atoms[k].token, false) {
        let token = atoms[k].token;
        while atoms.get(k).is_some_and(|a| a.token == token) {
            k += 1;
        }
        words += 1;
    }
    k
}

/// A number phrase read from atom `start`.
struct Reading {
    /// Exclusive end of the number phrase (with its measure or currency word).
    end: usize,
    /// Where the unit text starts when it is not a currency.
    unit_start: usize,
    value: Option<f64>,
    currency: Option<&'static str>,
}

fn word(atoms: &[Atom], i: usize) -> &str {
    atoms.get(i).map_or("", |a| a.text.as_str())
}

fn read(atoms: &[Atom], start: usize) -> Option<Reading> {
    let mut at = qualifier(atoms, start);
    let mut currency = None;
    if word(atoms, at) == "us" && word(atoms, at + 1) == "$" {
        at += 1;
    }
    if let Some(code) = currency_sign(word(atoms, at)) {
        currency = Some(code);
        at += 1;
    }
    let (mut end, value) = match number(atoms, at) {
        Some(found) => found,
        // "tonnes of ammunition": a measure with no number.
        None if currency.is_none() && at == start && is_measure(word(atoms, at)) => {
            return (word(atoms, at + 1) == "of").then_some(Reading {
                end: at + 2,
                unit_start: at,
                value: None,
                currency: None,
            });
        }
        None => return None,
    };
    if let Some(v) = value {
        let first = &atoms[at];
        let year_like =
            first.is_digits() && first.text.len() == 4 && (1900.0..=2100.0).contains(&v);
        if year_like && currency.is_none() && end == at + 1 {
            return None;
        }
    }
    // A day of a date ("Feb. 3", "3 March") or a span of time ("two days ago").
    let date_word = |k: usize| month(word(atoms, k)).is_some();
    let after_month = (start > 0 && date_word(start - 1))
        || (start > 1 && word(atoms, start - 1) == "." && date_word(start - 2));
    if (after_month && currency.is_none())
        || date_word(end)
        || word(atoms, end) == "ago"
        || word(atoms, end + 1) == "ago"
    {
        return None;
    }
    // The number must end on a token boundary ("AK-47" is no count of 47).
    if atoms
        .get(end)
        .is_some_and(|a| a.glued && a.token == atoms[end - 1].token)
        && currency_word(atoms, end).is_none()
    {
        return None;
    }
    let mut unit_start = end;
    if currency.is_none() {
        if let Some((after, code)) = currency_word(atoms, end) {
            currency = Some(code);
            end = after;
        } else if is_measure(word(atoms, end)) && word(atoms, end + 1) == "of" {
            end += 2;
        } else if value.is_none()
            && word(atoms, end) == "of"
            && is_measure(word(atoms, end + 1))
            && word(atoms, end + 2) == "of"
        {
            // "hundreds of tonnes of arms": the measure is part of the unit.
            end += 3;
            unit_start = end - 2;
        } else if value.is_none() && word(atoms, end) == "of" {
            // "hundreds of fighters": the unit is what follows "of".
            end += 1;
            unit_start = end;
        }
    }
    Some(Reading {
        end,
        unit_start,
        value,
        currency,
    })
}

/// Skips "at least", "some", "about"...: returns where the number starts.
fn qualifier(atoms: &[Atom], i: usize) -> usize {
    let pair = (word(atoms, i), word(atoms, i + 1));
    match pair {
        ("at", "least" | "most") | ("more" | "less" | "fewer", "than") | ("up", "to") => i + 2,
        ("an", "estimated") => i + 2,
        ("as", "many" | "much") if word(atoms, i + 2) == "as" => i + 3,
        (
            "some" | "about" | "around" | "nearly" | "almost" | "approximately" | "roughly"
            | "over" | "under" | "estimated" | "only" | "just",
            _,
        ) => i + 1,
        _ => i,
    }
}

/// A number, or a vague amount (value `None`).
fn number(atoms: &[Atom], i: usize) -> Option<(usize, Option<f64>)> {
    let w = |k: usize| word(atoms, k);
    // "tens of thousands", "hundreds of thousands"
    if matches!(w(i), "tens" | "hundreds")
        && w(i + 1) == "of"
        && matches!(w(i + 2), "thousands" | "millions")
    {
        return Some((i + 3, None));
    }
    if matches!(
        w(i),
        "hundreds" | "thousands" | "millions" | "billions" | "dozens" | "scores"
    ) && w(i + 1) == "of"
    {
        return Some((i + 1, None));
    }
    if matches!(w(i), "several" | "many" | "few") && scale(w(i + 1)).is_some() {
        return Some((i + 2, None));
    }
    if w(i) == "a" && w(i + 1) == "few" && scale(w(i + 2)).is_some() {
        return Some((i + 3, None));
    }
    read_number(atoms, i).map(|(end, value)| (end, Some(value)))
}

fn currency_sign(word: &str) -> Option<&'static str> {
    match word {
        "$" | "us$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "₽" => Some("RUB"),
        _ => None,
    }
}

/// "dollars", "U.S. dollars", "euros", "pounds sterling", "rubles" after a number.
fn currency_word(atoms: &[Atom], i: usize) -> Option<(usize, &'static str)> {
    let w = |k: usize| word(atoms, k);
    let skip = usize::from(matches!(w(i), "u.s." | "us" | "american"));
    let code = match w(i + skip) {
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "pounds" if w(i + 1) == "sterling" => return Some((i + 2, "GBP")),
        "sterling" => "GBP",
        "rubles" | "roubles" => "RUB",
        "yuan" => "CNY",
        _ => return None,
    };
    Some((i + skip + 1, code))
}

fn is_measure(word: &str) -> bool {
    matches!(
        word,
        "tonnes"
            | "tons"
            | "tonne"
            | "ton"
            | "kilograms"
            | "kilos"
            | "kg"
            | "barrels"
            | "litres"
            | "liters"
            | "gallons"
            | "truckloads"
            | "crates"
            | "containers"
            | "shipments"
            | "boxes"
            | "planeloads"
            | "batches"
    )
}

/// Between the number and the head only content words may stand; after money also
/// "in" and "worth of" ("$50 million in military aid").
fn modifiers_only(doc: &Document, between: &[Atom], money: bool) -> bool {
    let mut rest = between;
    if money {
        rest = match rest.first().map(|a| a.text.as_str()) {
            Some("in" | "of") => &rest[1..],
            Some("worth") if rest.get(1).is_some_and(|a| a.text == "of") => &rest[2..],
            _ => rest,
        };
    }
    let mut tokens: Vec<usize> = rest.iter().map(|a| a.token).collect();
    tokens.dedup();
    tokens.len() <= 5 && tokens.iter().all(|&t| nominal(doc, t, false))
}

/// Whether token `t` can be the counted noun (`head`) or one of its premodifiers: a
/// word, not a closed-class word, date word or (when tagged) a verb other than a
/// participle.
fn nominal(doc: &Document, t: usize, head: bool) -> bool {
    let text = doc.token_text(t);
    let lower = text.to_lowercase();
    if !text.chars().any(char::is_alphabetic)
        || STOP.contains(&lower.as_str())
        || month(&lower).is_some()
        || weekday(&lower).is_some()
        || lower == "ago"
    {
        return false;
    }
    let token = &doc.tokens[t];
    match token.upos {
        Upos::X | Upos::NOUN | Upos::PROPN | Upos::NUM | Upos::SYM => true,
        Upos::ADJ => !head,
        Upos::VERB => !head && matches!(token.xpos.as_str(), "VBN" | "VBG"),
        _ => false,
    }
}

/// Words that end a noun phrase's premodifiers.
const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "to", "from", "by", "with", "for", "in", "on", "at",
    "of", "that", "which", "who", "said", "says", "was", "were", "is", "are", "be", "been", "have",
    "has", "had", "will", "would", "than", "as", "it", "its", "their", "his", "her", "they", "he",
    "she", "we", "this", "these", "those", "since", "after", "before", "into",
];

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    fn quantity(text: &str, head: &str) -> Option<(String, Option<f64>, Option<String>)> {
        let d = doc(text, None);
        find(&d, 0, token(&d, head)).map(|q| (q.text, q.value, q.unit))
    }

    fn check(text: &str, head: &str, expected: &str, value: Option<f64>, unit: Option<&str>) {
        assert_eq!(
            quantity(text, head),
            Some((expected.to_string(), value, unit.map(str::to_string))),
            "{text}"
        );
    }

    #[test]
    fn counts_before_the_noun() {
        check(
            "Russia supplied 10,000 Kalashnikov rifles to Kabul .",
            "rifles",
            "10,000 Kalashnikov rifles",
            Some(10_000.0),
            Some("Kalashnikov rifles"),
        );
        check(
            "They sent five tanks .",
            "tanks",
            "five tanks",
            Some(5.0),
            Some("tanks"),
        );
        check(
            "They sent twenty-one advisers .",
            "advisers",
            "twenty-one advisers",
            Some(21.0),
            Some("advisers"),
        );
        check(
            "They sent 10,000 AK-47 rifles .",
            "rifles",
            "10,000 AK-47 rifles",
            Some(10_000.0),
            Some("AK-47 rifles"),
        );
    }

    #[test]
    fn dozens_and_words() {
        check(
            "They fired two dozen rockets .",
            "rockets",
            "two dozen rockets",
            Some(24.0),
            Some("rockets"),
        );
        check(
            "They fired a dozen rockets .",
            "rockets",
            "a dozen rockets",
            Some(12.0),
            Some("rockets"),
        );
        check(
            "They sent hundreds of fighters .",
            "fighters",
            "hundreds of fighters",
            None,
            Some("fighters"),
        );
        check(
            "They sent tens of thousands of troops .",
            "troops",
            "tens of thousands of troops",
            None,
            Some("troops"),
        );
        check(
            "They sent several hundred troops .",
            "troops",
            "several hundred troops",
            None,
            Some("troops"),
        );
    }

    #[test]
    fn qualifiers_stay_in_the_text() {
        check(
            "The blast killed at least 30 people .",
            "people",
            "at least 30 people",
            Some(30.0),
            Some("people"),
        );
        check(
            "Turkey sent some 2,000 troops .",
            "troops",
            "some 2,000 troops",
            Some(2_000.0),
            Some("troops"),
        );
    }

    #[test]
    fn money_is_a_currency_code() {
        check(
            "Riyadh gave $3.5 million to the group .",
            "$3.5",
            "$3.5 million",
            Some(3_500_000.0),
            Some("USD"),
        );
        check(
            "Riyadh gave 3.5 million dollars .",
            "dollars",
            "3.5 million dollars",
            Some(3_500_000.0),
            Some("USD"),
        );
        check(
            "Washington gave $50 million in military aid .",
            "aid",
            "$50 million in military aid",
            Some(50_000_000.0),
            Some("USD"),
        );
        check(
            "Brussels pledged €2 billion worth of arms .",
            "arms",
            "€2 billion worth of arms",
            Some(2e9),
            Some("EUR"),
        );
    }

    #[test]
    fn measures() {
        check(
            "Iran shipped tonnes of ammunition .",
            "ammunition",
            "tonnes of ammunition",
            None,
            Some("tonnes of ammunition"),
        );
        check(
            "Iran shipped 40 tonnes of ammunition .",
            "ammunition",
            "40 tonnes of ammunition",
            Some(40.0),
            Some("tonnes of ammunition"),
        );
    }

    #[test]
    fn the_head_may_be_the_amount_itself() {
        // UD heads "hundreds of fighters" on "hundreds".
        check(
            "They sent hundreds of foreign fighters to Syria .",
            "hundreds",
            "hundreds of foreign fighters",
            None,
            Some("foreign fighters"),
        );
        check(
            "Iran shipped tonnes of ammunition .",
            "tonnes",
            "tonnes of ammunition",
            None,
            Some("tonnes of ammunition"),
        );
    }

    #[test]
    fn vague_measures() {
        check(
            "Moscow shipped hundreds of tonnes of arms .",
            "arms",
            "hundreds of tonnes of arms",
            None,
            Some("tonnes of arms"),
        );
    }

    #[test]
    fn no_quantity() {
        assert_eq!(quantity("Russia supplied rifles .", "rifles"), None);
        assert_eq!(quantity("The 2015 deal collapsed .", "deal"), None);
        assert_eq!(quantity("In 2015 , the rebels attacked .", "rebels"), None);
        assert_eq!(quantity("They sent 5 , the rebels said .", "rebels"), None);
        assert_eq!(quantity("They met on Feb. 3 , 2016 .", "3"), None);
        assert_eq!(quantity("They met on 3 March .", "March"), None);
        assert_eq!(quantity("They left two days ago .", "days"), None);
        assert_eq!(
            quantity("Hundreds of fighters crossed into Iraq .", "into"),
            None
        );
        // With tags, a verb is no counted noun.
        let mut d = doc("Hundreds of fighters crossed into Iraq .", None);
        let crossed = token(&d, "crossed");
        d.tokens[crossed].upos = Upos::VERB;
        d.tokens[crossed].xpos = "VBD".into();
        assert_eq!(find(&d, 0, crossed), None);
        assert!(find(&d, 0, token(&d, "fighters")).is_some());
    }
}
