//! Assembling the article: header zone, title, lede, body, credits and trailing chrome.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::lines::{Line, split_lines};
use crate::recognize::captions::Caption;
use crate::recognize::chrome::Chrome;
use crate::recognize::credits::{CreditText, credit_suffix, dateline, read_credit};
use crate::recognize::{LineKind, SourceValue, classify};
use crate::shape::{
    char_len, ends_like_sentence, ends_with_period, is_name_like, loose_eq, loose_starts_with,
    starts_capitalized, word_count,
};
use crate::{Article, Block, BlockKind, Credit, Error, ParseOptions, PartialDate, Span};

/// A paragraph longer than this (in chars) after a soft chrome line means the article goes on.
const LONG_PARAGRAPH: usize = 200;

/// Parses checked, non-empty text into an article.
pub(crate) fn parse_article<'a>(
    input: &'a str,
    options: &ParseOptions,
) -> Result<Article<'a>, Error> {
    let lines = split_lines(input);
    let kinds: Vec<LineKind<'a>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| classify(l.text, i == 0, &options.agencies))
        .collect();
    let mut asm = Assembler {
        lines: &lines,
        kinds: &kinds,
        options,
        article: Article::default(),
        credits: Vec::new(),
        last_content: None,

        paragraphs: 0,
        line_after_lede: None,
    };
    let end = asm.trailing_chrome_start();
    asm.last_content = kinds[..end].iter().rposition(|k| {
        matches!(
            k,
            LineKind::Text | LineKind::Caption(_) | LineKind::MarkdownHeading(..)
        )
    });
    let body_start = asm.header(end);
    asm.body(body_start, end);
    for line in &lines[end..] {
        asm.article.boilerplate.push(Cow::Borrowed(line.text));
    }
    let article = asm.finish();
    if options.strict && article.paragraphs().next().is_none() {
        return Err(Error::NoBody { len: input.len() });
    }
    Ok(article)
}

struct Assembler<'a, 'l> {
    lines: &'l [Line<'a>],
    kinds: &'l [LineKind<'a>],
    options: &'l ParseOptions,
    article: Article<'a>,
    /// Article credits with their position, sorted and de-duplicated at the end.
    credits: Vec<Credit<'a>>,
    /// Index of the last line that can hold content (text, caption, heading).
    last_content: Option<usize>,
    /// Body paragraphs pushed so far.
    paragraphs: usize,
    /// The line right after the lede, where a repeat of the lede would stand.
    line_after_lede: Option<Span>,
}

