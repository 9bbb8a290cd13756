//! The core of a number: an expression of digits and number words ("vingt-deux", "three hundred
//! and two", "1,5 million", "quatre-vingt-dix-neuf"), read word by word.

use super::scanner::{is_hyphen, Scanner};
use super::tables::{word_of, NumWord, WordClass};
use crate::facts::tokens::Token;
use crate::lang::Lang;

impl Scanner<'_, '_> {
    /// Tens and a plural ordinal unit ("twenty-firsts", "thirty fifths"): a denominator after a
    /// numerator. Returns its value and the index past it.
    pub(super) fn compound_denominator(&self, j: usize) -> Option<(f64, usize)> {
        let (tens, plural) = word_of(&self.tokens[j], self.lang)?;
        if plural || tens.class != WordClass::Atom || tens.value < 20.0 || tens.value % 10.0 != 0.0 {
            return None;
        }
        let k = if self.tokens.get(j + 1).is_some_and(is_hyphen) { j + 2 } else { j + 1 };
        let (unit, plural) = self.tokens.get(k).and_then(|t| word_of(t, self.lang))?;
        (plural && unit.class == WordClass::Ordinal && unit.value < 10.0).then_some((tens.value + unit.value, k + 1))
    }

    /// A hyphen with spaces inside a number, as in tokenized text: "fifty - two", "five - eighths".
    pub(super) fn spaced_tens_hyphen(&self, j: usize, last: Last) -> bool {
        let Last::Atom(before) = last else { return false };
        is_hyphen(&self.tokens[j])
            && self.tokens.get(j + 1).and_then(|t| word_of(t, self.lang)).is_some_and(|(w, plural)| {
                let ordinal = matches!(w.class, WordClass::Ordinal | WordClass::OrdScale);
                ((plural || before == 1.0) && ordinal && w.value >= 3.0)
                    || (!plural
                        && (ordinal || w.class == WordClass::Atom)
                        && atom_follows(before, w.value, before, self.lang))
            })
    }

    /// Reads the number expression starting at `tokens[i]`, if any.
    pub(super) fn parse_expr(&self, i: usize) -> Option<Expr> {
        self.tokens.get(i)?;
        let mut r = Reading::at(i);
        if let Some(lit) = self.tokens[i].num() {
            r.started_with_digits = true;
            r.current = lit.value;
            r.last = Last::Digits;
            r.j += 1;
            r.end = r.j;
            if let Some(expr) = self.digits_with_letters(i, lit.value) {
                return Some(expr);
            }
        } else if self.lang == Lang::En && matches!(self.tokens[i].folded.as_ref(), "a" | "an") {
            let next = self.tokens.get(i + 1).and_then(|t| word_of(t, self.lang))?;
            if !matches!(next.0.class, WordClass::Hundred | WordClass::Scale | WordClass::Dozen | WordClass::Fraction)
                || next.1
            {
                return None;
            }
            r.current = 1.0;
            r.last = Last::Atom(1.0);
            r.one_word_numerator = true;
            r.j += 1;
        }
        while r.j < self.tokens.len() && !self.claimed.get(r.j).copied().unwrap_or(false) {
            let j = r.j;
            let tok = &self.tokens[j];
            if j > i && tok.initial {
                break;
            }
            if j > i && (self.joining_hyphen(j) || self.spaced_tens_hyphen(j, r.last)) {
                r.j += 1;
                continue;
            }
            if let Some(lit) = tok.num() {
                if !matches!(r.last, Last::Hundred | Last::Scale(_)) || lit.value >= 1000.0 || lit.decimal {
                    break;
                }
                r.current += lit.value;
                r.last = Last::Digits;
                r.j += 1;
                r.end = r.j;
                continue;
            }
            if !tok.is_word() {
                break;
            }
            if j > i && self.is_joiner(j, r.last) {
                r.j += 1;
                continue;
            }
            match self.read_word(&mut r, tok) {
                Step::Take => {
                    r.words += 1;
                    r.j += 1;
                    r.end = r.j;
                }
                Step::Stop | Step::Done => break,
            }
        }
        if r.end == i {
            return None;
        }
        let mut expr = r.expr();
        self.add_half(&mut expr);
        Some(expr)
    }

