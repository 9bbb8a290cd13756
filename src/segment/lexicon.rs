//! The word lists the splitter consults, parsed once from the files in `data/`.
//!
//! Keeping them as data (not code) lets a reader check and extend them without reading the rules.

use crate::lang::Lang;
use newsalign_tables::StaticMap;

/// The lists, laid out by `build.rs` as tables read in place: parsing and hashing them at every
/// start-up was a fiftieth of a short `align` run.
mod embedded {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/segment_tables.rs"));
}

/// How an abbreviation before a period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// Precedes a name ("Mr.", "M.", "Dr."): never ends a sentence.
    Title,
    /// Precedes a number ("p.", "no.", "Jan."): no break before a digit.
    Number,
    /// "a.m.", "p.m.": ends a sentence when a capital follows a clause of some length.
    Time,
    /// Also an everyday word ("No.", "mm."): an abbreviation only before a number.
    Word,
    /// May end a sentence ("Co.", "etc."): breaks only before a usual sentence opener.
    Common,
}

impl Abbrev {
    /// The behaviour a section of `data/abbreviations.txt` names.
    fn of_section(section: &str) -> Abbrev {
        match section {
            "title" => Abbrev::Title,
            "number" => Abbrev::Number,
            "time" => Abbrev::Time,
            "word" => Abbrev::Word,
            _ => Abbrev::Common,
        }
    }
}

/// The word lists of `data/` (see `newsalign_tables::word_lists` for how they read).
pub struct Lexicon {
    titles: &'static StaticMap,
    after_time: &'static StaticMap,
    /// Lower-cased abbreviations, with their section in `other_sections`.
    others: &'static StaticMap,
    other_sections: &'static [&'static str],
    /// Abbreviations that are plain words in lower case ("Wash.", "Mont."): matched with their case.
    capitalised: &'static StaticMap,
    /// Sentence starters, French then English.
    starters: [&'static StaticMap; 2],
    /// Verbs of saying, French then English.
    attribution: [&'static StaticMap; 2],
}

pub static LEXICON: Lexicon = Lexicon {
    titles: &embedded::TITLES,
    after_time: &embedded::AFTER_TIME,
    others: &embedded::OTHERS,
    other_sections: &embedded::OTHER_SECTIONS,
    capitalised: &embedded::CAPITALISED,
    starters: [&embedded::STARTERS_FR, &embedded::STARTERS_EN],
    attribution: [&embedded::ATTRIBUTION_FR, &embedded::ATTRIBUTION_EN],
};

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

impl Lexicon {
    /// The behaviour of `word` (written without its final period), if it is a known abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        if self.titles.contains(word) {
            return Some(Abbrev::Title);
        }
        if self.capitalised.contains(word) {
            return Some(Abbrev::Common);
        }
        // Every listed abbreviation is short; longer words need no lower-casing and no lookup.
        if word.len() > 12 || !word.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return None;
        }
        let index = self.others.get(&word.to_lowercase())?;
        Some(Abbrev::of_section(self.other_sections[index]))
    }

    /// Whether `word` goes on after a clock time ("10 a.m. Monday") rather than opening a sentence.
    pub fn follows_time(&self, word: &str) -> bool {
        self.after_time.contains(word)
    }

    /// Whether `word` usually opens a sentence; `elided` when an apostrophe follows it ("L'").
    pub fn is_starter(&self, lang: Lang, word: &str, elided: bool) -> bool {
        let set = self.starters[lang_index(lang)];
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
        self.attribution[lang_index(lang)].contains(word)
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
        assert_eq!(LEXICON.abbreviation("No"), Some(Abbrev::Word));
        assert!(LEXICON.is_starter(Lang::Fr, "L", true));
        assert!(LEXICON.is_starter(Lang::En, "The", false));
        assert!(!LEXICON.is_starter(Lang::En, "Government", false));
        assert!(LEXICON.is_attribution_verb(Lang::En, "said"));
        assert!(LEXICON.follows_time("Monday"));
    }

    /// The tables `build.rs` wrote hold every word of the lists, as the lists read.
    #[test]
    fn build_time_tables_hold_the_lists() {
        use newsalign_tables::word_lists::{abbreviations, after_time, sections};
        let abbrevs = abbreviations(include_str!("../../data/abbreviations.txt")).unwrap();
        assert!(abbrevs.titles.iter().all(|w| LEXICON.abbreviation(w) == Some(Abbrev::Title)));
        for w in &abbrevs.capitalised {
            assert!(LEXICON.titles.contains(w) || LEXICON.abbreviation(w) == Some(Abbrev::Common), "{w}");
        }
        for (w, section) in &abbrevs.others {
            assert_eq!(LEXICON.others.get(w).map(|i| LEXICON.other_sections[i]), Some(*section), "{w}");
        }
        assert_eq!(LEXICON.others.keys.len(), abbrevs.others.len());
        assert!(after_time(include_str!("../../data/calendar.tsv")).all(|w| LEXICON.follows_time(w)));
        for (data, tables) in [
            (include_str!("../../data/sentence_starters.txt"), LEXICON.starters),
            (include_str!("../../data/attribution_verbs.txt"), LEXICON.attribution),
        ] {
            for (section, words) in sections(data) {
                let lang: Lang = section.parse().unwrap();
                assert!(words.iter().all(|w| tables[lang_index(lang)].contains(w)), "[{section}]");
                let distinct: std::collections::HashSet<&str> = words.into_iter().collect();
                assert_eq!(distinct.len(), tables[lang_index(lang)].keys.len());
            }
        }
    }
}
