//! The span invariants of a depeche parse, shared by the fuzz targets (`fuzz_targets/`) and the
//! core's tests (`crates/depeche/tests/{invariants,hostile}.rs` include this file as a module).
//!
//! `check_article` returns a description of the first broken invariant, so a fuzz target can
//! panic with it and a proptest can report it.

use std::borrow::Cow;

use depeche::{Article, BlockKind, Error, ParseOptions, Span};

/// True when `hay` holds `needle` after the documented cleaning of a block's source: the VNA
/// end marker `./.` (and the space before it) becomes `.`. Only a marker that ends the kept
/// text counts: a `./.` in the middle of a paragraph stays as printed.
pub fn contains_cleaned(hay: &str, needle: &str) -> bool {
    hay.contains(needle)
        || needle.strip_suffix('.').is_some_and(|stem| {
            hay.match_indices(stem)
                .any(|(i, _)| hay[i + stem.len()..].trim_start().starts_with("./."))
        })
}

fn slice<'i>(input: &'i str, span: Span, what: &str) -> Result<&'i str, String> {
    if span.start > span.end {
        return Err(format!("{what}: reversed span {span:?}"));
    }
    span.slice(input).ok_or_else(|| {
        format!(
            "{what}: span {span:?} out of bounds or off char boundaries (input of {} bytes)",
            input.len()
        )
    })
}

/// True when `s` borrows from `input` (pointer-wise) or is owned.
#[allow(clippy::ptr_arg)] // the Cow itself is the point: borrowed or owned
fn borrowed_from_input(input: &str, s: &Cow<'_, str>) -> bool {
    match s {
        Cow::Owned(_) => true,
        Cow::Borrowed(b) => {
            let start = input.as_ptr() as usize;
            let at = b.as_ptr() as usize;
            b.is_empty() || (at >= start && at + b.len() <= start + input.len())
        }
    }
}

/// Checks the span invariants of `article`, parsed from `input`:
/// - every span (blocks, credits, header fields) is in bounds and on char boundaries;
/// - body blocks come in input order (non-decreasing start);
/// - every block's text and caption credit are found in the input at the block's span, after
///   the documented cleaning (`./.` -> `.`; bold, pipes and a trailing sign-off are cut, so the
///   text is a part of the span);
/// - every article credit's span slices exactly to its text;
/// - every header field is found at its span; the title span slices to the title or to a
///   markdown heading of it;
/// - borrowed strings point into the input.
pub fn check_article(input: &str, article: &Article<'_>) -> Result<(), String> {
    let mut last_start = 0;
    for (i, block) in article.body.iter().enumerate() {
        let what = format!("body[{i}] ({})", block.kind);
        let at = slice(input, block.span, &what)?;
        if block.span.start < last_start {
            return Err(format!(
                "{what}: span {:?} starts before the previous block ({last_start})",
                block.span
            ));
        }
        last_start = block.span.start;
        match &block.text {
            Some(t) if t.is_empty() => return Err(format!("{what}: empty text")),
            Some(t) if !contains_cleaned(at, t) => {
                return Err(format!("{what}: text {t:?} not found at its span {at:?}"));
            }
            None if block.kind != BlockKind::Caption => {
                return Err(format!("{what}: no text"));
            }
            None if block.credit.is_none() => {
                return Err(format!("{what}: caption with neither text nor credit"));
            }
            _ => {}
        }
        if let Some(c) = &block.credit
            && !at.contains(c.as_ref())
        {
            return Err(format!("{what}: credit {c:?} not found at its span {at:?}"));
        }
        for s in block.text.iter().chain(block.credit.iter()) {
            if !borrowed_from_input(input, s) {
                return Err(format!("{what}: borrowed string {s:?} not from the input"));
            }
        }
    }
    for (i, credit) in article.credits.iter().enumerate() {
        let at = slice(input, credit.span, &format!("credits[{i}]"))?;
        if at != credit.text {
            return Err(format!(
                "credits[{i}]: span {:?} slices to {at:?}, not to its text {:?}",
                credit.span, credit.text
            ));
        }
    }
    let spans = &article.spans;
    let fields = [
        ("site", &article.site, spans.site),
        ("title", &article.title, spans.title),
        ("lede", &article.lede, spans.lede),
        ("byline", &article.byline, spans.byline),
        ("category", &article.category, spans.category),
        ("source_url", &article.source_url, spans.source_url),
    ];
    for (name, value, span) in fields {
        match (value, span) {
            (Some(v), Some(span)) => {
                let at = slice(input, span, name)?;
                if !at.contains(v.as_ref()) {
                    return Err(format!("{name}: {v:?} not found at its span {at:?}"));
                }
                if !borrowed_from_input(input, v) {
                    return Err(format!("{name}: borrowed string {v:?} not from the input"));
                }
            }
            (Some(v), None) => return Err(format!("{name}: {v:?} has no span")),
            (None, Some(span)) => return Err(format!("{name}: span {span:?} but no value")),
            (None, None) => {}
        }
    }
    if let Some(span) = spans.date {
        slice(input, span, "date")?;
    }
    if let (Some(t), Some(span)) = (&article.title, spans.title) {
        let at = slice(input, span, "title")?;
        if at != t && at.trim_start_matches('#').trim() != t {
            return Err(format!("title: span slices to {at:?}, not to {t:?}"));
        }
    }
    for b in &article.boilerplate {
        if !borrowed_from_input(input, b) {
            return Err(format!("boilerplate {b:?} not from the input"));
        }
    }
    Ok(())
}

