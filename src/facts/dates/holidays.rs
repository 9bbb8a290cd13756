//! Holidays ("Noël", "Easter 2018", "last Thanksgiving"): fixed days, and days counted from
//! Easter Sunday or from the fourth Thursday of November.

use super::calendar::shift_days;
use super::scanner::Scanner;
use super::DateVal;
use crate::facts::lexicon::DataForm;
use chrono::{Datelike, NaiveDate};

impl Scanner<'_, '_> {
    /// A holiday ("Christmas", "Pâques 2018", "last Easter"): this year's, unless a year follows or
    /// "last"/"next" points to the previous or the next one.
    pub(super) fn holiday_at(&self, i: usize) -> Option<(usize, DateVal)> {
        let (mut end, row) = embedded::HOLIDAYS.longest_at(self.tokens, i)?;
        let (holiday, needs_capital) = Holiday::of(row);
        if needs_capital && !self.tokens[i].is_capitalized() {
            return None;
        }
        // "Noël Mamère" is a person
        if self.tokens.get(end).is_some_and(|t| t.is_capitalized() && !t.initial) {
            return None;
        }
        if let Some(y) = self.year_number(end) {
            end += 1;
            return Some((end, DateVal::of(holiday.in_year(y)?)));
        }
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let Some(r) = self.reference else {
            return match holiday {
                Holiday::Fixed(m, d) => Some((end, DateVal { year: None, month: Some(m), day: Some(d) })),
                Holiday::Easter(_) | Holiday::Thanksgiving(_) => None,
            };
        };
        let this_year = holiday.in_year(r.year())?;
        let date = match prev {
            "last" | "previous" | "dernier" if this_year >= r => holiday.in_year(r.year() - 1)?,
            "next" | "following" | "prochain" if this_year <= r => holiday.in_year(r.year() + 1)?,
            _ if this_year < r && self.future_tense(i) => holiday.in_year(r.year() + 1)?,
            _ => this_year,
        };
        Some((end, DateVal::of(date)))
    }
}

/// When a holiday falls: a fixed month and day, or a day counted from Easter Sunday.
#[derive(Clone, Copy, Debug)]
pub(super) enum Holiday {
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
pub(super) fn easter_sunday(year: i32) -> Option<NaiveDate> {
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

#[cfg(test)]
mod tests {
    use super::super::tests::{values, MONDAY};
    use super::*;
    use crate::lang::Lang;

    /// The table `build.rs` wrote finds what a phrase table built at run time would, and every
    /// form of the data names a holiday.
    #[test]
    fn build_time_holidays_match_a_run_time_phrase_table() {
        let tsv = include_str!("../../../data/holidays.tsv");
        embedded::HOLIDAYS.assert_matches_run_time(tsv, 2, &['^']);
        for (line, form) in crate::facts::phrase_data::listed_forms(tsv, 2) {
            Holiday::of(DataForm { line, form });
        }
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
}
