//! Output file names, as users send them: `Mari_Maasikas_CV_SMIT.pdf`.
//! ASCII-folded (`Putrinš` → `Putrins`) and reduced to `[A-Za-z0-9_-]`, so
//! nothing from YAML can add a path separator or `..`.

use crate::model::DocKind;
use crate::model::Lang;

/// Fold to ASCII and keep only letters, digits and `-`; runs of anything else become one `_`.
pub fn file_part(s: &str) -> String {
    let folded = deunicode::deunicode(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_matches(|c| c == '_' || c == '-');
    trimmed
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches(['_', '-'])
        .to_string()
}

/// `First_Last_CV_ORG` / `First_Last_Motivatsioonikiri_ORG` / `First_Last_Cover_Letter_ORG`.
pub fn document_stem(candidate_name: &str, kind: DocKind, lang: Lang, org: &str) -> String {
    let kind_part = match (kind, lang) {
        (DocKind::Cv, _) => "CV",
        (DocKind::Letter, Lang::Et) => "Motivatsioonikiri",
        (DocKind::Letter, Lang::En) => "Cover_Letter",
    };
    let mut parts = Vec::new();
    let name = file_part(candidate_name);
    if !name.is_empty() {
        parts.push(name);
    }
    parts.push(kind_part.to_string());
    let org = file_part(org);
    if !org.is_empty() {
        parts.push(org);
    }
    parts.join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_estonian_and_cyrillic() {
        assert_eq!(file_part("Putrinš"), "Putrins");
        assert_eq!(file_part("Õie Ärgmäe-Žukov"), "Oie_Argmae-Zukov");
        assert_eq!(file_part("Мари"), "Mari");
    }

    #[test]
    fn no_path_can_be_formed() {
        for evil in [
            "ACME/../../etc",
            "..",
            "a\\b",
            "/abs",
            "x\0y",
            "C:\\x",
            "~/.ssh",
        ] {
            let p = file_part(evil);
            assert!(
                !p.contains('/') && !p.contains('\\') && !p.contains(".."),
                "{evil} → {p}"
            );
            assert!(
                p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            );
        }
        assert_eq!(file_part("ACME/../../etc"), "ACME_etc");
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_safe_file_name(s in "(?s).{0,80}", special in "[#$@<>\\\\/_`~:.\\[\\]*\"' -]{0,20}") {
            for input in [s.clone(), special.clone(), format!("{s}{special}{s}")] {
                let stem = document_stem(&input, DocKind::Letter, Lang::Et, &input);
                proptest::prop_assert!(stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'), "{stem}");
                proptest::prop_assert!(!stem.contains("..") && !stem.is_empty());
                proptest::prop_assert!(stem.contains("Motivatsioonikiri"));
                proptest::prop_assert!(stem.len() <= 60 + 1 + 17 + 1 + 60);
            }
        }
    }

    #[test]
    fn document_names() {
        assert_eq!(
            document_stem("Mari Maasikas", DocKind::Cv, Lang::Et, "SMIT"),
            "Mari_Maasikas_CV_SMIT"
        );
        assert_eq!(
            document_stem("Mari Maasikas", DocKind::Letter, Lang::Et, "SMIT"),
            "Mari_Maasikas_Motivatsioonikiri_SMIT"
        );
        assert_eq!(
            document_stem("Mari Maasikas", DocKind::Letter, Lang::En, "RIA"),
            "Mari_Maasikas_Cover_Letter_RIA"
        );
        assert_eq!(document_stem("", DocKind::Cv, Lang::En, ""), "CV");
    }
}
