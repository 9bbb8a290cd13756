//! Facts: numbers, dates and named entities, with values comparable across languages.
//!
//! One pass per document: the text is tokenized once ([`tokens`]), then dates claim their tokens
//! first (so "6 mai 2024" is not read as the numbers 6 and 2024), numbers, money, percents and
//! quantities next ([`numbers`]), and names last ([`entities`], keyed by the bilingual
//! [`gazetteer`]). Facts are then assigned to the sentence that holds them.

pub mod dates;
pub mod digits;
pub mod entities;
pub mod gazetteer;
pub mod lexicon;
pub mod numbers;
pub(crate) use newsalign_tables::phrase_data;
pub mod tokens;

use crate::document::Document;
use serde::Serialize;

/// What a fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Number,
    Ordinal,
    Percent,
    Money,
    Quantity,
    Date,
    Entity,
}

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Org,
    Place,
    Other,
}

/// One fact found in a text (CONTRACT.md's FACT).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    /// Byte offsets into the document text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The normalized value: a decimal string for quantities, ISO 8601 for dates, a
    /// language-independent key for entities.
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<EntityType>,
}

/// The facts of a document, and which sentence holds each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentFacts {
    /// All facts, in text order.
    pub facts: Vec<Fact>,
    /// For each sentence (by index), the indices into `facts` of the facts it holds.
    pub by_sentence: Vec<Vec<usize>>,
    /// The sentences (by index) that held more than [`MAX_FACTS_PER_SENTENCE`] facts: only
    /// their first ones are kept.
    pub cut: Vec<usize>,
}

/// Extracts the facts of every sentence of a document (noise sentences included, so a report
/// can show them; later stages skip noise themselves).
pub fn extract_document(doc: &Document) -> DocumentFacts {
    let starts: Vec<usize> = doc.sentences.iter().map(|s| s.start).collect();
    let (facts, cut_starts) = extract_bounded(&doc.text, doc.lang, doc.published, &starts);
    // A cut region starts at a sentence start; the sentences are in text order.
    let cut =
        cut_starts.iter().filter_map(|&at| starts.binary_search(&at).ok()).map(|k| doc.sentences[k].index).collect();
    let mut by_sentence = vec![Vec::new(); doc.sentences.len()];
    for (index, fact) in facts.iter().enumerate() {
        // The sentence that starts at or before the fact; a fact between sentences goes nowhere.
        let pos = doc.sentences.partition_point(|s| s.start <= fact.start);
        if let Some(sentence) = pos.checked_sub(1).map(|p| &doc.sentences[p]) {
            if fact.start < sentence.end {
                by_sentence[sentence.index].push(index);
            }
        }
    }
    DocumentFacts { facts, by_sentence, cut }
}

/// Extracts the facts of a text. `sentence_starts` (sorted byte offsets) tell where a capital
/// letter says nothing about a name; `published` resolves relative dates.
pub fn extract_text(
    text: &str,
    lang: crate::lang::Lang,
    published: Option<chrono::NaiveDate>,
    sentence_starts: &[usize],
) -> Vec<Fact> {
    extract_bounded(text, lang, published, sentence_starts).0
}

/// The most facts kept for one sentence. An article's sentences hold a few facts each, the
/// densest of the evaluation's a few dozen; a 200 MB line without a stop read as one sentence
/// holds millions (a figure every ten words), which took gigabytes to keep and compare. Such a
/// sentence keeps its first facts only, and the reports say so.
pub const MAX_FACTS_PER_SENTENCE: usize = 10_000;

