//! Finding an article's text in a page.
//!
//! 1. Elements that are never article text are dropped whole: by tag (`nav`,
//!    `header`, `footer`, `aside`, `form`, `script`, `figcaption`...), by ARIA role or
//!    `hidden`, and by words in their `class`/`id` (comments, share, related, cookie,
//!    ad...). A comment hint always drops. Otherwise, within one class name a
//!    boilerplate word wins ("entry-footer"), and across class names one that marks
//!    the content wins ("main-content with-sidebar").
//! 2. The rest is cut into text runs at block boundaries and `<br>`; each run knows
//!    how much of it is link text.
//! 3. Runs of some length with little link text vote for the block that holds them,
//!    with half the weight for its parent and a quarter for the grandparent; the
//!    block with most votes is the article, joined by sibling blocks that also got
//!    votes (an article split around an advert), or replaced by an enclosing
//!    `<article>` or `itemprop="articleBody"` element close above it.
//! 4. Its runs are kept unless they are the `<h1>` headline, mostly links, short
//!    boilerplate lines ("Share on", "No comments: Post a Comment"), or repeat an
//!    earlier run (captions printed twice) or the title.

use super::dom::{collapse_whitespace, Dom, NodeKind};
use std::collections::HashSet;

/// A run shorter than this (in characters) does not vote.
const MIN_VOTING_CHARS: usize = 25;
/// Above this share of link text a run does not vote...
const MAX_VOTING_LINK_DENSITY: f64 = 0.4;
/// ...and above this it is not kept at all.
const MAX_KEPT_LINK_DENSITY: f64 = 0.5;
/// Boilerplate phrases are only looked for in runs shorter than this, so an article
/// paragraph that quotes one is kept.
const BOILERPLATE_MAX_CHARS: usize = 200;

/// Text runs of a page's main article, in order.
pub fn article_paragraphs(dom: &Dom, title: Option<&str>) -> Vec<String> {
    let runs = collect_runs(dom, Dom::ROOT);
    let selected = select_article(dom, &runs);
    let mut seen: HashSet<&str> = HashSet::new();
    if let Some(title) = title {
        seen.insert(title);
    }
    let mut out = Vec::new();
    for run in &runs {
        let inside = match &selected {
            Some(roots) => is_within(dom, run.owner, roots),
            None => true,
        };
        // The headline is the document's title, not a paragraph of its text.
        let headline = dom.name(run.owner) == "h1";
        if inside && !headline && keep(run) && seen.insert(run.text.as_str()) {
            out.push(run.text.clone());
        }
    }
    out
}

/// Text runs of an HTML fragment (a feed item's content), all kept but boilerplate.
pub fn fragment_paragraphs(dom: &Dom, root: usize) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    collect_runs(dom, root)
        .into_iter()
        .filter(|run| keep(run) && seen.insert(run.text.clone()))
        .map(|run| run.text)
        .collect()
}

/// Inline text between two block boundaries.
struct Run {
    text: String,
    chars: usize,
    link_chars: usize,
    /// The nearest enclosing block element.
    owner: usize,
}

impl Run {
    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }
}

fn keep(run: &Run) -> bool {
    run.link_density() <= MAX_KEPT_LINK_DENSITY && !is_boilerplate_line(&run.text)
}

fn is_boilerplate_line(text: &str) -> bool {
    const PHRASES: [&str; 30] = [
        "post a comment",
        "no comments",
        "comments:",
        "leave a reply",
        "leave a comment",
        "share on",
        "share this",
        "share:",
        "follow us",
        "sign up",
        "sign in",
        "log in",
        "subscribe",
        "newsletter",
        "cookie",
        "all rights reserved",
        "copyright",
        "©",
        "read more",
        "related:",
        "related articles",
        "related stories",
        "advertisement",
        "click here",
        "skip to",
        "back to top",
        "posted by",
        "print this",
        "email this",
        "most read",
    ];
    if text.chars().count() >= BOILERPLATE_MAX_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    PHRASES.iter().any(|p| lower.contains(p))
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "address"
            | "center"
            | "body"
            | "html"
            | "fieldset"
            | "details"
            | "summary"
            | "caption"
            | "hr"
            | "#root"
    )
}

/// Elements that hold no article text whatever their attributes say.
fn is_dropped_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "label"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
            | "menu"
            | "figcaption"
            | "title"
            | "meta"
            | "link"
    )
}

