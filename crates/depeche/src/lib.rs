//! # depeche
//!
//! Turns scraped news-article text from the French-language Vietnamese press (VNA, Le Courrier
//! du Vietnam, VietnamPlus, Vietnam.vn, VOV, Nhân Dân, baoquocte...) into clean, typed records:
//! title, lede, byline, date, body blocks, captions, credits and agencies, with the page chrome
//! removed and reported.
//!
//! ```
//! let text = "Le Vietnam renforce sa coopération numérique\n\n\
//!             Le Vietnam et la Russie ont signé un accord le 24 avril à Hanoï.\n\n\
//!             Les deux pays vont échanger des experts.\n\nVNA/CVN";
//! let article = depeche::parse(text)?;
//! assert_eq!(article.title.as_deref(), Some("Le Vietnam renforce sa coopération numérique"));
//! assert_eq!(article.agencies, ["VNA", "CVN"]);
//! assert_eq!(article.paragraphs().count(), 2);
//! # Ok::<(), depeche::Error>(())
//! ```
//!
//! Strings borrow from the input ([`Article`] holds `Cow<str>`); [`Article::into_owned`] detaches
//! them. Every body block carries its byte [`Span`] in the input, and [`Article::spans`] maps the
//! header fields back. Parsing never panics and is linear in the input size; bad input gives a
//! typed [`Error`] with a byte offset.

mod agency;
mod date;
mod error;
mod input;
mod lines;
mod model;
mod options;
mod parse;
mod recognize;
mod render;
mod shape;

pub use agency::AgencyTable;
pub use date::{InvalidDate, PartialDate};
pub use error::Error;
pub use model::{Article, Block, BlockKind, Credit, FieldSpans, Span};
pub use options::{DEFAULT_MAX_BYTES, ParseOptions};

/// The default options, built once: building the agency table costs as much as a fifth of
/// the parse of a 5 KB article.
fn default_options() -> &'static ParseOptions {
    static DEFAULT: std::sync::OnceLock<ParseOptions> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(ParseOptions::default)
}

/// Parse one article with the default options.
pub fn parse(text: &str) -> Result<Article<'_>, Error> {
    parse_with(text, default_options())
}

/// Parse one article.
pub fn parse_with<'a>(text: &'a str, options: &ParseOptions) -> Result<Article<'a>, Error> {
    let text = input::check_text(text, options)?;
    parse::parse_article(text, options)
}

/// Parse one article from bytes (UTF-8, with or without BOM) with the default options.
pub fn parse_bytes(bytes: &[u8]) -> Result<Article<'_>, Error> {
    parse_bytes_with(bytes, default_options())
}

/// Parse one article from bytes. Invalid UTF-8 gives [`Error::InvalidUtf8`] with its offset.
pub fn parse_bytes_with<'a>(bytes: &'a [u8], options: &ParseOptions) -> Result<Article<'a>, Error> {
    let text = input::decode(bytes, options)?;
    parse::parse_article(text, options)
}

/// Parse many articles in parallel on all cores (rayon); results keep the input order.
#[cfg(feature = "parallel")]
pub fn parse_many<'a, S>(texts: &'a [S], options: &ParseOptions) -> Vec<Result<Article<'a>, Error>>
where
    S: AsRef<str> + Sync,
{
    use rayon::prelude::*;
    texts
        .par_iter()
        .map(|t| parse_with(t.as_ref(), options))
        .collect()
}
