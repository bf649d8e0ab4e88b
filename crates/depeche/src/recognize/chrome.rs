//! Page chrome: comment counters, "Même catégorie", share buttons, menus, newspaper footers.

use crate::shape::{char_len, head, lowercase_in};

/// How a chrome line affects what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chrome {
    /// Ends the article: this line and everything after it is chrome
    /// (`Comment (0)`, `Même catégorie`, footers).
    Terminal,
    /// Chrome by itself (`Partager`, `Voir plus`, `Tags`); ends the article only when no
    /// real paragraph follows.
    Soft,
    /// A line without a letter or digit (`***`, `| --- |`): dropped, ends nothing.
    Decoration,
}

/// Lines that end the article (compared lowercased, after trimming `:` and spaces).
const TERMINAL: &[&str] = &[
    "comment",
    "comments",
    "commentaire",
    "commentaires",
    "vos commentaires",
    "votre commentaire",
    "ajouter un commentaire",
    "laisser un commentaire",
    "même catégorie",
    "voir plus",
    "même auteur",
    "même sujet",
    "dans la même rubrique",
    "dans la même catégorie",
    "articles liés",
    "articles connexes",
    "articles similaires",
    "autres articles",
    "sur le même sujet",
    "les plus lus",
    "plus lus",
    "les plus populaires",
    "dernières nouvelles",
    "dernières infos",
    "à ne pas manquer",
    "nouvelles connexes",
    "tin liên quan",
    "bình luận",
];

/// Prefixes of lines that end the article (footers, comment forms).
const TERMINAL_PREFIXES: &[&str] = &[
    "comment (",
    "commentaires (",
    "commentaire (",
    "laissez un commentaire",
    "laissez votre commentaire",
    "rédacteur en chef",
    "rédactrice en chef",
    "directeur de publication",
    "directrice de publication",
    "licence",
    "licence de presse",
    "permis de publication",
    "copyright",
    "©",
    "tous droits réservés",
    "tout droit réservé",
    "siège :",
    "adresse :",
    "tél :",
    "tél.",
    "tel :",
    "téléphone :",
    "fax :",
    "e-mail :",
    "email :",
    "hotline",
];

/// Lines that are chrome by themselves.
const SOFT: &[&str] = &[
    "partager",
    "partagez",
    "partager sur facebook",
    "partager sur twitter",
    "imprimer",
    "envoyer",
    "en savoir plus",
    "lire la suite",
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "tags",
    "mots-clés",
    "mots clés",
    "mot-clé",
    "retour",
    "haut de page",
    "retour en haut",
    "accueil",
    "newsletter",
    "abonnez-vous",
    "s'abonner",
    "suivez-nous",
    "suivez-nous sur",
    "menu",
    "rechercher",
    "recherche",
    "connexion",
    "se connecter",
    "english",
    "français",
    "tiếng việt",
    "vidéo",
    "vidéos",
    "podcast",
    "multimédia",
    "publicité",
    "facebook",
    "twitter",
    "youtube",
    "zalo",
    "x",
];

/// Classifies `line` as chrome, if it is.
pub(crate) fn chrome(line: &str) -> Option<Chrome> {
    if !line.chars().any(char::is_alphanumeric) {
        return Some(Chrome::Decoration);
    }
    // Trimming before lowercasing gives the same key (lowercasing neither makes nor removes
    // white space or these marks). Every entry has at most `MAX_ENTRY` chars: a longer key can
    // only match a prefix, so only its first `MAX_ENTRY` chars are lowercased (hot path).
    const MAX_ENTRY: usize = 32;
    debug_assert!(
        TERMINAL
            .iter()
            .chain(TERMINAL_PREFIXES)
            .chain(SOFT)
            .all(|e| e.chars().count() <= MAX_ENTRY)
    );
    let raw = head(line, 160)
        .trim_end_matches([':', ' ', '.', '…', '!'])
        .trim();
    // Up to 32 chars: the key is the whole line (bytes bound chars: at most 4 bytes a char).
    let whole = raw.len() <= MAX_ENTRY
        || (raw.len() <= 4 * MAX_ENTRY && char_len(raw, MAX_ENTRY + 1) <= MAX_ENTRY);
    if !may_match(raw, whole) {
        return None;
    }
    let cut = match raw.char_indices().nth(MAX_ENTRY) {
        Some((i, _)) => &raw[..i],
        None => raw,
    };
    let mut buf = [0u8; 4 * MAX_ENTRY * 3];
    let owned;
    let key = match lowercase_in(cut, &mut buf) {
        Some(key) => key,
        None => {
            owned = cut.to_lowercase();
            owned.as_bytes()
        }
    };
    let is = |entries: &[&str]| whole && entries.iter().any(|e| e.as_bytes() == key);
    let kind = if is(TERMINAL)
        || TERMINAL_PREFIXES
            .iter()
            .any(|p| key.starts_with(p.as_bytes()))
    {
        Chrome::Terminal
    } else if is(SOFT) {
        Chrome::Soft
    } else {
        return None;
    };
    // A line of more than 120 chars is text, whatever it starts with (counted last: most
    // lines are long and match nothing).
    (char_len(line, 121) <= 120).then_some(kind)
}

/// A cheap pre-check of the key's first two chars (hot path: most lines start like no entry).
///
/// When `raw` starts with two ASCII chars, the lowercased key starts with their ASCII
/// lowercase, and an entry can match only if it starts with those two bytes (entries with
/// fewer bytes are compared in full); a whole ASCII key must also have the entry's length.
/// Otherwise it answers true and the full comparison runs.
fn may_match(raw: &str, whole: bool) -> bool {
    let &[a, b, ..] = raw.as_bytes() else {
        return true;
    };
    if !a.is_ascii() || !b.is_ascii() {
        return true;
    }
    let head = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
    let starts = |e: &&str| e.as_bytes().get(..2) == Some(&head[..]);
    // An ASCII key keeps its byte length when lowercased: a whole entry must have it too.
    let ascii = whole && raw.is_ascii();
    let whole_entry = |e: &&str| starts(e) && (!ascii || e.len() == raw.len());
    TERMINAL_PREFIXES.iter().any(starts) || (whole && TERMINAL.iter().chain(SOFT).any(whole_entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_chrome_lines() {
        assert_eq!(chrome("Comment (0)"), Some(Chrome::Terminal));
        assert_eq!(
            chrome("Laissez un commentaire pour partager vos ressentis !"),
            Some(Chrome::Terminal)
        );
        assert_eq!(chrome("Même catégorie"), Some(Chrome::Terminal));
        assert_eq!(
            chrome("Rédacteur en chef : Nguyen Van A"),
            Some(Chrome::Terminal)
        );
        assert_eq!(chrome("Voir plus"), Some(Chrome::Terminal));
        assert_eq!(chrome("Partager :"), Some(Chrome::Soft));
        assert_eq!(
            chrome("Commentaires, critiques et éloges ont suivi la décision du ministère."),
            None
        );
        assert_eq!(chrome("Patrimoine"), None);
        assert_eq!(chrome("* * *"), Some(Chrome::Decoration));
        assert_eq!(chrome("| --- | --- |"), Some(Chrome::Decoration));
    }
}
