//! Credits: standalone lines (`VNA/CVN`, `(VNA/Vietnam+)`), sign-off suffixes (` - VietnamPlus`,
//! `.-VNA`, ` VOV/VNA/VI`) and datelines (`Hanoï (VNA) -`, `Nhân Dân en ligne –`).

use crate::AgencyTable;
use crate::shape::{ends_like_sentence, is_acronym, is_name_like, tail, word_count};

/// A credit read from the text: as printed, and its canonical agencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CreditText<'a> {
    /// The credit as printed, without dashes, parentheses or labels.
    pub text: &'a str,
    /// Byte offset of `text` in the string it was read from.
    pub at: usize,
    /// Canonical agency names (personal names dropped).
    pub agencies: Vec<String>,
    /// True when at least one part is a known agency.
    pub known: bool,
}

const DASHES: &[char] = &['-', '–', '—', '‑'];

/// `s.find(DASHES)` as a byte scan: `-`, or the lead byte `0xE2` of `–`, `—`, `‑` (hot path).
fn find_dash(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr2(b'-', 0xE2, &bytes[from..]) {
        let at = from + i;
        if bytes[at] == b'-' || s[at..].starts_with(DASHES) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `s.rfind(DASHES)` as a byte scan (see [`find_dash`]).
fn rfind_dash(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut to = bytes.len();
    while let Some(at) = memchr::memrchr2(b'-', 0xE2, &bytes[..to]) {
        if bytes[at] == b'-' || s[at..].starts_with(DASHES) {
            return Some(at);
        }
        to = at;
    }
    None
}

/// Reads `text` as a `/`-separated credit. Each part must be a known agency, an acronym or a
/// personal name; names are dropped from the agencies.
pub(crate) fn read_credit<'a>(
    text: &'a str,
    at: usize,
    table: &AgencyTable,
) -> Option<CreditText<'a>> {
    let at = at + (text.len() - text.trim_start().len());
    let text = text.trim();
    if text.is_empty() || text.len() > 80 {
        return None;
    }
    let mut agencies: Vec<String> = Vec::new();
    let mut known = false;
    let mut acronyms = 0;
    for part in text.split('/') {
        let part = part.trim();
        if let Some(canonical) = table.canonical(part) {
            known = true;
            push_unique(&mut agencies, canonical);
        } else if is_acronym(part) {
            acronyms += 1;
            push_unique(&mut agencies, part);
        } else if !is_name_like(part) {
            return None;
        }
    }
    if !known && acronyms == 0 && !text.contains('/') {
        // A lone personal name is still a credit text, with no agency.
        return is_name_like(text).then_some(CreditText {
            text,
            at,
            agencies,
            known,
        });
    }
    Some(CreditText {
        text,
        at,
        agencies,
        known,
    })
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_owned());
    }
}

/// Strips one pair of wrapping parentheses, and a leading dash.
fn unwrap_credit(line: &str) -> (usize, &str) {
    let mut at = 0;
    let mut s = line;
    if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        at += 1;
        s = inner;
    }
    let trimmed = s.trim_start_matches(|c: char| DASHES.contains(&c) || c.is_whitespace());
    at += s.len() - trimmed.len();
    (at, trimmed.trim_end())
}

/// A line that is only a credit: `VNA/CVN`, `(VNA/Vietnam+)`, `- VietnamPlus`, `CPV/VNA/CVN`,
/// `Thúy Hà/CVN`, `Texte : Minh Anh/CVN`. A lone agency must be known; a lone name needs a label
/// or parentheses.
pub(crate) fn credit_line<'a>(line: &'a str, table: &AgencyTable) -> Vec<CreditText<'a>> {
    if let Some(credits) = labelled_credits(line, table) {
        return credits;
    }
    let (at, inner) = unwrap_credit(line);
    let wrapped = at > 0;
    // Hot path, most lines: `read_credit` takes at most 80 bytes, and one bare part is a credit
    // only when it is a known agency.
    if inner.len() > 80 || (!wrapped && !inner.contains('/') && !table.contains(inner)) {
        return Vec::new();
    }
    match read_credit(inner, at, table) {
        Some(c) if c.known || c.agencies.len() >= 2 || (wrapped && !c.text.is_empty()) => vec![c],
        Some(c) if c.text.contains('/') && !c.agencies.is_empty() => vec![c],
        _ => Vec::new(),
    }
}

