//! Speed of the facts stage (numbers, dates, entities) on generated French and English news text.
//!
//! Run with `cargo bench --bench facts`; divan reports bytes per second. The issue asks for at
//! least 5 MB/s per core.

use newsalign::facts;
use newsalign::Lang;

fn main() {
    divan::main();
}

const FR_SENTENCES: &[&str] = &[
    "Le ministre a annoncé lundi à Paris un plan de 1,5 milliard d'euros pour les hôpitaux.",
    "Selon l'Insee, le chômage a reculé de 0,3 point de pourcentage au premier trimestre 2024.",
    "Emmanuel Macron recevra mardi prochain le président chinois Xi Jinping à l'Élysée.",
    "Quelque 3 000 manifestants ont défilé samedi dernier entre la place de la République et Nation.",
    "La vitesse sera limitée à 80 km/h sur vingt-sept kilomètres de routes départementales.",
    "Il fait 35 °C à Marseille depuis hier, et la sécheresse touche 12 % des communes.",
    "Le Parlement européen votera le 6 mai 2024 sur le texte proposé par la Commission européenne.",
    "Les États-Unis et le Royaume-Uni ont sanctionné sept entreprises liées au groupe APT31.",
];

const EN_SENTENCES: &[&str] = &[
    "The minister announced on Monday in London a $2.3 billion plan for hospitals.",
    "According to the ONS, unemployment fell 0.3 percentage points in the first quarter of 2024.",
    "President Joe Biden will meet Chinese leader Xi Jinping next Tuesday at the White House.",
    "Some 3,000 protesters marched last Saturday from Trafalgar Square to Westminster.",
    "The speed limit will drop to 50 mph on twenty-seven miles of country roads.",
    "It has been 95 °F in Phoenix since yesterday, and the drought affects 12% of counties.",
    "The European Parliament will vote on May 6, 2024 on the text proposed by the European Commission.",
    "The United States and the United Kingdom sanctioned seven companies linked to the APT31 group.",
];

/// About `bytes` of text made of the sentences, in paragraphs of four, with the sentence starts.
fn corpus(sentences: &[&str], bytes: usize) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(bytes + 256);
    let mut starts = Vec::new();
    let mut k = 0;
    while text.len() < bytes {
        starts.push(text.len());
        text.push_str(sentences[k % sentences.len()]);
        k += 1;
        text.push_str(if k % 4 == 0 { "\n\n" } else { " " });
    }
    (text, starts)
}

const SIZE: usize = 2_000_000;

#[divan::bench(args = [Lang::Fr, Lang::En])]
fn extract_text(bencher: divan::Bencher, lang: Lang) {
    let sentences = if lang == Lang::Fr { FR_SENTENCES } else { EN_SENTENCES };
    let (text, starts) = corpus(sentences, SIZE);
    let published = chrono::NaiveDate::from_ymd_opt(2024, 5, 6);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| facts::extract_text(divan::black_box(&text), lang, published, &starts));
}
