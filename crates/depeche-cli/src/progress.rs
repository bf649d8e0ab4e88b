//! A progress bar on standard error, only for large batches on a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Batches of at least this many inputs show a progress bar.
const MANY_INPUTS: usize = 32;
/// Batches of at least this many bytes show a progress bar.
const MANY_BYTES: u64 = 16 << 20;

/// The progress bar, or nothing: messages then go straight to standard error.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar over `total_bytes` when standard error is a terminal and the batch is large.
    pub fn new(enabled: bool, inputs: usize, total_bytes: u64) -> Progress {
        let large = inputs >= MANY_INPUTS || total_bytes >= MANY_BYTES;
        if !(enabled && large && std::io::stderr().is_terminal()) {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress(Some(bar))
    }

    /// A progress that shows nothing.
    pub fn hidden() -> Progress {
        Progress(None)
    }

    /// Count `bytes` more input as done.
    pub fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(bytes);
        }
    }

    /// Show the running counts.
    pub fn set_counts(&self, parsed: u64, failed: u64) {
        if let Some(bar) = &self.0 {
            bar.set_message(format!("{parsed} parsed, {failed} failed"));
        }
    }

    /// Print a line on standard error without garbling the bar.
    pub fn println(&self, line: &str) {
        match &self.0 {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
