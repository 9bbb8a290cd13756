//! Reports of `newsalign check`: a text summary for people, JSON, GitHub workflow annotations
//! (with a Markdown job summary), JUnit XML and SARIF 2.1.0.

use crate::check::{CheckReport, Finding, Location, PairResult};
use crate::compare::Severity;
use serde_json::json;
use std::fmt::Write;

/// The JSON report's format version.
pub const JSON_VERSION: u32 = 1;

fn evidence_line(f: &Finding) -> String {
    f.divergence
        .evidence
        .iter()
        .zip(&f.locations)
        .map(|(ev, loc)| format!("{}:{}:{} «{}»", loc.path, loc.line, loc.column, crate::text::one_line(&ev.text)))
        .collect::<Vec<_>>()
        .join("  vs  ")
}

fn pairs(n: usize) -> String {
    if n == 1 {
        "1 pair".to_string()
    } else {
        format!("{n} pairs")
    }
}

fn status_word(p: &PairResult) -> &'static str {
    match (p.failed, p.error.is_some()) {
        (true, _) => "FAIL",
        (false, true) => "SKIP",
        (false, false) => "ok",
    }
}

/// Counts per pair status: (failed, passed, skipped).
fn tally(report: &CheckReport) -> (usize, usize, usize) {
    let failed = report.pairs.iter().filter(|p| p.failed).count();
    let skipped = report.pairs.iter().filter(|p| !p.failed && p.error.is_some()).count();
    (failed, report.pairs.len() - failed - skipped, skipped)
}

/// The summary for people: totals, counts per kind, then the pairs, worst first.
pub fn text(report: &CheckReport) -> String {
    let mut out = String::new();
    let (failed, passed, skipped) = tally(report);
    let _ = writeln!(
        out,
        "newsalign check: {}, {failed} failed, {passed} passed, {skipped} skipped",
        pairs(report.pairs.len())
    );
    let _ = writeln!(out, "policy: {}", report.policy);
    let counts = report.counts_by_kind();
    if !counts.is_empty() {
        let list: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = writeln!(out, "divergences: {}", list.join(", "));
    }
    for p in &report.pairs {
        let relation = p.relation.as_ref().map(|r| format!(", {}", r.kind.name())).unwrap_or_default();
        let _ = writeln!(out, "\n{:<4} {}  (aligned {:.0}%{relation})", status_word(p), p.id, p.aligned_share * 100.0);
        for why in &p.failures {
            let _ = writeln!(out, "     ! {why}");
        }
        if let Some(e) = &p.error {
            let _ = writeln!(out, "     ! {e}");
        }
        for f in &p.findings {
            let mark = if f.baselined { "baselined" } else { f.divergence.severity.name() };
            let _ = writeln!(out, "     {mark:<9} {:<16} {}", f.divergence.kind.name(), evidence_line(f));
        }
    }
    if !report.stale_baseline.is_empty() {
        let _ = writeln!(out, "\nstale baseline entries (no longer found; remove them with --write-baseline):");
        for e in &report.stale_baseline {
            let _ = writeln!(out, "     {}  {}  {}", e.pair, e.kind, e.summary);
        }
    }
    out
}

/// The machine-readable report.
pub fn json(report: &CheckReport) -> String {
    let (failed, passed, skipped) = tally(report);
    let value = json!({
        "version": JSON_VERSION,
        "passed": !report.failed(),
        "policy": report.policy,
        "summary": {"pairs": report.pairs.len(), "failed": failed, "passed": passed, "skipped": skipped,
                    "divergences": report.counts_by_kind()},
        "pairs": report.pairs,
        "stale_baseline": report.stale_baseline,
    });
    crate::output::json::pretty(&value)
}

/// GitHub's escaping for a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// GitHub's escaping for a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn annotation_level(f: &Finding) -> &'static str {
    match (f.fails, f.divergence.severity) {
        (true, _) => "error",
        (false, Severity::Info) => "notice",
        _ => "warning",
    }
}

/// Workflow annotation lines (`::error file=…,line=…::message`), one per finding that is not
/// baselined, anchored at its first piece of evidence; plus one per pair that failed for
/// another reason.
pub fn github(report: &CheckReport) -> String {
    let mut out = String::new();
    for p in &report.pairs {
        for f in p.findings.iter().filter(|f| !f.baselined) {
            let title = format!("newsalign {}", f.divergence.kind.name());
            let message = format!("{}: {}", p.id, evidence_line(f));
            match f.locations.first() {
                Some(Location { path, line, column, end_line, end_column, .. }) => {
                    let _ = writeln!(
                        out,
                        "::{} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
                        annotation_level(f),
                        escape_property(path),
                        escape_property(&title),
                        escape_data(&message)
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "::{} title={}::{}",
                        annotation_level(f),
                        escape_property(&title),
                        escape_data(&message)
                    );
                }
            }
        }
        let other: Vec<&String> = p.failures.iter().filter(|w| !w.contains("divergence(s)")).collect();
        if !other.is_empty() {
            let file = p.left.as_ref().map(|a| format!("file={},", escape_property(&a.path))).unwrap_or_default();
            let text = other.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; ");
            let _ = writeln!(out, "::error {file}title=newsalign check::{}", escape_data(&format!("{}: {text}", p.id)));
        }
    }
    for e in &report.stale_baseline {
        let _ = writeln!(
            out,
            "::notice title=newsalign stale baseline entry::{}",
            escape_data(&format!("{}: {} {}", e.pair, e.kind, e.summary))
        );
    }
    out
}

fn md_cell(s: &str) -> String {
    crate::text::one_line(s).replace('|', "\\|")
}

