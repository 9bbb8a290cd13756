//! Turns each sentence into a profile: its tokens, each with a weight and the keys it can match on
//! the other side, in one key space shared by both languages.
//!
//! English is the pivot: an English word's key is its stem (and the stem of another form of it
//! where Snowball keeps the two apart, see `english_forms`); a French word's keys are the English
//! stems the lexicon gives, the English stem of the word itself (names and words spelled alike:
//! "Ontario", "transition"), and the stems of English words of the other article that look like it
//! (cognates: gouvernement/government). Numbers are keys of their own.
//!
//! Everything that depends on a word only (its stems, its keys) is worked out once per distinct
//! word of an article, which repeats its words: tokens carry small integer ids, not strings.

use super::tokens::{classify, scan, Scanned, WordClass};
use crate::analysis::Analysis;
use crate::bilingual::{stem_cow, Lexicon};
use crate::facts::FactKind;
use crate::lang::Lang;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::collections::hash_map::Entry;

/// A token's weight and where its keys sit in [`Profiles::key_pool`].
#[derive(Clone, Copy, Debug)]
pub struct WeightedToken {
    pub weight: f32,
    keys_start: u32,
    keys_len: u32,
    /// Which of its sentence's keys ([`Profile::keys`], by position) are this token's, when the
    /// sentence has at most 64 keys ([`Profile::masked`]): a token has a counterpart in a
    /// sentence when this mask meets the positions of the keys the two sentences share.
    pub mask: u64,
}

/// One sentence's evidence.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub tokens: Vec<WeightedToken>,
    /// Every key of every token, sorted and deduplicated: what the other side matches against.
    pub keys: Vec<u32>,
    /// Length in characters, for the length-ratio evidence.
    pub chars: usize,
}

/// The profiles of one side's content sentences, with the pool their token keys live in.
#[derive(Clone, Debug, Default)]
pub struct Profiles {
    pub sentences: Vec<Profile>,
    key_pool: Vec<u32>,
}

impl Profile {
    /// Whether the tokens' [`WeightedToken::mask`]s are set.
    pub fn masked(&self) -> bool {
        self.keys.len() <= 64
    }
}

impl Profiles {
    pub fn token_keys(&self, token: &WeightedToken) -> &[u32] {
        &self.key_pool[token.keys_start as usize..(token.keys_start + token.keys_len) as usize]
    }
}

/// What a token is, for its weight boost.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Number,
    Fact,
    Word { capital: bool },
}

/// A token of one side: its kind, its own-language identity (a stem, `#3000`, a fact key) as an
/// index into [`RawSide::identities`], and for a word, the word as an index into [`RawSide::words`].
#[derive(Clone, Copy, Debug)]
struct RawToken {
    kind: Kind,
    identity: u32,
    word: u32,
}

/// A sentence's raw tokens, as a range of [`RawSide::tokens`].
struct RawSentence {
    tokens: std::ops::Range<usize>,
    chars: usize,
}

/// One side's sentences with the distinct words and identities they use.
#[derive(Default)]
struct RawSide {
    sentences: Vec<RawSentence>,
    tokens: Vec<RawToken>,
    /// Distinct accent-folded words, and each one's identity (its stem).
    words: Vec<(String, u32)>,
    word_ids: HashMap<String, u32>,
    /// Distinct identities: stems borrowed from the build's stem table when it has them.
    identities: Vec<Cow<'static, str>>,
    identity_ids: HashMap<Cow<'static, str>, u32>,
}

impl RawSide {
    fn sentence(&self, s: &RawSentence) -> &[RawToken] {
        &self.tokens[s.tokens.clone()]
    }

    fn identity(&mut self, key: Cow<'static, str>) -> u32 {
        let next = self.identities.len() as u32;
        match self.identity_ids.entry(key) {
            Entry::Occupied(known) => *known.get(),
            Entry::Vacant(new) => {
                self.identities.push(new.key().clone());
                *new.insert(next)
            }
        }
    }

