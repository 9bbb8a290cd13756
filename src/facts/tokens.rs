//! Tokens for the fact extractors: words, digit numbers and punctuation, with byte offsets.
//!
//! Every extractor reads the same token list so that a span claimed by one (a date) is not read
//! again by another (a number). Digit numbers are lexed whole here ("3 000,5", "1,234.5"), because
//! their grouping depends on the language and would be lost if split into words.

use super::digits::{scan_digits, NumLit};
use crate::lang::Lang;
use std::borrow::Cow;
use std::cell::OnceCell;

/// What a number word does in an expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum WordClass {
    Atom,
    Hundred,
    Scale,
    Dozen,
    Ordinal,
    OrdScale,
    Fraction,
}

/// A number word of `data/number_words.tsv`: its value and its class. Defined with the tokens,
/// which keep the number word each word is (`Token::number_word`), below the number patterns
/// that read it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumWord {
    pub(super) value: f64,
    pub(super) class: WordClass,
}

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum TokKind {
    /// A run of letters.
    Word,
    /// A number written with digits.
    Num(NumLit),
    /// Any other non-space character.
    Punct,
}

/// One token: a slice of the document text.
#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: TokKind,
    /// White space separates it from the previous token.
    pub space_before: bool,
    /// First token of a sentence, or of a quotation or line: its capital says nothing.
    pub initial: bool,
    /// Lower-cased, accent-folded text (words only; empty for others): the text itself for a
    /// word already so (most words), no string made for it.
    pub folded: Cow<'a, str>,
    /// The number word it is in French and in English (with whether it was a plural), looked up
    /// on first use: the date and number patterns ask it of every word several times.
    pub(super) number_word: [Memo<Option<(NumWord, bool)>>; 2],
    /// The month and the weekday it names in French and in English, looked up on first use.
    pub(super) calendar: [Memo<CalendarWord>; 2],
    /// What the extractors may do with the word ([`DATE_CUE`], [`NUMBER_START`],
    /// [`GAZETTEER_START`]); 0 for other tokens.
    pub(super) cues: u8,
}

/// The words the extractors start with or lean on, each with its cue flags, laid out by
/// `build.rs`: one look-up a word, where each extractor looked the word up in its own table.
mod fact_words {
    use newsalign_tables::{StaticMap, StrList};
    include!(concat!(env!("OUT_DIR"), "/fact_words.rs"));
}

/// A word a date leans on: a month or weekday name, a number word, the first word of a holiday,
/// a time unit, a word that names a day (see `dates::may_start_date`).
pub(super) const DATE_CUE: u8 = 1;
/// A word a number fact may start with: a number word, the first word of a currency or a unit,
/// a sign or an article (see `numbers::may_start_number`).
pub(super) const NUMBER_START: u8 = 2;
/// The first word of a gazetteer form (see `gazetteer::lookup`).
pub(super) const GAZETTEER_START: u8 = 4;

/// The cue flags of a folded word.
fn cues_of(folded: &str) -> u8 {
    fact_words::FACT_WORDS.get(folded).map_or(0, |i| fact_words::FLAGS[i])
}

/// The month and the weekday a word names in one language (each with whether it is an
/// abbreviation).
pub(super) type CalendarWord = (Option<(u32, bool)>, Option<(u32, bool)>);

/// A value worked out once from a token's own text: it says nothing more about the token, so two
/// tokens compare and print as if it were not there.
#[derive(Clone, Default)]
pub(super) struct Memo<T>(OnceCell<T>);

impl<T> Memo<T> {
    pub(super) fn get_or_init(&self, init: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(init)
    }
}

