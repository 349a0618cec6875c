//! Running the `dyad` binary from the CLI tests.

// Each test file is its own crate and uses a different subset of these.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `dyad` binary, for tests that spawn it themselves.
pub fn dyad_command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// Runs `dyad ARGS...`.
pub fn dyad(args: &[&str]) -> Output {
    dyad_command().args(args).output().expect("running dyad")
}

/// Runs `dyad --db DB ARGS...`.
pub fn dyad_in(db: &Path, args: &[&str]) -> Output {
    dyad_command()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("running dyad")
}

/// Standard output followed by standard error, for assertion messages.
pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Standard output of a run that must have succeeded.
pub fn stdout_ok(output: &Output) -> String {
    assert!(output.status.success(), "{}", text(output));
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The JSON objects of a successful `--format json` run, one per line.
pub fn json_lines(output: &Output) -> Vec<Value> {
    stdout_ok(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// An empty folder for one test of this process.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