    /// The id of a word, stemmed (in `lang`) the first time it is seen: stemming is the costly
    /// part of building profiles.
    fn word(&mut self, folded: String, lang: Lang) -> u32 {
        let next = self.words.len() as u32;
        let new = match self.word_ids.entry(folded) {
            Entry::Occupied(known) => return *known.get(),
            Entry::Vacant(new) => new,
        };
        let folded = new.key().clone();
        new.insert(next);
        let identity = self.identity(stem_cow(&folded, lang));
        self.words.push((folded, identity));
        next
    }

    /// The stem of a word of this side, if the side has it.
    fn stem_of(&self, folded: &str) -> Option<&str> {
        self.word_ids.get(folded).map(|&w| self.identities[self.words[w as usize].1 as usize].as_ref())
    }
}

/// Marks a token that is not a word.
const NO_WORD: u32 = u32::MAX;

/// Builds the profiles of both sides' content sentences (indices as in `left_content`/`right_content`).
pub fn build(
    left: &Analysis,
    left_content: &[usize],
    right: &Analysis,
    right_content: &[usize],
    lexicon: &Lexicon,
) -> (Profiles, Profiles) {
    let raw_left = raw_side(left, left_content);
    let raw_right = raw_side(right, right_content);
    let (left, right) = (&left.doc, &right.doc);
    let distinct = raw_left.identities.len() + raw_right.identities.len();
    let mut keys = KeySpace { ids: HashMap::with_capacity_and_hasher(distinct, Default::default()) };
    let cross = left.lang != right.lang;
    let bridge = match (cross, left.lang) {
        (true, Lang::Fr) => Some(Bridge::new(&raw_left, &raw_right, lexicon)),
        (true, Lang::En) => Some(Bridge::new(&raw_right, &raw_left, lexicon)),
        (false, _) => None,
    };
    let translate = |lang: Lang| bridge.as_ref().filter(|_| lang == Lang::Fr);
    let left_profiles = profiles(&raw_left, translate(left.lang), left.lang == Lang::En, &mut keys);
    let right_profiles = profiles(&raw_right, translate(right.lang), right.lang == Lang::En, &mut keys);
    (left_profiles, right_profiles)
}

/// What a word as written stands for on one side, worked out once per distinct spelling.
#[derive(Clone, Copy)]
enum Spelling {
    Number(u32),
    Skip,
    Word(u32),
}

/// Bytes of text per distinct word, a low guess, so that the tables of distinct spellings,
/// words and identities are sized once instead of growing (rehashing) a dozen times.
const BYTES_PER_DISTINCT_WORD: usize = 12;

fn raw_side(analysis: &Analysis, content: &[usize]) -> RawSide {
    let doc = &analysis.doc;
    let bytes: usize = content.iter().map(|&i| doc.sentence_text(i).len().min(MAX_PROFILE_BYTES)).sum();
    let distinct = bytes / BYTES_PER_DISTINCT_WORD;
    let mut side = RawSide {
        words: Vec::with_capacity(distinct),
        word_ids: HashMap::with_capacity_and_hasher(distinct, Default::default()),
        identities: Vec::with_capacity(distinct),
        identity_ids: HashMap::with_capacity_and_hasher(distinct, Default::default()),
        ..RawSide::default()
    };
    let mut spellings: HashMap<&str, Spelling> = HashMap::with_capacity_and_hasher(distinct, Default::default());
    for &i in content {
        let whole = doc.sentence_text(i);
        let text = crate::text::prefix_at_char_boundary(whole, MAX_PROFILE_BYTES);
        let start = side.tokens.len();
        scan(text, |scanned| {
            let (kind, spelling) = match scanned {
                Scanned::Number(n) => (Kind::Number, Spelling::Number(side.identity(number_key(n)))),
                Scanned::Word { text, capital } => {
                    let spelling = *spellings.entry(text).or_insert_with(|| match classify(text, doc.lang) {
                        WordClass::Number(n) => Spelling::Number(side.identity(number_key(n))),
                        WordClass::Skip => Spelling::Skip,
                        WordClass::Content(folded) => Spelling::Word(side.word(folded, doc.lang)),
                    });
                    let kind =
                        if matches!(spelling, Spelling::Number(_)) { Kind::Number } else { Kind::Word { capital } };
                    (kind, spelling)
                }
            };
            match spelling {
                Spelling::Number(identity) => side.tokens.push(RawToken { kind, identity, word: NO_WORD }),
                Spelling::Skip => {}
                Spelling::Word(word) => {
                    side.tokens.push(RawToken { kind, identity: side.words[word as usize].1, word });
                }
            }
        });
        for key in fact_keys(analysis, i, doc.sentences[i].start + text.len()) {
            let identity = side.identity(Cow::Owned(key));
            side.tokens.push(RawToken { kind: Kind::Fact, identity, word: NO_WORD });
        }
        let chars = visible_chars(whole);
        side.sentences.push(RawSentence { tokens: start..side.tokens.len(), chars });
    }
    side
}

