//! How much two groups of sentences look like translations of each other, from 0 to 1.

use super::profile::{Profiles, WeightedToken};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Scores beads (a group of left sentences against a group of right sentences).
pub struct Scorer<'a> {
    pub left: &'a Profiles,
    pub right: &'a Profiles,
    /// Expected right length / left length, in characters, measured on the two articles.
    length_ratio: f64,
    weights: Weights,
    /// The 1:1 scores computed so far; the passes of the assignment ask for them many times.
    pairs: RefCell<PairScores<'a>>,
    /// Each sentence's total token weight, for [`Scorer::lexical_bound`].
    left_totals: Vec<f64>,
    right_totals: Vec<f64>,
    /// Whether the first content sentence of each side is a headline that the other version
    /// lacks (see [`Scorer::with_headlines`]).
    headlines: (bool, bool),
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

/// How many sentences' worth of evidence the prior length ratio (1) carries against the ratio
/// measured on the two articles.
const LENGTH_PRIOR_SENTENCES: f64 = 3.0;

impl<'a> Scorer<'a> {
    pub fn new(left: &'a Profiles, right: &'a Profiles, weights: Weights) -> Self {
        let total = |p: &Profiles| p.sentences.iter().map(|s| s.chars).sum::<usize>().max(1) as f64;
        // The ratio measured on the articles, shrunk towards 1 by a prior worth
        // `LENGTH_PRIOR_SENTENCES` sentences: two lone sentences say nothing about how much one
        // language shrinks the other (their own ratio would make every pair agree in length).
        let k = left.sentences.len().min(right.sentences.len()) as f64;
        let measured = (total(right) / total(left)).clamp(0.5, 2.0).ln();
        let length_ratio = (measured * k / (k + LENGTH_PRIOR_SENTENCES)).exp();
        let pairs = RefCell::new(PairScores::new(left, right));
        let totals = |p: &Profiles| -> Vec<f64> {
            p.sentences.iter().map(|s| s.tokens.iter().map(|t| t.weight as f64).sum()).collect()
        };
        Scorer {
            left,
            right,
            length_ratio,
            weights,
            pairs,
            left_totals: totals(left),
            right_totals: totals(right),
            headlines: (false, false),
        }
    }

    /// Says which side opens with a headline (its first content sentence) that the other
    /// version lacks, the other opening straight on the body: a group holding that headline
    /// scores 0, and it stays unmatched. A headline states the story in other words than any
    /// sentence of the body (a lede says more, a standfirst says it again).
    pub fn with_headlines(mut self, left: bool, right: bool) -> Self {
        self.headlines = (left, right);
        self
    }

    /// Whether a group holds a headline that the other version lacks.
    fn holds_lone_headline(&self, l: &[usize], r: &[usize]) -> bool {
        (self.headlines.0 && l.first() == Some(&0)) || (self.headlines.1 && r.first() == Some(&0))
    }

    /// The score of pairing left sentences `l` with right sentences `r` (content positions).
    pub fn score(&self, l: &[usize], r: &[usize]) -> f64 {
        match (l, r) {
            (&[i], &[j]) => self.pair(i, j).score,
            _ => self.evidence(l, r).score,
        }
    }

    /// Tells the score cache which pairs the banded DP will ask for (see `PairScores::focus`).
    pub fn focus(&self, band: &[(usize, usize)]) {
        self.pairs.borrow_mut().focus(band);
    }

    /// The evidence of a 1:1 pair, computed once.
    fn pair(&self, i: usize, j: usize) -> Evidence {
        self.pairs.borrow_mut().get(i, j, |shared| self.pair_evidence(i, j, shared))
    }

