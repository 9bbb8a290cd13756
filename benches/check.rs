//! `check` throughput: 1,000 article pairs (the invented stories of tests/fixtures/check with
//! their numbers varied) read, aligned, compared and judged. Target: under 10 s on 2 cores.

use newsalign::check::{self, CheckOptions};
use newsalign::read::manifest::PairSpec;
use std::path::Path;

fn main() {
    divan::main();
}

/// Writes `n` pairs into `dir`, each a fixture story with its numbers shifted so no two pairs are
/// the same text; one pair in ten gets a planted number change on the English side.
fn corpus(dir: &Path, n: usize) -> Vec<PairSpec> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let stories = ["school", "storm", "bridge"];
    let texts: Vec<(String, String)> = stories
        .iter()
        .map(|s| {
            let read = |lang: &str| std::fs::read_to_string(fixtures.join(format!("{s}-{lang}.txt"))).unwrap();
            (read("fr"), read("en"))
        })
        .collect();
    (0..n)
        .map(|i| {
            let (fr, en) = &texts[i % texts.len()];
            let vary = |t: &str, extra: usize| {
                t.replace("549", &(549 + i + extra).to_string()).replace("12 m", &format!("{} m", 12 + i % 7))
            };
            let (left, right) = (dir.join(format!("{i}-fr.txt")), dir.join(format!("{i}-en.txt")));
            std::fs::write(&left, vary(fr, 0)).unwrap();
            std::fs::write(&right, vary(en, usize::from(i % 10 == 0))).unwrap();
            PairSpec { id: i.to_string(), left, right, published: None }
        })
        .collect()
}

#[divan::bench(args = [100, 1000], sample_count = 3)]
fn check_pairs(bencher: divan::Bencher, pairs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let specs = corpus(dir.path(), pairs);
    let opts = CheckOptions::default();
    bencher.counter(divan::counter::ItemsCount::new(pairs)).bench(|| check::check_specs(&specs, &opts, || {}));
}
