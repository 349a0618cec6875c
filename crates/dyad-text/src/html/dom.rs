//! A tolerant tokenizer and tree builder for HTML and for XML feeds.
//!
//! It never fails: stray `<`, unclosed tags, unmatched end tags, unterminated comments
//! and missing quotes all produce some tree. It implements the parts of HTML's parsing
//! rules that matter for finding text (void elements, raw-text elements such as
//! `<script>`, implicitly closed `<p>`, `<li>`, `<td>`), not the full HTML5 algorithm.
//! Tag and attribute names are lowercased in both modes.

use super::entities::decode_entities;

/// Deeper nesting than this is flattened, so walking the tree recursively is safe.
const MAX_DEPTH: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Html,
    /// RSS and Atom: no void or raw-text elements (`<link>` has content), CDATA sections.
    Xml,
}

#[derive(Debug)]
pub enum NodeKind {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

#[derive(Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// The parsed tree; node 0 is a synthetic root element named `#root`.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    pub const ROOT: usize = 0;

    pub fn parse(input: &str, mode: Mode) -> Dom {
        let mut builder = Builder {
            dom: Dom {
                nodes: vec![Node {
                    kind: NodeKind::Element {
                        name: "#root".to_string(),
                        attrs: Vec::new(),
                    },
                    parent: None,
                    children: Vec::new(),
                }],
            },
            open: vec![Dom::ROOT],
            mode,
        };
        builder.run(input);
        builder.dom
    }

    /// The element name of `node`, or `""` for text.
    pub fn name(&self, node: usize) -> &str {
        match &self.nodes[node].kind {
            NodeKind::Element { name, .. } => name,
            NodeKind::Text(_) => "",
        }
    }

    pub fn attr(&self, node: usize, attr: &str) -> Option<&str> {
        match &self.nodes[node].kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|(name, _)| name == attr)
                .map(|(_, value)| value.as_str()),
            NodeKind::Text(_) => None,
        }
    }

    pub fn children(&self, node: usize) -> &[usize] {
        &self.nodes[node].children
    }

    /// All nodes below `node` in document order (not including `node`).
    pub fn descendants(&self, node: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.nodes[node].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// Elements named `name` in document order.
    #[cfg(test)]
    pub fn elements_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.descendants(Dom::ROOT)
            .into_iter()
            .filter(move |&n| self.name(n) == name)
    }

    /// First child element of `node` named `name`.
    pub fn child_named(&self, node: usize, name: &str) -> Option<usize> {
        self.children(node)
            .iter()
            .copied()
            .find(|&c| self.name(c) == name)
    }

    /// The text below `node` exactly as written (script content, plain-text feed items).
    pub fn raw_text(&self, node: usize) -> String {
        let mut raw = String::new();
        for n in self.descendants(node) {
            if let NodeKind::Text(t) = &self.nodes[n].kind {
                raw.push_str(t);
            }
        }
        raw
    }

    /// The concatenated text below `node`, with whitespace runs folded to one space.
    pub fn text_content(&self, node: usize) -> String {
        collapse_whitespace(&self.raw_text(node))
    }
}

/// Folds every run of whitespace (including no-break spaces) to one space and trims.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements whose content is not markup; `title` and `textarea` still decode entities.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "title"
            | "textarea"
    )
}

/// Start tags that close an open `<p>`.
fn closes_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "ul"
            | "ol"
            | "dl"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "form"
            | "figure"
            | "hr"
            | "address"
            | "main"
            | "fieldset"
            | "details"
            | "menu"
    )
}

struct Builder {
    dom: Dom,
    open: Vec<usize>,
    mode: Mode,
}

impl Builder {
    fn current(&self) -> usize {
        *self.open.last().expect("the root is never popped")
    }