/// Checks a whole parse result: a typed error that agrees with the input and the options, or an
/// article whose invariants hold (see [`check_article`]) and that renders and detaches without
/// panicking.
pub fn check_result(
    input: &str,
    result: &Result<Article<'_>, Error>,
    options: &ParseOptions,
) -> Result<(), String> {
    let blank = input.chars().all(|c| c.is_whitespace() || c == '\u{feff}');
    match result {
        Err(Error::TooLarge { len, limit }) => {
            if *len != input.len() || *limit != options.max_bytes || *len <= *limit {
                return Err(format!("wrong TooLarge: {result:?}"));
            }
        }
        Err(Error::Empty { len }) if *len == input.len() && blank => {}
        Err(Error::NoBody { len }) if *len == input.len() && options.strict => {}
        Err(e) => return Err(format!("unexpected error {e:?}")),
        Ok(article) => {
            if input.len() > options.max_bytes {
                return Err("parsed an input over the size limit".into());
            }
            if blank {
                return Err("parsed a blank input".into());
            }
            if options.strict && article.paragraphs().next().is_none() {
                return Err("strict parse without a paragraph".into());
            }
            check_article(input, article)?;
            let _ = article.to_markdown();
            let _ = article.to_text();
            let owned = article.clone().into_owned();
            if &owned != article {
                return Err("into_owned changed the article".into());
            }
        }
    }
    Ok(())
}

/// Checks `parse_bytes_with` on raw bytes: invalid UTF-8 gives `InvalidUtf8` at the first bad
/// byte with its 1-based line; valid UTF-8 behaves as [`check_result`] says.
pub fn check_bytes(bytes: &[u8], options: &ParseOptions) -> Result<(), String> {
    let result = depeche::parse_bytes_with(bytes, options);
    if bytes.len() > options.max_bytes {
        return match result {
            Err(Error::TooLarge { .. }) => Ok(()),
            other => Err(format!("over the limit but got {other:?}")),
        };
    }
    match std::str::from_utf8(bytes) {
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            match result {
                Err(Error::InvalidUtf8 { offset: o, line: l }) if o == offset && l == line => {
                    Ok(())
                }
                other => Err(format!(
                    "invalid UTF-8 at {offset} (line {line}) but got {other:?}"
                )),
            }
        }
        Ok(text) => check_result(text, &result, options),
    }
}
