//! JSON Resume snippets → profile values and notes: the keys of older schema
//! versions, odd types, dates, HTML. Every result must also build.

use std::path::Path;

use serde_json::Value;

use super::{json_resume, starter_posting, verify};

/// The profile (read back from the YAML) and the notes; the profile and the
/// starter posting must pass the checks of `dossier build`.
fn import(json: &str) -> (Value, Vec<String>) {
    let imported = json_resume(json).unwrap();
    let posting = starter_posting(imported.headline.as_deref().unwrap_or(""));
    verify(&imported, Path::new("/nonexistent"), "x", &posting).unwrap();
    let profile: Value = serde_saphyr::from_str(&imported.yaml).unwrap();
    (profile, imported.notes)
}

/// A document with `basics.name` and the given top-level members.
fn doc(members: &str) -> String {
    format!(r#"{{"basics": {{"name": "Ann Example"}}, {members}}}"#)
}

fn has_note(notes: &[String], needle: &str) -> bool {
    notes.iter().any(|n| n.contains(needle))
}

#[test]
fn pre_1_0_work_keys() {
    let (p, notes) = import(&doc(
        r#""work": [{"company": "Acme", "website": "http://acme.com", "position": "Dev", "startDate": "2015-01-01"}]"#,
    ));
    let job = &p["experience"][0];
    assert_eq!(job["id"], "acme");
    assert_eq!(job["organization"], "[Acme](http://acme.com)");
    assert_eq!(job["role"], "Dev");
    assert!(
        has_note(&notes, "work[].company → name") && has_note(&notes, "work[].website → url"),
        "{notes:?}"
    );
}

#[test]
fn jobs_without_names_get_numbered_ids_and_are_kept() {
    let (p, notes) = import(&doc(
        r#""work": [{"position": "A", "startDate": "2015"}, {"position": "B", "startDate": "2016"}, {"name": "Acme", "position": "C", "startDate": "2017"}, {"name": "ACME", "position": "D", "startDate": "2018"}]"#,
    ));
    let ids: Vec<&str> = p["experience"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["job-1", "job-2", "acme", "acme-2"]);
    assert_eq!(p["experience"][0]["organization"], "?");
    assert!(
        has_note(&notes, "work[0,1]: no name of the organization"),
        "{notes:?}"
    );
}

#[test]
fn basics_of_every_era() {
    let (p, notes) = import(
        r#"{"bio": {"firstName": "Ann", "lastName": "Example", "website": "ann.example.org", "picture": "me.jpg",
            "email": {"work": "a@work.org", "personal": "a@home.org"}, "phone": 5550100,
            "location": {"city": "Tartu", "state": "Tartumaa", "address": "Rüütli 1", "postalCode": 51007},
            "profiles": [{"network": "GitHub", "username": "ann"}, {"network": "Mastodon", "username": "ann"}]}}"#,
    );
    assert_eq!(p["name"], "Ann Example");
    let c = &p["contact"];
    assert_eq!(c["email"], "a@work.org");
    assert_eq!(c["phone"].to_string().trim_matches('"'), "5550100");
    assert_eq!(c["location"], "Tartu, Tartumaa");
    assert_eq!(c["address"][0], "Rüütli 1");
    assert_eq!(c["address"][1].to_string().trim_matches('"'), "51007 Tartu");
    assert_eq!(c["links"][0]["url"], "https://ann.example.org");
    assert_eq!(c["links"][1]["url"], "https://github.com/ann");
    assert_eq!(c["links"].as_array().unwrap().len(), 2);
    // Paths as they are in the file: `bio`, where 1.0 has `basics`.
    for needle in [
        "bio → basics",
        "bio.firstName → name",
        "bio.website → url",
        "bio.picture: a photo must be a file",
        "bio.email: several given",
        "bio.profiles[1]: Mastodon (ann) has no url",
    ] {
        assert!(has_note(&notes, needle), "{needle}: {notes:?}");
    }
    assert!(!has_note(&notes, "basics."), "{notes:?}");
}

