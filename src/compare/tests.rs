//! Comparisons over hand-made analyses: each test writes two short versions and their facts,
//! as the facts stage would give them, and checks what is (and is not) flagged.

use super::*;
use crate::document::{Document, Sentence};
use crate::facts::{DocumentFacts, EntityType};
use crate::lang::Lang;

/// A version built sentence by sentence, with facts located by their surface text.
pub(crate) struct Version {
    analysis: Analysis,
}

impl Version {
    pub(crate) fn new(lang: Lang, sentences: &[&str]) -> Version {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (index, s) in sentences.iter().enumerate() {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(s);
            spans.push(Sentence { index, start, end: text.len(), noise: false });
        }
        let doc = Document {
            id: format!("{lang}.txt"),
            text,
            lang,
            published: None,
            title: None,
            url: None,
            sentences: spans,
        };
        let facts =
            DocumentFacts { facts: Vec::new(), by_sentence: vec![Vec::new(); sentences.len()], cut: Vec::new() };
        Version { analysis: Analysis { doc, facts } }
    }

    /// Adds a fact at the first occurrence of `surface` in sentence `sentence`.
    pub(crate) fn fact(mut self, sentence: usize, surface: &str, kind: FactKind, value: &str) -> Version {
        let s = self.analysis.doc.sentences[sentence];
        let at = self.analysis.doc.text[s.start..s.end].find(surface).expect("surface in sentence") + s.start;
        let entity_type = (kind == FactKind::Entity).then_some(EntityType::Other);
        let fact = Fact {
            kind,
            start: at,
            end: at + surface.len(),
            text: surface.into(),
            value: value.into(),
            unit: None,
            entity_type,
        };
        let facts = &mut self.analysis.facts;
        facts.by_sentence[sentence].push(facts.facts.len());
        facts.facts.push(fact);
        self
    }

    pub(crate) fn num(self, sentence: usize, surface: &str, value: &str) -> Version {
        self.fact(sentence, surface, FactKind::Number, value)
    }

    pub(crate) fn date(self, sentence: usize, surface: &str, value: &str) -> Version {
        self.fact(sentence, surface, FactKind::Date, value)
    }

    pub(crate) fn name(self, sentence: usize, surface: &str, key: &str) -> Version {
        self.fact(sentence, surface, FactKind::Entity, key)
    }

    /// A name of a known type (person, place, organisation).
    pub(crate) fn typed(mut self, sentence: usize, surface: &str, key: &str, entity_type: EntityType) -> Version {
        self = self.fact(sentence, surface, FactKind::Entity, key);
        if let Some(fact) = self.analysis.facts.facts.last_mut() {
            fact.entity_type = Some(entity_type);
        }
        self
    }

    pub(crate) fn noise(mut self, sentence: usize) -> Version {
        self.analysis.doc.sentences[sentence].noise = true;
        self
    }

    pub(crate) fn done(self) -> Analysis {
        self.analysis
    }
}

fn one_pair(left: &Analysis, right: &Analysis) -> Vec<Divergence> {
    compare_sentences(left, right, PairRef { left: &[0], right: &[0] }, &SeverityRules::default())
}

/// The divergences of a one-pair alignment, weighed as the comparison weighs them (`one_pair`
/// gives them before the severity rules).
fn graded_pair(left: &Analysis, right: &Analysis) -> Vec<Divergence> {
    compare(left, right, &alignment(&[(vec![0], vec![0])]), &SeverityRules::default()).pairs.remove(0)
}

fn assert_only_info(divergences: &[Divergence]) {
    assert!(divergences.iter().all(|d| d.severity == Severity::Info), "{divergences:?}");
}

fn kinds(divergences: &[Divergence]) -> Vec<(DivergenceKind, Severity)> {
    divergences.iter().map(|d| (d.kind, d.severity)).collect()
}

fn sides(d: &Divergence) -> Vec<(Side, &str)> {
    d.evidence.iter().map(|e| (e.side, e.text.as_str())).collect()
}

#[test]
fn changed_figure_is_a_mismatch_with_evidence_on_both_sides() {
    let fr = Version::new(Lang::Fr, &["Sept morts et 12 blessés."]).num(0, "Sept", "7").num(0, "12", "12").done();
    let en = Version::new(Lang::En, &["Eight dead and 12 injured."]).num(0, "Eight", "8").num(0, "12", "12").done();
    let found = one_pair(&fr, &en);
    assert_eq!(kinds(&found), [(DivergenceKind::NumberMismatch, Severity::Error)]);
    assert_eq!(sides(&found[0]), [(Side::Left, "Sept"), (Side::Right, "Eight")]);
}