    /// A bound that [`Scorer::score`] of a group never exceeds, from its 1:1 parts and the
    /// sentences' total weights: a token with a counterpart in a group has one in some sentence
    /// of it, so the group's matched weight is at most the sum of its parts'. The DP skips a
    /// group whose bound cannot beat what a cell already has. The bound is widened by a
    /// millionth so that rounding in the sums never puts it below the exact score.
    ///
    /// `matched(x, y)` is [`Part::matched`] of the pair (`l[x]`, `r[y]`), from the DP's
    /// [`PairGrid`]. The bound comes in two steps, so that the DP can give up before working
    /// out the length agreement: [`Self::lexical_bound`], then [`Self::bound_with_length`] with
    /// a length agreement of 1 (a looser bound, as every operation rounds monotonically) or the
    /// real one.
    #[inline]
    pub fn lexical_bound(&self, l: &[usize], r: &[usize], matched: impl Fn(usize, usize) -> f64) -> f64 {
        let mut sum = 0.0;
        for x in 0..l.len() {
            for y in 0..r.len() {
                sum += matched(x, y);
            }
        }
        if sum == 0.0 {
            return 0.0;
        }
        let total: f64 =
            l.iter().map(|&i| self.left_totals[i]).sum::<f64>() + r.iter().map(|&j| self.right_totals[j]).sum::<f64>();
        if total == 0.0 {
            return 0.0;
        }
        (sum / total).min(1.0)
    }

    /// The 1:1 parts a monotonic pass over left positions `ls` and right positions `rs` asks
    /// for, row `i` of `band` (prefixes of i sentences of `ls`) holding cells of columns
    /// `band[i].0..=band[i].1`: each pair is looked up once here, through the cache, and the
    /// DP then reads the grid, which costs a few instructions where a cache look-up cost dozens
    /// (the DP asks for each pair up to 14 times: once alone, the rest for the group bounds).
    pub fn grid(&self, ls: &[usize], rs: &[usize], band: &[(usize, usize)]) -> PairGrid {
        let mut grid = Window::empty(pair_spans(band, ls.len(), rs.len()));
        let mut pairs = self.pairs.borrow_mut();
        for (&i, &(start, end, _)) in ls.iter().zip(&grid.rows) {
            let cells = &mut grid.cells;
            pairs.get_row(
                i,
                &rs[start..end],
                |j, shared| self.pair_evidence(i, j, shared),
                |_, part| cells.push(Part { score: part.score, matched: part.matched_left + part.matched_right }),
            );
        }
        debug_assert_eq!(grid.cells.len(), grid.len());
        PairGrid(grid)
    }

    /// The part of left `i` with right `j`, computed from scratch: what tests check the grid against.
    #[cfg(test)]
    pub fn part(&self, i: usize, j: usize) -> Part {
        let evidence = self.evidence(&[i], &[j]);
        Part { score: evidence.score, matched: evidence.matched_left + evidence.matched_right }
    }

    /// The score bound from [`Self::lexical_bound`] and a length agreement.
    pub fn bound_with_length(&self, lexical: f64, length: f64) -> f64 {
        if lexical == 0.0 {
            return 0.0;
        }
        let w = self.weights;
        lexical * (w.lexical_floor + (1.0 - w.lexical_floor) * length) * (1.0 + 1e-6)
    }

    fn evidence(&self, l: &[usize], r: &[usize]) -> Evidence {
        if self.holds_lone_headline(l, r) {
            return Evidence::default();
        }
        let shared = self.shared_keys(l, r);
        let (matched_left, total_l) = coverage(self.left, l, &shared);
        let (matched_right, total_r) = coverage(self.right, r, &shared);
        self.combine(l, r, (matched_left, total_l), (matched_right, total_r))
    }

    /// [`Self::evidence`] of a 1:1 pair through the sentences' key masks (see
    /// [`WeightedToken::mask`]): the positions of the shared keys on both sides (`shared`, when
    /// the cache already knows them, else from one merge of the two key lists), and a token has
    /// a counterpart when its mask meets them. Same sums, same order.
    fn pair_evidence(&self, i: usize, j: usize, shared: Option<(u64, u64)>) -> Evidence {
        let (a, b) = (&self.left.sentences[i], &self.right.sentences[j]);
        if !a.masked() || !b.masked() || self.holds_lone_headline(&[i], &[j]) {
            return self.evidence(&[i], &[j]);
        }
        let (shared_a, shared_b) = shared.unwrap_or_else(|| shared_masks(&a.keys, &b.keys));
        self.combine(&[i], &[j], masked_coverage(&a.tokens, shared_a), masked_coverage(&b.tokens, shared_b))
    }