impl<'a> Assembler<'a, '_> {
    fn text(&self, i: usize) -> &'a str {
        self.lines[i].text
    }

    fn span(&self, i: usize) -> Span {
        self.lines[i].span
    }

    /// Index of the first line of trailing chrome: a terminal chrome line after some content,
    /// or a soft one followed by no long paragraph. `lines.len()` when there is none.
    fn trailing_chrome_start(&self) -> usize {
        let n = self.lines.len();
        let mut seen_text = false;
        let mut long_ahead = LongAhead::default();
        let is_long = |i: usize| {
            self.prose(i)
                .is_some_and(|t| char_len(t, LONG_PARAGRAPH + 1) > LONG_PARAGRAPH)
        };
        let mut chrome_end = n;
        for i in 0..n {
            match self.kinds[i] {
                LineKind::Chrome(Chrome::Terminal) if seen_text => {
                    chrome_end = i;
                    break;
                }
                LineKind::Chrome(Chrome::Soft)
                    if seen_text && !long_ahead.at_or_after(i + 1, n, is_long) =>
                {
                    chrome_end = i;
                    break;
                }
                LineKind::Text => seen_text = true,
                _ => {}
            }
        }
        let long_after = |i| long_ahead.at_or_after(i, n, is_long);
        self.closing_credit_cut(chrome_end, long_after)
            .unwrap_or(chrome_end)
    }

    /// After the article's closing credit (a credit line, a sign-off suffix or the source URL),
    /// a title-like line or short lines are teasers of other articles and menu words: they
    /// start the trailing chrome. Returns where, if so.
    fn closing_credit_cut(
        &self,
        chrome_end: usize,
        mut long_after: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let table = &self.options.agencies;
        let closing = (0..chrome_end).rev().find(|&i| match self.kinds[i] {
            LineKind::Credits(_) | LineKind::Source(SourceValue::Url(_)) => true,
            _ => self
                .prose(i)
                .is_some_and(|t| credit_suffix(t, table).is_some()),
        })?;
        if !(0..=closing).any(|i| self.prose(i).is_some()) {
            return None;
        }
        let start = (closing + 1..chrome_end)
            .find(|&k| !matches!(self.kinds[k], LineKind::Credits(_) | LineKind::Source(_)))?;
        let first_text = (start..chrome_end).find(|&j| self.prose(j).is_some())?;
        let teaser = self.prose(first_text).is_some_and(is_title_like);
        (teaser || !long_after(first_text)).then_some(start)
    }

    /// The text of a line that reads as prose: a plain text line or a markdown table cell.
    fn prose(&self, i: usize) -> Option<&'a str> {
        match self.kinds[i] {
            LineKind::Text => Some(self.text(i)),
            LineKind::TableCell(cell) => Some(cell),
            _ => None,
        }
    }

    /// Reads the header zone (site, date header, title, lede, byline). Returns where the body starts.
    fn header(&mut self, end: usize) -> usize {
        let mut i = 0;
        while i < end && self.header_line(i, false) {
            i += 1;
        }
        // Related links, captions and images may stand above the headline.
        let mut t = i;
        while t < end
            && match self.kinds[t] {
                LineKind::Related(_) | LineKind::Caption(_) | LineKind::Image(..) => true,
                // A table cell under an image is its caption.
                LineKind::TableCell(_) => t > i && matches!(self.kinds[t - 1], LineKind::Image(..)),
                _ => false,
            }
        {
            t += 1;
        }
        let Some(title_at) = self.title(t, end) else {
            return i;
        };
        self.body(i, t);
        let mut k = title_at + 1;
        while k < end && (self.header_line(k, true) || self.repeated_title(k, title_at)) {
            k += 1;
        }
        if self.lede(k, end) {
            k += 1;
        }
        k
    }

    /// Consumes a header line (site header, date header, byline, date line, leading chrome).
    fn header_line(&mut self, i: usize, after_title: bool) -> bool {
        let span = self.span(i);
        match self.kinds[i] {
            LineKind::SiteHeader(site) if !after_title => {
                self.article.site = Some(Cow::Borrowed(site));
                self.article.spans.site = Some(span);
            }
            LineKind::DateHeader(date, category) => self.date_header(date, category, span),
            LineKind::Byline(name, date) => self.byline(name, date, span),
            LineKind::DateLine(date) => self.set_date(date, span),
            // A thematic break (`---`) ends the header zone: no title or lede after it.
            LineKind::Chrome(kind) if !after_title && kind != Chrome::Decoration => {
                self.article.boilerplate.push(Cow::Borrowed(self.text(i)))
            }
            _ => return false,
        }
        true
    }

    /// Drops a line that repeats the title (pages print the headline twice).
    fn repeated_title(&mut self, k: usize, title_at: usize) -> bool {
        let repeat = self.kinds[k] == LineKind::Text && loose_eq(self.text(k), self.text(title_at));
        if repeat {
            self.article.boilerplate.push(Cow::Borrowed(self.text(k)));
        }
        repeat
    }

    /// Finds the title at `t` (or at `t + 1` below a short kicker line). Returns its index.
    fn title(&mut self, t: usize, end: usize) -> Option<usize> {
        if t >= end {
            return None;
        }
        let kicker_above = is_kicker(self.text(t))
            && t + 2 < end
            && self.kinds[t + 1] == LineKind::Text
            && is_title_like(self.text(t + 1))
            && !is_kicker(self.text(t + 1));
        let (at, text) = match self.kinds[t] {
            LineKind::MarkdownHeading(1, text) => (t, text),
            LineKind::Text if kicker_above => {
                self.article.kicker = Some(Cow::Borrowed(self.text(t)));
                (t + 1, self.text(t + 1))
            }
            LineKind::Text if t + 1 < end && is_title_like(self.text(t)) => (t, self.text(t)),
            _ => return None,
        };
        self.article.title = Some(Cow::Borrowed(text));
        self.article.spans.title = Some(self.span(at));
        Some(at)
    }

    /// Takes the line at `k` as the lede when the layout marks one: a marker (byline, related
    /// link, caption, image) follows it, it is bold, or the body repeats it.
    fn lede(&mut self, k: usize, end: usize) -> bool {
        if k >= end || self.kinds[k] != LineKind::Text {
            return false;
        }
        let raw = self.text(k);
        let bold = strip_bold(raw);
        let text = bold.unwrap_or(raw);
        if char_len(text, 41) <= 40 || (bold.is_none() && is_heading_like(text)) {
            return false;
        }
        let marked = k + 1 < end
            && matches!(
                self.kinds[k + 1],
                LineKind::Byline(..)
                    | LineKind::DateLine(_)
                    | LineKind::Related(_)
                    | LineKind::Caption(_)
                    | LineKind::Image(..)
                    | LineKind::TableCell(_)
            );
        let repeated = (k + 1..end)
            .filter(|&j| self.kinds[j] == LineKind::Text)
            .take(3)
            .any(|j| loose_starts_with(self.text(j), text));
        if !(bold.is_some() || marked || repeated) {
            return false;
        }
        if let Some(c) = dateline(text, &self.options.agencies) {
            self.add_credit(c, self.span(k).start + offset_in(raw, text));
        }
        self.article.lede = Some(Cow::Borrowed(text));
        self.article.spans.lede = Some(self.span(k));
        self.line_after_lede = self.lines.get(k + 1).map(|l| l.span);
        true
    }

    /// Reads the body lines `from..to`.
    fn body(&mut self, from: usize, to: usize) {
        let mut pending_image: Option<Span> = None;
        for i in from..to {
            let span = self.span(i);
            let image_span = pending_image.take();
            let cover = |s: Span| image_span.map_or(s, |img| img.cover(s));
            match &self.kinds[i] {
                LineKind::Related(text) => self.push(BlockKind::Related, Some(text), None, span),
                LineKind::Image(alt, url) => {
                    if alt.is_empty() && url.is_empty() {
                        pending_image = Some(span);
                    } else {
                        let text = if alt.is_empty() { *url } else { *alt };
                        self.push(BlockKind::Image, Some(text), None, span);
                        pending_image = Some(span);
                    }
                }
                LineKind::Caption(Caption {
                    text: None,
                    credit: Some(credit),
                }) if self.credit_completes_caption(credit, span) => {}
                LineKind::Caption(Caption { text, credit }) => {
                    self.push(BlockKind::Caption, *text, *credit, cover(span));
                }
                LineKind::TableCell(text) if image_span.is_some() => {
                    self.push(BlockKind::Caption, Some(text), None, cover(span));
                }
                LineKind::TableCell(cell) => {
                    // Credits read from the cell are placed from the cell's start, not the pipe's.
                    let start = span.start + offset_in(self.text(i), cell);
                    self.text_line(cell, Span::new(start, start + cell.len()), i, to);
                }
                LineKind::Credits(credits) => {
                    for c in credits.clone() {
                        self.add_credit(c, span.start);
                    }
                }
                LineKind::Source(SourceValue::Url(url)) if self.article.source_url.is_none() => {
                    self.article.source_url = Some(Cow::Borrowed(url));
                    self.article.spans.source_url = Some(span);
                }
                LineKind::Source(SourceValue::Text(value)) => self.source_text(value, span, i),
                LineKind::Source(_) | LineKind::Chrome(_) | LineKind::SiteHeader(_) => {
                    self.article.boilerplate.push(Cow::Borrowed(self.text(i)));
                }
                LineKind::DateHeader(date, category) => self.date_header(*date, *category, span),
                LineKind::Byline(name, date) if self.article.byline.is_none() => {
                    self.byline(*name, *date, span);
                }
                LineKind::DateLine(date) if self.article.date.is_none() => {
                    self.set_date(*date, span);
                }
                // A second byline or date line belongs to a teaser or to the page.
                LineKind::Byline(..) | LineKind::DateLine(_) => {
                    self.article.boilerplate.push(Cow::Borrowed(self.text(i)));
                }
                LineKind::MarkdownHeading(_, text) => {
                    self.push(BlockKind::Heading, Some(text), None, span)
                }
                LineKind::Text => {
                    let text = self.text(i);
                    self.text_line(text, span, i, to);
                }
            }
        }
    }

    /// A `Photo : X` line right after a caption that has no credit is that caption's credit.
    fn credit_completes_caption(&mut self, credit: &'a str, span: Span) -> bool {
        match self.article.body.last_mut() {
            Some(last)
                if last.kind == BlockKind::Caption
                    && last.credit.is_none()
                    && last.text.is_some() =>
            {
                last.credit = Some(Cow::Borrowed(credit));
                last.span = last.span.cover(span);
                true
            }
            _ => false,
        }
    }

    fn has_paragraph(&self) -> bool {
        self.paragraphs > 0
    }

    /// A plain text line in the body: a subheading, a closing signature, or a paragraph.
    fn text_line(&mut self, text: &'a str, span: Span, i: usize, to: usize) {
        // The next line that makes a body block (metadata and chrome lines make none).
        let next_text = (i + 1..to).find(|&j| {
            !matches!(
                self.kinds[j],
                LineKind::Chrome(_)
                    | LineKind::DateHeader(..)
                    | LineKind::Byline(..)
                    | LineKind::DateLine(_)
                    | LineKind::Source(_)
                    | LineKind::Credits(_)
            )
        });
        let next_is_paragraph = next_text.is_some_and(|j| {
            matches!(
                self.kinds[j],
                LineKind::Text
                    | LineKind::TableCell(_)
                    | LineKind::Caption(_)
                    | LineKind::Image(..)
                    | LineKind::Related(_)
            )
        });
        if Some(i) == self.last_content
            && is_name_like(text)
            && word_count(text, 5) <= 4
            && self.has_paragraph()
            && let Some(c) = read_credit(text, 0, &self.options.agencies)
        {
            self.add_credit(c, span.start);
            return;
        }
        let bold = strip_bold(text);
        let inner = bold.unwrap_or(text);
        let sign_off = credit_suffix(inner, &self.options.agencies);
        // A line that ends with a sign-off ends a paragraph; it is no heading.
        let signed_off = match bold {
            None => sign_off.is_some(),
            Some(_) => credit_suffix(text, &self.options.agencies).is_some(),
        };
        if is_heading_like(text) && next_is_paragraph && !signed_off {
            self.push(BlockKind::Heading, Some(text), None, span);
        } else {
            self.paragraph(text, inner, sign_off, span);
        }
    }

    /// A body paragraph: reads a dateline credit, a sign-off credit, and the `./.` end marker.
    /// `text` is `raw` without bold marks; `sign_off` is its `credit_suffix` (read once by the
    /// caller).
    fn paragraph(
        &mut self,
        raw: &'a str,
        mut text: &'a str,
        sign_off: Option<(&'a str, CreditText<'a>)>,
        span: Span,
    ) {
        let table = &self.options.agencies;
        let text_start = span.start + offset_in(raw, text);
        if let Some(c) = dateline(text, table) {
            self.add_credit(c, text_start);
        }
        // The sign-off comes last (`...fin./. -VNA`), then the VNA end marker `./.` -> `.`.
        let mut sign_off_text = None;
        if let Some((before, credit)) = sign_off {
            sign_off_text = Some(credit.text);
            self.add_credit(credit, text_start);
            text = before;
        }
        let text = match text.strip_suffix("./.") {
            Some(stripped) => Cow::Owned(format!("{}.", stripped.trim_end())),
            None => Cow::Borrowed(text),
        };
        if text.is_empty() {
            return;
        }
        self.paragraphs += 1;
        self.article.body.push(Block {
            kind: BlockKind::Paragraph,
            text: Some(text),
            credit: sign_off_text.map(Cow::Borrowed),
            span,
        });
    }

    /// `Source : <text>`: a credit (`Source : VNA`) or, for a non-http URL, a warning.
    fn source_text(&mut self, value: &'a str, span: Span, i: usize) {
        if value.contains(':') {
            self.article
                .warnings
                .push(format!("source is not an http(s) URL: {value:?}"));
            self.article.boilerplate.push(Cow::Borrowed(self.text(i)));
            return;
        }
        let at = offset_in(self.text(i), value);
        let credit = read_credit(value, at, &self.options.agencies).unwrap_or(CreditText {
            text: value,
            at,
            agencies: Vec::new(),
            known: false,
        });
        self.add_credit(credit, span.start);
    }

    fn push(
        &mut self,
        kind: BlockKind,
        text: Option<&'a str>,
        credit: Option<&'a str>,
        span: Span,
    ) {
        self.article.body.push(Block {
            kind,
            text: text.map(Cow::Borrowed),
            credit: credit.map(Cow::Borrowed),
            span,
        });
    }

    fn add_credit(&mut self, c: CreditText<'a>, line_start: usize) {
        let start = line_start + c.at;
        self.credits.push(Credit {
            text: Cow::Borrowed(c.text),
            agencies: c.agencies.into_iter().map(Cow::Owned).collect(),
            span: Span::new(start, start + c.text.len()),
            repeats: Vec::new(),
        });
    }

    fn date_header(&mut self, date: PartialDate, category: Option<&'a str>, span: Span) {
        self.set_date(date, span);
        if self.article.category.is_none() && category.is_some() {
            self.article.category = category.map(Cow::Borrowed);
            self.article.spans.category = Some(span);
        }
    }

    fn byline(&mut self, name: Option<&'a str>, date: PartialDate, span: Span) {
        if self.article.byline.is_none() && name.is_some() {
            self.article.byline = name.map(Cow::Borrowed);
            self.article.spans.byline = Some(span);
        }
        self.set_date(date, span);
    }

    /// Keeps the most precise date seen.
    fn set_date(&mut self, date: PartialDate, span: Span) {
        let precision =
            |d: &PartialDate| usize::from(d.month.is_some()) + usize::from(d.day.is_some());
        if self
            .article
            .date
            .as_ref()
            .is_none_or(|old| precision(&date) > precision(old))
        {
            self.article.date = Some(date);
            self.article.spans.date = Some(span);
        }
    }

    /// Drops a paragraph that repeats the lede on the line right after it (old VietnamPlus
    /// pages), with the credits read from it.
    fn drop_repeated_lede(&mut self) {
        let (Some(lede), Some(next)) = (self.article.lede.as_deref(), self.line_after_lede) else {
            return;
        };
        let repeat = self.article.body.iter().position(|b| {
            b.kind == BlockKind::Paragraph
                && b.span == next
                && b.text.as_deref().is_some_and(|t| loose_eq(t, lede))
        });
        if let Some(p) = repeat {
            let span = self.article.body.remove(p).span;
            self.credits
                .retain(|c| !(span.start <= c.span.start && c.span.end <= span.end));
            self.paragraphs -= 1;
            self.article
                .warnings
                .push("the body repeats the lede; the repeat was dropped".to_owned());
        }
    }

    /// Sorts and de-duplicates credits, builds the agency union.
    fn finish(mut self) -> Article<'a> {
        self.drop_repeated_lede();
        self.credits.sort_by_key(|c| c.span.start);
        let mut seen_credits: HashMap<Cow<'a, str>, usize> = HashMap::new();
        let mut seen_agencies = HashSet::new();
        for credit in self.credits {
            if let Some(&at) = seen_credits.get(&credit.text) {
                self.article.credits[at].repeats.push(credit.span);
                continue;
            }
            seen_credits.insert(credit.text.clone(), self.article.credits.len());
            for agency in &credit.agencies {
                if seen_agencies.insert(agency.clone()) {
                    self.article.agencies.push(agency.clone());
                }
            }
            self.article.credits.push(credit);
        }
        if !self
            .article
            .body
            .iter()
            .any(|b| b.kind == BlockKind::Paragraph)
        {
            self.article
                .warnings
                .push("no body paragraph found".to_owned());
        }
        self.article
    }
}

