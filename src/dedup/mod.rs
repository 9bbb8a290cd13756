//! dedup stage.
