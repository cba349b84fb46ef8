//! After sending: where each application stands, derived from its status,
//! its sendings (`submitted:` and the records in `sent/`) and its `events:`,
//! and what to do next, by when. Used by `list`, `calendar`, `check` and the
//! brief; [`insert`] appends an event to a tailoring file's text for `log`,
//! [`ical`] writes the calendar.

pub mod ical;
pub mod insert;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Date;
use crate::model::event::{Event, EventKind, When};
use crate::model::tailoring::{PostingContact, Status, Tailoring};

/// The workspace's settings file, at its root beside `profiles/`.
pub const SETTINGS_FILE: &str = "dossier.yaml";

/// `dossier.yaml`: how long to wait. Every key optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Days after the sending (or the last reply or note) with nothing
    /// heard before a follow-up is due (default 7).
    pub follow_up_days: u32,
    /// Days after the sending with nothing heard at all before the
    /// application counts as unanswered (default 30).
    pub no_reply_days: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            follow_up_days: 7,
            no_reply_days: 30,
        }
    }
}

impl Settings {
    /// The workspace's `dossier.yaml`, the defaults when there is none; an
    /// unreadable one is an error at its line.
    pub fn load(root: &Path) -> Result<Settings, crate::diag::Diagnostic> {
        let path = root.join(SETTINGS_FILE);
        if !path.is_file() {
            return Ok(Settings::default());
        }
        crate::load::yaml::load_file(&path, Path::new(SETTINGS_FILE))
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Draft,
    Ready,
    /// Sent today, or on a day not known.
    Sent,
    Waiting,
    FollowUpDue,
    Interview,
    Offer,
    Accepted,
    Rejected,
    Withdrawn,
    NoReply,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Ready => "ready",
            Stage::Sent => "sent",
            Stage::Waiting => "waiting",
            Stage::FollowUpDue => "follow-up-due",
            Stage::Interview => "interview",
            Stage::Offer => "offer",
            Stage::Accepted => "accepted",
            Stage::Rejected => "rejected",
            Stage::Withdrawn => "withdrawn",
            Stage::NoReply => "no-reply",
        }
    }
}

/// What kind of next step, for the calendar (follow-ups go in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    Finish,
    Send,
    FollowUp,
    Prepare,
    Decide,
    AddDate,
}

/// What to do, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextStep {
    #[serde(skip)]
    pub kind: StepKind,
    pub text: String,
    pub date: Option<Date>,
}

/// When a posting's documents went out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sending {
    /// The tailoring file marks it sent (`status: submitted` or later, or a
    /// `submitted:` date).
    pub marked: bool,
    /// The first and the last sending's date, where known.
    pub first: Option<Date>,
    pub last: Option<Date>,
}

impl Sending {
    /// From `submitted:` (when it counts) and the records in `sent/`.
    pub fn of(root: &Path, candidate: &str, posting: &str, t: &Tailoring) -> Sending {
        use crate::build::sent;
        let marked = sent::is_sent(t);
        let mut dates: Vec<Date> = sent::sendings(root, candidate, posting)
            .iter()
            .map(|s| s.record.sent.unwrap_or(s.record.recorded))
            .collect();
        if marked && let Some(d) = &t.submitted {
            dates.push(d.value);
        }
        Sending {
            marked,
            first: dates.iter().min().copied(),
            last: dates.iter().max().copied(),
        }
    }
}

/// A posting's stage and next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Track {
    pub stage: Stage,
    pub next: Option<NextStep>,
}

/// What the stage is derived from.
pub struct Facts<'a> {
    pub status: Status,
    pub sending: Sending,
    pub events: &'a [Event],
    pub deadline: Option<Date>,
    /// Whom to follow up with: `Kati Karu (kati.karu@example.ee)`.
    pub who: String,
}

