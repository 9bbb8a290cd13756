//! Numbers, ordinals, percents, money and quantities, in French and English.
//!
//! A number expression is read from the tokens: digits ("3 000", "1,5", "4.800"), words
//! ("quatre-vingt-dix-neuf", "twenty-one"), or both ("1,5 million", "3 hundred"). What follows or
//! precedes it decides its kind: a currency makes it money, a unit a quantity ("%" is a unit here,
//! so percents come out of the same path), an ordinal suffix or word an ordinal.

mod compound;
mod expr;
mod kinds;
mod scanner;
mod tables;

pub use super::digits::{scan_digits, NumLit};
pub use expr::{small_number_at, whole_number_words_at};
pub(crate) use tables::is_number_word;
pub use tables::{scale_values, small_cardinal};

use super::tokens::{Token, NUMBER_START};
use super::Fact;
use crate::lang::Lang;
use expr::Expr;
use scanner::Scanner;

/// Whether a number fact may start at `tok`. Digits and marks may (a sign, a currency symbol);
/// a word only as a number word, the first word of a currency or a unit ("percent of 10"), a
/// sign or an article ([`NUMBER_OPENERS`](super::phrase_data::NUMBER_OPENERS)), a Roman ordinal
/// ("XXIe") or a code in millions ("MUSD"). Most words are none of these: one look-up turns
/// them away, instead of one for each pattern.
fn may_start_number(tok: &Token) -> bool {
    !tok.is_word()
        || matches!(tok.text.as_bytes().first(), Some(b'I' | b'V' | b'X' | b'L' | b'C' | b'M'))
        || tok.cued(NUMBER_START)
}

/// Extracts the number facts of a token list, skipping claimed tokens and claiming what it uses.
pub fn extract(text: &str, tokens: &[Token], claimed: &mut [bool], lang: Lang, out: &mut Vec<Fact>) {
    let mut i = 0;
    while i < tokens.len() {
        if claimed[i] || !may_start_number(&tokens[i]) {
            i += 1;
            continue;
        }
        let scan = Scanner { text, tokens, lang, claimed };
        match scan.number_at(i) {
            Some((end, Some(f))) => {
                claimed[i..end].iter_mut().for_each(|c| *c = true);
                out.push(f);
                i = end;
            }
            // Digits of a name: left for the entity extractor.
            Some((end, None)) => i = end,
            None => i += 1,
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::facts::tokens::tokenize;
    use crate::facts::FactKind;

    use super::*;

    pub(in crate::facts) fn facts(text: &str, lang: Lang) -> Vec<(FactKind, String, Option<String>)> {
        let tokens = tokenize(text, lang, &[0]);
        let mut claimed = vec![false; tokens.len()];
        let mut out = Vec::new();
        extract(text, &tokens, &mut claimed, lang, &mut out);
        out.into_iter().map(|f| (f.kind, f.value, f.unit)).collect()
    }

    pub(in crate::facts) fn values(text: &str, lang: Lang) -> Vec<String> {
        facts(text, lang).into_iter().map(|f| f.1).collect()
    }

    /// Every token where a number fact starts (by every pattern, ungated) passes the gate: on
    /// phrases that open with a sign, an article, a unit or a currency word, the samples, and
    /// the shared evaluation texts when present (read in place). The gate does skip plain words.
    #[test]
    fn every_number_start_passes_the_gate() {
        let phrases = [
            (
                Lang::En,
                "minus five, negative 3, half a dozen, a third, an hour, percent of 10, dollars 5, XXIe, MUSD 5",
            ),
            (Lang::Fr, "moins cinq, un tiers, une demi-heure, pourcentage de vingt, euros 3, le XIXe siècle, IIIe"),
        ];
        let texts = super::super::gate_test_texts(&phrases);
        let mut skipped = 0;
        for (lang, text) in &texts {
            let tokens = tokenize(text, *lang, &[0]);
            let claimed = vec![false; tokens.len()];
            let scan = Scanner { text, tokens: &tokens, lang: *lang, claimed: &claimed };
            for (i, tok) in tokens.iter().enumerate() {
                let gate = may_start_number(tok);
                skipped += usize::from(!gate);
                assert!(gate || scan.number_at(i).is_none(), "{text:?} at {:?}", tok.text);
            }
        }
        assert!(skipped > 0);
        for word in crate::facts::phrase_data::NUMBER_OPENERS {
            assert!(may_start_number(&tokenize(word, Lang::En, &[0])[0]), "{word}");
        }
        assert!(!tokenize("She walked home", Lang::En, &[0]).iter().any(may_start_number));
    }
}
