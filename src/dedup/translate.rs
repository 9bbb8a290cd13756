//! Translations: articles of the two languages that tell the same story.
//!
//! Word shingles cannot meet across languages, but anchors can: numbers, names, cognates and fact
//! values read the same in both (see [`super::sketch::anchor_keys`]). Each anchor is weighted by
//! its rarity in the corpus (inverse document frequency) and only anchors seen in both languages
//! count, which drops the many words that only one language uses ("The", "Le", "pompiers").
//! Candidates come from an inverted index probed with each article's rarest anchors. A candidate
//! is scored by two views of the same evidence: the cosine of the two weighted anchor sets (do the
//! articles name the same rare things?) and a light sentence alignment (is that evidence spread over
//! BOTH articles, sentence by sentence, or only in one borrowed sentence?); the score is their
//! geometric mean.

use super::sketch::Sketch;
use crate::lang::Lang;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// How many of an article's rarest anchors are looked up in the index.
const PROBE_KEYS: usize = 24;
/// How many candidates each article keeps for verification.
const CANDIDATES_PER_ARTICLE: usize = 6;
/// Anchors in more articles than this are not looked up: they cost the most and tell the least.
const MIN_MAX_POSTINGS: usize = 64;

/// Anchor keys are already well-mixed 64-bit hashes: hashing them again (SipHash) only costs time.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = super::hash::mix(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
    fn write_u32(&mut self, x: u32) {
        self.0 = super::hash::mix(u64::from(x));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by anchor keys or article numbers.
pub type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// One article's anchors, as dense key numbers that weigh something, sorted.
#[derive(Clone, Debug, Default)]
struct ArticleAnchors {
    lang: Option<Lang>,
    keys: Vec<u32>,
    /// Sum of squared weights of `keys`.
    norm2: f32,
    /// The total anchor weight of each sentence that has any (sentences without weight left out).
    sentence_weights: Vec<f32>,
    /// Every (key, sentence number) of the article, sorted: merging two of these lists finds the
    /// weight each pair of sentences shares in one pass ([`AnchorIndex::coverage`]).
    occurrences: Vec<(u32, u16)>,
}

/// The weighted anchors of a corpus and their inverted index.
#[derive(Clone, Debug, Default)]
pub struct AnchorIndex {
    weights: Vec<f32>,
    articles: Vec<ArticleAnchors>,
    /// Articles holding each key; emptied for keys too common to be worth probing.
    postings: Vec<Vec<u32>>,
}

impl AnchorIndex {
    /// Weighs the anchors of every article: idf = ln(1 + N / df) for anchors seen in both
    /// languages; the others are dropped.
    pub fn new(sketches: &[Sketch]) -> AnchorIndex {
        let df = document_frequencies(sketches);
        let n = sketches.len().max(1) as f32;
        let mut kept: Vec<(u64, u32)> =
            df.into_iter().filter(|(_, [fr, en])| *fr > 0 && *en > 0).map(|(k, [fr, en])| (k, fr + en)).collect();
        // Dense numbers in key order: the same whatever order the threads counted in.
        kept.sort_unstable();
        let weights: Vec<f32> = kept.iter().map(|&(_, df)| (1.0 + n / df as f32).ln()).collect();
        let ids: KeyMap<u64, u32> = kept.iter().enumerate().map(|(id, &(k, _))| (k, id as u32)).collect();
        let articles: Vec<ArticleAnchors> = sketches
            .par_iter()
            .map(|sketch| {
                let mut sentence_weights = Vec::new();
                let mut occurrences = Vec::new();
                for keys in &sketch.anchors {
                    // Sentences past u16::MAX (a whole book in one record) add nothing to coverage.
                    let Ok(sentence) = u16::try_from(sentence_weights.len()) else { break };
                    let before = occurrences.len();
                    occurrences.extend(keys.iter().filter_map(|k| ids.get(k)).map(|&id| (id, sentence)));
                    if occurrences.len() > before {
                        sentence_weights.push(occurrences[before..].iter().map(|&(k, _)| weights[k as usize]).sum());
                    }
                }
                occurrences.sort_unstable();
                let mut keys: Vec<u32> = occurrences.iter().map(|&(k, _)| k).collect();
                keys.dedup();
                let norm2 = keys.iter().map(|&k| weights[k as usize].powi(2)).sum();
                ArticleAnchors { lang: Some(sketch.lang), keys, norm2, sentence_weights, occurrences }
            })
            .collect();
        // A key's document frequency is the length of its postings list: lists are made at their
        // size, and not at all for keys too common to be probed.
        let max_postings = MIN_MAX_POSTINGS.max(sketches.len() / 500);
        let probed = |df: u32| df as usize <= max_postings;
        let mut postings: Vec<Vec<u32>> =
            kept.iter().map(|&(_, df)| if probed(df) { Vec::with_capacity(df as usize) } else { Vec::new() }).collect();
        for (i, a) in articles.iter().enumerate() {
            for &k in &a.keys {
                if probed(kept[k as usize].1) {
                    postings[k as usize].push(i as u32);
                }
            }
        }
        AnchorIndex { weights, articles, postings }
    }

    /// Candidate translation pairs `(i, j)`, `i < j`, of articles in different languages: for each
    /// article, those that share the most weight among its [`PROBE_KEYS`] rarest anchors.
    pub fn candidates(&self) -> Vec<(u32, u32)> {
        let n = self.articles.len();
        // Read for every posting: a dense copy is kinder to the cache than the article records.
        let langs: Vec<Option<Lang>> = self.articles.iter().map(|a| a.lang).collect();
        let mut pairs: Vec<(u32, u32)> = (0..n)
            .into_par_iter()
            .map_init(
                // Shared weight per article (dense: a probe touches thousands of them), and which
                // ones this article touched, to read and reset only those.
                || (vec![0.0f32; n], Vec::<u32>::new()),
                |(scores, touched), i| {
                    let article = &self.articles[i];
                    let mut probes: Vec<u32> =
                        article.keys.iter().copied().filter(|&k| !self.postings[k as usize].is_empty()).collect();
                    probes.sort_unstable_by(|&a, &b| self.weights[b as usize].total_cmp(&self.weights[a as usize]));
                    for &k in probes.iter().take(PROBE_KEYS) {
                        let w = self.weights[k as usize];
                        for &j in &self.postings[k as usize] {
                            if langs[j as usize] != article.lang {
                                let score = &mut scores[j as usize];
                                if *score == 0.0 {
                                    touched.push(j);
                                }
                                *score += w;
                            }
                        }
                    }
                    let mut best: Vec<(f32, u32)> =
                        touched.iter().map(|&j| (std::mem::take(&mut scores[j as usize]), j)).collect();
                    touched.clear();
                    best.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    best.truncate(CANDIDATES_PER_ARTICLE);
                    best.into_iter()
                        .map(|(_, j)| (i.min(j as usize) as u32, i.max(j as usize) as u32))
                        .collect::<Vec<_>>()
                },
            )
            .flatten()
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    /// The translation score of articles `i` and `j`, 0..1: the geometric mean of
    /// [`Self::cosine`] and [`Self::coverage`].
    pub fn score(&self, i: u32, j: u32) -> f64 {
        let cosine = self.cosine(i, j);
        if cosine == 0.0 {
            return 0.0;
        }
        (cosine * self.coverage(i, j)).sqrt()
    }

    /// The cosine of two articles' anchor sets weighted by idf: squared weights make the rare
    /// anchors (a surname, an exact figure) count far more than the topical ones (Gaza, 2014).
    pub fn cosine(&self, i: u32, j: u32) -> f64 {
        let (Some(a), Some(b)) = (self.articles.get(i as usize), self.articles.get(j as usize)) else {
            return 0.0;
        };
        if a.norm2 == 0.0 || b.norm2 == 0.0 {
            return 0.0;
        }
        let dot: f32 = shared(&a.keys, &b.keys).map(|k| self.weights[k as usize].powi(2)).sum();
        f64::from(dot / (a.norm2 * b.norm2).sqrt())
    }

    /// How much of both articles a light sentence alignment covers, 0..1: each sentence is
    /// matched to the sentence of the other article with which it shares the most anchor weight,
    /// and a side's coverage is the matched weight over its total anchor weight; the smaller side
    /// counts. An article that borrows one sentence of a story covers little of it, so it scores
    /// low even though that sentence matches perfectly.
    pub fn coverage(&self, i: u32, j: u32) -> f64 {
        let (Some(a), Some(b)) = (self.articles.get(i as usize), self.articles.get(j as usize)) else {
            return 0.0;
        };
        let (rows, cols) = (a.sentence_weights.len(), b.sentence_weights.len());
        if rows == 0 || cols == 0 {
            return 0.0;
        }
        // shared[s * cols + t]: the anchor weight sentence s of `a` shares with sentence t of `b`,
        // filled by one merge of the two sorted occurrence lists.
        let mut shared = vec![0.0f32; rows * cols];
        let (xs, ys) = (&a.occurrences, &b.occurrences);
        let (mut x, mut y) = (0, 0);
        while x < xs.len() && y < ys.len() {
            let key = xs[x].0;
            match key.cmp(&ys[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    let x_end = x + xs[x..].iter().take_while(|o| o.0 == key).count();
                    let y_end = y + ys[y..].iter().take_while(|o| o.0 == key).count();
                    let w = self.weights[key as usize];
                    for &(_, s) in &xs[x..x_end] {
                        let row = &mut shared[s as usize * cols..][..cols];
                        for &(_, t) in &ys[y..y_end] {
                            row[t as usize] += w;
                        }
                    }
                    (x, y) = (x_end, y_end);
                }
            }
        }
        let total = |weights: &[f32]| weights.iter().sum::<f32>();
        let matched_a: f32 = shared.chunks_exact(cols).map(|row| row.iter().copied().fold(0.0, f32::max)).sum();
        let matched_b: f32 = (0..cols).map(|t| (0..rows).map(|s| shared[s * cols + t]).fold(0.0, f32::max)).sum();
        f64::from(matched_a / total(&a.sentence_weights)).min(f64::from(matched_b / total(&b.sentence_weights)))
    }
}

/// How many articles of each language (French, English) hold each anchor key. Counted in
/// parallel: each thread counts its share of the articles, then the counts are added up.
fn document_frequencies(sketches: &[Sketch]) -> KeyMap<u64, [u32; 2]> {
    sketches
        .par_iter()
        .with_min_len(1024)
        .fold(
            || (KeyMap::<u64, [u32; 2]>::default(), Vec::new()),
            |(mut df, mut set), sketch| {
                set.clear();
                set.extend(sketch.anchors.iter().flatten().copied());
                set.sort_unstable();
                set.dedup();
                let side = side(sketch.lang);
                for &k in &set {
                    df.entry(k).or_default()[side] += 1;
                }
                (df, set)
            },
        )
        .map(|(df, _)| df)
        .reduce(KeyMap::default, |a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (k, [fr, en]) in small {
                let counts = big.entry(k).or_default();
                counts[0] += fr;
                counts[1] += en;
            }
            big
        })
}

fn side(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

/// The items two sorted lists share, by merging them.
fn shared<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
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

#[cfg(test)]
mod tests {
    use super::*;
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
        }
    }

    fn corpus() -> Vec<Sketch> {
        vec![
            sketch("fr1", Lang::Fr, &["Le maire de Lyon a reçu 3 000 lettres.", "Il partira à Genève le 12 mars."]),
            sketch(
                "en1",
                Lang::En,
                &["The mayor of Lyon received 3,000 letters.", "He will leave for Geneva on 12 March."],
            ),
            sketch("fr2", Lang::Fr, &["Le club de Toulouse a gagné 2 à 1.", "Le match a eu lieu à Bordeaux."]),
            sketch("en2", Lang::En, &["Toulouse won 2-1.", "The game was played in Bordeaux."]),
            sketch("en3", Lang::En, &["Lyon mayor says nothing.", "Shares of Airbus rose 4%."]),
        ]
    }

    #[test]
    fn only_anchors_of_both_languages_weigh() {
        let index = AnchorIndex::new(&corpus());
        // Lyon, 3000, 3, 000, 12, 2, 1, Toulouse, Bordeaux: nine keys in both languages.
        assert_eq!(index.weights.len(), 9);
        assert!(index.articles[4].sentence_weights.len() == 1, "Airbus and 4 are English only");
    }

    #[test]
    fn finds_and_verifies_translations() {
        let index = AnchorIndex::new(&corpus());
        let cands = index.candidates();
        assert!(cands.contains(&(0, 1)) && cands.contains(&(2, 3)), "{cands:?}");
        assert!(index.score(0, 1) > 0.9, "{}", index.score(0, 1));
        assert!(index.score(2, 3) > 0.9, "{}", index.score(2, 3));
        assert!(index.score(0, 4) < 0.4, "one shared name is not a story: {}", index.score(0, 4));
        assert_eq!(index.score(0, 3), 0.0);
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
