//! The command line: every flag is defined once here (and in the per-command files), and
//! `--help`, the man page and shell completions all come from these definitions.

mod align;
mod check;
mod common;
mod completions;
mod dedup;
mod facts;
mod split;

use clap::{Parser, Subcommand};
pub use common::ColorArg;

/// Compare news articles across French and English: find duplicates and translations, align
/// their sentences, and flag the numbers, dates and names on which they disagree.
#[derive(Parser, Debug)]
#[command(name = "newsalign", version, about, max_term_width = 100)]
pub struct Cli {
    /// When to use colours: auto (only on a terminal, and never when NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Clean articles and split them into sentences, marking boilerplate as noise.
    Split(split::SplitArgs),
    /// Extract numbers, dates and named entities with cross-language keys.
    Facts(facts::FactsArgs),
    /// Align the sentences of two versions of a story and flag where they disagree.
    #[command(
        override_usage = "newsalign align [OPTIONS] <LEFT> <RIGHT>\n       newsalign align [OPTIONS] --pairs <MANIFEST>"
    )]
    Align(align::AlignArgs),
    /// Find exact duplicates, near duplicates and translations in a corpus.
    Dedup(dedup::DedupArgs),
    /// Print each article's dedup sketch (id, language, band keys) as JSONL, for distributed runs.
    Sketch(dedup::SketchArgs),
    /// Check translated pairs against a policy, for CI: exit 1 when the policy rejects something.
    Check(check::CheckArgs),
    /// Print a shell completion script.
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff).
    Man(completions::ManArgs),
}

impl Command {
    /// Runs the command and returns the process exit status (see `newsalign::exit`).
    pub fn run(self) -> i32 {
        let result = match self {
            Command::Split(args) => split::run(args),
            Command::Facts(args) => facts::run(args),
            Command::Align(args) => align::run(args),
            Command::Dedup(args) => dedup::run(args),
            Command::Sketch(args) => dedup::run_sketch(args),
            Command::Check(args) => check::run(args),
            Command::Completions(args) => completions::run_completions(args),
            Command::Man(args) => completions::run_man(args),
        };
        match result {
            Ok(status) => status,
            Err(e) => {
                common::print_error(&e);
                newsalign::exit::ERROR
            }
        }
    }
}
