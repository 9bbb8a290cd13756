//! The severity model: every divergence found along the alignment is weighed by its evidence
//! before it is reported.
//!
//! - An **error** is a contradiction: both versions give a value for the same fact and the values
//!   differ, in a pair the aligner is not weakly sure of, with the two facts in the same slot
//!   (the same kind and unit, and for a count the same counted noun; dates at the same precision,
//!   both written out; names of the same type: two people, two places, two organisations). A
//!   "mismatch" that fails these tests is two facts that only one version gives each.
//! - A fact only one version gives is an omission or an addition (at most a **warning**). It is
//!   information only when the other version states it in another sentence, when the pair is
//!   weak (perhaps not the same statement), or when the "fact" tells nothing to compare: a
//!   demonym, a news agency's credit, a dateline and the credit after it, a date in digits that is
//!   the day of publication (a dateline again), a vague relative date ("last year", "today"). In
//!   comparable reports (see [`crate::relation`]) a fact that only one version gives is normal and
//!   is information unless the pair clearly tells the same thing.
//!
//! Each divergence gets a [`Confidence`]: the strength of its pair, lowered where the facts are
//! doubtful.

use super::index::FactIndex;
use super::missing_kind;
use super::{
    equiv, not_comparable, standing_unmatched, Confidence, Divergence, DivergenceKind, Evidence, PairSide, Severity,
    SeverityRules, Side, Standing,
};
use crate::analysis::Analysis;
use crate::facts::{EntityType, Fact, FactKind};
use crate::lang::Lang;
use crate::relation::{pair_strength, PairStrength, Relation, RelationKind};

/// What the grading reads besides the divergences.
pub(super) struct Context<'a> {
    pub sides: [&'a Analysis; 2],
    /// The sentences of each pair, left and right.
    pub pairs: &'a [(&'a [usize], &'a [usize])],
    pub scores: &'a [f64],
    pub relation: &'a Relation,
}

/// How many sentences before a pair may name what the pair leaves unnamed.
const NAMED_BEFORE: usize = 2;

fn slot(side: Side) -> usize {
    if side == Side::Left {
        0
    } else {
        1
    }
}

/// Weighs every divergence of every pair (see the module documentation).
pub(super) fn grade(divergences: &mut [Vec<Divergence>], ctx: &Context, rules: &SeverityRules) {
    // The whole of each version's content, to look a one-sided fact up everywhere (its text
    // is joined on first use only).
    let whole_side = |s: usize| {
        let a = ctx.sides[s];
        let all: Vec<usize> = a.doc.content_sentences().map(|x| x.index).collect();
        PairSide::new(a, if s == 0 { Side::Left } else { Side::Right }, &all)
    };
    let whole = [whole_side(0), whole_side(1)];
    let index = |s: usize| FactIndex::new(whole[s].facts.iter().map(|&f| ((), f)), true);
    let whole_index = [index(0), index(1)];
    for (n, list) in divergences.iter_mut().enumerate() {
        if list.is_empty() {
            continue;
        }
        let strength = pair_strength(ctx.scores.get(n).copied().unwrap_or(0.0));
        let (l, r) = ctx.pairs.get(n).copied().unwrap_or((&[], &[]));
        let own = [PairSide::new(ctx.sides[0], Side::Left, l), PairSide::new(ctx.sides[1], Side::Right, r)];
        let grader = Grader { ctx, rules, strength, own: &own, whole: &whole, whole_index: &whole_index };
        let old = std::mem::take(list);
        for d in old {
            grader.one(d, list);
        }
    }
}

struct Grader<'a> {
    ctx: &'a Context<'a>,
    rules: &'a SeverityRules,
    strength: PairStrength,
    own: &'a [PairSide<'a>; 2],
    whole: &'a [PairSide<'a>; 2],
    whole_index: &'a [FactIndex<'a, ()>; 2],
}

