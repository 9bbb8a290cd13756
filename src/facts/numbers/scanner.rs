//! The scanner the number patterns share: a text's tokens with their language and the tokens
//! other facts have claimed, and the look-ups every pattern asks of a token (a unit, a currency,
//! a scale word, a joining hyphen).

use super::tables::{embedded, word_of, Currency, Unit, WordClass};
use crate::facts::tokens::Token;
use crate::facts::{format_value, Fact, FactKind};
use crate::lang::Lang;

/// Where the number patterns read: the text and its tokens, its language, and the tokens that
/// other facts have claimed (a number stops at one). Every pattern is a method that reads from
/// a token index.
#[derive(Clone, Copy)]
pub(super) struct Scanner<'s, 't> {
    pub(super) text: &'s str,
    pub(super) tokens: &'s [Token<'t>],
    pub(super) lang: Lang,
    pub(super) claimed: &'s [bool],
}

impl<'s, 't> Scanner<'s, 't> {
    /// A scanner over `tokens` with nothing claimed, for number words read inside other facts
    /// (a day of the month, a year in words).
    pub(super) fn of_words(tokens: &'s [Token<'t>], lang: Lang) -> Self {
        Scanner { text: "", tokens, lang, claimed: &[] }
    }

    /// The same scanner with nothing claimed.
    pub(super) fn unclaimed(&self) -> Self {
        Scanner { claimed: &[], ..*self }
    }
}

impl Scanner<'_, '_> {
    /// The unit written at `tokens[at]`: the index past it, and the unit.
    pub(super) fn unit_at(&self, at: usize) -> Option<(usize, Unit)> {
        embedded::UNITS.longest_at(self.tokens, at).map(|(end, row)| (end, Unit::of(row)))
    }

    /// The currency written at `tokens[at]` (any case): the index past it, and the currency.
    pub(super) fn currency_written_at(&self, at: usize) -> Option<(usize, Currency)> {
        embedded::CURRENCIES.longest_at(self.tokens, at).map(|(end, row)| (end, Currency::of(row)))
    }

    /// Whether `tokens[j]` is a hyphen joining two words ("vingt-deux", "twenty-one").
    pub(super) fn joining_hyphen(&self, j: usize) -> bool {
        is_hyphen(&self.tokens[j])
            && self.tokens[j].glued()
            && self.tokens.get(j + 1).is_some_and(|t| t.glued() && t.is_word())
    }

    /// The value of a scale word at `tokens[k]` ("million"), if one is there.
    pub(super) fn scale_at(&self, k: usize) -> Option<f64> {
        let (w, _) = self.tokens.get(k).and_then(|t| word_of(t, self.lang))?;
        (w.class == WordClass::Scale).then_some(w.value)
    }

    pub(super) fn fact(&self, start: usize, end: usize, kind: FactKind, value: f64) -> Fact {
        let (s, e) = (self.tokens[start].start, self.tokens[end - 1].end);
        Fact {
            kind,
            start: s,
            end: e,
            text: self.text[s..e].to_string(),
            value: format_value(value),
            unit: None,
            entity_type: None,
        }
    }

    /// The currency named at `tokens[at]`; ISO codes only in capitals.
    pub(super) fn currency_at(&self, at: usize) -> Option<(usize, Currency)> {
        self.currency_written_at(at)
            .filter(|(_, c)| !c.iso_letters || self.tokens[at].text.chars().all(|ch| ch.is_uppercase()))
    }

    /// The currency after an amount: as [`Self::currency_at`], and a main ISO code in lower case.
    pub(super) fn currency_after(&self, at: usize) -> Option<(usize, Currency)> {
        self.currency_written_at(at).filter(|(_, c)| {
            let text = self.tokens[at].text;
            !c.iso_letters
                || text.chars().all(|ch| ch.is_uppercase())
                || MAIN_CODES.contains(&c.code) && text.len() == 3
        })
    }

    /// A unit symbol glued to more letters ("m" in "mots") is no unit.
    pub(super) fn followed_by_letter(&self, end: usize) -> bool {
        self.tokens.get(end).is_some_and(|t| t.glued() && t.is_word())
    }
}

pub(super) fn is_hyphen(tok: &Token) -> bool {
    tok.is_punct("-‑")
}

/// Codes of the main currencies, which also name them in lower case right after an amount ("20 usd").
pub(super) const MAIN_CODES: &[&str] = &["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "CNY", "NZD", "HKD", "INR"];

/// "MUSD", "MEUR": an ISO code with an M for millions, as business writing has it. Returns the
/// currency and the factor.
pub(super) fn million_code(tok: &Token) -> Option<Currency> {
    let code = tok.text.strip_prefix('M').filter(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()))?;
    let toks = crate::facts::tokens::tokenize(code, Lang::En, &[]);
    embedded::CURRENCIES.get_tokens(&toks).map(Currency::of).filter(|c| c.iso_letters)
}

/// Digits inside a unit ("km2", "m3") must be glued to it: "12 m 2 dm" is no square metre.
pub(super) fn digits_glued(unit_tokens: &[Token]) -> bool {
    unit_tokens.iter().skip(1).all(|t| t.num().is_none() || t.glued())
}
