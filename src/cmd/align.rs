//! `newsalign align`: two articles (or every pair of a manifest) → sentence alignment →
//! divergences → report.

use super::common::{progress_bar, InputArgs, InputProblems, OutputArgs, SeverityArgs};
use clap::{Args, ValueEnum};
use newsalign::align::AlignOptions;
use newsalign::bilingual::Lexicon;
use newsalign::compare::{Severity, SeverityRules};
use newsalign::pipeline::AlignedPair;
use newsalign::read::manifest::{self, PairSpec};
use newsalign::report::align::{AlignReport, PairLine};
use newsalign::{pipeline, report, Error, InputError, Lang};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// Both versions side by side, the pair score in the gutter.
    Text,
    /// The versioned JSON report (CONTRACT.md fields; docs/report.schema.json).
    Json,
    /// Markdown for a pull-request comment: summary, flagged pairs, one-sided sentences, facts.
    Markdown,
    /// One self-contained HTML page (no network), both versions side by side.
    Html,
}

#[derive(Args, Debug)]
pub struct AlignArgs {
    /// The left article (either language): .txt, .html, or a one-record .jsonl.
    #[arg(value_name = "LEFT", required_unless_present = "pairs", conflicts_with = "pairs")]
    pub left: Option<PathBuf>,
    /// The right article (either language).
    #[arg(value_name = "RIGHT", required_unless_present = "pairs")]
    pub right: Option<PathBuf>,
    /// Align every pair of a manifest in one run (.jsonl of {"left", "right", "id", "published"},
    /// or .toml [[pair]] tables; paths relative to the manifest): with --format json, JSON Lines,
    /// one line a pair (docs/align-pairs.schema.json); with --format text, the views one after another.
    #[arg(long, value_name = "MANIFEST", conflicts_with_all = ["lang_left", "lang_right"])]
    pub pairs: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Language of the left article when it does not state one (wins over --lang).
    #[arg(long, value_name = "LANG")]
    pub lang_left: Option<Lang>,
    /// Language of the right article when it does not state one (wins over --lang).
    #[arg(long, value_name = "LANG")]
    pub lang_right: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AlignFormat::Text)]
    pub format: AlignFormat,
    /// Show boilerplate sentences (marked ~) in the text view.
    #[arg(long)]
    pub show_noise: bool,
    /// A TSV of extra French<TAB>English word pairs, added to the built-in lexicon.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    #[command(flatten)]
    pub severity: SeverityArgs,
    /// Report only divergences of this severity or above: info (all, the default), warning or error.
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub min_severity: Option<Severity>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A level in the words of every severity setting; `off` would hide nothing, so it is refused.
fn parse_severity(s: &str) -> Result<Severity, String> {
    newsalign::compare::severity::parse_level(s)?
        .ok_or_else(|| format!("'{s}' hides nothing: use info, warning or error"))
}

/// Drops the divergences below `--min-severity` (after the comparison, so what is reported at
/// a severity is the same with or without the filter).
fn keep_at_least(mut pair: AlignedPair, min: Option<Severity>) -> AlignedPair {
    if let Some(min) = min {
        for list in &mut pair.comparison.pairs {
            list.retain(|d| d.severity >= min);
        }
    }
    pair
}

pub fn run(args: AlignArgs) -> Result<i32, Error> {
    // the same newsalign.toml as `check` reads, found the same way
    let config = args.severity.discover()?;
    let (policy, rules) = (config.source_name(), config.severity);
    let lexicon = args.lexicon.as_deref().map(read_lexicon).transpose()?;
    let opts = AlignOptions { lexicon: lexicon.map(Arc::new), ..AlignOptions::default() };
    let (left, right) = match (&args.pairs, &args.left, &args.right) {
        (Some(manifest), _, _) => return run_pairs(manifest, &args, &opts, &rules, &policy),
        (None, Some(left), Some(right)) => (left, right),
        _ => return Err(Error::Usage("align needs LEFT and RIGHT, or --pairs MANIFEST".into())),
    };
    let left = analyze(left, args.lang_left, &args.input)?;
    let right = analyze(right, args.lang_right, &args.input)?;
    let pair = keep_at_least(AlignedPair::new(left, right, &opts, &rules), args.min_severity);
    write_report(pair, &args, &policy)?;
    Ok(newsalign::exit::SUCCESS)
}

