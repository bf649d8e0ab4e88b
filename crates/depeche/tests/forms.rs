//! The forms listed in `spec/FORMAT.md`, each on a small article built like the real pages.

use depeche::{AgencyTable, Article, BlockKind, ParseOptions};

fn parse(text: &str) -> Article<'static> {
    depeche::parse(text).expect("parses").into_owned()
}

fn credits(a: &Article<'_>) -> Vec<String> {
    a.credits.iter().map(|c| c.text.to_string()).collect()
}

fn kinds(a: &Article<'_>) -> Vec<&'static str> {
    a.body.iter().map(|b| b.kind.as_str()).collect()
}

const BODY: &str = "Le Premier ministre a salué les contributions de l'ambassadeur au développement du partenariat.";

#[test]
fn kicker_above_the_headline_is_not_the_title() {
    let text = format!(
        "Hanoï\n\nLe Premier ministre reçoit l'ambassadeur du Japon\n\n{BODY}\n\nUne autre phrase du corps de l'article."
    );
    let a = parse(&text);
    assert_eq!(
        a.title.as_deref(),
        Some("Le Premier ministre reçoit l'ambassadeur du Japon")
    );
    assert_eq!(a.kicker.as_deref(), Some("Hanoï"));
}

#[test]
fn dateline_is_a_credit_and_stays_in_the_text() {
    let text = format!(
        "Le Vietnam et le Japon renforcent leurs liens\n\nHanoï (VNA) - Le 10 mai, le Premier ministre a reçu l'ambassadeur.\n\n{BODY}"
    );
    let a = parse(&text);
    assert_eq!(credits(&a), ["VNA"]);
    assert!(
        a.paragraphs()
            .next()
            .unwrap()
            .starts_with("Hanoï (VNA) - Le 10 mai")
    );
    for (line, agency) in [
        ("(VOVWORLD) - Le gouvernement a adopté un programme.", "VOV"),
        (
            "Nhân Dân en ligne – Le 10 février, des millions de Vietnamiens ont célébré le Têt.",
            "Nhân Dân",
        ),
        (
            "Hanoi, 12 mars (VNA) - Le Vietnam a lancé un programme.",
            "VNA",
        ),
    ] {
        let a = parse(line);
        assert_eq!(a.agencies, [agency], "{line}");
    }
}

#[test]
fn sign_off_suffixes_are_cut_from_the_last_paragraph() {
    for (ending, credit) in [
        (" -VNA", "VNA"),
        (" –VNA", "VNA"),
        (".-VNA", "VNA"),
        (" - AVI", "AVI"),
        (" -CVN/VNA", "CVN/VNA"),
        (" - VietnamPlus", "VietnamPlus"),
    ] {
        let text = format!("{BODY}\n\nLes deux pays vont échanger des experts en 2025{ending}");
        let a = parse(&text);
        let last = a.paragraphs().last().unwrap();
        assert!(!last.contains(credit), "{ending}: {last}");
        assert_eq!(credits(&a), [credit], "{ending}");
    }
    let a = parse(&format!(
        "{BODY}\n\nLes deux pays vont échanger des experts. VOV/VNA/VI"
    ));
    assert_eq!(a.agencies, ["VOV", "VNA", "VI"]);
    assert_eq!(
        a.paragraphs().last(),
        Some("Les deux pays vont échanger des experts.")
    );
}

#[test]
fn vna_end_marker_becomes_a_full_stop() {
    let a = parse(&format!(
        "{BODY}\n\nLe Japon continuera à accompagner le Vietnam./."
    ));
    assert_eq!(
        a.paragraphs().last(),
        Some("Le Japon continuera à accompagner le Vietnam.")
    );
}

#[test]
fn standalone_credit_lines_and_personal_names() {
    let a = parse(&format!("{BODY}\n\nCPV/VNA/CVN"));
    assert_eq!(a.agencies, ["CPV", "VNA", "CVN"]);
    let a = parse(&format!("{BODY}\n\nThúy Hà/CVN"));
    assert_eq!(
        (credits(&a), a.agencies.clone()),
        (vec!["Thúy Hà/CVN".to_owned()], vec!["CVN".into()])
    );
    let a = parse(&format!("{BODY}\n\nTexte et photos : Minh Anh/CVN"));
    assert_eq!(credits(&a), ["Minh Anh/CVN"]);
}

#[test]
fn photo_credits_are_caption_credits_not_article_credits() {
    let a = parse(&format!(
        "Photo : VNA/CVN\n\n{BODY}\n\nUne légende de photo du sommet. Photo : AFP\n\n{BODY}"
    ));
    assert!(a.credits.is_empty());
    let captions: Vec<_> = a
        .blocks(BlockKind::Caption)
        .map(|b| (b.text.as_deref(), b.credit.as_deref()))
        .collect();
    assert_eq!(
        captions,
        [
            (None, Some("VNA/CVN")),
            (Some("Une légende de photo du sommet."), Some("AFP"))
        ]
    );
}

#[test]
fn quoted_source_in_the_text_is_not_a_credit() {
    let a = parse(&format!(
        "{BODY}\n\nDe nombreuses mesures ont été prises, a constaté la Voix du Vietnam (VOV)."
    ));
    assert!(a.credits.is_empty());
}

#[test]
fn alt_text_residue_is_a_caption_not_the_title() {
    let text = format!(
        "Le Premier ministre à la cérémonie ảnh 1Le Premier ministre s'exprime lors de la cérémonie. Photo: VNA\n\n{BODY}"
    );
    let a = parse(&text);
    assert_eq!(a.title, None);
    let c = a.blocks(BlockKind::Caption).next().unwrap();
    assert_eq!(
        c.text.as_deref(),
        Some("Le Premier ministre s'exprime lors de la cérémonie.")
    );
    assert_eq!(c.credit.as_deref(), Some("VNA"));
}

#[test]
fn pages_may_start_with_related_links() {
    let text = format!(
        ">> Le Vietnam et le Laos renforcent leur coopération\n>> Le président reçoit une délégation\n\nLe Vietnam accélère la transformation numérique\n\n{BODY}\n\nLes PME sont au cœur de ce programme."
    );
    let a = parse(&text);
    assert_eq!(
        a.title.as_deref(),
        Some("Le Vietnam accélère la transformation numérique")
    );
    assert_eq!(kinds(&a), ["related", "related", "paragraph", "paragraph"]);
}

#[test]
fn vietnam_vn_bylines_carry_other_outlets_and_iso_timestamps() {
    let text = format!(
        "Vietnam.vn - Nền tảng quảng bá Việt Nam\n\nLe Têt célébré dans tout le pays\n\nDes millions de Vietnamiens ont célébré le Nouvel An lunaire dans une ambiance chaleureuse.\n\nBáo Nhân dânBáo Nhân dân11/02/2024\n\n{BODY}"
    );
    let a = parse(&text);
    assert_eq!(a.site.as_deref(), Some("Vietnam.vn"));
    assert_eq!(a.byline.as_deref(), Some("Báo Nhân dân"));
    assert_eq!(a.date.unwrap().to_string(), "2024-02-11");
    assert!(a.lede.is_some());
    let a = parse(&format!(
        "Le tourisme vise 18 millions de visiteurs\n2023-09-03T17:25\n{BODY}"
    ));
    assert_eq!(a.date.unwrap().to_string(), "2023-09-03");
}

#[test]
fn trailing_chrome_and_footers_go_to_boilerplate() {
    let text = format!(
        "{BODY}\n\nVNA/CVN\n\nVoir plus\nCommentaires\nRédacteur en chef : Nguyen Van A\nLicence n° 123/GP-BTTTT\nUn festival de lanternes attire les touristes à Hôi An."
    );
    let a = parse(&text);
    assert_eq!(a.boilerplate.first().map(|s| s.as_ref()), Some("Voir plus"));
    assert_eq!(a.boilerplate.len(), 5);
    assert_eq!(a.paragraphs().count(), 1);
}

#[test]
fn glued_paragraphs_stay_one_paragraph_and_a_repeated_lede_is_dropped() {
    let lede = "Le Vietnam a joué un rôle actif dans la construction de la Communauté de l'ASEAN, selon le vice-ministre.";
    let text = format!(
        "Le Vietnam, partenaire fiable de l'ASEAN\n\n{lede}\n\n{lede}\n\n{BODY} Une deuxième phrase. Un deuxième paragraphe collé."
    );
    let a = parse(&text);
    assert_eq!(a.lede.as_deref(), Some(lede));
    assert_eq!(a.paragraphs().count(), 1);
    assert!(a.warnings.iter().any(|w| w.contains("repeats the lede")));
}

#[test]
fn source_urls_must_be_http() {
    let a = parse(&format!(
        "{BODY}\n\nSource\u{a0}: https://fr.vietnamplus.vn/a-post1.vnp"
    ));
    assert_eq!(
        a.source_url.as_deref(),
        Some("https://fr.vietnamplus.vn/a-post1.vnp")
    );
    let a = parse(&format!("{BODY}\n\nSource : javascript:alert(1)"));
    assert_eq!(a.source_url, None);
    assert!(!a.warnings.is_empty());
}

#[test]
fn subheadings_need_a_paragraph_after_them_and_no_final_punctuation() {
    let text = format!(
        "{BODY}\n\nUne coopération renforcée\n\n{BODY}\n\n- Premier point sans point final\n\n{BODY}\n\nSelon lui :\n\n{BODY}"
    );
    let a = parse(&text);
    let headings: Vec<_> = a
        .blocks(BlockKind::Heading)
        .filter_map(|b| b.text.as_deref())
        .collect();
    assert_eq!(headings, ["Une coopération renforcée"]);
}

#[test]
fn users_extend_the_agency_table() {
    let mut table = AgencyTable::default();
    table.insert("Tuổi Trẻ", ["Tuoi Tre", "TT"]);
    let options = ParseOptions::default().agencies(table);
    let a =
        depeche::parse_with("Le texte de l'article est ici.\n\n(Tuoi Tre/VNA)", &options).unwrap();
    assert_eq!(a.agencies, ["Tuổi Trẻ", "VNA"]);
}

#[test]
fn markdown_round_trip_keeps_title_body_and_credits() {
    for path in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds")).unwrap() {
        let path = path.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let a = parse(&text);
        let md = a.to_markdown();
        let b = parse(&md);
        let view = |a: &Article<'static>| {
            let body: Vec<_> = a
                .body
                .iter()
                .map(|x| (x.kind, x.text.clone(), x.credit.clone()))
                .collect();
            (a.title.clone(), body, credits(a))
        };
        assert_eq!(view(&b), view(&a), "{}", path.display());
    }
}

