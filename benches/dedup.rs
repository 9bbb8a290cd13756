//! Benchmark of `dedup` end to end (read → sketch → find → JSON report) over generated corpora of
//! 10,000 and 100,000 articles.
//!
//! The corpus is invented here: stories are drawn from parallel English/French sentence templates
//! filled with generated names, places and figures; each story has an English and a French
//! article (translations), 30% get a near copy in one language (a byline, a "Read more" line,
//! a sentence or two dropped), 10% an exact copy (re-wrapped lines, a footer), and a quarter of
//! the records are unrelated single-language articles.
//!
//! `DEDUP_BENCH_CORPUS=DIR cargo bench --bench dedup` also leaves the corpora in DIR
//! (`corpus-10000.jsonl`, `corpus-100000.jsonl`), to time the binary itself, e.g.
//! `/usr/bin/time -v target/release/newsalign dedup DIR/corpus-100000.jsonl --format json -o /dev/null`.

use newsalign::dedup;
use std::path::{Path, PathBuf};

/// The allocator of the `newsalign` binary (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A small deterministic generator (SplitMix64), so every run benchmarks the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        newsalign::dedup::hash::mix(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
    fn pick<'a>(&mut self, items: &'a [String]) -> &'a str {
        &items[self.below(items.len())]
    }
}

/// Parallel sentence templates. Slots: {P} person, {C} city, {O} organisation, {N} thousands,
/// {M} small number, {Y} year, {D} day of month, {MO} month, {W} weekday.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "{P}, the mayor of {C}, announced on {W} that {N} new homes would be built by {Y}.",
        "{P}, maire de {C}, a annoncé {W} que {N} nouveaux logements seraient construits d'ici {Y}.",
    ),
    (
        "The project will cost {M} million euros, according to {O}.",
        "Le projet coûtera {M} millions d'euros, selon {O}.",
    ),
    (
        "Police in {C} arrested {M} people after clashes near the central station.",
        "La police de {C} a interpellé {M} personnes après des heurts près de la gare centrale.",
    ),
    (
        "{O} reported a profit of {M} million dollars for {Y}, up {M} percent.",
        "{O} a publié un bénéfice de {M} millions de dollars pour {Y}, en hausse de {M} %.",
    ),
    ("The trial of {P} will open in {C} on {D} {MO}.", "Le procès de {P} s'ouvrira à {C} le {D} {MO}."),
    ("About {N} spectators attended the final in {C}.", "Environ {N} spectateurs ont assisté à la finale à {C}."),
    (
        "{P} said the decision was \"a serious mistake\" and called for a new vote.",
        "{P} a estimé que la décision était \"une grave erreur\" et a réclamé un nouveau vote.",
    ),
    (
        "The regional council of {C} plans to hire {N} teachers before {Y}.",
        "Le conseil régional de {C} prévoit de recruter {N} enseignants avant {Y}.",
    ),
    (
        "Residents expressed concern about the traffic and the noise.",
        "Les habitants se sont inquiétés de la circulation et du bruit.",
    ),
    (
        "The minister, {P}, visited the site on {W} with representatives of {O}.",
        "La ministre, {P}, s'est rendue sur le site {W} avec des représentants de {O}.",
    ),
    (
        "Firefighters from {C} rescued {M} hikers trapped by the storm.",
        "Les pompiers de {C} ont secouru {M} randonneurs bloqués par l'orage.",
    ),
    (
        "Sales of electric cars rose by {M} percent in {MO}, {O} said.",
        "Les ventes de voitures électriques ont progressé de {M} % en {MO}, a indiqué {O}.",
    ),
    (
        "The festival, created in {Y}, welcomed {N} visitors last summer.",
        "Le festival, créé en {Y}, a accueilli {N} visiteurs l'été dernier.",
    ),
    (
        "Negotiations between {O} and the unions resumed on {W} in {C}.",
        "Les négociations entre {O} et les syndicats ont repris {W} à {C}.",
    ),
    (
        "{P} has been appointed director of {O}, replacing {P}.",
        "{P} a été nommé directeur de {O}, en remplacement de {P}.",
    ),
    (
        "The new bridge over the river will open to traffic on {D} {MO} {Y}.",
        "Le nouveau pont sur le fleuve sera ouvert à la circulation le {D} {MO} {Y}.",
    ),
    (
        "Prices at the pump fell for the {M}th week in a row.",
        "Les prix à la pompe ont baissé pour la {M}e semaine consécutive.",
    ),
    (
        "The hospital of {C} has opened a unit of {M} beds for children.",
        "L'hôpital de {C} a ouvert une unité de {M} lits pour les enfants.",
    ),
    (
        "An investigation has been opened, the prosecutor of {C} said.",
        "Une enquête a été ouverte, a indiqué le procureur de {C}.",
    ),
    (
        "Exports to {C} reached {N} tonnes in {Y}, a record.",
        "Les exportations vers {C} ont atteint {N} tonnes en {Y}, un record.",
    ),
    (
        "The opposition denounced a plan that \"ignores the needs of families\".",
        "L'opposition a dénoncé un plan qui \"ignore les besoins des familles\".",
    ),
    (
        "{P}, {M}, won the race in {M} hours ahead of {P}.",
        "{P}, {M} ans, a remporté la course en {M} heures devant {P}.",
    ),
];

