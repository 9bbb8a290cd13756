//! Whether a period ends a sentence: abbreviations, initials, titles, decimals, eras, street
//! names, time zones, footnote marks and surname particles say it does not.

use super::lexicon::{Abbrev, LEXICON};
use super::marks::{self, NextKind, NextToken};
use super::Splitter;

impl<'a> Splitter<'a> {
    /// A single period at `i`.
    pub(super) fn at_period(&mut self, i: usize) -> usize {
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
    pub(super) fn ends_inside_quotation(&self, i: usize, end: usize, next: &NextToken) -> bool {
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
    pub(super) fn period_ends_sentence(&self, i: usize, next: &NextToken) -> bool {
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
    pub(super) fn particle_opens_surname(&self, next: &NextToken) -> bool {
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
    pub(super) fn is_era(&self, i: usize, word: &str) -> bool {
        let word_start = i - word.len();
        let before = self.text[self.sentence_start..word_start].trim_end();
        let previous = &before[marks::token_start(before, 0, before.len())..];
        matches!(previous, "av." | "apr." | "AV." | "APR.")
    }

    /// The word before the period at `i`, without opening punctuation or bullet: "U.S", "Mr",
    /// "1026.253.553". It starts no earlier than the sentence ("Tuesday.Mr" gives "Mr").
    pub(super) fn word_before(&self, i: usize) -> &'a str {
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
    pub(super) fn words_since_start(&self, i: usize) -> usize {
        self.text[self.sentence_start..i]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .take(5)
            .count()
    }

    pub(super) fn is_followed_by_space(&self, pos: usize) -> bool {
        pos >= self.block.end || marks::char_at(self.text, pos).is_some_and(char::is_whitespace)
    }

    /// A parenthesis right after a sentence end that closes the block is the sentence's own
    /// aside: "… house!' (Which was very likely true.)".
    pub(super) fn parenthesis_ends_block(&self, next: &NextToken) -> bool {
        let Some(open) = next.paren_at else { return false };
        let Some(close) = self.spans.closing_of(open) else { return false };
        self.text[close + 1..self.block.end].trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty()
    }

    /// A footnote number glued to a period: "consultation.11 12 Take", "(1987).1 According".
    pub(super) fn footnote_end(&self, i: usize) -> Option<usize> {
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
    pub(super) fn is_unspaced_boundary(&self, i: usize) -> bool {
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
}

/// How many `.`, `!` or `?` followed by a space and an upper-case ASCII letter `bytes` holds: the
/// sentences a quotation holds, less one.
pub(super) fn sentence_stops(bytes: &[u8]) -> usize {
    bytes.windows(3).filter(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ' && w[2].is_ascii_uppercase()).count()
}

/// "EST", "GMT", "UTC", "CET": an upper-case word of two to four letters after a clock time.
pub(super) fn is_time_zone(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// "U.S", "a.m", "Ph.D", "J.-C", "LL.AA.II.RR": letters in short groups joined by periods.
pub(super) fn is_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split(['.', '-'])
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
        && word.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::tests::sentences;
    use crate::lang::Lang;

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
}