/// Writes the report of one pair as it is made: a report of a long article is about as long as
/// the article (the text view twice), and is never held whole.
fn write_report(pair: AlignedPair, args: &AlignArgs, policy: &str) -> Result<(), Error> {
    let mut sink = args.output.sink()?;
    match args.format {
        AlignFormat::Text => {
            let width = output_width(args.output.output.as_deref());
            // a failed write is kept by the sink, and returned by `finish`
            let _ = report::side_by_side::render_into(&pair.compared(policy), width, args.show_noise, &mut sink);
        }
        AlignFormat::Json => {
            let json = AlignReport::of(&pair, policy);
            // the report holds its own copy of the sentences: the articles can go
            drop(pair);
            let _ = json.write_json(sink.io());
        }
        // a failed write is kept by the sink, and returned by `finish`
        AlignFormat::Markdown => report::markdown::render_into(&pair.compared(policy), &mut sink),
        AlignFormat::Html => report::html::render_into(&pair.compared(policy), &mut sink),
    }
    sink.finish()
}

/// `--pairs MANIFEST`: every pair aligned in parallel, written in manifest order as it is done.
/// A pair whose articles cannot be read is reported and the run goes on; the status says so.
fn run_pairs(
    manifest: &Path,
    args: &AlignArgs,
    opts: &AlignOptions,
    rules: &SeverityRules,
    policy: &str,
) -> Result<i32, Error> {
    if !matches!(args.format, AlignFormat::Json | AlignFormat::Text) {
        return Err(Error::Usage("--pairs writes --format json (JSON Lines) or --format text".into()));
    }
    let specs = manifest::read(manifest)?;
    let pipeline = args.input.options();
    let mut sink = args.output.sink()?;
    let mut problems = InputProblems::default();
    let mut write_error = None;
    let bar = progress_bar("aligning", "pairs");
    let work = |spec: &PairSpec| {
        let outcome =
            spec.analyze(&pipeline).map(|(l, r)| keep_at_least(AlignedPair::new(l, r, opts, rules), args.min_severity));
        let rendered = match (args.format, &outcome) {
            (AlignFormat::Json, _) => PairLine::new(spec, outcome.as_ref(), policy).to_json_line(),
            (_, Ok(pair)) => format!("== {} ==\n{}\n", spec.id, render(pair, args, policy)),
            (_, Err(_)) => String::new(),
        };
        (rendered, outcome.err())
    };
    pipeline::process_in_order(specs.iter(), work, |(rendered, problem)| {
        bar.inc(1);
        if let Some(e) = problem {
            problems.report(&e);
        }
        if write_error.is_none() {
            write_error = sink.write(rendered.as_bytes()).err();
        }
    });
    bar.finish_and_clear();
    if let Some(e) = write_error {
        return Err(e);
    }
    sink.finish()?;
    Ok(problems.status())
}

/// One pair in the chosen format, naming `policy` (the configuration file in force, or `defaults`).
fn render(pair: &AlignedPair, args: &AlignArgs, policy: &str) -> String {
    match args.format {
        AlignFormat::Json => AlignReport::of(pair, policy).to_json(),
        AlignFormat::Text => {
            let width = output_width(args.output.output.as_deref());
            report::side_by_side::render(&pair.compared(policy), width, args.show_noise)
        }
        AlignFormat::Markdown => report::markdown::render(&pair.compared(policy)),
        AlignFormat::Html => report::html::render(&pair.compared(policy)),
    }
}

fn analyze(path: &Path, lang: Option<Lang>, input: &InputArgs) -> Result<pipeline::Analysis, Error> {
    let mut options = input.options();
    options.lang = lang.or(options.lang);
    let article = newsalign::read::read_one(path, input.stdin_format())?;
    Ok(pipeline::analyze(article, &options)?)
}

fn read_lexicon(path: &Path) -> Result<Lexicon, Error> {
    let name = path.display().to_string();
    let tsv = std::fs::read_to_string(path).map_err(|e| InputError::new(&name, format!("cannot read lexicon: {e}")))?;
    Lexicon::builtin_with(&tsv).map_err(|e| InputError::new(&name, e).into())
}

/// The terminal's width when writing to one, else 80 columns.
fn output_width(output: Option<&Path>) -> usize {
    use std::io::IsTerminal;
    if output.is_none() && std::io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return w as usize;
        }
    }
    80
}
