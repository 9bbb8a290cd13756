//! The JSON report of `newsalign align`: CONTRACT.md's fields, versioned, with the comparison
//! (divergences per pair, sentences told by one version only, the fact table). The full format
//! is `docs/report.schema.json`; a test validates real output against it.

use crate::align::Alignment;
use crate::analysis::Analysis;
use crate::compare::{Comparison, Divergence, FactRow, Presence, Unpaired};
use crate::document::Document;
use crate::error::InputError;
use crate::facts::Fact;
use crate::lang::Lang;
use crate::pipeline::AlignedPair;
use crate::read::manifest::PairSpec;
use crate::report::compared::Tally;
use serde::Serialize;

/// The report format version: raised only for a change that would break a reader.
pub const VERSION: u32 = 1;

/// The whole report: both documents with their sentences, the pairs and what stayed unmatched.
#[derive(Clone, Debug, Serialize)]
pub struct AlignReport {
    /// The version of the report's layout (`docs/report.schema.json`).
    pub version: u32,
    /// The configuration file whose severity rules are in force, or `defaults`.
    pub policy: String,
    /// The left version: its id, language and sentences.
    pub left: DocumentOut,
    /// The right version.
    pub right: DocumentOut,
    /// The aligned pairs, with their score and divergences.
    pub pairs: Vec<PairOut>,
    /// The sentences of either side in no pair, noise included.
    pub unmatched: Unmatched,
    /// What the two versions are to each other (translation or comparable), with the evidence.
    pub relation: crate::relation::Relation,
    /// Divergences of every pair counted by severity.
    pub summary: Summary,
    /// Left content sentences in no pair, with their facts.
    pub omissions: Vec<UnpairedOut>,
    /// Right content sentences in no pair, with their facts.
    pub additions: Vec<UnpairedOut>,
    /// Every fact of either version, with where the other version states it.
    pub facts: FactTableOut,
}

