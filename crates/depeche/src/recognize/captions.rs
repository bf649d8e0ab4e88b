//! Photo captions and image residue: `Photo : VNA/CVN`, `<caption>. Photo: Vietnam+`,
//! `![]() |` + `| <caption> (Source : X) |`, `<headline> ảnh 1<caption> Photo: VNA`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_until, take_while};
use nom::character::complete::char;
use nom::{IResult, Parser};

use std::sync::OnceLock;

use crate::shape::{char_len, ends_like_sentence, tag_nc, tail, word_count};

/// A caption read from a line: its text (if any) and its credit (if any), as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Caption<'a> {
    /// The caption text, without the credit.
    pub text: Option<&'a str>,
    /// The credit, without its `Photo :` label.
    pub credit: Option<&'a str>,
}

/// A credit label: `Photo`, `Photos`, `Photo d'illustration`, `Ảnh`, `Source`, `Crédit photo`.
fn label(input: &str) -> IResult<&str, &str> {
    // Dispatch on the first char: only the labels it can start are tried (hot path).
    match input.as_bytes().first() {
        Some(b'p' | b'P') => alt((
            tag_nc("photo d'illustration"),
            tag_nc("photo d’illustration"),
            tag_nc("photo d'archives"),
            tag_nc("photo d’archives"),
            tag_nc("photos"),
            tag_nc("photo"),
        ))
        .parse(input),
        Some(b'c' | b'C') => tag_nc("crédit photo").parse(input),
        Some(b'i' | b'I') => tag_nc("illustration").parse(input),
        Some(b's' | b'S') => tag_nc("source").parse(input),
        Some(_) => alt((tag("Ảnh"), tag("Nguồn"))).parse(input),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// `Photo : X` (label, optional space, colon, credit); returns the credit.
fn labelled(input: &str) -> IResult<&str, &str> {
    let blank = || take_while(char::is_whitespace);
    let (input, (_, _, _, _)) = (label, blank(), char(':'), blank()).parse(input)?;
    Ok(("", input.trim()))
}

fn plausible_credit(credit: &str) -> bool {
    !credit.is_empty()
        && char_len(credit, 61) <= 60
        && word_count(credit, 7) <= 6
        && !credit.ends_with('.')
        && !credit.contains("://")
}

/// A line that is only a credited photo label: `Photo : VNA/CVN`, `(Photo : VNA)`.
pub(crate) fn credit_only(line: &str) -> Option<Caption<'_>> {
    let inner = line
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(line);
    let (_, credit) = labelled(inner).ok()?;
    if inner
        .get(..6)
        .is_some_and(|head| head.eq_ignore_ascii_case("source"))
    {
        return None; // `Source : ...` lines are read by the source recognizer.
    }
    plausible_credit(credit).then_some(Caption {
        text: None,
        credit: Some(credit),
    })
}

/// A caption whose credit ends the line: `<text>. Photo: Vietnam+`, `<text> (Source : VKBIA)`,
/// `<text> (Photo : VNA)`.
pub(crate) fn text_with_credit(line: &str) -> Option<Caption<'_>> {
    let (base, window) = tail(line, 120);
    // A label is followed by a colon: no colon, no caption; labels start before the last one.
    let last_colon = memchr::memrchr(b':', window.as_bytes())?;
    if !label_before_a_colon(window) {
        return None;
    }
    let label_starts = window[..last_colon].char_indices().filter(|&(i, c)| {
        matches!(c, 'P' | 'p' | 'S' | 's' | 'Ả' | 'N' | 'C' | 'c' | 'I' | 'i')
            && (i == 0 || !window[..i].ends_with(char::is_alphanumeric))
    });
    for (i, first) in label_starts {
        let start = base + i;
        let opened = line[..start].ends_with('(');
        let rest = match (opened, line[start..].strip_suffix(')')) {
            (true, Some(inner)) => inner,
            (true, None) => continue,
            (false, _) => &line[start..],
        };
        let Ok((_, credit)) = labelled(rest) else {
            continue;
        };
        if !plausible_credit(credit) || credit.contains(['(', ')']) {
            continue;
        }
        let text = line[..if opened { start - 1 } else { start }].trim_end();
        let is_photo = matches!(first, 'P' | 'Ả') && !rest.starts_with("Source");
        let accepted = opened || (first.is_uppercase() && (is_photo || ends_like_sentence(text)));
        if !text.is_empty() && accepted {
            return Some(Caption {
                text: Some(text),
                credit: Some(credit),
            });
        }
    }
    None
}

