//! Word lists of `data/`, embedded in the binary and parsed once, and phrase look-up over tokens.
//!
//! A phrase ("francs suisses", "km/h", "Parlement européen") is keyed by its tokens, folded and
//! joined by one space, hyphens left out. Keying the data with the same tokenizer as the text means
//! "US$" and "US $", "États-Unis" and "Etats Unis" find the same entry with no special case.

use super::phrase_data::plain_phrase_key;
pub use super::phrase_data::rows;
use super::tokens::{tokenize, TokKind, Token};
use crate::lang::Lang;
use newsalign_tables::StaticMap;
// FxHash, not SipHash: the keys are our own data and short words, and hashing every phrase of the
// tables at every start-up with SipHash was a sixth of a short `align` run's instructions.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The key piece of one token: its folded text for a word, its text for the rest; `None` for a
/// token a key leaves out (hyphens).
fn key_piece<'t>(tok: &'t Token) -> Option<&'t str> {
    match tok.kind {
        TokKind::Word => Some(&tok.folded),
        _ if tok.text == "-" || tok.text == "‑" => None,
        _ if tok.text == "’" || tok.text == "‘" => Some("'"),
        _ => Some(tok.text),
    }
}

/// The key of a written phrase, and how many tokens it has.
pub fn phrase_key(phrase: &str) -> (String, usize) {
    // Most phrases of the data are plain words: their key is what the tokenizer gives, at a
    // fraction of the cost. Tables of hundreds of phrases are built at every start-up.
    plain_phrase_key(phrase).unwrap_or_else(|| tokenized_phrase_key(phrase))
}

/// The key of exactly these tokens.
pub fn tokens_key(tokens: &[Token]) -> String {
    let mut key = String::new();
    for piece in tokens.iter().filter_map(key_piece) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(piece);
    }
    key
}

/// The longest phrase starting at `tokens[at]`, of at most `max_tokens` key pieces, whose first
/// piece passes `starts_phrase`: the index just past it and what `get` gives for its key.
/// `goes_on` says of a key of two pieces or more whether some key starts with it (or is it):
/// when none does, no longer phrase can match and the look-up stops ("the" starts phrases of up
/// to ten pieces, "the cat" none). A phrase does not cross white space into a new line or a
/// sentence start.
pub fn longest_match<V>(
    tokens: &[Token],
    at: usize,
    max_tokens: usize,
    starts_phrase: impl Fn(&str) -> bool,
    goes_on: impl Fn(&str) -> bool,
    get: impl Fn(&str) -> Option<V>,
) -> Option<(usize, V)> {
    if !key_piece(tokens.get(at)?).is_some_and(starts_phrase) {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    let mut pieces = 0;
    let mut i = at;
    while i < tokens.len() && pieces < max_tokens {
        if i > at && tokens[i].initial && tokens[i].is_word() {
            break;
        }
        if let Some(piece) = key_piece(&tokens[i]) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(piece);
            pieces += 1;
            if pieces >= 2 && !goes_on(&key) {
                break;
            }
            if let Some(v) = get(&key) {
                best = Some((i + 1, v));
            }
        } else if i == at {
            return None;
        }
        i += 1;
    }
    best
}

/// [`phrase_key`] through the tokenizer, for any phrase.
fn tokenized_phrase_key(phrase: &str) -> (String, usize) {
    let tokens = tokenize(phrase, Lang::En, &[]);
    let mut key = String::new();
    let mut count = 0;
    for piece in tokens.iter().filter_map(key_piece) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(piece);
        count += 1;
    }
    (key, count)
}

/// A dictionary of phrases built at run time, looked up by the longest match at a token. The
/// embedded tables are laid out by `build.rs` instead ([`StaticPhrases`], the gazetteer); the
/// tests check them against a `PhraseTable` of the same data.
#[derive(Debug)]
pub struct PhraseTable<T> {
    entries: HashMap<String, T>,
    /// The first key piece of every phrase: most tokens start none, and are rejected at once.
    first_pieces: HashSet<String>,
    max_tokens: usize,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable { entries: HashMap::default(), first_pieces: HashSet::default(), max_tokens: 0 }
    }
}

