//! `newsalign split`: read → clean → segment → report.

use super::common::{stream_articles, Framing, InputArgs, OutputArgs};
use clap::{Args, ValueEnum};
use newsalign::{pipeline, report, Error};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SplitFormat {
    /// One sentence a line, noise marked.
    Text,
    /// One JSON array of articles.
    Json,
    /// One JSON object a line per article (CONTRACT.md).
    Jsonl,
}

#[derive(Args, Debug)]
pub struct SplitArgs {
    /// Articles: .txt, .html, .jsonl files, directories, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SplitFormat::Text)]
    pub format: SplitFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: SplitArgs) -> Result<i32, Error> {
    let styled = args.output.output.is_none() && super::common::stdout_is_styled();
    let framing = if args.format == SplitFormat::Json { Framing::JsonArray } else { Framing::Concatenated };
    stream_articles(&args.inputs, &args.input, &args.output, framing, |article, options| {
        let doc = pipeline::prepare(article, options)?;
        Ok(match args.format {
            SplitFormat::Text => report::split::text(&doc, styled),
            SplitFormat::Json | SplitFormat::Jsonl => report::split::json_line(&doc),
        })
    })
}
