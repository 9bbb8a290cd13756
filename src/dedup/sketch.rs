//! The per-article sketch: everything dedup needs to know about an article, and nothing else.
//!
//! Making a sketch is a pure map from one article to a small record (about 1 KB), so the corpus
//! never has to sit in memory and the map can run anywhere (`newsalign sketch`, docs/dedup.md).

use super::hash::{combine, StableHasher};
use super::{lexicon, lsh, minhash};
use crate::document::Document;
use crate::facts::{DocumentFacts, FactKind};
use crate::lang::Lang;
use std::sync::LazyLock;
use xxhash_rust::xxh3::Xxh3;

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
    /// Language-independent keys (numbers, names, fact values) of each content sentence, each
    /// list sorted and without repeats (empty for a sentence without any). What the sentences of
    /// two languages are linked by (`translate`).
    pub anchors: Vec<Vec<u64>>,
    /// The hash of each content sentence's lower-cased words, in order (same length as
    /// `anchors`): copies of one sentence, wherever they are reused, share it.
    pub sentences: Vec<u64>,
    /// The hash of each content sentence's first [`HEAD_WORDS`] words (all of them when it is
    /// shorter): a re-publication that shortens a sentence by a clause keeps its beginning.
    pub heads: Vec<u64>,
}

/// Words of a sentence's beginning that identify it across light edits (see [`Sketch::heads`]).
pub const HEAD_WORDS: usize = 6;

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
    sketch_with(doc, facts, true)
}

/// A sketch without anchors (every sentence's list empty): all that a run without translations
/// uses, for about two thirds of the cost (the anchor keys and their lexicon look-ups are most of
/// a sketch's work).
pub fn sketch_without_anchors(doc: &Document) -> Sketch {
    sketch_with(doc, &DocumentFacts::default(), false)
}

fn sketch_with(doc: &Document, facts: &DocumentFacts, with_anchors: bool) -> Sketch {
    let content: Vec<&crate::document::Sentence> = doc.content_sentences().collect();
    let exact = (!content.is_empty()).then(|| {
        let (mut h, mut scratch) = (Xxh3::new(), Vec::new());
        for s in &content {
            hash_words_spaced(&doc.text[s.start..s.end], &mut h, &mut scratch);
        }
        h.digest()
    });
    // About one word every six bytes: sized once rather than grown word by word.
    let mut words = Vec::with_capacity(doc.text.len() / 6 + 16);
    if let Some(title) = &doc.title {
        word_hashes(title, &mut words);
    }
    // One pass over each sentence yields both its words (for shingles) and its anchors.
    let mut anchors = Vec::with_capacity(content.len());
    let mut sentences = Vec::with_capacity(content.len());
    let mut heads = Vec::with_capacity(content.len());
    let mut keys = Vec::with_capacity(64);
    lexicon::with_cache(|cache| {
        for s in &content {
            keys.clear();
            let runs = with_anchors.then(|| AnchorRuns::new(&mut keys, Some((&mut *cache, doc.lang))));
            let first_word = words.len();
            scan(&doc.text[s.start..s.end], &mut words, runs);
            let sentence_words = &words[first_word..];
            sentences.push(sentence_words.iter().fold(0x5e17, |h, &w| combine(h, w)));
            heads.push(sentence_words.iter().take(HEAD_WORDS).fold(0x4ead, |h, &w| combine(h, w)));
            if let Some(ids) = facts.by_sentence.get(s.index) {
                keys.extend(ids.iter().filter_map(|&i| facts.facts.get(i)).filter_map(fact_key));
            }
            if !with_anchors {
                anchors.push(Vec::new());
                continue;
            }
            keys.sort_unstable();
            keys.dedup();
            anchors.push(keys.to_vec());
        }
    });
    // A signature does not mind repeats: only their number needs the distinct shingles.
    let shingles = shingle_hashes(&words);
    Sketch {
        id: doc.id.clone(),
        lang: doc.lang,
        exact,
        shingles: distinct_count(&shingles) as u32,
        minhash: minhash::signature(&shingles).to_vec(),
        anchors,
        sentences,
        heads,
    }
}