    /// The score from each side's (matched weight, total weight).
    fn combine(&self, l: &[usize], r: &[usize], left: (f64, f64), right: (f64, f64)) -> Evidence {
        let ((matched_left, total_l), (matched_right, total_r)) = (left, right);
        let total = total_l + total_r;
        let lexical = if total == 0.0 { 0.0 } else { (matched_left + matched_right) / total };
        let w = self.weights;
        let score = if lexical == 0.0 {
            0.0
        } else {
            lexical * (w.lexical_floor + (1.0 - w.lexical_floor) * self.length_agreement(l, r))
        };
        Evidence { score, matched_left, matched_right }
    }

    /// The keys held both by some sentence of `l` and by some sentence of `r`, sorted: a token
    /// has a counterpart exactly when one of its keys is among them (every key of a token is
    /// among its own sentence's keys). Two sentences share few keys, so the look-ups that follow
    /// run over a short list, and over none for a pair that shares nothing.
    fn shared_keys(&self, l: &[usize], r: &[usize]) -> Vec<u32> {
        let mut shared = Vec::new();
        match (l, r) {
            (&[i], &[j]) => intersect(&self.left.sentences[i].keys, &self.right.sentences[j].keys, &mut shared),
            _ => {
                let union = |p: &Profiles, ids: &[usize]| {
                    let mut keys: Vec<u32> = ids.iter().flat_map(|&i| p.sentences[i].keys.iter().copied()).collect();
                    if ids.len() > 1 {
                        keys.sort_unstable();
                        keys.dedup();
                    }
                    keys
                };
                intersect(&union(self.left, l), &union(self.right, r), &mut shared);
            }
        }
        shared
    }

    /// How many keys left sentence `i` and right sentence `j` share.
    pub fn shared_count(&self, i: usize, j: usize) -> usize {
        self.shared_keys(&[i], &[j]).len()
    }

    /// Weighted share of the tokens of right group `r` that find a counterpart in left group `l`
    /// (or of `l` in `r` when `of_left`).
    pub fn covered_share(&self, l: &[usize], r: &[usize], of_left: bool) -> f64 {
        let shared = self.shared_keys(l, r);
        let (matched, total) = if of_left { coverage(self.left, l, &shared) } else { coverage(self.right, r, &shared) };
        if total == 0.0 {
            0.0
        } else {
            matched / total
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

/// A bead's score with the weights of its tokens that found a counterpart, on each side.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    score: f64,
    matched_left: f64,
    matched_right: f64,
}

/// A pair of the dense matrix.
#[derive(Clone, Copy, Debug)]
enum Slot {
    /// The sentences share no key: the score is 0.
    Apart,
    /// They share keys, at these positions of the left and right sentences' keys (bits of the
    /// first 64), but the score is not computed yet.
    Sharing(u64, u64),
    Scored(Evidence),
}

/// When the DP searches the whole matrix, the 1:1 scores sit in a dense matrix; when it searches
/// a band, in a [`Window`] around the band and a hash map for the few other pairs asked for (a
/// dense matrix there cost n × m for the marks of pairs sharing a common word, most of them never
/// asked for).
const DENSE_PAIRS: usize = super::FULL_SEARCH_CELLS;

/// A cache of 1:1 scores that knows which pairs score 0 without computing anything.
///
/// A pair whose sentences share no key has no token with a counterpart, so its lexical score,
/// and its score, is exactly 0; most pairs of an article are like that. In the dense matrix,
/// the first time a left sentence is asked for, an inverted index of the right side's keys
/// (key → sentences holding it) marks the right sentences that share one [`Slot::Sharing`],
/// with the positions of the keys they share, and the rest of the row stays [`Slot::Apart`]. In the hash map, a pair's sorted keys are merged to see if they meet.
/// Each pair that shares a key is scored once, when first asked for.
struct PairScores<'a> {
    left: &'a Profiles,
    right: &'a Profiles,
    store: Store,
}

enum Store {
    /// Row-major pairs, `ready[i]` once row i's pairs sharing a key are marked; `postings` of
    /// the right side.
    Dense { pairs: Vec<Slot>, ready: Vec<bool>, postings: Postings },
    /// The pairs asked for, in a hash map, and once the DP's band is known ([`Scorer::focus`]),
    /// those of the band in a [`Window`].
    Sparse { cache: HashMap<(usize, usize), Evidence, BuildHasherDefault<PairHasher>>, window: Window<Evidence> },
}

/// For each left sentence, the values of a run of right sentences (those the banded DP asks for
/// with it), stored one run after the other: on long articles the DP asks for each pair of the
/// band several times, and a hash map of millions of pairs spread over memory made those look-ups
/// slower per sentence as articles grew.
#[derive(Default)]
struct Window<T> {
    /// For each left sentence, (first right sentence, end, where its run starts in `cells`).
    rows: Vec<(usize, usize, usize)>,
    cells: Vec<T>,
}

/// Marks a window slot not looked at yet.
const UNKNOWN: Evidence = Evidence { score: -2.0, matched_left: 0.0, matched_right: 0.0 };

impl<T: Copy> Window<T> {
    /// A window over the runs `spans` ((first, end) for each left sentence), each cell `fill`.
    fn new(spans: impl Iterator<Item = (usize, usize)>, fill: T) -> Self {
        let mut window = Self::empty(spans);
        window.cells.resize(window.len(), fill);
        window
    }

