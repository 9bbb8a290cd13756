//! One side of a pair as text, prepared for the look-ups of the other side's facts.

use super::*;

/// The text of one side of a pair, prepared for the look-ups of the other side's facts. Each
/// part is worked out on first use: a pair asks for the parts of the classes of its unmatched
/// facts only (a figure needs the digits, a name the words), and reading every word of a long
/// pair for each part was most of the comparison of a novel.
pub struct TextView {
    pub lang: Lang,
    text: String,
    words: OnceLock<Words>,
    /// English stems the text says: its own for English, the lexicon's translations for French.
    /// Only names found no other way need them.
    english_stems: OnceLock<HashSet<String>>,
    digits: OnceLock<Vec<f64>>,
    implied: OnceLock<Vec<f64>>,
    months: OnceLock<Vec<u32>>,
    /// The gazetteer keys of the names, nationalities and adjectives it writes, inside longer
    /// names too ("Royal Swedish Academy" writes Sweden's key).
    gazetteer_keys: OnceLock<HashSet<&'static str>>,
    /// The whole numbers it writes in words, two or more ("four", "vingt-trois"), even inside
    /// another fact ("in four years" read as a date).
    number_words: OnceLock<Vec<f64>>,
}

/// The folded words of a text end to end in one string (not one string a word), with where
/// each is and whether it was capitalized.
pub(super) struct Words {
    folded: String,
    spans: Vec<(usize, usize, bool)>,
}

impl Words {
    pub(super) fn of(text: &str) -> Words {
        let mut folded = String::with_capacity(text.len());
        let mut spans = Vec::new();
        for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let start = folded.len();
            if w.is_ascii() {
                folded.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                folded.push_str(&fold(w));
            }
            spans.push((start, folded.len(), w.chars().next().is_some_and(char::is_uppercase)));
        }
        Words { folded, spans }
    }

    pub(super) fn get(&self, i: usize) -> &str {
        let (start, end, _) = self.spans[i];
        &self.folded[start..end]
    }
}

impl TextView {
    pub fn new(text: impl Into<String>, lang: Lang) -> TextView {
        TextView {
            lang,
            text: text.into(),
            words: OnceLock::new(),
            english_stems: OnceLock::new(),
            digits: OnceLock::new(),
            implied: OnceLock::new(),
            months: OnceLock::new(),
            gazetteer_keys: OnceLock::new(),
            number_words: OnceLock::new(),
        }
    }

    /// Hands the tokens of the text to `each`, one window of [`crate::facts::WINDOW_BYTES`] at a
    /// time, cut as the facts stage cuts (a view is one piece unless it is longer, up to
    /// [`super::super::MAX_VIEW_BYTES`]): tokens weigh many times the text they cover.
    fn each_token_window(&self, mut each: impl FnMut(&[crate::facts::tokens::Token])) {
        let mut start = 0;
        while start < self.text.len() {
            let end = crate::facts::window_end(&self.text, start, &[0]);
            let tokens = crate::facts::tokens::tokenize_range(&self.text, start..end, self.lang, &[0]);
            each(&tokens);
            start = tokens.last().map_or(end, |t| t.end.max(end));
        }
    }

    /// The whole numbers of two or more it writes in words.
    pub fn number_words(&self) -> &[f64] {
        self.number_words.get_or_init(|| {
            let mut out = Vec::new();
            self.each_token_window(|tokens| {
                let mut i = 0;
                while i < tokens.len() {
                    match crate::facts::numbers::whole_number_words_at(tokens, i, self.lang) {
                        Some((value, end)) if end > i => {
                            if value >= 2 {
                                out.push(value as f64);
                            }
                            i = end;
                        }
                        _ => i += 1,
                    }
                }
            });
            out
        })
    }

    /// Whether the text writes an entity with this gazetteer key, a nationality or an
    /// adjective of a place included.
    pub fn writes_key(&self, key: &str) -> bool {
        self.gazetteer_keys
            .get_or_init(|| {
                let mut keys = HashSet::default();
                self.each_token_window(|tokens| {
                    keys.extend(
                        (0..tokens.len())
                            .filter_map(|i| crate::facts::gazetteer::lookup(tokens, i))
                            .map(|(_, e)| e.key),
                    )
                });
                keys
            })
            .contains(key)
    }

    /// The figures written in digits.
    pub fn digits(&self) -> &[f64] {
        self.digits.get_or_init(|| digit_numbers(&self.text))
    }

    /// The figures its words state without a number ("twice", "a decade", "une trentaine").
    pub fn implied(&self) -> &[f64] {
        self.implied.get_or_init(|| self.words().flat_map(|(w, _)| implied_figures(w, self.lang)).copied().collect())
    }

    /// The months it names in full ("décembre", "December"; an English one with its capital).
    pub fn months(&self) -> &[u32] {
        self.months.get_or_init(|| {
            self.words()
                .filter(|(_, capitalized)| *capitalized || self.lang == Lang::Fr)
                .filter_map(|(w, _)| crate::facts::dates::month_named(w, self.lang))
                .collect()
        })
    }

    pub(super) fn all_words(&self) -> &Words {
        self.words.get_or_init(|| Words::of(&self.text))
    }

    /// The folded words, each with whether it was capitalized.
    pub(super) fn words(&self) -> impl Iterator<Item = (&str, bool)> + '_ {
        let words = self.all_words();
        words.spans.iter().map(|&(start, end, capitalized)| (&words.folded[start..end], capitalized))
    }

    pub(super) fn english_stems(&self) -> &HashSet<String> {
        self.english_stems.get_or_init(|| self.words().flat_map(|(w, _)| english_stems_of(w, self.lang)).collect())
    }

    pub fn contains_words(&self, seq: &[&str]) -> bool {
        let words = self.all_words();
        let n = words.spans.len();
        !seq.is_empty()
            && seq.len() <= n
            && (0..=n - seq.len()).any(|at| seq.iter().enumerate().all(|(k, w)| words.get(at + k) == *w))
    }
}

/// Words that state a figure with no number word (`data/implied_numbers.tsv`), per language
/// (French, English), laid out by `build.rs` as tables read in place.
pub(super) mod implied {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/implied_numbers.rs"));
}

/// The figures a folded word states without a number ("twice" → 2, "trentaine" → 30).
pub(super) fn implied_figures(word: &str, lang: Lang) -> &'static [f64] {
    let lang = usize::from(lang == Lang::En);
    implied::WORDS[lang].get(word).map_or(&[], |i| implied::FIGURES[lang][i])
}

/// The English stems a folded word stands for: its own stem in English, the lexicon's
/// translations of its stem in French (none for short words, mostly function words).
pub(super) fn english_stems_of(word: &str, lang: Lang) -> Vec<String> {
    if word.chars().count() < 4 {
        return Vec::new();
    }
    match lang {
        Lang::En => vec![stem(word, Lang::En)],
        Lang::Fr => Lexicon::builtin().translations(&stem(word, Lang::Fr)).map(str::to_string).collect(),
    }
}