/// The character of `text` starting at byte `i`, and its length in bytes: an ASCII byte is read
/// as it is, without decoding.
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => {
            let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        }
    }
}

/// Appends each white-space separated word of `text` followed by one space, as
/// `split_whitespace` would give them: a word's bytes are copied at once, and only the lead bytes
/// of the few characters that may be white space are decoded.
fn push_words_spaced(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let (mut i, mut word) = (0, None);
    while i < bytes.len() {
        match crate::text::space_len(text, i) {
            0 => {
                word.get_or_insert(i);
                i += 1;
            }
            len => {
                if let Some(start) = word.take() {
                    out.extend_from_slice(&bytes[start..i]);
                    out.push(b' ');
                }
                i += len;
            }
        }
    }
    if let Some(start) = word {
        out.extend_from_slice(&bytes[start..]);
        out.push(b' ');
    }
}

/// Feeds the words of `text`, each followed by one space ([`push_words_spaced`]), to the content
/// hash of an article ([`Sketch::exact`]): XXH3, a stable hash that reads eight bytes at a time
/// (the content is most of the text). Most sentences are words between single spaces already,
/// which a few vectorised searches tell: those are hashed as they are, without a copy.
fn hash_words_spaced(text: &str, h: &mut Xxh3, scratch: &mut Vec<u8>) {
    if is_single_spaced(text) {
        h.update(text.as_bytes());
        h.update(b" ");
    } else {
        scratch.clear();
        push_words_spaced(text, scratch);
        h.update(scratch);
    }
}

/// Whether `text` is words separated by single ASCII spaces, without white space at either end:
/// then it is its own [`push_words_spaced`] but for the last space.
fn is_single_spaced(text: &str) -> bool {
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let b = text.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    first != b' '
        && last != b' '
        && memchr::memchr3(b'\t', b'\n', b'\r', b).is_none()
        && memchr::memchr2(0x0b, 0x0c, b).is_none()
        && DOUBLE_SPACE.find(b).is_none()
        // The lead bytes of the other white space characters (U+0085, U+00A0, U+1680,
        // U+2000–U+205F, U+3000), most of which begin other characters (« », ’, …).
        && memchr::memchr3_iter(0xc2, 0xe1, 0xe2, b)
            .chain(memchr::memchr_iter(0xe3, b))
            .all(|i| crate::text::space_len(text, i) == 0)
}

/// The hashes of the lower-cased words of `text`, appended to `out`. A word is a run of letters
/// or digits; everything else separates words.
pub fn word_hashes(text: &str, out: &mut Vec<u64>) {
    scan(text, out, None);
}

/// Hashes of every run of [`SHINGLE_WORDS`] consecutive words (the words themselves when the text
/// is shorter than one shingle).
pub fn shingle_hashes(words: &[u64]) -> Vec<u64> {
    if words.len() < SHINGLE_WORDS {
        return words.to_vec();
    }
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor was just found to support AVX2.
            return unsafe { shingles_avx2(words) };
        }
    }
    shingles(words)
}

/// [`shingle_hashes`] compiled for AVX2 (four hashes at a time instead of two).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn shingles_avx2(words: &[u64]) -> Vec<u64> {
    shingles(words)
}

/// The hash of each window of [`SHINGLE_WORDS`] words, `combine` folded from 0 over its words.
/// The first step of a window depends on its first word only: it is taken once per word, not
/// once per window the word begins.
#[inline(always)]
fn shingles(words: &[u64]) -> Vec<u64> {
    // Plain loops over slices, so that the whole of it is compiled inside `shingles_avx2`.
    let mut first = vec![0u64; words.len()];
    for (h, &w) in first.iter_mut().zip(words) {
        *h = combine(0, w);
    }
    let mut out = vec![0u64; words.len() + 1 - SHINGLE_WORDS];
    for (i, h) in out.iter_mut().enumerate() {
        *h = words[i + 1..i + SHINGLE_WORDS].iter().fold(first[i], |h, &x| combine(h, x));
    }
    out
}

