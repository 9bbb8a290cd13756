//! Sentence segmentation for French and English news.
//!
//! A rule-based splitter over bytes, in three steps:
//! 1. `blocks`: the text is cut into paragraph-like blocks at blank lines and at "hard" line ends
//!    (a line without final punctuation before a capital — a headline, a list item, a label);
//!    a line that wraps in mid-sentence is joined to the next.
//! 2. Inside a block, every `.`, `!`, `?`, `…` is a candidate end; the closing quotes and brackets
//!    after it stay with it. Abbreviations, initials, ellipses, list markers, URLs and quoted or
//!    bracketed passages decide whether a candidate really ends the sentence (`Splitter`).
//! 3. Each sentence is trimmed of white space, markup tags and decoration runs, so that its byte
//!    range points at the text a reader would call the sentence. Nothing is rewritten: offsets are
//!    always true byte offsets into the input.
//!
//! No regex runs per character: the scan looks at each byte once and consults hash sets only at
//! candidate ends, which keeps the splitter well above 100 MB/s.

mod ends;
mod lexicon;
mod lines;
mod marks;
mod period;

use crate::lang::Lang;
use lexicon::LEXICON;
use marks::{NextKind, Spans};
use std::ops::Range;

/// Splits `text` into sentences: trimmed, non-empty byte ranges in order.
pub fn split(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in lines::blocks(text) {
        Splitter::new(text, block, lang).run(&mut out);
    }
    out
}

/// Closing formulas of letters and e-mails, matched without ASCII case before a comma.
const CLOSING_FORMULAS: [&str; 22] = [
    "Regards",
    "Best regards",
    "Kind regards",
    "Kindest regards",
    "Warm regards",
    "Warmest regards",
    "Best wishes",
    "Sincerely",
    "Sincerely yours",
    "Yours sincerely",
    "Yours truly",
    "Yours faithfully",
    "Respectfully",
    "Respectfully yours",
    "Cordially",
    "Cheers",
    "Cordialement",
    "Bien cordialement",
    "Bien à vous",
    "Amitiés",
    "Salutations",
    "Sincères salutations",
];

/// Bytes that may begin a sentence end: `.`, `!`, `?`, `:` (before a dialogue dash), and the lead
/// bytes of `…` and of the full-width stops. The scan skips every other byte without looking further.
static MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b':' as usize] = true;
    table[b';' as usize] = true;
    table[b'@' as usize] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// The splitting of one block.
struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    block: Range<usize>,
    lang: Lang,
    /// Quoted and bracketed passages: no sentence ends inside them.
    spans: Spans,
    /// Where the current sentence began.
    sentence_start: usize,
    breaks: Vec<usize>,
}

impl<'a> Splitter<'a> {
    fn new(text: &'a str, block: Range<usize>, lang: Lang) -> Self {
        Splitter {
            text,
            bytes: text.as_bytes(),
            spans: Spans::find(text, block.clone()),
            sentence_start: block.start,
            block,
            lang,
            breaks: Vec::new(),
        }
    }

    fn run(mut self, out: &mut Vec<Range<usize>>) {
        self.after_closing_formula();
        let items = marks::list_item_starts(self.text, self.block.clone());
        let mut items = items.into_iter().peekable();
        let mut i = self.block.start;
        loop {
            i += self.bytes[i..self.block.end]
                .iter()
                .position(|&b| MAY_END[usize::from(b)])
                .unwrap_or(self.block.end - i);
            while let Some(item) = items.next_if(|&item| item <= i) {
                self.push_break(item);
            }
            if i >= self.block.end {
                break;
            }
            i = match self.bytes[i] {
                b'.' | b'!' | b'?' => self.at_terminator(i),
                b':' => self.at_colon(i),
                b';' => self.at_semicolon(i),
                b'@' => self.at_address(i),
                0xE2 if self.bytes[i..].starts_with("…".as_bytes()) => self.at_ellipsis(i, i + 3),
                0xEF | 0xE3 if self.is_fullwidth_stop(i) => self.at_fullwidth(i),
                _ => i + 1,
            };
            // A break may take what follows the mark along ("passed. [12]", "her. :)").
            i = i.max(self.sentence_start);
        }
        self.emit(out);
    }

