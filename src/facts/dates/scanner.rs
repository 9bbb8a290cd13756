//! The scanner the date patterns share: a sentence's tokens with their language and the date
//! the text is read against, and the checks every pattern asks of a token (a month, a weekday, a
//! day or a year number, a count, a future tense nearby).

use super::calendar::calendar_word;
use crate::facts::tokens::Token;
use crate::lang::Lang;
use chrono::NaiveDate;

/// Where the date patterns read: the tokens of a text, its language and the date relative dates
/// are resolved against (`None` leaves their unknown parts as `X`). Every pattern is a method
/// that reads from a token index and returns the index past what it matched.
#[derive(Clone)]
pub(super) struct Scanner<'s, 't> {
    pub(super) tokens: &'s [Token<'t>],
    pub(super) lang: Lang,
    pub(super) reference: Option<NaiveDate>,
    /// How many future forms the tokens before each index hold (see [`Scanner::future_tense`]),
    /// counted once for all the dates of the tokens.
    future_before: std::cell::OnceCell<Vec<u32>>,
}

impl<'s, 't> Scanner<'s, 't> {
    pub(super) fn new(tokens: &'s [Token<'t>], lang: Lang, reference: Option<NaiveDate>) -> Self {
        Scanner { tokens, lang, reference, future_before: std::cell::OnceCell::new() }
    }
}

