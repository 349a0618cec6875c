//! Coverage of the default people dictionaries (issue 4, §2 "People"): for the 40
//! most-reported states and five kinds of office, which calendar years 2000–2026 have at
//! least one holder in `dict/people-*.dyad`.
//!
//! Run with `cargo test -p dyad-actors --test people_coverage -- --nocapture` to see the
//! table and the list of gaps.
//!
//! How a role is classified (its ACTOR must be the state's ISO3; the title is lowercased and
//! leading qualifiers `acting`, `interim`, `caretaker`, `transitional`, `de facto`, `federal`
//! are dropped; titles naming a deputy, vice, shadow or former holder never count):
//!
//! * head of state: sector `GOV` or `MIL` and a title in [`HEAD_OF_STATE_TITLES`]
//!   (`president`, `king`, `emir`, `supreme leader`, the chairs of collective heads of
//!   state and juntas...). Opposition claimants (sector `OPP`) do not count.
//! * head of government: a title in [`HEAD_OF_GOVERNMENT_TITLES`] (`prime minister`,
//!   `premier`, `chancellor`, `chief executive`...; never the Chancellor of the Exchequer),
//!   or a head-of-state role in a state and years where the head of state also heads the
//!   government ([`HEAD_OF_STATE_HEADS_GOVERNMENT`]: USA, presidential republics, the Saudi
//!   king, Iran's president...).
//! * foreign minister: a title with `foreign` or `external affairs` and `minister` or
//!   `secretary` (`foreign minister`, `minister of foreign affairs`, `foreign secretary`),
//!   or `secretary of state` for the USA.
//! * defence minister: a title with `defen` and `minister` or `secretary` (not a council:
//!   Ukraine's National Security and Defence Council is not the ministry), or
//!   `armed forces minister`, `minister of the armed forces`, `minister of war`,
//!   `secretary of war`.
//! * intelligence chief: any role with sector `SPY` (the chiefs of the intelligence and
//!   security services: CIA, DNI, MI6, FSB, SBU...).
//!
//! A role covers a year if its dates overlap it; an open end runs to 2026. Posts that did
//! not exist are listed in [`NO_SUCH_POST`] with the reason; those cells are left out of the
//! count.

use dyad_actors::{Diagnostic, Dictionaries, Kind, Role};
use std::fmt::Write as _;

const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2026;
const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// The 40 states whose office holders the defaults must cover.
const STATES: [&str; 40] = [
    "USA", "GBR", "FRA", "DEU", "POL", "VEN", "COL", "RUS", "UKR", "BLR", "KAZ", "TJK", "ISR",
    "PSE", "IRN", "IRQ", "SYR", "TUR", "SAU", "ARE", "QAT", "EGY", "JOR", "LBN", "YEM", "LBY",
    "CHN", "JPN", "KOR", "PRK", "AFG", "PAK", "IND", "SDN", "ETH", "SOM", "NGA", "MLI", "COD",
    "RWA",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Office {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    IntelligenceChief,
}

impl Office {
    const ALL: [Office; 5] = [
        Office::HeadOfState,
        Office::HeadOfGovernment,
        Office::ForeignMinister,
        Office::DefenceMinister,
        Office::IntelligenceChief,
    ];

    fn short(self) -> &'static str {
        match self {
            Office::HeadOfState => "HoS",
            Office::HeadOfGovernment => "HoG",
            Office::ForeignMinister => "FM",
            Office::DefenceMinister => "DM",
            Office::IntelligenceChief => "Intel",
        }
    }
}

/// Titles (lowercased, qualifiers dropped) of heads of state, including the chairs of
/// collective presidencies and of juntas that acted as head of state.
const HEAD_OF_STATE_TITLES: &[&str] = &[
    "president",
    "king",
    "queen",
    "emperor",
    "monarch",
    "emir",
    "sultan",
    "supreme leader",
    "head of state",
    "junta leader",
    "head of the junta",
    "chairman of the interim administration",
    "chairman of the presidential council",
    "chairman of the presidential leadership council",
    "chairman of the sovereignty council",
    "chairman of the transitional military council",
    "chairman of the supreme council of the armed forces",
    "chairman of the national transitional council",
    "chairman of the national committee for the salvation of the people",
    "chairman of the state affairs commission",
    "chairman of the national defence commission",
    "president of the state affairs commission",
    "president of the palestinian authority",
    "president of the state of palestine",
    "president of the general national congress",
    "president of the house of representatives of libya",
    "president of the transition",
    "leader of the revolution",
    "brotherly leader and guide of the revolution",
];

