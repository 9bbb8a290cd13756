//! Main-text extraction from an HTML page.

/// The text newsalign reads from a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// Headline and paragraphs, one per line, separated by blank lines.
    pub text: String,
    pub title: Option<String>,
}

/// Extracts the article's headline and paragraphs.
pub fn extract(html: &str) -> Page {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("h1, p").expect("static selector");
    let paragraphs: Vec<String> = doc
        .select(&sel)
        .map(|e| e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    Page { text: paragraphs.join("\n\n"), title: None }
}
