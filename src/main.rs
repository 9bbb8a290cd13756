//! The `newsalign` binary: parses the command line and hands each command to the library.
//! Each subcommand's flags and wiring live in `cmd/`, one file per command.

mod cmd;

use clap::Parser;

/// mimalloc rather than the system allocator: the per-article stages allocate many small,
/// short-lived strings and vectors on every core, where glibc's malloc spent a fifth of a dedup
/// run (see docs/dedup.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = cmd::Cli::parse();
    newsalign::output::cleanup_on_signal();
    cli.color.apply();
    let status = cli.command.run();
    std::process::exit(status);
}
