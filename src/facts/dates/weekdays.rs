//! Weekdays, with what says which one: "mardi dernier", "next Monday", "Tuesday of next week",
//! "Monday, May 6", "le 25 mardi".

use super::calendar::{day_in_week, nearest_day_and_weekday, resolve_weekday};
use super::scanner::Scanner;
use super::{DateVal, Direction};
use crate::facts::phrase_data::TIME_UNIT_WORDS;
use crate::lang::Lang;

impl Scanner<'_, '_> {
    /// The week a weekday is in, written after it: "Tuesday of next week", "Monday of the following
    /// week", "mardi de la semaine prochaine".
    pub(super) fn weekday_of_week(&self, at: usize, wd: u32) -> Option<(usize, String)> {
        let w: [&str; 5] = std::array::from_fn(|k| self.word(at + k));
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
        Some((end, day_in_week(self.reference?, weeks, wd)?))
    }

    /// "le 25 mardi", "le vingt-cinq mardi": a day of the month with its weekday, the nearest such day.
    pub(super) fn day_then_weekday(&self, i: usize) -> Option<(usize, DateVal)> {
        if self.lang != Lang::Fr || i == 0 || self.word(i - 1) != "le" {
            return None;
        }
        let (d, used) = self.day_number(i)?;
        let wd = self.weekday_at(i + used)?;
        let date = nearest_day_and_weekday(self.reference?, d, wd)?;
        Some((i + used + 1, DateVal::of(date)))
    }

    /// A weekday, with what qualifies it: "lundi", "mardi dernier", "next Monday", "Monday, May 6".
    pub(super) fn weekday_date(&self, i: usize) -> Option<(usize, String)> {
        let wd = self.weekday_at(i)?;
        let mut end = i + 1;
        if self.word(end) == "." {
            end += 1;
        }
        let mut k = end;
        if self.word(k) == "," {
            k += 1;
        }
        if let Some((e, date)) = self.day_month(k).or_else(|| self.numeric_date_with(k, true)) {
            return Some((e, date.iso()));
        }
        if let Some(found) = self.weekday_of_week(end, wd) {
            return Some(found);
        }
        if self.lang == Lang::En && self.word(k) == "the" && self.day_number(k + 1).is_some() {
            k += 1;
        }
        // "jeudi, deux voitures": after a comma only a day with its month (above) belongs to the weekday.
        let after_comma = self.word(end) == ",";
        if let Some((d, used)) =
            self.day_number(k).filter(|_| !after_comma && (self.lang == Lang::En || self.word(k + 1) != "h"))
        {
            // "Monday 21", "Tuesday the eleventh": the nearest day that is both, before or after the reference.
            // "Monday two weeks from now", "Friday 5/12" are something else.
            let next = self.tokens.get(k + used);
            let not_time = !next.is_some_and(|t| {
                t.is_punct(":")
                    || t.folded == "h"
                    || TIME_UNIT_WORDS.contains(&t.folded.as_ref())
                    || (t.glued() && t.is_punct("/-"))
            });
            if let (true, Some(r)) = (not_time, self.reference) {
                if let Some(date) = nearest_day_and_weekday(r, d, wd) {
                    return Some((k + used, DateVal::of(date).iso()));
                }
            }
        }
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let after = self.word(end);
        let mut direction = match (self.lang, prev, after) {
            (Lang::Fr, _, "dernier" | "passe") => Direction::Last,
            (Lang::Fr, _, "prochain") => Direction::Next,
            (Lang::En, "last" | "previous", _) => Direction::Last,
            (Lang::En, "past", _) => Direction::Before,
            (Lang::En, "next" | "following", _) => Direction::Next,
            (Lang::En, "coming" | "upcoming", _) => Direction::After,
            (Lang::En, "this", _) => Direction::Future,
            _ if self.future_tense(i) => Direction::Future,
            _ => Direction::Past,
        };
        if self.lang == Lang::Fr && matches!(after, "dernier" | "passe" | "prochain") {
            end += 1;
        }
        // "this Friday" in a past sentence is the one of this week that has passed.
        if prev == "this" && !self.future_tense(i) && direction != Direction::Before {
            direction = Direction::Past;
        }
        let value = match self.reference {
            Some(r) => DateVal::of(resolve_weekday(wd, r, direction)?).iso(),
            None => format!("XXXX-WXX-{wd}"),
        };
        Some((end, value))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{values, MONDAY};
    use crate::lang::Lang;

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
}
