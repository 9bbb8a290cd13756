//! The document-level comparison: divergences per pair, the sentences one version tells alone
//! (omissions and additions, with their facts), and the fact table that says, for every fact of
//! each version, whether the other version states it.

use super::index::FactIndex;
use super::{
    compare_sides, fact_at, missing_kind, sentence_facts, standing, Confidence, Divergence, DivergenceKind, Evidence,
    PairSide, Severity, SeverityRules, Side, Standing,
};
use crate::align::Alignment;
use crate::analysis::Analysis;
use crate::facts::FactKind;
use crate::relation::Relation;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Everything the reports show beyond the alignment itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// The divergences of each pair, in the alignment's pair order.
    pub pairs: Vec<Vec<Divergence>>,
    /// Content sentences of the left version in no pair.
    pub omissions: Vec<Unpaired>,
    /// Content sentences of the right version in no pair.
    pub additions: Vec<Unpaired>,
    pub facts: FactTable,
    /// What the two versions are to each other, and the evidence.
    pub relation: Relation,
}

/// A content sentence that no sentence of the other version answers, with its facts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unpaired {
    pub sentence: usize,
    /// Indices into that version's facts.
    pub facts: Vec<usize>,
}

/// Every fact of each version (content sentences only), with its standing in the other.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FactTable {
    pub left: Vec<FactRow>,
    pub right: Vec<FactRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactRow {
    /// Index into the version's facts.
    pub fact: usize,
    pub sentence: usize,
    /// The pair that holds the sentence, if it is paired.
    pub pair: Option<usize>,
    pub other: Presence,
}

/// Whether the other version states a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Presence {
    /// In the partner sentences of its pair.
    Partner,
    /// In the other version, but not in the partner sentences (or the sentence is unpaired).
    Elsewhere,
    /// Nowhere in the other version.
    Absent,
}

/// Compares two analysed versions along their alignment. Content sentences in no pair are the
/// omissions (left) and additions (right).
pub fn compare(left: &Analysis, right: &Analysis, alignment: &Alignment, rules: &SeverityRules) -> Comparison {
    let pairs: Vec<(&[usize], &[usize])> = alignment.pairs.iter().map(|p| (&p.left[..], &p.right[..])).collect();
    let pairs = &pairs[..];
    // For each version, the facts (by index) that the partner sentences of their pair state, by
    // the same test the divergences use.
    let mut stated = [vec![false; left.facts.facts.len()], vec![false; right.facts.facts.len()]];
    let mut divergences: Vec<Vec<Divergence>> = pairs
        .iter()
        .map(|(l, r)| {
            let sides = [PairSide::new(left, Side::Left, l), PairSide::new(right, Side::Right, r)];
            compare_sides(&sides, rules, &mut |slot, fact| stated[slot][fact] = true)
        })
        .collect();
    let pair_of = |analysis: &Analysis, side: Side| {
        let mut of = vec![None; analysis.doc.sentences.len()];
        for (n, (l, r)) in pairs.iter().enumerate() {
            for &i in if side == Side::Left { *l } else { *r } {
                if let Some(slot) = of.get_mut(i) {
                    *slot = Some(n);
                }
            }
        }
        of
    };
    let (left_pair, right_pair) = (pair_of(left, Side::Left), pair_of(right, Side::Right));
    let relation = crate::relation::resolve(rules.relation(), left, right, alignment);
    mark_moved([left, right], [&left_pair, &right_pair], &mut divergences, rules, relation.kind);
    mark_consistent_names(&mut divergences, rules);
    let scores: Vec<f64> = alignment.pairs.iter().map(|p| p.score).collect();
    let context = super::grade::Context { sides: [left, right], pairs, scores: &scores, relation: &relation };
    super::grade::grade(&mut divergences, &context, rules);
    let table = FactTable {
        left: fact_rows(left, right, &left_pair, &stated[0]),
        right: fact_rows(right, left, &right_pair, &stated[1]),
    };
    Comparison {
        pairs: divergences,
        omissions: unpaired(left, &left_pair),
        additions: unpaired(right, &right_pair),
        facts: table,
        relation,
    }
}

