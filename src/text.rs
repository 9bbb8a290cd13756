//! Small text helpers shared by several stages.

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub fn prefix_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

pub use newsalign_tables::fold::{fold, fold_chars};

/// Collapses every run of white space (newlines included) into one space, and trims the ends.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_one_line(&mut out, text);
    out
}

/// Appends [`one_line`]`(text)` to `out`, without a copy of its own: the words are copied once,
/// and no list of them is kept (on a text of millions of words, that list weighed more than the
/// text).
pub fn push_one_line(out: &mut String, text: &str) {
    for (k, word) in text.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// How many white-space separated words `text` holds, counting no further than `limit`: what
/// `text.split_whitespace().take(limit).count()` gives, without decoding most characters (the
/// cleaning stage counts the words of every line and sentence it looks at). A word starts at
/// each character that is not white space after one that is (or at the start).
pub fn count_words(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut after_space, mut i) = (0, 1u8, 0);
    while i < bytes.len() {
        let mut space = SPACE_BYTES[usize::from(bytes[i])];
        if space == LEAD_OF_SPACE {
            // Decoded, and its other bytes skipped.
            let c = text[i..].chars().next().unwrap_or('x');
            i += c.len_utf8() - 1;
            space = u8::from(c.is_whitespace());
        }
        words += usize::from(after_space & (space ^ 1));
        if words >= limit {
            return limit;
        }
        after_space = space;
        i += 1;
    }
    words
}

/// The length in bytes of the white space character at byte `i` of `text` (a char boundary),
/// 0 when the character there is no white space (`char::is_whitespace`); only the lead bytes of
/// characters that may be white space are decoded.
#[inline]
pub fn space_len(text: &str, i: usize) -> usize {
    match SPACE_BYTES[usize::from(text.as_bytes()[i])] {
        0 => 0,
        1 => 1,
        _ => text[i..].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8),
    }
}

/// Marks a lead byte of a character that may be white space ([`SPACE_BYTES`]).
const LEAD_OF_SPACE: u8 = 2;

/// For each byte of UTF-8 text: 1 for ASCII white space (as `char::is_whitespace` has it: the
/// vertical tab included), [`LEAD_OF_SPACE`] for the lead bytes of the other white space
/// characters (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000), 0 for any other byte (a lead or
/// continuation byte of a character that is no space).
static SPACE_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => 1,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => LEAD_OF_SPACE,
            _ => 0,
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words_agrees_with_split_whitespace() {
        let texts = [
            "",
            "   ",
            "one",
            " deux  mots ",
            "a\tb\nc\x0bd\x0ce\rf",
            "l\u{a0}été\u{2003}arrive\u{202f}!",
            "日本語 テキスト",
            "trailing word ",
            "« guillemets »\u{2028}x\u{85}y\u{3000}z\u{1680}—’…",
        ];
        for text in texts {
            for limit in [0, 1, 2, 3, 5, 100] {
                assert_eq!(count_words(text, limit), text.split_whitespace().take(limit).count(), "{text:?} {limit}");
            }
        }
    }

    #[test]
    fn prefix_respects_char_boundaries() {
        assert_eq!(prefix_at_char_boundary("été", 1), "");
        assert_eq!(prefix_at_char_boundary("été", 2), "é");
        assert_eq!(prefix_at_char_boundary("abc", 10), "abc");
    }

    #[test]
    fn one_line_joins_the_words_with_single_spaces() {
        assert_eq!(one_line("  Le feu\n\n a pris\t à 3 h.  "), "Le feu a pris à 3 h.");
        assert_eq!(one_line(" \n "), "");
        let mut out = String::from("> ");
        push_one_line(&mut out, "a\u{a0} b");
        assert_eq!(out, "> a b");
    }
}
