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
    let out = Command::cargo_bin("newsalign")
        .unwrap()
        .args(["align", FR, EN, "--published", PUBLISHED, "--format", format])
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
