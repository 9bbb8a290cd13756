//! `newsalign align`: two articles → sentence alignment → divergences → report.

use super::common::{InputArgs, OutputArgs};
use clap::{Args, ValueEnum};
use newsalign::align::{self, AlignOptions, Lexicon};
use newsalign::report::align::AlignReport;
use newsalign::{pipeline, report, Error, InputError, Lang};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// Both versions side by side, the pair score in the gutter.
    Text,
    /// The report of CONTRACT.md.
    Json,
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
    pub output: OutputArgs,
}

pub fn run(args: AlignArgs) -> Result<i32, Error> {
    let lexicon = args.lexicon.as_deref().map(read_lexicon).transpose()?;
    let left = analyze(&args.left, args.lang_left, &args.input)?;
    let right = analyze(&args.right, args.lang_right, &args.input)?;
    let opts = AlignOptions { lexicon: lexicon.map(Arc::new), ..AlignOptions::default() };
    let alignment = align::align(&left, &right, &opts);
    let rendered = match args.format {
        AlignFormat::Json => AlignReport::new(&left.doc, &right.doc, &alignment).to_json(),
        AlignFormat::Text => {
            let width = output_width(args.output.output.as_deref());
            report::side_by_side::render(&left.doc, &right.doc, &alignment, width, args.show_noise)
        }
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
