//! The report stage: renders what the earlier stages found, for people and for machines.

pub mod facts;
pub mod split;