/// True for a line that opens with a `Texte` credit label.
pub(crate) fn is_labelled(line: &str) -> bool {
    line.get(..5)
        .is_some_and(|head| head.eq_ignore_ascii_case("texte"))
}

/// `Texte : X`, `Texte et photos : X`, `Texte : X - Photo : Y`: the credits after each label.
fn labelled_credits<'a>(line: &'a str, table: &AgencyTable) -> Option<Vec<CreditText<'a>>> {
    if !is_labelled(line) {
        return None;
    }
    let mut credits = Vec::new();
    let mut rest = line;
    let mut offset = 0;
    while let Some(colon) = rest.find(':') {
        let after = &rest[colon + 1..];
        let end = after
            .find(" - ")
            .or_else(|| after.find(" – "))
            .unwrap_or(after.len());
        let value = &after[..end];
        let value_at = offset + colon + 1;
        credits.push(read_credit(value, value_at, table)?);
        if end == after.len() {
            break;
        }
        let consumed = colon + 1 + end;
        offset += consumed;
        rest = &rest[consumed..];
    }
    (!credits.is_empty()).then_some(credits)
}

/// A sign-off credit ending a paragraph. Returns the text before it (trimmed) and the credit.
///
/// Forms: ` - VietnamPlus`, ` -VNA`, ` –VNA`, `.-VNA`, ` - AVI`, ` -CVN/VNA`, and without a
/// dash ` VOV/VNA/VI` (slash-separated, with a known agency, after a full stop).
pub(crate) fn credit_suffix<'a>(
    para: &'a str,
    table: &AgencyTable,
) -> Option<(&'a str, CreditText<'a>)> {
    let (base, window) = tail(para, 96);
    if let Some(found) = dash_suffix(para, base, window, table) {
        return Some(found);
    }
    let space = window.rfind(char::is_whitespace)?;
    let candidate = &window[space..];
    if !candidate.contains('/') {
        return None;
    }
    let credit = read_credit(candidate, base + space, table)?;
    let before = para[..base + space].trim_end();
    (credit.known && ends_like_sentence(before)).then_some((before, credit))
}

fn dash_suffix<'a>(
    para: &'a str,
    base: usize,
    window: &'a str,
    table: &AgencyTable,
) -> Option<(&'a str, CreditText<'a>)> {
    let dash = rfind_dash(window)?;
    let dash_len = window[dash..].chars().next()?.len_utf8();
    let after = &window[dash + dash_len..];
    let credit_at = base + dash + dash_len;
    if word_count(after, 5) > 4 {
        return None; // checked below on the credit's text; cheaper before reading it (hot path)
    }
    let credit = read_credit(after, credit_at, table)?;
    if !credit.known || word_count(credit.text, 6) > 4 {
        return None;
    }
    let before_raw = &para[..base + dash];
    let spaced =
        before_raw.ends_with(char::is_whitespace) || after.starts_with(char::is_whitespace);
    let before = before_raw.trim_end();
    (spaced || ends_like_sentence(before)).then_some((before, credit))
}

