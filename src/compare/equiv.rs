//! When two facts say the same thing: the equivalences that are not divergences.
//!
//! Facts arrive normalized (numbers as decimal strings, dates as ISO 8601 with `X` for unknown
//! parts, entities with a cross-language key), so most equivalences are equal values. What is
//! left here is what normalization cannot settle alone: a scale word one extractor missed, a
//! rounded figure, a date given at another precision, a spelling variant, and a fact the other
//! extractor missed but the other text plainly states.

use crate::bilingual::{stem, Lexicon};
use crate::facts::{Fact, FactKind};
use crate::lang::Lang;
use crate::text::fold;
use rustc_hash::FxHashSet as HashSet;
use std::sync::{LazyLock, OnceLock};

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

/// The class of a fact as compared: a bare year written as a number ("en 2011" read as the
/// number 2011 on one side, as a date on the other) is a date.
pub fn class_of_fact(fact: &Fact) -> Class {
    // Four digits first: the year of the value is only worked out for a text that may be one.
    let four_digits = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    if fact.kind == FactKind::Number
        && four_digits(fact.text.trim())
        && year_of_number(fact).is_some_and(|y| fact.text.trim() == y)
    {
        return Class::Date;
    }
    class_of(fact.kind)
}

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

/// The figures a date value holds that a text would show in digits: a bare year ("1950" /
/// "the 1950s"), or the hour of a time of day on an unknown day ("9h30" / "9.30am"). Empty when there is none.
pub fn date_digits(value: &str) -> Vec<f64> {
    if value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse().ok().into_iter().collect();
    }
    // a decade ("198" for the 1980s): "1980" or the "80" of "les années 80"
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse::<f64>().ok().map(|d| vec![d * 10.0]).unwrap_or_default();
    }
    match value.split_once('T') {
        Some((_, time)) => time.get(..2).and_then(|h| h.parse().ok()).into_iter().collect(),
        None => Vec::new(),
    }
}

