//! One configuration: `align`, `align --pairs` and `check` read the same `newsalign.toml`, found
//! the same way (the working directory or a folder above it, up to the repository root), so they
//! flag the same divergences, at the same severities, for the same pair; every report names the
//! file in force. Run over the invented pairs of tests/fixtures/check under a few policies.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The pairs of tests/fixtures/check: id, French file, English file, publication date.
const PAIRS: [(&str, &str, &str, &str); 3] = [
    ("school", "school-fr.txt", "school-en.txt", "2024-06-05"),
    ("storm", "storm-fr.txt", "storm-en.txt", "2023-11-03"),
    ("bridge", "bridge-fr.txt", "bridge-en.txt", "2024-05-13"),
];

/// Every divergence kind turned off.
const ALL_OFF: &str = "[severity]\nnumber_mismatch = \"off\"\nnumber_missing = \"off\"\ndate_mismatch = \"off\"\n\
    date_missing = \"off\"\nentity_mismatch = \"off\"\nentity_missing = \"off\"\nentity_variant = \"off\"\n\
    quote_missing = \"off\"\n";

/// Some rules raised, some lowered, some off, the relation given, and a check policy.
const MIXED: &str = "[severity]\nnumber_mismatch = \"warning\"\nentity_variant = \"off\"\nmoved = \"warning\"\n\
    in_words = \"warning\"\nconsistent = \"warning\"\n\n[compare]\nrelation = \"translation\"\n\n\
    [check]\nfail_on = \"off\"\n";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check").join(name)
}

/// A folder that is a repository root (so no newsalign.toml above it applies), with the manifest
/// of the fixture pairs and, when given, a newsalign.toml.
fn workspace(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let manifest: String = PAIRS
        .iter()
        .map(|(id, fr, en, published)| {
            let (fr, en) = (fixture(fr).display().to_string(), fixture(en).display().to_string());
            format!("[[pair]]\nid = {id:?}\nleft = {fr:?}\nright = {en:?}\npublished = {published:?}\n\n")
        })
        .collect();
    std::fs::write(dir.path().join("pairs.toml"), manifest).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join("newsalign.toml"), config).unwrap();
    }
    dir
}

/// Runs newsalign in `dir` (from a folder below it, to show the file is found upward).
fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let below = dir.join("work");
    std::fs::create_dir_all(&below).unwrap();
    Command::cargo_bin("newsalign")
        .unwrap()
        .current_dir(below)
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .output()
        .unwrap()
}

/// A divergence as both commands report it: its kind, severity and evidence.
fn divergence(d: &Value) -> Value {
    let evidence: Vec<Value> =
        d["evidence"].as_array().unwrap().iter().map(|e| json!([e["side"], e["text"], e["value"]])).collect();
    json!({"kind": d["kind"], "severity": d["severity"], "evidence": evidence})
}

fn sorted(mut list: Vec<Value>) -> Vec<Value> {
    list.sort_by_key(|v| v.to_string());
    list
}

/// The divergences of one `align --format json` report, and the policy it names.
fn from_align_report(report: &Value) -> (Vec<Value>, String) {
    let found = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["divergences"].as_array().unwrap().iter().map(divergence))
        .collect();
    (sorted(found), report["policy"].as_str().unwrap().to_string())
}

/// What `align` says of each pair, run once per pair.
fn align_each(dir: &Path) -> Vec<(Vec<Value>, String)> {
    PAIRS
        .iter()
        .map(|(_, fr, en, published)| {
            let (fr, en) = (fixture(fr), fixture(en));
            let out = run(
                dir,
                &["align", fr.to_str().unwrap(), en.to_str().unwrap(), "--published", published, "--format", "json"],
            );
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            from_align_report(&serde_json::from_slice(&out.stdout).unwrap())
        })
        .collect()
}

/// What `align --pairs` says of each pair, in manifest order.
fn align_pairs(dir: &Path) -> Vec<(Vec<Value>, String)> {
    let manifest = dir.join("pairs.toml");
    let out = run(dir, &["align", "--pairs", manifest.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| from_align_report(&serde_json::from_str::<Value>(line).unwrap()["report"]))
        .collect()
}

/// What `check` says of each pair, in manifest order, and the policy it names.
fn check(dir: &Path) -> (Vec<Vec<Value>>, String) {
    let manifest = dir.join("pairs.toml");
    let out = run(dir, &["check", manifest.to_str().unwrap(), "--format", "json"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = report["pairs"].as_array().unwrap();
    let found = PAIRS
        .iter()
        .map(|(id, ..)| {
            let pair = pairs.iter().find(|p| p["id"] == *id).unwrap();
            sorted(pair["findings"].as_array().unwrap().iter().map(divergence).collect())
        })
        .collect();
    (found, report["policy"].as_str().unwrap().to_string())
}

/// Runs the three commands under `config`, asserts they agree and name the same file, and
/// returns the divergences of each pair by id for a snapshot.
fn agreed(config: Option<&str>) -> Value {
    let dir = workspace(config);
    let (checked, check_policy) = check(dir.path());
    let expected_policy = match config {
        Some(_) => dir.path().join("newsalign.toml").display().to_string(),
        None => "defaults".to_string(),
    };
    assert_eq!(check_policy, expected_policy, "check names the file in force");
    for (how, aligned) in [("align", align_each(dir.path())), ("align --pairs", align_pairs(dir.path()))] {
        for (((id, ..), (divergences, policy)), from_check) in PAIRS.iter().zip(&aligned).zip(&checked) {
            assert_eq!(divergences, from_check, "{how} and check disagree on {id}");
            assert_eq!(policy, &expected_policy, "{how} names the file in force");
        }
    }
    PAIRS.iter().zip(checked).map(|((id, ..), found)| (id.to_string(), Value::Array(found))).collect()
}

#[test]
fn align_and_check_agree_under_the_defaults() {
    insta::assert_json_snapshot!(agreed(None));
}

#[test]
fn align_and_check_agree_with_every_kind_turned_off() {
    let found = agreed(Some(ALL_OFF));
    assert!(found.as_object().unwrap().values().all(|v| v.as_array().unwrap().is_empty()), "{found}");
}

#[test]
fn align_and_check_agree_under_a_mixed_policy() {
    insta::assert_json_snapshot!(agreed(Some(MIXED)));
}

#[test]
fn every_report_format_of_align_names_the_file_in_force() {
    let dir = workspace(Some(MIXED));
    let (fr, en) = (fixture("storm-fr.txt"), fixture("storm-en.txt"));
    let path = dir.path().join("newsalign.toml").display().to_string();
    for format in ["text", "markdown", "html"] {
        let out = run(dir.path(), &["align", fr.to_str().unwrap(), en.to_str().unwrap(), "--format", format]);
        assert!(String::from_utf8_lossy(&out.stdout).contains(&path), "{format} names {path}");
    }
}

#[test]
fn an_unknown_key_stops_every_command_naming_the_key_and_the_file() {
    let dir = workspace(Some("[check]\nfail_on = \"error\"\nmax_unmached = 3\n"));
    let (fr, en) = (fixture("storm-fr.txt"), fixture("storm-en.txt"));
    let manifest = dir.path().join("pairs.toml");
    let path = dir.path().join("newsalign.toml").display().to_string();
    for args in [
        vec!["align", fr.to_str().unwrap(), en.to_str().unwrap()],
        vec!["align", "--pairs", manifest.to_str().unwrap()],
        vec!["check", manifest.to_str().unwrap()],
    ] {
        let out = run(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("{path}:3: unknown key max_unmached (known: fail_on,")), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
