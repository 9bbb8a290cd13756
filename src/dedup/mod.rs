//! Corpus deduplication across languages: exact copies, near copies and translations.
//!
//! Each article is reduced to a [`Sketch`] (a pure per-article map, done in parallel while the
//! corpus streams by); everything after works on sketches only:
//! 1. exact copies share the hash of their content text (noise and white space set aside);
//! 2. near copies in one language meet in a MinHash LSH band ([`lsh`]) and are kept when the
//!    estimated containment of their shingle sets reaches the near threshold;
//! 3. translations are candidates from an inverted index over language-independent anchors,
//!    kept when a light sentence alignment covers enough of both articles ([`translate`]);
//! 4. clusters are the connected groups of these pairs ([`cluster`]), and every pair inside a
//!    cluster is reported with its relation: same content → exact, same language → near,
//!    other language → translation.

pub mod cluster;
pub mod hash;
pub mod lexicon;
pub mod lsh;
pub mod minhash;
pub mod record;
pub mod sketch;
pub mod translate;

pub use sketch::{sketch, Sketch};

use cluster::UnionFind;
use rayon::prelude::*;
use serde::Serialize;
use translate::SentenceLinks;

/// How two articles relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Same language, same content text.
    Exact,
    /// Same language, the same article lightly edited.
    Near,
    /// The same story in the other language.
    Translation,
}

impl Relation {
    pub fn name(self) -> &'static str {
        match self {
            Relation::Exact => "exact",
            Relation::Near => "near",
            Relation::Translation => "translation",
        }
    }
}

/// Thresholds of a run (docs/dedup.md explains each one).
#[derive(Clone, Debug)]
pub struct Options {
    /// Minimum share of word shingles two articles of one language have in common, counted on
    /// the larger one (so both ways), for a near copy (0..1): most of the text in common.
    pub near_threshold: f64,
    /// Share of linkable sentences two articles of different languages have in common, counted on
    /// the one with more of them (so both ways), that a translation must exceed (0..1).
    pub translation_threshold: f64,
    /// Minimum weighted cosine of the keys two sentences of different languages share for them
    /// to be linked as translations of each other (0..1).
    pub sentence_threshold: f64,
    /// Whether to look for translations at all.
    pub translations: bool,
    /// Clusters larger than this report only their verified pairs, not all pairs (which grow as
    /// the square of the size and would flood the output if unrelated stories got chained).
    pub max_cluster: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            near_threshold: 0.5,
            translation_threshold: 0.5,
            sentence_threshold: 0.3,
            translations: true,
            max_cluster: 64,
        }
    }
}

/// A found pair, `a` before `b` in input order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    /// The id of the first article.
    pub a: String,
    /// The id of the second article.
    pub b: String,
    /// Exact copy, near copy or translation.
    pub relation: Relation,
    /// 1 for exact copies; shared shingles over the larger article's for near copies; shared
    /// sentences over the larger article's linkable sentences for translations.
    pub score: f64,
}

/// The result of a run: CONTRACT.md's dedup report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Every pair found, in input order.
    pub pairs: Vec<Pair>,
    /// Connected groups of articles (ids in input order), by their first article.
    pub clusters: Vec<Vec<String>>,
}

impl Report {
    /// One line for people: how many pairs of each relation and how many clusters were found
    /// among how many articles.
    pub fn summary(&self, articles: usize) -> String {
        let count = |r: Relation| self.pairs.iter().filter(|p| p.relation == r).count();
        format!(
            "{articles} articles: {} clusters, {} exact, {} near, {} translation pairs",
            self.clusters.len(),
            count(Relation::Exact),
            count(Relation::Near),
            count(Relation::Translation)
        )
    }
}

