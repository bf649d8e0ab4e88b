//! Parse options and the agency table.

use crate::agency::AgencyTable;

/// The default input-size limit: 64 MiB, far above any real article.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// How to parse. `ParseOptions::default()` is lenient, with a 64 MiB limit and the built-in agencies.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Fail with [`Error::NoBody`](crate::Error::NoBody) when no body paragraph is found.
    pub strict: bool,
    /// Inputs longer than this many bytes fail with [`Error::TooLarge`](crate::Error::TooLarge).
    pub max_bytes: usize,
    /// Agency names and their aliases, used to read credits.
    pub agencies: AgencyTable,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            strict: false,
            max_bytes: DEFAULT_MAX_BYTES,
            agencies: AgencyTable::default(),
        }
    }
}

impl ParseOptions {
    /// Set strict mode.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Set the input-size limit in bytes.
    #[must_use]
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Replace the agency table.
    #[must_use]
    pub fn agencies(mut self, agencies: AgencyTable) -> Self {
        self.agencies = agencies;
        self
    }
}