    /// Digits with a glued letter after them: a scale ("5k", "3M", "2bn", "4 Md") makes the
    /// whole expression, any other letter ends it at the digits ("3D").
    fn digits_with_letters(&self, i: usize, value: f64) -> Option<Expr> {
        let j = i + 1;
        let lone_k = self
            .tokens
            .get(j)
            .is_some_and(|t| t.text == "k" && !self.tokens.get(j + 1).is_some_and(|n| n.glued() && n.is_word()));
        let next = self.tokens.get(j).filter(|t| (t.glued() || lone_k) && t.is_word())?;
        let factor = match (next.text, self.lang) {
            ("k" | "K", _) => Some(1e3),
            ("M", _) if next.glued() => Some(1e6),
            ("MM" | "mil", Lang::En) if next.glued() => Some(1e6),
            ("b" | "bn" | "B" | "Bn", Lang::En) => Some(1e9),
            ("Md" | "Mds" | "md", Lang::Fr) => Some(1e9),
            _ => None,
        };
        Some(match factor {
            Some(f) => Expr { start: i, end: j + 1, value: value * f, scaled: true, ..Default::default() },
            None => Expr { start: i, end: j, value, digits: true, ..Default::default() },
        })
    }

    /// Reads the word `tok` at `r.j` into the expression: a denominator ("three twenty-firsts"),
    /// or a number word by its class.
    fn read_word(&self, r: &mut Reading, tok: &Token) -> Step {
        let j = r.j;
        let after_and = j > r.i && matches!(self.tokens[j - 1].folded.as_ref(), "and" | "et");
        let numerator_before = r.last != Last::Nothing && !after_and && self.lang == Lang::En;
        if let Some((den, den_end)) = self.compound_denominator(j).filter(|_| numerator_before) {
            // "one hundred thirty-fifths" is 100/35, "three twenty-firsts" 3/21
            r.total = (r.total + r.current) / den;
            r.current = 0.0;
            r.fraction = true;
            r.plural_end = true;
            r.j = den_end;
            r.end = den_end;
            return Step::Done;
        }
        let Some((word, plural)) = word_of(tok, self.lang) else { return Step::Stop };
        r.plural_end = plural;
        match word.class {
            WordClass::Atom => r.atom(word.value, plural, self.lang),
            WordClass::Hundred => r.hundred(tok, self.lang),
            WordClass::Scale => r.scale(word.value, tok, self.lang),
            WordClass::Dozen => r.dozen(),
            WordClass::Ordinal | WordClass::OrdScale => r.ordinal(word, plural, self.lang),
            WordClass::Fraction => self.fraction(r, word.value),
        }
    }

    /// A fraction word ("half", "quart", "tiers"): of the number before it, or of the scale
    /// after it ("half million", "un demi-million").
    fn fraction(&self, r: &mut Reading, value: f64) -> Step {
        let scale_next = |k: usize| self.tokens.get(k).and_then(|t| word_of(t, self.lang));
        let before_scale = scale_next(r.j + 1).is_some_and(|w| w.0.class == WordClass::Scale);
        if r.last == Last::Nothing && !before_scale {
            return Step::Stop;
        }
        let numerator = r.total + r.current;
        let part = if r.one_word_numerator || r.last == Last::Nothing { value } else { numerator * value };
        if before_scale && r.total == 0.0 {
            // "half million", "a quarter million", "three quarters billion"
            r.current = part;
            r.last = Last::Atom(1.0);
            r.one_word_numerator = false;
            return Step::Take;
        }
        r.total = part;
        r.current = 0.0;
        r.fraction = true;
        r.j += 1;
        r.end = r.j;
        // "un demi-million": the fraction of a scale
        let k = r.j;
        if let Some((scale, _)) =
            self.tokens.get(k + 1).filter(|_| self.joining_hyphen(k)).and_then(|t| word_of(t, self.lang))
        {
            if scale.class == WordClass::Scale {
                r.total *= scale.value;
                r.fraction = false;
                r.scaled = true;
                r.j += 2;
                r.end = r.j;
            }
        }
        Step::Done
    }

