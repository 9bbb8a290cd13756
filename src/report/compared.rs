//! What every human-readable alignment report shows, gathered once: the two versions, their
//! pairs with scores and divergences, the sentences one version tells alone, in reading order.

use crate::align::{Alignment, Pair};
use crate::analysis::Analysis;
use crate::compare::{Comparison, Divergence, Severity, Side};
use crate::document::Document;
use crate::facts::{Fact, FactKind};

/// Two compared versions, ready to render.
pub struct Compared<'a> {
    pub left: &'a Analysis,
    pub right: &'a Analysis,
    pub alignment: &'a Alignment,
    pub comparison: &'a Comparison,
    /// The configuration file whose rules are in force (its path), or `defaults`: every report
    /// names it, so that a stray `newsalign.toml` cannot change a result unseen.
    pub policy: &'a str,
}

/// The number a reader sees for sentence `index` in every view and every note: counted from 1
/// over the whole article as split, boilerplate included, so a sentence keeps its number whether
/// boilerplate is shown or hidden (JSON's `index` is this number minus one).
pub fn number(index: usize) -> usize {
    index + 1
}

/// Where a pair stands against the reading order of the two versions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Placement {
    /// Its order in one version crosses the order of the other (a moved passage): the pair is
    /// outside the longest run of pairs that both versions tell in the same order. The right
    /// sentence that precedes it in its own version, when one does.
    pub moved: Option<Option<usize>>,
    /// Its sentences on one side are not adjacent: a content sentence of that version stands
    /// between two of them (sentences merged from distant places into one cell).
    pub scattered: bool,
}

/// The placement of every pair of `alignment`, in pair order.
pub fn placements(alignment: &Alignment, left: &Document, right: &Document) -> Vec<Placement> {
    let first = |s: &[usize]| s.iter().min().copied().unwrap_or(0);
    let mut order: Vec<usize> = (0..alignment.pairs.len()).collect();
    order.sort_by_key(|&n| (first(&alignment.pairs[n].left), first(&alignment.pairs[n].right)));
    let keys: Vec<usize> = order.iter().map(|&n| first(&alignment.pairs[n].right)).collect();
    let in_order = longest_increasing(&keys);
    let mut out = vec![Placement::default(); alignment.pairs.len()];
    for (k, &n) in order.iter().enumerate() {
        let pair = &alignment.pairs[n];
        if !in_order[k] {
            let at = first(&pair.right);
            let before = right.sentences[..at.min(right.sentences.len())].iter().rev().find(|s| !s.noise);
            out[n].moved = Some(before.map(|s| s.index));
        }
        out[n].scattered = scattered(&pair.left, left) || scattered(&pair.right, right);
    }
    out
}

/// Whether a content sentence of `doc` lies between two of `sentences` (ascending) and is not one of them.
fn scattered(sentences: &[usize], doc: &Document) -> bool {
    sentences.windows(2).any(|w| (w[0] + 1..w[1]).any(|i| doc.sentences.get(i).is_some_and(|s| !s.noise)))
}

/// Marks the members of one longest strictly increasing subsequence of `keys` (patience sorting,
/// O(n log n)); on ties the earliest elements are kept, so the passage marked as moved is the
/// shorter, later one.
fn longest_increasing(keys: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into keys of the smallest tail of each length
    let mut parent: Vec<Option<usize>> = vec![None; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let len = tails.partition_point(|&t| keys[t] < k);
        parent[i] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(i);
        } else {
            tails[len] = i;
        }
    }
    let mut member = vec![false; keys.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        member[i] = true;
        at = parent[i];
    }
    member
}

/// A row of a side-by-side report: a pair, or a sentence one version tells alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Index into the pairs.
    Pair(usize),
    /// A left sentence in no pair.
    Omission(usize),
    /// A right sentence in no pair.
    Addition(usize),
}

/// How many divergences of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Tally {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub fn of<'d>(divergences: impl IntoIterator<Item = &'d Divergence>) -> Tally {
        let mut tally = Tally::default();
        divergences.into_iter().for_each(|d| tally.add(d.severity));
        tally
    }
}

