//! `dyad parse` and `dyad eval-parse` on small files we write here.

mod common;

use common::{dyad, json_lines, temp_dir};

/// Writes `contents` to a file of its own folder and returns its path as a string.
fn temp_file(name: &str, contents: &[u8]) -> String {
    let path = temp_dir(name).join(name);
    std::fs::write(&path, contents).expect("writing a temporary file");
    path.display().to_string()
}

#[test]
fn parse_prints_conllu_and_json() {
    let path = temp_file(
        "article.txt",
        "KABUL (Reuters) - Russia supplied 10,000 rifles to the Afghan army, officials said.\n\n\
         The Taliban didn't comment."
            .as_bytes(),
    );
    let out = dyad(&["parse", &path]);
    assert!(out.status.success(), "{}", common::text(&out));
    let conllu = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert_eq!(conllu.matches("# text = ").count(), 3, "{conllu}");
    let supplied = conllu
        .lines()
        .find(|l| l.split('\t').nth(1) == Some("supplied"))
        .expect("a line for `supplied`");
    let fields: Vec<&str> = supplied.split('\t').collect();
    assert_eq!(fields[2], "supply");
    assert_eq!(fields[3], "VERB");
    assert!(conllu.lines().any(|l| l.split('\t').nth(1) == Some("n't")));

    let out = dyad(&["parse", "--format", "json", &path]);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["tokens"][0]["form"], "Russia");
    assert_eq!(lines[1]["tokens"][0]["span"], serde_json::json!([18, 24]));
}

#[test]
fn parse_rejects_binary_input_naming_the_file() {
    let path = temp_file("binary.txt", &[0xff, 0xfe, 0x00, 0x81]);
    let out = dyad(&["parse", &path]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("binary.txt"), "{stderr}");
}

#[test]
fn eval_parse_prints_named_scores() {
    let gold = "# text = Russia supplies rifles.\n\
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tsupplies\tsupply\tVERB\tVBZ\t_\t0\troot\t_\t_\n\
3\trifles\trifle\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    let path = temp_file("gold.conllu", gold.as_bytes());
    let out = dyad(&["eval-parse", &path]);
    assert!(out.status.success(), "{}", common::text(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let names: Vec<&str> = text.lines().filter_map(|l| l.split(' ').next()).collect();
    for name in [
        "TOKENS_F1",
        "SENTENCES_F1",
        "UPOS",
        "XPOS",
        "LEMMA",
        "UAS",
        "LAS",
        "RAW_UPOS",
        "RAW_UAS",
        "RAW_LAS",
    ] {
        assert!(names.contains(&name), "{name} missing from {text}");
    }
    assert!(text.contains("TOKENS_F1 100.00"), "{text}");

    let broken = temp_file("broken.conllu", b"1\tRussia\tRussia\n");
    let out = dyad(&["eval-parse", &broken]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.conllu") && stderr.contains("line 1"),
        "{stderr}"
    );
}