    /// "and"/"et" inside a number: "one hundred and three", "vingt et un".
    pub(super) fn is_joiner(&self, j: usize, last: Last) -> bool {
        let next = self.tokens.get(j + 1).and_then(|t| word_of(t, self.lang).map(|w| (w, t)));
        match (self.lang, self.tokens[j].folded.as_ref()) {
            (Lang::Fr, "et") => {
                matches!(last, Last::Atom(v) if v >= 20.0)
                    && next
                        .is_some_and(|(_, t)| matches!(t.folded.as_ref(), "un" | "une" | "onze" | "unieme" | "onzieme"))
            }
            (Lang::En, "and") => {
                let another_hundred = last == Last::Hundred
                    && self
                        .tokens
                        .get(j + 2)
                        .and_then(|t| word_of(t, self.lang))
                        .is_some_and(|w| w.0.class == WordClass::Hundred);
                matches!(last, Last::Hundred | Last::Scale(_))
                    && !another_hundred
                    && !self.fraction_follows(j + 1)
                    && (next.is_some_and(|(w, _)| w.0.class == WordClass::Atom || w.0.class == WordClass::Ordinal)
                        || self.tokens.get(j + 1).and_then(|t| t.num()).is_some_and(|n| n.value != 0.0))
            }
            _ => false,
        }
    }

    /// Whether a fraction below one is written at `tokens[k]`: "one half", "three quarters",
    /// "fifty-four hundredths" (number words, then a fraction word or a plural ordinal).
    pub(super) fn fraction_follows(&self, mut k: usize) -> bool {
        let start = k;
        let mut numerator = 0.0;
        while let Some((w, _)) =
            self.tokens.get(k).and_then(|t| word_of(t, self.lang)).filter(|w| w.0.class == WordClass::Atom)
        {
            numerator += w.value;
            k += 1;
            if self.tokens.get(k).is_some_and(is_hyphen) {
                k += 1;
            }
        }
        let one = k == start + 1 && matches!(self.tokens[start].folded.as_ref(), "one" | "un" | "une");
        match self.tokens.get(k).and_then(|t| word_of(t, self.lang)) {
            Some((w, plural)) => {
                // "and thirty fifths" is 30/5 added whole, "and fifty-four hundredths" a fraction below one
                let ordinal = matches!(w.class, WordClass::Ordinal | WordClass::OrdScale) && numerator < w.value;
                k > start && (w.class == WordClass::Fraction || (ordinal && w.value >= 3.0 && (plural || one)))
            }
            None => false,
        }
    }

    /// "one and a half", "deux et demi", "deux mois et demi": adds the fraction to the expression.
    pub(super) fn add_half(&self, expr: &mut Expr) {
        let words: Vec<&str> = self.tokens[expr.end..].iter().take(3).map(|t| t.folded.as_ref()).collect();
        let (skip, frac) = match (self.lang, words.as_slice()) {
            (Lang::En, ["and", "a", "half", ..]) => (3, 0.5),
            (Lang::Fr, ["et", "un" | "une", "demi" | "demie"]) => (3, 0.5),
            (Lang::En, ["and", "a", "quarter", ..]) => (3, 0.25),
            (Lang::Fr, ["et", "demi" | "demie", ..]) => (2, 0.5),
            // "deux mois et demi", "trois ans et demi": the half follows the noun it counts
            (Lang::Fr, [noun, "et", "demi" | "demie"]) if HALF_AFTER_NOUN.contains(noun) => (3, 0.5),
            (Lang::Fr, ["et", "quart", ..]) => (2, 0.25),
            _ => return,
        };
        if !expr.ordinal && expr.value.fract() == 0.0 {
            expr.end += skip;
            // "five and a half million" multiplies; "one billion and a half million" adds half a million
            match self.scale_at(expr.end) {
                Some(s) if expr.last_scale == 0.0 => {
                    expr.value = (expr.value + frac) * s;
                    expr.end += 1;
                    expr.scaled = true;
                    expr.last_scale = s;
                }
                Some(s) if s < expr.last_scale => {
                    expr.value += frac * s;
                    expr.end += 1;
                }
                _ => expr.value += frac * if expr.last_scale > 0.0 { expr.last_scale } else { 1.0 },
            }
        }
    }
}