#[test]
fn teasers_after_the_closing_credit_are_boilerplate() {
    let text = format!(
        "{BODY}\n\nVNA/CVN\n\nSource : https://lecourrier.vn/a.html\n\nLe Vietnam et le Laos signent un accord\nUn festival de lanternes attire les touristes.\n\nActualités"
    );
    let a = parse(&text);
    assert_eq!(
        a.source_url.as_deref(),
        Some("https://lecourrier.vn/a.html")
    );
    assert_eq!(a.paragraphs().count(), 1);
    assert_eq!(a.boilerplate.len(), 3);
    // A real paragraph after a credit is still body.
    let text = format!("{BODY}\n\nVNA/CVN\n\n{BODY} {BODY} {BODY}");
    assert_eq!(parse(&text).paragraphs().count(), 2);
}

#[test]
fn decoration_lines_are_dropped() {
    let a = parse(&format!("{BODY}\n\n* * *\n\n| --- | --- |\n\n{BODY}"));
    assert_eq!(a.paragraphs().count(), 2);
    assert_eq!(a.boilerplate, ["* * *", "| --- | --- |"]);
}

#[test]
fn sign_off_then_teasers_of_other_articles() {
    let text = "Une exposition de photos ouverte à Tay Ninh\n\n\
        Une exposition de photos célébrant le centenaire s'est ouverte au musée de la province.\n\
        Une exposition de photos célébrant lecentenaire s'est ouverte au musée de la province.\n\
        L'exposition est ouverte jusqu'à la mi-août prochaine.- AVI\n\
        Voir plus\n\
        Près de 11.000 participants au Marathon. Photo: VNA\n\
        Les Jeux paralympiques de l’ASEAN : départ en fanfare pour le Vietnam\n\
        Le Vietnam a signé une entrée en matière remarquable aux Jeux paralympiques de l’ASEAN en Thaïlande, en remportant huit médailles d’or dès la première journée de compétition, confirmant la détermination et le haut niveau de ses athlètes.";
    let a = parse(text);
    assert_eq!(
        a.title.as_deref(),
        Some("Une exposition de photos ouverte à Tay Ninh")
    );
    assert!(
        a.lede.is_some(),
        "the body repeats the lede with glued words"
    );
    assert_eq!(
        a.paragraphs().collect::<Vec<_>>(),
        ["L'exposition est ouverte jusqu'à la mi-août prochaine."]
    );
    assert_eq!(a.agencies, ["VNA"]);
    assert_eq!(a.boilerplate.first().map(|s| s.as_ref()), Some("Voir plus"));
    assert_eq!(a.blocks(BlockKind::Caption).count(), 0);
}

