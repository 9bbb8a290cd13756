//! The JSON report of `newsalign align` (CONTRACT.md).

use crate::align::Alignment;
use crate::compare::Divergence;
use crate::document::Document;
use crate::lang::Lang;
use serde::Serialize;

/// The whole report: both documents with their sentences, the pairs and what stayed unmatched.
#[derive(Clone, Debug, Serialize)]
pub struct AlignReport {
    pub left: DocumentOut,
    pub right: DocumentOut,
    pub pairs: Vec<PairOut>,
    pub unmatched: Unmatched,
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentOut {
    pub id: String,
    pub lang: Lang,
    /// `YYYY-MM-DD` or null.
    pub published: Option<String>,
    pub sentences: Vec<SentenceOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SentenceOut {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub noise: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct PairOut {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    /// Rounded to three decimals: more would be noise.
    pub score: f64,
    pub divergences: Vec<Divergence>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Unmatched {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

impl DocumentOut {
    pub fn new(doc: &Document) -> Self {
        DocumentOut {
            id: doc.id.clone(),
            lang: doc.lang,
            published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceOut {
                    index: s.index,
                    start: s.start,
                    end: s.end,
                    text: doc.text[s.start..s.end].to_string(),
                    noise: s.noise,
                })
                .collect(),
        }
    }
}

impl AlignReport {
    /// The report of an alignment, with no divergences yet (the compare stage fills them in
    /// `pairs[].divergences`, in the same order as `alignment.pairs`).
    pub fn new(left: &Document, right: &Document, alignment: &Alignment) -> Self {
        AlignReport {
            left: DocumentOut::new(left),
            right: DocumentOut::new(right),
            pairs: alignment
                .pairs
                .iter()
                .map(|p| PairOut {
                    left: p.left.clone(),
                    right: p.right.clone(),
                    score: (p.score * 1000.0).round() / 1000.0,
                    divergences: Vec::new(),
                })
                .collect(),
            unmatched: Unmatched { left: alignment.unmatched_left.clone(), right: alignment.unmatched_right.clone() },
        }
    }

    /// Pretty-printed JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("plain structs serialize");
        out.push('\n');
        out
    }
}
