//! The one error type of the crate.

/// Why an input could not be parsed. Every variant carries the byte offset it refers to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not valid UTF-8.
    #[error("invalid UTF-8 at byte offset {offset} (line {line})")]
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The input holds no text (nothing but white space, or nothing at all).
    #[error("empty input: no text in {len} bytes")]
    Empty {
        /// The input's length in bytes.
        len: usize,
    },
    /// The input is larger than [`ParseOptions::max_bytes`](crate::ParseOptions::max_bytes).
    #[error("input of {len} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// The input's length in bytes.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
    /// Strict mode: no body paragraph was found.
    #[error("no body paragraph found in {len} bytes (strict mode)")]
    NoBody {
        /// The input's length in bytes.
        len: usize,
    },
}

impl Error {
    /// The byte offset the error refers to: the bad byte, the limit, or the end of input.
    pub fn offset(&self) -> usize {
        match *self {
            Error::InvalidUtf8 { offset, .. } => offset,
            Error::Empty { len } | Error::NoBody { len } => len,
            Error::TooLarge { limit, .. } => limit,
        }
    }

    /// The 1-based line of [`Error::offset`], where the error knows it.
    pub fn line(&self) -> Option<usize> {
        match *self {
            Error::InvalidUtf8 { line, .. } => Some(line),
            _ => None,
        }
    }

    /// A short, stable name of the variant (`invalid_utf8`, `empty`, `too_large`, `no_body`).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::Empty { .. } => "empty",
            Error::TooLarge { .. } => "too_large",
            Error::NoBody { .. } => "no_body",
        }
    }
}