impl<'a> Grader<'a> {
    fn fact(&self, e: &Evidence) -> Option<&'a Fact> {
        let a: &'a Analysis = self.ctx.sides[slot(e.side)];
        super::fact_at(a, e.start, e.end)
    }

    fn confidence(&self) -> Confidence {
        match self.strength {
            PairStrength::Weak => Confidence::Low,
            PairStrength::Fair => Confidence::Medium,
            PairStrength::Strong => Confidence::High,
        }
    }

    fn one(&self, mut d: Divergence, out: &mut Vec<Divergence>) {
        use DivergenceKind::*;
        match d.kind {
            NumberMismatch | DateMismatch | EntityMismatch if d.severity > Severity::Info => {
                if d.evidence.len() == 2 && self.place_within(&d) {
                    d.severity = Severity::Info;
                    d.confidence = Confidence::Low;
                    d.note.get_or_insert_with(|| "one place lies in the other".into());
                    out.push(d);
                    return;
                }
                // Two titles in common words ("Réviseur" / "Auditor") are one title translated.
                let titles = self.both_common_words(&d);
                if d.evidence.len() == 2 && !titles && self.same_slot(&d) {
                    if self.strength == PairStrength::Weak {
                        d.severity = Severity::Info;
                        d.confidence = Confidence::Low;
                        d.note.get_or_insert_with(|| "weak pair: perhaps not the same statement".into());
                    } else if self.strength == PairStrength::Fair && d.severity > Severity::Warning {
                        // An error needs a pair clearly about the same thing.
                        d.severity = Severity::Warning;
                        d.confidence = Confidence::Low;
                        d.note.get_or_insert_with(|| "fair pair: perhaps not the same statement".into());
                    } else {
                        d.confidence = self.confidence();
                    }
                    out.push(d);
                    return;
                }
                // In a translation, two different values left over in a pair are still most
                // likely one fact changed, but not a proven contradiction: a warning.
                if d.evidence.len() == 2
                    && !titles
                    && !self.distinct_roles(&d)
                    && self.ctx.relation.kind == RelationKind::Translation
                    && self.strength > PairStrength::Weak
                    && d.evidence
                        .iter()
                        .all(|e| self.fact(e).is_some_and(|f| not_a_fact(f, self.ctx.sides[slot(e.side)]).is_none()))
                {
                    d.severity = d.severity.min(Severity::Warning);
                    d.confidence = Confidence::Low;
                    d.note.get_or_insert_with(|| "two values not shown to fill the same slot".into());
                    out.push(d);
                    return;
                }
                // Not the same fact told two ways: each side gives a fact the other does not.
                let kind = missing_kind(d.kind);
                for e in d.evidence {
                    let Some(severity) = self.rules.severity(kind) else { continue };
                    let note = Some("the other version gives no value in the same slot".to_string());
                    let one = Divergence { kind, severity, evidence: vec![e], note, confidence: Confidence::Medium };
                    self.missing(one, out);
                }
            }
            NumberMissing | DateMissing | EntityMissing => self.missing(d, out),
            QuoteMissing
                if self.strength == PairStrength::Weak || self.ctx.relation.kind == RelationKind::Comparable =>
            {
                // Independent reports quote or paraphrase as they please.
                d.severity = d.severity.min(Severity::Info);
                d.confidence = Confidence::Low;
                d.note.get_or_insert_with(|| "quoted in one report, paraphrased or left out in the other".into());
                out.push(d);
            }
            _ => {
                if d.severity > Severity::Info {
                    d.confidence = self.confidence();
                } else {
                    d.confidence = Confidence::Low;
                }
                out.push(d);
            }
        }
    }

    /// A fact that only one side of the pair gives.
    fn missing(&self, mut d: Divergence, out: &mut Vec<Divergence>) {
        if d.severity <= Severity::Info {
            d.confidence = Confidence::Low;
            out.push(d);
            return;
        }
        let Some(e) = d.evidence.first() else { return };
        let s = slot(e.side);
        let Some(fact) = self.fact(e) else {
            d.confidence = self.confidence();
            out.push(d);
            return;
        };
        let lower = |mut d: Divergence, why: &str, out: &mut Vec<Divergence>| {
            d.severity = Severity::Info;
            d.confidence = Confidence::Low;
            d.note.get_or_insert_with(|| why.to_string());
            out.push(d);
        };
        if let Some(why) = not_a_fact(fact, self.ctx.sides[s]) {
            return lower(d, why, out);
        }
        if fact.kind == FactKind::Entity && equiv::dictionary_words_name(fact, self.ctx.sides[s].doc.lang) {
            return lower(d, "capitalized common words, not a name", out);
        }
        if let Some(why) = self.named_otherwise(fact, s) {
            return lower(d, why, out);
        }
        if self.named_just_before(fact, s) {
            return lower(d, "named just before in the other version: a repeated name left out", out);
        }
        if self.ctx.relation.kind == RelationKind::Comparable
            && !doer(fact, self.ctx.sides[s])
            && self.told_elsewhere(fact, s)
        {
            return lower(d, "stated elsewhere in the other version", out);
        }
        if self.strength == PairStrength::Weak {
            return lower(d, "weak pair: perhaps not the same statement", out);
        }
        if fact.kind == FactKind::Entity
            && equiv::proper_word_told(fact, self.ctx.sides[s].doc.lang, self.own[1 - s].view())
        {
            return lower(d, "the name is told, its common words translated", out);
        }
        if self.ctx.relation.kind == RelationKind::Comparable && self.strength < PairStrength::Strong {
            return lower(d, "told in a pair that is not clearly the same statement", out);
        }
        if fact.kind == FactKind::Entity && !acronym(fact) && in_parentheses(fact, &self.ctx.sides[s].doc.text) {
            return lower(d, "a name in an aside in parentheses", out);
        }
        if fact.kind == FactKind::Entity && self.pronoun_stands_for(fact, s) {
            return lower(d, "a pronoun in the other version may stand for the name", out);
        }
        if fact.kind == FactKind::Date && self.weekday_as_habit(fact, s) {
            return lower(d, "the other version names the weekday as a habit or a modifier", out);
        }
        d.confidence = self.confidence();
        out.push(d);
    }

    /// Whether a speaker's name that one side gives ("Durand told reporters", "said Mr.
    /// Lebrun") is a personal pronoun speaking on the other side ("a-t-il déclaré", "he
    /// said"): a translation often spells out a speaker or leaves him to a pronoun.
    fn pronoun_stands_for(&self, fact: &Fact, s: usize) -> bool {
        if self.ctx.relation.kind != RelationKind::Translation
            || matches!(fact.entity_type, Some(EntityType::Place | EntityType::Org))
            || !equiv::plain_key(fact)
            || acronym(fact)
        {
            return false;
        }
        let (me, other) = (&self.own[s], &self.own[1 - s]);
        let words: Vec<(&str, usize)> = words_of(me).collect();
        let Some(first) = words.iter().position(|&(_, at)| at >= fact.start) else { return false };
        let last = words.iter().rposition(|&(_, at)| at < fact.end).unwrap_or(first);
        let lang = me.analysis.doc.lang;
        let verb = |w: &str, lang| crate::segment::is_attribution_verb(lang, &w.to_lowercase());
        let near = |words: &[(&str, usize)], from: usize, to: usize, lang| {
            words[from.saturating_sub(SPEAKER_GAP)..(to + 1 + SPEAKER_GAP).min(words.len())]
                .iter()
                .any(|&(w, _)| verb(w, lang))
        };
        if !near(&words, first, last, lang) {
            return false;
        }
        let theirs: Vec<(&str, usize)> = words_of(other).collect();
        let other_lang = other.analysis.doc.lang;
        let count = |ws: &[(&str, usize)], lang| ws.iter().filter(|&&(w, _)| personal_pronoun(w, lang)).count();
        count(&theirs, other_lang) > count(&words, lang)
            && (0..theirs.len()).any(|i| personal_pronoun(theirs[i].0, other_lang) && near(&theirs, i, i, other_lang))
    }

    /// Whether a weekday that one side gives as a date is named by the other side as a habit or
    /// a modifier ("Sunday pay" / "primes de dimanches", "the Sunday edition" / "l'édition
    /// dominicale"): the plural or the adjective of the same day, which the other side does not
    /// read as a date.
    fn weekday_as_habit(&self, fact: &Fact, s: usize) -> bool {
        let Some(day) = weekday_number(fact) else { return false };
        let other = &self.own[1 - s];
        words_of(other).any(|(word, _)| {
            let w = crate::text::fold(word);
            let plural = w.strip_suffix('s').and_then(|w| WEEKDAYS.iter().position(|d| *d == w)).map(|i| i % 7 + 1);
            plural == Some(day) || (day == 7 && w.starts_with("dominical"))
        })
    }

    /// Why a one-sided name is no missing name, if the other version names the same thing
    /// another way or it is part of another name: a proper adjective written in lower case, a
    /// place completing an institution's name, a capital standing for its country, a name whose
    /// other form stands beside it in parentheses.
    fn named_otherwise(&self, fact: &Fact, s: usize) -> Option<&'static str> {
        if fact.kind != FactKind::Entity {
            return None;
        }
        if self.adjective_in_lower_case(fact, s) {
            return Some("a proper adjective the other language writes in lower case");
        }
        if in_institution_name(fact, &self.ctx.sides[s].doc.text) {
            return Some("a place inside an institution's name");
        }
        if self.country_told_for_capital(fact, s) {
            return Some("a capital standing for its country, which the other version names");
        }
        if self.other_form_told(fact, s) {
            return Some("its other form, beside it in parentheses, is in the other version");
        }
        if self.locates_a_told_name(fact, s) {
            return Some("a place locating a name that the other version gives");
        }
        None
    }

    /// Whether, in comparable reports, a place is written right after another name of the pair
    /// to locate it ("the Louvre Museum in Paris", "le stade Vélodrome à Marseille"), and the
    /// other version gives that name: a report for readers who know the landmark leaves its city
    /// out. (A translation keeps such a place, so there its loss is still an omission.)
    fn locates_a_told_name(&self, fact: &Fact, s: usize) -> bool {
        if self.ctx.relation.kind != RelationKind::Comparable || fact.entity_type != Some(EntityType::Place) {
            return false;
        }
        let text = &self.ctx.sides[s].doc.text;
        let before = text.get(..fact.start).unwrap_or("").trim_end();
        let Some(name_end) = ["in", "à", "at"]
            .iter()
            .find_map(|word| before.strip_suffix(word).filter(|rest| rest.ends_with(' ')))
            .map(|rest| rest.trim_end().len())
        else {
            return false;
        };
        let (me, other) = (&self.own[s], &self.own[1 - s]);
        me.facts.iter().any(|name| {
            name.kind == FactKind::Entity
                && name.end == name_end
                && (other.facts.iter().any(|o| super::agrees(name, o))
                    || standing_unmatched(name, me, other) != Standing::Unmatched)
        })
    }

    /// Whether a one-sided capital is the other version's name of its country ("Moscow raised the
    /// price" / "la Russie augmente le prix"): the other side names the country more often than
    /// this side does, so one of its mentions answers the capital. (A side naming both "Ottawa"
    /// and "le Canada" against a lone "Canada" has dropped the capital.)
    fn country_told_for_capital(&self, fact: &Fact, s: usize) -> bool {
        let Some(country) = equiv::capital_of(fact) else { return false };
        let count = |side: &PairSide| side.facts.iter().filter(|f| f.value == country).count();
        count(&self.own[1 - s]) > count(&self.own[s])
    }

    /// Whether a one-word name that is no person and no gazetteer place is written in lower case
    /// on the other side, as a proper adjective or noun of style that one language capitalises
    /// and the other does not ("Gothic columns" / "colonnes gothiques", "Baroque" / "baroque").
    fn adjective_in_lower_case(&self, fact: &Fact, s: usize) -> bool {
        if matches!(fact.entity_type, Some(EntityType::Person | EntityType::Place))
            || fact.text.contains([' ', '-'])
            || acronym(fact)
        {
            return false;
        }
        let name = crate::text::fold(&fact.text);
        words_of(&self.own[1 - s])
            .filter(|(w, _)| w.starts_with(char::is_lowercase))
            .any(|(w, _)| same_stem_across(&name, &crate::text::fold(w)))
    }

    /// Whether the two names of a mismatch are a place and a country it lies in ("la Russie" /
    /// "Moscow", "Angleterre" / "Britain").
    fn place_within(&self, d: &Divergence) -> bool {
        match (self.fact(&d.evidence[0]), self.fact(&d.evidence[1])) {
            (Some(a), Some(b)) => equiv::place_within(a, b),
            _ => false,
        }
    }

    /// Whether both facts of a mismatch are capitalised common words ("Réviseur" / "Auditor"):
    /// a title translated, not two names.
    fn both_common_words(&self, d: &Divergence) -> bool {
        d.evidence.iter().all(|e| {
            self.fact(e).is_some_and(|f| {
                f.kind == FactKind::Entity && equiv::dictionary_words_name(f, self.ctx.sides[slot(e.side)].doc.lang)
            })
        })
    }

    /// Whether the two names of a mismatch are of two known, different types (a person and a
    /// place, "Lyon" / "Marie Durand"): no edit turns one into the other, so
    /// they are two facts each version gives alone, not one fact changed.
    fn distinct_roles(&self, d: &Divergence) -> bool {
        use EntityType::*;
        let role = |e: &Evidence| {
            self.fact(e)
                .filter(|f| f.kind == FactKind::Entity)
                .and_then(|f| f.entity_type)
                .filter(|t| matches!(t, Person | Place | Org))
        };
        match (role(&d.evidence[0]), role(&d.evidence[1])) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        }
    }

    /// Whether a name written with its other form beside it in parentheses ("the Democratic
    /// Movement (MoDem)", "l'OMS (Organisation mondiale de la santé)") is told by the other
    /// version in that other form: one body named once in full and once short, not two.
    fn other_form_told(&self, fact: &Fact, s: usize) -> bool {
        let analysis = self.ctx.sides[s];
        parenthesised_partner(fact, analysis).is_some_and(|partner| {
            self.whole_index[1 - s].first_agreeing(partner, |_, _| true).is_some()
                || standing_unmatched(partner, &self.own[s], &self.whole[1 - s]) != Standing::Unmatched
        })
    }

    /// Whether the other version names `fact` in one of the content sentences just before the
    /// pair ("Red Norte named a new head. Its head of operations said..." against "...said the
    /// head of operations at Red Norte"): a version that has just named someone or something
    /// need not name it again, so the name left out is a repetition, not a lost fact.
    fn named_just_before(&self, fact: &Fact, s: usize) -> bool {
        if fact.kind != FactKind::Entity {
            return false;
        }
        let other = &self.own[1 - s];
        let Some(&first) = other.sentences.iter().min() else { return false };
        let analysis = self.ctx.sides[1 - s];
        let mut before: Vec<usize> = analysis.doc.content_sentences().map(|x| x.index).filter(|&i| i < first).collect();
        before.drain(..before.len().saturating_sub(NAMED_BEFORE));
        let before = PairSide::new(analysis, other.side, &before);
        // The name itself, a longer form of it or its spelling: not a shorter name inside it
        // ("Vietnam" does not name the newspaper "Vietnam News").
        let words = equiv::folded_words(&fact.text);
        let holds_the_name = |o: &Fact| {
            let theirs = equiv::folded_words(&o.text);
            words.iter().all(|w| theirs.contains(w))
        };
        let named = before.facts.iter().any(|o| {
            super::agrees(fact, o)
                || o.kind == FactKind::Entity
                    && (holds_the_name(o)
                        || equiv::similar_names(fact, o)
                        || equiv::other_spelling(fact, o)
                        || equiv::near_spelling(fact, o))
        });
        // A name the extractor missed there is still read in the text, every word of it.
        named
            || standing_unmatched(fact, &self.own[s], &before) != Standing::Unmatched
                && words.iter().all(|w| before.view().contains_words(std::slice::from_ref(&w.as_str())))
    }

    /// Whether the other version states `fact` in any of its content sentences.
    fn told_elsewhere(&self, fact: &Fact, s: usize) -> bool {
        // `standing` against the whole other version, with its facts looked up in the index
        // rather than one by one: a dense article has thousands, and as many divergences.
        let (me, other) = (&self.own[s], &self.whole[1 - s]);
        let mine = (fact, me.analysis);
        // A count is told elsewhere only as a count of the same thing ("quatre malfaiteurs" is
        // not the "four" of "four to seven minutes"), so not by the same figure in the text.
        not_comparable(fact, me)
            || self.whole_index[1 - s].first_agreeing(fact, |_, o| tells_as_much(mine, (o, other.analysis))).is_some()
            || !counts_a_noun(fact, me.analysis) && standing_unmatched(fact, me, other) != Standing::Unmatched
    }

    /// A pair that clearly translates the other: there two figures that count some noun each
    /// count the same one, even when the lexicon does not know the words ("foyers" / "homes").
    fn clear_translation(&self) -> bool {
        self.ctx.relation.kind == RelationKind::Translation && self.strength == PairStrength::Strong
    }

    /// Whether two names can stand for the same role: two people, two places, two organisations
    /// named in full; a name of unknown type counts as a person or a place only in a pair that
    /// clearly translates the other (independent reports name different things side by side).
    fn same_role(&self, a: &Fact, b: &Fact) -> bool {
        use EntityType::*;
        // Acronyms differ between languages (OTAN / NATO, VTbR / TVcR) without naming another thing.
        if acronym(a) || acronym(b) {
            return false;
        }
        let known = |t: Option<EntityType>| matches!(t, Some(Person | Place));
        let keyed = |f: &Fact| f.value.contains(':') || f.value.chars().all(|c| c.is_ascii_uppercase());
        match (a.entity_type, b.entity_type) {
            (Some(Org), Some(Org)) => full_org_name(a) && full_org_name(b),
            (Some(Person), Some(Person)) => true,
            // Two places contradict when the gazetteer knows both: an unknown place name is
            // often a translated one (Caraïbes / West Indies).
            // A city and a country the gazetteer knows are two slots (Paris / France: one
            // version names the city, the other the country), whatever the pair's strength.
            (Some(Place), Some(Place)) => {
                if keyed(a) && keyed(b) {
                    place_level(a) == place_level(b)
                } else {
                    self.ctx.relation.kind == RelationKind::Translation && self.strength == PairStrength::Strong
                }
            }
            (x, y) if x == y && known(x) => true,
            (x, y) if x == Some(Other) && (known(y) || y == Some(Other)) || y == Some(Other) && known(x) => {
                self.ctx.relation.kind == RelationKind::Translation && self.strength == PairStrength::Strong
            }
            _ => false,
        }
    }

    /// Whether the two facts of a mismatch stand in the same slot of their sentences.
    fn same_slot(&self, d: &Divergence) -> bool {
        let (Some(a), Some(b)) = (self.fact(&d.evidence[0]), self.fact(&d.evidence[1])) else { return false };
        let (sa, sb) = (slot(d.evidence[0].side), slot(d.evidence[1].side));
        let (da, db) = (self.ctx.sides[sa], self.ctx.sides[sb]);
        if not_a_fact(a, da).is_some() || not_a_fact(b, db).is_some() {
            return false;
        }
        match equiv::class_of_fact(a) {
            equiv::Class::Number => {
                !digits_within(a, b)
                    && a.kind == b.kind
                    && a.unit == b.unit
                    && (!matches!(a.kind, FactKind::Number | FactKind::Ordinal)
                        || same_counted_noun((a, da), (b, db))
                        || self.clear_translation()
                            && counted_noun(a, &da.doc.text).is_some() == counted_noun(b, &db.doc.text).is_some())
            }
            equiv::Class::Date => {
                a.value.len() == b.value.len() && explicit_date(a, da.doc.lang) && explicit_date(b, db.doc.lang)
            }
            equiv::Class::Entity => {
                self.same_role(a, b)
                    && !equiv::similar_names(a, b)
                    && !equiv::longer_form(a, b)
                    && !equiv::longer_form(b, a)
                    && !not_comparable(a, &self.own[sa])
                    && !not_comparable(b, &self.own[sb])
            }
        }
    }
}