#[test]
fn volunteer_publications_awards_and_education_keys() {
    let (p, notes) = import(&doc(
        r#""volunteer": [{"organization": "Red Cross", "website": "https://redcross.org", "position": "Helper", "startDate": "2010"}],
           "volunteers": [{"organization": "Food Bank", "position": "Driver", "startDate": "2011"}],
           "publications": [{"name": "On Things", "publisher": "ACM", "releaseDate": "2014-10", "website": "https://doi.org/x"}],
           "awards": [{"title": "Best Paper", "awarder": "ACM", "date": "2014"}],
           "education": [{"institution": "Tartu Ülikool", "area": "Informatics", "studyType": "MSc", "gpa": 4.5, "courses": ["A", "B"], "startDate": "2008", "endDate": "2010"}]"#,
    ));
    assert_eq!(
        p["volunteering"][0]["organization"],
        "[Red Cross](https://redcross.org)"
    );
    assert_eq!(p["volunteering"][1]["organization"], "Food Bank");
    assert_eq!(p["publications"][0]["title"], "On Things");
    assert_eq!(p["publications"][0]["venue"], "ACM");
    assert_eq!(p["publications"][0]["url"], "https://doi.org/x");
    assert_eq!(p["publications"][0]["date"], "2014-10");
    let awards = &p["sections"][0];
    assert_eq!(awards["id"], "awards");
    assert_eq!(awards["items"][0], "Best Paper, ACM, 2014");
    let e = &p["education"][0];
    assert_eq!(e["institution"], "Tartu Ülikool");
    assert_eq!(e["degree"], "MSc");
    assert_eq!(e["field"], "Informatics");
    assert_eq!(e["notes"], "GPA: 4.5. Courses: A, B");
    assert!(has_note(&notes, "volunteers → volunteer"), "{notes:?}");
    assert!(
        has_note(&notes, "publications[].website → url"),
        "{notes:?}"
    );
}

#[test]
fn languages_by_either_name() {
    let (p, notes) = import(&doc(
        r#""languages": [{"name": "English", "level": "Fluent"}, {"language": "Estonian", "fluency": "Native speaker"}, {"language": "Klingon"}, {"fluency": "C1"}]"#,
    ));
    let langs = p["languages"].as_array().unwrap();
    assert_eq!(langs.len(), 3);
    assert_eq!(langs[0]["name"], "English");
    assert_eq!(langs[0]["level"], "C1");
    assert_eq!(langs[1]["level"], "native");
    assert_eq!(langs[2]["level"], "B1");
    assert!(has_note(&notes, "languages[].name → language"), "{notes:?}");
    assert!(
        has_note(&notes, "languages[2]: Klingon: no fluency"),
        "{notes:?}"
    );
    assert!(
        has_note(&notes, "languages[3]: no language name"),
        "{notes:?}"
    );
}

#[test]
fn skills_keywords_in_any_shape() {
    let (p, _) = import(&doc(
        r#""skills": [{"name": "Web", "level": "Master", "keywords": "HTML, CSS"},
                      {"name": "Rust"},
                      {"name": "Ops", "keywords": [{"name": "Docker", "level": "good"}, 42]},
                      {"name": "Levels", "level": ["a", "b"], "keywords": ["X"]}]"#,
    ));
    let skills: Vec<(String, String, String)> = p["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let f = |k: &str| {
                s[k].as_str()
                    .map(String::from)
                    .unwrap_or_else(|| s[k].to_string())
            };
            (f("name"), f("category"), f("level"))
        })
        .collect();
    let expected = [
        ("HTML", "Web", "Master"),
        ("CSS", "Web", "Master"),
        ("Rust", "null", "null"),
        ("Docker", "Ops", "good"),
        ("42", "Ops", "null"),
        ("X", "Levels", "a; b"),
    ];
    assert_eq!(skills.len(), expected.len(), "{skills:?}");
    for (got, want) in skills.iter().zip(expected) {
        assert_eq!((got.0.as_str(), got.1.as_str(), got.2.as_str()), want);
    }
}