impl<T> PhraseTable<T> {
    /// Records the length and first piece of a new key (allocating only for a new first piece).
    fn note_phrase(&mut self, key: &str, count: usize) {
        self.max_tokens = self.max_tokens.max(count);
        let first = key.split(' ').next().unwrap_or_default();
        if !self.first_pieces.contains(first) {
            self.first_pieces.insert(first.to_string());
        }
    }

    /// Adds a phrase; the first entry of a key wins.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let (key, count) = phrase_key(phrase);
        if count == 0 {
            return;
        }
        self.note_phrase(&key, count);
        self.entries.entry(key).or_insert(value);
    }

    /// The longest phrase starting at `tokens[at]`: the index just past it and its value.
    /// A phrase does not cross white space into a new line or a sentence start.
    pub fn longest_at(&self, tokens: &[Token], at: usize) -> Option<(usize, &T)> {
        let starts = |piece: &str| self.first_pieces.contains(piece);
        longest_match(tokens, at, self.max_tokens, starts, |_| true, |key| self.entries.get(key))
    }

    /// Adds a phrase, or updates the value already under its key.
    pub fn insert_with(&mut self, phrase: &str, update: impl FnOnce(&mut T))
    where
        T: Default,
    {
        let (key, count) = phrase_key(phrase);
        if count == 0 {
            return;
        }
        self.note_phrase(&key, count);
        update(self.entries.entry(key).or_default());
    }

    /// The value of exactly these tokens.
    pub fn get_tokens(&self, tokens: &[Token]) -> Option<&T> {
        self.entries.get(&tokens_key(tokens))
    }
}

/// A form of a data row, found by a [`StaticPhrases`] table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataForm {
    /// The whole line of its row.
    pub line: &'static str,
    /// The form as written in the row (with its markers).
    pub form: &'static str,
}

/// A phrase table of a data file laid out by `build.rs` (`newsalign_tables::map` tables read in
/// place): what a [`PhraseTable`] of its forms gives, without building one at start-up. Each
/// phrase leads to the first form written so; the caller makes its value from the row.
#[derive(Debug)]
pub struct StaticPhrases {
    pub data: &'static str,
    pub phrases: StaticMap,
    pub first_pieces: StaticMap,
    /// Every key prefix of two pieces or more (see [`longest_match`]).
    pub prefixes: StaticMap,
    pub max_tokens: usize,
    /// For each phrase: where its row's line starts in `data`, where its form starts and ends.
    pub forms: &'static [[u32; 3]],
}

impl StaticPhrases {
    fn form(&self, phrase: usize) -> DataForm {
        let [line, start, end] = self.forms[phrase].map(|at| at as usize);
        let line = self.data[line..].lines().next().unwrap_or_default();
        DataForm { line, form: &self.data[start..end] }
    }

    /// The longest phrase starting at `tokens[at]`: the index just past it and its form.
    pub fn longest_at(&self, tokens: &[Token], at: usize) -> Option<(usize, DataForm)> {
        let starts = |piece: &str| self.first_pieces.contains(piece);
        let goes_on = |key: &str| self.prefixes.contains(key);
        let (end, phrase) = longest_match(tokens, at, self.max_tokens, starts, goes_on, |key| self.phrases.get(key))?;
        Some((end, self.form(phrase)))
    }

    /// The form of exactly these tokens.
    pub fn get_tokens(&self, tokens: &[Token]) -> Option<DataForm> {
        self.phrases.get(&tokens_key(tokens)).map(|phrase| self.form(phrase))
    }

