//! Partial calendar dates (`2024`, `2024-08`, `2024-08-15`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the year, the month or the day. Formats as ISO 8601 (`YYYY[-MM[-DD]]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year (1000..=9999).
    pub year: u16,
    /// The month (1..=12), if printed.
    pub month: Option<u8>,
    /// The day (1..=31), if printed; only with a month.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date from its parts, or `None` when a part is out of range or a day comes without a month.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        let year_ok = (1000..=9999).contains(&year);
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
        };
        (year_ok && month_ok && day_ok).then_some(Self { year, month, day })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The error of [`PartialDate::from_str`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an ISO date of the form YYYY, YYYY-MM or YYYY-MM-DD: {0:?}")]
pub struct InvalidDate(pub String);

impl FromStr for PartialDate {
    type Err = InvalidDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || InvalidDate(s.to_owned());
        let mut parts = s.split('-');
        let mut number = |len: usize| -> Result<Option<u16>, InvalidDate> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(4)?.ok_or_else(bad)?;
        let month = number(2)?.map(|m| m as u8);
        let day = number(2)?.map(|d| d as u8);
        if parts.next().is_some() {
            return Err(bad());
        }
        PartialDate::new(year, month, day).ok_or_else(bad)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

use std::borrow::Cow;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_each_precision() {
        assert_eq!(
            PartialDate::new(2024, None, None).unwrap().to_string(),
            "2024"
        );
        assert_eq!(
            PartialDate::new(2024, Some(8), None).unwrap().to_string(),
            "2024-08"
        );
        assert_eq!(
            PartialDate::new(2025, Some(4), Some(24))
                .unwrap()
                .to_string(),
            "2025-04-24"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(PartialDate::new(2023, Some(2), Some(29)).is_none());
        assert!(PartialDate::new(2024, Some(2), Some(29)).is_some());
        assert!(PartialDate::new(2024, Some(13), None).is_none());
        assert!(PartialDate::new(2024, None, Some(3)).is_none());
        assert!(PartialDate::new(999, None, None).is_none());
    }

    #[test]
    fn parses_what_it_prints() {
        for s in ["2024", "2024-08", "2025-04-24"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
        assert!("2024-8".parse::<PartialDate>().is_err());
        assert!("2024-08-01-02".parse::<PartialDate>().is_err());
    }
}