    fn closing_end(&self, pos: usize) -> usize {
        marks::closing_run_end(self.text, pos, self.block.end, self.block.start)
    }

    /// A break after a sentence end, taking a citation mark set apart ("laws. [23] The") along.
    fn push_end(&mut self, end: usize) {
        let end = marks::citation_end(self.text, end, self.block.end).unwrap_or(end);
        // "I love her. :)": a smiley after a sentence end belongs to that sentence.
        let end = match self.bytes.get(end..self.block.end) {
            Some(rest) if rest.first() == Some(&b' ') => {
                marks::emoticon_len(&rest[1..]).map_or(end, |len| end + 1 + len)
            }
            _ => end,
        };
        self.push_break(end);
    }

    fn push_break(&mut self, at: usize) {
        if at > self.sentence_start {
            self.breaks.push(at);
            self.sentence_start = at;
            self.after_closing_formula();
        }
    }

    /// A letter's closing formula opening a sentence before a name, "Best regards, Ann Lee",
    /// is a sentence of its own: the name is the signature, not the person addressed.
    fn after_closing_formula(&mut self) {
        let start = self.sentence_start;
        let rest = &self.text[start..self.block.end];
        let lead = rest.len() - rest.trim_start().len();
        // The longest formula is short: look no further for its comma.
        let Some(comma) = rest.as_bytes()[lead..].iter().take(24).position(|&b| b == b',') else { return };
        let formula = &rest[lead..lead + comma];
        if !CLOSING_FORMULAS.iter().any(|f| f.eq_ignore_ascii_case(formula)) {
            return;
        }
        let end = start + lead + comma + 1;
        if marks::next_token(self.text, end, self.block.end, false).kind == NextKind::Upper {
            self.push_break(end);
        }
    }

    /// Turns the break positions into trimmed sentences, joining quote attributions.
    fn emit(self, out: &mut Vec<Range<usize>>) {
        let first = out.len();
        let mut start = self.block.start;
        for end in self.breaks.iter().copied().chain(std::iter::once(self.block.end)) {
            if let Some(range) = marks::trim(self.text, start..end) {
                out.push(range);
            }
            start = end;
        }
        join_attributions(self.text, self.lang, out, first);
    }
}

/// Joins a short clause with a verb of saying to the quote it follows:
/// "“We will rebuild.” Mayor Dana Holt said." is one sentence.
fn join_attributions(text: &str, lang: Lang, out: &mut Vec<Range<usize>>, first: usize) {
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(out.len() - first);
    for range in out.drain(first..) {
        if let Some(last) = joined.last_mut() {
            if is_attribution(&text[last.clone()], &text[range.clone()], lang) {
                last.end = range.end;
                continue;
            }
        }
        joined.push(range);
    }
    out.extend(joined);
}

/// Whether a lower-case word is a verb of saying (`data/attribution_verbs.txt`): "said",
/// "déclaré".
pub fn is_attribution_verb(lang: Lang, word: &str) -> bool {
    LEXICON.is_attribution_verb(lang, word)
}

