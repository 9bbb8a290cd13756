//! `newsalign dedup` and `newsalign sketch`: read → sketch (per article, in parallel) → find
//! pairs and clusters → report.

use super::common::{stream_articles, Framing, InputArgs, InputProblems, OutputArgs};
use clap::{Args, ValueEnum};
use newsalign::dedup::{self, record, Sketch};
use newsalign::{report, Error, InputError};
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DedupFormat {
    /// A summary of clusters for people.
    Text,
    /// One JSON object: {"pairs": [...], "clusters": [[...]]} (CONTRACT.md).
    Json,
    /// One JSON object a line: each pair, then each cluster.
    Jsonl,
}

#[derive(Args, Debug)]
pub struct DedupArgs {
    /// Articles: .txt, .html, .jsonl files, directories, or - for standard input (with --sketches:
    /// sketch JSONL files written by `newsalign sketch`).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DedupFormat::Text)]
    pub format: DedupFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Minimum score (0..1) of a near copy and of a translation, unless their own flag is given.
    #[arg(long, value_name = "X", value_parser = parse_fraction)]
    pub threshold: Option<f64>,
    /// Minimum estimated share of word shingles two articles of one language have in common,
    /// counted on the longer one so that it holds both ways (0..1), for a near copy [default: 0.5].
    #[arg(long, value_name = "X", value_parser = parse_fraction)]
    pub near_threshold: Option<f64>,
    /// Share of sentences two articles of different languages have in common, counted on the one
    /// with more sentences so that it holds both ways, that a translation must exceed (0..1)
    /// [default: 0.5].
    #[arg(long, value_name = "X", value_parser = parse_fraction)]
    pub translation_threshold: Option<f64>,
    /// Minimum weighted cosine of the language-independent keys (figures, names, cognates, lexicon
    /// translations) two sentences share for them to be linked across languages (0..1) [default: 0.3].
    #[arg(long, value_name = "X", value_parser = parse_fraction)]
    pub sentence_threshold: Option<f64>,
    /// Look only for exact and near copies, not for translations.
    #[arg(long)]
    pub no_translations: bool,
    /// Clusters larger than N list only their verified pairs instead of all pairs.
    #[arg(long, value_name = "N", default_value_t = dedup::Options::default().max_cluster)]
    pub max_cluster: usize,
    /// Also anchor translations on the full fact extraction (names with one key in both languages,
    /// resolved dates): finds a few more translations, about three times slower.
    #[arg(long)]
    pub facts: bool,
    /// The INPUTs are sketch JSONL files (`newsalign sketch`), not articles.
    #[arg(long)]
    pub sketches: bool,
    /// Verify only these candidate pairs (JSONL, {"a": id, "b": id} a line), e.g. from a join done
    /// on a cluster (docs/dedup.md), instead of searching the whole corpus.
    #[arg(long, value_name = "FILE")]
    pub candidates: Option<PathBuf>,
    /// Also write the candidate pairs this run verifies to FILE (JSONL, as --candidates reads).
    #[arg(long, value_name = "FILE")]
    pub emit_candidates: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SketchArgs {
    /// Articles: .txt, .html, .jsonl files, directories, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Also anchor translations on the full fact extraction (see `newsalign dedup --help`).
    #[arg(long)]
    pub facts: bool,
}

fn anchors(facts: bool) -> dedup::Anchors {
    if facts {
        dedup::Anchors::Facts
    } else {
        dedup::Anchors::Light
    }
}

fn parse_fraction(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("'{s}' is not a number between 0 and 1")),
    }
}

impl DedupArgs {
    fn options(&self) -> dedup::Options {
        let defaults = dedup::Options::default();
        dedup::Options {
            near_threshold: self.near_threshold.or(self.threshold).unwrap_or(defaults.near_threshold),
            translation_threshold: self
                .translation_threshold
                .or(self.threshold)
                .unwrap_or(defaults.translation_threshold),
            sentence_threshold: self.sentence_threshold.unwrap_or(defaults.sentence_threshold),
            translations: !self.no_translations,
            max_cluster: self.max_cluster,
        }
    }
}

