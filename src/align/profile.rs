//! Turns each sentence into a profile: its tokens, each with a weight and the keys it can match on
//! the other side, in one key space shared by both languages.
//!
//! English is the pivot: an English word's key is its stem; a French word's keys are the English
//! stems the lexicon gives, the English stem of the word itself (names and words spelled alike:
//! "Ontario", "transition"), and the stems of English words of the other article that look like it
//! (cognates: gouvernement/government). Numbers are keys of their own.

use super::lexicon::{stem, Lexicon};
use super::tokens::{tokenize, Token};
use crate::facts::FactKind;
use crate::lang::Lang;
use crate::pipeline::Analysis;
use rustc_hash::FxHashMap as HashMap;

/// A token's weight and where its keys sit in [`Profiles::key_pool`].
#[derive(Clone, Copy, Debug)]
pub struct WeightedToken {
    pub weight: f32,
    keys_start: u32,
    keys_len: u32,
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

impl Profiles {
    pub fn token_keys(&self, token: &WeightedToken) -> &[u32] {
        &self.key_pool[token.keys_start as usize..(token.keys_start + token.keys_len) as usize]
    }
}

/// A sentence's raw tokens with their own-language identity (for weights).
struct RawSentence {
    tokens: Vec<(Token, String)>,
    chars: usize,
}

/// Builds the profiles of both sides' content sentences (indices as in `left_content`/`right_content`).
pub fn build(
    left: &Analysis,
    left_content: &[usize],
    right: &Analysis,
    right_content: &[usize],
    lexicon: &Lexicon,
) -> (Profiles, Profiles) {
    let raw_left = raw_sentences(left, left_content);
    let raw_right = raw_sentences(right, right_content);
    let (left, right) = (&left.doc, &right.doc);
    let mut keys = KeySpace::default();
    let cross = left.lang != right.lang;
    let bridge = match (cross, left.lang) {
        (true, Lang::Fr) => Some(Bridge::new(&raw_left, &raw_right, lexicon)),
        (true, Lang::En) => Some(Bridge::new(&raw_right, &raw_left, lexicon)),
        (false, _) => None,
    };
    let translate = |lang: Lang| bridge.as_ref().filter(|_| lang == Lang::Fr);
    let left_profiles = profiles(&raw_left, translate(left.lang), &mut keys);
    let right_profiles = profiles(&raw_right, translate(right.lang), &mut keys);
    (left_profiles, right_profiles)
}

fn raw_sentences(analysis: &Analysis, content: &[usize]) -> Vec<RawSentence> {
    let doc = &analysis.doc;
    let mut stems = Stems::default();
    content
        .iter()
        .map(|&i| {
            let text = doc.sentence_text(i);
            let mut tokens: Vec<(Token, String)> = tokenize(text, doc.lang)
                .into_iter()
                .map(|t| {
                    let identity = match &t {
                        Token::Number(n) => format!("#{n}"),
                        Token::Word { folded, .. } => stems.of(folded, doc.lang).to_string(),
                        Token::Fact(key) => key.clone(),
                    };
                    (t, identity)
                })
                .collect();
            tokens.extend(fact_tokens(analysis, i));
            RawSentence { tokens, chars: text.chars().filter(|c| !c.is_whitespace()).count() }
        })
        .collect()
}

/// Stems each distinct word once: an article repeats its words, and stemming is the costly part
/// of building profiles.
#[derive(Default)]
struct Stems(HashMap<String, String>);

impl Stems {
    fn of(&mut self, word: &str, lang: Lang) -> &str {
        if !self.0.contains_key(word) {
            self.0.insert(word.to_string(), stem(word, lang));
        }
        &self.0[word]
    }
}

/// The dates and entities of sentence `i`, keyed by kind and value. Numbers are left to the
/// tokenizer, which already reads them the same way on both sides.
fn fact_tokens(analysis: &Analysis, i: usize) -> Vec<(Token, String)> {
    let Some(ids) = analysis.facts.by_sentence.get(i) else {
        return Vec::new();
    };
    let mut keys: Vec<String> = ids
        .iter()
        .filter_map(|&f| analysis.facts.facts.get(f))
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
    keys.into_iter().map(|key| (Token::Fact(key.clone()), key)).collect()
}

/// Interns key strings as small integers.
#[derive(Default)]
struct KeySpace {
    ids: HashMap<String, u32>,
}

impl KeySpace {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(key.to_string(), id);
        id
    }
}

/// How French words reach English keys for one pair of articles.
struct Bridge<'a> {
    lexicon: &'a Lexicon,
    /// French folded word → English stems of look-alike words in the English article.
    cognates: HashMap<String, Vec<String>>,
}

impl<'a> Bridge<'a> {
    fn new(french: &[RawSentence], english: &[RawSentence], lexicon: &'a Lexicon) -> Self {
        Bridge { lexicon, cognates: find_cognates(french, english) }
    }

