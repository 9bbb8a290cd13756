//! Tests of the assignment.

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
        Lexicon::broad(),
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

fn holders(h: &(Vec<f64>, Vec<f64>)) -> Holders<'_> {
    Holders { left: &h.0, right: &h.1 }
}

#[test]
fn a_group_of_clear_links_stands_and_a_held_rival_does_not_count() {
    // Right 0 and right 2 each tell most of left 0 (news repeat their key facts); right 1
    // tells nothing of it; left 3 tells right 2 as well.
    let fr = [
        "Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux.",
        "Les pirates réclament une rançon de 3 millions d'euros.",
        "Le président a convoqué un conseil de défense jeudi.",
        "Le gouvernement a déclaré mardi qu'une cyberattaque avait touché 40 hôpitaux.",
    ];
    let en = [
        "The government announced a cyberattack against hospitals.",
        "The hackers are demanding a ransom of 3 million euros.",
        "The government said on Tuesday that a cyberattack hit 40 hospitals.",
        "The president called a defence council on Thursday.",
    ];
    let (n, m) = (fr.len(), en.len());
    let build = |n: usize| {
        profile::build(
            &analysis(Lang::Fr, &fr[..n]),
            &(0..n).collect::<Vec<_>>(),
            &analysis(Lang::En, &en),
            &(0..m).collect::<Vec<_>>(),
            Lexicon::broad(),
        )
    };
    let t = Thresholds::default();
    let free = (vec![f64::NEG_INFINITY; n], vec![f64::NEG_INFINITY; m]);
    // Without the left sentence that repeats the minister's request, the lede's group is clear.
    let (left, right) = build(3);
    let scorer = Scorer::new(&left, &right, Weights::default());
    let group = |r: Vec<usize>| Bead { left: vec![0], score: scorer.score(&[0], &r), right: r };
    let standing = Standing::of(&scorer, 3, m);
    assert!(standing.clear_group(&scorer, &group(vec![0, 2]), holders(&free), &t));
    // A sentence carried along without a link of its own is not.
    assert!(!standing.clear_group(&scorer, &group(vec![0, 1]), holders(&free), &t));
    // With it, right 2 has a rival outside the group, unless a stronger pair holds that rival.
    let (left, right) = build(4);
    let scorer = Scorer::new(&left, &right, Weights::default());
    let bead = Bead { left: vec![0], right: vec![0, 2], score: scorer.score(&[0], &[0, 2]) };
    let standing = Standing::of(&scorer, n, m);
    assert!(!standing.clear_group(&scorer, &bead, holders(&free), &t));
    let mut held = free.clone();
    held.0[3] = scorer.score(&[3], &[2]);
    assert!(standing.clear_group(&scorer, &bead, holders(&held), &t));
}

/// Pairs that are themselves too weak to stand do not make two versions parallel: three weak
/// in-order pairs over four sentences a side leave the share at what the one clear pair holds.
#[test]
fn weak_pairs_do_not_vouch_for_parallel_versions() {
    let t = Thresholds::default();
    let bead = |i: usize, score: f64| Bead { left: vec![i], right: vec![i], score };
    let weak = [bead(0, 0.6), bead(1, 0.22), bead(2, 0.21), bead(3, 0.23)];
    let share = Held::of(&weak, &t).share(4, 4, None, &t);
    assert!((share - 0.25).abs() < 1e-12, "{share}");
    assert!(share < t.parallel_share);
    let fair = [bead(0, 0.6), bead(1, 0.26), bead(2, 0.27), bead(3, 0.1)];
    let share = Held::of(&fair, &t).share(4, 4, None, &t);
    assert!((share - 0.75).abs() < 1e-12, "{share}");
    // A pair does not vouch for itself.
    assert!((Held::of(&fair, &t).share(4, 4, Some(&fair[1]), &t) - 0.5).abs() < 1e-12);
}

/// A headline that the lede restates leaves their group against the other version's lede; a
/// sentence that carries facts of its own stays.
#[test]
fn a_group_lets_go_of_a_sentence_that_only_repeats_its_neighbour() {
    let en = ["The mayor of Lyon resigned on Tuesday after a financial scandal."];
    let group_after_dropping = |fr: &[&str]| {
        let (left, right) = profile::build(
            &analysis(Lang::Fr, fr),
            &(0..fr.len()).collect::<Vec<_>>(),
            &analysis(Lang::En, &en),
            &[0],
            Lexicon::broad(),
        );
        let scorer = Scorer::new(&left, &right, Weights::default());
        let mut beads = vec![Bead { left: vec![0, 1], right: vec![0], score: scorer.score(&[0, 1], &[0]) }];
        drop_repeats(&scorer, &mut beads, Continuations::default(), &Thresholds::default());
        beads[0].left.clone()
    };
    let repeat =
        ["Le maire de Lyon a démissionné.", "Le maire de Lyon a démissionné mardi après un scandale financier."];
    assert_eq!(group_after_dropping(&repeat), [1]);
    let merged = ["Le maire de Lyon a démissionné mardi.", "Un scandale financier a précipité son départ."];
    assert_eq!(group_after_dropping(&merged), [0, 1]);
}
