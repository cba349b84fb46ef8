//! Page limits: a CV over `cv.max_pages` and a letter over one page still
//! build, with a warning that says where the limit was set.

mod common;

use common::*;

#[test]
fn pages_over_the_limit_are_warned_about() {
    let ws = example_workspace();
    let ws = ws.path();
    let posting = "sotsiaalkindlustusamet-kasutajatugi";
    let file = ws.join(format!("profiles/mari/{posting}.yaml"));
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        text.contains("  max_pages: 2\n"),
        "the example sets max_pages"
    );
    let long_body =
        "    Pikk lõik, mis kordub ja kordub, et kiri ei mahuks ühele leheküljele. ".repeat(60);
    let text = text
        .replace("  max_pages: 2\n", "  max_pages: 1\n")
        .replacen("  body: |\n", &format!("  body: |\n{long_body}\n\n"), 1);
    write(&file, &text);
    let line = text
        .lines()
        .position(|l| l == "  max_pages: 1")
        .expect("line")
        + 1;

    let out = dossier(ws, &["build", posting]);
    let err = stderr(&out);
    assert!(out.status.success(), "a warning is not a failure:\n{err}");
    assert!(
        err.contains(&format!("warning mari/{posting} cv: 2 pages; profiles/mari/{posting}.yaml:{line}: cv.max_pages is 1")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "warning mari/{posting} letter: 2 pages; a motivation letter should fit on one page"
        )),
        "{err}"
    );

    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(ws.join("output/manifest.json")).expect("manifest"),
    )
    .expect("json");
    let docs = manifest["documents"].as_array().expect("documents");
    for d in docs {
        let pdf = ws.join(d["pdf"].as_str().expect("pdf"));
        assert_eq!(
            d["pages"].as_u64(),
            Some(pages(&pdf) as u64),
            "manifest pages agree with pdfinfo: {d}"
        );
        assert_eq!(d["warnings"].as_array().map(Vec::len), Some(1), "{d}");
    }

    // Within the limits: no warning.
    let other = dossier(ws, &["build", "sotsiaalkindlustusamet-komponendid"]);
    assert!(other.status.success());
    assert!(!stderr(&other).contains("warning"), "{}", stderr(&other));
}
