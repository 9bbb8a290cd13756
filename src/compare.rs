//! The compare stage: where two aligned versions disagree on a number, a date or a name.
//!
//! These types are the interface between alignment, the reports and `check`.

use serde::{Deserialize, Serialize};

/// Which version a piece of evidence comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

/// How much a divergence matters. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// What kind of disagreement was found (CONTRACT.md names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceKind {
    NumberMismatch,
    NumberMissing,
    DateMismatch,
    DateMissing,
    EntityMismatch,
    EntityMissing,
    EntityVariant,
    QuoteMissing,
}

/// One place of a divergence: a span of one version's text and its normalized value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub side: Side,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: String,
}

/// A disagreement inside an aligned pair. A fact on one side only has evidence on that side only;
/// a mismatch has evidence on both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Divergence {
    pub kind: DivergenceKind,
    pub severity: Severity,
    pub evidence: Vec<Evidence>,
}