/// What a word did to an expression being read.
enum Step {
    /// The word is no part of the expression: it ends before it.
    Stop,
    /// The word was taken, and more may follow.
    Take,
    /// The word (and what it needed after it) ends the expression.
    Done,
}

/// An expression being read by [`Scanner::parse_expr`], word by word.
struct Reading {
    /// The first token.
    i: usize,
    /// The next token to read.
    j: usize,
    /// Past the last token taken.
    end: usize,
    /// The value of the scales read ("trois millions" in "trois millions deux cent").
    total: f64,
    /// The value since the last scale.
    current: f64,
    last: Last,
    scaled: bool,
    /// Number words taken.
    words: usize,
    /// A single "one"/"un"/"une" so far.
    one_word_numerator: bool,
    started_with_digits: bool,
    ordinal: bool,
    plural_end: bool,
    fraction: bool,
    last_scale: f64,
    /// The hundreds of `current` ("three hundred" in "three hundred and two dozens").
    hundreds: f64,
}

impl Reading {
    fn at(i: usize) -> Reading {
        Reading {
            i,
            j: i,
            end: i,
            total: 0.0,
            current: 0.0,
            last: Last::Nothing,
            scaled: false,
            words: 0,
            one_word_numerator: false,
            started_with_digits: false,
            ordinal: false,
            plural_end: false,
            fraction: false,
            last_scale: 0.0,
            hundreds: 0.0,
        }
    }

    fn expr(&self) -> Expr {
        Expr {
            start: self.i,
            end: self.end,
            value: self.total + self.current,
            ordinal: self.ordinal,
            scaled: self.scaled,
            digits: self.last == Last::Digits,
            plural: self.plural_end,
            fraction: self.fraction,
            last_scale: self.last_scale,
            one_word: self.words == 1 && self.end == self.i + 1 && self.one_word_numerator,
        }
    }

    /// Whether a unit or tens word of value `v` may come next.
    fn atom_fits(&self, v: f64, lang: Lang) -> bool {
        match self.last {
            Last::Nothing | Last::Hundred | Last::Scale(_) => true,
            Last::Atom(lv) => atom_follows(lv, v, self.current, lang),
            Last::Digits => false,
        }
    }

    /// Adds a unit or tens word: "quatre" + "vingt" is eighty.
    fn add_atom(&mut self, v: f64, lang: Lang) {
        if lang == Lang::Fr && self.current % 100.0 == 4.0 && v == 20.0 && self.last == Last::Atom(4.0) {
            self.current += 76.0;
        } else {
            self.current += v;
        }
    }

    fn atom(&mut self, v: f64, plural: bool, lang: Lang) -> Step {
        if !self.atom_fits(v, lang) || plural {
            return Step::Stop;
        }
        self.add_atom(v, lang);
        self.one_word_numerator = self.last == Last::Nothing && v == 1.0;
        self.last = Last::Atom(v);
        Step::Take
    }

    fn hundred(&mut self, tok: &Token, lang: Lang) -> Step {
        if (self.current >= 100.0 && self.last != Last::Digits) || matches!(self.last, Last::Hundred) {
            return Step::Stop;
        }
        if self.last == Last::Digits && lang == Lang::Fr && tok.folded != "cent" {
            return Step::Stop; // "50 cents" is money
        }
        self.current = if self.current == 0.0 { 100.0 } else { self.current * 100.0 };
        self.hundreds = self.current;
        self.last = Last::Hundred;
        self.one_word_numerator = false;
        Step::Take
    }

