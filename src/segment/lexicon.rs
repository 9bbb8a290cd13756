//! The word lists the splitter consults, parsed once from the files in `data/`.
//!
//! Keeping them as data (not code) lets a reader check and extend them without reading the rules.

use crate::lang::Lang;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// How an abbreviation before a period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// Precedes a name ("Mr.", "M.", "Dr."): never ends a sentence.
    Title,
    /// Precedes a number ("p.", "no.", "Jan."): no break before a digit.
    Number,
    /// "a.m.", "p.m.": ends a sentence when a capital follows a clause of some length.
    Time,
    /// May end a sentence ("Co.", "etc."): breaks only before a usual sentence opener.
    Common,
}

pub struct Lexicon {
    titles: HashSet<&'static str>,
    after_time: HashSet<&'static str>,
    others: HashMap<String, Abbrev>,
    /// Abbreviations that are plain words in lower case ("Wash.", "Mont."): matched with their case.
    capitalised: HashMap<&'static str, Abbrev>,
    starters: HashMap<Lang, HashSet<&'static str>>,
    attribution: HashMap<Lang, HashSet<&'static str>>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let abbreviations = sections(include_str!("../../data/abbreviations.txt"));
    let mut titles = HashSet::default();
    // English weekdays and months go on after a clock time ("10 a.m. Monday"); the calendar
    // table of the facts stage already lists them.
    let after_time = include_str!("../../data/calendar.tsv")
        .lines()
        .filter(|l| l.starts_with("en\t"))
        .flat_map(|l| l.split('\t').skip(3))
        .collect();
    let mut others = HashMap::default();
    let mut capitalised = HashMap::default();
    for (section, words) in &abbreviations {
        let kind = match *section {
            "title" => Abbrev::Title,
            "number" => Abbrev::Number,
            "time" => Abbrev::Time,
            "common" => Abbrev::Common,
            other => panic!("data/abbreviations.txt: unknown section [{other}]"),
        };
        for word in words {
            let word = word.strip_suffix('.').unwrap_or(word);
            if kind == Abbrev::Title {
                titles.insert(word);
            } else if kind == Abbrev::Common && word.starts_with(char::is_uppercase) {
                capitalised.insert(word, kind);
            } else {
                // The first section that names a word wins: the file lists the stronger uses first.
                others.entry(word.to_lowercase()).or_insert(kind);
            }
        }
    }
    Lexicon {
        titles,
        after_time,
        others,
        capitalised,
        starters: by_lang(include_str!("../../data/sentence_starters.txt")),
        attribution: by_lang(include_str!("../../data/attribution_verbs.txt")),
    }
});

/// Parses `[section]` headers followed by white-space separated words; `#` starts a comment line.
fn sections(data: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((name, Vec::new()));
        } else if let Some((_, words)) = out.last_mut() {
            words.extend(line.split_whitespace());
        }
    }
    out
}

fn by_lang(data: &'static str) -> HashMap<Lang, HashSet<&'static str>> {
    sections(data)
        .into_iter()
        .map(|(name, words)| {
            let lang = name.parse::<Lang>().unwrap_or_else(|e| panic!("word list section [{name}]: {e}"));
            (lang, words.into_iter().collect())
        })
        .collect()
}

impl Lexicon {
    /// The behaviour of `word` (written without its final period), if it is a known abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        if self.titles.contains(word) {
            return Some(Abbrev::Title);
        }
        if let Some(&kind) = self.capitalised.get(word) {
            return Some(kind);
        }
        // Every listed abbreviation is short; longer words need no lower-casing and no lookup.
        if word.len() > 12 || !word.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return None;
        }
        self.others.get(&word.to_lowercase()).copied()
    }

    /// Whether `word` goes on after a clock time ("10 a.m. Monday") rather than opening a sentence.
    pub fn follows_time(&self, word: &str) -> bool {
        self.after_time.contains(word)
    }

    /// Whether `word` usually opens a sentence; `elided` when an apostrophe follows it ("L'").
    pub fn is_starter(&self, lang: Lang, word: &str, elided: bool) -> bool {
        let Some(set) = self.starters.get(&lang) else { return false };
        if elided {
            let mut with_apostrophe = String::with_capacity(word.len() + 1);
            with_apostrophe.push_str(word);
            with_apostrophe.push('\'');
            if set.contains(with_apostrophe.as_str()) {
                return true;
            }
        }
        set.contains(word)
    }

    /// Whether the lower-cased `word` is a verb of saying.
    pub fn is_attribution_verb(&self, lang: Lang, word: &str) -> bool {
        self.attribution.get(&lang).is_some_and(|set| set.contains(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_classify() {
        assert_eq!(LEXICON.abbreviation("Mr"), Some(Abbrev::Title));
        assert_eq!(LEXICON.abbreviation("M"), Some(Abbrev::Title));
        assert_eq!(LEXICON.abbreviation("m"), None, "titles keep their case");
        assert_eq!(LEXICON.abbreviation("p"), Some(Abbrev::Number));
        assert_eq!(LEXICON.abbreviation("a.m"), Some(Abbrev::Time));
        assert_eq!(LEXICON.abbreviation("Inc"), Some(Abbrev::Common));
        assert!(LEXICON.is_starter(Lang::Fr, "L", true));
        assert!(LEXICON.is_starter(Lang::En, "The", false));
        assert!(!LEXICON.is_starter(Lang::En, "Government", false));
        assert!(LEXICON.is_attribution_verb(Lang::En, "said"));
    }
}