/// The numeric value of a number-class fact.
pub fn numeric(fact: &Fact) -> Option<f64> {
    fact.value.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn close(a: f64, b: f64) -> bool {
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
fn scale_word_missed(a: &Fact, b: &Fact) -> bool {
    let (Some(x), Some(y)) = (numeric(a), numeric(b)) else { return false };
    let ((small, large), larger) = if x.abs() < y.abs() { ((x.abs(), y.abs()), b) } else { ((y.abs(), x.abs()), a) };
    let figures = a.kind != FactKind::Ordinal && b.kind != FactKind::Ordinal && small != 0.0;
    let scaled = folded_words(&larger.text).iter().any(|w| !crate::facts::numbers::scale_values(w).is_empty());
    figures && scaled && [1e3, 1e6, 1e9, 1e12].iter().any(|k| close(small * k, large))
}

/// A whole number that reads as a year (1000–2999), as four digits.
pub(super) fn year_of_number(fact: &Fact) -> Option<String> {
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

/// Two ISO 8601 values that state the same time: every part known on both sides is equal
/// (year, month, day, then the time of day), and at least one part is known on both, so
/// "2024-03" agrees with "2024-03-29" and "XXXX-05-06" with "2024-05-06", but a bare "1848"
/// says nothing about "XXXX-10". A weekday or week form is compared with another such form; a
/// weekday without a reference date against a calendar day cannot be compared, so it agrees.
pub fn dates_agree(a: &str, b: &str) -> bool {
    let (date_a, time_a) = a.split_once('T').unwrap_or((a, ""));
    let (date_b, time_b) = b.split_once('T').unwrap_or((b, ""));
    let times_agree = time_a.is_empty() || time_b.is_empty() || time_a == time_b;
    match (date_a.contains('W'), date_b.contains('W')) {
        (true, true) => {
            return times_agree && date_a.chars().zip(date_b.chars()).all(|(x, y)| x == y || x == 'X' || y == 'X')
        }
        (true, false) => return date_b.split('-').count() == 3 && same_weekday(date_a, date_b),
        (false, true) => return date_a.split('-').count() == 3 && same_weekday(date_b, date_a),
        (false, false) => {}
    }
    let mut shared = 0;
    for (x, y) in date_a.split('-').zip(date_b.split('-')) {
        if x.contains('X') || y.contains('X') {
            continue;
        }
        if x != y {
            return false;
        }
        shared += 1;
    }
    let times_shared = !time_a.is_empty() && time_a == time_b;
    times_agree && (shared > 0 || times_shared)
}

/// The year (when known) and month of a date given to the month only ("XXXX-12", "2014-09");
/// `None` for any other precision, a day or a week being more than a month name can tell.
pub fn month_of(value: &str) -> Option<(Option<i32>, u32)> {
    let (year, month) = value.split_once('-')?;
    if month.len() != 2 || value.contains('W') {
        return None;
    }
    Some((year.parse().ok(), month.parse().ok()?))
}

/// Whether a weekday form ("XXXX-WXX-6") and a calendar day fall on the same day of the week.
/// A day with unknown parts ("XXXX-05-03") cannot be placed in the week, so it agrees; a full day
/// ("2013-10-26", a Saturday read against the dateline) must be that weekday: "dimanche" is not it.
fn same_weekday(week_form: &str, day: &str) -> bool {
    use chrono::Datelike;
    let named = week_form.rsplit('-').next().and_then(|d| d.parse::<u32>().ok());
    match (named, chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")) {
        (Some(n), Ok(date)) => date.weekday().number_from_monday() == n,
        _ => true,
    }
}

/// A date that tells nothing a reader could check: no digit known ("hier", "this year" or
/// "recent weeks" without a publication date).
pub fn date_without_content(fact: &Fact) -> bool {
    !fact.value.chars().any(|c| c.is_ascii_digit())
}

/// Two acronyms of one name in each language's word order (ADN/DNA, OTAN/NATO, ONG/NGO).
pub fn acronym_anagram(a: &Fact, b: &Fact) -> bool {
    let letters = sorted_letters;
    // Six characters are at most 24 bytes: most names are longer, and are no acronym at once.
    let is_acronym = |f: &Fact| {
        f.text.len() <= 24 && f.text.chars().count() <= 6 && f.text.chars().filter(|c| c.is_uppercase()).count() >= 2
    };
    if !(is_acronym(a) || is_acronym(b)) {
        return false;
    }
    let mine = letters(a);
    mine.len() >= 2 && mine == letters(b)
}

/// The letters of a name's fold, sorted: two acronyms of one name in each language's word
/// order have the same.
pub fn sorted_letters(fact: &Fact) -> Vec<char> {
    let mut l: Vec<char> = fold(&fact.text).chars().filter(|c| c.is_alphabetic()).collect();
    l.sort_unstable();
    l
}

/// An acronym in parentheses right after the words it stands for ("New York Mercantile
/// Exchange (NYMEX)", "entry-into-service (EIS)", "Forces armées de la RDC (FARDC)"): it
/// restates the name before it, which carries the fact. The words are a name (two of the last
/// three capitalized) or give the acronym's letters as their initials.
pub fn acronym_after_its_name(doc_text: &str, fact: &Fact) -> bool {
    let acronym = fact.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let before = doc_text.get(..fact.start).unwrap_or("").trim_end();
    let Some(before) = before.strip_suffix('(') else { return false };
    let closed = doc_text.get(fact.end..).is_some_and(|rest| rest.trim_start().starts_with(')'));
    let capitalized_words =
        before.split_whitespace().rev().take(3).filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let letters: String = fold(&fact.text).chars().filter(|c| c.is_alphabetic()).collect();
    let words: Vec<&str> = before.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    let initials: String =
        words[words.len().saturating_sub(letters.chars().count())..].iter().filter_map(|w| w.chars().next()).collect();
    acronym && closed && (capitalized_words >= 2 || (letters.len() >= 2 && fold(&initials) == letters))
}

/// A party and state tag of American politics ("R-Mo.", "D-Calif."): an affiliation, not a
/// name a translation keeps.
pub fn party_tag(fact: &Fact) -> bool {
    let mut parts = fact.text.splitn(2, '-');
    let (Some(party), Some(state)) = (parts.next(), parts.next()) else { return false };
    matches!(party, "R" | "D" | "I")
        && (2..=5).contains(&state.chars().count())
        && state.chars().next().is_some_and(char::is_uppercase)
}

/// A weekday that names no day: recurring ("every Friday", "chaque vendredi") or the first word
/// of a name ("the Sunday Telegraph").
pub fn weekday_without_date(doc_text: &str, fact: &Fact) -> bool {
    if !fact.value.contains('W') {
        return false;
    }
    let before = doc_text.get(..fact.start).unwrap_or("").trim_end();
    let last_word = fold(before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    let recurring = matches!(last_word.as_str(), "every" | "each" | "chaque" | "les");
    let after = doc_text.get(fact.end..).unwrap_or("");
    let next_capitalized = after.starts_with(' ') && after.trim_start().chars().next().is_some_and(char::is_uppercase);
    recurring || next_capitalized
}

/// A number that gives a time of day, not a count: "18 heures", "à 18 h", "at 6.30".
pub fn clock_time(doc_text: &str, fact: &Fact) -> bool {
    let Some(v) = numeric(fact) else { return false };
    let after = fold_head(doc_text.get(fact.end..).unwrap_or("").trim_start(), "heures".len());
    let hour_word = after.starts_with("heures") || after.starts_with("h ") || after.starts_with("h,");
    let before = doc_text.get(..fact.start).unwrap_or("").trim_end();
    let after_at = fold(before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("")) == "at";
    let dotted = fact.text.len() <= 5 && fact.text.split_once(['.', ':']).is_some_and(|(_, m)| m.len() == 2);
    (hour_word && (0.0..=24.0).contains(&v) && v.fract() == 0.0) || (after_at && dotted && v < 24.0)
}

/// The fold of the beginning of `text`, at least `bytes` long when the text allows: what a
/// prefix test of up to `bytes` bytes needs. Folding goes character by character, so the fold of
/// a head is the head of the fold; folding the rest of the document after every figure made
/// comparing long texts quadratic.
fn fold_head(text: &str, bytes: usize) -> String {
    let head = crate::text::prefix_at_char_boundary(text, 4 * bytes);
    let folded = fold(head);
    if folded.len() >= bytes || head.len() == text.len() {
        folded
    } else {
        fold(text)
    }
}

/// Whether a date fact and a fact of the other version agree.
pub fn date_agrees(date: &Fact, other: &Fact) -> bool {
    match class_of_fact(other) {
        Class::Date => {
            dates_agree(&date.value, &other.value)
                || relative_on_unknown_day(date, other)
                || relative_on_unknown_day(other, date)
        }
        Class::Number => number_agrees(other, date),
        Class::Entity => false,
    }
}

/// A relative day resolved against the article's dateline ("Yesterday" = 2013-10-30) and the
/// same word left unresolved on the other side ("Hier", an unknown day): they cannot disagree.
fn relative_on_unknown_day(resolved: &Fact, unknown: &Fact) -> bool {
    let day = |v: &str| v.split('-').count() == 3 && !v.contains('W');
    let relative = !resolved.text.chars().any(|c| c.is_ascii_digit()) && !resolved.value.contains('X');
    relative && day(&resolved.value) && day(&unknown.value) && !unknown.value.chars().any(|c| c.is_ascii_digit())
}

/// Entities are the same when their cross-language keys are (case and accents aside).
pub fn entities_agree(a: &Fact, b: &Fact) -> bool {
    a.kind == FactKind::Entity
        && b.kind == FactKind::Entity
        && (same_folded(&a.value, &b.value) || acronym_anagram(a, b))
}

/// `fold(a) == fold(b)`, without building either fold when both are ASCII (most keys are).
fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fold(a) == fold(b)
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
    let (short, long) = (fa.len().min(fb.len()), fa.len().max(fb.len()));
    let bar = if short >= 7 { 0.85 } else { 0.92 };
    // A longer form of a name ("Brévalis de Montfaucon" / "Brévalis") is no spelling of it.
    short >= 4 && short * 5 >= long * 4 && strsim::jaro_winkler(&fa, &fb) >= bar
}

/// One name written the French way and the English way: a transliteration (Mahomet/Muhammad,
/// Kadhafi/Gaddafi is beyond it), a demonym's ending (Biélorusses/Belarusians). Both are reduced
/// to a consonant skeleton (accents folded, vowels dropped after the first letter, the endings
/// of nationality and plural words cut, d/t, c/k/q, z/s, w/v merged, doubled letters once), and
/// the skeletons of four letters or more must be equal: "same name, other spelling".
pub fn other_spelling(a: &Fact, b: &Fact) -> bool {
    let (x, y) = (name_skeleton(&a.text), name_skeleton(&b.text));
    if x.chars().count() >= 4 && x == y {
        return true;
    }
    // Word by word (Golfe du Mexique / Gulf of Mexico, Mécène / Maecenas): every content word of
    // one name has a twin skeleton of three letters or more in the other.
    let words = |f: &Fact| -> Vec<String> {
        folded_words(&f.text)
            .iter()
            .filter(|w| w.chars().count() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()))
            .map(|w| name_skeleton(w))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    // As many content words on each side: a longer name adds a name of its own.
    !wa.is_empty() && wa.len() == wb.len() && wa.iter().all(|w| w.chars().count() >= 3 && wb.contains(w))
}

/// Two names that are one name spelled or translated each language's way, word by word
/// (Édouard/Edward, Kammu/Emperor Kanmu, François-Joseph/Franz Josef Land): every content word
/// of the shorter name is in the longer or has a near twin there, and one word of five letters
/// or more is a near twin, not the same word. Two different names sharing a first name
/// ("Michael Smith"/"Michael Brown") have no near twin.
pub fn near_spelling(a: &Fact, b: &Fact) -> bool {
    let words = |f: &Fact| -> Vec<String> {
        folded_words(&f.text)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && !FUNCTION_WORDS.contains(&w.as_str()))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    let twin = |w: &String| long.iter().any(|x| x != w && near_word(w, x));
    !short.is_empty()
        && short.iter().any(|w| w.chars().count() >= 5 && twin(w))
        && short.iter().all(|w| long.contains(w) || twin(w))
}

/// Two words close enough to be one word in two spellings.
fn near_word(a: &str, b: &str) -> bool {
    let skeleton = name_skeleton(a);
    strsim::jaro_winkler(a, b) >= NEAR_WORD || skeleton.chars().count() >= 3 && skeleton == name_skeleton(b)
}

/// The Jaro-Winkler similarity above which two words of two names are one word spelled twice.
const NEAR_WORD: f64 = 0.82;

/// Endings cut from the last word of a name before its skeleton is taken, longest first.
const NAME_ENDINGS: &[&str] =
    &["iennes", "ienne", "iens", "ien", "ians", "ian", "ennes", "enne", "ens", "ais", "ans", "es", "an", "s", "e"];

fn name_skeleton(text: &str) -> String {
    let words = folded_words(text);
    let mut out = String::new();
    let last = words.len().saturating_sub(1);
    for (i, word) in words.iter().enumerate() {
        let mut w = word.as_str();
        if i == last {
            if let Some(cut) = NAME_ENDINGS.iter().find_map(|e| w.strip_suffix(e)).filter(|c| c.chars().count() >= 4) {
                w = cut;
            }
        }
        let mut prev = None;
        for (k, c) in w.chars().enumerate() {
            // A leading vowel is kept as a mark: Ouïghours / Uyghurs, Irak / Iraq.
            let c = if k == 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') { '_' } else { c };
            let c = match c {
                'd' => 't',
                'c' | 'q' => 'k',
                'z' => 's',
                'w' => 'v',
                'y' => 'i',
                other => other,
            };
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
            if (vowel && k > 0) || prev == Some(c) {
                prev = Some(c);
                continue;
            }
            prev = Some(c);
            out.push(c);
        }
    }
    out
}

/// Whether a name of several words has a proper word (not a common word of its language, three
/// letters or more) written in `other`: the name is told there, its common words translated
/// ("Saputo Stadium" / "Stade Saputo", "BMA Scotland" / "BMA Écosse").
pub fn proper_word_told(name: &Fact, lang: Lang, other: &TextView) -> bool {
    let words = folded_words(&name.text);
    words.len() >= 2
        && words.iter().any(|w| {
            w.chars().count() >= 3
                && !common_word(w, lang)
                && !FUNCTION_WORDS.contains(&w.as_str())
                && other.contains_words(std::slice::from_ref(&w.as_str()))
        })
}

/// One name is a longer form of the other ("Brévalis de Montfaucon" / "Brévalis", "Laura
/// Glading" / "Glading"): every word of four letters or more of the shorter is in the longer.
pub fn longer_form(a: &Fact, b: &Fact) -> bool {
    let (wa, wb) = (folded_words(&a.text), folded_words(&b.text));
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    let content: Vec<&String> = short.iter().filter(|w| w.chars().count() >= 4).collect();
    !content.is_empty() && content.iter().all(|w| long.contains(w))
}

/// When `name` is the longer form of `shorter` by a complement ("Weill Cornell Medical College
/// de André Manoukian" / "Weill Cornell Medical College"), whether the words it adds are told in
/// the other text too (the "Montfaucon" of "Brévalis de Montfaucon" said apart): the complement
/// names a place or an owner, a fact of its own. A name longer by other words ("Exxon Mobil",
/// a headline's "Rob Ford Botched") is told by its shorter form.
pub fn rest_of_name_told(name: &Fact, shorter: &Fact, lang: Lang, other: &TextView) -> bool {
    let (mine, theirs) = (folded_words(&name.text), folded_words(&shorter.text));
    let added: Vec<&str> = mine.iter().filter(|w| !theirs.contains(w)).map(String::as_str).collect();
    if !added.iter().any(|w| matches!(*w, "de" | "du" | "des" | "d" | "of")) {
        return true;
    }
    let proper: Vec<&str> = added.iter().copied().filter(|w| w.chars().count() >= 4 && !common_word(w, lang)).collect();
    proper.is_empty() || every_word_told(&proper, lang, other)
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
fn figure_spans(text: &str) -> Vec<(usize, usize)> {
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
fn last_digit_of_spaced_run(text: &str, from: usize) -> Option<usize> {
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
fn scale_after(rest: &str) -> Vec<f64> {
    let word: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    crate::facts::numbers::scale_values(&fold(&word))
}

/// The text of one side of a pair, prepared for the look-ups of the other side's facts. Each
/// part is worked out on first use: a pair asks for the parts of the classes of its unmatched
/// facts only (a figure needs the digits, a name the words), and reading every word of a long
/// pair for each part was most of the comparison of a novel.
pub struct TextView {
    pub lang: Lang,
    text: String,
    words: OnceLock<Words>,
    /// English stems the text says: its own for English, the lexicon's translations for French.
    /// Only names found no other way need them.
    english_stems: OnceLock<HashSet<String>>,
    digits: OnceLock<Vec<f64>>,
    implied: OnceLock<Vec<f64>>,
    months: OnceLock<Vec<u32>>,
    /// The gazetteer keys of the names, nationalities and adjectives it writes, inside longer
    /// names too ("Royal Swedish Academy" writes Sweden's key).
    gazetteer_keys: OnceLock<HashSet<&'static str>>,
    /// The whole numbers it writes in words, two or more ("four", "vingt-trois"), even inside
    /// another fact ("in four years" read as a date).
    number_words: OnceLock<Vec<f64>>,
}

/// The folded words of a text end to end in one string (not one string a word), with where
/// each is and whether it was capitalized.
struct Words {
    folded: String,
    spans: Vec<(usize, usize, bool)>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut folded = String::with_capacity(text.len());
        let mut spans = Vec::new();
        for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let start = folded.len();
            if w.is_ascii() {
                folded.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                folded.push_str(&fold(w));
            }
            spans.push((start, folded.len(), w.chars().next().is_some_and(char::is_uppercase)));
        }
        Words { folded, spans }
    }

    fn get(&self, i: usize) -> &str {
        let (start, end, _) = self.spans[i];
        &self.folded[start..end]
    }
}

impl TextView {
    pub fn new(text: impl Into<String>, lang: Lang) -> TextView {
        TextView {
            lang,
            text: text.into(),
            words: OnceLock::new(),
            english_stems: OnceLock::new(),
            digits: OnceLock::new(),
            implied: OnceLock::new(),
            months: OnceLock::new(),
            gazetteer_keys: OnceLock::new(),
            number_words: OnceLock::new(),
        }
    }

    /// The whole numbers of two or more it writes in words.
    pub fn number_words(&self) -> &[f64] {
        self.number_words.get_or_init(|| {
            let tokens = crate::facts::tokens::tokenize(&self.text, self.lang, &[0]);
            let mut out = Vec::new();
            let mut i = 0;
            while i < tokens.len() {
                match crate::facts::numbers::whole_number_words_at(&tokens, i, self.lang) {
                    Some((value, end)) if end > i => {
                        if value >= 2 {
                            out.push(value as f64);
                        }
                        i = end;
                    }
                    _ => i += 1,
                }
            }
            out
        })
    }

    /// Whether the text writes an entity with this gazetteer key, a nationality or an
    /// adjective of a place included.
    pub fn writes_key(&self, key: &str) -> bool {
        self.gazetteer_keys
            .get_or_init(|| {
                let tokens = crate::facts::tokens::tokenize(&self.text, self.lang, &[0]);
                (0..tokens.len())
                    .filter_map(|i| crate::facts::gazetteer::lookup(&tokens, i))
                    .map(|(_, e)| e.key)
                    .collect()
            })
            .contains(key)
    }

    /// The figures written in digits.
    pub fn digits(&self) -> &[f64] {
        self.digits.get_or_init(|| digit_numbers(&self.text))
    }

    /// The figures its words state without a number ("twice", "a decade", "une trentaine").
    pub fn implied(&self) -> &[f64] {
        self.implied.get_or_init(|| self.words().flat_map(|(w, _)| implied_figures(w, self.lang)).copied().collect())
    }

    /// The months it names in full ("décembre", "December"; an English one with its capital).
    pub fn months(&self) -> &[u32] {
        self.months.get_or_init(|| {
            self.words()
                .filter(|(_, capitalized)| *capitalized || self.lang == Lang::Fr)
                .filter_map(|(w, _)| crate::facts::dates::month_named(w, self.lang))
                .collect()
        })
    }

    fn all_words(&self) -> &Words {
        self.words.get_or_init(|| Words::of(&self.text))
    }

    /// The folded words, each with whether it was capitalized.
    fn words(&self) -> impl Iterator<Item = (&str, bool)> + '_ {
        let words = self.all_words();
        words.spans.iter().map(|&(start, end, capitalized)| (&words.folded[start..end], capitalized))
    }

    fn english_stems(&self) -> &HashSet<String> {
        self.english_stems.get_or_init(|| self.words().flat_map(|(w, _)| english_stems_of(w, self.lang)).collect())
    }

    fn contains_words(&self, seq: &[&str]) -> bool {
        let words = self.all_words();
        let n = words.spans.len();
        !seq.is_empty()
            && seq.len() <= n
            && (0..=n - seq.len()).any(|at| seq.iter().enumerate().all(|(k, w)| words.get(at + k) == *w))
    }
}

/// Words that state a figure with no number word (`data/implied_numbers.tsv`), per language
/// (French, English), laid out by `build.rs` as tables read in place.
mod implied {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/implied_numbers.rs"));
}

/// The figures a folded word states without a number ("twice" → 2, "trentaine" → 30).
fn implied_figures(word: &str, lang: Lang) -> &'static [f64] {
    let lang = usize::from(lang == Lang::En);
    implied::WORDS[lang].get(word).map_or(&[], |i| implied::FIGURES[lang][i])
}

/// The English stems a folded word stands for: its own stem in English, the lexicon's
/// translations of its stem in French (none for short words, mostly function words).
fn english_stems_of(word: &str, lang: Lang) -> Vec<String> {
    if word.chars().count() < 4 {
        return Vec::new();
    }
    match lang {
        Lang::En => vec![stem(word, Lang::En)],
        Lang::Fr => Lexicon::builtin().translations(&stem(word, Lang::Fr)).map(str::to_string).collect(),
    }
}

/// A one-word "name" that is a common word of its language, capitalized as a title or an
/// institution ("Parlement", "Bureau", "Health"): it is translated, not kept, so its absence
/// from the other side says nothing. Gazetteer keys (countries, bodies) are compared as usual.
pub fn common_word_name(name: &Fact, lang: Lang) -> bool {
    let words = folded_words(&name.text);
    if words.len() != 1 || !plain_key(name) {
        return false;
    }
    common_word(&words[0], lang)
}

/// A name of several words that are all common words of its language, capitalized as a title
/// ("Best Actor", "Special Jury Prize", "Was Just"): a phrase translated, not a name kept, so
/// its absence from the other side says nothing. Gazetteer keys and people are left alone.
pub fn common_words_name(name: &Fact, lang: Lang) -> bool {
    let words = folded_words(&name.text);
    if words.len() < 2 || !plain_key(name) || name.entity_type == Some(crate::facts::EntityType::Person) {
        return false;
    }
    words.iter().all(|w| common_word(w, lang) || FUNCTION_WORDS.contains(&w.as_str()))
}

/// A "name" whose words are all common words by the spelling dictionary of its language
/// (`crate::common_words`), or by the lexicon, or function words: "Clinique", "Trauma Surgery",
/// "Court Suprême". A title or a heading capitalised, which a translation words its own way, so
/// that the other version not repeating it is no omission of a fact. Gazetteer keys and
/// organisations (named by a word such as "Ministry") are left alone. Weaker evidence than
/// [`common_words_name`]: it lowers a one-sided fact, it does not hide a fact from comparison.
pub fn dictionary_words_name(name: &Fact, lang: Lang) -> bool {
    let words = folded_words(&name.text);
    // A person's name is typed from its capitals alone ("Trauma Surgery" reads as one), but
    // given names are capitalised in the dictionaries, so a real one is never all common words.
    let organisation = name.entity_type == Some(crate::facts::EntityType::Org);
    if words.is_empty() || !plain_key(name) || organisation {
        return false;
    }
    words.iter().any(|w| w.len() >= 3)
        && words.iter().all(|w| {
            FUNCTION_WORDS.contains(&w.as_str()) || crate::common_words::is_common_word(w, lang) || common_word(w, lang)
        })
}

/// A name keyed by its own folded words: no gazetteer key (`country:FR`, `org:UN`), no code.
pub(super) fn plain_key(name: &Fact) -> bool {
    !name.value.contains(':') && name.value == name.value.to_lowercase()
}

/// Short words of either language that the lexicon leaves out.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "is", "was", "be", "de", "du", "des", "la", "le",
    "les", "et", "en", "au", "aux", "un", "une",
];

/// A folded word that the lexicon knows as a common word of `lang`.
fn common_word(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => Lexicon::builtin().translates(&stem(word, Lang::Fr)),
        // English stems that translate some French word: the common words of the lexicon.
        Lang::En => Lexicon::builtin().translates_to(&stem(word, Lang::En)),
    }
}