/// The most bytes of one sentence that make its profile. A news sentence is a few hundred bytes;
/// a "sentence" of megabytes (text without punctuation) would otherwise hold tens of bytes of
/// profile a byte of text, on each side. Its length still counts in full.
pub const MAX_PROFILE_BYTES: usize = 64 * 1024;

/// How many characters of `text` are not white space. ASCII text is counted on its bytes, in a
/// loop without branches that the compiler vectorizes.
fn visible_chars(text: &str) -> usize {
    if !text.is_ascii() {
        return text.chars().filter(|c| !c.is_whitespace()).count();
    }
    let visible = |b: u8| usize::from(b != b' ' && !(b'\t'..=b'\r').contains(&b));
    text.bytes().map(visible).sum()
}

/// The identity of a number, apart from words' stems.
fn number_key(n: impl std::fmt::Display) -> Cow<'static, str> {
    Cow::Owned(format!("#{n}"))
}

/// The dates and entities of sentence `i` that start before byte `end`, keyed by kind and value.
/// Numbers are left to the tokenizer, which already reads them the same way on both sides.
fn fact_keys(analysis: &Analysis, i: usize, end: usize) -> Vec<String> {
    let Some(ids) = analysis.facts.by_sentence.get(i) else {
        return Vec::new();
    };
    let mut keys: Vec<String> = ids
        .iter()
        .filter_map(|&f| analysis.facts.facts.get(f))
        .take_while(|fact| fact.start < end)
        .filter(|fact| match fact.kind {
            FactKind::Date => true,
            // A name spelled the same in both languages is already a word token.
            FactKind::Entity => crate::text::fold(&fact.text) != fact.value,
            _ => false,
        })
        .map(|fact| format!("@{:?}:{}", fact.kind, fact.value))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Interns key strings as small integers. Keys are borrowed from the sides' identities and the
/// lexicon: only a stem the stemmer worked out at run time is owned.
#[derive(Default)]
struct KeySpace<'a> {
    ids: HashMap<Cow<'a, str>, u32>,
}

impl<'a> KeySpace<'a> {
    fn id(&mut self, key: Cow<'a, str>) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(key).or_insert(next)
    }
}

