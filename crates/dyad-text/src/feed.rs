//! RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: each item or entry becomes a document,
//! the feed's title its outlet. A whole feed is parsed in memory, so it is limited to
//! [`MAX_FEED_BYTES`].

use crate::charset::decode_markup;
use crate::dates::parse_date;
use crate::error::{ReadError, ReadErrorKind, Skips, MAX_DOCUMENT_BYTES};
use crate::html::dom::{collapse_whitespace, Dom, Mode};
use crate::html::{fragment_text_of, fragment_to_text};
use crate::text::paragraphs;
use crate::DocumentMeta;
use dyad_model::Document;

pub const MAX_FEED_BYTES: usize = 64 * 1024 * 1024;

/// Text fields an item's content is taken from, most complete first.
const CONTENT_FIELDS: [&str; 4] = ["content:encoded", "content", "description", "summary"];
const DATE_FIELDS: [&str; 5] = ["pubdate", "published", "dc:date", "updated", "issued"];

/// All items of the feed in `bytes`, each a document or an error naming `origin#N`.
pub fn read_feed(origin: &str, bytes: &[u8], skips: &Skips) -> Vec<Result<Document, ReadError>> {
    let xml = decode_markup(bytes, None);
    let dom = Dom::parse(&xml, Mode::Xml);
    let Some(root) = dom
        .descendants(Dom::ROOT)
        .into_iter()
        .find(|&n| matches!(dom.name(n), "rss" | "feed" | "rdf:rdf"))
    else {
        return vec![Err(ReadError::new(origin, ReadErrorKind::NotAFeed))];
    };
    let atom = dom.name(root) == "feed";
    let channel = if atom {
        Some(root)
    } else {
        dom.child_named(root, "channel")
    };
    let outlet = channel
        .and_then(|c| dom.child_named(c, "title"))
        .map(|t| text_field(&dom, t))
        .filter(|t| !t.is_empty());
    let item_name = if atom { "entry" } else { "item" };
    dom.descendants(root)
        .into_iter()
        .filter(|&n| dom.name(n) == item_name)
        .enumerate()
        .filter_map(|(index, item)| {
            let at = format!("{origin}#{}", index + 1);
            let text = item_text(&dom, item);
            if text.is_empty() {
                skips.push(at, "feed item has no content or description");
                return None;
            }
            if text.len() > MAX_DOCUMENT_BYTES {
                return Some(Err(ReadError::new(at, ReadErrorKind::DocumentTooLong)));
            }
            let meta = DocumentMeta {
                title: dom
                    .child_named(item, "title")
                    .map(|t| text_field(&dom, t))
                    .filter(|t| !t.is_empty()),
                published: DATE_FIELDS
                    .iter()
                    .filter_map(|f| dom.child_named(item, f))
                    .find_map(|d| parse_date(&dom.text_content(d))),
                url: item_link(&dom, item),
                outlet: outlet.clone(),
                language: None,
            };
            Some(Ok(meta.into_document(at, text)))
        })
        .collect()
}

/// A title-like field, which may carry escaped markup.
fn text_field(dom: &Dom, node: usize) -> String {
    let raw = dom.raw_text(node);
    if raw.contains('<') {
        collapse_whitespace(&fragment_to_text(&raw))
    } else {
        collapse_whitespace(&raw)
    }
}

fn item_text(dom: &Dom, item: usize) -> String {
    for field in CONTENT_FIELDS {
        let Some(node) = dom.child_named(item, field) else {
            continue;
        };
        let has_elements = dom.children(node).iter().any(|&c| !dom.name(c).is_empty());
        let text = if has_elements {
            // Atom `type="xhtml"`: the markup is part of the feed's own tree.
            fragment_text_of(dom, node)
        } else {
            let raw = dom.raw_text(node);
            if raw.contains('<') {
                fragment_to_text(&raw)
            } else {
                paragraphs(&raw)
            }
        };
        if !text.is_empty() {
            return text;
        }
    }
    String::new()
}

