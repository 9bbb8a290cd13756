//! What a number is: an ordinal ("3e", "XXIe"), money ("$5", "3 dollars 50"), a percent or a
//! quantity ("12 %", "80 km/h"), or a plain number; and digits that belong to a name ("G7").

use super::scanner::{digits_glued, is_hyphen, million_code, Scanner};
use super::tables::{embedded, word_of, WordClass};
use super::Expr;
use crate::facts::tokens::Token;
use crate::facts::{Fact, FactKind};
use crate::lang::Lang;

impl Scanner<'_, '_> {
    /// Whether the digits at `tokens[i]` belong to a name: "APT31", "G7", "Covid-19", "CAC 40".
    pub(super) fn part_of_name(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| &self.tokens[p]) else { return false };
        let tok = &self.tokens[i];
        if tok.glued() && prev.is_word() {
            return true;
        }
        if tok.glued() && is_hyphen(prev) && i >= 2 && prev.glued() && self.tokens[i - 2].is_word() {
            return true;
        }
        if !prev.is_word() || !prev.is_capitalized() {
            return false;
        }
        let acronym = prev.text.chars().count() >= 2 && prev.text.chars().all(|c| c.is_uppercase());
        acronym || embedded::NUMBER_NAMES.contains(prev.folded.as_ref())
    }

    /// The connector between an amount and its unit: "de", "d'", "of" (after a scale word), or a
    /// hyphen glued on both sides ("six-mile", "2,5-km").
    pub(super) fn skip_connector(&self, at: usize, expr: &Expr) -> usize {
        let Some(tok) = self.tokens.get(at) else { return at };
        if expr.scaled && matches!(tok.folded.as_ref(), "de" | "of") {
            return at + 1;
        }
        if expr.scaled && tok.folded == "d" && self.tokens.get(at + 1).is_some_and(|t| t.is_punct("'’")) {
            return at + 2;
        }
        if is_hyphen(tok) && tok.glued() && self.tokens.get(at + 1).is_some_and(|t| t.glued() && t.is_word()) {
            return at + 1;
        }
        at
    }

    /// The fact that starts at `tokens[i]`: the token index past it, and the fact (`None` for digits
    /// that belong to a name and must be passed over).
    pub(super) fn number_at(&self, i: usize) -> Option<(usize, Option<Fact>)> {
        let tok = &self.tokens[i];
        if let Some(value) = tok.is_word().then(|| roman_ordinal(tok.text)).flatten() {
            return Some((i + 1, Some(self.fact(i, i + 1, FactKind::Ordinal, value as f64))));
        }
        if let Some((after, cur)) = self.currency_at(i).filter(|(_, c)| c.sign) {
            if after < self.tokens.len() && !self.claimed[after..].first().copied().unwrap_or(true) {
                if let Some(expr) = self.parse_number(after) {
                    if !expr.ordinal {
                        let mut f = self.fact(i, expr.end, FactKind::Money, expr.value / cur.divisor);
                        f.unit = Some(cur.code.to_string());
                        return Some((expr.end, Some(f)));
                    }
                }
            }
        }
        if let Some(cur) = million_code(tok).filter(|_| !self.claimed.get(i + 1).copied().unwrap_or(true)) {
            if let Some(expr) = self.parse_number(i + 1).filter(|e| !e.ordinal) {
                let mut f = self.fact(i, expr.end, FactKind::Money, expr.value * 1e6);
                f.unit = Some(cur.code.to_string());
                return Some((expr.end, Some(f)));
            }
        }
        if let Some(f) = self.percent_of(i) {
            return Some(f);
        }
        if tok.num().is_some() && self.part_of_name(i) {
            return Some((i + 1, None));
        }
        let expr = self.parse_number(i)?;
        if expr.ordinal {
            return Some((expr.end, Some(self.fact(i, expr.end, FactKind::Ordinal, expr.value))));
        }
        let exponent =
            self.tokens.get(expr.end + 1).is_some_and(|t| t.glued() && (t.num().is_some() || t.is_punct("+-")));
        if expr.digits && !exponent && self.tokens.get(expr.end).is_some_and(|t| ordinal_suffix(t, self.lang)) {
            let end = expr.end + 1;
            return Some((end, Some(self.fact(i, end, FactKind::Ordinal, expr.value))));
        }
        let at = self.skip_connector(expr.end, &expr);
        if at < self.tokens.len() && !self.claimed[at] {
            if let Some(cur) = million_code(&self.tokens[at]).filter(|_| !self.followed_by_letter(at + 1)) {
                let mut f = self.fact(i, at + 1, FactKind::Money, expr.value * 1e6);
                f.unit = Some(cur.code.to_string());
                return Some((at + 1, Some(f)));
            }
            if let Some((end, cur)) = self.currency_after(at) {
                let weight_unit = cur.ambiguous && !expr.scaled;
                if !weight_unit {
                    let (end, value) = self.money_tail(end, expr.value / cur.divisor, cur.divisor);
                    let mut f = self.fact(i, end, FactKind::Money, value);
                    f.unit = Some(cur.code.to_string());
                    return Some((end, Some(f)));
                }
            }
            if let Some((end, unit)) = self.unit_at(at).filter(|(end, _)| digits_glued(&self.tokens[at..*end])) {
                let digits_ok = !unit.after_digits_only || (expr.digits && at == expr.end);
                let word_unit_glued =
                    self.tokens[at].glued() && at == expr.end && self.tokens[at].is_word() && !expr.digits;
                if digits_ok && !word_unit_glued && !self.followed_by_letter(end) {
                    // Basis points are hundredths of a percentage point: "25 points de base" is
                    // the "quarter point" of the other version.
                    let (symbol, value) =
                        if unit.symbol == "bp" { ("pp", expr.value / 100.0) } else { (unit.symbol, expr.value) };
                    let kind = if matches!(symbol, "%" | "pp") { FactKind::Percent } else { FactKind::Quantity };
                    let mut f = self.fact(i, end, kind, value);
                    f.unit = Some(symbol.to_string());
                    return Some((end, Some(f)));
                }
            }
        }
        if expr.digits && self.tokens.get(expr.end).is_some_and(|t| t.glued() && t.is_word()) {
            return Some((expr.end + 1, None)); // "3D", "4x4": a code, not a count
        }
        Some((expr.end, Some(self.fact(i, expr.end, FactKind::Number, expr.value))))
    }

    /// "percent of 10", "pourcentage de vingt": the percent word first.
    pub(super) fn percent_of(&self, i: usize) -> Option<(usize, Option<Fact>)> {
        if !self.tokens[i].is_word() {
            return None;
        }
        let (after, unit) = self.unit_at(i).filter(|(_, u)| u.symbol == "%")?;
        if !self.tokens.get(after).is_some_and(|t| matches!(t.folded.as_ref(), "of" | "de" | "des"))
            || after + 1 >= self.tokens.len()
        {
            return None;
        }
        let expr = self.parse_number(after + 1).filter(|e| !e.ordinal && !e.fraction)?;
        let mut f = self.fact(i, expr.end, FactKind::Percent, expr.value);
        f.unit = Some(unit.symbol.to_string());
        Some((expr.end, Some(f)))
    }

    /// What may follow the currency of an amount: a scale ("75 USD million"), or cents ("3 dollars 50
    /// cents", "15 dollars 50", "thirteen dollars and forty-five cents"). Returns the end and value.
    pub(super) fn money_tail(&self, end: usize, value: f64, divisor: f64) -> (usize, f64) {
        if let Some((w, false)) = self.tokens.get(end).and_then(|t| word_of(t, self.lang)) {
            if w.class == WordClass::Scale && value.fract() == 0.0 {
                return (end + 1, value * w.value);
            }
        }
        if divisor != 1.0 || value.fract() != 0.0 {
            return (end, value);
        }
        let mut k = end;
        if self.tokens.get(k).is_some_and(|t| matches!(t.folded.as_ref(), "and" | "et")) {
            k += 1;
        }
        let Some(cents) = (k < self.tokens.len()).then(|| self.unclaimed().parse_expr(k)).flatten() else {
            return (end, value);
        };
        if cents.ordinal
            || cents.fraction
            || cents.scaled
            || !(1.0..100.0).contains(&cents.value)
            || cents.value.fract() != 0.0
        {
            return (end, value);
        }
        let after = self.tokens.get(cents.end);
        let cent_word = after.is_some_and(|t| matches!(t.folded.as_ref(), "cent" | "cents" | "centimes" | "pence"));
        let pause = after.is_none_or(|t| t.is_punct(".,;!?)") || t.initial);
        match (cent_word, pause) {
            (true, _) => (cents.end + 1, value + cents.value / 100.0),
            (false, true) if k == end || self.lang == Lang::En => (cents.end, value + cents.value / 100.0),
            _ => (end, value),
        }
    }
}