/// Titles (lowercased, qualifiers dropped) of heads of government.
const HEAD_OF_GOVERNMENT_TITLES: &[&str] = &[
    "prime minister",
    "premier",
    "chancellor",
    "head of government",
    "chief executive",
    "chairman of the council of ministers",
    "president of the council of ministers",
    "president of the government",
];

/// States and years in which the head of state also heads the government, so head-of-state
/// roles count for the head of government too: `(state, first year, last year, why)`.
const HEAD_OF_STATE_HEADS_GOVERNMENT: &[(&str, i32, i32, &str)] = &[
    ("USA", 2000, 2026, "presidential republic"),
    ("VEN", 2000, 2026, "presidential republic"),
    ("COL", 2000, 2026, "presidential republic"),
    ("NGA", 2000, 2026, "presidential republic"),
    (
        "KOR",
        2000,
        2026,
        "the president heads the executive; the prime minister assists",
    ),
    (
        "IRN",
        2000,
        2026,
        "the president heads the government under the supreme leader",
    ),
    (
        "SAU",
        2000,
        2026,
        "the king is prime minister until the crown prince takes the post in 2022",
    ),
    (
        "AFG",
        2002,
        2021,
        "presidential republic from the interim administration to the Taliban takeover",
    ),
    ("SDN", 2000, 2016, "no prime minister between 1989 and 2017"),
    (
        "COD",
        2000,
        2006,
        "no prime minister 1997–2006; the president headed the government",
    ),
    (
        "TUR",
        2018,
        2026,
        "executive presidency; the prime minister's post abolished in 2018",
    ),
    (
        "SYR",
        2025,
        2026,
        "the transitional constitution of 2025 has no prime minister",
    ),
];

/// Offices that did not exist in a state for some years: `(state, office, first year, last
/// year, why)`. These cells are neither covered nor gaps.
const NO_SUCH_POST: &[(&str, Office, i32, i32, &str)] = &[
    (
        "PSE",
        Office::DefenceMinister,
        2000,
        2026,
        "the Palestinian Authority has no defence ministry",
    ),
    (
        "PSE",
        Office::HeadOfGovernment,
        2000,
        2002,
        "the Palestinian prime minister's post was created in March 2003",
    ),
];

