//! Exit codes, the same for every command.
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | success (for `check`: the policy accepted every pair) |
//! | 1    | `check` only: the policy rejected something |
//! | 2    | bad usage, or an input that could not be read (the run still processes the other inputs) |

/// Everything went well.
pub const SUCCESS: i32 = 0;
/// `check` found something its policy rejects.
pub const CHECK_FAILED: i32 = 1;
/// Bad usage or unreadable input.
pub const ERROR: i32 = 2;
