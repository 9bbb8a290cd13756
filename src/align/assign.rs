//! The global assignment: a monotonic dynamic programme (most text keeps its order) restricted to
//! a band around an anchor path, then a pass that pairs what is left out of order when the
//! evidence is strong (moved paragraphs), and a pass that absorbs a leftover neighbour into a
//! pair when the merged group scores clearly better (merged sentences).
//!
//! Positions here are content positions (noise left out), 0..n on the left and 0..m on the right.

use super::profile::Profiles;
use super::similarity::{Part, Postings, Scorer, SHAPE_REACH};
use super::FULL_SEARCH_CELLS;
use rustc_hash::FxHashMap as HashMap;

/// A group of left positions matched with a group of right positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Bead {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub score: f64,
}

/// Thresholds of the assignment; `docs/align.md` explains each one.
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    /// A bead in order earns `score - in_order`: below it, leaving both sentences unmatched wins.
    pub in_order: f64,
    /// What a group of more than one sentence a side pays, so that 1:1 wins ties.
    pub merge_penalty: f64,
    /// The least score for a pair that breaks the order (a moved paragraph).
    pub out_of_order: f64,
    /// How much stronger an out-of-order match must be to take a sentence from a weak 1:1 pair.
    pub steal_margin: f64,
    /// How much better a group must score to absorb a leftover neighbour.
    pub absorb_gain: f64,
    /// The threshold inside a gap between two in-order pairs.
    pub in_gap: f64,
    /// A gap of up to `position_gap` sentences a side, equal on both sides, is paired on position
    /// alone when every pair's lengths agree this well.
    pub lone_gap_length: f64,
    pub position_gap: usize,
    /// Below this many characters, the length agreement of position-only pairs is more lenient.
    pub short_sentence_chars: f64,
    /// The least score of a leftover sentence with its counterpart for it to join that
    /// counterpart's pair out of adjacency, and how much more of the pair's other side it must cover.
    pub join_evidence: f64,
    pub join_coverage_gain: f64,
    /// Gaps with more sentences than this on a side are not filled.
    pub max_gap: usize,
    /// Half-width of the band around the anchor path, in sentences.
    pub band: usize,
    /// The raw score at which a pair is as likely right as wrong when nothing but its own
    /// evidence speaks for it: below it a pair is refused, wherever it stands, unless the
    /// position prior vouches for it (see `refuse_weak`). Its calibrated score is 0.5.
    pub refuse_below: f64,
    /// How fast the calibrated score rises with the raw score around `refuse_below`
    /// (the scale of a logistic fitted on labelled sentence pairs).
    pub calibration_width: f64,
    /// The position prior holds where the two versions are mostly parallel: at least
    /// `parallel_share` of the sentences of each side are in pairs scoring `parallel_pair` or more.
    pub parallel_pair: f64,
    pub parallel_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            in_order: 0.12,
            merge_penalty: 0.03,
            out_of_order: 0.22,
            absorb_gain: 0.05,
            steal_margin: 0.25,
            in_gap: 0.06,
            lone_gap_length: 0.3,
            position_gap: 3,
            join_evidence: 0.15,
            join_coverage_gain: 0.1,
            short_sentence_chars: 60.0,
            max_gap: 6,
            band: 30,
            refuse_below: 0.25,
            calibration_width: 0.085,
            parallel_pair: 0.2,
            parallel_share: 0.45,
        }
    }
}

/// Which content sentences carry on the one before them on each side (see [`super::continuations`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Continuations<'a> {
    pub left: &'a [bool],
    pub right: &'a [bool],
}

impl Continuations<'_> {
    /// Whether sentence `x` of one side and its neighbour `y` (x ± 1) are one utterance cut in two.
    fn tied(&self, right_side: bool, x: usize, y: usize) -> bool {
        let flags = if right_side { self.right } else { self.left };
        let later = x.max(y);
        x.abs_diff(y) == 1 && flags.get(later).copied().unwrap_or(false)
    }
}

/// Aligns `n` left and `m` right content sentences.
pub fn assign(scorer: &Scorer, n: usize, m: usize, continuations: Continuations, t: &Thresholds) -> Vec<Bead> {
    let band =
        if n * m <= FULL_SEARCH_CELLS { Band::full(n, m) } else { Band::around(&anchors(scorer, n, m), n, m, t.band) };
    let (all_left, all_right): (Vec<usize>, Vec<usize>) = ((0..n).collect(), (0..m).collect());
    scorer.focus(&band.rows);
    let in_order = monotonic(scorer, &all_left, &all_right, &band, t.in_order, t);
    let mut beads = uncross(scorer, in_order.clone(), t);
    pair_out_of_order(scorer, n, m, &mut beads, t);
    fill_gaps(scorer, n, m, &in_order, &mut beads, t);
    absorb_neighbours(scorer, n, m, &mut beads, continuations, t);
    join_complements(scorer, n, m, &mut beads, t);
    beads.sort_by_key(|b| (b.left.first().copied().unwrap_or(usize::MAX), b.right.first().copied()));
    refuse_weak(n, m, &mut beads, t);
    beads.sort_by_key(|b| (b.left.first().copied().unwrap_or(usize::MAX), b.right.first().copied()));
    beads
}

/// For each DP row i (0..=n), the columns [lo, hi] it may use.
struct Band {
    rows: Vec<(usize, usize)>,
}

impl Band {
    fn full(n: usize, m: usize) -> Band {
        Band { rows: vec![(0, m); n + 1] }
    }

