//! `newsalign dedup` and `newsalign sketch`.

use clap::Args;
use newsalign::Error;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct DedupArgs {
    /// Articles: .txt, .html, .jsonl files, directories, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SketchArgs {
    /// Articles: .txt, .html, .jsonl files, directories, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

pub fn run(_args: DedupArgs) -> Result<i32, Error> {
    Err(Error::Usage("dedup is being built (issue 6)".into()))
}

pub fn run_sketch(_args: SketchArgs) -> Result<i32, Error> {
    Err(Error::Usage("sketch is being built (issue 6)".into()))
}
