//! Dates with a month name: "6 mai 2024", "May 6", "the 15th day of next month", "du 19 au 23
//! juillet", "le 23", "fin mars", "in May last year".

use super::calendar::{calendar_word, shift_months, year_for_month, year_of_day, year_toward};
use super::scanner::Scanner;
use super::years::CONNECTIVES;
use super::DateVal;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

impl Scanner<'_, '_> {
    /// A day of the month alone, where only a date can be meant: "le 23" (before a pause or a
    /// preposition), "on the 18th". It is this month's, or last month's if that day is still to come.
    pub(super) fn lone_day(&self, i: usize) -> Option<(usize, DateVal)> {
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let prev2 = if i > 1 { self.word(i - 2) } else { "" };
        self.tokens[i].num()?;
        let (day, used) = self.day_number(i)?;
        let ok = match self.lang {
            Lang::Fr => prev == "le" && used == 1 && !matches!(prev2, "de" | "sur" | "a" | "par"),
            Lang::En => used == 2 && (prev == "on" || (prev == "the" && prev2 == "on")),
        };
        let next = self.tokens.get(i + used);
        let spaced_dash = next.is_some_and(|t| t.is_punct("-–—") && t.space_before)
            && self.tokens.get(i + used + 1).is_none_or(|t| t.space_before);
        let pause = spaced_dash
            || next.is_none_or(|t| !t.is_word() && !t.is_punct("%/-:") && t.num().is_none())
            || next.is_some_and(|t| t.is_word() && CONNECTIVES.contains(&t.folded.as_ref()) || t.initial);
        if !ok
            || !pause
            || next.is_some_and(|t| t.is_punct(",") && self.tokens.get(i + used + 1).is_some_and(|n| n.num().is_some()))
        {
            return None;
        }
        let r = self.reference?;
        let future = self.future_tense(i);
        let month_start = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
        let base = match (day > r.day(), future) {
            (true, false) => shift_months(month_start, -1)?,
            (false, true) if day < r.day() => shift_months(month_start, 1)?,
            _ => month_start,
        };
        let date = NaiveDate::from_ymd_opt(base.year(), base.month(), day)?;
        Some((i + used, DateVal::of(date)))
    }

    /// A day and month (and year) at `tokens[i]`, in either order: "6 mai 2024", "May 6, 2024",
    /// "6th of May", "le 1er mai".
    pub(super) fn day_month(&self, i: usize) -> Option<(usize, DateVal)> {
        let (day, month, mut end) = if let Some((d, used)) = self.day_number(i) {
            let mut k = i + used;
            // "the 15th day of September", "le quinzième jour de septembre"
            if matches!((self.word(k), self.word(k + 1)), ("day", "of") | ("jour", "de")) {
                k += 2;
                if let Some(found) = self.day_of_relative_month(k, d) {
                    return Some(found);
                }
            } else if self.lang == Lang::En && self.word(k) == "of" {
                k += 1;
            }
            let Some(m) = self.month_at(k) else {
                return self.range_start(i, k, d);
            };
            // "$12 December 27": the day is the one after the month
            if self.lang == Lang::En
                && self.day_number(k + 1).is_some()
                && self.year_number(k + 1).is_none()
                && self.year_words(k + 1).is_none()
            {
                return None;
            }
            (d, m, k + 1)
        } else {
            let m = self.month_at(i)?;
            let mut k = i + 1;
            if self.word(k) == "." {
                k += 1;
            }
            if self.lang == Lang::En && self.word(k) == "the" {
                k += 1;
            }
            // "October, 1st": a comma only before an ordinal day
            if self.word(k) == "," && self.day_number(k + 1).is_some_and(|(_, used)| used == 2) {
                k += 1;
            }
            let (d, used) = self.day_number(k)?;
            if self.tokens.get(k + used).is_some_and(|t| t.is_punct(":") && t.glued()) {
                return None; // "May 6:30" is no date
            }
            (d, m, k + used)
        };
        if self.word(end) == "." && self.month_abbreviated(end - 1) {
            end += 1;
        }
        let mut k = end;
        if self.word(k) == "," {
            k += 1;
        }
        if matches!(self.word(k), "of" | "de" | "in") && self.year_number(k + 1).is_some() {
            k += 1;
        }
        let year = self.year_number(k).map(|y| (y, k + 1)).or_else(|| {
            let k = if matches!(self.word(k), "a" | "of" | "in") { k + 1 } else { k };
            self.year_words(k)
        });
        let year_val = match year {
            Some((y, year_end)) => {
                end = year_end;
                NaiveDate::from_ymd_opt(y, month, day)?;
                Some(y)
            }
            None if self.reference.and_then(|r| self.year_said_after(k, r)).is_some() => {
                let (y, year_end) = self.reference.and_then(|r| self.year_said_after(k, r))?;
                NaiveDate::from_ymd_opt(y, month, day)?;
                end = year_end;
                Some(y)
            }
            None => {
                let year = year_of_day(self.reference.map(|r| r.year()), month, day)?;
                let prev = if i > 0 { self.word(i - 1) } else { "" };
                match (year, self.reference) {
                    (Some(y), Some(r)) => Some(year_toward(y, month, day, r, prev, || self.future_tense(i))),
                    _ => year,
                }
            }
        };
        Some((end, DateVal { year: year_val, month: Some(month), day: Some(day) }))
    }

