//! Translations: which articles tell the same story in the other language.
//!
//! A translation is an article most of whose sentences have a counterpart in the other article,
//! both ways. Sentences are therefore linked first, then articles:
//!
//! 1. **Distinct sentences.** Every content sentence carries the hash of its words: copies of a
//!    sentence (wire copy reused, quotes repeated, live pages gathering several stories) are one
//!    distinct sentence, however many articles reuse it. Everything below counts distinct
//!    sentences, so a corpus that grows by reusing its sentences changes none of the statistics.
//! 2. **Sentence links.** Each distinct sentence with at least [`MIN_SENTENCE_KEYS`] keys that both
//!    languages use (figures, names, cognates, lexicon translations: `sketch`) is matched to the
//!    sentence of the other language that shares most of its key weight (idf over distinct
//!    sentences), found through an inverted index of the keys; the link is kept when their
//!    weighted cosine reaches [`super::Options::sentence_threshold`]. Linked sentences (and the
//!    sentences linked to one same sentence, such as a shortened copy) form one cross-language
//!    sentence: its number is the same in both languages.
//! 3. **Article candidates.** Each article is the set of its cross-language sentence numbers,
//!    sketched by MinHash and cut into [`BANDS`] bands of [`ROWS`]; two articles of different
//!    languages that agree on a band are candidates. The keys are the article's own sentences,
//!    not its rare words, so two translations collide whatever the size of the corpus, and an
//!    article sharing one sentence with another rarely does.
//! 4. **Verification.** A candidate is a translation when the share of each article's linkable
//!    sentences found in the other (the smaller of the two shares) reaches
//!    [`super::Options::translation_threshold`]: an article that borrows one sentence of a story,
//!    or shares a third of its sentences with another, is not its translation.

use super::cluster::UnionFind;
use super::hash::{combine, mix};
use super::sketch::Sketch;
use crate::lang::Lang;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A sentence needs at least this many keys used by both languages to be linked across
/// languages: one shared name or figure does not make two sentences translations.
pub const MIN_SENTENCE_KEYS: usize = 2;
/// Bands and rows of the article signatures over cross-language sentence numbers: two
/// translations that share half of their sentences (Jaccard 1/3) collide with probability
/// 1 − (1 − (1/3)³)⁴⁸ = 0.84, sharing 60% (a re-publication of 5 sentences in 6) 0.99997;
/// articles sharing one sentence in ten (Jaccard 0.05) with probability 0.006.
pub const BANDS: usize = 48;
pub const ROWS: usize = 3;
/// Keys in more distinct sentences than this share of them (and at least [`MIN_POSTINGS`]) are
/// not looked up when linking: a sentence is found by its more specific keys; such keys still
/// count in the cosine of the sentences compared.
const POSTINGS_SHARE: usize = 50;
const MIN_POSTINGS: usize = 256;
/// How many best-looking sentences (by the looked-up keys) get an exact cosine.
const SENTENCE_CANDIDATES: usize = 4;
/// Above this many members, a band bucket is paired as two stars (the first article of each
/// language with every article of the other) rather than all pairs.
const STAR_BUCKET: usize = 48;

