//! Years: where a four-digit number is one ("en 2021", not "2021 personnes"), years in words
//! ("nineteen eighty six"), and years named by their distance ("l'an dernier").

use super::scanner::Scanner;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

impl Scanner<'_, '_> {
    /// Whether the four-digit number at `tokens[i]` is a year.
    pub(super) fn is_year_context(&self, i: usize) -> bool {
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let prev2 = if i > 1 { self.word(i - 2) } else { "" };
        let intro = if self.lang == Lang::Fr { YEAR_INTRO_FR } else { YEAR_INTRO_EN };
        if intro.contains(&prev) || (prev == "'" && matches!(prev2, "l" | "d" | "jusqu")) {
            return true;
        }
        if COUNT_INTRO.contains(&prev) || (matches!(prev, "de" | "of") && COUNT_INTRO.contains(&prev2)) {
            return false;
        }
        let next = self.tokens.get(i + 1);
        let noun_after =
            next.is_some_and(|t| t.is_word() && !t.is_capitalized() && !CONNECTIVES.contains(&t.folded.as_ref()));
        let unit_after = next.is_some_and(|t| t.is_punct("%€$£"));
        !noun_after && !unit_after
    }

    /// A year written in words after a day and month: "nineteen eighty six", "dix-neuf cent
    /// quatre-vingt-dix", "two thousand and thirty two", "seventeen hundred thirty three". Returns the
    /// year and the index past it.
    pub(super) fn year_words(&self, k: usize) -> Option<(i32, usize)> {
        if !self.tokens.get(k).is_some_and(|t| t.is_word()) {
            return None;
        }
        let (first, end) = crate::facts::numbers::whole_number_words_at(self.tokens, k, self.lang)?;
        // "May 6, two thousand people": a count before a noun, not a year
        let noun_after = |at: usize| self.tokens.get(at).is_some_and(|t| t.is_word() && !t.is_capitalized());
        if (1000..=2199).contains(&first) {
            return (first % 1000 != 0 && !noun_after(end)).then_some((first as i32, end));
        }
        if !(10..=21).contains(&first) || !self.tokens.get(end).is_some_and(|t| t.is_word()) {
            return None;
        }
        // "nineteen eighty six": centuries, then a two-digit number
        let (second, end2) = crate::facts::numbers::whole_number_words_at(self.tokens, end, self.lang)?;
        ((10..=99).contains(&second) && !noun_after(end2)).then_some(((first * 100 + second) as i32, end2))
    }

    /// A year named by its distance after a month or a day: "March last year", "in May of next year",
    /// "en mars de l'année dernière", "en mars l'an dernier". Returns the year and the index past it.
    pub(super) fn year_said_after(&self, k: usize, r: NaiveDate) -> Option<(i32, usize)> {
        let w: [&str; 6] = std::array::from_fn(|n| self.word(k + n));
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
}

/// Words before a four-digit number that make it a year even if a noun follows ("en 2021 les").
pub(super) const YEAR_INTRO_FR: &[&str] = &[
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

pub(super) const YEAR_INTRO_EN: &[&str] = &[
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
pub(super) const COUNT_INTRO: &[&str] = &[
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

/// Words after a year that do not make it a count ("en 2021 et", "2021 was").
pub(super) const CONNECTIVES: &[&str] = &[
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
