//! `newsalign completions SHELL` and `newsalign man`: generated from the clap definitions.

use clap::{Args, CommandFactory};
use newsalign::Error;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {}

pub fn run_completions(args: CompletionsArgs) -> Result<i32, Error> {
    let mut cmd = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "newsalign", &mut out);
    newsalign::output::emit(None, &out)?;
    Ok(newsalign::exit::SUCCESS)
}

pub fn run_man(_args: ManArgs) -> Result<i32, Error> {
    let cmd = super::Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out).map_err(|source| Error::Output { path: "<stdout>".into(), source })?;
    newsalign::output::emit(None, &out)?;
    Ok(newsalign::exit::SUCCESS)
}
