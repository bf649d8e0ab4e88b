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
    // `s.split_whitespace().take(cap).count()`, decoding only non-ASCII chars (hot path).
    let (mut count, mut in_word, mut i) = (0, false, 0);
    let bytes = s.as_bytes();
    while i < bytes.len() && count < cap {
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_whitespace() || b == 0x0b, 1),
            _ => s[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
        i += len;
    }
    count
}

/// Length in chars, counting at most `cap`.
///
/// Reads O(`cap`) bytes whatever the length of `s` (hot path: most lines are long paragraphs
/// compared against short caps). Each round counts, with std's fast count, the chars of the
/// next `cap - count` bytes (at most that many chars), so the count never passes `cap`.
pub(crate) fn char_len(s: &str, cap: usize) -> usize {
    let (mut rest, mut count) = (s, 0);
    while count < cap && !rest.is_empty() {
        let room = cap - count;
        if rest.len() <= room {
            return count + rest.chars().count();
        }
        let mut window = head(rest, room);
        if window.is_empty() {
            // `room` is shorter than the next char: take that char alone.
            window = &rest[..rest.chars().next().map_or(0, char::len_utf8)];
        }
        count += window.chars().count();
        rest = &rest[window.len()..];
    }
    count
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
    // Fewer than 50 chars are at most 196 bytes: a cheap first check (hot path).
    if s.len() > 196 {
        return false;
    }
    let words = word_count(s, 7);
    (1..=5).contains(&words)
        && char_len(s, 50) < 50
        && s.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
        })
}

/// nom's `tag_no_case` for `&str`, comparing char by char (lowercased; ASCII pairs by a byte
/// comparison, the hot path). Unlike nom's, the match ends after the input chars compared, not
/// at the tag's byte length, so a char whose lowercase is shorter or longer in UTF-8 (the
/// Kelvin sign matches `k`) can neither panic nor cut a char.
#[inline]
pub(crate) fn tag_nc<'a>(tag: &'static str) -> impl Fn(&'a str) -> nom::IResult<&'a str, &'a str> {
    move |input: &'a str| {
        let mut rest = input;
        for t in tag.chars() {
            let same = rest
                .chars()
                .next()
                .filter(|&c| match (c.is_ascii(), t.is_ascii()) {
                    (true, true) => c.eq_ignore_ascii_case(&t),
                    _ => c.to_lowercase().eq(t.to_lowercase()),
                });
            let Some(c) = same else {
                return Err(nom::Err::Error(nom::error::Error::new(
                    input,
                    nom::error::ErrorKind::Tag,
                )));
            };
            rest = &rest[c.len_utf8()..];
        }
        Ok((rest, &input[..input.len() - rest.len()]))
    }
}

/// The UTF-8 bytes of `s.to_lowercase()`, written into `buf` instead of a new `String` (hot
/// path). `None` when they do not fit, or when `s` holds a `Σ` (the one char
/// `str::to_lowercase` maps by context).
pub(crate) fn lowercase_in<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if s.is_ascii() {
        let lower = buf.get_mut(..s.len())?;
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        return Some(lower);
    }
    let mut len = 0;
    for c in s.chars() {
        if c.is_ascii() {
            *buf.get_mut(len)? = c.to_ascii_lowercase() as u8;
            len += 1;
            continue;
        }
        if c == 'Σ' {
            return None;
        }
        for lower in c.to_lowercase() {
            let end = len + lower.len_utf8();
            lower.encode_utf8(buf.get_mut(len..end)?);
            len = end;
        }
    }
    Some(&buf[..len])
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
    fn char_len_counts_chars_up_to_the_cap() {
        for s in [
            "",
            "abc",
            "éèà",
            "a€b😀c",
            "Hà Nội, le 3 mars",
            &"é".repeat(300),
        ] {
            for cap in [0, 1, 2, 3, 5, 17, 151, 400] {
                assert_eq!(
                    char_len(s, cap),
                    s.chars().count().min(cap),
                    "{s:?} cap {cap}"
                );
            }
        }
    }

    #[test]
    fn lowercase_in_matches_to_lowercase() {
        let mut buf = [0u8; 64];
        for s in ["", "Même Catégorie", "TIẾNG VIỆT", "İstanbul", "ABC"] {
            assert_eq!(lowercase_in(s, &mut buf), Some(s.to_lowercase().as_bytes()));
        }
        assert_eq!(lowercase_in("ΟΔΟΣ", &mut buf), None);
        assert_eq!(lowercase_in(&"A".repeat(65), &mut buf), None);
    }

    #[test]
    fn tag_nc_matches_nom_tag_no_case() {
        use nom::Parser;
        let tags = ["photo", "crédit photo", "lire aussi :", "facebook", "ảnh"];
        let inputs = [
            "Photo : VNA",
            "PHOTO",
            "phot",
            "CRÉDIT PHOTO : X",
            "Crédit",
            "LIRE AUSSI : x",
            "Facebook",
            "ẢNH 1",
            "",
        ];
        for tag in tags {
            for input in inputs {
                let ours = tag_nc(tag)(input);
                let nom = nom::bytes::complete::tag_no_case::<_, _, nom::error::Error<&str>>(tag)
                    .parse(input);
                assert_eq!(ours.ok(), nom.ok(), "{tag:?} on {input:?}");
            }
        }
        // Where nom slices at the tag's byte length (and panics), the match ends after the
        // Kelvin sign.
        assert_eq!(
            tag_nc("book")("BOO\u{212a}s").ok(),
            Some(("s", "BOO\u{212a}"))
        );
    }

    #[test]
    fn word_count_splits_on_unicode_white_space() {
        let texts = [
            "",
            "  ",
            "un",
            " un  deux\ttrois\n",
            "a\u{a0}b\u{202f}c\u{3000}d\u{b}e\u{85}f",
            "Hà Nội – le 3 mars",
        ];
        for s in texts {
            for cap in [0, 1, 2, 3, 10] {
                let expected = s.split_whitespace().take(cap).count();
                assert_eq!(word_count(s, cap), expected, "{s:?} cap {cap}");
            }
        }
    }

    #[test]
    fn head_and_tail_respect_char_boundaries() {
        assert_eq!(head("éé", 3), "é");
        assert_eq!(tail("éé", 3), (2, "é"));
        assert_eq!(tail("ab", 5), (0, "ab"));
    }
}