/// As [`extract_text`], keeping at most [`MAX_FACTS_PER_SENTENCE`] facts for the text from one
/// sentence start to the next; also returns the starts of the sentences whose facts were cut
/// (`0` for text before the first start).
fn extract_bounded(
    text: &str,
    lang: crate::lang::Lang,
    published: Option<chrono::NaiveDate>,
    sentence_starts: &[usize],
) -> (Vec<Fact>, Vec<usize>) {
    let mut facts = Vec::new();
    let mut cap = SentenceCap::default();
    let mut reference = published;
    let mut start = 0;
    while start < text.len() {
        let end = window_end(text, start, sentence_starts);
        let tokens = tokens::tokenize_range(text, start..end, lang, sentence_starts);
        if start == 0 {
            reference = reference.or_else(|| dates::dateline(text, &tokens, lang));
        }
        let mut claimed = vec![false; tokens.len()];
        let window_from = facts.len();
        dates::extract(text, &tokens, &mut claimed, lang, reference, &mut facts);
        numbers::extract(text, &tokens, &mut claimed, lang, &mut facts);
        entities::extract(text, &tokens, &mut claimed, lang, &mut facts);
        cap.keep_first(&mut facts, window_from, sentence_starts);
        // A number lexed across the cut ("3 000") is read whole: the next window starts after it.
        start = tokens.last().map_or(end, |t| t.end.max(end));
    }
    facts.sort_by_key(|f| (f.start, f.end));
    (facts, cap.cut)
}

/// Counts the facts of the sentence being read, across windows, and drops those past
/// [`MAX_FACTS_PER_SENTENCE`].
#[derive(Default)]
struct SentenceCap {
    /// The sentence being counted (the number of sentence starts at or before it) and its facts.
    sentence: usize,
    count: usize,
    /// The starts of the sentences whose facts were cut.
    cut: Vec<usize>,
}

impl SentenceCap {
    /// Drops the facts of `facts[from..]` (one window's, which all follow the earlier windows')
    /// past the cap of their sentence. Their order by span, which the caller gives them in the
    /// end anyway, decides which are first.
    fn keep_first(&mut self, facts: &mut Vec<Fact>, from: usize, sentence_starts: &[usize]) {
        facts[from..].sort_by_key(|f| (f.start, f.end));
        let mut kept = from;
        for k in from..facts.len() {
            let sentence = sentence_starts.partition_point(|&s| s <= facts[k].start);
            if sentence != self.sentence {
                (self.sentence, self.count) = (sentence, 0);
            }
            self.count += 1;
            if self.count > MAX_FACTS_PER_SENTENCE {
                let start = sentence.checked_sub(1).map_or(0, |s| sentence_starts[s]);
                if self.cut.last() != Some(&start) {
                    self.cut.push(start);
                }
                continue;
            }
            facts.swap(kept, k);
            kept += 1;
        }
        facts.truncate(kept);
    }
}

/// The most text tokenized at once. Tokens take about thirty times the bytes of the text they
/// cover, so a 200 MB text read in one piece needed gigabytes; windows of this size keep the
/// tokens of one window only. An article shorter than this is read in one piece.
pub const WINDOW_BYTES: usize = 1 << 20;

/// Where the window of text that starts at `start` ends: the whole rest when it is short, else
/// the last sentence start in the second half of a full window, else (a "sentence" of a megabyte,
/// text without punctuation) the last white space there. A fact that spans such a cut in white
/// space may be read as two, or missed: a cut falls at most once a megabyte.
pub(crate) fn window_end(text: &str, start: usize, sentence_starts: &[usize]) -> usize {
    if text.len() - start <= WINDOW_BYTES {
        return text.len();
    }
    let (low, high) = (start + WINDOW_BYTES / 2, start + WINDOW_BYTES);
    let before_high = sentence_starts.partition_point(|&s| s <= high);
    if let Some(&cut) = sentence_starts[..before_high].last().filter(|&&s| s > low && text.is_char_boundary(s)) {
        return cut;
    }
    match text.as_bytes()[low..high].iter().rposition(u8::is_ascii_whitespace) {
        Some(at) => low + at,
        None => crate::text::prefix_at_char_boundary(text, high).len(),
    }
}

