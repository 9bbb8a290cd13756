//! The number words, currencies and units of `data/`, as laid out by `build.rs`, and what a
//! token is among them.

use crate::facts::lexicon::DataForm;
use crate::facts::tokens::Token;
pub(super) use crate::facts::tokens::{NumWord, WordClass};
use crate::lang::Lang;

pub(super) fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

impl NumWord {
    /// The number word of a `data/number_words.tsv` row (`lang, word, value, class`).
    fn of_row(line: &str) -> NumWord {
        let mut fields = line.split('\t').skip(2);
        let value = fields.next().and_then(|v| v.parse().ok()).expect("number_words.tsv: bad value");
        let class = match fields.next().unwrap_or_default() {
            "atom" => WordClass::Atom,
            "hundred" => WordClass::Hundred,
            "scale" => WordClass::Scale,
            "dozen" => WordClass::Dozen,
            "ordinal" => WordClass::Ordinal,
            "ordscale" => WordClass::OrdScale,
            _ => WordClass::Fraction,
        };
        NumWord { value, class }
    }
}

/// The number word `folded` (a whole folded word) is in `lang`.
pub(super) fn number_word(folded: &str, lang: Lang) -> Option<NumWord> {
    embedded::NUMBER_WORDS[lang_index(lang)].get(folded).map(NumWord::of_row)
}

/// The value of a cardinal number word of `lang` from 2 to 1,000 ("treize", "thirteen", "cent"):
/// what alignment reads as a number. "un"/"one" are left out, being mostly articles and pronouns.
pub fn small_cardinal(folded: &str, lang: Lang) -> Option<u32> {
    let word = number_word(folded, lang)?;
    let cardinal = matches!(word.class, WordClass::Atom | WordClass::Hundred | WordClass::Scale);
    (cardinal && (2.0..=1000.0).contains(&word.value)).then_some(word.value as u32)
}

/// The values of a folded scale word in either language ("million", "milliards", "bn"; "billion"
/// is 1e9 in English and 1e12 in French); empty for any other word.
pub fn scale_values(folded: &str) -> Vec<f64> {
    let words = [Lang::Fr, Lang::En].into_iter().filter_map(|lang| number_word(folded, lang));
    words.filter(|w| w.class == WordClass::Scale).map(|w| w.value).collect()
}

/// A currency form and what it means.
#[derive(Clone, Copy, Debug)]
pub(super) struct Currency {
    pub(super) code: &'static str,
    /// The amount is in 1/divisor of the currency (cents, pence).
    pub(super) divisor: f64,
    /// Also a unit of weight: money only with a scale word or a sign.
    pub(super) ambiguous: bool,
    /// A sign or code, which may come before the amount ("$5", "USD 200").
    pub(super) sign: bool,
    /// An ISO code in letters ("USD", "TRY"): only in capitals, so that "try one" is no money.
    pub(super) iso_letters: bool,
}

/// The number words, currency and unit forms of `data/`, laid out by `build.rs`: building their
/// tables at every start-up was a twelfth of a short `align` run.
pub(super) mod embedded {
    use crate::facts::lexicon::{StaticPhrases, StaticRows};
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/number_tables.rs"));
    include!(concat!(env!("OUT_DIR"), "/number_names.rs"));
}

impl Currency {
    /// The currency a form of a `data/currencies.tsv` row names.
    pub(super) fn of(row: DataForm) -> Currency {
        let code = row.line.split('\t').next().unwrap_or_default();
        let ambiguous = code.starts_with('?');
        let code = code.trim_start_matches('?');
        let (code, divisor) = match code.split_once('/') {
            Some((c, d)) => (c, d.parse().expect("currencies.tsv: bad divisor")),
            None => (code, 1.0),
        };
        let is_code = row.form.eq_ignore_ascii_case(code);
        let sign = row.form.chars().any(|c| !c.is_alphabetic() && c != ' ') || is_code;
        Currency { code, divisor, ambiguous, sign, iso_letters: is_code }
    }
}

/// A unit form: its symbol, and whether it only counts right after digits ("48m").
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    pub(super) symbol: &'static str,
    pub(super) after_digits_only: bool,
}

impl Unit {
    /// The unit a form of a `data/units.tsv` row names.
    pub(super) fn of(row: DataForm) -> Unit {
        Unit { symbol: row.line.split('\t').next().unwrap_or_default(), after_digits_only: row.form.starts_with('=') }
    }
}

/// The number word `tok` is in `lang`, and whether it is a plural ("millions"); looked up once a
/// token.
pub(super) fn word_of(tok: &Token, lang: Lang) -> Option<(NumWord, bool)> {
    if !tok.is_word() {
        return None;
    }
    *tok.number_word[lang_index(lang)].get_or_init(|| look_up_word(tok, lang))
}

/// Whether `tok` is a number word of `lang` ("deux", "millions", "twentieth").
pub(crate) fn is_number_word(tok: &Token, lang: Lang) -> bool {
    word_of(tok, lang).is_some()
}

pub(super) fn look_up_word(tok: &Token, lang: Lang) -> Option<(NumWord, bool)> {
    if let Some(w) = number_word(&tok.folded, lang) {
        return Some((w, false));
    }
    // "mille" never takes a plural: "trois milles" are miles.
    let singular = tok.folded.strip_suffix('s').filter(|w| !(lang == Lang::Fr && *w == "mille"))?;
    number_word(singular, lang).map(|w| (w, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::lexicon::DataForm;

    /// The tables `build.rs` wrote find what phrase tables built at run time would, and every
    /// form of the data makes a value.
    #[test]
    fn build_time_tables_match_run_time_phrase_tables() {
        let currencies = include_str!("../../../data/currencies.tsv");
        embedded::CURRENCIES.assert_matches_run_time(currencies, 2, &[]);
        embedded::UNITS.assert_matches_run_time(include_str!("../../../data/units.tsv"), 2, &['=']);
        let names: std::collections::HashSet<&str> =
            crate::facts::phrase_data::word_lines(include_str!("../../../data/number_names.txt")).collect();
        assert!(names.iter().all(|w| embedded::NUMBER_NAMES.contains(w)));
        assert_eq!(names.len(), embedded::NUMBER_NAMES.keys.len());
        // Number words: the last row of a word wins, as a map filled in file order would have it.
        let mut expected: [rustc_hash::FxHashMap<&str, &str>; 2] = Default::default();
        for row in
            crate::facts::lexicon::rows(include_str!("../../../data/number_words.tsv")).filter(|row| row.len() == 4)
        {
            expected[usize::from(row[0] != "fr")].insert(row[1], row[2]);
        }
        for (lang, words) in [Lang::Fr, Lang::En].into_iter().zip(expected) {
            assert_eq!(embedded::NUMBER_WORDS[lang_index(lang)].keys.keys.len(), words.len());
            for (word, value) in words {
                let line = embedded::NUMBER_WORDS[lang_index(lang)].get(word).unwrap();
                assert_eq!(line.split('\t').nth(2), Some(value), "{word}");
                assert_eq!(number_word(word, lang).map(|w| w.value), value.parse().ok(), "{word}");
            }
        }
        for (line, form) in crate::facts::phrase_data::listed_forms(currencies, 2) {
            assert!(Currency::of(DataForm { line, form }).divisor >= 1.0, "{line}");
        }
    }
}
