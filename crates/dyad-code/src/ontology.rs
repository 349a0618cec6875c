//! The CAMEO ontology: every root, 3- and 4-digit code with its name, Goldstein
//! weight, quad class and PLOVER category and mode.
//!
//! The facts live in `data/cameo.tsv` (generated once by `tools/gen_cameo.py`), compiled
//! into the binary and indexed on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One CAMEO code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// Digits, e.g. `"072"`; roots are two digits (`"07"`).
    pub code: &'static str,
    pub name: &'static str,
    pub goldstein: f32,
    /// PLOVER category (manual 0.8), e.g. `"AID"`; `None` for public statements (root 01).
    pub plover: Option<&'static str>,
    /// PLOVER mode, e.g. `"visit"` for 042.
    pub plover_mode: Option<&'static str>,
}

impl CameoCode {
    /// The two-digit root, e.g. `"07"`.
    pub fn root(&self) -> &'static str {
        &self.code[..2]
    }

    pub fn is_root(&self) -> bool {
        self.code.len() == 2
    }

    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub fn quad_class(&self) -> u8 {
        quad_class(root_number(self.code))
    }
}

/// Quad class of a root number (1–20): roots 01–05 verbal cooperation, 06–08
/// material cooperation, 09–13 verbal conflict, 14–20 material conflict.
pub fn quad_class(root: u8) -> u8 {
    match root {
        0..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

/// The five-way "pentaclass": 0 for neutral statements and appeals (roots 01–02),
/// else the quad class.
pub fn pentaclass(root: u8) -> u8 {
    if root <= 2 {
        0
    } else {
        quad_class(root)
    }
}

/// The root number of a code string ("072" → 7); 0 when it does not start with digits.
pub fn root_number(code: &str) -> u8 {
    code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0)
}

struct Ontology {
    codes: Vec<CameoCode>,
    by_code: HashMap<&'static str, usize>,
}

fn ontology() -> &'static Ontology {
    static ONTOLOGY: OnceLock<Ontology> = OnceLock::new();
    ONTOLOGY.get_or_init(|| {
        let codes: Vec<CameoCode> = include_str!("../data/cameo.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|line| {
                let mut f = line.split('\t');
                let mut next = || f.next().unwrap_or("");
                let code = next();
                let goldstein = next().parse().expect("cameo.tsv: Goldstein weight");
                let plover = Some(next()).filter(|s| !s.is_empty());
                let plover_mode = Some(next()).filter(|s| !s.is_empty());
                CameoCode {
                    code,
                    goldstein,
                    plover,
                    plover_mode,
                    name: next(),
                }
            })
            .collect();
        let by_code = codes.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
        Ontology { codes, by_code }
    })
}

/// The code, if CAMEO has it.
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    let o = ontology();
    o.by_code.get(code).map(|&i| &o.codes[i])
}

/// Every code, roots first within each root's block, in code order.
pub fn all() -> &'static [CameoCode] {
    &ontology().codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_is_present() {
        for root in 1..=20 {
            let code = format!("{root:02}");
            let c = lookup(&code).unwrap_or_else(|| panic!("root {code} missing"));
            assert!(c.is_root());
            assert!(lookup(&format!("{code}0")).is_some(), "{code}0 missing");
        }
    }

    #[test]
    fn known_values() {
        let force = lookup("190").unwrap();
        assert_eq!(force.name, "Use conventional military force");
        assert_eq!(force.goldstein, -10.0);
        assert_eq!(force.quad_class(), 4);
        assert_eq!(force.plover, Some("ASSAULT"));
        let visit = lookup("042").unwrap();
        assert_eq!(visit.name, "Make a visit");
        assert_eq!(visit.goldstein, 1.9);
        assert_eq!(visit.quad_class(), 1);
        assert_eq!(
            (visit.plover, visit.plover_mode),
            (Some("CONSULT"), Some("visit"))
        );
        let arms = lookup("072").unwrap();
        assert_eq!(arms.name, "Provide military aid");
        assert_eq!(arms.goldstein, 8.3);
        assert_eq!(arms.quad_class(), 2);
        assert_eq!(arms.plover, Some("AID"));
        assert_eq!(lookup("112").unwrap().quad_class(), 3);
        assert_eq!(lookup("0874").unwrap().goldstein, 10.0);
        assert_eq!(lookup("1712").unwrap().plover, Some("ASSAULT"));
        assert_eq!(lookup("0232").unwrap().plover, Some("REQUEST"));
        assert_eq!(lookup("010").unwrap().plover, None);
        assert!(lookup("999").is_none());
    }

    #[test]
    fn table_is_complete_and_consistent() {
        // CAMEO 0.7b5 has 20 roots and close to 300 codes below them.
        assert!(all().len() > 300, "{} codes", all().len());
        for c in all() {
            assert!(c.code.len() >= 2 && c.code.len() <= 4, "{}", c.code);
            assert!(c.code.bytes().all(|b| b.is_ascii_digit()), "{}", c.code);
            assert!(!c.name.is_empty(), "{} has no name", c.code);
            assert!((-10.0..=10.0).contains(&c.goldstein), "{}", c.code);
            let root = lookup(c.root()).expect("root of every code");
            assert!(root.is_root());
            if root_number(c.code) >= 3 {
                assert!(c.plover.is_some(), "{} has no PLOVER category", c.code);
            }
        }
    }

    #[test]
    fn classes() {
        assert_eq!(pentaclass(1), 0);
        assert_eq!(pentaclass(4), 1);
        assert_eq!(pentaclass(7), 2);
        assert_eq!(pentaclass(11), 3);
        assert_eq!(pentaclass(19), 4);
        assert_eq!(quad_class(2), 1);
    }
}
