//! Translation anchors: a French word and its English translation yield one key.
//!
//! Names, figures and cognates ("télévisions" / "television") meet across languages by their
//! spelling, but many content words of a story do not ("jugement" / "judgement", "gouvernement"
//! / "government"). The align stage's lexicon knows many of them: a French word whose Snowball
//! stem is in it and an English word whose stem is one of its translations yield one key (see
//! `table` for how that key is chosen). The sketch asks only for long words, as for cognates.
//! Translations the cognate key already links (the two stems share their first letters:
//! "ministre" / "minister") are left out, so that a word is not counted twice.
//!
//! Stemming is the costly part of a lookup, and news text repeats its words: each sketching
//! thread keeps the keys of every word it has met (a pure function of the word), so that most
//! words cost one hash-table lookup; and a word whose first letters begin no lexicon stem (most
//! names, invented words) is not even looked up.

use super::hash::StableHasher;
use crate::bilingual::{stem, Lexicon};
use crate::lang::Lang;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::sync::LazyLock;

/// Letters two stems share when the cognate key already links their words.
const COGNATE_LETTERS: usize = 5;
/// Most stems a group of translations holds. Left unbounded, generic words chain most of the
/// lexicon into one group ("pouvoir" → can, power; "puissance" → power, strength; ...), whose key
/// every article would share; a pair that would make a group larger is not linked.
const MAX_GROUP: usize = 8;
/// Words a thread remembers before starting afresh: bounds memory on corpora of many distinct
/// words (names, typos) at a few megabytes a thread.
const CACHE_LIMIT: usize = 1 << 17;

/// The anchor key of each lexicon stem, per language.
struct Table {
    french: FxHashMap<String, u64>,
    english: FxHashMap<String, u64>,
    /// The first [`PREFIX_LETTERS`] letters of the stems of each language: a word that begins
    /// otherwise cannot have a key, and is neither stemmed nor remembered.
    prefixes: [FxHashSet<[char; PREFIX_LETTERS]>; 2],
}

/// Letters of a word's beginning checked before it is stemmed (a stem begins as its word does).
const PREFIX_LETTERS: usize = 3;

/// The first letters of a folded word, if it has that many.
fn prefix(folded: impl Iterator<Item = char>) -> Option<[char; PREFIX_LETTERS]> {
    let mut out = ['\0'; PREFIX_LETTERS];
    let mut n = 0;
    for (slot, c) in out.iter_mut().zip(folded) {
        *slot = c;
        n += 1;
    }
    (n == PREFIX_LETTERS).then_some(out)
}

static TABLE: LazyLock<Table> = LazyLock::new(|| table(Lexicon::builtin()));