    /// Rows follow the straight lines between consecutive anchors, widened by `width`.
    fn around(anchors: &[(usize, usize)], n: usize, m: usize, width: usize) -> Band {
        let mut path = vec![(0usize, 0usize)];
        path.extend(anchors.iter().map(|&(i, j)| (i + 1, j + 1)));
        path.push((n, m));
        let mut rows = Vec::with_capacity(n + 1);
        for w in path.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            for i in i0..i1 {
                let center = j0 + (j1 - j0) * (i - i0) / (i1 - i0).max(1);
                rows.push((center.saturating_sub(width), (center + width).min(m)));
            }
        }
        rows.push((m.saturating_sub(width), m));
        // Monotone bounds keep every row reachable from the previous one.
        for i in 1..rows.len() {
            rows[i].0 = rows[i].0.max(rows[i - 1].0).min(rows[i].1);
            rows[i].1 = rows[i].1.max(rows[i - 1].1);
        }
        for i in (0..rows.len().saturating_sub(1)).rev() {
            rows[i].1 = rows[i].1.min(rows[i + 1].1);
            rows[i].0 = rows[i].0.min(rows[i + 1].0);
        }
        rows[0].0 = 0;
        // A row starting further right than a bead reaches from the end of the row before could
        // not be reached at all (anchors close in one version and far apart in the other): it
        // starts where that row ends.
        for i in 1..rows.len() {
            if rows[i].0 > rows[i - 1].1 + SHAPE_REACH {
                rows[i].0 = rows[i - 1].1;
            }
        }
        Band { rows }
    }

    #[cfg(test)]
    fn contains(&self, i: usize, j: usize) -> bool {
        let (lo, hi) = self.rows[i];
        lo <= j && j <= hi
    }
}

/// Confident 1:1 matches in increasing order on both sides (a longest increasing subsequence of
/// mutual best candidates), found through an inverted index so the cost stays near-linear.
fn anchors(scorer: &Scorer, n: usize, m: usize) -> Vec<(usize, usize)> {
    let best_left = best_candidates(scorer, n, m, false);
    let best_right = best_candidates(scorer, m, n, true);
    let mutual: Vec<(usize, usize)> = best_left
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            c.filter(|&(j, s)| s >= 0.3 && best_right[j].is_some_and(|(back, _)| back == i)).map(|(j, _)| (i, j))
        })
        .collect();
    longest_increasing(&mutual)
}

/// For each sentence of one side, its best counterpart by exact score among the few candidates
/// that share its rarest keys.
fn best_candidates(scorer: &Scorer, n: usize, m: usize, swapped: bool) -> Vec<Option<(usize, f64)>> {
    let (this, other) = if swapped { (scorer.right, scorer.left) } else { (scorer.left, scorer.right) };
    let ids: Vec<usize> = (0..n).collect();
    let other_ids: Vec<usize> = (0..m).collect();
    candidate_lists(this, &ids, other, &other_ids, 3)
        .into_iter()
        .map(|(i, js)| {
            js.into_iter()
                .map(|j| (j, if swapped { scorer.score(&[j], &[i]) } else { scorer.score(&[i], &[j]) }))
                .max_by(|a, b| a.1.total_cmp(&b.1))
        })
        .collect()
}

/// The longest subsequence of `points` (sorted by their first coordinate) whose second
/// coordinate strictly increases: O(k log k).
fn longest_increasing(points: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new(); // index into points of the smallest tail of each length
    let mut parent = vec![usize::MAX; points.len()];
    for (p, &(_, j)) in points.iter().enumerate() {
        let len = tails.partition_point(|&t| points[t].1 < j);
        if len > 0 {
            parent[p] = tails[len - 1];
        }
        if len == tails.len() {
            tails.push(p);
        } else {
            tails[len] = p;
        }
    }
    let mut out = Vec::new();
    let mut p = tails.last().copied().unwrap_or(usize::MAX);
    while p != usize::MAX {
        out.push(points[p]);
        p = parent[p];
    }
    out.reverse();
    out
}

/// Bead shapes the monotonic pass may use: (left sentences, right sentences).
const SHAPES: [(usize, usize); 8] = [(1, 0), (0, 1), (1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)];

