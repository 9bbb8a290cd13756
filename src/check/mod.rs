//! `check`: a CI gate over translated pairs. Each pair is aligned and compared, then judged by a
//! [`policy::Policy`] (read from `newsalign.toml` by [`crate::config`]); a
//! [`baseline::Baseline`] lets already-accepted divergences pass.

pub mod baseline;
pub mod policy;

use crate::analysis::Analysis;
use crate::compare::{Divergence, Evidence, Severity, Side};
use crate::document::Document;
use baseline::Baseline;
use policy::PairPolicy;
use serde::Serialize;
use std::collections::BTreeSet;

/// Where a piece of evidence sits in its file, for annotations (1-based, columns in characters).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub side: Side,
    /// The article's file (or record id when it came from a JSONL corpus).
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// One divergence of a pair, as the check sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub divergence: Divergence,
    pub fingerprint: String,
    pub locations: Vec<Location>,
    /// Accepted by the baseline.
    pub baselined: bool,
    /// Fails the pair under its policy (and is not baselined).
    pub fails: bool,
}

/// An article of a checked pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleInfo {
    pub id: String,
    pub path: String,
    pub lang: crate::lang::Lang,
    pub content_sentences: usize,
    pub unmatched: usize,
}

/// The verdict on one pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairResult {
    pub id: String,
    /// Absent when an article could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<ArticleInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<ArticleInfo>,
    /// The smaller of the two sides' aligned shares of content sentences.
    pub aligned_share: f64,
    /// What the two versions are to each other (translation or comparable reports), with the
    /// evidence it was read from; it decides how much a one-sided fact weighs. Absent when an
    /// article could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<crate::relation::Relation>,
    pub findings: Vec<Finding>,
    /// Why the pair fails (thresholds, failing findings, unreadable input); empty when it passes.
    pub failures: Vec<String>,
    /// An input problem that kept the pair from being checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub failed: bool,
}

impl PairResult {
    /// The worst severity among the findings that are not baselined.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().filter(|f| !f.baselined).map(|f| f.divergence.severity).max()
    }

    /// A pair whose article could not be read; it fails unless `allow_missing`.
    pub fn unreadable(id: &str, error: String, allow_missing: bool) -> PairResult {
        PairResult {
            id: id.to_string(),
            left: None,
            right: None,
            aligned_share: 0.0,
            relation: None,
            findings: Vec::new(),
            failures: if allow_missing { Vec::new() } else { vec![format!("unreadable input: {error}")] },
            error: Some(error),
            failed: !allow_missing,
        }
    }
}

/// What was compared for one pair: the two analyses, their alignment and the divergences found.
pub struct Compared<'a> {
    pub id: &'a str,
    pub left: &'a Analysis,
    pub right: &'a Analysis,
    pub alignment: &'a crate::align::Alignment,
    pub divergences: Vec<Divergence>,
    pub relation: crate::relation::Relation,
    /// The files the articles came from.
    pub left_path: &'a str,
    pub right_path: &'a str,
}

/// Judges one compared pair under its rules and the baseline.
pub fn judge(c: Compared<'_>, rules: &PairPolicy, baseline: Option<&Baseline>) -> PairResult {
    let known = baseline.map(Baseline::fingerprints).unwrap_or_default();
    let side_doc = |side: Side| if side == Side::Left { &c.left.doc } else { &c.right.doc };
    let findings: Vec<Finding> = c
        .divergences
        .into_iter()
        .filter(|d| !rules.ignore.contains(&d.kind))
        .map(|divergence| {
            let fingerprint =
                baseline::fingerprint(c.id, &divergence, |ev: &Evidence| sentence_around(side_doc(ev.side), ev.start));
            let baselined = known.contains(fingerprint.as_str());
            let fails = !baselined && rules.fail_on.fails(divergence.severity);
            let locations = divergence
                .evidence
                .iter()
                .map(|ev| locate(side_doc(ev.side), ev, if ev.side == Side::Left { c.left_path } else { c.right_path }))
                .collect();
            Finding { divergence, fingerprint, locations, baselined, fails }
        })
        .collect();

    let left = article_info(&c.left.doc, c.left_path, &c.alignment.unmatched_left);
    let right = article_info(&c.right.doc, c.right_path, &c.alignment.unmatched_right);
    let share = |a: &ArticleInfo| {
        if a.content_sentences == 0 {
            1.0
        } else {
            (a.content_sentences - a.unmatched) as f64 / a.content_sentences as f64
        }
    };
    let aligned_share = share(&left).min(share(&right));

    let mut failures = Vec::new();
    if left.lang == right.lang {
        // an untranslated copy aligns "100 %" with itself: it is no translation pair
        failures.push(format!(
            "both articles are in {}: check compares an article with its translation in the other language",
            language_name(left.lang)
        ));
    }
    let failing = findings.iter().filter(|f| f.fails).count();
    if failing > 0 {
        failures.push(format!("{failing} divergence(s) at or above the failing severity"));
    }
    if let Some(max) = rules.max_unmatched {
        for a in [&left, &right].into_iter().filter(|a| a.unmatched > max) {
            failures.push(format!("{} unmatched sentences in {} (at most {max} allowed)", a.unmatched, a.path));
        }
    }
    if let Some(min) = rules.min_aligned_share.filter(|min| aligned_share < *min) {
        failures.push(format!("aligned share {aligned_share:.2} is below {min:.2}"));
    }
    PairResult {
        id: c.id.to_string(),
        failed: !failures.is_empty(),
        left: Some(left),
        right: Some(right),
        aligned_share,
        relation: Some(c.relation),
        findings,
        failures,
        error: None,
    }
}

