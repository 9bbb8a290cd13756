//! When two facts say the same thing: the equivalences that are not divergences.
//!
//! Facts arrive normalized (numbers as decimal strings, dates as ISO 8601 with `X` for unknown
//! parts, entities with a cross-language key), so most equivalences are equal values. What is
//! left here is what normalization cannot settle alone: a scale word one extractor missed, a
//! rounded figure, a date given at another precision, a spelling variant, and a fact the other
//! extractor missed but the other text plainly states.

use crate::facts::{Fact, FactKind};
use crate::text::fold;

/// The three classes of fact divergences (CONTRACT.md: kinds begin with these names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Number,
    Date,
    Entity,
}

pub fn class_of(kind: FactKind) -> Class {
    match kind {
        FactKind::Number | FactKind::Ordinal | FactKind::Percent | FactKind::Money | FactKind::Quantity => {
            Class::Number
        }
        FactKind::Date => Class::Date,
        FactKind::Entity => Class::Entity,
    }
}

/// The numeric value of a number-class fact.
pub fn numeric(fact: &Fact) -> Option<f64> {
    fact.value.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Two numeric values that state the same quantity: equal, or equal but for a scale word
/// ("3 milliards" read as 3 on one side and 3e9 on the other when an extractor missed the word).
pub fn same_number(a: f64, b: f64) -> bool {
    if close(a, b) {
        return true;
    }
    let (small, large) = if a.abs() < b.abs() { (a, b) } else { (b, a) };
    small != 0.0 && [1e3, 1e6, 1e9, 1e12].iter().any(|scale| close(small * scale, large))
}

/// Whether a number fact and a fact of the other version agree: numbers by value, and a bare
/// year against a date of that year ("en 2012" read as a number on one side only).
pub fn number_agrees(number: &Fact, other: &Fact) -> bool {
    match class_of(other.kind) {
        Class::Number => match (numeric(number), numeric(other)) {
            (Some(a), Some(b)) => same_number(a, b),
            _ => number.value == other.value,
        },
        Class::Date => year_of_number(number).is_some_and(|y| other.value.starts_with(&y)),
        Class::Entity => false,
    }
}

/// A whole number that reads as a year (1000–2999), as four digits.
fn year_of_number(fact: &Fact) -> Option<String> {
    let v = numeric(fact)?;
    (v.fract() == 0.0 && (1000.0..3000.0).contains(&v)).then(|| format!("{v:.0}"))
}

/// A figure and its rounding ("1,46 million" / "1.5 million", "177" / "about 180"): the
/// precise one has at least three significant digits and rounds to the other, which has at
/// most two. Figures that are both round ("600" / "620") are different figures.
pub fn rounding_compatible(a: f64, b: f64) -> bool {
    let (da, db) = (significant_digits(a), significant_digits(b));
    let (precise, rounded, digits) = if da > db { (a, b, db) } else { (b, a, da) };
    if digits > 2 || significant_digits(precise) < 3 || precise == 0.0 {
        return false;
    }
    close(round_to_significant(precise, digits), rounded)
}

fn significant_digits(v: f64) -> u32 {
    let s = format!("{}", v.abs());
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    let trimmed = if s.contains('.') { trimmed } else { trimmed.trim_end_matches('0') };
    trimmed.len().max(1) as u32
}

fn round_to_significant(v: f64, digits: u32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits as i32 - 1 - magnitude);
    (v * factor).round() / factor
}

/// Two ISO 8601 values that can name the same time: equal where both are known, the shorter
/// one read as a coarser precision ("2024-03" and "2024-03-29"), `X` matching any digit
/// ("XXXX-05-06" and "2024-05-06"), a week or weekday form compared the same way.
pub fn dates_agree(a: &str, b: &str) -> bool {
    if a.contains('W') != b.contains('W') {
        // A weekday or week without a reference date against a calendar date: not comparable,
        // so no evidence of a difference.
        return true;
    }
    a.chars().zip(b.chars()).all(|(x, y)| x == y || x == 'X' || y == 'X')
}

