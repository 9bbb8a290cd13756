//! The compare stage: where two aligned versions disagree on a number, a date or a name.
//!
//! These types are the interface between alignment, the reports and `check`. For each aligned
//! pair, the facts of one side are looked up on the other side with the equivalences of
//! [`equiv`]; a fact with no counterpart is *missing*, and a missing fact on each side of the
//! same class makes a *mismatch* (7 vs 8). Before a fact is called missing, it gets every chance
//! to be present: in the other side's facts, in the other side's text (an extractor can miss a
//! figure), as the rounding of a figure, as a unit conversion in parentheses. Precision matters
//! as much as recall: a reader stops trusting a report that cries wolf.

pub mod equiv;
mod grade;
mod index;
pub mod severity;
mod table;

use crate::analysis::Analysis;
use crate::facts::{Fact, FactKind, MAX_FACTS_PER_SENTENCE};
use crate::lang::Lang;
use equiv::Class;
use serde::{Deserialize, Serialize};
pub use severity::SeverityRules;
pub use table::{compare, Comparison, FactRow, FactTable, Presence, Unpaired};

/// Which version a piece of evidence comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// How much a divergence matters. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What kind of disagreement was found (CONTRACT.md names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceKind {
    NumberMismatch,
    NumberMissing,
    DateMismatch,
    DateMissing,
    EntityMismatch,
    EntityMissing,
    EntityVariant,
    QuoteMissing,
}

/// The kind of a fact missing on one side, from a mismatch or missing kind of its class.
fn missing_kind(kind: DivergenceKind) -> DivergenceKind {
    match kind {
        DivergenceKind::NumberMismatch => DivergenceKind::NumberMissing,
        DivergenceKind::DateMismatch => DivergenceKind::DateMissing,
        DivergenceKind::EntityMismatch => DivergenceKind::EntityMissing,
        other => other,
    }
}

impl DivergenceKind {
    pub const ALL: [DivergenceKind; 8] = [
        DivergenceKind::NumberMismatch,
        DivergenceKind::NumberMissing,
        DivergenceKind::DateMismatch,
        DivergenceKind::DateMissing,
        DivergenceKind::EntityMismatch,
        DivergenceKind::EntityMissing,
        DivergenceKind::EntityVariant,
        DivergenceKind::QuoteMissing,
    ];

    /// The name used in reports and rules (`number_mismatch`).
    pub fn name(self) -> &'static str {
        match self {
            DivergenceKind::NumberMismatch => "number_mismatch",
            DivergenceKind::NumberMissing => "number_missing",
            DivergenceKind::DateMismatch => "date_mismatch",
            DivergenceKind::DateMissing => "date_missing",
            DivergenceKind::EntityMismatch => "entity_mismatch",
            DivergenceKind::EntityMissing => "entity_missing",
            DivergenceKind::EntityVariant => "entity_variant",
            DivergenceKind::QuoteMissing => "quote_missing",
        }
    }

    pub fn from_name(name: &str) -> Option<DivergenceKind> {
        DivergenceKind::ALL.into_iter().find(|k| k.name() == name)
    }

    fn missing(class: Class) -> DivergenceKind {
        match class {
            Class::Number => DivergenceKind::NumberMissing,
            Class::Date => DivergenceKind::DateMissing,
            Class::Entity => DivergenceKind::EntityMissing,
        }
    }

    fn mismatch(class: Class) -> DivergenceKind {
        match class {
            Class::Number => DivergenceKind::NumberMismatch,
            Class::Date => DivergenceKind::DateMismatch,
            Class::Entity => DivergenceKind::EntityMismatch,
        }
    }
}

/// One place of a divergence: a span of one version's text and its normalized value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub side: Side,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: String,
}

/// A disagreement inside an aligned pair. A fact on one side only has evidence on that side only;
/// a mismatch has evidence on both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Divergence {
    pub kind: DivergenceKind,
    pub severity: Severity,
    pub evidence: Vec<Evidence>,
    /// Why, in a few words, when the kind alone does not say it ("stated in right sentence 12",
    /// numbered from 1 as the reports show sentences).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How sure the comparison is of this divergence: the strength of the pair it was found in,
    /// lowered where the facts themselves are uncertain.
    #[serde(default)]
    pub confidence: Confidence,
}

