//! Recognizers for the elements of a line, and the classification of each line.

pub(crate) mod captions;
pub(crate) mod chrome;
pub(crate) mod credits;
pub(crate) mod dates;
mod site;

pub(crate) use site::{SourceValue, byline, markdown_heading, related, site_header, source_line};

use crate::{AgencyTable, PartialDate};
use captions::Caption;
use chrome::Chrome;
use credits::CreditText;

/// What one input line is, read on its own. The assembler decides the rest from the context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineKind<'a> {
    /// `Vietnam.vn - <tagline>` on the first line: the site's domain.
    SiteHeader(&'a str),
    /// `date 2024-08 <category>`.
    DateHeader(PartialDate, Option<&'a str>),
    /// `VietnamPlusVietnamPlus24/04/2025`: name and date.
    Byline(Option<&'a str>, PartialDate),
    /// A line that is only a date.
    DateLine(PartialDate),
    /// `>> <link text>`.
    Related(&'a str),
    /// A photo caption with its credit.
    Caption(Caption<'a>),
    /// `![alt](url)`.
    Image(&'a str, &'a str),
    /// `| text |` markdown table residue without a credit.
    TableCell(&'a str),
    /// A line holding only credits.
    Credits(Vec<CreditText<'a>>),
    /// `Source : <value>`.
    Source(SourceValue<'a>),
    /// Page chrome.
    Chrome(Chrome),
    /// `## Heading` (level, text).
    MarkdownHeading(usize, &'a str),
    /// Anything else: a title, lede, heading or paragraph, decided in context.
    Text,
}

/// Classifies one trimmed line. `first` is true for the first non-blank line of the input.
pub(crate) fn classify<'a>(line: &'a str, first: bool, table: &AgencyTable) -> LineKind<'a> {
    if first && let Some(site) = site_header(line) {
        return LineKind::SiteHeader(site);
    }
    if let Some((date, category)) = dates::date_header(line) {
        return LineKind::DateHeader(date, category);
    }
    if let Some((alt, url)) = captions::markdown_image(line) {
        return LineKind::Image(alt, url);
    }
    if !line.chars().any(char::is_alphanumeric) {
        return LineKind::Chrome(Chrome::Decoration);
    }
    if captions::is_table_cell(line) {
        let cell = captions::strip_pipes(line);
        return match caption(cell) {
            Some(c) => LineKind::Caption(c),
            None => LineKind::TableCell(cell),
        };
    }
    if let Some(text) = related(line) {
        return LineKind::Related(text);
    }
    if let Some(value) = source_line(line) {
        return LineKind::Source(value);
    }
    if let Some(kind) = chrome::chrome(line) {
        return LineKind::Chrome(kind);
    }
    let credits = credits::credit_line(line, table);
    if !credits.is_empty() && credits::is_labelled(line) {
        // `Texte : X - Photo : Y` credits the article, not a photo.
        return LineKind::Credits(credits);
    }
    if let Some(c) = caption(line) {
        return LineKind::Caption(c);
    }
    if !credits.is_empty() {
        return LineKind::Credits(credits);
    }
    if let Some((name, date)) = byline(line) {
        return match name {
            Some(_) => LineKind::Byline(name, date),
            None => LineKind::DateLine(date),
        };
    }
    if let Some(date) = dates::date_line(line) {
        return LineKind::DateLine(date);
    }
    if let Some((level, text)) = markdown_heading(line) {
        return LineKind::MarkdownHeading(level, text);
    }
    LineKind::Text
}

/// The caption forms, in order: credit only, alt-text residue, text with a final credit.
fn caption(line: &str) -> Option<Caption<'_>> {
    if let Some(c) = captions::credit_only(line) {
        return Some(c);
    }
    // A marker with nothing after it is no caption (a caption needs a text or a credit).
    if let Some(after) = captions::alt_text_residue(line).filter(|a| !a.is_empty()) {
        return Some(captions::text_with_credit(after).unwrap_or(Caption {
            text: Some(after),
            credit: None,
        }));
    }
    captions::text_with_credit(line)
}
