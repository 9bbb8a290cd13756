//! `--format html`: one self-contained page to read two versions side by side.
//!
//! Everything is inline (CSS, a little JavaScript, no fonts or images), so the file can be
//! mailed, attached to a CI run or opened offline. Every piece of article text is escaped. The
//! page works without JavaScript: flags are listed with links to stable pair anchors, severities
//! are written out in words, not only in colour. Every sentence shows its number (the one the
//! flags cite) and is an anchor (`#l8`, `#r8`) that every sentence reference links to; a pair
//! told in another order by the two versions (`↕ moved`) or joined from sentences that are not
//! adjacent (`⋮ scattered`) is marked in its row and listed at the top. With JavaScript,
//! pointing at a sentence highlights its partner, and `n`/`p` (or the buttons) jump between
//! flagged pairs.

use super::compared::{describe, kind_name, link_sentences, number, Compared, Marker, Row};
use crate::compare::{Divergence, Presence, Side};
use std::fmt::Write;

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/script.js");

/// The whole page.
pub fn render(c: &Compared) -> String {
    let (l, r) = (&c.left.doc, &c.right.doc);
    let mut out = String::with_capacity(16 * 1024 + l.text.len() + r.text.len());
    render_into(c, &mut out);
    out
}

/// [`render`] written piece by piece to `out` (the page of a long article is as long as the
/// article, and is never held whole). A write error is the writer's to keep: a
/// [`crate::output::Sink`] keeps the first and returns it when finished.
pub fn render_into(c: &Compared, out: &mut impl Write) {
    let (l, r) = (&c.left.doc, &c.right.doc);
    let title = format!("newsalign: {} ↔ {}", l.id, r.id);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    header(out, c);
    let _ = out.write_str("<main>\n");
    grid(out, c);
    facts(out, c);
    let _ = write!(out, "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
}

fn header(out: &mut impl Write, c: &Compared) {
    let (l, r) = (&c.left.doc, &c.right.doc);
    let tally = c.tally();
    let _ =
        writeln!(out, "<header>\n<h1>newsalign: <code>{}</code> ↔ <code>{}</code></h1>", escape(&l.id), escape(&r.id));
    let _ = writeln!(
        out,
        "<p class=\"summary\"><span class=\"badge error\">{} error(s)</span> \
         <span class=\"badge warning\">{} warning(s)</span> <span class=\"badge info\">{} info</span> · \
         {} pair(s) · {} sentence(s) told by the left version only · {} by the right version only · \
         <a href=\"#facts\">fact table</a> · policy: <code>{}</code></p>\n<p class=\"relation\">relation: {}</p>",
        tally.error,
        tally.warning,
        tally.info,
        c.pairs().len(),
        c.comparison.omissions.len(),
        c.comparison.additions.len(),
        escape(c.policy),
        escape(&c.relation_line())
    );
    if c.flagged_pairs().is_empty() {
        let _ = out.write_str("<p>No divergence in the aligned pairs.</p>\n");
        order(out, c);
        let _ = out.write_str("</header>\n");
        return;
    }
    let _ = out.write_str("<nav aria-label=\"flags\"><h2>Flags</h2>\n<ol class=\"flag-list\">\n");
    // most severe first, a flag repeated in several pairs listed once with a link to each
    for flag in c.flags() {
        let d = flag.divergence;
        let links: Vec<String> =
            flag.pairs.iter().map(|&n| format!("<a href=\"#{}\">pair {}</a>", c.anchor(n), n + 1)).collect();
        let _ = writeln!(
            out,
            "<li class=\"{sev}\">{} <span class=\"sev\">[{sev}]</span> <code>{}</code> {}</li>",
            links.join(", "),
            d.kind.name(),
            linked(&describe(d)),
            sev = d.severity.name()
        );
    }
    let _ = out.write_str("</ol>\n</nav>\n");
    order(out, c);
    let _ = out.write_str("</header>\n");
}

/// The pairs told in another order or joined from sentences that are not adjacent, linked.
fn order(out: &mut impl Write, c: &Compared) {
    let placements = c.placements();
    let items: Vec<String> = (0..c.pairs().len())
        .flat_map(|n| c.markers(n, placements[n]).into_iter().map(move |m| (n, m)))
        .map(|(n, m)| format!("<li><a href=\"#{}\">pair {}</a> {}</li>", c.anchor(n), n + 1, marker_html(&m)))
        .collect();
    if items.is_empty() {
        return;
    }
    let _ = out.write_str("<nav aria-label=\"order\"><h2>Order</h2>\n<ol class=\"flag-list order\">\n");
    for item in items {
        let _ = writeln!(out, "{item}");
    }
    let _ = out.write_str("</ol>\n</nav>\n");
}

/// A marker as HTML: its sign and name, then its text with the sentence references linked.
fn marker_html(m: &Marker) -> String {
    format!("<span class=\"mark {}\">{} {}</span> {}", m.kind.name(), m.kind.sign(), m.kind.name(), linked(&m.text))
}

/// Escaped text whose sentence references ("right sentence 4") link to the sentences.
fn linked(text: &str) -> String {
    link_sentences(&escape(text), |side, index, shown| format!("<a href=\"#{}\">{shown}</a>", sentence_id(side, index)))
}

fn grid(out: &mut impl Write, c: &Compared) {
    let (l, r) = (&c.left.doc, &c.right.doc);
    let _ = writeln!(
        out,
        "<div class=\"grid\">\n<div class=\"row head\"><div class=\"col\">left · {}</div>\
         <div class=\"gutter\">score</div><div class=\"col\">right · {}</div></div>",
        l.lang, r.lang
    );
    let placements = c.placements();
    for row in c.rows() {
        match row {
            Row::Pair(n) => pair_row(out, c, n, &c.markers(n, placements[n])),
            Row::Omission(i) => lone_row(out, c, Side::Left, i),
            Row::Addition(i) => lone_row(out, c, Side::Right, i),
        }
    }
    let _ = out.write_str("</div>\n");
}

fn pair_row(out: &mut impl Write, c: &Compared, n: usize, markers: &[Marker]) {
    let p = &c.pairs()[n];
    let divergences = c.divergences(n);
    let worst = divergences.iter().map(|d| d.severity).max();
    let mut class = worst.map(|s| format!(" flagged {}", s.name())).unwrap_or_default();
    markers.iter().for_each(|m| class.push_str(&format!(" {}", m.kind.name())));
    let signs: String = markers.iter().map(|m| m.kind.sign()).collect();
    let _ = writeln!(out, "<section class=\"row pair{class}\" id=\"{}\">", c.anchor(n));
    let ids = |side: Side, list: &[usize]| list.iter().map(|i| sentence_id(side, *i)).collect::<Vec<_>>().join(" ");
    column(out, c, Side::Left, &p.left, &ids(Side::Right, &p.right), divergences);
    let _ = writeln!(
        out,
        "<div class=\"gutter\"><a href=\"#{}\" title=\"pair {}\">{:.2}</a>{signs}</div>",
        c.anchor(n),
        n + 1,
        p.score
    );
    column(out, c, Side::Right, &p.right, &ids(Side::Left, &p.left), divergences);
    if !divergences.is_empty() || !markers.is_empty() {
        let _ = out.write_str("<ul class=\"flags\">\n");
        for m in markers {
            let _ = writeln!(out, "<li class=\"order\">{}</li>", marker_html(m));
        }
        for d in divergences {
            let _ = writeln!(
                out,
                "<li class=\"{sev}\"><span class=\"sev\">[{sev}]</span> <code>{}</code> {}</li>",
                d.kind.name(),
                linked(&describe(d)),
                sev = d.severity.name()
            );
        }
        let _ = out.write_str("</ul>\n");
    }
    let _ = out.write_str("</section>\n");
}

fn lone_row(out: &mut impl Write, c: &Compared, side: Side, sentence: usize) {
    let (class, label) = match side {
        Side::Left => ("omission", "told by the left version only"),
        Side::Right => ("addition", "told by the right version only"),
    };
    let _ = writeln!(out, "<section class=\"row {class}\">");
    let placeholder = format!("<div class=\"col placeholder\">— no counterpart ({label}) —</div>\n");
    if side == Side::Right {
        let _ = out.write_str(&placeholder);
        let _ = out.write_str("<div class=\"gutter\">·</div>\n");
    }
    column(out, c, side, &[sentence], "", &[]);
    if side == Side::Left {
        let _ = out.write_str("<div class=\"gutter\">·</div>\n");
        let _ = out.write_str(&placeholder);
    }
    let _ = out.write_str("</section>\n");
}

/// One side of a row: its sentences, with the evidence of the pair's divergences marked.
fn column(
    out: &mut impl Write,
    c: &Compared,
    side: Side,
    sentences: &[usize],
    partners: &str,
    divergences: &[Divergence],
) {
    let doc = &c.analysis(side).doc;
    let _ = writeln!(out, "<div class=\"col {}\" lang=\"{}\">", side.name(), doc.lang);
    for &i in sentences {
        let Some(s) = doc.sentences.get(i) else { continue };
        let marks: Vec<(usize, usize, &str)> = divergences
            .iter()
            .flat_map(|d| d.evidence.iter().map(move |e| (e, d.severity.name())))
            .filter(|(e, _)| e.side == side && s.start <= e.start && e.end <= s.end && e.start < e.end)
            .map(|(e, sev)| (e.start, e.end, sev))
            .collect();
        let _ = write!(
            out,
            "<p class=\"s\" id=\"{}\" data-partners=\"{partners}\"><a class=\"n\" href=\"#{0}\">{}</a> ",
            sentence_id(side, i),
            number(i),
        );
        // the sentence is escaped straight into the page, without a copy (it may be the article)
        write_marked(out, &doc.text, s.start, s.end, marks);
        let _ = out.write_str("</p>\n");
    }
    let _ = out.write_str("</div>\n");
}

/// The text of `start..end` escaped, with each mark span wrapped in `<mark>` (overlapping marks
/// after the first are left out; spans off a character boundary are ignored).
#[cfg(test)]
fn marked(text: &str, start: usize, end: usize, marks: Vec<(usize, usize, &str)>) -> String {
    let mut out = String::new();
    write_marked(&mut out, text, start, end, marks);
    out
}

/// [`marked`] written to `out`.
fn write_marked(out: &mut impl Write, text: &str, start: usize, end: usize, mut marks: Vec<(usize, usize, &str)>) {
    marks.sort_unstable();
    let mut at = start;
    for (s, e, sev) in marks {
        if s < at || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        write_escaped(out, &text[at..s]);
        let _ = write!(out, "<mark class=\"{sev}\" title=\"{sev}\">");
        write_escaped(out, &text[s..e]);
        let _ = out.write_str("</mark>");
        at = e;
    }
    write_escaped(out, &text[at..end]);
}

/// The anchor of a sentence: `l8`, `r8`, by the number a reader sees.
fn sentence_id(side: Side, index: usize) -> String {
    match side {
        Side::Left => format!("l{}", number(index)),
        Side::Right => format!("r{}", number(index)),
    }
}

fn facts(out: &mut impl Write, c: &Compared) {
    let _ = out.write_str("<section id=\"facts\">\n<h2>Facts</h2>\n<div class=\"fact-tables\">\n");
    for (side, rows) in [(Side::Left, &c.comparison.facts.left), (Side::Right, &c.comparison.facts.right)] {
        let lang = c.analysis(side).doc.lang;
        let _ = writeln!(
            out,
            "<table>\n<caption>{} ({lang}): {} fact(s)</caption>\n\
             <thead><tr><th>sentence</th><th>kind</th><th>text</th><th>value</th><th>in the other version</th></tr></thead>\n<tbody>",
            side.name(),
            rows.len()
        );
        for row in rows {
            let Some(f) = c.fact(side, row.fact) else { continue };
            let (class, presence) = match row.other {
                Presence::Partner => ("partner", "yes, in its pair"),
                Presence::Elsewhere => ("elsewhere", "yes, elsewhere"),
                Presence::Absent => ("absent", "no"),
            };
            let _ = writeln!(
                out,
                "<tr class=\"{class}\"><td><a href=\"#{id}\">{}</a></td><td>{}</td><td lang=\"{lang}\">{}</td>\
                 <td><code>{}</code></td><td>{presence}</td></tr>",
                number(row.sentence),
                kind_name(f.kind),
                escape(&f.text),
                escape(&f.value),
                id = sentence_id(side, row.sentence)
            );
        }
        let _ = out.write_str("</tbody>\n</table>\n");
    }
    let _ = out.write_str("</div>\n</section>\n");
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    write_escaped(&mut out, text);
    out
}

/// [`escape`] written to `out`: the runs between special characters go out whole.
fn write_escaped(out: &mut impl Write, text: &str) {
    super::write_replacing(out, text, |ch| {
        Some(match ch {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => return None,
        })
    });
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
    fn page_is_self_contained_escaped_and_anchored() {
        let html = crate::report::compared::tests::with_sample(render);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("http://") && !html.contains("https://"), "no network");
        assert!(!html.contains("<lundi>") && html.contains("&lt;lundi&gt;"));
        assert!(html.contains("<section class=\"row pair flagged error\" id=\"p-l1-r1\">"));
        assert!(html.contains("policy: <code>defaults</code>"));
        assert!(html.contains("<p class=\"relation\">relation: "), "the relation with its evidence");
        assert!(html.contains("<div class=\"col left\" lang=\"fr\">"));
        assert!(html.contains("<div class=\"col right\" lang=\"en\">"));
        assert!(html.contains("<p class=\"s\" id=\"l1\" data-partners=\"r1\"><a class=\"n\" href=\"#l1\">1</a> "));
        assert!(html.contains("<mark class=\"error\" title=\"error\">Sept</mark>"));
        assert!(html.contains("[error]</span> <code>number_mismatch</code>"), "severity in words, not only colour");
        assert!(html.contains("no counterpart (told by the left version only)"));
        assert!(!html.contains("Publicité"));
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape("<b>\"A&B\"</b> l'été"), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; l&#39;été");
    }

    #[test]
    fn marks_evidence_spans_inside_a_sentence() {
        let text = "Il y a <7> morts.";
        assert_eq!(
            marked(text, 0, text.len(), vec![(7, 10, "error")]),
            "Il y a <mark class=\"error\" title=\"error\">&lt;7&gt;</mark> morts."
        );
        let overlapping = vec![(7, 10, "error"), (8, 9, "info")];
        assert_eq!(marked(text, 0, text.len(), overlapping).matches("<mark").count(), 1);
    }
}