/// How sure a divergence is: `high` in a pair that clearly tells the same thing with the two
/// facts in the same slot, `low` where the pair or the fact is doubtful.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    #[default]
    Medium,
    High,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// One aligned pair, as sentence indices of each version.
#[derive(Clone, Copy, Debug)]
pub struct PairRef<'a> {
    pub left: &'a [usize],
    pub right: &'a [usize],
}

/// The divergences of one aligned pair.
pub fn compare_pair(
    left: &Analysis,
    right: &Analysis,
    pair: &crate::align::Pair,
    rules: &SeverityRules,
) -> Vec<Divergence> {
    compare_sentences(left, right, PairRef { left: &pair.left, right: &pair.right }, rules)
}

/// The divergences of one group of left sentences against one group of right sentences.
pub fn compare_sentences(left: &Analysis, right: &Analysis, pair: PairRef, rules: &SeverityRules) -> Vec<Divergence> {
    let sides = [PairSide::new(left, Side::Left, pair.left), PairSide::new(right, Side::Right, pair.right)];
    compare_sides(&sides, rules, &mut |_, _| {})
}

/// The divergences of the two sides of a pair. `stated(slot, fact)` hears of every fact (by
/// side slot and index into that version's facts) that the other side states: the fact table
/// asks the same question of every pair, and asking it twice cost as much as the divergences.
fn compare_sides(
    sides: &[PairSide; 2],
    rules: &SeverityRules,
    stated: &mut impl FnMut(usize, usize),
) -> Vec<Divergence> {
    let over = sides.iter().any(|s| s.facts.len() > MAX_PAIR_FACTS);
    let mut out = if over {
        // Looking every fact up among the other side's is quadratic: two unpunctuated 1 MB
        // "sentences" took minutes. Such a pair compares its first facts only, and says so.
        let capped = [sides[0].capped(), sides[1].capped()];
        compare_all_facts(&capped, rules, stated)
    } else {
        compare_all_facts(sides, rules, stated)
    };
    let mut notes = Vec::new();
    if over {
        notes.push(format!("pair too long to compare in full: only the first {MAX_PAIR_FACTS} facts of each side"));
    }
    if sides.iter().any(|s| s.sentences.iter().any(|i| s.analysis.facts.cut.contains(i))) {
        notes.push(format!(
            "a sentence holds more than {MAX_FACTS_PER_SENTENCE} facts: only its first {MAX_FACTS_PER_SENTENCE} were read"
        ));
    }
    for note in notes {
        for d in &mut out {
            d.note = Some(d.note.take().map_or_else(|| note.clone(), |n| format!("{n}; {note}")));
        }
    }
    out
}

/// The most facts of one side of a pair that are compared (ordinary pairs hold a few dozen).
pub const MAX_PAIR_FACTS: usize = 500;

/// The most text of one side (a pair's sentences, or a whole version) in which a fact of the
/// other side is looked for when no fact matches it. Its words take about ten times its bytes;
/// an article is a few kilobytes, a novel a megabyte, a 200 MB single-line text is read up to here.
pub const MAX_VIEW_BYTES: usize = 4 << 20;

/// The first fact of `analysis` at exactly `start..end`. The facts stage sorts facts by their
/// span, so a binary search finds it; facts made some other way are searched in full.
fn fact_at(analysis: &Analysis, start: usize, end: usize) -> Option<&Fact> {
    let facts = &analysis.facts.facts;
    let first = facts.partition_point(|f| (f.start, f.end) < (start, end));
    let at = |f: &&Fact| f.start == start && f.end == end;
    facts.get(first).filter(at).or_else(|| facts.iter().find(at))
}

fn compare_all_facts(
    sides: &[PairSide; 2],
    rules: &SeverityRules,
    stated: &mut impl FnMut(usize, usize),
) -> Vec<Divergence> {
    let mut out = Vec::new();
    for class in [Class::Number, Class::Date, Class::Entity] {
        out.extend(compare_class(sides, class, rules, stated));
    }
    out.extend(compare_quotes(sides, rules));
    out
}

