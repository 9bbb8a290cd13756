//! After the in-order passes: gaps filled, pairs out of order, neighbours absorbed, complements
//! joined and weak pairs refused.

use super::*;

/// Between two consecutive in-order pairs, sentences left on both sides are likely to answer
/// each other even on weak evidence: the position vouches for them. Small gaps get a second
/// monotonic pass with a lower threshold.
pub(super) fn fill_gaps(scorer: &Scorer, n: usize, m: usize, in_order: &[Bead], beads: &mut Vec<Bead>, t: &Thresholds) {
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
pub(super) fn pair_by_position(scorer: &Scorer, ls: &[usize], rs: &[usize], t: &Thresholds) -> Vec<Bead> {
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
pub(super) const POSITION_ONLY_SCORE: f64 = 0.1;

pub(super) fn leftovers(len: usize, used: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut taken = vec![false; len];
    used.for_each(|i| taken[i] = true);
    (0..len).filter(|&i| !taken[i]).collect()
}

/// Pairs sentences regardless of order when their score is high (moved paragraphs): greedy by
/// score over leftover sentences and over sentences held by a weak pair or group, which a match
/// stronger by `steal_margin` takes over (the partners it frees go back to the later passes: a
/// quote that one version moved must not stay glued to the sentences at its old place).
pub(super) fn pair_out_of_order(scorer: &Scorer, n: usize, m: usize, beads: &mut Vec<Bead>, t: &Thresholds) {
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
pub(super) const EXHAUSTIVE_PAIRS: usize = 4096;
/// How many right sentences each left sentence keeps as candidates when the index is used.
pub(super) const CANDIDATES: usize = 5;
/// A key held by more sentences than `8 + √m` is not followed in the index, and never one held by
/// more than this (√m stops growing at 1,024 sentences): a key that common carries little evidence
/// (its IDF weight says so too), and following it would make each sentence's candidate search
/// grow with the article, the whole search with n√n.
pub(super) const MAX_POSTINGS: usize = 8 + 32;

/// For each sentence of `ids`, the sentences of `other_ids` (on the other side) worth scoring:
/// all of them for small sets, else the `keep` that share the most weight of rare keys. An
/// inverted index and a bound on the postings followed keep the cost linear: each sentence
/// collects at most (its keys × [`MAX_POSTINGS`]) votes into a dense array, and only the best
/// `keep` of them are sorted.
pub(super) fn candidate_lists(
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
pub(super) fn absorb_neighbours(
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
pub(super) fn join_complements(scorer: &Scorer, n: usize, m: usize, beads: &mut [Bead], t: &Thresholds) {
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

/// A group of several sentences against one (2:1, 1:3...) lets go of a sentence at either end
/// of its longer side when that sentence only repeats its neighbours: without it, the rest of
/// its side still covers all but less than `repeat_coverage` of the weight of the one sentence.
/// News repeat their key facts (a headline that the lede restates, a summary of the sentence
/// before), and the other version answers the repeat once; the group's score, a share of both
/// sides' weight, still rose with it whenever the lengths then fitted better. A fragment tied to
/// its neighbour ("- Ah !" / "murmura-t-elle") stays: it is one utterance with it.
pub(super) fn drop_repeats(scorer: &Scorer, beads: &mut [Bead], continuations: Continuations, t: &Thresholds) {
    for bead in beads.iter_mut() {
        let right_side = match (bead.left.len(), bead.right.len()) {
            (1, r) if r > 1 => true,
            (l, 1) if l > 1 => false,
            _ => continue,
        };
        let group = if right_side { bead.right.clone() } else { bead.left.clone() };
        let covered = |side: &[usize]| {
            if right_side {
                scorer.covered_share(&bead.left, side, true)
            } else {
                scorer.covered_share(side, &bead.right, false)
            }
        };
        let whole = covered(&group);
        let ends = [(group[0], group[1]), (group[group.len() - 1], group[group.len() - 2])];
        let mut best: Option<(f64, usize)> = None;
        for (x, neighbour) in ends {
            if continuations.tied(right_side, x, neighbour) {
                continue;
            }
            let rest: Vec<usize> = group.iter().copied().filter(|&y| y != x).collect();
            let kept = covered(&rest);
            if kept > whole - t.repeat_coverage && best.is_none_or(|(b, _)| kept > b) {
                best = Some((kept, x));
            }
        }
        if let Some((_, x)) = best {
            let side = if right_side { &mut bead.right } else { &mut bead.left };
            side.retain(|&y| y != x);
            bead.score = scorer.score(&bead.left, &bead.right);
        }
    }
}

/// Removes the pairs that nothing vouches for. A pair stands on its own evidence when its raw
/// score reaches `refuse_below` (its calibrated score 0.5) and, for a 1:1 pair, its sentences
/// share at least `lone_keys` keys: one common word or figure is what any two sentences of a
/// story may share, however short they are. A pair that does not stand on its own stays when
/// the position prior holds, that is when the two versions are mostly parallel (at least
/// `parallel_share` of each side's sentences in pairs scoring `parallel_pair` or more) and the
/// pair keeps the order of its neighbours. In comparable text, two sentences each version has
/// alone otherwise pair because they happen to sit at the same place.
///
/// Competition is evidence too: in articles of at least [`MUTUAL_SENTENCES`] sentences a side, a
/// refused pair or group leaves its best 1:1 part paired when the two sentences are each other's
/// clear best counterpart ([`Standing::clear`]): a lede whose counterpart opens on a dateline, a
/// paraphrase that shares a handful of words, and nothing else comes close on either side.
/// A refused group with no such part stays whole when each of its sentences nearly stands alone
/// with the group's other side and nothing outside the group that is still free competes
/// ([`Standing::clear_group`]): a sentence that one version tells twice, in two places.
/// `beads` must be sorted by their first left sentence.
pub(super) fn refuse_weak(scorer: &Scorer, n: usize, m: usize, beads: &mut Vec<Bead>, t: &Thresholds) {
    let thin =
        |b: &Bead| matches!((&b.left[..], &b.right[..]), (&[i], &[j]) if scorer.shared_count(i, j) < t.lone_keys);
    if beads.iter().all(|b| b.score >= t.refuse_below && !thin(b)) {
        return;
    }
    let held = Held::of(beads, t);
    let standing = (n >= MUTUAL_SENTENCES && m >= MUTUAL_SENTENCES).then(|| Standing::of(scorer, n, m));
    let mut rescued = Vec::new();
    let keep: Vec<bool> = (0..beads.len())
        .map(|k| {
            let bead = &beads[k];
            if bead.score >= t.refuse_below && !thin(bead) {
                return true;
            }
            let parallel = held.share(n, m, Some(bead), t) >= t.parallel_share;
            let after_previous = k == 0 || beads[k - 1].right.last() < bead.right.first();
            let before_next = k + 1 == beads.len() || bead.right.last() < beads[k + 1].right.first();
            if parallel && after_previous && before_next {
                return true;
            }
            let parts = bead.left.iter().flat_map(|&i| bead.right.iter().map(move |&j| (i, j)));
            let clear = parts.filter_map(|(i, j)| standing.as_ref()?.clear(scorer, i, j, t).map(|s| (s, i, j)));
            if let Some((s, i, j)) = clear.max_by(|a, b| a.0.total_cmp(&b.0)) {
                rescued.push(Bead { left: vec![i], right: vec![j], score: s });
            }
            false
        })
        .collect();
    if let Some(standing) = &standing {
        // What the kept beads hold, and how strongly: a rival already held by a pair at least as
        // strong as the rival's own link is no rival.
        let mut held_left = vec![f64::NEG_INFINITY; n];
        let mut held_right = vec![f64::NEG_INFINITY; m];
        for bead in beads.iter().zip(&keep).filter(|(_, &k)| k).map(|(b, _)| b) {
            bead.left.iter().for_each(|&i| held_left[i] = bead.score);
            bead.right.iter().for_each(|&j| held_right[j] = bead.score);
        }
        let held = Holders { left: &held_left, right: &held_right };
        let part_kept = |b: &Bead, rescued: &[Bead]| {
            rescued.iter().any(|r| b.left.contains(&r.left[0]) && b.right.contains(&r.right[0]))
        };
        for (bead, _) in beads.iter().zip(&keep).filter(|(b, &k)| !k && (b.left.len() > 1 || b.right.len() > 1)) {
            if !part_kept(bead, &rescued) && standing.clear_group(scorer, bead, held, t) {
                rescued.push(bead.clone());
            }
        }
    }
    let mut k = 0;
    beads.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    beads.extend(rescued);
}

/// The scores of the kept beads holding each sentence (`NEG_INFINITY` for a free sentence).
#[derive(Clone, Copy)]
pub(super) struct Holders<'a> {
    pub(super) left: &'a [f64],
    pub(super) right: &'a [f64],
}

/// Both sides need this many sentences for a clear best counterpart to count as evidence: with
/// fewer, a sentence has no rivals to be ahead of.
pub(super) const MUTUAL_SENTENCES: usize = 3;

/// Each sentence's best counterpart among its candidates ([`candidate_lists`]), with its score
/// and the score of the second best, on each side.
pub(super) struct Standing {
    left: Vec<Rivals>,
    right: Vec<Rivals>,
    /// Each sentence's candidates with their 1:1 scores.
    candidates_left: Vec<Vec<(usize, f64)>>,
    candidates_right: Vec<Vec<(usize, f64)>>,
}

#[derive(Clone, Copy, Default)]
struct Rivals {
    best: Option<usize>,
    second: f64,
}

impl Standing {
    pub(super) fn of(scorer: &Scorer, n: usize, m: usize) -> Standing {
        let side = |swapped: bool| {
            let (this, other, len, other_len) =
                if swapped { (scorer.right, scorer.left, m, n) } else { (scorer.left, scorer.right, n, m) };
            let ids: Vec<usize> = (0..len).collect();
            let other_ids: Vec<usize> = (0..other_len).collect();
            let score = |i: usize, j: usize| if swapped { scorer.score(&[j], &[i]) } else { scorer.score(&[i], &[j]) };
            candidate_lists(this, &ids, other, &other_ids, CANDIDATES)
                .into_iter()
                .map(|(i, js)| js.into_iter().map(|j| (j, score(i, j))).collect::<Vec<(usize, f64)>>())
                .collect::<Vec<_>>()
        };
        let rivals = |candidates: &Vec<(usize, f64)>| {
            let (mut rivals, mut top) = (Rivals::default(), 0.0);
            for &(j, s) in candidates {
                if s > top {
                    rivals = Rivals { best: Some(j), second: top };
                    top = s;
                } else if s > rivals.second {
                    rivals.second = s;
                }
            }
            rivals
        };
        let (candidates_left, candidates_right) = (side(false), side(true));
        Standing {
            left: candidates_left.iter().map(rivals).collect(),
            right: candidates_right.iter().map(rivals).collect(),
            candidates_left,
            candidates_right,
        }
    }

    /// Whether a refused group stands on its own evidence all the same: its score reaches
    /// `mutual_floor`, its sentences share at least `mutual_keys` keys, each of its sentences
    /// scores with some sentence of the other side of the group at least `mutual_ratio` times the
    /// group's score (each nearly stands alone: the group is the union of clear links, not a
    /// sentence carried along), and no sentence has a counterpart outside the group scoring
    /// more than `mutual_ratio` times the group's score, unless a kept pair at least as strong
    /// already holds that counterpart.
    pub(super) fn clear_group(&self, scorer: &Scorer, b: &Bead, held: Holders, t: &Thresholds) -> bool {
        let limit = t.mutual_ratio * b.score;
        let stands = |candidates: &[(usize, f64)], inside: &[usize], holders: &[f64]| {
            let own = candidates.iter().filter(|(y, _)| inside.contains(y)).map(|&(_, s)| s).fold(0.0, f64::max);
            own >= limit && candidates.iter().all(|&(y, s)| inside.contains(&y) || s <= limit || holders[y] >= s)
        };
        let keys: usize = b.left.iter().flat_map(|&i| b.right.iter().map(move |&j| scorer.shared_count(i, j))).sum();
        b.score >= t.mutual_floor
            && keys >= t.mutual_keys
            && b.left.iter().all(|&i| stands(&self.candidates_left[i], &b.right, held.right))
            && b.right.iter().all(|&j| stands(&self.candidates_right[j], &b.left, held.left))
    }

    /// The raw score of left `i` with right `j` when each is the other's best counterpart, the
    /// score reaches `mutual_floor`, each sentence's second best scores at most `mutual_ratio`
    /// times as much, and the two share at least `mutual_keys` keys.
    pub(super) fn clear(&self, scorer: &Scorer, i: usize, j: usize, t: &Thresholds) -> Option<f64> {
        let (l, r) = (self.left[i], self.right[j]);
        if l.best != Some(j) || r.best != Some(i) {
            return None;
        }
        let s = scorer.score(&[i], &[j]);
        let ahead = s >= t.mutual_floor && l.second.max(r.second) <= t.mutual_ratio * s;
        (ahead && scorer.shared_count(i, j) >= t.mutual_keys).then_some(s)
    }
}

/// How parallel the two versions are: the sentences of each side held by pairs of raw score
/// `parallel_pair` or more. [`Held::share`] gives the smaller of the two shares.
#[derive(Clone, Copy)]
pub(super) struct Held {
    pub(super) left: usize,
    pub(super) right: usize,
}

impl Held {
    pub(super) fn of(beads: &[Bead], t: &Thresholds) -> Held {
        let strong = beads.iter().filter(|b| b.score >= t.parallel_pair);
        strong.fold(Held { left: 0, right: 0 }, |h, b| Held {
            left: h.left + b.left.len(),
            right: h.right + b.right.len(),
        })
    }

    /// The share, leaving out `bead` (a pair does not vouch for itself).
    pub(super) fn share(self, n: usize, m: usize, without: Option<&Bead>, t: &Thresholds) -> f64 {
        let (mut left, mut right) = (self.left, self.right);
        if let Some(b) = without.filter(|b| b.score >= t.parallel_pair) {
            left -= b.left.len();
            right -= b.right.len();
        }
        (left as f64 / n.max(1) as f64).min(right as f64 / m.max(1) as f64)
    }
}

/// A join may cost the pair some score (the leftover brings words of its own), but not more than this share.
pub(super) const JOIN_KEEP: f64 = 0.8;

/// For each position, the bead of the nearest owned position before it and after it.
pub(super) fn nearest_paired(owner: &[Option<usize>]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
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
