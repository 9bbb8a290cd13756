//! The align stage: which sentence of one version answers which sentence of the other.
//!
//! The two versions are comparable, not parallel: sentences are dropped or added, paragraphs
//! move, two sentences become one, boilerplate sits in between. So alignment scores sentence
//! groups by evidence that crosses languages (`profile`, `similarity`: shared numbers and
//! names, lexicon translations, cognates, length), then finds a global assignment (`assign`)
//! that mostly keeps the order but allows crossings and many-to-one groups, and leaves a
//! sentence unmatched rather than forcing a weak pair. `docs/align.md` describes the model.

mod assign;
mod english_forms;
mod profile;
mod similarity;
pub mod tokens;

pub use assign::Thresholds;
pub use similarity::Weights;

use crate::analysis::Analysis;
use crate::bilingual::Lexicon;
use crate::document::Document;
use std::sync::Arc;

/// Sentences of the left version matched with sentences of the right version.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// Indices into the left `Document::sentences`, ascending.
    pub left: Vec<usize>,
    /// Indices into the right `Document::sentences`, ascending.
    pub right: Vec<usize>,
    /// How likely the match is right, 0..1, calibrated (`docs/align.md`, "What a score means"):
    /// 0.5 is the point below which a pair stands only because the versions are parallel and it
    /// keeps their order, or because its sentences are each other's clear best counterpart;
    /// [`is_confident`] tells the pairs above it.
    pub score: f64,
}

/// Whether a pair's calibrated score says its own evidence makes it more likely right than
/// wrong (score ≥ 0.5), position aside.
pub fn is_confident(score: f64) -> bool {
    score >= 0.5
}

/// The result of aligning two documents: every non-noise sentence is in exactly one pair or in
/// `unmatched`; noise sentences are in neither.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Sorted by their first left sentence.
    pub pairs: Vec<Pair>,
    pub unmatched_left: Vec<usize>,
    pub unmatched_right: Vec<usize>,
}

/// Choices for [`align`].
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {
    /// The French-English lexicon; `None` uses the broad built-in one (`Lexicon::broad`).
    pub lexicon: Option<Arc<Lexicon>>,
    pub weights: Weights,
    pub thresholds: Thresholds,
}

/// Below this many DP cells the assignment searches the whole matrix ([`assign`]), and the
/// scorer keeps the 1:1 scores in a dense matrix ([`similarity`]); above, only a band.
const FULL_SEARCH_CELLS: usize = 160_000;

/// Aligns the sentences of two analysed articles (either language on either side).
pub fn align(left: &Analysis, right: &Analysis, opts: &AlignOptions) -> Alignment {
    let content = |a: &Analysis| a.doc.content_sentences().map(|s| s.index).collect::<Vec<usize>>();
    let (left_content, right_content) = (content(left), content(right));
    let lexicon = opts.lexicon.as_deref().unwrap_or_else(|| Lexicon::broad());
    let (left_profiles, right_profiles) = profile::build(left, &left_content, right, &right_content, lexicon);
    // Only articles with a body tell a headline apart (two lone sentences are not headlines).
    let body = left_content.len() >= HEADLINE_BODY && right_content.len() >= HEADLINE_BODY;
    let (left_opening, right_opening) = (opening(&left.doc, &left_content), opening(&right.doc, &right_content));
    let scorer = similarity::Scorer::new(&left_profiles, &right_profiles, opts.weights).with_headlines(
        body && left_opening == Opening::Headline && right_opening == Opening::Body,
        body && right_opening == Opening::Headline && left_opening == Opening::Body,
    );
    let (left_ties, right_ties) = (continuations(&left.doc, &left_content), continuations(&right.doc, &right_content));
    let ties = assign::Continuations { left: &left_ties, right: &right_ties };
    let beads = assign::assign(&scorer, left_content.len(), right_content.len(), ties, &opts.thresholds);

    let mut used_left = vec![false; left_content.len()];
    let mut used_right = vec![false; right_content.len()];
    let pairs = beads
        .into_iter()
        .map(|bead| {
            bead.left.iter().for_each(|&i| used_left[i] = true);
            bead.right.iter().for_each(|&j| used_right[j] = true);
            Pair {
                left: bead.left.iter().map(|&i| left_content[i]).collect(),
                right: bead.right.iter().map(|&j| right_content[j]).collect(),
                score: assign::calibrated(bead.score, &opts.thresholds).clamp(0.0, 1.0),
            }
        })
        .collect();
    let unused = |content: &[usize], used: &[bool]| {
        content.iter().zip(used).filter(|(_, &u)| !u).map(|(&i, _)| i).collect::<Vec<usize>>()
    };
    Alignment {
        pairs,
        unmatched_left: unused(&left_content, &used_left),
        unmatched_right: unused(&right_content, &used_right),
    }
}