/// Words in `class`/`id` that mark comment sections: these always drop.
const COMMENT_HINTS: [&str; 4] = ["comment", "disqus", "respond", "reply"];
/// Substrings of `class`/`id` that mark boilerplate.
const BOILERPLATE_HINTS: [&str; 28] = [
    "share",
    "social",
    "related",
    "recommend",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscri",
    "sidebar",
    "breadcrumb",
    "advert",
    "sponsor",
    "promo",
    "footer",
    "navbar",
    "masthead",
    "widget",
    "taboola",
    "outbrain",
    "caption",
    "popup",
    "modal",
    "pagination",
    "trending",
    "mostread",
    "toolbar",
    "pager",
];
/// Whole `class`/`id` words that mark boilerplate (too short to match as substrings).
const BOILERPLATE_WORDS: [&str; 17] = [
    "ad", "ads", "nav", "menu", "header", "tags", "byline", "banner", "login", "print", "skip",
    "credit", "credits", "meta", "hidden", "popular", "author",
];
/// Whole `class`/`id` words that mark the article itself.
const CONTENT_WORDS: [&str; 8] = [
    "article",
    "story",
    "content",
    "entry",
    "body",
    "main",
    "text",
    "articlebody",
];

fn is_dropped(dom: &Dom, node: usize) -> bool {
    let name = dom.name(node);
    if is_dropped_tag(name) {
        return true;
    }
    if dom.attr(node, "hidden").is_some() || dom.attr(node, "aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = dom.attr(node, "role") {
        if matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "menu"
        ) {
            return true;
        }
    }
    if let Some(style) = dom.attr(node, "style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if style.to_ascii_lowercase().contains("display:none") {
            return true;
        }
    }
    let class = dom.attr(node, "class").unwrap_or("");
    let id = dom.attr(node, "id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return false;
    }
    let names: Vec<String> = class
        .split_whitespace()
        .chain(std::iter::once(id).filter(|id| !id.is_empty()))
        .map(str::to_ascii_lowercase)
        .collect();
    if names
        .iter()
        .any(|n| COMMENT_HINTS.iter().any(|h| n.contains(h)))
    {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    // Within one class name a boilerplate word wins ("entry-footer"); across names,
    // one that marks content wins ("main-content with-sidebar").
    let mut negative = false;
    let mut positive = false;
    for name in &names {
        let words: Vec<&str> = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if BOILERPLATE_HINTS.iter().any(|h| name.contains(h))
            || words.iter().any(|w| BOILERPLATE_WORDS.contains(w))
        {
            negative = true;
        } else if words.iter().any(|w| CONTENT_WORDS.contains(w)) {
            positive = true;
        }
    }
    negative && !positive
}

fn collect_runs(dom: &Dom, root: usize) -> Vec<Run> {
    let mut collector = Collector {
        dom,
        runs: Vec::new(),
        buffer: String::new(),
        chars: 0,
        link_chars: 0,
    };
    collector.walk(root, root, false);
    collector.flush(root);
    collector.runs
}

struct Collector<'a> {
    dom: &'a Dom,
    runs: Vec<Run>,
    buffer: String,
    chars: usize,
    link_chars: usize,
}

impl Collector<'_> {
    fn flush(&mut self, owner: usize) {
        if self.chars > 0 {
            let text = collapse_whitespace(&self.buffer);
            self.runs.push(Run {
                text,
                chars: self.chars,
                link_chars: self.link_chars,
                owner,
            });
        }
        self.buffer.clear();
        self.chars = 0;
        self.link_chars = 0;
    }

    /// Depth is bounded by the tree builder, so recursion is safe.
    fn walk(&mut self, node: usize, owner: usize, in_link: bool) {
        for &child in self.dom.children(node) {
            match &self.dom.nodes[child].kind {
                NodeKind::Text(text) => {
                    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
                    self.chars += visible;
                    if in_link {
                        self.link_chars += visible;
                    }
                    self.buffer.push_str(text);
                }
                NodeKind::Element { name, .. } => {
                    if is_dropped(self.dom, child) {
                        // Keeps words on either side of a dropped element apart.
                        self.buffer.push(' ');
                        continue;
                    }
                    if name == "br" {
                        self.flush(owner);
                    } else if is_block(name) {
                        self.flush(owner);
                        self.walk(child, child, in_link);
                        self.flush(child);
                    } else {
                        if name == "img" {
                            continue;
                        }
                        self.walk(child, owner, in_link || name == "a");
                    }
                }
            }
        }
    }
}