/// Anchor keys are already well-mixed 64-bit hashes: hashing them again (SipHash) only costs time.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
    fn write_u32(&mut self, x: u32) {
        self.0 = mix(u64::from(x));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by anchor keys or article numbers.
pub type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// The cross-language sentences of a corpus.
#[derive(Clone, Debug, Default)]
pub struct SentenceLinks {
    /// Each article's cross-language sentence numbers (of its linkable sentences), sorted,
    /// without repeats.
    articles: Vec<Vec<u32>>,
    langs: Vec<Lang>,
    /// How many distinct sentences, linkable ones, and cross-language links there are.
    pub distinct: usize,
    pub linkable: usize,
    pub links: usize,
}

/// One distinct sentence: where its keys are (article, sentence) and its language.
struct Distinct {
    lang: Lang,
    article: u32,
    sentence: u32,
}

impl SentenceLinks {
    /// Links the sentences of a corpus across languages (module documentation, steps 1–2).
    pub fn new(sketches: &[Sketch], sentence_threshold: f64) -> SentenceLinks {
        // 1. Distinct sentences, in input order, and their bilingual keys.
        let (distinct, article_sentences) = distinct_sentences(sketches);
        let index = SentenceIndex::new(sketches, &distinct);
        // 2. Each linkable sentence's best partner of the other language.
        let links = index.best_partners(&distinct, sentence_threshold as f32);
        let mut uf = UnionFind::new(distinct.len());
        for &(x, y) in &links {
            uf.union(x, y);
        }
        let linkable = &index.linkable;
        let articles: Vec<Vec<u32>> = article_sentences
            .iter()
            .map(|ds| {
                let mut xs: Vec<u32> = ds.iter().filter(|&&d| linkable[d as usize]).map(|&d| uf.find(d)).collect();
                xs.sort_unstable();
                xs.dedup();
                xs
            })
            .collect();
        SentenceLinks {
            articles,
            langs: sketches.iter().map(|s| s.lang).collect(),
            distinct: distinct.len(),
            linkable: linkable.iter().filter(|&&l| l).count(),
            links: links.len(),
        }
    }

    /// Candidate translation pairs `(i, j)`, `i < j`, of articles in different languages that
    /// agree on a band of their sentence signatures (module documentation, step 3).
    pub fn candidates(&self) -> Vec<(u32, u32)> {
        let mut pairs = self.bucket_pairs();
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }

    /// [`SentenceLinks::candidates`] unsorted and possibly repeated, for a caller that merges
    /// them with other candidates and sorts all at once.
    pub fn bucket_pairs(&self) -> Vec<(u32, u32)> {
        let mut entries: Vec<(u64, u32)> = self
            .articles
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, xs)| band_keys(xs).into_iter().map(move |k| (k, i as u32)))
            .collect();
        let lang = |m: u32| self.langs[m as usize];
        super::lsh::for_each_bucket(&mut entries, STAR_BUCKET, |bucket, pairs| {
            let members = bucket.iter().map(|e| e.1);
            if bucket.len() > STAR_BUCKET {
                for centre in [Lang::Fr, Lang::En] {
                    if let Some(c) = members.clone().find(|&m| lang(m) == centre) {
                        pairs.extend(members.clone().filter(|&m| lang(m) != centre).map(|m| (c.min(m), c.max(m))));
                    }
                }
            } else {
                for (n, x) in bucket.iter().enumerate() {
                    let x = x.1;
                    pairs.extend(
                        bucket[n + 1..]
                            .iter()
                            .map(|y| y.1)
                            .filter(|&y| lang(y) != lang(x))
                            .map(|y| (x.min(y), x.max(y))),
                    );
                }
            }
        })
    }

    /// How many linkable sentences (cross-language sentence numbers) an article has.
    pub fn linkable_sentences(&self, i: u32) -> usize {
        self.articles.get(i as usize).map_or(0, Vec::len)
    }

    /// The share of sentences two articles have in common, the smaller of the two shares: how
    /// much of each article the other covers (0 when either has no linkable sentence).
    pub fn coverage(&self, i: u32, j: u32) -> f64 {
        let (Some(a), Some(b)) = (self.articles.get(i as usize), self.articles.get(j as usize)) else {
            return 0.0;
        };
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let common = shared_count(a, b) as f64;
        common / a.len().max(b.len()) as f64
    }
}

/// The MinHash band keys of a set of sentence numbers (none for an empty set).
/// All the minimums are taken in one pass over the set (each number hashed with every seed in
/// turn), not one pass per hash function.
fn band_keys(xs: &[u32]) -> Vec<u64> {
    if xs.is_empty() {
        return Vec::new();
    }
    let mins = band_minimums(xs);
    mins.chunks_exact(ROWS)
        .enumerate()
        .map(|(band, rows)| rows.iter().fold(band as u64, |h, &m| combine(h, m)))
        .collect()
}

/// The minimum of each hash function of [`band_keys`] over `xs`. On x86-64 the loop is also
/// compiled for AVX2, used where the processor has it: four hashes at a time instead of two.
fn band_minimums(xs: &[u32]) -> [u64; BANDS * ROWS] {
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor was just found to support AVX2.
            return unsafe { band_minimums_avx2(xs) };
        }
    }
    minimums(xs)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn band_minimums_avx2(xs: &[u32]) -> [u64; BANDS * ROWS] {
    minimums(xs)
}

#[inline(always)]
fn minimums(xs: &[u32]) -> [u64; BANDS * ROWS] {
    let mut mins = [u64::MAX; BANDS * ROWS];
    for &x in xs {
        let x = u64::from(x);
        for (min, seed) in mins.iter_mut().zip(&SEEDS) {
            *min = (*min).min(mix(x ^ seed));
        }
    }
    mins
}

/// The seed of each hash function of [`band_keys`], band after band, row after row.
static SEEDS: [u64; BANDS * ROWS] = {
    let mut seeds = [0u64; BANDS * ROWS];
    let mut n = 0;
    while n < BANDS * ROWS {
        seeds[n] = mix(0x7a17 + n as u64);
        n += 1;
    }
    seeds
};

