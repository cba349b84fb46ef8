//! `dossier export json-resume` end to end: the real binary on the example
//! workspace; the output checked against the JSON Resume 1.0.0 schema (from
//! `../shared/reference`), imported back with `dossier import json-resume`
//! and built with the real typst, the CV read back with pdftotext.

mod common;

use std::path::Path;

use common::*;
use dossier::load::yaml;
use dossier::model::profile::{Item, Profile};
use dossier::model::{Lang, Located};
use serde_json::Value;

fn export(ws: &Path, args: &[&str]) -> Value {
    let mut all = vec!["export", "json-resume"];
    all.extend_from_slice(args);
    let out = dossier(ws, &all);
    assert!(out.status.success(), "{:?}: {}", args, stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("export is JSON")
}

fn schema_errors(doc: &Value) -> Option<Vec<String>> {
    let path = shared_reference("json-resume/schema-v1.0.0.json")?;
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read schema")).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    Some(
        validator
            .iter_errors(doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect(),
    )
}

/// Every key of every object in `doc`, as `path.key`, to compare with the
/// schema's (the 1.0.0 schema allows unknown keys inside sections; this
/// export writes none).
fn keys(doc: &Value, path: &str, out: &mut Vec<String>) {
    match doc {
        Value::Object(m) => {
            for (k, v) in m {
                out.push(format!("{path}.{k}"));
                keys(v, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| keys(v, &format!("{path}[]"), out)),
        _ => {}
    }
}

/// The keys the schema names, in the same form as [`keys`].
fn schema_keys(schema: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (k, v) in props {
            out.push(format!("{path}.{k}"));
            schema_keys(v, &format!("{path}.{k}"), out);
        }
    }
    if let Some(items) = schema.get("items") {
        schema_keys(items, &format!("{path}[]"), out);
    }
}

/// A copy of the example with Š and Ž in the volunteering organization:
/// every Estonian letter (õ ä ö ü š ž) is then somewhere in the profile.
fn workspace() -> tempfile::TempDir {
    let ws = example_workspace();
    let p = ws.path().join("profiles/mari.yaml");
    let text = std::fs::read_to_string(&p).expect("read");
    assert!(text.contains("organization: MTÜ Noorte Digitugi"));
    write(
        &p,
        &text.replace(
            "organization: MTÜ Noorte Digitugi",
            "organization: MTÜ Noorte Digitugi (Šahh ja Žürii, šašlõkk ja žanr)",
        ),
    );
    ws
}

#[test]
fn exports_validate_against_the_json_resume_schema() {
    let ws = workspace();
    let cases: [&[&str]; 4] = [
        &["mari", "--lang", "et"],
        &["mari", "--lang", "en"],
        &["mari", "--posting", "ringist-valja"],
        &["mari", "--posting", "mari/e-estonia-architect"],
    ];
    let Some(path) = shared_reference("json-resume/schema-v1.0.0.json") else {
        return;
    };
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    let mut allowed = Vec::new();
    schema_keys(&schema, "", &mut allowed);
    for args in cases {
        let doc = export(ws.path(), args);
        assert_eq!(
            schema_errors(&doc).unwrap_or_default(),
            Vec::<String>::new(),
            "{args:?}"
        );
        let mut found = Vec::new();
        keys(&doc, "", &mut found);
        let unknown: Vec<&String> = found
            .iter()
            .filter(|k| !allowed.contains(k) && k.as_str() != ".$schema")
            .collect();
        assert!(
            unknown.is_empty(),
            "{args:?}: keys not in the schema: {unknown:?}"
        );
        // Plain text: no markup left anywhere.
        let text = doc.to_string();
        assert!(!text.contains("**"), "{args:?}: bold markup left");
        assert!(!text.contains("]("), "{args:?}: link markup left");
    }
}

#[test]
fn texts_and_fluency_follow_the_language() {
    let ws = workspace();
    let et = export(ws.path(), &["mari", "--lang", "et"]);
    let en = export(ws.path(), &["mari", "--lang", "en"]);
    // Without --lang: the profile's first language (Estonian).
    assert_eq!(export(ws.path(), &["mari"]), et);
    assert_eq!(
        et["basics"]["label"],
        "Tooteomanik ja IT-projektijuht avalikus sektoris"
    );
    assert_eq!(
        en["basics"]["label"],
        "Product owner and IT project manager in the public sector"
    );
    let fluency = |doc: &Value| -> Vec<(String, String)> {
        doc["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|l| {
                (
                    l["language"].as_str().unwrap_or("").to_string(),
                    l["fluency"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        fluency(&et),
        [
            ("Eesti keel", "emakeel"),
            ("Inglise keel", "C1 – vilunud keelekasutaja"),
            ("Vene keel", "B1 – iseseisev keelekasutaja"),
            ("Soome keel", "A2 – algtasemel keelekasutaja"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        fluency(&en),
        [
            ("Estonian", "Native speaker"),
            ("English", "C1 – Proficient user"),
            ("Russian", "B1 – Independent user"),
            ("Finnish", "A2 – Basic user"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Markup stripped: **TARA** is TARA; a link keeps its label.
    let tehik = &en["work"][0];
    assert_eq!(tehik["startDate"], "2022-03");
    assert!(tehik.get("endDate").is_none(), "ongoing: no end date");
    assert!(
        tehik["highlights"][0]
            .as_str()
            .is_some_and(|h| h.contains("service TARA and")),
        "{tehik}"
    );
    // Contact links: the web site is basics.url, the networks are profiles
    // with the user name.
    assert_eq!(en["basics"]["url"], "https://mari.example.ee");
    assert_eq!(en["basics"]["profiles"][0]["network"], "LinkedIn");
    assert_eq!(en["basics"]["profiles"][0]["username"], "mari-maasikas");
    assert_eq!(en["basics"]["location"]["city"], "Tallinn");
    assert_eq!(
        en["basics"]["location"]["address"],
        "Tuukri 12-5\n10120 Tallinn, Estonia"
    );
    // Estonian letters survive, as UTF-8 (not \u escapes).
    let out = dossier(ws.path(), &["export", "json-resume", "mari"]);
    let raw = stdout(&out);
    for ch in ['õ', 'ä', 'ö', 'ü', 'š', 'ž', 'Ü', 'Š', 'Ž'] {
        assert!(raw.contains(ch), "{ch} missing");
    }
    assert!(raw.contains("MTÜ Noorte Digitugi (Šahh ja Žürii, šašlõkk ja žanr)"));
    assert!(raw.contains("Sõnajalg OÜ"));
}

#[test]
fn a_posting_exports_its_selection_order_and_overrides() {
    let ws = workspace();
    let doc = export(ws.path(), &["mari", "--posting", "ringist-valja"]);
    assert_eq!(
        doc["basics"]["label"],
        "Projektijuht ja meeskonnajuht, kes oskab osapooli kaasata"
    );
    assert!(
        doc["basics"]["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Üle 15-aastase kogemusega projekti- ja meeskonnajuht"))
    );
    let names = |section: &str, key: &str| -> Vec<String> {
        doc[section]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| x[key].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        names("work", "name"),
        [
            "Tervise ja Heaolu Infosüsteemide Keskus (TEHIK)",
            "Majandus- ja Kommunikatsiooniministeerium",
            "Läänemere Pank AS",
        ]
    );
    // cv.highlights: tehik keeps backlog and training, in that order.
    let tehik = doc["work"][0]["highlights"].as_array().expect("highlights");
    assert_eq!(tehik.len(), 2);
    assert!(
        tehik[0]
            .as_str()
            .is_some_and(|h| h.starts_with("Koostasin"))
    );
    assert!(
        tehik[1]
            .as_str()
            .is_some_and(|h| h.starts_with("Koolitasin"))
    );
    assert_eq!(
        names("projects", "name"),
        ["Häkaton „Turvaline kogukond“", "Iseteeninduse stiiliraamat"]
    );
    assert_eq!(
        names("certificates", "name"),
        [
            "PRINCE2 Foundation",
            "Professional Scrum Product Owner I (PSPO I)"
        ]
    );
    // The schema wants a certificate's date with its day: 2016-04 is its first.
    assert_eq!(doc["certificates"][0]["date"], "2016-04-01");
    assert_eq!(doc["certificates"][0]["issuer"], "PeopleCert");
    // cv.skills: six skills, grouped by category and level in their order.
    let skills: Vec<String> = doc["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .flat_map(|s| s["keywords"].as_array().cloned().unwrap_or_default())
        .map(|k| k.as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(skills.len(), 6, "{skills:?}");
    assert_eq!(skills[0], "Meeskonna juhtimine ja juhendamine");
    // The posting is Estonian: its language, and --lang may not say otherwise.
    assert_eq!(doc["languages"][0]["fluency"], "emakeel");
    let out = dossier(
        ws.path(),
        &[
            "export",
            "json-resume",
            "mari",
            "--posting",
            "ringist-valja",
            "--lang",
            "en",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is in `et`"), "{}", stderr(&out));
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let ws = workspace();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mari.json");
    let out = dossier(
        ws.path(),
        &[
            "export",
            "json-resume",
            "mari",
            "--lang",
            "en",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let written = std::fs::read_to_string(&file).expect("written");
    let piped = stdout(&dossier(
        ws.path(),
        &["export", "json-resume", "mari", "--lang", "en"],
    ));
    assert_eq!(written, piped);
    // Nothing else beside it: no temporary file left.
    assert_eq!(files_under(dir.path()), vec![file.clone()]);
    // Again over the existing file: replaced.
    let out = dossier(
        ws.path(),
        &[
            "export",
            "json-resume",
            "mari",
            "--lang",
            "et",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("emakeel")
    );
    // Into a folder that does not exist: an error, nothing written.
    let missing = dir.path().join("no/such/dir/x.json");
    let out = dossier(
        ws.path(),
        &[
            "export",
            "json-resume",
            "mari",
            "-o",
            missing.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert_eq!(files_under(dir.path()), vec![file]);
}

/// Texts of `lang` (with the profile's fallback) of a list's items with
/// their dates, sorted: what a round trip must keep.
fn dated<T: Item>(
    items: &[T],
    name: impl Fn(&T) -> &dossier::model::Text,
    lang: Lang,
) -> Vec<(String, String, String)> {
    let iso = |d: Option<&Located<dossier::model::Date>>| {
        d.map(|d| d.value.to_string()).unwrap_or_default()
    };
    let mut out: Vec<_> = items
        .iter()
        .map(|i| {
            let (s, e) = i.span();
            (
                dossier::model::markup::plain(name(i).get(lang, None).unwrap_or("")),
                iso(s),
                iso(e),
            )
        })
        .collect();
    out.sort();
    out
}

fn profile(path: &Path) -> Profile {
    yaml::parse(&std::fs::read_to_string(path).expect("read"), path).expect("a profile")
}

#[test]
fn an_export_imports_back_and_builds_with_every_employer_school_language_and_date() {
    let ws = workspace();
    let original = profile(&ws.path().join("profiles/mari.yaml"));
    for lang in [Lang::Et, Lang::En] {
        let tmp = tempfile::tempdir().expect("temp dir");
        let file = tmp.path().join("mari.json");
        let out = dossier(
            ws.path(),
            &[
                "export",
                "json-resume",
                "mari",
                "--lang",
                lang.code(),
                "-o",
                file.to_str().expect("utf-8"),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let target = tmp.path().join("ws");
        std::fs::create_dir_all(target.join("profiles")).expect("mkdir");
        let out = dossier(
            &target,
            &[
                "import",
                "json-resume",
                "--candidate",
                "mari",
                file.to_str().expect("utf-8"),
            ],
        );
        assert!(out.status.success(), "{lang}: {}", stderr(&out));
        // Every note is a fluency read back as a level: nothing dropped.
        let notes: Vec<String> = stderr(&out)
            .lines()
            .filter(|l| l.starts_with("note:"))
            .filter(|l| !l.contains(".fluency: "))
            .map(String::from)
            .collect();
        assert!(notes.is_empty(), "{lang}: {notes:?}");

        let imported = profile(&target.join("profiles/mari.yaml"));
        // The address comes back line for line, with no second city line.
        let lines = |p: &Profile| -> Vec<String> {
            p.contact
                .address
                .iter()
                .map(|t| t.get(lang, None).unwrap_or_default().to_string())
                .collect()
        };
        assert_eq!(lines(&imported), lines(&original), "{lang}");
        assert_eq!(
            dated(&imported.experience, |e| &e.organization, lang),
            dated(&original.experience, |e| &e.organization, lang),
            "{lang}"
        );
        assert_eq!(
            dated(&imported.volunteering, |e| &e.organization, lang),
            dated(&original.volunteering, |e| &e.organization, lang),
            "{lang}"
        );
        assert_eq!(
            dated(&imported.education, |e| &e.institution, lang),
            dated(&original.education, |e| &e.institution, lang),
            "{lang}"
        );
        // A certificate's date comes back with the day the schema made it
        // give: the first of the month.
        let full = |d: String| match d.len() {
            4 => format!("{d}-01-01"),
            7 => format!("{d}-01"),
            _ => d,
        };
        let certifications: Vec<_> = dated(&original.certifications, |e| &e.name, lang)
            .into_iter()
            .map(|(n, s, e)| (n, s, full(e)))
            .collect();
        assert_eq!(
            dated(&imported.certifications, |e| &e.name, lang),
            certifications,
            "{lang}"
        );
        assert_eq!(
            dated(&imported.projects, |e| &e.name, lang),
            dated(&original.projects, |e| &e.name, lang),
            "{lang}"
        );
        let languages = |p: &Profile| -> Vec<(String, String)> {
            p.languages
                .iter()
                .map(|l| {
                    (
                        l.name.get(lang, None).unwrap_or("").to_string(),
                        l.level.value.code().to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(languages(&imported), languages(&original), "{lang}");
        // Skills keep name, category and level.
        let skills = |p: &Profile| -> Vec<(String, String, String)> {
            let mut v: Vec<_> = p
                .skills
                .iter()
                .map(|s| {
                    let t = |x: Option<&dossier::model::Text>| {
                        x.and_then(|x| x.get(lang, None)).unwrap_or("").to_string()
                    };
                    (
                        t(Some(&s.name)),
                        t(s.category.as_ref()),
                        t(s.level.as_ref()),
                    )
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(skills(&imported), skills(&original), "{lang}");

        // It builds, and the CV shows every employer and school.
        let built = dossier(&target, &["build", "--only", "cv"]);
        assert!(built.status.success(), "{lang}: {}", stderr(&built));
        let pdfs = pdfs_under(&target.join("output"));
        assert_eq!(pdfs.len(), 1, "{pdfs:?}");
        let text = squash(&pdf_text(&pdfs[0]));
        for e in original.experience.iter().chain(&original.volunteering) {
            let name = squash(e.organization.get(lang, None).unwrap_or(""));
            assert!(
                text.contains(&name),
                "{lang}: {name} not in the CV:\n{text}"
            );
        }
        for e in &original.education {
            let name = squash(e.institution.get(lang, None).unwrap_or(""));
            assert!(
                text.contains(&name),
                "{lang}: {name} not in the CV:\n{text}"
            );
        }
        assert!(
            text.contains("Šahh ja Žürii, šašlõkk ja žanr"),
            "{lang}: Š Ž lost:\n{text}"
        );
    }
}

#[test]
fn bad_input_is_a_clear_error_with_exit_2() {
    let ws = workspace();
    let run = |args: &[&str]| {
        let mut all = vec!["export", "json-resume"];
        all.extend_from_slice(args);
        let out = dossier(ws.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{err}");
        err
    };
    let err = run(&["marj"]);
    assert!(err.contains("unknown candidate \"marj\""), "{err}");
    assert!(err.contains("did you mean \"mari\"?"), "{err}");
    let err = run(&["mari", "--posting", "ringist-valaj"]);
    assert!(err.contains("unknown posting \"ringist-valaj\""), "{err}");
    assert!(err.contains("did you mean \"ringist-valja\"?"), "{err}");
    let err = run(&["mari", "--posting", "jaan/ringist-valja"]);
    assert!(err.contains("belongs to candidate \"jaan\""), "{err}");
    // A profile that does not load: the file, line and column.
    let p = ws.path().join("profiles/mari.yaml");
    let text = std::fs::read_to_string(&p).expect("read");
    write(&p, &text.replacen("start: 2022-03", "start: 2022-13", 1));
    let err = run(&["mari"]);
    assert!(err.contains("profiles/mari.yaml:"), "{err}");
    assert!(err.contains("there is no month 13"), "{err}");
    // A text missing in the language asked for.
    write(&p, "name: Mari\nheadline: {et: Tooteomanik}\n");
    let err = run(&["mari", "--lang", "en"]);
    assert!(err.contains("profiles/mari.yaml:2:"), "{err}");
    assert!(err.contains("missing `en` translation"), "{err}");
}

/// Every section the example lacks (publications, references), a skill
/// without a category, dates to the day and to the year, a location with a
/// country code, markup in a name: valid, and each carried.
#[test]
fn a_profile_with_every_section_exports_valid_json_resume() {
    let ws = empty_workspace();
    write(
        &ws.path().join("profiles/jaan.yaml"),
        r#"name: "Jaan **Tamm**"
fallback_language: en
headline: {en: Analyst, et: Analüütik}
contact:
  email: jaan@example.ee
  location: Tartu, Tartumaa, EE
  links:
    - {label: Mastodon, url: "https://mastodon.example/@jaan"}
experience:
  - id: a
    organization: "[Acme](https://acme.example)"
    role: Analyst
    start: 2020-02-03
    end: 2021
education:
  - id: ut
    institution: Tartu Ülikool
publications:
  - id: p
    title: Über *Žanrid*
    venue: Akadeemia
    date: 2019-05
    url: https://doi.example/1
references:
  - id: r
    name: Tiina Tamm
    role: Juhataja
    organization: Acme
    email: tiina@example.ee
skills:
  - id: s
    name: SQL
    level: expert
certifications:
  - id: c
    name: Cert
    date: 2018
"#,
    );
    let doc = export(ws.path(), &["jaan"]);
    if let Some(errors) = schema_errors(&doc) {
        assert_eq!(errors, Vec::<String>::new());
    }
    // fallback_language: English by default.
    assert_eq!(doc["basics"]["label"], "Analyst");
    assert_eq!(doc["basics"]["name"], "Jaan Tamm");
    assert_eq!(doc["basics"]["location"]["city"], "Tartu");
    assert_eq!(doc["basics"]["location"]["region"], "Tartumaa");
    assert_eq!(doc["basics"]["location"]["countryCode"], "EE");
    assert!(
        doc["basics"].get("url").is_none(),
        "a network is no web site"
    );
    assert_eq!(doc["basics"]["profiles"][0]["username"], "jaan");
    assert_eq!(doc["work"][0]["name"], "Acme");
    assert_eq!(doc["work"][0]["startDate"], "2020-02-03");
    assert_eq!(doc["work"][0]["endDate"], "2021");
    assert_eq!(doc["education"][0]["institution"], "Tartu Ülikool");
    assert!(doc["education"][0].get("startDate").is_none());
    assert_eq!(doc["publications"][0]["name"], "Über Žanrid");
    assert_eq!(doc["publications"][0]["publisher"], "Akadeemia");
    assert_eq!(doc["publications"][0]["releaseDate"], "2019-05");
    assert_eq!(
        doc["references"][0]["reference"],
        "Juhataja, Acme · tiina@example.ee"
    );
    assert_eq!(doc["skills"][0]["name"], "SQL");
    assert_eq!(doc["skills"][0]["level"], "expert");
    assert!(doc["skills"][0].get("keywords").is_none());
    assert_eq!(doc["certificates"][0]["date"], "2018-01-01");
    assert!(doc.get("awards").is_none() && doc.get("interests").is_none());
}
