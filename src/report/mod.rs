//! The report stage: renders what the earlier stages found, for people and for machines.

pub mod align;
pub mod facts;
pub mod side_by_side;
pub mod split;
pub mod compared;
pub mod html;
pub mod markdown;
