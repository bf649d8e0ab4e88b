//! The typed record a parse produces, and its JSON contract (see `spec/FORMAT.md`).

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// A byte range `[start, end)` into the parsed input. Serialized as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The slice of `input` this span covers, if it is in bounds and on char boundaries.
    pub fn slice<'a>(&self, input: &'a str) -> Option<&'a str> {
        input.get(self.start..self.end)
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span::new(start, end)
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// The kind of a body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A body paragraph (one input line; a line may hold several glued paragraphs).
    Paragraph,
    /// A subheading: a short line inside the body without final punctuation.
    Heading,
    /// A photo caption: text (possibly absent) and a credit.
    Caption,
    /// A related-article link (`>> ...`).
    Related,
    /// An image reference left by a markdown conversion (`![alt](url)`).
    Image,
}

impl BlockKind {
    /// The lowercase name used in the JSON contract.
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::Caption => "caption",
            BlockKind::Related => "related",
            BlockKind::Image => "image",
        }
    }
}

impl fmt::Display for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One element of the article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block<'a> {
    /// What the block is.
    pub kind: BlockKind,
    /// The cleaned text; `None` for a caption that holds only a credit (`Photo : VNA/CVN`).
    pub text: Option<Cow<'a, str>>,
    /// The credit printed with the block, as printed: a caption's credit without its `Photo :`
    /// label (`VNA/CVN`), or the sign-off cut from the end of a paragraph (`VietnamPlus`).
    pub credit: Option<Cow<'a, str>>,
    /// Where the block stands in the input (all the lines it was read from).
    pub span: Span,
}

impl Block<'_> {
    /// A copy that owns its strings.
    pub fn into_owned(self) -> Block<'static> {
        Block {
            kind: self.kind,
            text: self.text.map(own),
            credit: self.credit.map(own),
            span: self.span,
        }
    }
}

/// A credit line of the article (not of a photo), as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit<'a> {
    /// The credit as printed, without dashes, parentheses or `Texte :` labels (`VNA/CVN`).
    pub text: Cow<'a, str>,
    /// Canonical agency names found in it (`["VNA", "CVN"]`); personal names are dropped.
    pub agencies: Vec<Cow<'a, str>>,
    /// Where the credit stands in the input (its first occurrence).
    #[serde(skip)]
    pub span: Span,
    /// Where the same credit is printed again (it is listed once).
    #[serde(skip)]
    pub repeats: Vec<Span>,
}

impl Credit<'_> {
    /// A copy that owns its strings.
    pub fn into_owned(self) -> Credit<'static> {
        Credit {
            text: own(self.text),
            agencies: self.agencies.into_iter().map(own).collect(),
            span: self.span,
            repeats: self.repeats,
        }
    }
}

/// Where each header field of an [`Article`] was read from, so callers can map it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldSpans {
    /// The site header line.
    pub site: Option<Span>,
    /// The title line.
    pub title: Option<Span>,
    /// The lede paragraph.
    pub lede: Option<Span>,
    /// The byline line.
    pub byline: Option<Span>,
    /// The line the date was read from.
    pub date: Option<Span>,
    /// The line the category was read from.
    pub category: Option<Span>,
    /// The `Source :` line holding the URL.
    pub source_url: Option<Span>,
}

/// A parsed article: the typed record of one scraped page.
///
/// Strings borrow from the input where they can (`Cow::Borrowed`); call
/// [`Article::into_owned`] to detach the record from the input.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article<'a> {
    /// The platform named by a site header line (`Vietnam.vn`).
    pub site: Option<Cow<'a, str>>,
    /// The headline.
    pub title: Option<Cow<'a, str>>,
    /// A short line above the headline naming a place or topic (`Hanoï`); not in the contract's
    /// required keys, serialized only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<Cow<'a, str>>,
    /// The chapeau: the paragraph right after the title, when the layout marks one.
    pub lede: Option<Cow<'a, str>>,
    /// The outlet or author named in a byline (`VietnamPlus`).
    pub byline: Option<Cow<'a, str>>,
    /// The publication date, to the precision printed.
    pub date: Option<PartialDate>,
    /// The category named in a date header.
    pub category: Option<Cow<'a, str>>,
    /// The `Source :` URL (http or https only).
    pub source_url: Option<Cow<'a, str>>,
    /// Article credits in order of appearance, de-duplicated.
    pub credits: Vec<Credit<'a>>,
    /// Union of the credits' agencies, in order of first appearance.
    pub agencies: Vec<Cow<'a, str>>,
    /// The body: paragraphs, headings, captions, related links, images.
    pub body: Vec<Block<'a>>,
    /// Page chrome removed from the text (`Comment (0)`, menus...), in order.
    pub boilerplate: Vec<Cow<'a, str>>,
    /// Diagnostics about doubtful readings.
    pub warnings: Vec<String>,
    /// Where each header field was read from.
    #[serde(skip)]
    pub spans: FieldSpans,
}

impl Article<'_> {
    /// A copy that owns all its strings and no longer borrows the input.
    pub fn into_owned(self) -> Article<'static> {
        Article {
            site: self.site.map(own),
            title: self.title.map(own),
            kicker: self.kicker.map(own),
            lede: self.lede.map(own),
            byline: self.byline.map(own),
            date: self.date,
            category: self.category.map(own),
            source_url: self.source_url.map(own),
            credits: self.credits.into_iter().map(Credit::into_owned).collect(),
            agencies: self.agencies.into_iter().map(own).collect(),
            body: self.body.into_iter().map(Block::into_owned).collect(),
            boilerplate: self.boilerplate.into_iter().map(own).collect(),
            warnings: self.warnings,
            spans: self.spans,
        }
    }

    /// The body blocks of one kind, in order.
    pub fn blocks(&self, kind: BlockKind) -> impl Iterator<Item = &Block<'_>> {
        self.body.iter().filter(move |b| b.kind == kind)
    }

    /// The text of the body paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks(BlockKind::Paragraph)
            .filter_map(|b| b.text.as_deref())
    }
}

fn own(s: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(s.into_owned())
}
