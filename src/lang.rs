//! The two languages newsalign knows, and detection between them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A supported article language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// ISO 639-1 code, as used in records and reports.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The Snowball stemmer for this language.
    pub fn stemmer_algorithm(self) -> rust_stemmers::Algorithm {
        match self {
            Lang::Fr => rust_stemmers::Algorithm::French,
            Lang::En => rust_stemmers::Algorithm::English,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Ok(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Ok(Lang::En),
            other => Err(format!("unsupported language '{other}' (newsalign reads fr and en)")),
        }
    }
}

/// Why a text's language could not be decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetectError {
    /// Too little text to tell.
    TooShort,
    /// The text is in another language (its English name), not French or English.
    OtherLanguage(String),
    /// A short text with nothing that tells French from English (no function word of either):
    /// the trigram guess is given, but not trusted.
    Unsure(Lang),
}

impl fmt::Display for DetectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetectError::TooShort => {
                write!(f, "cannot tell the language of so short a text; pass --lang fr or --lang en")
            }
            DetectError::Unsure(guess) => {
                let name = if *guess == Lang::Fr { "French" } else { "English" };
                write!(f, "unsure of the language (perhaps {name}): too short to tell French from English; pass --lang fr or --lang en")
            }
            DetectError::OtherLanguage(name) => {
                write!(f, "the text looks like {name}, not French or English; pass --lang fr or --lang en to force one")
            }
        }
    }
}

/// Only the first bytes are read: a news article's language is settled in its first paragraphs,
/// and reading more would make detection the slowest stage on long inputs.
const DETECT_PREFIX_BYTES: usize = 4096;

/// Decides between French and English; says so when the text is neither.
pub fn detect(text: &str) -> Result<Lang, DetectError> {
    let sample = crate::text::prefix_at_char_boundary(text, DETECT_PREFIX_BYTES);
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return Err(DetectError::TooShort);
    }
    let vote = FunctionWordVote::count(sample);
    if let Some(lang) = vote.clear_winner() {
        return Ok(lang);
    }
    // First an open guess, so that German or Spanish is named rather than forced into fr/en.
    if let Some(info) = whatlang::detect(sample) {
        let lang = info.lang();
        let is_ours = matches!(lang, whatlang::Lang::Fra | whatlang::Lang::Eng);
        if !is_ours && info.is_reliable() && letters >= 40 {
            return Err(DetectError::OtherLanguage(lang.eng_name().to_string()));
        }
    }
    let detector = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng]);
    let guess = match detector.detect_lang(sample) {
        Some(whatlang::Lang::Fra) => Lang::Fr,
        Some(_) => Lang::En,
        None => return Err(DetectError::TooShort),
    };
    // Trigrams over a line or two of names ("Macron visits Paris on Tuesday.") are a coin toss:
    // a short text is only trusted when a function word of the guessed language backs it.
    if letters < UNSURE_BELOW_LETTERS && !vote.backs(guess) {
        return Err(DetectError::Unsure(guess));
    }
    Ok(guess)
}

/// Below this many letters, the trigram guess needs the backing of a function word.
const UNSURE_BELOW_LETTERS: usize = 200;

/// Counts of French and English function words in a sample.
///
/// Nearly every process of `align` or `check` detects two languages, and the trigram detector
/// costs more than aligning a short pair. Running text is a third function words, so a few hundred
/// bytes of clear French or English settle the question with a word count; the trigram detector is
/// left for short, mixed or foreign text, where the vote has no clear winner.
#[derive(Debug, Default, PartialEq, Eq)]
struct FunctionWordVote {
    words: usize,
    french: usize,
    english: usize,
}

/// A vote is settled only with this many function words of the winner...
const VOTE_MIN_HITS: usize = 12;
/// ...making at least this share (percent) of all words: Spanish or Italian text shares a few
/// French words ("la", "il") but never at this density...
const VOTE_MIN_DENSITY_PERCENT: usize = 15;
/// ...and at least this many times the other language's count (quotes and names cross over).
const VOTE_MIN_MARGIN: usize = 4;