fn folded_words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether `name` (of a text in `lang`) is stated in `other`: written there (accents and case
/// aside, on word boundaries), or its key is, or the last word of a multi-word name ("Rob
/// Nicholson" → "M. Nicholson"), or a near twin of its longest word (Australie/Australia), or a
/// translation of one of its words (Sainte-Croix/Holy Cross).
pub fn name_written_in(name: &Fact, lang: Lang, other: &TextView) -> bool {
    let words = folded_words(&name.text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.is_empty() || other.contains_words(&words) {
        return true;
    }
    if name.entity_type == Some(crate::facts::EntityType::Place) && other.writes_key(&name.value) {
        return true;
    }
    let key = folded_words(name.value.rsplit(':').next().unwrap_or(&name.value));
    let key: Vec<&str> = key.iter().map(String::as_str).collect();
    if key.concat().chars().count() >= 3 && other.contains_words(&key) {
        return true;
    }
    // The surname of a multi-word name ("M. Nicholson", "Mme Le Pen").
    let last = &words[words.len() - 1..];
    let last_two = &words[words.len().saturating_sub(2)..];
    if words.len() >= 2 && last[0].chars().count() >= 4 && other.contains_words(last)
        || words.len() >= 3 && other.contains_words(last_two)
    {
        return true;
    }
    every_word_told(&words, lang, other)
}

/// Whether a name is told in `other` word by word: some content word of it (four letters or
/// more) is written there, spelled the other language's way or translated, and every content
/// word that is no common word of its language (a surname, a place) is told too. The common
/// words of a name get translated ("Supreme Constitutional Court" / "Haute cour
/// constitutionnelle"), its proper words do not: "University of Villepin" is not told by
/// "l'université de Lincoln".
fn every_word_told(words: &[&str], lang: Lang, other: &TextView) -> bool {
    let content: Vec<&str> = words.iter().copied().filter(|w| w.chars().count() >= 4).collect();
    let content = if content.is_empty() { words.to_vec() } else { content };
    let adapted = |w: &&str| {
        let one = std::slice::from_ref(w);
        cognate_in(one, other) || translated_in(one, lang, other)
    };
    let told = |w: &&str| other.contains_words(std::slice::from_ref(w)) || adapted(w);
    // A name whose proper words are spelled the other language's way (Iberian/ibérique) was
    // translated, and so were its dictionary words ("Peninsula"); a name written the same in
    // both ("Clive Palmer") keeps every word, dictionary words included.
    let translated =
        content.len() >= 2 && content.iter().any(|w| !other.contains_words(std::slice::from_ref(w)) && adapted(w));
    let translatable = |w: &&&str| common_word(w, lang) || (translated && crate::common_words::is_common_word(w, lang));
    content.iter().any(told) && content.iter().filter(|w| !translatable(w)).all(told)
}

/// A name spelled the other language's way (Australie/Australia, catholique/Catholic): its
/// longest word has a near twin in the other text. English proper adjectives keep their
/// capital, so an English twin must have one; the bar is high so that a different name is not
/// taken for a spelling.
fn cognate_in(words: &[&str], other: &TextView) -> bool {
    let Some(longest) = words.iter().max_by_key(|w| w.chars().count()) else { return false };
    let len = longest.chars().count();
    if len < 4 {
        return false;
    }
    other.words().any(|(w, capitalized)| {
        let other_len = w.chars().count();
        let bar = if len >= 6 && other_len >= 6 { 0.90 } else { 0.92 };
        (other.lang == Lang::Fr || capitalized)
            && other_len >= 4
            && (strsim::jaro_winkler(longest, w) >= bar
                || (derived(longest, w) && (w.len() > longest.len() || !capitalized))
                || same_adjective_stem(longest, w))
    })
}

/// Endings of proper adjectives and their nouns, longest first: "ibérique"/"Iberian",
/// "arctique"/"Arctic", "anatolien"/"Anatolian", "hydrométéorologique"/"Hydrometeorological".
const ADJECTIVE_ENDINGS: &[&str] =
    &["iennes", "ienne", "iens", "ical", "ians", "ique", "ques", "ien", "ian", "ics", "an", "ic", "al", "s"];

/// Two words that are one proper adjective in the two languages: what is left once their
/// adjective endings are cut is the same stem of four letters or more, from words of six.
fn same_adjective_stem(a: &str, b: &str) -> bool {
    let stem = |w: &str| -> String {
        let mut w = w.to_string();
        for _ in 0..2 {
            if let Some(cut) = ADJECTIVE_ENDINGS.iter().find_map(|e| w.strip_suffix(e)).filter(|c| c.len() >= 4) {
                w = cut.to_string();
            }
        }
        w
    };
    let (x, y) = (stem(a), stem(b));
    a.len().min(b.len()) >= 6 && x.len() >= 4 && x == y
}

/// One word derived from the other by an ending (Arab/arabes, Thai/thaïlandais, nazi/nazis):
/// the shorter, of four letters or more, begins the longer.
fn derived(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4 && long.chars().count() <= short.chars().count() + 7 && long.starts_with(short)
}

/// A name whose words were translated (Sainte-Croix/Holy Cross, Cour supérieure/Superior
/// Court): one of its content words and a word of the other text mean the same by the lexicon.
fn translated_in(words: &[&str], lang: Lang, other: &TextView) -> bool {
    if lang == other.lang {
        return false;
    }
    words.iter().flat_map(|w| english_stems_of(w, lang)).any(|s| other.english_stems().contains(&s))
}

#[cfg(test)]
mod tests {
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
        for row in crate::facts::lexicon::rows(include_str!("../../data/implied_numbers.tsv")) {
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
        assert!(
            number_agrees(&three, &fact(FactKind::Money, "3 milliards d'euros", "3000000000")),
            "a scale word missed"
        );
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
}
