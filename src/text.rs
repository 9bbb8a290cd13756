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

#[cfg(test)]
mod tests {
    use super::*;

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
