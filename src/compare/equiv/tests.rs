//! Tests of the equivalences.

use super::*;

/// The tables `build.rs` wrote give each word the figures of its rows, in the file's order.
#[test]
fn transliterations_and_demonym_endings_share_a_skeleton() {
    let f = |t: &str| Fact {
        kind: FactKind::Entity,
        start: 0,
        end: t.len(),
        text: t.into(),
        value: fold(t),
        unit: None,
        entity_type: None,
    };
    assert!(other_spelling(&f("Mahomet"), &f("Muhammad")));
    assert!(other_spelling(&f("Biélorusses"), &f("Belarusians")));
    assert!(other_spelling(&f("Golfe du Mexique"), &f("Gulf of Mexico")));
    assert!(other_spelling(&f("Ouïghours"), &f("Uyghurs")));
    assert!(!other_spelling(&f("Dupont"), &f("Durand")));
    assert!(!other_spelling(&f("Lyon"), &f("Lion")), "short skeletons say nothing");
}

#[test]
fn build_time_implied_figures_match_the_data() {
    let mut expected: [std::collections::HashMap<&str, Vec<f64>>; 2] = Default::default();
    for row in crate::facts::lexicon::rows(include_str!("../../../data/implied_numbers.tsv")) {
        let [lang, word, figure] = row[..] else { continue };
        expected[usize::from(lang == "en")].entry(word).or_default().push(figure.parse().unwrap());
    }
    for (lang, words) in [Lang::Fr, Lang::En].into_iter().zip(expected) {
        assert_eq!(implied::WORDS[usize::from(lang == Lang::En)].keys.len(), words.len());
        for (word, figures) in words {
            assert_eq!(implied_figures(word, lang), figures.as_slice(), "{word}");
        }
    }
    assert_eq!(implied_figures("twice", Lang::En), &[2.0]);
}

