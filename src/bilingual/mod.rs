//! The French-English lexicon that lets alignment, comparison and dedup see translations: content
//! words only, compared through their Snowball stems so that one entry covers every inflection.
//!
//! It sits below the stages that read it, so that none of them imports another for it.

use crate::lang::Lang;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The embedded lexicons, folded, stemmed and hashed by `build.rs` into tables read in place:
/// building a hash map of thousands of stems at every start-up was a tenth of a short `align`
/// run. `embedded` is the hand-written `data/lexicon-fr-en.tsv`; `freedict` the FreeDict-derived
/// `data/lexicon-freedict-fr-en.tsv` (empty without the `freedict` feature). See data/README.md
/// for where they come from.
mod embedded {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/lexicon_table.rs"));
    pub static TABLE: super::Table =
        super::Table { french: &FRENCH, english: &ENGLISH, targets: &TARGETS, target_ends: &TARGET_ENDS };
}

mod freedict {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/freedict_table.rs"));
    pub static TABLE: super::Table =
        super::Table { french: &FRENCH, english: &ENGLISH, targets: &TARGETS, target_ends: &TARGET_ENDS };
}

/// One embedded lexicon: French stems, English stems, and for French stem `i` the English stems
/// `targets[target_ends[i - 1]..target_ends[i]]` (indices into `english`).
struct Table {
    french: &'static newsalign_tables::StaticMap,
    english: &'static newsalign_tables::StaticMap,
    targets: &'static [u32],
    target_ends: &'static [u32],
}

impl Table {
    /// The English stems of a French stem, in the lexicon's order (none when `on` is false).
    fn translations(&'static self, fr_stem: &str, on: bool) -> impl Iterator<Item = &'static str> + use<> {
        let targets = self.french.get(fr_stem).filter(|_| on).map_or(&[][..], |french| {
            let start = if french == 0 { 0 } else { self.target_ends[french - 1] as usize };
            &self.targets[start..self.target_ends[french] as usize]
        });
        targets.iter().map(|&en| self.english.keys.get(en as usize))
    }
}

/// The stems of the words of the embedded lexicon (and of the names and other words of the data
/// files), worked out by `build.rs` with the same stemmers: an article's content words are mostly
/// lexicon words and their inflections, and a Snowball stem costs some 4,000 instructions where a
/// look-up costs a few dozen.
mod known_stems {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/stem_table.rs"));
}

/// French stems mapped to the English stems they translate to: the embedded tables (unless the
/// lexicon starts empty), plus pairs added at run time (a user's `--lexicon FILE`).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Whether the hand-written table is part of this lexicon.
    embedded: bool,
    /// Whether the FreeDict table is too ([`Lexicon::broad`]).
    freedict: bool,
    /// French stem → English stems added to what the embedded tables already say for it.
    added: HashMap<String, Vec<String>>,
}

static BUILTIN: Lexicon =
    Lexicon { embedded: true, freedict: false, added: HashMap::with_hasher(rustc_hash::FxBuildHasher) };
static BROAD: Lexicon =
    Lexicon { embedded: true, freedict: true, added: HashMap::with_hasher(rustc_hash::FxBuildHasher) };

/// The stemmers of both languages, built once (construction allocates).
static STEMMERS: LazyLock<[Stemmer; 2]> =
    LazyLock::new(|| [Stemmer::create(Lang::Fr.stemmer_algorithm()), Stemmer::create(Lang::En.stemmer_algorithm())]);

/// The stem of an accent-folded, lower-cased word. The stem needs no second fold: the Snowball
/// stemmers only remove or replace endings and never add an accent. A word the build already
/// stemmed (`known_stems`) is looked up instead.
pub fn stem(word: &str, lang: Lang) -> String {
    stem_cow(word, lang).into_owned()
}

/// [`stem`], borrowed from the build's table when the word is in it: most words of an article
/// are, and a copy of each cost a tenth of its look-up.
pub fn stem_cow(word: &str, lang: Lang) -> Cow<'static, str> {
    let at = match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    };
    match known_stems::WORDS[at].get(word) {
        Some(i) => Cow::Borrowed(known_stems::STEMS[at].get(i)),
        None => Cow::Owned(STEMMERS[at].stem(word).into_owned()),
    }
}

