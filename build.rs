//! Stems the embedded French-English lexicon once, at build time.
//!
//! Alignment compares Snowball stems, so every lexicon word must be folded and stemmed before
//! use. Doing that for ~5,000 words at every start-up took about half of the instructions of a
//! `newsalign align` run on a short article pair. The build writes the stemmed pairs to
//! `$OUT_DIR/lexicon-stems.tsv` (`french_stem<TAB>english_stem...` a line), which
//! `src/align/lexicon.rs` embeds; a user's `--lexicon FILE` is still stemmed at run time with the
//! same fold, the same stemmers and the same TSV rules (the files below are shared, not copied).

#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

#[path = "src/align/lexicon_tsv.rs"]
mod lexicon_tsv;

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::fmt::Write as _;

const LEXICON: &str = "data/lexicon-fr-en.tsv";

fn main() {
    link_without_pie();
    for input in [LEXICON, "src/text.rs", "src/align/lexicon_tsv.rs", "build.rs"] {
        println!("cargo:rerun-if-changed={input}");
    }
    let tsv = std::fs::read_to_string(LEXICON).unwrap_or_else(|e| panic!("cannot read {LEXICON}: {e}"));
    let pairs = lexicon_tsv::word_pairs(&tsv).unwrap_or_else(|e| panic!("{LEXICON}: {e}"));
    let (french, english) = (Stemmer::create(Algorithm::French), Stemmer::create(Algorithm::English));
    // One line per French stem with its English stems, both in first-seen order, so that loading
    // is one map insertion a line.
    let mut entries: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (fr, en) in pairs {
        let fr = french.stem(&text::fold(fr)).into_owned();
        let en = english.stem(&text::fold(en)).into_owned();
        let at = *index.entry(fr.clone()).or_insert_with(|| {
            entries.push((fr, Vec::new()));
            entries.len() - 1
        });
        if !entries[at].1.contains(&en) {
            entries[at].1.push(en);
        }
    }
    let mut out = String::new();
    for (fr, en) in entries {
        writeln!(out, "{fr}\t{}", en.join("\t")).expect("writing to a String cannot fail");
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon-stems.tsv");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
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