/// How French words reach English keys for one pair of articles.
struct Bridge<'a> {
    lexicon: &'a Lexicon,
    english: &'a RawSide,
    /// French folded word → English stems of look-alike words in the English article.
    cognates: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Bridge<'a> {
    fn new(french: &'a RawSide, english: &'a RawSide, lexicon: &'a Lexicon) -> Self {
        Bridge { lexicon, english, cognates: find_cognates(french, english) }
    }

    /// The English keys of a French word: translations, its own spelling, cognates; in `out`
    /// (cleared first), a buffer the caller keeps from word to word.
    fn keys(&self, folded: &str, fr_stem: &str, out: &mut Vec<Cow<'a, str>>) {
        out.clear();
        out.extend(self.lexicon.translations(fr_stem).map(Cow::Borrowed));
        let masculine = masculine_participle(folded);
        if let Some(masculine) = &masculine {
            if out.is_empty() {
                out.extend(self.lexicon.translations(&stem_cow(masculine, Lang::Fr)).map(Cow::Borrowed));
            }
            // Spelled like an English word, the masculine is too ("evacues", "evacuated").
            out.push(stem_cow(masculine, Lang::En));
        }
        // A word the English article uses too was stemmed with it.
        out.push(self.english.stem_of(folded).map_or_else(|| stem_cow(folded, Lang::En), Cow::Borrowed));
        if let Some(cognates) = self.cognates.get(folded) {
            out.extend(cognates.iter().map(|&s| Cow::Borrowed(s)));
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The masculine form of a folded French word that ends like a feminine past participle or
/// adjective ("evacuees" of "évacuées" → "evacues", "cotieres" of "côtières" → "cotiers").
/// Snowball stems the accented "évacuées" and "évacuer" alike, but words are folded before they
/// are stemmed, and "evacuees" keeps an `e` ("evacue") that "evacuer" and "evacues" lose
/// ("evacu"); "ière" loses its ending only with its accent. The lexicon, which lists the
/// infinitive or the masculine, missed every such feminine.
fn masculine_participle(folded: &str) -> Option<String> {
    let (body, plural) = match folded.strip_suffix('s') {
        Some(body) => (body, "s"),
        None => (folded, ""),
    };
    if let Some(stem) = body.strip_suffix("iere") {
        return (stem.len() >= 3).then(|| format!("{stem}ier{plural}"));
    }
    let body = body.strip_suffix("ee")?;
    (body.len() >= 3).then(|| format!("{body}e{plural}"))
}

/// Minimum normalized Levenshtein similarity for two words to count as cognates.
const COGNATE_SIMILARITY: f64 = 0.72;
/// Shorter words are too often look-alikes by chance (mais/mail, pain/pain).
const COGNATE_MIN_CHARS: usize = 5;

/// Pairs French and English words that look alike once accents are folded. Words are blocked by
/// first letter and length so the cost stays near-linear in the vocabularies. The English stems
/// are the ones the English side already has.
fn find_cognates<'a>(french: &'a RawSide, english: &'a RawSide) -> HashMap<&'a str, Vec<&'a str>> {
    // In the sides' own order: a word's cognates become keys, which are sorted afterwards.
    let vocabulary = |side: &'a RawSide| {
        let long = side.words.iter().filter(|(w, _)| w.len() >= COGNATE_MIN_CHARS);
        long.map(|(w, identity)| (w.as_str(), *identity))
    };
    let mut en_by_block: HashMap<(char, usize), Vec<EnglishWord>> = HashMap::default();
    for (w, identity) in vocabulary(english) {
        let first = w.chars().next().unwrap_or(' ');
        let stem = english.identities[identity as usize].as_ref();
        en_by_block.entry((first, w.chars().count())).or_default().push(EnglishWord {
            word: w,
            stem,
            letters: LetterCounts::of(w),
        });
    }
    let mut out: HashMap<&str, Vec<&str>> = HashMap::default();
    for (fr, _) in vocabulary(french) {
        let first = fr.chars().next().unwrap_or(' ');
        let len = fr.chars().count();
        let letters = LetterCounts::of(fr);
        for en_len in len.saturating_sub(3)..=len + 2 {
            let max_distance = max_cognate_distance(len.max(en_len));
            // The edit distance is at least the difference of the lengths.
            if len.abs_diff(en_len) > max_distance {
                continue;
            }
            let Some(block) = en_by_block.get(&(first, en_len)) else {
                continue;
            };
            for en in block {
                if en.word == fr
                    || letters.set_distance(&en.letters) > max_distance
                    || letters.distance(&en.letters) > max_distance
                {
                    continue;
                }
                if within_edit_distance(fr, en.word, max_distance) {
                    out.entry(fr).or_default().push(en.stem);
                }
            }
        }
    }
    out
}

