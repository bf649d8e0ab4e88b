//! Header and link lines: the site header, bylines, related links, `Source :` lines, markdown
//! headings.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, space1};
use nom::{IResult, Parser};

use super::dates::{trailing_date, year_near_end};
use crate::PartialDate;
use crate::shape::{char_len, ends_like_sentence, tag_nc, word_count};

/// `Vietnam.vn - Nền tảng quảng bá Việt Nam`: a domain, a dash, a tagline. Returns the domain.
pub(crate) fn site_header(line: &str) -> Option<&str> {
    let (rest, domain): (&str, &str) = take_while1::<_, _, nom::error::Error<&str>>(|c: char| {
        c.is_alphanumeric() || matches!(c, '.' | '-')
    })
    .parse(line)
    .ok()?;
    let (tagline, _) = (
        space1::<&str, nom::error::Error<&str>>,
        alt((char('-'), char('–'), char('—'), char('|'))),
        space1,
    )
        .parse(rest)
        .ok()?;
    let tld_ok = domain.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty()
            && (2..=4).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_alphabetic())
    });
    (tld_ok && !tagline.trim().is_empty() && !ends_like_sentence(tagline)).then_some(domain)
}

/// `VietnamPlusVietnamPlus24/04/2025`, `Báo Nhân dânBáo Nhân dân11/02/2024`, `Thu Hà 10/05/2024 10:30`:
/// the outlet or author name (the doubled logo text folded to one) and the date.
pub(crate) fn byline(line: &str) -> Option<(Option<&str>, PartialDate)> {
    // Cheap checks first (hot path): most lines hold no year near their end.
    if !year_near_end(line) || char_len(line, 121) > 120 {
        return None;
    }
    let (at, date) = trailing_date(line)?;
    let name = line[..at]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '|' | ',' | '·'));
    if name.is_empty() {
        return Some((None, date));
    }
    let half = name.len() / 2;
    if name.len() % 2 == 0 && name.is_char_boundary(half) && name[..half] == name[half..] {
        return Some((Some(name[..half].trim()), date));
    }
    let plain = word_count(name, 8) <= 6 && !name.contains(['.', ';', ':', '!', '?'])
        || name.ends_with(".vn");
    plain.then_some((Some(name), date))
}

/// `>> Le Vietnam s’engage ...`: a related-article link. Returns the link text.
pub(crate) fn related(line: &str) -> Option<&str> {
    type Res<'a> = IResult<&'a str, &'a str>;
    // Dispatch on the first byte: only the markers it can start are tried (hot path).
    let marker: Res<'_> = match line.as_bytes().first() {
        Some(b'>') => tag(">>").parse(line),
        Some(b'&') => tag("&gt;&gt;").parse(line),
        Some(0xC2) => tag("»»").parse(line),
        Some(b'l' | b'L') => alt((tag_nc("lire aussi :"), tag_nc("lire aussi:"))).parse(line),
        Some(b'v' | b'V') => alt((tag_nc("voir aussi :"), tag_nc("voir aussi:"))).parse(line),
        _ => return None,
    };
    let (rest, _) = marker.ok()?;
    let text = rest.trim_start_matches('>').trim();
    (!text.is_empty()).then_some(text)
}

/// The value of a `Source :` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceValue<'a> {
    /// An absolute http(s) URL.
    Url(&'a str),
    /// Some other text (an outlet name, or a URL of another scheme).
    Text(&'a str),
}

fn source_label(input: &str) -> IResult<&str, &str> {
    if !input.starts_with(['s', 'S', 'N']) {
        // No label can start this line (hot path).
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (input, label) = alt((tag_nc("source"), tag("Nguồn"))).parse(input)?;
    let (input, _) = (blank, char(':'), blank).parse(input)?;
    Ok((input, label))
}

/// White space including NBSP and narrow NBSP (French typography puts one before `:`).
fn blank(input: &str) -> IResult<&str, &str> {
    take_while(char::is_whitespace).parse(input)
}

/// `Source : https://...` (the colon may follow a NBSP): the URL if it is http(s), else the text.
pub(crate) fn source_line(line: &str) -> Option<SourceValue<'_>> {
    let (value, _) = source_label(line).ok()?;
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match url::Url::parse(value) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
            Some(SourceValue::Url(value))
        }
        _ => Some(SourceValue::Text(value)),
    }
}

/// `# Title`, `## Subheading`: the level and the text.
pub(crate) fn markdown_heading(line: &str) -> Option<(usize, &str)> {
    let level = line.len() - line.trim_start_matches('#').len();
    let text = &line[level..];
    ((1..=6).contains(&level) && text.starts_with(' ') && !text.trim().is_empty())
        .then(|| (level, text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_headers() {
        assert_eq!(
            site_header("Vietnam.vn - Nền tảng quảng bá Việt Nam"),
            Some("Vietnam.vn")
        );
        assert_eq!(site_header("Le Vietnam - Russie"), None);
        assert_eq!(
            site_header("Hanoï - La capitale accueille le sommet."),
            None
        );
    }

    #[test]
    fn bylines() {
        let (name, date) = byline("VietnamPlusVietnamPlus24/04/2025").unwrap();
        assert_eq!(
            (name, date.to_string().as_str()),
            (Some("VietnamPlus"), "2025-04-24")
        );
        let (name, date) = byline("Báo Nhân dânBáo Nhân dân11/02/2024").unwrap();
        assert_eq!(
            (name, date.to_string().as_str()),
            (Some("Báo Nhân dân"), "2024-02-11")
        );
        assert!(
            byline(
                "Le sommet s'est tenu le 24/04/2025. Il a réuni vingt pays et trente délégations."
            )
            .is_none()
        );
    }

    #[test]
    fn related_and_sources() {
        assert_eq!(
            related(">> Le Vietnam s’engage"),
            Some("Le Vietnam s’engage")
        );
        assert_eq!(
            related(">>Opérations de maintien"),
            Some("Opérations de maintien")
        );
        assert!(related("> citation").is_none());
        assert_eq!(
            source_line("Source : https://baoquocte.vn/a-331902.html"),
            Some(SourceValue::Url("https://baoquocte.vn/a-331902.html"))
        );
        assert_eq!(
            source_line("Source\u{a0}: VNA"),
            Some(SourceValue::Text("VNA"))
        );
        assert_eq!(
            source_line("Source : javascript:alert(1)"),
            Some(SourceValue::Text("javascript:alert(1)"))
        );
        assert!(source_line("Sources diplomatiques").is_none());
    }

    #[test]
    fn markdown_headings() {
        assert_eq!(markdown_heading("## Potentiel"), Some((2, "Potentiel")));
        assert_eq!(markdown_heading("#hashtag"), None);
    }
}
