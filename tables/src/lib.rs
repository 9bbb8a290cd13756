//! The data tables of newsalign, shared by its build script and its library.
//!
//! The build script lays the word lists and phrase tables of `data/` out as Rust source once
//! (module `generate`, with the feature `generate`); the library includes that source and looks words up in
//! place ([`map`]). Both read the data files with the readers of this crate and key words with
//! the same [`fold`], so the build and the run time cannot disagree.

#![warn(missing_docs)]

pub mod fold;
#[cfg(feature = "generate")]
pub mod generate;
pub mod lexicon_tsv;
pub mod map;
pub mod noise_list;
pub mod phrase_data;
pub mod stopwords;
pub mod word_lists;

pub use map::{StaticMap, StrList};
