//! Dates and times of day in French and English, resolved against the publication date.
//!
//! Precision matters more than coverage: a date that is not one ("May" the modal verb, "mars"
//! the planet, a count of 2000 people) would be compared across languages and flagged. So month
//! names need a day, a year or a time preposition next to them, English ones a capital, and a
//! bare four-digit number is a year only where a year can stand.

use super::lexicon::DataForm;
use super::numbers::NumLit as NumLitRef;
use super::phrase_data::TIME_UNIT_WORDS;
use super::tokens::{CalendarWord, TokKind, Token, DATE_CUE};
use super::{Fact, FactKind};
use crate::lang::Lang;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Month and weekday names of both languages, folded (wide names and abbreviations), laid out
/// by `build.rs` from `data/calendar.tsv` as tables read in place: `NAMES[lang][kind]` (French
/// then English, months then weekdays) with each name's `NUMBERS` and `ABBREVIATED` flags.
mod calendar {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/calendar.rs"));
}

/// The month (`kind` 0) or weekday (`kind` 1) a folded name is in `lang`, with whether it is an
/// abbreviation.
fn calendar_name(folded: &str, lang: Lang, kind: usize) -> Option<(u32, bool)> {
    let lang = usize::from(lang != Lang::Fr);
    let i = calendar::NAMES[lang][kind].get(folded)?;
    Some((calendar::NUMBERS[lang][kind][i], calendar::ABBREVIATED[lang][kind][i]))
}

/// The month and the weekday a token names in `lang` (each with whether it is an abbreviation);
/// nothing for a token that is no word. Looked up once a token: every pattern asks.
fn calendar_word(tok: &Token, lang: Lang) -> CalendarWord {
    if !tok.is_word() {
        return (None, None);
    }
    *tok.calendar[if lang == Lang::Fr { 0 } else { 1 }]
        .get_or_init(|| (calendar_name(&tok.folded, lang, 0), calendar_name(&tok.folded, lang, 1)))
}

/// The month (1–12) a folded word names in full in `lang` ("decembre", "september"), not an
/// abbreviation.
pub fn month_named(folded: &str, lang: Lang) -> Option<u32> {
    calendar_name(folded, lang, 0).filter(|(_, abbreviated)| !abbreviated).map(|(n, _)| n)
}

/// A date as far as the text gives it; `None` parts are unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct DateVal {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl DateVal {
    fn of(d: NaiveDate) -> DateVal {
        DateVal { year: Some(d.year()), month: Some(d.month()), day: Some(d.day()) }
    }

    fn iso(&self) -> String {
        let year = self.year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        let month = self.month.map_or("XX".to_string(), |m| format!("{m:02}"));
        match self.day {
            Some(d) => format!("{year}-{month}-{d:02}"),
            None if self.month.is_some() => format!("{year}-{month}"),
            None => year,
        }
    }
}

/// Which way a relative date points.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Direction {
    /// The most recent on or before the reference (news default).
    Past,
    /// Strictly before ("mardi dernier", "last Tuesday").
    Last,
    /// On or after (future tense).
    Future,
    /// Strictly after ("lundi prochain", "next Monday").
    Next,
    /// The nearest strictly before ("this past Wednesday").
    Before,
    /// The nearest strictly after ("the coming Thursday").
    After,
}

/// Reads `tokens[i..]` as words, for small pattern checks.
fn word<'t>(tokens: &'t [Token], i: usize) -> &'t str {
    tokens.get(i).map_or("", |t| if t.is_word() { t.folded.as_ref() } else { t.text })
}

fn month_at(tokens: &[Token], i: usize, lang: Lang) -> Option<u32> {
    let tok = tokens.get(i)?;
    let (m, abbr) = calendar_word(tok, lang).0?;
    if lang == Lang::En && !tok.is_capitalized() && matches!(m, 3 | 5) {
        // "may", "march" in lower case are verbs, unless a day number stands next to them
        let day_next = |k: usize| tokens.get(k).and_then(|t| t.num()).is_some_and(|n| n.int_digits <= 2 && !n.decimal);
        if !(day_next(i + 1) || (i > 0 && day_next(i - 1))) {
            return None;
        }
    }
    if lang == Lang::Fr && tok.is_capitalized() && !tok.initial && !tok.text.chars().all(char::is_uppercase) {
        return None; // "Mars" the planet; French months are lower case
    }
    if abbr && tok.folded.len() < 3 {
        return None;
    }
    Some(m)
}

fn weekday_at(tokens: &[Token], i: usize, lang: Lang) -> Option<u32> {
    let tok = tokens.get(i)?;
    let (d, abbr) = calendar_word(tok, lang).1?;
    // Abbreviations ("mar", "sam", "Sun") only before a day number, with or without a dot: "la
    // mer." ending a sentence is the sea, not Wednesday.
    let dot = usize::from(tokens.get(i + 1).is_some_and(|t| t.is_punct(".")));
    if abbr && day_number(tokens, i + 1 + dot).is_none() {
        return None;
    }
    // "le Vendredi saint", "Holy Saturday" are feasts (see `holiday_at`), not the day of this week.
    if matches!(word(tokens, i + 1), "saint" | "sainte") || (i > 0 && word(tokens, i - 1) == "holy") {
        return None;
    }
    Some(d)
}

/// A day of the month at `tokens[i]`: "6", "06", "1er", "6th". Returns (day, tokens used).
fn day_number(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let tok = tokens.get(i)?;
    if tok.is_word() {
        let lang = if tok.folded.ends_with("ieme") || french_day_word(&tok.folded) { Lang::Fr } else { Lang::En };
        let (value, end, ordinal) = super::numbers::small_number_at(tokens, i, lang)?;
        return ((1..=31).contains(&value) && (ordinal || value > 1)).then_some((value, end - i));
    }
    let lit = tok.num()?;
    if lit.decimal || lit.grouped || lit.int_digits > 2 || lit.value < 1.0 || lit.value > 31.0 {
        return None;
    }
    let day = lit.value as u32;
    let suffix = tokens.get(i + 1).filter(|t| t.glued() && t.is_word());
    match suffix.map(|t| t.folded.as_ref()) {
        Some("er" | "st" | "nd" | "rd" | "th") => Some((day, 2)),
        Some(_) => None,
        None => Some((day, 1)),
    }
}

/// French number words that may name a day ("le quatre octobre"); the others are read as English.
/// A `match`, not a list: it is asked of every word, and a match tests the length first.
fn french_day_word(folded: &str) -> bool {
    matches!(
        folded,
        "premier"
            | "deux"
            | "trois"
            | "quatre"
            | "cinq"
            | "six"
            | "sept"
            | "huit"
            | "neuf"
            | "dix"
            | "onze"
            | "douze"
            | "treize"
            | "quatorze"
            | "quinze"
            | "seize"
            | "vingt"
            | "trente"
    )
}

/// A four-digit year at `tokens[i]`.
fn year_number(tokens: &[Token], i: usize) -> Option<i32> {
    let tok = tokens.get(i)?;
    let lit = tok.num()?;
    if lit.decimal || lit.grouped || lit.int_digits != 4 || !(1000.0..=2199.0).contains(&lit.value) {
        return None;
    }
    if tokens.get(i + 1).is_some_and(|t| t.glued() && t.is_word()) {
        return None;
    }
    Some(lit.value as i32)
}

/// A date found at a token: the token index past it, and its value.
struct Found {
    end: usize,
    value: String,
}

/// The year to give a day and month written without one: the reference year, or for 29 February
/// the last leap year up to it. `None` if the day does not exist.
fn year_of_day(year: Option<i32>, month: u32, day: u32) -> Option<Option<i32>> {
    let y = year.unwrap_or(2024);
    if NaiveDate::from_ymd_opt(y, month, day).is_some() {
        return Some(year);
    }
    let leap = (0..8).map(|k| y - k).find(|&y| NaiveDate::from_ymd_opt(y, month, day).is_some())?;
    Some(Some(leap).filter(|_| year.is_some()))
}

fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new((-n) as u32))
    }
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new((-n) as u64))
    }
}

fn weekday_from(n: u32) -> Weekday {
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        [(n as usize - 1) % 7]
}

/// The day of weekday `wd` (1 = Monday) nearest `reference` in `direction`.
fn resolve_weekday(wd: u32, reference: NaiveDate, direction: Direction) -> Option<NaiveDate> {
    let target = weekday_from(wd).num_days_from_monday() as i64;
    let today = reference.weekday().num_days_from_monday() as i64;
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    match direction {
        Direction::Past => shift_days(reference, -back),
        // "mardi dernier", "last Wednesday": that day of the previous week; "next Friday": of the next.
        Direction::Last => shift_days(reference, target - today - 7),
        Direction::Future => shift_days(reference, ahead),
        Direction::Next => shift_days(reference, target - today + 7),
        Direction::Before => shift_days(reference, if back == 0 { -7 } else { -back }),
        Direction::After => shift_days(reference, if ahead == 0 { 7 } else { ahead }),
    }
}

/// The week a weekday is in, written after it: "Tuesday of next week", "Monday of the following
/// week", "mardi de la semaine prochaine".
fn weekday_of_week(tokens: &[Token], at: usize, wd: u32, reference: Option<NaiveDate>) -> Option<(usize, String)> {
    let w: [&str; 5] = std::array::from_fn(|k| word(tokens, at + k));
    let (weeks, end) = match w {
        ["of", "next" | "the", "week", ..] if w[1] == "next" => (1, at + 3),
        ["of", "last" | "the", "week", ..] if w[1] == "last" => (-1, at + 3),
        ["of", "this", "week", ..] => (0, at + 3),
        ["of", "the", "following" | "next", "week", ..] => (1, at + 4),
        ["of", "the", "previous" | "last", "week", ..] => (-1, at + 4),
        ["de", "la", "semaine", "prochaine" | "suivante", ..] => (1, at + 4),
        ["de", "la", "semaine", "derniere" | "passee" | "precedente", ..] => (-1, at + 4),
        _ => return None,
    };
    Some((end, day_in_week(reference?, weeks, wd)?))
}