impl<'a> Facts<'a> {
    /// The facts of a loaded tailoring file and its sending; `organization`
    /// is the posting's, in its language (whom to follow up with, when no
    /// contact is named).
    pub fn of(t: &'a Tailoring, sending: Sending, organization: &str) -> Facts<'a> {
        Facts {
            status: t.status.unwrap_or_default(),
            sending,
            events: &t.events,
            deadline: t.posting.deadline.as_ref().map(|d| d.value),
            who: who(t.posting.contact.as_ref(), organization),
        }
    }
}

/// `Kati Karu (kati.karu@example.ee)`, the name or the address alone, else
/// the organization.
pub fn who(contact: Option<&PostingContact>, organization: &str) -> String {
    let name = contact.and_then(|c| c.name.as_deref()).map(str::trim);
    let email = contact.and_then(|c| c.email.as_deref()).map(str::trim);
    match (
        name.filter(|n| !n.is_empty()),
        email.filter(|e| !e.is_empty()),
    ) {
        (Some(n), Some(e)) => format!("{n} ({e})"),
        (Some(n), None) => n.to_string(),
        (None, Some(e)) => e.to_string(),
        (None, None) => organization.to_string(),
    }
}

pub fn add_days(d: Date, n: i64) -> Date {
    Date::from_unix_seconds(d.unix_seconds() + n * 86_400)
}

/// The events in the order they happened (a day's untimed events before its timed ones).
pub fn in_order(events: &[Event]) -> Vec<&Event> {
    let mut v: Vec<&Event> = events.iter().collect();
    v.sort_by_key(|e| e.date.value);
    v
}

/// The stage and next step on `today`.
pub fn track(f: &Facts, s: &Settings, today: Date) -> Track {
    let events = in_order(f.events);
    let marked = f.sending.marked || events.iter().any(|e| e.kind.value != EventKind::Note);
    let by = |d: Option<Date>| d.map(|d| format!(" by {d}")).unwrap_or_default();
    if !marked {
        let (stage, kind, what) = if f.status == Status::Draft {
            (
                Stage::Draft,
                StepKind::Finish,
                "finish the documents and send them",
            )
        } else {
            (Stage::Ready, StepKind::Send, "send the documents")
        };
        let text = match f.deadline {
            Some(d) if today > d => format!("{what} (the deadline {d} has passed)"),
            d => format!("{what}{}", by(d)),
        };
        return Track {
            stage,
            next: Some(NextStep {
                kind,
                text,
                date: f.deadline,
            }),
        };
    }
    let done = |stage| Track { stage, next: None };
    let last_of = |kinds: &[EventKind]| {
        events
            .iter()
            .rev()
            .find(|e| kinds.contains(&e.kind.value))
            .copied()
    };
    if let Some(e) = last_of(&[
        EventKind::Accepted,
        EventKind::Rejected,
        EventKind::Withdrawn,
    ]) {
        return done(match e.kind.value {
            EventKind::Accepted => Stage::Accepted,
            EventKind::Rejected => Stage::Rejected,
            _ => Stage::Withdrawn,
        });
    }
    match f.status {
        Status::Rejected => return done(Stage::Rejected),
        Status::Withdrawn => return done(Stage::Withdrawn),
        _ => {}
    }
    if last_of(&[EventKind::Offer]).is_some() || f.status == Status::Offer {
        return Track {
            stage: Stage::Offer,
            next: Some(NextStep {
                kind: StepKind::Decide,
                text: format!("answer the offer ({})", f.who),
                date: None,
            }),
        };
    }
    if let Some(e) = last_of(&[EventKind::Interview, EventKind::Test]) {
        let when = e.date.value;
        let next = if when.date >= today {
            let mut text = format!("prepare for the {} on {}", e.kind.value, show(when));
            if let Some(w) = e.with.as_deref().filter(|w| !w.trim().is_empty()) {
                text.push_str(&format!(" with {}", w.trim()));
            }
            if let Some(p) = e.place.as_deref().filter(|p| !p.trim().is_empty()) {
                text.push_str(&format!(" at {}", p.trim()));
            }
            NextStep {
                kind: StepKind::Prepare,
                text,
                date: Some(when.date),
            }
        } else {
            let due = add_days(when.date, i64::from(s.follow_up_days));
            NextStep {
                kind: StepKind::FollowUp,
                text: format!("ask {} about the decision by {due}", f.who),
                date: Some(due),
            }
        };
        return Track {
            stage: Stage::Interview,
            next: Some(next),
        };
    }
    if f.status == Status::Interview {
        return done(Stage::Interview);
    }
    // Sent; nothing decided yet.
    let Some(start) = f.sending.last.or(f.sending.first) else {
        return Track {
            stage: Stage::Sent,
            next: Some(NextStep {
                kind: StepKind::AddDate,
                text: "add the date sent (submitted: YYYY-MM-DD) to know when to follow up"
                    .to_string(),
                date: None,
            }),
        };
    };
    let heard = events.iter().any(|e| e.kind.value == EventKind::Reply);
    let last_contact = events
        .iter()
        .filter(|e| matches!(e.kind.value, EventKind::Reply | EventKind::Note))
        .map(|e| e.date.value.date)
        .fold(start, Date::max);
    if !heard && start.days_until(&today) >= i64::from(s.no_reply_days) {
        return done(Stage::NoReply);
    }
    let due = add_days(last_contact, i64::from(s.follow_up_days));
    let stage = if today >= due {
        Stage::FollowUpDue
    } else if today == start && !heard {
        Stage::Sent
    } else {
        Stage::Waiting
    };
    Track {
        stage,
        next: Some(NextStep {
            kind: StepKind::FollowUp,
            text: format!("follow up with {} by {due}", f.who),
            date: Some(due),
        }),
    }
}

/// `2026-12-10 10:00` or `2026-12-10`.
pub fn show(w: When) -> String {
    match w.time {
        Some((h, m)) => format!("{} {h:02}:{m:02}", w.date),
        None => w.date.to_string(),
    }
}

/// What one posting adds to the summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Outcome {
    pub sent: bool,
    pub replied: bool,
    pub interviewed: bool,
    pub offered: bool,
    /// Days from the first sending to the first word from them.
    pub days_to_reply: Option<i64>,
}

