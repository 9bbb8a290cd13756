//! `newsalign dedup` and `newsalign sketch` run like a user runs them, over a small invented corpus.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const FIRE_EN: &str = "A wildfire near Aubagne burned 1,200 hectares on Tuesday and forced 340 residents to leave their homes.\n\n\
The prefect of Bouches-du-Rhône, Hélène Carrasco, said 650 firefighters and 12 water bombers from Marignane were fighting the blaze.\n\n\
Two firefighters were slightly injured. The A52 motorway between Aubagne and Aix-en-Provence was closed until Wednesday morning.\n\n\
Météo-France expects the mistral to weaken on Thursday, which should help the crews.";

const FIRE_FR: &str = "Un incendie près d'Aubagne a parcouru 1 200 hectares mardi et contraint 340 habitants à quitter leur domicile.\n\n\
La préfète des Bouches-du-Rhône, Hélène Carrasco, a indiqué que 650 pompiers et 12 bombardiers d'eau venus de Marignane luttaient contre le feu.\n\n\
Deux pompiers ont été légèrement blessés. L'autoroute A52 entre Aubagne et Aix-en-Provence est restée fermée jusqu'à mercredi matin.\n\n\
Météo-France prévoit un affaiblissement du mistral jeudi, ce qui devrait aider les équipes.";

const MUSEUM_EN: &str =
    "The Fabre museum in Montpellier has bought a painting by Frédéric Bazille for 2.4 million euros.\n\n\
The canvas, painted in 1867, had been kept by a family in Geneva for more than a century.\n\n\
Director Michel Hilaire said the Occitanie region and 1,800 private donors had helped finance the purchase.\n\n\
The painting will be shown to the public from 15 September.";

const MUSEUM_FR: &str = "Le musée Fabre de Montpellier a acquis un tableau de Frédéric Bazille pour 2,4 millions d'euros.\n\n\
La toile, peinte en 1867, était conservée depuis plus d'un siècle par une famille de Genève.\n\n\
Le directeur Michel Hilaire a précisé que la région Occitanie et 1 800 donateurs privés avaient aidé à financer l'achat.\n\n\
Le tableau sera présenté au public à partir du 15 septembre.";

const TRAIN_EN: &str =
    "Rail operator Northway will add 28 trains a day between Leeds and York from May, the company said on Monday.\n\n\
The new timetable follows complaints from commuters about crowded carriages at peak hours.";

const BAKERY_FR: &str =
    "À Quimper, la boulangerie Le Fournil de Kerfeunteun fête ses 90 ans avec une semaine de portes ouvertes.\n\n\
Yannick Le Gall, qui l'a reprise en 2003, propose des visites du fournil chaque matin à 7 heures.";

fn record(id: &str, lang: &str, text: &str) -> Value {
    json!({ "id": id, "lang": lang, "text": text })
}

