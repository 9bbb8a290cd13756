//! `--format markdown`: an alignment report for a pull-request comment or a CI job summary.
//!
//! GitHub-flavoured Markdown: a summary table, then each flagged pair with both sentences and
//! the evidence, the pairs told in another order or joined from distant sentences, the
//! sentences one version tells alone, the whole alignment (collapsed) and the fact table. Every
//! sentence shows its number (`[8]`, the number the flags cite) and has an anchor (`#l8`,
//! `#r8`) that every sentence reference links to. Every piece of article text is escaped so that
//! an article can never break the comment's layout.

use super::compared::{describe, kind_name, link_sentences, number, Compared, Row};
use crate::compare::{Presence, Side};
use std::fmt::Write;

/// The whole report.
pub fn render(c: &Compared) -> String {
    let mut out = String::new();
    render_into(c, &mut out);
    out
}

/// [`render`] written piece by piece to `out` (the report of a long article is as long as the
/// article, and is never held whole). A write error is the writer's to keep: a
/// [`crate::output::Sink`] keeps the first and returns it when finished.
pub fn render_into(c: &Compared, out: &mut impl Write) {
    summary(out, c);
    flagged(out, c);
    order(out, c);
    unpaired(out, c);
    alignment(out, c);
    fact_table(out, c);
}

/// The anchor of a sentence: `l8`, `r8` (its number).
fn sentence_anchor(side: Side, index: usize) -> String {
    format!("{}{}", &side.name()[..1], number(index))
}

/// Escaped text whose sentence references ("right sentence 4") link to the sentences' anchors.
fn linked(text: &str) -> String {
    link_sentences(&inline(text), |side, index, shown| format!("[{shown}](#{})", sentence_anchor(side, index)))
}

/// The sentences of one side of a pair, each after its number: `\[8\] text \[9\] text`,
/// written to `out` from the article's text.
fn write_numbered(out: &mut impl Write, c: &Compared, side: Side, sentences: &[usize]) {
    for (k, &i) in sentences.iter().enumerate() {
        let _ = write!(out, "{}\\[{}\\] ", if k > 0 { " " } else { "" }, number(i));
        write_inline(out, c.sentence_text(side, i));
    }
}

fn summary(out: &mut impl Write, c: &Compared) {
    let (l, r) = (&c.left.doc, &c.right.doc);
    let tally = c.tally();
    let _ = writeln!(out, "## newsalign: {} ↔ {}\n", code(&l.id), code(&r.id));
    let _ = writeln!(
        out,
        "**{} error(s), {} warning(s), {} info** in {} aligned pair(s).\n",
        tally.error,
        tally.warning,
        tally.info,
        c.pairs().len()
    );
    let _ = writeln!(out, "Relation: {}\n", c.relation_line());
    let _ = writeln!(out, "Policy: {}\n", code(c.policy));
    let content = |a: &crate::analysis::Analysis| a.doc.content_sentences().count();
    let _ = writeln!(out, "| | left ({}) | right ({}) |", l.lang, r.lang);
    let _ = writeln!(out, "|---|---:|---:|");
    let _ = writeln!(out, "| content sentences | {} | {} |", content(c.left), content(c.right));
    let paired = |side: Side| {
        c.pairs().iter().map(|p| if side == Side::Left { p.left.len() } else { p.right.len() }).sum::<usize>()
    };
    let _ = writeln!(out, "| in a pair | {} | {} |", paired(Side::Left), paired(Side::Right));
    let _ = writeln!(
        out,
        "| told by this version only | {} | {} |",
        c.comparison.omissions.len(),
        c.comparison.additions.len()
    );
    let absent = |rows: &[crate::compare::FactRow]| rows.iter().filter(|r| r.other == Presence::Absent).count();
    let _ = writeln!(
        out,
        "| facts absent from the other version | {} | {} |\n",
        absent(&c.comparison.facts.left),
        absent(&c.comparison.facts.right)
    );
}

