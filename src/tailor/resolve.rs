//! Picking the posting's language out of text values, and reporting what is missing.

use std::path::PathBuf;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Lang, Text};

/// Resolves texts of one file to one language, collecting missing translations.
pub struct Resolver<'a> {
    pub lang: Lang,
    pub fallback: Option<Lang>,
    pub file: PathBuf,
    pub diags: &'a mut Diagnostics,
}

impl Resolver<'_> {
    /// The text in the posting's language; a missing translation is reported
    /// (with `field`) and yields an empty string so that checking can go on.
    pub fn text(&mut self, text: &Text, field: &str) -> String {
        match text.get(self.lang, self.fallback) {
            Some(s) => s.to_string(),
            None => {
                let have: Vec<String> = text.languages().iter().map(|l| l.to_string()).collect();
                self.diags.push(
                    Diagnostic::new(
                        &self.file,
                        format!(
                            "missing `{}` translation (has: {}); add `{}: …` or set `fallback_language` in the profile",
                            self.lang,
                            have.join(", "),
                            self.lang
                        ),
                    )
                    .at(text.pos)
                    .field(field),
                );
                String::new()
            }
        }
    }

    pub fn opt(&mut self, text: Option<&Text>, field: &str) -> String {
        text.map(|t| self.text(t, field)).unwrap_or_default()
    }

    pub fn list(&mut self, texts: &[Text], field: &str) -> Vec<String> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| self.text(t, &format!("{field}[{i}]")))
            .collect()
    }
}