/// Whether the digits of one figure are written inside the other's ("365,45" / "10365.45"): a
/// figure read in part, not another figure.
fn digits_within(a: &Fact, b: &Fact) -> bool {
    let digits = |f: &Fact| f.text.chars().filter(char::is_ascii_digit).collect::<String>();
    let (x, y) = (digits(a), digits(b));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    short.len() >= 2 && short.len() < long.len() && long.contains(&short)
}

/// How many words may stand between a speaker and the verb of saying.
const SPEAKER_GAP: usize = 2;

/// A personal pronoun of the third person singular (subject, object or possessive).
fn personal_pronoun(word: &str, lang: Lang) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::Fr => matches!(w.as_str(), "il" | "elle" | "lui" | "son" | "sa" | "ses"),
        Lang::En => matches!(w.as_str(), "he" | "she" | "him" | "her" | "his" | "hers" | "himself" | "herself"),
    }
}

/// The words of a pair side's sentences with their document byte offsets.
fn words_of<'s>(side: &'s PairSide) -> impl Iterator<Item = (&'s str, usize)> + 's {
    let doc = &side.analysis.doc;
    side.sentences.iter().flat_map(move |&i| {
        let start = doc.sentences[i].start;
        let text = doc.sentence_text(i);
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(move |w| (w, start + (w.as_ptr() as usize - text.as_ptr() as usize)))
    })
}

/// Whether a name (no code with digits, "TT211") is all that a pair of parentheses holds: a gloss
/// or a cast list ("(Paris)", "Robbo (Frank Sinatra)"), which a translation may add or leave out.
fn in_parentheses(fact: &Fact, text: &str) -> bool {
    let before = text.get(..fact.start).unwrap_or("");
    let line = &before[before.rfind(['\n', '.']).map_or(0, |i| i + 1)..];
    let open = line.trim_end().ends_with('(');
    let after = text.get(fact.end..).unwrap_or("").trim_start_matches(['.', ' ']);
    open && after.starts_with(')') && !fact.text.chars().any(|c| c.is_ascii_digit())
}

/// The name that stands beside `fact` as its other form: the whole content of the parentheses
/// right after it ("Democratic Movement (MoDem)"), or, for a name that is the whole content of
/// parentheses, the name right before them.
fn parenthesised_partner<'a>(fact: &Fact, analysis: &'a Analysis) -> Option<&'a Fact> {
    let text = &analysis.doc.text;
    let entity_spanning =
        |start: usize, end: usize| super::fact_at(analysis, start, end).filter(|f| f.kind == FactKind::Entity);
    let after = text.get(fact.end..)?;
    let gap = after.len() - after.trim_start_matches(' ').len();
    if let Some(inner) = after[gap..].strip_prefix('(') {
        let close = inner.find([')', '\n'])?;
        let content = &inner[..close];
        let start = fact.end + gap + 1 + (content.len() - content.trim_start().len());
        return entity_spanning(start, start + content.trim().len());
    }
    let before = text.get(..fact.start)?;
    let open = before.strip_suffix('(')?;
    if !after.starts_with(')') {
        return None;
    }
    let end = open.trim_end_matches(' ').len();
    analysis.facts.facts.iter().find(|f| f.kind == FactKind::Entity && f.end == end)
}