/// Answers "does a long line stand at or after line `i`?" without measuring every line: the
/// last answer is kept, so queries in increasing order (the trailing-chrome scan) read each
/// line at most once.
#[derive(Default)]
struct LongAhead {
    /// The last query: the first long line at or after `from` is `found` (`None`: none).
    last: Option<(usize, Option<usize>)>,
}

impl LongAhead {
    fn at_or_after(&mut self, i: usize, n: usize, is_long: impl Fn(usize) -> bool) -> bool {
        let found = match self.last {
            // Known from the last answer: `i` lies between its start and the long line found.
            Some((from, found)) if from <= i && found.is_none_or(|j| j >= i) => found,
            // Before the last start: look up to it, then use the last answer.
            Some((from, found)) if i < from => (i..from).find(|&k| is_long(k)).or(found),
            _ => (i..n).find(|&k| is_long(k)),
        };
        self.last = Some((i, found));
        found.is_some()
    }
}

/// Byte offset of `inner`, a subslice of `outer`, within `outer`.
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize)
        .saturating_sub(outer.as_ptr() as usize)
        .min(outer.len())
}

/// `**text**` -> `text`.
fn strip_bold(s: &str) -> Option<&str> {
    let inner = s.strip_prefix("**")?.strip_suffix("**")?;
    (!inner.trim().is_empty()).then(|| inner.trim())
}

