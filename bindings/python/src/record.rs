//! Parsed records that keep borrowing their input: an [`Article`] next to the Python object
//! (`str` or `bytes`) its strings point into, so that no string is copied after the parse.
//!
//! The pair is a self-referential struct, built safely with `self_cell`. It is shared (`Arc`)
//! by the `Article` Python object and by the `Block` and `Credit` objects read from it, which
//! keep it alive on their own (a block outlives its article, the article outlives the input).

use std::sync::Arc;

use depeche_core::{Article, Block, Credit, Error, ParseOptions};
use self_cell::self_cell;

use crate::input::Text;

self_cell!(
    /// A parsed article and the input it borrows from.
    pub(crate) struct ParsedArticle {
        owner: Text,
        #[covariant]
        dependent: Article,
    }
);

impl ParsedArticle {
    /// Parse `text` with the core (`parse_with` for a `str`, `parse_bytes_with` for bytes,
    /// which reports invalid UTF-8). On an error the input is handed back, so that the caller
    /// can release its Python object while holding the GIL.
    pub(crate) fn parse(text: Text, options: &ParseOptions) -> Result<Self, (Text, Error)> {
        Self::try_new_or_recover(text, |text| match text {
            Text::Str(s) => depeche_core::parse_with(s, options),
            Text::Bytes(b) => depeche_core::parse_bytes_with(b, options),
        })
    }
}

/// An article as the Python objects hold it: parsed (borrowing its input) or owned (rebuilt
/// from JSON or a pickle). Cloning it costs a reference count.
#[derive(Clone)]
pub(crate) enum SharedArticle {
    /// From `parse` / `parse_many`: no string was copied.
    Parsed(Arc<ParsedArticle>),
    /// From `Article.from_json` or unpickling.
    Owned(Arc<Article<'static>>),
}

impl SharedArticle {
    /// The article.
    pub(crate) fn get(&self) -> &Article<'_> {
        match self {
            SharedArticle::Parsed(parsed) => parsed.borrow_dependent(),
            SharedArticle::Owned(article) => article,
        }
    }
}

impl From<ParsedArticle> for SharedArticle {
    fn from(parsed: ParsedArticle) -> Self {
        SharedArticle::Parsed(Arc::new(parsed))
    }
}

impl From<Article<'static>> for SharedArticle {
    fn from(article: Article<'static>) -> Self {
        SharedArticle::Owned(Arc::new(article))
    }
}

/// A body block or a credit: the `index`-th of an article, or an owned one (built from Python).
pub(crate) enum Part<T> {
    /// `article.body[index]` or `article.credits[index]`.
    Of(SharedArticle, usize),
    /// Built by `Block(...)` / `Credit(...)` (or unpickled).
    Owned(T),
}

impl Part<Block<'static>> {
    /// The block.
    pub(crate) fn get(&self) -> &Block<'_> {
        match self {
            // The article is immutable and the index was taken from its own body.
            Part::Of(article, index) => &article.get().body[*index],
            Part::Owned(block) => block,
        }
    }
}

impl Part<Credit<'static>> {
    /// The credit.
    pub(crate) fn get(&self) -> &Credit<'_> {
        match self {
            // The article is immutable and the index was taken from its own credits.
            Part::Of(article, index) => &article.get().credits[*index],
            Part::Owned(credit) => credit,
        }
    }
}
