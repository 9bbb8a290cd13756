//! The text report of `newsalign align`: both versions side by side in equal columns, the pair
//! score in the gutter, a placeholder facing a sentence that has no counterpart. Plain text that
//! reads well at 80 columns without colour. Each sentence begins with its number (`[8]`), the
//! number every flag and note cites. The divergences of a pair are listed under it, one a line,
//! with the severity in words (`[error]`), so they survive without colour too; so are the
//! markers of a pair told in another order (`↕ moved`) or joined from sentences that are not
//! adjacent (`⋮ scattered`), whose sign also stands in the gutter. Before the columns, after the
//! summary, the flags a reader acts on: contradictions with both sentences, what one version
//! states alone (grouped by version), other warnings and spelling variants.

use super::compared::{number, Compared, Placement};
use crate::align::Alignment;
use crate::document::Document;
use std::borrow::Cow;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Shown in the column facing an unmatched sentence.
pub const PLACEHOLDER: &str = "·····";
/// Gutter width: a score such as "0.87" and the sign of a marker (`↕`, `⋮`), a space on each side.
const GUTTER: usize = 7;

/// One block of the view: what the left and right columns hold, and the gutter.
struct Row {
    left: Vec<usize>,
    right: Vec<usize>,
    gutter: String,
    /// The pair shown, for its divergences.
    pair: Option<usize>,
}

/// Renders the alignment at `width` columns (at least 40), each pair followed by its divergences
/// and markers. Noise sentences appear, marked `~`, only when `show_noise`.
pub fn render(c: &Compared, width: usize, show_noise: bool) -> String {
    let mut out = String::new();
    let _ = render_into(c, width, show_noise, &mut out);
    out
}

/// [`render`] written piece by piece to `out` (a file, standard output): the view of a long text
/// is about twice its size, and is never held whole. Sentences are wrapped a line at a time
/// from the article's text, so memory stays that of the articles, whatever their length.
pub fn render_into(c: &Compared, width: usize, show_noise: bool, out: &mut impl Write) -> std::fmt::Result {
    let (left, right) = (&c.left.doc, &c.right.doc);
    let comparison = c.comparison;
    let width = width.max(40);
    let column = (width - GUTTER) / 2;
    let placements = c.placements();
    let rows = rows(left, right, c.alignment, &placements, show_noise);
    out.write_str(&summary(c))?;
    out.write_str(&findings(c, width))?;
    let header = |doc: &Document| format!("{} [{}]", doc.id, doc.lang);
    let (left_header, right_header) = (header(left), header(right));
    write_block(out, wrap(&left_header, column), wrap(&right_header, column), " ", column)?;
    writeln!(out, "{}", "─".repeat(column * 2 + GUTTER))?;
    for row in rows {
        write_block(out, side(left, &row.left, column), side(right, &row.right, column), &row.gutter, column)?;
        let divergences = row.pair.and_then(|n| comparison.pairs.get(n)).map(Vec::as_slice).unwrap_or(&[]);
        let markers = row.pair.map(|n| c.markers(n, placements[n])).unwrap_or_default();
        for m in &markers {
            let line = format!("{}: {}", m.kind.name(), m.text);
            for (k, piece) in wrap(&line, width.saturating_sub(4)).enumerate() {
                writeln!(out, "{}{piece}", if k == 0 { format!("  {} ", m.kind.sign()) } else { "    ".into() })?;
            }
        }
        for d in divergences {
            let line = format!("[{}] {}: {}", d.severity.name(), d.kind.name(), super::compared::describe(d));
            for (k, piece) in wrap(&line, width.saturating_sub(4)).enumerate() {
                writeln!(out, "{}{piece}", if k == 0 { "  ! " } else { "    " })?;
            }
        }
        out.write_char('\n')?;
    }
    Ok(())
}

