//! Alignment throughput on long generated article pairs (50, 500, 5,000 and 50,000 sentences a side):
//! comparable, not parallel — each side drops a tenth of the sentences and one paragraph moves.
//! `cargo bench --bench align`; figures are in docs/align.md.

use newsalign::align::{align, AlignOptions};
use newsalign::bilingual::Lexicon;
use newsalign::pipeline::{analyze, Analysis, Options};
use newsalign::{Article, Lang};
use std::sync::Arc;

fn main() {
    divan::main();
}

#[path = "common/lcg.rs"]
mod lcg;
use lcg::Lcg;

/// Vocabulary size: news articles use a few thousand distinct content words.
const VOCABULARY: usize = 3000;

/// A made-up word of 5 to 10 letters.
fn word(rng: &mut Lcg) -> String {
    (0..5 + rng.next(6)).map(|_| (b'a' + rng.next(26) as u8) as char).collect()
}

/// Made-up French and English words, and the lexicon that pairs them.
fn vocabulary() -> (Vec<(String, String)>, Lexicon) {
    let mut rng = Lcg(7);
    let words: Vec<(String, String)> = (0..VOCABULARY).map(|_| (word(&mut rng), word(&mut rng))).collect();
    let tsv: String = words.iter().map(|(fr, en)| format!("{fr}\t{en}\n")).collect();
    (words, Lexicon::builtin_with(&tsv).expect("generated lexicon is valid"))
}

/// A French and an English article of `n` sentences each before drops; word frequencies
/// follow a steep power law, as in real text.
fn article_pair(n: usize, words: &[(String, String)]) -> (Analysis, Analysis) {
    let mut rng = Lcg(n as u64);
    let mut pairs: Vec<(String, String)> = (0..n)
        .map(|i| {
            let picks: Vec<usize> = (0..8 + rng.next(10))
                .map(|_| {
                    let u = rng.next(1 << 20) as f64 / (1 << 20) as f64;
                    (u * u * u * VOCABULARY as f64) as usize
                })
                .collect();
            let fr: Vec<&str> = picks.iter().map(|&k| words[k].0.as_str()).collect();
            let en: Vec<&str> = picks.iter().map(|&k| words[k].1.as_str()).collect();
            let number = 13 + i * 7;
            (format!("Le {} a dit {number} fois.", fr.join(" ")), format!("The {} said {number} times.", en.join(" ")))
        })
        .collect();
    // Move one paragraph of the English side.
    if n >= 10 {
        let moved: Vec<(String, String)> = pairs.drain(n / 5..n / 5 + 3).collect();
        pairs.splice(n * 3 / 5..n * 3 / 5, moved);
    }
    let mut fr = String::new();
    let mut en = String::new();
    for (k, (f, e)) in pairs.iter().enumerate() {
        if rng.next(10) != 0 {
            fr.push_str(f);
            fr.push(if k % 3 == 2 { '\n' } else { ' ' });
        }
        if rng.next(10) != 0 {
            en.push_str(e);
            en.push(if k % 3 == 2 { '\n' } else { ' ' });
        }
    }
    let analysis = |id: &str, text: String, lang| {
        let article = Article { id: id.into(), text, lang: Some(lang), origin: id.into(), ..Article::default() };
        analyze(article, &Options::default()).expect("generated text is valid")
    };
    (analysis("fr", fr, Lang::Fr), analysis("en", en, Lang::En))
}

#[divan::bench(args = [50, 500, 5000, 50000], sample_count = 10)]
fn align_pair(bencher: divan::Bencher, sentences: usize) {
    let (words, lexicon) = vocabulary();
    let (fr, en) = article_pair(sentences, &words);
    let total = fr.doc.sentences.len() + en.doc.sentences.len();
    let opts = AlignOptions { lexicon: Some(Arc::new(lexicon)), ..AlignOptions::default() };
    bencher.counter(divan::counter::ItemsCount::new(total)).bench(|| align(divan::black_box(&fr), &en, &opts));
}
