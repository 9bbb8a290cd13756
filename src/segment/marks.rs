//! Punctuation the splitter reads around a candidate end: quotes and brackets, closing runs, the
//! next word, list markers, and the trimming of a finished sentence.

use std::collections::HashSet;
use std::ops::Range;

/// The char starting at byte `pos`, if `pos` is a char boundary inside `text`.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The char ending at byte `pos`.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// Where the white-space separated token holding byte `i` starts, no earlier than `floor`.
pub fn token_start(text: &str, floor: usize, i: usize) -> usize {
    text[floor..i]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(floor, |(p, c)| floor + p + c.len_utf8())
}

pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '‣'
            | '⁃'
            | '➢'
            | '►'
            | '▶'
            | '➤'
            | '✓'
            | '✔'
    )
}

/// Longest quoted passage treated as one unit; a stray quote mark must not swallow an article.
const MAX_QUOTE_BYTES: usize = 600;
const MAX_BRACKET_BYTES: usize = 400;
/// Bound on unclosed brackets remembered, so that "((((((" stays linear.
const MAX_OPEN_BRACKETS: usize = 16;

/// First bytes of the quote and bracket marks [`Spans::find`] looks at: ASCII marks, and the lead
/// bytes of “ ” ‘ ’ (E2) and « » (C2).
static QUOTE_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < 6 {
        table[[b'(', b')', b'[', b']', b'"', b'\''][k] as usize] = true;
        k += 1;
    }
    table[0xE2] = true;
    table[0xC2] = true;
    table
};

/// Quoted and bracketed passages of a block, as (opening mark, closing mark) byte positions.
#[derive(Debug, Default)]
pub struct Spans {
    pairs: Vec<(usize, usize)>,
}

impl Spans {
    pub fn find(text: &str, block: Range<usize>) -> Spans {
        let bytes = text.as_bytes();
        let mut pairs = Vec::new();
        let mut parens: Vec<usize> = Vec::new();
        let mut squares: Vec<usize> = Vec::new();
        let (mut curly, mut guillemet, mut single_curly, mut straight, mut single_straight) =
            (None::<usize>, None::<usize>, None::<usize>, None::<usize>, None::<usize>);
        let mut pos = block.start;
        while let Some(off) = bytes[pos..block.end].iter().position(|&b| QUOTE_LEAD[usize::from(b)]) {
            pos += off;
            let Some(c) = char_at(text, pos) else {
                pos += 1;
                continue;
            };
            let here = pos;
            pos += c.len_utf8();
            if !matches!(c, '(' | ')' | '[' | ']' | '“' | '”' | '«' | '»' | '‘' | '’' | '"' | '\'') {
                continue;
            }
            let pos = here;
            let prev = if pos > block.start { char_before(text, pos) } else { None };
            let next = char_at(text, pos + c.len_utf8()).filter(|_| pos + c.len_utf8() < block.end);
            let opens = prev.is_none_or(|p| p.is_whitespace() || "([{\"“«‘'—–-".contains(p));
            let closes = prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
            let mut close = |open: &mut Option<usize>, limit: usize| {
                if let Some(o) = open.take() {
                    if pos - o <= limit {
                        pairs.push((o, pos));
                    }
                }
            };
            match c {
                '(' | '[' => {
                    let stack = if c == '(' { &mut parens } else { &mut squares };
                    if stack.len() == MAX_OPEN_BRACKETS {
                        stack.remove(0);
                    }
                    stack.push(pos);
                }
                ')' | ']' => {
                    let stack = if c == ')' { &mut parens } else { &mut squares };
                    if let Some(o) = stack.pop() {
                        if pos - o <= MAX_BRACKET_BYTES {
                            pairs.push((o, pos));
                        }
                    }
                }
                '“' => curly = Some(pos),
                '”' => close(&mut curly, MAX_QUOTE_BYTES),
                '«' => guillemet = Some(pos),
                '»' => close(&mut guillemet, MAX_QUOTE_BYTES),
                '‘' => single_curly = Some(pos),
                '’' if closes => close(&mut single_curly, MAX_QUOTE_BYTES),
                '"' => {
                    if straight.is_some() && prev.is_some_and(|p| !p.is_whitespace()) {
                        close(&mut straight, MAX_QUOTE_BYTES);
                    } else if opens && next.is_some_and(|n| !n.is_whitespace()) {
                        straight = Some(pos);
                    }
                }
                '\'' => {
                    if single_straight.is_some() && closes {
                        close(&mut single_straight, MAX_QUOTE_BYTES);
                    } else if opens && next.is_some_and(char::is_alphabetic) {
                        single_straight = Some(pos);
                    }
                }
                _ => {}
            }
        }
        pairs.sort_unstable();
        Spans { pairs }
    }