    /// The English keys of a French word: translations, its own spelling, cognates.
    fn keys(&self, folded: &str, fr_stem: &str) -> Vec<String> {
        let mut out: Vec<String> = self.lexicon.translations(fr_stem).map(str::to_string).collect();
        out.push(stem(folded, Lang::En));
        if let Some(cognates) = self.cognates.get(folded) {
            out.extend(cognates.iter().cloned());
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Minimum normalized Levenshtein similarity for two words to count as cognates.
const COGNATE_SIMILARITY: f64 = 0.72;
/// Shorter words are too often look-alikes by chance (mais/mail, pain/pain).
const COGNATE_MIN_CHARS: usize = 5;

/// Pairs French and English words that look alike once accents are folded. Words are blocked by
/// first letter and length so the cost stays near-linear in the vocabularies.
fn find_cognates(french: &[RawSentence], english: &[RawSentence]) -> HashMap<String, Vec<String>> {
    let vocabulary = |side: &[RawSentence]| {
        let mut words: Vec<String> = side
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter_map(|(t, _)| match t {
                Token::Word { folded, .. } if folded.len() >= COGNATE_MIN_CHARS => Some(folded.clone()),
                _ => None,
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    };
    let fr_words = vocabulary(french);
    let mut en_by_block: HashMap<(char, usize), Vec<&str>> = HashMap::default();
    let en_words = vocabulary(english);
    for w in &en_words {
        let first = w.chars().next().unwrap_or(' ');
        en_by_block.entry((first, w.chars().count())).or_default().push(w);
    }
    let mut out: HashMap<String, Vec<String>> = HashMap::default();
    for fr in &fr_words {
        let first = fr.chars().next().unwrap_or(' ');
        let len = fr.chars().count();
        let letters = LetterCounts::of(fr);
        for en_len in len.saturating_sub(3)..=len + 2 {
            for en in en_by_block.get(&(first, en_len)).into_iter().flatten() {
                if en == fr {
                    continue;
                }
                let bound = 1.0 - letters.distance(&LetterCounts::of(en)) as f64 / len.max(en_len) as f64;
                if bound >= COGNATE_SIMILARITY && strsim::normalized_levenshtein(fr, en) >= COGNATE_SIMILARITY {
                    out.entry(fr.clone()).or_default().push(stem(en, Lang::En));
                }
            }
        }
    }
    out
}

/// How many times each letter occurs in a word (letters folded into 32 buckets), for a cheap
/// lower bound of the edit distance: each edit fixes at most one surplus letter on each side, so
/// the larger surplus is never more than the distance. Buckets shared by two letters only lower
/// the bound, so it stays a bound: the costly Levenshtein runs on the few pairs it lets through.
struct LetterCounts([i16; 32]);

impl LetterCounts {
    fn of(word: &str) -> Self {
        let mut counts = [0i16; 32];
        word.chars().for_each(|c| counts[c as usize % 32] += 1);
        LetterCounts(counts)
    }

    fn distance(&self, other: &LetterCounts) -> usize {
        let (mut surplus, mut missing) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(&other.0) {
            let d = (a - b) as isize;
            if d > 0 {
                surplus += d as usize;
            } else {
                missing += (-d) as usize;
            }
        }
        surplus.max(missing)
    }
}

/// Inverse document frequency inside one article: a word said once weighs more than one said
/// in every sentence. Numbers and names weigh more: they are the anchors of news translation.
fn weights(raw: &[RawSentence]) -> HashMap<&str, f32> {
    let mut df: HashMap<&str, u32> = HashMap::default();
    for s in raw {
        let mut seen: Vec<&str> = s.tokens.iter().map(|(_, id)| id.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            *df.entry(id).or_default() += 1;
        }
    }
    let n = raw.len().max(1) as f32;
    df.into_iter().map(|(id, df)| (id, 1.0 + (n / df as f32).ln())).collect()
}

const NUMBER_BOOST: f32 = 2.0;
const NAME_BOOST: f32 = 1.5;

fn profiles(raw: &[RawSentence], bridge: Option<&Bridge>, keys: &mut KeySpace) -> Profiles {
    let idf = weights(raw);
    let mut out = Profiles::default();
    // A French word's keys depend on the word only: worked out once per distinct word.
    let mut bridged: HashMap<&str, Vec<u32>> = HashMap::default();
    for s in raw {
        let mut profile = Profile { chars: s.chars, ..Profile::default() };
        for (token, identity) in &s.tokens {
            let keys_start = out.key_pool.len() as u32;
            let boost = match token {
                Token::Number(_) | Token::Fact(_) => NUMBER_BOOST,
                Token::Word { capital: true, .. } => NAME_BOOST,
                Token::Word { .. } => 1.0,
            };
            match (token, bridge) {
                (Token::Word { folded, .. }, Some(bridge)) => {
                    let ids = bridged
                        .entry(folded.as_str())
                        .or_insert_with(|| bridge.keys(folded, identity).iter().map(|key| keys.id(key)).collect());
                    out.key_pool.extend_from_slice(ids);
                }
                _ => out.key_pool.push(keys.id(identity)),
            }
            let keys_len = out.key_pool.len() as u32 - keys_start;
            profile.keys.extend_from_slice(&out.key_pool[keys_start as usize..]);
            profile.tokens.push(WeightedToken { weight: idf[identity.as_str()] * boost, keys_start, keys_len });
        }
        profile.keys.sort_unstable();
        profile.keys.dedup();
        out.sentences.push(profile);
    }
    out
}