/// Weekday `wd` of the week `weeks` away from the reference's (weeks start on Monday).
fn day_in_week(reference: NaiveDate, weeks: i64, wd: u32) -> Option<String> {
    let monday = shift_days(reference, -(reference.weekday().num_days_from_monday() as i64))?;
    Some(DateVal::of(shift_days(monday, 7 * weeks + wd as i64 - 1)?).iso())
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// How far (in tokens) from a date its sentence is searched for a future tense.
const TENSE_WINDOW: usize = 200;

/// Whether the sentence around `tokens[i]` speaks of the future.
/// The search stops [`TENSE_WINDOW`] tokens either side, so that a sentence of a million words
/// costs no more per date than an ordinary one.
fn future_tense(tokens: &[Token], i: usize, lang: Lang) -> bool {
    let low = i.saturating_sub(TENSE_WINDOW);
    let high = (i + TENSE_WINDOW).min(tokens.len());
    let start = (low..=i).rev().find(|&k| tokens[k].initial && tokens[k].is_word()).unwrap_or(low);
    let end = (i + 1..high).find(|&k| tokens[k].initial && tokens[k].is_word()).unwrap_or(high);
    tokens[start..end].iter().enumerate().any(|(k, t)| {
        let w = t.folded.as_ref();
        match lang {
            Lang::En => matches!(w, "will" | "shall" | "ll") || (w == "going" && word(tokens, start + k + 1) == "to"),
            Lang::Fr => {
                FUTURE_FR.contains(&w)
                    || (matches!(w, "va" | "vont" | "allons") && tokens.get(start + k + 1).is_some_and(infinitive))
            }
        }
    })
}

fn infinitive(t: &Token) -> bool {
    t.is_word() && (t.folded.ends_with("er") || t.folded.ends_with("ir") || t.folded.ends_with("re"))
}

/// Frequent French future forms (a suffix test would take "opéra" and "Sahara" too).
const FUTURE_FR: &[&str] = &[
    "sera",
    "seront",
    "serons",
    "serez",
    "aura",
    "auront",
    "fera",
    "feront",
    "pourra",
    "pourront",
    "devra",
    "devront",
    "ira",
    "iront",
    "viendra",
    "viendront",
    "tiendra",
    "tiendront",
    "aurai",
    "serai",
    "ferai",
    "rendra",
    "prendra",
    "prendront",
    "recevra",
    "accueillera",
    "participera",
    "rencontrera",
    "annoncera",
    "presentera",
    "se tiendra",
    "debutera",
    "commencera",
    "aura lieu",
    "visitera",
    "rejoindra",
    "partira",
    "arrivera",
    "reviendra",
    "entrera",
    "entreront",
    "ouvrira",
    "ouvriront",
    "durera",
    "dureront",
    "votera",
    "voteront",
    "examinera",
    "deviendra",
    "sortira",
    "lancera",
    "publiera",
    "signera",
    "reprendra",
    "suivra",
    "debuteront",
    "commenceront",
];

/// Words before a four-digit number that make it a year even if a noun follows ("en 2021 les").
const YEAR_INTRO_FR: &[&str] = &[
    "en",
    "depuis",
    "jusqu",
    "des",
    "dès",
    "an",
    "annee",
    "annees",
    "fin",
    "debut",
    "mi",
    "printemps",
    "ete",
    "automne",
    "hiver",
    "courant",
    "entre",
    "avant",
    "apres",
    "vers",
    "exercice",
    "saison",
    "election",
    "elections",
];
const YEAR_INTRO_EN: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "year",
    "years",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "during",
    "between",
    "before",
    "after",
    "around",
    "circa",
    "by",
    "fiscal",
    "season",
    "throughout",
];
/// Words before a four-digit number that make it a count ("plus de 2000", "about 2000").
const COUNT_INTRO: &[&str] = &[
    "les",
    "des",
    "ces",
    "plus",
    "moins",
    "environ",
    "quelque",
    "quelques",
    "pres",
    "some",
    "about",
    "over",
    "than",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "least",
    "most",
    "those",
    "these",
    "all",
    "tous",
    "toutes",
];

/// Whether the four-digit number at `tokens[i]` is a year.
fn is_year_context(tokens: &[Token], i: usize, lang: Lang) -> bool {
    let prev = if i > 0 { word(tokens, i - 1) } else { "" };
    let prev2 = if i > 1 { word(tokens, i - 2) } else { "" };
    let intro = if lang == Lang::Fr { YEAR_INTRO_FR } else { YEAR_INTRO_EN };
    if intro.contains(&prev) || (prev == "'" && matches!(prev2, "l" | "d" | "jusqu")) {
        return true;
    }
    if COUNT_INTRO.contains(&prev) || (matches!(prev, "de" | "of") && COUNT_INTRO.contains(&prev2)) {
        return false;
    }
    let next = tokens.get(i + 1);
    let noun_after =
        next.is_some_and(|t| t.is_word() && !t.is_capitalized() && !CONNECTIVES.contains(&t.folded.as_ref()));
    let unit_after = next.is_some_and(|t| t.is_punct("%€$£"));
    !noun_after && !unit_after
}

/// Words after a year that do not make it a count ("en 2021 et", "2021 was").
const CONNECTIVES: &[&str] = &[
    "et",
    "ou",
    "a",
    "au",
    "aux",
    "en",
    "de",
    "du",
    "des",
    "dans",
    "pour",
    "par",
    "sur",
    "avec",
    "contre",
    "lors",
    "alors",
    "quand",
    "ou",
    "qui",
    "que",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "le",
    "la",
    "les",
    "l",
    "d",
    "ce",
    "cette",
    "avait",
    "etait",
    "a",
    "ont",
    "sont",
    "est",
    "fut",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "when",
    "as",
    "was",
    "were",
    "is",
    "the",
    "a",
    "an",
    "of",
    "from",
    "after",
    "before",
    "while",
    "but",
    "had",
    "has",
    "have",
    "that",
    "which",
    "who",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "elections",
    "election",
    "presidential",
];

/// The value of a time of day at `tokens[i]`: "14 h 30", "14h", "2:30 p.m.", "5pm".
fn time_at(tokens: &[Token], i: usize, lang: Lang) -> Option<(usize, u32, u32)> {
    let hour_lit = tokens[i].num()?;
    if hour_lit.decimal || hour_lit.grouped || hour_lit.int_digits > 2 || hour_lit.value > 24.0 {
        return None;
    }
    let hour = hour_lit.value as u32;
    let minutes = |k: usize| -> Option<u32> {
        let m = tokens.get(k)?.num()?;
        (m.int_digits == 2 && !m.decimal && m.value < 60.0).then_some(m.value as u32)
    };
    let next = word(tokens, i + 1);
    if lang == Lang::Fr && next == "h" {
        if let Some(m) = minutes(i + 2) {
            return Some((i + 3, hour, m));
        }
        return Some((i + 2, hour, 0));
    }
    if lang == Lang::Fr
        && matches!(next, "heure" | "heures")
        && matches!(word(tokens, i.wrapping_sub(1)), "a" | "vers" | "des")
    {
        return Some((i + 2, hour, 0));
    }
    if next == ":" && tokens[i + 1].glued() {
        let m = minutes(i + 2)?;
        let (end, hour) = meridiem(tokens, i + 3, hour);
        return (hour < 24).then_some((end, hour, m));
    }
    if lang == Lang::En {
        let (end, h) = meridiem(tokens, i + 1, hour);
        if end > i + 1 && hour <= 12 {
            return Some((end, h, 0));
        }
    }
    None
}

/// Reads "a.m."/"p.m."/"am"/"pm" at `tokens[at]`: the index past it and the 24-hour hour.
fn meridiem(tokens: &[Token], at: usize, hour: u32) -> (usize, u32) {
    let w = word(tokens, at);
    let (pm, mut end) = match w {
        "pm" => (Some(true), at + 1),
        "am" => (Some(false), at + 1),
        "p" | "a" if word(tokens, at + 1) == "." && word(tokens, at + 2) == "m" => (Some(w == "p"), at + 3),
        _ => (None, at),
    };
    let Some(pm) = pm else { return (at, hour) };
    if word(tokens, end) == "." && tokens.get(end).is_some_and(|t| t.glued()) && end > at + 1 {
        end += 1;
    }
    let h = match (pm, hour) {
        (true, h) if h < 12 => h + 12,
        (false, 12) => 0,
        (_, h) => h,
    };
    (end, h)
}

/// A numeric date: "22/04", "29/2/2020", "15.05.99", "2002-10-09", "2/29/2020".
fn numeric_date(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    numeric_date_with(tokens, i, lang, reference, false)
}

/// As [`numeric_date`]; `after_weekday` also takes an unclear day and month with a slash
/// ("Friday 7/6"), which the weekday makes a date. Not with a hyphen or a dot: "Friday 7-6" is a
/// tennis score, "rose Friday 7.6 percent" a figure.
fn numeric_date_with(
    tokens: &[Token],
    i: usize,
    lang: Lang,
    reference: Option<NaiveDate>,
    after_weekday: bool,
) -> Option<(usize, DateVal)> {
    let a = tokens.get(i)?.num()?;
    let sep = tokens.get(i + 1).filter(|t| t.glued() && t.is_punct("/.-"))?;
    let b = tokens.get(i + 2).filter(|t| t.glued())?.num()?;
    let third = tokens
        .get(i + 3)
        .filter(|t| t.glued() && t.text == sep.text)
        .and_then(|_| tokens.get(i + 4).filter(|t| t.glued()))
        .and_then(|t| t.num());
    if a.decimal || b.decimal || a.grouped || b.grouped {
        return None;
    }
    let (x, y) = (a.value as u32, b.value as u32);
    if let Some(c) = third {
        let more = |k: usize| tokens.get(k).is_some_and(|t| t.glued());
        let longer = more(i + 5)
            && (tokens[i + 5].num().is_some()
                || (tokens[i + 5].is_punct("/.-") && more(i + 6) && tokens[i + 6].num().is_some()));
        if c.decimal || longer {
            return None;
        }
        let z = c.value as i32;
        let (year, month, day) = if a.int_digits == 4 {
            (a.value.abs() as i32, y, z as u32)
        } else {
            let year = match c.int_digits {
                4 => z,
                2 => expand_year(z, reference),
                _ => return None,
            };
            let (m, d) = if lang == Lang::En && x <= 12 { (x, y) } else { (y, x) };
            (year, m, d)
        };
        NaiveDate::from_ymd_opt(year, month, day)?;
        return Some((i + 5, DateVal { year: Some(year), month: Some(month), day: Some(day) }));
    }
    if sep.text != "/" || tokens.get(i + 3).is_some_and(|t| t.glued() && (t.num().is_some() || t.is_punct("/"))) {
        return None;
    }
    let (m, d) = if lang == Lang::En && x <= 12 { (x, y) } else { (y, x) };
    let clear = a.leading_zero || b.leading_zero || d > 12 || after_weekday;
    if !clear || !(1..=12).contains(&m) || !(1..=31).contains(&d) || a.int_digits > 2 || b.int_digits > 2 {
        return None;
    }
    let year = year_of_day(reference.map(|r| r.year()), m, d)?;
    Some((i + 3, DateVal { year, month: Some(m), day: Some(d) }))
}

