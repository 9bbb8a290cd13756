//! Month and weekday names, and the calendar arithmetic the patterns resolve dates with.

use super::{DateVal, Direction};
use crate::facts::tokens::{CalendarWord, Token};
use crate::lang::Lang;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Month and weekday names of both languages, folded (wide names and abbreviations), laid out
/// by `build.rs` from `data/calendar.tsv` as tables read in place: `NAMES[lang][kind]` (French
/// then English, months then weekdays) with each name's `NUMBERS` and `ABBREVIATED` flags.
mod names {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/calendar.rs"));
}

/// The month (`kind` 0) or weekday (`kind` 1) a folded name is in `lang`, with whether it is an
/// abbreviation.
pub(super) fn calendar_name(folded: &str, lang: Lang, kind: usize) -> Option<(u32, bool)> {
    let lang = usize::from(lang != Lang::Fr);
    let i = names::NAMES[lang][kind].get(folded)?;
    Some((names::NUMBERS[lang][kind][i], names::ABBREVIATED[lang][kind][i]))
}

/// The month and the weekday a token names in `lang` (each with whether it is an abbreviation);
/// nothing for a token that is no word. Looked up once a token: every pattern asks.
pub(super) fn calendar_word(tok: &Token, lang: Lang) -> CalendarWord {
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

/// The year to give a day and month written without one: the reference year, or for 29 February
/// the last leap year up to it. `None` if the day does not exist.
pub(super) fn year_of_day(year: Option<i32>, month: u32, day: u32) -> Option<Option<i32>> {
    let y = year.unwrap_or(2024);
    if NaiveDate::from_ymd_opt(y, month, day).is_some() {
        return Some(year);
    }
    let leap = (0..8).map(|k| y - k).find(|&y| NaiveDate::from_ymd_opt(y, month, day).is_some())?;
    Some(Some(leap).filter(|_| year.is_some()))
}

pub(super) fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new((-n) as u32))
    }
}

pub(super) fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new((-n) as u64))
    }
}

pub(super) fn weekday_from(n: u32) -> Weekday {
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        [(n as usize - 1) % 7]
}

/// The day of weekday `wd` (1 = Monday) nearest `reference` in `direction`.
pub(super) fn resolve_weekday(wd: u32, reference: NaiveDate, direction: Direction) -> Option<NaiveDate> {
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

/// Weekday `wd` of the week `weeks` away from the reference's (weeks start on Monday).
pub(super) fn day_in_week(reference: NaiveDate, weeks: i64, wd: u32) -> Option<String> {
    let monday = shift_days(reference, -(reference.weekday().num_days_from_monday() as i64))?;
    Some(DateVal::of(shift_days(monday, 7 * weeks + wd as i64 - 1)?).iso())
}

pub(super) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The day nearest `r` that falls on day `d` of its month and on weekday `wd`.
pub(super) fn nearest_day_and_weekday(r: NaiveDate, d: u32, wd: u32) -> Option<NaiveDate> {
    (0..800)
        .flat_map(|n| [shift_days(r, -n), shift_days(r, n)])
        .flatten()
        .find(|x| x.day() == d && x.weekday() == weekday_from(wd))
}

pub(super) fn expand_year(yy: i32, reference: Option<NaiveDate>) -> i32 {
    let now = reference.map_or(2024, |r| r.year());
    if 2000 + yy <= now + 10 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// The year of a month named without one: the reference year, or the year before when the month
/// is still to come and the sentence is not in the future tense.
pub(super) fn year_for_month(month: u32, reference: Option<NaiveDate>, future: bool) -> Option<i32> {
    let r = reference?;
    Some(if month > r.month() && !future { r.year() - 1 } else { r.year() })
}

/// The year of a day and month written without one, `y` being the reference's: the next
/// year's when "next" points past the reference or a future sentence speaks of a day already
/// gone ("will happen on January 15" in November), the last year's after "last".
pub(super) fn year_toward(y: i32, month: u32, day: u32, r: NaiveDate, prev: &str, future: impl Fn() -> bool) -> i32 {
    let Some(date) = NaiveDate::from_ymd_opt(y, month, day) else { return y };
    match prev {
        "next" | "prochain" if date <= r => y + 1,
        "last" | "dernier" if date >= r => y - 1,
        _ if date < r && (r - date).num_days() > 7 && future() => y + 1,
        _ => y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables `build.rs` wrote hold every calendar name as `data/calendar.tsv` says it.
    #[test]
    fn build_time_calendar_holds_every_name() {
        let names = crate::facts::phrase_data::calendar_names(include_str!("../../../data/calendar.tsv"));
        for (lang, kinds) in [Lang::Fr, Lang::En].into_iter().zip(names) {
            for (kind, list) in kinds.into_iter().enumerate() {
                assert_eq!(list.len(), names::NAMES[usize::from(lang != Lang::Fr)][kind].keys.len());
                for (name, n, abbreviated) in list {
                    assert_eq!(calendar_name(&name, lang, kind), Some((n, abbreviated)), "{name}");
                }
            }
        }
        assert_eq!(month_named("mars", Lang::Fr), Some(3));
        assert_eq!(calendar_name("sept", Lang::En, 0), Some((9, true)));
    }
}
