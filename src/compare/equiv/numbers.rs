//! Figures: when two numbers are one figure (a scale word missed, a rounding), and the
//! figures a text writes in digits.

use super::*;

/// A vague quantity in words: a plural of a round number ("des centaines", "thousands",
/// "millions of dollars"), which no figure on the other side can contradict.
pub fn vague_quantity(fact: &Fact) -> bool {
    let Some(v) = numeric(fact) else { return false };
    let power_of_ten = v >= 10.0 && (v.log10() - v.log10().round()).abs() < 1e-9;
    let first = fact.text.split_whitespace().find(|w| w.chars().count() > 2).unwrap_or("");
    power_of_ten && (first.ends_with('s') || first.ends_with('x'))
}

/// A round figure in words standing for an order of magnitude ("a hundred metres", "several
/// hundred", "million dollars" cut from "36,700 million dollars"): a power of ten from a hundred up.
pub fn round_in_words(fact: &Fact) -> bool {
    let Some(v) = numeric(fact) else { return false };
    v >= 100.0 && (v.log10() - v.log10().round()).abs() < 1e-9
}

/// A two-digit number naming a decade ("les années 80"): the decade is a date, not a count.
pub fn decade_number(doc_text: &str, fact: &Fact) -> bool {
    let before = doc_text.get(..fact.start).unwrap_or("").trim_end();
    let last_word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    fact.text.trim().len() == 2 && matches!(fold(last_word).as_str(), "annees" | "annee")
}

/// The numeric value of a number-class fact.
pub fn numeric(fact: &Fact) -> Option<f64> {
    fact.value.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Two numeric values that state the same quantity.
pub fn same_number(a: f64, b: f64) -> bool {
    // A sign read from a word ("moins 6" as -6, when it means "6 fewer") is no evidence.
    close(a.abs(), b.abs())
}

/// Whether a number fact and a fact of the other version agree: numbers by value, and a bare
/// year against a date of that year ("en 2012" read as a number on one side only).
pub fn number_agrees(number: &Fact, other: &Fact) -> bool {
    match class_of_fact(other) {
        Class::Number => match (numeric(number), numeric(other)) {
            (Some(a), Some(b)) => same_number(a, b) || scale_word_missed(number, other),
            _ => number.value == other.value,
        },
        Class::Date => year_of_number(number).is_some_and(|y| other.value.starts_with(&y)),
        Class::Entity => false,
    }
}

/// The same figure but for a scale word one extractor missed ("3 milliards" read as 3 on one
/// side, "3 billion" as 3e9 on the other; "seven thousand" cut from "seven thousand million
/// dollars"): the larger one must be written with a scale word, so that an ordinal "10e" or a
/// "13" never passes for "10,000" or "13,000".
pub(super) fn scale_word_missed(a: &Fact, b: &Fact) -> bool {
    let (Some(x), Some(y)) = (numeric(a), numeric(b)) else { return false };
    let ((small, large), larger) = if x.abs() < y.abs() { ((x.abs(), y.abs()), b) } else { ((y.abs(), x.abs()), a) };
    let figures = a.kind != FactKind::Ordinal && b.kind != FactKind::Ordinal && small != 0.0;
    let scaled = folded_words(&larger.text).iter().any(|w| !crate::facts::numbers::scale_values(w).is_empty());
    figures && scaled && [1e3, 1e6, 1e9, 1e12].iter().any(|k| close(small * k, large))
}

/// A whole number that reads as a year (1000–2999), as four digits.
pub(in crate::compare) fn year_of_number(fact: &Fact) -> Option<String> {
    let v = numeric(fact)?;
    // A whole number in range prints as its integer: no float formatting (a tenth of comparing
    // a text dense with figures).
    (v.fract() == 0.0 && (1000.0..3000.0).contains(&v)).then(|| (v as u32).to_string())
}

/// A figure and its rounding ("1,46 million" / "1.5 million", "177" / "about 180"): the
/// precise one has at least three significant digits and rounds to the other, which has at
/// most two, within 5 %. Figures that are both round ("600" / "620") are different figures, and
/// so are "13 900" and "10,000": a rounding to one digit that far off is no translator's.
pub fn rounding_compatible(a: f64, b: f64) -> bool {
    let (da, db) = (significant_digits(a), significant_digits(b));
    let (precise, rounded, digits) = if da > db { (a, b, db) } else { (b, a, da) };
    if digits > 2 || significant_digits(precise) < 3 || precise == 0.0 {
        return false;
    }
    close(round_to_significant(precise, digits), rounded) && (precise - rounded).abs() <= 0.05 * precise.abs()
}

pub(super) fn significant_digits(v: f64) -> u32 {
    let s = format!("{}", v.abs());
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    let trimmed = if s.contains('.') { trimmed } else { trimmed.trim_end_matches('0') };
    trimmed.len().max(1) as u32
}

pub(super) fn round_to_significant(v: f64, digits: u32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits as i32 - 1 - magnitude);
    (v * factor).round() / factor
}

