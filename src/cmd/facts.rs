//! `newsalign facts`: read → clean → segment → extract facts → report.

use super::common::{stream_articles, Framing, InputArgs, OutputArgs};
use clap::{Args, ValueEnum};
use newsalign::{pipeline, report, Error};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    /// A table of facts per article.
    Text,
    /// One JSON array of articles.
    Json,
    /// One JSON object a line per article (CONTRACT.md).
    Jsonl,
}

#[derive(Args, Debug)]
pub struct FactsArgs {
    /// Articles: .txt, .html, .jsonl files, directories, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FactsFormat::Text)]
    pub format: FactsFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: FactsArgs) -> Result<i32, Error> {
    let framing = if args.format == FactsFormat::Json { Framing::JsonArray } else { Framing::Concatenated };
    stream_articles(&args.inputs, &args.input, &args.output, framing, |article, options| {
        let analysis = pipeline::analyze(article, options)?;
        Ok(match args.format {
            FactsFormat::Text => report::facts::text(&analysis),
            FactsFormat::Json | FactsFormat::Jsonl => report::facts::json_line(&analysis),
        })
    })
}