impl<'s> Scanner<'s, '_> {
    /// Reads `tokens[i..]` as words, for small pattern checks.
    pub(super) fn word(&self, i: usize) -> &'s str {
        self.tokens.get(i).map_or("", |t| if t.is_word() { t.folded.as_ref() } else { t.text })
    }

    pub(super) fn month_at(&self, i: usize) -> Option<u32> {
        let tok = self.tokens.get(i)?;
        let (m, abbr) = calendar_word(tok, self.lang).0?;
        if self.lang == Lang::En && !tok.is_capitalized() && matches!(m, 3 | 5) {
            // "may", "march" in lower case are verbs, unless a day number stands next to them
            let day_next =
                |k: usize| self.tokens.get(k).and_then(|t| t.num()).is_some_and(|n| n.int_digits <= 2 && !n.decimal);
            if !(day_next(i + 1) || (i > 0 && day_next(i - 1))) {
                return None;
            }
        }
        if self.lang == Lang::Fr && tok.is_capitalized() && !tok.initial && !tok.text.chars().all(char::is_uppercase) {
            return None; // "Mars" the planet; French months are lower case
        }
        if abbr && tok.folded.len() < 3 {
            return None;
        }
        Some(m)
    }

    pub(super) fn weekday_at(&self, i: usize) -> Option<u32> {
        let tok = self.tokens.get(i)?;
        let (d, abbr) = calendar_word(tok, self.lang).1?;
        // Abbreviations ("mar", "sam", "Sun") only before a day number, with or without a dot: "la
        // mer." ending a sentence is the sea, not Wednesday.
        let dot = usize::from(self.tokens.get(i + 1).is_some_and(|t| t.is_punct(".")));
        if abbr && self.day_number(i + 1 + dot).is_none() {
            return None;
        }
        // "le Vendredi saint", "Holy Saturday" are feasts (see `holiday_at`), not the day of this week.
        if matches!(self.word(i + 1), "saint" | "sainte") || (i > 0 && self.word(i - 1) == "holy") {
            return None;
        }
        Some(d)
    }

    /// A day of the month at `tokens[i]`: "6", "06", "1er", "6th". Returns (day, tokens used).
    pub(super) fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tokens.get(i)?;
        if tok.is_word() {
            // "Sept. 11" in English text: the month, not the French seven
            if self.lang == Lang::En && self.month_at(i).is_some() {
                return None;
            }
            let lang = if tok.folded.ends_with("ieme") || french_day_word(&tok.folded) { Lang::Fr } else { Lang::En };
            let (value, end, ordinal) = crate::facts::numbers::small_number_at(self.tokens, i, lang)?;
            return ((1..=31).contains(&value) && (ordinal || value > 1)).then_some((value, end - i));
        }
        let lit = tok.num()?;
        if lit.decimal || lit.grouped || lit.int_digits > 2 || lit.value < 1.0 || lit.value > 31.0 {
            return None;
        }
        let day = lit.value as u32;
        let suffix = self.tokens.get(i + 1).filter(|t| t.glued() && t.is_word());
        match suffix.map(|t| t.folded.as_ref()) {
            Some("er" | "st" | "nd" | "rd" | "th") => Some((day, 2)),
            Some(_) => None,
            None => Some((day, 1)),
        }
    }

    /// A four-digit year at `tokens[i]`.
    pub(super) fn year_number(&self, i: usize) -> Option<i32> {
        let tok = self.tokens.get(i)?;
        let lit = tok.num()?;
        if lit.decimal || lit.grouped || lit.int_digits != 4 || !(1000.0..=2199.0).contains(&lit.value) {
            return None;
        }
        if self.tokens.get(i + 1).is_some_and(|t| t.glued() && t.is_word()) {
            return None;
        }
        Some(lit.value as i32)
    }

    /// Whether the sentence around `tokens[i]` speaks of the future.
    /// The search stops [`TENSE_WINDOW`] tokens either side, so that a sentence of a million words
    /// costs no more per date than an ordinary one; the future forms are counted once for all
    /// the tokens, so a text dense with dates does not read each word once a date near it.
    pub(super) fn future_tense(&self, i: usize) -> bool {
        let low = i.saturating_sub(TENSE_WINDOW);
        let high = (i + TENSE_WINDOW).min(self.tokens.len());
        let start = (low..=i).rev().find(|&k| self.tokens[k].initial && self.tokens[k].is_word()).unwrap_or(low);
        let end = (i + 1..high).find(|&k| self.tokens[k].initial && self.tokens[k].is_word()).unwrap_or(high);
        let before = self.future_before.get_or_init(|| {
            let mut count = 0;
            let mut before = Vec::with_capacity(self.tokens.len() + 1);
            before.push(0);
            for k in 0..self.tokens.len() {
                count += u32::from(self.is_future_form(k));
                before.push(count);
            }
            before
        });
        before[end] > before[start]
    }

    /// Whether `tokens[k]` is a future form ("will", "sera"; "going to", "va partir").
    pub(super) fn is_future_form(&self, k: usize) -> bool {
        let w = self.tokens[k].folded.as_ref();
        match self.lang {
            Lang::En => matches!(w, "will" | "shall" | "ll") || (w == "going" && self.word(k + 1) == "to"),
            Lang::Fr => {
                FUTURE_FR.contains(&w)
                    || (matches!(w, "va" | "vont" | "allons") && self.tokens.get(k + 1).is_some_and(infinitive))
            }
        }
    }

    /// Whether `tokens[i]` is a month abbreviation ("Oct", "janv"), which a dot may follow.
    pub(super) fn month_abbreviated(&self, i: usize) -> bool {
        let abbr = |lang| calendar_word(&self.tokens[i], lang).0.is_some_and(|(_, a)| a);
        self.tokens.get(i).is_some_and(|t| t.is_word()) && (abbr(Lang::Fr) || abbr(Lang::En))
    }

    /// A small count at `tokens[i]`, in digits or words: (count, index of the next token).
    pub(super) fn count_at(&self, i: usize) -> Option<(i64, usize)> {
        let tok = self.tokens.get(i)?;
        if let Some(lit) = tok.num() {
            return (!lit.decimal && lit.value < 1000.0).then_some((lit.value as i64, i + 1));
        }
        // Every word below but "a" and "an" is a number word of its language (a test checks it): no
        // other word counts anything, and the list is not read for one.
        let article = self.lang == Lang::En && matches!(tok.folded.as_ref(), "a" | "an");
        if !article && !crate::facts::numbers::is_number_word(tok, self.lang) {
            return None;
        }
        let n = match (self.lang, tok.folded.as_ref()) {
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
                let (n, end, ordinal) = crate::facts::numbers::small_number_at(self.tokens, i, self.lang)?;
                return (!ordinal && n > 0).then_some((n as i64, end));
            }
        };
        Some((n, i + 1))
    }
}

/// French number words that may name a day ("le quatre octobre"); the others are read as English.
/// A `match`, not a list: it is asked of every word, and a match tests the length first.
pub(super) fn french_day_word(folded: &str) -> bool {
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

/// How far (in tokens) from a date its sentence is searched for a future tense.
pub(super) const TENSE_WINDOW: usize = 200;

pub(super) fn infinitive(t: &Token) -> bool {
    t.is_word() && (t.folded.ends_with("er") || t.folded.ends_with("ir") || t.folded.ends_with("re"))
}

/// Frequent French future forms (a suffix test would take "opéra" and "Sahara" too).
pub(super) const FUTURE_FR: &[&str] = &[
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

#[cfg(test)]
mod tests {
    use crate::facts::tokens::tokenize;
    use crate::lang::Lang;

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
                assert!(crate::facts::numbers::is_number_word(&tokens[0], lang), "{word}");
            }
        }
    }
}