/// Where translation anchors come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchors {
    /// Numbers, capitalised words and cognates read straight from the text
    /// ([`sketch::anchor_keys`]): cheap enough for tens of thousands of articles a second.
    #[default]
    Light,
    /// The light anchors plus the values of the facts stage (entities with one key in both
    /// languages, resolved dates, numbers written as words): a few more translations found, at
    /// about three times the cost per article.
    Facts,
    /// None at all: a run without translations uses no anchor (they are most of a sketch's cost).
    None,
}

/// Cleans, segments and sketches one article: the per-article map of a dedup run.
///
/// ```
/// use newsalign::{sketch_article, text_article, Anchors, Options};
///
/// let article = text_article("La banque centrale a baissé son taux à 3,25 % jeudi.".into(), "fr.txt")?;
/// let sketch = sketch_article(article, &Options::default(), Anchors::Light)?;
/// assert_eq!(sketch.id, "fr.txt");
/// # Ok::<(), newsalign::InputError>(())
/// ```
pub fn sketch_article(
    article: crate::Article,
    opts: &crate::pipeline::Options,
    anchors: Anchors,
) -> Result<Sketch, crate::InputError> {
    let doc = crate::pipeline::prepare(article, opts)?;
    Ok(match anchors {
        Anchors::Light => sketch(&doc, &Default::default()),
        Anchors::Facts => sketch(&doc, &crate::facts::extract_document(&doc)),
        Anchors::None => sketch::sketch_without_anchors(&doc),
    })
}

/// Finds every exact copy, near copy and translation among `sketches`.
///
/// ```
/// use newsalign::{find_duplicates, parse_record, sketch_article, Anchors, DedupOptions, Options};
///
/// let records = [
///     r#"{"id": "a", "text": "The central bank cut its rate to 3.25% on Thursday, its third cut this year."}"#,
///     r#"{"id": "b", "text": "The central bank cut its rate to 3.25% on Thursday, its third cut this year."}"#,
///     r#"{"id": "c", "text": "Rain is expected across the north of the country over the weekend."}"#,
/// ];
/// let mut sketches = Vec::new();
/// for (n, json) in records.iter().enumerate() {
///     let article = parse_record(json, "records.jsonl", Some(n + 1))?;
///     sketches.push(sketch_article(article, &Options::default(), Anchors::Light)?);
/// }
/// let report = find_duplicates(&sketches, &DedupOptions::default());
/// assert_eq!(report.clusters, vec![vec!["a".to_string(), "b".to_string()]]);
/// # Ok::<(), newsalign::InputError>(())
/// ```
pub fn find(sketches: &[Sketch], opts: &Options) -> Report {
    let corpus = Corpus::new(sketches, opts);
    let candidates = corpus.candidates();
    corpus.verify(&candidates)
}

/// The candidate pairs a run over `sketches` verifies (indices, `i < j`): same exact hash, a
/// shared band of the near-copy signature, or a shared band of the sentence signature
/// (translations). What `dedup --emit-candidates` writes, for a run split across machines.
pub fn candidates(sketches: &[Sketch], opts: &Options) -> Vec<(u32, u32)> {
    Corpus::new(sketches, opts).candidates()
}

/// Verifies only the given candidate pairs (indices into `sketches`), for runs where the candidate
/// join was done elsewhere (docs/dedup.md): the pairs that pass, then all pairs of their clusters.
pub fn verify_candidates(sketches: &[Sketch], candidates: &[(u32, u32)], opts: &Options) -> Report {
    Corpus::new(sketches, opts).verify(candidates)
}

/// Sketches with what the corpus-wide steps need: made once, then asked for candidates and
/// for verification (the sentence links are the costly corpus-wide step, not to be made twice).
pub struct Corpus<'a> {
    sketches: &'a [Sketch],
    links: SentenceLinks,
    /// Each article's sentence heads, sorted, without repeats: a candidate pair is checked by
    /// merging two short lists, without sorting them again for every pair an article is in.
    heads: Vec<Vec<u64>>,
    /// Each article's language and exact hash, side by side: most candidate pairs are rejected
    /// on these and on list lengths, without reaching into the sketches.
    langs: Vec<crate::lang::Lang>,
    exact: Vec<Option<u64>>,
    opts: &'a Options,
}