fn side(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

/// The items two sorted lists share, by merging them.
pub(super) fn shared<'a, T: Ord + Copy>(a: &'a [T], b: &'a [T]) -> impl Iterator<Item = T> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

/// How many items two sorted lists without repeats share: [`shared`]`(a, b).count()`, merged
/// without a branch on the comparison (millions of candidate pairs are checked this way, and
/// which list moves on is a coin toss a processor mispredicts half the time).
pub(super) fn shared_count<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        count += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    count
}

/// The distinct sentences of the corpus (a sentence hash in one language), in input order,
/// and each article's sentences as indices into them.
fn distinct_sentences(sketches: &[Sketch]) -> (Vec<Distinct>, Vec<Vec<u32>>) {
    let mut ids: KeyMap<(u64, u8), u32> = KeyMap::default();
    let mut distinct: Vec<Distinct> = Vec::new();
    let article_sentences: Vec<Vec<u32>> = sketches
        .iter()
        .enumerate()
        .map(|(a, s)| {
            s.sentences
                .iter()
                .enumerate()
                .map(|(n, &h)| {
                    *ids.entry((h, s.lang as u8)).or_insert_with(|| {
                        distinct.push(Distinct { lang: s.lang, article: a as u32, sentence: n as u32 });
                        distinct.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    (distinct, article_sentences)
}

/// Whether kept key `k` is told by few enough sentences to look sentences up by.
fn probed(kept: &[(u64, u32)], max_postings: usize, k: u32) -> bool {
    kept[k as usize].1 as usize <= max_postings
}

/// The distinct sentences' bilingual keys as dense numbers with their weights, and an
/// inverted index of the linkable sentences by their more specific keys.
struct SentenceIndex {
    /// Each kept key (told in both languages) with its sentence frequency, by dense number.
    kept: Vec<(u64, u32)>,
    weights: Vec<f32>,
    /// Each distinct sentence's kept keys, sorted.
    sentence_keys: Vec<Vec<u32>>,
    norms: Vec<f32>,
    /// Whether a sentence has enough keys to be linked.
    linkable: Vec<bool>,
    postings: Vec<Vec<u32>>,
    max_postings: usize,
}

impl SentenceIndex {
    fn new(sketches: &[Sketch], distinct: &[Distinct]) -> SentenceIndex {
        let keys_of = |d: &Distinct| -> &[u64] {
            sketches[d.article as usize].anchors.get(d.sentence as usize).map_or(&[][..], |k| &k[..])
        };
        // Key frequencies over distinct sentences, per language.
        let mut df: KeyMap<u64, [u32; 2]> = KeyMap::default();
        for d in distinct {
            for &k in keys_of(d) {
                df.entry(k).or_default()[side(d.lang)] += 1;
            }
        }
        let mut kept: Vec<(u64, u32)> =
            df.into_iter().filter(|(_, [fr, en])| *fr > 0 && *en > 0).map(|(k, [fr, en])| (k, fr + en)).collect();
        kept.sort_unstable();
        let n = distinct.len().max(1) as f32;
        let weights: Vec<f32> = kept.iter().map(|&(_, df)| (1.0 + n / df as f32).ln()).collect();
        let key_ids: KeyMap<u64, u32> = kept.iter().enumerate().map(|(id, &(k, _))| (k, id as u32)).collect();
        // Each distinct sentence's bilingual keys as dense numbers, sorted, and its weight norm.
        let sentence_keys: Vec<Vec<u32>> = distinct
            .par_iter()
            .map(|d| {
                let mut ks: Vec<u32> = keys_of(d).iter().filter_map(|k| key_ids.get(k).copied()).collect();
                ks.sort_unstable();
                ks
            })
            .collect();
        let norms: Vec<f32> = sentence_keys
            .iter()
            .map(|ks| ks.iter().map(|&k| weights[k as usize].powi(2)).sum::<f32>().sqrt())
            .collect();
        let linkable: Vec<bool> = sentence_keys.iter().map(|ks| ks.len() >= MIN_SENTENCE_KEYS).collect();
        let max_postings = MIN_POSTINGS.max(distinct.len() / POSTINGS_SHARE);
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); kept.len()];
        for (d, ks) in sentence_keys.iter().enumerate().filter(|&(d, _)| linkable[d]) {
            for &k in ks.iter().filter(|&&k| probed(&kept, max_postings, k)) {
                postings[k as usize].push(d as u32);
            }
        }
        SentenceIndex { kept, weights, sentence_keys, norms, linkable, postings, max_postings }
    }

    /// Whether a key is specific enough to look sentences up by.
    fn probed(&self, k: u32) -> bool {
        probed(&self.kept, self.max_postings, k)
    }

    fn cosine(&self, x: usize, y: usize) -> f32 {
        let keys = &self.sentence_keys;
        let dot: f32 = shared(&keys[x], &keys[y]).map(|k| self.weights[k as usize].powi(2)).sum();
        dot / (self.norms[x] * self.norms[y]).max(f32::MIN_POSITIVE)
    }

    /// Each linkable sentence's best partner of the other language, at `threshold` or above.
    fn best_partners(&self, distinct: &[Distinct], threshold: f32) -> Vec<(u32, u32)> {
        (0..distinct.len())
            .into_par_iter()
            .map_init(
                || (vec![0.0f32; distinct.len()], Vec::<u32>::new()),
                |(scores, touched), x| self.best_partner(distinct, x, threshold, scores, touched),
            )
            .flatten()
            .collect()
    }

    /// The best partner of sentence `x`: the candidates that share the most key weight,
    /// checked by cosine. `scores` and `touched` are scratch space, left cleared.
    fn best_partner(
        &self,
        distinct: &[Distinct],
        x: usize,
        threshold: f32,
        scores: &mut [f32],
        touched: &mut Vec<u32>,
    ) -> Option<(u32, u32)> {
        if !self.linkable[x] {
            return None;
        }
        for &k in self.sentence_keys[x].iter().filter(|&&k| self.probed(k)) {
            let w = self.weights[k as usize].powi(2);
            for &y in &self.postings[k as usize] {
                if distinct[y as usize].lang != distinct[x].lang {
                    if scores[y as usize] == 0.0 {
                        touched.push(y);
                    }
                    scores[y as usize] += w;
                }
            }
        }
        let mut best: Vec<(f32, u32)> = touched.iter().map(|&y| (std::mem::take(&mut scores[y as usize]), y)).collect();
        touched.clear();
        best.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(SENTENCE_CANDIDATES);
        best.into_iter()
            .map(|(_, y)| (self.cosine(x, y as usize), y))
            .filter(|&(c, y)| {
                c >= threshold
                    && shared_count(&self.sentence_keys[x], &self.sentence_keys[y as usize]) >= MIN_SENTENCE_KEYS
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, y)| (x as u32, y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::hash::hash_bytes;
    use crate::dedup::sketch::anchor_keys;

    fn sketch(id: &str, lang: Lang, sentences: &[&str]) -> Sketch {
        Sketch {
            id: id.into(),
            lang,
            exact: None,
            shingles: 0,
            minhash: Vec::new(),
            anchors: sentences
                .iter()
                .map(|s| {
                    let mut k = anchor_keys(s);
                    k.sort_unstable();
                    k.dedup();
                    k
                })
                .collect(),
            sentences: sentences.iter().map(|s| hash_bytes(s.as_bytes())).collect(),
            heads: Vec::new(),
        }
    }

    const FR: [&str; 3] = [
        "Le maire de Lyon, Paul Verrier, a reçu 3 000 lettres.",
        "Il partira à Genève le 12 mars avec 14 conseillers.",
        "Le club de Toulouse a gagné 2 à 1 contre Bordeaux.",
    ];
    const EN: [&str; 3] = [
        "The mayor of Lyon, Paul Verrier, received 3,000 letters.",
        "He will leave for Geneva on 12 March with 14 advisers.",
        "Toulouse beat Bordeaux 2-1.",
    ];

    fn corpus() -> Vec<Sketch> {
        vec![
            sketch("fr1", Lang::Fr, &FR),
            sketch("en1", Lang::En, &EN),
            // Borrows one sentence of the story among others.
            sketch(
                "en2",
                Lang::En,
                &[EN[0], "Shares of Airbus rose 4% in Paris on Friday.", "Madrid Atletico won 3-0 in Seville."],
            ),
        ]
    }

    #[test]
    fn translations_are_found_and_borrowers_are_not() {
        let links = SentenceLinks::new(&corpus(), 0.3);
        assert!(links.candidates().contains(&(0, 1)));
        assert!(links.coverage(0, 1) > 0.6, "{}", links.coverage(0, 1));
        assert!(links.coverage(0, 2) < 0.5, "one sentence of three: {}", links.coverage(0, 2));
    }

    #[test]
    fn reused_sentences_count_once() {
        let mut sketches = corpus();
        for n in 0..50 {
            sketches.push(sketch(&format!("copy{n}"), Lang::En, &[EN[0]]));
        }
        let links = SentenceLinks::new(&sketches, 0.3);
        assert_eq!(links.distinct, 3 + 3 + 2);
        assert!(links.coverage(0, 1) > 0.6);
    }

    #[test]
    fn key_hasher_spreads_small_numbers() {
        let mut a = KeyHasher::default();
        a.write_u32(1);
        let mut b = KeyHasher::default();
        b.write_u32(2);
        assert_ne!(a.finish() >> 57, b.finish() >> 57);
    }
}