const MONTHS: [(&str, &str); 6] = [
    ("January", "janvier"),
    ("March", "mars"),
    ("May", "mai"),
    ("June", "juin"),
    ("October", "octobre"),
    ("December", "décembre"),
];
const WEEKDAYS: [(&str, &str); 5] = [
    ("Monday", "lundi"),
    ("Tuesday", "mardi"),
    ("Wednesday", "mercredi"),
    ("Thursday", "jeudi"),
    ("Friday", "vendredi"),
];

/// Invented proper names made of syllables: "Varelon", "Kestimar"...
fn names(rng: &mut Rng, count: usize, suffix: &str) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "va", "re", "lon", "kes", "ti", "mar", "do", "bel", "sa", "rin", "qua", "po", "len", "gor", "mi", "tra", "zu",
        "fel",
    ];
    (0..count)
        .map(|_| {
            let n = 2 + rng.below(2);
            let word: String = (0..n).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
            let mut chars = word.chars();
            let first = chars.next().unwrap().to_uppercase().collect::<String>();
            format!("{first}{}{suffix}", chars.as_str())
        })
        .collect()
}

struct Pools {
    people: Vec<String>,
    cities: Vec<String>,
    orgs: Vec<String>,
    /// Invented common words, index by index: English and French (not cognates).
    words: (Vec<String>, Vec<String>),
}

/// Invented lower-case words, so that sentences built on one template still differ.
fn vocabulary(rng: &mut Rng, count: usize) -> Vec<String> {
    let halves = names(rng, 2 * count, "");
    halves.chunks(2).map(|pair| (pair[0].clone() + &pair[1]).to_lowercase()).collect()
}

/// Thousands written the way each language writes them: 12,400 and 12 400.
fn thousands(n: u64, sep: &str) -> String {
    if n < 1000 {
        n.to_string()
    } else {
        format!("{}{sep}{:03}", n / 1000, n % 1000)
    }
}