/// The blocks holding the article: the best-voted block and its voted siblings.
fn select_article(dom: &Dom, runs: &[Run]) -> Option<Vec<usize>> {
    let mut votes = vec![0.0f64; dom.nodes.len()];
    for run in runs {
        let density = run.link_density();
        if run.chars < MIN_VOTING_CHARS
            || density > MAX_VOTING_LINK_DENSITY
            || is_boilerplate_line(&run.text)
        {
            continue;
        }
        let container = match dom.name(run.owner) {
            "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "pre" | "dd"
            | "dt" | "td" | "th" => dom.nodes[run.owner].parent.unwrap_or(run.owner),
            _ => run.owner,
        };
        let mut weight = run.chars as f64 * (1.0 - density);
        let mut node = Some(container);
        for _ in 0..3 {
            let Some(n) = node else { break };
            votes[n] += weight;
            weight /= 2.0;
            node = dom.nodes[n].parent;
        }
    }
    let (best, &best_votes) = votes.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))?;
    if best_votes <= 0.0 {
        return None;
    }
    // A page that marks its article (`<article>`, `itemprop="articleBody"`) just above
    // the best block gets all of it: a lede kept apart from the body stays in.
    let mut ancestor = dom.nodes[best].parent;
    for _ in 0..3 {
        let Some(node) = ancestor else { break };
        if dom.name(node) == "article" || dom.attr(node, "itemprop") == Some("articleBody") {
            return Some(vec![node]);
        }
        ancestor = dom.nodes[node].parent;
    }
    let mut roots = vec![best];
    if let Some(parent) = dom.nodes[best].parent {
        roots.extend(
            dom.children(parent)
                .iter()
                .copied()
                .filter(|&s| s != best && (votes[s] >= 0.2 * best_votes || votes[s] >= 60.0)),
        );
    }
    Some(roots)
}

fn is_within(dom: &Dom, mut node: usize, roots: &[usize]) -> bool {
    loop {
        if roots.contains(&node) {
            return true;
        }
        match dom.nodes[node].parent {
            Some(parent) => node = parent,
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::Mode;

    fn article(html: &str) -> Vec<String> {
        article_paragraphs(&Dom::parse(html, Mode::Html), None)
    }

    #[test]
    fn keeps_paragraphs_drops_chrome() {
        let html = r#"<html><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <div class="share-buttons"><a>Share on Facebook</a></div>
          <div id="story"><p>The first paragraph of the story has enough words in it.</p>
          <figure><img src="x.jpg"><figcaption>Fighters near the border.</figcaption></figure>
          <p>The second paragraph has <a href="/x">one link</a> and more words after it.</p>
          <div class="comments">No comments: <a>Post a Comment</a></div></div>
          <ul class="related"><li><a href="/a">Another story with a long linked title</a></li></ul>
          <footer>Copyright 2016</footer></body></html>"#;
        assert_eq!(
            article(html),
            [
                "The first paragraph of the story has enough words in it.",
                "The second paragraph has one link and more words after it."
            ]
        );
    }

    #[test]
    fn lede_apart_from_the_body_is_kept() {
        let html = "<body><div class='sidebar-box'><p>Unrelated text in a box beside the story, long enough to vote.</p></div>\
            <article><div class='lede'><p>KABUL (dyad wire) - The lede sits in its own block.</p></div>\
            <div class='body'><p>Body paragraph one is rather longer than the lede, with many words.</p>\
            <p>Body paragraph two is also long, so the body block wins the vote by far.</p>\
            <p>Body paragraph three adds yet more words to make the body block dominant.</p></div></article></body>";
        let paragraphs = article(html);
        assert_eq!(paragraphs.len(), 4, "{paragraphs:?}");
        assert!(paragraphs[0].starts_with("KABUL"));
    }

    #[test]
    fn br_separated_text_and_duplicate_captions() {
        let html = "<div class='post-body'>First line of a blog post about the talks.<br><br>\
            Second line of the blog post, also long enough.<br>\
            <span class='pic'>A photo caption</span><br><span class='pic'>A photo caption</span></div>";
        assert_eq!(
            article(html),
            [
                "First line of a blog post about the talks.",
                "Second line of the blog post, also long enough.",
                "A photo caption"
            ]
        );
    }

    #[test]
    fn comment_hint_beats_content_hint() {
        let dom = Dom::parse("<div class='comment-content'>x</div>", Mode::Html);
        let div = dom.elements_named("div").next().unwrap();
        assert!(is_dropped(&dom, div));
        let dom = Dom::parse("<div class='main-content with-sidebar'>x</div>", Mode::Html);
        let div = dom.elements_named("div").next().unwrap();
        assert!(!is_dropped(&dom, div));
        let dom = Dom::parse("<div class='entry-footer post'>x</div>", Mode::Html);
        let div = dom.elements_named("div").next().unwrap();
        assert!(is_dropped(&dom, div));
    }
}