/// Whether two folded words are one word with each language's ending ("gothic" / "gothiques",
/// "marxist" / "marxistes"): they share a prefix of five letters or more that covers all but
/// one letter of the shorter word.
fn same_stem_across(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && common + 1 >= shorter
}

/// Words that head the name of an institution, written with a capital.
const INSTITUTION_WORDS: &[&str] = &[
    "parti",
    "party",
    "banque",
    "bank",
    "ecole",
    "school",
    "universite",
    "university",
    "musee",
    "museum",
    "eglise",
    "church",
    "academie",
    "academy",
    "institut",
    "institute",
    "college",
    "conseil",
    "council",
    "ministere",
    "ministry",
    "hopital",
    "hospital",
    "theatre",
    "opera",
    "orchestre",
    "orchestra",
];

/// Whether a place is the complement of an institution's name: "Parti libéral du Canada",
/// "l'École des beaux-arts de Paris", "Bank of England". A translation that names the
/// institution short ("the Liberals", "the Beaux-Arts") has not dropped a place.
fn in_institution_name(fact: &Fact, text: &str) -> bool {
    if fact.entity_type != Some(EntityType::Place) {
        return false;
    }
    let before = text.get(..fact.start).unwrap_or("");
    let line = &before[before.rfind(['\n', '.', ',', ';', ':']).map_or(0, |i| i + 1)..];
    let mut words = line.split([' ', '\'', '’']).filter(|w| !w.is_empty()).rev();
    if !words.next().is_some_and(|w| matches!(w, "de" | "du" | "des" | "of" | "d")) {
        return false;
    }
    words
        .take(4)
        .any(|w| w.starts_with(char::is_uppercase) && INSTITUTION_WORDS.contains(&crate::text::fold(w).as_str()))
}

