//! Reports of `newsalign facts`.

use crate::analysis::Analysis;
use crate::facts::Fact;
use serde::Serialize;

#[derive(Serialize)]
struct FactsOut<'a> {
    id: &'a str,
    lang: crate::lang::Lang,
    facts: &'a [Fact],
    /// Where a bound left facts out (absent on ordinary articles).
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// What the article's report says of the sentences whose facts were cut, if any.
fn cut_note(analysis: &Analysis) -> Option<String> {
    let cut = &analysis.facts.cut;
    let max = crate::facts::MAX_FACTS_PER_SENTENCE;
    let which = match cut.len() {
        0 => return None,
        1 => "a sentence".to_string(),
        n => format!("{n} sentences"),
    };
    Some(format!("{which} held more than {max} facts: only the first {max} of each are listed"))
}

/// One JSONL line per article, as CONTRACT.md says.
pub fn json_line(analysis: &Analysis) -> String {
    let note = cut_note(analysis);
    let out = FactsOut { id: &analysis.doc.id, lang: analysis.doc.lang, facts: &analysis.facts.facts, note };
    let mut line = serde_json::to_string(&out).expect("plain structs serialize");
    line.push('\n');
    line
}

/// A header per article, then one fact a line: kind, value (unit), and the text as written.
pub fn text(analysis: &Analysis) -> String {
    use std::fmt::Write;
    let mut out = format!("==> {} [{}] <==\n", analysis.doc.id, analysis.doc.lang);
    if let Some(note) = cut_note(analysis) {
        let _ = writeln!(out, "note: {note}");
    }
    for f in &analysis.facts.facts {
        let kind = serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let unit = f.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        let _ = writeln!(out, "{kind:<9} {:<28} {}", format!("{}{unit}", f.value), crate::text::one_line(&f.text));
    }
    out
}