impl Outcome {
    pub fn of(status: Status, sending: &Sending, events: &[Event]) -> Outcome {
        let events = in_order(events);
        let any = |kinds: &[EventKind]| events.iter().any(|e| kinds.contains(&e.kind.value));
        let sent = sending.marked || any(&EventKind::ALL[..7]);
        let first_response = events
            .iter()
            .find(|e| e.kind.value.is_response())
            .map(|e| e.date.value.date);
        Outcome {
            sent,
            replied: first_response.is_some(),
            interviewed: any(&[EventKind::Interview, EventKind::Test])
                || matches!(status, Status::Interview | Status::Offer),
            offered: any(&[EventKind::Offer, EventKind::Accepted]) || status == Status::Offer,
            days_to_reply: match (sending.first, first_response) {
                (Some(s), Some(r)) if r >= s => Some(s.days_until(&r)),
                _ => None,
            },
        }
    }
}

/// Over all postings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub sent: usize,
    pub replies: usize,
    pub interviews: usize,
    pub offers: usize,
    /// Median days from sending to the first reply, over the postings that had one.
    pub median_days_to_reply: Option<f64>,
}

impl Summary {
    pub fn of(outcomes: &[Outcome]) -> Summary {
        let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
        let mut days: Vec<i64> = outcomes.iter().filter_map(|o| o.days_to_reply).collect();
        days.sort_unstable();
        let median = match days.len() {
            0 => None,
            n if n % 2 == 1 => Some(days[n / 2] as f64),
            n => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
        };
        Summary {
            sent: count(|o| o.sent),
            replies: count(|o| o.replied),
            interviews: count(|o| o.interviewed),
            offers: count(|o| o.offered),
            median_days_to_reply: median,
        }
    }

