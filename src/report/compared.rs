//! What every human-readable alignment report shows, gathered once: the two versions, their
//! pairs with scores and divergences, the sentences one version tells alone, in reading order.

use crate::align::{Alignment, Pair};
use crate::analysis::Analysis;
use crate::compare::{Comparison, Divergence, Severity, Side};
use crate::facts::{Fact, FactKind};

/// Two compared versions, ready to render.
pub struct Compared<'a> {
    pub left: &'a Analysis,
    pub right: &'a Analysis,
    pub alignment: &'a Alignment,
    pub comparison: &'a Comparison,
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
    pub fn compared(&self) -> Compared<'_> {
        Compared { left: &self.left, right: &self.right, alignment: &self.alignment, comparison: &self.comparison }
    }
}

impl<'a> Compared<'a> {
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
        for n in self.flagged_pairs() {
            for d in self.divergences(n) {
                let key = flag_key(d);
                match flags.iter_mut().find(|f| f.divergence.severity == d.severity && flag_key(f.divergence) == key) {
                    Some(f) => f.pairs.push(n),
                    None => flags.push(Flag { divergence: d, pairs: vec![n] }),
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

    /// The stable anchor of a pair: its first sentence on each side ("p-l3-r4"), so links
    /// survive a re-run as long as the pair does.
    pub fn anchor(&self, pair: usize) -> String {
        let p = &self.pairs()[pair];
        let first = |s: &[usize]| s.iter().min().map(|i| i.to_string()).unwrap_or_else(|| "x".into());
        format!("p-l{}-r{}", first(&p.left), first(&p.right))
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

    pub(crate) fn with_sample<T>(render: impl Fn(&Compared) -> T) -> T {
        let (fr, en, pairs) = sample();
        let alignment = crate::compare::tests::alignment(&pairs);
        let comparison = compare(&fr, &en, &alignment, &SeverityRules::default());
        render(&Compared { left: &fr, right: &en, alignment: &alignment, comparison: &comparison })
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
            assert_eq!(c.anchor(1), "p-l3-r1");
            assert_eq!(c.tally(), Tally { error: 1, warning: 0, info: 0 });
        });
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
        let c = Compared { left: &fr, right: &en, alignment: &alignment, comparison: &comparison };
        let flags = c.flags();
        assert_eq!(flags.len(), 2, "each divergence once");
        assert_eq!(flags[0].divergence.severity, Severity::Error);
        assert_eq!(flags[0].pairs, [0, 1]);
        assert_eq!(flags[1].divergence.severity, Severity::Info);
        assert_eq!(flags[1].pairs, [0, 1]);
    }
}
