//! Golden outputs: `newsalign align` on the sample articles in every report format, compared
//! with the snapshots in tests/cli/snapshots/. A change to any stage (segmentation, facts,
//! alignment, comparison, rendering) shows here as a diff to review; when the new output is
//! right, accept it with `INSTA_UPDATE=always cargo test --test cli golden` (or `cargo insta review`).

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