/// One side of a pair: its sentences, their facts and their text.
struct PairSide<'a> {
    analysis: &'a Analysis,
    side: Side,
    /// The pair's sentences of this side (valid indices only).
    sentences: Vec<usize>,
    facts: Vec<&'a Fact>,
    /// The index of each of `facts` into the version's facts.
    fact_ids: Vec<usize>,
    /// The pair's sentences of this side, joined and prepared for look-ups of the other side's
    /// facts; made on first use, as a pair whose facts all agree never looks at its text.
    view: std::cell::OnceCell<equiv::TextView>,
}

impl<'a> PairSide<'a> {
    fn new(analysis: &'a Analysis, side: Side, sentences: &[usize]) -> Self {
        let doc = &analysis.doc;
        let sentences: Vec<usize> = sentences.iter().copied().filter(|&i| i < doc.sentences.len()).collect();
        let (fact_ids, facts) = sentences
            .iter()
            .flat_map(|&i| fact_ids_of(analysis, i))
            .filter_map(|&id| analysis.facts.facts.get(id).map(|f| (id, f)))
            .unzip();
        PairSide { analysis, side, sentences, facts, fact_ids, view: std::cell::OnceCell::new() }
    }

    /// The side with its first [`MAX_PAIR_FACTS`] facts only.
    fn capped(&self) -> PairSide<'a> {
        let n = self.facts.len().min(MAX_PAIR_FACTS);
        PairSide {
            analysis: self.analysis,
            side: self.side,
            sentences: self.sentences.clone(),
            facts: self.facts[..n].to_vec(),
            fact_ids: self.fact_ids[..n].to_vec(),
            view: std::cell::OnceCell::new(),
        }
    }

    /// The text of the side's sentences, joined by a space, prepared for look-ups.
    fn view(&self) -> &equiv::TextView {
        self.view.get_or_init(|| {
            let doc = &self.analysis.doc;
            let mut joined = String::new();
            for (n, &i) in self.sentences.iter().enumerate() {
                if n > 0 {
                    joined.push(' ');
                }
                let room = MAX_VIEW_BYTES.saturating_sub(joined.len());
                joined.push_str(crate::text::prefix_at_char_boundary(doc.sentence_text(i), room));
                if joined.len() >= MAX_VIEW_BYTES {
                    break;
                }
            }
            equiv::TextView::new(joined, doc.lang)
        })
    }
}

/// The indices of the facts of one sentence (none for an unknown index).
fn fact_ids_of(analysis: &Analysis, sentence: usize) -> &[usize] {
    analysis.facts.by_sentence.get(sentence).map(Vec::as_slice).unwrap_or(&[])
}

/// The facts of one sentence (none for an unknown index).
fn sentence_facts(analysis: &Analysis, sentence: usize) -> impl Iterator<Item = &Fact> {
    fact_ids_of(analysis, sentence).iter().filter_map(|&i| analysis.facts.facts.get(i))
}

/// Whether `fact` agrees with `other` (a fact of the other version). It reads what the facts say
/// (kind, text, value), never where they are: the fact table looks each saying up once.
fn agrees(fact: &Fact, other: &Fact) -> bool {
    match equiv::class_of_fact(fact) {
        Class::Number => equiv::number_agrees(fact, other),
        Class::Date => equiv::date_agrees(fact, other),
        Class::Entity => equiv::entities_agree(fact, other),
    }
}

/// Whether a fact of no agreeing counterpart among the other side's facts is still plainly
/// stated in the other side's text (an extractor can miss a figure, a "1950s", a name).
fn stated_in_text(fact: &Fact, me: &PairSide, other: &PairSide) -> bool {
    let view = other.view();
    match equiv::class_of_fact(fact) {
        Class::Number => {
            equiv::numeric(fact).is_some_and(|v| {
                let same = |d: &f64| equiv::same_number(v, *d);
                view.digits().iter().any(same)
                    || view.implied().iter().any(same)
                    || view.number_words().iter().any(same)
            }) || equiv::one_told_by_article(fact, view)
        }
        Class::Date => {
            // a decade ("the 1980s") may be written with two digits ("les années 80")
            let decade = fact.value.len() == 3;
            let written = |n: f64| view.digits().iter().any(|d| d.trunc() == n || (decade && d.trunc() == n % 100.0));
            let figures = equiv::date_digits(&fact.value);
            (!figures.is_empty() && figures.into_iter().all(written))
                || equiv::month_of(&fact.value).is_some_and(|(year, month)| {
                    view.months().contains(&month) && year.is_none_or(|y| written(f64::from(y)))
                })
        }
        Class::Entity => equiv::name_written_in(fact, me.analysis.doc.lang, view),
    }
}