/// The day of the week (1 = Monday) of a date fact that is a bare weekday.
fn weekday_number(fact: &Fact) -> Option<usize> {
    let folded = crate::text::fold(fact.text.trim_end_matches(['.', ',']));
    WEEKDAYS.iter().position(|d| *d == folded).map(|i| i % 7 + 1)
}

/// What a gazetteer place key names: a country (its ISO code), a city, a region...: a city and
/// its country (Paris / France) are two levels, not two answers.
fn place_level(fact: &Fact) -> &str {
    match fact.value.split_once(':') {
        Some((level, _)) => level,
        None => "country",
    }
}

/// A name written as an acronym: one word, two capitals or more.
fn acronym(fact: &Fact) -> bool {
    let letters: Vec<char> = fact.text.chars().filter(|c| c.is_alphabetic()).collect();
    !fact.text.contains(' ') && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
}

/// An organisation named in full (two words or more, no acronym): acronyms and short names
/// differ between languages (OTAN/NATO) without naming another body.
fn full_org_name(fact: &Fact) -> bool {
    let words: Vec<&str> = fact.text.split_whitespace().collect();
    words.len() >= 2
        && !words.iter().any(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        })
}

/// Why a fact is nothing to compare, if it is not: a demonym or a proper adjective ("French",
/// "canadienne"), a news agency's credit, an all-capital dateline ("TORONTO —"), a date in
/// digits that is the day of publication (a dateline), a relative date with no figure and no
/// calendar name ("today", "last year", "cette année").
fn not_a_fact(fact: &Fact, analysis: &Analysis) -> Option<&'static str> {
    let doc = &analysis.doc;
    match fact.kind {
        FactKind::Entity => {
            if demonym(fact, doc.lang) {
                return Some("a demonym or adjective, not a name");
            }
            if news_agency(&fact.value) || news_agency(&crate::text::fold(&fact.text)) {
                return Some("a news agency's credit");
            }
            if dateline(fact, &doc.text) {
                return Some("a dateline");
            }
            if in_credit_line(fact, &doc.text) {
                return Some("the credit of a dispatch");
            }
            if equiv::common_words_name(fact, doc.lang) {
                return Some("capitalized common words, not a name");
            }
            if equiv::acronym_of_common_words(&doc.text, fact) {
                return Some("an acronym of common words: a term, not a name");
            }
            if compass_point(fact) {
                return Some("a compass point, not a name");
            }
            if era(fact, &doc.text) {
                return Some("the era of a date, not a name");
            }
            None
        }
        FactKind::Date => {
            let digits = fact.text.chars().any(|c| c.is_ascii_digit());
            let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
            if digits && published.as_deref() == Some(fact.value.as_str()) {
                return Some("the day of publication (a dateline)");
            }
            if !explicit_date(fact, doc.lang) {
                return Some("a relative date with no figure or calendar name");
            }
            None
        }
        _ => {
            let before = doc.text.get(..fact.start).unwrap_or("");
            let after = doc.text.get(fact.end..).unwrap_or("");
            let colon_digit = |s: &str| s.starts_with(':') && s[1..].starts_with(|c: char| c.is_ascii_digit());
            if before.ends_with(':') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
                || colon_digit(after)
            {
                return Some("part of a time or a score written with colons");
            }
            None
        }
    }
}

