//! Property tests: parsing never panics, spans are right, and the markdown rendering parses back
//! to the same article.
//!
//! Inputs are arbitrary strings and documents assembled from the format's own pieces (titles,
//! `>>` links, `Photo :` lines, credits, `Source :` URLs, chrome, datelines, sign-offs, `./.`,
//! bold and piped lines) with blank runs of 1, 2 or 4 newlines, CRLF, NBSP and a BOM. The span
//! checks are shared with the fuzz targets (`fuzz/src/lib.rs`).

#[allow(dead_code)]
#[path = "../../../fuzz/src/lib.rs"]
mod check;

use depeche::{Article, BlockKind, ParseOptions};
use proptest::prelude::*;

/// Lines of the format, as found in the seeds and in FORMAT.md.
const PIECES: &[&str] = &[
    // site, date header, bylines, date lines
    "Vietnam.vn - Nền tảng quảng bá Việt Nam",
    " date 2024-08 Technologies de l’information et de la communication",
    "VietnamPlusVietnamPlus24/04/2025",
    "Báo Nhân dânBáo Nhân dân11/02/2024",
    "Thu Hà 11/02/2024 10:35",
    "Jeudi 24 avril 2025",
    "2023-09-03T17:25",
    // titles, kickers, headings
    "Le Vietnam et la Fédération de Russie renforcent leur coopération à l'ère numérique",
    "Coopération numérique",
    "Hanoï",
    "# Le Vietnam accueille le sommet",
    "## Potentiel de devenir un axe de coopération clé",
    "Que faire ?",
    // paragraphs
    "Le 24 avril à Hanoï, l'Académie vietnamienne des sciences sociales a organisé un séminaire intitulé « Opportunités de coopération Vietnam-Russie à l'ère numérique ».",
    "Hanoï (VNA) - Le 10 mai, le Premier ministre a reçu une délégation de la Fédération de Russie.",
    "(VOVWORLD) - Le Vietnam et le Laos ont signé un accord de coopération.",
    "Nhân Dân en ligne – Le 3 mars, la conférence a réuni les ministres.",
    "Les deux pays vont échanger des experts et des étudiants./.",
    "Il a été signé à Hanoï. - VietnamPlus",
    "Il a été signé à Hanoï.-VNA",
    "Le texte a été adopté. VOV/VNA/VI",
    "Le Vietnam a constaté la Voix du Vietnam (VOV) hier.",
    "**Le Vietnam et la Russie ont signé un accord de coopération dans le domaine numérique le 24 avril.**",
    "Premier paragraphe collé. Deuxième paragraphe collé dans la même ligne, comme le fait la conversion.",
    // related links
    ">> Le Vietnam s’engage à renforcer la coopération",
    ">>Opérations de maintien de la paix",
    "Lire aussi : Le Vietnam et l’ASEAN",
    // captions and images
    "Photo : VNA/CVN",
    "Photo: Vietnam+",
    "(Photo : VNA)",
    "Photo d’illustration : VNA",
    "La première Semaine numérique se déroule du 11 au 14 octobre. Photo: Vietnam+",
    "![]() |",
    "| Scène de travail dans la Zone (Source : VKBIA) |",
    "| Une cellule sans crédit |",
    "![Hanoï](https://x.vn/a.jpg)",
    "Le sommet s’ouvre ảnh 1Le ministre parle. Photo: VNA",
    // credits
    "VNA/CVN",
    "(VNA/Vietnam+)",
    "CPV/VNA/CVN",
    "Thúy Hà/CVN",
    "- VietnamPlus",
    "Texte : Minh Anh/CVN - Photo : VNA",
    "Nguyen Van Long",
    // sources
    "Source : https://baoquocte.vn/a-331902.html",
    "Source\u{a0}: VNA",
    "Source : javascript:alert(1)",
    // chrome
    "Comment (0)",
    "Laissez un commentaire pour partager vos ressentis !",
    "Même catégorie",
    "Voir plus",
    "Partager",
    "Rédacteur en chef : Nguyen Van A",
];

/// Small tricky fragments glued into lines.
const FRAGMENTS: &[&str] = &[
    "./.",
    "**",
    "|",
    "(",
    ")",
    ":",
    " : ",
    "-",
    " – ",
    "—",
    ">>",
    "»",
    "«",
    "’",
    "ảnh 1",
    "Photo",
    "Source",
    "VNA",
    "/",
    "\u{a0}",
    "\u{202f}",
    "\u{feff}",
    "\u{200b}",
    "é",
    "#",
    "![",
    "](",
    "\r",
    "24/04/2025",
    "2024-08",
    ".",
    "?",
    "Ả",
];