/// A dateline credit opening a paragraph: `Hanoï (VNA) - Le 10 mai...`, `(VOVWORLD) -`,
/// `Nhân Dân en ligne –`. The dateline stays in the paragraph.
pub(crate) fn dateline<'a>(para: &'a str, table: &AgencyTable) -> Option<CreditText<'a>> {
    let head = crate::shape::head(para, 80);
    if let Some(open) = head.find('(') {
        let place = &head[..open];
        let close = open + head[open..].find(')')?;
        let after = head[close + 1..].trim_start();
        let place_ok = place.trim().is_empty()
            || (word_count(place, 7) <= 6
                && !place.contains(['.', ';', ':'])
                && crate::shape::starts_capitalized(place));
        if place_ok && after.starts_with(DASHES) {
            let credit = read_credit(&head[open + 1..close], open + 1, table)?;
            return (credit.known || !credit.agencies.is_empty()).then_some(credit);
        }
        return None;
    }
    let dash = find_dash(head)?;
    let name = head[..dash].trim_end();
    if !head[..dash].ends_with(char::is_whitespace) || name.is_empty() {
        return None;
    }
    let canonical = table.canonical(name)?;
    Some(CreditText {
        text: name,
        at: 0,
        agencies: vec![canonical.to_owned()],
        known: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> AgencyTable {
        AgencyTable::default()
    }

    fn line(s: &str) -> Vec<(String, Vec<String>)> {
        credit_line(s, &table())
            .into_iter()
            .map(|c| (c.text.to_owned(), c.agencies))
            .collect()
    }

    #[test]
    fn standalone_credit_lines() {
        assert_eq!(
            line("VNA/CVN"),
            [("VNA/CVN".into(), vec!["VNA".into(), "CVN".into()])]
        );
        assert_eq!(
            line("(VNA/Vietnam+)"),
            [("VNA/Vietnam+".into(), vec!["VNA".into(), "Vietnam+".into()])]
        );
        assert_eq!(line("CPV/VNA/CVN")[0].1, ["CPV", "VNA", "CVN"]);
        assert_eq!(line("Thúy Hà/CVN")[0].1, ["CVN"]);
        assert_eq!(line("- VietnamPlus")[0].1, ["Vietnam+"]);
        assert_eq!(line("Texte : Minh Anh/CVN")[0].0, "Minh Anh/CVN");
        assert!(line("Hanoï").is_empty());
        assert!(line("ASEAN").is_empty());
        assert!(line("Potentiel de devenir un axe de coopération clé").is_empty());
    }

    #[test]
    fn sign_off_suffixes() {
        let t = table();
        let cases = [
            (
                "les prix du concours «Viet Solutions». - VietnamPlus",
                "les prix du concours «Viet Solutions».",
                "VietnamPlus",
            ),
            ("Il a été signé.-VNA", "Il a été signé.", "VNA"),
            ("Il a été signé -VNA", "Il a été signé", "VNA"),
            ("Il a été signé. –VNA", "Il a été signé.", "VNA"),
            ("Il a été signé. - AVI", "Il a été signé.", "AVI"),
            ("Il a été signé. -CVN/VNA", "Il a été signé.", "CVN/VNA"),
            (
                "Il a été signé. VOV/VNA/VI",
                "Il a été signé.",
                "VOV/VNA/VI",
            ),
        ];
        for (para, before, credit) in cases {
            let (b, c) = credit_suffix(para, &t).unwrap_or_else(|| panic!("{para}"));
            assert_eq!((b, c.text), (before, credit));
            assert_eq!(&para[c.at..c.at + c.text.len()], credit);
        }
        assert!(credit_suffix("les relations Vietnam-Russie", &t).is_none());
        assert!(credit_suffix("a constaté la Voix du Vietnam (VOV).", &t).is_none());
        assert!(credit_suffix("entre le Vietnam et la Corée - Japon", &t).is_none());
    }

    #[test]
    fn datelines() {
        let t = table();
        assert_eq!(
            dateline("Hanoï (VNA) - Le 10 mai, le Premier ministre", &t)
                .unwrap()
                .agencies,
            ["VNA"]
        );
        assert_eq!(
            dateline("(VOVWORLD) - Le Vietnam", &t).unwrap().agencies,
            ["VOV"]
        );
        assert_eq!(
            dateline("Nhân Dân en ligne – Le 3 mars", &t)
                .unwrap()
                .agencies,
            ["Nhân Dân"]
        );
        assert!(dateline("La Voix du Vietnam (VOV) a dit - selon", &t).is_none());
        assert!(dateline("Le Vietnam - Russie", &t).is_none());
        assert_eq!(
            dateline("Hanoi, 12 mars (VNA) - Le Vietnam", &t)
                .unwrap()
                .text,
            "VNA"
        );
    }
}
