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

mod monotonic;
mod repair;
#[cfg(test)]
mod tests;

use monotonic::*;
use repair::*;

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
    /// A sentence at the end of a group's longer side leaves the group when the rest of its side
    /// covers all but less than this share of the weight of the group's one sentence: it only
    /// repeats what its neighbours say (see `drop_repeats`).
    pub repeat_coverage: f64,
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
    /// `parallel_pair` is the raw score from which a sentence pair is at least as likely related as
    /// unrelated on the labelled sentence pairs (the midpoint of the logistic fitted there): weaker
    /// pairs, themselves refused, must not vouch for the order of the others.
    pub parallel_pair: f64,
    pub parallel_share: f64,
    /// In articles of at least three sentences a side, a pair below
    /// `refuse_below` still stands on its own evidence when each of its two sentences is the
    /// other's best counterpart, its raw score is at least `mutual_floor`, the second best of
    /// each sentence scores at most `mutual_ratio` times as much, and the two share at least
    /// `mutual_keys` keys (see `refuse_weak`).
    pub mutual_floor: f64,
    pub mutual_ratio: f64,
    pub mutual_keys: usize,
    /// A 1:1 pair sharing fewer keys than this (one word, one figure) does not stand on its own
    /// evidence whatever its score: only the position prior keeps it.
    pub lone_keys: usize,
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
            repeat_coverage: 0.05,
            short_sentence_chars: 60.0,
            max_gap: 6,
            band: 30,
            refuse_below: 0.3,
            calibration_width: 0.085,
            parallel_pair: 0.25,
            parallel_share: 0.45,
            mutual_floor: 0.2,
            mutual_ratio: 0.8,
            mutual_keys: 3,
            lone_keys: 2,
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
    drop_repeats(scorer, &mut beads, continuations, t);
    beads.sort_by_key(|b| (b.left.first().copied().unwrap_or(usize::MAX), b.right.first().copied()));
    refuse_weak(scorer, n, m, &mut beads, t);
    beads.sort_by_key(|b| (b.left.first().copied().unwrap_or(usize::MAX), b.right.first().copied()));
    beads
}

/// The calibrated score of a pair of raw score `raw`: a logistic that is 0.5 at
/// `refuse_below`, rising with the raw score (see `docs/align.md`, "What a score means").
pub fn calibrated(raw: f64, t: &Thresholds) -> f64 {
    1.0 / (1.0 + (-(raw - t.refuse_below) / t.calibration_width).exp())
}