#[test]
fn vietnamplus_alt_text_caption_marks_the_lede() {
    let text = "Fête du Têt pour des enfants démunis de Hanoï\n\n\
        L’association Coup de Pouce Vietnam a organisé le 22 janvier à Hanoï une fête du Têt pour des enfants démunis.\n\
        Fête du Têt pour des enfants démunis de Hanoï ảnh 1Des enfants ont reçu des cadeaux lors de la fête.\n\n\n\n\
        Hanoi (VNA) - L’association Coup de Pouce Vietnam a organisé le 22 janvier à Hanoï une fête du Têt. Il s’agit d’une activité annuelle.\n\n\
        Trente jeunes et leurs parents se sont réunis dans un restaurant de la rue An Duong.";
    let a = parse(text);
    assert!(
        a.lede
            .as_deref()
            .is_some_and(|l| l.starts_with("L’association"))
    );
    let c = a.blocks(BlockKind::Caption).next().unwrap();
    assert_eq!(
        (c.text.as_deref(), c.credit.as_deref()),
        (
            Some("Des enfants ont reçu des cadeaux lors de la fête."),
            None
        )
    );
    assert_eq!(a.agencies, ["VNA"]);
    assert_eq!(a.paragraphs().count(), 2);
}

#[test]
fn a_repeated_headline_is_read_once() {
    let text = "ATK Dinh Hoa, un haut-lieu historique\n\nATK Dinh Hoa, un haut-lieu historique\n\n\
        (VOVWORLD) - La Zone sécurisée de Dinh Hoa, dans la province de Thai Nguyên, est connue sous plusieurs noms.\n\n\
        Elle a abrité le Comité central pendant la guerre.";
    let a = parse(text);
    assert_eq!(
        a.title.as_deref(),
        Some("ATK Dinh Hoa, un haut-lieu historique")
    );
    assert_eq!(a.paragraphs().count(), 2);
    assert_eq!(a.agencies, ["VOV"]);
}

