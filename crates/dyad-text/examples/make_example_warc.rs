//! Writes `examples/dyad-wire-crawl.warc.gz`, the WARC file among dyad's examples:
//! `cargo run -p dyad-text --example make_example_warc`.
//!
//! A WARC 1.0 file, one gzip member per record: a `warcinfo` record, then a crawl of
//! three pages, each a `request` and a `response` record. One page is windows-1252
//! (declared in the HTTP `Content-Type`), one is UTF-8 sent with chunked transfer
//! encoding, one is a 404. The articles are illustrative, written for dyad.

use encoding_rs::WINDOWS_1252;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

const MALI_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Western powers condemn Wagner deployment in Mali – Dyad Wire Europe</title>
<meta property="og:site_name" content="Dyad Wire Europe">
<meta property="article:published_time" content="2021-12-24T08:10:00+01:00">
</head>
<body>
<div class="nav"><a href="/">Home</a> · <a href="/europe">Europe</a> · <a href="/africa">Africa</a></div>
<div class="article-body">
<h1>Western powers condemn Wagner deployment in Mali</h1>
<p>PARIS/BAMAKO, Dec 24 (dyad wire) – Fifteen Western governments including France, Britain and Germany condemned on Thursday what they called the deployment of Russian mercenaries of the Wagner Group in Mali, and accused Moscow of providing material support to the fighters.</p>
<p>“We are aware of the involvement of the Russian Federation government in providing material support to the deployment of the Wagner Group in Mali,” the governments said in a joint statement. French Foreign Minister Jean-Yves Le Drian said several hundred fighters had already arrived in Bamako.</p>
<p>Mali’s transitional government, led by Colonel Assimi Goïta, denied the accusation on Friday. It said only Russian military trainers were in the country, under a bilateral agreement with Moscow, and asked for proof of the mercenaries’ presence.</p>
<p>A U.S. official said Mali’s junta had agreed to pay Wagner about $10 million a month, a figure that could not be independently confirmed. The Kremlin has said Wagner does not represent the Russian state.</p>
</div>
<div class="footer">© 2021 Dyad Wire Europe</div>
</body>
</html>
"#;

const YEMEN_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>U.S. Navy seizes Iranian missile parts bound for Houthis | Dyad Wire</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"U.S. Navy seizes Iranian missile parts bound for Houthis","datePublished":"2024-01-16T21:00:00Z","publisher":{"@type":"Organization","name":"Dyad Wire"}}</script>
</head>
<body>
<nav><a href="/">Dyad Wire</a> <a href="/middle-east">Middle East</a></nav>
<article>
<p>WASHINGTON, Jan 16 (dyad wire) - U.S. Navy forces seized Iranian-made ballistic and cruise missile components from a dhow off the coast of Somalia that were bound for the Houthis in Yemen, the U.S. military said on Tuesday.</p>
<p>U.S. Central Command said the seizure, carried out on Jan. 11, was the first of advanced Iranian weapons supplied to the Houthis since the group began attacking merchant ships in the Red Sea in November. The cargo included propulsion, guidance and warhead parts, it said.</p>
<p>Two Navy SEALs went missing during the boarding operation, officials said. The 14 crew members of the dhow were detained.</p>
<p>Iran denies arming the Houthis. A spokesman for Iran's mission to the United Nations said Tehran had no role in the group's decisions. Houthi officials have said they build their own missiles, a claim U.S. officials reject.</p>
</article>
<div class="share">Share on Facebook · Share on X</div>
</body>
</html>
"#;

const NOT_FOUND_PAGE: &str = "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>\n";

const CRAWL_DATE: &str = "2024-02-01T12:00:00Z";

fn main() -> std::io::Result<()> {
    let out_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/dyad-wire-crawl.warc.gz");
    let mut out = Vec::new();
    let info = b"software: dyad make_example_warc\r\nformat: WARC File Format 1.0\r\n\
description: Illustrative pages written for the dyad examples, not a real crawl\r\n";
    out.extend(gzip_record(
        &[
            ("WARC-Type", "warcinfo"),
            (
                "WARC-Record-ID",
                "<urn:uuid:9a0d1c2e-0001-4e4b-9a51-000000000001>",
            ),
            ("WARC-Date", CRAWL_DATE),
            ("WARC-Filename", "dyad-wire-crawl.warc.gz"),
            ("Content-Type", "application/warc-fields"),
        ],
        info,
    )?);

    let mali_body = WINDOWS_1252.encode(MALI_PAGE).0.into_owned();
    let pages: [(&str, &str, Vec<u8>); 3] = [
        (
            "https://europe.dyad.example/2021/12/24/mali-wagner-condemned",
            "002",
            http_response("200 OK", "text/html; charset=windows-1252", &[], &mali_body),
        ),
        (
            "https://wire.dyad.example/2024/01/16/navy-seizes-iranian-missile-parts",
            "003",
            http_response(
                "200 OK",
                "text/html; charset=utf-8",
                &[("Transfer-Encoding", "chunked")],
                &chunked(YEMEN_PAGE.as_bytes(), 700),
            ),
        ),
        (
            "https://wire.dyad.example/2024/01/17/removed-story",
            "004",
            http_response(
                "404 Not Found",
                "text/html; charset=utf-8",
                &[],
                NOT_FOUND_PAGE.as_bytes(),
            ),
        ),
    ];
    for (uri, serial, response) in pages {
        let host = uri.split('/').nth(2).unwrap_or("");
        let path = &uri[uri.find(host).map_or(0, |i| i + host.len())..];
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: dyad-example\r\nAccept: text/html\r\n\r\n");
        out.extend(gzip_record(
            &[
                ("WARC-Type", "request"),
                (
                    "WARC-Record-ID",
                    &format!("<urn:uuid:9a0d1c2e-0002-4e4b-9a51-000000000{serial}>"),
                ),
                ("WARC-Date", CRAWL_DATE),
                ("WARC-Target-URI", uri),
                ("Content-Type", "application/http; msgtype=request"),
            ],
            request.as_bytes(),
        )?);
        out.extend(gzip_record(
            &[
                ("WARC-Type", "response"),
                (
                    "WARC-Record-ID",
                    &format!("<urn:uuid:9a0d1c2e-0003-4e4b-9a51-000000000{serial}>"),
                ),
                ("WARC-Date", CRAWL_DATE),
                ("WARC-Target-URI", uri),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &response,
        )?);
    }
    std::fs::write(&out_path, out)?;
    println!("wrote {}", out_path.display());
    Ok(())
}

/// One WARC record (headers, block, the two closing CRLFs) as its own gzip member.
fn gzip_record(headers: &[(&str, &str)], block: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut record = b"WARC/1.0\r\n".to_vec();
    for (name, value) in headers {
        record.extend(format!("{name}: {value}\r\n").bytes());
    }
    record.extend(format!("Content-Length: {}\r\n\r\n", block.len()).bytes());
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&record)?;
    encoder.finish()
}

fn http_response(status: &str, content_type: &str, extra: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status}\r\nDate: Thu, 01 Feb 2024 12:00:00 GMT\r\nServer: dyad-example\r\nContent-Type: {content_type}\r\n");
    if extra.is_empty() {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    [head.into_bytes(), body.to_vec()].concat()
}

fn chunked(body: &[u8], chunk_size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(chunk_size) {
        out.extend(format!("{:x}\r\n", chunk.len()).bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}