/// Lowercases a title and drops leading qualifiers that do not change the office.
fn base_title(title: &str) -> String {
    let mut t = title.trim().to_lowercase();
    loop {
        let before = t.len();
        for q in [
            "acting ",
            "interim ",
            "caretaker ",
            "transitional ",
            "de facto ",
            "federal ",
        ] {
            if let Some(rest) = t.strip_prefix(q) {
                t = rest.trim_start().to_string();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

fn is_subordinate(title: &str) -> bool {
    ["deputy", "vice ", "vice-", "shadow", "former", "spokes"]
        .iter()
        .any(|w| title.contains(w))
}

fn is_head_of_state(role: &Role, title: &str) -> bool {
    matches!(role.sector.as_str(), "GOV" | "MIL") && HEAD_OF_STATE_TITLES.contains(&title)
}

/// The offices one role counts for (before the per-year head-of-state table).
fn offices_of(role: &Role) -> Vec<Office> {
    let title = base_title(&role.title);
    if is_subordinate(&title) {
        return Vec::new();
    }
    let minister_like = title.contains("minister") || title.contains("secretary");
    let mut offices = Vec::new();
    if is_head_of_state(role, &title) {
        offices.push(Office::HeadOfState);
    }
    if HEAD_OF_GOVERNMENT_TITLES.contains(&title.as_str()) {
        offices.push(Office::HeadOfGovernment);
    }
    if (minister_like && (title.contains("foreign") || title.contains("external affairs")))
        || (role.actor == "USA" && title == "secretary of state")
    {
        offices.push(Office::ForeignMinister);
    }
    if (minister_like && title.contains("defen") && !title.contains("council"))
        || [
            "armed forces minister",
            "minister of the armed forces",
            "minister of war",
            "secretary of war",
        ]
        .contains(&title.as_str())
    {
        offices.push(Office::DefenceMinister);
    }
    if role.sector == "SPY" {
        offices.push(Office::IntelligenceChief);
    }
    offices
}

/// The first and last year 2000–2026 a role overlaps, if any.
fn years_of(role: &Role) -> Option<(i32, i32)> {
    let start = role.start.map_or(FIRST_YEAR, |d| d.year()).max(FIRST_YEAR);
    let end = role.end.map_or(LAST_YEAR, |d| d.year()).min(LAST_YEAR);
    (start <= end).then_some((start, end))
}

fn head_of_state_heads_government(state: &str, year: i32) -> bool {
    HEAD_OF_STATE_HEADS_GOVERNMENT
        .iter()
        .any(|&(s, from, to, _)| s == state && (from..=to).contains(&year))
}

fn no_such_post(state: &str, office: Office, year: i32) -> bool {
    NO_SUCH_POST
        .iter()
        .any(|&(s, o, from, to, _)| s == state && o == office && (from..=to).contains(&year))
}

/// `covered[state][office][year - 2000]`.
type Coverage = Vec<[[bool; YEARS]; 5]>;

fn coverage(dicts: &Dictionaries) -> Coverage {
    let mut covered = vec![[[false; YEARS]; 5]; STATES.len()];
    for entry in dicts.entries().iter().filter(|e| e.kind == Kind::Person) {
        for role in &entry.roles {
            let Some(s) = STATES.iter().position(|&s| s == role.actor) else {
                continue;
            };
            let Some((from, to)) = years_of(role) else {
                continue;
            };
            for office in offices_of(role) {
                let o = Office::ALL.iter().position(|&x| x == office).unwrap();
                for year in from..=to {
                    covered[s][o][(year - FIRST_YEAR) as usize] = true;
                    if office == Office::HeadOfState
                        && head_of_state_heads_government(&role.actor, year)
                    {
                        covered[s][1][(year - FIRST_YEAR) as usize] = true;
                    }
                }
            }
        }
    }
    covered
}

/// Year ranges (`2003–2005, 2010`) of the cells that are gaps.
fn gap_ranges(state: &str, office: Office, years: &[bool; YEARS]) -> String {
    let gaps: Vec<i32> = (FIRST_YEAR..=LAST_YEAR)
        .filter(|&y| !years[(y - FIRST_YEAR) as usize] && !no_such_post(state, office, y))
        .collect();
    let mut out = String::new();
    let mut i = 0;
    while i < gaps.len() {
        let mut j = i;
        while j + 1 < gaps.len() && gaps[j + 1] == gaps[j] + 1 {
            j += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        if i == j {
            write!(out, "{}", gaps[i]).unwrap();
        } else {
            write!(out, "{}–{}", gaps[i], gaps[j]).unwrap();
        }
        i = j + 1;
    }
    out
}

/// The people files load with no error or warning: no bad line or date, no duplicate id, no
/// overlapping roles, and every role's ACTOR is a loaded country, group or organisation.
#[test]
fn people_files_load_without_diagnostics() {
    let dicts = Dictionaries::with_defaults();
    let in_people_file = |d: &Diagnostic| d.file.starts_with("dict/people-");
    let problems: Vec<String> = Dictionaries::default_diagnostics()
        .iter()
        .cloned()
        .chain(dicts.check_references())
        .filter(in_people_file)
        .map(|d| d.to_string())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn role_classification_follows_the_documented_rule() {
    let role = |actor: &str, sector: &str, title: &str| Role {
        actor: actor.into(),
        sector: sector.into(),
        title: title.into(),
        start: None,
        end: None,
        line: 1,
    };
    use Office::*;
    assert_eq!(offices_of(&role("RUS", "GOV", "president")), [HeadOfState]);
    assert_eq!(
        offices_of(&role("RUS", "GOV", "acting president")),
        [HeadOfState]
    );
    assert_eq!(
        offices_of(&role("DEU", "GOV", "Federal Chancellor")),
        [HeadOfGovernment]
    );
    assert!(offices_of(&role("GBR", "GOV", "Chancellor of the Exchequer")).is_empty());
    assert!(offices_of(&role("USA", "GOV", "vice president")).is_empty());
    assert!(offices_of(&role("RUS", "GOV", "first deputy prime minister")).is_empty());
    assert!(offices_of(&role("VEN", "OPP", "self-proclaimed interim president")).is_empty());
    assert_eq!(
        offices_of(&role("USA", "GOV", "secretary of state")),
        [ForeignMinister]
    );
    assert_eq!(
        offices_of(&role("GBR", "GOV", "foreign secretary")),
        [ForeignMinister]
    );
    assert_eq!(
        offices_of(&role("IND", "GOV", "minister of external affairs")),
        [ForeignMinister]
    );
    assert_eq!(
        offices_of(&role("FRA", "MIL", "armed forces minister")),
        [DefenceMinister]
    );
    assert_eq!(
        offices_of(&role("USA", "MIL", "defense secretary")),
        [DefenceMinister]
    );
    assert!(offices_of(&role(
        "UKR",
        "GOV",
        "secretary of the National Security and Defence Council"
    ))
    .is_empty());
    assert!(offices_of(&role("RUS", "MIL", "deputy defence minister")).is_empty());
    assert_eq!(
        offices_of(&role("RUS", "SPY", "FSB director")),
        [IntelligenceChief]
    );
    assert!(head_of_state_heads_government("USA", 2010));
    assert!(!head_of_state_heads_government("TUR", 2010));
    assert!(head_of_state_heads_government("TUR", 2019));
}

#[test]
fn people_cover_the_offices_of_the_40_states_2000_to_2026() {
    let dicts = Dictionaries::with_defaults();
    let covered = coverage(&dicts);

    let mut table = String::new();
    let mut gaps = String::new();
    let mut uncovered_kinds = Vec::new();
    let (mut total_cells, mut covered_cells) = (0usize, 0usize);
    let mut office_totals = [(0usize, 0usize); 5];
    writeln!(
        table,
        "people coverage {FIRST_YEAR}–{LAST_YEAR}: years with a holder / years the post existed"
    )
    .unwrap();
    write!(table, "{:<5}", "state").unwrap();
    for office in Office::ALL {
        write!(table, " {:>7}", office.short()).unwrap();
    }
    writeln!(table, " {:>7}", "all").unwrap();
    for (s, state) in STATES.iter().enumerate() {
        write!(table, "{state:<5}").unwrap();
        let (mut state_total, mut state_covered) = (0, 0);
        for (o, office) in Office::ALL.into_iter().enumerate() {
            let (mut total, mut hit) = (0, 0);
            for year in FIRST_YEAR..=LAST_YEAR {
                if no_such_post(state, office, year) {
                    continue;
                }
                total += 1;
                if covered[s][o][(year - FIRST_YEAR) as usize] {
                    hit += 1;
                }
            }
            if total == 0 {
                write!(table, " {:>7}", "n/a").unwrap();
                continue;
            }
            write!(table, " {:>4}/{:<2}", hit, total).unwrap();
            if hit == 0 {
                uncovered_kinds.push(format!("{state} {}", office.short()));
            }
            if hit < total {
                writeln!(
                    gaps,
                    "{state} {:<5} missing {}",
                    office.short(),
                    gap_ranges(state, office, &covered[s][o])
                )
                .unwrap();
            }
            state_total += total;
            state_covered += hit;
            office_totals[o].0 += total;
            office_totals[o].1 += hit;
        }
        writeln!(
            table,
            " {:>6.1}%",
            100.0 * state_covered as f64 / state_total as f64
        )
        .unwrap();
        total_cells += state_total;
        covered_cells += state_covered;
    }
    write!(table, "{:<5}", "all").unwrap();
    for (total, hit) in office_totals {
        write!(table, " {:>6.1}%", 100.0 * hit as f64 / total as f64).unwrap();
    }
    let share = covered_cells as f64 / total_cells as f64;
    writeln!(table, " {:>6.1}%", 100.0 * share).unwrap();
    writeln!(
        table,
        "covered {covered_cells} of {total_cells} state×office×year cells"
    )
    .unwrap();
    println!("{table}\ngaps:\n{gaps}");

    assert!(
        uncovered_kinds.is_empty(),
        "offices with no holder at all 2000–2026: {}",
        uncovered_kinds.join(", ")
    );
    assert!(
        share >= 0.90,
        "only {:.1} % of state×office×year cells are covered (goal ≥ 90 %)",
        100.0 * share
    );
}
