//! Flags shared by several commands, and the helpers that apply them.

use clap::{Args, ValueEnum};
use newsalign::config::Config;
use newsalign::pipeline::Options;
use newsalign::read::StdinFormat;
use newsalign::{Error, InputError, Lang};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// Sets the colour choice for every styled stream of the process (anstream also honours
    /// NO_COLOR and non-terminal output in `auto`).
    pub fn apply(self) {
        let choice = match self {
            ColorArg::Auto => anstream::ColorChoice::Auto,
            ColorArg::Always => anstream::ColorChoice::Always,
            ColorArg::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// Standard input is one plain-text article.
    Text,
    /// Standard input holds JSON Lines article records.
    Jsonl,
}

/// How articles are read and interpreted.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// How to read standard input (`-`): one text article, or JSON Lines records.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Text, value_name = "FORMAT")]
    pub input_format: InputFormatArg,

    /// Language of articles that do not state one (fr or en); detected when absent.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// Publication date (YYYY-MM-DD) for articles that have none: the reference for "lundi", "last week".
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub published: Option<chrono::NaiveDate>,
}

impl InputArgs {
    pub fn stdin_format(&self) -> StdinFormat {
        match self.input_format {
            InputFormatArg::Text => StdinFormat::Text,
            InputFormatArg::Jsonl => StdinFormat::Jsonl,
        }
    }

    pub fn options(&self) -> Options {
        Options { lang: self.lang, published: self.published }
    }
}

fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    newsalign::read::parse_date(s).ok_or_else(|| format!("'{s}' is not a date: use YYYY-MM-DD, e.g. 2024-05-06"))
}

/// Prints an error as one line on standard error.
pub fn print_error(e: &dyn std::fmt::Display) {
    let style = anstyle::Style::new().bold().fg_color(Some(anstyle::AnsiColor::Red.into()));
    anstream::eprintln!("newsalign: {style}error:{style:#} {e}");
}

/// Counts the inputs that could not be read, so the run goes on and the exit status says so at the end.
#[derive(Debug, Default)]
pub struct InputProblems {
    pub count: usize,
}

impl InputProblems {
    pub fn report(&mut self, e: &InputError) {
        self.count += 1;
        print_error(e);
    }

    /// The exit status of a run that otherwise succeeded.
    pub fn status(&self) -> i32 {
        if self.count > 0 {
            newsalign::exit::ERROR
        } else {
            newsalign::exit::SUCCESS
        }
    }
}

/// The `-o FILE` flag: where the report goes.
#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// Write the report to FILE (written whole or not at all) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    pub fn sink(&self) -> Result<newsalign::output::Sink, Error> {
        newsalign::output::Sink::open(self.output.as_deref())
    }
}

/// Whether styled output should be produced for standard output.
pub fn stdout_is_styled() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

/// How per-article reports are joined in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Rendered pieces are written one after the other (text, JSONL).
    Concatenated,
    /// Pieces are the elements of one JSON array.
    JsonArray,
}

/// Reads every input as a stream, renders each article in parallel batches, and writes the
/// results in input order. A bad input is reported and the run goes on; the status says so.
pub fn stream_articles<R>(
    inputs: &[PathBuf],
    input: &InputArgs,
    output: &OutputArgs,
    framing: Framing,
    render: R,
) -> Result<i32, Error>
where
    R: Fn(newsalign::Article, &Options) -> Result<String, InputError> + Sync,
{
    let options = input.options();
    let stream = newsalign::read::read_all_pending(inputs, input.stdin_format());
    let mut sink = output.sink()?;
    let mut problems = InputProblems::default();
    let mut write_error = None;
    let mut first = true;
    if framing == Framing::JsonArray {
        sink.write(b"[")?;
    }
    newsalign::pipeline::process_stream(
        stream,
        |article| render(article, &options),
        |result| match result {
            Ok(rendered) if write_error.is_none() => {
                let sep: &[u8] = if framing == Framing::JsonArray && !first { b",\n" } else { b"" };
                first = false;
                if let Err(e) = sink.write(sep).and_then(|_| sink.write(rendered.trim_end_matches('\n').as_bytes())) {
                    write_error = Some(e);
                } else if framing == Framing::Concatenated {
                    write_error = sink.write(b"\n").err();
                }
            }
            Ok(_) => {}
            Err(e) => problems.report(&e),
        },
    );
    if let Some(e) = write_error {
        return Err(e);
    }
    if problems.count > 0 && output.output.as_deref().is_some_and(|p| p != std::path::Path::new("-")) {
        // A report file is whole or absent: with inputs missing from it, it is not written
        // (dropping the sink deletes its temporary file).
        drop(sink);
        let name = output.output.as_deref().unwrap_or(std::path::Path::new("-")).display().to_string();
        print_error(&format!("{name}: not written, as {} input(s) could not be read", problems.count));
        return Ok(problems.status());
    }
    if framing == Framing::JsonArray {
        sink.write(b"]\n")?;
    }
    sink.finish()?;
    Ok(problems.status())
}

/// The configuration file and the flags over it: how much each divergence kind matters is the
/// default of `newsalign::compare::SeverityRules`, then the file's `[severity]` table, then each
/// `--severity` flag, in that order.
#[derive(Args, Debug, Clone, Default)]
pub struct SeverityArgs {
    /// Override one severity rule: KIND=LEVEL, LEVEL one of error, warning, info, off
    /// (e.g. --severity number_missing=error; KIND `moved` is a fact stated in another sentence).
    #[arg(long = "severity", value_name = "KIND=LEVEL")]
    pub rules: Vec<String>,

    /// Read the configuration from FILE instead of the newsalign.toml found in the working
    /// directory or the nearest folder above it (up to the repository root).
    #[arg(long = "config", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What the two versions are to each other: auto (detected from the alignment), translation
    /// (a one-sided fact is a fault) or comparable (independent reports: one-sided facts are normal).
    /// Overrides `relation` in the [compare] table of the config file.
    #[arg(long = "relation", value_name = "RELATION", value_parser = ["auto", "translation", "comparable"])]
    pub relation: Option<String>,
}

impl SeverityArgs {
    /// The configuration every command with settings reads, once: `--config FILE`, else the
    /// `newsalign.toml` found from the working directory up to the repository root
    /// (`newsalign::config`), then the `--severity` and `--relation` flags over its rules. `align`
    /// and `check` read it the same way, so they flag the same divergences for the same pair.
    pub fn discover(&self) -> Result<Config, Error> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut config = Config::discover(self.config.as_deref(), &cwd)?;
        for rule in &self.rules {
            config.severity.apply_override(rule).map_err(|e| Error::Usage(format!("--severity: {e}")))?;
        }
        if let Some(relation) = &self.relation {
            config.severity.set_relation(relation).map_err(|e| Error::Usage(format!("--relation: {e}")))?;
        }
        Ok(config)
    }
}

/// A progress bar on standard error for long corpus runs; hidden when standard error is not a
/// terminal, so logs and pipes stay clean.
pub fn progress_bar(label: &'static str, unit: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) =
        indicatif::ProgressStyle::with_template(&format!("{{spinner}} {{msg}} {{human_pos}} {unit} ({{per_sec}})"))
    {
        bar.set_style(style);
    }
    bar.set_message(label);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
