//! The report formats of `newsalign align`, run like a user would: the JSON validates against
//! docs/report.schema.json (which rejects unknown fields), and every format renders the same
//! comparison.

use assert_cmd::Command;
use serde_json::Value;

/// Two invented versions of one story with planted divergences (a changed count, a dropped
/// quotation, a name spelled without its accent, a place told by one version only).
const FR: &str = "tests/fixtures/report/fr.txt";
const EN: &str = "tests/fixtures/report/en.txt";

/// The sample articles of the README, when present.
const SAMPLES: [&str; 2] = ["data/samples/fr.txt", "data/samples/en.txt"];

fn newsalign() -> Command {
    Command::cargo_bin("newsalign").unwrap()
}

fn run(args: &[&str]) -> String {
    let out = newsalign().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json_report(left: &str, right: &str) -> Value {
    serde_json::from_str(&run(&["align", left, right, "--format", "json", "--published", "2024-05-07"])).unwrap()
}

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

fn assert_valid(validator: &jsonschema::Validator, report: &Value) {
    let errors: Vec<String> = validator.iter_errors(report).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "report does not follow docs/report.schema.json:\n{}", errors.join("\n"));
}

/// The pairs of articles every format is tried on: the fixture, and the samples when present.
fn article_pairs() -> Vec<(&'static str, &'static str)> {
    let mut pairs = vec![(FR, EN)];
    if SAMPLES.iter().all(|p| std::path::Path::new(p).exists()) {
        pairs.push((SAMPLES[0], SAMPLES[1]));
    }
    pairs
}

#[test]
fn json_report_follows_the_schema() {
    let validator = schema();
    for (left, right) in article_pairs() {
        let report = json_report(left, right);
        assert_eq!(report["version"], 1);
        assert_valid(&validator, &report);
    }
}

#[test]
fn schema_rejects_unknown_fields() {
    let validator = schema();
    let report = json_report(FR, EN);
    let mut top = report.clone();
    top["surprise"] = Value::Bool(true);
    assert!(!validator.is_valid(&top), "an unknown top-level field must be rejected");
    let mut sentence = report.clone();
    sentence["left"]["sentences"][0]["colour"] = Value::from("red");
    assert!(!validator.is_valid(&sentence), "an unknown sentence field must be rejected");
    let mut pair = report;
    pair["pairs"][0]["comment"] = Value::from("x");
    assert!(!validator.is_valid(&pair), "an unknown pair field must be rejected");
}

#[test]
fn summary_counts_the_divergences_of_the_pairs() {
    let report = json_report(FR, EN);
    let mut counted = std::collections::HashMap::new();
    for pair in report["pairs"].as_array().unwrap() {
        for d in pair["divergences"].as_array().unwrap() {
            *counted.entry(d["severity"].as_str().unwrap().to_string()).or_insert(0u64) += 1;
        }
    }
    for severity in ["error", "warning", "info"] {
        assert_eq!(report["summary"][severity].as_u64().unwrap(), counted.get(severity).copied().unwrap_or(0));
    }
}

#[test]
fn every_format_renders_and_html_stands_alone() {
    for (left, right) in article_pairs() {
        let html = run(&["align", left, right, "--format", "html"]);
        assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
        assert!(!html.contains("src=\"http") && !html.contains("href=\"http"), "no network");
        assert!(html.contains("lang=\"fr\"") && html.contains("lang=\"en\""));
        let md = run(&["align", left, right, "--format", "markdown"]);
        assert!(md.starts_with("## newsalign: "));
        let text = run(&["align", left, right, "--format", "text"]);
        assert!(text.contains("error(s)"));
    }
}