/// A headline: 2 to 40 words, at most 250 chars, capitalized, not ending with `.`, `:`, `;` or `,`.
fn is_title_like(s: &str) -> bool {
    let len = char_len(s, 251);
    (8..=250).contains(&len)
        && (2..=40).contains(&word_count(s, 41))
        && starts_capitalized(s)
        && !matches!(
            crate::shape::last_meaningful_char(s),
            Some('.' | ':' | ';' | ',')
        )
}

/// A subheading: at most 150 chars and 20 words, capitalized, without final punctuation
/// (a short question or exclamation is allowed).
fn is_heading_like(s: &str) -> bool {
    // Cheap checks first (hot path): most lines are paragraphs ending with a full stop, and
    // more than 600 bytes are more than 150 chars.
    if s.len() > 600 || ends_with_period(s) {
        return false;
    }
    let len = char_len(s, 151);
    len <= 150
        && word_count(s, 21) <= 20
        && s.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '«' | '"' | '“'))
        && starts_capitalized(s)
        && !ends_with_period(s)
        && (!ends_like_sentence(s)
            || (len <= 80 && matches!(crate::shape::last_meaningful_char(s), Some('?' | '!'))))
}

/// A kicker above the headline: a place or topic of at most 3 words, without punctuation.
fn is_kicker(s: &str) -> bool {
    word_count(s, 4) <= 3 && char_len(s, 31) <= 30 && !s.contains([',', '.', ':', ';', '?', '!'])
}
