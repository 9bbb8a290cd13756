//! Dates counted from the reference or from another date: "hier", "last month", "il y a trois
//! jours", "in two weeks", "two days before Christmas".

use super::calendar::{calendar_word, day_in_week, iso_week, shift_days, shift_months};
use super::scanner::Scanner;
use super::DateVal;
use crate::facts::phrase_data::TIME_UNIT_WORDS;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

impl Scanner<'_, '_> {
    /// "fin de", "début de", "au cours de", "milieu de" before `tokens[i]`.
    pub(super) fn year_part_before(&self, i: usize) -> bool {
        self.word(i - 1) == "de" && matches!(self.word(i - 2), "fin" | "debut" | "cours" | "milieu")
    }

    /// Relative days, weeks, months and years: "hier", "yesterday", "la semaine dernière",
    /// "last month", "l'an dernier", "il y a trois jours", "two days ago", "ces derniers jours".
    pub(super) fn relative(&self, i: usize) -> Option<(usize, String)> {
        let w: [&str; 5] = std::array::from_fn(|k| self.word(i + k));
        let day = |n: i64, end: usize| -> Option<(usize, String)> {
            let value = self
                .reference
                .and_then(|r| shift_days(r, n))
                .map_or("XXXX-XX-XX".to_string(), |d| DateVal::of(d).iso());
            Some((end, value))
        };
        let week = |n: i64, end: usize| -> Option<(usize, String)> {
            // "next week Monday", "next week on Tuesday", "previous week - Monday": that day of the week
            let k = if matches!(self.word(end), "on" | "-" | "," | "le") { end + 1 } else { end };
            let wd = self.tokens.get(k).and_then(|t| calendar_word(t, self.lang).1);
            if let (Some((wd, _)), Some(r)) = (wd, self.reference) {
                return Some((k + 1, day_in_week(r, n, wd)?));
            }
            Some((end, self.reference.and_then(|r| shift_days(r, 7 * n)).map_or("XXXX-WXX".to_string(), iso_week)))
        };
        let month = |n: i32, end: usize| -> Option<(usize, String)> {
            let value = self
                .reference
                .and_then(|r| shift_months(r, n))
                .map_or("XXXX-XX".to_string(), |d| format!("{}-{:02}", d.year(), d.month()));
            Some((end, value))
        };
        let year = |n: i32, end: usize| -> Option<(usize, String)> {
            Some((end, self.reference.map_or("XXXX".to_string(), |r| format!("{}", r.year() + n))))
        };
        match self.lang {
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
                ["l", "'", "annee", ..] if i > 1 && self.year_part_before(i) => match w[3] {
                    "derniere" | "passee" => year(-1, i + 4),
                    "prochaine" => year(1, i + 4),
                    _ if self.year_number(i + 3).is_some() || matches!(w[3], "suivante" | "precedente") => None,
                    _ => year(0, i + 3),
                },
                ["ces", "derniers" | "dernieres", "jours" | "semaines" | "mois", ..] => {
                    Some((i + 3, "PAST_REF".into()))
                }
                ["il", "y", "a", ..] => self.ago(i + 3),
                ["il", "ya", ..] => self.ago(i + 2),
                ["dans", ..] => self.ahead(i + 1),
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
                ["in", ..] if !self.after_a_superlative(i) => self.ahead(i + 1),
                ["in", ..] => None,
                _ => self.ago(i),
            },
        }
    }

    /// "trois jours" after "il y a", or "two days ago": the day, month or year that far back.
    pub(super) fn ago(&self, i: usize) -> Option<(usize, String)> {
        let (n, unit_at) = self.count_at(i)?;
        let unit = self.word(unit_at);
        if self.lang == Lang::En && self.word(unit_at + 1) == "and" {
            // "2 weeks and 2 days ago"
            let (m, unit2_at) = self.count_at(unit_at + 2)?;
            let (days, days2) = (unit_days(unit)?, unit_days(self.word(unit2_at))?);
            (self.word(unit2_at + 1) == "ago").then_some(())?;
            let date = shift_days(self.reference?, -(n * days + m * days2))?;
            return Some((unit2_at + 2, DateVal::of(date).iso()));
        }
        let end =
            if self.lang == Lang::En { (self.word(unit_at + 1) == "ago").then_some(unit_at + 2)? } else { unit_at + 1 };
        let r = self.reference?;
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
        let start_word = if self.lang == Lang::Fr { 3 } else { 0 };
        let _ = start_word;
        Some((end, value))
    }

    /// Whether the "in" at `i` follows a first or a superlative ("the first time in three years",
    /// "its lowest level in a decade", "the worst storm in 20 years"): then "in N years" is how
    /// far back the record goes, not a day ahead.
    fn after_a_superlative(&self, i: usize) -> bool {
        let superlative = |k: usize| {
            let word = self.word(k);
            word.len() >= 5 && word.ends_with("est") || matches!(word, "best" | "worst" | "most" | "least" | "first")
        };
        let Some(before) = i.checked_sub(1) else { return false };
        // the superlative right before "in", or before the noun it qualifies ("worst storm in")
        superlative(before)
            || matches!(self.word(before), "time" | "times" | "high" | "low" | "record")
            || before.checked_sub(1).is_some_and(superlative)
    }

    /// "in two weeks", "dans trois jours": the day that far ahead.
    pub(super) fn ahead(&self, i: usize) -> Option<(usize, String)> {
        let (n, unit_at) = self.count_at(i)?;
        let r = self.reference?;
        let date = match self.word(unit_at) {
            "jour" | "jours" | "day" | "days" => shift_days(r, n)?,
            "semaine" | "semaines" | "week" | "weeks" => shift_days(r, 7 * n)?,
            "fortnight" | "fortnights" => shift_days(r, 14 * n)?,
            "mois" | "month" | "months" => shift_months(r, n as i32)?,
            "an" | "ans" | "annee" | "annees" | "year" | "years" => shift_months(r, 12 * n as i32)?,
            _ => return None,
        };
        if self.tokens.get(unit_at + 1).is_some_and(|t| matches!(t.folded.as_ref(), "de" | "d" | "of")) {
            return None; // "dans trois jours de grève" is no date
        }
        Some((unit_at + 1, DateVal::of(date).iso()))
    }

    /// "3 days after January 12th", "two weeks before Christmas", "4 months from tomorrow", "three
    /// weeks from now", "deux jours avant Noël": a date counted from another. Returns the index past
    /// it and the day.
    pub(super) fn offset_date(&self, i: usize) -> Option<(usize, String)> {
        let (n, unit_at) = self.count_at(i)?;
        let unit = self.word(unit_at);
        if !TIME_UNIT_WORDS.contains(&unit) {
            return None;
        }
        let sign = match (self.lang, self.word(unit_at + 1)) {
            (Lang::En, "after" | "from") | (Lang::Fr, "apres") => 1,
            (Lang::En, "before") | (Lang::Fr, "avant") => -1,
            _ => return None,
        };
        let at = unit_at + 2;
        let (end, anchor) = if self.word(at) == "now" {
            (at + 1, self.reference?)
        } else {
            // the anchor is a date of its own: "tomorrow", "next Friday", "Christmas", "01/02/2018"
            let k = if matches!(self.word(at), "next" | "last" | "this" | "coming") { at + 1 } else { at };
            let found = self.date_at(k).or_else(|| self.date_at(at))?;
            (found.end, NaiveDate::parse_from_str(&found.value, "%Y-%m-%d").ok()?)
        };
        let date = match unit_days(unit) {
            Some(days) => shift_days(anchor, sign * n * days)?,
            None if matches!(unit, "mois" | "month" | "months") => shift_months(anchor, sign as i32 * n as i32)?,
            None => shift_months(anchor, sign as i32 * 12 * n as i32)?,
        };
        Some((end, DateVal::of(date).iso()))
    }
}

