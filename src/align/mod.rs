//! align stage.
