//! When two facts say the same thing: the equivalences that are not divergences.
//!
//! Facts arrive normalized (numbers as decimal strings, dates as ISO 8601 with `X` for unknown
//! parts, entities with a cross-language key), so most equivalences are equal values. What is
//! left here is what normalization cannot settle alone: a scale word one extractor missed, a
//! rounded figure, a date given at another precision, a spelling variant, and a fact the other
//! extractor missed but the other text plainly states.

use crate::bilingual::{stem, Lexicon};
use crate::facts::{Fact, FactKind};
use crate::lang::Lang;
use crate::text::fold;
use rustc_hash::FxHashSet as HashSet;
use std::sync::{LazyLock, OnceLock};

mod dates;
mod names;
mod numbers;
#[cfg(test)]
mod tests;
mod view;

pub use dates::*;
pub use names::*;
pub use numbers::*;
pub use view::*;

/// The three classes of fact divergences (CONTRACT.md: kinds begin with these names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Number,
    Date,
    Entity,
}

pub fn class_of(kind: FactKind) -> Class {
    match kind {
        FactKind::Number | FactKind::Ordinal | FactKind::Percent | FactKind::Money | FactKind::Quantity => {
            Class::Number
        }
        FactKind::Date => Class::Date,
        FactKind::Entity => Class::Entity,
    }
}

/// The class of a fact as compared: a bare year written as a number ("en 2011" read as the
/// number 2011 on one side, as a date on the other) is a date.
pub fn class_of_fact(fact: &Fact) -> Class {
    // Four digits first: the year of the value is only worked out for a text that may be one.
    let four_digits = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    if fact.kind == FactKind::Number
        && four_digits(fact.text.trim())
        && year_of_number(fact).is_some_and(|y| fact.text.trim() == y)
    {
        return Class::Date;
    }
    class_of(fact.kind)
}
