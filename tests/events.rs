//! After sending, end to end over the real binary on a copy of the example
//! workspace: `events:` in a tailoring file, `dossier log`, the stage and
//! next step in `dossier list` (table, JSON lines, CSV), `dossier calendar`
//! read back with a real iCalendar parser (the `ical` crate). The example's
//! submitted posting was sent on 2026-11-12, to Kati Karu.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

const SENT: &str = "sotsiaalkindlustusamet-kasutajatugi";
/// 2026-11-27 00:00 UTC: 15 days after the sending.
const DAY_15: &str = "1795737600";
/// 2026-12-01 00:00 UTC.
const DEC_1: &str = "1796083200";

fn tailoring(ws: &Path) -> PathBuf {
    ws.join(format!("profiles/mari/{SENT}.yaml"))
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("read")
}

/// `list --message-format json`: the postings' objects and the summary.
fn list_json(ws: &Path, epoch: &str) -> (Vec<Value>, Value) {
    let out = dossier_on(ws, epoch, &["list", "--message-format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut objects: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let summary = objects.pop().expect("a summary");
    assert_eq!(summary["event"], "summary");
    (objects, summary)
}

fn posting<'a>(objects: &'a [Value], id: &str) -> &'a Value {
    objects
        .iter()
        .find(|o| o["posting"] == format!("mari/{id}"))
        .expect("the posting's object")
}

