//! The per-article pipeline: language → segment → clean → facts; and the pair pipeline:
//! align → compare.

use crate::align::{AlignOptions, Alignment};
pub use crate::analysis::Analysis;
use crate::article::Article;
use crate::compare::{Comparison, SeverityRules};
use crate::document::{Document, Sentence};
use crate::error::InputError;
use crate::facts;
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
///
/// ```
/// use newsalign::{analyze, text_article, Lang, Options};
///
/// let article = text_article("Le séisme a fait 12 morts mardi à Taïwan. Lire aussi".into(), "fr.txt")?;
/// let analysis = analyze(article, &Options::default())?;
/// assert_eq!(analysis.doc.lang, Lang::Fr);
/// assert!(analysis.doc.sentences[0].end > 0);
/// # Ok::<(), newsalign::InputError>(())
/// ```
pub fn analyze(article: Article, opts: &Options) -> Result<Analysis, InputError> {
    let doc = prepare(article, opts)?;
    let facts = facts::extract_document(&doc);
    Ok(Analysis { doc, facts })
}

impl crate::read::manifest::PairSpec {
    /// Reads and analyses both articles, the manifest's `published` winning over the run's.
    pub fn analyze(&self, opts: &Options) -> Result<(Analysis, Analysis), InputError> {
        let mut opts = opts.clone();
        opts.published = self.published.or(opts.published);
        let read_and_analyze = |path: &std::path::Path| {
            crate::read::read_one(path, crate::read::StdinFormat::Text).and_then(|article| analyze(article, &opts))
        };
        Ok((read_and_analyze(&self.left)?, read_and_analyze(&self.right)?))
    }
}

/// Two versions of a story aligned, and compared along the alignment: what every report of
/// `align` is made from.
#[derive(Clone, Debug)]
pub struct AlignedPair {
    /// One version (either language).
    pub left: Analysis,
    /// The other version.
    pub right: Analysis,
    /// Which sentences answer which, and which are left unmatched.
    pub alignment: Alignment,
    /// The divergences of every aligned pair, the omissions, the additions, and the relation of
    /// the two versions.
    pub comparison: Comparison,
}

impl AlignedPair {
    /// Aligns two analysed versions, then compares their facts pair by pair.
    ///
    /// ```
    /// use newsalign::{analyze, text_article, AlignOptions, AlignReport, AlignedPair, Options, SeverityRules};
    ///
    /// let fr = text_article("Le séisme a fait 12 morts mardi à Taïwan.".into(), "fr.txt")?;
    /// let en = text_article("The earthquake in Taiwan killed 15 people on Tuesday.".into(), "en.txt")?;
    /// let (fr, en) = (analyze(fr, &Options::default())?, analyze(en, &Options::default())?);
    /// let pair = AlignedPair::new(fr, en, &AlignOptions::default(), &SeverityRules::default());
    /// assert_eq!(pair.alignment.pairs.len(), 1);
    ///
    /// // The report of `newsalign align --format json`: 12 deaths against 15 is a contradiction.
    /// let report = AlignReport::of(&pair, "defaults");
    /// assert_eq!(report.summary.error, 1);
    /// println!("{}", report.to_json());
    /// # Ok::<(), newsalign::InputError>(())
    /// ```
    pub fn new(left: Analysis, right: Analysis, align: &AlignOptions, severity: &SeverityRules) -> Self {
        let (alignment, comparison) = align_and_compare(&left, &right, align, severity);
        AlignedPair { left, right, alignment, comparison }
    }
}

/// The pair pipeline on borrowed analyses (a corpus pairs one article with several): the
/// alignment, and the comparison made along it.
pub fn align_and_compare(
    left: &Analysis,
    right: &Analysis,
    align: &AlignOptions,
    severity: &SeverityRules,
) -> (Alignment, Comparison) {
    let alignment = crate::align::align(left, right, align);
    let comparison = crate::compare::compare(left, right, &alignment, severity);
    (alignment, comparison)
}

/// How many articles are analysed together: large enough to keep both cores busy, small enough
/// that memory holds a batch, not the corpus.
pub const BATCH: usize = 256;

/// Maps `work` over a stream of articles in parallel batches and hands each result, in input
/// order, to `consume`. Read errors go to `consume` too, in their place, so that the caller
/// reports them and goes on.
pub fn process_stream<T, W, C>(stream: crate::read::PendingStream, work: W, consume: C)
where
    T: Send,
    W: Fn(Article) -> Result<T, InputError> + Sync,
    C: FnMut(Result<T, InputError>),
{
    // Records are parsed by the worker that takes them: the reader only cuts lines.
    process_in_order(stream, |read| read.parse().and_then(&work), consume);
}

