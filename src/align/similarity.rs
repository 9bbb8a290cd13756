//! How much two groups of sentences look like translations of each other, from 0 to 1.

use super::profile::Profiles;

/// Scores beads (a group of left sentences against a group of right sentences).
pub struct Scorer<'a> {
    pub left: &'a Profiles,
    pub right: &'a Profiles,
    /// Expected right length / left length, in characters, measured on the two articles.
    length_ratio: f64,
    weights: Weights,
}

/// The knobs of the score; `docs/align.md` explains each one.
#[derive(Clone, Copy, Debug)]
pub struct Weights {
    /// Share of the score that lexical coverage keeps whatever the lengths say.
    pub lexical_floor: f64,
    /// Standard deviation of the log length ratio of true translations.
    pub length_sigma: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { lexical_floor: 0.8, length_sigma: 0.35 }
    }
}

impl<'a> Scorer<'a> {
    pub fn new(left: &'a Profiles, right: &'a Profiles, weights: Weights) -> Self {
        let total = |p: &Profiles| p.sentences.iter().map(|s| s.chars).sum::<usize>().max(1) as f64;
        let length_ratio = (total(right) / total(left)).clamp(0.5, 2.0);
        Scorer { left, right, length_ratio, weights }
    }

    /// The score of pairing left sentences `l` with right sentences `r` (content positions).
    pub fn score(&self, l: &[usize], r: &[usize]) -> f64 {
        let lexical = self.lexical(l, r);
        if lexical == 0.0 {
            return 0.0;
        }
        let w = self.weights;
        lexical * (w.lexical_floor + (1.0 - w.lexical_floor) * self.length_agreement(l, r))
    }

    /// Weighted share of the tokens of both groups that find a counterpart in the other group
    /// (a symmetric coverage, like Dice over weighted bags).
    pub fn lexical(&self, l: &[usize], r: &[usize]) -> f64 {
        let (matched_l, total_l) = coverage(self.left, l, self.right, r);
        let (matched_r, total_r) = coverage(self.right, r, self.left, l);
        let total = total_l + total_r;
        if total == 0.0 {
            0.0
        } else {
            (matched_l + matched_r) / total
        }
    }

    /// 1 when the lengths are in the articles' usual ratio, falling off as a Gaussian in the log ratio.
    pub fn length_agreement(&self, l: &[usize], r: &[usize]) -> f64 {
        self.length_agreement_within(l, r, 0.0)
    }

    /// As [`Self::length_agreement`], but short sentences may stray further, as in Gale and
    /// Church's model where the spread of a length grows with the square root of the length:
    /// below `short_chars` characters, σ widens by √(short_chars / chars).
    pub fn length_agreement_within(&self, l: &[usize], r: &[usize], short_chars: f64) -> f64 {
        let chars = |p: &Profiles, ids: &[usize]| ids.iter().map(|&i| p.sentences[i].chars).sum::<usize>().max(1);
        let (left, right) = (chars(self.left, l) as f64, chars(self.right, r) as f64);
        let log_ratio = (right / (left * self.length_ratio)).ln();
        let shorter = left.min(right / self.length_ratio);
        let sigma = self.weights.length_sigma * (short_chars / shorter).sqrt().max(1.0);
        (-(log_ratio * log_ratio) / (2.0 * sigma * sigma)).exp()
    }
}

/// (weight of the tokens of `ids` that have a key in one of `other_ids`, total weight).
fn coverage(side: &Profiles, ids: &[usize], other: &Profiles, other_ids: &[usize]) -> (f64, f64) {
    let mut matched = 0.0;
    let mut total = 0.0;
    for &i in ids {
        for token in &side.sentences[i].tokens {
            total += token.weight as f64;
            let keys = side.token_keys(token);
            let hit = match other_ids {
                [j] => keys.iter().any(|k| other.sentences[*j].keys.binary_search(k).is_ok()),
                _ => keys.iter().any(|k| other_ids.iter().any(|&j| other.sentences[j].keys.binary_search(k).is_ok())),
            };
            if hit {
                matched += token.weight as f64;
            }
        }
    }
    (matched, total)
}