#[test]
fn a_contradiction_in_a_pair_that_is_not_strong_is_a_warning() {
    let fr = Version::new(Lang::Fr, &["Sept morts et 12 blessés."]).num(0, "Sept", "7").num(0, "12", "12").done();
    let en = Version::new(Lang::En, &["Eight dead and 12 injured."]).num(0, "Eight", "8").num(0, "12", "12").done();
    let severity = |score: f64| {
        let mut kept = alignment(&[(vec![0], vec![0])]);
        kept.pairs[0].score = score;
        let found = compare(&fr, &en, &kept, &SeverityRules::default()).pairs.remove(0);
        kinds(&found)
    };
    assert_eq!(severity(0.8), [(DivergenceKind::NumberMismatch, Severity::Error)]);
    assert_eq!(severity(0.25), [(DivergenceKind::NumberMismatch, Severity::Warning)]);
}

#[test]
fn equal_values_in_other_words_are_no_divergence() {
    let fr = Version::new(Lang::Fr, &["Sept pays, 3,5 % et 1,5 million d'euros, pour ses 60 ans."])
        .num(0, "Sept", "7")
        .fact(0, "3,5 %", FactKind::Percent, "3.5")
        .fact(0, "1,5 million d'euros", FactKind::Money, "1500000")
        .num(0, "60", "60")
        .done();
    let en = Version::new(Lang::En, &["Seven countries, 3.5% and 1,500,000 euros, for its 60 years."])
        .num(0, "Seven", "7")
        .fact(0, "3.5%", FactKind::Percent, "3.5")
        .fact(0, "1,500,000 euros", FactKind::Money, "1500000")
        .num(0, "60", "60")
        .done();
    assert!(one_pair(&fr, &en).is_empty());
}

#[test]
fn a_count_told_in_vague_words_is_missing_on_the_precise_side() {
    let fr = Version::new(Lang::Fr, &["Plusieurs députés avaient tiré la sonnette d'alarme."]).done();
    let en = Version::new(Lang::En, &["Seven deputies had sounded the alarm."]).num(0, "Seven", "7").done();
    let found = one_pair(&fr, &en);
    assert_eq!(kinds(&found), [(DivergenceKind::NumberMissing, Severity::Warning)], "a count of a noun in words");
    assert_eq!(sides(&found[0]), [(Side::Right, "Seven")]);
    let en = Version::new(Lang::En, &["7 deputies had sounded the alarm."]).num(0, "7", "7").done();
    assert_eq!(kinds(&one_pair(&fr, &en)), [(DivergenceKind::NumberMissing, Severity::Warning)], "a dropped figure");
    let en = Version::new(Lang::En, &["Two deputies had sounded the alarm."]).num(0, "Two", "2").done();
    assert_eq!(kinds(&one_pair(&fr, &en)), [(DivergenceKind::NumberMissing, Severity::Info)], "in_words rule");
}

#[test]
fn a_figure_in_words_contradicted_is_still_a_mismatch() {
    let fr = Version::new(Lang::Fr, &["Sept députés ont parlé."]).num(0, "Sept", "7").done();
    let en = Version::new(Lang::En, &["Eight deputies spoke."]).num(0, "Eight", "8").done();
    assert_eq!(kinds(&one_pair(&fr, &en)), [(DivergenceKind::NumberMismatch, Severity::Error)]);
}

#[test]
fn figures_told_without_a_number_word_are_present() {
    let fr = Version::new(Lang::Fr, &["Il a fui pendant 10 ans et payé 2 fois plus, avec une trentaine d'amis."])
        .num(0, "10", "10")
        .num(0, "2", "2")
        .done();
    let en = Version::new(Lang::En, &["He fled for a decade and paid twice as much, with up to 30 friends."])
        .num(0, "30", "30")
        .done();
    assert!(one_pair(&fr, &en).is_empty());
}

#[test]
fn fractions_round_words_names_and_decades_are_not_counts() {
    let fr = Version::new(Lang::Fr, &["Dans les années 80, à l'université de Trente, une demi-heure."])
        .num(0, "80", "80")
        .num(0, "Trente", "30")
        .num(0, "une demi", "0.5")
        .done();
    let en = Version::new(Lang::En, &["In the 1980s, a hundred metres from the campus."])
        .fact(0, "1980s", FactKind::Date, "198")
        .num(0, "a hundred", "100")
        .done();
    assert!(one_pair(&fr, &en).is_empty());
}