/// "20161016", "report-20170302": a compact year, month and day in eight digits.
fn compact_date(tokens: &[Token], i: usize) -> Option<(usize, DateVal)> {
    let tok = tokens.get(i)?;
    let lit = tok.num().filter(|n| n.int_digits == 8 && !n.decimal && !n.grouped)?;
    if tokens.get(i + 1).is_some_and(|t| t.glued() && (t.is_word() || t.num().is_some())) {
        return None;
    }
    let n = lit.value.abs() as u32;
    let (year, month, day) = ((n / 10000) as i32, n / 100 % 100, n % 100);
    if !(1900..=2099).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)?;
    Some((i + 1, DateVal { year: Some(year), month: Some(month), day: Some(day) }))
}

/// "18 08 1978", "2 4 2009", "2016 10 16": a day, month and year (or year, month and day) set
/// apart by single spaces, with no other number around them.
fn spaced_date(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    let part = |k: usize| {
        let t = tokens.get(k)?;
        let single_space = k == i || tokens[k - 1].end + 1 == t.start;
        t.num().filter(|n| single_space && !n.decimal && !n.grouped && n.value >= 0.0)
    };
    let (a, b, c) = (part(i)?, part(i + 1)?, part(i + 2)?);
    let number_around = (i > 0 && tokens[i - 1].num().is_some())
        || tokens.get(i + 3).is_some_and(|t| t.num().is_some() || (t.glued() && !t.is_punct(".,;")));
    if number_around || b.int_digits > 2 {
        return None;
    }
    let (year, day) = match (a.int_digits, c.int_digits) {
        (4, 1 | 2) if lang == Lang::En || a.value > 1900.0 => (a.value as i32, c.value as u32),
        (1 | 2, 4) => (c.value as i32, a.value as u32),
        (1 | 2, 2) if lang == Lang::Fr => (expand_year(c.value as i32, reference), a.value as u32),
        _ => return None,
    };
    let month = b.value as u32;
    if !(1500..=2099).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)?;
    Some((i + 3, DateVal { year: Some(year), month: Some(month), day: Some(day) }))
}

/// "le 25 mardi", "le vingt-cinq mardi": a day of the month with its weekday, the nearest such day.
fn day_then_weekday(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    if lang != Lang::Fr || i == 0 || word(tokens, i - 1) != "le" {
        return None;
    }
    let (d, used) = day_number(tokens, i)?;
    let wd = weekday_at(tokens, i + used, lang)?;
    let date = nearest_day_and_weekday(reference?, d, wd)?;
    Some((i + used + 1, DateVal::of(date)))
}

/// The day nearest `r` that falls on day `d` of its month and on weekday `wd`.
fn nearest_day_and_weekday(r: NaiveDate, d: u32, wd: u32) -> Option<NaiveDate> {
    (0..800)
        .flat_map(|n| [shift_days(r, -n), shift_days(r, n)])
        .flatten()
        .find(|x| x.day() == d && x.weekday() == weekday_from(wd))
}

/// A date written with a month name between slashes or hyphens: "23/Sep/2020", "2019-aug-1",
/// "Sep-23-2020", "Jan/3".
fn mixed_date(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    // "Sep-23-2020" in a French text: codes and abbreviations of either language
    let month_of = |t: &Token| {
        let known = |l: Lang| calendar_word(t, l).0.map(|m| m.0);
        known(lang).or_else(|| known(if lang == Lang::Fr { Lang::En } else { Lang::Fr }))
    };
    let is_part = |t: &Token| t.num().is_some_and(|n| !n.decimal && !n.grouped) || month_of(t).is_some();
    // The separator first: it rules out almost every token without a look-up in two calendars.
    let sep = tokens.get(i + 1).filter(|t| t.glued() && t.is_punct("/-"))?.text;
    if !is_part(&tokens[i]) {
        return None;
    }
    let mut parts = vec![&tokens[i]];
    let mut k = i + 1;
    while parts.len() < 3 && tokens.get(k).is_some_and(|t| t.glued() && t.text == sep) {
        match tokens.get(k + 1).filter(|t| t.glued() && is_part(t)) {
            Some(t) => parts.push(t),
            None => break,
        }
        k += 2;
    }
    let months: Vec<u32> = parts.iter().filter_map(|t| month_of(t)).collect();
    if parts.len() < 2 || months.len() != 1 {
        return None;
    }
    let numbers: Vec<&NumLitRef> = parts.iter().filter_map(|t| t.num()).collect();
    let year = numbers.iter().find(|n| n.int_digits == 4).map(|n| n.value as i32);
    let day = numbers.iter().find(|n| n.int_digits <= 2).map(|n| n.value as u32)?;
    if numbers.len() != parts.len() - 1 || (parts.len() == 3 && year.is_none()) {
        return None;
    }
    let year = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, months[0], day).map(|_| Some(y))?,
        None => year_of_day(reference.map(|r| r.year()), months[0], day)?,
    };
    Some((i + 2 * parts.len() - 1, DateVal { year, month: Some(months[0]), day: Some(day) }))
}

/// A day of the month alone, where only a date can be meant: "le 23" (before a pause or a
/// preposition), "on the 18th". It is this month's, or last month's if that day is still to come.
fn lone_day(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    let prev = if i > 0 { word(tokens, i - 1) } else { "" };
    let prev2 = if i > 1 { word(tokens, i - 2) } else { "" };
    tokens[i].num()?;
    let (day, used) = day_number(tokens, i)?;
    let ok = match lang {
        Lang::Fr => prev == "le" && used == 1 && !matches!(prev2, "de" | "sur" | "a" | "par"),
        Lang::En => used == 2 && (prev == "on" || (prev == "the" && prev2 == "on")),
    };
    let next = tokens.get(i + used);
    let spaced_dash = next.is_some_and(|t| t.is_punct("-–—") && t.space_before)
        && tokens.get(i + used + 1).is_none_or(|t| t.space_before);
    let pause = spaced_dash
        || next.is_none_or(|t| !t.is_word() && !t.is_punct("%/-:") && t.num().is_none())
        || next.is_some_and(|t| t.is_word() && CONNECTIVES.contains(&t.folded.as_ref()) || t.initial);
    if !ok
        || !pause
        || next.is_some_and(|t| t.is_punct(",") && tokens.get(i + used + 1).is_some_and(|n| n.num().is_some()))
    {
        return None;
    }
    let r = reference?;
    let future = future_tense(tokens, i, lang);
    let month_start = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
    let base = match (day > r.day(), future) {
        (true, false) => shift_months(month_start, -1)?,
        (false, true) if day < r.day() => shift_months(month_start, 1)?,
        _ => month_start,
    };
    let date = NaiveDate::from_ymd_opt(base.year(), base.month(), day)?;
    Some((i + used, DateVal::of(date)))
}