impl FunctionWordVote {
    fn count(sample: &str) -> FunctionWordVote {
        let mut vote = FunctionWordVote::default();
        for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            vote.words += 1;
            match function_word_language(word) {
                Some(Lang::Fr) => vote.french += 1,
                Some(Lang::En) => vote.english += 1,
                None => {}
            }
        }
        vote
    }

    /// Whether the function words lean to `lang` (at least one of it, more than of the other).
    fn backs(&self, lang: Lang) -> bool {
        let (mine, other) = if lang == Lang::Fr { (self.french, self.english) } else { (self.english, self.french) };
        mine > other
    }

    fn clear_winner(&self) -> Option<Lang> {
        let (winner, hits, other) = if self.french >= self.english {
            (Lang::Fr, self.french, self.english)
        } else {
            (Lang::En, self.english, self.french)
        };
        let settled = hits >= VOTE_MIN_HITS
            && hits * 100 >= self.words * VOTE_MIN_DENSITY_PERCENT
            && other * VOTE_MIN_MARGIN <= hits;
        settled.then_some(winner)
    }
}

/// The language a frequent function word belongs to. Words the two languages share with each
/// other or with Spanish, Italian or Portuguese ("a", "on", "de", "la", "en", "que", "un") are left out.
fn function_word_language(word: &str) -> Option<Lang> {
    if word.len() > 5 {
        return None;
    }
    let mut lower = [0u8; 5];
    for (slot, byte) in lower.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    // Only ASCII letters were changed, so the bytes are still the UTF-8 of a whole word.
    match std::str::from_utf8(&lower[..word.len()]).unwrap_or_default() {
        "le" | "les" | "des" | "du" | "et" | "est" | "une" | "pour" | "dans" | "qui" | "sur" | "au" | "aux"
        | "avec" | "pas" | "ne" | "ce" | "cette" | "ses" | "sont" | "mais" | "nous" | "leur" | "à" | "À" | "été" => {
            Some(Lang::Fr)
        }
        "the" | "and" | "of" | "to" | "is" | "was" | "that" | "for" | "with" | "said" | "it" | "by" | "at" | "from"
        | "has" | "have" | "are" | "be" | "his" | "this" | "which" | "were" | "will" | "been" | "they" | "their"
        | "would" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(detect("Le gouvernement a annoncé lundi une nouvelle réforme des retraites."), Ok(Lang::Fr));
        assert_eq!(detect("The government announced a new pension reform on Monday."), Ok(Lang::En));
    }

    #[test]
    fn says_when_a_short_text_is_unsure() {
        let e = detect("Macron visits Paris on Tuesday.").unwrap_err();
        assert!(matches!(e, DetectError::Unsure(_)));
        assert!(e.to_string().contains("--lang"));
        assert_eq!(detect("Macron visits Paris with the minister."), Ok(Lang::En));
        assert_eq!(detect("Le feu a pris dans la nuit."), Ok(Lang::Fr));
    }

    #[test]
    fn names_another_language() {
        let german = "Die Bundesregierung hat am Montag eine neue Rentenreform angekündigt, die im nächsten Jahr in Kraft treten soll.";
        assert!(matches!(detect(german), Err(DetectError::OtherLanguage(_))));
    }

    #[test]
    fn function_words_settle_clear_text_alone() {
        let french = "Le maire a présenté mardi le budget de la ville pour l'an prochain. Les élus de \
            l'opposition ont critiqué une hausse des impôts qui, selon eux, pèsera sur les familles et sur \
            les commerces du centre. Le vote est prévu à la fin du mois, avec une séance publique.";
        let english = "The mayor presented the city's budget for next year on Tuesday. Opposition members \
            said that the tax rise would weigh on families and on shops in the centre, and that it was \
            not needed. The vote is due at the end of the month, with a public session.";
        assert_eq!(FunctionWordVote::count(french).clear_winner(), Some(Lang::Fr));
        assert_eq!(FunctionWordVote::count(english).clear_winner(), Some(Lang::En));
    }

    #[test]
    fn function_words_leave_foreign_and_short_text_to_trigrams() {
        let german = "Die Bundesregierung hat am Montag eine neue Rentenreform angekündigt, die im nächsten \
            Jahr in Kraft treten soll. Was die Opposition davon hält, ist noch nicht klar.";
        let spanish = "El alcalde presentó el martes el presupuesto de la ciudad para el año que viene, y la \
            oposición criticó una subida de los impuestos que, según ellos, pesará sobre las familias.";
        assert_eq!(FunctionWordVote::count(german).clear_winner(), None);
        assert_eq!(FunctionWordVote::count(spanish).clear_winner(), None);
        assert_eq!(FunctionWordVote::count("The end.").clear_winner(), None);
    }

    #[test]
    fn parses_codes() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}