#[test]
fn numbers_in_names_and_unit_conversions_are_not_counts() {
    let fr = Version::new(Lang::Fr, &["Le Covid et APT31 ont fait 100 km."])
        .fact(0, "100 km", FactKind::Quantity, "100")
        .done();
    let en = Version::new(Lang::En, &["Covid-19 and APT31 went 100 km (62 miles)."])
        .num(0, "19", "19")
        .fact(0, "100 km", FactKind::Quantity, "100")
        .fact(0, "62 miles", FactKind::Quantity, "62")
        .done();
    assert!(one_pair(&fr, &en).is_empty(), "{:?}", one_pair(&fr, &en));
}

#[test]
fn a_figure_the_extractor_missed_is_still_read_in_the_text() {
    let fr = Version::new(Lang::Fr, &["Il y a 3 000 manifestants."]).num(0, "3 000", "3000").done();
    let en = Version::new(Lang::En, &["There are 3,000 protesters."]).done();
    assert!(one_pair(&fr, &en).is_empty());
}

#[test]
fn rounded_figures_agree_but_round_figures_do_not() {
    let fr = Version::new(Lang::Fr, &["1,46 million et 600 personnes."])
        .num(0, "1,46 million", "1460000")
        .num(0, "600", "600")
        .done();
    let en = Version::new(Lang::En, &["1.5 million and 620 people."])
        .num(0, "1.5 million", "1500000")
        .num(0, "620", "620")
        .done();
    let found = one_pair(&fr, &en);
    assert_eq!(kinds(&found), [(DivergenceKind::NumberMismatch, Severity::Error)]);
    assert_eq!(sides(&found[0]), [(Side::Left, "600"), (Side::Right, "620")]);
}

#[test]
fn weekdays_that_resolve_to_the_same_day_agree() {
    let fr = Version::new(Lang::Fr, &["Elle a assuré mardi, lundi et la semaine dernière."])
        .date(0, "mardi", "2024-04-30")
        .date(0, "lundi", "2024-05-06")
        .date(0, "la semaine dernière", "2024-W18")
        .done();
    let en = Version::new(Lang::En, &["She said on April 30, on Monday, May 6 and last week."])
        .date(0, "April 30", "2024-04-30")
        .date(0, "Monday, May 6", "2024-05-06")
        .date(0, "last week", "2024-W18")
        .done();
    assert!(one_pair(&fr, &en).is_empty());
}

#[test]
fn a_changed_weekday_is_a_date_mismatch_and_a_dropped_one_is_missing() {
    let fr = Version::new(Lang::Fr, &["Il est arrivé samedi.", "Il est arrivé dimanche en France."])
        .date(0, "samedi", "XXXX-WXX-6")
        .date(1, "dimanche", "XXXX-WXX-7")
        .done();
    let en =
        Version::new(Lang::En, &["He arrived on Friday.", "He is in France."]).date(0, "Friday", "XXXX-WXX-5").done();
    assert_eq!(kinds(&one_pair(&fr, &en)), [(DivergenceKind::DateMismatch, Severity::Error)]);
    let found = compare_sentences(&fr, &en, PairRef { left: &[1], right: &[1] }, &SeverityRules::default());
    assert_eq!(kinds(&found), [(DivergenceKind::DateMissing, Severity::Warning)]);
    assert_eq!(sides(&found[0]), [(Side::Left, "dimanche")]);
}

#[test]
fn translated_names_agree_and_spelling_variants_are_info() {
    let fr = Version::new(Lang::Fr, &["Les États-Unis, l'IPAC et Prisca Thévenot."])
        .name(0, "États-Unis", "united_states")
        .name(0, "IPAC", "ipac")
        .name(0, "Prisca Thévenot", "prisca thevenot")
        .done();
    let en = Version::new(Lang::En, &["The United States, Ipac and Prisca Thevenot."])
        .name(0, "United States", "united_states")
        .name(0, "Ipac", "ipac")
        .name(0, "Prisca Thevenot", "prisca thevenot")
        .done();
    let found = one_pair(&fr, &en);
    assert_eq!(kinds(&found), [(DivergenceKind::EntityVariant, Severity::Info)]);
    assert_eq!(sides(&found[0]), [(Side::Left, "Prisca Thévenot"), (Side::Right, "Prisca Thevenot")]);
}

#[test]
fn a_replaced_name_is_a_mismatch_and_a_dropped_one_is_missing() {
    let fr = Version::new(Lang::Fr, &["Selon James Clapper, à Ottawa."])
        .name(0, "James Clapper", "james clapper")
        .name(0, "Ottawa", "ottawa")
        .done();
    let en = Version::new(Lang::En, &["According to Rob Nicholson."]).name(0, "Rob Nicholson", "rob nicholson").done();
    let found = one_pair(&fr, &en);
    assert_eq!(
        kinds(&found),
        [(DivergenceKind::EntityMismatch, Severity::Error), (DivergenceKind::EntityMissing, Severity::Warning)]
    );
    assert_eq!(sides(&found[1]), [(Side::Left, "Ottawa")]);
}