/// The lines of one side of a row: the sentences `ids` of `doc` after their numbers (`[8]`, and
/// `~` before noise), wrapped to `column`; the placeholder when there are none. The words are
/// read from the article's text as the lines are made.
fn side<'a>(doc: &'a Document, ids: &'a [usize], column: usize) -> Box<dyn Iterator<Item = String> + 'a> {
    if ids.is_empty() {
        return Box::new(std::iter::once(PLACEHOLDER.to_string()));
    }
    let words = ids.iter().flat_map(move |&i| {
        let marker = doc.sentences[i].noise.then_some(Cow::Borrowed("~"));
        std::iter::once(Cow::Owned(format!("[{}]", number(i))))
            .chain(marker)
            .chain(doc.sentence_text(i).split_whitespace().map(Cow::Borrowed))
    });
    Box::new(Wrap::new(words, column))
}

/// The summary that opens the view: what a reader needs before scrolling, and the policy in force.
fn summary(c: &Compared) -> String {
    let tally = c.tally();
    let alignment = c.alignment;
    format!(
        "{} pairs, {} unmatched left, {} unmatched right; {} error(s), {} warning(s), {} info\nrelation: {}\npolicy: {}\n\n",
        alignment.pairs.len(),
        alignment.unmatched_left.len(),
        alignment.unmatched_right.len(),
        tally.error,
        tally.warning,
        tally.info,
        c.relation_line(),
        c.policy
    )
}

/// What a reader acts on, before the side-by-side detail: the contradictions, each with both
/// sentences; then the facts one version states alone (omissions and additions), grouped by
/// version; then the other warnings and the spelling variants. Each line cites the pairs by
/// their sentence numbers (`[2]↔[3]`), the numbers the view below shows.
fn findings(c: &Compared, width: usize) -> String {
    use crate::compare::{Severity, Side};
    let flags = c.flags();
    let pairs_of = |flag: &super::compared::Flag| -> String {
        let cite = |n: usize| {
            let pair = &c.pairs()[n];
            let nums = |ids: &[usize]| ids.iter().map(|&i| format!("[{}]", number(i))).collect::<String>();
            format!("{}↔{}", nums(&pair.left), nums(&pair.right))
        };
        flag.pairs.iter().map(|&n| cite(n)).collect::<Vec<_>>().join(", ")
    };
    let one_sided = |f: &super::compared::Flag| f.divergence.evidence.len() == 1;
    let mut out = String::new();
    let section = |title: &str, lines: Vec<String>, out: &mut String| {
        if lines.is_empty() {
            return;
        }
        let _ = writeln!(out, "{title}");
        for line in lines {
            out.push_str(&line);
        }
        out.push('\n');
    };
    let item = |f: &super::compared::Flag, sign: &str| -> String {
        let line = format!("{} {}: {}", pairs_of(f), f.divergence.kind.name(), super::compared::describe(f.divergence));
        indent(&wrap(&line, width.saturating_sub(4)).collect::<Vec<_>>(), &format!("  {sign} "))
    };
    let contradictions: Vec<String> = flags
        .iter()
        .filter(|f| f.divergence.severity == Severity::Error)
        .map(|f| {
            let mut text = item(f, "!");
            if let Some(&n) = f.pairs.first() {
                for side in [Side::Left, Side::Right] {
                    let ids = if side == Side::Left { &c.pairs()[n].left } else { &c.pairs()[n].right };
                    let doc = &c.analysis(side).doc;
                    let focus = f.divergence.evidence.iter().find(|e| e.side == side).map(|e| (e.start, e.end));
                    let sentence = excerpt(doc, ids, focus);
                    text.push_str(&indent(
                        &wrap(&sentence, width.saturating_sub(10)).collect::<Vec<_>>(),
                        &format!("      {}: ", doc.lang),
                    ));
                }
            }
            text
        })
        .collect();
    section("Contradictions:", contradictions, &mut out);
    for side in [Side::Left, Side::Right] {
        let doc = &c.analysis(side).doc;
        let lines: Vec<String> = flags
            .iter()
            .filter(|f| f.divergence.severity == Severity::Warning && one_sided(f))
            .filter(|f| f.divergence.evidence[0].side == side)
            .map(|f| item(f, "-"))
            .collect();
        section(&format!("Told only by {} [{}]:", doc.id, doc.lang), lines, &mut out);
    }
    let others: Vec<String> = flags
        .iter()
        .filter(|f| f.divergence.severity == Severity::Warning && !one_sided(f))
        .map(|f| item(f, "-"))
        .collect();
    section("Other warnings:", others, &mut out);
    let variants: Vec<String> =
        flags.iter().filter(|f| f.divergence.kind.name().ends_with("_variant")).map(|f| item(f, "~")).collect();
    section("Variants:", variants, &mut out);
    out
}