fn language_name(lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::Fr => "French",
        crate::Lang::En => "English",
    }
}

/// Why a corpus gave no translation pair to check, for the one-line error.
fn why_no_pairs(langs: &[crate::Lang], unreadable: usize) -> String {
    let french = langs.iter().filter(|l| **l == crate::Lang::Fr).count();
    let english = langs.len() - french;
    match (langs.len(), french, english) {
        (0, _, _) if unreadable > 0 => format!("no readable article ({unreadable} unreadable): nothing to check"),
        (0, _, _) => "no article found (.txt, .html or .jsonl): nothing to check".to_string(),
        (n, _, 0) | (n, 0, _) => format!(
            "all {n} article(s) are in {}: check needs French articles with their English translations",
            language_name(langs[0])
        ),
        (n, f, e) => {
            format!("no translation pair found among {n} articles ({f} French, {e} English): nothing to check")
        }
    }
}

fn article_info(doc: &Document, path: &str, unmatched: &[usize]) -> ArticleInfo {
    ArticleInfo {
        id: doc.id.clone(),
        path: path.to_string(),
        lang: doc.lang,
        content_sentences: doc.content_sentences().count(),
        unmatched: unmatched.iter().filter(|&&i| !doc.sentences[i].noise).count(),
    }
}

/// The text of the sentence holding byte `at`, or the empty string when none does.
fn sentence_around(doc: &Document, at: usize) -> &str {
    let i = doc.sentences.partition_point(|s| s.end <= at);
    match doc.sentences.get(i) {
        Some(s) if s.start <= at => &doc.text[s.start..s.end],
        _ => "",
    }
}

/// 1-based line and column (in characters) of byte `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn locate(doc: &Document, ev: &Evidence, path: &str) -> Location {
    let (line, column) = line_column(&doc.text, ev.start);
    let (end_line, end_column) = line_column(&doc.text, ev.end);
    Location { side: ev.side, path: path.to_string(), line, column, end_line, end_column }
}

/// Everything a run of `check` needs besides its inputs.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub pipeline: crate::pipeline::Options,
    pub align: crate::align::AlignOptions,
    pub severity: crate::compare::SeverityRules,
    pub policy: policy::Policy,
    pub baseline: Option<Baseline>,
}

/// Aligns, compares and judges two analysed articles.
pub fn check_analyses(
    id: &str,
    left: &Analysis,
    right: &Analysis,
    paths: (&str, &str),
    opts: &CheckOptions,
) -> PairResult {
    let (alignment, comparison) = crate::pipeline::align_and_compare(left, right, &opts.align, &opts.severity);
    let compared = Compared {
        id,
        left,
        right,
        alignment: &alignment,
        divergences: comparison.pairs.into_iter().flatten().collect(),
        relation: comparison.relation,
        left_path: paths.0,
        right_path: paths.1,
    };
    judge(compared, &opts.policy.for_pair(id), opts.baseline.as_ref())
}

/// Reads, aligns, compares and judges one manifest pair. An unreadable article makes an
/// unreadable result rather than an error, so the run goes on.
pub fn check_spec(spec: &crate::read::manifest::PairSpec, opts: &CheckOptions) -> PairResult {
    match spec.analyze(&opts.pipeline) {
        Ok((left, right)) => {
            let paths = (spec.left.display().to_string(), spec.right.display().to_string());
            check_analyses(&spec.id, &left, &right, (&paths.0, &paths.1), opts)
        }
        Err(e) => PairResult::unreadable(&spec.id, e.to_string(), opts.policy.allow_missing),
    }
}

/// Checks every pair of a manifest in parallel; `tick` is called once per finished pair.
pub fn check_specs(
    specs: &[crate::read::manifest::PairSpec],
    opts: &CheckOptions,
    tick: impl Fn() + Sync,
) -> Vec<PairResult> {
    use rayon::prelude::*;
    specs
        .par_iter()
        .map(|spec| {
            let result = check_spec(spec, opts);
            tick();
            result
        })
        .collect()
}