    /// The passages that may hold byte `i`: only those opened less than the longest passage
    /// before it, so a query stays short however many passages the block has.
    fn around(&self, i: usize) -> &[(usize, usize)] {
        let from = self.pairs.partition_point(|&(open, _)| open + MAX_QUOTE_BYTES.max(MAX_BRACKET_BYTES) < i);
        let to = self.pairs.partition_point(|&(open, _)| open < i);
        &self.pairs[from..to.max(from)]
    }

    /// Whether the candidate end at `i`, whose closing run ends at `end`, lies inside a passage
    /// that it does not close.
    pub fn hides(&self, i: usize, end: usize) -> bool {
        self.around(i).iter().any(|&(open, close)| open < i && i < close && end <= close)
    }

    /// Whether the candidate end at `i` (closing run ending at `end`) lies inside a bracketed
    /// passage it does not close; quotations are not counted.
    pub fn hides_in_brackets(&self, text: &[u8], i: usize, end: usize) -> bool {
        self.around(i)
            .iter()
            .any(|&(open, close)| open < i && i < close && end <= close && matches!(text[open], b'(' | b'['))
    }

    /// The quotations (not bracketed passages) holding byte `i`, as (open, close).
    pub fn quotations_at<'s>(&'s self, text: &'s [u8], i: usize) -> impl Iterator<Item = (usize, usize)> + 's {
        self.around(i)
            .iter()
            .copied()
            .filter(move |&(open, close)| open < i && i < close && !matches!(text[open], b'(' | b'['))
    }

    /// The closing mark of the passage opened at `open`.
    pub fn closing_of(&self, open: usize) -> Option<usize> {
        let k = self.pairs.partition_point(|&(o, _)| o < open);
        self.pairs.get(k).filter(|&&(o, _)| o == open).map(|&(_, c)| c)
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '›')
}

/// Where the closing quotes and brackets after a sentence end stop: `.”`, `. »` (French inner
/// space, plain or narrow no-break), `! "`, `.)`, `.[7][8]`. A quote set apart by a space closes
/// only a quotation open in the block since `floor` (« before it outnumber », or an odd number of
/// `"`); otherwise it opens the next sentence ("… menace. » Stipe" where the quote began earlier
/// than the text, "… dit-il. " Je …").
pub fn closing_run_end(text: &str, mut pos: usize, end: usize, floor: usize) -> usize {
    while pos < end {
        let Some(c) = char_at(text, pos) else { break };
        if is_closer(c) {
            pos += c.len_utf8();
        } else if matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
            let quote_at = pos + c.len_utf8();
            let Some(q) = char_at(text, quote_at).filter(|q| matches!(q, '»' | '"')) else { break };
            let after = quote_at + q.len_utf8();
            let closes = after >= end || char_at(text, after).is_some_and(char::is_whitespace);
            if !(closes && quote_is_open(&text[floor.min(pos)..pos], q)) {
                break;
            }
            pos = after;
        } else if c == '[' {
            let inner =
                text[pos + 1..end].bytes().take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'-')).count();
            if inner == 0 || text.as_bytes().get(pos + 1 + inner) != Some(&b']') {
                break;
            }
            pos += inner + 2;
        } else {
            break;
        }
    }
    pos.min(end)
}

