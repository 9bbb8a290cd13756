//! `newsalign align`: two articles → sentence alignment → divergences → report.

use super::common::{InputArgs, OutputArgs, SeverityArgs};
use clap::{Args, ValueEnum};
use newsalign::align::{self, AlignOptions, Lexicon};
use newsalign::compare;
use newsalign::report::align::AlignReport;
use newsalign::report::compared::Compared;
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
    #[arg(value_name = "LEFT")]
    pub left: PathBuf,
    /// The right article (either language).
    #[arg(value_name = "RIGHT")]
    pub right: PathBuf,
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
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: AlignArgs) -> Result<i32, Error> {
    let rules = args.severity.rules()?;
    let lexicon = args.lexicon.as_deref().map(read_lexicon).transpose()?;
    let left = analyze(&args.left, args.lang_left, &args.input)?;
    let right = analyze(&args.right, args.lang_right, &args.input)?;
    let opts = AlignOptions { lexicon: lexicon.map(Arc::new), ..AlignOptions::default() };
    let alignment = align::align(&left, &right, &opts);
    let comparison = compare::compare(&left, &right, &alignment, &rules);
    let compared = Compared { left: &left, right: &right, alignment: &alignment, comparison: &comparison };
    let rendered = match args.format {
        AlignFormat::Json => AlignReport::new(&left, &right, &alignment, &comparison).to_json(),
        AlignFormat::Text => {
            let width = output_width(args.output.output.as_deref());
            report::side_by_side::render(&left.doc, &right.doc, &alignment, &comparison, width, args.show_noise)
        }
        AlignFormat::Markdown => report::markdown::render(&compared),
        AlignFormat::Html => report::html::render(&compared),
    };
    newsalign::output::emit(args.output.output.as_deref(), rendered.as_bytes())?;
    Ok(newsalign::exit::SUCCESS)
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
