//! The per-article sketch: everything dedup needs to know about an article, and nothing else.
//!
//! Making a sketch is a pure map from one article to a small record (about 1 KB), so the corpus
//! never has to sit in memory and the map can run anywhere (`newsalign sketch`, docs/dedup.md).

use super::hash::{self, combine, StableHasher};
use super::{lsh, minhash};
use crate::document::Document;
use crate::facts::{DocumentFacts, FactKind};
use crate::lang::Lang;

/// Words per shingle: three words keep the order of a sentence while a dropped clause only
/// changes the few shingles that straddle it.
pub const SHINGLE_WORDS: usize = 3;

/// What dedup keeps of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Sketch {
    pub id: String,
    pub lang: Lang,
    /// Hash of the content text (noise sentences left out, white space collapsed); `None` when the
    /// article has no content sentence.
    pub exact: Option<u64>,
    /// How many distinct shingles the MinHash signature was made from.
    pub shingles: u32,
    pub minhash: Vec<u32>,
    /// Language-independent keys (numbers, names, fact values) of each content sentence that has
    /// any, each list sorted and without repeats. What translations are found and verified with.
    pub anchors: Vec<Vec<u64>>,
}

impl Sketch {
    /// The LSH band keys of the MinHash signature, salted with the language.
    pub fn band_keys(&self) -> Vec<u64> {
        lsh::band_keys(&self.minhash, lsh::salt(self.lang.code()))
    }

    /// All anchor keys of the article, sorted, without repeats.
    pub fn anchor_set(&self) -> Vec<u64> {
        let mut keys: Vec<u64> = self.anchors.iter().flatten().copied().collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// Sketches one analysed article. Noise sentences (bylines, footers, "Read more") are left out
/// of every part, so that re-publications that only add them look like the original.
pub fn sketch(doc: &Document, facts: &DocumentFacts) -> Sketch {
    let content: Vec<&crate::document::Sentence> = doc.content_sentences().collect();
    let exact = (!content.is_empty()).then(|| {
        let mut h = StableHasher::default();
        for s in &content {
            for word in doc.text[s.start..s.end].split_whitespace() {
                h.write(word.as_bytes());
                h.write(b" ");
            }
        }
        h.finish()
    });
    let mut words = Vec::new();
    if let Some(title) = &doc.title {
        word_hashes(title, &mut words);
    }
    for s in &content {
        word_hashes(&doc.text[s.start..s.end], &mut words);
    }
    let mut shingles = shingle_hashes(&words);
    shingles.sort_unstable();
    shingles.dedup();
    let anchors = content
        .iter()
        .map(|s| {
            let mut keys = anchor_keys(&doc.text[s.start..s.end]);
            if let Some(ids) = facts.by_sentence.get(s.index) {
                keys.extend(ids.iter().filter_map(|&i| facts.facts.get(i)).filter_map(fact_key));
            }
            keys.sort_unstable();
            keys.dedup();
            keys
        })
        .filter(|keys| !keys.is_empty())
        .collect();
    Sketch {
        id: doc.id.clone(),
        lang: doc.lang,
        exact,
        shingles: shingles.len() as u32,
        minhash: minhash::signature(&shingles).to_vec(),
        anchors,
    }
}

/// The hashes of the lower-cased words of `text`, appended to `out`. A word is a run of letters
/// or digits; everything else separates words.
pub fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if word.is_ascii() {
            let mut h = StableHasher::default();
            for b in word.bytes() {
                h.write(&[b.to_ascii_lowercase()]);
            }
            out.push(h.finish());
        } else {
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            out.push(hash::hash_bytes(buf.as_bytes()));
        }
    }
}

/// Hashes of every run of [`SHINGLE_WORDS`] consecutive words (the words themselves when the text
/// is shorter than one shingle).
pub fn shingle_hashes(words: &[u64]) -> Vec<u64> {
    if words.len() < SHINGLE_WORDS {
        return words.to_vec();
    }
    words.windows(SHINGLE_WORDS).map(|w| w.iter().fold(0, |h, &x| combine(h, x))).collect()
}