/// A Markdown summary for the job summary page (`$GITHUB_STEP_SUMMARY`) or a pull-request comment.
pub fn markdown_summary(report: &CheckReport) -> String {
    let (failed, passed, skipped) = tally(report);
    let mut out = String::from("## newsalign check\n\n");
    let verdict = if report.failed() { "❌ failed" } else { "✅ passed" };
    let _ = writeln!(
        out,
        "**{verdict}**: {}, {failed} failed, {passed} passed, {skipped} skipped.\n",
        pairs(report.pairs.len())
    );
    let _ = writeln!(out, "policy: {}", report.policy);
    let counts = report.counts_by_kind();
    if !counts.is_empty() {
        out.push_str("| divergence | count |\n|---|---:|\n");
        for (k, n) in &counts {
            let _ = writeln!(out, "| `{k}` | {n} |");
        }
        out.push('\n');
    }
    out.push_str("| status | pair | relation | errors | warnings | aligned |\n|---|---|---|---:|---:|---:|\n");
    for p in &report.pairs {
        let count = |s: Severity| p.findings.iter().filter(|f| !f.baselined && f.divergence.severity == s).count();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.0}% |",
            status_word(p),
            md_cell(&p.id),
            p.relation.as_ref().map_or("", |r| r.kind.name()),
            count(Severity::Error),
            count(Severity::Warning),
            p.aligned_share * 100.0
        );
    }
    if !report.stale_baseline.is_empty() {
        let _ = writeln!(out, "\n{} stale baseline entries.", report.stale_baseline.len());
    }
    out
}

/// JUnit XML: one test suite, one test case per pair, failing pairs as failures.
pub fn junit(report: &CheckReport) -> String {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let mut suite = TestSuite::new("newsalign check");
    // the policy in force, as every check report names it
    suite.add_property(quick_junit::Property::new("policy", report.policy.as_str()));
    for p in &report.pairs {
        let status = if p.failed {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(p.failures.join("; "));
            s.set_type("newsalign.check");
            let details: Vec<String> = p
                .findings
                .iter()
                .filter(|f| f.fails)
                .map(|f| format!("{} {}", f.divergence.kind.name(), evidence_line(f)))
                .collect();
            s.set_description(details.join("\n"));
            s
        } else if let Some(e) = &p.error {
            let mut s = TestCaseStatus::skipped();
            s.set_message(e.clone());
            s
        } else {
            TestCaseStatus::success()
        };
        let mut case = TestCase::new(p.id.clone(), status);
        case.set_classname("newsalign.pairs");
        let notes: Vec<String> = p
            .findings
            .iter()
            .map(|f| {
                let mark = if f.baselined { "baselined" } else { f.divergence.severity.name() };
                format!("{mark} {} {}", f.divergence.kind.name(), evidence_line(f))
            })
            .collect();
        if !notes.is_empty() {
            case.set_system_out(notes.join("\n"));
        }
        suite.add_test_case(case);
    }
    let mut junit = Report::new("newsalign");
    junit.add_test_suite(suite);
    let mut s = junit.to_string().unwrap_or_else(|e| format!("<!-- cannot render JUnit XML: {e} -->"));
    s.push('\n');
    s
}

/// SARIF 2.1.0: one result per finding that is not baselined, with a stable partial fingerprint
/// so code-scanning services track it across runs.
pub fn sarif(report: &CheckReport) -> String {
    use crate::compare::DivergenceKind as K;
    let kinds = [
        (K::NumberMismatch, "A number differs between the two versions."),
        (K::NumberMissing, "A number is given in one version only."),
        (K::DateMismatch, "A date differs between the two versions."),
        (K::DateMissing, "A date is given in one version only."),
        (K::EntityMismatch, "A name differs between the two versions."),
        (K::EntityMissing, "A name is given in one version only."),
        (K::EntityVariant, "A name is spelled differently in the two versions."),
        (K::QuoteMissing, "A quotation appears in one version only."),
    ];
    let rule_id = |k: K| k.name();
    let rules: Vec<_> =
        kinds.iter().map(|(k, d)| json!({"id": rule_id(*k), "shortDescription": {"text": d}})).collect();
    let mut results = Vec::new();
    for p in &report.pairs {
        for f in p.findings.iter().filter(|f| !f.baselined) {
            let level = match (f.fails, f.divergence.severity) {
                (true, _) | (false, Severity::Error) => "error",
                (false, Severity::Warning) => "warning",
                (false, Severity::Info) => "note",
            };
            let locations: Vec<_> = f
                .divergence
                .evidence
                .iter()
                .zip(&f.locations)
                .map(|(ev, loc)| {
                    json!({"physicalLocation": {
                        "artifactLocation": {"uri": uri(&loc.path)},
                        "region": {"startLine": loc.line, "startColumn": loc.column,
                                   "endLine": loc.end_line, "endColumn": loc.end_column,
                                   "snippet": {"text": ev.text}}}})
                })
                .collect();
            results.push(json!({
                "ruleId": rule_id(f.divergence.kind),
                "level": level,
                "message": {"text": format!("{}: {}", p.id, evidence_line(f))},
                "locations": locations,
                "partialFingerprints": {"newsalignFinding/v1": f.fingerprint},
            }));
        }
    }
    let value = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newsalign", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "results": results,
            "properties": {"policy": report.policy},
        }],
    });
    crate::output::json::pretty(&value)
}

/// A relative URI reference for a path: forward slashes, spaces and other reserved bytes escaped.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_commands() {
        assert_eq!(escape_data("50% off\nnext"), "50%25 off%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn uris_escape_reserved_bytes() {
        assert_eq!(uri("fr/été 1.txt"), "fr/%C3%A9t%C3%A9%201.txt");
    }
}