#[test]
fn severity_flags_are_checked() {
    let out = newsalign().args(["align", FR, EN, "--severity", "number_missing=fatal"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--severity") && err.contains("error, warning, info or off"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
}

#[test]
fn severity_config_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newsalign.toml");
    std::fs::write(&config, "[severity]\nquote_missing = \"off\"\n").unwrap();
    let report: Value =
        serde_json::from_str(&run(&["align", FR, EN, "--format", "json", "--config", config.to_str().unwrap()]))
            .unwrap();
    let kinds: Vec<&str> = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["divergences"].as_array().unwrap())
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"quote_missing"), "{kinds:?}");
    std::fs::write(&config, "[severity\n").unwrap();
    let out = newsalign().args(["align", FR, EN, "--config", config.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newsalign.toml"));
}

/// Every format of `align` names the policy in force: `defaults` without a configuration file,
/// the file's path with one, given or found in the working directory.
#[test]
fn every_format_names_the_policy_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newsalign.toml");
    std::fs::write(&config, "[severity]\nquote_missing = \"off\"\n").unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (fr, en) = (root.join(FR), root.join(EN));
    let (fr, en) = (fr.to_str().unwrap(), en.to_str().unwrap());
    for format in ["text", "json", "markdown", "html"] {
        let plain = run(&["align", FR, EN, "--format", format]);
        assert!(plain.contains("defaults"), "{format}: {plain}");
        let given = run(&["align", FR, EN, "--format", format, "--config", config.to_str().unwrap()]);
        assert!(given.contains("newsalign.toml"), "{format}: {given}");
        let out = newsalign().current_dir(dir.path()).args(["align", fr, en, "--format", format]).output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("newsalign.toml"), "{format}: found in the folder");
    }
    let report: Value = serde_json::from_str(&run(&["align", FR, EN, "--format", "json"])).unwrap();
    assert_eq!(report["policy"], "defaults");
}

/// A pair told in another order and a pair joined from sentences that are not adjacent are
/// marked in the JSON (and the schema accepts the marks).
#[test]
fn json_marks_moved_and_scattered_pairs() {
    let report: Value = serde_json::from_str(&run(&[
        "align",
        "tests/fixtures/order/fr.txt",
        "tests/fixtures/order/en.txt",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_valid(&schema(), &report);
    let pairs = report["pairs"].as_array().unwrap();
    assert!(pairs.iter().any(|p| p["moved"] == true), "{pairs:?}");
    assert!(pairs.iter().any(|p| p["scattered"] == true && p["left"].as_array().unwrap().len() == 2), "{pairs:?}");
    assert!(pairs.iter().any(|p| p.get("moved").is_none()), "a pair in order carries no mark");
}

/// The schema of one line of `align --pairs`, with the report schema it refers to registered.
fn pairs_schema() -> jsonschema::Validator {
    let read = |path| serde_json::from_str::<Value>(&std::fs::read_to_string(path).unwrap()).unwrap();
    let report = read("docs/report.schema.json");
    let id = report["$id"].as_str().unwrap().to_string();
    jsonschema::options()
        .with_resource(id, jsonschema::Resource::from_contents(report).unwrap())
        .build(&read("docs/align-pairs.schema.json"))
        .expect("the schema itself is valid")
}

#[test]
fn pairs_lines_follow_their_schema_which_rejects_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("pairs.jsonl");
    let here = std::env::current_dir().unwrap();
    let mut lines: Vec<String> = article_pairs()
        .iter()
        .map(|(l, r)| serde_json::json!({"left": here.join(l), "right": here.join(r)}).to_string())
        .collect();
    lines.push(r#"{"left": "missing.txt", "right": "missing-too.txt"}"#.into());
    std::fs::write(&manifest, lines.join("\n")).unwrap();
    let out = newsalign().args(["align", "--pairs", manifest.to_str().unwrap(), "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let validator = pairs_schema();
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), article_pairs().len() + 1);
    for line in &lines {
        let errors: Vec<String> = validator.iter_errors(line).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "line does not follow docs/align-pairs.schema.json:\n{}", errors.join("\n"));
    }
    let mut extra = lines[0].clone();
    extra["elapsed"] = Value::from(1);
    assert!(!validator.is_valid(&extra), "an unknown line field must be rejected");
    let mut inner = lines[0].clone();
    inner["report"]["surprise"] = Value::Bool(true);
    assert!(!validator.is_valid(&inner), "the report inside a line keeps its own schema");
    let mut both = lines[0].clone();
    both["error"] = Value::from("x");
    assert!(!validator.is_valid(&both), "a line has a report or an error, not both");
}