/// Checks a corpus: every article is analysed, dedup pairs its translations, and each
/// translation pair is checked, French on the left. Returns the results and the inputs that
/// could not be read (which the caller reports; the rest of the corpus is still checked); a
/// corpus with no translation pair adds a problem saying why (no article, one language...).
pub fn check_corpus(
    inputs: &[std::path::PathBuf],
    stdin_format: crate::read::StdinFormat,
    opts: &CheckOptions,
) -> (Vec<PairResult>, Vec<crate::InputError>) {
    let mut analyses = Vec::new();
    let mut problems = Vec::new();
    crate::pipeline::process_stream(
        crate::read::read_all_pending(inputs, stdin_format),
        |article| {
            let origin = article.origin.clone();
            crate::pipeline::analyze(article, &opts.pipeline).map(|a| (origin, a))
        },
        |result| match result {
            Ok(found) => analyses.push(found),
            Err(e) => problems.push(e),
        },
    );
    let sketches: Vec<_> = analyses.iter().map(|(_, a)| crate::dedup::sketch(&a.doc, &a.facts)).collect();
    let index: std::collections::HashMap<&str, usize> =
        analyses.iter().enumerate().map(|(i, (_, a))| (a.doc.id.as_str(), i)).collect();
    let report = crate::dedup::find(&sketches, &crate::dedup::Options::default());
    let pairs: Vec<(usize, usize)> = report
        .pairs
        .iter()
        .filter(|p| p.relation == crate::dedup::Relation::Translation)
        .filter_map(|p| Some((*index.get(p.a.as_str())?, *index.get(p.b.as_str())?)))
        .map(|(a, b)| if analyses[a].1.doc.lang == crate::Lang::Fr { (a, b) } else { (b, a) })
        .collect();
    if pairs.is_empty() {
        let langs: Vec<crate::Lang> = analyses.iter().map(|(_, a)| a.doc.lang).collect();
        let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        problems.push(crate::InputError::new(names.join(", "), why_no_pairs(&langs, problems.len())));
    }
    use rayon::prelude::*;
    let results = pairs
        .par_iter()
        .map(|&(l, r)| {
            let ((left_origin, left), (right_origin, right)) = (&analyses[l], &analyses[r]);
            let id = format!("{} <> {}", left.doc.id, right.doc.id);
            let paths = (location_name(left_origin, &left.doc.id), location_name(right_origin, &right.doc.id));
            check_analyses(&id, left, right, (&paths.0, &paths.1), opts)
        })
        .collect();
    (results, problems)
}

/// What annotations point at: the file for an article that is a whole file, else the record id
/// (line numbers inside a JSONL record's text would not be lines of the file).
fn location_name(origin: &str, id: &str) -> String {
    if origin == id {
        origin.to_string()
    } else {
        format!("{origin}#{id}")
    }
}

/// The outcome of a whole run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CheckReport {
    pub pairs: Vec<PairResult>,
    /// Baseline entries that no divergence matched any more: fixed, or the text changed.
    pub stale_baseline: Vec<baseline::Entry>,
    /// The configuration file in force (`config::Config::source_name`): its path, or `defaults`.
    pub policy: String,
}

impl CheckReport {
    /// Builds the report, sorting the worst pairs first and finding stale baseline entries.
    pub fn new(mut pairs: Vec<PairResult>, baseline: Option<&Baseline>) -> CheckReport {
        let seen: BTreeSet<&str> =
            pairs.iter().flat_map(|p| p.findings.iter().map(|f| f.fingerprint.as_str())).collect();
        let stale_baseline = baseline
            .map(|b| b.entries.iter().filter(|e| !seen.contains(e.fingerprint.as_str())).cloned().collect())
            .unwrap_or_default();
        pairs.sort_by(|a, b| {
            let key = |p: &PairResult| {
                (std::cmp::Reverse(p.failed), std::cmp::Reverse(p.worst()), std::cmp::Reverse(p.findings.len()))
            };
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        CheckReport { pairs, stale_baseline, policy: "defaults".to_string() }
    }

    pub fn failed(&self) -> bool {
        self.pairs.iter().any(|p| p.failed)
    }

    /// A baseline accepting every divergence found in this run.
    pub fn to_baseline(&self) -> Baseline {
        let entries = self
            .pairs
            .iter()
            .flat_map(|p| {
                p.findings.iter().map(|f| baseline::Entry {
                    fingerprint: f.fingerprint.clone(),
                    pair: p.id.clone(),
                    kind: f.divergence.kind.name().to_string(),
                    summary: baseline::summary(&f.divergence),
                })
            })
            .collect();
        Baseline { version: baseline::VERSION, entries }
    }

    /// Counts of (not baselined) findings per kind name, for summaries.
    pub fn counts_by_kind(&self) -> std::collections::BTreeMap<String, usize> {
        let mut counts = std::collections::BTreeMap::new();
        for f in self.pairs.iter().flat_map(|p| &p.findings).filter(|f| !f.baselined) {
            *counts.entry(f.divergence.kind.name().to_string()).or_insert(0) += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_why_a_corpus_has_nothing_to_check() {
        use crate::Lang::{En, Fr};
        assert!(why_no_pairs(&[], 0).contains("no article found"));
        assert!(why_no_pairs(&[], 2).contains("no readable article (2 unreadable)"));
        assert!(why_no_pairs(&[Fr, Fr], 0).contains("all 2 article(s) are in French"));
        assert!(why_no_pairs(&[Fr, En, En], 0).contains("1 French, 2 English"));
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "Première ligne\nÉté 2024, sept blessés";
        assert_eq!(line_column(text, 0), (1, 1));
        let at = text.find("sept").unwrap();
        assert_eq!(line_column(text, at), (2, 11));
    }
}
