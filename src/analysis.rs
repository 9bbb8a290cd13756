//! An article after the per-article stages: its document and its facts.
//!
//! This is what alignment, comparison and dedup consume. It lives below them (and below the
//! pipeline that builds it), so that no stage imports the module that calls it.

use crate::document::Document;
use crate::facts::DocumentFacts;

/// A document with its facts: what alignment, comparison and dedup consume.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The article cleaned and split into sentences.
    pub doc: Document,
    /// The facts (figures, dates, names, quotations) of its sentences.
    pub facts: DocumentFacts,
}
