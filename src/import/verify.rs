//! An import never writes a profile that does not build: the YAML text it
//! made is loaded, checked and merged with the starter posting exactly as
//! `dossier build` would, before anything is written — and so is every
//! tailoring file the candidate already has, which must build with it too.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Date;

use super::json_resume::Origin;

/// The problems of the profile and posting texts, each with the JSON path
/// its entry came from; empty when they build.
pub fn problems(
    root: &Path,
    candidate: &str,
    profile_yaml: &str,
    posting_yaml: &str,
    origins: &[Origin],
) -> Vec<String> {
    let pfile = Path::new("profiles").join(format!("{candidate}.yaml"));
    let tfile = Path::new("profiles").join(candidate).join("example.yaml");
    let result = crate::build::merge::merge_texts(
        root,
        (profile_yaml, &pfile),
        (posting_yaml, &tfile),
        (candidate, "example"),
        Date::today(),
    );
    match result {
        Ok(_) => Vec::new(),
        Err(d) => {
            d.0.iter()
                .map(|d| match origin(&d.field, origins) {
                    Some(path) => format!("{d} (from {path} of the JSON file)"),
                    None => d.to_string(),
                })
                .collect()
        }
    }
}

/// The candidate's tailoring files (`profiles/<candidate>/*.yaml`, as
/// `dossier build` finds them), relative to `root`, sorted.
pub fn postings(root: &Path, candidate: &str) -> Vec<PathBuf> {
    let dir = Path::new("profiles").join(candidate);
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(&dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_file() && matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml"))
        })
        .filter_map(|p| p.file_name().map(|n| dir.join(n)))
        .collect();
    files.sort();
    files
}

/// The candidate's tailoring files that would not build with
/// `profile_yaml` as `profiles/<candidate>.yaml`, each with its problems.
pub fn posting_problems(
    root: &Path,
    candidate: &str,
    profile_yaml: &str,
) -> Vec<(PathBuf, Diagnostics)> {
    let pfile = Path::new("profiles").join(format!("{candidate}.yaml"));
    let mut out = Vec::new();
    for tfile in postings(root, candidate) {
        let text = match std::fs::read_to_string(root.join(&tfile)) {
            Ok(t) => t,
            Err(e) => {
                let d = Diagnostic::new(&tfile, format!("cannot read: {e}"));
                out.push((tfile, d.into()));
                continue;
            }
        };
        let posting = tfile
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let result = crate::build::merge::merge_texts(
            root,
            (profile_yaml, &pfile),
            (&text, &tfile),
            (candidate, &posting),
            Date::today(),
        );
        if let Err(d) = result {
            out.push((tfile, d));
        }
    }
    out
}

/// The JSON path of the entry a field path such as `experience[acme].end`
/// or `experience[2]` names.
fn origin<'a>(field: &str, origins: &'a [Origin]) -> Option<&'a str> {
    let (list, rest) = field.split_once('[')?;
    let key = rest.split(']').next()?;
    let of_list = origins.iter().filter(|o| o.list == list);
    let found = match key.parse::<usize>() {
        Ok(i) => of_list.clone().nth(i),
        Err(_) => None,
    };
    found
        .or_else(|| of_list.clone().find(|o| o.id == key))
        .map(|o| o.path.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_the_json_entry() {
        let origins = vec![
            Origin {
                list: "experience".into(),
                id: "a".into(),
                path: "work[0]".into(),
            },
            Origin {
                list: "experience".into(),
                id: "b".into(),
                path: "work[1]".into(),
            },
        ];
        let profile = "name: X\nexperience:\n  - {id: a, organization: A, role: R, start: 2020}\n  - {id: b, organization: B, role: R, start: 2020-05, end: 2019-01}\n";
        let posting = super::super::starter_posting("Dev");
        let p = problems(Path::new("/nonexistent"), "x", profile, &posting, &origins);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("experience[b].end"), "{}", p[0]);
        assert!(
            p[0].ends_with("(from work[1] of the JSON file)"),
            "{}",
            p[0]
        );

        let broken = "name: X\nexperience:\n  - {id: a, role: R, start: 2020}\n";
        let p = problems(Path::new("/nonexistent"), "x", broken, &posting, &origins);
        assert!(p[0].contains("organization"), "{p:?}");
        assert!(p[0].contains("work[0]"), "{p:?}");

        let fine = "name: X\n";
        assert!(problems(Path::new("/nonexistent"), "x", fine, &posting, &origins).is_empty());
    }
}