/// A fact that says nothing comparable: a number inside a name ("Covid-19", "l'université de
/// Trente"), "un"/"one" as an article, a vague "des centaines"/"thousands"/"a hundred metres",
/// a fraction or an ordinal in words ("une demi-heure", "premier ministre", "first time"), a
/// decade ("les années 80"), a one-letter "name", a name that is a common word.
fn not_comparable(fact: &Fact, side: &PairSide) -> bool {
    let in_words = written_in_words(fact);
    let doc = &side.analysis.doc;
    match equiv::class_of_fact(fact) {
        Class::Number => {
            equiv::part_of_name(&doc.text, fact)
                || (in_words && (fact.kind == FactKind::Ordinal || equiv::numeric(fact) == Some(1.0)))
                || (in_words && (equiv::vague_quantity(fact) || equiv::round_in_words(fact)))
                || (in_words && equiv::numeric(fact).is_some_and(|v| v.abs() < 1.0))
                || (in_words && capitalized_inside_sentence(fact, side))
                || equiv::decade_number(&doc.text, fact)
                || equiv::clock_time(&doc.text, fact)
        }
        Class::Date => equiv::date_without_content(fact) || equiv::weekday_without_date(&doc.text, fact),
        Class::Entity => {
            fact.text.chars().filter(|c| c.is_alphanumeric()).count() < 3
                || equiv::common_word_name(fact, side.analysis.doc.lang)
                || equiv::acronym_after_its_name(&doc.text, fact)
                || equiv::party_tag(fact)
        }
    }
}

/// A figure in words that a translation may well rephrase away: "deux"/"two" (twice, twins,
/// both, a pair) or a figure in words that counts no noun. "quinze ans", "trois millions",
/// "four percent" are facts like figures in digits.
fn rephrased_in_words(fact: &Fact, side: &PairSide) -> bool {
    written_in_words(fact)
        && (equiv::numeric(fact).is_none_or(|v| v.abs() < 3.0)
            || (fact.kind == FactKind::Number && grade::counted_noun(fact, &side.analysis.doc.text).is_none()))
}

/// A fact written with no digit ("deux", "a half", "trente").
fn written_in_words(fact: &Fact) -> bool {
    !fact.text.chars().any(|c| c.is_ascii_digit())
}

/// A fact whose first letter is a capital away from the start of its sentence: a name, as the
/// "Trente" of "l'université de Trente".
fn capitalized_inside_sentence(fact: &Fact, side: &PairSide) -> bool {
    let doc = &side.analysis.doc;
    let capital = fact.text.chars().next().is_some_and(char::is_uppercase);
    let at_start = doc.sentences.iter().any(|s| {
        s.start <= fact.start && fact.start < s.end && !doc.text[s.start..fact.start].chars().any(char::is_alphanumeric)
    });
    capital && !at_start
}

/// Where a fact of one side stands against the other side of its pair.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Standing<'a> {
    /// Stated on the other side too.
    Present,
    /// The same name spelled differently on the other side.
    Variant(&'a Fact),
    /// Not on the other side.
    Unmatched,
}

fn standing<'a>(fact: &Fact, me: &PairSide, other: &PairSide<'a>) -> Standing<'a> {
    if not_comparable(fact, me) {
        return Standing::Present;
    }
    let mut agreeing = other.facts.iter().filter(|o| agrees(fact, o)).peekable();
    if equiv::class_of_fact(fact) == Class::Entity {
        let agreeing: Vec<&&Fact> = agreeing.collect();
        if !agreeing.is_empty() {
            let same_surface = agreeing.iter().any(|o| !equiv::spelling_variant(fact, o));
            return if same_surface { Standing::Present } else { Standing::Variant(agreeing[0]) };
        }
    } else if agreeing.peek().is_some() {
        return Standing::Present;
    }
    standing_unmatched(fact, me, other)
}

