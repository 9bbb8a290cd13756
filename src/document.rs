//! A cleaned and segmented article: the unit every later stage works on.

use crate::lang::Lang;
use chrono::NaiveDate;
use serde::Serialize;

/// One sentence of a document, as byte offsets into [`Document::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Position in the document, noise sentences included.
    pub index: usize,
    /// Byte offset of the sentence's first character in the text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Boilerplate (bylines, widgets, "Lire aussi"...): kept so offsets stay true, never aligned.
    pub noise: bool,
}

/// An article after the clean and segment stages.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The article's id (for a file, its path as given).
    pub id: String,
    /// The article text as read (for HTML, the extracted text); offsets point into it.
    pub text: String,
    /// The article's language: stated by the record or the caller, else detected.
    pub lang: Lang,
    /// The reference date for relative dates: the record's, else `--published`.
    pub published: Option<NaiveDate>,
    /// The article's headline, if known.
    pub title: Option<String>,
    /// The article's address, if known.
    pub url: Option<String>,
    /// Every sentence in text order, noise included.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The text of sentence `index`.
    pub fn sentence_text(&self, index: usize) -> &str {
        let s = &self.sentences[index];
        &self.text[s.start..s.end]
    }

    /// The sentences that carry content (not noise).
    pub fn content_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| !s.noise)
    }
}