/// True when some colon of `window` follows (white space aside) the end of a label: a cheap
/// necessary condition for [`labelled`] to read a caption credit there (hot path: most colons
/// in text follow no label). Label ends are compared as [`label`] compares them: ASCII ones
/// case-insensitively (no other char lowercases to these ASCII letters), `Ảnh` and `Nguồn` exactly.
fn label_before_a_colon(window: &str) -> bool {
    const ENDS: [&str; 5] = ["photo", "photos", "illustration", "archives", "source"];
    memchr::memchr_iter(b':', window.as_bytes()).any(|colon| {
        let before = window[..colon].trim_end().as_bytes();
        ENDS.iter().any(|end| {
            before.len() >= end.len()
                && before[before.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
        }) || before.ends_with("Ảnh".as_bytes())
            || before.ends_with("Nguồn".as_bytes())
    })
}

/// A markdown image `![alt](url)`, possibly inside table pipes: returns `(alt, url)`.
pub(crate) fn markdown_image(line: &str) -> Option<(&str, &str)> {
    let inner = strip_pipes(line);
    let (rest, (_, alt, _, _)) = (
        tag::<&str, &str, nom::error::Error<&str>>("!["),
        take_until("]"),
        char(']'),
        char('('),
    )
        .parse(inner)
        .ok()?;
    let close = rest.find(')')?;
    let url = &rest[..close];
    let after = rest[close + 1..].trim_matches(|c: char| c == '|' || c.is_whitespace());
    after.is_empty().then_some((alt.trim(), url.trim()))
}

/// Strips markdown table pipes around a cell: `| text |` -> `text`.
pub(crate) fn strip_pipes(line: &str) -> &str {
    line.trim_matches(|c: char| c == '|' || c.is_whitespace())
}

/// True for a line in markdown table pipes: `| ... |`.
pub(crate) fn is_table_cell(line: &str) -> bool {
    line.len() >= 2 && line.starts_with('|') && line.ends_with('|')
}

/// Vietnamese alt-text residue: `<headline> ảnh 1<caption>`. Returns the text after the marker.
pub(crate) fn alt_text_residue(line: &str) -> Option<&str> {
    // One prebuilt byte searcher (hot path: every line is searched; std's `str::find` builds
    // its searcher per call, and its char search is slow on wasm32).
    static MARKER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let marker = MARKER
        .get_or_init(|| memchr::memmem::Finder::new(" ảnh "))
        .find(line.as_bytes())?;
    let after = &line[marker + " ảnh ".len()..];
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && digits <= 3).then(|| after[digits..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_only_lines() {
        assert_eq!(
            credit_only("Photo : VNA/CVN").unwrap().credit,
            Some("VNA/CVN")
        );
        assert_eq!(
            credit_only("Photo: Vietnam+").unwrap().credit,
            Some("Vietnam+")
        );
        assert_eq!(credit_only("(Photo : VNA)").unwrap().credit, Some("VNA"));
        assert_eq!(
            credit_only("Photo d’illustration : VNA").unwrap().credit,
            Some("VNA")
        );
        assert!(credit_only("Source : https://baoquocte.vn/x.html").is_none());
        assert!(credit_only("Photographie de la ville").is_none());
    }

    #[test]
    fn captions_with_a_final_credit() {
        let c = text_with_credit(
            "La première Semaine numérique se déroule du 11 au 14 octobre. Photo: Vietnam+",
        )
        .unwrap();
        assert_eq!(
            c.text,
            Some("La première Semaine numérique se déroule du 11 au 14 octobre.")
        );
        assert_eq!(c.credit, Some("Vietnam+"));
        let c = text_with_credit("Scène de travail dans la Zone. (Source : VKBIA)").unwrap();
        assert_eq!(
            (c.text, c.credit),
            (Some("Scène de travail dans la Zone."), Some("VKBIA"))
        );
        assert!(text_with_credit("Le photographe a dit: merci.").is_none());
        assert!(
            text_with_credit(
                "Il a consulté la source: le ministère a confirmé hier que tout allait bien."
            )
            .is_none()
        );
    }

    #[test]
    fn colons_after_labels() {
        for yes in [
            "Le port. Photo : VNA",
            "Le port (PHOTOS: VNA)",
            "Vue. Photo d’illustration : X",
            "La rue (Source : VKBIA)",
            "Hà Nội Ảnh: TTXVN",
            "Texte : A - Photo\u{a0}: B",
        ] {
            assert!(label_before_a_colon(yes), "{yes}");
        }
        for no in ["Il a dit : oui", "Photo", "photographe : X", "Nguon : X"] {
            assert!(!label_before_a_colon(no), "{no}");
        }
    }

    #[test]
    fn image_residue() {
        assert_eq!(markdown_image("![]() |"), Some(("", "")));
        assert_eq!(
            markdown_image("![Hanoï](https://x.vn/a.jpg)"),
            Some(("Hanoï", "https://x.vn/a.jpg"))
        );
        assert!(markdown_image("! [pas une image]").is_none());
        assert_eq!(
            strip_pipes("| Une légende (Source : X) |"),
            "Une légende (Source : X)"
        );
        assert_eq!(
            alt_text_residue("Titre du jour ảnh 1Le ministre parle. Photo: VNA"),
            Some("Le ministre parle. Photo: VNA")
        );
        assert!(alt_text_residue("Il a vu trois ảnh").is_none());
    }
}