impl crate::pipeline::AlignedPair {
    /// The pair as the human-readable reports take it.
    pub fn compared<'a>(&'a self, policy: &'a str) -> Compared<'a> {
        Compared {
            left: &self.left,
            right: &self.right,
            alignment: &self.alignment,
            comparison: &self.comparison,
            policy,
        }
    }
}

impl<'a> Compared<'a> {
    /// What the two versions are to each other and why, in one line of at most 80 columns:
    /// "translation, detected (95% paired, 95% sure, 83% facts shared)": the share of content
    /// sentences in a pair, of sentences in pairs the aligner is sure of, and of facts whose
    /// value the other version gives. The relation decides how much a one-sided fact weighs, so
    /// every view states it with its evidence.
    pub fn relation_line(&self) -> String {
        let relation = &self.comparison.relation;
        let e = &relation.evidence;
        let percent = |share: f64| (share * 100.0).round() as u32;
        match relation.source {
            crate::relation::RelationSource::Given => format!("{}, given", relation.kind.name()),
            crate::relation::RelationSource::Detected => format!(
                "{}, detected ({}% paired, {}% sure, {}% facts shared)",
                relation.kind.name(),
                percent(e.paired_share),
                percent(e.strong_pair_share),
                percent(e.shared_fact_share)
            ),
        }
    }

    pub fn pairs(&self) -> &'a [Pair] {
        &self.alignment.pairs
    }

    pub fn analysis(&self, side: Side) -> &'a Analysis {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    pub fn divergences(&self, pair: usize) -> &'a [Divergence] {
        self.comparison.pairs.get(pair).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every divergence of the report, counted by severity.
    pub fn tally(&self) -> Tally {
        Tally::of(self.comparison.pairs.iter().flatten())
    }

    /// The pairs that carry at least one divergence, in reading order.
    pub fn flagged_pairs(&self) -> Vec<usize> {
        self.rows()
            .into_iter()
            .filter_map(|row| match row {
                Row::Pair(n) if !self.divergences(n).is_empty() => Some(n),
                _ => None,
            })
            .collect()
    }

    /// Every flag of the report, most severe first (reading order within a severity), with
    /// duplicates merged: the same kind with the same evidence on the same sides ("Chine ≠
    /// China" in three pairs) is one flag naming every pair it stands in.
    pub fn flags(&self) -> Vec<Flag<'a>> {
        let mut flags: Vec<Flag<'a>> = Vec::new();
        // Where each distinct flag stands in `flags`: one look-up a divergence, so that a long
        // article's thousands of flags merge in linear time.
        let mut seen: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
        for n in self.flagged_pairs() {
            for d in self.divergences(n) {
                match seen.entry((d.severity, flag_key(d))) {
                    std::collections::hash_map::Entry::Occupied(at) => flags[*at.get()].pairs.push(n),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(flags.len());
                        flags.push(Flag { divergence: d, pairs: vec![n] });
                    }
                }
            }
        }
        // stable: reading order is kept within a severity
        flags.sort_by_key(|f| std::cmp::Reverse(f.divergence.severity));
        flags
    }

    /// Pairs and unpaired sentences in the order of the left version; a right sentence told
    /// alone comes after the row of the right sentence before it, so that both columns read
    /// top to bottom as far as the alignment allows.
    pub fn rows(&self) -> Vec<Row> {
        let mut keyed: Vec<(usize, usize, Row)> = Vec::new();
        let mut right_key = vec![None; self.right.doc.sentences.len()];
        for (n, pair) in self.pairs().iter().enumerate() {
            let key = pair.left.iter().min().copied().unwrap_or(0);
            keyed.push((key, 0, Row::Pair(n)));
            for &r in &pair.right {
                if let Some(slot) = right_key.get_mut(r) {
                    *slot = Some(key);
                }
            }
        }
        for u in &self.comparison.omissions {
            keyed.push((u.sentence, 0, Row::Omission(u.sentence)));
        }
        for u in &self.comparison.additions {
            let before = right_key[..u.sentence.min(right_key.len())].iter().rev().find_map(|k| *k);
            let key = before.unwrap_or(0);
            keyed.push((key, 1 + u.sentence, Row::Addition(u.sentence)));
            if let Some(slot) = right_key.get_mut(u.sentence) {
                *slot = Some(key);
            }
        }
        keyed.sort_by_key(|(key, sub, _)| (*key, *sub));
        keyed.into_iter().map(|(_, _, row)| row).collect()
    }

    /// The stable anchor of a pair: the numbers of its first sentence on each side ("p-l3-r4"),
    /// so links survive a re-run as long as the pair does.
    pub fn anchor(&self, pair: usize) -> String {
        let p = &self.pairs()[pair];
        let first = |s: &[usize]| s.iter().min().map(|&i| number(i).to_string()).unwrap_or_else(|| "x".into());
        format!("p-l{}-r{}", first(&p.left), first(&p.right))
    }

    /// Where each pair stands against the reading order (see [`placements`]).
    pub fn placements(&self) -> Vec<Placement> {
        placements(self.alignment, &self.left.doc, &self.right.doc)
    }

    /// What a reader should know about where pair `n` stands, one plain-text line each: a moved
    /// passage (its order crosses the other version's) and sentences joined from distant places.
    /// Sentence references read "right sentence 4", as in the notes of the flags.
    pub fn markers(&self, n: usize, placement: Placement) -> Vec<Marker> {
        let mut out = Vec::new();
        if let Some(before) = placement.moved {
            let text = match before {
                Some(b) => format!("the right version tells this after right sentence {}", number(b)),
                None => "the right version opens with this".to_string(),
            };
            out.push(Marker { kind: MarkerKind::Moved, text });
        }
        if placement.scattered {
            let p = &self.pairs()[n];
            let mut parts = Vec::new();
            for (side, list) in [(Side::Left, &p.left), (Side::Right, &p.right)] {
                if scattered(list, &self.analysis(side).doc) {
                    let numbers: Vec<String> = list.iter().map(|&i| number(i).to_string()).collect();
                    parts.push(format!("{} sentences {}", side.name(), join_and(&numbers)));
                }
            }
            let text = format!("{} are not adjacent", parts.join("; "));
            out.push(Marker { kind: MarkerKind::Scattered, text });
        }
        out
    }

    pub fn sentence_text(&self, side: Side, sentence: usize) -> &'a str {
        let doc = &self.analysis(side).doc;
        if sentence < doc.sentences.len() {
            doc.sentence_text(sentence)
        } else {
            ""
        }
    }

    pub fn fact(&self, side: Side, fact: usize) -> Option<&'a Fact> {
        self.analysis(side).facts.facts.get(fact)
    }
}