impl<'a> Corpus<'a> {
    pub fn new(sketches: &'a [Sketch], opts: &'a Options) -> Self {
        let (links, heads) = rayon::join(
            || {
                if opts.translations {
                    SentenceLinks::new(sketches, opts.sentence_threshold)
                } else {
                    SentenceLinks::default()
                }
            },
            || {
                sketches
                    .par_iter()
                    .map(|s| {
                        let mut v = s.heads.clone();
                        v.sort_unstable();
                        v.dedup();
                        v
                    })
                    .collect()
            },
        );
        let langs = sketches.iter().map(|s| s.lang).collect();
        let exact = sketches.iter().map(|s| s.exact).collect();
        Corpus { sketches, links, heads, langs, exact, opts }
    }

    /// The candidate pairs (indices, `i < j`, each once, sorted): see [`candidates`].
    pub fn candidates(&self) -> Vec<(u32, u32)> {
        // The near and translation joins each have serial stretches (dealing millions of band
        // entries into buckets): run side by side, they keep both cores busy.
        let (mut pairs, translations) = rayon::join(
            || {
                let mut pairs = self.exact_candidates();
                let keys: Vec<Vec<u64>> = self.sketches.par_iter().map(Sketch::band_keys).collect();
                pairs.extend(lsh::bucket_pairs(keys.iter().enumerate().map(|(i, k)| (i as u32, &k[..]))));
                pairs
            },
            || if self.opts.translations { self.links.bucket_pairs() } else { Vec::new() },
        );
        pairs.extend(translations);
        sorted_unique(pairs)
    }

    /// The candidate pairs that pass, then all pairs of their clusters: see [`verify_candidates`].
    pub fn verify(&self, candidates: &[(u32, u32)]) -> Report {
        let edges: Vec<(u32, u32)> =
            candidates.par_iter().copied().filter(|&(i, j)| i != j && self.passes(i, j)).collect();
        self.report(&edges)
    }