/// Whether a date fact and a fact of the other version agree.
pub fn date_agrees(date: &Fact, other: &Fact) -> bool {
    match class_of(other.kind) {
        Class::Date => dates_agree(&date.value, &other.value),
        Class::Number => number_agrees(other, date),
        Class::Entity => false,
    }
}

/// Entities are the same when their cross-language keys are (case and accents aside).
pub fn entities_agree(a: &Fact, b: &Fact) -> bool {
    a.kind == FactKind::Entity && b.kind == FactKind::Entity && fold(&a.value) == fold(&b.value)
}

/// A spelling variant of one name (Thévenot/Thevenot): the surfaces differ even ignoring case,
/// yet once accents and punctuation are set aside they are the same or nearly so. A translated
/// name (États-Unis/United States) shares the key but is no variant.
pub fn spelling_variant(a: &Fact, b: &Fact) -> bool {
    if a.text.to_lowercase() == b.text.to_lowercase() {
        return false;
    }
    let (fa, fb) = (letters(&a.text), letters(&b.text));
    fa == fb || strsim::jaro_winkler(&fa, &fb) >= 0.9
}

/// Two different keys that are probably one name spelled two ways (a transliteration, a typo):
/// close enough to call a variant rather than a different name.
pub fn similar_names(a: &Fact, b: &Fact) -> bool {
    let (fa, fb) = (letters(&a.text), letters(&b.text));
    fa.len() >= 4 && fb.len() >= 4 && strsim::jaro_winkler(&fa, &fb) >= 0.92
}

