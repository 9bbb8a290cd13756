//! `--format markdown`: an alignment report for a pull-request comment or a CI job summary.
//!
//! GitHub-flavoured Markdown: a summary table, then each flagged pair with both sentences and
//! the evidence, the sentences one version tells alone, and the fact table. Every piece of
//! article text is escaped so that an article can never break the comment's layout.

use super::compared::{describe, kind_name, Compared};
use crate::compare::{Presence, Side};
use std::fmt::Write;

/// The whole report.
pub fn render(c: &Compared) -> String {
    let mut out = String::new();
    summary(&mut out, c);
    flagged(&mut out, c);
    unpaired(&mut out, c);
    fact_table(&mut out, c);
    out
}

fn summary(out: &mut String, c: &Compared) {
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

fn flagged(out: &mut String, c: &Compared) {
    let flagged = c.flagged_pairs();
    if flagged.is_empty() {
        out.push_str("No divergence in the aligned pairs.\n\n");
        return;
    }
    // the flags first, most severe first and each once, then the pairs that hold them
    out.push_str("### Flags\n\n");
    for flag in c.flags() {
        let d = flag.divergence;
        let pairs: Vec<String> = flag.pairs.iter().map(|&n| format!("[pair {}](#{})", n + 1, c.anchor(n))).collect();
        let _ = writeln!(
            out,
            "- **{}** `{}`: {} ({})",
            d.severity.name(),
            d.kind.name(),
            inline(&describe(d)),
            pairs.join(", ")
        );
    }
    out.push('\n');
    out.push_str("### Flagged pairs\n\n");
    for n in flagged {
        let p = &c.pairs()[n];
        let _ = writeln!(out, "<a id=\"{}\"></a>\n", c.anchor(n));
        let _ = writeln!(out, "#### Pair {} (`{}`, score {:.2})\n", n + 1, c.anchor(n), p.score);
        for (side, sentences) in [(Side::Left, &p.left), (Side::Right, &p.right)] {
            let text: Vec<&str> = sentences.iter().map(|&i| c.sentence_text(side, i)).collect();
            let _ = writeln!(out, "> **{}** {}  ", side.name(), inline(&text.join(" ")));
        }
        out.push('\n');
        for d in c.divergences(n) {
            let _ = writeln!(out, "- **{}** `{}`: {}", d.severity.name(), d.kind.name(), inline(&describe(d)));
        }
        out.push('\n');
    }
}

fn unpaired(out: &mut String, c: &Compared) {
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
            let _ = writeln!(out, "- sentence {}: {}{facts}", u.sentence, inline(c.sentence_text(side, u.sentence)));
        }
        out.push('\n');
    }
}

fn fact_table(out: &mut String, c: &Compared) {
    out.push_str("### Facts\n\n");
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
                "| {} | {} | {} | {} | {presence} |",
                row.sentence,
                kind_name(f.kind),
                inline(&f.text),
                code(&f.value)
            );
        }
        out.push_str("\n</details>\n\n");
    }
}

/// Article text as inline Markdown: one line, with every character Markdown or HTML could read
/// as syntax escaped (table pipes included).
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in crate::text::one_line(text).chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// A value as inline code; backticks inside are replaced so the span cannot end early.
fn code(text: &str) -> String {
    format!("`{}`", crate::text::one_line(text).replace('`', "'").replace('|', "¦"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_shows_summary_flags_unpaired_and_facts() {
        let md = crate::report::compared::tests::with_sample(render);
        assert!(md.contains("**1 error(s), 0 warning(s), 0 info** in 2 aligned pair(s)."), "{md}");
        assert!(md.contains("#### Pair 1 (`p-l0-r0`, score 0.80)"));
        assert!(md.contains("> **left** Sept morts à Paris &lt;lundi&gt;."));
        assert!(md.contains("- **error** `number_mismatch`: left “Sept” (7) ≠ right “Eight” (8)"));
        assert!(md.contains("- sentence 1: Le maire a parlé."));
        assert!(md.contains("- sentence 2: An extra line in 2024. — date `2024`"));
        assert!(md.contains("| 2 | date | 2024 | `2024` | **no** |"));
        assert!(!md.contains("Publicité"), "noise stays out");
    }

    #[test]
    fn article_text_cannot_inject_markup() {
        assert_eq!(inline("a | b <script> *x*"), "a \\| b &lt;script&gt; \\*x\\*");
        assert_eq!(code("a`b|c"), "`a'b¦c`");
    }
}
