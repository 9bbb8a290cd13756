//! MinHash signatures over word shingles, and what they estimate.
//!
//! One-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle
//! hash falls into one of [`PERMUTATIONS`] bins by its high bits and competes there by its low
//! bits, so a signature costs one pass over the shingles instead of one pass per value (the
//! per-article map must stay light). An empty bin borrows the value of the first filled bin along
//! its own pseudo-random probe sequence, which keeps the estimator close to unbiased for short
//! texts. The fraction of equal positions of two signatures estimates the Jaccard similarity of
//! the sets (standard error about `sqrt(J(1-J)/PERMUTATIONS)`).

use super::hash::mix;

/// Signature length: 32 bands of 3 rows (see [`super::lsh`]).
pub const PERMUTATIONS: usize = 96;

/// The value of a position that saw no shingle.
pub const EMPTY: u32 = u32::MAX;

/// A MinHash signature.
pub type Signature = [u32; PERMUTATIONS];

/// The signature of a set of shingle hashes (duplicates do not matter). The hashes must be well
/// mixed (as [`super::hash`] makes them): their bits choose the bin and the value.
pub fn signature(shingles: &[u64]) -> Signature {
    let mut sig = [EMPTY; PERMUTATIONS];
    for &x in shingles {
        let bin = (((x >> 32) * PERMUTATIONS as u64) >> 32) as usize;
        let value = (x as u32).min(EMPTY - 1);
        sig[bin] = sig[bin].min(value);
    }
    densify(&mut sig);
    sig
}

/// Fills every empty bin from the first filled bin of its probe sequence (fixed per bin, so
/// that two signatures borrow alike and stay comparable).
fn densify(sig: &mut Signature) {
    if sig.iter().all(|&v| v == EMPTY) || sig.iter().all(|&v| v != EMPTY) {
        return;
    }
    let filled = *sig;
    for (bin, slot) in sig.iter_mut().enumerate() {
        if *slot != EMPTY {
            continue;
        }
        for attempt in 0u64.. {
            let probe = (mix(((bin as u64) << 32) | attempt) % PERMUTATIONS as u64) as usize;
            if filled[probe] != EMPTY {
                *slot = filled[probe];
                break;
            }
        }
    }
}

/// Whether a signature was made from at least one shingle.
pub fn is_empty(sig: &[u32]) -> bool {
    sig.iter().all(|&v| v == EMPTY)
}

/// The estimated Jaccard similarity of the two sets behind two signatures.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() || is_empty(a) || is_empty(b) {
        return 0.0;
    }
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len() as f64
}

/// How much of the smaller set lies in the larger one, from the estimated Jaccard similarity and
/// the two set sizes: |A∩B| = J·(|A|+|B|)/(1+J). Containment, unlike Jaccard, stays high when a
/// re-publication drops a sentence or two.
pub fn containment(jaccard: f64, size_a: usize, size_b: usize) -> f64 {
    let smaller = size_a.min(size_b);
    if smaller == 0 {
        return 0.0;
    }
    let shared = jaccard * (size_a + size_b) as f64 / (1.0 + jaccard);
    (shared / smaller as f64).min(1.0)
}

/// How much of the larger set lies in the smaller one: the smaller of the two containments, so
/// that a high value means that each set is mostly the other (a re-publication), not that a
/// short text is quoted in a long one.
pub fn containment_both_ways(jaccard: f64, size_a: usize, size_b: usize) -> f64 {
    let larger = size_a.max(size_b);
    if size_a.min(size_b) == 0 {
        return 0.0;
    }
    let shared = jaccard * (size_a + size_b) as f64 / (1.0 + jaccard);
    (shared / larger as f64).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(mix).collect()
    }

    #[test]
    fn identical_sets_have_identical_signatures() {
        let a = set(0..200);
        let mut shuffled = a.clone();
        shuffled.reverse();
        shuffled.extend_from_slice(&a[..10]);
        assert_eq!(signature(&a), signature(&shuffled));
        assert_eq!(jaccard(&signature(&a), &signature(&shuffled)), 1.0);
    }

    #[test]
    fn estimates_jaccard_within_a_few_standard_errors() {
        // |A∩B| = 300, |A∪B| = 500: J = 0.6.
        let a = set(0..400);
        let b = set(100..500);
        let j = jaccard(&signature(&a), &signature(&b));
        assert!((j - 0.6).abs() < 0.15, "estimate {j}");
        let disjoint = jaccard(&signature(&set(0..300)), &signature(&set(1000..1300)));
        assert!(disjoint < 0.1, "estimate {disjoint}");
    }

    #[test]
    fn short_texts_fill_every_position() {
        let sig = signature(&set(0..5));
        assert!(sig.iter().all(|&v| v != EMPTY));
        let same = signature(&set(0..5));
        assert_eq!(jaccard(&sig, &same), 1.0);
        let other = jaccard(&sig, &signature(&set(100..105)));
        assert!(other < 0.3, "estimate {other}");
    }

    #[test]
    fn empty_sets_are_similar_to_nothing() {
        let empty = signature(&[]);
        assert!(is_empty(&empty));
        assert_eq!(jaccard(&empty, &empty), 0.0);
    }

    #[test]
    fn containment_sees_a_subset() {
        // B is A minus a sixth: J = 5/6, and all of B is in A.
        let j = 500.0 / 600.0;
        assert!((containment(j, 600, 500) - 1.0).abs() < 1e-9);
        assert!((containment(0.0, 600, 500)).abs() < 1e-9);
        assert_eq!(containment(1.0, 0, 10), 0.0);
    }
}