    fn add(&mut self, kind: NodeKind) -> usize {
        let parent = self.current();
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node {
            kind,
            parent: Some(parent),
            children: Vec::new(),
        });
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let parent = self.current();
        if let Some(&last) = self.dom.nodes[parent].children.last() {
            if let NodeKind::Text(existing) = &mut self.dom.nodes[last].kind {
                existing.push_str(text);
                return;
            }
        }
        self.add(NodeKind::Text(text.to_string()));
    }

    /// Index in `open` of the innermost open element named `name`, not looking past
    /// any element in `boundary`.
    fn find_open(&self, name: &str, boundary: &[&str]) -> Option<usize> {
        for (index, &node) in self.open.iter().enumerate().rev().take(MAX_DEPTH) {
            let open_name = self.dom.name(node);
            if open_name == name {
                return Some(index);
            }
            if boundary.contains(&open_name) {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, index: usize) {
        // Never pops the root (index 0).
        self.open.truncate(index.max(1));
    }

    fn start_tag(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) {
        if self.mode == Mode::Html {
            const SCOPE: [&str; 8] = [
                "div", "td", "th", "li", "article", "section", "body", "table",
            ];
            if closes_paragraph(&name) {
                if let Some(i) = self.find_open("p", &SCOPE) {
                    self.close_to(i);
                }
            }
            let implied = match name.as_str() {
                "li" => Some(("li", &["ul", "ol", "menu"][..])),
                "dt" | "dd" => Some(("dd", &["dl"][..])),
                "td" | "th" => Some(("td", &["tr", "table"][..])),
                "tr" => Some(("tr", &["table"][..])),
                "option" => Some(("option", &["select"][..])),
                _ => None,
            };
            if let Some((open, boundary)) = implied {
                let sibling = self
                    .find_open(open, boundary)
                    .or_else(|| match name.as_str() {
                        "dt" | "dd" => self.find_open("dt", boundary),
                        "td" | "th" => self.find_open("th", boundary),
                        _ => None,
                    });
                if let Some(i) = sibling {
                    self.close_to(i);
                }
            }
        }
        let void = self_closing || (self.mode == Mode::Html && is_void(&name));
        let node = self.add(NodeKind::Element { name, attrs });
        if !void && self.open.len() < MAX_DEPTH {
            self.open.push(node);
        }
    }

    fn end_tag(&mut self, name: &str) {
        if let Some(i) = self.find_open(name, &[]) {
            self.close_to(i);
        }
    }

    fn run(&mut self, input: &str) {
        let bytes = input.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(lt) = memchr::memchr(b'<', &bytes[pos..]).map(|i| pos + i) else {
                self.text(&decode_entities(&input[pos..]));
                break;
            };
            self.text(&decode_entities(&input[pos..lt]));
            pos = self.markup(input, lt);
        }
    }

    /// Handles the markup starting at `lt` (a `<`); returns where text resumes.
    fn markup(&mut self, input: &str, lt: usize) -> usize {
        let bytes = input.as_bytes();
        let rest = &input[lt..];
        if rest.starts_with("<!--") {
            return find_from(input, lt + 4, "-->").map_or(input.len(), |i| i + 3);
        }
        if rest.starts_with("<![CDATA[") {
            let start = lt + 9;
            let end = find_from(input, start, "]]>").unwrap_or(input.len());
            self.text(&input[start..end]);
            return (end + 3).min(input.len());
        }
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        if next == b'!' || next == b'?' {
            return memchr::memchr(b'>', &bytes[lt..]).map_or(input.len(), |i| lt + i + 1);
        }
        if next == b'/' && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
            let name_end = name_end(bytes, lt + 2);
            let name = input[lt + 2..name_end].to_ascii_lowercase();
            self.end_tag(&name);
            return memchr::memchr(b'>', &bytes[name_end..])
                .map_or(input.len(), |i| name_end + i + 1);
        }
        if !next.is_ascii_alphabetic() {
            self.text("<");
            return lt + 1;
        }
        let name_end = name_end(bytes, lt + 1);
        let name = input[lt + 1..name_end].to_ascii_lowercase();
        let (attrs, self_closing, after) = attributes(input, name_end);
        let raw = self.mode == Mode::Html && is_raw_text(&name) && !self_closing;
        self.start_tag(name.clone(), attrs, self_closing);
        if !raw {
            return after;
        }
        // Raw text runs to the matching end tag, whatever it contains.
        let close = format!("</{name}");
        let end = find_ascii_case_insensitive(input, after, &close).unwrap_or(input.len());
        let content = &input[after..end];
        if name == "title" || name == "textarea" {
            self.text(&decode_entities(content));
        } else {
            self.text(content);
        }
        self.end_tag(&name);
        memchr::memchr(b'>', &bytes[end..]).map_or(input.len(), |i| end + i + 1)
    }
}

fn name_end(bytes: &[u8], start: usize) -> usize {
    start
        + bytes[start..]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace() && **b != b'>' && **b != b'/')
            .count()
}

fn find_from(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    memchr::memmem::find(&haystack.as_bytes()[from..], needle.as_bytes()).map(|i| from + i)
}