/// One story: the same sentences in English and French, filled with the same values.
fn story(rng: &mut Rng, pools: &Pools) -> (Vec<String>, Vec<String>) {
    let count = 6 + rng.below(10);
    let (mut en, mut fr) = (Vec::new(), Vec::new());
    for _ in 0..count {
        let (mut e, mut f) = TEMPLATES[rng.below(TEMPLATES.len())];
        let (mut es, mut fs) = (String::new(), String::new());
        while let (Some(a), Some(b)) = (e.find('{'), f.find('{')) {
            es.push_str(&e[..a]);
            fs.push_str(&f[..b]);
            let (ea, fa) = (e[a..].find('}').unwrap() + a, f[b..].find('}').unwrap() + b);
            let (ev, fv) = match &e[a + 1..ea] {
                "P" => (rng.pick(&pools.people).to_string(), None),
                "C" => (rng.pick(&pools.cities).to_string(), None),
                "O" => (rng.pick(&pools.orgs).to_string(), None),
                "N" => {
                    let n = 1000 + rng.below(90_000) as u64;
                    (thousands(n, ","), Some(thousands(n, " ")))
                }
                "M" => ((2 + rng.below(60)).to_string(), None),
                "Y" => ((1990 + rng.below(40)).to_string(), None),
                "D" => ((1 + rng.below(28)).to_string(), None),
                "MO" => {
                    let (x, y) = MONTHS[rng.below(MONTHS.len())];
                    (x.to_string(), Some(y.to_string()))
                }
                _ => {
                    let (x, y) = WEEKDAYS[rng.below(WEEKDAYS.len())];
                    (x.to_string(), Some(y.to_string()))
                }
            };
            fs.push_str(fv.as_deref().unwrap_or(&ev));
            es.push_str(&ev);
            (e, f) = (&e[ea + 1..], &f[fa + 1..]);
        }
        es.push_str(e);
        fs.push_str(f);
        // A clause of invented words, the same words in both languages, so that stories built on
        // the same templates do not look alike.
        let clause: Vec<usize> = (0..4 + rng.below(5)).map(|_| rng.below(pools.words.0.len())).collect();
        for (text, words) in [(&mut es, &pools.words.0), (&mut fs, &pools.words.1)] {
            let end = text.pop().unwrap_or('.');
            text.push_str(", ");
            text.push_str(&clause.iter().map(|&w| words[w].as_str()).collect::<Vec<_>>().join(" "));
            text.push(end);
        }
        en.push(es);
        fr.push(fs);
    }
    (en, fr)
}

/// Sentences as paragraphs of one to three sentences.
fn layout(rng: &mut Rng, sentences: &[String]) -> String {
    let mut paragraphs = Vec::new();
    let mut rest = sentences;
    while !rest.is_empty() {
        let n = (1 + rng.below(3)).min(rest.len());
        paragraphs.push(rest[..n].join(" "));
        rest = &rest[n..];
    }
    paragraphs.join("\n\n")
}

fn near_copy(rng: &mut Rng, sentences: &[String], lang: &str, pools: &Pools) -> String {
    let mut kept = sentences.to_vec();
    for _ in 0..1 + rng.below(2) {
        if kept.len() > 4 {
            kept.remove(rng.below(kept.len()));
        }
    }
    let (by, more) = if lang == "en" {
        ("By", "Read more: Five things to know this week")
    } else {
        ("Par", "Lire aussi : Cinq choses à savoir cette semaine")
    };
    let body = layout(rng, &kept);
    let (head, tail) = body.split_at(body.find("\n\n").unwrap_or(body.len()));
    format!("{by} {}\n\n{head}\n\n{more}{tail}", rng.pick(&pools.people))
}

fn exact_copy(text: &str, lang: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split("\n\n") {
        let mut width = 0;
        for word in paragraph.split(' ') {
            if width + word.len() > 70 {
                out.push('\n');
                width = 0;
            } else if width > 0 {
                out.push(' ');
            }
            out.push_str(word);
            width += word.len() + 1;
        }
        out.push_str("\n\n");
    }
    let footer = if lang == "en" {
        "© 2024 The Courier. All rights reserved."
    } else {
        "© 2024 Le Courrier. Tous droits réservés."
    };
    out + footer + "\n"
}