impl Lexicon {
    /// The hand-written lexicon shipped in the binary: few words, each with the translations
    /// news use. Comparison and dedup read it, where a loose translation would hide a difference.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The built-in lexicon with the FreeDict one after it (with the `freedict` feature): what
    /// alignment reads, where each more word seen as a translation is more evidence.
    pub fn broad() -> &'static Lexicon {
        &BROAD
    }

    /// The broad lexicon plus a user's TSV (`french<TAB>english` a line, `#` comments).
    pub fn builtin_with(user_tsv: &str) -> Result<Lexicon, String> {
        let mut lexicon = Lexicon::broad().clone();
        lexicon.add_tsv(user_tsv)?;
        Ok(lexicon)
    }

    /// Adds the pairs of a TSV text. Multi-word entries are skipped: alignment compares words.
    pub fn add_tsv(&mut self, tsv: &str) -> Result<(), String> {
        for (fr, en) in newsalign_tables::lexicon_tsv::word_pairs(tsv)? {
            self.add(fr, en);
        }
        Ok(())
    }

    /// Adds one pair of words (single words only; others are ignored).
    pub fn add(&mut self, fr: &str, en: &str) {
        if fr.is_empty() || en.is_empty() || fr.contains(' ') || en.contains(' ') {
            return;
        }
        let fr = stem(&crate::text::fold(fr), Lang::Fr);
        let en = stem(&crate::text::fold(en), Lang::En);
        if self.embedded_translations(&fr).any(|known| known == en) {
            return;
        }
        let targets = self.added.entry(fr).or_default();
        if !targets.contains(&en) {
            targets.push(en);
        }
    }

    /// The embedded tables that are part of this lexicon.
    fn tables(&self) -> impl Iterator<Item = &'static Table> + use<> {
        let hand = self.embedded.then_some(&embedded::TABLE);
        hand.into_iter().chain((self.embedded && self.freedict).then_some(&freedict::TABLE))
    }

    /// The English stems the embedded tables give a French stem (none if they are not part of this lexicon).
    /// The FreeDict table holds no pair the hand-written one has (the build leaves them out), so
    /// a stem's translations are those of the hand-written table, then FreeDict's other ones.
    fn embedded_translations(&self, fr_stem: &str) -> impl Iterator<Item = &'static str> + use<> {
        let hand = embedded::TABLE.translations(fr_stem, self.embedded);
        hand.chain(freedict::TABLE.translations(fr_stem, self.embedded && self.freedict))
    }

    /// The English stems a French stem translates to.
    pub fn translations<'a>(&'a self, fr_stem: &str) -> impl Iterator<Item = &'a str> + use<'a> {
        let added = self.added.get(fr_stem).into_iter().flatten().map(String::as_str);
        self.embedded_translations(fr_stem).map(|en| -> &'a str { en }).chain(added)
    }

    /// Whether a French stem has a translation.
    pub fn translates(&self, fr_stem: &str) -> bool {
        self.embedded_has(fr_stem) || self.added.contains_key(fr_stem)
    }

    /// Whether some French stem translates to this English stem.
    pub fn translates_to(&self, en_stem: &str) -> bool {
        self.tables().any(|t| t.english.contains(en_stem)) || self.added.values().flatten().any(|en| en == en_stem)
    }

    /// Every French stem with the English stems it translates to.
    pub fn entries(&self) -> impl Iterator<Item = (&str, Vec<&str>)> {
        let mut french: Vec<&str> = self.tables().flat_map(|t| t.french.keys.iter()).collect();
        french.extend(self.added.keys().map(String::as_str));
        let mut seen = rustc_hash::FxHashSet::default();
        french.retain(|fr| seen.insert(*fr));
        french.into_iter().map(|fr| (fr, self.translations(fr).collect()))
    }

    fn embedded_has(&self, fr_stem: &str) -> bool {
        self.tables().any(|t| t.french.contains(fr_stem))
    }

    /// Every English stem that some French stem translates to (once each for each embedded table).
    pub fn english_stems(&self) -> impl Iterator<Item = &str> + '_ {
        let embedded = self.tables().flat_map(|t| t.english.keys.iter()).map(|en| -> &str { en });
        embedded.chain(self.added.values().flatten().map(String::as_str))
    }

    /// How many French stems have a translation.
    pub fn len(&self) -> usize {
        self.entries().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn builtin_lexicon_translates_inflected_forms() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.len() > 500, "{} entries", lexicon.len());
        let en: Vec<&str> = lexicon.translations(&stem("ministres", Lang::Fr)).collect();
        assert!(en.contains(&stem("minister", Lang::En).as_str()), "{en:?}");
        assert!(lexicon.translates_to(&stem("minister", Lang::En)));
        assert!(!lexicon.translates_to("zorglub"));
    }

    fn sorted(lexicon: &Lexicon) -> BTreeMap<String, Vec<String>> {
        lexicon.entries().map(|(fr, en)| (fr.to_string(), en.into_iter().map(str::to_string).collect())).collect()
    }

    /// The tables written by `build.rs` hold what the run-time path would compute, in the same
    /// order of translations.
    #[test]
    fn build_time_tables_match_run_time_stemming() {
        let mut runtime = Lexicon::default();
        runtime.add_tsv(include_str!("../../data/lexicon-fr-en.tsv")).unwrap();
        check_against_runtime(&runtime, Lexicon::builtin());
        #[cfg(feature = "freedict")]
        {
            runtime.add_tsv(include_str!("../../data/lexicon-freedict-fr-en.tsv")).unwrap();
            check_against_runtime(&runtime, Lexicon::broad());
            assert!(Lexicon::broad().len() > Lexicon::builtin().len() + 1000);
        }
    }

    /// Alignment reads the FreeDict words too; comparison's lexicon stays the hand-written one.
    #[cfg(feature = "freedict")]
    #[test]
    fn broad_lexicon_adds_dictionary_words_to_the_hand_written_ones() {
        let fr = stem("arbrisseaux", Lang::Fr);
        assert!(Lexicon::broad().translations(&fr).any(|en| en == stem("shrub", Lang::En)));
        assert!(!Lexicon::builtin().translates(&fr));
        let minister = stem("ministres", Lang::Fr);
        let hand: Vec<&str> = Lexicon::builtin().translations(&minister).collect();
        assert!(Lexicon::broad().translations(&minister).take(hand.len()).eq(hand.iter().copied()));
    }

    fn check_against_runtime(runtime: &Lexicon, builtin: &Lexicon) {
        assert_eq!(sorted(runtime), sorted(builtin));
        assert_eq!(runtime.len(), builtin.len());
        let mut english: Vec<&str> = runtime.english_stems().collect();
        english.sort_unstable();
        english.dedup();
        let mut builtin_english: Vec<&str> = builtin.english_stems().collect();
        builtin_english.sort_unstable();
        builtin_english.dedup();
        assert_eq!(english, builtin_english);
        for (fr, en) in runtime.entries() {
            assert!(builtin.translates(fr) && en.iter().all(|en| builtin.translates_to(en)), "{fr}");
        }
    }

    /// Every stem the build wrote is the one the stemmer gives now.
    #[test]
    fn build_time_stems_match_the_stemmers() {
        for (at, lang) in [Lang::Fr, Lang::En].into_iter().enumerate() {
            let (words, stems) = (&known_stems::WORDS[at], &known_stems::STEMS[at]);
            assert!(words.keys.len() > 500 && words.keys.len() == stems.len(), "{lang:?}");
            let stemmer = Stemmer::create(lang.stemmer_algorithm());
            for (i, word) in words.keys.iter().enumerate() {
                assert_eq!(stems.get(i), stemmer.stem(word), "{lang:?} {word}");
                assert_eq!(stem_cow(word, lang), stemmer.stem(word), "{lang:?} {word}");
            }
        }
        assert_eq!(stem("zorglubs", Lang::En), "zorglub");
    }

    #[test]
    fn user_tsv_adds_pairs_and_rejects_bad_lines() {
        let lexicon = Lexicon::builtin_with("# mine\nzorglub\tfrobnicate\n").unwrap();
        assert!(lexicon.translations(&stem("zorglub", Lang::Fr)).eq([stem("frobnicate", Lang::En).as_str()]));
        assert!(lexicon.translates_to(&stem("frobnicate", Lang::En)));
        assert_eq!(lexicon.len(), Lexicon::broad().len() + 1);
        assert!(Lexicon::builtin_with("only-one-field\n").unwrap_err().contains("line 1"));
    }

    /// A user pair for a French stem the table knows comes after the table's translations, once.
    #[test]
    fn user_pairs_extend_embedded_entries() {
        let fr = stem("ministres", Lang::Fr);
        let known: Vec<String> = Lexicon::broad().translations(&fr).map(str::to_string).collect();
        let lexicon = Lexicon::builtin_with("ministres\tzorglub\nministre\tminister\n").unwrap();
        let mut expected = known.clone();
        expected.push(stem("zorglub", Lang::En));
        assert_eq!(lexicon.translations(&fr).collect::<Vec<_>>(), expected);
        assert_eq!(lexicon.len(), Lexicon::broad().len());
    }
}