/// Whether `before` leaves a quotation open that the closing mark `close` would end.
fn quote_is_open(before: &str, close: char) -> bool {
    if close == '»' {
        before.matches('«').count() > before.matches('»').count()
    } else {
        before.bytes().filter(|&b| b == b'"').count() % 2 == 1
    }
}

/// The length of a smiley at the start of `bytes` (":)", ":-(", ";)", ":P", ":D"), when white
/// space or the end follows it.
pub fn emoticon_len(bytes: &[u8]) -> Option<usize> {
    let eyes = *bytes.first()?;
    if !matches!(eyes, b':' | b';') {
        return None;
    }
    let nose = usize::from(bytes.get(1) == Some(&b'-'));
    let mouth = *bytes.get(1 + nose)?;
    if !matches!(mouth, b')' | b'(' | b'P' | b'D' | b'p') {
        return None;
    }
    let len = 2 + nose;
    bytes.get(len).is_none_or(u8::is_ascii_whitespace).then_some(len)
}

/// A citation mark set apart after a sentence end, " [23]", followed by white space or the end:
/// where it ends, so that it stays with the sentence it documents.
pub fn citation_end(text: &str, pos: usize, end: usize) -> Option<usize> {
    let rest = text.as_bytes().get(pos..end)?;
    let inner = rest.strip_prefix(b" [")?;
    let digits = inner.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 3 || inner.get(digits) != Some(&b']') {
        return None;
    }
    let after = pos + 2 + digits + 1;
    (after >= end || text.as_bytes()[after].is_ascii_whitespace()).then_some(after)
}

/// A date and clock time written as the header of a message, "08/16/2000 12:05 PM",
/// "3/9/2005 11:16:00 PM", "04/25/01 12:42:55": the byte range of the stamp whose first colon is
/// at `colon`, when white space (or the block's edge) stands on both sides of it.
pub fn date_time_stamp(text: &str, colon: usize, block: Range<usize>) -> Option<Range<usize>> {
    let bytes = &text.as_bytes()[..block.end];
    let digits_back = |end: usize| bytes[block.start..end].iter().rev().take_while(|b| b.is_ascii_digit()).count();
    // Backwards over the hour, one space, the year, the month and the day.
    let hour = digits_back(colon);
    if !(1..=2).contains(&hour) || colon - hour < block.start + 2 || bytes[colon - hour - 1] != b' ' {
        return None;
    }
    let mut start = colon - hour - 1;
    for (lengths, slash_before) in [(2..=4, true), (1..=2, true), (1..=2, false)] {
        let n = digits_back(start);
        if !lengths.contains(&n) {
            return None;
        }
        start -= n;
        if slash_before {
            if start == block.start || bytes[start - 1] != b'/' {
                return None;
            }
            start -= 1;
        }
    }
    if start > block.start && !bytes[start - 1].is_ascii_whitespace() {
        return None;
    }
    // Forwards over minutes, seconds and AM/PM.
    let mut end = colon;
    for _ in 0..2 {
        if bytes.get(end) == Some(&b':')
            && bytes.get(end + 1..end + 3).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        {
            end += 3;
        }
    }
    if end == colon {
        return None;
    }
    let rest = &bytes[end..];
    let gap = usize::from(rest.first() == Some(&b' '));
    let meridiem = rest
        .get(gap..gap + 2)
        .is_some_and(|m| matches!(m[0], b'A' | b'a' | b'P' | b'p') && matches!(m[1], b'M' | b'm'));
    if meridiem && rest.get(gap + 2).is_none_or(u8::is_ascii_whitespace) {
        end += gap + 2;
    }
    bytes.get(end).is_none_or(u8::is_ascii_whitespace).then_some(start..end)
}

