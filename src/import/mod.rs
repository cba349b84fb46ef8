//! Importing a JSON Resume document (jsonresume.org, every schema era) as a
//! profile. The result is a YAML text that loads as a `Profile`; what has no
//! place in a profile goes into free `sections` or is named in a note, so
//! nothing is dropped silently. Before it is written, the text is loaded,
//! checked and merged with the starter posting like `dossier build` does.
//!
//! `json_resume` reads the top level and `basics`, `jobs` the jobs, `sections`
//! the rest; `values` reads values leniently, `html` turns HTML into inline
//! markup, `dates` reads dates as people write them, `fluency` reads language
//! levels; `verify` checks the result.

mod dates;
pub(crate) mod fluency;
pub(crate) mod html;
pub(crate) mod ids;
pub(crate) mod jobs;
pub(crate) mod json_resume;
pub mod jsonc;
pub(crate) mod notes;
mod sections;
pub(crate) mod values;
mod verify;

pub use verify::postings;

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use json_resume::{Converted, Origin};

/// A converted document.
pub struct Imported {
    /// The profile, as YAML.
    pub yaml: String,
    /// What was adapted or left out, each naming its JSON path.
    pub notes: Vec<String>,
    /// The candidate's name (inline markup possible).
    pub name: String,
    /// `basics.label`, as imported.
    pub headline: Option<String>,
    origins: Vec<Origin>,
}

/// Convert a JSON Resume document.
pub fn json_resume(json_text: &str) -> Result<Imported> {
    let (doc, cleaned) = jsonc::parse(json_text)?;
    let mut notes = notes::Notes::default();
    let converted = json_resume::convert(&doc, &mut notes)?;
    let lines = |l: &[usize]| {
        l.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut all_notes = Vec::new();
    if !cleaned.comment_lines.is_empty() {
        all_notes.push(format!(
            "comments skipped (not JSON, but editors allow them) on line(s) {}",
            lines(&cleaned.comment_lines)
        ));
    }
    if !cleaned.comma_lines.is_empty() {
        all_notes.push(format!(
            "trailing commas skipped on line(s) {}",
            lines(&cleaned.comma_lines)
        ));
    }
    all_notes.extend(notes.render());
    finish(
        converted,
        "# Imported from JSON Resume by `dossier import json-resume`.\n",
        all_notes,
    )
}

/// A converted profile as YAML, checked to read back as it was meant,
/// under the schema modeline and `header` (comment lines).
pub(crate) fn finish(converted: Converted, header: &str, notes: Vec<String>) -> Result<Imported> {
    let yaml = serde_saphyr::to_string(&converted.profile).context("cannot write YAML")?;
    // What is read back must be what was meant, to the character.
    let back: Value = serde_saphyr::from_str(&yaml).context("cannot read the YAML back")?;
    if let Some(path) = difference(&converted.profile, &back, String::new()) {
        bail!(
            "the YAML written for {path} does not read back as it was meant; please report this as a bug of `dossier import`"
        );
    }
    let header = format!(
        "{header}# Add `{{et: …, en: …}}` translations where you write in both languages.\n"
    );
    let modeline = crate::model::schema::modeline(crate::args::SchemaKind::Profile);
    Ok(Imported {
        yaml: format!("{modeline}\n{header}{yaml}"),
        notes,
        name: converted.name,
        headline: converted.headline,
        origins: converted.origins,
    })
}

/// The first place where `b` (read back from YAML) differs from `a`; a
/// number read back for a string of the same digits is the same.
fn difference(a: &Value, b: &Value, path: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                return Some(path);
            }
            x.iter().find_map(|(k, v)| match y.get(k) {
                Some(w) => difference(v, w, values::key_path(&path, k)),
                None => Some(values::key_path(&path, k)),
            })
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(path);
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (v, w))| difference(v, w, format!("{path}[{i}]")))
        }
        (Value::String(s), Value::Number(n)) if *s == n.to_string() => None,
        _ => (a != b).then_some(path),
    }
}

/// A starter posting for a candidate whose headline is `position`.
pub fn starter_posting(position: &str) -> String {
    let position = html::one_line(position);
    let position = if position.is_empty() {
        "Position".to_string()
    } else {
        position
    };
    // A JSON string is a YAML double-quoted scalar.
    let quoted = Value::String(position).to_string();
    let modeline = crate::model::schema::modeline(crate::args::SchemaKind::Tailoring);
    format!(
        "{modeline}\n\
         # A starter posting: copy this file for every job you apply to.\n\
         language: en\n\
         layout: classic\n\
         status: draft\n\
         posting:\n  \
           organization: Example Ltd\n  \
           short_name: EXAMPLE\n  \
           position: {quoted}\n\
         letter:\n  \
           body: |\n    \
             I am writing to apply for the position of {{{{ posting.position }}}} at {{{{ posting.organization }}}}.\n\
         \n    \
             Write here why you want this job and what you bring to it.\n"
    )
}

/// Fail, listing every problem, unless `imported` as
/// `profiles/<candidate>.yaml` and `posting` as its posting build.
pub fn verify(imported: &Imported, root: &Path, candidate: &str, posting: &str) -> Result<()> {
    let problems = verify::problems(root, candidate, &imported.yaml, posting, &imported.origins);
    if problems.is_empty() {
        return Ok(());
    }
    bail!(
        "the imported profile would not build, so nothing was written; please report this \
         as a bug of `dossier import`:\n  {}",
        problems.join("\n  ")
    )
}

/// The tailoring files `profiles/<candidate>/*.yaml` already has that would
/// not build with `imported` as the candidate's profile (they name ids it
/// lacks, say), each with its problems; empty when all of them build.
pub fn posting_problems(
    imported: &Imported,
    root: &Path,
    candidate: &str,
) -> Vec<(std::path::PathBuf, crate::diag::Diagnostics)> {
    verify::posting_problems(root, candidate, &imported.yaml)
}

#[cfg(test)]
mod tests;
