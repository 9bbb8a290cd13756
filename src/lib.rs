//! newsalign compares news articles across French and English.
//!
//! The library is a one-way pipeline, one module per stage:
//! [`read`] → [`clean`] + [`segment`] (joined in [`document`]) → [`facts`] →
//! [`align`] → [`relation`] → [`compare`] → [`report`]. Corpus-level work lives in [`dedup`]
//! and [`check`]. Every stage is a function over plain structs, so the binary
//! only parses arguments and wires these calls together.

pub mod align;
pub mod analysis;
pub mod article;
pub mod check;
pub mod clean;
pub(crate) mod common_words;
pub mod compare;
pub mod dedup;
pub mod document;
pub mod error;
pub mod exit;
pub mod facts;
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
