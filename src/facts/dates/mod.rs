//! Dates and times of day in French and English, resolved against the publication date.
//!
//! Precision matters more than coverage: a date that is not one ("May" the modal verb, "mars"
//! the planet, a count of 2000 people) would be compared across languages and flagged. So month
//! names need a day, a year or a time preposition next to them, English ones a capital, and a
//! bare four-digit number is a year only where a year can stand.

mod calendar;
mod holidays;
mod named;
mod numeric;
mod relative;
mod scanner;
mod weekdays;
mod years;

pub use calendar::month_named;

use super::tokens::{TokKind, Token, DATE_CUE};
use super::{Fact, FactKind};
use crate::lang::Lang;
use calendar::weekday_from;
use chrono::{Datelike, NaiveDate};
use scanner::Scanner;

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

/// A date found at a token: the token index past it, and its value.
struct Found {
    end: usize,
    value: String,
}

impl Scanner<'_, '_> {
    /// The date at `tokens[i]`, if one starts there.
    fn date_at(&self, i: usize) -> Option<Found> {
        // A mark (one character, no letter nor digit) starts no pattern but a holiday's: every other
        // one starts with a word or digits. Marks are a fifth of the tokens.
        if self.tokens.get(i).is_some_and(|t| matches!(t.kind, TokKind::Punct)) {
            return self.holiday_at(i).map(|(end, v)| Found { end, value: v.iso() });
        }
        self.any_date_at(i)
    }

    /// The date at `tokens[i]` by every pattern, in order.
    fn any_date_at(&self, i: usize) -> Option<Found> {
        if let Some((end, v)) = self.offset_date(i) {
            return Some(Found { end, value: v });
        }
        if let Some((end, v)) = self.weekday_date(i) {
            return Some(Found { end, value: v });
        }
        if let Some((end, v)) = self.day_month(i).or_else(|| self.holiday_at(i)) {
            return Some(Found { end, value: v.iso() });
        }
        if let Some((end, v)) = self
            .numeric_date(i)
            .or_else(|| self.mixed_date(i))
            .or_else(|| self.compact_date(i))
            .or_else(|| self.spaced_date(i))
            .or_else(|| self.day_then_weekday(i))
        {
            return Some(Found { end, value: v.iso() });
        }
        if let Some((end, v)) = self.lone_day(i) {
            return Some(Found { end, value: v.iso() });
        }
        let part = self.month_part(i);
        if let Some((end, v)) = self.month_year(i + part) {
            return Some(Found { end, value: v.iso() });
        }
        if let Some((end, v)) = self.relative(i) {
            return Some(Found { end, value: v });
        }
        let english_decade = self.tokens.get(i + 1).is_some_and(|t| t.glued() && t.text == "s")
            && self.tokens[i].num().is_some_and(|n| n.int_digits == 4 && !n.decimal && n.value % 10.0 == 0.0);
        if english_decade && (1500.0..2100.0).contains(&self.tokens[i].num().map_or(0.0, |n| n.value)) {
            let y = self.tokens[i].num().map_or(0, |n| n.value as i32);
            return Some(Found { end: i + 2, value: format!("{}", y / 10) });
        }
        let decade = i > 0 && matches!(self.word(i - 1), "annees" | "decennie");
        if let Some(y) = self.year_number(i).filter(|y| decade && y % 10 == 0) {
            // "les années 1990": TimeML writes a decade as its first three digits
            return Some(Found { end: i + 1, value: format!("{}", y / 10) });
        }
        if self.year_number(i).is_some() && self.is_year_context(i) {
            let y = self.year_number(i)?;
            if (1500..=2099).contains(&y) {
                return Some(Found { end: i + 1, value: format!("{y}") });
            }
        }
        None
    }
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
    let scan = Scanner::new(tokens, lang, reference);
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
        if let Some(found) = scan.date_at(i) {
            if found.value.len() == 10 {
                last_day = Some(found.value.clone());
                if let Some(wd) = scan.weekday_at(i) {
                    let bare = found.end == i + 1 || (found.end == i + 2 && scan.word(i + 1) == ".");
                    let qualified = i > 0 && WEEKDAY_QUALIFIERS.contains(&scan.word(i - 1));
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
        if let Some((end, h, m)) = scan.time_at(i) {
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
    let scan = Scanner::new(tokens, lang, None);
    (0..head).find_map(|i| {
        let (_, v) = scan.day_month(i).or_else(|| scan.numeric_date(i))?;
        NaiveDate::from_ymd_opt(v.year?, v.month?, v.day?)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;

    use super::*;

    pub(super) fn dates(text: &str, lang: Lang, published: Option<&str>) -> Vec<(String, String)> {
        let reference = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        let tokens = tokenize(text, lang, &[0]);
        let mut claimed = vec![false; tokens.len()];
        let mut out = Vec::new();
        extract(text, &tokens, &mut claimed, lang, reference, &mut out);
        out.into_iter().map(|f| (f.text, f.value)).collect()
    }

    pub(super) fn values(text: &str, lang: Lang, published: Option<&str>) -> Vec<String> {
        dates(text, lang, published).into_iter().map(|d| d.1).collect()
    }

    pub(super) const MONDAY: Option<&str> = Some("2024-05-06");

    /// The future forms counted once give the answer of reading the sentence around each date:
    /// forms inside and outside the sentence, at its edges, and past the tense window.
    #[test]
    fn future_tense_counted_once_reads_the_sentence_around() {
        let far = "et ".repeat(scanner::TENSE_WINDOW + 5);
        let texts = [
            (
                Lang::Fr,
                format!("Il sera là lundi. Elle va partir mardi. Il part jeudi {far} sera. Vont-ils venir ? Vendredi."),
            ),
            (
                Lang::En,
                format!("He will come on Monday. They are going to vote Tuesday. On Friday {far} we shall see."),
            ),
        ];
        for (lang, text) in &texts {
            let tokens =
                tokenize(text, *lang, &crate::segment::split(text, *lang).iter().map(|r| r.start).collect::<Vec<_>>());
            let scan = Scanner::new(&tokens, *lang, None);
            let mut seen = [false, false];
            for i in 0..tokens.len() {
                let low = i.saturating_sub(scanner::TENSE_WINDOW);
                let high = (i + scanner::TENSE_WINDOW).min(tokens.len());
                let first = |k: &usize| tokens[*k].initial && tokens[*k].is_word();
                let start = (low..=i).rev().find(first).unwrap_or(low);
                let end = (i + 1..high).find(first).unwrap_or(high);
                let naive = (start..end).any(|k| scan.is_future_form(k));
                assert_eq!(scan.future_tense(i), naive, "{:?} in {text:?}", tokens[i].text);
                seen[usize::from(naive)] = true;
            }
            assert_eq!(seen, [true, true], "{text:?}");
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
                        let scan = Scanner::new(&tokens, lang, r);
                        let holiday = scan.holiday_at(i).map(|(end, v)| (end, v.iso()));
                        let any = scan.any_date_at(i).map(|f| (f.end, f.value));
                        assert_eq!(any, holiday, "{:?} in {text:?}", t.text);
                    }
                }
            }
        }
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
                    let scan = Scanner::new(&tokens, *lang, reference);
                    let starts = scan.date_at(i).is_some() || scan.time_at(i).is_some();
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