/// The best monotonic chain of beads within the band, maximizing Σ (score − threshold).
fn monotonic(scorer: &Scorer, ls: &[usize], rs: &[usize], band: &Band, threshold: f64, t: &Thresholds) -> Vec<Bead> {
    let (n, m) = (ls.len(), rs.len());
    let parts = scorer.grid(ls, rs, &band.rows);
    let pass = Pass { scorer, ls, rs, threshold, t };
    let mut table = Table::new(band);
    for i in 0..=n {
        let (lo, hi) = band.rows[i];
        let (done, row) = table.value.split_at_mut(table.starts[i]);
        let earlier: [Earlier; 4] = std::array::from_fn(|a| match i.checked_sub(a).filter(|_| a > 0) {
            Some(k) => {
                let (lo, hi) = band.rows[k];
                let (start, parts) = parts.row(k);
                Earlier { lo, values: &done[table.starts[k]..][..=hi - lo], start, parts }
            }
            None => Earlier { lo: usize::MAX, values: &[], start: 0, parts: &[] },
        });
        let mut around = Around::default();
        for c in (1..=3).rev() {
            around.enter(&earlier, lo.wrapping_sub(c));
        }
        for j in lo..=hi {
            around.enter(&earlier, j);
            let best = if i == 0 && j == 0 { (0.0, u8::MAX, 0.0) } else { pass.best(i, j, &around) };
            row[j - lo] = best.0;
            table.choice[table.starts[i] + j - lo] = (best.1, best.2 as f32);
            around.column(j).value[0] = best.0;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (shape, score) = table.choice[table.starts[i] + j - band.rows[i].0];
        let (di, dj) = SHAPES[shape as usize];
        if di > 0 && dj > 0 {
            beads.push(Bead { left: ls[i - di..i].to_vec(), right: rs[j - dj..j].to_vec(), score: score as f64 });
        }
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

/// A finished row of the DP, as a cell of a later row sees it: its band (from `lo`), its values,
/// and the grid row of the left sentence that ends its prefix (first right position, parts).
struct Earlier<'a> {
    lo: usize,
    values: &'a [f64],
    start: usize,
    parts: &'a [Part],
}

/// Columns left of column 0 count down from usize::MAX: less a row's first column or first right
/// position, they stay far beyond the row's end, so the look-ups below need no other test.
impl Earlier<'_> {
    /// The value of the row's cell in column j, minus infinity outside the band.
    fn value(&self, j: usize) -> f64 {
        self.values.get(j.wrapping_sub(self.lo)).copied().unwrap_or(f64::NEG_INFINITY)
    }

    /// The part of the row's left sentence with right position j; none outside the grid, where
    /// no bead the DP considers reaches.
    fn part(&self, j: usize) -> Part {
        self.parts.get(j.wrapping_sub(self.start)).copied().unwrap_or_default()
    }
}

/// What the beads ending at cell (i, j) start from: the last four columns of row i up to j, in
/// a ring (column c in `columns[c % 4]`, columns left of 0 counting down from usize::MAX), each
/// holding the values of the cells of rows i − a and the parts of the a-th last left sentence
/// of the prefix with the column's right sentence. Each cell so reads three values and three
/// parts, where its beads use eight values and fourteen parts.
#[derive(Default)]
struct Around {
    columns: [Column; 4],
}

#[derive(Clone, Copy, Default)]
struct Column {
    /// `value[a]`: the value of cell (i − a, c); `value[0]` is set once the cell is done.
    value: [f64; 4],
    /// `parts[a]` (a ≥ 1): the part of left sentence i − a with right sentence c.
    parts: [Part; 4],
}

impl Around {
    /// Reads column `c` of the `earlier` rows.
    #[inline(always)]
    fn enter(&mut self, earlier: &[Earlier; 4], c: usize) {
        let column = self.column(c);
        column.value[0] = f64::NEG_INFINITY;
        for (a, row) in earlier.iter().enumerate().skip(1) {
            column.value[a] = row.value(c);
            column.parts[a] = row.part(c);
        }
    }

    #[inline(always)]
    fn column(&mut self, c: usize) -> &mut Column {
        &mut self.columns[c % 4]
    }
}

/// What filling a cell of one monotonic pass needs.
struct Pass<'a, 's> {
    scorer: &'a Scorer<'s>,
    ls: &'a [usize],
    rs: &'a [usize],
    threshold: f64,
    t: &'a Thresholds,
}

// `Pass::best` names each shape of `SHAPES` once.
const _: () = assert!(SHAPES.len() == 8);

impl Pass<'_, '_> {
    /// The best chain ending at cell (i, j): its value, the shape of its last bead, that bead's score.
    fn best(&self, i: usize, j: usize, around: &Around) -> (f64, u8, f64) {
        let mut best = (f64::NEG_INFINITY, u8::MAX, 0.0f64);
        // One copy of `consider` per shape, so that each knows its group sizes when compiled.
        macro_rules! consider_shapes {
            ($($k:literal),*) => {$(
                self.consider::<{ SHAPES[$k].0 }, { SHAPES[$k].1 }>($k, i, j, around, &mut best);
            )*};
        }
        consider_shapes!(0, 1, 2, 3, 4, 5, 6, 7);
        best
    }

    /// Makes the bead of `DI` left and `DJ` right sentences ending at cell (i, j) the cell's best
    /// if it beats `best`.
    #[inline(always)]
    fn consider<const DI: usize, const DJ: usize>(
        &self,
        shape: u8,
        i: usize,
        j: usize,
        around: &Around,
        best: &mut (f64, u8, f64),
    ) {
        // Minus infinity also outside the table (DI > i or DJ > j).
        let first = j.wrapping_sub(DJ);
        let column = |y: usize| &around.columns[first.wrapping_add(y) % 4];
        let before = column(0).value[DI];
        if before == f64::NEG_INFINITY {
            return;
        }
        let (scorer, threshold, t) = (self.scorer, self.threshold, self.t);
        let (gain, score) = if DI == 0 || DJ == 0 {
            (0.0, 0.0)
        } else {
            let (l, r) = (&self.ls[i - DI..i], &self.rs[j - DJ..j]);
            // The part of l[x] with r[y].
            let part = |x: usize, y: usize| column(y).parts[DI - x];
            let penalty = if DI + DJ > 2 { t.merge_penalty } else { 0.0 };
            // A group that cannot beat the cell's best even at its bound is not scored.
            if DI + DJ > 2 {
                let worth = |bound: f64| before + (bound - threshold - penalty) > best.0;
                let lexical = scorer.lexical_bound(l, r, |x, y| part(x, y).matched);
                // With no lexical evidence both bounds are 0, whatever the lengths say.
                if !worth(scorer.bound_with_length(lexical, 1.0))
                    || (lexical != 0.0 && !worth(scorer.bound_with_length(lexical, scorer.length_agreement(l, r))))
                {
                    return;
                }
            }
            let score = bead_score(scorer, l, r, |x, y| part(x, y).score);
            (score - threshold - penalty, score)
        };
        if before + gain > best.0 {
            *best = (before + gain, shape, score);
        }
    }
}

/// The monotonic pass's cells, row after row, each row holding the columns of its band.
struct Table {
    /// Where each row starts in `value` and `choice`.
    starts: Vec<usize>,
    /// The best Σ (score − threshold) of a chain reaching the cell.
    value: Vec<f64>,
    /// The shape of the chain's last bead, and its score.
    choice: Vec<(u8, f32)>,
}

impl Table {
    fn new(band: &Band) -> Self {
        let mut cells = 0;
        let starts = band
            .rows
            .iter()
            .map(|&(lo, hi)| {
                cells += hi + 1 - lo;
                cells - (hi + 1 - lo)
            })
            .collect();
        Table { starts, value: vec![f64::NEG_INFINITY; cells], choice: vec![(u8::MAX, 0.0); cells] }
    }
}

/// A 2:2 group can hide two crossing pairs, which the monotonic pass cannot express: split it
/// when the crossing pairs each stand on their own and together beat the group.
fn uncross(scorer: &Scorer, beads: Vec<Bead>, t: &Thresholds) -> Vec<Bead> {
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        if let (&[a, b], &[c, d]) = (bead.left.as_slice(), bead.right.as_slice()) {
            let (ad, bc) = (scorer.score(&[a], &[d]), scorer.score(&[b], &[c]));
            let (ac, bd) = (scorer.score(&[a], &[c]), scorer.score(&[b], &[d]));
            if ad.min(bc) >= t.out_of_order && ad + bc > ac + bd && ad + bc - 2.0 * t.in_order > bead.score - t.in_order
            {
                out.push(Bead { left: vec![a], right: vec![d], score: ad });
                out.push(Bead { left: vec![b], right: vec![c], score: bc });
                continue;
            }
        }
        out.push(bead);
    }
    out
}