#[test]
fn a_name_told_short_with_its_full_form_in_parentheses_is_not_missing() {
    let fr = Version::new(Lang::Fr, &["Le PLV de Jean Morin a réagi."])
        .name(0, "PLV", "plv")
        .name(0, "Jean Morin", "jean morin")
        .done();
    let en = Version::new(Lang::En, &["Jean Morin's Zelnik League (PLV) reacted."])
        .name(0, "Jean Morin", "jean morin")
        .name(0, "Zelnik League", "zelnik league")
        .name(0, "PLV", "plv")
        .done();
    assert_only_info(&graded_pair(&fr, &en));
    // Without the short form beside it, the full name is missing from the French.
    let en = Version::new(Lang::En, &["Jean Morin's Zelnik League reacted."])
        .name(0, "Jean Morin", "jean morin")
        .name(0, "Zelnik League", "zelnik league")
        .done();
    let found = graded_pair(&fr, &en);
    assert!(found.iter().any(|d| d.severity > Severity::Info), "{found:?}");
}

#[test]
fn a_capital_standing_for_its_country_is_not_missing() {
    let fr = Version::new(Lang::Fr, &["Si la Russie augmente le prix, Kiev taxera le gaz."])
        .name(0, "Russie", "RU")
        .name(0, "Kiev", "city:kyiv")
        .done();
    let en = Version::new(Lang::En, &["If Moscow raises the price, Kyiv will tax the gas."])
        .name(0, "Moscow", "city:moscow")
        .name(0, "Kyiv", "city:kyiv")
        .done();
    assert_only_info(&graded_pair(&fr, &en));
    // A side that names the capital and the country against a lone country dropped the capital.
    let fr = Version::new(Lang::Fr, &["Ottawa a écrit à Londres au nom du Canada."])
        .name(0, "Ottawa", "city:ottawa")
        .name(0, "Londres", "city:london")
        .name(0, "Canada", "CA")
        .done();
    let en = Version::new(Lang::En, &["Canada wrote to London."])
        .name(0, "Canada", "CA")
        .name(0, "London", "city:london")
        .done();
    let found = graded_pair(&fr, &en);
    assert_eq!(kinds(&found), [(DivergenceKind::EntityMissing, Severity::Warning)]);
}

#[test]
fn a_name_the_other_extractor_missed_is_still_read_in_the_text() {
    let fr = Version::new(Lang::Fr, &["Le ministre Nicholson a parlé."]).done();
    let en =
        Version::new(Lang::En, &["Minister Rob Nicholson spoke."]).name(0, "Rob Nicholson", "rob nicholson").done();
    assert!(one_pair(&fr, &en).is_empty());
}

#[test]
fn a_fact_told_in_another_sentence_is_only_info() {
    let fr = Version::new(Lang::Fr, &["Il y a eu des morts.", "Le bilan est de 12 morts."]).num(1, "12", "12").done();
    let en = Version::new(Lang::En, &["There were 12 dead.", "The toll is heavy."]).num(0, "12", "12").done();
    let cmp = compare(&fr, &en, &alignment(&[(vec![0], vec![0]), (vec![1], vec![1])]), &SeverityRules::default());
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::NumberMissing, Severity::Info)]);
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::NumberMissing, Severity::Info)]);
    assert_eq!(cmp.pairs[1][0].note.as_deref(), Some("stated in right sentence 1"));
}

#[test]
fn a_name_the_other_version_gave_just_before_is_a_repetition_left_out() {
    let fr = Version::new(Lang::Fr, &["Valmorin a nommé un chef.", "Son chef des ventes a parlé."])
        .name(0, "Valmorin", "valmorin")
        .done();
    let en = Version::new(Lang::En, &["Valmorin named a head.", "The head of sales at Valmorin spoke."])
        .name(0, "Valmorin", "valmorin")
        .name(1, "Valmorin", "valmorin")
        .done();
    let cmp = compare(&fr, &en, &alignment(&[(vec![0], vec![0]), (vec![1], vec![1])]), &SeverityRules::default());
    assert!(cmp.pairs[0].is_empty());
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::EntityMissing, Severity::Info)]);
    assert_eq!(
        cmp.pairs[1][0].note.as_deref(),
        Some("named just before in the other version: a repeated name left out")
    );
}

