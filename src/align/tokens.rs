//! Splits a sentence into the tokens that carry evidence across languages: numbers (normalized so
//! that "3 000", "3,000" and "3000" agree) and content words (accent-folded, function words left out).

use crate::lang::Lang;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

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
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut i = 0;
    let mut first_word = true;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_ascii_digit() {
            let (number, next) = read_number(&chars, i);
            out.push(Token::Number(number));
            i = next;
            first_word = false;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].1.is_alphanumeric() {
                i += 1;
            }
            let word = &sentence[chars[start].0..chars.get(i).map_or(sentence.len(), |&(at, _)| at)];
            let capital = !first_word && c.is_uppercase();
            first_word = false;
            push_word(word, capital, lang, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

fn push_word(word: &str, capital: bool, lang: Lang, out: &mut Vec<Token>) {
    let folded = crate::text::fold(word);
    // Number words (data/number_words.tsv), so that "ten-year" meets "10 ans".
    if let Some(n) = crate::facts::numbers::small_cardinal(&folded, lang) {
        out.push(Token::Number(n.to_string()));
        return;
    }
    if folded.chars().count() < 2 || is_stopword(&folded, lang) {
        return;
    }
    out.push(Token::Word { folded, capital });
}

/// Reads digits with thousands separators (a group of exactly three digits after a space, comma
/// or dot) and a decimal part (a comma or dot before other digits). Returns the value and the
/// index after it.
fn read_number(chars: &[(usize, char)], start: usize) -> (String, usize) {
    let digits_from = |mut i: usize| {
        let from = i;
        while i < chars.len() && chars[i].1.is_ascii_digit() {
            i += 1;
        }
        (from, i)
    };
    let (_, mut i) = digits_from(start);
    let mut value: String = chars[start..i].iter().map(|&(_, c)| c).collect();
    let first_group_short = value.len() <= 3;
    while i + 1 < chars.len() {
        let sep = chars[i].1;
        if !matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.') || !chars[i + 1].1.is_ascii_digit() {
            break;
        }
        let (from, to) = digits_from(i + 1);
        let group: String = chars[from..to].iter().map(|&(_, c)| c).collect();
        if group.len() == 3 && first_group_short {
            value.push_str(&group);
        } else if matches!(sep, ',' | '.') {
            value.push('.');
            value.push_str(&group);
            i = to;
            break;
        } else {
            break;
        }
        i = to;
    }
    (value, i)
}

/// Function words: frequent, untranslatable one-to-one, so they carry no evidence.
fn is_stopword(folded: &str, lang: Lang) -> bool {
    static FR: LazyLock<HashSet<&str>> = LazyLock::new(|| FR_STOPWORDS.iter().copied().collect());
    static EN: LazyLock<HashSet<&str>> = LazyLock::new(|| EN_STOPWORDS.iter().copied().collect());
    match lang {
        Lang::Fr => FR.contains(folded),
        Lang::En => EN.contains(folded),
    }
}

/// Accent-folded.
const FR_STOPWORDS: &[&str] = &[
    "ai",
    "aie",
    "aient",
    "aies",
    "ait",
    "alors",
    "as",
    "au",
    "aucun",
    "aucune",
    "aupres",
    "auquel",
    "aura",
    "aurai",
    "auraient",
    "aurais",
    "aurait",
    "auront",
    "aussi",
    "autre",
    "autres",
    "aux",
    "auxquels",
    "avaient",
    "avais",
    "avait",
    "avant",
    "avec",
    "avez",
    "aviez",
    "avions",
    "avoir",
    "avons",
    "ayant",
    "bien",
    "car",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celles",
    "celui",
    "cependant",
    "ces",
    "cet",
    "cette",
    "ceux",
    "chaque",
    "chez",
    "ci",
    "comme",
    "comment",
    "dans",
    "de",
    "des",
    "donc",
    "dont",
    "du",
    "elle",
    "elles",
    "en",
    "encore",
    "entre",
    "es",
    "est",
    "et",
    "etaient",
    "etais",
    "etait",
    "etant",
    "ete",
    "etes",
    "etiez",
    "etions",
    "etre",
    "eu",
    "eue",
    "eux",
    "fait",
    "faire",
    "fais",
    "font",
    "fut",
    "ici",
    "il",
    "ils",
    "je",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lui",
    "ma",
    "mais",
    "me",
    "meme",
    "memes",
    "mes",
    "moi",
    "mon",
    "ne",
    "ni",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "par",
    "parce",
    "pas",
    "peu",
    "plus",
    "pour",
    "pourquoi",
    "qu",
    "quand",
    "que",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "qui",
    "quoi",
    "sa",
    "sans",
    "se",
    "sera",
    "serait",
    "ses",
    "si",
    "sien",
    "soi",
    "soit",
    "son",
    "sont",
    "sous",
    "suis",
    "sur",
    "ta",
    "te",
    "tes",
    "toi",
    "ton",
    "tous",
    "tout",
    "toute",
    "toutes",
    "tres",
    "tu",
    "un",
    "une",
    "unes",
    "uns",
    "vers",
    "voici",
    "voila",
    "vos",
    "votre",
    "vous",
    "ya",
];

/// Lower-case.
const EN_STOPWORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

#[cfg(test)]
mod tests {
    use super::*;

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