/// A name made of compass points only ("Northeast", "Sud-Ouest"): a direction or a vague region
/// that a translation writes in lower case ("le nord-est").
fn compass_point(fact: &Fact) -> bool {
    const POINTS: &[&str] = &[
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "nord",
        "sud",
        "est",
        "ouest",
    ];
    let words = equiv::folded_words(&fact.text);
    // a region named by its direction and a proper adjective ("Anatolian Southeast")
    let adjective = |w: &String| {
        w.chars().count() >= 5 && FRENCH_DEMONYM_ENDINGS.iter().chain(ENGLISH_DEMONYM_ENDINGS).any(|e| w.ends_with(e))
    };
    equiv::plain_key(fact)
        && words.iter().any(|w| POINTS.contains(&w.as_str()))
        && words.iter().all(|w| POINTS.contains(&w.as_str()) || adjective(w))
}

/// "après Jésus-Christ", "avant Jésus-Christ": an era of a date (AD, BC), not a person told.
fn era(fact: &Fact, text: &str) -> bool {
    let before = crate::text::fold(text.get(..fact.start).unwrap_or("").trim_end());
    let folded = crate::text::fold(&fact.text).replace('-', " ");
    folded == "jesus christ" && (before.ends_with("apres") || before.ends_with("avant"))
}

/// A nationality or a proper adjective: the gazetteer files them as `other` under a country or
/// region key, and a French one is written in lower case.
fn demonym(fact: &Fact, lang: Lang) -> bool {
    let country_key = fact.value.len() == 2 && fact.value.chars().all(|c| c.is_ascii_uppercase());
    fact.entity_type == Some(EntityType::Other) && (country_key || fact.value.starts_with("region:"))
        || demonym_form(fact, lang)
}

/// Endings of the nouns and adjectives of nationality and residence that the gazetteer does not
/// list ("Coréens", "Franciliens", "New Yorkais", "Parisians", "Sudanese", "Abkhazian", "Cornish").
/// The French ones are read on French text only: in English a name in "-ais" is a place's
/// ("the canton of Valais", "Calais"), English demonyms ending otherwise ("French").
const FRENCH_DEMONYM_ENDINGS: &[&str] = &["iens", "iennes", "eens", "eennes", "ais", "aises", "oises"];
const ENGLISH_DEMONYM_ENDINGS: &[&str] = &["ians", "eans", "ese", "ian", "ean", "ish"];

/// The demonym endings a text in `lang` may use (French text quotes English forms too).
fn demonym_endings(lang: Lang) -> impl Iterator<Item = &'static &'static str> {
    let french: &[&str] = if lang == Lang::Fr { FRENCH_DEMONYM_ENDINGS } else { &[] };
    french.iter().chain(ENGLISH_DEMONYM_ENDINGS)
}

/// A name outside the gazetteer, not a person's, whose last word ends as a demonym does.
fn demonym_form(fact: &Fact, lang: Lang) -> bool {
    let plain_key = equiv::plain_key(fact);
    let folded = crate::text::fold(&fact.text);
    let last = folded.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).unwrap_or("");
    plain_key
        && fact.entity_type != Some(EntityType::Person)
        && last.chars().count() >= 5
        && demonym_endings(lang).any(|e| last.ends_with(e))
}

/// The wire services whose name credits a dispatch rather than tells a fact of it.
const AGENCIES: &[&str] = &[
    "afp",
    "ap",
    "reuters",
    "xinhua",
    "dpa",
    "afx",
    "dpa-afx",
    "ats",
    "ansa",
    "efe",
    "kyodo",
    "tass",
    "anadolu",
    "belga",
    "apa",
    "associated press",
    "agence france-presse",
    "agence france presse",
    "presse canadienne",
    "la presse canadienne",
    "canadian press",
    "the canadian press",
    "bloomberg",
];

fn news_agency(name: &str) -> bool {
    let name = name.rsplit(':').next().unwrap_or(name).to_lowercase();
    AGENCIES.contains(&name.as_str())
}

/// A place in capitals opening its line and followed by a dash, a comma or a parenthesis, or
/// a capitalised one followed by a credit or a long dash: the dateline of a dispatch ("OTTAWA
/// —", "TORONTO (CP) -", "Lyon, (Wire News - 3rd May)").
fn dateline(fact: &Fact, text: &str) -> bool {
    let letters: Vec<char> = fact.text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || fact.entity_type == Some(EntityType::Person) {
        return false;
    }
    let before = text.get(..fact.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let opens = before[line_start..].chars().all(|c| !c.is_alphanumeric());
    let after = text.get(fact.end..).unwrap_or("").trim_start();
    if letters.iter().all(|c| c.is_uppercase()) {
        return opens && after.starts_with(['—', '–', '-', ',', '(']);
    }
    // "Frankfurt, (Agency - 17th Oct)", "Paris (Reuters) -", "Gaza —": a place in capitals and
    // lower case opens a dispatch only before a credit in parentheses or a long dash.
    let credit =
        after.starts_with(['(', '—', '–']) || after.strip_prefix(',').is_some_and(|r| r.trim_start().starts_with('('));
    opens && letters[0].is_uppercase() && credit
}

/// Words of a dateline before a credit: at most this many ("NEW YORK", "Rio de Janeiro,").
const DATELINE_WORDS: usize = 4;

/// Whether a name sits in the parentheses that follow a dispatch's dateline: the credit of the
/// wire or the site that carried it ("GRENOBLE (ABC) -", "Lyon, (Site / Country Daily
/// News - 3rd May, 2021) The council…", "OTTAWA (dpa-AFX) -"). Those names say who carried the
/// story, not what it tells.
fn in_credit_line(fact: &Fact, text: &str) -> bool {
    let before = text.get(..fact.start).unwrap_or("");
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let Some(open) = line.find('(') else { return false };
    if line[open..].contains(')') {
        return false;
    }
    let place = line[..open].trim_end().trim_end_matches(',').trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    let name_word = |w: &&str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        !letters.is_empty() && (letters[0].is_uppercase() || matches!(*w, "de" | "la" | "du" | "of"))
    };
    !words.is_empty()
        && words.len() <= DATELINE_WORDS
        && words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(name_word)
        && !place.contains(['.', ':', ';', '!', '?'])
}