    fn exact_candidates(&self) -> Vec<(u32, u32)> {
        let mut keyed: Vec<(crate::lang::Lang, u64, u32)> =
            self.sketches.iter().enumerate().filter_map(|(i, s)| s.exact.map(|h| (s.lang, h, i as u32))).collect();
        keyed.sort_unstable();
        keyed.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)).flat_map(|g| g.windows(2).map(|w| (w[0].2, w[1].2))).collect()
    }

    /// The estimated share of shingles two articles of one language have in common, over the
    /// larger shingle set.
    fn text_share(&self, i: u32, j: u32) -> f64 {
        let (a, b) = (&self.sketches[i as usize], &self.sketches[j as usize]);
        let jaccard = minhash::jaccard(&a.minhash, &b.minhash);
        minhash::containment_both_ways(jaccard, a.shingles as usize, b.shingles as usize)
    }

    /// How much two articles of one language have in common, both ways: the smaller of the
    /// estimated share of shingles over the larger shingle set and of the share of sentences
    /// (known by their first words, which a shortened sentence keeps) over the article with more.
    /// Both must be high: a few long sentences borrowed make much of the text but few sentences.
    fn near_score(&self, i: u32, j: u32) -> f64 {
        self.text_share(i, j).min(sentence_share(&self.heads[i as usize], &self.heads[j as usize]))
    }

    fn translation_score(&self, i: u32, j: u32) -> f64 {
        self.links.coverage(i, j)
    }

    /// The relation and score of two articles seen together in a cluster.
    fn classify(&self, i: u32, j: u32) -> (Relation, f64) {
        let (a, b) = (&self.sketches[i as usize], &self.sketches[j as usize]);
        if a.lang != b.lang {
            (Relation::Translation, self.translation_score(i, j))
        } else if a.exact.is_some() && a.exact == b.exact {
            (Relation::Exact, 1.0)
        } else {
            (Relation::Near, self.near_score(i, j))
        }
    }

    /// Whether a candidate pair passes the threshold of its relation ([`Corpus::classify`]).
    /// Millions of candidates are checked at 100,000 articles, most of them two articles that
    /// share a sentence or two: the bounds that list lengths give (a share of common items is
    /// at most the shorter list over the longer) reject those before any list is read.
    fn passes(&self, i: u32, j: u32) -> bool {
        let (iu, ju) = (i as usize, j as usize);
        // The most a share of common items can be: the shorter list over the longer, 0 when
        // one list is empty, 1 when both are ([`sentence_share`]).
        let at_most = |a: usize, b: usize| match (a, b) {
            (0, 0) => 1.0,
            (0, _) | (_, 0) => 0.0,
            _ => a.min(b) as f64 / a.max(b) as f64,
        };
        if self.langs[iu] != self.langs[ju] {
            let t = self.opts.translation_threshold;
            let (a, b) = (self.links.linkable_sentences(i), self.links.linkable_sentences(j));
            // Shares of sentence counts are fractions of small numbers, and an article pair whose
            // sentences are half shared (three of six) is not yet "most": a translation must
            // share MORE than the threshold. (Coverage is 0 when either has no linkable
            // sentence.)
            let bound = if a == 0 || b == 0 { 0.0 } else { at_most(a, b) };
            return self.opts.translations && bound > t && self.translation_score(i, j) > t;
        }
        if self.exact[iu].is_some() && self.exact[iu] == self.exact[ju] {
            return true;
        }
        let t = self.opts.near_threshold;
        let (a, b) = (&self.heads[iu], &self.heads[ju]);
        at_most(a.len(), b.len()) >= t && sentence_share(a, b) >= t && self.text_share(i, j) >= t
    }

    fn report(&self, edges: &[(u32, u32)]) -> Report {
        let mut uf = UnionFind::new(self.sketches.len());
        for &(i, j) in edges {
            uf.union(i, j);
        }
        let groups = uf.groups();
        let mut index_pairs: Vec<(u32, u32)> = Vec::new();
        let mut big = std::collections::HashSet::new();
        for group in &groups {
            if group.len() > self.opts.max_cluster {
                big.insert(uf.find(group[0]));
                continue;
            }
            for (n, &i) in group.iter().enumerate() {
                index_pairs.extend(group[n + 1..].iter().map(|&j| (i, j)));
            }
        }
        index_pairs
            .extend(edges.iter().filter(|(i, _)| big.contains(&uf.find(*i))).map(|&(i, j)| (i.min(j), i.max(j))));
        index_pairs.sort_unstable();
        index_pairs.dedup();
        let id = |i: u32| self.sketches[i as usize].id.clone();
        let pairs = index_pairs
            .par_iter()
            .map(|&(i, j)| {
                let (relation, score) = self.classify(i, j);
                Pair { a: id(i), b: id(j), relation, score: (score * 1000.0).round() / 1000.0 }
            })
            .collect();
        let clusters = groups.iter().map(|g| g.iter().map(|&i| id(i)).collect()).collect();
        Report { pairs, clusters }
    }
}

/// The share of distinct items two sorted lists without repeats have in common, over the list
/// with more of them (1 when both are empty: two articles without content sentences differ in
/// nothing).
fn sentence_share(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    translate::shared_count(a, b) as f64 / a.len().max(b.len()) as f64
}

/// Pairs sorted, each once, without an article paired with itself. Sorted as one 64-bit number
/// each: millions of candidate pairs at 100,000 articles.
fn sorted_unique(pairs: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    let mut packed: Vec<u64> =
        pairs.into_par_iter().filter(|(i, j)| i != j).map(|(i, j)| (u64::from(i) << 32) | u64::from(j)).collect();
    lsh::sort_by_spread_key(&mut packed, |&p| p);
    packed.dedup();
    packed.into_par_iter().map(|p| ((p >> 32) as u32, p as u32)).collect()
}