/// A number as CONTRACT.md wants it: "." as decimal separator, no grouping, no exponent,
/// rounded to 12 significant digits so that 48.2 × 10⁶ prints as 48200000.
pub fn format_value(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let magnitude = if value == 0.0 { 0 } else { value.abs().log10().floor() as i32 + 1 };
    let decimals = (12 - magnitude).clamp(0, 20) as usize;
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Texts to check a gate of the extractors on: `phrases`, the samples of `data/samples`, and the
/// inputs of the shared extraction cases when present (read in place, never copied).
#[cfg(test)]
fn gate_test_texts(phrases: &[(crate::lang::Lang, &str)]) -> Vec<(crate::lang::Lang, String)> {
    use crate::lang::Lang;
    let mut texts: Vec<(Lang, String)> = phrases.iter().map(|&(lang, t)| (lang, t.to_string())).collect();
    for (lang, name) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        texts.push((lang, std::fs::read_to_string(format!("data/samples/{name}.txt")).unwrap()));
    }
    let shared = std::path::Path::new("../shared/eval/data/extract-dev");
    for entry in std::fs::read_dir(shared).into_iter().flatten().flatten() {
        let lang = if entry.file_name().to_string_lossy().starts_with("fr_") { Lang::Fr } else { Lang::En };
        for line in std::fs::read_to_string(entry.path()).unwrap_or_default().lines() {
            let case: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            if let Some(input) = case["input"].as_str() {
                texts.push((lang, input.to_string()));
            }
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every prefix of tricky texts: patterns that look past their first token must stop at the
    /// end of the input without a panic.
    #[test]
    fn no_panic_on_truncated_input() {
        let texts = [
            "samedi 23/06/18 à 14 h 30, le 6 mai 2024 puis mardi dernier, il y a trois jours, 1,5 million d'euros",
            "on Tuesday the eleventh, 2/29/2020 at 2:30 p.m., $ 12 December 27, one and a half, 3 dollars 50 cents",
            "12/12/30. 2018-09-23-page Sep-23-2020 un sur trois, cent et trois quarts, 10 k, US$ 1MM, 20 (kg)",
            "percent of 10, half million usd, minus five point five, the 4th, on the 18th, in two weeks, -4/5",
            "-- -5 −7 1/ /1 ½¼ ²³ 1e 1.e $ €€ £. ,5 .5 5, 5. 0/0 00/00/0000 31/02 Feb 30 l' d' aujourd' il y a",
            "É. À « » “ ” Ⅻe IIIe Le L'ONU APT31-2 G7. CAC 40 \u{a0}3\u{202f}000 24:61 25h99 13 p.m. 0 a.m.",
        ];
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 6);
        for text in texts {
            for (end, _) in text.char_indices() {
                for lang in [crate::lang::Lang::Fr, crate::lang::Lang::En] {
                    extract_text(&text[..end], lang, date, &[0]);
                    extract_text(&text[..end], lang, None, &[]);
                }
            }
        }
    }

    /// A sentence keeps its first facts only, and says it was cut; the next sentence keeps its own.
    #[test]
    fn an_absurdly_long_sentence_keeps_its_first_facts() {
        let mut text = "7 dogs, ".repeat(MAX_FACTS_PER_SENTENCE + 5);
        let second = text.len();
        text.push_str("Then 3 cats.");
        let (facts, cut) = extract_bounded(&text, crate::lang::Lang::En, None, &[0, second]);
        assert_eq!(facts.len(), MAX_FACTS_PER_SENTENCE + 1);
        assert_eq!(facts[MAX_FACTS_PER_SENTENCE - 1].start, 8 * (MAX_FACTS_PER_SENTENCE - 1));
        assert_eq!(facts.last().map(|f| f.value.as_str()), Some("3"));
        assert_eq!(cut, [0]);
        let short = "7 dogs, ".repeat(20);
        assert_eq!(extract_bounded(&short, crate::lang::Lang::En, None, &[0]).1, Vec::<usize>::new());
    }

    #[test]
    fn formats_values_without_grouping_or_noise() {
        assert_eq!(format_value(1500000.0), "1500000");
        assert_eq!(format_value(0.5), "0.5");
        assert_eq!(format_value(48.2 * 1e6), "48200000");
        assert_eq!(format_value(-9.2321312), "-9.2321312");
        assert_eq!(format_value(1.0 / 3.0), "0.333333333333");
    }
}
