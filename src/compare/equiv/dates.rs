//! Dates: when two dates are one (another precision, an unknown part, a weekday), and the
//! dates that say nothing comparable.

use super::*;

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
pub(super) fn same_weekday(week_form: &str, day: &str) -> bool {
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

/// The fold of the beginning of `text`, at least `bytes` long when the text allows: what a
/// prefix test of up to `bytes` bytes needs. Folding goes character by character, so the fold of
/// a head is the head of the fold; folding the rest of the document after every figure made
/// comparing long texts quadratic.
pub(super) fn fold_head(text: &str, bytes: usize) -> String {
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
pub(super) fn relative_on_unknown_day(resolved: &Fact, unknown: &Fact) -> bool {
    let day = |v: &str| v.split('-').count() == 3 && !v.contains('W');
    let relative = !resolved.text.chars().any(|c| c.is_ascii_digit()) && !resolved.value.contains('X');
    relative && day(&resolved.value) && day(&unknown.value) && !unknown.value.chars().any(|c| c.is_ascii_digit())
}