    /// How many cells the runs hold.
    fn len(&self) -> usize {
        self.rows.last().map_or(0, |&(start, end, offset)| offset + end - start)
    }

    /// A window over the runs `spans` whose cells are yet to be pushed, run after run.
    fn empty(spans: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut offset = 0;
        let rows: Vec<(usize, usize, usize)> = spans
            .map(|(start, end)| {
                offset += end - start;
                (start, end, offset - (end - start))
            })
            .collect();
        Window { rows, cells: Vec::with_capacity(offset) }
    }

    fn slot(&self, i: usize, j: usize) -> Option<usize> {
        let &(start, end, offset) = self.rows.get(i)?;
        (start..end).contains(&j).then(|| offset + j - start)
    }
}

/// For each left position of a monotonic pass whose row `i` (prefixes of i left sentences) holds
/// cells of columns `band[i].0..=band[i].1`, the right positions (first, end) it is paired with:
/// a cell asks for pairs of the last [`SHAPE_REACH`] sentences at most of each prefix.
fn pair_spans(band: &[(usize, usize)], n: usize, m: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    (0..n).map(move |i| {
        let rows = &band[(i + 1).min(band.len())..(i + 1 + SHAPE_REACH).min(band.len())];
        let start = rows.iter().map(|r| r.0).min().unwrap_or(0).saturating_sub(SHAPE_REACH);
        let end = rows.iter().map(|r| r.1).max().unwrap_or(0).min(m).max(start);
        (start, end)
    })
}

/// What the monotonic pass needs of a 1:1 pair: its score, and for the bounds of the groups
/// holding it, the weight of its tokens with a counterpart on both sides together.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Part {
    pub score: f64,
    pub matched: f64,
}

/// The [`Part`]s of the pairs one monotonic pass asks for (see [`Scorer::grid`]), by positions in
/// its left and right lists.
pub struct PairGrid(Window<Part>);

impl PairGrid {
    /// The parts of the `x`-th left position: the first right position it is paired with, and
    /// its parts from there on.
    pub fn row(&self, x: usize) -> (usize, &[Part]) {
        let (start, end, offset) = self.0.rows[x];
        (start, &self.0.cells[offset..offset + end - start])
    }
}

impl<'a> PairScores<'a> {
    fn new(left: &'a Profiles, right: &'a Profiles) -> Self {
        let (n, m) = (left.sentences.len(), right.sentences.len());
        let store = if n * m <= DENSE_PAIRS {
            let postings = Postings::new(right, &(0..m).collect::<Vec<_>>());
            Store::Dense { pairs: vec![Slot::Apart; n * m], ready: vec![false; n], postings }
        } else {
            Store::Sparse { cache: HashMap::default(), window: Window::default() }
        };
        PairScores { left, right, store }
    }