/// A bead's score, `one(x, y)` being the 1:1 score of `l[x]` with `r[y]`; groups are only scored
/// when one of their 1:1 parts shares evidence, since a group's coverage is the sum of its
/// parts', and when both ends of each side share evidence with the other side (see
/// [`edges_share_evidence`]).
fn bead_score(scorer: &Scorer, l: &[usize], r: &[usize], one: impl Fn(usize, usize) -> f64) -> f64 {
    if l.len() == 1 && r.len() == 1 {
        return one(0, 0);
    }
    let best_part =
        (0..l.len()).flat_map(|x| (0..r.len()).map(move |y| (x, y))).map(|(x, y)| one(x, y)).fold(0.0, f64::max);
    if best_part < GROUP_MIN_PART || !edges_share_evidence(l.len(), r.len(), one) {
        return 0.0;
    }
    scorer.score(l, r)
}

/// Whether the first and the last sentence of each side of a group (of `left` and `right`
/// sentences, `one(x, y)` the 1:1 score of the x-th with the y-th) share evidence with some
/// sentence of the other side. Without this, a group swallows a neighbour that answers nothing
/// (a quote the other version leaves out) whenever the longer group fits the lengths better. A
/// sentence *inside* a group needs no evidence of its own: being sandwiched between sentences
/// that do vouches for it (a short paraphrase such as "All looked up to them.").
fn edges_share_evidence(left: usize, right: usize, one: impl Fn(usize, usize) -> f64) -> bool {
    [0, left - 1].into_iter().all(|x| (0..right).any(|y| one(x, y) > 0.0))
        && [0, right - 1].into_iter().all(|y| (0..left).any(|x| one(x, y) > 0.0))
}

/// A group is only worth scoring when one of its 1:1 parts shows this much evidence: a group's
/// coverage is at most the sum of its parts', and scoring groups is the costly part of the DP.
const GROUP_MIN_PART: f64 = 0.04;

/// Between two consecutive in-order pairs, sentences left on both sides are likely to answer
/// each other even on weak evidence: the position vouches for them. Small gaps get a second
/// monotonic pass with a lower threshold.
fn fill_gaps(scorer: &Scorer, n: usize, m: usize, in_order: &[Bead], beads: &mut Vec<Bead>, t: &Thresholds) {
    let mut used_left = vec![false; n];
    let mut used_right = vec![false; m];
    for b in beads.iter() {
        b.left.iter().for_each(|&i| used_left[i] = true);
        b.right.iter().for_each(|&j| used_right[j] = true);
    }
    let mut bounds: Vec<(usize, usize)> = vec![(0, 0)];
    for b in in_order {
        bounds.push((b.left[0], b.right[0]));
        bounds.push((b.left[b.left.len() - 1] + 1, b.right[b.right.len() - 1] + 1));
    }
    bounds.push((n, m));
    let gaps = bounds.len() / 2;
    for (g, w) in bounds.chunks(2).enumerate() {
        let [(l0, r0), (l1, r1)] = [w[0], w[1]];
        let sandwiched = g > 0 && g + 1 < gaps;
        let ls: Vec<usize> = (l0..l1).filter(|&i| !used_left[i]).collect();
        let rs: Vec<usize> = (r0..r1).filter(|&j| !used_right[j]).collect();
        if ls.is_empty() || rs.is_empty() || ls.len() > t.max_gap || rs.len() > t.max_gap {
            continue;
        }
        let band = Band::full(ls.len(), rs.len());
        let found = monotonic(scorer, &ls, &rs, &band, t.in_gap, t);
        if found.is_empty() && sandwiched && ls.len() == rs.len() && ls.len() <= t.position_gap {
            beads.extend(pair_by_position(scorer, &ls, &rs, t));
            continue;
        }
        beads.extend(found);
    }
}

