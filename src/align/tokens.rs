//! Splits a sentence into the tokens that carry evidence across languages: numbers (normalized so
//! that "3 000", "3,000" and "3000" agree) and content words (accent-folded, function words left out).

use crate::lang::Lang;

/// One piece of evidence in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A number as a plain decimal string: "3000", "2.5".
    Number(String),
    /// A content word, accent-folded and lower-cased; `capital` when written with a capital
    /// letter away from the sentence start (names are rarer and weigh more).
    Word { folded: String, capital: bool },
    /// A date or a named entity found by the facts stage, by its language-independent value
    /// (États-Unis and United States share one). The tokenizer never makes these.
    Fact(String),
}

/// The tokens of a sentence, in order.
pub fn tokenize(sentence: &str, lang: Lang) -> Vec<Token> {
    let mut out = Vec::new();
    scan(sentence, |scanned| match scanned {
        Scanned::Number(n) => out.push(Token::Number(n)),
        Scanned::Word { text, capital } => match classify(text, lang) {
            WordClass::Number(n) => out.push(Token::Number(n.to_string())),
            WordClass::Skip => {}
            WordClass::Content(folded) => out.push(Token::Word { folded, capital }),
        },
    });
    out
}

/// A token as the scanner finds it, before a word is folded and sorted out by [`classify`]:
/// callers that meet the same word many times (a whole article) classify each word once.
pub(crate) enum Scanned<'a> {
    Number(String),
    Word { text: &'a str, capital: bool },
}

/// What a word is worth as evidence.
pub(crate) enum WordClass {
    /// A number word (data/number_words.tsv), so that "ten-year" meets "10 ans".
    Number(u32),
    /// A function word or a single letter.
    Skip,
    /// A content word, accent-folded.
    Content(String),
}

/// Finds the numbers and the words of a sentence, in order. Walks the text by byte offsets,
/// ASCII as bytes, decoding a character only where one is not ASCII.
pub(crate) fn scan<'a>(sentence: &'a str, mut emit: impl FnMut(Scanned<'a>)) {
    let bytes = sentence.as_bytes();
    let mut at = 0;
    let mut first_word = true;
    while let Some(&b) = bytes.get(at) {
        let (letter, capital, width) = if b.is_ascii() {
            if b.is_ascii_digit() {
                let (number, next) = read_number(sentence, at);
                emit(Scanned::Number(number));
                at = next;
                first_word = false;
                continue;
            }
            (b.is_ascii_alphabetic(), b.is_ascii_uppercase(), 1)
        } else {
            let c = char_at(sentence, at).unwrap_or_default();
            (c.is_alphabetic(), c.is_uppercase(), c.len_utf8())
        };
        if !letter {
            at += width;
            continue;
        }
        let start = at;
        at = word_end(sentence, at + width);
        emit(Scanned::Word { text: &sentence[start..at], capital: capital && !first_word });
        first_word = false;
    }
}

/// Where the run of letters and digits from byte offset `at` ends: ASCII ones read as bytes,
/// others decoded.
#[inline]
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        match char_at(text, at) {
            Some(c) if !c.is_ascii() && c.is_alphanumeric() => at += c.len_utf8(),
            _ => return at,
        }
    }
}

/// The character at byte offset `at` (a char boundary), read as a byte when it is ASCII.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(b as char),
        _ => text[at..].chars().next(),
    }
}

/// Sorts out a word as written: depends on the word and the language only.
pub(crate) fn classify(word: &str, lang: Lang) -> WordClass {
    let folded = crate::text::fold(word);
    if let Some(n) = crate::facts::numbers::small_cardinal(&folded, lang) {
        return WordClass::Number(n);
    }
    if folded.chars().count() < 2 || is_stopword(&folded, lang) {
        return WordClass::Skip;
    }
    WordClass::Content(folded)
}

