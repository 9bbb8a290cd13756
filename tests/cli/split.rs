//! `newsalign split` run like a user runs it: input formats, output formats, errors, exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn newsalign() -> Command {
    let mut cmd = Command::cargo_bin("newsalign").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn jsonl_output_has_the_contract_shape_and_true_offsets() {
    let out = newsalign().args(["split", "data/samples/fr.txt", "--format", "jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row["id"], "data/samples/fr.txt");
    assert_eq!(row["lang"], "fr");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/fr.txt")).unwrap();
    let sentences = row["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 20, "about twenty sentences: {}", sentences.len());
    for s in sentences {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
        assert!(s["noise"].is_boolean());
    }
    let noise: Vec<&str> =
        sentences.iter().filter(|s| s["noise"] == true).map(|s| s["text"].as_str().unwrap()).collect();
    assert!(noise.contains(&"Publicité") && noise.contains(&"Par Claire Dumoulin, AFP"), "{noise:?}");
    assert!(noise.iter().any(|n| n.starts_with("Lire aussi")), "{noise:?}");
}

#[test]
fn text_output_marks_noise_and_names_each_article() {
    newsalign()
        .args(["split", "data/samples/en.txt", "data/samples/fr.txt", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("==> data/samples/en.txt [en] <=="))
        .stdout(predicate::str::contains("==> data/samples/fr.txt [fr] <=="))
        .stdout(predicate::str::contains("~ Reading time: 3 min"))
        .stdout(predicate::str::contains("  Route D12 was closed for four hours."));
}

#[test]
fn json_format_is_one_array() {
    let out =
        newsalign().args(["split", "data/samples/en.txt", "data/samples/fr.txt", "--format", "json"]).output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc.as_array().map(Vec::len), Some(2));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    newsalign()
        .args(["split", "data/samples/en.txt", "--format", "jsonl", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let rows = json_lines(&std::fs::read(&target).unwrap());
    assert_eq!(rows[0]["lang"], "en");
}

#[test]
fn reads_jsonl_and_text_from_stdin() {
    let records = concat!(
        r#"{"id":"a1","text":"M. Durand est arrivé. Il pleut.","lang":"fr"}"#,
        "\n",
        r#"{"id":"b2","text":"Mr. Hale left the office at 5 p.m. on Monday. The rain fell all through the night."}"#,
        "\n"
    );
    let out = newsalign()
        .args(["split", "-", "--input-format", "jsonl", "--format", "jsonl"])
        .write_stdin(records)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out.stdout);
    assert_eq!((rows[0]["id"].as_str(), rows[0]["sentences"].as_array().unwrap().len()), (Some("a1"), 2));
    assert_eq!((rows[1]["id"].as_str(), rows[1]["lang"].as_str()), (Some("b2"), Some("en")));
    assert_eq!(rows[1]["sentences"][0]["text"], "Mr. Hale left the office at 5 p.m. on Monday.");

    newsalign()
        .args(["split", "-", "--lang", "en"])
        .write_stdin("The dam held. Residents went home.")
        .assert()
        .success()
        .stdout(predicate::str::contains("==> - [en] <==").and(predicate::str::contains("  Residents went home.")));
}

#[test]
fn reads_html_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "page.html",
        "<html><head><title>Dam</title></head><body><nav>Home</nav><article><h1>The dam held</h1>\
         <p>Engineers inspected the dam on Monday. It held.</p></article></body></html>"
            .as_bytes(),
    );
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(&dir.path().join("sub"), "note.txt", "La digue a tenu. Les habitants sont rentrés.".as_bytes());
    let out = newsalign().args(["split", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 2);
    let html_sentences: Vec<&str> =
        rows[0]["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(html_sentences, ["The dam held", "Engineers inspected the dam on Monday.", "It held."]);
    assert_eq!(rows[1]["lang"], "fr");
}

#[test]
fn bad_inputs_are_named_on_one_line_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("latin1.txt", b"caf\xe9 au lait", "invalid UTF-8"),
        ("empty.txt", b"  \n", "empty file"),
        ("report.pdf", b"%PDF-1.4", "unknown extension .pdf"),
        (
            "bad.jsonl",
            b"{\"id\":\"ok\",\"text\":\"The river rose.\",\"lang\":\"en\"}\n{not json\n",
            "bad.jsonl:2: malformed JSON",
        ),
    ];
    for (name, content, message) in cases {
        let bad = write(dir.path(), name, content);
        let out =
            newsalign().args(["split", "--format", "jsonl"]).arg(&bad).arg("data/samples/en.txt").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(name) && stderr.contains(message), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"));
        let ids: Vec<String> = json_lines(&out.stdout).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
        assert!(ids.contains(&"data/samples/en.txt".to_string()), "{name}: other inputs still processed: {ids:?}");
    }
    newsalign()
        .args(["split", "no/such/file.txt", "data/samples/fr.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt: no such file or directory"))
        .stdout(predicate::str::contains("[fr]"));
}

#[test]
fn another_language_is_reported_not_guessed_and_lang_forces_one() {
    let dir = tempfile::tempdir().unwrap();
    let german = write(
        dir.path(),
        "de.txt",
        "Die Feuerwehr hat am Dienstag einen Brand in der Fabrik gelöscht. Acht Menschen wurden leicht verletzt."
            .as_bytes(),
    );
    newsalign()
        .arg("split")
        .arg(&german)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("de.txt").and(predicate::str::contains("German")))
        .stderr(predicate::str::contains("--lang"));
    newsalign()
        .args(["split", "--lang", "fr"])
        .arg(&german)
        .assert()
        .success()
        .stdout(predicate::str::contains("[fr]"));
    newsalign()
        .args(["split", "--lang", "de", "data/samples/fr.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unsupported language"));
}

#[test]
fn a_record_language_wins_over_the_flag() {
    let out = newsalign()
        .args(["split", "-", "--input-format", "jsonl", "--format", "jsonl", "--lang", "en"])
        .write_stdin(r#"{"id":"x","text":"Le maire a parlé.","lang":"fr"}"#)
        .output()
        .unwrap();
    assert_eq!(json_lines(&out.stdout)[0]["lang"], "fr");
}

/// The shared evaluation kit, when it sits beside the repository (or beside its worktree).
fn shared_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .find(|p| p.join("eval/data/seeds/gold.json").exists())
}

#[test]
fn seed_boilerplate_is_noise_and_real_sentences_are_not() {
    let Some(shared) = shared_dir() else {
        eprintln!("../shared not found: seed check skipped");
        return;
    };
    let gold: Value =
        serde_json::from_slice(&std::fs::read(shared.join("eval/data/seeds/gold.json")).unwrap()).unwrap();
    for (side, column, lang) in [("left", 0, "fr"), ("right", 1, "en")] {
        let path = shared.join(gold[side].as_str().unwrap());
        let out = newsalign().args(["split", "--format", "jsonl", "--lang", lang]).arg(&path).output().unwrap();
        let rows = json_lines(&out.stdout);
        let sentences = rows[0]["sentences"].as_array().unwrap();
        let holding = |snippet: &str| -> Vec<&Value> {
            sentences.iter().filter(|s| s["text"].as_str().unwrap().contains(snippet)).collect()
        };
        for snippet in gold["noise"][side].as_array().unwrap() {
            let found = holding(snippet.as_str().unwrap());
            assert!(!found.is_empty() && found.iter().all(|s| s["noise"] == true), "{side}: not noise: {snippet}");
        }
        let content = ["strong", "partial"]
            .iter()
            .flat_map(|k| gold[*k].as_array().unwrap().iter().map(move |pair| pair[column].clone()))
            .chain(gold[format!("{side}_only")].as_array().unwrap().iter().cloned());
        for snippet in content {
            for s in holding(snippet.as_str().unwrap()) {
                assert_eq!(s["noise"], false, "{side}: real sentence marked noise: {snippet}");
            }
        }
    }
}

#[test]
fn a_page_nested_a_million_levels_deep_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("<html><body>{}Le feu a repris dans la nuit.", "<span>".repeat(1_000_000));
    let path = write(dir.path(), "deep.html", page.as_bytes());
    newsalign()
        .args(["split", "--lang", "fr"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Le feu"));
}

#[test]
fn a_report_file_is_whole_or_absent_and_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let bad =
        write(dir.path(), "bad.jsonl", b"{\"id\":\"a\",\"text\":\"Le feu a repris.\",\"lang\":\"fr\"}\n{broken\n");
    let out = dir.path().join("out.jsonl");
    newsalign().args(["split", "--format", "jsonl", "-o"]).arg(&out).arg(&bad).assert().code(2);
    assert!(!out.exists(), "no partial report");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let good = write(dir.path(), "good.txt", "Le feu a repris dans la nuit.".as_bytes());
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
        newsalign().args(["split", "--lang", "fr", "-o"]).arg(&out).arg(&good).assert().success();
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o644);
        assert!(std::fs::read_to_string(&out).unwrap().contains("Le feu"));
    }
}
