//! Dates and times in digits: "22/04/2024", "2002-10-09", "20161016", "18 08 1978",
//! "23/Sep/2020", "14 h 30", "2:30 p.m.".

use super::calendar::{calendar_word, expand_year, year_of_day};
use super::scanner::Scanner;
use super::DateVal;
use crate::facts::numbers::NumLit;
use crate::facts::tokens::Token;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

impl Scanner<'_, '_> {
    /// The value of a time of day at `tokens[i]`: "14 h 30", "14h", "2:30 p.m.", "5pm".
    pub(super) fn time_at(&self, i: usize) -> Option<(usize, u32, u32)> {
        let hour_lit = self.tokens[i].num()?;
        if hour_lit.decimal || hour_lit.grouped || hour_lit.int_digits > 2 || hour_lit.value > 24.0 {
            return None;
        }
        let hour = hour_lit.value as u32;
        let minutes = |k: usize| -> Option<u32> {
            let m = self.tokens.get(k)?.num()?;
            (m.int_digits == 2 && !m.decimal && m.value < 60.0).then_some(m.value as u32)
        };
        let next = self.word(i + 1);
        if self.lang == Lang::Fr && next == "h" {
            if let Some(m) = minutes(i + 2) {
                return Some((i + 3, hour, m));
            }
            return Some((i + 2, hour, 0));
        }
        if self.lang == Lang::Fr
            && matches!(next, "heure" | "heures")
            && matches!(self.word(i.wrapping_sub(1)), "a" | "vers" | "des")
        {
            return Some((i + 2, hour, 0));
        }
        if next == ":" && self.tokens[i + 1].glued() {
            let m = minutes(i + 2)?;
            let (end, hour) = self.meridiem(i + 3, hour);
            return (hour < 24).then_some((end, hour, m));
        }
        if self.lang == Lang::En {
            let (end, h) = self.meridiem(i + 1, hour);
            if end > i + 1 && hour <= 12 {
                return Some((end, h, 0));
            }
        }
        None
    }

