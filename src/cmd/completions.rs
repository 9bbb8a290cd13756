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
pub struct ManArgs {
    /// A command whose page to print (e.g. align); the main page when absent.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

pub fn run_completions(args: CompletionsArgs) -> Result<i32, Error> {
    let mut cmd = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "newsalign", &mut out);
    newsalign::output::emit(None, &out)?;
    Ok(newsalign::exit::SUCCESS)
}

pub fn run_man(args: ManArgs) -> Result<i32, Error> {
    let main = super::Cli::command();
    let cmd = match &args.command {
        None => main,
        Some(name) => {
            let names: Vec<String> = main.get_subcommands().map(|c| c.get_name().to_string()).collect();
            let sub = main.find_subcommand(name).ok_or_else(|| {
                Error::Usage(format!("no man page for '{name}': the commands are {}", names.join(", ")))
            })?;
            // the page of `newsalign align` is newsalign-align(1), as git names its own
            let page: &'static str = Box::leak(format!("newsalign-{name}").into_boxed_str());
            let examples = sub.get_after_help().map(|h| format!("{h}\n\n")).unwrap_or_default();
            let extra =
                if examples.contains("Exit status") { examples } else { format!("{examples}{}", super::EXIT_STATUS) };
            sub.clone().name(page).after_help(extra)
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out).map_err(|source| Error::Output { path: "<stdout>".into(), source })?;
    newsalign::output::emit(None, &out)?;
    Ok(newsalign::exit::SUCCESS)
}
