//! The per-article pipeline: language → segment → clean → facts.

use crate::article::Article;
use crate::document::{Document, Sentence};
use crate::error::InputError;
use crate::facts::{self, DocumentFacts};
use crate::lang::{self, Lang};
use chrono::NaiveDate;

/// Choices that apply to every article of a run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--lang`: used when a record does not state its language (a record's `lang` wins).
    pub lang: Option<Lang>,
    /// `--published`: used when a record has no publication date.
    pub published: Option<NaiveDate>,
}

/// A document with its facts: what alignment, comparison and dedup consume.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub doc: Document,
    pub facts: DocumentFacts,
}

/// The language of an article: the record's, else `--lang`, else detected.
pub fn language_of(article: &Article, opts: &Options) -> Result<Lang, InputError> {
    if let Some(lang) = article.lang.or(opts.lang) {
        return Ok(lang);
    }
    lang::detect(&article.text).map_err(|e| InputError::new(&article.origin, e.to_string()))
}

/// Cleans and segments one article.
pub fn prepare(article: Article, opts: &Options) -> Result<Document, InputError> {
    let lang = language_of(&article, opts)?;
    let spans = crate::segment::split(&article.text, lang);
    let noise = crate::clean::mark_noise(&article.text, &spans, lang);
    let sentences = spans
        .iter()
        .zip(noise)
        .enumerate()
        .map(|(index, (span, noise))| Sentence { index, start: span.start, end: span.end, noise })
        .collect();
    Ok(Document {
        id: article.id,
        text: article.text,
        lang,
        published: article.published.or(opts.published),
        title: article.title,
        url: article.url,
        sentences,
    })
}

/// Cleans, segments and extracts the facts of one article.
pub fn analyze(article: Article, opts: &Options) -> Result<Analysis, InputError> {
    let doc = prepare(article, opts)?;
    let facts = facts::extract_document(&doc);
    Ok(Analysis { doc, facts })
}

/// How many articles are analysed together: large enough to keep both cores busy, small enough
/// that memory holds a batch, not the corpus.
pub const BATCH: usize = 256;

/// Maps `work` over a stream of articles in parallel batches and hands each result, in input
/// order, to `consume`. Read errors go to `consume` too, in their place, so that the caller
/// reports them and goes on.
pub fn process_stream<T, W, C>(stream: crate::read::ArticleStream, work: W, mut consume: C)
where
    T: Send,
    W: Fn(Article) -> Result<T, InputError> + Sync,
    C: FnMut(Result<T, InputError>),
{
    use rayon::prelude::*;
    let mut stream = stream;
    let mut read_batch = || {
        let mut batch = Vec::with_capacity(BATCH);
        batch.extend(stream.by_ref().take(BATCH));
        batch
    };
    let mut batch: Vec<Result<Article, InputError>> = read_batch();
    while !batch.is_empty() {
        // Reading (and parsing JSONL) is serial: the next batch is read while the other core
        // works on this one, instead of both cores waiting for the reader.
        let (next, results) = rayon::join(&mut read_batch, || {
            batch.into_par_iter().map(|r| r.and_then(&work)).collect::<Vec<Result<T, InputError>>>()
        });
        results.into_iter().for_each(&mut consume);
        batch = next;
    }
}
