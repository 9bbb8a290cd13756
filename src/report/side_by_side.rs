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
    let (left, right) = (&c.left.doc, &c.right.doc);
    let comparison = c.comparison;
    let width = width.max(40);
    let column = (width - GUTTER) / 2;
    let placements = c.placements();
    let rows = rows(left, right, c.alignment, &placements, show_noise);
    let mut out = summary(c);
    out.push_str(&findings(c, width));
    let header = |doc: &Document| format!("{} [{}]", doc.id, doc.lang);
    write_block(&mut out, &wrap(&header(left), column), &wrap(&header(right), column), " ", column);
    let _ = writeln!(out, "{}", "─".repeat(column * 2 + GUTTER));
    for row in rows {
        let side = |doc: &Document, ids: &[usize]| {
            if ids.is_empty() {
                return vec![PLACEHOLDER.to_string()];
            }
            let text = ids
                .iter()
                .map(|&i| {
                    let marker = if doc.sentences[i].noise { "~ " } else { "" };
                    format!("[{}] {marker}{}", number(i), crate::text::one_line(doc.sentence_text(i)))
                })
                .collect::<Vec<_>>()
                .join(" ");
            wrap(&text, column)
        };
        write_block(&mut out, &side(left, &row.left), &side(right, &row.right), &row.gutter, column);
        let divergences = row.pair.and_then(|n| comparison.pairs.get(n)).map(Vec::as_slice).unwrap_or(&[]);
        let markers = row.pair.map(|n| c.markers(n, placements[n])).unwrap_or_default();
        for m in &markers {
            let line = format!("{}: {}", m.kind.name(), m.text);
            for (k, piece) in wrap(&line, width.saturating_sub(4)).iter().enumerate() {
                let _ =
                    writeln!(out, "{}{piece}", if k == 0 { format!("  {} ", m.kind.sign()) } else { "    ".into() });
            }
        }
        for d in divergences {
            let line = format!("[{}] {}: {}", d.severity.name(), d.kind.name(), super::compared::describe(d));
            for (k, piece) in wrap(&line, width.saturating_sub(4)).iter().enumerate() {
                let _ = writeln!(out, "{}{piece}", if k == 0 { "  ! " } else { "    " });
            }
        }
        out.push('\n');
    }
    out
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
        indent(&wrap(&line, width.saturating_sub(4)), &format!("  {sign} "))
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
                        &wrap(&sentence, width.saturating_sub(10)),
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
fn write_block(out: &mut String, left: &[String], right: &[String], gutter: &str, column: usize) {
    for k in 0..left.len().max(right.len()) {
        let l = left.get(k).map(String::as_str).unwrap_or("");
        let r = right.get(k).map(String::as_str).unwrap_or("");
        let g = if k == 0 { gutter } else { "" };
        let pad = column.saturating_sub(l.width());
        let line = format!("{l}{}{g:^GUTTER$}{r}", " ".repeat(pad));
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// Greedy word wrap to `width` display columns; a word longer than a line is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.width() > width {
            let (head, tail) = split_at_width(&word, width);
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
            word = tail;
        }
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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

    #[test]
    fn wrap_respects_width_and_cuts_long_words() {
        let lines = wrap("Le gouvernement a annoncé une cyberattaque d'envergure", 16);
        assert!(lines.iter().all(|l| l.width() <= 16), "{lines:?}");
        assert_eq!(lines.join(" "), "Le gouvernement a annoncé une cyberattaque d'envergure");
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