    /// The score of left `i` with right `j`, from `compute` the first time a pair sharing a key
    /// is asked for; `compute` is given the positions of the shared keys when the cache knows
    /// them (see [`Slot::Sharing`]).
    fn get(&mut self, i: usize, j: usize, compute: impl FnOnce(Option<(u64, u64)>) -> Evidence) -> Evidence {
        if let Some(row) = self.dense_row(i) {
            return row[j].evidence(compute);
        }
        let Store::Sparse { cache, window } = &mut self.store else { unreachable!("dense_row takes the dense store") };
        let (left, right) = (self.left, self.right);
        let compute = || {
            if share_a_key(&left.sentences[i].keys, &right.sentences[j].keys) {
                compute(None)
            } else {
                Evidence::default()
            }
        };
        match window.slot(i, j) {
            Some(slot) => {
                let score = &mut window.cells[slot];
                if score.score == UNKNOWN.score {
                    *score = cache.get(&(i, j)).copied().unwrap_or_else(compute);
                }
                *score
            }
            None => *cache.entry((i, j)).or_insert_with(compute),
        }
    }

    /// [`Self::get`] of left `i` with each right sentence of `js` in turn, given to `found` with
    /// its place in `js`: the dense matrix reads the row in one sweep.
    fn get_row(
        &mut self,
        i: usize,
        js: &[usize],
        compute: impl Fn(usize, Option<(u64, u64)>) -> Evidence,
        mut found: impl FnMut(usize, Evidence),
    ) {
        if let Some(row) = self.dense_row(i) {
            for (y, &j) in js.iter().enumerate() {
                found(y, row[j].evidence(|shared| compute(j, shared)));
            }
        } else {
            for (y, &j) in js.iter().enumerate() {
                found(y, self.get(i, j, |shared| compute(j, shared)));
            }
        }
    }

    /// Row `i` of the dense matrix, its pairs that share a key marked; `None` for the sparse store.
    fn dense_row(&mut self, i: usize) -> Option<&mut [Slot]> {
        let Store::Dense { pairs, ready, postings } = &mut self.store else { return None };
        let m = self.right.sentences.len();
        let row = &mut pairs[i * m..][..m];
        if !ready[i] {
            mark_sharing(&self.left.sentences[i].keys, postings, row);
            ready[i] = true;
        }
        Some(row)
    }

    /// Makes room for the pairs the DP will ask for: row `i` of `band` (prefixes of i left
    /// sentences) holds cells of columns `band[i].0..=band[i].1` (see [`pair_spans`]).
    fn focus(&mut self, band: &[(usize, usize)]) {
        let Store::Sparse { window, .. } = &mut self.store else { return };
        let (n, m) = (self.left.sentences.len(), self.right.sentences.len());
        *window = Window::new(pair_spans(band, n, m), UNKNOWN);
    }
}

impl Slot {
    /// The pair's evidence, from `compute` (given the positions of the shared keys) the first time.
    fn evidence(&mut self, compute: impl FnOnce(Option<(u64, u64)>) -> Evidence) -> Evidence {
        match *self {
            Slot::Apart => Evidence::default(),
            Slot::Sharing(left, right) => {
                let evidence = compute(Some((left, right)));
                *self = Slot::Scored(evidence);
                evidence
            }
            Slot::Scored(evidence) => evidence,
        }
    }
}

/// Marks in `row` the right sentences that share one of the left sentence's `keys`, with the
/// positions of the shared keys on both sides: the same masks as [`shared_masks`] of the two
/// key lists, from the inverted index instead of one merge per pair.
fn mark_sharing(keys: &[u32], postings: &Postings, row: &mut [Slot]) {
    let bit = |position: usize| if position < 64 { 1u64 << position } else { 0 };
    for (x, &k) in keys.iter().enumerate() {
        for &(j, y) in postings.get(k) {
            let slot = &mut row[j as usize];
            let (left, right) = match *slot {
                Slot::Sharing(left, right) => (left, right),
                _ => (0, 0),
            };
            *slot = Slot::Sharing(left | bit(x), right | bit(y as usize));
        }
    }
}

