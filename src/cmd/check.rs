//! `newsalign check`: pairs → align → compare → judge by policy (and baseline) → report.

use super::common::{print_error, InputArgs, OutputArgs, SeverityArgs};
use clap::{Args, ValueEnum};
use newsalign::check::baseline::Baseline;
use newsalign::check::policy::FailOn;
use newsalign::check::{self, CheckOptions, CheckReport};
use newsalign::compare::DivergenceKind;
use newsalign::read::manifest;
use newsalign::report::check as render;
use newsalign::Error;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A summary for people: counts per kind, worst pairs first.
    Text,
    /// The whole result, versioned.
    Json,
    /// GitHub workflow annotations, plus a Markdown summary appended to $GITHUB_STEP_SUMMARY.
    Github,
    /// JUnit XML, one test case per pair.
    Junit,
    /// SARIF 2.1.0.
    Sarif,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// A manifest of pairs (.toml, or .jsonl of {left, right}), or a corpus of articles (files, directories) whose translations are paired automatically.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Severity rules (--severity KIND=LEVEL) and the policy file (--config FILE; by default
    /// newsalign.toml in the working directory or the nearest folder above).
    #[command(flatten)]
    pub severity: SeverityArgs,
    /// Lowest severity that fails a pair: error, warning, info or off (overrides check.fail_on).
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// Most unmatched content sentences allowed on either side of a pair.
    #[arg(long, value_name = "N")]
    pub max_unmatched: Option<usize>,
    /// Least share (0..1) of each side's content sentences that must be aligned.
    #[arg(long, value_name = "SHARE")]
    pub min_aligned_share: Option<f64>,
    /// A divergence kind that never fails the check (repeatable), e.g. entity_variant.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub ignore: Vec<DivergenceKind>,
    /// Report unreadable articles without failing the check.
    #[arg(long)]
    pub allow_missing: bool,
    /// Only divergences not recorded in this baseline file fail.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every divergence found today in FILE (and exit 0), for use with --baseline.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

fn parse_kind(s: &str) -> Result<DivergenceKind, String> {
    DivergenceKind::from_name(s)
        .ok_or_else(|| format!("'{s}' is not a divergence kind (e.g. number_missing, entity_variant)"))
}

pub fn run(args: CheckArgs) -> Result<i32, Error> {
    let (opts, source) = options(&args)?;
    let mut results = Vec::new();
    let mut corpus = Vec::new();
    for path in &args.inputs {
        if manifest::is_manifest(path) {
            match manifest::read(path) {
                Ok(specs) => {
                    let bar = super::common::progress_bar("checking", "pairs");
                    results.extend(check::check_specs(&specs, &opts, || bar.inc(1)));
                    bar.finish_and_clear();
                }
                Err(e) => return Err(e.into()),
            }
        } else {
            corpus.push(path.clone());
        }
    }
    if !corpus.is_empty() {
        let (found, problems) = check::check_corpus(&corpus, args.input.stdin_format(), &opts);
        results.extend(found);
        results.extend(
            problems.iter().map(|e| check::PairResult::unreadable(&e.path, e.to_string(), opts.policy.allow_missing)),
        );
    }
    for r in results.iter().filter_map(|r| r.error.as_ref()) {
        print_error(r);
    }
    if !results.iter().any(|r| r.left.is_some()) {
        // A gate that checked nothing must not pass: no pair was read (the lines above say why).
        let names: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(newsalign::InputError::new(names.join(", "), "no pair was checked").into());
    }
    let mut report = CheckReport::new(results, opts.baseline.as_ref());
    report.policy = source;
    if let Some(path) = &args.write_baseline {
        let baseline = report.to_baseline();
        newsalign::output::write_atomic(path, baseline.to_json().as_bytes())?;
        anstream::eprintln!("newsalign: recorded {} divergences in {}", baseline.entries.len(), path.display());
        return Ok(newsalign::exit::SUCCESS);
    }
    let rendered = match args.format {
        CheckFormat::Text => render::text(&report),
        CheckFormat::Json => render::json(&report),
        CheckFormat::Github => {
            append_step_summary(&render::markdown_summary(&report))?;
            render::github(&report)
        }
        CheckFormat::Junit => render::junit(&report),
        CheckFormat::Sarif => render::sarif(&report),
    };
    newsalign::output::emit(args.output.output.as_deref(), rendered.as_bytes())?;
    let unreadable = report.pairs.iter().any(|p| p.error.is_some());
    Ok(if unreadable && !opts.policy.allow_missing {
        newsalign::exit::ERROR
    } else if report.failed() {
        newsalign::exit::CHECK_FAILED
    } else {
        newsalign::exit::SUCCESS
    })
}

/// The policy, severity rules and baseline: config file first, flags over it; and the name of
/// the file in force.
fn options(args: &CheckArgs) -> Result<(CheckOptions, String), Error> {
    let config = args.severity.discover()?;
    let (source, severity, mut policy) = (config.source_name(), config.severity, config.policy);
    let d = &mut policy.defaults;
    d.fail_on = args.fail_on.unwrap_or(d.fail_on);
    d.max_unmatched = args.max_unmatched.or(d.max_unmatched);
    if let Some(share) = args.min_aligned_share {
        if !(0.0..=1.0).contains(&share) {
            return Err(Error::Usage(format!("--min-aligned-share {share} must lie between 0 and 1")));
        }
        d.min_aligned_share = Some(share);
    }
    d.ignore.extend(args.ignore.iter().copied());
    policy.allow_missing |= args.allow_missing;
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let opts = CheckOptions { pipeline: args.input.options(), severity, policy, baseline, ..CheckOptions::default() };
    Ok((opts, source))
}

/// GitHub shows the Markdown of `$GITHUB_STEP_SUMMARY` on the run's page; outside Actions it is unset.
fn append_step_summary(markdown: &str) -> Result<(), Error> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else { return Ok(()) };
    let path = Path::new(&path);
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(markdown.as_bytes()))
        .map_err(|source| Error::Output { path: path.display().to_string(), source })
}
