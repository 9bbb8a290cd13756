//! The two languages newsalign knows, and detection between them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A supported article language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
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
}

impl fmt::Display for DetectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetectError::TooShort => {
                write!(f, "cannot tell the language of so short a text; pass --lang fr or --lang en")
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
    // First an open guess, so that German or Spanish is named rather than forced into fr/en.
    if let Some(info) = whatlang::detect(sample) {
        let lang = info.lang();
        let is_ours = matches!(lang, whatlang::Lang::Fra | whatlang::Lang::Eng);
        if !is_ours && info.is_reliable() && letters >= 40 {
            return Err(DetectError::OtherLanguage(lang.eng_name().to_string()));
        }
    }
    let detector = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng]);
    match detector.detect_lang(sample) {
        Some(whatlang::Lang::Fra) => Ok(Lang::Fr),
        Some(_) => Ok(Lang::En),
        None => Err(DetectError::TooShort),
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
    fn names_another_language() {
        let german = "Die Bundesregierung hat am Montag eine neue Rentenreform angekündigt, die im nächsten Jahr in Kraft treten soll.";
        assert!(matches!(detect(german), Err(DetectError::OtherLanguage(_))));
    }

    #[test]
    fn parses_codes() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}
