//! The in-order passes: anchors, a band around them, and the dynamic programme over bead shapes.

use super::*;

/// For each DP row i (0..=n), the columns [lo, hi] it may use.
pub(super) struct Band {
    pub(super) rows: Vec<(usize, usize)>,
}

impl Band {
    pub(super) fn full(n: usize, m: usize) -> Band {
        Band { rows: vec![(0, m); n + 1] }
    }

    /// Rows follow the straight lines between consecutive anchors, widened by `width`.
    pub(super) fn around(anchors: &[(usize, usize)], n: usize, m: usize, width: usize) -> Band {
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
    pub(super) fn contains(&self, i: usize, j: usize) -> bool {
        let (lo, hi) = self.rows[i];
        lo <= j && j <= hi
    }
}

/// Confident 1:1 matches in increasing order on both sides (a longest increasing subsequence of
/// mutual best candidates), found through an inverted index so the cost stays near-linear.
pub(super) fn anchors(scorer: &Scorer, n: usize, m: usize) -> Vec<(usize, usize)> {
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
pub(super) fn best_candidates(scorer: &Scorer, n: usize, m: usize, swapped: bool) -> Vec<Option<(usize, f64)>> {
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
pub(super) fn longest_increasing(points: &[(usize, usize)]) -> Vec<(usize, usize)> {
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
pub(super) const SHAPES: [(usize, usize); 8] = [(1, 0), (0, 1), (1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)];

/// The best monotonic chain of beads within the band, maximizing Σ (score − threshold).
pub(super) fn monotonic(
    scorer: &Scorer,
    ls: &[usize],
    rs: &[usize],
    band: &Band,
    threshold: f64,
    t: &Thresholds,
) -> Vec<Bead> {
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
pub(super) struct Earlier<'a> {
    pub(super) lo: usize,
    pub(super) values: &'a [f64],
    pub(super) start: usize,
    pub(super) parts: &'a [Part],
}

/// Columns left of column 0 count down from usize::MAX: less a row's first column or first right
/// position, they stay far beyond the row's end, so the look-ups below need no other test.
impl Earlier<'_> {
    /// The value of the row's cell in column j, minus infinity outside the band.
    pub(super) fn value(&self, j: usize) -> f64 {
        self.values.get(j.wrapping_sub(self.lo)).copied().unwrap_or(f64::NEG_INFINITY)
    }

    /// The part of the row's left sentence with right position j; none outside the grid, where
    /// no bead the DP considers reaches.
    pub(super) fn part(&self, j: usize) -> Part {
        self.parts.get(j.wrapping_sub(self.start)).copied().unwrap_or_default()
    }
}

/// What the beads ending at cell (i, j) start from: the last four columns of row i up to j, in
/// a ring (column c in `columns[c % 4]`, columns left of 0 counting down from usize::MAX), each
/// holding the values of the cells of rows i − a and the parts of the a-th last left sentence
/// of the prefix with the column's right sentence. Each cell so reads three values and three
/// parts, where its beads use eight values and fourteen parts.
#[derive(Default)]
pub(super) struct Around {
    pub(super) columns: [Column; 4],
}

#[derive(Clone, Copy, Default)]
pub(super) struct Column {
    /// `value[a]`: the value of cell (i − a, c); `value[0]` is set once the cell is done.
    pub(super) value: [f64; 4],
    /// `parts[a]` (a ≥ 1): the part of left sentence i − a with right sentence c.
    pub(super) parts: [Part; 4],
}

impl Around {
    /// Reads column `c` of the `earlier` rows.
    #[inline(always)]
    pub(super) fn enter(&mut self, earlier: &[Earlier; 4], c: usize) {
        let column = self.column(c);
        column.value[0] = f64::NEG_INFINITY;
        for (a, row) in earlier.iter().enumerate().skip(1) {
            column.value[a] = row.value(c);
            column.parts[a] = row.part(c);
        }
    }

    #[inline(always)]
    pub(super) fn column(&mut self, c: usize) -> &mut Column {
        &mut self.columns[c % 4]
    }
}

/// What filling a cell of one monotonic pass needs.
pub(super) struct Pass<'a, 's> {
    pub(super) scorer: &'a Scorer<'s>,
    pub(super) ls: &'a [usize],
    pub(super) rs: &'a [usize],
    pub(super) threshold: f64,
    pub(super) t: &'a Thresholds,
}

// `Pass::best` names each shape of `SHAPES` once.
const _: () = assert!(SHAPES.len() == 8);

impl Pass<'_, '_> {
    /// The best chain ending at cell (i, j): its value, the shape of its last bead, that bead's score.
    pub(super) fn best(&self, i: usize, j: usize, around: &Around) -> (f64, u8, f64) {
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
    pub(super) fn consider<const DI: usize, const DJ: usize>(
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
pub(super) struct Table {
    /// Where each row starts in `value` and `choice`.
    pub(super) starts: Vec<usize>,
    /// The best Σ (score − threshold) of a chain reaching the cell.
    pub(super) value: Vec<f64>,
    /// The shape of the chain's last bead, and its score.
    pub(super) choice: Vec<(u8, f32)>,
}

impl Table {
    pub(super) fn new(band: &Band) -> Self {
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
pub(super) fn uncross(scorer: &Scorer, beads: Vec<Bead>, t: &Thresholds) -> Vec<Bead> {
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
pub(super) fn bead_score(scorer: &Scorer, l: &[usize], r: &[usize], one: impl Fn(usize, usize) -> f64) -> f64 {
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
pub(super) fn edges_share_evidence(left: usize, right: usize, one: impl Fn(usize, usize) -> f64) -> bool {
    [0, left - 1].into_iter().all(|x| (0..right).any(|y| one(x, y) > 0.0))
        && [0, right - 1].into_iter().all(|y| (0..left).any(|x| one(x, y) > 0.0))
}

/// A group is only worth scoring when one of its 1:1 parts shows this much evidence: a group's
/// coverage is at most the sum of its parts', and scoring groups is the costly part of the DP.
pub(super) const GROUP_MIN_PART: f64 = 0.04;