/// The key of a fact, when the facts stage found one: its kind and normalised value (and unit),
/// which are the same in both languages by construction.
fn fact_key(fact: &crate::facts::Fact) -> Option<u64> {
    let tag: &[u8] = match fact.kind {
        FactKind::Entity => b"e",
        FactKind::Date => b"d",
        FactKind::Number | FactKind::Ordinal => b"n",
        FactKind::Percent | FactKind::Money | FactKind::Quantity => b"q",
    };
    if fact.value.is_empty() {
        return None;
    }
    let mut h = StableHasher::default();
    h.write(tag);
    h.write(fact.value.as_bytes());
    if let Some(unit) = &fact.unit {
        h.write(b"/");
        h.write(unit.as_bytes());
    }
    Some(h.finish())
}

/// A lower-case word of at least this many letters yields a cognate key...
const COGNATE_MIN_LETTERS: usize = 6;
/// ...made of its first letters (bytes, once folded to ASCII): long enough to tell words apart,
/// short enough to pass over the endings where the two languages differ.
const COGNATE_PREFIX: usize = 5;

/// Separators of thousands groups: "3 000", "3,000", "3.000", and the no-break spaces French uses.
fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | ',' | '.' | '\u{a0}' | '\u{202f}' | '\'')
}

/// Keys that read the same in both languages and that a sentence can be recognised by across a
/// translation, found without parsing: every run of digits (leading zeros dropped, and thousands
/// groups also joined, so "3 000" and "3,000" share the key of 3000); every capitalised word,
/// folded ("Montréal" = "Montreal"; acronyms such as TSA, names, places); and the first letters
/// of every long lower-case word, which catch the many French–English cognates ("télévisions" and
/// "television", "évacuée" and "evacuated"). Words that only one language uses ("The", "Le",
/// "pompiers") match nothing across languages and weigh nothing (see `translate`). The facts stage
/// adds normalised values on top of these (États-Unis = United States).
pub fn anchor_keys(sentence: &str) -> Vec<u64> {
    let mut keys = Vec::new();
    let mut joined = String::new();
    let mut folded = String::new();
    // Whether the previous run was digits, and whether it was one group separator after digits.
    let (mut after_digits, mut after_separator) = (false, false);
    for (class, token) in runs(sentence) {
        match class {
            CharClass::Digit => {
                let digits = token.trim_start_matches('0');
                let digits = if digits.is_empty() { "0" } else { digits };
                keys.push(tagged(b"#", digits));
                if after_separator && token.len() == 3 && !joined.is_empty() {
                    joined.push_str(token);
                    keys.push(tagged(b"#", &joined));
                } else {
                    joined.clear();
                    joined.push_str(digits);
                }
            }
            CharClass::Letter => {
                let mut chars = token.chars();
                let first = chars.next().unwrap_or(' ');
                let letters = 1 + chars.count();
                if first.is_uppercase() && letters >= 2 {
                    fold_into(token, &mut folded);
                    keys.push(tagged(b"w", &folded));
                } else if letters >= COGNATE_MIN_LETTERS {
                    fold_into(token, &mut folded);
                    keys.push(tagged(b"c", crate::text::prefix_at_char_boundary(&folded, COGNATE_PREFIX)));
                }
            }
            CharClass::Other => {}
        }
        let separator = class == CharClass::Other && after_digits && token.chars().count() == 1 && {
            token.chars().all(is_group_separator)
        };
        if class != CharClass::Digit && !separator {
            joined.clear();
        }
        after_separator = separator;
        after_digits = class == CharClass::Digit;
    }
    keys
}

/// Lower-cases and strips accents into `out` ([`crate::text::fold`]), without allocating for the
/// common all-ASCII word.
fn fold_into(token: &str, out: &mut String) {
    out.clear();
    if token.is_ascii() {
        out.extend(token.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&crate::text::fold(token));
    }
}

