//! What may surround a number's core expression: a sign word, a digit fraction ("3/4"), a
//! fraction in words ("three fifths"), a ratio ("un sur trois"), decimals read out ("two
//! hundred point seventy-one").

use super::scanner::Scanner;
use super::tables::{word_of, WordClass};
use super::Expr;
use crate::lang::Lang;

impl Scanner<'_, '_> {
    /// A number with what may surround its core expression: a sign word ("minus five"), a digit
    /// fraction ("3/4", "2 1/4"), a ratio ("un sur trois", "one over 20"), an ordinal that makes a
    /// fraction ("three fifths", "un cinquième"), a fraction added with "and"/"et" ("twenty and three
    /// fifths"), or decimals read out ("two hundred point seventy-one").
    pub(super) fn parse_number(&self, i: usize) -> Option<Expr> {
        let tok = self.tokens.get(i)?;
        // A word starts a number only as a number word, a sign word, "half" or an article: every
        // other word of the text is turned away here, before the patterns below.
        let opening_word = matches!(
            (self.lang, tok.folded.as_ref()),
            (Lang::En, "minus" | "negative" | "half" | "a" | "an") | (Lang::Fr, "moins" | "un" | "une")
        );
        if tok.is_word() && !opening_word && word_of(tok, self.lang).is_none() {
            return None;
        }
        let negate = matches!((self.lang, tok.folded.as_ref()), (Lang::En, "minus" | "negative") | (Lang::Fr, "moins"));
        if negate {
            if self.claimed.get(i + 1).copied().unwrap_or(false) {
                return None;
            }
            let mut inner = self.parse_number(i + 1)?;
            inner.start = i;
            inner.value = -inner.value;
            return Some(inner);
        }
        let w = |k: usize| self.tokens.get(k).map_or("", |t| t.folded.as_ref());
        if self.lang == Lang::En && (w(i), w(i + 1), w(i + 2)) == ("half", "a", "dozen") {
            return Some(Expr { start: i, end: i + 3, value: 6.0, ..Default::default() });
        }
        if let Some(v) = vulgar_fraction(tok.text) {
            return Some(Expr { start: i, end: i + 1, value: v, fraction: true, ..Default::default() });
        }
        if let Some(expr) = self.digit_fraction(i) {
            return Some(expr);
        }
        let article = matches!((self.lang, tok.folded.as_ref()), (Lang::En, "a" | "an") | (Lang::Fr, "un" | "une"));
        let mut expr = match self.parse_expr(i) {
            Some(e) => e,
            None if article => Expr { start: i, end: i + 1, value: 1.0, one_word: true, ..Default::default() },
            None => return None,
        };
        // numerator + ordinal: "three fifths", "un vingt-cinquième", "a hundredth"
        if !expr.ordinal && !expr.fraction {
            let small_numerator = self.lang == Lang::Fr && expr.value < 10.0 && expr.end == expr.start + 1;
            if let Some(den) = self
                .expr_at(expr.end)
                .filter(|d| d.ordinal && d.value >= 3.0 && (d.plural || expr.one_word || small_numerator))
            {
                expr = Expr { end: den.end, value: expr.value / den.value, fraction: true, ..expr };
            }
        }
        let ratio_next = matches!(self.tokens.get(expr.end).map(|t| t.folded.as_ref()), Some("sur" | "over" | "out"));
        if expr.one_word && expr.end == i + 1 && !expr.fraction && !ratio_next && (article || self.lonely_article(i)) {
            return None;
        }
        if expr.fraction && !expr.scaled {
            // "two thirds of a million", "a quarter of a million"
            let article = usize::from(matches!(w(expr.end + 1), "a" | "un"));
            if matches!(w(expr.end), "of" | "d") {
                let at = expr.end + 1 + article + usize::from(w(expr.end) == "d");
                if let Some(s) = self.scale_at(at).filter(|_| !self.claimed.get(at).copied().unwrap_or(true)) {
                    return Some(Expr { end: at + 1, value: expr.value * s, scaled: true, fraction: false, ..expr });
                }
            }
        }
        if expr.ordinal || expr.fraction {
            return Some(expr);
        }
        Some(self.after_whole(expr))
    }

