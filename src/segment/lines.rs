//! Cutting a text into blocks: paragraphs, headlines, list items, wrapped lines joined.

use std::ops::Range;

/// The blocks of `text`, in order. A blank line always ends a block. A single line end ends one
/// too unless the line plainly wraps in mid-sentence ([`wraps_into`]).
pub fn blocks(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut last_line: Option<Range<usize>> = None;
    let mut pos = 0;
    loop {
        let (line_end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(off) => {
                let e = pos + off;
                (e, if bytes[e] == b'\r' && bytes.get(e + 1) == Some(&b'\n') { e + 2 } else { e + 1 })
            }
            None => (bytes.len(), bytes.len()),
        };
        let line = pos..line_end;
        if text[line.clone()].trim().is_empty() {
            if let (Some(start), Some(last)) = (block_start.take(), last_line.take()) {
                out.push(start..last.end);
            }
        } else {
            match (block_start, &last_line) {
                (Some(start), Some(last)) if !wraps_into(&text[last.clone()], &text[line.clone()]) => {
                    out.push(start..last.end);
                    block_start = Some(line.start);
                }
                (None, _) => block_start = Some(line.start),
                _ => {}
            }
            last_line = Some(line);
        }
        if next >= bytes.len() {
            break;
        }
        pos = next;
    }
    if let (Some(start), Some(last)) = (block_start, last_line) {
        out.push(start..last.end);
    }
    out
}

/// Whether `line` goes on in `next` (a hard-wrapped or PDF-extracted paragraph) rather than
/// ending there (a headline, a label, a list item, a sentence).
fn wraps_into(line: &str, next: &str) -> bool {
    let trimmed = line.trim();
    let next = next.trim_start();
    if ends_with_stop(trimmed) || starts_list_item(next) {
        return false;
    }
    let Some(first) = next.chars().next() else { return false };
    if first.is_lowercase() {
        // "features\ncontact manager" are labels; "This is a sentence\ncut off" wraps.
        return trimmed.split_whitespace().count() >= 3 || trimmed.ends_with(',');
    }
    // Wrapped text often keeps its space before the line end: "up to 400 yd \n( 365.8 m )."
    line.ends_with(char::is_whitespace) && !first.is_uppercase() && !first.is_numeric() && !"\"“«'‘".contains(first)
}

fn ends_with_stop(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»)]".contains(c));
    core.ends_with(['.', '!', '?', '…', ':', '。', '．', '！', '？'])
}

/// A bullet, a dash or a list marker ("1.", "2)", "a)", "(iv)") at the start of a line.
pub fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return false };
    if super::marks::is_bullet(first) {
        return true;
    }
    if matches!(first, '-' | '–' | '—' | '*') {
        return chars.next().is_some_and(char::is_whitespace);
    }
    let body = line.strip_prefix('(').unwrap_or(line);
    let marker_len = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let marker_len = if marker_len == 0 && body.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
        body.bytes().take_while(|b| b.is_ascii_alphabetic()).count().min(4)
    } else {
        marker_len
    };
    if marker_len == 0 || marker_len > 4 {
        return false;
    }
    let rest = &body[marker_len..];
    let digits = body.as_bytes()[0].is_ascii_digit();
    rest.starts_with(')') || rest.starts_with(".)") || (digits && rest.starts_with(". "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        blocks(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn blank_lines_and_hard_line_ends_separate_blocks() {
        assert_eq!(
            texts("Titre du jour\nLe texte suit.\n\nAutre paragraphe."),
            ["Titre du jour", "Le texte suit.", "Autre paragraphe."]
        );
        assert_eq!(texts("It was a cold \nnight in the city."), ["It was a cold \nnight in the city."]);
        assert_eq!(texts("features\ncontact manager\n"), ["features", "contact manager"]);
        assert_eq!(texts("Intro:\n1. First\n2. Second"), ["Intro:", "1. First", "2. Second"]);
        assert_eq!(texts("a\r\nb\rc"), ["a", "b", "c"]);
    }
}