/// Sentences of a contradiction longer than this many bytes are shown as an excerpt.
const EXCERPT_BYTES: usize = 240;

/// The sentences `ids` of `doc` after their numbers; when they are long (an unpunctuated page
/// is one "sentence"), only the part around `focus` (the evidence's byte span), marked `…`, so
/// that the leading list stays a list whatever the input.
fn excerpt(doc: &Document, ids: &[usize], focus: Option<(usize, usize)>) -> String {
    let total: usize = ids.iter().map(|&i| doc.sentences[i].end - doc.sentences[i].start).sum();
    if total <= EXCERPT_BYTES {
        return ids
            .iter()
            .map(|&i| format!("[{}] {}", number(i), crate::text::one_line(doc.sentence_text(i))))
            .collect::<Vec<_>>()
            .join(" ");
    }
    let holds = |i: &usize, at: usize| doc.sentences[*i].start <= at && at < doc.sentences[*i].end;
    let focus = focus.filter(|&(start, _)| ids.iter().any(|i| holds(i, start)));
    let i = focus.and_then(|(start, _)| ids.iter().find(|i| holds(i, start))).copied().unwrap_or(ids[0]);
    let sentence = &doc.sentences[i];
    let (from, to) = match focus {
        Some((start, end)) => {
            let from = start.saturating_sub(EXCERPT_BYTES / 2).max(sentence.start);
            (from, end.max(from + EXCERPT_BYTES).min(sentence.end))
        }
        None => (sentence.start, (sentence.start + EXCERPT_BYTES).min(sentence.end)),
    };
    let (from, to) = (char_boundary(&doc.text, from, false), char_boundary(&doc.text, to, true));
    format!(
        "[{}] {}{}{}",
        number(i),
        if from > sentence.start { "…" } else { "" },
        crate::text::one_line(&doc.text[from..to]),
        if to < sentence.end { "…" } else { "" }
    )
}

/// The nearest char boundary of `text` at or before `at` (after it when `forward`).
fn char_boundary(text: &str, mut at: usize, forward: bool) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at = if forward { at + 1 } else { at - 1 };
    }
    at
}

/// The lines of `pieces`, the first after `first`, the others after as many spaces.
fn indent(pieces: &[String], first: &str) -> String {
    let pad = " ".repeat(first.chars().count());
    let mut out = String::new();
    for (k, piece) in pieces.iter().enumerate() {
        let _ = writeln!(out, "{}{piece}", if k == 0 { first } else { &pad });
    }
    out
}

