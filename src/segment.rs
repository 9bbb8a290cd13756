//! Sentence segmentation for French and English news.

use crate::lang::Lang;
use std::ops::Range;

/// Splits `text` into sentences: trimmed, non-empty byte ranges in order.
pub fn split(text: &str, _lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_here =
            matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()) || b == b'\n';
        if end_here {
            push_trimmed(text, start..i + 1, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}
