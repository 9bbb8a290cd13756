//! `newsalign check` run the way a CI job runs it, over the invented pairs in tests/fixtures/check
//! (the storm pair has a planted change: 45 000 homes in French, 54,000 in English).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

/// Runs `newsalign check` in an empty folder (so no stray newsalign.toml is discovered).
fn check(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("newsalign")
        .unwrap()
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .arg("check")
        .args(args)
        .assert()
}

fn manifest() -> String {
    fixtures().join("pairs.toml").display().to_string()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

#[test]
fn fails_on_the_planted_change_only() {
    let dir = tempfile::tempdir().unwrap();
    let a = check(dir.path(), &[&manifest(), "--format", "json"]).code(1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["passed"], false);
    assert_eq!(report["policy"], "defaults");
    let failed: Vec<&str> = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["failed"] == true)
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["storm"]);
    let storm = &report["pairs"][0];
    let kinds: Vec<&str> = storm["findings"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"number_mismatch"), "{kinds:?}");
}

#[test]
fn every_pair_states_its_relation_with_the_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let a = check(dir.path(), &[&manifest(), "--format", "json"]).code(1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    for pair in report["pairs"].as_array().unwrap() {
        let relation = &pair["relation"];
        assert!(["translation", "comparable"].contains(&relation["kind"].as_str().unwrap()), "{pair}");
        assert_eq!(relation["source"], "detected");
        assert!(relation["evidence"]["paired_share"].as_f64().is_some(), "{pair}");
    }
    let text = stdout(&check(dir.path(), &[&manifest()]).code(1));
    let storm = text.lines().find(|l| l.starts_with("FAIL storm")).unwrap();
    assert!(storm.ends_with(", translation)"), "{storm}");
}

#[test]
fn text_summary_puts_the_worst_pair_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&check(dir.path(), &[&manifest()]).code(1));
    assert!(out.starts_with("newsalign check: 3 pairs, 1 failed, 2 passed, 0 skipped"), "{out}");
    let first_pair = out.lines().find(|l| l.starts_with("FAIL") || l.starts_with("ok")).unwrap();
    assert!(first_pair.starts_with("FAIL storm"), "{out}");
    assert!(out.contains("number_mismatch"), "{out}");
}

#[test]
fn baseline_accepts_known_divergences_and_reports_stale_ones() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let b = baseline.display().to_string();
    check(dir.path(), &[&manifest(), "--write-baseline", &b]).code(0);
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert!(written["entries"].as_array().unwrap().iter().any(|e| e["pair"] == "storm"));
    check(dir.path(), &[&manifest(), "--baseline", &b]).code(0);

    // An entry that matches nothing any more is reported as stale, and does not fail the check.
    let mut edited = written.clone();
    edited["entries"].as_array_mut().unwrap().push(serde_json::json!({
        "fingerprint": "0000", "pair": "school", "kind": "date_mismatch", "summary": "left mardi | right Monday"}));
    std::fs::write(&baseline, serde_json::to_string(&edited).unwrap()).unwrap();
    let out = stdout(&check(dir.path(), &[&manifest(), "--baseline", &b]).code(0));
    assert!(out.contains("stale baseline entries") && out.contains("left mardi | right Monday"), "{out}");
}

#[test]
fn baseline_survives_edits_elsewhere_in_the_article() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["storm-fr.txt", "storm-en.txt"] {
        std::fs::copy(fixtures().join(name), dir.path().join(name)).unwrap();
    }
    let m = dir.path().join("pairs.toml");
    std::fs::write(&m, "[[pair]]\nid = \"storm\"\nleft = \"storm-fr.txt\"\nright = \"storm-en.txt\"\n").unwrap();
    let m = m.display().to_string();
    check(dir.path(), &[&m, "--write-baseline", "baseline.json"]).code(0);
    // A new paragraph at the top moves every offset; the accepted divergence must stay accepted.
    let fr = dir.path().join("storm-fr.txt");
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, text.replacen("\n\n", "\n\nMise à jour : les secours restent mobilisés.\n\n", 1)).unwrap();
    check(dir.path(), &[&m]).code(1);
    check(dir.path(), &[&m, "--baseline", "baseline.json"]).code(0);
}

#[test]
fn unreadable_article_is_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let m = fixtures().join("with-missing.jsonl").display().to_string();
    let a = check(dir.path(), &[&m, "--format", "json"]).code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line per problem: {err}");
    assert!(err.contains("missing-fr.txt: no such file or directory"), "{err}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["pairs"].as_array().unwrap().len(), 3, "the other pairs were checked");
    // With --allow-missing the missing article does not fail; the storm pair still does.
    check(dir.path(), &[&m, "--allow-missing"]).code(1);
}

