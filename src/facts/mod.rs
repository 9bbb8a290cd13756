//! Facts: numbers, dates and named entities, with values comparable across languages.

use crate::document::Document;
use serde::Serialize;

/// What a fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Number,
    Ordinal,
    Percent,
    Money,
    Quantity,
    Date,
    Entity,
}

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Org,
    Place,
    Other,
}

/// One fact found in a text (CONTRACT.md's FACT).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    /// Byte offsets into the document text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The normalized value: a decimal string for quantities, ISO 8601 for dates, a
    /// language-independent key for entities.
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<EntityType>,
}

/// The facts of a document, and which sentence holds each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentFacts {
    /// All facts, in text order.
    pub facts: Vec<Fact>,
    /// For each sentence (by index), the indices into `facts` of the facts it holds.
    pub by_sentence: Vec<Vec<usize>>,
}

/// Extracts the facts of every sentence of a document (noise sentences included, so a report
/// can show them; later stages skip noise themselves).
pub fn extract_document(doc: &Document) -> DocumentFacts {
    DocumentFacts { facts: Vec::new(), by_sentence: vec![Vec::new(); doc.sentences.len()] }
}
