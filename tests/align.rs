//! `newsalign align` run like a user would.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::HashSet;

const FR: &str = "tests/fixtures/align/fr.txt";
const EN: &str = "tests/fixtures/align/en.txt";

fn newsalign() -> Command {
    Command::cargo_bin("newsalign").unwrap()
}

fn align_json(left: &str, right: &str) -> Value {
    let out = newsalign().args(["align", left, right, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn indices(v: &Value) -> Vec<usize> {
    v.as_array().unwrap().iter().map(|i| i.as_u64().unwrap() as usize).collect()
}

/// Every non-noise sentence appears exactly once in pairs or unmatched; noise never does.
fn assert_contract(report: &Value) {
    for side in ["left", "right"] {
        let sentences = report[side]["sentences"].as_array().unwrap();
        let mut seen = Vec::new();
        for pair in report["pairs"].as_array().unwrap() {
            seen.extend(indices(&pair[side]));
            let score = pair["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score));
            assert!(pair["divergences"].is_array());
        }
        seen.extend(indices(&report["unmatched"][side]));
        let unique: HashSet<usize> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "{side}: a sentence listed twice");
        for s in sentences {
            let index = s["index"].as_u64().unwrap() as usize;
            let noise = s["noise"].as_bool().unwrap();
            assert_eq!(unique.contains(&index), !noise, "{side} sentence {index} (noise: {noise})");
        }
    }
}

fn pair_of(report: &Value, side: &str, needle: &str) -> Option<usize> {
    let sentences = report[side]["sentences"].as_array().unwrap();
    let index = sentences.iter().find(|s| s["text"].as_str().unwrap().contains(needle))?["index"].as_u64()? as usize;
    report["pairs"].as_array().unwrap().iter().position(|p| indices(&p[side]).contains(&index))
}

#[test]
fn json_report_keeps_the_contract_and_finds_moved_sentences() {
    let report = align_json(FR, EN);
    assert_contract(&report);
    assert_eq!(report["left"]["lang"], "fr");
    assert_eq!(report["right"]["lang"], "en");
    let same = |fr: &str, en: &str| {
        let (l, r) = (pair_of(&report, "left", fr), pair_of(&report, "right", en));
        assert!(l.is_some() && l == r, "{fr:?} should pair with {en:?}");
    };
    same("a rouvert mardi", "reopened on Tuesday");
    same("1 200 conteneurs", "1,200 containers");
    // Moved paragraph: a crossing link.
    same("une augmentation de 8 %", "initially demanded an 8% increase");
    // Added on the English side only.
    assert_eq!(pair_of(&report, "right", "Local fishermen"), None);
}

#[test]
fn either_language_may_be_on_the_left() {
    let report = align_json(EN, FR);
    assert_contract(&report);
    assert_eq!(report["left"]["lang"], "en");
    let (l, r) = (pair_of(&report, "left", "1,200 containers"), pair_of(&report, "right", "1 200 conteneurs"));
    assert!(l.is_some() && l == r);
}

#[test]
fn text_view_fits_80_columns_with_placeholders() {
    let out = newsalign().args(["align", FR, EN]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    use unicode_width::UnicodeWidthStr;
    assert!(text.lines().all(|l| l.width() <= 80), "{text}");
    assert!(text.contains("·····"), "an unmatched sentence faces a placeholder:\n{text}");
    assert!(!text.contains("Advertisement"), "noise is hidden by default");
    let noisy = newsalign().args(["align", FR, EN, "--show-noise"]).output().unwrap();
    assert!(String::from_utf8(noisy.stdout).unwrap().contains("~ Advertisement"));
}

#[test]
fn user_lexicon_is_read_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("mine.tsv");
    std::fs::write(&good, "dockers\tdockers\n").unwrap();
    newsalign().args(["align", FR, EN, "--lexicon"]).arg(&good).assert().success();
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "no tab here\n").unwrap();
    newsalign()
        .args(["align", FR, EN, "--lexicon"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.tsv"));
}

#[test]
fn bad_input_exits_2_naming_the_file() {
    newsalign().args(["align", "missing.txt", EN]).assert().code(2).stderr(predicate::str::contains("missing.txt"));
    let dir = tempfile::tempdir().unwrap();
    let two = dir.path().join("two.jsonl");
    std::fs::write(&two, "{\"id\":\"a\",\"text\":\"Bonjour.\"}\n{\"id\":\"b\",\"text\":\"Salut.\"}\n").unwrap();
    newsalign()
        .args(["align", FR])
        .arg(&two)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two.jsonl").and(predicate::str::contains("several")));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    newsalign().args(["align", FR, EN, "--format", "json", "-o"]).arg(&path).assert().success().stdout("");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_contract(&report);
}

/// The shared evaluation pair, when present: read only, never copied.
#[test]
fn seed_pair_keeps_the_contract() {
    let left = "../../shared/seeds/000_1eb5308e68f4dfec.txt";
    let right = "../../shared/seeds/002_81e929dda16dc1f4.txt";
    if !std::path::Path::new(left).exists() {
        return;
    }
    assert_contract(&align_json(left, right));
}