#[test]
fn a_city_locating_a_landmark_is_only_info_between_comparable_reports() {
    let fr = Version::new(Lang::Fr, &["Le vol a eu lieu au Valdor."]).name(0, "Valdor", "valdor").done();
    let en = Version::new(Lang::En, &["The theft took place at the Valdor in Lyon."])
        .name(0, "Valdor", "valdor")
        .typed(0, "Lyon", "city:lyon", EntityType::Place)
        .done();
    let cmp = |relation: &str| compare_as(relation, &fr, &en, &[(vec![0], vec![0])]).pairs.remove(0);
    let comparable = cmp("comparable");
    assert_eq!(kinds(&comparable), [(DivergenceKind::EntityMissing, Severity::Info)]);
    assert_eq!(comparable[0].note.as_deref(), Some("a place locating a name that the other version gives"));
    // a translation keeps the city: there it is an omission
    assert_eq!(kinds(&cmp("translation")), [(DivergenceKind::EntityMissing, Severity::Warning)]);
}

#[test]
fn a_count_is_told_elsewhere_only_as_a_count_of_the_same_thing() {
    let fr =
        Version::new(Lang::Fr, &["Quatre voleurs sont entrés au musée.", "Ils ont fui."]).num(0, "Quatre", "4").done();
    let en =
        Version::new(Lang::En, &["Thieves entered the museum.", "It took four minutes."]).num(1, "four", "4").done();
    let cmp = compare_as("comparable", &fr, &en, &[(vec![0], vec![0]), (vec![1], vec![1])]);
    // four thieves are not four minutes: the count of thieves is one report's alone
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::NumberMissing, Severity::Warning)]);
}

#[test]
fn between_comparable_reports_a_person_named_elsewhere_is_named_for_another_deed() {
    let fr = Version::new(Lang::Fr, &["Le match a fini tard.", "Le but est venu de Durand."])
        .typed(1, "Durand", "durand", EntityType::Person)
        .done();
    let en = Version::new(Lang::En, &["Durand scored early.", "The goal came late."])
        .typed(0, "Durand", "durand", EntityType::Person)
        .done();
    let pairs = [(vec![0], vec![0]), (vec![1], vec![1])];
    let cmp = |relation: &str| compare_as(relation, &fr, &en, &pairs).pairs;
    let comparable = cmp("comparable");
    assert_eq!(kinds(&comparable[0]), [(DivergenceKind::EntityMissing, Severity::Warning)]);
    // a translation that moves a name to another sentence has only moved it
    assert_only_info(&cmp("translation")[0]);
}

#[test]
fn capitals_ending_on_a_common_word_are_no_person_named_for_a_deed() {
    let fr = Version::new(Lang::Fr, &["Le jury a voté.", "Le Grand Prix a été remis hier."])
        .typed(1, "Grand Prix", "grand prix", EntityType::Person)
        .done();
    let en = Version::new(Lang::En, &["The Grand Prize jury voted.", "It was handed over yesterday."])
        .typed(0, "Grand Prize", "grand prix", EntityType::Person)
        .done();
    let cmp = compare_as("comparable", &fr, &en, &[(vec![0], vec![0]), (vec![1], vec![1])]);
    // typed a person's from its capitals only: told elsewhere, so information
    assert_only_info(&cmp.pairs[0]);
    assert_eq!(cmp.pairs[0][0].note.as_deref(), Some("stated in left sentence 2"));
}

#[test]
fn between_comparable_reports_the_agent_of_a_passive_is_a_doer_too() {
    let fr = Version::new(Lang::Fr, &["Le but, servi par Zorvane, est venu tôt.", "Le match a fini tard."])
        .name(0, "Zorvane", "zorvane")
        .done();
    let en =
        Version::new(Lang::En, &["The goal came early.", "Zorvane scored late."]).name(1, "Zorvane", "zorvane").done();
    let cmp = compare_as("comparable", &fr, &en, &[(vec![0], vec![0]), (vec![1], vec![1])]);
    // the name of no known type after "par" did the deed: told elsewhere for another one
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::EntityMissing, Severity::Warning)]);
}

#[test]
fn a_shorter_name_just_before_does_not_name_the_longer() {
    let fr = Version::new(Lang::Fr, &["Le Kenya a voté.", "Selon la presse, le bilan est lourd."])
        .typed(0, "Kenya", "KE", EntityType::Place)
        .done();
    let en = Version::new(Lang::En, &["Kenya voted.", "The toll is heavy, the Kenya Times said."])
        .typed(0, "Kenya", "KE", EntityType::Place)
        .typed(1, "Kenya Times", "kenya times", EntityType::Org)
        .done();
    let cmp = compare_as("translation", &fr, &en, &[(vec![0], vec![0]), (vec![1], vec![1])]);
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::EntityMissing, Severity::Warning)]);
}