/// A fact missing from its pair is only *moved* when the other version states it where nothing
/// accounts for it: in a sentence in no pair, or in a pair where it is missing too (the two
/// versions put it in different sentences). Such a fact is not lost, so it takes the severity
/// of the `moved` rule, with a note naming where the other version states it. A fact the other
/// version states in a pair where it does match is still missing here.
fn mark_moved(
    sides: [&Analysis; 2],
    pair_of: [&[Option<usize>]; 2],
    divergences: &mut [Vec<Divergence>],
    rules: &SeverityRules,
    relation: crate::relation::RelationKind,
) {
    let slot = |side: Side| if side == Side::Left { 0 } else { 1 };
    // Every fact a divergence names: (pair, divergence, evidence, side, the fact).
    let mut named = Vec::new();
    for (n, list) in divergences.iter().enumerate() {
        for (k, d) in list.iter().enumerate() {
            if matches!(d.kind, DivergenceKind::QuoteMissing | DivergenceKind::EntityVariant) {
                continue;
            }
            for (x, e) in d.evidence.iter().enumerate() {
                if let Some(fact) = fact_at(sides[slot(e.side)], e.start, e.end) {
                    named.push((n, k, x, e.side, fact));
                }
            }
        }
    }
    // Each side's named facts (tagged with their pair), and the facts of its sentences in no
    // pair (tagged with their sentence), indexed to find the first that agrees with a fact.
    let named_on =
        |side: Side| FactIndex::new(named.iter().filter(|e| e.3 == side).map(|&(m, _, _, _, g)| (m, g)), false);
    let unpaired_on = |s: usize| {
        let analysis = sides[s];
        FactIndex::new(
            analysis
                .doc
                .content_sentences()
                .filter(|x| pair_of[s].get(x.index).copied().flatten().is_none())
                .flat_map(|x| sentence_facts(analysis, x.index).map(move |g| (x.index, g))),
            true,
        )
    };
    let named_index = [named_on(Side::Left), named_on(Side::Right)];
    let unpaired_index = [unpaired_on(0), unpaired_on(1)];
    // Which evidence is moved, with the note saying where the other version states it.
    let mut moved: Vec<(usize, usize, usize, String)> = Vec::new();
    for &(n, k, x, side, fact) in &named {
        if relation == crate::relation::RelationKind::Comparable && super::grade::doer(fact, sides[slot(side)]) {
            continue;
        }
        let other = side.other();
        // a fact moves only where the other version tells as much (a count of the same thing, a
        // date as precise)
        let alike =
            |g: &crate::facts::Fact| super::grade::tells_as_much((fact, sides[slot(side)]), (g, sides[slot(other)]));
        let in_other_pair = named_index[slot(other)].first_agreeing(fact, |m, g| m != n && alike(g));
        let stated_at = in_other_pair
            .map(|(_, g)| sentence_at(sides[slot(other)], g.start))
            .or_else(|| unpaired_index[slot(other)].first_agreeing(fact, |_, g| alike(g)).map(|(s, _)| s));
        if let Some(sentence) = stated_at {
            // the sentence's number as every report view shows it: counted from 1 over the
            // whole article (`report::compared::number`)
            moved.push((n, k, x, format!("stated in {} sentence {}", other.name(), sentence + 1)));
        }
    }
    for (n, list) in divergences.iter_mut().enumerate() {
        if !moved.iter().any(|m| m.0 == n) {
            continue;
        }
        let old = std::mem::take(list);
        for (k, d) in old.into_iter().enumerate() {
            let notes: Vec<(usize, &String)> =
                moved.iter().filter(|m| m.0 == n && m.1 == k).map(|m| (m.2, &m.3)).collect();
            if notes.is_empty() || !mismatch_explained(&d, &notes, sides, pair_of, n) {
                list.push(d);
                continue;
            }
            // A mismatch whose facts were only moved is no mismatch: each side is reported as
            // missing on its own, the moved one at the `moved` severity.
            let kind = missing_kind(d.kind);
            for (x, e) in d.evidence.into_iter().enumerate() {
                let note = notes.iter().find(|(y, _)| *y == x).map(|(_, note)| (*note).clone());
                let severity = match note {
                    Some(_) => rules.moved_severity(kind),
                    None => rules.severity(kind),
                };
                if let Some(severity) = severity {
                    list.push(Divergence { kind, severity, evidence: vec![e], note, confidence: Confidence::Medium });
                }
            }
        }
    }
}