    /// The first day of a range whose month is written once, after the last day: "du 19 au 23
    /// juillet", "between 19 and 23 July". `k` is past the first day `d`, at the joining word.
    pub(super) fn range_start(&self, i: usize, k: usize, d: u32) -> Option<(usize, DateVal)> {
        let opened = i > 0 && matches!(self.word(i - 1), "du" | "entre" | "from" | "between");
        let joined = matches!((self.lang, self.word(k)), (Lang::Fr, "au" | "et") | (Lang::En, "to" | "and" | "until"));
        if !opened || !joined {
            return None;
        }
        let second = if matches!(self.word(k + 1), "le" | "the") { k + 2 } else { k + 1 };
        self.tokens.get(second)?.num()?;
        let (_, last) = self.day_month(second)?;
        if last.day.is_some_and(|l| l <= d) {
            return None;
        }
        let month = last.month?;
        if let Some(y) = last.year {
            NaiveDate::from_ymd_opt(y, month, d)?;
        }
        Some((i + self.day_number(i)?.1, DateVal { year: last.year, month: Some(month), day: Some(d) }))
    }

    /// "the 15th day of next month": that day of the month before, of or after the reference.
    pub(super) fn day_of_relative_month(&self, k: usize, day: u32) -> Option<(usize, DateVal)> {
        let shift = match (self.word(k), self.word(k + 1)) {
            ("next", "month") | ("le", "mois") if self.word(k + 2) == "prochain" || self.word(k) == "next" => 1,
            ("last", "month") => -1,
            ("this", "month") => 0,
            _ => return None,
        };
        let end = k + if self.word(k) == "le" { 3 } else { 2 };
        let r = self.reference?;
        let month = shift_months(NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?, shift)?;
        Some((end, DateVal::of(NaiveDate::from_ymd_opt(month.year(), month.month(), day)?)))
    }

