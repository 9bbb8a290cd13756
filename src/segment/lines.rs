//! Cutting a text into blocks: paragraphs, headlines, list items, wrapped lines joined.

use std::ops::Range;

/// The blocks of `text`, in order. A blank line always ends a block. A single line end ends one
/// too unless the line wraps in mid-sentence ([`wraps_into`]).
pub fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    for line in lines(text) {
        if text[line.clone()].trim().is_empty() {
            split_run(text, &run, &mut out);
            run.clear();
        } else {
            run.push(line);
        }
    }
    split_run(text, &run, &mut out);
    out
}

/// The lines of `text` without their ends (`\n`, `\r\n` or `\r`).
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = Some(0);
    std::iter::from_fn(move || {
        let start = pos?;
        match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(off) => {
                let end = start + off;
                let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                pos = Some(end + if crlf { 2 } else { 1 });
                Some(start..end)
            }
            None => {
                pos = None;
                Some(start..bytes.len())
            }
        }
    })
}

/// Hard-wrapped text is recognised by its width: in a run of at least three lines no longer
/// than this, a line the next word would not have fitted on was wrapped, not ended.
const MAX_WRAP_WIDTH: usize = 120;
/// Narrower runs are labels or lists ("features\ncontact manager"), not wrapped prose.
const MIN_WRAP_WIDTH: usize = 40;

/// Cuts a run of consecutive non-blank lines into blocks.
fn split_run(text: &str, run: &[Range<usize>], out: &mut Vec<Range<usize>>) {
    let Some(first) = run.first() else { return };
    let width = run.iter().map(|l| text[l.clone()].trim_end().chars().count()).max().unwrap_or(0);
    let wrap_width = (run.len() >= 3 && (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width)).then_some(width);
    let mut start = first.start;
    for pair in run.windows(2) {
        let (line, next) = (&text[pair[0].clone()], &text[pair[1].clone()]);
        if !wraps_into(line, next, wrap_width) {
            out.push(start..pair[0].end);
            start = pair[1].start;
        }
    }
    out.push(start..run[run.len() - 1].end);
}

/// Whether `line` goes on in `next` (a hard-wrapped or PDF-extracted paragraph) rather than
/// ending there (a headline, a label, a list item, a sentence).
fn wraps_into(line: &str, next: &str, wrap_width: Option<usize>) -> bool {
    let trimmed = line.trim();
    let next = next.trim_start();
    if ends_with_stop(trimmed) {
        return false;
    }
    let Some(first) = next.chars().next() else { return false };
    if let Some(width) = wrap_width {
        // The next line's first word would not have fitted: the line was wrapped, even before
        // "- Amrozi" or "2000." that would otherwise read as a list item.
        let next_word = next.split_whitespace().next().map_or(0, |w| w.chars().count());
        if line.trim_end().chars().count() + 1 + next_word > width {
            return true;
        }
    }
    if starts_list_item(next) {
        return false;
    }
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
        body.bytes().take_while(|b| b.is_ascii_alphabetic()).count()
    } else {
        marker_len
    };
    let digits = body.bytes().next().is_some_and(|b| b.is_ascii_digit());
    // List numbers have one or two digits ("2000. Prosecutors…" is a wrapped year).
    if marker_len == 0 || marker_len > if digits { 2 } else { 4 } {
        return false;
    }
    let rest = &body[marker_len..];
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

    #[test]
    fn rewrapped_paragraphs_are_joined_whatever_the_next_line_starts_with() {
        let text = "The court found him guilty of the attack on two\nBritish embassies, carried out between 1998 and\n2000. Prosecutors had asked for a life term, he\nsaid.";
        assert_eq!(texts(text), [text]);
        let text = "Short headline\nThe body goes on for a while here.\nAnd ends.";
        assert_eq!(texts(text).len(), 3);
    }
}
