//! Splitting the input into trimmed, non-blank lines with their byte spans.

use crate::Span;

/// One non-blank input line, trimmed of white space (including NBSP and a BOM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The trimmed text.
    pub text: &'a str,
    /// Where the trimmed text stands in the input.
    pub span: Span,
}

/// Characters trimmed from both ends of a line: Unicode white space and the BOM.
pub(crate) fn is_trim_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// The non-blank lines of `input`, in order. Lines end at `\n`; a `\r` before it is dropped.
pub(crate) fn split_lines(input: &str) -> Vec<Line<'_>> {
    // Articles have lines of ~100-300 bytes: sized for that, the vector seldom grows (capped, so
    // that one huge line reserves little).
    let mut lines = Vec::with_capacity((input.len() / 128).min(4096) + 4);
    let mut start = 0;
    let bytes = input.as_bytes();
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        if end < start {
            continue;
        }
        if let Some(line) = trimmed(input, start, end) {
            lines.push(line);
        }
        start = end + 1;
    }
    lines
}

fn trimmed(input: &str, start: usize, end: usize) -> Option<Line<'_>> {
    let raw = &input[start..end];
    let left = raw.trim_start_matches(is_trim_char);
    let text = left.trim_end_matches(is_trim_char);
    if text.is_empty() {
        return None;
    }
    let offset = start + (raw.len() - left.len());
    Some(Line {
        text,
        span: Span::new(offset, offset + text.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spans_of_trimmed_lines_across_crlf_bom_and_nbsp() {
        let input = "\u{feff}Titre\r\n\r\n\u{a0} Corps du texte.\u{202f}\r\nfin";
        let lines = split_lines(input);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Titre", "Corps du texte.", "fin"]);
        for l in &lines {
            assert_eq!(&input[l.span.start..l.span.end], l.text);
        }
    }

    #[test]
    fn blank_input_has_no_lines() {
        assert!(split_lines("\n\n \r\n").is_empty());
        assert!(split_lines("").is_empty());
    }
}