/// The largest letter-count distance that still lets two words of which the longer has `chars`
/// characters be cognates: the edit distance is at least that distance, and the similarity is
/// one minus the edit distance over the longer length. Worked out with the very division the
/// similarity makes, so that comparing distances decides as comparing similarities would.
/// Looked up for the lengths words have.
fn max_cognate_distance(chars: usize) -> usize {
    MAX_COGNATE_DISTANCES.get(chars).map_or_else(|| cognate_distance_limit(chars), |&d| d as usize)
}

/// [`max_cognate_distance`] of lengths up to 64, worked out when compiling.
const MAX_COGNATE_DISTANCES: [u8; 65] = {
    let mut table = [0; 65];
    let mut chars = 0;
    while chars < table.len() {
        table[chars] = cognate_distance_limit(chars) as u8;
        chars += 1;
    }
    table
};

const fn cognate_distance_limit(chars: usize) -> usize {
    let mut distance = 0;
    while distance < chars && 1.0 - (distance + 1) as f64 / chars as f64 >= COGNATE_SIMILARITY {
        distance += 1;
    }
    distance
}

/// Whether the Levenshtein distance (in characters) of two words is at most `max`. Words of
/// ASCII letters, nearly all of them once folded, go through a DP on bytes that stops as soon as
/// a whole row exceeds `max` (a row's least cell never exceeds the final distance); others
/// through `strsim`.
fn within_edit_distance(a: &str, b: &str, max: usize) -> bool {
    const MAX_LEN: usize = 63;
    if !a.is_ascii() || !b.is_ascii() || b.len() > MAX_LEN {
        return strsim::levenshtein(a, b) <= max;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // row[j]: the distance of the prefix of `a` read so far to b[..j].
    let mut row = [0usize; MAX_LEN + 1];
    row.iter_mut().enumerate().for_each(|(j, cell)| *cell = j);
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
            least = least.min(row[j + 1]);
        }
        if least > max {
            return false;
        }
    }
    row[b.len()] <= max
}

/// An English word of the article, its stem, and its letters for the cognate bound.
struct EnglishWord<'a> {
    word: &'a str,
    stem: &'a str,
    letters: LetterCounts,
}

/// How many times each letter occurs in a word (letters folded into 32 buckets), for a cheap
/// lower bound of the edit distance: each edit fixes at most one surplus letter on each side, so
/// the larger surplus is never more than the distance. Buckets shared by two letters only lower
/// the bound, so it stays a bound: the costly Levenshtein runs on the few pairs it lets through.
/// The buckets a word uses at all give a cheaper, looser bound first
/// ([`LetterCounts::set_distance`]), which turns most pairs away in a few instructions.
struct LetterCounts {
    counts: [i16; 32],
    present: u32,
    /// How many buckets `present` holds.
    buckets: u32,
}

impl LetterCounts {
    fn of(word: &str) -> Self {
        let mut counts = [0i16; 32];
        let mut present = 0u32;
        word.chars().for_each(|c| {
            counts[c as usize % 32] += 1;
            present |= 1 << (c as u32 % 32);
        });
        LetterCounts { counts, present, buckets: present.count_ones() }
    }

    /// A lower bound of [`Self::distance`]: a bucket one word uses and the other does not holds
    /// at least one surplus letter of the first. The buckets only one word uses are its buckets
    /// less the shared ones: one bit count a pair.
    fn set_distance(&self, other: &LetterCounts) -> usize {
        let shared = (self.present & other.present).count_ones();
        (self.buckets.max(other.buckets) - shared) as usize
    }

