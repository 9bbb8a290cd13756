//! Main-text extraction from an HTML page.
//!
//! A news page is mostly not the article: menus, share bars, related links, comments, scripts.
//! The extractor picks the article's container (`<article>`, else `<main>`, else the body), walks it
//! in document order and turns every block element into one paragraph, skipping whole subtrees
//! that are page furniture (scripts, styles, navigation, headers, footers, asides, forms) or whose
//! class or id names one (`share-bar`, `related-links`, `newsletter`). The headline (`<h1>`) is
//! kept first even when the page puts it in a `<header>`. Entities are decoded by the parser.

use scraper::{ElementRef, Html, Node, Selector};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The text newsalign reads from a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// Headline and paragraphs, one per line, separated by blank lines.
    pub text: String,
    pub title: Option<String>,
}

/// Elements whose whole subtree is never article text.
const SKIPPED: [&str; 21] = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "input",
    "textarea", "label", "svg", "canvas", "iframe", "object", "embed", "figure", "menu",
];

/// Elements that start a new paragraph.
const BLOCKS: [&str; 30] = [
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "td",
    "th",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "ul",
    "ol",
    "figcaption",
    "address",
    "center",
    "body",
    "br",
    "hr",
    "caption",
];

/// Words in a class or id that name page furniture rather than article text.
const FURNITURE: [&str; 26] = [
    "share",
    "sharing",
    "social",
    "newsletter",
    "related",
    "comment",
    "comments",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "subscribe",
    "nav",
    "navbar",
    "menu",
    "footer",
    "widget",
    "outbrain",
    "taboola",
    "popup",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| selector("main, [role=main], [itemprop=articleBody]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));

/// Extracts the article's headline and paragraphs.
pub fn extract(html: &str) -> Page {
    let html = flatten_deep(html);
    let doc = Html::parse_document(&html);
    let root = article_root(&doc);
    let mut paragraphs = Vec::new();
    if let Some(root) = root {
        let mut current = String::new();
        walk(root, &mut paragraphs, &mut current);
        flush(&mut current, &mut paragraphs);
    }
    let headline = root
        .and_then(|r| r.select(&H1).next())
        .or_else(|| doc.select(&H1).next())
        .map(|h| crate::text::one_line(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty());
    if let Some(headline) = &headline {
        if paragraphs.first() != Some(headline) {
            paragraphs.retain(|p| p != headline);
            paragraphs.insert(0, headline.clone());
        }
    }
    let title = doc
        .select(&TITLE)
        .next()
        .map(|t| crate::text::one_line(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .or(headline);
    Page { text: paragraphs.join("\n\n"), title }
}

/// The element holding the article: the `<article>` with the most text, else `<main>`, else the body.
fn article_root(doc: &Html) -> Option<ElementRef<'_>> {
    let text_len = |e: &ElementRef| e.text().map(str::len).sum::<usize>();
    doc.select(&ARTICLE)
        .max_by_key(text_len)
        .or_else(|| doc.select(&MAIN).max_by_key(text_len))
        .or_else(|| doc.select(&BODY).next())
        .or_else(|| Some(doc.root_element()))
}

/// Walks the root's subtree in document order without recursion (a page may nest thousands of
/// elements), skipping furniture subtrees and flushing a paragraph at each block's start and end.
fn walk(root: ElementRef, out: &mut Vec<String>, current: &mut String) {
    let is_block = |name: &str| BLOCKS.contains(&name);
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut descend = false;
        match node.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(e) => {
                if let Some(child) = ElementRef::wrap(node) {
                    if !is_furniture(&child) {
                        if is_block(e.name()) {
                            flush(current, out);
                        }
                        descend = node.has_children();
                        if !descend && is_block(e.name()) {
                            flush(current, out);
                        }
                    }
                }
            }
            _ => {}
        }
        if descend {
            next = node.first_child();
            continue;
        }
        // Leave the node: its next sibling, else climb, closing each block left on the way.
        let mut cur = node;
        next = loop {
            if let Some(sibling) = cur.next_sibling() {
                break Some(sibling);
            }
            match cur.parent() {
                Some(parent) if parent.id() != root.id() => {
                    if let Node::Element(e) = parent.value() {
                        if is_block(e.name()) {
                            flush(current, out);
                        }
                    }
                    cur = parent;
                }
                _ => break None,
            }
        };
    }
}

fn is_furniture(element: &ElementRef) -> bool {
    let e = element.value();
    if SKIPPED.contains(&e.name()) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    let style_hidden = e.attr("style").is_some_and(|s| s.replace(' ', "").contains("display:none"));
    let named = [e.attr("class"), e.id()].into_iter().flatten().any(|names| {
        names
            .to_ascii_lowercase()
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| FURNITURE.contains(&word))
    });
    style_hidden || named
}

/// Ends the paragraph being built. Runs of ASCII white space (source indentation, line ends)
/// become one space; no-break spaces are text (French puts them before « : » and in 3 000).
fn flush(current: &mut String, out: &mut Vec<String>) {
    let paragraph = current.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    if !paragraph.is_empty() {
        out.push(paragraph);
    }
    current.clear();
}

/// The deepest element nesting handed to the HTML parser. Real pages nest a few dozen levels; a
/// page nesting thousands (an attack, or a generator gone wrong) makes the parser's scope checks
/// quadratic and any tree walk deep, so the tags below this depth are dropped before parsing
/// (their text is kept).
pub const MAX_DEPTH: usize = 512;

/// Elements that never hold content: they open no level.
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose content is raw text up to their end tag: no tag inside them counts.
const RAW_TEXT: [&str; 8] = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Elements a parser closes implicitly when the same element (or, for `p`, a block) starts again.
const SELF_CLOSING_SIBLINGS: [&str; 8] = ["p", "li", "dt", "dd", "option", "tr", "td", "th"];

/// The page with the start and end tags of elements nested deeper than [`MAX_DEPTH`] removed.
///
/// A linear scan that tracks the open elements the way a parser roughly would (void elements,
/// raw-text elements, comments, implicitly closed siblings). It only has to be right enough that a
/// real page never reaches the limit; on a page that does, the text is kept and only the excess
/// structure goes. Borrowed unchanged when nothing is dropped.
pub fn flatten_deep(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already accounted for in `out`
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        let mut drop_tag = false;
        if closing {
            if let Some(n) = dropped.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                drop_tag = true;
            } else if let Some(at) = open.iter().rposition(|o| *o == name) {
                open.truncate(at);
            }
        } else {
            let self_closed = end >= 2 && bytes[end - 2] == b'/';
            if open.last().is_some_and(|t| t == "p") && BLOCKS.contains(&name.as_str()) {
                open.pop();
            }
            if SELF_CLOSING_SIBLINGS.contains(&name.as_str()) {
                // an open sibling a few levels up is closed by this one (`<li>a<b>b<li>`)
                let near = open.len().saturating_sub(3);
                if let Some(at) = open[near..].iter().rposition(|o| *o == name) {
                    open.truncate(near + at);
                }
            }
            if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                i = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
                continue;
            }
            if !VOID.contains(&name.as_str()) && !self_closed {
                if open.len() >= MAX_DEPTH {
                    *dropped.entry(name).or_default() += 1;
                    drop_tag = true;
                } else {
                    open.push(name);
                }
            }
        }
        if drop_tag {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[copied..start]);
            copied = end;
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[copied..]);
            Cow::Owned(out)
        }
    }
}