/// How many divergences of each severity the pairs hold.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Contradictions: the versions give different values for one fact.
    pub error: usize,
    /// Omissions and additions that matter.
    pub warning: usize,
    /// Differences of spelling or of weak evidence.
    pub info: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct UnpairedOut {
    pub sentence: usize,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FactTableOut {
    pub left: Vec<FactRowOut>,
    pub right: Vec<FactRowOut>,
}

/// A fact (CONTRACT.md's FACT fields) with where it stands in the other version.
#[derive(Clone, Debug, Serialize)]
pub struct FactRowOut {
    #[serde(flatten)]
    pub fact: Fact,
    pub sentence: usize,
    pub pair: Option<usize>,
    pub other: Presence,
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentOut {
    pub id: String,
    pub lang: Lang,
    /// `YYYY-MM-DD` or null.
    pub published: Option<String>,
    pub sentences: Vec<SentenceOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SentenceOut {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub noise: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct PairOut {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    /// Rounded to three decimals: more would be noise.
    pub score: f64,
    pub divergences: Vec<Divergence>,
    /// Told in another order by the two versions (a moved passage); absent when not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// Its sentences on one side are not adjacent; absent when not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub scattered: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Unmatched {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

impl DocumentOut {
    pub fn new(doc: &Document) -> Self {
        DocumentOut {
            id: doc.id.clone(),
            lang: doc.lang,
            published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceOut {
                    index: s.index,
                    start: s.start,
                    end: s.end,
                    text: doc.text[s.start..s.end].to_string(),
                    noise: s.noise,
                })
                .collect(),
        }
    }
}

impl AlignReport {
    /// The report of an alignment and of the comparison made along it (`comparison.pairs` in the
    /// same order as `alignment.pairs`), under the rules of `policy` (a path, or `defaults`).
    pub fn new(
        left: &Analysis,
        right: &Analysis,
        alignment: &Alignment,
        comparison: &Comparison,
        policy: &str,
    ) -> Self {
        let tally = Tally::of(comparison.pairs.iter().flatten());
        let placements = super::compared::placements(alignment, &left.doc, &right.doc);
        AlignReport {
            version: VERSION,
            policy: policy.to_string(),
            left: DocumentOut::new(&left.doc),
            right: DocumentOut::new(&right.doc),
            pairs: alignment
                .pairs
                .iter()
                .enumerate()
                .map(|(n, p)| PairOut {
                    left: p.left.clone(),
                    right: p.right.clone(),
                    score: (p.score * 1000.0).round() / 1000.0,
                    divergences: comparison.pairs.get(n).cloned().unwrap_or_default(),
                    moved: placements[n].moved.is_some(),
                    scattered: placements[n].scattered,
                })
                .collect(),
            unmatched: Unmatched { left: alignment.unmatched_left.clone(), right: alignment.unmatched_right.clone() },
            relation: comparison.relation.clone(),
            summary: Summary { error: tally.error, warning: tally.warning, info: tally.info },
            omissions: unpaired_out(left, &comparison.omissions),
            additions: unpaired_out(right, &comparison.additions),
            facts: FactTableOut {
                left: rows_out(left, &comparison.facts.left),
                right: rows_out(right, &comparison.facts.right),
            },
        }
    }

    /// The report of a pair aligned by the pipeline under the rules of `policy`.
    pub fn of(pair: &AlignedPair, policy: &str) -> Self {
        AlignReport::new(&pair.left, &pair.right, &pair.alignment, &pair.comparison, policy)
    }

    /// Pretty-printed JSON with a final newline.
    pub fn to_json(&self) -> String {
        crate::output::json::pretty(self)
    }

    /// [`AlignReport::to_json`] written to `out` as it is made.
    pub fn write_json(&self, out: impl std::io::Write) -> std::io::Result<()> {
        crate::output::json::pretty_to(out, self)
    }
}

/// One line of `newsalign align --pairs MANIFEST --format json`: a pair of the manifest and its
/// report, or why it has none (`docs/align-pairs.schema.json`). Every pair of the manifest gets
/// its line, in manifest order, so a reader can zip the output with the manifest.
#[derive(Clone, Debug, Serialize)]
pub struct PairLine {
    /// The manifest's `id`, else "LEFT <> RIGHT" as the manifest wrote them.
    pub id: String,
    /// The left article's path, resolved against the manifest's folder.
    pub left: String,
    pub right: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<AlignReport>,
    /// The one-line reason (naming the file) when an article could not be read or analysed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl PairLine {
    pub fn new(spec: &PairSpec, outcome: Result<&AlignedPair, &InputError>, policy: &str) -> Self {
        let (report, error) = match outcome {
            Ok(pair) => (Some(AlignReport::of(pair, policy)), None),
            Err(e) => (None, Some(e.to_string())),
        };
        PairLine {
            id: spec.id.clone(),
            left: spec.left.display().to_string(),
            right: spec.right.display().to_string(),
            report,
            error,
        }
    }

    /// Compact JSON on one line, with its newline.
    pub fn to_json_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("plain values serialize");
        line.push('\n');
        line
    }
}

fn unpaired_out(analysis: &Analysis, unpaired: &[Unpaired]) -> Vec<UnpairedOut> {
    let facts = &analysis.facts.facts;
    unpaired
        .iter()
        .map(|u| UnpairedOut {
            sentence: u.sentence,
            facts: u.facts.iter().filter_map(|&f| facts.get(f).cloned()).collect(),
        })
        .collect()
}

fn rows_out(analysis: &Analysis, rows: &[FactRow]) -> Vec<FactRowOut> {
    rows.iter()
        .filter_map(|r| {
            let fact = analysis.facts.facts.get(r.fact)?.clone();
            Some(FactRowOut { fact, sentence: r.sentence, pair: r.pair, other: r.other })
        })
        .collect()
}