    fn scale(&mut self, v: f64, tok: &Token, lang: Lang) -> Step {
        if matches!(self.last, Last::Scale(s) if s <= v) {
            return Step::Stop;
        }
        if self.last == Last::Nothing && lang == Lang::Fr && tok.folded.starts_with("mil") && tok.folded != "mille" {
            return Step::Stop; // a bare "millions" is no number
        }
        self.total += if self.current == 0.0 { 1.0 } else { self.current } * v;
        self.current = 0.0;
        self.hundreds = 0.0;
        self.scaled = true;
        self.last_scale = v;
        self.last = Last::Scale(v);
        self.one_word_numerator = false;
        Step::Take
    }

    fn dozen(&mut self) -> Step {
        if self.last == Last::Nothing {
            return Step::Stop;
        }
        // "three hundred and two dozens": the dozens are the count after the hundreds
        self.current = match self.current - self.hundreds {
            _ if self.current == 0.0 => 12.0,
            count if self.hundreds > 0.0 && count > 0.0 => self.hundreds + count * 12.0,
            _ => self.current * 12.0,
        };
        self.j += 1;
        self.end = self.j;
        Step::Done
    }

    /// An ordinal word: a denominator after a numerator ("three fifths", "one third"), else
    /// the end of an ordinal ("vingt et unième", "hundredth").
    fn ordinal(&mut self, word: NumWord, plural: bool, lang: Lang) -> Step {
        let numerator = self.total + self.current;
        let is_fraction = self.last != Last::Nothing
            && word.value >= 3.0
            && (plural || (self.one_word_numerator && numerator == 1.0 && !matches!(self.last, Last::Scale(_))));
        if is_fraction {
            self.total = numerator / word.value;
            self.current = 0.0;
            self.fraction = true;
        } else if word.class == WordClass::OrdScale {
            if matches!(self.last, Last::Scale(_)) {
                return Step::Stop;
            }
            self.current = if self.current == 0.0 { word.value } else { self.current * word.value };
            self.ordinal = true;
        } else {
            if !self.atom_fits(word.value, lang) || plural {
                return Step::Stop;
            }
            if self.started_with_digits && matches!(self.last, Last::Scale(_)) {
                return Step::Stop; // "$ 280 million first preferred notes"
            }
            self.add_atom(word.value, lang); // "quatre-vingtième"
            self.ordinal = true;
        }
        self.j += 1;
        self.end = self.j;
        Step::Done
    }
}

/// A number expression over tokens `start..end`.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Expr {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) ordinal: bool,
    /// Has a scale word ("million", "milliards"): "de"/"of" may then link it to its unit.
    pub(super) scaled: bool,
    /// Ends with digits (a unit like "m" may follow only digits).
    pub(super) digits: bool,
    /// Ends with a plural word ("fifths", "tiers"): an ordinal then names a fraction.
    pub(super) plural: bool,
    /// A fraction below one ("two thirds", "a half").
    pub(super) fraction: bool,
    /// The last scale word's value ("un million et demi" adds half of it).
    pub(super) last_scale: f64,
    /// A single "one"/"un"/"une": a numerator before an ordinal makes a fraction.
    pub(super) one_word: bool,
}

/// Whether atom `v` may follow atom `last` in one number ("twenty" + "one", "soixante" + "dix").
/// French nouns of a duration or a measure after which "et demi" halves the figure before them
/// ("deux mois et demi" is two and a half months). Not "heures": "deux heures et demie" is a time.
const HALF_AFTER_NOUN: &[&str] =
    &["an", "ans", "annee", "annees", "mois", "semaine", "semaines", "jour", "jours", "siecle", "siecles"];