/// How many distinct values `hashes` holds (well-mixed hashes: their low bits pick a slot), with
/// an open-addressing table instead of a sort: a few hundred shingles an article.
fn distinct_count(hashes: &[u64]) -> usize {
    if hashes.len() < 2 {
        return hashes.len();
    }
    let mask = (hashes.len() * 2).next_power_of_two() - 1;
    let mut table = vec![0u64; mask + 1];
    let (mut count, mut zero) = (0, false);
    for &x in hashes {
        if x == 0 {
            // 0 marks an empty slot: the hash 0 is counted apart.
            count += usize::from(!zero);
            zero = true;
            continue;
        }
        let mut slot = x as usize & mask;
        loop {
            match table[slot] {
                0 => {
                    table[slot] = x;
                    count += 1;
                    break;
                }
                y if y == x => break,
                _ => slot = (slot + 1) & mask,
            }
        }
    }
    count
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

/// A lower-case word of at least this many letters yields a cognate key, and any word that long
/// its lexicon translation key ([`lexicon`]; shorter words, "loi", "État", are too often topical
/// words that two stories on one subject share)...
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
/// adds normalised values on top of these (États-Unis = United States). These keys need no
/// language; a sketch also adds the translation keys of the lexicon ([`super::lexicon`]).
pub fn anchor_keys(sentence: &str) -> Vec<u64> {
    let mut keys = Vec::new();
    scan(sentence, &mut Vec::new(), Some(AnchorRuns::new(&mut keys, None)));
    keys
}

/// One pass over a text: the hash of each lower-cased word goes to `words` ([`word_hashes`]) and,
/// when asked, its anchor keys to `anchors` ([`anchor_keys`]). Sketching is the per-article cost
/// of a dedup run, so the text is read once, byte by byte for ASCII, and nothing is allocated
/// for an ASCII word.
fn scan(text: &str, words: &mut Vec<u64>, mut runs: Option<AnchorRuns>) {
    let mut word: Option<StableHasher> = None;
    let mut run = Run { start: 0, class: CharClass::Other, chars: 0, ascii: true, capital: false };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // A stretch of ASCII letters, or of ASCII digits: one class, and all of it in the
            // current word, hashed in a tight loop.
            let digits = b.is_ascii_digit();
            let h = word.get_or_insert_with(StableHasher::default);
            let mut j = i;
            while j < bytes.len() && if digits { bytes[j].is_ascii_digit() } else { bytes[j].is_ascii_alphabetic() } {
                h.write_byte(bytes[j].to_ascii_lowercase());
                j += 1;
            }
            if let Some(runs) = runs.as_mut() {
                let class = if digits { CharClass::Digit } else { CharClass::Letter };
                let stretch = Run { start: i, class, chars: j - i, ascii: true, capital: b.is_ascii_uppercase() };
                run.push(stretch, text, runs);
            }
            i = j;
            continue;
        }
        let (c, len) = char_at(text, i);
        if c.is_alphanumeric() {
            let h = word.get_or_insert_with(StableHasher::default);
            let mut buf = [0u8; 4];
            for lower in c.to_lowercase() {
                h.write(lower.encode_utf8(&mut buf).as_bytes());
            }
        } else if let Some(h) = word.take() {
            words.push(h.finish());
        }
        if let Some(runs) = runs.as_mut() {
            let stretch = Run { start: i, class: char_class(c), chars: 1, ascii: len == 1, capital: c.is_uppercase() };
            run.push(stretch, text, runs);
        }
        i += len;
    }
    if let Some(h) = word {
        words.push(h.finish());
    }
    if let Some(runs) = runs.as_mut() {
        if run.chars > 0 {
            runs.end(&text[run.start..], &run);
        }
    }
}

/// A maximal run of characters of one class, as [`scan`] meets it.
struct Run {
    start: usize,
    class: CharClass,
    chars: usize,
    ascii: bool,
    /// Whether its first character is upper-case.
    capital: bool,
}

