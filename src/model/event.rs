//! What happened after sending: `events:` in a tailoring file. The sending
//! itself is never an event: it comes from `submitted:` and the records in
//! `sent/`.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::{Date, Located};

/// One thing that happened: `{date: 2026-12-10T10:00, kind: interview, with: Kati Karu}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` (local time, Europe/Tallinn).
    pub date: Located<When>,
    pub kind: Located<EventKind>,
    #[serde(default)]
    pub note: Option<String>,
    /// Whom it was with (the interviewers, the recruiter who called).
    #[serde(default)]
    pub with: Option<String>,
    /// Where: an address, a room, a video-call link.
    #[serde(default)]
    pub place: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// They answered (an acknowledgement, a question, an invitation).
    Reply,
    Interview,
    /// A test or a home assignment.
    Test,
    Offer,
    Accepted,
    Rejected,
    Withdrawn,
    /// Anything else worth remembering (a follow-up sent, a call).
    Note,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Reply,
        EventKind::Interview,
        EventKind::Test,
        EventKind::Offer,
        EventKind::Accepted,
        EventKind::Rejected,
        EventKind::Withdrawn,
        EventKind::Note,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EventKind::Reply => "reply",
            EventKind::Interview => "interview",
            EventKind::Test => "test",
            EventKind::Offer => "offer",
            EventKind::Accepted => "accepted",
            EventKind::Rejected => "rejected",
            EventKind::Withdrawn => "withdrawn",
            EventKind::Note => "note",
        }
    }

    /// A kind as typed on the command line; the error has a "did you mean".
    pub fn parse(s: &str) -> Result<EventKind, String> {
        let word = s.trim().to_lowercase();
        if let Some(k) = EventKind::ALL.into_iter().find(|k| k.name() == word) {
            return Ok(k);
        }
        let names = EventKind::ALL.map(EventKind::name);
        let hint = if matches!(word.as_str(), "sent" | "submitted" | "sending") {
            "; the sending is no event: it is `submitted:` (and the record `dossier build` makes in sent/)".to_string()
        } else {
            crate::diag::did_you_mean(&word, names)
                .map(|b| format!("; did you mean `{b}`?"))
                .unwrap_or_default()
        };
        Err(format!(
            "unknown event kind `{s}`{hint}; expected one of: {}",
            names.join(", ")
        ))
    }

    /// A word from them (anything but the applicant's own note or withdrawal).
    pub fn is_response(self) -> bool {
        !matches!(self, EventKind::Note | EventKind::Withdrawn)
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A day, with a time of day (local, Europe/Tallinn) when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct When {
    pub date: Date,
    /// Hours and minutes.
    pub time: Option<(u8, u8)>,
}

impl When {
    pub fn day(date: Date) -> When {
        When { date, time: None }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a space instead of the `T` too).
    pub fn parse(s: &str) -> Result<When, String> {
        let s = s.trim();
        let bad = || {
            format!(
                "invalid date \"{s}\"; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (e.g. 2026-12-10T10:00)"
            )
        };
        let (day, time) = match s.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t.trim())),
            None => (s, None),
        };
        let date = Date::parse(day).map_err(|e| if e.contains("expected") { bad() } else { e })?;
        if date.day.is_none() {
            return Err(format!(
                "invalid date \"{s}\": an event needs the day (YYYY-MM-DD)"
            ));
        }
        let time = match time {
            None => None,
            Some(t) => {
                let (h, m) = t.split_once(':').ok_or_else(bad)?;
                let num = |p: &str| {
                    (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| p.parse::<u8>().ok())
                        .flatten()
                };
                let (h, m) = (num(h).ok_or_else(bad)?, num(m).ok_or_else(bad)?);
                if h > 23 || m > 59 {
                    return Err(format!(
                        "invalid time in \"{s}\": there is no {h:02}:{m:02}"
                    ));
                }
                Some((h, m))
            }
        };
        Ok(When { date, time })
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some((h, m)) = self.time {
            write!(f, "T{h:02}:{m:02}")?;
        }
        Ok(())
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WhenVisitor;
        impl Visitor<'_> for WhenVisitor {
            type Value = When;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD or YYYY-MM-DDTHH:MM")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<When, E> {
                When::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<When, E> {
                When::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<When, E> {
                When::parse(&v.to_string()).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(WhenVisitor)
    }
}

impl JsonSchema for When {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EventDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "YYYY-MM-DD, or YYYY-MM-DDTHH:MM (local time, Europe/Tallinn)",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([T ]([01][0-9]|2[0-3]):[0-5][0-9])?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_day_and_a_time() {
        assert_eq!(
            When::parse("2026-12-10").unwrap(),
            When::day(Date::ymd(2026, 12, 10))
        );
        let w = When::parse("2026-12-10T10:00").unwrap();
        assert_eq!(w.time, Some((10, 0)));
        assert_eq!(w.to_string(), "2026-12-10T10:00");
        assert_eq!(When::parse("2026-12-10 09:30").unwrap().time, Some((9, 30)));
        for bad in [
            "2026-12",
            "2026-12-32",
            "2026-12-10T25:00",
            "2026-12-10T10",
            "2026-12-10T10:7",
            "10.12.2026",
        ] {
            assert!(When::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_misspelt_kind_gets_a_suggestion() {
        assert_eq!(EventKind::parse("Interview"), Ok(EventKind::Interview));
        let e = EventKind::parse("intervew").unwrap_err();
        assert!(e.contains("did you mean `interview`?"), "{e}");
        assert!(
            EventKind::parse("submitted")
                .unwrap_err()
                .contains("no event")
        );
    }

    #[test]
    fn a_bad_kind_or_date_in_a_file_is_an_error_at_its_line() {
        use crate::model::tailoring::Tailoring;
        let head = "language: et\nposting: {organization: O, position: P}\nevents:\n  - date: 2026-12-01\n    kind: reply\n";
        let err = |tail: &str| {
            crate::load::yaml::parse::<Tailoring>(
                &format!("{head}{tail}"),
                std::path::Path::new("t.yaml"),
            )
            .unwrap_err()
        };
        let d = err("  - date: 2026-12-10\n    kind: intervew\n");
        assert_eq!((d.pos.line, d.pos.column), (7, 11), "{d}");
        assert!(d.message.contains("did you mean `interview`?"), "{d}");
        assert_eq!(d.field, "events[1].kind", "{d}");
        let d = err("  - date: 2026-12-10T25:00\n    kind: interview\n");
        assert_eq!(d.pos.line, 6, "{d}");
        assert!(d.message.contains("no 25:00"), "{d}");
    }
}