pub(super) fn atom_follows(last: f64, v: f64, current: f64, lang: Lang) -> bool {
    let tens = last >= 20.0 && last % 10.0 == 0.0;
    match lang {
        Lang::En => tens && v < 10.0,
        Lang::Fr => (tens && v < 20.0) || (last == 10.0 && v < 10.0) || (current % 100.0 == 4.0 && v == 20.0),
    }
}

/// What came last in an expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Last {
    Nothing,
    Digits,
    Atom(f64),
    Hundred,
    Scale(f64),
}

/// A small whole number written in words at `tokens[i]` ("vingt-neuf", "thirty first"): its value,
/// the index past it, and whether it is an ordinal. For days of the month.
pub fn small_number_at(tokens: &[Token], i: usize, lang: Lang) -> Option<(u32, usize, bool)> {
    word_of(&tokens[i], lang)?;
    let expr = Scanner::of_words(tokens, lang).parse_expr(i)?;
    let whole = expr.value.fract() == 0.0 && (0.0..=1000.0).contains(&expr.value) && !expr.fraction;
    whole.then_some((expr.value as u32, expr.end, expr.ordinal))
}

/// A whole number written in words at `tokens[i]`, of any size ("nineteen hundred ninety three",
/// "two thousand and thirty two"): its value and the index past it. For years in words.
pub fn whole_number_words_at(tokens: &[Token], i: usize, lang: Lang) -> Option<(u64, usize)> {
    word_of(&tokens[i], lang)?;
    let expr = Scanner::of_words(tokens, lang).parse_expr(i)?;
    let whole = expr.value.fract() == 0.0 && expr.value >= 0.0 && !expr.fraction && !expr.ordinal;
    whole.then_some((expr.value as u64, expr.end))
}

#[cfg(test)]
mod tests {
    use super::super::tests::values;
    use crate::lang::Lang;

    #[test]
    fn french_number_words() {
        assert_eq!(values("sept", Lang::Fr), ["7"]);
        assert_eq!(values("soixante-dix", Lang::Fr), ["70"]);
        assert_eq!(values("quatre-vingt-dix-neuf", Lang::Fr), ["99"]);
        assert_eq!(values("vingt et un", Lang::Fr), ["21"]);
        assert_eq!(values("cinq cent trente cinq", Lang::Fr), ["535"]);
        assert_eq!(values("trois million sept", Lang::Fr), ["3000007"]);
        assert_eq!(values("un homme", Lang::Fr), Vec::<String>::new());
    }

    #[test]
    fn english_number_words() {
        assert_eq!(values("seven", Lang::En), ["7"]);
        assert_eq!(values("twenty-one", Lang::En), ["21"]);
        assert_eq!(values("a dozen", Lang::En), ["12"]);
        assert_eq!(values("one hundred and sixty-one", Lang::En), ["161"]);
        assert_eq!(values("two hundred and two thousand", Lang::En), ["202000"]);
        assert_eq!(values("one and a half", Lang::En), ["1.5"]);
        assert_eq!(values("three fifths", Lang::En), ["0.6"]);
    }

    #[test]
    fn scales() {
        assert_eq!(values("1,5 million et 3 milliards", Lang::Fr), ["1500000", "3000000000"]);
        assert_eq!(values("2.3 billion", Lang::En), ["2300000000"]);
    }

    #[test]
    fn fractions_of_scales() {
        assert_eq!(values("six million and one half", Lang::En), ["6500000"]);
        assert_eq!(values("four and a half million", Lang::En), ["4500000"]);
        assert_eq!(values("two billion and a half million", Lang::En), ["2000500000"]);
        assert_eq!(values("a quarter of a million", Lang::En), ["250000"]);
        assert_eq!(values("three hundred and seven tenths", Lang::En), ["300.7"]);
        assert_eq!(values("trois millions et demi", Lang::Fr), ["3500000"]);
        assert_eq!(values("depuis deux mois et demi", Lang::Fr), ["2.5"]);
        assert_eq!(values("trois milles", Lang::Fr), ["3"]);
        assert_eq!(values("two twenty-fifths", Lang::En), ["0.08"]);
    }
}
