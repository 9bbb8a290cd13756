//! Locality-sensitive hashing by banding: candidate pairs without comparing every pair.
//!
//! A signature is cut into [`BANDS`] bands of [`ROWS`] values; two articles whose band hashes
//! agree in at least one band are candidates. Two sets of Jaccard similarity J collide with
//! probability 1 − (1 − J^ROWS)^BANDS: with 32 × 3 that is 0.99 at J = 0.6, 0.88 at J = 0.4 and
//! 0.03 at J = 0.1, so re-publications are found and unrelated articles rarely meet.

use super::hash::{combine, mix, StableHasher};
use super::minhash::{self, PERMUTATIONS};
use rayon::prelude::*;

pub const BANDS: usize = 32;
pub const ROWS: usize = PERMUTATIONS / BANDS;

/// Above this many members, a bucket is paired as a star (each member with the first) rather than
/// all pairs: a bucket of a thousand copies would otherwise cost half a million checks, and the
/// star keeps them connected.
const STAR_BUCKET: usize = 48;

/// The band keys of a signature, salted with `salt` (the language) so that only articles of the
/// same salt can collide. An empty signature has no keys.
pub fn band_keys(sig: &[u32], salt: u64) -> Vec<u64> {
    if minhash::is_empty(sig) {
        return Vec::new();
    }
    sig.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = StableHasher::default();
            for v in rows {
                h.write(&v.to_le_bytes());
            }
            combine(combine(salt, band as u64), h.finish())
        })
        .collect()
}

/// Candidate pairs `(i, j)` with `i < j` among items given as (item, its band keys); each pair
/// once. Cost: one sort of all keys, then the buckets.
pub fn candidate_pairs<'a>(items: impl Iterator<Item = (u32, &'a [u64])>) -> Vec<(u32, u32)> {
    let mut pairs = bucket_pairs(items);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.retain(|(a, b)| a != b);
    pairs
}

/// The pairs `(i, j)`, `i <= j`, of items that share a band key, unsorted and possibly repeated
/// (two articles sharing several bands): [`candidate_pairs`] before its clean-up, for a caller
/// that merges them with other candidates and sorts all at once.
pub fn bucket_pairs<'a>(items: impl Iterator<Item = (u32, &'a [u64])>) -> Vec<(u32, u32)> {
    let mut entries: Vec<(u64, u32)> = items.flat_map(|(i, keys)| keys.iter().map(move |&k| (k, i))).collect();
    for_each_bucket(&mut entries, STAR_BUCKET, |bucket, pairs| {
        let members = bucket.iter().map(|e| e.1);
        if bucket.len() > STAR_BUCKET {
            pairs.extend(members.skip(1).map(|m| ordered(bucket[0].1, m)));
        } else {
            for (n, x) in bucket.iter().enumerate() {
                pairs.extend(bucket[n + 1..].iter().map(|y| ordered(x.1, y.1)));
            }
        }
    })
}

/// Sorts `(key, item)` entries by key and hands every bucket of more than one entry (items in
/// input order when the bucket has more than `star` entries, so that the star's centre does not
/// depend on the sort) to `pairs_of`, on every core; returns the pairs it made, in no
/// particular order. Millions of entries at 100,000 articles: sorted by key alone, in
/// parallel, and their buckets walked in parallel too.
pub(super) fn for_each_bucket<F>(entries: &mut [(u64, u32)], star: usize, pairs_of: F) -> Vec<(u32, u32)>
where
    F: Fn(&[(u64, u32)], &mut Vec<(u32, u32)>) + Sync,
{
    sort_by_spread_key(entries, |e| e.0);
    let buckets: Vec<&mut [(u64, u32)]> = entries.chunk_by_mut(|x, y| x.0 == y.0).filter(|b| b.len() > 1).collect();
    buckets
        .into_par_iter()
        .fold(Vec::new, |mut pairs, bucket| {
            if bucket.len() > star {
                bucket.sort_unstable_by_key(|e| e.1);
            }
            pairs_of(bucket, &mut pairs);
            pairs
        })
        .flatten_iter()
        .collect()
}

