//! The `newsalign` binary: parses the command line and hands each command to the library.
//! Each subcommand's flags and wiring live in `cmd/`, one file per command.

mod cmd;

use clap::Parser;

fn main() {
    let cli = cmd::Cli::parse();
    cli.color.apply();
    let status = cli.command.run();
    std::process::exit(status);
}