/// Reads digits with thousands separators (a group of exactly three digits after a space, comma
/// or dot) and a decimal part (a comma or dot before other digits). Returns the value and the
/// byte offset after it.
fn read_number(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let digits_end = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = digits_end(start);
    let mut value = text[start..i].to_string();
    let first_group_short = value.len() <= 3;
    while let Some(sep) = char_at(text, i) {
        let from = i + sep.len_utf8();
        if !matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.') || !bytes.get(from).is_some_and(u8::is_ascii_digit) {
            break;
        }
        let to = digits_end(from);
        let group = &text[from..to];
        if group.len() == 3 && first_group_short {
            value.push_str(group);
        } else if matches!(sep, ',' | '.') {
            value.push('.');
            value.push_str(group);
            i = to;
            break;
        } else {
            break;
        }
        i = to;
    }
    (value, i)
}

/// The function words of `newsalign_tables::stopwords`, laid out by `build.rs` as sets read in place.
mod stopword_sets {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/align_stopwords.rs"));
}

/// Function words: frequent, untranslatable one-to-one, so they carry no evidence.
fn is_stopword(folded: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => stopword_sets::FR.contains(folded),
        Lang::En => stopword_sets::EN.contains(folded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsalign_tables::stopwords;

    #[test]
    fn build_time_sets_hold_the_stopwords() {
        for (lang, words) in [(Lang::Fr, stopwords::FR_STOPWORDS), (Lang::En, stopwords::EN_STOPWORDS)] {
            assert!(words.iter().all(|w| is_stopword(w, lang)));
        }
        let distinct = |words: &[&str]| words.iter().collect::<std::collections::HashSet<_>>().len();
        assert_eq!(stopword_sets::FR.keys.len(), distinct(stopwords::FR_STOPWORDS));
        assert_eq!(stopword_sets::EN.keys.len(), distinct(stopwords::EN_STOPWORDS));
        assert!(!is_stopword("gouvernement", Lang::Fr));
    }

    fn numbers(s: &str) -> Vec<String> {
        tokenize(s, Lang::Fr)
            .into_iter()
            .filter_map(|t| match t {
                Token::Number(n) => Some(n),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbers_agree_across_conventions() {
        assert_eq!(numbers("3 000 et 3,000 et 3000"), ["3000", "3000", "3000"]);
        assert_eq!(numbers("2,5 % puis 12.75"), ["2.5", "12.75"]);
        assert_eq!(numbers("en 2013 100 personnes"), ["2013", "100"]);
        assert_eq!(numbers("dix ans"), ["10"]);
    }

    /// What [`scan`] finds, as strings: `#` before a number, `^` before a capitalized word.
    fn scanned(sentence: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan(sentence, |s| {
            out.push(match s {
                Scanned::Number(n) => format!("#{n}"),
                Scanned::Word { text, capital } => format!("{}{text}", if capital { "^" } else { "" }),
            })
        });
        out
    }

    /// The byte walk handles letters and separators of several bytes where they meet numbers and words.
    #[test]
    fn scan_reads_multibyte_text() {
        assert_eq!(scanned("Élèves: 1\u{202f}000 à Ça"), ["Élèves", "#1000", "à", "^Ça"]);
        assert_eq!(scanned("3\u{a0}000\u{a0}000 € et 2,5\u{a0}%"), ["#3000000", "et", "#2.5"]);
        assert_eq!(scanned("l’État—Œuvre 12e, 1.000,5 km"), ["l", "^État", "^Œuvre", "#12", "e", "#1000.5", "km"]);
        assert_eq!(scanned("fin 3 000."), ["fin", "#3000"]);
        assert_eq!(scanned("x 12 3456 7,"), ["x", "#12", "#3456", "#7"]);
        assert_eq!(scanned("日本語 b2b 𝔸x"), ["日本語", "b2b", "^𝔸x"]);
        assert_eq!(scanned(""), Vec::<String>::new());
    }

    #[test]
    fn words_are_folded_and_function_words_dropped() {
        let words: Vec<Token> = tokenize("Le gouvernement d'Ottawa a été attaqué", Lang::Fr);
        assert_eq!(
            words,
            [
                Token::Word { folded: "gouvernement".into(), capital: false },
                Token::Word { folded: "ottawa".into(), capital: true },
                Token::Word { folded: "attaque".into(), capital: false },
            ]
        );
    }
}
