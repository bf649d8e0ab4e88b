//! Dates: ISO (`2024-08`, `2023-09-03T17:25`), numeric (`24/04/2025`) and French
//! (`jeudi 24 avril 2025`), and the `date YYYY-MM <category>` header.

use nom::branch::alt;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{alpha1, char, space0, space1};
use nom::combinator::{map_opt, opt, rest};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::PartialDate;
use crate::shape::{tag_nc, tail};

fn digits(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u16> {
    move |input| {
        map_opt(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            |d: &str| d.parse().ok(),
        )
        .parse(input)
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]`.
pub(crate) fn iso_date(input: &str) -> IResult<&str, PartialDate> {
    let (input, (year, month, day)) = (
        digits(4, 4),
        opt(preceded(char('-'), digits(2, 2))),
        opt(preceded(char('-'), digits(2, 2))),
    )
        .parse(input)?;
    let (input, _) = opt((char('T'), digits(2, 2), char(':'), digits(2, 2))).parse(input)?;
    match (month, day) {
        (None, Some(_)) => fail(input),
        _ => make(input, year, month, day),
    }
}

/// `DD/MM/YYYY` (also with `-` or `.` separators).
pub(crate) fn dmy_date(input: &str) -> IResult<&str, PartialDate> {
    let sep = || alt((char('/'), char('-'), char('.')));
    let (input, (day, _, month, _, year)) =
        (digits(1, 2), sep(), digits(1, 2), sep(), digits(4, 4)).parse(input)?;
    make(input, year, Some(month), Some(day))
}

/// `[lundi[,]] 24 avril 2025` (also `1er`, unaccented month names).
pub(crate) fn french_date(input: &str) -> IResult<&str, PartialDate> {
    let (input, _) = opt((weekday, opt(char(',')), space1)).parse(input)?;
    let (input, (day, _, _, month, _, year)) = (
        digits(1, 2),
        opt(tag_nc("er")),
        space1,
        map_opt(alpha1, month_number),
        space1,
        digits(4, 4),
    )
        .parse(input)?;
    make(input, year, Some(month), Some(day))
}

fn weekday(input: &str) -> IResult<&str, &str> {
    alt((
        tag_nc("lundi"),
        tag_nc("mardi"),
        tag_nc("mercredi"),
        tag_nc("jeudi"),
        tag_nc("vendredi"),
        tag_nc("samedi"),
        tag_nc("dimanche"),
    ))
    .parse(input)
}

fn month_number(name: &str) -> Option<u16> {
    const MONTHS: [&[&str]; 12] = [
        &["janvier"],
        &["février", "fevrier"],
        &["mars"],
        &["avril"],
        &["mai"],
        &["juin"],
        &["juillet"],
        &["août", "aout"],
        &["septembre"],
        &["octobre"],
        &["novembre"],
        &["décembre", "decembre"],
    ];
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u16 + 1)
}

fn make(
    input: &str,
    year: u16,
    month: Option<u16>,
    day: Option<u16>,
) -> IResult<&str, PartialDate> {
    let small = |v: Option<u16>| v.and_then(|v| u8::try_from(v).ok());
    match PartialDate::new(year, small(month), small(day)) {
        Some(date) => Ok((input, date)),
        None => fail(input),
    }
}

fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// Any of the date forms (a bare ISO year or month is accepted here; callers check precision).
pub(crate) fn any_date(input: &str) -> IResult<&str, PartialDate> {
    alt((dmy_date, iso_date, french_date)).parse(input)
}

/// True when `s` holds only a time of day and its decorations (`10:30`, `- 10h30`, `| 17:25 (GMT+7)`).
fn is_time_tail(s: &str) -> bool {
    let s = s.trim();
    s.len() <= 32 && s.chars().all(is_time_char)
}

/// A char of a time of day and its decorations (white space included).
fn is_time_char(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_whitespace()
        || matches!(
            c,
            ':' | 'h' | 'H' | '+' | '-' | '–' | '|' | ',' | '(' | ')' | '.'
        )
        || matches!(c, 'G' | 'M' | 'T' | 'U' | 'C' | 'Z' | 'à')
}

/// A trailing date (and its time) stands in the last bytes of a line.
const TRAILING_DATE_WINDOW: usize = 72;

/// A cheap pre-check for [`trailing_date`] (hot path): every date form ends with digits and
/// only time chars may follow it, so the run of time chars ending the line holds the year
/// (`24/04/2025 10:30`, `24 avril 2025`, `2025-04-24`). Most lines end with a word and a `.`.
pub(crate) fn year_near_end(line: &str) -> bool {
    let run = line
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_time_char(c))
        .last()
        .map_or("", |(i, _)| &line[i..]);
    has_year(tail(run, TRAILING_DATE_WINDOW).1)
}

/// A date that ends `line` (a time may follow it). Returns where the date starts.
pub(crate) fn trailing_date(line: &str) -> Option<(usize, PartialDate)> {
    let (base, window) = tail(line, TRAILING_DATE_WINDOW);
    if !has_year(window) {
        return None;
    }
    window.char_indices().find_map(|(i, c)| {
        let prev = window[..i].chars().next_back();
        let starts_number = c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit());
        let starts_word = c.is_alphabetic() && !prev.is_some_and(char::is_alphanumeric);
        if !(starts_number || starts_word) {
            return None;
        }
        let (rest, date) = any_date(&window[i..]).ok()?;
        (date.day.is_some() && is_time_tail(rest)).then_some((base + i, date))
    })
}

/// True when `s` holds four digits in a row (every full date form has a year).
fn has_year(s: &str) -> bool {
    let mut run = 0;
    s.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// Labels that may open a date line (`Publié le 24/04/2025`).
fn date_label(input: &str) -> IResult<&str, &str> {
    alt((
        tag_nc("publié le"),
        tag_nc("publié"),
        tag_nc("mis à jour le"),
        tag_nc("mis à jour"),
        tag_nc("mise à jour"),
        tag_nc("date de publication"),
        tag_nc("date"),
        tag_nc("le"),
    ))
    .parse(input)
}

/// A line that is only a date: optional label, the date, optional time.
pub(crate) fn date_line(line: &str) -> Option<PartialDate> {
    if line.len() > 80 || !has_year(line) {
        return None;
    }
    let (input, _) = opt((date_label, opt(char(':')), space0)).parse(line).ok()?;
    let (rest, date) = any_date(input).ok()?;
    (date.day.is_some() && is_time_tail(rest)).then_some(date)
}

/// The ` date 2024-08 Technologies de l’information` header: the date and the category.
pub(crate) fn date_header(line: &str) -> Option<(PartialDate, Option<&str>)> {
    if !line.starts_with(['d', 'D']) {
        return None; // hot path
    }
    let (_, (_, _, date, category)) = (tag_nc("date"), space1, iso_date, rest).parse(line).ok()?;
    if !category.is_empty() && !category.starts_with(char::is_whitespace) {
        return None;
    }
    let category = category.trim();
    Some((date, (!category.is_empty()).then_some(category)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        s.to_owned()
    }

    #[test]
    fn reads_the_date_header() {
        let (date, cat) =
            date_header("date 2024-08 Technologies de l’information et de la communication")
                .unwrap();
        assert_eq!(date.to_string(), iso("2024-08"));
        assert_eq!(
            cat,
            Some("Technologies de l’information et de la communication")
        );
        assert!(date_header("dates 2024").is_none());
        assert!(date_header("date 2024-08x").is_none());
    }

    #[test]
    fn finds_dates_that_end_a_line() {
        let line = "VietnamPlusVietnamPlus24/04/2025";
        let (at, date) = trailing_date(line).unwrap();
        assert_eq!(&line[..at], "VietnamPlusVietnamPlus");
        assert_eq!(date.to_string(), "2025-04-24");
        let (at, date) = trailing_date("Báo Nhân dân 2023-09-03T17:25").unwrap();
        assert_eq!(at, "Báo Nhân dân ".len());
        assert_eq!(date.to_string(), "2023-09-03");
        assert_eq!(
            trailing_date("Thu Hà 11/02/2024 10:35")
                .unwrap()
                .1
                .to_string(),
            "2024-02-11"
        );
        assert!(trailing_date("prévue en 2025.").is_none());
    }

    #[test]
    fn whole_date_lines() {
        assert_eq!(
            date_line("Jeudi 24 avril 2025").unwrap().to_string(),
            "2025-04-24"
        );
        assert_eq!(
            date_line("Publié le 1er mai 2024 à 10h30")
                .unwrap()
                .to_string(),
            "2024-05-01"
        );
        assert_eq!(
            date_line("2023-09-03T17:25").unwrap().to_string(),
            "2023-09-03"
        );
        assert!(date_line("Le 24 avril à Hanoï, l'Académie").is_none());
        assert!(date_line("32/01/2024").is_none());
    }
}