/// Whether white space, a dialogue dash (`-`, `--`, `–`, `—`), white space and a word follow `pos`.
pub fn dialogue_dash_follows(text: &str, pos: usize, end: usize) -> bool {
    let Some(rest) = text.get(pos..end) else { return false };
    let after_space = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if after_space.len() == rest.len() {
        return false;
    }
    let after_dash = after_space.trim_start_matches(['-', '–', '—']);
    let dashes = after_space.len() - after_dash.len();
    let words = after_dash.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    // "Prix : - 5 %" is a minus sign, not a line of dialogue.
    (1..=6).contains(&dashes) && words.len() < after_dash.len() && words.starts_with(|c: char| !c.is_numeric())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextKind {
    End,
    Lower,
    Upper,
    Digit,
    Other,
}

/// What follows a candidate end, past white space and opening quotes or brackets.
#[derive(Debug)]
pub struct NextToken<'a> {
    pub kind: NextKind,
    /// The word's letters ("The", "L" of "L'eau").
    pub word: &'a str,
    /// An apostrophe follows the word: "L'", "C'", "Qu'".
    pub elided: bool,
    /// Where the word ends.
    pub word_end: usize,
    /// Where an opening parenthesis stands right after the end, if one does.
    pub paren_at: Option<usize>,
}

pub fn next_token(text: &str, from: usize, end: usize, skip_dashes: bool) -> NextToken<'_> {
    let skip_space = |mut p: usize| {
        while let Some(c) = char_at(text, p).filter(|c| c.is_whitespace() && p < end) {
            p += c.len_utf8();
        }
        p
    };
    let mut p = skip_space(from);
    let first = p;
    let mut paren_at = None;
    while p < end {
        let Some(c) = char_at(text, p) else { break };
        let opening = "([\"“«‘'`¿¡".contains(c);
        let dash = skip_dashes && matches!(c, '-' | '–' | '—');
        if !(opening || dash) {
            break;
        }
        if c == '(' && p == first {
            paren_at = Some(p);
        }
        p = skip_space(p + c.len_utf8());
    }
    let Some(c) = char_at(text, p).filter(|_| p < end) else {
        return NextToken { kind: NextKind::End, word: "", elided: false, word_end: p, paren_at };
    };
    let kind = if c.is_lowercase() {
        NextKind::Lower
    } else if c.is_uppercase() {
        NextKind::Upper
    } else if c.is_numeric() {
        NextKind::Digit
    } else {
        NextKind::Other
    };
    let word_len: usize = text[p..end].chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
    let word = &text[p..p + word_len];
    let elided = matches!(char_at(text, p + word_len), Some('\'' | '’'));
    NextToken { kind, word, elided, word_end: p + word_len, paren_at }
}

/// How a list marker is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum MarkerStyle {
    Dot,
    Paren,
    DotParen,
    Wrapped,
}

/// The starts of list items inside a block: bullets, and markers ("1.", "2)", "b.)", "(c)") that
/// form a run with a neighbour (n and n+1), so that a lone "1." or "a)" in prose is left alone.
pub fn list_item_starts(text: &str, block: Range<usize>) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut bullets = Vec::new();
    let mut markers: Vec<(usize, bool, MarkerStyle, u32)> = Vec::new();
    // "• 9. The first item": the number belongs to the bulleted item, it starts no item of its own.
    let mut after_bullet = false;
    let mut pos = block.start;
    while pos < block.end {
        let b = bytes[pos];
        if b.is_ascii_whitespace() {
            pos += 1;
            continue;
        }
        let bullet = b >= 0x80 && char_at(text, pos).is_some_and(is_bullet);
        if bullet {
            bullets.push(pos);
        } else if !after_bullet && (b.is_ascii_alphanumeric() || b == b'(') {
            if let Some(marker) = parse_marker(text, pos, block.end) {
                markers.push((pos, marker.0, marker.1, marker.2));
            }
        }
        let bullet_len = if bullet { char_at(text, pos).map_or(1, char::len_utf8) } else { 1 };
        after_bullet = bullet && bytes.get(pos + bullet_len).is_some_and(u8::is_ascii_whitespace);
        // On to the next token: most white space is a space, a line end or a tab.
        pos = memchr::memchr3(b' ', b'\n', b'\t', &bytes[pos..block.end]).map_or(block.end, |off| pos + off + 1);
    }
    if markers.is_empty() {
        return bullets;
    }
    let present: HashSet<(bool, MarkerStyle, u32)> = markers.iter().map(|&(_, n, s, v)| (n, s, v)).collect();
    let mut out = bullets;
    out.extend(
        markers
            .iter()
            .filter(|&&(_, n, s, v)| present.contains(&(n, s, v + 1)) || (v > 0 && present.contains(&(n, s, v - 1))))
            .map(|&(pos, ..)| pos),
    );
    out.sort_unstable();
    out
}