    /// Checks this table against a [`PhraseTable`] built at run time from the same data: the
    /// same form for every phrase, the same first pieces and longest phrase.
    #[cfg(test)]
    pub fn assert_matches_run_time(&self, tsv: &'static str, fields: usize, markers: &[char]) {
        assert_eq!(tsv, self.data);
        let mut table = PhraseTable::default();
        let forms: Vec<(&str, &str)> = super::phrase_data::listed_forms(tsv, fields).collect();
        for &(line, form) in &forms {
            table.insert(form.trim_start_matches(markers), DataForm { line, form });
        }
        let mut keys = std::collections::HashSet::new();
        for (_, form) in forms {
            let tokens = tokenize(form.trim_start_matches(markers), Lang::En, &[]);
            let key = tokens_key(&tokens);
            if key.is_empty() {
                continue;
            }
            assert_eq!(self.get_tokens(&tokens).as_ref(), table.get_tokens(&tokens), "{form:?}");
            assert!(self.first_pieces.contains(key.split(' ').next().unwrap()), "{form:?}");
            assert!(longer_prefixes(&key).all(|p| self.prefixes.contains(p)), "{form:?}");
            keys.insert(key);
        }
        assert_eq!(keys.len(), self.phrases.keys.len());
        assert_eq!(self.max_tokens, table.max_tokens);
    }
}

/// Rows of a data file by a key word, laid out by `build.rs` (a `newsalign_tables::map` table read in
/// place): the caller reads its value from the row's line when it meets the word.
#[derive(Debug)]
pub struct StaticRows {
    pub data: &'static str,
    pub keys: StaticMap,
    /// For each key, where its row's line starts in `data`.
    pub lines: &'static [u32],
}

impl StaticRows {
    /// The line of the row of `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let at = self.lines[self.keys.get(key)?] as usize;
        self.data[at..].lines().next()
    }
}

/// The prefixes of two pieces or more of a key, the key included when it has two pieces or more.
#[cfg(test)]
pub fn longer_prefixes(key: &str) -> impl Iterator<Item = &str> {
    let ends = key.match_indices(' ').map(|(at, _)| at).skip(1).chain(key.contains(' ').then_some(key.len()));
    ends.map(move |end| &key[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_accents_hyphens_and_spacing() {
        assert_eq!(phrase_key("États-Unis").0, phrase_key("Etats Unis").0);
        assert_eq!(phrase_key("US$").0, phrase_key("us $").0);
        assert_eq!(phrase_key("l’AFP").0, phrase_key("l'AFP").0);
    }

    /// The short cut for plain phrases gives the tokenizer's keys, on tricky spacing and on
    /// every field of the data tables built through it.
    #[test]
    fn plain_phrase_keys_match_the_tokenizer() {
        let data = [
            include_str!("../../data/gazetteer.tsv"),
            include_str!("../../data/countries.tsv"),
            include_str!("../../data/currencies.tsv"),
            include_str!("../../data/units.tsv"),
            include_str!("../../data/holidays.tsv"),
            include_str!("../../data/number_words.tsv"),
        ];
        let fields = data.into_iter().flat_map(rows).flatten().flat_map(|f| f.split(['|', '(', ')']));
        let plain = [
            "",
            " - ",
            "Etats--Unis ",
            " New  York",
            "km-h",
            "G 20",
            "MI5",
            "St. Kitts & Nevis",
            "l’Élysée",
            "m²",
            "°C",
            "Pe\u{301}rou",
        ];
        let unplain = ["-5", "G.7", "20 000", "1,5", "3.5", "x-1", "−2", "km2 x3", "1e5", "2x10^3", "4.", "(5)", "7%"];
        for phrase in fields.chain(plain).chain(unplain) {
            assert_eq!(phrase_key(phrase), tokenized_phrase_key(phrase), "{phrase:?}");
        }
        assert!(unplain.iter().all(|phrase| plain_phrase_key(phrase).is_none()));
        // Tables that build.rs keys: each of their phrases must be plain.
        let built = data[..5].iter().flat_map(|tsv| rows(tsv)).filter_map(|row| row.last().copied());
        let unplain_data: Vec<&str> =
            built.flat_map(|f| f.split('|')).filter(|f| plain_phrase_key(f).is_none()).collect();
        assert!(unplain_data.is_empty(), "{unplain_data:?}");
        assert!(plain.iter().all(|phrase| plain_phrase_key(phrase).is_some()));
    }

    #[test]
    fn finds_the_longest_phrase() {
        let mut table = PhraseTable::default();
        table.insert("franc", 1);
        table.insert("francs suisses", 2);
        let toks = tokenize("10 francs suisses", Lang::Fr, &[]);
        assert_eq!(table.longest_at(&toks, 1), Some((3, &2)));
    }
}