/// An inverted index of some sentences of one side: for each key, the sentences holding it (in
/// the order given) with the key's position among the sentence's keys. One flat array: a vector
/// per key cost an allocation per key, most of them for a sentence or two.
pub struct Postings {
    /// Key k's entries are `entries[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    entries: Vec<(u32, u32)>,
}

impl Postings {
    pub fn new(side: &Profiles, ids: &[usize]) -> Self {
        let keys = |j: usize| side.sentences[j].keys.iter().enumerate();
        let key_count = ids.iter().flat_map(|&j| side.sentences[j].keys.last()).max().map_or(0, |&k| k as usize + 1);
        let mut starts = vec![0u32; key_count + 1];
        for &j in ids {
            keys(j).for_each(|(_, &k)| starts[k as usize + 1] += 1);
        }
        for k in 0..key_count {
            starts[k + 1] += starts[k];
        }
        let mut filled = starts.clone();
        let mut entries = vec![(0, 0); starts[key_count] as usize];
        for &j in ids {
            for (y, &k) in keys(j) {
                entries[filled[k as usize] as usize] = (j as u32, y as u32);
                filled[k as usize] += 1;
            }
        }
        Postings { starts, entries }
    }

    /// The (sentence, position of the key among its keys) holding key `k`.
    pub fn get(&self, k: u32) -> &[(u32, u32)] {
        match (self.starts.get(k as usize), self.starts.get(k as usize + 1)) {
            (Some(&start), Some(&end)) => &self.entries[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// How many sentences a side a bead of the DP holds at most.
pub(super) const SHAPE_REACH: usize = 3;

/// Whether two sorted lists have an element in common.
fn share_a_key(a: &[u32], b: &[u32]) -> bool {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// A multiplicative hash for pairs of small integers: the cache is hit several times per DP
/// cell, and SipHash's resistance to hostile keys buys nothing here.
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// (weight of the tokens of `ids` that have one of the `shared` keys, total weight).
fn coverage(side: &Profiles, ids: &[usize], shared: &[u32]) -> (f64, f64) {
    // A key whose bit is not among the shared keys' bits is not shared: most keys are turned
    // away without a look at the list.
    let bit = |k: u32| 1u64 << (k % 64);
    let bits = shared.iter().fold(0, |bits, &k| bits | bit(k));
    let is_shared = |k: u32| bits & bit(k) != 0 && shared.contains(&k);
    let mut matched = 0.0;
    let mut total = 0.0;
    for &i in ids {
        for token in &side.sentences[i].tokens {
            total += token.weight as f64;
            if !shared.is_empty() && side.token_keys(token).iter().any(|&k| is_shared(k)) {
                matched += token.weight as f64;
            }
        }
    }
    (matched, total)
}

/// (weight of the tokens whose mask meets `shared`, total weight).
fn masked_coverage(tokens: &[WeightedToken], shared: u64) -> (f64, f64) {
    let mut matched = 0.0;
    let mut total = 0.0;
    for token in tokens {
        total += token.weight as f64;
        if token.mask & shared != 0 {
            matched += token.weight as f64;
        }
    }
    (matched, total)
}

/// Which positions of two sorted key lists hold a key of the other list, as bit masks.
fn shared_masks(a: &[u32], b: &[u32]) -> (u64, u64) {
    let (mut x, mut y) = (0, 0);
    let (mut in_a, mut in_b) = (0u64, 0u64);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                in_a |= 1 << x;
                in_b |= 1 << y;
                x += 1;
                y += 1;
            }
        }
    }
    (in_a, in_b)
}

/// Appends to `out` the elements two sorted lists have in common.
fn intersect(a: &[u32], b: &[u32], out: &mut Vec<u32>) {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[x]);
                x += 1;
                y += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::profile;
    use crate::align::tests::analysis;
    use crate::bilingual::Lexicon;
    use crate::lang::Lang;

    const FR: [&str; 4] = [
        "Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux.",
        "La ministre de la Santé, Claire Odinot, a demandé une enquête.",
        "Les pirates réclament une rançon de 3 millions d'euros.",
        "Le président a convoqué un conseil de défense jeudi.",
    ];
    const EN: [&str; 5] = [
        "The government announced on Tuesday a cyberattack against 40 hospitals.",
        "The hackers are demanding a ransom of 3 million euros.",
        "Health Minister Claire Odinot has called for an inquiry.",
        "Local weather remained mild all week in the region.",
        "The president called a defence council on Thursday.",
    ];

    fn profiles() -> (Profiles, Profiles) {
        let (fr, en) = (analysis(Lang::Fr, &FR), analysis(Lang::En, &EN));
        profile::build(&fr, &[0, 1, 2, 3], &en, &[0, 1, 2, 3, 4], Lexicon::broad())
    }

    #[test]
    fn the_grid_holds_the_scores_computed_directly() {
        let (left, right) = profiles();
        let scorer = Scorer::new(&left, &right, Weights::default());
        // Left positions 1 and 3 against right positions 0, 2, 4; a band of 2 rows × 3 columns.
        let (ls, rs) = ([1, 3], [0, 2, 4]);
        let grid = scorer.grid(&ls, &rs, &[(0, 3); 3]);
        let mut shared = 0;
        for (x, &i) in ls.iter().enumerate() {
            let (start, parts) = grid.row(x);
            assert_eq!((start, parts.len()), (0, rs.len()));
            for (y, &j) in rs.iter().enumerate() {
                let direct = scorer.evidence(&[i], &[j]);
                let expected = Part { score: direct.score, matched: direct.matched_left + direct.matched_right };
                assert_eq!(parts[y], expected, "pair ({i}, {j})");
                assert_eq!(scorer.score(&[i], &[j]), direct.score);
                shared += usize::from(direct.score > 0.0);
            }
        }
        assert!(shared >= 2, "the test needs pairs that share evidence");
    }

    #[test]
    fn the_inverted_index_marks_the_same_shared_keys_as_a_merge() {
        let (left, right) = profiles();
        let PairScores { store: Store::Dense { pairs, postings, .. }, .. } = PairScores::new(&left, &right) else {
            panic!("a small pair of articles has a dense matrix");
        };
        let m = right.sentences.len();
        let mut sharing = 0;
        for (i, a) in left.sentences.iter().enumerate() {
            let mut row = pairs[i * m..][..m].to_vec();
            mark_sharing(&a.keys, &postings, &mut row);
            for (j, b) in right.sentences.iter().enumerate() {
                match (row[j], shared_masks(&a.keys, &b.keys)) {
                    (Slot::Apart, (0, 0)) => {}
                    (Slot::Sharing(l, r), merged) if (l, r) == merged => sharing += 1,
                    (slot, merged) => panic!("pair ({i}, {j}): {slot:?}, merge {merged:?}"),
                }
            }
        }
        assert!(sharing >= 2, "the test needs pairs that share keys");
    }

    #[test]
    fn the_lexical_bound_from_the_grid_bounds_the_group_score() {
        let (left, right) = profiles();
        let scorer = Scorer::new(&left, &right, Weights::default());
        let (ls, rs): (Vec<usize>, Vec<usize>) = ((0..4).collect(), (0..5).collect());
        let grid = scorer.grid(&ls, &rs, &[(0, 5); 5]);
        for (l, r) in [(&ls[0..2], &rs[0..1]), (&ls[1..3], &rs[1..3]), (&ls[3..4], &rs[2..5])] {
            let matched = |x: usize, y: usize| {
                let (start, parts) = grid.row(l[x]);
                parts[r[y] - start].matched
            };
            let lexical = scorer.lexical_bound(l, r, matched);
            let score = scorer.score(l, r);
            assert!(score <= scorer.bound_with_length(lexical, scorer.length_agreement(l, r)), "{l:?} {r:?}");
            assert!(lexical > 0.0, "{l:?} {r:?} share evidence");
        }
    }
}
