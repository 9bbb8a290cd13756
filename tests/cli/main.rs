//! The integration tests: the `newsalign` binary run like a user runs it, one module a command.
//!
//! One test crate rather than a file per command in `tests/`, so that `cargo test` links one
//! test binary (each link pulls in the whole dependency graph) instead of seven.

mod align;
mod check;
mod config;
mod dedup;
mod facts;
mod golden;
mod report;
mod split;