/// A list marker at `pos`: (numeric, style, value).
fn parse_marker(text: &str, pos: usize, end: usize) -> Option<(bool, MarkerStyle, u32)> {
    let bytes = &text.as_bytes()[pos..end];
    let wrapped = bytes.first() == Some(&b'(');
    let body = if wrapped { &bytes[1..] } else { bytes };
    let digits = body.iter().take_while(|b| b.is_ascii_digit()).count();
    let (numeric, value, label_len) = match digits {
        1 | 2 => (true, body[..digits].iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0')), digits),
        0 if body.first().is_some_and(u8::is_ascii_alphabetic) => (false, u32::from(body[0].to_ascii_lowercase()), 1),
        _ => return None,
    };
    let rest = &body[label_len..];
    let (style, suffix_len) = if wrapped {
        (rest.first() == Some(&b')')).then_some((MarkerStyle::Wrapped, 1))?
    } else if rest.starts_with(b".)") {
        (MarkerStyle::DotParen, 2)
    } else if rest.starts_with(b")") {
        (MarkerStyle::Paren, 1)
    } else if rest.starts_with(b".") {
        (MarkerStyle::Dot, 1)
    } else {
        return None;
    };
    let after = &rest[suffix_len..];
    if !after.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    if style == MarkerStyle::Dot {
        // "1. The first item" but not "for 1. above"; "a. here" but not the initials "J. K.".
        let next_word = text[end - after.len()..end].trim_start().chars().next();
        let ok = if numeric { next_word.is_some_and(char::is_uppercase) } else { body[0].is_ascii_lowercase() };
        if !ok {
            return None;
        }
    }
    Some((numeric, style, value))
}

/// The part of `range` a reader calls the sentence: without surrounding white space, markup tags,
/// decoration runs ("/////", "====") or literal escapes ("\r\n" written out). None when nothing is left.
pub fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let (mut s, mut e) = (range.start, range.end);
    loop {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail >= piece.len() {
            return None;
        }
        s += lead;
        e -= trail;
        let piece = &text[s..e];
        if let Some(len) = tag_len(piece).or_else(|| decoration_len(piece.bytes())).or_else(|| escape_len(piece)) {
            s += len;
            continue;
        }
        if let Some(open) = piece.rfind('<').filter(|&o| tag_len(&piece[o..]) == Some(piece.len() - o)) {
            e = s + open;
            continue;
        }
        if let Some(len) = decoration_len(piece.bytes().rev()) {
            e -= len;
            continue;
        }
        if let Some(len) = ["\\r", "\\n", "\\t"].iter().find(|esc| piece.ends_with(**esc)).map(|esc| esc.len()) {
            e -= len;
            continue;
        }
        return Some(s..e);
    }
}

/// The length of a markup tag at the start of `s`: `<p>`, `</em>`, `<div class="x">`. An address
/// in angle brackets (`<ann@example.org>`, as mail headers write it) is text, not a tag: trimming
/// it would move the sentence end before it.
fn tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'<') || !b.get(1).is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!')) {
        return None;
    }
    let close = b.iter().take(300).position(|&c| c == b'>')?;
    let inner = &b[1..close];
    let address = inner.contains(&b'@') && !inner.contains(&b' ');
    (!inner.contains(&b'<') && !address).then_some(close + 1)
}

