//! `newsalign check`: a CI gate over translated pairs.

use clap::Args;
use newsalign::Error;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// A manifest of pairs, or a corpus of articles.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

pub fn run(_args: CheckArgs) -> Result<i32, Error> {
    Err(Error::Usage("check is being built (issue 7)".into()))
}