fn expand_year(yy: i32, reference: Option<NaiveDate>) -> i32 {
    let now = reference.map_or(2024, |r| r.year());
    if 2000 + yy <= now + 10 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// The year of a month named without one: the reference year, or the year before when the month
/// is still to come and the sentence is not in the future tense.
fn year_for_month(month: u32, reference: Option<NaiveDate>, future: bool) -> Option<i32> {
    let r = reference?;
    Some(if month > r.month() && !future { r.year() - 1 } else { r.year() })
}

/// A day and month (and year) at `tokens[i]`, in either order: "6 mai 2024", "May 6, 2024",
/// "6th of May", "le 1er mai".
fn day_month(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    let (day, month, mut end) = if let Some((d, used)) = day_number(tokens, i) {
        let mut k = i + used;
        // "the 15th day of September", "le quinzième jour de septembre"
        if matches!((word(tokens, k), word(tokens, k + 1)), ("day", "of") | ("jour", "de")) {
            k += 2;
            if let Some(found) = day_of_relative_month(tokens, k, d, reference) {
                return Some(found);
            }
        } else if lang == Lang::En && word(tokens, k) == "of" {
            k += 1;
        }
        let Some(m) = month_at(tokens, k, lang) else {
            return range_start(tokens, i, k, d, lang, reference);
        };
        // "$12 December 27": the day is the one after the month
        if lang == Lang::En
            && day_number(tokens, k + 1).is_some()
            && year_number(tokens, k + 1).is_none()
            && year_words(tokens, k + 1, lang).is_none()
        {
            return None;
        }
        (d, m, k + 1)
    } else {
        let m = month_at(tokens, i, lang)?;
        let mut k = i + 1;
        if word(tokens, k) == "." {
            k += 1;
        }
        if lang == Lang::En && word(tokens, k) == "the" {
            k += 1;
        }
        // "October, 1st": a comma only before an ordinal day
        if word(tokens, k) == "," && day_number(tokens, k + 1).is_some_and(|(_, used)| used == 2) {
            k += 1;
        }
        let (d, used) = day_number(tokens, k)?;
        if tokens.get(k + used).is_some_and(|t| t.is_punct(":") && t.glued()) {
            return None; // "May 6:30" is no date
        }
        (d, m, k + used)
    };
    if word(tokens, end) == "." && month_abbreviated(tokens, end - 1) {
        end += 1;
    }
    let mut k = end;
    if word(tokens, k) == "," {
        k += 1;
    }
    if matches!(word(tokens, k), "of" | "de" | "in") && year_number(tokens, k + 1).is_some() {
        k += 1;
    }
    let year = year_number(tokens, k).map(|y| (y, k + 1)).or_else(|| {
        let k = if matches!(word(tokens, k), "a" | "of" | "in") { k + 1 } else { k };
        year_words(tokens, k, lang)
    });
    let year_val = match year {
        Some((y, year_end)) => {
            end = year_end;
            NaiveDate::from_ymd_opt(y, month, day)?;
            Some(y)
        }
        None if reference.and_then(|r| year_said_after(tokens, k, r)).is_some() => {
            let (y, year_end) = reference.and_then(|r| year_said_after(tokens, k, r))?;
            NaiveDate::from_ymd_opt(y, month, day)?;
            end = year_end;
            Some(y)
        }
        None => {
            let year = year_of_day(reference.map(|r| r.year()), month, day)?;
            let prev = if i > 0 { word(tokens, i - 1) } else { "" };
            match (year, reference) {
                (Some(y), Some(r)) => Some(year_toward(y, month, day, r, prev, || future_tense(tokens, i, lang))),
                _ => year,
            }
        }
    };
    Some((end, DateVal { year: year_val, month: Some(month), day: Some(day) }))
}

/// The first day of a range whose month is written once, after the last day: "du 19 au 23
/// juillet", "between 19 and 23 July". `k` is past the first day `d`, at the joining word.
fn range_start(
    tokens: &[Token],
    i: usize,
    k: usize,
    d: u32,
    lang: Lang,
    reference: Option<NaiveDate>,
) -> Option<(usize, DateVal)> {
    let opened = i > 0 && matches!(word(tokens, i - 1), "du" | "entre" | "from" | "between");
    let joined = matches!((lang, word(tokens, k)), (Lang::Fr, "au" | "et") | (Lang::En, "to" | "and" | "until"));
    if !opened || !joined {
        return None;
    }
    let second = if matches!(word(tokens, k + 1), "le" | "the") { k + 2 } else { k + 1 };
    tokens.get(second)?.num()?;
    let (_, last) = day_month(tokens, second, lang, reference)?;
    if last.day.is_some_and(|l| l <= d) {
        return None;
    }
    let month = last.month?;
    if let Some(y) = last.year {
        NaiveDate::from_ymd_opt(y, month, d)?;
    }
    Some((i + day_number(tokens, i)?.1, DateVal { year: last.year, month: Some(month), day: Some(d) }))
}

/// The year of a day and month written without one, `y` being the reference's: the next
/// year's when "next" points past the reference or a future sentence speaks of a day already
/// gone ("will happen on January 15" in November), the last year's after "last".
fn year_toward(y: i32, month: u32, day: u32, r: NaiveDate, prev: &str, future: impl Fn() -> bool) -> i32 {
    let Some(date) = NaiveDate::from_ymd_opt(y, month, day) else { return y };
    match prev {
        "next" | "prochain" if date <= r => y + 1,
        "last" | "dernier" if date >= r => y - 1,
        _ if date < r && (r - date).num_days() > 7 && future() => y + 1,
        _ => y,
    }
}

/// A year written in words after a day and month: "nineteen eighty six", "dix-neuf cent
/// quatre-vingt-dix", "two thousand and thirty two", "seventeen hundred thirty three". Returns the
/// year and the index past it.
fn year_words(tokens: &[Token], k: usize, lang: Lang) -> Option<(i32, usize)> {
    if !tokens.get(k).is_some_and(|t| t.is_word()) {
        return None;
    }
    let (first, end) = super::numbers::whole_number_words_at(tokens, k, lang)?;
    // "May 6, two thousand people": a count before a noun, not a year
    let noun_after = |at: usize| tokens.get(at).is_some_and(|t| t.is_word() && !t.is_capitalized());
    if (1000..=2199).contains(&first) {
        return (first % 1000 != 0 && !noun_after(end)).then_some((first as i32, end));
    }
    if !(10..=21).contains(&first) || !tokens.get(end).is_some_and(|t| t.is_word()) {
        return None;
    }
    // "nineteen eighty six": centuries, then a two-digit number
    let (second, end2) = super::numbers::whole_number_words_at(tokens, end, lang)?;
    ((10..=99).contains(&second) && !noun_after(end2)).then_some(((first * 100 + second) as i32, end2))
}

/// A year named by its distance after a month or a day: "March last year", "in May of next year",
/// "en mars de l'année dernière", "en mars l'an dernier". Returns the year and the index past it.
fn year_said_after(tokens: &[Token], k: usize, r: NaiveDate) -> Option<(i32, usize)> {
    let w: [&str; 6] = std::array::from_fn(|n| word(tokens, k + n));
    let skip = match w {
        ["of" | "de", ..] => 1,
        _ => 0,
    };
    let (shift, used) = match &w[skip..] {
        ["last", "year", ..] => (-1, 2),
        ["next", "year", ..] => (1, 2),
        ["this", "year", ..] => (0, 2),
        ["l", "'", "an" | "annee", "dernier" | "derniere" | "passe" | "passee", ..] => (-1, 4),
        ["l", "'", "an" | "annee", "prochain" | "prochaine", ..] => (1, 4),
        ["cette", "annee", ..] => (0, 2),
        _ => return None,
    };
    Some((r.year() + shift, k + skip + used))
}

/// "the 15th day of next month": that day of the month before, of or after the reference.
fn day_of_relative_month(
    tokens: &[Token],
    k: usize,
    day: u32,
    reference: Option<NaiveDate>,
) -> Option<(usize, DateVal)> {
    let shift = match (word(tokens, k), word(tokens, k + 1)) {
        ("next", "month") | ("le", "mois") if word(tokens, k + 2) == "prochain" || word(tokens, k) == "next" => 1,
        ("last", "month") => -1,
        ("this", "month") => 0,
        _ => return None,
    };
    let end = k + if word(tokens, k) == "le" { 3 } else { 2 };
    let r = reference?;
    let month = shift_months(NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?, shift)?;
    Some((end, DateVal::of(NaiveDate::from_ymd_opt(month.year(), month.month(), day)?)))
}

/// Whether `tokens[i]` is a month abbreviation ("Oct", "janv"), which a dot may follow.
fn month_abbreviated(tokens: &[Token], i: usize) -> bool {
    let abbr = |lang| calendar_word(&tokens[i], lang).0.is_some_and(|(_, a)| a);
    tokens.get(i).is_some_and(|t| t.is_word()) && (abbr(Lang::Fr) || abbr(Lang::En))
}

/// Words before a lone month name that make it a date ("en mai", "in May", "fin mars").
const MONTH_INTRO: &[&str] = &[
    "en",
    "depuis",
    "fin",
    "debut",
    "mi",
    "courant",
    "jusqu",
    "mois",
    "in",
    "since",
    "until",
    "by",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "end",
    "beginning",
    "during",
    "de",
    "of",
    "through",
    "d",
];

/// A month and year ("mai 2024", "March 2024"), or a lone month after a time preposition.
fn month_year(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    let month = month_at(tokens, i, lang)?;
    let mut k = i + 1;
    if word(tokens, k) == "." && month_abbreviated(tokens, i) {
        k += 1;
    }
    if lang == Lang::En && matches!(word(tokens, k), "of" | ",") && year_number(tokens, k + 1).is_some() {
        k += 1;
    }
    if let Some(y) = year_number(tokens, k) {
        return Some((k + 1, DateVal { year: Some(y), month: Some(month), day: None }));
    }
    let prev = if i > 0 { word(tokens, i - 1) } else { "" };
    let prev = if prev == "-" && i > 1 { word(tokens, i - 2) } else { prev };
    let abbreviated = calendar_word(&tokens[i], lang).0.is_some_and(|(_, a)| a);
    // "septembre dernier", "octobre prochain": the French month says which one itself
    // "en mai et juin derniers": the plural qualifies both months.
    let coordinated = match word(tokens, k) {
        "et" if month_at(tokens, k + 1, lang).is_some() => word(tokens, k + 2),
        _ => "",
    };
    let (after, after_end) = match (lang, word(tokens, k), coordinated) {
        (Lang::Fr, "dernier" | "passe" | "derniers" | "passes", _) => (Some(false), k + 1),
        (Lang::Fr, "prochain" | "prochains", _) => (Some(true), k + 1),
        (Lang::Fr, _, "derniers" | "passes") => (Some(false), k),
        (Lang::Fr, _, "prochains") => (Some(true), k),
        _ => (None, k),
    };
    if let (Some(next), false) = (after, abbreviated && tokens[i].folded != "mai") {
        let year = reference.map(|r| match next {
            false if month >= r.month() => r.year() - 1,
            true if month <= r.month() => r.year() + 1,
            _ => r.year(),
        });
        return Some((after_end, DateVal { year, month: Some(month), day: None }));
    }
    // "en mars-avril": the second month of a range shares the first one's introduction.
    let range = i > 2
        && word(tokens, i - 1) == "-"
        && month_at(tokens, i - 2, lang).is_some()
        && MONTH_INTRO.contains(&word(tokens, i - 3));
    if !(MONTH_INTRO.contains(&prev) || range) || abbreviated && tokens[i].folded != "mai" && tokens[i].folded != "may"
    {
        return None;
    }
    if let Some((y, end)) = reference.and_then(|r| year_said_after(tokens, k, r)) {
        return Some((end, DateVal { year: Some(y), month: Some(month), day: None }));
    }
    if lang == Lang::En
        && tokens[i].folded == "may"
        && !matches!(prev, "in" | "since" | "until" | "by" | "early" | "late" | "mid" | "last" | "next" | "this" | "of")
    {
        return None;
    }
    let direction = match prev {
        "last" => Some(false),
        "next" => Some(true),
        _ => None,
    };
    let year = match (direction, reference) {
        (Some(false), Some(r)) => Some(if month >= r.month() { r.year() - 1 } else { r.year() }),
        (Some(true), Some(r)) => Some(if month <= r.month() { r.year() + 1 } else { r.year() }),
        _ => year_for_month(month, reference, future_tense(tokens, i, lang)),
    };
    Some((i + 1, DateVal { year, month: Some(month), day: None }))
}

/// A weekday, with what qualifies it: "lundi", "mardi dernier", "next Monday", "Monday, May 6".
fn weekday_date(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, String)> {
    let wd = weekday_at(tokens, i, lang)?;
    let mut end = i + 1;
    if word(tokens, end) == "." {
        end += 1;
    }
    let mut k = end;
    if word(tokens, k) == "," {
        k += 1;
    }
    if let Some((e, date)) =
        day_month(tokens, k, lang, reference).or_else(|| numeric_date_with(tokens, k, lang, reference, true))
    {
        return Some((e, date.iso()));
    }
    if let Some(found) = weekday_of_week(tokens, end, wd, reference) {
        return Some(found);
    }
    if lang == Lang::En && word(tokens, k) == "the" && day_number(tokens, k + 1).is_some() {
        k += 1;
    }
    // "jeudi, deux voitures": after a comma only a day with its month (above) belongs to the weekday.
    let after_comma = word(tokens, end) == ",";
    if let Some((d, used)) =
        day_number(tokens, k).filter(|_| !after_comma && (lang == Lang::En || word(tokens, k + 1) != "h"))
    {
        // "Monday 21", "Tuesday the eleventh": the nearest day that is both, before or after the reference.
        // "Monday two weeks from now", "Friday 5/12" are something else.
        let next = tokens.get(k + used);
        let not_time = !next.is_some_and(|t| {
            t.is_punct(":")
                || t.folded == "h"
                || TIME_UNIT_WORDS.contains(&t.folded.as_ref())
                || (t.glued() && t.is_punct("/-"))
        });
        if let (true, Some(r)) = (not_time, reference) {
            if let Some(date) = nearest_day_and_weekday(r, d, wd) {
                return Some((k + used, DateVal::of(date).iso()));
            }
        }
    }
    let prev = if i > 0 { word(tokens, i - 1) } else { "" };
    let after = word(tokens, end);
    let mut direction = match (lang, prev, after) {
        (Lang::Fr, _, "dernier" | "passe") => Direction::Last,
        (Lang::Fr, _, "prochain") => Direction::Next,
        (Lang::En, "last" | "previous", _) => Direction::Last,
        (Lang::En, "past", _) => Direction::Before,
        (Lang::En, "next" | "following", _) => Direction::Next,
        (Lang::En, "coming" | "upcoming", _) => Direction::After,
        (Lang::En, "this", _) => Direction::Future,
        _ if future_tense(tokens, i, lang) => Direction::Future,
        _ => Direction::Past,
    };
    if lang == Lang::Fr && matches!(after, "dernier" | "passe" | "prochain") {
        end += 1;
    }
    // "this Friday" in a past sentence is the one of this week that has passed.
    if prev == "this" && !future_tense(tokens, i, lang) && direction != Direction::Before {
        direction = Direction::Past;
    }
    let value = match reference {
        Some(r) => DateVal::of(resolve_weekday(wd, r, direction)?).iso(),
        None => format!("XXXX-WXX-{wd}"),
    };
    Some((end, value))
}

/// "fin de", "début de", "au cours de", "milieu de" before `tokens[i]`.
fn year_part_before(tokens: &[Token], i: usize) -> bool {
    word(tokens, i - 1) == "de" && matches!(word(tokens, i - 2), "fin" | "debut" | "cours" | "milieu")
}

/// Relative days, weeks, months and years: "hier", "yesterday", "la semaine dernière",
/// "last month", "l'an dernier", "il y a trois jours", "two days ago", "ces derniers jours".
fn relative(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, String)> {
    let w: [&str; 5] = std::array::from_fn(|k| word(tokens, i + k));
    let day = |n: i64, end: usize| -> Option<(usize, String)> {
        let value = reference.and_then(|r| shift_days(r, n)).map_or("XXXX-XX-XX".to_string(), |d| DateVal::of(d).iso());
        Some((end, value))
    };
    let week = |n: i64, end: usize| -> Option<(usize, String)> {
        // "next week Monday", "next week on Tuesday", "previous week - Monday": that day of the week
        let k = if matches!(word(tokens, end), "on" | "-" | "," | "le") { end + 1 } else { end };
        let wd = tokens.get(k).and_then(|t| calendar_word(t, lang).1);
        if let (Some((wd, _)), Some(r)) = (wd, reference) {
            return Some((k + 1, day_in_week(r, n, wd)?));
        }
        Some((end, reference.and_then(|r| shift_days(r, 7 * n)).map_or("XXXX-WXX".to_string(), iso_week)))
    };
    let month = |n: i32, end: usize| -> Option<(usize, String)> {
        let value = reference
            .and_then(|r| shift_months(r, n))
            .map_or("XXXX-XX".to_string(), |d| format!("{}-{:02}", d.year(), d.month()));
        Some((end, value))
    };
    let year = |n: i32, end: usize| -> Option<(usize, String)> {
        Some((end, reference.map_or("XXXX".to_string(), |r| format!("{}", r.year() + n))))
    };
    match lang {
        Lang::Fr => match w.as_slice() {
            ["aujourd", "'", "hui", ..] => day(0, i + 3),
            ["avant", "-", "hier", ..] | ["avant", "hier", ..] => day(-2, i + 2 + (w[1] == "-") as usize),
            ["apres", "-", "demain", ..] => day(2, i + 3),
            ["hier", ..] => day(-1, i + 1),
            // "désormais", "dorénavant": from the day of writing on, which TimeML dates to it.
            ["desormais" | "dorenavant", ..] => day(0, i + 1),
            ["demain", ..] => day(1, i + 1),
            ["semaine", "derniere" | "passee", ..] => week(-1, i + 2),
            ["semaine", "prochaine", ..] => week(1, i + 2),
            ["cette", "semaine", ..] => week(0, i + 2),
            ["mois", "dernier" | "passe", ..] => month(-1, i + 2),
            ["mois", "prochain", ..] => month(1, i + 2),
            ["ce", "mois", "-", "ci", ..] => month(0, i + 4),
            ["an", "dernier" | "passe", ..] | ["annee", "derniere" | "passee", ..] => year(-1, i + 2),
            ["an", "prochain", ..] | ["annee", "prochaine", ..] => year(1, i + 2),
            ["cette", "annee", ..] => year(0, i + 2),
            // "d'ici la fin de l'année", "au cours de l'année": the year of the reference.
            ["l", "'", "annee", ..] if i > 1 && year_part_before(tokens, i) => match w[3] {
                "derniere" | "passee" => year(-1, i + 4),
                "prochaine" => year(1, i + 4),
                _ if year_number(tokens, i + 3).is_some() || matches!(w[3], "suivante" | "precedente") => None,
                _ => year(0, i + 3),
            },
            ["ces", "derniers" | "dernieres", "jours" | "semaines" | "mois", ..] => Some((i + 3, "PAST_REF".into())),
            ["il", "y", "a", ..] => ago(tokens, i + 3, lang, reference),
            ["il", "ya", ..] => ago(tokens, i + 2, lang, reference),
            ["dans", ..] => ahead(tokens, i + 1, lang, reference),
            _ => None,
        },
        Lang::En => match w.as_slice() {
            ["today", ..] => day(0, i + 1),
            ["yesterday", ..] => day(-1, i + 1),
            ["tomorrow", ..] => day(1, i + 1),
            ["last" | "previous", "week", ..] => week(-1, i + 2),
            ["next" | "following", "week", ..] => week(1, i + 2),
            ["this", "week", ..] => week(0, i + 2),
            ["last", "month", ..] => month(-1, i + 2),
            ["next", "month", ..] => month(1, i + 2),
            ["this", "month", ..] => month(0, i + 2),
            ["last", "year", ..] => year(-1, i + 2),
            ["next", "year", ..] => year(1, i + 2),
            ["this", "year", ..] => year(0, i + 2),
            ["recent", "days" | "weeks" | "months", ..] => Some((i + 2, "PAST_REF".into())),
            ["in", ..] => ahead(tokens, i + 1, lang, reference),
            _ => ago(tokens, i, lang, reference),
        },
    }
}

/// "trois jours" after "il y a", or "two days ago": the day, month or year that far back.
fn ago(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, String)> {
    let (n, unit_at) = count_at(tokens, i, lang)?;
    let unit = word(tokens, unit_at);
    if lang == Lang::En && word(tokens, unit_at + 1) == "and" {
        // "2 weeks and 2 days ago"
        let (m, unit2_at) = count_at(tokens, unit_at + 2, lang)?;
        let (days, days2) = (unit_days(unit)?, unit_days(word(tokens, unit2_at))?);
        (word(tokens, unit2_at + 1) == "ago").then_some(())?;
        let date = shift_days(reference?, -(n * days + m * days2))?;
        return Some((unit2_at + 2, DateVal::of(date).iso()));
    }
    let end = if lang == Lang::En { (word(tokens, unit_at + 1) == "ago").then_some(unit_at + 2)? } else { unit_at + 1 };
    let r = reference?;
    let value = match unit {
        "jour" | "jours" | "day" | "days" => DateVal::of(shift_days(r, -n)?).iso(),
        "semaine" | "semaines" | "week" | "weeks" => DateVal::of(shift_days(r, -7 * n)?).iso(),
        "fortnight" | "fortnights" => DateVal::of(shift_days(r, -14 * n)?).iso(),
        "mois" | "month" | "months" => {
            let d = shift_months(r, -(n as i32))?;
            format!("{}-{:02}", d.year(), d.month())
        }
        "an" | "ans" | "annee" | "annees" | "year" | "years" => format!("{}", r.year() - n as i32),
        _ => return None,
    };
    let start_word = if lang == Lang::Fr { 3 } else { 0 };
    let _ = start_word;
    Some((end, value))
}

/// "in two weeks", "dans trois jours": the day that far ahead.
fn ahead(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, String)> {
    let (n, unit_at) = count_at(tokens, i, lang)?;
    let r = reference?;
    let date = match word(tokens, unit_at) {
        "jour" | "jours" | "day" | "days" => shift_days(r, n)?,
        "semaine" | "semaines" | "week" | "weeks" => shift_days(r, 7 * n)?,
        "fortnight" | "fortnights" => shift_days(r, 14 * n)?,
        "mois" | "month" | "months" => shift_months(r, n as i32)?,
        "an" | "ans" | "annee" | "annees" | "year" | "years" => shift_months(r, 12 * n as i32)?,
        _ => return None,
    };
    if tokens.get(unit_at + 1).is_some_and(|t| matches!(t.folded.as_ref(), "de" | "d" | "of")) {
        return None; // "dans trois jours de grève" is no date
    }
    Some((unit_at + 1, DateVal::of(date).iso()))
}

/// The days in a unit of days or weeks ("day", "semaines", "fortnight").
fn unit_days(unit: &str) -> Option<i64> {
    match unit {
        "jour" | "jours" | "day" | "days" => Some(1),
        "semaine" | "semaines" | "week" | "weeks" => Some(7),
        "fortnight" | "fortnights" => Some(14),
        _ => None,
    }
}

/// "3 days after January 12th", "two weeks before Christmas", "4 months from tomorrow", "three
/// weeks from now", "deux jours avant Noël": a date counted from another. Returns the index past
/// it and the day.
fn offset_date(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, String)> {
    let (n, unit_at) = count_at(tokens, i, lang)?;
    let unit = word(tokens, unit_at);
    if !TIME_UNIT_WORDS.contains(&unit) {
        return None;
    }
    let sign = match (lang, word(tokens, unit_at + 1)) {
        (Lang::En, "after" | "from") | (Lang::Fr, "apres") => 1,
        (Lang::En, "before") | (Lang::Fr, "avant") => -1,
        _ => return None,
    };
    let at = unit_at + 2;
    let (end, anchor) = if word(tokens, at) == "now" {
        (at + 1, reference?)
    } else {
        // the anchor is a date of its own: "tomorrow", "next Friday", "Christmas", "01/02/2018"
        let k = if matches!(word(tokens, at), "next" | "last" | "this" | "coming") { at + 1 } else { at };
        let found = date_at(tokens, k, lang, reference).or_else(|| date_at(tokens, at, lang, reference))?;
        (found.end, NaiveDate::parse_from_str(&found.value, "%Y-%m-%d").ok()?)
    };
    let date = match unit_days(unit) {
        Some(days) => shift_days(anchor, sign * n * days)?,
        None if matches!(unit, "mois" | "month" | "months") => shift_months(anchor, sign as i32 * n as i32)?,
        None => shift_months(anchor, sign as i32 * 12 * n as i32)?,
    };
    Some((end, DateVal::of(date).iso()))
}

/// A small count at `tokens[i]`, in digits or words: (count, index of the next token).
fn count_at(tokens: &[Token], i: usize, lang: Lang) -> Option<(i64, usize)> {
    let tok = tokens.get(i)?;
    if let Some(lit) = tok.num() {
        return (!lit.decimal && lit.value < 1000.0).then_some((lit.value as i64, i + 1));
    }
    // Every word below but "a" and "an" is a number word of its language (a test checks it): no
    // other word counts anything, and the list is not read for one.
    let article = lang == Lang::En && matches!(tok.folded.as_ref(), "a" | "an");
    if !article && !super::numbers::is_number_word(tok, lang) {
        return None;
    }
    let n = match (lang, tok.folded.as_ref()) {
        (Lang::En, "a" | "an" | "one") | (Lang::Fr, "un" | "une") => 1,
        (Lang::En, "two") | (Lang::Fr, "deux") => 2,
        (Lang::En, "three") | (Lang::Fr, "trois") => 3,
        (Lang::En, "four") | (Lang::Fr, "quatre") => 4,
        (Lang::En, "five") | (Lang::Fr, "cinq") => 5,
        (Lang::En, "six") | (Lang::Fr, "six") => 6,
        (Lang::En, "seven") | (Lang::Fr, "sept") => 7,
        (Lang::En, "eight") | (Lang::Fr, "huit") => 8,
        (Lang::En, "nine") | (Lang::Fr, "neuf") => 9,
        (Lang::En, "ten") | (Lang::Fr, "dix") => 10,
        _ => {
            let (n, end, ordinal) = super::numbers::small_number_at(tokens, i, lang)?;
            return (!ordinal && n > 0).then_some((n as i64, end));
        }
    };
    Some((n, i + 1))
}

/// "fin mars 2024", "début mai", "the end of March", "mi-juin": a part of a month, valued as the month.
fn month_part(tokens: &[Token], i: usize, lang: Lang) -> usize {
    let skip = match (lang, word(tokens, i), word(tokens, i + 1), word(tokens, i + 2)) {
        (Lang::Fr, "fin" | "debut", _, _) => 1,
        (Lang::Fr, "mi", "-", _) => 2,
        (Lang::En, "the", "end" | "beginning" | "middle", "of") => 3,
        (Lang::En, "end" | "beginning" | "middle", "of", _) => 2,
        (Lang::En, "mid", "-", _) => 2,
        (Lang::En, "early" | "late" | "mid", _, _) => 1,
        _ => 0,
    };
    if skip > 0 && month_at(tokens, i + skip, lang).is_some() {
        skip
    } else {
        0
    }
}

/// When a holiday falls: a fixed month and day, or a day counted from Easter Sunday.
#[derive(Clone, Copy, Debug)]
enum Holiday {
    Fixed(u32, u32),
    Easter(i64),
    /// Days after the fourth Thursday of November (US Thanksgiving).
    Thanksgiving(i64),
}

impl Holiday {
    fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            Holiday::Easter(offset) => shift_days(easter_sunday(year)?, offset),
            Holiday::Thanksgiving(offset) => {
                let first = NaiveDate::from_ymd_opt(year, 11, 1)?;
                let to_thursday = (3 + 7 - first.weekday().num_days_from_monday() as i64) % 7;
                shift_days(first, to_thursday + 21 + offset)
            }
        }
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The holiday forms of `data/holidays.tsv`, laid out by `build.rs` (keyed as the facts
/// tokenizer would key them) instead of a phrase table built at every start-up.
mod embedded {
    use crate::facts::lexicon::StaticPhrases;
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/holidays.rs"));
}

impl Holiday {
    /// The holiday a form of a `data/holidays.tsv` row names (`when<TAB>forms`, `when` being
    /// `MM-DD`, `easter±N` or `thanksgiving±N`), and whether the form needs a capital (`^`).
    fn of(row: DataForm) -> (Holiday, bool) {
        let when = row.line.split('\t').next().unwrap_or_default();
        let holiday = match (when.strip_prefix("easter"), when.strip_prefix("thanksgiving")) {
            (Some(offset), _) => Holiday::Easter(offset.parse().unwrap_or(0)),
            (_, Some(offset)) => Holiday::Thanksgiving(offset.parse().unwrap_or(0)),
            _ => {
                let (m, d) = when.split_once('-').expect("holidays.tsv: MM-DD");
                Holiday::Fixed(m.parse().expect("holidays.tsv: month"), d.parse().expect("holidays.tsv: day"))
            }
        };
        (holiday, row.form.starts_with('^'))
    }
}

/// A holiday ("Christmas", "Pâques 2018", "last Easter"): this year's, unless a year follows or
/// "last"/"next" points to the previous or the next one.
fn holiday_at(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<(usize, DateVal)> {
    let (mut end, row) = embedded::HOLIDAYS.longest_at(tokens, i)?;
    let (holiday, needs_capital) = Holiday::of(row);
    if needs_capital && !tokens[i].is_capitalized() {
        return None;
    }
    // "Noël Mamère" is a person
    if tokens.get(end).is_some_and(|t| t.is_capitalized() && !t.initial) {
        return None;
    }
    if let Some(y) = year_number(tokens, end) {
        end += 1;
        return Some((end, DateVal::of(holiday.in_year(y)?)));
    }
    let prev = if i > 0 { word(tokens, i - 1) } else { "" };
    let Some(r) = reference else {
        return match holiday {
            Holiday::Fixed(m, d) => Some((end, DateVal { year: None, month: Some(m), day: Some(d) })),
            Holiday::Easter(_) | Holiday::Thanksgiving(_) => None,
        };
    };
    let this_year = holiday.in_year(r.year())?;
    let date = match prev {
        "last" | "previous" | "dernier" if this_year >= r => holiday.in_year(r.year() - 1)?,
        "next" | "following" | "prochain" if this_year <= r => holiday.in_year(r.year() + 1)?,
        _ if this_year < r && future_tense(tokens, i, lang) => holiday.in_year(r.year() + 1)?,
        _ => this_year,
    };
    Some((end, DateVal::of(date)))
}

/// The date at `tokens[i]`, if one starts there.
fn date_at(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<Found> {
    // A mark (one character, no letter nor digit) starts no pattern but a holiday's: every other
    // one starts with a word or digits. Marks are a fifth of the tokens.
    if tokens.get(i).is_some_and(|t| matches!(t.kind, TokKind::Punct)) {
        return holiday_at(tokens, i, lang, reference).map(|(end, v)| Found { end, value: v.iso() });
    }
    any_date_at(tokens, i, lang, reference)
}

/// The date at `tokens[i]` by every pattern, in order.
fn any_date_at(tokens: &[Token], i: usize, lang: Lang, reference: Option<NaiveDate>) -> Option<Found> {
    if let Some((end, v)) = offset_date(tokens, i, lang, reference) {
        return Some(Found { end, value: v });
    }
    if let Some((end, v)) = weekday_date(tokens, i, lang, reference) {
        return Some(Found { end, value: v });
    }
    if let Some((end, v)) = day_month(tokens, i, lang, reference).or_else(|| holiday_at(tokens, i, lang, reference)) {
        return Some(Found { end, value: v.iso() });
    }
    if let Some((end, v)) = numeric_date(tokens, i, lang, reference)
        .or_else(|| mixed_date(tokens, i, lang, reference))
        .or_else(|| compact_date(tokens, i))
        .or_else(|| spaced_date(tokens, i, lang, reference))
        .or_else(|| day_then_weekday(tokens, i, lang, reference))
    {
        return Some(Found { end, value: v.iso() });
    }
    if let Some((end, v)) = lone_day(tokens, i, lang, reference) {
        return Some(Found { end, value: v.iso() });
    }
    let part = month_part(tokens, i, lang);
    if let Some((end, v)) = month_year(tokens, i + part, lang, reference) {
        return Some(Found { end, value: v.iso() });
    }
    if let Some((end, v)) = relative(tokens, i, lang, reference) {
        return Some(Found { end, value: v });
    }
    let english_decade = tokens.get(i + 1).is_some_and(|t| t.glued() && t.text == "s")
        && tokens[i].num().is_some_and(|n| n.int_digits == 4 && !n.decimal && n.value % 10.0 == 0.0);
    if english_decade && (1500.0..2100.0).contains(&tokens[i].num().map_or(0.0, |n| n.value)) {
        let y = tokens[i].num().map_or(0, |n| n.value as i32);
        return Some(Found { end: i + 2, value: format!("{}", y / 10) });
    }
    let decade = i > 0 && matches!(word(tokens, i - 1), "annees" | "decennie");
    if let Some(y) = year_number(tokens, i).filter(|y| decade && y % 10 == 0) {
        // "les années 1990": TimeML writes a decade as its first three digits
        return Some(Found { end: i + 1, value: format!("{}", y / 10) });
    }
    if year_number(tokens, i).is_some() && is_year_context(tokens, i, lang) {
        let y = year_number(tokens, i)?;
        if (1500..=2099).contains(&y) {
            return Some(Found { end: i + 1, value: format!("{y}") });
        }
    }
    None
}

/// How far (in tokens, the first included) every date pattern that starts with a word meets digits
/// or a word with the [`DATE_CUE`] flag: "the end of March" and "il y a trois jours" are the longest reach.
const CUE_REACH: usize = 4;

/// Whether a date may lean on `tok`: digits, or a month or weekday name, a number word, the first
/// word of a holiday, a time unit, or a word that names a day ("hier", "tomorrow").
fn is_date_cue(tok: &Token) -> bool {
    match tok.kind {
        TokKind::Num(_) => true,
        TokKind::Word => tok.cued(DATE_CUE),
        TokKind::Punct => false,
    }
}

/// Whether a date may start at `tokens[i]`, `cue` being [`is_date_cue`] of each token. Every
/// pattern starts with digits, a mark (a holiday's) or a word; one that starts with a word either
/// starts with a cue (a month, a number word, "hier") or meets one within [`CUE_REACH`] tokens
/// ("the end of March", "in a week", "il y a trois jours"). Nine words in ten of a text are
/// neither, and looking them up in every pattern was most of the dates' cost.
fn may_start_date(tokens: &[Token], cue: &[bool], i: usize) -> bool {
    !tokens[i].is_word() || cue[i..(i + CUE_REACH).min(cue.len())].contains(&true)
}

/// Extracts the dates and times of a token list, claiming their tokens.
pub fn extract(
    text: &str,
    tokens: &[Token],
    claimed: &mut [bool],
    lang: Lang,
    reference: Option<NaiveDate>,
    out: &mut Vec<Fact>,
) {
    let cue: Vec<bool> = tokens.iter().map(is_date_cue).collect();
    let mut last_day: Option<String> = None;
    // Weekdays said alone ("samedi") and weekdays said with their date ("samedi 29 mai").
    let mut bare_weekdays: Vec<(usize, u32)> = Vec::new();
    let mut named_days: Vec<(u32, String)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].initial {
            last_day = None;
        }
        // No date nor time starts here (a time starts with digits, which are a cue).
        if !may_start_date(tokens, &cue, i) {
            i += 1;
            continue;
        }
        if let Some(found) = date_at(tokens, i, lang, reference) {
            if found.value.len() == 10 {
                last_day = Some(found.value.clone());
                if let Some(wd) = weekday_at(tokens, i, lang) {
                    let bare = found.end == i + 1 || (found.end == i + 2 && word(tokens, i + 1) == ".");
                    let qualified = i > 0 && WEEKDAY_QUALIFIERS.contains(&word(tokens, i - 1));
                    if bare && !qualified {
                        bare_weekdays.push((out.len(), wd));
                    } else if found.end > i + 2 {
                        named_days.push((wd, found.value.clone()));
                    }
                }
            }
            push(text, tokens, claimed, i, found.end, found.value, out);
            i = found.end;
            continue;
        }
        if let Some((end, h, m)) = time_at(tokens, i, lang) {
            let day = last_day.clone().or_else(|| reference.map(|r| DateVal::of(r).iso()));
            let value = format!("{}T{h:02}:{m:02}", day.unwrap_or_else(|| "XXXX-XX-XX".into()));
            push(text, tokens, claimed, i, end, value, out);
            i = end;
            continue;
        }
        i += 1;
    }
    anchor_weekdays(out, &bare_weekdays, &named_days, reference);
}

/// Words before a weekday that say which one it is ("last Monday", "this Friday").
const WEEKDAY_QUALIFIERS: &[&str] = &["last", "next", "this", "previous", "following", "coming", "past", "upcoming"];

/// A weekday said alone is the day the same text names in full within a week of the reference
/// ("une opération aura lieu samedi 29 mai … Rendez-vous samedi à 8 h"): the tense of its own
/// sentence may not say whether it is past or to come, the text does. Only when the text names
/// that weekday with one date.
fn anchor_weekdays(out: &mut [Fact], bare: &[(usize, u32)], named: &[(u32, String)], reference: Option<NaiveDate>) {
    let Some(r) = reference else { return };
    for &(index, wd) in bare {
        let mut dates = named.iter().filter(|(w, _)| *w == wd).map(|(_, v)| v.as_str());
        let Some(first) = dates.next() else { continue };
        if dates.any(|v| v != first) {
            continue;
        }
        let Ok(date) = NaiveDate::parse_from_str(first, "%Y-%m-%d") else { continue };
        if (date - r).num_days().abs() <= 7 && date.weekday() == weekday_from(wd) {
            if let Some(fact) = out.get_mut(index) {
                fact.value = first.to_string();
            }
        }
    }
}

fn push(text: &str, tokens: &[Token], claimed: &mut [bool], i: usize, end: usize, value: String, out: &mut Vec<Fact>) {
    let (s, e) = (tokens[i].start, tokens[end - 1].end);
    claimed[i..end].iter_mut().for_each(|c| *c = true);
    out.push(Fact {
        kind: FactKind::Date,
        start: s,
        end: e,
        text: text[s..e].to_string(),
        value,
        unit: None,
        entity_type: None,
    });
}

/// The date of the article's dateline: the first full date in its first 400 bytes
/// ("PARIS, 6 mai 2024 (AFP) -"), used when no publication date is known.
pub fn dateline(_text: &str, tokens: &[Token], lang: Lang) -> Option<NaiveDate> {
    let head = tokens.iter().take_while(|t| t.start < 400).count();
    (0..head).find_map(|i| {
        let (_, v) = day_month(tokens, i, lang, None).or_else(|| numeric_date(tokens, i, lang, None))?;
        NaiveDate::from_ymd_opt(v.year?, v.month?, v.day?)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The tables `build.rs` wrote hold every calendar name as `data/calendar.tsv` says it.
    #[test]
    fn build_time_calendar_holds_every_name() {
        let names = super::super::phrase_data::calendar_names(include_str!("../../data/calendar.tsv"));
        for (lang, kinds) in [Lang::Fr, Lang::En].into_iter().zip(names) {
            for (kind, list) in kinds.into_iter().enumerate() {
                assert_eq!(list.len(), calendar::NAMES[usize::from(lang != Lang::Fr)][kind].keys.len());
                for (name, n, abbreviated) in list {
                    assert_eq!(calendar_name(&name, lang, kind), Some((n, abbreviated)), "{name}");
                }
            }
        }
        assert_eq!(month_named("mars", Lang::Fr), Some(3));
        assert_eq!(calendar_name("sept", Lang::En, 0), Some((9, true)));
    }

    /// The table `build.rs` wrote finds what a phrase table built at run time would, and every
    /// form of the data names a holiday.
    #[test]
    fn build_time_holidays_match_a_run_time_phrase_table() {
        let tsv = include_str!("../../data/holidays.tsv");
        embedded::HOLIDAYS.assert_matches_run_time(tsv, 2, &['^']);
        for (line, form) in super::super::phrase_data::listed_forms(tsv, 2) {
            Holiday::of(DataForm { line, form });
        }
    }

    fn dates(text: &str, lang: Lang, published: Option<&str>) -> Vec<(String, String)> {
        let reference = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        let tokens = tokenize(text, lang, &[0]);
        let mut claimed = vec![false; tokens.len()];
        let mut out = Vec::new();
        extract(text, &tokens, &mut claimed, lang, reference, &mut out);
        out.into_iter().map(|f| (f.text, f.value)).collect()
    }

    fn values(text: &str, lang: Lang, published: Option<&str>) -> Vec<String> {
        dates(text, lang, published).into_iter().map(|d| d.1).collect()
    }

    const MONDAY: Option<&str> = Some("2024-05-06");

    /// `count_at` reads its list of words only for number words (and the articles "a", "an").
    #[test]
    fn counted_words_are_number_words() {
        let words = [
            (Lang::Fr, "un une deux trois quatre cinq six sept huit neuf dix"),
            (Lang::En, "one two three four five six seven eight nine ten"),
        ];
        for (lang, list) in words {
            for word in list.split(' ') {
                let tokens = tokenize(word, lang, &[0]);
                assert!(super::super::numbers::is_number_word(&tokens[0], lang), "{word}");
            }
        }
    }

    /// At a mark, every pattern but the holidays' finds nothing, as `date_at` takes for granted.
    #[test]
    fn no_date_but_a_holiday_starts_at_a_mark() {
        let texts = [
            "le 6 mai 2024, « 1er-Mai » (8-Mai) - hier - à 14 h 30 ; 12/05/2024 : Noël... il y a 3 jours",
            "on May 6, 2024 - \"last Friday\" (two days ago) / 10:30 a.m. - $5 - Christmas, the 18th. 3/4",
        ];
        let reference = NaiveDate::from_ymd_opt(2024, 5, 6);
        for text in texts {
            for lang in [Lang::Fr, Lang::En] {
                let tokens = tokenize(text, lang, &[0]);
                for (i, t) in tokens.iter().enumerate().filter(|(_, t)| matches!(t.kind, TokKind::Punct)) {
                    for r in [reference, None] {
                        let holiday = holiday_at(&tokens, i, lang, r).map(|(end, v)| (end, v.iso()));
                        let any = any_date_at(&tokens, i, lang, r).map(|f| (f.end, f.value));
                        assert_eq!(any, holiday, "{:?} in {text:?}", t.text);
                    }
                }
            }
        }
    }

    #[test]
    fn french_full_and_partial_dates() {
        assert_eq!(
            values("le 6 mai 2024, puis en mai 2023 et fin mars 2024", Lang::Fr, MONDAY),
            ["2024-05-06", "2023-05", "2024-03"]
        );
        assert_eq!(values("le 1er mai", Lang::Fr, MONDAY), ["2024-05-01"]);
        assert_eq!(values("en 2021, il y avait", Lang::Fr, MONDAY), ["2021"]);
    }

    #[test]
    fn english_full_and_partial_dates() {
        assert_eq!(values("on May 6, 2024 and on May 6", Lang::En, MONDAY), ["2024-05-06", "2024-05-06"]);
        assert_eq!(values("in March 2024, by the end of March", Lang::En, MONDAY), ["2024-03", "2024-03"]);
        assert_eq!(values("It took place in 2021.", Lang::En, MONDAY), ["2021"]);
    }

    #[test]
    fn weekdays_resolve_to_the_most_recent_day() {
        assert_eq!(values("Il a annoncé lundi", Lang::Fr, MONDAY), ["2024-05-06"]);
        assert_eq!(values("Il a annoncé mardi", Lang::Fr, MONDAY), ["2024-04-30"]);
        assert_eq!(values("mardi dernier", Lang::Fr, MONDAY), ["2024-04-30"]);
        assert_eq!(values("on Monday, May 6", Lang::En, MONDAY), ["2024-05-06"]);
        assert_eq!(values("He will come on Friday", Lang::En, MONDAY), ["2024-05-10"]);
        assert_eq!(values("next Monday", Lang::En, MONDAY), ["2024-05-13"]);
    }

    #[test]
    fn relative_dates() {
        assert_eq!(values("hier et aujourd'hui", Lang::Fr, MONDAY), ["2024-05-05", "2024-05-06"]);
        assert_eq!(values("yesterday", Lang::En, MONDAY), ["2024-05-05"]);
        assert_eq!(values("la semaine dernière", Lang::Fr, MONDAY), values("last week", Lang::En, MONDAY));
        assert_eq!(values("next month", Lang::En, MONDAY), ["2024-06"]);
        assert_eq!(values("l'an dernier", Lang::Fr, MONDAY), ["2023"]);
        assert_eq!(values("il y a trois jours", Lang::Fr, MONDAY), ["2024-05-03"]);
    }

    #[test]
    fn times_of_day() {
        assert_eq!(values("à 14 h 30", Lang::Fr, MONDAY), ["2024-05-06T14:30"]);
        assert_eq!(values("at 2:30 p.m.", Lang::En, MONDAY), ["2024-05-06T14:30"]);
    }

    #[test]
    fn unknown_parts_without_reference() {
        assert_eq!(values("le 6 mai", Lang::Fr, None), ["XXXX-05-06"]);
    }

    #[test]
    fn not_dates() {
        assert!(values("You may go. It may rain in May 2024", Lang::En, MONDAY) == ["2024-05"]);
        assert!(values("la planète Mars", Lang::Fr, MONDAY).is_empty());
        assert!(values("plus de 2000 personnes", Lang::Fr, MONDAY).is_empty());
        assert!(values("sept personnes", Lang::Fr, MONDAY).is_empty());
    }

    #[test]
    fn holidays_and_decades() {
        assert_eq!(values("à Noël", Lang::Fr, MONDAY), ["2024-12-25"]);
        assert_eq!(values("last Easter", Lang::En, MONDAY), ["2024-03-31"]);
        assert_eq!(values("Easter 2018", Lang::En, MONDAY), ["2018-04-01"]);
        assert!(values("selon Noël Mamère", Lang::Fr, MONDAY).is_empty());
        assert!(values("l'ascension du mont Blanc", Lang::Fr, MONDAY).is_empty());
        assert_eq!(values("dans les années 1990", Lang::Fr, MONDAY), ["199"]);
        assert_eq!(values("in the 1990s", Lang::En, MONDAY), ["199"]);
        assert_eq!(values("The 2020 election", Lang::En, MONDAY), ["2020"]);
    }

    #[test]
    fn dates_counted_from_another() {
        assert_eq!(values("4 days after March 3rd, 2024", Lang::En, MONDAY), ["2024-03-07"]);
        assert_eq!(values("two weeks before Christmas", Lang::En, MONDAY), ["2024-12-11"]);
        assert_eq!(values("three days from now", Lang::En, MONDAY), ["2024-05-09"]);
        assert_eq!(values("deux jours avant Noël", Lang::Fr, MONDAY), ["2024-12-23"]);
        assert_eq!(values("1 week and 3 days ago", Lang::En, MONDAY), ["2024-04-26"]);
        assert_eq!(values("in a fortnight", Lang::En, MONDAY), ["2024-05-20"]);
    }

    #[test]
    fn weekdays_with_their_week_or_date() {
        assert_eq!(values("Thursday of next week", Lang::En, MONDAY), ["2024-05-16"]);
        assert_eq!(values("next week on Wednesday", Lang::En, MONDAY), ["2024-05-15"]);
        assert_eq!(values("mardi de la semaine dernière", Lang::Fr, MONDAY), ["2024-04-30"]);
        assert_eq!(values("on Saturday 4/27", Lang::En, MONDAY), ["2024-04-27"]);
        assert_eq!(values("won on Friday 7-6, 6-3", Lang::En, MONDAY), ["2024-05-03"]);
        assert_eq!(values("Monday three weeks from now", Lang::En, MONDAY), ["2024-05-06", "2024-05-27"]);
        assert_eq!(values("the coming Monday", Lang::En, MONDAY), ["2024-05-13"]);
        assert_eq!(values("this past Monday", Lang::En, MONDAY), ["2024-04-29"]);
        assert_eq!(values("le 30 mardi", Lang::Fr, MONDAY), ["2024-04-30"]);
    }

    #[test]
    fn years_in_words_and_unusual_layouts() {
        assert_eq!(values("on March 3 nineteen seventy one", Lang::En, MONDAY), ["1971-03-03"]);
        assert_eq!(values("2 June two thousand and five", Lang::En, MONDAY), ["2005-06-02"]);
        assert_eq!(values("On May 6, two thousand people marched", Lang::En, MONDAY), ["2024-05-06"]);
        assert_eq!(values("le 6 mai, mille cinq cents manifestants", Lang::Fr, MONDAY), ["2024-05-06"]);
        assert_eq!(values("le 3 mars dix-neuf cent quatre-vingt", Lang::Fr, MONDAY), ["1980-03-03"]);
        assert_eq!(values("file-20230415.pdf", Lang::En, MONDAY), ["2023-04-15"]);
        assert_eq!(values("né le 9 11 1989.", Lang::Fr, MONDAY), ["1989-11-09"]);
        assert_eq!(values("le 4/Oct/2021", Lang::Fr, MONDAY), ["2021-10-04"]);
        assert_eq!(values("the 3rd day of next month", Lang::En, MONDAY), ["2024-06-03"]);
        assert_eq!(values("Black Friday 2022", Lang::En, MONDAY), ["2022-11-25"]);
    }

    #[test]
    fn leap_days_and_future_years() {
        assert_eq!(values("on Feb 29", Lang::En, Some("2023-06-01")), ["2020-02-29"]);
        assert_eq!(values("It will open on January 20", Lang::En, MONDAY), ["2025-01-20"]);
        assert_eq!(values("It opened on January 20", Lang::En, MONDAY), ["2024-01-20"]);
        assert_eq!(values("La loi entrera en vigueur le 1er janvier", Lang::Fr, MONDAY), ["2025-01-01"]);
        assert_eq!(values("next 2nd of March", Lang::En, MONDAY), ["2025-03-02"]);
        assert_eq!(values("depuis septembre dernier", Lang::Fr, MONDAY), ["2023-09"]);
        assert_eq!(values("à partir d'octobre prochain", Lang::Fr, MONDAY), ["2024-10"]);
        assert_eq!(values("in March last year", Lang::En, MONDAY), ["2023-03"]);
        assert_eq!(values("le 3 mars de l'année dernière", Lang::Fr, MONDAY), ["2023-03-03"]);
        assert_eq!(values("on June 2 next year", Lang::En, MONDAY), ["2025-06-02"]);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(values("le 22/04/2024", Lang::Fr, MONDAY), ["2024-04-22"]);
        assert_eq!(values("on 2/29/2020", Lang::En, MONDAY), ["2020-02-29"]);
        assert_eq!(values("2002-10-09", Lang::En, MONDAY), ["2002-10-09"]);
    }

    /// Every token where a date or a time starts (by every pattern, ungated) passes the cue gate:
    /// on phrases whose first word is no cue, the samples, and the shared evaluation texts when
    /// present (read in place). And the gate does skip the words of a plain sentence.
    #[test]
    fn every_date_start_passes_the_cue_gate() {
        let phrases = [
            (Lang::En, "the end of March, the beginning of May, the middle of June, end of July, mid-August"),
            (Lang::En, "early May, late October, in a week, in two days, a week ago, a fortnight ago, 3 weeks ago"),
            (Lang::En, "two weeks and two days ago, a day before Christmas, a month from tomorrow, recent days"),
            (Lang::En, "last week, previous week, following week, this month, next year on Monday, this week - Friday"),
            (Lang::En, "He left yesterday; today and tomorrow. It happened the 4th of July and on the 18th."),
            (Lang::Fr, "fin mars, début mai, mi-juin, il y a trois jours, il ya deux ans, il y a une semaine"),
            (Lang::Fr, "avant-hier, avant hier, après-demain, aujourd'hui, ces derniers jours, ces dernières semaines"),
            (Lang::Fr, "cette semaine, cette année, ce mois-ci, la semaine dernière, le mois prochain, l'an dernier"),
            (
                Lang::Fr,
                "dans trois jours, dans une semaine, deux jours avant Noël, le vingt-cinq mardi, le premier mai",
            ),
        ];
        let texts = super::super::gate_test_texts(&phrases);
        let mut skipped = 0;
        for (lang, text) in &texts {
            let tokens = tokenize(text, *lang, &[0]);
            let cue: Vec<bool> = tokens.iter().map(is_date_cue).collect();
            for i in 0..tokens.len() {
                let gate = may_start_date(&tokens, &cue, i);
                skipped += usize::from(!gate);
                for reference in [None, NaiveDate::from_ymd_opt(2024, 5, 6)] {
                    let starts =
                        date_at(&tokens, i, *lang, reference).is_some() || time_at(&tokens, i, *lang).is_some();
                    assert!(gate || !starts, "{text:?} at {:?}", tokens[i].text);
                }
            }
        }
        assert!(skipped > 0);
        let plain = tokenize("She walked to the house with her sister and the dog.", Lang::En, &[0]);
        let cue: Vec<bool> = plain.iter().map(is_date_cue).collect();
        assert!((0..plain.len()).all(|i| !plain[i].is_word() || !may_start_date(&plain, &cue, i)));
    }
}