#[test]
fn a_date_is_told_elsewhere_only_as_precisely() {
    let fr = Version::new(Lang::Fr, &["La banque a baissé ses taux.", "Elle agira encore en 2024."])
        .date(1, "2024", "2024")
        .done();
    let en = Version::new(Lang::En, &["The bank cut rates on 17 October 2024.", "It will act again."])
        .date(0, "17 October 2024", "2024-10-17")
        .done();
    let cmp = compare(&fr, &en, &alignment(&[(vec![0], vec![0]), (vec![1], vec![1])]), &SeverityRules::default());
    // the year agrees with the day, but does not tell it
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::DateMissing, Severity::Warning)]);
    // the day tells the year: moved, not lost
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::DateMissing, Severity::Info)]);
}

#[test]
fn a_replaced_name_repeated_elsewhere_stays_a_mismatch() {
    // Each version changed the name in a different sentence: both names are said again in the
    // other pair, but nothing there accounts for "DGSE" or "CDT".
    let fr = Version::new(Lang::Fr, &["La NSA a parlé.", "La CDT a répondu."])
        .name(0, "NSA", "org:NSA")
        .name(1, "CDT", "cdt")
        .done();
    let en = Version::new(Lang::En, &["The DGSE spoke.", "The NSA answered."])
        .name(0, "DGSE", "org:DGSE")
        .name(1, "NSA", "org:NSA")
        .done();
    let cmp = compare(&fr, &en, &alignment(&[(vec![0], vec![0]), (vec![1], vec![1])]), &SeverityRules::default());
    // Acronyms differ between languages (OTAN / NATO): a warning, not a proven contradiction.
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::EntityMismatch, Severity::Warning)]);
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::EntityMismatch, Severity::Warning)]);
}

#[test]
fn a_mismatch_with_a_moved_fact_splits_into_two_missing_facts() {
    let fr = Version::new(Lang::Fr, &["L'IPAC a parlé.", "Selon la CGT, rien."]).name(0, "IPAC", "ipac").done();
    let en = Version::new(Lang::En, &["The CGT spoke.", "Ipac said nothing."])
        .name(0, "CGT", "cgt")
        .name(1, "Ipac", "ipac")
        .done();
    let cmp = compare(&fr, &en, &alignment(&[(vec![0], vec![0]), (vec![1], vec![1])]), &SeverityRules::default());
    let first: Vec<_> = cmp.pairs[0].iter().map(|d| (d.kind, d.severity, sides(d))).collect();
    assert_eq!(
        first,
        [
            (DivergenceKind::EntityMissing, Severity::Info, vec![(Side::Left, "IPAC")]),
            (DivergenceKind::EntityMissing, Severity::Warning, vec![(Side::Right, "CGT")]),
        ]
    );
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::EntityMissing, Severity::Info)]);
}

#[test]
fn a_fact_matched_in_its_own_pair_elsewhere_does_not_excuse_a_missing_one() {
    let fr = Version::new(Lang::Fr, &["Jeudi, 12 morts.", "Le bilan est lourd."]).num(0, "12", "12").done();
    let en = Version::new(Lang::En, &["On Thursday, 12 dead.", "The toll of 12 is heavy."])
        .num(0, "12", "12")
        .num(1, "12", "12")
        .done();
    let cmp = compare(&fr, &en, &alignment(&[(vec![0], vec![0]), (vec![1], vec![1])]), &SeverityRules::default());
    assert!(cmp.pairs[0].is_empty());
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::NumberMissing, Severity::Warning)]);
}

#[test]
fn a_quotation_on_one_side_only() {
    let fr = Version::new(Lang::Fr, &["« Nous ne céderons pas à la peur », a-t-il dit."]).done();
    let en = Version::new(Lang::En, &["He said they would not give in to fear."]).done();
    let found = one_pair(&fr, &en);
    assert_eq!(kinds(&found), [(DivergenceKind::QuoteMissing, Severity::Warning)]);
    let en_quoted = Version::new(Lang::En, &["\"We will not give in to fear,\" he said."]).done();
    assert!(one_pair(&fr, &en_quoted).is_empty());
    // Two apostrophes quote too, on sites that cannot type quotation marks.
    let en_apostrophes = Version::new(Lang::En, &["''We will not give in to fear,'' he said."]).done();
    assert!(one_pair(&fr, &en_apostrophes).is_empty());
}

#[test]
fn user_rules_change_and_silence_kinds() {
    let fr = Version::new(Lang::Fr, &["7 morts."]).num(0, "7", "7").done();
    let en = Version::new(Lang::En, &["Many dead."]).done();
    let mut rules = SeverityRules::default();
    rules.apply_override("number_missing=error").unwrap();
    let pair = PairRef { left: &[0], right: &[0] };
    assert_eq!(kinds(&compare_sentences(&fr, &en, pair, &rules)), [(DivergenceKind::NumberMissing, Severity::Error)]);
    rules.apply_override("number_missing=off").unwrap();
    assert!(compare_sentences(&fr, &en, pair, &rules).is_empty());
}

