//! Golden outputs: `newsalign align` on the sample articles in every report format, `facts` on
//! the samples, `check` on the pairs of tests/fixtures/check and `dedup` on the corpus of
//! tests/fixtures/dedup, compared with the snapshots in tests/cli/snapshots/. A change to any
//! stage (segmentation, facts, alignment, comparison, dedup, rendering) shows here as a diff to
//! review; when the new output is right, accept it with `INSTA_UPDATE=always cargo test --test cli
//! golden` (or `cargo insta review`).

use assert_cmd::Command;

const FR: &str = "data/samples/fr.txt";
const EN: &str = "data/samples/en.txt";
/// The samples tell of a Tuesday 14 October: the day they were published.
const PUBLISHED: &str = "2025-10-14";

fn render(format: &str) -> String {
    render_pair(FR, EN, format)
}

/// Two invented versions of a council story: the English one tells its paragraphs in another
/// order (marked `moved`) and merges into its lede two French sentences that stand apart
/// (marked `scattered`).
const ORDER: [&str; 2] = ["tests/fixtures/order/fr.txt", "tests/fixtures/order/en.txt"];

fn render_pair(left: &str, right: &str, format: &str) -> String {
    let out = Command::cargo_bin("newsalign")
        .unwrap()
        .args(["align", left, right, "--published", PUBLISHED, "--format", format])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn samples_as_text() {
    insta::assert_snapshot!(render("text"));
}

#[test]
fn samples_as_json() {
    insta::assert_snapshot!(render("json"));
}

#[test]
fn samples_as_markdown() {
    insta::assert_snapshot!(render("markdown"));
}

#[test]
fn samples_as_html() {
    insta::assert_snapshot!(render("html"));
}

#[test]
fn moved_and_scattered_as_text() {
    insta::assert_snapshot!(render_pair(ORDER[0], ORDER[1], "text"));
}

#[test]
fn moved_and_scattered_as_markdown() {
    insta::assert_snapshot!(render_pair(ORDER[0], ORDER[1], "markdown"));
}

#[test]
fn moved_and_scattered_as_html() {
    insta::assert_snapshot!(render_pair(ORDER[0], ORDER[1], "html"));
}

/// The standard output of `newsalign ARGS`, run from the repository root with no
/// `GITHUB_STEP_SUMMARY`, after checking its exit status.
fn output(args: &[&str], status: i32) -> String {
    let out = Command::cargo_bin("newsalign").unwrap().env_remove("GITHUB_STEP_SUMMARY").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(status), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A JSON output, parsed, for a snapshot that shows one field a line.
fn json(args: &[&str], status: i32) -> serde_json::Value {
    serde_json::from_str(&output(args, status)).unwrap()
}

#[test]
fn facts_of_the_samples_as_text() {
    insta::assert_snapshot!(output(&["facts", FR, EN, "--published", PUBLISHED], 0));
}

#[test]
fn facts_of_the_samples_as_json() {
    insta::assert_json_snapshot!(json(&["facts", FR, "--published", PUBLISHED, "--format", "json"], 0));
}

/// Three invented stories in French and English; the storm pair has a planted change (45 000
/// homes in French, 54,000 in English), so the check fails (status 1).
const CHECK_PAIRS: &str = "tests/fixtures/check/pairs.toml";

#[test]
fn check_of_the_fixture_pairs_as_text() {
    insta::assert_snapshot!(output(&["check", CHECK_PAIRS], 1));
}

#[test]
fn check_of_the_fixture_pairs_as_json() {
    insta::assert_json_snapshot!(json(&["check", CHECK_PAIRS, "--format", "json"], 1));
}

#[test]
fn check_of_the_fixture_pairs_as_github_annotations() {
    insta::assert_snapshot!(output(&["check", CHECK_PAIRS, "--format", "github"], 1));
}

#[test]
fn check_of_the_fixture_pairs_as_junit() {
    insta::assert_snapshot!(output(&["check", CHECK_PAIRS, "--format", "junit"], 1));
}

/// A corpus of invented stories: one English article, its exact copy, an updated version, its
/// French translation, another story in both languages and a third story in French alone.
const DEDUP_CORPUS: &str = "tests/fixtures/dedup/corpus.jsonl";

#[test]
fn dedup_of_the_fixture_corpus_as_text() {
    insta::assert_snapshot!(output(&["dedup", DEDUP_CORPUS], 0));
}

#[test]
fn dedup_of_the_fixture_corpus_as_json() {
    insta::assert_json_snapshot!(json(&["dedup", DEDUP_CORPUS, "--format", "json"], 0));
}