fn find_ascii_case_insensitive(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let bytes = haystack.as_bytes();
    let mut pos = from;
    while let Some(i) = memchr::memchr(b'<', &bytes[pos..]) {
        let at = pos + i;
        if bytes.len() - at >= needle.len()
            && bytes[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        pos = at + 1;
    }
    None
}

/// Parses attributes from `pos` (just after the tag name) to the closing `>`.
/// Returns them, whether the tag ended with `/>`, and the position after `>`.
fn attributes(input: &str, mut pos: usize) -> (Vec<(String, String)>, bool, usize) {
    let bytes = input.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
            if bytes[pos] == b'/' && bytes.get(pos + 1) == Some(&b'>') {
                return (attrs, true, pos + 2);
            }
            pos += 1;
        }
        if pos >= bytes.len() {
            return (attrs, false, pos);
        }
        if bytes[pos] == b'>' {
            return (attrs, false, pos + 1);
        }
        let start = pos;
        while pos < bytes.len()
            && !matches!(bytes[pos], b'=' | b'>' | b'/')
            && !bytes[pos].is_ascii_whitespace()
        {
            pos += 1;
        }
        // `start..pos` may be empty only at a stray `=`; skip it.
        let name = input[start..pos].to_ascii_lowercase();
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let mut value = String::new();
        if bytes.get(pos) == Some(&b'=') {
            pos += 1;
            while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            match bytes.get(pos) {
                Some(&quote @ (b'"' | b'\'')) => {
                    match memchr::memchr(quote, &bytes[pos + 1..]) {
                        Some(i) => {
                            let end = pos + 1 + i;
                            value = decode_entities(&input[pos + 1..end]).into_owned();
                            pos = end + 1;
                        }
                        None => {
                            // A quote never closed: end the value at the tag's `>`
                            // rather than swallow the rest of the page.
                            let end = memchr::memchr(b'>', &bytes[pos + 1..])
                                .map_or(bytes.len(), |i| pos + 1 + i);
                            value = decode_entities(&input[pos + 1..end]).into_owned();
                            pos = end;
                        }
                    }
                }
                _ => {
                    let start = pos;
                    while pos < bytes.len()
                        && bytes[pos] != b'>'
                        && !bytes[pos].is_ascii_whitespace()
                    {
                        pos += 1;
                    }
                    value = decode_entities(&input[start..pos]).into_owned();
                }
            }
        }
        if name.is_empty() {
            pos = pos.max(start + 1);
        } else {
            attrs.push((name, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom, node: usize, out: &mut String) {
        match &dom.nodes[node].kind {
            NodeKind::Text(t) => out.push_str(&format!("'{t}'")),
            NodeKind::Element { name, .. } => {
                out.push_str(&format!("<{name}>"));
                for &c in dom.children(node) {
                    outline(dom, c, out);
                }
                out.push_str(&format!("</{name}>"));
            }
        }
    }

    fn tree(html: &str, mode: Mode) -> String {
        let dom = Dom::parse(html, mode);
        let mut out = String::new();
        for &c in dom.children(Dom::ROOT) {
            outline(&dom, c, &mut out);
        }
        out
    }

    #[test]
    fn implied_ends_and_void_elements() {
        assert_eq!(
            tree("<p>one<p>two<br>three<ul><li>a<li>b</ul>", Mode::Html),
            "<p>'one'</p><p>'two'<br></br>'three'</p><ul><li>'a'</li><li>'b'</li></ul>"
        );
    }

    #[test]
    fn raw_text_and_comments() {
        assert_eq!(
            tree(
                "<script>if (a < b) { x = '</div>'; }</script><!-- <p>hidden</p> -->x &amp; y",
                Mode::Html
            ),
            "<script>'if (a < b) { x = '</div>'; }'</script>'x & y'"
        );
    }

    #[test]
    fn broken_markup_never_panics() {
        for html in [
            "<",
            "<<<>>>",
            "</",
            "<a href='x",
            "<!--",
            "<![CDATA[",
            "<div class=\"a>text",
            "&#",
            "<p =x>y",
            "<scrip",
            "<script>never closed",
            "</nothing>text<",
            "<a/ b=>c</a>",
            "é<é>é</é>",
        ] {
            let _ = tree(html, Mode::Html);
            let _ = tree(html, Mode::Xml);
        }
        let deep = "<div>".repeat(100_000) + "deep text";
        let dom = Dom::parse(&deep, Mode::Html);
        assert_eq!(dom.text_content(Dom::ROOT), "deep text");
    }

    #[test]
    fn xml_mode_keeps_link_content_and_cdata() {
        assert_eq!(
            tree("<item><link>http://x</link><description><![CDATA[<p>a & b</p>]]></description></item>", Mode::Xml),
            "<item><link>'http://x'</link><description>'<p>a & b</p>'</description></item>"
        );
    }

    #[test]
    fn attributes_in_any_quoting() {
        let dom = Dom::parse(
            "<meta property=og:title content='A &amp; B' data-x = \"1\" hidden>",
            Mode::Html,
        );
        let meta = dom.elements_named("meta").next().unwrap();
        assert_eq!(dom.attr(meta, "property"), Some("og:title"));
        assert_eq!(dom.attr(meta, "content"), Some("A & B"));
        assert_eq!(dom.attr(meta, "data-x"), Some("1"));
        assert_eq!(dom.attr(meta, "hidden"), Some(""));
    }
}