/// The rows in reading order: pairs and left-only sentences by left position; each right-only
/// sentence just after the row that holds its right-hand predecessor.
fn rows(
    left: &Document,
    right: &Document,
    alignment: &Alignment,
    placements: &[Placement],
    show_noise: bool,
) -> Vec<Row> {
    let mut anchored: Vec<(usize, Row)> = alignment
        .pairs
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let at = p.left.first().copied().unwrap_or(0);
            let placement = placements.get(n).copied().unwrap_or_default();
            let sign = match (placement.moved.is_some(), placement.scattered) {
                (true, _) => "↕",
                (false, true) => "⋮",
                _ => "",
            };
            let gutter = format!("{:.2}{sign}", p.score);
            (at, Row { left: p.left.clone(), right: p.right.clone(), gutter, pair: Some(n) })
        })
        .collect();
    let noise = |doc: &Document| -> Vec<usize> {
        if show_noise {
            doc.sentences.iter().filter(|s| s.noise).map(|s| s.index).collect()
        } else {
            Vec::new()
        }
    };
    for i in alignment.unmatched_left.iter().copied().chain(noise(left)) {
        anchored.push((i, Row { left: vec![i], right: Vec::new(), gutter: "—".into(), pair: None }));
    }
    anchored.sort_by_key(|(at, _)| *at);
    let mut row_of_right: Vec<Option<usize>> = vec![None; right.sentences.len()];
    for (k, (_, row)) in anchored.iter().enumerate() {
        row.right.iter().for_each(|&j| row_of_right[j] = Some(k));
    }
    let mut right_only: Vec<usize> = alignment.unmatched_right.iter().copied().chain(noise(right)).collect();
    right_only.sort_unstable();
    // Anchor of a right-only sentence: the row of the nearest earlier right sentence in a row.
    let mut inserts: Vec<(Option<usize>, usize)> = Vec::new();
    for &j in &right_only {
        let anchor = (0..j).rev().find_map(|p| row_of_right[p]);
        inserts.push((anchor, j));
    }
    let mut out = Vec::with_capacity(anchored.len() + inserts.len());
    let right_row = |j: usize| Row { left: Vec::new(), right: vec![j], gutter: "—".into(), pair: None };
    inserts.iter().filter(|(a, _)| a.is_none()).for_each(|&(_, j)| out.push(right_row(j)));
    for (k, (_, row)) in anchored.into_iter().enumerate() {
        out.push(row);
        inserts.iter().filter(|(a, _)| *a == Some(k)).for_each(|&(_, j)| out.push(right_row(j)));
    }
    out
}

/// Writes two columns line by line, the gutter text on the first line only.
fn write_block(
    out: &mut impl Write,
    mut left: impl Iterator<Item = String>,
    mut right: impl Iterator<Item = String>,
    gutter: &str,
    column: usize,
) -> std::fmt::Result {
    for k in 0.. {
        let (l, r) = match (left.next(), right.next()) {
            (None, None) => break,
            (l, r) => (l.unwrap_or_default(), r.unwrap_or_default()),
        };
        let g = if k == 0 { gutter } else { "" };
        let pad = column.saturating_sub(l.width());
        let line = format!("{l}{}{g:^GUTTER$}{r}", " ".repeat(pad));
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Greedy word wrap of `text` to `width` display columns; a word longer than a line is cut.
fn wrap(text: &str, width: usize) -> Wrap<'_, impl Iterator<Item = Cow<'_, str>>> {
    Wrap::new(text.split_whitespace().map(Cow::Borrowed), width)
}

/// The lines of a greedy word wrap of `words` to `width` display columns, made one at a time: a
/// word longer than a line is cut; no words at all make one empty line.
struct Wrap<'a, I: Iterator<Item = Cow<'a, str>>> {
    words: I,
    width: usize,
    /// The line being filled.
    line: String,
    /// What is left of a word cut at the end of a line.
    carry: Option<String>,
    /// Lines complete but not yet handed out (at most two).
    ready: std::collections::VecDeque<String>,
    any_line: bool,
    done: bool,
}

impl<'a, I: Iterator<Item = Cow<'a, str>>> Wrap<'a, I> {
    fn new(words: I, width: usize) -> Self {
        let ready = std::collections::VecDeque::new();
        Wrap { words, width, line: String::new(), carry: None, ready, any_line: false, done: false }
    }

    fn finish_line(&mut self) {
        self.ready.push_back(std::mem::take(&mut self.line));
        self.any_line = true;
    }
}

impl<'a, I: Iterator<Item = Cow<'a, str>>> Iterator for Wrap<'a, I> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        loop {
            if let Some(line) = self.ready.pop_front() {
                return Some(line);
            }
            if self.done {
                return None;
            }
            let word = match self.carry.take() {
                Some(tail) => Cow::Owned(tail),
                None => match self.words.next() {
                    Some(word) => word,
                    None => {
                        self.done = true;
                        if !self.line.is_empty() || !self.any_line {
                            self.finish_line();
                        }
                        continue;
                    }
                },
            };
            if word.width() > self.width {
                let (head, tail) = split_at_width(&word, self.width);
                if !self.line.is_empty() {
                    self.finish_line();
                }
                self.ready.push_back(head);
                self.any_line = true;
                self.carry = Some(tail);
                continue;
            }
            let needed = if self.line.is_empty() { word.width() } else { self.line.width() + 1 + word.width() };
            if needed > self.width && !self.line.is_empty() {
                self.finish_line();
            }
            if !self.line.is_empty() {
                self.line.push(' ');
            }
            self.line.push_str(&word);
        }
    }
}