/// A date written with a figure, or with a month or a weekday name.
fn explicit_date(fact: &Fact, lang: Lang) -> bool {
    if fact.text.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let folded = crate::text::fold(&fact.text);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| crate::facts::dates::month_named(w, lang).is_some() || WEEKDAYS.contains(&w))
}

const WEEKDAYS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words between a figure and what it counts.
const NOUN_LINKS: &[&str] = &["de", "d", "des", "du", "of", "the", "les", "a", "an", "more", "plus", "autres", "other"];

/// The word a figure counts: the first word after it, past "de", "of" and the like.
pub(super) fn counted_noun(fact: &Fact, text: &str) -> Option<String> {
    let rest = text.get(fact.end..)?;
    // Folding goes character by character: the words of the fold of a head of the text are the
    // text's, but for a last word cut short. Folding all the rest for every figure made a long
    // text quadratic; the head grows until it holds five words.
    let mut len = 64;
    let folded = loop {
        let head = crate::text::prefix_at_char_boundary(rest, len);
        let folded = crate::text::fold(head);
        if head.len() == rest.len()
            || folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).nth(4).is_some()
        {
            break folded;
        }
        len *= 4;
    };
    let mut words = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(4);
    let word = words.find(|w| !NOUN_LINKS.contains(w))?;
    // A figure followed by punctuation before any word counts nothing it names.
    let first_char = rest.trim_start().chars().next()?;
    if !first_char.is_alphanumeric() && first_char != '\'' && first_char != '’' {
        return None;
    }
    word.chars().all(char::is_alphabetic).then(|| word.to_string())
}

/// Whether a fact is a person's name. Between independent reports a person named in one
/// report's sentence and elsewhere in the other's is named for another deed: who scored, who
/// spoke, who was arrested is what the two sentences say differently. A name is typed a
/// person's from its capitals alone, so a run of capitalised words that ends on a common word
/// of the language ("Nobel Prize", "Royal Academy") is taken for none.
fn person(fact: &Fact, lang: Lang) -> bool {
    let last_word = equiv::folded_words(&fact.text).pop().unwrap_or_default();
    fact.kind == FactKind::Entity
        && fact.entity_type == Some(EntityType::Person)
        && !crate::common_words::is_common_word(&last_word, lang)
}

/// Whether a name is a doer in its sentence: a person's name, or any name that is the agent of
/// a passive ("servi par Doué", "a pass assisted by Dembélé"), which names whoever did the deed
/// even when the name alone does not say it is a person's.
pub(super) fn doer(fact: &Fact, analysis: &Analysis) -> bool {
    if fact.kind != FactKind::Entity || matches!(fact.entity_type, Some(EntityType::Place)) {
        return false;
    }
    let before = analysis.doc.text.get(..fact.start).unwrap_or("").trim_end();
    let agent = before.rsplit(|c: char| !c.is_alphabetic()).next().is_some_and(|w| matches!(w, "par" | "by"));
    person(fact, analysis.doc.lang) || agent
}

/// Whether a figure counts some noun ("quatre malfaiteurs", "12 morts").
fn counts_a_noun(fact: &Fact, analysis: &Analysis) -> bool {
    fact.kind == FactKind::Number && counted_noun(fact, &analysis.doc.text).is_some()
}

/// Whether an agreeing fact `b` of the other version, in another sentence, tells as much as `a`:
/// a count only where it counts the same thing (four thieves are not four minutes); a date only
/// at the same precision or finer ("cette année" agrees with "Thursday" but does not tell it).
pub(super) fn tells_as_much(a: (&Fact, &Analysis), b: (&Fact, &Analysis)) -> bool {
    match a.0.kind {
        FactKind::Number => !counts_a_noun(a.0, a.1) || same_counted_noun(a, b),
        FactKind::Date => date_precision(b.0) >= date_precision(a.0),
        _ => true,
    }
}

/// How many parts of a date's value are known (year, month or week, day; a time of day).
fn date_precision(fact: &Fact) -> usize {
    let (date, time) = fact.value.split_once('T').unwrap_or((&fact.value, ""));
    date.split('-').filter(|part| !part.is_empty() && !part.contains('X')).count() + usize::from(!time.is_empty())
}