    /// A month and year ("mai 2024", "March 2024"), or a lone month after a time preposition.
    pub(super) fn month_year(&self, i: usize) -> Option<(usize, DateVal)> {
        let month = self.month_at(i)?;
        let mut k = i + 1;
        if self.word(k) == "." && self.month_abbreviated(i) {
            k += 1;
        }
        if self.lang == Lang::En && matches!(self.word(k), "of" | ",") && self.year_number(k + 1).is_some() {
            k += 1;
        }
        if let Some(y) = self.year_number(k) {
            return Some((k + 1, DateVal { year: Some(y), month: Some(month), day: None }));
        }
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let prev = if prev == "-" && i > 1 { self.word(i - 2) } else { prev };
        let abbreviated = calendar_word(&self.tokens[i], self.lang).0.is_some_and(|(_, a)| a);
        // "septembre dernier", "octobre prochain": the French month says which one itself
        // "en mai et juin derniers": the plural qualifies both months.
        let coordinated = match self.word(k) {
            "et" if self.month_at(k + 1).is_some() => self.word(k + 2),
            _ => "",
        };
        let (after, after_end) = match (self.lang, self.word(k), coordinated) {
            (Lang::Fr, "dernier" | "passe" | "derniers" | "passes", _) => (Some(false), k + 1),
            (Lang::Fr, "prochain" | "prochains", _) => (Some(true), k + 1),
            (Lang::Fr, _, "derniers" | "passes") => (Some(false), k),
            (Lang::Fr, _, "prochains") => (Some(true), k),
            _ => (None, k),
        };
        if let (Some(next), false) = (after, abbreviated && self.tokens[i].folded != "mai") {
            let year = self.reference.map(|r| match next {
                false if month >= r.month() => r.year() - 1,
                true if month <= r.month() => r.year() + 1,
                _ => r.year(),
            });
            return Some((after_end, DateVal { year, month: Some(month), day: None }));
        }
        // "en mars-avril": the second month of a range shares the first one's introduction.
        let range = i > 2
            && self.word(i - 1) == "-"
            && self.month_at(i - 2).is_some()
            && MONTH_INTRO.contains(&self.word(i - 3));
        if !(MONTH_INTRO.contains(&prev) || range || self.month_possessive(i))
            || abbreviated && self.tokens[i].folded != "mai" && self.tokens[i].folded != "may"
        {
            return None;
        }
        if let Some((y, end)) = self.reference.and_then(|r| self.year_said_after(k, r)) {
            return Some((end, DateVal { year: Some(y), month: Some(month), day: None }));
        }
        if self.lang == Lang::En
            && self.tokens[i].folded == "may"
            && !matches!(
                prev,
                "in" | "since" | "until" | "by" | "early" | "late" | "mid" | "last" | "next" | "this" | "of"
            )
        {
            return None;
        }
        let direction = match prev {
            "last" => Some(false),
            "next" => Some(true),
            _ => None,
        };
        let year = match (direction, self.reference) {
            (Some(false), Some(r)) => Some(if month >= r.month() { r.year() - 1 } else { r.year() }),
            (Some(true), Some(r)) => Some(if month <= r.month() { r.year() + 1 } else { r.year() }),
            _ => year_for_month(month, self.reference, self.future_tense(i)),
        };
        Some((i + 1, DateVal { year, month: Some(month), day: None }))
    }

    /// "September's reading", "October's meeting": an English month in the possessive is a date
    /// without a preposition. Not May, March or August, which also name people and a verb
    /// ("May's government").
    fn month_possessive(&self, i: usize) -> bool {
        self.lang == Lang::En
            && !matches!(self.word(i), "may" | "march" | "august")
            && matches!(self.word(i + 1), "'" | "’")
            && self.word(i + 2) == "s"
            && self.tokens.get(i + 1).is_some_and(|t| t.glued())
    }

    /// "fin mars 2024", "début mai", "the end of March", "mi-juin": a part of a month, valued as the month.
    pub(super) fn month_part(&self, i: usize) -> usize {
        let skip = match (self.lang, self.word(i), self.word(i + 1), self.word(i + 2)) {
            (Lang::Fr, "fin" | "debut", _, _) => 1,
            (Lang::Fr, "mi", "-", _) => 2,
            (Lang::En, "the", "end" | "beginning" | "middle", "of") => 3,
            (Lang::En, "end" | "beginning" | "middle", "of", _) => 2,
            (Lang::En, "mid", "-", _) => 2,
            (Lang::En, "early" | "late" | "mid", _, _) => 1,
            _ => 0,
        };
        if skip > 0 && self.month_at(i + skip).is_some() {
            skip
        } else {
            0
        }
    }
}

/// Words before a lone month name that make it a date ("en mai", "in May", "fin mars").
pub(super) const MONTH_INTRO: &[&str] = &[
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

#[cfg(test)]
mod tests {
    use super::super::tests::{values, MONDAY};
    use crate::lang::Lang;

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
        // "Sept" is the month in English, not the French seven
        assert_eq!(values("the attacks of Sept. 11, 2001", Lang::En, MONDAY), ["2001-09-11"]);
        assert_eq!(values("le sept mai 2024", Lang::Fr, MONDAY), ["2024-05-07"]);
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
}