#[test]
fn a_credit_line_completes_the_caption_above_it() {
    let text = format!(
        "{BODY}\n\nLe concours ảnh 1Logo du concours et de l'OIF, son parrain principal.   \nPhoto : CVN\n\n{BODY}"
    );
    let a = parse(&text);
    let captions: Vec<_> = a
        .blocks(BlockKind::Caption)
        .map(|b| (b.text.as_deref(), b.credit.as_deref()))
        .collect();
    assert_eq!(
        captions,
        [(
            Some("Logo du concours et de l'OIF, son parrain principal."),
            Some("CVN")
        )]
    );
}

#[test]
fn credit_spans_point_at_the_credit_text() {
    for text in [
        format!("{BODY}\n\nIls vont échanger des experts.\u{a0}VOV/VNA/VI"),
        format!("{BODY}\n\nIls vont échanger des experts. -  VNA"),
        format!("{BODY}\n\nTexte :  Minh Anh/CVN - Photo :  Quang Vinh/CVN"),
        format!("Hanoï ( VNA ) - {BODY}"),
        format!("{BODY}\n\n(  VNA/CVN )"),
        // A markdown table cell read as a paragraph: placed from the cell, not the pipe.
        format!("{BODY}\n\n|Ils vont échanger des experts. - VNA |"),
    ] {
        let a = depeche::parse(&text).unwrap();
        assert!(!a.credits.is_empty(), "{text}");
        for c in &a.credits {
            assert_eq!(c.span.slice(&text), Some(c.text.as_ref()), "{text}");
        }
    }
}

#[test]
fn a_thematic_break_ends_the_header_zone() {
    let a = parse(&format!(
        "---\n\nLe Vietnam renforce sa coopération\n\n{BODY}"
    ));
    assert_eq!(a.title, None);
    let a = parse(&format!(
        "# Le Vietnam renforce sa coopération\n\n---\n\n{BODY}\n\nPhoto : VNA"
    ));
    assert_eq!(a.lede, None);
    assert_eq!(a.paragraphs().next(), Some(BODY));
}