    /// What may follow a whole number: a digit fraction ("2 1/4"), a fraction added with
    /// "and"/"et" ("twenty and three fifths"), a ratio ("un sur trois", "one out of three"), or
    /// decimals read out ("two hundred point seventy-one").
    fn after_whole(&self, expr: Expr) -> Expr {
        let w = |k: usize| self.tokens.get(k).map_or("", |t| t.folded.as_ref());
        // mixed digit fraction: "2 1/4"
        if expr.digits && expr.value.fract() == 0.0 {
            if let Some(f) = self.digit_fraction(expr.end).filter(|f| f.value < 1.0) {
                let value = expr.value + f.value.copysign(expr.value);
                return Expr { end: f.end, value, fraction: true, ..expr };
            }
        }
        // "twenty and three fifths", "trois et un cinquième"
        if matches!((self.lang, w(expr.end)), (Lang::En, "and") | (Lang::Fr, "et")) {
            if let Some(f) = self.parse_fraction_only(expr.end + 1) {
                // "one billion and three quarters million": the fraction of the scale written after it
                if let Some(s) = self.scale_at(f.end).filter(|&s| s < expr.last_scale) {
                    return Expr { end: f.end + 1, value: expr.value + f.value * s, ..expr };
                }
                let scale = if expr.last_scale > 0.0 { expr.last_scale } else { 1.0 };
                return Expr { end: f.end, value: expr.value + f.value * scale, fraction: true, ..expr };
            }
            if self.fraction_follows(expr.end + 1) {
                if let Some(part) = self.expr_at(expr.end + 1).filter(|p| p.scaled && p.value < expr.last_scale) {
                    return Expr { end: part.end, value: expr.value + part.value, ..expr };
                }
            }
        }
        // ratios: "un sur trois", "1 over 3", "one out of three", "1 in twenty-one"
        let ratio_at = match (self.lang, w(expr.end), w(expr.end + 1)) {
            (Lang::Fr, "sur", _) | (Lang::En, "over", _) => Some(expr.end + 1),
            (Lang::En, "out", "of") => Some(expr.end + 2),
            (Lang::En, "in", _) if expr.value == 1.0 => Some(expr.end + 1),
            _ => None,
        };
        let out_of = w(expr.end) == "out";
        if let Some(den) =
            ratio_at.and_then(|at| self.expr_at(at)).filter(|d| !d.ordinal && d.value != 0.0 && !d.scaled)
        {
            // "€1000 sur 3 ans" is spread over three years; "12 out of 10" is no share
            let over_time = TIME_UNITS.contains(&w(den.end));
            if expr.value.fract() == 0.0
                && expr.value.abs() <= 1000.0
                && !over_time
                && !(out_of && expr.value > den.value)
            {
                return Expr { end: den.end, value: expr.value / den.value, fraction: true, ..expr };
            }
        }
        // "two hundred point seventy-one", "deux cent virgule trois"
        if matches!((self.lang, w(expr.end)), (Lang::En, "point") | (Lang::Fr, "virgule")) && !expr.digits {
            if let Some((end, decimals)) = self.spoken_decimals(expr.end + 1) {
                let value = format!("{}.{decimals}", expr.value).parse().unwrap_or(expr.value);
                return Expr { end, value, ..expr };
            }
        }
        expr
    }

    /// The expression at `tokens[at]`, unless that token is claimed.
    fn expr_at(&self, at: usize) -> Option<Expr> {
        (at < self.tokens.len() && !self.claimed[at]).then(|| self.parse_expr(at)).flatten()
    }

    /// A fraction below one at `tokens[i]` ("three fifths", "a half", "un quart"), if that is all
    /// the expression there is.
    pub(super) fn parse_fraction_only(&self, i: usize) -> Option<Expr> {
        if i >= self.tokens.len() || self.claimed[i] {
            return None;
        }
        self.parse_number(i).filter(|e| e.fraction && e.value < 1.0)
    }

