//! Bytes of HTML or XML to text, honouring the declared character encoding: a byte
//! order mark, then the HTTP `Content-Type` charset, then `<meta charset>` /
//! `<meta http-equiv>` / `<?xml encoding?>` near the top. With no declaration, valid
//! UTF-8 is taken as UTF-8 and anything else as windows-1252, the HTML default.
//! Labels follow the WHATWG Encoding Standard (so `iso-8859-1` decodes as
//! windows-1252, as browsers do).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a document a `<meta charset>` is looked for.
const SNIFF_BYTES: usize = 4096;

/// Decodes markup bytes; `declared` is a charset from outside the document (HTTP).
pub fn decode_markup(bytes: &[u8], declared: Option<&str>) -> String {
    let encoding = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared.and_then(|label| Encoding::for_label(label.trim().as_bytes())))
        .or_else(|| sniff_declared(&bytes[..bytes.len().min(SNIFF_BYTES)]));
    match encoding {
        Some(encoding) => encoding.decode_with_bom_removal(bytes).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    }
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_parameter(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// An encoding named by `charset=` or `encoding=` in the first bytes of a document.
fn sniff_declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(i) = memchr::memmem::find(&lower[from..], key) {
            let start = from + i + key.len();
            let label: Vec<u8> = lower[start..]
                .iter()
                .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect();
            if let Some(encoding) = Encoding::for_label(&label) {
                // A page declaring UTF-16 in ASCII-compatible bytes is really UTF-8.
                return Some(
                    if encoding.is_single_byte() || encoding.output_encoding() == encoding {
                        encoding
                    } else {
                        UTF_8
                    },
                );
            }
            from = start;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_and_sniffed_charsets() {
        // "Café – naïve" in windows-1252.
        let cp1252 = b"Caf\xe9 \x96 na\xefve";
        assert_eq!(decode_markup(cp1252, Some("windows-1252")), "Café – naïve");
        assert_eq!(decode_markup(cp1252, Some("ISO-8859-1")), "Café – naïve");
        assert_eq!(decode_markup(cp1252, None), "Café – naïve");
        let page = b"<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        assert_eq!(
            decode_markup(page, None),
            "<meta charset=\"koi8-r\"><p>Привет</p>"
        );
        let arabic = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">\xda\xd1\xc8\xed";
        assert!(decode_markup(arabic, None).ends_with("عربي"));
        assert_eq!(decode_markup("ключ".as_bytes(), None), "ключ");
        assert_eq!(decode_markup(b"\xef\xbb\xbfbom", Some("latin1")), "bom");
    }

    #[test]
    fn content_type_parameter() {
        assert_eq!(
            charset_parameter("text/html; charset=\"Windows-1252\""),
            Some("Windows-1252")
        );
        assert_eq!(charset_parameter("text/html;Charset=utf-8 "), Some("utf-8"));
        assert_eq!(charset_parameter("text/html"), None);
    }
}