#[test]
fn highlights_and_keywords_as_strings() {
    let (p, _) = import(&doc(
        r#""work": [{"name": "A", "position": "P", "startDate": "2019", "highlights": "Shipped it", "keywords": "rust, go"},
                    {"name": "B", "position": "P", "startDate": "2019", "highlights": "[]"}],
           "projects": [{"name": "X", "description": "D", "highlights": ["h1", "h2"], "keywords": ["k"], "type": "app", "roles": "Lead", "entity": "Org", "website": "x.dev"}]"#,
    ));
    let a = &p["experience"][0];
    assert_eq!(a["highlights"][0]["text"], "Shipped it");
    assert_eq!(a["tags"], serde_json::json!(["rust", "go"]));
    assert!(p["experience"][1].get("highlights").is_none());
    let x = &p["projects"][0];
    assert_eq!(x["summary"], "D\n\n• h1\n\n• h2");
    assert_eq!(x["role"], "Lead, Org");
    assert_eq!(x["tags"], serde_json::json!(["k", "app"]));
    assert_eq!(x["url"], "https://x.dev");
}

#[test]
fn dates_as_written() {
    let (p, notes) = import(&doc(r#""work": [
            {"name": "A", "position": "P", "startDate": "May 2017", "endDate": "Present"},
            {"name": "B", "position": "P", "startDate": "09/2014", "endDate": "Sep. 2016"},
            {"name": "C", "position": "P", "startDate": "sometime", "endDate": "2013-06"},
            {"name": "D", "position": "P", "summary": "Founded in 2005, ran it until 2009."},
            {"name": "E", "position": "P", "summary": "No year here"},
            {"name": "F", "position": "P", "startDate": 2001, "endDate": null},
            {"name": "G", "position": "P", "startDate": "2020-03-01", "endDate": "2020-01-01"},
            {"name": "H", "position": "P", "startDate": "Winter 2000", "endDate": "whenever"}
        ]"#));
    let jobs = p["experience"].as_array().unwrap();
    let dates: Vec<(String, String)> = jobs
        .iter()
        .map(|j| {
            let s = |k: &str| {
                j.get(k)
                    .map(|v| v.to_string().replace('"', ""))
                    .unwrap_or_default()
            };
            (s("start"), s("end"))
        })
        .collect();
    let expected = [
        ("2017-05", ""),
        ("2014-09", "2016-09"),
        ("2013", "2013-06"),
        ("2005", ""),
        ("2001", ""),
        ("2020-01-01", "2020-03-01"),
        ("2000", ""),
    ];
    for (got, want) in dates.iter().zip(expected) {
        assert_eq!((got.0.as_str(), got.1.as_str()), want);
    }
    assert_eq!(jobs.len(), 7, "E has no date and went to a free section");
    let undated = &p["sections"][0];
    assert_eq!(undated["id"], "undated-work");
    assert_eq!(undated["items"][0], "P — E: No year here");
    for needle in [
        "work[2].startDate: \"sometime\" is not a date; start set to 2013, the year of the end date",
        "work[3].startDate: missing; start set to 2005, the earliest year written in the entry",
        "work[4]: no start date and no year anywhere in it",
        "work[6]: the end date 2020-01-01 is before the start date 2020-03-01; the two were swapped",
        "work[7].startDate: \"Winter 2000\" read as 2000",
        "work[7].endDate: \"whenever\" is not a date; read as ongoing",
    ] {
        assert!(has_note(&notes, needle), "{needle}: {notes:#?}");
    }
}

#[test]
fn html_becomes_markup() {
    let (p, notes) = import(
        r#"{"basics": {"name": "Ann <b>Example</b>", "summary": "I <em>love</em> <a href='https://x.org'>X</a>.<br>Next line<p>New paragraph</p>"},
            "work": [{"name": "Acme <b>Corp</b>", "position": "Dev &amp; Ops", "startDate": "2019",
                      "summary": "<p>Led the team.</p><ul><li>Built <strong>X</strong></li><li>Ran Y</li></ul>",
                      "highlights": ["<span>Plain</span> text"]}]}"#,
    );
    // The name is shown as written: no markup.
    assert_eq!(p["name"], "Ann Example");
    assert_eq!(
        p["summary"],
        "I *love* [X](https://x.org).\n\nNext line\n\nNew paragraph"
    );
    let job = &p["experience"][0];
    assert_eq!(job["organization"], "Acme **Corp**");
    assert_eq!(job["id"], "acme-corp");
    assert_eq!(job["role"], "Dev & Ops");
    assert_eq!(job["summary"], "Led the team.");
    let h: Vec<&str> = job["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap())
        .collect();
    assert_eq!(h, ["Built **X**", "Ran Y", "Plain text"]);
    assert!(
        has_note(&notes, "work[0].highlights[0]: HTML removed: <span>"),
        "{notes:?}"
    );
}

#[test]
fn what_is_not_imported_is_named() {
    let (_, notes) = import(
        r#"{"$schema": "https://x", "meta": {"theme": "t"}, "basics": {"name": "A", "iconClass": "x"},
            "work": [{"name": "B", "position": "P", "startDate": "2019", "location": "Tartu", "companySize": 50}],
            "courses": [{"title": "C"}]}"#,
    );
    assert!(
        has_note(&notes, "basics.iconClass: not imported"),
        "{notes:?}"
    );
    assert!(
        has_note(&notes, "work[0].companySize: not imported"),
        "{notes:?}"
    );
    assert!(has_note(&notes, "courses: not imported"), "{notes:?}");
    assert!(
        !has_note(&notes, "schema") && !has_note(&notes, "meta"),
        "{notes:?}"
    );
    assert!(
        !has_note(&notes, "location"),
        "a job's location is imported"
    );
}

