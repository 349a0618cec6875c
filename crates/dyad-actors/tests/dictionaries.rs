//! The default dictionaries and the community's files load cleanly and resolve.

use dyad_actors::{Dictionaries, Kind, Resolver};
use dyad_model::fixtures::shared_dir_or_skip;
use dyad_model::Date;
use std::sync::Arc;

#[test]
fn default_dictionaries_have_no_errors() {
    let diags = Dictionaries::default_diagnostics();
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let dicts = Dictionaries::defaults();
    for kind in Kind::ALL {
        assert!(
            dicts.entries().iter().any(|e| e.kind == kind),
            "no {kind} records in the defaults"
        );
    }
}

#[test]
fn defaults_resolve_the_issue_examples() {
    let r = Resolver::new(Dictionaries::defaults());
    let date = |d: &str| Date::parse(d).ok();
    let putin = r.lookup("Putin", date("2010-06-01"));
    assert_eq!(putin[0].actor.code.as_deref(), Some("RUSGOV"));
    assert!(
        putin[0].explanation.contains("prime minister"),
        "{}",
        putin[0].explanation
    );
    let taliban = r.lookup("the Taliban", None);
    assert_eq!(taliban[0].actor.group.as_deref(), Some("taliban"));
    let nato = r.lookup("NATO", None);
    assert_eq!(nato[0].actor.group.as_deref(), Some("nato"));
    assert_eq!(
        r.lookup("Russian", None)[0].actor.country.as_deref(),
        Some("RUS")
    );
}

#[test]
fn user_files_add_to_the_defaults_and_duplicates_are_errors() {
    let mut dicts = Dictionaries::with_defaults();
    let diags = dicts.load_str(
        "mine.dyad",
        "@group zz_brigade\nname: Zz Brigade\ncode: XXXREB\nsector: REB\n\n@country RUS\nname: Russia again\n",
    );
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(diags[0].is_error());
    let text = diags[0].to_string();
    assert!(text.starts_with("mine.dyad:6: error: duplicate id `@country RUS`: already defined at dict/countries.dyad:"), "{text}");
    let r = Resolver::new(Arc::new(dicts));
    assert_eq!(
        r.lookup("Zz Brigade", None)[0].actor.code.as_deref(),
        Some("XXXREB")
    );
}

#[test]
fn bad_files_name_file_and_line() {
    let dir = std::env::temp_dir().join(format!("dyad-actors-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.dyad");
    std::fs::write(&empty, "# nothing\n").unwrap();
    let mut dicts = Dictionaries::new();
    let diags = dicts.load_file(&empty).unwrap();
    assert_eq!(
        diags[0].to_string(),
        format!("{}: warning: file holds no records", empty.display())
    );
    let binary = dir.join("binary.dyad");
    std::fs::write(&binary, [0x40, 0xff, 0xfe, 0x00]).unwrap();
    let err = dicts.load_file(&binary).unwrap_err().to_string();
    assert!(
        err.contains("binary.dyad") && err.contains("not UTF-8"),
        "{err}"
    );
    let missing = dicts
        .load_file(&dir.join("missing.dyad"))
        .unwrap_err()
        .to_string();
    assert!(missing.contains("missing.dyad: cannot read"), "{missing}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn phoenix_dictionaries_import_and_resolve() {
    let Some(dir) = shared_dir_or_skip(
        "phoenix_dictionaries_import_and_resolve",
        "anchors/petrarch2",
    ) else {
        return;
    };
    let mut dicts = Dictionaries::new();
    let diags = dicts.load_phoenix_dir(&dir).unwrap();
    // The production files have a handful of genuinely malformed lines
    // (`[~ENV}`); each is reported with its line and skipped.
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(errors.len() <= 3, "{errors:?}");
    assert!(errors.iter().all(|d| d.line > 0));
    assert!(dicts.entries().len() > 20_000, "{}", dicts.entries().len());
    let r = Resolver::new(Arc::new(dicts));
    let putin = r.lookup("Vladimir Putin", Date::parse("2010-06-01").ok());
    assert_eq!(putin[0].actor.code.as_deref(), Some("RUSGOV"), "{putin:?}");
    let un = r.lookup("the United Nations", None);
    assert_eq!(un[0].actor.code.as_deref(), Some("IGOUNO"));
    let police = r.lookup("Afghan police", None);
    assert_eq!(
        police[0].actor.code.as_deref(),
        Some("AFGCOP"),
        "{police:?}"
    );
    // Imported records get a group id where their code names one group: ours for a
    // code of our own, the code itself when one imported record alone uses it.
    let mut both = Dictionaries::with_defaults();
    both.load_phoenix_dir(&dir).unwrap();
    let r = Resolver::new(Arc::new(both));
    let group = |text: &str| r.lookup(text, None)[0].actor.group.clone();
    assert_eq!(group("Carlos Santos Cruz").as_deref(), Some("un"));
    assert_eq!(
        group("Kumpulan Mujahiden").as_deref(),
        Some("imgseamusasfmys")
    );
    let validate = dir.join("PETR.Validate.actors.txt");
    let mut v = Dictionaries::new();
    v.import_phoenix_actors(&validate).unwrap();
    v.import_phoenix_agents(&dir.join("PETR.Validate.agents.txt"))
        .unwrap();
    let r = Resolver::new(Arc::new(v));
    let gollum = r.lookup("Gollum", Date::parse("1997-01-01").ok());
    assert_eq!(
        gollum[0].actor.code.as_deref(),
        Some("HOBGOV"),
        "{gollum:?}"
    );
}

#[test]
fn tabari_dictionaries_import() {
    let Some(dir) = shared_dir_or_skip("tabari_dictionaries_import", "anchors/tabari") else {
        return;
    };
    let mut dicts = Dictionaries::new();
    dicts
        .import_tabari_actors(&dir.join("TABARI.Demo.actors"))
        .unwrap();
    dicts
        .import_tabari_actors(&dir.join("Validate.agents"))
        .unwrap();
    assert!(dicts.entries().iter().any(|e| e.kind == Kind::Agent));
    let r = Resolver::new(Arc::new(dicts));
    let albright = r.lookup("Albright", Date::parse("2000-01-01").ok());
    assert_eq!(
        albright[0].actor.code.as_deref(),
        Some("USAGOV"),
        "{albright:?}"
    );
    let soldiers = r.lookup("Gondor soldiers", None);
    assert_eq!(
        soldiers[0].actor.code.as_deref(),
        Some("GONMIL"),
        "{soldiers:?}"
    );
    // `ARGENTIN [ARG]` is a TABARI stem: it matches the words it begins.
    for text in ["Argentina", "the Argentine navy", "Argentinians"] {
        let found = r.lookup(text, None);
        assert!(
            found.iter().any(|m| m
                .actor
                .code
                .as_deref()
                .is_some_and(|c| c.starts_with("ARG"))),
            "{text}: {found:?}"
        );
    }
}