/// How many content sentences each side needs for its first one to count as a headline.
const HEADLINE_BODY: usize = 3;
/// A first sentence alone on its line with more words than this is body text (a lede), not a
/// headline that a translator closed with a period.
const HEADLINE_WORDS: usize = 25;

/// How a version opens (see [`opening`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Opening {
    /// A line of its own without a final stop: "Corus reporte à juin la décision de son dividende".
    Headline,
    /// A sentence that shares its line with the next, or a line of more than `HEADLINE_WORDS` words.
    Body,
    /// A short line of its own that ends with a stop: a headline closed with a period, or a
    /// short paragraph; either may answer a headline.
    Line,
}

fn opening(doc: &Document, content: &[usize]) -> Opening {
    let Some(&first) = content.first() else { return Opening::Line };
    let sentence = &doc.sentences[first];
    let (before, after) = (&doc.text[..sentence.start], &doc.text[sentence.end..]);
    let line_before = before.rsplit('\n').next().is_none_or(|l| l.trim().is_empty());
    let line_after = after.split('\n').next().is_none_or(|l| l.trim().is_empty());
    let text = doc.sentence_text(first);
    if !line_after || text.split_whitespace().nth(HEADLINE_WORDS).is_some() {
        return Opening::Body;
    }
    let bare = text.trim_end().trim_end_matches(['"', '”', '»', ')', '\u{a0}', ' ']);
    if line_before && after.contains('\n') && !bare.ends_with(['.', '!', '?', '…', ':', ';']) {
        Opening::Headline
    } else {
        Opening::Line
    }
}