/// A line about where a pair stands (see [`Compared::markers`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    Moved,
    Scattered,
}

impl MarkerKind {
    /// The word a report shows (and the HTML class).
    pub fn name(self) -> &'static str {
        match self {
            MarkerKind::Moved => "moved",
            MarkerKind::Scattered => "scattered",
        }
    }

    /// The sign shown beside the pair in the text view.
    pub fn sign(self) -> &'static str {
        match self {
            MarkerKind::Moved => "↕",
            MarkerKind::Scattered => "⋮",
        }
    }
}

/// "4", "4 and 9", "4, 9 and 12".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// Every "left sentence 4" / "right sentences 4, 9 and 12" of `text` (already escaped for the
/// target format) with each number replaced by `link(side, index)`: how Markdown and HTML make
/// the sentence references of notes and markers followable.
pub fn link_sentences(text: &str, link: impl Fn(Side, usize, &str) -> String) -> String {
    use std::sync::LazyLock;
    static REFERENCE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\b(left|right) sentences? (\d+(?:(?:, | and )\d+)*)").expect("valid pattern")
    });
    static NUMBER: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"\d+").expect("valid pattern"));
    REFERENCE
        .replace_all(text, |caps: &regex::Captures| {
            let side = if &caps[1] == "left" { Side::Left } else { Side::Right };
            let numbers = NUMBER.replace_all(&caps[2], |n: &regex::Captures| match n[0].parse::<usize>() {
                Ok(k) if k > 0 => link(side, k - 1, &n[0]),
                _ => n[0].to_string(),
            });
            let prefix = &caps[0][..caps[0].len() - caps[2].len()];
            format!("{prefix}{numbers}")
        })
        .into_owned()
}