impl<T> PartialEq for Memo<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> std::fmt::Debug for Memo<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word)
    }

    pub fn num(&self) -> Option<&NumLit> {
        match &self.kind {
            TokKind::Num(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_punct(&self, chars: &str) -> bool {
        matches!(self.kind, TokKind::Punct) && chars.contains(self.text)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the word has all these cue flags (see [`DATE_CUE`]).
    pub(super) fn cued(&self, flags: u8) -> bool {
        self.cues & flags == flags
    }

    /// Whether the previous token is glued to this one (no space between).
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

pub use super::phrase_data::fold_word;

/// [`fold_word`] of a word, borrowed when the word is lower-case ASCII already.
fn folded_word(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold_word(word))
    }
}

/// Punctuation after which a capital says nothing: opening quotes and brackets, colons, dashes.
fn opens_quote(c: char, space_before: bool) -> bool {
    matches!(c, '«' | '“' | '‘' | '„' | '(' | '[' | ':' | '—' | '–') || (c == '"' && space_before)
}

/// Splits `text` into tokens. `sentence_starts` are the byte offsets where sentences begin
/// (sorted); a token at one of them is marked `initial`.
pub fn tokenize<'a>(text: &'a str, lang: Lang, sentence_starts: &[usize]) -> Vec<Token<'a>> {
    tokenize_range(text, 0..text.len(), lang, sentence_starts)
}

/// [`tokenize`] of the part `range` of `text` (on char boundaries), with offsets into the whole
/// text: the extractors read a long text one window at a time. A range that starts inside a
/// sentence does not make its first token `initial`.
pub fn tokenize_range<'a>(
    text: &'a str,
    range: std::ops::Range<usize>,
    lang: Lang,
    sentence_starts: &[usize],
) -> Vec<Token<'a>> {
    // Prose has a token every four to five bytes (words and marks): a fifth was too few, and
    // growing the vector copied every token once more (a tenth of tokenizing a novel).
    let mut tokens = Vec::with_capacity(range.len() / 3);
    let bytes = text.as_bytes();
    let mut pos = range.start;
    let mut space_before = true;
    let mut next_initial = pos == 0;
    let first = sentence_starts.partition_point(|&s| s < pos);
    let mut starts = sentence_starts[first..].iter().peekable();
    while pos < range.end {
        let c = text[pos..].chars().next().expect("pos is on a char boundary");
        if c.is_whitespace() {
            if c == '\n' {
                next_initial = true;
            }
            space_before = true;
            pos += c.len_utf8();
            continue;
        }
        while starts.next_if(|&&s| s <= pos).is_some() {
            next_initial = true;
        }
        let (end, kind) = if let Some((end, lit)) = scan_digits(text, pos, lang) {
            (end, TokKind::Num(lit))
        } else if c.is_alphabetic() {
            let mut end = pos + c.len_utf8();
            // ASCII letters by byte first (most of a word), then any other letter or mark.
            end += bytes[end..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
            while let Some(d) = text[end..].chars().next() {
                if !d.is_alphabetic() && !is_combining(d) {
                    break;
                }
                end += d.len_utf8();
            }
            (end, TokKind::Word)
        } else {
            (pos + c.len_utf8(), TokKind::Punct)
        };
        let piece = &text[pos..end];
        let folded = if matches!(kind, TokKind::Word) { folded_word(piece) } else { Cow::Borrowed("") };
        let is_opener = matches!(kind, TokKind::Punct) && opens_quote(c, space_before);
        let cues = if matches!(kind, TokKind::Word) { cues_of(&folded) } else { 0 };
        tokens.push(Token {
            start: pos,
            end,
            text: piece,
            kind,
            space_before,
            initial: next_initial,
            folded,
            number_word: Default::default(),
            calendar: Default::default(),
            cues,
        });
        next_initial = is_opener || (next_initial && kind_is_bullet(bytes[pos]));
        space_before = false;
        pos = end;
    }
    tokens
}

fn kind_is_bullet(b: u8) -> bool {
    matches!(b, b'-' | b'*' | b'>' | b'|')
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, Lang::Fr, &[0]).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(texts("l’AFP a vu 3 000 euros."), ["l", "’", "AFP", "a", "vu", "3 000", "euros", "."]);
        assert_eq!(texts("Covid-19"), ["Covid", "-", "19"]);
    }

    #[test]
    fn marks_sentence_and_quote_starts() {
        let text = "Il dit « Bonjour ». Puis rien";
        let toks = tokenize(text, Lang::Fr, &[0, text.find("Puis").unwrap()]);
        let initial: Vec<&str> = toks.iter().filter(|t| t.initial).map(|t| t.text).collect();
        assert_eq!(initial, ["Il", "Bonjour", "Puis"]);
    }
}