    /// Decimals read digit by digit ("zero three") or as one number ("seventy-one").
    pub(super) fn spoken_decimals(&self, i: usize) -> Option<(usize, String)> {
        let mut digits = String::new();
        let mut k = i;
        while let Some((w, _)) = self.tokens.get(k).and_then(|t| word_of(t, self.lang)) {
            if w.class != WordClass::Atom || w.value >= 10.0 {
                break;
            }
            digits.push_str(&format!("{}", w.value as u32));
            k += 1;
        }
        if digits.len() >= 2 {
            return Some((k, digits));
        }
        let expr = self.unclaimed().parse_expr(i)?;
        (!expr.ordinal && !expr.fraction && expr.value.fract() == 0.0)
            .then(|| (expr.end, format!("{}", expr.value as u64)))
    }

    /// "3/4", "-4/5": two integers joined by a slash (dates have been claimed before).
    pub(super) fn digit_fraction(&self, i: usize) -> Option<Expr> {
        let a = self.tokens.get(i)?.num()?;
        let slash = self.tokens.get(i + 1).filter(|t| t.glued() && t.is_punct("/"))?;
        let b = self.tokens.get(i + 2).filter(|t| t.glued())?.num()?;
        let _ = slash;
        if a.decimal
            || b.decimal
            || b.value == 0.0
            || self.tokens.get(i + 3).is_some_and(|t| t.glued() && t.is_punct("/"))
            || self.alternatives_of_time(i + 3)
        {
            return None;
        }
        Some(Expr { start: i, end: i + 3, value: a.value / b.value, fraction: true, ..Default::default() })
    }

    /// Whether a span of time in years, months, days... follows: there "6/7 ans" gives two
    /// counts to choose from, six or seven years, not six sevenths of a year.
    fn alternatives_of_time(&self, next: usize) -> bool {
        self.tokens.get(next).is_some_and(|t| t.is_word() && TIME_UNITS.contains(&t.folded.as_ref()))
    }

    /// A lone "un"/"une" is an article, and "one" after a determiner a pronoun.
    pub(super) fn lonely_article(&self, i: usize) -> bool {
        let w = self.tokens[i].folded.as_ref();
        let prev = i.checked_sub(1).map(|p| self.tokens[p].folded.as_ref()).unwrap_or("");
        match self.lang {
            Lang::Fr => matches!(w, "un" | "une") || (w == "seconde" && matches!(prev, "une" | "la" | "par")),
            Lang::En => {
                (w == "one"
                    && matches!(prev, "no" | "the" | "this" | "that" | "every" | "any" | "each" | "which" | "someone")
                    && !self.tokens.get(i + 1).is_some_and(|t| t.is_word() && t.folded != "of"))
                    || (w == "second" && matches!(prev, "a" | "one" | "per" | "split"))
            }
        }
    }
}

/// Words of time after which "sur"/"over" spreads an amount instead of making a ratio.
pub(super) const TIME_UNITS: &[&str] =
    &["an", "ans", "annees", "mois", "semaines", "jours", "heures", "years", "months", "weeks", "days", "hours"];

pub(super) fn vulgar_fraction(text: &str) -> Option<f64> {
    Some(match text {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅕" => 0.2,
        "⅙" => 1.0 / 6.0,
        "⅛" => 0.125,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::values;
    use crate::lang::Lang;

    #[test]
    fn ratios_and_spreads() {
        assert_eq!(values("seven out of ten", Lang::En), ["0.7"]);
        assert_eq!(values("15 out of 4", Lang::En), ["15", "4"]);
        assert_eq!(values("400 sur 4 ans", Lang::Fr), ["400", "4"]);
    }

    #[test]
    fn a_slash_before_a_span_of_time_gives_two_counts() {
        assert_eq!(values("des enfants de 6/7 ans", Lang::Fr), ["6", "7"]);
        assert_eq!(values("children of 6/7 years", Lang::En), ["6", "7"]);
        assert_eq!(values("les 3/4 du budget", Lang::Fr), ["0.75"]);
    }
}