impl Run {
    /// Adds the characters of `stretch` (one class, starting where this run stops): they extend
    /// this run when of its class; else this run is ended (its keys go to `runs`) and `stretch`
    /// starts the next one.
    #[inline]
    fn push(&mut self, stretch: Run, text: &str, runs: &mut AnchorRuns) {
        if self.chars == 0 || stretch.class != self.class {
            if self.chars > 0 {
                runs.end(&text[self.start..stretch.start], self);
            }
            *self = stretch;
        } else {
            self.chars += stretch.chars;
            self.ascii &= stretch.ascii;
        }
    }
}

/// The anchor keys of a text, run after run ([`anchor_keys`]).
struct AnchorRuns<'a> {
    keys: &'a mut Vec<u64>,
    /// Where translation keys come from, and the language of the text; `None` for none.
    translations: Option<(&'a mut lexicon::Cache, Lang)>,
    /// The key of a number written with thousands groups, hashed as far as read ("3", then
    /// "3000"): the hash is a running one, so the digits need not be kept.
    joined: Option<StableHasher>,
    /// Whether the previous run was digits, and whether it was one group separator after digits.
    after_digits: bool,
    after_separator: bool,
}

impl<'a> AnchorRuns<'a> {
    fn new(keys: &'a mut Vec<u64>, translations: Option<(&'a mut lexicon::Cache, Lang)>) -> Self {
        AnchorRuns { keys, translations, joined: None, after_digits: false, after_separator: false }
    }

    fn end(&mut self, token: &str, run: &Run) {
        if run.class == CharClass::Letter && run.chars >= COGNATE_MIN_LETTERS {
            if let Some((cache, lang)) = self.translations.as_mut() {
                // A long word: its translation key and its spelling key are remembered together.
                let (translation, spelling) = cache.word_keys(token, *lang, || spelling_key(token, run));
                self.keys.extend(translation);
                self.keys.push(spelling);
                self.joined = None;
                self.after_separator = false;
                self.after_digits = false;
                return;
            }
        }
        match run.class {
            CharClass::Digit => {
                let digits = token.trim_start_matches('0');
                let digits = if digits.is_empty() { "0" } else { digits };
                self.keys.push(tagged(b"#", digits.as_bytes()));
                match self.joined.as_mut() {
                    Some(joined) if self.after_separator && token.len() == 3 => {
                        joined.write(token.as_bytes());
                        self.keys.push(joined.finish());
                    }
                    _ => {
                        let mut joined = StableHasher::default();
                        joined.write(b"#");
                        joined.write(digits.as_bytes());
                        self.joined = Some(joined);
                    }
                }
            }
            CharClass::Letter if run.capital && run.chars >= 2 || run.chars >= COGNATE_MIN_LETTERS => {
                self.keys.push(spelling_key(token, run))
            }
            CharClass::Letter | CharClass::Other => {}
        }
        let separator = run.class == CharClass::Other
            && self.after_digits
            && run.chars == 1
            && token.chars().all(is_group_separator);
        if run.class != CharClass::Digit && !separator {
            self.joined = None;
        }
        self.after_separator = separator;
        self.after_digits = run.class == CharClass::Digit;
    }
}

/// The key a run of letters is known by in both languages: a capitalised word folded whole (a
/// name, an acronym), a long lower-case word by its first letters (a cognate).
fn spelling_key(token: &str, run: &Run) -> u64 {
    if run.capital {
        folded_key(b"w", token, run, usize::MAX)
    } else {
        folded_key(b"c", token, run, COGNATE_PREFIX)
    }
}

