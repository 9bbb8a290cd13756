//! `newsalign align`: two articles → sentence alignment → divergences → report.

use clap::Args;
use newsalign::Error;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct AlignArgs {
    /// The left article (either language).
    #[arg(value_name = "LEFT")]
    pub left: PathBuf,
    /// The right article (either language).
    #[arg(value_name = "RIGHT")]
    pub right: PathBuf,
}

pub fn run(_args: AlignArgs) -> Result<i32, Error> {
    Err(Error::Usage("align is being built (issue 4)".into()))
}