/// A gap of k sentences a side (k ≤ `position_gap`) between two in-order pairs, with no lexical
/// evidence at all, is k pairs in a row when every pair's lengths agree: in text that keeps its
/// order, position is evidence. Short sentences may stray further in length (see
/// [`Scorer::length_agreement_within`]): "Qui est-ce qui a versé le plus de larmes ?" / "Who cried
/// most?". Either every pair of the gap agrees or none is made.
fn pair_by_position(scorer: &Scorer, ls: &[usize], rs: &[usize], t: &Thresholds) -> Vec<Bead> {
    let lengths: Vec<f64> =
        ls.iter().zip(rs).map(|(&i, &j)| scorer.length_agreement_within(&[i], &[j], t.short_sentence_chars)).collect();
    if lengths.iter().any(|&l| l < t.lone_gap_length) {
        return Vec::new();
    }
    ls.iter()
        .zip(rs)
        .zip(lengths)
        .map(|((&i, &j), l)| Bead { left: vec![i], right: vec![j], score: POSITION_ONLY_SCORE * l })
        .collect()
}

/// The score reported for a pair that only its position and length vouch for.
const POSITION_ONLY_SCORE: f64 = 0.1;

fn leftovers(len: usize, used: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut taken = vec![false; len];
    used.for_each(|i| taken[i] = true);
    (0..len).filter(|&i| !taken[i]).collect()
}

