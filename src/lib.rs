//! newsalign compares news articles across French and English.
//!
//! The library is a one-way pipeline, one module per stage:
//! [`read`] → [`clean`] + [`segment`] (joined in [`document`]) → [`facts`] →
//! [`align`] → [`relation`] → [`compare`] → [`report`]. Corpus-level work lives in [`dedup`]
//! and [`check`]. Every stage is a function over plain structs, so the binary
//! only parses arguments and wires these calls together.
//!
//! Imports only go one way: a stage's input and output types live at or below it (an
//! [`analysis::Analysis`] next to [`Document`]), [`pipeline`] sits above the stages it calls and
//! the reports above it; what several stages share (the [`bilingual`] lexicon, the manifests of
//! [`read::manifest`], the JSON layout of [`output::json`]) lives below all of them.
//! `scripts/module_cycles.py` fails on an import loop. The settings of a run, from
//! `newsalign.toml`, are read once by [`config`], above the stages whose options it fills.

pub mod align;
pub mod analysis;
pub mod article;
pub mod bilingual;
pub mod check;
pub mod clean;
pub(crate) mod common_words;
pub mod compare;
pub mod config;
pub mod dedup;
pub mod document;
pub mod error;
pub mod exit;
pub mod facts;
#[cfg(feature = "html")]
pub mod html;
pub mod lang;
pub mod output;
pub mod pipeline;
pub mod read;
pub mod relation;
pub mod report;
pub mod segment;
pub mod text;

pub use article::Article;
pub use document::{Document, Sentence};
pub use error::{Error, InputError};
pub use lang::Lang;