/// Maps `work` over any sequence in parallel batches of [`BATCH`] and hands each result, in input
/// order, to `consume`: memory holds one batch, not the whole input.
pub fn process_in_order<I, T, W, C>(items: I, work: W, mut consume: C)
where
    I: Iterator + Send,
    I::Item: Send,
    T: Send,
    W: Fn(I::Item) -> T + Sync,
    C: FnMut(T),
{
    use rayon::prelude::*;
    let mut items = items;
    let mut read_batch = || {
        let mut batch = Vec::with_capacity(BATCH);
        batch.extend(items.by_ref().take(BATCH));
        batch
    };
    let mut batch = read_batch();
    while !batch.is_empty() {
        // Reading (and parsing JSONL) is serial: the next batch is read while the other core
        // works on this one, instead of both cores waiting for the reader.
        let (next, results) = rayon::join(&mut read_batch, || batch.into_par_iter().map(&work).collect::<Vec<T>>());
        results.into_iter().for_each(&mut consume);
        batch = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results come back in input order across several batches, each item worked on once.
    #[test]
    fn process_in_order_keeps_the_input_order() {
        let n = 3 * BATCH + 7;
        let mut seen = Vec::new();
        process_in_order(0..n, |i| i * 2, |doubled| seen.push(doubled));
        assert_eq!(seen, (0..n).map(|i| i * 2).collect::<Vec<_>>());
        let mut none = 0;
        process_in_order(std::iter::empty::<usize>(), |i| i, |_| none += 1);
        assert_eq!(none, 0);
    }

    /// Pieces of text that trip parsers: figures, dates, quotes, tags, entities, accents,
    /// combining marks, control and wide characters, blank lines.
    const PIECES: &[&str] = &[
        "Le ",
        "la ",
        "the ",
        "of ",
        "a annoncé ",
        "said ",
        "3 000",
        "1,5",
        "12.",
        "2.5",
        "-4",
        "0",
        "99 %",
        "mai ",
        "May ",
        "2024",
        "1er ",
        "lundi ",
        "Monday ",
        "hier",
        "yesterday",
        "à 14 h 30",
        "2/29/2020",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "(",
        ")",
        "[",
        "]",
        "...",
        "…",
        ".",
        "!",
        "?",
        ":",
        ";",
        ",",
        "\n",
        "\n\n",
        " ",
        "  ",
        "\u{a0}",
        "\u{202f}",
        "\t",
        "é",
        "É",
        "œ",
        "ß",
        "\u{301}",
        "\u{200b}",
        "\u{feff}",
        "\u{0}",
        "\u{7f}",
        "中文",
        "😀",
        "M. ",
        "Dr. ",
        "$",
        "€",
        "£",
        "millions d'euros",
        "billion dollars",
        "%",
        "-",
        "—",
        "–",
        "<img src=x>",
        "<p>",
        "</p>",
        "<div>",
        "&lt;",
        "&amp;",
        "&#39;",
        "<!--",
        "-->",
        "<script>",
        "Paris",
        "ONU",
        "Emmanuel Macron",
        "Chine",
        "United States",
        "XIV",
        "½",
        "²",
        "e-mail@x.fr",
        "http://x.y/z?a=b",
        "@",
        "#",
        "Z",
        "x",
        "{",
        "}",
        "\\",
        "=",
    ];

    /// A small xorshift generator: the same cases on every run, no crate needed.
    fn xorshift() -> impl FnMut(usize) -> usize {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        }
    }

    /// One random text through every reader, the analysis, and alignment with the text before.
    fn run_random_case(text: &str, lang: Option<Lang>, previous: &mut Option<Analysis>) {
        let opts = Options { lang, published: None };
        let json = serde_json::json!({ "id": "r", "text": text }).to_string();
        let _ = crate::read::parse_record(&json, "random.jsonl", Some(1));
        let _ = crate::read::parse_record(text, "random.jsonl", Some(1));
        #[cfg(feature = "html")]
        let _ = analyze(article("html", &crate::html::extract(text).text), &opts);
        let analysis = crate::read::text_article(text.to_string(), "random.txt").and_then(|a| analyze(a, &opts));
        if let Ok(analysis) = analysis {
            if let Some(other) = previous.take() {
                AlignedPair::new(other, analysis.clone(), &AlignOptions::default(), &SeverityRules::default());
            }
            *previous = Some(analysis);
        }
    }

    /// Random input through read, split, facts and align: no panic. Texts are drawn with a fixed
    /// seed from pieces that trip parsers (figures, dates, quotes, tags, entities, accents,
    /// combining marks, control and wide characters, blank lines), each run as text, as HTML and
    /// as a JSONL record, alone and paired with the one before. The run stops after
    /// `RANDOM_CASES` cases or `RANDOM_SECONDS`, whichever comes first; a failure prints the input.
    #[test]
    fn random_input_never_panics() {
        const RANDOM_CASES: usize = 3000;
        const RANDOM_SECONDS: u64 = 20;
        let mut next = xorshift();
        let started = std::time::Instant::now();
        let mut previous: Option<Analysis> = None;
        let mut cases = 0;
        while cases < RANDOM_CASES && started.elapsed().as_secs() < RANDOM_SECONDS {
            let len = next(4) * next(120);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let lang = [None, Some(Lang::Fr), Some(Lang::En)][next(3)];
            let run =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_random_case(&text, lang, &mut previous)));
            assert!(run.is_ok(), "panic on random input {cases}: {text:?}");
            cases += 1;
        }
        eprintln!("random input: {cases} cases in {:.1} s", started.elapsed().as_secs_f64());
    }

    fn article(id: &str, text: &str) -> Article {
        Article { id: id.into(), origin: id.into(), text: text.into(), ..Article::default() }
    }

    /// The pair pipeline puts every content sentence in a pair or among the unmatched, and its
    /// comparison has one entry per aligned pair.
    #[test]
    fn aligned_pair_accounts_for_every_sentence() {
        let opts = Options::default();
        let fr =
            analyze(article("fr", "Le ministre a annoncé 300 millions d'euros lundi. La pluie est tombée."), &opts);
        let en = analyze(article("en", "The minister announced 300 million euros on Monday."), &opts);
        let pair = AlignedPair::new(fr.unwrap(), en.unwrap(), &AlignOptions::default(), &SeverityRules::default());
        assert_eq!(pair.comparison.pairs.len(), pair.alignment.pairs.len());
        let paired: usize = pair.alignment.pairs.iter().map(|p| p.left.len()).sum();
        assert_eq!(paired + pair.alignment.unmatched_left.len(), pair.left.doc.sentences.len());
        assert_eq!(pair.alignment.pairs[0].left, [0]);
    }
}
