//! Translations: articles of the two languages that tell the same story.
//!
//! Word shingles cannot meet across languages, but anchors can: numbers, names and fact values
//! read the same in both (see [`super::sketch::anchor_keys`]). Each anchor is weighted by its
//! rarity in the corpus (inverse document frequency) and only anchors seen in both languages
//! count, which drops the many capitalised words that only one language uses ("The", "Le").
//! Candidates come from an inverted index probed with each article's rarest anchors. A candidate
//! is scored by two views of the same evidence: the cosine of the two weighted anchor sets (do the
//! articles name the same rare things?) and a light sentence alignment (is that evidence spread over
//! BOTH articles, sentence by sentence, or only in one borrowed sentence?); the score is their
//! geometric mean.

use super::sketch::Sketch;
use crate::lang::Lang;
use rayon::prelude::*;
use std::collections::HashMap;

/// How many of an article's rarest anchors are looked up in the index.
const PROBE_KEYS: usize = 24;
/// How many candidates each article keeps for verification.
const CANDIDATES_PER_ARTICLE: usize = 6;
/// Anchors in more articles than this are not looked up: they cost the most and tell the least.
const MIN_MAX_POSTINGS: usize = 64;

/// Anchor weights for one corpus.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    idf: HashMap<u64, f32>,
    max_postings: usize,
}

impl Weights {
    /// Weights from the anchor sets of every article: idf = ln(1 + N / df), for anchors seen in
    /// both languages; the others weigh nothing.
    pub fn new(sketches: &[Sketch], anchor_sets: &[Vec<u64>]) -> Weights {
        let mut df: HashMap<u64, [u32; 2]> = HashMap::new();
        for (sketch, set) in sketches.iter().zip(anchor_sets) {
            let side = side(sketch.lang);
            for &k in set {
                df.entry(k).or_default()[side] += 1;
            }
        }
        let n = sketches.len().max(1) as f32;
        let idf = df
            .into_iter()
            .filter(|(_, [fr, en])| *fr > 0 && *en > 0)
            .map(|(k, [fr, en])| (k, (1.0 + n / (fr + en) as f32).ln()))
            .collect();
        Weights { idf, max_postings: MIN_MAX_POSTINGS.max(sketches.len() / 500) }
    }

    pub fn weight(&self, key: u64) -> f32 {
        self.idf.get(&key).copied().unwrap_or(0.0)
    }

    fn weight_of(&self, keys: &[u64]) -> f32 {
        keys.iter().map(|&k| self.weight(k)).sum()
    }
}

