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

/// Parallel sentence templates for the generated corpus: {P} a person, {C} a city, {N} a figure.
const TEMPLATES: [(&str, &str); 8] = [
    (
        "{P} told reporters in {C} that {N} jobs would be created.",
        "{P} a déclaré à {C} que {N} emplois seraient créés.",
    ),
    (
        "The council of {C} voted a budget of {N} euros for {P}.",
        "Le conseil de {C} a voté un budget de {N} euros pour {P}.",
    ),
    (
        "Police in {C} questioned {P} for {N} hours on Tuesday.",
        "La police de {C} a interrogé {P} pendant {N} heures mardi.",
    ),
    ("{P} won the {C} marathon in {N} minutes.", "{P} a remporté le marathon de {C} en {N} minutes."),
    (
        "About {N} people attended the concert given by {P} in {C}.",
        "Environ {N} personnes ont assisté au concert de {P} à {C}.",
    ),
    (
        "The hospital of {C} hired {N} nurses, director {P} said.",
        "L'hôpital de {C} a recruté {N} infirmières, selon la directrice {P}.",
    ),
    (
        "{P} will present the report to the {C} parliament on {N} March.",
        "{P} présentera le rapport au parlement de {C} le {N} mars.",
    ),
    (
        "Exports from {C} rose by {N} percent, according to {P}.",
        "Les exportations de {C} ont augmenté de {N} %, selon {P}.",
    ),
];

/// A deterministic invented name (SplitMix64 over `n`): "Kovarel", "Tisamon"...
fn invented(n: u64) -> String {
    const SYLLABLES: [&str; 16] =
        ["ko", "va", "rel", "ti", "sa", "mon", "dru", "pel", "ga", "zor", "li", "ne", "bra", "qui", "fo", "ust"];
    let mut x = n.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0xd1b5_4a32_d192_ed03;
    let mut word = String::new();
    for _ in 0..3 {
        x = (x ^ (x >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        word.push_str(SYLLABLES[(x >> 59) as usize % SYLLABLES.len()]);
    }
    let mut chars = word.chars();
    chars.next().unwrap().to_uppercase().chain(chars).collect()
}

/// A corpus shaped like a growing news corpus: 30 stories in English and French (some with a
/// near copy), and 600 articles each made of one sentence of six to nine different stories, so
/// that every sentence of a story is reused many times. Returns the records and each story's
/// (English id, French id).
fn reused_sentences_corpus() -> (Vec<Value>, Vec<(String, String)>) {
    let mut stories: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for s in 0..30u64 {
        let (mut en, mut fr) = (Vec::new(), Vec::new());
        for k in 0..6 + s % 5 {
            let (e, f) = TEMPLATES[((s * 7 + k * 3) % 8) as usize];
            let fill = |t: &str| {
                t.replace("{P}", &invented(s * 100 + k))
                    .replace("{C}", &invented(s * 100 + k + 50))
                    .replace("{N}", &(10 + (s * 37 + k * 11) % 90).to_string())
            };
            en.push(fill(e));
            fr.push(fill(f));
        }
        stories.push((en, fr));
    }
    let mut records = Vec::new();
    let mut pairs = Vec::new();
    for (s, (en, fr)) in stories.iter().enumerate() {
        records.push(record(&format!("s{s}-en"), "en", &en.join(" ")));
        records.push(record(&format!("s{s}-fr"), "fr", &fr.join(" ")));
        if s % 3 == 0 {
            let near = format!("By Claire Martin\n\n{}", fr[1..].join(" "));
            records.push(record(&format!("s{s}-fr-near"), "fr", &near));
        }
        pairs.push((format!("s{s}-en"), format!("s{s}-fr")));
    }
    for d in 0..600usize {
        let (lang, count) = (if d % 2 == 0 { "en" } else { "fr" }, 6 + d % 4);
        let sentences: Vec<&str> = (0..count)
            .map(|k| {
                let (en, fr) = &stories[(d * 7 + k * 11) % stories.len()];
                let n = (d / 3 + k * 5) % en.len();
                if lang == "en" {
                    en[n].as_str()
                } else {
                    fr[n].as_str()
                }
            })
            .collect();
        records.push(record(&format!("d{d}"), lang, &sentences.join(" ")));
    }
    (records, pairs)
}

#[test]
fn sketches_and_emitted_candidates_reproduce_the_local_run_on_reused_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let (records, stories) = reused_sentences_corpus();
    let path = dir.path().join("corpus.jsonl");
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let local = dedup_json(&[path.to_str().unwrap()]);
    for (en, fr) in &stories {
        assert_eq!(relation_of(&local, en, fr).as_deref(), Some("translation"), "{en} {fr}");
    }
    let borrowed = local["pairs"].as_array().unwrap().iter().find(|p| {
        let (a, b) = (p["a"].as_str().unwrap(), p["b"].as_str().unwrap());
        a.starts_with('s') != b.starts_with('s')
    });
    assert_eq!(borrowed, None, "an article that borrows one sentence of a story is no copy of it");
    assert_scale_out_matches(dir.path(), &path, &local);
}

/// `sketch`, then `dedup --sketches --emit-candidates`, then `dedup --sketches --candidates` give
/// the report of `dedup` on the articles.
fn assert_scale_out_matches(dir: &Path, corpus: &Path, local: &Value) {
    let sketches = dir.join("sketches.jsonl");
    let candidates = dir.join("candidates.jsonl");
    let out =
        newsalign().args(["sketch", corpus.to_str().unwrap(), "-o", sketches.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let emitted =
        dedup_json(&[sketches.to_str().unwrap(), "--sketches", "--emit-candidates", candidates.to_str().unwrap()]);
    assert_eq!(&emitted, local);
    let verified =
        dedup_json(&[sketches.to_str().unwrap(), "--sketches", "--candidates", candidates.to_str().unwrap()]);
    assert_eq!(&verified, local);
}

/// The same on the evaluation kit's dedup-dev corpus, read in place, when the kit is present.
#[test]
fn scale_out_matches_the_local_run_on_the_kit_corpus_when_present() {
    let kit = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/data/dedup-dev/corpus.jsonl");
    if !kit.exists() {
        eprintln!("skipped: {} is absent", kit.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let local = dedup_json(&[kit.to_str().unwrap()]);
    assert!(!local["pairs"].as_array().unwrap().is_empty());
    assert_scale_out_matches(dir.path(), &kit, &local);
}
