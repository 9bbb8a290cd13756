//! The relation between two versions of a story, read from their alignment: a `translation`
//! (one version is an adaptation of the other, nearly every sentence has a counterpart and the
//! figures are the same) or `comparable` (two independent reports of one event, where facts told
//! by one version only are normal).
//!
//! This stage sits between [`crate::align`] and [`crate::compare`]: it reads the alignment and the
//! facts of both versions, and the comparison weighs one-sided facts and contradictions by it.
//! It is also the one place where the pair score of the aligner is read as evidence
//! ([`pair_strength`]): every decision that depends on how sure a pair is goes through it.

use crate::align::Alignment;
use crate::analysis::Analysis;
use crate::facts::FactKind;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// What the two versions are to each other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// One version is a translation or adaptation of the other.
    Translation,
    /// Two independent reports of the same event.
    #[default]
    Comparable,
}

impl RelationKind {
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::Translation => "translation",
            RelationKind::Comparable => "comparable",
        }
    }
}

/// How the relation is chosen: detected from the alignment, or stated by the user
/// (`--relation`, or `relation` in the `[compare]` table of `newsalign.toml`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RelationChoice {
    #[default]
    Auto,
    Given(RelationKind),
}

impl std::str::FromStr for RelationChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(RelationChoice::Auto),
            "translation" => Ok(RelationChoice::Given(RelationKind::Translation)),
            "comparable" => Ok(RelationChoice::Given(RelationKind::Comparable)),
            other => Err(format!("unknown relation '{other}' (use auto, translation or comparable)")),
        }
    }
}

/// The relation of a pair of versions, and the evidence it was read from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// `detected` from the alignment, or `given` by the user.
    pub source: RelationSource,
    pub evidence: RelationEvidence,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationSource {
    #[default]
    Detected,
    Given,
}

/// What the relation is read from; every share is between 0 and 1.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RelationEvidence {
    /// Share of the content sentences of both versions that are in a pair.
    pub paired_share: f64,
    /// Pairs the aligner is sure of ([`PairStrength::Strong`]), over the content sentences of the
    /// shorter version: near 1 when every sentence has a close counterpart.
    pub strong_pair_share: f64,
    /// Share of the figures, dates and names of both versions whose value the other version
    /// also gives (anywhere): near 1 for a translation.
    pub shared_fact_share: f64,
    /// The weighted vote of the two shares above; `translation` from [`TRANSLATION_FROM`] up.
    pub score: f64,
}

/// How sure the aligner is that a pair's sentences tell the same thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PairStrength {
    /// Perhaps not the same statement at all: a divergence found here says little.
    Weak,
    /// Probably the same statement, told differently.
    Fair,
    /// Clearly the same statement.
    Strong,
}

/// Below this pair score a pair is [`PairStrength::Weak`]: a raw score of about 0.10 through the
/// aligner's calibration (`docs/align.md`, "What a score means"). The strengths are read on the
/// evidence, so they sit at fixed raw scores and follow the calibration when it moves.
pub const WEAK_BELOW: f64 = 0.09;
/// From this pair score up a pair is [`PairStrength::Strong`]: a raw score of about 0.23.
pub const STRONG_FROM: f64 = 0.31;
/// From this vote up the versions are a translation.
pub const TRANSLATION_FROM: f64 = 0.52;

/// The one reading of the aligner's pair score as evidence (every threshold on it is here).
pub fn pair_strength(score: f64) -> PairStrength {
    if score < WEAK_BELOW {
        PairStrength::Weak
    } else if score < STRONG_FROM {
        PairStrength::Fair
    } else {
        PairStrength::Strong
    }
}

/// The relation to use: the user's when given, else detected from the alignment.
pub fn resolve(choice: RelationChoice, left: &Analysis, right: &Analysis, alignment: &Alignment) -> Relation {
    let evidence = evidence(left, right, alignment);
    match choice {
        RelationChoice::Given(kind) => Relation { kind, source: RelationSource::Given, evidence },
        RelationChoice::Auto => {
            let kind =
                if evidence.score >= TRANSLATION_FROM { RelationKind::Translation } else { RelationKind::Comparable };
            Relation { kind, source: RelationSource::Detected, evidence }
        }
    }
}

/// Detects the relation of two aligned versions.
#[cfg(test)]
pub fn detect(left: &Analysis, right: &Analysis, alignment: &Alignment) -> Relation {
    resolve(RelationChoice::Auto, left, right, alignment)
}