/// One key per group of words that translate one another: the French and English stems linked
/// by (non-cognate) lexicon pairs, taken as a graph, and keyed by the connected component (of at
/// most [`MAX_GROUP`] stems). One key a word, not one per translation: "jugement" (judge,
/// judgment, judgement) would otherwise carry two keys that "judgement" lacks, which the
/// verification counts as evidence against the pair.
fn table(lexicon: &Lexicon) -> Table {
    let mut ids: FxHashMap<(Lang, &str), usize> = FxHashMap::default();
    let mut parent: Vec<usize> = Vec::new();
    let mut id = |lang, stem| {
        *ids.entry((lang, stem)).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    let mut links = Vec::new();
    for (fr, ens) in lexicon.entries() {
        for en in ens.into_iter().filter(|en| !cognates(fr, en)) {
            links.push((fr, en));
        }
    }
    // In file-independent order, so that which links a full group refuses never varies.
    links.sort_unstable();
    let links: Vec<(usize, usize)> = links.into_iter().map(|(fr, en)| (id(Lang::Fr, fr), id(Lang::En, en))).collect();
    let mut size = vec![1usize; parent.len()];
    for (a, b) in links {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb && size[ra] + size[rb] <= MAX_GROUP {
            let (keep, merged) = (ra.min(rb), ra.max(rb));
            parent[merged] = keep;
            size[keep] += size[merged];
        }
    }
    // A component is known by its alphabetically first English stem: the same key whatever the
    // order the lexicon was read in.
    let mut names: FxHashMap<usize, &str> = FxHashMap::default();
    for (&(lang, stem), &node) in &ids {
        if lang == Lang::En {
            let name = names.entry(root(&mut parent, node)).or_insert(stem);
            *name = (*name).min(stem);
        }
    }
    let (mut french, mut english) = (FxHashMap::default(), FxHashMap::default());
    for (&(lang, stem), &node) in &ids {
        // A stem whose every link was refused has no partner to meet, and needs no key.
        let group = root(&mut parent, node);
        let (Some(name), true) = (names.get(&group), size[group] > 1) else { continue };
        let key = stem_key(name);
        match lang {
            Lang::Fr => french.insert(stem.to_string(), key),
            Lang::En => english.insert(stem.to_string(), key),
        };
    }
    let prefixes = [&french, &english].map(|stems| stems.keys().filter_map(|s| prefix(s.chars())).collect());
    Table { french, english, prefixes }
}

fn root(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

/// Whether two stems begin alike, so that their words already share a cognate key.
fn cognates(fr: &str, en: &str) -> bool {
    fr.len() >= COGNATE_LETTERS
        && en.len() >= COGNATE_LETTERS
        && fr.as_bytes()[..COGNATE_LETTERS] == en.as_bytes()[..COGNATE_LETTERS]
}

/// The key of a group of translations, by one of its English stems.
fn stem_key(en: &str) -> u64 {
    let mut h = StableHasher::default();
    h.write(b"l");
    h.write(en.as_bytes());
    h.finish()
}

/// The keys of long words already met, by the 64-bit hash of the word as written: its
/// translation key (`None` for a word without one, whether its beginning or its stem ruled it
/// out) and the spelling key the sketch makes of it (a folded name, or a cognate's first
/// letters), so that a long word is one look-up in a compact table, with neither its beginning
/// folded nor a string kept. Two words of one thread's few hundred thousand meet on one hash
/// with odds of about 10⁻⁹.
#[derive(Default)]
pub struct Cache {
    words: [FxHashMap<u64, (Option<u64>, u64)>; 2],
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Runs `f` with this thread's cache (one borrow per article, not per word).
pub fn with_cache<R>(f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHE.with(|cache| f(&mut cache.borrow_mut()))
}

impl Cache {
    /// Appends to `out` the translation key of `word` (a run of letters) in `lang`, if it has one.
    pub fn keys(&mut self, word: &str, lang: Lang, out: &mut Vec<u64>) {
        out.extend(self.word_keys(word, lang, || 0).0);
    }

    /// The translation key of `word` (a run of letters) in `lang`, if it has one, and its
    /// spelling key, made by `spelling` the first time the word is met (a pure function of the
    /// word as written, which the cache keeps alongside).
    pub fn word_keys(&mut self, word: &str, lang: Lang, spelling: impl FnOnce() -> u64) -> (Option<u64>, u64) {
        let words = &mut self.words[lang as usize];
        let hash = xxhash_rust::xxh3::xxh3_64(word.as_bytes());
        if let Some(&keys) = words.get(&hash) {
            return keys;
        }
        let keys = (key_of(word, lang), spelling());
        if words.len() >= CACHE_LIMIT {
            words.clear();
        }
        words.insert(hash, keys);
        keys
    }
}

/// The translation key of a word not met before: none when its beginning is no stem's (which
/// spares stemming most words), else from its stem.
fn key_of(word: &str, lang: Lang) -> Option<u64> {
    let table = &*TABLE;
    let start = if word.is_ascii() {
        prefix(word.bytes().map(|b| char::from(b.to_ascii_lowercase())))
    } else {
        prefix(crate::text::fold_chars(word))
    };
    if !start.is_some_and(|p| table.prefixes[lang as usize].contains(&p)) {
        return None;
    }
    lookup(word, lang, table)
}

/// The translation key of a word, from its stem.
fn lookup(word: &str, lang: Lang, table: &Table) -> Option<u64> {
    let stemmed = stem(&crate::text::fold(word), lang);
    match lang {
        Lang::Fr => table.french.get(&stemmed).copied(),
        Lang::En => table.english.get(&stemmed).copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(word: &str, lang: Lang) -> Vec<u64> {
        let mut out = Vec::new();
        Cache::default().keys(word, lang, &mut out);
        out
    }

    #[test]
    fn a_word_and_its_translation_share_a_key() {
        let fr = keys("jugements", Lang::Fr);
        let en = keys("judgement", Lang::En);
        assert!(fr.iter().any(|k| en.contains(k)), "{fr:?} {en:?}");
        assert_eq!(keys("gouvernements", Lang::Fr), keys("governments", Lang::En));
        assert_eq!(fr.len(), 1, "one key a word, whatever its number of translations");
        assert!(keys("État", Lang::Fr).iter().any(|k| keys("state", Lang::En).contains(k)));
    }

    #[test]
    fn cognates_and_unknown_words_have_no_key() {
        assert!(keys("ministres", Lang::Fr).is_empty(), "the cognate key links ministre and minister");
        assert!(keys("zorglub", Lang::Fr).is_empty());
        assert!(keys("Montreal", Lang::En).is_empty());
    }

    #[test]
    fn the_cache_answers_as_the_lexicon_does() {
        let mut cache = Cache::default();
        let (mut first, mut again) = (Vec::new(), Vec::new());
        cache.keys("gouvernement", Lang::Fr, &mut first);
        cache.keys("gouvernement", Lang::Fr, &mut again);
        assert!(!first.is_empty());
        assert_eq!(first, again);
    }
}