/// The maximal runs of letters, of digits and of other characters of a text, in order.
fn runs(text: &str) -> impl Iterator<Item = (CharClass, &str)> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.next()?;
        let class = char_class(c);
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if char_class(d) != class {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        Some((class, &text[start..end]))
    })
}

fn tagged(tag: &[u8], value: &str) -> u64 {
    let mut h = StableHasher::default();
    h.write(tag);
    h.write(value.as_bytes());
    h.finish()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Letter,
    Digit,
    Other,
}

fn char_class(c: char) -> CharClass {
    if c.is_ascii_digit() {
        CharClass::Digit
    } else if c.is_alphabetic() {
        CharClass::Letter
    } else {
        CharClass::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Sentence;

    fn doc(id: &str, lang: Lang, text: &str, noise_last: bool) -> Document {
        let spans = crate::segment::split(text, lang);
        let n = spans.len();
        Document {
            id: id.into(),
            text: text.into(),
            lang,
            published: None,
            title: None,
            url: None,
            sentences: spans
                .into_iter()
                .enumerate()
                .map(|(index, r)| Sentence { index, start: r.start, end: r.end, noise: noise_last && index == n - 1 })
                .collect(),
        }
    }

    fn keys(text: &str) -> Vec<u64> {
        let mut k = anchor_keys(text);
        k.sort_unstable();
        k.dedup();
        k
    }

    #[test]
    fn numbers_match_across_formats() {
        let fr = keys("Il a versé 3 000 euros.");
        let en = keys("He paid 3,000 euros.");
        assert!(fr.contains(&tagged(b"#", "3000")) && en.contains(&tagged(b"#", "3000")));
        assert!(keys("à 9h30").contains(&tagged(b"#", "30")));
        assert!(keys("at 9.30am").contains(&tagged(b"#", "30")));
        assert!(!keys("at 9.30am").contains(&tagged(b"#", "930")));
        assert!(keys("le 05").contains(&tagged(b"#", "5")));
    }

    #[test]
    fn names_match_without_accents() {
        let fr = keys("Le maire de Montréal, selon la TSA.");
        let en = keys("The mayor of Montreal, according to the TSA.");
        let shared: Vec<_> = fr.iter().filter(|k| en.contains(k)).collect();
        assert_eq!(shared.len(), 2);
        assert!(keys("il y a eu un tir").is_empty());
        assert_eq!(keys("les télévisions"), keys("television"), "long words meet by their first letters");
    }

    #[test]
    fn white_space_and_noise_do_not_change_the_exact_hash() {
        let a = doc("a", Lang::En, "The mayor spoke on Monday.\n\nHe left at noon.", false);
        let b = doc("b", Lang::En, "The mayor  spoke\non Monday. He left at noon.\n© 2014 The Daily Courier", true);
        let c = doc("c", Lang::En, "The Mayor spoke on Monday. He left at noon.", false);
        let (sa, sb, sc) =
            (sketch(&a, &Default::default()), sketch(&b, &Default::default()), sketch(&c, &Default::default()));
        assert_eq!(sa.exact, sb.exact);
        assert_ne!(sa.exact, sc.exact);
        assert_eq!(sa.minhash, sc.minhash, "shingles are case-blind");
        assert_eq!(sa.anchors.len(), 2);
    }

    #[test]
    fn fact_values_become_anchors() {
        let d = doc("a", Lang::Fr, "Les États-Unis ont voté.", false);
        let facts = DocumentFacts {
            facts: vec![crate::facts::Fact {
                kind: FactKind::Entity,
                start: 4,
                end: 15,
                text: "États-Unis".into(),
                value: "united_states".into(),
                unit: None,
                entity_type: None,
            }],
            by_sentence: vec![vec![0]],
        };
        let with = sketch(&d, &facts);
        let without = sketch(&d, &Default::default());
        assert_eq!(with.anchors[0].len(), without.anchors[0].len() + 1);
    }

    #[test]
    fn short_texts_still_have_shingles() {
        assert_eq!(shingle_hashes(&[1, 2]), vec![1, 2]);
        assert_eq!(shingle_hashes(&[1, 2, 3, 4]).len(), 2);
    }
}
