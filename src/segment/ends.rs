//! The other marks that may end a sentence: `!` and `?` (a French spaced exclamation, an
//! English one glued to a word), `:` before a dialogue dash, `;` before a sentence opener, a
//! date-time stamp, an e-mail address, ellipses and full-width stops.

use super::lexicon::{Abbrev, LEXICON};
use super::marks::{self, NextKind};
use super::Splitter;
use crate::lang::Lang;
use std::ops::Range;

impl<'a> Splitter<'a> {
    /// Handles a run starting with `.`, `!` or `?` at `i`; returns where scanning resumes.
    pub(super) fn at_terminator(&mut self, i: usize) -> usize {
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
    pub(super) fn is_omission_mark(&self, i: usize) -> bool {
        i > self.block.start && matches!(self.bytes[i - 1], b'[' | b'(')
    }

    pub(super) fn at_exclamation(&mut self, i: usize, run_end: usize) -> usize {
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
    pub(super) fn is_french_spaced_exclamation(&self, i: usize, run_end: usize, end: usize) -> bool {
        self.lang == Lang::Fr
            && end == run_end
            && marks::char_before(self.text, i).is_some_and(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
    }

    /// In English a `?` or `!` after a plain lower-case word and followed by a lower-case word
    /// ends the sentence in informal writing ("where did you grow up? india?"); a closing quote
    /// ("'Hello?' she asked") or a name ("Yahoo! and AOL") goes on. English sets no space
    /// before them, so a mark set apart ("as i do ? i dont know") ends the sentence the same way.
    pub(super) fn is_glued_english_mark(&self, i: usize, run_end: usize, end: usize) -> bool {
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
    pub(super) fn attribution_follows(&self, from: usize) -> bool {
        self.text[from..self.block.end].split_whitespace().take(3).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            LEXICON.is_attribution_verb(self.lang, &w)
        })
    }

    /// A word of at least two letters, all letters, and no known abbreviation (unless it is also
    /// an everyday word, "no"): a period after it is a full stop whatever follows ("no place to
    /// sit. it is now closed").
    pub(super) fn is_plain_word(&self, word: &str) -> bool {
        let word = word.trim_end_matches(['"', '\'', '”', '’', ')']);
        word.chars().count() >= 2
            && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && LEXICON.abbreviation(word).is_none_or(|kind| kind == Abbrev::Word)
    }

    /// A colon before a dialogue dash opens a line of dialogue in French prose ("Il dit : - Jésus
    /// n'a pas besoin…"): the narration and the reply are two sentences. Elsewhere a colon goes on.
    pub(super) fn at_colon(&mut self, i: usize) -> usize {
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
    pub(super) fn at_date_time_stamp(&mut self, stamp: Range<usize>) {
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
    pub(super) fn at_address(&mut self, i: usize) -> usize {
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
    pub(super) fn at_semicolon(&mut self, i: usize) -> usize {
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
    pub(super) fn at_ellipsis(&mut self, i: usize, run_end: usize) -> usize {
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
    pub(super) fn at_spaced_ellipsis(&mut self, i: usize) -> usize {
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

    pub(super) fn is_fullwidth_stop(&self, i: usize) -> bool {
        let rest = &self.bytes[i..];
        ["．", "。", "！", "？"].iter().any(|s| rest.starts_with(s.as_bytes()))
    }

    /// Full-width stops end a sentence even without a following space.
    pub(super) fn at_fullwidth(&mut self, i: usize) -> usize {
        let end = self.closing_end(i + 3);
        if !self.spans.hides(i, end) {
            self.push_end(end);
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sentences;
    use crate::lang::Lang;

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
    fn french_semicolon_before_a_sentence_opener() {
        let text = "Il a quitté la ville en 1920 ; Il y est revenu plus tard. Invités : Anne Roy, 1926 ; Paul Roy.";
        assert_eq!(
            sentences(text, Lang::Fr),
            ["Il a quitté la ville en 1920 ;", "Il y est revenu plus tard.", "Invités : Anne Roy, 1926 ; Paul Roy."]
        );
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
}