fn side(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

/// Candidate translation pairs `(i, j)`, `i < j`, of articles in different languages.
pub fn candidates(sketches: &[Sketch], anchor_sets: &[Vec<u64>], weights: &Weights) -> Vec<(u32, u32)> {
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, set) in anchor_sets.iter().enumerate() {
        for &k in set {
            if weights.weight(k) > 0.0 {
                postings.entry(k).or_default().push(i as u32);
            }
        }
    }
    postings.retain(|_, docs| docs.len() <= weights.max_postings);
    let mut pairs: Vec<(u32, u32)> = (0..sketches.len())
        .into_par_iter()
        .map_init(HashMap::new, |scores: &mut HashMap<u32, f32>, i| {
            scores.clear();
            let mut probes: Vec<(f32, u64)> =
                anchor_sets[i].iter().filter(|k| postings.contains_key(k)).map(|&k| (weights.weight(k), k)).collect();
            probes.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let lang = sketches[i].lang;
            for &(w, k) in probes.iter().take(PROBE_KEYS) {
                for &j in &postings[&k] {
                    if sketches[j as usize].lang != lang {
                        *scores.entry(j).or_default() += w;
                    }
                }
            }
            let mut best: Vec<(f32, u32)> = scores.iter().map(|(&j, &s)| (s, j)).collect();
            best.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            best.truncate(CANDIDATES_PER_ARTICLE);
            best.into_iter().map(|(_, j)| (i.min(j as usize) as u32, i.max(j as usize) as u32)).collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The translation score of two articles, 0..1: the geometric mean of [`anchor_cosine`] and
/// [`alignment_coverage`]. `set_a`/`set_b` are the articles' [`Sketch::anchor_set`]s.
pub fn score(a: &Sketch, set_a: &[u64], b: &Sketch, set_b: &[u64], weights: &Weights) -> f64 {
    (anchor_cosine(set_a, set_b, weights) * alignment_coverage(a, b, weights)).sqrt()
}

/// The cosine of two anchor sets weighted by idf: squared weights make the rare anchors (a
/// surname, an exact figure) count far more than the topical ones (Gaza, 2014).
pub fn anchor_cosine(a: &[u64], b: &[u64], weights: &Weights) -> f64 {
    let norm = |keys: &[u64]| keys.iter().map(|&k| weights.weight(k).powi(2)).sum::<f32>();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let dot = shared(a, b).map(|k| weights.weight(k).powi(2)).sum::<f32>();
    f64::from(dot / (na * nb).sqrt())
}

/// How much of both articles a light sentence alignment covers, 0..1: each sentence is matched to
/// the sentence of the other article with which it shares the most anchor weight, and a side's
/// coverage is the matched weight over its total anchor weight; the smaller side counts. An
/// article that borrows one sentence of a story covers little of it, so it scores low even though
/// that sentence matches perfectly.
pub fn alignment_coverage(a: &Sketch, b: &Sketch, weights: &Weights) -> f64 {
    let weigh = |s: &Sketch| -> Vec<(Vec<u64>, f32)> {
        s.anchors
            .iter()
            .map(|keys| {
                let kept: Vec<u64> = keys.iter().copied().filter(|&k| weights.weight(k) > 0.0).collect();
                let w = weights.weight_of(&kept);
                (kept, w)
            })
            .filter(|(_, w)| *w > 0.0)
            .collect()
    };
    let (left, right) = (weigh(a), weigh(b));
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let coverage = |from: &[(Vec<u64>, f32)], to: &[(Vec<u64>, f32)]| -> f64 {
        let total: f32 = from.iter().map(|(_, w)| w).sum();
        let matched: f32 = from
            .iter()
            .map(|(keys, _)| to.iter().map(|(other, _)| shared_weight(keys, other, weights)).fold(0.0, f32::max))
            .sum();
        f64::from(matched / total)
    };
    coverage(&left, &right).min(coverage(&right, &left))
}

/// The weight of the anchors two sorted lists share.
fn shared_weight(a: &[u64], b: &[u64], weights: &Weights) -> f32 {
    shared(a, b).map(|k| weights.weight(k)).sum()
}

/// The keys two sorted lists share, by merging them.
fn shared<'a>(a: &'a [u64], b: &'a [u64]) -> impl Iterator<Item = u64> + 'a {
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

    fn sets(sk: &[Sketch]) -> Vec<Vec<u64>> {
        sk.iter().map(Sketch::anchor_set).collect()
    }

    #[test]
    fn only_anchors_of_both_languages_weigh() {
        let sk = corpus();
        let w = Weights::new(&sk, &sets(&sk));
        assert!(w.weight(anchor_keys("Lyon")[0]) > 0.0);
        assert_eq!(w.weight(anchor_keys("Shares")[0]), 0.0, "English only");
        assert_eq!(w.weight(anchor_keys("Le")[0]), 0.0, "French only");
    }

    #[test]
    fn finds_and_verifies_translations() {
        let sk = corpus();
        let sets = sets(&sk);
        let w = Weights::new(&sk, &sets);
        let cands = candidates(&sk, &sets, &w);
        assert!(cands.contains(&(0, 1)) && cands.contains(&(2, 3)), "{cands:?}");
        let score = |i: usize, j: usize| super::score(&sk[i], &sets[i], &sk[j], &sets[j], &w);
        assert!(score(0, 1) > 0.9, "{}", score(0, 1));
        assert!(score(2, 3) > 0.9, "{}", score(2, 3));
        assert!(score(0, 4) < 0.4, "one shared name is not a story: {}", score(0, 4));
        assert_eq!(score(0, 3), 0.0);
    }
}
