//! Every kind of bad input gets a clear error naming the file (and line or record),
//! and what can still be read is read. Inputs are generated in a temporary folder.

use dyad_model::Document;
use dyad_text::{read_path, read_path_with_skips, ReadError, Skips};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A fresh folder for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("dyad-text-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read_all(path: &Path) -> Vec<Result<Document, ReadError>> {
    read_path(path).collect()
}

fn error_text(result: &Result<Document, ReadError>) -> String {
    match result {
        Ok(doc) => panic!("expected an error, got a document from {}", doc.origin),
        Err(e) => e.to_string(),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

const ARTICLE_LINE: &str = r#"{"title":"Talks","text":"Delegations met in Doha on Monday to discuss a ceasefire.","outlet":"Wire"}"#;

#[test]
fn binary_file() {
    let dir = TempDir::new("binary");
    let path = dir.write("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let results = read_all(&path);
    assert_eq!(results.len(), 1);
    assert_eq!(
        error_text(&results[0]),
        format!(
            "{}: binary file (NUL byte at byte offset 8), not text",
            path.display()
        )
    );
    // Also when the format is only sniffed.
    let path = dir.write("blob", b"\0\x01\x02");
    assert!(error_text(&read_all(&path)[0]).contains("binary file"));
}

#[test]
fn invalid_utf8_and_latin1_text() {
    let dir = TempDir::new("utf8");
    let path = dir.write("latin1.txt", b"Title: Caf\xe9\n\nThe minister spoke.\n");
    let results = read_all(&path);
    assert_eq!(
        error_text(&results[0]),
        format!(
            "{}: invalid UTF-8 at line 1, byte offset 10 (text without a declared charset is not guessed)",
            path.display()
        )
    );
    let jsonl = [
        ARTICLE_LINE.as_bytes(),
        b"\n{\"text\":\"na\xefve\"}\n",
        ARTICLE_LINE.as_bytes(),
    ]
    .concat();
    let path = dir.write("mixed.jsonl", &jsonl);
    let results = read_all(&path);
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok());
    assert_eq!(
        error_text(&results[1]),
        format!(
            "{}:2: invalid UTF-8 at line 2, byte offset {} (text without a declared charset is not guessed)",
            path.display(),
            ARTICLE_LINE.len() + 12
        )
    );
    assert_eq!(
        results[2].as_ref().unwrap().origin,
        format!("{}:3", path.display())
    );
}

#[test]
fn html_page_without_text() {
    let dir = TempDir::new("notext");
    let path = dir.write(
        "empty.html",
        b"<html><head><title>Nothing</title><script>var a = '<p>not text</p>';</script></head>\
          <body><nav><a href='/'>Home</a></nav><img src='x.png'><footer>Copyright</footer></body></html>",
    );
    assert_eq!(
        error_text(&read_all(&path)[0]),
        format!("{}: no article text found", path.display())
    );
}

#[test]
fn broken_html_still_reads() {
    let dir = TempDir::new("broken");
    let path = dir.write(
        "broken.html",
        b"<html><body><div class=\"story><p>Unclosed attribute swallows this.\
          <div><p>Officials said the convoy crossed the border on Tuesday night.<p>A second paragraph &amp; more\
          </span></b></i><table><td>cell",
    );
    let doc = read_all(&path).remove(0).unwrap();
    assert!(
        doc.text
            .contains("Officials said the convoy crossed the border on Tuesday night."),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("A second paragraph & more"));
}

#[test]
fn truncated_gzip() {
    let dir = TempDir::new("gzip");
    let lines: String = (0..5000)
        .map(|i| format!("{{\"text\":\"Article number {i} about talks.\"}}\n"))
        .collect();
    let compressed = gzip(lines.as_bytes());
    let path = dir.write("cut.jsonl.gz", &compressed[..compressed.len() / 2]);
    let results = read_all(&path);
    let (docs, errors): (Vec<_>, Vec<_>) = results.iter().partition(|r| r.is_ok());
    assert!(!docs.is_empty(), "complete lines before the cut are read");
    assert_eq!(errors.len(), 1);
    let message = error_text(errors[0]);
    assert!(
        message.starts_with(&format!("{}:", path.display()))
            && message.ends_with("truncated gzip stream"),
        "{message}"
    );
    assert!(
        results.last().unwrap().is_err(),
        "the error ends the stream"
    );
}

fn warc_record(record_type: &str, target: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Record-ID: <urn:uuid:{target}>\r\n\
         WARC-Target-URI: {target}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_page(text: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>{text}</p></body></html>")
        .into_bytes()
}

#[test]
fn truncated_warc_and_warc_gz() {
    let dir = TempDir::new("warc");
    let first = warc_record(
        "response",
        "http://a.example/1",
        &http_page("The first record is complete and readable."),
    );
    let second = warc_record(
        "response",
        "http://a.example/2",
        &http_page("The second record is cut short."),
    );
    let mut warc = first.clone();
    warc.extend_from_slice(&second[..second.len() - 40]);
    let path = dir.write("cut.warc", &warc);
    let results = read_all(&path);
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[0].as_ref().unwrap().origin,
        format!("{}#1", path.display())
    );
    let message = error_text(&results[1]);
    assert!(
        message.starts_with(&format!("{}#2: truncated WARC record:", path.display())),
        "{message}"
    );

    // One gzip member per record; the second member cut in half.
    let second_gz = gzip(&second);
    let warc_gz = [gzip(&first), second_gz[..second_gz.len() / 2].to_vec()].concat();
    let path = dir.write("cut.warc.gz", &warc_gz);
    let results = read_all(&path);
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    let message = error_text(&results[1]);
    assert!(
        message.starts_with(&format!("{}#2: ", path.display())),
        "{message}"
    );
    assert!(message.contains("truncated"), "{message}");
}

#[test]
fn hundred_megabytes_without_newline() {
    let dir = TempDir::new("huge");
    let mut huge = vec![b'a'; 100 * 1024 * 1024];
    let path = dir.write("huge.jsonl", &huge);
    let results = read_all(&path);
    assert_eq!(results.len(), 1);
    assert_eq!(
        error_text(&results[0]),
        format!("{}:1: line longer than 16 MiB", path.display())
    );

    // The next line after an enormous one is read.
    huge.push(b'\n');
    huge.extend_from_slice(ARTICLE_LINE.as_bytes());
    let path = dir.write("huge-then-good.jsonl", &huge);
    let results = read_all(&path);
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[1].as_ref().unwrap().origin,
        format!("{}:2", path.display())
    );
    drop(huge);

    let path = dir.0.join("huge.txt");
    std::fs::rename(dir.0.join("huge.jsonl"), &path).unwrap();
    assert_eq!(
        error_text(&read_all(&path)[0]),
        format!("{}: document longer than 16 MiB", path.display())
    );
}

#[test]
fn jsonl_line_that_is_not_json() {
    let dir = TempDir::new("notjson");
    let content =
        format!("{ARTICLE_LINE}\n{{\"text\": \"unterminated\n<p>html</p>\n{ARTICLE_LINE}\n");
    let path = dir.write("feed.jsonl", content.as_bytes());
    let results = read_all(&path);
    assert_eq!(results.len(), 4);
    assert_eq!(
        error_text(&results[1]),
        format!(
            "{}:2: line is not JSON: EOF while parsing a string at column 22",
            path.display()
        )
    );
    assert_eq!(
        error_text(&results[2]),
        format!(
            "{}:3: line is not JSON: expected value at column 1",
            path.display()
        )
    );
    assert!(results[3].is_ok());
}

#[test]
fn unreadable_paths() {
    let dir = TempDir::new("unreadable");
    let missing = dir.0.join("missing.txt");
    let message = error_text(&read_all(&missing)[0]);
    assert!(
        message.starts_with(&format!("{}: cannot read: ", missing.display())),
        "{message}"
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.write("locked.txt", b"Some text.");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_ok() {
            eprintln!(
                "NOTE unreadable_paths: running as root, permission denied cannot be produced"
            );
        } else {
            let message = error_text(&read_all(&locked)[0]);
            assert!(
                message.contains("cannot read: Permission denied"),
                "{message}"
            );
        }
    }
}

#[test]
fn directories_sorted_recursive_without_hidden_files() {
    let dir = TempDir::new("dir");
    dir.write("b.txt", b"Second file text.");
    dir.write("a.txt", b"First file text.");
    dir.write(
        "a.json",
        br#"{"title":"From the sidecar","date":"2016-02-12","outlet":"Wire"}"#,
    );
    dir.write("sub/c.txt", b"Nested file text.");
    dir.write(".hidden.txt", b"Never read.");
    dir.write(".git/d.txt", b"Never read.");
    dir.write("notes.md", b"# not an article");
    let skips = Skips::new();
    let docs: Vec<Document> = read_path_with_skips(&dir.0, &skips)
        .map(Result::unwrap)
        .collect();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        texts,
        ["First file text.", "Second file text.", "Nested file text."]
    );
    assert_eq!(docs[0].title.as_deref(), Some("From the sidecar"));
    assert_eq!(docs[0].published.unwrap().to_string(), "2016-02-12");
    let skipped = skips.take();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].input.ends_with("notes.md"));

    let bad_sidecar = TempDir::new("sidecar");
    bad_sidecar.write("x.txt", b"Text.");
    bad_sidecar.write("x.json", b"{not json");
    let message = error_text(&read_all(&bad_sidecar.0.join("x.txt"))[0]);
    assert!(message.contains("invalid sidecar"), "{message}");
}