/// For each content sentence, whether it carries on the sentence right before it: it opens in
/// lower case ("- Ah ! / murmura-t-elle.", cut at a French spaced `!`), or the one before ends
/// with a colon (narration introducing a line of dialogue). Such fragments belong to the pair of
/// their neighbour when they have no pair of their own.
fn continuations(doc: &Document, content: &[usize]) -> Vec<bool> {
    let opens_lower =
        |i: usize| doc.sentence_text(i).chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase);
    let ends_with_colon = |i: usize| doc.sentence_text(i).trim_end().ends_with(':');
    content
        .iter()
        .enumerate()
        .map(|(k, &i)| k > 0 && content[k - 1] + 1 == i && (opens_lower(i) || ends_with_colon(content[k - 1])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Sentence};
    use crate::facts::DocumentFacts;
    use crate::lang::Lang;

    /// An analysis whose sentences are exactly `sentences` (`~` first marks noise).
    pub(crate) fn analysis(lang: Lang, sentences: &[&str]) -> Analysis {
        let mut text = String::new();
        let mut out = Vec::new();
        for (index, s) in sentences.iter().enumerate() {
            let (noise, s) = match s.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, *s),
            };
            let start = text.len();
            text.push_str(s);
            out.push(Sentence { index, start, end: text.len(), noise });
            text.push('\n');
        }
        let doc =
            Document { id: lang.code().into(), text, lang, published: None, title: None, url: None, sentences: out };
        let facts =
            DocumentFacts { facts: Vec::new(), by_sentence: vec![Vec::new(); sentences.len()], cut: Vec::new() };
        Analysis { doc, facts }
    }

    fn pairs(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
        a.pairs.iter().map(|p| (p.left.clone(), p.right.clone())).collect()
    }

    const FR: [&str; 5] = [
        "Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux.",
        "~Publicité",
        "La ministre de la Santé, Claire Odinot, a demandé une enquête.",
        "Les pirates réclament une rançon de 3 millions d'euros.",
        "Le président a convoqué un conseil de défense jeudi.",
    ];
    const EN: [&str; 4] = [
        "The government announced on Tuesday a cyberattack against 40 hospitals.",
        "The hackers are demanding a ransom of 3 million euros.",
        "Health Minister Claire Odinot has called for an inquiry.",
        "Local weather remained mild all week in the region.",
    ];

    #[test]
    fn finds_crossings_and_leaves_noise_and_orphans_out() {
        let a = align(&analysis(Lang::Fr, &FR), &analysis(Lang::En, &EN), &AlignOptions::default());
        assert_eq!(pairs(&a), [(vec![0], vec![0]), (vec![2], vec![2]), (vec![3], vec![1])]);
        assert_eq!(a.unmatched_left, [4]);
        assert_eq!(a.unmatched_right, [3]);
        assert!(a.pairs.iter().all(|p| (0.0..=1.0).contains(&p.score)));
    }

    #[test]
    fn groups_a_sentence_split_in_two() {
        let fr = ["Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux et la ministre Claire Odinot a demandé une enquête."];
        let en = [
            "The government announced on Tuesday a cyberattack against 40 hospitals.",
            "Minister Claire Odinot has called for an inquiry.",
        ];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert_eq!(pairs(&a), [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn a_fragment_cut_off_its_sentence_joins_its_pair() {
        let fr = [
            "Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux.",
            "- Ah !",
            "murmura la ministre Claire Odinot, il faut une enquête.",
        ];
        let en = [
            "The government announced on Tuesday a cyberattack against 40 hospitals.",
            "Well, murmured Minister Claire Odinot, an inquiry is needed.",
        ];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert_eq!(pairs(&a), [(vec![0], vec![0]), (vec![1, 2], vec![1])]);
        assert!(a.unmatched_left.is_empty());
    }

    #[test]
    fn a_gap_without_evidence_between_two_pairs_is_paired_in_order() {
        let fr = [FR[0], "Xyzzy plugh ?", "Quux frobnique gaiement.", FR[3]];
        let en = [EN[0], "Wibble wobble?", "Flarp zonked merrily.", EN[1]];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert_eq!(pairs(&a), [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2]), (vec![3], vec![3])]);
        assert!(!is_confident(a.pairs[1].score), "position alone is worth little: {}", a.pairs[1].score);
    }

    #[test]
    fn a_sentence_completing_a_merged_counterpart_joins_it_out_of_adjacency() {
        let fr = [
            "Le président a convoqué un conseil de défense jeudi.",
            "Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux.",
            "La ministre Claire Odinot a demandé une enquête.",
            "Les pirates réclament une rançon de 3 millions d'euros.",
            "Selon la ministre, les hôpitaux touchés sont situés à Lyon et à Marseille.",
            "Les urgences restent ouvertes.",
        ];
        let en = [
            "The president convened a defence council on Thursday.",
            "Health Minister Claire Odinot has called for an inquiry.",
            "The hackers are demanding a ransom of 3 million euros.",
            "The government announced on Tuesday a cyberattack against 40 hospitals in Lyon and Marseille.",
            "Emergency rooms remain open.",
        ];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert!(pairs(&a).contains(&(vec![1, 4], vec![3])), "{:?}", pairs(&a));
        let no_join = AlignOptions {
            thresholds: Thresholds { join_evidence: 2.0, ..Thresholds::default() },
            ..AlignOptions::default()
        };
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &no_join);
        assert!(a.unmatched_left.contains(&4), "{:?}", pairs(&a));
    }

    #[test]
    fn works_within_one_language_and_in_either_direction() {
        let fr = analysis(Lang::Fr, &FR);
        let en = analysis(Lang::En, &EN);
        let same = align(&fr, &fr, &AlignOptions::default());
        assert_eq!(same.pairs.len(), 4);
        assert!(same.pairs.iter().all(|p| p.left == p.right));
        let swapped = align(&en, &fr, &AlignOptions::default());
        assert!(pairs(&swapped).contains(&(vec![1], vec![3])));
    }

    #[test]
    fn two_lone_sentences_sharing_little_are_refused_whatever_their_position() {
        let fr = ["Le gouvernement a annoncé mardi une cyberattaque contre 40 hôpitaux."];
        let en = ["Local weather remained mild all week in the region, the government said."];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert!(a.pairs.is_empty(), "{:?}", pairs(&a));
        assert_eq!((a.unmatched_left.len(), a.unmatched_right.len()), (1, 1));
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &EN[..1]), &AlignOptions::default());
        assert_eq!(pairs(&a), [(vec![0], vec![0])]);
        assert!(is_confident(a.pairs[0].score), "{}", a.pairs[0].score);
    }

    #[test]
    fn a_clear_mutual_best_stands_below_the_refusal_threshold_only_among_rivals() {
        let fr = [
            "La banque centrale du Nordland a de nouveau abaissé ses taux directeurs.",
            "Le conseil des gouverneurs s'est réuni à Valbourg, loin de son siège habituel.",
            "Les économistes attendaient cette décision depuis plusieurs semaines.",
            "Le chômage a légèrement augmenté au printemps dans les régions côtières.",
        ];
        let en = [
            "Valbourg, (Nordic Wire / Example Press - 5th May, 2031) The central bank of Nordland cut interest \
             rates again Thursday, upping the pace of easing amid slowing prices.",
            "Tourism revenue reached a record in the northern valleys last summer.",
            "Fishing quotas will be reviewed by parliament before the end of the year.",
            "A new bridge over the river opened to traffic after three years of works.",
        ];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert_eq!(pairs(&a), [(vec![0], vec![0])]);
        assert!(!is_confident(a.pairs[0].score), "{}", a.pairs[0].score);
        // The same two sentences alone have no rivals to be ahead of.
        let a = align(&analysis(Lang::Fr, &fr[..1]), &analysis(Lang::En, &en[..1]), &AlignOptions::default());
        assert!(a.pairs.is_empty(), "{:?}", pairs(&a));
    }

    #[test]
    fn one_shared_word_does_not_pair_two_short_sentences_of_comparable_articles() {
        let fr = [
            "Les vendanges ont commencé avec deux semaines d'avance dans la vallée.",
            "Les viticulteurs redoutent une récolte plus faible que prévu.",
            "Le maire a démissionné.",
            "Les prix du raisin devraient augmenter cet automne.",
        ];
        let en = [
            "The ferry service to the islands was suspended for the winter.",
            "Several schools will close early because of the storm.",
            "The mayor laughed.",
            "Fishermen kept their boats in port all week.",
        ];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert!(a.pairs.is_empty(), "{:?}", pairs(&a));
        let lenient = AlignOptions {
            thresholds: Thresholds { lone_keys: 1, ..Thresholds::default() },
            ..AlignOptions::default()
        };
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &lenient);
        assert_eq!(pairs(&a), [(vec![2], vec![2])]);
    }

    #[test]
    fn the_calibrated_score_is_a_half_at_the_refusal_threshold_and_rises_with_evidence() {
        let t = Thresholds::default();
        assert!((assign::calibrated(t.refuse_below, &t) - 0.5).abs() < 1e-12);
        let scores: Vec<f64> = [0.0, 0.1, 0.25, 0.4, 1.0].iter().map(|&raw| assign::calibrated(raw, &t)).collect();
        assert!(scores.windows(2).all(|w| w[0] < w[1]), "{scores:?}");
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    }

    #[test]
    fn a_headline_the_other_version_lacks_stays_unmatched() {
        let fr = ["Cyberattaque contre 40 hôpitaux", FR[0], FR[2], FR[3]];
        let lede = "The government announced on Tuesday a cyberattack against 40 hospitals across the country, \
                    the largest attack of its kind recorded this year, according to officials who spoke to reporters.";
        let en = [lede, EN[2], EN[1]];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert!(a.unmatched_left.contains(&0), "{:?}", pairs(&a));
        assert!(pairs(&a).contains(&(vec![1], vec![0])), "{:?}", pairs(&a));
        // Two headlines answer each other.
        let en = ["Cyberattack against 40 hospitals", lede, EN[2], EN[1]];
        let a = align(&analysis(Lang::Fr, &fr), &analysis(Lang::En, &en), &AlignOptions::default());
        assert!(pairs(&a).contains(&(vec![0], vec![0])), "{:?}", pairs(&a));
    }

    #[test]
    fn empty_side_leaves_everything_unmatched() {
        let a = align(&analysis(Lang::Fr, &FR), &analysis(Lang::En, &[]), &AlignOptions::default());
        assert!(a.pairs.is_empty());
        assert_eq!(a.unmatched_left, [0, 2, 3, 4]);
    }
}