    /// The larger of the two surpluses, from the sum of the differences' sizes (the two
    /// surpluses added) and the sum of the differences (one surplus minus the other): a loop
    /// without branches, which the compiler turns into a few vector instructions.
    fn distance(&self, other: &LetterCounts) -> usize {
        let (mut both, mut net) = (0i32, 0i32);
        for (a, b) in self.counts.iter().zip(&other.counts) {
            let d = (a - b) as i32;
            both += d.abs();
            net += d;
        }
        ((both + net.abs()) / 2) as usize
    }
}

/// Inverse document frequency inside one article, by identity: a word said once weighs more than
/// one said in every sentence.
fn weights(raw: &RawSide) -> Vec<f32> {
    let mut df = vec![0u32; raw.identities.len()];
    // The last sentence (plus one) that counted each identity, so a repeat is counted once.
    let mut counted_in = vec![0usize; raw.identities.len()];
    for (s, sentence) in raw.sentences.iter().enumerate() {
        for token in raw.sentence(sentence) {
            let id = token.identity as usize;
            if counted_in[id] != s + 1 {
                counted_in[id] = s + 1;
                df[id] += 1;
            }
        }
    }
    let n = raw.sentences.len().max(1) as f32;
    df.into_iter().map(|df| if df == 0 { 0.0 } else { 1.0 + (n / df as f32).ln() }).collect()
}

/// What a number (or a date, or an entity key) weighs against a word of the same idf. It once
/// weighed twice as much, as an anchor of news translation; but two different sentences about
/// one story share its figures and dates too, and with the FreeDict lexicon the rest of a
/// sentence says more: on REFreSD-dev equal weight refuses more unrelated pairs at the same
/// share of "no meaning difference" pairs kept, and on real-dev it pairs better (docs/align.md,
/// "Weights").
const NUMBER_BOOST: f32 = 1.0;
/// What a capitalised word away from the sentence start (a name) weighs against a lower-case one.
const NAME_BOOST: f32 = 1.5;

