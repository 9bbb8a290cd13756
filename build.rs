//! Lays out the data tables of `data/` at build time (`newsalign_tables::generate`, in `tables/`)
//! as Rust source in `$OUT_DIR`, which the library includes; and links the binary without PIE.

use std::path::{Path, PathBuf};

fn main() {
    // A directory is scanned for changes to any file in it; the writer is a build dependency,
    // so a change to `tables/` reruns this script too.
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The `freedict` feature embeds the FreeDict-derived lexicon (GPL-2.0-or-later, see data/README.md).
    let freedict = std::env::var_os("CARGO_FEATURE_FREEDICT").is_some();
    newsalign_tables::generate::write_all(Path::new(env!("CARGO_MANIFEST_DIR")), &out_dir, freedict);
    link_without_pie();
}

/// Links the `newsalign` binary as a fixed-address executable, on Linux.
///
/// A position-independent executable has every pointer in its static tables (the stemmers'
/// suffix tables, the language profiles, the embedded lexicons) patched by the loader at each
/// start: some 27,000 relocations and 150 page faults, about a third of a millisecond. That is
/// paid by every process, and `align` and `check` are run once per article pair, on pairs that take
/// about a millisecond to align. The library and the tests are not affected.
fn link_without_pie() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
