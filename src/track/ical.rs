//! `dossier calendar`: an iCalendar file (RFC 5545). The `icalendar` crate
//! writes it (CRLF line endings, lines folded at 75 octets, text escaped);
//! the one component it cannot build, the `VTIMEZONE` of Europe/Tallinn, is
//! a fixed text put before the first event. Everything is derived from the
//! input and `stamp`, so two runs give the same bytes, and every event's UID
//! from what it is (candidate, posting, kind, date), so a calendar program
//! that imports the file again updates its events instead of doubling them.

use icalendar::{Calendar, Component, EventLike, Property};

use crate::model::Date;
use crate::model::event::When;

/// The time zone of every time in `events:`.
pub const TZID: &str = "Europe/Tallinn";

/// Europe/Tallinn since 2002: EET, summer time (EEST) from the last Sunday
/// of March to the last Sunday of October, switching at 01:00 UTC.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Tallinn\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0300\r\n\
TZNAME:EEST\r\n\
DTSTART:19700329T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0300\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:EET\r\n\
DTSTART:19701025T040000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// One calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What the UID is derived from: `mari/ska/interview/2026-12-10T10:00`.
    pub key: String,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    /// A day (an all-day event), or a local time (one hour, Europe/Tallinn).
    pub start: When,
}

/// `<first 20 hex digits of BLAKE3(key)>@dossier`
pub fn uid(key: &str) -> String {
    let hash = blake3::hash(key.as_bytes()).to_hex();
    format!("{}@dossier", &hash.as_str()[..20])
}

fn ymd(d: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        d.year,
        d.month.unwrap_or(1),
        d.day.unwrap_or(1)
    )
}

/// `20261210T100000`, and the same an hour later.
fn local(d: Date, (h, m): (u8, u8)) -> (String, String) {
    let start = format!("{}T{h:02}{m:02}00", ymd(d));
    let (end_day, end_h) = if h == 23 {
        (super::add_days(d, 1), 0)
    } else {
        (d, h + 1)
    };
    (start, format!("{}T{end_h:02}{m:02}00", ymd(end_day)))
}

/// `20261125T000000Z`
fn utc(secs: i64) -> String {
    let d = Date::from_unix_seconds(secs);
    let t = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}{:02}{:02}Z",
        ymd(d),
        t / 3600,
        t % 3600 / 60,
        t % 60
    )
}

/// The calendar of `entries`, each stamped `stamp` (Unix seconds).
pub fn calendar(entries: &[Entry], stamp: i64) -> String {
    let mut entries: Vec<&Entry> = entries.iter().collect();
    entries.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new(
        "PRODID",
        format!("-//dossier//dossier {}//EN", env!("CARGO_PKG_VERSION")),
    ));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("X-WR-CALNAME", "dossier"));
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for e in &entries {
        let n = seen.entry(e.key.as_str()).or_insert(0);
        *n += 1;
        // The same thing twice on one day (two interviews): a UID each.
        let key = if *n == 1 {
            e.key.clone()
        } else {
            format!("{}#{n}", e.key)
        };
        let mut ev = icalendar::Event::new();
        ev.uid(&uid(&key));
        ev.add_property("DTSTAMP", utc(stamp));
        ev.summary(&e.summary);
        if let Some(d) = &e.description {
            ev.description(d);
        }
        if let Some(l) = &e.location {
            ev.location(l);
        }
        match e.start.time {
            None => {
                let mut start = Property::new("DTSTART", ymd(e.start.date));
                start.add_parameter("VALUE", "DATE");
                let mut end = Property::new("DTEND", ymd(super::add_days(e.start.date, 1)));
                end.add_parameter("VALUE", "DATE");
                ev.append_property(start);
                ev.append_property(end);
                // An all-day reminder blocks no time.
                ev.add_property("TRANSP", "TRANSPARENT");
            }
            Some(hm) => {
                let (s, t) = local(e.start.date, hm);
                let mut start = Property::new("DTSTART", s);
                start.add_parameter("TZID", TZID);
                let mut end = Property::new("DTEND", t);
                end.add_parameter("TZID", TZID);
                ev.append_property(start);
                ev.append_property(end);
            }
        }
        cal.push(ev);
    }
    let text = cal.to_string();
    if !entries.iter().any(|e| e.start.time.is_some()) {
        return text;
    }
    let at = text
        .find("BEGIN:VEVENT\r\n")
        .or_else(|| text.find("END:VCALENDAR"))
        .unwrap_or(text.len());
    format!("{}{VTIMEZONE}{}", &text[..at], &text[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_times_and_stamps_are_written_as_rfc_5545_wants() {
        assert_eq!(utc(1_795_564_800), "20261125T000000Z");
        assert_eq!(
            local(Date::ymd(2026, 12, 31), (23, 30)),
            ("20261231T233000".into(), "20270101T003000".into())
        );
        let e = Entry {
            key: "mari/ska/interview/2026-12-10T10:00".into(),
            summary: "Intervjuu; Sotsiaalkindlustusamet, \"SKA\"".into(),
            description: Some("a long line ".repeat(10)),
            location: None,
            start: When::parse("2026-12-10T10:00").unwrap(),
        };
        let text = calendar(std::slice::from_ref(&e), 0);
        assert!(
            text.contains("DTSTART;TZID=Europe/Tallinn:20261210T100000\r\n"),
            "{text}"
        );
        assert!(
            text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Tallinn\r\n"),
            "{text}"
        );
        assert!(text.find("BEGIN:VTIMEZONE") < text.find("BEGIN:VEVENT"));
        assert!(
            text.contains("SUMMARY:Intervjuu\\; Sotsiaalkindlustusamet\\, \"SKA\"\r\n"),
            "{text}"
        );
        assert!(text.contains(&format!("UID:{}\r\n", uid(&e.key))));
        assert!(text.lines().all(|l| l.len() <= 76), "{text}");
        assert!(!text.replace("\r\n", "").contains('\n'));
        assert_eq!(text, calendar(&[e], 0));
    }
}