const SEPARATORS: &[&str] = &[
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\r\n",
    "\r\n\r\n",
    "\n \n",
    "\n\u{a0}\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => proptest::collection::vec(proptest::sample::select(FRAGMENTS), 1..6)
            .prop_map(|f| f.concat()),
        1 => (proptest::sample::select(PIECES), proptest::sample::select(FRAGMENTS),
              proptest::sample::select(PIECES))
            .prop_map(|(a, f, b)| format!("{a}{f}{b}")),
        1 => "[ -~àéèêôûçảờĐđ’«»–\u{a0}]{0,40}",
    ]
}

/// A document of the format's pieces, with varied separators, NBSP indents and a BOM.
fn document() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        proptest::collection::vec(
            (
                piece(),
                proptest::sample::select(SEPARATORS),
                proptest::bool::weighted(0.1),
            ),
            1..14,
        ),
    )
        .prop_map(|(bom, parts)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            for (p, sep, nbsp) in parts {
                if nbsp {
                    s.push('\u{a0}');
                }
                s.push_str(&p);
                s.push_str(sep);
            }
            s
        })
}

/// Lines of a real page, by zone, in page order (see `real_document`).
const HEAD: &[&str] = &[
    "Vietnam.vn - Nền tảng quảng bá Việt Nam",
    " date 2024-08 Technologies de l’information et de la communication",
];
const TITLES: &[&str] = &[
    "Le Vietnam et la Fédération de Russie renforcent leur coopération à l'ère numérique",
    "# Le Vietnam accueille le sommet",
    "Coopération numérique",
];
const BYLINES: &[&str] = &[
    "VietnamPlusVietnamPlus24/04/2025",
    "Báo Nhân dânBáo Nhân dân11/02/2024",
    "Thu Hà 11/02/2024 10:35",
];
const BODY: &[&str] = &[
    "Le 24 avril à Hanoï, l'Académie vietnamienne des sciences sociales a organisé un séminaire intitulé « Opportunités de coopération Vietnam-Russie à l'ère numérique ».",
    "Hanoï (VNA) - Le 10 mai, le Premier ministre a reçu une délégation de la Fédération de Russie.",
    "(VOVWORLD) - Le Vietnam et le Laos ont signé un accord de coopération.",
    "Les deux pays vont échanger des experts et des étudiants./.",
    "Il a été signé à Hanoï. - VietnamPlus",
    "Le Vietnam a constaté la Voix du Vietnam (VOV) hier.",
    "Premier paragraphe collé. Deuxième paragraphe collé dans la même ligne, comme le fait la conversion.",
    "## Potentiel de devenir un axe de coopération clé",
    "Potentiel de devenir un axe de coopération clé",
    ">> Le Vietnam s’engage à renforcer la coopération",
    "Photo : VNA/CVN",
    "La première Semaine numérique se déroule du 11 au 14 octobre. Photo: Vietnam+",
    "![]() |",
    "| Scène de travail dans la Zone (Source : VKBIA) |",
    "![Hanoï](https://x.vn/a.jpg)",
];
const CREDITS: &[&str] = &["VNA/CVN", "(VNA/Vietnam+)", "CPV/VNA/CVN", "Thúy Hà/CVN"];
const SOURCES: &[&str] = &["Source : https://baoquocte.vn/a-331902.html"];
const CHROME: &[&str] = &["Comment (0)", "Même catégorie", "Voir plus"];

fn maybe(lines: &'static [&'static str]) -> impl Strategy<Value = Option<&'static str>> {
    proptest::option::of(proptest::sample::select(lines))
}

/// A document shaped like a real page: header lines, a title, a byline, body lines (paragraphs
/// first, then any body element), a closing credit, a source and trailing chrome.
fn real_document() -> impl Strategy<Value = String> {
    (
        maybe(HEAD),
        proptest::sample::select(TITLES),
        maybe(BYLINES),
        proptest::sample::select(&BODY[..3]),
        proptest::collection::vec(proptest::sample::select(BODY), 0..8),
        (maybe(CREDITS), maybe(SOURCES), maybe(CHROME)),
        proptest::sample::select(SEPARATORS),
    )
        .prop_map(
            |(head, title, byline, first, body, (credit, source, chrome), sep)| {
                let mut lines: Vec<&str> = Vec::new();
                lines.extend(head);
                lines.push(title);
                lines.extend(byline);
                lines.push(first);
                lines.extend(body);
                lines.extend([credit, source, chrome].into_iter().flatten());
                lines.join(sep)
            },
        )
}