/// `records` JSONL article records, in shuffled order.
fn corpus(records: usize) -> Vec<String> {
    let mut rng = Rng(records as u64);
    let pools = Pools {
        people: names(&mut rng, 3000, ""),
        cities: names(&mut rng, 800, "ville"),
        orgs: names(&mut rng, 600, " Group"),
        words: (vocabulary(&mut rng, 5000), vocabulary(&mut rng, 5000)),
    };
    let mut out: Vec<(String, String)> = Vec::new();
    let record = |lang: &str, text: String| (lang.to_string(), text);
    while out.len() < records {
        let (en, fr) = story(&mut rng, &pools);
        if rng.chance(0.25) {
            // An unrelated article: one language only.
            let (lang, s) = if rng.chance(0.5) { ("en", &en) } else { ("fr", &fr) };
            out.push(record(lang, layout(&mut rng, s)));
            continue;
        }
        let en_text = layout(&mut rng, &en);
        let fr_text = layout(&mut rng, &fr);
        if rng.chance(0.3) {
            let (lang, s) = if rng.chance(0.5) { ("en", &en) } else { ("fr", &fr) };
            out.push(record(lang, near_copy(&mut rng, s, lang, &pools)));
        }
        if rng.chance(0.1) {
            let (lang, t) = if rng.chance(0.5) { ("en", &en_text) } else { ("fr", &fr_text) };
            out.push(record(lang, exact_copy(t, lang)));
        }
        out.push(record("en", en_text));
        out.push(record("fr", fr_text));
    }
    out.truncate(records);
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    out.into_iter()
        .enumerate()
        .map(|(i, (lang, text))| serde_json::json!({"id": format!("r{i:06}"), "lang": lang, "text": text}).to_string())
        .collect()
}

/// Writes the corpus of `records` articles once per run (in DEDUP_BENCH_CORPUS when set).
fn corpus_file(records: usize) -> (Option<tempfile::TempDir>, PathBuf) {
    let (tmp, dir) = match std::env::var_os("DEDUP_BENCH_CORPUS") {
        Some(dir) => (None, PathBuf::from(dir)),
        None => {
            let tmp = tempfile::tempdir().unwrap();
            let dir = tmp.path().to_path_buf();
            (Some(tmp), dir)
        }
    };
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("corpus-{records}.jsonl"));
    std::fs::write(&path, corpus(records).join("\n") + "\n").unwrap();
    (tmp, path)
}

/// What `newsalign dedup FILE --format json` does, minus process start.
fn run_dedup(path: &Path) -> String {
    let opts = newsalign::pipeline::Options::default();
    let mut sketches = Vec::new();
    let stream = newsalign::read::read_all_pending(&[path.to_path_buf()], Default::default());
    newsalign::pipeline::process_stream(
        stream,
        |a| dedup::sketch_article(a, &opts, dedup::Anchors::Light),
        |r| sketches.push(r.unwrap()),
    );
    let report = dedup::find(&sketches, &dedup::Options::default());
    newsalign::report::dedup::json(&report)
}

#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn end_to_end(bencher: divan::Bencher, records: usize) {
    let (_keep, path) = corpus_file(records);
    bencher.counter(divan::counter::ItemsCount::new(records)).bench(|| run_dedup(&path));
}

/// The corpus-wide steps alone (candidates, verification, clusters), from ready sketches.
#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn find_from_sketches(bencher: divan::Bencher, records: usize) {
    let opts = newsalign::pipeline::Options::default();
    let sketches: Vec<dedup::Sketch> = corpus(records)
        .iter()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let article = newsalign::Article {
                id: v["id"].as_str().unwrap().into(),
                text: v["text"].as_str().unwrap().into(),
                lang: v["lang"].as_str().unwrap().parse().ok(),
                ..Default::default()
            };
            dedup::sketch_article(article, &opts, dedup::Anchors::Light).unwrap()
        })
        .collect();
    bencher
        .counter(divan::counter::ItemsCount::new(records))
        .bench(|| dedup::find(&sketches, &dedup::Options::default()));
}
