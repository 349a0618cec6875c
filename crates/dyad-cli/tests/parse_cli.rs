//! `dyad parse` and `dyad eval-parse` on small files we write here.

use std::path::PathBuf;
use std::process::Command;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-parse-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("creating a temporary directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("writing a temporary file");
    path
}

#[test]
fn parse_prints_conllu_and_json() {
    let path = temp_file(
        "article.txt",
        "KABUL (Reuters) - Russia supplied 10,000 rifles to the Afghan army, officials said.\n\n\
         The Taliban didn't comment."
            .as_bytes(),
    );
    let out = dyad()
        .arg("parse")
        .arg(&path)
        .output()
        .expect("running dyad");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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

    let out = dyad()
        .args(["parse", "--format", "json"])
        .arg(&path)
        .output()
        .expect("running dyad");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["tokens"][0]["form"], "Russia");
    assert_eq!(lines[1]["tokens"][0]["span"], serde_json::json!([18, 24]));
}

#[test]
fn parse_rejects_binary_input_naming_the_file() {
    let path = temp_file("binary.txt", &[0xff, 0xfe, 0x00, 0x81]);
    let out = dyad()
        .arg("parse")
        .arg(&path)
        .output()
        .expect("running dyad");
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
    let out = dyad()
        .arg("eval-parse")
        .arg(&path)
        .output()
        .expect("running dyad");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    let out = dyad()
        .arg("eval-parse")
        .arg(&broken)
        .output()
        .expect("running dyad");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.conllu") && stderr.contains("line 1"),
        "{stderr}"
    );
}