/// A number that gives a time of day, not a count: "18 heures", "à 18 h", "at 6.30".
pub fn clock_time(doc_text: &str, fact: &Fact) -> bool {
    let Some(v) = numeric(fact) else { return false };
    let after = fold_head(doc_text.get(fact.end..).unwrap_or("").trim_start(), "heures".len());
    let hour_word = after.starts_with("heures") || after.starts_with("h ") || after.starts_with("h,");
    let before = doc_text.get(..fact.start).unwrap_or("").trim_end();
    let after_at = fold(before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("")) == "at";
    let dotted = fact.text.len() <= 5 && fact.text.split_once(['.', ':']).is_some_and(|(_, m)| m.len() == 2);
    (hour_word && (0.0..=24.0).contains(&v) && v.fract() == 0.0)
        || (after_at && dotted && v < 24.0)
        || minutes_or_hundredths(before, v)
}

/// The minutes after an hour word ("une heure trente", "14 heures 30") or the hundredths of a
/// time in seconds ("20 s 53", "20 sec 53"): part of a time, not a count.
fn minutes_or_hundredths(before: &str, v: f64) -> bool {
    let mut words = before.rsplit(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
    let last = fold(words.next().unwrap_or(""));
    let figure_before = words.next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty());
    let unit =
        matches!(last.as_str(), "heure" | "heures" | "h") || figure_before && matches!(last.as_str(), "s" | "sec");
    unit && (0.0..60.0).contains(&v) && v.fract() == 0.0
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
    let mut out = Vec::new();
    for (start, end) in figure_spans(text) {
        let first = out.len();
        let compact: String = text[start..end].chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
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
        for scale in scale_after(&text[end..]) {
            let scaled: Vec<f64> = out[first..].iter().map(|v| v * scale).collect();
            out.extend(scaled);
        }
    }
    out
}

/// The byte spans of the figures of `text`: the matches of `\d(?:[\d\u{a0}\u{202f} ]*\d|[.,]\d)*`.
/// Compiling that regular expression cost more than the rest of a short pair's comparison, so
/// ASCII digits are scanned by hand; a text with other decimal digits still gets the regex.
pub(super) fn figure_spans(text: &str) -> Vec<(usize, usize)> {
    // No decimal digit but ASCII's comes before U+0660 (Arabic-Indic zero): '²' and '½' are
    // numeric, not digits.
    if text.chars().any(|c| c >= '\u{660}' && c.is_numeric()) {
        static NUMBER: LazyLock<regex::Regex> =
            LazyLock::new(|| regex::Regex::new(r"\d(?:[\d\u{a0}\u{202f} ]*\d|[.,]\d)*").expect("valid regex"));
        return NUMBER.find_iter(text).map(|m| (m.start(), m.end())).collect();
    }
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let start = at + offset;
        let mut end = start + 1;
        loop {
            if let Some(last_digit_end) = last_digit_of_spaced_run(text, end) {
                end = last_digit_end;
            } else if matches!(bytes.get(end), Some(b'.' | b',')) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            {
                end += 2;
            } else {
                break;
            }
        }
        spans.push((start, end));
        at = end;
    }
    spans
}

/// Where the last digit ends in the run of digits and spaces (plain, no-break, narrow no-break)
/// starting at byte `from`; `None` when the run holds no digit.
pub(super) fn last_digit_of_spaced_run(text: &str, from: usize) -> Option<usize> {
    let mut last = None;
    for (i, c) in text[from..].char_indices() {
        match c {
            '0'..='9' => last = Some(from + i + 1),
            ' ' | '\u{a0}' | '\u{202f}' => {}
            _ => break,
        }
    }
    last
}

/// The values of the scale word right after a figure ("3 milliards", "4.1 billion", "$2bn").
pub(super) fn scale_after(rest: &str) -> Vec<f64> {
    let word: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    crate::facts::numbers::scale_values(&fold(&word))
}

/// A count of one in digits ("1 solar mass") that the other text gives with an article or
/// "one" ("une masse solaire", "a solar mass"): the same count, which the extractor does not
/// read from an article.
pub fn one_told_by_article(fact: &Fact, other: &TextView) -> bool {
    let digits_one = fact.text.trim() == "1" && numeric(fact) == Some(1.0);
    digits_one && ["un", "une", "a", "an", "one"].iter().any(|w| other.contains_words(&[w]))
}