    /// Reads "a.m."/"p.m."/"am"/"pm" at `tokens[at]`: the index past it and the 24-hour hour.
    pub(super) fn meridiem(&self, at: usize, hour: u32) -> (usize, u32) {
        let w = self.word(at);
        let (pm, mut end) = match w {
            "pm" => (Some(true), at + 1),
            "am" => (Some(false), at + 1),
            "p" | "a" if self.word(at + 1) == "." && self.word(at + 2) == "m" => (Some(w == "p"), at + 3),
            _ => (None, at),
        };
        let Some(pm) = pm else { return (at, hour) };
        if self.word(end) == "." && self.tokens.get(end).is_some_and(|t| t.glued()) && end > at + 1 {
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
    pub(super) fn numeric_date(&self, i: usize) -> Option<(usize, DateVal)> {
        self.numeric_date_with(i, false)
    }

    /// As [`Self::numeric_date`]; `after_weekday` also takes an unclear day and month with a slash
    /// ("Friday 7/6"), which the weekday makes a date. Not with a hyphen or a dot: "Friday 7-6" is a
    /// tennis score, "rose Friday 7.6 percent" a figure.
    pub(super) fn numeric_date_with(&self, i: usize, after_weekday: bool) -> Option<(usize, DateVal)> {
        let a = self.tokens.get(i)?.num()?;
        let sep = self.tokens.get(i + 1).filter(|t| t.glued() && t.is_punct("/.-"))?;
        let b = self.tokens.get(i + 2).filter(|t| t.glued())?.num()?;
        let third = self
            .tokens
            .get(i + 3)
            .filter(|t| t.glued() && t.text == sep.text)
            .and_then(|_| self.tokens.get(i + 4).filter(|t| t.glued()))
            .and_then(|t| t.num());
        if a.decimal || b.decimal || a.grouped || b.grouped {
            return None;
        }
        let (x, y) = (a.value as u32, b.value as u32);
        if let Some(c) = third {
            let more = |k: usize| self.tokens.get(k).is_some_and(|t| t.glued());
            let longer = more(i + 5)
                && (self.tokens[i + 5].num().is_some()
                    || (self.tokens[i + 5].is_punct("/.-") && more(i + 6) && self.tokens[i + 6].num().is_some()));
            if c.decimal || longer {
                return None;
            }
            let z = c.value as i32;
            let (year, month, day) = if a.int_digits == 4 {
                (a.value.abs() as i32, y, z as u32)
            } else {
                let year = match c.int_digits {
                    4 => z,
                    2 => expand_year(z, self.reference),
                    _ => return None,
                };
                let (m, d) = if self.lang == Lang::En && x <= 12 { (x, y) } else { (y, x) };
                (year, m, d)
            };
            NaiveDate::from_ymd_opt(year, month, day)?;
            return Some((i + 5, DateVal { year: Some(year), month: Some(month), day: Some(day) }));
        }
        if sep.text != "/"
            || self.tokens.get(i + 3).is_some_and(|t| t.glued() && (t.num().is_some() || t.is_punct("/")))
        {
            return None;
        }
        let (m, d) = if self.lang == Lang::En && x <= 12 { (x, y) } else { (y, x) };
        let clear = a.leading_zero || b.leading_zero || d > 12 || after_weekday;
        if !clear || !(1..=12).contains(&m) || !(1..=31).contains(&d) || a.int_digits > 2 || b.int_digits > 2 {
            return None;
        }
        let year = year_of_day(self.reference.map(|r| r.year()), m, d)?;
        Some((i + 3, DateVal { year, month: Some(m), day: Some(d) }))
    }

    /// "20161016", "report-20170302": a compact year, month and day in eight digits.
    pub(super) fn compact_date(&self, i: usize) -> Option<(usize, DateVal)> {
        let tok = self.tokens.get(i)?;
        let lit = tok.num().filter(|n| n.int_digits == 8 && !n.decimal && !n.grouped)?;
        if self.tokens.get(i + 1).is_some_and(|t| t.glued() && (t.is_word() || t.num().is_some())) {
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
    pub(super) fn spaced_date(&self, i: usize) -> Option<(usize, DateVal)> {
        let part = |k: usize| {
            let t = self.tokens.get(k)?;
            let single_space = k == i || self.tokens[k - 1].end + 1 == t.start;
            t.num().filter(|n| single_space && !n.decimal && !n.grouped && n.value >= 0.0)
        };
        let (a, b, c) = (part(i)?, part(i + 1)?, part(i + 2)?);
        let number_around = (i > 0 && self.tokens[i - 1].num().is_some())
            || self.tokens.get(i + 3).is_some_and(|t| t.num().is_some() || (t.glued() && !t.is_punct(".,;")));
        if number_around || b.int_digits > 2 {
            return None;
        }
        let (year, day) = match (a.int_digits, c.int_digits) {
            (4, 1 | 2) if self.lang == Lang::En || a.value > 1900.0 => (a.value as i32, c.value as u32),
            (1 | 2, 4) => (c.value as i32, a.value as u32),
            (1 | 2, 2) if self.lang == Lang::Fr => (expand_year(c.value as i32, self.reference), a.value as u32),
            _ => return None,
        };
        let month = b.value as u32;
        if !(1500..=2099).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some((i + 3, DateVal { year: Some(year), month: Some(month), day: Some(day) }))
    }

    /// A date written with a month name between slashes or hyphens: "23/Sep/2020", "2019-aug-1",
    /// "Sep-23-2020", "Jan/3".
    pub(super) fn mixed_date(&self, i: usize) -> Option<(usize, DateVal)> {
        // "Sep-23-2020" in a French text: codes and abbreviations of either language
        let month_of = |t: &Token| {
            let known = |l: Lang| calendar_word(t, l).0.map(|m| m.0);
            known(self.lang).or_else(|| known(if self.lang == Lang::Fr { Lang::En } else { Lang::Fr }))
        };
        let is_part = |t: &Token| t.num().is_some_and(|n| !n.decimal && !n.grouped) || month_of(t).is_some();
        // The separator first: it rules out almost every token without a look-up in two calendars.
        let sep = self.tokens.get(i + 1).filter(|t| t.glued() && t.is_punct("/-"))?.text;
        if !is_part(&self.tokens[i]) {
            return None;
        }
        let mut parts = vec![&self.tokens[i]];
        let mut k = i + 1;
        while parts.len() < 3 && self.tokens.get(k).is_some_and(|t| t.glued() && t.text == sep) {
            match self.tokens.get(k + 1).filter(|t| t.glued() && is_part(t)) {
                Some(t) => parts.push(t),
                None => break,
            }
            k += 2;
        }
        let months: Vec<u32> = parts.iter().filter_map(|t| month_of(t)).collect();
        if parts.len() < 2 || months.len() != 1 {
            return None;
        }
        let numbers: Vec<&NumLit> = parts.iter().filter_map(|t| t.num()).collect();
        let year = numbers.iter().find(|n| n.int_digits == 4).map(|n| n.value as i32);
        let day = numbers.iter().find(|n| n.int_digits <= 2).map(|n| n.value as u32)?;
        if numbers.len() != parts.len() - 1 || (parts.len() == 3 && year.is_none()) {
            return None;
        }
        let year = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, months[0], day).map(|_| Some(y))?,
            None => year_of_day(self.reference.map(|r| r.year()), months[0], day)?,
        };
        Some((i + 2 * parts.len() - 1, DateVal { year, month: Some(months[0]), day: Some(day) }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{values, MONDAY};
    use crate::lang::Lang;

    #[test]
    fn times_of_day() {
        assert_eq!(values("à 14 h 30", Lang::Fr, MONDAY), ["2024-05-06T14:30"]);
        assert_eq!(values("at 2:30 p.m.", Lang::En, MONDAY), ["2024-05-06T14:30"]);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(values("le 22/04/2024", Lang::Fr, MONDAY), ["2024-04-22"]);
        assert_eq!(values("on 2/29/2020", Lang::En, MONDAY), ["2020-02-29"]);
        assert_eq!(values("2002-10-09", Lang::En, MONDAY), ["2002-10-09"]);
    }
}