/// The hand scan finds exactly the matches of the regular expression it replaces, on every
/// short string over the characters that matter.
#[test]
fn figure_scan_matches_the_regex() {
    let number = regex::Regex::new(r"\d(?:[\d\u{a0}\u{202f} ]*\d|[.,]\d)*").unwrap();
    let mut checked = 0;
    let alphabet = ['1', '7', ' ', '\u{a0}', '\u{202f}', '.', ',', 'a', 'é'];
    for text in crate::compare::tests::every_string(&alphabet, 6) {
        let expected: Vec<_> = number.find_iter(&text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(figure_spans(&text), expected, "{text:?}");
        checked += 1;
    }
    assert!(checked > 500_000);
    let digit = regex::Regex::new(r"\d").unwrap();
    for c in ('\u{80}'..'\u{660}').chain(['\u{660}']) {
        assert_eq!(digit.is_match(&c.to_string()), c == '\u{660}', "{c:?}");
    }
    assert_eq!(figure_spans("2 km² et ½"), vec![(0, 1)]);
    assert_eq!(figure_spans("\u{663}\u{664} et 12"), vec![(0, 4), (8, 10)]);
}

fn fact(kind: FactKind, text: &str, value: &str) -> Fact {
    Fact { kind, start: 0, end: text.len(), text: text.into(), value: value.into(), unit: None, entity_type: None }
}

#[test]
fn scale_words_and_years_agree() {
    assert!(same_number(1_500_000.0, 1.5e6));
    assert!(!same_number(7.0, 8.0));
    assert!(!same_number(3.0, 30.0));
    let three = fact(FactKind::Number, "3", "3");
    assert!(number_agrees(&three, &fact(FactKind::Money, "3 milliards d'euros", "3000000000")), "a scale word missed");
    assert!(!number_agrees(&three, &fact(FactKind::Number, "3,000", "3000")), "no scale word, no scaling");
    let tenth = fact(FactKind::Ordinal, "10e", "10");
    assert!(!number_agrees(&tenth, &fact(FactKind::Number, "10 thousand", "10000")), "an ordinal is no figure");
    let year = fact(FactKind::Number, "2012", "2012");
    assert!(number_agrees(&year, &fact(FactKind::Date, "en 2012", "2012")));
    assert!(!number_agrees(&year, &fact(FactKind::Date, "2013", "2013")));
    assert_eq!(class_of_fact(&year), Class::Date, "a bare year is a date");
    assert_eq!(class_of_fact(&fact(FactKind::Number, "2 012", "2012")), Class::Number);
}

#[test]
fn rounding_needs_a_precise_figure() {
    assert!(rounding_compatible(1.46e6, 1.5e6));
    assert!(rounding_compatible(177.0, 180.0));
    assert!(!rounding_compatible(600.0, 620.0), "two round figures differ");
    assert!(!rounding_compatible(160.0, 175.0));
    assert!(!rounding_compatible(2.1, 2.2));
    assert!(!rounding_compatible(13_900.0, 10_000.0), "too far off for a rounding");
}

#[test]
fn dates_agree_across_precision_and_unknown_parts() {
    assert!(dates_agree("2024-05-06", "2024-05-06"));
    assert!(dates_agree("2024-03", "2024-03-29"));
    assert!(dates_agree("XXXX-05-06", "2024-05-06"));
    assert!(dates_agree("2024-05-06T14:30", "2024-05-06"));
    assert!(!dates_agree("1848", "XXXX-WXX-5"), "a year and a weekday state different things");
    assert!(!dates_agree("1848", "XXXX-10"));
    assert!(!dates_agree("2024-05-06T14:30", "2024-05-06T15:30"));
    assert!(!dates_agree("2024-04-30", "2024-05-06"));
    assert!(!dates_agree("2012", "2010"));
    assert!(!dates_agree("XXXX-06", "XXXX-07"));
    assert!(!dates_agree("XXXX-WXX-5", "XXXX-WXX-6"), "vendredi / Thursday without a reference");
    assert!(dates_agree("XXXX-WXX-5", "XXXX-05-03"), "a weekday and a date cannot be compared");
    assert!(dates_agree("XXXX-WXX-6", "2013-10-26"), "Saturday 26 October 2013");
    assert!(!dates_agree("XXXX-WXX-7", "2013-10-26"), "dimanche is not Saturday 26 October 2013");
    let yesterday = fact(FactKind::Date, "Yesterday", "2013-10-30");
    let hier = fact(FactKind::Date, "Hier", "XXXX-XX-XX");
    assert!(date_agrees(&yesterday, &hier), "hier without a reference date is some day");
    assert!(
        !date_agrees(&fact(FactKind::Date, "June 18 2005", "2005-06-18"), &hier),
        "a written date is no relative one"
    );
}

#[test]
fn variants_are_spellings_not_translations() {
    let accented = fact(FactKind::Entity, "Thévenot", "thevenot");
    let plain = fact(FactKind::Entity, "Thevenot", "thevenot");
    assert!(spelling_variant(&accented, &plain));
    let upper = fact(FactKind::Entity, "IPAC", "ipac");
    let title = fact(FactKind::Entity, "Ipac", "ipac");
    assert!(!spelling_variant(&upper, &title), "case only is no variant");
    let fr = fact(FactKind::Entity, "États-Unis", "US");
    let en = fact(FactKind::Entity, "United States", "US");
    assert!(entities_agree(&fr, &en));
    assert!(!spelling_variant(&fr, &en));
    let adn = fact(FactKind::Entity, "ADN", "adn");
    assert!(entities_agree(&adn, &fact(FactKind::Entity, "DNA", "dna")));
    let long = fact(FactKind::Entity, "Brévalis de Montfaucon", "brevalis de montfaucon");
    assert!(!similar_names(&long, &fact(FactKind::Entity, "Brévalis", "brevalis")));
    assert!(longer_form(&long, &fact(FactKind::Entity, "Brévalis", "brevalis")));
    assert!(!longer_form(&long, &fact(FactKind::Entity, "Kormaat", "kormaat")));
    let short = fact(FactKind::Entity, "Brévalis", "brevalis");
    assert!(rest_of_name_told(&long, &short, Lang::Fr, &TextView::new("Brévalis in Montfaucon", Lang::En)));
    assert!(!rest_of_name_told(&long, &short, Lang::Fr, &TextView::new("Brévalis in New York", Lang::En)));
    assert!(similar_names(
        &fact(FactKind::Entity, "Runyonyi", "runyonyi"),
        &fact(FactKind::Entity, "Rumyoni", "rumyoni")
    ));
    assert!(!entities_agree(&adn, &fact(FactKind::Entity, "FAA", "faa")));
}

/// A view longer than a window of the facts stage is read window by window, to its end.
#[test]
fn a_long_view_is_read_to_its_end() {
    let filler = "le mot ".repeat(crate::facts::WINDOW_BYTES / 7 + 1000);
    let view = TextView::new(format!("Vingt-trois élus en France. {filler}trente-deux élus au Canada."), Lang::Fr);
    assert!(view.number_words().contains(&23.0) && view.number_words().contains(&32.0));
    let tokens = crate::facts::tokens::tokenize("au Canada", Lang::Fr, &[0]);
    let (_, canada) = crate::facts::gazetteer::lookup(&tokens, 1).expect("Canada is in the gazetteer");
    assert!(view.writes_key(canada.key));
}

#[test]
fn a_month_named_in_the_other_text() {
    assert_eq!(month_of("XXXX-12"), Some((None, 12)));
    assert_eq!(month_of("2014-09"), Some((Some(2014), 9)));
    assert_eq!(month_of("2014-09-03"), None);
    assert_eq!(month_of("2014"), None);
    assert_eq!(TextView::new("for December delivery, as you may know", Lang::En).months(), [12]);
    assert_eq!(TextView::new("avant septembre prochain", Lang::Fr).months(), [9]);
}

#[test]
fn an_acronym_restating_its_name() {
    let text = "sur le New York Mercantile Exchange (NYMEX) et la (TSA) du pays";
    let at = |needle: &str| {
        let start = text.find(needle).unwrap();
        Fact { start, end: start + needle.len(), ..fact(FactKind::Entity, needle, needle) }
    };
    assert!(acronym_after_its_name(text, &at("NYMEX")));
    assert!(!acronym_after_its_name(text, &at("TSA")));
    let text = "the entry-into-service (EIS) schedule";
    let start = text.find("EIS").unwrap();
    let eis = Fact { start, end: start + 3, ..fact(FactKind::Entity, "EIS", "eis") };
    assert!(acronym_after_its_name(text, &eis));
}

#[test]
fn folds_only_the_head_a_prefix_test_needs() {
    let long = "Heures de gloire, ".repeat(100);
    assert!(fold(&long).starts_with(&fold_head(&long, 6)) && fold_head(&long, 6).len() < 100);
    // Accents written as combining marks fold to nothing: the head grows to keep 6 letters.
    let marks = format!("h{}eures", "\u{301}".repeat(30));
    assert_eq!(fold_head(&marks, 6), "heures");
    assert_eq!(fold_head("h", 6), "h");
}

#[test]
fn tags_weekdays_and_clock_times_that_are_no_facts() {
    assert!(party_tag(&fact(FactKind::Entity, "R-Mo", "r mo")));
    assert!(!party_tag(&fact(FactKind::Entity, "Jean-Pierre", "jean pierre")));
    let located = |text: &str, needle: &str, kind: FactKind, value: &str| {
        let start = text.find(needle).unwrap();
        Fact { start, end: start + needle.len(), ..fact(kind, needle, value) }
    };
    let text = "Almost every Friday, the Sunday Telegraph said on Monday.";
    assert!(weekday_without_date(text, &located(text, "Friday", FactKind::Date, "XXXX-WXX-5")));
    assert!(weekday_without_date(text, &located(text, "Sunday", FactKind::Date, "XXXX-WXX-7")));
    assert!(!weekday_without_date(text, &located(text, "Monday", FactKind::Date, "XXXX-WXX-1")));
    let text = "entre 10 heures et 18 heures, 18 morts, a result at 6.30 that night";
    assert!(clock_time(text, &located(text, "18", FactKind::Number, "18")));
    assert!(!clock_time(text, &Fact { start: 31, end: 33, ..fact(FactKind::Number, "18", "18") }));
    assert!(clock_time(text, &located(text, "6.30", FactKind::Number, "6.3")));
}

#[test]
fn numbers_inside_names_are_not_counts() {
    let text = "la Covid-19 et APT31, puis 19 morts et un A320";
    let at = |needle: &str, nth: usize| {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Fact { start, end: start + needle.len(), ..fact(FactKind::Number, needle, needle) }
    };
    assert!(part_of_name(text, &at("19", 0)));
    assert!(part_of_name(text, &at("31", 0)));
    assert!(!part_of_name(text, &at("19", 1)));
    assert!(part_of_name(text, &at("320", 0)));
}

#[test]
fn digits_are_read_with_either_convention() {
    let values = digit_numbers("3 000 morts, 3,5 % et 4.1 billion, 12");
    for v in [3000.0, 3.5, 4.1, 4.1e9, 12.0] {
        assert!(values.iter().any(|x| close(*x, v)), "{v} in {values:?}");
    }
}

#[test]
fn names_are_found_in_the_other_text() {
    let en = |t: &str| TextView::new(t, Lang::En);
    let name = fact(FactKind::Entity, "Rob Nicholson", "rob nicholson");
    assert!(name_written_in(&name, Lang::En, &TextView::new("Selon M. Nicholson, ministre", Lang::Fr)));
    assert!(!name_written_in(&name, Lang::En, &TextView::new("Selon James Clapper", Lang::Fr)));
    let city = fact(FactKind::Entity, "Pékin", "city:beijing");
    assert!(name_written_in(&city, Lang::Fr, &en("in Beijing on Monday")));
    assert!(!name_written_in(&fact(FactKind::Entity, "Ottawa", "ottawa"), Lang::Fr, &en("in Toronto")));
    let country = fact(FactKind::Entity, "Australie", "australie");
    assert!(name_written_in(&country, Lang::Fr, &en("in Australia")));
    assert!(!name_written_in(&fact(FactKind::Entity, "Paris", "paris"), Lang::Fr, &en("in two parts")));
    let arab = fact(FactKind::Entity, "Arab", "arab");
    assert!(name_written_in(&arab, Lang::En, &TextView::new("les pays arabes", Lang::Fr)));
    let director = fact(FactKind::Entity, "Scorsese", "scorsese");
    assert!(!name_written_in(&director, Lang::Fr, &en("the scores of Hershey")), "a twin must be a name");
    let law = fact(FactKind::Entity, "Obamacare", "obamacare");
    assert!(!name_written_in(&law, Lang::Fr, &en("to help Obama win")), "a longer name is no derived word");
}

#[test]
fn translated_and_common_word_names() {
    let court = fact(FactKind::Entity, "Cour supérieure", "cour superieure");
    assert!(name_written_in(&court, Lang::Fr, &TextView::new("the Superior Court of Quebec", Lang::En)));
    let church = fact(FactKind::Entity, "Catholic Church", "catholic church");
    assert!(name_written_in(&church, Lang::En, &TextView::new("l'Église catholique", Lang::Fr)));
    assert!(common_word_name(&fact(FactKind::Entity, "Gouvernement", "gouvernement"), Lang::Fr));
    assert!(common_word_name(&fact(FactKind::Entity, "Government", "government"), Lang::En));
    assert!(!common_word_name(&fact(FactKind::Entity, "Nicholson", "nicholson"), Lang::En));
    assert!(!common_word_name(&fact(FactKind::Entity, "France", "country:FR"), Lang::Fr));
}

#[test]
fn an_acronym_spelled_out_in_common_words_is_a_term() {
    let text = "They weighed a public health emergency of international concern, or PHEIC. \
                Le TEG (taux effectif global) baisse. The WHO (World Health Organization) met. L'ONU parle.";
    let at = |t: &str| {
        let start = text.find(t).unwrap();
        let mut f = fact(FactKind::Entity, t, &fold(t));
        (f.start, f.end) = (start, start + t.len());
        f
    };
    assert!(acronym_of_common_words(text, &at("PHEIC")));
    assert!(acronym_of_common_words(text, &at("TEG")));
    // a body's name is written in capitals: a name, not a term
    assert!(!acronym_of_common_words(text, &at("WHO")));
    assert!(!acronym_of_common_words(text, &at("ONU")));
}

#[test]
fn names_spelled_each_languages_way() {
    let name = |t: &str| fact(FactKind::Entity, t, &fold(t));
    assert!(near_spelling(&name("Édouard"), &name("Edward")));
    assert!(near_spelling(&name("Kammu"), &name("Emperor Kanmu")));
    assert!(near_spelling(&name("François-Joseph"), &name("Franz Josef Land")));
    assert!(near_spelling(&name("Kirghizistan"), &name("Kyrgyzstan")));
    // a shared first name and two different surnames are two people
    assert!(!near_spelling(&name("Michael Smith"), &name("Michael Brown")));
    assert!(!near_spelling(&name("Lyon"), &name("Lille")));
    assert!(!near_spelling(&name("Moscou"), &name("Ukraine")));
    // letters shared in another order from another first sound make another name
    assert!(!near_spelling(&name("Apollon"), &name("Napoleon")));
    assert!(!similar_names(&name("Apollon"), &name("Napoleon")));
    // two compounds of one first part are two names; endings sharing letters are one spelled twice
    assert!(!similar_names(&name("Matterhorn"), &name("Mattertal")));
    assert!(similar_names(&name("Copenhague"), &name("Copenhagen")));
    // a first letter swapped the way languages swap it is the same sound
    assert!(near_spelling(&name("Venceslav"), &name("Wenceslas")));
}

#[test]
fn figures_in_words_are_read_inside_other_facts() {
    let view = TextView::new("He was on pole for the third time in four years.", Lang::En);
    assert_eq!(view.number_words(), [4.0]);
    let view = TextView::new("Il a vu vingt-trois personnes et un chien.", Lang::Fr);
    assert_eq!(view.number_words(), [23.0]);
}

#[test]
fn translated_names_carry_their_dictionary_words_along() {
    let name = |t: &str| fact(FactKind::Entity, t, &fold(t));
    let fr = |t: &str| TextView::new(t, Lang::Fr);
    let told = |n: &str, t: &str| name_written_in(&name(n), Lang::En, &fr(t));
    assert!(told("Iberian Peninsula", "dans toute la péninsule ibérique"));
    assert!(told("Northern Virginia", "cinq hommes de Virginie du Nord"));
    // a name kept as it is keeps its dictionary words: another surname is another man
    assert!(!told("Clive Palmer", "le milliardaire Clive Reed a dit"));
    assert!(same_adjective_stem("arctic", "arctique"));
    assert!(!same_adjective_stem("austria", "australie"));
}

#[test]
fn a_place_is_told_by_its_adjective_inside_a_longer_name() {
    let mut sweden = fact(FactKind::Entity, "Suède", "SE");
    sweden.entity_type = Some(crate::facts::EntityType::Place);
    let view = TextView::new("elected by the Royal Swedish Academy of Sciences", Lang::En);
    assert!(name_written_in(&sweden, Lang::Fr, &view));
    let view = TextView::new("elected by the Royal Academy of Sciences", Lang::En);
    assert!(!name_written_in(&sweden, Lang::Fr, &view));
}

#[test]
fn names_made_of_dictionary_words_are_titles() {
    let name = |text: &str| fact(FactKind::Entity, text, &fold(text));
    assert!(dictionary_words_name(&name("Clinique"), Lang::Fr));
    assert!(dictionary_words_name(&name("Développement Immobilier"), Lang::Fr));
    assert!(dictionary_words_name(&name("Trauma Surgery"), Lang::En));
    // Words the dictionary also lists capitalised may be names.
    assert!(!dictionary_words_name(&name("Walsh"), Lang::En));
    assert!(!dictionary_words_name(&name("Portugal"), Lang::Fr));
    // Gazetteer keys and organisations stay names whatever their words.
    assert!(!dictionary_words_name(&fact(FactKind::Entity, "Union", "org:EU"), Lang::En));
    let guessed_person = Fact { entity_type: Some(crate::facts::EntityType::Person), ..name("Shadow Leader") };
    assert!(dictionary_words_name(&guessed_person, Lang::En));
    let ministry = Fact { entity_type: Some(crate::facts::EntityType::Org), ..name("Rural Development Ministry") };
    assert!(!dictionary_words_name(&ministry, Lang::En));
}

#[test]
fn names_sharing_a_word_differ_by_the_other() {
    let name = |t: &str| fact(FactKind::Entity, t, &fold(t));
    assert!(!similar_names(&name("Place Bellecour"), &name("Place Carnot")));
    assert!(similar_names(&name("Place Bellecour"), &name("Place Belecour")));
    // a word the gazetteer knows may be translated: no verdict from the shared word
    assert!(!other_name_same_head(&name("Bureau Écossais"), &name("Bureau Scotland")));
}

#[test]
fn an_acronym_of_the_translated_name() {
    let name = |t: &str| fact(FactKind::Entity, t, &fold(t));
    assert!(acronym_of_translation(&name("MoD"), &name("Ministère de la Défense"), Lang::Fr));
    assert!(!acronym_of_translation(&name("MoD"), &name("Ministère de la Santé"), Lang::Fr));
    assert!(!acronym_of_translation(&name("Ministère de la Défense"), &name("MoD"), Lang::En));
}

#[test]
fn a_lone_organisation_word_is_no_name() {
    let org =
        |t: &str| Fact { entity_type: Some(crate::facts::EntityType::Org), ..fact(FactKind::Entity, t, &fold(t)) };
    assert!(dictionary_words_name(&org("Fondation"), Lang::Fr));
    assert!(!dictionary_words_name(&org("Fondation Lumière"), Lang::Fr));
}

#[test]
fn given_names_and_acronyms_in_each_language() {
    let name = |t: &str| fact(FactKind::Entity, t, &fold(t));
    assert!(near_spelling(&name("Marie Stuart"), &name("Mary Stuart")));
    assert!(!near_spelling(&name("Marie Stuart"), &name("John Stuart")));
    assert!(acronym_near_anagram(&name("VTbR"), &name("TVcR")));
    assert!(!acronym_near_anagram(&name("NASA"), &name("NATO")));
}

#[test]
fn minutes_and_hundredths_are_part_of_a_time() {
    let at = |text: &str, figure: &str, value: &str| {
        let start = text.rfind(figure).unwrap();
        Fact { start, end: start + figure.len(), ..fact(FactKind::Number, figure, value) }
    };
    let text = "levé une heure trente plus tôt";
    assert!(clock_time(text, &at(text, "trente", "30")));
    let text = "gagné en 20 sec 53 la finale";
    assert!(clock_time(text, &at(text, "53", "53")));
    let text = "gagné en 20 sec devant 53 nageurs";
    assert!(!clock_time(text, &at(text, "53", "53")));
}

#[test]
fn a_demonym_in_a_name_is_told_by_its_country() {
    let name = fact(FactKind::Entity, "Wars of Scottish Independence", "wars of scottish independence");
    let other = TextView::new("les guerres d'indépendance de l'Écosse", Lang::Fr);
    assert!(name_written_in(&name, Lang::En, &other));
    let other = TextView::new("les guerres d'indépendance de l'Irlande", Lang::Fr);
    assert!(!name_written_in(&name, Lang::En, &other));
}

#[test]
fn capitals_and_regions_lie_in_their_country() {
    let place = |text: &str, key: &str| fact(FactKind::Entity, text, key);
    let (moscow, russia) = (place("Moscou", "city:moscow"), place("Russia", "RU"));
    assert_eq!(capital_of(&moscow), Some("RU"));
    assert!(place_within(&moscow, &russia) && place_within(&russia, &moscow));
    // a capital the gazetteer does not know keeps the plain key of its name
    assert_eq!(capital_of(&place("Nouakchott", "nouakchott")), Some("MR"));
    assert!(place_within(&place("Angleterre", "region:england"), &place("Britain", "GB")));
    assert!(!place_within(&place("Lyon", "city:lyon"), &russia));
    assert!(!place_within(&place("Ottawa", "city:ottawa"), &place("Britain", "GB")));
}