fn item_link(dom: &Dom, item: usize) -> Option<String> {
    let links: Vec<usize> = dom
        .children(item)
        .iter()
        .copied()
        .filter(|&c| dom.name(c) == "link")
        .collect();
    // Atom: <link rel="alternate" href=".."/>; RSS: <link>..</link>.
    let atom_link = links
        .iter()
        .filter(|&&l| matches!(dom.attr(l, "rel"), None | Some("alternate")))
        .find_map(|&l| dom.attr(l, "href"));
    let link = atom_link
        .map(str::to_string)
        .or_else(|| {
            links
                .iter()
                .map(|&l| dom.text_content(l))
                .find(|l| !l.is_empty())
        })
        .or_else(|| {
            let guid = dom.text_content(dom.child_named(item, "guid")?);
            guid.starts_with("http").then_some(guid)
        });
    link.map(|l| l.trim().to_string()).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items() {
        let rss = br#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Dyad Wire &amp; Co</title><link>http://wire.example/</link>
<item><title>First &lt;b&gt;item&lt;/b&gt;</title><link>http://wire.example/1</link>
<pubDate>Fri, 12 Feb 2016 08:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Full text, first paragraph.</p><p>Second &amp; last.</p>]]></content:encoded></item>
<item><title>Empty</title></item>
<item><title>Third</title><description>&lt;p&gt;Escaped &amp;amp; HTML.&lt;/p&gt;</description></item>
</channel></rss>"#;
        let skips = Skips::new();
        let docs: Vec<Document> = read_feed("f.rss", rss, &skips)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].origin, "f.rss#1");
        assert_eq!(docs[0].title.as_deref(), Some("First item"));
        assert_eq!(
            docs[0].text,
            "Full text, first paragraph.\n\nSecond & last."
        );
        assert_eq!(docs[0].url.as_deref(), Some("http://wire.example/1"));
        assert_eq!(docs[0].outlet.as_deref(), Some("Dyad Wire & Co"));
        assert_eq!(docs[0].published.unwrap().to_string(), "2016-02-12");
        assert_eq!(docs[1].origin, "f.rss#3");
        assert_eq!(docs[1].text, "Escaped & HTML.");
        assert_eq!(skips.take()[0].input, "f.rss#2");
    }

    #[test]
    fn atom_entries() {
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Wire</title>
<entry><title>One</title><link rel="alternate" href="http://a/1"/><updated>2019-05-06T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline one.</p><p>Inline two.</p></div></content></entry>
<entry><title>Two</title><link href="http://a/2"/><published>2019-05-07T10:00:00+02:00</published>
<summary>Plain summary
over two lines.

Second paragraph.</summary></entry></feed>"#;
        let docs: Vec<Document> = read_feed("f.atom", atom, &Skips::new())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs[0].text, "Inline one.\n\nInline two.");
        assert_eq!(docs[0].url.as_deref(), Some("http://a/1"));
        assert_eq!(docs[0].outlet.as_deref(), Some("Atom Wire"));
        assert_eq!(
            docs[1].text,
            "Plain summary over two lines.\n\nSecond paragraph."
        );
        assert_eq!(docs[1].published.unwrap().to_string(), "2019-05-07");
    }

    #[test]
    fn rss_1_rdf_items() {
        let rdf = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>RDF Wire</title></channel>
<item><title>Café talks</title><link>http://r/1</link><dc:date>2016-02-12T08:00:00Z</dc:date>
<description>Envoys met in a café in Doha.</description></item></rdf:RDF>"#;
        let latin1 = encoding_rs::WINDOWS_1252.encode(rdf).0;
        let docs = read_feed("f.rdf", &latin1, &Skips::new());
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.title.as_deref(), Some("Café talks"));
        assert_eq!(doc.text, "Envoys met in a café in Doha.");
        assert_eq!(doc.outlet.as_deref(), Some("RDF Wire"));
        assert_eq!(doc.published.unwrap().to_string(), "2016-02-12");
    }

    #[test]
    fn not_a_feed() {
        let out = read_feed("x.xml", b"<config><a>1</a></config>", &Skips::new());
        assert_eq!(
            out[0].as_ref().unwrap_err().to_string(),
            "x.xml: not an RSS or Atom feed"
        );
    }
}
