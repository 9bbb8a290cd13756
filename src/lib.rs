//! newsalign compares news articles across French and English: which articles are the same story
//! (dedup), which sentence answers which (alignment), and where two versions disagree on a number,
//! a date or a name.
//!
//! # The library
//!
//! Four entry points, each a function over plain structs:
//!
//! - [`analyze`] an [`Article`]: its language, its sentences (boilerplate marked as noise) and the
//!   facts they state, as an [`Analysis`];
//! - align two analyses and compare their facts: [`AlignedPair::new`], reported as
//!   [`AlignReport::of`] (the JSON report of `newsalign align`);
//! - deduplicate records: [`sketch_article`] each one, then [`find_duplicates`] among the
//!   sketches ([`DedupReport`]);
//! - read articles from text or JSON records: [`text_article`], [`parse_record`].
//!
//! Each entry point's documentation has an example that runs: [`AlignedPair::new`] the whole
//! way from two texts to the report.
//!
//! Default features: `cli` (the `newsalign` binary and its crates) and `html` (`.html` input);
//! a library user can leave both out (`default-features = false`).
//!
//! The modules below the entry points are a one-way pipeline, one module per stage:
//! `read` → `clean` + `segment` (joined in `document`) → `facts` → `align` → `relation` →
//! `compare` → `report`; corpus-level work lives in `dedup` and `check`. Imports only go one way:
//! a stage's input and output types live at or below it (an `Analysis` next to `Document`),
//! `pipeline` sits above the stages it calls and the reports above it; what several stages share
//! (the `bilingual` lexicon, the manifests of `read::manifest`, the JSON layout of
//! `output::json`) lives below all of them. `scripts/module_cycles.py` fails on an import loop.
//! The settings of a run, from `newsalign.toml`, are read once by `config`, above the stages
//! whose options it fills.
//! Those modules are the binary's, the Python binding's and the benchmarks': they are public
//! for them, hidden from this documentation and free to change.

#![warn(missing_docs)]

#[doc(hidden)]
pub mod align;
pub(crate) mod analysis;
pub(crate) mod article;
#[doc(hidden)]
pub mod bilingual;
#[doc(hidden)]
pub mod check;
#[doc(hidden)]
pub mod clean;
pub(crate) mod common_words;
#[doc(hidden)]
pub mod compare;
#[doc(hidden)]
pub mod config;
#[doc(hidden)]
pub mod dedup;
pub(crate) mod document;
pub(crate) mod error;
#[doc(hidden)]
pub mod exit;
#[doc(hidden)]
pub mod facts;
#[cfg(feature = "html")]
pub(crate) mod html;
pub(crate) mod lang;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod pipeline;
#[doc(hidden)]
pub mod read;
pub(crate) mod relation;
#[doc(hidden)]
pub mod report;
#[doc(hidden)]
pub mod segment;
pub(crate) mod text;

pub use align::AlignOptions;
pub use analysis::Analysis;
pub use article::Article;
pub use compare::SeverityRules;
pub use dedup::{
    find as find_duplicates, sketch_article, Anchors, Options as DedupOptions, Report as DedupReport, Sketch,
};
pub use document::{Document, Sentence};
pub use error::{Error, InputError};
pub use lang::Lang;
pub use pipeline::{analyze, AlignedPair, Options};
pub use read::{parse_record, text_article};
pub use report::align::AlignReport;
