//! Shape tests on a line of text: length, words, final punctuation, capitalization.

/// Characters that end a sentence (a paragraph usually ends with one of them).
const SENTENCE_END: &[char] = &['.', '!', '?', '…', ';', ':', ','];

/// Closing quotes and brackets that may follow the final punctuation.
const CLOSERS: &[char] = &['»', '"', '”', '’', '\'', ')', ']', '*', '_'];

/// The last character of `s` that is not a closing quote or bracket.
pub(crate) fn last_meaningful_char(s: &str) -> Option<char> {
    s.trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace())
        .chars()
        .next_back()
}

/// True when `s` ends with sentence punctuation (`.`, `!`, `?`, `…`, `;`, `:`, `,`), quotes aside.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    last_meaningful_char(s).is_some_and(|c| SENTENCE_END.contains(&c))
}

/// True when `s` ends with a full stop (or `…`), quotes aside.
pub(crate) fn ends_with_period(s: &str) -> bool {
    matches!(last_meaningful_char(s), Some('.' | '…'))
}

/// Number of white-space separated words, counting at most `cap`.
pub(crate) fn word_count(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap).count()
}

/// Length in chars, counting at most `cap`.
pub(crate) fn char_len(s: &str, cap: usize) -> usize {
    // `len / 4` chars at least: long lines answer at once; shorter ones use std's fast count
    // instead of decoding char by char (hot path).
    if s.len() / 4 >= cap {
        return cap;
    }
    s.chars().count().min(cap)
}

/// True when the first letter-or-digit of `s` is an uppercase letter or a digit
/// (opening quotes and brackets are skipped).
pub(crate) fn starts_capitalized(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// True for a word that looks like an acronym or agency code: `VNA`, `CPV`, `VOV5`, `TG&VN`.
pub(crate) fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=12).contains(&s.chars().count())
        && letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '+' | '.' | '-'))
}

/// True for a short personal name: 1 to 5 words, each starting with an uppercase letter,
/// no digits and no sentence punctuation (`Thúy Hà`, `Nguyen Van Long`).
pub(crate) fn is_name_like(s: &str) -> bool {
    let words = word_count(s, 7);
    (1..=5).contains(&words)
        && char_len(s, 50) < 50
        && s.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
        })
}

/// nom's `tag_no_case`, with a fast path: the ASCII head of `tag` is compared byte-wise
/// (`eq_ignore_ascii_case`) before nom's per-char Unicode lowercasing runs on the rest. Same
/// result: no non-ASCII char lowercases to an ASCII letter except the Kelvin sign (to `k`), and
/// tags with a `k` go to nom directly.
#[inline]
pub(crate) fn tag_nc<'a>(tag: &'static str) -> impl Fn(&'a str) -> nom::IResult<&'a str, &'a str> {
    // Computed once per parser (constant-folded for a literal tag), not once per input.
    let unicode_only = tag.contains(['k', 'K']);
    let ascii = tag.bytes().position(|b| !b.is_ascii()).unwrap_or(tag.len());
    move |input: &'a str| {
        use nom::Parser;
        if unicode_only {
            return nom::bytes::complete::tag_no_case(tag).parse(input);
        }
        match input.get(..ascii) {
            Some(h) if h.eq_ignore_ascii_case(&tag[..ascii]) => {}
            _ => {
                return Err(nom::Err::Error(nom::error::Error::new(
                    input,
                    nom::error::ErrorKind::Tag,
                )));
            }
        }
        if ascii == tag.len() {
            return Ok((&input[ascii..], &input[..ascii]));
        }
        nom::bytes::complete::tag_no_case(tag).parse(input)
    }
}

/// The first `n` bytes of `s`, cut back to a char boundary.
pub(crate) fn head(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The last `n` bytes of `s` (moved forward to a char boundary), and where they start.
pub(crate) fn tail(s: &str, n: usize) -> (usize, &str) {
    if s.len() <= n {
        return (0, s);
    }
    let mut start = s.len() - n;
    while !s.is_char_boundary(start) {
        start += 1;
    }
    (start, &s[start..])
}

/// Normalizes typographic apostrophes and white space for loose comparisons.
pub(crate) fn loose_eq(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == '’' { '\'' } else { c })
            .collect::<String>()
    };
    a.len().abs_diff(b.len()) < 16 && norm(a) == norm(b)
}

/// True when `long` starts with `short`, ignoring white space and apostrophe styles
/// (scraped repeats often glue words: `la viequotidienne`).
pub(crate) fn loose_starts_with(long: &str, short: &str) -> bool {
    let fold = |c: char| if c == '’' { '\'' } else { c };
    let mut long = long.chars().filter(|c| !c.is_whitespace()).map(fold);
    let mut matched = 0;
    for c in short.chars().filter(|c| !c.is_whitespace()).map(fold) {
        if long.next() != Some(c) {
            return false;
        }
        matched += 1;
    }
    matched > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_endings_look_through_quotes() {
        assert!(ends_like_sentence("les prix du concours «Viet Solutions»."));
        assert!(ends_like_sentence("des personnes…"));
        assert!(ends_like_sentence("« C'est fini. »"));
        assert!(!ends_like_sentence(
            "Potentiel de devenir un axe de coopération clé"
        ));
        assert!(!ends_like_sentence("Que faire »"));
    }

    #[test]
    fn acronyms_and_names() {
        for a in ["VNA", "CVN", "CPV", "VOV5", "TG&VN", "VKBIA"] {
            assert!(is_acronym(a), "{a}");
        }
        for n in ["Vietnam+", "Hanoï", "A", "vna"] {
            assert!(!is_acronym(n), "{n}");
        }
        assert!(is_name_like("Thúy Hà"));
        assert!(!is_name_like("le Vietnam"));
        assert!(!is_name_like("Il a dit."));
    }

    #[test]
    fn loose_prefixes_ignore_glued_words() {
        assert!(loose_starts_with(
            "met en lumière la viequotidienne des Hanoiens. Suite.",
            "met en lumière la vie quotidienne des Hanoiens."
        ));
        assert!(!loose_starts_with(
            "met en lumière",
            "met en lumière la vie"
        ));
        assert!(!loose_starts_with("abc", ""));
    }

    #[test]
    fn head_and_tail_respect_char_boundaries() {
        assert_eq!(head("éé", 3), "é");
        assert_eq!(tail("éé", 3), (2, "é"));
        assert_eq!(tail("ab", 5), (0, "ab"));
    }
}