fn flagged(out: &mut impl Write, c: &Compared) {
    let flagged = c.flagged_pairs();
    if flagged.is_empty() {
        let _ = out.write_str("No divergence in the aligned pairs.\n\n");
        return;
    }
    // the flags first, most severe first and each once, then the pairs that hold them
    let _ = out.write_str("### Flags\n\n");
    for flag in c.flags() {
        let d = flag.divergence;
        let pairs: Vec<String> = flag.pairs.iter().map(|&n| format!("[pair {}](#{})", n + 1, c.anchor(n))).collect();
        let _ = writeln!(
            out,
            "- **{}** `{}`: {} ({})",
            d.severity.name(),
            d.kind.name(),
            linked(&describe(d)),
            pairs.join(", ")
        );
    }
    let _ = out.write_char('\n');
    let _ = out.write_str("### Flagged pairs\n\n");
    let placements = c.placements();
    for n in flagged {
        let p = &c.pairs()[n];
        let _ = writeln!(out, "<a id=\"{}\"></a>\n", c.anchor(n));
        let _ = writeln!(out, "#### Pair {} (`{}`, score {:.2})\n", n + 1, c.anchor(n), p.score);
        for (side, sentences) in [(Side::Left, &p.left), (Side::Right, &p.right)] {
            let _ = write!(out, "> **{}** ", side.name());
            write_numbered(out, c, side, sentences);
            let _ = out.write_str("  \n");
        }
        let _ = out.write_char('\n');
        for m in c.markers(n, placements[n]) {
            let _ = writeln!(out, "- {} **{}**: {}", m.kind.sign(), m.kind.name(), linked(&m.text));
        }
        for d in c.divergences(n) {
            let _ = writeln!(out, "- **{}** `{}`: {}", d.severity.name(), d.kind.name(), linked(&describe(d)));
        }
        let _ = out.write_char('\n');
    }
}

/// The pairs told in another order by the two versions (a moved passage) or joined from
/// sentences that are not adjacent, each with its sentences linked.
fn order(out: &mut impl Write, c: &Compared) {
    let placements = c.placements();
    let mut lines = Vec::new();
    for (n, p) in c.pairs().iter().enumerate() {
        for m in c.markers(n, placements[n]) {
            let refs = format!(
                "left sentence {}, right sentence {}",
                p.left.first().map_or(0, |&i| number(i)),
                p.right.first().map_or(0, |&i| number(i))
            );
            lines.push(format!(
                "- {} **{}** (pair {}: {}): {}",
                m.kind.sign(),
                m.kind.name(),
                n + 1,
                linked(&refs),
                linked(&m.text)
            ));
        }
    }
    if lines.is_empty() {
        return;
    }
    let _ = out.write_str("### Order\n\n");
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.write_char('\n');
}

/// Every row of the alignment in the left version's order, collapsed: where each sentence
/// reference leads.
fn alignment<W: Write>(out: &mut W, c: &Compared) {
    let rows = c.rows();
    let placements = c.placements();
    let _ = writeln!(
        out,
        "### Alignment\n\n<details><summary>{} row(s), in the left version's order</summary>\n",
        rows.len()
    );
    let _ = writeln!(out, "| left | score | right |");
    let _ = writeln!(out, "|---|:---:|---|");
    let cell = |out: &mut W, side: Side, sentences: &[usize]| {
        if sentences.is_empty() {
            let _ = out.write_str("·····");
            return;
        }
        for &i in sentences {
            let _ = write!(out, "<a id=\"{}\"></a>", sentence_anchor(side, i));
        }
        write_numbered(out, c, side, sentences);
    };
    for row in rows {
        let (left, score, right) = match row {
            Row::Pair(n) => {
                let p = &c.pairs()[n];
                let signs: String = c.markers(n, placements[n]).iter().map(|m| format!(" {}", m.kind.sign())).collect();
                let score = if c.divergences(n).is_empty() {
                    format!("{:.2}{signs}", p.score)
                } else {
                    format!("[{:.2}](#{}){signs}", p.score, c.anchor(n))
                };
                (p.left.as_slice(), score, p.right.as_slice())
            }
            Row::Omission(ref i) => (std::slice::from_ref(i), "—".to_string(), &[][..]),
            Row::Addition(ref i) => (&[][..], "—".to_string(), std::slice::from_ref(i)),
        };
        // the cells are written from the articles' text, never held whole
        let _ = out.write_str("| ");
        cell(out, Side::Left, left);
        let _ = write!(out, " | {score} | ");
        cell(out, Side::Right, right);
        let _ = out.write_str(" |\n");
    }
    let _ = out.write_str("\n</details>\n\n");
}

