//! Page chrome: comment counters, "Même catégorie", share buttons, menus, newspaper footers.

use crate::shape::{char_len, head};

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
    if char_len(line, 121) > 120 {
        return None;
    }
    let lower = head(line, 160).to_lowercase();
    let key = lower.trim_end_matches([':', ' ', '.', '…', '!']).trim();
    if TERMINAL.contains(&key) || TERMINAL_PREFIXES.iter().any(|p| key.starts_with(p)) {
        return Some(Chrome::Terminal);
    }
    if SOFT.contains(&key) {
        return Some(Chrome::Soft);
    }
    None
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
