//! The French-English lexicon that lets alignment see translations: content words only, compared
//! through their Snowball stems so that one entry covers every inflection.

use crate::lang::Lang;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The embedded lexicon (`data/lexicon-fr-en.tsv`, see data/README.md for where it comes from),
/// already folded and stemmed by `build.rs`: a French stem and its English stems a line, tab-separated.
const BUILTIN_STEMS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon-stems.tsv"));

/// French stems mapped to the English stems they translate to. The built-in stems borrow the
/// embedded text: thousands of small allocations at every start-up were most of its cost.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    fr_to_en: HashMap<Cow<'static, str>, Vec<Cow<'static, str>>>,
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut fr_to_en = HashMap::with_capacity_and_hasher(BUILTIN_STEMS.lines().count(), Default::default());
    for line in BUILTIN_STEMS.lines() {
        let mut stems = line.split('\t').map(Cow::Borrowed);
        if let Some(fr) = stems.next() {
            fr_to_en.insert(fr, stems.collect());
        }
    }
    Lexicon { fr_to_en }
});

/// The stemmers of both languages, built once (construction allocates).
static STEMMERS: LazyLock<[Stemmer; 2]> =
    LazyLock::new(|| [Stemmer::create(Lang::Fr.stemmer_algorithm()), Stemmer::create(Lang::En.stemmer_algorithm())]);

/// The stem of an accent-folded, lower-cased word. Stems are folded again because the French
/// stemmer can keep accents that the folding removed earlier (it never adds new ones).
pub fn stem(word: &str, lang: Lang) -> String {
    let stemmer = match lang {
        Lang::Fr => &STEMMERS[0],
        Lang::En => &STEMMERS[1],
    };
    stemmer.stem(word).into_owned()
}

impl Lexicon {
    /// The lexicon shipped in the binary, parsed on first use.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The built-in lexicon plus a user's TSV (`french<TAB>english` a line, `#` comments).
    pub fn builtin_with(user_tsv: &str) -> Result<Lexicon, String> {
        let mut lexicon = Lexicon::builtin().clone();
        lexicon.add_tsv(user_tsv)?;
        Ok(lexicon)
    }

    /// Adds the pairs of a TSV text. Multi-word entries are skipped: alignment compares words.
    pub fn add_tsv(&mut self, tsv: &str) -> Result<(), String> {
        for (fr, en) in super::lexicon_tsv::word_pairs(tsv)? {
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
        let targets = self.fr_to_en.entry(Cow::Owned(fr)).or_default();
        if !targets.iter().any(|t| *t == en) {
            targets.push(Cow::Owned(en));
        }
    }

    /// The English stems a French stem translates to.
    pub fn translations(&self, fr_stem: &str) -> impl Iterator<Item = &str> {
        self.fr_to_en.get(fr_stem).into_iter().flatten().map(|en| en.as_ref())
    }

    /// Whether a French stem has a translation.
    pub fn translates(&self, fr_stem: &str) -> bool {
        self.fr_to_en.contains_key(fr_stem)
    }

    /// Every French stem with the English stems it translates to.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &[Cow<'static, str>])> {
        self.fr_to_en.iter().map(|(fr, en)| (fr.as_ref(), en.as_slice()))
    }

    /// Every English stem that some French stem translates to.
    pub fn english_stems(&self) -> impl Iterator<Item = &str> {
        self.fr_to_en.values().flatten().map(|en| en.as_ref())
    }

    /// How many French stems have a translation.
    pub fn len(&self) -> usize {
        self.fr_to_en.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fr_to_en.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_translates_inflected_forms() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.len() > 500, "{} entries", lexicon.len());
        let en: Vec<&str> = lexicon.translations(&stem("ministres", Lang::Fr)).collect();
        assert!(en.contains(&stem("minister", Lang::En).as_str()), "{en:?}");
    }

    /// The stems written by `build.rs` are the ones the run-time path would compute.
    #[test]
    fn build_time_stems_match_run_time_stemming() {
        let mut runtime = Lexicon::default();
        runtime.add_tsv(include_str!("../../data/lexicon-fr-en.tsv")).unwrap();
        assert_eq!(runtime.fr_to_en, Lexicon::builtin().fr_to_en);
    }

    #[test]
    fn user_tsv_adds_pairs_and_rejects_bad_lines() {
        let lexicon = Lexicon::builtin_with("# mine\nzorglub\tfrobnicate\n").unwrap();
        assert!(lexicon.translations(&stem("zorglub", Lang::Fr)).eq([stem("frobnicate", Lang::En).as_str()]));
        assert!(Lexicon::builtin_with("only-one-field\n").unwrap_err().contains("line 1"));
    }
}
