//! The agency table: canonical short names and the aliases they are printed under.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Built-in agencies: `(canonical, aliases)`. Matching ignores case.
const BUILT_IN: &[(&str, &[&str])] = &[
    (
        "VNA",
        &[
            "AVI",
            "TTXVN",
            "Vietnam News Agency",
            "Agence vietnamienne d'information",
        ],
    ),
    ("CVN", &["Le Courrier du Vietnam", "Courrier du Vietnam"]),
    ("Vietnam+", &["VietnamPlus", "VNP", "Vietnam Plus"]),
    (
        "VOV",
        &["VOVWORLD", "VOV5", "VOVworld", "La Voix du Vietnam"],
    ),
    (
        "Nhân Dân",
        &[
            "ND",
            "Nhân Dân en ligne",
            "Nhan Dan",
            "Báo Nhân dân",
            "Nhân dân",
        ],
    ),
    ("QĐND", &["QDND", "Quân đội nhân dân"]),
    ("VNS", &["Viet Nam News", "Vietnam News"]),
    ("VNE", &["VnExpress"]),
    (
        "Baoquocte",
        &["baoquocte.vn", "TG&VN", "Thế giới & Việt Nam"],
    ),
    ("AFP", &[]),
    ("Reuters", &[]),
    ("Xinhua", &["Chine nouvelle"]),
    ("AP", &["Associated Press"]),
    ("Sputnik", &[]),
    ("TASS", &[]),
    ("Kyodo", &[]),
    ("Yonhap", &[]),
    ("Bernama", &[]),
    ("Antara", &[]),
    ("KPL", &[]),
    ("AKP", &[]),
    ("PNA", &[]),
    ("Prensa Latina", &["PL"]),
];

/// Canonical agency names with their aliases. Users extend it with [`AgencyTable::insert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyTable {
    /// Lowercased name or alias -> canonical name. Shared until a table is extended
    /// (copy on write), so `AgencyTable::default()` costs a reference count.
    by_name: Arc<HashMap<String, String>>,
}

impl Default for AgencyTable {
    /// The built-in table (VNA, CVN, Vietnam+, VOV, Nhân Dân, QĐND, VNS, AFP, Reuters, Xinhua...).
    fn default() -> Self {
        static BUILT: OnceLock<AgencyTable> = OnceLock::new();
        BUILT
            .get_or_init(|| {
                let mut table = Self::empty();
                for (canonical, aliases) in BUILT_IN {
                    table.insert(canonical, aliases.iter().copied());
                }
                table
            })
            .clone()
    }
}

impl AgencyTable {
    /// A table that knows no agency.
    pub fn empty() -> Self {
        Self {
            by_name: Arc::new(HashMap::new()),
        }
    }

    /// Add (or extend) an agency: `canonical` and each alias will normalize to `canonical`.
    pub fn insert<'s>(&mut self, canonical: &str, aliases: impl IntoIterator<Item = &'s str>) {
        let canonical = canonical.trim();
        if canonical.is_empty() {
            return;
        }
        let by_name = Arc::make_mut(&mut self.by_name);
        by_name.insert(canonical.to_lowercase(), canonical.to_owned());
        for alias in aliases {
            let alias = alias.trim();
            if !alias.is_empty() {
                by_name.insert(alias.to_lowercase(), canonical.to_owned());
            }
        }
    }

    /// The canonical name of `name` if it is a known agency or alias (case-insensitive).
    pub fn canonical(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        // Lowercased on the stack: no allocation for names of up to 256 bytes (hot path).
        let mut buf = [0u8; 256];
        match crate::shape::lowercase_in(name, &mut buf).and_then(|b| std::str::from_utf8(b).ok()) {
            Some(lower) => self.by_name.get(lower),
            None => self.by_name.get(&name.to_lowercase()),
        }
        .map(String::as_str)
    }

    /// True if `name` is a known agency or alias.
    pub fn contains(&self, name: &str) -> bool {
        self.canonical(name).is_some()
    }

    /// Number of names and aliases known.
    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    /// True when the table knows no name.
    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_aliases_case_insensitively() {
        let t = AgencyTable::default();
        assert_eq!(t.canonical("AVI"), Some("VNA"));
        assert_eq!(t.canonical("ttxvn"), Some("VNA"));
        assert_eq!(t.canonical("VietnamPlus"), Some("Vietnam+"));
        assert_eq!(t.canonical("VOVWORLD"), Some("VOV"));
        assert_eq!(t.canonical("Nhân Dân en ligne"), Some("Nhân Dân"));
        assert_eq!(t.canonical("CPV"), None);
    }

    #[test]
    fn users_can_extend_it() {
        let mut t = AgencyTable::default();
        t.insert("CPV", ["Dang Cong San", "ĐCSVN"]);
        assert_eq!(t.canonical("đcsvn"), Some("CPV"));
        assert_eq!(t.canonical("CPV"), Some("CPV"));
    }
}