fn unpaired(out: &mut impl Write, c: &Compared) {
    for (title, side, list) in [
        ("Told by the left version only", Side::Left, &c.comparison.omissions),
        ("Told by the right version only", Side::Right, &c.comparison.additions),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title}\n");
        for u in list {
            let facts: Vec<String> = u
                .facts
                .iter()
                .filter_map(|&f| c.fact(side, f))
                .map(|f| format!("{} {}", kind_name(f.kind), code(&f.value)))
                .collect();
            let facts = if facts.is_empty() { String::new() } else { format!(" — {}", facts.join(", ")) };
            let _ = write!(out, "- [sentence {}](#{}): ", number(u.sentence), sentence_anchor(side, u.sentence));
            write_inline(out, c.sentence_text(side, u.sentence));
            let _ = writeln!(out, "{facts}");
        }
        let _ = out.write_char('\n');
    }
}

fn fact_table(out: &mut impl Write, c: &Compared) {
    let _ = out.write_str("### Facts\n\n");
    for (side, rows) in [(Side::Left, &c.comparison.facts.left), (Side::Right, &c.comparison.facts.right)] {
        let _ = writeln!(
            out,
            "<details><summary>{} ({}): {} fact(s)</summary>\n",
            side.name(),
            c.analysis(side).doc.lang,
            rows.len()
        );
        let _ = writeln!(out, "| sentence | kind | text | value | in the other version |");
        let _ = writeln!(out, "|---:|---|---|---|---|");
        for row in rows {
            let Some(f) = c.fact(side, row.fact) else { continue };
            let presence = match row.other {
                Presence::Partner => "yes, in its pair",
                Presence::Elsewhere => "yes, elsewhere",
                Presence::Absent => "**no**",
            };
            let _ = writeln!(
                out,
                "| [{}](#{}) | {} | {} | {} | {presence} |",
                number(row.sentence),
                sentence_anchor(side, row.sentence),
                kind_name(f.kind),
                inline(&f.text),
                code(&f.value)
            );
        }
        let _ = out.write_str("\n</details>\n\n");
    }
}

/// Article text as inline Markdown: one line, with every character Markdown or HTML could read
/// as syntax escaped (table pipes included).
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    write_inline(&mut out, text);
    out
}

/// [`inline`] written to `out`, a word at a time, without a copy of the text.
fn write_inline(out: &mut impl Write, text: &str) {
    for (k, word) in text.split_whitespace().enumerate() {
        if k > 0 {
            let _ = out.write_char(' ');
        }
        super::write_replacing(out, word, |ch| {
            Some(match ch {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\\' => "\\\\",
                '`' => "\\`",
                '*' => "\\*",
                '_' => "\\_",
                '[' => "\\[",
                ']' => "\\]",
                '|' => "\\|",
                '#' => "\\#",
                '~' => "\\~",
                '!' => "\\!",
                _ => return None,
            })
        });
    }
}

/// A value as inline code; backticks inside are replaced so the span cannot end early.
fn code(text: &str) -> String {
    format!("`{}`", crate::text::one_line(text).replace('`', "'").replace('|', "¦"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report written a piece at a time is the report made whole.
    #[test]
    fn the_report_streamed_is_the_report_made_whole() {
        crate::report::compared::tests::assert_streamed_is_whole(render_into, render);
    }

    #[test]
    fn report_shows_summary_flags_unpaired_and_facts() {
        let md = crate::report::compared::tests::with_sample(render);
        assert!(md.contains("**1 error(s), 0 warning(s), 0 info** in 2 aligned pair(s)."), "{md}");
        assert!(md.contains("#### Pair 1 (`p-l1-r1`, score 0.80)"));
        assert!(md.contains("> **left** \\[1\\] Sept morts à Paris &lt;lundi&gt;."));
        assert!(md.contains("Policy: `defaults`"));
        assert!(md.contains("Relation: "), "the relation with its evidence");
        assert!(md.contains("- **error** `number_mismatch`: left “Sept” (7) ≠ right “Eight” (8)"));
        assert!(md.contains("- [sentence 2](#l2): Le maire a parlé."));
        assert!(md.contains("- [sentence 3](#r3): An extra line in 2024. — date `2024`"));
        assert!(md.contains("| [3](#r3) | date | 2024 | `2024` | **no** |"));
        assert!(!md.contains("Publicité"), "noise stays out");
    }

    #[test]
    fn article_text_cannot_inject_markup() {
        assert_eq!(inline("a | b <script> *x*"), "a \\| b &lt;script&gt; \\*x\\*");
        assert_eq!(code("a`b|c"), "`a'b¦c`");
    }
}
