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

/// A manifest (JSON Lines) of the two fixture pairs, plus `extra` lines, in a temporary folder;
/// paths are relative to the manifest, as a committed manifest would hold them.
fn manifest(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for (sub, fixture) in [("align", "tests/fixtures/align"), ("report", "tests/fixtures/report")] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for name in ["fr.txt", "en.txt"] {
            std::fs::copy(format!("{fixture}/{name}"), dir.path().join(sub).join(name)).unwrap();
        }
    }
    let mut lines = vec![
        r#"{"id": "align", "left": "align/fr.txt", "right": "align/en.txt"}"#.to_string(),
        r#"{"left": "report/fr.txt", "right": "report/en.txt", "published": "2024-05-07"}"#.to_string(),
    ];
    lines.extend(extra.iter().map(|l| l.to_string()));
    let path = dir.path().join("pairs.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (dir, path)
}

/// The report without the document ids, which name the paths the articles were given by.
fn without_ids(mut report: Value) -> Value {
    for side in ["left", "right"] {
        report[side]["id"] = Value::Null;
    }
    report
}

#[test]
fn pairs_manifest_gives_each_pair_the_report_of_a_single_run() {
    let (dir, path) = manifest(&[]);
    let out = newsalign().args(["align", "--pairs", path.to_str().unwrap(), "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "one line a pair");
    assert_eq!(lines[0]["id"], "align");
    assert_eq!(lines[1]["id"], "report/fr.txt <> report/en.txt");
    for (line, sub, published) in [(&lines[0], "align", None), (&lines[1], "report", Some("2024-05-07"))] {
        let (left, right) = (dir.path().join(sub).join("fr.txt"), dir.path().join(sub).join("en.txt"));
        assert_eq!(line["left"], left.to_str().unwrap());
        let mut args = vec!["align", left.to_str().unwrap(), right.to_str().unwrap(), "--format", "json"];
        args.extend(published.iter().flat_map(|p| ["--published", p]));
        let single: Value = serde_json::from_slice(&newsalign().args(&args).output().unwrap().stdout).unwrap();
        assert_contract(&line["report"]);
        assert_eq!(without_ids(line["report"].clone()), without_ids(single));
    }
}

#[test]
fn pairs_manifest_reports_a_missing_article_and_goes_on() {
    let (dir, path) = manifest(&[r#"{"id": "gone", "left": "nowhere/fr.txt", "right": "align/en.txt"}"#]);
    let out_file = dir.path().join("out.jsonl");
    let out = newsalign()
        .args(["align", "--pairs", path.to_str().unwrap(), "--format", "json", "-o", out_file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "an unreadable pair makes the run's status 2");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("nowhere/fr.txt"), "{stderr}");
    let written = std::fs::read_to_string(&out_file).unwrap();
    let lines: Vec<Value> = written.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "the other pairs are still aligned");
    assert!(lines[0]["report"].is_object() && lines[1]["report"].is_object());
    assert_eq!(lines[2]["id"], "gone");
    assert!(lines[2]["report"].is_null());
    assert!(lines[2]["error"].as_str().unwrap().contains("nowhere/fr.txt"));
}

#[test]
fn pairs_manifest_in_text_heads_each_view_with_its_pair() {
    let (_dir, path) = manifest(&[]);
    let out = newsalign().args(["align", "--pairs", path.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.find("== align ==").expect("the first pair's heading");
    let second = text.find("== report/fr.txt <> report/en.txt ==").expect("the second pair's heading");
    assert!(first < second, "manifest order");
}

#[test]
fn pairs_manifest_rejects_what_it_cannot_do_naming_the_flag() {
    let (_dir, path) = manifest(&[]);
    let manifest = path.to_str().unwrap();
    newsalign()
        .args(["align", "--pairs", manifest, "--format", "html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format"));
    newsalign().args(["align", FR, EN, "--pairs", manifest]).assert().code(2);
    newsalign().args(["align"]).assert().code(2).stderr(predicate::str::contains("--pairs"));
    let empty = _dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    newsalign()
        .args(["align", "--pairs", empty.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.jsonl").and(predicate::str::contains("no pairs")));
}