#[test]
fn policy_comes_from_newsalign_toml_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("newsalign.toml"), "[check]\nfail_on = \"never\"\n").unwrap();
    let nested = dir.path().join("sub");
    std::fs::create_dir(&nested).unwrap();
    check(&nested, &[&manifest()]).code(0);
    check(&nested, &[&manifest(), "--fail-on", "error"]).code(1);
    std::fs::write(dir.path().join("newsalign.toml"), "[[check.pair]]\nid = \"storm\"\nfail_on = \"never\"\n").unwrap();
    check(&nested, &[&manifest()]).code(0);
    std::fs::write(dir.path().join("newsalign.toml"), "[check]\nfail_onn = 1\n").unwrap();
    let a = check(&nested, &[&manifest()]).code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("newsalign.toml") && err.contains("fail_onn"), "{err}");
}

#[test]
fn github_format_annotates_lines_and_writes_the_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let a = Command::cargo_bin("newsalign")
        .unwrap()
        .current_dir(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", &manifest(), "--format", "github"])
        .assert()
        .code(1);
    let out = stdout(&a);
    let line = out.lines().find(|l| l.starts_with("::error file=")).expect(&out);
    assert!(
        line.contains("storm-") && line.contains(",line=3,") && line.contains("title=newsalign number_mismatch::"),
        "{line}"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("## newsalign check") && md.contains("| FAIL | storm |"), "{md}");
}

#[test]
fn junit_report_parses_with_one_case_per_pair() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&check(dir.path(), &[&manifest(), "--format", "junit"]).code(1));
    let xml = roxmltree::Document::parse(&out).unwrap();
    let cases: Vec<_> = xml.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    assert_eq!(cases.len(), 3);
    let failed: Vec<_> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .map(|c| c.attribute("name").unwrap())
        .collect();
    assert_eq!(failed, ["storm"]);
    let policy = xml.descendants().find(|n| n.has_tag_name("property") && n.attribute("name") == Some("policy"));
    assert_eq!(policy.and_then(|n| n.attribute("value")), Some("defaults"), "the policy in force is named");
}

/// The official SARIF 2.1.0 schema, as shipped in the serde-sarif crate's sources (a
/// dev-dependency), so the test needs no network and the repository carries no copy.
fn sarif_schema() -> Option<serde_json::Value> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let registry = home.join("registry/src");
    for index in std::fs::read_dir(registry).ok()?.flatten() {
        let mut crates: Vec<_> = std::fs::read_dir(index.path()).ok()?.flatten().map(|e| e.path()).collect();
        crates.sort();
        if let Some(dir) =
            crates.iter().rev().find(|p| p.file_name().unwrap().to_string_lossy().starts_with("serde-sarif-"))
        {
            let text = std::fs::read_to_string(dir.join("src/schema.json")).ok()?;
            return serde_json::from_str(&text).ok();
        }
    }
    None
}

#[test]
fn sarif_report_validates_against_the_sarif_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&check(dir.path(), &[&manifest(), "--format", "sarif"]).code(1));
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "number_mismatch" && r["level"] == "error"));
    assert_eq!(sarif["runs"][0]["properties"]["policy"], "defaults", "the policy in force is named");
    let schema = sarif_schema().expect("serde-sarif's schema.json is in the cargo registry (it is a dev-dependency)");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    check(dir.path(), &[&manifest(), "--format", "json", "-o", out.to_str().unwrap()]).code(1).stdout("");
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["version"], 1);
}

#[test]
fn bad_flags_name_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let a = check(dir.path(), &[&manifest(), "--severity", "number_missing"]).code(2);
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("--severity"));
    check(dir.path(), &[&manifest(), "--ignore", "nonsense"]).code(2);
    check(dir.path(), &[&manifest(), "--min-aligned-share", "1.5"]).code(2);
}

#[test]
fn refuses_to_pass_on_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let a = check(dir.path(), &[empty.to_str().unwrap()]).code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("no article found") && err.contains("no pair was checked"), "{err}");
    let french = dir.path().join("french");
    std::fs::create_dir(&french).unwrap();
    for name in ["storm-fr.txt", "bridge-fr.txt"] {
        std::fs::copy(fixtures().join(name), french.join(name)).unwrap();
    }
    let a = check(dir.path(), &[french.to_str().unwrap()]).code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("are in French"), "{err}");
}

#[test]
fn a_pair_in_one_language_fails() {
    let dir = tempfile::tempdir().unwrap();
    let fr = fixtures().join("storm-fr.txt").display().to_string();
    std::fs::write(dir.path().join("pairs.toml"), format!("[[pair]]\nid = \"copy\"\nleft = {fr:?}\nright = {fr:?}\n"))
        .unwrap();
    let a = check(dir.path(), &[dir.path().join("pairs.toml").to_str().unwrap()]).code(1);
    assert!(stdout(&a).contains("both articles are in French"), "{}", stdout(&a));
}