/// Sorts `items` by a key whose values are spread evenly below their largest (hashes, or pairs
/// of article numbers packed in one number): one counting pass on the top bits of the key deals
/// the items into buckets of a dozen or so, which are then sorted each on its own, on every core.
/// Millions of band entries and candidate pairs at 100,000 articles: two passes over memory and
/// a small sort per bucket instead of a comparison sort of the whole.
pub(super) fn sort_by_spread_key<T, K>(items: &mut [T], key: K)
where
    T: Copy + Send,
    K: Fn(&T) -> u64 + Sync,
{
    const SMALL: usize = 1 << 14;
    if items.len() < SMALL {
        items.sort_unstable_by_key(&key);
        return;
    }
    let max = items.iter().map(&key).max().unwrap_or(0);
    // About sixteen items a bucket, at most a million buckets.
    let bits = (usize::BITS - (items.len() / 16).leading_zeros()).clamp(8, 20);
    let shift = (u64::BITS - max.leading_zeros()).saturating_sub(bits);
    let bucket = |item: &T| (key(item) >> shift) as usize;
    let mut starts = vec![0usize; (1 << bits) + 1];
    for item in items.iter() {
        starts[bucket(item) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    let source = items.to_vec();
    let mut next = starts.clone();
    for item in source {
        let b = bucket(&item);
        items[next[b]] = item;
        next[b] += 1;
    }
    let mut buckets = Vec::with_capacity(starts.len());
    let mut rest = items;
    for w in starts.windows(2) {
        let (head, tail) = rest.split_at_mut(w[1] - w[0]);
        buckets.push(head);
        rest = tail;
    }
    buckets.into_par_iter().with_min_len(1024).for_each(|b| b.sort_unstable_by_key(&key));
}

fn ordered(a: u32, b: u32) -> (u32, u32) {
    (a.min(b), a.max(b))
}

/// A salt for band keys from a name (the language code).
pub fn salt(name: &str) -> u64 {
    mix(super::hash::hash_bytes(name.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::minhash::signature;

    fn shingles(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(mix).collect()
    }

    #[test]
    fn similar_sets_collide_and_different_ones_do_not() {
        let a = band_keys(&signature(&shingles(0..300)), 1);
        let near = band_keys(&signature(&shingles(20..300)), 1);
        let other = band_keys(&signature(&shingles(5000..5300)), 1);
        let pairs = candidate_pairs([(0, &a[..]), (1, &near[..]), (2, &other[..])].into_iter());
        assert_eq!(pairs, vec![(0, 1)]);
    }

    #[test]
    fn salt_separates_languages() {
        let sig = signature(&shingles(0..100));
        let fr = band_keys(&sig, salt("fr"));
        let en = band_keys(&sig, salt("en"));
        assert_eq!(fr.len(), BANDS);
        assert!(candidate_pairs([(0, &fr[..]), (1, &en[..])].into_iter()).is_empty());
    }

    #[test]
    fn big_buckets_stay_connected_without_all_pairs() {
        let keys = band_keys(&signature(&shingles(0..50)), 0);
        let items: Vec<(u32, &[u64])> = (0..100).map(|i| (i, &keys[..])).collect();
        let pairs = candidate_pairs(items.into_iter());
        assert_eq!(pairs.len(), 99);
        assert!(pairs.iter().all(|&(a, _)| a == 0));
    }

    #[test]
    fn spread_keys_sort_as_a_comparison_sort_does() {
        for n in [0, 5, 20_000, 70_000] {
            let mut items: Vec<(u64, u32)> = (0..n as u64).map(|i| (mix(i % 5000) >> (i % 3), i as u32)).collect();
            let mut expected = items.clone();
            expected.sort_unstable_by_key(|e| e.0);
            sort_by_spread_key(&mut items, |e| e.0);
            assert_eq!(items.iter().map(|e| e.0).collect::<Vec<_>>(), expected.iter().map(|e| e.0).collect::<Vec<_>>());
            let mut packed: Vec<u64> = (0..n as u64).map(|i| (mix(i) % 1000) << 32 | (i % 777)).collect();
            let mut expected = packed.clone();
            expected.sort_unstable();
            sort_by_spread_key(&mut packed, |&x| x);
            assert_eq!(packed, expected);
        }
    }

    #[test]
    fn empty_signatures_have_no_keys() {
        assert!(band_keys(&signature(&[]), 0).is_empty());
    }
}
