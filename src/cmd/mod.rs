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
#[command(name = "newsalign", version, about, max_term_width = 100, after_help = EXIT_STATUS)]
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
    #[command(
        after_help = "Examples:\n  newsalign split article.html\n  newsalign split corpus/ --format jsonl -o sentences.jsonl\n  cat article.txt | newsalign split - --lang fr"
    )]
    Split(split::SplitArgs),
    /// Extract numbers, dates and named entities with cross-language keys.
    #[command(
        after_help = "Examples:\n  newsalign facts fr.txt --published 2024-05-06\n  newsalign facts corpus/ --format jsonl -o facts.jsonl"
    )]
    Facts(facts::FactsArgs),
    /// Align the sentences of two versions of a story and flag where they disagree.
    #[command(
        override_usage = "newsalign align [OPTIONS] <LEFT> <RIGHT>\n       newsalign align [OPTIONS] --pairs <MANIFEST>",
        after_help = "Examples:\n  newsalign align fr.txt en.txt\n  newsalign align fr.html en.html --format html -o report.html\n  newsalign align fr.txt en.txt --min-severity warning --format markdown\n  newsalign align --pairs pairs.toml --format json -o pairs.jsonl"
    )]
    Align(align::AlignArgs),
    /// Find exact duplicates, near duplicates and translations in a corpus.
    #[command(
        after_help = "Examples:\n  newsalign dedup corpus/\n  newsalign dedup articles.jsonl --format json -o clusters.json"
    )]
    Dedup(dedup::DedupArgs),
    /// Print each article's dedup sketch (id, language, band keys) as JSONL, for distributed runs.
    #[command(after_help = "Example:\n  newsalign sketch corpus/ -o sketches.jsonl")]
    Sketch(dedup::SketchArgs),
    /// Check translated pairs against a policy, for CI: exit 1 when the policy rejects something.
    #[command(
        after_help = "Examples:\n  newsalign check pairs.toml\n  newsalign check corpus/ --format github\n  newsalign check pairs.toml --fail-on warning --format junit -o check.xml\n\nExit status: 0 every pair passed, 1 the policy rejected a pair, 2 bad usage, unreadable input or nothing to check."
    )]
    Check(check::CheckArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  newsalign completions bash > ~/.local/share/bash-completion/completions/newsalign"
    )]
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff): the main page, or one command's page.
    #[command(after_help = "Examples:\n  newsalign man | man -l -\n  newsalign man align > newsalign-align.1")]
    Man(completions::ManArgs),
}

/// The exit-status section of `--help` and of every man page.
pub const EXIT_STATUS: &str = "Exit status:\n  0  success (check: every pair passed its policy)\n  1  check only: the policy rejected a pair\n  2  bad usage, an input that could not be read (the other inputs are still processed), or nothing to check";

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
