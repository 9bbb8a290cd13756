//! Throughput of the split stage (segmentation + noise marking) in bytes per second.
//!
//! The corpus is generated: the paragraphs of the sample articles reshuffled into new articles,
//! with their numbers changed, so that the text is news-like, a few MB long, and not one article
//! repeated (which a cache could flatter).

use divan::counter::BytesCount;
use divan::Bencher;
use newsalign::Lang;

fn main() {
    divan::main();
}

const TARGET_BYTES: usize = 4 << 20;

/// Articles of about 2 KB made from the sample's paragraphs, in a deterministic pseudo-random
/// order, each number replaced by a varying one.
fn corpus(sample: &str) -> Vec<String> {
    let paragraphs: Vec<&str> = sample.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut articles = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        let mut article = String::new();
        for _ in 0..8 {
            let paragraph = paragraphs[(next() % paragraphs.len() as u64) as usize];
            let shift = next() % 90 + 1;
            for word in paragraph.split(' ') {
                match word.parse::<u64>() {
                    Ok(n) => article.push_str(&(n + shift).to_string()),
                    Err(_) => article.push_str(word),
                }
                article.push(' ');
            }
            article.push_str("\n\n");
        }
        total += article.len();
        articles.push(article);
    }
    articles
}

fn split_and_clean(text: &str, lang: Lang) -> usize {
    let spans = newsalign::segment::split(text, lang);
    let noise = newsalign::clean::mark_noise(text, &spans, lang);
    spans.len() + noise.iter().filter(|n| **n).count()
}

fn run(bencher: Bencher, sample: &str, lang: Lang) {
    let articles = corpus(sample);
    let bytes: usize = articles.iter().map(String::len).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| articles.iter().map(|a| split_and_clean(divan::black_box(a), lang)).sum::<usize>());
}

#[divan::bench(sample_count = 10)]
fn french(bencher: Bencher) {
    run(bencher, include_str!("../data/samples/fr.txt"), Lang::Fr);
}

#[divan::bench(sample_count = 10)]
fn english(bencher: Bencher) {
    run(bencher, include_str!("../data/samples/en.txt"), Lang::En);
}