#[test]
fn document_comparison_lists_omissions_and_the_fact_table() {
    let fr = Version::new(Lang::Fr, &["Publicité", "Sept morts à Paris.", "Le maire Hidalgo a parlé."])
        .noise(0)
        .num(1, "Sept", "7")
        .name(1, "Paris", "paris")
        .name(2, "Hidalgo", "hidalgo")
        .done();
    let en = Version::new(Lang::En, &["Seven dead.", "An extra line in 2024."])
        .num(0, "Seven", "7")
        .date(1, "2024", "2024")
        .done();
    let alignment = alignment(&[(vec![1], vec![0])]);
    let cmp = compare(&fr, &en, &alignment, &SeverityRules::default());
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::EntityMissing, Severity::Warning)]);
    assert_eq!(cmp.omissions, [Unpaired { sentence: 2, facts: vec![2] }]);
    assert_eq!(cmp.additions, [Unpaired { sentence: 1, facts: vec![1] }]);
    let presence: Vec<_> = cmp.facts.left.iter().map(|r| (r.fact, r.other)).collect();
    assert_eq!(presence, [(0, Presence::Partner), (1, Presence::Absent), (2, Presence::Absent)]);
    assert_eq!(cmp.facts.right[1].pair, None);
}

/// An alignment of the given pairs (unmatched lists are derived by `compare` itself).
/// The comparison of two versions along `pairs`, with the relation between them given
/// (`translation` or `comparable`) rather than detected.
fn compare_as(relation: &str, left: &Analysis, right: &Analysis, pairs: &[(Vec<usize>, Vec<usize>)]) -> Comparison {
    let mut rules = SeverityRules::default();
    rules.set_relation(relation).expect("a relation the rules know");
    compare(left, right, &alignment(pairs), &rules)
}

pub(crate) fn alignment(pairs: &[(Vec<usize>, Vec<usize>)]) -> crate::align::Alignment {
    let pairs =
        pairs.iter().map(|(l, r)| crate::align::Pair { left: l.clone(), right: r.clone(), score: 0.8 }).collect();
    crate::align::Alignment { pairs, ..Default::default() }
}

#[test]
fn a_name_unmatched_in_several_pairs_is_a_naming_choice() {
    let fr = Version::new(Lang::Fr, &["Selon la Cour des comptes.", "La Cour des comptes nie.", "Selon Paul Hardy."])
        .name(0, "Cour des comptes", "cour des comptes")
        .name(1, "Cour des comptes", "cour des comptes")
        .name(2, "Paul Hardy", "paul hardy")
        .done();
    let en = Version::new(
        Lang::En,
        &["According to the Audit Office.", "The Audit Office denies.", "According to Ian Bell."],
    )
    .name(0, "Audit Office", "audit office")
    .name(1, "Audit Office", "audit office")
    .name(2, "Ian Bell", "ian bell")
    .done();
    let pairs = [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])];
    let cmp = compare_as("translation", &fr, &en, &pairs);
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::EntityMismatch, Severity::Info)]);
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::EntityMismatch, Severity::Info)]);
    assert_eq!(
        kinds(&cmp.pairs[2]),
        [(DivergenceKind::EntityMismatch, Severity::Error)],
        "a changed name stays an error"
    );
}

/// Every string of 1 to `max_len` characters over `alphabet`, for checking a hand scan against
/// the regular expression it replaces.
pub(crate) fn every_string(alphabet: &[char], max_len: u32) -> impl Iterator<Item = String> + '_ {
    (1..=max_len).flat_map(move |len| {
        (0..alphabet.len().pow(len)).map(move |mut code| {
            let mut text = String::new();
            for _ in 0..len {
                text.push(alphabet[code % alphabet.len()]);
                code /= alphabet.len();
            }
            text
        })
    })
}