#[test]
fn formats_sniffed_without_a_known_extension() {
    let dir = TempDir::new("sniff");
    let path = dir.write(
        "articles.dat",
        format!("{ARTICLE_LINE}\n{ARTICLE_LINE}\n").as_bytes(),
    );
    assert_eq!(read_all(&path).len(), 2);
    let path = dir.write(
        "page",
        b"<!doctype html><p>A page saved without an extension, with text.</p>",
    );
    assert_eq!(
        read_all(&path)[0].as_ref().unwrap().text,
        "A page saved without an extension, with text."
    );
    let path = dir.write(
        "gzipped.warc",
        &gzip(&warc_record(
            "response",
            "http://a/1",
            &http_page("Gzipped anyway."),
        )),
    );
    assert_eq!(read_all(&path)[0].as_ref().unwrap().text, "Gzipped anyway.");
    let path = dir.write("settings.xml", b"<?xml version=\"1.0\"?><settings/>");
    assert!(error_text(&read_all(&path)[0]).ends_with("not an RSS or Atom feed"));
}

/// Runs this test binary again as a child that reads its standard input, and feeds
/// it gzipped JSONL with one bad line: the format is sniffed, the stream decompressed.
#[test]
fn standard_input_is_sniffed() {
    use std::process::{Command, Stdio};
    if std::env::var_os("DYAD_TEXT_READ_STDIN").is_some() {
        for result in read_path(Path::new("-")) {
            match result {
                Ok(doc) => println!("DOC {} {}", doc.origin, doc.text),
                Err(e) => println!("ERR {e}"),
            }
        }
        return;
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "standard_input_is_sniffed",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("DYAD_TEXT_READ_STDIN", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = gzip(format!("{ARTICLE_LINE}\nnot json\n").as_bytes());
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("DOC -:1 Delegations met in Doha on Monday to discuss a ceasefire."),
        "{stdout}"
    );
    assert!(
        stdout.contains("ERR -:2: line is not JSON: expected ident at column 2"),
        "{stdout}"
    );
}

/// A WARC cut at any byte yields its complete records and then at most one error.
#[test]
fn warc_cut_anywhere() {
    let dir = TempDir::new("warc-cut");
    let mut warc = warc_record(
        "response",
        "http://a/1",
        &http_page("The first page of the crawl."),
    );
    warc.extend(warc_record(
        "response",
        "http://a/2",
        &http_page("The second page of the crawl."),
    ));
    for cut in (0..warc.len()).step_by(5) {
        let path = dir.write("cut.warc", &warc[..cut]);
        let results = read_all(&path);
        let errors = results.iter().filter(|r| r.is_err()).count();
        assert!(errors <= 1, "cut at {cut}: {errors} errors");
        if errors == 1 {
            assert!(
                results.last().unwrap().is_err(),
                "cut at {cut}: the error ends the file"
            );
        }
        assert!(results.len() <= 2);
    }
}
