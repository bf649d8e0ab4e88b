//! Bad input gives a typed error with its byte offset, and a clear message.

use depeche::{Error, ParseOptions};

#[test]
fn invalid_utf8_names_the_offset_and_line() {
    let bytes = b"Titre\n\nUn paragraphe \xe9crit en Latin-1.";
    let err = depeche::parse_bytes(bytes).unwrap_err();
    assert_eq!(
        err,
        Error::InvalidUtf8 {
            offset: 21,
            line: 3
        }
    );
    assert_eq!(
        (err.offset(), err.line(), err.kind()),
        (21, Some(3), "invalid_utf8")
    );
    assert_eq!(err.to_string(), "invalid UTF-8 at byte offset 21 (line 3)");
}

#[test]
fn empty_and_blank_inputs() {
    for input in ["", "  \n\n\t", "\u{feff}\u{a0}\r\n"] {
        let err = depeche::parse(input).unwrap_err();
        assert_eq!(err, Error::Empty { len: input.len() }, "{input:?}");
        assert_eq!(err.kind(), "empty");
    }
    assert!(matches!(
        depeche::parse_bytes(b""),
        Err(Error::Empty { len: 0 })
    ));
}

#[test]
fn inputs_over_the_limit() {
    let options = ParseOptions::default().max_bytes(10);
    let err = depeche::parse_with("Un texte de plus de dix octets.", &options).unwrap_err();
    assert_eq!(err, Error::TooLarge { len: 31, limit: 10 });
    assert_eq!(err.offset(), 10);
    assert_eq!(
        err.to_string(),
        "input of 31 bytes is over the limit of 10 bytes"
    );
    // The limit is checked before decoding: a huge invalid input fails on its size.
    let big = vec![0xff; 64];
    assert!(matches!(
        depeche::parse_bytes_with(&big, &options),
        Err(Error::TooLarge { .. })
    ));
}

#[test]
fn strict_mode_wants_a_body() {
    let strict = ParseOptions::default().strict(true);
    let err = depeche::parse_with("Comment (0)\nMême catégorie\n", &strict).unwrap_err();
    assert_eq!(err, Error::NoBody { len: 29 });
    assert_eq!(err.kind(), "no_body");
    // Lenient mode reads the same input and says why it found nothing.
    let article = depeche::parse("Comment (0)\nMême catégorie\n").unwrap();
    assert_eq!(article.paragraphs().count(), 0);
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.contains("no body paragraph"))
    );
    assert!(depeche::parse_with("Un vrai paragraphe du corps.", &strict).is_ok());
}

#[test]
fn bom_crlf_and_french_spaces_are_read() {
    let text = "\u{feff}Le Vietnam renforce sa coopération\r\n\r\nLe texte du corps de l’article.\r\n\r\nSource\u{202f}: https://fr.vietnamplus.vn/a.vnp\r\n";
    let article = depeche::parse_bytes(text.as_bytes()).unwrap();
    assert_eq!(
        article.title.as_deref(),
        Some("Le Vietnam renforce sa coopération")
    );
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://fr.vietnamplus.vn/a.vnp")
    );
    assert_eq!(
        article.paragraphs().collect::<Vec<_>>(),
        ["Le texte du corps de l’article."]
    );
}