    /// `2 sent, 1 reply, 1 interview, 0 offers; median 6 days to a reply`
    pub fn line(&self) -> String {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let median = match self.median_days_to_reply {
            Some(1.0) => "; median 1 day to a reply".to_string(),
            Some(d) => format!("; median {d} days to a reply"),
            None => "; no replies to time yet".to_string(),
        };
        format!(
            "{} sent, {}, {}, {}{median}",
            self.sent,
            n(self.replies, "reply", "replies"),
            n(self.interviews, "interview", "interviews"),
            n(self.offers, "offer", "offers"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Pos;
    use crate::model::Located;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn ev(when: &str, kind: EventKind) -> Event {
        Event {
            date: Located {
                value: When::parse(when).unwrap(),
                pos: Pos::default(),
            },
            kind: Located {
                value: kind,
                pos: Pos::default(),
            },
            note: None,
            with: None,
            place: None,
        }
    }

    fn sent_on(day: &str) -> Sending {
        Sending {
            marked: true,
            first: Some(d(day)),
            last: Some(d(day)),
        }
    }

    fn on(status: Status, sending: Sending, events: &[Event], today: &str) -> Track {
        let f = Facts {
            status,
            sending,
            events,
            deadline: Some(d("2026-11-16")),
            who: "Kati Karu (kati.karu@example.ee)".to_string(),
        };
        track(&f, &Settings::default(), d(today))
    }

    #[test]
    fn before_sending_the_deadline_is_the_date() {
        let t = on(Status::Draft, Sending::default(), &[], "2026-11-10");
        assert_eq!(t.stage, Stage::Draft);
        assert_eq!(t.next.unwrap().date, Some(d("2026-11-16")));
        let t = on(Status::Ready, Sending::default(), &[], "2026-11-20");
        assert_eq!(t.stage, Stage::Ready);
        assert!(t.next.unwrap().text.contains("has passed"));
    }

    #[test]
    fn silence_turns_into_a_follow_up_then_into_no_reply() {
        let s = sent_on("2026-11-12");
        assert_eq!(
            on(Status::Submitted, s, &[], "2026-11-12").stage,
            Stage::Sent
        );
        let t = on(Status::Submitted, s, &[], "2026-11-18");
        assert_eq!(t.stage, Stage::Waiting);
        let next = t.next.unwrap();
        assert_eq!(
            next.text,
            "follow up with Kati Karu (kati.karu@example.ee) by 2026-11-19"
        );
        assert_eq!(next.date, Some(d("2026-11-19")));
        assert_eq!(
            on(Status::Submitted, s, &[], "2026-11-19").stage,
            Stage::FollowUpDue
        );
        assert_eq!(
            on(Status::Submitted, s, &[], "2026-12-11").stage,
            Stage::FollowUpDue
        );
        let t = on(Status::Submitted, s, &[], "2026-12-12");
        assert_eq!((t.stage, t.next), (Stage::NoReply, None));
    }

    #[test]
    fn a_reply_or_a_note_restarts_the_follow_up_clock_and_a_reply_is_never_no_reply() {
        let s = sent_on("2026-11-12");
        let reply = [ev("2026-11-20", EventKind::Reply)];
        let t = on(Status::Submitted, s, &reply, "2026-11-25");
        assert_eq!(t.stage, Stage::Waiting);
        assert_eq!(t.next.unwrap().date, Some(d("2026-11-27")));
        assert_eq!(
            on(Status::Submitted, s, &reply, "2027-01-30").stage,
            Stage::FollowUpDue
        );
        let note = [ev("2026-11-21", EventKind::Note)];
        let t = on(Status::Submitted, s, &note, "2026-11-22");
        assert_eq!(t.next.unwrap().date, Some(d("2026-11-28")));
    }

    #[test]
    fn an_interview_is_prepared_for_then_followed_up() {
        let s = sent_on("2026-11-12");
        let mut e = ev("2026-12-10T10:00", EventKind::Interview);
        e.with = Some("Kati Karu".into());
        let events = [ev("2026-11-20", EventKind::Reply), e];
        let t = on(Status::Submitted, s, &events, "2026-12-01");
        assert_eq!(t.stage, Stage::Interview);
        let next = t.next.unwrap();
        assert_eq!(
            next.text,
            "prepare for the interview on 2026-12-10 10:00 with Kati Karu"
        );
        assert_eq!(next.date, Some(d("2026-12-10")));
        let t = on(Status::Submitted, s, &events, "2026-12-11");
        assert_eq!(t.next.unwrap().date, Some(d("2026-12-17")));
    }

    #[test]
    fn the_outcome_wins_and_events_outrank_the_status() {
        let s = sent_on("2026-11-12");
        let events = [
            ev("2026-12-10", EventKind::Interview),
            ev("2026-12-20", EventKind::Offer),
        ];
        assert_eq!(
            on(Status::Submitted, s, &events, "2026-12-21").stage,
            Stage::Offer
        );
        let mut more = events.to_vec();
        more.push(ev("2026-12-22", EventKind::Accepted));
        let t = on(Status::Submitted, s, &more, "2026-12-23");
        assert_eq!((t.stage, t.next), (Stage::Accepted, None));
        assert_eq!(
            on(Status::Rejected, s, &[], "2026-11-13").stage,
            Stage::Rejected
        );
        assert_eq!(
            on(Status::Interview, s, &[], "2026-11-13").stage,
            Stage::Interview
        );
        // An event says it went out even when the status was not moved on.
        let t = on(
            Status::Ready,
            Sending::default(),
            &events[..1],
            "2026-12-01",
        );
        assert_eq!(t.stage, Stage::Interview);
        // Sent, day unknown: ask for it.
        let unknown = Sending {
            marked: true,
            ..Sending::default()
        };
        let t = on(Status::Submitted, unknown, &[], "2026-12-01");
        assert_eq!(t.stage, Stage::Sent);
        assert_eq!(t.next.unwrap().kind, StepKind::AddDate);
    }

    #[test]
    fn the_follow_up_period_is_a_setting() {
        let s = sent_on("2026-11-12");
        let f = Facts {
            status: Status::Submitted,
            sending: s,
            events: &[],
            deadline: None,
            who: "X".into(),
        };
        let settings = Settings {
            follow_up_days: 3,
            no_reply_days: 10,
        };
        assert_eq!(
            track(&f, &settings, d("2026-11-15")).stage,
            Stage::FollowUpDue
        );
        assert_eq!(track(&f, &settings, d("2026-11-22")).stage, Stage::NoReply);
    }

    #[test]
    fn the_summary_counts_and_takes_the_median() {
        let s = sent_on("2026-11-10");
        let a = Outcome::of(
            Status::Submitted,
            &s,
            &[
                ev("2026-11-14", EventKind::Reply),
                ev("2026-11-20", EventKind::Interview),
            ],
        );
        let b = Outcome::of(Status::Submitted, &s, &[ev("2026-11-20", EventKind::Offer)]);
        let c = Outcome::of(Status::Submitted, &s, &[]);
        let none = Outcome::of(Status::Ready, &Sending::default(), &[]);
        let sum = Summary::of(&[a, b, c, none]);
        assert_eq!(
            (sum.sent, sum.replies, sum.interviews, sum.offers),
            (3, 2, 1, 1)
        );
        assert_eq!(sum.median_days_to_reply, Some(7.0));
        assert_eq!(
            sum.line(),
            "3 sent, 2 replies, 1 interview, 1 offer; median 7 days to a reply"
        );
    }

    #[test]
    fn who_names_the_contact() {
        let c = PostingContact {
            name: Some("Kati Karu".into()),
            role: None,
            email: Some("kati.karu@example.ee".into()),
            phone: None,
        };
        assert_eq!(who(Some(&c), "SKA"), "Kati Karu (kati.karu@example.ee)");
        assert_eq!(who(None, "SKA"), "SKA");
    }
}