fn is_attribution(quote: &str, clause: &str, lang: Lang) -> bool {
    quote.ends_with(['”', '»', '"', '’', '\''])
        && clause.split_whitespace().count() <= 8
        && clause.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            LEXICON.is_attribution_verb(lang, &w)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn sentences(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn french_quotes_keep_their_inner_spaces_and_attribution() {
        let text = "« Nous reconstruirons le pont. » a déclaré la maire. « C’est fini. » Le silence suit.";
        assert_eq!(
            sentences(text, Lang::Fr),
            ["« Nous reconstruirons le pont. » a déclaré la maire.", "« C’est fini. »", "Le silence suit."]
        );
        let text = "“We will rebuild the bridge.” Mayor Dana Holt said. Work starts soon.";
        assert_eq!(
            sentences(text, Lang::En),
            ["“We will rebuild the bridge.” Mayor Dana Holt said.", "Work starts soon."]
        );
    }

    #[test]
    fn headlines_and_paragraphs_stand_alone() {
        let text = "Crue historique à Valmont\n\nLa rivière a débordé lundi. Les pompiers sont intervenus\n\nTrois écoles fermées\nLe préfet a réagi.";
        assert_eq!(
            sentences(text, Lang::Fr),
            [
                "Crue historique à Valmont",
                "La rivière a débordé lundi.",
                "Les pompiers sont intervenus",
                "Trois écoles fermées",
                "Le préfet a réagi."
            ]
        );
    }

    #[test]
    fn informal_text_opens_sentences_in_lower_case() {
        let text =
            "the shop is closed. it is now a bar. See Corp. rules, e.g. the first. Is it over? no idea! he yelled.";
        assert_eq!(
            sentences(text, Lang::En),
            [
                "the shop is closed.",
                "it is now a bar.",
                "See Corp. rules, e.g. the first.",
                "Is it over?",
                "no idea! he yelled."
            ]
        );
        let text = "He teaches (he was an engineer.) at the school.";
        assert_eq!(sentences(text, Lang::En), [text]);
        let text = "does it bite ? no idea ! ask the vet";
        assert_eq!(sentences(text, Lang::En), ["does it bite ?", "no idea !", "ask the vet"]);
    }

    #[test]
    fn long_quotations_are_cut_short_ones_kept() {
        let text = "\"We lost. We will rebuild. We always do.\" The mayor left.";
        assert_eq!(sentences(text, Lang::En), ["\"We lost.", "We will rebuild.", "We always do.\"", "The mayor left."]);
        let text = "\"We lost. We will rebuild.\" The mayor left.";
        assert_eq!(sentences(text, Lang::En), ["\"We lost. We will rebuild.\"", "The mayor left."]);
    }

    #[test]
    fn a_closing_formula_stands_before_the_signature() {
        let text = "See you on Monday. Best regards, Tom Rae";
        assert_eq!(sentences(text, Lang::En), ["See you on Monday.", "Best regards,", "Tom Rae"]);
        let text = "Cordialement, Anne Roy";
        assert_eq!(sentences(text, Lang::Fr), ["Cordialement,", "Anne Roy"]);
        let text = "Regards, as always, to your sister.";
        assert_eq!(sentences(text, Lang::En), [text]);
    }

    #[test]
    fn list_items_split() {
        assert_eq!(
            sentences("1. The dam 2. The bridge 3. The road", Lang::En),
            ["1. The dam", "2. The bridge", "3. The road"]
        );
        assert_eq!(sentences("• Routes fermées • Écoles fermées", Lang::Fr), ["• Routes fermées", "• Écoles fermées"]);
    }

    #[test]
    fn offsets_are_byte_ranges_into_the_input() {
        let text = "  Été 2024 : l’eau monte.  Elle baisse.  ";
        for range in split(text, Lang::Fr) {
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            assert_eq!(text[range.clone()].trim(), &text[range]);
        }
    }

    /// Random strings over the characters the rules look at: no panic, ranges on char boundaries,
    /// in order and not overlapping.
    #[test]
    fn random_punctuation_soup_keeps_invariants() {
        const ALPHABET: [&str; 44] = [
            ".", "!", "?", "…", "．", "。", " ", "\n", "\r", "\u{a0}", "\u{202f}", "«", "»", "“", "”", "‘", "’", "'",
            "\"", "(", ")", "[", "]", "•", "⁃", "a", "B", "é", "É", "1", "2", "M", "Mr", "U.S", "J.-C", "<p>", "</p>",
            "@", "-", "/", ":)", " [1]", "://", ";",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 60) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(ALPHABET[(state % ALPHABET.len() as u64) as usize]);
            }
            for lang in [Lang::Fr, Lang::En] {
                let ranges = split(&text, lang);
                let mut last_end = 0;
                for r in &ranges {
                    assert!(r.start < r.end && r.start >= last_end, "{text:?}: {ranges:?}");
                    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{text:?}");
                    last_end = r.end;
                }
                let _ = crate::clean::mark_noise(&text, &ranges, lang);
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in ["", ".", "...", "« »", "\"", "(", "a.\u{a0}»", "…", "．", "1.", "\n\n\r", "é.É", "[.", "x. . ."]
        {
            let _ = split(text, Lang::Fr);
            let _ = split(text, Lang::En);
        }
    }
}