/// The corpus: two stories in both languages, an exact copy (re-wrapped, with a noise line), a
/// near copy (a byline, a sentence dropped), and two unrelated articles.
fn corpus(dir: &Path) -> PathBuf {
    let rewrapped = FIRE_EN.replace("\n\n", "\n").replace(" and forced", "\nand  forced") + "\n\nAdvertisement\n";
    let near = format!(
        "By Claire Martin\n\n{}\n\nLe musée est ouvert tous les jours sauf le lundi, de 10 heures à 18 heures.",
        MUSEUM_FR.replace(
            "\n\nLa toile, peinte en 1867, était conservée depuis plus d'un siècle par une famille de Genève.",
            ""
        )
    );
    let records = [
        record("fire-en", "en", FIRE_EN),
        record("bakery-fr", "fr", BAKERY_FR),
        record("museum-fr", "fr", MUSEUM_FR),
        record("fire-fr", "fr", FIRE_FR),
        record("fire-en-copy", "en", &rewrapped),
        record("train-en", "en", TRAIN_EN),
        record("museum-en", "en", MUSEUM_EN),
        record("museum-fr-near", "fr", &near),
    ];
    let path = dir.join("corpus.jsonl");
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn newsalign() -> Command {
    Command::cargo_bin("newsalign").unwrap()
}

fn relation_of(report: &Value, a: &str, b: &str) -> Option<String> {
    report["pairs"].as_array().unwrap().iter().find_map(|p| {
        let (pa, pb) = (p["a"].as_str().unwrap(), p["b"].as_str().unwrap());
        ((pa, pb) == (a, b) || (pa, pb) == (b, a)).then(|| p["relation"].as_str().unwrap().to_string())
    })
}

fn dedup_json(args: &[&str]) -> Value {
    let out = newsalign().arg("dedup").args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn finds_copies_translations_and_every_pair_of_a_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus(dir.path());
    let report = dedup_json(&[path.to_str().unwrap()]);
    let clusters: Vec<Vec<String>> = serde_json::from_value(report["clusters"].clone()).unwrap();
    assert_eq!(
        clusters,
        vec![vec!["fire-en", "fire-fr", "fire-en-copy"], vec!["museum-fr", "museum-en", "museum-fr-near"]]
    );
    assert_eq!(report["pairs"].as_array().unwrap().len(), 6, "{report:#}");
    assert_eq!(relation_of(&report, "fire-en", "fire-en-copy").as_deref(), Some("exact"));
    assert_eq!(relation_of(&report, "fire-en", "fire-fr").as_deref(), Some("translation"));
    assert_eq!(relation_of(&report, "fire-fr", "fire-en-copy").as_deref(), Some("translation"));
    assert_eq!(relation_of(&report, "museum-fr", "museum-fr-near").as_deref(), Some("near"));
    assert_eq!(relation_of(&report, "museum-en", "museum-fr-near").as_deref(), Some("translation"));
    for pair in report["pairs"].as_array().unwrap() {
        let score = pair["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{pair}");
    }
}

#[test]
fn thresholds_and_options_change_what_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus(dir.path());
    let p = path.to_str().unwrap();
    let no_tr = dedup_json(&[p, "--no-translations"]);
    assert!(no_tr["pairs"].as_array().unwrap().iter().all(|x| x["relation"] != "translation"));
    assert_eq!(no_tr["clusters"].as_array().unwrap().len(), 2);
    let strict = dedup_json(&[p, "--no-translations", "--threshold", "0.95"]);
    assert_eq!(relation_of(&strict, "fire-en", "fire-en-copy").as_deref(), Some("exact"));
    assert_eq!(relation_of(&strict, "museum-fr", "museum-fr-near"), None);
    newsalign()
        .args(["dedup", p, "--threshold", "1.5"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a number between 0 and 1"));
}

#[test]
fn text_and_jsonl_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus(dir.path());
    let out = newsalign().args(["dedup", path.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("cluster 1 (3 articles)\n  fire-en\n  fire-fr  translation"), "{text}");
    assert!(text.contains("fire-en-copy  exact 1.00"), "{text}");
    assert!(text.ends_with("2 clusters; pairs: 1 exact, 1 near, 4 translation\n"), "{text}");
    let out_file = dir.path().join("pairs.jsonl");
    newsalign()
        .args(["dedup", path.to_str().unwrap(), "--format", "jsonl", "-o", out_file.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    let lines = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(lines.lines().count(), 6 + 2);
    assert!(lines.lines().last().unwrap().starts_with("{\"cluster\":["));
}

#[test]
fn bad_records_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus(dir.path());
    let mut content = std::fs::read_to_string(&path).unwrap();
    content.push_str("{\"id\": \"broken\", \"text\": \n");
    content.push_str(&record("fire-en", "en", "A second record with an id already used.").to_string());
    content.push('\n');
    std::fs::write(&path, content).unwrap();
    let out = newsalign().args(["dedup", path.to_str().unwrap(), "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("corpus.jsonl:9: malformed JSON record"), "{stderr}");
    assert!(stderr.contains("fire-en: an earlier article has the same id"), "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["clusters"].as_array().unwrap().len(), 2);
}

#[test]
fn sketches_and_candidates_reproduce_the_local_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus(dir.path());
    let out = newsalign().args(["sketch", path.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let sketches = String::from_utf8(out.stdout).unwrap();
    assert_eq!(sketches.lines().count(), 8);
    let first: Value = serde_json::from_str(sketches.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "fire-en");
    assert_eq!(first["lang"], "en");
    assert_eq!(first["bands"].as_array().unwrap().len(), 32);
    let sketch_file = dir.path().join("sketches.jsonl");
    std::fs::write(&sketch_file, &sketches).unwrap();

    let local = dedup_json(&[path.to_str().unwrap()]);
    let from_sketches = dedup_json(&[sketch_file.to_str().unwrap(), "--sketches"]);
    assert_eq!(local, from_sketches);

    // A join done elsewhere proposes candidates; only those that pass are kept, then their clusters.
    let candidates = dir.path().join("candidates.jsonl");
    std::fs::write(
        &candidates,
        "{\"a\":\"fire-en\",\"b\":\"fire-fr\"}\n{\"a\":\"fire-fr\",\"b\":\"fire-en-copy\"}\n{\"a\":\"fire-en\",\"b\":\"train-en\"}\n",
    )
    .unwrap();
    let verified =
        dedup_json(&[sketch_file.to_str().unwrap(), "--sketches", "--candidates", candidates.to_str().unwrap()]);
    assert_eq!(verified["clusters"], json!([["fire-en", "fire-fr", "fire-en-copy"]]));
    assert_eq!(verified["pairs"].as_array().unwrap().len(), 3);
}

#[test]
fn reads_directories_of_text_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fire-en.txt"), FIRE_EN).unwrap();
    std::fs::write(dir.path().join("fire-fr.txt"), FIRE_FR).unwrap();
    std::fs::write(dir.path().join("train-en.txt"), TRAIN_EN).unwrap();
    let report = dedup_json(&[dir.path().to_str().unwrap()]);
    let pairs = report["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{report:#}");
    assert_eq!(pairs[0]["relation"], "translation");
    assert!(pairs[0]["a"].as_str().unwrap().ends_with("fire-en.txt"));
}