pub(super) const ORDINAL_SUFFIXES_EN: &[&str] = &["st", "nd", "rd", "th"];

pub(super) const ORDINAL_SUFFIXES_FR: &[&str] =
    &["er", "re", "ere", "e", "eme", "ieme", "nd", "nde", "es", "emes", "iemes", "ers", "eres", "res", "de", "me"];

pub(super) fn ordinal_suffix(tok: &Token, lang: Lang) -> bool {
    let list = if lang == Lang::Fr { ORDINAL_SUFFIXES_FR } else { ORDINAL_SUFFIXES_EN };
    tok.is_word() && tok.glued() && list.contains(&tok.folded.as_ref())
}

/// "IIIe", "XXIe", "Ier": a Roman number with a French ordinal ending.
pub(super) fn roman_ordinal(word: &str) -> Option<u32> {
    let numeral = ["ème", "eme", "er", "re", "e"].iter().find_map(|s| word.strip_suffix(s))?;
    // A lone L or C with "e" is the article "Le" or "Ce".
    if numeral.is_empty() || matches!(numeral, "L" | "C") || !numeral.chars().all(|c| "IVXLC".contains(c)) {
        return None;
    }
    let value_of = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
    let values: Vec<u32> = numeral.chars().map(value_of).collect();
    let mut total = 0;
    for (k, &v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|&n| n > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{facts, values};
    use crate::facts::FactKind;
    use crate::lang::Lang;

    #[test]
    fn ordinals() {
        let ords = |t, l| facts(t, l).into_iter().filter(|f| f.0 == FactKind::Ordinal).map(|f| f.1).collect::<Vec<_>>();
        assert_eq!(ords("le 1er, la 2e, le IIIe siècle, le vingt et unième", Lang::Fr), ["1", "2", "3", "21"]);
        assert_eq!(ords("the 21st and the third", Lang::En), ["21", "3"]);
        assert_eq!(ords("one hundred twenty-fifth", Lang::En), ["125"]);
    }

    #[test]
    fn percents() {
        let p = (FactKind::Percent, "12".to_string(), Some("%".to_string()));
        assert_eq!(facts("12 %", Lang::Fr), std::slice::from_ref(&p));
        assert_eq!(facts("12 pour cent", Lang::Fr), std::slice::from_ref(&p));
        assert_eq!(facts("12 percent", Lang::En), [p]);
        assert_eq!(facts("12 points de pourcentage", Lang::Fr)[0].2.as_deref(), Some("pp"));
        let bp = facts("25 points de base", Lang::Fr);
        assert_eq!((bp[0].1.as_str(), bp[0].2.as_deref()), ("0.25", Some("pp")));
        assert_eq!(facts("50 basis points", Lang::En)[0].1, "0.5");
    }

    #[test]
    fn money() {
        let m = |t, l| facts(t, l).into_iter().map(|f| (f.1, f.2.unwrap_or_default())).collect::<Vec<_>>();
        assert_eq!(m("15 000 euros", Lang::Fr), [("15000".into(), "EUR".into())]);
        assert_eq!(m("1,5 million d'euros", Lang::Fr), [("1500000".into(), "EUR".into())]);
        assert_eq!(m("10000 francs suisses", Lang::Fr), [("10000".into(), "CHF".into())]);
        assert_eq!(m("$48.2 million", Lang::En), [("48200000".into(), "USD".into())]);
        assert_eq!(m("£ 8.10 million", Lang::En), [("8100000".into(), "GBP".into())]);
        assert_eq!(m("5 €", Lang::En), [("5".into(), "EUR".into())]);
        assert_eq!(m("50 cents", Lang::En), [("0.5".into(), "USD".into())]);
    }

    #[test]
    fn quantities() {
        let q = |t, l| facts(t, l).into_iter().map(|f| (f.1, f.2.unwrap_or_default())).collect::<Vec<_>>();
        assert_eq!(q("17 km", Lang::Fr), [("17".into(), "km".into())]);
        assert_eq!(q("à 130 km/h", Lang::Fr), [("130".into(), "km/h".into())]);
        assert_eq!(q("25 °C", Lang::Fr), [("25".into(), "°C".into())]);
        assert_eq!(q("300mm and 48m", Lang::En), [("300".into(), "mm".into()), ("48".into(), "m".into())]);
        assert_eq!(q("3 tonnes et 40 hectares", Lang::Fr), [("3".into(), "t".into()), ("40".into(), "ha".into())]);
        assert_eq!(q("a six-mile walk", Lang::En), [("6".into(), "mi".into())]);
    }

    #[test]
    fn money_codes_in_business_writing() {
        let m = |t, l| facts(t, l).into_iter().map(|f| (f.1, f.2.unwrap_or_default())).collect::<Vec<_>>();
        assert_eq!(m("45 MEUR", Lang::En), [("45000000".into(), "EUR".into())]);
        assert_eq!(m("MUSD 3.5", Lang::En), [("3500000".into(), "USD".into())]);
        assert_eq!(m("70 usd", Lang::En), [("70".into(), "USD".into())]);
        assert_eq!(m("$ 90 million first mortgage", Lang::En)[0], ("90000000".into(), "USD".into()));
        assert_eq!(m("₿5", Lang::En), [("5".into(), "BTC".into())]);
    }

    #[test]
    fn numbers_inside_names_are_not_counts() {
        assert!(values("Covid-19, APT31, le G7, un Airbus A320, le CAC 40, un Boeing 737", Lang::Fr).is_empty());
        assert_eq!(values("60 ans", Lang::Fr), ["60"]);
    }
}