/// Whether two figures count the same thing: both count nothing named, or the French noun
/// translates to the English one (by the aligner's lexicon), or they are written alike.
fn same_counted_noun(a: (&Fact, &Analysis), b: (&Fact, &Analysis)) -> bool {
    let na = counted_noun(a.0, &a.1.doc.text);
    let nb = counted_noun(b.0, &b.1.doc.text);
    match (na, nb) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            if x == y {
                return true;
            }
            let (fr, en) = match (a.1.doc.lang, b.1.doc.lang) {
                (Lang::Fr, Lang::En) => (x, y),
                (Lang::En, Lang::Fr) => (y, x),
                (la, _) => {
                    let stem = |w: &str| crate::bilingual::stem(w, la);
                    return stem(&x) == stem(&y);
                }
            };
            let en_stem = crate::bilingual::stem(&en, Lang::En);
            let fr_stem = crate::bilingual::stem(&fr, Lang::Fr);
            crate::bilingual::Lexicon::builtin().translations(&fr_stem).any(|t| t == en_stem)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(kind: FactKind, text: &str, value: &str, entity_type: Option<EntityType>) -> Fact {
        Fact { kind, start: 0, end: text.len(), text: text.into(), value: value.into(), unit: None, entity_type }
    }

    #[test]
    fn demonyms_and_agencies_are_not_facts() {
        assert!(demonym(&fact(FactKind::Entity, "Coréens", "coreens", Some(EntityType::Other)), Lang::Fr));
        assert!(demonym(&fact(FactKind::Entity, "Parisians", "parisians", None), Lang::En));
        assert!(!demonym(&fact(FactKind::Entity, "Christian", "christian", Some(EntityType::Person)), Lang::En));
        assert!(demonym(&fact(FactKind::Entity, "Canadian", "CA", Some(EntityType::Other)), Lang::En));
        assert!(demonym(&fact(FactKind::Entity, "française", "FR", Some(EntityType::Other)), Lang::Fr));
        assert!(demonym(&fact(FactKind::Entity, "Irlandais", "irlandais", Some(EntityType::Other)), Lang::Fr));
        // in English a name in -ais is a place's
        assert!(!demonym(&fact(FactKind::Entity, "Valais", "valais", Some(EntityType::Other)), Lang::En));
        assert!(!demonym(&fact(FactKind::Entity, "Canada", "CA", Some(EntityType::Place)), Lang::En));
        assert!(news_agency("org:xinhua") && news_agency("reuters"));
        assert!(!news_agency("org:UN"));
    }

    #[test]
    fn a_capital_place_before_a_dash_is_a_dateline() {
        let text = "OTTAWA — The minister spoke.";
        let f = Fact { end: 6, ..fact(FactKind::Entity, "OTTAWA", "city:ottawa", Some(EntityType::Place)) };
        assert!(dateline(&f, text));
        let text = "He met NATO officials.";
        let f = Fact { start: 7, end: 11, ..fact(FactKind::Entity, "NATO", "org:nato", Some(EntityType::Org)) };
        assert!(!dateline(&f, text));
        let place = |text: &str| Fact { end: 9, ..fact(FactKind::Entity, text, "frankfurt", Some(EntityType::Place)) };
        assert!(dateline(&place("Frankfurt"), "Frankfurt, (Wire News - 17th Oct) The bank cut rates."));
        assert!(dateline(&place("Frankfurt"), "Frankfurt (Wire) - The bank cut rates."));
        assert!(!dateline(&place("Frankfurt"), "Frankfurt, the seat of the bank, cut rates."));
    }

    #[test]
    fn names_in_the_credit_after_a_dateline_are_not_facts() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            Fact { start, end: start + name.len(), ..fact(FactKind::Entity, name, "x", Some(EntityType::Place)) }
        };
        let text = "Lyon, (Wire / Norway Daily - 3rd May, 2021) The council voted.";
        assert!(in_credit_line(&at(text, "Norway"), text));
        let text = "SAINT-ÉTIENNE (ABC) - Le conseil a voté.";
        assert!(in_credit_line(&at(text, "ABC"), text));
        // Parentheses in the body, or closed before the name, are no credit.
        let text = "The council (of Norway) voted.";
        assert!(!in_credit_line(&at(text, "Norway"), text));
        let text = "LYON (ABC) - The council of Norway voted.";
        assert!(!in_credit_line(&at(text, "Norway"), text));
    }

    #[test]
    fn relative_dates_without_a_name_are_not_explicit() {
        assert!(!explicit_date(&fact(FactKind::Date, "last year", "2019", None), Lang::En));
        assert!(!explicit_date(&fact(FactKind::Date, "today", "2024-01-02", None), Lang::En));
        assert!(explicit_date(&fact(FactKind::Date, "Thursday", "2024-01-04", None), Lang::En));
        assert!(explicit_date(&fact(FactKind::Date, "septembre", "2024-09", None), Lang::Fr));
        assert!(explicit_date(&fact(FactKind::Date, "in 2020", "2020", None), Lang::En));
    }

    #[test]
    fn a_name_alone_in_parentheses_is_an_aside() {
        let text = "Robbo (Frank Sinatra) recruits Will (Sam Dale.) at the (old) Rue Haute (in town).";
        let at = |name: &str| {
            let start = text.find(name).unwrap();
            Fact { start, end: start + name.len(), ..fact(FactKind::Entity, name, "x", None) }
        };
        assert!(in_parentheses(&at("Frank Sinatra"), text));
        assert!(in_parentheses(&at("Sam Dale"), text));
        assert!(!in_parentheses(&at("Rue Haute"), text));
        assert!(!in_parentheses(&at("Robbo"), text));
        let code = "dans son tombeau (TT211).";
        let f = Fact { start: 18, end: 23, ..fact(FactKind::Entity, "TT211", "tt211", None) };
        assert!(!in_parentheses(&f, code));
    }

    #[test]
    fn a_place_inside_an_institution_name_is_no_place_of_its_own() {
        let text =
            "Le Parti libéral du Canada et l'École des beaux-arts de Lyon. Il vit au Canada. La Bank of England.";
        let at = |name: &str, nth: usize| {
            let start = text.match_indices(name).nth(nth).unwrap().0;
            let f = fact(FactKind::Entity, name, "x", Some(EntityType::Place));
            Fact { start, end: start + name.len(), ..f }
        };
        assert!(in_institution_name(&at("Canada", 0), text));
        assert!(in_institution_name(&at("Lyon", 0), text));
        assert!(in_institution_name(&at("England", 0), text));
        assert!(!in_institution_name(&at("Canada", 1), text));
    }

    #[test]
    fn one_word_with_each_language_ending() {
        assert!(same_stem_across("gothic", "gothiques"));
        assert!(same_stem_across("marxist", "marxistes"));
        assert!(same_stem_across("baroque", "baroque"));
        assert!(!same_stem_across("gothic", "gothenburg"));
        assert!(!same_stem_across("celt", "celtique"));
    }

    #[test]
    fn compass_points_are_no_names() {
        assert!(compass_point(&fact(FactKind::Entity, "Northeast", "northeast", None)));
        assert!(compass_point(&fact(FactKind::Entity, "Sud-Ouest", "sud ouest", None)));
        assert!(!compass_point(&fact(FactKind::Entity, "North Dakota", "north dakota", None)));
        assert!(compass_point(&fact(FactKind::Entity, "Anatolian Southeast", "anatolian southeast", None)));
        let text = "au IIIe siècle après Jésus-Christ";
        let start = text.find("Jésus").unwrap();
        let f = Fact { start, end: text.len(), ..fact(FactKind::Entity, "Jésus-Christ", "jesus christ", None) };
        assert!(era(&f, text));
    }

    #[test]
    fn bare_weekdays_have_a_number() {
        assert_eq!(weekday_number(&fact(FactKind::Date, "Sunday", "XXXX-WXX-7", None)), Some(7));
        assert_eq!(weekday_number(&fact(FactKind::Date, "lundi.", "XXXX-WXX-1", None)), Some(1));
        assert_eq!(weekday_number(&fact(FactKind::Date, "Sunday, May 5", "2024-05-05", None)), None);
    }

    #[test]
    fn counted_nouns_follow_the_figure() {
        let text = "un commando de quatre malfaiteurs";
        let f = Fact { start: 15, end: 21, ..fact(FactKind::Number, "quatre", "4", None) };
        assert_eq!(counted_noun(&f, text).as_deref(), Some("malfaiteurs"));
        let text = "a total of 17, police said";
        let f = Fact { start: 11, end: 13, ..fact(FactKind::Number, "17", "17", None) };
        assert_eq!(counted_noun(&f, text), None);
    }
}
