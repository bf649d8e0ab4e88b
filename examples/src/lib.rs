//! Runnable examples live in `rust/`.