/// The hand scan of quotations finds exactly the matches of the regular expression it replaces,
/// on every short string over the marks and a letter and a space.
#[test]
fn quotation_scan_matches_the_regex() {
    let quote = regex::Regex::new(r#"«[^»]+»|“[^”“]+”|"[^"]+""#).unwrap();
    let mut checked = 0;
    for text in every_string(&['«', '»', '“', '”', '"', 'a', ' '], 7) {
        let expected: Vec<_> = quote.find_iter(&text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(quoted_spans(&text), expected, "{text:?}");
        checked += 1;
    }
    assert!(checked > 900_000);
}

/// The quotation scan looks for the first byte of the marks: characters that share it ("°" and
/// "«", "—" and "“") are passed over as the regular expression passes over them.
#[test]
fn quotation_scan_passes_over_characters_sharing_a_first_byte() {
    let quote = regex::Regex::new(r#"«[^»]+»|“[^”“]+”|"[^"]+""#).unwrap();
    for text in every_string(&['«', '»', '“', '"', '—', '°', 'é'], 6) {
        let expected: Vec<_> = quote.find_iter(&text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(quoted_spans(&text), expected, "{text:?}");
    }
}

#[test]
fn a_pair_of_too_many_facts_compares_its_first_ones_and_says_so() {
    let n = MAX_PAIR_FACTS + 100;
    let words = |base: usize| (0..n).map(|i| format!("x{}", base + i)).collect::<Vec<_>>().join(" ");
    let (fr_text, en_text) = (words(10_000), words(20_000));
    let mut fr = Version::new(Lang::Fr, &[&fr_text]);
    let mut en = Version::new(Lang::En, &[&en_text]);
    for i in 0..n {
        fr = fr.num(0, &format!("x{}", 10_000 + i), &(10_000 + i).to_string());
        en = en.num(0, &format!("x{}", 20_000 + i), &(20_000 + i).to_string());
    }
    let found = one_pair(&fr.done(), &en.done());
    assert!(!found.is_empty());
    assert!(found.iter().all(|d| d.note.as_deref().is_some_and(|n| n.contains("too long to compare in full"))));
    let facts_seen: usize = found.iter().map(|d| d.evidence.len()).sum();
    assert!(facts_seen <= 2 * MAX_PAIR_FACTS, "{facts_seen}");
}

#[test]
fn a_speaker_left_to_a_pronoun_and_a_weekday_habit_are_info() {
    let fr =
        Version::new(Lang::Fr, &["« Je suis ravi », a-t-il déclaré.", "Les primes de dimanches sont dues."]).done();
    let en = Version::new(Lang::En, &["\"I am glad,\" Durand told reporters.", "Sunday pay is due."])
        .name(0, "Durand", "durand")
        .date(1, "Sunday", "XXXX-WXX-7")
        .done();
    let pairs = [(vec![0], vec![0]), (vec![1], vec![1])];
    let cmp = compare_as("translation", &fr, &en, &pairs);
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::EntityMissing, Severity::Info)]);
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::DateMissing, Severity::Info)]);
    // Without the pronoun or the weekday on the other side, both stay warnings.
    let fr = Version::new(Lang::Fr, &["« Je suis ravi », a déclaré le coureur.", "Les primes sont dues."]).done();
    let cmp = compare_as("translation", &fr, &en, &pairs);
    assert_eq!(kinds(&cmp.pairs[0]), [(DivergenceKind::EntityMissing, Severity::Warning)]);
    assert_eq!(kinds(&cmp.pairs[1]), [(DivergenceKind::DateMissing, Severity::Warning)]);
}

#[test]
fn a_person_left_over_against_a_place_is_two_one_sided_names() {
    let fr = Version::new(Lang::Fr, &["« Rien n'est sûr », a dit l'élue, qui siège à Lyon."])
        .typed(0, "Lyon", "city:lyon", EntityType::Place)
        .done();
    let en = Version::new(Lang::En, &["\"Nothing is sure,\" said Marie Durand."])
        .typed(0, "Marie Durand", "marie durand", EntityType::Person)
        .done();
    let pairs = [(vec![0], vec![0])];
    let cmp = compare_as("translation", &fr, &en, &pairs);
    let found: Vec<_> = cmp.pairs[0].iter().map(|d| (d.kind, sides(d))).collect();
    assert_eq!(
        found,
        [
            (DivergenceKind::EntityMissing, vec![(Side::Left, "Lyon")]),
            (DivergenceKind::EntityMissing, vec![(Side::Right, "Marie Durand")])
        ]
    );
}

#[test]
fn a_quotation_written_unquoted_and_a_one_told_by_an_article_are_present() {
    let fr = Version::new(Lang::Fr, &["Il chante A Man Who Loves His Mother devant une masse solaire."]).done();
    let en = Version::new(Lang::En, &["He sings \"A Man Who Loves His Mother\" before 1 solar mass."])
        .num(0, "1", "1")
        .done();
    assert_eq!(kinds(&one_pair(&fr, &en)), []);
    let fr = Version::new(Lang::Fr, &["Il chante devant deux masses solaires."]).done();
    assert_eq!(
        kinds(&one_pair(&fr, &en)),
        [(DivergenceKind::NumberMissing, Severity::Warning), (DivergenceKind::QuoteMissing, Severity::Warning)]
    );
}
