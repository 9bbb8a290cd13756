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

/// Collapses every run of white space (newlines included) into one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
}