fn evidence(left: &Analysis, right: &Analysis, alignment: &Alignment) -> RelationEvidence {
    let content = |a: &Analysis| a.doc.content_sentences().count();
    let (nl, nr) = (content(left), content(right));
    let paired: usize = alignment.pairs.iter().map(|p| p.left.len() + p.right.len()).sum();
    let paired_share = ratio(paired, nl + nr);
    let strong = alignment.pairs.iter().filter(|p| pair_strength(p.score) == PairStrength::Strong).count();
    let strong_pair_share = ratio(strong, nl.min(nr)).min(1.0);
    let (values_l, values_r) = (fact_values(left), fact_values(right));
    let (shared_l, all_l) = shared_facts(&values_l, &values_r);
    let (shared_r, all_r) = shared_facts(&values_r, &values_l);
    let shared_fact_share = ratio(shared_l + shared_r, all_l + all_r);
    let score = round3(0.5 * shared_fact_share + 0.5 * strong_pair_share);
    RelationEvidence {
        paired_share: round3(paired_share),
        strong_pair_share: round3(strong_pair_share),
        shared_fact_share: round3(shared_fact_share),
        score,
    }
}

/// The class a fact's value is compared in: figures with figures, dates with dates, names with names.
fn class(kind: FactKind) -> u8 {
    match kind {
        FactKind::Date => 1,
        FactKind::Entity => 2,
        _ => 0,
    }
}

/// The compared value of every fact of a version's content sentences, each folded once.
fn fact_values(a: &Analysis) -> Vec<(u8, String)> {
    content_facts(a).map(|f| (class(f.kind), crate::text::fold(&f.value))).collect()
}

/// How many of `mine` (one version's fact values) the other version gives too, and of how many.
fn shared_facts(mine: &[(u8, String)], theirs: &[(u8, String)]) -> (usize, usize) {
    let theirs: FxHashSet<&(u8, String)> = theirs.iter().collect();
    (mine.iter().filter(|v| theirs.contains(v)).count(), mine.len())
}

fn content_facts(a: &Analysis) -> impl Iterator<Item = &crate::facts::Fact> {
    a.doc
        .content_sentences()
        .flat_map(|s| a.facts.by_sentence.get(s.index).map(Vec::as_slice).unwrap_or(&[]))
        .filter_map(|&i| a.facts.facts.get(i))
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Pair;
    use crate::article::Article;
    use crate::pipeline::{analyze, Options};

    fn analysis(text: &str, lang: crate::Lang) -> Analysis {
        let article =
            Article { id: "x".into(), origin: "x".into(), text: text.into(), lang: Some(lang), ..Article::default() };
        analyze(article, &Options::default()).unwrap()
    }

    #[test]
    fn strength_reads_the_score_in_one_place() {
        assert_eq!(pair_strength(0.05), PairStrength::Weak);
        assert_eq!(pair_strength(0.3), PairStrength::Fair);
        assert_eq!(pair_strength(0.9), PairStrength::Strong);
    }

    #[test]
    fn close_pairs_with_the_same_figures_are_a_translation() {
        let fr = analysis("Le port a reçu 300 navires en 2023. Le trafic a baissé de 12 %.", crate::Lang::Fr);
        let en = analysis("The port received 300 ships in 2023. Traffic fell by 12%.", crate::Lang::En);
        let alignment = Alignment {
            pairs: vec![
                Pair { left: vec![0], right: vec![0], score: 0.8 },
                Pair { left: vec![1], right: vec![1], score: 0.7 },
            ],
            ..Alignment::default()
        };
        let relation = detect(&fr, &en, &alignment);
        assert_eq!(relation.kind, RelationKind::Translation);
        assert_eq!(relation.source, RelationSource::Detected);
        assert!(relation.evidence.shared_fact_share > 0.9);
    }

    #[test]
    fn loose_pairs_with_other_figures_are_comparable_unless_given() {
        let fr = analysis("Le port a reçu 300 navires en 2023. Le maire a parlé lundi.", crate::Lang::Fr);
        let en = analysis("Officials said 45 ships were delayed. The storm hit in 2019.", crate::Lang::En);
        let alignment = Alignment {
            pairs: vec![Pair { left: vec![0], right: vec![0], score: 0.2 }],
            unmatched_left: vec![1],
            unmatched_right: vec![1],
        };
        assert_eq!(detect(&fr, &en, &alignment).kind, RelationKind::Comparable);
        let given = resolve(RelationChoice::Given(RelationKind::Translation), &fr, &en, &alignment);
        assert_eq!((given.kind, given.source), (RelationKind::Translation, RelationSource::Given));
        assert!("sideways".parse::<RelationChoice>().unwrap_err().contains("auto, translation or comparable"));
    }
}