/// A run of three or more of one decoration character.
fn decoration_len(mut bytes: impl Iterator<Item = u8>) -> Option<usize> {
    let first = bytes.next().filter(|b| b"/=*_#~+-".contains(b))?;
    let len = 1 + bytes.take_while(|&b| b == first).count();
    (len >= 3).then_some(len)
}

fn escape_len(s: &str) -> Option<usize> {
    ["\\r", "\\n", "\\t"].iter().find(|esc| s.starts_with(**esc)).map(|esc| esc.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_runs_take_quotes_brackets_and_french_spaces() {
        let t = "« fin. » Puis";
        assert_eq!(&t[..closing_run_end(t, 7, t.len(), 0)], "« fin. »");
        let t = "la fin. » Puis";
        assert_eq!(&t[..closing_run_end(t, 7, t.len(), 0)], "la fin.", "no quotation is open");
        let t = "\"une bête ! \" Les";
        assert_eq!(&t[..closing_run_end(t, 12, t.len(), 0)], "\"une bête ! \"");
        let t = "martyr.[1] The";
        assert_eq!(&t[..closing_run_end(t, 7, t.len(), 0)], "martyr.[1]");
        let t = "«great.\u{202f}» x";
        assert_eq!(&t[..closing_run_end(t, 8, t.len(), 0)], "«great.\u{202f}»");
        let t = "laws. [23] The";
        assert_eq!(citation_end(t, 5, t.len()), Some(10));
        assert_eq!(citation_end("laws. [a] The", 5, 13), None);
        assert_eq!(emoticon_len(b":-) Now"), Some(3));
        assert_eq!(emoticon_len(b":) "), Some(2));
        assert_eq!(emoticon_len(b":Paris"), None);
    }

    #[test]
    fn trims_tags_and_decoration() {
        let t = "<p>This is a test.</p>";
        assert_eq!(&t[trim(t, 0..t.len()).unwrap()], "This is a test.");
        let t = "////Header here";
        assert_eq!(&t[trim(t, 0..t.len()).unwrap()], "Header here");
        assert_eq!(trim("<div class=\"c\"><p>", 0..18), None);
        let t = "From: Ann Lee <ann.lee@example.org>";
        assert_eq!(&t[trim(t, 0..t.len()).unwrap()], t, "an address in angle brackets is text");
    }

    #[test]
    fn spans_pair_quotes_and_ignore_apostrophes() {
        let t = "He said 'we can't stop.' Then l’eau « monte. » ok";
        let spans = Spans::find(t, 0..t.len());
        assert_eq!(spans.pairs.len(), 2, "{spans:?}");
    }

    #[test]
    fn date_time_stamps_of_message_headers() {
        let stamp = |t: &'static str| date_time_stamp(t, t.find(':').unwrap(), 0..t.len()).map(|r| &t[r]);
        assert_eq!(stamp("Ann Lee 08/16/2000 12:05 PM Hello"), Some("08/16/2000 12:05 PM"));
        assert_eq!(stamp("on 3/9/2005 11:16:00 pm"), Some("3/9/2005 11:16:00 pm"));
        assert_eq!(stamp("at 04/25/01 12:42:55"), Some("04/25/01 12:42:55"));
        assert_eq!(stamp("Score 1/2 12:05 then"), None, "no year");
        assert_eq!(stamp("x08/16/2000 12:05"), None, "glued to a word");
        assert_eq!(stamp("08/16/2000 12:05PMs"), None, "glued to a word");
    }

    #[test]
    fn list_markers_need_a_neighbour() {
        let t = "As payment for 1. above and for 2. above";
        assert!(list_item_starts(t, 0..t.len()).is_empty());
        let t = "a) one b) two";
        assert_eq!(list_item_starts(t, 0..t.len()), vec![0, 7]);
    }
}
