//! An article as read from the input, before any processing.

use crate::lang::Lang;
use chrono::NaiveDate;

/// One article: the record of CONTRACT.md, whatever file it came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The record's id; for a file, the path as given.
    pub id: String,
    /// The article text. Every byte offset newsalign reports points into this string.
    pub text: String,
    /// The language stated by the record, if any (it wins over detection).
    pub lang: Option<Lang>,
    /// Publication date, the reference for relative dates ("lundi", "last week").
    pub published: Option<NaiveDate>,
    /// The headline, if the record or the HTML page gives one.
    pub title: Option<String>,
    /// Where the article was published, if the record says.
    pub url: Option<String>,
    /// The file it came from, for error messages (`-` for standard input).
    pub origin: String,
}