fn profiles<'a>(raw: &'a RawSide, bridge: Option<&Bridge<'a>>, english: bool, keys: &mut KeySpace<'a>) -> Profiles {
    let idf = weights(raw);
    let mut out = Profiles { sentences: Vec::with_capacity(raw.sentences.len()), key_pool: Vec::new() };
    // A token's keys depend on its word (through the bridge) or its identity only: worked out
    // once each. A word's keys are copied from where its first token put them in the pool.
    let mut word_keys: Vec<Option<std::ops::Range<usize>>> = vec![None; raw.words.len()];
    let mut key_names = Vec::new();
    let mut identity_keys: Vec<Option<u32>> = vec![None; raw.identities.len()];
    // The last sentence (plus one) that gave each identity a token: a word said twice in one
    // sentence is one piece of evidence, not two ("le prix du pain et le prix du lait" holds
    // "price" once): else a sentence that repeats one common word pairs with any sentence using it.
    let mut counted_in = vec![0usize; raw.identities.len()];
    for (s, sentence) in raw.sentences.iter().enumerate() {
        let tokens = raw.sentence(sentence).len();
        let mut profile =
            Profile { tokens: Vec::with_capacity(tokens), keys: Vec::with_capacity(tokens), chars: sentence.chars };
        for token in raw.sentence(sentence) {
            let id = token.identity as usize;
            if counted_in[id] == s + 1 {
                continue;
            }
            counted_in[id] = s + 1;
            let keys_start = out.key_pool.len() as u32;
            let boost = match token.kind {
                Kind::Number | Kind::Fact => NUMBER_BOOST,
                Kind::Word { capital: true } => NAME_BOOST,
                Kind::Word { capital: false } => 1.0,
            };
            let identity = token.identity as usize;
            match bridge {
                Some(bridge) if token.word != NO_WORD => match &word_keys[token.word as usize] {
                    Some(first) => out.key_pool.extend_from_within(first.clone()),
                    None => {
                        let folded = &raw.words[token.word as usize].0;
                        bridge.keys(folded, &raw.identities[identity], &mut key_names);
                        out.key_pool.extend(key_names.drain(..).map(|key| keys.id(key)));
                        word_keys[token.word as usize] = Some(keys_start as usize..out.key_pool.len());
                    }
                },
                // An English word: its stem, and the stem of another form of it that the
                // lexicon may list instead ("injuries" also meets "injured").
                _ if english && token.word != NO_WORD => match &word_keys[token.word as usize] {
                    Some(first) => out.key_pool.extend_from_within(first.clone()),
                    None => {
                        let folded = &raw.words[token.word as usize].0;
                        let stem: &'a str = &raw.identities[identity];
                        key_names.clear();
                        key_names.push(Cow::Borrowed(stem));
                        super::english_forms::variants(folded, stem, &mut key_names);
                        key_names.sort_unstable();
                        key_names.dedup();
                        out.key_pool.extend(key_names.drain(..).map(|key| keys.id(key)));
                        word_keys[token.word as usize] = Some(keys_start as usize..out.key_pool.len());
                    }
                },
                _ => out.key_pool.push(
                    *identity_keys[identity].get_or_insert_with(|| keys.id(Cow::Borrowed(&raw.identities[identity]))),
                ),
            }
            let keys_len = out.key_pool.len() as u32 - keys_start;
            profile.keys.extend_from_slice(&out.key_pool[keys_start as usize..]);
            profile.tokens.push(WeightedToken { weight: idf[identity] * boost, keys_start, keys_len, mask: 0 });
        }
        profile.keys.sort_unstable();
        profile.keys.dedup();
        if profile.masked() {
            for token in &mut profile.tokens {
                let keys = &out.key_pool[token.keys_start as usize..][..token.keys_len as usize];
                token.mask = keys.iter().filter_map(|k| profile.keys.binary_search(k).ok()).fold(0, |m, p| m | 1 << p);
            }
        }
        out.sentences.push(profile);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word said twice in a sentence gives one token: repeating a common word is not more evidence.
    #[test]
    fn a_word_repeated_in_a_sentence_counts_once() {
        let fr = crate::align::tests::analysis(Lang::Fr, &["Le prix du pain et le prix du lait montent."]);
        let en = crate::align::tests::analysis(Lang::En, &["Bread and milk prices rise."]);
        let (left, right) = build(&fr, &[0], &en, &[0], Lexicon::broad());
        // prix, pain, lait, montent: four distinct content words, "prix" once.
        assert_eq!(left.sentences[0].tokens.len(), 4, "{:?}", left.sentences[0].tokens);
        assert_eq!(right.sentences[0].tokens.len(), 4);
    }

    /// "blessés" translates to "injured" (stem `injur`); "injuries" (stem `injuri`) meets it too,
    /// and "lives" meets "vies" (translated "life").
    #[test]
    fn an_english_word_meets_the_lexicon_through_its_other_forms() {
        let shared = |fr: &str, en: &str| {
            let fr = crate::align::tests::analysis(Lang::Fr, &[fr]);
            let en = crate::align::tests::analysis(Lang::En, &[en]);
            let (left, right) = build(&fr, &[0], &en, &[0], Lexicon::broad());
            left.sentences[0].keys.iter().filter(|k| right.sentences[0].keys.contains(k)).count()
        };
        assert_eq!(shared("Les blessés.", "The injuries."), 1);
        assert_eq!(shared("Des vies.", "Lives."), 1);
    }

    /// A feminine past participle meets the lexicon's infinitive, as the masculine one does.
    #[test]
    fn a_feminine_participle_meets_the_translation_of_its_verb() {
        assert_eq!(masculine_participle("evacuees").as_deref(), Some("evacues"));
        assert_eq!(masculine_participle("abandonnee").as_deref(), Some("abandonne"));
        assert_eq!(masculine_participle("cotieres").as_deref(), Some("cotiers"));
        assert_eq!(masculine_participle("evacues"), None);
        assert_eq!(masculine_participle("fee"), None);
        let shared = |fr: &str, en: &str| {
            let fr = crate::align::tests::analysis(Lang::Fr, &[fr]);
            let en = crate::align::tests::analysis(Lang::En, &[en]);
            let (left, right) = build(&fr, &[0], &en, &[0], Lexicon::broad());
            left.sentences[0].keys.iter().filter(|k| right.sentences[0].keys.contains(k)).count()
        };
        assert_eq!(shared("Abandonnées.", "Abandoned."), shared("Abandonnés.", "Abandoned."));
        assert_eq!(shared("Abandonnées.", "Abandoned."), 1);
        // A word the lexicon lacks meets its English look-alike through its masculine form.
        assert_eq!(shared("Évacuées.", "Evacuated."), shared("Évacués.", "Evacuated."));
        assert_eq!(shared("Évacuées.", "Evacuated."), 1);
    }

    /// The bounded DP decides as the full distance does, ASCII or not, short or long.
    #[test]
    fn within_edit_distance_agrees_with_levenshtein() {
        let words = [
            "gouvernement",
            "government",
            "transition",
            "transitions",
            "ministre",
            "minister",
            "cyberattaque",
            "cyberattack",
            "kitten",
            "sitting",
            "abc",
            "",
            "élection",
            "election",
            "sœur",
            "ontario",
            "ontarien",
        ];
        let long = "a".repeat(70) + "b";
        let words: Vec<&str> = words.into_iter().chain([long.as_str(), &long[1..]]).collect();
        for a in &words {
            for b in &words {
                let distance = strsim::levenshtein(a, b);
                for max in 0..8 {
                    assert_eq!(within_edit_distance(a, b, max), distance <= max, "{a}/{b} {max}");
                }
            }
        }
    }

    #[test]
    fn visible_chars_counts_every_character_but_white_space() {
        let slow = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
        for text in ["Le 3\u{202f}000 € — d’État\u{2028}", "plain ascii,\tline\r\n\x0b\x0c end ", "", "  "] {
            assert_eq!(visible_chars(text), slow(text), "{text:?}");
        }
        for b in 0..128u8 {
            let text = format!("a{0}b{0}", b as char);
            assert_eq!(visible_chars(&text), slow(&text), "{b}");
        }
    }

    #[test]
    fn letter_count_distance_is_the_larger_surplus() {
        let d = |a: &str, b: &str| LetterCounts::of(a).distance(&LetterCounts::of(b));
        assert_eq!(d("gouvernement", "government"), 2);
        assert_eq!(d("government", "gouvernement"), 2);
        assert_eq!(d("abc", "abd"), 1);
        assert_eq!(d("aab", "b"), 2);
        assert_eq!(d("cyberattaque", "cyberattack"), 3);
        assert_eq!(d("", ""), 0);
        for (a, b) in [("transition", "transitions"), ("ministre", "minister"), ("pain", "pane")] {
            assert!(d(a, b) <= strsim::levenshtein(a, b), "{a}/{b}");
        }
    }

    #[test]
    fn letter_set_distance_never_exceeds_the_count_distance() {
        let words = ["gouvernement", "government", "abc", "abd", "aab", "b", "", "cyberattaque", "cyberattack", "zzzz"];
        for a in words {
            for b in words {
                let (a, b) = (LetterCounts::of(a), LetterCounts::of(b));
                assert!(a.set_distance(&b) <= a.distance(&b));
            }
        }
        assert_eq!(LetterCounts::of("abc").set_distance(&LetterCounts::of("xyz")), 3);
    }

    /// Comparing a distance with the largest allowed one decides as the similarity bound did.
    #[test]
    fn max_cognate_distance_agrees_with_the_similarity_bound() {
        for chars in 1..100 {
            let max = max_cognate_distance(chars);
            for d in 0..=chars {
                let passes = 1.0 - d as f64 / chars as f64 >= COGNATE_SIMILARITY;
                assert_eq!(passes, d <= max, "{chars} {d}");
            }
        }
        assert_eq!(max_cognate_distance(10), 2);
    }
}