/// The days in a unit of days or weeks ("day", "semaines", "fortnight").
pub(super) fn unit_days(unit: &str) -> Option<i64> {
    match unit {
        "jour" | "jours" | "day" | "days" => Some(1),
        "semaine" | "semaines" | "week" | "weeks" => Some(7),
        "fortnight" | "fortnights" => Some(14),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{values, MONDAY};
    use crate::lang::Lang;

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
    fn dates_counted_from_another() {
        assert_eq!(values("4 days after March 3rd, 2024", Lang::En, MONDAY), ["2024-03-07"]);
        assert_eq!(values("two weeks before Christmas", Lang::En, MONDAY), ["2024-12-11"]);
        assert_eq!(values("three days from now", Lang::En, MONDAY), ["2024-05-09"]);
        assert_eq!(values("deux jours avant Noël", Lang::Fr, MONDAY), ["2024-12-23"]);
        assert_eq!(values("1 week and 3 days ago", Lang::En, MONDAY), ["2024-04-26"]);
        assert_eq!(values("in a fortnight", Lang::En, MONDAY), ["2024-05-20"]);
    }

    #[test]
    fn how_far_back_a_record_goes_is_no_date() {
        assert_eq!(values("the vote is in three years", Lang::En, MONDAY), ["2027-05-06"]);
        assert!(values("the first time in three years", Lang::En, MONDAY).is_empty());
        assert!(values("its lowest level in two years", Lang::En, MONDAY).is_empty());
        assert!(values("the worst storm in 20 years", Lang::En, MONDAY).is_empty());
    }
}