fn split_at_width(word: &str, width: usize) -> (String, String) {
    let mut used = 0;
    for (at, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && at > 0 {
            return (word[..at].to_string(), word[at..].to_string());
        }
        used += w;
    }
    (word.to_string(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contradictions_with_both_sentences_lead_the_view() {
        let text = crate::report::compared::tests::with_sample(|c| render(c, 80, false));
        let lead = text.find("Contradictions:").expect("a contradictions section");
        let detail = text.find("fr.txt [fr]").expect("the side-by-side header");
        assert!(lead < detail, "{text}");
        let section = &text[lead..detail];
        assert!(section.contains("[1]↔[1] number_mismatch: left “Sept” (7) ≠ right “Eight” (8)"), "{text}");
        assert!(section.contains("fr: [1] Sept morts à Paris <lundi>."), "{text}");
        assert!(section.contains("en: [1] Eight dead in Paris."), "{text}");
    }

    #[test]
    fn a_long_sentence_is_shown_around_its_evidence() {
        let long = format!("{} 45 000 foyers {}.", "Un mot é".repeat(60), "autre chose ".repeat(60));
        let doc = crate::document::Document {
            id: "fr.txt".into(),
            text: long.clone(),
            lang: crate::lang::Lang::Fr,
            published: None,
            title: None,
            url: None,
            sentences: vec![crate::document::Sentence { index: 0, start: 0, end: long.len(), noise: false }],
        };
        let at = long.find("45 000").unwrap();
        let shown = excerpt(&doc, &[0], Some((at, at + 6)));
        assert!(shown.starts_with("[1] …") && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("45 000 foyers"), "{shown}");
        assert!(shown.len() < EXCERPT_BYTES + 20, "{}", shown.len());
        assert!(excerpt(&doc, &[0], None).starts_with("[1] Un mot"));
    }

    /// The view written a piece at a time is the view made whole, long sentences and noise included.
    #[test]
    fn the_view_streamed_is_the_view_made_whole() {
        for show_noise in [false, true] {
            crate::report::compared::tests::assert_streamed_is_whole(
                |c, out| render_into(c, 60, show_noise, out).expect("written"),
                |c| render(c, 60, show_noise),
            );
        }
    }

    /// A sentence is wrapped from its words: the lines are those of the sentence made one line.
    #[test]
    fn a_side_is_wrapped_from_the_sentence_words() {
        let text = "Un  mot\n\nsur deux lignes, et un mot-très-long-qui-ne-tient-pas-sur-une-ligne.";
        let doc = crate::document::Document {
            id: "fr.txt".into(),
            text: text.into(),
            lang: crate::lang::Lang::Fr,
            published: None,
            title: None,
            url: None,
            sentences: vec![crate::document::Sentence { index: 0, start: 0, end: text.len(), noise: true }],
        };
        let expected: Vec<String> = wrap(&format!("[1] ~ {}", crate::text::one_line(text)), 20).collect();
        assert_eq!(side(&doc, &[0], 20).collect::<Vec<_>>(), expected);
        assert_eq!(side(&doc, &[], 20).collect::<Vec<_>>(), [PLACEHOLDER]);
    }

    #[test]
    fn wrap_respects_width_and_cuts_long_words() {
        let lines: Vec<String> = wrap("Le gouvernement a annoncé une cyberattaque d'envergure", 16).collect();
        assert!(lines.iter().all(|l| l.width() <= 16), "{lines:?}");
        assert_eq!(lines.join(" "), "Le gouvernement a annoncé une cyberattaque d'envergure");
        assert_eq!(wrap("abcdefghij", 4).collect::<Vec<_>>(), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("  ", 4).collect::<Vec<_>>(), [""]);
        assert_eq!(wrap("ab abcdefghij c", 4).collect::<Vec<_>>(), ["ab", "abcd", "efgh", "ij c"]);
    }
}
