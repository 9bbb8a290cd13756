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

mod lexicon;
mod lines;
mod marks;

use crate::lang::Lang;
use lexicon::{Abbrev, LEXICON};
use marks::{NextKind, NextToken, Spans};
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

    /// Handles a run starting with `.`, `!` or `?` at `i`; returns where scanning resumes.
    fn at_terminator(&mut self, i: usize) -> usize {
        let run_end = i + self.bytes[i..self.block.end].iter().take_while(|b| matches!(b, b'.' | b'!' | b'?')).count();
        if self.is_omission_mark(i) {
            return run_end;
        }
        let run = &self.bytes[i..run_end];
        if run.iter().any(|&b| b != b'.') {
            return self.at_exclamation(i, run_end);
        }
        if run.len() >= 2 {
            return self.at_ellipsis(i, run_end);
        }
        if self.bytes.get(i + 1) == Some(&b' ') && self.bytes.get(i + 2) == Some(&b'.') {
            return self.at_spaced_ellipsis(i);
        }
        self.at_period(i)
    }

    /// `[...]`, `(…)`, `[?]`: an omission or an editor's mark, never a sentence end.
    fn is_omission_mark(&self, i: usize) -> bool {
        i > self.block.start && matches!(self.bytes[i - 1], b'[' | b'(')
    }

    fn at_exclamation(&mut self, i: usize, run_end: usize) -> usize {
        let end = self.closing_end(run_end);
        if !self.is_followed_by_space(end) || self.spans.hides(i, end) {
            return end.max(i + 1);
        }
        let next = marks::next_token(self.text, end, self.block.end, true);
        let ends = next.kind != NextKind::Lower
            || self.is_french_spaced_exclamation(i, run_end, end)
            || self.is_glued_english_mark(i, run_end, end);
        if ends && !self.parenthesis_ends_block(&next) {
            self.push_end(end);
        }
        end
    }

    /// French typography sets `!` and `?` apart with a space ("Ah ! vous voilà"), and French prose
    /// and dialogue treat such a mark as a sentence end even before a lower-case word ("- Ah !
    /// murmura-t-elle", "j'oubliais ! ce galopin"): the translations split there too. A closing
    /// quote after the mark ("« Non ! » a-t-il dit") or a glued mark ("vit? il") keeps the old rule.
    fn is_french_spaced_exclamation(&self, i: usize, run_end: usize, end: usize) -> bool {
        self.lang == Lang::Fr
            && end == run_end
            && marks::char_before(self.text, i).is_some_and(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
    }

    /// In English a `?` or `!` after a plain lower-case word and followed by a lower-case word
    /// ends the sentence in informal writing ("where did you grow up? india?"); a closing quote
    /// ("'Hello?' she asked") or a name ("Yahoo! and AOL") goes on. English sets no space
    /// before them, so a mark set apart ("as i do ? i dont know") ends the sentence the same way.
    fn is_glued_english_mark(&self, i: usize, run_end: usize, end: usize) -> bool {
        if !(self.lang == Lang::En
            && end == run_end
            && self.bytes.get(end) == Some(&b' ')
            && self.bytes.get(end + 1).is_some_and(u8::is_ascii_lowercase)
            && !self.attribution_follows(end))
        {
            return false;
        }
        let word_end = if i > self.sentence_start && self.bytes[i - 1] == b' ' { i - 1 } else { i };
        marks::char_before(self.text, word_end).is_some_and(char::is_lowercase)
            && self.is_plain_word(self.word_before(word_end))
            && !self.word_before(word_end).starts_with(char::is_uppercase)
    }

    /// "! he yelled", "? asked the man": a verb of saying among the next three words.
    fn attribution_follows(&self, from: usize) -> bool {
        self.text[from..self.block.end].split_whitespace().take(3).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            LEXICON.is_attribution_verb(self.lang, &w)
        })
    }

    /// A word of at least two letters, all letters, and no known abbreviation (unless it is also
    /// an everyday word, "no"): a period after it is a full stop whatever follows ("no place to
    /// sit. it is now closed").
    fn is_plain_word(&self, word: &str) -> bool {
        let word = word.trim_end_matches(['"', '\'', '”', '’', ')']);
        word.chars().count() >= 2
            && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && LEXICON.abbreviation(word).is_none_or(|kind| kind == Abbrev::Word)
    }

    /// A colon before a dialogue dash opens a line of dialogue in French prose ("Il dit : - Jésus
    /// n'a pas besoin…"): the narration and the reply are two sentences. Elsewhere a colon goes on.
    fn at_colon(&mut self, i: usize) -> usize {
        if self.bytes[i..self.block.end].starts_with(b"://") {
            return self.at_address(i);
        }
        if let Some(stamp) = marks::date_time_stamp(self.text, i, self.block.clone()) {
            self.at_date_time_stamp(stamp.clone());
            return stamp.end;
        }
        if let Some(len) = marks::emoticon_len(&self.bytes[i..self.block.end]) {
            // "isn't it :) Now I have": a smiley closes what it follows.
            let end = i + len;
            if i > self.block.start && self.bytes[i - 1] == b' ' && !self.spans.hides(i, end) {
                let next = marks::next_token(self.text, end, self.block.end, false);
                if next.kind == NextKind::Upper && self.words_since_start(i) > 1 {
                    self.push_break(end);
                }
            }
            return end;
        }
        if self.lang == Lang::Fr
            && !self.spans.hides(i, i + 1)
            && marks::dialogue_dash_follows(self.text, i + 1, self.block.end)
        {
            self.push_break(i + 1);
        }
        i + 1
    }

    /// A message header's date and time ("Ann Lee 08/16/2000 12:05 PM I just wanted…") stands
    /// apart: it ends what a name or an address before it began, and what follows starts anew.
    /// After a lower-case word it is part of the sentence ("Posted by Ann at 3/9/2005 11:16 PM"),
    /// which then ends after it unless a lower-case word goes on.
    fn at_date_time_stamp(&mut self, stamp: Range<usize>) {
        if self.spans.hides(stamp.start, stamp.end) {
            return;
        }
        let before = self.text[self.sentence_start..stamp.start].trim_end();
        let previous = &before[marks::token_start(before, 0, before.len())..];
        let in_sentence = previous.starts_with(char::is_lowercase);
        if !in_sentence && previous.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '>' | '"')) {
            self.push_break(stamp.start);
        }
        let next = marks::next_token(self.text, stamp.end, self.block.end, false);
        if !(in_sentence && next.kind == NextKind::Lower) {
            self.push_break(stamp.end);
        }
    }

    /// A web address or an e-mail address (the `://` or `@` at `i`) that stands between two
    /// sentences without punctuation: "Email: ann@example.org Site made!", "… page.html
    /// http://…". It ends the sentence when another address or a capitalised word follows.
    fn at_address(&mut self, i: usize) -> usize {
        let start = marks::token_start(self.text, self.block.start, i);
        let end =
            self.bytes[i..self.block.end].iter().position(u8::is_ascii_whitespace).map_or(self.block.end, |p| i + p);
        let token = &self.bytes[start..end];
        let email = self.bytes[i] == b'@' && start < i && token[i - start..].contains(&b'.');
        if !(email || self.bytes[i] == b':') || end >= self.block.end || self.spans.hides(i, end) {
            return end.max(i + 1);
        }
        let next = marks::next_token(self.text, end, self.block.end, false);
        let rest = &self.text[end..self.block.end].trim_start();
        let address_follows = rest.starts_with("http") || rest.starts_with("www.");
        if (next.kind == NextKind::Upper && !next.elided) || address_follows {
            self.push_break(end);
        }
        end
    }

    /// French writes a lower-case word after a semicolon; a capitalised sentence opener after one
    /// ("… les classiques ; De son vivant, …") starts a new sentence. A name goes on ("née en
    /// 1926 ; Lucien Carillon"), and English, where "; I" is common, always goes on.
    fn at_semicolon(&mut self, i: usize) -> usize {
        if self.lang != Lang::Fr || self.spans.hides(i, i + 1) || !self.is_followed_by_space(i + 1) {
            return i + 1;
        }
        let next = marks::next_token(self.text, i + 1, self.block.end, false);
        if next.kind == NextKind::Upper
            && LEXICON.is_starter(self.lang, next.word, next.elided)
            && self.words_since_start(i) > 2
        {
            self.push_break(i + 1);
        }
        i + 1
    }

    /// `...`, `....`, `…`: ends a sentence before a capital.
    fn at_ellipsis(&mut self, i: usize, run_end: usize) -> usize {
        if self.is_omission_mark(i) {
            return run_end;
        }
        let end = self.closing_end(run_end);
        if !self.is_followed_by_space(end) || self.spans.hides(i, end) {
            return end;
        }
        let next = marks::next_token(self.text, end, self.block.end, false);
        if next.kind == NextKind::Upper && !self.parenthesis_ends_block(&next) {
            self.push_end(end);
        }
        end
    }

    /// `. . .` (a typographer's ellipsis): attached to a word after a period it opens the next
    /// sentence ("compounds. . . . The practice"); standing alone it ends one only when it has
    /// four dots (the ellipsis plus the period).
    fn at_spaced_ellipsis(&mut self, i: usize) -> usize {
        let mut run_end = i + 1;
        let mut dots = 1;
        while self.bytes.get(run_end) == Some(&b' ') && self.bytes.get(run_end + 1) == Some(&b'.') {
            run_end += 2;
            dots += 1;
        }
        if dots < 3 {
            // ". ." is no ellipsis: garbage such as ".). .)." after a plain period.
            return self.at_period(i);
        }
        let attached = i > self.block.start && !self.bytes[i - 1].is_ascii_whitespace();
        let end = self.closing_end(run_end);
        if self.spans.hides(i, end) {
            return end;
        }
        let next = marks::next_token(self.text, end, self.block.end, false);
        if next.kind == NextKind::Upper {
            if attached {
                self.push_break(i + 1);
            } else if dots >= 4 && self.is_followed_by_space(end) {
                self.push_end(end);
            }
        }
        end
    }

    fn is_fullwidth_stop(&self, i: usize) -> bool {
        let rest = &self.bytes[i..];
        ["．", "。", "！", "？"].iter().any(|s| rest.starts_with(s.as_bytes()))
    }

    /// Full-width stops end a sentence even without a following space.
    fn at_fullwidth(&mut self, i: usize) -> usize {
        let end = self.closing_end(i + 3);
        if !self.spans.hides(i, end) {
            self.push_end(end);
        }
        end
    }

    /// A single period at `i`.
    fn at_period(&mut self, i: usize) -> usize {
        let end = self.closing_end(i + 1);
        if !self.is_followed_by_space(end) {
            if end == i + 1 {
                if let Some(after_note) = self.footnote_end(i) {
                    if !self.spans.hides(i, after_note) {
                        self.push_break(after_note);
                    }
                    return after_note;
                }
                if self.is_unspaced_boundary(i) {
                    self.push_break(i + 1);
                }
            }
            return end;
        }
        let next = marks::next_token(self.text, end, self.block.end, false);
        if self.spans.hides(i, end) && !self.ends_inside_quotation(i, end, &next) {
            return end;
        }
        // "(… as an engineer.) at the University": only a bare period may end before a lower-case word.
        let lower_after_closer = next.kind == NextKind::Lower && end > i + 1;
        if !lower_after_closer && self.period_ends_sentence(i, &next) && !self.parenthesis_ends_block(&next) {
            self.push_end(end);
        }
        end
    }

    /// A quotation of several sentences is cut into them (“We lost. We will rebuild.” he said):
    /// a period after a plain word, before a capitalised word, inside quotes but not in brackets.
    fn ends_inside_quotation(&self, i: usize, end: usize, next: &NextToken) -> bool {
        next.kind == NextKind::Upper
            && end == i + 1
            && self.is_plain_word(self.word_before(i))
            && !self.spans.hides_in_brackets(self.bytes, i, end)
            && self
                .spans
                .quotations_at(self.bytes, i)
                .any(|(open, close)| sentence_stops(&self.bytes[open..close]) >= 2)
    }

    /// Whether the period at `i`, followed by `next`, ends the sentence.
    fn period_ends_sentence(&self, i: usize, next: &NextToken) -> bool {
        let word = self.word_before(i);
        match next.kind {
            NextKind::End => return true,
            // "library is closed. it is now a bar": a plain word before the period ends the
            // sentence even before a lower-case word; an abbreviation or an initial does not.
            NextKind::Lower => return self.is_plain_word(word) && self.words_since_start(i) > 1,
            _ => {}
        }
        let starter = next.kind == NextKind::Upper && LEXICON.is_starter(self.lang, next.word, next.elided);
        if let Some(kind) = LEXICON.abbreviation(word) {
            if kind == Abbrev::Word {
                // "No. Not really" ends even as a one-word sentence; "No. 5" goes on.
                return next.kind == NextKind::Upper;
            }
            let words_so_far = self.words_since_start(i);
            if words_so_far <= 1 {
                return false;
            }
            return match kind {
                Abbrev::Title | Abbrev::Word => false,
                Abbrev::Number => next.kind == NextKind::Upper && starter,
                Abbrev::Time => {
                    next.kind != NextKind::Upper
                        || (words_so_far > 3 && !is_time_zone(next.word) && !LEXICON.follows_time(next.word))
                }
                Abbrev::Common => next.kind != NextKind::Upper || starter,
            };
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let single_letter = letters == 1 && word.chars().count() == 1;
        if single_letter || is_acronym(word) {
            // "E. Smith", "U.S. Government" go on; "I. Did", "the U.S. The" end; "J.-M. Le Pen"
            // goes on, the particle opening a surname rather than a sentence.
            let surname = starter && self.particle_opens_surname(next) && !self.is_era(i, word);
            return self.words_since_start(i) > 1 && (next.kind != NextKind::Upper || (starter && !surname));
        }
        // "1. The first item" opens a list rather than closing a one-word sentence.
        let short_number = !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
        !(short_number && self.words_since_start(i) <= 1)
    }

    /// "Le Pen", "La Fontaine", "De Gaulle", "Van Damme": a particle followed by a capitalised word.
    fn particle_opens_surname(&self, next: &NextToken) -> bool {
        const PARTICLES: [&str; 12] = ["Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della", "Mac"];
        if !PARTICLES.contains(&next.word) || next.elided {
            return false;
        }
        let after = self.text[next.word_end..self.block.end].trim_start_matches([' ', '\u{a0}']);
        next.word_end < self.block.end
            && after.len() < self.block.end - next.word_end
            && after.starts_with(char::is_uppercase)
    }

    /// "av. J.-C.", "apr. J.-C.": an era, which often ends a sentence.
    fn is_era(&self, i: usize, word: &str) -> bool {
        let word_start = i - word.len();
        let before = self.text[self.sentence_start..word_start].trim_end();
        let previous = &before[marks::token_start(before, 0, before.len())..];
        matches!(previous, "av." | "apr." | "AV." | "APR.")
    }

    /// The word before the period at `i`, without opening punctuation or bullet: "U.S", "Mr",
    /// "1026.253.553". It starts no earlier than the sentence ("Tuesday.Mr" gives "Mr").
    fn word_before(&self, i: usize) -> &'a str {
        let start = marks::token_start(self.text, self.sentence_start, i);
        let word = self.text[start..i].trim_start_matches(|c: char| "([{\"'“‘«`".contains(c) || marks::is_bullet(c));
        // French elision: "l'U.S" is the acronym "U.S", "d'Inc" the abbreviation "Inc".
        match word.rfind(['\'', '’']) {
            Some(p) if p + 1 < word.len() => &word[p + word[p..].chars().next().map_or(1, char::len_utf8)..],
            _ => word,
        }
    }

    /// Words of the current sentence before `i`; a bullet is not a word.
    /// Counting stops at five: the rules only ask "one word?", "more than three?", and a long
    /// sentence without a break must not be recounted at every period.
    fn words_since_start(&self, i: usize) -> usize {
        self.text[self.sentence_start..i]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .take(5)
            .count()
    }

    fn is_followed_by_space(&self, pos: usize) -> bool {
        pos >= self.block.end || marks::char_at(self.text, pos).is_some_and(char::is_whitespace)
    }

    /// A parenthesis right after a sentence end that closes the block is the sentence's own
    /// aside: "… house!' (Which was very likely true.)".
    fn parenthesis_ends_block(&self, next: &NextToken) -> bool {
        let Some(open) = next.paren_at else { return false };
        let Some(close) = self.spans.closing_of(open) else { return false };
        self.text[close + 1..self.block.end].trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty()
    }

    /// A footnote number glued to a period: "consultation.11 12 Take", "(1987).1 According".
    fn footnote_end(&self, i: usize) -> Option<usize> {
        let before = marks::char_before(self.text, i)?;
        if !(before.is_lowercase() || before == ')') {
            return None;
        }
        let mut pos = i + 1;
        loop {
            let digits = self.bytes[pos..self.block.end].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 || digits > 3 {
                return None;
            }
            pos += digits;
            if self.bytes.get(pos) != Some(&b' ') {
                return None;
            }
            match marks::char_at(self.text, pos + 1) {
                Some(c) if c.is_ascii_digit() => pos += 1,
                Some(c) if c.is_uppercase() => return Some(pos),
                _ => return None,
            }
        }
    }

    /// "world.Today", "1,000.That": a period with no space before a capitalised word, outside a
    /// URL, an e-mail address or a file name.
    fn is_unspaced_boundary(&self, i: usize) -> bool {
        let Some(before) = marks::char_before(self.text, i) else { return false };
        if !(before.is_lowercase() || before.is_ascii_digit()) {
            return false;
        }
        let mut after = self.text[i + 1..self.block.end].chars();
        let (Some(first), Some(second)) = (after.next(), after.next()) else { return false };
        if !(first.is_uppercase() && second.is_lowercase()) {
            return false;
        }
        let token_start = marks::token_start(self.text, self.block.start, i);
        let token_end = self.text[i..self.block.end].find(char::is_whitespace).map_or(self.block.end, |p| i + p);
        let token = &self.text[token_start..token_end];
        if token.contains('@') || token.contains("://") || token.starts_with("www.") {
            return false;
        }
        // "testurl.Awesome.com": a dot followed by letters later in the token is a domain name.
        let rest = &self.text[i + 1..token_end];
        !rest.char_indices().any(|(p, c)| c == '.' && rest[p + 1..].starts_with(char::is_alphabetic))
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

/// How many `.`, `!` or `?` followed by a space and an upper-case ASCII letter `bytes` holds: the
/// sentences a quotation holds, less one.
fn sentence_stops(bytes: &[u8]) -> usize {
    bytes.windows(3).filter(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ' && w[2].is_ascii_uppercase()).count()
}

/// "EST", "GMT", "UTC", "CET": an upper-case word of two to four letters after a clock time.
fn is_time_zone(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// "U.S", "a.m", "Ph.D", "J.-C", "LL.AA.II.RR": letters in short groups joined by periods.
fn is_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split(['.', '-'])
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
        && word.chars().any(char::is_alphabetic)
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

    fn sentences(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn french_titles_and_abbreviations_do_not_end_sentences() {
        let text = "M. Durand et Mme Lefèvre ont vu le Pr. Garnier. MM. Roux et Petit, eux, sont partis.";
        assert_eq!(
            sentences(text, Lang::Fr),
            ["M. Durand et Mme Lefèvre ont vu le Pr. Garnier.", "MM. Roux et Petit, eux, sont partis."]
        );
        let text = "J.-M. Le Pen a parlé. Né en 63 av. J.-C. La ville a grandi. Jean A. De Smet est venu.";
        assert_eq!(
            sentences(text, Lang::Fr),
            ["J.-M. Le Pen a parlé.", "Né en 63 av. J.-C.", "La ville a grandi.", "Jean A. De Smet est venu."]
        );
        let text = "Roger Dow dirige l'U.S. Travel Association. Il a parlé.";
        assert_eq!(sentences(text, Lang::Fr), ["Roger Dow dirige l'U.S. Travel Association.", "Il a parlé."]);
        let text = "La ville fut fondée vers 600 av. J.-C. Elle compte 3 000 habitants, voir p. 12 et le n° 4.";
        assert_eq!(
            sentences(text, Lang::Fr),
            ["La ville fut fondée vers 600 av. J.-C.", "Elle compte 3 000 habitants, voir p. 12 et le n° 4."]
        );
    }

    #[test]
    fn english_abbreviations_initials_and_decimals() {
        let text = "Mr. Hale of Brightwater Inc. arrived at 9 a.m. The U.S. Army sent 3.5 tonnes. J. R. Vance agreed.";
        assert_eq!(
            sentences(text, Lang::En),
            ["Mr. Hale of Brightwater Inc. arrived at 9 a.m.", "The U.S. Army sent 3.5 tonnes.", "J. R. Vance agreed."]
        );
    }

    #[test]
    fn a_state_abbreviation_is_also_a_plain_word() {
        let text = "She had begun her wash. Limping, she went on. Rep. Dicks (D., Wash.), a member, spoke.";
        assert_eq!(
            sentences(text, Lang::En),
            ["She had begun her wash.", "Limping, she went on.", "Rep. Dicks (D., Wash.), a member, spoke."]
        );
    }

    #[test]
    fn abbreviations_that_are_also_words() {
        let text = "Is it far? No. Not really. Take bus No. 5 to the end. Oh no. That was the last one.";
        assert_eq!(
            sentences(text, Lang::En),
            ["Is it far?", "No.", "Not really.", "Take bus No. 5 to the end.", "Oh no.", "That was the last one."]
        );
        let text = "Mm. Right. La vis fait 12 mm. Elle tient.";
        assert_eq!(sentences(text, Lang::Fr), ["Mm.", "Right.", "La vis fait 12 mm.", "Elle tient."]);
    }

    #[test]
    fn street_names_and_time_zones() {
        let text = "He lives on Baker St. The house is old. St. Louis is far. Doors open at 9 p.m. EST. Be early.";
        assert_eq!(
            sentences(text, Lang::En),
            [
                "He lives on Baker St.",
                "The house is old.",
                "St. Louis is far.",
                "Doors open at 9 p.m. EST.",
                "Be early."
            ]
        );
    }

    #[test]
    fn french_dialogue_splits_at_spaced_exclamations_and_before_a_dash() {
        let text = "Il dit : - Ah ! vous voilà, murmura-t-elle. Où ? ici. « Non ! » a-t-il dit. Il vit? il part.";
        assert_eq!(
            sentences(text, Lang::Fr),
            [
                "Il dit :",
                "- Ah !",
                "vous voilà, murmura-t-elle.",
                "Où ?",
                "ici.",
                "« Non ! » a-t-il dit.",
                "Il vit? il part."
            ]
        );
        let text = "Le bilan : 3 morts. Il a dit : « Non. » Prix : - 5 %.";
        assert_eq!(sentences(text, Lang::Fr), ["Le bilan : 3 morts.", "Il a dit : « Non. »", "Prix : - 5 %."]);
        let text = "He said: - Oh! you are here.";
        assert_eq!(sentences(text, Lang::En), ["He said: - Oh! you are here."]);
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
    fn urls_emails_ellipses_and_garbage() {
        let text = "Write to desk@example.org. See https://example.org/a.html for more… Then wait (…) a little.";
        assert_eq!(
            sentences(text, Lang::En),
            ["Write to desk@example.org.", "See https://example.org/a.html for more…", "Then wait (…) a little."]
        );
        let text = "Fin du texte. .). .).\nSuite.";
        let got = sentences(text, Lang::Fr);
        assert_eq!(got.first(), Some(&"Fin du texte."));
        assert_eq!(got.last(), Some(&"Suite."));
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
    fn french_semicolon_before_a_sentence_opener() {
        let text = "Il a quitté la ville en 1920 ; Il y est revenu plus tard. Invités : Anne Roy, 1926 ; Paul Roy.";
        assert_eq!(
            sentences(text, Lang::Fr),
            ["Il a quitté la ville en 1920 ;", "Il y est revenu plus tard.", "Invités : Anne Roy, 1926 ; Paul Roy."]
        );
    }

    #[test]
    fn long_quotations_are_cut_short_ones_kept() {
        let text = "\"We lost. We will rebuild. We always do.\" The mayor left.";
        assert_eq!(sentences(text, Lang::En), ["\"We lost.", "We will rebuild.", "We always do.\"", "The mayor left."]);
        let text = "\"We lost. We will rebuild.\" The mayor left.";
        assert_eq!(sentences(text, Lang::En), ["\"We lost. We will rebuild.\"", "The mayor left."]);
    }

    #[test]
    fn citations_smileys_and_addresses_close_sentences() {
        let text = "The law passed. [12] It took effect. :) Mail ann@example.org Thanks for all. See http://example.org/a Next time";
        assert_eq!(
            sentences(text, Lang::En),
            [
                "The law passed. [12]",
                "It took effect. :)",
                "Mail ann@example.org",
                "Thanks for all.",
                "See http://example.org/a",
                "Next time"
            ]
        );
        let text = "Il a dit « c'est la fin. » Puis il est parti. la fin. » Ensuite";
        assert_eq!(
            sentences(text, Lang::Fr),
            ["Il a dit « c'est la fin. »", "Puis il est parti.", "la fin.", "» Ensuite"]
        );
    }

    #[test]
    fn message_headers_stand_apart() {
        let text = "Ann Lee <ann.lee@example.org> 03/04/2011 09:15 AM Could you send the map? Thanks.";
        assert_eq!(
            sentences(text, Lang::En),
            ["Ann Lee <ann.lee@example.org>", "03/04/2011 09:15 AM", "Could you send the map?", "Thanks."]
        );
        let text = "Posted by Tom Rae at 7/2/2009 10:04:00 PM Comments are closed.";
        assert_eq!(sentences(text, Lang::En), ["Posted by Tom Rae at 7/2/2009 10:04:00 PM", "Comments are closed."]);
        let text = "Sent on 7/2/2009 10:04 pm from my phone.";
        assert_eq!(sentences(text, Lang::En), [text]);
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