/// Folded letters and digits only: "François-Xavier" → "francoisxavier".
fn letters(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A number that is part of a name rather than a count: glued to letters ("APT31", "G7",
/// "A320") or hyphenated after a word ("Covid-19", "Airbus A-380").
pub fn part_of_name(doc_text: &str, fact: &Fact) -> bool {
    if fact.text.chars().any(char::is_alphabetic) {
        return false; // a number word or a figure with its unit: a count
    }
    let before: Vec<char> = doc_text[..fact.start.min(doc_text.len())].chars().rev().take(2).collect();
    let after = doc_text.get(fact.end..).and_then(|t| t.chars().next());
    let glued_before = before.first().is_some_and(|c| c.is_alphabetic())
        || (before.first() == Some(&'-') && before.get(1).is_some_and(|c| c.is_alphabetic()));
    glued_before || after.is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
}

/// The numbers written in digits in `text`, each read every way its separators allow
/// ("3,000" as 3000 and as 3; "3 000,5" as 3000.5). A safety net for a figure the other side's
/// extractor missed: it is still plainly there.
pub fn digit_numbers(text: &str) -> Vec<f64> {
    use std::sync::LazyLock;
    static NUMBER: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\d(?:[\d\u{a0}\u{202f} ]*\d|[.,]\d)*").expect("valid regex"));
    let mut out = Vec::new();
    for m in NUMBER.find_iter(text) {
        let compact: String = m.as_str().chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
        for sep_as_decimal in [None, Some(','), Some('.')] {
            let s: String = compact
                .chars()
                .filter_map(|c| match c {
                    ',' | '.' if Some(c) == sep_as_decimal => Some('.'),
                    ',' | '.' => None,
                    c => Some(c),
                })
                .collect();
            if let Ok(v) = s.parse::<f64>() {
                out.push(v);
            }
        }
    }
    out
}

/// Whether `name` is written in `other_text` (accents and case aside, on word boundaries), or
/// its last word is, for a multi-word name ("Rob Nicholson" → "M. Nicholson").
pub fn name_written_in(name: &Fact, other_text_folded: &str) -> bool {
    let folded = fold(&name.text);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return false;
    }
    if contains_words(other_text_folded, &words) {
        return true;
    }
    let key = fold(&name.value);
    let key_words: Vec<&str> = key.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if key.chars().filter(|c| c.is_alphabetic()).count() >= 3 && contains_words(other_text_folded, &key_words) {
        return true;
    }
    let last = &words[words.len() - 1..];
    if words.len() >= 2 && last[0].chars().count() >= 4 && contains_words(other_text_folded, last) {
        return true;
    }
    cognate_in(&words, other_text_folded)
}

/// A name spelled the other language's way (Australie/Australia, Cameroun/Cameroon, Parlement/
/// Parliament): its longest word, if long enough to mean something, has a near twin in the
/// other text. The bar is high so that a different name is not taken for a spelling.
fn cognate_in(words: &[&str], other_text_folded: &str) -> bool {
    let Some(longest) = words.iter().max_by_key(|w| w.chars().count()) else { return false };
    if longest.chars().count() < 5 {
        return false;
    }
    other_text_folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .any(|w| strsim::jaro_winkler(longest, w) >= 0.92)
}

/// Whether the word sequence occurs in `haystack` (folded) on word boundaries.
fn contains_words(haystack: &str, words: &[&str]) -> bool {
    let tokens: Vec<&str> = haystack.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    !words.is_empty() && tokens.windows(words.len()).any(|w| w == words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(kind: FactKind, text: &str, value: &str) -> Fact {
        Fact { kind, start: 0, end: text.len(), text: text.into(), value: value.into(), unit: None, entity_type: None }
    }

    #[test]
    fn scale_words_and_years_agree() {
        assert!(same_number(1_500_000.0, 1.5e6));
        assert!(same_number(3.0, 3e9), "a scale word missed on one side");
        assert!(!same_number(7.0, 8.0));
        assert!(!same_number(3.0, 30.0));
        let year = fact(FactKind::Number, "2012", "2012");
        assert!(number_agrees(&year, &fact(FactKind::Date, "en 2012", "2012")));
        assert!(!number_agrees(&year, &fact(FactKind::Date, "2013", "2013")));
    }

    #[test]
    fn rounding_needs_a_precise_figure() {
        assert!(rounding_compatible(1.46e6, 1.5e6));
        assert!(rounding_compatible(177.0, 180.0));
        assert!(!rounding_compatible(600.0, 620.0), "two round figures differ");
        assert!(!rounding_compatible(160.0, 175.0));
        assert!(!rounding_compatible(2.1, 2.2));
    }

    #[test]
    fn dates_agree_across_precision_and_unknown_parts() {
        assert!(dates_agree("2024-05-06", "2024-05-06"));
        assert!(dates_agree("2024-03", "2024-03-29"));
        assert!(dates_agree("XXXX-05-06", "2024-05-06"));
        assert!(dates_agree("2024-05-06T14:30", "2024-05-06"));
        assert!(!dates_agree("2024-04-30", "2024-05-06"));
        assert!(!dates_agree("2012", "2010"));
        assert!(!dates_agree("XXXX-06", "XXXX-07"));
        assert!(!dates_agree("XXXX-WXX-5", "XXXX-WXX-6"), "vendredi / Thursday without a reference");
        assert!(dates_agree("XXXX-WXX-5", "XXXX-05-03"), "a weekday and a date cannot be compared");
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
        for v in [3000.0, 3.5, 4.1, 12.0] {
            assert!(values.iter().any(|x| close(*x, v)), "{v} in {values:?}");
        }
    }

    #[test]
    fn names_are_found_in_the_other_text() {
        let name = fact(FactKind::Entity, "Rob Nicholson", "rob nicholson");
        assert!(name_written_in(&name, &fold("Selon M. Nicholson, ministre")));
        assert!(!name_written_in(&name, &fold("Selon James Clapper")));
        let city = fact(FactKind::Entity, "Pékin", "beijing");
        assert!(name_written_in(&city, &fold("in Beijing on Monday")));
        assert!(!name_written_in(&fact(FactKind::Entity, "Ottawa", "ottawa"), &fold("in Toronto")));
        let country = fact(FactKind::Entity, "Australie", "australie");
        assert!(name_written_in(&country, &fold("in Australia")));
        assert!(!name_written_in(&fact(FactKind::Entity, "Paris", "paris"), &fold("in two parts")));
    }
}
