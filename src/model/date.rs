//! Calendar dates as users write them: `2021`, `2021-03` or `2021-03-15`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Month names, as printed in Estonian dates.
pub const MONTHS_ET: [&str; 12] = [
    "jaanuar",
    "veebruar",
    "märts",
    "aprill",
    "mai",
    "juuni",
    "juuli",
    "august",
    "september",
    "oktoober",
    "november",
    "detsember",
];
/// Month names, as printed in English dates.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// A date with year, optional month and optional day (day only with a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || format!("invalid date \"{s}\"; expected YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)?;
        if !(1900..=2999).contains(&year) {
            return Err(format!(
                "invalid date \"{s}\": year {year} is out of range 1900–2999"
            ));
        }
        let year = year as u16;
        let month = match parts.get(1) {
            None => None,
            Some(p) => {
                let m = num(p, 2).ok_or_else(bad)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("invalid date \"{s}\": there is no month {m}"));
                }
                Some(m as u8)
            }
        };
        let day = match (parts.get(2), month) {
            (None, _) => None,
            (Some(p), Some(m)) => {
                let d = num(p, 2).ok_or_else(bad)?;
                let last = days_in_month(year, m);
                if d < 1 || d > u32::from(last) {
                    return Err(format!(
                        "invalid date \"{s}\": month {m} of {year} has {last} days"
                    ));
                }
                Some(d as u8)
            }
            (Some(_), None) => return Err(bad()),
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// Seconds since 1970-01-01 00:00 UTC of the first moment of this date
    /// (missing month or day count as 1), for a reproducible PDF timestamp.
    pub fn unix_seconds(&self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month.unwrap_or(1)),
            i64::from(self.day.unwrap_or(1)),
        );
        // Days from civil (Howard Hinnant's algorithm).
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(&self, later: &Date) -> i64 {
        (later.unix_seconds() - self.unix_seconds()) / 86_400
    }

    /// The civil date of a Unix timestamp (UTC).
    pub fn from_unix_seconds(secs: i64) -> Date {
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::ymd(y as u16, m as u8, d as u8)
    }

    /// Today's date (UTC).
    /// The day of `SOURCE_DATE_EPOCH` when it is set (reproducible runs:
    /// tests, CI), else today. Every command that asks "what day is it"
    /// asks this, so one run sees one date.
    pub fn today_or_epoch() -> Date {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map(Date::from_unix_seconds)
            .unwrap_or_else(Date::today)
    }

    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_unix_seconds(secs)
    }
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            let leap =
                (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
            if leap { 29 } else { 28 }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                Date::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                Date::parse(&v.to_string()).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "YYYY, YYYY-MM or YYYY-MM-DD",
            "anyOf": [
                {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2999}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(
            Date::parse("2021").unwrap(),
            Date {
                year: 2021,
                month: None,
                day: None
            }
        );
        assert_eq!(Date::parse("2021-03").unwrap().month, Some(3));
        assert_eq!(Date::parse("2024-02-29").unwrap(), Date::ymd(2024, 2, 29));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2014-13").unwrap_err().contains("no month 13"));
        assert!(
            Date::parse("2014-02-30")
                .unwrap_err()
                .contains("has 28 days")
        );
        assert!(Date::parse("2023-02-29").is_err());
        for bad in [
            "",
            "21",
            "2021-3",
            "2021-03-1",
            "2021/03",
            "2021-03-01-01",
            "20x1",
            "2021-00",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn unix_seconds_round_trip() {
        assert_eq!(Date::ymd(1970, 1, 1).unix_seconds(), 0);
        assert_eq!(Date::ymd(2025, 9, 30).unix_seconds(), 1_759_190_400);
        for d in [
            Date::ymd(2000, 2, 29),
            Date::ymd(2025, 12, 31),
            Date::ymd(1999, 1, 1),
        ] {
            assert_eq!(Date::from_unix_seconds(d.unix_seconds()), d);
        }
    }

    #[test]
    fn orders_by_year_then_month() {
        assert!(Date::parse("2021").unwrap() < Date::parse("2021-01").unwrap());
        assert!(Date::parse("2020-12").unwrap() < Date::parse("2021").unwrap());
    }
}
