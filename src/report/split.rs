//! Reports of `newsalign split`.

use crate::document::Document;
use serde::Serialize;

#[derive(Serialize)]
struct SentenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    noise: bool,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    lang: crate::lang::Lang,
    sentences: Vec<SentenceOut<'a>>,
}

/// One JSONL line (with its newline) per document, as CONTRACT.md says.
pub fn json_line(doc: &Document) -> String {
    let out = DocumentOut {
        id: &doc.id,
        lang: doc.lang,
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceOut { start: s.start, end: s.end, text: &doc.text[s.start..s.end], noise: s.noise })
            .collect(),
    };
    let mut line = serde_json::to_string(&out).expect("plain structs serialize");
    line.push('\n');
    line
}

/// A header line per document, then one sentence a line; noise is marked `~` (and dimmed when styled).
pub fn text(doc: &Document, styled: bool) -> String {
    use std::fmt::Write;
    let dim = anstyle::Style::new().dimmed();
    let bold = anstyle::Style::new().bold();
    let mut out = String::with_capacity(doc.text.len() + 4 * doc.sentences.len() + 64);
    if styled {
        let _ = writeln!(out, "{bold}==> {} [{}] <=={bold:#}", doc.id, doc.lang);
    } else {
        let _ = writeln!(out, "==> {} [{}] <==", doc.id, doc.lang);
    }
    for s in &doc.sentences {
        // the sentence is copied once, into the report (a 200 MB line is one sentence)
        let sentence = &doc.text[s.start..s.end];
        match (s.noise, styled) {
            (true, true) => {
                let _ = write!(out, "{dim}~ ");
                crate::text::push_one_line(&mut out, sentence);
                let _ = writeln!(out, "{dim:#}");
            }
            (true, false) => {
                out.push_str("~ ");
                crate::text::push_one_line(&mut out, sentence);
                out.push('\n');
            }
            (false, _) => {
                out.push_str("  ");
                crate::text::push_one_line(&mut out, sentence);
                out.push('\n');
            }
        }
    }
    out.push('\n');
    out
}