fn assert_invariants(input: &str, options: &ParseOptions) -> Result<(), TestCaseError> {
    let result = depeche::parse_with(input, options);
    check::check_result(input, &result, options).map_err(TestCaseError::fail)?;
    let bytes = check::check_bytes(input.as_bytes(), options);
    bytes.map_err(TestCaseError::fail)
}

/// What the markdown round trip must keep: the title, each block's kind, text and credit, and
/// the credits' texts.
#[derive(Debug, PartialEq)]
struct Reading {
    title: Option<String>,
    body: Vec<(BlockKind, Option<String>, Option<String>)>,
    credits: Vec<String>,
}

fn reading(a: &Article<'_>) -> Reading {
    Reading {
        title: a.title.as_deref().map(str::to_owned),
        body: a
            .body
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.text.as_deref().map(str::to_owned),
                    b.credit.as_deref().map(str::to_owned),
                )
            })
            .collect(),
        credits: a.credits.iter().map(|c| c.text.to_string()).collect(),
    }
}

/// Parses `input`, renders it to markdown, parses that again, and compares the readings.
fn round_trip(input: &str) -> Result<(), TestCaseError> {
    let Ok(first) = depeche::parse(input) else {
        return Ok(());
    };
    let markdown = first.to_markdown();
    let a = reading(&first);
    let b = match depeche::parse(&markdown) {
        Ok(second) => reading(&second),
        // An article with nothing to render renders to a blank string.
        Err(depeche::Error::Empty { .. }) => Reading {
            title: None,
            body: Vec::new(),
            credits: Vec::new(),
        },
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "the markdown does not parse: {e}\n{markdown}"
            )));
        }
    };
    prop_assert_eq!(a, b, "markdown:\n{}", markdown);
    Ok(())
}

/// Failures are kept in `crates/depeche/proptest-regressions/invariants.txt` and replayed first.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(
                "proptest-regressions/invariants.txt",
            ),
        )),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_strings_parse_or_fail_cleanly(s in any::<String>()) {
        assert_invariants(&s, &ParseOptions::default())?;
    }

    #[test]
    fn format_like_strings_parse_or_fail_cleanly(s in "[ -~\n\r\t\u{a0}\u{feff}àéảĐ’«»–—|]{0,200}") {
        assert_invariants(&s, &ParseOptions::default())?;
    }

    #[test]
    fn documents_of_the_formats_pieces_keep_the_invariants(
        doc in document(),
        strict in any::<bool>(),
        limit in proptest::option::of(0usize..400),
    ) {
        let mut options = ParseOptions::default().strict(strict);
        if let Some(limit) = limit {
            options = options.max_bytes(limit);
        }
        assert_invariants(&doc, &options)?;
    }

    #[test]
    fn arbitrary_bytes_give_a_typed_error_or_a_sound_article(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        check::check_bytes(&bytes, &ParseOptions::default()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn markdown_round_trip_keeps_title_body_and_credits(doc in real_document()) {
        round_trip(&doc)?;
    }
}

/// The two minimal round-trip failures found by `markdown_round_trip_keeps_title_body_and_credits`
/// on page-shaped documents, kept as regression tests.
#[test]
fn repeated_lede_round_trip() {
    const P: &str = "Le 24 avril à Hanoï, l'Académie vietnamienne des sciences sociales a organisé un séminaire intitulé « Opportunités de coopération Vietnam-Russie à l'ère numérique ».";
    const D: &str = "Hanoï (VNA) - Le 10 mai, le Premier ministre a reçu une délégation de la Fédération de Russie.";
    // 1. The lede, its repeat, and the paragraph once more: the body's remaining copy renders
    //    right after the `**lede**` and is dropped again as a repeat when the markdown is read.
    round_trip(&format!("Coopération numérique\n\n{P}\n\n{P}\n\n{P}\n")).unwrap();
    // 2. A lede with a dateline, printed twice: the repeat's credit `(VNA)` is rendered as a
    //    standalone credit line, and the paragraph after it is then cut as a teaser.
    round_trip(&format!("Coopération numérique\n\n{D}\n\n{D}\n\n{P}\n")).unwrap();
}

#[test]
fn seeds_keep_the_invariants_and_round_trip() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_invariants(&text, &ParseOptions::default()).unwrap();
            round_trip(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            n += 1;
        }
    }
    assert!(n >= 5);
}