/// The byte after a tag's closing `>` (quoted attribute values may hold `>`), or the end of input.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    let mut at = 0;
    while let Some(p) = memchr::memchr(b'<', &hay[at..]) {
        let cand = at + p;
        if hay.len() - cand >= needle.len() && hay[cand..cand + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(from + cand);
        }
        at = cand + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html>
<html lang="fr"><head><title>Crue de la Sélune | Le Courrier de Valmont</title>
<style>p { color: red }</style><script>var ads = "<p>faux</p>";</script></head>
<body>
<nav><ul><li>Accueil</li><li>Régions</li></ul></nav>
<header><h1>La Sélune sort de son lit à Valmont</h1><p class="byline">Par Anne Roy</p></header>
<div class="share-bar"><a href="#">Partager</a></div>
<article>
  <p>La rivière a débordé dans la nuit de lundi à mardi. Près de <b>120</b> maisons ont été inondées.</p>
  <p>« C&rsquo;est du jamais-vu », confie une habitante&nbsp;: l&#39;eau a atteint 1,80&nbsp;m.</p>
  <ul><li>Routes coupées</li><li>Écoles fermées</li></ul>
  <aside>Lire aussi : nos autres articles</aside>
  <div class="related-links"><p>Les crues de 2001</p></div>
  <p hidden>Texte caché</p>
</article>
<footer><p>© Le Courrier de Valmont</p></footer>
</body></html>"##;

    #[test]
    fn keeps_headline_and_article_paragraphs_only() {
        let page = extract(PAGE);
        assert_eq!(
            page.text,
            "La Sélune sort de son lit à Valmont\n\n\
             La rivière a débordé dans la nuit de lundi à mardi. Près de 120 maisons ont été inondées.\n\n\
             « C’est du jamais-vu », confie une habitante\u{a0}: l'eau a atteint 1,80\u{a0}m.\n\n\
             Routes coupées\n\nÉcoles fermées"
        );
        assert_eq!(page.title.as_deref(), Some("Crue de la Sélune | Le Courrier de Valmont"));
    }

    #[test]
    fn falls_back_to_main_then_body() {
        let page = extract(
            "<html><body><nav>Menu</nav><main><h2>Dam repairs</h2><p>Work starts on Monday.</p></main></body></html>",
        );
        assert_eq!(page.text, "Dam repairs\n\nWork starts on Monday.");
        let page = extract("<p>First paragraph.</p><div>Second <i>block</i><br>on two lines.</div>");
        assert_eq!(page.text, "First paragraph.\n\nSecond block\n\non two lines.");
        assert_eq!(page.title, None);
    }

    #[test]
    fn title_falls_back_to_the_headline() {
        let page = extract("<body><article><h1>Floods in Valmont</h1><p>The river rose.</p></article></body>");
        assert_eq!(page.title.as_deref(), Some("Floods in Valmont"));
        assert_eq!(page.text, "Floods in Valmont\n\nThe river rose.");
    }

    #[test]
    fn empty_or_furniture_only_pages_give_no_text() {
        assert_eq!(extract("").text, "");
        assert_eq!(extract("<nav>Home</nav><footer>© 2024</footer><script>x()</script>").text, "");
    }

    #[test]
    fn deep_nesting_is_flattened_not_fatal() {
        for tag in ["span", "div", "b"] {
            let page = format!("<html><body>{}Le feu.", format!("<{tag}>").repeat(20_000));
            assert_eq!(extract(&page).text, "Le feu.");
        }
        let closed =
            format!("<body>{}<p>Deep text.</p>{}<p>After.</p></body>", "<div>".repeat(2_000), "</div>".repeat(2_000));
        assert_eq!(extract(&closed).text, "Deep text.\n\nAfter.");
    }

    #[test]
    fn flattening_leaves_ordinary_pages_alone() {
        assert!(matches!(flatten_deep(PAGE), Cow::Borrowed(_)));
        let list = format!("<ul>{}</ul>", "<li>item<p>para".repeat(5_000));
        assert!(matches!(flatten_deep(&list), Cow::Borrowed(_)));
        let script = format!("<script>{}</script><p>x</p>", "<div>".repeat(5_000));
        assert!(matches!(flatten_deep(&script), Cow::Borrowed(_)));
    }
}
