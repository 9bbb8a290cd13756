//! End-to-end alignment throughput: whole `newsalign align … --format json` processes, start-up
//! included, the way the evaluation kit and a corpus script run the tool (one process per pair).
//!
//! The pairs are generated: news-like French and English sentences built from the built-in
//! lexicon's word pairs, with figures, dates and places, comparable rather than parallel (each side
//! drops about a tenth of the sentences and one paragraph moves). 15 sentences a side is the size
//! of a short news story; 50 and 500 are long ones. `cargo bench --bench align_process`; the figures
//! are in docs/align.md.
//!
//! `align_pairs_process` times the corpus way instead: one `newsalign align --pairs MANIFEST`
//! process over 100 generated short pairs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    divan::main();
}

#[path = "common/lcg.rs"]
mod lcg;
use lcg::Lcg;

/// French and English content words that translate each other, from the built-in lexicon.
fn word_pairs() -> Vec<(String, String)> {
    let tsv = include_str!("../data/lexicon-fr-en.tsv");
    tsv.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .filter_map(|(fr, en)| Some((fr.to_string(), en.split(',').next()?.to_string())))
        .collect()
}

const PLACES: [(&str, &str); 6] = [
    ("Paris", "Paris"),
    ("Londres", "London"),
    ("l'Allemagne", "Germany"),
    ("Montréal", "Montreal"),
    ("la Belgique", "Belgium"),
    ("Genève", "Geneva"),
];
const MONTHS: [(&str, &str); 4] =
    [("mars", "March"), ("juin", "June"), ("septembre", "September"), ("novembre", "November")];

/// One sentence in each language: content words, a place, a figure and sometimes a date.
fn sentence_pair(rng: &mut Lcg, words: &[(String, String)], i: usize) -> (String, String) {
    let picks: Vec<&(String, String)> = (0..5 + rng.next(6)).map(|_| &words[rng.next(words.len())]).collect();
    let fr_words: Vec<&str> = picks.iter().map(|(fr, _)| fr.as_str()).collect();
    let en_words: Vec<&str> = picks.iter().map(|(_, en)| en.as_str()).collect();
    let (fr_place, en_place) = PLACES[rng.next(PLACES.len())];
    let figure = 12 + i * 37 % 900;
    let mut fr = format!(
        "Selon le rapport, les {} de {fr_place} sont {figure} pour la {}",
        fr_words.join(" et les "),
        fr_words[0]
    );
    let mut en = format!(
        "According to the report, the {} of {en_place} are {figure} for the {}",
        en_words.join(" and the "),
        en_words[0]
    );
    if rng.next(3) == 0 {
        let (fr_month, en_month) = MONTHS[rng.next(MONTHS.len())];
        let day = 1 + rng.next(28);
        fr.push_str(&format!(" depuis le {day} {fr_month}"));
        en.push_str(&format!(" since {en_month} {day}"));
    }
    fr.push('.');
    en.push('.');
    (fr, en)
}

/// Writes a French and an English article of about `n` sentences a side, drawn from `seed`;
/// returns their paths.
fn write_pair(dir: &Path, n: usize, seed: u64, words: &[(String, String)]) -> (PathBuf, PathBuf) {
    let mut rng = Lcg(seed);
    let mut pairs: Vec<(String, String)> = (0..n).map(|i| sentence_pair(&mut rng, words, i)).collect();
    if n >= 10 {
        let moved: Vec<(String, String)> = pairs.drain(n / 5..n / 5 + 3).collect();
        pairs.splice(n * 3 / 5..n * 3 / 5, moved);
    }
    let (mut fr, mut en) = (String::new(), String::new());
    for (k, (f, e)) in pairs.iter().enumerate() {
        let separator = if k % 3 == 2 { "\n\n" } else { " " };
        for (text, side) in [(f, &mut fr), (e, &mut en)] {
            if rng.next(10) != 0 {
                side.push_str(text);
                side.push_str(separator);
            }
        }
    }
    let (fr_path, en_path) = (dir.join(format!("fr-{n}-{seed}.txt")), dir.join(format!("en-{n}-{seed}.txt")));
    std::fs::write(&fr_path, fr).expect("temporary directory is writable");
    std::fs::write(&en_path, en).expect("temporary directory is writable");
    (fr_path, en_path)
}

/// Runs one whole alignment process; its JSON report.
fn align(tool: &str, fr: &Path, en: &Path) -> Vec<u8> {
    let out = Command::new(tool).arg("align").args([fr, en]).args(["--format", "json"]).output();
    match out {
        Ok(out) if out.status.success() => out.stdout,
        _ => panic!("newsalign align failed on the generated pair {}", fr.display()),
    }
}

/// The non-noise sentences of both sides, as the tool counted them: the throughput's unit.
fn sentences_in(report: &[u8]) -> usize {
    let report: serde_json::Value = serde_json::from_slice(report).expect("the report is JSON");
    let side = |name: &str| {
        report[name]["sentences"].as_array().map_or(0, |s| s.iter().filter(|s| s["noise"] == false).count())
    };
    side("left") + side("right")
}

#[divan::bench(args = [15, 50, 500], sample_count = 20)]
fn align_process(bencher: divan::Bencher, sentences_a_side: usize) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (fr, en) = write_pair(dir.path(), sentences_a_side, sentences_a_side as u64, &word_pairs());
    let tool = env!("CARGO_BIN_EXE_newsalign");
    let sentences = sentences_in(&align(tool, &fr, &en));
    bencher.counter(divan::counter::ItemsCount::new(sentences)).bench(|| align(tool, &fr, &en));
}

/// How many pairs the manifest of `align_pairs_process` lists.
const MANIFEST_PAIRS: u64 = 100;

/// Runs one whole `align --pairs` process; its JSON Lines.
fn align_pairs(tool: &str, manifest: &Path) -> Vec<u8> {
    let out = Command::new(tool).args(["align", "--pairs"]).arg(manifest).args(["--format", "json"]).output();
    match out {
        Ok(out) if out.status.success() => out.stdout,
        _ => panic!("newsalign align --pairs failed on {}", manifest.display()),
    }
}

#[divan::bench(args = [15], sample_count = 10)]
fn align_pairs_process(bencher: divan::Bencher, sentences_a_side: usize) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let words = word_pairs();
    let lines: Vec<String> = (0..MANIFEST_PAIRS)
        .map(|seed| {
            let (fr, en) = write_pair(dir.path(), sentences_a_side, 1000 + seed, &words);
            serde_json::json!({"left": fr, "right": en}).to_string()
        })
        .collect();
    let manifest = dir.path().join("pairs.jsonl");
    std::fs::write(&manifest, lines.join("\n")).expect("temporary directory is writable");
    let tool = env!("CARGO_BIN_EXE_newsalign");
    let output = align_pairs(tool, &manifest);
    let sentences: usize = output
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| {
            let line: serde_json::Value = serde_json::from_slice(line).expect("each line is JSON");
            sentences_in(line["report"].to_string().as_bytes())
        })
        .sum();
    bencher.counter(divan::counter::ItemsCount::new(sentences)).bench(|| align_pairs(tool, &manifest));
}