/// [`standing`] of a comparable fact that no fact of `other` agrees with: a name may still be
/// told by a longer form or a variant, any fact in the text.
fn standing_unmatched<'a>(fact: &Fact, me: &PairSide, other: &PairSide<'a>) -> Standing<'a> {
    if equiv::class_of_fact(fact) == Class::Entity {
        let lang = me.analysis.doc.lang;
        if other.facts.iter().any(|o| {
            o.kind == FactKind::Entity
                && equiv::longer_form(fact, o)
                && equiv::rest_of_name_told(fact, o, lang, other.view())
        }) {
            return Standing::Present;
        }
        if let Some(similar) = other
            .facts
            .iter()
            .find(|o| o.kind == FactKind::Entity && (equiv::similar_names(fact, o) || equiv::other_spelling(fact, o)))
        {
            return Standing::Variant(similar);
        }
    }
    if stated_in_text(fact, me, other) {
        Standing::Present
    } else {
        Standing::Unmatched
    }
}

fn compare_class(
    sides: &[PairSide; 2],
    class: Class,
    rules: &SeverityRules,
    stated: &mut impl FnMut(usize, usize),
) -> Vec<Divergence> {
    let mut out = Vec::new();
    let mut unmatched: [Vec<&Fact>; 2] = [Vec::new(), Vec::new()];
    for (me, other, slot) in [(0, 1, 0), (1, 0, 1)] {
        let (me, other) = (&sides[me], &sides[other]);
        for (&fact, &id) in me.facts.iter().zip(&me.fact_ids).filter(|(f, _)| equiv::class_of_fact(f) == class) {
            match standing(fact, me, other) {
                Standing::Present => stated(slot, id),
                Standing::Variant(o) => {
                    stated(slot, id);
                    if me.side == Side::Left {
                        out.extend(variant(fact, o, rules));
                    }
                }
                Standing::Unmatched => unmatched[slot].push(fact),
            }
        }
    }
    for (slot, facts) in unmatched.iter_mut().enumerate() {
        let conversions: Vec<bool> = facts.iter().map(|f| is_unit_conversion(f, &sides[slot], facts)).collect();
        remove_flagged(facts, conversions);
    }
    if class == Class::Number {
        drop_roundings(&mut unmatched);
    }
    if class == Class::Entity {
        let langs = [sides[0].analysis.doc.lang, sides[1].analysis.doc.lang];
        out.extend(near_spellings(&mut unmatched, langs, rules));
    }
    mismatches_and_missing(sides, class, &unmatched, rules, out)
}

fn variant(left: &Fact, right: &Fact, rules: &SeverityRules) -> Option<Divergence> {
    let kind = DivergenceKind::EntityVariant;
    Some(Divergence {
        kind,
        severity: rules.severity(kind)?,
        evidence: vec![evidence(Side::Left, left), evidence(Side::Right, right)],
        note: None,
        confidence: Confidence::Medium,
    })
}