/// Whether a divergence with moved evidence (`notes`) may be split into facts missing on their
/// own. A missing fact always may. A mismatch may only when the fact that did not move is also
/// told elsewhere in the other version (two facts swapped between sentences); otherwise one
/// version replaced a fact that the article repeats elsewhere ("NSA" said again further down)
/// and the pair is a real mismatch.
fn mismatch_explained(
    d: &Divergence,
    notes: &[(usize, &String)],
    sides: [&Analysis; 2],
    pair_of: [&[Option<usize>]; 2],
    pair: usize,
) -> bool {
    if d.evidence.len() < 2 || notes.len() >= d.evidence.len() {
        return true;
    }
    let slot = |side: Side| if side == Side::Left { 0 } else { 1 };
    d.evidence.iter().enumerate().filter(|(x, _)| !notes.iter().any(|(y, _)| y == x)).all(|(_, e)| {
        let (mine, theirs) = (sides[slot(e.side)], sides[slot(e.side.other())]);
        let Some(fact) = fact_at(mine, e.start, e.end) else { return true };
        let own: Vec<usize> = (0..mine.doc.sentences.len())
            .filter(|&i| pair_of[slot(e.side)].get(i).copied().flatten() == Some(pair))
            .collect();
        let elsewhere: Vec<usize> = theirs
            .doc
            .content_sentences()
            .map(|s| s.index)
            .filter(|&i| pair_of[slot(e.side.other())].get(i).copied().flatten() != Some(pair))
            .collect();
        let me = PairSide::new(mine, e.side, &own);
        let other = PairSide::new(theirs, e.side.other(), &elsewhere);
        standing(fact, &me, &other) != Standing::Unmatched
    })
}

/// A name one version leaves unmatched in two pairs or more is how that version names it (the
/// French "Sainte-Croix" is "Holy Cross" all along the English article; "Garde" is never said
/// so): a naming choice, not a change of fact. Such name divergences take the severity of the
/// `consistent` rule, with a note. A changed or dropped name is unmatched in its pair only.
fn mark_consistent_names(divergences: &mut [Vec<Divergence>], rules: &SeverityRules) {
    use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
    let is_name = |d: &Divergence| matches!(d.kind, DivergenceKind::EntityMissing | DivergenceKind::EntityMismatch);
    let key = |e: &Evidence| (e.side, crate::text::fold(&e.value));
    let mut pairs_of: HashMap<(Side, String), HashSet<usize>> = HashMap::default();
    for (n, list) in divergences.iter().enumerate() {
        for d in list.iter().filter(|d| is_name(d) && d.severity > Severity::Info) {
            for e in &d.evidence {
                pairs_of.entry(key(e)).or_default().insert(n);
            }
        }
    }
    let repeated = |e: &Evidence| pairs_of.get(&key(e)).map_or(0, HashSet::len);
    for d in divergences.iter_mut().flatten().filter(|d| is_name(d) && d.severity > Severity::Info) {
        let times = d.evidence.iter().map(repeated).min().unwrap_or(0);
        if times >= 2 {
            if let Some(severity) = rules.consistent_severity(d.kind) {
                d.severity = severity;
                d.note = Some(format!("unmatched in {times} pairs: how the versions name it"));
            }
        }
    }
}

/// The sentence of a document that holds byte `offset`.
fn sentence_at(analysis: &Analysis, offset: usize) -> usize {
    let sentences = &analysis.doc.sentences;
    sentences.iter().find(|s| s.start <= offset && offset < s.end).map_or(0, |s| s.index)
}

fn unpaired(analysis: &Analysis, pair_of: &[Option<usize>]) -> Vec<Unpaired> {
    analysis
        .doc
        .content_sentences()
        .filter(|s| pair_of.get(s.index).copied().flatten().is_none())
        .map(|s| Unpaired { sentence: s.index, facts: fact_ids(analysis, s.index).to_vec() })
        .collect()
}

fn fact_ids(analysis: &Analysis, sentence: usize) -> &[usize] {
    analysis.facts.by_sentence.get(sentence).map(Vec::as_slice).unwrap_or(&[])
}

fn fact_rows(me: &Analysis, other: &Analysis, pair_of: &[Option<usize>], stated: &[bool]) -> Vec<FactRow> {
    // Whether the other version states a fact depends on what the fact says, not where: a name
    // said a hundred times in a novel is looked for once, and among the facts that may agree.
    let mut stating: FxHashMap<(FactKind, &str, &str, Option<&str>), bool> = FxHashMap::default();
    let others = FactIndex::new(
        other.doc.content_sentences().flat_map(|s| sentence_facts(other, s.index).map(move |f| (s.index, f))),
        true,
    );
    let mut rows = Vec::new();
    for sentence in me.doc.content_sentences() {
        let pair = pair_of.get(sentence.index).copied().flatten();
        for &fact in fact_ids(me, sentence.index) {
            let Some(f) = me.facts.facts.get(fact) else { continue };
            let said = (f.kind, f.text.as_str(), f.value.as_str(), f.unit.as_deref());
            let presence = if pair.is_some() && stated.get(fact).copied().unwrap_or(false) {
                Presence::Partner
            } else if *stating.entry(said).or_insert_with(|| others.first_agreeing(f, |_, _| true).is_some()) {
                Presence::Elsewhere
            } else {
                Presence::Absent
            };
            rows.push(FactRow { fact, sentence: sentence.index, pair, other: presence });
        }
    }
    rows
}
