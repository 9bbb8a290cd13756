//! The report stage: renders what the earlier stages found, for people and for machines.

pub mod align;
pub mod check;
pub mod compared;
pub mod dedup;
pub mod facts;
pub mod html;
pub mod markdown;
pub mod side_by_side;
pub mod split;