#[test]
fn sections_inside_basics_and_text_in_several_languages() {
    let (p, notes) = import(
        r#"{"basics": {"name": "A", "label": {"de": "Entwickler", "en": "Developer"},
                       "work": [{"company": "B", "position": "P", "startDate": "2019"}]},
            "hobbies": "chess"}"#,
    );
    assert_eq!(p["headline"], "Developer");
    assert_eq!(p["experience"][0]["organization"], "B");
    assert_eq!(p["sections"][0]["items"][0], "chess");
    assert!(has_note(&notes, "basics.work → work"), "{notes:?}");
    assert!(has_note(&notes, "hobbies → interests"), "{notes:?}");
    assert!(
        has_note(&notes, "basics.label: text in several languages"),
        "{notes:?}"
    );
}

#[test]
fn a_missing_name_is_an_error() {
    let e = json_resume(r#"{"basics": {"label": "x"}}"#).err().unwrap();
    assert!(e.to_string().contains("basics.name is missing"), "{e}");
    let e = json_resume(r#"{"personal": {"name": "x"}, "work": []}"#)
        .err()
        .unwrap();
    assert!(
        e.to_string().contains("top-level keys: personal, work"),
        "{e}"
    );
    assert!(json_resume("[1, 2]").is_err());
    assert!(json_resume("not json").is_err());
}

#[test]
fn the_json_resume_sample() {
    // The outside reference data beside the checkout; CI always has it.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference/json-resume/sample.resume.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is absent",
            path.display()
        );
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let (p, notes) = import(&text);
    assert_eq!(
        p["experience"][0]["organization"],
        "[Pied Piper](http://piedpiper.example.com)"
    );
    assert!(
        !has_note(&notes, "basics.profiles[0]: Twitter"),
        "{notes:?}"
    );
    assert_eq!(
        p["contact"]["links"][1]["url"],
        "https://twitter.com/neutralthoughts"
    );
}

mod any_document {
    //! Whatever a JSON Resume document holds, an import either refuses it
    //! with an error or gives a profile that builds: never a panic, never a
    //! profile that `dossier build` rejects.

    use super::*;
    use proptest::prelude::*;
    use serde_json::{Map, json};

    /// Values that have broken importers: dates of every form, HTML,
    /// markup, YAML and template specials, odd types.
    fn value() -> impl Strategy<Value = Value> {
        let pieces = [
            "",
            " ",
            "Present",
            "present (part-time)",
            "now",
            "2020",
            "2020-02",
            "2020-02-30",
            "2014-13",
            "May 2017",
            "Sep. 2019",
            "09/2014",
            "2019/06",
            "31.12.1999",
            "Winter 2015",
            "sometime",
            "1850",
            "2999-12-31",
            "<b>Acme</b>",
            "<ul><li>a</li><li>b</li></ul>",
            "<a href='javascript:x'>j</a>",
            "<a href=\"https://x.org/(a)\">x</a>",
            "<br>",
            "&amp;&nbsp;&#0;&#x110000;",
            "**",
            "*",
            "***x***",
            "[a](https://b)",
            "[a](b",
            "a: b",
            "- x",
            "# y",
            "'",
            "\"",
            "\\",
            "{{ x }}",
            "{% if %}",
            "null",
            "true",
            "3.50",
            "0x10",
            "~",
            "yes",
            "no",
            "1e5",
            "&",
            "@x",
            "`x`",
            "=",
            "---",
            "...",
            "\t",
            "a\nb",
            "a\n\nb",
            "Õie Šmidt",
            "李雷",
            "Иван",
            "\u{202e}rtl",
            "x\u{0}y",
            "https://x.org",
            "www.x.com",
            "Native speaker",
            "C1",
        ];
        let leaf = prop_oneof![
            8 => proptest::sample::select(pieces.to_vec()).prop_map(|s| json!(s)),
            2 => "[a-zA-Z0-9 <>/&;*#:-]{0,12}".prop_map(|s| json!(s)),
            1 => any::<i64>().prop_map(|n| json!(n)),
            1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
            1 => any::<bool>().prop_map(|b| json!(b)),
            1 => Just(Value::Null),
        ];
        leaf.prop_recursive(2, 12, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    proptest::sample::select(vec!["en", "de", "name", "url", "x"]),
                    inner,
                    0..3
                )
                .prop_map(|m| Value::Object(
                    m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                )),
            ]
        })
    }

    /// An entry with some of the keys JSON Resume sections use.
    fn entry() -> impl Strategy<Value = Value> {
        let keys = vec![
            "name",
            "company",
            "organization",
            "institution",
            "position",
            "title",
            "startDate",
            "endDate",
            "date",
            "releaseDate",
            "summary",
            "description",
            "highlights",
            "keywords",
            "url",
            "website",
            "location",
            "area",
            "studyType",
            "score",
            "gpa",
            "courses",
            "language",
            "fluency",
            "level",
            "roles",
            "entity",
            "type",
            "issuer",
            "publisher",
            "awarder",
            "reference",
            "network",
            "username",
            "x",
        ];
        prop::collection::btree_map(proptest::sample::select(keys), value(), 0..8)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
    }

    fn document() -> impl Strategy<Value = Value> {
        let sections = vec![
            "work",
            "volunteer",
            "education",
            "awards",
            "certificates",
            "publications",
            "skills",
            "languages",
            "interests",
            "references",
            "projects",
            "community",
            "other",
        ];
        (
            value(),
            prop::collection::vec(entry(), 0..3),
            prop::collection::btree_map(
                proptest::sample::select(sections),
                prop_oneof![
                    4 => prop::collection::vec(entry(), 0..4).prop_map(Value::Array),
                    1 => entry(),
                    1 => value(),
                ],
                0..6,
            ),
        )
            .prop_map(|(name, profiles, sections)| {
                let mut doc = Map::new();
                doc.insert(
                    "basics".into(),
                    json!({"name": name, "label": "Dev", "profiles": profiles, "location": {"city": "Tartu"}}),
                );
                for (k, v) in sections {
                    doc.insert(k.to_string(), v);
                }
                Value::Object(doc)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn imports_build_or_are_refused(doc in document()) {
            let text = doc.to_string();
            if let Ok(imported) = json_resume(&text) {
                let posting = starter_posting(imported.headline.as_deref().unwrap_or(""));
                let checked = verify(&imported, Path::new("/nonexistent"), "x", &posting);
                prop_assert!(checked.is_ok(), "{:#}\n{}\n{}", checked.err().unwrap(), text, imported.yaml);
            }
        }
    }
}

#[test]
fn script_and_style_go_with_their_content_and_a_note() {
    let (p, notes) = import(
        r#"{"basics":{"name":"A B","summary":"x <script>y()</script> <style>p{}</style> z"},
            "work": [{"name": "List<Object> Ltd", "position": "C<T> dev", "startDate": "2019",
                      "highlights": ["a <svg><text>logo</text></svg>b"]}]}"#,
    );
    assert_eq!(p["summary"], "x z");
    assert!(
        has_note(
            &notes,
            "basics.summary: HTML removed: <script> with its content, <style> with its content"
        ),
        "{notes:?}"
    );
    // Generics are text, not elements.
    assert_eq!(p["experience"][0]["organization"], "List<Object> Ltd");
    assert_eq!(p["experience"][0]["role"], "C<T> dev");
    assert_eq!(p["experience"][0]["highlights"][0]["text"], "a b");
    assert!(
        has_note(
            &notes,
            "work[0].highlights[0]: HTML removed: <svg> with its content"
        ),
        "{notes:?}"
    );
}
