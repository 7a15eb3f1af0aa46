//! Partial dates as the sources give them: a year, a month, a day, each only where known.
//!
//! The dataset writes them as ISO 8601 strings reduced to what is known — `2006`, `2021-10`,
//! `2023-03-23` — with the Extended Date/Time Format (EDTF, ISO 8601-2) suffix `~` where a
//! source only implies the date ("approximate"): `2022-06-09~`. Strings are what people edit
//! in spreadsheets, and EDTF is the library world's standard for exactly this.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A date known to a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The source implies this date rather than stating it.
    pub approximate: bool,
}

/// Years outside this range are almost certainly typing errors in the data.
pub const EARLIEST_YEAR: i32 = 1000;
pub const LATEST_YEAR: i32 = 2200;

/// How a text that is no date is told (after it, quoted): the loader knows a date's problem by it.
pub const NOT_A_DATE: &str = " is not a date like 2006, 2021-10, 2023-03-23 or 2022-06-09~";

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
            approximate: false,
        }
    }
}

impl std::str::FromStr for PartialDate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let (body, approximate) = match trimmed.strip_suffix('~') {
            Some(body) => (body, true),
            None => (trimmed, false),
        };
        let bad = || format!("\"{text}\"{NOT_A_DATE}");
        let mut parts = body.split('-');
        let year_text = parts.next().ok_or_else(bad)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_text.parse().map_err(|_| bad())?;
        let mut two_digits = |limit: u8| -> Result<Option<u8>, String> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: u8 = p.parse().map_err(|_| bad())?;
                    if (1..=limit).contains(&n) {
                        Ok(Some(n))
                    } else {
                        Err(bad())
                    }
                }
                Some(_) => Err(bad()),
            }
        };
        let month = two_digits(12)?;
        let day = two_digits(31)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
            return Err(format!(
                "year {year} is outside {EARLIEST_YEAR}–{LATEST_YEAR}"
            ));
        }
        if let (Some(m), Some(d)) = (month, day) {
            if d > days_in_month(year, m) {
                return Err(format!("{year}-{m:02} has no day {d}"));
            }
        }
        Ok(PartialDate {
            year,
            month,
            day,
            approximate,
        })
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Read through a visitor rather than `try_from`, so that serde_json places an error at the
/// date itself and a problem can name its field.
impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like 2006, 2021-10, 2023-03-23 or 2022-06-09~")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<PartialDate, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl From<PartialDate> for String {
    fn from(date: PartialDate) -> String {
        date.to_string()
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
        if self.approximate {
            f.write_str("~")?;
        }
        Ok(())
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?~?$",
            "description": "A date known to the year, month or day (ISO 8601): 2006, 2021-10, 2023-03-23. \
                            A trailing ~ (EDTF) marks a date the source only implies.",
            "examples": ["2006", "2021-10", "2023-03-23", "2022-06-09~"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_every_precision() {
        for text in ["2006", "2021-10", "2023-03-23", "2022-06-09~", "1999~"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
        let d: PartialDate = "2021-10".parse().unwrap();
        assert_eq!(
            (d.year, d.month, d.day, d.approximate),
            (2021, Some(10), None, false)
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "",
            "21",
            "2021-13",
            "2021-1",
            "2021-02-30",
            "2021-10-01-01",
            "abcd",
            "0999",
            "2021~~",
            "２０２１",
        ] {
            assert!(
                text.parse::<PartialDate>().is_err(),
                "{text} should be refused"
            );
        }
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2023-02-29".parse::<PartialDate>().is_err());
    }
}