/// User plus system CPU seconds of this process so far: what `NEWSALIGN_TIMINGS=1 newsalign
/// dedup` prints for each phase next to the wall-clock time (0 where the platform has no
/// `getrusage`).
pub fn cpu_seconds() -> f64 {
    #[cfg(unix)]
    {
        // SAFETY: getrusage only writes the struct it is given, which is plain data.
        let usage = unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            libc::getrusage(libc::RUSAGE_SELF, &mut usage);
            usage
        };
        let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        secs(usage.ru_utime) + secs(usage.ru_stime)
    }
    #[cfg(not(unix))]
    {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Sentence};
    use crate::lang::Lang;

    fn doc(id: &str, lang: Lang, text: &str) -> Sketch {
        let sentences = crate::segment::split(text, lang)
            .into_iter()
            .enumerate()
            .map(|(index, r)| Sentence { index, start: r.start, end: r.end, noise: false })
            .collect();
        let d = Document { id: id.into(), text: text.into(), lang, published: None, title: None, url: None, sentences };
        sketch(&d, &Default::default())
    }

    const EN: &str = "Firefighters in Grenoble rescued 14 hikers on Tuesday after a storm on the Belledonne range. \
        The mayor, Paul Verrier, thanked the 32 volunteers who joined the search. \
        The hikers were taken to the Voiron hospital for checks. \
        Météo-France had issued a warning for Isère on Monday.";
    const FR: &str =
        "Les pompiers de Grenoble ont secouru 14 randonneurs mardi après un orage sur la chaîne de Belledonne. \
        Le maire, Paul Verrier, a remercié les 32 bénévoles venus aider aux recherches. \
        Les randonneurs ont été conduits à l'hôpital de Voiron pour des examens. \
        Météo-France avait émis une alerte pour l'Isère lundi.";
    const OTHER: &str = "Shares of the Lisbon carmaker fell 3% on Friday as sales slowed in Brazil. \
        Analysts at Porto Capital expect a weak second quarter.";

    #[test]
    fn finds_copies_and_translations_and_all_cluster_pairs() {
        let rewrapped = EN.replace(". ", ".\n\n");
        let near = EN.replace(" The hikers were taken to the Voiron hospital for checks.", "");
        let sketches = vec![
            doc("en", Lang::En, EN),
            doc("other", Lang::En, OTHER),
            doc("fr", Lang::Fr, FR),
            doc("en-copy", Lang::En, &rewrapped),
            doc("en-near", Lang::En, &near),
        ];
        let report = find(&sketches, &Options::default());
        assert_eq!(report.clusters, vec![vec!["en", "fr", "en-copy", "en-near"]]);
        let relation = |a: &str, b: &str| report.pairs.iter().find(|p| p.a == a && p.b == b).map(|p| p.relation);
        assert_eq!(report.pairs.len(), 6);
        assert_eq!(relation("en", "en-copy"), Some(Relation::Exact));
        assert_eq!(relation("en", "en-near"), Some(Relation::Near));
        assert_eq!(relation("en-copy", "en-near"), Some(Relation::Near));
        assert_eq!(relation("en", "fr"), Some(Relation::Translation));
        assert_eq!(relation("fr", "en-near"), Some(Relation::Translation));
    }

    #[test]
    fn candidates_are_verified() {
        let sketches = vec![doc("en", Lang::En, EN), doc("fr", Lang::Fr, FR), doc("other", Lang::En, OTHER)];
        let report = verify_candidates(&sketches, &[(0, 1), (0, 2)], &Options::default());
        assert_eq!(report.clusters, vec![vec!["en", "fr"]]);
        let strict = Options { translation_threshold: 1.01, ..Options::default() };
        assert!(verify_candidates(&sketches, &[(0, 1)], &strict).pairs.is_empty());
    }
}