pub fn run(args: DedupArgs) -> Result<i32, Error> {
    let mut problems = InputProblems::default();
    let mut timings = Timings::from_env();
    let sketches = if args.sketches {
        read_sketch_files(&args.inputs, &mut problems)
    } else {
        sketch_articles(&args, &mut problems)
    };
    let sketches = drop_repeated_ids(sketches, &mut problems);
    let opts = args.options();
    timings.lap("read and sketch");
    let corpus = dedup::Corpus::new(&sketches, &opts);
    timings.lap("sentence links");
    let candidates = match &args.candidates {
        Some(path) => {
            let index: HashMap<&str, u32> =
                sketches.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u32)).collect();
            record::read_candidates(path, &index, |e| problems.report(&e))?
        }
        None => corpus.candidates(),
    };
    if let Some(path) = &args.emit_candidates {
        newsalign::output::emit(Some(path), record::candidates_jsonl(&sketches, &candidates).as_bytes())?;
    }
    timings.lap("candidates");
    let result = corpus.verify(&candidates);
    timings.lap("verification and clusters");
    summarise(&result.summary(sketches.len()));
    let rendered = match args.format {
        DedupFormat::Json => report::dedup::json(&result),
        DedupFormat::Jsonl => report::dedup::jsonl(&result),
        DedupFormat::Text => {
            let styled = args.output.output.is_none() && super::common::stdout_is_styled();
            report::dedup::text(&result, styled)
        }
    };
    newsalign::output::emit(args.output.output.as_deref(), rendered.as_bytes())?;
    timings.lap("output");
    Ok(problems.status())
}

/// The summary goes to standard error when a person watches it, like the progress bar.
fn summarise(line: &str) {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        eprintln!("dedup: {line}");
    }
}

pub fn run_sketch(args: SketchArgs) -> Result<i32, Error> {
    stream_articles(&args.inputs, &args.input, &args.output, Framing::Concatenated, |article, options| {
        dedup::sketch_article(article, options, anchors(args.facts)).map(|s| record::to_json_line(&s))
    })
}

/// Sketches every article as the inputs stream by, with a progress bar on a terminal.
fn sketch_articles(args: &DedupArgs, problems: &mut InputProblems) -> Vec<Sketch> {
    let options = args.input.options();
    let progress = super::common::progress_bar("sketching", "articles");
    let mut sketches = Vec::new();
    let stream = newsalign::read::read_all_pending(&args.inputs, args.input.stdin_format());
    // Anchors only serve translations: a run without them skips most of the sketching work.
    let anchors = if args.no_translations { dedup::Anchors::None } else { anchors(args.facts) };
    newsalign::pipeline::process_stream(
        stream,
        |article| dedup::sketch_article(article, &options, anchors),
        |result| {
            progress.inc(1);
            match result {
                Ok(sketch) => sketches.push(sketch),
                Err(e) => problems.report(&e),
            }
        },
    );
    progress.finish_and_clear();
    sketches
}

fn read_sketch_files(paths: &[PathBuf], problems: &mut InputProblems) -> Vec<Sketch> {
    let mut sketches = Vec::new();
    for path in paths {
        for result in record::read_sketches(path) {
            match result {
                Ok(sketch) => sketches.push(sketch),
                Err(e) => problems.report(&e),
            }
        }
    }
    sketches
}

/// Pairs are named by id, so a second article with the same id is reported and left out.
fn drop_repeated_ids(sketches: Vec<Sketch>, problems: &mut InputProblems) -> Vec<Sketch> {
    let mut seen = std::collections::HashSet::new();
    sketches
        .into_iter()
        .filter(|s| {
            let fresh = seen.insert(s.id.clone());
            if !fresh {
                problems.report(&InputError::new(&s.id, "an earlier article has the same id; this one is left out"));
            }
            fresh
        })
        .collect()
}

/// Where a run's time goes, phase by phase, on standard error when `NEWSALIGN_TIMINGS` is set
/// (docs/dedup.md): wall-clock and CPU seconds (all threads) of each phase.
struct Timings {
    last: Option<(std::time::Instant, f64)>,
}

impl Timings {
    fn from_env() -> Self {
        let on = std::env::var_os("NEWSALIGN_TIMINGS").is_some_and(|v| !v.is_empty());
        Timings { last: on.then(|| (std::time::Instant::now(), dedup::cpu_seconds())) }
    }

    fn lap(&mut self, phase: &str) {
        if let Some((wall, cpu)) = self.last {
            let now = (std::time::Instant::now(), dedup::cpu_seconds());
            eprintln!("dedup timing: {phase}: wall {:.3} s, cpu {:.3} s", (now.0 - wall).as_secs_f64(), now.1 - cpu);
            self.last = Some(now);
        }
    }
}
