//! HTML pages and fragments to plain text and metadata, with our own tolerant parser
//! (see [`dom`]) and main-text finder (see `extract`).

pub(crate) mod dom;
mod entities;
mod extract;
mod meta;

use dom::{Dom, Mode};
use dyad_model::Date;

/// What a page yields: its article text (paragraphs separated by a blank line) and
/// metadata.
#[derive(Debug, Default)]
pub struct Page {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Primary subtag of `<html lang>`.
    pub declared_language: Option<String>,
    pub text: String,
}

/// The article in a page; `None` when it holds no article text at all.
pub fn extract_page(html: &str) -> Option<Page> {
    let dom = Dom::parse(html, Mode::Html);
    let meta = meta::page_meta(&dom);
    let paragraphs = extract::article_paragraphs(&dom, meta.title.as_deref());
    if paragraphs.is_empty() {
        return None;
    }
    Some(Page {
        title: meta.title,
        published: meta.published,
        outlet: meta.outlet,
        url: meta.url,
        declared_language: meta.lang,
        text: paragraphs.join("\n\n"),
    })
}

/// Plain text of an HTML fragment such as a feed item's description: every paragraph
/// but boilerplate lines, separated by a blank line.
pub fn fragment_to_text(html: &str) -> String {
    let dom = Dom::parse(html, Mode::Html);
    fragment_text_of(&dom, Dom::ROOT)
}

/// Plain text below `node` of an already parsed tree (Atom's inline XHTML content).
pub(crate) fn fragment_text_of(dom: &Dom, node: usize) -> String {
    extract::fragment_paragraphs(dom, node).join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random markup-like soup through every HTML and XML entry point: no panics.
    #[test]
    fn random_markup_never_panics() {
        const PIECES: [&str; 24] = [
            "<",
            ">",
            "</",
            "/>",
            "p",
            "div",
            "a href=",
            "\"",
            "'",
            "=",
            "&",
            "&#",
            "x27;",
            ";",
            "script",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            " ",
            "é",
            "text ",
            "<br>",
            "article",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let mut soup = String::new();
            for _ in 0..60 {
                // xorshift: deterministic, no dependency.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                soup.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let _ = extract_page(&soup);
            let _ = fragment_to_text(&soup);
            let _ = Dom::parse(&soup, Mode::Xml);
        }
    }
}
