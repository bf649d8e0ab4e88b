//! Input checks: size limit, UTF-8, emptiness. Offsets stay relative to the caller's input.

use crate::{Error, ParseOptions};

/// Check a `&str` input against the options.
pub(crate) fn check_text<'a>(text: &'a str, options: &ParseOptions) -> Result<&'a str, Error> {
    check_size(text.len(), options)?;
    check_not_empty(text)?;
    Ok(text)
}

/// Decode bytes as UTF-8 (the BOM, if any, stays in the text and is skipped by the parser).
pub(crate) fn decode<'a>(bytes: &'a [u8], options: &ParseOptions) -> Result<&'a str, Error> {
    check_size(bytes.len(), options)?;
    // simdutf8 checks valid text ~10x faster than std on accented text; std reports where
    // invalid text goes wrong.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => std::str::from_utf8(bytes).map_err(|e| {
            let offset = e.valid_up_to();
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..offset]).count();
            Error::InvalidUtf8 { offset, line }
        })?,
    };
    check_not_empty(text)?;
    Ok(text)
}

fn check_size(len: usize, options: &ParseOptions) -> Result<(), Error> {
    if len > options.max_bytes {
        return Err(Error::TooLarge {
            len,
            limit: options.max_bytes,
        });
    }
    Ok(())
}

fn check_not_empty(text: &str) -> Result<(), Error> {
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(Error::Empty { len: text.len() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_offset_and_line_of_bad_utf8() {
        let bytes = b"Titre\nab\xffcd";
        let err = decode(bytes, &ParseOptions::default()).unwrap_err();
        assert_eq!(err, Error::InvalidUtf8 { offset: 8, line: 2 });
    }

    #[test]
    fn rejects_blank_and_oversized_input() {
        let opts = ParseOptions::default().max_bytes(4);
        assert_eq!(
            check_text("  \n\u{a0}", &ParseOptions::default()),
            Err(Error::Empty { len: 5 })
        );
        assert_eq!(
            check_text("hello", &opts),
            Err(Error::TooLarge { len: 5, limit: 4 })
        );
    }
}