/// Pairs the unmatched facts of each side into mismatches, in text order (facts of the same
/// kind and unit first: 7 km vs 8 km before 7 km vs 8 %); what is left is missing.
fn mismatches_and_missing(
    sides: &[PairSide; 2],
    class: Class,
    unmatched: &[Vec<&Fact>; 2],
    rules: &SeverityRules,
    mut out: Vec<Divergence>,
) -> Vec<Divergence> {
    let mut used = [vec![false; unmatched[0].len()], vec![false; unmatched[1].len()]];
    let mut pairs = Vec::new();
    for strict in [true, false] {
        for (i, l) in unmatched[0].iter().enumerate() {
            if used[0][i] {
                continue;
            }
            let partner = unmatched[1]
                .iter()
                .enumerate()
                .find(|(j, r)| !used[1][*j] && (!strict || (l.kind == r.kind && l.unit == r.unit)));
            if let Some((j, _)) = partner {
                used[0][i] = true;
                used[1][j] = true;
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    let kind = DivergenceKind::mismatch(class);
    if let Some(severity) = rules.severity(kind) {
        for (i, j) in pairs {
            let (l, r) = (unmatched[0][i], unmatched[1][j]);
            out.push(Divergence {
                kind,
                severity,
                evidence: vec![evidence(Side::Left, l), evidence(Side::Right, r)],
                note: None,
                confidence: Confidence::Medium,
            });
        }
    }
    let kind = DivergenceKind::missing(class);
    for slot in 0..2 {
        for (fact, _) in unmatched[slot].iter().zip(&used[slot]).filter(|(_, used)| !**used) {
            let severity = if class == Class::Number && rephrased_in_words(fact, &sides[slot]) {
                rules.in_words_severity(kind)
            } else {
                rules.severity(kind)
            };
            if let Some(severity) = severity {
                out.push(Divergence {
                    kind,
                    severity,
                    evidence: vec![evidence(sides[slot].side, fact)],
                    note: None,
                    confidence: Confidence::Medium,
                });
            }
        }
    }
    out
}

/// A quantity converted in parentheses ("100 km (62 miles)", "62 miles (100 km)"): the
/// conversion stands or falls with the figure it converts, so it is never missing on its own.
fn is_unit_conversion(fact: &Fact, side: &PairSide, unmatched: &[&Fact]) -> bool {
    let text = &side.analysis.doc.text;
    side.facts.iter().any(|g| {
        let g_matched = !unmatched.iter().any(|u| std::ptr::eq(*u, *g));
        g_matched && !std::ptr::eq(*g, fact) && equiv::class_of_fact(g) == Class::Number && {
            let (first, second) = if g.start < fact.start { (*g, fact) } else { (fact, *g) };
            text.get(first.end..second.start).is_some_and(|gap| gap.trim() == "(" || gap.trim() == "(soit")
                && text.get(second.end..).is_some_and(|rest| rest.trim_start().starts_with(')'))
        }
    })
}

/// Takes out of the unmatched names of each side the pairs that are one name spelled or
/// translated each language's way ([`equiv::near_spelling`]): a variant, not a contradiction
/// nor two omissions.
fn near_spellings(unmatched: &mut [Vec<&Fact>; 2], langs: [Lang; 2], rules: &SeverityRules) -> Vec<Divergence> {
    let mut out = Vec::new();
    let mut drop = [vec![false; unmatched[0].len()], vec![false; unmatched[1].len()]];
    let same = |l: &Fact, r: &Fact| {
        equiv::near_spelling(l, r)
            || langs[0] != langs[1]
                && (equiv::acronym_of_translation(l, r, langs[1])
                    || equiv::acronym_of_translation(r, l, langs[0])
                    || equiv::acronym_near_anagram(l, r))
    };
    for (i, l) in unmatched[0].iter().enumerate() {
        let twin = unmatched[1].iter().enumerate().find(|(j, r)| !drop[1][*j] && same(l, r));
        if let Some((j, r)) = twin {
            drop[0][i] = true;
            drop[1][j] = true;
            out.extend(variant(l, r, rules).map(|mut d| {
                d.note = Some("the same name spelled or translated each language's way".into());
                d.confidence = Confidence::Low;
                d
            }));
        }
    }
    for (facts, drop) in unmatched.iter_mut().zip(drop) {
        remove_flagged(facts, drop);
    }
    out
}

/// Removes the facts whose flag (same order) is set.
fn remove_flagged(facts: &mut Vec<&Fact>, flags: Vec<bool>) {
    let mut flags = flags.into_iter();
    facts.retain(|_| !flags.next().unwrap_or(false));
}

/// A figure on one side and its rounding on the other are the same figure.
fn drop_roundings(unmatched: &mut [Vec<&Fact>; 2]) {
    let mut drop = [vec![false; unmatched[0].len()], vec![false; unmatched[1].len()]];
    for (i, l) in unmatched[0].iter().enumerate() {
        for (j, r) in unmatched[1].iter().enumerate() {
            let (Some(a), Some(b)) = (equiv::numeric(l), equiv::numeric(r)) else { continue };
            if !drop[1][j] && equiv::rounding_compatible(a, b) {
                drop[0][i] = true;
                drop[1][j] = true;
                break;
            }
        }
    }
    for (facts, drop) in unmatched.iter_mut().zip(drop) {
        remove_flagged(facts, drop);
    }
}

fn evidence(side: Side, fact: &Fact) -> Evidence {
    Evidence { side, start: fact.start, end: fact.end, text: fact.text.clone(), value: fact.value.clone() }
}

/// A quotation on one side whose pair has no quotation at all on the other side: the words are
/// no longer attributed. Only quotations of a few words count, so that a quoted single term
/// (« APT31 ») is not taken for a statement.
fn compare_quotes(sides: &[PairSide; 2], rules: &SeverityRules) -> Vec<Divergence> {
    let kind = DivergenceKind::QuoteMissing;
    let Some(severity) = rules.severity(kind) else { return Vec::new() };
    let quotes: Vec<Vec<(usize, usize)>> = sides.iter().map(quotations).collect();
    let mut out = Vec::new();
    for slot in 0..2 {
        if quotes[slot].is_empty() || !quotes[1 - slot].is_empty() || has_quote_marks(&sides[1 - slot]) {
            continue;
        }
        let doc = &sides[slot].analysis.doc;
        let other_words: std::collections::HashSet<String> = sides[1 - slot]
            .sentences
            .iter()
            .flat_map(|&i| equiv::folded_words(sides[1 - slot].analysis.doc.sentence_text(i)))
            .collect();
        for &(start, end) in &quotes[slot] {
            if quote_written_in(&doc.text[start..end], &other_words) {
                continue;
            }
            let text = doc.text[start..end].to_string();
            let value = crate::text::one_line(&text);
            out.push(Divergence {
                kind,
                severity,
                evidence: vec![Evidence { side: sides[slot].side, start, end, text, value }],
                note: None,
                confidence: Confidence::Medium,
            });
        }
    }
    out
}

/// Whether the words of a quotation are written on the other side without quotation marks (a
/// title or a phrase quoted in one language and left as it is in the other): at least four in
/// five of its words are there.
fn quote_written_in(quote: &str, other_words: &std::collections::HashSet<String>) -> bool {
    let words = equiv::folded_words(quote);
    let there = words.iter().filter(|w| other_words.contains(*w)).count();
    !words.is_empty() && there * 5 >= words.len() * 4
}

/// The quotations of at least four words in a side's sentences, as document byte spans.
fn quotations(side: &PairSide) -> Vec<(usize, usize)> {
    let doc = &side.analysis.doc;
    let mut spans = Vec::new();
    for &sentence in &side.sentences {
        let s = &doc.sentences[sentence];
        let text = &doc.text[s.start..s.end];
        for (start, end) in quoted_spans(text) {
            if text[start..end].split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() >= 4 {
                spans.push((s.start + start, s.start + end));
            }
        }
    }
    spans
}

/// The byte spans of the quotations of `text`, marks included: the matches of
/// `«[^»]+»|“[^”“]+”|"[^"]+"`, scanned by hand (compiling the regular expression cost more
/// than comparing a short pair).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some((start, open)) = next_opening(text, at) {
        let body = start + open.len_utf8();
        let stops: &[char] = match open {
            '«' => &['»'],
            '“' => &['”', '“'],
            _ => &['"'],
        };
        let closing = text[body..].find(stops).map(|i| body + i);
        match closing {
            Some(close) if close > body && !text[close..].starts_with('“') => {
                let end = close + text[close..].chars().next().map_or(0, char::len_utf8);
                spans.push((start, end));
                at = end;
            }
            _ => at = body,
        }
    }
    spans
}

/// The first opening mark of a quotation (« “ ") at or after byte `from` (a char boundary), with
/// its offset. The marks are found by the first byte of their UTF-8 forms, which never continues
/// another character, so the text between them is not decoded char by char.
fn next_opening(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr::memchr3(b'"', 0xC2, 0xE2, &bytes[at..]) {
        let start = at + offset;
        let mark = text[start..].chars().next()?;
        if matches!(mark, '«' | '“' | '"') {
            return Some((start, mark));
        }
        at = start + 1;
    }
    None
}

/// Whether a side writes any quotation mark, among them the pairs of apostrophes (`''`) and the
/// single quotes (`‘`) that some sites and translators quote with.
fn has_quote_marks(side: &PairSide) -> bool {
    side.sentences.iter().any(|&i| {
        let text = side.analysis.doc.sentence_text(i);
        text.contains(['«', '»', '“', '”', '"', '„', '‘']) || text.contains("''")
    })
}

#[cfg(test)]
pub(crate) mod tests;