/// One flag of a report: a divergence, and every pair that holds it (duplicates merged).
#[derive(Clone, Debug)]
pub struct Flag<'a> {
    /// The first of the merged divergences (they differ only in where they stand).
    pub divergence: &'a Divergence,
    /// The pairs holding it, in reading order.
    pub pairs: Vec<usize>,
}

/// What makes two divergences the same flag: kind, and each evidence's side, text and value.
fn flag_key(d: &Divergence) -> (crate::compare::DivergenceKind, Vec<(Side, String, &str)>) {
    (d.kind, d.evidence.iter().map(|e| (e.side, crate::text::one_line(&e.text), e.value.as_str())).collect())
}

/// The report name of a fact kind (`number`, `date`...).
pub fn kind_name(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Number => "number",
        FactKind::Ordinal => "ordinal",
        FactKind::Percent => "percent",
        FactKind::Money => "money",
        FactKind::Quantity => "quantity",
        FactKind::Date => "date",
        FactKind::Entity => "entity",
    }
}

/// One line saying what a divergence is: `left "sept" (7) ≠ right "eight" (8)`.
pub fn describe(divergence: &Divergence) -> String {
    let parts: Vec<String> = divergence
        .evidence
        .iter()
        .map(|e| {
            let text = crate::text::one_line(&e.text);
            let quoted = text.starts_with(['«', '“', '"', '„']);
            let text = if quoted { text } else { format!("“{text}”") };
            if e.value.is_empty() || text.contains(&e.value) {
                format!("{} {text}", e.side.name())
            } else {
                format!("{} {text} ({})", e.side.name(), e.value)
            }
        })
        .collect();
    let mut line = match parts.as_slice() {
        [only] => format!("{only} only"),
        _ => parts.join(" ≠ "),
    };
    if let Some(note) = &divergence.note {
        line.push_str(&format!(" — {note}"));
    }
    line
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::compare::tests::Version;
    use crate::compare::{compare, SeverityRules};
    use crate::lang::Lang;

    type SentencePair = (Vec<usize>, Vec<usize>);

    /// A small pair of versions with one mismatch, one omission and one addition.
    pub(crate) fn sample() -> (Analysis, Analysis, Vec<SentencePair>) {
        let fr = Version::new(
            Lang::Fr,
            &["Sept morts à Paris <lundi>.", "Le maire a parlé.", "Publicité", "« Nous tiendrons bon », dit-il."],
        )
        .num(0, "Sept", "7")
        .name(0, "Paris", "paris")
        .noise(2)
        .done();
        let en =
            Version::new(Lang::En, &["Eight dead in Paris.", "\"We will hold,\" he said.", "An extra line in 2024."])
                .num(0, "Eight", "8")
                .name(0, "Paris", "paris")
                .date(2, "2024", "2024")
                .done();
        (fr, en, vec![(vec![0], vec![0]), (vec![3], vec![1])])
    }

    /// A writer that keeps every piece written to it, to show that a report is written in pieces.
    #[derive(Default)]
    pub(crate) struct Pieces(pub(crate) Vec<String>);

    impl std::fmt::Write for Pieces {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.push(s.to_string());
            Ok(())
        }
    }

    /// Asserts that a report written a piece at a time (`write` into [`Pieces`]) is, joined,
    /// the report made whole, and that it was written in many pieces.
    pub(crate) fn assert_streamed_is_whole(
        write: impl Fn(&Compared, &mut Pieces),
        whole: impl Fn(&Compared) -> String,
    ) {
        let pieces = with_sample(|c| {
            let mut pieces = Pieces::default();
            write(c, &mut pieces);
            pieces.0
        });
        assert!(pieces.len() > 10, "written in pieces");
        assert_eq!(pieces.concat(), with_sample(whole));
    }

    pub(crate) fn with_sample<T>(render: impl Fn(&Compared) -> T) -> T {
        let (fr, en, pairs) = sample();
        let alignment = crate::compare::tests::alignment(&pairs);
        let comparison = compare(&fr, &en, &alignment, &SeverityRules::default());
        render(&Compared { left: &fr, right: &en, alignment: &alignment, comparison: &comparison, policy: "defaults" })
    }

    #[test]
    fn rows_follow_the_left_version_with_additions_after_their_neighbour() {
        let rows = with_sample(|c| c.rows());
        assert_eq!(rows, [Row::Pair(0), Row::Omission(1), Row::Pair(1), Row::Addition(2)]);
    }

    #[test]
    fn describes_mismatch_and_missing() {
        with_sample(|c| {
            assert_eq!(describe(&c.divergences(0)[0]), "left “Sept” (7) ≠ right “Eight” (8)");
            assert_eq!(c.anchor(1), "p-l4-r2");
            assert_eq!(c.tally(), Tally { error: 1, warning: 0, info: 0 });
        });
    }

    #[test]
    fn the_pairs_outside_the_longest_common_order_are_moved() {
        assert_eq!(longest_increasing(&[0, 1, 5, 6, 2, 3, 4]), [true, true, false, false, true, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        assert_eq!(longest_increasing(&[3, 2, 1]).iter().filter(|&&m| m).count(), 1);
    }

    #[test]
    fn placements_mark_crossings_and_pairs_joined_across_a_sentence() {
        let (fr, en, _) = sample();
        // left 0 ↔ right 1 and left 3 ↔ right 0 cross; left 0 and 3 (sentence 1 between) join right 2
        let alignment = crate::compare::tests::alignment(&[(vec![0], vec![1]), (vec![3], vec![0])]);
        let placed = placements(&alignment, &fr.doc, &en.doc);
        assert_eq!(placed.iter().filter(|p| p.moved.is_some()).count(), 1);
        assert!(placed.iter().all(|p| !p.scattered));
        let joined = crate::compare::tests::alignment(&[(vec![0, 3], vec![0])]);
        assert!(placements(&joined, &fr.doc, &en.doc)[0].scattered);
        // only boilerplate (left 2) between left 1 and 3: adjacent as a reader sees them
        let over_noise = crate::compare::tests::alignment(&[(vec![1, 3], vec![1])]);
        assert!(!placements(&over_noise, &fr.doc, &en.doc)[0].scattered);
    }

    #[test]
    fn sentence_references_become_links() {
        let link = |side: Side, index: usize, shown: &str| format!("<{}{index}:{shown}>", side.name());
        assert_eq!(link_sentences("stated in right sentence 12", link), "stated in right sentence <right11:12>");
        assert_eq!(
            link_sentences("left sentences 4, 9 and 12 are not adjacent", link),
            "left sentences <left3:4>, <left8:9> and <left11:12> are not adjacent"
        );
        assert_eq!(
            link_sentences("sentence 0 of nothing; bright sentence 3", link),
            "sentence 0 of nothing; bright sentence 3"
        );
    }

    #[test]
    fn flags_lead_with_the_worst_and_merge_duplicates() {
        let (fr, en, pairs) = sample();
        let alignment = crate::compare::tests::alignment(&pairs);
        let mut comparison = compare(&fr, &en, &alignment, &SeverityRules::default());
        let error = comparison.pairs[0][0].clone();
        let mut info = error.clone();
        info.severity = Severity::Info;
        info.kind = crate::compare::DivergenceKind::EntityVariant;
        comparison.pairs[0].insert(0, info.clone());
        comparison.pairs[1] = vec![info.clone(), error.clone()];
        let c = Compared { left: &fr, right: &en, alignment: &alignment, comparison: &comparison, policy: "defaults" };
        let flags = c.flags();
        assert_eq!(flags.len(), 2, "each divergence once");
        assert_eq!(flags[0].divergence.severity, Severity::Error);
        assert_eq!(flags[0].pairs, [0, 1]);
        assert_eq!(flags[1].divergence.severity, Severity::Info);
        assert_eq!(flags[1].pairs, [0, 1]);
    }
}