/// The key of a word folded ([`crate::text::fold`]: lower-cased, accents stripped), of at most
/// `max_bytes` bytes of it (cut at a character boundary), without building the folded string.
fn folded_key(tag: &[u8], token: &str, run: &Run, max_bytes: usize) -> u64 {
    let mut h = StableHasher::default();
    h.write(tag);
    if run.ascii {
        for b in token.bytes().take(max_bytes) {
            h.write(&[b.to_ascii_lowercase()]);
        }
    } else {
        let (mut buf, mut written) = ([0u8; 4], 0);
        for c in crate::text::fold_chars(token) {
            written += c.len_utf8();
            if written > max_bytes {
                break;
            }
            h.write(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    h.finish()
}

fn tagged(tag: &[u8], value: &[u8]) -> u64 {
    let mut h = StableHasher::default();
    h.write(tag);
    h.write(value);
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

    #[test]
    fn distinct_count_counts_each_value_once() {
        for xs in [vec![], vec![5], vec![0, 0, 1, 1, 2], (0..1000).map(|i| i % 37 * 0x9e37_79b9).collect::<Vec<u64>>()]
        {
            let mut sorted = xs.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(distinct_count(&xs), sorted.len(), "{xs:?}");
        }
    }

    #[test]
    fn content_words_are_spaced_as_split_whitespace_gives_them() {
        for text in [
            "",
            "  a  b\t\nc ",
            "l\u{a0}été\x0b« vu »\u{2003}",
            "x\u{202f}!\r\n\r\ny",
            " a  b\tc\u{a0}é\u{202f}d \u{b}e\n",
            "x",
            "  ",
            "déjà vu  l'été",
            "« Oui », dit-il à l’été…",
            "a\u{85}b\u{3000}c\u{1680}d",
            "fin\u{a0}",
            "one two",
        ] {
            let mut fast = Vec::new();
            push_words_spaced(text, &mut fast);
            let plain: String = text.split_whitespace().map(|w| format!("{w} ")).collect();
            assert_eq!(String::from_utf8(fast).unwrap(), plain, "{text:?}");
            let mut h = Xxh3::new();
            hash_words_spaced(text, &mut h, &mut Vec::new());
            assert_eq!(h.digest(), xxhash_rust::xxh3::xxh3_64(plain.as_bytes()), "{text:?}");
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
        assert!(fr.contains(&tagged(b"#", b"3000")) && en.contains(&tagged(b"#", b"3000")));
        assert!(keys("à 9h30").contains(&tagged(b"#", b"30")));
        assert!(keys("at 9.30am").contains(&tagged(b"#", b"30")));
        assert!(!keys("at 9.30am").contains(&tagged(b"#", b"930")));
        assert!(keys("le 05").contains(&tagged(b"#", b"5")));
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
            cut: Vec::new(),
        };
        let with = sketch(&d, &facts);
        let without = sketch(&d, &Default::default());
        assert_eq!(with.anchors[0].len(), without.anchors[0].len() + 1);
    }

    #[test]
    fn lexicon_translations_become_anchors_of_both_languages() {
        let fr = sketch(&doc("fr", Lang::Fr, "Le gouvernement a publié son jugement.", false), &Default::default());
        let en = sketch(&doc("en", Lang::En, "The government published its judgement.", false), &Default::default());
        let shared = fr.anchor_set().into_iter().filter(|k| en.anchor_set().contains(k)).count();
        let fr_light = keys("Le gouvernement a publié son jugement.");
        let en_light = keys("The government published its judgement.");
        assert_eq!(fr_light.iter().filter(|k| en_light.contains(k)).count(), 1, "only the cognate of publié");
        assert_eq!(shared, 3, "gouvernement = government, jugement = judgement");
    }

    #[test]
    fn short_texts_still_have_shingles() {
        assert_eq!(shingle_hashes(&[1, 2]), vec![1, 2]);
        assert_eq!(shingle_hashes(&[1, 2, 3, 4]).len(), 2);
        let words: Vec<u64> = (0..40).map(crate::dedup::hash::mix).collect();
        let plain: Vec<u64> = words.windows(SHINGLE_WORDS).map(|w| w.iter().fold(0, |h, &x| combine(h, x))).collect();
        assert_eq!(shingle_hashes(&words), plain, "each window folded from 0");
    }
}