/// Pairs sentences regardless of order when their score is high (moved paragraphs): greedy by
/// score over leftover sentences and over sentences held by a weak pair or group, which a match
/// stronger by `steal_margin` takes over (the partners it frees go back to the later passes: a
/// quote that one version moved must not stay glued to the sentences at its old place).
fn pair_out_of_order(scorer: &Scorer, n: usize, m: usize, beads: &mut Vec<Bead>, t: &Thresholds) {
    let (all_left, all_right): (Vec<usize>, Vec<usize>) = ((0..n).collect(), (0..m).collect());
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, rights) in candidate_lists(scorer.left, &all_left, scorer.right, &all_right, CANDIDATES) {
        for j in rights {
            let s = scorer.score(&[i], &[j]);
            if s >= t.out_of_order {
                candidates.push((s, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut owner_left: Vec<Option<usize>> = vec![None; n];
    let mut owner_right: Vec<Option<usize>> = vec![None; m];
    for (b, bead) in beads.iter().enumerate() {
        bead.left.iter().for_each(|&i| owner_left[i] = Some(b));
        bead.right.iter().for_each(|&j| owner_right[j] = Some(b));
    }
    let mut removed = vec![false; beads.len()];
    for (s, i, j) in candidates {
        let (bi, bj) = (owner_left[i], owner_right[j]);
        if bi.is_some() && bi == bj {
            continue;
        }
        let yields = |b: Option<usize>, beads: &[Bead], removed: &[bool]| match b {
            None => true,
            Some(b) => {
                let bead = &beads[b];
                !removed[b] && bead.score + t.steal_margin <= s
            }
        };
        if !yields(bi, beads, &removed) || !yields(bj, beads, &removed) {
            continue;
        }
        for b in [bi, bj].into_iter().flatten() {
            removed[b] = true;
            beads[b].left.iter().for_each(|&x| owner_left[x] = None);
            beads[b].right.iter().for_each(|&y| owner_right[y] = None);
        }
        owner_left[i] = Some(beads.len());
        owner_right[j] = Some(beads.len());
        beads.push(Bead { left: vec![i], right: vec![j], score: s });
        removed.push(false);
    }
    let mut k = 0;
    beads.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

/// Above this many leftover pairs, only the pairs that share rare keys are scored.
const EXHAUSTIVE_PAIRS: usize = 4096;
/// How many right sentences each left sentence keeps as candidates when the index is used.
const CANDIDATES: usize = 5;
/// A key held by more sentences than `8 + √m` is not followed in the index, and never one held by
/// more than this (√m stops growing at 1,024 sentences): a key that common carries little evidence
/// (its IDF weight says so too), and following it would make each sentence's candidate search
/// grow with the article, the whole search with n√n.
const MAX_POSTINGS: usize = 8 + 32;

/// For each sentence of `ids`, the sentences of `other_ids` (on the other side) worth scoring:
/// all of them for small sets, else the `keep` that share the most weight of rare keys. An
/// inverted index and a bound on the postings followed keep the cost linear: each sentence
/// collects at most (its keys × [`MAX_POSTINGS`]) votes into a dense array, and only the best
/// `keep` of them are sorted.
fn candidate_lists(
    this: &Profiles,
    ids: &[usize],
    other: &Profiles,
    other_ids: &[usize],
    keep: usize,
) -> Vec<(usize, Vec<usize>)> {
    if ids.len() * other_ids.len() <= EXHAUSTIVE_PAIRS {
        return ids.iter().map(|&i| (i, other_ids.to_vec())).collect();
    }
    let cap = (8 + (other_ids.len() as f64).sqrt() as usize).min(MAX_POSTINGS);
    let postings = Postings::new(other, other_ids);
    let mut votes = vec![0f32; other.sentences.len()];
    let mut voted = vec![false; other.sentences.len()];
    let mut touched: Vec<u32> = Vec::new();
    let by_votes = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    ids.iter()
        .map(|&i| {
            for token in &this.sentences[i].tokens {
                for &k in this.token_keys(token) {
                    let list = postings.get(k);
                    if list.len() > cap {
                        continue;
                    }
                    for &(j, _) in list {
                        if !voted[j as usize] {
                            voted[j as usize] = true;
                            touched.push(j);
                        }
                        votes[j as usize] += token.weight;
                    }
                }
            }
            let mut ranked: Vec<(usize, f32)> = touched.iter().map(|&j| (j as usize, votes[j as usize])).collect();
            for j in touched.drain(..) {
                votes[j as usize] = 0.0;
                voted[j as usize] = false;
            }
            if ranked.len() > keep && keep > 0 {
                ranked.select_nth_unstable_by(keep - 1, by_votes);
                ranked.truncate(keep);
            }
            ranked.sort_unstable_by(by_votes);
            (i, ranked.into_iter().take(keep).map(|(j, _)| j).collect())
        })
        .collect()
}

/// Adds a leftover sentence to the bead holding its neighbour when the group scores clearly
/// better with it (a sentence split in two on one side only), or, whatever the score, when the
/// two are one utterance cut in two ("- Ah !" / "murmura-t-elle."): such a fragment has no
/// evidence of its own, and its neighbour's counterpart translates it too.
fn absorb_neighbours(
    scorer: &Scorer,
    n: usize,
    m: usize,
    beads: &mut [Bead],
    continuations: Continuations,
    t: &Thresholds,
) {
    for right_side in [false, true] {
        let len = if right_side { m } else { n };
        let side = |b: &Bead| if right_side { b.right.clone() } else { b.left.clone() };
        let mut owner: HashMap<usize, usize> = HashMap::default();
        for (b, bead) in beads.iter().enumerate() {
            for x in side(bead) {
                owner.insert(x, b);
            }
        }
        // A run of fragments ("- Ah !" / "le mécréant !" / "cria-t-elle") joins whole: one sweep
        // forward carries a pair over the fragments after it, one backward over those before it.
        let mut touched = Vec::new();
        let forward: Vec<(usize, usize)> = (1..len).map(|x| (x, x - 1)).collect();
        let backward: Vec<(usize, usize)> = (0..len.saturating_sub(1)).rev().map(|x| (x, x + 1)).collect();
        for (x, y) in forward.into_iter().chain(backward) {
            if owner.contains_key(&x) || !continuations.tied(right_side, x, y) {
                continue;
            }
            let Some(&b) = owner.get(&y) else { continue };
            let bead = &mut beads[b];
            let group = if right_side { &mut bead.right } else { &mut bead.left };
            group.push(x);
            owner.insert(x, b);
            touched.push(b);
        }
        touched.sort_unstable();
        touched.dedup();
        for b in touched {
            let bead = &mut beads[b];
            bead.left.sort_unstable();
            bead.right.sort_unstable();
            bead.score = scorer.score(&bead.left, &bead.right);
        }
        let left_over = leftovers(len, beads.iter().flat_map(side));
        for x in left_over {
            let neighbours = [x.checked_sub(1), Some(x + 1)];
            let mut best: Option<(f64, usize)> = None;
            for b in neighbours.into_iter().flatten().filter_map(|y| owner.get(&y).copied()) {
                let bead = &beads[b];
                let (mut l, mut r) = (bead.left.clone(), bead.right.clone());
                if right_side {
                    r.push(x);
                    r.sort_unstable();
                } else {
                    l.push(x);
                    l.sort_unstable();
                }
                let s = scorer.score(&l, &r);
                if s >= bead.score + t.absorb_gain && best.is_none_or(|(bs, _)| s > bs) {
                    best = Some((s, b));
                }
            }
            if let Some((s, b)) = best {
                let bead = &mut beads[b];
                if right_side {
                    bead.right.push(x);
                    bead.right.sort_unstable();
                } else {
                    bead.left.push(x);
                    bead.left.sort_unstable();
                }
                bead.score = s;
                owner.insert(x, b);
            }
        }
    }
}

/// A leftover sentence joins a pair, adjacent or not, when it translates part of the pair's other
/// side that the pair's own sentences leave untranslated: the other version merged two sentences
/// that stand apart here (a lede completed further down). Three conditions keep it from pulling in
/// a sentence that merely shares a few words: its own evidence with its counterpart reaches
/// `join_evidence`; what it adds is new (the share of the other side's weight it covers grows by
/// `join_coverage_gain`: news repeat their key facts, and a repeat adds nothing); and the
/// counterpart lies in order with the leftover's own neighbours, i.e. between the partners of the
/// nearest paired sentences before and after it, so that position vouches for the join as well.
/// Candidates come from the inverted index, so the cost stays linear.
fn join_complements(scorer: &Scorer, n: usize, m: usize, beads: &mut [Bead], t: &Thresholds) {
    let parallel = Held::of(beads, t).share(n, m, None, t) >= t.parallel_share;
    for right_side in [false, true] {
        let (len, other_len) = if right_side { (m, n) } else { (n, m) };
        let side = |b: &Bead| if right_side { b.right.clone() } else { b.left.clone() };
        let other = |b: &Bead| if right_side { b.left.clone() } else { b.right.clone() };
        let left_over = leftovers(len, beads.iter().flat_map(side));
        let (mut this_owner, mut other_owner) = (vec![None; len], vec![None; other_len]);
        for (b, bead) in beads.iter().enumerate() {
            side(bead).into_iter().for_each(|x| this_owner[x] = Some(b));
            other(bead).into_iter().for_each(|y| other_owner[y] = Some(b));
        }
        let (before, after) = nearest_paired(&this_owner);
        let (this_profiles, other_profiles) =
            if right_side { (scorer.right, scorer.left) } else { (scorer.left, scorer.right) };
        let all_other: Vec<usize> = (0..other_len).collect();
        for (x, ys) in candidate_lists(this_profiles, &left_over, other_profiles, &all_other, CANDIDATES) {
            let lower = before[x].and_then(|b| other(&beads[b]).into_iter().max()).map_or(0, |y| y + 1);
            let upper = after[x].and_then(|b| other(&beads[b]).into_iter().min()).unwrap_or(other_len);
            // Where the versions are not parallel, position vouches for nothing: the
            // complement may lie anywhere (a lede gathers facts from all over the other version).
            let (lower, upper) = if parallel { (lower, upper) } else { (0, other_len) };
            let mut best: Option<(f64, usize)> = None;
            for y in ys.into_iter().filter(|y| (lower..upper).contains(y)) {
                let Some(b) = other_owner[y] else { continue };
                let own = if right_side { scorer.score(&[y], &[x]) } else { scorer.score(&[x], &[y]) };
                if own < t.join_evidence {
                    continue;
                }
                let bead = &beads[b];
                let mut grown = side(bead);
                grown.push(x);
                grown.sort_unstable();
                let (l, r) = if right_side { (bead.left.clone(), grown) } else { (grown, bead.right.clone()) };
                let gain = scorer.covered_share(&l, &r, right_side)
                    - scorer.covered_share(&bead.left, &bead.right, right_side);
                let s = scorer.score(&l, &r);
                if gain >= t.join_coverage_gain && s >= bead.score * JOIN_KEEP && best.is_none_or(|(bs, _)| s > bs) {
                    best = Some((s, b));
                }
            }
            if let Some((s, b)) = best {
                let bead = &mut beads[b];
                let group = if right_side { &mut bead.right } else { &mut bead.left };
                group.push(x);
                group.sort_unstable();
                bead.score = s;
            }
        }
    }
}

/// Removes the pairs that nothing vouches for: a pair whose raw score is below
/// `refuse_below` (its calibrated score below 0.5) stays only when the position prior holds,
/// that is when the two versions are mostly parallel (at least `parallel_share` of each side's
/// sentences in pairs scoring `parallel_pair` or more) and the pair keeps the order of its
/// neighbours. In comparable text, two sentences each version has alone otherwise pair because
/// they happen to sit at the same place. `beads` must be sorted by their first left sentence.
fn refuse_weak(n: usize, m: usize, beads: &mut Vec<Bead>, t: &Thresholds) {
    if beads.iter().all(|b| b.score >= t.refuse_below) {
        return;
    }
    let held = Held::of(beads, t);
    let keep: Vec<bool> = (0..beads.len())
        .map(|k| {
            let bead = &beads[k];
            if bead.score >= t.refuse_below {
                return true;
            }
            let parallel = held.share(n, m, Some(bead), t) >= t.parallel_share;
            let after_previous = k == 0 || beads[k - 1].right.last() < bead.right.first();
            let before_next = k + 1 == beads.len() || bead.right.last() < beads[k + 1].right.first();
            parallel && after_previous && before_next
        })
        .collect();
    let mut k = 0;
    beads.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// How parallel the two versions are: the sentences of each side held by pairs of raw score
/// `parallel_pair` or more. [`Held::share`] gives the smaller of the two shares.
#[derive(Clone, Copy)]
struct Held {
    left: usize,
    right: usize,
}

impl Held {
    fn of(beads: &[Bead], t: &Thresholds) -> Held {
        let strong = beads.iter().filter(|b| b.score >= t.parallel_pair);
        strong.fold(Held { left: 0, right: 0 }, |h, b| Held {
            left: h.left + b.left.len(),
            right: h.right + b.right.len(),
        })
    }

    /// The share, leaving out `bead` (a pair does not vouch for itself).
    fn share(self, n: usize, m: usize, without: Option<&Bead>, t: &Thresholds) -> f64 {
        let (mut left, mut right) = (self.left, self.right);
        if let Some(b) = without.filter(|b| b.score >= t.parallel_pair) {
            left -= b.left.len();
            right -= b.right.len();
        }
        (left as f64 / n.max(1) as f64).min(right as f64 / m.max(1) as f64)
    }
}

/// The calibrated score of a pair of raw score `raw`: a logistic that is 0.5 at
/// `refuse_below`, rising with the raw score (see `docs/align.md`, "What a score means").
pub fn calibrated(raw: f64, t: &Thresholds) -> f64 {
    1.0 / (1.0 + (-(raw - t.refuse_below) / t.calibration_width).exp())
}

/// A join may cost the pair some score (the leftover brings words of its own), but not more than this share.
const JOIN_KEEP: f64 = 0.8;

/// For each position, the bead of the nearest owned position before it and after it.
fn nearest_paired(owner: &[Option<usize>]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let len = owner.len();
    let (mut before, mut after) = (vec![None; len], vec![None; len]);
    for x in 1..len {
        before[x] = owner[x - 1].or(before[x - 1]);
    }
    for x in (0..len.saturating_sub(1)).rev() {
        after[x] = owner[x + 1].or(after[x + 1]);
    }
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tests::analysis;
    use crate::align::{profile, Weights};
    use crate::bilingual::Lexicon;
    use crate::lang::Lang;

    /// The monotonic pass as first written, without the grid and the ring of columns: each value
    /// through the band, each part computed from scratch.
    fn plain_monotonic(scorer: &Scorer, band: &Band, n: usize, m: usize, threshold: f64, t: &Thresholds) -> Vec<Bead> {
        let value_at = |value: &Vec<Vec<f64>>, i: usize, j: usize| {
            if band.contains(i, j) {
                value[i][j - band.rows[i].0]
            } else {
                f64::NEG_INFINITY
            }
        };
        let width = |i: usize| band.rows[i].1 - band.rows[i].0 + 1;
        let mut value: Vec<Vec<f64>> = (0..=n).map(|i| vec![f64::NEG_INFINITY; width(i)]).collect();
        let mut choice: Vec<Vec<(u8, f32)>> = (0..=n).map(|i| vec![(u8::MAX, 0.0); width(i)]).collect();
        value[0][0] = 0.0;
        for i in 0..=n {
            let (lo, hi) = band.rows[i];
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut best = (f64::NEG_INFINITY, u8::MAX, 0.0f64);
                for (shape, &(di, dj)) in SHAPES.iter().enumerate() {
                    if di > i || dj > j {
                        continue;
                    }
                    let before = value_at(&value, i - di, j - dj);
                    if before == f64::NEG_INFINITY {
                        continue;
                    }
                    let (gain, score) = if di == 0 || dj == 0 {
                        (0.0, 0.0)
                    } else {
                        let (l, r): (Vec<usize>, Vec<usize>) = ((i - di..i).collect(), (j - dj..j).collect());
                        let part = |x: usize, y: usize| scorer.part(l[x], r[y]);
                        let penalty = if di + dj > 2 { t.merge_penalty } else { 0.0 };
                        if di + dj > 2 {
                            let worth = |bound: f64| before + (bound - threshold - penalty) > best.0;
                            let lexical = scorer.lexical_bound(&l, &r, |x, y| part(x, y).matched);
                            if !worth(scorer.bound_with_length(lexical, 1.0))
                                || !worth(scorer.bound_with_length(lexical, scorer.length_agreement(&l, &r)))
                            {
                                continue;
                            }
                        }
                        let score = bead_score(scorer, &l, &r, |x, y| part(x, y).score);
                        (score - threshold - penalty, score)
                    };
                    if before + gain > best.0 {
                        best = (before + gain, shape as u8, score);
                    }
                }
                value[i][j - lo] = best.0;
                choice[i][j - lo] = (best.1, best.2 as f32);
            }
        }
        let mut beads = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (shape, score) = choice[i][j - band.rows[i].0];
            let (di, dj) = SHAPES[shape as usize];
            if di > 0 && dj > 0 {
                beads.push(Bead { left: (i - di..i).collect(), right: (j - dj..j).collect(), score: score as f64 });
            }
            i -= di;
            j -= dj;
        }
        beads.reverse();
        beads
    }

    #[test]
    fn the_dp_finds_the_chain_of_the_plain_dp_within_a_band_and_over_the_whole_matrix() {
        let fr = [
            "Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux.",
            "La ministre de la Santé, Claire Odinot, a demandé une enquête.",
            "Les pirates réclament une rançon de 3 millions d'euros.",
            "Le président a convoqué un conseil de défense jeudi.",
            "Les hôpitaux de Lyon et de Lille ont reporté 200 opérations et Claire Odinot a promis 15 millions d'euros aux hôpitaux.",
            "L'enquête a été confiée au parquet de Paris.",
            "Le parquet a ouvert une information judiciaire.",
            "Elle vise 12 suspects.",
        ];
        let en = [
            "The government announced on Tuesday a cyberattack against 40 hospitals.",
            "Health Minister Claire Odinot has called for an inquiry.",
            "The hackers are demanding a ransom of 3 million euros.",
            "Local weather remained mild all week in the region.",
            "The president called a defence council on Thursday.",
            "Hospitals in Lyon and Lille postponed 200 operations.",
            "Claire Odinot promised 15 million euros to the hospitals.",
            "The Paris prosecutor's office, which opened a judicial inquiry, is in charge of it: it targets 12 suspects.",
        ];
        let (n, m) = (fr.len(), en.len());
        let (left, right) = profile::build(
            &analysis(Lang::Fr, &fr),
            &(0..n).collect::<Vec<_>>(),
            &analysis(Lang::En, &en),
            &(0..m).collect::<Vec<_>>(),
            Lexicon::builtin(),
        );
        let scorer = Scorer::new(&left, &right, Weights::default());
        let t = Thresholds::default();
        let (ls, rs): (Vec<usize>, Vec<usize>) = ((0..n).collect(), (0..m).collect());
        for band in [Band::full(n, m), Band::around(&[], n, m, 1), Band::around(&[(3, 4)], n, m, 2)] {
            for threshold in [t.in_order, t.in_gap] {
                let plain = plain_monotonic(&scorer, &band, n, m, threshold, &t);
                assert_eq!(monotonic(&scorer, &ls, &rs, &band, threshold, &t), plain, "band {:?}", band.rows);
                assert!(plain.len() >= 3, "the test needs a chain of pairs: {plain:?}");
                assert!(plain.iter().any(|b| b.left.len() + b.right.len() > 2), "and groups: {plain:?}");
            }
        }
    }

    #[test]
    fn longest_increasing_keeps_the_ordered_chain() {
        let points = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 9), (5, 3)];
        assert_eq!(longest_increasing(&points), [(0, 0), (2, 1), (3, 2), (5, 3)]);
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn a_group_end_without_evidence_is_refused_but_a_middle_one_is_carried() {
        // Left 0 shares evidence with right 0 and right 2; right 1 shares none.
        let one = |x: usize, y: usize| if x == 0 && y != 1 { 0.5 } else { 0.0 };
        assert!(edges_share_evidence(1, 3, one));
        assert!(!edges_share_evidence(1, 2, one));
        assert!(!edges_share_evidence(2, 1, one));
        // Right 0 and right 2 of a group [left 0] × [right 0, right 2].
        assert!(edges_share_evidence(1, 2, |x, y| one(x, [0, 2][y])));
    }

    #[test]
    fn a_band_stays_reachable_when_anchors_jump() {
        // Left 11 and 12 answer right 11 and 90: the straight line between them leaves a gap.
        let band = Band::around(&[(10, 10), (11, 89)], 20, 100, 3);
        assert!(band.rows.windows(2).all(|w| w[1].0 <= w[0].1 + SHAPE_REACH), "{:?}", band.rows);
        assert!(band.contains(12, 90) && band.contains(20, 100));
    }

    #[test]
    fn band_follows_anchors_and_stays_connected() {
        let band = Band::around(&[(49, 9)], 100, 20, 3);
        assert_eq!(band.rows.len(), 101);
        assert!(band.contains(0, 0) && band.contains(100, 20) && band.contains(50, 10));
        assert!(!band.contains(50, 19));
        assert!(band.rows.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1 && w[1].0 <= w[0].1 + 1));
    }
}
