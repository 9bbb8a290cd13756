//! Main-text extraction from an HTML page.
//!
//! A news page is mostly not the article: menus, share bars, related links, comments, scripts.
//! The extractor picks the article's container (`<article>`, else `<main>`, else the body), walks it
//! in document order and turns every block element into one paragraph, skipping whole subtrees
//! that are page furniture (scripts, styles, navigation, headers, footers, asides, forms) or whose
//! class or id names one (`share-bar`, `related-links`, `newsletter`). The headline (`<h1>`) is
//! kept first even when the page puts it in a `<header>`. Entities are decoded by the parser.

use scraper::{ElementRef, Html, Node, Selector};
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
    let doc = Html::parse_document(html);
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

fn walk(element: ElementRef, out: &mut Vec<String>, current: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                if is_furniture(&child) {
                    continue;
                }
                let block = BLOCKS.contains(&child.value().name());
                if block {
                    flush(current, out);
                }
                walk(child, out, current);
                if block {
                    flush(current, out);
                }
            }
            _ => {}
        }
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
}