#[test]
fn fifteen_days_after_a_sending_with_no_events_a_follow_up_with_the_contact_is_due() {
    let ws = example_workspace();
    let (objects, summary) = list_json(ws.path(), DAY_15);
    assert_eq!(objects.len(), 4);
    let p = posting(&objects, SENT);
    assert_eq!(p["stage"], "follow-up-due", "{p}");
    assert_eq!(
        p["next_step"]["text"],
        "follow up with Kati Karu (kati.karu@example.ee) by 2026-11-19"
    );
    assert_eq!(p["next_step"]["date"], "2026-11-19");
    assert_eq!(p["sent"], true);
    assert_eq!(p["sent_date"], "2026-11-12");
    assert_eq!(p["deadline"], "2026-11-16");
    assert_eq!(p["days_left"], -11);
    assert_eq!(p["build"], "not built");
    assert_eq!(p["events"], serde_json::json!([]));
    // Not sent yet: ready, to be sent by the deadline.
    let ready = posting(&objects, "e-estonia-architect");
    assert_eq!(ready["stage"], "ready");
    assert_eq!(ready["next_step"]["date"], "2027-01-10");
    assert_eq!(summary["sent"], 1);
    assert_eq!(summary["replies"], 0);
    assert_eq!(summary["median_days_to_reply"], Value::Null);

    // The human table says the same, and the summary line follows on stderr.
    let out = dossier_on(ws.path(), DAY_15, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.lines().next().unwrap().contains("STAGE"), "{table}");
    let line = table
        .lines()
        .find(|l| l.starts_with(&format!("mari/{SENT} ")))
        .expect("a line");
    assert!(line.contains("follow-up-due"), "{line}");
    assert!(
        line.ends_with("— follow up with Kati Karu (kati.karu@example.ee) by 2026-11-19"),
        "{line}"
    );
    assert!(
        stderr(&out).contains("1 sent, 0 replies, 0 interviews, 0 offers"),
        "{}",
        stderr(&out)
    );

    // The periods are the workspace's to set.
    write(
        &ws.path().join("dossier.yaml"),
        "follow_up_days: 20\nno_reply_days: 40\n",
    );
    let (objects, _) = list_json(ws.path(), DAY_15);
    assert_eq!(posting(&objects, SENT)["stage"], "waiting");
    assert_eq!(posting(&objects, SENT)["next_step"]["date"], "2026-12-02");
    write(&ws.path().join("dossier.yaml"), "follow_up_dys: 20\n");
    let out = dossier_on(ws.path(), DAY_15, &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("dossier.yaml:1:1") && stderr(&out).contains("follow_up_days"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn log_appends_an_interview_keeping_every_other_byte_and_the_stage_follows() {
    let ws = example_workspace();
    let ws = ws.path();
    let file = tailoring(ws);
    let before = read(&file);
    let out = dossier_on(
        ws,
        DAY_15,
        &[
            "log",
            SENT,
            "interview",
            "--date",
            "2026-12-10T10:00",
            "--note",
            "Teams; \"SKAIS2\" # bring notes",
            "--with",
            "Kati Karu",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "interview — next: prepare for the interview on 2026-12-10 10:00 with Kati Karu"
        ),
        "{}",
        stdout(&out)
    );
    let after = read(&file);
    // Every byte before stays (the comments, the letter body, the quoting);
    // the new block is added at the end.
    assert!(after.starts_with(&before), "{after}");
    assert_eq!(
        &after[before.len()..],
        "\nevents:\n  - date: 2026-12-10T10:00\n    kind: interview\n    note: \"Teams; \\\"SKAIS2\\\" # bring notes\"\n    with: \"Kati Karu\"\n"
    );
    let (objects, _) = list_json(ws, DAY_15);
    let p = posting(&objects, SENT);
    assert_eq!(p["stage"], "interview", "{p}");
    assert_eq!(p["next_step"]["date"], "2026-12-10");
    assert_eq!(p["events"][0]["date"], "2026-12-10T10:00");
    assert_eq!(p["events"][0]["note"], "Teams; \"SKAIS2\" # bring notes");

    // A second event goes into the block, the lines around it kept.
    let before = read(&file);
    let out = dossier_on(ws, DAY_15, &["log", SENT, "reply", "--date", "2026-11-20"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = read(&file);
    let added = "  - date: 2026-11-20\n    kind: reply\n";
    assert!(after.ends_with(added), "{after}");
    assert_eq!(after.replacen(added, "", 1), before);
    let (objects, summary) = list_json(ws, DAY_15);
    assert_eq!(posting(&objects, SENT)["stage"], "interview");
    assert_eq!(summary["replies"], 1);
    assert_eq!(summary["interviews"], 1);
    assert_eq!(summary["median_days_to_reply"], 8.0);

    // No --date: today (SOURCE_DATE_EPOCH's day).
    let out = dossier_on(ws, DEC_1, &["log", &format!("mari/{SENT}"), "note"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&file).ends_with("  - date: 2026-12-01\n    kind: note\n"));
}

#[test]
fn a_misspelt_kind_a_bad_date_or_an_unknown_posting_exit_2_and_leave_the_file_alone() {
    let ws = example_workspace();
    let ws = ws.path();
    let before = read(&tailoring(ws));
    for (args, says) in [
        (vec!["log", SENT, "intervew"], "did you mean `interview`?"),
        (
            vec!["log", SENT, "reply", "--date", "2026-11-31"],
            "month 11 of 2026 has 30 days",
        ),
        (
            vec!["log", SENT, "reply", "--date", "2026-12-01T9:00"],
            "YYYY-MM-DDTHH:MM",
        ),
        (vec!["log", SENT, "submitted"], "the sending is no event"),
        (
            vec!["log", "sotsiaalkindlustusamet-kasutajatug", "reply"],
            "did you mean \"sotsiaalkindlustusamet-kasutajatugi\"?",
        ),
    ] {
        let out = dossier_on(ws, DAY_15, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert_eq!(read(&tailoring(ws)), before, "{args:?}");
    }
}

#[test]
fn an_offer_written_by_hand_shows_in_list() {
    let ws = example_workspace();
    let ws = ws.path();
    let file = tailoring(ws);
    let text = read(&file);
    write(
        &file,
        &format!(
            "{text}events:\n  - {{date: 2026-11-18, kind: reply}}\n  - {{date: 2026-11-24T13:30, kind: interview, place: Endla 8}}\n  - {{date: 2026-11-26, kind: offer, note: 3400 €}}\n"
        ),
    );
    let out = dossier_on(ws, DAY_15, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out)
        .lines()
        .find(|l| l.starts_with(&format!("mari/{SENT} ")))
        .expect("a line")
        .to_string();
    assert!(line.contains(" offer "), "{line}");
    assert!(line.contains("answer the offer (Kati Karu"), "{line}");
    assert!(
        stderr(&out).contains("1 sent, 1 reply, 1 interview, 1 offer; median 6 days to a reply"),
        "{}",
        stderr(&out)
    );
    let (objects, _) = list_json(ws, DAY_15);
    assert_eq!(posting(&objects, SENT)["stage"], "offer");
    assert_eq!(
        posting(&objects, SENT)["events"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn list_as_csv_is_a_spreadsheet_with_a_header() {
    let ws = example_workspace();
    let out = dossier_on(ws.path(), DAY_15, &["list", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().expect("a header").clone();
    for column in [
        "posting",
        "stage",
        "next_step",
        "next_step_date",
        "deadline",
        "sent",
    ] {
        assert!(header.iter().any(|h| h == column), "{header:?}");
    }
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(records.len(), 4);
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    let row = records
        .iter()
        .find(|r| r[col("posting")] == format!("mari/{SENT}"))
        .expect("the sent posting");
    assert_eq!(&row[col("stage")], "follow-up-due");
    assert_eq!(&row[col("next_step_date")], "2026-11-19");
    // A comma inside a value is quoted, not a new column.
    assert!(
        records
            .iter()
            .any(|r| &r[col("position")] == "Solution Architect, Cross-Border Data Exchange")
    );
}

/// The value of a property and its parameters.
fn prop<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

fn param(p: &ical::property::Property, name: &str) -> Option<String> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.join(","))
}

#[test]
fn the_calendar_parses_has_deadlines_interviews_and_follow_ups_and_is_the_same_twice() {
    let ws = example_workspace();
    let ws = ws.path();
    let out = dossier_on(
        ws,
        DAY_15,
        &[
            "log",
            SENT,
            "interview",
            "--date",
            "2026-12-10T10:00",
            "--place",
            "Endla 8, Tallinn",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // A second posting with nothing heard: its follow-up is in the calendar.
    let other = ws.join("profiles/mari/e-estonia-architect.yaml");
    let text = read(&other).replace("status: ready", "status: submitted\nsubmitted: 2026-11-20");
    write(&other, &text);

    let ics = ws.join("applications.ics");
    let out = dossier_on(ws, DAY_15, &["calendar", "-o", ics.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read(&ics).expect("the .ics");
    let again = dossier_on(ws, DAY_15, &["calendar"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(first, again.stdout, "two runs, the same bytes");

    let text = String::from_utf8(first).expect("utf-8");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "folded at 75 octets"
    );

    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("a calendar").expect("parses");
    assert!(parser.next().is_none());
    assert_eq!(cal.timezones.len(), 1);
    assert_eq!(
        prop(&cal.timezones[0].properties, "TZID").and_then(|p| p.value.clone()),
        Some("Europe/Tallinn".into())
    );
    let summary = |e: &ical::parser::ical::component::IcalEvent| {
        prop(&e.properties, "SUMMARY")
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    // Four deadlines (the past one stays), one interview, two follow-ups.
    let deadlines: Vec<_> = cal
        .events
        .iter()
        .filter(|e| summary(e).starts_with("Deadline: "))
        .collect();
    assert_eq!(deadlines.len(), 4);
    let deadline = deadlines
        .iter()
        .find(|e| summary(e).contains("Peaspetsialist"))
        .expect("the past deadline");
    let start = prop(&deadline.properties, "DTSTART").expect("DTSTART");
    assert_eq!(param(start, "VALUE").as_deref(), Some("DATE"));
    assert_eq!(start.value.as_deref(), Some("20261116"));

    let interview = cal
        .events
        .iter()
        .find(|e| summary(e).starts_with("Interview: "))
        .expect("the interview");
    let start = prop(&interview.properties, "DTSTART").expect("DTSTART");
    assert_eq!(param(start, "TZID").as_deref(), Some("Europe/Tallinn"));
    assert_eq!(start.value.as_deref(), Some("20261210T100000"));
    assert_eq!(
        prop(&interview.properties, "LOCATION").and_then(|p| p.value.clone()),
        Some("Endla 8\\, Tallinn".into()),
        "escaped as TEXT"
    );

    let follow_up = cal
        .events
        .iter()
        .find(|e| summary(e).starts_with("Follow up: Solution Architect"))
        .expect("the follow-up");
    let start = prop(&follow_up.properties, "DTSTART").expect("DTSTART");
    assert_eq!(start.value.as_deref(), Some("20261127"));

    // Every event has its own UID, derived from what it is.
    let uids: std::collections::BTreeSet<String> = cal
        .events
        .iter()
        .map(|e| {
            prop(&e.properties, "UID")
                .and_then(|p| p.value.clone())
                .expect("UID")
        })
        .collect();
    assert_eq!(uids.len(), cal.events.len());
    assert!(uids.iter().all(|u| u.ends_with("@dossier")));
    // The stamp is the day's, not the clock's.
    assert!(text.contains("DTSTAMP:20261127T000000Z\r\n"));
}

#[test]
fn a_bad_date_in_events_is_an_error_at_its_line_and_an_early_event_a_warning() {
    let ws = example_workspace();
    let ws = ws.path();
    let file = tailoring(ws);
    let text = read(&file);
    let line = text.lines().count() + 4;
    write(
        &file,
        &format!(
            "{text}events:\n  - date: 2026-11-20\n    kind: reply\n  - date: 2026-11-31\n    kind: interview\n"
        ),
    );
    let out = dossier_on(ws, DAY_15, &["check", SENT]);
    assert_ne!(out.status.code(), Some(0));
    let want = format!("profiles/mari/{SENT}.yaml:{line}:");
    assert!(stderr(&out).contains(&want), "{want} in {}", stderr(&out));
    assert!(stderr(&out).contains("has 30 days"), "{}", stderr(&out));
    let out = dossier_on(ws, DAY_15, &["list"]);
    assert_eq!(out.status.code(), Some(1), "the others are still listed");
    assert!(stderr(&out).contains(&want), "{}", stderr(&out));

    // A reply before the sending: check warns at its line.
    write(
        &file,
        &format!("{text}events:\n  - date: 2026-11-02\n    kind: reply\n"),
    );
    let out = dossier_on(ws, DAY_15, &["check", SENT]);
    let line = text.lines().count() + 2;
    let want = format!("profiles/mari/{SENT}.yaml:{line}:11: events[0].date");
    // check's report is on stdout.
    let report = stdout(&out);
    assert!(
        report.contains(&format!(
            "warning: {want}: this reply is dated 2026-11-02, before the sending on 2026-11-12"
        )),
        "{want} in {report}"
    );
}

#[test]
fn the_brief_lists_the_sending_and_the_events_under_history() {
    let ws = example_workspace();
    let ws = ws.path();
    let out = dossier_on(
        ws,
        DAY_15,
        &[
            "log",
            SENT,
            "interview",
            "--date",
            "2026-12-10T10:00",
            "--with",
            "Kati Karu",
            "--place",
            "Endla 8",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dossier_on(ws, DAY_15, &["log", SENT, "reply", "--date", "2026-11-20"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dossier_on(ws, DAY_15, &["build", SENT]);
    assert!(out.status.success(), "{}", stderr(&out));
    let brief = read(&ws.join(format!("output/mari/{SENT}/README.md")));
    assert!(
        brief.contains(&format!(
            "## Ajalugu\n\n\
             - 2026-11-12 — **saadetud** (salvestatud `sent/mari/{SENT}/2026-11-12`)\n\
             - 2026-11-20 — **vastus**\n\
             - 2026-12-10 10:00 — **vestlus**, kellega Kati Karu, kus Endla 8\n\n"
        )),
        "{brief}"
    );
}

/// With `--message-format json`, `log` and `calendar -o` print one JSON
/// object each, for scripts.
#[test]
fn log_and_calendar_speak_json_when_asked() {
    let ws = example_workspace();
    let ws = ws.path();
    let out = dossier_on(
        ws,
        DAY_15,
        &[
            "--message-format",
            "json",
            "log",
            SENT,
            "reply",
            "--date",
            "2026-11-20",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).expect("one JSON object");
    assert_eq!(v["event"], "logged");
    assert_eq!(v["kind"], "reply");
    assert_eq!(v["date"], "2026-11-20");
    // A reply restarts the follow-up clock: due 7 days after it.
    assert_eq!(v["stage"], "follow-up-due", "{v}");
    assert_eq!(v["next"]["date"], "2026-11-27", "{v}");
    assert!(v["line"].as_u64().is_some_and(|l| l > 1), "{v}");

    let ics = ws.join("applications.ics");
    let out = dossier_on(
        ws,
        DAY_15,
        &[
            "--message-format",
            "json",
            "calendar",
            "-o",
            ics.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).expect("one JSON object");
    assert_eq!(v["event"], "calendar");
    assert!(v["events"].as_u64().is_some_and(|n| n >= 3), "{v}");
    assert!(ics.is_file());
}
