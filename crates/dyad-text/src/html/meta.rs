//! A page's title, publication date, site name, canonical URL and declared language,
//! from JSON-LD (`NewsArticle` and kin), Open Graph and other `<meta>` tags,
//! `<time>` elements, `<h1>` and `<title>`, in that order of trust.

use super::dom::{collapse_whitespace, Dom, NodeKind};
use super::entities::decode_entities;
use crate::dates::parse_date;
use dyad_model::Date;
use serde_json::Value;

#[derive(Debug, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Primary subtag of `<html lang>`, lowercased.
    pub lang: Option<String>,
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

const ARTICLE_TYPES: [&str; 9] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

const DATE_META_KEYS: [&str; 14] = [
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
];

pub fn page_meta(dom: &Dom) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut linked = LinkedData::default();
    let mut page = PageMeta::default();
    let mut title_tag = None;
    let mut first_h1 = None;
    let mut marked_time = None;
    let mut first_time = None;
    let mut canonical = None;

    for node in dom.descendants(Dom::ROOT) {
        let NodeKind::Element { name, .. } = &dom.nodes[node].kind else {
            continue;
        };
        match name.as_str() {
            "html" => {
                page.lang = dom
                    .attr(node, "lang")
                    .and_then(|l| l.split(['-', '_']).next())
                    .map(|l| l.trim().to_ascii_lowercase())
                    .filter(|l| !l.is_empty());
            }
            "meta" => {
                let key = dom
                    .attr(node, "property")
                    .or_else(|| dom.attr(node, "name"))
                    .or_else(|| dom.attr(node, "itemprop"));
                if let (Some(key), Some(content)) = (key, dom.attr(node, "content")) {
                    metas.push((key.to_ascii_lowercase(), content.trim().to_string()));
                }
            }
            "link" => {
                let rel = dom.attr(node, "rel").unwrap_or("");
                if rel.eq_ignore_ascii_case("canonical") && canonical.is_none() {
                    canonical = dom.attr(node, "href").map(str::to_string);
                }
            }
            "title" if title_tag.is_none() => title_tag = Some(dom.text_content(node)),
            "h1" if first_h1.is_none() => first_h1 = Some(dom.text_content(node)),
            "script" => {
                let kind = dom.attr(node, "type").unwrap_or("");
                if kind.eq_ignore_ascii_case("application/ld+json") {
                    read_linked_data(&dom.raw_text(node), &mut linked);
                }
            }
            _ => {}
        }
        let datetime = dom.attr(node, "datetime").or_else(|| {
            (dom.attr(node, "itemprop")? == "datePublished")
                .then(|| dom.attr(node, "content"))
                .flatten()
        });
        if let Some(datetime) = datetime {
            let marked = dom.attr(node, "itemprop") == Some("datePublished")
                || dom.attr(node, "pubdate").is_some();
            if marked && marked_time.is_none() {
                marked_time = Some(datetime.to_string());
            } else if name == "time" && first_time.is_none() {
                first_time = Some(datetime.to_string());
            }
        }
    }

    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(key, value)| key == k && !value.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let non_empty =
        |s: Option<String>| s.map(|s| collapse_whitespace(&s)).filter(|s| !s.is_empty());

    page.outlet = non_empty(
        linked
            .publisher
            .or_else(|| meta(&["og:site_name", "application-name"])),
    );
    page.title = non_empty(linked.headline)
        .or_else(|| non_empty(meta(&["og:title", "twitter:title"])))
        .or_else(|| non_empty(first_h1))
        .or_else(|| non_empty(title_tag).map(|t| strip_site_suffix(&t)));
    page.published = [
        linked.published,
        meta(&DATE_META_KEYS),
        marked_time,
        first_time,
    ]
    .into_iter()
    .flatten()
    .find_map(|d| parse_date(&d));
    page.url = non_empty(linked.url.or(canonical).or_else(|| meta(&["og:url"])));
    page
}

/// "Russia arms Taliban, U.S. says | Dyad Wire" -> "Russia arms Taliban, U.S. says".
fn strip_site_suffix(title: &str) -> String {
    [" | ", " - ", " — ", " – ", " :: "]
        .iter()
        .find_map(|sep| title.rsplit_once(sep))
        .map(|(head, _)| head.trim().to_string())
        .filter(|head| head.chars().count() >= 10)
        .unwrap_or_else(|| title.to_string())
}

/// Reads the first article-typed object of a JSON-LD block (which may be an array or
/// hold an `@graph`). Invalid JSON-LD is common and ignored.
fn read_linked_data(json: &str, out: &mut LinkedData) {
    if out.headline.is_some() || out.published.is_some() {
        return;
    }
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return;
    };
    if let Some(article) = find_article(&value, 0) {
        // Some sites escape JSON-LD strings as HTML ("Q&amp;A").
        let string = |v: Option<&Value>| {
            v.and_then(Value::as_str)
                .map(|s| decode_entities(s).into_owned())
        };
        out.headline = string(article.get("headline")).or_else(|| string(article.get("name")));
        out.published =
            string(article.get("datePublished")).or_else(|| string(article.get("dateCreated")));
        out.publisher = article
            .get("publisher")
            .and_then(name_of)
            .map(|name| decode_entities(&name).into_owned());
        out.url = string(article.get("url")).or_else(|| {
            let main = article.get("mainEntityOfPage")?;
            main.as_str()
                .or_else(|| main.get("@id").and_then(Value::as_str))
                .map(str::to_string)
        });
    }
}

fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if typed {
                return Some(value);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::Mode;

    #[test]
    fn json_ld_wins_then_meta_then_tags() {
        let html = r#"<html lang="en-GB"><head><title>Page title | Site</title>
          <meta property="og:site_name" content="OG Site">
          <meta property="article:published_time" content="2016-02-10T09:00:00Z">
          <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"x"},
            {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2016-02-12T08:00:00+04:30",
             "publisher":{"@type":"Organization","name":"Dyad Wire"}}]}</script>
          </head><body><h1>H1 title</h1></body></html>"#;
        let meta = page_meta(&Dom::parse(html, Mode::Html));
        assert_eq!(meta.title.as_deref(), Some("LD headline"));
        assert_eq!(meta.outlet.as_deref(), Some("Dyad Wire"));
        assert_eq!(meta.published.unwrap().to_string(), "2016-02-12");
        assert_eq!(meta.lang.as_deref(), Some("en"));

        let html = r#"<head><title>Russia and the Taliban: what we know | Site</title>
          <meta name="date" content="March 3, 2020"><script type="application/ld+json">{broken</script></head>"#;
        let meta = page_meta(&Dom::parse(html, Mode::Html));
        assert_eq!(
            meta.title.as_deref(),
            Some("Russia and the Taliban: what we know")
        );
        assert_eq!(meta.published.unwrap().to_string(), "2020-03-03");
        assert_eq!(meta.outlet, None);

        let html = r#"<body><time datetime="2019-01-01">old</time><span itemprop="datePublished" content="2019-05-06"></span></body>"#;
        assert_eq!(
            page_meta(&Dom::parse(html, Mode::Html))
                .published
                .unwrap()
                .to_string(),
            "2019-05-06"
        );
    }
}
